import Foundation
import Testing
@testable import Corpus

/// Concordance lines: every occurrence, in order, with the right context.
@Suite struct KwicTests {
    typealias F = SearchFixtures

    @Test func everyOccurrenceOfTaiwanInTheSeeds() throws {
        let corpus = try F.seeds()
        let lines = try Search.kwic(corpus, "Taiwan")
        // Counted independently: the word "Taiwan" (not inside a longer word) in each text.
        var expected: [(String, Int)] = []
        for doc in corpus.documents {
            for offset in F.occurrences(of: "taiwan", in: doc.text) { expected.append((doc.id, offset)) }
        }
        #expect(expected.count == 10)
        #expect(lines.count == expected.count)
        #expect(lines.map(\.document.id) == expected.map(\.0))
        #expect(lines.map(\.offset) == expected.map(\.1))
        for line in lines {
            #expect(line.match == "Taiwan")
            #expect(line.document.substring(line.offset..<(line.offset + 6)) == "Taiwan")
            #expect(line.left.count <= 40 && line.right.count <= 40)
            #expect(!line.left.contains("\n") && !line.right.contains("\n"))
            #expect(line.document.sentenceText(line.sentence).contains("Taiwan"))
            let bytes = line.document.sentenceBytes(line.sentence)
            #expect(bytes.contains(line.offset))
        }
        // Contexts read off the seed files.
        let first = try #require(lines.first { $0.document.id.hasPrefix("000") })
        #expect(first.left == "ivalry could escalate into conflict over")
        #expect(first.right == ", which China claims as its own because")
        let quoted = try #require(lines.first { $0.document.id.hasPrefix("004") })
        #expect(quoted.left == "gn minister says US should respect the ‘")
        #expect(quoted.right == "issue’ In a long-awaited visit, the US s")
        // Across a paragraph break: the break is one space, and the 40th character back is a space.
        let second = try #require(lines.filter { $0.document.id.hasPrefix("001") }.dropFirst().first)
        #expect(second.left == "to open conflict. Military clashes over")
        #expect(second.right == "and disagreements on trade, China's semi")
    }

    @Test func phrasesShowAsWritten() throws {
        let corpus = try F.seeds()
        let lines = try Search.kwic(corpus, "\"spy balloon\"")
        let expected = corpus.documents.reduce(0) { $0 + F.occurrences(of: "spy balloon", in: $1.text).count }
        #expect(lines.count == expected)
        #expect(Set(lines.map(\.match)) == ["spy balloon", "Spy Balloon"])
    }

    @Test func notAndFieldsOnlyChooseDocuments() throws {
        let corpus = try F.seeds()
        let lines = try Search.kwic(corpus, "Taiwan -fentanyl")
        let docs = corpus.documents.filter { !F.contains($0.text, "fentanyl") }
        let expected = docs.reduce(0) { $0 + F.occurrences(of: "taiwan", in: $1.text).count }
        #expect(lines.count == expected)
        #expect(lines.allSatisfy { $0.match == "Taiwan" && !F.contains($0.document.text, "fentanyl") })
        let titled = try Search.kwic(corpus, "Taiwan title:Beijing")
        #expect(!titled.isEmpty && titled.allSatisfy { F.contains($0.document.title ?? "", "beijing") })
        // No positive term: no lines.
        #expect(try Search.kwic(corpus, "title:Beijing").isEmpty)
        #expect(try Search.kwic(corpus, "-Taiwan").isEmpty)
    }

    @Test func severalTermsInTextOrder() throws {
        let corpus = F.corpus(["Spy planes and a spy balloon. The balloon fell; spies watched."])
        let lines = try Search.kwic(corpus, "spy OR balloon OR \"spy balloon\" OR spies")
        // "spy" and "balloon" inside "spy balloon" are shown once, as the phrase.
        #expect(lines.map(\.match) == ["Spy", "spy balloon", "balloon", "spies"])
        #expect(lines.map(\.offset) == lines.map(\.offset).sorted())
        #expect(lines.map(\.sentence) == [0, 0, 1, 1])
        #expect(lines[2].left == "Spy planes and a spy balloon. The")
        #expect(lines[2].right == "fell; spies watched.")
    }

    @Test func widthLimitAndWhitespace() throws {
        let corpus = F.corpus(["alpha\n\nbeta\tTaiwan\t\tgamma  delta", "éé😀 Taiwan 😀éé and more"])
        let lines = try Search.kwic(corpus, "Taiwan", width: 3)
        #expect(lines.map(\.left) == ["eta", "éé😀"])
        #expect(lines.map(\.right) == ["gam", "😀éé"])
        let wide = try Search.kwic(corpus, "Taiwan", width: 40)
        #expect(wide[0].left == "alpha beta" && wide[0].right == "gamma delta")
        #expect(try Search.kwic(corpus, "Taiwan", limit: 1).count == 1)
        #expect(try Search.kwic(corpus, "Taiwan", width: 0).map(\.left) == ["", ""])
        // Combining marks stay with their letter.
        let marks = F.corpus(["cafe\u{301} Taiwan"])
        #expect(try Search.kwic(marks, "Taiwan", width: 4).first?.left == "cafe\u{301}")
    }
}
