import ArgumentParser
import Foundation
import Scripting

/// `dossier map SCRIPT`: one part of a split corpus in (JSON lines), rows out (JSON lines).
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Run a map script over articles given as JSON lines; write its rows as JSON lines.",
        discussion: """
        The articles come on standard input (or --input FILE, or --corpus PATH) as JSON lines with
        id, text, title, date, source, url, authors…; the script returns
        { tables = { NAME = { key = {…}, sum = {…}, … } }, map = function(corpus, emit) … end }
        and each emit(NAME, row) writes one line {"table": NAME, …} on standard output.
        `dossier reduce SCRIPT ROWS…` combines the rows of every part (docs/guide.md, "Beyond one machine").
        """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("Read the articles from this file instead of standard input (JSON lines unless --format says otherwise).", valueName: "file"))
    var input: String?

    @Option(name: .long, help: ArgumentHelp("The whole corpus's statistics (the reduced rows of scripts/globals.lua), so that keywords, search ranking, keyness and collocations score on this part as on the whole.", valueName: "file"))
    var globals: String?

    @Argument(help: ArgumentHelp("The map script.", valueName: "script"))
    var script: String

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("Arguments handed to the script (arg, ...).", valueName: "args"))
    var arguments: [String] = []

    func validate() throws {
        if input != nil && common.corpus != nil { throw ValidationError("give the articles with --input or --corpus, not both") }
        // Everything after the script is the script's; map's own options written there would
        // otherwise be handed to the script silently while map waits for standard input.
        let misplaced = arguments.filter { argument in
            Self.ownOptions.contains { argument == $0 || argument.hasPrefix($0 + "=") }
        }
        if let first = misplaced.first {
            throw ValidationError("\(first) comes after the script, so it would be handed to the script: put dossier's options before it (dossier map --input FILE SCRIPT)")
        }
        if input == nil && common.corpus == nil && isatty(STDIN_FILENO) == 1 {
            throw ValidationError("no articles: standard input is a terminal; pipe JSON lines in (zcat news.jsonl.gz | dossier map SCRIPT) or give --input FILE")
        }
    }

    /// The options of `dossier map` that take the articles or statistics.
    static let ownOptions = ["--input", "--globals", "--corpus", "--format", "--fields"]

    func run() throws {
        var options = common
        options.corpus = input ?? common.corpus ?? "-"
        var sessionOptions = options.sessionOptions()
        if let globals {
            do {
                sessionOptions.globals = try GlobalsFile.read(path: globals)
            } catch {
                Terminal.printError("dossier: --globals: \(error.description)")
                throw ExitCode(2)
            }
        }
        let session = try options.openSession(sessionOptions)
        ProgressBar.clear()
        let output = RowOutput()
        do {
            try session.runMap(path: script, arguments: arguments, write: output.write)
            output.flush()
            Terminal.flush()
        } catch {
            output.flush()
            Terminal.flush()
            ErrorReport.print(error, limits: common)
            throw ExitCode(1)
        }
    }
}

/// Rows on standard output, written in blocks of about a megabyte.
final class RowOutput {
    private var buffer: [UInt8] = []

    func write(_ bytes: [UInt8]) {
        buffer += bytes
        if buffer.count >= 1 << 20 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
