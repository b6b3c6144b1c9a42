/// One shared reading of a corpus's fact sentences, for the claims' statements
/// (`ClaimStatements`), the conflict search (`ConflictSearch`) and the conflicts of each claim
/// (`ConflictFinder`), which otherwise each read the same sentences again as strings.
///
/// Per sentence of the corpus (numbered document by document) it keeps, in flat columns: which
/// reading states its facts (-1: none), the term id of its first word and the term ids of the
/// words it capitalises inside (what decides the "known name" rule of `FactContext`, whichever
/// sentences are read together). The readings (`FactReading`) are made once per distinct
/// sentence text: wire copy repeated across outlets, or one archive loaded twice, is read once.
///
/// Only documents whose tokens and term ids line up (every indexed document) are kept; the
/// callers read the others as strings, as before. Built on first use and kept in the corpus's
/// `annotations` until the conflicts have been found.
final class FactSentences: @unchecked Sendable {
    /// Per document of the corpus: whether its sentences are kept here.
    let aligned: [Bool]
    /// Per document: its first sentence's number, and the total at the end.
    let sentenceStarts: [Int32]
    /// Per sentence: its reading in `readings`, or -1 when it states no fact.
    let readingOf: [Int32]
    /// Per sentence: the term id of its first word, or -1.
    let firstTerms: [Int32]
    /// Per sentence: where its inner capitalised terms start in `innerTerms`.
    let innerStarts: [Int32]
    /// The term ids of the words each sentence capitalises after its first word.
    let innerTerms: [UInt32]
    /// The distinct readings, each with facts.
    let readings: [FactReading]
    /// How many sentences had their text read (those `FactSentenceFilter` lets through).
    let textsRead: Int

    /// The store of `corpus`, built on first use.
    ///
    /// `parts`: what each document contributes, read before by a caller that tokenised every
    /// document anyway (`SentenceVectors`), so the documents are not tokenised again.
    static func of(_ corpus: Corpus, parts: [Part]? = nil, cancellation: Cancellation) throws(WorkLimit) -> FactSentences {
        try corpus.annotations.value(FactSentences.self) { () throws(WorkLimit) in
            try FactSentences(documents: corpus.documents, lexicon: corpus.index.lexicon, parts: parts,
                              cancellation: cancellation)
        }
    }

    /// Whether the store of `corpus` is built.
    static func isBuilt(for corpus: Corpus) -> Bool {
        corpus.annotations.peek(String(reflecting: FactSentences.self), as: FactSentences.self) != nil
    }

    /// Drops the store of `corpus` (its conflicts are found: it is no longer needed).
    static func release(_ corpus: Corpus) {
        corpus.annotations.reset(FactSentences.self)
    }

    /// What one document contributes.
    struct Part: Sendable {
        var aligned = false
        var firstTerms: [Int32] = []
        var innerCounts: [Int32] = []
        var innerTerms: [UInt32] = []
        /// The sentences that may state a fact, with their text's hash.
        var texts: [(sentence: Int32, hash: Int)] = []
    }

