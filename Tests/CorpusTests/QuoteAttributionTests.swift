import Testing
@testable import Corpus

/// Stage 3: each attribution pattern on a real sentence (from the seeds, or written here).
@Suite struct QuoteAttributionTests {
    /// The only quote of a text.
    private func only(_ text: String, verbs: AttributionVerbs = .english) throws -> Quote {
        let quotes = QuoteExtractor.quotes(in: text, verbs: verbs)
        try #require(quotes.count == 1, "expected one quote in \(text), got \(quotes.map(\.text))")
        return quotes[0]
    }

    @Test func colonAfterALongComplement() throws {
        let q = try only("Maria Lopez said on Tuesday in an interview with the Financial Times: “We made progress.”")
        #expect(q.speakerText == "Maria Lopez")
        #expect(q.kind == .full)
        let middle = QuoteExtractor.quotes(in: "“We will win,” he said, “and we will do it soon.”")
        #expect(middle.map(\.kind) == [.full, .full])
        #expect(middle.map(\.speakerText) == ["he", "he"])
    }

    @Test func quoteThenSubjectAndVerb() throws {
        let q = try only("Jonathan Ward is an author.\n\n“I don’t think any particular meeting is going to change the structural problem in the US-China relationship,” Ward said.")
        #expect(q.speakerText == "Ward")
        #expect(q.verb == "said")
        #expect(q.speaker?.name == "Jonathan Ward")
        #expect(q.kind == .full && !q.partial)
        #expect(q.text.hasSuffix("relationship"))
    }

    @Test func quoteThenADescriptionAndTheNameItIntroduces() throws {
        // Hard-wrapped energy newsletter.
        let q = try only("\"We would rather start a few months late than start with equipment we\nhave not fully tested,\" Equinor's head of projects, Kjetil Haugland,\ntold an industry conference in Stavanger.")
        #expect(q.speakerText == "Kjetil Haugland")
        #expect(q.speaker?.name == "Kjetil Haugland")
        // A phrase that is not the subject still gives nobody.
        #expect(try only("“We are ready,” in the view of analysts, the market rose.").speakerText == nil)
    }

    @Test func frenchAgencyAttribution() throws {
        // AFP copy: the verb after its auxiliary, "à l'AFP" before the name, a verb of judging.
        let q = try only("« Nous n'avons pas été entendus, il ne nous reste que la grève », a déclaré à l'AFP Sophie Marchal, secrétaire générale de la fédération SUD-Rail.", verbs: .news)
        #expect(q.speakerText == "Sophie Marchal")
        #expect(q.verb == "déclaré")
        let judged = try only("Le ministre délégué aux Transports, Patrice Vergnaud, a jugé ce mouvement « incompréhensible ».", verbs: .news)
        #expect(judged.speakerText == "Patrice Vergnaud")
        #expect(judged.partial)
    }

