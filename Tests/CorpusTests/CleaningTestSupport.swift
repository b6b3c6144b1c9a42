import Foundation
import Testing

@testable import Corpus

/// Helpers shared by the cleaning tests.
enum CleaningFixtures {
    /// The repository's copy of the sample corpus.
    static let seedsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds")

    /// A seed's text as the loader hands it over (UTF-8, no BOM, LF line ends).
    static func seed(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: seedsFolder.path)
        let name = try #require(names.first { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") })
        let data = try Data(contentsOf: seedsFolder.appendingPathComponent(name))
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// Collapses every run of whitespace (no-break spaces included) to one space and trims the ends, so lines can be
    /// compared with the body whatever spaces they carried.
    static func squeeze(_ text: some StringProtocol) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The reason given for the removed line whose squeezed text is `line`, or nil if it was not removed.
    static func reason(for line: String, in cleaned: CleanedText) -> String? {
        cleaned.boilerplate.first { squeeze($0.line) == squeeze(line) }?.reason
    }

    /// The reason a single line gets when it stands alone between blank lines in a short article.
    static func reasonAlone(_ line: String) -> String? {
        let text = "A headline for the test\n\nFirst paragraph of the story is here.\n\n\(line)\n\nLast paragraph stays.\n"
        return reason(for: line, in: Cleaner.clean(text))
    }
}
