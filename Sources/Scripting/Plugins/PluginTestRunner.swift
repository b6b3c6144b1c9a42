import Foundation
import LuaBridge

/// How one test of a plugin's spec files ended.
public struct PluginTestOutcome: Sendable, Equatable {
    /// Passed, failed (an assertion or an error), or pending (no test function).
    public enum Status: String, Sendable {
        case passed, failed, pending
    }

    public let plugin: String
    /// The spec file as failures name it: `hello/tests/hello_spec.lua`.
    public let file: String
    /// The test's name, after the names of its describe blocks.
    public let name: String
    public let status: Status
    /// Why it failed: the message with `file:line`.
    public let message: String?
}

/// The outcome of `dossier plugin test`.
public struct PluginTestSummary: Sendable {
    public var outcomes: [PluginTestOutcome] = []
    /// Problems that stopped tests from running at all: a spec file that does not load, a
    /// plugin that is not on the path or cannot load.
    public var errors: [String] = []

    public var passed: Int { outcomes.filter { $0.status == .passed }.count }
    public var failed: Int { outcomes.filter { $0.status == .failed }.count }
    public var pending: Int { outcomes.filter { $0.status == .pending }.count }

    /// No failures and no errors.
    public var succeeded: Bool { failed == 0 && errors.isEmpty }

    /// `3 passed, 1 failed` (plus errors and pending tests when there are any).
    public var line: String {
        var text = "\(passed) passed, \(failed) failed"
        if !errors.isEmpty { text += ", \(errors.count) error\(errors.count == 1 ? "" : "s")" }
        if pending > 0 { text += ", \(pending) pending" }
        return text
    }
}

extension ScriptSession {
    /// Runs the spec files (`tests/*_spec.lua`, else `tests/*.lua`) of the named plugins, or of
    /// every plugin on the path when `names` is empty. Each test runs as its own top-level call
    /// under the session's limits. `report` receives the lines to show as they happen,
    /// ending with the summary line.
    public func runPluginTests(_ names: [String], report: (String) -> Void) -> PluginTestSummary {
        var summary = PluginTestSummary()
        let catalog = pluginCatalog
        var entries: [PluginEntry] = []
        if names.isEmpty {
            entries = catalog.plugins
        } else {
            for name in names {
                if let entry = catalog.plugin(named: name) {
                    entries.append(entry)
                } else {
                    let message = "no plugin '\(name)' on the plugin path (\(catalog.searchPath.summary))"
                    summary.errors.append(message)
                    report("error: " + message)
                }
            }
        }
        if entries.isEmpty && summary.errors.isEmpty { report("no plugins on the plugin path (\(catalog.searchPath.summary))") }
        var stopped = false
        for entry in entries {
            if stopped { break }
            // Spelled out: `entry.version.map { … } ?? ""` in this loop crashes the Swift 6.3
            // optimiser ("Found ownership error").
            var version = ""
            if let v = entry.version { version = " " + v.description }
            report("\(entry.name)\(version) (\(DisplayPath.show(entry.folder)))")
            let problems = catalog.problems(of: entry)
            if !problems.isEmpty {
                for problem in problems {
                    summary.errors.append(problem)
                    report("  error: " + problem)
                }
                continue
            }
            let files = Self.testFiles(in: entry.folder)
            if files.isEmpty {
                report("  no tests (put them in \(DisplayPath.show(entry.folder))/tests/*_spec.lua)")
                continue
            }
            for file in files where !stopped {
                stopped = runSpecFile(file, of: entry, into: &summary, report: report)
            }
        }
        report("")
        report(summary.line)
        return summary
    }

    /// The spec files of a plugin folder, sorted.
    static func testFiles(in folder: String) -> [String] {
        let testsFolder = folder + "/tests"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: testsFolder) else { return [] }
        let lua = names.filter { $0.hasSuffix(".lua") && !$0.hasPrefix(".") }.sorted()
        let specs = lua.filter { $0.hasSuffix("_spec.lua") }
        return (specs.isEmpty ? lua : specs).map { testsFolder + "/" + $0 }
    }

    /// Runs one spec file; returns true when the run should stop (Ctrl-C).
    private func runSpecFile(_ path: String, of entry: PluginEntry, into summary: inout PluginTestSummary,
                             report: (String) -> Void) -> Bool {
        let shown = entry.name + "/" + String(path.dropFirst(entry.folder.count + 1))
        report("  " + String(path.dropFirst(entry.folder.count + 1)))
        func fileError(_ message: String) {
            summary.errors.append("\(shown): \(message)")
            report("    error: " + message.replacingOccurrences(of: "\n", with: "\n      "))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            fileError("cannot be read")
            return false
        }
        let testing: LuaReference
        do {
            testing = try testingModule()
        } catch {
            fileError("cannot start the test runner: \(error)")
            return false
        }
        let source = LuaValue.string(LuaString(bytes: [UInt8](Self.scriptSource([UInt8](data)))))
        let loaded: [LuaValue]
        do {
            loaded = try lua.call(.reference(testing), [source, .text("@" + shown)])
        } catch let error as LuaError {
            fileError(Traceback.clean(error).description)
            return error.kind == .interrupted
        } catch {
            fileError("\(error)")
            return false
        }
        guard loaded.count >= 2, case .reference(let runTest) = loaded[0], let count = loaded[1].intValue else {
            fileError(loaded.count >= 2 ? loaded[1].stringValue ?? "does not load" : "does not load")
            return false
        }
        for i in stride(from: 1, through: count, by: 1) {
            var name = "test \(i)"
            let outcome: PluginTestOutcome
            do {
                let result = try lua.call(.reference(runTest), [.integer(i)]).first?.tableValue
                name = result?["name"]?.stringValue ?? name
                let status = PluginTestOutcome.Status(rawValue: result?["status"]?.stringValue ?? "") ?? .failed
                outcome = PluginTestOutcome(plugin: entry.name, file: shown, name: name, status: status,
                                            message: result?["message"]?.stringValue)
            } catch let error as LuaError {
                if error.kind == .memory { lua.collectGarbage() }
                outcome = PluginTestOutcome(plugin: entry.name, file: shown, name: name, status: .failed, message: error.message)
                if error.kind == .interrupted {
                    summary.outcomes.append(outcome)
                    report("    ✗ \(name): interrupted")
                    return true
                }
            } catch {
                outcome = PluginTestOutcome(plugin: entry.name, file: shown, name: name, status: .failed, message: "\(error)")
            }
            summary.outcomes.append(outcome)
            switch outcome.status {
            case .passed: report("    ✓ \(outcome.name)")
            case .pending: report("    - \(outcome.name) (pending)")
            case .failed:
                report("    ✗ \(outcome.name)")
                let message = (outcome.message ?? "failed").replacingOccurrences(of: "\n", with: "\n        ")
                report("        " + message)
            }
        }
        return false
    }

    /// The test runner's `load` (Lua/testing.lua), loaded on first use.
    private func testingModule() throws -> LuaReference {
        if let host = pluginHost, let cached = host.testing { return cached }
        let module = try lua.makeReferenceFromLua(try LuaSources.source("testing"), chunkName: "=[dossier testing]")
        let load = try lua.makeReferenceFromLua("return (...).load", arguments: [.reference(module)])
        pluginHost?.testing = load
        return load
    }
}
