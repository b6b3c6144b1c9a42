import Corpus
import Report

/// What a session is set up with: which corpus, where output goes, and the limits scripts run
/// under. The command line fills this from its options.
public struct SessionOptions: Sendable {
    /// Corpus folder or file; nil for the default (`DOSSIER_CORPUS`, else the project's seeds/).
    public var corpusPath: String?
    /// No corpus at all (an empty one): for `dossier reduce`, which reads rows, not articles.
    public var noCorpus = false
    /// The whole corpus's statistics when the corpus is one part of it (`dossier map --globals`).
    public var globals: CorpusGlobals?
    /// The corpus's format when forced (`--format`); nil: each file's extension, else its content.
    public var corpusFormat: DocumentFormat?
    /// Which input fields hold the text, title, date… (`--fields text=article_body`).
    public var corpusFields: FieldNames = .standard
    /// Folder that `report.write` writes under.
    public var outputDirectory: String = "out"
    /// Lifts the sandbox (process execution, file access anywhere).
    public var trusted: Bool = false
    /// Seconds a chunk (a script, a REPL entry) may run.
    public var timeout: Double?
    /// Bytes Lua may allocate; nil for the default, `LuaLimits.defaultMemoryCap` (half of the
    /// machine's memory).
    public var memoryLimit: Int?
    /// Suppresses warnings and progress.
    public var quiet: Bool = false
    /// Terminal columns for printing tables (kept within `TerminalWidth.range`).
    public var width: Int = TerminalWidth.standard
    /// Rows `print(list)` shows before "… N more" (`dossier.printer.rows`): 40 in the REPL and
    /// on a terminal; every row for a script whose output goes to a file or a pipe.
    public var printerRows: Int = 40
    /// Where warnings and progress go (default: standard error).
    public var diagnostics: @Sendable (String) -> Void = { message in
        FileHandleOutput.standardError(message)
    }
    /// Called with (done, total) while documents load.
    public var loadProgress: (@Sendable (Int, Int) -> Void)?
    /// Told how far long analyses (entities, quotations, dates, claims, conflicts,
    /// near-duplicates, n-grams…) have got; nil (the default) or `quiet`: nothing is reported.
    public var analysisProgress: Cancellation.ProgressReport?
    /// Plugins to load when the session starts (`--plugin NAME`, `DOSSIER_PLUGINS`).
    public var plugins: [String] = []
    /// Where plugins are looked for; nil for the standard path (see `PluginSearchPath.standard`).
    public var pluginPath: PluginSearchPath?

    public init() {}
}

import Foundation

/// Minimal writes to standard error without buffering surprises.
public enum FileHandleOutput {
    public static func standardError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
