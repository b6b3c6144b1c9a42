import Corpus
import Foundation

/// Reads `--globals FILE`: the reduced rows of the first pass of a two-pass split run
/// (`scripts/globals.lua`), one `{"table": "globals", "docs": N, "tokens": T, "words": W}` row and a
/// `{"table": "df", "term": …, "docs": d, "count": c, "lower": l, "capitalized": k}` row per word
/// (`lower`, `capitalized`: its case counts, the entity evidence of `entity_case`); a
/// `{"table": "phrase_df", "phrase": …, "docs": d}` row per phrase it was asked to count; and the entity evidence
/// (`corpus:entity_evidence()`: tables `entity_case`, `person_key`, `entity_acronym`, `entity_org`,
/// `entity_single`, `entity`, `entity_form`).
public enum GlobalsFile {
    /// The statistics in the file at `path`; an error names the file and line of a bad row.
    public static func read(path: String) throws(ScriptError) -> CorpusGlobals {
        var globals: CorpusGlobals?
        var df: [String: Int] = [:]
        var cf: [String: Int] = [:]
        var entities = EntityGlobals()
        var phrases: [String: Int] = [:]
        do {
            try RowFile.forEachObject(path: path) { row, line in
                switch row["table"] as? String {
                case "globals":
                    guard let docs = row["docs"] as? Int, docs >= 0 else {
                        throw ScriptError.setup("\(path):\(line): the globals row needs \"docs\", a whole number of documents")
                    }
                    globals = CorpusGlobals(documentCount: docs, tokenCount: max(0, row["tokens"] as? Int ?? 0),
                                            wordCount: max(0, row["words"] as? Int ?? 0))
                case "df":
                    guard let term = row["term"] as? String, let docs = row["docs"] as? Int, docs >= 0 else {
                        throw ScriptError.setup("\(path):\(line): a df row needs \"term\" and \"docs\" (a whole number)")
                    }
                    df[term, default: 0] += docs
                    if let count = row["count"] as? Int, count >= 0 { cf[term, default: 0] += count }
                    let (lower, capitalized) = (row["lower"] as? Int ?? 0, row["capitalized"] as? Int ?? 0)
                    if lower > 0 || capitalized > 0 {
                        // The word's case counts ride on its df row (scripts/globals.lua).
                        entities.addCaseCounts(word: term, lower: lower, capitalized: capitalized)
                    }
                case "phrase_df":
                    guard let phrase = row["phrase"] as? String, let docs = row["docs"] as? Int, docs >= 0 else {
                        throw ScriptError.setup("\(path):\(line): a phrase_df row needs \"phrase\" and \"docs\" (a whole number)")
                    }
                    phrases[CorpusGlobals.phraseKey(phrase), default: 0] += docs
                case "entity_case", "person_key", "entity_acronym", "entity_org", "entity_single", "entity", "entity_form":
                    try entities.add(row, path: path, line: line)
                default:
                    break   // other tables of the first pass are for other readers
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
        result.collectionFrequency = cf
        result.phraseDocumentFrequency = phrases
        if !entities.isEmpty { result.entities = entities.joined() }
        return result
    }
}

extension EntityGlobals {
    /// Adds one row of the entity tables of `scripts/globals.lua`; a row missing its fields is an
    /// error naming `path` and `line`.
    mutating func add(_ row: [String: Any], path: String, line: Int) throws(ScriptError) {
        func count(_ name: String) -> Int { max(0, row[name] as? Int ?? 0) }
        func text(_ name: String) throws(ScriptError) -> String {
            guard let value = row[name] as? String else {
                throw .setup("\(path):\(line): a \(row["table"] as? String ?? "") row needs \"\(name)\", a string")
            }
            return value
        }
        switch row["table"] as? String {
        case "entity_case":
            addCaseCounts(word: try text("word"), lower: count("lower"), capitalized: count("capitalized"))
        case "person_key":
            let key = try text("key")
            personKeys[key, default: 0] += count("count")
            if count("sure") > 0 { confirmedKeys.insert(key) }
        case "entity_org":
            let key = try text("key")
            switch try text("as") {
            case "prefix": organizationPrefixes.insert(key)
            case "known": knownNames.insert(key)
            default: organizations.insert(key)
            }
        case "entity_single":
            let word = try text("word")
            let old = singles[word] ?? (0, 0)
            singles[word] = (old.mentions + count("mentions"), old.cued + count("cued"))
        case "entity_acronym":
            let acronym = try text("acronym")
            if acronyms[acronym] == nil { acronyms[acronym] = try text("ref") }
        case "entity":
            let ref = try text("ref")
            var tally = Tally()
            tally.mentions = count("mentions")
            tally.locatives = count("locatives")
            for kind in [EntityKind.organization, .place, .event, .other] where count(kind.rawValue) > 0 {
                tally.votes[kind] = count(kind.rawValue)
            }
            tallies[ref, default: Tally()].add(tally)
        case "entity_form":
            let ref = try text("ref"), form = try text("form")
            var tally = Tally()
            if try text("as") == "surface" { tally.surfaces[form] = count("count") } else { tally.texts[form] = count("count") }
            tallies[ref, default: Tally()].add(tally)
        default:
            break
        }
    }

    /// Adds a part's case counts of `word` (an `entity_case` row, or the `lower` and
    /// `capitalized` columns of its `df` row).
    mutating func addCaseCounts(word: String, lower: Int, capitalized: Int) {
        let old = caseCounts[word] ?? CaseCount(lower: 0, capitalized: 0)
        caseCounts[word] = CaseCount(lower: old.lower + max(0, lower), capitalized: old.capitalized + max(0, capitalized))
    }
}
