import Foundation
@testable import Corpus

/// Helpers for the quote tests.
enum QuoteFixtures {
    /// The seeds corpus, loaded once.
    static let seeds: Corpus? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds")
        return try? CorpusLoader.load(path: url.path)
    }()

    /// The quotes of a seed document (by id prefix), with the built-in resolver.
    static func seedQuotes(_ prefix: String) throws -> [Quote] {
        guard let corpus = seeds else { throw FixtureError.noSeeds }
        return QuoteExtractor.quotes(in: try corpus.document(prefix))
    }

    /// The only quote of a text (an error when there is not exactly one).
    static func only(_ text: String, verbs: AttributionVerbs) throws -> Quote {
        let quotes = QuoteExtractor.quotes(in: text, verbs: verbs)
        guard quotes.count == 1 else { throw FixtureError.notOneQuote(text, quotes.map(\.text)) }
        return quotes[0]
    }

    /// The one quote whose text starts with `prefix`.
    static func quote(_ quotes: [Quote], _ prefix: String) -> Quote? {
        let matches = quotes.filter { $0.text.hasPrefix(prefix) }
        return matches.count == 1 ? matches[0] : nil
    }

    /// What the span finder pairs in free text: each span's words (pieces joined by " "),
    /// paragraph count, and whether its opening mark was missing or its closing one never came.
    struct SpanSummary: Equatable {
        var text: String
        var paragraphs: Int
        var missingOpening: Bool
        var closed: Bool
    }

    static func spans(_ text: String) -> [SpanSummary] {
        QuoteSource.withSource(text) { source in
            QuoteSpanFinder.spans(in: source).map { span in
                SpanSummary(text: span.segments.map(source.string).joined(separator: " "),
                            paragraphs: span.lastParagraph - span.firstParagraph + 1,
                            missingOpening: span.missingOpening, closed: span.closeMark != nil)
            }
        }
    }

    enum FixtureError: Error {
        case noSeeds
        /// A text expected to hold one quote holds these.
        case notOneQuote(String, [String])
    }
}