    @Test func subjectVerbThenQuote() throws {
        let q = try only(#"Sun said, "Xi does want to visit San Francisco.""#)
        #expect(q.speakerText == "Sun")
        #expect(q.verb == "said")
        #expect(q.kind == .full)
        #expect(q.text == "Xi does want to visit San Francisco.")
    }

    @Test func accordingToLeadsIn() throws {
        let q = try only(#"According to Andrew Small, a senior fellow with the German Marshall Fund's Asia programme, "both sides want to show the rest of the world that they are managing the relationship responsibly.""#)
        #expect(q.speakerText == "Andrew Small")
        #expect(q.speaker?.name == "Andrew Small")
        #expect(q.verb == "according to")
        #expect(q.kind == .full)
    }

    @Test func verbAndColonLeadIn() throws {
        let q = try only("Daniel Kritenbrink, the US state department’s top diplomat for east Asia, spoke later.\n\nKritenbrink added: “We’re coming to Beijing with a realistic, confident approach.”")
        #expect(q.speakerText == "Kritenbrink")
        #expect(q.verb == "added")
        #expect(q.speaker?.name == "Daniel Kritenbrink")
        #expect(q.kind == .full)
    }

    @Test func verbFirstAfterTheQuote() throws {
        let q = try only("“At the same time, it has repeatedly tested and provoked China’s bottom line,” wrote Yuyuan Tantian, the CCTV-affiliated blogger.")
        #expect(q.speakerText == "Yuyuan Tantian")
        #expect(q.verb == "wrote")
        #expect(q.speaker?.name == "Yuyuan Tantian")
    }

    @Test func toldReporters() throws {
        let q = try only(#""Anything that would lead to greater cooperation is to be welcomed," UN spokesman Stephane Dujarric told reporters on Wednesday."#)
        #expect(q.speakerText == "UN spokesman Stephane Dujarric")
        #expect(q.verb == "told")
        #expect(q.speaker?.name == "Stephane Dujarric")
    }

    @Test func unnamedSpeakerAfterTheQuote() throws {
        let q = try only("“There’s a recognition on both sides that we do need to have senior-level channels of communication,” stated a senior State Department official during a refuelling stop in Tokyo en route to Beijing.")
        #expect(q.speakerText == "a senior State Department official")
        #expect(q.verb == "stated")
        #expect(q.speaker == nil)
        #expect(q.kind == .full)
    }

    @Test func quotedAsSaying() throws {
        let q = try only("Blinken’s “trip is essential, but not sufficient”, Singapore’s foreign minister Vivian Balakrishnan was quoted by Al-Jazeera as saying.")
        #expect(q.verb == "quoted as saying")
        #expect(q.speakerText == "Singapore’s foreign minister Vivian Balakrishnan")
        #expect(q.speaker?.name == "Vivian Balakrishnan")
        #expect(q.partial)  // the writer's "Blinken’s" comes before it
    }

    @Test func accordingToAfterAFragment() throws {
        let q = try only("The idea remains to start a diplomatic thaw and to “responsibly manage Sino-US relations,” according to the State Department.")
        #expect(q.verb == "according to")
        #expect(q.speakerText == "the State Department")
        // The entity stage knows it as an organisation.
        #expect(q.speaker?.name == "State Department")
        #expect(q.speakerKind == .organization)
        #expect(q.partial)
        #expect(q.text == "responsibly manage Sino-US relations")
    }

    @Test func reportedSpeechAroundAFragment() throws {
        let q = try only("Chinese Foreign Ministry spokesperson Wang Wenbin said the United States should “respect China’s core concerns” and work with Beijing.")
        #expect(q.verb == "said")
        #expect(q.speakerText == "Chinese Foreign Ministry spokesperson Wang Wenbin")
        #expect(q.speaker?.name == "Wang Wenbin")
        #expect(q.partial)
    }

    @Test func participleTakesTheSentenceSubject() throws {
        let q = try only("However, US officials downplayed expectations of significant progress, stating that while the discussions would be “candid, direct, and constructive,” breakthroughs are unlikely.")
        #expect(q.verb == "stating")
        #expect(q.speakerText == "US officials")
        #expect(q.speaker == nil)  // a group, not one person
        #expect(q.partial)
    }

    @Test func appositiveBetweenNameAndVerb() throws {
        let q = try only("Jonathan Ward, author of The Decisive Decade, a book about US competition with China, said that the state of US-China relations pointed to a “dangerous future ahead”.")
        #expect(q.speakerText == "Jonathan Ward")
        #expect(q.speaker?.name == "Jonathan Ward")
        #expect(q.partial)
    }

    @Test func questionMarkJoinsTheAttribution() throws {
        let q = try only("Maria Lopez looked up. “Why now?” she asked.")
        #expect(q.verb == "asked")
        #expect(q.speakerText == "she")
        #expect(q.speaker?.name == "Maria Lopez")
        #expect(q.text == "Why now?")
    }

    @Test func participleAfterAPronounAttribution() throws {
        let quotes = QuoteExtractor.quotes(in: "Maria Lopez spoke first. “This is a disaster,” she said, adding: “We need help.”")
        #expect(quotes.map(\.verb) == ["said", "adding"])
        #expect(quotes.map { $0.speaker?.name } == ["Maria Lopez", "Maria Lopez"])
        #expect(try only("“It is time,” the 45-year-old said.").speakerText == "the 45-year-old")
    }

    @Test func passiveVerbsDoNotAttribute() throws {
        let q = try only("“Are you ready?” was asked of the crowd.")
        #expect(q.speakerText == nil)
    }

    @Test func pluginVerbsExtendTheTable() throws {
        let text = "“That was the plan all along,” Maria Lopez chirped."
        #expect(try only(text).speakerText == nil)
        let q = try only(text, verbs: .english.adding(["chirped"]))
        #expect(q.speakerText == "Maria Lopez")
        #expect(q.verb == "chirped")
        #expect(AttributionVerbs.english.removing(["said"]).contains("said") == false)
    }
}
