import Corpus
import LuaBridge

/// `dossier.open(path, opts)`'s options as the loader's: `format`, `fields`, `recursive`,
/// `pattern`, `annotate` (an archive stores the analyses the session computes). Unknown keys, formats and field roles are errors that list the valid ones.
enum LoadOptionsBinding {
    static let keys = ["format", "fields", "recursive", "pattern", "annotate"]

    /// Applies the options table `spec` to `options`.
    static func apply(_ spec: LuaTable, to options: inout CorpusLoader.Options, argument: Int) throws {
        if !spec.array.isEmpty { throw LuaArgumentError(argument, "options must be a table of named fields") }
        for key in spec.stringKeys where !keys.contains(key) {
            throw LuaArgumentError(argument, "unknown option '\(key)' (dossier.open takes \(keys.joined(separator: ", ")))")
        }
        do {
            if let value = spec["format"], value.type != .nil {
                guard let name = value.stringValue else { throw LuaArgumentError(argument, "format must be a string") }
                options.format = try DocumentFormat.named(name)
            }
            if let value = spec["fields"], value.type != .nil {
                guard case .table(let table) = value, table.array.isEmpty else {
                    throw LuaArgumentError(argument, "fields must be a table such as {text = \"article_body\", date = \"pub\"}")
                }
                var pairs: [(role: String, name: String)] = []
                for (key, name) in table.fields {
                    guard let role = key.stringValue, let column = name.stringValue else {
                        throw LuaArgumentError(argument, "fields maps roles to names: {text = \"article_body\"}")
                    }
                    pairs.append((role, column))
                }
                options.fields = try FieldNames.mapping(pairs.sorted { $0.role < $1.role })
            }
            if let value = spec["recursive"], value.type != .nil {
                guard case .boolean(let flag) = value else { throw LuaArgumentError(argument, "recursive must be true or false") }
                options.recursive = flag
            }
            if let value = spec["annotate"], value.type != .nil {
                guard case .boolean(let flag) = value else { throw LuaArgumentError(argument, "annotate must be true or false") }
                options.storeAnalyses = flag
            }
            if let value = spec["pattern"], value.type != .nil {
                guard let pattern = value.stringValue, !pattern.isEmpty else {
                    throw LuaArgumentError(argument, "pattern must be a glob such as \"*.jsonl\"")
                }
                options.pattern = pattern
            }
        } catch let error as FieldNames.OptionError {
            throw LuaArgumentError(argument, error.description)
        }
    }
}
