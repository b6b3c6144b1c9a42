import Foundation
import Testing
@testable import LuaBridge
import TestSupport

/// Lua's pattern matcher runs in C, where the count hook never fires: issue 12's
/// `("a"):rep(20000):find(("a*"):rep(6) .. "b")` ran for ever, deaf to --timeout and Ctrl-C.
/// The bounded matcher (CLuaShim/dlua_match.c) must stop it and must agree with Lua's own on
/// everything else.
@Suite(.serialized) struct PatternBudgetTests {
    static let catastrophic = "local s = ('a'):rep(...) return s:find(('a*'):rep(6) .. 'b')"

    private func state() throws -> LuaState {
        let lua = try LuaState()
        try lua.openLibraries()
        return lua
    }

    /// Runs `code` with `argument` on another thread; the error it raised, or nil. Records an
    /// issue when it does not finish within `seconds` (the thread is then interrupted).
    private func error(of code: String, _ argument: LuaValue, in lua: LuaState, within seconds: Double) -> LuaError? {
        var caught: LuaError?
        let handle = lua.interruptHandle
        let done = finishes(within: seconds, unstick: { handle.interrupt() }) {
            do {
                try lua.run(code, chunkName: "=test", arguments: [argument])
            } catch {
                caught = error as? LuaError
            }
        }
        #expect(done, "the match did not stop within \(seconds) s")
        return done ? caught : nil
    }

    @Test func aCatastrophicPatternEndsWithAClearError() throws {
        let lua = try state()
        let start = Date()
        let e = try #require(error(of: Self.catastrophic, .integer(20000), in: lua, within: 60))
        #expect(e.kind == .runtime)
        #expect(e.message.hasPrefix("test:1: pattern too complex for this text: matching gave up after"), "\(e.message)")
        #expect(Date().timeIntervalSince(start) < 30)
        // Caught by pcall like any error; the state stays usable.
        let r = try lua.run("local ok, m = pcall(string.match, ('a'):rep(3000), ('a-'):rep(5) .. 'b') return ok, m")
        #expect(r.first?.isTruthy == false)
        #expect(r.dropFirst().first?.stringValue?.contains("pattern too complex for this text") == true)
        #expect(try lua.run("return ('abc'):find('b')").first?.intValue == 2)
    }

    @Test func everyPatternFunctionAndTheMethodsAreBounded() throws {
        let lua = try state()
        #expect(try lua.run("return ('').find == string.find and getmetatable('').__index == string").first?.isTruthy == true)
        let calls: [(String, Int)] = [
            ("local s = ('a'):rep(...) return string.match(s, ('a*'):rep(5) .. 'b')", 3000),
            ("local s = ('a'):rep(...) for x in s:gmatch(('a-'):rep(5) .. 'b') do end", 3000),
            ("local s = ('a'):rep(...) return (s:gsub(('a*'):rep(5) .. 'b', 'x'))", 3000),
            ("local s = ('a'):rep(...) return s:find(('(a*)'):rep(5) .. '%1b')", 3000),
            // No recursion at all: %b scans to the end from every start (quadratic).
            ("local s = ('('):rep(...) return s:find('%b()x')", 40000),
        ]
        for (code, length) in calls {
            let e = error(of: code, .integer(length), in: lua, within: 60)
            #expect(e?.message.contains("pattern too complex for this text") == true, "\(code): \(e?.message ?? "no error")")
        }
    }

