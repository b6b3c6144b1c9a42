/// The candidates of a run of documents, stored column by column: numbers in flat arrays of
/// 32-bit integers and every string (a part's normal form, a role, an abbreviation) once, as an
/// id into the run's own string table.
///
/// The entity index's first pass finds several candidates per sentence, and the second pass
/// needs all of them at once (corpus-wide votes before any mention is resolved). As `[Candidate]`
/// they took about 8× the text at 105,000 articles (a struct of some 170 bytes, an array and a
/// `String` per part); here a candidate takes about 30 bytes and a part 17. The resolver reads
/// one document's candidates at a time (`candidates(of:)`), as the `Candidate` values it works on.
struct CandidateColumns: Sendable {
    /// Where each document's candidates start; one more entry than documents.
    private var documentStarts: [Int32] = [0]
    // One entry a candidate.
    private var sentences: [Int32] = []
    private var partStarts: [Int32] = [0]
    private var roleStarts: [Int32] = [0]
    private var honorificLowers: [Int32] = []
    private var honorificUppers: [Int32] = []
    private var hintEntries: [Int32] = []
    private var bits: [UInt16] = []
    private var abbreviations: [Int32] = []
    // One entry a part (a candidate's lead part, if any, is its last).
    private var partLowers: [Int32] = []
    private var partUppers: [Int32] = []
    private var partTerms: [UInt32] = []
    private var partNorms: [Int32] = []
    private var partShapes: [UInt8] = []
    /// String ids of the roles.
    private var roles: [Int32] = []
    private var strings: [String] = []
    private var stringIDs: [String: Int32] = [:]
    /// The string id of a term's normal form, by lexicon (`append`'s `lexicon`) and then term
    /// id, -1 when not seen yet: most parts are one token, and reading an array by the term's id
    /// is cheaper than hashing its text (or the id). Grown as larger ids come.
    private var termNorms: [[Int32]] = []
    /// Documents with a value too large for the columns (a text over 2 GB), kept as they are.
    private var wide: [Int: [Candidate]] = [:]

    /// Documents stored.
    var documentCount: Int { documentStarts.count - 1 }

    /// Candidates stored (of all documents).
    var candidateCount: Int { sentences.count + wide.values.reduce(0) { $0 + $1.count } }

    /// Appends the next document's candidates. `lexicon` tells apart documents whose term ids
    /// come from different lexicons (the entity index's lexicon groups).
    mutating func append(_ list: [Candidate], lexicon: Int = 0) {
        if list.contains(where: { !Self.fits($0) }) {
            wide[documentCount] = list
            documentStarts.append(documentStarts[documentStarts.count - 1])
            return
        }
        let group = max(0, lexicon)
        while termNorms.count <= group { termNorms.append([]) }
        for c in list { append(c, lexicon: group) }
        documentStarts.append(Int32(sentences.count))
    }

    /// The candidates of document `d` (0-based within this run), in the order they were stored.
    func candidates(of d: Int) -> [Candidate] {
        guard d >= 0, d < documentCount else { return [] }
        if let list = wide[d] { return list }
        let range = Int(documentStarts[d])..<Int(documentStarts[d + 1])
        var list: [Candidate] = []
        list.reserveCapacity(range.count)
        for i in range { list.append(candidate(i)) }
        return list
    }

    /// The candidates of document `d` whose header passes `keep`, in order: a pass over some
    /// of the candidates decodes only those.
    func candidates(of d: Int, where keep: (Candidate.Header) -> Bool) -> [Candidate] {
        guard d >= 0, d < documentCount else { return [] }
        if let list = wide[d] { return list.filter { keep($0.header) } }
        var list: [Candidate] = []
        for i in Int(documentStarts[d])..<Int(documentStarts[d + 1]) where keep(header(i)) { list.append(candidate(i)) }
        return list
    }

    private func header(_ i: Int) -> Candidate.Header {
        let b = bits[i]
        let lead = b & Bit.lead != 0
        return Candidate.Header(hint: Self.hint(code: (b >> Bit.hintShift) & 7, entry: hintEntries[i]),
                                context: Candidate.Context(rawValue: UInt8((b >> Bit.contextShift) & 3)) ?? .weak,
                                partCount: Int(partStarts[i + 1] - partStarts[i]) - (lead ? 1 : 0), hasLead: lead,
                                companyCue: b & Bit.companyCue != 0)
    }

    // MARK: - Encoding

    private enum Bit {
        static let contextShift: UInt16 = 0  // two bits
        static let hintShift: UInt16 = 2  // three bits
        static let firstNameHonorific: UInt16 = 1 << 5
        static let personCue: UInt16 = 1 << 6
        static let speaker: UInt16 = 1 << 7
        static let locative: UInt16 = 1 << 8
        static let weakRole: UInt16 = 1 << 9
        static let tentative: UInt16 = 1 << 10
        static let organizationCue: UInt16 = 1 << 11
        static let regnal: UInt16 = 1 << 12
        static let lead: UInt16 = 1 << 13
        static let honorific: UInt16 = 1 << 14
        static let companyCue: UInt16 = 1 << 15
    }

    private static func hintCode(_ hint: Candidate.Hint) -> (UInt16, Int) {
        switch hint {
        case .gazetteer(let e): return (0, e)
        case .person: return (1, 0)
        case .organization: return (2, 0)
        case .place: return (3, 0)
        case .event: return (4, 0)
        case .other: return (5, 0)
        case .unknown: return (6, 0)
        }
    }

    private static func hint(code: UInt16, entry: Int32) -> Candidate.Hint {
        switch code {
        case 0: return .gazetteer(Int(entry))
        case 1: return .person
        case 2: return .organization
        case 3: return .place
        case 4: return .event
        case 5: return .other
        default: return .unknown
        }
    }

