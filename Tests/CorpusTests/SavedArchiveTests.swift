import Foundation
import Testing
@testable import Corpus

/// A corpus saved with `DossierArchive.write` and opened again by mapping gives the same
/// documents, search ranking, KWIC, statistics and analyses as the corpus it was written from.
@Suite struct SavedArchiveTests {
    static let seedsPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds").path
    static let benchPath = "/tmp/dossier-bench/copies-1"

    @Test func theSeedsRoundTrip() throws {
        let loaded = try CorpusLoader.load(path: Self.seedsPath)
        let folder = try ArchiveFolder()
        try DossierArchive.write(loaded, to: folder.archive, sources: [Self.seedsPath])
        let opened = try DossierArchive.open(folder.archive, verify: true)
        #expect(opened.archive?.documents == loaded.count)
        #expect(loaded.archive == nil)
        let queries = ["said", "government", "\"prime minister\"", "minist*", "police OR court", "year -said"]
        try expectSame(loaded, opened, queries: queries, analyses: true)
    }

    @Test func seedsAddedInTwoBatchesAnswerAsALoadOfAll() throws {
        let source = try ArchiveFolder()
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.seedsPath).sorted()
        for (i, name) in names.enumerated() {
            let part = source.path + (i < 3 ? "/a" : "/b")
            try FileManager.default.createDirectory(atPath: part, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Self.seedsPath + "/" + name, toPath: part + "/" + name)
        }
        let all = try CorpusLoader.load(path: source.path)
        let folder = try ArchiveFolder()
        try DossierArchive.write(try CorpusLoader.load(path: source.path + "/a"), to: folder.archive, sources: [])
        let info = try DossierArchive.add(try CorpusLoader.load(path: source.path + "/b"), to: folder.archive, sources: [])
        #expect(info.batches == 2 && info.documents == all.count && info.generation == 2)
        let opened = try DossierArchive.open(folder.archive, verify: true)
        try expectSame(all, opened, queries: ["said", "government", "\"prime minister\"", "police OR court", "year -said"],
                       analyses: true, sameTermIDs: false)
        // The first batch's files were not rewritten: only the lexicon and the new batch's are new.
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.archive).filter { $0.hasSuffix(".dsf") }.sorted()
        #expect(files == ["docs-1.dsf", "docs-2.dsf", "lexicon-2.dsf", "postings-1.dsf", "postings-2.dsf", "terms-1.dsf",
                          "terms-2.dsf", "text-1.dsf", "text-2.dsf"])
    }

    @Test func anAddedDocumentWithATakenIdReplacesTheArchivedOne() throws {
        let folder = try ArchiveFolder()
        let seeds = try CorpusLoader.load(path: Self.seedsPath)
        try DossierArchive.write(seeds, to: folder.archive, sources: [])
        let info = try DossierArchive.add(seeds, to: folder.archive, sources: [])
        #expect(info.replaced == seeds.count && info.documents == seeds.count && info.deleted == seeds.count)
        let opened = try DossierArchive.open(folder.archive, verify: true)
        #expect(opened.documents.map(\.id) == seeds.documents.map(\.id))
        #expect(!opened.warnings.contains { $0.message.contains("duplicate id") })
        // The old copies are gone from everything, statistics included: the load's answers.
        try expectSame(seeds, opened, queries: ["said", "government", "\"prime minister\"", "minist*", "police OR court"],
                       analyses: true, samePaths: false)
    }

    @Test func anArchiveOpensThroughTheLoader() throws {
        let loaded = try CorpusLoader.load(path: Self.seedsPath)
        let folder = try ArchiveFolder()
        try DossierArchive.write(loaded, to: folder.archive, sources: [Self.seedsPath])
        let opened = try CorpusLoader.load(path: folder.archive)
        #expect(opened.archive?.path == folder.archive)
        #expect(opened.location == folder.archive)
        #expect(opened.documents.map(\.id) == loaded.documents.map(\.id))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: benchPath), "no bench corpus in /tmp/dossier-bench/copies-1"))
    func twoThousandBenchDocumentsRoundTrip() throws {
        let source = try ArchiveFolder()
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.benchPath).sorted().prefix(2000)
        for name in names {
            try FileManager.default.createSymbolicLink(atPath: source.path + "/" + name,
                                                       withDestinationPath: Self.benchPath + "/" + name)
        }
        let loaded = try CorpusLoader.load(path: source.path, segmentSize: 400)
        #expect(loaded.index.segments.count > 1)
        let folder = try ArchiveFolder()
        try DossierArchive.write(loaded, to: folder.archive, sources: [source.path])
        let opened = try DossierArchive.open(folder.archive, verify: true)
        #expect(opened.index.segments.count == loaded.index.segments.count)
        try expectSame(loaded, opened, queries: ["said", "police", "\"prime minister\"", "gov*", "water AND river", "the"],
                       analyses: false)

        // The same documents as an archive of the first 1,500 and 500 added: the ranking (block
        // maxima bounded for the new average length) and statistics are a load's.
        let early = try ArchiveFolder(), late = try ArchiveFolder()
        for (i, name) in names.enumerated() {
            try FileManager.default.createSymbolicLink(atPath: (i < 1500 ? early : late).path + "/" + name,
                                                       withDestinationPath: Self.benchPath + "/" + name)
        }
        let grown = try ArchiveFolder()
        try DossierArchive.write(try CorpusLoader.load(path: early.path, segmentSize: 400), to: grown.archive, sources: [])
        try DossierArchive.add(try CorpusLoader.load(path: late.path, segmentSize: 400), to: grown.archive, sources: [])
        let reopened = try DossierArchive.open(grown.archive)
        #expect(reopened.index.averageLength == loaded.index.averageLength)
        try expectSame(loaded, reopened, queries: ["said", "police", "\"prime minister\"", "water AND river", "the",
                                                   "police OR court OR minister"],
                       analyses: false, sameTermIDs: false, samePaths: false)
    }

    /// Every observable result of the two corpora, compared. (`sameVocabulary`: false when `b`
    /// is an archive with deletions, whose lexicon still lists terms only deleted documents had.)
    func expectSame(_ a: Corpus, _ b: Corpus, queries: [String], analyses: Bool, sameTermIDs: Bool = true,
                    samePaths: Bool = true, sameVocabulary: Bool = true) throws {
        #expect(a.count == b.count)
        #expect(!samePaths || a.warnings == b.warnings)
        #expect(a.summary == b.summary)
        for (x, y) in zip(a.documents, b.documents) {
            #expect(x.id == y.id && x.index == y.index)
            #expect(!samePaths || x.path == y.path)
            #expect(x.text == y.text, "text of \(x.id)")
            #expect(sameTermIDs ? x.terms == y.terms : x.terms.map { x.lexicon.term(Int($0)) } == y.terms.map { y.lexicon.term(Int($0)) },
                    "terms of \(x.id)")
            #expect(x.wordCount == y.wordCount)
            #expect(x.title == y.title && x.titleFrom == y.titleFrom && x.source == y.source && x.sourceFrom == y.sourceFrom && x.url == y.url && x.authors == y.authors)
            #expect(x.dateline == y.dateline && x.boilerplate == y.boilerplate && x.credits == y.credits)
            #expect(x.metadata.givenDate == y.metadata.givenDate && x.language == y.language)
            #expect(x.meta.map { "\($0.name)=\($0.value)" } == y.meta.map { "\($0.name)=\($0.value)" })
            #expect(x.origin?.byteRange == y.origin?.byteRange && x.origin?.line == y.origin?.line && x.format == y.format)
            #expect(!samePaths || x.raw == y.raw)
            #expect(x.sentenceCount == y.sentenceCount && x.paragraphs == y.paragraphs)
        }
        let lexA = a.index.lexicon, lexB = b.index.lexicon
        #expect(!sameVocabulary || lexA.count == lexB.count)
        if sameTermIDs {
            #expect(lexA.documentFrequency == lexB.documentFrequency && lexA.collectionFrequency == lexB.collectionFrequency)
            #expect(lexA.ids(withPrefix: "gov") == lexB.ids(withPrefix: "gov"))
        } else {
            // An archive with deletions still lists terms only deleted documents had ("governs"):
            // compare the terms some live document has.
            let liveB = lexB.ids(withPrefix: "gov").filter { sameVocabulary || lexB.documentFrequency[$0] > 0 }
            #expect(Set(lexA.ids(withPrefix: "gov").map(lexA.term)) == Set(liveB.map(lexB.term)))
        }
        for id in stride(from: 0, to: lexA.count, by: max(1, lexA.count / 500)) {
            let term = lexA.term(id)
            guard let other = lexB.id(of: term) else {
                Issue.record("term \(term) missing")
                continue
            }
            #expect(!sameTermIDs || other == id)
            #expect(lexB.term(other) == term && lexB.kind(other) == lexA.kind(id))
            #expect(lexB.documentFrequency[other] == lexA.documentFrequency[id] && lexB.collectionFrequency[other] == lexA.collectionFrequency[id])
        }
        #expect(a.index.documentLengths == b.index.documentLengths && a.index.tokenCount == b.index.tokenCount)
        for q in queries {
            let hitsA = try Search.search(a, q, limit: 20).map { "\($0.document.id) \($0.score) \($0.snippet) \($0.matches)" }
            let hitsB = try Search.search(b, q, limit: 20).map { "\($0.document.id) \($0.score) \($0.snippet) \($0.matches)" }
            #expect(hitsA == hitsB, "search \(q)")
            let kwicA = try Search.kwic(a, q, limit: 200).map { "\($0.document.id) \($0.sentence) \($0.left)[\($0.match)]\($0.right)" }
            let kwicB = try Search.kwic(b, q, limit: 200).map { "\($0.document.id) \($0.sentence) \($0.left)[\($0.match)]\($0.right)" }
            #expect(kwicA == kwicB, "kwic \(q)")
        }
        let freqA = a.frequencies(top: 200).map { "\($0)" }
        let freqB = b.frequencies(top: 200).map { "\($0)" }
        #expect(freqA == freqB)
        guard analyses else { return }
        #expect(a.entities().map { "\($0.name) \($0.kind) \($0.aliases) \($0.count)" }
            == b.entities().map { "\($0.name) \($0.kind) \($0.aliases) \($0.count)" })
        #expect(a.quoteIndex.quotes(in: a).map { "\($0)" } == b.quoteIndex.quotes(in: b).map { "\($0)" })
        #expect(a.dates.timeline(a).map { "\($0.document.id) \($0.mention)" } == b.dates.timeline(b).map { "\($0.document.id) \($0.mention)" })
    }
}

/// A temporary folder removed when the value goes away; `archive` is a `.dossier` path in it.
final class ArchiveFolder {
    let path: String
    var archive: String { path + "/test.dossier" }

    init() throws {
        path = NSTemporaryDirectory() + "dossier-archive-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Links `names` of the folder `source` into `folder` (made when missing): a corpus of chosen
/// files without copying them, as the archive suites build their "added" and "survivors" parts.
func link(_ names: some Sequence<String>, from source: String, into folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for name in names {
        try FileManager.default.createSymbolicLink(atPath: folder + "/" + name, withDestinationPath: source + "/" + name)
    }
}
