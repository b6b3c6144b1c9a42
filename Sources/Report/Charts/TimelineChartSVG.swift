/// Draws `Chart.timeline`: a time axis whose ticks (days, months or years) are chosen from the
/// data's range, events as points or spans, and labels stacked in lanes so none overlap.
enum TimelineChartSVG {
    static let width = SVGDraw.chartWidth
    static let left = 24.0
    static let right = width - 24
    static let top = 44.0
    static let laneHeight = 28.0
    static let labelPixels = 300.0
    /// More events than this cannot be read on one axis; the first ones (in input order) are drawn.
    static let maxEvents = 300

    /// An event after its dates were read.
    struct Dated {
        var index: Int
        var event: TimelineEvent
        var from: CalendarDate
        var to: CalendarDate?
        /// First day covered.
        var startDay: Int
        /// Day after the last day covered (equal to `startDay` for points).
        var endDay: Int
        var isSpan: Bool
    }

    /// An event placed on the drawing.
    struct Placed {
        var dated: Dated
        var x1: Double
        var x2: Double
        var label: String
        var labelX: Double
        var anchor: String
        var extent: ClosedRange<Double>
        var lane = 0
    }

    static func document(title: String, events: [TimelineEvent]) -> SVGDocument {
        let readable = events.enumerated().compactMap(date)
        let omitted = events.count - readable.count
        let dated = Array(readable.prefix(maxEvents))
        let hidden = readable.count - dated.count
        guard !dated.isEmpty else {
            let reason = events.isEmpty ? "No data to show." : "No events with readable dates (expected 2023, 2023-06 or 2023-06-18)."
            return SVGDocument.placeholder(title: title, kind: "Timeline", reason: reason)
        }

        // Domain in days, padded so points at the ends are not on the edge.
        let low = dated.map(\.startDay).min() ?? 0
        let high = dated.map { Swift.max($0.endDay, $0.startDay) }.max() ?? 1
        let length = Swift.max(1, high - low)
        let pad = length < 10 ? Swift.max(1, (10 - length) / 2) : Swift.max(1, length / 20)
        let domainLow = low - pad, domainHigh = high + pad
        func x(_ day: Int) -> Double {
            left + Double(day - domainLow) / Double(domainHigh - domainLow) * (right - left)
        }

        // Place markers and labels, then stack into lanes.
        var placed: [Placed] = dated.map { d in
            let x1 = x(d.startDay)
            let x2 = d.isSpan ? Swift.max(x(d.endDay), x1 + 4) : x1
            let label = SVGDraw.fit(d.event.label, pixels: labelPixels)
            let w = SVGDraw.textWidth(label)
            if d.isSpan {
                if x2 - x1 >= w + 16 {
                    return Placed(dated: d, x1: x1, x2: x2, label: label, labelX: x1 + 8, anchor: "start", extent: x1...x2)
                }
                if x2 + 6 + w <= right {
                    return Placed(dated: d, x1: x1, x2: x2, label: label, labelX: x2 + 6, anchor: "start", extent: x1...(x2 + 6 + w))
                }
                if x1 - 6 - w >= left - 16 {
                    return Placed(dated: d, x1: x1, x2: x2, label: label, labelX: x1 - 6, anchor: "end", extent: (x1 - 6 - w)...x2)
                }
                let inside = SVGDraw.fit(d.event.label, pixels: Swift.max(12, x2 - x1 - 16))
                return Placed(dated: d, x1: x1, x2: x2, label: inside, labelX: x1 + 8, anchor: "start", extent: x1...x2)
            }
            if x1 + 9 + w <= right + 16 {
                return Placed(dated: d, x1: x1, x2: x1, label: label, labelX: x1 + 9, anchor: "start", extent: (x1 - 6)...(x1 + 9 + w))
            }
            return Placed(dated: d, x1: x1, x2: x1, label: label, labelX: x1 - 9, anchor: "end", extent: (x1 - 9 - w)...(x1 + 6))
        }
        let order = placed.indices.sorted {
            (placed[$0].extent.lowerBound, placed[$0].dated.index) < (placed[$1].extent.lowerBound, placed[$1].dated.index)
        }
        var laneEnds: [Double] = []
        for i in order {
            let start = placed[i].extent.lowerBound
            if let lane = laneEnds.firstIndex(where: { $0 + 8 <= start }) {
                placed[i].lane = lane
                laneEnds[lane] = placed[i].extent.upperBound
            } else {
                placed[i].lane = laneEnds.count
                laneEnds.append(placed[i].extent.upperBound)
            }
        }

        let axisY = top + Double(laneEnds.count) * laneHeight + 14
        var height = axisY + 44
        var body = SVGDraw.heading(title, width: width)

        // Axis, gridlines and tick labels.
        var axis = SVGDraw.line(left, axisY, right, axisY, stroke: Palette.axis) + "\n"
        for tick in TimeTicks.make(from: domainLow, to: domainHigh) {
            let tx = x(tick.day)
            axis += SVGDraw.line(tx, top - 4, tx, axisY, stroke: Palette.grid) + "\n"
            axis += SVGDraw.line(tx, axisY, tx, axisY + 5, stroke: Palette.axis) + "\n"
            axis += SVGDraw.text(tick.label, x: tx, y: axisY + 18, anchor: "middle", size: 11, fill: Palette.muted) + "\n"
            if let year = tick.yearLabel {
                axis += SVGDraw.text(year, x: tx, y: axisY + 32, anchor: "middle", size: 11, fill: Palette.ink, weight: "600") + "\n"
            }
        }
        body += Markup.element("g", [("class", "axis")], content: "\n" + axis) + "\n"

        // Events, in input order.
        for p in placed {
            let cy = top + Double(p.lane) * laneHeight + laneHeight / 2
            var content: String
            if p.dated.isSpan {
                content = Markup.element("rect", [
                    ("x", NumberText.coordinate(p.x1)), ("y", NumberText.coordinate(cy - 9)),
                    ("width", NumberText.coordinate(p.x2 - p.x1)), ("height", "18"), ("rx", "4"),
                    ("fill", Palette.spanFill), ("stroke", Palette.primary), ("stroke-width", "1.5"),
                ])
            } else {
                content = Markup.element("circle", [
                    ("cx", NumberText.coordinate(p.x1)), ("cy", NumberText.coordinate(cy)), ("r", "5.5"),
                    ("fill", Palette.primary), ("stroke", "#ffffff"), ("stroke-width", "1.5"),
                ])
            }
            content += SVGDraw.text(p.label, x: p.labelX, y: cy + 4, anchor: p.anchor)
            body += SVGDraw.titled(hoverText(p.dated), className: "event", content)
        }

        var notes: [String] = []
        if omitted > 0 { notes.append("\(omitted) event\(omitted == 1 ? "" : "s") left out: unreadable date\(omitted == 1 ? "" : "s").") }
        if hidden > 0 { notes.append("Showing the first \(dated.count) of \(readable.count) events.") }
        for note in notes {
            body += SVGDraw.text(note, x: left, y: height + 8, size: 11, fill: Palette.muted) + "\n"
            height += 16
        }

        let first = dated.min { $0.startDay < $1.startDay }
        let last = dated.max { $0.endDay < $1.endDay }
        var description = "Timeline of \(dated.count) event\(dated.count == 1 ? "" : "s")"
        if let first, let last {
            description += " from \(first.from.readable) to \((last.to ?? last.from).readable)"
        }
        description += "."
        if omitted > 0 { description += " \(omitted) with unreadable dates left out." }
        if hidden > 0 { description += " Showing the first \(dated.count) of \(readable.count) events." }
        return SVGDocument(width: width, height: height, title: title.isEmpty ? "Timeline" : title,
                           description: description, body: body)
    }

