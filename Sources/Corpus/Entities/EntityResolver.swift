import Foundation

/// Stages 4 and 5 of entity recognition: classifies the candidates with corpus-wide evidence,
/// groups the spellings of each person, and resolves short forms ("Blinken", "Mr. Blinken",
/// "Xi", "APEC") to the entity they stand for, in the same document first, else corpus-wide.
struct EntityResolver {
    /// What a mention resolves to, before entities are numbered.
    enum Ref: Hashable {
        /// A group of spellings of one person's full name.
        case cluster(Int)
        /// A gazetteer entry.
        case entry(Int)
        /// A name known by its normalised key (organisations, places, events, others).
        case named(String)
        /// A person only ever named by one word ("Xi" in a corpus without "Xi Jinping").
        case single(String)
    }

    /// One resolved mention, before entities are numbered (ids into `refs` and `names`).
    typealias Resolved = ResolvedMentions.Mention

    /// One person's spellings.
    struct Cluster {
        var keys: [[String]] = []
        var mentions = 0
        /// Some mention has evidence beyond looking like a name (see `Candidate.tentative`).
        var confirmed = false
    }

    let documents: [Document]
    let gazetteer: Gazetteer
    let tables: [EntityLexicon]
    let evidence: [CaseEvidence]
    let groupOf: [Int]
    var candidates: CandidateStore

    private(set) var clusters: [Cluster] = []
    /// Mentions of each full-name spelling of a person (the words of `Cluster.keys`, joined by spaces).
    private(set) var keyCounts: [String: Int] = [:]
    private var clusterOfKey: [String: Int] = [:]
    private var clustersByLast: [String: [Int]] = [:]
    private var clustersByFirst: [String: [Int]] = [:]
    private var documentClusters: [[Int: Int]] = []
    private var documentAcronyms: [[String: Ref]] = []
    private(set) var acronyms: [String: Ref] = [:]
    private var knownNamed: Set<String> = []
    /// One-word names that are persons by vote: a title or courtesy title with them at least
    /// once, or a speech verb with a third of their mentions.
    private var knownSingles: Set<String> = []
    /// Mid-sentence one-word mentions per word, for the vote and for surname resolution.
    private var singleCounts: [String: Int] = [:]
    /// The resolved mentions, their references, names and roles (`resolved`, `refs`, `names`).
    private(set) var mentions = ResolvedMentions()
    var resolved: [Resolved] { mentions.mentions }
    /// What the resolved mentions refer to, each once (`Resolved.ref`).
    var refs: [Ref] { mentions.refs }
    /// The mentions' names as written and their roles, each once (`Resolved.text`, `surface`).
    var names: [String] { mentions.names }
    /// What these documents alone say, for the evidence of a split corpus (`EntityGlobals`):
    /// organisation names before their commercial endings, organisation names, and one-word
    /// names' mid-sentence mentions and mentions with a person cue.
    private(set) var localPrefixes: Set<String> = []
    private(set) var localOrganizations: Set<String> = []
    private(set) var localSingles: [String: (mentions: Int, cued: Int)] = [:]
    /// The part's own person spellings and their mentions (`keyCounts` holds the whole corpus's
    /// with globals); the spellings some mention of the part confirms (not tentative, or a
    /// one-word mention with a person cue in the same document); the acronyms the part itself
    /// first defines; and the names its rounds 1 and 2 and rule 4 resolve (`knownNamed`'s share).
    private(set) var localKeyCounts: [String: Int] = [:]
    private(set) var localConfirmedKeys: Set<String> = []
    private(set) var localAcronyms: [String: Ref] = [:]
    private(set) var localKnownNamed: Set<String> = []
    /// Asked in the stages' loops; a stop makes them return early and `run` throw.
    private var stopFlag = StopFlag(.none, every: 4096)

    /// The whole corpus's evidence when these documents are one part of a split corpus: its
    /// person spellings join the clusters and its acronyms stand for what the whole corpus
    /// first defined them as.
    let globals: EntityGlobals?

    init(documents: [Document], gazetteer: Gazetteer, tables: [EntityLexicon], evidence: [CaseEvidence],
         groupOf: [Int], candidates: CandidateStore, globals: EntityGlobals? = nil) {
        self.globals = globals
        self.documents = documents
        self.gazetteer = gazetteer
        self.tables = tables
        self.evidence = evidence
        self.groupOf = groupOf
        self.candidates = candidates
    }

    /// Runs classification and resolution; `resolved` holds the mentions afterwards.
    mutating func run(cancellation: Cancellation = .none) throws(WorkLimit) {
        stopFlag = StopFlag(cancellation, every: 4096)
        classify()
        try cancellation.check()
        buildClusters()
        try cancellation.check()
        resolveAll()
        try cancellation.check()
    }

    /// Reports document `p` of the second pass's `step` (0: classification, 1: resolution) as
    /// done, after the first pass's documents (see `EntityIndex.build`).
    private func reportProgress(_ p: Int, step: Int) {
        guard p % 256 == 0 else { return }
        let n = documents.count
        stopFlag.token.report(done: n + (step * n + p) / 2, total: 2 * n)
    }

    // MARK: - Classification

    private func flags(_ part: Candidate.Part, _ p: Int) -> EntityLexicon.Flags {
        guard let term = part.term else { return tables[groupOf[p]].flags(norm: part.norm) }
        return tables[groupOf[p]].flags(term)
    }

    /// The flags and case counts of document `p`'s lexicon group, for the closures of the
    /// person tests: a closure calling the resolver's own `flags` took a copy of the whole
    /// resolver at each call.
    private struct GroupWords {
        let table: EntityLexicon
        let counts: CaseEvidence

        func flags(_ part: Candidate.Part) -> EntityLexicon.Flags {
            guard let term = part.term else { return table.flags(norm: part.norm) }
            return table.flags(term)
        }

        func mostlyLowercase(_ part: Candidate.Part) -> Bool {
            counts.isMostlyLowercase(part.term ?? table.lexicon.id(of: part.norm).map(UInt32.init))
        }
    }

