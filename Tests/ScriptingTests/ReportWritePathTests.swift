import Foundation
import LuaBridge
import Testing
@testable import Report
@testable import Scripting

/// A write that cannot succeed leaves nothing behind: names too long for the file system are
/// refused before any folder is made, and folders made for a write that fails are removed.
@Suite final class ReportWritePathTests {
    let base: URL
    let root: URL

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-write-\(UUID().uuidString)")
        root = base.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// Each test has its own folder; it goes with the test.
    deinit { try? FileManager.default.removeItem(at: base) }

    func listing(_ url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    @Test func aPathTooLongIsRefusedBeforeAnyFolderIsMade() throws {
        let deep = Array(repeating: "a", count: 2_040).joined(separator: "/") + "/x.txt"
        #expect(throws: AtomicFileError.self) { try AtomicFile.write("x", to: deep, under: root) }
        let error = try #require(errorMessage { try AtomicFile.write("x", to: deep, under: root) })
        #expect(error.contains("the path is too long"), "\(error)")
        #expect(listing(root).isEmpty)
    }

    @Test func aNameTooLongIsRefusedBeforeAnyFolderIsMade() throws {
        let long = String(repeating: "n", count: 256)
        for path in ["sub/\(long).txt", "\(long)/x.txt", "sub/deeper/" + String(repeating: "é", count: 128)] {
            let error = try #require(errorMessage { try AtomicFile.write("x", to: path, under: root) })
            #expect(error.contains("is too long"), "\(path): \(error)")
            #expect(listing(root).isEmpty, "\(path)")
        }
        // The longest name the file system takes still works (the temporary name is shorter).
        let longest = String(repeating: "m", count: 255)
        let url = try AtomicFile.write("ok", to: "sub/" + longest, under: root)
        #expect(url.lastPathComponent == longest)
        #expect(listing(root.appendingPathComponent("sub")) == [longest])
    }

    @Test func foldersMadeForAWriteThatFailsAreRemoved() throws {
        struct Injected: Error {}
        try FileManager.default.createDirectory(at: root.appendingPathComponent("kept"), withIntermediateDirectories: true)
        #expect(throws: Injected.self) {
            try AtomicFile.write(Data("x".utf8), to: "kept/new1/new2/file.txt", under: root, beforeRename: { throw Injected() })
        }
        #expect(listing(root) == ["kept"])
        #expect(listing(root.appendingPathComponent("kept")).isEmpty)
    }

    @Test func reportWriteOfATooLongPathLeavesNoFolders() throws {
        let session = try makeSession { $0.outputDirectory = root.path }
        let deep = Array(repeating: "a", count: 2_040).joined(separator: "/") + "/x.txt"
        do {
            try session.values("report.write('\(deep)', 'text')")
            Issue.record("expected an error")
        } catch let e as LuaError {
            #expect(e.message.contains("report.write: cannot write"), "\(e.message)")
            #expect(e.message.contains("too long"), "\(e.message)")
        }
        #expect(listing(root).isEmpty)
    }
}
