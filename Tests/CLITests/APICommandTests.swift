import Foundation
import Testing

/// `dossier api` (hidden): the declared API, and the annotation file's generated regions.
@Suite struct APICommandTests {
    @Test func listsTheDeclaredMembers() throws {
        let r = try CLI.run(["api", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("corpus:kwic(query, opts?) -> List<KwicLine>"))
        #expect(r.stdout.contains("corpus:filter(fn_or_spec) -> Corpus [corpus.lua]"))
        #expect(r.stdout.contains("dossier.open(path, opts?) -> Corpus [dossier.lua]"))
        #expect(r.stdout.contains("TokenList (and the List methods)"))
        // Hidden from the help: it is a contributor's tool.
        #expect(!(try CLI.run(["--help"])).stdout.contains("api"))
    }

    @Test func regeneratesTheAnnotationRegions() throws {
        let file = CLI.projectRoot.appendingPathComponent("docs/api/dossier.lua").path
        let checkedIn = try String(contentsOfFile: file, encoding: .utf8)
        let r = try CLI.run(["api", "--quiet", "--annotations", file])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == checkedIn, "docs/api/dossier.lua is out of date: run dossier api --annotations docs/api/dossier.lua --write")

        // A stale region is rewritten in place with --write; a region nobody declares is refused.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("dossier.lua")
        try Data(checkedIn.replacingOccurrences(of: "--- List of the documents, in corpus order.", with: "--- stale").utf8).write(to: copy)
        let written = try CLI.run(["api", "--quiet", "--annotations", copy.path, "--write"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try String(contentsOf: copy, encoding: .utf8) == checkedIn)
        try Data((checkedIn + "\n-- begin generated Nobody\n-- end generated Nobody\n").utf8).write(to: copy)
        let refused = try CLI.run(["api", "--quiet", "--annotations", copy.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("a generated region for Nobody, which no binding declares: remove it"))
        #expect(try CLI.run(["api", "--write"]).stderr.contains("--write needs --annotations FILE"))
    }
}
