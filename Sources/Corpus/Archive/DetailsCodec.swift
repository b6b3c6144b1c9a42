import NewsText

/// Writes and reads a document's metadata and origin as one compact binary record of an
/// archive's `docs` file (decoded only when the document's metadata is first asked for).
/// Numbers are LEB128 varints, strings are a length and UTF-8 bytes, an optional is a 0/1 byte
/// then the value, a list is a count then the items. Reading never traps: a record that runs
/// short or past a limit gives empty values.
enum DetailsCodec {
    static func encode(_ details: Document.Details) -> [UInt8] {
        var w = Writer()
        let m = details.metadata
        w.optional(m.title)
        w.optional(m.titleFrom)
        w.int(m.boilerplate.count)
        for b in m.boilerplate {
            w.string(b.line)
            w.string(b.reason)
            w.int(b.lineNumber)
        }
        w.flag(m.dateline != nil)
        if let d = m.dateline {
            w.string(d.text)
            w.optional(d.place)
            w.optional(d.date)
            w.optional(d.agency)
        }
        w.optional(m.source)
        w.optional(m.sourceFrom)
        w.optional(m.givenDate)
        w.optional(m.givenDateFrom)
        w.strings(m.credits)
        w.optional(m.url)
        w.strings(m.authors)
        w.optional(m.language)
        w.int(m.fields.count)
        for f in m.fields {
            w.string(f.name)
            w.value(f.value, depth: 0)
        }
        w.flag(details.origin != nil)
        if let o = details.origin {
            w.flag(o.location != nil)
            if let l = o.location { w.bytes(l) }
            w.flag(o.identity != nil)
            if let i = o.identity {
                w.uint(i.device)
                w.uint(i.inode)
            }
            w.int(o.byteRange.lowerBound)
            w.int(o.byteRange.upperBound)
            w.optionalInt(o.line)
            w.optionalInt(o.item)
            w.string(o.format)
        }
        // Last, so archives written before it read as "no origin of the language" (and older
        // readers ignore it).
        w.optional(m.languageFrom)
        return w.out
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Document.Details {
        var r = Reader(bytes: bytes)
        var m = DocumentMetadata()
        m.title = r.optional()
        m.titleFrom = r.optional()
        m.boilerplate = r.list { r in BoilerplateLine(line: r.string(), reason: r.string(), lineNumber: r.int()) }
        if r.flag() {
            m.dateline = Dateline(text: r.string(), place: r.optional(), date: r.optional(), agency: r.optional())
        }
        m.source = r.optional()
        m.sourceFrom = r.optional()
        m.givenDate = r.optional()
        m.givenDateFrom = r.optional()
        m.credits = r.list { $0.string() }
        m.url = r.optional()
        m.authors = r.list { $0.string() }
        m.language = r.optional()
        m.fields = r.list { r in (name: r.string(), value: r.value(depth: 0)) }
        var origin: RecordOrigin?
        if r.flag() {
            let location: [UInt8]? = r.flag() ? r.byteArray() : nil
            let identity: FileIdentity? = r.flag() ? FileIdentity(device: r.uint(), inode: r.uint()) : nil
            let lower = r.int()
            let upper = max(lower, r.int())
            let line = r.optionalInt()
            let item = r.optionalInt()
            origin = RecordOrigin(location: location, identity: identity, byteRange: lower..<upper, line: line,
                                  item: item, format: r.string())
        }
        m.languageFrom = r.optional() ?? (m.language == nil ? nil : MetadataOrigin.field)
        return Document.Details(metadata: m, origin: origin)
    }

    private struct Writer {
        var out: [UInt8] = []
        mutating func uint(_ v: UInt64) {
            var v = v
            while v >= 0x80 {
                out.append(UInt8(truncatingIfNeeded: v) | 0x80)
                v >>= 7
            }
            out.append(UInt8(v))
        }
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
        mutating func value(_ v: FieldValue, depth: Int) {
            switch v {
            case .text(let s):
                out.append(0)
                string(s)
            case .number(let n):
                out.append(1)
                uint(n.bitPattern)
            case .bool(let b):
                out.append(2)
                flag(b)
            case .list(let items):
                // Deeper lists than the reader accepts are kept as their text.
                guard depth < Reader.maxDepth else { return value(.text(v.text), depth: depth) }
                out.append(3)
                int(items.count)
                for item in items { value(item, depth: depth + 1) }
            }
        }
    }

    private struct Reader {
        static let maxDepth = 32
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        mutating func uint() -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count, shift < 64 {
                let b = bytes[offset]
                offset += 1
                result |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return result }
                shift += 7
            }
            return result
        }
        mutating func int() -> Int { Int(truncatingIfNeeded: Int64(bitPattern: uint())) }
        mutating func flag() -> Bool {
            guard offset < bytes.count else { return false }
            offset += 1
            return bytes[offset - 1] != 0
        }
        /// A length read as a count of items that each take at least one byte: never more than
        /// the bytes left, so garbage cannot ask for a huge allocation.
        mutating func count() -> Int { max(0, min(int(), bytes.count - offset)) }
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
        mutating func list<T>(_ item: (inout Reader) -> T) -> [T] {
            let n = count()
            var out: [T] = []
            out.reserveCapacity(n)
            for _ in 0..<n where offset < bytes.count { out.append(item(&self)) }
            return out
        }
        mutating func value(depth: Int) -> FieldValue {
            guard offset < bytes.count else { return .text("") }
            let tag = bytes[offset]
            offset += 1
            switch tag {
            case 1: return .number(Double(bitPattern: uint()))
            case 2: return .bool(flag())
            case 3 where depth < Self.maxDepth: return .list(list { $0.value(depth: depth + 1) })
            default: return .text(string())
            }
        }
    }
}
