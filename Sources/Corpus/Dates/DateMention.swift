/// One date expression found in a text, with the calendar value it stands for.
///
/// `text` is the expression as written, including words that change its meaning ("last
/// November", "since at least 2019", "mid-June", "until Monday") but not plain prepositions
/// ("in", "on"). Relative expressions — and year-less ones like "June 18–19" — need an anchor;
/// `anchor` names the one used, so a timeline entry can always be traced to its reference date.
public struct DateMention: Hashable, Sendable {
    /// The expression as written.
    public var text: String
    /// UTF-8 byte offsets of `text` in the string it was found in.
    public var range: Range<Int>
    /// The calendar value; nil when a relative expression had no (fine enough) anchor.
    public var value: DateValue?
    /// True when the value depends on an anchor: relative expressions ("on Wednesday", "next
    /// year") and year-less dates ("June 18–19").
    public var isRelative: Bool
    /// Nil for absolute expressions and unresolved relative ones; otherwise the anchor's
    /// description, e.g. "document date 2023-06-18" or "corpus evidence 2023-06-18".
    public var anchor: String?

    /// What was written, kept so the mention can be resolved again against another anchor.
    /// Nil for mentions built by hand.
    let expression: DateExpression?

    /// A mention built by hand (for tests or other extractors); it cannot be re-resolved.
    public init(text: String, range: Range<Int>, value: DateValue?, isRelative: Bool, anchor: String?) {
        self.text = text
        self.range = range
        self.value = value
        self.isRelative = isRelative
        self.anchor = anchor
        self.expression = nil
    }

    /// A mention with every field given (read back from an archive's `date` file).
    init(text: String, range: Range<Int>, value: DateValue?, isRelative: Bool, anchor: String?,
         expression: DateExpression?) {
        self.text = text
        self.range = range
        self.value = value
        self.isRelative = isRelative
        self.anchor = anchor
        self.expression = expression
    }

    init(text: String, range: Range<Int>, expression: DateExpression, anchor: DateAnchor?) {
        self.text = text
        self.range = range
        self.expression = expression
        self.isRelative = expression.isRelative
        let value = expression.resolve(against: anchor?.value)
        self.value = value
        self.anchor = expression.isRelative && value != nil ? anchor?.description : nil
    }

    /// The same mention read against another anchor (or none). Absolute mentions and mentions
    /// built by hand are returned unchanged. This lets a corpus scan each text once, choose
    /// anchors from the absolute dates found, then resolve the relative ones.
    public func resolved(against anchor: DateAnchor?) -> DateMention {
        guard let expression, expression.isRelative else { return self }
        return DateMention(text: text, range: range, expression: expression, anchor: anchor)
    }
}
