/// A chart for an HTML report, drawn as inline SVG by `HTMLRenderer`. Each case holds the data
/// only; layout, scales and colours are computed when rendering, deterministically.
public enum Chart: Sendable {
    /// Horizontal bars in the order given, with value labels and a value axis (negative values
    /// extend left of zero).
    case bar(title: String, items: [(label: String, value: Double)])
    /// Dated events on a time axis: single dates as points, ranges (and year-only dates) as spans,
    /// labels stacked in lanes so they never overlap.
    case timeline(title: String, events: [TimelineEvent])
    /// Entities and how often they occur together, laid out by a seeded force-directed layout
    /// (`NetworkLayout`). Up to 120 nodes are drawn (the heaviest) and up to 40 are labelled on
    /// the drawing; every node and link keeps its full description in a `<title>`.
    case network(title: String, nodes: [NetworkNode], edges: [NetworkEdge])
    /// A shaded grid, typically sources × claims: `cells[r][c]` is the value for `rows[r]` and
    /// `columns[c]`. Missing or NaN cells are shown as "no value".
    case matrix(title: String, rows: [String], columns: [String], cells: [[Double]])

    /// The chart's title as given.
    public var title: String {
        switch self {
        case .bar(let title, _), .timeline(let title, _), .network(let title, _, _), .matrix(let title, _, _, _):
            return title
        }
    }
}

/// One dated event on a timeline.
///
/// Dates are ISO 8601 calendar dates at year, month or day precision: `"2023"`, `"2023-06"`,
/// `"2023-06-18"` (anything after the date, such as a time `T10:00`, is ignored). An event
/// without `end` is a point (a year-only date is drawn as a span over that year); with `end` it
/// spans from the start of `start` to the end of `end`. Events whose dates cannot be read are
/// left out and counted in a note under the chart.
public struct TimelineEvent: Sendable, Hashable {
    /// Short text drawn beside the event.
    public var label: String
    /// When the event happened or began (ISO date).
    public var start: String
    /// When a ranged event ended (ISO date), or nil for a single date.
    public var end: String?
    /// Longer text shown on hover and to screen readers.
    public var detail: String?

    /// Creates an event from a label and ISO dates.
    public init(label: String, start: String, end: String? = nil, detail: String? = nil) {
        self.label = label
        self.start = start
        self.end = end
        self.detail = detail
    }
}

/// One node of a network chart, usually an entity.
public struct NetworkNode: Sendable, Hashable {
    /// Unique key that edges refer to; later nodes repeating an id are ignored.
    public var id: String
    /// Text drawn under the node.
    public var label: String
    /// Importance, for example a mention count; node area grows with it. Must be ≥ 0 to count.
    public var weight: Double
    /// Category used for the node's colour (for example "person", "place"); nil for none.
    public var group: String?

    /// Creates a node.
    public init(id: String, label: String, weight: Double = 1, group: String? = nil) {
        self.id = id
        self.label = label
        self.weight = weight
        self.group = group
    }
}

/// One undirected link between two nodes, usually a co-occurrence count.
public struct NetworkEdge: Sendable, Hashable {
    /// Id of one end.
    public var source: String
    /// Id of the other end.
    public var target: String
    /// Strength, for example how many sentences mention both; line width grows with it.
    public var weight: Double

    /// Creates an edge. Edges naming unknown nodes, and self-loops, are ignored when drawing;
    /// repeated pairs (in either direction) are merged by adding their weights.
    public init(source: String, target: String, weight: Double = 1) {
        self.source = source
        self.target = target
        self.weight = weight
    }
}
