import Foundation

/// Reads a folder (or one file) of .txt articles into a `Corpus`.
///
/// Files are read and analysed in parallel; a file that is empty, binary or not UTF-8 gets a
/// one-line `LoadWarning` and does not stop the load.
public enum CorpusLoader {
    /// Loads every `.txt` file under `path` (recursively, in name order), or the single file
    /// `path`. Throws when the path does not exist or holds no text files.
    public static func load(path: String, progress: (@Sendable (Int, Int) -> Void)? = nil) throws(CorpusError) -> Corpus {
        let files = try listFiles(path)
        let total = files.count
        let results = Parallel.map(files.count, progress: progress.map { report in { @Sendable done in report(done, total) } }) { i in
            readFile(files[i].path, id: files[i].id)
        }
        var documents: [Document] = []
        var warnings: [LoadWarning] = []
        documents.reserveCapacity(files.count)
        for result in results {
            if let w = result.warning { warnings.append(w) }
            if let prepared = result.document {
                documents.append(prepared.document(index: documents.count))
            }
        }
        return Corpus(documents: documents, warnings: warnings, location: path)
    }

    /// Builds a one-document corpus from text (for `dossier.open` on a string and for tests).
    public static func corpus(texts: [(id: String, text: String)], location: String = "(text)") -> Corpus {
        var documents: [Document] = []
        for (id, text) in texts {
            documents.append(DocumentBuilder.prepare(id: id, path: id, text: text, keepRaw: true).document(index: documents.count))
        }
        return Corpus(documents: documents, location: location)
    }

    struct FileEntry: Sendable {
        let path: String
        let id: String
    }

    struct FileResult: Sendable {
        var document: DocumentBuilder.Prepared?
        var warning: LoadWarning?
    }

    static func readFile(_ path: String, id: String) -> FileResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            return FileResult(document: nil, warning: LoadWarning(path: path, message: "cannot be read, skipped"))
        }
        let outcome = data.withUnsafeBytes { raw in
            TextDecoding.decode(raw.bindMemory(to: UInt8.self))
        }
        switch outcome {
        case .empty:
            return FileResult(document: nil, warning: LoadWarning(path: path, message: "empty file, skipped"))
        case .binary(let reason):
            return FileResult(document: nil, warning: LoadWarning(path: path, message: reason))
        case .text(let text, let warning):
            let prepared = DocumentBuilder.prepare(id: id, path: path, text: text, keepRaw: false)
            return FileResult(document: prepared, warning: warning.map { LoadWarning(path: path, message: $0) })
        }
    }

    /// The .txt files under `path` with their document ids (file name without extension; the
    /// relative path without extension when two files share a name).
    static func listFiles(_ path: String) throws(CorpusError) -> [FileEntry] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path: path) }
        if !isDirectory.boolValue {
            let name = (path as NSString).lastPathComponent
            return [FileEntry(path: path, id: (name as NSString).deletingPathExtension)]
        }
        guard let enumerator = fm.enumerator(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot list the folder")
        }
        var relative: [String] = []
        while let next = enumerator.nextObject() as? String {
            let last = (next as NSString).lastPathComponent
            if last.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            if next.lowercased().hasSuffix(".txt") { relative.append(next) }
        }
        guard !relative.isEmpty else { throw .empty(path: path) }
        relative.sort()
        var nameCounts: [String: Int] = [:]
        for r in relative { nameCounts[baseName(r), default: 0] += 1 }
        return relative.map { r in
            let base = baseName(r)
            let id = nameCounts[base, default: 0] > 1 ? (r as NSString).deletingPathExtension : base
            return FileEntry(path: (path as NSString).appendingPathComponent(r), id: id)
        }
    }

    private static func baseName(_ relative: String) -> String {
        ((relative as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}
