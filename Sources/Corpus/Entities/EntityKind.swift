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
public struct EntityMention: Sendable, Hashable {
    /// Corpus index of the document (`Document.index`).
    public var document: Int
    /// Index of the sentence in the document (0-based).
    public var sentence: Int
    /// Bytes of the mention in the document's `text` (UTF-8 offsets).
    public var range: Range<Int>
    /// The mention as written ("Mr. Blinken", "US", "Antony Blinken"), whitespace made single spaces.
    public var text: String

    /// Makes a mention; the recogniser is the usual source of these.
    public init(document: Int, sentence: Int, range: Range<Int>, text: String) {
        self.document = document
        self.sentence = sentence
        self.range = range
        self.text = text
    }
}
