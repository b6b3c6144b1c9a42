import ArgumentParser
import Scripting

/// `dossier reduce SCRIPT ROWS…`: the rows of every part of a split run, combined by the map
/// script's table spec, as the whole corpus would give them.
struct ReduceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reduce",
        abstract: "Combine the rows `dossier map` wrote for the parts of a corpus.",
        discussion: """
        Rows with the same key columns become one; sum, min, max, first and merge (lists, without
        repeats) combine the other columns, and top_k keeps a table's largest rows. The result is
        written as JSON lines, table by table, rows in key order (top_k tables: largest first).
        A ROWS file of - is standard input.
        """
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("The map script whose `tables` say how to reduce.", valueName: "script"))
    var script: String

    @Argument(help: ArgumentHelp("Row files written by `dossier map` (JSON lines).", valueName: "rows"))
    var rows: [String] = []

    @Flag(name: .long, help: "Print the script's tables (keys and reducers) as one line of JSON instead, for drivers such as dossier-spark.")
    var spec = false

    func validate() throws {
        if rows.isEmpty && !spec { throw ValidationError("name the row files to reduce (dossier reduce SCRIPT ROWS…)") }
    }

    func run() throws {
        var options = common.sessionOptions()
        options.noCorpus = true
        options.loadProgress = nil
        let session: ScriptSession
        do {
            session = try ScriptSession(options: options)
        } catch {
            Terminal.printError("dossier: \(error.description)")
            throw ExitCode(2)
        }
        let output = RowOutput()
        do {
            if spec {
                output.write(try session.mapSpecJSON(path: script))
                output.flush()
                return
            }
            try session.runReduce(path: script, rowFiles: rows, write: output.write)
            output.flush()
        } catch {
            output.flush()
            Terminal.flush()
            ErrorReport.print(error, limits: common)
            throw ExitCode(1)
        }
    }
}
