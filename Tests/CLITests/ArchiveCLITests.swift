import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `dossier index`, `dossier archive info|verify`, and `--corpus ARCHIVE`, run as a user would.
@Suite struct ArchiveCLITests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds").path

    private func temporary() throws -> String {
        let path = NSTemporaryDirectory() + "dossier-archive-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func indexThenOpenGivesTheSameAnswers() throws {
        let dir = try temporary()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let archive = dir + "/seeds.dossier"
        let written = try CLI.run(["index", Self.seeds, "-o", archive])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("wrote \(archive): 5 documents"))
        let code = "local out = {} for _, h in ipairs(corpus:search('minister', {limit = 3})) do out[#out + 1] = h.doc.id end "
            + "return table.concat(out, ','), #corpus:kwic('said'), corpus:frequencies()[1].term"
        let fresh = try CLI.run(["eval", "--corpus", Self.seeds, code])
        let opened = try CLI.run(["eval", "--corpus", archive, code])
        #expect(fresh.status == 0 && opened.status == 0, "\(opened.stderr)")
        #expect(fresh.stdout == opened.stdout)
        let info = try CLI.run(["eval", "--corpus", archive, "return corpus.archive.documents, corpus.archive.segments, corpus.archive.path"])
        #expect(info.stdout == "5\t1\t\(archive)\n")
        let none = try CLI.run(["eval", "--corpus", Self.seeds, "return corpus.archive"])
        #expect(none.stdout == "nil\n")
    }

    @Test func archiveInfoAndVerify() throws {
        let dir = try temporary()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let archive = dir + "/seeds.dossier"
        _ = try CLI.run(["index", Self.seeds, "-o", archive])
        let info = try CLI.run(["archive", "info", archive])
        #expect(info.status == 0)
        for expected in ["documents 5 in 1 segment", "format    version 3, generation 1", "text-1.dsf", "analyses"] {
            #expect(info.stdout.contains(expected), "\(expected) in \(info.stdout)")
        }
        let verify = try CLI.run(["archive", "verify", archive])
        #expect(verify.status == 0 && verify.stdout.contains("every file matches"))
        // A damaged text file: verify names it.
        let text = archive + "/text-1.dsf"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: text)))
        bytes[bytes.count / 2] ^= 1
        try Data(bytes).write(to: URL(fileURLWithPath: text))
        let damaged = try CLI.run(["archive", "verify", archive])
        #expect(damaged.status == 1 && damaged.stderr.contains(text) && damaged.stderr.contains("corrupted"))
        let notArchive = try CLI.run(["archive", "info", dir])
        #expect(notArchive.status == 1 && notArchive.stderr.contains("not a dossier archive"))
    }

    @Test func annotateStoresTheAnalysesAndAddKeepsThemCurrent() throws {
        let dir = try temporary()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let archive = dir + "/seeds.dossier"
        let written = try CLI.run(["index", Self.seeds, "-o", archive, "--annotate"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("annotated \(archive): entities, quotes, dates, claims, duplicates stored"), "\(written.stdout)")
        let info = try CLI.run(["archive", "info", archive])
        for expected in ["analyses  entities", "quotes", "dates", "claims", "computed", "entities-1-a1.dsf"] {
            #expect(info.stdout.contains(expected), "\(expected) in \(info.stdout)")
        }
        let verify = try CLI.run(["archive", "verify", archive])
        #expect(verify.status == 0, "\(verify.stderr)")
        // The same answers as a load, from the stored analyses.
        let code = "local q = corpus:quotes() local e = corpus:entities() local t = corpus:timeline() local c = corpus:compare() "
            + "return #q, q[1].text, q[1].who, q[1].speaker and q[1].speaker.name, #e, e[1].name, e[1].count, #t, t[1].text, #c, #corpus:conflicts()"
        let fresh = try CLI.run(["eval", "--corpus", Self.seeds, code])
        let opened = try CLI.run(["eval", "--corpus", archive, code])
        #expect(fresh.status == 0 && opened.status == 0, "\(opened.stderr)")
        #expect(fresh.stdout == opened.stdout)
        // --add computes them again for the grown archive.
        let added = try CLI.run(["index", "--add", Self.seeds, archive])
        #expect(added.status == 0 && added.stdout.contains("annotated \(archive)"), "\(added.stdout) \(added.stderr)")
        let grown = try CLI.run(["archive", "info", archive])
        #expect(grown.stdout.contains("entities-2-a2.dsf") && !grown.stdout.contains("STALE"), "\(grown.stdout)")
        let notArchive = try CLI.run(["index", "--annotate", dir])
        #expect(notArchive.status == 1 && notArchive.stderr.contains("not a dossier archive"))
    }

    @Test func aTruncatedArchiveIsAClearErrorAtOpen() throws {
        let dir = try temporary()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let archive = dir + "/seeds.dossier"
        _ = try CLI.run(["index", Self.seeds, "-o", archive])
        let postings = archive + "/postings-1.dsf"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: postings))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: postings))
        let r = try CLI.run(["eval", "--corpus", archive, "return #corpus"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("postings-1.dsf is truncated"), "\(r.stderr)")
    }

    @Test func aSecondWriterProcessIsRefused() throws {
        let dir = try temporary()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let archive = dir + "/seeds.dossier"
        _ = try CLI.run(["index", Self.seeds, "-o", archive])
        // This test process holds the writer's lock, as a running `dossier index` would.
        let fd = open(archive + "/LOCK", O_RDWR)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let r = try CLI.run(["index", Self.seeds, "-o", archive])
        #expect(r.status == 1)
        #expect(r.stderr.contains("is being written by another process"), "\(r.stderr)")
        // The reader is not blocked by a writer.
        let read = try CLI.run(["eval", "--corpus", archive, "return #corpus"])
        #expect(read.stdout == "5\n")
    }
}
