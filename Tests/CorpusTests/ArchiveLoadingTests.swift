import Foundation
import Testing
@testable import Corpus

private typealias P = HTMLTestPages
private typealias W = WARCFixture

/// Loading web pages, web archives and gzip-compressed files through the reader seam.
@Suite struct ArchiveLoadingTests {
    @Test(.enabled(if: P.devdataAvailable, P.skipMessage))
    func aFolderMixingFormatsLoadsThemAll() throws {
        let folder = try LoadFixture()
        let seeds = try GzipFixture.seeds()
        try folder.write("notes.txt", bytes: seeds[0].bytes)
        try folder.write("pages/story.html", bytes: try P.devdataPage("time_001"))
        try folder.write("crawl/news.warc.gz", bytes: try W.gzipEach(try W.crawl(W.pages)).bytes)
        let lines = [#"{"id": "wire-1", "title": "Council keeps pool open", "date": "2024-03-04", "source": "Daily Bugle", "text": "The council met on Tuesday and agreed to keep the swimming pool open for another year."}"#,
                     #"{"title": "Budget passes", "text": "The budget passed by nine votes to two after a long debate in the council chamber."}"#]
        try folder.write("exports/june.jsonl.gz", bytes: try GzipFixture.gzip(lines.joined(separator: "\n") + "\n"))
        let corpus = try CorpusLoader.load(path: folder.path)
        #expect(corpus.count == 1 + 1 + 3 + 2, "\(corpus.documents.map(\.id)) \(corpus.warnings)")
        let ids = Set(corpus.documents.map(\.id))
        #expect(ids.isSuperset(of: ["notes", "story", "news#4", "news#7", "news#10", "wire-1", "june:2"]))

        let page = try corpus.document("story")
        #expect(page.format == "html")
        // The headline the page shows (its <h1> and JSON-LD NewsArticle headline agree), not the <title>.
        #expect(page.title == "We Need Geoengineering to Stop Out of Control Warming, Warns Climate Scientist James Hansen")
        #expect(page.dateFrom == "field")
        #expect(page.date == "2023-11-02")
        #expect(page.text.contains("Hansen"))
        #expect(!page.text.contains("<p>"))

        let wire = try corpus.document("wire-1")
        #expect(wire.source == "Daily Bugle")
        #expect(wire.title == "Council keeps pool open")
        // The raw record of a compressed file is its own line, decoded.
        #expect(wire.raw == lines[0])
        // In a .warc.gz too: the record, decoded from its member.
        let archived = try corpus.document("news#7")
        #expect(archived.url == W.pages[1].uri)
        #expect(archived.raw.hasPrefix("WARC/1.0") && archived.raw.contains(W.pages[1].uri))
    }

    @Test(.enabled(if: P.devdataAvailable, P.skipMessage))
    func aWARCLoadsOnlyItsResponsesWithURLsAndTitles() throws {
        let folder = try LoadFixture()
        try folder.write("crawl.warc", bytes: Array(try W.crawl(W.pages).joined()))
        let corpus = try CorpusLoader.load(path: folder.path)
        #expect(corpus.documents.map(\.id) == ["crawl#4", "crawl#7", "crawl#10"])
        #expect(corpus.documents.map(\.url) == W.pages.map(\.uri))
        #expect(corpus.documents.allSatisfy { $0.format == "warc" })
        let cnn = corpus.documents[0]
        #expect(cnn.title?.contains("After storm, forecasters see smooth sailing for Thanksgiving") == true)
        #expect(corpus.documents[2].title?.contains("N. Korea slams S. Korea") == true)
        #expect(cnn.meta.contains { $0.name == "warc_date" && $0.value == .text("2024-03-05T10:15:00Z") })
        // The records that are not pages are counted in one warning.
        #expect(corpus.warnings.contains { $0.message.contains("request record × 3") })
        // doc.raw is the record itself.
        #expect(cnn.raw.hasPrefix("WARC/1.0"))
    }

    @Test(.enabled(if: P.devdataAvailable, P.skipMessage))
    func aWARCDateStandsInForAPageWithoutOne() throws {
        let page = Array(P.page(body: P.paragraphs(4)).utf8)
        let folder = try LoadFixture()
        try folder.write("a.warc", bytes: W.response("https://example.org/a", W.http(page), date: "2021-06-30T08:00:00Z"))
        let corpus = try CorpusLoader.load(path: folder.path)
        let doc = try #require(corpus.documents.first)
        #expect(doc.date == "2021-06-30")
        #expect(doc.dateFrom == "field")
    }

    @Test func theSeedsGzippedGiveTheSameDocumentsAsPlain() throws {
        let plain = try LoadFixture()
        let packed = try LoadFixture()
        for seed in try GzipFixture.seeds() {
            try plain.write(seed.name, bytes: seed.bytes)
            try packed.write(seed.name + ".gz", bytes: try GzipFixture.gzip(seed.bytes))
        }
        let a = try CorpusLoader.load(path: plain.path)
        let b = try CorpusLoader.load(path: packed.path)
        #expect(a.documents.map(\.id) == b.documents.map(\.id))
        #expect(a.documents.map(\.text) == b.documents.map(\.text))
        #expect(a.documents.map(\.title) == b.documents.map(\.title))
        #expect(a.documents.map(\.date) == b.documents.map(\.date))
        #expect(a.documents.map(\.raw) == b.documents.map(\.raw))
    }

    @Test func aTruncatedGzipFileWarnsAndKeepsItsWholeLines() throws {
        let folder = try LoadFixture()
        let lines = (1...200).map { #"{"title": "Story \#($0)", "text": "The council met on Tuesday and agreed, in vote number \#($0), to keep the pool open."}"# }
        let packed = try GzipFixture.gzip(lines.joined(separator: "\n") + "\n")
        try folder.write("cut.jsonl.gz", bytes: Array(packed.prefix(packed.count * 2 / 3)))
        let corpus = try CorpusLoader.load(path: folder.path)
        #expect(corpus.count > 0 && corpus.count < 200)
        #expect(corpus.warnings.contains { $0.message.contains("gzip stream truncated at byte") })
    }

    @Test func aGzipBombIsSkippedAtTheFileLimit() throws {
        let folder = try LoadFixture()
        try folder.write("bomb.txt.gz", bytes: try GzipFixture.gzip([UInt8](repeating: 0x41, count: 8 << 20), level: 9))
        try folder.write("fine.txt", "The council met on Tuesday and agreed to keep the pool open.")
        let corpus = try CorpusLoader.load(path: folder.path, options: .init(maxFileBytes: 1 << 20))
        #expect(corpus.documents.map(\.id) == ["fine"])
        #expect(corpus.warnings.contains { $0.message.contains("decompresses to more than 1048576 bytes") })
    }
}
