import Foundation

/// Small text normalisations shared by the metadata readers.
enum HTMLText {
    /// `text` with runs of whitespace (no-break and ideographic spaces included) collapsed to one
    /// space, invisible characters removed, and the ends trimmed.
    static func collapsed(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x2028, 0x2029, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                pendingSpace = true
            case 0xAD, 0x200B, 0x2060, 0xFEFF:
                continue
            default:
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `collapsed`, or nil when nothing is left.
    static func nonEmpty(_ text: String?) -> String? {
        guard let text else { return nil }
        let value = collapsed(text)
        return value.isEmpty ? nil : value
    }

    /// A key for comparing titles: collapsed, lowercased, with typographic quotes and dashes
    /// made plain and ideographic spaces made spaces.
    static func comparisonKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in collapsed(text).lowercased().unicodeScalars {
            switch scalar.value {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: out.append("'")
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0xAB, 0xBB: out.append("\"")
            case 0x2010...0x2015, 0x2212: out.append("-")
            case 0x3000: out.append(" ")
            default: out.append(scalar)
            }
        }
        return collapsed(String(out))
    }
}
