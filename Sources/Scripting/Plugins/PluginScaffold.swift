import Foundation

/// `dossier plugin new NAME`: a working plugin to start from (manifest, module, one passing
/// test, README), which `dossier plugin test NAME` passes right away.
public enum PluginScaffold {
    /// Names the REPL keeps for itself; a plugin's command could not use them.
    static let reservedNames: Set<String> = ["q", "quit", "exit", "help", "h", "trace", "traceback"]

    /// Creates `parent/name` with the plugin's files; returns their paths. Fails when the name
    /// is not a plugin name or the folder exists.
    @discardableResult
    public static func create(name: String, in parent: String, author: String? = nil) throws(PluginError) -> [String] {
        guard PluginManifest.isValidName(name) else {
            throw PluginError("'\(name)' is not a plugin name: use letters, digits, _ and -, starting with a letter (e.g. codebook)")
        }
        guard !reservedNames.contains(name) else {
            throw PluginError("'\(name)' is the name of a REPL command (:\(name)); pick another name")
        }
        if let reservation = PluginNames.reservation(for: name) {
            throw PluginError("\(reservation); pick another name")
        }
        let folder = parent + "/" + name
        let fm = FileManager.default
        guard !fm.fileExists(atPath: folder) else {
            throw PluginError("\(DisplayPath.show(folder)) already exists; pick another name or remove it first")
        }
        let files: [(String, String)] = [
            ("manifest.lua", manifest(name: name, author: author)),
            ("init.lua", module(name: name)),
            ("tests/\(name)_spec.lua", spec(name: name)),
            ("README.md", readme(name: name)),
        ]
        var written: [String] = []
        do {
            try fm.createDirectory(atPath: folder + "/tests", withIntermediateDirectories: true)
            for (relative, contents) in files {
                let path = folder + "/" + relative
                try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
                written.append(path)
            }
        } catch {
            throw PluginError("cannot create \(DisplayPath.show(folder)): \(error.localizedDescription)")
        }
        return written
    }

    static func manifest(name: String, author: String?) -> String {
        let by = (author?.isEmpty ?? true) ? "" : "  author = \(luaString(author ?? "")),\n"
        return """
        -- What the plugin is. dossier reads this in an empty sandbox before anything else, so
        -- keep it a plain table. Versions are MAJOR.MINOR.PATCH: raise MAJOR when you change what
        -- existing users rely on, MINOR when you add something, PATCH for fixes.
        return {
          name = "\(name)",
          version = "0.1.0",
          description = "TODO: one line saying what \(name) does",
        \(by)  license = "MIT",
          dossier = ">=\(PluginCatalog.dossierVersion.major).\(PluginCatalog.dossierVersion.minor)",
          requires = {},   -- other plugins, e.g. { "codebook >=1.2" }
        }

        """
    }

    static func module(name: String) -> String {
        """
        --- \(name): TODO say what it is for.
        --
        --   local \(identifier(name)) = require("\(name)")
        --   \(identifier(name)).mentions(corpus, "Beijing")   --> List of the documents that mention it
        --   :\(name) Beijing                       -- the same in the REPL, once loaded
        local M = {}

        --- The documents of corpus `c` whose text contains `word` (ignoring case), as a List.
        function M.mentions(c, word)
          local needle = tostring(word or ""):lower()
          return c:docs():filter(function(doc)
            return doc.text:lower():find(needle, 1, true) ~= nil
          end)
        end

        -- REPL commands: `:\(name) WORD`. What run returns is printed as the REPL prints values.
        M.commands = {
          ["\(name)"] = {
            help = "documents that mention a word (:\(name) Beijing)",
            run = function(args) return M.mentions(corpus, args) end,
          },
        }

        -- More extension points (see docs/plugins.md):
        -- M.annotators = { ["\(name).tags"] = function(corpus) … return tags end }
        -- M.report_sections = { \(identifier(name)) = function(corpus) return { heading = "…", blocks = { "…" } } end }

        return M

        """
    }

    static func spec(name: String) -> String {
        """
        -- Run with: dossier plugin test \(name)
        -- describe/it/before_each and assert.equal, assert.same, assert.truthy, assert.falsy,
        -- assert.error are available; `corpus` is the session's corpus (--corpus picks another).
        local \(identifier(name)) = require("\(name)")

        describe("\(name).mentions", function()
          it("finds exactly the documents whose text contains the word", function()
            local docs = corpus:docs()
            local word = docs[1].text:match("%a%a%a%a+") or "the"
            local expected = 0
            for _, doc in ipairs(docs) do
              if doc.text:lower():find(word:lower(), 1, true) then expected = expected + 1 end
            end
            assert.truthy(expected >= 1)
            assert.equal(expected, #\(identifier(name)).mentions(corpus, word))
            assert.equal(0, #\(identifier(name)).mentions(corpus, "zzqx-not-a-word"))
          end)
        end)

        """
    }

    static func readme(name: String) -> String {
        """
        # \(name)

        TODO: what \(name) does and for whom.

            > \(identifier(name)) = require("\(name)")
            > \(identifier(name)).mentions(corpus, "Beijing")
            > :\(name) Beijing

        Test it with `dossier plugin test \(name)`. Share it by putting this folder in a git
        repository your team adds to `DOSSIER_PATH` (see dossier's docs/plugins.md).

        """
    }

    /// A Lua local name for a plugin name (`my-tool` → `my_tool`).
    static func identifier(_ name: String) -> String {
        name.replacingOccurrences(of: "-", with: "_")
    }

    private static func luaString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
