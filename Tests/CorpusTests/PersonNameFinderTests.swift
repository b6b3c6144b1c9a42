import Testing
@testable import Corpus

/// The one person-name finder (the entity stage's `CandidateFinder` and `EntityResolver`), which
/// the quotation stage also resolves speakers through: names with particles, titles, initials
/// and line ends inside them, on sentences as news writes them.
@Suite struct PersonNameFinderTests {
    private func persons(_ text: String) -> [String] {
        Corpus.freeText(text).entities(kind: .person).map(\.name).sorted()
    }

    private func speakers(_ text: String) -> [String?] {
        QuoteExtractor.quotes(in: text).map { $0.speaker?.name }
    }

    @Test func arabicParticlesJoinedByHyphens() {
        #expect(persons("Kuwait's oil minister Sheikh Ali al-Khalifa al-Sabah said output would stay at its quota.")
                == ["Ali al-Khalifa al-Sabah"])
        #expect(speakers("“We will not cut,” Sheikh Ali al-Khalifa al-Sabah told reporters in Kuwait.")
                == ["Ali al-Khalifa al-Sabah"])
    }

    @Test func lowercaseParticlesInsideNames() {
        #expect(persons("European Commission President Ursula von der Leyen met Saudi Crown Prince Mohammed bin Salman in Riyadh.")
                == ["Mohammed bin Salman", "Ursula von der Leyen"])
        #expect(persons("The Spanish minister Luis de la Fuente said growth would slow, and Juan Carlos de la Vega agreed.")
                == ["Juan Carlos de la Vega", "Luis de la Fuente"])
    }

    @Test func anOccupationBeforeANameIsNotPartOfIt() {
        #expect(persons("Striker Robin van Persie scored twice, and coach Louis van Gaal praised him.")
                == ["Louis van Gaal", "Robin van Persie"])
        #expect(speakers("“It was a fair result,” Firefighter Robert Savarese said.") == ["Robert Savarese"])
    }

    @Test func aNameBrokenAcrossAHardWrappedLine() throws {
        // Wire copy wrapped at 70 characters, paragraphs marked by an indent.
        let text = """
                NEW YORK, Feb 26 - Brandt Steel Co said it agreed to sell its
            wire unit to a group of investors led by the company's chairman, Thomas
            McKiernan, for about 40 mln dlrs in cash and notes, the company said.
                "We are pleased with the price," McKiernan said in a statement.
            """
        let corpus = CorpusLoader.corpus(texts: [(id: "wire", text: text)])
        #expect(corpus.entities(kind: .person).map(\.name) == ["Thomas McKiernan"])
        let document = try #require(corpus.documents.first)
        #expect(QuoteExtractor.quotes(in: document).map { $0.speaker?.name } == ["Thomas McKiernan"])
    }

    @Test func initialsInsideNames() {
        #expect(persons("Ecologist Robert J. Goodland said the dam was too large.") == ["Robert J. Goodland"])
        #expect(speakers("“Ask not what your country can do for you,” John F. Kennedy said.") == ["John F. Kennedy"])
    }
}

/// Names that are not persons' although written like them.
@Suite struct PersonNameFinderNegativeTests {
    @Test func aCompassWordFirstMakesARegionOrAPeopleNotAPerson() {
        let corpus = Corpus.freeText("""
            The majority of these nations and regions use North Germanic languages, in addition to Finnish.
            Norse mythology is the body of myths belonging to the North Germanic peoples.
            """)
        #expect(!corpus.entities(kind: .person).contains { $0.name == "North Germanic" })
    }
}
