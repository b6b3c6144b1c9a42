import Foundation

/// Where a document's paragraphs and sentences lie: columnar ranges over its text and tokens.
///
/// A document finds its layout on first use (`Document.layout`), not at load: loading only
/// needs the tokens for the index, and splitting sentences costs about a tenth of a load. A
/// search, a concordance or a frequency list never pays for it; a pass over sentences pays once
/// per document, in parallel when the pass is. The split re-tokenises the text, which gives
/// exactly the tokens the index holds.
public struct DocumentLayout: Sendable {
    /// Paragraph bounds as (start, end) byte offset pairs: half the size of `Range<Int>`s.
    let paragraphBounds: [UInt32]
    /// Index (into the document's tokens) of each sentence's first token.
    public let sentenceStarts: [UInt32]
    /// Byte range of each sentence in the text, as (start, end) pairs.
    let sentenceByteRanges: [UInt32]
    /// The number of tokens of the document (the end of its last sentence).
    let tokenCount: Int

    /// Splits `text` into paragraphs (blank lines) and sentences.
    init(text: String) {
        self.init(text: text, tokens: Tokenizer.tokens(in: text))
    }

    /// Splits `text` into paragraphs and sentences, given its tokens (`Tokenizer.tokens(in:)`
    /// of this very text), for callers that have them already.
    init(text: String, tokens: [TokenSpan]) {
        var text = text
        var bounds: [UInt32] = []
        var starts: [UInt32] = []
        var byteRanges: [UInt32] = []
        text.withUTF8 { bytes in
            let paragraphs = ParagraphSplitter.paragraphs(in: bytes)
            bounds.reserveCapacity(paragraphs.count * 2)
            for p in paragraphs {
                bounds.append(UInt32(clamping: p.lowerBound))
                bounds.append(UInt32(clamping: p.upperBound))
            }
            let sentences = SentenceSplitter.sentences(in: bytes, tokens: tokens, paragraphs: paragraphs)
            starts.reserveCapacity(sentences.count)
            byteRanges.reserveCapacity(sentences.count * 2)
            for s in sentences {
                starts.append(UInt32(s.tokens.lowerBound))
                byteRanges.append(UInt32(s.bytes.lowerBound))
                byteRanges.append(UInt32(s.bytes.upperBound))
            }
        }
        paragraphBounds = bounds
        sentenceStarts = starts
        sentenceByteRanges = byteRanges
        tokenCount = tokens.count
    }

    /// Paragraphs as UTF-8 byte ranges of the text.
    public var paragraphs: [Range<Int>] {
        stride(from: 0, to: paragraphBounds.count - 1, by: 2).map {
            Int(paragraphBounds[$0])..<Int(paragraphBounds[$0 + 1])
        }
    }

    /// Number of paragraphs.
    public var paragraphCount: Int { paragraphBounds.count / 2 }

    /// Number of sentences.
    public var sentenceCount: Int { sentenceStarts.count }

    /// The token positions of sentence `i` (empty when out of range).
    public func sentenceTokens(_ i: Int) -> Range<Int> {
        guard i >= 0, i < sentenceStarts.count else { return 0..<0 }
        let end = i + 1 < sentenceStarts.count ? Int(sentenceStarts[i + 1]) : tokenCount
        return Int(sentenceStarts[i])..<end
    }

    /// The UTF-8 byte range of sentence `i` in the text (empty when out of range).
    public func sentenceBytes(_ i: Int) -> Range<Int> {
        guard i >= 0, 2 * i + 1 < sentenceByteRanges.count else { return 0..<0 }
        return Int(sentenceByteRanges[2 * i])..<Int(sentenceByteRanges[2 * i + 1])
    }

    /// The sentence holding token `position` (binary search; 0 when there are no sentences).
    public func sentence(containingToken position: Int) -> Int {
        var lo = 0
        var hi = sentenceStarts.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if Int(sentenceStarts[mid]) <= position { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// The sentence whose bytes hold `offset`, or nil (between sentences, or past the end).
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

    /// Bytes held by the layout's arrays.
    var memoryBytes: Int {
        paragraphBounds.capacity * 4 + sentenceStarts.capacity * 4 + sentenceByteRanges.capacity * 4
    }
}
