/// What is known about a document besides its body: what the input's fields gave (title,
/// date, source, url, authors, language and any other field) and what cleaning found (title,
/// boilerplate, dateline, source, a date the text gives). A value given by a field wins over
/// one the cleaner infers.
public struct DocumentMetadata: Sendable {
    /// The headline: a field's, else the line the text opens with when it reads as one.
    public var title: String?
    /// Where `title` came from (`MetadataOrigin`: "field", "text", "breadcrumb"); nil without one.
    public var titleFrom: String?
    /// Lines removed from the body, with reasons.
    public var boilerplate: [BoilerplateLine]
    /// The dateline, when the body opened with one.
    public var dateline: Dateline?
    /// The outlet: a field's, else from credit lines, share prompts or the dateline's agency.
    public var source: String?
    /// Where `source` came from (`MetadataOrigin`: "field", "credit", "share", "dateline"); nil without one.
    public var sourceFrom: String?
    /// A date the document states for itself (ISO `YYYY-MM-DD`): a field's, else the dateline's
    /// or a date line's.
    public var givenDate: String?
    /// Where `givenDate` came from (`DateSource`: "field", "dateline", "text"); nil without one.
    public var givenDateFrom: String?
    /// Credits taken out of the body (bylines, sign-offs, reporting and contributor lines), in text order.
    public var credits: [String]
    /// The article's address, when the input gives one.
    public var url: String?
    /// The authors the input names, in its order.
    public var authors: [String]
    /// The language (a BCP 47 tag such as "en" or "pt-BR"): the input's, else the one
    /// `LanguageDetector` finds in the text, else nil.
    public var language: String?
    /// Where `language` came from (`MetadataOrigin`: "field" or "detected"); nil without one.
    public var languageFrom: String?
    /// The input's other fields, in input order (`Document.meta`).
    public var fields: [(name: String, value: FieldValue)]

    public init(title: String? = nil, boilerplate: [BoilerplateLine] = [], dateline: Dateline? = nil,
                source: String? = nil, givenDate: String? = nil, givenDateFrom: String? = nil,
                credits: [String] = [], url: String? = nil, authors: [String] = [], language: String? = nil,
                fields: [(name: String, value: FieldValue)] = [], titleFrom: String? = nil, sourceFrom: String? = nil) {
        self.title = title
        self.titleFrom = title == nil ? nil : titleFrom ?? MetadataOrigin.text
        self.sourceFrom = source == nil ? nil : sourceFrom ?? MetadataOrigin.credit
        self.boilerplate = boilerplate
        self.dateline = dateline
        self.source = source
        self.givenDate = givenDate
        self.givenDateFrom = givenDateFrom ?? (givenDate == nil ? nil : DateSource.dateline)
        self.credits = credits
        self.url = url
        self.authors = authors
        self.language = language
        self.languageFrom = language == nil ? nil : MetadataOrigin.field
        self.fields = fields
    }
}
