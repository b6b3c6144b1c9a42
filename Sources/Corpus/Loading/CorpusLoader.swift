import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a folder (or one file) of .txt articles into an indexed `Corpus`.
///
/// The work is split in stages: the files are listed (`DirectoryWalk`: regular `.txt` files
/// only, each once, links resolved, with an optional filter on where they lead), then read in
/// segments of files analysed in parallel (decode, clean, tokenise, split sentences, local term
/// ids, segment postings); the segments' term tables are then merged into one lexicon. A file
/// that is empty, binary, too large, not a regular file or unreadable gets a one-line
/// `LoadWarning` naming it and the reason, and does not stop the load.
public enum CorpusLoader {
    /// Loads every `.txt` file under `path` (recursively, in name order), or the single file
    /// `path`. Throws when the path does not exist or holds no text files, or when `options`'
    /// cancellation stops the load.
    public static func load(path: String, options: Options = Options(),
                            progress: (@Sendable (Int, Int) -> Void)? = nil) throws(CorpusError) -> Corpus {
        MemoryRelease.keepFreedMemory()
        defer { MemoryRelease.trim() }
        let corpus = try load(path: path, segmentSize: nil, options: options, progress: progress)
        // Loading freed many buffers (file contents, per-segment term tables and scratch);
        // the deferred trim hands the memory back so the corpus's footprint is what it keeps.
        return corpus
    }

    /// `load(path:progress:)` with a chosen number of files per segment (tests use small ones).
    static func load(path: String, segmentSize chosen: Int?, options: Options = Options(),
                     progress: (@Sendable (Int, Int) -> Void)? = nil) throws(CorpusError) -> Corpus {
        let timer = StageTimer()
        let (files, listingWarnings) = try listFiles(path, accepts: options.acceptsPath)
        timer.lap("list \(files.count) files")
        let total = files.count
        let counter = Parallel.Counter()
        let segmentSize = chosen ?? segmentSize(for: files.count)
        let segmentCount = (files.count + segmentSize - 1) / segmentSize
        let merger = TermMerger(capacity: 1 << 16)
        let limit = options.maxFileBytes
        let cancellation = options.cancellation
        let drafts: [SegmentDraft]
        do {
            drafts = try Parallel.map(segmentCount, chunk: 1, cancellation: cancellation) { s throws(WorkLimit) -> SegmentDraft in
                let draft = SegmentDraft()
                var ticker = cancellation.every(64)
                for i in (s * segmentSize)..<min(files.count, (s + 1) * segmentSize) {
                    try ticker.tick()
                    let result = readFile(files[i], limit: limit, workspace: &draft.workspace)
                    if let w = result.warning { draft.warnings.append(w) }
                    if let d = result.document { draft.documents.append(d) }
                }
                draft.buildPostings()
                draft.merge(into: merger, segment: s)
                if let progress { progress(counter.add(min(files.count, (s + 1) * segmentSize) - s * segmentSize), total) }
                return draft
            }
        } catch {
            throw .stopped(error)
        }
        timer.lap("read, clean, tokenise and index \(files.count) files in \(segmentCount) segments")
        return assemble(drafts: drafts, merger: merger, location: path, warnings: listingWarnings, timer: timer)
    }

    /// Builds a corpus from texts (for `dossier.open` on strings, and for tests).
    public static func corpus(texts: [(id: String, text: String)], location: String = "(text)") -> Corpus {
        let draft = SegmentDraft()
        for (id, text) in texts {
            draft.documents.append(DocumentBuilder.prepare(id: id, path: id, text: text, keepRaw: true, workspace: &draft.workspace))
        }
        return assemble(single: draft, location: location)
    }

