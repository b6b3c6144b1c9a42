/// An HTML page found in a WARC file: the payload of a `response` record (or an HTML `resource`
/// record), with what the record says about it.
public struct WARCPage: Sendable {
    /// `WARC-Target-URI`: where the page was fetched from.
    public var url: String?
    /// `WARC-Date`: when it was fetched (ISO 8601, UTC).
    public var fetched: String?
    /// `WARC-Record-ID`.
    public var recordID: String?
    /// The page's bytes (HTTP header removed, transfer and content codings undone).
    public var html: [UInt8]
    /// The charset of the HTTP `Content-Type`, if given.
    public var charset: String?
    /// The record's number in the file, from 1.
    public var record: Int
    /// Where the record starts: its byte offset in the file (for a .warc.gz, the offset of the
    /// gzip member that holds it, which is what `dd`, `warcio` and CDX indexes use).
    public var offset: Int
    /// A payload that could not be fully decoded (a cut chunked body…), or nil.
    public var problem: String?
    /// The record's bytes, version line to end of block, in the (decompressed) stream.
    public var range: Range<Int>
}

/// What a WARC file held: records read, pages found, records skipped (by reason), and one-line
/// warnings naming record and byte offset.
public struct WARCSummary: Sendable, Equatable {
    public var records = 0
    public var pages = 0
    /// Records that are not pages, by reason ("request record", "non-HTML response (image/png)",
    /// "HTTP status 404 response"…).
    public var skipped: [String: Int] = [:]
    /// Problems with the file: truncated or damaged records, undelimited records, corrupt gzip.
    public var warnings: [String] = []

    public init() {}
}

/// Reads the HTML pages of a WARC file (ISO 28500, WARC/1.0 and 1.1), plain or gzip-compressed
/// (one member per record, or the whole file as one member), one record at a time.
///
/// `response` records whose HTTP response is a success (2xx) with an HTML payload (by
/// `Content-Type`, or sniffed when the type is missing or generic) become pages; HTML `resource`
/// records too. `request`, `warcinfo`, `metadata`, `revisit`, `conversion` and `continuation`
/// records, non-HTML payloads and error or redirect responses are counted and skipped. A
/// truncated or damaged record is warned about (record number and byte offset) and the rest of
/// the file loads.
///
/// Memory: one record at a time, each bounded by `maxRecordBytes`; a compressed file is decoded
/// as it is read.
public enum WARCFile {
    /// Whether `bytes` (the start of a file, possibly gzip-decoded) begin like a WARC record.
    public static func looksLikeWARC(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let marker = Array("WARC/1.".utf8)
        var i = 0
        while i < bytes.count && (bytes[i] == 13 || bytes[i] == 10) { i += 1 }
        return bytes.count - i >= marker.count && bytes[i..<(i + marker.count)].elementsEqual(marker)
    }

    /// Reads the WARC held in `bytes` (gzip-compressed or not), calling `page` for each page.
    public static func read(_ bytes: UnsafeRawBufferPointer, maxRecordBytes: Int, cancellation: Cancellation = .none,
                            page: (WARCPage) throws(WorkLimit) -> Void) throws(WorkLimit) -> WARCSummary {
        var reading = Reading(maxRecordBytes: maxRecordBytes, cancellation: cancellation)
        if GzipDecoder.isGzip(bytes) {
            // The records bound the memory; the stream as a whole is bounded by the cancellation.
            let decoder = GzipDecoder(limit: Int.max, cancellation: cancellation, resynchronize: true)
            try decoder.decode(bytes) { (event) throws(WorkLimit) in
                switch event {
                case .member(let offset):
                    reading.members.append((stream: reading.streamOffset, file: offset))
                case .bytes(let chunk):
                    reading.parser.append(chunk)
                    reading.streamOffset += chunk.count
                    try reading.drain(page)
                case .problem(let problem):
                    try reading.drain(page)
                    if let complete = reading.parser.takeComplete() { try reading.handle([complete], page) }
                    reading.summary.warnings.append(problem.description)
                    if var lost = reading.parser.abandon(at: reading.streamOffset) {
                        lost.offset = reading.fileOffset(lost.offset)
                        reading.summary.warnings.append(lost.description)
                    }
                }
            }
        } else {
            reading.parser.append(bytes)
            try reading.drain(page)
        }
        try reading.drain(page)
        try reading.handle(reading.parser.finish(), page)
        return reading.summary
    }

