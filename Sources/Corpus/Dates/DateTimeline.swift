/// Puts date mentions in timeline order, for `corpus:timeline()` and reports.
public enum DateTimeline {
    /// `items` ordered by their mentions' values (see `DateValue.<`: by start, a wider value
    /// before a narrower one starting the same day, ranges kept as ranges); mentions without a
    /// value go last; ties keep their given order (e.g. document, then position in the text).
    public static func sorted<Item>(_ items: [Item], by mention: (Item) -> DateMention) -> [Item] {
        let keyed = items.enumerated().map { (offset: $0.offset, value: mention($0.element).value, item: $0.element) }
        return keyed.sorted { left, right in
            switch (left.value, right.value) {
            case let (.some(a), .some(b)) where a != b: return a < b
            case (.some, nil): return true
            case (nil, .some): return false
            default: return left.offset < right.offset
            }
        }.map(\.item)
    }

    /// Mentions in timeline order.
    public static func sorted(_ mentions: [DateMention]) -> [DateMention] {
        sorted(mentions) { $0 }
    }
}
