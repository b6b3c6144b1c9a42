import Foundation
import Testing
@testable import Report
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct ReportChartTests {
    /// Elements named `name`, parsed from the SVG as it appears inside HTML (without the namespace
    /// declaration, which would make every lookup namespace-qualified).
    func elements(_ name: String, in svg: String) throws -> [XMLElement] {
        let inline = svg.replacingOccurrences(of: " xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        let document = try XMLDocument(xmlString: inline, options: [])
        return try document.nodes(forXPath: "//*[local-name()='\(name)']").compactMap { $0 as? XMLElement }
    }

    func number(_ element: XMLElement, _ attribute: String) -> Double {
        Double(element.attribute(forName: attribute)?.stringValue ?? "") ?? .nan
    }

    func viewBox(_ svg: String) throws -> (width: Double, height: Double) {
        let root = try #require(try elements("svg", in: svg).first)
        let parts = (root.attribute(forName: "viewBox")?.stringValue ?? "").split(separator: " ").compactMap { Double($0) }
        try #require(parts.count == 4)
        return (parts[2], parts[3])
    }

    // MARK: dates and the time axis

    @Test func isoDatesAreReadStrictly() {
        #expect(CalendarDate(iso: "2023")?.precision == .year)
        #expect(CalendarDate(iso: "2023-06")?.precision == .month)
        #expect(CalendarDate(iso: "2023-06-18") == CalendarDate(year: 2023, month: 6, day: 18, precision: .day))
        #expect(CalendarDate(iso: "2023-06-18T10:00:00Z")?.day == 18)
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        for bad in ["2023-02-29", "2023-13", "2023-00", "2023-6-18", "18-6-2023", "June 2023", "", "20231", "2023-06-31", "2023-06-18x"] {
            #expect(CalendarDate(iso: bad) == nil, "\(bad)")
        }
    }

    @Test func dayNumbersMatchTheCalendar() {
        // Values from Python: (date(y, m, d) - date(1970, 1, 1)).days
        #expect(CalendarDate.dayNumber(year: 1970, month: 1, day: 1) == 0)
        #expect(CalendarDate.dayNumber(year: 2023, month: 6, day: 18) == 19526)
        #expect(CalendarDate.dayNumber(year: 1900, month: 3, day: 1) == -25508)
        #expect(CalendarDate.dayNumber(year: 2000, month: 2, day: 29) == 11016)
        for day in stride(from: -30000, through: 30000, by: 97) {
            let date = CalendarDate(dayNumber: day)
            #expect(CalendarDate.dayNumber(year: date.year, month: date.month, day: date.day) == day)
        }
        #expect(CalendarDate(iso: "2023-12")?.dayAfterPeriod == CalendarDate.dayNumber(year: 2024, month: 1, day: 1))
    }

    @Test func timeTicksFollowTheRange() {
        let week = TimeTicks.make(from: CalendarDate.dayNumber(year: 2023, month: 6, day: 12), to: CalendarDate.dayNumber(year: 2023, month: 6, day: 21))
        #expect(week.map(\.label) == ["12 Jun", "13 Jun", "14 Jun", "15 Jun", "16 Jun", "17 Jun", "18 Jun", "19 Jun", "20 Jun", "21 Jun"])
        #expect(week.compactMap(\.yearLabel) == ["2023"])
        let year = TimeTicks.make(from: CalendarDate.dayNumber(year: 2023, month: 1, day: 1), to: CalendarDate.dayNumber(year: 2023, month: 12, day: 31))
        #expect(year.map(\.label) == ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])
        let years = TimeTicks.make(from: CalendarDate.dayNumber(year: 2018, month: 7, day: 1), to: CalendarDate.dayNumber(year: 2024, month: 2, day: 1))
        #expect(years.map(\.label) == ["2019", "2020", "2021", "2022", "2023", "2024"])
        let century = TimeTicks.make(from: CalendarDate.dayNumber(year: 1901, month: 1, day: 1), to: CalendarDate.dayNumber(year: 2023, month: 1, day: 1))
        #expect(century.count <= 11 && century.count >= 5)
        let twoYears = TimeTicks.make(from: CalendarDate.dayNumber(year: 2022, month: 11, day: 15), to: CalendarDate.dayNumber(year: 2024, month: 3, day: 1))
        #expect(twoYears.count <= 12)
        #expect(twoYears.compactMap(\.yearLabel) == ["2023", "2024"])
    }

    // MARK: timeline

    @Test func timelineLabelsNeverShareALaneWhenTheyWouldOverlap() throws {
        let crowded = (1...6).map { TimelineEvent(label: "Statement number \($0) on the same day", start: "2023-06-18") }
        let svg = HTMLRenderer.svg(.timeline(title: "Crowded", events: crowded))
        let rows = Set(try elements("circle", in: svg).map { number($0, "cy") })
        #expect(rows.count == 6)

        let spread = ["2023-01", "2023-04", "2023-07", "2023-10"].map { TimelineEvent(label: "Q", start: $0) }
        let spreadSVG = HTMLRenderer.svg(.timeline(title: "Spread", events: spread))
        #expect(Set(try elements("circle", in: spreadSVG).map { number($0, "cy") }).count == 1)
    }

    @Test func timelineMarksStayInsideTheDrawing() throws {
        for events in [ReportSampleData.longTimeline, ReportSampleData.visitTimeline] {
            let svg = HTMLRenderer.svg(.timeline(title: "T", events: events))
            let box = try viewBox(svg)
            for c in try elements("circle", in: svg) {
                #expect(number(c, "cx") >= 0 && number(c, "cx") <= box.width)
                #expect(number(c, "cy") >= 0 && number(c, "cy") <= box.height)
            }
            for r in try elements("rect", in: svg) {
                #expect(number(r, "x") >= 0 && number(r, "x") + number(r, "width") <= box.width)
            }
        }
    }

    @Test func unreadableDatesAreCountedNotDrawn() throws {
        let events = [TimelineEvent(label: "ok", start: "2023-06-18"), TimelineEvent(label: "bad", start: "Sunday")]
        let svg = HTMLRenderer.svg(.timeline(title: "T", events: events))
        #expect(try elements("circle", in: svg).count == 1)
        #expect(svg.contains("1 event left out: unreadable date."))
    }

    @Test func veryLongTimelinesShowTheFirstEventsAndSaySo() throws {
        let events = (0..<400).map { TimelineEvent(label: "Day \($0)", start: "2023-01-01", end: $0 % 2 == 0 ? nil : "2023-01-02") }
        let svg = HTMLRenderer.svg(.timeline(title: "Many", events: events))
        #expect(try elements("g", in: svg).filter { $0.attribute(forName: "class")?.stringValue == "event" }.count == 300)
        #expect(svg.contains("Showing the first 300 of 400 events."))
    }

    // MARK: bars

    @Test func barsKeepTheirOrderAndNegativeValuesGoLeft() throws {
        let svg = HTMLRenderer.svg(.bar(title: "Net tone", items: [("Xinhua", 3), ("The Guardian", -2), ("La Presse", 1)]))
        let groups = try elements("g", in: svg).filter { $0.attribute(forName: "class")?.stringValue == "bar" }
        #expect(groups.compactMap { ($0.children?.first as? XMLElement)?.stringValue } == ["Xinhua: 3", "The Guardian: -2", "La Presse: 1"])
        let rects = try elements("rect", in: svg)
        #expect(rects.count == 3)
        // The negative bar ends where the positive bars begin (the zero line).
        #expect(abs(number(rects[1], "x") + number(rects[1], "width") - number(rects[0], "x")) < 0.02)
        #expect(number(rects[0], "width") > number(rects[2], "width") * 2.9)
    }

    // MARK: network

    /// Two groups of four, every pair inside a group linked, one link between the groups.
    static let twoClusters: (nodes: [NetworkNode], edges: [NetworkEdge]) = {
        let a = ["Blinken", "Sullivan", "Burns", "Biden"], b = ["Qin Gang", "Wang Yi", "Xi Jinping", "Li Qiang"]
        let nodes = (a + b).map { NetworkNode(id: $0, label: $0, weight: 2, group: a.contains($0) ? "US" : "China") }
        var edges: [NetworkEdge] = []
        for group in [a, b] {
            for i in group.indices { for j in group.indices where j > i { edges.append(NetworkEdge(source: group[i], target: group[j], weight: 3)) } }
        }
        edges.append(NetworkEdge(source: "Blinken", target: "Qin Gang", weight: 1))
        return (nodes, edges)
    }()

    @Test func networkLayoutIsDeterministicAndInsideTheFrame() {
        let (nodes, edges) = Self.twoClusters
        let first = NetworkLayout.layout(nodes: nodes, edges: edges, x: 10, y: 20, width: 400, height: 300)
        let second = NetworkLayout.layout(nodes: nodes, edges: edges, x: 10, y: 20, width: 400, height: 300)
        #expect(first == second)
        #expect(first.map(\.id) == nodes.map(\.id))
        for p in first {
            #expect(p.x >= 10 && p.x <= 410)
            #expect(p.y >= 20 && p.y <= 320)
        }
        // It fills the frame in at least one direction.
        let xs = first.map(\.x), ys = first.map(\.y)
        #expect((xs.max() ?? 0) - (xs.min() ?? 0) > 399 || (ys.max() ?? 0) - (ys.min() ?? 0) > 299)
        // Another seed gives another (equally valid) picture.
        #expect(NetworkLayout.layout(nodes: nodes, edges: edges, width: 400, height: 300, seed: 2)
                != NetworkLayout.layout(nodes: nodes, edges: edges, width: 400, height: 300, seed: 1))
    }

    @Test func linkedNodesEndUpCloserThanUnlinkedOnes() {
        let (nodes, edges) = Self.twoClusters
        let positions = NetworkLayout.layout(nodes: nodes, edges: edges, width: 600, height: 400)
        func distance(_ i: Int, _ j: Int) -> Double {
            let dx = positions[i].x - positions[j].x, dy = positions[i].y - positions[j].y
            return (dx * dx + dy * dy).squareRoot()
        }
        var inside: [Double] = [], across: [Double] = []
        for i in 0..<8 { for j in (i + 1)..<8 { (i / 4 == j / 4 ? { inside.append(distance(i, j)) } : { across.append(distance(i, j)) })() } }
        let meanInside = inside.reduce(0, +) / Double(inside.count)
        let meanAcross = across.reduce(0, +) / Double(across.count)
        #expect(meanInside * 1.5 < meanAcross)
    }

    @Test func networkLayoutHandlesDegenerateInput() {
        #expect(NetworkLayout.layout(nodes: [], edges: [], width: 100, height: 100).isEmpty)
        let one = NetworkLayout.layout(nodes: [NetworkNode(id: "a", label: "A")], edges: [], width: 100, height: 50)
        #expect(one == [NetworkPosition(id: "a", x: 50, y: 25)])
        let duplicates = [NetworkNode(id: "a", label: "A"), NetworkNode(id: "a", label: "again"), NetworkNode(id: "b", label: "B")]
        let weird = [NetworkEdge(source: "a", target: "a"), NetworkEdge(source: "a", target: "zzz"), NetworkEdge(source: "a", target: "b", weight: .nan)]
        let laid = NetworkLayout.layout(nodes: duplicates, edges: weird, width: 100, height: 100)
        #expect(laid.map(\.id) == ["a", "b"])
        #expect(laid.allSatisfy { $0.x.isFinite && $0.y.isFinite })
    }

    @Test func networkChartDrawsInsideItsViewBox() throws {
        let net = try ReportSampleData.network()
        let svg = HTMLRenderer.svg(.network(title: "Who appears with whom", nodes: net.nodes, edges: net.edges))
        let box = try viewBox(svg)
        let circles = try elements("circle", in: svg).filter { $0.parent?.name == "g" && ($0.parent as? XMLElement)?.attribute(forName: "class")?.stringValue == "node" }
        #expect(circles.count == net.nodes.count)
        for c in circles {
            let x = number(c, "cx"), y = number(c, "cy"), r = number(c, "r")
            #expect(x - r >= 0 && x + r <= box.width && y - r >= 0 && y + r <= box.height)
        }
        // Node area follows weight: the most mentioned entity has the largest circle.
        let heaviest = try #require(net.nodes.indices.max { net.nodes[$0].weight < net.nodes[$1].weight })
        #expect(number(circles[heaviest], "r") == circles.map { number($0, "r") }.max())
        // Labels (centred under nodes) fit horizontally, by the renderer's own width estimate.
        for text in try elements("text", in: svg) where (text.parent as? XMLElement)?.attribute(forName: "class")?.stringValue == "node" {
            let half = SVGDraw.textWidth(text.stringValue ?? "", fontSize: 11) / 2
            #expect(number(text, "x") - half >= 0 && number(text, "x") + half <= box.width)
        }
        #expect(svg == HTMLRenderer.svg(.network(title: "Who appears with whom", nodes: net.nodes, edges: net.edges)))
    }

    @Test func bigNetworksKeepTheHeaviestNodes() throws {
        let nodes = (0..<150).map { NetworkNode(id: "n\($0)", label: "Entity \($0)", weight: Double($0)) }
        let edges = (1..<150).map { NetworkEdge(source: "n\($0 - 1)", target: "n\($0)") }
        let svg = HTMLRenderer.svg(.network(title: "Big", nodes: nodes, edges: edges))
        let titles = try elements("title", in: svg).compactMap(\.stringValue)
        #expect(titles.filter { $0.hasPrefix("Entity ") && $0.contains("weight") }.count == 120)
        #expect(!titles.contains { $0.hasPrefix("Entity 29 ") })
        #expect(titles.contains { $0.hasPrefix("Entity 30 ") })
        #expect(svg.contains("Showing the 120 heaviest of 150 nodes."))
    }

    // MARK: matrix

    @Test func matrixShadesByValueAndMarksMissingCells() throws {
        let svg = HTMLRenderer.svg(.matrix(title: "Claims", rows: ["Xinhua", "The Guardian"], columns: ["Call on Tuesday", "Call on Wednesday"],
                                           cells: [[1, -1], [.nan]]))
        let cells = try elements("g", in: svg).filter { $0.attribute(forName: "class")?.stringValue == "cell" }
        let titles = cells.compactMap { ($0.children?.first as? XMLElement)?.stringValue }
        #expect(titles == ["Xinhua × Call on Tuesday: 1", "Xinhua × Call on Wednesday: -1",
                           "The Guardian × Call on Tuesday: no value", "The Guardian × Call on Wednesday: no value"])
        let fills = cells.compactMap { ($0.children?.dropFirst().first as? XMLElement)?.attribute(forName: "fill")?.stringValue }
        #expect(fills.count == 4)
        #expect(fills[0] != fills[1])  // positive and negative differ in hue
        #expect(fills[2] == "#ffffff" && fills[3] == "#ffffff")
        #expect(cells[2].stringValue?.contains("–") == true)
    }

    @Test func shadesKeepValueTextReadable() {
        func luminance(_ hex: String) -> Double {
            let digits = Array(hex.dropFirst())
            return stride(from: 0, to: 6, by: 2).enumerated().map { i, at in
                let v = Double(Int(String(digits[at...at + 1]), radix: 16) ?? 0) / 255
                let linear = v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
                return linear * [0.2126, 0.7152, 0.0722][i]
            }.reduce(0, +)
        }
        for step in 0...20 {
            for sign in [1.0, -1.0] {
                let shade = Shade.of(sign * Double(step) / 20, extent: 1, diverging: true)
                let a = luminance(shade.fill), b = luminance(shade.text)
                let contrast = (max(a, b) + 0.05) / (min(a, b) + 0.05)
                #expect(contrast >= 4, "\(shade) \(contrast)")
            }
        }
    }
}
