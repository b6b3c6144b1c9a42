import CLuaShim

/// Describes how a Swift class appears in Lua: its members (read-only fields computed on
/// access, methods written in Swift or in Lua), each declared once with its documentation, and
/// optional `#`/indexing for list-like objects.
///
/// Objects cross as userdata holding a retained reference, released by `__gc`. The same Swift
/// object always arrives as the same userdata while Lua holds it, so objects work as table
/// keys and compare with `==`. Reading a member the class does not have is an error that names
/// the closest ones (`Document has no field 'titel' (did you mean 'title'?)`).
///
///     let documents = LuaClass<Document>("Document", summary: "One article.", members: [
///         .field("id", "string", "the file name without extension") { .text($0.id) },
///         .method("paragraphs", "The paragraphs of the body.", returns: ["List<string>"]) { doc, args in [ ... ] },
///     ])
///     try state.register(documents)
public final class LuaClass<Object: AnyObject> {
    /// The name Lua shows (`__name`, error messages, `tostring`).
    public let name: String
    /// What the class is, for people (lines separated by `\n`).
    public var summary: String
    /// Every member, in declaration order.
    public private(set) var members: [LuaMember<Object>]

    /// The one-line summary `tostring` gives.
    public var describe: ((Object) -> String)?
    /// `#object`.
    public var length: ((Object) -> Int)?
    /// `object[i]` for integer `i` (1-based); nil past the end.
    public var element: ((Object, Int) throws -> LuaValue)?
    /// The table holding the methods declared with `.lua(…)`: `register` installs them with the
    /// Swift ones and fails unless the table defines exactly those.
    public var luaMembers: LuaReference?
    /// A table of methods the class inherits without declaring them (the List methods of a lazy
    /// list): found after the class's own members.
    public var inherited: LuaReference?
    /// Further metatable entries (for example `__columns` or `__cell` read by Lua code).
    public var metafields: [(name: String, value: LuaValue)] = []
    /// Annotation lines for the generated API file beyond the members (`---@field [integer] Token`),
    /// and what follows the class name on its `---@class` line (`": List<Token>"`).
    public var annotations: [String] = []
    public var classSuffix = ""

    public init(_ name: String, of: Object.Type = Object.self, summary: String = "", members: [LuaMember<Object>] = []) {
        self.name = name
        self.summary = summary
        self.members = members
    }

    /// Adds an undocumented read-only field computed on access.
    public func field(_ name: String, _ get: @escaping (Object) throws -> LuaValue) {
        members.append(.field(name, "any", "", get))
    }

    /// Adds an undocumented method; `arguments` excludes `self` (argument 1 is the first after
    /// `self`). A second member of the same name makes `register` fail.
    public func method(_ name: String, _ body: @escaping (Object, LuaArguments) throws -> [LuaValue]) {
        members.append(.method(name, "", body))
    }

    /// The names of the fields, in the order they were declared.
    public var fieldNames: [String] { members.filter { $0.info.kind == .field }.map(\.info.name) }

    /// The names of the methods (Swift and Lua), in the order they were declared.
    public var methodNames: [String] { members.filter { $0.info.kind != .field }.map(\.info.name) }
}

/// The position `pairs` on a list-like object continues after: 0 for the first call, the
/// previous key after that. Nil when the key is at or past the largest position (iteration is
/// over); an error, as Lua's `next` gives, for a key that cannot be a position.
func listPosition(_ key: LuaValue) throws -> Int? {
    switch key {
    case .nil:
        return 0
    case .integer(let k) where k >= 0:
        return k < Int.max ? k : nil
    case .number(let d) where d >= 0 && d == d.rounded():
        // 2^63 and above (and +inf) are past every position a list can have.
        guard let k = Int(exactly: d) else { return nil }
        return k < Int.max ? k : nil
    default:
        throw LuaRuntimeError("invalid key to 'next'")
    }
}

