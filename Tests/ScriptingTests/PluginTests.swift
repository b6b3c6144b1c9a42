import Foundation
import LuaBridge
import Testing
@testable import Scripting
import TestSupport

@Suite struct PluginLoadingTests {
    @Test func requireLoadsAPluginAndItsSubModules() throws {
        let lib = try PluginLibrary()
        try lib.plugin("codebook", initSource: """
            local name, path = ...
            return { greet = function(who) return "Hello, " .. who .. "!" end, loaded_as = name, file = path }
            """)
        try lib.write("lib/codebook/rules.lua", "return { count = 3 }")
        try lib.write("lib/codebook/lexicon/init.lua", "return { words = { 'talks', 'visit' } }")
        try lib.write("lib/codebook/lexicon/extra.lua", "return 'deep'")
        let session = try lib.session()
        #expect(try session.value("return require('codebook').greet('Ann')").stringValue == "Hello, Ann!")
        #expect(try session.value("return require('codebook').loaded_as").stringValue == "codebook")
        #expect(try session.value("return require('codebook').file").stringValue == lib.path("lib/codebook/init.lua"))
        #expect(try session.value("return require('codebook.rules').count").intValue == 3)
        #expect(try session.value("return require('codebook.lexicon').words[2]").stringValue == "visit")
        #expect(try session.value("return require('codebook.lexicon.extra')").stringValue == "deep")
        // The same table each time.
        #expect(try session.value("return require('codebook') == require('codebook')").isTruthy)
        let missing = try #require(errorMessage { try session.values("require('codebook.nothing')") })
        #expect(missing.contains("no file 'nothing.lua' or 'nothing/init.lua' in plugin 'codebook'"))
        let unknown = try #require(errorMessage { try session.values("require('nosuchplugin')") })
        #expect(unknown.contains("no plugin 'nosuchplugin' on the plugin path"))
    }

    @Test func theFirstPluginOnThePathWinsAndOthersAreShadowed() throws {
        let lib = try PluginLibrary()
        try lib.plugin("codebook", in: "team", version: "2.0.0", initSource: "return { from = 'team' }")
        try lib.plugin("codebook", in: "mine", version: "1.0.0", initSource: "return { from = 'mine' }")
        try lib.plugin("other", in: "mine")
        let session = try lib.session(["team", "mine"])
        #expect(try session.value("return require('codebook').from").stringValue == "team")
        let catalog = session.pluginCatalog
        #expect(catalog.plugins.map(\.name) == ["codebook", "other"])
        #expect(catalog.plugin(named: "codebook")?.version == SemanticVersion(2, 0, 0))
        #expect(catalog.shadowed.map(\.folder) == [lib.path("mine/codebook")])
        #expect(catalog.shadowed(named: "codebook").first?.version == SemanticVersion(1, 0, 0))
    }

