/// A document's date, decided by its corpus's dates (`CorpusDates`): declared here, with the
/// dates, so that the model (`Document`) does not depend on the analysis that dates it.
extension Document {
    /// The document's date (ISO) when it can be known: given by its metadata or text, or its
    /// dateline's day with the year of the corpus's dated documents, or inferred from a full date
    /// the text writes; nil otherwise (see `dateGuess`). Never a date merely mentioned in the body.
    public var date: String? { documentDate.date }
    /// Where `date` came from: "field", "dateline", "dateline+corpus", "dateline+field", "text" or
    /// "inferred" (`DateSource`); nil without a date.
    public var dateFrom: String? { documentDate.from }
    /// When the date cannot be known: a guess and its basis (nil when nothing points at one).
    public var dateGuess: DateGuess? { documentDate.guess }
    /// The date, its source and a guess together.
    public var documentDate: DocumentDate {
        if let corpus { return corpus.dates.documentDate(of: self) }
        return DocumentDate(date: metadata.givenDate, from: metadata.givenDateFrom)
    }
}
