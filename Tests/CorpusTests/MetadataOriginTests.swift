import Foundation
import Testing
@testable import Corpus

/// Where a document's title and source came from (`Document.titleFrom`, `sourceFrom`; Lua
/// `doc.title_from`, `doc.source_from`): the input's metadata, or what cleaning read in the text.
@Suite struct MetadataOriginTests {
    @Test func cleaningSaysWhereItFoundTheTitle() {
        let headline = Cleaner.clean("Xi meets Blinken as ties thaw\n\nThe two men met in Beijing on Monday.\n")
        #expect(headline.title == "Xi meets Blinken as ties thaw")
        #expect(headline.titleFrom == "text")
        let crumb = Cleaner.clean("Home » Blinken visit seeks to ease fraught relationship\n\nIn a long-awaited visit, the secretary of state arrived.\n")
        #expect(crumb.title == "Blinken visit seeks to ease fraught relationship")
        #expect(crumb.titleFrom == "breadcrumb")
        let none = Cleaner.clean("the talks, which went on for hours, covered trade and fentanyl and ended late in the evening.\n")
        #expect(none.title == nil)
        #expect(none.titleFrom == nil)
    }

    @Test func cleaningSaysWhereItFoundTheSource() {
        let credit = Cleaner.clean("Title\n\nThe talks went on for hours.\n\nSource: Reuters\n")
        #expect(credit.source == "Reuters")
        #expect(credit.sourceFrom == "credit")
        let share = Cleaner.clean("Related News\n\nJoin NewsTrack Whatsapp group\n\nThe council met on Monday.\n")
        #expect(share.source == "NewsTrack")
        #expect(share.sourceFrom == "share")
        let dateline = Cleaner.clean("Headline here\n\nBEIJING (AFP) - Officials met.\n")
        #expect(dateline.source == "AFP")
        #expect(dateline.sourceFrom == "dateline")
        // A credit line outranks the dateline's agency.
        let both = Cleaner.clean("Headline here\n\nBEIJING (AFP) - Officials met.\n\nSource: Reuters\n")
        #expect(both.source == "Reuters")
        #expect(both.sourceFrom == "credit")
        let none = Cleaner.clean("Headline here\n\nOfficials met on Monday.\n")
        #expect(none.source == nil)
        #expect(none.sourceFrom == nil)
    }

    @Test func theInputsMetadataIsAField() throws {
        let fixture = try LoadFixture()
        let story = "BEIJING (AFP) - Officials met on Monday to discuss the floods.\n"
        try fixture.write("feed.jsonl", "{\"title\": \"Floods recede\", \"source\": \"Xinhua\", \"text\": \"\(story.dropLast())\\n\"}\n"
            + "{\"text\": \"Officials met again\\n\\n\(story.dropLast())\\n\"}\n")
        try fixture.write("header.txt", "Title: Floods recede\nSource: Xinhua\n\n" + story)
        try fixture.write("plain.txt", "Officials met again\n\n" + story)
        let corpus = try CorpusLoader.load(path: fixture.path)
        let field = try corpus.document("feed:1")
        #expect(field.title == "Floods recede" && field.titleFrom == "field")
        #expect(field.source == "Xinhua" && field.sourceFrom == "field")
        let read = try corpus.document("feed:2")
        #expect(read.title == "Officials met again" && read.titleFrom == "text")
        #expect(read.source == "AFP" && read.sourceFrom == "dateline")
        let header = try corpus.document("header")
        #expect(header.titleFrom == "field" && header.sourceFrom == "field")
        let plain = try corpus.document("plain")
        #expect(plain.titleFrom == "text" && plain.sourceFrom == "dateline")
        // A page's metadata is a field too.
        try fixture.write("page.html", "<html><head><title>Floods recede</title><meta property=\"og:site_name\" content=\"Xinhua\"></head>"
            + "<body><article><h1>Floods recede</h1><p>Officials met on Monday to discuss the floods, which have receded in three provinces.</p>"
            + "<p>The water level fell by a metre overnight, the ministry said in a statement on Monday.</p></article></body></html>")
        let page = try CorpusLoader.load(path: fixture.path + "/page.html").documents[0]
        #expect(page.titleFrom == "field")
        #expect(page.source == "Xinhua" && page.sourceFrom == "field")
    }
}
