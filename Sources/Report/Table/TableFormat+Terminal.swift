extension TableFormat {
    /// How a column is aligned when it should not follow its cells.
    public enum Alignment: String, Sendable {
        /// Left-aligned, cut on the right ("the start of the te…").
        case left
        /// Right-aligned, cut on the left ("…end of the text"), so the text next to the following
        /// column stays visible (the left context of a concordance).
        case right
    }

    /// An aligned plain-text table that fits in `width` terminal columns: what `report.table`
    /// prints and what the REPL shows a List as.
    ///
    /// The header is followed by a rule of `─`; columns are separated by two spaces; numbers are
    /// right-aligned, everything else left-aligned, unless `alignment[i]` sets column i's. Widths are measured with `DisplayWidth`, so CJK
    /// text and emoji line up. When the table is too wide, the widest text columns are narrowed
    /// first (cells cut with "…"), then numeric columns, and as a last resort trailing columns are
    /// left out and a `…` column marks the cut. No line is ever wider than `width`, line breaks and
    /// tabs inside cells become spaces, and control characters (ANSI escapes included) and bidi
    /// overrides are removed, so the output is plain text. There is no trailing line break, which
    /// suits `print`.
    public static func terminal(_ t: ReportTable, width: Int, alignment: [Alignment?] = []) -> String {
        guard width > 0 else { return "" }
        guard !t.columns.isEmpty else { return DisplayWidth.truncate("(empty table)", to: width) }
        let headers = t.columns.map(TerminalText.sanitize)
        let rows = t.normalizedRows
        let texts = rows.map { $0.map { TerminalText.sanitize($0.displayText) } }
        let numeric = t.numericColumns
        let headerWidths = headers.map(DisplayWidth.of)
        let cellWidths = texts.map { $0.map(DisplayWidth.of) }
        var natural = headerWidths.map { Swift.max(1, $0) }
        for row in cellWidths {
            for (i, w) in row.enumerated() { natural[i] = Swift.max(natural[i], w) }
        }

        let plan = ColumnPlan.make(natural: natural, numeric: numeric, width: width)
        let shown = plan.widths.count
        let gap = "  "
        var lines: [String] = []

        let chosen = t.columns.indices.map { $0 < alignment.count ? alignment[$0] : nil }
        func line(_ cells: [String], widths: [Int], rightAligned: [Bool], marker: String) -> String {
            var parts: [String] = []
            for i in 0..<shown {
                let w = plan.widths[i]
                let right = chosen[i].map { $0 == .right } ?? rightAligned[i]
                if widths[i] <= w {
                    let spaces = String(repeating: " ", count: w - widths[i])
                    parts.append(right ? spaces + cells[i] : cells[i] + spaces)
                } else {
                    let cut = chosen[i] == .right ? DisplayWidth.truncateLeading(cells[i], to: w) : DisplayWidth.truncate(cells[i], to: w)
                    parts.append(DisplayWidth.pad(cut, to: w, rightAligned: right))
                }
            }
            if plan.droppedColumns { parts.append(marker) }
            return trimTrailingSpaces(parts.joined(separator: gap))
        }

        lines.append(line(headers, widths: headerWidths, rightAligned: numeric, marker: "…"))
        lines.append(line(plan.widths.map { String(repeating: "─", count: $0) }, widths: plan.widths, rightAligned: numeric, marker: "─"))
        for (r, row) in texts.enumerated() {
            lines.append(line(row, widths: cellWidths[r], rightAligned: rows[r].map(\.isNumeric), marker: "…"))
        }
        if rows.isEmpty { lines.append(DisplayWidth.truncate("(no rows)", to: width)) }
        return lines.joined(separator: "\n")
    }

    private static func trimTrailingSpaces(_ s: String) -> String {
        var t = Substring(s)
        while t.last == " " { t = t.dropLast() }
        return String(t)
    }
}

/// How wide each shown column of a terminal table is, and whether trailing columns were left out.
struct ColumnPlan: Equatable {
    /// Widths of the columns shown, in order (a prefix of the table's columns).
    var widths: [Int]
    /// Whether columns after the shown ones were left out (a `…` column is then drawn).
    var droppedColumns: Bool

    static let gap = 2
    /// Text columns are narrowed to this before numeric columns are touched.
    static let textFloor = 6
    /// No column is narrowed below this before columns are dropped.
    static let hardFloor = 3

