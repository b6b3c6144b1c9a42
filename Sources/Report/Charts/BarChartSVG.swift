/// Draws `Chart.bar`: horizontal bars in the order given, category labels on the left, value
/// labels at the bar ends, and a value axis with gridlines below.
enum BarChartSVG {
    static let width = SVGDraw.chartWidth
    static let rowHeight = 26.0
    static let barHeight = 18.0
    static let top = 44.0

    static func document(title: String, items: [(label: String, value: Double)]) -> SVGDocument {
        guard !items.isEmpty else { return SVGDocument.placeholder(title: title, kind: "Bar chart") }
        let labels = items.map { SVGDraw.fit($0.label, pixels: 240) }
        let valueTexts = items.map { $0.value.isFinite ? NumberText.display($0.value) : "n/a" }
        let labelWidth = Swift.min(240, labels.map { SVGDraw.textWidth($0) }.max() ?? 0)
        let valueWidth = valueTexts.map { SVGDraw.textWidth($0) }.max() ?? 0
        let finite = items.map(\.value).filter(\.isFinite)
        let scale = NiceScale(low: Swift.min(0, finite.min() ?? 0), high: Swift.max(0, finite.max() ?? 0))
        let left = 16 + labelWidth + 10
        let right = width - 16 - valueWidth - 8
        let plotBottom = top + Double(items.count) * rowHeight
        let height = plotBottom + 34
        func x(_ v: Double) -> Double { scale.position(v, from: left, to: right) }
        let zero = x(0)

        var body = SVGDraw.heading(title, width: width)
        var grid = ""
        for tick in scale.ticks {
            let tx = x(tick)
            grid += SVGDraw.line(tx, top - 4, tx, plotBottom, stroke: tick == 0 ? Palette.axis : Palette.grid) + "\n"
            grid += SVGDraw.text(NumberText.compact(tick), x: tx, y: plotBottom + 16, anchor: "middle", size: 11, fill: Palette.muted) + "\n"
        }
        body += Markup.element("g", [("class", "axis")], content: "\n" + grid) + "\n"

        for (i, item) in items.enumerated() {
            let rowTop = top + Double(i) * rowHeight
            let centre = rowTop + rowHeight / 2
            var content = SVGDraw.text(labels[i], x: left - 10, y: centre + 4, anchor: "end")
            if item.value.isFinite {
                let end = x(item.value)
                let barX = Swift.min(zero, end)
                content += Markup.element("rect", [
                    ("x", NumberText.coordinate(barX)), ("y", NumberText.coordinate(centre - barHeight / 2)),
                    ("width", NumberText.coordinate(Swift.max(item.value == 0 ? 0 : 1, Swift.abs(end - zero)))),
                    ("height", NumberText.coordinate(barHeight)), ("rx", "2"),
                    ("fill", item.value < 0 ? Palette.negative : Palette.primary),
                ])
                let labelX = item.value < 0 ? zero + 6 : end + 6
                content += SVGDraw.text(valueTexts[i], x: labelX, y: centre + 4, size: 11, fill: Palette.ink)
            } else {
                content += SVGDraw.text("n/a", x: zero + 6, y: centre + 4, size: 11, fill: Palette.muted)
            }
            let hover = TerminalText.sanitize(item.label) + ": " + valueTexts[i]
            body += SVGDraw.titled(hover, className: "bar", content)
        }

        let largest = items.enumerated().filter { $0.element.value.isFinite }.max { $0.element.value < $1.element.value }
        var description = "Bar chart of \(items.count) item\(items.count == 1 ? "" : "s")"
        if let largest {
            description += "; largest: \(TerminalText.sanitize(largest.element.label)) (\(valueTexts[largest.offset]))"
        }
        return SVGDocument(width: width, height: height, title: title.isEmpty ? "Bar chart" : title,
                           description: description + ".", body: body)
    }
}
