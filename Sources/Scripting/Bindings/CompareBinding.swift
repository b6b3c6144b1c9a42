import Corpus
import LuaBridge

/// Cross-outlet methods of `Corpus`:
///
/// - `corpus:compare({by = "source", threshold = 0.35, min_sources = 2, similarity = "blended"})`
///   → List of Claim records `{text, sources, docs, sentences, score, size}`. `by` is "source"
///   (default), "document", a table `{[doc.id] = group}` or a function `doc → group`.
/// - `corpus:conflicts({hedges = false, kinds = {"date", "number", "name"}, by=, threshold=, min_sources=})`
///   → List of `{kind, key, values, certain, reason, claim, sentences, docs}`.
/// - `corpus:duplicates({threshold = 0.5, measure = "jaccard", passages = 5, shingle = 5})`
///   → List of `{a, b, similarity, jaccard, containment, contained, estimate, passages}`.
///
/// The methods are written in Lua (Lua/corpus.lua, so `by` may be a Lua function, which is
/// turned into a table of keys before Swift sees it) and declared with the other Corpus members
/// (`CorpusBinding`); the Swift work is done by the functions made here, named like the
/// methods, so argument errors read `bad argument #1 to 'compare'`. The last claims computed
/// are kept per corpus and options, so `conflicts` after `compare` is cheap; so are the last
/// conflicts, so a repeated `conflicts` costs nothing.
enum CompareBinding {
    /// The Swift halves of `compare`, `conflicts` and `duplicates`, each taking the corpus first.
    static func natives(_ ctx: BindingContext) throws -> LuaTable {
        let lists = ctx.lists
        let claimList = try lists.columns(["sources", "score", "text"])
        let conflictList = try lists.columns(["kind", "key", "values", "certain", "docs"])
        let duplicateList = try lists.columns(["a", "b", "similarity", "passages"])
        let cache = ClaimCache()
        let append = try appender(ctx.lua)
        let conflictCache = ConflictCache()

        let compare = ctx.lua.function("compare") { args in
            let corpus = try args.object(1, as: Corpus.self, name: "Corpus")
            let spec = try optionsTable(args)
            try checkKeys(spec, ["by", "threshold", "min_sources", "similarity"])
            let request = try ClaimRequest(corpus: corpus, spec: spec)
            // An annotated archive's claims are decoded a chunk at a time as they are handed over.
            if let stored = corpus.storedClaims(by: request.grouping, options: request.options) {
                return [try claimRecords(claimList, stored, ctx, append: append)]
            }
            let claims = try ctx.cancellation.working(on: "claims") { try cache.claims(corpus, request, cancellation: ctx.cancellation) }
            return [try claimRecords(claimList, claims, ctx, append: append)]
        }
        let conflicts = ctx.lua.function("conflicts") { args in
            let corpus = try args.object(1, as: Corpus.self, name: "Corpus")
            let spec = try optionsTable(args)
            try checkKeys(spec, ["by", "threshold", "min_sources", "similarity", "hedges", "kinds"])
            let request = try ClaimRequest(corpus: corpus, spec: spec)
            var options = ConflictOptions()
            options.includeHedges = spec["hedges"]?.isTruthy ?? false
            if let kinds = spec["kinds"] { options.kinds = try factKinds(kinds) }
            var claimRecords: [Int: LuaValue] = [:]
            let found: [Conflict]
            if let stored = corpus.storedConflicts(by: request.grouping, claimOptions: request.options, options: options) {
                found = stored  // an annotated archive's, found among its stored claims
            } else {
                let claims = try ctx.cancellation.working(on: "claims") { try cache.claims(corpus, request, cancellation: ctx.cancellation) }
                found = try ctx.cancellation.working(on: "conflicts") {
                    try conflictCache.conflicts(corpus, request, options, claims: claims, cancellation: ctx.cancellation)
                }
            }
            return [records(conflictList, found.map { c in
                let claim = c.claimIndex.flatMap { claimRecords[$0] } ?? claimRecord(c.claim, ctx)
                if let i = c.claimIndex { claimRecords[i] = claim }
                return [("kind", .text(c.kind.rawValue)), ("key", .text(c.key)), ("values", lists.strings(c.values)),
                        ("certain", .boolean(c.certain)),
                        ("docs", lists.make(distinctDocuments(c.sentences).map { .object($0) })),
                        ("reason", .text(c.reason)), ("claim", claim),
                        ("sentences", lists.make(c.sentences.map { .object(ctx.sentence($0.document, $0.sentence)) }))]
            })]
        }
        let duplicates = ctx.lua.function("duplicates") { args in
            let corpus = try args.object(1, as: Corpus.self, name: "Corpus")
            let spec = try optionsTable(args)
            try checkKeys(spec, ["threshold", "measure", "passages", "shingle"])
            var options = DuplicateOptions()
            if let m = spec["measure"] {
                guard let name = m.stringValue, let measure = DuplicateMeasure(rawValue: name) else {
                    throw LuaArgumentError(1, "'measure' must be \"jaccard\" or \"containment\"")
                }
                options.measure = measure
            }
            if let t = spec["threshold"] { options.threshold = try unitNumber(t, "threshold") }
            if let p = spec["passages"] { options.maxPassages = try count(p, "passages", in: 0...1000) }
            if let k = spec["shingle"] { options.shingleSize = try count(k, "shingle", in: 1...100) }
            // An annotated archive's pairs are decoded a chunk at a time as they are handed over.
            if let stored = corpus.storedDuplicates(options: options) {
                return [try pairRecords(duplicateList, stored, ctx, append: append)]
            }
            let pairs = try ctx.cancellation.working(on: "near-duplicates") {
                try DuplicateFinder.duplicates(in: corpus, options: options, cancellation: ctx.cancellation)
            }
            return [try pairRecords(duplicateList, pairs, ctx, append: append)]
        }
        return LuaTable(fields: [("compare", .function(compare)), ("conflicts", .function(conflicts)),
                                 ("duplicates", .function(duplicates))])
    }

