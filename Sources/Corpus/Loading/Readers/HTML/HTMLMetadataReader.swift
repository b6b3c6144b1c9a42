import Foundation

/// Reads a page's metadata from every place pages put it, in order of trust.
///
/// - title: the `h1` when a title in the metadata (JSON-LD `headline`, `og:title`,
///   `twitter:title`, `<title>`…) confirms it, else that title without the site name around it,
///   else an element whose class names a headline, else `<title>`.
/// - date: JSON-LD `datePublished`; `article:published_time` and the other publication-date
///   metas; a `<time>` near the headline; a date written near the headline; a date in the URL;
///   the modification date last.
/// - site: `og:site_name`; the JSON-LD publisher; `application-name`; Dublin Core publisher;
///   what `<title>` adds to the headline; the Twitter account; a copyright line; the host.
/// - authors: JSON-LD `author`; `author` metas; bylines in the page.
/// - url: `<link rel="canonical">` when absolute (or root-relative), `og:url`, JSON-LD, the
///   address given by the caller.
/// - language: `<html lang>`, `Content-Language`, `og:locale`, JSON-LD `inLanguage`, and the
///   script of the text when only one language writes it.
struct HTMLMetadataReader {
    let page: HTMLPage
    let ld: HTMLJSONLD
    let givenURL: String?

    init(page: HTMLPage, givenURL: String?) {
        self.page = page
        self.ld = HTMLJSONLD(scripts: page.jsonLD)
        self.givenURL = givenURL
    }

    // MARK: Metas

    /// The first non-empty meta value among `keys` (in the order of `keys`).
    func meta(_ keys: [String]) -> (value: String, key: String)? {
        for key in keys {
            for entry in page.metas where entry.key == key {
                if let value = HTMLText.nonEmpty(entry.value) { return (value, key) }
            }
        }
        return nil
    }

    static func source(ofMeta key: String) -> HTMLMetadataSource {
        if key.hasPrefix("og:") || key.hasPrefix("article:") { return .openGraph }
        if key.hasPrefix("twitter:") { return .twitter }
        if key.hasPrefix("itemprop:") { return .microdata }
        return .meta
    }

    // MARK: Title

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

    // MARK: Site

    /// Site names from the metadata alone, best first.
    var siteNameCandidates: [String] {
        var out: [String] = []
        if let v = meta(["og:site_name"]) { out.append(v.value) }
        if let p = ld.publisher { out.append(p) }
        if let v = meta(["application-name", "apple-mobile-web-app-title", "dc.publisher", "publisher",
                         "article_publication_name", "cre"]) { out.append(v.value) }
        return out
    }

    func siteName(headline: String?, url: String?) -> (String, HTMLMetadataSource)? {
        if let v = meta(["og:site_name"]) { return (v.value, .openGraph) }
        if let p = ld.publisher { return (p, .jsonLD) }
        if let v = meta(["application-name", "apple-mobile-web-app-title", "dc.publisher", "publisher",
                         "article_publication_name"]) {
            return (v.value, .meta)
        }
        let host = url.flatMap(Self.host)
        if let pageTitle = page.title.flatMap(HTMLText.nonEmpty),
           let name = Self.siteFromTitle(pageTitle, headline: headline, host: host) {
            return (name, .titleElement)
        }
        if let v = meta(["twitter:site"]) {
            let name = v.value.hasPrefix("@") ? String(v.value.dropFirst()) : v.value
            if !name.isEmpty, !name.contains("/") { return (name, .twitter) }
        }
        if let holder = copyrightHolder() { return (holder, .text) }
        if let host { return (host, .url) }
        return nil
    }

