import Foundation
import Synchronization
import Testing
@testable import Corpus

/// What searches keep from one query to the next (`SearchCache`: parsed queries, term blocks,
/// prefix expansions) must never change a result: a warm cache ranks exactly as a cold one
/// (same documents, same scores to the last bit), also after the ranking statistics change
/// (`CorpusIndex.setRanking`, a part of a split corpus), for sub-corpora sharing the index, and
/// past the cache's bounds.
@Suite struct SearchCacheTests {
    typealias D = SearchDisjunctionTests

    static let queries = ["the OR of", "\(D.words[3]) OR \(D.words[40])", "\(D.words[200]) OR \(D.words[201]) OR \(D.words[5])",
                          "\(D.words[7]) AND \(D.words[9])", "\(D.words[12]) -\(D.words[2])", "\(D.words[30]) OR \(String(D.words[1].prefix(2)))*",
                          String(D.words[1].prefix(2)) + "*", "\"\(D.words[0]) \(D.words[1])\" OR \(D.words[60])", D.words[25]]

    /// Every query's top 10 and top 1000 on `corpus`, searched by their text (as the Lua
    /// binding does: the parsed query comes from the cache).
    static func results(_ corpus: Corpus) throws -> [[D.Pair]] {
        try queries.flatMap { q in [try ranked(corpus, q, limit: 10), try ranked(corpus, q, limit: 1000)] }
    }

    static func ranked(_ corpus: Corpus, _ query: String, limit: Int) throws -> [D.Pair] {
        try Search.search(corpus, query, limit: limit, snippets: false).map { D.Pair(document: $0.document.index, score: $0.score) }
    }

    /// Statistics of a made-up whole corpus this one would be a part of.
    static func whole(_ index: CorpusIndex) -> RankingStatistics {
        RankingStatistics(index: index, documentCount: index.documentCount * 7 + 11, averageLength: index.averageLength * 1.7,
                          documentFrequency: { term in term.count % 3 == 0 ? nil : 5 * term.count + 20 })
    }

    @Test func warmCacheRanksAsColdAndAsExhaustive() throws {
        let warm = try D.generated(3000, segmentSize: 700)
        let first = try Self.results(warm)
        let counts = warm.index.searchCache.counts
        #expect(counts.queries == Self.queries.count)
        #expect(counts.blocks > 5)
        #expect(counts.expansions == 1)
        // Asked again: everything from the cache, the same results.
        #expect(try Self.results(warm) == first)
        #expect(warm.index.searchCache.counts.queries == Self.queries.count)
        // A corpus loaded afresh (nothing cached) gives the same, and so does scoring every match.
        let cold = try D.generated(3000, segmentSize: 700)
        for (i, q) in Self.queries.enumerated() {
            #expect(try D.pruned(cold, try Query.parse(q), limit: 1000) == first[2 * i + 1], "\(q)")
            #expect(try D.exhaustive(cold, try Query.parse(q), limit: 1000) == first[2 * i + 1], "\(q)")
        }
    }

    @Test func newRankingStatisticsDropTheTermBlocks() throws {
        let corpus = try D.generated(3000, segmentSize: 700)
        let own = try Self.results(corpus)
        corpus.index.setRanking(Self.whole(corpus.index))
        let split = try Self.results(corpus)
        #expect(split != own)
        // The same statistics on a corpus that never ranked with its own.
        let fresh = try D.generated(3000, segmentSize: 700)
        fresh.index.setRanking(Self.whole(fresh.index))
        #expect(try Self.results(fresh) == split)
        // Back to its own statistics: its own results again.
        corpus.index.setRanking(nil)
        #expect(try Self.results(corpus) == own)
    }

    @Test func subCorporaShareTheCacheAndKeepTheirDocuments() throws {
        let corpus = try D.generated(3000, segmentSize: 700)
        _ = try Self.results(corpus)
        let odd = corpus.filter { $0.index % 2 == 1 }
        let fresh = try D.generated(3000, segmentSize: 700).filter { $0.index % 2 == 1 }
        let got = try Self.results(odd)
        #expect(got == (try Self.results(fresh)))
        #expect(got.allSatisfy { $0.allSatisfy { $0.document % 2 == 1 } })
    }