    /// `corpus:duplicate_sketches([shingle])`: every document's near-duplicate sketch
    /// (`DuplicateSketch`), `{doc, sketch}` rows in corpus order, for the `near_duplicates` table of
    /// a map script.
    static func sketches(_ ctx: BindingContext) throws -> (Corpus, LuaArguments) throws -> [LuaValue] {
        let list = try ctx.lists.columns(["doc", "sketch"])
        return { corpus, args in
            let size = try args.optionalInteger(1) ?? 5
            guard (1...100).contains(size) else { throw LuaArgumentError(1, "the shingle size is 1 to 100 words, not \(size)") }
            try ctx.reserve(corpus.count, ResultCost.record(fields: 2), for: "duplicate_sketches", items: "rows")
            let sketches: [DuplicateSketch]
            do {
                sketches = try DuplicateSketch.sketches(of: corpus, shingleSize: size, cancellation: ctx.cancellation)
            } catch let limit as WorkLimit {
                if limit.luaLimit != nil { throw limit }
                throw LuaRuntimeError(limit.description)
            }
            return [list.make(zip(corpus.documents, sketches).map { [.object($0), .text($1.encoded)] })]
        }
    }

    /// The fields of a claim's record, in the order `ClaimRows` writes them and `claimRecord`
    /// makes them.
    static let claimKeys = ["text", "sources", "docs", "sentences", "score", "size"]

    /// A claim's `score` as Lua sees it (three decimals).
    static func shownScore(_ claim: Claim) -> Double { (claim.score * 1000).rounded() / 1000 }

    /// Claims as a List of records (`claimKeys`), written straight into what Lua is handed (no
    /// `LuaValue` per record, sentence or document: at 105k documents a `compare` hands over
    /// 95,000 claims and 960,000 sentences), a chunk at a time (`chunked`).
    static func claimRecords<Items: RandomAccessCollection<Claim>>(
        _ list: RecordList, _ claims: Items, _ ctx: BindingContext, append: LuaReference, chunkSize: Int = 2048
    ) throws -> LuaValue where Items.Index == Int {
        try written(list, keys: claimKeys, count: claims.count, ctx, append: append, chunkSize: chunkSize) { range, lists in
            ClaimRows(claims: claims, range: range, ctx: ctx, lists: lists)
        }
    }

