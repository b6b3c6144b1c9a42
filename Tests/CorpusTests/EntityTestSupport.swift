import Foundation
import Testing
@testable import Corpus

/// Helpers shared by the Entity* test files.
enum EntityFixtures {
    /// The seeds corpus, loaded once per call (cheap: five files).
    static func seeds() throws -> Corpus {
        try CorpusLoader.load(path: TextFixtures.seedsURL.path)
    }

    /// A corpus of articles written for a test: each text gets a headline line first, so the
    /// body is exactly the text given.
    static func corpus(_ bodies: [String]) -> Corpus {
        CorpusLoader.corpus(texts: bodies.enumerated().map { (id: String(format: "doc%02d", $0.offset), text: "Headline \($0.offset)\n\n" + $0.element) })
    }

    /// The entities of one text (a one-document corpus).
    static func entities(_ text: String, gazetteer: Gazetteer = .standard) -> EntityIndex {
        let corpus = Corpus.freeText(text)
        return EntityIndex.build(documents: corpus.documents, gazetteer: gazetteer)
    }

    /// Names of the person entities.
    static func people(_ index: EntityIndex) -> Set<String> {
        Set(index.entities(kind: .person).map(\.name))
    }

    /// The kind of the entity named exactly `name`, if any.
    static func kind(of name: String, in index: EntityIndex) -> EntityKind? {
        index.entities.first { $0.name == name }?.kind
    }
}
