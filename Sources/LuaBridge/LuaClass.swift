import CLuaShim

/// Describes how a Swift class appears in Lua: its fields (read-only, computed on access), its
/// methods, and optional `#`/indexing for list-like objects.
///
/// Objects cross as userdata holding a retained reference, released by `__gc`. The same Swift
/// object always arrives as the same userdata while Lua holds it, so objects work as table
/// keys and compare with `==`.
///
///     let documents = LuaClass<Document>("Document")
///     documents.field("id") { .text($0.id) }
///     documents.method("paragraphs") { doc, args in [ ... ] }
///     try state.register(documents)
public final class LuaClass<Object: AnyObject> {
    /// The name Lua shows (`__name`, error messages, `tostring`).
    public let name: String
    private(set) var fieldNames: [String] = []
    private var getters: [String: (Object) throws -> LuaValue] = [:]
    private(set) var methods: [(name: String, body: (Object, LuaArguments) throws -> [LuaValue])] = []

    /// The one-line summary `tostring` gives.
    public var describe: ((Object) -> String)?
    /// `#object`.
    public var length: ((Object) -> Int)?
    /// `object[i]` for integer `i` (1-based); nil past the end.
    public var element: ((Object, Int) throws -> LuaValue)?
    /// A metatable for the methods table: lets a class inherit methods written in Lua (for
    /// example the List methods of a lazy list).
    public var methodsMetatable: LuaReference?
    /// Further metatable entries (for example `__columns` or `__cell` read by Lua code).
    public var metafields: [(name: String, value: LuaValue)] = []

    public init(_ name: String, of: Object.Type = Object.self) {
        self.name = name
    }

    /// Adds a read-only field computed on access.
    public func field(_ name: String, _ get: @escaping (Object) throws -> LuaValue) {
        if getters[name] == nil { fieldNames.append(name) }
        getters[name] = get
    }

    /// Adds a method; `arguments` excludes `self` (argument 1 is the first after `self`).
    public func method(_ name: String, _ body: @escaping (Object, LuaArguments) throws -> [LuaValue]) {
        methods.removeAll { $0.name == name }
        methods.append((name, body))
    }

    /// The names of the methods, in the order they were added.
    public var methodNames: [String] { methods.map(\.name) }

    func value(of object: Object, key: LuaValue) throws -> LuaValue {
        switch key {
        case .string(let s):
            guard let text = s.text, let get = getters[text] else { return .nil }
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

/// Members of a registered class, for completion and documentation checks.
public struct LuaClassInfo: Sendable {
    public let name: String
    public let fields: [String]
    public let methods: [String]
}

extension LuaState {
    /// Registers a class: builds its metatable and makes `.object(x)` of this class pushable.
    /// Returns the metatable.
    @discardableResult
    public func register<Object: AnyObject>(_ cls: LuaClass<Object>) throws -> LuaReference {
        let name = cls.name
        func selfObject(_ args: LuaArguments) throws -> Object {
            guard let object = args.optionalObject(1, as: Object.self) else {
                throw LuaArgumentError.type(1, expected: name)
            }
            return object
        }

        let getter = function("__index") { args in
            [try cls.value(of: try selfObject(args), key: args.value(2))]
        }
        var methods = LuaTable(metatable: cls.methodsMetatable)
        for (methodName, body) in cls.methods {
            let f = function(methodName) { args in
                try body(try selfObject(args), args.droppingFirst())
            }
            methods.set(methodName, .function(f))
        }
        let tostring = function("__tostring") { args in
            let object = try selfObject(args)
            return [.text(cls.describe?(object) ?? "<\(name)>")]
        }
        let fieldNames = cls.fieldNames
        let next = function("next") { args in
            let object = try selfObject(args)
            if cls.element != nil {
                guard let previous = try listPosition(args.value(2)) else { return [.nil] }
                let i = previous + 1
                let v = try cls.value(of: object, key: .integer(i))
                if case .nil = v { return [.nil] }
                return [.integer(i), v]
            }
            var position = 0
            if let key = args.value(2).stringValue, let i = fieldNames.firstIndex(of: key) { position = i + 1 }
            while position < fieldNames.count {
                let field = fieldNames[position]
                let v = try cls.value(of: object, key: .text(field))
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
            ("__methods", .array(cls.methodNames.map { .text($0) })),
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
        classInfos.append(LuaClassInfo(name: name, fields: fieldNames, methods: cls.methodNames))
        return metatable
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
