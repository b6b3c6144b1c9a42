import Foundation

extension Corpus {
    /// The entity index's key in the annotations: analyses built from the index (the quote
    /// index resolves speakers through it) name it as what they depend on.
    static let indexKey = "entities.index"
    private static let gazetteerKey = "entities.gazetteer"
    private static let viewKey = "entities.view"
    private static let globalsKey = "entities.globals"

    /// The gazetteer entities are recognised with: the standard lists unless `setGazetteer`
    /// replaced them. Shared by a corpus and its sub-corpora.
    public var gazetteer: Gazetteer {
        root.annotations.peek(Self.gazetteerKey, as: Gazetteer.self) ?? .standard
    }

    /// Whether the gazetteer is the standard one (never replaced): the only one whose results an
    /// archive stores.
    var usesStandardGazetteer: Bool { root.annotations.peek(Self.gazetteerKey, as: Gazetteer.self) == nil }

    /// Replaces the gazetteer (for a plugin that knows more names or titles) and drops the built
    /// entity index, so the next question rebuilds it, with every analysis built from it (the
    /// quote index's speakers). Applies to the whole corpus family.
    public func setGazetteer(_ gazetteer: Gazetteer) {
        root.annotations.set(Self.gazetteerKey, gazetteer)
        root.annotations.set(Self.indexKey, Optional<EntityIndex>.none)
    }

    /// Changes the gazetteer in place: `corpus.extendGazetteer { $0.add(kind: .organization, name: "NewsTrack") }`.
    public func extendGazetteer(_ change: (inout Gazetteer) -> Void) {
        var g = gazetteer
        change(&g)
        setGazetteer(g)
    }

    /// The corpus-wide entity evidence of a split corpus this corpus is one part of (`dossier map
    /// --globals`), or nil.
    public var entityGlobals: EntityGlobals? {
        root.annotations.peek(Self.globalsKey, as: EntityGlobals.self)
    }

    /// Makes this corpus one part of a split corpus whose summed entity evidence is `globals`
    /// (`EntityGlobals.joined()` of every part's `entityEvidence`), and drops the built entity
    /// index, with every analysis built from it.
    public func setEntityGlobals(_ globals: EntityGlobals?) {
        root.annotations.set(Self.globalsKey, globals)
        root.annotations.set(Self.indexKey, Optional<EntityIndex>.none)
    }

    /// What this corpus (its root) adds to the entity evidence of a split corpus: see
    /// `EntityIndex.evidence`. With `entityGlobals` (a first pass's sum, `--globals`), found with
    /// the whole corpus's evidence: the second evidence pass.
    public func entityEvidence(cancellation: Cancellation = .none) throws(WorkLimit) -> EntityGlobals {
        try EntityIndex.evidence(documents: root.documents, gazetteer: gazetteer, globals: entityGlobals, cancellation: cancellation)
    }

    /// The entity index of the whole (root) corpus, built the first time it is asked for.
    public var entityIndex: EntityIndex {
        Cancellation.uninterrupted { token throws(WorkLimit) in try entityIndex(cancellation: token) }
    }

    /// `entityIndex`, built checking `cancellation` when it is not yet (a stopped build keeps
    /// nothing: the next call builds again).
    public func entityIndex(cancellation: Cancellation) throws(WorkLimit) -> EntityIndex {
        let root = self.root
        let gazetteer = self.gazetteer
        let globals = entityGlobals
        return try root.annotations.value(Self.indexKey) { () throws(WorkLimit) in
            // An archive's stored index, unless the gazetteer was changed or the corpus is one
            // part of a split corpus (whose globals change the result).
            if root.usesStandardGazetteer, globals == nil,
               let saved = root.savedAnalyses?.entityIndex(documents: root.documents, gazetteer: gazetteer) {
                return saved
            }
            let index = try cancellation.working(on: "entities") { () throws(WorkLimit) in
                try EntityIndex.build(documents: root.documents, gazetteer: gazetteer, globals: globals, cancellation: cancellation)
            }
            if root.usesStandardGazetteer, globals == nil, let writeBack = root.analysisWriteBack {
                writeBack.store("entities") { EntityFile.write(index, documents: root.count) }
            }
            return index
        }
    }

    /// The entities of this corpus, most mentioned first; optionally of one kind.
    ///
    /// A sub-corpus shares the root's index but counts only its own documents' mentions: its
    /// entities are copies (same `id`, `name`, `aliases`, `roles`) whose `mentions`, `count` and
    /// `documents` are restricted to the sub-corpus; entities it never mentions are left out.
    public func entities(kind: EntityKind? = nil) -> [Entity] {
        let list = parent == nil ? entityIndex.entities : subsetView().entities
        guard let kind else { return list }
        return list.filter { $0.kind == kind }
    }

    /// The entity a name stands for (any alias, "Mr. X", a surname, a gazetteer alias), or nil.
    /// In a sub-corpus, the entity's sub-corpus copy, or nil when it is not mentioned there.
    public func entity(named name: String) -> Entity? {
        guard let e = entityIndex.entity(named: name) else { return nil }
        if parent == nil { return e }
        return subsetView().byID[e.id]
    }

    /// The entities a document mentions, in order of first mention (the root corpus's entities).
    public func entities(in document: Document) -> [Entity] {
        entityIndex.entities(in: document.index)
    }

    /// The entities one sentence of a document mentions, in text order.
    public func entities(inSentence sentence: Int, of document: Document) -> [Entity] {
        entityIndex.entities(inSentence: sentence, of: document.index)
    }

    /// A sub-corpus's filtered copies of the root's entities, rebuilt when the root index changes.
    private final class SubsetView: @unchecked Sendable {
        let index: EntityIndex
        let entities: [Entity]
        let byID: [Int: Entity]

        init(index: EntityIndex, members: Set<Int>) {
            self.index = index
            var list: [Entity] = []
            for e in index.entities {
                let copy = e.restricted(to: members)
                if copy.count > 0 { list.append(copy) }
            }
            list.sort { $0.count != $1.count ? $0.count > $1.count : $0.id < $1.id }
            entities = list
            byID = Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0) })
        }
    }

    private func subsetView() -> SubsetView {
        let index = entityIndex
        if let view = annotations.peek(Self.viewKey, as: SubsetView.self), view.index === index { return view }
        let view = SubsetView(index: index, members: Set(documents.map(\.index)))
        annotations.set(Self.viewKey, view)
        return view
    }

    /// A one-document corpus of free text, for analysing a string on its own (`dossier.entities(text)`).
    /// The whole text is the body (no title is split off).
    public static func freeText(_ text: String, id: String = "text") -> Corpus {
        CorpusLoader.corpus(freeText: text, id: id)
    }
}
