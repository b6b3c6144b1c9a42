/// The options table of a function (`corpus:kwic(q, {width = 20, limit = 5})`), declared once:
/// the names it accepts, their types, defaults and meaning. The declaration is what the
/// function's reader checks a script's table against (an unknown name is an error listing the
/// valid ones, with a did-you-mean), and what the API annotations (`---@class KwicOptions`) and
/// the options tables of docs/api.md are written from.
///
///     static let kwic = LuaOptionSet("KwicOptions", for: "kwic", summary: "Options of `corpus:kwic`.", [
///         .init("width", "integer", "characters of context on each side (0 to 1000)", default: "40"),
///         .init("limit", "integer|false", "most lines returned", default: "all", aliases: ["top"]),
///     ])
public struct LuaOptionSet: Sendable, Equatable {
    /// The annotation class of the table (`KwicOptions`).
    public let className: String
    /// The function as error messages name it (`kwic`).
    public let function: String
    /// What the table is for, for people.
    public let summary: String
    /// The class it extends in the annotations (`CompareOptions` for `ConflictOptions`), if any.
    public let extends: String?
    public let options: [LuaOptionInfo]

    public init(_ className: String, for function: String, summary: String, extends: String? = nil,
                _ options: [LuaOptionInfo]) {
        self.className = className
        self.function = function
        self.summary = summary
        self.extends = extends
        self.options = options
    }

    /// Every name a script may write, aliases after the option they stand for.
    public var acceptedNames: [String] {
        options.flatMap { [$0.name] + $0.aliases }
    }

    /// The option a name (or an alias) stands for.
    public func option(named name: String) -> LuaOptionInfo? {
        options.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// `unknown option 'widht' (did you mean 'width'? use width, limit or top)`; for a function
    /// that takes no options, `unknown option 'foo' (dates takes no options)`.
    public func unknownOptionMessage(_ name: String) -> String {
        guard !acceptedNames.isEmpty else { return "unknown option '\(name)' (\(function) takes no options)" }
        return Self.unknown("option", name, among: acceptedNames)
    }

    /// `unknown WHAT 'name' (use a, b or c)`, with the closest names first when some are
    /// close: `unknown within 'sentense' (did you mean 'sentence'? use sentence, paragraph or document)`.
    public static func unknown(_ what: String, _ name: String, among names: [String]) -> String {
        let hint = NameSuggestions.hint(NameSuggestions.closest(to: name, among: names))
        let list = "use " + readableList(names)
        if hint.isEmpty { return "unknown \(what) '\(name)' (\(list))" }
        // " (did you mean 'width'?)" → "(did you mean 'width'? use …)"
        return "unknown \(what) '\(name)' \(hint.dropFirst().dropLast()) \(list))"
    }

    /// "a, b or c".
    public static func readableList(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }

    /// The table as an annotation class: one field per accepted name (an alias says whose).
    public var typeInfo: LuaTypeInfo {
        var fields: [LuaMemberInfo] = []
        for option in options {
            var summary = option.summary
            if let value = option.defaultValue { summary += " (default \(value))" }
            fields.append(LuaMemberInfo(name: option.name, kind: .field, summary: summary, type: option.type + "?"))
            for alias in option.aliases {
                fields.append(LuaMemberInfo(name: alias, kind: .field, summary: "the same as `\(option.name)`",
                                            type: option.type + "?"))
            }
        }
        return LuaTypeInfo(name: className, kind: .record, summary: summary,
                           classSuffix: extends.map { ": " + $0 } ?? "", members: fields)
    }
}

/// One option of an options table.
public struct LuaOptionInfo: Sendable, Equatable {
    /// The name scripts write.
    public let name: String
    /// Its annotation type without the `?` (`"integer"`, `"boolean"`, `"string|string[]"`).
    public let type: String
    /// What it does, for people.
    public let summary: String
    /// The value used when the option is left out, as docs show it (`"40"`, `"all"`), or nil.
    public let defaultValue: String?
    /// Other names with the same meaning (`limit` for `top`): one guess works everywhere.
    public let aliases: [String]

    public init(_ name: String, _ type: String, _ summary: String, default defaultValue: String? = nil,
                aliases: [String] = []) {
        self.name = name
        self.type = type
        self.summary = summary
        self.defaultValue = defaultValue
        self.aliases = aliases
    }
}

/// A script's options table read against its declaration: the constructor rejects names the
/// declaration does not list (and a list where named fields belong); the accessors read one
/// option by its name or any alias, range-checked, with errors that name the option.
///
///     let options = try LuaOptionReader(args.optionalTable(2), .kwic, argument: 3)
///     let width = try options.integer("width", in: 0...1000) ?? 40
public struct LuaOptionReader {
    public let set: LuaOptionSet
    public let table: LuaTable
    /// The stack position reported in errors (a method's first argument after `self` is 2).
    public let argument: Int

    public init(_ table: LuaTable?, _ set: LuaOptionSet, argument: Int) throws {
        self.set = set
        self.table = table ?? LuaTable()
        self.argument = argument
        if !self.table.array.isEmpty {
            throw LuaArgumentError(argument, "options must be named fields ({\(set.acceptedNames.first ?? "name") = …}), not a list")
        }
        // Checked without building lists: a search reads its options on every call.
        for (key, _) in self.table.fields {
            guard case .string = key, let name = key.stringValue else {
                throw LuaArgumentError(argument, "option names must be strings")
            }
            if set.option(named: name) == nil { throw LuaArgumentError(argument, set.unknownOptionMessage(name)) }
        }
        guard self.table.fields.count > 1 else { return }
        for option in set.options where !option.aliases.isEmpty {
            // Counted first: the names are listed only for the error.
            var count = self.table[option.name] != nil ? 1 : 0
            for alias in option.aliases where self.table[alias] != nil { count += 1 }
            guard count > 1 else { continue }
            let given = ([option.name] + option.aliases).filter { self.table[$0] != nil }
            if given.count > 1 {
                throw LuaArgumentError(argument, "give one of \(given.map { "'\($0)'" }.joined(separator: " and ")): they mean the same")
            }
        }
    }

