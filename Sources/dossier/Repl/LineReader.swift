import CLineEditing
import Foundation
import Scripting

/// What reading a line gave.
enum LineInput {
    case line(String)
    /// Ctrl-C cancelled the line being typed.
    case interrupted
    case endOfInput
}

/// Reads REPL input: with line editing on a terminal, plain lines otherwise.
protocol LineReader {
    func read(prompt: String) -> LineInput
    func remember(_ entry: String)
}

/// Plain lines from standard input, no prompt and no escape codes (for pipelines).
struct PlainLineReader: LineReader {
    func read(prompt: String) -> LineInput {
        guard let line = readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line)
    }

    func remember(_ entry: String) {}
}

/// libedit: editing, persistent history, Tab completion through the session.
final class EditLineReader: LineReader {
    private let historyPath: String?
    private let session: ScriptSession

    init(session: ScriptSession) {
        self.session = session
        historyPath = EditLineReader.historyFile()
        let context = Unmanaged.passUnretained(self).toOpaque()
        le_init("dossier", { word, line, context in
            guard let word, let line, let context else { return }
            let reader = Unmanaged<EditLineReader>.fromOpaque(context).takeUnretainedValue()
            reader.complete(word: String(cString: word), line: String(cString: line))
        }, context, LuaInterruptHandleBridge.function)
        if let historyPath { _ = le_read_history(historyPath) }
    }

    func read(prompt: String) -> LineInput {
        var interrupted: Int32 = 0
        guard let raw = le_readline(prompt, &interrupted) else {
            return interrupted != 0 ? .interrupted : .endOfInput
        }
        defer { le_free(raw) }
        return .line(String(cString: raw))
    }

    func remember(_ entry: String) {
        le_add_history(entry)
        if let historyPath { _ = le_write_history(historyPath, 1000) }
    }

    private func complete(word: String, line: String) {
        // Complete the expression that ends at the cursor; libedit replaces `word`.
        let candidates = session.completions(for: line)
        let prefixLength = line.count - word.count
        for candidate in candidates where candidate.count >= prefixLength {
            le_add_completion(String(candidate.dropFirst(prefixLength)))
        }
    }

    /// `$XDG_STATE_HOME/dossier/history` (default `~/.local/state/dossier/history`).
    static func historyFile() -> String? {
        let env = ProcessInfo.processInfo.environment
        let base: String
        if let state = env["XDG_STATE_HOME"], !state.isEmpty {
            base = state
        } else if let home = env["HOME"], !home.isEmpty {
            base = home + "/.local/state"
        } else {
            return nil
        }
        let folder = base + "/dossier"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/history"
    }
}

import LuaBridge

/// The async-signal-safe interrupt function the SIGINT handler calls.
enum LuaInterruptHandleBridge {
    static let function: @convention(c) () -> Void = LuaInterruptHandle.signalHandlerFunction
}
