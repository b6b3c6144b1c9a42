/// A sentence that is a metadata line left in a body ("Date: 1 June 2023", "By: Jane Doe",
/// "Updated: 10:42 AM", "Source: Reuters"): it states no fact of the story, so two documents
/// that carry the same line do not make a claim.
enum HeaderLine {
    /// Whether tokens `range` of a text open with a field label (one known word, or two words
    /// ending with one: "Last updated") and a colon, and are short, as such lines are.
    static func isField(_ text: [UInt8], spans: [TokenSpan], _ range: Range<Int>) -> Bool {
        guard range.count >= 3, range.count <= 16, range.upperBound <= spans.count else { return false }
        for labelEnd in range.lowerBound..<min(range.lowerBound + 2, range.upperBound - 1) {
            let colon = spans[labelEnd + 1]
            guard spans[labelEnd].kind == .word, colon.kind == .punct, colon.start < text.count,
                  text[colon.start] == 0x3A, spans[labelEnd].end <= text.count else { continue }
            let label = String(decoding: text[spans[labelEnd].start..<spans[labelEnd].end], as: UTF8.self).lowercased()
            if labels.contains(label) { return true }
        }
        return false
    }

    /// Field labels of article headers and e-mail and wire metadata.
    static let labels: Set<String> = [
        "date", "dated", "published", "updated", "posted", "filed", "modified", "created", "time",
        "author", "authors", "by", "byline", "source", "sources", "title", "headline", "subject",
        "from", "to", "cc", "sent", "tags", "tag", "category", "categories", "section", "keywords",
        "language", "dateline", "copyright", "credit", "credits", "photo", "image", "caption", "url",
        "link", "edition", "page", "length", "words", "id",
    ]
}
