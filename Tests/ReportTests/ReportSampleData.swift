import Foundation
@testable import Report

/// Real data for the report tests, computed from the seed articles with deliberately simple
/// code (the Corpus module does the real analysis; these tests only need honest inputs).
enum ReportSampleData {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds")

    struct Article {
        var id: String
        var title: String
        var text: String
        var words: [String]
        var paragraphs: [String]
    }

    /// The seed articles, in file-name order.
    static func articles() throws -> [Article] {
        let files = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try files.map { name in
            let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
            let lines = text.split(whereSeparator: \.isNewline).map { String($0).trimmingCharacters(in: .whitespaces) }
            let title = lines.first { !$0.isEmpty && !$0.hasPrefix("Home") } ?? name
            let words = text.split { !$0.isLetter && $0 != "'" && $0 != "’" }.map(String.init)
            let paragraphs = text.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return Article(id: String(name.prefix(3)), title: title, text: text, words: words, paragraphs: paragraphs)
        }
    }

    /// One row per article: id, title, word count, how often "China" and "Taiwan" occur.
    static func articleTable() throws -> ReportTable {
        let rows: [[ReportCell]] = try articles().map { a in
            [.text(a.id), .text(a.title), .integer(a.words.count),
             .integer(a.words.filter { $0 == "China" }.count), .integer(a.words.filter { $0 == "Taiwan" }.count)]
        }
        return ReportTable(columns: ["id", "title", "words", "China", "Taiwan"], rows: rows)
    }

    static let stopwords: Set<String> = [
        "the", "of", "to", "and", "a", "in", "that", "on", "is", "with", "for", "his", "he", "as", "by", "was", "be",
        "has", "have", "it", "at", "an", "from", "its", "will", "are", "this", "but", "their", "said", "been", "which",
        "were", "not", "had", "also", "would", "they", "after", "since", "more", "than", "who", "two", "between", "or",
        "us", "could", "about", "there", "first", "when", "we", "our", "can", "both", "over", "one", "them",
    ]

    /// The most frequent content words over all articles, most frequent first (ties alphabetical).
    static func topWords(_ n: Int) throws -> [(label: String, value: Double)] {
        var counts: [String: Int] = [:]
        for a in try articles() {
            for w in a.words where w.count > 2 && !stopwords.contains(w.lowercased()) { counts[w, default: 0] += 1 }
        }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(n).map { ($0.key, Double($0.value)) }
    }

    /// Events of the story as the articles report them (read by hand from the seeds).
    static let longTimeline: [TimelineEvent] = [
        TimelineEvent(label: "Pompeo visits China", start: "2018-10", detail: "The last visit by a US secretary of state before Blinken's (La Presse)."),
        TimelineEvent(label: "China spying from Cuba", start: "2019", end: "2023-06", detail: "The US conceded China had spied from Cuba since at least 2019."),
        TimelineEvent(label: "Biden inaugurated", start: "2021-01"),
        TimelineEvent(label: "Biden and Xi meet at the G20 in Bali", start: "2022-11"),
        TimelineEvent(label: "Spy balloon; visit postponed", start: "2023-02"),
        TimelineEvent(label: "Qin–Blinken phone call", start: "2023-06-13", end: "2023-06-14",
                      detail: "One outlet says Tuesday, another Wednesday."),
        TimelineEvent(label: "Blinken in Beijing", start: "2023-06-18", end: "2023-06-19"),
        TimelineEvent(label: "G20 summit, New Delhi", start: "2023-09"),
        TimelineEvent(label: "APEC summit, San Francisco", start: "2023-11"),
    ]

    /// The days around the visit.
    static let visitTimeline: [TimelineEvent] = [
        TimelineEvent(label: "Phone call (Tuesday, per one outlet)", start: "2023-06-13"),
        TimelineEvent(label: "Phone call (Wednesday, per The Guardian)", start: "2023-06-14"),
        TimelineEvent(label: "Blinken lands in Beijing", start: "2023-06-18"),
        TimelineEvent(label: "Meetings with Qin Gang and Wang Yi", start: "2023-06-18", end: "2023-06-19"),
        TimelineEvent(label: "Possible meeting with Xi Jinping", start: "2023-06-19"),
    ]

