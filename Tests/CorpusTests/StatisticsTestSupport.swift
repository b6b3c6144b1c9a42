import Foundation
import Testing
@testable import Corpus

/// Brute-force references for the statistics tests: everything recomputed from the documents'
/// text with the tokenizer and sentence splitter, with strings and dictionaries, not term ids.
enum StatisticsFixtures {
    /// The seeds corpus, loaded once per test.
    static func seeds() throws -> Corpus {
        try CorpusLoader.load(path: TextFixtures.seedsURL.path)
    }

    /// A corpus of texts; each text's first line is its title (not counted), the rest its body.
    static func corpus(_ bodies: [String]) -> Corpus {
        CorpusLoader.corpus(texts: bodies.enumerated().map { (id: String(format: "d%03d", $0.offset), text: "Headline\n" + $0.element) })
    }

    /// A token of a document's text: normal form and kind.
    struct Token {
        let norm: String
        let kind: TokenKind
    }

    /// The tokens of a text, from the tokenizer, normalised.
    static func tokens(_ text: String) -> [Token] {
        let utf8 = Array(text.utf8)
        return Tokenizer.tokens(in: text).map {
            Token(norm: Tokenizer.norm(String(decoding: utf8[$0.range], as: UTF8.self)), kind: $0.kind)
        }
    }

    /// A text's sentences as lists of tokens.
    static func sentences(_ text: String) -> [[Token]] {
        let all = tokens(text)
        var copy = text
        let spans = copy.withUTF8 { SentenceSplitter.sentences(in: $0) }
        return spans.map { Array(all[$0.tokens]) }
    }

    /// term → (count, documents), counted over the documents' text.
    static func frequencies(_ documents: [Document], kinds: Set<TokenKind> = [.word]) -> [String: (count: Int, docs: Int)] {
        var result: [String: (count: Int, docs: Int)] = [:]
        for doc in documents {
            var seen = Set<String>()
            for token in tokens(doc.text) where kinds.contains(token.kind) {
                result[token.norm, default: (0, 0)].count += 1
                if seen.insert(token.norm).inserted { result[token.norm, default: (0, 0)].docs += 1 }
            }
        }
        return result
    }

    /// n-gram (terms joined by a space) → (count, documents): n consecutive non-punctuation
    /// tokens inside one sentence.
    static func ngrams(_ documents: [Document], n: Int, stopwords: Stopwords?) -> [String: (count: Int, docs: Int)] {
        var result: [String: (count: Int, docs: Int)] = [:]
        for doc in documents {
            var seen = Set<String>()
            for sentence in sentences(doc.text) {
                var run: [String] = []
                for token in sentence {
                    if token.kind == .punct {
                        run = []
                        continue
                    }
                    run.append(token.norm)
                    guard run.count >= n else { continue }
                    let gram = Array(run.suffix(n))
                    if let stopwords, stopwords.contains(gram[0]) || stopwords.contains(gram[n - 1]) { continue }
                    let key = gram.joined(separator: " ")
                    result[key, default: (0, 0)].count += 1
                    if seen.insert(key).inserted { result[key, default: (0, 0)].docs += 1 }
                }
            }
        }
        return result
    }
}
