/// Draws `Chart.network`: nodes sized by weight and coloured by group, links as lines whose
/// width follows their weight, positions from `NetworkLayout`, and a legend of groups.
enum NetworkChartSVG {
    static let width = SVGDraw.chartWidth
    static let height = 540.0
    static let top = 44.0
    /// More nodes than this make an unreadable hairball; the heaviest are kept.
    static let maxNodes = 120
    static let labelPixels = 130.0
    /// At most this many nodes (the heaviest) get a label on the drawing.
    static let maxLabels = 40

    static func document(title: String, nodes: [NetworkNode], edges: [NetworkEdge]) -> SVGDocument {
        var seen = Set<String>()
        let unique = nodes.filter { seen.insert($0.id).inserted }
        guard !unique.isEmpty else { return SVGDocument.placeholder(title: title, kind: "Network") }
        func weight(_ node: NetworkNode) -> Double { node.weight.isFinite && node.weight > 0 ? node.weight : 0 }
        var shown = unique
        if unique.count > maxNodes {
            let keep = Set(unique.indices.sorted { (-weight(unique[$0]), $0) < (-weight(unique[$1]), $1) }.prefix(maxNodes))
            shown = unique.indices.filter(keep.contains).map { unique[$0] }
        }
        var indexOf: [String: Int] = [:]
        for (i, node) in shown.enumerated() { indexOf[node.id] = i }
        let links = NetworkLayout.mergedLinks(edges, indexOf: indexOf)

        let groups = orderedGroups(shown)
        let legendRows = legendLayout(groups).rows
        let legendHeight = groups.isEmpty ? 0 : Double(legendRows) * 20 + 8
        let noteHeight = shown.count < unique.count ? 18.0 : 0
        let maxWeight = shown.map(weight).max() ?? 0
        // Smaller circles when there are many nodes, so they do not pile up.
        let largest = Swift.min(18, Swift.max(9, 18 * (40 / Double(shown.count)).squareRoot()))
        let radii = shown.map { node -> Double in
            maxWeight > 0 ? 4 + (largest - 4) * (weight(node) / maxWeight).squareRoot() : 8
        }
        // With many nodes only the heaviest are labelled on the drawing; every node keeps its
        // name in its <title>.
        let labelled = Set(shown.indices.sorted { (-weight(shown[$0]), $0) < (-weight(shown[$1]), $1) }.prefix(maxLabels))
        let largestRadius = radii.max() ?? 8
        let labels = shown.map { SVGDraw.fit($0.label.isEmpty ? $0.id : $0.label, pixels: labelPixels, fontSize: 11) }
        let halfLabel = (labels.map { SVGDraw.textWidth($0, fontSize: 11) }.max() ?? 0) / 2
        let marginX = Swift.max(largestRadius, halfLabel) + 4
        let frameX = 16 + marginX
        let frameY = top + largestRadius + 4
        let frameW = width - 2 * frameX
        let frameH = height - legendHeight - noteHeight - frameY - (largestRadius + 20)
        let linkEdges = links.map { NetworkEdge(source: shown[$0.a].id, target: shown[$0.b].id, weight: $0.weight) }
        let positions = NetworkLayout.layout(nodes: shown, edges: linkEdges, x: frameX, y: frameY,
                                             width: frameW, height: frameH)

        var body = SVGDraw.heading(title, width: width)
        let maxLink = links.map(\.weight).max() ?? 0
        var degree = [Int](repeating: 0, count: shown.count)
        var edgeMarkup = ""
        for link in links {
            degree[link.a] += 1
            degree[link.b] += 1
            let a = positions[link.a], b = positions[link.b]
            let strokeWidth = maxLink > 0 ? 0.75 + 4.25 * link.weight / maxLink : 1.5
            let line = SVGDraw.line(a.x, a.y, b.x, b.y, stroke: Palette.axis, width: strokeWidth,
                                    extra: [("stroke-opacity", "0.55"), ("stroke-linecap", "round")])
            let hover = TerminalText.sanitize(label(shown[link.a])) + " — " + TerminalText.sanitize(label(shown[link.b]))
                + ": " + NumberText.display(link.weight)
            edgeMarkup += SVGDraw.titled(hover, className: "edge", line)
        }
        body += Markup.element("g", [("class", "edges")], content: "\n" + edgeMarkup) + "\n"

        var nodeMarkup = ""
        for (i, node) in shown.enumerated() {
            let p = positions[i]
            let colour = colourFor(node.group, groups: groups)
            var content = Markup.element("circle", [
                ("cx", NumberText.coordinate(p.x)), ("cy", NumberText.coordinate(p.y)),
                ("r", NumberText.coordinate(radii[i])), ("fill", colour), ("stroke", "#ffffff"), ("stroke-width", "1.5"),
            ])
            if labelled.contains(i) {
                content += SVGDraw.text(labels[i], x: p.x, y: p.y + radii[i] + 12, anchor: "middle", size: 11, extra: [
                    ("stroke", "#ffffff"), ("stroke-width", "3"), ("stroke-linejoin", "round"), ("paint-order", "stroke"),
                ])
            }
            var hover = TerminalText.sanitize(label(node)) + " — weight " + NumberText.display(node.weight)
            if let group = node.group { hover += ", " + group }
            hover += ", \(degree[i]) link\(degree[i] == 1 ? "" : "s")"
            nodeMarkup += SVGDraw.titled(hover, className: "node", content)
        }
        body += Markup.element("g", [("class", "nodes")], content: "\n" + nodeMarkup) + "\n"

        var y = height - legendHeight - noteHeight
        if noteHeight > 0 {
            body += SVGDraw.text("Showing the \(shown.count) heaviest of \(unique.count) nodes.", x: 16, y: y + 12,
                                 size: 11, fill: Palette.muted) + "\n"
            y += noteHeight
        }
        if !groups.isEmpty {
            var legend = ""
            for item in legendLayout(groups).items {
                let ly = y + 14 + Double(item.row) * 20
                legend += Markup.element("circle", [
                    ("cx", NumberText.coordinate(item.x + 5)), ("cy", NumberText.coordinate(ly - 4)), ("r", "5"),
                    ("fill", item.group == nil ? Palette.ungrouped : Palette.groups[item.colour % Palette.groups.count]),
                ])
                legend += SVGDraw.text(item.text, x: item.x + 14, y: ly, size: 11, fill: Palette.ink) + "\n"
            }
            body += Markup.element("g", [("class", "legend")], content: legend) + "\n"
        }

        let hub = shown.indices.max { (degree[$0], -$0) < (degree[$1], -$1) }
        var description = "Network of \(shown.count) node\(shown.count == 1 ? "" : "s") and \(links.count) link\(links.count == 1 ? "" : "s")"
        if let hub, degree[hub] > 0 { description += "; most connected: \(TerminalText.sanitize(label(shown[hub]))) (\(degree[hub]) links)" }
        description += "."
        if shown.count < unique.count { description += " Showing the \(shown.count) heaviest of \(unique.count) nodes." }
        if !groups.isEmpty { description += " Groups: " + groups.map { $0 ?? "other" }.joined(separator: ", ") + "." }
        return SVGDocument(width: width, height: height, title: title.isEmpty ? "Network" : title,
                           description: description, body: body)
    }

