/// A rectangular table of results with named columns, ready to be shown in a terminal or
/// written as markdown, CSV, JSON or HTML (see `TableFormat` and `HTMLRenderer`).
public struct ReportTable: Sendable, Hashable {
    /// Column names, in display order. Names may repeat or be empty; JSON output makes them unique.
    public var columns: [String]
    /// The rows. A row shorter than `columns` is treated as padded with `.empty`; cells beyond the
    /// last column are ignored by every format (see `normalizedRows`).
    public var rows: [[ReportCell]]

    /// Creates a table from column names and rows of cells.
    public init(columns: [String], rows: [[ReportCell]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The rows cut or padded to exactly `columns.count` cells, so renderers never index out of range.
    public var normalizedRows: [[ReportCell]] { rows.map(normalized) }

    /// One row cut or padded with empty cells to the columns (what `normalizedRows` holds), for
    /// a format that goes through the rows one at a time (CSV written in pieces).
    public func normalized(_ row: [ReportCell]) -> [ReportCell] {
        let n = columns.count
        if row.count == n { return row }
        if row.count > n { return Array(row.prefix(n)) }
        return row + Array(repeating: ReportCell.empty, count: n - row.count)
    }

    /// For each column, whether every non-empty cell is a number (and at least one is).
    /// Numeric columns are right-aligned and are the last to be narrowed in a terminal.
    public var numericColumns: [Bool] {
        var sawNumber = Array(repeating: false, count: columns.count)
        var sawOther = Array(repeating: false, count: columns.count)
        for row in rows {
            for (i, cell) in row.prefix(columns.count).enumerated() {
                switch cell {
                case .integer, .number: sawNumber[i] = true
                case .empty: break
                default: sawOther[i] = true
                }
            }
        }
        return zip(sawNumber, sawOther).map { $0 && !$1 }
    }
}
