import Corpus
import Foundation
import LuaBridge

/// `Entity` in Lua, and the bodies of the entity members of `Corpus`, `Document`, `Sentence` and
/// `dossier` (declared with those):
///
///     corpus:entities({kind = "person"})   -- List of Entity, most mentioned first
///     corpus:entity("Mr. Blinken")          -- Entity or nil; any alias resolves
///     doc:entities(), sentence:entities()   -- Lists of Entity, in order of first mention
///     dossier.entities(text)                -- entities of free text (a one-document run)
///     corpus:gazetteer_add{kind = "organization", name = "NewsTrack", aliases = {"News Track"}}
///
/// Entity fields: `name`, `kind`, `count`, `aliases`, `roles`; methods `:mentions()` (List of
/// `{doc, sentence, text, offset}`, offset 1-based in the document text) and `:docs()`.
///
/// A sub-corpus counts only its own documents' mentions: its entities are copies restricted
/// to it (see `Corpus.entities(kind:)`).
final class EntityBinding {
    static let columns = ["name", "kind", "count", "aliases"]
    static let mentionColumns = ["doc", "sentence", "text", "offset"]

    let ctx: BindingContext
    /// The session's corpus (its gazetteer serves `dossier.entities`).
    let session: Corpus
    /// One-document indexes for documents of corpora never seen here.
    private var loneIndexes: [ObjectIdentifier: Corpus] = [:]

    init(_ ctx: BindingContext, session: Corpus) {
        self.ctx = ctx
        self.session = session
    }

    // MARK: - The Entity class

    /// The `Entity` class: every member, declared here and nowhere else.
    func make() throws -> LuaClass<Entity> {
        let lists = ctx.lists
        let ctx = self.ctx
        let mentionList = try lists.columns(Self.mentionColumns)
        let cls = LuaClass<Entity>("Entity", summary: """
            A named thing with every name it goes by (docs/entities.md). In a sub-corpus, entities are
            copies whose `count`, `:mentions()` and `:docs()` cover only its documents.
            """, members: [
            .field("name", "string", "canonical name (the fullest form seen)") { .text($0.name) },
            .field("kind", "EntityKind", "") { .text($0.kind.rawValue) },
            .field("count", "integer", "mentions") { .integer($0.count) },
            .field("aliases", "List<string>", "other names seen for it (\"Blinken\", \"Mr. Blinken\")") { lists.strings($0.aliases) },
            .field("roles", "List<string>", "titles seen with it, most frequent first (\"US Secretary of State\")") { lists.strings($0.roles) },
            .method("mentions", "Every mention, in document and text order.", returns: ["List<Mention>"]) { entity, _ in
                try ctx.reserve(entity.mentions.count, ResultCost.record(fields: 4) + ResultCost.object, for: "mentions", items: "mentions")
                let rows: [[LuaValue]] = entity.mentions.compactMap { m in
                    guard let doc = entity.document(m.document) else { return nil }
                    return [.object(doc), .object(ctx.sentence(doc, m.sentence)), .text(m.text), .integer(m.range.lowerBound + 1)]
                }
                return [mentionList.make(rows)]
            },
            .method("docs", "The documents that mention it.", returns: ["List<Document>"]) { entity, _ in
                [lists.make(entity.mentionedDocuments.map { .object($0) })]
            },
        ])
        cls.describe = Self.describe
        cls.metafields = [
            ("__columns", .array(Self.columns.map { .text($0) })),
            ("__cell", .function(ctx.lua.function("__cell") { args in
                [.text(args.optionalObject(1, as: Entity.self)?.name ?? "?")]
            })),
        ]
        return cls
    }

    /// `<Entity person "Antony Blinken" 42 mentions>`
    static func describe(_ entity: Entity) -> String {
        let mentions = entity.count == 1 ? "1 mention" : "\(BindingContext.grouped(entity.count)) mentions"
        return "<Entity \(entity.kind.rawValue) \"\(BindingContext.preview(entity.name, 50))\" \(mentions)>"
    }

    // MARK: - Members of other classes and of `dossier`

    /// `corpus:entities(opts)`: `{kind =, top = (or limit), min =}` (`LuaOptionSet.entities`), or a
    /// kind alone (`corpus:entities("person")`).
    func corpusEntities(_ corpus: Corpus, _ args: LuaArguments) throws -> [LuaValue] {
        let query = try Self.entityQuery(args, position: 1)
        let entities = try corpus.entities(query, cancellation: ctx.cancellation)  // the index is built where it can be stopped
        try ctx.reserve(entities.count, ResultCost.object, for: "entities", items: "entities")
        return [ctx.lists.make(entities.map { .object($0) })]
    }

    /// `corpus:entity(name)`: any alias resolves.
    func corpusEntity(_ corpus: Corpus, _ args: LuaArguments) throws -> [LuaValue] {
        let name = try args.string(1)
        _ = try corpus.entityIndex(cancellation: ctx.cancellation)
        guard let e = corpus.entity(named: name) else { return [.nil] }
        return [.object(e)]
    }

