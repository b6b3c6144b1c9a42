import Foundation

extension EntityIndex {
    /// Finds the entities of `documents` (usually all of a corpus's documents).
    ///
    /// The first pass (candidates and case counts) runs per document on every core; the second
    /// (classification, spelling groups, alias resolution) runs once over the candidates. Roughly
    /// a second or two for 13,000 news articles.
    public static func build(documents: [Document], gazetteer: Gazetteer = .standard) -> EntityIndex {
        Cancellation.uninterrupted { token throws(WorkLimit) in
            try build(documents: documents, gazetteer: gazetteer, cancellation: token)
        }
    }

    /// `build(documents:gazetteer:)` checking `cancellation` as the documents are scanned and
    /// between the stages of the second pass; a stop throws and builds nothing.
    ///
    /// With `globals` (the summed `evidence` of every part of a split corpus), words are told from
    /// names by the whole corpus's capitalisation, and entities are named, classified and
    /// ordered by the whole corpus's mentions (`EntityGlobals`).
    public static func build(documents: [Document], gazetteer: Gazetteer = .standard, globals: EntityGlobals? = nil,
                             cancellation: Cancellation) throws(WorkLimit) -> EntityIndex {
        guard !documents.isEmpty else {
            return EntityIndex(entities: [], gazetteer: gazetteer, source: DocumentTable([]), byDocument: [:],
                               aliasIndex: [:], personWords: [:], personNames: [])
        }
        let (resolver, _) = try resolve(documents: documents, gazetteer: gazetteer, globals: globals, cancellation: cancellation)
        return try assemble(resolver, documents: documents, gazetteer: gazetteer, globals: globals, cancellation: cancellation)
    }

    /// What `documents` add to the corpus-wide evidence of a split corpus (`EntityGlobals`):
    /// their case counts, person spellings and a tally per entity, as found on them alone —
    /// or, with `globals` (the summed evidence of a first pass over every part), as found on them
    /// with the whole corpus's evidence: the second evidence pass of a split run, whose sum makes
    /// a part's entities those of the whole corpus (docs/guide.md, "Beyond one machine"). The
    /// counts (case counts, spellings, one-word names) are the documents' own either way.
    public static func evidence(documents: [Document], gazetteer: Gazetteer = .standard, globals: EntityGlobals? = nil,
                                cancellation: Cancellation) throws(WorkLimit) -> EntityGlobals {
        guard !documents.isEmpty else { return EntityGlobals() }
        let (resolver, evidence) = try resolve(documents: documents, gazetteer: gazetteer, globals: globals, cancellation: cancellation)
        var result = EntityGlobals()
        for (g, table) in resolver.tables.enumerated() {
            let counts = evidence[g]
            for term in 0..<min(counts.lower.count, table.lexicon.count) {
                let (lower, capitalized) = (Int(counts.lower[term]), Int(counts.capitalizedMid[term]))
                guard lower > 0 || capitalized > 0 else { continue }
                let word = table.lexicon.term(term)
                let old = result.caseCounts[word] ?? EntityGlobals.CaseCount(lower: 0, capitalized: 0)
                result.caseCounts[word] = EntityGlobals.CaseCount(lower: old.lower + lower, capitalized: old.capitalized + capitalized)
            }
        }
        result.personKeys = resolver.localKeyCounts
        result.confirmedKeys = resolver.localConfirmedKeys
        result.acronyms = resolver.localAcronyms.mapValues { reference($0, resolver: resolver, gazetteer: gazetteer) }
        result.knownNames = resolver.localKnownNamed
        result.organizations = resolver.localOrganizations
        result.organizationPrefixes = resolver.localPrefixes
        result.singles = resolver.localSingles
        for a in try accumulate(resolver, documents: documents, cancellation: cancellation) {
            var tally = EntityGlobals.Tally()
            tally.mentions = a.mentions.count
            tally.locatives = a.locatives
            tally.votes = a.votes
            tally.texts = a.texts
            tally.surfaces = a.surfaces
            result.tallies[reference(a.ref, resolver: resolver, gazetteer: gazetteer), default: EntityGlobals.Tally()].add(tally)
        }
        return result
    }