    /// Plans column widths for a table whose columns naturally need `natural` widths.
    static func make(natural: [Int], numeric: [Bool], width: Int) -> ColumnPlan {
        let count = natural.count
        let budget = width - gap * (count - 1)
        var widths = natural
        if budget > 0 && widths.reduce(0, +) <= budget { return ColumnPlan(widths: widths, droppedColumns: false) }

        if budget > 0 {
            // 1. Narrow the widest text columns, down to a few characters each.
            let textFloors = natural.indices.map { numeric[$0] ? natural[$0] : Swift.min(natural[$0], textFloor) }
            if waterFill(&widths, floors: textFloors, budget: budget) { return ColumnPlan(widths: widths, droppedColumns: false) }
            // 2. Narrow every column, numbers included, to the hard floor.
            let floors = natural.map { Swift.min($0, hardFloor) }
            if waterFill(&widths, floors: floors, budget: budget) { return ColumnPlan(widths: widths, droppedColumns: false) }
        }

        // 3. Leave out trailing columns; keep as many as fit at the hard floor beside a "…" column.
        var kept = 0
        var used = 0
        for i in 0..<count {
            let need = Swift.min(natural[i], hardFloor) + gap
            if used + need + 1 > width { break }
            used += need
            kept += 1
        }
        if kept == 0 {
            return ColumnPlan(widths: [width], droppedColumns: false)
        }
        let inner = make(natural: Array(natural.prefix(kept)), numeric: Array(numeric.prefix(kept)), width: width - gap - 1)
        return ColumnPlan(widths: inner.widths, droppedColumns: true)
    }

    /// Lowers the widest columns to a common cap until the widths sum to at most `budget`, never
    /// below `floors`. Returns false (with every column at its floor) when that is not enough.
    static func waterFill(_ widths: inout [Int], floors: [Int], budget: Int) -> Bool {
        let original = widths
        func total(cap: Int) -> Int {
            original.indices.reduce(0) { $0 + Swift.max(floors[$1], Swift.min(original[$1], cap)) }
        }
        if total(cap: 0) > budget {
            widths = original.indices.map { Swift.min(original[$0], floors[$0]) }
            return false
        }
        // Largest cap whose total fits.
        var lo = 0, hi = original.max() ?? 0
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if total(cap: mid) <= budget { lo = mid } else { hi = mid - 1 }
        }
        let cap = lo
        widths = original.indices.map { Swift.max(floors[$0], Swift.min(original[$0], cap)) }
        var leftover = budget - widths.reduce(0, +)
        for i in widths.indices where leftover > 0 && original[i] > cap && floors[i] <= cap {
            widths[i] += 1
            leftover -= 1
        }
        return true
    }
}

/// Cleans cell text for a terminal: one line, no control characters or escape sequences.
enum TerminalText {
    /// `s` with line breaks and tabs turned into spaces, ANSI escape sequences, other control
    /// characters and bidi embedding/override/isolate controls removed.
    static func sanitize(_ s: String) -> String {
        guard needsCleaning(s) else { return s }
        var out = String.UnicodeScalarView()
        var iterator = s.unicodeScalars.makeIterator()
        var previousWasCR = false
        while let scalar = iterator.next() {
            let v = scalar.value
            defer { previousWasCR = v == 0x0D }
            switch v {
            case 0x0A where previousWasCR:
                break  // CRLF is one line break, already a space
            case 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                out.append(" ")
            case 0x1B:
                // Skip a CSI sequence: ESC [ parameters final-byte.
                if let next = iterator.next(), next == "[" {
                    while let c = iterator.next(), !(0x40...0x7E).contains(c.value) {}
                }
            case 0..<0x20, 0x7F..<0xA0, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                break
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `s` holds anything `sanitize` changes: C0/C1 controls, DEL, U+2028/U+2029, or a
    /// bidi control (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), checked on UTF-8 bytes so
    /// ordinary text (curly quotes and dashes included) is returned untouched quickly.
    private static func needsCleaning(_ s: String) -> Bool {
        var before: UInt8 = 0, previous: UInt8 = 0
        for byte in s.utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            if previous == 0xC2 && byte >= 0x80 && byte <= 0x9F { return true }
            if before == 0xE2 && previous == 0x80 && (byte == 0x8E || byte == 0x8F || (0xA8...0xAE).contains(byte)) { return true }
            if before == 0xE2 && previous == 0x81 && (0xA6...0xA9).contains(byte) { return true }
            before = previous
            previous = byte
        }
        return false
    }
}
