import Foundation
import LuaBridge
import Testing
@testable import Scripting
import TestSupport

/// Keeps docs/api/dossier.lua (the lua-language-server annotations) and the live Lua API from
/// drifting apart: every class, field, method and module key the session registers must be
/// annotated, and everything annotated must exist. A failure names the member and says what
/// to add (or remove) where.
@Suite struct APIAnnotationTests {
    // MARK: - The whole API, both ways

    @Test func annotationsCoverTheLiveAPIAndNothingMore() throws {
        let annotations = try APIAnnotations.load()
        #expect(annotations.problems.isEmpty, "\(annotations.problems.joined(separator: "\n"))")
        let session = try makeSession()
        let surfaces = try LiveAPI.surfaces(of: session)
        // The surfaces really hold the API (a broken gatherer would make the check vacuous).
        let byOwner = Dictionary(surfaces.map { ($0.owner, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byOwner["Corpus"]?.names.isSuperset(of: ["docs", "search", "location", "filter", "compare"]) == true)
        #expect(byOwner["List"]?.names.isSuperset(of: ["map", "group_by", "new"]) == true)
        #expect(byOwner["dossier"]?.names.isSuperset(of: ["open", "version", "plugins", "stopwords"]) == true)
        #expect(byOwner["report.chart"]?.names == ["bar", "timeline", "network", "matrix"])
        #expect(byOwner["_G"]?.names.isSuperset(of: ["corpus", "report", "dossier", "arg", "describe", "assert"]) == true)
        #expect(byOwner["assert"]?.names.isSuperset(of: ["equal", "same", "error", "nil", "are_not"]) == true)
        for problem in APIDrift.problems(live: surfaces, annotations: annotations) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    /// The regions of docs/api/dossier.lua between `-- begin generated NAME` and `-- end generated
    /// NAME` are what the declarations give (`dossier api --annotations … --write` rewrites them).
    @Test func generatedRegionsAreUpToDate() throws {
        let text = try String(contentsOf: APIAnnotations.fileURL, encoding: .utf8)
        let session = try makeSession()
        #expect(session.declaredAPI.map(\.name).sorted() == ["Chart", "Corpus", "Document", "Entity", "Quote", "Sentence", "Table", "TokenList", "dossier"])
        let updated = LuaAnnotations.update(text, with: session.declaredAPI + session.declaredOptions.map(\.typeInfo))
        for problem in updated.problems { Issue.record("docs/api/dossier.lua: \(problem)") }
        guard updated.text != text else { return }
        let old = text.split(separator: "\n", omittingEmptySubsequences: false)
        let new = updated.text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        let now = first < old.count ? String(old[first]) : "(end of file)"
        let wanted = first < new.count ? String(new[first]) : "(end of file)"
        Issue.record("""
            docs/api/dossier.lua is out of date with the declarations from line \(first + 1): it has
              \(now)
            where the declarations give
              \(wanted)
            run `swift run dossier api --annotations docs/api/dossier.lua --write` (edit the declaration in Sources/Scripting/Bindings, not the region)
            """)
    }

    /// What the session installs is what its declarations list: each class's metatable lists the
    /// declared fields and methods (and nothing else), and the `dossier` table holds exactly the
    /// declared members, functions where a function is declared.
    @Test func theLiveSessionHoldsWhatIsDeclared() throws {
        let session = try makeSession()
        let samples = [
            "Corpus": "corpus", "Document": "corpus:docs()[1]", "Sentence": "corpus:docs()[1]:sentences()[1]",
            "TokenList": "corpus:docs()[1]:tokens()", "Entity": "corpus:entities()[1]", "Quote": "corpus:quotes()[1]",
            "Table": "report.table({{a = 1}})", "Chart": "report.chart.bar({})",
        ]
        for type in session.declaredAPI {
            let expression: String
            switch type.kind {
            case .class:
                guard let sample = samples[type.name] else {
                    Issue.record("class \(type.name) has no sample value in theLiveSessionHoldsWhatIsDeclared: add one")
                    continue
                }
                expression = sample
            case .module:
                expression = type.name
            case .record:
                continue
            }
            let listing = try session.values("""
                local v = \(expression)
                local out = {}
                if type(v) == "table" then
                  for k, x in pairs(v) do out[#out + 1] = k .. "=" .. (type(x) == "function" and "function" or "field") end
                else
                  local mt = getmetatable(v)
                  for _, k in ipairs(mt.__fields) do out[#out + 1] = k .. "=field" end
                  for _, k in ipairs(mt.__methods) do out[#out + 1] = k .. "=" .. type(v[k]) end
                end
                table.sort(out)
                return table.concat(out, " ")
                """).first?.stringValue ?? ""
            let live = Set(listing.split(separator: " ").map(String.init))
            var declared = Set(type.members.map { "\($0.name)=\($0.isCallable ? "function" : "field")" })
            declared.formUnion(type.inherited.map { "\($0)=function" })
            for entry in live.subtracting(declared).sorted() {
                Issue.record("\(type.name) has '\(entry)' live, which its declaration does not list")
            }
            for entry in declared.subtracting(live).sorted() {
                Issue.record("\(type.name) declares '\(entry)', which the live session lacks")
            }
        }
    }

    /// Every declared member is in docs/api.md, in the section of its class or table (a table row
    /// or a code span: `corpus:kwic(…)`, `:paragraphs()`, `title`, `dossier.open(path)`).
    @Test func theReferenceNamesEveryDeclaredMember() throws {
        let text = try String(contentsOf: APIAnnotations.repositoryRoot.appendingPathComponent("docs/api.md"), encoding: .utf8)
        let sections: [String: [String]] = [
            "Corpus": ["## Corpus"], "Document": ["## Document"], "Sentence": ["## Sentence"],
            "TokenList": ["## TokenList and Token"], "Entity": ["## Entity"], "Quote": ["## Quote"],
            "Table": ["### Tables"], "Chart": ["### HTML reports and charts"], "dossier": ["## dossier", "## Plugins"],
        ]
        let session = try makeSession()
        for type in session.declaredAPI {
            guard let headings = sections[type.name] else {
                Issue.record("\(type.name): say in theReferenceNamesEveryDeclaredMember which docs/api.md section documents it")
                continue
            }
            let spans = headings.flatMap { APIReference.codeSpans(in: APIReference.section(headings: $0, of: text)) }
            #expect(!spans.isEmpty, "docs/api.md has no section \(headings)")
            for member in type.members where !spans.contains(where: { APIReference.names($0, member.name) }) {
                Issue.record("docs/api.md does not document \(type.name).\(member.name) under \(headings.joined(separator: " or ")): add it to the table there")
            }
        }
    }

    @Test func referenceSpansAreReadAsMembers() {
        #expect(APIReference.names("corpus:kwic(query [, opts])", "kwic"))
        #expect(APIReference.names(":paragraphs()", "paragraphs"))
        #expect(APIReference.names("title", "title"))
        #expect(APIReference.names("corpus.location", "location"))
        #expect(APIReference.names("dossier.open(path)", "open"))
        #expect(!APIReference.names("corpus:docs()", "doc"))
        #expect(!APIReference.names("titles", "title"))
        let text = "# A\n## Corpus\nx `a` y\n### Sub\n`b:c()`\n## Document\n`d`"
        #expect(APIReference.codeSpans(in: APIReference.section(headings: "## Corpus", of: text)) == ["a", "b:c()"])
    }

    // MARK: - Record shapes, against records the seeds produce

    @Test func recordShapesMatchRecordsFromTheSeeds() throws {
        let annotations = try APIAnnotations.load()
        let session = try makeSession()
        try session.values("require('hello')")  // the bundled example plugin: a command, an annotator, a section
        let samples: [(shape: String, lua: String)] = [
            ("Token", "corpus:docs()[1]:tokens()[1]"),
            ("Token", "dossier.tokens('It rained.')[1]"),
            ("Dateline", "corpus:doc('002').dateline"),
            ("BoilerplateLine", "corpus:doc('001').boilerplate[1]"),
            ("SourceCount", "corpus:sources()[1]"),
            ("Hit", "corpus:search('balloon')[1]"),
            ("KwicLine", "corpus:kwic('Taiwan')[1]"),
            ("DateMention", "corpus:timeline()[1]"),
            ("DateMention", "dossier.dates('last Monday', {anchor = '2023-06-18'})[1]"),
            ("FrequencyRow", "corpus:frequencies()[1]"),
            ("NGramRow", "corpus:ngrams(2)[1]"),
            ("CollocateRow", "corpus:collocations('Blinken')[1]"),
            ("KeynessRow", "corpus:filter{source = 'NewsTrack'}:keyness(corpus)[1]"),
            ("KeywordRow", "corpus:docs()[1]:keywords()[1]"),
            ("Mention", "corpus:entity('Blinken'):mentions()[1]"),
            ("Claim", "corpus:compare()[1]"),
            ("Conflict", "corpus:conflicts()[1]"),
            ("Group", "corpus:docs():group_by('source'):find(function(g) return g.key ~= nil end)"),
            ("Stats", "dossier.stats()"),
            ("PluginInfo", "dossier.plugins():find(function(p) return p.name == 'hello' end)"),
            ("CommandInfo", "dossier.commands()[1]"),
            ("AnnotatorInfo", "dossier.annotators()[1]"),
            ("ReportSectionInfo", "dossier.report_sections()[1]"),
        ]
        var problems: [String] = []
        for (shape, code) in samples {
            let keys = try LiveAPI.recordKeys(session, code)
            problems += APIDrift.recordProblems(shape: shape, sample: code, keys: keys, annotations: annotations)
        }
        // Duplicates need two documents sharing their text: a corpus of a seed and a copy of it.
        let folder = try TemporaryFolder()
        let seed = try String(contentsOfFile: seedsPath + "/" + firstSeed(), encoding: .utf8)
        try folder.write("a.txt", seed)
        try folder.write("b.txt", seed + "\n\nA closing paragraph added by the copy.\n")
        let copies = try makeSession(corpus: folder.url.path)
        let pair = "corpus:duplicates()[1]"
        problems += APIDrift.recordProblems(shape: "DuplicatePair", sample: pair, keys: try LiveAPI.recordKeys(copies, pair),
                                            annotations: annotations)
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
    }

    private func firstSeed() throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: seedsPath).filter { $0.hasSuffix(".txt") }.sorted()
        return try #require(names.first)
    }

    // MARK: - Option tables, against the names the functions accept

    /// Each function that rejects unknown option names says which it takes ("(use top, min or
    /// stopwords)"); those must be the fields of its options class (with the classes it extends).
    @Test func optionClassesMatchTheOptionsFunctionsAccept() throws {
        let annotations = try APIAnnotations.load()
        let session = try makeSession()
        let probes: [(classes: [String], call: String)] = [
            (["SearchOptions"], "corpus:search('x', P)"),
            (["KwicOptions"], "corpus:kwic('x', P)"),
            (["FrequencyOptions"], "corpus:frequencies(P)"),
            (["NGramOptions"], "corpus:ngrams(2, P)"),
            (["CollocationOptions"], "corpus:collocations('visit', P)"),
            (["KeynessOptions"], "corpus:keyness(corpus, P)"),
            (["KeywordOptions"], "corpus:docs()[1]:keywords(P)"),
            (["EntityOptions"], "corpus:entities(P)"),
            (["QuoteOptions"], "corpus:quotes(P)"),
            (["QuoteOptions"], "corpus:docs()[1]:quotes(P)"),
            (["QuoteOptions"], "dossier.quotes('x', P)"),
            (["CompareOptions"], "corpus:compare(P)"),
            (["ConflictOptions", "CompareOptions"], "corpus:conflicts(P)"),
            (["DuplicateOptions"], "corpus:duplicates(P)"),
            (["FilterSpec"], "corpus:filter(P)"),
            (["GazetteerEntry"], "corpus:gazetteer_add(P)"),
        ]
        for (classes, call) in probes {
            let code = "local P = {zz_not_an_option = 1}; local ok, e = pcall(function() return \(call) end); return ok, tostring(e)"
            let result = try session.values(code)
            let message = result.count > 1 ? result[1].stringValue ?? "" : ""
            guard result.first?.isTruthy == false, let accepted = Self.acceptedNames(message) else {
                Issue.record("\(call) with an unknown option should fail naming the options it takes; got: \(message)")
                continue
            }
            let annotated = classes.reduce(into: Set<String>()) { $0.formUnion(annotations.members[$1] ?? []) }
            for name in accepted.sorted() where !annotated.contains(name) {
                Issue.record("\(classes[0]).\(name): \(call) accepts option '\(name)'; add `---@field \(name)? <type> <what it does>` under `---@class \(classes[0])` in docs/api/dossier.lua")
            }
            for name in annotated.sorted() where !accepted.contains(name) {
                Issue.record("\(classes.joined(separator: "/")).\(name) is annotated, but \(call) does not accept it (it takes \(accepted.sorted().joined(separator: ", ")))")
            }
        }
    }

    /// The names listed at the end of an unknown-option error: "… (use a, b or c)", "… (search takes a, b)".
    static func acceptedNames(_ message: String) -> Set<String>? {
        guard let open = message.range(of: "(use ", options: .backwards) ?? message.range(of: " takes ", options: .backwards),
              let close = message[open.upperBound...].firstIndex(of: ")") else { return nil }
        let list = message[open.upperBound..<close].replacingOccurrences(of: " or ", with: ", ")
        let names = list.components(separatedBy: ", ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return names.isEmpty ? nil : Set(names)
    }

    @Test func acceptedNamesAreReadFromEveryMessageForm() {
        #expect(Self.acceptedNames("bad argument #2 to 'search' (unknown option 'x' (search takes limit, snippets))") == ["limit", "snippets"])
        #expect(Self.acceptedNames("bad argument #1 to 'frequencies' (unknown option 'x' (use top, stopwords or kinds))") == ["top", "stopwords", "kinds"])
        #expect(Self.acceptedNames("bad argument #1 to 'entities' (unknown option 'x' (entities takes kind))") == ["kind"])
        #expect(Self.acceptedNames("attempt to call a nil value") == nil)
    }

    // MARK: - The files themselves

    @Test func annotationFileIsValidLua() throws {
        let session = try makeSession()
        let text = try String(contentsOf: APIAnnotations.fileURL, encoding: .utf8)
        #expect(text.hasPrefix("---@meta"))
        // Compiles (a meta file is never run, but a syntax error would stop the language server).
        _ = try session.lua.load(text, chunkName: "=docs/api/dossier.lua")
    }

    /// Every `function` declaration has a description line and a `---@param` for each parameter.
    @Test func everyFunctionHasADescriptionAndItsParameters() throws {
        let lines = try String(contentsOf: APIAnnotations.fileURL, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var functions = 0
        for (i, line) in lines.enumerated() where line.hasPrefix("function ") {
            guard let open = line.firstIndex(of: "("), let close = line.firstIndex(of: ")") else { continue }
            functions += 1
            let name = line.dropFirst("function ".count).prefix { $0 != "(" }
            let parameters = line[line.index(after: open)..<close].split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != "..." }
            let block = lines[..<i].reversed().prefix { $0.hasPrefix("---") }
            if !block.contains(where: { !$0.hasPrefix("---@") && $0.count > 4 }) {
                Issue.record("docs/api/dossier.lua line \(i + 1): \(name) needs a one-line description (`--- What it does.`) above it")
            }
            for parameter in parameters where !block.contains(where: {
                $0.hasPrefix("---@param \(parameter) ") || $0.hasPrefix("---@param \(parameter)? ")
            }) {
                Issue.record("docs/api/dossier.lua line \(i + 1): \(name) needs `---@param \(parameter) <type>`")
            }
        }
        #expect(functions > 100)
    }

    @Test func luarcPointsAtTheAnnotationsAndNamesTheGlobals() throws {
        let url = APIAnnotations.repositoryRoot.appendingPathComponent(".luarc.json")
        let data = try Data(contentsOf: url)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["runtime.version"] as? String == "Lua 5.4")
        let library = try #require(json["workspace.library"] as? [String])
        #expect(library.contains("docs/api"))
        let globals = Set(try #require(json["diagnostics.globals"] as? [String]))
        let session = try makeSession()
        let live = try #require(try LiveAPI.surfaces(of: session).first { $0.owner == "_G" })
        #expect(globals == live.names, "diagnostics.globals in .luarc.json should list exactly the globals dossier adds: \(live.names.sorted())")
    }

    /// Every ```lua example of docs/api.md runs on the seeds without an error (each in a fresh
    /// session, since some change the stopwords or the gazetteer).
    @Test func apiReferenceExamplesRun() throws {
        let text = try String(contentsOf: APIAnnotations.repositoryRoot.appendingPathComponent("docs/api.md"), encoding: .utf8)
        let blocks = text.components(separatedBy: "```lua\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
        #expect(blocks.count >= 10)
        let out = try TemporaryFolder()
        for (i, block) in blocks.enumerated() {
            let session = try makeSession { $0.outputDirectory = out.url.path }
            do {
                try session.values(block)
            } catch {
                Issue.record("docs/api.md, Lua example \(i + 1) (\(block.prefix(60))…) fails: \(error)")
            }
        }
        #expect(FileManager.default.fileExists(atPath: out.url.appendingPathComponent("briefing.html").path))
    }

    // MARK: - The parser and the comparison, on their own

    @Test func parserReadsClassesFieldsFunctionsAndGlobals() {
        let parsed = APIAnnotations.parse("""
            ---@meta
            ---@class (exact) Thing: Base
            ---@field name string the name
            ---@field title? string
            ---@field private secret integer
            ---@field ["end"]? string
            ---@field [integer] Item
            local Thing = {}

            --- Does it.
            ---@param x integer
            function Thing:run(x) end
            function Thing.make() end
            ---@class List<T>
            ---@field [integer] T
            local List = {}
            ---@class mod.sub
            mod.sub = {}
            function mod.sub.go() end
            function describe(name, fn) end
            corpus = {}
            -- a plain comment ends a class block
            ---@field orphan string
            """)
        #expect(parsed.members["Thing"] == ["name", "title", "secret", "end", "run", "make"])
        #expect(parsed.optionalFields["Thing"] == ["title", "end"])
        #expect(parsed.classes == ["Thing", "List", "mod.sub"])
        #expect(parsed.members["List"] == nil)
        #expect(parsed.members["mod"] == ["sub"])
        #expect(parsed.members["mod.sub"] == ["go"])
        #expect(parsed.members["_G"] == ["describe", "corpus"])
        #expect(parsed.problems.count == 1)
        #expect(parsed.problems.first?.contains("line 23") == true)
    }

    @Test func aFieldTheAnnotationsLackIsNamedWithWhereToAddIt() throws {
        let annotations = try APIAnnotations.load()
        let session = try makeSession()
        var surfaces = try LiveAPI.surfaces(of: session)
        // As if a binding had gained `cls.field("dummy_field")` on Corpus and a `dossier.frobnicate` function.
        for i in surfaces.indices where surfaces[i].owner == "Corpus" {
            surfaces[i].members.append(LiveMember(name: "dummy_field", kind: .field))
        }
        for i in surfaces.indices where surfaces[i].owner == "dossier" {
            surfaces[i].members.append(LiveMember(name: "frobnicate", kind: .function))
        }
        let problems = APIDrift.problems(live: surfaces, annotations: annotations)
        #expect(problems.count == 2)
        #expect(problems.contains { $0.contains("Corpus.dummy_field") && $0.contains("---@field dummy_field") && $0.contains("---@class Corpus") })
        #expect(problems.contains { $0.contains("dossier.frobnicate") && $0.contains("function dossier.frobnicate(") })
    }

    @Test func anAnnotationWithoutABindingIsNamed() throws {
        let text = try String(contentsOf: APIAnnotations.fileURL, encoding: .utf8)
        // The real file, minus Corpus.location, plus a method nothing implements.
        let edited = text.replacingOccurrences(of: "---@field location string", with: "---@field elsewhere string")
            + "\nfunction Corpus:summarise() end\n"
        #expect(text.contains("---@field location string") && !edited.contains("---@field location string"))
        let annotations = APIAnnotations.parse(edited)
        let session = try makeSession()
        let problems = APIDrift.problems(live: try LiveAPI.surfaces(of: session), annotations: annotations)
        #expect(problems.count == 3)
        #expect(problems.contains { $0.contains("Corpus.location") && $0.contains("add `---@field location") })
        #expect(problems.contains { $0.contains("Corpus.elsewhere") && $0.contains("no such") })
        #expect(problems.contains { $0.contains("Corpus:summarise") && $0.contains("no such") })
    }

    @Test func recordProblemsNameTheFieldBothWays() throws {
        let annotations = APIAnnotations.parse("""
            ---@class Row
            ---@field term string
            ---@field count integer
            ---@field note? string
            """)
        let problems = APIDrift.recordProblems(shape: "Row", sample: "x", keys: ["term", "docs"], annotations: annotations)
        #expect(problems.count == 2)
        #expect(problems.contains { $0.contains("Row.docs") && $0.contains("add `---@field docs") })
        #expect(problems.contains { $0.contains("Row.count") && $0.contains("count?") })
    }
}

// MARK: - Reading the annotations

/// What docs/api/dossier.lua declares, read line by line the way lua-language-server groups
/// annotations: `---@class Name` starts a block, `---@field name …` lines right under it (only
/// `---` lines in between) declare fields, any other line ends the block; `function A.b(` and
/// `function A:b(` declare functions of A; `A.b = …` declares b on A; `name = …` and
/// `function name(` at the top level declare globals (owner `_G`).
struct APIAnnotations {
    /// Members (fields and functions) per owner: a class name or a table path.
    var members: [String: Set<String>] = [:]
    /// Fields declared optional (`name?`), per class.
    var optionalFields: [String: Set<String>] = [:]
    /// Where each member is declared (1-based line), keyed `owner.name`, for messages.
    var lines: [String: Int] = [:]
    /// How each member is declared, keyed `owner.name`: as a field, or a function (`.`) or method (`:`).
    var declaredAs: [String: Declaration] = [:]

    enum Declaration { case field, function, method }
    var classes: Set<String> = []
    /// Lines the parser could not place (a field outside a class block).
    var problems: [String] = []

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fileURL = repositoryRoot.appendingPathComponent("docs/api/dossier.lua")

    /// Parses docs/api/dossier.lua.
    static func load() throws -> APIAnnotations {
        parse(try String(contentsOf: fileURL, encoding: .utf8))
    }

    /// Parses annotation text (the real file, or a snippet in a test).
    static func parse(_ text: String) -> APIAnnotations {
        var out = APIAnnotations()
        var currentClass: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            let number = index + 1
            if line.hasPrefix("---@class ") {
                let name = className(String(line.dropFirst("---@class ".count)))
                currentClass = name
                out.classes.insert(name)
            } else if line.hasPrefix("---@field ") {
                guard let owner = currentClass else {
                    out.problems.append("docs/api/dossier.lua line \(number): ---@field outside a ---@class block: \(line)")
                    continue
                }
                guard let (name, optional) = fieldName(String(line.dropFirst("---@field ".count))) else { continue }
                out.add(name, to: owner, line: number, as: .field)
                if optional { out.optionalFields[owner, default: []].insert(name) }
            } else if line.hasPrefix("---@alias ") {
                currentClass = nil
            } else if line.hasPrefix("---") {
                continue
            } else {
                currentClass = nil
                if let (owner, name, kind) = declaration(line) { out.add(name, to: owner, line: number, as: kind) }
            }
        }
        return out
    }

    private mutating func add(_ name: String, to owner: String, line: Int, as kind: Declaration) {
        members[owner, default: []].insert(name)
        if lines[owner + "." + name] == nil {
            lines[owner + "." + name] = line
            declaredAs[owner + "." + name] = kind
        }
    }

    /// `(exact) List<T>: Base` → `List` (`LuaAnnotationSyntax`, shared with the API fuzzer).
    static func className(_ text: String) -> String {
        LuaAnnotationSyntax.className(text)
    }

    /// `private name? type …` → (`name`, optional); `["end"]? type` → (`end`, optional);
    /// `[integer] T` (an index signature) → nil.
    static func fieldName(_ text: String) -> (String, Bool)? {
        LuaAnnotationSyntax.declared(text).map { ($0.name, $0.optional) }
    }

    /// `function A.b.c(` → (`A.b`, `c`); `function A:m(` → (`A`, `m`); `function g(` → (`_G`, `g`);
    /// `A.b = …` → (`A`, `b`); `g = …` → (`_G`, `g`).
    static func declaration(_ line: String) -> (String, String, Declaration)? {
        if line.hasPrefix("function ") {
            let signature = line.dropFirst("function ".count)
            guard let paren = signature.firstIndex(of: "(") else { return nil }
            let path = String(signature[..<paren]).trimmingCharacters(in: .whitespaces)
            guard let (owner, name) = split(path: path) else { return nil }
            return (owner, name, path.contains(":") ? .method : .function)
        }
        guard let equals = line.firstIndex(of: "="), line[line.index(after: equals)...].first != "=" else { return nil }
        let target = line[..<equals].trimmingCharacters(in: .whitespaces)
        guard !target.isEmpty, target.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }),
              target.first?.isLetter == true || target.first == "_" else { return nil }
        return split(path: target).map { ($0.0, $0.1, .field) }
    }