    /// A List of `count` records with `keys` whose rows `rows` writes (given a range and the List
    /// metatable for the records' own lists), a chunk at a time (`chunked`).
    static func written(
        _ list: RecordList, keys: [String], count: Int, _ ctx: BindingContext, append: LuaReference, chunkSize: Int,
        _ rows: (Range<Int>, LuaReference) -> any LuaRecordRows
    ) throws -> LuaValue {
        let keys = keys.map { LuaString($0) }
        let lists = ctx.lists.metatable
        return try chunked(list, count: count, lua: ctx.lua, append: append, chunkSize: chunkSize) { range, metatable in
            .records(LuaRecordList(keys: keys, rows: rows(range, lists), metatable: metatable))
        }
    }

    /// The claims of `range` as record rows (the fields of `claimRecord`).
    private struct ClaimRows<Items: RandomAccessCollection<Claim>>: LuaRecordRows where Items.Index == Int {
        let claims: Items
        let range: Range<Int>
        let ctx: BindingContext
        /// The List metatable, for the record's lists.
        let lists: LuaReference

        var count: Int { range.count }

        func write(_ row: Int, to record: inout LuaRecordWriter) throws {
            let claim = claims[claims.startIndex + range.lowerBound + row]
            try record.text(claim.text)
            try record.strings(claim.sources, metatable: lists)
            try record.objects(claim.documents, metatable: lists)
            try record.objects(claim.sentences.lazy.map { ctx.sentence($0.document, $0.sentence) }, metatable: lists)
            try record.number(shownScore(claim))
            try record.integer(claim.sentences.count)
        }
    }

    /// The fields of a near-duplicate pair's record, in the order `PairRows` writes them.
    static let pairKeys = ["a", "b", "similarity", "jaccard", "containment", "contained", "passages", "estimate"]

    /// Near-duplicate pairs as a List of records (`pairKeys`), written straight into what Lua is
    /// handed (358,000 pairs at 105k documents), a chunk at a time (`chunked`).
    static func pairRecords<Items: RandomAccessCollection<DuplicatePair>>(
        _ list: RecordList, _ pairs: Items, _ ctx: BindingContext, append: LuaReference, chunkSize: Int = 2048
    ) throws -> LuaValue where Items.Index == Int {
        try written(list, keys: pairKeys, count: pairs.count, ctx, append: append, chunkSize: chunkSize) { range, lists in
            PairRows(pairs: pairs, range: range, lists: lists)
        }
    }

    /// The pairs of `range` as record rows; the measures rounded to three decimals.
    private struct PairRows<Items: RandomAccessCollection<DuplicatePair>>: LuaRecordRows where Items.Index == Int {
        let pairs: Items
        let range: Range<Int>
        /// The List metatable, for the passages.
        let lists: LuaReference

        var count: Int { range.count }

        func write(_ row: Int, to record: inout LuaRecordWriter) throws {
            let p = pairs[pairs.startIndex + range.lowerBound + row]
            func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
            try record.object(p.a)
            try record.object(p.b)
            try record.number(rounded(p.similarity))
            try record.number(rounded(p.jaccard))
            try record.number(rounded(p.containment))
            try record.object(p.contained)
            try record.strings(p.passages, metatable: lists)
            try record.number(rounded(p.estimate))
        }
    }

    /// A claim as a Lua record's fields (a conflict's `claim`; `compare` writes the same fields
    /// with `ClaimRows`).
    static func claimRecord(_ claim: Claim, _ ctx: BindingContext) -> LuaValue {
        let lists = ctx.lists
        let values: [LuaValue] = [
            .text(claim.text),
            lists.strings(claim.sources),
            lists.make(claim.documents.map { .object($0) }),
            lists.make(claim.sentences.map { .object(ctx.sentence($0.document, $0.sentence)) }),
            .number(shownScore(claim)),
            .integer(claim.sentences.count),
        ]
        return record(Array(zip(claimKeys, values)))
    }

    /// A record (a table of named fields).
    static func record(_ fields: [(String, LuaValue)]) -> LuaValue {
        .table(LuaTable(fields: fields.map { (key: LuaValue.text($0.0), value: $0.1) }))
    }

