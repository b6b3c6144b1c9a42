import Corpus
import LuaBridge

/// One sentence of a document, as Lua sees it. Made on demand and cached per document so the
/// same sentence is always the same Lua value.
final class SentenceRef {
    let document: Document
    /// 0-based sentence index.
    let index: Int

    init(document: Document, index: Int) {
        self.document = document
        self.index = index
    }

    var text: String { document.sentenceText(index) }
}

/// `Sentence` in Lua: fields `text`, `doc`, `index` (1-based), `offset` (1-based byte position
/// in the document text, as `string.sub` counts); methods `:tokens()`.
enum SentenceBinding {
    static func make(_ ctx: BindingContext) throws -> LuaClass<SentenceRef> {
        let cls = LuaClass<SentenceRef>("Sentence")
        cls.field("text") { .text($0.text) }
        cls.field("doc") { .object($0.document) }
        cls.field("index") { .integer($0.index + 1) }
        cls.field("offset") { .integer($0.document.sentenceBytes($0.index).lowerBound + 1) }
        let spans = ctx.tokenSpans
        cls.method("tokens") { s, _ in
            [.object(TokenList(document: s.document, range: s.document.sentenceTokens(s.index), spans: spans))]
        }
        cls.describe = { s in
            "<Sentence \(s.index + 1) of \(s.document.id) \"\(BindingContext.preview(s.text, 50))\">"
        }
        cls.metafields = [
            ("__columns", .array(["doc", "index", "text"].map { .text($0) })),
            ("__cell", .function(ctx.lua.function("__cell") { args in
                [.text(args.optionalObject(1, as: SentenceRef.self).map { BindingContext.preview($0.text, 80) } ?? "?")]
            })),
        ]
        return cls
    }
}

extension BindingContext {
    /// The cached Sentence object for sentence `index` of `document`.
    func sentence(_ document: Document, _ index: Int) -> SentenceRef {
        sentences.sentence(document, index)
    }
}
