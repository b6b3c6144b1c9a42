/// Text files in UTF-16, recognised by their byte-order mark (FF FE: little-endian, FE FF:
/// big-endian), as Windows tools save "Unicode" text.
enum UTF16Text {
    enum Endian { case little, big }

    /// The byte order a UTF-16 byte-order mark at the start of `bytes` gives, or nil.
    static func byteOrder(of bytes: UnsafeBufferPointer<UInt8>) -> Endian? {
        guard bytes.count >= 2 else { return nil }
        if bytes[0] == 0xFF && bytes[1] == 0xFE { return .little }
        if bytes[0] == 0xFE && bytes[1] == 0xFF { return .big }
        return nil
    }

    /// UTF-16 code units (after the mark) as UTF-8, and a warning when some were not valid
    /// (an unpaired surrogate, an odd last byte): those become U+FFFD, and the warning names the
    /// byte offset of the first one in the file.
    static func transcode(_ bytes: UnsafeBufferPointer<UInt8>, _ endian: Endian) -> ([UInt8], String?) {
        let units = bytes.count / 2
        var out: [UInt8] = []
        out.reserveCapacity(units + units / 2)
        var firstBad: Int?
        var i = 0
        func unit(_ k: Int) -> UInt16 {
            let a = UInt16(bytes[2 * k]), b = UInt16(bytes[2 * k + 1])
            return endian == .little ? a | b << 8 : a << 8 | b
        }
        func append(_ scalar: Unicode.Scalar) {
            UTF8.encode(scalar) { out.append($0) }
        }
        while i < units {
            let u = unit(i)
            if u < 0xD800 || u > 0xDFFF {
                append(Unicode.Scalar(u) ?? "\u{FFFD}")
                i += 1
            } else if u <= 0xDBFF, i + 1 < units, (0xDC00...0xDFFF).contains(unit(i + 1)) {
                let value = 0x10000 + (UInt32(u - 0xD800) << 10) + UInt32(unit(i + 1) - 0xDC00)
                append(Unicode.Scalar(value) ?? "\u{FFFD}")
                i += 2
            } else {
                firstBad = firstBad ?? 2 + 2 * i
                append("\u{FFFD}")
                i += 1
            }
        }
        if bytes.count % 2 == 1 {
            firstBad = firstBad ?? 2 + bytes.count - 1
            append("\u{FFFD}")
        }
        let name = endian == .little ? "UTF-16LE" : "UTF-16BE"
        let warning = firstBad.map { "read as \(name) (byte-order mark); not valid UTF-16 at byte \($0), replaced with U+FFFD" }
        return (out, warning)
    }
}
