import Foundation

/// One article of a corpus: its clean text and the structure found in it.
///
/// Text is kept once, as the clean body; structure is columnar: the tokens are term ids (into
/// the corpus `Lexicon`), sentences and paragraphs are ranges. Token byte offsets are not
/// stored: `tokenSpans()` re-tokenises the text (deterministic, microseconds), which keeps a
/// large corpus small. The raw file is read again on demand (`raw`).
public final class Document: @unchecked Sendable {
    /// The file name without extension (unique in its corpus).
    public let id: String
    /// The file's path as found under the corpus path.
    public let path: String
    /// Position of the document in its corpus.
    public let index: Int
    /// What cleaning found: title, boilerplate, dateline, source, a given date.
    public let metadata: DocumentMetadata
    /// The headline, when the file opens with one.
    public var title: String? { metadata.title }
    /// Lines removed from the body, with the reason for each.
    public var boilerplate: [BoilerplateLine] { metadata.boilerplate }
    /// The dateline (`18-6-2023 (BEIJING)`), when the body opens with one.
    public var dateline: Dateline? { metadata.dateline }
    /// The outlet, from credit lines or share prompts.
    public var source: String? { metadata.source }
    /// The loaded corpus this document belongs to (set when the corpus is made).
    public internal(set) weak var corpus: Corpus?

    /// The document's date (ISO): given by its text, else inferred from its text and the
    /// corpus's date evidence when that is unambiguous, else nil.
    public var date: String? {
        if let given = metadata.givenDate { return given }
        return corpus?.dates.date(of: self)
    }
    /// The clean body text.
    public let text: String
    /// Paragraph bounds as (start, end) byte offset pairs: half the size of `Range<Int>`s.
    private let paragraphBounds: [UInt32]
    /// Paragraphs as UTF-8 byte ranges of `text`.
    public var paragraphs: [Range<Int>] {
        stride(from: 0, to: paragraphBounds.count - 1, by: 2).map {
            Int(paragraphBounds[$0])..<Int(paragraphBounds[$0 + 1])
        }
    }
    /// Number of paragraphs.
    public var paragraphCount: Int { paragraphBounds.count / 2 }
    /// Number of word and number tokens.
    public let wordCount: Int
    /// Every token as a term id of `lexicon`.
    public let terms: TermSequence
    /// Index (into `terms`) of each sentence's first token.
    public let sentenceStarts: [UInt32]
    /// Byte range of each sentence in `text`, as (start, end) pairs.
    let sentenceByteRanges: [UInt32]
    /// The corpus term dictionary the ids refer to.
    public let lexicon: Lexicon
    private let rawText: String?

    init(id: String, path: String, index: Int, metadata: DocumentMetadata, text: String, paragraphs: [Range<Int>],
         wordCount: Int, terms: TermSequence, sentenceStarts: [UInt32], sentenceByteRanges: [UInt32],
         lexicon: Lexicon, raw: String?) {
        self.id = id
        self.path = path
        self.index = index
        self.metadata = metadata
        self.text = text
        var bounds: [UInt32] = []
        bounds.reserveCapacity(paragraphs.count * 2)
        for p in paragraphs {
            bounds.append(UInt32(clamping: p.lowerBound))
            bounds.append(UInt32(clamping: p.upperBound))
        }
        paragraphBounds = bounds
        self.wordCount = wordCount
        self.terms = terms
        self.sentenceStarts = sentenceStarts
        self.sentenceByteRanges = sentenceByteRanges
        self.lexicon = lexicon
        self.rawText = raw
    }

    /// The file text as read (decoded, line ends normalised). Re-read from disk on demand so a
    /// large corpus does not hold every file twice.
    public var raw: String {
        if let rawText { return rawText }
        guard let data = FileManager.default.contents(atPath: path) else { return text }
        if case .text(let t, _) = TextDecoding.decode([UInt8](data)) { return t }
        return text
    }

    /// Number of tokens (words, numbers, punctuation).
    public var tokenCount: Int { terms.count }

    /// Number of sentences.
    public var sentenceCount: Int { sentenceStarts.count }

    /// The tokens of sentence `i` as a range of token indices.
    public func sentenceTokens(_ i: Int) -> Range<Int> {
        guard i >= 0, i < sentenceStarts.count else { return 0..<0 }
        let end = i + 1 < sentenceStarts.count ? Int(sentenceStarts[i + 1]) : terms.count
        return Int(sentenceStarts[i])..<end
    }

    /// The byte range of sentence `i` in `text`.
    public func sentenceBytes(_ i: Int) -> Range<Int> {
        guard i >= 0, 2 * i + 1 < sentenceByteRanges.count else { return 0..<0 }
        return Int(sentenceByteRanges[2 * i])..<Int(sentenceByteRanges[2 * i + 1])
    }

    /// The text of sentence `i`.
    public func sentenceText(_ i: Int) -> String { substring(sentenceBytes(i)) }

    /// The sentence holding token `position` (binary search).
    public func sentence(containingToken position: Int) -> Int {
        var lo = 0
        var hi = sentenceStarts.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if Int(sentenceStarts[mid]) <= position { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// The sentence holding byte `offset` of `text`, or nil between sentences.
    public func sentence(containingByte offset: Int) -> Int? {
        var lo = 0
        var hi = sentenceCount
        while lo < hi {
            let mid = (lo + hi) / 2
            let r = sentenceBytes(mid)
            if offset < r.lowerBound { hi = mid } else if offset >= r.upperBound { lo = mid + 1 } else { return mid }
        }
        return nil
    }

    /// The tokens' byte ranges, recomputed from the text (same tokens as `terms`).
    public func tokenSpans() -> [TokenSpan] {
        Tokenizer.tokens(in: text)
    }

    /// The normalised form of token `i`.
    public func norm(ofToken i: Int) -> String {
        guard i >= 0, i < terms.count else { return "" }
        return lexicon.term(Int(terms[i]))
    }

    /// The text of a byte range of `text`.
    public func substring(_ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: max(0, min(range.lowerBound, utf8.count)))
        let upper = utf8.index(utf8.startIndex, offsetBy: max(0, min(range.upperBound, utf8.count)))
        return String(decoding: utf8[lower..<upper], as: UTF8.self)
    }

    /// The paragraphs' text.
    public var paragraphTexts: [String] { paragraphs.map(substring) }
}
