import Foundation

/// Decides the character encoding of a page before it is parsed.
///
/// In order: a byte-order mark; then the bytes themselves when they are valid UTF-8 with some
/// non-ASCII text (a page saved by a tool is often re-encoded to UTF-8 while its `<meta>` still
/// names the old charset, and real text in another encoding is almost never valid UTF-8); then
/// the charset the page declares (`<meta charset>`, `<meta http-equiv="Content-Type">` or an XML
/// declaration, looked for in the first 64 KB, as some pages put kilobytes of inline CSS before
/// their `<meta>`); and UTF-8 by default. Labels are read as browsers read them (ISO-8859-1 and
/// ASCII mean Windows-1252, GB2312 and GBK mean GB18030). UTF-8 with a few broken bytes has them
/// replaced by U+FFFD rather than the whole page read as Windows-1252; bytes that are not UTF-8
/// at all, with no usable declaration, are read as Windows-1252. Both cases warn.
struct HTMLCharset {
    /// The iconv name of the encoding to parse with.
    var encoding: String
    /// Bytes to skip at the start (a byte-order mark).
    var skip: Int
    /// UTF-8 with invalid sequences replaced, when the input needed repair.
    var repaired: [UInt8]?
    /// What went wrong, for the load summary.
    var warning: String?

    /// `transport` is the charset the page came with from outside it (an HTTP `Content-Type`
    /// header kept in a WARC record); it takes the place of the page's own declaration, as in a
    /// browser.
    static func decide(_ bytes: UnsafeRawBufferPointer, transport: String? = nil) -> HTMLCharset {
        let b = bytes.bindMemory(to: UInt8.self)
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF {
            return fromUTF8(b, skip: 3, declared: nil)
        }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return HTMLCharset(encoding: "UTF-16LE", skip: 2) }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return HTMLCharset(encoding: "UTF-16BE", skip: 2) }
        let declared = (transport ?? declaredCharset(UnsafeBufferPointer(rebasing: b.prefix(65_536)))).map(canonicalName)
        if let declared, declared != "UTF-8" {
            let scan = UTF8Scan(b)
            if scan.invalid == 0 { return HTMLCharset(encoding: "UTF-8", skip: 0) }
            if HTMLParser.knows(encoding: declared) { return HTMLCharset(encoding: declared, skip: 0) }
            var result = fromUTF8(b, skip: 0, declared: nil)
            result.warning = "unknown charset \"\(declared)\"; " + (result.warning ?? "read as UTF-8")
            return result
        }
        return fromUTF8(b, skip: 0, declared: declared)
    }

    init(encoding: String, skip: Int, repaired: [UInt8]? = nil, warning: String? = nil) {
        self.encoding = encoding
        self.skip = skip
        self.repaired = repaired
        self.warning = warning
    }

    /// UTF-8 as it is, repaired when mostly valid, else Windows-1252.
    private static func fromUTF8(_ b: UnsafeBufferPointer<UInt8>, skip: Int, declared: String?) -> HTMLCharset {
        let body = UnsafeBufferPointer(rebasing: b[skip...])
        let scan = UTF8Scan(body)
        if scan.invalid == 0 { return HTMLCharset(encoding: "UTF-8", skip: skip) }
        let where_ = "first bad byte at offset \(scan.firstInvalid + skip)"
        if scan.multibyte >= scan.invalid * 4 || (declared == "UTF-8" && scan.multibyte > scan.invalid) {
            return HTMLCharset(encoding: "UTF-8", skip: 0, repaired: repair(body),
                               warning: "\(scan.invalid) bytes of invalid UTF-8 replaced (\(where_))")
        }
        return HTMLCharset(encoding: "windows-1252", skip: skip,
                           warning: "not valid UTF-8 (\(where_)); read as Windows-1252")
    }

    /// The charset named in the first `<meta>` or XML declaration that names one.
    static func declaredCharset(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        var i = 0
        let n = b.count
        while i + 5 < n {
            guard b[i] == UInt8(ascii: "<") else { i += 1; continue }
            let isMeta = (b[i + 1] | 0x20) == UInt8(ascii: "m") && (b[i + 2] | 0x20) == UInt8(ascii: "e")
                && (b[i + 3] | 0x20) == UInt8(ascii: "t") && (b[i + 4] | 0x20) == UInt8(ascii: "a")
            let isXML = b[i + 1] == UInt8(ascii: "?") && (b[i + 2] | 0x20) == UInt8(ascii: "x")
            guard isMeta || isXML else { i += 1; continue }
            var end = i + 5
            while end < n && b[end] != UInt8(ascii: ">") { end += 1 }
            let tag = String(decoding: UnsafeBufferPointer(rebasing: b[i..<end]), as: UTF8.self).lowercased()
            let key = isXML ? "encoding" : "charset"
            if let range = tag.range(of: key) {
                var rest = tag[range.upperBound...].drop(while: { $0 == " " })
                if rest.first == "=" {
                    rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\"" || $0 == "'" })
                    let value = rest.prefix(while: { $0.isLetter || $0.isNumber || "-_.:".contains($0) })
                    if !value.isEmpty { return String(value) }
                }
            }
            i = end
        }
        return nil
    }

    /// The name iconv knows for a charset label, following the WHATWG label table for the labels
    /// where browsers read something wider than the label says.
    static func canonicalName(_ label: String) -> String {
        switch label.lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "cp1252", "windows-1252", "x-cp1252",
             "iso_8859-1", "iso-ir-100", "cp819":
            return "windows-1252"
        case "gb2312", "gbk", "x-gbk", "gb_2312-80", "csgb2312", "chinese", "gb18030": return "GB18030"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "ms932", "cp932": return "CP932"
        case "euc-kr", "ks_c_5601-1987", "windows-949", "cp949": return "CP949"
        case "big5", "big5-hkscs", "x-x-big5": return "BIG5-HKSCS"
        case "iso-8859-9", "latin5": return "windows-1254"
        case "tis-620", "iso-8859-11": return "windows-874"
        default: return label
        }
    }

    /// Valid UTF-8 with each invalid byte replaced by U+FFFD.
    static func repair(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 64)
        var i = 0
        while i < b.count {
            let width = UTF8Scan.sequenceLength(b, at: i)
            if width > 0 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<(i + width)]))
                i += width
            } else {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                i += 1
            }
        }
        return out
    }
}
