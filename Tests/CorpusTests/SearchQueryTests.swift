import Testing
import Foundation
@testable import Corpus

/// The query language: what text parses to, and how errors are reported.
@Suite struct SearchQueryTests {
    func parse(_ text: String) throws -> String {
        try Query.parse(text).description
    }

    func error(_ text: String) -> QueryError? {
        do {
            _ = try Query.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func wordsAreNormalisedAndJoinedByAnd() throws {
        #expect(try parse("Balloon") == "balloon")
        #expect(try parse("spy Balloon") == "(spy AND balloon)")
        #expect(try parse("spy AND balloon") == "(spy AND balloon)")
        // Lower-case and/or/not are plain words.
        #expect(try parse("spy and balloon") == "(spy AND and AND balloon)")
        #expect(try parse("war or peace") == "(war AND or AND peace)")
    }

    @Test func phrasesTakeStraightAndCurlyQuotes() throws {
        #expect(try parse("\"spy balloon\"") == "\"spy balloon\"")
        #expect(try parse("“Spy Balloon”") == "\"spy balloon\"")
        #expect(try parse("„spy balloon“") == "\"spy balloon\"")
        // A one-word phrase is a term; punctuation inside quotes is kept.
        #expect(try parse("\"Taiwan\"") == "taiwan")
        #expect(try parse("\"spy, balloon\"") == "\"spy , balloon\"")
    }

    @Test func wordsTheTokenizerSplitsBecomePhrases() throws {
        #expect(try parse("China's") == "\"china 's\"")
        #expect(try parse("China’s") == "\"china 's\"")
        // One token for the tokenizer: one term.
        #expect(try parse("U.S.-China") == "u.s.-china")
        #expect(try parse("U.S.") == "u.s.")
        // Punctuation at the edges of an unquoted word is dropped.
        #expect(try parse("balloon,") == "balloon")
        #expect(try parse("(balloon)") == "balloon")
    }

    @Test func precedenceIsNotThenAndThenOr() throws {
        #expect(try parse("a b OR c") == "((a AND b) OR c)")
        #expect(try parse("a OR b c") == "(a OR (b AND c))")
        #expect(try parse("a OR b AND c") == "(a OR (b AND c))")
        #expect(try parse("NOT a b") == "(NOT a AND b)")
        #expect(try parse("NOT a OR b") == "(NOT a OR b)")
        #expect(try parse("(a OR b) c") == "((a OR b) AND c)")
        #expect(try parse("a (b OR (c d))") == "(a AND (b OR (c AND d)))")
        #expect(try parse("a OR b OR c") == "(a OR b OR c)")
    }

    @Test func dashNegates() throws {
        #expect(try parse("balloon -spy") == "(balloon AND NOT spy)")
        #expect(try parse("-\"spy balloon\" Taiwan") == "(NOT \"spy balloon\" AND taiwan)")
        #expect(try parse("a -(b OR c)") == "(a AND NOT (b OR c))")
        #expect(try parse("a -title:x") == "(a AND NOT title:x)")
        // A hyphen inside a word is part of it.
        #expect(try parse("face-to-face") == "face-to-face")
        // Two negations cancel.
        #expect(try parse("NOT NOT a") == "a")
    }

    @Test func prefixes() throws {
        #expect(try parse("ballo*") == "ballo*")
        #expect(try parse("Ballo* spy") == "(ballo* AND spy)")
        #expect(error("*")?.kind == .badPrefix("*"))
        #expect(error("\"spy balloon\"*")?.kind == .badPrefix("*"))
        #expect(error("China's*")?.kind == .badPrefix("China's*"))
    }

    @Test func fields() throws {
        #expect(try parse("title:Balloon") == "title:balloon")
        #expect(try parse("TITLE:balloon") == "title:balloon")
        #expect(try parse("title:\"Spy Balloon\"") == "title:\"spy balloon\"")
        #expect(try parse("title:“spy balloon”") == "title:\"spy balloon\"")
        #expect(try parse("source:guardian") == "source:guardian")
        #expect(try parse("title:ballo*") == "title:ballo*")
        #expect(try parse("Taiwan title:Blinken") == "(taiwan AND title:blinken)")
        // Not a field name: digits before the colon.
        #expect(try parse("10:30") == "10:30")
        #expect(error("author:smith") == QueryError(.unknownField("author"), at: 1))
        #expect(error("a title:") == QueryError(.missingFieldValue("title"), at: 3))
    }

    @Test func errorsNameThePosition() {
        #expect(error("") == QueryError(.empty, at: 0))
        #expect(error("   ") == QueryError(.empty, at: 0))
        #expect(error("spy AND (balloon") == QueryError(.unbalanced("("), at: 9))
        #expect(error("spy AND balloon)") == QueryError(.unbalanced(")"), at: 16))
        #expect(error(") spy") == QueryError(.unbalanced(")"), at: 1))
        #expect(error("spy \"balloon") == QueryError(.unbalanced("\""), at: 5))
        #expect(error("spy “balloon") == QueryError(.unbalanced("“"), at: 5))
        #expect(error("spy AND") == QueryError(.missingOperand("AND", before: false), at: 5))
        #expect(error("AND spy") == QueryError(.missingOperand("AND", before: true), at: 1))
        #expect(error("spy OR") == QueryError(.missingOperand("OR", before: false), at: 5))
        #expect(error("OR spy") == QueryError(.missingOperand("OR", before: true), at: 1))
        #expect(error("spy AND OR b") == QueryError(.missingOperand("AND", before: false), at: 5))
        #expect(error("(spy OR) b") == QueryError(.missingOperand("OR", before: false), at: 6))
        #expect(error("spy NOT") == QueryError(.missingOperand("NOT", before: false), at: 5))
        #expect(error("spy -") == QueryError(.missingOperand("-", before: false), at: 5))
        #expect(error("spy - balloon") == QueryError(.missingOperand("-", before: false), at: 5))
        #expect(error("spy ()") == QueryError(.emptyGroup, at: 5))
        // Positions count characters, not bytes.
        #expect(error("“Beijing” é (x") == QueryError(.unbalanced("("), at: 13))
    }

    @Test func messagesReadWell() {
        #expect(error("spy AND (balloon")?.description == "query: unbalanced '(' at 9")
        #expect(error("spy AND")?.description == "query: 'AND' needs a term after it at 5")
        #expect(error("")?.description == "query: empty query")
        #expect(error("author:x")?.description == "query: unknown field 'author' at 1 (fields: title, source)")
    }

    /// ASCII queries are lexed byte by byte, others character by character: both read the same.
    @Test func asciiAndUnicodeQueriesLexAlike() throws {
        for text in ["police OR court", "title:Spy -\"hot air\" (balloon* AND NOT source:abc)", "a\tb\nc) OR",
                     "-x AND (y OR \"z w\")", "author:x", "\"open"] {
            // A trailing non-ASCII word sends the text down the character path.
            let ascii = try? QueryLexer.lex(text)
            let unicode = try? QueryLexer.lex(text + " é")
            #expect(ascii.map { $0 + [QueryLexeme(item: .word("é"), position: text.count + 2)] } == unicode
                    || (ascii == nil && unicode == nil), "\(text)")
        }
    }

    @Test func plainAsciiWordsNormaliseAsTheTokenizerDoes() throws {
        // Every run of ASCII letters in the seeds, in the case written and in capitals, and
        // words at the edges of the fast path (length 32 takes it, 33 does not).
        var words: Set<String> = ["a", "Z", "NATO", "iPhone", String(repeating: "Ab", count: 16),
                                  String(repeating: "b", count: 33)]
        for name in try FileManager.default.contentsOfDirectory(atPath: SearchFixtures.seedsPath) where name.hasSuffix(".txt") {
            let text = try String(contentsOfFile: SearchFixtures.seedsPath + "/" + name, encoding: .utf8)
            for word in text.split(whereSeparator: { !($0.isASCII && $0.isLetter) }) {
                words.insert(String(word))
                words.insert(word.uppercased())
            }
        }
        #expect(words.count > 500)
        for word in words {
            #expect(QueryParser.norms(word, keepEdgePunctuation: false)
                    == QueryParser.tokenizedNorms(word, keepEdgePunctuation: false), "\(word)")
        }
        #expect(QueryParser.asciiWord("Balloon") == "balloon")
        #expect(QueryParser.asciiWord("b2b") == nil)
        #expect(QueryParser.asciiWord("") == nil)
    }

    @Test func oddInputDoesNotCrash() {
        #expect(error(String(repeating: "(", count: 5000) + "a" + String(repeating: ")", count: 5000))?.kind == .nestedTooDeep)
        #expect(error("\u{0}\u{1}") == QueryError(.nothingToSearch, at: 0))
        #expect(error("\"\"") == QueryError(.nothingToSearch, at: 0))
        #expect((try? Query.parse(String(repeating: "word ", count: QueryParser.maxTerms))) != nil)
        #expect(error(String(repeating: "word ", count: 20000)) == QueryError(.tooManyTerms, at: 50_001))
        #expect((try? Query.parse("a\r\nb\tc")).map(\.description) == "(a AND b AND c)")
        #expect((try? Query.parse("\u{FEFF}Taiwan")) != nil)
    }
}
