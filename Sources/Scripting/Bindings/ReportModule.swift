import Foundation
import LuaBridge
import Report

/// A report table held by Lua (`report.table(rows)`): prints aligned, converts to Markdown,
/// CSV and JSON.
final class TableObject {
    let table: ReportTable
    /// How an HTML report shows it (`top`, `noun`, `link` of report.table); nil: every row.
    let excerpt: TableExcerpt?
    init(_ table: ReportTable, excerpt: TableExcerpt? = nil) {
        self.table = table
        self.excerpt = excerpt
    }
}

/// A chart held by Lua (`report.chart.bar{…}`), drawn when it goes into `report.html`.
final class ChartObject {
    let chart: Chart
    init(_ chart: Chart) { self.chart = chart }
}

/// The Swift half of the `report` module; Lua/report.lua turns whatever rows and items a
/// script has (records, objects, Lists) into plain cells before calling these.
enum ReportModule {
    static func make(_ ctx: BindingContext) throws -> LuaValue {
        let lua = ctx.lua
        let tables = LuaClass<TableObject>("Table", summary: "A table made by `report.table`; `tostring(t)` gives the aligned text, `#t` the row count.", members: [
            .field("columns", "List<string>", "") { t in ctx.lists.strings(t.table.columns) },
            .method("text", "The table as aligned text, fitted to `width` characters (1 to 1000; default: the terminal's).",
                    parameters: ["width? integer"], returns: ["string"]) { t, args in
                let width = try args.optionalInteger(1, in: TerminalWidth.range, name: "width") ?? ctx.options.width
                return [.text(TableFormat.terminal(t.table, width: width))]
            },
            .method("markdown", "The table in Markdown.", returns: ["string"]) { t, _ in [.text(TableFormat.markdown(t.table))] },
            .method("csv", "The table as CSV (RFC 4180).", returns: ["string"]) { t, _ in [.text(TableFormat.csv(t.table))] },
            .method("json", "The table as a JSON array of objects.", returns: ["string"]) { t, _ in [.text(TableFormat.json(t.table))] },
            .method("excerpt", "Only the rows an HTML report shows of the table (its `top`), as a new Table whose note still counts and links the whole list: the same page from far less memory once the whole table is written (`report.write(path, t)`). A table that shows every row comes back as it is.",
                    returns: ["Table"]) { t, _ in
                guard let excerpt = t.excerpt else { return [.object(t)] }
                let cut = excerpt.cut(t.table)
                if cut.excerpt == excerpt { return [.object(t)] }
                return [.object(TableObject(cut.table, excerpt: cut.excerpt))]
            },
            .method("print", "Prints the table, aligned; returns it.", returns: ["Table"]) { t, _ in
                FileHandle.standardOutput.flushC()
                print(TableFormat.terminal(t.table, width: ctx.options.width))
                return [.object(t)]
            },
        ])
        tables.length = { $0.table.rows.count }
        tables.describe = { TableFormat.terminal($0.table, width: ctx.options.width) }
        try lua.register(tables)

        let charts = LuaClass<ChartObject>("Chart", summary: "A chart made by `report.chart.*`, drawn as SVG when it goes into `report.html`.", members: [
            .field("title", "string", "") { .text($0.chart.title) },
            .method("svg", "The chart as an SVG element.", returns: ["string"]) { c, _ in [.text(HTMLRenderer.svg(c.chart))] },
        ])
        charts.describe = { "<Chart \($0.chart.kindName) \"\($0.chart.title)\">" }
        try lua.register(charts)

        let makeTable = lua.function("table") { args in
            let columns = try args.table(1).array.map { $0.stringValue ?? "" }
            let rows = try args.table(2).array.map { row in
                (1...max(1, columns.count)).map { cell(row.tableValue?[index: $0] ?? .nil) }
            }
            // `top`, `noun` and `link` of report.table, already checked by `native.options`.
            var excerpt: TableExcerpt?
            if let opts = try args.optionalTable(3) {
                var top: Int?
                if let value = opts["top"], !Self.isFalse(value) {
                    do throws(LuaRangeError) {
                        top = try value.checkedInteger("top", in: 0...Int(Int32.max))
                    } catch {
                        throw error.argument(2)
                    }
                }
                let noun = opts["noun"]?.stringValue
                let link = opts["link"]?.stringValue
                if top != nil || noun != nil || link != nil {
                    excerpt = TableExcerpt(shown: top, noun: noun ?? "rows", link: link)
                }
            }
            return [.object(TableObject(ReportTable(columns: columns, rows: rows), excerpt: excerpt))]
        }
        let makeChart = lua.function("chart") { args in
            [.object(ChartObject(try chart(kind: try args.string(1), spec: try args.table(2))))]
        }
        let html = lua.function("html") { args in
            [.text(HTMLRenderer.render(try htmlReport(try args.table(1))))]
        }
        let write = lua.function("write") { args in
            let path = try args.string(1)
            // A Table is written as CSV a piece at a time, never as one string.
            let table = args.optionalObject(2, as: TableObject.self)
            let contents = table == nil ? try args.bytes(2) : nil
            let root = URL(fileURLWithPath: ctx.options.outputDirectory)
            do {
                let url: URL
                if let table {
                    url = try AtomicFile.write(to: path, under: root) { sink in try TableFormat.csv(table.table, write: sink) }
                } else {
                    url = try AtomicFile.write(Data(contents?.bytes ?? []), to: path, under: root)
                }
                return [.text(url.path)]
            } catch {
                throw LuaRuntimeError("report.write: \(error)")
            }
        }
        let bars = lua.function("bars") { args in
            let items = try args.table(1).array.compactMap { item -> (label: String, value: Double)? in
                guard let t = item.tableValue else { return nil }
                return (t["label"]?.stringValue ?? "", t["value"]?.doubleValue ?? 0)
            }
            // The `width` option of report.bars, which report.lua passes as argument 2.
            var width = ctx.options.width
            if !args.isNil(2) {
                do throws(LuaRangeError) {
                    width = try args.value(2).checkedInteger("width", in: TerminalWidth.range)
                } catch {
                    throw error.argument(2)
                }
            }
            return [.text(TerminalChart.bars(items, width: width))]
        }
        let sparkline = lua.function("sparkline") { args in
            [.text(TerminalChart.sparkline(try args.table(1).array.compactMap(\.doubleValue)))]
        }
        // `options(name, opts, position)`: checks a report function's options against its
        // declaration (`LuaOptionSet.report`), raising "bad argument #position to 'name' (…)".
        let options = lua.function("options") { args in
            let name = try args.string(1)
            let position = try args.integer(3)
            guard let set = LuaOptionSet.report[name] else { return [] }
            do {
                _ = try LuaOptionReader(try args.optionalTable(2), set, argument: position)
            } catch let error as LuaArgumentError {
                throw LuaRuntimeError("bad argument #\(position) to '\(name)' (\(error.message))")
            }
            return []
        }
        return .record([
            "options": .function(options),
            "table": .function(makeTable),
            "chart": .function(makeChart),
            "html": .function(html),
            "write": .function(write),
            "bars": .function(bars),
            "sparkline": .function(sparkline),
            "output_folder": .text(ctx.options.outputDirectory),
        ])
    }

