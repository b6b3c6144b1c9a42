import Foundation

/// `dossier reduce` in Swift (issue 14): the reducers `sum`, `min`, `max`, `first`, `merge` and
/// `top_k` of `Lua/mapreduce.lua`, over rows kept in columns, writing byte for byte what the
/// Lua reducer writes (same equality of keys, same order, same JSON text), at a fraction of its
/// cost. Tables of near-duplicates (`near_duplicates`) and rows holding a list with a hole (a
/// null inside an array, whose length Lua leaves undefined) are left to the Lua reducer
/// (`ScriptSession.runReduce`).
final class RowReducer {
    /// Thrown when the rows need the Lua reducer after all (see above).
    struct NeedsLua: Error {}

    enum Reducer: Equatable { case sum, min, max, first, merge }

    /// One table of the normalized spec.
    struct TableSpec {
        let name: [UInt8]
        let key: [[UInt8]]
        /// The reducers' columns, in the order rows are written (sum, min, max, first, merge).
        let columns: [[UInt8]]
        let reducers: [Reducer]
        let topK: (by: [UInt8], k: Int)?
    }

    /// A reduced row's identity: its key columns' values (null for a missing one).
    enum Key: Hashable {
        case none
        case one(RowValue)
        case many([RowValue])
    }

    /// The reduced rows of one table, column by column.
    final class Table {
        let spec: TableSpec
        /// Key columns first (0..<key.count), then the reducers' columns.
        let columnOf: [[UInt8]: Int]
        var rowOf: [Key: Int] = [:]
        /// `cells[column][row]`; `.null` where the row has no value.
        var cells: [[RowValue]]
        /// Fields no spec column names (their first value), by row; rare.
        var extras: [Int: [[UInt8]: RowValue]] = [:]
        /// The JSON text of the items each merged column holds, by row and column.
        var merged: [Int: [Int: Set<[UInt8]>]] = [:]
        var count = 0
        /// Scratch for the row being added.
        var values: [RowValue]

        init(spec: TableSpec) {
            self.spec = spec
            var columnOf: [[UInt8]: Int] = [:]
            for (i, c) in (spec.key + spec.columns).enumerated() { columnOf[c] = i }
            self.columnOf = columnOf
            cells = Array(repeating: [], count: spec.key.count + spec.columns.count)
            values = Array(repeating: .null, count: cells.count)
        }

        func reducer(ofColumn c: Int) -> Reducer? { c < spec.key.count ? nil : spec.reducers[c - spec.key.count] }

        /// The value of field `name` of row `r`.
        func value(_ name: [UInt8], row r: Int) -> RowValue {
            if let c = columnOf[name] { return cells[c][r] }
            return extras[r]?[name] ?? .null
        }
    }

    private let tables: [[UInt8]: Table]
    /// Table names in output (name) order.
    private let names: [[UInt8]]
    private static let tableField = Array("table".utf8)

