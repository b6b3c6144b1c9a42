import Foundation
import Testing
@testable import Corpus

/// The quotation stage is linear in the number of quotes of a paragraph (it was quadratic:
/// 500 attributed quotes in one paragraph took 1.1 s, 4,000 took 44 s). The faster pieces must
/// give exactly what the straightforward versions below (the ones they replaced) give; speed
/// itself is measured in benchmarks, not here.
@Suite struct QuoteLinearityTests {
    /// Paragraphs of sentences with quotes of every sort: attributed and not, several per
    /// sentence, opening paragraphs, running over paragraph ends, short title lines.
    static func text(paragraphs: Int, _ rng: inout SplitMix) -> String {
        let pieces = [
            "“The talks went well,” said Maria Lopez.", "He called it “a good start” and left.",
            "“We will see.”", "“It is early,” she said. “But we are hopeful.”",
            "Officials said the plan was “workable” in parts.", "Ward said: “The broader picture matters.”",
            "The “spy” balloon drifted east.", "“Yes,” he said, “and no.”",
            "According to Qin Gang, “relations are stable.”", "“Unclosed words run on",
        ]
        var out = "Headline\n\n"
        for p in 0..<paragraphs {
            if p % 7 == 3 {
                out += "“A Short Title Line”\n\n"
                continue
            }
            let count = Int.random(in: 1...6, using: &rng)
            out += (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined(separator: " ")
            out += "\n\n"
        }
        return out
    }

    // MARK: - Inheriting a speaker

    /// The walk back that `SpeakerTrail` replaced.
    static func walkedSource(_ i: Int, _ drafts: [QuoteExtractor.Draft], source: QuoteSource) -> Int? {
        let draft = drafts[i]
        let paragraph = draft.span.firstParagraph
        if draft.kind == .partial {
            let sentence = source.sentence(ofByte: draft.span.content.lowerBound)
            var k = i - 1
            while k >= 0 && source.sentence(ofByte: drafts[k].span.content.upperBound) == sentence {
                if drafts[k].speakerText != nil { return k }
                k -= 1
            }
            return nil
        }
        guard draft.kind == .full else { return nil }
        var k = i - 1
        while k >= 0 && drafts[k].span.lastParagraph == paragraph {
            if drafts[k].speakerText != nil && drafts[k].kind != .scare { return k }
            k -= 1
        }
        guard QuoteExtractor.opensParagraph(draft.span, source: source), paragraph > 0 else { return nil }
        while k >= 0 && drafts[k].span.lastParagraph == paragraph - 1 {
            if drafts[k].speakerText != nil && drafts[k].kind == .full { return k }
            k -= 1
        }
        return nil
    }

    @Test func theTrailFindsWhatTheWalkFound() {
        var rng = SplitMix(seed: 12)
        var compared = 0
        var found = 0
        for round in 0..<20 {
            let text = Self.text(paragraphs: 30, &rng)
            QuoteSource.withSource(text) { source in
                let spans = QuoteSpanFinder.spans(in: source)
                var drafts = spans.map { span in
                    QuoteExtractor.Draft(span: span, kind: .full, attribution: nil, speakerText: nil, speakerKind: nil,
                                         verb: nil, speaker: nil, anchor: span.content.upperBound)
                }
                var trail = SpeakerTrail()
                for i in drafts.indices {
                    // Kinds and speakers at random: the trail must not depend on how they came about.
                    drafts[i].kind = QuoteKind.allCases[Int.random(in: 0..<3, using: &rng)]
                    let expected = Self.walkedSource(i, drafts, source: source)
                    #expect(trail.inheritedSource(i, drafts, source: source) == expected, "round \(round), quote \(i)")
                    compared += 1
                    if expected != nil { found += 1 }
                    if Bool.random(using: &rng) { drafts[i].speakerText = "X\(i)" }
                    trail.record(i, drafts[i])
                }
            }
        }
        #expect(compared > 1000 && found > 100, "\(compared) compared, \(found) inherited")
    }

    // MARK: - Headings

    /// `QuoteClassifier.isHeading` as it was: every token of the paragraph counted per span.
    static func countedIsHeading(_ span: QuoteSpan, source: QuoteSource, classifier: QuoteClassifier) -> Bool {
        guard span.firstParagraph == span.lastParagraph else { return false }
        let p = span.firstParagraph
        let tokens = source.paragraphTokens[p]
        guard let lastToken = tokens.last else { return false }
        var last = lastToken
        while last > tokens.lowerBound && QuoteMarks.glyph(source, last) != nil { last -= 1 }
        if source.isSentenceEnd(last) || source.isPunct(last, 0x3A) || source.isPunct(last, 0x3B) { return false }
        let range = classifier.tokenRange(of: span)
        var outside = 0
        var inside = 0
        var total = 0
        for i in tokens where source.tokens[i].kind != .punct {
            total += 1
            if range.contains(i) { inside += 1 } else { outside += 1 }
        }
        if outside == 0 && inside <= 15 { return true }
        let bounds = source.paragraphs[p]
        let singleLine = !source.text.containsLineBreak(from: bounds.lowerBound, to: bounds.upperBound)
        return singleLine && total <= 25
    }

    @Test func headingsAreTheSameWhenParagraphsAreCountedOnce() {
        var rng = SplitMix(seed: 7)
        var headings = 0
        var texts = (0..<10).map { _ in Self.text(paragraphs: 40, &rng) }
        texts.append("“Challenge of the Century”\n\nBlinken in Beijing | “The world expects”\n\n“A quote, unfinished\nover two lines")
        texts.append((0..<30).map { "“Word \($0)” " }.joined() + "and more words after the quotes")
        for text in texts {
            QuoteSource.withSource(text) { source in
                let classifier = QuoteClassifier(source: source)
                for span in QuoteSpanFinder.spans(in: source) {
                    let expected = Self.countedIsHeading(span, source: source, classifier: classifier)
                    #expect(classifier.isHeading(span) == expected, "\(source.string(span.content))")
                    if expected { headings += 1 }
                }
            }
        }
        #expect(headings > 10)
    }

    // MARK: - Speakers through the entity index

    /// `EntityIndex.resolve` as it was: every mention and entity of the document looked at per
    /// phrase.
    static func scannedResolve(_ index: EntityIndex, _ phrase: String, in document: Int, near offset: Int) -> Entity? {
        let words = Tokenizer.words(in: phrase)
        guard !words.isEmpty else { return nil }
        if words.count == 1, EntityVocabulary.personPronouns.contains(Tokenizer.norm(words[0])) {
            return scannedLastPerson(index, before: offset, in: document)
        }
        let phraseKey = " " + NameMatching.lookupKey(phrase) + " "
        if let list = index.byDocument[document] {
            let span = offset..<(offset + max(1, phrase.utf8.count))
            let overlapping = list.filter {
                index.mention(of: $0).range.overlaps(span)
                    && phraseKey.contains(" " + NameMatching.lookupKey(index.mention(of: $0).text) + " ")
            }
            if let person = overlapping.first(where: { index.entities[$0.entity].kind == .person }) {
                return index.entities[person.entity]
            }
            if let any = overlapping.first { return index.entities[any.entity] }
        }
        var name: [String] = []
        for w in words.reversed() {
            guard let first = w.unicodeScalars.first, first.properties.isUppercase else { break }
            if index.gazetteer.roles.contains(where: { $0.title.lowercased() == w.lowercased() }) { break }
            name.insert(w, at: 0)
        }
        guard !name.isEmpty else { return nil }
        let key = NameMatching.lookupKey(name.joined(separator: " "))
        let here = Set(index.entities(in: document).map(\.id))
        let local = index.entities.filter { here.contains($0.id) }
        for e in local where NameMatching.lookupKey(e.name) == key || e.aliases.contains(where: { NameMatching.lookupKey($0) == key }) {
            return e
        }
        if !key.contains(" ") {
            for e in local where e.kind == .person {
                let parts = NameMatching.lookupKey(e.name).split(separator: " ").map(String.init)
                if parts.first == key || parts.last == key { return e }
            }
        }
        return scannedEntity(index, named: name.joined(separator: " "))
    }

    /// `EntityIndex.entity(named:)` as it was: near-spellings looked for among every person.
    static func scannedEntity(_ index: EntityIndex, named name: String) -> Entity? {
        func best(_ ids: [Int]?) -> Entity? { ids?.min().map { index.entities[$0] } }
        let key = NameMatching.lookupKey(name)
        guard !key.isEmpty else { return nil }
        let written = Gazetteer.clean(name)
        if let ids = index.aliasIndex[key], let exact = ids.sorted().first(where: { index.entities[$0].name == written }) {
            return index.entities[exact]
        }
        if let e = best(index.aliasIndex[key]) { return e }
        if let e = best(index.aliasIndex["the " + key]) { return e }
        if let entry = index.gazetteer.entry(named: key), let e = best(index.aliasIndex[NameMatching.lookupKey(entry.name)]) {
            return e
        }
        let words = key.split(separator: " ").map(String.init)
        if words.count == 1, let e = best(index.personWords[key]) { return e }
        if words.count >= 2 {
            var found: [Int] = []
            for (names, entity) in index.personNames where NameMatching.isSamePerson(names, words) { found.append(entity) }
            if let e = best(found) { return e }
        }
        return nil
    }

    static func scannedLastPerson(_ index: EntityIndex, before offset: Int, in document: Int) -> Entity? {
        for placed in (index.byDocument[document] ?? []).reversed() where index.mention(of: placed).range.lowerBound < offset {
            let e = index.entities[placed.entity]
            if e.kind == .person { return e }
        }
        return nil
    }

    @Test func speakersResolveAsTheyDidWhenEveryMentionWasScanned() throws {
        let corpus = try EntityFixtures.seeds()
        let index = corpus.entityIndex
        var compared = 0
        var rng = SplitMix(seed: 3)
        for doc in corpus.documents {
            let resolver = EntitySpeakerResolver(index: index)
            let phrases = ["he", "she", "Blinken", "Mr. Blinken", "US Secretary of State Antony Blinken", "Xi", "Wang",
                           "the official", "Anthony Blinken", "Ward", "Joe Biden", "China", "Qin Gang", "Nobody Known"]
            // The document's own mentions at their places, and the phrases at random places.
            var asks = index.mentions(in: doc.index).map { ($0.1.text, $0.1.range.lowerBound) }
            for phrase in phrases {
                for _ in 0..<5 { asks.append((phrase, Int.random(in: 0...max(1, doc.text.utf8.count), using: &rng))) }
            }
            for name in phrases + index.entities.prefix(200).flatMap({ [$0.name] + $0.aliases }) {
                #expect(index.entity(named: name)?.id == Self.scannedEntity(index, named: name)?.id, "\(name)")
            }
            for (phrase, offset) in asks {
                let expected = Self.scannedResolve(index, phrase, in: doc.index, near: offset)
                #expect(index.resolve(phrase, in: doc.index, near: offset)?.id == expected?.id, "\(doc.id) \(phrase) @\(offset)")
                let viaResolver = resolver.resolve(phrase, in: doc.index, near: offset)
                #expect(viaResolver?.id == (expected?.kind == .person ? expected?.id : nil))
                #expect(index.lastPerson(before: offset, in: doc.index)?.id
                        == Self.scannedLastPerson(index, before: offset, in: doc.index)?.id)
                compared += 1
            }
        }
        #expect(compared > 300)
    }

    @Test func aParagraphOfThousandsOfAttributedQuotesResolvesEachSpeaker() {
        let count = 1_000
        let body = (0..<count).map { "“The talks on item \($0) went well,” said Official\($0) Person\($0)." }.joined(separator: " ")
        let corpus = CorpusLoader.corpus(texts: [("long", "Headline\n\n" + body)])
        let quotes = corpus.quotes()
        #expect(quotes.count == count)
        for (i, quote) in quotes.enumerated() where quote.speaker?.name != "Official\(i) Person\(i)" {
            Issue.record("quote \(i): \(quote.speaker?.name ?? "nobody")")
            break
        }
    }
}

/// Random choices in these tests come from the deterministic generator, so a failure can be
/// reproduced.
extension SplitMix: RandomNumberGenerator {}
