import LuaBridge

/// Formats the REPL's tables: the printer (Lua/printer.lua) hands over columns and rows of cells
/// (strings or numbers) and gets aligned text back.
enum TerminalTable {
    static func function(_ lua: LuaState) -> LuaFunction {
        lua.function("format_table") { args in
            let columns = try args.table(1).array.map { $0.stringValue ?? "" }
            let rows = try args.table(2).array.map { row -> [Cell] in
                (row.tableValue?.array ?? []).map { value in
                    switch value {
                    case .integer: return Cell(text: value.stringValue ?? "", numeric: true)
                    // Floats show 6 significant digits, as report tables do.
                    case .number(let d): return Cell(text: ReportCell.number(d).displayText, numeric: true)
                    default: return Cell(text: value.stringValue ?? "", numeric: false)
                    }
                }
            }
            let width = try args.optionalInteger(3, in: TerminalWidth.range, name: "width") ?? TerminalWidth.standard
            let align = (try args.optionalTable(4)?.array ?? []).map { ColumnAlignment(rawValue: $0.stringValue ?? "") }
            return [.text(render(columns: columns, rows: rows, width: width, align: align))]
        }
    }

    struct Cell {
        var text: String
        var numeric: Bool
    }

    /// Aligned columns separated by two spaces, numbers right-aligned, fitted to `width` by
    /// shrinking the widest columns and cutting cells with an ellipsis. `align[i]`, when set,
    /// overrides column i's alignment; a column asked to be right-aligned is cut on the left
    /// ("…end of the text"), so the text next to the following column stays visible.
    static func render(columns: [String], rows: [[Cell]], width: Int, align: [ColumnAlignment?] = []) -> String {
        let width = TerminalWidth.clamped(width)
        let n = columns.count
        guard n > 0 else { return "" }
        var widths = columns.map(\.count)
        for row in rows {
            for (i, cell) in row.prefix(n).enumerated() { widths[i] = max(widths[i], cell.text.count) }
        }
        let available = max(n * 3, width - 2 * (n - 1))
        while widths.reduce(0, +) > available {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 3 else { break }
            widths[widest] -= 1
        }
        func fit(_ text: String, _ w: Int, right: Bool, cutLeft: Bool = false) -> String {
            var t = text
            if t.count > w { t = cutLeft ? "…" + String(t.suffix(max(0, w - 1))) : String(t.prefix(max(0, w - 1))) + "…" }
            let pad = String(repeating: " ", count: max(0, w - t.count))
            return right ? pad + t : t + pad
        }
        var lines: [String] = []
        let numericColumn = (0..<n).map { i in !rows.isEmpty && rows.allSatisfy { i >= $0.count || $0[i].numeric || $0[i].text.isEmpty } }
        let chosen = (0..<n).map { i in i < align.count ? align[i] : nil }
        let rightAligned = (0..<n).map { i in chosen[i].map { $0 == .right } ?? numericColumn[i] }
        lines.append((0..<n).map { fit(columns[$0], widths[$0], right: rightAligned[$0]) }.joined(separator: "  "))
        lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        for row in rows {
            lines.append((0..<n).map { i in
                fit(i < row.count ? row[i].text : "", widths[i], right: rightAligned[i], cutLeft: chosen[i] == .right)
            }.joined(separator: "  "))
        }
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n")
    }
}

import Foundation