    private static func split(path: String) -> (String, String)? {
        guard let separator = path.lastIndex(where: { $0 == "." || $0 == ":" }) else {
            return path.isEmpty ? nil : ("_G", path)
        }
        let owner = String(path[..<separator])
        let name = String(path[path.index(after: separator)...])
        return owner.isEmpty || name.isEmpty ? nil : (owner, name)
    }
}

// MARK: - Reading the live API

/// One member of the live API: a name and what it is, so a message can say how to annotate it.
struct LiveMember: Equatable {
    /// What the member is.
    enum Kind: Equatable {
        /// A field of a Swift class (`cls.field`).
        case field
        /// A method (Swift `cls.method`, or Lua-written on a class).
        case method
        /// A function in a table (`dossier.open`).
        case function
        /// Another value in a table (`dossier.version`, `report.chart`).
        case value(String)
    }

    let name: String
    let kind: Kind
}

/// One thing whose members are compared with the annotations: a registered class, or a Lua table.
struct LiveSurface {
    /// The class name or table path the annotations must use.
    let owner: String
    /// Where the members come from, for messages.
    let origin: String
    var members: [LiveMember]
    /// The members' names.
    var names: Set<String> { Set(members.map(\.name)) }
}

/// Reads the live API out of a session, through Lua where the members live in Lua tables.
enum LiveAPI {
    /// Every declared type (the classes and `dossier`, from their declarations), the List
    /// methods, the `report`, `report.chart`, `dossier.printer` and `dossier.util` tables, the globals dossier
    /// adds, and the plugin-test globals (`describe`, `it`, `assert`…).
    static func surfaces(of session: ScriptSession) throws -> [LiveSurface] {
        // The declared types (every class and `dossier`): their declarations are the source;
        // theLiveSessionHoldsWhatIsDeclared checks the session against them.
        var out: [LiveSurface] = session.declaredAPI.map { type in
            LiveSurface(owner: type.name, origin: "the declaration of \(type.name) (Sources/Scripting/Bindings)",
                        members: type.members.map { member in
                            switch member.kind {
                            case .field: return LiveMember(name: member.name, kind: type.kind == .class ? .field : .value(member.type ?? "value"))
                            case .method: return LiveMember(name: member.name, kind: .method)
                            case .function: return LiveMember(name: member.name, kind: .function)
                            }
                        })
        }
        out.append(LiveSurface(owner: "List", origin: "dossier.List (Lua/list.lua)",
                               members: try keys(session, "dossier.List").filter { !$0.name.hasPrefix("__") }))
        for path in ["report", "report.chart", "dossier.printer", "dossier.util"] {
            out.append(LiveSurface(owner: path, origin: "the \(path) table", members: try keys(session, path)))
        }
        out += try testingSurfaces(session)
        // Globals: what the session adds to a plain Lua state's, with `arg` as `dossier run` sets it.
        let plain = try LuaState()
        try plain.openLibraries()
        let standard = Set(try keys(plain, "_G").map(\.name))
        let script = try TemporaryFolder()
        try script.write("empty.lua", "return\n")
        try session.runScript(path: script.url.appendingPathComponent("empty.lua").path, arguments: [])
        var globals = try keys(session, "_G").filter { !standard.contains($0.name) }
        globals += try testingGlobals(session)
        out.append(LiveSurface(owner: "_G", origin: "the globals of a session and of plugin tests", members: globals))
        return out
    }

