import Foundation

/// The analyses an archive stores (`dossier index --annotate`), attached to the corpus opened
/// from it: the entity index, the quotations, the dates, the claims and conflicts, each read
/// back into the types the analyses build (`EntityIndex`, `Quote`, `CorpusDates`, `Claim`,
/// `Conflict`), so everything that uses them works unchanged. The claims and near-duplicate pairs
/// stay in their mapped columns (`StoredClaims`, `StoredDuplicates`): one is decoded when it is
/// asked for, so the scripting bindings hand them over without building them all first.
///
/// Their files are mapped and their headers checked when the archive is opened (so a reader keeps
/// them while a writer replaces them); a file is read in full, against its checksum, only when
/// its analysis is first asked for. One that fails the check is not served: the analysis is
/// computed, as for an archive without it, and a warning says which file is damaged. Only the
/// results of the default options are stored; a corpus asked with other options (another
/// gazetteer, other attribution verbs, other claim settings) computes them.
final class SavedAnalyses: @unchecked Sendable {
    /// The analyses, in the order they are written, and their files' kinds.
    static let parts = ["entities", "quotes", "dates", "claims", "duplicates"]
    static let kinds = ["entities": EntityFile.kind, "quotes": QuoteFile.kind, "dates": DateFile.kind, "claims": ClaimFile.kind,
                        "duplicates": DuplicateFile.kind]
    /// The layout version of each analysis file this dossier writes and reads (1 when not listed).
    static let versions = ["dates": DateFile.version]

    /// The version of `part` this dossier writes.
    static func version(_ part: String) -> Int { versions[part] ?? 1 }
    /// The key it is kept under in the root corpus's annotations.
    static let key = "archive.analyses"

    private let files: [String: StorageFileReader]
    private let lock = NSLock()
    private var claimsAndConflicts: (claims: StoredClaims, conflicts: [Conflict])??
    private var decodedClaims: [Claim]?
    private var duplicatePairs: StoredDuplicates??

    /// Maps the analysis files the manifest names, checking their headers.
    init(folder: String, analyses: ArchiveManifest.Analyses, verify: Bool) throws(ArchiveError) {
        var files: [String: StorageFileReader] = [:]
        for (part, name) in analyses.files {
            guard let kind = Self.kinds[part] else { continue }  // an analysis a newer dossier stores
            // A file of an older or newer layout is not served: its analysis is computed.
            guard analyses.versions?[part] ?? 1 == Self.version(part) else { continue }
            let reader = try StorageFileReader(path: (folder as NSString).appendingPathComponent(name), kind: kind)
            if verify { try reader.verify() }
            files[part] = reader
        }
        self.files = files
    }

    /// The analyses stored.
    var stored: [String] { Self.parts.filter { files[$0] != nil } }

    /// Reads one analysis file, checksum first; nil (with a warning) when it is damaged.
    private func decode<T>(_ part: String, _ body: (StorageFileReader) throws(ArchiveError) -> T) -> T? {
        guard let file = files[part] else { return nil }
        do throws(ArchiveError) {
            try file.verify()
            return try body(file)
        } catch {
            FileHandle.standardError.write(Data("dossier: \(error.description); computing the \(part) instead\n".utf8))
            return nil
        }
    }

    /// Reads every stored analysis in full, throwing the first problem (`archive verify`).
    func check(documents: [Document]) throws(ArchiveError) {
        for part in stored {
            guard let file = files[part] else { continue }
            try file.verify()
            switch part {
            case "entities": _ = try EntityFile.read(file, documents: documents, gazetteer: .standard)
            case "quotes": _ = try QuoteFile.read(file, documents: documents)
            case "dates": _ = try DateFile.read(file, documents: documents)
            case "duplicates": _ = Array(try DuplicateFile.read(file, documents: documents))
            default: _ = Array(try ClaimFile.read(file, documents: documents).claims)
            }
        }
    }

    func entityIndex(documents: [Document], gazetteer: Gazetteer) -> EntityIndex? {
        decode("entities") { file throws(ArchiveError) in try EntityFile.read(file, documents: documents, gazetteer: gazetteer) }
    }

    func quotes(documents: [Document]) -> [Int: [Quote]]? {
        decode("quotes") { file throws(ArchiveError) in try QuoteFile.read(file, documents: documents) }
    }

    func dates(documents: [Document]) -> CorpusDates? {
        decode("dates") { file throws(ArchiveError) in try DateFile.read(file, documents: documents) }
    }

    /// The near-duplicate pairs with the default options (checked once, kept in their columns).
    func duplicates(documents: [Document]) -> StoredDuplicates? {
        lock.lock()
        defer { lock.unlock() }
        if let known = duplicatePairs { return known }
        let read = decode("duplicates") { file throws(ArchiveError) in try DuplicateFile.read(file, documents: documents) }
        duplicatePairs = .some(read)
        return read
    }

