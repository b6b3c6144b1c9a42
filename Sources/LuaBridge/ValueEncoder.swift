import CLuaShim

/// Flattens `LuaValue`s into the node array and byte arena the C side pushes (`dlua_value`).
///
/// The buffers are allocated by hand so their addresses stay valid after the Swift frame that
/// filled them returns: the C trampoline pushes the values afterwards. The encoder also keeps
/// the Swift objects it encoded alive until it is reset, because nodes hold them unretained.
final class ValueEncoder {
    private(set) var nodes: UnsafeMutablePointer<dlua_value>
    private var nodeCapacity: Int
    private(set) var nodeCount = 0

    private(set) var arena: UnsafeMutableRawPointer
    private var arenaCapacity: Int
    private(set) var arenaCount = 0

    private var objects: [AnyObject] = []
    private unowned let state: LuaState
    /// A lower estimate of what Lua will allocate to build the encoded values (tables, long
    /// strings, userdata; short strings may be shared and are not counted), so that a result
    /// too large for the memory cap can be refused before Lua starts building it.
    private(set) var luaBytes = 0

    init(state: LuaState, nodeCapacity: Int = 64, arenaCapacity: Int = 1024) {
        self.state = state
        self.nodeCapacity = nodeCapacity
        self.arenaCapacity = arenaCapacity
        nodes = .allocate(capacity: nodeCapacity)
        arena = .allocate(byteCount: arenaCapacity, alignment: 16)
    }

    deinit {
        nodes.deallocate()
        arena.deallocate()
    }

    /// Forgets the last contents, keeping capacity (the hot path of every call).
    func reset() {
        nodeCount = 0
        arenaCount = 0
        luaBytes = 0
        if !objects.isEmpty { objects.removeAll(keepingCapacity: true) }
        // Big results should not pin memory for the life of the state.
        if nodeCapacity > 1 << 16 { shrinkNodes() }
        if arenaCapacity > 1 << 20 { shrinkArena() }
    }

    private func shrinkNodes() {
        nodes.deallocate()
        nodeCapacity = 64
        nodes = .allocate(capacity: nodeCapacity)
    }

    private func shrinkArena() {
        arena.deallocate()
        arenaCapacity = 1024
        arena = .allocate(byteCount: arenaCapacity, alignment: 16)
    }

    private func appendNode(_ node: dlua_value) -> Int {
        if nodeCount == nodeCapacity {
            let newCapacity = nodeCapacity * 2
            let grown = UnsafeMutablePointer<dlua_value>.allocate(capacity: newCapacity)
            grown.moveInitialize(from: nodes, count: nodeCount)
            nodes.deallocate()
            nodes = grown
            nodeCapacity = newCapacity
        }
        nodes[nodeCount] = node
        nodeCount += 1
        return nodeCount - 1
    }

    private func reserveArena(_ bytes: Int, alignment: Int = 1) -> Int {
        let start = (arenaCount + alignment - 1) & ~(alignment - 1)
        if start + bytes > arenaCapacity {
            var newCapacity = arenaCapacity * 2
            while newCapacity < start + bytes { newCapacity *= 2 }
            let grown = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
            grown.copyMemory(from: arena, byteCount: arenaCount)
            arena.deallocate()
            arena = grown
            arenaCapacity = newCapacity
        }
        arenaCount = start + bytes
        return start
    }

    /// Copies bytes into the arena; returns their offset.
    func appendBytes(_ buffer: UnsafeRawBufferPointer) -> Int {
        let offset = reserveArena(buffer.count)
        if let base = buffer.baseAddress, buffer.count > 0 {
            (arena + offset).copyMemory(from: base, byteCount: buffer.count)
        }
        return offset
    }

    /// Copies a string's bytes into the arena; returns (offset, length).
    func appendString(_ string: LuaString) -> (Int, Int) {
        switch string.storage {
        case .bytes(let b):
            return (b.withUnsafeBytes { appendBytes($0) }, b.count)
        case .text(var s):
            let n = s.utf8.count
            let offset = s.withUTF8 { appendBytes(UnsafeRawBufferPointer($0)) }
            return (offset, n)
        }
    }

