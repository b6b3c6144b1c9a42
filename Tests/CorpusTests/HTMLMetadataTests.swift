import Foundation
import Testing

@testable import Corpus

/// Each place a page keeps its metadata, one at a time, and the order in which they are trusted.
@Suite struct HTMLMetadataTests {
    typealias P = HTMLTestPages

    static let body = "<h1>Flood barrier opens two years late</h1>" + P.paragraphs(4)

    func extract(head: String, body: String = body, url: String? = nil) -> HTMLArticle {
        HTMLExtractor.extract(html: P.page(head: "<meta charset=\"utf-8\">" + head, body: body), url: url)
    }

    // MARK: OpenGraph and metas

    @Test func openGraph() {
        let a = extract(head: """
            <title>Flood barrier opens two years late | River Post</title>
            <meta property="og:title" content="Flood barrier opens two years late">
            <meta property="og:site_name" content="River Post">
            <meta property="og:url" content="https://riverpost.example.com/news/flood-barrier">
            <meta property="article:published_time" content="2021-11-03T22:40:00-05:00">
            <meta property="og:locale" content="en_GB">
            <meta property="og:description" content="The barrier cost twice its budget.">
            """)
        #expect(a.title == "Flood barrier opens two years late")
        #expect(a.siteName == "River Post")
        #expect(a.sources.siteName == "opengraph")
        #expect(a.url == "https://riverpost.example.com/news/flood-barrier")
        // The date as written, in the page's own zone (not converted to UTC, which is the 4th).
        #expect(a.date == "2021-11-03")
        #expect(a.sources.date == "opengraph")
        #expect(a.language == "en-GB")
        #expect(a.description == "The barrier cost twice its budget.")
    }

    @Test func metaAuthorAndDateVariants() {
        let cases: [(String, String)] = [
            ("<meta name=\"pubdate\" content=\"20190704\">", "2019-07-04"),
            ("<meta name=\"DC.date.issued\" content=\"2018-02-01\">", "2018-02-01"),
            ("<meta name=\"parsely-pub-date\" content=\"2020-05-17T08:00:00Z\">", "2020-05-17"),
            ("<meta name=\"date\" content=\"Saturday, December 27, 2014, 12:06 PM\">", "2014-12-27"),
            ("<meta name=\"epoch-publish-date\" content=\"1529283660000\">", "2018-06-18"),
        ]
        for (meta, date) in cases {
            let a = extract(head: meta + "<meta name=\"author\" content=\"By Ana Souza and Li Wei\">")
            #expect(a.date == date, "\(meta)")
            #expect(a.sources.date == "meta")
            #expect(a.authors == ["Ana Souza", "Li Wei"])
        }
    }

    @Test func metaAuthorThatIsAnAddressIsNoName() {
        let a = extract(head: "<meta property=\"article:author\" content=\"https://www.facebook.com/someone\">")
        #expect(a.authors.isEmpty)
    }

    // MARK: JSON-LD

    @Test func jsonLDNewsArticleWithAuthorObjects() {
        let a = extract(head: """
            <script type="application/ld+json">
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"Flood barrier opens two years late",
             "datePublished":"2021-11-04T09:00:00+01:00","author":[{"@type":"Person","name":"Jo Marsh"},"Sam Patel"],
             "publisher":{"@type":"Organization","name":"River Post"},"inLanguage":"en"}
            </script>
            """)
        #expect(a.title == "Flood barrier opens two years late")
        #expect(a.date == "2021-11-04")
        #expect(a.sources.date == "json-ld")
        #expect(a.authors == ["Jo Marsh", "Sam Patel"])
        #expect(a.sources.authors == "json-ld")
        #expect(a.siteName == "River Post")
        #expect(a.sources.siteName == "json-ld")
    }

    @Test func jsonLDGraphWithPublisherReference() {
        let a = extract(head: """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"NewsMediaOrganization","@id":"https://x.example/#org","name":"Delta Courier"},
              {"@type":"WebPage","@id":"https://x.example/a#page","datePublished":"1999-01-01"},
              {"@type":"ReportageNewsArticle","headline":"Flood barrier opens two years late",
               "datePublished":"2022-03-09","author":{"@type":"Person","name":"Ines Duarte"},
               "publisher":{"@id":"https://x.example/#org"}}]}</script>
            """)
        #expect(a.date == "2022-03-09")  // the article node, not the WebPage
        #expect(a.authors == ["Ines Duarte"])
        #expect(a.siteName == "Delta Courier")
    }