    private func groupWords(_ p: Int) -> GroupWords {
        GroupWords(table: tables[groupOf[p]], counts: evidence[groupOf[p]])
    }

    private func mostlyLowercase(_ part: Candidate.Part, _ p: Int) -> Bool {
        let term = part.term ?? tables[groupOf[p]].lexicon.id(of: part.norm).map(UInt32.init)
        return evidence[groupOf[p]].isMostlyLowercase(term)
    }

    private func capitalizedElsewhere(_ part: Candidate.Part, _ p: Int) -> Bool {
        let term = part.term ?? tables[groupOf[p]].lexicon.id(of: part.norm).map(UInt32.init)
        return evidence[groupOf[p]].isCapitalizedElsewhere(term)
    }

    /// Drops sentence-initial words that the corpus shows to be ordinary ("Seeking China" →
    /// "China") and decides unknown multi-word names: a person when its words look like a name
    /// (a given or family name, or words never written lowercase), else `other`.
    private mutating func classify() {
        localPrefixes = organizationPrefixes()
        let prefixes = localPrefixes.union(globals?.organizationPrefixes ?? [])
        let prefixFirsts = Set(prefixes.map { String($0.prefix { $0 != " " }) })
        // Rewritten chunk by chunk on every core (the store is taken out of `self`, so each old
        // chunk is freed once rewritten).
        var store = candidates
        candidates = CandidateStore(chunks: [])
        defer { candidates = store }
        let groupOf = self.groupOf
        let frozen = self
        let token = stopFlag.token
        let done = Parallel.Counter()
        let n = documents.count
        store.rewriteConcurrently(lexicon: { groupOf[$0] }, cancellation: token) { p, list, flag in
            let d = done.add(1)
            if d % 256 == 0 { token.report(done: n + d / 2, total: 2 * n) }
            return frozen.classified(list, p, prefixes: prefixes, prefixFirsts: prefixFirsts, flag: &flag)
        }
    }

    /// Document `p`'s candidates classified (see `classify`), or nil on a stop.
    private func classified(_ list: [Candidate], _ p: Int, prefixes: Set<String>, prefixFirsts: Set<String>,
                            flag: inout StopFlag) -> [Candidate]? {
        var kept: [Candidate] = []
        kept.reserveCapacity(list.count)
        for var c in list {
            if flag.shouldStop() { return nil }
            if c.context == .initial && c.parts.count >= 2 {
                // A name with an organisation, place or event word keeps its first word
                // unless the corpus writes that word lowercase ("Bilateral Talks").
                let named = c.hint != .unknown && c.hint != .person
                let drop = named ? mostlyLowercase(c.parts[0], p) && !flags(c.parts[0], p).contains(.nameWord)
                                 : shouldDropInitial(c.parts[0], p)
                if drop {
                    c.parts.removeFirst()
                    while let f = c.parts.first, !flags(f, p).intersection([.connector, .particle]).isEmpty {
                        c.parts.removeFirst()
                    }
                }
                c.context = .strong
            }
            guard !c.parts.isEmpty else { continue }
            if c.hint == .person && !personShaped(c, p) {
                c.hint = .unknown
                c.personCue = false
                c.roles = []
            }
            if c.hint == .unknown && c.context == .strong && c.parts.count >= 2 {
                switch personEvidence(c, p) {
                case .yes: c.hint = .person
                case .maybe: c.hint = .person; c.tentative = true
                case .no: c.hint = .other
                }
            }
            // Words around the name say it is a company ("Qantas engineers", "shares of
            // Merrill Lynch"), or the corpus writes it with a company's ending elsewhere
            // ("Ashby Cole" of "Ashby Cole Corp"): unless a title or "Mr." makes it a person.
            // An abbreviation that names no body ("CPU", "USB") stays one whatever is around it.
            if !c.personCue, c.hint == .unknown || c.hint == .other || c.hint == .person, !isPlainAcronym(c, p) {
                // Context alone does not turn a name written like a person's into a company
                // ("Yasser Arafat's security chief").
                let cue = c.organizationCue && (c.parts.count == 1 || c.hint == .other || c.tentative) || c.companyCue
                if cue || (c.parts.count >= 2 && prefixFirsts.contains(NameMatching.fold(c.parts[0].norm))
                           && prefixes.contains(personKey(c).joined(separator: " "))) {
                    c.hint = .organization
                    c.tentative = false
                }
            }
            kept.append(c)
        }
        return kept
    }

    /// The words of organisation names before their commercial ending ("merrill lynch" of
    /// "Merrill Lynch Capital Markets", "ashby cole" of "Ashby Cole Corp"), two words or more.
    /// Endings of institutions named after people ("Foundation", "Center") do not count. Also
    /// names of two words or more with a strong organisation cue (`Candidate.companyCue`).
    private func organizationPrefixes() -> Set<String> {
        inChunks { r, range, _ in r.organizationPrefixes(range) }.reduce(into: Set<String>()) { $0.formUnion($1) }
    }

    /// `organizationPrefixes()` of the documents `range`.
    private func organizationPrefixes(_ range: Range<Int>) -> Set<String> {
        var prefixes = Set<String>()
        for p in range {
            for c in candidates[p, where: { $0.hint == .organization && $0.partCount >= 3 }] {
                var end = c.parts.count
                while end > 0 {
                    let part = c.parts[end - 1]
                    let f = flags(part, p)
                    guard f.contains(.companySuffix)
                            || f.contains(.organizationHead) && !EntityVocabulary.institutionHeads.contains(part.norm) else { break }
                    end -= 1
                }
                guard end >= 2, end < c.parts.count,
                      !c.parts[..<end].contains(where: { flags($0, p).contains(.connector) }) else { continue }
                prefixes.insert(c.parts[..<end].map { NameMatching.fold($0.norm) }.joined(separator: " "))
            }
            // A name the words around it show to be a business's ("retailer Harris Scarfe") is one
            // wherever it is written ("an officer of Harris Scarfe").
            for c in candidates[p, where: { $0.companyCue && $0.partCount >= 2 }] where !c.personCue {
                guard !c.parts.contains(where: { flags($0, p).contains(.connector) }) else { continue }
                prefixes.insert(personKey(c).joined(separator: " "))
            }
        }
        return prefixes
    }

