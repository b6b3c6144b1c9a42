import ArgumentParser
import Corpus
import Foundation

/// `dossier extract-html FILE…`: a debugging and evaluation command (hidden from help) that runs
/// the HTML reader's extractor on saved web pages and prints, per page, one JSON object with the
/// metadata, where each value came from, and the main text. `scripts/eval-html` scores it.
///
/// `--stats` reads every page first, then times the extraction alone (after `--warmup` rounds),
/// and prints pages per second and peak memory to standard error.
struct ExtractHTMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract-html",
        abstract: "Print the main text and metadata the HTML reader extracts from web pages (JSON Lines).",
        shouldDisplay: false
    )

    @Argument(help: ArgumentHelp("Saved web pages (.html).", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("The address the pages were found at.", valueName: "url"))
    var url: String?

    @Flag(name: .long, help: "Time the extraction and report pages/s and peak memory on standard error.")
    var stats = false

    @Option(name: .long, help: ArgumentHelp("Timed rounds over all pages (with --stats).", valueName: "n"))
    var rounds: Int = 3

    @Flag(name: .long, help: "Print no JSON (with --stats).")
    var quiet = false

    @Flag(name: .long, help: "Instead of JSON, list every block with its class and whether it was chosen.")
    var explain = false

    func run() throws {
        let rssStart = Self.peakResidentKB()
        var pages: [(String, [UInt8])] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("dossier: \(file): cannot read\n".utf8))
                throw ExitCode(1)
            }
            pages.append((file, [UInt8](data)))
        }
        let rssRead = Self.peakResidentKB()
        if explain {
            for page in pages {
                print("== \(page.0)")
                print(page.1.withUnsafeBytes { HTMLExtractor.explain($0) })
            }
            return
        }
        var articles: [HTMLArticle] = []
        let clock = ContinuousClock()
        var elapsed = Duration.zero
        let timed = stats ? max(1, rounds) : 1
        for round in 0..<timed {
            let started = clock.now
            let results = pages.map { HTMLExtractor.extract($0.1, url: url) }
            elapsed += clock.now - started
            if round == 0 { articles = results }
        }
        if !quiet {
            for (page, article) in zip(pages, articles) {
                FileHandle.standardOutput.write(Self.json(file: page.0, article) + Data("\n".utf8))
            }
        }
        if stats {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let bytes = pages.reduce(0) { $0 + $1.1.count }
            let count = pages.count * timed
            let peak = Self.peakResidentKB()
            let largest = pages.map(\.1.count).max() ?? 0
            let line = String(
                format: "pages %d  input %.1f MB  time %.3f s  %.1f pages/s  %.1f MB/s  rss: start %.1f MB, after reading %.1f MB, peak %.1f MB (extraction %.1f MB = %.2fx the input, %.2fx the largest page)\n",
                count, Double(bytes) / 1e6, seconds, Double(count) / seconds, Double(bytes * timed) / 1e6 / seconds,
                Double(rssStart) / 1024, Double(rssRead) / 1024, Double(peak) / 1024, Double(peak - rssRead) / 1024,
                Double((peak - rssRead) * 1024) / Double(max(bytes, 1)), Double((peak - rssRead) * 1024) / Double(max(largest, 1)))
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    static func json(file: String, _ a: HTMLArticle) -> Data {
        var object: [String: Any] = [
            "file": file, "authors": a.authors, "text": a.text, "warnings": a.warnings,
            "blocks": a.blocks.map { ["kind": $0.kind.rawValue, "level": $0.level, "text": $0.text] as [String: Any] },
        ]
        let fields: [(String, String?)] = [
            ("title", a.title), ("date", a.date), ("site", a.siteName), ("url", a.url), ("language", a.language),
            ("description", a.description),
        ]
        for (key, value) in fields { object[key] = value ?? NSNull() }
        let s = a.sources
        let sources: [(String, String?)] = [
            ("title", s.title), ("date", s.date), ("site", s.siteName), ("authors", s.authors), ("url", s.url),
            ("language", s.language),
        ]
        object["sources"] = Dictionary(uniqueKeysWithValues: sources.compactMap { k, v in v.map { (k, $0) } })
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }

    /// The process's peak resident memory in KB.
    static func peakResidentKB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss)
    }
}