    private static func node(_ tag: Int32, aux: Int32 = 0, n1: Int64 = 0, n2: Int64 = 0,
                             d: Double = 0, p: UnsafeMutableRawPointer? = nil) -> dlua_value {
        dlua_value(tag: tag, aux: aux, n1: n1, n2: n2, d: d, p: p)
    }

    /// Appends `value` (and its children) in prefix order.
    func encode(_ value: LuaValue, depth: Int = 0) throws {
        guard depth < 200 else { throw LuaRuntimeError("value too deeply nested") }
        switch value {
        case .nil, .opaque:
            _ = appendNode(Self.node(Int32(DLUA_NIL)))
        case .boolean(let b):
            _ = appendNode(Self.node(Int32(b ? DLUA_TRUE : DLUA_FALSE)))
        case .integer(let i):
            _ = appendNode(Self.node(Int32(DLUA_INT), n1: Int64(i)))
        case .number(let d):
            _ = appendNode(Self.node(Int32(DLUA_NUM), d: d))
        case .string(let s):
            let (offset, length) = appendString(s)
            if length > Self.shortString { luaBytes &+= Self.stringBytes + length }
            appendStringNode(offset: offset, length: length)
        case .table(let t):
            luaBytes &+= Self.tableBytes + t.array.count * Self.slotBytes + t.fields.count * Self.nodeBytes
            encodeTableHeader(arrayCount: t.array.count, fieldCount: t.fields.count, metatable: t.metatable)
            for item in t.array { try encode(item, depth: depth + 1) }
            for (k, v) in t.fields {
                try encode(k, depth: depth + 1)
                try encode(v, depth: depth + 1)
            }
        case .object(let object):
            appendObject(object, class: try classReference(for: object))
        case .function(let f):
            _ = appendNode(Self.node(Int32(DLUA_FUNC), n1: Int64(f.index)))
        case .reference(let r):
            _ = appendNode(Self.node(Int32(DLUA_REF), n1: Int64(r.ref)))
        case .unsignedIntegers(let items, let add, let metatable):
            let offset = items.withUnsafeBytes { raw -> Int in
                let o = reserveArena(raw.count, alignment: 8)
                if let base = raw.baseAddress, raw.count > 0 { (arena + o).copyMemory(from: base, byteCount: raw.count) }
                return o
            }
            luaBytes &+= Self.tableBytes + items.count * Self.slotBytes
            _ = appendNode(Self.node(Int32(DLUA_UINTS), aux: metatable?.ref ?? 0,
                                     n1: Int64(items.count), n2: Int64(offset), d: Double(add)))
        case .integers(let items, let metatable):
            let offset = items.withUnsafeBytes { raw -> Int in
                let o = reserveArena(raw.count, alignment: 8)
                if let base = raw.baseAddress, raw.count > 0 { (arena + o).copyMemory(from: base, byteCount: raw.count) }
                return o
            }
            luaBytes &+= Self.tableBytes + items.count * Self.slotBytes
            _ = appendNode(Self.node(Int32(DLUA_INTS), aux: metatable?.ref ?? 0,
                                     n1: Int64(items.count), n2: Int64(offset)))
        case .records(let list):
            try encode(list)
        }
    }

    // Lua 5.4's sizes on 64-bit machines: a table header, an array slot, a hash node, a
    // string header (strings up to 40 bytes are interned and often shared), a userdata box.
    static let tableBytes = 56
    static let slotBytes = 16
    static let nodeBytes = 32
    static let stringBytes = 25
    static let shortString = 40
    static let userdataBytes = 48

    /// Appends an `__index` node: methods table first, then the Swift getter.
    func encodeIndexer(getter: LuaFunction?, methods: LuaTable) throws {
        _ = appendNode(Self.node(Int32(DLUA_INDEXER), aux: Int32(getter?.index ?? -1)))
        try encode(.table(methods))
    }

