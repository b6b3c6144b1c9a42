import Foundation

/// A small, fast, reproducible random generator (SplitMix64): the same seed gives the same calls
/// on every machine.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// One argument of a fuzz call: its Lua source, and what an exclusion may need to know of it.
struct FuzzValue: Sendable {
    enum Kind { case absent, `nil`, boolean, number, string, table, function, object }
    var kind: Kind
    /// Lua expression (empty for an omitted trailing argument).
    var lua: String
    /// The value of a number (nan, ±inf included).
    var number: Double?
    /// The fields of a table built from an annotated class (`{width = 2^40}`).
    var fields: [String: FuzzValue] = [:]

    static let absent = FuzzValue(kind: .absent, lua: "")

    /// True when the value (or its field `field`) is a number of huge magnitude, infinite or NaN
    /// (the kind of value issue 12 found trapping in size arithmetic).
    func isHugeNumber(_ field: String? = nil) -> Bool {
        let value = field.map { fields[$0] } ?? self
        guard let n = value?.number else { return false }
        return !(abs(n) <= 100_000)
    }
}

/// One generated call: which documented function, on what, with which arguments, as Lua.
struct FuzzCall: Sendable {
    /// `Corpus:search`, `report.bars`, `TokenList.__pairs`, `dossier.printer.width=`.
    var function: String
    var receiver: String?
    var arguments: [FuzzValue]
    /// The statements the driver runs (inside `load`, under `pcall`).
    var lua: String

    func argument(_ i: Int) -> FuzzValue { i < arguments.count ? arguments[i] : .absent }
}

/// Makes random calls of the documented API: arguments follow the annotated types most of the
/// time (so calls get past the first type check into the code behind it) and are anything at
/// all the rest: nil, booleans, huge, negative, NaN and infinite numbers, math.mininteger and
/// maxinteger, empty, huge and invalid UTF-8 strings, tables with odd metatables, functions that
/// error, yield or collect garbage, and the session's own objects.
struct APIFuzzCalls {
    let surface: APIFuzzSurface
    var rng: SplitMix64

    /// The objects the driver's prelude makes (`O.name`), by the class they are.
    static let objects: [String: [String]] = [
        "Corpus": ["O.corpus", "O.sub", "O.opened"],
        "Document": ["O.doc", "O.opened_doc"],
        "Sentence": ["O.sentence"],
        "TokenList": ["O.tokens", "O.sentence_tokens"],
        "Token": ["O.token"],
        "Entity": ["O.entity"],
        "Quote": ["O.quote"],
        "List": ["O.rows", "O.list", "O.docs", "O.tokens", "O.empty"],
        "Group": ["O.group"],
        "Table": ["O.table"],
        "Chart": ["O.chart"],
        "Hit": ["O.hit"],
        "DateMention": ["O.mention"],
    ]

    static let allObjects = Array(Set(objects.values.flatMap { $0 })).sorted()

    /// Lua that makes the objects above from the loaded corpus (the seeds), one line.
    static let prelude = """
        O = {corpus = corpus}; O.docs = corpus:docs(); O.doc = O.docs[1]; O.sentence = O.doc:sentences()[1]; \
        O.tokens = O.doc:tokens(); O.sentence_tokens = O.sentence:tokens(); O.token = O.tokens[1]; \
        O.sub = corpus:filter(function(d) return d.source ~= nil end); O.entity = corpus:entities()[1]; \
        O.quote = corpus:quotes()[1]; O.rows = corpus:frequencies(); O.list = dossier.List.new{3, 1, 2}; \
        O.empty = dossier.List.new{}; O.group = O.docs:group_by("source")[1]; O.table = report.table(O.rows); \
        O.chart = report.chart.bar(O.rows); O.hit = corpus:search("balloon")[1]; O.mention = corpus:timeline()[1]; \
        O.opened = dossier.open(corpus.location); O.opened_doc = O.opened:docs()[1]
        """

    /// The table each documented owner is reached through in a session.
    static func path(of owner: String) -> String {
        owner == "List" ? "dossier.List" : owner
    }

    // MARK: - Value pools

