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
        // Without a resolver, a document of a corpus is read through its corpus's entity index:
        // the same quotes and speakers.
        let unresolved = corpus.documents.flatMap { QuoteExtractor.quotes(in: $0) }
        #expect(unresolved == all)
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

/// Quotes with more attribution verbs come from the same index and entity resolver (issue 17).
@Suite struct QuoteQueryTests {
    @Test func extraVerbsKeepTheEntitySpeakers() throws {
        let corpus = try #require(QuoteFixtures.seeds)
        let plain = try corpus.quotes(matching: QuoteQuery())
        let more = try corpus.quotes(matching: QuoteQuery(extraVerbs: ["chirped", "mused"]))
        #expect(more.count >= plain.count)
        var byPlace: [String: Quote] = [:]
        for found in more { byPlace["\(found.quote.document):\(found.quote.range.lowerBound)"] = found.quote }
        var both = 0
        for found in plain {
            guard let other = byPlace["\(found.quote.document):\(found.quote.range.lowerBound)"] else { continue }
            both += 1
            #expect(other.speaker == found.quote.speaker, "\(found.quote.text)")
            #expect(other.speakerKind == found.quote.speakerKind)
        }
        #expect(both == plain.count)
        #expect(plain.filter { $0.quote.speaker != nil }.count >= 20)
        let index = try corpus.quoteIndex(cancellation: .none)
        #expect(index.with(verbs: QuoteQuery(extraVerbs: ["chirped", "mused"]).verbs) === index.with(verbs: QuoteQuery(extraVerbs: ["mused", "chirped"]).verbs))
        #expect(index.with(verbs: .news) === index)
    }

    @Test func theQueryFiltersOnce() throws {
        let corpus = try #require(QuoteFixtures.seeds)
        let all = try corpus.quotes(matching: QuoteQuery())
        let full = try corpus.quotes(matching: QuoteQuery(partial: false))
        #expect(full.allSatisfy { !$0.quote.partial })
        #expect(full.count == all.filter { !$0.quote.partial }.count)
        let said = try corpus.quotes(matching: QuoteQuery(verb: "SAID"))
        #expect(!said.isEmpty && said.allSatisfy { $0.quote.verb == "said" })
        let persons = try corpus.quotes(matching: QuoteQuery(speakerKind: .person))
        #expect(persons.allSatisfy { $0.quote.speakerKind == .person })
        #expect(all.allSatisfy { $0.document.index == $0.quote.document })
    }
}
