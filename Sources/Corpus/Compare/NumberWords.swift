/// Number words and number tokens as values, so "five years", "5 years" and "five-year" agree.
public enum NumberWords {
    /// The value of a spelled-out number word ("five" → 5, "dozen" → 12), or nil.
    public static func value(of word: String) -> Double? { words[word] }

    /// The value of a number token's normal form: "1,000" → 1000, "3.5" → 3.5, "5%" → 5;
    /// nil for forms that are not one plain number ("18-6-2023", "9/11", "1990s", "10:30").
    public static func value(ofNumber norm: String) -> Double? {
        var text = norm.replacingOccurrences(of: ",", with: "")
        if text.hasSuffix("%") { text.removeLast() }
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 == UInt8(ascii: ".") || $0 &- UInt8(ascii: "0") < 10 }) else { return nil }
        return Double(text)
    }

    /// The canonical feature key of a number value: integers without a fraction ("5"), others as written.
    static func key(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    static let words: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
        "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
        "dozen": 12,
    ]
}