    /// A List of `list`'s `count` records, handed to Lua `chunkSize` at a time, so that the
    /// values of the whole list (and the encoder's nodes for them) never exist at once (a heap
    /// profile of the 13k briefing's peak saw 112 MB of them; its peak fell from 296-305 to
    /// 287-290 MB, while the 105k peak, in the claims' own work, did not move); the List is the
    /// same. `chunk` makes the list of the records in a range (with the metatable given: `list`'s
    /// when the range is all of them, none for a chunk appended to the List). Records decoded
    /// when read (an annotated archive's `StoredClaims`, `StoredDuplicates`) then exist no more
    /// than a chunk at a time.
    static func chunked(
        _ list: RecordList, count: Int, lua: LuaState, append: LuaReference, chunkSize: Int = 2048,
        _ chunk: (Range<Int>, LuaReference?) throws -> LuaValue
    ) throws -> LuaValue {
        guard count > chunkSize else { return try chunk(0..<count, list.metatable) }
        let result = try lua.makeReference(records(list, [LuaValue]()))
        var start = 0
        while start < count {
            let end = Swift.min(start + chunkSize, count)
            try lua.call(.reference(append), [.reference(result), try chunk(start..<end, nil)])
            start = end
        }
        return .reference(result)
    }

    /// The Lua function that appends a chunk's items to a List (`chunked` above). Made at setup
    /// over the raw accessors, so nothing a script replaces is called.
    static func appender(_ lua: LuaState) throws -> LuaReference {
        try lua.makeReferenceFromLua("""
            local rawlen, rawget, rawset = rawlen, rawget, rawset
            return function(list, chunk)
              local n = rawlen(list)
              for i = 1, rawlen(chunk) do rawset(list, n + i, rawget(chunk, i)) end
            end
            """)
    }

    /// A List of records that prints with `list`'s columns (records may hold more fields).
    static func records(_ list: RecordList, _ rows: [LuaValue]) -> LuaValue {
        .table(LuaTable(array: rows, metatable: list.metatable))
    }

    static func records(_ list: RecordList, _ rows: [[(String, LuaValue)]]) -> LuaValue {
        records(list, rows.map(record))
    }

    static func distinctDocuments(_ sentences: [SentenceReference]) -> [Document] {
        var out: [Document] = []
        for s in sentences where !out.contains(where: { $0 === s.document }) { out.append(s.document) }
        return out
    }

    /// The options table (argument 2 of the Swift function, #1 as the method's caller sees it).
    static func optionsTable(_ args: LuaArguments) throws -> LuaTable {
        if args.isNil(2) { return LuaTable() }
        guard args.type(2) == .table, let table = try args.optionalTable(2) else {
            // Not a type error at slot 1: that slot holds the corpus (these run through pcall).
            throw LuaArgumentError(1, "table expected, got \(args.type(2))")
        }
        return table
    }

    /// Rejects option names the method does not know (typos would otherwise be silently ignored).
    static func checkKeys(_ spec: LuaTable, _ known: [String]) throws {
        if !spec.array.isEmpty { throw LuaArgumentError(1, "options must be a table of named fields") }
        for key in spec.stringKeys where !known.contains(key) {
            throw LuaArgumentError(1, LuaOptionSet.unknown("option", key, among: known))
        }
    }

    /// A number above 0 and at most 1 (a similarity threshold).
    static func unitNumber(_ value: LuaValue, _ name: String) throws -> Double {
        do {
            return try value.checkedNumber(name, in: 0...1, lowerExclusive: true)
        } catch {
            throw error.argument(1)
        }
    }

    /// A whole number within `range`.
    static func count(_ value: LuaValue, _ name: String, in range: ClosedRange<Int>) throws -> Int {
        do {
            return try value.checkedInteger(name, in: range)
        } catch {
            throw error.argument(1)
        }
    }

