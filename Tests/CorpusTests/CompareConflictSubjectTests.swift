import Foundation
import Testing
@testable import Corpus

/// Conflicts need the same subject and the same attribute: wire-style business and political
/// stories written for these tests, told by two or three desks.
@Suite struct CompareConflictSubjectTests {
    static func conflicts(_ texts: [(String, String)], hedges: Bool = false) -> [Conflict] {
        let corpus = CompareFixtures.corpus(texts)
        var options = ConflictOptions()
        options.includeHedges = hedges
        return ConflictFinder.conflicts(in: ClaimFinder.claims(in: corpus, by: .document), options: options)
    }

    static func docs(_ c: Conflict) -> Set<String> { Set(c.sentences.map(\.document.id)) }

    @Test func twoDesksGiveTwoPricesForOneOffer() throws {
        let found = Self.conflicts([
            ("desk1", "Corliss Paper Co said it offered 31 dlrs a share in cash for all the shares of Dunmore Mills Inc, valuing the company at about 400 mln dlrs."),
            ("desk2", "Dunmore Mills Inc said it received an offer of 33 dlrs a share in cash from Corliss Paper Co for all its shares."),
            ("desk3", "Corliss Paper Co. on Monday offered $31 a share in cash for Dunmore Mills Inc., a deal worth $400 million."),
        ])
        let price = try #require(found.first { $0.key == "number of dollar a share" })
        #expect(price.certain)
        #expect(Set(price.values.compactMap { $0.split(separator: " ").first.map(String.init) }) == ["31", "33", "$31"])
        #expect(Self.docs(price) == ["desk1", "desk2", "desk3"])
        // 400 mln dlrs and $400 million agree.
        #expect(!found.contains { $0.key == "number of dollar" })
    }

    @Test func twoCompaniesPostedPricesAreNoConflict() {
        let found = Self.conflicts([
            ("sunbury", "Sunbury Oil Corp said it raised its posted price for West Texas Intermediate crude by 50 cts to 18.00 dlrs a barrel, effective today."),
            ("kestrel", "Kestrel Petroleum Co said it raised its posted price for West Texas Intermediate crude by 50 cts to 17.50 dlrs a barrel, effective today."),
        ])
        #expect(found.isEmpty)
    }

    @Test func articlesThatAgreeOnAYearAreNoConflict() {
        let found = Self.conflicts([
            ("a", "Trenholm Steel Corp said its 1986 net profit rose to 41.2 mln dlrs from 30.5 mln dlrs in 1985, helped by lower energy costs."),
            ("b", "Trenholm Steel Corp's net profit in 1986 rose to 41.2 mln dlrs, up from 30.5 mln dlrs a year earlier, as energy costs fell."),
        ])
        #expect(found.isEmpty)
    }

    @Test func aMeetingOnTwoDifferentDaysIsAConflict() throws {
        let found = Self.conflicts([
            ("paper", "Finance ministers of the seven leading industrial nations will meet in Paris on Sunday to discuss the fall of the dollar, officials said."),
            ("wire", "Finance ministers of the seven leading industrial nations will meet in Paris on Saturday to discuss the dollar's fall, a Treasury official said."),
        ])
        let day = try #require(found.first { $0.key == "weekday" })
        #expect(Set(day.values) == ["on Sunday", "on Saturday"])
        // Who meets is a description and Paris is where: "paper" names no subject ("wire" names the Treasury).
        #expect(!day.certain)
        #expect(day.reason.contains("not certain: no subject named in paper"))
    }

    @Test func aMinisterResigningOnTwoDaysIsACertainConflict() throws {
        let found = Self.conflicts([
            ("reuters", "Portugal's labour minister Rui Mendonca resigned on Thursday after a newspaper reported that his ministry paid a firm owned by his brother, the government said on Friday."),
            ("ap", "Portugal's labour minister, Rui Mendonca, resigned Friday, a week after a newspaper reported payments by his ministry to a firm owned by his brother."),
        ])
        let day = try #require(found.first { $0.key == "weekday" })
        #expect(day.certain)
        #expect(day.values == ["on Thursday", "Friday"])
        #expect(day.reason.hasPrefix("weekday: on Thursday (reuters) vs Friday (ap)"))
    }

    @Test func aDeadlineAndAMeetingDateAreDifferentAttributes() {
        let found = Self.conflicts([
            ("a", "The Teamsters union said its 2,300 drivers at Pellham Freight Co would strike unless a contract is signed by March 15, and talks would resume on March 9."),
            ("b", "The Teamsters union said the 2,300 Pellham Freight Co drivers would walk out unless there is a contract by March 15, with talks set to resume on March 9."),
            ("c", "Talks between the Teamsters union and Pellham Freight Co will resume on March 9, the union said, six days before its 2,300 drivers may strike."),
        ])
        #expect(!found.contains { $0.key == "day" })
    }

