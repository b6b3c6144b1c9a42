/// What the HTML reader makes of one web page: its metadata, where each value came from, and
/// its main text.
///
/// `text` is the blocks' text joined with a blank line between blocks; it is empty when the page
/// has no main text (a redirect, a feed, an empty page), which the caller should report.
public struct HTMLArticle: Sendable, Equatable {
    /// The headline.
    public var title: String?
    /// The publication date, ISO `YYYY-MM-DD`, as the page writes it (its own time zone).
    public var date: String?
    /// The outlet or site ("CNN", "Yonhap News Agency", "BBC News မြန်မာ").
    public var siteName: String?
    public var authors: [String]
    /// The page's canonical address when it gives one, else the address it was read from.
    public var url: String?
    /// The page's language as it declares it (a BCP 47 tag such as `en-US`, `zh-Hans`), or the
    /// language its script implies when it is unambiguous (Thai, Korean, Japanese kana…).
    public var language: String?
    /// The page's own summary (`og:description`, `<meta name="description">`).
    public var description: String?
    public var blocks: [HTMLBlock]
    public var text: String
    /// Where each metadata value came from.
    public var sources: Sources
    /// Problems met on the way (an encoding guessed, broken bytes replaced, a feed instead of a
    /// page), one line each, for the load summary.
    public var warnings: [String]

    /// The origin of each metadata value: `HTMLMetadataSource` raw values such as "json-ld",
    /// "opengraph", "meta", "h1", "title", "time", "text", "url".
    public struct Sources: Sendable, Equatable {
        public var title: String?
        public var date: String?
        public var siteName: String?
        public var authors: String?
        public var url: String?
        public var language: String?

        public init(title: String? = nil, date: String? = nil, siteName: String? = nil, authors: String? = nil,
                    url: String? = nil, language: String? = nil) {
            self.title = title
            self.date = date
            self.siteName = siteName
            self.authors = authors
            self.url = url
            self.language = language
        }
    }

    public init(title: String? = nil, date: String? = nil, siteName: String? = nil, authors: [String] = [],
                url: String? = nil, language: String? = nil, description: String? = nil,
                blocks: [HTMLBlock] = [], sources: Sources = Sources(), warnings: [String] = []) {
        self.title = title
        self.date = date
        self.siteName = siteName
        self.authors = authors
        self.url = url
        self.language = language
        self.description = description
        self.blocks = blocks
        self.text = blocks.map(\.text).joined(separator: "\n\n")
        self.sources = sources
        self.warnings = warnings
    }
}
