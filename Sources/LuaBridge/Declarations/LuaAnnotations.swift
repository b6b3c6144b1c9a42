/// lua-language-server annotations (`---@class`, `---@field`, `---@param`, `---@return`) written
/// from declarations, so the API file an editor reads cannot drift from what the bindings install.
///
/// A file holds hand-written parts (aliases, record shapes, option tables) and generated
/// regions, one per declared type, between marker lines:
///
///     -- begin generated Corpus
///     --- A set of documents …
///     ---@class Corpus
///     …
///     -- end generated Corpus
///
/// `update(_:with:)` rewrites the regions from the declarations and leaves the rest as it is.
public enum LuaAnnotations {
    /// The annotations of one declared type.
    public static func render(_ type: LuaTypeInfo) -> String {
        var lines = comment(type.summary)
        lines.append("---@class \(type.name)\(type.classSuffix)")
        lines += type.annotations
        for member in type.members where !member.isCallable {
            var line = "---@field " + fieldDeclaration(member)
            if !member.summary.isEmpty { line += " " + member.summary.replacingOccurrences(of: "\n", with: " ") }
            lines.append(line)
        }
        switch type.kind {
        case .class: lines.append("local \(type.name) = {}")
        case .module: lines.append("\(type.name) = {}")
        case .record: return lines.joined(separator: "\n")
        }
        for member in type.members where member.isCallable {
            lines.append("")
            lines += comment(member.summary)
            lines += member.parameters.map { "---@param " + $0 }
            lines += member.returns.map { "---@return " + $0 }
            let separator = member.kind == .method ? ":" : "."
            lines.append("function \(type.name)\(separator)\(member.name)(\(member.parameterNames.joined(separator: ", "))) end")
        }
        return lines.joined(separator: "\n")
    }

    /// `name type`, or `name? type` for a type ending in `?` (a field that may be nil).
    static func fieldDeclaration(_ member: LuaMemberInfo) -> String {
        let type = member.type ?? "any"
        if type.hasSuffix("?") { return "\(member.name)? \(type.dropLast())" }
        return "\(member.name) \(type)"
    }

    static func comment(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "---" : "--- " + $0 }
    }

    static let beginMarker = "-- begin generated "
    static let endMarker = "-- end generated "

    /// `text` with every generated region rewritten from `types`, and what is wrong with the
    /// file: a region for a type nobody declares, a declared type without a region, a region
    /// left open.
    public static func update(_ text: String, with types: [LuaTypeInfo]) -> (text: String, problems: [String]) {
        var out: [String] = []
        var problems: [String] = []
        var written: Set<String> = []
        var open: (name: String, line: Int)?
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let current = open {
                if line == endMarker + current.name {
                    out.append(String(line))
                    open = nil
                } else if line.hasPrefix(beginMarker) || line.hasPrefix(endMarker) {
                    problems.append("line \(i + 1): '\(line)' inside the region of \(current.name), which line \(current.line) opens")
                }
                continue
            }
            out.append(String(line))
            if line.hasPrefix(beginMarker) {
                let name = String(line.dropFirst(beginMarker.count))
                guard let type = types.first(where: { $0.name == name }) else {
                    problems.append("line \(i + 1): a generated region for \(name), which no binding declares: remove it")
                    continue
                }
                if !written.insert(name).inserted { problems.append("line \(i + 1): a second generated region for \(name)") }
                out.append(render(type))
                open = (name, i + 1)
            } else if line.hasPrefix(endMarker) {
                problems.append("line \(i + 1): '\(line)' closes no region")
            }
        }
        if let open { problems.append("line \(open.line): the region of \(open.name) is not closed by '\(endMarker)\(open.name)'") }
        for type in types where !written.contains(type.name) {
            problems.append("no generated region for \(type.name): add the lines '\(beginMarker)\(type.name)' and '\(endMarker)\(type.name)' where its annotations belong")
        }
        return (out.joined(separator: "\n"), problems)
    }
}
