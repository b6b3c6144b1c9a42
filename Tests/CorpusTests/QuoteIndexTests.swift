import Testing
@testable import Corpus

/// The corpus-level store: computed once, shared with sub-corpora, filtered by speaker.
@Suite struct QuoteIndexTests {
    @Test func theIndexHoldsEveryDocumentsQuotesOnce() throws {
        let corpus = try #require(QuoteFixtures.seeds)
        let all = corpus.quoteIndex.quotes(in: corpus)
        // The corpus index resolves speakers through the entity index.
        let resolver = EntitySpeakerResolver(index: corpus.entityIndex)
        let direct = corpus.documents.flatMap { QuoteExtractor.quotes(in: $0, resolver: resolver) }
        #expect(all == direct)
        // Both resolvers name the same speakers, except that entities use the canonical
        // spelling ("Antony Blinken" where a document wrote "Anthony").
        let heuristic = corpus.documents.flatMap { QuoteExtractor.quotes(in: $0) }
        let resolved = all.map { $0.speaker == nil }
        #expect(resolved == heuristic.map { $0.speaker == nil })
        let names = Set(all.compactMap { $0.speaker.map(\.name) })
        #expect(names.contains("Antony Blinken"))
        #expect(corpus.quoteIndex === corpus.quoteIndex)
        #expect(corpus.quoteIndex.quotes(in: corpus) == all)
    }

    @Test func subCorporaShareTheRootsIndex() throws {
        let corpus = try #require(QuoteFixtures.seeds)
        let sub = corpus.filter { $0.id.hasPrefix("004") }
        #expect(sub.quoteIndex === corpus.quoteIndex)
        let quotes = sub.quotes()
        #expect(!quotes.isEmpty)
        #expect(quotes.allSatisfy { $0.document == (try? corpus.document("004").index) })
    }

    @Test func speakerFilterTakesSurnamesAndPhrases() throws {
        let corpus = try #require(QuoteFixtures.seeds)
        #expect(corpus.quotes(speaker: "Ward").count == 3)
        #expect(corpus.quotes(speaker: "jonathan ward").count == 3)
        #expect(corpus.quotes(speaker: "Ward", includePartial: false).count == 2)
        #expect(corpus.quotes(speaker: "War").isEmpty)
        #expect(corpus.quotes(speaker: "Dujarric").count == 1)
        #expect(corpus.quotes(speaker: "the official").map(\.verb) == ["added"])
        #expect(corpus.quotes(speaker: "").isEmpty)
    }

    @Test func anIndexWithMoreVerbs() {
        let index = QuoteIndex(verbs: .english.adding(["chirped"]))
        #expect(index.verbs.contains("chirped"))
        #expect(index.verbs.contains("said"))
    }

    @Test func annotationCacheKeepsOneValuePerType() {
        final class Box { var n = 0 }
        let cache = AnnotationCache()
        let a = cache.value(Box.self) { Box() }
        a.n = 7
        #expect(cache.value(Box.self) { Box() }.n == 7)
    }
}
