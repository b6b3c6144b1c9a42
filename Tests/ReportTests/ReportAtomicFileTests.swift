import Foundation
import Testing
@testable import Report

@Suite final class ReportAtomicFileTests {
    let base: URL
    let root: URL
    let outside: URL

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-atomic-\(UUID().uuidString)")
        root = base.appendingPathComponent("out")
        outside = base.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    }

    /// Each test has its own folder; it goes with the test.
    deinit { try? FileManager.default.removeItem(at: base) }

    func listing(_ url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    @Test func writesCreatingFoldersAndReplacesWholeFiles() throws {
        let url = try AtomicFile.write("id,words\r\n000,711\r\n", to: "tables/terms.csv", under: root)
        #expect(try String(contentsOf: url, encoding: .utf8) == "id,words\r\n000,711\r\n")
        #expect(url.lastPathComponent == "terms.csv")
        try AtomicFile.write("second", to: "./tables//terms.csv", under: root)
        #expect(try String(contentsOf: url, encoding: .utf8) == "second")
        #expect(listing(root.appendingPathComponent("tables")) == ["terms.csv"])  // no temporary files left
    }

    @Test func writesPieceByPieceAndLeavesNothingWhenTheWriterFails() throws {
        let url = try AtomicFile.write(to: "tables/big.csv", under: root) { sink in
            for i in 0..<1000 { try sink("row \(i)\r\n") }
        }
        let expected = (0..<1000).map { "row \($0)\r\n" }.joined()
        #expect(try String(contentsOf: url, encoding: .utf8) == expected)
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try AtomicFile.write(to: "tables/big.csv", under: root) { sink in
                try sink("half")
                throw Stop()
            }
        }
        // The old file stays whole, and no temporary file is left.
        #expect(try String(contentsOf: url, encoding: .utf8) == expected)
        #expect(listing(root.appendingPathComponent("tables")) == ["big.csv"])
    }

    @Test func keepsThePermissionsOfAFileItReplaces() throws {
        let url = try AtomicFile.write("v1", to: "run.sh", under: root)
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: url.path)
        try AtomicFile.write("v2", to: "run.sh", under: root)
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o750)
    }

    @Test func refusesPathsThatLeaveTheOutputFolder() throws {
        let cases: [(String, AtomicFileError)] = [
            ("../escape.txt", .parentReference("../escape.txt")),
            ("a/../../escape.txt", .parentReference("a/../../escape.txt")),
            ("/etc/passwd", .absolutePath("/etc/passwd")),
            ("~/notes.txt", .absolutePath("~/notes.txt")),
            ("", .emptyPath),
            ("./", .emptyPath),
            ("a\u{0}b", .invalidName("a\u{0}b")),
        ]
        for (path, expected) in cases {
            #expect(throws: expected) { try AtomicFile.write("x", to: path, under: root) }
        }
        #expect(AtomicFileError.parentReference("../escape.txt").description.contains("\"../escape.txt\""))
        #expect(AtomicFileError.absolutePath("/etc/passwd").description.contains("\"/etc/passwd\""))
        #expect(listing(outside).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: root.deletingLastPathComponent().appendingPathComponent("escape.txt").path))
    }

    @Test func refusesSymbolicLinksThatLeadOutside() throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: outside.path)
        #expect {
            try AtomicFile.write("x", to: "link/stolen.txt", under: root)
        } throws: { error in
            guard case AtomicFileError.escapesRoot(let path, _) = error else { return false }
            return path == "link" && "\(error)".contains("outside the output folder")
        }
        #expect(listing(outside).isEmpty)

        let target = outside.appendingPathComponent("precious.txt")
        try "keep me".write(to: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("file-link.txt").path, withDestinationPath: target.path)
        #expect(throws: AtomicFileError.escapesRoot(path: "file-link.txt", target: target.resolvingSymlinksInPath().path)) {
            try AtomicFile.write("overwritten", to: "file-link.txt", under: root)
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep me")
    }

    @Test func followsSymbolicLinksThatStayInside() throws {
        let real = root.appendingPathComponent("2023")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("latest").path, withDestinationPath: "2023")
        let url = try AtomicFile.write("briefing", to: "latest/briefing.html", under: root)
        #expect(try String(contentsOf: real.appendingPathComponent("briefing.html"), encoding: .utf8) == "briefing")
        #expect(url.resolvingSymlinksInPath().path == real.appendingPathComponent("briefing.html").resolvingSymlinksInPath().path)
    }

    @Test func leavesNoTemporaryFileWhenWritingFails() throws {
        try AtomicFile.write("original", to: "report.html", under: root)
        struct DiskFull: Error {}
        #expect(throws: DiskFull.self) {
            _ = try AtomicFile.write(Data("half".utf8), to: "report.html", under: root, beforeRename: { throw DiskFull() })
        }
        #expect(listing(root) == ["report.html"])
        #expect(try String(contentsOf: root.appendingPathComponent("report.html"), encoding: .utf8) == "original")

        try FileManager.default.createDirectory(at: root.appendingPathComponent("charts"), withIntermediateDirectories: true)
        #expect(throws: AtomicFileError.isAFolder("charts")) { try AtomicFile.write("x", to: "charts", under: root) }
        #expect(throws: AtomicFileError.notAFolder("report.html")) { try AtomicFile.write("x", to: "report.html/inner.txt", under: root) }
        #expect(listing(root) == ["charts", "report.html"])
        #expect(listing(root.appendingPathComponent("charts")).isEmpty)
    }
}
