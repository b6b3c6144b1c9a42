/// One line the cleaner took out of a document's body, kept so an analyst can see what was removed and why.
public struct BoilerplateLine: Hashable, Sendable {
    /// The line exactly as written in the raw text (without its newline), no-break spaces included.
    public var line: String
    /// Why it was removed; one of the `BoilerplateReason` constants.
    public var reason: String
    /// 1-based line number in the raw text.
    public var lineNumber: Int

    /// Creates a record of a removed line.
    public init(line: String, reason: String, lineNumber: Int) {
        self.line = line
        self.reason = reason
        self.lineNumber = lineNumber
    }
}

/// The fixed vocabulary of reasons used in `BoilerplateLine.reason`, so scripts can filter on stable strings.
public enum BoilerplateReason {
    /// "Also Read: …", "See also …", "Related News" and similar links to other articles.
    public static let relatedLink = "related link"
    /// "Join … WhatsApp group", "Share this", "Follow us on …".
    public static let sharePrompt = "share prompt"
    /// "Post a Comment", "0 Comments", "Leave a Reply", "Your email address will not be published…".
    public static let commentWidget = "comment widget"
    /// Breadcrumbs ("Home » …"), "Post navigation", "Next article", "Skip to content".
    public static let navigation = "navigation"
    /// "Image Credit: …", "Photo: …", "(Photo: …)".
    public static let imageCredit = "image credit"
    /// A short caption next to an image credit, or a caption line that carries its own photo credit.
    public static let caption = "caption"
    /// "Source: …", "(Courtesy: …)", "(With inputs from …)".
    public static let creditLine = "credit line"
    /// A later line equal to the title (ignoring case, spaces and punctuation).
    public static let repeatedTitle = "repeated title"
    /// A line that only holds invisible filler: no-break or zero-width spaces, or "&nbsp;".
    public static let emptyFiller = "empty filler"

    /// Every reason, in the order above.
    public static let all: [String] = [
        relatedLink, sharePrompt, commentWidget, navigation, imageCredit, caption, creditLine, repeatedTitle, emptyFiller,
    ]
}

/// Where and when a story was filed, as its opening words give it ("18-6-2023 (BEIJING)", "Washington:", "(Beijing)").
public struct Dateline: Hashable, Sendable {
    /// The dateline as written, with spaces normalised, e.g. "18-6-2023 (BEIJING)" or "Washington:".
    public var text: String
    /// The place, title-cased when it was written in capitals ("BEIJING" -> "Beijing"); nil when only an agency was named.
    public var place: String?
    /// The ISO date ("2023-06-18") when the dateline carries a full date with a year.
    public var date: String?

    /// Creates a dateline.
    public init(text: String, place: String?, date: String?) {
        self.text = text
        self.place = place
        self.date = date
    }
}

/// The result of cleaning one raw document: a clean body plus the metadata found on the way.
public struct CleanedText: Sendable {
    /// The headline: the first line when it reads as one, or the page named by a "Home » …" breadcrumb; nil otherwise.
    public var title: String?
    /// The clean body: boilerplate, title and dateline prefix removed, spaces normalised,
    /// paragraphs separated as in the raw text (a blank line, or a single newline where the raw used one).
    public var text: String
    /// Lines removed from the body, in raw order, with reasons.
    public var boilerplate: [BoilerplateLine]
    /// The dateline that opened the body, if any.
    public var dateline: Dateline?
    /// The outlet's display name, from a credit line, a share prompt naming the outlet, or a dateline's agency.
    public var source: String?
    /// An ISO date the text gives (from the dateline, or a date-only line near the top); nil otherwise.
    public var date: String?

    /// Creates a cleaned text.
    public init(
        title: String?, text: String, boilerplate: [BoilerplateLine], dateline: Dateline?, source: String?, date: String?
    ) {
        self.title = title
        self.text = text
        self.boilerplate = boilerplate
        self.dateline = dateline
        self.source = source
        self.date = date
    }
}
