import Foundation
import Testing
@testable import Corpus

/// The index's queries: mentions and offsets, per document and sentence, speaker resolution,
/// sub-corpora, laziness.
@Suite struct EntityIndexTests {
    @Test func mentionOffsetsPointAtTheirText() throws {
        let corpus = try EntityFixtures.seeds()
        for doc in corpus.documents {
            let bytes = Array(doc.text.utf8)
            var last = -1
            for (entity, m) in corpus.entityIndex.mentions(in: doc.index) {
                #expect(m.document == doc.index)
                #expect(m.range.lowerBound >= last)  // text order
                last = m.range.lowerBound
                let written = String(decoding: bytes[m.range], as: UTF8.self)
                #expect(Gazetteer.clean(written) == m.text)
                #expect(doc.sentenceBytes(m.sentence).contains(m.range.lowerBound), "\(m.text) in \(doc.id)")
                #expect(entity.mentions.contains(m))
            }
        }
    }

    @Test func entitiesPerDocumentAndSentence() throws {
        let corpus = try EntityFixtures.seeds()
        let doc = corpus.documents[4]
        let inDoc = corpus.entities(in: doc)
        #expect(inDoc.contains { $0.name == "Jessica Chen Weiss" })
        #expect(!inDoc.contains { $0.name == "Yun Sun" })
        let s = try #require((0..<doc.sentenceCount).first { doc.sentenceText($0).hasPrefix("Jessica Chen Weiss") })
        let names = corpus.entities(inSentence: s, of: doc).map(\.name)
        #expect(names == ["Jessica Chen Weiss", "China", "Asia-Pacific", "Cornell University"])
    }

    @Test func speakerPhrasesResolveForQuotations() throws {
        let corpus = try EntityFixtures.seeds()
        let index = corpus.entityIndex
        let doc = corpus.documents[0]
        let text = doc.text
        func offset(of needle: String) throws -> Int {
            let range = try #require(text.range(of: needle))
            return text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
        }
        #expect(index.resolve("UN spokesman Stephane Dujarric", in: doc.index, near: try offset(of: "UN spokesman"))?.name == "Stephane Dujarric")
        #expect(index.resolve("Sun", in: doc.index, near: try offset(of: "Sun said"))?.name == "Yun Sun")
        #expect(index.resolve("Blinken", in: doc.index, near: 0)?.name == "Antony Blinken")
        // "he" after a name is the last person named before it.
        let he = try offset(of: "he wants a bilateral meeting")
        #expect(index.resolve("he", in: doc.index, near: he)?.name == "Xi Jinping")
        #expect(index.lastPerson(before: he, in: doc.index)?.name == "Xi Jinping")
        #expect(index.resolve("a senior official", in: doc.index, near: 10) == nil)
        #expect(index.lastPerson(before: 0, in: doc.index) == nil)
        #expect(index.resolve("", in: doc.index, near: 0) == nil)
    }

    @Test func aSubCorpusCountsOnlyItsDocuments() throws {
        let corpus = try EntityFixtures.seeds()
        let sub = corpus.filter { $0.text.contains("Kritenbrink") }
        #expect(sub.count == 1)
        let blinken = try #require(sub.entity(named: "Blinken"))
        let all = try #require(corpus.entity(named: "Blinken"))
        #expect(blinken.id == all.id)
        #expect(blinken.count < all.count)
        #expect(blinken.documents == [sub.documents[0].index])
        #expect(sub.entity(named: "Yun Sun") == nil)  // never mentioned there
        #expect(sub.entities(kind: .person).allSatisfy { $0.documents == [sub.documents[0].index] })
        // Asking again gives the same objects.
        #expect(sub.entity(named: "Blinken") === blinken)
        #expect(sub.entities().first === sub.entities().first)
        // The index itself is built once for the whole family.
        #expect(sub.entityIndex === corpus.entityIndex)
    }

    @Test func rankingAndKindFilter() throws {
        let corpus = try EntityFixtures.seeds()
        let all = corpus.entities()
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.count >= $1.count })
        #expect(all.enumerated().allSatisfy { $0.offset == $0.element.id })
        for kind in EntityKind.allCases {
            #expect(corpus.entities(kind: kind).allSatisfy { $0.kind == kind })
        }
        #expect(Set(all.map(\.kind)) == Set(EntityKind.allCases))
    }

    @Test func theIndexIsBuiltLazilyAndRebuiltWhenTheGazetteerChanges() throws {
        let corpus = try EntityFixtures.seeds()
        #expect(corpus.annotations.peek("entities.index", as: EntityIndex.self) == nil)
        let first = corpus.entityIndex
        #expect(corpus.entityIndex === first)
        corpus.extendGazetteer { $0.addNonNames(["Blinken"]) }
        let second = corpus.entityIndex
        #expect(second !== first)
        #expect(second.entity(named: "Mr. Blinken")?.name == "Antony Blinken")  // full names still count
    }
}
