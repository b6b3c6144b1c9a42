import Corpus
import Foundation
import Harness

// The search query language (Sources/Corpus/Search/Query*.swift): any text parses or throws a
// QueryError; a parsed query runs as a search and a concordance over the seed articles, which
// answer or refuse it with a QueryError (a query over the planner's limits), never anything else.
let seeds = (try? FileManager.default.contentsOfDirectory(atPath: FuzzTarget.repositoryRoot.appendingPathComponent("seeds").path)) ?? []
let texts = seeds.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name -> (id: String, text: String)? in
    let url = FuzzTarget.repositoryRoot.appendingPathComponent("seeds").appendingPathComponent(name)
    return (try? String(contentsOf: url, encoding: .utf8)).map { (id: name, text: $0) }
}
let corpus = CorpusLoader.corpus(texts: texts)

FuzzTarget.run { bytes in
    guard let query = try? Query.parse(FuzzTarget.text(bytes)) else { return }
    _ = query.description
    for hit in (try? Search.search(corpus, query, limit: 5)) ?? [] {
        FuzzTarget.require(hit.document.index < corpus.count, "hit outside the corpus")
        let length = hit.document.text.utf8.count
        for match in hit.matches {
            FuzzTarget.require(match.lowerBound >= 0 && match.upperBound <= length, "match \(match) outside the document")
        }
    }
    _ = try? Search.kwic(corpus, query, width: 30, limit: 20)
}