    /// The reference of an entity in `EntityGlobals.tallies`.
    private static func reference(_ ref: EntityResolver.Ref, resolver: EntityResolver, gazetteer: Gazetteer) -> String {
        switch ref {
        case .cluster(let c):
            guard c < resolver.clusters.count else { return "p:" }
            return "p:" + resolver.clusters[c].keys.map { $0.joined(separator: " ") }.sorted().joined(separator: "|")
        case .entry(let e):
            return "g:" + (e < gazetteer.entries.count ? gazetteer.entries[e].name : String(e))
        case .named(let key):
            return "n:" + key
        case .single(let word):
            return "s:" + word
        }
    }

    /// Passes 1 and 2: candidates and case counts per document, then classification and
    /// resolution over all of them (with `globals`, the whole corpus's case counts).
    private static func resolve(documents: [Document], gazetteer: Gazetteer, globals: EntityGlobals?,
                                cancellation: Cancellation) throws(WorkLimit) -> (EntityResolver, [CaseEvidence]) {
        // Documents of different corpora have different lexicons: one table per lexicon.
        var groupOfLexicon: [ObjectIdentifier: Int] = [:]
        var tables: [EntityLexicon] = []
        var groupOf: [Int] = []
        groupOf.reserveCapacity(documents.count)
        for d in documents {
            let id = ObjectIdentifier(d.lexicon)
            if let g = groupOfLexicon[id] {
                groupOf.append(g)
            } else {
                groupOfLexicon[id] = tables.count
                groupOf.append(tables.count)
                tables.append(EntityLexicon(lexicon: d.lexicon, gazetteer: gazetteer))
            }
        }

        // Pass 1, in parallel chunks of documents.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let bounds = chunkBounds(documents, count: max(1, min(documents.count, cores * 8)))
        let chunkCount = bounds.count - 1
        let frozenTables = tables
        let frozenGroups = groupOf
        // Progress: the first pass is the first half of the work, the second pass the rest.
        let done = Parallel.Counter()
        let steps = 2 * documents.count
        // Each document's candidates go to its chunk's compact columns at once, so the pass never
        // holds more than one document's `[Candidate]` per worker.
        var chunks = try Parallel.map(chunkCount, chunk: 1, cancellation: cancellation, reports: false) { c throws(WorkLimit) -> (CandidateColumns, [CaseEvidence?]) in
            var evidence = [CaseEvidence?](repeating: nil, count: frozenTables.count)
            var texts = [TermTexts?](repeating: nil, count: frozenTables.count)
            var columns = CandidateColumns()
            for p in bounds[c]..<bounds[c + 1] {
                try cancellation.check()
                let g = frozenGroups[p]
                var counts = evidence[g] ?? CaseEvidence(count: frozenTables[g].lexicon.count)
                evidence[g] = nil  // keep one reference, so counting does not copy the arrays
                let words = texts[g] ?? TermTexts(frozenTables[g].lexicon)
                texts[g] = words
                columns.append(try CandidateFinder(table: frozenTables[g]).candidates(in: documents[p], evidence: &counts,
                                                                                    texts: words, cancellation: cancellation),
                               lexicon: g)
                evidence[g] = counts
                cancellation.report(done: done.add(1), total: steps)
            }
            return (columns, evidence)
        }
        var evidence = tables.map { CaseEvidence(count: $0.lexicon.count) }
        for (_, counts) in chunks {
            for (g, tally) in counts.enumerated() {
                if let tally { evidence[g].add(tally) }
            }
        }
        let candidates = CandidateStore(chunks: chunks.map(\.0))
        // Dropped here, not at the end of the function: the classification rewrites the store's
        // chunks, and this array would keep every old one alive beside its new one.
        chunks = []

        let counted = evidence
        if let globals, !globals.caseCounts.isEmpty {
            // A part's own counts give way to the whole corpus's (they are a share of them).
            for (g, table) in tables.enumerated() {
                for term in 0..<min(evidence[g].lower.count, table.lexicon.count) {
                    guard let whole = globals.caseCounts[table.lexicon.term(term)] else { continue }
                    evidence[g].lower[term] = UInt32(clamping: whole.lower)
                    evidence[g].capitalizedMid[term] = UInt32(clamping: whole.capitalized)
                }
            }
        }

        // Pass 2.
        var resolver = EntityResolver(documents: documents, gazetteer: gazetteer, tables: tables, evidence: evidence,
                                      groupOf: groupOf, candidates: candidates, globals: globals)
        try resolver.run(cancellation: cancellation)
        resolver.releaseWorkingState()
        return (resolver, counted)
    }

