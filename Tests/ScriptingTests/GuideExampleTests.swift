import Foundation
import LuaBridge
import Testing
@testable import Scripting

/// Every Lua example of the "first hour" walkthrough in docs/guide.md runs on the seeds
/// without an error (its shell commands are run by `GuideCLITests`).
@Suite struct GuideExampleTests {
    /// The fenced blocks of `language` in the chapter of docs/guide.md titled `heading`.
    static func blocks(_ language: String, in heading: String = "## The first hour") throws -> [String] {
        let url = APIAnnotations.repositoryRoot.appendingPathComponent("docs/guide.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let start = text.range(of: "\n" + heading + "\n") else { return [] }
        let rest = text[start.upperBound...]
        let chapter = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        var blocks: [String] = []
        var current: [Substring]?
        for line in chapter.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```" + language {
                current = []
            } else if current != nil, line == "```" {
                blocks.append((current ?? []).joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test func everyLuaExampleOfTheFirstHourRuns() throws {
        let blocks = try Self.blocks("lua")
        #expect(blocks.count >= 7, "the walkthrough covers quotes, co-occurrence, time, keyness, duplicates, CSV")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-guide-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let session = try makeSession { $0.outputDirectory = out.path }
        for (i, block) in blocks.enumerated() {
            do {
                try session.values(block)
            } catch {
                Issue.record("docs/guide.md, first hour, Lua example \(i + 1) (\(block.prefix(60))…) fails: \(error)")
            }
        }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("organizations.csv").path))
    }
}
