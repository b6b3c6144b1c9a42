import Foundation
import Testing

/// A temporary working folder for CLI runs: plugin libraries, scripts, an isolated config home.
final class CLIWorkspace {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
            .appendingPathComponent("dossier-cli-plugins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("config"), withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }

    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    func write(_ relative: String, _ contents: String) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: file)
    }

    func plugin(_ name: String, in lib: String, version: String = "1.0.0", extra: String = "",
                initSource: String = "return {}") throws {
        try write("\(lib)/\(name)/manifest.lua",
                  "return { name = \"\(name)\", version = \"\(version)\", description = \"The \(name) plugin\"\(extra) }\n")
        try write("\(lib)/\(name)/init.lua", initSource)
    }

    /// Runs dossier in this folder with its own config home, `DOSSIER_PATH` set to `libs`.
    @discardableResult
    func run(_ arguments: [String], libs: [String] = [], input: String? = nil) throws -> CLI.Output {
        try CLI.run(arguments, input: input, in: url, environment: [
            "XDG_CONFIG_HOME": path("config"),
            "DOSSIER_PATH": libs.map { path($0) }.joined(separator: ":"),
            "DOSSIER_PLUGINS": "",
        ])
    }
}

@Suite struct PluginCLITests {
    @Test func listShowsNamesVersionsPathsAndShadowedPlugins() throws {
        let w = try CLIWorkspace()
        try w.plugin("codebook", in: "team", version: "2.0.0")
        try w.plugin("codebook", in: "mine", version: "1.4.0")
        try w.plugin("tagger", in: "mine", version: "0.3.1")
        let r = try w.run(["plugin", "list"], libs: ["team", "mine"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let codebook = try #require(lines.first { $0.hasPrefix("codebook ") })
        #expect(codebook.contains("2.0.0") && codebook.contains("team/codebook") && codebook.contains("The codebook plugin"))
        let shadowed = try #require(lines.first { $0.contains("(shadowed)") })
        #expect(shadowed.contains("1.4.0") && shadowed.contains("mine/codebook"))
        // The shadowed row comes right after the plugin that hides it.
        #expect(lines.firstIndex(of: shadowed) == (lines.firstIndex(of: codebook) ?? -5) + 1)
        #expect(lines.contains { $0.hasPrefix("tagger ") && $0.contains("0.3.1") })
        #expect(lines.contains { $0.hasPrefix("hello ") && $0.contains("bundled") })
        // require finds the first one.
        let v = try w.run(["eval", "return require('codebook') ~= nil, dossier.plugins()[1].version"], libs: ["team", "mine"])
        #expect(v.stdout == "true\t2.0.0\n")
    }

    @Test func requireLoadsPluginsAndSubModulesFromDossierPath() throws {
        let w = try CLIWorkspace()
        try w.plugin("codebook", in: "lib", initSource: "return { tag = function(s) return '[' .. s .. ']' end }")
        try w.write("lib/codebook/rules/init.lua", "return { n = 7 }")
        let r = try w.run(["eval", "return require('codebook').tag('x'), require('codebook.rules').n"], libs: ["lib"])
        #expect(r.status == 0)
        #expect(r.stdout == "[x]\t7\n")
    }

    @Test func aPluginNeedingDossier99FailsSayingSo() throws {
        let w = try CLIWorkspace()
        try w.plugin("future", in: "lib", extra: ", dossier = \">=99.0\"")
        let r = try w.run(["eval", "require('future')"], libs: ["lib"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("future needs dossier >=99.0, this is 0.1.0"))
        let list = try w.run(["plugin", "list"], libs: ["lib"])
        #expect(list.stdout.contains("cannot load:\n  future needs dossier >=99.0, this is 0.1.0"))
    }

    @Test func malformedManifestsAreNamedInInfoAndRequire() throws {
        let w = try CLIWorkspace()
        try w.write("plugins/broken/manifest.lua", "return { name = 'broken', description = 'no version here' }")
        try w.write("plugins/broken/init.lua", "return {}")
        let info = try w.run(["plugin", "info", "broken"])
        #expect(info.status == 1)
        #expect(info.stdout.contains("plugins/broken/manifest.lua: missing field 'version'"))
        let req = try w.run(["eval", "require('broken')"])
        #expect(req.status == 1)
        #expect(req.stderr.contains("plugins/broken/manifest.lua: missing field 'version'"))
    }

    @Test func requirementsLoadInOrderAndAMissingOneIsNamed() throws {
        let w = try CLIWorkspace()
        try w.plugin("app", in: "lib", extra: ", requires = { 'base >=1.2' }", initSource: "print('app') return {}")
        try w.plugin("base", in: "lib", version: "1.3.0", initSource: "print('base') return {}")
        try w.plugin("lonely", in: "lib", extra: ", requires = { 'ghost >=2.0' }")
        let r = try w.run(["eval", "local app = require('app')"], libs: ["lib"])
        #expect(r.status == 0)
        #expect(r.stdout == "base\napp\n")
        let missing = try w.run(["eval", "require('lonely')"], libs: ["lib"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("lonely needs plugin 'ghost' (>=2.0), which is not on the plugin path"))
        let info = try w.run(["plugin", "info", "app"], libs: ["lib"])
        #expect(info.status == 0)
        #expect(info.stdout.contains("base >=1.2 (ok: 1.3.0"))
    }

    @Test func newThenTestPasses() throws {
        let w = try CLIWorkspace()
        let created = try w.run(["plugin", "new", "mytool"])
        #expect(created.status == 0)
        for file in ["manifest.lua", "init.lua", "tests/mytool_spec.lua", "README.md"] {
            #expect(FileManager.default.fileExists(atPath: w.path("plugins/mytool/" + file)), "\(file)")
        }
        let tested = try w.run(["plugin", "test", "mytool"])
        #expect(tested.status == 0, "\(tested.stdout)\(tested.stderr)")
        #expect(tested.stdout.contains("1 passed, 0 failed"))
        // Its command works in the REPL once loaded.
        let repl = try w.run(["repl", "--plugin", "mytool"], input: ":mytool zzqx-not-a-word\n:help\n")
        #expect(repl.stdout.contains("(empty list)"))
        #expect(repl.stdout.contains(":mytool"))
        // A second `new` with the same name refuses.
        let again = try w.run(["plugin", "new", "mytool"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
        let bad = try w.run(["plugin", "new", "no good"])
        #expect(bad.status == 1)
    }

    @Test func aFailingSpecMakesTestExitNonZeroNamingTheFailure() throws {
        let w = try CLIWorkspace()
        try w.plugin("counter", in: "plugins", initSource: "return { count = function(c) return #c:docs() end }")
        try w.write("plugins/counter/tests/counter_spec.lua", """
            local counter = require("counter")
            describe("counter", function()
              it("counts the documents", function()
                assert.equal(#corpus, counter.count(corpus))
              end)
              it("is off by one on purpose", function()
                assert.equal(4, counter.count(corpus))
              end)
            end)
            """)
        let r = try w.run(["plugin", "test", "counter"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("✓ counter counts the documents"))
        #expect(r.stdout.contains("✗ counter is off by one on purpose"))
        #expect(r.stdout.contains("counter/tests/counter_spec.lua:7: expected 4, got 5"))
        #expect(r.stdout.contains("1 passed, 1 failed"))
        // All plugins (no name) fails too, and the bundled example passes alongside.
        let all = try w.run(["plugin", "test"])
        #expect(all.status == 1)
        #expect(all.stdout.contains("✓ hello greets by name"))
    }

    @Test func aSpecThatDoesNotLoadIsAnError() throws {
        let w = try CLIWorkspace()
        try w.plugin("shaky", in: "plugins")
        try w.write("plugins/shaky/tests/shaky_spec.lua", "describe('shaky', function()\n  it('never closes', function()\nend)\n")
        let r = try w.run(["plugin", "test", "shaky"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("shaky/tests/shaky_spec.lua"))
        #expect(r.stdout.contains("0 passed, 0 failed, 1 error"))
        let unknown = try w.run(["plugin", "test", "nonesuch"])
        #expect(unknown.status == 1)
        #expect(unknown.stdout.contains("no plugin 'nonesuch'"))
    }

    @Test func pluginCommandsRunFromTheRepl() throws {
        let w = try CLIWorkspace()
        let r = try w.run(["repl", "--plugin", "hello"], input: ":hello Ann\n:\n:nosuch x\n:help\n")
        #expect(r.status == 0)
        #expect(r.stderr.contains("unknown command :nosuch x"))
        #expect(r.stdout.hasPrefix("Hello, Ann! The corpus has 5 documents.\n"))
        #expect(r.stdout.contains("plugin commands\n  :hello"))
    }

    @Test func timeoutStopsPluginCodeAfterAboutTwoSeconds() throws {
        let w = try CLIWorkspace()
        try w.plugin("spin", in: "lib", initSource: "while true do end")
        let start = Date()
        let r = try w.run(["eval", "--timeout", "2", "require('spin')"], libs: ["lib"])
        let elapsed = Date().timeIntervalSince(start)
        #expect(r.status == 1)
        #expect(r.stderr.contains("time limit of 2 s exceeded"))
        #expect(elapsed >= 1.9 && elapsed < 12, "took \(elapsed) s")
    }

    @Test func theReplStaysUsableAfterAPluginHitsALimit() throws {
        let w = try CLIWorkspace()
        try w.plugin("spin", in: "lib", initSource: "return { commands = { spin = { help = 'spins', run = function() while true do end end } } }")
        let r = try w.run(["repl", "--timeout", "1", "--plugin", "spin"], libs: ["lib"],
                          input: ":spin\nprint(#corpus)\n:spin\nprint('still', #corpus:docs())\n")
        #expect(r.status == 0)
        #expect(r.stdout == "5\nstill\t5\n")
        #expect(r.stderr.components(separatedBy: "time limit of 1 s exceeded").count == 3)
    }
}
