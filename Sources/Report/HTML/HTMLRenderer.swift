import Foundation

/// Renders reports as single self-contained HTML files and charts as SVG.
///
/// The HTML needs nothing from outside: styles are inline, charts are inline SVG, there are no
/// fonts, images or links to the network, so a report can be mailed, archived and opened
/// offline. A page with tables carries one small inline script that makes them sortable and
/// filterable (`HTMLTableScript`); with scripts off the tables read the same, unsorted. The markup is well-formed XML (void elements self-closed, only the five XML character
/// references), every text is escaped, and the output is deterministic: the same report always
/// gives the same bytes (no timestamps, no random ids).
public enum HTMLRenderer {
    /// The complete HTML document for `report`: a header with title and subtitle, a table of
    /// contents when there are two or more sections, the sections with their blocks, and a footer.
    public static func render(_ report: HTMLReport) -> String {
        let title = report.title.isEmpty ? "Report" : report.title
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
        out += "<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<meta name=\"generator\" content=\"dossier\"/>\n"
        out += Markup.element("title", content: Markup.escape(title)) + "\n"
        out += "<style>\n" + HTMLStyle.css + "\n</style>\n</head>\n<body>\n<main>\n"
        out += "<header class=\"report-header\">\n"
        out += Markup.element("h1", content: Markup.escape(title)) + "\n"
        if let subtitle = report.subtitle, !subtitle.isEmpty {
            out += Markup.element("p", [("class", "subtitle")], content: Markup.escape(subtitle)) + "\n"
        }
        out += "</header>\n"

        let headings = report.sections.enumerated().map { i, section in
            (id: "section-\(i + 1)", text: section.heading.isEmpty ? "Section \(i + 1)" : section.heading)
        }
        if report.sections.count >= 2 {
            out += "<nav class=\"toc\" aria-labelledby=\"toc-heading\">\n<h2 id=\"toc-heading\">Contents</h2>\n<ol>\n"
            for heading in headings {
                out += "<li>" + Markup.element("a", [("href", "#" + heading.id)], content: Markup.escape(heading.text)) + "</li>\n"
            }
            out += "</ol>\n</nav>\n"
        }

        var chartNumber = 0
        var interactive = false
        for (i, section) in report.sections.enumerated() {
            let id = headings[i].id
            out += "<section id=\"\(id)\" aria-labelledby=\"\(id)-heading\">\n"
            out += Markup.element("h2", [("id", id + "-heading")], content: Markup.escape(headings[i].text)) + "\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text):
                    out += paragraphs(text)
                case .table(let table):
                    out += tableHTML(table)
                    interactive = interactive || table.rows.count >= 2
                case .excerpt(let table, let excerpt):
                    out += tableHTML(table, excerpt: excerpt)
                    interactive = interactive || Swift.min(table.rows.count, excerpt.shown ?? .max) >= 2
                case .chart(let chart):
                    chartNumber += 1
                    out += "<figure class=\"chart\">\n"
                    out += ChartSVG.document(for: chart).render(standalone: false, idPrefix: "chart-\(chartNumber)")
                    out += "\n</figure>\n"
                case .html(let raw):
                    out += raw + "\n"
                }
            }
            out += "</section>\n"
        }
        out += "<footer class=\"report-footer\">Prepared with dossier.</footer>\n"
        out += "</main>\n"
        if interactive { out += "<script>\n" + HTMLTableScript.source + "\n</script>\n" }
        out += "</body>\n</html>\n"
        return out
    }

    /// `chart` as a standalone SVG document (with the SVG namespace), suitable for a .svg file.
    /// The root has `role="img"`, a `<title>` and a `<desc>`; every bar, event, node and cell has
    /// its own `<title>`. Empty data gives a readable "no data" panel.
    public static func svg(_ chart: Chart) -> String {
        ChartSVG.document(for: chart).render(standalone: true, idPrefix: "chart") + "\n"
    }

    /// Paragraphs from plain text: blank lines separate paragraphs, single line breaks are kept.
    static func paragraphs(_ text: String) -> String {
        let normalized = normalizeLineBreaks(text)
        var out = ""
        for part in normalized.components(separatedBy: "\n\n") {
            let trimmed = part.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            out += "<p>" + escapeKeepingBreaks(trimmed) + "</p>\n"
        }
        return out
    }

    /// An HTML table with a header row; numeric cells carry class `num` (right-aligned). A table
    /// of two or more rows is marked `sortable` for the page's script. With an `excerpt`, only
    /// its first rows are shown, followed by a note of how many more there are and a link to the
    /// whole list.
    static func tableHTML(_ table: ReportTable, excerpt: TableExcerpt? = nil) -> String {
        guard !table.columns.isEmpty else { return "<p class=\"table-note\">Empty table.</p>\n" }
        let numeric = excerpt?.whole?.numericColumns ?? table.numericColumns
        let all = table.normalizedRows
        let total = excerpt?.whole?.rows ?? all.count
        let rows = excerpt?.shown.map { Array(all.prefix($0)) } ?? all
        var out = "<div class=\"table-wrap\">\n" + (rows.count >= 2 ? "<table class=\"sortable\">" : "<table>") + "\n<thead>\n<tr>"
        for (i, name) in table.columns.enumerated() {
            var attributes = [("scope", "col")]
            if numeric[i] { attributes.append(("class", "num")) }
            out += Markup.element("th", attributes, content: escapeKeepingBreaks(name))
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        if rows.isEmpty {
            out += "<tr><td class=\"no-rows\" colspan=\"\(table.columns.count)\">No rows.</td></tr>\n"
        }
        for row in rows {
            out += "<tr>"
            for cell in row {
                let content = escapeKeepingBreaks(cell.displayText)
                out += cell.isNumeric ? Markup.element("td", [("class", "num")], content: content)
                                      : "<td>" + content + "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n"
        if let note = excerpt?.note(total: total) {
            out += "<p class=\"table-note\">" + Markup.escape(note.text)
            if let link = note.link {
                out += Markup.element("a", [("href", link.href)], content: Markup.escape(link.text)) + "."
            }
            out += "</p>\n"
        }
        return out
    }

    /// Escaped text with line breaks turned into `<br/>`.
    static func escapeKeepingBreaks(_ text: String) -> String {
        let escaped = Markup.escape(normalizeLineBreaks(text))
        guard escaped.contains("\n") else { return escaped }
        return escaped.replacingOccurrences(of: "\n", with: "<br/>")
    }

    /// CRLF and lone CR turned into LF.
    static func normalizeLineBreaks(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}

/// Chooses the drawing for each kind of chart.
enum ChartSVG {
    static func document(for chart: Chart) -> SVGDocument {
        switch chart {
        case .bar(let title, let items):
            return BarChartSVG.document(title: title, items: items)
        case .timeline(let title, let events):
            return TimelineChartSVG.document(title: title, events: events)
        case .network(let title, let nodes, let edges):
            return NetworkChartSVG.document(title: title, nodes: nodes, edges: edges)
        case .matrix(let title, let rows, let columns, let cells):
            return MatrixChartSVG.document(title: title, rows: rows, columns: columns, cells: cells)
        }
    }
}
