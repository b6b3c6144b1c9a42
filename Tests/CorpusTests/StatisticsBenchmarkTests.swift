import Foundation
import Testing
import Corpus

/// Timings of the statistics on a large corpus; runs only when DOSSIER_STATS_BENCH names a
/// corpus folder (e.g. one built by /work/shared/bench/make-corpus). Build in release to measure:
/// `swift build -c release --build-tests -Xswiftc -enable-testing`, then
/// `DOSSIER_STATS_BENCH=/tmp/bench13k swift test -c release --skip-build --filter StatisticsBenchmark`.
@Suite struct StatisticsBenchmarkTests {
    static let path = ProcessInfo.processInfo.environment["DOSSIER_STATS_BENCH"]

    func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        let elapsed = clock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        print(String(format: "%-44@ %9.1f ms", label as NSString, ms))
        return result
    }

    @Test(.enabled(if: path != nil)) func timings() throws {
        let path = try #require(Self.path)
        let corpus = try time("load") { try CorpusLoader.load(path: path) }
        print("documents \(corpus.count), tokens \(corpus.index.tokenCount), terms \(corpus.index.lexicon.count)")
        let half = time("filter (wiki docs)") { corpus.filter { $0.id.hasPrefix("wiki") } }
        print("sub-corpus: \(half.count) documents")
        for (name, c) in [("root", corpus), ("sub", half)] {
            _ = time("\(name) frequencies top 100") { c.frequencies(top: 100) }
            let all = time("\(name) frequencies all") { c.frequencies(top: nil, stopwords: nil) }
            print("  \(all.count) rows")
            for n in [1, 2, 3, 4, 8] {
                let rows = try time("\(name) ngrams \(n) top 100") { try c.ngrams(n, top: 100) }
                print("  first: \(rows.first.map { "\($0.text) \($0.count)" } ?? "-")")
            }
            _ = try time("\(name) ngrams 2 no stopwords") { try c.ngrams(2, stopwords: nil, top: 100) }
            _ = try time("\(name) ngrams 3 all rows, min 2") { try c.ngrams(3, top: nil).count }
            for node in ["the", "government", "kernel", "blinken"] {
                let rows = try time("\(name) collocations \(node)") { try c.collocations(of: node, top: 100) }
                print("  first: \(rows.first.map { "\($0.term) \($0.score)" } ?? "-")")
            }
        }
        let k = try time("keyness wiki vs rest") { try half.keyness(against: corpus, top: 100) }
        print("  first: \(k.first.map { "\($0.term) \($0.score)" } ?? "-")")
        let small = corpus.filter { $0.index % 1000 == 0 }
        _ = try time("keyness 1/1000 sample vs rest") { try small.keyness(against: corpus, top: 100) }
        let docs = corpus.documents.prefix(1000)
        _ = time("keywords of 1000 documents") { docs.map { $0.keywords() }.count }
    }
}
