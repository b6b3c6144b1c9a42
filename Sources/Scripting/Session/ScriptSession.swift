import Corpus
import Foundation
import LuaBridge
import Report

/// One Lua state with dossier's API over one corpus: what the REPL, `run` and `eval` drive.
///
/// Setting up loads the corpus, opens the Lua libraries, loads the Lua parts of the API
/// (Lists, the printer, the report module) and binds the Swift types. Every later call into
/// Lua runs under the session's limits and reports errors as `ScriptError.lua`.
public final class ScriptSession {
    /// dossier's version.
    public static let version = "0.1.0"

    public let lua: LuaState
    public let corpus: Corpus
    public let options: SessionOptions
    /// Seconds it took to load and index the corpus.
    public private(set) var loadSeconds: Double = 0
    /// CPU seconds (all threads) the load took: the figure that does not depend on disk waits.
    public private(set) var loadCPUSeconds: Double = 0
    private let evalPrint: LuaReference
    private let complete: LuaReference
    let context: BindingContext
    /// Plugins and the sandbox (Plugins/PluginHost.swift), set up in init.
    var pluginHost: PluginHost?

    /// Loads the corpus and prepares the Lua state.
    public init(options: SessionOptions) throws(ScriptError) {
        var options = options
        options.width = TerminalWidth.clamped(options.width)
        self.options = options
        guard var path = options.noCorpus ? "" : options.corpusPath ?? ProjectPaths.defaultCorpus() else {
            throw .setup("no corpus given and no seeds/ folder found: pass --corpus PATH or set DOSSIER_CORPUS")
        }
        if path == "-" { path = try StandardInputSpool.spool(format: options.corpusFormat).path }
        let loadStart = ProcessClock.now()
        let cpuStart = ProcessClock.cpuSeconds()
        do {
            let load = CorpusLoader.Options(format: options.corpusFormat, fields: options.corpusFields)
            corpus = options.noCorpus ? CorpusLoader.corpus(texts: [], location: "(no corpus)")
                : try CorpusLoader.load(path: path, options: load, progress: options.loadProgress)
            loadSeconds = ProcessClock.now() - loadStart
            loadCPUSeconds = ProcessClock.cpuSeconds() - cpuStart
        } catch {
            throw .setup(error.description)
        }
        if let globals = options.globals { corpus.setGlobals(globals) }
        if !options.quiet {
            for warning in corpus.warnings { options.diagnostics("warning: \(warning)") }
            if corpus.summary.skippedCount > 0 { options.diagnostics("loaded \(path): \(corpus.summary)") }
        }
        do {
            lua = try LuaState()
            try lua.openLibraries()
            let list = try lua.makeReferenceFromLua(try LuaSources.source("list"), chunkName: "=[dossier list]")
            let lists = try Lists(lua: lua, list: list)
            context = BindingContext(lua: lua, lists: lists, options: options)
            context.rootLexicon = corpus.index.lexicon
            let printer = try lua.makeReferenceFromLua(try LuaSources.source("printer"), chunkName: "=[dossier printer]",
                                                       arguments: [.reference(list), .function(PrinterTable.function(lua)),
                                                                   .function(RangeCheck.function(lua)),
                                                                   .integer(options.printerRows)])
            let repl = try lua.makeReferenceFromLua(try LuaSources.source("repl"), chunkName: "=[dossier repl]", arguments: [.reference(printer), .reference(list)])
            evalPrint = try lua.makeReferenceFromLua("return (...).eval_print", arguments: [.reference(repl)])
            complete = try lua.makeReferenceFromLua("return (...).complete", arguments: [.reference(repl)])

            // The classes, each declared in one place (Bindings/*Binding.swift).
            let quotes = QuoteBinding(context, corpus: corpus)
            let entities = EntityBinding(context, session: corpus)
            try lua.register(DocumentBinding.make(context, entities: entities, quotes: quotes))
            try lua.register(SentenceBinding.make(context, entities: entities, quotes: quotes))
            try lua.register(TokenBinding.make(context))
            try lua.register(CorpusBinding.make(context, entities: entities, quotes: quotes))
            try lua.register(entities.make())
            try lua.register(quotes.make())
            _ = try lua.makeReferenceFromLua("local List, f = ...; rawset(List, '__filter_documents', f); return true",
                                             arguments: [.reference(list), .function(CorpusBinding.documentFilter(context))])

            let util = try lua.makeReferenceFromLua(try LuaSources.source("util"), chunkName: "=[dossier util]", arguments: [.reference(list)])
            let report = try lua.makeReferenceFromLua(try LuaSources.source("report"), chunkName: "=[dossier report]",
                                                      arguments: [.reference(list), .reference(printer), try ReportModule.make(context), .reference(util)])
            try lua.setGlobal("corpus", .object(corpus))
            try lua.setGlobal("report", .reference(report))

            // The sandbox and the plugin registries, then the `dossier` table (declared in one
            // place, Bindings/DossierModule.swift), which hands the registries to scripts.
            let host = try PluginHost(lua: lua, options: options, corpusLocation: corpus.location,
                                      luaArguments: [.reference(list), .reference(printer), .object(corpus)])
            pluginHost = host
            context.sandbox = host.sandbox
            let loadSeconds = self.loadSeconds
            let loadCPUSeconds = self.loadCPUSeconds
            let corpus = self.corpus
            let dossier = try DossierModule.make(context, DossierModule.Parts(
                list: list, printer: printer, util: util, plugins: host.api, entities: entities, quotes: quotes,
                loadStats: { (corpus, loadSeconds, loadCPUSeconds) }))
            try lua.setGlobal("dossier", dossier)
        } catch let error as LuaError {
            throw .setup("cannot set up Lua: \(error.description)")
        } catch let error as ScriptError {
            throw error
        } catch {
            throw .setup("cannot set up Lua: \(error)")
        }
        try loadPlugins()  // Plugins/ScriptSession+Plugins.swift: arms the limits, then loads --plugin
    }

