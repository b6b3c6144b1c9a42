/// What a named entity is.
///
/// `event` covers summits and meetings named after their group ("G20", "APEC"), wars and named
/// crises; `other` is everything named that fits none of the rest (book titles such as
/// "The Decisive Decade", laws, unknown single capitalised words).
public enum EntityKind: String, Sendable, CaseIterable {
    case person, organization, place, event, other

    /// The kinds as a readable list for error messages: "person, organization, place, event or other".
    public static var readableList: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }
}

/// One place in the corpus where an entity is named.
///
/// Stored in 32-bit fields (a corpus of 105,000 articles holds some two million mentions, twice:
/// per entity and per document); values beyond 32 bits are clamped.
public struct EntityMention: Sendable, Hashable {
    private var documentIndex: Int32
    private var sentenceIndex: Int32
    private var lower: Int32
    private var upper: Int32
    /// The mention as written ("Mr. Blinken", "US", "Antony Blinken"), whitespace made single spaces.
    public var text: String

    /// Corpus index of the document (`Document.index`).
    public var document: Int {
        get { Int(documentIndex) }
        set { documentIndex = Int32(clamping: newValue) }
    }

    /// Index of the sentence in the document (0-based).
    public var sentence: Int {
        get { Int(sentenceIndex) }
        set { sentenceIndex = Int32(clamping: newValue) }
    }

    /// Bytes of the mention in the document's `text` (UTF-8 offsets).
    public var range: Range<Int> {
        get { Int(lower)..<Int(upper) }
        set {
            lower = Int32(clamping: newValue.lowerBound)
            upper = max(lower, Int32(clamping: newValue.upperBound))
        }
    }

    /// Makes a mention; the recogniser is the usual source of these.
    public init(document: Int, sentence: Int, range: Range<Int>, text: String) {
        documentIndex = Int32(clamping: document)
        sentenceIndex = Int32(clamping: sentence)
        let start = Int32(clamping: range.lowerBound)
        lower = start
        upper = max(start, Int32(clamping: range.upperBound))
        self.text = text
    }
}
