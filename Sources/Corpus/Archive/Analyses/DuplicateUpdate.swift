import Foundation

/// What an archive keeps of each document to find near-duplicates among documents added later
/// without signing the archived ones again (sections 7–10 of the `dupl` file): its LSH band keys
/// and its place in the archive (batch and position), by which a later write finds which
/// documents are the same ones, which were removed and which are new.
struct DuplicateKeys: Sendable {
    /// `bands` keys per document, in corpus order (the low 32 bits of `DuplicateFinder.bandKey`).
    var keys: [UInt32]
    /// 1 when the document has a signature (some shingles), else 0 (it is in no bucket).
    var signed: [UInt8]
    /// Each document's place: batch (an index into `batchNames`) << 32 | position in the batch.
    var addresses: [UInt64]
    /// The batches, named by their text file (unique in an archive's life: a compacted archive's
    /// batch has a new name, so nothing stored before it is taken for one of its documents).
    var batchNames: [String]

    var documents: Int { addresses.count }
    var bands: Int { addresses.isEmpty ? 0 : keys.count / addresses.count }

    /// The band keys of one document's signature (zeros for an empty one).
    static func keys(_ signature: [UInt32], options: DuplicateOptions) -> [UInt32] {
        let (bands, rows) = DuplicateUpdate.shape(options)
        return (0..<bands).map { band in
            signature.count >= (band + 1) * rows
                ? UInt32(truncatingIfNeeded: DuplicateFinder.bandKey(signature, band: band, rows: rows)) : 0
        }
    }

    /// The keys of documents with these signatures, at these places.
    init(signatures: [[UInt32]], places: ArchivePlaces, options: DuplicateOptions) {
        keys = signatures.flatMap { Self.keys($0, options: options) }
        signed = signatures.map { $0.isEmpty ? 0 : 1 }
        addresses = places.addresses
        batchNames = places.batchNames
    }

    init(keys: [UInt32], signed: [UInt8], addresses: [UInt64], batchNames: [String]) {
        self.keys = keys
        self.signed = signed
        self.addresses = addresses
        self.batchNames = batchNames
    }
}

/// Where each document of an opened archive is stored: its batch (named by the batch's text
/// file) and position, in corpus order (deleted documents left out, as `StoredArchive.live`).
struct ArchivePlaces: Sendable {
    var addresses: [UInt64]
    var batchNames: [String]

    init(_ stored: StoredArchive) {
        batchNames = stored.manifest.batches.map { $0.files["text"] ?? "" }
        addresses = []
        addresses.reserveCapacity(stored.manifest.liveDocuments)
        for (b, batch) in stored.manifest.batches.enumerated() {
            for i in 0..<batch.documents where stored.deletions[b]?.contains(i) != true {
                addresses.append(UInt64(b) << 32 | UInt64(i))
            }
        }
    }

    /// "batch name/position" of each document, to match places across manifests.
    func names() -> [String] {
        addresses.map { "\(batchNames[Int($0 >> 32)])/\($0 & 0xFFFF_FFFF)" }
    }
}

/// Brings an archive's stored near-duplicate pairs up to date after documents were added,
/// replaced or removed (`dossier index --add`, `--remove` on an annotated archive), with the
/// default options, giving exactly the pairs `DuplicateFinder` finds on the whole archive:
///
/// - a pair of two documents that were archived already is kept (its measures and passages
///   depend on the two documents only), renumbered, unless one of them was removed;
/// - only the added documents are signed (their shingles read and their band keys made), and
///   their candidates are the documents sharing a band key with them, the archived ones by
///   their stored keys; a candidate is checked against the full 64-bit keys of both signatures
///   (the stored keys are 32 bits), then measured as `DuplicateFinder` measures it.
///
/// Where this could differ from computing all pairs, it is not used (nil: compute them all):
/// when the stored file has no keys, the options are not the defaults, or an LSH bucket of the
/// old or the new documents is larger than `maxBucket` (`DuplicateFinder` then keeps only its
/// first documents, which an addition or removal can change).
enum DuplicateUpdate {
    static func shape(_ options: DuplicateOptions) -> (bands: Int, rows: Int) {
        let slots = max(1, options.hashes)
        let bands = max(1, min(slots, options.bands))
        return (bands, slots / bands)
    }

    typealias StoredPair = DuplicateFile.StoredPair

