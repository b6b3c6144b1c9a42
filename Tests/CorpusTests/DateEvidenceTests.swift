import Testing
@testable import Corpus

@Suite("DateEvidence")
struct DateEvidenceTests {
    typealias Support = DateTestSupport

    private func value(_ iso: String) throws -> DateValue {
        try #require(DateValue(iso: iso))
    }

    private func absolute(_ text: String) -> [DateMention] {
        DateExtractor.mentions(in: text, anchor: nil).filter { !$0.isRelative }
    }

    // MARK: corpusAnchor

    @Test func givenDatesWin() throws {
        let anchor = DateEvidence.corpusAnchor(documentDates: [nil, try value("2023-06-18"), nil])
        #expect(anchor?.value.iso == "2023-06-18")
        #expect(anchor?.description == "corpus evidence 2023-06-18")
    }

    @Test func mostCommonGivenDateThenLatest() throws {
        let common = DateEvidence.corpusAnchor(
            documentDates: [try value("2023-06-18"), try value("2023-06-18"), try value("2023-06-20")])
        #expect(common?.value.iso == "2023-06-18")
        let tie = DateEvidence.corpusAnchor(documentDates: [try value("2023-06-18"), try value("2023-06-20")])
        #expect(tie?.value.iso == "2023-06-20")
    }

    @Test func coarseDatesAndNothing() throws {
        let coarse = DateEvidence.corpusAnchor(documentDates: [try value("2023-06"), nil])
        #expect(coarse?.value.iso == "2023-06")
        #expect(DateEvidence.corpusAnchor(documentDates: [nil]) == nil)
        #expect(DateEvidence.corpusAnchor(documentDates: []) == nil)
    }

    @Test func writtenDatesAreNeverTheAnchor() throws {
        // Dates written in bodies (a deadline, an anniversary) do not date the corpus: without a document date
        // there is no anchor, and relative dates stay unresolved.
        let texts = [
            "Talks on June 18, 2023; Biden was sworn in on January 20, 2021.",
            "Blinken landed on 18 June 2023 and left on Tuesday.",
            "Payment is due by June 30, 1987.",
        ]
        let resolved = DateEvidence.resolve(texts: texts, documentDates: [nil, nil, nil])
        #expect(resolved.allSatisfy { $0.anchor == nil && $0.date.date == nil })
        #expect(resolved[1].mentions.first { $0.text == "Tuesday" }?.value == nil)
    }

    // MARK: inferredDocumentDate

    @Test func inferredFromLeadWeekday() throws {
        let corpus = DateAnchor.corpusEvidence(try value("2023-06-18"))
        let seed003 = DateExtractor.mentions(in: try Support.seed("003"), anchor: nil)
        #expect(DateEvidence.inferredDocumentDate(mentions: seed003, corpusAnchor: corpus)?.iso == "2023-06-18")
        // 000's first weekday ("briefing on Wednesday") has no past marker and no Wednesday candidate.
        let seed000 = DateExtractor.mentions(in: try Support.seed("000"), anchor: nil)
        #expect(DateEvidence.inferredDocumentDate(mentions: seed000, corpusAnchor: corpus) == nil)
        // 004's lead weekday is a Wednesday; neither the corpus anchor nor the text offers one.
        let seed004 = DateExtractor.mentions(in: try Support.seed("004"), anchor: nil)
        #expect(DateEvidence.inferredDocumentDate(mentions: seed004, corpusAnchor: corpus) == nil)
    }

    @Test func inferredFromTheDocumentsOwnDate() throws {
        let text = "Blinken arrived in Beijing on Sunday. The visit, set for June 18, 2023, was long delayed."
        let found = DateExtractor.mentions(in: text, anchor: nil)
        #expect(DateEvidence.inferredDocumentDate(mentions: found, corpusAnchor: nil)?.iso == "2023-06-18")
    }

    @Test func inferenceIsConservative() throws {
        // Two Sundays to choose from.
        let twoSundays = DateExtractor.mentions(
            in: "Blinken arrived on Sunday. Talks of June 11, 2023 and June 18, 2023 were planned.", anchor: nil)
        #expect(DateEvidence.inferredDocumentDate(mentions: twoSundays, corpusAnchor: nil) == nil)
        // Future tense: the report precedes the day.
        let future = DateExtractor.mentions(in: "Blinken will arrive on Sunday, 2023-06-18 by plan.", anchor: nil)
        #expect(DateEvidence.inferredDocumentDate(mentions: future, corpusAnchor: nil) == nil)
        // Shifted weekday ("last Sunday") is no peg.
        let shifted = DateExtractor.mentions(in: "Blinken arrived last Sunday. Dated 18-6-2023.", anchor: nil)
        #expect(DateEvidence.inferredDocumentDate(mentions: shifted, corpusAnchor: nil) == nil)
        // A weekday far into the text is not the lead's peg.
        let late = String(repeating: "Filler words without dates. ", count: 60) + "He arrived on Sunday, 18-6-2023."
        let lateMentions = DateExtractor.mentions(in: late, anchor: nil)
        #expect(DateEvidence.inferredDocumentDate(mentions: lateMentions, corpusAnchor: nil) == nil)
        #expect(DateEvidence.inferredDocumentDate(mentions: [], corpusAnchor: nil) == nil)
    }

