import Foundation
import Testing

/// Long analyses say how far they have got on standard error (plain lines when it is not a
/// terminal), `--quiet` silences them, and `--timeout` stops them — the briefing too — with the
/// limit's message and no crash.
@Suite struct AnalysisProgressCLITests {
    @Test func longAnalysesShowProgressUntilTheTimeoutStopsThem() throws {
        // The seeds 600 times over in one document (about 2 million words): a debug build takes
        // far longer than 4 s for its entities and quotations even on a quiet machine (120 copies
        // took under 4 s there).
        let corpus = try WorkLimitCLITests.bigCorpus(copies: 600)
        guard let (r, elapsed) = try WorkLimitCLITests.run(["eval", "--timeout", "4", "--corpus", corpus.url.path,
                                                             "return #corpus:quotes()"], within: 120) else { return }
        #expect(r.status == 1)
        #expect(r.stderr.contains("time limit of 4 s exceeded"), "\(r.stderr)")
        // The entity index is built first (speakers are resolved to entities): its progress shows.
        let lines = r.stderr.split(separator: "\n").filter { $0.hasPrefix("entities: ") }
        #expect(!lines.isEmpty, "\(r.stderr)")
        #expect(lines.allSatisfy { $0.hasSuffix(" s") }, "\(r.stderr)")
        #expect(!r.stderr.contains("\r"), "no in-place line when standard error is not a terminal")
        #expect(elapsed < 100)

        guard let (quiet, _) = try WorkLimitCLITests.run(["eval", "--quiet", "--timeout", "3", "--corpus", corpus.url.path,
                                                           "return #corpus:entities()"], within: 120) else { return }
        #expect(quiet.status == 1)
        #expect(quiet.stderr.contains("time limit of 3 s exceeded"), "\(quiet.stderr)")
        #expect(!quiet.stderr.contains("entities: "), "\(quiet.stderr)")
    }

    @Test func theTimeoutStopsABriefing() throws {
        let corpus = try WorkLimitCLITests.bigCorpus()
        let out = corpus.url.appendingPathComponent("out").path
        guard let (r, elapsed) = try WorkLimitCLITests.run(["run", "--timeout", "3", "--out", out, "--corpus", corpus.url.path,
                                                             "scripts/briefing.lua", "briefing.html"], within: 120) else { return }
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("time limit of 3 s exceeded"), "\(r.stderr)")
        #expect(r.stderr.contains("stopped by --timeout"), "\(r.stderr)")
        #expect(elapsed < 100)
    }
}
