import Foundation
import Testing
@testable import Corpus

/// The shared reading of a corpus's fact sentences (`FactSentences`, `FactReading`) must say what
/// reading each sentence as strings says (`FactExtractor`, `FactContext`), once per distinct text,
/// and the conflicts found from it must be those found from strings.
@Suite struct CompareFactSentencesTests {
    /// Stories with repeated wire copy, a one-word name opening a sentence that another sentence
    /// capitalises inside ("Tessaly"), and outlets disagreeing on a day and a count.
    static let texts: [(String, String)] = [
        ("a", "Harlan Corp offered 42 dlrs a share for Tessaly on Tuesday. Tessaly said it would study the offer. "
            + "A total of 14 yachts have now retired from the race."),
        ("b", "Harlan Corp offered 44 dlrs a share for Tessaly on Wednesday. Tessaly said it would study the offer. "
            + "Seven yachts have been forced to retire from the race."),
        ("c", "Harlan Corp offered 42 dlrs a share for Tessaly on Tuesday. Tessaly said it would study the offer. "
            + "A total of 14 yachts have now retired from the race."),
        ("d", "Tessaly rejected the bid in March. Foreign Minister Qin Gang met Antony Blinken in Beijing on June 18."),
        ("e", "Foreign Minister Qin Gang met Anthony Blinken in Beijing on June 19. Tessaly rejected the bid in March."),
    ]

    static func corpora() throws -> [Corpus] {
        [try CompareFixtures.seedCorpus(), CompareFixtures.corpus(texts)]
    }

    @Test func readingsEqualTheStringReading() throws {
        for corpus in try Self.corpora() {
            let store = try FactSentences(documents: corpus.documents, lexicon: corpus.index.lexicon, cancellation: .none)
            var read = 0
            for (d, doc) in corpus.documents.enumerated() {
                #expect(store.aligned[d])
                for s in 0..<doc.sentenceCount {
                    let id = try #require(store.id(document: d, sentence: s))
                    let tokens = SentenceTokens(doc.sentenceText(s))
                    let facts = FactExtractor.facts(tokens)
                    guard let reading = store.reading(id) else {
                        #expect(facts.isEmpty, "\(doc.id) sentence \(s)")
                        continue
                    }
                    read += 1
                    #expect(reading.facts == facts)
                    let first = tokens.firstWord
                    for known in [false, true] {
                        let context = FactContext(tokens, known: known && first >= 0 ? [tokens.norms[first]] : [])
                        let subject = reading.subject(firstKnown: known)
                        #expect(subject.actor == context.actor && subject.nameWords == context.nameWords,
                                "\(doc.id) sentence \(s), first word known: \(known)")
                        let side = reading.side(firstKnown: known)
                        #expect(side.runningTotals == facts.map { context.isRunningTotal($0) })
                        for (k, fact) in facts.enumerated() {
                            let w = context.attribute(of: fact)
                            let v = side.attributes[k]
                            #expect(w.words == v.words && w.names == v.names && w.places == v.places
                                    && w.nearest == v.nearest && w.inKey == v.inKey)
                        }
                    }
                    // The first word's term id and the inner terms say what strings say.
                    let inner = Set(store.inner(id).map { corpus.index.lexicon.term(Int($0)) })
                    #expect(inner == FactContext.innerNames([tokens]))
                    if first >= 0 {
                        #expect(store.firstTerms[id] >= 0 && corpus.index.lexicon.term(Int(store.firstTerms[id])) == tokens.norms[first])
                    }
                }
            }
            #expect(read > 0)
        }
    }

    @Test func aRepeatedTextIsReadOnce() {
        let corpus = CompareFixtures.corpus(Self.texts)
        let store = try? FactSentences(documents: corpus.documents, lexicon: corpus.index.lexicon, cancellation: .none)
        guard let store else { Issue.record("no store"); return }
        // Documents a and c are the same story: their sentences share readings.
        for s in 0..<3 {
            #expect(store.readingOf[s] == store.readingOf[Int(store.sentenceStarts[2]) + s])
        }
        var texts = Set<String>()
        for doc in corpus.documents {
            for s in 0..<doc.sentenceCount where !FactExtractor.facts(in: doc, sentence: s).isEmpty { texts.insert(doc.sentenceText(s)) }
        }
        #expect(store.readings.count == texts.count)
        #expect(store.textsRead > texts.count)
    }

    /// A conflict as the tests compare them.
    static func describe(_ c: Conflict) -> String {
        "\(c.kind) \(c.key) \(c.values) \(c.certain) \(c.reason) "
            + c.sentences.map { "\($0.document.id):\($0.sentence)" }.joined(separator: ",") + " \(c.claimIndex ?? -1)"
    }

    @Test func claimConflictsFromTheSharedReadingEqualThoseFromStrings() throws {
        var found = 0
        for corpus in try Self.corpora() {
            let claims = ClaimFinder.claims(in: corpus)
            let store = try FactSentences(documents: corpus.documents, lexicon: corpus.index.lexicon, cancellation: .none)
            for options in [ConflictOptions(), { var o = ConflictOptions(); o.includeHedges = true; return o }()] {
                let strings = ConflictFinder.conflicts(in: claims, options: options).map(Self.describe)
                let shared = try ConflictFinder.conflicts(in: claims, options: options, shared: (store: store, corpus: corpus),
                                                          cancellation: .none).map(Self.describe)
                #expect(strings == shared)
                found += strings.count
            }
        }
        #expect(found > 0)
    }

    @Test func theConflictSearchFindsTheSameWithPluggedInFacts() throws {
        // With `extraFacts` the search reads every sentence as strings; plugging in no fact
        // must find what the shared reading finds.
        let corpus = CompareFixtures.corpus(Self.texts)
        var plugged = ConflictOptions()
        plugged.extraFacts = { _, _ in [] }
        let shared = try ConflictSearch.conflicts(in: corpus, by: .document, options: ConflictOptions(), cancellation: .none)
        let strings = try ConflictSearch.conflicts(in: corpus, by: .document, options: plugged, cancellation: .none)
        #expect(shared.map(Self.describe) == strings.map(Self.describe))
        #expect(!shared.isEmpty)
    }

    @Test func namesWithoutTokensEqualNamesFromTokens() throws {
        var texts = Self.texts.map(\.1)
        texts += ["Żaneta Ólafsdóttir met ÉMILE Durand and émile in Łódź on Monday.", "", "  ", "Tuesday's talks with Merkel."]
        for doc in try CompareFixtures.seedCorpus().documents {
            for s in 0..<doc.sentenceCount { texts.append(doc.sentenceText(s)) }
        }
        for text in texts {
            #expect(FactExtractor.names(in: text) == FactExtractor.names(SentenceTokens(text)), "\(text)")
        }
    }
}