    public static func read(_ bytes: [UInt8], maxRecordBytes: Int, cancellation: Cancellation = .none,
                            page: (WARCPage) throws(WorkLimit) -> Void) throws(WorkLimit) -> WARCSummary {
        let result: Result<WARCSummary, WorkLimit> = bytes.withUnsafeBytes { raw in
            Result { () throws(WorkLimit) in try read(raw, maxRecordBytes: maxRecordBytes, cancellation: cancellation, page: page) }
        }
        return try result.get()
    }

    /// The state of one file's reading.
    struct Reading {
        var parser: WARCParser
        var summary = WARCSummary()
        let maxRecordBytes: Int
        let cancellation: Cancellation
        /// Where each gzip member starts: in the decoded stream and in the file.
        var members: [(stream: Int, file: Int)] = []
        var streamOffset = 0

        init(maxRecordBytes: Int, cancellation: Cancellation) {
            parser = WARCParser(maxRecordBytes: maxRecordBytes)
            self.maxRecordBytes = maxRecordBytes
            self.cancellation = cancellation
        }

        /// The file offset for a decoded-stream offset: the member that holds it (or the offset
        /// itself for a plain file).
        func fileOffset(_ stream: Int) -> Int {
            guard !members.isEmpty else { return stream }
            var low = 0
            var high = members.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if members[mid].stream <= stream { low = mid } else { high = mid - 1 }
            }
            return members[low].file
        }

        mutating func drain(_ page: (WARCPage) throws(WorkLimit) -> Void) throws(WorkLimit) {
            while let item = parser.next() { try handle([item], page) }
        }

        mutating func handle(_ items: [WARCParser.Item], _ page: (WARCPage) throws(WorkLimit) -> Void) throws(WorkLimit) {
            for item in items {
                switch item {
                case .problem(var problem):
                    problem.offset = fileOffset(problem.offset)
                    problem.nextRecord = problem.nextRecord.map(fileOffset)
                    if case .skipped = problem.kind {} else { summary.records += 1 }
                    summary.warnings.append(problem.description)
                case .record(let record):
                    summary.records += 1
                    try cancellation.check()
                    switch try WARCFile.classify(record, limit: maxRecordBytes, cancellation: cancellation) {
                    case .skipped(let reason):
                        summary.skipped[reason, default: 0] += 1
                    case .page(var found):
                        found.offset = fileOffset(record.offset)
                        summary.pages += 1
                        try page(found)
                    }
                }
            }
        }
    }

    enum Classification {
        case page(WARCPage)
        case skipped(String)
    }

    /// Whether a record is a page, and the page.
    static func classify(_ record: WARCRecord, limit: Int, cancellation: Cancellation) throws(WorkLimit) -> Classification {
        let type = record.type
        func page(_ html: [UInt8], charset: String?, problem: String?) -> Classification {
            .page(WARCPage(url: record.targetURI, fetched: record.date, recordID: record["WARC-Record-ID"], html: html,
                           charset: charset, record: record.number, offset: record.offset, problem: problem,
                           range: record.offset..<record.end))
        }
        switch type {
        case "response":
            guard let response = try HTTPResponse.parse(record.block, limit: limit, cancellation: cancellation) else {
                return .skipped("response that is not HTTP")
            }
            guard (200..<300).contains(response.status) else {
                return .skipped("HTTP status \(response.status) response")
            }
            guard isHTML(mediaType: response.mediaType, response.body) else {
                return .skipped("non-HTML response (\(response.mediaType ?? "no type"))")
            }
            return page(response.body, charset: response.charset, problem: response.problem)
        case "resource":
            let mediaType = record["Content-Type"].map {
                ($0.split(separator: ";").first.map(String.init) ?? $0).trimmingCharacters(in: .whitespaces).lowercased()
            }
            guard isHTML(mediaType: mediaType, record.block) else { return .skipped("non-HTML resource record") }
            let charset = record["Content-Type"].flatMap { HTTPResponse(status: 200, fields: [("Content-Type", $0)], body: []).charset }
            return page(record.block, charset: charset, problem: nil)
        case "":
            return .skipped("record without WARC-Type")
        default:
            return .skipped("\(type) record")
        }
    }

    /// HTML by media type, or sniffed when the type is missing or says nothing.
    static func isHTML(mediaType: String?, _ body: [UInt8]) -> Bool {
        switch mediaType {
        case "text/html", "application/xhtml+xml", "application/xhtml", "text/xhtml":
            return true
        case nil, "application/octet-stream", "text/plain", "unknown/unknown", "application/unknown", "":
            return body.withUnsafeBytes { HTMLExtractor.looksLikeHTML(UnsafeRawBufferPointer(rebasing: $0.prefix(4_096))) }
        default:
            return false
        }
    }
}
