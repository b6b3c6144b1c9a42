import NewsText

/// How an HTML report shows a long table: only its first rows, with a note saying how many
/// more there are and, when the whole list was written to a file beside the page, a link to it.
///
/// A briefing on 100,000 articles has tens of thousands of quotations; the page shows the top
/// of each list and links the rest (a CSV file), so it stays small enough to open at once.
public struct TableExcerpt: Sendable, Hashable {
    /// Rows shown in the page; nil for all of them.
    public var shown: Int?
    /// What one row is, in the plural, for the note ("quotations"); "rows" by default.
    public var noun: String
    /// A link to the whole list (a path relative to the page, such as `briefing/quotes.csv`);
    /// nil for none.
    public var link: String?
    /// Set on an excerpt cut from its table (`cut(_:)`): the rows of the whole list and which of
    /// its columns are numeric, for a table that keeps only the shown rows. Nil: the table holds
    /// every row and both are read from it.
    public private(set) var whole: WholeTable?

    /// What an excerpt cut from a table remembers of the whole list.
    public struct WholeTable: Sendable, Hashable {
        /// How many rows the whole list has.
        public var rows: Int
        /// For each column, whether the whole list's cells are numeric (`ReportTable.numericColumns`).
        public var numericColumns: [Bool]
    }

    /// Creates an excerpt: `shown` rows (nil: all), the rows called `noun`, the whole list at `link`.
    public init(shown: Int? = nil, noun: String = "rows", link: String? = nil) {
        self.shown = shown.map { Swift.max(0, $0) }
        self.noun = noun.isEmpty ? "rows" : noun
        self.link = link.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `table` cut to the rows this excerpt shows, with an excerpt that remembers the whole
    /// list's row count and numeric columns, so the page is the same as from the whole table.
    /// A briefing keeps its pages' tables for the whole run while the full lists are already in
    /// their CSV files: at 100,000 documents the whole tables would hold hundreds of megabytes.
    public func cut(_ table: ReportTable) -> (table: ReportTable, excerpt: TableExcerpt) {
        guard whole == nil, let shown, shown < table.rows.count else { return (table, self) }
        var excerpt = self
        excerpt.whole = WholeTable(rows: table.rows.count, numericColumns: table.numericColumns)
        return (ReportTable(columns: table.columns, rows: Array(table.rows.prefix(shown))), excerpt)
    }

    /// The note under a table of `total` rows: "Top 50 of 12,034 quotations; 11,984 more in
    /// quotes.csv." or "All 12 quotations; also in quotes.csv."; nil when there is nothing to say.
    func note(total: Int) -> (text: String, link: (href: String, text: String)?)? {
        let file = link.map { (href: $0, text: Self.fileName($0)) }
        let visible = Swift.min(shown ?? total, total)
        if visible < total {
            let more = "\(CountText.grouped(total - visible)) more"
            let text = "Top \(CountText.grouped(visible)) of \(CountText.grouped(total)) \(noun); \(more)"
            return (file == nil ? text + " not shown." : text + " in ", file)
        }
        guard file != nil else { return nil }
        return ("All \(CountText.grouped(total)) \(noun); also in ", file)
    }

    /// The last part of a path, for the link's text.
    static func fileName(_ path: String) -> String {
        String(path.split(separator: "/", omittingEmptySubsequences: true).last ?? Substring(path))
    }
}
