import Foundation
import Testing
@testable import Corpus

/// Stage 1 of claim finding: how words become comparison features.
@Suite struct CompareNormalizerTests {
    @Test func pluralAndVerbEndingsShareAStem() {
        let groups: [[String]] = [
            ["meetings", "meeting", "meet", "meets"],
            ["postponed", "postpone", "postpones", "postponing"],
            ["countries", "country"],
            ["stopped", "stop", "stopping"],
            ["travelled", "traveled", "travel", "travels"],
            ["denied", "deny", "denies"],
            ["stabilised", "stabilized", "stabilise", "stabilize"],
            ["neighbours", "neighbors", "neighbouring", "neighbor"],
            ["centres", "center"],
            ["took", "take", "taken", "takes"],
            ["told", "tell", "tells"],
        ]
        for group in groups {
            let stems = Set(group.map(WordStemmer.stem))
            #expect(stems.count == 1, "\(group) → \(stems)")
        }
    }

    @Test func stemsKeepDifferentWordsApart() {
        #expect(WordStemmer.stem("news") != WordStemmer.stem("new"))
        #expect(WordStemmer.stem("status") == "status")
        #expect(WordStemmer.stem("crisis") == "crisis")
        #expect(WordStemmer.stem("call") == "call")
        #expect(WordStemmer.stem("bring") == "bring")
        #expect(WordStemmer.stem("trade") != WordStemmer.stem("travel"))
    }

    @Test func stemmerToleratesOddInput() {
        #expect(WordStemmer.stem("") == "")
        #expect(WordStemmer.stem("ing") == "ing")
        #expect(WordStemmer.stem("中国") == "中国")
        #expect(WordStemmer.stem("café") == "café")
        #expect(WordStemmer.stem("u.s.") == "us")
        #expect(WordStemmer.stem(String(repeating: "s", count: 10_000)).count > 0)
    }

    @Test func paraphrasesFoldOntoOneWord() {
        let n = ContentNormalizer()
        #expect(n.keys(in: "trip") == n.keys(in: "visit"))
        #expect(n.keys(in: "journeys") == n.keys(in: "visits"))
        #expect(n.keys(in: "delayed") == n.keys(in: "postponed"))
        #expect(n.keys(in: "talks") == n.keys(in: "discussions"))
        #expect(n.keys(in: "anticipate") == n.keys(in: "expected"))
        #expect(n.keys(in: "He touched down") == n.keys(in: "He arrived"))
        #expect(n.keys(in: "since Biden took office") == n.keys(in: "since Biden's inauguration"))
        #expect(n.keys(in: "the United States") == ["us"])
        #expect(n.keys(in: "American") == ["us"])
    }

    @Test func numbersAndNumberWordsAgree() {
        let n = ContentNormalizer()
        #expect(n.keys(in: "five years") == n.keys(in: "5 years"))
        #expect(n.keys(in: "two-day trip") == n.keys(in: "two days trip"))
        #expect(n.keys(in: "1,000 troops") == n.keys(in: "1000 troops"))
        #expect(n.keys(in: "highest-ranking") == n.keys(in: "highest ranking"))
    }

    @Test func stopwordsPunctuationAndThePronounUsGiveNothing() {
        let n = ContentNormalizer()
        #expect(n.keys(in: "the, of and to — it was.").isEmpty)
        #expect(n.keys(in: "Mr. Smith also said").count == 2)   // smith, say
        #expect(n.keys(in: "let us talk") == n.keys(in: "talk"))
        #expect(n.keys(in: "US talks") == ["us"] + n.keys(in: "talk"))
    }

    @Test func paraphraseTableParsesItsFormat() {
        let table = ParaphraseTable(lines: [
            "# comment",
            "visit: trip, journey   # trailing comment",
            "arrive: touch down",
            "broken line without colon",
            "two words: ignored",
            ": empty canonical",
        ])
        #expect(table.canonical(WordStemmer.stem("trips")) == WordStemmer.stem("visit"))
        #expect(table.canonical(WordStemmer.stem("touched"), WordStemmer.stem("down")) == WordStemmer.stem("arrive"))
        #expect(table.words.count == 2)
        #expect(table.phrases.count == 1)
        let merged = table.merging(ParaphraseTable(lines: ["tour: trip"]))
        #expect(merged.canonical(WordStemmer.stem("trip")) == WordStemmer.stem("tour"))
        #expect(ParaphraseTable.news.words.count > 50)
    }
}