    private func shouldDropInitial(_ part: Candidate.Part, _ p: Int) -> Bool {
        let f = flags(part, p)
        if f.contains(.nameWord) { return false }
        if mostlyLowercase(part, p) { return true }
        let n = part.norm
        // "Reportedly", "Speaking", and occupations in -ist ("Ecologist Robert J. Goodland").
        let morphological = (n.hasSuffix("ly") || n.hasSuffix("ing")) && n.count > 5 || n.hasSuffix("ist") && n.count > 6
        return morphological && !capitalizedElsewhere(part, p)
    }

    /// Whether a name with a person cue is written like a personal name. Unless a courtesy title
    /// ("Mr.") or a known given name vouches for it, its words must also not be ordinary
    /// lowercase words ("General Public License", "official Linux driver").
    private func personShaped(_ c: Candidate, _ p: Int) -> Bool {
        let w = groupWords(p)
        guard c.isNameShaped(isParticle: { w.flags($0).contains(.particle) }), let first = c.parts.first else { return false }
        if c.honorific != nil || w.flags(first).contains(.nameWord) { return true }
        if c.weakRole && c.parts.count == 1 { return false }  // "the official Linux driver"
        let heads: EntityLexicon.Flags = [.organizationHead, .placeHead, .eventHead, .otherHead]
        if c.parts.count == 1 && !w.flags(first).intersection(heads).isEmpty { return false }
        return !c.parts.contains { w.mostlyLowercase($0) && !w.flags($0).contains(.particle) }
    }

    /// How sure the words of an unknown multi-word name make it a person's name.
    enum Evidence { case yes, maybe, no }

    /// Whether an unknown multi-word name is a person's: written like a name, and starting with
    /// a known given (or family) name or marked by a cue ("…, who", a speech verb) — or, when its
    /// words are simply never written lowercase, maybe (confirmed later by another spelling or a
    /// one-word mention with a cue: "Musk said").
    private func personEvidence(_ c: Candidate, _ p: Int) -> Evidence {
        let w = groupWords(p)
        guard c.isNameShaped(isParticle: { w.flags($0).contains(.particle) }),
              let first = c.parts.first, let last = c.parts.last else { return .no }
        if w.flags(first).contains(.nameWord) { return .yes }
        let ordinary = c.parts.contains { part in
            let f = w.flags(part)
            if f.contains(.particle) { return false }
            return f.contains(.stopword) || f.contains(.nonName) || f.contains(.connector) || w.mostlyLowercase(part)
        }
        if ordinary { return .no }
        if c.personCue || c.speaker || w.flags(last).contains(.nameWord) { return .yes }
        // "North Germanic", "Southern Baptist", "Old Norse": a compass or place word first makes a
        // region, a people or a language, not a person, unless a cue says otherwise.
        if w.flags(first).contains(.placeModifier) { return .no }
        return c.parts.count <= 4 ? .maybe : .no
    }

    // MARK: - Person clusters

    private func personKey(_ c: Candidate) -> [String] {
        c.parts.map { NameMatching.fold($0.norm) }
    }

    /// Groups the full names of persons (two words or more) by spelling.
    private mutating func buildClusters() {
        var keyIndex: [String: Int] = [:]
        var keys: [[String]] = []
        var counts: [Int] = []
        var sure: [Bool] = []
        var keysInDocument: [[Int]] = Array(repeating: [], count: candidates.count)
        func addKey(_ words: [String], tentative: Bool, _ p: Int) {
            let joined = words.joined(separator: " ")
            let i: Int
            if let existing = keyIndex[joined] {
                i = existing
                counts[i] += 1
            } else {
                i = keys.count
                keyIndex[joined] = i
                keys.append(words)
                counts.append(1)
                sure.append(false)
            }
            if !tentative { sure[i] = true }
            keysInDocument[p].append(i)
        }
        for p in candidates.indices {
            for c in candidates[p, where: { $0.context == .strong && ($0.hint == .person && $0.partCount >= 2 || $0.isGazetteer) }] {
                if stopFlag.shouldStop() { return }
                if c.hint == .person && c.parts.count >= 2 {
                    addKey(personKey(c), tentative: c.tentative, p)
                } else if case .gazetteer(let e) = c.hint, e < gazetteer.entries.count, gazetteer.entries[e].kind == .person {
                    addKey(Tokenizer.words(in: gazetteer.entries[e].name).map { NameMatching.fold(Tokenizer.norm($0)) }, tentative: false, p)
                }
            }
        }
        for (i, words) in keys.enumerated() {
            let joined = words.joined(separator: " ")
            localKeyCounts[joined] = counts[i]
            if sure[i] { localConfirmedKeys.insert(joined) }
        }
        if let globals, !globals.personKeys.isEmpty {
            // Every spelling of the whole corpus, counted as the whole corpus counts it, so that
            // a surname finds a full name only other parts write.
            for (i, words) in keys.enumerated() {
                let joined = words.joined(separator: " ")
                if let n = globals.personKeys[joined] { counts[i] = n }
                if globals.confirmedKeys.contains(joined) { sure[i] = true }
            }
            for (joined, n) in globals.personKeys.sorted(by: { $0.key < $1.key }) where keyIndex[joined] == nil {
                keyIndex[joined] = keys.count
                keys.append(joined.split(separator: " ").map(String.init))
                counts.append(n)
                sure.append(globals.confirmedKeys.contains(joined))
            }
        }
        // Union-find over keys that share a first or last word.
        var sets = DisjointSets(count: keys.count)
        var byLast: [String: [Int]] = [:]
        var byFirst: [String: [Int]] = [:]
        for (i, k) in keys.enumerated() {
            if let l = k.last { byLast[l, default: []].append(i) }
            if let f = k.first { byFirst[f, default: []].append(i) }
        }
        // Spellings of the same length first ("Antony"/"Anthony Blinken").
        var longer: [Int: Set<Int>] = [:]
        for bucket in Array(byLast.values) + Array(byFirst.values) where bucket.count > 1 && bucket.count <= 400 {
            for x in 0..<bucket.count {
                if stopFlag.shouldStop() { return }
                for y in (x + 1)..<bucket.count {
                    let (a, b) = (keys[bucket[x]], keys[bucket[y]])
                    if a.count == b.count {
                        if NameMatching.isSameLengthVariant(a, b) {
                            sets.union(bucket[x], bucket[y])
                        }
                    } else if a.count < b.count, NameMatching.isShortForm(a, of: b) {
                        longer[bucket[x], default: []].insert(bucket[y])
                    } else if b.count < a.count, NameMatching.isShortForm(b, of: a) {
                        longer[bucket[y], default: []].insert(bucket[x])
                    }
                }
            }
        }
        // Then short forms, longest first, joined to the one person they can stand for; a short
        // form that fits two different people ("George Bush") stays apart.
        for k in longer.keys.sorted(by: { keys[$0].count > keys[$1].count }) {
            let roots = Set((longer[k] ?? []).map { sets.find($0) })
            if roots.count == 1, let root = roots.first { sets.union(k, root) }
        }
        var clusterOfRoot: [Int: Int] = [:]
        for i in keys.indices {
            let root = sets.find(i)
            let c: Int
            if let existing = clusterOfRoot[root] {
                c = existing
            } else {
                c = clusters.count
                clusterOfRoot[root] = c
                clusters.append(Cluster())
            }
            clusters[c].keys.append(keys[i])
            clusters[c].mentions += counts[i]
            if sure[i] { clusters[c].confirmed = true }
            clusterOfKey[keys[i].joined(separator: " ")] = c
            keyCounts[keys[i].joined(separator: " ")] = counts[i]
        }
        let localKeysInDocument = keysInDocument.map { $0.map { keys[$0].joined(separator: " ") } }
        confirmByOneWordMentions(localKeysInDocument.map { Set($0.map { clusterOfKey[$0] ?? -1 }) }, keys: localKeysInDocument)
        for (c, cluster) in clusters.enumerated() where cluster.confirmed {
            var lasts = Set<String>()
            var firsts = Set<String>()
            for k in cluster.keys {
                if let l = k.last, !NameMatching.isRomanNumeral(l) { lasts.insert(l) }  // "Louis XI" has no surname "XI"
                if let f = k.first { firsts.insert(f) }
            }
            for l in lasts { clustersByLast[l, default: []].append(c) }
            for f in firsts { clustersByFirst[f, default: []].append(c) }
        }
    }

