import ArgumentParser
import Corpus
import Foundation
import Scripting

/// `dossier index PATH… -o NAME.dossier`, `dossier index --add PATH… ARCHIVE`, `--remove ID… ARCHIVE`
/// and `--compact ARCHIVE`: loads corpora and saves them as an archive (or adds them to one,
/// removes documents from one, compacts one) that
/// `--corpus NAME.dossier` and `dossier.open` then open by mapping (docs/guide.md, "Keeping an archive").
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Save a corpus as an archive that opens in a blink, or add articles to one.",
        discussion: """
        dossier index news/ -o news.dossier
            writes the archive (each further PATH is added to it)
        dossier index --add today/ news.dossier
            adds today's articles without rewriting the others
            (an article whose id is archived replaces it)
        dossier index --remove ID… news.dossier
            removes articles by id
        dossier index --compact news.dossier
            drops removed articles from disk, one batch
        dossier index --annotate news.dossier
            stores the analyses (entities, quotations, dates, claims) in it;
            --add and --remove then update them, --compact keeps them
        Then: dossier --corpus news.dossier. Writing over an existing archive
        replaces it safely (new files, then the manifest); a second writer at
        the same time is refused.
        """
    )

    @Argument(help: ArgumentHelp("The corpus folders or files to read (with --add: then the archive; with --remove: the ids, then the archive; with --compact: the archive).", valueName: "path"))
    var paths: [String]

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The archive folder to write (NAME.dossier).", valueName: "archive"))
    var output: String?

    @Flag(name: .long, help: "Add the PATHs to the archive given last, as new segments.")
    var add = false

    @Flag(name: .long, help: "Remove the documents with the ids given from the archive given last.")
    var remove = false

    @Flag(name: .long, help: "Rewrite the archive as one batch without its removed documents.")
    var compact = false

    @Option(name: .long, help: ArgumentHelp("Read every corpus file as this format: txt, jsonl, json, csv, tsv, html or warc (default: by extension, else by content).", valueName: "format"))
    var format: String?

    @Option(name: .long, help: ArgumentHelp("Input fields for the text, title, date…: ROLE=NAME,….", valueName: "map"))
    var fields: String?

    @Flag(name: .long, help: "Compute the analyses (entities, quotations, dates, claims and conflicts) and store them in the archive (alone: dossier index --annotate ARCHIVE).")
    var annotate = false

    @Flag(name: .long, help: "No warnings or progress on standard error.")
    var quiet = false

    func validate() throws {
        if let format {
            do { _ = try DocumentFormat.named(format) } catch { throw ValidationError("--format: \(error)") }
        }
        if let fields {
            do { _ = try FieldNames.mapping(fields) } catch { throw ValidationError("--fields: \(error)") }
        }
        if [add, remove, compact].filter({ $0 }).count > 1 {
            throw ValidationError("give one of --add, --remove and --compact")
        }
        if remove || compact {
            guard output == nil else { throw ValidationError("--\(remove ? "remove" : "compact") takes the archive last, not with -o") }
            guard format == nil, fields == nil else { throw ValidationError("--format and --fields are for reading sources") }
            if remove {
                guard paths.count >= 2 else { throw ValidationError("--remove needs the ids to remove and the ARCHIVE: dossier index --remove ID… ARCHIVE") }
            } else {
                guard paths.count == 1 else { throw ValidationError("--compact takes one ARCHIVE") }
            }
            return
        }
        if annotate, !add, output == nil {
            guard paths.count == 1 else { throw ValidationError("--annotate alone takes one ARCHIVE: dossier index --annotate ARCHIVE") }
            return
        }
        if add {
            guard output == nil else { throw ValidationError("--add takes the archive last, not with -o: dossier index --add PATH… ARCHIVE") }
            guard paths.count >= 2 else { throw ValidationError("--add needs a PATH to read and the ARCHIVE to add to") }
        } else {
            guard output != nil else { throw ValidationError("give the archive to write with -o NAME.dossier (or --add PATH… ARCHIVE)") }
            guard !paths.isEmpty else { throw ValidationError("give the corpus folder or file to read") }
        }
        let archive = add ? paths[paths.count - 1] : output ?? ""
        if paths.dropLast(add ? 1 : 0).contains(archive) { throw ValidationError("the corpus and the archive are the same folder") }
    }

    func run() throws {
        if remove || compact {
            // An annotated archive keeps its analyses current: --remove has them brought up to
            // date; --compact keeps the documents and so the analyses as they are.
            let archive = paths[paths.count - 1]
            let wasAnnotated = (try? DossierArchive.info(archive))?.analyses.isEmpty == false
            try rewrite(archive)
            let current = (try? DossierArchive.info(archive))?.analysesCurrent == true
            if annotate || (wasAnnotated && !current) { try annotateArchive(archive) }
            return
        }
        if annotate, !add, output == nil { return try annotateArchive(paths[0]) }
        let archive = add ? paths[paths.count - 1] : output ?? ""
        // An annotated archive keeps its analyses current: they are computed again after --add.
        let wasAnnotated = add && (try? DossierArchive.info(archive))?.analyses.isEmpty == false
        let sources = add ? Array(paths.dropLast()) : paths
        var options = CorpusLoader.Options()
        options.format = format.flatMap { try? DocumentFormat.named($0) }
        options.fields = fields.flatMap { try? FieldNames.mapping($0) } ?? .standard
        for (i, path) in sources.enumerated() {
            let start = Date()
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
                info = add || i > 0 ? try DossierArchive.add(corpus, to: archive, sources: [path])
                    : try DossierArchive.write(corpus, to: archive, sources: [path])
            } catch {
                Terminal.printError("dossier: \(error.description)")
                throw ExitCode(1)
            }
            let written = Date()
            let replaced = info.replaced > 0 ? " (replacing \(info.replaced) with the same id)" : ""
            let verb = add || i > 0 ? "added \(corpus.count) documents\(replaced) to" : "wrote"
            print("\(verb) \(archive): \(info.documents) documents, \(info.segments) segment\(info.segments == 1 ? "" : "s"), "
                  + "\(ArchiveCommand.size(info.totalBytes)) (read in \(String(format: "%.2f s", loaded.timeIntervalSince(start))), "
                  + "written in \(String(format: "%.2f s", written.timeIntervalSince(loaded))))")
        }
        if annotate || wasAnnotated { try annotateArchive(archive) }
    }

    /// Computes and stores the archive's analyses, saying how long each took.
    private func annotateArchive(_ archive: String) throws {
        guard DossierArchive.isArchive(archive) else {
            Terminal.printError("dossier: \(archive) is not a dossier archive (make one with dossier index PATH -o \(archive))")
            throw ExitCode(1)
        }
        let start = Date()
        let seconds: [(analysis: String, seconds: Double)]
        do {
            seconds = try DossierArchive.annotate(archive)
        } catch let error as ArchiveError {
            Terminal.printError("dossier: \(error.description)")
            throw ExitCode(1)
        }
        let info = try DossierArchive.info(archive)
        let stored = info.analyses.reduce(0) { $0 + $1.bytes }
        print("annotated \(archive): \(info.analyses.map(\.part).joined(separator: ", ")) stored (\(ArchiveCommand.size(stored))) in "
              + String(format: "%.2f s", Date().timeIntervalSince(start)) + " ("
              + seconds.map { "\($0.analysis) " + String(format: "%.1f s", $0.seconds) }.joined(separator: ", ") + ")")
    }

    /// `--remove` and `--compact`.
    private func rewrite(_ archive: String) throws {
        let start = Date()
        let info: ArchiveInfo
        do {
            info = remove ? try DossierArchive.remove(Array(paths.dropLast()), from: archive) : try DossierArchive.compact(archive)
        } catch {
            Terminal.printError("dossier: \(error.description)")
            throw ExitCode(1)
        }
        let took = String(format: "%.2f s", Date().timeIntervalSince(start))
        let verb = remove ? "removed \(paths.count - 1) document\(paths.count == 2 ? "" : "s") from" : "compacted"
        let pending = info.deleted > 0 ? ", \(info.deleted) removed until --compact" : ""
        print("\(verb) \(archive): \(info.documents) documents\(pending), \(info.segments) segment\(info.segments == 1 ? "" : "s"), "
              + "\(ArchiveCommand.size(info.totalBytes)) (in \(took))")
    }
}