    /// Reads an event's dates; nil when the start (or a given end) cannot be read.
    static func date(_ pair: (offset: Int, element: TimelineEvent)) -> Dated? {
        let event = pair.element
        guard var from = CalendarDate(iso: event.start) else { return nil }
        var to: CalendarDate?
        if let end = event.end, !end.allSatisfy(\.isWhitespace) {
            guard let parsed = CalendarDate(iso: end) else { return nil }
            to = parsed
        }
        if let t = to, t.firstDay < from.firstDay {
            to = from
            from = t
        }
        if let to {
            return Dated(index: pair.offset, event: event, from: from, to: to,
                         startDay: from.firstDay, endDay: to.dayAfterPeriod, isSpan: true)
        }
        let isSpan = from.precision == .year
        return Dated(index: pair.offset, event: event, from: from, to: nil, startDay: from.firstDay,
                     endDay: isSpan ? from.dayAfterPeriod : from.firstDay, isSpan: isSpan)
    }

    static func hoverText(_ d: Dated) -> String {
        var when = d.from.readable
        if let to = d.to, to != d.from { when += " – " + to.readable }
        var text = TerminalText.sanitize(d.event.label) + " — " + when
        if let detail = d.event.detail, !detail.isEmpty { text += ". " + detail }
        return text
    }
}

/// Tick marks for a time axis: days, months or years, whichever gives a handful of ticks.
struct TimeTicks {
    /// Day number of the tick.
    var day: Int
    /// Short label: "18 Jun", "Jun" or "2023".
    var label: String
    /// The year, written under the first day or month tick and wherever the year changes.
    var yearLabel: String?

    static func make(from low: Int, to high: Int) -> [TimeTicks] {
        let length = high - low
        var ticks: [TimeTicks] = []
        if length <= 62 {
            let step = [1, 2, 7, 14].first { length / $0 <= 10 } ?? 14
            var day = low
            // Weekly ticks fall on Mondays (day 4 after 1970-01-01 was a Monday).
            if step >= 7 { while ((day - 4) % 7 + 7) % 7 != 0 { day += 1 } }
            var lastYear: Int?
            while day <= high {
                let date = CalendarDate(dayNumber: day)
                let year = date.year != lastYear ? String(date.year) : nil
                lastYear = date.year
                ticks.append(TimeTicks(day: day, label: "\(date.day) \(CalendarDate.monthAbbreviations[date.month - 1])", yearLabel: year))
                day += step
            }
        } else if length <= 4 * 366 {
            let step = [1, 2, 3, 6].first { length / (30 * $0) <= 12 } ?? 6
            let start = CalendarDate(dayNumber: low)
            var year = start.year, month = start.month
            if CalendarDate.dayNumber(year: year, month: month, day: 1) < low { month += 1 }
            var first = true
            while true {
                if month > 12 { month -= 12; year += 1 }
                let day = CalendarDate.dayNumber(year: year, month: month, day: 1)
                if day > high { break }
                if (month - 1) % step == 0 {
                    ticks.append(TimeTicks(day: day, label: CalendarDate.monthAbbreviations[month - 1],
                                           yearLabel: first || month == 1 ? String(year) : nil))
                    first = false
                }
                month += 1
            }
        } else {
            let years = Double(length) / 365.25
            let step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000].first { years / Double($0) <= 10 } ?? 5000
            let startYear = CalendarDate(dayNumber: low).year
            var year = (startYear / step) * step
            while true {
                let day = CalendarDate.dayNumber(year: year, month: 1, day: 1)
                if day > high { break }
                if day >= low { ticks.append(TimeTicks(day: day, label: String(year), yearLabel: nil)) }
                year += step
            }
        }
        return ticks
    }
}
