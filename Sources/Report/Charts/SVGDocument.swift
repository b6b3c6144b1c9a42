/// A chart's SVG before it is wrapped in its `<svg>` element: size, accessible name and
/// description, and the drawing.
struct SVGDocument {
    /// Width of the viewBox in user units (pixels at natural size).
    var width: Double
    /// Height of the viewBox.
    var height: Double
    /// Accessible name (the `<title>`), normally the chart title.
    var title: String
    /// Accessible description (the `<desc>`): what the chart shows, in a sentence or two.
    var description: String
    /// The drawing: everything inside `<svg>` after `<title>` and `<desc>`.
    var body: String

    /// The system font stack used for chart text, matching the page.
    static let fontStack = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

    /// The complete `<svg>` element. A standalone SVG carries the SVG namespace so it can be saved
    /// as a .svg file; inside HTML the namespace is implied and left out. `idPrefix` keeps the ids
    /// used by `aria-labelledby` unique within a page.
    func render(standalone: Bool, idPrefix: String) -> String {
        var attributes: [(String, String)] = []
        if standalone { attributes.append(("xmlns", "http://www.w3.org/2000/svg")) }
        let w = NumberText.coordinate(width), h = NumberText.coordinate(height)
        attributes += [
            ("viewBox", "0 0 \(w) \(h)"), ("width", w), ("height", h),
            ("role", "img"), ("aria-labelledby", "\(idPrefix)-title \(idPrefix)-desc"),
            ("font-family", SVGDocument.fontStack), ("font-size", "12"), ("class", "chart-svg"),
        ]
        let content = "\n" + Markup.element("title", [("id", "\(idPrefix)-title")], content: Markup.escape(title))
            + "\n" + Markup.element("desc", [("id", "\(idPrefix)-desc")], content: Markup.escape(description))
            + "\n" + body
        return Markup.element("svg", attributes, content: content)
    }

    /// A readable "no data" panel in place of a chart whose data is empty.
    static func placeholder(title: String, kind: String, reason: String = "No data to show.") -> SVGDocument {
        let width = SVGDraw.chartWidth, height = 140.0
        var body = SVGDraw.heading(title, width: width)
        body += Markup.element("rect", [
            ("x", "16"), ("y", "44"), ("width", NumberText.coordinate(width - 32)), ("height", "80"), ("rx", "6"),
            ("fill", Palette.panel), ("stroke", Palette.axis), ("stroke-dasharray", "4 4"),
        ]) + "\n"
        body += Markup.element("text", [
            ("x", NumberText.coordinate(width / 2)), ("y", "89"), ("text-anchor", "middle"), ("fill", Palette.muted), ("font-size", "14"),
        ], content: Markup.escape(reason)) + "\n"
        return SVGDocument(width: width, height: height, title: title.isEmpty ? kind : title,
                           description: "\(kind): \(reason)", body: body)
    }
}

/// Small drawing helpers shared by the charts.
enum SVGDraw {
    /// Average advance of a character in the chart font, as a fraction of the font size; a slight
    /// overestimate so estimated label boxes are never too small.
    static let averageAdvance = 0.56

    /// Natural width of the charts, in pixels: the report's text column less the figure padding.
    static let chartWidth = 840.0

    /// Estimated rendered width of `s` at `fontSize` pixels.
    static func textWidth(_ s: String, fontSize: Double = 12) -> Double {
        Double(DisplayWidth.of(s)) * fontSize * averageAdvance
    }

    /// `s` on one line, cut with "…" to fit about `pixels` at `fontSize`.
    static func fit(_ s: String, pixels: Double, fontSize: Double = 12) -> String {
        let columns = Swift.max(1, Int(pixels / (fontSize * averageAdvance)))
        return DisplayWidth.truncate(TerminalText.sanitize(s), to: columns)
    }

    /// The chart title drawn at the top left, cut to the chart width.
    static func heading(_ title: String, width: Double) -> String {
        guard !title.isEmpty else { return "" }
        return Markup.element("text", [
            ("x", "16"), ("y", "26"), ("font-size", "16"), ("font-weight", "600"), ("fill", Palette.ink),
        ], content: Markup.escape(fit(title, pixels: width - 32, fontSize: 16))) + "\n"
    }

    /// A `<text>` element with escaped content.
    static func text(_ s: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
                     fill: String = Palette.ink, weight: String? = nil, extra: [(String, String)] = []) -> String {
        var attributes: [(String, String)] = [("x", NumberText.coordinate(x)), ("y", NumberText.coordinate(y))]
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        if size != 12 { attributes.append(("font-size", NumberText.coordinate(size))) }
        attributes.append(("fill", fill))
        if let weight { attributes.append(("font-weight", weight)) }
        return Markup.element("text", attributes + extra, content: Markup.escape(s))
    }

    /// A straight line.
    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1,
                     extra: [(String, String)] = []) -> String {
        Markup.element("line", [
            ("x1", NumberText.coordinate(x1)), ("y1", NumberText.coordinate(y1)),
            ("x2", NumberText.coordinate(x2)), ("y2", NumberText.coordinate(y2)),
            ("stroke", stroke), ("stroke-width", NumberText.coordinate(width)),
        ] + extra)
    }

    /// A group carrying a `<title>` (the hover text and accessible name of what it holds).
    static func titled(_ title: String, className: String, _ content: String) -> String {
        Markup.element("g", [("class", className)],
                       content: Markup.element("title", content: Markup.escape(title)) + content) + "\n"
    }
}

/// Colours used by the charts: colour-blind-safe hues (after Okabe & Ito), each with at least
/// 3:1 contrast against white so marks stay visible, and dark text for labels.
enum Palette {
    static let ink = "#1f2328"
    static let muted = "#57606a"
    static let axis = "#8c959f"
    static let grid = "#e4e8ec"
    static let panel = "#f6f8fa"
    static let primary = "#0072b2"
    static let negative = "#d55e00"
    static let spanFill = "#d3e6f5"
    static let ungrouped = "#57606a"
    /// Group colours, in order of first appearance; repeats after the last.
    static let groups = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#7570b3", "#a6761d"]
}
