import Foundation
import Testing

@testable import Corpus

/// The five seed articles: metadata, every boilerplate line with its reason, and no body sentence lost.
@Suite struct CleaningSeedTests {
    /// What each seed must give. Boilerplate is (1-based raw line number, reason), read off `cat -A` of the files.
    struct Expectation: Sendable, CustomTestStringConvertible {
        var prefix: String
        var title: String?
        var dateline: Dateline?
        var source: String?
        var date: String?
        var boilerplate: [Int: String]
        var testDescription: String { "seed \(prefix)" }
    }

    static let expectations: [Expectation] = [
        Expectation(
            prefix: "000", title: "Blinken travels to Beijing in an effort to allay concerns about a US-China split",
            dateline: Dateline(text: "Washington:", place: "Washington", date: nil), source: "NewsTrack", date: nil,
            boilerplate: [
                9: "related link", 19: "related link", 33: "related link", 39: "empty filler", 41: "related link",
                43: "share prompt",
            ]),
        Expectation(
            prefix: "001", title: "A Bid to Ease Tensions and Stabilize Bilateral Ties: Antony Blinken Visits China",
            dateline: nil, source: "Al-Jazeera", date: nil,
            boilerplate: [
                3: "repeated title", 4: "caption", 5: "image credit", 97: "credit line", 99: "empty filler",
                102: "comment widget", 104: "comment widget",
            ]),
        Expectation(
            prefix: "002", title: nil,
            dateline: Dateline(text: "18-6-2023 (BEIJING)", place: "Beijing", date: "2023-06-18"), source: nil,
            date: "2023-06-18", boilerplate: [:]),
        Expectation(
            prefix: "003", title: "Anthony Blinken in Beijing | “The world expects the US and China to cooperate”",
            dateline: Dateline(text: "(Beijing)", place: "Beijing", date: nil), source: nil, date: nil,
            boilerplate: [47: "related link", 49: "comment widget", 51: "comment widget"]),
        Expectation(
            prefix: "004", title: "Blinken visit seeks to ease fraught US relationship with China", dateline: nil,
            source: "The Guardian", date: nil,
            boilerplate: [1: "navigation", 37: "credit line", 39: "navigation"]),
    ]

    @Test(arguments: expectations)
    func metadata(_ expected: Expectation) throws {
        let cleaned = Cleaner.clean(try CleaningFixtures.seed(expected.prefix))
        #expect(cleaned.title == expected.title)
        #expect(cleaned.dateline == expected.dateline)
        #expect(cleaned.source == expected.source)
        #expect(cleaned.date == expected.date)
    }

    @Test(arguments: expectations)
    func boilerplateLinesAndReasons(_ expected: Expectation) throws {
        let raw = try CleaningFixtures.seed(expected.prefix)
        let cleaned = Cleaner.clean(raw)
        let found = Dictionary(uniqueKeysWithValues: cleaned.boilerplate.map { ($0.lineNumber, $0.reason) })
        #expect(found == expected.boilerplate)
        // Each record holds the raw line as written.
        let rawLines = raw.split(separator: "\n", omittingEmptySubsequences: false)
        for record in cleaned.boilerplate {
            #expect(record.line == String(rawLines[record.lineNumber - 1]))
            if record.reason != "empty filler" {
                #expect(!cleaned.text.contains(CleaningFixtures.squeeze(record.line)), "\(record.line) left in body")
            }
        }
    }

    @Test(arguments: expectations)
    func everyBodyLineSurvives(_ expected: Expectation) throws {
        let raw = try CleaningFixtures.seed(expected.prefix)
        let cleaned = Cleaner.clean(raw)
        let removed = Set(cleaned.boilerplate.map(\.lineNumber))
        let body = cleaned.text
        var titleSeen = cleaned.title == nil
        var kept = 0
        for (index, line) in raw.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = CleaningFixtures.squeeze(line)
            if text.isEmpty || removed.contains(index + 1) { continue }
            if !titleSeen && text == cleaned.title {
                titleSeen = true
                continue
            }
            kept += 1
            if let dateline = cleaned.dateline, text.hasPrefix(dateline.text) {
                // The dateline's words go to `dateline`; the rest of its sentence opens the body.
                let rest = CleaningFixtures.squeeze(text.dropFirst(dateline.text.count))
                #expect(body.hasPrefix(rest))
            } else {
                #expect(body.contains(text), "lost: \(text.prefix(60))")
            }
        }
        #expect(kept > 5)
        #expect(!body.contains("\u{A0}"))
        #expect(!body.hasPrefix("\n") && !body.hasSuffix("\n") && !body.contains("\n\n\n"))
    }

    @Test func seed002KeepsSingleNewlines() throws {
        let cleaned = Cleaner.clean(try CleaningFixtures.seed("002"))
        #expect(!cleaned.text.contains("\n\n"))
        #expect(cleaned.text.split(separator: "\n").count == 9)
        #expect(cleaned.text.hasPrefix("US Secretary of State Antony Blinken touched down in Beijing on Sunday"))
    }

    @Test func seed000BodyShape() throws {
        let cleaned = Cleaner.clean(try CleaningFixtures.seed("000"))
        #expect(cleaned.text.hasPrefix("It is unlikely that US Secretary of State Antony Blinken"))
        #expect(cleaned.text.hasSuffix("That implies that the foundation must be laid now."))
        // Raw lines 3, 5, 7, 11, 13, 15, 17, 21, 23, 25, 27, 29, 31, 35 and 37: the three "Also Read" lines
        // (9, 19, 33) and the footer (39–43) are gone.
        #expect(cleaned.text.components(separatedBy: "\n\n").count == 15)
    }

    @Test func seed004KeepsTheStandfirst() throws {
        let cleaned = Cleaner.clean(try CleaningFixtures.seed("004"))
        #expect(cleaned.text.hasPrefix("US secretary of state’s visit comes amid tense exchanges"))
        #expect(cleaned.text.contains("arrive in China this week"))  // no-break spaces became plain spaces
    }
}
