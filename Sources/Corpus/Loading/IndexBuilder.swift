import Foundation

/// Makes a corpus out of analysed segments: one lexicon numbered by frequency, complete with its
/// statistics before anything uses it; the documents with corpus-wide term ids and unique ids;
/// and the index over the segments' postings.
enum IndexBuilder {
    /// A corpus of one segment built in place (texts given directly).
    static func build(single draft: SegmentDraft, location: String) -> Corpus {
        draft.buildPostings()
        let merger = TermMerger(capacity: max(1024, draft.workspace.table.count))
        draft.merge(into: merger, segment: 0)
        return build(drafts: [draft], merger: merger, location: location)
    }

    /// Merges the segments' term tables into the lexicon and makes the documents, with
    /// corpus-wide term ids, and the index. `warnings` (the listing's) go before the readers'.
    static func build(drafts: [SegmentDraft], merger: TermMerger, location: String, warnings: [LoadWarning] = [],
                      rawSource: RawRecordSource? = RecordRawSource(), timer: StageTimer = StageTimer()) -> Corpus {
        // 1. One term table, numbered by frequency (the merger took each segment's terms already).
        let (table, kinds, localToGlobal) = merger.finish(segments: drafts.count)
        timer.lap("number \(table.count) terms by frequency")

        // 2. Where each document starts, the document lengths, and ids made unique.
        var bases: [Int] = []
        var next = 0
        for draft in drafts {
            bases.append(next)
            next += draft.documents.count
        }
        var lengths: [UInt32] = []
        lengths.reserveCapacity(next)
        var tokenCount = 0
        for draft in drafts {
            for d in draft.documents {
                lengths.append(UInt32(d.wordCount))
                tokenCount += d.terms.count
            }
        }
        let renamed = uniqueIDs(drafts)

        // 3. Frequencies and each term's list of segments: the lexicon, complete.
        let statistics = termStatistics(dfs: drafts.map { $0.postings?.df ?? [] }, cfs: drafts.map { $0.postings?.cf ?? [] },
                                        localToGlobal: localToGlobal, termCount: table.count)
        let lexicon = Lexicon(table: table, kinds: kinds, documentFrequency: statistics.df,
                              collectionFrequency: statistics.cf, documentCount: next,
                              termSegmentStart: statistics.segmentStart, segmentRefs: statistics.refs)
        timer.lap("frequencies and term segment lists")

        // 4. Documents with global ids (renumbered in place), in parallel, and the segments.
        let frozenBases = bases
        let built = Parallel.map(drafts.count, chunk: 1) { s -> [Document] in
            let draft = drafts[s]
            let map = localToGlobal[s]
            var documents: [Document] = []
            documents.reserveCapacity(draft.documents.count)
            for i in draft.documents.indices {
                draft.documents[i].terms = draft.documents[i].terms.remapped(map)
                documents.append(draft.documents[i].document(index: frozenBases[s] + i, lexicon: lexicon))
            }
            draft.documents = []
            return documents
        }
        var documents: [Document] = []
        documents.reserveCapacity(next)
        for b in built { documents.append(contentsOf: b) }
        let averageLength = lengths.isEmpty ? 0 : Double(lengths.reduce(0) { $0 + Int($1) }) / Double(lengths.count)
        let frozenLengths = lengths
        let segments = Parallel.map(drafts.count, chunk: 1) { s -> Segment? in
            drafts[s].postings?.segment.assembled(base: frozenBases[s], lengths: frozenLengths, averageLength: averageLength)
        }.compactMap { $0 }
        let index = CorpusIndex(lexicon: lexicon, segments: segments, documentLengths: lengths, tokenCount: tokenCount)
        timer.lap("renumber terms, make documents and segment block maxima")

        // The listing's warnings and the readers', in path order (each file's in its order).
        let allWarnings = (warnings + drafts.flatMap(\.warnings) + renamed).enumerated().sorted { a, b in
            if a.element.path != b.element.path { return a.element.path.utf8.lexicographicallyPrecedes(b.element.path.utf8) }
            return a.offset < b.offset
        }.map(\.element)
        var skipped: [String: Int] = [:]
        for draft in drafts { skipped.merge(draft.skipped, uniquingKeysWith: +) }
        let summary = LoadSummary(documents: documents.count, skipped: skipped)
        return Corpus(documents: documents, warnings: allWarnings, location: location, index: index,
                      summary: summary, rawSource: rawSource)
    }

    /// Gives every document an id of its own: a later document whose id is taken gets `~2`,
    /// `~3`… added, with a warning naming both.
    private static func uniqueIDs(_ drafts: [SegmentDraft]) -> [LoadWarning] {
        var seen: [String: String] = [:]  // id -> path of the document that has it
        var warnings: [LoadWarning] = []
        for draft in drafts {
            seen.reserveCapacity(seen.count + draft.documents.count)
            for i in draft.documents.indices {
                let id = draft.documents[i].id
                guard let first = seen[id] else {
                    seen[id] = draft.documents[i].path
                    continue
                }
                var n = 2
                while seen["\(id)~\(n)"] != nil { n += 1 }
                let unique = "\(id)~\(n)"
                seen[unique] = draft.documents[i].path
                draft.documents[i].id = unique
                let place = draft.documents[i].origin?.place
                warnings.append(LoadWarning(path: draft.documents[i].path, place: place,
                                            message: "duplicate id '\(id)' (also in \(first)); this one is '\(unique)'"))
            }
        }
        return warnings
    }

    /// Document and collection frequencies and each term's segment list, from each segment's
    /// local frequencies (`dfs`, `cfs`) and local-to-global ids, counted into local arrays
    /// through raw buffers: the loops touch every segment's every term. (Also the archive's
    /// `--compact`.)
    static func termStatistics(dfs: [[UInt32]], cfs: [[UInt32]], localToGlobal: [[UInt32]], termCount: Int)
        -> (df: [UInt32], cf: [UInt32], segmentStart: [UInt32], refs: [UInt64]) {
        var documentFrequency = [UInt32](repeating: 0, count: termCount)
        var collectionFrequency = [UInt32](repeating: 0, count: termCount)
        var segmentsPerTerm = [UInt32](repeating: 0, count: termCount + 1)
        documentFrequency.withUnsafeMutableBufferPointer { df in
            collectionFrequency.withUnsafeMutableBufferPointer { cf in
                segmentsPerTerm.withUnsafeMutableBufferPointer { perTerm in
                    for s in dfs.indices {
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
        var refs = [UInt64](repeating: 0, count: Int(segmentsPerTerm[termCount]))
        var fill = segmentsPerTerm
        refs.withUnsafeMutableBufferPointer { refs in
            fill.withUnsafeMutableBufferPointer { fill in
                for s in dfs.indices {
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
        return (documentFrequency, collectionFrequency, segmentsPerTerm, refs)
    }
}
