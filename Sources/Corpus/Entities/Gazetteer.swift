import Foundation

/// The word lists entity recognition looks things up in: named places, organisations and events
/// with their aliases (and, for places, demonyms), titles that mark a person ("Foreign Minister",
/// "spokesman"), personal-name words, and capitalised words that are never names on their own.
///
/// The standard lists ship as data files (`Resources/gazetteer-*.txt`, see `standard`). It is a
/// value: copy it, add entries, and give it to `EntityIndex.build` or `Corpus.setGazetteer`:
///
///     var gazetteer = Gazetteer.standard
///     gazetteer.add(kind: .organization, name: "NewsTrack", aliases: ["News Track"])
///     gazetteer.addRole("Special Rapporteur")
///     corpus.setGazetteer(gazetteer)
public struct Gazetteer: Sendable {
    /// One named thing: its canonical name and the other names it goes by.
    public struct Entry: Sendable, Hashable {
        /// What it is.
        public var kind: EntityKind
        /// The canonical name ("United States").
        public var name: String
        /// Other names that are mentions of it ("US", "U.S.", "America").
        public var aliases: [String]
        /// Words for its people or adjectives ("American", "Chinese", "Sino"): they qualify a
        /// noun and mark an affiliation, but are not counted as mentions of the place.
        public var demonyms: [String]

        /// Makes an entry.
        public init(kind: EntityKind, name: String, aliases: [String] = [], demonyms: [String] = []) {
            self.kind = kind
            self.name = name
            self.aliases = aliases
            self.demonyms = demonyms
        }
    }

    /// A title that marks the person it goes with ("Secretary of State", "spokesman").
    public struct Role: Sendable, Hashable {
        /// The title as listed, with its usual capitals ("Foreign Minister").
        public var title: String
        /// Only a title when written with a capital ("General", "Major"), so that ordinary
        /// words ("major issues") are not read as titles.
        public var capitalizedOnly: Bool

        /// Makes a role.
        public init(title: String, capitalizedOnly: Bool = false) {
            self.title = title
            self.capitalizedOnly = capitalizedOnly
        }
    }

    /// Named places, organisations, events (and any persons or others a plugin adds).
    public private(set) var entries: [Entry] = []
    /// Titles that mark a person.
    public private(set) var roles: [Role] = []
    /// Given names ("Andrew", "Olena"), normalised.
    public private(set) var givenNames: Set<String> = []
    /// Family names ("Wang", "Xi", "Nguyen"), normalised.
    public private(set) var familyNames: Set<String> = []
    /// Capitalised words that are never a name on their own ("Monday", "Firstly"), normalised.
    public private(set) var nonNames: Set<String> = []
    private var entryPosition: [String: Int] = [:]
    private var rolePosition: [String: Int] = [:]

    /// An empty gazetteer (patterns still find names; nothing is known in advance).
    public init() {}

    /// Adds a named thing, or more aliases and demonyms to one already listed under that name
    /// and kind. Empty names are ignored.
    public mutating func add(kind: EntityKind, name: String, aliases: [String] = [], demonyms: [String] = []) {
        let name = Self.clean(name)
        guard !name.isEmpty else { return }
        let key = kind.rawValue + "\u{1}" + Tokenizer.norm(name)
        let aliases = aliases.map(Self.clean).filter { !$0.isEmpty && $0 != name }
        let demonyms = demonyms.map(Self.clean).filter { !$0.isEmpty }
        if let position = entryPosition[key] {
            for a in aliases where !entries[position].aliases.contains(a) { entries[position].aliases.append(a) }
            for d in demonyms where !entries[position].demonyms.contains(d) { entries[position].demonyms.append(d) }
            return
        }
        entryPosition[key] = entries.count
        entries.append(Entry(kind: kind, name: name, aliases: aliases, demonyms: demonyms))
    }

    /// Adds a title that marks a person ("Special Rapporteur").
    public mutating func addRole(_ title: String, capitalizedOnly: Bool = false) {
        let title = Self.clean(title)
        guard !title.isEmpty else { return }
        let key = Tokenizer.norm(title)
        if let position = rolePosition[key] {
            roles[position].capitalizedOnly = roles[position].capitalizedOnly && capitalizedOnly
            return
        }
        rolePosition[key] = roles.count
        roles.append(Role(title: title, capitalizedOnly: capitalizedOnly))
    }

    /// Personal-name words of either kind.
    public var nameWords: Set<String> { givenNames.union(familyNames) }

    /// Adds given names ("Jinping", "Olena"), or family names with `family: true` ("Nguyen").
    /// A family name seen alone resolves to a full name seen in another document; a given name
    /// only within its own document.
    public mutating func addNameWords(_ words: some Sequence<String>, family: Bool = false) {
        for w in words {
            let n = Tokenizer.norm(Self.clean(w))
            guard !n.isEmpty else { continue }
            if family { familyNames.insert(n) } else { givenNames.insert(n) }
        }
    }

    /// Adds words that are never a name on their own ("Firstly", "Advertisement").
    public mutating func addNonNames(_ words: some Sequence<String>) {
        for w in words {
            let n = Tokenizer.norm(Self.clean(w))
            if !n.isEmpty { nonNames.insert(n) }
        }
    }

    /// The entries of a kind.
    public func entries(of kind: EntityKind) -> [Entry] {
        entries.filter { $0.kind == kind }
    }

    /// The entry whose name, alias or demonym is `name` (case-insensitive), if any.
    public func entry(named name: String) -> Entry? {
        let n = Tokenizer.norm(Self.clean(name))
        return entries.first { e in
            Tokenizer.norm(e.name) == n || e.aliases.contains { Tokenizer.norm($0) == n }
        }
    }

    /// Trims and collapses whitespace (including no-break spaces) to single spaces.
    static func clean(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

extension Gazetteer {
    /// Reads entries in the data-file format: one per line, `Name | alias | alias ; demonym | demonym`.
    /// Blank lines and lines starting with "#" are skipped.
    public mutating func addEntries(kind: EntityKind, fileText text: String) {
        for line in Self.lines(text) {
            let halves = line.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
            let names = halves[0].split(separator: "|").map { String($0) }
            guard let first = names.first else { continue }
            let demonyms = halves.count > 1 ? halves[1].split(separator: "|").map { String($0) } : []
            add(kind: kind, name: first, aliases: Array(names.dropFirst()), demonyms: demonyms)
        }
    }

    /// Reads titles: one per line; a trailing " *" means "only with a capital".
    public mutating func addRoles(fileText text: String) {
        for line in Self.lines(text) {
            if line.hasSuffix("*") {
                addRole(String(line.dropLast()), capitalizedOnly: true)
            } else {
                addRole(line)
            }
        }
    }

    /// Reads name words: several per line, separated by spaces; a line "[given]" or "[family]"
    /// starts a section (given names until the first one).
    public mutating func addNameWords(fileText text: String) {
        var family = false
        for line in Self.lines(text) {
            switch line.lowercased() {
            case "[given]": family = false
            case "[family]": family = true
            default: addNameWords(line.split(separator: " ").map(String.init), family: family)
            }
        }
    }

    /// Reads never-a-name words: one or more per line, separated by spaces.
    public mutating func addNonNames(fileText text: String) {
        for line in Self.lines(text) {
            addNonNames(line.split(separator: " ").map(String.init))
        }
    }

    /// The meaningful lines of a data file: trimmed, without blanks and comments.
    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            return line.isEmpty || line.hasPrefix("#") ? nil : line
        }
    }
}
