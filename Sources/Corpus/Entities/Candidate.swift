/// A name found in one document, before corpus-wide classification and alias resolution.
struct Candidate: Sendable {
    /// What the local context says the name is.
    enum Hint: Sendable, Equatable {
        /// A gazetteer entry (index into `Gazetteer.entries`).
        case gazetteer(Int)
        /// A role, courtesy title, apposition or speech verb goes with it.
        case person
        /// Its last word is an organisation word ("University", "Fund").
        case organization
        /// Its last word is a place word ("Sea", "Square").
        case place
        /// Its last word is an event word ("War", "Summit").
        case event
        /// A title of a work ("The Decisive Decade") or a named law or plan.
        case other
        /// Nothing local decides; corpus-wide evidence will.
        case unknown
    }

    /// How much the position of the name can be trusted.
    enum Context: UInt8, Sendable {
        /// Capitalised mid-sentence, or backed by a pattern: may establish a new entity.
        case strong
        /// The first word is at a sentence start, where any word is capitalised.
        case initial
        /// In a heading, caption, list label or label before a colon: only known names count.
        case weak
    }

    /// One word of the name.
    struct Part: Sendable {
        /// Bytes in the document text.
        var bytes: Range<Int>
        /// The term id, or nil for part of a hyphenated word.
        var term: UInt32?
        /// Normal form (lowercase).
        var norm: String
    }

    var sentence: Int
    var parts: [Part]
    /// Bytes of a courtesy title written before the name ("Mr."), part of the mention.
    var honorific: Range<Int>?
    var hint: Hint
    var context: Context
    /// A role, courtesy title, apposition or speech verb marks a person.
    var personCue: Bool
    /// A speech verb goes with the name ("Sun said").
    var speaker: Bool = false
    /// Titles seen with the name, as written and as listed ("Chinese Foreign Minister", "Foreign Minister").
    var roles: [String] = []
    /// The acronym given in brackets after the name ("(APEC)"), normalised.
    var abbreviation: String?
    /// One of the words is written in capitals ("NEW YORK", "CCTV"): not a personal name.
    var hasAllCapitals = false

    /// The bytes of the mention, courtesy title included.
    var bytes: Range<Int> {
        guard let first = parts.first, let last = parts.last else { return 0..<0 }
        return (honorific?.lowerBound ?? first.bytes.lowerBound)..<last.bytes.upperBound
    }

    /// The name's normal forms joined by spaces: the key aliases are matched on.
    var key: String { parts.map(\.norm).joined(separator: " ") }
}

/// What the first pass over one document yields.
struct DocumentCandidates: Sendable {
    var document: Int
    var candidates: [Candidate]
}