    static let numbers: [(String, Double)] = [
        ("0", 0), ("1", 1), ("-1", -1), ("2", 2), ("3", 3), ("10", 10), ("1000", 1000), ("-0.0", -0.0), ("0.5", 0.5),
        ("1e7", 1e7), ("2^31", 2147483648), ("2^40", 1099511627776), ("2^53", 9007199254740992), ("2^63", 9.223372036854775808e18),
        ("-2^63", -9.223372036854775808e18), ("math.maxinteger", 9.223372036854775807e18),
        ("math.mininteger", -9.223372036854775808e18), ("math.maxinteger - 1", 9.223372036854775806e18),
        ("1e308", 1e308), ("-1e308", -1e308), ("1e-300", 1e-300), ("0/0", .nan), ("1/0", .infinity), ("-1/0", -.infinity),
        ("-2147483649", -2147483649), ("4294967296", 4294967296),
    ]

    static let strings: [String] = [
        "\"\"", "\"Taiwan\"", "\"balloon\"", "\"Blinken\"", "\"Antony Blinken\"", "\"China's\"", "\"source\"", "\"term\"",
        "\"count\"", "\"-count\"", "\"title\"", "\"label\"", "\"value\"", "\"2023-06-18\"", "\"2023\"", "\"last Monday\"",
        "\"9223372036854775807\"", "\"-9223372036854775809\"", "\"1e999\"", "\"-1\"", "\"0x7fffffffffffffff\"", "\"nan\"",
        "\"\\xff\\xfe\"", "\"\\xc3\"", "\"a\\0b\"", "\"\\0\"", "\"%\"", "\"%d+%\"", "\"[\"", "\"((\"", "\"\\\"\"", "\"*\"",
        "\"a*\"", "\"title:\"", "\"NOT\"", "\"AND OR\"", "\"../x\"", "\"/etc/passwd\"", "\"out/fuzz.txt\"", "\"out\"",
        "\".\"", "\"data\"", "\"data/a.txt\"", "\"\\n\\n\\n\"", "\"\\u{202E}\\u{FEFF}\"", "\"👩‍👩‍👧‍👦\"",
        "(\"x\"):rep(100000)", "(\"a \"):rep(100000)", "(\"((\"):rep(3000)", "(\"\\xe2\\x80\\x9c\"):rep(2000)",
        "(\"\\xff\"):rep(10000)", "(\"Blinken said \\\"we agree\\\". \"):rep(300)", "(\"June 18, 2023 \"):rep(500)",
    ]

    static let functions: [String] = [
        "function(...) return ... end", "function() return nil end", "function() error(\"fuzz error\") end",
        "function() error({}) end", "function() error(setmetatable({}, {__tostring = function() error(\"again\") end})) end",
        "function() return true end", "function() return false end", "function(x) return x end",
        "function() collectgarbage() return 1 end", "function() return O.corpus end", "function() return 0/0 end",
        "function() return math.maxinteger end", "function(a, b) return true end", "function(a, b) return a == b end",
        "function() coroutine.yield(1) end", "function() return (\"x\"):rep(100000) end",
        "function() return setmetatable({}, {__index = function() error(\"index\") end}) end",
        "function() return {html = \"<b>\"} end", "function() return {heading = \"h\", \"p\"} end",
    ]

    static let tables: [String] = [
        "{}", "{1, 2, 3}", "{\"a\", \"b\"}", "{0/0, 1/0, -1/0}", "{math.maxinteger, math.mininteger}",
        "{{term = \"a\", count = 1}, {term = \"b\", count = math.maxinteger}}", "{{label = \"x\", value = 0/0}}",
        "{{label = \"x\", value = -1/0}, {label = \"y\", value = 2^63}}", "{[math.maxinteger] = 1}", "{[0] = 1, [-1] = 2}",
        "{1, nil, 3}", "{x = {y = {z = {}}}}", "{{}, {{}}, {{{}}}}", "{\"\\xff\", \"\"}",
        "(function() local t = {1} t[2] = t t.self = t return t end)()",
        "setmetatable({}, {__index = function() error(\"index\") end})",
        "setmetatable({}, {__len = function() return math.maxinteger end})",
        "setmetatable({}, {__len = function() return -1 end})",
        "setmetatable({1, 2}, {__pairs = function() error(\"pairs\") end})",
        "(function() local t = {} for i = 1, 50000 do t[i] = i end return t end)()",
        "(function() local t = {} for i = 1, 2000 do t[i] = {term = tostring(i), count = i} end return t end)()",
    ]

    /// The numbers most likely to break index and size arithmetic (every one of them is swept
    /// through every numeric parameter and option).
    static let extremeNumbers = numbers.filter { !["0", "1", "2", "3", "10", "1000", "-0.0"].contains($0.0) }

