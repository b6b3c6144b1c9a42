import Foundation
import Testing
@testable import Corpus

/// The 2×2 measures on hand-computed tables, and `Corpus.collocations`.
@Suite struct StatisticsCollocationTests {
    /// Table [10, 90; 40, 9860]: n = 10,000, r1 = 100, c1 = 50, so e11 = 100·50/10,000 = 0.5,
    /// e12 = 99.5, e21 = 49.5, e22 = 9,850.5.
    /// G² = 2·(10·ln 20 + 90·ln(90/99.5) + 40·ln(40/49.5) + 9,860·ln(9,860/9,850.5))
    ///    = 2·(29.9573 − 9.0308 − 8.5242 + 9.5046) = 43.8137.
    /// PMI = log2(10/0.5) = log2 20 = 4.3219. t = (10 − 0.5)/√10 = 3.0042.
    @Test func handComputedTable() {
        let table = ContingencyTable(10, 90, 40, 9860)
        #expect(table.n == 10_000 && table.e11 == 0.5)
        #expect(abs(table.logLikelihood - 43.8137) < 1e-3)
        #expect(table.signedLogLikelihood == table.logLikelihood)
        #expect(abs(AssociationMeasure.pmi.score(observed: 10, expected: 0.5, table: table) - 4.3219) < 1e-4)
        #expect(abs(AssociationMeasure.t.score(observed: 10, expected: 0.5, table: table) - 3.0042) < 1e-4)
        #expect(AssociationMeasure.llr.score(observed: 10, expected: 0.5, table: table) == table.signedLogLikelihood)
    }

    /// Fewer together than chance: the sign turns negative. [1, 99; 99, 9801] has e11 = 1 → G² = 0;
    /// [0, 100; 100, 9800] has e11 = 1, o11 = 0 → negative.
    @Test func repulsionIsNegative() {
        #expect(abs(ContingencyTable(1, 99, 99, 9801).logLikelihood) < 1e-9)
        let apart = ContingencyTable(0, 100, 100, 9800)
        #expect(apart.signedLogLikelihood < 0)
        #expect(ContingencyTable(0, 0, 0, 0).logLikelihood == 0)
        #expect(ContingencyTable(-3, 1, 1, 1).o11 == 0)
    }

    /// Tokens: [alpha beta gamma .] [alpha delta , beta .]; f(alpha) = 2, f(beta) = 2, N = 6
    /// word tokens. Window 2: alpha(1) sees beta, gamma; alpha(2) sees delta and beta (the comma
    /// takes no place). Window 1: beta once, delta once.
    @Test func windowsByHand() throws {
        let corpus = StatisticsFixtures.corpus(["Alpha beta gamma. Alpha delta, beta."])
        let two = try corpus.collocations(of: "alpha", window: 2, measure: .pmi, min: 1, stopwords: nil, top: nil)
        let byTerm = Dictionary(uniqueKeysWithValues: two.map { ($0.term, $0) })
        #expect(byTerm["beta"]?.count == 2 && byTerm["gamma"]?.count == 1 && byTerm["delta"]?.count == 1)
        #expect(byTerm["alpha"] == nil && byTerm["."] == nil && byTerm[","] == nil)
        // E(beta) = f(alpha)·f(beta)·span/N = 2·2·4/6 = 2.6667; PMI = log2(2/2.6667) = log2 0.75 = −0.4150.
        let beta = try #require(byTerm["beta"])
        #expect(abs(beta.expected - 8.0 / 3.0) < 1e-9)
        #expect(abs(beta.score - (-0.4150)) < 1e-4)
        #expect(beta.frequency == 2)
        // t = (2 − 2.6667)/√2 = −0.4714.
        let t = try corpus.collocations(of: "alpha", window: 2, measure: .t, min: 1, stopwords: nil, top: nil)
        #expect(abs((t.first { $0.term == "beta" }?.score ?? 0) - (-0.4714)) < 1e-4)
        let one = try corpus.collocations(of: "Alpha", window: 1, min: 1, stopwords: nil, top: nil)
        #expect(Set(one.map(\.term)) == ["beta", "delta"])
        #expect(one.allSatisfy { $0.count == 1 })
        // A sentence end stops the window: gamma is never next to the second alpha.
        let three = try corpus.collocations(of: "gamma", window: 3, min: 1, stopwords: nil, top: nil)
        #expect(Set(three.map(\.term)) == ["alpha", "beta"])
    }

