import Testing
@testable import NewsText

/// `ByteSize` is the one way byte counts are written for people: load warnings, `--max-memory`
/// refusals from the Lua side, work limits and `dossier archive info` all read the same.
@Suite struct ByteSizeTests {
    @Test func bytesAreWrittenInTheBinaryUnitsUsersGive() {
        #expect(ByteSize.text(20 << 20) == "20 MB")
        #expect(ByteSize.text(2 << 30) == "2 GB")
        #expect(ByteSize.text(10_000_000_000) == "9.3 GB")
        #expect(ByteSize.text(512) == "512 bytes")
        #expect(ByteSize.text(1536 << 10) == "1.5 MB")
        #expect(ByteSize.text(100_000) == "97.7 KB")
        #expect(ByteSize.text(1023) == "1023 bytes")
    }

    @Test func theLargestCountIsStillWritten() {
        #expect(ByteSize.text(Int.max).hasSuffix(" GB"))
    }
}
