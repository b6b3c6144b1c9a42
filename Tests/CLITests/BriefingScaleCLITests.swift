import Foundation
import Testing

/// The briefing of a corpus larger than its page (issue 15): every section shows at most TOP
/// rows with "N more", and links the whole list, written as a CSV file beside the page.
@Suite struct BriefingScaleCLITests {
    /// A corpus of `copies` rewrites of the seeds: each copy with its own source and date (a
    /// header block) and its paragraphs in another order, so sources, dates, speakers and
    /// shared claims all outnumber a small cap.
    func seedCopies(_ copies: Int, in folder: URL) throws {
        let seeds = CLI.projectRoot.appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for copy in 0..<copies {
            for (i, name) in names.enumerated() {
                let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
                var paragraphs = text.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
                let title = paragraphs.removeFirst()
                let shift = paragraphs.isEmpty ? 0 : copy % paragraphs.count
                paragraphs = Array(paragraphs[shift...] + paragraphs[..<shift])
                let header = "Title: \(title)\nDate: \(10 + copy % 18) June 2023\nSource: Outlet \(copy)\n\n"
                try (header + paragraphs.joined(separator: "\n\n") + "\n")
                    .write(to: folder.appendingPathComponent(String(format: "copy%02d-%d.txt", copy, i)), atomically: true, encoding: .utf8)
            }
        }
    }

