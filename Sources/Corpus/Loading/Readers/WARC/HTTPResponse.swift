import Foundation

/// An HTTP response as a WARC `response` record holds it: status line, header fields, and the
/// payload, with the transfer coding (chunked) and a gzip content coding undone.
public struct HTTPResponse: Sendable {
    /// The status code (200, 301, 404…), 0 when the status line cannot be read.
    public var status: Int
    /// The header fields in order (names as written).
    public var fields: [(name: String, value: String)]
    /// The payload, decoded.
    public var body: [UInt8]
    /// Why the payload could not be fully decoded (a cut chunked body, a gzip problem, a
    /// content coding dossier does not read), or nil.
    public var problem: String?

    public init(status: Int, fields: [(name: String, value: String)], body: [UInt8], problem: String? = nil) {
        self.status = status
        self.fields = fields
        self.body = body
        self.problem = problem
    }

    /// The first field named `name` (case-insensitive).
    public subscript(_ name: String) -> String? {
        let wanted = name.lowercased()
        return fields.first { $0.name.lowercased() == wanted }?.value
    }

    /// The media type of `Content-Type`, lower-case, without parameters ("text/html").
    public var mediaType: String? {
        guard let value = self["Content-Type"] else { return nil }
        let type = value.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return type?.isEmpty == false ? type : nil
    }

    /// The `charset` parameter of `Content-Type`, if given.
    public var charset: String? {
        guard let value = self["Content-Type"] else { return nil }
        for parameter in value.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let charset = parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return charset.isEmpty ? nil : charset
        }
        return nil
    }

    /// Parses the block of a `response` record; nil when it does not start with an HTTP status
    /// line. `limit` bounds the decoded payload (a gzip content coding is decoded up to it).
    public static func parse(_ block: [UInt8], limit: Int, cancellation: Cancellation = .none) throws(WorkLimit) -> HTTPResponse? {
        guard block.starts(with: Array("HTTP/".utf8)) else { return nil }
        // The header ends at the first empty line (CRLF CRLF, or LF LF from lenient servers).
        var end: (header: Int, body: Int)?
        var i = 0
        while i < block.count {
            if block[i] == 10 {
                if i + 1 < block.count && block[i + 1] == 10 { end = (i, i + 2); break }
                if i + 2 < block.count && block[i + 1] == 13 && block[i + 2] == 10 { end = (i, i + 3); break }
            }
            i += 1
        }
        let headerEnd = end?.header ?? block.count
        let bodyStart = end?.body ?? block.count
        let lines = WARCParser.lines(block[0..<headerEnd])
        let statusParts = lines.first?.split(separator: " ", maxSplits: 2) ?? []
        let status = statusParts.count >= 2 ? Int(statusParts[1]) ?? 0 : 0
        var fields: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            if let first = line.first, first == " " || first == "\t", !fields.isEmpty {
                let more = line.trimmingCharacters(in: .whitespaces)
                fields[fields.count - 1].value += fields[fields.count - 1].value.isEmpty ? more : " " + more
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields.append((line[..<colon].trimmingCharacters(in: .whitespaces),
                           line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var response = HTTPResponse(status: status, fields: fields, body: Array(block[bodyStart...]), problem: nil)
        try response.decodeCodings(limit: limit, cancellation: cancellation)
        return response
    }

    /// Undoes `Transfer-Encoding: chunked` and `Content-Encoding: gzip`. Crawlers that already
    /// undid them (Common Crawl keeps the original field as `X-Crawler-Transfer-Encoding`) leave
    /// plain bytes, which are kept as they are when they do not look coded.
    private mutating func decodeCodings(limit: Int, cancellation: Cancellation) throws(WorkLimit) {
        if let coding = self["Transfer-Encoding"]?.lowercased(), coding.contains("chunked") {
            if let decoded = Self.dechunk(body) {
                body = decoded.bytes
                if decoded.truncated { problem = "chunked payload cut short" }
            }
        }
        if let coding = self["Content-Encoding"]?.lowercased().trimmingCharacters(in: .whitespaces),
           !coding.isEmpty, coding != "identity" {
            if coding == "gzip" || coding == "x-gzip" {
                if GzipDecoder.isGzip(body) {
                    let (bytes, gzipProblem) = try GzipDecoder(limit: limit, cancellation: cancellation).decompress(body)
                    body = bytes
                    if let gzipProblem { problem = "payload \(gzipProblem)" }
                }
            } else if !Self.looksPlain(body) {
                problem = "content coding \"\(coding)\" is not read"
            }
        }
    }

    /// Whether `bytes` start like text (a page whose coding was already undone by the crawler).
    static func looksPlain(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { HTMLExtractor.looksLikeHTML(UnsafeRawBufferPointer(rebasing: $0.prefix(4_096))) }
    }

    /// The payload of a chunked body, and whether it ends before its last (zero-size) chunk.
    /// Nil when the bytes do not start with a chunk size (the crawler already removed it).
    static func dechunk(_ bytes: [UInt8]) -> (bytes: [UInt8], truncated: Bool)? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var first = true
        while i < bytes.count {
            // chunk-size [; extensions] CRLF
            var j = i
            var size = 0
            var digits = 0
            while j < bytes.count, let digit = Self.hexValue(bytes[j]) {
                guard size < (Int.max >> 5) else { return first ? nil : (out, true) }
                size = size * 16 + digit
                digits += 1
                j += 1
            }
            if digits == 0 { return first ? nil : (out, true) }
            while j < bytes.count && bytes[j] != 10 { j += 1 }
            guard j < bytes.count else { return (out, true) }
            j += 1
            first = false
            if size == 0 { return (out, false) }
            let available = min(size, bytes.count - j)
            out.append(contentsOf: bytes[j..<(j + available)])
            if available < size { return (out, true) }
            i = j + size
            // CRLF after the chunk data.
            if i < bytes.count && bytes[i] == 13 { i += 1 }
            if i < bytes.count && bytes[i] == 10 { i += 1 }
        }
        return (out, true)
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: return Int(byte - 0x30)
        case 0x41...0x46: return Int(byte - 0x41 + 10)
        case 0x61...0x66: return Int(byte - 0x61 + 10)
        default: return nil
        }
    }
}
