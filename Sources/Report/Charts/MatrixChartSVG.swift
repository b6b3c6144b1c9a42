import Foundation

/// Draws `Chart.matrix`: a rows × columns grid of shaded cells with their values, row labels on
/// the left, column labels slanted above, and a colour key below. Long labels are cut with "…"
/// and keep their full text in a `<title>`.
enum MatrixChartSVG {
    static let top = 44.0
    static let cellHeight = 28.0
    static let rowLabelPixels = 260.0
    static let columnLabelPixels = 150.0
    static let slant = 0.7071

    static func document(title: String, rows: [String], columns: [String], cells: [[Double]]) -> SVGDocument {
        guard !rows.isEmpty, !columns.isEmpty else { return SVGDocument.placeholder(title: title, kind: "Matrix") }
        func value(_ r: Int, _ c: Int) -> Double {
            guard r < cells.count, c < cells[r].count else { return .nan }
            return cells[r][c]
        }
        let values = rows.indices.flatMap { r in columns.indices.map { value(r, $0) } }.filter(\.isFinite)
        let low = values.min() ?? 0, high = values.max() ?? 0
        let diverging = low < 0
        let extent = diverging ? Swift.max(Swift.abs(low), Swift.abs(high)) : high

        let rowLabels = rows.map { SVGDraw.fit($0, pixels: rowLabelPixels) }
        let columnLabels = columns.map { SVGDraw.fit($0, pixels: columnLabelPixels, fontSize: 11) }
        let rowLabelWidth = rowLabels.map { SVGDraw.textWidth($0) }.max() ?? 0
        let columnLabelWidth = columnLabels.map { SVGDraw.textWidth($0, fontSize: 11) }.max() ?? 0
        let cellWidth = columns.count <= 12 ? 52.0 : 40.0
        let left = 16 + rowLabelWidth + 10
        let gridTop = top + columnLabelWidth * slant + 14
        let gridBottom = gridTop + Double(rows.count) * cellHeight
        let gridRight = left + Double(columns.count) * cellWidth
        let width = Swift.max(360, gridRight + 16, left + (Double(columns.count) - 0.5) * cellWidth + columnLabelWidth * slant + 20)
        let height = gridBottom + 50

        var body = SVGDraw.heading(title, width: width)

        var headers = ""
        for (c, column) in columns.enumerated() {
            let cx = left + (Double(c) + 0.5) * cellWidth
            let baseline = gridTop - 6
            let text = SVGDraw.text(columnLabels[c], x: cx, y: baseline, size: 11, extra: [
                ("transform", "rotate(-45 \(NumberText.coordinate(cx)) \(NumberText.coordinate(baseline)))"),
            ])
            headers += SVGDraw.titled(TerminalText.sanitize(column), className: "column-label", text)
        }
        for (r, row) in rows.enumerated() {
            let cy = gridTop + (Double(r) + 0.5) * cellHeight
            headers += SVGDraw.titled(TerminalText.sanitize(row), className: "row-label",
                                      SVGDraw.text(rowLabels[r], x: left - 10, y: cy + 4, anchor: "end"))
        }
        body += Markup.element("g", [("class", "labels")], content: "\n" + headers) + "\n"

        var grid = ""
        for r in rows.indices {
            for c in columns.indices {
                let v = value(r, c)
                let x = left + Double(c) * cellWidth, y = gridTop + Double(r) * cellHeight
                let shade = Shade.of(v, extent: extent, diverging: diverging)
                var content = Markup.element("rect", [
                    ("x", NumberText.coordinate(x + 1)), ("y", NumberText.coordinate(y + 1)),
                    ("width", NumberText.coordinate(cellWidth - 2)), ("height", NumberText.coordinate(cellHeight - 2)),
                    ("rx", "2"), ("fill", shade.fill),
                ] + (v.isFinite ? [] : [("stroke", Palette.grid)]))
                content += SVGDraw.text(v.isFinite ? NumberText.compact(v) : "–", x: x + cellWidth / 2, y: y + cellHeight / 2 + 4,
                                        anchor: "middle", size: 11, fill: shade.text)
                let hover = TerminalText.sanitize(rows[r]) + " × " + TerminalText.sanitize(columns[c]) + ": "
                    + (v.isFinite ? NumberText.display(v) : "no value")
                grid += SVGDraw.titled(hover, className: "cell", content)
            }
        }
        body += Markup.element("g", [("class", "cells")], content: "\n" + grid) + "\n"

        // Colour key: five swatches from the lowest to the highest magnitude.
        var key = ""
        let keyY = gridBottom + 18
        let keyLow = diverging ? -extent : 0
        key += SVGDraw.text(NumberText.compact(keyLow), x: left - 6, y: keyY + 10, anchor: "end", size: 11, fill: Palette.muted)
        let stops = diverging ? [-1.0, -0.5, 0, 0.5, 1] : [0.0, 0.25, 0.5, 0.75, 1]
        for (i, stop) in stops.enumerated() {
            let shade = Shade.of(stop * Swift.max(extent, 1e-300), extent: Swift.max(extent, 1e-300), diverging: diverging)
            key += Markup.element("rect", [
                ("x", NumberText.coordinate(left + Double(i) * 22)), ("y", NumberText.coordinate(keyY)),
                ("width", "20"), ("height", "12"), ("rx", "2"), ("fill", shade.fill), ("stroke", Palette.grid),
            ])
        }
        key += SVGDraw.text(NumberText.compact(extent), x: left + 5 * 22 + 4, y: keyY + 10, size: 11, fill: Palette.muted)
        body += Markup.element("g", [("class", "key")], content: key) + "\n"

        let empty = rows.count * columns.count - values.count
        var description = "Matrix of \(rows.count) row\(rows.count == 1 ? "" : "s") × \(columns.count) column\(columns.count == 1 ? "" : "s")"
        if !values.isEmpty { description += "; values from \(NumberText.display(low)) to \(NumberText.display(high))" }
        if empty > 0 { description += "; \(empty) cell\(empty == 1 ? "" : "s") without a value" }
        return SVGDocument(width: width, height: height, title: title.isEmpty ? "Matrix" : title,
                           description: description + ".", body: body)
    }
}