    static func label(_ node: NetworkNode) -> String { node.label.isEmpty ? node.id : node.label }

    /// Group names in order of first appearance, `nil` (no group) last when it occurs alongside
    /// named groups; empty when no node has a group.
    static func orderedGroups(_ nodes: [NetworkNode]) -> [String?] {
        var named: [String] = []
        var seen = Set<String>()
        var hasUngrouped = false
        for node in nodes {
            if let g = node.group {
                if seen.insert(g).inserted { named.append(g) }
            } else {
                hasUngrouped = true
            }
        }
        guard !named.isEmpty else { return [] }
        return named.map(Optional.some) + (hasUngrouped ? [nil] : [])
    }

    static func colourFor(_ group: String?, groups: [String?]) -> String {
        guard let group, let i = groups.firstIndex(of: group) else {
            return groups.isEmpty ? Palette.primary : Palette.ungrouped
        }
        return Palette.groups[i % Palette.groups.count]
    }

    struct LegendItem {
        var group: String?
        var text: String
        var colour: Int
        var x: Double
        var row: Int
    }

    /// Legend entries flowed left to right, wrapping onto new rows.
    static func legendLayout(_ groups: [String?]) -> (items: [LegendItem], rows: Int) {
        var items: [LegendItem] = []
        var x = 16.0, row = 0
        for (i, group) in groups.enumerated() {
            let text = SVGDraw.fit(group ?? "other", pixels: 160, fontSize: 11)
            let w = 14 + SVGDraw.textWidth(text, fontSize: 11) + 18
            if x + w > width - 16 && x > 16 {
                x = 16
                row += 1
            }
            items.append(LegendItem(group: group, text: text, colour: i, x: x, row: row))
            x += w
        }
        return (items, groups.isEmpty ? 0 : row + 1)
    }
}
