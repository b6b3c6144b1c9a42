import Corpus
import LuaBridge

/// The body of `corpus:cooccurrence(opts)`: pairs of entities (or terms) that share a sentence,
/// paragraph or document, as a List of `{a, b, count, count_a, count_b, pmi, llr, docs,
/// example}` (`a` and `b` Entities, or strings with `of = "terms"`; `example` the first
/// sentence holding both, with `within = "sentence"`), best first. Options:
/// `LuaOptionSet.cooccurrence`.
struct CooccurrenceBinding {
    static let columns = ["a", "b", "count", "pmi", "llr"]

    private let ctx: BindingContext
    private let rows: RecordList

    init(_ ctx: BindingContext) throws {
        self.ctx = ctx
        rows = try ctx.lists.columns(Self.columns)
    }

    /// `corpus:cooccurrence(opts)`.
    func cooccurrence(_ corpus: Corpus, _ args: LuaArguments) throws -> [LuaValue] {
        let query = try Self.query(corpus, args, cancellation: ctx.cancellation)
        let pairs = try corpus.cooccurrence(query, cancellation: ctx.cancellation)
        try ctx.reserve(pairs.count, ResultCost.record(fields: 9) + ResultCost.object, for: "cooccurrence", items: "pairs")
        let ctx = self.ctx
        let records: [LuaValue] = pairs.map { pair in
            let a: LuaValue = pair.entityA.map { .object($0) } ?? .text(pair.a)
            let b: LuaValue = pair.entityB.map { .object($0) } ?? .text(pair.b)
            return .record(["a": a, "b": b, "count": .integer(pair.count), "count_a": .integer(pair.countA),
                            "count_b": .integer(pair.countB), "pmi": .number(StatisticsBinding.rounded(pair.pmi)),
                            "llr": .number(StatisticsBinding.rounded(pair.llr)),
                            "docs": ctx.lists.make(pair.documents.map { .object($0) }),
                            "example": pair.example.map { .object(ctx.sentence($0.document, $0.sentence)) } ?? .nil],
                    metatable: nil)
        }
        return [.table(LuaTable(array: records, metatable: rows.metatable))]
    }

    /// The query an options table asks for.
    static func query(_ corpus: Corpus, _ args: LuaArguments, cancellation: Cancellation) throws -> CooccurrenceQuery {
        let options = try LuaOptionReader(args, 1, .cooccurrence)
        var query = CooccurrenceQuery()
        if let of = try options.choice("of", CooccurrenceQuery.Items.allCases.map(\.rawValue)) {
            query.items = CooccurrenceQuery.Items(rawValue: of) ?? .entities
        }
        if let value = options.value("kind")?.value {
            guard query.items == .entities else { throw options.error("'kind' applies to entities, not terms") }
            let names: [LuaValue] = value.tableValue?.array ?? [value]
            query.kinds = Set(try names.map { name in
                guard let text = name.stringValue else { throw options.error("'kind' must be a kind or a list of kinds: \(EntityKind.readableList)") }
                return try EntityBinding.kind(named: text, position: 1)
            })
        }
        if let value = options.value("among")?.value {
            guard query.items == .entities else { throw options.error("'among' applies to entities, not terms") }
            guard let list = value.tableValue?.array else { throw options.error("'among' must be a list of entities or names") }
            let index = try corpus.entityIndex(cancellation: cancellation)
            var ids = Set<Int>()
            for item in list {
                if case .object(let object) = item, let entity = object as? Entity {
                    ids.insert(entity.id)
                } else if let name = item.stringValue {
                    guard let entity = index.entity(named: name) else { throw options.error("'among': no entity named '\(name)'") }
                    ids.insert(entity.id)
                } else {
                    throw options.error("'among' must be a list of entities or names, not a list holding a \(item.type)")
                }
            }
            query.entityIDs = ids
        }
        if let within = try options.choice("within", CooccurrenceQuery.Span.allCases.map(\.rawValue)) {
            query.within = CooccurrenceQuery.Span(rawValue: within) ?? .sentence
        }
        if let measure = try options.choice("measure", CooccurrenceQuery.Ranking.allCases.map(\.rawValue)) {
            query.ranking = CooccurrenceQuery.Ranking(rawValue: measure) ?? .llr
        }
        query.limit = try options.rows(default: StatisticsBinding.defaultTop)
        query.minimumCount = try options.minimum(default: 2)
        if let value = options.value("stopwords")?.value {
            switch value {
            case .boolean(true): break
            case .boolean(false): query.stopwords = nil
            default: throw options.error("option 'stopwords' must be true or false")
            }
        }
        return query
    }
}
