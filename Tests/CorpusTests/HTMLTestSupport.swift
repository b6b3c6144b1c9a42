import Foundation
import Testing

@testable import Corpus

/// Pages for the HTML reader's tests: the hand-written pages in Tests/HTMLFixtures, the real
/// pages of ../shared/devdata/news-html (used by path, never copied; tests that need them are
/// skipped when the folder is absent), and small pages built in the tests.
enum HTMLTestPages {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Tests/HTMLFixtures")
    static let devdata = repository.deletingLastPathComponent().appendingPathComponent("shared/devdata/news-html/html")

    /// Whether the shared development pages are there.
    static let devdataAvailable = FileManager.default.fileExists(atPath: devdata.path)
    static let skipMessage: Comment = "needs ../shared/devdata/news-html (the shared development pages); skipped"

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    static func devdataPage(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: devdata.appendingPathComponent(name + ".html")))
    }

    /// A page with `head` and `body` markup.
    static func page(head: String = "<meta charset=\"utf-8\"><title>Test page</title>", body: String) -> String {
        "<!DOCTYPE html>\n<html><head>\(head)</head><body>\(body)</body></html>"
    }

    /// Paragraphs of plausible prose, each about 250 characters, numbered so tests can find them.
    static func paragraphs(_ count: Int, tag: String = "p") -> String {
        (1...count).map { n in
            "<\(tag)>Paragraph \(n) of the story: the council met on Tuesday evening and, after a long debate about the budget, "
                + "agreed to keep the swimming pool open for another year. Residents said the decision was overdue; "
                + "the mayor promised a review in spring.</\(tag)>"
        }.joined(separator: "\n")
    }

    /// Text with whitespace collapsed and typographic quotes made plain, for containment checks.
    static func squeeze(_ text: String) -> String {
        HTMLText.collapsed(text).replacingOccurrences(of: "\u{2019}", with: "'")
    }

    static func has(_ article: HTMLArticle, _ fragment: String) -> Bool {
        squeeze(article.text).contains(squeeze(fragment))
    }
}
