import Foundation
import Testing
@testable import Corpus

/// The byte-level field splitter of the CSV and TSV reader: RFC 4180 quoting, and rows that
/// break it read as Python's `csv` module reads them.
@Suite struct CSVFieldsTests {
    func split(_ row: String, delimiter: Character = ",") -> [String] {
        Array(row.utf8).withUnsafeBufferPointer {
            CSVFields.split($0, delimiter: UInt8(ascii: delimiter.unicodeScalars.first ?? ",")).fields
        }
    }

    @Test func plainAndQuotedFields() {
        #expect(split("id,text,title") == ["id", "text", "title"])
        #expect(split("\"a,b\"\"\",\"c\r\nd\"") == ["a,b\"", "c\r\nd"])
        #expect(split("\"say \"\"hi\"\"\",x") == ["say \"hi\"", "x"])
        #expect(split("\"\"\"\"") == ["\""])
        #expect(split("Zürich,\"Ελλάδα, 日本\"") == ["Zürich", "Ελλάδα, 日本"])
    }

    @Test func emptyFields() {
        #expect(split(",") == ["", ""])
        #expect(split("a,,b,") == ["a", "", "b", ""])
        #expect(split("\"\"") == [""])
        #expect(split("\"\",\"\"") == ["", ""])
        #expect(split("") == [])
    }

    @Test func rowsThatBreakTheRuleReadAsPythonReadsThem() {
        // A quote inside an unquoted field is a character.
        #expect(split("5\" pipe,x") == ["5\" pipe", "x"])
        #expect(split(" \"a\",b") == [" \"a\"", "b"])
        // Characters after a closing quote are kept, up to the delimiter.
        #expect(split("\"ab\"cd,x") == ["abcd", "x"])
        #expect(split("\"a\"\"b\"c\"d,e") == ["a\"bc\"d", "e"])
        // A quote never closed takes the rest of the row.
        #expect(split("\"open,x") == ["open,x"])
        #expect(split("a,\"b\"\"") == ["a", "b\""])
    }

    @Test func tabsSeparateTSV() {
        #expect(split("a\tb,c\t\"d\te\"", delimiter: "\t") == ["a", "b,c", "d\te"])
    }

    @Test func aRowThatIsNotUTF8IsReadAsWindows1252() {
        let row: [UInt8] = Array("caf".utf8) + [0xE9] + Array(",\"".utf8) + [0x93] + Array("x".utf8) + [0x94]
            + Array("\"\"\"".utf8)
        let (fields, warning) = row.withUnsafeBufferPointer { CSVFields.split($0, delimiter: UInt8(ascii: ",")) }
        #expect(fields == ["café", "\u{201C}x\u{201D}\""])
        #expect(warning == "not valid UTF-8; read as Windows-1252")
        let clean = Array("café,x".utf8).withUnsafeBufferPointer { CSVFields.split($0, delimiter: UInt8(ascii: ",")) }
        #expect(clean.warning == nil)
    }

    /// Random rows of quoted and unquoted fields, written as a CSV writer writes them, split
    /// back into the same fields.
    @Test func whatAWriterWritesComesBack() {
        var random = SplitMix(seed: 17)
        let alphabet: [String] = ["a", "b", " ", ",", "\"", "\n", "\r\n", "é", "日", "\t", "x"]
        for _ in 0..<2_000 {
            let count = 1 + Int(random.next() % 5)
            var fields: [String] = []
            for _ in 0..<count {
                let length = Int(random.next() % 8)
                fields.append((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined())
            }
            let row = fields.map { field -> String in
                let needsQuotes = field.contains(where: { ",\"\r\n".contains($0) }) || field.isEmpty && count == 1
                return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
            #expect(split(row) == fields, "row \(row.debugDescription)")
        }
    }
}