    /// Whether `value` is `false` or nil (an option turned off).
    static func isFalse(_ value: LuaValue) -> Bool {
        switch value {
        case .nil, .boolean(false): return true
        default: return false
        }
    }

    static func cell(_ value: LuaValue) -> ReportCell {
        switch value {
        case .nil, .opaque: return .empty
        case .boolean(let b): return .boolean(b)
        case .integer(let i): return .integer(i)
        case .number(let d): return .number(d)
        default: return .text(value.stringValue ?? "")
        }
    }

    static func chart(kind: String, spec: LuaTable) throws -> Chart {
        let title = spec["title"]?.stringValue ?? ""
        let items = spec["items"]?.tableValue?.array ?? []
        switch kind {
        case "bar":
            return .bar(title: title, items: items.compactMap { item in
                guard let t = item.tableValue else { return nil }
                return (t["label"]?.stringValue ?? "", t["value"]?.doubleValue ?? 0)
            })
        case "timeline":
            return .timeline(title: title, events: items.compactMap { item in
                guard let t = item.tableValue, let start = t["start"]?.stringValue else { return nil }
                return TimelineEvent(label: t["label"]?.stringValue ?? start, start: start,
                                     end: t["end"]?.stringValue, detail: t["detail"]?.stringValue)
            })
        case "network":
            let nodes = (spec["nodes"]?.tableValue?.array ?? []).compactMap { item -> NetworkNode? in
                guard let t = item.tableValue, let id = t["id"]?.stringValue else { return nil }
                return NetworkNode(id: id, label: t["label"]?.stringValue ?? id, weight: t["weight"]?.doubleValue ?? 1,
                                   group: t["group"]?.stringValue)
            }
            let edges = (spec["edges"]?.tableValue?.array ?? []).compactMap { item -> NetworkEdge? in
                guard let t = item.tableValue, let a = t["source"]?.stringValue, let b = t["target"]?.stringValue else { return nil }
                return NetworkEdge(source: a, target: b, weight: t["weight"]?.doubleValue ?? 1)
            }
            return .network(title: title, nodes: nodes, edges: edges)
        case "matrix":
            let rows = (spec["rows"]?.tableValue?.array ?? []).map { $0.stringValue ?? "" }
            let columns = (spec["columns"]?.tableValue?.array ?? []).map { $0.stringValue ?? "" }
            let cells = (spec["cells"]?.tableValue?.array ?? []).map { row in
                (row.tableValue?.array ?? []).map { $0.doubleValue ?? 0 }
            }
            return .matrix(title: title, rows: rows, columns: columns, cells: cells)
        default:
            throw LuaArgumentError(1, "unknown chart kind '\(kind)' (use bar, timeline, network or matrix)")
        }
    }