    /// A one-document corpus whose body is `text` exactly as given: no cleaning, no title split
    /// off (for analysing a string on its own: `dossier.entities(text)` and the like).
    public static func corpus(freeText text: String, id: String = "text") -> Corpus {
        let draft = SegmentDraft()
        var body = text
        let cleaned = CleanedText(title: nil, text: text, boilerplate: [], dateline: nil, source: nil, date: nil)
        draft.documents.append(DocumentBuilder.analyse(id: id, path: id, cleaned: cleaned, text: &body, raw: text,
                                                       workspace: &draft.workspace))
        return assemble(single: draft, location: "(text)")
    }

    /// Files per segment: enough segments to keep every core busy, not so many that merging
    /// their tables costs much.
    static func segmentSize(for files: Int) -> Int {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return max(16, min(4096, files / max(1, cores * 4) + 1))
    }

    /// One segment's documents while the corpus loads: analysed with a segment-local term table,
    /// then given their postings (still with local ids), then renumbered into the lexicon.
    /// Each draft is touched by one thread at a time.
    final class SegmentDraft: @unchecked Sendable {
        var workspace = DocumentBuilder.Workspace()
        var documents: [DocumentBuilder.Prepared] = []
        var warnings: [LoadWarning] = []
        var postings: (segment: Segment, df: [UInt32], cf: [UInt32])?

        /// Builds the segment's postings from the local term ids (base document fixed later).
        func buildPostings() {
            postings = Segment.build(baseDocument: 0, documents: documents.map(\.terms),
                                     localTermCount: workspace.table.count)
        }

        /// Hands the segment's terms to the merger and frees the segment's own table.
        func merge(into merger: TermMerger, segment: Int) {
            merger.add(segment: segment, table: workspace.table, kinds: workspace.kinds,
                       frequencies: postings?.cf ?? [])
            workspace = DocumentBuilder.Workspace(capacity: 16)
        }
    }

    /// Merges the segments' term tables into the lexicon and makes the documents, with
    /// corpus-wide term ids, and the index.
    /// `assemble` for one segment built in place (texts given directly).
    static func assemble(single draft: SegmentDraft, location: String) -> Corpus {
        draft.buildPostings()
        let merger = TermMerger(capacity: max(1024, draft.workspace.table.count))
        draft.merge(into: merger, segment: 0)
        return assemble(drafts: [draft], merger: merger, location: location)
    }

