/// A report to be rendered as one self-contained HTML file by `HTMLRenderer.render(_:)`:
/// a title, an optional subtitle, and sections listed in a table of contents.
public struct HTMLReport: Sendable {
    /// The report's title, shown as the page heading and the document title.
    public var title: String
    /// A line under the title, for example the corpus and date range; nil for none.
    public var subtitle: String?
    /// The sections, in order.
    public var sections: [HTMLSection]

    /// Creates a report.
    public init(title: String, subtitle: String? = nil, sections: [HTMLSection] = []) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }
}

/// One section of an HTML report: a heading and the blocks under it.
public struct HTMLSection: Sendable {
    /// The section heading, also its entry in the table of contents.
    public var heading: String
    /// Paragraphs, tables, charts and raw HTML, in order.
    public var blocks: [HTMLBlock]

    /// Creates a section.
    public init(heading: String, blocks: [HTMLBlock] = []) {
        self.heading = heading
        self.blocks = blocks
    }
}

/// One piece of content in a report section.
public enum HTMLBlock: Sendable {
    /// Plain text, escaped. A blank line starts a new paragraph; a single line break is kept.
    case paragraph(String)
    /// A data table with numeric columns right-aligned and subtle row striping.
    case table(ReportTable)
    /// A long table of which only the first rows are shown, with a note of how many more there
    /// are and a link to the whole list (see `TableExcerpt`).
    case excerpt(ReportTable, TableExcerpt)
    /// A chart drawn as inline SVG.
    case chart(Chart)
    /// Trusted HTML inserted as is (for plugins); the caller is responsible for its safety.
    case html(String)
}