    /// A reducer for the normalized spec `specJSON` (`mapreduce.lua`'s `spec_json`), or nil when
    /// a table of near-duplicates needs the Lua reducer.
    init?(specJSON: [UInt8]) throws(ScriptError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(specJSON)) as? [String: Any],
              let tables = object["tables"] as? [String: Any] else {
            throw .setup("the map script's spec could not be read back")
        }
        var result: [[UInt8]: Table] = [:]
        for (name, value) in tables {
            guard let t = value as? [String: Any] else { throw .setup("the map script's spec could not be read back") }
            if t["near_duplicates"] != nil { return nil }
            func list(_ field: String) -> [[UInt8]] { (t[field] as? [String] ?? []).map { Array($0.utf8) } }
            var columns: [[UInt8]] = []
            var reducers: [Reducer] = []
            for (field, reducer) in [("sum", Reducer.sum), ("min", .min), ("max", .max), ("first", .first), ("merge", .merge)] {
                for c in list(field) {
                    columns.append(c)
                    reducers.append(reducer)
                }
            }
            var topK: (by: [UInt8], k: Int)?
            if let top = t["top_k"] as? [String: Any], let by = top["by"] as? String, let k = top["k"] as? Int { topK = (Array(by.utf8), k) }
            let spec = TableSpec(name: Array(name.utf8), key: list("key"), columns: columns, reducers: reducers, topK: topK)
            result[spec.name] = Table(spec: spec)
        }
        self.tables = result
        names = result.keys.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Adds one row (`RowScanner`'s object with a string `table` field) read from `file` at `line`.
    func add(_ row: RowValue, file: String, line: Int) throws {
        guard case .object(let fields) = row else { return }
        guard let nameField = fields.first(where: { $0.key == Self.tableField }), case .string(let name) = nameField.value else { return }
        guard let table = tables[name] else {
            let declared = names.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ", ")
            throw ScriptError.setup("\(file):\(line): no table '\(String(decoding: name, as: UTF8.self))' in the script (it declares: \(declared))")
        }
        var extra: [(key: [UInt8], value: RowValue)] = []
        for i in table.values.indices { table.values[i] = .null }
        for field in fields where field.key != Self.tableField {
            var value = field.value
            switch value {
            case .array, .object:
                if value.hasHole { throw NeedsLua() }
                value = value.normalized()
            default: break
            }
            if let c = table.columnOf[field.key] { table.values[c] = value } else { extra.append((key: field.key, value: value)) }
        }
        let keyCount = table.spec.key.count
        let key: Key
        switch keyCount {
        case 0: key = .none
        case 1: key = .one(table.values[0])
        default: key = .many(Array(table.values[0..<keyCount]))
        }
        if let r = table.rowOf[key] {
            try combine(table, row: r, extra: extra, file: file, line: line)
        } else {
            let r = table.count
            table.count += 1
            table.rowOf[key] = r
            for c in table.values.indices {
                var v = table.values[c]
                if table.reducer(ofColumn: c) == .merge, v != .null {
                    var seen = Set<[UInt8]>()
                    var list: [RowValue] = []
                    Self.merge(v, into: &list, seen: &seen)
                    v = .array(list)
                    table.merged[r, default: [:]][c] = seen
                }
                table.cells[c].append(v)
            }
            if !extra.isEmpty {
                var fields: [[UInt8]: RowValue] = [:]
                for f in extra { fields[f.key] = f.value }
                table.extras[r] = fields
            }
        }
    }

    private static func merge(_ value: RowValue, into list: inout [RowValue], seen: inout Set<[UInt8]>) {
        for item in value.mergeItems where seen.insert(item.json).inserted { list.append(item) }
    }

    private func combine(_ table: Table, row r: Int, extra: [(key: [UInt8], value: RowValue)], file: String, line: Int) throws {
        for c in table.spec.key.count..<table.values.count {
            let v = table.values[c]
            if v == .null { continue }
            let old = table.cells[c][r]
            switch table.spec.reducers[c - table.spec.key.count] {
            case .sum:
                let column = String(decoding: table.spec.columns[c - table.spec.key.count], as: UTF8.self)
                switch (old, v) {
                case (.null, .integer), (.null, .number): table.cells[c][r] = v
                case (.integer(let x), .integer(let y)): table.cells[c][r] = .integer(x &+ y)
                case (.integer(let x), .number(let y)): table.cells[c][r] = .number(Double(x) + y)
                case (.number(let x), .integer(let y)): table.cells[c][r] = .number(x + Double(y))
                case (.number(let x), .number(let y)): table.cells[c][r] = .number(x + y)
                case (_, .integer), (_, .number):
                    throw ScriptError.setup("\(file):\(line): column '\(column)' is summed but an earlier row holds a \(old.luaType)")
                default:
                    throw ScriptError.setup("\(file):\(line): column '\(column)' is summed but holds a \(v.luaType)")
                }
            case .min:
                if old == .null || RowValue.less(v, old) { table.cells[c][r] = v }
            case .max:
                if old == .null || RowValue.less(old, v) { table.cells[c][r] = v }
            case .merge:
                var seen = table.merged[r]?[c] ?? []
                var list: [RowValue] = []
                if case .array(let items) = old, table.merged[r]?[c] != nil { list = items }
                Self.merge(v, into: &list, seen: &seen)
                table.cells[c][r] = .array(list)
                table.merged[r, default: [:]][c] = seen
            case .first:
                if old == .null { table.cells[c][r] = v }
            }
        }
        if !extra.isEmpty {
            var fields = table.extras[r] ?? [:]
            for f in extra where fields[f.key] == nil { fields[f.key] = f.value }
            table.extras[r] = fields
        }
    }