    static func assemble(drafts: [SegmentDraft], merger: TermMerger, location: String, warnings: [LoadWarning] = [],
                         timer: StageTimer = StageTimer()) -> Corpus {
        // 1. One lexicon, numbered by frequency (the merger took each segment's terms already).
        let (table, kinds, localToGlobal) = merger.finish(segments: drafts.count)
        let lexicon = Lexicon(table: table, kinds: kinds)
        timer.lap("number \(lexicon.count) terms by frequency")

        // 2. Documents with global ids (renumbered in place), in parallel.
        var baseList: [Int] = []
        var next = 0
        for draft in drafts {
            baseList.append(next)
            next += draft.documents.count
        }
        let bases: [Int] = baseList
        let maps = localToGlobal
        let built = Parallel.map(drafts.count, chunk: 1) { s -> [Document] in
            let draft = drafts[s]
            let map = maps[s]
            var documents: [Document] = []
            documents.reserveCapacity(draft.documents.count)
            for i in draft.documents.indices {
                draft.documents[i].terms = draft.documents[i].terms.remapped(map)
                documents.append(draft.documents[i].document(index: bases[s] + i, lexicon: lexicon))
            }
            draft.documents = []
            return documents
        }
        timer.lap("renumber terms and make documents")

        // 3. Frequencies and each term's list of segments.
        var documents: [Document] = []
        documents.reserveCapacity(next)
        for b in built { documents.append(contentsOf: b) }
        let lengths = documents.map { UInt32($0.wordCount) }
        let averageLength = lengths.isEmpty ? 0 : Double(lengths.reduce(0) { $0 + Int($1) }) / Double(lengths.count)
        let segments = Parallel.map(drafts.count, chunk: 1) { s -> Segment? in
            drafts[s].postings?.segment.assembled(base: bases[s], lengths: lengths, averageLength: averageLength)
        }.compactMap { $0 }
        let dfs = drafts.compactMap { $0.postings?.df }
        let cfs = drafts.compactMap { $0.postings?.cf }
        timer.lap("segment block maxima")
        // Counted into local arrays through raw buffers: the loops touch every segment's every
        // term, and each access to the lexicon's own arrays would pay exclusivity and
        // uniqueness checks.
        let termCount = lexicon.count
        var documentFrequency = [UInt32](repeating: 0, count: termCount)
        var collectionFrequency = [UInt32](repeating: 0, count: termCount)
        var segmentsPerTerm = [UInt32](repeating: 0, count: termCount + 1)
        documentFrequency.withUnsafeMutableBufferPointer { df in
            collectionFrequency.withUnsafeMutableBufferPointer { cf in
                segmentsPerTerm.withUnsafeMutableBufferPointer { perTerm in
                    for s in segments.indices {
                        localToGlobal[s].withUnsafeBufferPointer { map in
                            dfs[s].withUnsafeBufferPointer { localDF in
                                cfs[s].withUnsafeBufferPointer { localCF in
                                    for l in 0..<min(localDF.count, map.count) {
                                        let g = Int(map[l])
                                        df[g] += localDF[l]
                                        cf[g] += l < localCF.count ? localCF[l] : 0
                                        perTerm[g + 1] += 1
                                    }
                                }
                            }
                        }
                    }
                    for t in 0..<termCount { perTerm[t + 1] += perTerm[t] }
                }
            }
        }
        lexicon.documentFrequency = documentFrequency
        lexicon.collectionFrequency = collectionFrequency
        var refs = [UInt64](repeating: 0, count: Int(segmentsPerTerm[termCount]))
        var fill = segmentsPerTerm
        refs.withUnsafeMutableBufferPointer { refs in
            fill.withUnsafeMutableBufferPointer { fill in
                for s in segments.indices {
                    localToGlobal[s].withUnsafeBufferPointer { map in
                        for l in 0..<min(dfs[s].count, map.count) {
                            let g = Int(map[l])
                            refs[Int(fill[g])] = (UInt64(s) << 32) | UInt64(l)
                            fill[g] += 1
                        }
                    }
                }
            }
        }
        lexicon.termSegmentStart = segmentsPerTerm
        lexicon.segmentRefs = refs

        let tokenCount = documents.reduce(0) { $0 + $1.terms.count }
        let index = CorpusIndex(lexicon: lexicon, segments: segments, documentLengths: lengths, tokenCount: tokenCount)
        timer.lap("frequencies and term segment lists")
        // The listing's warnings and the readers', in path order.
        let allWarnings = (warnings + drafts.flatMap(\.warnings)).sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return Corpus(documents: documents, warnings: allWarnings, location: location, index: index)
    }

    /// One file to read: where it is, what it is shown as, and its document id.
    struct FileEntry: Sendable {
        /// The path as shown (invalid UTF-8 bytes written `\xFF`).
        let path: String
        let id: String
        /// The file the listing found; the reader checks it opens this very file.
        let identity: FileIdentity?
        /// The path's bytes when they are not the UTF-8 of `path` (a name that is not UTF-8).
        let bytes: [UInt8]?

        init(location: [UInt8], id: String, identity: FileIdentity?) {
            path = FileName.display(location)
            self.id = id
            self.identity = identity
            bytes = path.utf8.elementsEqual(location) ? nil : location
        }

        /// The path to open.
        var location: [UInt8] { bytes ?? Array(path.utf8) }
    }

    struct FileResult {
        var document: DocumentBuilder.Prepared?
        var warning: LoadWarning?
    }

