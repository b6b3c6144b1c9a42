import Foundation
import Testing
@testable import Corpus

/// Timings of the statistics on a large corpus; runs only when DOSSIER_STATS_BENCH names a
/// corpus folder (e.g. one built by /work/shared/bench/make-corpus). Build in release to measure:
/// `swift build -c release --build-tests -Xswiftc -enable-testing`, then
/// `DOSSIER_STATS_BENCH=/tmp/bench13k swift test -c release --skip-build --filter StatisticsBenchmark`.
/// Each timing is the best of `DOSSIER_STATS_BENCH_RUNS` runs (default 3).
@Suite struct StatisticsBenchmarkTests {
    static let environment = ProcessInfo.processInfo.environment
    static let path = environment["DOSSIER_STATS_BENCH"]
    static let runs = Int(environment["DOSSIER_STATS_BENCH_RUNS"] ?? "") ?? 3

    @discardableResult
    func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        var best = Double.infinity
        var result: T?
        for _ in 0..<Self.runs {
            let start = clock.now
            result = try body()
            let elapsed = clock.now - start
            best = min(best, Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        }
        print(String(format: "%-46@ %9.1f ms", label as NSString, best))
        return try result ?? body()
    }

    @Test(.enabled(if: path != nil)) func timings() throws {
        let path = try #require(Self.path)
        let clock = ContinuousClock()
        let loadStart = clock.now
        let corpus = try CorpusLoader.load(path: path)
        print("load \(clock.now - loadStart)")
        let lexicon = corpus.index.lexicon
        print("documents \(corpus.count), tokens \(corpus.index.tokenCount), terms \(lexicon.count)")
        if Self.environment["DOSSIER_STATS_BENCH_PARTS"] != nil {
            for parts in [1, 2, 1, 2] {
                time("bigrams, \(parts) part(s), no stopwords") {
                    NGramCounter.count(corpus.documents, length: 2, lexicon: lexicon, stopwords: nil,
                                       as: PackedGramTable<OneWordGramKey>.self, parts: parts).count
                }
                time("4-grams, \(parts) part(s), no stopwords, wide table") {
                    NGramCounter.count(corpus.documents, length: 4, lexicon: lexicon, stopwords: nil,
                                       as: PackedGramTable<TwoWordGramKey>.self, parts: parts).count
                }
                time("4-grams, \(parts) part(s), no stopwords, sequence table") {
                    NGramCounter.count(corpus.documents, length: 4, lexicon: lexicon, stopwords: nil,
                                       as: SequenceGramTable.self, parts: parts).count
                }
            }
            return
        }
        let sub = corpus.filter { $0.id.hasPrefix("wiki") }
        print("sub-corpus (wiki documents): \(sub.count) documents")
        for (name, c) in [("corpus", corpus), ("sub", sub)] {
            time("\(name) frequencies top 100") { c.frequencies(top: 100) }
            let all = time("\(name) frequencies all (no stopwords)") { c.frequencies(top: nil, stopwords: nil) }
            print("  \(all.count) rows")
            for n in [1, 2, 3, 4, 8] {
                let rows = try time("\(name) ngrams \(n) top 100") { try c.ngrams(n, top: 100) }
                print("  first: \(rows.first.map { "\($0.text) \($0.count)" } ?? "-")")
            }
            try time("\(name) ngrams 2 top 100, no stopwords") { try c.ngrams(2, stopwords: nil, top: 100) }
            let rows = try time("\(name) ngrams 3, every row with min 2") { try c.ngrams(3, top: nil).count }
            print("  \(rows) rows")
            for node in ["the", "government", "kernel"] {
                let rows = try time("\(name) collocations \(node)") { try c.collocations(of: node, top: 100) }
                print("  first: \(rows.first.map { "\($0.term) \($0.score)" } ?? "-")")
            }
        }
        let k = try time("keyness wiki sub-corpus vs rest") { try sub.keyness(against: corpus, top: 100) }
        print("  first: \(k.first.map { "\($0.term) \($0.score)" } ?? "-")")
        let small = corpus.filter { $0.index % 1000 == 0 }
        try time("keyness 1/1000 sample vs rest") { try small.keyness(against: corpus, top: 100) }
        let docs = corpus.documents.prefix(1000)
        time("keywords of 1000 documents") { docs.map { $0.keywords() }.count }
    }
}