    /// Votes on one-word names, and confirms the tentative person clusters that a one-word
    /// mention with a person cue points at ("Musk said" confirms "Elon Musk").
    ///
    /// A one-word name is a person on its own (`knownSingles`) when a title, courtesy title or
    /// apposition goes with at least a tenth of its mentions, and it is written like a name and
    /// is not mostly a lowercase word. Speech verbs do not vote: organisations speak too.
    /// `keys`: the spellings each document writes, whose confirmation by a cued mention of the
    /// same document is this part's evidence (`localConfirmedKeys`).
    private mutating func confirmByOneWordMentions(_ clustersInDocument: [Set<Int>], keys: [[String]]) {
        var cued: [String: Int] = [:]
        var cuedInDocument: [(String, Int)] = []
        // Counted over chunks of documents on every core, then summed.
        let chunks = inChunks { r, range, flag -> (singles: [String: Int], cued: [String: Int], inDocument: [(String, Int)]) in
            var singles: [String: Int] = [:]
            var cued: [String: Int] = [:]
            var inDocument: [(String, Int)] = []
            for p in range {
                for c in r.candidates[p, where: { $0.partCount == 1 && $0.context != .weak && !$0.isGazetteer }] {
                    if flag.shouldStop() { return (singles, cued, inDocument) }
                    guard let part = c.parts.first, part.shape.contains(.titleCase), !part.shape.contains(.digit),
                          !r.mostlyLowercase(part, p) else { continue }
                    let word = NameMatching.fold(part.norm)
                    if c.context == .strong { singles[word, default: 0] += 1 }
                    let strongCue = c.hint == .person && !c.weakRole
                    if strongCue { cued[word, default: 0] += 1 }
                    if strongCue || c.speaker { inDocument.append((word, p)) }
                }
            }
            return (singles, cued, inDocument)
        }
        guard !stopped else { return }
        for chunk in chunks {
            singleCounts.merge(chunk.singles, uniquingKeysWith: +)
            cued.merge(chunk.cued, uniquingKeysWith: +)
            cuedInDocument += chunk.inDocument
        }
        for (word, n) in singleCounts { localSingles[word] = (n, cued[word] ?? 0) }
        for (word, n) in cued where localSingles[word] == nil { localSingles[word] = (0, n) }
        if let globals {
            // The whole corpus's counts: a one-word person of another part is one here too.
            for (word, counts) in globals.singles {
                singleCounts[word] = counts.mentions
                cued[word] = counts.cued
            }
        }
        for (word, n) in cued where n * 10 >= (singleCounts[word] ?? 0) { knownSingles.insert(word) }
        // Tentative clusters confirmed by a cued one-word mention of their surname (or of a
        // family name written first, "Xi") in the same document, or by a one-word person anywhere.
        var byWord: [String: [Int]] = [:]
        // Every cluster, confirmed or not: a cued mention here confirms the document's spellings
        // for the whole corpus too (a cluster confirmed already by another part's spellings).
        for (c, cluster) in clusters.enumerated() {
            var words = Set<String>()
            for k in cluster.keys {
                if let l = k.last { words.insert(l) }
                if let f = k.first, tables.contains(where: { $0.flags(norm: f).contains(.familyName) }) { words.insert(f) }
            }
            for w in words { byWord[w, default: []].append(c) }
        }
        guard !byWord.isEmpty else { return }
        for (word, p) in cuedInDocument {
            for c in byWord[word] ?? [] where clustersInDocument[p].contains(c) {
                clusters[c].confirmed = true
                for key in keys[p] where clusterOfKey[key] == c { localConfirmedKeys.insert(key) }
            }
        }
        for word in knownSingles {
            for c in byWord[word] ?? [] { clusters[c].confirmed = true }
        }
    }