    @Test func theTimeoutStopsTheMatcher() throws {
        let lua = try state()
        lua.limits.timeout = 0.3
        let start = Date()
        // A subject long enough that the per-call step limit is far away.
        let e = try #require(error(of: Self.catastrophic, .integer(1_000_000), in: lua, within: 30))
        #expect(e.kind == .time)
        #expect(e.message == "test:1: time limit of 0.3 s exceeded")
        #expect(Date().timeIntervalSince(start) < 5)
        // pcall cannot swallow it.
        let wrapped = try #require(error(of: "local s = ('a'):rep(...) while true do pcall(string.find, s, ('a*'):rep(6) .. 'b') end",
                                         .integer(1_000_000), in: lua, within: 30))
        #expect(wrapped.kind == .time)
    }

    @Test func theInstructionBudgetCountsMatchingSteps() throws {
        let lua = try state()
        lua.limits.instructions = 200_000
        let e = try #require(error(of: Self.catastrophic, .integer(20000), in: lua, within: 30))
        #expect(e.kind == .instructions)
        #expect(e.message == "test:1: instruction limit of 200000 exceeded")
    }

    @Test func anInterruptStopsTheMatcher() throws {
        let lua = try state()
        let handle = lua.interruptHandle
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { handle.interrupt() }
        let start = Date()
        let e = try #require(error(of: Self.catastrophic, .integer(1_000_000), in: lua, within: 30))
        #expect(e.kind == .interrupted)
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(try lua.run("return 1").first?.intValue == 1)
    }

    @Test func theStepLimitGrowsWithTheSubject() {
        #expect(PatternBudget.stepLimit(forSubjectOf: 0) == 100_000_000)
        #expect(PatternBudget.stepLimit(forSubjectOf: 1_000_000) == 1_100_000_000)
        #expect(PatternBudget.stepLimit(forSubjectOf: Int.max) > 0)
    }

    /// The bounded functions against Lua's own, on patterns and subjects made at random from
    /// every construct of the pattern language (valid and malformed): same results, same
    /// errors.
    @Test func boundedFunctionsAgreeWithLuasOwn() throws {
        let lua = try state()
        try lua.exposeLuaPatternFunctions(as: "lua_patterns")
        let r = try lua.run(Self.differential, chunkName: "=differential")
        #expect(r.first?.intValue ?? 0 > 20_000, "cases compared")
        let mismatches = r.dropFirst().first?.stringValue ?? ""
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    static let differential = #"""
    local O, B = lua_patterns, string
    local pieces = { "a", "b", "c", ".", "%a", "%d", "%s", "%w", "%p", "%u", "%l", "%x", "%c", "%g", "%z", "%A", "%S",
      "[ab]", "[^a]", "[a-c]", "[%d%s]", "[]", "[^]", "[a-]", "[%]]", "%f[%a]", "%f[%A]", "%f[", "%bab", "%b()", "%b",
      "(", ")", "()", "%1", "%2", "%0", "%", "$", "^", "-", "*", "+", "?", "\0", "%.", "%%", "[", "]" }
    local quantifiers = { "", "", "", "*", "+", "-", "?" }
    local letters = { "a", "b", "c", "(", ")", " ", "1", "\n", "A", ".", "%", "\0", "-" }
    math.randomseed(20240612)
    local function pattern()
      local out = {}
      if math.random() < 0.2 then out[#out + 1] = "^" end
      for _ = 1, math.random(0, 5) do
        out[#out + 1] = pieces[math.random(#pieces)] .. quantifiers[math.random(#quantifiers)]
      end
      if math.random() < 0.15 then out[#out + 1] = "$" end
      return table.concat(out)
    end
    local function subject()
      local out = {}
      for _ = 1, math.random(0, 12) do out[#out + 1] = letters[math.random(#letters)] end
      return table.concat(out)
    end
    -- An argument error names the function as Lua finds it: '?' for Lua's own (no longer in
    -- the string table), 'string.find' for the bounded one. The rest must agree.
    local function pack(ok, ...)
      local r = { ok = ok, n = select("#", ...), ... }
      if not ok and type(r[1]) == "string" then r[1] = O.gsub(r[1], "to '[^']*'", "to 'F'") end
      return r
    end
    local function same(a, b)
      if a.ok ~= b.ok or a.n ~= b.n then return false end
      for i = 1, a.n do if a[i] ~= b[i] then return false end end
      return true
    end
    local function show(r)
      local parts = { tostring(r.ok) }
      for i = 1, r.n do parts[#parts + 1] = string.format("%q", tostring(r[i])) end
      return table.concat(parts, ",")
    end
    local function gather(gmatch, s, p, init)
      local all = {}
      local iterator = gmatch(s, p, init)
      for _ = 1, 50 do
        local r = table.pack(iterator())
        if r[1] == nil then break end
        for i = 1, r.n do all[#all + 1] = r[i] end
        all[#all + 1] = "|"
      end
      return table.concat(all, ",")
    end
    local replacements = { "x", "%0", "<%1>", "%%", "%2", "%", "%a", 7,
      function(...) return select("#", ...) .. (...) end, function() return nil end, function() return {} end,
      { a = "A", [""] = "E" }, {} }
    local count, bad = 0, {}
    local function compare(name, a, b, s, p)
      count = count + 1
      if not same(a, b) and #bad < 10 then
        bad[#bad + 1] = name .. "(" .. string.format("%q", s) .. ", " .. string.format("%q", p) .. "): lua "
          .. show(a) .. " / bounded " .. show(b)
      end
    end
    for _ = 1, 4000 do
      local s, p = subject(), pattern()
      local init = math.random(-3, #s + 2)
      compare("find", pack(pcall(O.find, s, p, init)), pack(pcall(B.find, s, p, init)), s, p)
      compare("find plain", pack(pcall(O.find, s, p, 1, true)), pack(pcall(B.find, s, p, 1, true)), s, p)
      compare("match", pack(pcall(O.match, s, p, init)), pack(pcall(B.match, s, p, init)), s, p)
      compare("gmatch", pack(pcall(gather, O.gmatch, s, p, init)), pack(pcall(gather, B.gmatch, s, p, init)), s, p)
      local repl = replacements[math.random(#replacements)]
      local most = math.random() < 0.3 and math.random(0, 3) or nil
      compare("gsub", pack(pcall(O.gsub, s, p, repl, most)), pack(pcall(B.gsub, s, p, repl, most)), s, p)
    end
    -- Argument errors and odd arguments.
    for _, args in ipairs({ { nil, "a" }, { "a", nil }, { "a", "a", "x" }, { "a", "a", 1.5 }, { 12, 1 }, { "a", {} } }) do
      compare("find args", pack(pcall(O.find, table.unpack(args, 1, 3))), pack(pcall(B.find, table.unpack(args, 1, 3))), "", "")
      compare("gsub args", pack(pcall(O.gsub, args[1], args[2], args[3])), pack(pcall(B.gsub, args[1], args[2], args[3])), "", "")
      local function made(gmatch, ...) return type(gmatch(...)) end
      compare("gmatch args", pack(pcall(made, O.gmatch, args[1], args[2])), pack(pcall(made, B.gmatch, args[1], args[2])), "", "")
    end
    -- Real text.
    local text = ("The minister said: \"We will meet (again) on 12 March.\" Officials, however, disagreed.\n"):rep(20)
    for _, p in ipairs({ "%a+", "(%w+)%s+said", "\"(.-)\"", "%b()", "%f[%w]%w+", "^(%u%l+)", "(%d+)%s+(%u%l+)", "[%.,;:]%s*", ".-%.", "(h)(o)(w)" }) do
      compare("text find", pack(pcall(O.find, text, p)), pack(pcall(B.find, text, p)), "text", p)
      compare("text gsub", pack(pcall(O.gsub, text, p, "<%0>")), pack(pcall(B.gsub, text, p, "<%0>")), "text", p)
      compare("text gmatch", pack(pcall(gather, O.gmatch, text, p)), pack(pcall(gather, B.gmatch, text, p)), "text", p)
    end
    return count, table.concat(bad, "\n")
    """#
}
