import ArgumentParser
import Scripting

/// The `dossier` command: the REPL by default, and `run`, `eval`.
@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "A workbench for news analysts: a corpus of articles, scripted in Lua.",
        discussion: """
        Start the REPL on the default corpus with `dossier`, run a saved analysis with
        `dossier run script.lua ARGS…`, or evaluate one chunk with `dossier eval CODE`.
        `dossier plugin list|info|new|test` manages shared script libraries (docs/plugins.md).
        """,
        version: ScriptSession.version,
        subcommands: [ReplCommand.self, RunCommand.self, EvalCommand.self, PluginCommand.self, APICommand.self, ExtractHTMLCommand.self,
                      MapCommand.self, ReduceCommand.self, IndexCommand.self, ArchiveCommand.self],
        defaultSubcommand: ReplCommand.self
    )

    /// Parses the command line with the common options allowed before the subcommand too
    /// (`ArgumentOrder`), then runs the command.
    static func main() {
        main(ArgumentOrder.subcommandFirst(Array(CommandLine.arguments.dropFirst())))
    }
}
