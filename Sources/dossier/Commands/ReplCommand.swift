import ArgumentParser
import Foundation
import Scripting

/// `dossier repl` (the default command): the interactive REPL, or a line-by-line reader when
/// standard input is not a terminal (`printf 'print(#corpus)\n' | dossier repl`).
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Interactive Lua over the corpus (the default command)."
    )

    @OptionGroup var common: CommonOptions

    func run() throws {
        let session = try common.openSession(repl: true)
        ProgressBar.clear()
        let interactive = Terminal.isTerminal(STDIN_FILENO) && Terminal.isTerminal(STDOUT_FILENO)
        Repl(session: session, interactive: interactive).run()
        Terminal.flush()
    }
}
