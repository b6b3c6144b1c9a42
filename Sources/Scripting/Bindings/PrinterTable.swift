import LuaBridge
import Report

/// `format_table(columns, rows, width, align)` for the printer (Lua/printer.lua): the columns and
/// rows of cells (strings or numbers) a List prints as, rendered by the report's table formatter
/// (`TableFormat.terminal`), so a List in the REPL and `report.table` look alike, CJK text and
/// emoji included. `align[i]` ("left", "right" or "") overrides column i's alignment. Not visible
/// to scripts: it is handed to the printer.
enum PrinterTable {
    static func function(_ lua: LuaState) -> LuaFunction {
        lua.function("format_table") { args in
            let columns = try args.table(1).array.map { $0.stringValue ?? "" }
            let rows = try args.table(2).array.map { row in (row.tableValue?.array ?? []).map(cell) }
            let width = try args.optionalInteger(3, in: TerminalWidth.range, name: "width") ?? TerminalWidth.standard
            let align = (try args.optionalTable(4)?.array ?? []).map { TableFormat.Alignment(rawValue: $0.stringValue ?? "") }
            return [.text(TableFormat.terminal(ReportTable(columns: columns, rows: rows), width: width, alignment: align))]
        }
    }

    /// A printer cell: numbers stay numbers (floats shown with 6 significant digits, as in report
    /// tables), an empty string is an empty cell, anything else its text.
    static func cell(_ value: LuaValue) -> ReportCell {
        switch value {
        case .integer(let i): return .integer(i)
        case .number(let d): return .number(d)
        default:
            let text = value.stringValue ?? ""
            return text.isEmpty ? .empty : .text(text)
        }
    }
}
