import CZlib

/// CRC-32 (zlib's, the checksum of gzip and PNG) of the bytes of an archive file.
struct Checksum {
    private(set) var value: UInt32 = 0

    /// Adds `bytes` to the checksum (in pieces of at most 1 GB, zlib's `uInt` length).
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let n = min(remaining, 1 << 30)
            value = UInt32(truncatingIfNeeded: crc32(uLong(value), base, uInt(n)))
            base += n
            remaining -= n
        }
    }

    /// The checksum of `bytes`.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var c = Checksum()
        c.update(bytes)
        return c.value
    }
}
