import Testing
@testable import NewsText

/// `CountText` is the one way counts are written for people: the REPL's summaries, the Lua
/// side's limit messages and the HTML reports' "Top 50 of 95,031" notes read the same.
@Suite struct CountTextTests {
    @Test func thousandsAreSeparatedByCommas() {
        #expect(CountText.grouped(0) == "0")
        #expect(CountText.grouped(999) == "999")
        #expect(CountText.grouped(1000) == "1,000")
        #expect(CountText.grouped(12_034) == "12,034")
        #expect(CountText.grouped(5_000_000) == "5,000,000")
        #expect(CountText.grouped(-1024) == "-1,024")
    }

    @Test func theExtremesAreWrittenWithoutTrapping() {
        #expect(CountText.grouped(Int.max) == "9,223,372,036,854,775,807")
        #expect(CountText.grouped(Int.min) == "-9,223,372,036,854,775,808")
    }
}
