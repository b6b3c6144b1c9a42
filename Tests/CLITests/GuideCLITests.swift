import Foundation
import Testing

/// The shell commands of the "first hour" walkthrough in docs/guide.md work as written: run in
/// an empty folder, `dossier plugin new mytools` writes a plugin whose tests
/// `dossier plugin test mytools` passes.
@Suite struct GuideCLITests {
    @Test func theFirstHoursShellCommandsWork() throws {
        let text = try String(contentsOf: CLI.projectRoot.appendingPathComponent("docs/guide.md"), encoding: .utf8)
        let chapter = try #require(text.components(separatedBy: "\n## The first hour\n").dropFirst().first)
        let shell = chapter.components(separatedBy: "```sh\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
        let commands = shell.flatMap { $0.split(separator: "\n").map(String.init) }.filter { $0.hasPrefix("dossier ") }
        #expect(commands.count >= 2)
        let folder = FileManager.default.temporaryDirectory.resolvingSymlinksInPath().appendingPathComponent("dossier-guide-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("config")
        for command in commands {
            let arguments = command.split(separator: " ").dropFirst().map(String.init)
            let r = try CLI.run(arguments + (arguments.first == "plugin" && arguments.dropFirst().first == "test"
                                             ? ["--corpus", CLI.projectRoot.appendingPathComponent("seeds").path] : []),
                                in: folder, environment: ["XDG_CONFIG_HOME": config.path, "DOSSIER_PATH": "", "DOSSIER_PLUGINS": ""])
            #expect(r.status == 0, "\(command): \(r.stdout) \(r.stderr)")
        }
    }
}
