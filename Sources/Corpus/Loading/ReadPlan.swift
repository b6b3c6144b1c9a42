import Foundation

/// What the loader reads, cut into segments of about equal bytes that are analysed in
/// parallel: many small files make one segment, and one large JSONL or CSV file is cut at
/// record boundaries into several, so a single big export keeps every core busy.
struct ReadPlan {
    /// One file to read: where it is, what it is shown as, its id and format.
    struct File: Sendable {
        /// The path as shown (invalid UTF-8 bytes written `\xFF`).
        let path: String
        /// The id of its document (a file that holds one), or the prefix of its records' ids.
        let id: String
        /// The file the listing found; the reader checks it opens this very file.
        let identity: FileIdentity?
        /// The path's bytes when they are not the UTF-8 of `path` (a name that is not UTF-8).
        let bytes: [UInt8]?
        /// Size when listed.
        let size: Int
        /// The format, when its name or the options say; nil: sniffed from the first bytes.
        let format: DocumentFormat?

        init(location: [UInt8], id: String, identity: FileIdentity?, size: Int, format: DocumentFormat?) {
            path = FileName.display(location)
            self.id = id
            self.identity = identity
            bytes = path.utf8.elementsEqual(location) ? nil : location
            self.size = size
            self.format = format
        }

        /// The path to open.
        var location: [UInt8] { bytes ?? Array(path.utf8) }
    }

    /// A piece of work: one file, or a byte range of one that starts and ends at record
    /// boundaries.
    struct Unit: Sendable {
        let file: Int
        /// The bytes to read; nil for the whole file.
        let range: Range<Int>?
        /// The 1-based line `range` starts on.
        let firstLine: Int
        /// A CSV file's header row, for a range after the first.
        let header: [String]?
        /// Bytes, for sizing segments.
        let size: Int
    }

    var files: [File]
    var units: [Unit] = []
    /// Each segment's units: `units[segments[s]]`.
    var segments: [Range<Int>] = []
    /// Problems found while cutting large files.
    var warnings: [LoadWarning] = []

    /// Plans `files`: segments of about `segmentBytes` bytes (chosen from the total and the cores
    /// when nil), at most `unitsPerSegment` units each (tests use small ones); a splittable file
    /// larger than a segment is cut at record boundaries.
    init(files: [File], segmentBytes chosen: Int?, unitsPerSegment: Int?) {
        self.files = files
        let total = files.reduce(0) { $0 + $1.size }
        let target = chosen ?? Self.segmentBytes(total: total)
        let reader = FileReader()
        for (index, file) in files.enumerated() {
            if let format = file.format, format.splits, file.size > target, !DocumentFormat.isCompressed(name: file.location) {
                cut(file: index, format: format, target: target, reader: reader)
            } else {
                units.append(Unit(file: index, range: nil, firstLine: 1, header: nil, size: file.size))
            }
        }
        let maxUnits = unitsPerSegment ?? Int.max
        var start = 0
        var bytes = 0
        for (i, unit) in units.enumerated() {
            if i > start, bytes + unit.size > target || i - start >= maxUnits {
                segments.append(start..<i)
                start = i
                bytes = 0
            }
            bytes += unit.size
        }
        if start < units.count { segments.append(start..<units.count) }
    }

    /// Bytes per segment: enough segments to keep every core busy, not so many that merging
    /// their term tables costs much.
    static func segmentBytes(total: Int) -> Int {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return max(64 << 10, min(64 << 20, total / max(1, cores * 4) + 1))
    }

    /// Cuts a large file into ranges of about `target` bytes at record boundaries (line ends;
    /// for CSV, line ends outside quotes), each with the line it starts on.
    private mutating func cut(file index: Int, format: DocumentFormat, target: Int, reader: FileReader) {
        let file = files[index]
        var cutter = RecordCutter(format: format, target: target)
        let read = reader.forEachChunk(of: file.location, expected: file.identity) { cutter.scan($0) }
        guard case .success = read else {
            // Read whole: the read itself will report why it fails.
            units.append(Unit(file: index, range: nil, firstLine: 1, header: nil, size: file.size))
            return
        }
        cutter.finish()
        let header = format.headerFields(cutter.headerBytes)
        var pieces: [Unit] = []
        for (range, line) in zip(cutter.ranges, cutter.lines) {
            pieces.append(Unit(file: index, range: range, firstLine: line, header: range.lowerBound == 0 ? nil : header,
                               size: range.count))
        }
        units.append(contentsOf: pieces)
    }
}
