import Foundation
import Testing
@testable import Corpus

/// The top k of an OR query (ranked with block-max pruning, `DisjunctionRanker`) must be exactly
/// the top k of scoring every matching document: the same documents, the same scores bit for
/// bit, ties in document order. Checked on the seeds and on a few thousand generated documents
/// whose words (taken from the seeds) follow a Zipf law, so that frequent terms have skip
/// blocks, rare ones short lists, and repeated documents tie.
@Suite struct SearchDisjunctionTests {
    typealias F = SearchFixtures
    typealias Ranked = [Pair]

    struct Pair: Equatable, CustomStringConvertible {
        let document: Int
        let score: Double
        var description: String { "\(document):\(score)" }
    }

    /// What `Search.search` ranks (without snippets).
    static func pruned(_ corpus: Corpus, _ query: Query, limit: Int) throws -> Ranked {
        try Search.search(corpus, query, limit: limit, snippets: false).map { Pair(document: $0.document.index, score: $0.score) }
    }

    static func pruned(_ corpus: Corpus, _ query: String, limit: Int) throws -> Ranked {
        try pruned(corpus, try Query.parse(query), limit: limit)
    }

    /// Every matching document scored by the query's matcher, then sorted (score, then
    /// document): ranking with no pruning at all.
    static func exhaustive(_ corpus: Corpus, _ query: Query, limit: Int) throws -> Ranked {
        let plan = try QueryPlan(corpus: corpus, expression: query.expression, fields: .standard)
        let matcher = plan.matcher(query.expression)
        var all: Ranked = []
        matcher.advance(to: 0)
        while matcher.document != Int.max {
            let d = matcher.document
            all.append(Pair(document: d, score: matcher.score(at: d)))
            matcher.advance(to: d + 1)
        }
        all.sort { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }
        return Array(all.prefix(limit))
    }

    /// Each document's term counts, read from its tokens (not from the postings).
    static func termCounts(_ corpus: Corpus) -> [[UInt32: Int]] {
        corpus.documents.map { document in
            var counts: [UInt32: Int] = [:]
            for id in document.terms.array { counts[id, default: 0] += 1 }
            return counts
        }
    }

    /// BM25 of an OR of words and prefixes written out from the documents' term counts: each
    /// operand's terms summed in the order given, then the operands; every match, best first.
    static func reference(_ corpus: Corpus, _ counts: [[UInt32: Int]], operands: [[String]]) -> Ranked {
        let index = corpus.index
        let groups = operands.map { $0.compactMap { index.lexicon.id(of: $0) } }
        var all: Ranked = []
        for (document, terms) in zip(corpus.documents, counts) {
            let length = Double(index.documentLengths[document.index])
            var total = 0.0
            var matched = false
            for group in groups {
                var partial = 0.0
                for id in group {
                    guard let tf = terms[UInt32(id)] else { continue }
                    matched = true
                    let idf = index.idf(documentFrequency: Int(index.lexicon.documentFrequency[id]))
                    partial += idf * CorpusIndex.termWeight(frequency: tf, length: length, averageLength: index.averageLength)
                }
                total += partial
            }
            if matched { all.append(Pair(document: document.index, score: total)) }
        }
        all.sort { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }
        return all
    }

    /// Checks pruned against exhaustive ranking for each limit.
    static func check(_ corpus: Corpus, _ query: Query, limits: [Int] = [1, 3, 10, 100, 100_000],
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let all = try exhaustive(corpus, query, limit: Int.max)
        for k in limits {
            let got = try pruned(corpus, query, limit: k)
            #expect(got == Array(all.prefix(k)), "\(query.text) top \(k)", sourceLocation: sourceLocation)
        }
    }

    static func check(_ corpus: Corpus, _ query: String, limits: [Int] = [1, 3, 10, 100, 100_000],
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        try check(corpus, try Query.parse(query), limits: limits, sourceLocation: sourceLocation)
    }

    // MARK: The generated corpus

    /// The seeds' words (most frequent first) and 3,000 documents made of them, made once.
    static let words: [String] = (try? vocabulary()) ?? []
    static let texts: [String] = generate(3000, words: words)

