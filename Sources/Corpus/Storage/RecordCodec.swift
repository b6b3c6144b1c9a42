/// A compact binary record, for what an archive keeps per item but does not read in place
/// (a document's metadata, a date mention's expression, a claim): numbers are LEB128 varints,
/// a string is a length and UTF-8 bytes, an optional a 0/1 byte then the value, a list a count
/// then the items.
struct RecordWriter {
    var out: [UInt8] = []

    mutating func uint(_ v: UInt64) { VarInt.append64(v, to: &out) }
    mutating func int(_ v: Int) { uint(UInt64(bitPattern: Int64(v))) }
    mutating func flag(_ b: Bool) { out.append(b ? 1 : 0) }
    mutating func bytes(_ b: [UInt8]) {
        int(b.count)
        out += b
    }
    mutating func string(_ s: String) { bytes(Array(s.utf8)) }
    mutating func optional(_ s: String?) {
        flag(s != nil)
        if let s { string(s) }
    }
    mutating func optionalInt(_ v: Int?) {
        flag(v != nil)
        if let v { int(v) }
    }
    mutating func strings(_ list: [String]) {
        int(list.count)
        for s in list { string(s) }
    }
    mutating func double(_ d: Double) { uint(d.bitPattern) }
}

/// Reads a `RecordWriter` record. Never traps: a record that runs short gives empty values and
/// sets `overrun`, and no length read from it can ask for more items than bytes are left.
struct RecordReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0
    /// Set when a value was asked for past the record's end (a damaged record).
    private(set) var overrun = false

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { offset >= bytes.count }

    /// Marks the record damaged (a value read from it is out of its range).
    mutating func markDamaged() { overrun = true }

    mutating func byte() -> UInt8 {
        guard offset < bytes.count else {
            overrun = true
            return 0
        }
        offset += 1
        return bytes[offset - 1]
    }
    mutating func uint() -> UInt64 {
        let (value, complete) = VarInt.read64(bytes, &offset)
        if !complete { overrun = true }
        return value
    }
    mutating func int() -> Int { Int(truncatingIfNeeded: Int64(bitPattern: uint())) }
    mutating func flag() -> Bool { byte() != 0 }
    /// A length read as a count of items that each take at least one byte: never more than
    /// the bytes left, so garbage cannot ask for a huge allocation.
    mutating func count() -> Int {
        let n = int()
        if n < 0 || n > bytes.count - offset { overrun = true }
        return max(0, min(n, bytes.count - offset))
    }
    mutating func byteArray() -> [UInt8] {
        let n = count()
        defer { offset += n }
        return Array(bytes[offset..<offset + n])
    }
    mutating func string() -> String {
        let n = count()
        defer { offset += n }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + n]), as: UTF8.self)
    }
    mutating func optional() -> String? { flag() ? string() : nil }
    mutating func optionalInt() -> Int? { flag() ? int() : nil }
    mutating func double() -> Double { Double(bitPattern: uint()) }
    mutating func list<T>(_ item: (inout RecordReader) -> T) -> [T] {
        let n = count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n where offset < bytes.count { out.append(item(&self)) }
        return out
    }
    mutating func strings() -> [String] { list { $0.string() } }
}
