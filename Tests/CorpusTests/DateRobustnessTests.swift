import Testing
@testable import Corpus

/// Odd input never crashes the extractor, and offsets stay true to the text.
@Suite("Date robustness")
struct DateRobustnessTests {
    typealias Support = DateTestSupport

    /// Every mention's range slices its own text out of `text`.
    private func expectOffsetsHold(_ text: String, _ mentions: [DateMention]) {
        let utf8 = Array(text.utf8)
        for mention in mentions {
            #expect(mention.range.lowerBound >= 0 && mention.range.upperBound <= utf8.count)
            guard mention.range.upperBound <= utf8.count else { continue }
            #expect(String(decoding: utf8[mention.range], as: UTF8.self) == mention.text)
        }
    }

    @Test func emptyAndBlank() throws {
        #expect(try Support.mentions("").isEmpty)
        #expect(try Support.mentions(" \n\r\n\t\u{00A0}").isEmpty)
        #expect(DateExtractor.mentions(in: "", anchor: nil).isEmpty)
        #expect(DateEvidence.resolve(texts: [], documentDates: []).isEmpty)
        #expect(DateEvidence.resolve(texts: [""], documentDates: []).map(\.mentions) == [[]])
    }

    /// Dates before Christ are no dates of this calendar: the sentence is from a Wikipedia
    /// summary in the bench corpus, where "15 April 1154 BC" was read as AD 1154.
    @Test func datesBeforeChristAreLeftOut() throws {
        let text = "Some scholars date his reign from 26 March 1185 to 15 April 1154 BC, and he is considered the last pharaoh."
        let found = try Support.mentions(text).map(\.text)
        #expect(!found.contains("15 April 1154"), "\(found)")
        #expect(found.contains("26 March 1185"))
        for era in ["BCE", "B.C.", "B.C.E.", "BC."] {
            #expect(try Support.mentions("It fell on 15 April 1154 \(era)").isEmpty, "\(era)")
        }
        // Only the era itself: a name starting with the letters, or AD, leaves the date alone.
        #expect(try Support.mentions("Talks on 18 June 2023 BCCI officials said").map(\.text) == ["18 June 2023"])
        #expect(try Support.mentions("It was 18 June 1154 AD.").map(\.text) == ["18 June 1154"])
    }

    @Test func crlfText() throws {
        let text = "Blinken arrived on Sunday.\r\nIn May, Musk visited.\r\nDated 18-6-2023\r\n"
        let found = try Support.mentions(text)
        #expect(found.map { "\($0.text)=\($0.value?.iso ?? "nil")" } == ["Sunday=2023-06-18", "May=2023-05", "18-6-2023=2023-06-18"])
        expectOffsetsHold(text, found)
    }

    @Test func truncatedExpressionsAtTheEnd() throws {
        for text in ["June", "June 18–", "18-", "18-6-", "since at least", "last", "In May", "Sunday,", "2023-06",
                     "mid-", "the 1990", "Sept.", "two days", "a", "18th", "between 2019 and"] {
            let found = try Support.mentions(text)
            expectOffsetsHold(text, found)
        }
        #expect(try Support.pairs("In May") == ["May=2023-05"])
        #expect(try Support.pairs("June 18–") == ["June 18=2023-06-18"])
    }

    @Test func unusualUnicode() throws {
        let texts = [
            "🙂 on Wednesday 🙂 June 18–19 👍🏽",
            "e\u{301} in May\u{301} and in June",
            "\u{0}\u{1}\u{7F} on Friday \u{FEFF}",
            "Ｊｕｎｅ １８ (fullwidth) and Июнь 18 and 六月十八日",
            "\u{2028}Last week\u{2029}next year\u{85}",
            "\u{202F}18\u{2011}19\u{00A0}June",
            String(repeating: "\u{301}", count: 100) + "on Tuesday",
        ]
        for text in texts {
            expectOffsetsHold(text, try Support.mentions(text))
        }
        #expect(try Support.pairs("🙂 on Wednesday 🙂 June 18–19 👍🏽") == ["Wednesday=2023-06-14", "June 18–19=2023-06-18/2023-06-19"])
        // A combining accent glued to "May" makes a different word.
        #expect(try Support.pairs("e\u{301} in May\u{301} and in June") == ["June=2023-06"])
        #expect(try Support.pairs("\u{2028}Last week\u{2029}next year\u{85}") == ["Last week=2023-06-05/2023-06-11", "next year=2024"])
    }

    @Test func hugeNumbersAndWords() throws {
        let digits = String(repeating: "9", count: 5_000)
        let word = String(repeating: "x", count: 5_000)
        let text = "\(digits) June \(word) on \(digits)-\(digits)-\(digits) in 2019 \(word)June"
        let found = try Support.mentions(text)
        expectOffsetsHold(text, found)
        #expect(found.map(\.text) == ["2019"])
    }

    @Test func hugeTextAcrossChunks() throws {
        let seed = try Support.seed("004")
        let single = try Support.mentions(seed)
        let copies = 1 + (3 * DateExtractor.chunkSize) / seed.utf8.count
        let text = String(repeating: seed + "\n", count: copies)
        let found = try Support.mentions(text)
        #expect(found.count == single.count * copies)
        #expect(found.map(\.text) == Array(repeating: single.map(\.text), count: copies).flatMap { $0 })
        expectOffsetsHold(text, found)
    }

    @Test func hugeSingleLine() throws {
        let unit = "the talks went on and on, said officials on Wednesday; "
        let text = String(repeating: unit, count: (2 * DateExtractor.chunkSize) / unit.utf8.count + 1)
        let found = try Support.mentions(text)
        // Chunks are cut at spaces, so no expression is split.
        #expect(found.count == (2 * DateExtractor.chunkSize) / unit.utf8.count + 1)
        #expect(found.allSatisfy { $0.text == "Wednesday" && $0.value?.iso == "2023-06-14" })
        expectOffsetsHold(text, found)
    }

    @Test func noSpacesAtAll() throws {
        let text = String(repeating: "é", count: DateExtractor.chunkSize + 10) + "June"
        let found = try Support.mentions(text)
        expectOffsetsHold(text, found)
        #expect(found.isEmpty)
    }

    @Test func punctuationSoup() throws {
        let text = String(repeating: "-–—/.,:;!?'’\"“”()[]{}%$#", count: 200) + "18-6-2023"
        let found = try Support.mentions(text)
        expectOffsetsHold(text, found)
    }
}
