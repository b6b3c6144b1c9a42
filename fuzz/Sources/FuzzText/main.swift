import Corpus
import Harness

// Tokens, paragraphs and sentences of any text (Sources/Corpus/Text), as a load and
// `dossier.tokens` / `dossier.sentences` find them: tokens are non-empty, in order and inside the
// text; sentences are in order, inside the text, and their tokens inside the token list.
FuzzTarget.run { input in
    var text = FuzzTarget.text(input)
    text.withUTF8 { bytes in
        let tokens = Tokenizer.tokens(in: bytes)
        var previousEnd = 0
        for token in tokens {
            FuzzTarget.require(token.length > 0 && token.start >= previousEnd && token.end <= bytes.count,
                               "token \(token.start)+\(token.length) empty, out of order or outside \(bytes.count) bytes")
            previousEnd = token.end
            _ = Tokenizer.normalized(UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]))
        }
        let paragraphs = ParagraphSplitter.paragraphs(in: bytes)
        var sentenceEnd = 0
        for sentence in SentenceSplitter.sentences(in: bytes, tokens: tokens, paragraphs: paragraphs) {
            FuzzTarget.require(sentence.bytes.lowerBound >= sentenceEnd && sentence.bytes.upperBound <= bytes.count,
                               "sentence bytes \(sentence.bytes) out of order or outside the text")
            FuzzTarget.require(sentence.tokens.lowerBound >= 0 && sentence.tokens.upperBound <= tokens.count,
                               "sentence tokens \(sentence.tokens) outside \(tokens.count) tokens")
            sentenceEnd = sentence.bytes.upperBound
        }
    }
}