    @Test func jsonLDArrayAndRepairs() {
        // An array at the top level, a raw newline inside a string and an HTML comment around.
        let a = extract(head: """
            <script type="application/ld+json"><!--
            [{"@type":"Organization","name":"Ignored Org"},
             {"@type":"BlogPosting","headline":"Flood barrier opens two years late","description":"Line one
            line two","datePublished":"2017-08-30 07:15:00","author":"Kim Oh"}]
            --></script>
            """)
        #expect(a.date == "2017-08-30")
        #expect(a.authors == ["Kim Oh"])
    }

    @Test func brokenJSONLDFallsBackToMetas() {
        let a = extract(head: """
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":</script>
            <meta property="article:published_time" content="2016-10-10">
            """)
        #expect(a.date == "2016-10-10")
        #expect(a.sources.date == "opengraph")
    }

    // MARK: Visible dates, <time>, URL

    @Test func timeNearTheHeadlineNotTheSiteHeader() {
        let body = """
            <header><span>Today is</span> <time datetime="2024-01-15">15 January 2024</time></header>
            <h1>Flood barrier opens two years late</h1>
            <p class="byline">By Jo Marsh, <time datetime="2023-12-30T10:00:00Z">30 Dec 2023</time></p>
            """ + P.paragraphs(4)
        let a = extract(head: "", body: body)
        #expect(a.date == "2023-12-30")
        #expect(a.sources.date == "time")
    }

    @Test func dateWrittenUnderTheHeadline() {
        let body = """
            <div class="topbar">Mon, 25 Dec 2023</div>
            <h1>Flood barrier opens two years late</h1>
            <div class="info">Jo Marsh<br>Thu, 14 May 2020 17:55 UTC</div>
            """ + P.paragraphs(3) + "<p>Earlier, in a speech dated April 15, 2019, the mayor had promised it.</p>"
        let a = extract(head: "", body: body)
        #expect(a.date == "2020-05-14")
        #expect(a.sources.date == "text")
    }

    @Test func writtenDatesInSeveralLanguages() {
        #expect(HTMLDateParser.parseText("jueves, 09 enero 2014 10:21") == "2014-01-09")
        #expect(HTMLDateParser.parseText("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00") == "2013-08-28")
        #expect(HTMLDateParser.parseText("2012年12月10日, 格林尼治标准时间10:41") == "2012-12-10")
        #expect(HTMLDateParser.parseText("2019년 8월 20일") == "2019-08-20")
        #expect(HTMLDateParser.parseText("le 3 janvier 2021 à 9h") == "2021-01-03")
        #expect(HTMLDateParser.parseText("6. Dezember 2021") == "2021-12-06")
        #expect(HTMLDateParser.parseText("3 de enero de 2021") == "2021-01-03")
        #expect(HTMLDateParser.parseText("12 марта 2020 года") == "2020-03-12")
        #expect(HTMLDateParser.parseText("Submitted on Mon, 2019-01-21 13:49") == "2019-01-21")
        #expect(HTMLDateParser.parseText("08/01/2014") == "2014-01-08")
        #expect(HTMLDateParser.parseText("08/01/2014", monthFirst: true) == "2014-08-01")
        #expect(HTMLDateParser.parseText("13/01/2014", monthFirst: true) == "2014-01-13")
        #expect(HTMLDateParser.parseText("Jun 13, 4:03 PM EDT") == nil)  // no year: no date
        #expect(HTMLDateParser.parseText("2021-02-30") == nil)
    }

    @Test func machineDates() {
        #expect(HTMLDateParser.parseValue("2023-11-06T13:00:15.055Z") == "2023-11-06")
        #expect(HTMLDateParser.parseValue("2021-01-03T17:40:00EET") == "2021-01-03")
        #expect(HTMLDateParser.parseValue("20180619T055000+0900") == "2018-06-19")
        #expect(HTMLDateParser.parseValue("1529283660") == "2018-06-18")
        #expect(HTMLDateParser.parseValue("2018/06/18") == "2018-06-18")
        #expect(HTMLDateParser.parseValue("not a date") == nil)
    }

