/// One block of a page's main text, in reading order.
public struct HTMLBlock: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The article's headline (the page's `h1`, or its title when the `h1` is elsewhere).
        case headline
        /// A sub-heading (`h2`–`h6`, or an `h1` after the headline); `level` says which.
        case heading
        case paragraph
        case listItem = "list-item"
        case quote
        case preformatted
    }

    public var kind: Kind
    /// The heading level (1–6) for headings and the headline, else 0.
    public var level: Int
    /// The text, whitespace collapsed; a line break where the page had a single `<br>`.
    public var text: String

    public init(kind: Kind, level: Int = 0, text: String) {
        self.kind = kind
        self.level = level
        self.text = text
    }
}
