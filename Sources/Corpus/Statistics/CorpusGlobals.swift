/// Corpus-wide statistics for one part of a corpus split across machines (issue 14, `dossier map
/// --globals`): the figures a part would otherwise take from itself alone, so that what depends
/// on the whole corpus — tf-idf keywords, search ranking, keyness against the whole, collocation
/// frequencies — scores on a part exactly as on the whole (`Corpus.setGlobals`).
///
/// Made by the first of two passes (`scripts/globals.lua`: every part counts its documents and
/// document frequencies, `dossier reduce` sums them) and read by the second.
public struct CorpusGlobals: Sendable {
    /// Documents of the whole corpus (the N of idf).
    public var documentCount: Int
    /// Tokens of the whole corpus (words, numbers and punctuation).
    public var tokenCount: Int
    /// Word and number tokens of the whole corpus (what document lengths count, for BM25's
    /// average length and the collocation window's N); 0 when the first pass did not count them.
    public var wordCount: Int
    /// Documents of the whole corpus holding each term (normal form); a term missing here is
    /// counted by the part alone.
    public var documentFrequency: [String: Int]
    /// Occurrences of each term (normal form) in the whole corpus, when the first pass counted
    /// them (keyness against the whole, collocations); a term missing here is counted by the part
    /// alone.
    public var collectionFrequency: [String: Int]

    /// Documents of the whole corpus holding each phrase the first pass was asked to count
    /// (`scripts/globals.lua PHRASE…`), by `phraseKey`: search ranks those phrases on a part as on
    /// the whole; other phrases by the part's own count.
    public var phraseDocumentFrequency: [String: Int] = [:]

    /// The summed entity evidence of every part (`EntityGlobals`), when the first pass tallied it.
    public var entities: EntityGlobals?

    public init(documentCount: Int, tokenCount: Int = 0, wordCount: Int = 0, documentFrequency: [String: Int] = [:],
                collectionFrequency: [String: Int] = [:], entities: EntityGlobals? = nil) {
        self.documentCount = documentCount
        self.tokenCount = tokenCount
        self.wordCount = wordCount
        self.documentFrequency = documentFrequency
        self.collectionFrequency = collectionFrequency
        self.entities = entities
    }

    /// The key of a phrase in `phraseDocumentFrequency`: its tokens' normal forms as a quoted
    /// search query reads them (`"Prime Minister's"` → `prime minister 's`).
    public static func phraseKey(_ phrase: String) -> String {
        QueryParser.norms(phrase, keepEdgePunctuation: true).joined(separator: " ")
    }

    /// Average word and number tokens per document of the whole corpus, as BM25 measures
    /// lengths (0 for none).
    public var averageLength: Double {
        documentCount > 0 ? Double(wordCount) / Double(documentCount) : 0
    }
}