    /// What `<title>` says besides the headline: the segment naming the host, or what is left
    /// when the headline is taken off its start or end.
    static func siteFromTitle(_ title: String, headline: String?, host: String?) -> String? {
        let separators = CharacterSet(charactersIn: "|-–—:：»/·｜_")
        let segments = titleSeparators.reduce([title]) { parts, sep in parts.flatMap { $0.components(separatedBy: sep) } }
            .map(HTMLText.collapsed).filter { !$0.isEmpty }
        if let host, let label = host.split(separator: ".").first.map({ String($0).lowercased() }), label.count >= 2,
           segments.count >= 2, let segment = segments.first(where: { $0.lowercased().contains(label) }) {
            return segment
        }
        guard let headline else { return nil }
        let t = HTMLText.collapsed(title)
        let h = HTMLText.collapsed(headline)
        var rest: String?
        if t.count > h.count, t.hasPrefix(h) { rest = String(t.dropFirst(h.count)) }
        else if t.count > h.count, t.hasSuffix(h) { rest = String(t.dropLast(h.count)) }
        guard var remainder = rest?.trimmingCharacters(in: separators.union(.whitespaces)), !remainder.isEmpty else {
            return nil
        }
        // "写真1枚　国際ニュース：AFPBB News" → the last segment.
        let parts = titleSeparators.reduce([remainder]) { parts, sep in parts.flatMap { $0.components(separatedBy: sep) } }
            .map(HTMLText.collapsed).filter { !$0.isEmpty }
        if let last = parts.last { remainder = last }
        return remainder.count <= 60 ? remainder : nil
    }

    /// The holder named in a "© 2016 The Associated Press" line near the end of the page.
    func copyrightHolder() -> String? {
        for block in page.blocks.suffix(60).reversed() where block.features.copyright && block.length < 300 {
            let text = page.text(of: block)
            guard let sign = text.range(of: "©") else { continue }
            var rest = Substring(text[sign.upperBound...])
            rest = rest.drop(while: { $0 == " " || $0.isNumber || $0 == "-" || $0 == "–" || $0 == "," })
            var holder = String(rest.prefix(while: { $0 != "." && $0 != "," && $0 != "|" && $0 != "\n" && $0 != "(" }))
            for separator in [" - ", " – ", " — ", " · "] {
                if let range = holder.range(of: separator) { holder = String(holder[..<range.lowerBound]) }
            }
            let name = HTMLText.collapsed(holder)
            if name.count >= 2 && name.count <= 60 && name.contains(where: \.isLetter) { return name }
        }
        return nil
    }

    /// The registrable part of a URL's host ("edition.cnn.com" → "cnn.com").
    static func host(_ url: String) -> String? {
        guard let components = URLComponents(string: url), var host = components.host?.lowercased(), !host.isEmpty else {
            return nil
        }
        let labels = host.split(separator: ".")
        if labels.count > 2 {
            let secondLevel = ["co", "com", "org", "net", "gov", "ac", "edu", "ne", "or"]
            let keep = (labels.count >= 3 && secondLevel.contains(String(labels[labels.count - 2]))) ? 3 : 2
            host = labels.suffix(keep).joined(separator: ".")
        }
        return host
    }

    // MARK: Date

    static let publishedMetas = [
        "article:published_time", "og:published_time", "published_time", "article.published", "itemprop:datepublished",
        "pubdate", "publishdate", "publish-date", "publish_date", "published-date", "date", "dc.date.issued",
        "dc.date", "dcterms.issued", "dcterms.created", "dcterms.date", "dc.date.created", "sailthru.date",
        "parsely-pub-date", "article_date_original", "cxenseparse:recs:publishtime", "itemprop:datecreated", "date_published",
        "article.created", "original-publish-date", "epoch-publish-date",
    ]

