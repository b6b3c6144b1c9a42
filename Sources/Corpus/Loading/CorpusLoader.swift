import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a folder (or one file) of articles, in any format dossier reads, into an indexed `Corpus`.
///
/// The work is split in stages: the files are listed (`DirectoryWalk`: regular files of the
/// formats read, each once, links resolved, with an optional filter on where they lead); a
/// plan (`ReadPlan`) cuts them into segments of about equal bytes (many small files, or byte
/// ranges of one large JSONL or CSV file); each segment is read in parallel: its format's
/// `DocumentReader` turns the bytes into raw records, and each record is cleaned, tokenised
/// and given segment-local term ids (`DocumentBuilder`); the index builder (`IndexBuilder`)
/// then merges the segments into one lexicon and index. A file or record that cannot be read
/// gets a one-line `LoadWarning` naming it, its place and the reason, is counted in the load
/// summary, and does not stop the load.
public enum CorpusLoader {
    /// Loads every corpus file under `path` (recursively unless the options say otherwise, in
    /// name order), or the single file `path`; opens `path` by mapping when it is an archive
    /// (`DossierArchive`). Throws when the path does not exist or holds no
    /// corpus files, or when `options`' cancellation stops the load.
    public static func load(path: String, options: Options = Options(),
                            progress: (@Sendable (Int, Int) -> Void)? = nil) throws(CorpusError) -> Corpus {
        if DossierArchive.isArchive(path) {
            do {
                return try DossierArchive.open(path, storeAnalyses: options.storeAnalyses)
            } catch {
                throw .archive(error)
            }
        }
        MemoryRelease.keepFreedMemory()
        defer { MemoryRelease.trim() }
        let corpus = try load(path: path, segmentSize: nil, options: options, progress: progress)
        // Loading freed many buffers (file contents, per-segment term tables and scratch);
        // the deferred trim hands the memory back so the corpus's footprint is what it keeps.
        return corpus
    }

    /// `load(path:progress:)` with at most `segmentSize` files or ranges per segment and
    /// segments of about `segmentBytes` (tests use small ones).
    static func load(path: String, segmentSize: Int?, segmentBytes: Int? = nil, options: Options = Options(),
                     progress: (@Sendable (Int, Int) -> Void)? = nil) throws(CorpusError) -> Corpus {
        let timer = StageTimer()
        let (files, listingWarnings) = try listFiles(path, options: options)
        let plan = ReadPlan(files: files, segmentBytes: segmentBytes, unitsPerSegment: segmentSize)
        timer.lap("list \(files.count) files, plan \(plan.units.count) reads in \(plan.segments.count) segments")
        let total = plan.units.count
        let counter = Parallel.Counter()
        let merger = TermMerger(capacity: 1 << 16)
        let cancellation = options.cancellation
        let drafts: [SegmentDraft]
        do {
            drafts = try Parallel.map(plan.segments.count, chunk: 1, cancellation: cancellation) { s throws(WorkLimit) -> SegmentDraft in
                let draft = SegmentDraft()
                var ticker = cancellation.every(64)
                let units = plan.segments[s]
                for u in units {
                    try ticker.tick()
                    try read(plan.units[u], of: plan.files, options: options, into: draft)
                }
                draft.buildPostings()
                draft.merge(into: merger, segment: s)
                if let progress { progress(counter.add(units.count), total) }
                return draft
            }
        } catch {
            throw .stopped(error)
        }
        timer.lap("read, clean, tokenise and index \(total) reads in \(plan.segments.count) segments")
        let corpus = IndexBuilder.build(drafts: drafts, merger: merger, location: path,
                                        warnings: listingWarnings + plan.warnings, timer: timer)
        if corpus.count == 0 && corpus.warnings.isEmpty { throw .empty(path: path) }
        return corpus
    }

    /// Reads one file or range with its format's reader and analyses each record into `draft`.
    static func read(_ unit: ReadPlan.Unit, of files: [ReadPlan.File], options: Options,
                     into draft: SegmentDraft) throws(WorkLimit) {
        let file = files[unit.file]
        let limit = options.maxFileBytes
        var stop: WorkLimit?
        let body = { (stored: UnsafeBufferPointer<UInt8>) in
            var decoded: [UInt8] = []
            var format = file.format
            if GzipDecoder.isGzip(UnsafeRawBufferPointer(stored)) && format != .warc {
                do throws(WorkLimit) {
                    let (bytes, problem) = try GzipDecoder(limit: limit, cancellation: options.cancellation)
                        .decompress(UnsafeRawBufferPointer(stored))
                    if let problem {
                        if case .tooLarge = problem.kind {
                            draft.warn(ReaderProblem(message: problem.description + ", skipped", skipped: "too large"), file: file)
                            return
                        }
                        draft.warn(ReaderProblem(message: problem.description), file: file)
                    }
                    decoded = bytes
                } catch {
                    stop = error
                    return
                }
            }
            let compressed = !decoded.isEmpty || (GzipDecoder.isGzip(UnsafeRawBufferPointer(stored)) && format != .warc)
            decoded.withUnsafeBufferPointer { plain in
            let bytes = compressed ? plain : stored
            if format == nil { format = DocumentFormat.sniff(bytes) }
            let format = format ?? .txt
            let input = ReaderInput(bytes: bytes, offset: unit.range?.lowerBound ?? 0, firstLine: unit.firstLine,
                                    header: unit.header, fields: options.fields, format: format,
                                    cancellation: options.cancellation)
            do throws(WorkLimit) {
                // The reader checks the token in its loops and throws: the load stops inside a large file.
                try format.reader.read(input, emit: { record in
                    draft.add(record, file: file, format: format)
                }, warn: { problem in
                    draft.warn(problem, file: file)
                })
            } catch {
                stop = error
            }
            }
        }
        let result = unit.range.map {
            draft.workspace.files.withContents(of: file.location, expected: file.identity, range: $0, limit: limit, body)
        } ?? draft.workspace.files.withContents(of: file.location, expected: file.identity, limit: limit, body)
        if case .failure(let error) = result {
            draft.warn(ReaderProblem(message: error.description + ", skipped", skipped: "unreadable"), file: file)
        }
        if let stop { throw stop }
    }

    /// Builds a corpus from texts (for `dossier.open` on strings, and for tests).
    public static func corpus(texts: [(id: String, text: String)], location: String = "(text)") -> Corpus {
        let draft = SegmentDraft()
        for (id, text) in texts {
            draft.documents.append(DocumentBuilder.prepare(id: id, path: id, text: text, keepRaw: true, workspace: &draft.workspace))
        }
        return IndexBuilder.build(single: draft, location: location)
    }

    /// A one-document corpus whose body is `text` exactly as given: no cleaning, no title split
    /// off (for analysing a string on its own: `dossier.entities(text)` and the like).
    public static func corpus(freeText text: String, id: String = "text") -> Corpus {
        let draft = SegmentDraft()
        var body = text
        let cleaned = CleanedText(title: nil, text: text, boilerplate: [], dateline: nil, source: nil, date: nil)
        draft.documents.append(DocumentBuilder.analyse(id: id, path: id, cleaned: cleaned, text: &body, raw: text,
                                                       workspace: &draft.workspace))
        return IndexBuilder.build(single: draft, location: "(text)")
    }
}
