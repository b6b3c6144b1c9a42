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

/// Where and when a story was filed, as its opening words give it ("NEW YORK, Feb 26 -", "LONDON, March 4 (Reuters) -",
/// "18-6-2023 (BEIJING)", "Washington:", "(CNN) --").
public struct Dateline: Hashable, Sendable {
    /// The dateline as written, with spaces normalised, e.g. "18-6-2023 (BEIJING)" or "Washington:".
    public var text: String
    /// The place, title-cased when it was written in capitals ("BEIJING" -> "Beijing"), with its state or country
    /// ("Commack, N.Y."); nil when only an agency was named.
    public var place: String?
    /// The date as written, in ISO 8601: "2023-06-18" with a year, "--02-26" (month and day) without one; nil when
    /// the dateline has no date. A document's full date (`Document.date`) adds the year when it can be known.
    public var date: String?
    /// The agency or wire named in the dateline ("Reuters", "Associated Press", "AFP", "PR Newswire"), as a display
    /// name; nil when none.
    public var agency: String?

    /// Creates a dateline.
    public init(text: String, place: String?, date: String?, agency: String? = nil) {
        self.text = text
        self.place = place
        self.date = date
        self.agency = agency
    }

    /// The month and day of `date` (with or without a year), or nil.
    public var monthDay: (month: Int, day: Int)? {
        guard let date else { return nil }
        let parts = date.split(separator: "-", omittingEmptySubsequences: true)
        guard parts.count >= 2, let month = Int(parts[parts.count - 2]), let day = Int(parts[parts.count - 1]) else {
            return nil
        }
        return (month, day)
    }
}

/// Where a document's date came from: the values of `Document.dateFrom` (Lua `doc.date_from`).
public enum DateSource {
    /// A metadata field of the input format (a feed's or an export's date).
    public static let field = "field"
    /// A dateline that gives the full date.
    public static let dateline = "dateline"
    /// A dateline's month and day, with the year from the corpus's dated documents.
    public static let datelineCorpus = "dateline+corpus"
    /// A dateline's month and day, with the year from the document's metadata date.
    public static let datelineField = "dateline+field"
    /// A date line of the text itself: a masthead, "Published: 18 June 2023".
    public static let text = "text"
    /// Inferred: the lead's weekday matches exactly one full date the document itself writes.
    public static let inferred = "inferred"
}

/// Where a document's title or source came from: the values of `Document.titleFrom` and
/// `Document.sourceFrom` (Lua `doc.title_from`, `doc.source_from`).
public enum MetadataOrigin {
    /// A metadata field of the input: a JSON or CSV field, a plain-text header block, a web
    /// page's metadata (the same "field" as `DateSource.field`).
    public static let field = "field"
    /// The title only: the line the text opens with, read as a headline.
    public static let text = "text"
    /// The title only: the page a "Home » …" breadcrumb names.
    public static let breadcrumb = "breadcrumb"
    /// The source only: a credit or rights line ("Source: Reuters", "© 2024 Xinhua").
    public static let credit = "credit"
    /// The source only: a share prompt naming the outlet ("Follow NewsTrack on …").
    public static let share = "share"
    /// The source only: the agency of the dateline ("BEIJING, June 18 (Xinhua) --").
    public static let dateline = "dateline"
    /// The language only: found in the text by `LanguageDetector` (no field gave one).
    public static let detected = "detected"
}

/// The result of cleaning one raw document: a clean body plus the metadata found on the way.
public struct CleanedText: Sendable {
    /// The headline: the first line when it reads as one, or the page named by a "Home » …" breadcrumb; nil otherwise.
    public var title: String?
    /// Where `title` came from (`MetadataOrigin`: "text", "breadcrumb"; "field" once the input's field is put
    /// over it); nil without a title.
    public var titleFrom: String?
    /// The clean body: boilerplate, title, credits and dateline prefix removed, spaces normalised. Paragraphs are
    /// separated as in the raw text (a blank line, or a single newline where the raw used one); hard-wrapped text is
    /// reflowed, one paragraph per line with a blank line between paragraphs (see `Cleaner`). Every offset the
    /// analyses give is an offset into this text; the file as written stays available as `Document.raw`.
    public var text: String
    /// Lines removed from the body, in raw order, with reasons.
    public var boilerplate: [BoilerplateLine]
    /// The dateline that opened the body, if any.
    public var dateline: Dateline?
    /// The outlet's display name, from a credit line, a share prompt naming the outlet, or a dateline's agency.
    public var source: String?
    /// Where `source` came from (`MetadataOrigin`: "credit", "share", "dateline"; "field" once the input's field
    /// is put over it); nil without a source.
    public var sourceFrom: String?
    /// An ISO date the text gives (a dateline with a year, a date-only line near the top, a masthead's date);
    /// nil otherwise.
    public var date: String?
    /// Where `date` came from: `DateSource.dateline` or `DateSource.text`; nil without a date.
    public var dateFrom: String?
    /// Credits taken out of the body, in text order: bylines, sign-offs, reporting and editing lines, contributor
    /// lines, desk initials, contact and SOURCE lines, and the credit lines removed as boilerplate.
    public var credits: [String]

    /// Creates a cleaned text.
    public init(
        title: String?, text: String, boilerplate: [BoilerplateLine], dateline: Dateline?, source: String?, date: String?,
        dateFrom: String? = nil, credits: [String] = [], titleFrom: String? = nil, sourceFrom: String? = nil
    ) {
        self.title = title
        self.titleFrom = titleFrom ?? (title == nil ? nil : MetadataOrigin.text)
        self.sourceFrom = sourceFrom ?? (source == nil ? nil : MetadataOrigin.credit)
        self.text = text
        self.boilerplate = boilerplate
        self.dateline = dateline
        self.source = source
        self.date = date
        self.dateFrom = dateFrom ?? (date == nil ? nil : DateSource.dateline)
        self.credits = credits
    }
}
