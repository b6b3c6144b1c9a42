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
