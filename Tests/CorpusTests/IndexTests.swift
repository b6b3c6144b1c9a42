import Foundation
import Testing
@testable import Corpus

private let seedsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds")

/// Postings must say exactly what the documents' token sequences say.
@Suite struct IndexTests {
    /// Brute force: for every term, the (document, positions) pairs read off the documents.
    func expectedPostings(_ corpus: Corpus) -> [Int: [(Int, [Int])]] {
        var result: [Int: [(Int, [Int])]] = [:]
        for doc in corpus.documents {
            var positions: [Int: [Int]] = [:]
            for (p, t) in doc.terms.enumerated() { positions[Int(t), default: []].append(p) }
            for (t, ps) in positions { result[t, default: []].append((doc.index, ps)) }
        }
        return result
    }

    func check(_ corpus: Corpus) {
        let expected = expectedPostings(corpus)
        let index = corpus.index
        #expect(index.lexicon.count == expected.count)
        for t in 0..<index.lexicon.count {
            let postings = index.postings(t)
            let want = (expected[t] ?? []).sorted { $0.0 < $1.0 }
            #expect(postings.count == want.count, "term \(index.lexicon.term(t))")
            #expect(Int(index.lexicon.documentFrequency[t]) == want.count)
            #expect(Int(index.lexicon.collectionFrequency[t]) == want.reduce(0) { $0 + $1.1.count })
            for (posting, (doc, positions)) in zip(postings, want) {
                #expect(posting.document == doc)
                #expect(posting.frequency == positions.count)
                #expect(index.positions(of: posting) == positions)
            }
        }
    }

    @Test func postingsMatchTheSeeds() throws {
        let corpus = try CorpusLoader.load(path: seedsFolder.path)
        check(corpus)
        // Every token's id maps back to its normal form.
        for doc in corpus.documents {
            let spans = doc.tokenSpans()
            #expect(spans.count == doc.terms.count)
            for (span, t) in zip(spans, doc.terms).prefix(200) {
                let text = doc.substring(span.range)
                #expect(corpus.index.lexicon.term(Int(t)) == Tokenizer.norm(text))
            }
        }
    }

    @Test func segmentsMergeIntoOneLexicon() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let words = ["Beijing", "talks", "balloon", "Taiwan", "trade", "chips", "summit", "said", "the", "of", "2023", "U.S."]
        var generator = SystemRandomNumberGenerator()
        for i in 0..<60 {
            let n = Int.random(in: 1...80, using: &generator)
            let body = (0..<n).map { _ in words.randomElement(using: &generator) ?? "x" }.joined(separator: " ")
            try "Title \(i)\n\n\(body). Word\(i % 7) ends.\n".write(to: folder.appendingPathComponent(String(format: "%03d.txt", i)), atomically: true, encoding: .utf8)
        }
        let segmented = try CorpusLoader.load(path: folder.path, segmentSize: 7)
        let whole = try CorpusLoader.load(path: folder.path, segmentSize: 1000)
        check(segmented)
        #expect(segmented.index.lexicon.count == whole.index.lexicon.count)
        for t in 0..<whole.index.lexicon.count {
            let term = whole.index.lexicon.term(t)
            let other = try #require(segmented.index.lexicon.id(of: term))
            #expect(segmented.index.postings(other).map(\.document) == whole.index.postings(t).map(\.document))
        }
    }

    @Test func segmentsOfManyDocumentsUseWidePacking() throws {
        // Over 4,096 documents in one segment: occurrences are packed in eight bytes.
        let words = ["alpha", "beta", "gamma", "delta"]
        let texts = (0..<4200).map { i in (String(format: "d%05d", i), "Title\n\n\(words[i % 4]) \(words[(i / 4) % 4]) end.") }
        let corpus = CorpusLoader.corpus(texts: texts)
        #expect(corpus.count == 4200)
        check(corpus)
    }

    @Test func prefixLookupFindsTerms() throws {
        let corpus = CorpusLoader.corpus(texts: [("a", "Chips and chipmakers met China's chief."), ("b", "Chile.")])
        let ids = corpus.index.lexicon.ids(withPrefix: "chi").map { corpus.index.lexicon.term($0) }.sorted()
        #expect(ids == ["chief", "chile", "china", "chipmakers", "chips"])
    }

    @Test func sentencesAreRangesOfTheText() throws {
        let corpus = try CorpusLoader.load(path: seedsFolder.path)
        for doc in corpus.documents {
            #expect(doc.sentenceCount > 0)
            for i in 0..<doc.sentenceCount {
                let bytes = doc.sentenceBytes(i)
                #expect(bytes.lowerBound < bytes.upperBound)
                #expect(doc.sentence(containingByte: bytes.lowerBound) == i)
                let tokens = doc.sentenceTokens(i)
                if !tokens.isEmpty { #expect(doc.sentence(containingToken: tokens.lowerBound) == i) }
            }
        }
    }
}
