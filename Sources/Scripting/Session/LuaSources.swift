import Foundation

/// The Lua parts of the Scripting module (Sources/Scripting/Lua), shipped as resources.
enum LuaSources {
    /// The source of `Lua/<name>.lua`.
    static func source(_ name: String) throws -> String {
        let candidates = [
            Bundle.module.url(forResource: name, withExtension: "lua", subdirectory: "Lua"),
            Bundle.module.url(forResource: name, withExtension: "lua"),
        ]
        for case let url? in candidates {
            if let text = try? String(contentsOf: url, encoding: .utf8) { return text }
        }
        throw ScriptError.setup("missing Lua resource \(name).lua (the build's resource bundle is incomplete)")
    }
}
