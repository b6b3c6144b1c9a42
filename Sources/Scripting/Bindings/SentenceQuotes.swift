import Corpus

/// The quotes of a document grouped by sentence, for `sentence:quotes()`: a quote belongs to
/// the sentence it starts in and to every sentence its text runs through. Built once per
/// document (for the last few documents asked for), so a loop over a long document's sentences
/// costs time in proportion to its length, not sentences × quotes.
final class SentenceQuotes {
    private struct Grouped {
        /// The quotes the groups index into (the document's quotes when they were grouped).
        let quotes: [Quote]
        /// For each sentence, the positions in `quotes` of its quotes, in document order.
        let groups: [[Int32]]
    }

    private let recent = RecentDocumentCache<Grouped>()

    /// The quotes among `quotes` (all of `document`'s) that start in or run through sentence
    /// `sentence`, in their order.
    func quotes(of document: Document, sentence: Int, among quotes: [Quote]) -> [Quote] {
        // Arrays compare by identity first: the corpus's cached quotes match in O(1).
        let grouped = recent.value(for: document, isCurrent: { $0.quotes == quotes }) {
            Grouped(quotes: quotes, groups: Self.groups(quotes, in: document.layout))
        }
        guard sentence >= 0, sentence < grouped.groups.count else {
            return quotes.filter { $0.sentence == sentence }
        }
        return grouped.groups[sentence].map { grouped.quotes[Int($0)] }
    }

    /// Each sentence's quotes: those whose `sentence` it is, and those whose range overlaps its
    /// bytes (ranges and sentences both non-empty, as `Range.overlaps` counts).
    static func groups(_ quotes: [Quote], in layout: DocumentLayout) -> [[Int32]] {
        let count = layout.sentenceCount
        var groups = Array(repeating: [Int32](), count: count)
        for (q, quote) in quotes.enumerated() {
            let position = Int32(q)
            var added: [Int] = []
            let range = quote.range
            if !range.isEmpty {
                // The first sentence ending after the quote starts; sentences are in text order.
                var lo = 0, hi = count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if layout.sentenceBytes(mid).upperBound <= range.lowerBound { lo = mid + 1 } else { hi = mid }
                }
                var s = lo
                while s < count, layout.sentenceBytes(s).lowerBound < range.upperBound {
                    if !layout.sentenceBytes(s).isEmpty, layout.sentenceBytes(s).overlaps(range) { added.append(s) }
                    s += 1
                }
            }
            if quote.sentence >= 0, quote.sentence < count, !added.contains(quote.sentence) { added.append(quote.sentence) }
            for s in added.sorted() { groups[s].append(position) }
        }
        return groups
    }
}
