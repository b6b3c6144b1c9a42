/// One corpus of a corpus split across machines (issue 14, `dossier map --globals`): the place
/// where the whole corpus's statistics replace the part's own, for every analysis that scores
/// against the whole.
///
/// - search ranking: BM25's N, document frequencies and average length (`CorpusIndex.ranking`);
/// - keyness against the whole (`sub.keyness(against: corpus)`): the whole corpus's counts are
///   the reference's, less the target's;
/// - collocations of the whole (`corpus.collocations`): f(node), f(collocate) and N are the
///   whole corpus's; O, the co-occurrences, are the part's (sum them over the parts);
/// - entity resolution (`setEntityGlobals`).
///
/// A corpus holding every document of its part stands for the whole corpus in these statistics;
/// a narrower sub-corpus is counted from its own documents, as it would be on one machine.
extension Corpus {
    private static let globalsKey = "statistics.globals"
    private static let wholeCountsKey = "statistics.wholeCounts"

    /// The whole corpus's statistics when this corpus is one part of a split corpus, else nil.
    public var globals: CorpusGlobals? {
        root.annotations.peek(Self.globalsKey, as: CorpusGlobals.self)
    }

    /// Makes this (root) corpus one part of a split corpus whose statistics are `globals` (nil:
    /// a corpus of its own again). Search ranks, keyness and collocations score, and entities
    /// resolve from then on against the whole corpus.
    public func setGlobals(_ globals: CorpusGlobals?) {
        let root = self.root
        root.annotations.set(Self.globalsKey, globals)
        root.annotations.set(Self.wholeCountsKey, Optional<WholeCounts>.none)
        if let globals {
            let index = root.index
            let ranking = RankingStatistics(index: index, documentCount: globals.documentCount,
                                            averageLength: globals.wordCount > 0 ? globals.averageLength : index.averageLength,
                                            documentFrequency: { globals.documentFrequency[$0] },
                                            phraseDocumentFrequency: globals.phraseDocumentFrequency)
            index.setRanking(ranking)
        } else {
            root.index.setRanking(nil)
        }
        if globals?.entities != nil || entityGlobals != nil { setEntityGlobals(globals?.entities) }
    }

    /// The counts of the whole corpus this one stands for: its own, or (for a corpus holding every
    /// document of a part of a split corpus) the whole split corpus's, with the words of other
    /// parts that this part's lexicon lacks.
    func wholeCounts() -> WholeCounts {
        guard isWholeIndex, let globals else { return WholeCounts(counts: TermCounts(self), absent: []) }
        return root.annotations.value(Self.wholeCountsKey) { WholeCounts(index: index, globals: globals) }
    }
}

/// A corpus's term counts as statistics against the whole see them (`Corpus.wholeCounts`).
struct WholeCounts: Sendable {
    /// Per term id of the lexicon.
    let counts: TermCounts
    /// Words of the whole corpus the part never has, with their occurrences.
    let absent: [(term: String, count: Int)]

    init(counts: TermCounts, absent: [(term: String, count: Int)]) {
        self.counts = counts
        self.absent = absent
    }

    /// The whole split corpus's counts for the lexicon of `index` (one part): the global
    /// occurrences and documents of every term the first pass counted, the part's own of others.
    init(index: CorpusIndex, globals: CorpusGlobals) {
        let lexicon = index.lexicon
        var counts = lexicon.collectionFrequency
        var documents = lexicon.documentFrequency
        var words = 0
        var numbers = 0
        for id in 0..<lexicon.count {
            let term = lexicon.term(id)
            if let cf = globals.collectionFrequency[term] { counts[id] = UInt32(clamping: cf) }
            if let df = globals.documentFrequency[term] { documents[id] = UInt32(clamping: df) }
            switch lexicon.kinds[id] {
            case .word: words += Int(counts[id])
            case .number: numbers += Int(counts[id])
            case .punct: break
            }
        }
        var absent: [(term: String, count: Int)] = []
        for (term, cf) in globals.collectionFrequency where lexicon.id(of: term) == nil {
            // The first pass counts words only (scripts/globals.lua: frequencies of kind word).
            absent.append((term, cf))
            words += cf
        }
        absent.sort { $0.term < $1.term }
        let wordsAndNumbers = globals.wordCount > 0 ? globals.wordCount : words + numbers
        self.counts = TermCounts(counts: counts, documents: documents, words: words, wordsAndNumbers: wordsAndNumbers)
        self.absent = absent
    }
}
