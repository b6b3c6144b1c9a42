import Corpus
import Foundation
import Harness

// The structured readers (Sources/Corpus/Loading/Readers: JSON lines, JSON arrays, CSV, TSV and
// plain text with a header block) through a whole load, as `--corpus FILE` runs them. The first
// byte picks the format, the rest is the file. Any bytes must load (or be refused with a
// CorpusError, never a crash or a hang), and what loads must be whole: every skipped record
// counted, ids unique and non-empty, each document's raw record readable.
let formats = ["jsonl", "json", "csv", "tsv", "txt"]
let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("dossier-fuzz-records-\(getpid())").path
try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

FuzzTarget.run { bytes in
    guard let first = bytes.first else { return }
    let format = formats[Int(first) % formats.count]
    let path = folder + "/input." + format
    let body = Data(UnsafeBufferPointer(rebasing: bytes.dropFirst()))
    guard FileManager.default.createFile(atPath: path, contents: body) else { return }
    defer { try? FileManager.default.removeItem(atPath: path) }
    let corpus: Corpus
    do {
        corpus = try CorpusLoader.load(path: path)
    } catch {
        if let problem = error as? CorpusError, case .stopped = problem {
            FuzzTarget.require(false, "a load with no limit was stopped: \(problem)")
        }
        return
    }
    FuzzTarget.require(corpus.summary.documents == corpus.count,
                       "the summary counts \(corpus.summary.documents) documents, the corpus holds \(corpus.count)")
    var seen = Set<String>()
    for doc in corpus.documents {
        FuzzTarget.require(!doc.id.isEmpty, "a document with an empty id")
        FuzzTarget.require(seen.insert(doc.id).inserted, "two documents with the id \(doc.id)")
        _ = doc.raw
    }
}