    // MARK: - Resolution

    /// The candidate with the demonym or place before it joined, when that longer name is an
    /// organisation's the corpus knows ("American" + "Express" of "American Express Co").
    private func extended(_ c: Candidate, _ p: Int, organizations: Set<String>) -> Candidate? {
        guard let lead = c.lead, c.hint != .person || !c.personCue else { return nil }
        var longer = c
        longer.parts.insert(lead, at: 0)
        guard organizations.contains(namedKey(longer.parts[...], p)) else { return nil }
        longer.hint = .organization
        longer.lead = nil
        return longer
    }

    /// Resolves every candidate in three rounds (full names, one-word names, then sentence
    /// starts and headings), each over chunks of documents on every core, merged in document
    /// order. What a round learns from other documents (names known, acronyms defined) is read
    /// only by later rounds; the organisations a strong cue names at sentence starts (rule 4)
    /// are found before round 3, so every document knows them, whatever its place.
    private mutating func resolveAll() {
        let localOrganizations = inChunks { r, range, _ in
            var found = Set<String>()
            for p in range {
                for c in r.candidates[p, where: { $0.hint == .organization && $0.partCount >= 2 && $0.context == .strong }] {
                    found.insert(r.namedKey(c.parts[...], p))
                }
            }
            return found
        }
        for found in localOrganizations { self.localOrganizations.formUnion(found) }
        let organizations = self.localOrganizations.union(globals?.organizations ?? [])
        if let globals {
            // Names the whole corpus knows (a heading's "Samba" is known from another part): the
            // names its rounds 1 and 2 and rule 4 resolve, or (globals of an older first pass)
            // every name it tallies.
            if !globals.knownNames.isEmpty {
                knownNamed.formUnion(globals.knownNames)
            } else {
                for ref in globals.tallies.keys where ref.hasPrefix("n:") { knownNamed.insert(String(ref.dropFirst(2))) }
            }
        }
        if !organizations.isEmpty {
            let firsts = Set(organizations.map { String($0.prefix { $0 != " " }) })
            let longer = inChunks { r, range, _ in
                var lists: [(Int, [Candidate])] = []
                for p in range {
                    guard !r.candidates[p, where: { $0.hasLead }].isEmpty else { continue }
                    var list = r.candidates[p]
                    var changed = false
                    for k in list.indices {
                        guard let lead = list[k].lead, firsts.contains(NameMatching.fold(lead.norm)) else { continue }
                        if let longer = r.extended(list[k], p, organizations: organizations) {
                            list[k] = longer
                            changed = true
                        }
                    }
                    if changed { lists.append((p, list)) }
                }
                return lists
            }
            for lists in longer {
                for (p, list) in lists { candidates.replace(p, with: list) }
            }
        }
        if let globals {
            for (acronym, reference) in globals.acronyms {
                if let ref = ref(of: globals.identity(of: reference)) { acronyms[acronym] = ref }
            }
        }
        let done = Parallel.Counter()
        // Round 1: gazetteer names and full names.
        struct FullNames: Sendable {
            var clusters: [[Int: Int]] = []
            var acronyms: [[String: Ref]] = []
            var named = Set<String>()
            /// Acronyms as first defined in these documents, in order.
            var definitions: [(String, Ref)] = []
            var mentions = ResolvedMentions()
        }
        var round1 = inChunks { r, range, flag -> FullNames in
            var out = FullNames()
            var defined = Set<String>()
            for p in range {
                r.reportResolution(done.add(1))
                var clusters: [Int: Int] = [:]
                var acronyms: [String: Ref] = [:]
                for c in r.candidates[p, where: { $0.context == .strong && ($0.partCount >= 2 || $0.isGazetteer) }] {
                    if flag.shouldStop() { return out }
                    guard let ref = r.resolveFull(c, p) else { continue }
                    if case .cluster(let k) = ref { clusters[k, default: 0] += 1 }
                    if case .named(let key) = ref { out.named.insert(key) }
                    if let abbreviation = c.abbreviation {
                        let a = NameMatching.fold(abbreviation)
                        acronyms[a] = ref
                        if defined.insert(a).inserted { out.definitions.append((a, ref)) }
                    }
                    out.mentions.record(ref, c, p, body: r.documents[p].text, vote: r.voteKind(c))
                }
                out.clusters.append(clusters)
                out.acronyms.append(acronyms)
            }
            return out
        }
        guard !stopped else { return }
        documentClusters = []
        documentAcronyms = []
        documentClusters.reserveCapacity(candidates.count)
        documentAcronyms.reserveCapacity(candidates.count)
        mentions.reserve(for: round1.lazy.map(\.mentions))
        Self.merge(&round1) { chunk in
            documentClusters += chunk.clusters
            documentAcronyms += chunk.acronyms
            knownNamed.formUnion(chunk.named)
            localKnownNamed.formUnion(chunk.named)
            for (a, ref) in chunk.definitions {
                if acronyms[a] == nil { acronyms[a] = ref }
                if localAcronyms[a] == nil { localAcronyms[a] = ref }
            }
            mentions.append(chunk.mentions)
        }
        // Round 2: one-word names mid-sentence or with a person cue.
        var round2 = inChunks { r, range, flag -> (Set<String>, ResolvedMentions) in
            var named = Set<String>()
            var mentions = ResolvedMentions()
            for p in range {
                r.reportResolution(done.add(1))
                for c in r.candidates[p, where: { $0.context == .strong && $0.partCount == 1 && !$0.isGazetteer }] {
                    if flag.shouldStop() { return (named, mentions) }
                    guard let ref = r.resolveStrongSingle(c, p) else { continue }
                    var vote: EntityKind?
                    if case .named(let key) = ref {
                        named.insert(key)
                        // Only a word standing for itself votes on its kind (not an acronym of a name).
                        if let part = c.parts.first, key == NameMatching.fold(part.norm) {
                            if c.hint != .unknown {
                                vote = r.voteKind(c)
                            } else if r.isOrganizationAcronym(part, p) && !c.locative {
                                vote = .organization  // "TSA", "HIH", "SNCF": an unknown acronym names a body
                            }
                        }
                    }
                    mentions.record(ref, c, p, body: r.documents[p].text, vote: vote)
                }
            }
            return (named, mentions)
        }
        guard !stopped else { return }
        mentions.reserve(for: round2.lazy.map(\.1))
        Self.merge(&round2) { named, chunk in
            knownNamed.formUnion(named)
            localKnownNamed.formUnion(named)
            mentions.append(chunk)
        }
        // Rule 4, order-free: a one-word name that a strong organisation cue names at a sentence
        // start ("Westpac's Bill Evans is among …") is known to every document, not only to the
        // ones after it, so that a part of a split corpus knows what the whole knows. What this
        // pass finds out about each cued name is kept for round 3 (`CuedAnswer`), which would
        // otherwise ask the same questions again.
        var cued = inChunks { r, range, flag -> (found: Set<String>, answers: [CuedAnswer]) in
            var found = Set<String>()
            var answers: [CuedAnswer] = []
            for p in range {
                for c in r.candidates[p, where: { $0.context == .initial && $0.partCount == 1 && $0.companyCue }] where !c.personCue {
                    if flag.shouldStop() { return (found, answers) }
                    let key = r.newInitialOrganization(c, p)
                    let single = r.initialSingle(c, p)
                    answers.append(CuedAnswer(position: p, ref: single.ref, laterKnown: single.laterKnown, organization: key))
                    guard let key else { continue }
                    switch r.resolved(single) {
                    case nil: found.insert(key)
                    case .named(let known)? where known == key: found.insert(key)
                    default: break
                    }
                }
            }
            return (found, answers)
        }
        guard !stopped else { return }
        var cuedAnswers: [CuedAnswer] = []
        Self.merge(&cued) { found, answers in
            knownNamed.formUnion(found)
            localKnownNamed.formUnion(found)
            cuedAnswers += answers
        }
        let answers = cuedAnswers
        // Round 3: sentence starts, headings, labels: only names already known. It names no
        // organisation the rule above has not, so its documents are independent of each other.
        var round3 = inChunks { r, range, flag -> ResolvedMentions in
            var mentions = ResolvedMentions()
            // The rule-4 pass's answers for this range's cued names, in the order met below.
            var next = Self.firstAnswer(in: answers, from: range.lowerBound)
            for p in range {
                r.reportResolution(done.add(1))
                for c in r.candidates[p, where: { $0.context != .strong }] {
                    if flag.shouldStop() { return mentions }
                    if c.context == .initial && c.parts.count == 1 {
                        let ref: Ref?
                        let organization: String?
                        if c.companyCue && !c.personCue, next < answers.count, answers[next].position == p {
                            // Names known since the rule-4 pass only add to what it found.
                            ref = r.resolved((answers[next].ref, answers[next].laterKnown))
                            organization = answers[next].organization
                            next += 1
                        } else {
                            ref = r.resolveInitialSingle(c, p)
                            organization = ref == nil && c.companyCue && !c.personCue ? r.newInitialOrganization(c, p) : nil
                        }
                        // A known name opening a sentence votes only on the words after it ("Qantas
                        // management and unions …": an organisation cue).
                        if let ref {
                            mentions.record(ref, c, p, body: r.documents[p].text,
                                            vote: c.organizationCue && !c.personCue && !r.isPlainAcronym(c, p) ? .organization : nil)
                        } else if let organization {
                            // "Westpac's Bill Evans is among …": a strong cue names a body even at a
                            // sentence start.
                            mentions.record(.named(organization), c, p, body: r.documents[p].text, vote: .organization)
                        }
                    } else {
                        r.resolveWeak(c, p, into: &mentions)
                    }
                }
            }
            return mentions
        }
        guard !stopped else { return }
        mentions.reserve(for: round3)
        Self.merge(&round3) { mentions.append($0) }
    }

