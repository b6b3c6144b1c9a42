import Corpus
import Harness

// The WARC reader (Sources/Corpus/Loading/Readers/WARC/) on any bytes, plain and cut into
// chunks: it never traps, every page lies inside a record it counted, offsets lie inside the
// input, and reading the stream in chunks gives the same records as reading it whole.
FuzzTarget.run { bytes in
    let raw = UnsafeRawBufferPointer(bytes)
    var pages: [WARCPage] = []
    let summary: WARCSummary
    do {
        summary = try WARCFile.read(raw, maxRecordBytes: 1 << 16) { pages.append($0) }
    } catch {
        FuzzTarget.require(false, "no token to stop it, yet it stopped: \(error)")
        return
    }
    FuzzTarget.require(summary.pages == pages.count, "pages counted \(summary.pages), handed on \(pages.count)")
    FuzzTarget.require(summary.pages + summary.skipped.values.reduce(0, +) <= summary.records, "more pages and skips than records")
    if !GzipDecoder.isGzip(raw) {
        for page in pages {
            FuzzTarget.require(page.offset >= 0 && page.offset < max(bytes.count, 1), "page offset outside the input")
            FuzzTarget.require(page.html.count <= bytes.count, "a page larger than the input")
        }
        // The parser alone, fed in chunks of 7 bytes, finds the same records.
        var parser = WARCParser(maxRecordBytes: 1 << 16)
        var whole = WARCParser(maxRecordBytes: 1 << 16)
        var chunked: [Int] = []
        var once: [Int] = []
        var start = 0
        while start < bytes.count {
            let end = min(start + 7, bytes.count)
            parser.append(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
            while let item = parser.next() { if case .record(let r) = item { chunked.append(r.offset) } }
            start = end
        }
        for item in parser.finish() { if case .record(let r) = item { chunked.append(r.offset) } }
        whole.append(raw)
        while let item = whole.next() { if case .record(let r) = item { once.append(r.offset) } }
        for item in whole.finish() { if case .record(let r) = item { once.append(r.offset) } }
        FuzzTarget.require(chunked == once, "chunked reading found records at \(chunked), whole reading at \(once)")
    }
}