    private static func fits(_ value: Int) -> Bool { value >= Int(Int32.min) && value <= Int(Int32.max) }

    /// Whether every number of `c` fits the 32-bit columns.
    private static func fits(_ c: Candidate) -> Bool {
        guard fits(c.sentence), fits(hintCode(c.hint).1) else { return false }
        if let h = c.honorific, !fits(h.lowerBound) || !fits(h.upperBound) { return false }
        // The parts and the lead one by one (joining them would allocate an array per candidate).
        for part in c.parts where !fits(part) { return false }
        if let lead = c.lead, !fits(lead) { return false }
        return true
    }

    private static func fits(_ part: Candidate.Part) -> Bool {
        fits(part.bytes.lowerBound) && fits(part.bytes.upperBound) && part.term != .max  // .max stands for nil
    }

    private mutating func id(_ string: String) -> Int32 {
        if let id = stringIDs[string] { return id }
        let id = Int32(strings.count)
        strings.append(string)
        stringIDs[string] = id
        return id
    }

    /// The string id of the normal form `norm` of term `term` of lexicon group `group`.
    private mutating func normID(term: UInt32, group: Int, norm: String) -> Int32 {
        let t = Int(term)
        if t < termNorms[group].count {
            let known = termNorms[group][t]
            if known >= 0 { return known }
        } else {
            let count = termNorms[group].count
            termNorms[group].append(contentsOf: repeatElement(-1, count: max(t + 1, count + count / 2, 1024) - count))
        }
        let new = id(norm)
        termNorms[group][t] = new
        return new
    }

    private mutating func appendPart(_ part: Candidate.Part, lexicon: Int) {
        partLowers.append(Int32(part.bytes.lowerBound))
        partUppers.append(Int32(part.bytes.upperBound))
        partTerms.append(part.term ?? .max)
        if let term = part.term {
            partNorms.append(normID(term: term, group: lexicon, norm: part.norm))
        } else {
            partNorms.append(id(part.norm))
        }
        partShapes.append(part.shape.rawValue)
    }

    private mutating func append(_ c: Candidate, lexicon: Int) {
        let (code, entry) = Self.hintCode(c.hint)
        var b = UInt16(c.context.rawValue) << Bit.contextShift | code << Bit.hintShift
        if c.firstNameHonorific { b |= Bit.firstNameHonorific }
        if c.personCue { b |= Bit.personCue }
        if c.speaker { b |= Bit.speaker }
        if c.locative { b |= Bit.locative }
        if c.weakRole { b |= Bit.weakRole }
        if c.tentative { b |= Bit.tentative }
        if c.organizationCue { b |= Bit.organizationCue }
        if c.companyCue { b |= Bit.companyCue }
        if c.regnal { b |= Bit.regnal }
        if c.lead != nil { b |= Bit.lead }
        if c.honorific != nil { b |= Bit.honorific }
        sentences.append(Int32(c.sentence))
        bits.append(b)
        hintEntries.append(Int32(entry))
        honorificLowers.append(Int32(c.honorific?.lowerBound ?? 0))
        honorificUppers.append(Int32(c.honorific?.upperBound ?? 0))
        abbreviations.append(c.abbreviation.map { id($0) } ?? -1)
        for part in c.parts { appendPart(part, lexicon: lexicon) }
        if let lead = c.lead { appendPart(lead, lexicon: lexicon) }
        partStarts.append(Int32(partLowers.count))
        for role in c.roles { roles.append(id(role)) }
        roleStarts.append(Int32(roles.count))
    }

    // MARK: - Decoding

    private func part(_ k: Int) -> Candidate.Part {
        let term = partTerms[k]
        return Candidate.Part(bytes: Int(partLowers[k])..<Int(partUppers[k]), term: term == .max ? nil : term,
                              norm: strings[Int(partNorms[k])], shape: Candidate.Shape(rawValue: partShapes[k]))
    }

    private func candidate(_ i: Int) -> Candidate {
        let b = bits[i]
        var partRange = Int(partStarts[i])..<Int(partStarts[i + 1])
        var lead: Candidate.Part?
        if b & Bit.lead != 0, let last = partRange.last {
            lead = part(last)
            partRange = partRange.lowerBound..<last
        }
        var parts: [Candidate.Part] = []
        parts.reserveCapacity(partRange.count)
        for k in partRange { parts.append(part(k)) }
        let roleRange = Int(roleStarts[i])..<Int(roleStarts[i + 1])
        var c = Candidate(sentence: Int(sentences[i]), parts: parts,
                          honorific: b & Bit.honorific != 0 ? Int(honorificLowers[i])..<Int(honorificUppers[i]) : nil,
                          hint: Self.hint(code: (b >> Bit.hintShift) & 7, entry: hintEntries[i]),
                          context: Candidate.Context(rawValue: UInt8((b >> Bit.contextShift) & 3)) ?? .weak,
                          personCue: b & Bit.personCue != 0)
        c.firstNameHonorific = b & Bit.firstNameHonorific != 0
        c.speaker = b & Bit.speaker != 0
        c.locative = b & Bit.locative != 0
        c.weakRole = b & Bit.weakRole != 0
        c.tentative = b & Bit.tentative != 0
        c.organizationCue = b & Bit.organizationCue != 0
        c.companyCue = b & Bit.companyCue != 0
        c.regnal = b & Bit.regnal != 0
        c.lead = lead
        if !roleRange.isEmpty { c.roles = roleRange.map { strings[Int(roles[$0])] } }
        let abbreviation = abbreviations[i]
        if abbreviation >= 0 { c.abbreviation = strings[Int(abbreviation)] }
        return c
    }
}
