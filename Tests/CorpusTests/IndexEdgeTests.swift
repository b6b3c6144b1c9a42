import Foundation
import Testing
@testable import Corpus

/// The index's edge cases: varints at their byte boundaries, byte order of terms, segments
/// (one document each, empty ones, a term only in the first or last), the merge of segment
/// lexicons, cursors skipping across segments, and block-max ranking over many segments.
@Suite struct IndexEdgeTests {
    /// A folder of one file per body (`000.txt`, …), removed by the caller.
    private func folder(_ bodies: [String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-index-edge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (i, body) in bodies.enumerated() {
            try body.write(to: url.appendingPathComponent(String(format: "%03d.txt", i)), atomically: true, encoding: .utf8)
        }
        return url
    }

    /// Every term's postings and positions, read off the documents' token sequences.
    private func expectPostingsMatchTheDocuments(_ corpus: Corpus) {
        var expected: [Int: [(Int, [Int])]] = [:]
        for doc in corpus.documents {
            var positions: [Int: [Int]] = [:]
            for (p, t) in doc.terms.enumerated() { positions[Int(t), default: []].append(p) }
            for (t, ps) in positions { expected[t, default: []].append((doc.index, ps)) }
        }
        let index = corpus.index
        #expect(index.lexicon.count == expected.count)
        for t in 0..<index.lexicon.count {
            let want = (expected[t] ?? []).sorted { $0.0 < $1.0 }
            let postings = index.postings(t)
            #expect(postings.map(\.document) == want.map(\.0), "term \(index.lexicon.term(t))")
            #expect(Int(index.lexicon.documentFrequency[t]) == want.count)
            #expect(Int(index.lexicon.collectionFrequency[t]) == want.reduce(0) { $0 + $1.1.count })
            for (posting, (_, positions)) in zip(postings, want) {
                #expect(posting.frequency == positions.count)
                #expect(index.positions(of: posting) == positions)
            }
        }
    }

    // MARK: varints

    @Test(arguments: [UInt32(0), 1, 127, 128, 255, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456, UInt32.max])
    func varintsRoundTripAtTheirByteBoundaries(_ value: UInt32) {
        var bytes: [UInt8] = []
        VarInt.append(value, to: &bytes)
        let width = value < 1 << 7 ? 1 : value < 1 << 14 ? 2 : value < 1 << 21 ? 3 : value < 1 << 28 ? 4 : 5
        #expect(bytes.count == width)
        #expect(bytes.dropLast().allSatisfy { $0 >= 0x80 } && bytes.last.map { $0 < 0x80 } == true)
        VarInt.append(7, to: &bytes)
        var offset = 0
        let (first, second) = bytes.withUnsafeBufferPointer { buffer in
            (VarInt.read(buffer, &offset), VarInt.read(buffer, &offset))
        }
        #expect(first == value)
        #expect(second == 7)
        #expect(offset == bytes.count)
        // The array form (the posting cursor's) reads the same.
        var arrayOffset = 0
        #expect(VarInt.read(bytes, &arrayOffset, end: bytes.count) == value)
        #expect(arrayOffset == width)
    }

    @Test func varintsNeverReadPastTheirEnd() {
        var bytes: [UInt8] = []
        VarInt.append(300, to: &bytes)   // 0xAC 0x02
        VarInt.append(5, to: &bytes)
        var offset = 0
        // A stream cut inside a value gives what was read, stops at the end, and stays there.
        #expect(VarInt.read(bytes, &offset, end: 1) == 300 & 0x7F)
        #expect(offset == 1)
        #expect(VarInt.read(bytes, &offset, end: 1) == 0)
        #expect(offset == 1)
        offset = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            #expect(VarInt.read(buffer, &offset) == 0)
            #expect(offset == buffer.count)
        }
        // Six continuation bytes: the read gives up after five and never traps.
        let endless = [UInt8](repeating: 0xFF, count: 8)
        offset = 0
        _ = VarInt.read(endless, &offset, end: endless.count)
        #expect(offset == 5)
    }

