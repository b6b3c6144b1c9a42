import Foundation
import Testing
@testable import Corpus

/// The compact candidate columns give back exactly the candidates they were given: every field
/// (the comparison is on `String(reflecting:)`, which prints every stored property, so a field
/// added to `Candidate` and not stored by the columns fails here).
@Suite struct EntityCandidateStoreTests {
    /// The candidates of every document of the seeds and of a few written texts.
    /// (Each list with its lexicon: the two corpora number their terms differently.)
    private func found() throws -> [(list: [Candidate], lexicon: Int)] {
        let seeds = try EntityFixtures.seeds()
        let written = EntityFixtures.corpus([
            "Mr. Antony Blinken, the US Secretary of State, met Chinese Foreign Minister Wang Yi in Beijing. \"We talked,\" Blinken said.",
            "Shares of American Express Co rose. Harlan Marine Corp <HMC> said the Northern Timber Workers Union (NTWU) met; Sir Allan Green spoke.",
            "King Charles III and Pope Francis met. al-Sabah arrived from Kuwait-City. The US-China talks ended.",
        ])
        var lists: [(list: [Candidate], lexicon: Int)] = []
        for (k, corpus) in [seeds, written].enumerated() {
            let table = EntityLexicon(lexicon: corpus.documents[0].lexicon, gazetteer: .standard)
            var evidence = CaseEvidence(count: table.lexicon.count)
            for d in corpus.documents {
                lists.append((try CandidateFinder(table: table).candidates(in: d, evidence: &evidence), k))
            }
        }
        return lists
    }

    @Test func columnsGiveBackEveryField() throws {
        let found = try found()
        let lists = found.map(\.list)
        #expect(lists.reduce(0) { $0 + $1.count } > 100)
        #expect(lists.joined().contains { !$0.roles.isEmpty })
        #expect(lists.joined().contains { $0.honorific != nil })
        #expect(lists.joined().contains { $0.abbreviation != nil })
        var columns = CandidateColumns()
        for (list, lexicon) in found { columns.append(list, lexicon: lexicon) }
        #expect(columns.documentCount == lists.count)
        for (d, list) in lists.enumerated() {
            #expect(columns.candidates(of: d).map { String(reflecting: $0) } == list.map { String(reflecting: $0) })
        }
    }

    @Test func storeReadsAcrossChunksAndRewrites() throws {
        let found = try found()
        let lists = found.map(\.list)
        var chunks: [CandidateColumns] = []
        for start in stride(from: 0, to: lists.count, by: 3) {
            var columns = CandidateColumns()
            for (list, lexicon) in found[start..<min(lists.count, start + 3)] { columns.append(list, lexicon: lexicon) }
            chunks.append(columns)
        }
        chunks.insert(CandidateColumns(), at: 1)  // an empty chunk changes nothing
        var store = CandidateStore(chunks: chunks)
        #expect(store.count == lists.count)
        for p in lists.indices {
            #expect(store[p].map { String(reflecting: $0) } == lists[p].map { String(reflecting: $0) })
            // A pass that reads some of the candidates gets exactly those, decoded the same.
            let single = store[p, where: { $0.partCount == 1 && $0.context == .strong && !$0.isGazetteer }]
            let expected = lists[p].filter { c in
                if case .gazetteer = c.hint { return false }
                return c.parts.count == 1 && c.context == .strong
            }
            #expect(single.map { String(reflecting: $0) } == expected.map { String(reflecting: $0) })
            #expect(store[p, where: { $0.hasLead }].count == lists[p].filter { $0.lead != nil }.count)
        }
        store.replace(1, with: [])
        #expect(store[1].isEmpty)
        store.rewrite(lexicon: { found[$0].lexicon }) { _, list in Array(list.dropFirst()) }
        for p in lists.indices where p != 1 {
            #expect(store[p].map { String(reflecting: $0) } == lists[p].dropFirst().map { String(reflecting: $0) })
        }
        #expect(store[1].isEmpty)
    }
}
