import Foundation
import Testing
@testable import Corpus

/// Near-duplicate sketches for split corpora (issue 14): one text has one sketch whatever corpus
/// holds it, the text form round-trips, and pairs found from sketches are those found on the corpus.
@Suite struct DuplicateSketchTests {
    @Test func aDocumentHasTheSameSketchInAnyCorpus() throws {
        let text = [DuplicateTests.shared1, DuplicateTests.shared2, DuplicateTests.endingA].joined(separator: "\n\n")
        let alone = CompareFixtures.corpus([("a", text)])
        let among = CompareFixtures.corpus([("x", DuplicateTests.unrelated1), ("a", text), ("y", DuplicateTests.unrelated2)])
        let one = DuplicateSketch(try alone.document("a"))
        let other = DuplicateSketch(try among.document("a"))
        #expect(one.shingles.count > 40)
        // The term ids differ between the two corpora; the shingles, hashed from text, do not.
        #expect(alone.index.lexicon.id(of: "harbour") != among.index.lexicon.id(of: "harbour"))
        #expect(one == other)
    }

    @Test func theTextFormRoundTripsAndRejectsDamage() throws {
        let sketch = DuplicateSketch(shingleSize: 7, shingles: [0, 1, 127, 128, 300_000, UInt32.max])
        let text = sketch.encoded
        #expect(text.hasPrefix("s7:"))
        #expect(try DuplicateSketch(encoded: text) == sketch)
        #expect(try DuplicateSketch(encoded: "s5:") == DuplicateSketch(shingleSize: 5, shingles: []))
        for bad in ["", "x5:AAAA", "s0:AA==", "s5:not base64!", "s5:" + Data([0x80]).base64EncodedString(),
                    "s5:" + Data([1, 0]).base64EncodedString()] {
            #expect(throws: DuplicateSketchError.self, "\(bad)") { try DuplicateSketch(encoded: bad) }
        }
    }

    @Test func pairsFromSketchesAreThePairsOfTheCorpus() throws {
        let corpus = DuplicateTests.corpus
        for measure in DuplicateMeasure.allCases {
            var options = DuplicateOptions()
            options.measure = measure
            options.maxPassages = 0
            let whole = DuplicateFinder.duplicates(in: corpus, options: options)
            #expect(!whole.isEmpty)
            let sketches = try DuplicateSketch.sketches(of: corpus).map { try DuplicateSketch(encoded: $0.encoded) }
            let split = try DuplicateFinder.duplicates(sketches: sketches, options: options)
            #expect(split.map { "\(corpus.documents[$0.a].id) \(corpus.documents[$0.b].id) \($0.similarity) \($0.jaccard)" }
                    == whole.map { "\($0.a.id) \($0.b.id) \($0.similarity) \($0.jaccard)" })
            let groups = DuplicateFinder.groups(split, count: sketches.count)
            #expect(groups[1] == 0 && groups[0] == 0)
            #expect(groups[2] == nil)
        }
    }
}
