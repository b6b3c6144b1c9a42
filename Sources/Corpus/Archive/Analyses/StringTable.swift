/// Strings an analysis file refers to by number (names, aliases, quoted words, speakers): each
/// distinct string once, as a `TextStore` (blob and offsets) in sections 0 and 1 of the file.
/// Id 0 is the empty string; a missing string (`optional`) is `StringTable.none`.
struct StringTable {
    private var ids: [String: UInt32] = ["": 0]
    private var strings: [String] = [""]

    /// The id of `s`, added when new.
    mutating func id(_ s: String) -> UInt32 {
        if let known = ids[s] { return known }
        let id = UInt32(strings.count)
        ids[s] = id
        strings.append(s)
        return id
    }

    /// The id of `s`, or `StringTable.none` for nil.
    mutating func optional(_ s: String?) -> UInt32 { s.map { id($0) } ?? StringTable.none }

    /// The id that stands for no string.
    static let none = UInt32.max

    /// Adds the table as the file's next two sections (blob, offsets).
    func add(to file: inout StorageFileWriter) {
        let store = TextStore(strings)
        file.add(store.blob)
        file.add(store.offsets)
    }
}

/// The strings of an opened analysis file, decoded on demand (each distinct one once).
struct StringColumn {
    let store: TextStore
    private var cache: [String?]

    init(_ file: StorageFileReader, blob: Int = 0, offsets: Int = 1) throws(ArchiveError) {
        store = try TextStore(file, blob: blob, offsets: offsets)
        cache = [String?](repeating: nil, count: store.count)
    }

    /// String `id`, or nil when the id is not in the table (a damaged file).
    mutating func string(_ id: UInt32) -> String? {
        let i = Int(id)
        guard i < cache.count else { return nil }
        if let s = cache[i] { return s }
        let s = store.string(i)
        cache[i] = s
        return s
    }

    /// `string(id)`, with `StringTable.none` read as nil; `ok` becomes false for a bad id.
    mutating func optional(_ id: UInt32, ok: inout Bool) -> String? {
        if id == StringTable.none { return nil }
        guard let s = string(id) else {
            ok = false
            return nil
        }
        return s
    }
}
