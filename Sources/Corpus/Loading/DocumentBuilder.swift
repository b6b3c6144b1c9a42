import Foundation

/// Runs the per-document stages on one text: cleaning, segmentation, term ids.
///
/// Everything here works on one document alone, so the loader runs it in parallel, one
/// segment of files per task; each segment has its own term table, merged into the corpus
/// lexicon afterwards.
enum DocumentBuilder {
    /// A document's analysis before it gets its corpus-wide term ids and its index.
    struct Prepared: Sendable {
        let id: String
        let path: String
        let metadata: DocumentMetadata
        let text: String
        let paragraphs: [Range<Int>]
        let wordCount: Int
        /// Term ids local to the segment's table until the loader remaps them.
        var terms: TermSequence
        let sentenceStarts: [UInt32]
        let sentenceByteRanges: [UInt32]
        let raw: String?

        func document(index: Int, lexicon: Lexicon) -> Document {
            Document(id: id, path: path, index: index, metadata: metadata, text: text, paragraphs: paragraphs,
                     wordCount: wordCount, terms: terms, sentenceStarts: sentenceStarts,
                     sentenceByteRanges: sentenceByteRanges, lexicon: lexicon, raw: raw)
        }
    }

    /// Per-segment state: the term table and reusable buffers.
    struct Workspace {
        let table: ByteTermTable
        var kinds: [TokenKind] = []
        var spans: [TokenSpan] = []
        var norm: [UInt8] = []
        /// Outlet names for credit lines (the standard table, or one a plugin extended).
        var outlets = OutletTable.standard

        init(capacity: Int = 4096) {
            table = ByteTermTable(capacity: capacity)
        }
    }

    static func prepare(id: String, path: String, text raw: String, keepRaw: Bool,
                        workspace w: inout Workspace) -> Prepared {
        let cleaned = Cleaner.clean(raw, outlets: w.outlets)
        var text = compact(cleaned.text)
        return analyse(id: id, path: path, cleaned: cleaned, text: &text, raw: keepRaw ? raw : nil, workspace: &w)
    }

    /// A copy of `text` in storage of exactly its size (strings built by appending can hold
    /// up to twice their length; a corpus keeps every body for its whole life).
    static func compact(_ text: String) -> String {
        var source = text
        return source.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                guard let base = bytes.baseAddress, let target = buffer.baseAddress else { return 0 }
                target.update(from: base, count: bytes.count)
                return bytes.count
            }
        }
    }

    /// Segments the body and turns its tokens into term ids of the workspace table.
    static func analyse(id: String, path: String, cleaned: CleanedText, text: inout String, raw: String?,
                        workspace w: inout Workspace) -> Prepared {
        var terms: [UInt32] = []
        var wordCount = 0
        var paragraphs: [Range<Int>] = []
        var sentenceStarts: [UInt32] = []
        var sentenceByteRanges: [UInt32] = []
        text.withUTF8 { bytes in
            paragraphs = ParagraphSplitter.paragraphs(in: bytes)
            w.spans.removeAll(keepingCapacity: true)
            Tokenizer.scan(bytes) { w.spans.append($0) }
            terms.reserveCapacity(w.spans.count)
            for span in w.spans {
                let token = UnsafeBufferPointer(rebasing: bytes[span.range])
                let id: UInt32
                if Tokenizer.needsNormalization(token) {
                    w.norm.removeAll(keepingCapacity: true)
                    Tokenizer.normalize(token, into: &w.norm)
                    id = w.norm.withUnsafeBufferPointer { w.table.insert($0) }
                } else {
                    id = w.table.insert(token)
                }
                if Int(id) == w.kinds.count { w.kinds.append(span.kind) }
                terms.append(id)
                if span.kind != .punct { wordCount += 1 }
            }
            let sentences = SentenceSplitter.sentences(in: bytes, tokens: w.spans, paragraphs: paragraphs)
            sentenceStarts.reserveCapacity(sentences.count)
            sentenceByteRanges.reserveCapacity(sentences.count * 2)
            for s in sentences {
                sentenceStarts.append(UInt32(s.tokens.lowerBound))
                sentenceByteRanges.append(UInt32(s.bytes.lowerBound))
                sentenceByteRanges.append(UInt32(s.bytes.upperBound))
            }
        }
        let metadata = DocumentMetadata(title: cleaned.title, boilerplate: cleaned.boilerplate,
                                        dateline: cleaned.dateline, source: cleaned.source, givenDate: cleaned.date)
        return Prepared(id: id, path: path, metadata: metadata, text: text, paragraphs: paragraphs,
                        wordCount: wordCount, terms: TermSequence(terms), sentenceStarts: sentenceStarts,
                        sentenceByteRanges: sentenceByteRanges, raw: raw)
    }
}
