extension TableFormat {
    /// A GitHub-flavoured markdown pipe table, ending with a line break.
    ///
    /// Numeric columns are right-aligned (`---:`). Inside cells `|` becomes `\|`, a backslash is
    /// doubled so it stays literal, and line breaks become `<br>` so each row stays on one line.
    /// Numbers are shown rounded as in the terminal view. A table without columns gives "".
    public static func markdown(_ t: ReportTable) -> String {
        guard !t.columns.isEmpty else { return "" }
        let numeric = t.numericColumns
        var out = ""
        func row(_ cells: [String]) {
            out += "|"
            for cell in cells { out += " " + markdownEscape(cell) + " |" }
            out += "\n"
        }
        row(t.columns)
        out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for r in t.normalizedRows { row(r.map(\.displayText)) }
        return out
    }

    /// Escapes text for one markdown table cell.
    static func markdownEscape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var previousWasCR = false
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "|": out += "\\|"
            case "\r": out += "<br>"
            case "\n": if !previousWasCR { out += "<br>" }
            case "\u{2028}", "\u{2029}": out += "<br>"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += scalar == "\t" ? " " : ""
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            previousWasCR = scalar == "\r"
        }
        return out
    }
}
