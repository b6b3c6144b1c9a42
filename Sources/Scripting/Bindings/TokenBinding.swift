import Corpus
import LuaBridge

/// A lazy list of a document's tokens (all of them, or one sentence's): `#list` and
/// `list[i]` work without building a table per token up front; `list[i]` gives a record
/// `{text, norm, offset, kind}`. It shares the List methods.
final class TokenList {
    let document: Document
    let range: Range<Int>
    private lazy var spans: [TokenSpan] = document.tokenSpans()

    init(document: Document, range: Range<Int>) {
        self.document = document
        self.range = range
    }

    var count: Int { range.count }

    /// Token `i` (1-based within this list) as a Lua record.
    func token(_ i: Int) -> LuaValue {
        guard i >= 1, i <= range.count else { return .nil }
        let position = range.lowerBound + i - 1
        guard position < spans.count else { return .nil }
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

enum TokenBinding {
    static let columns = ["text", "norm", "kind", "offset"]

    static func make(_ ctx: BindingContext) throws -> LuaClass<TokenList> {
        let cls = LuaClass<TokenList>("TokenList")
        cls.length = { $0.count }
        cls.element = { list, i in list.token(i) }
        cls.methodsMetatable = ctx.lists.lazyMethods
        cls.describe = { "<TokenList of \($0.count) tokens from \($0.document.id)>" }
        cls.metafields = [
            ("__columns", .array(columns.map { .text($0) })),
            ("__list", true),
        ]
        return cls
    }
}
