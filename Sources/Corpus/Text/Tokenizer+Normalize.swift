extension Tokenizer {
    /// Appends the case-folded normal form of a token's bytes to `out`.
    ///
    /// ASCII is lowercased byte by byte; other scalars use Unicode's full lowercase mapping.
    /// Typographic variants fold to their plain forms so that either spelling matches:
    /// curly apostrophes and single quotes (’ ‘ ‛ ′ ʼ) become "'", curly double quotes (“ ” „ ″)
    /// become "\"", Unicode hyphens (U+2010/U+2011) become "-", and "…" becomes "...".
    /// Soft hyphens, zero-width spaces, word joiners and byte-order marks are dropped.
    /// Periods are kept, so "U.S." normalises to "u.s.". Invalid UTF-8 becomes U+FFFD.
    public static func normalize(_ token: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        guard let base = token.baseAddress, token.count > 0 else { return }
        let bytes = UTF8Bytes(base: base, count: token.count)
        var i = 0
        while i < token.count {
            let b = base[i]
            if b < 0x80 {
                out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                i += 1
                continue
            }
            let (value, length) = bytes.decodeMultiByte(at: i, lead: b)
            switch value {
            case 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC:
                out.append(0x27)
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033:
                out.append(0x22)
            case 0x2010, 0x2011:
                out.append(0x2D)
            case 0x2026:
                out.append(contentsOf: [0x2E, 0x2E, 0x2E])
            case 0x00AD, 0x200B, 0x2060, 0xFEFF:
                break
            default:
                if value == 0xFFFD && length == 1 {
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])  // an invalid byte
                } else if let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased {
                    out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(start: base + i, count: length))
                }
            }
            i += length
        }
    }

    /// The normal form of a token's bytes as a string.
    public static func normalized(_ token: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(token.count)
        normalize(token, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The normal form of a string, e.g. a query word: "China’s" → "china's", "U.S." → "u.s.".
    ///
    /// The whole string is normalised as one token (it is not split), so callers can look up
    /// terms the index built with `normalize(_:into:)`.
    public static func norm(_ text: some StringProtocol) -> String {
        var copy = String(text)
        return copy.withUTF8 { normalized($0) }
    }
}
