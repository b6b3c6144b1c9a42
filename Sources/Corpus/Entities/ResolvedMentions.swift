/// The resolved mentions of a run of documents, kept compact: a corpus of 105,000 articles
/// resolves some two million, so the reference, the names as written and the roles are ids into
/// tables (`refs`, `names`, `roleLists`), each value stored once.
///
/// The resolver's rounds fill one per chunk of documents on every core, then append them in
/// document order (`append(_:)`): ids are given in order of first sight, so the merged tables
/// are exactly those one thread resolving every document in order would have made.
struct ResolvedMentions: Sendable {
    /// One resolved mention, before entities are numbered.
    struct Mention: Sendable {
        /// Index into `refs`.
        var ref: Int32
        var position: Int32
        var sentence: Int32
        var lower: Int32
        var upper: Int32
        /// The mention as written, with a courtesy title (index into `names`).
        var text: UInt32
        /// The name as written, without a courtesy title (index into `names`).
        var surface: UInt32
        /// Where its roles start in `roleLists` (ids into `names`), and how many.
        var roleStart: UInt32
        var roleCount: UInt16
        /// What the name's own words say it is (an organisation word, a work title), if anything.
        var kindVote: EntityKind?
        /// A preposition of place came before it ("in Bonn").
        var locative: Bool

        var bytes: Range<Int> { Int(lower)..<Int(upper) }
    }

    private(set) var mentions: [Mention] = []
    /// What the mentions refer to, each once (`Mention.ref`).
    private(set) var refs: [EntityResolver.Ref] = []
    private var refIDs: [EntityResolver.Ref: Int32] = [:]
    /// The mentions' names as written and their roles, each once (`Mention.text`, `surface`).
    private(set) var names: [String] = []
    private var nameIDs: [String: UInt32] = [:]
    /// The roles of the mentions, as runs of ids into `names`.
    private(set) var roleLists: [UInt32] = []

    /// Records candidate `c` of document `p` (whose text is `body`) as a mention of `ref`.
    mutating func record(_ ref: EntityResolver.Ref, _ c: Candidate, _ p: Int, body: String, vote: EntityKind?) {
        guard let first = c.parts.first, let last = c.parts.last else { return }
        let surfaceRange = first.bytes.lowerBound..<last.bytes.upperBound
        let bytes = c.bytes
        guard let position = Int32(exactly: p), let sentence = Int32(exactly: c.sentence),
              let lower = Int32(exactly: bytes.lowerBound), let upper = Int32(exactly: bytes.upperBound) else { return }
        func spell(_ buffer: UnsafeBufferPointer<UInt8>) -> (String, String) {
            let surface = NameMatching.spaced(buffer, surfaceRange)
            return (surface, c.honorific == nil ? surface : NameMatching.spaced(buffer, bytes))
        }
        // Read in place: `withUTF8` on a copy of the text may copy it, once per mention.
        let (surface, text) = body.utf8.withContiguousStorageIfAvailable(spell) ?? {
            var copy = body
            return copy.withUTF8(spell)
        }()
        let refID = id(of: ref)
        let roleStart = UInt32(truncatingIfNeeded: roleLists.count)
        for role in c.roles.prefix(Int(UInt16.max)) { roleLists.append(nameID(role)) }
        let surfaceID = nameID(surface)
        mentions.append(Mention(ref: refID, position: position, sentence: sentence, lower: lower, upper: upper,
                                text: text == surface ? surfaceID : nameID(text), surface: surfaceID,
                                roleStart: roleStart, roleCount: UInt16(min(c.roles.count, Int(UInt16.max))),
                                kindVote: vote, locative: c.locative))
    }

    /// Appends the mentions of the documents after these, renumbering their ids into these tables.
    mutating func append(_ other: ResolvedMentions) {
        let refMap = other.refs.map { id(of: $0) }
        let nameMap = other.names.map { nameID($0) }
        let roleBase = UInt32(truncatingIfNeeded: roleLists.count)
        // No exact `reserveCapacity` here: called once a chunk, it would copy the whole table
        // each time (see `reserve(for:)`); appending grows it geometrically.
        for role in other.roleLists { roleLists.append(nameMap[Int(role)]) }
        for var m in other.mentions {
            m.ref = refMap[Int(m.ref)]
            m.text = nameMap[Int(m.text)]
            m.surface = nameMap[Int(m.surface)]
            m.roleStart &+= roleBase
            mentions.append(m)
        }
    }

    /// Makes room for the mentions and roles of `chunks` at once, before they are appended one
    /// by one: the tables then grow (and are copied) once a round instead of once a chunk, and
    /// end exactly as large as they need to be.
    mutating func reserve(for chunks: some Sequence<ResolvedMentions>) {
        var more = 0, moreRoles = 0
        for chunk in chunks {
            more += chunk.mentions.count
            moreRoles += chunk.roleLists.count
        }
        mentions.reserveCapacity(mentions.count + more)
        roleLists.reserveCapacity(roleLists.count + moreRoles)
    }

    /// The roles of a mention.
    func roles(of m: Mention) -> ArraySlice<UInt32> {
        let start = Int(m.roleStart)
        return roleLists[start..<(start + Int(m.roleCount))]
    }

    /// Drops the lookup tables, once every mention is in: the index is assembled from
    /// `mentions`, `refs`, `names` and `roleLists` alone.
    mutating func releaseLookups() {
        refIDs = [:]
        nameIDs = [:]
    }

    private mutating func id(of ref: EntityResolver.Ref) -> Int32 {
        if let known = refIDs[ref] { return known }
        let id = Int32(refs.count)
        refIDs[ref] = id
        refs.append(ref)
        return id
    }

    /// The id of a name or role in `names`, added on first sight.
    private mutating func nameID(_ name: String) -> UInt32 {
        if let known = nameIDs[name] { return known }
        let id = UInt32(truncatingIfNeeded: names.count)
        nameIDs[name] = id
        names.append(name)
        return id
    }
}