    @Test func deathTollsDifferInOtherWords() throws {
        let found = Self.conflicts([
            ("one", "A fire at the Hallstrom chemical plant near Rotterdam killed seven workers and injured 12 on Wednesday, the fire brigade said."),
            ("two", "Nine people were killed and 12 injured on Wednesday when a fire swept through the Hallstrom chemical plant near Rotterdam, police said."),
        ])
        let toll = try #require(found.first { $0.key == "number of people" })
        #expect(toll.certain)
        #expect(Set(toll.values) == ["seven workers", "Nine people"])
        #expect(!found.contains { $0.key.contains("injur") })
    }

    @Test func anUnnamedSubjectMakesAConflictUncertain() throws {
        let found = Self.conflicts([
            ("named", "Ostrava Glass AS said it would pay a dividend of 4.50 crowns a share for 1986, up from 3.80 crowns."),
            ("unnamed", "The company said it would pay a dividend of 4.20 crowns a share for 1986, up from 3.80 crowns, after profits rose."),
        ])
        let dividend = try #require(found.first { $0.key == "number of crown a share" })
        #expect(!dividend.certain)
        #expect(dividend.reason.contains("no subject named in unnamed"))
    }

    @Test func sentencesOnOneTemplateAboutDifferentSubjectsAreNoConflict() {
        let found = Self.conflicts([
            ("a", "Cardinal Matteo Orsini was archbishop of the diocese of Lucca from 12 March 1921 until his death in 1938."),
            ("b", "Cardinal Piero Landolfi was archbishop of the diocese of Lucca from 3 June 1938 until his death in 1957."),
            ("c", "Cardinal Enrico Varano was archbishop of the diocese of Lucca from 9 October 1957 until his death in 1974."),
        ])
        #expect(found.isEmpty)
    }

    @Test func aPlaceAndItsAdjectiveAreNoSpellingVariants() {
        #expect(!ConflictFinder.isVariant("Australia", "Australian"))
        #expect(!ConflictFinder.isVariant("Israeli", "Israel"))
        #expect(!ConflictFinder.isVariant("Africa", "African"))
        #expect(ConflictFinder.isVariant("Rodriguez", "Rodregiuez"))
        #expect(ConflictFinder.isVariant("Hamid", "Hamed"))
    }

    @Test func aPronounBeforeTheFirstNameLeavesTheSubjectUnnamed() {
        let known: Set<String> = []
        let c = FactContext(SentenceTokens("In 1903, he received the Nobel Prize in Chemistry."), known: known)
        #expect(!c.namesSubject)
        #expect(c.nameWords.contains("nobel"))
    }

    @Test func fourDifferentValuesAreAListNotADisagreement() {
        let found = Self.conflicts([
            ("a", "Harwick Mining Corp said output at its Tamsin copper mine reached 41,000 tonnes in the year to June."),
            ("b", "Harwick Mining Corp said output at its Tamsin copper mine reached 43,000 tonnes in the year to June, a record."),
            ("c", "Harwick Mining Corp said output at its Tamsin copper mine reached 45,500 tonnes in the year to June."),
            ("d", "Harwick Mining Corp said output at its Tamsin copper mine reached 39,000 tonnes in the year to June, down slightly."),
        ])
        #expect(!found.contains { $0.key == "number of tonne" })
        let three = Self.conflicts([
            ("a", "Harwick Mining Corp said output at its Tamsin copper mine reached 41,000 tonnes in the year to June."),
            ("b", "Harwick Mining Corp said output at its Tamsin copper mine reached 43,000 tonnes in the year to June, a record."),
        ])
        #expect(three.contains { $0.key == "number of tonne" && $0.certain })
    }

    @Test func subjectsAndAttributesAreReadFromTheWords() throws {
        let known: Set<String> = []
        let a = FactContext(SentenceTokens("NEW YORK, Feb 26 - Sheikh Khalid said OPEC's pricing committee meets in Vienna on April 9."), known: known)
        #expect(a.actor == ["sheikh", "khalid", "opec"])
        #expect(!a.nameWords.contains("york"))
        let b = FactContext(SentenceTokens("An explosion near the Polish port of Gdansk killed seven workers."), known: known)
        #expect(b.actor == ["gdansk"])
        let facts = FactExtractor.facts(in: "An explosion near the Polish port of Gdansk killed seven workers.")
        let seven = try #require(facts.first { $0.key == "number of people" })
        #expect(b.attribute(of: seven).words.first == "kill")
        #expect(FactExtractor.facts(in: "Harlan offered $42 a share.").contains { $0.key == "number of dollar a share" && $0.values == ["42"] })
        #expect(FactExtractor.facts(in: "a bid worth 610 mln dlrs").contains { $0.key == "number of dollar" && $0.values == ["610000000"] })
        #expect(FactExtractor.facts(in: "rates fell to 3.75%").contains { $0.key == "number of percent" })
    }
}
