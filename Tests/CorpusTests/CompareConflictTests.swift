import Foundation
import Testing
@testable import Corpus

/// Facts per sentence and the conflicts between the sentences of a claim.
@Suite struct CompareConflictTests {
    static func facts(_ text: String, _ key: String) -> [Fact] {
        FactExtractor.facts(in: text).filter { $0.key == key }
    }

    @Test func weekdaysAndWeekends() throws {
        let tuesday = try #require(Self.facts("He spoke to Blinken on Tuesday evening.", "weekday").first)
        #expect(tuesday.values == ["tuesday"])
        #expect(tuesday.text == "on Tuesday")
        #expect(!tuesday.hedged)
        let weekend = try #require(Self.facts("He travels to Beijing this weekend.", "weekday").first)
        #expect(weekend.values == ["saturday", "sunday"])
        #expect(weekend.hedged)
        let sunday = try #require(Self.facts("He arrived on Sunday.", "weekday").first)
        #expect(weekend.isCompatible(with: sunday) && !weekend.isSame(as: sunday))
        #expect(!tuesday.isCompatible(with: sunday))
    }

    @Test func daysMonthsAndYears() throws {
        let a = try #require(Self.facts("On June 18–19, Blinken will hold meetings in China.", "day").first)
        let b = try #require(Self.facts("Blinken will be in China on 18-19 June.", "day").first)
        #expect(a.values == ["june 18", "june 19"])
        #expect(a.isSame(as: b))
        #expect(a.text == "June 18–19")
        let c = try #require(Self.facts("The talks end on June 20.", "day").first)
        #expect(!a.isCompatible(with: c))
        #expect(Self.facts("Since his inauguration in January 2021, nothing changed.", "month").first?.values == ["january"])
        #expect(Self.facts("Since his inauguration in January 2021, nothing changed.", "year").first?.values == ["2021"])
        // "May" and "March" are months only inside a sentence or next to a day.
        #expect(Self.facts("May I ask a question?", "month").isEmpty)
        #expect(Self.facts("Musk visited China in May.", "month").first?.values == ["may"])
        #expect(Self.facts("Protesters march on the capital.", "month").isEmpty)
    }

    @Test func countsWithUnitsAndHedges() throws {
        let exact = try #require(Self.facts("The first visit by a US diplomat in five years.", "number of year").first)
        let nearly = try #require(Self.facts("The first visit by a US diplomat in nearly five years.", "number of year").first)
        #expect(exact.range == 5...5)
        #expect(nearly.hedged && nearly.text == "nearly five years")
        #expect(nearly.isCompatible(with: exact) && !nearly.isSame(as: exact))
        let six = try #require(Self.facts("It was the first visit in 6 years.", "number of year").first)
        #expect(!six.isCompatible(with: exact))
        #expect(!six.isCompatible(with: nearly))
        // "two-day trip" and "two days trip" are the same count.
        let hyphen = try #require(Self.facts("He began a two-day trip.", "number of day").first)
        let spaced = try #require(Self.facts("He began a high-level two days trip.", "number of day").first)
        #expect(hyphen.isSame(as: spaced))
        #expect(Self.facts("More than 1,200 people were evacuated.", "number of people").first?.range == 1200...1800)
        #expect(Self.facts("About 3 million people live there.", "number of people").first?.values == ["3000000"])
        // "one" is too often not a count; numbers before stopwords have no unit.
        #expect(Self.facts("One of the officials left.", "number of official").isEmpty)
        #expect(FactExtractor.facts(in: "He counted to 10 and then left.").filter { $0.kind == .number }.isEmpty)
    }

    @Test func titledNames() throws {
        let qin = try #require(Self.facts("That came after Chinese Foreign Minister Qin Gang told the US to stop.", "role: foreign minister").first)
        #expect(qin.values == ["qin", "gang"])
        #expect(qin.text == "Foreign Minister Qin Gang")
        let blinken = try #require(Self.facts("US Secretary of State Antony Blinken arrived.", "role: secretary of state").first)
        #expect(blinken.values == ["antony", "blinken"])
        // A bare title ("President Xi") is too vague to compare.
        #expect(FactExtractor.facts(in: "He met President Xi.").filter { $0.kind == .name }.isEmpty)
    }

