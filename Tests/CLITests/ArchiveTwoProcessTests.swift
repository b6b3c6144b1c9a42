import Foundation
import Testing

/// One process opens an archive and keeps asking it the same questions while other processes
/// add to it, remove from it and compact it: the first keeps its snapshot (the files it mapped
/// stay readable after they are replaced and unlinked), a process started afterwards sees the
/// changes.
@Suite struct ArchiveTwoProcessTests {
    /// A `dossier repl` kept running, fed one line at a time.
    final class Repl {
        let process = Process()
        let input = Pipe(), output = Pipe(), errors = Pipe()
        private var pending = Data()

        init(_ arguments: [String]) throws {
            process.executableURL = CLI.binary
            process.arguments = ["repl"] + arguments
            process.currentDirectoryURL = CLI.projectRoot
            var env = ProcessInfo.processInfo.environment
            env.removeValue(forKey: "DOSSIER_CORPUS")
            process.environment = env
            process.standardInput = input
            process.standardOutput = output
            process.standardError = errors
            try process.run()
        }

        /// Sends `line` and returns what the process printed up to a line `END`.
        func ask(_ line: String) throws -> String {
            input.fileHandleForWriting.write(Data((line + "\nprint('END')\n").utf8))
            let marker = Data("END\n".utf8)
            while true {
                if let range = pending.range(of: marker) {
                    let answer = String(decoding: pending[..<range.lowerBound], as: UTF8.self)
                    pending.removeSubrange(..<range.upperBound)
                    return answer
                }
                let chunk = output.fileHandleForReading.availableData
                guard !chunk.isEmpty else {
                    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                    throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the repl ended: \(stderr)"])
                }
                pending.append(chunk)
            }
        }

        func close() {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
    }

    /// Everything the reader is asked: counts, a ranking with scores, KWIC, the top
    /// frequencies, the archive's counts, and every document's text read from the mapped files.
    static let question = """
        do local out = {#corpus, corpus.archive.documents, corpus.archive.deleted} \
        for _, h in ipairs(corpus:search('police OR minister OR said', {limit = 8})) do out[#out + 1] = h.doc.id .. '=' .. string.format('%.5f', h.score) end \
        out[#out + 1] = #corpus:kwic('said') \
        for i, f in ipairs(corpus:frequencies()) do if i <= 5 then out[#out + 1] = f.term .. ':' .. f.count end end \
        local bytes = 0 for _, d in ipairs(corpus:docs()) do bytes = bytes + #d.text end out[#out + 1] = bytes \
        print(table.concat(out, ' ')) end
        """

    @Test func aReaderKeepsItsSnapshotWhileAnotherProcessAddsRemovesAndCompacts() throws {
        let dir = NSTemporaryDirectory() + "dossier-two-process-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let seeds = CLI.projectRoot.appendingPathComponent("seeds").path
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds).filter { $0.hasSuffix(".txt") }.sorted()
        try FileManager.default.createDirectory(atPath: dir + "/src/first", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/src/more", withIntermediateDirectories: true)
        for (i, name) in names.enumerated() {
            try FileManager.default.copyItem(atPath: seeds + "/" + name, toPath: dir + (i < 3 ? "/src/first/" : "/src/more/") + name)
        }
        let archive = dir + "/news.dossier"
        let written = try CLI.run(["index", dir + "/src/first", "-o", archive])
        #expect(written.status == 0, "\(written.stderr)")

        let reader = try Repl(["--corpus", archive])
        defer { reader.close() }
        let snapshot = try reader.ask(Self.question)
        #expect(snapshot.hasPrefix("3 3 0 "), "\(snapshot)")

        // Another process adds, then removes, then compacts; the reader's answers do not move.
        let removedID = String(names[0].dropLast(4))
        let steps: [[String]] = [["index", "--add", dir + "/src/more", archive], ["index", "--remove", removedID, archive],
                                 ["index", "--compact", archive]]
        var seen: [String] = []
        for step in steps {
            let writer = try CLI.run(step)
            #expect(writer.status == 0, "\(step): \(writer.stderr)")
            #expect(try reader.ask(Self.question) == snapshot, "after \(step[1])")
            seen.append(try CLI.run(["eval", "--corpus", archive, "return #corpus, corpus.archive.deleted"]).stdout)
        }
        #expect(seen == ["\(names.count)\t0\n", "\(names.count - 1)\t1\n", "\(names.count - 1)\t0\n"])
        // The compaction unlinked every file the reader maps; it still reads them.
        let files = try FileManager.default.contentsOfDirectory(atPath: archive).filter { $0.hasSuffix(".dsf") }
        #expect(files.allSatisfy { $0.hasSuffix("-4.dsf") }, "\(files)")
        #expect(try reader.ask(Self.question) == snapshot)
        // A new reader sees the compacted archive: the same answers as loading what is left.
        try FileManager.default.removeItem(atPath: dir + "/src/first/" + names[0])
        let fresh = try CLI.run(["eval", "--corpus", dir + "/src", "do " + Self.question.replacingOccurrences(of: "corpus.archive.documents, corpus.archive.deleted", with: "0, 0") + " end"])
        let opened = try CLI.run(["eval", "--corpus", archive, "do " + Self.question.replacingOccurrences(of: "corpus.archive.documents, corpus.archive.deleted", with: "0, 0") + " end"])
        #expect(fresh.status == 0 && opened.status == 0, "\(fresh.stderr) \(opened.stderr)")
        #expect(fresh.stdout == opened.stdout)
    }

    @Test func removeAndCompactFromTheCommandLine() throws {
        let dir = NSTemporaryDirectory() + "dossier-remove-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let seeds = CLI.projectRoot.appendingPathComponent("seeds").path
        let archive = dir + "/seeds.dossier"
        #expect(try CLI.run(["index", seeds, "-o", archive]).status == 0)
        let ids = try CLI.run(["eval", "--corpus", archive, "local t = {} for _, d in ipairs(corpus:docs()) do t[#t + 1] = d.id end return table.concat(t, ' ')"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").map(String.init)
        #expect(ids.count == 5)
        let unknown = try CLI.run(["index", "--remove", ids[0], "no-such-article", archive])
        #expect(unknown.status == 1 && unknown.stderr.contains("has no document 'no-such-article'; nothing was removed"), "\(unknown.stderr)")
        let removed = try CLI.run(["index", "--remove", ids[0], ids[1], archive])
        #expect(removed.status == 0 && removed.stdout.contains("removed 2 documents from \(archive): 3 documents, 2 removed until --compact"),
                "\(removed.stdout) \(removed.stderr)")
        let info = try CLI.run(["archive", "info", archive])
        #expect(info.stdout.contains("documents 3 (2 removed, kept on disk until dossier index --compact)") && info.stdout.contains("deletions-b1-2.dsf"),
                "\(info.stdout)")
        #expect(try CLI.run(["archive", "verify", archive]).status == 0)
        let again = try CLI.run(["index", "--add", seeds, archive])
        #expect(again.stdout.contains("added 5 documents (replacing 3 with the same id)"), "\(again.stdout)")
        let compacted = try CLI.run(["index", "--compact", archive])
        #expect(compacted.status == 0 && compacted.stdout.contains("compacted \(archive): 5 documents, 1 segment"), "\(compacted.stdout)")
        let misuse = try CLI.run(["index", "--compact", "--remove", "x", archive])
        #expect(misuse.status != 0 && misuse.stderr.contains("one of --add, --remove and --compact"))
    }
}
