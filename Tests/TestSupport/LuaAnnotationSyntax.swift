/// The pieces of LuaLS annotation lines (docs/api/dossier.lua) that the tests read: one reading
/// for APIAnnotationTests (ScriptingTests: the file against the live API) and the API fuzzer
/// (CLITests: calls built from the declared parameters).
public enum LuaAnnotationSyntax {
    /// A declared field or parameter.
    public struct Declared: Equatable, Sendable {
        public var name: String
        /// The type and description as written after the name (`string|nil the title`).
        public var rest: String
        public var optional: Bool

        public init(name: String, rest: String, optional: Bool) {
            self.name = name
            self.rest = rest
            self.optional = optional
        }
    }

    /// The class of a `---@class` line's text: `(exact) List<T>: Base` → `List`.
    public static func className(_ text: String) -> String {
        var rest = Substring(text)
        if rest.hasPrefix("("), let close = rest.firstIndex(of: ")") {
            rest = rest[rest.index(after: close)...].drop(while: { $0 == " " })
        }
        return String(rest.prefix { !" :<".contains($0) })
    }

    /// The text after `---@field ` or `---@param `: `private name? type …` → `name`, optional;
    /// `["end"]? type` → `end`; nil for an index signature (`[integer] T`).
    public static func declared(_ text: String) -> Declared? {
        var rest = Substring(text)
        for keyword in ["public ", "private ", "protected ", "package "] where rest.hasPrefix(keyword) {
            rest = rest.dropFirst(keyword.count)
        }
        let name: Substring
        if rest.hasPrefix("[\"") {
            let inner = rest.dropFirst(2)
            guard let close = inner.range(of: "\"]") else { return nil }
            name = inner[..<close.lowerBound]
            rest = inner[close.upperBound...]
        } else {
            name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            rest = rest.dropFirst(name.count)
        }
        guard !name.isEmpty else { return nil }
        let optional = rest.hasPrefix("?")
        if optional { rest = rest.dropFirst() }
        return Declared(name: String(name), rest: String(rest).trimmingCharacters(in: .whitespaces), optional: optional)
    }
}
