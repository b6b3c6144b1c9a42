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

    /// How a word is written, as far as names care.
    struct Shape: OptionSet, Sendable {
        let rawValue: UInt8
        /// A capital, then lowercase letters (at most one more capital: "McCarthy", "DeSantis").
        static let titleCase = Shape(rawValue: 1 << 0)
        /// Two letters or more, all capitals ("CCTV", "NUMA").
        static let allCapitals = Shape(rawValue: 1 << 1)
        /// Contains a digit ("M5451", "O2").
        static let digit = Shape(rawValue: 1 << 2)
        /// One capital letter, with or without a period ("F.", "J").
        static let initial = Shape(rawValue: 1 << 3)
        /// A Roman numeral of a regnal name ("II", "V", "XIV").
        static let roman = Shape(rawValue: 1 << 4)
    }

    /// One word of the name.
    struct Part: Sendable {
        /// Bytes in the document text.
        var bytes: Range<Int>
        /// The term id, or nil for part of a hyphenated word.
        var term: UInt32?
        /// Normal form (lowercase).
        var norm: String
        /// How it is written.
        var shape: Shape = []
    }

    var sentence: Int
    var parts: [Part]
    /// Bytes of a courtesy title written before the name ("Mr."), part of the mention.
    var honorific: Range<Int>?
    /// The courtesy title goes with a first name ("Sir Allan", "Dame Judi"), not a surname.
    var firstNameHonorific = false
    var hint: Hint
    var context: Context
    /// A role, courtesy title, apposition or speech verb marks a person.
    var personCue: Bool
    /// A speech verb goes with the name ("Sun said").
    var speaker: Bool = false
    /// A preposition of place comes right before it ("in Bonn", "near Haifa").
    var locative: Bool = false
    /// Titles seen with the name, as written and as listed ("Chinese Foreign Minister", "Foreign Minister").
    var roles: [String] = []
    /// The acronym given in brackets after the name ("(APEC)"), normalised.
    var abbreviation: String?
    /// The only person cue is a lowercase title with no qualifier ("official Linux driver"):
    /// the name must also look like a name by corpus evidence.
    var weakRole = false
    /// Classified a person only because its words look like a name; confirmed (or turned into
    /// `other`) once all spellings of the name are grouped.
    var tentative = false
    /// The words around it say it is an organisation: "Qantas engineers", "Ansett's
    /// administrators", "shares of Amtrak", "rival Ansett".
    var organizationCue = false
    /// Stronger words around it say it is a business or a body, whatever its own words look
    /// like: a business noun right before it ("retailer Harris Scarfe"), an occupation "at" it
    /// ("an analyst at Peel Hunt"), an apposition headed by one ("McAfee.com, a software
    /// company,"), or its possessive before a person's name ("Westpac's Bill Evans").
    var companyCue = false
    /// A demonym or place right before the name and not part of it ("American" before
    /// "Express"): joined to it when the corpus knows the longer name as an organisation's.
    var lead: Part?
    /// The name follows a monarch's or pope's title ("King Charles", "Pope Francis"): a regnal
    /// name, never resolved to someone's surname.
    var regnal = false

    /// What passes over the candidates select them by, read without decoding the rest.
    struct Header {
        var hint: Hint
        var context: Context
        var partCount: Int
        var hasLead: Bool
        var companyCue = false

        var isGazetteer: Bool {
            if case .gazetteer = hint { return true }
            return false
        }
    }

    var header: Header { Header(hint: hint, context: context, partCount: parts.count, hasLead: lead != nil, companyCue: companyCue) }

    /// The bytes of the mention, courtesy title included.
    var bytes: Range<Int> {
        guard let first = parts.first, let last = parts.last else { return 0..<0 }
        return (honorific?.lowerBound ?? first.bytes.lowerBound)..<last.bytes.upperBound
    }

    /// The name's normal forms joined by spaces: the key aliases are matched on.
    var key: String { parts.map(\.norm).joined(separator: " ") }

    /// Whether the words are written like a personal name: capitalised words without digits or
    /// capitals-only words, with initials inside ("John F. Kennedy") and a Roman numeral last
    /// ("Henry V"); name particles ("de", "von") are told apart by the caller's `isParticle`.
    func isNameShaped(isParticle: (Part) -> Bool) -> Bool {
        guard let first = parts.first, parts.count <= 5 else { return false }
        if parts.count == 1 {
            return first.shape.contains(.titleCase) && !first.shape.contains(.digit) && first.norm.count >= 2
        }
        guard first.shape.contains(.titleCase), !first.shape.contains(.digit) else { return false }
        for (i, part) in parts.enumerated().dropFirst() {
            if part.shape.contains(.digit) { return false }
            if part.shape.contains(.titleCase) || isParticle(part) { continue }
            if part.shape.contains(.initial) && i < parts.count - 1 { continue }
            if part.shape.contains(.roman) && i == parts.count - 1 { continue }
            return false
        }
        return true
    }
}

/// What the first pass over one document yields.
struct DocumentCandidates: Sendable {
    var document: Int
    var candidates: [Candidate]
}