    /// `corpus:entity_evidence()`: the first pass's entity tables of a split run (tables
    /// `entity_case`, `person_key`, `entity_acronym`, `entity_org`, `entity_single`, `entity`,
    /// `entity_form`; `EntityGlobals`),
    /// each a List of rows.
    func corpusEntityEvidence(_ corpus: Corpus, _ args: LuaArguments) throws -> [LuaValue] {
        let evidence = try corpus.entityEvidence(cancellation: ctx.cancellation)
        let formCount = evidence.tallies.values.reduce(0) { $0 + $1.texts.count + $1.surfaces.count }
        let count = evidence.caseCounts.count + evidence.personKeys.count + evidence.acronyms.count + evidence.organizations.count
            + evidence.organizationPrefixes.count + evidence.knownNames.count + evidence.singles.count + evidence.tallies.count + formCount
        try ctx.reserve(count,
                        ResultCost.record(fields: 7), for: "entity_evidence", items: "rows")
        let cases = try ctx.lists.columns(["word", "lower", "capitalized"])
        let keys = try ctx.lists.columns(["key", "count", "sure"])
        let acronyms = try ctx.lists.columns(["acronym", "ref"])
        let organizations = try ctx.lists.columns(["key", "as", "count"])
        let singles = try ctx.lists.columns(["word", "mentions", "cued"])
        let kinds: [EntityKind] = [.organization, .place, .event, .other]
        let tallies = try ctx.lists.columns(["ref", "mentions", "locatives"] + kinds.map(\.rawValue))
        let forms = try ctx.lists.columns(["ref", "form", "as", "count"])
        var formRows: [[LuaValue]] = []
        formRows.reserveCapacity(formCount)
        let refs = evidence.tallies.keys.sorted()
        for ref in refs {
            guard let t = evidence.tallies[ref] else { continue }
            for (form, n) in t.texts.sorted(by: { $0.key < $1.key }) { formRows.append([.text(ref), .text(form), .text("text"), .integer(n)]) }
            for (form, n) in t.surfaces.sorted(by: { $0.key < $1.key }) { formRows.append([.text(ref), .text(form), .text("surface"), .integer(n)]) }
        }
        let table = LuaTable(fields: [
            (.text("entity_case"), cases.make(evidence.caseCounts.sorted { $0.key < $1.key }.map {
                [.text($0.key), .integer($0.value.lower), .integer($0.value.capitalized)]
            })),
            (.text("person_key"), keys.make(evidence.personKeys.sorted { $0.key < $1.key }.map {
                [.text($0.key), .integer($0.value), .integer(evidence.confirmedKeys.contains($0.key) ? 1 : 0)]
            })),
            (.text("entity_org"), organizations.make(
                evidence.organizations.sorted().map { [.text($0), .text("name"), .integer(1)] }
                + evidence.organizationPrefixes.sorted().map { [.text($0), .text("prefix"), .integer(1)] }
                + evidence.knownNames.sorted().map { [.text($0), .text("known"), .integer(1)] })),
            (.text("entity_single"), singles.make(evidence.singles.sorted { $0.key < $1.key }.map {
                [.text($0.key), .integer($0.value.mentions), .integer($0.value.cued)]
            })),
            (.text("entity_acronym"), acronyms.make(evidence.acronyms.sorted { $0.key < $1.key }.map { [.text($0.key), .text($0.value)] })),
            (.text("entity"), tallies.make(refs.compactMap { ref in
                guard let t = evidence.tallies[ref] else { return nil }
                return [.text(ref), .integer(t.mentions), .integer(t.locatives)] + kinds.map { .integer(t.votes[$0] ?? 0) }
            })),
            (.text("entity_form"), forms.make(formRows)),
        ])
        return [.table(table)]
    }

    /// `corpus:gazetteer_add(spec)`.
    func gazetteerAdd(_ corpus: Corpus, _ args: LuaArguments) throws -> [LuaValue] {
        try Self.addToGazetteer(corpus, spec: try args.table(1))
        return []
    }

    /// `doc:entities()`: the entities the document mentions, in order of first mention.
    func documentEntities(_ doc: Document, _ args: LuaArguments) throws -> [LuaValue] {
        let corpus = self.corpus(of: doc)
        _ = try corpus.entityIndex(cancellation: ctx.cancellation)
        return [ctx.lists.make(corpus.entities(in: doc).map { .object($0) })]
    }

    /// `sentence:entities()`: the entities one sentence mentions, in text order.
    func sentenceEntities(_ s: SentenceRef, _ args: LuaArguments) throws -> [LuaValue] {
        let corpus = self.corpus(of: s.document)
        _ = try corpus.entityIndex(cancellation: ctx.cancellation)
        return [ctx.lists.make(corpus.entities(inSentence: s.index, of: s.document).map { .object($0) })]
    }