    /// Whether a stop was asked (the rounds' workers return early on one).
    private var stopped: Bool { stopFlag.token.stop != nil }

    /// What the rule-4 pass found out about a cued one-word name at a sentence start of document
    /// `position`, for round 3: what it resolves to by the names known before that pass, the word
    /// when only a name known later could still resolve it, and the organisation it would name.
    private struct CuedAnswer: Sendable {
        var position: Int
        var ref: Ref?
        var laterKnown: String?
        var organization: String?
    }

    /// The index of the first of `answers` (in document order) of document `p` or later.
    private static func firstAnswer(in answers: [CuedAnswer], from p: Int) -> Int {
        var low = 0, high = answers.count
        while low < high {
            let mid = (low + high) / 2
            if answers[mid].position < p { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Hands a round's chunk results to `body` in order, dropping each once merged: the chunks
    /// and the merged tables are never all held at once.
    private static func merge<T>(_ results: inout [T], _ body: (T) -> Void) {
        results.reverse()
        while let chunk = results.popLast() { body(chunk) }
    }

    /// Reports the `done`-th document of the resolution's three rounds, after the first pass
    /// and the classification (see `EntityIndex.build`).
    private func reportResolution(_ done: Int) {
        guard done % 256 == 0 else { return }
        let n = documents.count
        stopFlag.token.report(done: n + (n + done / 3) / 2, total: 2 * n)
    }

    /// `body(resolver, documents, stop flag)` over chunks of consecutive documents on every core;
    /// the results in document order.
    private func inChunks<T: Sendable>(_ body: @escaping @Sendable (EntityResolver, Range<Int>, inout StopFlag) -> T) -> [T] {
        let n = candidates.count
        guard n > 0 else { return [] }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        // Chunks of about equal numbers of tokens (see `EntityIndex.chunkBounds`).
        let bounds = documents.count == n ? EntityIndex.chunkBounds(documents, count: max(1, cores * 8))
                                          : stride(from: 0, to: n, by: max(1, n / max(1, cores * 8))).map { $0 } + [n]
        let frozen = self
        let token = stopFlag.token
        return Parallel.map(bounds.count - 1, chunk: 1) { c in
            var flag = StopFlag(token, every: 4096)
            return body(frozen, bounds[c]..<bounds[c + 1], &flag)
        }
    }

    /// The reference of a whole corpus's entity (`EntityGlobals.tallies`) here, or nil.
    private func ref(of reference: String) -> Ref? {
        let value = String(reference.dropFirst(2))
        switch reference.prefix(2) {
        case "p:": return clusterOfKey[value].map { Ref.cluster($0) }
        case "g:": return gazetteer.entries.firstIndex { $0.name == value }.map { Ref.entry($0) }
        case "n:": return .named(value)
        case "s:": return .single(value)
        default: return nil
        }
    }

    /// An unknown word of two to six capitals without digits that is not a plain abbreviation ("GDP").
    private func isOrganizationAcronym(_ part: Candidate.Part, _ p: Int) -> Bool {
        guard part.shape.contains(.allCapitals), !part.shape.contains(.digit) else { return false }
        let letters = part.norm.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        return letters >= 2 && letters <= 6 && !flags(part, p).contains(.plainAcronym)
    }

    /// A one-word name that is a listed abbreviation naming no organisation (`EntityVocabulary.nonOrganizationAcronyms`).
    private func isPlainAcronym(_ c: Candidate, _ p: Int) -> Bool {
        guard c.parts.count == 1, let part = c.parts.first else { return false }
        return flags(part, p).contains(.plainAcronym)
    }

    private func isGazetteer(_ c: Candidate) -> Bool {
        if case .gazetteer = c.hint { return true }
        return false
    }

    private func voteKind(_ c: Candidate) -> EntityKind? {
        switch c.hint {
        case .organization: return .organization
        case .place: return .place
        case .event: return .event
        case .unknown: return nil
        case .other: return .other
        case .person: return c.tentative ? .other : nil
        case .gazetteer: return nil
        }
    }

    /// Named key of a candidate (works keep their "The"; British and American spellings agree;
    /// a company's legal form is dropped, so "Ashby Cole Corp" and "Ashby Cole" are one name).
    private func namedKey(_ parts: ArraySlice<Candidate.Part>, _ p: Int) -> String {
        var parts = parts
        while parts.count > 1, let last = parts.last, flags(last, p).contains(.companySuffix) { parts.removeLast() }
        return NameMatching.fold(parts.map { EntityVocabulary.spellingVariants[$0.norm] ?? $0.norm }.joined(separator: " "))
    }

    private func resolveFull(_ c: Candidate, _ p: Int) -> Ref? {
        switch c.hint {
        case .gazetteer(let e):
            guard e >= 0, e < gazetteer.entries.count else { return nil }
            if gazetteer.entries[e].kind == .person {
                let key = Tokenizer.words(in: gazetteer.entries[e].name).map { NameMatching.fold(Tokenizer.norm($0)) }
                if let k = clusterOfKey[key.joined(separator: " ")] { return .cluster(k) }
            }
            return .entry(e)
        case .person:
            if let k = clusterOfKey[personKey(c).joined(separator: " ")], clusters[k].confirmed { return .cluster(k) }
            return .named(namedKey(c.parts[...], p))
        default:
            return .named(namedKey(c.parts[...], p))
        }
    }

    /// The person cluster a one-word name stands for: in this document first (surname, then
    /// first word, so "Xi" finds "Xi Jinping" and "Sun" finds "Yun Sun"), else in the corpus —
    /// where a given name ("David") is never taken for a surname or a first word, several people
    /// sharing the word must not be close in mentions, and a word used alone far more often than
    /// the names it could shorten is a word of its own ("Linux" is not short for "Gigabit Linux").
    private func clusterFor(_ word: String, _ part: Candidate.Part, _ p: Int, inDocument: Bool, inCorpus: Bool,
                            surnameOnly: Bool = false) -> Int? {
        // The clusters as a local: a closure reading `self.clusters` took a copy of the whole
        // resolver at each comparison.
        let clusters = self.clusters
        // "Mr Martin" is a surname; "Mr Xi" a family name written first; "Sir Allan" a first name.
        let f = flags(part, p)
        let familyFirst = f.contains(.familyName) && !f.contains(.givenName)
        let indexes = surnameOnly && !familyFirst ? [clustersByLast] : [clustersByLast, clustersByFirst]
        if inDocument {
            let here = documentClusters[p]
            for index in indexes {
                if let options = index[word] {
                    let present = options.filter { here[$0] != nil }
                    if let best = present.max(by: { (here[$0] ?? 0, clusters[$0].mentions) < (here[$1] ?? 0, clusters[$1].mentions) }) {
                        return best
                    }
                }
            }
        }
        guard inCorpus else { return nil }
        guard !f.contains(.givenName) || f.contains(.familyName) else { return nil }
        let alone = singleCounts[word] ?? 0
        let options = indexes.flatMap { $0[word] ?? [] }
        let ranked = Set(options).sorted { clusters[$0].mentions > clusters[$1].mentions }
        guard let top = ranked.first else { return nil }
        if alone > 8 * clusters[top].mentions + 4 { return nil }
        if ranked.count > 1 && clusters[ranked[1]].mentions * 2 > clusters[top].mentions { return nil }
        return top
    }

    private func resolveStrongSingle(_ c: Candidate, _ p: Int) -> Ref? {
        guard let part = c.parts.first else { return nil }
        let word = NameMatching.fold(part.norm)
        let f = flags(part, p)
        if f.contains(.nonName) || (f.contains(.stopword) && !c.personCue) { return nil }
        guard word.utf8.count >= 2, !part.shape.contains(.initial),
              !(part.shape.contains(.roman) && !part.shape.contains(.titleCase)) else { return nil }
        let nameShaped = part.shape.contains(.titleCase) && !part.shape.contains(.digit)
        if c.regnal && nameShaped && c.hint == .person { return .single(word) }
        let surnameOnly = c.honorific != nil && !c.firstNameHonorific
        if nameShaped {
            if let k = clusterFor(word, part, p, inDocument: true, inCorpus: false, surnameOnly: surnameOnly) { return .cluster(k) }
        }
        if let ref = documentAcronyms[p][word] { return ref }
        if nameShaped && !mostlyLowercase(part, p) {
            if let k = clusterFor(word, part, p, inDocument: false, inCorpus: true, surnameOnly: surnameOnly) { return .cluster(k) }
        }
        if let ref = acronyms[word] { return ref }
        if nameShaped && knownSingles.contains(word) { return .single(word) }
        if !f.intersection([.organizationHead, .placeHead, .eventHead, .otherHead]).isEmpty { return nil }
        guard !mostlyLowercase(part, p) else { return nil }
        return .named(word)
    }

    /// A one-word name opening a sentence, by the names known so far (`knownNamed`).
    private func resolveInitialSingle(_ c: Candidate, _ p: Int) -> Ref? {
        resolved(initialSingle(c, p))
    }

    /// `resolveInitialSingle` but for the names known: what the name resolves to whatever they
    /// are, else the word when it resolves as soon as it is a known name. Only `knownNamed`
    /// grows between the rule-4 pass and round 3, so round 3 takes the pass's answer.
    private func initialSingle(_ c: Candidate, _ p: Int) -> (ref: Ref?, laterKnown: String?) {
        guard let part = c.parts.first else { return (nil, nil) }
        let word = NameMatching.fold(part.norm)
        let f = flags(part, p)
        if f.contains(.nonName) || f.contains(.stopword) { return (nil, nil) }
        let lower = mostlyLowercase(part, p)
        let elsewhere = capitalizedElsewhere(part, p)
        let nameShaped = part.shape.contains(.titleCase) && !part.shape.contains(.digit) && word.count >= 2
        if nameShaped && (!lower || c.speaker), let k = clusterFor(word, part, p, inDocument: true, inCorpus: false) {
            return (.cluster(k), nil)
        }
        if let ref = documentAcronyms[p][word] { return (ref, nil) }
        if elsewhere {
            if nameShaped, let k = clusterFor(word, part, p, inDocument: false, inCorpus: true) { return (.cluster(k), nil) }
            if let ref = acronyms[word] { return (ref, nil) }
            if nameShaped && knownSingles.contains(word) { return (.single(word), nil) }
            return (nil, word)
        }
        return (nil, nil)
    }

    /// An `initialSingle` answer by the names known now.
    private func resolved(_ answer: (ref: Ref?, laterKnown: String?)) -> Ref? {
        if let ref = answer.ref { return ref }
        if let word = answer.laterKnown, knownNamed.contains(word) { return .named(word) }
        return nil
    }

    /// The key of a one-word name opening a sentence that a strong organisation cue names
    /// ("Westpac's Bill Evans"), when the word is written like a name and the corpus does not
    /// write it lowercase.
    private func newInitialOrganization(_ c: Candidate, _ p: Int) -> String? {
        guard c.parts.count == 1, let part = c.parts.first else { return nil }
        let word = NameMatching.fold(part.norm)
        let f = flags(part, p)
        guard word.count >= 2, f.intersection([.nonName, .stopword, .nameWord]).isEmpty,
              part.shape.contains(.titleCase) || part.shape.contains(.allCapitals),
              !mostlyLowercase(part, p) else { return nil }
        return word
    }

    /// Headings, captions and labels: the longest known names inside the run.
    private func resolveWeak(_ c: Candidate, _ p: Int, into mentions: inout ResolvedMentions) {
        var i = 0
        let parts = c.parts
        while i < parts.count {
            var matched = false
            var length = min(4, parts.count - i)
            while length >= 1 {
                let slice = parts[i..<(i + length)]
                var ref: Ref?
                let key = namedKey(slice, p)
                if length >= 2 {
                    if let k = clusterOfKey[key], clusters[k].confirmed {
                        ref = .cluster(k)
                    } else if knownNamed.contains(key) {
                        ref = .named(key)
                    }
                } else if let part = slice.first {
                    let f = flags(part, p)
                    let nameShaped = part.shape.contains(.titleCase) && !part.shape.contains(.digit) && key.count >= 2
                    if !f.contains(.nonName) && !f.contains(.stopword) {
                        let lower = mostlyLowercase(part, p)
                        if nameShaped && !lower, let k = clusterFor(key, part, p, inDocument: true, inCorpus: false) {
                            ref = .cluster(k)
                        } else if let r = documentAcronyms[p][key] {
                            ref = r
                        } else if capitalizedElsewhere(part, p) {
                            if nameShaped, let k = clusterFor(key, part, p, inDocument: false, inCorpus: true) {
                                ref = .cluster(k)
                            } else if nameShaped && knownSingles.contains(key) {
                                ref = .single(key)
                            } else if knownNamed.contains(key) {
                                ref = .named(key)
                            }
                        }
                    }
                }
                if let ref {
                    var sub = c
                    sub.parts = Array(slice)
                    if i > 0 { sub.honorific = nil }
                    sub.roles = []
                    mentions.record(ref, sub, p, body: documents[p].text, vote: nil)
                    i += length
                    matched = true
                    break
                }
                length -= 1
            }
            if !matched { i += 1 }
        }
    }

    /// The roles of a resolved mention.
    func roles(of r: Resolved) -> ArraySlice<UInt32> { mentions.roles(of: r) }

    /// Drops the candidates and the lookup tables of the stages, once `run` is done: the index
    /// is assembled from `resolved`, `refs`, `names` and the clusters alone.
    mutating func releaseWorkingState() {
        candidates = CandidateStore(chunks: [])
        mentions.releaseLookups()
        documentClusters = []
        documentAcronyms = []
    }
}
