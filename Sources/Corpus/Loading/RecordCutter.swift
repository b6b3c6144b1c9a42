/// Finds where a large JSONL or CSV file can be cut into byte ranges that each hold whole
/// records, with the line each range starts on. It reads the file in chunks (the file need
/// not fit in memory) and costs one pass of byte scanning: a line end is a boundary, except,
/// for CSV, inside a quoted field (RFC 4180 quotes are counted: an even number so far means
/// outside).
struct RecordCutter {
    private let target: Int
    private let quoted: Bool
    /// The ranges found so far and the line each starts on.
    private(set) var ranges: [Range<Int>] = []
    private(set) var lines: [Int] = []
    /// A CSV file's first record (its header row), as bytes.
    private(set) var headerBytes: [UInt8] = []
    private var headerDone: Bool
    private var start = 0
    private var line = 1
    private var startLine = 1
    private var offset = 0
    private var inQuotes = false

    init(format: DocumentFormat, target: Int) {
        self.target = max(1, target)
        quoted = format == .csv || format == .tsv
        headerDone = !quoted
    }

    /// Scans the next chunk of the file.
    mutating func scan(_ chunk: UnsafeBufferPointer<UInt8>) {
        for (i, b) in chunk.enumerated() {
            if quoted && b == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !headerDone { headerBytes.append(b) }
            guard b == 10 else { continue }
            line += 1
            if inQuotes { continue }
            if !headerDone {
                headerDone = true
                continue
            }
            let end = offset + i + 1
            if end - start >= target {
                ranges.append(start..<end)
                lines.append(startLine)
                start = end
                startLine = line
            }
        }
        offset += chunk.count
    }

    /// Closes the last range at the end of the file.
    mutating func finish() {
        if offset > start || ranges.isEmpty {
            ranges.append(start..<offset)
            lines.append(startLine)
        }
    }
}
