import Foundation
import Testing
@testable import Corpus

@Test func exploreClaims() throws {
    let corpus = try CompareFixtures.seedCorpus()
    var options = ClaimOptions()
    if let t = ProcessInfo.processInfo.environment["T"].flatMap(Double.init) { options.threshold = t }
    if ProcessInfo.processInfo.environment["M"] == "cosine" { options.similarity = .cosine }
    if let t = ProcessInfo.processInfo.environment["NB"].flatMap(Double.init) { options.numberBoost = t }
    let claims = ClaimFinder.claims(in: corpus, options: options)
    for c in claims {
        print("== \(c.sources.count) \(String(format: "%.2f", c.score)) \(c.sources)")
        for s in c.sentences { print("   [\(s.document.id.prefix(3))] \(s.text.prefix(160))") }
    }
}

@Test func exploreLinks() throws {
    let corpus = try CompareFixtures.seedCorpus()
    var options = ClaimOptions()
    if let t = ProcessInfo.processInfo.environment["NB"].flatMap(Double.init) { options.numberBoost = t }
    let table = TermFeatureTable(lexicon: corpus.index.lexicon, normalizer: options.normalizer)
    var v = SentenceVectors(corpus: corpus, table: table, grouping: .source, options: options)
    if ProcessInfo.processInfo.environment["M"] == "cosine" { v.measure = .cosine }
    let want = ProcessInfo.processInfo.environment["GREP"] ?? "spy balloon"
    for s in 0..<v.count {
        let doc = corpus.documents[Int(v.documents[s])]
        let text = doc.sentenceText(Int(v.sentences[s]))
        guard text.contains(want) else { continue }
        print("## [\(doc.id.prefix(3))] \(text.prefix(120))")
        print("   keys: " + v.range(s).map { "\(v.keys[Int(v.features[$0])]):\(String(format: "%.1f", v.weights[$0]))" }.joined(separator: " "))
        var scored: [(Int, Float)] = []
        for o in 0..<v.count where v.groups[o] != v.groups[s] { scored.append((o, v.similarity(s, o))) }
        for (o, c) in scored.sorted(by: { $0.1 > $1.1 }).prefix(4) {
            let d = corpus.documents[Int(v.documents[o])]
            print("   \(String(format: "%.2f", c)) [\(d.id.prefix(3))] \(d.sentenceText(Int(v.sentences[o])).prefix(110))")
        }
    }
}

@Test func exploreConflicts() throws {
    let corpus = try CompareFixtures.seedCorpus()
    var options = ConflictOptions()
    options.includeHedges = true
    for c in ConflictFinder.conflicts(in: corpus, options: options) {
        print("\(c.certain ? "!!" : "~~") [\(c.claimIndex)] \(c.kind) \(c.reason)")
    }
    for doc in corpus.documents {
        for s in 0..<doc.sentenceCount {
            let f = FactExtractor.facts(in: doc, sentence: s)
            if !f.isEmpty { print("F", doc.id.prefix(3), f.map { "\($0.key)=\($0.text)\($0.hedged ? "~" : "")" }) }
        }
    }
}

@Test func exploreBench() throws {
    guard let path = ProcessInfo.processInfo.environment["BENCH"] else { return }
    var t = Date()
    let corpus = try CorpusLoader.load(path: path)
    print("load \(corpus.count) docs: \(Date().timeIntervalSince(t))s")
    if ProcessInfo.processInfo.environment["SKIPCLAIMS"] == nil {
        t = Date()
        let claims = ClaimFinder.claims(in: corpus)
        print("claims: \(claims.count) in \(Date().timeIntervalSince(t))s; ≥3 sources: \(claims.filter { $0.sources.count >= 3 }.count)")
        for c in claims.prefix(5) { print("  \(c.sources.count) \(c.sentences.count) \(c.text.prefix(100))") }
        t = Date()
        let conflicts = ConflictFinder.conflicts(in: claims)
        print("conflicts: \(conflicts.count) in \(Date().timeIntervalSince(t))s")
    }
    if ProcessInfo.processInfo.environment["DUPS"] != nil {
        t = Date()
        var o = DuplicateOptions()
        o.maxPassages = Int(ProcessInfo.processInfo.environment["PASSAGES"] ?? "5") ?? 5
        let d = DuplicateFinder.duplicates(in: corpus, options: o)
        print("duplicates: \(d.count) in \(Date().timeIntervalSince(t))s")
        for p in d.prefix(3) { print("  \(p.a.id) \(p.b.id) \(p.similarity) \(p.estimate) \(p.passages.first?.prefix(80) ?? "")") }
        for p in d.suffix(3) { print("  \(p.a.id) \(p.b.id) \(p.similarity) \(p.estimate) \(p.passages.first?.prefix(80) ?? "")") }
    }
}
