import CLineEditing
import LuaBridge
import Scripting

/// Ctrl-C while a script runs stops it with "interrupted" (pressing it three times ends the
/// process, for when the time goes to one long Swift computation).
final class InterruptForwarding {
    init(session: ScriptSession) {
        le_install_interrupt(LuaInterruptHandle.signalHandlerFunction)
        le_set_running(1)
    }

    func stop() {
        le_set_running(0)
    }
}