    /// The globals a plugin spec file sees beyond the session's (Lua/testing.lua).
    static func testingGlobals(_ session: ScriptSession) throws -> [LiveMember] {
        try keys(session, "(\(specEnvironment))")
    }

    /// The `assert` table of spec files and its negations table.
    static func testingSurfaces(_ session: ScriptSession) throws -> [LiveSurface] {
        [LiveSurface(owner: "assert", origin: "assert in plugin tests (Lua/testing.lua)",
                     members: try keys(session, "(\(specEnvironment)).assert")),
         LiveSurface(owner: "assert.are_not", origin: "assert.are_not in plugin tests (Lua/testing.lua)",
                     members: try keys(session, "(\(specEnvironment)).assert.are_not"))]
    }

    /// A Lua expression for the environment a spec file runs in, captured by a one-line spec.
    static let specEnvironment = """
        (function()
          if rawget(_G, "__api_spec_env") == nil then
            local testing = load(__api_testing_source, "=[dossier testing]")()
            assert(testing.load("rawset(_G, '__api_spec_env', _ENV)", "=api_spec"))
          end
          return rawget(_G, "__api_spec_env")
        end)()
        """

    /// The string keys of the table `expression` evaluates to, with their value types.
    static func keys(_ session: ScriptSession, _ expression: String) throws -> [LiveMember] {
        if expression.contains("__api_testing_source") {
            try session.lua.setGlobal("__api_testing_source", .text(try LuaSources.source("testing")))
        }
        defer { try? session.lua.setGlobal("__api_testing_source", .nil) }
        return try keys(session.lua, expression)
    }

