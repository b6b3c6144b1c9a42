import CLineEditing
import Foundation
import LuaBridge
import Scripting

/// The read-eval-print loop: an expression prints its value, statements run, unfinished
/// chunks continue on the next line, errors print and the loop goes on.
final class Repl {
    private let session: ScriptSession
    private let reader: LineReader
    private let interactive: Bool
    private var lastTraceback: String?

    init(session: ScriptSession, interactive: Bool) {
        self.session = session
        self.interactive = interactive
        reader = interactive ? EditLineReader(session: session) : PlainLineReader()
        if !interactive { le_install_interrupt(LuaInterruptHandle.signalHandlerFunction) }
    }

    func run() {
        if interactive { printBanner() }
        var buffer = ""
        while true {
            let prompt = interactive ? (buffer.isEmpty ? "> " : ">> ") : ""
            switch reader.read(prompt: prompt) {
            case .endOfInput:
                if !buffer.isEmpty { evaluate(buffer, final: true) }
                if interactive { print("") }
                return
            case .interrupted:
                buffer = ""
                if interactive { print("^C") }
                continue
            case .line(let line):
                if buffer.isEmpty, line.trimmingCharacters(in: .whitespaces).hasPrefix(":") {
                    if !command(line.trimmingCharacters(in: .whitespaces)) { return }
                    continue
                }
                buffer += buffer.isEmpty ? line : "\n" + line
                if buffer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    buffer = ""
                    continue
                }
                if evaluate(buffer, final: false) { buffer = "" }
            }
        }
    }

    /// Runs the entry; returns false when it needs more lines.
    @discardableResult
    private func evaluate(_ entry: String, final: Bool) -> Bool {
        LuaInterruptHandle.clearPendingInterrupts()
        le_set_running(1)
        defer {
            le_set_running(0)
            Terminal.flush()
        }
        do {
            let status = try session.evaluate(entry)
            if status == .incomplete && !final { return false }
            if status == .incomplete {
                Terminal.printError("stdin: unexpected end of input (an unfinished block or string?)")
            }
            reader.remember(entry)
            return true
        } catch {
            reader.remember(entry)
            lastTraceback = error.traceback
            if interactive, case .lua(let lua) = error, lua.kind == .interrupted { print("") }
            Terminal.printError(error.description)
            return true
        }
    }

    /// Handles a `:command`; returns false to quit.
    private func command(_ line: String) -> Bool {
        let parts = line.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
        switch parts.first ?? "" {
        case "q", "quit", "exit":
            return false
        case "help", "h", "?":
            print(Repl.help + pluginHelp())
        case "trace", "traceback":
            print(lastTraceback ?? "no error yet")
        default:
            if let name = parts.first, runPluginCommand(name, arguments: parts.count > 1 ? parts[1] : "") { break }
            Terminal.printError("unknown command \(line) (:help lists the commands)")
        }
        return true
    }

    private func printBanner() {
        let corpus = session.corpus
        if let archive = corpus.archive {
            print("dossier \(ScriptSession.version) (Lua 5.4) · \(corpus.count) documents from archive \(archive.path)"
                  + " (\(archive.segments) segment\(archive.segments == 1 ? "" : "s"), updated \(archive.updated))")
        } else {
            print("dossier \(ScriptSession.version) (Lua 5.4) · \(corpus.count) documents from \(corpus.location)")
        }
        print("Type Lua; :help for help, Ctrl-D to quit.")
    }

    static let help = """
    dossier REPL
      expressions print their value:  #corpus     corpus:docs()     corpus:doc("002").title
      statements run:                 for _, d in ipairs(corpus:docs()) do print(d.id, d.words) end
      unfinished chunks continue on the next line (prompt >>).
      Tab completes globals and the fields/methods after `.` or `:`.
      Ctrl-C stops a running chunk or clears the line; Ctrl-D quits.

    commands
      :help        this text
      :trace       the traceback of the last error
      :quit        leave (also Ctrl-D)

    globals
      corpus       the loaded corpus; dossier and report: see below
      report       report.table(rows):print() / :csv() / :json(), report.html{...}, report.write(path, text)
      dossier      dossier.version, dossier.open(path), dossier.List, dossier.sentences(text), …

    a few corpus methods
      corpus:docs()  corpus:doc("002")  corpus:sources()  corpus:filter{source = "…"}
      corpus:search('"spy balloon"')  corpus:kwic("Taiwan")  corpus:frequencies{top = 20}
      corpus:ngrams(2)  corpus:collocations("China")  sub:keyness(corpus)
      corpus:entities{kind = "person"}  corpus:entity("Blinken")  corpus:quotes{speaker = "Ward"}
      corpus:timeline()  corpus:compare{by = "source"}  corpus:conflicts()  corpus:duplicates()
    The guide is docs/guide.md; the Lua API is docs/api.md.
    """
}

// MARK: - Plugin commands (`:name args` from plugins; see Scripting/Plugins)

extension Repl {
    /// Runs a command a plugin added; false when no plugin defines `name`. Errors and limits
    /// print like any REPL error and the loop goes on.
    func runPluginCommand(_ name: String, arguments: String) -> Bool {
        guard session.pluginCommands().contains(where: { $0.name == name }) else { return false }
        LuaInterruptHandle.clearPendingInterrupts()
        le_set_running(1)
        defer {
            le_set_running(0)
            Terminal.flush()
        }
        do {
            try session.runPluginCommand(name, arguments: arguments)
        } catch {
            lastTraceback = error.traceback
            if interactive, case .lua(let lua) = error, lua.kind == .interrupted { print("") }
            Terminal.printError(error.description)
        }
        return true
    }

    /// The plugin commands for `:help`, or nothing when there are none.
    func pluginHelp() -> String {
        let commands = session.pluginCommands()
        guard !commands.isEmpty else { return "" }
        let widest = commands.map(\.name.count).max() ?? 0
        let lines = commands.map { c in
            let name = (":" + c.name).padding(toLength: max(12, widest + 2), withPad: " ", startingAt: 0)
            return "  " + name + " " + c.help + (c.plugin.map { " [\($0)]" } ?? "")
        }
        return "\n\nplugin commands\n" + lines.joined(separator: "\n")
    }
}
