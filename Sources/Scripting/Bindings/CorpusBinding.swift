import Corpus
import Foundation
import LuaBridge

/// `Corpus` in Lua: every member of the class, declared here and nowhere else. The bodies of
/// the analyses live with their topic (`SearchBinding`, `StatisticsBinding`, `DateBinding`,
/// `EntityBinding`, `QuoteBinding`, `CompareBinding`); the members written in Lua live in
/// `Lua/corpus.lua`, which must define exactly those declared with `.lua`.
enum CorpusBinding {
    static func make(_ ctx: BindingContext, entities: EntityBinding, quotes: QuoteBinding) throws -> LuaClass<Corpus> {
        let lists = ctx.lists
        let sources = try lists.columns(["source", "docs"])
        let search = try SearchBinding(ctx)
        let statistics = try StatisticsBinding(ctx)
        let dates = try DateBinding(ctx)
        let cooccurrence = try CooccurrenceBinding(ctx)
        let luaMembers = try ctx.lua.makeReferenceFromLua(try LuaSources.source("corpus"), chunkName: "=[dossier corpus]",
                                                          arguments: [try natives(ctx)])
        let cls = LuaClass<Corpus>("Corpus", summary: """
            A set of documents: the loaded corpus (`corpus`), one from `dossier.open`, or a sub-corpus
            from `corpus:filter`, which has the same API. `#corpus` is the number of documents.
            """, members: [
            // Documents and sub-corpora
            .field("location", "string", "where it was loaded from (a folder or one file)") { .text($0.location) },
            .field("archive", "ArchiveInfo?", "the archive it was opened from (`dossier index`), nil when loaded from its sources") {
                guard let a = $0.root.archive else { return .nil }
                return .record(["path": .text(a.path), "segments": .integer(a.segments), "documents": .integer(a.documents),
                                "deleted": .integer(a.deleted),
                                "created": .text(a.created), "updated": .text(a.updated), "bytes": .integer(a.totalBytes),
                                "format_version": .integer(a.formatVersion)])
            },
            .field("words", "integer", "total word count") { .integer($0.wordCount) },
            .field("token_count", "integer", "total tokens (words, numbers and punctuation)") {
                .integer($0.documents.reduce(0) { $0 + $1.tokenCount })
            },
            .method("docs", "List of the documents, in corpus order.", returns: ["List<Document>"]) { corpus, _ in
                try ctx.reserve(corpus.count, ResultCost.object, for: "docs", items: "documents")
                return [lists.make(corpus.documents.map { .object($0) })]
            },
            .method("doc", "The document with this id, or the only one whose id starts with `id`; nil when none; an error when the prefix is ambiguous.",
                    parameters: ["id string"], returns: ["Document?"]) { corpus, args in
                let id = try args.string(1)
                do {
                    return [.object(try corpus.document(id))]
                } catch DocumentLookupError.noSuchDocument {
                    return [.nil]
                }
            },
            .method("forget", "Drops the entities, quotations and dates the corpus keeps after their first use (shared with its sub-corpora), freeing their memory; the next use computes them again. For long scripts, once done with them.") { corpus, _ in
                corpus.forgetAnalyses()
                return []
            },
            .method("sources", "Documents per source (outlet), most documents first; documents without a source are left out.",
                    returns: ["List<SourceCount>"]) { corpus, _ in
                [sources.make(sourceCounts(corpus).map { [.text($0.source), .integer($0.docs)] })]
            },
            .lua("filter", in: "corpus.lua", "A sub-corpus with the same API: `fn(doc)` decides, or a spec `{source=, after=, before=, contains=}`.",
                 parameters: ["fn_or_spec (fun(doc: Document): any)|FilterSpec"], returns: ["Corpus"]),
            // The fast path
            .method("token_ids", "Iterator for the fast path: `for doc, ids in corpus:token_ids() do … end`, `ids` a plain table of term ids.",
                    returns: ["fun(c: Corpus, previous?: Document): Document?, integer[]", "Corpus", "nil"], tokenIDs(ctx)),
            .method("vocabulary", "List of terms (normalised forms) indexed by term id.", returns: ["List<string>"]) { corpus, _ in
                let lexicon = corpus.index.lexicon
                try ctx.reserve(lexicon.count, ResultCost.string(bytes: 12), for: "vocabulary", items: "terms")
                return [lists.strings((0..<lexicon.count).map(lexicon.term))]
            },
            .method("term_id", "The term id of a word (normalised first), or nil when the corpus does not have it.",
                    parameters: ["word string"], returns: ["integer?"]) { corpus, args in
                let word = try args.string(1)
                guard let id = corpus.index.lexicon.id(of: Tokenizer.norm(word)) else { return [.nil] }
                return [.integer(id + 1)]
            },
            // Dates
            .method("timeline", "Every resolved date mention of the corpus, sorted by date; `after`/`before` bound it, `limit` keeps the earliest.",
                    parameters: ["opts? CorpusTimelineOptions"], returns: ["List<DateMention>"], dates.timeline),
            .method("dates", "Every date mention of every document (unresolved ones too), in document and text order.",
                    returns: ["List<DateMention>"], dates.corpusDates),
            // Search
            .method("search", "Documents matching a query (docs/query-language.md), best first (BM25).",
                    parameters: ["query string", "opts? SearchOptions"], returns: ["List<Hit>"], search.search),
            .method("kwic", "Every match of a query in context (a concordance), in document and text order.",
                    parameters: ["query string", "opts? KwicOptions"], returns: ["List<KwicLine>"], search.kwic),
            // Statistics
            .method("frequencies", "Term frequencies: List of `{term, count, docs}`, most frequent first (docs/statistics.md).",
                    parameters: ["opts? FrequencyOptions"], returns: ["List<FrequencyRow>"], statistics.frequencies),
            .method("ngrams", "N-grams of `n` (1–8) consecutive word or number tokens inside a sentence.",
                    parameters: ["n integer", "opts? NGramOptions"], returns: ["List<NGramRow>"], statistics.ngrams),
            .method("collocations", "Words that occur near `word` more often than chance predicts.",
                    parameters: ["word string", "opts? CollocationOptions"], returns: ["List<CollocateRow>"], statistics.collocations),
            .method("cooccurrence", "Pairs of entities (or terms, `of = \"terms\"`) sharing a sentence, paragraph or document, with counts, PMI and log-likelihood, best first (docs/statistics.md).",
                    parameters: ["opts? CooccurrenceOptions"], returns: ["List<CooccurrenceRow>"], cooccurrence.cooccurrence),
            .method("keyness", "Words this corpus uses more (positive score) or less than `other` (or the rest of the corpus when one holds the other).",
                    parameters: ["other Corpus", "opts? KeynessOptions"], returns: ["List<KeynessRow>"], statistics.keyness),
            // Entities
            .method("entities", "Named entities, most mentioned first; a sub-corpus counts only its own documents (docs/entities.md).",
                    parameters: ["opts? EntityOptions|EntityKind"], returns: ["List<Entity>"], entities.corpusEntities),
            .method("entity", "The entity one of whose names (any alias) is `name`, or nil.",
                    parameters: ["name string"], returns: ["Entity?"], entities.corpusEntity),
            .method("entity_evidence", "What this corpus adds to the entity evidence of a split run: tables of rows for `scripts/globals.lua` (docs/guide.md, \"Beyond one machine\").",
                    returns: ["EntityEvidence"], entities.corpusEntityEvidence),
            .method("gazetteer_add", "Adds a name, alias, title or never-a-name word to the entity gazetteer; the entity index is rebuilt on next use.",
                    parameters: ["spec GazetteerEntry"], entities.gazetteerAdd),
            // Quotes
            .method("quotes", "Quotations with their speakers, in document order (docs/quotes.md).",
                    parameters: ["opts? QuoteOptions"], returns: ["List<Quote>"], quotes.corpusQuotes),
            // Comparing outlets
            .lua("compare", in: "corpus.lua", "Claims: the same fact stated by documents of at least two groups (outlets by default) (docs/compare.md).",
                 parameters: ["opts? CompareOptions"], returns: ["List<Claim>"]),
            .lua("conflicts", in: "corpus.lua", "Claims whose outlets give different dates, numbers or names for the same subject and attribute (docs/compare.md).",
                 parameters: ["opts? ConflictOptions"], returns: ["List<Conflict>"]),
            .lua("duplicates", in: "corpus.lua", "Pairs of documents that share much of their text: copies (Jaccard) or one inside the other (containment).",
                 parameters: ["opts? DuplicateOptions"], returns: ["List<DuplicatePair>"]),
            .method("duplicate_sketches", "Every document's near-duplicate sketch (its word shingles, as text) for a split run: a map script's `near_duplicates` table reduces the sketches of every part to the pairs `duplicates` finds on the whole corpus (docs/guide.md, \"Beyond one machine\").",
                    parameters: ["shingle? integer"], returns: ["List<DuplicateSketch>"], try CompareBinding.sketches(ctx)),
        ])
        cls.luaMembers = luaMembers
        cls.length = { $0.count }
        cls.describe = describe
        return cls
    }

