import Foundation
import Testing

/// Counts that agree (issue 16): `corpus:quotes()`, the briefing and who_said_what count the
/// same quotations and say what they leave out in the same words (`dossier.util.quote_summary`).
@Suite struct QuoteCountsCLITests {
    @Test func theBriefingWhoSaidWhatAndCorpusQuotesReconcile() throws {
        let run = try LibraryRun()
        let counts = try run.dossier(["eval"], ["""
            local n = {full = 0, partial = 0, scare = 0}
            local all = corpus:quotes()
            for _, q in ipairs(all) do n[q.kind] = n[q.kind] + 1 end
            print(#all, n.full, n.partial, n.scare)
            print(dossier.util.quote_summary(all))
            """])
        #expect(counts.status == 0, "\(counts.stderr)")
        let lines = counts.stdout.split(separator: "\n").map(String.init)
        let n = lines[0].split(separator: "\t").compactMap { Int($0) }
        try #require(n.count == 4)
        let (all, full, partial, scare) = (n[0], n[1], n[2], n[3])
        #expect(all == full + partial + scare)
        #expect(full > 0 && partial > 0 && scare > 0, "the seeds hold every kind, so each view leaves something out")
        #expect(lines[1] == "\(all) quotations (\(full) full, \(partial) partial, \(scare) scare)")

        // who_said_what leaves out scare quotes (one or two quoted words nobody said).
        let who = try run.script("who_said_what")
        #expect(who.status == 0, "\(who.stderr)")
        #expect(who.stdout.contains("\(full + partial) of \(all) quotations (\(full) full, \(partial) partial; left out: \(scare) scare) by "),
                "\(who.stdout.prefix(300))")
        // with --full it leaves out the fragments too, in the same words
        let whoFull = try run.script("who_said_what", ["--full"])
        #expect(whoFull.stdout.contains("\(full) of \(all) quotations (\(full) full; left out: \(partial) partial, \(scare) scare) by "),
                "\(whoFull.stdout.prefix(300))")

        // The briefing shows full quotations only.
        let briefing = try run.script("briefing")
        #expect(briefing.status == 0, "\(briefing.stderr)")
        #expect(briefing.stderr.contains("quotes     \(full) of \(all) quotations (\(full) full; left out: \(partial) partial, \(scare) scare); most quoted: "),
                "\(briefing.stderr)")
    }
}