    @Test func aPluginNeedingANewerDossierFailsSayingSo() throws {
        let lib = try PluginLibrary()
        try lib.plugin("future", extra: "dossier = \">=99.0\"")
        try lib.plugin("present", extra: "dossier = \">=0.1\"")
        let session = try lib.session()
        let message = try #require(errorMessage { try session.values("require('future')") })
        #expect(message.contains("future needs dossier >=99.0, this is 0.1.0"))
        #expect(try session.value("return require('present').name").stringValue == "present")
        #expect(session.pluginCatalog.problems(of: try #require(session.pluginCatalog.plugin(named: "future")))
            == ["future needs dossier >=99.0, this is 0.1.0"])
    }

    @Test func malformedManifestsNameTheFile() throws {
        let lib = try PluginLibrary()
        let cases: [(String, String, String)] = [
            ("noversion", "return { name = 'noversion', description = 'x' }", "noversion/manifest.lua: missing field 'version'"),
            ("badversion", "return { name = 'badversion', version = '1.2' }", "badversion/manifest.lua: version '1.2' is not MAJOR.MINOR.PATCH"),
            ("numversion", "return { name = 'numversion', version = 1.0 }", "numversion/manifest.lua: field 'version' must be a string (got number)"),
            ("noname", "return { version = '1.0.0' }", "noname/manifest.lua: missing field 'name'"),
            ("wrongname", "return { name = 'other', version = '1.0.0' }", "wrongname/manifest.lua: name 'other' does not match the folder name 'wrongname'"),
            ("syntax", "return { name = 'syntax', version = '1.0.0'", "syntax/manifest.lua:1:"),
            ("notable", "return 'syntax'", "notable/manifest.lua: must return a table"),
            ("spins", "while true do end", "spins/manifest.lua: the manifest did too much work (instruction limit"),
            ("reaches", "os.execute('touch /tmp/x') return {}", "reaches/manifest.lua:1: attempt to index a nil value (global 'os')"),
            ("badreq", "return { name = 'badreq', version = '1.0.0', requires = { 42 } }", "badreq/manifest.lua: each entry of 'requires' must be a string"),
            ("badconstraint", "return { name = 'badconstraint', version = '1.0.0', dossier = 'soon' }", "badconstraint/manifest.lua: field 'dossier': version constraint 'soon' is not understood"),
        ]
        for (name, manifest, _) in cases {
            try lib.write("lib/\(name)/manifest.lua", manifest)
            try lib.write("lib/\(name)/init.lua", "return {}")
        }
        let session = try lib.session()
        for (name, _, expected) in cases {
            let message = try #require(errorMessage { try session.values("require('\(name)')") }, "\(name) loaded")
            #expect(message.contains(lib.path("lib") + "/" + expected), "\(name): \(message)")
            #expect(session.pluginCatalog.plugin(named: name)?.problem != nil)
        }
        // Two problems are reported together.
        try lib.write("two/both/manifest.lua", "return { name = 'both' }")
        let catalog = PluginCatalog.discover(lib.searchPath(["two"]))
        #expect(catalog.plugin(named: "both")?.problem?.message == lib.path("two/both/manifest.lua") + ": missing field 'version'")
    }

    @Test func aMissingDescriptionIsOnlyAWarning() throws {
        let lib = try PluginLibrary()
        try lib.write("lib/terse/manifest.lua", "return { name = 'terse', version = '0.1.0' }")
        try lib.write("lib/terse/init.lua", "return { ok = true }")
        let session = try lib.session()
        #expect(try session.value("return require('terse').ok").isTruthy)
        let entry = try #require(session.pluginCatalog.plugin(named: "terse"))
        #expect(entry.warnings.first?.contains("no 'description'") == true)
    }

    /// The probe: a manifest calling a backtracking find hung every command, `plugin list`
    /// included (its instruction budget did not count time spent in C).
    @Test func aManifestThatBacktracksIsStoppedAtOnce() throws {
        let lib = try PluginLibrary()
        try lib.write("lib/slow/manifest.lua", """
            local s = ("a"):rep(20000)
            s:find(("a*"):rep(6) .. "b")
            return { name = "slow", version = "1.0.0", description = "never returns" }
            """)
        try lib.write("lib/slow/init.lua", "return {}")
        try lib.plugin("fine")
        let path = lib.searchPath()
        var catalog: PluginCatalog?
        let start = Date()
        let done = finishes(within: 30) { catalog = PluginCatalog.discover(path) }
        #expect(done, "reading the manifest did not stop")
        guard done, let catalog else { return }
        #expect(Date().timeIntervalSince(start) < 10)
        let problem = try #require(catalog.plugin(named: "slow")?.problem)
        #expect(problem.message.contains("slow/manifest.lua: the manifest did too much work (instruction limit of 200000 exceeded)"), "\(problem.message)")
        #expect(catalog.plugin(named: "fine")?.problem == nil)
    }

    /// `plugin new string` used to succeed, and `--plugin string` then loaded Lua's own string
    /// library: the names of Lua's libraries and of dossier's globals are refused.
    @Test func pluginsCannotTakeTheNamesOfLibrariesOrGlobals() throws {
        let lib = try PluginLibrary()
        for name in ["string", "table", "os", "package", "_G", "dossier", "corpus", "report", "lpeg"] {
            #expect(PluginNames.reservation(for: name) != nil, "\(name)")
            do {
                try PluginScaffold.create(name: name, in: lib.path("new"))
                Issue.record("plugin new \(name) succeeded")
            } catch {
                #expect(error.message.contains("'\(name)' is the name of"), "\(error.message)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: lib.path("new/string")))
        #expect(PluginNames.reservation(for: "strings") == nil)

        try lib.plugin("string")
        try lib.plugin("corpus")
        do {
            _ = try lib.session { $0.plugins = ["string"] }
            Issue.record("--plugin string loaded something")
        } catch {
            #expect("\(error)".contains("cannot load plugin 'string': 'string' is the name of Lua's standard library 'string'"), "\(error)")
        }
        let session = try lib.session()
        #expect(session.pluginCatalog.plugin(named: "string")?.problem?.message.contains("is the name of Lua's standard library") == true)
        // require still gives the library, and a reserved plugin folder cannot be required.
        #expect(try session.value("return require('string') == string").isTruthy)
        let corpus = try #require(errorMessage { try session.values("require('corpus')") })
        #expect(corpus.contains("'corpus' is the name of one of dossier's globals"), "\(corpus)")
    }

    @Test func requirementsLoadFirstInOrder() throws {
        let lib = try PluginLibrary()
        try lib.plugin("app", extra: "requires = { 'mid >=1.0', 'base' }", initSource: "LOG[#LOG + 1] = 'app' return {}")
        try lib.plugin("mid", version: "1.3.0", extra: "requires = { base = '>=2.0' }", initSource: "LOG[#LOG + 1] = 'mid' return {}")
        try lib.plugin("base", version: "2.1.0", initSource: "LOG[#LOG + 1] = 'base' return {}")
        let session = try lib.session()
        try session.values("LOG = {}")
        try session.values("require('app')")
        #expect(try session.value("return table.concat(LOG, ',')").stringValue == "base,mid,app")
        #expect(try session.pluginCatalog.loadOrder(for: "app").map(\.name) == ["base", "mid", "app"])
    }

    @Test func missingTooOldAndCyclicRequirementsAreErrors() throws {
        let lib = try PluginLibrary()
        try lib.plugin("needsghost", extra: "requires = { 'ghost >=1.2' }", initSource: "LOADED = true return {}")
        try lib.plugin("needsnew", extra: "requires = { old = '>=1.2' }")
        try lib.plugin("old", version: "1.0.0")
        try lib.plugin("ping", extra: "requires = { 'pong' }")
        try lib.plugin("pong", extra: "requires = { 'ping' }")
        let session = try lib.session()
        let ghost = try #require(errorMessage { try session.values("require('needsghost')") })
        #expect(ghost.contains("needsghost needs plugin 'ghost' (>=1.2), which is not on the plugin path"))
        #expect(try session.value("return LOADED").isTruthy == false)
        let old = try #require(errorMessage { try session.values("require('needsnew')") })
        #expect(old.contains("needsnew needs old >=1.2, found old 1.0.0"))
        let cycle = try #require(errorMessage { try session.values("require('ping')") })
        #expect(cycle.contains("plugins require each other in a cycle: ping -> pong -> ping"))
    }

    @Test func autoloadedPluginsLoadAtStartAndFailuresStopTheSession() throws {
        let lib = try PluginLibrary()
        try lib.plugin("greeter", initSource: "GREETED = true return {}")
        try lib.plugin("broken", initSource: "error('broken on purpose')")
        let session = try lib.session { $0.plugins = ["greeter"] }
        #expect(try session.value("return GREETED").isTruthy)
        do {
            _ = try lib.session { $0.plugins = ["broken"] }
            Issue.record("expected the session to fail")
        } catch {
            #expect("\(error)".contains("cannot load plugin 'broken'"))
            #expect("\(error)".contains("broken on purpose"))
        }
    }

    @Test func limitsApplyToPluginCodeAndTheSessionStaysUsable() throws {
        let lib = try PluginLibrary()
        try lib.plugin("spin", initSource: "while true do end")
        try lib.plugin("hog", initSource: "local t = {} for i = 1, 1e9 do t[i] = string.rep('x', 64) .. i end")
        try lib.plugin("ok", initSource: "return { fine = true }")
        let session = try lib.session { options in
            options.timeout = 0.5
            options.memoryLimit = 64 * 1024 * 1024
        }
        let start = Date()
        let timeout = limitError { () throws(ScriptError) in try session.loadPlugin("spin") }
        #expect(timeout?.kind == .time)
        #expect(timeout?.message.contains("time limit of 0.5 s exceeded") == true)
        #expect(Date().timeIntervalSince(start) < 5)
        session.lua.limits = LuaLimits(timeout: 30)  // the memory cap, not the clock, should stop the next one
        let memory = limitError { () throws(ScriptError) in try session.loadPlugin("hog") }
        #expect(memory?.kind == .memory)
        #expect(memory?.message.contains("memory limit of 64 MB exceeded") == true)
        session.lua.collectGarbage()
        #expect(try session.value("return #corpus").intValue == 5)
        #expect(try session.value("return require('ok').fine").isTruthy)
    }
}

@Suite struct PluginExtensionTests {
    static let toolkit = """
        local M = { seen = {} }
        M.commands = {
          count = { help = "count documents mentioning a word", run = function(args)
            LAST_ARGS = args
            local n = 0
            for _, d in ipairs(corpus:docs()) do
              if d.text:lower():find(args:lower(), 1, true) then n = n + 1 end
            end
            COUNT = n
          end },
        }
        M.annotators = {
          lengths = function(c)
            local t = {}
            for _, d in ipairs(c:docs()) do t[d.id] = d.words end
            return t
          end,
        }
        M.report_sections = {
          overview = function(c) return { heading = "Overview", blocks = { #c .. " documents" } } end,
        }
        return M
        """

    @Test func commandsAnnotatorsAndReportSectionsRegisterWhenRequired() throws {
        let lib = try PluginLibrary()
        try lib.plugin("toolkit", initSource: Self.toolkit)
        let session = try lib.session()
        #expect(session.pluginCommands().isEmpty)
        #expect(try session.runPluginCommand("count", arguments: "Blinken") == false)
        try session.loadPlugin("toolkit")
        #expect(session.pluginCommands() == [PluginCommandInfo(name: "count", help: "count documents mentioning a word", plugin: "toolkit")])
        #expect(try session.runPluginCommand("count", arguments: "  Taiwan ") == true)
        #expect(try session.value("return LAST_ARGS").stringValue == "Taiwan")
        // Count by hand what the command should find.
        let expected = session.corpus.documents.filter { $0.text.lowercased().contains("taiwan") }.count
        #expect(expected > 0)
        #expect(try session.value("return COUNT").intValue == expected)

        // The annotator ran on the session's corpus when the plugin loaded.
        let first = try #require(session.corpus.documents.first)
        #expect(try session.value("return dossier.annotation('lengths')[...]", first.id).intValue == first.wordCount)
        let extensions = session.extensions(of: "toolkit")
        #expect(extensions.annotators == ["lengths"])
        #expect(extensions.reportSections == ["overview"])
        let section = try session.value("local s = dossier.report_sections()[1] return s.name .. '|' .. s.plugin .. '|' .. s.render(corpus).blocks[1]")
        #expect(section.stringValue == "overview|toolkit|5 documents")
    }

    @Test func annotatorsRunOnCorporaOpenedLaterAndByHand() throws {
        let lib = try PluginLibrary()
        try lib.plugin("toolkit", initSource: Self.toolkit)
        let session = try lib.session { $0.plugins = ["toolkit"] }
        let seeds = seedsPath
        let r = try session.values("""
            local other = dossier.open(...)
            local sub = corpus:filter(function(d) return d.words > 600 end)
            local before = dossier.annotation('lengths', sub)
            dossier.annotate(sub)
            local n = 0
            for _ in pairs(dossier.annotation('lengths', sub)) do n = n + 1 end
            return dossier.annotation('lengths', other) ~= nil, before == nil, n, #sub
            """, seeds)
        #expect(r[0].isTruthy)
        #expect(r[1].isTruthy)
        #expect(r[2].intValue == r[3].intValue)
        #expect((r[3].intValue ?? 0) > 0)
    }

    @Test func scriptsCanRegisterThroughDossierFunctions() throws {
        let lib = try PluginLibrary()
        try lib.plugin("viafunctions", initSource: """
            dossier.command("hello", { help = "says hello", run = function(args) HELLO = "hello " .. args end })
            dossier.report_section("summary", function(c) return { heading = "Summary", blocks = {} } end)
            return {}
            """)
        let session = try lib.session { $0.plugins = ["viafunctions"] }
        #expect(session.pluginCommands().first?.plugin == "viafunctions")
        try session.values("dossier.command('mine', function(args) MINE = args end)")
        #expect(session.pluginCommands().map(\.name) == ["hello", "mine"])
        #expect(session.pluginCommands().last?.plugin == nil)
        try session.runPluginCommand("mine", arguments: "x y")
        #expect(try session.value("return MINE").stringValue == "x y")
        #expect(session.extensions(of: "viafunctions").reportSections == ["summary"])
    }

    @Test func commandClashesAreErrors() throws {
        let lib = try PluginLibrary()
        try lib.plugin("first", initSource: "return { commands = { tag = { run = function() end } } }")
        try lib.plugin("second", initSource: "return { commands = { tag = { run = function() end } } }")
        try lib.plugin("rude", initSource: "return { commands = { help = { run = function() end } } }")
        let session = try lib.session()
        try session.loadPlugin("first")
        let clash = try #require(errorMessage { try session.values("require('second')") })
        #expect(clash.contains("command ':tag' of plugin 'second' is already defined by plugin 'first'"))
        let builtin = try #require(errorMessage { try session.values("require('rude')") })
        #expect(builtin.contains("command ':help' of plugin 'rude' has the name of a built-in REPL command"))
    }

    @Test func dossierPluginsListsThePath() throws {
        let lib = try PluginLibrary()
        try lib.plugin("alpha", version: "1.2.3")
        try lib.plugin("beta")
        let session = try lib.session()
        try session.loadPlugin("alpha")
        let r = try session.values("local p = dossier.plugins() return #p, p[1].name, p[1].version, p[1].loaded, p[2].loaded, p[1].path")
        #expect(r[0].intValue == 2)
        #expect(r[1].stringValue == "alpha")
        #expect(r[2].stringValue == "1.2.3")
        #expect(r[3].isTruthy)
        #expect(!r[4].isTruthy)
        #expect(r[5].stringValue == lib.path("lib/alpha"))
    }
}

@Suite struct SessionSandboxTests {
    @Test func pluginsAndScriptsReadTheirFoldersButNotElsewhere() throws {
        let lib = try PluginLibrary()
        try lib.plugin("reader", initSource: """
            local _, path = ...
            local folder = path:match("^(.*)/init.lua$")
            local f = assert(io.open(folder .. "/words.txt"))
            local words = f:read("a")
            f:close()
            return { words = words }
            """)
        try lib.write("lib/reader/words.txt", "talks visit")
        let session = try lib.session()
        #expect(session.isSandboxed)
        #expect(try session.value("return require('reader').words").stringValue == "talks visit")
        let passwd = try #require(errorMessage { try session.values("io.open('/etc/passwd')") })
        #expect(passwd.contains("io.open: reading '/etc/passwd' is outside the folders the sandbox allows"))
        #expect(passwd.contains("(run with --trusted to allow it)"))
        // The corpus is readable.
        #expect(try session.value("return io.open(corpus:docs()[1].path) ~= nil").isTruthy)
        // A script's own folder becomes readable when it runs.
        try lib.write("scripts/data.txt", "from the script folder")
        try lib.write("scripts/s.lua", "local here = arg[0]:match('^(.*)/') RESULT = io.open(here .. '/data.txt'):read('a')")
        #expect(errorMessage { try session.values("io.open(...)", lib.path("scripts/data.txt")) } != nil)
        try session.runScript(path: lib.path("scripts/s.lua"), arguments: [])
        #expect(try session.value("return RESULT").stringValue == "from the script folder")
    }

    /// The probe: `data/passwd.txt -> /etc/passwd` (and a linked sub-folder), then
    /// `dossier.open("data")` and `doc.raw` printed it. No file outside the sandbox's rules is
    /// read now: such files are skipped with a warning naming them.
    @Test func dossierOpenReadsNoFileOutsideTheSandbox() throws {
        let lib = try PluginLibrary()
        let article = "Officials met in Geneva on Tuesday to discuss the talks. The minister said progress was slow.\n"
        try lib.write("out/data/a.txt", "Geneva talks\n\n" + article)
        try lib.write("secret/passwd.txt", "Secret file\n\nTOPSECRET-FILE root:x:0:0 and more words here.\n")
        try lib.write("secret/inner/b.txt", "Secret folder\n\nTOPSECRET-FOLDER more words in this one.\n")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: lib.path("out/data/passwd.txt"), withDestinationPath: lib.path("secret/passwd.txt"))
        try fm.createSymbolicLink(atPath: lib.path("out/data/sub"), withDestinationPath: lib.path("secret/inner"))
        let warnings = WarningLog()
        let session = try lib.session { options in
            options.quiet = false
            options.diagnostics = { warnings.add($0) }
        }
        let r = try session.values("""
            local c = dossier.open(...)
            local texts = {}
            for _, d in ipairs(c:docs()) do texts[#texts + 1] = d.raw .. d.text end
            return #c, table.concat(texts, " ")
            """, lib.path("out/data"))
        #expect(r.first?.intValue == 1)
        #expect(r.dropFirst().first?.stringValue?.contains("TOPSECRET") == false)
        let log = warnings.lines.joined(separator: "\n")
        // Each link out is named with where it leads; the linked folder is not even listed.
        #expect(log.contains("out/data/passwd.txt: a link out of the folders this session may read "
            + "(it leads to '\(lib.path("secret/passwd.txt"))'), skipped"), "\(log)")
        #expect(log.contains("out/data/sub: a link out of the folders this session may read "
            + "(it leads to '\(lib.path("secret/inner"))'), skipped"), "\(log)")
        #expect(!log.contains("b.txt"), "\(log)")
        // A link that stays inside the readable folders still loads (to a file outside the
        // corpus folder: a second path to a file already loaded is loaded once).
        try lib.write("out/other.txt", "Other talks\n\n" + article)
        try fm.createSymbolicLink(atPath: lib.path("out/data/again.txt"), withDestinationPath: lib.path("out/other.txt"))
        #expect(try session.value("return #dossier.open(...)", lib.path("out/data")).intValue == 2)
        // Trusted: the links are followed, as a user's own corpus would be.
        let trusted = try lib.session { $0.trusted = true }
        #expect(try trusted.value("return #dossier.open(...)", lib.path("out/data")).intValue == 4)
    }

    @Test func writingGoesUnderTheOutputFolderCreatedOnDemand() throws {
        let lib = try PluginLibrary()
        let session = try lib.session()
        #expect(!FileManager.default.fileExists(atPath: lib.path("out")))
        try session.values("local f = assert(io.open(..., 'w')) f:write('a,b') f:close()", lib.path("out/t.csv"))
        #expect(try String(contentsOfFile: lib.path("out/t.csv"), encoding: .utf8) == "a,b")
        let outside = try #require(errorMessage { try session.values("io.open(..., 'w')", lib.path("elsewhere.csv")) })
        #expect(outside.contains("io.open: writing to '\(lib.path("elsewhere.csv"))' is outside the output folder \(lib.path("out"))"))
    }

    @Test func trustedLiftsTheSandbox() throws {
        let lib = try PluginLibrary()
        let session = try lib.session { $0.trusted = true }
        #expect(!session.isSandboxed)
        #expect(try session.value("return io.open('/etc/passwd') ~= nil").isTruthy)
        #expect(try session.value("return type(debug.getinfo)").stringValue == "function")
        #expect(try session.value("return (os.execute('true'))").isTruthy)
    }
}

/// Warnings a session printed (its diagnostics), in order.
final class WarningLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func add(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
}

/// The Lua error `body` throws as a ScriptError, or nil.
func limitError(_ body: () throws(ScriptError) -> Void) -> LuaError? {
    do {
        try body()
        return nil
    } catch {
        if case .lua(let e) = error { return e }
        return nil
    }
}

extension ScriptSession {
    /// Runs Lua with arguments (test helper).
    @discardableResult
    func values(_ code: String, _ arguments: String...) throws -> [LuaValue] {
        try lua.run(code, chunkName: "=test", arguments: arguments.map { .text($0) })
    }

    func value(_ code: String, _ argument: String) throws -> LuaValue {
        try values(code, argument).first ?? .nil
    }
}
