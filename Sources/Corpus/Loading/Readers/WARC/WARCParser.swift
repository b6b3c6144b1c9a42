import Foundation

/// Cuts a WARC stream into records, as the bytes arrive (from a file, or chunk by chunk from the
/// gzip decoder), holding only the record being read.
///
/// A record is a version line (`WARC/1.0`, `WARC/1.1`), header fields up to an empty line,
/// `Content-Length` bytes of content, and two line ends. The parser is lenient where writers
/// differ and strict where the data would be misread:
/// - line ends may be CRLF (the standard) or LF; field values may continue on lines that start
///   with a space or tab;
/// - bytes between records that are not a record (stray line ends, junk) are skipped up to the
///   next line that starts with `WARC/`, and reported;
/// - a record without a readable `Content-Length` cannot be delimited: it is reported and the
///   parser resynchronizes at the next version line;
/// - a stream that ends inside a record reports it as truncated (`finish()`);
/// - a record cut short inside the stream, whose declared length runs over the records after
///   it, is reported and reading goes on at the next version line (even one that does not start
///   a line: the cut leaves the next record's `WARC/1.0` right after its last byte).
///
/// Records and problems come out of `next()` in stream order.
public struct WARCParser {
    /// A problem with the stream, naming the record and the byte offset where it was found.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: Sendable, Equatable {
            /// The stream ends inside the record (`missing` bytes of its content never came).
            case truncated(missing: Int)
            /// The header has no usable `Content-Length` (the value, if any).
            case noLength(String?)
            /// A header too long to be one (`limit` bytes without an empty line).
            case headerTooLong(limit: Int)
            /// A content block longer than the largest record allowed.
            case tooLarge(length: Int, limit: Int)
            /// Bytes that are not a record were skipped (how many).
            case skipped(bytes: Int)
        }

        public let kind: Kind
        /// The record's number (the number it would have had), from 1.
        public let record: Int
        /// For a record cut short inside the stream: where the next record begins (stream
        /// offset; the reader of a compressed file maps it as `offset`).
        public var nextRecord: Int?
        /// The byte offset in the (decompressed) stream; a reader of a compressed file puts the
        /// offset of the gzip member that holds it here.
        public var offset: Int

        public init(kind: Kind, record: Int, offset: Int, nextRecord: Int? = nil) {
            self.kind = kind
            self.record = record
            self.offset = offset
            self.nextRecord = nextRecord
        }

        public var description: String {
            switch kind {
            case .truncated(let missing) where missing == 0:
                return "record \(record) at byte \(offset) is truncated (its header is cut short); skipped"
            case .truncated(let missing):
                let next = nextRecord.map { ", the next record starts at byte \($0) inside its declared length" } ?? ""
                return "record \(record) at byte \(offset) is truncated (\(missing) bytes of its content missing\(next)); skipped"
            case .noLength(let value):
                let shown = value.map { "\"\($0)\"" } ?? "none"
                return "record \(record) at byte \(offset) has no valid Content-Length (\(shown)); skipped to the next record"
            case .headerTooLong(let limit):
                return "record \(record) at byte \(offset): no end of header within \(limit) bytes; skipped to the next record"
            case .tooLarge(let length, let limit):
                return "record \(record) at byte \(offset) is \(length) bytes, over the largest record read (\(limit)); skipped"
            case .skipped(let bytes):
                return "\(bytes) bytes that are not a WARC record skipped at byte \(offset)"
            }
        }
    }

    public enum Item {
        case record(WARCRecord)
        case problem(Problem)
    }

    /// The largest header read (bytes up to the empty line).
    public static let maxHeaderBytes = 1 << 20

    /// The largest content block kept; a larger record is skipped (its bytes still pass).
    public let maxRecordBytes: Int

    private var buffer: [UInt8] = []
    /// Where unread bytes start in `buffer`.
    private var start = 0
    /// The stream offset of `buffer[0]`.
    private var base = 0
    /// Records begun so far.
    private var records = 0
    /// The header of the record whose block is being read.
    private var pending: (version: String, fields: [(name: String, value: String)], length: Int, offset: Int, bodyStart: Int)?
    /// Whether the stream has ended (`finish()`).
    private var ended = false
    /// Bytes of an over-large record still to pass by.
    private var skipping = 0
    private var skippingRecord: (number: Int, offset: Int, length: Int)?
    /// Junk bytes skipped since the last record, and where they started.
    private var junk = 0
    /// Whether `start` begins a line (false after junk whose tail was kept mid-line).
    private var lineStart = true
    private var junkOffset = 0

    public init(maxRecordBytes: Int) {
        self.maxRecordBytes = max(0, maxRecordBytes)
    }

    /// The stream offset of the next unread byte.
    public var position: Int { base + start }

    /// Adds bytes of the stream.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        var bytes = bytes
        if skipping > 0 {
            let passed = min(skipping, bytes.count)
            skipping -= passed
            base += passed
            bytes = UnsafeRawBufferPointer(rebasing: bytes[passed...])
            if bytes.isEmpty { return }
        }
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            base += start
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// The next record or problem the bytes so far complete, or nil when more bytes are needed.
    public mutating func next() -> Item? {
        while true {
            if let skipped = skippingRecord, skipping == 0 {
                skippingRecord = nil
                return .problem(Problem(kind: .tooLarge(length: skipped.length, limit: maxRecordBytes),
                                        record: skipped.number, offset: skipped.offset))
            }
            if skipping > 0 { return nil }
            if let header = pending {
                let available = buffer.count - start
                if available < header.length {
                    // At the end of the stream, a record cut short may still be followed by others.
                    guard ended, let next = nextVersionLine(from: start, midLine: true) else { return nil }
                    pending = nil
                    start = next
                    return .problem(Problem(kind: .truncated(missing: header.length - (next - header.bodyStart)),
                                            record: records, offset: header.offset, nextRecord: base + next))
                }
                // What follows the block must be line ends and the next record (or the end of
                // the stream). When it is not, the record was cut short and the next record
                // begins inside its declared length: it is reported, and reading goes on there.
                let after = start + header.length
                var j = after
                while j < buffer.count && j < after + 4 && (buffer[j] == 13 || buffer[j] == 10) { j += 1 }
                // Enough bytes to see a whole version line that starts by the declared end.
                if j + 16 > buffer.count && !ended { return nil }
                if j < buffer.count && !startsWithVersion(at: j), let next = nextVersionLine(from: start, before: after, midLine: true) {
                    pending = nil
                    start = next
                    return .problem(Problem(kind: .truncated(missing: header.length - (next - header.bodyStart)),
                                            record: records, offset: header.offset, nextRecord: base + next))
                }
                let block = Array(buffer[start..<after])
                start = after
                pending = nil
                return .record(WARCRecord(version: header.version, fields: header.fields, block: block,
                                          number: records, offset: header.offset, end: base + after))
            }
            // Between records: skip the line ends that end the last block.
            // After kept junk, a line begins only right after an LF (as `nextVersionLine` sees it).
            let afterJunk = !lineStart
            while start < buffer.count && (buffer[start] == 13 || buffer[start] == 10) {
                if afterJunk { lineStart = buffer[start] == 10 }
                start += 1
            }
            guard start < buffer.count else { return nil }
            if !lineStart || !startsWithVersion(at: start) {
                guard let line = nextVersionLine(from: start) else {
                    // Keep the tail in case it is the start of a version line cut by the chunk;
                    // it does not begin a line, so a chunk boundary cannot make it a record.
                    let keep = min(buffer.count - start, 5)
                    noteJunk(buffer.count - keep - start)
                    start = buffer.count - keep
                    lineStart = false
                    return nil
                }
                noteJunk(line - start)
                start = line
                lineStart = true
            }
            if junk > 0 {
                let problem = Problem(kind: .skipped(bytes: junk), record: records + 1, offset: junkOffset)
                junk = 0
                return .problem(problem)
            }
            guard let end = headerEnd(from: start) else {
                if buffer.count - start > Self.maxHeaderBytes {
                    records += 1
                    let problem = Problem(kind: .headerTooLong(limit: Self.maxHeaderBytes), record: records, offset: position)
                    start += 5
                    return .problem(problem)
                }
                return nil
            }
            records += 1
            let offset = position
            let (version, fields) = parseHeader(start..<end.header)
            let lengthText = fields.first { $0.name.lowercased() == "content-length" }?.value
            guard let lengthText, let length = Int(lengthText), length >= 0 else {
                start = end.body
                return .problem(Problem(kind: .noLength(lengthText), record: records, offset: offset))
            }
            start = end.body
            if length > maxRecordBytes {
                let inBuffer = min(length, buffer.count - start)
                start += inBuffer
                skipping = length - inBuffer
                if skipping > 0 {
                    // Everything held is passed: drop it, so `base` counts the skipped bytes alone.
                    base += buffer.count
                    buffer.removeAll(keepingCapacity: true)
                    start = 0
                }
                skippingRecord = (records, offset, length)
                continue
            }
            pending = (version, fields, length, offset, start)
        }
    }

    /// Ends the stream: the records and problems left, a record left unfinished reported as
    /// truncated (a last record whose end can only be checked at the end of the stream comes
    /// out here).
    public mutating func finish() -> [Item] {
        ended = true
        var items: [Item] = []
        while let item = next() { items.append(item) }
        if let problem = leftover() { items.append(.problem(problem)) }
        return items
    }

    private mutating func leftover() -> Problem? {
        defer {
            pending = nil
            skipping = 0
            skippingRecord = nil
            buffer.removeAll()
            start = 0
        }
        if let header = pending {
            return Problem(kind: .truncated(missing: header.length - (buffer.count - start)), record: records, offset: header.offset)
        }
        if let skipped = skippingRecord {
            return Problem(kind: .truncated(missing: skipping), record: skipped.number, offset: skipped.offset)
        }
        // A header without its end (or a line of junk at the end).
        while start < buffer.count && (buffer[start] == 13 || buffer[start] == 10) { start += 1 }
        if start < buffer.count && startsWithVersion(at: start) {
            return Problem(kind: .truncated(missing: 0), record: records + 1, offset: position)
        }
        if start < buffer.count || junk > 0 {
            return Problem(kind: .skipped(bytes: buffer.count - start + junk), record: records + 1, offset: junk > 0 ? junkOffset : position)
        }
        return nil
    }

    /// Drops a record being read and any bytes held (the gzip member that carried them was
    /// damaged); returns the problem for the record dropped, if one was begun. The parser goes
    /// on at the next bytes appended.
    /// The pending record when its whole block is already here: the bytes after it, which
    /// would only have confirmed where it ends, are lost to damage. Called before `abandon`, so
    /// a record complete before a damaged gzip member is read, not reported as cut.
    public mutating func takeComplete() -> Item? {
        guard let header = pending, buffer.count - start >= header.length else { return nil }
        let after = start + header.length
        let block = Array(buffer[start..<after])
        start = after
        pending = nil
        return .record(WARCRecord(version: header.version, fields: header.fields, block: block,
                                  number: records, offset: header.offset, end: base + after))
    }

    public mutating func abandon(at streamOffset: Int) -> Problem? {
        var problem: Problem?
        if let header = pending {
            problem = Problem(kind: .truncated(missing: header.length - (buffer.count - start)), record: records, offset: header.offset)
        } else if let skipped = skippingRecord {
            problem = Problem(kind: .truncated(missing: skipping), record: skipped.number, offset: skipped.offset)
        } else if start < buffer.count && startsWithVersion(at: start) {
            records += 1
            problem = Problem(kind: .truncated(missing: 0), record: records, offset: position)
        }
        pending = nil
        skipping = 0
        skippingRecord = nil
        junk = 0
        buffer.removeAll(keepingCapacity: true)
        start = 0
        base = streamOffset
        lineStart = true
        return problem
    }

    // MARK: Scanning

    private mutating func noteJunk(_ count: Int) {
        guard count > 0 else { return }
        if junk == 0 { junkOffset = position }
        junk += count
    }

    private func startsWithVersion(at i: Int) -> Bool {
        let marker: [UInt8] = [0x57, 0x41, 0x52, 0x43, 0x2F]  // "WARC/"
        guard buffer.count - i >= marker.count else {
            // A prefix of the marker may still become one.
            return buffer[i...].elementsEqual(marker.prefix(buffer.count - i))
        }
        return buffer[i..<(i + 5)].elementsEqual(marker)
    }

    /// The start of the next record after `from`: a line that begins with `WARC/`, or a whole
    /// version line (`WARC/1.0` and its line end) that does not start a line. A record cut short
    /// mid-line (a writer killed mid-write, then the crawl resumed) leaves the next record's
    /// version line right after its last byte, with no line end before it.
    /// Mid-line version lines are looked for only when a record is known to be cut short (by
    /// then the bytes that could hold one are all in the buffer), not when skipping junk.
    private func nextVersionLine(from: Int, before limit: Int? = nil, midLine: Bool = false) -> Int? {
        var i = from + 1
        let end = min((limit ?? buffer.count) + 1, buffer.count)
        while i < end {
            if buffer[i] == 0x57 {
                if buffer[i - 1] == 10, buffer.count - i >= 5, startsWithVersion(at: i) { return i }
                if midLine && isVersionLine(at: i) { return i }
            }
            i += 1
        }
        return nil
    }

    /// Whether a whole version line starts at `i`: `WARC/`, digits, `.`, digits, and LF or CR LF.
    private func isVersionLine(at i: Int) -> Bool {
        guard startsWithVersion(at: i), buffer.count - i >= 5 else { return false }
        var j = i + 5
        func digits() -> Bool {
            let first = j
            while j < buffer.count && j - first < 4 && (0x30...0x39).contains(buffer[j]) { j += 1 }
            return j > first
        }
        guard digits(), j < buffer.count, buffer[j] == 0x2E else { return false }
        j += 1
        guard digits(), j < buffer.count else { return false }
        if buffer[j] == 13 { j += 1 }
        return j < buffer.count && buffer[j] == 10
    }

    /// The end of the header block starting at `from`: where its last field line ends and where
    /// the content begins (after the empty line).
    private func headerEnd(from: Int) -> (header: Int, body: Int)? {
        var i = from
        let limit = min(buffer.count, from + Self.maxHeaderBytes)
        while i < limit {
            if buffer[i] == 10 {
                if i + 1 < buffer.count && buffer[i + 1] == 10 { return (i, i + 2) }
                if i + 2 < buffer.count && buffer[i + 1] == 13 && buffer[i + 2] == 10 { return (i, i + 3) }
            }
            i += 1
        }
        return nil
    }

    /// The lines of a header, split at LF, with a CR before it removed (split as bytes: in a
    /// Swift string CR LF is one character).
    static func lines(_ bytes: ArraySlice<UInt8>) -> [String] {
        bytes.split(separator: 10, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 13 ? line.dropLast() : line, as: UTF8.self)
        }
    }

    private func parseHeader(_ range: Range<Int>) -> (String, [(name: String, value: String)]) {
        var lines = WARCParser.lines(buffer[range])
        let versionLine = lines.isEmpty ? "" : lines.removeFirst()
        let version = versionLine.hasPrefix("WARC/") ? String(versionLine.dropFirst(5)).trimmingCharacters(in: .whitespaces) : ""
        var fields: [(name: String, value: String)] = []
        for line in lines {
            if let first = line.first, first == " " || first == "\t", !fields.isEmpty {
                let more = line.trimmingCharacters(in: .whitespaces)
                fields[fields.count - 1].value += fields[fields.count - 1].value.isEmpty ? more : " " + more
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { fields.append((name, value)) }
        }
        return (version, fields)
    }
}
