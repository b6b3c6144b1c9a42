import Foundation
import Testing
@testable import Corpus

/// The gzip decoder on files made by the system's `gzip`: whole, concatenated, cut short,
/// damaged, padded, and a bomb.
@Suite struct GzipDecoderTests {
    @Test func decodesWhatGzipWrote() throws {
        for seed in try GzipFixture.seeds() {
            let packed = try GzipFixture.gzip(seed.bytes)
            #expect(GzipDecoder.isGzip(packed))
            #expect(!GzipDecoder.isGzip(seed.bytes))
            let (bytes, problem) = try GzipDecoder(limit: 1 << 24).decompress(packed)
            #expect(problem == nil, "\(seed.name)")
            #expect(bytes == seed.bytes, "\(seed.name)")
        }
    }

    @Test func decodesOutputLargerThanOneChunk() throws {
        // A real page repeated past several 64 KB chunks, at the strongest level.
        let seed = try GzipFixture.seeds()[0].bytes
        let large = Array((0..<60).map { _ in seed }.joined())
        #expect(large.count > 4 * GzipDecoder.chunkSize)
        let (bytes, problem) = try GzipDecoder(limit: 1 << 26).decompress(try GzipFixture.gzip(large, level: 9))
        #expect(problem == nil)
        #expect(bytes == large)
    }

    @Test func concatenatedMembersDecodeAsOneStreamAndAreMarked() throws {
        let seeds = try GzipFixture.seeds()
        let first = try GzipFixture.gzip(seeds[0].bytes)
        let second = try GzipFixture.gzip(seeds[1].bytes)
        let third = try GzipFixture.gzip(seeds[2].bytes)
        let joined = first + second + third
        var members: [Int] = []
        var output: [UInt8] = []
        let problems = try joined.withUnsafeBytes { raw in
            try GzipDecoder(limit: 1 << 24).decode(raw) { event in
                switch event {
                case .member(let offset): members.append(offset)
                case .bytes(let chunk): output.append(contentsOf: chunk)
                case .problem: break
                }
            }
        }
        #expect(problems.isEmpty)
        #expect(members == [0, first.count, first.count + second.count])
        #expect(output == seeds[0].bytes + seeds[1].bytes + seeds[2].bytes)
    }

    @Test func aTruncatedStreamKeepsWhatWasDecodedAndNamesTheOffset() throws {
        let seed = try GzipFixture.seeds()[1].bytes
        let whole = try GzipFixture.gzip(seed)
        let cut = Array(whole.prefix(whole.count / 2))
        let (bytes, problem) = try GzipDecoder(limit: 1 << 24).decompress(cut)
        let found = try #require(problem)
        #expect(found.kind == .truncated)
        #expect(found.offset == cut.count)
        #expect(found.memberOffset == 0)
        #expect(found.decoded == bytes.count)
        #expect(!bytes.isEmpty && bytes.count < seed.count)
        #expect(Array(seed.prefix(bytes.count)) == bytes)
        #expect(found.description.contains("truncated at byte \(cut.count)"))

        // Cut inside the trailer (checksum and length) of the second member: the first is whole.
        let first = try GzipFixture.gzip(GzipFixture.seeds()[0].bytes)
        let two = first + whole.dropLast(3)
        let (kept, late) = try GzipDecoder(limit: 1 << 24).decompress(Array(two))
        #expect(late?.kind == .truncated)
        #expect(late?.memberOffset == first.count)
        #expect(kept.starts(with: try GzipFixture.seeds()[0].bytes))

        // Cut inside the header.
        let (nothing, early) = try GzipDecoder(limit: 1 << 24).decompress(Array(whole.prefix(5)))
        #expect(early?.kind == .truncated)
        #expect(nothing.isEmpty)
    }

