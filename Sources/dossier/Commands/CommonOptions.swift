import ArgumentParser
import Corpus
import Foundation
import LuaBridge
import Scripting

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Corpus folder or file, or - for JSON lines on standard input (default: DOSSIER_CORPUS, else the project's seeds/).", valueName: "path"))
    var corpus: String?

    @Option(name: .long, help: ArgumentHelp("Read every corpus file as this format: txt, jsonl, json, csv, tsv, html or warc (default: by extension, else by content).", valueName: "format"))
    var format: String?

    @Option(name: .long, help: ArgumentHelp("Input fields for the text, title, date…: ROLE=NAME,… (roles: id, title, text, date, source, url, authors, language).", valueName: "map"))
    var fields: String?

    @Option(name: .long, help: ArgumentHelp("Folder that report.write writes under.", valueName: "dir"))
    var out: String = "out"

    @Flag(name: .long, help: "Lift the sandbox: allow os.execute, io.popen, C modules and file access anywhere.")
    var trusted = false

    @Option(name: .long, help: ArgumentHelp("Stop a chunk (script, REPL entry) after this many seconds (0.001 to 1000000).", valueName: "seconds"))
    var timeout: Double?

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("Cap Lua's memory, e.g. 512M or 2G (1M to 1024T; default: half of the machine's memory).", valueName: "size"))
    var maxMemory: String?

    @Option(name: .customLong("plugin"), help: ArgumentHelp("Load a plugin at start (repeatable; DOSSIER_PLUGINS=a,b does the same).", valueName: "name"))
    var plugins: [String] = []

    @Flag(name: .long, help: "No warnings or progress on standard error.")
    var quiet = false

    func validate() throws {
        if let format {
            do { _ = try DocumentFormat.named(format) } catch { throw ValidationError("--format: \(error)") }
        }
        if let fields {
            do { _ = try FieldNames.mapping(fields) } catch { throw ValidationError("--fields: \(error)") }
        }
        if let timeout {
            do { _ = try LuaLimits.timeout(timeout) } catch { throw ValidationError(error.message(option: "--timeout")) }
        }
        if let maxMemory {
            do { _ = try LuaLimits.memoryCap(maxMemory) } catch { throw ValidationError(error.message(option: "--max-memory")) }
        }
    }

    /// Session options for these command-line options.
    /// `repl`: the REPL shows 40 rows of a list; a script or `eval` whose output is not a
    /// terminal shows every row (`dossier.printer.rows`).
    func sessionOptions(repl: Bool = false) -> SessionOptions {
        var options = SessionOptions()
        if !repl && !Terminal.isTerminal(FileHandle.standardOutput.fileDescriptor) { options.printerRows = Int.max }
        options.corpusPath = corpus
        options.corpusFormat = format.flatMap { try? DocumentFormat.named($0) }
        options.corpusFields = fields.flatMap { try? FieldNames.mapping($0) } ?? .standard
        options.outputDirectory = out
        options.trusted = trusted
        options.timeout = timeout
        options.memoryLimit = maxMemory.flatMap { try? LuaLimits.memoryCap($0) }
        options.quiet = quiet
        options.plugins = PluginSearchPath.autoload() + plugins
        options.width = Terminal.width()
        if !quiet && Terminal.isTerminal(FileHandle.standardError.fileDescriptor) {
            options.loadProgress = ProgressBar.loading()
        }
        if !quiet {
            options.analysisProgress = AnalysisProgress(terminal: Terminal.isTerminal(FileHandle.standardError.fileDescriptor)).report
        }
        return options
    }

    /// Opens a session or exits with the setup error.
    func openSession(repl: Bool = false) throws -> ScriptSession {
        try openSession(sessionOptions(repl: repl))
    }

    /// Opens a session with these options or exits with the setup error.
    func openSession(_ options: SessionOptions) throws -> ScriptSession {
        do {
            return try ScriptSession(options: options)
        } catch {
            ProgressBar.clear()
            Terminal.printError("dossier: \(error.description)")
            throw ExitCode(2)
        }
    }
}
