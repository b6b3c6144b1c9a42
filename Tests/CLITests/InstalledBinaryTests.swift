import Foundation
import Testing

/// A `dossier` binary away from its build: without its data files it says what is missing and
/// where it looked (never SwiftPM's "could not load resource bundle" crash); with them in a
/// `share/dossier` folder beside it, it runs as the built one does.
@Suite struct InstalledBinaryTests {
    /// Runs `binary` with `arguments` in the project root.
    private func run(_ binary: URL, _ arguments: [String]) throws -> CLI.Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = CLI.projectRoot
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DOSSIER_CORPUS")
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Output(stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self), status: process.terminationStatus)
    }

    @Test func aBinaryCopiedAloneSaysWhereItLookedAndRunsFromShareDossier() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("dossier-installed-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let bin = root.appendingPathComponent("bin")
        try fm.createDirectory(at: bin, withIntermediateDirectories: true)
        let copy = bin.appendingPathComponent("dossier")
        try fm.copyItem(at: CLI.binary, to: copy)
        let script = "return #corpus .. ' ' .. #corpus:entities('organization')"

        let alone = try run(copy, ["eval", script])
        #expect(alone.status != 0)
        #expect(!alone.stderr.contains("Fatal error"))
        #expect(alone.stderr.contains("is missing: looked in"))
        #expect(alone.stderr.contains(root.appendingPathComponent("share/dossier/Lua").path))

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
        let installed = try run(copy, ["eval", script])
        let built = try run(CLI.binary, ["eval", script])
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(built.status == 0)
        #expect(installed.stdout == built.stdout)
    }
}
