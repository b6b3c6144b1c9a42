import Testing
@testable import LuaBridge

struct Boom: Error, CustomStringConvertible {
    var description: String { "boom from Swift" }
}

@Suite struct ErrorTests {
    let lua: LuaState
    init() throws {
        lua = try LuaState()
        try lua.openLibraries()
    }

    @Test func swiftErrorSurfacesThroughPcall() throws {
        try lua.setGlobal("fail") { _ in throw Boom() }
        let r = try lua.run("local ok, msg = pcall(function() fail() end) return ok, msg", chunkName: "@test.lua")
        #expect(r[0].isTruthy == false)
        #expect(r[1].stringValue == "test.lua:1: boom from Swift")
    }

    @Test func runtimeErrorCarriesTraceback() throws {
        let source = "local function f()\n  error('deep')\nend\nf()\n"
        do {
            try lua.run(source, chunkName: "@script.lua")
            Issue.record("expected an error")
        } catch let e as LuaError {
            #expect(e.kind == .runtime)
            #expect(e.message == "script.lua:2: deep")
            #expect(e.traceback?.contains("script.lua:4") == true)
        }
    }

    @Test func badArgumentReadsLikeLua() throws {
        try lua.setGlobal("kwic") { args in [.text(try args.string(1))] }
        let r = try lua.run("return select(2, pcall(kwic, nil))")
        #expect(r.first?.stringValue == "bad argument #1 to 'kwic' (string expected, got nil)")
        let r2 = try lua.run("local ok, m = pcall(function() return kwic({}) end) return m", chunkName: "@s.lua")
        #expect(r2.first?.stringValue == "s.lua:1: bad argument #1 to 'kwic' (string expected, got table)")
    }

    @Test func syntaxErrorsAreSyntaxErrors() throws {
        do {
            _ = try lua.load("x = = 1", chunkName: "=stdin")
            Issue.record("expected an error")
        } catch let e as LuaError {
            #expect(e.kind == .syntax)
            #expect(!e.isIncompleteChunk)
        }
        do {
            _ = try lua.load("for i = 1, 2 do", chunkName: "=stdin")
        } catch let e as LuaError {
            #expect(e.isIncompleteChunk)
        }
    }

    @Test func stateIsUsableAfterErrors() throws {
        for _ in 0..<10 {
            #expect(throws: LuaError.self) { try lua.run("error('x')") }
        }
        #expect(try lua.run("return 1 + 1").first?.intValue == 2)
    }
}