    /// The claims by source with the default options (checked once, kept in their records), and
    /// their conflicts with the default options (read once, kept).
    func claims(documents: [Document]) -> (claims: StoredClaims, conflicts: [Conflict])? {
        lock.lock()
        defer { lock.unlock() }
        if let known = claimsAndConflicts { return known }
        let read = decode("claims") { file throws(ArchiveError) in try ClaimFile.read(file, documents: documents) }
        claimsAndConflicts = .some(read)
        return read
    }

    /// The stored claims decoded, for callers that want them all as an array (`ClaimFinder`;
    /// decoded once, kept).
    func decodedClaims(documents: [Document]) -> [Claim]? {
        guard let stored = claims(documents: documents) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if let decodedClaims { return decodedClaims }
        let all = Array(stored.claims)
        decodedClaims = all
        return all
    }
}

extension Corpus {
    /// The analyses stored in the archive this corpus (or its root) was opened from, if any.
    var savedAnalyses: SavedAnalyses? { root.annotations.peek(SavedAnalyses.key, as: SavedAnalyses.self) }

    /// The stored claims, when they answer this question: the whole archive, by source, with the
    /// default options.
    func savedClaims(by grouping: GroupingKey, options: ClaimOptions) -> [Claim]? {
        guard parent == nil, case .source = grouping, options.isDefault, let saved = savedAnalyses else { return nil }
        return saved.decodedClaims(documents: documents)
    }

    /// The claims `ClaimFinder.claims(in:by:options:)` gives, when this corpus is an annotated
    /// archive that stores them (the whole archive, by source, the default options), left in
    /// their records: each is decoded when asked for. Nil otherwise (compute them).
    public func storedClaims(by grouping: GroupingKey, options: ClaimOptions) -> StoredClaims? {
        guard parent == nil, case .source = grouping, options.isDefault, let saved = savedAnalyses else { return nil }
        return saved.claims(documents: documents)?.claims
    }

    /// The near-duplicate pairs `DuplicateFinder.duplicates(in:options:)` gives, when this corpus
    /// is an annotated archive that stores them (the whole archive, the default options), left in
    /// their columns: each is decoded when asked for. Nil otherwise (compute them).
    public func storedDuplicates(options: DuplicateOptions) -> StoredDuplicates? {
        guard parent == nil, options.isDefault, let saved = savedAnalyses else { return nil }
        return saved.duplicates(documents: documents)
    }

    /// The stored near-duplicates, when they answer this question: the whole archive, the default
    /// options.
    func savedDuplicates(options: DuplicateOptions) -> [DuplicatePair]? {
        storedDuplicates(options: options).map(Array.init)
    }

    /// The conflicts `ConflictFinder.conflicts(in:claims:by:options:)` gives for the stored
    /// claims (`storedClaims(by:options:)` with `claimOptions`), when the archive stores them:
    /// the whole archive, by source, the default options. Nil otherwise (compute them).
    public func storedConflicts(by grouping: GroupingKey, claimOptions: ClaimOptions, options: ConflictOptions) -> [Conflict]? {
        guard storedClaims(by: grouping, options: claimOptions) != nil, options.isDefault else { return nil }
        return savedAnalyses?.claims(documents: documents)?.conflicts
    }

    /// The stored conflicts, when they answer this question: the whole archive, by source, the
    /// default options, and `claims` the stored claims.
    func savedConflicts(claims: [Claim], by grouping: GroupingKey, options: ConflictOptions) -> [Conflict]? {
        guard parent == nil, case .source = grouping, options.isDefault, let saved = savedAnalyses,
              let stored = saved.claims(documents: documents), Claim.same(stored.claims, claims) else { return nil }
        return stored.conflicts
    }
}

extension ClaimOptions {
    /// Whether these are the default options (the only claims an archive stores).
    var isDefault: Bool {
        let d = ClaimOptions()
        return threshold == d.threshold && attachRatio == d.attachRatio && minSources == d.minSources
            && similarity == d.similarity && minFeatures == d.minFeatures && maxCandidateFrequency == d.maxCandidateFrequency
            && maxLinksPerSentence == d.maxLinksPerSentence && nameBoost == d.nameBoost && numberBoost == d.numberBoost
            && extraFeatures == nil && extraBoost == d.extraBoost && normalizer.stopwords == d.normalizer.stopwords
            && normalizer.paraphrases == d.normalizer.paraphrases
    }
}

extension ConflictOptions {
    /// Whether these are the default options (the only conflicts an archive stores).
    var isDefault: Bool {
        let d = ConflictOptions()
        return includeHedges == d.includeHedges && kinds == d.kinds && extraFacts == nil
    }
}

extension Claim {
    /// Whether two lists hold the same claims (texts, sources, scores, sentences).
    static func same(_ a: some Collection<Claim>, _ b: some Collection<Claim>) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            guard x.text == y.text, x.sources == y.sources, x.score == y.score, x.central == y.central,
                  x.sentences.count == y.sentences.count else { return false }
            for (s, t) in zip(x.sentences, y.sentences) where s.document.index != t.document.index || s.sentence != t.sentence {
                return false
            }
        }
        return true
    }
}
