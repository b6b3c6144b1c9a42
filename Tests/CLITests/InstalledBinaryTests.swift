import Foundation
import Testing

/// A `dossier` binary away from its build finds its data files in a `share/dossier` folder beside
/// it, before the source tree it was built from, and runs as the built one does. (Without any of
/// them it says where it looked: `BundledResourceTests`.)
@Suite struct InstalledBinaryTests {
    @Test func aCopiedBinaryRunsFromShareDossier() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("dossier-installed-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let bin = root.appendingPathComponent("bin")
        try fm.createDirectory(at: bin, withIntermediateDirectories: true)
        let copy = bin.appendingPathComponent("dossier")
        try fm.copyItem(at: CLI.binary, to: copy)
        let script = "return #corpus .. ' ' .. #corpus:entities('organization')"

        // An installation: the bundles' folders (Resources/, Lua/) merged in share/dossier.
        let share = root.appendingPathComponent("share/dossier")
        let build = CLI.binary.deletingLastPathComponent()
        for target in ["NewsText", "Corpus", "Scripting"] {
            let bundle = build.appendingPathComponent("dossier_\(target).resources")
            for folder in try fm.contentsOfDirectory(atPath: bundle.path) {
                let into = share.appendingPathComponent(folder)
                try fm.createDirectory(at: into, withIntermediateDirectories: true)
                for file in try fm.contentsOfDirectory(atPath: bundle.appendingPathComponent(folder).path) {
                    try fm.copyItem(at: bundle.appendingPathComponent(folder).appendingPathComponent(file),
                                    to: into.appendingPathComponent(file))
                }
            }
        }
        let installed = try CLI.run(["eval", script], binary: copy)
        // share/dossier is read first: a broken list.lua there is the one that runs.
        try "error('list.lua from share/dossier')".write(to: share.appendingPathComponent("Lua/list.lua"), atomically: true, encoding: .utf8)
        let broken = try CLI.run(["eval", script], binary: copy)
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("list.lua from share/dossier"), "\(broken.stderr)")
        #expect(!broken.stderr.contains("Fatal error"))
        let built = try CLI.run(["eval", script], binary: CLI.binary)
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(built.status == 0)
        #expect(installed.stdout == built.stdout)
    }
}
