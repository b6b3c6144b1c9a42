import Foundation
import Testing
@testable import Corpus

/// Boolean search on the seeds, checked against plain scanning of the documents' texts.
@Suite struct SearchTests {
    typealias F = SearchFixtures

    func hitIDs(_ corpus: Corpus, _ query: String) throws -> [String] {
        try Search.search(corpus, query, limit: 1000).map(\.document.id)
    }

    @Test func phraseFindsExactlyTheDocumentsHoldingIt() throws {
        let corpus = try F.seeds()
        let hits = try Search.search(corpus, "\"spy balloon\"", limit: 100)
        let expected = F.ids(corpus) { F.contains($0.text, "spy balloon") }
        #expect(expected.count == 4)  // 003 has "balloon" and "spy", never together
        #expect(Set(hits.map(\.document.id)) == Set(expected))
        #expect(hits.count == expected.count)
        // Best first, and each score is BM25 of the phrase's own frequency and df.
        let average = Double(corpus.documents.reduce(0) { $0 + $1.wordCount }) / Double(corpus.count)
        for (a, b) in zip(hits, hits.dropFirst()) { #expect(a.score >= b.score) }
        for hit in hits {
            let tf = F.occurrences(of: "spy balloon", in: hit.document.text).count
            let want = F.bm25(tf: tf, length: hit.document.wordCount, averageLength: average, df: expected.count, documents: corpus.count)
            #expect(abs(hit.score - want) < 1e-9, "\(hit.document.id)")
            // Matches are the phrase's byte ranges; the snippet marks it.
            #expect(hit.matches.map { hit.document.substring($0).lowercased() } == Array(repeating: "spy balloon", count: tf))
            #expect(hit.matches.map(\.lowerBound) == F.occurrences(of: "spy balloon", in: hit.document.text))
            #expect(hit.snippet.lowercased().contains("«spy balloon»"), "\(hit.snippet)")
        }
        // Curly quotes mean the same.
        #expect(try hitIDs(corpus, "“spy balloon”") == hits.map(\.document.id))
    }

    @Test func andNeedsEveryTerm() throws {
        let corpus = try F.seeds()
        let expected = F.ids(corpus) { F.contains($0.text, "fentanyl") && F.contains($0.text, "precursors") }
        #expect(!expected.isEmpty && expected.count < corpus.count)
        #expect(Set(try hitIDs(corpus, "fentanyl AND precursors")) == Set(expected))
        #expect(Set(try hitIDs(corpus, "fentanyl precursors")) == Set(expected))
        #expect(Set(try hitIDs(corpus, "Fentanyl PRECURSORS")) == Set(expected))
        // Three terms, one of them rare: still exact.
        let three = F.ids(corpus) { F.contains($0.text, "fentanyl") && F.contains($0.text, "taiwan") && F.contains($0.text, "beijing") }
        #expect(Set(try hitIDs(corpus, "Beijing fentanyl Taiwan")) == Set(three))
    }

    @Test func orNotAndParentheses() throws {
        let corpus = try F.seeds()
        let has = { (word: String) in { (d: Document) in F.contains(d.text, word) } }
        let fentanyl = has("fentanyl"), qin = has("qin"), bali = has("bali"), climate = has("climate")
        // Non-trivial sets, or the checks below prove little.
        for test in [fentanyl, qin, bali, climate] {
            let n = corpus.documents.filter(test).count
            #expect(n > 0 && n < corpus.count)
        }
        #expect(Set(try hitIDs(corpus, "fentanyl OR Bali")) == Set(F.ids(corpus) { fentanyl($0) || bali($0) }))
        #expect(Set(try hitIDs(corpus, "climate NOT fentanyl")) == Set(F.ids(corpus) { climate($0) && !fentanyl($0) }))
        #expect(Set(try hitIDs(corpus, "climate -fentanyl")) == Set(F.ids(corpus) { climate($0) && !fentanyl($0) }))
        #expect(Set(try hitIDs(corpus, "-fentanyl")) == Set(F.ids(corpus) { !fentanyl($0) }))
        #expect(Set(try hitIDs(corpus, "(fentanyl OR Qin) -Bali")) == Set(F.ids(corpus) { (fentanyl($0) || qin($0)) && !bali($0) }))
        #expect(Set(try hitIDs(corpus, "climate (Qin OR Bali)")) == Set(F.ids(corpus) { climate($0) && (qin($0) || bali($0)) }))
        #expect(Set(try hitIDs(corpus, "climate OR NOT Qin")) == Set(F.ids(corpus) { climate($0) || !qin($0) }))
        #expect(Set(try hitIDs(corpus, "-(fentanyl OR Qin)")) == Set(F.ids(corpus) { !(fentanyl($0) || qin($0)) }))
        #expect(Set(try hitIDs(corpus, "-\"spy balloon\"")) == Set(F.ids(corpus) { !F.contains($0.text, "spy balloon") }))
        // A document without positive terms scores 0: documents come in corpus order.
        let negative = try Search.search(corpus, "-fentanyl", limit: 10)
        #expect(negative.allSatisfy { $0.score == 0 })
        #expect(negative.map(\.document.index) == negative.map(\.document.index).sorted())
        // Words the corpus never has.
        #expect(try hitIDs(corpus, "zeppelin").isEmpty)
        #expect(try hitIDs(corpus, "zeppelin OR fentanyl") == (try hitIDs(corpus, "fentanyl")))
        #expect(try hitIDs(corpus, "\"spy zeppelin\"").isEmpty)
    }

    @Test func prefixesExpand() throws {
        let corpus = try F.seeds()
        let words = { (d: Document) in Tokenizer.words(in: d.text).map { $0.lowercased() } }
        let expected = F.ids(corpus) { words($0).contains { $0.hasPrefix("diplomat") } }
        #expect(!expected.isEmpty && expected.count < corpus.count)
        let hits = try Search.search(corpus, "diplomat*", limit: 10)
        #expect(Set(hits.map(\.document.id)) == Set(expected))
        for hit in hits {
            let want = words(hit.document).filter { $0.hasPrefix("diplomat") }
            #expect(hit.matches.map { hit.document.substring($0).lowercased() } == want)
        }
        #expect(try hitIDs(corpus, "zzyzx*").isEmpty)
    }

    @Test func titleField() throws {
        let corpus = try F.seeds()
        let titled = { (word: String) in F.ids(corpus) { F.contains($0.title ?? "", word) } }
        let beijing = titled("beijing")
        #expect(!beijing.isEmpty && beijing.count < corpus.count)
        #expect(Set(try hitIDs(corpus, "title:Beijing")) == Set(beijing))
        #expect(Set(try hitIDs(corpus, "title:beij*")) == Set(beijing))
        #expect(Set(try hitIDs(corpus, "-title:beijing")) == Set(corpus.documents.map(\.id)).subtracting(beijing))
        let fraught = titled("ease fraught")
        #expect(fraught.count == 1)
        #expect(try hitIDs(corpus, "title:\"ease fraught\"") == fraught)
        #expect(try hitIDs(corpus, "title:\"fraught ease\"").isEmpty)
        // Combined with text terms, and with OR.
        let both = F.ids(corpus) { F.contains($0.title ?? "", "beijing") && F.contains($0.text, "balloon") }
        #expect(Set(try hitIDs(corpus, "balloon title:beijing")) == Set(both))
        let either = F.ids(corpus) { F.contains($0.title ?? "", "beijing") || F.contains($0.text, "fentanyl") }
        #expect(Set(try hitIDs(corpus, "title:beijing OR fentanyl")) == Set(either))
        // The standard fields read the source cleaning found; a caller can supply another.
        let guardian = corpus.documents.filter { $0.source?.lowercased().contains("guardian") == true }.map(\.id)
        #expect(try hitIDs(corpus, "source:guardian") == guardian)
        let fields = SearchFields(title: { $0.title }, source: { $0.id.hasPrefix("004") ? "The Guardian" : "Other Outlet" })
        #expect(try Search.search(corpus, "source:guardian", fields: fields).map { $0.document.id.prefix(3) } == ["004"])
        #expect(try Search.search(corpus, "Taiwan -source:\"the guardian\"", limit: 10, fields: fields).count == corpus.count - 1)
    }

    @Test func titleMatchingFoldsCaseAndTypography() throws {
        let corpus = CorpusLoader.corpus(texts: [
            ("a", "ÜBER Spy-Balloon Talks\n\nBody."),
            ("b", "China’s “Balloon” Row\n\nBody."),
            ("c", "BALLOONS OVER BEIJING\n\nBody."),
            ("d", "No headline words here\n\nballoon"),
        ])
        func ids(_ q: String) throws -> [String] { try Search.documents(corpus, q).map(\.id) }
        #expect(try ids("title:über") == ["a"])
        #expect(try ids("title:spy-balloon") == ["a"])
        #expect(try ids("title:balloon") == ["b"])
        #expect(try ids("title:balloon*") == ["b", "c"])
        #expect(try ids("title:\"china's\"") == ["b"])
        #expect(try ids("title:\"over beijing\"") == ["c"])
        #expect(try ids("title:\"beijing over\"") == [])
    }

    @Test func phrasesDoNotCrossPunctuation() throws {
        let corpus = F.corpus([
            "Officials tracked the spy balloon for days.",
            "He was no spy, balloon experts said.",
            "They caught a spy. Balloon pilots were questioned.",
            "A Spy\nBalloon drifted east.",
        ])
        #expect(Set(try hitIDs(corpus, "\"spy balloon\"")) == ["a", "d"])
        #expect(try hitIDs(corpus, "\"spy, balloon\"") == ["b"])
        #expect(Set(try hitIDs(corpus, "spy balloon")) == ["a", "b", "c", "d"])
        // A word the tokenizer splits is a phrase of its tokens.
        let clitics = F.corpus(["China’s position.", "China's position.", "China and its position.", "China ’s position."])
        #expect(Set(try hitIDs(clitics, "China's")) == ["a", "b"])
        #expect(Set(try hitIDs(clitics, "China’s")) == ["a", "b"])
    }

    @Test func subCorpusOnlyReturnsItsMembers() throws {
        let corpus = try F.seeds()
        let sub = corpus.filter { !$0.id.hasPrefix("002") && !$0.id.hasPrefix("004") }
        #expect(sub.count == corpus.count - 2)
        let inSub = Set(sub.documents.map(\.id))
        let all = try Search.search(corpus, "\"spy balloon\" OR Taiwan", limit: 100)
        let some = try Search.search(sub, "\"spy balloon\" OR Taiwan", limit: 100)
        #expect(Set(some.map(\.document.id)) == Set(all.map(\.document.id)).intersection(inSub))
        // Scores use the whole index's statistics: the same document scores the same.
        for hit in some {
            #expect(all.first { $0.document === hit.document }?.score == hit.score)
        }
        #expect(try Search.documents(sub, "balloon").allSatisfy { sub.contains($0) })
        #expect(try Search.documents(sub, "-balloon").allSatisfy { sub.contains($0) })
        #expect(try Search.documents(sub, "title:Beijing").allSatisfy { sub.contains($0) })
        #expect(try Search.kwic(sub, "Taiwan").allSatisfy { sub.contains($0.document) })
        // Sub-corpus of a sub-corpus.
        let subsub = sub.filter { $0.id.hasPrefix("001") }
        #expect(try hitIDs(subsub, "Taiwan").map { $0.prefix(3) } == ["001"])
    }

    @Test func limitKeepsTheBest() throws {
        let corpus = try F.seeds()
        let full = try Search.search(corpus, "Taiwan OR China", limit: 100)
        #expect(full.count == corpus.count)
        for n in 0...corpus.count {
            let top = try Search.search(corpus, "Taiwan OR China", limit: n)
            #expect(top.map(\.document.id) == Array(full.prefix(n)).map(\.document.id))
        }
    }

    @Test func snippetsAreShortAndMarked() throws {
        let corpus = try F.seeds()
        for hit in try Search.search(corpus, "Taiwan fentanyl", limit: 10) {
            #expect(hit.snippet.count <= Snippet.maxCharacters + 2)
            #expect(hit.snippet.contains("«"))
            #expect(!hit.snippet.contains("\n"))
            // The marked words are query words.
            let marked = hit.snippet.split(separator: "«").dropFirst().compactMap { $0.split(separator: "»").first }.map { $0.lowercased() }
            #expect(!marked.isEmpty && marked.allSatisfy { $0 == "taiwan" || $0 == "fentanyl" }, "\(hit.snippet)")
        }
        // The sentence with both terms wins over the first sentence with one.
        let doc = F.corpus(["Taiwan came up first. Then fentanyl. Later Taiwan and fentanyl were discussed together."])
        let hit = try #require(try Search.search(doc, "Taiwan fentanyl").first)
        #expect(hit.snippet == "Later «Taiwan» and «fentanyl» were discussed together.")
        // A long sentence is cut around the match, on word boundaries.
        let long = (1...100).map { "word\($0)" }.joined(separator: " ")
        let cut = try #require(try Search.search(F.corpus([long + "."]), "word40").first)
        #expect(cut.snippet.hasPrefix("…") && cut.snippet.hasSuffix("…"))
        #expect(cut.snippet.contains("«word40»"))
        let inner = cut.snippet.dropFirst().dropLast()
        #expect(inner.split(separator: " ").allSatisfy { $0.hasPrefix("word") || $0.hasPrefix("«word") }, "\(cut.snippet)")
    }

    @Test func oddQueriesAndTextsDoNotCrash() throws {
        let corpus = F.corpus(["", "\r\n\r\n", "é\u{301} 🇺🇳 \u{0} word", String(repeating: "x ", count: 10000) + "needle"])
        #expect(try hitIDs(corpus, "needle") == ["d"])
        #expect(try hitIDs(corpus, "word") == ["c"])
        #expect(try hitIDs(corpus, "🇺🇳") == ["c"])
        let left = try #require(try Search.kwic(corpus, "needle").first?.left)
        #expect(left.hasSuffix("x x x") && left.count >= 39 && left.count <= 40, "\(left)")
        #expect(throws: QueryError.self) { try Search.search(corpus, "") }
        #expect(throws: QueryError.self) { try Search.kwic(corpus, "(a") }
        #expect(try Search.search(corpus, "needle", limit: 0).isEmpty)
        #expect(try Search.search(corpus, "needle", limit: -3).isEmpty)
    }
}