    static func readFile(_ file: FileEntry, limit: Int, workspace: inout DocumentBuilder.Workspace) -> FileResult {
        let read = workspace.files.withContents(of: file.location, expected: file.identity, limit: limit) { TextDecoding.decode($0) }
        let outcome: TextDecoding.Outcome
        switch read {
        case .success(let decoded): outcome = decoded
        case .failure(let error): return FileResult(document: nil, warning: LoadWarning(path: file.path, message: error.description + ", skipped"))
        }
        switch outcome {
        case .empty:
            return FileResult(document: nil, warning: LoadWarning(path: file.path, message: "empty file, skipped"))
        case .binary(let reason):
            return FileResult(document: nil, warning: LoadWarning(path: file.path, message: reason))
        case .text(let text, let warning):
            var prepared = DocumentBuilder.prepare(id: file.id, path: file.path, text: text, keepRaw: false, workspace: &workspace)
            prepared.file = LoadedFile(location: file.bytes, identity: file.identity)
            return FileResult(document: prepared, warning: warning.map { LoadWarning(path: file.path, message: $0) })
        }
    }

    /// The .txt files under `path` with their document ids (file name without extension; the
    /// relative path without extension when two files share a name), in byte order of their
    /// paths, and the listing's warnings.
    static func listFiles(_ path: String, accepts: (@Sendable (String) -> Bool)? = nil) throws(CorpusError)
        -> (files: [FileEntry], warnings: [LoadWarning]) {
        let listing = try DirectoryWalk.list(path, accepts: accepts)
        if listing.isSingleFile {
            // One file: its name without extension is the id.
            let files = listing.entries.map { entry in
                let name = (FileName.display(listing.path(of: entry)) as NSString).lastPathComponent
                return FileEntry(location: listing.path(of: entry), id: (name as NSString).deletingPathExtension,
                                 identity: entry.identity)
            }
            return (files, listing.warnings)
        }
        guard !listing.entries.isEmpty || !listing.warnings.isEmpty else { throw .empty(path: path) }
        // Byte order: deterministic and much cheaper than Unicode-aware comparison.
        let entries = sortedByBytes(listing.entries)
        let relative = entries.map { FileName.display($0.relative) }
        // Names are unique within one folder; only files in different folders can share one,
        // and then their ids keep the relative path.
        var nameCounts: [Substring: Int] = [:]
        let nested = entries.contains { $0.relative.contains(UInt8(ascii: "/")) }
        if nested {
            nameCounts.reserveCapacity(relative.count)
            for r in relative { nameCounts[baseName(r), default: 0] += 1 }
        }
        var files: [FileEntry] = []
        files.reserveCapacity(entries.count)
        for (entry, r) in zip(entries, relative) {
            let base = baseName(r)
            let id = nameCounts[base, default: 0] > 1 ? String(Substring(r.utf8.dropLast(4))) : String(base)
            files.append(FileEntry(location: listing.path(of: entry), id: id, identity: entry.identity))
        }
        return (files, listing.warnings)
    }

    /// Listed files in the byte order of their relative paths. The paths are packed into one
    /// buffer first, so the comparisons are plain memcmp calls on it (a big folder needs
    /// millions).
    static func sortedByBytes(_ entries: [DirectoryWalk.Entry]) -> [DirectoryWalk.Entry] {
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        starts.reserveCapacity(entries.count + 1)
        for e in entries {
            bytes.append(contentsOf: e.relative)
            starts.append(bytes.count)
        }
        var order = Array(0..<entries.count)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            starts.withUnsafeBufferPointer { starts in
                order.sort { a, b in
                    ByteOrder.precedes(UnsafeBufferPointer(start: base + starts[a], count: starts[a + 1] - starts[a]),
                                       UnsafeBufferPointer(start: base + starts[b], count: starts[b + 1] - starts[b]))
                }
            }
        }
        return order.map { entries[$0] }
    }

    /// The file name without folders and without its ".txt" ending (by UTF-8 offsets: index
    /// moves over Characters cost a grapheme-break check each).
    private static func baseName(_ relative: String) -> Substring {
        let utf8 = relative.utf8
        let end = utf8.index(utf8.endIndex, offsetBy: -4, limitedBy: utf8.startIndex) ?? utf8.startIndex
        let start = utf8[..<end].lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        return Substring(utf8[start..<end])
    }
}
