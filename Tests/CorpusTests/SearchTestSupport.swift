import Foundation
import Testing
@testable import Corpus

/// Helpers for the Search* and Kwic* tests: the seeds, and independent ways of finding words
/// in text (plain string scanning, no index, no tokenizer) to check search results against.
enum SearchFixtures {
    static let seedsPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds").path

    static func seeds() throws -> Corpus {
        try CorpusLoader.load(path: seedsPath)
    }

    /// Byte offsets (in `text.utf8`) of `phrase` in `text`, case-insensitive, where the words
    /// of the phrase may be separated by any run of whitespace, an apostrophe may be straight
    /// or curly, and the match is not inside a longer word (no letter or digit right before or
    /// after).
    static func occurrences(of phrase: String, in text: String) -> [Int] {
        let words = phrase.split(separator: " ").map {
            NSRegularExpression.escapedPattern(for: String($0)).replacingOccurrences(of: "'", with: "['’]")
        }
        let pattern = "(?<![\\p{L}\\p{N}])" + words.joined(separator: "\\s+") + "(?![\\p{L}\\p{N}])"
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map {
            ns.substring(to: $0.range.location).utf8.count
        }
    }

    /// Whether `text` contains `phrase` (see `occurrences`).
    static func contains(_ text: String, _ phrase: String) -> Bool {
        !occurrences(of: phrase, in: text).isEmpty
    }

    /// Ids of the documents of `corpus` for which `test` holds, in corpus order.
    static func ids(_ corpus: Corpus, where test: (Document) -> Bool) -> [String] {
        corpus.documents.filter(test).map(\.id)
    }

    /// BM25 written out from its definition, for checking scores.
    static func bm25(tf: Int, length: Int, averageLength: Double, df: Int, documents n: Int) -> Double {
        let idf = log(1 + (Double(n) - Double(df) + 0.5) / (Double(df) + 0.5))
        let k1 = 1.2, b = 0.75
        return idf * Double(tf) * (k1 + 1) / (Double(tf) + k1 * (1 - b + b * Double(length) / averageLength))
    }

    /// A corpus made of these texts (ids "a", "b", …); no title line.
    static func corpus(_ texts: [String]) -> Corpus {
        let ids = "abcdefghijklmnopqrstuvwxyz".map(String.init)
        // A headline first keeps the whole text as the body (cleaning takes the headline).
        return CorpusLoader.corpus(texts: zip(ids, texts).map { ($0, "Test document \($0)\n\n" + $1) })
    }
}
