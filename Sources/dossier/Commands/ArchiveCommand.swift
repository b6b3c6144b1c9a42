import ArgumentParser
import Corpus
import Foundation

/// `dossier archive info|verify ARCHIVE`: what an archive holds, and a full check of its files.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Inspect a saved archive (dossier index).",
        subcommands: [Info.self, Verify.self]
    )

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Documents, segments, size, stored analyses and format version of an archive.")

        @Argument(help: ArgumentHelp("The archive folder.", valueName: "archive"))
        var archive: String

        func run() throws {
            let info: ArchiveInfo
            do {
                info = try DossierArchive.info(archive)
            } catch {
                Terminal.printError("dossier: \(error.description)")
                throw ExitCode(1)
            }
            print(ArchiveCommand.describe(info))
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read every byte of an archive against its checksums and check its structure.")

        @Argument(help: ArgumentHelp("The archive folder.", valueName: "archive"))
        var archive: String

        func run() throws {
            do {
                try DossierArchive.verify(archive)
            } catch {
                Terminal.printError("dossier: \(error.description)")
                throw ExitCode(1)
            }
            print("\(archive): every file matches its checksum")
        }
    }

    static func describe(_ info: ArchiveInfo) -> String {
        var lines = [
            "archive   \(info.path)",
            "format    version \(info.formatVersion), generation \(info.generation)",
            "documents \(info.documents)\(info.deleted > 0 ? " (\(info.deleted) removed, kept on disk until dossier index --compact)" : "") in \(info.segments) segment\(info.segments == 1 ? "" : "s"), "
                + "\(info.batches) batch\(info.batches == 1 ? "" : "es") (\(info.tokens) tokens, \(info.terms) terms)",
            "size      \(size(info.totalBytes))",
            "created   \(info.created)",
            "updated   \(info.updated)",
            "sources   \(info.sources.joined(separator: ", "))",
            "analyses  \(analyses(info))",
        ]
        let width = max(16, (info.files + info.analyses).map(\.name.count).max() ?? 0)
        for file in info.files { lines.append("  \(file.name.padding(toLength: width, withPad: " ", startingAt: 0)) \(size(file.bytes))") }
        for file in info.analyses {
            lines.append("  \(file.name.padding(toLength: width, withPad: " ", startingAt: 0)) \(size(file.bytes))  (\(file.part))")
        }
        return lines.joined(separator: "\n")
    }

    /// The stored analyses line: which, how big, and whether they are current.
    static func analyses(_ info: ArchiveInfo) -> String {
        guard !info.analyses.isEmpty else { return "none stored (computed on first use; dossier index --annotate stores them)" }
        let total = info.analyses.reduce(0) { $0 + $1.bytes }
        let list = info.analyses.map { "\($0.part) \(size($0.bytes))" }.joined(separator: ", ")
        let state = info.analysesCurrent
            ? "computed \(info.analysesComputed ?? "")"
            : "STALE: the archive was written after they were computed; not used (run dossier index --annotate)"
        return "\(list) (\(size(total)); \(state))"
    }

    /// Sizes as load warnings and limit messages write them (`ByteSize`: binary units).
    static func size(_ bytes: Int) -> String { ByteSize.text(bytes) }
}