    /// Numbers written as strings, which Lua converts where a number is expected.
    static let numericStrings = ["\"9223372036854775807\"", "\"-9223372036854775809\"", "\"1e999\"", "\"-1\"", "\"nan\""]

    // MARK: - Calls

    /// A random call of `function`.
    mutating func call(_ function: APIFuzzSurface.Function) -> FuzzCall {
        var arguments = function.parameters.map { value(for: $0, depth: 0) }
        if rng.chance(0.05) { arguments.append(anything(depth: 0)) }
        return render(function, arguments)
    }

    /// Every extreme number in every numeric parameter of every function, and in every numeric
    /// field of every option table or spec a function takes (the other arguments well typed or
    /// left out), then as the key of every object's index, `pairs` and `ipairs` and as every
    /// numeric setting of the printer. Systematic where the random calls would need luck.
    mutating func numericSweep(_ functions: [APIFuzzSurface.Function], printerFields: [APIFuzzSurface.Parameter]) -> [FuzzCall] {
        var out: [FuzzCall] = []
        let extremes = Self.extremeNumbers.map { FuzzValue(kind: .number, lua: $0.0, number: $0.1) }
        for function in functions {
            for (i, parameter) in function.parameters.enumerated() {
                let type = expand(parameter.type)
                func others() -> [FuzzValue] {
                    function.parameters.map { $0.optional ? .absent : typed($0.type, depth: 0) }
                }
                if type.contains("integer") || type.contains("number") {
                    for n in extremes {
                        var arguments = others()
                        arguments[i] = n
                        out.append(render(function, arguments))
                    }
                }
                for owner in surface.fields.keys.sorted() where Self.objects[owner] == nil && Self.mentions(type, owner) {
                    for field in surface.fields[owner] ?? [] {
                        let fieldType = expand(field.type)
                        guard fieldType.contains("integer") || fieldType.contains("number") else { continue }
                        for n in extremes {
                            var arguments = others()
                            let table = expand(parameter.type).contains(owner + "[]") ? "{{[\"\(field.name)\"] = \(n.lua)}}" : "{[\"\(field.name)\"] = \(n.lua)}"
                            arguments[i] = FuzzValue(kind: .table, lua: table, fields: [field.name: n])
                            out.append(render(function, arguments))
                        }
                    }
                }
            }
        }
        let keys = extremes + Self.numericStrings.map { FuzzValue(kind: .string, lua: $0) }
        for owner in ["TokenList", "List", "Corpus", "Document", "Sentence", "Table"] {
            for object in Self.objects[owner] ?? [] {
                for key in keys {
                    out.append(FuzzCall(function: "\(owner).__index", receiver: object, arguments: [key], lua: "return \(object)[\(key.lua)]"))
                    out.append(FuzzCall(function: "\(owner).__pairs", receiver: object, arguments: [key],
                                        lua: "local f, s = pairs(\(object)); return f(s, \(key.lua))"))
                    out.append(FuzzCall(function: "\(owner).__ipairs", receiver: object, arguments: [key],
                                        lua: "local f, s = ipairs(\(object)); return f(s, \(key.lua))"))
                }
            }
        }
        for field in printerFields where expand(field.type).contains("integer") {
            for n in extremes { out.append(fieldCall(owner: "dossier.printer", field: field, value: n)) }
        }
        return out
    }

    /// The call of `function` with these arguments (absent ones at the end left out, inside as nil).
    private mutating func render(_ function: APIFuzzSurface.Function, _ given: [FuzzValue]) -> FuzzCall {
        var arguments = given
        while let last = arguments.last, last.kind == .absent { arguments.removeLast() }
        let list = arguments.map { $0.kind == .absent ? "nil" : $0.lua }.joined(separator: ", ")
        let path = Self.path(of: function.owner)
        if function.isMethod {
            let receiver = rng.pick(Self.objects[function.owner] ?? ["O.corpus"])
            if rng.chance(0.1) {
                // The method called on something else: another object, a table, a number…
                let other = anything(depth: 0).lua
                let args = [other] + (list.isEmpty ? [] : [list])
                return FuzzCall(function: function.qualifiedName, receiver: other, arguments: arguments,
                                lua: "return \(receiver).\(function.name)(\(args.joined(separator: ", ")))")
            }
            return FuzzCall(function: function.qualifiedName, receiver: receiver, arguments: arguments,
                            lua: "return \(receiver):\(function.name)(\(list))")
        }
        let target = function.owner == "_G" ? function.name : "\(path).\(function.name)"
        return FuzzCall(function: function.qualifiedName, receiver: nil, arguments: arguments, lua: "return \(target)(\(list))")
    }

