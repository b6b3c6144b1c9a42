/// What the cleaning stage learnt about a document besides its body.
public struct DocumentMetadata: Sendable {
    /// The headline, when the file opens with one.
    public var title: String?
    /// Lines removed from the body, with reasons.
    public var boilerplate: [BoilerplateLine]
    /// The dateline, when the body opened with one.
    public var dateline: Dateline?
    /// The outlet.
    public var source: String?
    /// A date the text states for itself (ISO `YYYY-MM-DD`), e.g. from the dateline.
    public var givenDate: String?
    /// Where `givenDate` came from (`DateSource`: "dateline", "text", "field"); nil without one.
    public var givenDateFrom: String?
    /// Credits taken out of the body (bylines, sign-offs, reporting and contributor lines), in text order.
    public var credits: [String]

    public init(title: String? = nil, boilerplate: [BoilerplateLine] = [], dateline: Dateline? = nil,
                source: String? = nil, givenDate: String? = nil, givenDateFrom: String? = nil,
                credits: [String] = []) {
        self.title = title
        self.boilerplate = boilerplate
        self.dateline = dateline
        self.source = source
        self.givenDate = givenDate
        self.givenDateFrom = givenDateFrom ?? (givenDate == nil ? nil : DateSource.dateline)
        self.credits = credits
    }
}
