/// The date a relative expression is read against, and where that date came from.
///
/// "last November" means nothing without a reference date. A document's own date is the best
/// reference; when it has none, the corpus supplies one (see `DateEvidence`). The description
/// travels with every mention resolved against the anchor so an analyst can judge the result.
public struct DateAnchor: Hashable, Sendable, CustomStringConvertible {
    /// The reference date. Weekday and week arithmetic need day precision; month and year
    /// expressions work with coarser anchors. For a range the start is used.
    public var value: DateValue
    /// Where the date came from, e.g. "document date 2023-06-18" or "corpus evidence 2023-06-18".
    public var description: String

    /// An anchor with a free-form description.
    public init(value: DateValue, description: String) {
        self.value = value
        self.description = description
    }

    /// The document's own given date (dateline, metadata): "document date 2023-06-18".
    public static func documentDate(_ value: DateValue) -> DateAnchor {
        DateAnchor(value: value, description: "document date \(value.iso)")
    }

    /// A document date inferred from the document's text: "inferred document date 2023-06-18".
    public static func inferredDocumentDate(_ value: DateValue) -> DateAnchor {
        DateAnchor(value: value, description: "inferred document date \(value.iso)")
    }

    /// The corpus's strongest date evidence: "corpus evidence 2023-06-18".
    public static func corpusEvidence(_ value: DateValue) -> DateAnchor {
        DateAnchor(value: value, description: "corpus evidence \(value.iso)")
    }
}