    /// The string keys of a table in any Lua state (a plain one for the standard globals).
    static func keys(_ lua: LuaState, _ expression: String) throws -> [LiveMember] {
        let listing = try lua.run("""
            local t = \(expression)
            local out = {}
            for k, v in pairs(t) do
              if type(k) == "string" and k ~= "__api_spec_env" and k ~= "__api_testing_source" then
                out[#out + 1] = k .. "\\t" .. type(v)
              end
            end
            table.sort(out)
            return table.concat(out, "\\n")
            """, chunkName: "=api keys").first?.stringValue ?? ""
        return listing.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            return LiveMember(name: parts[0], kind: parts[1] == "function" ? .function : .value(parts[1]))
        }
    }

    /// The string keys of the record `expression` evaluates to (an error when it is not a table).
    static func recordKeys(_ session: ScriptSession, _ expression: String) throws -> Set<String> {
        let listing = try session.lua.run("""
            local r = \(expression)
            if type(r) ~= "table" then error("not a record: " .. tostring(r)) end
            local out = {}
            for k in pairs(r) do if type(k) == "string" then out[#out + 1] = k end end
            return table.concat(out, "\\n")
            """, chunkName: "=api record").first?.stringValue ?? ""
        return Set(listing.split(separator: "\n").map(String.init))
    }
}

