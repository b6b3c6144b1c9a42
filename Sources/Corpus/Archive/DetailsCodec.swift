import NewsText

/// Writes and reads a document's metadata and origin as one compact binary record of an
/// archive's `docs` file (decoded only when the document's metadata is first asked for).
/// Numbers are LEB128 varints, strings are a length and UTF-8 bytes, an optional is a 0/1 byte
/// then the value, a list is a count then the items. Reading never traps: a record that runs
/// short or past a limit gives empty values.
enum DetailsCodec {
    static func encode(_ details: Document.Details) -> [UInt8] {
        var w = RecordWriter()
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
        var r = RecordReader(bytes: bytes)
        var m = DocumentMetadata()
        m.title = r.optional()
        m.titleFrom = r.optional()
        m.boilerplate = r.list { (r: inout RecordReader) in BoilerplateLine(line: r.string(), reason: r.string(), lineNumber: r.int()) }
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
        m.fields = r.list { (r: inout RecordReader) in (name: r.string(), value: r.value(depth: 0)) }
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
}

extension RecordWriter {
    /// A metadata field's value (a tag byte, then the value).
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
            guard depth < RecordReader.maxDepth else { return value(.text(v.text), depth: depth) }
            out.append(3)
            int(items.count)
            for item in items { value(item, depth: depth + 1) }
        }
    }
}

extension RecordReader {
    static let maxDepth = 32

    mutating func value(depth: Int) -> FieldValue {
        guard !atEnd else { return .text("") }
        let tag = byte()
        switch tag {
        case 1: return .number(Double(bitPattern: uint()))
        case 2: return .bool(flag())
        case 3 where depth < Self.maxDepth: return .list(list { $0.value(depth: depth + 1) })
        default: return .text(string())
        }
    }
}
