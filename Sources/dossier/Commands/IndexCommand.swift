import ArgumentParser
import Corpus
import Foundation
import Scripting

/// `dossier index PATH -o NAME.dossier`: loads a corpus and saves it as an archive that
/// `--corpus NAME.dossier` and `dossier.open` then open by mapping (docs/guide.md, "Keeping an archive").
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Save a corpus as an archive that opens in a blink.",
        discussion: """
        Example: dossier index news/ -o news.dossier, then dossier --corpus news.dossier.
        Writing over an existing archive replaces it safely (new files, then the manifest).
        """
    )

    @Argument(help: ArgumentHelp("The corpus folder or file to read.", valueName: "path"))
    var path: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The archive folder to write (NAME.dossier).", valueName: "archive"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("Read every corpus file as this format: txt, jsonl, json, csv, tsv, html or warc (default: by extension, else by content).", valueName: "format"))
    var format: String?

    @Option(name: .long, help: ArgumentHelp("Input fields for the text, title, date…: ROLE=NAME,….", valueName: "map"))
    var fields: String?

    @Flag(name: .long, help: "No warnings or progress on standard error.")
    var quiet = false

    func validate() throws {
        if let format {
            do { _ = try DocumentFormat.named(format) } catch { throw ValidationError("--format: \(error)") }
        }
        if let fields {
            do { _ = try FieldNames.mapping(fields) } catch { throw ValidationError("--fields: \(error)") }
        }
        guard !DossierArchive.isArchive(path) || path != output else {
            throw ValidationError("the corpus and the archive are the same folder")
        }
    }

    func run() throws {
        let start = Date()
        var options = CorpusLoader.Options()
        options.format = format.flatMap { try? DocumentFormat.named($0) }
        options.fields = fields.flatMap { try? FieldNames.mapping($0) } ?? .standard
        let progress = !quiet && Terminal.isTerminal(FileHandle.standardError.fileDescriptor) ? ProgressBar.loading() : nil
        let corpus: Corpus
        do {
            corpus = try CorpusLoader.load(path: path, options: options, progress: progress)
        } catch {
            ProgressBar.clear()
            Terminal.printError("dossier: \(error.description)")
            throw ExitCode(2)
        }
        ProgressBar.clear()
        if !quiet { for warning in corpus.warnings { Terminal.printError("warning: \(warning)") } }
        let loaded = Date()
        let info: ArchiveInfo
        do {
            info = try DossierArchive.write(corpus, to: output, sources: [path])
        } catch {
            Terminal.printError("dossier: \(error.description)")
            throw ExitCode(1)
        }
        let written = Date()
        print("wrote \(output): \(info.documents) documents, \(info.segments) segments, "
              + "\(ArchiveCommand.size(info.totalBytes)) (read in \(String(format: "%.2f s", loaded.timeIntervalSince(start))), "
              + "written in \(String(format: "%.2f s", written.timeIntervalSince(loaded))))")
    }
}
