import Foundation
import LuaBridge

/// A REPL command a plugin (or a script) added.
public struct PluginCommandInfo: Sendable, Equatable {
    public let name: String
    public let help: String
    /// The plugin that defined it; nil for a script.
    public let plugin: String?
}

/// What one plugin added to a session once loaded.
public struct PluginExtensions: Sendable, Equatable {
    public var commands: [PluginCommandInfo] = []
    public var annotators: [String] = []
    public var reportSections: [String] = []
}

extension ScriptSession {
    /// Arms the limits, then loads `options.plugins` (so plugin code runs under the limits).
    /// Called once at the end of `init`, when the sandbox, the plugin loader and the globals are set.
    func loadPlugins() throws(ScriptError) {
        applyLimits()
        for name in options.plugins {
            do {
                try loadPlugin(name)
            } catch {
                throw .setup("cannot load plugin '\(name)': \(error.description)")
            }
        }
    }

    /// The plugins on the search path (empty before setup finished).
    public var pluginCatalog: PluginCatalog {
        pluginHost?.catalog ?? PluginCatalog(searchPath: PluginSearchPath(folders: []), plugins: [], shadowed: [])
    }

    /// True when file access and processes are confined (no `--trusted`).
    public var isSandboxed: Bool { pluginHost?.sandbox != nil }

    /// The session's sandbox (nil when trusted): Swift-side bindings that read or write files
    /// for Lua (report.write, say) should check paths with `checkRead`/`checkWrite` too.
    public var sandbox: LuaSandbox? { pluginHost?.sandbox }

    /// `require(name)`, as a top-level call under the session's limits.
    public func loadPlugin(_ name: String) throws(ScriptError) {
        guard let host = pluginHost else { throw .setup("plugins are not set up") }
        // require would hand back the library or global, never a plugin of that name.
        if let reservation = PluginNames.reservation(for: name) { throw .setup("\(reservation), not a plugin") }
        try callLua(host.require, [.text(name)])
    }

    /// The REPL commands plugins and scripts have added, in the order they were added.
    public func pluginCommands() -> [PluginCommandInfo] {
        guard let host = pluginHost, let list = try? lua.call(.reference(host.commandList)).first?.tableValue else { return [] }
        return list.array.compactMap { item in
            guard let t = item.tableValue, let name = t["name"]?.stringValue else { return nil }
            return PluginCommandInfo(name: name, help: t["help"]?.stringValue ?? "", plugin: t["plugin"]?.stringValue)
        }
    }

    /// Runs REPL command `:name arguments`, printing what it returns. Returns false when no
    /// plugin defines `name`.
    @discardableResult
    public func runPluginCommand(_ name: String, arguments: String) throws(ScriptError) -> Bool {
        guard let host = pluginHost else { return false }
        let trimmed = arguments.trimmingCharacters(in: .whitespaces)
        let result = try callLua(host.runCommand, [.text(name), .text(trimmed), .integer(options.width)])
        return result.first?.isTruthy ?? false
    }

    /// What plugin `name` added (commands, annotators, report sections); load it first.
    public func extensions(of name: String) -> PluginExtensions {
        guard let host = pluginHost else { return PluginExtensions() }
        var out = PluginExtensions()
        out.commands = pluginCommands().filter { $0.plugin == name }
        func names(_ ref: LuaReference) -> [String] {
            guard let list = try? lua.call(.reference(ref)).first?.tableValue else { return [] }
            return list.array.compactMap { item in
                guard let t = item.tableValue, t["plugin"]?.stringValue == name else { return nil }
                return t["name"]?.stringValue
            }
        }
        out.annotators = names(host.annotatorList)
        out.reportSections = names(host.sectionList)
        return out
    }

    /// Calls a Lua value as a top-level call, turning errors into `ScriptError`.
    @discardableResult
    func callLua(_ function: LuaReference, _ arguments: [LuaValue]) throws(ScriptError) -> [LuaValue] {
        do {
            return try lua.call(.reference(function), arguments)
        } catch let error as LuaError {
            throw .lua(Traceback.clean(error))
        } catch {
            throw .setup(String(describing: error))
        }
    }
}
