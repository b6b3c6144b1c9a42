import Foundation
import LuaBridge

/// A session's plugin machinery: the catalog of plugins on the search path, the sandbox (unless
/// trusted), and the Lua side (Lua/plugins.lua) that adds the `require` searcher and keeps the
/// registries of commands, annotators and report sections.
final class PluginHost {
    let catalog: PluginCatalog
    /// Nil when the session is trusted.
    let sandbox: LuaSandbox?
    private let lua: LuaState
    /// The plugin registries (the table Lua/plugins.lua returns).
    let api: LuaReference
    let require: LuaReference
    let runCommand: LuaReference
    let commandList: LuaReference
    let annotatorList: LuaReference
    let sectionList: LuaReference
    /// The test runner's `load` (Lua/testing.lua), once `plugin test` needed it.
    var testing: LuaReference?

    /// Installs the sandbox (unless `options.trusted`) and the plugin loader into `lua`.
    /// `luaArguments` are what Lua/plugins.lua takes after the host functions: the List type,
    /// the printer and the session's corpus.
    init(lua: LuaState, options: SessionOptions, corpusLocation: String, luaArguments: [LuaValue]) throws {
        self.lua = lua
        catalog = PluginCatalog.discover(options.pluginPath ?? PluginSearchPath.standard())
        if options.trusted {
            sandbox = nil
        } else {
            let sandbox = LuaSandbox(policy: SessionSandbox.policy(options: options, corpusLocation: corpusLocation, catalog: catalog))
            try sandbox.install(in: lua)
            self.sandbox = sandbox
        }
        let host = LuaValue.record([
            "locate": .function(Self.locateFunction(lua, catalog)),
            "load_order": .function(Self.loadOrderFunction(lua, catalog)),
            "list": .function(Self.listFunction(lua, catalog)),
            "package": sandbox?.packageTable.map { .reference($0) } ?? .nil,
        ])
        let api = try lua.makeReferenceFromLua(try LuaSources.source("plugins"), chunkName: "=[dossier plugins]", arguments: [host] + luaArguments)
        self.api = api
        require = try lua.makeReferenceFromLua("return require")
        func field(_ name: String) throws -> LuaReference {
            try lua.makeReferenceFromLua("local t, k = ... return t[k]", arguments: [.reference(api), .text(name)])
        }
        runCommand = try field("run_command")
        commandList = try field("commands")
        annotatorList = try field("annotators")
        sectionList = try field("report_sections")
    }

    /// Lets the sandbox read the folder of a script about to run.
    func allowScriptFolder(_ scriptPath: String) {
        let folder = URL(fileURLWithPath: scriptPath).deletingLastPathComponent().path
        sandbox?.allowReading(folder)
    }

    // MARK: - Functions for Lua/plugins.lua

    /// `locate(modname)` → plugin name and file for `name` or `name.sub`, or nil and why not.
    private static func locateFunction(_ lua: LuaState, _ catalog: PluginCatalog) -> LuaFunction {
        lua.function("locate") { args in
            let modname = try args.string(1)
            let parts = modname.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let top = parts.first ?? modname
            guard let entry = catalog.plugin(named: top) else {
                return [.nil, .text("no plugin '\(top)' on the plugin path")]
            }
            if parts.count == 1 {
                let file = entry.folder + "/init.lua"
                if entry.problem == nil, !FileManager.default.fileExists(atPath: file) {
                    return [.nil, .text("plugin '\(top)' has no init.lua (\(DisplayPath.show(file)))")]
                }
                return [.text(top), .text(file)]
            }
            let relative = parts[1].replacingOccurrences(of: ".", with: "/")
            let candidates = [entry.folder + "/" + relative + ".lua", entry.folder + "/" + relative + "/init.lua"]
            if let file = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) {
                return [.text(top), .text(file)]
            }
            return [.nil, .text("no file '\(relative).lua' or '\(relative)/init.lua' in plugin '\(top)' (\(DisplayPath.show(entry.folder)))")]
        }
    }

    /// `load_order(name)` → the plugin names to load, dependencies first, or nil and why not.
    private static func loadOrderFunction(_ lua: LuaState, _ catalog: PluginCatalog) -> LuaFunction {
        lua.function("load_order") { args in
            let name = try args.string(1)
            do throws(PluginError) {
                return [.array(try catalog.loadOrder(for: name).map { .text($0.name) })]
            } catch {
                return [.nil, .text(error.message)]
            }
        }
    }

    /// `list()` → a record per plugin on the path.
    private static func listFunction(_ lua: LuaState, _ catalog: PluginCatalog) -> LuaFunction {
        lua.function("list") { _ in
            [.array(catalog.plugins.map { entry in
                .record([
                    "name": .text(entry.name),
                    "version": .text(entry.version?.description),
                    "description": .text(entry.manifest?.description),
                    "origin": .text(entry.origin.rawValue),
                    "path": .text(entry.folder),
                    "problem": .text(entry.problem?.message),
                ])
            })]
        }
    }
}
