import LuaBridge

/// The declared Lua API as a plain-text reference (what `dossier api` prints): each class and
/// table, then one line per member with its signature and summary.
///
///     Corpus
///       corpus:kwic(query, opts?) -> List<KwicLine>   Every match of a query in context …
public enum APIListing {
    public static func text(_ types: [LuaTypeInfo]) -> String {
        var lines: [String] = []
        for type in types {
            if !lines.isEmpty { lines.append("") }
            lines.append(type.name + (type.inherited.isEmpty ? "" : " (and the List methods)"))
            let owner = type.kind == .class ? type.name.prefix(1).lowercased() + type.name.dropFirst() : type.name
            let rows = type.members.map { member -> (String, String) in
                (signature(member, owner: owner), member.summary.replacingOccurrences(of: "\n", with: " "))
            }
            let width = rows.map(\.0.count).max() ?? 0
            for (signature, summary) in rows {
                let line = "  " + signature + String(repeating: " ", count: width - signature.count + 3) + summary
                lines.append(summary.isEmpty ? "  " + signature : line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `corpus:kwic(query, opts?) -> List<KwicLine>`, `doc.title: string?`; members written in Lua
    /// say so (`[corpus.lua]`).
    static func signature(_ member: LuaMemberInfo, owner: String) -> String {
        let written = member.luaSource.map { " [\($0)]" } ?? ""
        guard member.isCallable else { return "\(owner).\(member.name): \(member.type ?? "any")" + written }
        let parameters = member.parameters.map { String($0.prefix { $0 != " " }) }.joined(separator: ", ")
        // A result is `type [name] [description]`; a function type keeps its spaces.
        let results = member.returns.map { $0.hasPrefix("fun(") ? $0 : String($0.prefix { $0 != " " }) }.joined(separator: ", ")
        let separator = member.kind == .method ? ":" : "."
        return "\(owner)\(separator)\(member.name)(\(parameters))" + (results.isEmpty ? "" : " -> " + results) + written
    }
}