    /// `{title=, subtitle=, sections = {{heading=, blocks = {...}}}}` with blocks already
    /// normalised by report.lua: strings, Table and Chart objects, or `{html = "..."}`.
    static func htmlReport(_ spec: LuaTable) throws -> HTMLReport {
        let sections = (spec["sections"]?.tableValue?.array ?? []).compactMap { value -> HTMLSection? in
            guard let s = value.tableValue else { return nil }
            let blocks = (s["blocks"]?.tableValue?.array ?? []).compactMap(block)
            return HTMLSection(heading: s["heading"]?.stringValue ?? "", blocks: blocks)
        }
        return HTMLReport(title: spec["title"]?.stringValue ?? "dossier report",
                          subtitle: spec["subtitle"]?.stringValue, sections: sections)
    }

    static func block(_ value: LuaValue) -> HTMLBlock? {
        switch value {
        case .object(let o):
            if let t = o as? TableObject { return t.excerpt.map { .excerpt(t.table, $0) } ?? .table(t.table) }
            if let c = o as? ChartObject { return .chart(c.chart) }
            return nil
        case .table(let t):
            if let html = t["html"]?.stringValue { return .html(html) }
            return nil
        default:
            return value.stringValue.map { .paragraph($0) }
        }
    }
}

extension Chart {
    /// "bar", "timeline", "network" or "matrix".
    var kindName: String {
        switch self {
        case .bar: return "bar"
        case .timeline: return "timeline"
        case .network: return "network"
        case .matrix: return "matrix"
        }
    }
}

extension FileHandle {
    /// Flushes C's stdout buffer (Lua's `print` writes there) before Swift prints.
    func flushC() { fflush(nil) }
}
