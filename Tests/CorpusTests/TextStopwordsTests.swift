import Foundation
import Testing
@testable import Corpus

/// The English stopword list and its set operations.
@Suite struct TextStopwordsTests {
    /// The bundled file's words, read from the source tree.
    func fileWords() throws -> [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/NewsText/Resources/stopwords-en.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }

    @Test func englishListHasTheUsualWords() {
        let english = Stopwords.english
        for word in ["the", "a", "and", "of", "to", "in", "is", "was", "it", "'s", "don't", "would"] {
            #expect(english.contains(word), "\(word)")
        }
        // Content words and the normal forms of "US" and "May" are not stopwords.
        for word in ["china", "blinken", "said", "us", "may", "taiwan"] {
            #expect(!english.contains(word), "\(word)")
        }
    }

    @Test func theResourceFileIsLoadedFromTheBundle() throws {
        #expect(Stopwords.resourceURL() != nil)
        #expect(Stopwords.english.words == Set(try fileWords()))
    }

    @Test func theFileIsLowercaseOneWordPerLineAndMatchesTheFallback() throws {
        let words = try fileWords()
        #expect(words.count == Set(words).count)
        #expect(words.allSatisfy { $0 == Tokenizer.norm($0) && !$0.contains(" ") })
        #expect(Set(words) == Set(Stopwords.fallbackEnglish))
    }

    @Test func wordsAreNormalised() {
        let custom = Stopwords(["The", "Don’t", "  said  ", ""])
        #expect(custom.words == ["the", "don't", "said"])
        #expect(custom.contains("don't"))
    }

    @Test func addingAndRemoving() {
        let base = Stopwords(["the", "a"])
        #expect(base.adding("Said").words == ["the", "a", "said"])
        #expect(base.adding(["x", "y"]).words.count == 4)
        #expect(base.removing("THE").words == ["a"])
        #expect(base.removing(["a", "the"]).words.isEmpty)
        #expect(base.words == ["the", "a"])  // value semantics
        #expect(!Stopwords.english.removing("not").contains("not"))
    }

    @Test func parsingSkipsCommentsAndBlankLines() {
        let parsed = Stopwords(lines: "# comment\nthe\n\n  a \r\nof\n")
        #expect(parsed.words == ["the", "a", "of"])
    }

    @Test func possessiveTokensOfTheSeedsAreStopwords() throws {
        let text = try TextFixtures.seed("004")
        let norms = TextFixtures.norms(text)
        #expect(norms.contains("'s"))
        #expect(norms.filter { Stopwords.english.contains($0) }.contains("'s"))
    }
}
