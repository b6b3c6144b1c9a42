import Foundation
import Testing
@testable import Corpus

/// The structured formats (JSONL, JSON, CSV/TSV) and the plain-text header block: fields become
/// metadata that wins over what the cleaner infers, ids name the record's place, and bad
/// records are skipped with a warning naming file and line while the rest loads.
@Suite struct ReaderFormatTests {
    static let body = "WASHINGTON (Reuters) - The minister said on Tuesday that talks would resume.\n\n"
        + "\"We are ready,\" said Anna Berg, the spokeswoman.\n"

    func json(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    func load(_ fixture: LoadFixture, options: CorpusLoader.Options = .init()) throws -> Corpus {
        try CorpusLoader.load(path: fixture.path, options: options)
    }

    // MARK: - JSON Lines

    @Test func jsonLinesFieldsBecomeMetadata() throws {
        let fixture = try LoadFixture()
        let first = try json(["title": "Talks to resume", "text": Self.body, "date": "2023-06-18T10:00:00Z",
                              "source": "Reuters", "url": "https://example.com/a", "authors": ["Jane Doe", "John Roe"],
                              "language": "en", "section": "World", "word_count": 120, "paywalled": false])
        let second = try json(["headline": "Second", "body": "Another story about Oslo and Bergen.", "published": "June 19, 2023",
                               "outlet": "NTB", "author": "Kari Nordmann; Ola Nordmann"])
        try fixture.write("exports/june.jsonl", first + "\n\n" + second + "\n")
        let corpus = try load(fixture)
        #expect(corpus.count == 2)
        let a = try corpus.document("june:1")
        #expect(a.title == "Talks to resume")
        #expect(a.source == "Reuters")
        #expect(a.metadata.givenDate == "2023-06-18")
        #expect(a.date == "2023-06-18")
        #expect(a.dateFrom == "field")
        #expect(a.url == "https://example.com/a")
        #expect(a.authors == ["Jane Doe", "John Roe"])
        #expect(a.language == "en")
        #expect(a.format == "jsonl")
        #expect(a.meta.map(\.name) == ["paywalled", "section", "word_count"])
        #expect(a.meta.first { $0.name == "word_count" }?.value == .number(120))
        #expect(a.meta.first { $0.name == "paywalled" }?.value == .bool(false))
        // The text is all body: no line of it taken for a title.
        #expect(a.text.hasPrefix("The minister said"))
        #expect(a.dateline != nil)
        let b = try corpus.document("june:3")
        #expect(b.title == "Second")
        #expect(b.text == "Another story about Oslo and Bergen.")
        #expect(b.date == "2023-06-19")
        #expect(b.source == "NTB")
        #expect(b.authors == ["Kari Nordmann", "Ola Nordmann"])
        // raw is the record's own line.
        #expect(b.raw == second)
        #expect(corpus.summary.documents == 2)
    }

    @Test func badJSONLinesAreSkippedWithTheirLine() throws {
        let fixture = try LoadFixture()
        let good = try json(["id": "good", "text": "A story about Paris."])
        let lines = [good, "{\"text\": \"broken", "[1, 2]", try json(["title": "No text"]),
                     try json(["text": "   "]), try json(["id": "last", "text": "Another about Rome."])]
        try fixture.write("feed.ndjson", lines.joined(separator: "\n"))
        let corpus = try load(fixture)
        #expect(corpus.documents.map(\.id) == ["good", "last"])
        let messages = corpus.warnings.map(\.description)
        #expect(messages.count == 4)
        #expect(messages[0].hasPrefix("\(fixture.path)/feed.ndjson, line 2: not valid JSON"))
        #expect(messages[1].contains("line 3: a JSON array, not an article object"))
        #expect(messages[2].contains("line 4: no text (looked for fields text, body"))
        #expect(messages[3].contains("line 5: no text"))
        #expect(corpus.summary.skipped == ["malformed JSON": 1, "not an object": 1, "no text": 2])
        #expect(corpus.summary.description == "2 documents read; 4 skipped (2 no text, 1 malformed JSON, 1 not an object)")
    }

    @Test func oneLargeJSONLinesFileIsCutIntoSegments() throws {
        let fixture = try LoadFixture()
        var lines: [String] = []
        for i in 0..<300 { lines.append(try json(["text": "Story \(i) about the harbour of Lisbon.", "title": "T\(i)"])) }
        try fixture.write("big.jsonl", lines.joined(separator: "\n") + "\n")
        let cut = try CorpusLoader.load(path: fixture.path, segmentSize: nil, segmentBytes: 1000)
        let whole = try CorpusLoader.load(path: fixture.path, segmentSize: nil, segmentBytes: 1 << 30)
        #expect(cut.index.segments.count > 10)
        #expect(whole.index.segments.count == 1)
        #expect(cut.documents.map(\.id) == (1...300).map { "big:\($0)" })
        #expect(cut.documents.map(\.text) == whole.documents.map(\.text))
        #expect(try cut.document("big:300").title == "T299")
        #expect(cut.index.lexicon.documentFrequency == whole.index.lexicon.documentFrequency)
        #expect(try Search.search(cut, "lisbon", limit: 1000).count == 300)
    }

    // MARK: - JSON

    @Test func jsonArraysAndEnvelopes() throws {
        let fixture = try LoadFixture()
        let items = [try json(["title": "One", "content": "First story about Madrid."]), "{\"text\": 5}",
                     try json(["id": "x-2", "title": "Two", "text": "Second story about Seville."])]
        try fixture.write("array.json", "[\n  " + items.joined(separator: ",\n  ") + "\n]\n")
        try fixture.write("api.json", "{\"status\": \"ok\", \"totalResults\": 1, \"articles\": [" + items[0] + "]}")
        try fixture.write("single.json", try json(["title": "Alone", "text": "A single story about Porto."]))
        let corpus = try load(fixture)
        #expect(corpus.documents.map(\.id) == ["api#0", "array#0", "x-2", "single"])
        #expect(try corpus.document("array#0").raw == items[0])
        #expect(try corpus.document("single").title == "Alone")
        #expect(corpus.warnings.map(\.description) == ["\(fixture.path)/array.json, item 1: no text (looked for fields text, body, content, article, maintext), skipped"])
    }

    @Test func brokenJSONKeepsTheItemsBeforeTheBreak() throws {
        let fixture = try LoadFixture()
        try fixture.write("cut.json", "[{\"text\": \"Kept story about Lyon.\"}, {\"text\": \"lost")
        let corpus = try load(fixture)
        #expect(corpus.documents.map(\.id) == ["cut#0"])
        #expect(corpus.warnings.first?.description.contains("item 1: an item is not closed") == true)
        #expect(corpus.summary.skipped == ["malformed JSON": 1])
    }

    // MARK: - CSV

    @Test func csvRowsWithQuotesAndNewlines() throws {
        let fixture = try LoadFixture()
        let csv = "id,Title,date,source,text,section\r\n"
            + "a1,Markets calm,2024-03-01,AP,\"Stocks rose.\r\n\r\n\"\"Calm,\"\" said a trader.\",Business\r\n"
            + "a2,Ragged,2024-03-02,AP\r\n"
            + ",No id,2024-03-03,AFP,Oil fell in Houston.,\r\n"
        try fixture.write("wire.csv", csv)
        try fixture.write("wire2.tsv", "title\ttext\nTabbed\tA story\tabout Nairobi.\nGood\tA story about Accra.\n")
        let corpus = try load(fixture)
        #expect(corpus.documents.map(\.id) == ["a1", "wire:6", "wire2:3"])
        let a = try corpus.document("a1")
        #expect(a.title == "Markets calm")
        #expect(a.text == "Stocks rose.\n\n\"Calm,\" said a trader.")
        #expect(a.date == "2024-03-01")
        #expect(a.dateFrom == "field")
        #expect(a.meta.first?.name == "section")
        #expect(a.raw.hasPrefix("a1,Markets calm"))
        #expect(try corpus.document("wire:6").meta.isEmpty)
        let warnings = corpus.warnings.map(\.description)
        #expect(warnings == ["\(fixture.path)/wire.csv, line 5: 4 fields where the header has 6, skipped",
                             "\(fixture.path)/wire2.tsv, line 2: 3 fields where the header has 2, skipped"])
        #expect(corpus.summary.skipped == ["ragged CSV row": 2])
    }

    @Test func csvWithoutATextColumnOrWithAnUnclosedQuote() throws {
        let fixture = try LoadFixture()
        try fixture.write("names.csv", "name,age\nAda,36\n")
        try fixture.write("open.csv", "text\nFine story about Kyiv.\n\"Never closed\nstill\n")
        let corpus = try load(fixture)
        #expect(corpus.documents.map(\.id) == ["open:2"])
        #expect(corpus.warnings.map(\.description) == [
            "\(fixture.path)/names.csv, line 1: the header names no text column (looked for text, body, content, article, maintext; columns: name, age), skipped",
            "\(fixture.path)/open.csv, line 3: a quote opened in this row is never closed, skipped",
        ])
    }

    @Test func oneLargeCSVFileIsCutAtRowsAndKeepsItsHeader() throws {
        let fixture = try LoadFixture()
        var csv = "title,text\n"
        for i in 0..<200 { csv += "T\(i),\"Story \(i)\nabout Dakar, and more.\"\n" }
        try fixture.write("big.csv", csv)
        let corpus = try CorpusLoader.load(path: fixture.path, segmentSize: nil, segmentBytes: 700)
        #expect(corpus.index.segments.count > 5)
        #expect(corpus.count == 200)
        #expect(corpus.warnings.isEmpty)
        #expect(try corpus.document("big:400").title == "T199")
        #expect(try corpus.document("big:400").text == "Story 199\nabout Dakar, and more.")
    }

    // MARK: - Plain-text header block

    @Test func aHeaderBlockBecomesMetadata() throws {
        let fixture = try LoadFixture()
        try fixture.write("a.txt", "Title: Floods recede\nDate: 18 June 2023\nsource: Xinhua\nURL: https://x.cn/1\nAuthor: Li Wei\n\n" + Self.body)
        try fixture.write("b.txt", "---\ntitle: \"Front matter\"\ndate: 2023-06-20\nauthors:\n  - Ana Lima\n  - Rui Costa\ntags:\n  - energy\n---\nA story about Recife.\n")
        try fixture.write("c.txt", "Source: a senior official said the talks had failed.\nMore text about Geneva.\n")
        try fixture.write("d.txt", "BEIJING, June 18 (Xinhua) -- Floods receded on Sunday.\n")
        try fixture.write("e.txt", "Warning: storms ahead\n\nThe weather service warned of storms in Lagos.\n")
        let corpus = try load(fixture)
        let a = try corpus.document("a")
        #expect(a.title == "Floods recede")
        #expect(a.date == "2023-06-18")
        #expect(a.dateFrom == "field")
        #expect(a.source == "Xinhua")
        #expect(a.url == "https://x.cn/1")
        #expect(a.authors == ["Li Wei"])
        #expect(a.text.hasPrefix("The minister said"))
        #expect(a.raw.hasPrefix("Title: Floods recede"))
        let b = try corpus.document("b")
        #expect(b.title == "Front matter")
        #expect(b.authors == ["Ana Lima", "Rui Costa"])
        #expect(b.meta.first?.value == .list([.text("energy")]))
        #expect(b.text == "A story about Recife.")
        // A first sentence with a colon, a dateline, an unknown key: body.
        #expect(try corpus.document("c").text.hasPrefix("Source: a senior official"))
        #expect(try corpus.document("d").source == "Xinhua")
        #expect(try corpus.document("d").dateFrom != "field")
        #expect(try corpus.document("e").title == "Warning: storms ahead")
    }

    // MARK: - Ids, formats, options

    @Test func duplicateIdsGetASuffixAndAWarning() throws {
        let fixture = try LoadFixture()
        try fixture.write("a.jsonl", try json(["id": "x", "text": "One about Quito."]) + "\n" + json(["id": "x", "text": "Two about Lima."]))
        try fixture.write("a.txt", "Three about Cusco.\n")
        try fixture.write("sub/a.txt", "Four about Cali.\n")
        let corpus = try load(fixture)
        #expect(Set(corpus.documents.map(\.id)) == ["x", "x~2", "a", "sub/a"])
        #expect(corpus.warnings.contains { $0.place == "line 2" && $0.message.contains("duplicate id 'x'") })
        #expect(try corpus.document("x~2").text == "Two about Lima.")
    }

    @Test func formatFieldsPatternAndRecursionOptions() throws {
        let fixture = try LoadFixture()
        try fixture.write("export.dat", try json(["article_body": "A story about Hanoi.", "pub": "2022-01-05", "text": "not this"]))
        try fixture.write("keep.jsonl", try json(["text": "Top story about Hue."]))
        try fixture.write("deeper/more.jsonl", try json(["text": "Deep story about Da Nang."]))
        var options = CorpusLoader.Options(format: .jsonl, pattern: "*.dat")
        options.fields = FieldNames.standard.with(.text, named: "article_body").with(.date, named: "pub")
        let forced = try load(fixture, options: options)
        #expect(forced.documents.map(\.id) == ["export:1"])
        #expect(forced.documents.first?.text == "A story about Hanoi.")
        #expect(forced.documents.first?.date == "2022-01-05")
        #expect(forced.documents.first?.meta.map(\.name) == ["text"])
        let flat = try load(fixture, options: CorpusLoader.Options(recursive: false))
        #expect(flat.documents.map(\.id) == ["keep:1"])
        #expect(try load(fixture).count == 2)
    }

    @Test func aFileWithNoKnownExtensionIsSniffed() throws {
        let fixture = try LoadFixture()
        try fixture.write("dump", try json(["text": "Sniffed story about Kigali."]) + "\n" + json(["text": "Another about Goma."]))
        let corpus = try CorpusLoader.load(path: fixture.path + "/dump")
        #expect(corpus.documents.map(\.id) == ["dump:1", "dump:2"])
        #expect(corpus.documents.first?.format == "jsonl")
    }

    @Test func anEmptyFolderNamesTheFormatsLookedFor() throws {
        let fixture = try LoadFixture()
        try fixture.write("notes.md", "# not read\n")
        #expect(throws: CorpusError.empty(path: fixture.path)) { try load(fixture) }
        #expect(CorpusError.empty(path: "x").description == "no readable documents in x (looked for .txt, .jsonl, .ndjson, .json, .csv, .tsv, .html, .htm, .warc, and any of them with .gz)")
    }

    @Test func byteOrderMarksAndUTF16() throws {
        let fixture = try LoadFixture()
        try fixture.write("bom.jsonl", bytes: [0xEF, 0xBB, 0xBF] + Array(try json(["text": "A story about Turku."]).utf8))
        try fixture.write("bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("title,text\nT,A story about Oulu.\n".utf8))
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "Title: Wide\n\nA story about Espoo.\n".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try fixture.write("wide.txt", bytes: utf16)
        try fixture.write("empty.jsonl", "")
        let corpus = try load(fixture)
        // bom.csv's row and bom.jsonl's line, in path order.
        #expect(corpus.documents.map(\.id) == ["bom:2", "bom:1", "wide"])
        #expect(try corpus.document("bom:2").title == "T")
        #expect(try corpus.document("wide").title == "Wide")
        #expect(corpus.warnings.isEmpty)
    }

    // MARK: - The seeds in every format

    @Test func theSeedsAsJSONLinesAndCSVGiveTheSameAnalyses() throws {
        let seeds = try CorpusLoader.load(path: CompareFixtures.seedsPath)
        let fixture = try LoadFixture()
        var jsonl = ""
        var csv = "id,title,source,date,text\n"
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        for d in seeds.documents {
            let fields: [String: Any] = ["id": d.id, "title": d.title ?? "", "source": d.source ?? "", "date": d.date ?? "", "text": d.raw]
            jsonl += try json(fields) + "\n"
            csv += [d.id, d.title ?? "", d.source ?? "", d.date ?? "", d.raw].map(quoted).joined(separator: ",") + "\n"
        }
        try fixture.write("jsonl/seeds.jsonl", jsonl)
        try fixture.write("csv/seeds.csv", csv)
        for folder in ["jsonl", "csv"] {
            let other = try CorpusLoader.load(path: fixture.path + "/" + folder)
            #expect(other.documents.map(\.id) == seeds.documents.map(\.id))
            for (a, b) in zip(seeds.documents, other.documents) {
                #expect(a.title == b.title)
                #expect(a.source == b.source)
                #expect(a.date == b.date)
                #expect(a.text == b.text)
                #expect(seeds.quoteIndex.quotes(in: a).map(\.text) == other.quoteIndex.quotes(in: b).map(\.text))
                #expect(seeds.entities(in: a).map(\.name) == other.entities(in: b).map(\.name))
            }
        }
    }
}
