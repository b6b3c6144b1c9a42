import Foundation
import Testing
@testable import Corpus

private typealias P = HTMLTestPages
private typealias W = WARCFixture

/// The readers stop inside a large input when the load's token says so (a `--timeout`, a
/// Ctrl-C, a script's time budget), and `doc.raw` reads a record after a damaged gzip member
/// back as itself.
@Suite struct ReaderCancellationTests {
    /// A token that says stop from its `after`-th check on, counting its checks.
    final class CountingStop: @unchecked Sendable {
        private let lock = NSLock()
        private var polls = 0
        let after: Int
        init(after: Int) { self.after = after }

        var checks: Int {
            lock.lock()
            defer { lock.unlock() }
            return polls
        }

        lazy var token = Cancellation(poll: { [unowned self] in
            lock.lock()
            defer { lock.unlock() }
            polls += 1
            return polls >= after ? .interrupted : nil
        }, byteBudget: { nil })
    }

    /// Reads `bytes` as `format` with `token`: the records emitted, and what stopped the read.
    func read(_ bytes: [UInt8], as format: DocumentFormat, token: Cancellation) -> (records: Int, stop: WorkLimit?) {
        var records = 0
        var stop: WorkLimit?
        bytes.withUnsafeBufferPointer { buffer in
            let input = ReaderInput(bytes: buffer, offset: 0, firstLine: 1, header: nil, fields: .standard,
                                    format: format, cancellation: token)
            do throws(WorkLimit) {
                try format.reader.read(input, emit: { _ in records += 1 }, warn: { _ in })
            } catch {
                stop = error
            }
        }
        return (records, stop)
    }

    static let story = "The council met on Tuesday and agreed to keep the swimming pool open for another year."

    @Test func jsonLinesJSONAndCSVStopWithinAFewRecords() {
        let count = 5_000
        let jsonl = (0..<count).map { #"{"id": "s\#($0)", "text": "\#(Self.story)"}"# }.joined(separator: "\n")
        let json = "[" + (0..<count).map { _ in #"{"text": "\#(Self.story)"}"# }.joined(separator: ",") + "]"
        let csv = "id,text\n" + (0..<count).map { "s\($0),\"\(Self.story)\"" }.joined(separator: "\n")
        for (bytes, format) in [(jsonl, DocumentFormat.jsonl), (json, .json), (csv, .csv)] {
            // Whole, without a stop.
            #expect(read(Array(bytes.utf8), as: format, token: .none).records == count, "\(format)")
            // Stopped at the reader's third check: after about two intervals of records, not all of them.
            let stop = CountingStop(after: 3)
            let (records, limit) = read(Array(bytes.utf8), as: format, token: stop.token)
            #expect(limit == .interrupted, "\(format)")
            #expect(records <= 3 * readerCheckInterval, "\(format): \(records) records read after the stop")
        }
    }

    @Test func aWARCStopsBetweenRecordsThatAreNotPages() throws {
        // Thousands of request records and no page: nothing is emitted, so only the reader's own
        // checks can stop it.
        let requests = Array((0..<3_000).map { W.request("https://example.org/\($0)") }.joined())
        for bytes in [requests, try W.gzipEach((0..<3_000).map { W.request("https://example.org/\($0)") }).bytes] {
            let stop = CountingStop(after: 5)
            let (records, limit) = read(bytes, as: .warc, token: stop.token)
            #expect(limit == .interrupted)
            #expect(records == 0)
            #expect(stop.checks == 5)
        }
    }

    @Test func aPageStopsInsideItsParse() {
        let page = Array(P.page(body: P.paragraphs(3_000)).utf8)
        #expect(read(page, as: .html, token: .none).records == 1)
        // The first check is before the parse; the second comes from inside it, 256 events in.
        let stop = CountingStop(after: 2)
        let (records, limit) = read(page, as: .html, token: stop.token)
        #expect(limit == .interrupted)
        #expect(records == 0)
        #expect(stop.checks == 2)
    }

    @Test func aCancelledLoadOfOneLargeFileStops() throws {
        let fixture = try LoadFixture()
        let lines = (0..<20_000).map { #"{"id": "s\#($0)", "text": "\#(Self.story) Vote \#($0)."}"# }
        // Compressed: one file read as one unit, so only the reader's checks can stop it part-way.
        try fixture.write("big.jsonl.gz", bytes: try GzipFixture.gzip(lines.joined(separator: "\n") + "\n"))
        #expect(try CorpusLoader.load(path: fixture.path).count == 20_000)
        let stop = CountingStop(after: 10)
        #expect(throws: CorpusError.stopped(.interrupted)) {
            try CorpusLoader.load(path: fixture.path, options: CorpusLoader.Options(cancellation: stop.token))
        }
    }

    @Test func theRawRecordAfterADamagedGzipMemberIsItself() throws {
        let pages = (0..<3).map { n in
            W.response("https://example.org/\(n)", W.http(Array(P.page(body: "<h1>Story \(n)</h1>" + P.paragraphs(3)).utf8)))
        }
        var members = try pages.map { try GzipFixture.gzip($0) }
        let whole = try LoadFixture()
        try whole.write("crawl.warc.gz", bytes: Array(members.joined()))
        // The second member's deflate data is damaged from its first block on (an invalid block
        // type): decoding fails there at once and resumes at the third member.
        members[1] = Array(members[1].prefix(10)) + [UInt8](repeating: 0xFF, count: 64)
        let fixture = try LoadFixture()
        try fixture.write("crawl.warc.gz", bytes: Array(members.joined()))
        let corpus = try CorpusLoader.load(path: fixture.path)
        #expect(corpus.documents.map(\.url) == ["https://example.org/0", "https://example.org/2"])
        #expect(corpus.warnings.contains { $0.message.contains("member starting at byte \(members[0].count)") })
        // Each record reads back as its own bytes, the one after the damage too: as the same
        // record of the undamaged file reads.
        let intact = try CorpusLoader.load(path: whole.path)
        func raw(_ corpus: Corpus, _ url: String) -> String? { corpus.documents.first { $0.url == url }?.raw }
        let after = try #require(raw(corpus, "https://example.org/2"))
        #expect(after.hasPrefix("WARC/1.0") && after.contains("Story 2"))
        #expect(after == raw(intact, "https://example.org/2"))
        #expect(raw(corpus, "https://example.org/0") == raw(intact, "https://example.org/0"))
    }
}
