import Foundation
@testable import Corpus

/// WARC files written record by record, as a crawler writes them (ISO 28500), with real pages of
/// ../shared/devdata/news-html as payloads.
enum WARCFixture {
    /// One record: version line, fields, Content-Length, empty line, block, two line ends.
    static func record(_ type: String, uri: String? = nil, date: String = "2024-03-05T10:15:00Z",
                       contentType: String? = nil, block: [UInt8], version: String = "1.0",
                       extra: [(String, String)] = []) -> [UInt8] {
        var header = "WARC/\(version)\r\nWARC-Type: \(type)\r\n"
        header += "WARC-Record-ID: <urn:uuid:\(UUID().uuidString.lowercased())>\r\n"
        header += "WARC-Date: \(date)\r\n"
        if let uri { header += "WARC-Target-URI: \(uri)\r\n" }
        if let contentType { header += "Content-Type: \(contentType)\r\n" }
        for (name, value) in extra { header += "\(name): \(value)\r\n" }
        header += "Content-Length: \(block.count)\r\n\r\n"
        return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
    }

    /// An HTTP response: status line, fields, empty line, body.
    static func http(_ body: [UInt8], status: String = "200 OK", contentType: String? = "text/html; charset=utf-8",
                     fields: [(String, String)] = []) -> [UInt8] {
        var header = "HTTP/1.1 \(status)\r\nServer: nginx\r\n"
        if let contentType { header += "Content-Type: \(contentType)\r\n" }
        for (name, value) in fields { header += "\(name): \(value)\r\n" }
        header += "Content-Length: \(body.count)\r\n\r\n"
        return Array(header.utf8) + body
    }

    static func request(_ uri: String) -> [UInt8] {
        let url = URL(string: uri)
        let path = url?.path.isEmpty == false ? url!.path : "/"
        let block = Array("GET \(path) HTTP/1.1\r\nHost: \(url?.host ?? "example.com")\r\nUser-Agent: test-crawler/1.0\r\nAccept: */*\r\n\r\n".utf8)
        return record("request", uri: uri, contentType: "application/http; msgtype=request", block: block)
    }

    static func response(_ uri: String, _ http: [UInt8], date: String = "2024-03-05T10:15:00Z", version: String = "1.0") -> [UInt8] {
        record("response", uri: uri, date: date, contentType: "application/http; msgtype=response", block: http, version: version)
    }

    static func warcinfo() -> [UInt8] {
        record("warcinfo", contentType: "application/warc-fields",
               block: Array("software: test-crawler/1.0\r\nformat: WARC File Format 1.0\r\n".utf8))
    }

    static func metadata(_ uri: String) -> [UInt8] {
        record("metadata", uri: uri, contentType: "application/warc-fields", block: Array("fetchTimeMs: 212\r\n".utf8))
    }

    /// A crawl of real pages: warcinfo, then for each page a request, a response and a metadata
    /// record, and an image response between them.
    static func crawl(_ pages: [(name: String, uri: String)]) throws -> [[UInt8]] {
        var records = [warcinfo()]
        for page in pages {
            records.append(request(page.uri))
            records.append(response(page.uri, http(try HTMLTestPages.devdataPage(page.name))))
            records.append(metadata(page.uri))
        }
        records.insert(response("https://example.com/logo.png", http([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13], contentType: "image/png")), at: 2)
        return records
    }

    /// Each record its own gzip member, as WARC.gz files are written.
    static func gzipEach(_ records: [[UInt8]]) throws -> (bytes: [UInt8], offsets: [Int]) {
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        for record in records {
            offsets.append(bytes.count)
            bytes += try GzipFixture.gzip(record)
        }
        return (bytes, offsets)
    }

    static let pages: [(name: String, uri: String)] = [
        ("cnn_article", "http://www.cnn.com/2013/11/27/travel/weather-thanksgiving/index.html"),
        ("time_001", "https://time.com/6330957/james-hansen-climate-warning-geoengineering-study/"),
        ("yna_co_kr", "https://en.yna.co.kr/view/AEN20190820002300325?section=nk/nk"),
    ]

    /// Reads a WARC, collecting its pages.
    static func read(_ bytes: [UInt8], maxRecordBytes: Int = 1 << 26) throws -> (pages: [WARCPage], summary: WARCSummary) {
        var pages: [WARCPage] = []
        let summary = try WARCFile.read(bytes, maxRecordBytes: maxRecordBytes) { pages.append($0) }
        return (pages, summary)
    }
}
