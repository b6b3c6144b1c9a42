import Foundation

extension CorpusLoader {
    /// The corpus files under `path` with their ids (file name without extension; the relative
    /// path without extension when two files share a name) and formats (forced, else by
    /// extension, else nil: sniffed when read), in byte order of their paths, and the listing's
    /// warnings.
    static func listFiles(_ path: String, options: Options = Options()) throws(CorpusError)
        -> (files: [ReadPlan.File], warnings: [LoadWarning]) {
        let filter = DirectoryWalk.Filter(pattern: options.pattern, recursive: options.recursive)
        let listing = try DirectoryWalk.list(path, accepts: options.acceptsPath, filter: filter)
        let forced = options.format
        if listing.isSingleFile {
            // One file: its name without extension is the id.
            let files = listing.entries.map { entry in
                let location = listing.path(of: entry)
                let name = (FileName.display(location) as NSString).lastPathComponent
                let inner = DocumentFormat.isCompressed(name: location) ? (name as NSString).deletingPathExtension : name
                return ReadPlan.File(location: location, id: (inner as NSString).deletingPathExtension,
                                     identity: entry.identity, size: entry.size,
                                     format: forced ?? DocumentFormat.format(ofName: location))
            }
            return (files, listing.warnings)
        }
        guard !listing.entries.isEmpty || !listing.warnings.isEmpty else { throw .empty(path: path) }
        // Byte order: deterministic and much cheaper than Unicode-aware comparison.
        let entries = sortedByBytes(listing.entries)
        let relative = entries.map { FileName.display($0.relative) }
        // Names are unique within one folder; only files in different folders can share one,
        // and then their ids keep the relative path.
        var nameCounts: [Substring: Int] = [:]
        let nested = entries.contains { $0.relative.contains(UInt8(ascii: "/")) }
        if nested {
            nameCounts.reserveCapacity(relative.count)
            for r in relative { nameCounts[baseName(r), default: 0] += 1 }
        }
        var files: [ReadPlan.File] = []
        files.reserveCapacity(entries.count)
        for (entry, r) in zip(entries, relative) {
            let base = baseName(r)
            let id = nameCounts[base, default: 0] > 1 ? String(Substring(r.utf8[..<base.endIndex])) : String(base)
            files.append(ReadPlan.File(location: listing.path(of: entry), id: id, identity: entry.identity, size: entry.size,
                                       format: forced ?? DocumentFormat.format(ofName: entry.relative)))
        }
        return (files, listing.warnings)
    }

    /// Listed files in the byte order of their relative paths. The paths are packed into one
    /// buffer first, so the comparisons are plain memcmp calls on it (a big folder needs
    /// millions).
    static func sortedByBytes(_ entries: [DirectoryWalk.Entry]) -> [DirectoryWalk.Entry] {
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        starts.reserveCapacity(entries.count + 1)
        for e in entries {
            bytes.append(contentsOf: e.relative)
            starts.append(bytes.count)
        }
        var order = Array(0..<entries.count)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            starts.withUnsafeBufferPointer { starts in
                order.sort { a, b in
                    ByteOrder.precedes(UnsafeBufferPointer(start: base + starts[a], count: starts[a + 1] - starts[a]),
                                       UnsafeBufferPointer(start: base + starts[b], count: starts[b + 1] - starts[b]))
                }
            }
        }
        return order.map { entries[$0] }
    }

    /// The file name without folders and without its extension (by UTF-8 offsets: index moves
    /// over Characters cost a grapheme-break check each). A name that is only an extension
    /// (".txt" cannot be listed, but "x." can) keeps its name.
    private static func baseName(_ relative: String) -> Substring {
        var utf8 = relative.utf8[...]
        if let last = utf8.last, last | 0x20 == UInt8(ascii: "z"), DocumentFormat.isCompressed(name: Array(utf8)) {
            utf8 = utf8.dropLast(3)
        }
        let start = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        let end = utf8[start...].lastIndex(of: UInt8(ascii: ".")) ?? utf8.endIndex
        return Substring(utf8[start..<(end == start ? utf8.endIndex : end)])
    }
}