/// Cell colours for the matrix: light to dark blue for magnitude; in diverging mode (when there
/// are negative values) negative values run to dark orange instead. Value text is dark or white,
/// whichever contrasts more with the fill (at least about 4:1 everywhere on the scale).
enum Shade {
    static let light = (r: 241.0, g: 246.0, b: 251.0)
    static let positive = (r: 8.0, g: 69.0, b: 148.0)
    static let negative = (r: 166.0, g: 54.0, b: 3.0)

    static func of(_ v: Double, extent: Double, diverging: Bool) -> (fill: String, text: String) {
        guard v.isFinite else { return ("#ffffff", Palette.muted) }
        let t = extent > 0 ? Swift.min(1, Swift.abs(v) / extent) : 0
        let end = diverging && v < 0 ? negative : positive
        let r = light.r + (end.r - light.r) * t
        let g = light.g + (end.g - light.g) * t
        let b = light.b + (end.b - light.b) * t
        return (hex(r, g, b), prefersWhiteText(r, g, b) ? "#ffffff" : Palette.ink)
    }

    /// Whether white text contrasts more than the dark ink colour with this fill (WCAG formula).
    static func prefersWhiteText(_ r: Double, _ g: Double, _ b: Double) -> Bool {
        func channel(_ c: Double) -> Double {
            let s = c / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        let fill = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
        let ink = 0.2126 * channel(31) + 0.7152 * channel(35) + 0.0722 * channel(40)
        return 1.05 / (fill + 0.05) > (fill + 0.05) / (ink + 0.05)
    }

    static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for component in [r, g, b] {
            let v = Swift.min(255, Swift.max(0, Int(component.rounded())))
            out.append(digits[v >> 4])
            out.append(digits[v & 15])
        }
        return out
    }
}
