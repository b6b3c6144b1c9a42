import Foundation

/// The outlet: `og:site_name`, the JSON-LD publisher, other metas, `<title>`, a copyright line, the host.
extension HTMLMetadataReader {
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
}
