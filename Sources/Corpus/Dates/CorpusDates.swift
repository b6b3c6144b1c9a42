/// The dates of a loaded corpus: every document's date mentions, resolved against the
/// document's own date (given or inferred) or the corpus's strongest date evidence.
public final class CorpusDates: @unchecked Sendable {
    /// Per document (corpus index).
    public let documents: [DocumentDates]

    init(documents: [DocumentDates]) {
        self.documents = documents
    }

    /// Scans every document (in parallel) and resolves the mentions.
    public static func build(_ documents: [Document], cancellation: Cancellation = .none) throws(WorkLimit) -> CorpusDates {
        let given = documents.map { $0.metadata.givenDate.flatMap(DateValue.init(iso:)) }
        return CorpusDates(documents: try DateEvidence.resolve(texts: documents.map(\.text), documentDates: given,
                                                               cancellation: cancellation))
    }

    /// The date of document `index`: given by its text, else inferred, as ISO.
    public func date(of document: Document) -> String? {
        if let given = document.metadata.givenDate { return given }
        guard document.index < documents.count else { return nil }
        return documents[document.index].inferredDate?.iso
    }

    /// The mentions of a document in text order.
    public func mentions(of document: Document) -> [DateMention] {
        guard document.index < documents.count else { return [] }
        return documents[document.index].mentions
    }

    /// The resolved mentions of `corpus`'s documents, sorted by date (ranges by their start;
    /// wider values first), each with its document.
    public func timeline(_ corpus: Corpus) -> [(document: Document, mention: DateMention)] {
        var items: [(document: Document, mention: DateMention)] = []
        for doc in corpus.documents {
            for m in mentions(of: doc) where m.value != nil { items.append((doc, m)) }
        }
        return DateTimeline.sorted(items) { $0.mention }
    }
}

extension Corpus {
    /// The corpus's dates, computed on first use and shared with sub-corpora.
    public var dates: CorpusDates {
        Cancellation.uninterrupted { token throws(WorkLimit) in try dates(cancellation: token) }
    }

    /// `dates`, built checking `cancellation` when they are not yet (a stopped build keeps
    /// nothing: the next call builds again).
    public func dates(cancellation: Cancellation) throws(WorkLimit) -> CorpusDates {
        let root = self.root
        return try root.annotations.value(CorpusDates.self) { () throws(WorkLimit) in
            try CorpusDates.build(root.documents, cancellation: cancellation)
        }
    }

    /// A document's date: given by its text, else inferred from it and the corpus evidence.
    public func date(of document: Document) -> String? {
        if let given = document.metadata.givenDate { return given }
        return dates.date(of: document)
    }
}