    /// Lua's `x ~= y` of two cells (nil equals nil; tables are never equal).
    private static func differ(_ x: RowValue, _ y: RowValue) -> Bool {
        if x == .null && y == .null { return false }
        return !RowValue.luaEqual(x, y)
    }

    /// Whether `x` sorts before `y` as the Lua reducer's sort has it: nil last, else `less`.
    private static func before(_ x: RowValue, _ y: RowValue) -> Bool {
        if x == .null { return false }
        if y == .null { return true }
        return RowValue.less(x, y)
    }

    /// Writes the reduced rows: tables in name order, rows by key (`top_k`: by its column,
    /// largest first, then key; only the first k), merged lists sorted.
    func finish(write: ([UInt8]) -> Void) {
        for name in names {
            guard let table = tables[name] else { continue }
            let keyCount = table.spec.key.count
            for (i, reducer) in table.spec.reducers.enumerated() where reducer == .merge {
                let c = keyCount + i
                for r in 0..<table.count {
                    if case .array(let items) = table.cells[c][r] { table.cells[c][r] = .array(items.sorted(by: RowValue.less)) }
                }
            }
            let cells = table.cells
            func byKey(_ a: Int, _ b: Int) -> Bool {
                for c in 0..<keyCount {
                    let (x, y) = (cells[c][a], cells[c][b])
                    if Self.differ(x, y) { return Self.before(x, y) }
                }
                return false
            }
            var order = Array(0..<table.count)
            if let top = table.spec.topK {
                let values = order.map { table.value(top.by, row: $0) }
                order.sort { a, b in
                    let (x, y) = (values[a], values[b])
                    if Self.differ(x, y) { return Self.before(y, x) }
                    return byKey(a, b)
                }
                if order.count > top.k { order.removeLast(order.count - top.k) }
            } else {
                order.sort(by: byKey)
            }
            var out: [UInt8] = []
            out.reserveCapacity(1 << 17)
            var prefix: [UInt8] = Array("{\"table\":".utf8)
            RowValue.appendQuoted(table.spec.name, to: &prefix)
            let columnNames = (table.spec.key + table.spec.columns).map { name -> [UInt8] in
                var text: [UInt8] = [UInt8(ascii: ",")]
                RowValue.appendQuoted(name, to: &text)
                text.append(UInt8(ascii: ":"))
                return text
            }
            for r in order {
                out.append(contentsOf: prefix)
                for c in 0..<cells.count {
                    out.append(contentsOf: columnNames[c])
                    cells[c][r].append(to: &out)
                }
                if let extra = table.extras[r] {
                    for (key, value) in extra.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
                        out.append(UInt8(ascii: ","))
                        RowValue.appendQuoted(key, to: &out)
                        out.append(UInt8(ascii: ":"))
                        value.append(to: &out)
                    }
                }
                out.append(contentsOf: [UInt8(ascii: "}"), UInt8(ascii: "\n")])
                if out.count >= 1 << 16 {
                    write(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
            if !out.isEmpty { write(out) }
        }
    }
}
