/// Reads a saved web page (`.html`, `.htm`, or a file that starts like one) as one article: its
/// main text and metadata (title, date, site, authors, canonical address, language,
/// description) by `HTMLExtractor`. The page's metadata becomes the record's fields, so they win
/// over what the cleaner would infer from the text (`doc.date_from` is "field").
struct HTMLDocumentReader: DocumentReader {
    func read(_ input: ReaderInput, emit: (RawRecord) -> Void, warn: (ReaderProblem) -> Void) throws(WorkLimit) {
        let article = try HTMLExtractor.extract(UnsafeRawBufferPointer(input.bytes), cancellation: input.cancellation)
        let range = input.offset..<(input.offset + input.bytes.count)
        for message in article.warnings { warn(ReaderProblem(message: message)) }
        guard let record = Self.record(article, range: range) else {
            warn(ReaderProblem(message: "no main text found in the page, skipped", skipped: "no text"))
            return
        }
        emit(record)
    }

    /// The record of an extracted page, nil when it has no text. `url` and `date` stand in for
    /// what the page does not say (a WARC record's target address and fetch date).
    static func record(_ article: HTMLArticle, range: Range<Int>, url: String? = nil, date: String? = nil,
                       item: Int? = nil, other: [(name: String, value: FieldValue)] = []) -> RawRecord? {
        guard article.text.contains(where: { !$0.isWhitespace }) else { return nil }
        var fields = RecordFields()
        fields.title = article.title
        fields.date = article.date ?? date
        fields.source = article.siteName
        fields.url = url ?? article.url
        fields.authors = article.authors
        // A language the page declares is a field; one the extractor read from the text is left
        // for the loader's detection on the extracted body (`doc.language_from` = "detected").
        let declared = article.sources.language != HTMLMetadataSource.script.rawValue
            && article.sources.language != HTMLMetadataSource.text.rawValue
        fields.language = declared ? article.language : nil
        if let description = article.description, !description.isEmpty {
            fields.other.append((name: "description", value: .text(description)))
        }
        if let url, let canonical = article.url, canonical != url {
            fields.other.append((name: "canonical_url", value: .text(canonical)))
        }
        fields.other.append(contentsOf: other)
        return RawRecord(text: article.text, fields: fields, byteRange: range, line: nil, item: item, warning: nil)
    }
}
