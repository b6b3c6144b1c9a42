import Foundation
import NewsText

/// The Lua parts of the Scripting module (Sources/Scripting/Lua), shipped as resources.
enum LuaSources {
    /// Where they are: Scripting's resource bundle, or `share/dossier/Lua` (`BundledResource`).
    static let resources = BundledResource(target: "Scripting", folder: "Lua")

    /// The source of `Lua/<name>.lua`; without it, an error that says where it was looked for.
    static func source(_ name: String) throws -> String {
        do {
            return try resources.text(name, ext: "lua")
        } catch {
            throw ScriptError.setup(error.description)
        }
    }
}
