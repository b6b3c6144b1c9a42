import Foundation
import TestSupport

/// The Lua API as docs/api/dossier.lua declares it, read for the API fuzzer: every documented
/// function and method with its parameters' types, the fields of every class (option tables,
/// specs), and the aliases (`TopOption`, `EntityKind`, …) those types use.
///
/// Only what a call needs is read; APIAnnotationTests (ScriptingTests) checks the file against
/// the live API, so a function documented here exists in the session.
struct APIFuzzSurface {
    struct Parameter: Equatable {
        var name: String
        /// The type as written, e.g. `string|fun(item: T, i: integer): any`.
        var type: String
        var optional: Bool
    }

    struct Function {
        /// A table path (`dossier`, `report.chart`, `dossier.List`) or a class name (`Corpus`).
        var owner: String
        var name: String
        /// Declared `Owner:name(`: called on an object of the class.
        var isMethod: Bool
        var parameters: [Parameter]
        /// 1-based line in docs/api/dossier.lua.
        var line: Int

        /// `Corpus:search`, `report.bars`.
        var qualifiedName: String { owner + (isMethod ? ":" : ".") + name }
    }

    var functions: [Function] = []
    /// Fields per class, in order (option tables and specs are built from these).
    var fields: [String: [Parameter]] = [:]
    /// Alias name → its definition (the `---|` lines joined).
    var aliases: [String: String] = [:]

    static let fileURL = CLI.projectRoot.appendingPathComponent("docs/api/dossier.lua")

    static func load() throws -> APIFuzzSurface {
        parse(try String(contentsOf: fileURL, encoding: .utf8))
    }

    static func parse(_ text: String) -> APIFuzzSurface {
        var out = APIFuzzSurface()
        var currentClass: String?
        var currentAlias: String?
        var parameters: [Parameter] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("---| "), let alias = currentAlias {
                out.aliases[alias, default: ""] += "|" + line.dropFirst(5)
                continue
            }
            currentAlias = nil
            if line.hasPrefix("---@class ") {
                currentClass = className(String(line.dropFirst("---@class ".count)))
                parameters = []
            } else if line.hasPrefix("---@alias ") {
                let rest = line.dropFirst("---@alias ".count)
                let name = String(rest.prefix { !$0.isWhitespace })
                out.aliases[name] = String(rest.dropFirst(name.count)).trimmingCharacters(in: .whitespaces)
                currentAlias = name
                currentClass = nil
            } else if line.hasPrefix("---@field "), let owner = currentClass,
                      let field = declared(String(line.dropFirst("---@field ".count))) {
                out.fields[owner, default: []].append(field)
            } else if line.hasPrefix("---@param "), let parameter = declared(String(line.dropFirst("---@param ".count))) {
                parameters.append(parameter)
            } else if line.hasPrefix("---") {
                continue
            } else {
                currentClass = nil
                if line.hasPrefix("function "), let function = function(line, parameters: parameters, line: index + 1) {
                    out.functions.append(function)
                }
                parameters = []
            }
        }
        return out
    }

    private static func className(_ text: String) -> String {
        LuaAnnotationSyntax.className(text)
    }

    /// `name? type description` → the parameter; nil for index signatures (`[integer] T`).
    private static func declared(_ text: String) -> Parameter? {
        LuaAnnotationSyntax.declared(text).map { Parameter(name: $0.name, type: $0.rest, optional: $0.optional) }
    }

    /// `function Owner:name(a, b) end` with the `---@param` lines above it.
    private static func function(_ line: String, parameters documented: [Parameter], line number: Int) -> Function? {
        let declaration = line.dropFirst("function ".count)
        guard let open = declaration.firstIndex(of: "("), let close = declaration.firstIndex(of: ")") else { return nil }
        let path = declaration[..<open]
        let names = declaration[declaration.index(after: open)..<close].split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let parameters = names.map { name in
            documented.first { $0.name == name } ?? Parameter(name: name, type: "any", optional: true)
        }
        if let colon = path.lastIndex(of: ":") {
            return Function(owner: String(path[..<colon]), name: String(path[path.index(after: colon)...]), isMethod: true,
                            parameters: parameters, line: number)
        }
        guard let dot = path.lastIndex(of: ".") else {
            return Function(owner: "_G", name: String(path), isMethod: false, parameters: parameters, line: number)
        }
        return Function(owner: String(path[..<dot]), name: String(path[path.index(after: dot)...]), isMethod: false,
                        parameters: parameters, line: number)
    }
}
