import NewsText
import Foundation

/// The canonical address, the language and the description.
extension HTMLMetadataReader {
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
        if let tag = LanguageDetector.detect(sample) {
            return (tag, LanguageDetector.decidedByScript(tag) ? .script : .text)
        }
        return nil
    }

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

    func description() -> String? {
        meta(["og:description", "description", "twitter:description", "dc.description"])?.value ?? ld.description
    }
}
