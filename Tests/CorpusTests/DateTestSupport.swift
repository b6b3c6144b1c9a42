import Foundation
import Testing
@testable import Corpus

/// Shared helpers for the date tests.
enum DateTestSupport {
    static let seedsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds")

    /// The text of the seed whose file name starts with `prefix` ("000").
    static func seed(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: seedsFolder.path).sorted()
        let name = try #require(names.first { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") })
        return try String(contentsOf: seedsFolder.appendingPathComponent(name), encoding: .utf8)
    }

    /// All seeds, in file-name order.
    static func seeds() throws -> [(name: String, text: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: seedsFolder.path).sorted()
            .filter { $0.hasSuffix(".txt") }
        return try names.map { ($0, try String(contentsOf: seedsFolder.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// The first line or sentence-bearing paragraph of `text` that contains `fragment`, so a test
    /// quotes a real seed sentence and fails loudly if the seed changes.
    static func paragraph(containing fragment: String, in text: String) throws -> String {
        let paragraphs = text.components(separatedBy: "\n")
        return try #require(paragraphs.first { $0.contains(fragment) }, "seed has no \(fragment)")
    }

    /// A document-date anchor from an ISO string.
    static func anchor(_ iso: String) throws -> DateAnchor {
        DateAnchor.documentDate(try #require(DateValue(iso: iso)))
    }

    /// Mentions of `text` read against a document date.
    static func mentions(_ text: String, anchor iso: String? = "2023-06-18") throws -> [DateMention] {
        DateExtractor.mentions(in: text, anchor: try iso.map(anchor))
    }

    /// "text=iso" pairs, compact for expectations.
    static func pairs(_ text: String, anchor iso: String? = "2023-06-18") throws -> [String] {
        try mentions(text, anchor: iso).map { "\($0.text)=\($0.value?.iso ?? "nil")" }
    }
}
