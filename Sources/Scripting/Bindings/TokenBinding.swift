import Corpus
import LuaBridge

/// A lazy list of a document's tokens (all of them, or one sentence's): `#list` and
/// `list[i]` work without building a table per token up front; `list[i]` gives a record
/// `{text, norm, offset, kind}`. It shares the List methods.
final class TokenList {
    let document: Document
    let range: Range<Int>
    /// Where the document's token offsets come from (shared by all lists of a document).
    private let spanCache: TokenSpanCache

    init(document: Document, range: Range<Int>, spans: TokenSpanCache) {
        self.document = document
        self.range = range
        self.spanCache = spans
    }

    var count: Int { range.count }

    /// Token `i` (1-based within this list) as a Lua record.
    func token(_ i: Int) -> LuaValue {
        guard i >= 1, i <= range.count else { return .nil }
        let position = range.lowerBound + i - 1
        let spans = spanCache.spans(of: document)
        guard position >= 0, position < spans.count else { return .nil }
        let span = spans[position]
        let id = Int(document.terms[position])
        return .record([
            "text": .text(document.substring(span.range)),
            "norm": .text(document.lexicon.term(id)),
            "offset": .integer(span.start + 1),
            "kind": .text(span.kind.description),
        ])
    }
}

/// Tokens of free text (`dossier.tokens(text)`), with the same record shape.
enum TokenRecords {
    /// Bytes one token record costs on its way to Lua (four fields, two of them strings).
    static let cost = ResultCost.record(fields: 4) + 100

    /// How many tokens `text` has (counted without building anything).
    static func count(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var n = 0
            Tokenizer.scan(bytes) { _ in n += 1 }
            return n
        }
    }

    static func records(_ text: String) -> [LuaValue] {
        let utf8 = Array(text.utf8)
        return Tokenizer.tokens(in: text).map { span in
            let t = String(decoding: utf8[span.range], as: UTF8.self)
            return .record([
                "text": .text(t),
                "norm": .text(Tokenizer.norm(t)),
                "offset": .integer(span.start + 1),
                "kind": .text(span.kind.description),
            ])
        }
    }
}

/// `TokenList` in Lua: a lazy list with no members of its own; it inherits the List methods.
enum TokenBinding {
    static let columns = ["text", "norm", "kind", "offset"]

    static func make(_ ctx: BindingContext) throws -> LuaClass<TokenList> {
        let cls = LuaClass<TokenList>("TokenList", summary: """
            A lazy list of tokens (`doc:tokens()`, `sentence:tokens()`): `#toks` and `toks[i]` work without
            building every record, and it has the List methods (their results are plain Lists).
            """, members: [])
        cls.classSuffix = ": List<Token>"
        cls.annotations = ["---@field [integer] Token"]
        cls.length = { $0.count }
        cls.element = { list, i in list.token(i) }
        cls.inherited = ctx.lists.metatable
        cls.describe = { "<TokenList of \($0.count) tokens from \($0.document.id)>" }
        cls.metafields = [
            ("__columns", .array(columns.map { .text($0) })),
            ("__list", true),
        ]
        return cls
    }
}
