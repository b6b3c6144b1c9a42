import Testing
@testable import Corpus

/// Organisation names whose head word comes first (Spanish, French, Italian) or is a plural of
/// members ("United Auto Workers").
@Suite struct EntityOrganizationHeadTests {
    private func kinds(_ text: String) -> [String: EntityKind] {
        Dictionary(Corpus.freeText(text).entities().map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func headFirstInRomanceLanguages() {
        let found = kinds("""
            La Fiscalía Anticorrupción pidió a la Audiencia de Palma que juzgue a los responsables del \
            Instituto Nóos, según fuentes del caso.
            """)
        #expect(found["Fiscalía Anticorrupción"] == .organization)
        #expect(found["Audiencia de Palma"] == .organization)
        #expect(found["Instituto Nóos"] == .organization)
    }

    @Test func aCommitteeOfAKnownBodyKeepsItsName() {
        let found = kinds("The chair of the Senate Commerce Committee, Sen. Margaret Ellery, said the money would keep projects on schedule.")
        #expect(found["Senate Commerce Committee"] == .organization)
        #expect(found["Margaret Ellery"] == .person)
    }

    @Test func aUnionNamedForItsMembers() {
        let found = kinds("About 3,000 members of the United Auto Workers walked out at the Marlowe plant on Monday.")
        #expect(found["United Auto Workers"] == .organization)
    }
}
