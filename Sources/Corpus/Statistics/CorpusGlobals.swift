/// Corpus-wide statistics for one part of a corpus split across machines (issue 14, `dossier map
/// --globals`): the figures a part would otherwise take from itself alone, so that what depends
/// on the whole corpus — tf-idf keywords — scores on a part exactly as on the whole.
///
/// Made by the first of two passes (`scripts/globals.lua`: every part counts its documents and
/// document frequencies, `dossier reduce` sums them) and read by the second.
public struct CorpusGlobals: Sendable {
    /// Documents of the whole corpus (the N of idf).
    public var documentCount: Int
    /// Tokens of the whole corpus (for the average document length).
    public var tokenCount: Int
    /// Documents of the whole corpus holding each term (normal form); a term missing here is
    /// counted by the part alone.
    public var documentFrequency: [String: Int]

    /// The summed entity evidence of every part (`EntityGlobals`), when the first pass tallied it.
    public var entities: EntityGlobals?

    public init(documentCount: Int, tokenCount: Int = 0, documentFrequency: [String: Int] = [:],
                entities: EntityGlobals? = nil) {
        self.documentCount = documentCount
        self.tokenCount = tokenCount
        self.documentFrequency = documentFrequency
        self.entities = entities
    }

    /// Average tokens per document of the whole corpus (0 for none).
    public var averageLength: Double {
        documentCount > 0 ? Double(tokenCount) / Double(documentCount) : 0
    }
}
