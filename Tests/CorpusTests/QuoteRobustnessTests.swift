import Foundation
import Testing
@testable import Corpus

/// Odd input never crashes the quote stages, and every quote still points into its text.
@Suite struct QuoteRobustnessTests {
    /// Every quote's range lies in the text and its text is not empty.
    private func checkBounds(_ text: String) -> [Quote] {
        let quotes = QuoteExtractor.quotes(in: text)
        let count = text.utf8.count
        for q in quotes {
            #expect(q.range.lowerBound >= 0 && q.range.upperBound <= count)
            #expect(!q.text.isEmpty)
        }
        return quotes
    }

    @Test func emptyAndBlankText() {
        #expect(QuoteExtractor.quotes(in: "").isEmpty)
        #expect(QuoteExtractor.quotes(in: "   \n\n \u{A0} \n").isEmpty)
        #expect(Corpus.freeText("").entities(kind: .person).isEmpty)
    }

    @Test func onlyMarks() {
        for text in ["\"", "“", "”", "''", "\"\"\"\"", "“”“”‘’''«»", "” ” ” “ “ “", "\"\n\n\"\n\n\""] {
            _ = checkBounds(text)
        }
    }

    @Test func unbalancedMarksEverywhere() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["“", "”", "\"", "'", "‘", "’", "«", "»", " he said", " Ward said.", ", ", ". ", "\n\n", "\r\n",
                      "According to Jonathan Ward,", " the official added", "word", "Mr.", " ", "\u{A0}", "é", "—"]
        for _ in 0..<300 {
            let length = Int.random(in: 1...60, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            _ = checkBounds(text)
        }
    }

    @Test func crlfLineEnds() {
        let quotes = checkBounds("“Yes,” she said.\r\n\r\n“No,” he said.\r\n")
        #expect(quotes.map(\.text) == ["Yes", "No"])
    }

    @Test func oneMegabyteParagraph() {
        // One paragraph of prose with a quote every few hundred words, and no paragraph break.
        let prose = String(repeating: "The committee met again and the talks went on for hours without a break. ", count: 40)
        let unit = prose + "“We made progress on the main points,” Maria Lopez said. "
        let count = 1_000_000 / unit.utf8.count + 1
        let text = String(repeating: unit, count: count)
        // Every quote found and attributed in one unbroken megabyte; how fast is measured in
        // scripts/bench (a timed assertion here would only measure the machine's load).
        let quotes = checkBounds(text)
        #expect(quotes.count == count)
        #expect(quotes.allSatisfy { $0.speaker?.name == "Maria Lopez" })
    }

    @Test func oneMegabyteOfOpenMarks() {
        let text = String(repeating: "“a ", count: 350_000)
        let quotes = checkBounds(text)
        #expect(quotes.count <= 1)
    }

    @Test func hugeLineOfAttributions() {
        // Many short quotes, each with a pronoun to resolve, in one paragraph.
        let text = "Maria Lopez arrived. " + String(repeating: "“Yes,” she said. ", count: 5_000)
        let quotes = checkBounds(text)
        #expect(quotes.count == 5_000)
        #expect(quotes.last?.speaker?.name == "Maria Lopez")
    }

    @Test func invalidUTF8InALoadedDocument() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-quotes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = Array("Title\n\n“Broken \u{201C}".utf8)
        bytes += [0xFF, 0xFE, 0xE2, 0x80]
        bytes += Array(" text,” Maria Lopez said.\n\n\"Another".utf8)
        try Data(bytes).write(to: folder.appendingPathComponent("bad.txt"))
        let corpus = try CorpusLoader.load(path: folder.path)
        for doc in corpus.documents {
            let quotes = QuoteExtractor.quotes(in: doc)
            for q in quotes { #expect(q.range.upperBound <= doc.text.utf8.count) }
        }
    }
}
