import Foundation

/// What the searches of one index reuse from one query to the next: parsed queries (by their
/// text), each term's `TermBlocks` (its spans and score bounds under the ranking statistics of
/// the moment) and each prefix's expansion. A short query otherwise pays, on every call, a
/// fixed cost that is the same each time it is asked (lexing and parsing, a span table per
/// term, a scan of the lexicon per prefix); tantivy's benchmark parses its query once too.
///
/// Shared by a corpus and its sub-corpora (it lives on their `CorpusIndex`) and safe from
/// several threads. Bounded: at most `queryCapacity` queries (each at most `longestQuery`
/// bytes), `spanCapacity` spans of term blocks (32 bytes each) and `idCapacity` expanded ids
/// (by default 256 queries, 262,144 spans, 65,536 ids: about 9 MB at most);
/// when one part is full it is emptied and fills again, so a workload of ever-new queries pays
/// what it paid without the cache. The lexicon and the postings never change once built; the
/// ranking statistics do (`CorpusIndex.setRanking`, a part of a split corpus), and term blocks
/// are kept per generation of them: a new generation drops them.
final class SearchCache: @unchecked Sendable {
    static let defaultQueryCapacity = 256
    static let longestQuery = 4096

    let queryCapacity: Int
    let spanCapacity: Int
    let idCapacity: Int

    private let lock = NSLock()
    private var queries: [String: Query] = [:]
    private var blocks: [Int: TermBlocks] = [:]
    private var spans = 0
    /// The generation of ranking statistics `blocks` were made under.
    private var generation = 0
    private var expansions: [String: [Int]] = [:]
    private var ids = 0

    init(queryCapacity: Int = SearchCache.defaultQueryCapacity, spanCapacity: Int = 1 << 18, idCapacity: Int = 1 << 16) {
        self.queryCapacity = queryCapacity
        self.spanCapacity = spanCapacity
        self.idCapacity = idCapacity
    }

    deinit {
        for spare in spares { spare.pointer.deallocate() }
    }

    /// `text` parsed (`Query.parse`), from the cache when it was parsed before. Errors are not
    /// kept: a query that fails is parsed (and fails) again.
    func query(_ text: String) throws(QueryError) -> Query {
        let cacheable = text.utf8.count <= Self.longestQuery
        if cacheable {
            lock.lock()
            let known = queries[text]
            lock.unlock()
            if let known { return known }
        }
        let parsed = try Query.parse(text)
        if cacheable {
            lock.lock()
            if queries.count >= queryCapacity { queries.removeAll(keepingCapacity: true) }
            queries[text] = parsed
            lock.unlock()
        }
        return parsed
    }

    /// Term `id`'s blocks under `ranking`, whose generation is `generation`
    /// (`CorpusIndex.rankingState`), made by `make` when not kept. Blocks of an older
    /// generation are never returned.
    func blocks(term id: Int, generation: Int, make: () -> TermBlocks) -> TermBlocks {
        lock.lock()
        if generation > self.generation {
            blocks.removeAll()
            spans = 0
            self.generation = generation
        }
        let known = generation == self.generation ? blocks[id] : nil
        lock.unlock()
        if let known { return known }
        let made = make()
        lock.lock()
        if generation == self.generation {
            if spans + made.spans.count > spanCapacity {
                blocks.removeAll(keepingCapacity: true)
                spans = 0
            }
            if made.spans.count <= spanCapacity {
                blocks[id] = made
                spans += made.spans.count
            }
        }
        lock.unlock()
        return made
    }

    /// The ids prefix `stem` expands to, made by `make` when not kept.
    func expansion(_ stem: String, make: () -> [Int]) -> [Int] {
        lock.lock()
        let known = expansions[stem]
        lock.unlock()
        if let known { return known }
        let made = make()
        guard stem.utf8.count <= Self.longestQuery else { return made }
        lock.lock()
        if ids + made.count > idCapacity {
            expansions.removeAll(keepingCapacity: true)
            ids = 0
        }
        if made.count <= idCapacity {
            expansions[stem] = made
            ids += made.count
        }
        lock.unlock()
        return made
    }

    // MARK: Ranking storage

    /// Storage of finished rankers (`DisjunctionRanker`), handed to the next ones: a short OR
    /// otherwise allocates and frees a few kilobytes on every query. Each buffer belongs to one
    /// ranker at a time (taken and given back under the lock), so concurrent searches never
    /// share one. At most `spareLimit` buffers of at most `spareBytes` bytes are kept.
    private var spares: [(pointer: UnsafeMutableRawPointer, bytes: Int)] = []
    static let spareLimit = 4
    static let spareBytes = 1 << 16
    static let storageAlignment = 16

    /// A buffer of at least `bytes` bytes (aligned to 16) that the caller owns until it gives it
    /// back (`giveBack`) or frees it; its `capacity` may be larger.
    func takeStorage(bytes: Int) -> (pointer: UnsafeMutableRawPointer, bytes: Int) {
        lock.lock()
        var found: (pointer: UnsafeMutableRawPointer, bytes: Int)?
        if let i = spares.lastIndex(where: { $0.bytes >= bytes }) { found = spares.remove(at: i) }
        lock.unlock()
        if let found { return found }
        return (.allocate(byteCount: bytes, alignment: Self.storageAlignment), bytes)
    }

    /// Takes back a buffer from `takeStorage` for the next ranker, or frees it.
    func giveBack(_ storage: (pointer: UnsafeMutableRawPointer, bytes: Int)) {
        if storage.bytes <= Self.spareBytes {
            lock.lock()
            if spares.count < Self.spareLimit {
                if spares.capacity < Self.spareLimit { spares.reserveCapacity(Self.spareLimit) }
                spares.append(storage)
                lock.unlock()
                return
            }
            lock.unlock()
        }
        storage.pointer.deallocate()
    }

    /// How many spare ranking buffers are kept (for tests).
    var spareCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return spares.count
    }

    /// How many queries, term blocks and expansions are kept (for tests).
    var counts: (queries: Int, blocks: Int, expansions: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (queries.count, blocks.count, expansions.count)
    }
}
