import Corpus
import Foundation

/// Reads `--globals FILE`: the reduced rows of the first pass of a two-pass split run
/// (`scripts/globals.lua`), one `{"table": "globals", "docs": N, "tokens": T}` row and a
/// `{"table": "df", "term": …, "docs": d}` row per term.
public enum GlobalsFile {
    /// The statistics in the file at `path`; an error names the file and line of a bad row.
    public static func read(path: String) throws(ScriptError) -> CorpusGlobals {
        var globals: CorpusGlobals?
        var df: [String: Int] = [:]
        do {
            try RowFile.forEachObject(path: path) { row, line in
                switch row["table"] as? String {
                case "globals":
                    guard let docs = row["docs"] as? Int, docs >= 0 else {
                        throw ScriptError.setup("\(path):\(line): the globals row needs \"docs\", a whole number of documents")
                    }
                    globals = CorpusGlobals(documentCount: docs, tokenCount: max(0, row["tokens"] as? Int ?? 0))
                case "df":
                    guard let term = row["term"] as? String, let docs = row["docs"] as? Int, docs >= 0 else {
                        throw ScriptError.setup("\(path):\(line): a df row needs \"term\" and \"docs\" (a whole number)")
                    }
                    df[term, default: 0] += docs
                default:
                    break   // other tables of the first pass (entities, …) are for other readers
                }
            }
        } catch let error as ScriptError {
            throw error
        } catch {
            throw .setup("\(path): \(error)")
        }
        guard var result = globals else {
            throw .setup("\(path): no {\"table\": \"globals\", \"docs\": N} row: make the file with scripts/globals.lua (docs/guide.md, \"Beyond one machine\")")
        }
        result.documentFrequency = df
        return result
    }
}