    /// The publication date and its source. `headlineBlock` is the index of the block holding the
    /// headline, `firstContentBlock` the first block of the main text and `container` the element
    /// holding it; dates shown there are trusted over dates elsewhere in the page (a site
    /// header's "today", a sidebar's list of stories).
    func date(headlineBlock: Int?, firstContentBlock: Int?, container: Int32, monthFirst: Bool,
              url: String?) -> (String, HTMLMetadataSource)? {
        if let value = ld.datePublished, let date = HTMLDateParser.parseValue(value, monthFirst: monthFirst) {
            return (date, .jsonLD)
        }
        for key in Self.publishedMetas {
            for entry in page.metas where entry.key == key {
                if let date = HTMLDateParser.parseValue(entry.value, monthFirst: monthFirst) {
                    return (date, Self.source(ofMeta: key))
                }
            }
        }
        for entry in page.metas where entry.key.contains("pub") && (entry.key.contains("date") || entry.key.contains("time"))
            && !entry.key.contains("modif") && !entry.key.contains("updat") {
            if let date = HTMLDateParser.parseValue(entry.value, monthFirst: monthFirst) { return (date, .meta) }
        }
        // Dates the page shows: a <time> in the main text, a <time> by the headline, a date
        // written between the headline and the text. Dates elsewhere are a site header's
        // "today" or a list of other stories.
        let anchor = headlineBlock ?? firstContentBlock ?? 0
        for time in page.times where !time.inFurniture && container >= 0 && page.contains(container, time.element) {
            if let date = HTMLDateParser.parseValue(time.value, monthFirst: monthFirst) { return (date, .time) }
        }
        let window = max(0, anchor - 2)...(anchor + 8)
        for time in page.times where !time.inFurniture && window.contains(time.blockIndex) {
            if let date = HTMLDateParser.parseValue(time.value, monthFirst: monthFirst) { return (date, .time) }
        }
        if !page.blocks.isEmpty, anchor < page.blocks.count {
            var upper = min(page.blocks.count - 1, anchor + 8)
            if let first = firstContentBlock, first > anchor { upper = min(upper, first) }
            // Below the headline first, then the two blocks above it.
            let order = Array(anchor...upper) + Array(stride(from: anchor - 1, through: max(0, anchor - 2), by: -1))
            for i in order {
                let block = page.blocks[i]
                if block.length < 120 || block.context.contains(.date) {
                    if let date = HTMLDateParser.parseText(page.text(of: block), monthFirst: monthFirst) {
                        return (date, .text)
                    }
                }
            }
        }
        if let url, let date = Self.dateInURL(url) { return (date, .url) }
        if let value = ld.dateModified, let date = HTMLDateParser.parseValue(value, monthFirst: monthFirst) {
            return (date, .jsonLD)
        }
        if let entry = meta(["article:modified_time", "og:updated_time", "itemprop:datemodified", "last-modified"]),
           let date = HTMLDateParser.parseValue(entry.value, monthFirst: monthFirst) {
            return (date, Self.source(ofMeta: entry.key))
        }
        return nil
    }

