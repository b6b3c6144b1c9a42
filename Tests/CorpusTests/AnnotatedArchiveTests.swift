import Foundation
import Testing
@testable import Corpus

/// `dossier index --annotate`: an archive that stores its analyses answers entities, quotations,
/// dates, claims and conflicts from them, field for field what computing them gives; only the
/// default options are served; stale or damaged analyses are never served.
@Suite(.serialized) struct AnnotatedArchiveTests {
    /// The seeds plus `bench` documents of the bench corpus (when it is there), linked into a folder.
    func sources(bench: Int) throws -> ArchiveFolder {
        let folder = try ArchiveFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: SavedArchiveTests.seedsPath) {
            try FileManager.default.createSymbolicLink(atPath: folder.path + "/" + name,
                                                       withDestinationPath: SavedArchiveTests.seedsPath + "/" + name)
        }
        if bench > 0, FileManager.default.fileExists(atPath: SavedArchiveTests.benchPath) {
            let names = try FileManager.default.contentsOfDirectory(atPath: SavedArchiveTests.benchPath).sorted().prefix(bench)
            for name in names {
                try FileManager.default.createSymbolicLink(atPath: folder.path + "/bench-" + name,
                                                           withDestinationPath: SavedArchiveTests.benchPath + "/" + name)
            }
        }
        return folder
    }

    private func annotated(_ corpus: Corpus, sources: String) throws -> ArchiveFolder {
        let folder = try ArchiveFolder()
        try DossierArchive.write(corpus, to: folder.archive, sources: [sources])
        try DossierArchive.annotate(folder.archive)
        return folder
    }

    @Test func aLoadAndAnAnnotatedArchiveGiveTheSameAnalyses() throws {
        let source = try sources(bench: 200)
        // Near-duplicates: a copy of a seed article, and one cut to its first two thirds.
        let seed = try String(contentsOfFile: SavedArchiveTests.seedsPath + "/000_938e29361b902f0b.txt", encoding: .utf8)
        try seed.write(toFile: source.path + "/copy-of-000.txt", atomically: true, encoding: .utf8)
        try String(seed.prefix(seed.count * 2 / 3)).write(toFile: source.path + "/cut-of-000.txt", atomically: true, encoding: .utf8)
        let loaded = try CorpusLoader.load(path: source.path)
        let folder = try annotated(loaded, sources: source.path)
        let info = try DossierArchive.info(folder.archive)
        #expect(info.analyses.map(\.part) == ["entities", "quotes", "dates", "claims", "duplicates"])
        #expect(info.analysesCurrent && info.analyses.allSatisfy { $0.bytes > 0 })
        try DossierArchive.verify(folder.archive)
        let opened = try DossierArchive.open(folder.archive)
        #expect(opened.savedAnalyses?.stored == SavedAnalyses.parts)
        try expectSameAnalyses(loaded, opened)
        let pairs = DuplicateFinder.duplicates(in: opened)
        #expect(pairs.count >= 2 && pairs.contains { $0.contained != nil } && pairs.allSatisfy { !$0.passages.isEmpty })
        // A sub-corpus reads the root's stored analyses as it reads computed ones.
        let source0 = loaded.documents.compactMap(\.source).first
        let subA = loaded.filter { $0.source == source0 }, subB = opened.filter { $0.source == source0 }
        #expect(subA.entities().map(\.count) == subB.entities().map(\.count))
        #expect(subA.quotes() == subB.quotes())
        #expect(loaded.dates.timeline(subA).map { "\($0.document.id) \($0.mention)" }
                == opened.dates.timeline(subB).map { "\($0.document.id) \($0.mention)" })
        #expect(opened.dates.timeline(subB).count > 0)
        // The stored near-duplicates answer the default question only; a sub-corpus computes its own.
        #expect(opened.savedDuplicates(options: DuplicateOptions()) != nil)
        var other = DuplicateOptions()
        other.threshold = 0.3
        #expect(opened.savedDuplicates(options: other) == nil)
        #expect(subB.savedDuplicates(options: DuplicateOptions()) == nil)
        expectSamePairs(DuplicateFinder.duplicates(in: loaded, options: other), DuplicateFinder.duplicates(in: opened, options: other))
    }

    @Test func anArchiveOpenedToStoreAnalysesKeepsWhatTheSessionComputed() throws {
        let source = try sources(bench: 0)
        let loaded = try CorpusLoader.load(path: source.path)
        let folder = try ArchiveFolder()
        try DossierArchive.write(loaded, to: folder.archive, sources: [source.path])
        // Opened as usual, a session writes nothing.
        _ = try DossierArchive.open(folder.archive).entities()
        #expect(try DossierArchive.info(folder.archive).analyses.isEmpty)
        // While a writer holds the lock, nothing is stored and the session still answers.
        let blocked = try DossierArchive.open(folder.archive, storeAnalyses: true)
        do {
            let lock = try ArchiveLock(folder: folder.archive)
            #expect(!blocked.entities().isEmpty)
            withExtendedLifetime(lock) {}
        }
        #expect(try DossierArchive.info(folder.archive).analyses.isEmpty)
        // Each analysis computed with the default options is stored as it is computed.
        let session = try DossierArchive.open(folder.archive, storeAnalyses: true)
        _ = session.entities()
        #expect(try DossierArchive.info(folder.archive).analyses.map(\.part) == ["entities"])
        _ = session.dates.timeline(session)
        _ = DuplicateFinder.duplicates(in: session)
        var other = ClaimOptions()
        other.threshold = 0.5
        _ = ClaimFinder.claims(in: session, options: other)  // not the default: not stored
        let claims = ClaimFinder.claims(in: session)
        #expect(try DossierArchive.info(folder.archive).analyses.map(\.part) == ["entities", "dates", "duplicates"])
        _ = try ConflictFinder.conflicts(in: session, claims: claims, cancellation: .none)
        let info = try DossierArchive.info(folder.archive)
        #expect(info.analysesCurrent && info.analyses.map(\.part) == ["entities", "dates", "claims", "duplicates"])
        try DossierArchive.verify(folder.archive)
        let reopened = try DossierArchive.open(folder.archive)
        #expect(reopened.savedAnalyses?.stored == ["entities", "dates", "claims", "duplicates"])
        try expectSameAnalyses(loaded, reopened)
        // An archive written since the session opened it gets nothing from the session.
        let late = try DossierArchive.open(folder.archive, storeAnalyses: true)
        try DossierArchive.add(loaded, to: folder.archive, sources: [source.path])
        _ = late.entities()
        let afterAdd = try DossierArchive.info(folder.archive)
        #expect(!afterAdd.analysesCurrent && afterAdd.analyses.map(\.part) == ["entities", "dates", "claims", "duplicates"])
    }

    @Test func datesOfAnOlderLayoutAreComputedNotServed() throws {
        let source = try sources(bench: 0)
        let loaded = try CorpusLoader.load(path: source.path)
        let folder = try annotated(loaded, sources: source.path)
        // A manifest written before the analysis files had versions: its dates file is of layout 1.
        let path = folder.archive + "/MANIFEST"
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
        var analyses = json["analyses"] as? [String: Any] ?? [:]
        #expect((analyses["versions"] as? [String: Int])?["dates"] == DateFile.version)
        analyses["versions"] = nil
        json["analyses"] = analyses
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
        let opened = try DossierArchive.open(folder.archive)
        #expect(opened.savedAnalyses?.stored == ["entities", "quotes", "claims", "duplicates"])
        #expect(opened.dates.documents == loaded.dates.documents)
    }

    func expectSamePairs(_ a: [DuplicatePair], _ b: [DuplicatePair]) {
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) {
            #expect(x.a.id == y.a.id && x.b.id == y.b.id && x.contained?.id == y.contained?.id && x.similarity == y.similarity
                    && x.jaccard == y.jaccard && x.containment == y.containment && x.estimate == y.estimate
                    && x.passages == y.passages, "\(x.a.id) \(x.b.id)")
        }
    }

    /// Every field of every analysis, compared.
    func expectSameAnalyses(_ a: Corpus, _ b: Corpus) throws {
        let ea = a.entityIndex, eb = b.entityIndex
        #expect(ea.entities.count == eb.entities.count)
        #expect(ea.entities.count > 0)
        for (x, y) in zip(ea.entities, eb.entities) {
            #expect(x.id == y.id && x.name == y.name && x.kind == y.kind && x.aliases == y.aliases && x.roles == y.roles,
                    "entity \(x.id) \(x.name)")
            #expect(x.mentions == y.mentions, "mentions of \(x.name)")
        }
        for d in a.documents {
            #expect(ea.mentions(in: d.index).map { "\($0.0.id) \($0.1)" } == eb.mentions(in: d.index).map { "\($0.0.id) \($0.1)" })
        }
        // Lookups by every alias, a courtesy form and a surname find the same entity.
        for e in ea.entities.prefix(150) {
            for name in [e.name] + e.aliases + ["Mr. " + e.name, String(e.name.split(separator: " ").last ?? "")] {
                #expect(ea.entity(named: name)?.id == eb.entity(named: name)?.id, "lookup \(name)")
            }
        }
        let qa = a.quoteIndex.quotes(in: a), qb = b.quoteIndex.quotes(in: b)
        #expect(qa.count > 0)
        #expect(qa == qb)
        let da = a.dates, db = b.dates
        #expect(da.documents == db.documents)
        #expect(da.latestPlausibleYear == db.latestPlausibleYear)
        #expect(da.timeline(a).map { "\($0.document.id) \($0.mention)" } == db.timeline(b).map { "\($0.document.id) \($0.mention)" })
        let ca = ClaimFinder.claims(in: a), cb = ClaimFinder.claims(in: b)
        #expect(ca.count > 0)
        #expect(Claim.same(ca, cb))
        let fa = try ConflictFinder.conflicts(in: a, claims: ca, cancellation: .none)
        let fb = try ConflictFinder.conflicts(in: b, claims: cb, cancellation: .none)
        #expect(fa.count == fb.count)
        for (x, y) in zip(fa, fb) {
            #expect(x.kind == y.kind && x.key == y.key && x.values == y.values && x.claimIndex == y.claimIndex
                    && x.certain == y.certain && x.reason == y.reason)
            #expect(Claim.same([x.claim], [y.claim]))
            #expect(x.sentences.map { "\($0.document.index):\($0.sentence)" } == y.sentences.map { "\($0.document.index):\($0.sentence)" })
        }
        let pa = DuplicateFinder.duplicates(in: a), pb = DuplicateFinder.duplicates(in: b)
        expectSamePairs(pa, pb)
        for d in a.documents {
            #expect(da.documentDate(of: d) == db.documentDate(of: b.documents[d.index]))
            #expect(da.mentions(of: d) == db.mentions(of: b.documents[d.index]))
        }
    }

    @Test func otherOptionsAreComputedNotServed() throws {
        let source = try sources(bench: 0)
        let loaded = try CorpusLoader.load(path: source.path)
        let folder = try annotated(loaded, sources: source.path)
        let opened = try DossierArchive.open(folder.archive)
        // A stored file that no longer matches is not read when the options differ: damage the
        // stored claims, then ask with another threshold and a custom grouping.
        var options = ClaimOptions()
        options.threshold = 0.5
        #expect(Claim.same(ClaimFinder.claims(in: opened, options: options), ClaimFinder.claims(in: loaded, options: options)))
        #expect(Claim.same(ClaimFinder.claims(in: opened, by: .document), ClaimFinder.claims(in: loaded, by: .document)))
        #expect(opened.savedClaims(by: .source, options: options) == nil)
        #expect(opened.savedClaims(by: .document, options: ClaimOptions()) == nil)
        #expect(opened.savedClaims(by: .source, options: ClaimOptions()) != nil)
        var hedges = ConflictOptions()
        hedges.includeHedges = true
        let claims = ClaimFinder.claims(in: opened)
        #expect(opened.savedConflicts(claims: claims, by: .source, options: hedges) == nil)
        #expect(opened.savedConflicts(claims: claims, by: .source, options: ConflictOptions()) != nil)
        #expect(opened.savedConflicts(claims: Array(claims.dropLast()), by: .source, options: ConflictOptions()) == nil)
        // Another gazetteer: the entities and quotes are computed with it.
        opened.extendGazetteer { $0.add(kind: .organization, name: "Zed Holdings") }
        loaded.extendGazetteer { $0.add(kind: .organization, name: "Zed Holdings") }
        #expect(!opened.usesStandardGazetteer)
        #expect(opened.entities().map(\.name) == loaded.entities().map(\.name))
        #expect(opened.quotes() == loaded.quotes())
    }

    @Test func addingDocumentsMakesTheAnalysesStaleUntilAnnotatedAgain() throws {
        let source = try sources(bench: 0)
        let loaded = try CorpusLoader.load(path: source.path)
        let folder = try annotated(loaded, sources: source.path)
        let before = try DossierArchive.info(folder.archive).analyses.map(\.name)
        try DossierArchive.add(loaded, to: folder.archive, sources: [source.path])
        // The write keeps them, stale (for --annotate to update from): never served.
        let info = try DossierArchive.info(folder.archive)
        #expect(!info.analysesCurrent)
        #expect(info.analyses.map(\.name) == before)
        // The grown archive serves nothing stored: its analyses are those of its documents.
        let grown = try DossierArchive.open(folder.archive)
        #expect(grown.savedAnalyses == nil)
        // The same ids added again replace the archived documents (deletion bitmaps).
        #expect(grown.count == loaded.count)
        #expect(grown.quotes().count == loaded.quotes().count)
        try DossierArchive.annotate(folder.archive)
        let again = try DossierArchive.info(folder.archive)
        #expect(again.analysesCurrent && again.analyses.count == SavedAnalyses.parts.count)
        #expect(Set(again.analyses.map(\.name)).isDisjoint(with: before))
        // The previous analyses' files are gone; the new ones answer as computing does.
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder.archive))
        #expect(files.isDisjoint(with: before))
        let reopened = try DossierArchive.open(folder.archive)
        #expect(reopened.savedAnalyses != nil)
        let computed = try DossierArchive.open(folder.archive)
        computed.annotations.set(SavedAnalyses.key, Optional<SavedAnalyses>.none)
        try expectSameAnalyses(computed, reopened)
    }

    @Test func damagedAnalysisFilesAreReportedByNameOrComputedInstead() throws {
        let source = try sources(bench: 0)
        let loaded = try CorpusLoader.load(path: source.path)
        for part in SavedAnalyses.parts {
            let folder = try annotated(loaded, sources: source.path)
            let manifest = try ArchiveManifest.read(folder: folder.archive)
            let path = folder.archive + "/" + (manifest.analyses?.files[part] ?? "")
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            // A changed data byte (the last before the footer: past the header and directory even
            // in a small file): opening succeeds, the analysis is computed instead, verify names the file.
            bytes[bytes.count - StorageFile.footerSize - 1] ^= 0x41
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let opened = try DossierArchive.open(folder.archive)
            try expectSameAnalyses(loaded, opened)
            do {
                try DossierArchive.verify(folder.archive)
                Issue.record("\(part): verify accepted a changed file")
            } catch {
                #expect(error.description.contains(path), "\(part): \(error)")
            }
            // A cut file: opening names it.
            try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: path))
            do {
                _ = try DossierArchive.open(folder.archive)
                Issue.record("\(part): a truncated file was opened")
            } catch {
                guard case .truncated(let named, _, _) = error else {
                    Issue.record("\(part): \(error)")
                    continue
                }
                #expect(named == path)
            }
        }
    }
}
