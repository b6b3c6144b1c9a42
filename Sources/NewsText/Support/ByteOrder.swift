import Foundation

/// The byte order of UTF-8 strings: what the loader sorts file paths and equally frequent terms
/// by (deterministic, and much cheaper than Unicode-aware comparison).
package enum ByteOrder {
    /// Whether `x` sorts before `y`: the first differing byte decides, else the shorter first.
    @inline(__always)
    package static func precedes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(x.count, y.count)
        if n > 0, let xb = x.baseAddress, let yb = y.baseAddress {
            let c = memcmp(xb, yb, n)
            if c != 0 { return c < 0 }
        }
        return x.count < y.count
    }

    /// Whether byte array `x` sorts before `y`.
    package static func precedes(_ x: [UInt8], _ y: [UInt8]) -> Bool {
        x.withUnsafeBufferPointer { a in y.withUnsafeBufferPointer { b in precedes(a, b) } }
    }
}
