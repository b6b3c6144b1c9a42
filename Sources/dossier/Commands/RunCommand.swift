import ArgumentParser
import Scripting

/// `dossier run SCRIPT [ARGS…]`: runs a saved script as `lua SCRIPT ARGS…` would.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Lua script over the corpus.",
        discussion: "The script sees `arg` (arg[0] is its path) and `...` as in plain Lua. A script error exits 1 with the message and a traceback on standard error."
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("The Lua script to run (- or /dev/stdin: read it from standard input).", valueName: "script"))
    var script: String

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("Arguments handed to the script.", valueName: "args"))
    var arguments: [String] = []

    func validate() throws {
        // Standard input can feed the corpus or the script, not both.
        let stdinScript = ["-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"].contains(script)
        if stdinScript && common.corpus == "-" {
            throw ValidationError("--corpus - and the script \(script) both read standard input: save the script to a file, or the articles")
        }
    }

    func run() throws {
        let session = try common.openSession()
        ProgressBar.clear()
        let interrupts = InterruptForwarding(session: session)
        defer { interrupts.stop() }
        do {
            try session.runScript(path: script, arguments: arguments)
            Terminal.flush()
        } catch {
            Terminal.flush()
            ErrorReport.print(error, limits: common)
            throw ExitCode(1)
        }
    }
}