    /// The CSV records of `text` (RFC 4180: quoted fields may hold commas and line breaks).
    func csvRecords(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append(c); chars.removeFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { record.append(field); field = ""
            } else if c == "\r" { continue
            } else if c == "\n" { record.append(field); records.append(record); record = []; field = ""
            } else { field.unicodeScalars.append(c) }
        }
        return records
    }

    @Test func sectionsAreCappedAndLinkTheirWholeListsAsCSV() throws {
        let run = try LibraryRun()
        let corpus = run.out.deletingLastPathComponent().appendingPathComponent("corpus")
        try seedCopies(24, in: corpus)
        let top = 10
        let briefing = try run.dossier(["run"], ["--corpus", corpus.path, "scripts/briefing.lua", "briefing.html", "\(top)"])
        #expect(briefing.status == 0, "\(briefing.stderr)")
        let html = try #require(run.written("briefing.html"))

        // No table body holds more than TOP rows.
        for body in html.components(separatedBy: "<tbody>").dropFirst() {
            let rows = body.components(separatedBy: "</tbody>")[0].components(separatedBy: "<tr>").count - 1
            #expect(rows <= top)
        }
        // Each note "Top 10 of N things; M more in F.csv" links a CSV of exactly N records.
        let note = try Regex(#"Top (\d+) of ([\d,]+) ([^;<]+); ([\d,]+) more in <a href="([^"]+)">"#)
        var linked: Set<String> = []
        for match in html.matches(of: note) {
            let shown = Int(match.output[1].substring ?? "") ?? -1
            let total = Int((match.output[2].substring ?? "").replacingOccurrences(of: ",", with: "")) ?? -1
            let more = Int((match.output[4].substring ?? "").replacingOccurrences(of: ",", with: "")) ?? -1
            let href = String(match.output[5].substring ?? "")
            #expect(shown == top && total > top && more == total - top, "\(match.output[0])")
            #expect(href.hasPrefix("briefing/") && href.hasSuffix(".csv"))
            linked.insert(href)
            let csv = try #require(run.written(href), "\(href) is linked but was not written")
            let records = csvRecords(csv)
            let noun = String(match.output[3].substring ?? "")
            // quotes.csv holds every quotation; the page's table counts different quotations.
            if noun != "different quotations" {
                #expect(records.count - 1 == total, "\(href): \(records.count - 1) rows, the page says \(total)")
            } else {
                #expect(records.count - 1 >= total)
            }
            #expect(Set(records.map(\.count)).count == 1, "\(href): ragged rows")
        }
        // The big lists of every section are among them.
        for name in ["documents", "sources", "speakers", "quotes", "dates", "people", "claims"] {
            #expect(linked.contains("briefing/\(name).csv"), "\(name).csv is not linked as capped: \(linked.sorted())")
        }
        // Pronouns are never speakers (sanity on mixed text): a paragraph moved to the front
        // leaves its "he said" without anyone named before it; such quotations count as
        // unattributed, and no pronoun is among the speakers.
        let quotes = csvRecords(try #require(run.written("briefing/quotes.csv")))
        let pronounQuotes = quotes.filter { $0.count > 1 && $0[1] == "pronoun" }
        #expect(!pronounQuotes.isEmpty, "the rotated seeds should hold unresolved pronoun attributions")
        #expect(pronounQuotes.allSatisfy { $0[0] == "unattributed" })
        let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i", "you", "him", "her", "them"]
        let speakers = csvRecords(try #require(run.written("briefing/speakers.csv"))).dropFirst().map { $0[0].lowercased() }
        #expect(!speakers.isEmpty && speakers.allSatisfy { !pronouns.contains($0) }, "\(speakers)")

        // The summary on standard error names what is biggest.
        #expect(briefing.stderr.contains("most quoted: Antony Blinken") || briefing.stderr.contains("most quoted: Joe Biden"), "\(briefing.stderr)")
        #expect(briefing.stderr.contains("largest source Outlet "), "\(briefing.stderr)")
    }

    /// Key terms keep to the corpus's main script: the seeds (English) with six Chinese,
    /// Japanese and Thai news articles from ../shared/devdata (skipped without it).
    @Test func keyTermsKeepToTheMainScriptAndListOthersApart() throws {
        let devdata = CLI.projectRoot.deletingLastPathComponent().appendingPathComponent("shared/devdata/news-html/txt")
        let foreign = ["chinese_article", "chinese_article_001", "chinese_article_002", "japanese_article", "japanese_article2", "thai_article"]
        guard FileManager.default.fileExists(atPath: devdata.appendingPathComponent("chinese_article.txt").path) else { return }
        let run = try LibraryRun()
        let corpus = run.out.deletingLastPathComponent().appendingPathComponent("mixed")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let seeds = CLI.projectRoot.appendingPathComponent("seeds")
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) {
            try FileManager.default.copyItem(at: seeds.appendingPathComponent(name), to: corpus.appendingPathComponent(name))
        }
        for name in foreign {
            try FileManager.default.copyItem(at: devdata.appendingPathComponent(name + ".txt"), to: corpus.appendingPathComponent(name + ".txt"))
        }
        // Without the rule, lone characters are among the corpus's most frequent words.
        let plain = try run.dossier(["eval"], ["--corpus", corpus.path, "return corpus:frequencies({top = 20}):pluck('term'):concat(' ')"])
        #expect(plain.stdout.unicodeScalars.contains { $0.value >= 0x3400 && $0.value < 0xA000 }, "\(plain.stdout)")

        let briefing = try run.dossier(["run"], ["--corpus", corpus.path, "scripts/briefing.lua"])
        #expect(briefing.status == 0, "\(briefing.stderr)")
        let terms = csvRecords(try #require(run.written("briefing/terms.csv"))).dropFirst().map { $0[0] }
        #expect(terms.count > 100)
        #expect(terms.allSatisfy { term in term.unicodeScalars.allSatisfy { $0.value < 0x2E80 } }, "\(terms.filter { $0.unicodeScalars.contains { $0.value >= 0x2E80 } }.prefix(10))")
        #expect(terms.prefix(3).contains("china"), "\(terms.prefix(5))")
        let line = briefing.stderr.components(separatedBy: "\n").first { $0.hasPrefix("terms ") } ?? ""
        #expect(line.contains("frequent words in other scripts (CJK, Kana, Thai)"), "\(line)")
        let html = try #require(run.written("briefing.html"))
        #expect(html.contains("Frequent words in other scripts than Latin, kept apart from the lists above: CJK: "))
    }
}