    /// "zebra" is always next to "crossing" in a corpus of filler sentences.
    @Test func plantedPairRanksFirst() throws {
        let filler = ["river", "market", "window", "teacher", "garden", "engine", "letter", "bridge", "summer",
                      "yellow", "quiet", "people", "morning", "station", "paper", "coffee", "report", "island"]
        var state: UInt64 = 12345
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var texts: [String] = []
        for d in 0..<40 {
            var sentences: [String] = []
            for s in 0..<6 {
                var words = (0..<12).map { _ in filler[next(filler.count)] }
                if d % 3 == 0 && s % 2 == 0 { words.insert(contentsOf: ["zebra", "crossing"], at: next(10)) }
                if d % 5 == 0 && s == 1 { words.insert("zebra", at: next(10)) }
                sentences.append(words.joined(separator: " ").capitalized + ".")
            }
            texts.append(sentences.joined(separator: " "))
        }
        let corpus = StatisticsFixtures.corpus(texts)
        for measure in AssociationMeasure.allCases {
            let rows = try corpus.collocations(of: "zebra", measure: measure, stopwords: nil, top: 5)
            #expect(rows.first?.term == "crossing", "\(measure): \(rows.map(\.term))")
            #expect((rows.first?.score ?? 0) > 0)
        }
        let crossing = try corpus.collocations(of: "crossing", stopwords: nil, top: 1)
        #expect(crossing.first?.term == "zebra")
        // O: each planted pair once (42 pairs: 14 documents × 3 sentences).
        let zebra = try corpus.collocations(of: "zebra", window: 1, stopwords: nil, top: nil)
        #expect(zebra.first { $0.term == "crossing" }?.count == 14 * 3)
    }

    @Test func seedsNodeNeighbours() throws {
        let corpus = try StatisticsFixtures.seeds()
        let rows = try corpus.collocations(of: "Blinken", top: 10)
        #expect(rows.contains { $0.term == "antony" })
        #expect(!rows.contains { $0.term == "blinken" || Stopwords.english.contains($0.term) })
        #expect(rows.allSatisfy { $0.count >= 2 })
        for (a, b) in zip(rows, rows.dropFirst()) { #expect(a.score >= b.score) }
        // Counts checked by brute force over the text: "antony" right before "blinken".
        var antony = 0
        for doc in corpus.documents {
            for sentence in StatisticsFixtures.sentences(doc.text) {
                let words = sentence.filter { $0.kind != .punct }.map(\.norm)
                for (i, w) in words.enumerated() where w == "blinken" {
                    antony += words[max(0, i - 5)..<i].filter { $0 == "antony" }.count
                    antony += words[(i + 1)..<min(words.count, i + 6)].filter { $0 == "antony" }.count
                }
            }
        }
        #expect(rows.first { $0.term == "antony" }?.count == antony)
    }

    @Test func subCorpusChangesCollocates() throws {
        let corpus = try StatisticsFixtures.seeds()
        let first = try #require(corpus.documents.first)
        let one = corpus.filter { $0 === first }
        let all = try corpus.collocations(of: "Blinken", min: 1, top: nil)
        let sub = try one.collocations(of: "Blinken", min: 1, top: nil)
        #expect(!sub.isEmpty && sub.count < all.count)
        // Counts in the sub-corpus never exceed the corpus's.
        let allCounts = Dictionary(uniqueKeysWithValues: all.map { ($0.term, $0.count) })
        #expect(sub.allSatisfy { $0.count <= (allCounts[$0.term] ?? 0) })
        let none = corpus.filter { _ in false }
        #expect(try none.collocations(of: "Blinken").isEmpty)
    }

    @Test func oddNodes() throws {
        let corpus = try StatisticsFixtures.seeds()
        #expect(try corpus.collocations(of: "xylophonist").isEmpty)
        #expect(throws: StatisticsError.nodeIsNotOneToken("foreign minister", tokens: 2)) {
            try corpus.collocations(of: "foreign minister")
        }
        #expect(throws: StatisticsError.nodeIsNotOneToken("", tokens: 0)) { try corpus.collocations(of: "") }
        #expect(throws: StatisticsError.nodeIsPunctuation(",")) { try corpus.collocations(of: ",") }
        #expect(throws: StatisticsError.invalidWindow(0)) { try corpus.collocations(of: "china", window: 0) }
        // A window wider than any sentence is the whole sentence (and does not overflow); only E,
        // which assumes full windows, changes.
        let huge = try corpus.collocations(of: "china", window: Int.max, top: nil)
        let wide = try corpus.collocations(of: "china", window: 10_000, top: nil)
        #expect(!huge.isEmpty && huge.allSatisfy { $0.score.isFinite })
        #expect(Dictionary(uniqueKeysWithValues: huge.map { ($0.term, $0.count) }) == Dictionary(uniqueKeysWithValues: wide.map { ($0.term, $0.count) }))
        // Case, curly apostrophes and surrounding spaces do not matter.
        #expect(try corpus.collocations(of: " CHINA ", top: 5) == corpus.collocations(of: "china", top: 5))
        #expect(try !corpus.collocations(of: "U.S.", min: 1).isEmpty || corpus.index.lexicon.id(of: "u.s.") == nil)
    }
}
