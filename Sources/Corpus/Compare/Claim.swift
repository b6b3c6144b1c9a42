/// One sentence of a document, as claims and conflicts refer to it.
public struct SentenceReference: Sendable, Hashable {
    /// The document holding the sentence.
    public let document: Document
    /// The sentence's index in the document (0-based).
    public let sentence: Int

    /// Makes a reference to sentence `sentence` of `document`.
    public init(document: Document, sentence: Int) {
        self.document = document
        self.sentence = sentence
    }

    /// The sentence's text.
    public var text: String { document.sentenceText(sentence) }

    /// Same document object and same sentence.
    public static func == (a: SentenceReference, b: SentenceReference) -> Bool {
        a.document === b.document && a.sentence == b.sentence
    }

    /// Hashes the document's identity and the sentence index.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(document))
        hasher.combine(sentence)
    }
}

/// A fact stated in several documents: sentences from different groups (outlets, by default)
/// that say the same thing, possibly in other words.
public struct Claim: Sendable {
    /// The most central sentence's text: the one most similar to the others.
    public var text: String
    /// The sentences stating the fact, at most one per document, in corpus order.
    public var sentences: [SentenceReference]
    /// The documents of `sentences`, in corpus order.
    public var documents: [Document] { sentences.map(\.document) }
    /// The groups (outlets, or document ids for documents without an outlet) that state it,
    /// in order of first appearance in `sentences`.
    public var sources: [String]
    /// Mean similarity (weighted cosine, 0...1) of the other sentences to the central one.
    public var score: Double
    /// Index in `sentences` of the sentence `text` comes from.
    public var central: Int
}

/// How documents are grouped when claims are compared: a claim needs sentences from at least
/// two groups, and sentences of one group are never linked to each other.
public enum GroupingKey: Sendable {
    /// By outlet (`Document.source`); a document without one is its own group (its id).
    case source
    /// Every document is its own group.
    case document
    /// By a key computed per document (e.g. the document date, or a label from a script).
    case custom(@Sendable (Document) -> String)

    /// The group name of a document.
    public func key(for document: Document) -> String {
        switch self {
        case .source: return document.source ?? document.id
        case .document: return document.id
        case .custom(let key): return key(document)
        }
    }
}

/// Settings of `ClaimFinder`.
public struct ClaimOptions: Sendable {
    /// Minimum weighted cosine similarity for two sentences to state the same fact (0...1).
    public var threshold: Double = 0.35
    /// A sentence already in one claim also joins another whose sentences it resembles on
    /// average by at least `threshold × attachRatio` (a sentence may state two facts). 1: never.
    public var attachRatio: Double = 0.9
    /// Minimum number of groups (sources) a claim must have.
    public var minSources: Int = 2
    /// How sentence similarity is measured.
    public var similarity: SentenceSimilarity = .blended
    /// Sentences with fewer distinct content features than this are not compared ("Lastly:").
    public var minFeatures: Int = 4
    /// Features in more sentences than this never propose partners (they still count in the
    /// similarity): two sentences are compared only when they share a rarer feature. Nil: chosen
    /// from a work budget (every feature on small corpora, about 260 sentences on 13,000 documents).
    public var maxCandidateFrequency: Int?
    /// At most this many links are kept per sentence, the strongest (bounds memory on big corpora).
    public var maxLinksPerSentence: Int = 8
    /// Weight multiplier for capitalised words inside a sentence (names).
    public var nameBoost: Double = 1.5
    /// Weight multiplier for numbers and number words.
    public var numberBoost: Double = 1.5
    /// How tokens become features.
    public var normalizer = ContentNormalizer()
    /// Extra features per sentence, e.g. entity ids or resolved dates from later stages; each is
    /// a string key compared like a content word, weighted by `extraBoost`.
    public var extraFeatures: (@Sendable (Document, Int) -> [String])?
    /// Weight multiplier for `extraFeatures`.
    public var extraBoost: Double = 2

    /// Default options.
    public init() {}
}

/// How two sentences' weighted content features are compared. Both are 0...1 and 1 for
/// sentences with the same features.
public enum SentenceSimilarity: String, Sendable, CaseIterable {
    /// Weighted cosine: shared weight over both sentences' norms. Penalises a long sentence that
    /// states the fact and more.
    case cosine
    /// Geometric mean of the cosine and the containment of the shorter sentence in the longer
    /// (shared weight over the shorter one's squared norm), i.e. the cosine times
    /// √(longer norm / shorter norm), that factor capped at 1.5: a long sentence that also states
    /// the shorter one's fact scores higher than under the cosine, a short generic sentence does
    /// not match everything because the cosine still counts.
    case blended
}