    /// What `doc` contributes, from the filter's reading of it and its text's UTF-8 `bytes`.
    static func part(of doc: Document, reading: FactSentenceFilter.Reading, lexicon: Lexicon,
                     bytes: UnsafeBufferPointer<UInt8>) -> Part {
        let layout = doc.layout
        let count = layout.sentenceCount
        var part = Part()
        guard reading.aligned, reading.mayStateFact.count == count, doc.lexicon === lexicon else { return part }
        part.aligned = true
        part.firstTerms = reading.firstTerms
        part.innerTerms = reading.innerTerms
        part.innerCounts = (0..<count).map { Int32(reading.innerStarts[$0 + 1] - reading.innerStarts[$0]) }
        for s in 0..<count where reading.mayStateFact[s] {
            // The text's bytes hashed (texts are told apart byte for byte, `sameText`).
            let range = layout.sentenceBytes(s)
            let lower = max(0, min(range.lowerBound, bytes.count))
            let upper = max(lower, min(range.upperBound, bytes.count))
            var hasher = Hasher()
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[lower..<upper])))
            part.texts.append((Int32(s), hasher.finalize()))
        }
        return part
    }

    /// What `doc` contributes, tokenising it.
    static func part(of doc: Document, filter: FactSentenceFilter, lexicon: Lexicon) -> Part {
        let spans = doc.tokenSpans()
        var text = doc.text
        return text.withUTF8 { bytes in
            part(of: doc, reading: filter.read(doc, spans: spans, bytes: bytes), lexicon: lexicon, bytes: bytes)
        }
    }

    /// Reads `documents` (see the type's comment); `parts`, when given (one per document), are
    /// what each contributes, read before.
    init(documents: [Document], lexicon: Lexicon, parts given: [Part]? = nil, cancellation: Cancellation) throws(WorkLimit) {
        let parts: [Part]
        if let given, given.count == documents.count {
            parts = given
        } else {
            let filter = FactSentenceFilter.shared(for: lexicon)
            parts = try Parallel.map(documents.count, chunk: 8, cancellation: cancellation) { d throws(WorkLimit) -> Part in
                Self.part(of: documents[d], filter: filter, lexicon: lexicon)
            }
        }
        try cancellation.check()
        // Number the distinct texts: by hash, each hit checked on the texts' bytes.
        var byHash: [Int: Int32] = [:]
        var collided: [Int: [Int32]] = [:]
        var distinct: [(document: Int32, sentence: Int32)] = []
        var textOf: [[Int32]] = []
        textOf.reserveCapacity(parts.count)
        var read = 0
        for (d, part) in parts.enumerated() {
            var ids: [Int32] = []
            ids.reserveCapacity(part.texts.count)
            for (s, hash) in part.texts {
                let here = (document: Int32(d), sentence: s)
                func same(_ id: Int32) -> Bool {
                    let there = distinct[Int(id)]
                    return Self.sameText(documents[d], Int(s), documents[Int(there.document)], Int(there.sentence))
                }
                if let id = byHash[hash], same(id) {
                    ids.append(id)
                } else if let id = collided[hash]?.first(where: same) {
                    ids.append(id)
                } else {
                    let id = Int32(distinct.count)
                    if byHash[hash] == nil { byHash[hash] = id } else { collided[hash, default: []].append(id) }
                    distinct.append(here)
                    ids.append(id)
                }
            }
            read += part.texts.count
            textOf.append(ids)
            if d % 4096 == 0 { try cancellation.check() }
        }
        byHash = [:]
        collided = [:]
        // Read each distinct text once.
        let texts = distinct
        let found = try Parallel.map(texts.count, chunk: 64, cancellation: cancellation) { t throws(WorkLimit) -> FactReading? in
            let tokens = SentenceTokens(documents[Int(texts[t].document)].sentenceText(Int(texts[t].sentence)))
            let facts = FactExtractor.facts(tokens)
            return facts.isEmpty ? nil : FactReading(tokens, facts: facts)
        }
        distinct = []
        var readingOfText = [Int32](repeating: -1, count: found.count)
        var readings: [FactReading] = []
        for (t, reading) in found.enumerated() {
            guard let reading else { continue }
            readingOfText[t] = Int32(readings.count)
            readings.append(reading)
        }
        // Lay the columns out per sentence.
        var aligned: [Bool] = []
        var starts: [Int32] = [0]
        var readingOf: [Int32] = []
        var firstTerms: [Int32] = []
        var innerStarts: [Int32] = [0]
        var innerTerms: [UInt32] = []
        aligned.reserveCapacity(parts.count)
        for (d, part) in parts.enumerated() {
            aligned.append(part.aligned)
            let base = readingOf.count
            readingOf.append(contentsOf: repeatElement(-1, count: part.firstTerms.count))
            for (k, entry) in part.texts.enumerated() { readingOf[base + Int(entry.sentence)] = readingOfText[Int(textOf[d][k])] }
            firstTerms.append(contentsOf: part.firstTerms)
            for n in part.innerCounts { innerStarts.append((innerStarts.last ?? 0) + n) }
            innerTerms.append(contentsOf: part.innerTerms)
            starts.append(Int32(readingOf.count))
        }
        self.aligned = aligned
        sentenceStarts = starts
        self.readingOf = readingOf
        self.firstTerms = firstTerms
        self.innerStarts = innerStarts
        self.innerTerms = innerTerms
        self.readings = readings
        textsRead = read
    }

    /// Whether sentence `s` of `a` and sentence `t` of `b` have the same text, byte for byte.
    static func sameText(_ a: Document, _ s: Int, _ b: Document, _ t: Int) -> Bool {
        let x = a.sentenceBytes(s)
        let y = b.sentenceBytes(t)
        guard x.count == y.count else { return false }
        let u = a.text.utf8
        let v = b.text.utf8
        let xs = u.index(u.startIndex, offsetBy: x.lowerBound)
        let ys = v.index(v.startIndex, offsetBy: y.lowerBound)
        return u[xs..<u.index(xs, offsetBy: x.count)].elementsEqual(v[ys..<v.index(ys, offsetBy: y.count)])
    }

    /// The number of sentence `s` of document `d` (a position in the corpus's documents), or nil
    /// when the document is not kept or has no such sentence.
    func id(document d: Int, sentence s: Int) -> Int? {
        guard d >= 0, d < aligned.count, aligned[d], s >= 0 else { return nil }
        let id = Int(sentenceStarts[d]) + s
        return id < Int(sentenceStarts[d + 1]) ? id : nil
    }

    /// The reading of sentence `id`, nil when it states no fact.
    func reading(_ id: Int) -> FactReading? {
        let r = readingOf[id]
        return r < 0 ? nil : readings[Int(r)]
    }

    /// The words sentence `id` capitalises inside, as term ids.
    func inner(_ id: Int) -> ArraySlice<UInt32> { innerTerms[Int(innerStarts[id])..<Int(innerStarts[id + 1])] }

    /// Whether sentence `id`'s first word is among `known` (term ids of words capitalised inside
    /// the sentences read with it).
    func firstKnown(_ id: Int, in known: Set<UInt32>) -> Bool {
        let t = firstTerms[id]
        return t >= 0 && known.contains(UInt32(t))
    }
}
