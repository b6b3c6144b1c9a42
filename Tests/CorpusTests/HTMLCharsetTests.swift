import Foundation
import Testing

@testable import Corpus

/// The encoding decision: byte-order marks, declarations (even behind kilobytes of CSS),
/// mislabelled UTF-8, broken bytes, and pages in legacy encodings.
@Suite struct HTMLCharsetTests {
    typealias P = HTMLTestPages

    static let story = "<h1>Café résumé</h1><p>Le maire a annoncé lundi que la piscine municipale resterait ouverte jusqu'à la fin de l'été, "
        + "après une pétition signée par près de trois mille habitants du quartier.</p>"

    func decide(_ bytes: [UInt8]) -> HTMLCharset {
        bytes.withUnsafeBytes { HTMLCharset.decide($0) }
    }

    @Test func utf8WithAndWithoutBOM() {
        let bytes = Array(P.page(body: Self.story).utf8)
        #expect(decide(bytes).encoding == "UTF-8")
        let withBOM: [UInt8] = [0xEF, 0xBB, 0xBF] + bytes
        #expect(decide(withBOM).skip == 3)
        let a = HTMLExtractor.extract(withBOM)
        #expect(P.has(a, "la piscine municipale resterait ouverte jusqu'à la fin de l'été"))
        #expect(a.warnings.isEmpty)
    }

    @Test func utf16WithBOM() {
        let html = P.page(body: Self.story)
        var le: [UInt8] = [0xFF, 0xFE]
        var be: [UInt8] = [0xFE, 0xFF]
        for unit in html.utf16 {
            le += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            be += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        for bytes in [le, be] {
            let a = HTMLExtractor.extract(bytes)
            #expect(a.blocks.contains { $0.text == "Café résumé" })
            #expect(P.has(a, "près de trois mille habitants"))
        }
    }

    @Test func windows1252Declared() throws {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body>"
            + Self.story + "<p>Quote marks: \u{201C}fine\u{201D} and a euro sign: 5 \u{20AC}.</p></body></html>"
        let bytes = [UInt8](try #require(html.data(using: .windowsCP1252)))
        #expect(decide(bytes).encoding == "windows-1252")
        let a = HTMLExtractor.extract(bytes)
        #expect(P.has(a, "jusqu'à la fin de l'été"))
        #expect(a.warnings.isEmpty)
    }

    @Test func latin1LabelMeansWindows1252() throws {
        // Browsers read "iso-8859-1" as Windows-1252: 0x93/0x94 are curly quotes, not controls.
        let html = "<meta charset=\"ISO-8859-1\"><p>He said \u{201C}enough\u{201D} and left the meeting, slamming the door behind him on the way out.</p>"
        let bytes = [UInt8](try #require(html.data(using: .windowsCP1252)))
        let a = HTMLExtractor.extract(bytes)
        #expect(a.text.contains("\u{201C}enough\u{201D}"))
    }

    @Test func declarationAfterLongInlineStyles() throws {
        let style = "<style>" + String(repeating: ".x{color:red}", count: 3_000) + "</style>"
        let html = "<html><head>\(style)<meta charset=\"shift_jis\"><title>東京の天気</title></head><body>"
            + "<p>今日の東京は朝から雨が降り続き、気温は十度を下回りました。明日は晴れる見込みです。</p></body></html>"
        let bytes = [UInt8](try #require(html.data(using: .shiftJIS)))
        #expect(decide(bytes).encoding == "CP932")
        let a = HTMLExtractor.extract(bytes)
        #expect(a.title == "東京の天気")
        #expect(a.text.contains("気温は十度を下回りました"))
    }

    @Test func shiftJISBlogFixture() throws {
        let a = HTMLExtractor.extract(try P.fixture("shift_jis_blog.html"))
        #expect(a.title == "週末の京都、紅葉と湯豆腐の旅")
        #expect(a.siteName == "のんびり散歩日記")
        #expect(a.date == "2020-11-23")
        #expect(a.language == "ja")
        #expect(a.text.contains("お昼は南禅寺の近くで湯豆腐をいただきました。"))
        #expect(!a.text.contains("人気記事ランキング"))
        #expect(!a.text.contains("鎌倉の紫陽花を見に行く"))
        // The <br><br> paragraphs come out as four blocks after the headline.
        #expect(a.blocks.count == 5)
    }

    @Test func utf8LabelledAsSomethingElseIsReadAsUTF8() {
        // A page saved by a tool: re-encoded to UTF-8, its meta still says GB2312.
        let html = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><p>香港行政长官在各方压力下就其大宅的违章建筑问题到立法会接受质询，并向香港民众道歉。</p>"
        let bytes = Array(html.utf8)
        #expect(decide(bytes).encoding == "UTF-8")
        #expect(HTMLExtractor.extract(bytes).text.contains("违章建筑"))
    }

    @Test func mostlyUTF8WithABrokenByteIsRepaired() {
        var bytes = Array(P.page(body: Self.story).utf8)
        let at = bytes.count - 40
        bytes[at] = 0xFF
        let a = HTMLExtractor.extract(bytes)
        #expect(a.warnings.first?.contains("invalid UTF-8 replaced") == true)
        #expect(P.has(a, "Le maire a annoncé lundi"))
    }

    @Test func undeclaredLegacyBytesAreWindows1252WithAWarning() throws {
        let html = "<p>" + "Número de páginas leídas, según el índice: ciento veinte. ".replacingOccurrences(of: "x", with: "") + "</p>"
        let bytes = [UInt8](try #require(html.data(using: .windowsCP1252)))
        let decision = decide(bytes)
        #expect(decision.encoding == "windows-1252")
        let a = HTMLExtractor.extract(bytes)
        #expect(a.warnings.first?.contains("read as Windows-1252") == true)
        #expect(a.text.contains("Número de páginas leídas"))
    }

    @Test func unknownDeclaredCharsetFallsBack() {
        let html = "<meta charset=\"x-no-such-charset\"><p>Plain ASCII text of a paragraph, with a comma, and a full stop at its end.</p>"
        let a = HTMLExtractor.extract(Array(html.utf8))
        #expect(P.has(a, "Plain ASCII text of a paragraph"))
    }

    @Test func declaredCharsetScanner() {
        func declared(_ s: String) -> String? {
            Array(s.utf8).withUnsafeBufferPointer { HTMLCharset.declaredCharset($0) }
        }
        #expect(declared("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=EUC-KR\">") == "euc-kr")
        #expect(declared("<meta charset='utf-8'/>") == "utf-8")
        #expect(declared("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>") == "iso-8859-15")
        #expect(declared("<meta name=\"viewport\" content=\"width=device-width\">") == nil)
        #expect(HTMLCharset.canonicalName("GBK") == "GB18030")
        #expect(HTMLCharset.canonicalName("Shift_JIS") == "CP932")
    }
}