    @Test func corruptDataIsReportedAndTheNextMemberRecovers() throws {
        let seeds = try GzipFixture.seeds()
        var damaged = try GzipFixture.gzip(seeds[0].bytes)
        // Overwrite deflate data in the middle of the member.
        for i in (damaged.count / 2)..<(damaged.count / 2 + 16) { damaged[i] ^= 0x5A }
        let good = try GzipFixture.gzip(seeds[1].bytes)
        let joined = damaged + good

        let (bytes, problem) = try GzipDecoder(limit: 1 << 24).decompress(joined)
        guard case .corrupt = problem?.kind else {
            Issue.record("expected corrupt data, got \(String(describing: problem))")
            return
        }
        #expect(problem?.memberOffset == 0)
        #expect((problem?.offset ?? 0) < damaged.count)
        #expect(!bytes.starts(with: seeds[1].bytes) || seeds[1].bytes.isEmpty)

        var output: [UInt8] = []
        var members: [Int] = []
        let problems = try joined.withUnsafeBytes { raw in
            try GzipDecoder(limit: 1 << 24, resynchronize: true).decode(raw) { event in
                switch event {
                case .member(let offset): members.append(offset)
                case .bytes(let chunk): output.append(contentsOf: chunk)
                case .problem: break
                }
            }
        }
        #expect(problems.count == 1)
        #expect(members.last == damaged.count)
        let tail = Array(output.suffix(seeds[1].bytes.count))
        #expect(tail == seeds[1].bytes)
    }

    @Test func padding_isSkipped_andOtherTrailingBytesAreReported() throws {
        let seed = try GzipFixture.seeds()[2].bytes
        let packed = try GzipFixture.gzip(seed)
        let (padded, none) = try GzipDecoder(limit: 1 << 24).decompress(packed + [UInt8](repeating: 0, count: 512))
        #expect(none == nil)
        #expect(padded == seed)
        let (bytes, garbage) = try GzipDecoder(limit: 1 << 24).decompress(packed + Array("not gzip".utf8))
        #expect(garbage?.kind == .trailingGarbage)
        #expect(garbage?.offset == packed.count)
        #expect(bytes == seed)
    }

    @Test func aGzipBombStopsAtTheLimit() throws {
        // 64 MB of zeros pack into about 64 KB; the limit stops at 1 MB.
        let bomb = try GzipFixture.gzip([UInt8](repeating: 0, count: 64 << 20), level: 9)
        #expect(bomb.count < 1 << 17)
        let limit = 1 << 20
        var largestChunk = 0
        var total = 0
        let problems = try bomb.withUnsafeBytes { raw in
            try GzipDecoder(limit: limit).decode(raw) { event in
                if case .bytes(let chunk) = event {
                    largestChunk = max(largestChunk, chunk.count)
                    total += chunk.count
                }
            }
        }
        #expect(problems.count == 1)
        #expect(problems.first?.kind == .tooLarge(limit: limit))
        #expect(total == limit)
        #expect(largestChunk <= GzipDecoder.chunkSize)
        #expect(problems.first?.description.contains("more than \(limit) bytes") == true)
    }

    @Test func anInterruptStopsTheDecoding() throws {
        let seed = try GzipFixture.seeds()[0].bytes
        let packed = try GzipFixture.gzip(Array((0..<40).map { _ in seed }.joined()))
        let token = Cancellation()
        token.interrupt()
        #expect(throws: WorkLimit.interrupted) {
            _ = try GzipDecoder(limit: 1 << 26, cancellation: token).decompress(packed)
        }
    }

    @Test func emptyAndTinyInputs() throws {
        let (empty, none) = try GzipDecoder(limit: 100).decompress([UInt8]())
        #expect(empty.isEmpty && none == nil)
        let (one, truncated) = try GzipDecoder(limit: 100).decompress([0x1F])
        #expect(one.isEmpty)
        #expect(truncated?.kind == .truncated)
        // An empty file, gzipped, is a valid member with no output.
        let (nothing, fine) = try GzipDecoder(limit: 100).decompress(try GzipFixture.gzip([UInt8]()))
        #expect(nothing.isEmpty && fine == nil)
    }
}