    /// People and places, weighted by mentions, linked by how many paragraphs mention both.
    static func network() throws -> (nodes: [NetworkNode], edges: [NetworkEdge]) {
        let entities: [(id: String, pattern: String, group: String)] = [
            ("blinken", "Blinken", "person"), ("xi", "Xi", "person"), ("qin", "Qin Gang", "person"),
            ("wang", "Wang Yi", "person"), ("biden", "Biden", "person"), ("pompeo", "Pompeo", "person"),
            ("beijing", "Beijing", "place"), ("washington", "Washington", "place"), ("taiwan", "Taiwan", "place"),
            ("bali", "Bali", "place"), ("cuba", "Cuba", "place"), ("state", "State Department", "organisation"),
            ("g20", "G20", "organisation"),
        ]
        let paragraphs = try articles().flatMap(\.paragraphs)
        var weights: [String: Int] = [:]
        var pairs: [String: Int] = [:]
        for p in paragraphs {
            let present = entities.filter { p.contains($0.pattern) }.map(\.id)
            for id in present { weights[id, default: 0] += 1 }
            for i in present.indices { for j in present.indices where j > i { pairs[present[i] + "|" + present[j], default: 0] += 1 } }
        }
        let nodes = entities.filter { weights[$0.id, default: 0] > 0 }.map {
            NetworkNode(id: $0.id, label: $0.pattern, weight: Double(weights[$0.id, default: 0]), group: $0.group)
        }
        let edges = pairs.keys.sorted().map { key -> NetworkEdge in
            let ends = key.split(separator: "|").map(String.init)
            return NetworkEdge(source: ends[0], target: ends[1], weight: Double(pairs[key, default: 0]))
        }
        return (nodes, edges)
    }

    /// Articles × topics: how often each article mentions each topic word.
    static func matrix() throws -> (rows: [String], columns: [String], cells: [[Double]]) {
        let topics = ["Taiwan", "balloon", "Xi", "Qin", "Cold War", "fentanyl", "trade", "climate"]
        let list = try articles()
        let cells = list.map { a in topics.map { Double(a.text.components(separatedBy: $0).count - 1) } }
        return (list.map { "\($0.id) \($0.title)" }, topics, cells)
    }

    /// A report with every kind of block, built from the seeds.
    static func report() throws -> HTMLReport {
        let net = try network()
        let m = try matrix()
        return HTMLReport(
            title: "Blinken in Beijing: how five outlets covered the visit",
            subtitle: "Seed corpus · 5 articles · June 2023",
            sections: [
                HTMLSection(heading: "Summary", blocks: [
                    .paragraph("Five outlets reported on Antony Blinken’s visit to Beijing on 18–19 June 2023. They agree on the dates of the visit but differ on the day of the preceding phone call with Qin Gang.\n\nThis report is generated from the seed corpus; numbers are raw counts & may include boilerplate <noise>."),
                    .table(try articleTable()),
                ]),
                HTMLSection(heading: "Vocabulary", blocks: [.chart(.bar(title: "Most frequent content words", items: try topWords(12)))]),
                HTMLSection(heading: "Timeline", blocks: [
                    .chart(.timeline(title: "The road to the visit", events: longTimeline)),
                    .chart(.timeline(title: "The week of the visit", events: visitTimeline)),
                ]),
                HTMLSection(heading: "Who appears with whom", blocks: [
                    .chart(.network(title: "People, places and organisations mentioned in the same paragraph", nodes: net.nodes, edges: net.edges)),
                ]),
                HTMLSection(heading: "Topics by article", blocks: [
                    .chart(.matrix(title: "Mentions of each topic per article", rows: m.rows, columns: m.columns, cells: m.cells)),
                    .paragraph("Cells show raw counts; darker cells mean more mentions."),
                ]),
            ])
    }
}
