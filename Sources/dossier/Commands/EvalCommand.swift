import ArgumentParser
import Scripting

/// `dossier eval CODE`: runs one chunk and prints what it returns, as the REPL would.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a Lua chunk and print its results.",
        discussion: "Example: dossier eval 'return #corpus'"
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("Lua code: an expression or statements.", valueName: "code"))
    var code: String

    func run() throws {
        let session = try common.openSession()
        ProgressBar.clear()
        let interrupts = InterruptForwarding(session: session)
        defer { interrupts.stop() }
        do {
            let status = try session.evaluate(code, chunkName: "=(command line)")
            Terminal.flush()
            if status == .incomplete {
                Terminal.printError("dossier: (command line): unexpected end of code (an unfinished block or string?)")
                throw ExitCode(1)
            }
        } catch let error as ScriptError {
            Terminal.flush()
            ErrorReport.print(error, limits: common)
            throw ExitCode(1)
        }
    }
}