// MARK: - Comparing

/// Compares the live API with the annotations and words each difference as a fix.
enum APIDrift {
    static let file = "docs/api/dossier.lua"

    /// Everything live that is not annotated, and everything annotated that is not live.
    static func problems(live: [LiveSurface], annotations: APIAnnotations) -> [String] {
        var out: [String] = []
        for surface in live {
            let annotated = annotations.members[surface.owner] ?? []
            if annotations.members[surface.owner] == nil && !annotations.classes.contains(surface.owner) {
                out.append("\(file) has no `---@class \(surface.owner)` for \(surface.origin) (members: \(surface.names.sorted().joined(separator: ", ")))")
                continue
            }
            for member in surface.members where !member.name.hasPrefix("_") && !annotated.contains(member.name) {
                out.append(missing(member, surface))
            }
            // A field annotated as optional (`name?`) may be absent (dossier.printer.width before the REPL printed).
            let mayBeAbsent = annotations.optionalFields[surface.owner] ?? []
            for name in annotated.sorted() where !surface.names.contains(name) && !mayBeAbsent.contains(name) {
                let key = surface.owner + "." + name
                let line = annotations.lines[key].map { " (line \($0))" } ?? ""
                let separator = annotations.declaredAs[key] == .method ? ":" : "."
                let shown = surface.owner == "_G" ? "global \(name)" : surface.owner + separator + name
                out.append("\(file) annotates \(shown)\(line), but \(surface.origin) has no such member: remove it or fix the name")
            }
        }
        return out
    }

