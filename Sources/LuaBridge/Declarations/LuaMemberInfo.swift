/// What a member of a Lua type is and what it does, without its body: the part of a declaration
/// that error messages (did-you-mean), completion and the generated API annotations read.
///
/// Types and parameters are written in the notation of lua-language-server annotations
/// (`List<Document>`, `string?`, `opts? SearchOptions`), because that is what the generated
/// `docs/api/dossier.lua` holds:
///
///     LuaMemberInfo.method("kwic", "Every match of a query in context, in document and text order.",
///                          parameters: ["query string", "opts? KwicOptions"], returns: ["List<KwicLine>"])
public struct LuaMemberInfo: Sendable, Equatable {
    /// How scripts reach the member.
    public enum Kind: String, Sendable {
        /// A value read with `.` (`doc.title`, `dossier.version`).
        case field
        /// A function called with `:` on an object (`corpus:docs()`).
        case method
        /// A function called with `.` on a table (`dossier.open(path)`).
        case function
    }

    /// The name scripts use.
    public let name: String
    public let kind: Kind
    /// What it is or does, for people: one sentence, or several lines separated by `\n`.
    public let summary: String
    /// The type of a field (`"string"`, `"Dateline?"`: a trailing `?` means it may be nil).
    public let type: String?
    /// The parameters of a method or function, each as written after `---@param`:
    /// `"name type [description]"`, with `name?` for an optional one.
    public let parameters: [String]
    /// The results, each as written after `---@return`: `"type [name] [description]"`.
    public let returns: [String]
    /// The Lua file that implements the member (`"corpus.lua"`), or nil when Swift does.
    public let luaSource: String?

    public init(name: String, kind: Kind, summary: String, type: String? = nil, parameters: [String] = [],
                returns: [String] = [], luaSource: String? = nil) {
        self.name = name
        self.kind = kind
        self.summary = summary
        self.type = type
        self.parameters = parameters
        self.returns = returns
        self.luaSource = luaSource
    }

    /// The parameter names, in order (`"opts? SearchOptions"` → `opts`).
    public var parameterNames: [String] {
        parameters.map { parameter in
            let word = parameter.prefix { $0 != " " }
            return String(word.hasSuffix("?") ? word.dropLast() : word)
        }
    }

    /// True for a function or method.
    public var isCallable: Bool { kind != .field }
}

/// A Lua type as declared: a class of Swift objects (`Corpus`) or a table of functions and values
/// (`dossier`), with every member it has, in the order its declaration lists them.
public struct LuaTypeInfo: Sendable, Equatable {
    /// What kind of thing scripts see.
    public enum Kind: String, Sendable {
        /// Userdata of a registered Swift class.
        case `class`
        /// A Lua table (a module such as `dossier`).
        case module
        /// The shape of a table a script writes (an options table such as `KwicOptions`): fields only.
        case record
    }

    /// The class name, or the table's path (`dossier`).
    public let name: String
    public let kind: Kind
    /// What it is, for people (lines separated by `\n`).
    public let summary: String
    /// Further annotation lines written after `---@class` (`"---@field [integer] Token"`), and
    /// the class line's suffix (`": List<Token>"`) through `classSuffix`.
    public let annotations: [String]
    public let classSuffix: String
    /// Every member, in declaration order.
    public let members: [LuaMemberInfo]
    /// Methods the type inherits from a Lua table (TokenList: the List methods); not declared
    /// here, but a script may call them.
    public let inherited: [String]

    public init(name: String, kind: Kind, summary: String, annotations: [String] = [], classSuffix: String = "",
                members: [LuaMemberInfo], inherited: [String] = []) {
        self.name = name
        self.kind = kind
        self.summary = summary
        self.annotations = annotations
        self.classSuffix = classSuffix
        self.members = members
        self.inherited = inherited
    }

    /// The member called `name`, if declared.
    public func member(_ name: String) -> LuaMemberInfo? {
        members.first { $0.name == name }
    }

    /// The error a script gets for a member the type does not have, naming the closest ones:
    /// `Corpus has no method 'collocates' (did you mean 'collocations'?)`.
    public func unknownMemberMessage(_ name: String) -> String {
        let declared = members.map { (name: $0.name, isMethod: $0.isCallable) }
            + inherited.map { (name: $0, isMethod: true) }
        let closest = NameSuggestions.closest(to: name, among: declared.map(\.name))
        let kinds = Set(closest.compactMap { match in declared.first { $0.name == match }?.isMethod })
        let what: String
        switch kinds {
        case [true]: what = kind == .module ? "function" : "method"
        case [false]: what = "field"
        default: what = kind == .module ? "field or function" : "field or method"
        }
        return "\(self.name) has no \(what) '\(name)'" + NameSuggestions.hint(closest)
    }
}
