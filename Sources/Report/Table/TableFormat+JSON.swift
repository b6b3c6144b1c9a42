extension TableFormat {
    /// A JSON array with one object per row, keys in column order, one object per line, ending
    /// with a line break.
    ///
    /// Integers and floating-point numbers are JSON numbers (NaN and infinities become `null`),
    /// booleans are `true`/`false`, empty cells are `null`, text is a string with quotes,
    /// backslashes and control characters escaped (and U+2028/U+2029, so the output can be pasted
    /// into JavaScript). Repeated column names get `_2`, `_3`, … so that no key repeats.
    public static func json(_ t: ReportTable) -> String {
        let keys = uniqueKeys(t.columns).map(jsonString)
        let rows = t.normalizedRows
        guard !rows.isEmpty else { return "[]\n" }
        var out = "[\n"
        for (r, row) in rows.enumerated() {
            out += "  {"
            for (i, cell) in row.enumerated() {
                if i > 0 { out += ", " }
                out += keys[i] + ": " + jsonValue(cell)
            }
            out += r == rows.count - 1 ? "}\n" : "},\n"
        }
        out += "]\n"
        return out
    }

    /// Column names made unique by suffixing `_2`, `_3`, … to repeats.
    static func uniqueKeys(_ columns: [String]) -> [String] {
        var seen = Set<String>()
        var keys: [String] = []
        for name in columns {
            var key = name
            var n = 2
            while seen.contains(key) {
                key = "\(name)_\(n)"
                n += 1
            }
            seen.insert(key)
            keys.append(key)
        }
        return keys
    }

    /// One cell as a JSON value.
    static func jsonValue(_ cell: ReportCell) -> String {
        switch cell {
        case .text(let s): return jsonString(s)
        case .integer(let i): return String(i)
        case .number(let d): return NumberText.json(d)
        case .boolean(let b): return b ? "true" : "false"
        case .empty: return "null"
        }
    }

    /// A JSON string literal for `s`.
    static func jsonString(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u00" + hexByte(UInt8(scalar.value))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    private static func hexByte(_ b: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String(digits[Int(b >> 4)]) + String(digits[Int(b & 0xF)])
    }
}
