/// A read-only array of fixed-width values that is either an ordinary Swift array (what the
/// loader builds) or a view into a memory-mapped archive file (what `DossierArchive` opens), as
/// tantivy's `OwnedBytes`: code that reads postings, token ids or offsets does not know which.
///
/// A mapped column keeps its file mapped (`owner`) for as long as it lives. Values are stored
/// little-endian; archives are opened only on little-endian machines (`StorageFile`).
struct Column<Element>: RandomAccessCollection, @unchecked Sendable {
    private let array: [Element]
    private let mapped: UnsafePointer<Element>?
    /// What keeps `mapped` valid (the `MappedFile`), nil for an owned array.
    private let owner: AnyObject?
    let count: Int

    /// A column that owns `array` (no copy).
    init(_ array: [Element]) {
        self.array = array
        mapped = nil
        owner = nil
        count = array.count
    }

    /// An empty column.
    init() { self.init([]) }

    /// A column over `count` values at `base`, valid while `owner` lives.
    init(mapped base: UnsafePointer<Element>, count: Int, owner: AnyObject) {
        array = []
        mapped = base
        self.owner = owner
        self.count = count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    /// True when the values are read from a mapped file.
    var isMapped: Bool { mapped != nil }

    @inline(__always)
    subscript(i: Int) -> Element {
        if let mapped {
            precondition(i >= 0 && i < count, "column index out of range")
            return mapped[i]
        }
        return array[i]
    }

    /// Hands the values to `body` as one contiguous buffer (no copy either way).
    @inline(__always)
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        if let mapped { return try body(UnsafeBufferPointer(start: mapped, count: count)) }
        return try array.withUnsafeBufferPointer(body)
    }

    /// The values as an owned array (a copy for a mapped column).
    var arrayCopy: [Element] {
        if mapped == nil { return array }
        return withUnsafeBufferPointer { Array($0) }
    }

    /// Bytes of heap memory the column holds (0 for a mapped one: the page cache holds it).
    var ownedBytes: Int { mapped == nil ? array.capacity * MemoryLayout<Element>.stride : 0 }
}

extension Column: Equatable where Element: Equatable {
    static func == (lhs: Column, rhs: Column) -> Bool { lhs.elementsEqual(rhs) }
}

extension Column {
    /// The values at `range` as a column of their own (no copy for a mapped column).
    func slice(_ range: Range<Int>) -> Column {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "column slice out of range")
        if let mapped, let owner { return Column(mapped: mapped + range.lowerBound, count: range.count, owner: owner) }
        return Column(Array(array[range]))
    }
}