    // MARK: resolve (the seeds end to end)

    /// 002's dateline gives its date; the other seeds have none.
    private func resolvedSeeds(givenFor002: Bool = true) throws -> [(name: String, dates: DocumentDates)] {
        let seeds = try Support.seeds()
        let given: [DateValue?] = try seeds.map { givenFor002 && $0.name.hasPrefix("002") ? try value("2023-06-18") : nil }
        let resolved = DateEvidence.resolve(texts: seeds.map(\.text), documentDates: given)
        return Array(zip(seeds.map(\.name), resolved))
    }

    @Test func seedAnchors() throws {
        let anchors = try resolvedSeeds().map { $0.dates.anchor?.description }
        // 003's "arrived in Beijing on Sunday" matches only the corpus's date (002's Sunday): a guess, which its
        // relative dates are read against.
        #expect(anchors == [
            "corpus evidence 2023-06-18", "corpus evidence 2023-06-18", "document date 2023-06-18",
            "guessed document date 2023-06-18", "corpus evidence 2023-06-18",
        ])
        let seeds = try resolvedSeeds()
        #expect(seeds[3].dates.date.date == nil)
        #expect(seeds[3].dates.date.guess?.date == "2023-06-18")
        #expect(seeds[2].dates.date == DocumentDate(date: "2023-06-18", from: "dateline"))
        // Without 002's given date nothing dates the corpus: a date written in a body is not a corpus anchor (a
        // document whose lead weekday matches a date it writes still dates itself).
        let unanchored = try resolvedSeeds(givenFor002: false)
        #expect(unanchored.allSatisfy { $0.dates.anchor?.description.hasPrefix("corpus evidence") != true })
        #expect(unanchored[0].dates.anchor == nil)
    }

    @Test func baliMeetingIsNovember2022() throws {
        let seeds = try resolvedSeeds()
        let bali = seeds.flatMap { seed in
            seed.dates.mentions.filter { $0.text == "last November" || $0.text == "November 2022" }
                .map { (String(seed.name.prefix(3)), $0.text, $0.value?.iso) }
        }
        #expect(bali.map(\.0) == ["000", "003", "003"])
        #expect(bali.allSatisfy { $0.2 == "2022-11" })
    }

    @Test func seedTimelineKeepsRanges() throws {
        let mentions = try resolvedSeeds().flatMap(\.dates.mentions)
        #expect(mentions.allSatisfy { $0.value != nil })
        let timeline = mentions.compactMap(\.value).sorted()
        #expect(timeline.first?.iso == "2018-10")
        #expect(timeline.last?.iso == "2024")
        #expect(timeline.contains { $0.iso == "2023-06-18/2023-06-19" })
        #expect(timeline.contains { $0.iso == "2023-06-17/2023-06-18" })
        #expect(zip(timeline, timeline.dropFirst()).allSatisfy { !($1 < $0) })
        // Every relative mention names its anchor; absolute ones do not.
        #expect(mentions.allSatisfy { $0.isRelative == ($0.anchor != nil) })
    }
}

@Suite("DateTimeline")
struct DateTimelineTests {
    @Test func ordersByValueKeepsTiesAndPutsUnresolvedLast() throws {
        let anchor = try DateTestSupport.anchor("2023-06-18")
        let first = DateExtractor.mentions(in: "On June 18–19, after talks on Wednesday and in May.", anchor: anchor)
        let second = DateExtractor.mentions(in: "He arrived on Sunday, June 18. Since at least 2019; in May.", anchor: anchor)
        let unresolved = DateExtractor.mentions(in: "Talks on Friday.", anchor: nil)
        let items = (first.map { ("A", $0) } + unresolved.map { ("C", $0) } + second.map { ("B", $0) })
        let ordered = DateTimeline.sorted(items) { $0.1 }
        #expect(ordered.map { "\($0.0):\($0.1.text)" } == [
            "B:Since at least 2019", "A:May", "B:May", "A:Wednesday", "A:June 18–19", "B:Sunday, June 18", "C:Friday",
        ])
        #expect(DateTimeline.sorted(first).map(\.text) == ["May", "Wednesday", "June 18–19"])
    }
}