    /// A random use of an object's Lua-side protocol: indexing, `#`, `pairs`/`ipairs` steps with
    /// any control value, `tostring`, `..` and `==`.
    mutating func protocolCall() -> FuzzCall {
        let owner = rng.pick(["TokenList", "List", "Corpus", "Document", "Sentence", "Entity", "Quote", "Table", "Chart", "Group"])
        let object = rng.pick(Self.objects[owner] ?? ["O.corpus"])
        // Keys and control values are mostly numbers and numeric strings: what index arithmetic sees.
        let key = rng.chance(0.5) ? number() : rng.chance(0.5) ? string() : anything(depth: 0)
        switch rng.below(7) {
        case 0: return FuzzCall(function: "\(owner).__index", receiver: object, arguments: [key], lua: "return \(object)[\(key.lua)]")
        case 1: return FuzzCall(function: "\(owner).__len", receiver: object, arguments: [], lua: "return #\(object)")
        case 2:
            return FuzzCall(function: "\(owner).__pairs", receiver: object, arguments: [key],
                            lua: "local f, s = pairs(\(object)); return f(s, \(key.lua))")
        case 3:
            return FuzzCall(function: "\(owner).__ipairs", receiver: object, arguments: [key],
                            lua: "local f, s = ipairs(\(object)); return f(s, \(key.lua))")
        case 4: return FuzzCall(function: "\(owner).__tostring", receiver: object, arguments: [], lua: "return tostring(\(object))")
        case 5: return FuzzCall(function: "\(owner).__concat", receiver: object, arguments: [key], lua: "return \(object) .. \(key.lua)")
        default: return FuzzCall(function: "\(owner).__eq", receiver: object, arguments: [key], lua: "return \(object) == \(key.lua)")
        }
    }

    /// Sets a documented field of a module table (`dossier.printer.width`), shows a List and a
    /// table with it, and puts the old value back.
    mutating func fieldCall(owner: String, field: APIFuzzSurface.Parameter, value given: FuzzValue? = nil) -> FuzzCall {
        let value = given ?? (rng.chance(0.7) ? typed(field.type, depth: 0) : anything(depth: 0))
        let show = rng.pick(["print(O.rows)", "print(O.docs)", "print({a = {b = 1}})", "return dossier.printer.list(O.rows)",
                             "return dossier.printer.repr(O.list)", "print(O.tokens)"])
        let target = "\(Self.path(of: owner)).\(field.name)"
        return FuzzCall(function: "\(owner).\(field.name)=", receiver: nil, arguments: [value],
                        lua: "local old = \(target); \(target) = \(value.lua); local ok, e = pcall(function() \(show) end); \(target) = old; if not ok then error(e, 0) end")
    }

    // MARK: - Values

    private mutating func value(for parameter: APIFuzzSurface.Parameter, depth: Int) -> FuzzValue {
        if parameter.optional && rng.chance(0.25) { return .absent }
        return rng.chance(0.7) ? typed(parameter.type, depth: depth) : anything(depth: depth)
    }

    /// A value of the annotated type (any of its alternatives), or of the values listed by its aliases.
    mutating func typed(_ type: String, depth: Int) -> FuzzValue {
        let expanded = expand(type)
        var makers: [(inout APIFuzzCalls) -> FuzzValue] = []
        if expanded.contains("fun(") { makers.append { $0.function() } }
        if expanded.contains("string") { makers.append { $0.string() } }
        if expanded.contains("integer") || expanded.contains("number") { makers.append { $0.number() } }
        if expanded.contains("boolean") || expanded.contains("false") || expanded.contains("true") {
            makers.append { $0.boolean() }
        }
        let literals = Self.literals(in: expanded)
        if !literals.isEmpty { makers.append { FuzzValue(kind: .string, lua: $0.rng.pick(literals)) } }
        // (Sorted: a dictionary's order changes from run to run, and the calls must not.)
        for owner in Self.objects.keys.sorted() where Self.mentions(expanded, owner) {
            let names = Self.objects[owner] ?? []
            makers.append { FuzzValue(kind: .object, lua: $0.rng.pick(names)) }
        }
        for owner in surface.fields.keys.sorted() where Self.objects[owner] == nil && Self.mentions(expanded, owner) {
            let fields = surface.fields[owner] ?? []
            let list = expanded.contains(owner + "[]")
            makers.append { $0.spec(owner, fields: fields, list: list, depth: depth) }
        }
        if expanded.contains("table") || expanded.contains("[]") || expanded.contains("List") { makers.append { $0.table() } }
        if makers.isEmpty { return anything(depth: depth) }
        return rng.pick(makers)(&self)
    }

