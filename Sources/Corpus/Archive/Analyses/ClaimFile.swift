/// The `clai` analysis file: the claims of the whole archive by source with the default options
/// (`corpus:compare()`), and the conflicts found in them (`corpus:conflicts()`), both
/// cross-document, so one file for the archive. Sections: 0 scalars (u64: documents, claims,
/// conflicts); 1–2 one record per claim (`RecordWriter`, blob and u64 offsets): text, sources,
/// score (f64 bits), central, sentences (document, sentence pairs); 3–4 one record per conflict:
/// kind (`Fact.Kind.allCases` order), key, values, claim index + 1 (0: none), its claim (as a
/// claim record), sentences, certain, reason.
///
/// Read back, the claims stay in their mapped records (`StoredClaims`): every record is checked
/// when the file is first used, and a claim is decoded when it is asked for.
enum ClaimFile {
    static let kind = "clai"

    static func write(claims: [Claim], conflicts: [Conflict], documents: Int) -> StorageFileWriter {
        let claimRecords = claims.map { c -> [UInt8] in
            var w = RecordWriter()
            w.claim(c)
            return w.out
        }
        let conflictRecords = conflicts.map { c -> [UInt8] in
            var w = RecordWriter()
            w.int(Fact.Kind.allCases.firstIndex(of: c.kind) ?? 0)
            w.string(c.key)
            w.strings(c.values)
            w.int(c.claimIndex.map { $0 + 1 } ?? 0)
            w.claim(c.claim)
            w.sentences(c.sentences)
            w.flag(c.certain)
            w.string(c.reason)
            return w.out
        }
        var w = StorageFileWriter(kind: kind)
        w.add([UInt64(documents), UInt64(claims.count), UInt64(conflicts.count)])
        for records in [claimRecords, conflictRecords] {
            let store = TextStore(records: records)
            w.add(store.blob)
            w.add(store.offsets)
        }
        return w
    }

    /// The stored claims (left in their records, each checked) and conflicts (decoded: they are few).
    static func read(_ file: StorageFileReader, documents: [Document]) throws(ArchiveError) -> (claims: StoredClaims, conflicts: [Conflict]) {
        let scalars = try file.analysisScalars(0, count: 3, documentsAt: 0, documents: documents.count)
        let claimStore = try TextStore(file, blob: 1, offsets: 2, expectedCount: Int(clamping: scalars[1]))
        let conflictStore = try TextStore(file, blob: 3, offsets: 4, expectedCount: Int(clamping: scalars[2]))
        for i in 0..<claimStore.count {
            let ok = claimStore.withBytes(i) { bytes -> Bool in
                var r = RecordReader(bytes: bytes)
                return r.checkClaim(documents: documents.count) && !r.overrun && r.atEnd
            }
            guard ok else { throw file.corrupted("claim \(i + 1) is damaged") }
        }
        let claims = StoredClaims(store: claimStore, documents: documents)
        var conflicts: [Conflict] = []
        conflicts.reserveCapacity(conflictStore.count)
        for i in 0..<conflictStore.count {
            let conflict = conflictStore.withBytes(i) { bytes -> Conflict? in
                var r = RecordReader(bytes: bytes)
                let kind = r.int()
                let key = r.string(), values = r.strings(), claimIndex = r.int()
                guard kind >= 0, kind < Fact.Kind.allCases.count, claimIndex >= 0, claimIndex <= claims.count,
                      let claim = r.claim(documents), let sentences = r.sentences(documents) else { return nil }
                let certain = r.flag()
                let reason = r.string()
                guard !r.overrun, r.atEnd else { return nil }
                return Conflict(kind: Fact.Kind.allCases[kind], key: key, values: values, claim: claim,
                                claimIndex: claimIndex == 0 ? nil : claimIndex - 1, sentences: sentences,
                                certain: certain, reason: reason)
            }
            guard let conflict else { throw file.corrupted("conflict \(i + 1) is damaged") }
            conflicts.append(conflict)
        }
        return (claims, conflicts)
    }
}

/// An archive's stored claims (`corpus:compare()` by source with the default options), opened:
/// each claim is decoded from its mapped record when it is asked for, so handing 95,000 claims to
/// a script never holds them all as objects. Every record was checked when the file was opened
/// (`ClaimFile.read`), so decoding cannot fail.
public struct StoredClaims: RandomAccessCollection, @unchecked Sendable {
    private let store: TextStore
    private let documents: [Document]

    init(store: TextStore, documents: [Document]) {
        self.store = store
        self.documents = documents
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { store.count }

    /// Claim `i`, decoded from its record.
    public subscript(i: Int) -> Claim {
        store.withBytes(i) { bytes -> Claim in
            var r = RecordReader(bytes: bytes)
            return r.claim(documents) ?? Claim(text: "", sentences: [], sources: [], score: 0, central: 0)
        }
    }
}

extension RecordWriter {
    fileprivate mutating func sentences(_ list: [SentenceReference]) {
        int(list.count)
        for s in list {
            int(s.document.index)
            int(s.sentence)
        }
    }

    fileprivate mutating func claim(_ c: Claim) {
        string(c.text)
        strings(c.sources)
        double(c.score)
        int(c.central)
        sentences(c.sentences)
    }
}

extension RecordReader {
    fileprivate mutating func sentences(_ documents: [Document]) -> [SentenceReference]? {
        var ok = true
        let list = self.list { r -> SentenceReference? in
            let d = r.int(), s = r.int()
            guard d >= 0, d < documents.count, s >= 0, s <= Int(Int32.max) else {
                ok = false
                return nil
            }
            return SentenceReference(document: documents[d], sentence: s)
        }
        guard ok else { return nil }
        return list.compactMap { $0 }
    }

    fileprivate mutating func claim(_ documents: [Document]) -> Claim? {
        let text = string(), sources = strings(), score = double(), central = int()
        guard let sentences = sentences(documents), central >= 0, central < max(1, sentences.count) else { return nil }
        return Claim(text: text, sentences: sentences, sources: sources, score: score, central: central)
    }

    /// Steps over a string (its length checked, its bytes not decoded).
    private mutating func skipString() { offset += count() }

    /// Walks a claim record as `claim(_:)` reads it, building nothing: whether `claim(_:)` will
    /// decode it (sentences within `documents` documents, `central` one of them). The caller
    /// also checks `overrun` and `atEnd`.
    fileprivate mutating func checkClaim(documents: Int) -> Bool {
        skipString()
        let sources = count()
        for _ in 0..<sources where offset < bytes.count { skipString() }
        _ = double()
        let central = int()
        let n = count()
        var decoded = 0
        for _ in 0..<n where offset < bytes.count {
            let d = int(), s = int()
            guard d >= 0, d < documents, s >= 0, s <= Int(Int32.max) else { return false }
            decoded += 1
        }
        return central >= 0 && central < max(1, decoded)
    }
}
