import Foundation
import Testing
@testable import Corpus

/// Shared helpers for the Compare* and Duplicate* test files.
enum CompareFixtures {
    /// The project's seeds/ folder.
    static let seedsPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds").path

    /// The seeds corpus, loaded once per process.
    static let seeds: Corpus? = try? CorpusLoader.load(path: seedsPath)

    /// The seeds corpus, or a test failure.
    static func seedCorpus() throws -> Corpus {
        try #require(seeds, "cannot load \(seedsPath)")
    }

    /// A corpus of the given texts (ids "a", "b", … unless given).
    static func corpus(_ texts: [(String, String)]) -> Corpus {
        CorpusLoader.corpus(texts: texts.map { (id: $0.0, text: $0.1) })
    }

    /// The id prefix (first three characters) of each document, for compact expectations.
    static func prefixes(_ docs: [Document]) -> [String] {
        docs.map { String($0.id.prefix(3)) }
    }
}
