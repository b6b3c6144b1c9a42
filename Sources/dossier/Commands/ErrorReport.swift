import LuaBridge
import Corpus
import Scripting

/// Prints script errors as `dossier: message` plus the traceback, with a hint for limits.
enum ErrorReport {
    static func print(_ error: Error, limits: CommonOptions) {
        guard let error = error as? ScriptError else {
            Terminal.printError("dossier: \(error)")
            return
        }
        Terminal.printError("dossier: \(error.description)")
        if case .lua(let lua) = error {
            switch lua.kind {
            case .time: Terminal.printError("(stopped by --timeout \(limits.timeout.map(Terminal.seconds) ?? "?"); raise it for longer runs)")
            case .memory where limits.maxMemory != nil: Terminal.printError("(stopped by --max-memory \(limits.maxMemory ?? ""))")
            case .memory where lua.message.contains("memory limit of"):
                Terminal.printError("(stopped by the default memory limit of \(ByteSize.text(LuaLimits.defaultMemoryCap)), half of this machine's memory; raise it with --max-memory)")
            default: break
            }
        }
        if let traceback = error.traceback { Terminal.printError(traceback) }
    }
}
