import Foundation
import Testing
@testable import Corpus

/// Long analyses stop when their cancellation token says so, throw the reason, and leave no
/// half-built result behind; results that grow with the input are measured against the budget.
@Suite struct WorkLimitTests {
    /// A token that has already stopped.
    static func interrupted() -> Cancellation {
        let token = Cancellation()
        token.interrupt()
        return token
    }

    /// The seeds, many times over, as one corpus (a few hundred documents).
    static func copies(_ n: Int) throws -> Corpus {
        let seeds = try SearchFixtures.seeds()
        var texts: [(id: String, text: String)] = []
        for c in 0..<n {
            for doc in seeds.documents { texts.append((id: "\(doc.id)-\(c)", text: (doc.title ?? "Title") + "\n\n" + doc.text)) }
        }
        return CorpusLoader.corpus(texts: texts)
    }

    // MARK: - Search

    @Test func aQueryOfTooManyTermsIsRefusedAtOnce() throws {
        let corpus = try SearchFixtures.seeds()
        let huge = String(repeating: "c* ", count: 100_000)
        do {
            _ = try Search.search(corpus, huge)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .tooManyTerms)
            #expect(error.description == "query: too many terms at 30001 (at most 10000 terms, phrases and prefixes)")
        }
        // At the limit it is a query like any other.
        _ = try Search.search(corpus, Array(repeating: "china", count: QueryParser.maxTerms).joined(separator: " "))
    }

    @Test func prefixesThatStandForTooManyTermsAreRefused() throws {
        let corpus = try SearchFixtures.seeds()
        let stems = corpus.index.lexicon.ids(withPrefix: "s").count
        let repeats = QueryPlan.totalExpansionLimit / min(stems, QueryPlan.prefixExpansionLimit) + 1
        let query = String(repeating: "s* ", count: repeats)
        #expect(throws: QueryError(.expandsTooFar(repeats * min(stems, QueryPlan.prefixExpansionLimit)), at: 0)) {
            try Search.search(corpus, query)
        }
        #expect(throws: QueryError.self) { try Search.kwic(corpus, query) }
        #expect(throws: QueryError.self) { try Search.documents(corpus, query) }
    }

    @Test func repeatedLeavesAreListedOnceInTheirFirstOrder() throws {
        let query = try Query.parse("china OR \"spy balloon\" OR china OR bal* OR \"spy balloon\" OR (china AND bal*)")
        #expect(query.expression.positiveLeaves == [.term("china"), .phrase(["spy", "balloon"]), .prefix("bal")])
    }

    @Test func searchKwicAndDocumentsStop() throws {
        let corpus = try SearchFixtures.seeds()
        let token = Self.interrupted()
        for call in [{ _ = try Search.search(corpus, "china OR the", cancellation: token) },
                     { _ = try Search.kwic(corpus, "the", cancellation: token) },
                     { _ = try Search.documents(corpus, "the OR a", cancellation: token) }] as [() throws -> Void] {
            #expect(throws: QueryError(.stopped(.interrupted), at: 0)) { try call() }
        }
        #expect(QueryError(.stopped(.timeLimit(seconds: 2)), at: 0).description == "time limit of 2 s exceeded")
    }

    @Test func aConcordanceIsMeasuredAgainstTheBudget() throws {
        let corpus = try Self.copies(20)
        let token = Cancellation(byteBudget: 64 * 1024)
        #expect(throws: QueryError.self) { try Search.kwic(corpus, "the", cancellation: token) }
        #expect(try Search.kwic(corpus, "the", limit: 10, cancellation: token).count == 10)
    }

    // MARK: - Statistics

    @Test func ngramsStopAndAreMeasured() throws {
        let corpus = try Self.copies(4)
        #expect(throws: StatisticsError.stopped(.interrupted)) {
            try corpus.ngrams(3, min: 1, stopwords: nil, top: nil, cancellation: Self.interrupted())
        }
        // A budget far below what the table takes: refused with the size it would need.
        do {
            _ = try corpus.ngrams(8, min: 1, stopwords: nil, top: nil, cancellation: Cancellation(byteBudget: 100_000))
            Issue.record("expected a memory refusal")
        } catch {
            guard case .stopped(.memory(let limit, let needed, let what)) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(limit == 100_000 && needed > limit && what == "the n-gram table")
            #expect(error.description.hasPrefix("memory limit of 97.7 KB exceeded: the n-gram table would need more than"))
        }
        // A budget that holds it: the same rows as with no token.
        let plain = try corpus.ngrams(3, min: 1, stopwords: nil, top: nil)
        let measured = try corpus.ngrams(3, min: 1, stopwords: nil, top: nil, cancellation: Cancellation(byteBudget: 1 << 30))
        #expect(plain == measured)
    }

    @Test func collocationsStop() throws {
        let corpus = try Self.copies(2)
        #expect(throws: StatisticsError.stopped(.interrupted)) {
            try corpus.collocations(of: "the", cancellation: Self.interrupted())
        }
    }

    // MARK: - Cached analyses

    @Test func aStoppedEntityIndexIsNotKept() throws {
        let corpus = try SearchFixtures.seeds()
        #expect(throws: WorkLimit.interrupted) { try corpus.entityIndex(cancellation: Self.interrupted()) }
        #expect(corpus.annotations.peek("entities.index", as: EntityIndex.self) == nil)
        // The next call builds it, in full.
        let built = try corpus.entityIndex(cancellation: Cancellation())
        let fresh = EntityIndex.build(documents: try SearchFixtures.seeds().documents)
        #expect(built.entities.map(\.name) == fresh.entities.map(\.name))
        #expect(corpus.entityIndex === built)
    }

    @Test func aPassedDeadlineStopsTheEntityIndex() throws {
        let corpus = try Self.copies(30)
        let token = Cancellation(timeout: 0.001)
        Thread.sleep(forTimeInterval: 0.01)
        #expect(throws: WorkLimit.timeLimit(seconds: 0.001)) { try corpus.entityIndex(cancellation: token) }
        #expect(corpus.annotations.peek("entities.index", as: EntityIndex.self) == nil)
    }

    @Test func stoppedQuotesAndDatesAreNotKept() throws {
        let corpus = try SearchFixtures.seeds()
        #expect(throws: WorkLimit.interrupted) { try corpus.quotes(cancellation: Self.interrupted()) }
        #expect(corpus.annotations.peek(String(reflecting: QuoteIndex.self), as: QuoteIndex.self) == nil)
        #expect(throws: WorkLimit.interrupted) { try corpus.dates(cancellation: Self.interrupted()) }
        #expect(corpus.annotations.peek(String(reflecting: CorpusDates.self), as: CorpusDates.self) == nil)
        // Quotes found for some documents before a stop are kept per document, whole; the
        // next call finds the rest and gives what a fresh corpus gives.
        let index = corpus.quoteIndex
        #expect(throws: WorkLimit.interrupted) { try index.quotes(in: corpus.documents, cancellation: Self.interrupted()) }
        let fresh = try SearchFixtures.seeds()
        #expect(corpus.quotes().map(\.text) == fresh.quotes().map(\.text))
        #expect(corpus.dates.documents.map(\.mentions) == fresh.dates.documents.map(\.mentions))
    }

    @Test func comparisonsStop() throws {
        let corpus = try SearchFixtures.seeds()
        let token = Self.interrupted()
        #expect(throws: WorkLimit.interrupted) { try ClaimFinder.claims(in: corpus, cancellation: token) }
        #expect(throws: WorkLimit.interrupted) { try DuplicateFinder.duplicates(in: corpus, cancellation: token) }
        #expect(throws: WorkLimit.interrupted) { try ConflictFinder.conflicts(in: [], cancellation: token) }
        #expect(throws: WorkLimit.interrupted) {
            try DateExtractor.mentions(in: "On June 18, 2023, they met.", anchor: nil, cancellation: token)
        }
        #expect(throws: WorkLimit.interrupted) { try QuoteExtractor.quotes(in: "“Yes,” she said.", cancellation: token) }
    }

    @Test func nearDuplicateCandidatesAreMeasured() throws {
        // Forty copies of one text: every pair is a candidate in every band.
        let text = try SearchFixtures.seeds().documents[0].text
        let corpus = CorpusLoader.corpus(texts: (0..<40).map { (id: "copy\($0)", text: "Title\n\n" + text) })
        do {
            _ = try DuplicateFinder.duplicates(in: corpus, cancellation: Cancellation(byteBudget: 4096))
            Issue.record("expected a memory refusal")
        } catch {
            guard case .memory(_, _, let what) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(what == "the candidate pairs of near-duplicates")
        }
        #expect(try DuplicateFinder.duplicates(in: corpus, cancellation: Cancellation(byteBudget: 1 << 30)).count == 40 * 39 / 2)
    }
}
