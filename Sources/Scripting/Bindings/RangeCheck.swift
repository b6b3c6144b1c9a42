import LuaBridge

/// `check_integer(value, name, low, high)`: the checked conversion of `LuaValue.checkedInteger`
/// for the Lua halves of the API (Lua/printer.lua), so that a setting checked in Lua gives the
/// same message as an argument checked in Swift. Returns nil when `value` is a whole number from
/// `low` to `high` (`high` nil: no upper bound), else the message ("width must be between 1 and
/// 1000"). Not visible to scripts: it is handed to the modules that need it.
enum RangeCheck {
    static func function(_ lua: LuaState) -> LuaFunction {
        lua.function("check_integer") { args in
            let name = try args.string(2)
            let low = try args.integer(3, in: Int.min...Int.max, name: "low")
            let high = try args.optionalInteger(4, in: Int.min...Int.max, name: "high") ?? Int.max
            guard low <= high else { throw LuaArgumentError(4, "high must be at least low") }
            do throws(LuaRangeError) {
                _ = try args.value(1).checkedInteger(name, in: low...high)
                return [.nil]
            } catch {
                return [.text(error.message)]
            }
        }
    }
}