    /// The Swift halves `Lua/corpus.lua` builds its methods on, each taking the corpus first.
    static func natives(_ ctx: BindingContext) throws -> LuaValue {
        let subset = ctx.lua.function("filter") { args in
            let corpus = try args.object(1, as: Corpus.self, name: "Corpus")
            let ids = Set(try args.table(2).array.compactMap(\.stringValue))
            return [.object(corpus.filter { ids.contains($0.id) })]
        }
        let filterSpec = ctx.lua.function("filter") { args in
            let corpus = try args.object(1, as: Corpus.self, name: "Corpus")
            return [.object(try filter(corpus, spec: try args.table(2), cancellation: ctx.cancellation))]
        }
        var natives = try CompareBinding.natives(ctx)
        natives.set("subset", .function(subset))
        natives.set("filter_spec", .function(filterSpec))
        return .table(natives)
    }

    /// `List:filter(spec)` on a List of documents (installed as `List.__filter_documents`): the
    /// documents, in list order, that `corpus:filter(spec)` on their corpus keeps.
    static func documentFilter(_ ctx: BindingContext) -> LuaFunction {
        ctx.lua.function("filter") { args in
            let items = try args.table(1).array
            let spec = try args.table(2)
            var docs: [Document] = []
            for item in items {
                guard case .object(let object) = item, let doc = object as? Document else {
                    throw specError("a filter spec works on a List of documents: pass a function instead")
                }
                docs.append(doc)
            }
            var kept = Set<ObjectIdentifier>()
            var roots: [Corpus] = []
            for doc in docs {
                guard let root = doc.corpus else { throw specError("document '\(doc.id)' has no corpus to filter in") }
                if !roots.contains(where: { $0 === root }) { roots.append(root) }
            }
            for root in roots {
                let mine = Set(docs.filter { $0.corpus === root }.map(ObjectIdentifier.init))
                let result = try filter(root.filter { mine.contains(ObjectIdentifier($0)) }, spec: spec, cancellation: ctx.cancellation)
                for doc in result.documents { kept.insert(ObjectIdentifier(doc)) }
            }
            if docs.isEmpty { _ = try filter(Corpus.freeText(""), spec: spec) }  // the spec is still checked
            return [.table(LuaTable(array: docs.filter { kept.contains(ObjectIdentifier($0)) }.map { .object($0) }))]
        }
    }

