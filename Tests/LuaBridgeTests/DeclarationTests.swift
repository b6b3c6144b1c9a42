import Testing
@testable import LuaBridge

/// A class to declare members on.
final class Gadget {
    let label: String
    init(_ label: String) { self.label = label }
}

/// Declarations: one member per name, Lua members exactly as declared, errors that name the
/// closest members, the annotations written from them.
@Suite struct DeclarationTests {
    func makeState() throws -> LuaState {
        let lua = try LuaState()
        try lua.openLibraries()
        return lua
    }

    func gadgets(_ extra: [LuaMember<Gadget>] = []) -> LuaClass<Gadget> {
        LuaClass<Gadget>("Gadget", summary: "A thing with a label.", members: [
            .field("label", "string", "what it is called") { .text($0.label) },
            .field("note", "string?", "nothing, usually") { _ in .nil },
            .method("describe", "The label in a sentence.", parameters: ["prefix? string"], returns: ["string"]) { g, args in
                [.text((try args.optionalString(1) ?? "This is") + " " + g.label)]
            },
            .method("collocations", "A method with a long name.") { _, _ in [] },
        ] + extra)
    }

    /// Runs `code` with a Gadget in `g` and returns the message of the error it raises.
    func error(_ lua: LuaState, _ code: String) throws -> String {
        try lua.setGlobal("g", .object(Gadget("widget")))
        let r = try lua.run("local ok, e = pcall(function() \(code) end) return ok, tostring(e)", chunkName: "=t")
        #expect(r.first?.isTruthy == false, "\(code) should fail")
        return r.count > 1 ? r[1].stringValue ?? "" : ""
    }

    @Test func unknownMembersAreErrorsThatNameTheClosestOnes() throws {
        let lua = try makeState()
        try lua.register(gadgets())
        #expect(try error(lua, "return g:collocates()") == "t:1: Gadget has no method 'collocates' (did you mean 'collocations'?)")
        #expect(try error(lua, "return g.lable") == "t:1: Gadget has no field 'lable' (did you mean 'label'?)")
        #expect(try error(lua, "return g.Label") == "t:1: Gadget has no field 'Label' (did you mean 'label'?)")
        #expect(try error(lua, "return g:desc()") == "t:1: Gadget has no method 'desc' (did you mean 'describe'?)")
        #expect(try error(lua, "return g.zzz") == "t:1: Gadget has no field or method 'zzz'")
        // A known field that holds nothing is nil, and integer keys of a non-list are nil.
        let r = try lua.run("return g.note == nil, g[1] == nil, g:describe('Here is')")
        #expect(r[0].isTruthy && r[1].isTruthy)
        #expect(r[2].stringValue == "Here is widget")
    }

    @Test func aNameDeclaredTwiceStopsTheRegistration() throws {
        let lua = try makeState()
        let cls = gadgets([.method("describe", "again") { _, _ in [] }])
        #expect(throws: LuaDeclarationError.self) { try lua.register(cls) }
        do {
            try lua.register(cls)
        } catch let error as LuaDeclarationError {
            #expect(error.message == "Gadget declares 'describe' twice: each member has one declaration")
        }
        // The undocumented helpers obey the same rule.
        let plain = LuaClass<Gadget>("Plain")
        plain.method("go") { _, _ in [] }
        plain.method("go") { _, _ in [] }
        #expect(throws: LuaDeclarationError.self) { try lua.register(plain) }
    }

