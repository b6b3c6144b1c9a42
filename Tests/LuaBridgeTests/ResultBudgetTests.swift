import Testing
@testable import LuaBridge

/// Results Swift hands to Lua are measured against what Lua may still allocate: a result that
/// would not fit under the memory cap is refused with a clear error before Lua builds it, and
/// bindings can refuse even earlier, before building the Swift side (`reserveMemory`).
@Suite(.serialized) struct ResultBudgetTests {
    @Test func aResultTooLargeForTheCapIsRefusedBeforeLuaBuildsIt() throws {
        let lua = try LuaState()
        try lua.openLibraries()
        try lua.setGlobal("big") { args in
            let n = try args.integer(1, in: 0...10_000_000, name: "n")
            return [.array((0..<n).map { .text("item number \($0) with some text") })]
        }
        lua.memoryCap = 8 * 1024 * 1024
        #expect(try lua.run("return #big(1000)").first?.intValue == 1000)
        do {
            try lua.run("local t = big(1000000)", chunkName: "=test")
            Issue.record("expected the result to be refused")
        } catch let e as LuaError {
            #expect(e.kind == .runtime)
            #expect(e.message.hasPrefix("test:1: big: the result would take about "), "\(e.message)")
            #expect(e.message.contains("memory limit of 8 MB"), "\(e.message)")
        }
        // A script can catch it and go on: nothing was allocated for it.
        let r = try lua.run("local ok, err = pcall(big, 1000000) return ok, collectgarbage('count') < 8192")
        #expect(r[0].isTruthy == false)
        #expect(r[1].isTruthy)
        #expect(try lua.run("return 6 * 7").first?.intValue == 42)
    }

    @Test func bindingsCanReserveBeforeTheyBuildAnything() throws {
        let lua = try LuaState()
        try lua.openLibraries()
        var built = false
        try lua.setGlobal("expensive") { _ in
            try lua.reserveMemory(count: 50_000_000, bytesEach: 200, for: "expensive", items: "rows")
            built = true
            return []
        }
        lua.memoryCap = 64 * 1024 * 1024
        do {
            try lua.run("expensive()", chunkName: "=test")
            Issue.record("expected a refusal")
        } catch let e as LuaError {
            #expect(e.message.contains("expensive: the result would take about 9.3 GB (50,000,000 rows)"), "\(e.message)")
            #expect(e.message.contains("memory limit of 64 MB"), "\(e.message)")
        }
        #expect(!built)
        // Sizes that overflow are refused too, never trapped on.
        #expect(throws: LuaRuntimeError.self) { try lua.reserveMemory(count: Int.max, bytesEach: Int.max, for: "x", items: "rows") }
        #expect(throws: Never.self) { try lua.reserveMemory(count: 10, bytesEach: 100, for: "x", items: "rows") }
    }

    @Test func withoutACapNothingIsRefused() throws {
        let lua = try LuaState()
        try lua.openLibraries()
        #expect(lua.memoryAvailable == nil)
        #expect(throws: Never.self) { try lua.reserveMemory(count: 1 << 40, bytesEach: 1 << 10, for: "x", items: "rows") }
    }
}