    // MARK: byte order

    @Test func termsAreOrderedByTheirUTF8Bytes() {
        let terms = ["", "a", "ab", "abc", "b", "z", "Z", "é", "ß", "ü", "中", "😀", "2023", "u.s.", "a\u{0}b"]
        let sorted = terms.sorted { ByteOrder.precedes(Array($0.utf8), Array($1.utf8)) }
        #expect(sorted == terms.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        for x in terms {
            #expect(!ByteOrder.precedes(Array(x.utf8), Array(x.utf8)))
            for y in terms {
                let arrays = ByteOrder.precedes(Array(x.utf8), Array(y.utf8))
                let buffers = Array(x.utf8).withUnsafeBufferPointer { xb in
                    Array(y.utf8).withUnsafeBufferPointer { yb in ByteOrder.precedes(xb, yb) }
                }
                #expect(arrays == buffers, "\(x) vs \(y)")
            }
        }
        // A prefix comes first; bytes are unsigned (é's 0xC3 after z's 0x7A).
        #expect(ByteOrder.precedes(Array("ab".utf8), Array("abc".utf8)))
        #expect(ByteOrder.precedes(Array("z".utf8), Array("é".utf8)))
        #expect(ByteOrder.precedes(Array("Z".utf8), Array("a".utf8)))
    }

    // MARK: segments and their merge

    @Test func aTermOnlyInTheFirstOrTheLastSegment() throws {
        var bodies = (0..<10).map { "Title \($0)\n\nshared words here \($0 % 3 == 0 ? "often" : "rarely")." }
        bodies[0] += " Firstonly appears once."
        bodies[9] += " Lastonly lastonly twice."
        let url = try folder(bodies)
        defer { try? FileManager.default.removeItem(at: url) }
        for size in [1, 3, 4, 10] {
            let corpus = try CorpusLoader.load(path: url.path, segmentSize: size)
            #expect(corpus.index.segments.count == (10 + size - 1) / size)
            expectPostingsMatchTheDocuments(corpus)
            let last = try #require(corpus.index.lexicon.id(of: "lastonly"))
            let lastDoc = try corpus.document("009").index
            #expect(corpus.index.postings(last).map(\.document) == [lastDoc])
            #expect(corpus.index.postings(last).map(\.frequency) == [2])
            let first = try #require(corpus.index.lexicon.id(of: "firstonly"))
            #expect(corpus.index.postings(first).map(\.document) == [try corpus.document("000").index])
            #expect(corpus.index.topDocuments(term: last, k: 3) { _ in true }.map(\.document) == [lastDoc])
        }
    }

    @Test func segmentsWithoutDocumentsMergeToNothing() throws {
        // Files 3–5 are empty (a load warning each, no document): with segments of three files,
        // one segment has no document at all.
        var bodies = (0..<9).map { "Title \($0)\n\nalpha beta \($0) gamma." }
        for i in 3...5 { bodies[i] = "" }
        let url = try folder(bodies)
        defer { try? FileManager.default.removeItem(at: url) }
        let segmented = try CorpusLoader.load(path: url.path, segmentSize: 3)
        let whole = try CorpusLoader.load(path: url.path, segmentSize: 100)
        #expect(segmented.count == 6)
        #expect(segmented.warnings.count == 3)
        expectPostingsMatchTheDocuments(segmented)
        #expect(segmented.index.lexicon.count == whole.index.lexicon.count)
        for t in 0..<whole.index.lexicon.count {
            let other = try #require(segmented.index.lexicon.id(of: whole.index.lexicon.term(t)))
            #expect(segmented.index.postings(other).map(\.document) == whole.index.postings(t).map(\.document))
            #expect(segmented.index.lexicon.collectionFrequency[other] == whole.index.lexicon.collectionFrequency[t])
        }
    }

    @Test func theMergedLexiconIsNumberedByFrequency() throws {
        let bodies = (0..<12).map { i in "Title \(i)\n\n" + String(repeating: "common ", count: 5) + "middle middle " + (i == 11 ? "rare" : "") }
        let url = try folder(bodies)
        defer { try? FileManager.default.removeItem(at: url) }
        let corpus = try CorpusLoader.load(path: url.path, segmentSize: 5)
        let lexicon = corpus.index.lexicon
        let frequencies = (0..<lexicon.count).map { Int(lexicon.collectionFrequency[$0]) }
        #expect(frequencies == frequencies.sorted(by: >))
        let common = try #require(lexicon.id(of: "common"))
        let rare = try #require(lexicon.id(of: "rare"))
        #expect(common < rare)
        #expect(lexicon.collectionFrequency[common] == 60)
        #expect(lexicon.documentFrequency[rare] == 1)
    }

    // MARK: cursors and blocks across segments

    @Test func aCursorSkipsAcrossSegmentsAsAWalkFindsThem() throws {
        // "target" in every third document, over many segments and posting blocks.
        let bodies = (0..<400).map { i in "Title \(i)\n\nfiller words \(i % 3 == 0 ? "target" : "other") end." }
        let url = try folder(bodies)
        defer { try? FileManager.default.removeItem(at: url) }
        let corpus = try CorpusLoader.load(path: url.path, segmentSize: 37)
        let term = try #require(corpus.index.lexicon.id(of: "target"))
        let documents = corpus.index.postings(term).map(\.document)
        #expect(documents.count == 134)
        for target in [0, 1, 2, 36, 37, 38, 150, 398, 399, 400, 10_000] {
            var cursor = PostingCursor(index: corpus.index, term: term)
            cursor.advance(to: target)
            #expect(cursor.document == (documents.first { $0 >= target } ?? Int.max), "target \(target)")
        }
        // Skipping in steps, then reading positions, agrees with the full walk.
        var cursor = PostingCursor(index: corpus.index, term: term)
        var expected = -1
        for target in stride(from: 5, through: 420, by: 5) {
            cursor.advance(to: target)
            if expected < target { expected = documents.first { $0 >= target } ?? Int.max }
            #expect(cursor.document == expected, "target \(target)")
            if expected == Int.max { break }
            var positions: [Int] = []
            cursor.positions(into: &positions)
            let doc = corpus.documents[expected]
            #expect(positions == doc.terms.enumerated().filter { Int($0.element) == term }.map(\.offset))
        }
    }

    @Test func blockMaximaRankAsExhaustiveScoringOverManySegments() throws {
        var generator = SplitMix(seed: 17)
        let bodies = (0..<700).map { i -> String in
            let n = 2 + Int(generator.next() % 60)
            let words = (0..<n).map { _ in generator.next() % 4 == 0 ? "focus" : "noise" }
            return "Title \(i)\n\n" + words.joined(separator: " ") + "."
        }
        let url = try folder(bodies)
        defer { try? FileManager.default.removeItem(at: url) }
        let corpus = try CorpusLoader.load(path: url.path, segmentSize: 150)
        let index = corpus.index
        let term = try #require(index.lexicon.id(of: "focus"))
        #expect(index.lexicon.documentFrequency[term] > 300)
        let idf = index.idf(documentFrequency: Int(index.lexicon.documentFrequency[term]))
        for include in [{ (_: Int) in true }, { (d: Int) in d % 5 == 1 }, { (d: Int) in d > 640 }] {
            var all: [(Int, Double)] = []
            for p in index.postings(term) where include(p.document) {
                all.append((p.document, idf * CorpusIndex.termWeight(frequency: p.frequency, length: Double(index.documentLengths[p.document]),
                                                                      averageLength: index.averageLength)))
            }
            all.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            for k in [1, 9, 130, 1000] {
                let fast = index.topDocuments(term: term, k: k, include: include)
                #expect(fast.map(\.document) == all.prefix(k).map(\.0), "k=\(k)")
            }
        }
    }
}
