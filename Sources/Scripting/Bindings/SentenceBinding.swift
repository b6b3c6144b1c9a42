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

/// `Sentence` in Lua: every member of the class, declared here and nowhere else.
enum SentenceBinding {
    static func make(_ ctx: BindingContext, entities: EntityBinding, quotes: QuoteBinding) throws -> LuaClass<SentenceRef> {
        let spans = ctx.tokenSpans
        let cls = LuaClass<SentenceRef>("Sentence", summary: """
            One sentence of a document. The same sentence is always the same value (`==` works, and
            sentences can be table keys).
            """, members: [
            .field("text", "string", "") { .text($0.text) },
            .field("doc", "Document", "") { .object($0.document) },
            .field("index", "integer", "1-based position in the document") { .integer($0.index + 1) },
            .field("offset", "integer", "1-based byte position of its first character in `doc.text` (as `string.sub` counts)") {
                .integer($0.document.sentenceBytes($0.index).lowerBound + 1)
            },
            .method("tokens", "The sentence's tokens, as a lazy list.", returns: ["TokenList"]) { s, _ in
                [.object(TokenList(document: s.document, range: s.document.sentenceTokens(s.index), spans: spans))]
            },
            .method("entities", "The entities the sentence mentions, in text order.", returns: ["List<Entity>"],
                    entities.sentenceEntities),
            .method("quotes", "The quotations that start in the sentence or run through it.", returns: ["List<Quote>"],
                    quotes.sentenceQuotes),
        ])
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
