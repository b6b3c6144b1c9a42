/// One member of a class of Swift objects as Lua sees it: its documentation (`info`) and its body.
/// A class's members are declared together, in one list (`LuaClass(_:summary:members:)`), so that
/// the list is the whole API of the class: what `register` installs, what error messages suggest,
/// what the API annotations are generated from.
///
///     LuaClass<Document>("Document", summary: "One article.", members: [
///         .field("title", "string?", "the headline, or nil") { .text($0.title) },
///         .method("paragraphs", "The paragraphs of the body as strings.", returns: ["List<string>"]) { doc, _ in … },
///         .lua("filter", in: "corpus.lua", "A sub-corpus …", parameters: ["spec FilterSpec"], returns: ["Corpus"]),
///     ])
public struct LuaMember<Object: AnyObject> {
    /// A member's body.
    enum Body {
        /// A read-only field, computed on access.
        case field((Object) throws -> LuaValue)
        /// A method; its arguments exclude `self` (argument 1 is the first after `self`).
        case method((Object, LuaArguments) throws -> [LuaValue])
        /// Written in Lua: the function is found in the class's `luaMembers` table.
        case lua
    }

    public let info: LuaMemberInfo
    let body: Body

    /// A read-only field computed on access. `type` is its annotation type (`"string?"`: may be nil).
    public static func field(_ name: String, _ type: String, _ summary: String,
                             _ get: @escaping (Object) throws -> LuaValue) -> LuaMember {
        LuaMember(info: LuaMemberInfo(name: name, kind: .field, summary: summary, type: type), body: .field(get))
    }

    /// A method written in Swift; `arguments` excludes `self`.
    public static func method(_ name: String, _ summary: String, parameters: [String] = [], returns: [String] = [],
                              _ body: @escaping (Object, LuaArguments) throws -> [LuaValue]) -> LuaMember {
        LuaMember(info: LuaMemberInfo(name: name, kind: .method, summary: summary, parameters: parameters, returns: returns),
                  body: .method(body))
    }

    /// A method written in Lua, in `file`: `register` takes it from the class's `luaMembers` table
    /// (and fails when the table lacks it).
    public static func lua(_ name: String, in file: String, _ summary: String, parameters: [String] = [],
                           returns: [String] = []) -> LuaMember {
        LuaMember(info: LuaMemberInfo(name: name, kind: .method, summary: summary, parameters: parameters,
                                      returns: returns, luaSource: file),
                  body: .lua)
    }
}

/// One member of a Lua table built from Swift (a module such as `dossier`): a function written in
/// Swift, a value, or something written in Lua that the table takes from a Lua chunk's results.
public struct LuaModuleMember {
    enum Value {
        case function((LuaArguments) throws -> [LuaValue])
        case value(LuaValue)
        case lua
    }

    public let info: LuaMemberInfo
    let value: Value

    /// A function written in Swift (`dossier.open`).
    public static func function(_ name: String, _ summary: String, parameters: [String] = [], returns: [String] = [],
                                _ body: @escaping (LuaArguments) throws -> [LuaValue]) -> LuaModuleMember {
        LuaModuleMember(info: LuaMemberInfo(name: name, kind: .function, summary: summary, parameters: parameters,
                                            returns: returns),
                        value: .function(body))
    }

    /// A value (`dossier.version`, a table, a function made elsewhere). `type` is its annotation type.
    public static func value(_ name: String, _ type: String, _ summary: String, _ value: LuaValue) -> LuaModuleMember {
        let kind: LuaMemberInfo.Kind
        switch value {
        case .function: kind = .function
        case .reference(let r) where r.type == .function: kind = .function
        default: kind = .field
        }
        return LuaModuleMember(info: LuaMemberInfo(name: name, kind: kind, summary: summary, type: type), value: .value(value))
    }

    /// A function written in Lua, in `file`; `LuaModule.build` takes it from the table of Lua
    /// members it is given (and fails when that table lacks it).
    public static func lua(_ name: String, in file: String, _ summary: String, parameters: [String] = [],
                           returns: [String] = []) -> LuaModuleMember {
        LuaModuleMember(info: LuaMemberInfo(name: name, kind: .function, summary: summary, parameters: parameters,
                                            returns: returns, luaSource: file),
                        value: .lua)
    }
}

/// A declaration that cannot be installed: two members of one name, a member declared as written
/// in Lua that the Lua side does not define, or one the Lua side defines without a declaration.
/// Thrown at start-up, so a mistake in a binding never reaches a script.
public struct LuaDeclarationError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    /// Fails on the first name `members` lists twice.
    static func checkUnique(_ members: [LuaMemberInfo], of owner: String) throws {
        var seen: Set<String> = []
        for member in members where !seen.insert(member.name).inserted {
            throw LuaDeclarationError("\(owner) declares '\(member.name)' twice: each member has one declaration")
        }
    }

    /// Fails unless the Lua table's names are exactly the members declared as written in Lua.
    static func checkLuaMembers(declared: [LuaMemberInfo], defined: [String], of owner: String) throws {
        let expected = declared.filter { $0.luaSource != nil }
        for member in expected where !defined.contains(member.name) {
            throw LuaDeclarationError("\(owner).\(member.name) is declared as written in \(member.luaSource ?? "Lua"), which does not define it")
        }
        let other = declared.filter { $0.luaSource == nil }.map(\.name)
        for name in defined.sorted() where !expected.contains(where: { $0.name == name }) {
            if other.contains(name) {
                throw LuaDeclarationError("\(owner) declares '\(name)' in Swift, and its Lua members define it too: each member has one implementation")
            }
            throw LuaDeclarationError("\(owner)'s Lua members define '\(name)', which its declaration does not list: declare it with .lua(\"\(name)\", in: …)")
        }
    }
}