    /// A record of `shape` from `sample` has `keys`: each must be a field of the class, and each
    /// field the class declares without `?` must be in the record.
    static func recordProblems(shape: String, sample: String, keys: Set<String>, annotations: APIAnnotations) -> [String] {
        guard annotations.classes.contains(shape) else {
            return ["\(file) has no `---@class \(shape)` for the records of \(sample) (fields: \(keys.sorted().joined(separator: ", ")))"]
        }
        let fields = annotations.members[shape] ?? []
        let optional = annotations.optionalFields[shape] ?? []
        var out: [String] = []
        for key in keys.sorted() where !fields.contains(key) {
            out.append("\(shape).\(key): the records of \(sample) have this field; add `---@field \(key) <type> <what it holds>` under `---@class \(shape)` in \(file)")
        }
        for field in fields.sorted() where !keys.contains(field) && !optional.contains(field) {
            out.append("\(shape).\(field): declared in \(file) but missing from the record of \(sample); if it can be nil write `---@field \(field)? …`, else fix the name")
        }
        return out
    }

    private static func missing(_ member: LiveMember, _ surface: LiveSurface) -> String {
        let owner = surface.owner
        let name = member.name
        let fieldLine = "`---@field \(name) <type> <description>` under `---@class \(owner)`"
        switch (owner, member.kind) {
        case ("_G", .function):
            return "global \(name) (a function in \(surface.origin)) is not annotated: add `function \(name)(…) end` to \(file), with ---@param and ---@return"
        case ("_G", _):
            var type = "value"
            if case .value(let t) = member.kind { type = t }
            return "global \(name) (a \(type) in \(surface.origin)) is not annotated: add `---@type <type>` and `\(name) = {}` to \(file)"
        case (_, .field):
            return "\(owner).\(name) (a field of \(surface.origin)) is not annotated: add \(fieldLine) in \(file)"
        case (_, .method):
            return "\(owner):\(name) (a method of \(surface.origin)) is not annotated: add `function \(owner):\(name)(…) end` to \(file), with a one-line description, ---@param and ---@return"
        case (_, .function):
            return "\(owner).\(name) (a function in \(surface.origin)) is not annotated: add `function \(owner).\(name)(…) end` to \(file), with a one-line description, ---@param and ---@return"
        case (_, .value(let type)):
            return "\(owner).\(name) (a \(type) in \(surface.origin)) is not annotated: add \(fieldLine) in \(file)"
        }
    }
}

// MARK: - Reading docs/api.md

/// Finds what docs/api.md documents: the code spans of a section.
enum APIReference {
    /// The text under `heading` (a line such as `## Corpus`) up to the next heading of the same
    /// or a higher level; empty when there is no such heading.
    static func section(headings heading: String, of text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0 == heading }) else { return "" }
        let level = heading.prefix { $0 == "#" }.count
        var out: [Substring] = []
        for line in lines[(start + 1)...] {
            let hashes = line.prefix { $0 == "#" }.count
            if hashes > 0, hashes <= level, line.dropFirst(hashes).hasPrefix(" ") { break }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    /// The `code spans` of a text, in order.
    static func codeSpans(in text: String) -> [String] {
        text.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 0 }.flatMap { part in
            part.element.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        }
    }

    /// Whether a code span names member `name`: it is the name, or calls or reads it after a `:`
    /// or `.` (`corpus:kwic(…)`, `:paragraphs()`, `corpus.location`).
    static func names(_ span: String, _ name: String) -> Bool {
        if span == name { return true }
        for separator in [":", "."] {
            let written = separator + name
            if span.contains(written + "(") || span.hasSuffix(written) { return true }
        }
        return false
    }
}
