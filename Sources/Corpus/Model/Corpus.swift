import Foundation

/// A loaded collection of documents, or a sub-corpus of one.
///
/// A sub-corpus (`filter`) shares the documents and everything computed from them with the
/// corpus it came from; it only keeps the list of its members.
public final class Corpus: @unchecked Sendable {
    /// The documents, in load order.
    public let documents: [Document]
    /// Problems with files that did not stop the load.
    public let warnings: [LoadWarning]
    /// How many documents the load read and how many records it skipped, and why.
    public let summary: LoadSummary
    /// Reads a document's record again (`Document.raw`); nil for a corpus made from strings.
    let rawSource: RawRecordSource?
    /// Where the corpus was loaded from.
    public let location: String
    /// The corpus this one was filtered from, or nil for a loaded corpus.
    public let parent: Corpus?

    /// The index shared by a corpus and its sub-corpora.
    public let index: CorpusIndex
    /// Results built on first use (dates, entities, quotes, claims): whole-corpus ones are kept
    /// by the root and shared by sub-corpora; a sub-corpus keeps its own views here.
    public let annotations = AnnotationCache()
    /// The archive the corpus was opened from (`DossierArchive`), nil for a loaded corpus and
    /// for sub-corpora.
    public let archive: ArchiveInfo?

    private let byID: [String: Document]

    init(documents: [Document], warnings: [LoadWarning] = [], location: String, index: CorpusIndex,
         summary: LoadSummary? = nil, rawSource: RawRecordSource? = nil, parent: Corpus? = nil,
         archive: ArchiveInfo? = nil) {
        self.archive = archive
        self.documents = documents
        self.summary = summary ?? LoadSummary(documents: documents.count)
        self.rawSource = rawSource
        self.index = index
        self.warnings = warnings
        self.location = location
        self.parent = parent
        var byID: [String: Document] = [:]
        for d in documents { byID[d.id] = d }
        self.byID = byID
        if parent == nil { for d in documents { d.corpus = self } }
    }

    /// The root corpus (the loaded one) this corpus belongs to.
    public var root: Corpus { parent?.root ?? self }

    /// Number of documents.
    public var count: Int { documents.count }

    /// Total word tokens.
    public var wordCount: Int { documents.reduce(0) { $0 + $1.wordCount } }

    /// The document with this id, or the only one whose id starts with it.
    public func document(_ idOrPrefix: String) throws(DocumentLookupError) -> Document {
        if let d = byID[idOrPrefix] { return d }
        let matches = documents.filter { $0.id.hasPrefix(idOrPrefix) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw .noSuchDocument(idOrPrefix) }
        throw .ambiguousDocument(idOrPrefix, candidates: matches.map(\.id))
    }

    /// A sub-corpus of the documents for which `include` is true (sharing everything).
    public func filter(_ include: (Document) throws -> Bool) rethrows -> Corpus {
        Corpus(documents: try documents.filter(include), warnings: [], location: location, index: index, parent: self)
    }

    /// Where `document` is in `documents`, or nil when it is not a member.
    public func position(of document: Document) -> Int? {
        if parent == nil {
            return document.index < documents.count && documents[document.index] === document ? document.index : nil
        }
        var lo = 0
        var hi = documents.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if documents[mid].index < document.index { lo = mid + 1 } else { hi = mid }
        }
        return lo < documents.count && documents[lo] === document ? lo : nil
    }

    /// Bytes held by the corpus's main parts, for the benchmark's memory report.
    public var memoryBreakdown: [(part: String, bytes: Int)] {
        var text = 0, terms = 0, layouts = 0
        for d in documents {
            text += d.textByteCount
            terms += d.terms.byteCount
            layouts += d.layoutMemoryBytes
        }
        return [("text", text), ("token ids", terms), ("sentences and paragraphs (found so far)", layouts),
                ("postings", index.postingsBytes)]
    }

    /// Drops the analyses the corpus has kept for later use (the entity index, the quotations,
    /// the dates) and hands their memory back to the system; the next use computes them again.
    /// A long script (the briefing) calls it once it is done with them, so they do not lie under
    /// the peak of the analyses that follow. Settings (a gazetteer, globals) are kept.
    public func forgetAnalyses() {
        let root = self.root
        root.annotations.set(Corpus.indexKey, Optional<EntityIndex>.none)
        root.annotations.reset(CorpusDates.self)
        MemoryRelease.trim()
    }

    /// True when `document` belongs to this corpus.
    public func contains(_ document: Document) -> Bool { byID[document.id] === document }
}