    /// `corpus:token_ids()`: the fast path for whole-corpus passes, term ids per document as
    /// integer arrays (read them with `corpus:vocabulary()`).
    ///
    ///     local vocab = corpus:vocabulary()
    ///     for doc, ids in corpus:token_ids() do
    ///       for i = 1, #ids do local term = vocab[ids[i]] ... end
    ///     end
    static func tokenIDs(_ ctx: BindingContext) -> (Corpus, LuaArguments) throws -> [LuaValue] {
        let next = ctx.lua.function("token_ids iterator") { args in
            let corpus = try args.object(1, as: Corpus.self, name: "Corpus")
            var position = 0
            if let previous = args.optionalObject(2, as: Document.self) {
                position = corpus.position(of: previous).map { $0 + 1 } ?? corpus.count
            }
            guard position < corpus.count else { return [.nil] }
            let doc = corpus.documents[position]
            try ctx.reserve(doc.terms.count, ResultCost.integer, for: "token_ids", items: "tokens")
            return [.object(doc), .unsignedIntegers(doc.terms.array, offset: 1, metatable: nil)]
        }
        return { corpus, _ in [.function(next), .object(corpus), .nil] }
    }

    struct SourceCount {
        let source: String
        let docs: Int
    }

    /// Documents per source, most documents first (documents without a source are left out).
    static func sourceCounts(_ corpus: Corpus) -> [SourceCount] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for doc in corpus.documents {
            guard let source = doc.source else { continue }
            if counts[source] == nil { order.append(source) }
            counts[source, default: 0] += 1
        }
        return order.map { SourceCount(source: $0, docs: counts[$0] ?? 0) }
            .sorted { $0.docs != $1.docs ? $0.docs > $1.docs : $0.source < $1.source }
    }

    /// Applies a filter spec: `source` (a name or list of names, case-insensitive), `after` and
    /// `before` (ISO dates, inclusive, on the document date; undated documents are left out
    /// when either is given), `contains` (a search query the document must match).
    static func filter(_ corpus: Corpus, spec: LuaTable, cancellation: Cancellation = .none) throws -> Corpus {
        let known = LuaOptionSet.filter.acceptedNames
        for key in spec.stringKeys where !known.contains(key) {
            let message = LuaOptionSet.filter.unknownOptionMessage(key)
            throw specError(message.replacingOccurrences(of: "unknown option", with: "unknown filter field"))
        }
        var sources: Set<String>?
        if let value = spec["source"] {
            if let name = value.stringValue {
                sources = [name.lowercased()]
            } else if let list = value.tableValue {
                sources = Set(list.array.compactMap { $0.stringValue?.lowercased() })
            } else {
                throw specError("'source' must be a name or a list of names")
            }
        }
        let after = try isoDate(spec["after"], field: "after")
        let before = try isoDate(spec["before"], field: "before")
        if after != nil || before != nil { _ = try corpus.dates(cancellation: cancellation) }  // where it can be stopped
        let matching = try containsFilter(corpus, spec["contains"], cancellation: cancellation)
        return corpus.filter { doc in
            if let sources, !sources.contains(doc.source?.lowercased() ?? "\u{0}") { return false }
            if after != nil || before != nil {
                guard let date = doc.date else { return false }
                if let after, date.prefix(after.count) < after { return false }
                if let before, date.prefix(before.count) > before { return false }
            }
            if let matching, !matching.contains(doc.index) { return false }
            return true
        }
    }

    /// An ISO date prefix (`2023`, `2023-06`, `2023-06-18`) from a spec field.
    static func isoDate(_ value: LuaValue?, field: String) throws -> String? {
        guard let value else { return nil }
        guard let text = value.stringValue,
              text.range(of: #"^\d{4}(-\d{2}(-\d{2})?)?$"#, options: .regularExpression) != nil
        else { throw specError("'\(field)' must be an ISO date like 2023-06-18") }
        return text
    }

    /// Documents matching `contains`, a search query (words, "phrases", AND/OR/NOT, …).
    static func containsFilter(_ corpus: Corpus, _ value: LuaValue?, cancellation: Cancellation = .none) throws -> Set<Int>? {
        guard let value else { return nil }
        // Read as corpus:search reads its query: any bytes (invalid UTF-8 decoded with U+FFFD),
        // numbers as their text.
        let text: String
        switch value {
        case .string(let s): text = s.description
        case .integer, .number: text = value.stringValue ?? ""
        default: throw specError("'contains' must be a query string, not a \(value.type)")
        }
        let query: Query
        do {
            query = try Query.parse(text)
        } catch {
            throw specError("'contains': \(error)")
        }
        return Set(try rethrowingLimits({ try Search.documents(corpus, query, cancellation: cancellation) },
                                        other: { specError("'contains': \($0)") }).map(\.index))
    }

    /// A bad `corpus:filter{…}` spec, reported as Lua reports a bad argument to 'filter'.
    static func specError(_ message: String) -> LuaRuntimeError {
        LuaRuntimeError("bad argument #1 to 'filter' (\(message))")
    }

    /// `<Corpus 5 documents · 3,912 words · sources: …>`
    static func describe(_ corpus: Corpus) -> String {
        var parts = ["\(BindingContext.grouped(corpus.count)) documents", "\(BindingContext.grouped(corpus.wordCount)) words"]
        let sources = sourceCounts(corpus).map(\.source)
        if !sources.isEmpty {
            parts.append("sources: " + sources.prefix(4).joined(separator: ", ") + (sources.count > 4 ? ", …" : ""))
        }
        if corpus.parent != nil { parts.append("sub-corpus") }
        return "<Corpus " + parts.joined(separator: " · ") + ">"
    }
}