    /// The stored pairs and keys of `file`; nil when it has no keys, they do not fit together,
    /// or its pairs are damaged (`DuplicateFile.pairs` throws `corrupted`).
    static func stored(_ file: StorageFileReader) throws(ArchiveError) -> (pairs: [StoredPair], keys: DuplicateKeys)? {
        guard file.sectionCount >= 11 else { return nil }
        let decoded: (documents: Int, pairs: [StoredPair])
        do throws(ArchiveError) {
            decoded = try DuplicateFile.pairs(file, documents: nil)
        } catch {
            if case .corrupted = error { return nil }
            throw error
        }
        let (documents, pairs) = decoded
        var strings = try StringColumn(file)
        let keys = try file.column(7, of: UInt32.self)
        let signed = try file.column(8, of: UInt8.self)
        let addresses = try file.column(9, of: UInt64.self)
        let batchIDs = try file.column(10, of: UInt32.self)
        let (bands, _) = shape(DuplicateOptions())
        guard keys.count == bands * documents, signed.count == documents, addresses.count == documents else { return nil }
        var names: [String] = []
        for id in batchIDs {
            guard let name = strings.string(id) else { return nil }
            names.append(name)
        }
        let addressList = addresses.arrayCopy
        guard addressList.allSatisfy({ Int($0 >> 32) < names.count }) else { return nil }
        return (pairs, DuplicateKeys(keys: keys.arrayCopy, signed: signed.arrayCopy, addresses: addressList, batchNames: names))
    }

    /// The pairs of `corpus` (the archive's documents now, at `places`) from the `previous`
    /// file's pairs and keys, with the keys to store with them; nil when the update would not be
    /// exact (then compute them all).
    static func update(_ corpus: Corpus, places: ArchivePlaces, previous: (pairs: [StoredPair], keys: DuplicateKeys),
                       cancellation: Cancellation) throws -> (pairs: [DuplicatePair], keys: DuplicateKeys)? {
        let options = DuplicateOptions()
        let (oldPairs, old) = previous
        let (bands, rows) = shape(options)
        guard old.bands == bands || old.documents == 0 else { return nil }
        let docs = corpus.documents
        let k = max(1, options.shingleSize)
        // Which current document each stored one is (by batch and position), and which are new.
        let match = PlaceMatch(now: places, before: old)
        let (fromOld, toNew, added) = (match.fromOld, match.toNew, match.added)
        // The added documents' signatures and keys (the per-document work: only theirs).
        let slots = max(1, options.hashes)
        let newcomers = added
        let addedSignatures = try Parallel.map(newcomers.count, cancellation: cancellation) { i throws(WorkLimit) -> [UInt32] in
            MinHashSignature.signature(Shingles.set(docs[newcomers[i]], size: k), count: slots)
        }
        var keys = [UInt32](repeating: 0, count: bands * docs.count)
        var signed = [UInt8](repeating: 0, count: docs.count)
        for (p, o) in fromOld.enumerated() where o >= 0 {
            keys.replaceSubrange(bands * p..<bands * (p + 1), with: old.keys[bands * o..<bands * (o + 1)])
            signed[p] = old.signed[o]
        }
        for (i, p) in added.enumerated() {
            keys.replaceSubrange(bands * p..<bands * (p + 1), with: DuplicateKeys.keys(addedSignatures[i], options: options))
            signed[p] = addedSignatures[i].isEmpty ? 0 : 1
        }
        // Buckets: an over-full one, among the old documents or the new, leaves the update (the
        // pairs a capped bucket gives depend on which documents it holds).
        var isAdded = [Bool](repeating: false, count: docs.count)
        for p in added { isAdded[p] = true }
        let limit = options.maxBucket ?? Int.max
        var candidates = Set<UInt64>()
        var column: [UInt64] = []
        column.reserveCapacity(max(old.documents, docs.count))
        for band in 0..<bands {
            try cancellation.check()
            column.removeAll(keepingCapacity: true)
            for o in 0..<old.documents where old.signed[o] != 0 { column.append(UInt64(old.keys[bands * o + band]) << 32) }
            column.sort()
            var start = 0
            while start < column.count {
                var end = start + 1
                while end < column.count && column[end] == column[start] { end += 1 }
                if end - start > limit { return nil }
                start = end
            }
            column.removeAll(keepingCapacity: true)
            for p in 0..<docs.count where signed[p] != 0 { column.append(UInt64(keys[bands * p + band]) << 32 | UInt64(p)) }
            column.sort()
            start = 0
            while start < column.count {
                var end = start + 1
                while end < column.count && column[end] >> 32 == column[start] >> 32 { end += 1 }
                if end - start > limit { return nil }
                if end - start > 1, column[start..<end].contains(where: { isAdded[Int($0 & 0xFFFF_FFFF)] }) {
                    for x in start..<(end - 1) {
                        for y in (x + 1)..<end {
                            let (a, b) = (Int(column[x] & 0xFFFF_FFFF), Int(column[y] & 0xFFFF_FFFF))
                            if isAdded[a] || isAdded[b] { candidates.insert(UInt64(a) << 32 | UInt64(b)) }
                        }
                    }
                }
                start = end
            }
        }
        // The candidates' signatures (the archived ones among them signed again) and shingle sets.
        var involved = Set<Int>()
        for pair in candidates {
            involved.insert(Int(pair >> 32))
            involved.insert(Int(pair & 0xFFFF_FFFF))
        }
        let order = involved.sorted()
        let sets = try Parallel.map(order.count, cancellation: cancellation) { i throws(WorkLimit) -> [UInt32] in
            Shingles.set(docs[order[i]], size: k)
        }
        var setOf: [Int: [UInt32]] = [:]
        var signatureOf: [Int: [UInt32]] = [:]
        for (i, d) in order.enumerated() {
            setOf[d] = sets[i]
            signatureOf[d] = MinHashSignature.signature(sets[i], count: slots)
        }
        let floor = options.threshold - 0.2
        var matches: [DuplicateFinder.Match] = []
        for pair in candidates.sorted() {
            let a = Int(pair >> 32), b = Int(pair & 0xFFFF_FFFF)
            guard let sa = signatureOf[a], let sb = signatureOf[b], sa.count == slots, sb.count == slots,
                  let setA = setOf[a], let setB = setOf[b] else { continue }
            // A true candidate shares a band's full key (the stored keys are its low half).
            guard (0..<bands).contains(where: {
                DuplicateFinder.bandKey(sa, band: $0, rows: rows) == DuplicateFinder.bandKey(sb, band: $0, rows: rows)
            }) else { continue }
            var equal = 0
            for i in 0..<slots where sa[i] == sb[i] { equal += 1 }
            let estimate = Double(equal) / Double(slots)
            guard estimate >= floor else { continue }
            let overlap = Shingles.overlap(setA[...], setB[...])
            guard overlap.jaccard >= options.threshold else { continue }
            matches.append(DuplicateFinder.Match(a: a, b: b, similarity: overlap.jaccard, jaccard: overlap.jaccard,
                                                 containment: overlap.containment,
                                                 contained: setA.count == setB.count ? nil : (setA.count < setB.count ? a : b),
                                                 estimate: estimate))
        }
        var pairs: [DuplicatePair] = []
        for m in matches {
            let passages = options.maxPassages > 0
                ? DuplicateFinder.passages(docs[m.a], sharedWith: setOf[m.b] ?? [], shingleSize: k, limit: options.maxPassages)
                : []
            pairs.append(DuplicatePair(a: docs[m.a], b: docs[m.b], similarity: m.similarity, jaccard: m.jaccard,
                                       containment: m.containment, contained: m.contained.map { docs[$0] },
                                       estimate: m.estimate, passages: passages))
        }
        for p in oldPairs {
            let a = toNew[p.a], b = toNew[p.b]
            guard a >= 0, b >= 0, a < b else { continue }  // a removed document's pairs go
            let contained: Document? = p.contained == 0 ? nil : docs[p.contained == 1 ? a : b]
            pairs.append(DuplicatePair(a: docs[a], b: docs[b], similarity: p.scores[0], jaccard: p.scores[1],
                                       containment: p.scores[2], contained: contained, estimate: p.scores[3],
                                       passages: p.passages))
        }
        pairs.sort {
            $0.similarity != $1.similarity ? $0.similarity > $1.similarity : ($0.a.index, $0.b.index) < ($1.a.index, $1.b.index)
        }
        return (pairs, DuplicateKeys(keys: keys, signed: signed, addresses: places.addresses, batchNames: places.batchNames))
    }
}

