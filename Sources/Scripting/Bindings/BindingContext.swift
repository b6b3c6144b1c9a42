import NewsText
import Corpus
import LuaBridge

/// What every binding needs: the state, List makers, and the session's settings.
final class BindingContext {
    let lua: LuaState
    let lists: Lists
    let options: SessionOptions
    /// The sandbox, when the session has one: Swift bindings that read files check it.
    var sandbox: LuaSandbox?
    /// Sentence objects made so far, per document (see `sentence(_:_:)`).
    let sentences = SentenceCache()
    /// The token spans of the documents whose tokens were read last (see `tokenSpans(of:)`).
    let tokenSpans = TokenSpanCache()
    /// The session's statistics settings (the stopword list scripts can change).
    let statistics = StatisticsSettings()
    /// What long Swift work (search, entities, quotes, dates, claims, n-grams…) checks: it stops
    /// at the chunk's `--timeout` and at Ctrl-C, as Lua code does, and its results are measured
    /// against the memory Lua may still take (see WorkLimitSignals.swift).
    let cancellation: Cancellation
    /// The session corpus's term dictionary: `--globals` (SessionOptions.globals) applies to its
    /// documents only, not to corpora a script opens itself.
    var rootLexicon: Lexicon?

    init(lua: LuaState, lists: Lists, options: SessionOptions) {
        self.lua = lua
        self.lists = lists
        self.options = options
        cancellation = Self.cancellation(lua.interruptHandle, progress: options.quiet ? nil : options.analysisProgress)
    }

    /// Shortens text to `limit` characters with an ellipsis, on one line.
    static func preview(_ text: String, _ limit: Int) -> String {
        let flat = text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
        if flat.count <= limit { return flat }
        return String(flat.prefix(limit - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// Formats an integer with thousands separators (3,912).
    static func grouped(_ n: Int) -> String { CountText.grouped(n) }
}