    /// `dossier.entities(text)`: the entities of a string, analysed as a one-document corpus
    /// with the session corpus's gazetteer.
    func textEntities(_ args: LuaArguments) throws -> [LuaValue] {
        let text = try args.string(1)
        let corpus = Corpus.freeText(text)
        corpus.setGazetteer(session.gazetteer)  // what plugins added to the session's
        _ = try corpus.entityIndex(cancellation: ctx.cancellation)
        return [ctx.lists.make(corpus.entities().map { .object($0) })]
    }

    // MARK: - Helpers

    /// The root corpus a document belongs to (its back-reference), or else — when that corpus
    /// is gone — a one-document corpus of its own (no cross-document aliases then).
    func corpus(of doc: Document) -> Corpus {
        if let root = doc.corpus { return root }
        let key = ObjectIdentifier(doc)
        if let lone = loneIndexes[key] { return lone }
        let lone = Corpus.freeText(doc.text, id: doc.id)
        loneIndexes[key] = lone
        return lone
    }

    /// A bad-argument error for argument `i` of a method (Lua counts `self` as argument 1 on
    /// the stack and reports the rest from 1, as `bad argument #1 to 'entities'`).
    static func methodArgumentError(_ i: Int, _ message: String) -> LuaArgumentError {
        LuaArgumentError(i + 1, message)
    }

    /// The query of `corpus:entities(opts)`: an options table (`{kind = "person", top = 10,
    /// min = 2}`) or a kind name alone (`corpus:entities("person")`).
    static func entityQuery(_ args: LuaArguments, position: Int) throws -> EntityQuery {
        var query = EntityQuery()
        switch args.type(position) {
        case .none, .nil:
            return query
        case .string:
            query.kind = try kind(named: try args.string(position), position: position)
        case .table:
            let options = try LuaOptionReader(args, position, .entities)
            if let value = options.value("kind")?.value {
                guard let text = value.stringValue else {
                    throw methodArgumentError(position, "kind must be a string: \(EntityKind.readableList)")
                }
                query.kind = try kind(named: text, position: position)
            }
            query.limit = try options.rows(default: nil)
            query.minimumCount = try options.minimum(default: 1)
        default:
            throw LuaArgumentError.type(position + 1, expected: "table or string")
        }
        return query
    }

    /// An entity kind by name (case-insensitive), or an error listing the kinds.
    static func kind(named name: String, position: Int) throws -> EntityKind {
        guard let kind = EntityKind(rawValue: name.lowercased()) else {
            throw methodArgumentError(position, LuaOptionSet.unknown("kind", name, among: EntityKind.allCases.map(\.rawValue)))
        }
        return kind
    }

    /// `corpus:gazetteer_add{kind=, name=, aliases=, demonyms=}`. Kinds: the entity kinds, plus
    /// "role" (a title: `name` is the title), "given_name" / "family_name" (`names` or `name`),
    /// and "ignore" (words never a name on their own). Drops the built entity index.
    static func addToGazetteer(_ corpus: Corpus, spec: LuaTable) throws {
        let known: Set<String> = ["kind", "name", "names", "aliases", "demonyms", "capitalized"]
        for key in spec.stringKeys where !known.contains(key) {
            throw methodArgumentError(1, "unknown field '\(key)' (use kind, name, names, aliases, demonyms, capitalized)")
        }
        guard let kindName = spec["kind"]?.stringValue else {
            throw methodArgumentError(1, "kind is required: person, organization, place, event, other, role, given_name, family_name or ignore")
        }
        let name = spec["name"]?.stringValue
        func strings(_ field: String) -> [String] {
            spec[field]?.tableValue?.array.compactMap(\.stringValue) ?? []
        }
        let words = strings("names") + (name.map { [$0] } ?? [])
        switch kindName.lowercased() {
        case "role":
            guard let name else { throw methodArgumentError(1, "a role needs name (the title)") }
            let capitalized = spec["capitalized"]?.isTruthy ?? false
            corpus.extendGazetteer { $0.addRole(name, capitalizedOnly: capitalized) }
        case "given_name", "family_name":
            guard !words.isEmpty else { throw methodArgumentError(1, "\(kindName) needs name or names") }
            let family = kindName.lowercased() == "family_name"
            corpus.extendGazetteer { $0.addNameWords(words, family: family) }
        case "ignore":
            guard !words.isEmpty else { throw methodArgumentError(1, "ignore needs name or names") }
            corpus.extendGazetteer { $0.addNonNames(words) }
        default:
            guard let kind = EntityKind(rawValue: kindName.lowercased()) else {
                throw methodArgumentError(1, "unknown kind '\(kindName)' (use person, organization, place, event, other, role, given_name, family_name or ignore)")
            }
            guard let name, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw methodArgumentError(1, "name is required")
            }
            let aliases = strings("aliases")
            let demonyms = strings("demonyms")
            corpus.extendGazetteer { $0.add(kind: kind, name: name, aliases: aliases, demonyms: demonyms) }
        }
    }
}
