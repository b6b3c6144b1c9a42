import Foundation
import Testing

@testable import Corpus

/// Broken markup, extreme nesting and size, empty and non-HTML input: never a crash, the text
/// that is there still comes out, and nothing is invented.
@Suite struct HTMLRobustnessTests {
    typealias P = HTMLTestPages

    @Test func emptyAndBlankInput() {
        for input in ["", "   \n\t ", "<html></html>", "<!DOCTYPE html><html><head><title></title></head><body></body></html>"] {
            let a = HTMLExtractor.extract(html: input)
            #expect(a.text.isEmpty, "\(input.debugDescription)")
            #expect(a.blocks.isEmpty)
        }
        #expect(HTMLExtractor.extract([UInt8]()).text.isEmpty)
    }

    @Test func redirectPageHasNoText() {
        let a = HTMLExtractor.extract(html: """
            <script>window.location.replace("https://example.com/elsewhere");</script>
            <noscript><META http-equiv="refresh" content="0;URL='https://example.com/elsewhere'"></noscript>
            """)
        #expect(a.text.isEmpty)
    }

    @Test func feedIsNotAPage() {
        let a = HTMLExtractor.extract(html: """
            <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed</title>
            <item><title>One</title><description>An item of the feed with a long description of what it holds.</description></item>
            </channel></rss>
            """)
        #expect(a.text.isEmpty)
        #expect(a.warnings.contains { $0.contains("feed") })
    }

    @Test func binaryInputIsRefusedWithAWarning() {
        var bytes = [UInt8](repeating: 0x41, count: 100)
        bytes[10] = 0
        let a = HTMLExtractor.extract(bytes)
        #expect(a.text.isEmpty)
        #expect(a.warnings.first?.contains("NUL byte at offset 10") == true)
    }

    @Test func brokenMarkupStillGivesTheText() {
        let html = """
            <html><head><title>Broken page</title><body>
            <div class="content"><p>First paragraph of the broken page, where the tag is never closed and the parser has to guess where it ends, as browsers do.
            <p>Second paragraph of the broken page <b>with <i>bold and italic</b> wrongly nested</i>, and an &amp; entity, an &nbsp;no-break space and a stray &unknown; one.
            </span></div></div></table>
            <p>Third paragraph after stray end tags, still part of the story: the council said it would publish the figures next week, <a href="/x">with a link</a>.
            <div><p>Unclosed div and paragraph at the end of the file, which the parser closes when the input runs out before the tags do
            """
        let a = HTMLExtractor.extract(html: html)
        #expect(P.has(a, "First paragraph of the broken page"))
        #expect(P.has(a, "with bold and italic wrongly nested, and an & entity, an no-break space and a stray &unknown; one."))
        #expect(P.has(a, "Third paragraph after stray end tags"))
        #expect(P.has(a, "Unclosed div and paragraph at the end of the file"))
        #expect(!a.text.contains("<"))
    }

    @Test func truncatedInsideATagOrAttribute() {
        for cut in ["<p>Some story text that goes on and on for the reader, with commas, and a full stop. <a href=\"/x",
                    "<p>Some story text that goes on and on for the reader, with commas, and a full stop.<!-- unterminated",
                    "<p>Some story text that goes on and on for the reader, with commas, and a full stop. <scr"] {
            let a = HTMLExtractor.extract(html: cut)
            #expect(P.has(a, "Some story text that goes on and on for the reader"), "\(cut)")
        }
    }

    /// libxml2's own tree stops at 256 levels and drops the rest of the page; the reader does
    /// not, and uses no recursion, so 100,000 levels neither overflow the stack nor lose text.
    @Test func hundredThousandLevelsDeep() {
        let depth = 100_000
        var html = "<html><body><p>Before the deep part: the opening paragraph of the page, with a comma, and a full stop.</p>"
        html += String(repeating: "<div>", count: depth)
        html += "<p>The innermost paragraph, deep inside one hundred thousand divs, is still read as text by the extractor.</p>"
        html += String(repeating: "</div>", count: depth)
        html += "<p>After the deep part: the closing paragraph of the page, with a comma, and a full stop at the end.</p></body></html>"
        let a = HTMLExtractor.extract(html: html)
        #expect(P.has(a, "The innermost paragraph, deep inside one hundred thousand divs"))
        #expect(P.has(a, "After the deep part"))
    }

