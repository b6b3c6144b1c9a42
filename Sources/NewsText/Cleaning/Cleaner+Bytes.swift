/// Byte-level helpers for the cleaner: it works on UTF-8 bytes so that every line costs a few comparisons
/// rather than a String or regex round trip. Patterns are lower-case ASCII `StaticString`s.
extension Cleaner {
    enum Bytes {
        static let space: UInt8 = 0x20
        static let tab: UInt8 = 0x09
        static let newline: UInt8 = 0x0A

        @inline(__always) static func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }
        @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == space || b == tab }
        @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
        @inline(__always) static func isLowerASCII(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
        @inline(__always) static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLowerASCII(b) }
        @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
        /// A byte that can be part of a word: ASCII letter or digit, or any byte of a non-ASCII character.
        @inline(__always) static func isWordByte(_ b: UInt8) -> Bool { isAlnum(b) || b >= 0x80 }

        /// Index after `pattern` if `s` holds it at `i` (ASCII case-insensitive; a space in the pattern matches
        /// one or more spaces or tabs), else nil.
        static func match(_ s: ArraySlice<UInt8>, at i: Int, _ pattern: StaticString) -> Int? {
            var j = i
            let end = s.endIndex
            var ok = true
            pattern.withUTF8Buffer { p in
                for q in p {
                    if q == space {
                        guard j < end, isSpace(s[j]) else { ok = false; return }
                        while j < end, isSpace(s[j]) { j += 1 }
                    } else {
                        guard j < end, lower(s[j]) == q else { ok = false; return }
                        j += 1
                    }
                }
            }
            return ok ? j : nil
        }

        /// Index after `pattern` at the start of `s` when a word boundary follows it, else nil.
        static func prefix(_ s: ArraySlice<UInt8>, _ pattern: StaticString) -> Int? {
            guard let j = match(s, at: s.startIndex, pattern) else { return nil }
            if j < s.endIndex, isWordByte(s[j]), let last = lastByte(pattern), isWordByte(last) { return nil }
            return j
        }

        /// True when `s` is `pattern` plus at most trailing spaces and `: . ! * -` marks ("Leave a Reply:").
        static func whole(_ s: ArraySlice<UInt8>, _ pattern: StaticString) -> Bool {
            guard let j = match(s, at: s.startIndex, pattern) else { return false }
            return onlyTrailingMarks(s, from: j)
        }

        /// True when `s[j...]` holds nothing but spaces and the marks `: . ! * - |`.
        static func onlyTrailingMarks(_ s: ArraySlice<UInt8>, from j: Int) -> Bool {
            var k = j
            while k < s.endIndex {
                switch s[k] {
                case space, tab, 0x3A, 0x2E, 0x21, 0x2A, 0x2D, 0x7C: k += 1
                default: return false
                }
            }
            return true
        }

        /// True when `s` contains `pattern` anywhere (ASCII case-insensitive).
        static func contains(_ s: ArraySlice<UInt8>, _ pattern: StaticString) -> Bool {
            firstIndex(of: pattern, in: s) != nil
        }

        /// Start index of the first occurrence of `pattern` in `s` (ASCII case-insensitive).
        static func firstIndex(of pattern: StaticString, in s: ArraySlice<UInt8>) -> Int? {
            guard let first = firstByte(pattern) else { return nil }
            var i = s.startIndex
            while i < s.endIndex {
                if lower(s[i]) == first, match(s, at: i, pattern) != nil { return i }
                i += 1
            }
            return nil
        }

        static func firstByte(_ pattern: StaticString) -> UInt8? {
            pattern.withUTF8Buffer { $0.first }
        }

        static func lastByte(_ pattern: StaticString) -> UInt8? {
            pattern.withUTF8Buffer { $0.last }
        }

        /// Index of the first non-space byte at or after `i`.
        static func skipSpaces(_ s: ArraySlice<UInt8>, from i: Int) -> Int {
            var k = i
            while k < s.endIndex, isSpace(s[k]) { k += 1 }
            return k
        }

        /// Number of space-separated words.
        static func wordCount(_ s: ArraySlice<UInt8>) -> Int {
            var count = 0
            var inWord = false
            for b in s {
                if isSpace(b) {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    count += 1
                }
            }
            return count
        }

        /// The space-separated words of `s` as slices.
        static func words(_ s: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
            s.split(whereSeparator: isSpace)
        }

        /// The last byte of `s` that is not a closing quote or bracket (so `said.”` ends in `.`).
        static func finalMark(_ s: ArraySlice<UInt8>) -> UInt8? {
            var k = s.endIndex - 1
            while k >= s.startIndex {
                let b = s[k]
                // ” and ’ are E2 80 9D / E2 80 99; skip their bytes together with ASCII closers.
                if b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D {
                    k -= 1
                } else if b == 0x9D || b == 0x99, k - 2 >= s.startIndex, s[k - 1] == 0x80, s[k - 2] == 0xE2 {
                    k -= 3
                } else {
                    return b
                }
            }
            return nil
        }

        /// True when `b` ends a sentence or a lead-in: `. , ; :` (`!` and `?` excluded: headlines use them).
        static func isClosingPunctuation(_ b: UInt8) -> Bool {
            b == 0x2E || b == 0x2C || b == 0x3B || b == 0x3A
        }

        /// True when every byte of `s` is the same punctuation mark and there are at least three (an RST underline).
        static func isRule(_ s: ArraySlice<UInt8>) -> Bool {
            guard s.count >= 3, let first = s.first else { return false }
            switch first {
            case 0x3D, 0x2D, 0x7E, 0x5E, 0x2A, 0x23, 0x2B, 0x60, 0x3A, 0x27, 0x22, 0x2E, 0x5F:
                return s.allSatisfy { $0 == first }
            default:
                return false
            }
        }

        /// Compares two lines ignoring ASCII case, spaces and punctuation (ASCII and the U+2000–U+207F block
        /// of dashes and curly quotes, plus Latin-1 marks such as « » and no-break space).
        static func sameLetters(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
            compareLetters(a, b, prefixOnly: false)
        }

        /// True when `a` begins with the letters and digits of `b` (same comparison as `sameLetters`).
        static func startsWithLetters(_ a: ArraySlice<UInt8>, of b: ArraySlice<UInt8>) -> Bool {
            compareLetters(a, b, prefixOnly: true)
        }

        private static func compareLetters(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>, prefixOnly: Bool) -> Bool {
            var i = a.startIndex
            var j = b.startIndex
            var matched = 0
            while true {
                i = nextLetter(a, from: i)
                j = nextLetter(b, from: j)
                if j >= b.endIndex, prefixOnly { return matched > 0 }
                if i >= a.endIndex || j >= b.endIndex { return i >= a.endIndex && j >= b.endIndex && matched > 0 }
                if lower(a[i]) != lower(b[j]) { return false }
                matched += 1
                i += 1
                j += 1
            }
        }

        /// Index of the next byte at or after `i` that is not space or punctuation.
        private static func nextLetter(_ s: ArraySlice<UInt8>, from i: Int) -> Int {
            var k = i
            while k < s.endIndex {
                let b = s[k]
                if b < 0x80 {
                    if isAlnum(b) { return k }
                    k += 1
                } else if b == 0xE2, k + 2 < s.endIndex, s[k + 1] == 0x80 || s[k + 1] == 0x81 {
                    k += 3
                } else if b == 0xC2, k + 1 < s.endIndex, s[k + 1] >= 0xA0, s[k + 1] <= 0xBF {
                    k += 2
                } else {
                    return k
                }
            }
            return k
        }

        /// A String from bytes (always valid here: the cleaner only cuts at ASCII bytes).
        static func string(_ s: ArraySlice<UInt8>) -> String {
            String(decoding: s, as: UTF8.self)
        }
    }
}
