import Foundation
@testable import Corpus

/// Gzip data made by the system's `gzip`, as an analyst's files are made.
enum GzipFixture {
    /// `bytes` compressed by `gzip -c -n` (one member).
    static func gzip(_ bytes: [UInt8], level: Int = 6) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        try Data(bytes).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-c", "-n", "-\(level)", input.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return [UInt8](data)
    }

    static func gzip(_ text: String) throws -> [UInt8] {
        try gzip(Array(text.utf8))
    }

    /// The seed articles of the repository, as bytes.
    static func seeds() throws -> [(name: String, bytes: [UInt8])] {
        let folder = HTMLTestPages.repository.appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { ($0, [UInt8](try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }
}