    static func factKinds(_ value: LuaValue) throws -> Set<Fact.Kind> {
        let names: [String]
        if let one = value.stringValue {
            names = [one]
        } else if let list = value.tableValue {
            names = list.array.compactMap(\.stringValue)
        } else {
            throw LuaArgumentError(1, "'kinds' must be a kind or a list of kinds (date, number, name)")
        }
        var kinds = Set<Fact.Kind>()
        for name in names {
            guard let kind = Fact.Kind(rawValue: name) else {
                throw LuaArgumentError(1, "unknown kind '\(name)' (use date, number or name)")
            }
            kinds.insert(kind)
        }
        return kinds
    }
}

/// What `compare` was asked for, as a cache key.
struct ClaimRequest: Equatable {
    /// "source", "document" or "table" (with `keys`).
    var by: String
    var keys: [String: String]
    var threshold: Double
    var minSources: Int
    var similarity: SentenceSimilarity

    init(corpus: Corpus, spec: LuaTable) throws {
        keys = [:]
        switch spec["by"] {
        case nil:
            by = "source"
        case .some(let value):
            if let name = value.stringValue {
                guard name == "source" || name == "document" else {
                    throw LuaArgumentError(1, "'by' must be \"source\", \"document\", a table of groups by document id, or a function")
                }
                by = name
            } else if let table = value.tableValue {
                by = "table"
                for (key, group) in table.fields {
                    if let id = key.stringValue, let name = group.stringValue { keys[id] = name }
                }
            } else {
                throw LuaArgumentError(1, "'by' must be \"source\", \"document\", a table of groups by document id, or a function")
            }
        }
        threshold = try spec["threshold"].map { try CompareBinding.unitNumber($0, "threshold") } ?? ClaimOptions().threshold
        minSources = try spec["min_sources"].map { try CompareBinding.count($0, "min_sources", in: 2...1_000_000) } ?? 2
        if let name = spec["similarity"] {
            guard let text = name.stringValue, let measure = SentenceSimilarity(rawValue: text) else {
                throw LuaArgumentError(1, "'similarity' must be \"blended\" or \"cosine\"")
            }
            similarity = measure
        } else {
            similarity = .blended
        }
    }

    var grouping: GroupingKey {
        switch by {
        case "document": return .document
        case "table":
            let keys = self.keys
            return .custom { keys[$0.id] ?? $0.id }
        default: return .source
        }
    }

    var options: ClaimOptions {
        var options = ClaimOptions()
        options.threshold = threshold
        options.minSources = minSources
        options.similarity = similarity
        return options
    }
}

/// The last claims computed, for one corpus and request.
final class ClaimCache {
    private weak var corpus: Corpus?
    private var request: ClaimRequest?
    private var claims: [Claim] = []

    func claims(_ corpus: Corpus, _ request: ClaimRequest, cancellation: Cancellation = .none) throws -> [Claim] {
        if self.corpus === corpus, self.request == request { return claims }
        // A stopped search throws before anything is kept: the next call computes again.
        let found = try ClaimFinder.claims(in: corpus, by: request.grouping, options: request.options,
                                           cancellation: cancellation)
        self.corpus = corpus
        self.request = request
        claims = found
        return found
    }
}

/// The last conflicts computed, for one corpus, claim request and conflict options (kinds and
/// hedges): a repeated `corpus:conflicts()` costs nothing. Options with `extraFacts` (not
/// settable from Lua) are never cached.
final class ConflictCache {
    private weak var corpus: Corpus?
    private var request: ClaimRequest?
    private var includeHedges = false
    private var kinds: Set<Fact.Kind> = []
    private var conflicts: [Conflict] = []

    func conflicts(_ corpus: Corpus, _ request: ClaimRequest, _ options: ConflictOptions, claims: [Claim],
                   cancellation: Cancellation = .none) throws -> [Conflict] {
        if self.corpus === corpus, self.request == request, options.extraFacts == nil,
           includeHedges == options.includeHedges, kinds == options.kinds {
            return conflicts
        }
        // A stopped search throws before anything is kept: the next call computes again.
        let found = try ConflictFinder.conflicts(in: corpus, claims: claims, by: request.grouping, options: options,
                                                 cancellation: cancellation)
        if options.extraFacts == nil {
            self.corpus = corpus
            self.request = request
            includeHedges = options.includeHedges
            kinds = options.kinds
            conflicts = found
        }
        return found
    }
}
