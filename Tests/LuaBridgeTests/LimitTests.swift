import Foundation
import Testing
@testable import LuaBridge

@Suite(.serialized) struct LimitTests {
    @Test func millionCallsLeaveMemoryFlat() throws {
        let lua = try LuaState()
        try lua.openLibraries()
        try lua.setGlobal("add") { args in [.integer(try args.integer(1) + args.integer(2))] }
        try lua.run("local s = 0 for i = 1, 1000 do s = add(s, i) end")
        lua.collectGarbage()
        let before = lua.memoryUsed
        let r = try lua.run("local s = 0 for i = 1, 1000000 do s = add(s, 1) end return s")
        #expect(r.first?.intValue == 1_000_000)
        lua.collectGarbage()
        #expect(lua.memoryUsed <= before + 4096)
    }

    @Test func memoryCapStopsAChunkAndStateStaysUsable() throws {
        let lua = try LuaState()
        try lua.openLibraries()
        lua.memoryCap = 20 * 1024 * 1024
        do {
            try lua.run("local t = {} for i = 1, 1e9 do t[i] = string.rep('x', 100) .. i end")
            Issue.record("expected a memory error")
        } catch let e as LuaError {
            #expect(e.kind == .memory)
            #expect(e.message.contains("memory limit of 20 MB exceeded"))
        }
        lua.collectGarbage()
        #expect(try lua.run("return 6 * 7").first?.intValue == 42)
    }

    @Test func timeoutStopsAnEndlessLoop() throws {
        let lua = try LuaState()
        try lua.openLibraries()
        lua.limits.timeout = 0.3
        let start = Date()
        do {
            try lua.run("while true do end", chunkName: "@loop.lua")
            Issue.record("expected a timeout")
        } catch let e as LuaError {
            #expect(e.kind == .time)
            #expect(e.message.contains("time limit of 0.3 s exceeded"))
        }
        #expect(Date().timeIntervalSince(start) < 3)
        #expect(try lua.run("return 'alive'").first?.stringValue == "alive")
    }

    @Test func pcallCannotSwallowALimit() throws {
        let lua = try LuaState()
        try lua.openLibraries()
        lua.limits.instructions = 1_000_000
        do {
            try lua.run("while true do pcall(function() while true do end end) end")
            Issue.record("expected the budget to stop the chunk")
        } catch let e as LuaError {
            #expect(e.kind == .instructions)
        }
        do {
            try lua.run("local co = coroutine.create(function() while true do end end) while true do coroutine.resume(co) end")
            Issue.record("expected the budget to stop the coroutine")
        } catch let e as LuaError {
            #expect(e.kind == .instructions)
        }
        #expect(try lua.run("return 1").first?.intValue == 1)
    }

    @Test func interruptFromAnotherThread() throws {
        let lua = try LuaState()
        try lua.openLibraries()
        let handle = lua.interruptHandle
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { handle.interrupt() }
        do {
            try lua.run("while true do end")
            Issue.record("expected an interrupt")
        } catch let e as LuaError {
            #expect(e.kind == .interrupted)
        }
        #expect(try lua.run("return 2").first?.intValue == 2)
    }

    @Test func parsesSizes() {
        #expect(LuaLimits.parseBytes("200M") == 200 * 1024 * 1024)
        #expect(LuaLimits.parseBytes("1g") == 1024 * 1024 * 1024)
        #expect(LuaLimits.parseBytes("512") == 512)
        #expect(LuaLimits.parseBytes("lots") == nil)
    }
}
