/// Reads a web archive (`.warc`, `.warc.gz`; ISO 28500) as the articles of its HTML pages:
/// each `response` record with an HTML payload is extracted like a saved page
/// (`HTMLDocumentReader`), with `url` from `WARC-Target-URI` and the date from the page, else
/// the record's `WARC-Date`. Ids are the file's plus `#N`, the record's number in the file.
/// Records that are not pages are counted in one warning per kind; a truncated or damaged
/// record warns with its number and byte offset, and the rest of the file loads.
struct WARCDocumentReader: DocumentReader {
    func read(_ input: ReaderInput, emit: (RawRecord) -> Void, warn: (ReaderProblem) -> Void) throws(WorkLimit) {
        // The token is checked after every decoded chunk, every record, and inside each page's parse.
        let summary = try WARCFile.read(UnsafeRawBufferPointer(input.bytes), maxRecordBytes: CorpusLoader.Options.defaultMaxFileBytes,
                                        cancellation: input.cancellation) { (page) throws(WorkLimit) in
            let extracted: Result<HTMLArticle, WorkLimit> = page.html.withUnsafeBytes { html in
                Result { () throws(WorkLimit) in
                    try HTMLExtractor.extract(html, url: page.url, charset: page.charset, cancellation: input.cancellation)
                }
            }
            let article = try extracted.get()
            let place = "record \(page.record)"
            if let problem = page.problem { warn(ReaderProblem(place: place, message: problem)) }
            for message in article.warnings { warn(ReaderProblem(place: place, message: message)) }
            var other: [(name: String, value: FieldValue)] = []
            if let fetched = page.fetched { other.append((name: "warc_date", value: .text(fetched))) }
            if let id = page.recordID { other.append((name: "warc_record_id", value: .text(id))) }
            let range = input.offset + page.range.lowerBound..<(input.offset + page.range.upperBound)
            guard let record = HTMLDocumentReader.record(article, range: range, url: page.url,
                                                         date: page.fetched, item: page.record, other: other) else {
                warn(ReaderProblem(place: place, message: "no main text found in the page, skipped", skipped: "no text"))
                return
            }
            emit(record)
        }
        for warning in summary.warnings {
            warn(ReaderProblem(message: warning, skipped: warning.contains("skipped") && warning.hasPrefix("record") ? "damaged WARC record" : nil))
        }
        if !summary.skipped.isEmpty {
            let kinds = summary.skipped.sorted { $0.key < $1.key }.map { "\($0.key) × \($0.value)" }
            warn(ReaderProblem(message: "records that are not pages, skipped: " + kinds.joined(separator: ", ")))
        }
        if summary.records == 0 && summary.warnings.isEmpty {
            warn(ReaderProblem(message: "no WARC records, skipped", skipped: "empty"))
        }
    }
}
