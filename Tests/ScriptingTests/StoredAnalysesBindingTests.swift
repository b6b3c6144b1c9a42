@testable import Corpus
import Foundation
import LuaBridge
import Testing
@testable import Scripting

/// An annotated archive hands its stored claims, conflicts and near-duplicate pairs to Lua a
/// chunk at a time, decoded per item from the mapped columns: every field of every record is what
/// computing them on the loaded corpus gives, and a stored claim's sentences are the Sentence
/// values a document gives (the cache no longer splits a document to hand one over).
@Suite struct StoredAnalysesBindingTests {
    static let dump = """
        local out, mismatched = {}, 0
        local function add(...)
          local t = table.pack(...)
          for i = 1, t.n do out[#out + 1] = tostring(t[i]) end
        end
        local function sentences(list)
          for _, s in ipairs(list) do
            add(s.doc.id, s.index, s.offset, s.text)
            if s ~= s.doc:sentences()[s.index] then mismatched = mismatched + 1 end
          end
        end
        local claims = corpus:compare()
        for _, c in ipairs(claims) do
          add("claim", c.text, table.concat(c.sources, "|"), c.score, c.size, dossier.List.is(c.docs))
          for _, d in ipairs(c.docs) do add(d.id) end
          sentences(c.sentences)
        end
        local conflicts = corpus:conflicts()
        for _, f in ipairs(conflicts) do
          add("conflict", f.kind, f.key, table.concat(f.values, "|"), f.certain, f.reason, f.claim.text, f.claim.size)
          for _, d in ipairs(f.docs) do add(d.id) end
          sentences(f.sentences)
        end
        local pairs_found = corpus:duplicates()
        for _, p in ipairs(pairs_found) do
          add("pair", p.a.id, p.b.id, p.similarity, p.jaccard, p.containment, p.contained and p.contained.id, p.estimate,
              table.concat(p.passages, "|"), dossier.List.is(p.passages))
        end
        return table.concat(out, "\\n"), #claims, #conflicts, #pairs_found, dossier.List.is(claims), dossier.List.is(pairs_found),
               getmetatable(claims) == getmetatable(corpus:compare()), #corpus:compare{threshold = 0.5}, mismatched
        """

    @Test func anAnnotatedArchiveHandsOverWhatComputingGives() throws {
        let folder = try TemporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: seedsPath) {
            try FileManager.default.createSymbolicLink(atPath: folder.url.path + "/" + name, withDestinationPath: seedsPath + "/" + name)
        }
        // Near-duplicates: a copy of a seed article and one cut to its first two thirds.
        let seedName = try #require(try FileManager.default.contentsOfDirectory(atPath: seedsPath).sorted().first)
        let seed = try String(contentsOfFile: seedsPath + "/" + seedName, encoding: .utf8)
        try folder.write("copy-of-seed.txt", seed)
        try folder.write("cut-of-seed.txt", String(seed.prefix(seed.count * 2 / 3)))
        let store = try TemporaryFolder()
        let archive = store.url.path + "/seeds.dossier"
        try DossierArchive.write(try CorpusLoader.load(path: folder.url.path), to: archive, sources: [folder.url.path])
        try DossierArchive.annotate(archive)
        #expect(try DossierArchive.info(archive).analyses.map(\.part).contains("claims"))

        // Handing over the stored claims and pairs splits no document into sentences.
        let untouched = try makeSession(corpus: archive)
        let counts = try untouched.values("return #corpus:compare(), #corpus:duplicates(), #corpus:conflicts()")
        #expect((counts.first?.intValue ?? 0) > 0)
        #expect(untouched.corpus.documents.allSatisfy { $0.knownLayout == nil })

        let fresh = try makeSession(corpus: folder.url.path).values(Self.dump)
        let opened = try makeSession(corpus: archive).values(Self.dump)
        #expect(fresh.count == 9 && opened.count == 9)
        #expect(fresh.first?.stringValue == opened.first?.stringValue)
        for i in 1..<min(fresh.count, opened.count) { #expect("\(fresh[i])" == "\(opened[i])", "value \(i)") }
        #expect((opened[1].intValue ?? 0) >= 10 && (opened[2].intValue ?? 0) >= 1 && (opened[3].intValue ?? 0) >= 2)
        for i in 4...6 { #expect(opened[i].isTruthy, "value \(i)") }
        #expect(opened.last?.intValue == 0, "a stored claim's sentence is not the document's")
    }

    @Test func storedClaimsAndPairsDecodeAnyItemInAnyOrder() throws {
        let folder = try TemporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: seedsPath) {
            try FileManager.default.createSymbolicLink(atPath: folder.url.path + "/" + name, withDestinationPath: seedsPath + "/" + name)
        }
        let loaded = try CorpusLoader.load(path: folder.url.path)
        let store = try TemporaryFolder()
        let archive = store.url.path + "/seeds.dossier"
        try DossierArchive.write(loaded, to: archive, sources: [folder.url.path])
        try DossierArchive.annotate(archive)
        let opened = try DossierArchive.open(archive)
        let stored = try #require(opened.storedClaims(by: .source, options: ClaimOptions()))
        let computed = ClaimFinder.claims(in: loaded)
        #expect(stored.count == computed.count && stored.count > 0)
        for i in stored.indices.reversed() {
            let (x, y) = (stored[i], computed[i])
            #expect(x.text == y.text && x.sources == y.sources && x.score == y.score && x.central == y.central)
            #expect(x.sentences.map { "\($0.document.id):\($0.sentence)" } == y.sentences.map { "\($0.document.id):\($0.sentence)" })
        }
        #expect(opened.storedDuplicates(options: DuplicateOptions())?.count == DuplicateFinder.duplicates(in: loaded).count)
        #expect(opened.storedConflicts(by: .source, claimOptions: ClaimOptions(), options: ConflictOptions())?.count
                == (try ConflictFinder.conflicts(in: loaded, claims: computed, cancellation: .none)).count)
        // Only the default question about the whole archive is answered from them.
        var other = ClaimOptions()
        other.threshold = 0.5
        #expect(opened.storedClaims(by: .source, options: other) == nil)
        #expect(opened.storedClaims(by: .document, options: ClaimOptions()) == nil)
        var hedges = ConflictOptions()
        hedges.includeHedges = true
        #expect(opened.storedConflicts(by: .source, claimOptions: ClaimOptions(), options: hedges) == nil)
        let sub = opened.filter { _ in true }
        #expect(sub.storedClaims(by: .source, options: ClaimOptions()) == nil)
        #expect(sub.storedDuplicates(options: DuplicateOptions()) == nil)
        #expect(loaded.storedClaims(by: .source, options: ClaimOptions()) == nil)
    }
}
