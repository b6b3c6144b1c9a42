import CLuaShim

/// A list of records handed to Lua without a `LuaValue` per record or field: the rows write
/// their fields straight into the values the C side pushes (`ValueEncoder`).
///
/// Lua gets the same tables as from `.table(LuaTable(array: records, metatable: metatable))`
/// where each record holds `keys` in order (a nil field left out): a sequence of tables, each
/// made with room for every key. For lists a binding hands over on every call (search hits),
/// where the tree of `LuaValue`s (an array and a table per record, copies of each field) cost
/// more than building the Lua tables.
///
///     struct Rows: LuaRecordRows {
///         let hits: [Hit]
///         var count: Int { hits.count }
///         func write(_ row: Int, to record: inout LuaRecordWriter) throws {
///             try record.object(hits[row].document)
///             record.number(hits[row].score)
///         }
///     }
///     return [.records(LuaRecordList(keys: ["doc", "score"], rows: Rows(hits: hits)))]
public struct LuaRecordList {
    /// The records' field names, in the order `LuaRecordRows.write` gives the values.
    public let keys: [LuaString]
    public let rows: any LuaRecordRows
    /// The list's metatable (the records get none).
    public let metatable: LuaReference?

    public init(keys: [LuaString], rows: any LuaRecordRows, metatable: LuaReference? = nil) {
        self.keys = keys
        self.rows = rows
        self.metatable = metatable
    }
}

/// The rows of a `LuaRecordList`.
public protocol LuaRecordRows {
    /// How many records.
    var count: Int { get }
    /// Writes record `row`'s values in key order; values not written are nil.
    func write(_ row: Int, to record: inout LuaRecordWriter) throws
}

/// Writes one record's values, each under the next key of its list.
public struct LuaRecordWriter {
    private unowned(unsafe) let encoder: ValueEncoder
    /// Each key's place in the encoder's arena (written once per list).
    private let keys: UnsafeBufferPointer<(offset: Int, length: Int)>
    private(set) var written = 0
    /// The class of the last object written (most lists hold one class).
    private var lastType: ObjectIdentifier?
    private var lastClass: Int32 = 0

    init(encoder: ValueEncoder, keys: UnsafeBufferPointer<(offset: Int, length: Int)>) {
        self.encoder = encoder
        self.keys = keys
    }

    /// Starts the next record.
    mutating func reset() { written = 0 }

    /// The next key's node; throws when every key has a value already.
    private mutating func key() throws {
        guard written < keys.count else {
            throw LuaRuntimeError("a record of \(keys.count) fields was given more values")
        }
        let k = keys[written]
        encoder.appendStringNode(offset: k.offset, length: k.length)
        written += 1
    }

    /// Writes nil for the keys not written yet.
    mutating func finish() throws {
        while written < keys.count { try nothing() }
    }

    /// A nil value (the field is left out).
    public mutating func nothing() throws {
        try key()
        encoder.appendScalar(Int32(DLUA_NIL))
    }

    public mutating func number(_ value: Double) throws {
        try key()
        encoder.appendScalar(Int32(DLUA_NUM), d: value)
    }

    public mutating func integer(_ value: Int) throws {
        try key()
        encoder.appendScalar(Int32(DLUA_INT), n1: Int64(value))
    }

    public mutating func boolean(_ value: Bool) throws {
        try key()
        encoder.appendScalar(Int32(value ? DLUA_TRUE : DLUA_FALSE))
    }

    /// Text as a Lua string (nil leaves the field out).
    public mutating func text(_ value: String?) throws {
        try key()
        guard let value else {
            encoder.appendScalar(Int32(DLUA_NIL))
            return
        }
        encoder.appendText(value)
    }

    /// A Swift object of a registered class (nil leaves the field out).
    public mutating func object(_ value: AnyObject?) throws {
        try key()
        guard let value else {
            encoder.appendScalar(Int32(DLUA_NIL))
            return
        }
        try append(value)
    }

    /// Appends an object's node, its class looked up once per run of one class.
    private mutating func append(_ object: AnyObject) throws {
        let type = ObjectIdentifier(Swift.type(of: object))
        if type != lastType {
            lastClass = try encoder.classReference(for: object)
            lastType = type
        }
        encoder.appendObject(object, class: lastClass)
    }

    /// A list of strings with `metatable` (a List), written without a `LuaValue` per item.
    public mutating func strings(_ items: [String], metatable: LuaReference?) throws {
        try key()
        encoder.appendListHeader(count: items.count, metatable: metatable)
        for item in items { encoder.appendText(item) }
    }

    /// A list of Swift objects of registered classes with `metatable` (a List), written without
    /// a `LuaValue` per item (a claim's documents and sentences).
    public mutating func objects<Items: Collection>(_ items: Items, metatable: LuaReference?) throws
    where Items.Element: AnyObject {
        try key()
        encoder.appendListHeader(count: items.count, metatable: metatable)
        for item in items { try append(item) }
    }

    /// Any value (for fields the typed writers do not cover).
    public mutating func value(_ value: LuaValue) throws {
        try key()
        try encoder.encode(value, depth: 1)
    }
}