    @Test func dateInTheURLAsALastResort() {
        let a = extract(head: "<link rel=\"canonical\" href=\"https://news.example.com/2013/11/27/travel/storm/index.html\">",
                        body: "<h1>Flood barrier opens two years late</h1>" + P.paragraphs(3))
        #expect(a.date == "2013-11-27")
        #expect(a.sources.date == "url")
    }

    // MARK: Canonical URL

    @Test func canonicalBeatsOpenGraphAndResolvesRootRelative() {
        let absolute = extract(head: """
            <link rel="canonical" href="https://a.example/story">
            <meta property="og:url" content="https://a.example/story?utm=1">
            """, url: "https://mirror.example/copy")
        #expect(absolute.url == "https://a.example/story")
        #expect(absolute.sources.url == "canonical")
        let relative = extract(head: """
            <link rel="canonical" href="/news/story.html"><meta property="og:url" content="https://b.example/x">
            """)
        #expect(relative.url == "https://b.example/news/story.html")
        // A canonical that is neither absolute nor root-relative is not an address.
        let junk = extract(head: "<link rel=\"canonical\" href=\"8003098\">", url: "https://c.example/p")
        #expect(junk.url == "https://c.example/p")
        #expect(junk.sources.url == "given")
    }

    // MARK: Title and site

    @Test func titleIsTheHeadingTheMetadataConfirms() {
        let a = extract(head: """
            <title>Analysis: Flood barrier opens two years late | River Post</title>
            <meta property="og:site_name" content="River Post">
            """)
        #expect(a.title == "Flood barrier opens two years late")
        #expect(a.sources.title == "h1")
        #expect(a.blocks.first == HTMLBlock(kind: .headline, level: 1, text: "Flood barrier opens two years late"))
    }

    @Test func logoHeadingIsNotTheTitle() {
        let body = "<h1><a href=\"/\">River Post</a></h1><article><h2>Flood barrier opens two years late</h2>"
            + P.paragraphs(3) + "</article>"
        let a = extract(head: "<title>Flood barrier opens two years late - River Post</title>", body: body)
        #expect(a.title == "Flood barrier opens two years late")
        #expect(a.siteName == "River Post")
        #expect(a.sources.siteName == "title")
    }

    @Test func homePageTitleKeepsTheSiteName() {
        let body = "<h1>Latest</h1>" + P.paragraphs(2)
        let a = extract(head: """
            <title>WIRE - News, ideas and culture</title><meta property="og:site_name" content="WIRE">
            """, body: body)
        #expect(a.title == "WIRE - News, ideas and culture")
    }

    @Test func siteFromCopyrightWhenNothingElseNamesIt() {
        let body = "<h1>Flood barrier opens two years late</h1>" + P.paragraphs(3)
            + "<div class=\"legal\">©2016 The Valley Courier. All rights reserved.</div>"
        let a = extract(head: "<title>News</title>", body: body)
        #expect(a.siteName == "The Valley Courier")
    }

    @Test func siteFromHostAsALastResort() {
        let a = extract(head: "<title>Flood barrier opens two years late</title>", url: "https://www.rivers.example.co.uk/a/1")
        #expect(a.siteName == "example.co.uk")
        #expect(a.sources.siteName == "url")
    }

    // MARK: Language

    @Test func languageSources() {
        let html = HTMLExtractor.extract(html: "<html lang=\"pt_BR\"><body><h1>Título</h1>" + P.paragraphs(2) + "</body></html>")
        #expect(html.language == "pt-BR")
        #expect(html.sources.language == "html-lang")
        let meta = extract(head: "<meta http-equiv=\"Content-Language\" content=\"zh-hans, en\">")
        #expect(meta.language == "zh-Hans")
        // Thai text with no declaration: the script says it.
        let thai = HTMLExtractor.extract(html: "<body><p>" + String(repeating: "ผู้สื่อข่าวได้รับแจ้งจากนาย ", count: 12) + "</p></body>")
        #expect(thai.language == "th")
        #expect(thai.sources.language == "script")
    }
}