    /// Where the first pass's chunks of consecutive documents start (and, last, `documents.count`):
    /// about `count` chunks of about equal numbers of tokens, each of one document or more. Equal
    /// numbers of documents made chunks of very unequal work (the bench corpus's technical
    /// documents hold four fifths of its text in a fifth of its documents, all in its first
    /// chunk), and a pass over chunks on every core lasts as long as its longest chunk.
    static func chunkBounds(_ documents: [Document], count: Int) -> [Int] {
        guard !documents.isEmpty else { return [0] }
        var total = 0
        for d in documents { total += d.tokenCount + 1 }
        let share = max(1, (total + max(1, count) - 1) / max(1, count))
        var bounds = [0]
        var sum = 0
        for (p, d) in documents.enumerated() {
            sum += d.tokenCount + 1
            if sum >= share * bounds.count, p + 1 < documents.count { bounds.append(p + 1) }
        }
        bounds.append(documents.count)
        return bounds
    }

    /// One entity's mentions and names while the index is assembled.
    private struct Accumulator {
        var ref: EntityResolver.Ref
        var mentions: [EntityMention] = []
        var texts: [String: Int] = [:]
        var surfaces: [String: Int] = [:]
        var roles: [String: (display: String, count: Int, first: Int)] = [:]
        var votes: [EntityKind: Int] = [:]
        var locatives = 0
    }

    /// The resolved mentions gathered per entity (a mention found twice counts once). Names
    /// are counted by their ids in `resolver.names` and turned into strings once per entity.
    private static func accumulate(_ resolver: EntityResolver, documents: [Document],
                                   cancellation: Cancellation) throws(WorkLimit) -> [Accumulator] {
        var ticker = cancellation.every(4096)
        let resolved = resolver.mentions
        let names = resolved.names
        struct Counts {
            var texts: [UInt32: Int] = [:]
            var surfaces: [UInt32: Int] = [:]
        }
        var accumulators: [Accumulator] = []
        var counts: [Counts] = []
        var slot = [Int32](repeating: -1, count: resolved.refs.count)
        var roleOrder = 0
        var roleKeys: [UInt32: String] = [:]
        let repeated = repeats(resolved.mentions, documents: documents)
        for (i, r) in resolved.mentions.enumerated() {
            try ticker.tick()
            guard !repeated[i] else { continue }
            let docIndex = documents[Int(r.position)].index
            let s: Int
            if slot[Int(r.ref)] >= 0 {
                s = Int(slot[Int(r.ref)])
            } else {
                s = accumulators.count
                slot[Int(r.ref)] = Int32(s)
                accumulators.append(Accumulator(ref: resolved.refs[Int(r.ref)]))
                counts.append(Counts())
            }
            accumulators[s].mentions.append(EntityMention(document: docIndex, sentence: Int(r.sentence), range: r.bytes,
                                                          text: names[Int(r.text)]))
            counts[s].texts[r.text, default: 0] += 1
            counts[s].surfaces[r.surface, default: 0] += 1
            for id in resolved.roles(of: r) {
                let key: String
                if let known = roleKeys[id] {
                    key = known
                } else {
                    key = names[Int(id)].lowercased()
                    roleKeys[id] = key
                }
                if let old = accumulators[s].roles[key] {
                    accumulators[s].roles[key] = (old.display, old.count + 1, old.first)
                } else {
                    accumulators[s].roles[key] = (names[Int(id)], 1, roleOrder)
                    roleOrder += 1
                }
            }
            if let vote = r.kindVote { accumulators[s].votes[vote, default: 0] += 1 }
            if r.locative { accumulators[s].locatives += 1 }
        }
        for s in accumulators.indices {
            try ticker.tick()
            for (id, n) in counts[s].texts { accumulators[s].texts[names[Int(id)], default: 0] += n }
            for (id, n) in counts[s].surfaces { accumulators[s].surfaces[names[Int(id)], default: 0] += n }
        }
        return accumulators
    }