    /// A corpus of the first `count` generated documents, loaded from files in segments of
    /// `size` files (ranking needs nothing from the files once loaded).
    static func generated(_ count: Int, segmentSize size: Int) throws -> Corpus {
        let files = try Self.folder(Array(texts.prefix(count)))
        return try CorpusLoader.load(path: files.url.path, segmentSize: size)
    }

    /// The seeds' words, most frequent first.
    static func vocabulary() throws -> [String] {
        var counts: [String: Int] = [:]
        let files = try FileManager.default.contentsOfDirectory(atPath: F.seedsPath).filter { $0.hasSuffix(".txt") }
        for file in files {
            let text = try String(contentsOfFile: F.seedsPath + "/" + file, encoding: .utf8)
            for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) where word.count > 1 {
                counts[String(word), default: 0] += 1
            }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }

    /// `count` documents of 5–400 words drawn from `words` by a Zipf law (seeded, so every run
    /// sees the same corpus); every 37th document repeats an earlier one (exact ties).
    static func generate(_ count: Int, words: [String]) -> [String] {
        var rng = SplitMix(seed: 15)
        // Zipf weights 1/rank; a table of cumulative weights to draw from.
        var cumulative: [Double] = []
        var sum = 0.0
        for rank in 1...words.count {
            sum += 1 / Double(rank)
            cumulative.append(sum)
        }
        var texts: [String] = []
        for i in 0..<count {
            if i % 37 == 36 {
                texts.append(texts[Int(rng.next() % UInt64(i))])
                continue
            }
            let length = 5 + Int(rng.next() % 396)
            var text: [String] = []
            for _ in 0..<length {
                let x = rng.unit() * sum
                var lo = 0, hi = cumulative.count - 1
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if cumulative[mid] < x { lo = mid + 1 } else { hi = mid }
                }
                text.append(words[lo])
            }
            texts.append(text.joined(separator: " ") + ".")
        }
        return texts
    }

    /// A folder of `texts`, one file each with a title line.
    static func folder(_ texts: [String]) throws -> SearchTemporaryFolder {
        let folder = try SearchTemporaryFolder()
        for (i, text) in texts.enumerated() {
            try folder.write(String(format: "%05d.txt", i), "Story \(i)\n\n" + text + "\n")
        }
        return folder
    }

    // MARK: Tests

    @Test func flatDisjunctionsEqualBM25WrittenOut() throws {
        let words = Self.words
        #expect(words.count > 500)
        // Frequent with frequent, frequent with rare, several, rank 0 ("the") with others.
        let picks: [[String]] = [
            [words[0], words[1]], [words[2], words[300]], [words[400], words[5], words[60]],
            [words[10], words[11], words[12], words[13], words[14], words[15]],
            [words[0], words[450], words[451], words[452]], [words[200], words[201]],
            [words[3], words[3]], [words[7], "zzyzxnotaword", words[90]],
        ]
        // One segment; many small ones (short lists, gaps between them).
        for size in [4096, 160] {
            let corpus = try Self.generated(3000, segmentSize: size)
            #expect(corpus.count == 3000)
            let counts = Self.termCounts(corpus)
            for pick in picks {
                let query = pick.joined(separator: " OR ")
                let want = Self.reference(corpus, counts, operands: pick.map { [$0] })
                #expect(want == (try Self.exhaustive(corpus, try Query.parse(query), limit: Int.max)), "\(query)")
                for k in [1, 10, 50, 5000] {
                    #expect(try Self.pruned(corpus, query, limit: k) == Array(want.prefix(k)), "\(query) top \(k), segments of \(size)")
                }
            }
            // A prefix alone and in an OR: its terms count as one operand.
            let stem = String(words[1].prefix(2))
            let expanded = corpus.index.lexicon.ids(withPrefix: stem).map { corpus.index.lexicon.term($0) }
            #expect(expanded.count > 1)
            let alone = Self.reference(corpus, counts, operands: [expanded])
            let mixed = Self.reference(corpus, counts, operands: [[words[40]], expanded])
            for k in [1, 10, 1000] {
                #expect(try Self.pruned(corpus, stem + "*", limit: k) == Array(alone.prefix(k)))
                #expect(try Self.pruned(corpus, "\(words[40]) OR \(stem)*", limit: k) == Array(mixed.prefix(k)))
            }
        }
    }

    /// 2- to 8-word ORs from several frequency bands (stopword-heavy ones included), alone and
    /// with AND/NOT operands, k = 1, 10, 100: once the k-th score passes what the other words
    /// can add, a word becomes required and leads (only its documents are candidates), which
    /// must not change the ranking. Checked where the ranker does lead.
    @Test func requiredWordsLeadWithoutChangingTheRanking() throws {
        let words = Self.words
        for size in [4096, 160] {
            let corpus = try Self.generated(3000, segmentSize: size)
            var led = 0
            for width in 2...8 {
                for band in [0, 3, 25, 90, 240] {
                    let pick = (0..<width).map { words[min(words.count - 1, band + $0 * (band / 4 + 1))] }
                    let query = try Query.parse(pick.joined(separator: " OR "))
                    let all = try Self.exhaustive(corpus, query, limit: Int.max)
                    for k in [1, 10, 100] {
                        let plan = try QueryPlan(corpus: corpus, expression: query.expression, fields: .standard)
                        let ranker = try #require(plan.disjunction(query.expression))
                        let got = try ranker.top(k, accept: nil, cancellation: .none).map { Pair(document: $0.document, score: $0.score) }
                        #expect(got == Array(all.prefix(k)), "\(query.text) top \(k), segments of \(size)")
                        #expect(try Self.pruned(corpus, query, limit: k) == Array(all.prefix(k)), "\(query.text) top \(k)")
                        led += ranker.windowsLed
                    }
                }
            }
            #expect(led > 0, "no window was led by a required word (segments of \(size))")
            // AND, NOT and phrases next to words in the OR, and NOTs and ANDs around it.
            let (a, b, c, d) = (words[1], words[6], words[40], words[150])
            for q in ["\(a) OR \(b) OR (\(c) -\(d))", "\(a) OR \(b) OR (\(c) AND \(d))", "(\(a) OR \(b) OR \(c)) -\(d)",
                      "\(b) OR \"\(a) \(b)\" OR \(c)", "(\(a) OR \(c)) AND (\(b) OR \(d))", "\(words[0]) OR \(a) OR \(b) OR -\(c)"] {
                try Self.check(corpus, q, limits: [1, 10, 100])
            }
        }
    }

    @Test func tiesKeepDocumentOrderAtTheCut() throws {
        let words = Self.words
        let corpus = try Self.generated(2000, segmentSize: 300)
        // Repeated documents score the same: find a k that cuts through a run of equal scores.
        let query = "\(words[20]) OR \(words[21]) OR \(words[22])"
        let all = try Self.exhaustive(corpus, try Query.parse(query), limit: 100_000)
        let cut = try #require(all.indices.dropFirst().first { all[$0].score == all[$0 - 1].score })
        for k in [cut, cut + 1] {
            #expect(try Self.pruned(corpus, query, limit: k) == Array(all.prefix(k)))
        }
    }

    @Test func nestedDisjunctionsAndOtherOperands() throws {
        let words = Self.words
        let corpus = try Self.generated(2500, segmentSize: 500)
        let (a, b, c, d, r) = (words[4], words[9], words[30], words[120], words[350])
        let queries = [
            // ORs inside AND and NOT (ranked without the disjunction ranker, by the union matcher).
            "(\(a) OR \(r)) AND \(c)", "(\(a) OR \(b)) -\(c)", "\(d) -(\(b) OR \(c))", "(\(a) OR \(b)) (\(c) OR \(d))",
            // ANDs, NOTs and phrases inside an OR (operands bounded by their best score).
            "\(a) OR (\(b) AND \(c))", "\"\(a) \(b)\" OR \(r)", "\"\(a) \(b)\" OR \"\(b) \(a)\" OR \(d)",
            "\(r) OR (\(c) -\(a))", "\(r) OR -\(a)", "(\(a) OR (\(b) OR (\(c) OR \(r))))",
            // Field restrictions inside and around an OR.
            "title:story OR \(r)", "(\(a) OR \(r)) title:story", "\(c) OR (\(r) title:story)", "\(r) OR -title:story",
        ]
        for q in queries { try Self.check(corpus, q) }
        // A sub-corpus: only its documents, statistics of the whole index.
        let sub = corpus.filter { $0.index % 3 != 1 }
        for q in ["\(a) OR \(b)", "\(r) OR \(d) OR \(c)", "\(a)* OR \(r)"] { try Self.check(sub, q) }
    }

    @Test func degenerateDisjunctions() throws {
        let words = Self.words
        let corpus = try Self.generated(1500, segmentSize: 400)
        // One-term ORs (the parser never writes one; a program building queries may).
        try Self.check(corpus, Query(text: "one", expression: .or([.term(words[2])])))
        try Self.check(corpus, Query(text: "one prefix", expression: .or([.prefix(String(words[2].prefix(3)))])))
        // Nothing to find: missing words, an empty OR, a prefix matching nothing.
        #expect(try Self.pruned(corpus, "zzyzxa OR zzyzxb", limit: 10).isEmpty)
        #expect(try Self.pruned(corpus, Query(text: "empty", expression: .or([])), limit: 10).isEmpty)
        #expect(try Self.pruned(corpus, "zzyzx*", limit: 10).isEmpty)
        try Self.check(corpus, Query(text: "empties", expression: .or([.term(""), .term(words[6]), .prefix("")])))
        // k far beyond the matches: every match, ranked.
        let rare = "\(words[500]) OR \(words[501])"
        let all = try Self.pruned(corpus, rare, limit: 1_000_000)
        #expect(all == (try Self.exhaustive(corpus, try Query.parse(rare), limit: 1_000_000)))
        #expect(all.count == Set(all.map(\.document)).count && all.count < 1500)
    }

    @Test func seeds() throws {
        let corpus = try F.seeds()
        for q in ["balloon OR china", "said OR the OR of", "spy* OR president", "\"white house\" OR balloon -china",
                  "(balloon OR spy) AND china", "china OR title:balloon"] {
            try Self.check(corpus, q)
        }
        let want = Self.reference(corpus, Self.termCounts(corpus), operands: [["balloon"], ["china"]])
        #expect(want.count > 1)
        #expect(try Self.pruned(corpus, "balloon OR china", limit: 10) == Array(want.prefix(10)))
    }

    @Test func aStoppedDisjunctionThrows() throws {
        let words = Self.words
        let corpus = try Self.generated(1500, segmentSize: 400)
        // Lets the check before ranking pass, then stops: the stop comes from inside the ranking
        // (which checks every 256 candidates; a top 1,000 has more than that).
        final class Countdown: @unchecked Sendable {
            let lock = NSLock()
            var left = 1
            func poll() -> WorkLimit? {
                lock.lock()
                defer { lock.unlock() }
                left -= 1
                return left < 0 ? .interrupted : nil
            }
        }
        let countdown = Countdown()
        let token = Cancellation(poll: { countdown.poll() }, byteBudget: { nil })
        let query = (0..<8).map { words[$0] }.joined(separator: " OR ")
        do {
            _ = try Search.search(corpus, query, limit: 1000, snippets: false, cancellation: token)
            Issue.record("a search stopped while ranking returned")
        } catch {
            #expect(error.kind == .stopped(.interrupted))
        }
        #expect(countdown.left < 0)
        do {
            _ = try Search.search(corpus, query, limit: 10, snippets: false, cancellation: Cancellation(poll: { .interrupted }, byteBudget: { nil }))
            Issue.record("an interrupted search returned")
        } catch {
            #expect(error.kind == .stopped(.interrupted))
        }
        // An untouched token ranks as usual.
        #expect(try Search.search(corpus, query, limit: 10, snippets: false, cancellation: Cancellation()).count == 10)
    }
}
