import Testing
@testable import Corpus

/// The pieces the readers are built from: format detection, record cutting, CSV rows, the JSON
/// item scanner, the text header block and field-name options.
@Suite struct ReaderUnitTests {
    func bytes(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        Array(s.utf8).withUnsafeBufferPointer(body)
    }

    @Test func formatsByExtensionInAnyCase() {
        #expect(DocumentFormat.format(ofName: Array("a.TXT".utf8)) == .txt)
        #expect(DocumentFormat.format(ofName: Array("x/b.NDJSON".utf8)) == .jsonl)
        #expect(DocumentFormat.format(ofName: Array("c.json".utf8)) == .json)
        #expect(DocumentFormat.format(ofName: Array("d.Csv".utf8)) == .csv)
        #expect(DocumentFormat.format(ofName: Array("e.tsv".utf8)) == .tsv)
        #expect(DocumentFormat.format(ofName: Array("notes.md".utf8)) == nil)
        #expect(DocumentFormat.format(ofName: Array("txt".utf8)) == nil)
        #expect(DocumentFormat.format(ofName: Array("a.".utf8)) == nil)
        #expect(DocumentFormat.format(ofName: Array("a.verylongext".utf8)) == nil)
    }

    @Test func sniffingTheFirstBytes() {
        bytes("\u{FEFF}  {\"text\": \"a\"}\n{\"text\": \"b\"}") { #expect(DocumentFormat.sniff($0) == .jsonl) }
        bytes("{\n  \"articles\": []\n}") { #expect(DocumentFormat.sniff($0) == .json) }
        bytes("[{\"text\": \"a\"}]") { #expect(DocumentFormat.sniff($0) == .json) }
        bytes("Headline\n\nBody {with braces}.") { #expect(DocumentFormat.sniff($0) == .txt) }
        bytes("") { #expect(DocumentFormat.sniff($0) == .txt) }
    }

    @Test func cuttingAtLineEndsAndOutsideQuotes() {
        var lines = RecordCutter(format: .jsonl, target: 9)
        bytes("{\"a\": 1}\n{\"b\": 2}\n{\"c\": 3}\n") { lines.scan($0) }
        lines.finish()
        #expect(lines.ranges == [0..<9, 9..<18, 18..<27])
        #expect(lines.lines == [1, 2, 3])
        // A quoted line end is not a boundary; the header row is never cut off alone.
        var csv = RecordCutter(format: .csv, target: 5)
        let text = "h1,h2\n\"a\nb\",c\nd,e\n"
        // Fed in two chunks: a chunk boundary inside a quote changes nothing.
        let all = Array(text.utf8)
        all.withUnsafeBufferPointer { buffer in
            csv.scan(UnsafeBufferPointer(rebasing: buffer[0..<8]))
            csv.scan(UnsafeBufferPointer(rebasing: buffer[8...]))
        }
        csv.finish()
        #expect(csv.headerBytes == Array("h1,h2\n".utf8))
        #expect(csv.ranges == [0..<14, 14..<18])
        #expect(csv.lines == [1, 4])
        #expect(DocumentFormat.csv.headerFields(csv.headerBytes) == ["h1", "h2"])
        var empty = RecordCutter(format: .jsonl, target: 10)
        empty.finish()
        #expect(empty.ranges == [0..<0])
    }

    @Test func csvRowsAndTheirLines() {
        bytes("a,b\r\n\r\n\"x\r\ny\",\"say \"\"hi\"\"\"\nlast,row") { buffer in
            let (rows, unclosed) = CSVRows.rows(buffer, firstLine: 1, delimiter: UInt8(ascii: ","))
            #expect(rows.map(\.line) == [1, 3, 5])
            #expect(rows.map { String(decoding: UnsafeBufferPointer(rebasing: buffer[$0.range]), as: UTF8.self) }
                == ["a,b", "\"x\r\ny\",\"say \"\"hi\"\"\"", "last,row"])
            #expect(!unclosed)
            let fields = CSVDocumentReader.fields(of: UnsafeBufferPointer(rebasing: buffer[rows[1].range]), delimiter: UInt8(ascii: ","))
            #expect(fields.fields == ["x\r\ny", "say \"hi\""])
        }
        // A quote inside an unquoted field is a character, not the start of a quoted field.
        bytes("5\" pipe,x\nnext,y\n") { buffer in
            let (rows, unclosed) = CSVRows.rows(buffer, firstLine: 1, delimiter: UInt8(ascii: ","))
            #expect(rows.count == 2)
            #expect(!unclosed)
        }
        bytes("\"open,x\nmore\n") { #expect(CSVRows.rows($0, firstLine: 1, delimiter: UInt8(ascii: ",")).unclosedQuote) }
    }

    @Test func jsonItemsAreFoundWithoutParsing() {
        bytes(" [ {\"t\": \"a ] } \\\" ,\"}, 3 , [1,[2]], \"s\" ] ") { buffer in
            var scanner = JSONItemScanner(buffer)
            guard case .items(let ranges, let problem) = scanner.articleItems(envelopeKeys: ["items"]) else {
                Issue.record("expected items")
                return
            }
            #expect(problem == nil)
            #expect(ranges.map { String(decoding: UnsafeBufferPointer(rebasing: buffer[$0]), as: UTF8.self) }
                == ["{\"t\": \"a ] } \\\" ,\"}", "3", "[1,[2]]", "\"s\""])
        }
        bytes("{\"meta\": {\"items\": [9]}, \"Items\": [{\"x\": 1}]}") { buffer in
            var scanner = JSONItemScanner(buffer)
            guard case .items(let ranges, _) = scanner.articleItems(envelopeKeys: ["items"]) else {
                Issue.record("expected the envelope's items")
                return
            }
            #expect(ranges.count == 1)
        }
        bytes("{\"text\": \"one article\"}") { buffer in
            var scanner = JSONItemScanner(buffer)
            guard case .single = scanner.articleItems(envelopeKeys: ["items"]) else {
                Issue.record("expected one article")
                return
            }
        }
        bytes("  ") { buffer in
            var scanner = JSONItemScanner(buffer)
            guard case .empty = scanner.articleItems(envelopeKeys: []) else {
                Issue.record("expected empty")
                return
            }
        }
    }

    @Test func headerBlocksAndWhatIsNotOne() {
        let names = FieldNames.standard
        let a = TextHeaderBlock.split("TITLE: A\nAuthors: Ann and Bob\nBody starts here.\n", names: names)
        #expect(a?.fields.title == "A")
        #expect(a?.fields.authors == ["Ann", "Bob"])
        #expect(a?.body == "Body starts here.\n")
        // One line running into the body counts only when it is a title, date or URL line.
        #expect(TextHeaderBlock.split("Source: Reuters\nBody.\n", names: names) == nil)
        #expect(TextHeaderBlock.split("Source: Reuters\n\nBody.\n", names: names)?.fields.source == "Reuters")
        #expect(TextHeaderBlock.split("Date: tomorrow maybe\n\nBody.\n", names: names) == nil)
        #expect(TextHeaderBlock.split("URL: see below\n\nBody.\n", names: names) == nil)
        #expect(TextHeaderBlock.split("Note: nothing here\n\nBody.\n", names: names) == nil)
        #expect(TextHeaderBlock.split("LONDON, June 5 (Reuters) - Shares fell: a rout.\n", names: names) == nil)
        // An unclosed front matter is text.
        #expect(TextHeaderBlock.split("---\ntitle: x\nno end\n", names: names) == nil)
        let custom = names.with(.title, named: "Überschrift")
        #expect(TextHeaderBlock.split("Überschrift: Hallo\n\nText.\n", names: custom)?.fields.title == "Hallo")
    }

    @Test func fieldOptionsAreCheckedAndListTheValidOnes() throws {
        let names = try FieldNames.mapping("text=article_body, date = pub")
        #expect(names.role(of: "ARTICLE_BODY") == .text)
        #expect(names.names[.text]?.first == "article_body")
        #expect(names.role(of: "pub") == .date)
        #expect(throws: FieldNames.OptionError.self) { try FieldNames.mapping("txt=body") }
        #expect(throws: FieldNames.OptionError.self) { try FieldNames.mapping("text") }
        #expect(throws: FieldNames.OptionError.self) { try FieldNames.mapping("text=") }
        #expect(try DocumentFormat.named("NDJSON") == .jsonl)
        do {
            _ = try DocumentFormat.named("xml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "unknown format 'xml' (use txt, jsonl, json, csv, tsv, html, warc)")
        }
    }

    @Test func fieldDatesAsWritten() {
        #expect(FieldDate.iso("2023-06-18T23:30:00-05:00") == "2023-06-18")
        #expect(FieldDate.iso("1687046400") == "2023-06-18")
        #expect(FieldDate.iso("June 18, 2023") == "2023-06-18")
        #expect(FieldDate.iso("2023/06/18") == "2023-06-18")
        #expect(FieldDate.iso("soon") == nil)
    }
}
