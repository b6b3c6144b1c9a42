/// Counting tables for n-grams of term ids: occurrences and documents per n-gram.
///
/// Two layouts: `PackedGramTable`, generic over its key's width, when the n ids fit in one
/// 64-bit word (`OneWordGramKey`: n ≤ 2, or n = 3 with fewer than 2²¹ terms) or in two
/// (`TwoWordGramKey`: n ≤ 6 with fewer than 2²¹ terms), and `SequenceGramTable` otherwise. Both
/// are open-addressing tables with linear probing. A document is counted once per n-gram by remembering the last document
/// that added to each entry, so documents must be fed in order.
///
/// The corpus is counted in parts of documents, one table per core, merged at the end.
protocol GramTable: Sendable {
    /// What `key` makes of an n-gram once, for `add`: its packed ids, or a hash.
    associatedtype Key
    init(length: Int, capacity: Int)
    /// The key of the n-gram `ids[start ..< start + length]`.
    func key(_ ids: UnsafeBufferPointer<UInt32>, at start: Int) -> Key
    /// Counts one occurrence of the n-gram at `start` (whose key is `key`) in document `doc`.
    mutating func add(_ ids: UnsafeBufferPointer<UInt32>, at start: Int, key: Key, doc: UInt32)
    /// Adds every entry of `other`, which counted other documents.
    mutating func merge(_ other: Self)
    /// Calls `body` with each entry's handle, count and documents.
    func forEachEntry(_ body: (Int, Int, Int) -> Void)
    /// The ids of the entry with this handle.
    func ids(of handle: Int) -> [UInt32]
    /// Number of distinct n-grams.
    var count: Int { get }
    /// Bytes the table holds (its arrays' capacity), for measuring against a memory budget.
    var memoryBytes: Int { get }
}