    /// Arms the session's limits: the memory cap (`--max-memory`, else the default of half the
    /// machine's memory) and the time limit. Called once dossier's own setup has run, before any
    /// plugin or script code, so a small limit stops scripts, never the setup.
    func applyLimits() {
        lua.memoryCap = options.memoryLimit ?? LuaLimits.defaultMemoryCap
        lua.limits = LuaLimits(timeout: options.timeout)
    }

    /// The declared Lua API of the session: every class and the `dossier` table, with their
    /// members and documentation (what error messages suggest from, and what
    /// `docs/api/dossier.lua` is generated from).
    public var declaredAPI: [LuaTypeInfo] { lua.declaredTypes }

    /// The declared options tables (`KwicOptions`, …): what the bindings check scripts' option
    /// tables against, and what the option classes of `docs/api/dossier.lua` are generated from.
    public var declaredOptions: [LuaOptionSet] { LuaOptionSet.all }

    /// Lets another thread (or a signal handler) stop the running chunk.
    public var interruptHandle: LuaInterruptHandle { lua.interruptHandle }

    /// Runs a script file as `lua script.lua args…` would: `arg` holds the script path at 0 and
    /// the arguments from 1; the chunk receives the arguments as `...`.
    public func runScript(path: String, arguments: [String]) throws(ScriptError) {
        let file = try ScriptFile.read(path)
        let source = Self.scriptSource(file.bytes)
        // The sandbox lets a script read its own folder (not /dev for /dev/stdin).
        if file.isRegularFile { pluginHost?.allowScriptFolder(path) }
        var argTable = LuaTable(array: arguments.map { .text($0) })
        argTable.fields = [(.integer(0), .text(path)), (.integer(-1), "dossier")]
        do {
            try lua.setGlobal("arg", .table(argTable))
            let chunk = try lua.load(bytes: source, chunkName: "@" + path)
            try lua.call(.reference(chunk), arguments.map { .text($0) })
        } catch let error as LuaError {
            throw .lua(Traceback.clean(error))
        } catch {
            throw .setup(String(describing: error))
        }
    }

    /// A script's bytes ready to load: a UTF-8 byte-order mark dropped and a first `#` line
    /// (`#!/usr/bin/env dossier run`) blanked, keeping line numbers, as `lua` does.
    static func scriptSource(_ bytes: [UInt8]) -> [UInt8] {
        var b = bytes
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        if b.first == UInt8(ascii: "#") {
            let end = b.firstIndex(of: 10) ?? b.endIndex
            b.removeSubrange(b.startIndex..<end)
        }
        return b
    }

    /// The outcome of one REPL entry.
    public enum EntryStatus: Equatable {
        /// The chunk ran (its results were printed).
        case done
        /// The chunk is not complete yet: read another line and try again.
        case incomplete
    }

    /// Compiles and runs REPL input, printing its results: first as an expression
    /// (`return <input>`), then as statements, as `lua` 5.4 does.
    public func evaluate(_ source: String, chunkName: String = "=stdin") throws(ScriptError) -> EntryStatus {
        let chunk: LuaReference
        var packed = false
        do {
            // An expression is evaluated inside table.pack(…) rather than returned directly, so a
            // call in it is not a tail call and its errors name the user's line, not the REPL's.
            if let asExpression = try? lua.load("return table.pack(" + source + "\n)", chunkName: chunkName) {
                chunk = asExpression
                packed = true
            } else if let asExpression = try? lua.load("return " + source + ";", chunkName: chunkName) {
                chunk = asExpression
            } else {
                chunk = try lua.load(source, chunkName: chunkName)
            }
        } catch let error as LuaError {
            if error.isIncompleteChunk { return .incomplete }
            throw .lua(Traceback.clean(error))
        } catch {
            throw .setup(String(describing: error))
        }
        do {
            try lua.call(.reference(evalPrint), [.reference(chunk), .integer(options.width), .boolean(packed)])
        } catch let error as LuaError {
            throw .lua(Traceback.clean(error))
        } catch {
            throw .setup(String(describing: error))
        }
        return .done
    }

    /// Completions for the text before the cursor (global names, fields and methods).
    public func completions(for text: String) -> [String] {
        let saved = lua.limits
        lua.limits = LuaLimits(timeout: 1)
        defer { lua.limits = saved }
        guard let result = try? lua.call(.reference(complete), [.text(text)]).first?.tableValue else { return [] }
        return result.array.compactMap(\.stringValue)
    }
}