extension LuaState {
    /// Registers a class: checks its declaration (one member per name; the `.lua` members are
    /// exactly those its `luaMembers` table defines), builds its metatable and makes
    /// `.object(x)` of this class pushable. Returns the metatable.
    ///
    /// - Throws: `LuaDeclarationError` for a declaration that cannot be installed.
    @discardableResult
    public func register<Object: AnyObject>(_ cls: LuaClass<Object>) throws -> LuaReference {
        let name = cls.name
        let infos = cls.members.map(\.info)
        try LuaDeclarationError.checkUnique(infos, of: name)
        let luaDefined = try cls.luaMembers.map { try stringEntries(of: $0) } ?? []
        try LuaDeclarationError.checkLuaMembers(declared: infos, defined: luaDefined.map(\.name), of: name)
        let inheritedNames = try cls.inherited.map { try stringEntries(of: $0).map(\.name).filter { !$0.hasPrefix("_") } } ?? []
        let type = LuaTypeInfo(name: name, kind: .class, summary: cls.summary, annotations: cls.annotations,
                               classSuffix: cls.classSuffix, members: infos, inherited: inheritedNames)

        func selfObject(_ args: LuaArguments) throws -> Object {
            guard let object = args.optionalObject(1, as: Object.self) else {
                throw LuaArgumentError.type(1, expected: name)
            }
            return object
        }

        var getters: [String: (Object) throws -> LuaValue] = [:]
        var fieldNames: [String] = []
        var methods = LuaTable(metatable: try cls.inherited.map { try makeReference(.record(["__index": .reference($0)])) })
        for member in cls.members {
            let memberName = member.info.name
            switch member.body {
            case .field(let get):
                getters[memberName] = get
                fieldNames.append(memberName)
            case .method(let body):
                let f = function(memberName) { args in
                    try body(try selfObject(args), args.droppingFirst())
                }
                methods.set(memberName, .function(f))
            case .lua:
                if let defined = luaDefined.first(where: { $0.name == memberName }) { methods.set(memberName, defined.value) }
            }
        }

        let element = cls.element
        func value(of object: Object, key: LuaValue) throws -> LuaValue {
            switch key {
            case .string(let s):
                guard let text = s.text else { throw LuaRuntimeError(type.unknownMemberMessage(s.description)) }
                guard let get = getters[text] else { throw LuaRuntimeError(type.unknownMemberMessage(text)) }
                return try get(object)
            case .integer(let i):
                return try element?(object, i) ?? .nil
            case .number(let d):
                guard let element, let i = Int(exactly: d) else { return .nil }
                return try element(object, i)
            default:
                return .nil
            }
        }

        let getter = function("__index") { args in
            [try value(of: try selfObject(args), key: args.value(2))]
        }
        let tostring = function("__tostring") { args in
            let object = try selfObject(args)
            return [.text(cls.describe?(object) ?? "<\(name)>")]
        }
        let next = function("next") { args in
            let object = try selfObject(args)
            if element != nil {
                guard let previous = try listPosition(args.value(2)) else { return [.nil] }
                let i = previous + 1
                let v = try value(of: object, key: .integer(i))
                if case .nil = v { return [.nil] }
                return [.integer(i), v]
            }
            var position = 0
            if let key = args.value(2).stringValue, let i = fieldNames.firstIndex(of: key) { position = i + 1 }
            while position < fieldNames.count {
                let field = fieldNames[position]
                let v = try value(of: object, key: .text(field))
                if case .nil = v { position += 1; continue }
                return [.text(field), v]
            }
            return [.nil]
        }
        let pairs = function("__pairs") { args in
            [.function(next), args.value(1), .nil]
        }

        let encoder = ValueEncoder(state: self)
        var entries: [(String, LuaValue)] = [
            ("__name", .text(name)),
            ("__tostring", .function(tostring)),
            ("__pairs", .function(pairs)),
            ("__fields", .array(fieldNames.map { .text($0) })),
            ("__methods", .array((cls.methodNames + inheritedNames).map { .text($0) })),
        ]
        entries += cls.metafields.map { ($0.name, $0.value) }
        if let length = cls.length {
            let len = function("__len") { args in [.integer(length(try selfObject(args)))] }
            entries.append(("__len", .function(len)))
        }
        // The metatable, and under `__metatable` the copy `getmetatable` shows scripts: the same
        // entries without `__gc`, so no script can release an object Lua still holds (and
        // changing the copy changes nothing).
        func encodeEntries(withGC: Bool) throws {
            encoder.encodeTableHeader(arrayCount: 0, fieldCount: entries.count + (withGC ? 4 : 2))
            for (key, value) in entries {
                try encoder.encode(.text(key))
                try encoder.encode(value)
            }
            try encoder.encode("__index")
            try encoder.encodeIndexer(getter: getter, methods: methods)
            try encoder.encode("__eq")
            encoder.encodeBuiltin(Int32(DLUA_BUILTIN_EQ))
            guard withGC else { return }
            try encoder.encode("__gc")
            encoder.encodeBuiltin(Int32(DLUA_BUILTIN_GC))
            try encoder.encode("__metatable")
            try encodeEntries(withGC: false)
        }
        try encodeEntries(withGC: true)

        let metatable = try makeReference(encoder)
        classRefs[ObjectIdentifier(Object.self)] = metatable.ref
        classMetatables.append(metatable)
        declaredTypes.append(type)
        return metatable
    }

    /// The string-keyed entries of a Lua table (functions as references), sorted by name.
    func stringEntries(of table: LuaReference) throws -> [(name: String, value: LuaValue)] {
        let identity = try load("return ...", chunkName: "=[members]")
        guard case .table(let t)? = try call(.reference(identity), [.reference(table)]).first else { return [] }
        return t.fields.compactMap { entry -> (name: String, value: LuaValue)? in
            guard case .string(let s) = entry.key, let text = s.text else { return nil }
            return (text, entry.value)
        }.sorted { $0.name < $1.name }
    }
}

/// An object whose Lua methods need another object alive that it does not own: a document
/// holds its corpus weakly (the corpus owns its documents), yet `doc:entities()` needs the
/// corpus. While Lua holds such an object, it holds `luaOwner` too, so a document a script
/// keeps works after the script dropped the corpus it came from.
///
/// `luaOwner` must give the same object (or nil) for as long as the object lives: it is
/// retained when Lua starts holding the object and released when Lua lets it go.
public protocol LuaOwnedObject: AnyObject {
    /// The object to keep alive with this one, or nil.
    var luaOwner: AnyObject? { get }
}
