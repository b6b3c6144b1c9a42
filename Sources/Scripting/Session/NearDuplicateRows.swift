import Corpus
import LuaBridge

/// The reducing of a map script's `near_duplicates` table (`Lua/mapreduce.lua`): the sketches of
/// every document of every part (`corpus:duplicate_sketches()`), in corpus order, become the
/// near-duplicate pairs `corpus:duplicates` finds on the whole corpus.
enum NearDuplicateRows {
    /// `near(docs, sketches, threshold, measure, table)` → a sequence of rows
    /// `{a, b, similarity, jaccard, containment, contained, estimate, group}`, most similar first;
    /// `group` names the pair's connected group of near-duplicates by its first document. Measures
    /// are rounded to 3 decimals as `corpus:duplicates` rounds them.
    static func function(_ lua: LuaState, cancellation: Cancellation) -> LuaFunction {
        lua.function("near_duplicates") { args in
            let docs = try args.table(1).array
            let texts = try args.table(2).array
            let threshold = try args.number(3)
            let measure = DuplicateMeasure(rawValue: try args.string(4)) ?? .jaccard
            let table = try args.string(5)
            guard docs.count == texts.count else {
                throw LuaRuntimeError("table \(table): every row needs its document and its sketch")
            }
            var sketches: [DuplicateSketch] = []
            sketches.reserveCapacity(texts.count)
            for (doc, text) in zip(docs, texts) {
                let name = doc.stringValue ?? "?"
                guard let value = text.stringValue else {
                    throw LuaRuntimeError("table \(table), document \(name): no sketch (emit corpus:duplicate_sketches() rows)")
                }
                do {
                    sketches.append(try DuplicateSketch(encoded: value))
                } catch let error as DuplicateSketchError {
                    throw LuaRuntimeError("table \(table), document \(name): \(error.description)")
                }
            }
            var options = DuplicateOptions()
            options.threshold = threshold
            options.measure = measure
            options.shingleSize = sketches.first?.shingleSize ?? options.shingleSize
            if let other = sketches.first(where: { $0.shingleSize != options.shingleSize }) {
                throw LuaRuntimeError("table \(table): sketches of \(options.shingleSize)- and \(other.shingleSize)-word shingles cannot be compared")
            }
            let matches: [DuplicateFinder.Match]
            do {
                matches = try DuplicateFinder.duplicates(sketches: sketches, options: options, cancellation: cancellation)
            } catch let limit as WorkLimit {
                // A time limit or an interrupt ends the chunk as Lua's own would; memory is a plain error.
                if limit.luaLimit != nil { throw limit }
                throw LuaRuntimeError(limit.description)
            }
            let groups = DuplicateFinder.groups(matches, count: sketches.count)
            func rounded(_ x: Double) -> LuaValue { .number((x * 1000).rounded() / 1000) }
            let rows = matches.map { m -> LuaValue in
                .record(["a": docs[m.a], "b": docs[m.b], "similarity": rounded(m.similarity), "jaccard": rounded(m.jaccard),
                         "containment": rounded(m.containment), "contained": m.contained.map { docs[$0] } ?? .nil,
                         "estimate": rounded(m.estimate), "group": groups[m.a].map { docs[$0] } ?? .nil])
            }
            return [.table(LuaTable(array: rows))]
        }
    }
}
