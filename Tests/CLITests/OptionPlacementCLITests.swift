import Foundation
import Testing

/// Options anywhere on the command line (issue 16): the options every command takes work before
/// the subcommand as after it; `plugin list` and `plugin info` take them too. And a script whose
/// output is not a terminal prints every row of a List.
@Suite struct OptionPlacementCLITests {
    static var seeds: String { CLI.projectRoot.appendingPathComponent("seeds").path }

    @Test func corpusBeforeOrAfterTheSubcommand() throws {
        let before = try CLI.run(["--corpus", Self.seeds, "eval", "return #corpus"])
        let after = try CLI.run(["eval", "--corpus", Self.seeds, "return #corpus"])
        let joined = try CLI.run(["--quiet", "--corpus=\(Self.seeds)", "eval", "return #corpus"])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(after.status == 0, "\(after.stderr)")
        #expect(joined.status == 0, "\(joined.stderr)")
        #expect(!before.stdout.isEmpty)
        #expect(before.stdout == after.stdout)
        #expect(joined.stdout == after.stdout)
    }

    @Test func runTakesOptionsBeforeTheSubcommandAndKeepsTheScriptsArguments() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("args.lua")
        try "print(#corpus, arg[1], arg[2])".write(to: script, atomically: true, encoding: .utf8)
        let r = try CLI.run(["--corpus", Self.seeds, "--timeout", "60", "run", script.path, "--corpus", "x"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("\t--corpus\tx\n"), "\(r.stdout)")
    }

    @Test func pluginListAndInfoTakeTheCommonOptions() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-out-\(UUID().uuidString)").path
        for arguments in [["plugin", "list", "--out", out], ["--out", out, "plugin", "list"],
                          ["plugin", "info", "newsroom", "--out", out], ["--out", out, "plugin", "info", "newsroom"]] {
            let r = try CLI.run(arguments)
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
            #expect(r.stdout.contains("newsroom"), "\(arguments)")
        }
    }

    @Test func aMisplacedUnknownOptionIsStillAnError() throws {
        let r = try CLI.run(["--corpse", Self.seeds, "eval", "return 1"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--corpse"))
    }

    @Test func aScriptWritingToAPipePrintsEveryRow() throws {
        let r = try CLI.run(["eval", "print(corpus:frequencies{top = 60}); return dossier.printer.rows > 1000"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains(" more ("))
        #expect(r.stdout.split(separator: "\n").count == 2 + 60 + 1)  // header, rule, 60 rows, the result
        #expect(r.stdout.hasSuffix("true\n"))
    }
}
