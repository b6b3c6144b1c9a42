import Foundation
import Testing
@testable import Corpus

/// The filter that lets the claims' statements and the conflict search skip sentences stating no
/// fact must never skip one that states a fact, and must read the same inner names as
/// `FactContext.innerNames` does from strings.
@Suite struct CompareFactSentenceFilterTests {
    /// Every sentence of `corpus`: the filter lets through each one `FactExtractor` finds a fact
    /// in, and its inner capitalised words are those `FactContext.innerNames` reads. Returns how
    /// many sentences the filter skipped.
    static func check(_ corpus: Corpus) -> (sentences: Int, skipped: Int) {
        let lexicon = corpus.index.lexicon
        let filter = FactSentenceFilter(lexicon: lexicon)
        var sentences = 0
        var skipped = 0
        for doc in corpus.documents {
            let reading = filter.read(doc)
            #expect(reading.aligned)
            #expect(reading.mayStateFact.count == doc.sentenceCount)
            for s in 0..<min(doc.sentenceCount, reading.mayStateFact.count) {
                sentences += 1
                let tokens = SentenceTokens(doc.sentenceText(s))
                let facts = FactExtractor.facts(tokens)
                if !reading.mayStateFact[s] {
                    skipped += 1
                    #expect(facts.isEmpty, "\(doc.id) sentence \(s) states \(facts.map(\.text)) but was skipped")
                }
                let inner = Set(reading.inner(s).map { lexicon.term(Int($0)) })
                #expect(inner == FactContext.innerNames([tokens]), "\(doc.id) sentence \(s)")
            }
        }
        return (sentences, skipped)
    }

    @Test func theSeedsLoseNoFact() throws {
        let (sentences, skipped) = Self.check(try CompareFixtures.seedCorpus())
        #expect(sentences > 50)
        // The filter is worth having: a good share of news sentences state nothing checkable.
        #expect(skipped > 0)
    }

    @Test func everyKindOfFactGetsThrough() {
        let texts = [
            ("a", "The talks resumed on Tuesday in Geneva."),
            ("b", "Officials met in March and again this weekend."),
            ("c", "A two-day strike closed the port; a 5-year plan followed."),
            ("d", "Seven miners were rescued, and a dozen more are missing."),
            ("e", "Foreign Minister Émile Durand arrived late."),
            ("f", "Prices rose 4.5% after the storm."),
            ("g", "Nothing here may matter to anyone at all."),
            ("h", "Żaneta Ólafsdóttir said she would return."),
        ]
        let corpus = CompareFixtures.corpus(texts)
        let (sentences, skipped) = Self.check(corpus)
        #expect(sentences == texts.count)
        // "g" ("may" in lower case is no month) and "h" (names only) state no fact.
        #expect(skipped == 2)
    }

    /// The shared filter is built once per lexicon and does not keep a corpus that is gone alive.
    @Test func theSharedFilterHoldsItsLexiconWeakly() {
        weak var gone: Lexicon?
        do {
            let corpus = CompareFixtures.corpus([("a", "The plant employs 1,200 people, the company said on Monday.")])
            let lexicon = corpus.index.lexicon
            let first = FactSentenceFilter.shared(for: lexicon)
            let again = FactSentenceFilter.shared(for: lexicon)
            #expect(first.triggers == again.triggers)
            #expect(again.lexicon === lexicon)
            gone = lexicon
        }
        #expect(gone == nil, "the filter's cache keeps the last lexicon alive")
        // A new lexicon gets its own filter.
        let other = CompareFixtures.corpus([("b", "Nothing to see here.")]).index.lexicon
        #expect(FactSentenceFilter.shared(for: other).triggers.count == other.count)
    }
}