    @Test func seedPhoneCallWeekdayConflict() throws {
        let corpus = try CompareFixtures.seedCorpus()
        let conflicts = ConflictFinder.conflicts(in: corpus)
        let weekday = try #require(conflicts.first { $0.key == "weekday" })
        #expect(weekday.kind == .date)
        #expect(weekday.certain)
        #expect(Set(weekday.values.map { $0.lowercased() }) == ["on tuesday", "on wednesday"])
        #expect(Set(CompareFixtures.prefixes(weekday.sentences.map(\.document))) == ["000", "004"])
        #expect(weekday.sentences.allSatisfy { $0.text.contains("phone call") && $0.text.contains("Qin Gang") })
        #expect(weekday.claim.sentences.contains(weekday.sentences[0]))
        #expect(weekday.reason.contains("NewsTrack") && weekday.reason.contains("The Guardian"))
        // By default only disagreements that cannot both be true.
        #expect(conflicts.allSatisfy { $0.certain })
    }

    @Test func seedHedgesOnRequest() throws {
        let corpus = try CompareFixtures.seedCorpus()
        var options = ConflictOptions()
        options.includeHedges = true
        let conflicts = ConflictFinder.conflicts(in: corpus, options: options)
        let years = try #require(conflicts.first { $0.key == "number of year" })
        #expect(!years.certain)
        #expect(Set(years.values) == ["five years", "nearly five years"])
        let weekend = try #require(conflicts.first { $0.key == "weekday" && !$0.certain })
        #expect(weekend.values.contains("this weekend"))
        #expect(weekend.values.contains("on Sunday"))
        // The same disagreement is not reported twice.
        let identities = conflicts.map { [$0.key] + $0.values + $0.sentences.map { "\($0.document.id)#\($0.sentence)" } }
        #expect(Set(identities).count == identities.count)
        var onlyNames = options
        onlyNames.kinds = [.name]
        #expect(ConflictFinder.conflicts(in: corpus, options: onlyNames).allSatisfy { $0.kind == .name })
    }

    @Test func writtenConflictsOnNumbersAndNames() throws {
        let corpus = CompareFixtures.corpus([
            ("a", "Officials said 12 people died in the warehouse fire in Tarrow on Monday. Secretary of State Antony Blinken praised the firefighters in Tarrow."),
            ("b", "Officials said 15 people died in the warehouse fire in Tarrow on Monday. Secretary of State Anthony Blinken praised the firefighters in Tarrow."),
        ])
        let claims = ClaimFinder.claims(in: corpus, by: .document)
        #expect(claims.count == 2)
        let conflicts = ConflictFinder.conflicts(in: claims)
        let deaths = try #require(conflicts.first { $0.kind == .number })
        #expect(deaths.key == "number of people")
        #expect(deaths.values == ["12 people", "15 people"])
        let spelling = try #require(conflicts.first { $0.key == "spelling" })
        #expect(Set(spelling.values) == ["Antony", "Anthony"])
        #expect(spelling.kind == .name)
        // The weekday agrees, so it is no conflict.
        #expect(!conflicts.contains { $0.key == "weekday" })
    }

    @Test func spellingVariantsNeedSimilarNames() {
        #expect(ConflictFinder.isVariant("Antony", "Anthony"))
        #expect(ConflictFinder.isVariant("Emanuel", "Emmanuel"))
        #expect(!ConflictFinder.isVariant("China", "Chinese"))
        #expect(!ConflictFinder.isVariant("Biden", "Bidens"))
        #expect(!ConflictFinder.isVariant("Wang", "Yang"))
        #expect(!ConflictFinder.isVariant("Xi", "Xu"))
        #expect(!ConflictFinder.isVariant("Beijing", "Beijing"))
    }

    @Test func extraFactsArePluggable() {
        let corpus = CompareFixtures.corpus(CompareClaimTests.paraphrased)
        let claims = ClaimFinder.claims(in: corpus, by: .document)
        #expect(ConflictFinder.conflicts(in: claims).isEmpty)
        var options = ConflictOptions()
        options.extraFacts = { doc, _ in
            [Fact(kind: .date, key: "resolved date", values: [doc.id == "a" ? "2023-06-13" : "2023-06-14"], text: doc.id)]
        }
        let conflicts = ConflictFinder.conflicts(in: claims, options: options)
        #expect(conflicts.count == claims.count)
        #expect(conflicts.allSatisfy { $0.key == "resolved date" && $0.certain })
    }

    @Test func oddSentencesGiveNoFactsAndNoCrash() {
        for text in ["", "—", "2023", "On", "this weekend", "June", "18-", "-19 June", "nearly", "\u{FFFD}\u{0}", "1e999 years",
                     String(repeating: "Monday ", count: 5000)] {
            _ = FactExtractor.facts(in: text)
            _ = FactExtractor.names(in: text)
        }
        #expect(FactExtractor.facts(in: "").isEmpty)
        #expect(ConflictFinder.conflicts(in: []).isEmpty)
    }
}