    /// Whether each mention repeats an earlier one (the same document and bytes: a name found
    /// twice counts once). Found document by document on every core, the mentions grouped by
    /// document first, where one set of every mention's place took a hash and a cache miss
    /// per mention on one core.
    static func repeats(_ mentions: [ResolvedMentions.Mention], documents: [Document]) -> [Bool] {
        var repeated = [Bool](repeating: false, count: mentions.count)
        guard mentions.count > 1 else { return repeated }
        // The mentions' documents (`Document.index`, as the entities list them), grouped by a
        // counting sort; each group in mention order.
        var keys = [Int](repeating: 0, count: mentions.count)
        var largest = 0
        for (i, m) in mentions.enumerated() {
            let d = documents[Int(m.position)].index
            keys[i] = d
            largest = max(largest, d)
        }
        let documentCount = largest + 1
        var starts = [Int](repeating: 0, count: documentCount + 1)
        for d in keys { starts[d + 1] += 1 }
        for d in 0..<documentCount { starts[d + 1] += starts[d] }
        var order = [Int32](repeating: 0, count: mentions.count)
        var next = starts
        for (i, d) in keys.enumerated() {
            order[next[d]] = Int32(i)
            next[d] += 1
        }
        keys = []
        next = []
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let wanted = max(1, min(documentCount, cores * 8))
        let size = (documentCount + wanted - 1) / wanted
        let pieces = (documentCount + size - 1) / size  // each non-empty
        let frozenOrder = order, frozenStarts = starts
        let found = Parallel.map(pieces, chunk: 1) { c -> [Int32] in
            var out: [Int32] = []
            var group: [Int32] = []
            for d in (c * size)..<min(documentCount, (c + 1) * size) {
                let range = frozenStarts[d]..<frozenStarts[d + 1]
                guard range.count > 1 else { continue }
                group.removeAll(keepingCapacity: true)
                group.append(contentsOf: frozenOrder[range])
                // By place, then by mention order: each place's first mention comes first.
                group.sort { x, y in
                    let a = mentions[Int(x)], b = mentions[Int(y)]
                    if a.lower != b.lower { return a.lower < b.lower }
                    if a.upper != b.upper { return a.upper < b.upper }
                    return x < y
                }
                for k in 1..<group.count {
                    let a = mentions[Int(group[k - 1])], b = mentions[Int(group[k])]
                    if a.lower == b.lower && a.upper == b.upper { out.append(group[k]) }
                }
            }
            return out
        }
        for list in found {
            for i in list { repeated[Int(i)] = true }
        }
        return repeated
    }