extension ArchivePlaces {
    /// "batch name/position" of each document the stored keys know.
    static func names(_ keys: DuplicateKeys) -> [String] {
        keys.addresses.map { "\(keys.batchNames[Int($0 >> 32)])/\($0 & 0xFFFF_FFFF)" }
    }
}

/// Which of an archive's documents now are the ones its stored analyses were computed on (by
/// batch and position, as the near-duplicates file keeps them), and which were added since: what
/// lets a write reuse the per-document results of the documents it did not change.
struct PlaceMatch: Sendable {
    /// Current position -> stored position (-1: added since the analyses were stored).
    var fromOld: [Int]
    /// Stored position -> current position (-1: removed or replaced since).
    var toNew: [Int]
    /// The current positions of the documents added since, ascending.
    var added: [Int]

    init(now places: ArchivePlaces, before old: DuplicateKeys) {
        var oldPlace: [String: Int] = [:]
        let oldNames = ArchivePlaces.names(old)
        oldPlace.reserveCapacity(oldNames.count)
        for (i, name) in oldNames.enumerated() { oldPlace[name] = i }
        fromOld = [Int](repeating: -1, count: places.addresses.count)
        toNew = [Int](repeating: -1, count: old.documents)
        added = []
        for (p, name) in places.names().enumerated() {
            if let o = oldPlace[name] {
                fromOld[p] = o
                toNew[o] = p
            } else {
                added.append(p)
            }
        }
    }
}
