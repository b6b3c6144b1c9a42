/// Escaping for HTML and SVG text and attribute values.
enum Markup {
    /// `s` with `& < > " '` replaced by character references, and characters XML forbids
    /// (most C0 controls, U+FFFE, U+FFFF) removed, so the output is well-formed HTML and XML.
    static func escape(_ s: String) -> String {
        var clean = true
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF:
                clean = false
            default:
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { clean = false }
            }
            if !clean { break }
        }
        if clean { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// An element `<name a="v"…>content</name>` (or self-closed when `content` is nil), with
    /// attribute values escaped. `content` is inserted as is: escape text before passing it.
    static func element(_ name: String, _ attributes: [(String, String)] = [], content: String? = nil) -> String {
        var out = "<" + name
        for (key, value) in attributes { out += " " + key + "=\"" + escape(value) + "\"" }
        guard let content else { return out + "/>" }
        return out + ">" + content + "</" + name + ">"
    }
}
