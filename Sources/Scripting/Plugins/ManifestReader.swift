import Foundation
import LuaBridge

/// Evaluates `manifest.lua` files in a Lua state of their own: each manifest runs in an empty
/// environment holding only safe basics (string, table, math, utf8, pairs, type, …), under a
/// small instruction budget, time limit and memory cap. A manifest only describes a plugin;
/// nothing it does can reach the session.
final class ManifestReader {
    private let lua: LuaState
    private let evaluate: LuaReference

    /// Instructions a manifest may execute.
    static let instructionBudget = 200_000

    init() throws {
        lua = try LuaState(memoryCap: 16 * 1024 * 1024)
        try lua.openLibraries()
        evaluate = try lua.makeReferenceFromLua(Self.source, chunkName: "=[dossier manifest]")
        lua.limits = LuaLimits(timeout: 2, instructions: Self.instructionBudget)
    }

    static let source = """
    local function copy(t)
      local c = {}
      for k, v in pairs(t) do c[k] = v end
      return c
    end
    local basics = { "assert", "error", "ipairs", "next", "pairs", "pcall", "rawequal", "rawget",
      "rawlen", "select", "tonumber", "tostring", "type" }
    local libraries = { "string", "table", "math", "utf8" }
    return function(source, chunkname)
      local env = {}
      for _, name in ipairs(basics) do env[name] = _G[name] end
      for _, name in ipairs(libraries) do env[name] = copy(_G[name]) end
      local chunk, message = load(source, chunkname, "t", env)
      if not chunk then error(message, 0) end
      return chunk()
    end
    """

    /// Reads and validates the manifest at `path`; `shownPath` names it in messages.
    func read(path: String, shownPath: String) throws(PluginError) -> PluginManifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PluginError("\(shownPath): cannot be read")
        }
        let source = LuaValue.string(LuaString(bytes: [UInt8](ManifestReader.dropBOM(data))))
        let result: [LuaValue]
        do {
            // A short chunk name: Lua would cut a long path to its last 60 bytes.
            result = try lua.call(.reference(evaluate), [source, .text("=" + Self.chunkName)])
        } catch let error as LuaError {
            switch error.kind {
            case .time, .instructions, .memory:
                throw PluginError("\(shownPath): the manifest did too much work (\(Self.withoutPosition(error.message))); it should only return a table")
            default:
                throw PluginError(Self.naming(error.message, shownPath))
            }
        } catch {
            throw PluginError("\(shownPath): \(error)")
        }
        lua.collectGarbage()
        guard let first = result.first, case .table(let table) = first else {
            throw PluginError("\(shownPath): must return a table like { name = \"…\", version = \"1.0.0\" } (got \(result.first?.type.description ?? "nothing"))")
        }
        return try PluginManifest(table: table, file: shownPath)
    }

    static let chunkName = "manifest.lua"

    /// `manifest.lua:3: message` → `plugins/foo/manifest.lua:3: message`.
    private static func naming(_ message: String, _ shownPath: String) -> String {
        if message.hasPrefix(chunkName + ":") { return shownPath + message.dropFirst(chunkName.count) }
        return "\(shownPath): \(message)"
    }

    /// `manifest.lua:1: instruction limit …` → `instruction limit …`.
    private static func withoutPosition(_ message: String) -> String {
        guard message.hasPrefix(chunkName + ":") else { return message }
        let rest = message.dropFirst(chunkName.count + 1)
        guard let colon = rest.firstIndex(of: ":"), rest[..<colon].allSatisfy(\.isNumber) else { return message }
        return rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }

    private static func dropBOM(_ data: Data) -> Data {
        data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
    }
}