    @Test func deepUnclosedInlineTags() {
        // Old pages leave <font> and <b> open by the thousand.
        var html = "<body>" + String(repeating: "<font size=2><b>", count: 20_000)
        html += "Text inside every unclosed tag, which keeps going for a while so that it reads as a paragraph of prose."
        let a = HTMLExtractor.extract(html: html)
        #expect(P.has(a, "Text inside every unclosed tag"))
    }

    @Test func deeplyNestedBylines() {
        // Every level opens an element whose text the reader would capture as a byline: still
        // linear, and the paragraph at the bottom is read.
        let levels = 20_000
        var html = "<body>" + String(repeating: "<div class=\"author\"><p>x y</p>", count: levels)
        html += "<p>A paragraph at the bottom of it all, with a comma, and then a full stop to end the sentence.</p>"
        html += String(repeating: "</div>", count: levels) + "</body>"
        let a = HTMLExtractor.extract(html: html)
        #expect(a.authors.count <= 12)
        #expect(P.has(a, "A paragraph at the bottom of it all"))
    }

    @Test func hugePage() {
        // About 12 MB: 4,000 paragraphs in a page of 20,000 navigation links.
        let links = (0..<20_000).map { "<li><a href=\"/n/\($0)\">Link \($0)</a></li>" }.joined()
        let html = "<html><body><nav><ul>\(links)</ul></nav><article>" + String(repeating: P.paragraphs(4), count: 1_000)
            + "</article></body></html>"
        let a = HTMLExtractor.extract(html: html)
        #expect(a.blocks.count == 4_000)
        #expect(!P.has(a, "Link 19999"))
    }

    @Test func oneHugeTextNode() {
        let sentence = "A sentence of a very long single paragraph, repeated many times without any markup at all. "
        let a = HTMLExtractor.extract(html: "<p>" + String(repeating: sentence, count: 50_000) + "</p>")
        #expect(a.blocks.count == 1)
        #expect(a.text.utf8.count >= sentence.utf8.count * 50_000 - 1)
    }

    @Test func manyAttributesAndOddNames() {
        let attrs = (0..<2_000).map { "data-x\($0)=\"\($0)\"" }.joined(separator: " ")
        let html = "<div \(attrs) class=\"\(String(repeating: "a", count: 10_000)) article-body\"><p \(attrs)>"
            + "Paragraph with thousands of attributes around it, which the reader skims past without keeping any of them.</p></div>"
            + "<x-widget><p>Custom element paragraph that a web component renders as a block, with a comma, and a stop.</p></x-widget>"
        let a = HTMLExtractor.extract(html: html)
        #expect(P.has(a, "Paragraph with thousands of attributes"))
        #expect(P.has(a, "Custom element paragraph"))
    }

    @Test func hostileJSONLDIsBounded() {
        let deep = String(repeating: "{\"a\":", count: 5_000) + "1" + String(repeating: "}", count: 5_000)
        let many = "[" + (0..<5_000).map { _ in "{\"@type\":\"Thing\"}" }.joined(separator: ",") + "]"
        let a = HTMLExtractor.extract(html: P.page(
            head: "<script type=\"application/ld+json\">\(deep)</script><script type=\"application/ld+json\">\(many)</script>",
            body: "<h1>Title</h1>" + P.paragraphs(2)))
        #expect(P.has(a, "Paragraph 2 of the story"))
    }

    @Test func concurrentExtractions() async {
        let html = P.page(head: "<title>Same page</title>", body: "<h1>Same page</h1>" + P.paragraphs(5))
        let expected = HTMLExtractor.extract(html: html)
        #expect(expected.blocks.count == 6)
        await withTaskGroup(of: HTMLArticle.self) { group in
            for _ in 0..<16 { group.addTask { HTMLExtractor.extract(html: html) } }
            for await article in group { #expect(article == expected) }
        }
    }
}