    /// Any value at all.
    mutating func anything(depth: Int) -> FuzzValue {
        switch rng.below(10) {
        case 0: return FuzzValue(kind: .nil, lua: "nil")
        case 1: return boolean()
        case 2, 3: return number()
        case 4, 5: return string()
        case 6: return table()
        case 7: return function()
        default:
            return FuzzValue(kind: .object, lua: rng.pick(Self.allObjects))
        }
    }

    mutating func number() -> FuzzValue {
        let (lua, value) = rng.pick(Self.numbers)
        return FuzzValue(kind: .number, lua: lua, number: value)
    }

    mutating func string() -> FuzzValue { FuzzValue(kind: .string, lua: rng.pick(Self.strings)) }

    mutating func boolean() -> FuzzValue { FuzzValue(kind: .boolean, lua: rng.chance(0.5) ? "true" : "false") }

    mutating func function() -> FuzzValue { FuzzValue(kind: .function, lua: rng.pick(Self.functions)) }

    mutating func table() -> FuzzValue {
        if rng.chance(0.3) { return FuzzValue(kind: .object, lua: rng.pick(Self.objects["List"] ?? ["{}"])) }
        return FuzzValue(kind: .table, lua: rng.pick(Self.tables))
    }

    /// A table of some of the class's fields (an option table, a spec); a list of them for `Class[]`.
    private mutating func spec(_ owner: String, fields: [APIFuzzSurface.Parameter], list: Bool, depth: Int) -> FuzzValue {
        guard depth < 3 else { return table() }
        if list {
            let items = (0..<(1 + rng.below(3))).map { _ in spec(owner, fields: fields, list: false, depth: depth + 1) }
            return FuzzValue(kind: .table, lua: "{" + items.map(\.lua).joined(separator: ", ") + "}")
        }
        var chosen: [String: FuzzValue] = [:]
        var parts: [String] = []
        for field in fields where rng.chance(field.optional ? 0.5 : 0.9) {
            let value = rng.chance(0.8) ? typed(field.type, depth: depth + 1) : anything(depth: depth + 1)
            chosen[field.name] = value
            parts.append("[\"\(field.name)\"] = \(value.lua)")
        }
        if rng.chance(0.1) { parts.append("zz_unknown_option = 1") }
        return FuzzValue(kind: .table, lua: "{" + parts.joined(separator: ", ") + "}", fields: chosen)
    }

    // MARK: - Types

    /// The type with alias names replaced by their definitions (two levels).
    private func expand(_ type: String) -> String {
        var text = type
        for _ in 0..<2 {
            for name in surface.aliases.keys.sorted() where Self.mentions(text, name) {
                text += "|" + (surface.aliases[name] ?? "")
            }
        }
        return text
    }

    /// True when `type` names `name` as a whole word (`Corpus`, not `CorpusOptions`).
    static func mentions(_ type: String, _ name: String) -> Bool {
        var search = type.startIndex..<type.endIndex
        while let found = type.range(of: name, range: search) {
            let before = found.lowerBound == type.startIndex ? " " : type[type.index(before: found.lowerBound)]
            let after = found.upperBound == type.endIndex ? " " : type[found.upperBound]
            let isWordChar: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
            if !isWordChar(before) && !isWordChar(after) { return true }
            search = found.upperBound..<type.endIndex
        }
        return false
    }

    /// The string literals of a type: `"left"|"right"` → `"left"`, `"right"`.
    static func literals(in type: String) -> [String] {
        var out: [String] = []
        var rest = Substring(type)
        while let open = rest.firstIndex(of: "\"") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "\"") else { break }
            out.append("\"" + after[..<close] + "\"")
            rest = after[after.index(after: close)...]
        }
        return Array(Set(out)).sorted()
    }
}
