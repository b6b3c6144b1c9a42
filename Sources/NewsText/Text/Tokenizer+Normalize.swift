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
        if token.count <= 64 && appendLowercasedASCII(token, into: &out) { return }
        let bytes = UTF8Bytes(base: base, count: token.count)
        var i = 0
        while i < token.count {
            let b = base[i]
            if b < 0x80 {
                out.append(b &- 0x41 < 26 ? b | 0x20 : b)
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
                } else if value < Self.latinLowercase.count {
                    // Latin letters (most non-ASCII letters of European text): a table lookup
                    // instead of a Unicode property query per character.
                    let lower = Self.latinLowercase[Int(value)]
                    if lower == value || lower == 0 {
                        if lower == 0, let scalar = Unicode.Scalar(value) {
                            out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                        } else {
                            out.append(contentsOf: UnsafeBufferPointer(start: base + i, count: length))
                        }
                    } else if let scalar = Unicode.Scalar(lower) {
                        out.append(contentsOf: String(scalar).utf8)
                    }
                } else if Self.isCaseless(value) {
                    out.append(contentsOf: UnsafeBufferPointer(start: base + i, count: length))
                } else if let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased {
                    out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(start: base + i, count: length))
                }
            }
            i += length
        }
    }

    /// Whether `value` lies in a block with no cased letters, so lowercasing leaves it as is:
    /// dashes, quotes and other punctuation, currency signs, arrows, mathematical and technical
    /// symbols, box drawing, shapes and dingbats, CJK and kana, Hangul, private use. These are
    /// common in news text (dashes above all) and need no Unicode property lookup. Blocks that
    /// hold any cased character (letterlike symbols, number forms, enclosed alphanumerics) are
    /// left to the lookup.
    @inline(__always)
    package static func isCaseless(_ value: UInt32) -> Bool {
        switch value {
        case 0x2000...0x20FF, 0x2190...0x23FF, 0x2500...0x2BFF, 0x3000...0x9FFF, 0xAC00...0xD7FF, 0xE000...0xF8FF:
            return true
        default:
            return false
        }
    }

    /// Lowercase of each scalar below U+0250 (Latin-1 and Latin Extended): the scalar itself when
    /// it has no lowercase, 0 when its lowercase is more than one scalar (U+0130 İ).
    package static let latinLowercase: [UInt32] = (0..<0x250).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return UInt32(value) }
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        guard mapping.count == 1, let single = mapping.first else { return 0 }
        return single.value
    }

    /// The fast path of `normalize` for short all-ASCII tokens (nearly every token of English text):
    /// lowercases into a stack buffer and appends it with one copy. Returns false, appending
    /// nothing, when the token has a non-ASCII byte.
    @inline(__always)
    private static func appendLowercasedASCII(_ token: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: token.count) { buffer in
            for k in 0..<token.count {
                let b = token[k]
                if b >= 0x80 { return false }
                buffer[k] = b &- 0x41 < 26 ? b | 0x20 : b
            }
            out.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress, count: token.count))
            return true
        }
    }

    /// The bytes as a `String` with ASCII capitals lowercased, or nil when a byte is not ASCII
    /// (the caller then needs Unicode's lowercasing). One copy, no intermediate array: the quick
    /// path for looking up a plain word (a query word, a speaker cue) by its lowercase form.
    public static func lowercasedASCIIString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        for b in bytes where b >= 0x80 { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            for k in 0..<bytes.count {
                let b = bytes[k]
                out[k] = b &- 0x41 < 26 ? b | 0x20 : b
            }
            return bytes.count
        }
    }

    /// Whether `normalize` would change these bytes (any capital ASCII letter or any non-ASCII byte).
    /// An index can hash the raw bytes of the many tokens that are already in normal form.
    public static func needsNormalization(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in token where byte >= 0x80 || byte &- 0x41 < 26 { return true }
        return false
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
