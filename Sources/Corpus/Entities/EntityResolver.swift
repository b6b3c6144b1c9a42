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

    /// One resolved mention, before entities are numbered.
    struct Resolved {
        var ref: Ref
        var position: Int
        var sentence: Int
        var bytes: Range<Int>
        /// The mention as written, with a courtesy title.
        var text: String
        /// The name as written, without a courtesy title.
        var surface: String
        var roles: [String]
        var kindVote: EntityKind?
    }

    /// One person's spellings.
    struct Cluster {
        var keys: [[String]] = []
        var mentions = 0
    }

    let documents: [Document]
    let gazetteer: Gazetteer
    let tables: [EntityLexicon]
    let evidence: [CaseEvidence]
    let groupOf: [Int]
    var candidates: [[Candidate]]

    private(set) var clusters: [Cluster] = []
    private var clusterOfKey: [String: Int] = [:]
    private var clustersByLast: [String: [Int]] = [:]
    private var clustersByFirst: [String: [Int]] = [:]
    private var documentClusters: [[Int: Int]] = []
    private var documentAcronyms: [[String: Ref]] = []
    private var acronyms: [String: Ref] = [:]
    private var knownNamed: Set<String> = []
    private var knownSingles: Set<String> = []
    private(set) var resolved: [Resolved] = []

    init(documents: [Document], gazetteer: Gazetteer, tables: [EntityLexicon], evidence: [CaseEvidence],
         groupOf: [Int], candidates: [[Candidate]]) {
        self.documents = documents
        self.gazetteer = gazetteer
        self.tables = tables
        self.evidence = evidence
        self.groupOf = groupOf
        self.candidates = candidates
    }

    /// Runs classification and resolution; `resolved` holds the mentions afterwards.
    mutating func run() {
        classify()
        buildClusters()
        resolveAll()
    }

    // MARK: - Classification

    private func flags(_ part: Candidate.Part, _ p: Int) -> EntityLexicon.Flags {
        guard let term = part.term else { return tables[groupOf[p]].flags(norm: part.norm) }
        return tables[groupOf[p]].flags(term)
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
        for p in candidates.indices {
            var kept: [Candidate] = []
            kept.reserveCapacity(candidates[p].count)
            for var c in candidates[p] {
                if c.context == .initial && c.parts.count >= 2 {
                    if shouldDropInitial(c.parts[0], p) {
                        c.parts.removeFirst()
                        while let f = c.parts.first, !flags(f, p).intersection([.connector, .particle]).isEmpty {
                            c.parts.removeFirst()
                        }
                    }
                    c.context = .strong
                }
                guard !c.parts.isEmpty else { continue }
                if c.hint == .unknown && c.context == .strong && c.parts.count >= 2 {
                    c.hint = looksLikePerson(c, p) ? .person : .other
                }
                kept.append(c)
            }
            candidates[p] = kept
        }
    }

    private func shouldDropInitial(_ part: Candidate.Part, _ p: Int) -> Bool {
        let f = flags(part, p)
        if f.contains(.nameWord) { return false }
        if mostlyLowercase(part, p) { return true }
        let n = part.norm
        let morphological = (n.hasSuffix("ly") || n.hasSuffix("ing")) && n.count > 5
        return morphological && !capitalizedElsewhere(part, p)
    }

    private func looksLikePerson(_ c: Candidate, _ p: Int) -> Bool {
        if c.personCue || c.speaker { return true }
        guard let first = c.parts.first, let last = c.parts.last else { return false }
        if flags(first, p).contains(.nameWord) { return true }
        if flags(last, p).contains(.nameWord) && !mostlyLowercase(last, p) { return true }
        guard c.parts.count <= 4, !c.hasAllCapitals else { return false }
        for part in c.parts {
            let f = flags(part, p)
            if f.contains(.particle) { continue }
            if f.contains(.stopword) || f.contains(.nonName) || f.contains(.connector) || mostlyLowercase(part, p) { return false }
            if part.norm.unicodeScalars.contains(where: { !$0.properties.isAlphabetic && $0 != "-" && $0 != "'" && $0 != "." }) {
                return false
            }
        }
        return true
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
        func addKey(_ words: [String]) {
            let joined = words.joined(separator: " ")
            if let i = keyIndex[joined] {
                counts[i] += 1
            } else {
                keyIndex[joined] = keys.count
                keys.append(words)
                counts.append(1)
            }
        }
        for p in candidates.indices {
            for c in candidates[p] where c.context == .strong {
                if c.hint == .person && c.parts.count >= 2 {
                    addKey(personKey(c))
                } else if case .gazetteer(let e) = c.hint, e < gazetteer.entries.count, gazetteer.entries[e].kind == .person {
                    addKey(Tokenizer.words(in: gazetteer.entries[e].name).map { NameMatching.fold(Tokenizer.norm($0)) })
                }
            }
        }
        // Union-find over keys that share a first or last word.
        var parent = Array(keys.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        var byLast: [String: [Int]] = [:]
        var byFirst: [String: [Int]] = [:]
        for (i, k) in keys.enumerated() {
            if let l = k.last { byLast[l, default: []].append(i) }
            if let f = k.first { byFirst[f, default: []].append(i) }
        }
        for bucket in Array(byLast.values) + Array(byFirst.values) where bucket.count > 1 && bucket.count <= 400 {
            for x in 0..<bucket.count {
                for y in (x + 1)..<bucket.count where NameMatching.isSamePerson(keys[bucket[x]], keys[bucket[y]]) {
                    let (rx, ry) = (find(bucket[x]), find(bucket[y]))
                    if rx != ry { parent[ry] = rx }
                }
            }
        }
        var clusterOfRoot: [Int: Int] = [:]
        for i in keys.indices {
            let root = find(i)
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
            clusterOfKey[keys[i].joined(separator: " ")] = c
        }
        for (c, cluster) in clusters.enumerated() {
            var lasts = Set<String>()
            var firsts = Set<String>()
            for k in cluster.keys {
                if let l = k.last { lasts.insert(l) }
                if let f = k.first { firsts.insert(f) }
            }
            for l in lasts { clustersByLast[l, default: []].append(c) }
            for f in firsts { clustersByFirst[f, default: []].append(c) }
        }
    }

    // MARK: - Resolution

    private mutating func resolveAll() {
        documentClusters = Array(repeating: [:], count: candidates.count)
        documentAcronyms = Array(repeating: [:], count: candidates.count)
        // Round 1: gazetteer names and full names.
        for p in candidates.indices {
            for c in candidates[p] where c.context == .strong && (c.parts.count >= 2 || isGazetteer(c)) {
                guard let ref = resolveFull(c) else { continue }
                if case .cluster(let k) = ref { documentClusters[p][k, default: 0] += 1 }
                if case .named(let key) = ref { knownNamed.insert(key) }
                if let abbreviation = c.abbreviation {
                    let a = NameMatching.fold(abbreviation)
                    documentAcronyms[p][a] = ref
                    if acronyms[a] == nil { acronyms[a] = ref }
                }
                record(ref, c, p, vote: voteKind(c))
            }
        }
        // Round 2: one-word names mid-sentence or with a person cue.
        for p in candidates.indices {
            for c in candidates[p] where c.context == .strong && c.parts.count == 1 && !isGazetteer(c) {
                guard let ref = resolveStrongSingle(c, p) else { continue }
                if case .named(let key) = ref { knownNamed.insert(key) }
                if case .single(let key) = ref { knownSingles.insert(key) }
                record(ref, c, p, vote: c.hint == .unknown ? .other : voteKind(c))
            }
        }
        // Round 3: sentence starts, headings, labels: only names already known.
        for p in candidates.indices {
            for c in candidates[p] where c.context != .strong {
                if c.context == .initial && c.parts.count == 1 {
                    if let ref = resolveInitialSingle(c, p) { record(ref, c, p, vote: nil) }
                } else {
                    resolveWeak(c, p)
                }
            }
        }
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
        case .other, .unknown: return .other
        case .person, .gazetteer: return nil
        }
    }

    /// Named key of a candidate (works keep their "The").
    private func namedKey(_ parts: ArraySlice<Candidate.Part>) -> String {
        NameMatching.fold(parts.map(\.norm).joined(separator: " "))
    }

    private func resolveFull(_ c: Candidate) -> Ref? {
        switch c.hint {
        case .gazetteer(let e):
            guard e >= 0, e < gazetteer.entries.count else { return nil }
            if gazetteer.entries[e].kind == .person {
                let key = Tokenizer.words(in: gazetteer.entries[e].name).map { NameMatching.fold(Tokenizer.norm($0)) }
                if let k = clusterOfKey[key.joined(separator: " ")] { return .cluster(k) }
            }
            return .entry(e)
        case .person:
            if let k = clusterOfKey[personKey(c).joined(separator: " ")] { return .cluster(k) }
            return nil
        default:
            return .named(namedKey(c.parts[...]))
        }
    }

    /// The person cluster a one-word name stands for: in this document first (surname, then
    /// first word, so "Xi" finds "Xi Jinping" and "Sun" finds "Yun Sun"), else the corpus.
    private func clusterFor(_ word: String, _ p: Int, inDocument: Bool, inCorpus: Bool) -> Int? {
        if inDocument {
            let here = documentClusters[p]
            for index in [clustersByLast, clustersByFirst] {
                if let options = index[word] {
                    let present = options.filter { here[$0] != nil }
                    if let best = present.max(by: { (here[$0] ?? 0, clusters[$0].mentions) < (here[$1] ?? 0, clusters[$1].mentions) }) {
                        return best
                    }
                }
            }
        }
        if inCorpus {
            for index in [clustersByLast, clustersByFirst] {
                if let options = index[word], let best = options.max(by: { clusters[$0].mentions < clusters[$1].mentions }) {
                    return best
                }
            }
        }
        return nil
    }

    private func resolveStrongSingle(_ c: Candidate, _ p: Int) -> Ref? {
        guard let part = c.parts.first else { return nil }
        let word = NameMatching.fold(part.norm)
        let f = flags(part, p)
        if f.contains(.nonName) || (f.contains(.stopword) && !c.personCue) { return nil }
        switch c.hint {
        case .organization, .place, .event:
            return .named(word)
        default:
            break
        }
        if let k = clusterFor(word, p, inDocument: true, inCorpus: false) { return .cluster(k) }
        if let ref = documentAcronyms[p][word] { return ref }
        if let k = clusterFor(word, p, inDocument: false, inCorpus: true) { return .cluster(k) }
        if let ref = acronyms[word] { return ref }
        if c.personCue || (c.speaker && !mostlyLowercase(part, p)) { return .single(word) }
        if knownSingles.contains(word) { return .single(word) }
        guard word.unicodeScalars.filter({ $0.properties.isAlphabetic }).count >= 2, !mostlyLowercase(part, p) else { return nil }
        return .named(word)
    }

    private func resolveInitialSingle(_ c: Candidate, _ p: Int) -> Ref? {
        guard let part = c.parts.first else { return nil }
        let word = NameMatching.fold(part.norm)
        let f = flags(part, p)
        if f.contains(.nonName) || f.contains(.stopword) { return nil }
        let lower = mostlyLowercase(part, p)
        let elsewhere = capitalizedElsewhere(part, p)
        if !lower || c.speaker, let k = clusterFor(word, p, inDocument: true, inCorpus: false) { return .cluster(k) }
        if let ref = documentAcronyms[p][word] { return ref }
        if elsewhere {
            if let k = clusterFor(word, p, inDocument: false, inCorpus: true) { return .cluster(k) }
            if let ref = acronyms[word] { return ref }
            if knownSingles.contains(word) { return .single(word) }
            if knownNamed.contains(word) { return .named(word) }
        }
        if c.speaker && !lower { return .single(word) }
        return nil
    }

    /// Headings, captions and labels: the longest known names inside the run.
    private mutating func resolveWeak(_ c: Candidate, _ p: Int) {
        var i = 0
        let parts = c.parts
        while i < parts.count {
            var matched = false
            var length = min(4, parts.count - i)
            while length >= 1 {
                let slice = parts[i..<(i + length)]
                var ref: Ref?
                let key = namedKey(slice)
                if length >= 2 {
                    if let k = clusterOfKey[key] {
                        ref = .cluster(k)
                    } else if knownNamed.contains(key) {
                        ref = .named(key)
                    }
                } else if let part = slice.first {
                    let f = flags(part, p)
                    if !f.contains(.nonName) && !f.contains(.stopword) {
                        let lower = mostlyLowercase(part, p)
                        if !lower, let k = clusterFor(key, p, inDocument: true, inCorpus: false) {
                            ref = .cluster(k)
                        } else if let r = documentAcronyms[p][key] {
                            ref = r
                        } else if capitalizedElsewhere(part, p) {
                            if let k = clusterFor(key, p, inDocument: false, inCorpus: true) {
                                ref = .cluster(k)
                            } else if knownSingles.contains(key) {
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
                    record(ref, sub, p, vote: nil)
                    i += length
                    matched = true
                    break
                }
                length -= 1
            }
            if !matched { i += 1 }
        }
    }

    private mutating func record(_ ref: Ref, _ c: Candidate, _ p: Int, vote: EntityKind?) {
        let doc = documents[p]
        guard let first = c.parts.first, let last = c.parts.last else { return }
        let surfaceRange = first.bytes.lowerBound..<last.bytes.upperBound
        let surface = Gazetteer.clean(doc.substring(surfaceRange))
        let bytes = c.bytes
        let text = c.honorific == nil ? surface : Gazetteer.clean(doc.substring(bytes))
        resolved.append(Resolved(ref: ref, position: p, sentence: c.sentence, bytes: bytes, text: text,
                                 surface: surface, roles: c.roles, kindVote: vote))
    }
}
