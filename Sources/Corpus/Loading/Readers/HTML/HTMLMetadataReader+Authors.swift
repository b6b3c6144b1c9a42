import Foundation

/// The authors: JSON-LD, author metas, bylines.
extension HTMLMetadataReader {
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
}