    /// Appends a table header; the caller then encodes `arrayCount` items and `fieldCount` pairs.
    func encodeTableHeader(arrayCount: Int, fieldCount: Int, metatable: LuaReference? = nil) {
        _ = appendNode(Self.node(Int32(DLUA_TABLE), aux: metatable?.ref ?? 0,
                                 n1: Int64(arrayCount), n2: Int64(fieldCount)))
    }

    /// Appends one of the shim's built-in C functions.
    func encodeBuiltin(_ which: Int32) {
        _ = appendNode(Self.node(Int32(DLUA_CFUNC), n1: Int64(which)))
    }

    // MARK: - Record lists

    /// Appends a `LuaRecordList`: the list's header, then per record a table header and its
    /// key and value pairs, written by the rows themselves. The keys are copied into the arena
    /// once and every record's key nodes point at them.
    func encode(_ list: LuaRecordList) throws {
        let rows = list.rows
        let count = rows.count
        let fieldCount = list.keys.count
        luaBytes &+= Self.tableBytes + count * (Self.slotBytes + Self.tableBytes + fieldCount * Self.nodeBytes)
        encodeTableHeader(arrayCount: count, fieldCount: 0, metatable: list.metatable)
        var keys: [(offset: Int, length: Int)] = []
        keys.reserveCapacity(fieldCount)
        for key in list.keys {
            let (offset, length) = appendString(key)
            if length > Self.shortString { luaBytes &+= count * (Self.stringBytes + length) }
            keys.append((offset, length))
        }
        try keys.withUnsafeBufferPointer { keys in
            var writer = LuaRecordWriter(encoder: self, keys: keys)
            for row in 0..<count {
                encodeTableHeader(arrayCount: 0, fieldCount: fieldCount)
                writer.reset()
                try rows.write(row, to: &writer)
                try writer.finish()
            }
        }
    }

    /// Appends the header of a list of `count` items (the caller then appends the items),
    /// counting its Lua memory as `encode(.table)` does.
    func appendListHeader(count: Int, metatable: LuaReference?) {
        luaBytes &+= Self.tableBytes + count * Self.slotBytes
        encodeTableHeader(arrayCount: count, fieldCount: 0, metatable: metatable)
    }

    /// Appends a string node for bytes already in the arena.
    func appendStringNode(offset: Int, length: Int) {
        _ = appendNode(Self.node(Int32(DLUA_STR), n1: Int64(offset), n2: Int64(length)))
    }

    /// Appends a node that holds no reference (nil, a boolean, a number).
    func appendScalar(_ tag: Int32, n1: Int64 = 0, d: Double = 0) {
        _ = appendNode(Self.node(tag, n1: n1, d: d))
    }

    /// Appends text as a string node.
    func appendText(_ text: String) {
        var text = text
        let length = text.utf8.count
        let offset = text.withUTF8 { appendBytes(UnsafeRawBufferPointer($0)) }
        if length > Self.shortString { luaBytes &+= Self.stringBytes + length }
        appendStringNode(offset: offset, length: length)
    }

    /// The Lua class of `object`; throws when its class is not registered.
    func classReference(for object: AnyObject) throws -> Int32 {
        guard let cls = state.classReference(for: object) else {
            throw LuaRuntimeError("\(type(of: object)) is not a registered Lua class")
        }
        return cls
    }

    /// Appends an object of class `cls` (kept alive until `reset`).
    func appendObject(_ object: AnyObject, class cls: Int32) {
        objects.append(object)
        luaBytes &+= Self.userdataBytes
        _ = appendNode(Self.node(Int32(DLUA_OBJECT), aux: cls, p: Unmanaged.passUnretained(object).toOpaque()))
    }

    /// The arena as a C pointer (valid until the next append).
    var arenaPointer: UnsafePointer<CChar> {
        UnsafePointer(arena.assumingMemoryBound(to: CChar.self))
    }
}
