import Foundation
import Testing
@testable import Report
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct ReportHTMLTests {
    /// Parses `markup` as XML; the renderer promises well-formed output.
    func parse(_ markup: String) throws -> XMLDocument {
        try XMLDocument(xmlString: markup, options: [])
    }

    /// Counts descendants named `name`, with or without the SVG namespace.
    func count(_ name: String, in node: XMLNode) throws -> Int {
        try node.nodes(forXPath: ".//*[local-name()='\(name)']").count
    }

    /// Nodes matching a path of `name` or `name[@class='x']` steps, namespace-blind.
    func select(_ steps: String, in node: XMLNode) throws -> [XMLNode] {
        let path = steps.split(separator: "/").map { step -> String in
            let parts = step.split(separator: "[", maxSplits: 1)
            let predicate = parts.count > 1 ? "[" + parts[1] : ""
            return "*[local-name()='\(parts[0])']" + predicate
        }.joined(separator: "/")
        return try node.nodes(forXPath: "//" + path)
    }

    @Test func sampleReportIsWellFormedSelfContainedAndDeterministic() throws {
        let report = try ReportSampleData.report()
        let html = HTMLRenderer.render(report)
        if let path = ProcessInfo.processInfo.environment["DOSSIER_SAMPLE_REPORT"] {
            try html.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let document = try parse(html)
        let root = try #require(document.rootElement())
        #expect(root.name == "html")
        // Five charts in the report, each one inline SVG with role="img", a title and a description.
        let svgs = try root.nodes(forXPath: "//svg")
        #expect(svgs.count == 5)
        for svg in svgs {
            let element = try #require(svg as? XMLElement)
            #expect(element.attribute(forName: "role")?.stringValue == "img")
            #expect(try count("desc", in: svg) == 1)
            let first = try #require(element.children?.first as? XMLElement)
            #expect(first.name == "title")
        }
        // Self-contained: no external references of any kind; one inline script, for the tables.
        #expect(!html.contains("http"))
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(html.contains("<script>\n" + HTMLTableScript.source))
        #expect(!html.contains("src="))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
        // Table of contents: one link per section, each pointing at an existing id.
        let links = try root.nodes(forXPath: "//nav//a")
        #expect(links.count == report.sections.count)
        for link in links {
            let href = try #require((link as? XMLElement)?.attribute(forName: "href")?.stringValue)
            #expect(try root.nodes(forXPath: "//section[@id='\(href.dropFirst())']").count == 1)
        }
        // Text is escaped, not interpreted.
        #expect(html.contains("counts &amp; may include boilerplate &lt;noise&gt;"))
        #expect(html.contains("Antony Blinken’s visit"))
        // Print rules are present.
        #expect(html.contains("@media print"))
        #expect(html.contains("break-inside: avoid"))
        // Deterministic: rendering again gives the same bytes.
        #expect(HTMLRenderer.render(try ReportSampleData.report()) == html)
    }

    @Test func everyBarEventNodeAndCellHasItsOwnTitle() throws {
        let words = try ReportSampleData.topWords(12)
        let bar = try parse(HTMLRenderer.svg(.bar(title: "Words", items: words)))
        #expect(try count("title", in: bar) == 1 + words.count)
        #expect(try count("rect", in: bar) == words.count)

        let events = ReportSampleData.longTimeline
        let timeline = try parse(HTMLRenderer.svg(.timeline(title: "Road", events: events)))
        #expect(try count("title", in: timeline) == 1 + events.count)
        // Ranged events and the year-only date are spans, the rest points.
        let spans = events.filter { $0.end != nil || $0.start.count == 4 }.count
        #expect(try count("rect", in: timeline) == spans)
        #expect(try count("circle", in: timeline) == events.count - spans)

        let net = try ReportSampleData.network()
        let network = try parse(HTMLRenderer.svg(.network(title: "Net", nodes: net.nodes, edges: net.edges)))
        #expect(try count("circle", in: network) >= net.nodes.count)
        #expect(try select("g[@class='node']/title", in: network).count == net.nodes.count)
        #expect(try select("g[@class='edge']/title", in: network).count == net.edges.count)

        let m = try ReportSampleData.matrix()
        let matrix = try parse(HTMLRenderer.svg(.matrix(title: "M", rows: m.rows, columns: m.columns, cells: m.cells)))
        #expect(try select("g[@class='cell']/title", in: matrix).count == m.rows.count * m.columns.count)
        // Long row labels are cut on screen but keep their full text in a <title>.
        let rowTitles = try select("g[@class='row-label']/title", in: matrix).compactMap(\.stringValue)
        #expect(rowTitles == m.rows)
        let rowTexts = try select("g[@class='row-label']/text", in: matrix).compactMap(\.stringValue)
        #expect(rowTexts.contains { $0.hasSuffix("…") })
    }

    @Test func standaloneSVGDeclaresOnlyTheSVGNamespace() throws {
        let svg = HTMLRenderer.svg(.bar(title: "x", items: [("a", 1)]))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.components(separatedBy: "http").count == 2)
        let document = try parse(svg)
        #expect(document.rootElement()?.name == "svg")
    }

    @Test func emptyChartsRenderAReadablePlaceholder() throws {
        let charts: [Chart] = [
            .bar(title: "Nothing", items: []),
            .timeline(title: "Nothing", events: []),
            .timeline(title: "Bad dates", events: [TimelineEvent(label: "x", start: "last Tuesday")]),
            .network(title: "Nothing", nodes: [], edges: [NetworkEdge(source: "a", target: "b")]),
            .matrix(title: "Nothing", rows: [], columns: ["a"], cells: []),
        ]
        for chart in charts {
            let svg = HTMLRenderer.svg(chart)
            let document = try parse(svg)
            #expect(try count("title", in: document) == 1)
            #expect(svg.contains("No data to show.") || svg.contains("No events with readable dates"))
            #expect(svg.contains("role=\"img\""))
        }
    }

    @Test func textIsEscapedEverywhere() throws {
        let nasty = "<b>\"Tom & Jerry's\"</b>\u{1}"
        let report = HTMLReport(title: nasty, subtitle: nasty, sections: [
            HTMLSection(heading: nasty, blocks: [
                .paragraph(nasty),
                .table(ReportTable(columns: [nasty], rows: [[.text(nasty)]])),
                .chart(.bar(title: nasty, items: [(nasty, 1)])),
                .chart(.timeline(title: nasty, events: [TimelineEvent(label: nasty, start: "2023-06-18", detail: nasty)])),
                .chart(.network(title: nasty, nodes: [NetworkNode(id: nasty, label: nasty, weight: 1, group: nasty)], edges: [])),
                .chart(.matrix(title: nasty, rows: [nasty], columns: [nasty], cells: [[1]])),
            ]),
        ])
        let html = HTMLRenderer.render(report)
        _ = try parse(html)
        #expect(!html.contains("<b>"))
        #expect(!html.contains("\u{1}"))
        #expect(html.contains("&lt;b&gt;&quot;Tom &amp; Jerry&#39;s&quot;&lt;/b&gt;"))
    }

    @Test func trustedHTMLIsInsertedAsIs() throws {
        let report = HTMLReport(title: "T", sections: [HTMLSection(heading: "Plugin", blocks: [.html("<aside class=\"note\">From a plugin</aside>")])])
        let html = HTMLRenderer.render(report)
        #expect(html.contains("<aside class=\"note\">From a plugin</aside>"))
        // A single section needs no table of contents.
        #expect(!html.contains("<nav"))
    }

    @Test func tablesMarkNumericColumnsAndKeepLineBreaks() throws {
        let table = ReportTable(columns: ["speaker", "quotes"], rows: [["Blinken", 12], ["Qin Gang\nForeign Minister", 3]])
        let html = HTMLRenderer.render(HTMLReport(title: "T", sections: [HTMLSection(heading: "S", blocks: [.table(table)])]))
        let document = try parse(html)
        #expect(try document.nodes(forXPath: "//th[@class='num']").count == 1)
        #expect(try document.nodes(forXPath: "//td[@class='num']").compactMap(\.stringValue) == ["12", "3"])
        #expect(html.contains("Qin Gang<br/>Foreign Minister"))
    }

    @Test func theTableScriptKeepsThePageWellFormedAndLoadsNothing() {
        // Inline in the page, so it must hold no markup characters; and it fetches nothing.
        #expect(!HTMLTableScript.source.contains("<"))
        #expect(!HTMLTableScript.source.contains("&"))
        for word in ["fetch", "XMLHttpRequest", "import", "src", "http", "eval", "innerHTML"] {
            #expect(!HTMLTableScript.source.contains(word), "\(word)")
        }
    }

    @Test func onlyPagesWithTablesOfTwoOrMoreRowsCarryTheScript() throws {
        let one = ReportTable(columns: ["a"], rows: [["x"]])
        let two = ReportTable(columns: ["a"], rows: [["x"], ["y"]])
        let plain = HTMLRenderer.render(HTMLReport(title: "T", sections: [HTMLSection(heading: "S", blocks: [.paragraph("p"), .table(one)])]))
        #expect(!plain.contains("<script"))
        #expect(!plain.contains("sortable"))
        let sortable = HTMLRenderer.render(HTMLReport(title: "T", sections: [HTMLSection(heading: "S", blocks: [.table(two)])]))
        let document = try parse(sortable)
        #expect(try document.nodes(forXPath: "//table[@class='sortable']").count == 1)
        #expect(try document.nodes(forXPath: "//script").count == 1)
    }

    @Test func anExcerptShowsItsTopRowsCountsTheRestAndLinksTheWholeList() throws {
        let rows: [[ReportCell]] = (1...1234).map { [.text("speaker \($0)"), .integer(2000 - $0)] }
        let table = ReportTable(columns: ["speaker", "quotations"], rows: rows)
        let excerpt = TableExcerpt(shown: 50, noun: "speakers", link: "briefing/speakers.csv")
        let html = HTMLRenderer.render(HTMLReport(title: "T", sections: [HTMLSection(heading: "S", blocks: [.excerpt(table, excerpt)])]))
        let document = try parse(html)
        #expect(try document.nodes(forXPath: "//tbody/tr").count == 50)
        #expect(try document.nodes(forXPath: "//tbody/tr[50]/td[1]").first?.stringValue == "speaker 50")
        let note = try #require(try document.nodes(forXPath: "//p[@class='table-note']").first)
        #expect(note.stringValue == "Top 50 of 1,234 speakers; 1,184 more in speakers.csv.")
        let link = try #require(try document.nodes(forXPath: "//p[@class='table-note']/a").first as? XMLElement)
        #expect(link.attribute(forName: "href")?.stringValue == "briefing/speakers.csv")

        // Short lists are shown whole; the link stays. Without a link, the note says the rest is not shown.
        let short = ReportTable(columns: ["speaker"], rows: [["Sun"], ["Small"]])
        let whole = HTMLRenderer.render(HTMLReport(title: "T", sections: [HTMLSection(heading: "S", blocks: [.excerpt(short, excerpt)])]))
        #expect(whole.contains("All 2 speakers; also in <a href=\"briefing/speakers.csv\">speakers.csv</a>."))
        let cut = HTMLRenderer.render(HTMLReport(title: "T", sections: [HTMLSection(heading: "S", blocks: [
            .excerpt(table, TableExcerpt(shown: 3, noun: "speakers")), .excerpt(short, TableExcerpt(shown: nil))])]))
        #expect(cut.contains("Top 3 of 1,234 speakers; 1,231 more not shown."))
        #expect(cut.components(separatedBy: "class=\"table-note\"").count == 2)
    }

    @Test func anExcerptCutFromItsTableRendersTheSamePageFromItsShownRowsOnly() {
        // The numbers column is numeric only over the whole list (a text cell far down), so the
        // cut must carry the whole list's alignment, and its row count for the note.
        var rows: [[ReportCell]] = (1...300).map { [.text("speaker \($0)"), .integer(400 - $0), .integer($0)] }
        rows[250][2] = "n/a"
        let table = ReportTable(columns: ["speaker", "quotations", "numbers"], rows: rows)
        let excerpt = TableExcerpt(shown: 20, noun: "speakers", link: "briefing/speakers.csv")
        let cut = excerpt.cut(table)
        #expect(cut.table.rows.count == 20)
        #expect(cut.table.numericColumns != table.numericColumns)
        func page(_ t: ReportTable, _ e: TableExcerpt) -> String {
            HTMLRenderer.render(HTMLReport(title: "T", sections: [HTMLSection(heading: "S", blocks: [.excerpt(t, e)])]))
        }
        #expect(page(cut.table, cut.excerpt) == page(table, excerpt))
        // Cutting again, or a table that shows every row, changes nothing.
        let again = cut.excerpt.cut(cut.table)
        #expect(again.table == cut.table && again.excerpt == cut.excerpt)
        let all = TableExcerpt(shown: 500, noun: "speakers").cut(table)
        #expect(all.table == table && all.excerpt == TableExcerpt(shown: 500, noun: "speakers"))
        #expect(TableExcerpt(shown: nil).cut(table).table == table)
    }
}
