import LuaBridge

/// Trims dossier's own frames from tracebacks so users see their code only.
enum Traceback {
    /// Removes frames of dossier's internal Lua (the REPL printer) and the final `[C]: in ?`,
    /// and names the user's chunk "main chunk" where the printer called it.
    static func clean(_ traceback: String?) -> String? {
        guard let traceback else { return nil }
        var lines = traceback.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        for (i, line) in lines.enumerated() {
            if line.contains("[dossier repl]") { continue }
            if line.trimmingCharacters(in: .whitespaces) == "[C]: in ?" && i == lines.count - 1 { continue }
            if i + 1 < lines.count, lines[i + 1].contains("[dossier repl]"), line.hasSuffix("in local 'f'") {
                out.append(String(line.dropLast("in local 'f'".count)) + "in main chunk")
                continue
            }
            out.append(line)
        }
        lines = out
        return lines.joined(separator: "\n")
    }

    static func clean(_ error: LuaError) -> LuaError {
        LuaError(kind: error.kind, message: error.message, traceback: clean(error.traceback))
    }
}

import Foundation
