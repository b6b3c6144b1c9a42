/// One segment's documents while the corpus loads: each record analysed with a segment-local
/// term table, then the segment's postings (still with local ids), then renumbered into the
/// lexicon by the index builder. Each draft is touched by one thread at a time.
final class SegmentDraft: @unchecked Sendable {
    var workspace = DocumentBuilder.Workspace()
    var documents: [DocumentBuilder.Prepared] = []
    var warnings: [LoadWarning] = []
    /// Records skipped, by reason ("empty", "malformed JSON").
    var skipped: [String: Int] = [:]
    var postings: (segment: Segment, df: [UInt32], cf: [UInt32])?

    /// Analyses one record of `file`.
    func add(_ record: RawRecord, file: ReadPlan.File, format: DocumentFormat) {
        let origin = RecordOrigin(location: file.bytes, identity: file.identity, byteRange: record.byteRange,
                                  line: record.line, item: record.item, format: format.rawValue)
        let id = record.fields.id ?? file.id + origin.idSuffix
        if let warning = record.warning {
            warnings.append(LoadWarning(path: file.path, place: origin.place, message: warning))
        }
        documents.append(DocumentBuilder.prepare(id: id, path: file.path, record: record, origin: origin,
                                                 workspace: &workspace))
    }

    /// Keeps a reader's warning about `file`, and counts what it skipped.
    func warn(_ problem: ReaderProblem, file: ReadPlan.File) {
        warnings.append(LoadWarning(path: file.path, place: problem.place, message: problem.message))
        if let reason = problem.skipped { skipped[reason, default: 0] += 1 }
    }

    /// Builds the segment's postings from the local term ids (base document fixed later).
    func buildPostings() {
        postings = Segment.build(baseDocument: 0, documents: documents.map(\.terms),
                                 localTermCount: workspace.table.count)
    }

    /// Hands the segment's terms to the merger and frees the segment's own table.
    func merge(into merger: TermMerger, segment: Int) {
        merger.add(segment: segment, table: workspace.table, kinds: workspace.kinds,
                   frequencies: postings?.cf ?? [])
        workspace = DocumentBuilder.Workspace(capacity: 16)
    }
}