    /// `/2013/11/27/`, `/2019-01-21`, `/20190121/` in a URL's path.
    static func dateInURL(_ url: String) -> String? {
        guard let path = URLComponents(string: url)?.path, !path.isEmpty else { return nil }
        let parts = path.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "_" }).map(String.init)
        var i = 0
        while i < parts.count {
            let p = parts[i]
            if p.count == 4, let year = Int(p), year >= 1990, i + 2 < parts.count,
               parts[i + 1].count <= 2, let month = Int(parts[i + 1]), parts[i + 2].count <= 2, let day = Int(parts[i + 2]),
               let date = HTMLDateParser.format(year: year, month: month, day: day, minYear: 1990) {
                return date
            }
            if p.count == 8, p.allSatisfy(\.isNumber), let date = HTMLDateParser.parseValue(p),
               let year = Int(p.prefix(4)), year >= 1990 {
                return date
            }
            i += 1
        }
        return nil
    }

    // MARK: Authors

    func authors(siteName: String?) -> ([String], HTMLMetadataSource)? {
        let site = siteName.map(HTMLText.comparisonKey)
        func clean(_ names: [String]) -> [String] {
            var seen = Set<String>()
            var out: [String] = []
            for raw in names {
                for name in Self.splitNames(raw) {
                    let key = HTMLText.comparisonKey(name)
                    guard !key.isEmpty, key != site, !seen.contains(key) else { continue }
                    seen.insert(key)
                    out.append(name)
                    if out.count == 12 { return out }
                }
            }
            return out
        }
        let fromLD = clean(ld.authors)
        if !fromLD.isEmpty { return (fromLD, .jsonLD) }
        for key in ["author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl", "article_author",
                    "itemprop:author"] {
            let values = page.metas.filter { $0.key == key }.map(\.value)
            let names = clean(values)
            if !names.isEmpty { return (names, Self.source(ofMeta: key)) }
        }
        let fromPage = clean(page.bylines)
        if !fromPage.isEmpty { return (fromPage, .text) }
        return nil
    }

    /// Names in a byline or an author field: "By A, B and C" → A, B, C. Addresses, handles,
    /// dates and long phrases are not names.
    static func splitNames(_ raw: String) -> [String] {
        var text = HTMLText.collapsed(raw.replacingOccurrences(of: "\n", with: ", "))
        for prefix in ["by ", "por ", "par ", "von ", "di ", "door ", "oleh ", "written by ", "words by ", "autor: ", "author: "]
            where text.lowercased().hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
        }
        var parts = [text]
        for separator in [",", ";", " and ", " & ", " y ", " et ", " und ", " e ", "、", "，", "|"] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.map(HTMLText.collapsed).filter { name in
            guard name.count >= 2, name.count <= 60 else { return false }
            if name.contains("://") || name.hasPrefix("www.") || name.hasPrefix("@") || name.contains("@") { return false }
            if name.contains(where: \.isNumber) { return false }
            if name.split(separator: " ").count > 6 { return false }
            return name.contains(where: \.isLetter)
        }
    }

    // MARK: URL, language, description

    func url() -> (String, HTMLMetadataSource)? {
        let og = meta(["og:url", "twitter:url"])?.value
        let base = og.flatMap(URL.init(string:)) ?? givenURL.flatMap(URL.init(string:))
        if let canonical = page.canonical.flatMap(HTMLText.nonEmpty) {
            if let url = URL(string: canonical), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" {
                return (canonical, .canonical)
            }
            if canonical.hasPrefix("/"), !canonical.hasPrefix("//"), let base, let resolved = URL(string: canonical, relativeTo: base) {
                return (resolved.absoluteString, .canonical)
            }
        }
        if let og, let url = URL(string: og), url.scheme != nil {
            return (og, page.metas.contains { $0.key == "og:url" } ? .openGraph : .twitter)
        }
        if let url = ld.url, URL(string: url)?.scheme != nil {
            return (url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url, .jsonLD)
        }
        if let givenURL { return (givenURL, .given) }
        return nil
    }

    func language(sample: String) -> (String, HTMLMetadataSource)? {
        if let lang = page.language.flatMap(HTMLText.nonEmpty), let tag = Self.languageTag(lang) { return (tag, .htmlLang) }
        if let v = meta(["content-language", "language", "dc.language", "itemprop:inlanguage"]), let tag = Self.languageTag(v.value) {
            return (tag, Self.source(ofMeta: v.key))
        }
        if let v = meta(["og:locale"]), let tag = Self.languageTag(v.value) { return (tag, .openGraph) }
        if let value = ld.language, let tag = Self.languageTag(value) { return (tag, .jsonLD) }
        if let tag = Self.languageOfScript(sample) { return (tag, .script) }
        if let tag = Self.languageOfWords(sample) { return (tag, .text) }
        return nil
    }

    /// For Latin-script text without a declared language: the language whose commonest
    /// function words make up clearly the largest share of the first 400 words (English,
    /// Spanish, French, German, Italian, Portuguese, Dutch), or nil when none stands out.
    static func languageOfWords(_ sample: String) -> String? {
        let words = sample.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }).prefix(400)
        guard words.count >= 30 else { return nil }
        var scores: [(String, Int)] = []
        for (language, list) in functionWords {
            scores.append((language, words.reduce(0) { $0 + (list.contains(String($1)) ? 1 : 0) }))
        }
        scores.sort { $0.1 > $1.1 }
        guard let best = scores.first, best.1 * 100 >= words.count * 15 else { return nil }
        if scores.count > 1, scores[1].1 * 10 > best.1 * 7 { return nil }
        return best.0
    }

    /// Words frequent in one language and rare in the others of the list.
    static let functionWords: [(String, Set<String>)] = [
        ("en", ["the", "and", "of", "to", "is", "that", "was", "with", "for", "he", "it", "by", "are", "which"]),
        ("es", ["el", "los", "las", "del", "que", "y", "por", "una", "con", "para", "es", "se", "su", "al"]),
        ("fr", ["le", "les", "des", "et", "du", "une", "est", "dans", "pour", "qui", "sur", "au", "pas", "aux"]),
        ("de", ["der", "die", "und", "den", "das", "von", "mit", "ist", "des", "sich", "dem", "nicht", "ein", "auf"]),
        ("it", ["il", "di", "che", "della", "per", "non", "del", "gli", "alla", "sono", "nel", "dei", "è", "una"]),
        ("pt", ["o", "os", "do", "da", "que", "em", "não", "uma", "para", "com", "dos", "das", "ao", "é"]),
        ("nl", ["de", "het", "een", "van", "en", "niet", "dat", "op", "te", "zijn", "voor", "met", "ook", "werd"]),
    ]

    /// A BCP 47 tag from a declared value ("en_US" → "en-US", "EN" → "en"); the first of a list.
    static func languageTag(_ value: String) -> String? {
        let first = value.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).first.map(String.init) ?? ""
        let parts = first.replacingOccurrences(of: "_", with: "-").split(separator: "-").map(String.init)
        guard let primary = parts.first, (2...3).contains(primary.count), primary.allSatisfy(\.isLetter) else { return nil }
        var tag = primary.lowercased()
        for part in parts.dropFirst() {
            if part.count == 2 { tag += "-" + part.uppercased() } else if part.count == 4 { tag += "-" + part.prefix(1).uppercased() + part.dropFirst().lowercased() } else { tag += "-" + part }
        }
        return tag
    }

    /// The language a script implies when only one major language is written in it (Arabic
    /// script is told apart from Persian and Urdu by the letters only one of them uses).
    static func languageOfScript(_ sample: String) -> String? {
        var counts: [String: Int] = [:]
        var letters = 0
        for scalar in sample.unicodeScalars.prefix(4_000) where scalar.properties.isAlphabetic {
            letters += 1
            switch scalar.value {
            case 0x0E00...0x0E7F: counts["th", default: 0] += 1
            case 0x1000...0x109F: counts["my", default: 0] += 1
            case 0xAC00...0xD7AF, 0x1100...0x11FF: counts["ko", default: 0] += 1
            case 0x3040...0x30FF: counts["ja", default: 0] += 1
            case 0x4E00...0x9FFF: counts["han", default: 0] += 1
            case 0x0370...0x03FF: counts["el", default: 0] += 1
            case 0x10A0...0x10FF: counts["ka", default: 0] += 1
            case 0x0530...0x058F: counts["hy", default: 0] += 1
            case 0x0E80...0x0EFF: counts["lo", default: 0] += 1
            case 0x1780...0x17FF: counts["km", default: 0] += 1
            case 0x0980...0x09FF: counts["bn", default: 0] += 1
            case 0x0A80...0x0AFF: counts["gu", default: 0] += 1
            case 0x0B80...0x0BFF: counts["ta", default: 0] += 1
            case 0x0C00...0x0C7F: counts["te", default: 0] += 1
            case 0x0D00...0x0D7F: counts["ml", default: 0] += 1
            case 0x1200...0x137F: counts["am", default: 0] += 1
            case 0x0600...0x06FF:
                counts["arabic-script", default: 0] += 1
                switch scalar.value {
                case 0x067E, 0x0686, 0x0698, 0x06AF, 0x06CC: counts["fa-letters", default: 0] += 1  // پ چ ژ گ ی
                case 0x06D2, 0x06BA, 0x0679, 0x0688, 0x0691: counts["ur-letters", default: 0] += 1  // ے ں ٹ ڈ ڑ
                case 0x0629, 0x064A: counts["ar-letters", default: 0] += 1  // ة ي
                default: break
                }
            default: break
            }
        }
        guard letters >= 20 else { return nil }
        if (counts["ja"] ?? 0) * 20 >= letters { return "ja" }
        if (counts["han"] ?? 0) * 2 >= letters { return "zh" }
        if (counts["arabic-script"] ?? 0) * 2 >= letters {
            // Persian and Urdu write letters Arabic does not (and Arabic ones they do not).
            let fa = counts["fa-letters"] ?? 0, ur = counts["ur-letters"] ?? 0, ar = counts["ar-letters"] ?? 0
            if ur > 5 && ur > ar { return "ur" }
            if fa > 5 && fa > ar * 2 { return "fa" }
            if ar > 5 && ar > fa * 2 { return "ar" }
            return nil
        }
        let scripts = counts.filter { !["han", "ja", "arabic-script", "fa-letters", "ur-letters", "ar-letters"].contains($0.key) }
        guard let (script, count) = scripts.max(by: { $0.value < $1.value }), count * 2 >= letters else { return nil }
        return script
    }

    func description() -> String? {
        meta(["og:description", "description", "twitter:description", "dc.description"])?.value ?? ld.description
    }
}
