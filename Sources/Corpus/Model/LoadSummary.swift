/// What a load did: the documents it read, and the records it skipped with the reason for
/// each (every skip also has a warning naming its file and place).
public struct LoadSummary: Sendable, Equatable, CustomStringConvertible {
    /// Documents read.
    public let documents: Int
    /// Records or files skipped, by reason ("empty", "malformed JSON", "binary"…).
    public let skipped: [String: Int]

    public init(documents: Int, skipped: [String: Int] = [:]) {
        self.documents = documents
        self.skipped = skipped
    }

    /// Records skipped in all.
    public var skippedCount: Int { skipped.values.reduce(0, +) }

    /// `13,024 documents read; 3 skipped (2 malformed JSON, 1 empty)`.
    public var description: String {
        var line = "\(documents) document\(documents == 1 ? "" : "s") read"
        guard skippedCount > 0 else { return line }
        let reasons = skipped.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        line += "; \(skippedCount) skipped (\(reasons))"
        return line
    }
}
