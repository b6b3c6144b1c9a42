/// Runs the per-document stages on one text: cleaning, segmentation, counting.
///
/// Everything here works on one document alone, so the loader runs it in parallel; stages that
/// need the whole corpus (the index, entity aliases) run afterwards.
enum DocumentBuilder {
    /// A document's analysis before it gets its place in the corpus.
    struct Prepared: Sendable {
        let id: String
        let path: String
        let title: String?
        let text: String
        let paragraphs: [Range<Int>]
        let wordCount: Int
        let raw: String?

        func document(index: Int) -> Document {
            Document(id: id, path: path, index: index, title: title, text: text,
                     paragraphs: paragraphs, wordCount: wordCount, raw: raw)
        }
    }

    static func prepare(id: String, path: String, text raw: String, keepRaw: Bool) -> Prepared {
        // Walking-skeleton stages: the first line is the title guess, the rest is the body.
        var lines = raw.split(separator: "\n", omittingEmptySubsequences: false)
        var title: String?
        if let first = lines.first, !first.trimmingCharacters(in: .whitespaces).isEmpty, lines.count > 1 {
            title = first.trimmingCharacters(in: .whitespaces)
            lines.removeFirst()
        }
        let text = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let paragraphs = simpleParagraphs(text)
        let words = text.split(whereSeparator: { $0.isWhitespace }).count
        return Prepared(id: id, path: path, title: title, text: text, paragraphs: paragraphs,
                        wordCount: words, raw: keepRaw ? raw : nil)
    }

    static func simpleParagraphs(_ text: String) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let bytes = Array(text.utf8)
        var start: Int?
        var i = 0
        var lastNonSpace = 0
        while i < bytes.count {
            if bytes[i] == 10, i + 1 < bytes.count, bytes[i + 1] == 10 {
                if let s = start { result.append(s..<lastNonSpace) }
                start = nil
                i += 2
                continue
            }
            if bytes[i] != 10 && bytes[i] != 32 {
                if start == nil { start = i }
                lastNonSpace = i + 1
            }
            i += 1
        }
        if let s = start { result.append(s..<lastNonSpace) }
        return result
    }
}

import Foundation