    /// Numbers the entities (most mentioned first) and builds the lookup tables. With `globals`,
    /// an entity the whole corpus tallies takes its name, kind, aliases and place in the order
    /// from the whole corpus's tally.
    private static func assemble(_ resolver: EntityResolver, documents: [Document], gazetteer: Gazetteer,
                                 globals: EntityGlobals?, cancellation: Cancellation) throws(WorkLimit) -> EntityIndex {
        var accumulators = try accumulate(resolver, documents: documents, cancellation: cancellation)
        let source = DocumentTable(documents)
        struct Draft {
            var name: String
            var sortName: String
            var kind: EntityKind
            var accumulator: Accumulator
            /// The mentions it is ordered by: the whole corpus's with globals.
            var rank: Int
            /// Its names as written, and without courtesy titles (with globals: the part's own, counted as the whole corpus counts them).
            var texts: [String: Int]
            var surfaces: [String: Int]
        }
        var whole: [EntityGlobals.Tally?] = []
        if let globals, !globals.tallies.isEmpty {
            // Entities of the part the whole corpus knows as one (two spellings of a person the
            // part alone did not join) become one.
            var merged: [Accumulator] = []
            var slotOfIdentity: [String: Int] = [:]
            for a in accumulators {
                let identity = globals.identity(of: reference(a.ref, resolver: resolver, gazetteer: gazetteer))
                guard let tally = globals.tallies[identity] else {
                    merged.append(a)
                    whole.append(nil)
                    continue
                }
                if let s = slotOfIdentity[identity] {
                    merged[s].mentions += a.mentions
                    merged[s].texts.merge(a.texts, uniquingKeysWith: +)
                    merged[s].surfaces.merge(a.surfaces, uniquingKeysWith: +)
                    for (role, value) in a.roles where merged[s].roles[role] == nil { merged[s].roles[role] = value }
                } else {
                    slotOfIdentity[identity] = merged.count
                    merged.append(a)
                    whole.append(tally)
                }
            }
            accumulators = merged
        } else {
            whole = Array(repeating: nil, count: accumulators.count)
        }
        var drafts: [Draft] = zip(accumulators, whole).map { a, tally in
            if let tally {
                let (name, kind) = nameAndKind(ref: a.ref, surfaces: tally.surfaces, votes: tally.votes,
                                               locatives: tally.locatives, mentions: tally.mentions, gazetteer: gazetteer)
                // Its aliases are the forms of the part's own mentions (resolved with the whole
                // corpus's evidence), ordered by the whole corpus's counts: the tally's forms were
                // counted by each part alone, and the parts' forms add up to the whole's.
                var texts = a.texts, surfaces = a.surfaces
                for form in texts.keys { if let n = tally.texts[form] { texts[form] = n } }
                for form in surfaces.keys { if let n = tally.surfaces[form] { surfaces[form] = n } }
                return Draft(name: name, sortName: name.lowercased(), kind: kind, accumulator: a, rank: tally.mentions,
                             texts: texts, surfaces: surfaces)
            }
            let (name, kind) = nameAndKind(ref: a.ref, surfaces: a.surfaces, votes: a.votes, locatives: a.locatives,
                                           mentions: a.mentions.count, gazetteer: gazetteer)
            return Draft(name: name, sortName: name.lowercased(), kind: kind, accumulator: a, rank: a.mentions.count,
                         texts: a.texts, surfaces: a.surfaces)
        }
        drafts.sort { x, y in
            if x.rank != y.rank { return x.rank > y.rank }
            return x.sortName < y.sortName
        }

        var entities: [Entity] = []
        var byDocument: [Int: [Placed]] = [:]
        var aliasIndex: [String: [Int]] = [:]
        var personWords: [String: [Int]] = [:]
        var personNames: [(words: [String], entity: Int)] = []
        // Each draft's mentions are taken out of it (and the accumulators dropped), so that
        // sorting them does not copy them.
        accumulators = []
        for id in drafts.indices {
            var mentions = drafts[id].accumulator.mentions
            drafts[id].accumulator.mentions = []
            let draft = drafts[id]
            let a = draft.accumulator
            var forms = draft.texts
            for (surface, n) in draft.surfaces where forms[surface] == nil { forms[surface] = n }
            let aliases = forms.filter { $0.key != draft.name }
                .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map(\.key)
            let roles = a.roles.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.first < $1.first }.map(\.display)
            if zip(mentions, mentions.dropFirst()).contains(where: { ($0.document, $0.range.lowerBound) > ($1.document, $1.range.lowerBound) }) {
                mentions.sort { ($0.document, $0.range.lowerBound) < ($1.document, $1.range.lowerBound) }
            }
            let entity = Entity(id: id, name: draft.name, kind: draft.kind, aliases: aliases, roles: roles,
                                mentions: mentions, source: source)
            entities.append(entity)
            for (slot, m) in mentions.enumerated() {
                byDocument[m.document, default: []].append(Placed(entity: id, slot: slot, lower: m.range.lowerBound))
            }

            var keys = Set([draft.name] + aliases).map(NameMatching.lookupKey)
            if case .entry(let e) = a.ref, e < gazetteer.entries.count {
                keys += ([gazetteer.entries[e].name] + gazetteer.entries[e].aliases).map(NameMatching.lookupKey)
            }
            if case .cluster(let c) = a.ref, c < resolver.clusters.count {
                keys += resolver.clusters[c].keys.map { $0.joined(separator: " ") }
            }
            if draft.kind == .organization {
                // "American Express" finds "American Express Co", "Hitachi" finds "Hitachi Ltd".
                for key in keys {
                    var words = key.split(separator: " ")
                    while words.count > 1, let last = words.last, EntityVocabulary.companySuffixes.contains(String(last)) {
                        words.removeLast()
                    }
                    if words.count < key.split(separator: " ").count { keys.append(words.joined(separator: " ")) }
                }
            }
            for key in Set(keys) where !key.isEmpty { aliasIndex[key, default: []].append(id) }
            if draft.kind == .person {
                var words = Set<String>()
                for key in Set(keys) {
                    let parts = key.split(separator: " ").map(String.init)
                    if let f = parts.first { words.insert(f) }
                    if let l = parts.last { words.insert(l) }
                    if parts.count >= 2 { personNames.append((parts, id)) }
                }
                for w in words { personWords[w, default: []].append(id) }
            }
        }
        // Over a copy of the keys: iterating the dictionary's own keys while sorting its values
        // would copy every list.
        for key in Array(byDocument.keys) {
            byDocument[key]?.sort { $0.lower < $1.lower }
        }
        return EntityIndex(entities: entities, gazetteer: gazetteer, source: source, byDocument: byDocument,
                           aliasIndex: aliasIndex, personWords: personWords, personNames: personNames)
    }

    /// The canonical name and kind of an accumulated entity.
    private static func nameAndKind(ref: EntityResolver.Ref, surfaces: [String: Int], votes: [EntityKind: Int],
                                    locatives: Int, mentions: Int, gazetteer: Gazetteer) -> (String, EntityKind) {
        func mostFrequent(preferLongest: Bool) -> String {
            let forms = surfaces.sorted { x, y in
                if preferLongest {
                    let wx = x.key.split(separator: " ").count, wy = y.key.split(separator: " ").count
                    if wx != wy { return wx > wy }
                }
                if x.value != y.value { return x.value > y.value }
                if x.key.count != y.key.count { return x.key.count > y.key.count }
                return x.key < y.key
            }
            return forms.first?.key ?? ""
        }
        switch ref {
        case .cluster:
            return (mostFrequent(preferLongest: true), .person)
        case .single:
            return (mostFrequent(preferLongest: false), .person)
        case .entry(let e):
            guard e < gazetteer.entries.count else { return (mostFrequent(preferLongest: false), .other) }
            return (gazetteer.entries[e].name, gazetteer.entries[e].kind)
        case .named:
            // The name's own words decide (an organisation word, a work title); else a third of
            // the mentions after "in", "near", … make a place; else it is `other`. A vote for
            // `other` is no evidence (no cue was seen), so any organisation, place or event vote
            // outweighs it: "Qantas management" once beats five bare "Qantas".
            let order: [EntityKind] = [.organization, .place, .event]
            var kind = EntityKind.other
            if let best = order.filter({ (votes[$0] ?? 0) > 0 }).max(by: { (votes[$0] ?? 0) < (votes[$1] ?? 0) }) {
                kind = best
            } else if locatives > 0 && locatives * 3 >= mentions {
                kind = .place
            }
            return (mostFrequent(preferLongest: true), kind)
        }
    }
}
