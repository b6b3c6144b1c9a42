import Foundation
import Testing
@testable import Corpus

/// Shared helpers for the Text* test files.
enum TextFixtures {
    /// The project's seeds/ folder.
    static let seedsURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds")

    /// The raw text of a seed file, found by its name prefix ("002").
    static func seed(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: seedsURL.path)
        let name = try #require(names.first { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }, "no seed \(prefix)")
        return try String(contentsOf: seedsURL.appendingPathComponent(name), encoding: .utf8)
    }

    /// Token texts of a string.
    static func words(_ text: String) -> [String] {
        Tokenizer.words(in: text)
    }

    /// (text, kind) pairs of a string's tokens.
    static func tokens(_ text: String) -> [(String, TokenKind)] {
        let spans = Tokenizer.tokens(in: text)
        let utf8 = Array(text.utf8)
        return spans.map { (String(decoding: utf8[$0.range], as: UTF8.self), $0.kind) }
    }

    /// The kind of the token whose text is `word` (the first such token), or nil.
    static func kind(of word: String, in text: String) -> TokenKind? {
        tokens(text).first { $0.0 == word }?.1
    }

    /// Normal forms of every token of a string.
    static func norms(_ text: String) -> [String] {
        words(text).map { Tokenizer.norm($0) }
    }
}
