/// One checkable detail a sentence states: a weekday, a date, a year, a number of something,
/// a name in a role. Two sentences of a claim disagree when they state facts with the same
/// `key` that cannot both be true.
public struct Fact: Sendable, Hashable {
    /// What kind of detail: date, number or name.
    public enum Kind: String, Sendable, CaseIterable {
        case date, number, name
    }

    /// Date, number or name.
    public var kind: Kind
    /// What the detail is about; only facts with equal keys are compared: "weekday", "month",
    /// "day", "year", "number of year" (a count and its unit), "spelling", "role: foreign minister".
    public var key: String
    /// The values the text allows, lower case ("tuesday"; "saturday", "sunday" for "this weekend").
    /// Facts with a `range` compare by range instead.
    public var values: Set<String>
    /// For counts: the interval the text allows ("nearly five" is 3.75...5, "five" is 5...5).
    public var range: ClosedRange<Double>?
    /// True when the text is vague or hedged ("this weekend", "nearly five years").
    public var hedged: Bool
    /// The words as written ("on Tuesday", "nearly five years", "Anthony").
    public var text: String
    /// The tokens of its sentence the fact was read from (set by `FactExtractor`), so the words
    /// around it — what it is about — can be read.
    var span: ClosedRange<Int>?

    /// Makes a fact.
    public init(kind: Kind, key: String, values: Set<String> = [], range: ClosedRange<Double>? = nil,
                hedged: Bool = false, text: String) {
        self.init(kind: kind, key: key, values: values, range: range, hedged: hedged, text: text, span: nil)
    }

    /// Makes a fact read from tokens `span` of its sentence.
    init(kind: Kind, key: String, values: Set<String> = [], range: ClosedRange<Double>? = nil,
         hedged: Bool = false, text: String, span: ClosedRange<Int>?) {
        self.span = span
        self.kind = kind
        self.key = key
        self.values = values
        self.range = range
        self.hedged = hedged
        self.text = text
    }

    /// Whether both facts can be true at once (same key assumed).
    public func isCompatible(with other: Fact) -> Bool {
        if let a = range, let b = other.range { return a.overlaps(b) }
        return !values.isDisjoint(with: other.values)
    }

    /// Whether both facts say exactly the same (same values, range and hedging).
    public func isSame(as other: Fact) -> Bool {
        values == other.values && range == other.range && hedged == other.hedged
    }
}