    /// A bad-argument error at the options' position.
    public func error(_ message: String) -> LuaArgumentError {
        LuaArgumentError(argument, message)
    }

    /// The value given for `name` or one of its aliases (nil when absent or nil), and the name
    /// the script wrote.
    public func value(_ name: String) -> (value: LuaValue, written: String)? {
        guard !table.fields.isEmpty else { return nil }
        if let value = table[name], !Self.isNil(value) { return (value, name) }
        for written in set.option(named: name)?.aliases ?? [] {
            if let value = table[written], !Self.isNil(value) { return (value, written) }
        }
        return nil
    }

    private static func isNil(_ value: LuaValue) -> Bool {
        if case .nil = value { return true }
        return false
    }

    /// True when the script gave `name` (or an alias).
    public func has(_ name: String) -> Bool { value(name) != nil }

    /// A whole number within `range`, or nil when absent.
    public func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let (value, written) = value(name) else { return nil }
        do {
            return try value.checkedInteger(written, in: range)
        } catch {
            throw error.argument(argument)
        }
    }

    /// A number within `range`, or nil when absent.
    public func number(_ name: String, in range: ClosedRange<Double>, lowerExclusive: Bool = false) throws -> Double? {
        guard let (value, written) = value(name) else { return nil }
        do {
            return try value.checkedNumber(written, in: range, lowerExclusive: lowerExclusive)
        } catch {
            throw error.argument(argument)
        }
    }

    /// A row count: a whole number (0 or more), or `false` / `math.huge` for every row
    /// (`.some(nil)`); nil when absent.
    public func count(_ name: String) throws -> Int?? {
        guard let (value, _) = value(name) else { return nil }
        switch value {
        case .boolean(false): return .some(nil)
        case .number(let d) where d == .infinity: return .some(nil)
        default: return .some(try integer(name, in: 0...Int.max))
        }
    }

    /// true or false, or nil when absent.
    public func flag(_ name: String) throws -> Bool? {
        guard let (value, written) = value(name) else { return nil }
        guard case .boolean(let flag) = value else {
            throw error("option '\(written)' must be true or false, not \(Self.describe(value))")
        }
        return flag
    }

    /// A string (numbers as their text), or nil when absent.
    public func string(_ name: String) throws -> String? {
        guard let (value, written) = value(name) else { return nil }
        switch value {
        case .string, .integer, .number: return value.stringValue
        default: throw error("option '\(written)' must be a string, not \(Self.describe(value))")
        }
    }

    /// One of `choices` (case-insensitive), or nil when absent.
    public func choice(_ name: String, _ choices: [String]) throws -> String? {
        guard let (value, written) = value(name) else { return nil }
        guard case .string = value, let text = value.stringValue else {
            throw error("option '\(written)' must be \(LuaOptionSet.readableList(choices.map { "\"\($0)\"" })), not \(Self.describe(value))")
        }
        guard let found = choices.first(where: { $0 == text.lowercased() }) else {
            throw error(LuaOptionSet.unknown(written, text, among: choices))
        }
        return found
    }

    /// `'text'`, a number's text, or `a <type>`.
    public static func describe(_ value: LuaValue) -> String {
        switch value {
        case .string(let s): return "'\(s.text ?? "?")'"
        case .integer, .number: return value.stringValue ?? "a number"
        default: return "a \(value.type)"
        }
    }
}

/// The options tables of docs/api.md, written from the declarations between the lines
/// `<!-- begin generated options -->` and `<!-- end generated options -->`: one table per
/// function, each option with its type, default and meaning.
public enum LuaOptionReference {
    static let begin = "<!-- begin generated options -->"
    static let end = "<!-- end generated options -->"

    /// The Markdown of `sets`.
    public static func markdown(_ sets: [LuaOptionSet]) -> String {
        var lines: [String] = []
        for set in sets {
            if !lines.isEmpty { lines.append("") }
            lines.append("**\(set.className)** — \(set.summary)")
            lines.append("")
            guard !set.options.isEmpty else {
                lines.append("No options.")
                continue
            }
            lines.append("| option | type | default | meaning |")
            lines.append("|---|---|---|---|")
            for option in set.options {
                let names = ([option.name] + option.aliases).map { "`\($0)`" }.joined(separator: " or ")
                let type = "`" + option.type.replacingOccurrences(of: "|", with: "\\|") + "`"
                let summary = option.summary.replacingOccurrences(of: "|", with: "\\|")
                lines.append("| \(names) | \(type) | \(option.defaultValue ?? "—") | \(summary) |")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `text` with its generated options region rewritten, and what is wrong (no region, or
    /// one left open).
    public static func update(_ text: String, with sets: [LuaOptionSet]) -> (text: String, problems: [String]) {
        guard let start = text.range(of: begin) else { return (text, ["no line '\(begin)' (and '\(end)') where the options tables belong"]) }
        guard let stop = text.range(of: end, range: start.upperBound..<text.endIndex) else {
            return (text, ["the options region is not closed by '\(end)'"])
        }
        let updated = String(text[..<start.upperBound]) + "\n" + markdown(sets) + "\n" + String(text[stop.lowerBound...])
        return (updated, [])
    }
}
