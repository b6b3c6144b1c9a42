import Foundation
import Testing
@testable import LuaBridge

/// The limits' own values: sizes and timeouts are read without trapping and checked against
/// their real ranges; the default memory cap comes from the machine.
@Suite struct LimitRangeTests {
    @Test func sizesParseWithUnits() {
        #expect(LuaLimits.parseBytes("512M") == 512 << 20)
        #expect(LuaLimits.parseBytes("2g") == 2 << 30)
        #expect(LuaLimits.parseBytes("64k") == 64 << 10)
        #expect(LuaLimits.parseBytes("1T") == 1 << 40)
        #expect(LuaLimits.parseBytes("1.5G") == 3 << 29)
        #expect(LuaLimits.parseBytes("100000") == 100_000)
        #expect(LuaLimits.parseBytes("20MB") == 20 << 20)
    }

    @Test func hugeOrOddSizesAreNotSizesAndNeverTrap() {
        for text in ["1e19", "99999999999G", "9223372036854775807K", "1e308", "inf", "nan", "-5M", "0", "", "M", "12Q", "1e-300"] {
            #expect(LuaLimits.parseBytes(text) == nil || LuaLimits.parseBytes(text) == 0, "\(text)")
        }
        #expect(LuaLimits.parseBytes("1e19") == nil)
        #expect(LuaLimits.parseBytes("99999999999G") == nil)
    }

    @Test func memoryCapsAreCheckedAgainstTheirRealRange() throws {
        #expect(try LuaLimits.memoryCap("512M") == 512 << 20)
        #expect(try LuaLimits.memoryCap("1M") == 1 << 20)
        #expect(throws: LuaLimitError.self) { try LuaLimits.memoryCap("1k") }
        #expect(throws: LuaLimitError.self) { try LuaLimits.memoryCap("1e19") }
        #expect(throws: LuaLimitError.self) { try LuaLimits.memoryCap("99999999999G") }
        #expect(throws: LuaLimitError.self) { try LuaLimits.memoryCap("lots") }
        let small = errorText { _ = try LuaLimits.memoryCap("1k") }
        #expect(small == "memory limit '1k' is too small: Lua needs at least 1 MB")
        let large = errorText { _ = try LuaLimits.memoryCap("99999999999G") }
        #expect(large == "memory limit '99999999999G' is too large: at most 1024T")
        let word = errorText { _ = try LuaLimits.memoryCap("lots") }
        #expect(word == "memory limit 'lots' is not a size (examples: 512M, 2G, 100000)")
    }

    @Test func timeoutsAreCheckedAgainstTheirRealRange() throws {
        #expect(try LuaLimits.timeout(2) == 2)
        #expect(try LuaLimits.timeout(0.001) == 0.001)
        for bad in [1e-300, 0, -1, .nan, .infinity, 1e300] {
            #expect(throws: LuaLimitError.self, "\(bad)") { try LuaLimits.timeout(bad) }
        }
        #expect(errorText { _ = try LuaLimits.timeout(1e-300) } == "time limit of 1e-300 s is too short: give at least 0.001 s")
        #expect(errorText { _ = try LuaLimits.timeout(.nan) } == "time limit must be a number of seconds from 0.001 to 1000000")
    }

    @Test func theDefaultMemoryCapIsHalfThePhysicalMemory() {
        let physical = Int(clamping: ProcessInfo.processInfo.physicalMemory)
        let cap = LuaLimits.defaultMemoryCap
        #expect(cap <= physical / 2)
        #expect(cap >= LuaLimits.memoryCapRange.lowerBound)
        #expect(LuaLimits.memoryCapRange.contains(cap))
    }

    func errorText(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }
}