    @Test func luaMembersMustBeExactlyTheDeclaredOnes() throws {
        let lua = try makeState()
        func register(_ luaSource: String, _ extra: [LuaMember<Gadget>]) throws -> String? {
            let cls = gadgets(extra)
            cls.luaMembers = try lua.makeReferenceFromLua(luaSource)
            do {
                try lua.register(cls)
                return nil
            } catch let error as LuaDeclarationError {
                return error.message
            }
        }
        let shout = LuaMember<Gadget>.lua("shout", in: "gadget.lua", "The label, loudly.", returns: ["string"])
        #expect(try register("return {}", [shout]) == "Gadget.shout is declared as written in gadget.lua, which does not define it")
        #expect(try register("return { shout = function() end, whisper = function() end }", [shout])
            == "Gadget's Lua members define 'whisper', which its declaration does not list: declare it with .lua(\"whisper\", in: …)")
        #expect(try register("return { shout = function() end, label = function() end }", [shout])
            == "Gadget declares 'label' in Swift, and its Lua members define it too: each member has one implementation")
        #expect(try register("return { shout = function(self) return self.label:upper() end }", [shout]) == nil)
        try lua.setGlobal("g", .object(Gadget("widget")))
        #expect(try lua.run("return g:shout()").first?.stringValue == "WIDGET")
        let methods = try lua.run("return table.concat(getmetatable(g).__methods, ' ')").first?.stringValue
        #expect(methods == "describe collocations shout")
    }

    @Test func inheritedMethodsAreFoundAndSuggested() throws {
        let lua = try makeState()
        let cls = gadgets()
        cls.inherited = try lua.makeReferenceFromLua("return { twice = function(self) return self.label .. self.label end, _hidden = 1 }")
        try lua.register(cls)
        try lua.setGlobal("g", .object(Gadget("ab")))
        #expect(try lua.run("return g:twice()").first?.stringValue == "abab")
        #expect(try error(lua, "return g:twise()") == "t:1: Gadget has no method 'twise' (did you mean 'twice'?)")
        #expect(lua.declaredTypes.last?.inherited == ["twice"])
    }

    @Test func modulesAreBuiltFromTheirDeclarations() throws {
        let lua = try makeState()
        let helpers = try lua.makeReferenceFromLua("return { shout = function(s) return s:upper() end }")
        let module = LuaModule("kit", summary: "A kit.", members: [
            .value("version", "string", "the kit's version", .text("1.0")),
            .function("add", "The sum of two numbers.", parameters: ["a integer", "b integer"], returns: ["integer"]) { args in
                [.integer(try args.integer(1) + args.integer(2))]
            },
            .lua("shout", in: "kit.lua", "A string in capitals.", parameters: ["s string"], returns: ["string"]),
        ])
        try lua.setGlobal("kit", try module.build(in: lua, luaMembers: ["kit.lua": helpers]))
        let r = try lua.run("return kit.version, kit.add(2, 3), kit.shout('hi'), select(2, pcall(function() return kit.add('x') end))", chunkName: "=t")
        #expect(r[0].stringValue == "1.0")
        #expect(r[1].intValue == 5)
        #expect(r[2].stringValue == "HI")
        #expect(r[3].stringValue == "t:1: bad argument #1 to 'add' (number expected, got string)")
        #expect(lua.declaredTypes.last == module.info)

        let missing = LuaModule("kit", summary: "", members: [.lua("shout", in: "kit.lua", "")])
        #expect(throws: LuaDeclarationError.self) { try missing.build(in: lua) }
        let twice = LuaModule("kit", summary: "", members: [.value("a", "integer", "", 1), .value("a", "integer", "", 2)])
        do {
            _ = try twice.build(in: lua)
            Issue.record("a name declared twice should fail")
        } catch let error as LuaDeclarationError {
            #expect(error.message == "kit declares 'a' twice: each member has one declaration")
        }
    }

    @Test func annotationsAreWrittenFromTheDeclarations() throws {
        let lua = try makeState()
        try lua.register(gadgets())
        let type = try #require(lua.declaredTypes.last)
        #expect(LuaAnnotations.render(type) == """
            --- A thing with a label.
            ---@class Gadget
            ---@field label string what it is called
            ---@field note? string nothing, usually
            local Gadget = {}

            --- The label in a sentence.
            ---@param prefix? string
            ---@return string
            function Gadget:describe(prefix) end

            --- A method with a long name.
            function Gadget:collocations() end
            """)
        let file = """
            ---@meta
            -- begin generated Gadget
            stale
            -- end generated Gadget
            ---@class Other
            """
        let updated = LuaAnnotations.update(file, with: [type])
        #expect(updated.problems.isEmpty)
        #expect(updated.text == "---@meta\n-- begin generated Gadget\n" + LuaAnnotations.render(type) + "\n-- end generated Gadget\n---@class Other")
        #expect(LuaAnnotations.update(updated.text, with: [type]).text == updated.text)
        let broken = LuaAnnotations.update("-- begin generated Nobody\n-- end generated Nobody\n-- begin generated Gadget\n", with: [type])
        #expect(broken.problems == [
            "line 1: a generated region for Nobody, which no binding declares: remove it",
            "line 2: '-- end generated Nobody' closes no region",
            "line 3: the region of Gadget is not closed by '-- end generated Gadget'",
        ])
        #expect(LuaAnnotations.update("---@meta", with: [type]).problems
            == ["no generated region for Gadget: add the lines '-- begin generated Gadget' and '-- end generated Gadget' where its annotations belong"])
    }
}

@Suite struct NameSuggestionTests {
    @Test func closeNamesAreSuggested() {
        let names = ["collocations", "kwic", "keyness", "keywords", "entities", "entity", "speaker", "speaker_name"]
        #expect(NameSuggestions.closest(to: "collocates", among: names) == ["collocations"])
        #expect(NameSuggestions.closest(to: "speker", among: names) == ["speaker"])
        #expect(NameSuggestions.closest(to: "Kwic", among: names) == ["kwic"])
        #expect(NameSuggestions.closest(to: "KWIC", among: names).isEmpty)  // four changes of case in four letters: too far
        #expect(NameSuggestions.closest(to: "keywrds", among: names) == ["keywords"])
        // Ties are all kept, in the order given.
        #expect(NameSuggestions.closest(to: "keyxxxx", among: ["keyness", "keywords"]).isEmpty)
        #expect(NameSuggestions.closest(to: "entitys", among: names) == ["entity"])  // the closest only
        #expect(NameSuggestions.closest(to: "cax", among: ["cat", "dog", "car"]) == ["cat", "car"])
        // Nothing close: names that start with what was written (three characters or more).
        #expect(NameSuggestions.closest(to: "ent", among: names) == ["entities", "entity"])
        #expect(NameSuggestions.closest(to: "en", among: names).isEmpty)
        #expect(NameSuggestions.closest(to: "frobnicate", among: names).isEmpty)
        #expect(NameSuggestions.closest(to: "kwic", among: names).isEmpty)  // the name itself is no suggestion
        #expect(NameSuggestions.closest(to: "", among: names).isEmpty)
        #expect(NameSuggestions.closest(to: String(repeating: "k", count: 41), among: names).isEmpty)
    }

    @Test func hintsReadAsEnglish() {
        #expect(NameSuggestions.hint([]) == "")
        #expect(NameSuggestions.hint(["a"]) == " (did you mean 'a'?)")
        #expect(NameSuggestions.hint(["a", "b"]) == " (did you mean 'a' or 'b'?)")
        #expect(NameSuggestions.hint(["a", "b", "c"]) == " (did you mean 'a', 'b' or 'c'?)")
    }

    @Test func distanceWeighsCaseLessThanOtherEdits() {
        func d(_ a: String, _ b: String) -> Int { NameSuggestions.distance(Array(a.utf8), Array(b.utf8), limit: 100) }
        #expect(d("kwic", "kwic") == 0)
        #expect(d("kwic", "KWIC") == 4)
        #expect(d("kwic", "kwik") == 2)
        #expect(d("speker", "speaker") == 2)
        #expect(d("collocates", "collocations") == 6)  // "e" → "ion" once the common ends are set aside
        #expect(NameSuggestions.distance(Array("abc".utf8), Array("xyzxyz".utf8), limit: 3) == 4)
    }
}
