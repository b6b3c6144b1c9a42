import Foundation
import Testing
@testable import Corpus

/// Odd input never crashes and gives sensible answers.
@Suite struct EntityRobustnessTests {
    @Test func emptyAndBlankTexts() {
        for text in ["", " ", "\n\n\n", "\u{00A0}\u{00A0}", ".", "“”", "—", "123 456"] {
            let index = EntityFixtures.entities(text)
            #expect(index.entities.isEmpty, "\(text.debugDescription)")
            #expect(index.entity(named: "anything") == nil)
            #expect(index.resolve("he", in: 0, near: 0) == nil)
        }
        #expect(EntityIndex.build(documents: []).entities.isEmpty)
    }

    @Test func unusualCharactersAndLayouts() {
        let texts = [
            "Foreign Minister Qin Gang met Antony Blinken.\r\nQin said it went well.\r\n",
            "🇺🇸🇨🇳 Blinken 👋 met Qin in Beijing 🎉",
            "ANTONY BLINKEN MEETS QIN GANG IN BEIJING\n\nThe meeting was short.",
            "Mr.\nBlinken\n\nMr.",
            String(repeating: "Blinken met Qin Gang in Beijing and ", count: 2_000),
            "Stéphane Dujarric, UN spokesman, said Ángela Merkel and Çelik Öztürk agreed.",
            "A\u{0301}ngela \u{200B}Blinken\u{2060} \u{FEFF}Qin",
            "'' \" ' ( ) [ ] : ; - -- --- … ...",
            "Mr. Mr. Mr. President President Secretary of State",
            "Xi-Biden talks. US--China. -US- Sino-",
        ]
        for text in texts {
            let index = EntityFixtures.entities(text)
            for e in index.entities {
                #expect(!e.name.isEmpty)
                #expect(e.count == e.mentions.count)
                for m in e.mentions {
                    #expect(m.range.lowerBound >= 0 && m.range.upperBound <= text.utf8.count)
                    #expect(!m.range.isEmpty)
                }
            }
        }
    }

    @Test func allCapitalsHeadlineIsOnlyMatchedAgainstKnownNames() {
        let index = EntityFixtures.entities("ANTONY BLINKEN MEETS QIN GANG IN BEIJING\n\nThe meeting in Beijing was short.")
        #expect(EntityFixtures.people(index).isEmpty)
        #expect(index.entity(named: "Beijing")?.count == 2)
    }

    @Test func freeTextKeepsTheWholeTextAsTheBody() {
        let corpus = Corpus.freeText("Foreign Minister Qin Gang spoke.")
        #expect(corpus.count == 1)
        #expect(corpus.documents[0].text == "Foreign Minister Qin Gang spoke.")
        #expect(corpus.documents[0].title == nil)
        #expect(corpus.entity(named: "Qin")?.roles == ["Foreign Minister"])
    }

    @Test func annotationCacheBuildsOncePerKey() {
        let cache = AnnotationCache()
        var builds = 0
        #expect(cache.value("a") { builds += 1; return 1 } == 1)
        #expect(cache.value("a") { builds += 1; return 2 } == 1)
        #expect(builds == 1)
        // A value may ask for another while it builds.
        #expect(cache.value("b") { cache.value("c") { "inner" } + "+" } == "inner+")
        cache.set("a", Optional<Int>.none)
        #expect(cache.peek("a", as: Int.self) == nil)
        #expect(cache.value("a") { 3 } == 3)
    }

    @Test func nameMatchingHelpers() {
        #expect(NameMatching.isNearSpelling("antony", "anthony"))
        #expect(NameMatching.isNearSpelling("emanuel", "emmanuel"))
        #expect(!NameMatching.isNearSpelling("jake", "jane"))
        #expect(!NameMatching.isNearSpelling("smith", "smyth"))
        #expect(!NameMatching.isNearSpelling("xi", "xie"))
        #expect(NameMatching.isSamePerson(["jessica", "weiss"], ["jessica", "chen", "weiss"]))
        #expect(NameMatching.isSamePerson(["john", "kennedy"], ["john", "f.", "kennedy"]))
        #expect(!NameMatching.isSamePerson(["george", "w.", "bush"], ["george", "h.", "w.", "bush"]))
        #expect(NameMatching.isSamePerson(["dennis", "m.", "ritchie"], ["dennis", "macalistair", "ritchie"]))
        #expect(NameMatching.lookupKey("Mr. Blinken’s") == "blinken")
        #expect(NameMatching.lookupKey("the United States") == "united states")
        #expect(NameMatching.fold("stéphane") == "stephane")
        #expect(NameMatching.editDistance("", "abc") == 3)
    }
}
