import Corpus
import Foundation
import LuaBridge

/// `Entity` in Lua, and the entity methods of `Corpus`, `Document` and `Sentence`:
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

    /// The `Entity` class.
    func make() throws -> LuaClass<Entity> {
        let cls = LuaClass<Entity>("Entity")
        let lists = ctx.lists
        let mentionList = try lists.columns(Self.mentionColumns)
        cls.field("name") { .text($0.name) }
        cls.field("kind") { .text($0.kind.rawValue) }
        cls.field("count") { .integer($0.count) }
        cls.field("aliases") { lists.strings($0.aliases) }
        cls.field("roles") { lists.strings($0.roles) }
        cls.method("mentions") { [ctx] entity, _ in
            let rows: [[LuaValue]] = entity.mentions.compactMap { m in
                guard let doc = entity.document(m.document) else { return nil }
                return [.object(doc), .object(ctx.sentence(doc, m.sentence)), .text(m.text), .integer(m.range.lowerBound + 1)]
            }
            return [mentionList.make(rows)]
        }
        cls.method("docs") { entity, _ in
            [lists.make(entity.mentionedDocuments.map { .object($0) })]
        }
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

    // MARK: - Methods on other classes

    /// `corpus:entities(opts)`, `corpus:entity(name)`, `corpus:gazetteer_add(spec)`.
    func install(on cls: LuaClass<Corpus>) {
        let lists = ctx.lists
        let cancellation = ctx.cancellation
        cls.method("entities") { corpus, args in
            let kind = try Self.kindOption(args, position: 1)
            _ = try corpus.entityIndex(cancellation: cancellation)  // built here, where it can be stopped
            return [lists.make(corpus.entities(kind: kind).map { .object($0) })]
        }
        cls.method("entity") { corpus, args in
            let name = try args.string(1)
            _ = try corpus.entityIndex(cancellation: cancellation)
            guard let e = corpus.entity(named: name) else { return [.nil] }
            return [.object(e)]
        }
        cls.method("gazetteer_add") { corpus, args in
            try Self.addToGazetteer(corpus, spec: try args.table(1))
            return []
        }
    }

    /// `doc:entities()`: the entities the document mentions, in order of first mention.
    func install(on cls: LuaClass<Document>) {
        let lists = ctx.lists
        cls.method("entities") { [unowned self] doc, _ in
            let corpus = self.corpus(of: doc)
            _ = try corpus.entityIndex(cancellation: self.ctx.cancellation)
            return [lists.make(corpus.entities(in: doc).map { .object($0) })]
        }
    }

    /// `sentence:entities()`: the entities one sentence mentions, in text order.
    func install(on cls: LuaClass<SentenceRef>) {
        let lists = ctx.lists
        cls.method("entities") { [unowned self] s, _ in
            let corpus = self.corpus(of: s.document)
            _ = try corpus.entityIndex(cancellation: self.ctx.cancellation)
            return [lists.make(corpus.entities(inSentence: s.index, of: s.document).map { .object($0) })]
        }
    }

    /// `dossier.entities(text)`: the entities of a string, analysed as a one-document corpus
    /// with the session corpus's gazetteer.
    func freeTextFunction() -> LuaFunction {
        let lists = ctx.lists
        return ctx.lua.function("entities") { [unowned self] args in
            let text = try args.string(1)
            let corpus = Corpus.freeText(text)
            corpus.setGazetteer(self.session.gazetteer)  // what plugins added to the session's
            _ = try corpus.entityIndex(cancellation: self.ctx.cancellation)
            return [lists.make(corpus.entities().map { .object($0) })]
        }
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

    /// The `kind` option: `corpus:entities({kind = "person"})` or `corpus:entities("person")`.
    static func kindOption(_ args: LuaArguments, position: Int) throws -> EntityKind? {
        var name: String?
        switch args.type(position) {
        case .none, .nil:
            return nil
        case .string:
            name = try args.string(position)
        case .table:
            let spec = try args.table(position)
            for key in spec.stringKeys where key != "kind" {
                throw methodArgumentError(position, "unknown option '\(key)' (entities takes kind)")
            }
            guard let value = spec["kind"] else { return nil }
            guard let text = value.stringValue else {
                throw methodArgumentError(position, "kind must be a string: \(EntityKind.readableList)")
            }
            name = text
        default:
            throw LuaArgumentError.type(position + 1, expected: "table or string")
        }
        guard let name else { return nil }
        guard let kind = EntityKind(rawValue: name.lowercased()) else {
            throw methodArgumentError(position, "unknown kind '\(name)' (use \(EntityKind.readableList))")
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
