import Foundation

/// The headline: the `h1` the metadata confirms, else a metadata title without its site name.
extension HTMLMetadataReader {
    /// Titles the metadata gives, best first, with their source.
    var titleCandidates: [(String, HTMLMetadataSource)] {
        var out: [(String, HTMLMetadataSource)] = []
        if ld.isArticle, let headline = ld.headline { out.append((headline, .jsonLD)) }
        for key in ["og:title", "twitter:title", "title", "dc.title", "itemprop:headline"] {
            for entry in page.metas where entry.key == key {
                if let value = HTMLText.nonEmpty(entry.value) { out.append((value, Self.source(ofMeta: key))) }
            }
        }
        return out
    }

    /// The title and where it came from, and the block of the `h1` used, if one was.
    func title(firstContentBlock: Int?) -> (title: String, source: HTMLMetadataSource, block: Int?)? {
        let candidates = titleCandidates
        let pageTitle = page.title.flatMap(HTMLText.nonEmpty)
        let all = candidates + (pageTitle.map { [($0, HTMLMetadataSource.titleElement)] } ?? [])
        var h1Count = 0
        for (index, block) in page.blocks.enumerated() where block.headingLevel == 1 {
            h1Count += 1
            if h1Count > 6 { break }
            let heading = page.text(of: block).replacingOccurrences(of: "\n", with: " ")
            for (candidate, _) in all {
                switch Self.relation(heading: heading, candidate: Self.stripSite(candidate, sites: siteNameCandidates)) {
                case .same, .candidateAddsLabel: return (HTMLText.collapsed(heading), .heading, index)
                case .headingAddsText:
                    // The h1 holds more than the headline (a logo, a byline): the headline's own
                    // block, if there is one, is where the article starts.
                    let key = HTMLText.comparisonKey(candidate)
                    let own = page.blocks.indices.first { HTMLText.comparisonKey(page.text(of: page.blocks[$0])) == key }
                    return (Self.stripSite(candidate, sites: siteNameCandidates), .heading, own ?? index)
                case .unrelated: continue
                }
            }
        }
        if let (candidate, source) = candidates.first {
            return (Self.stripSite(candidate, sites: siteNameCandidates), source, nil)
        }
        if let headline = headlineElement(pageTitle: pageTitle, firstContentBlock: firstContentBlock, repeatedOnly: h1Count > 0) {
            return (headline.text, .headlineElement, headline.block)
        }
        if let pageTitle { return (Self.stripSite(pageTitle, sites: siteNameCandidates), .titleElement, nil) }
        return nil
    }

    /// For pages without `h1`: among elements whose class names a headline or title (and
    /// `h2`/`h3` headings), those `<title>` repeats, else all of them; of these the last one
    /// before the main text (a blog's name comes before the post's title).
    /// With `repeatedOnly` (the page has an `h1` that is not the headline), only a heading that
    /// `<title>` repeats qualifies.
    func headlineElement(pageTitle: String?, firstContentBlock: Int?, repeatedOnly: Bool) -> (text: String, block: Int)? {
        var candidates: [(text: String, block: Int)] = page.headlines.map {
            (HTMLText.collapsed($0.text.replacingOccurrences(of: "\n", with: " ")), $0.blockIndex)
        }
        for (index, block) in page.blocks.enumerated() where block.headingLevel == 2 || block.headingLevel == 3 {
            candidates.append((HTMLText.collapsed(page.text(of: block)), index))
        }
        candidates = candidates.filter { $0.text.count >= 8 && $0.text.count <= 300 }
        if let pageTitle {
            let key = HTMLText.comparisonKey(pageTitle)
            let repeated = candidates.filter { key.contains(HTMLText.comparisonKey($0.text)) }
            if !repeated.isEmpty {
                candidates = repeated
            } else if repeatedOnly {
                return nil
            } else {
                let hinted = Set(page.headlines.map(\.blockIndex))
                candidates = candidates.filter { hinted.contains($0.block) }
            }
        }
        if repeatedOnly && pageTitle == nil { return nil }
        let limit = firstContentBlock ?? Int.max
        let before = candidates.filter { $0.block <= limit }
        return before.max { $0.block < $1.block } ?? candidates.min { $0.block < $1.block }
    }

    enum Relation { case same, candidateAddsLabel, headingAddsText, unrelated }

    /// How a heading and a metadata title relate: the same text; the title is the heading with a
    /// site name or a short label around it; the heading is the title with more text in it (a
    /// byline, a logo); or neither.
    static func relation(heading: String, candidate: String) -> Relation {
        let h = HTMLText.comparisonKey(heading)
        let c = HTMLText.comparisonKey(candidate)
        guard !h.isEmpty, !c.isEmpty else { return .unrelated }
        if h == c { return .same }
        if h.count >= 8, c.contains(h) {
            let rest = c.count - h.count
            return rest <= max(30, c.count * 2 / 5) ? .candidateAddsLabel : .unrelated
        }
        if c.count >= 8, h.contains(c), c.count * 2 >= h.count { return .headingAddsText }
        return .unrelated
    }

    /// Separators between a headline and a site name in titles.
    static let titleSeparators = [" | ", " - ", " – ", " — ", " :: ", " » ", " / ", " · ", "｜", " ｜ ", "：", " : "]

    /// `title` without a site name at its end ("Headline | Site"). A site name at the start is
    /// kept: "Site - tagline" is how home pages are titled, and taking the name off leaves the
    /// tagline.
    static func stripSite(_ title: String, sites: [String]) -> String {
        let keys = sites.map(HTMLText.comparisonKey).filter { !$0.isEmpty }
        var result = HTMLText.collapsed(title)
        for separator in titleSeparators {
            if let range = result.range(of: separator, options: .backwards) {
                let tail = HTMLText.comparisonKey(String(result[range.upperBound...]))
                if !tail.isEmpty, keys.contains(where: { tail == $0 || tail.contains($0) || $0.contains(tail) }) {
                    result = HTMLText.collapsed(String(result[..<range.lowerBound]))
                    continue
                }
            }
        }
        return result.isEmpty ? HTMLText.collapsed(title) : result
    }
}