    @Test func theCacheStaysBoundedAndParsesErrorsEachTime() throws {
        let corpus = try D.generated(600, segmentSize: 200)
        let words = Array(D.words.prefix(200))
        var want: [String: [D.Pair]] = [:]
        for (i, w) in words.enumerated() {
            let q = "\(w) OR \(words[(i * 7 + 3) % words.count])"
            want[q] = try D.exhaustive(corpus, try Query.parse(q), limit: 10)
        }
        // More distinct queries than the cache keeps, twice over.
        for round in 0..<3 {
            for (i, w) in words.enumerated() {
                for j in 0..<2 {
                    let q = j == 0 ? "\(w) OR \(words[(i * 7 + 3) % words.count])" : "\(w) OR zz\(i)x\(round)"
                    let got = try Self.ranked(corpus, q, limit: 10)
                    if j == 0 { #expect(got == want[q], "\(q)") }
                }
                #expect(corpus.index.searchCache.counts.queries <= SearchCache.defaultQueryCapacity)
            }
        }
        // A query that does not parse is refused every time, never kept.
        for _ in 0..<2 {
            #expect(throws: QueryError.self) { try Search.search(corpus, "(\(words[0]) OR", limit: 10) }
        }
    }

    @Test func termBlocksAndExpansionsStayWithinTheirBounds() throws {
        let corpus = try D.generated(600, segmentSize: 100)
        let index = corpus.index
        let cache = SearchCache(queryCapacity: 4, spanCapacity: 40, idCapacity: 30)
        let ranking = index.ranking
        for round in 0..<2 {
            for word in D.words.prefix(60) {
                guard let id = index.lexicon.id(of: word) else { continue }
                let made = TermBlocks(index: index, term: id, ranking: ranking)
                let got = cache.blocks(term: id, generation: 0) { TermBlocks(index: index, term: id, ranking: ranking) }
                #expect(got.spans.map(\.end) == made.spans.map(\.end) && got.spans.map(\.bound) == made.spans.map(\.bound), "\(word) \(round)")
                #expect(got.idf == made.idf && got.maxBound == made.maxBound)
            }
            for word in D.words.prefix(40) {
                let stem = String(word.prefix(2))
                #expect(cache.expansion(stem) { QueryPlan.expand(stem, in: index) } == QueryPlan.expand(stem, in: index))
            }
            #expect(cache.counts.blocks <= 40 && cache.counts.expansions <= 30)
        }
        // An older generation is never served, and a newer one drops what was kept.
        guard let id = index.lexicon.id(of: D.words[0]) else { return }
        _ = cache.blocks(term: id, generation: 1) { TermBlocks(index: index, term: id, ranking: ranking) }
        var made = false
        _ = cache.blocks(term: id, generation: 0) {
            made = true
            return TermBlocks(index: index, term: id, ranking: ranking)
        }
        #expect(made)
        #expect(cache.counts.blocks == 1)
    }

    /// Rankers lend their storage to the next ones (`SearchCache.takeStorage`): searches on
    /// several threads at once, small and large ORs mixed (storage of every size taken and given
    /// back), rank exactly as one search at a time, and the spare buffers stay bounded.
    @Test func rankerStorageIsReusedAndNeverShared() throws {
        let corpus = try D.generated(3000, segmentSize: 700)
        let alone = try Self.results(corpus)
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { round in
            for _ in 0..<5 {
                let got = try? Self.results(corpus)
                if got != alone { failures.withLock { $0 += 1 } }
            }
            _ = round
        }
        #expect(failures.withLock { $0 } == 0)
        let cache = corpus.index.searchCache
        let taken = cache.takeStorage(bytes: 100)
        #expect(taken.bytes >= 100)
        cache.giveBack(taken)
        // The same buffer comes back for a request it can hold, and a larger request gets a new one.
        let again = cache.takeStorage(bytes: 100)
        #expect(again.pointer == taken.pointer)
        let large = cache.takeStorage(bytes: SearchCache.spareBytes * 2)
        #expect(large.bytes == SearchCache.spareBytes * 2)
        cache.giveBack(again)
        cache.giveBack(large)  // too large to keep: freed
        var held: [(pointer: UnsafeMutableRawPointer, bytes: Int)] = []
        for _ in 0..<(SearchCache.spareLimit + 3) { held.append(cache.takeStorage(bytes: 64)) }
        for buffer in held { cache.giveBack(buffer) }
        #expect(cache.spareCount <= SearchCache.spareLimit)
    }
}
