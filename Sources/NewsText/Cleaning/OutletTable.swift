import Foundation

/// Maps the spellings outlets get in credit lines ("theguardian", "guardian.com") to display names ("The Guardian").
///
/// The standard table is a data file (`Resources/outlets.txt`) so it can grow without code changes, and a plugin can
/// build its own table with `init(lines:)` and combine it with `merging(_:)`.
public struct OutletTable: Hashable, Sendable {
    /// Normalised spelling -> display name.
    private var names: [String: String]

    /// The table shipped with dossier; empty (every credit keeps its spelling) if the data file cannot be read.
    public static let standard: OutletTable = loadStandard()

    /// An empty table: every credit keeps the spelling it was written with.
    public init() {
        names = [:]
    }

    /// Reads lines of the form `spelling, other spelling = Display Name`; `#` starts a comment, blank lines and
    /// lines without `=` are skipped, so a malformed line never stops the rest from loading.
    public init<Lines: Sequence>(lines: Lines) where Lines.Element: StringProtocol {
        var names: [String: String] = [:]
        for line in lines {
            let text = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let equals = text.firstIndex(of: "=") else { continue }
            let display = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !display.isEmpty else { continue }
            for spelling in text[..<equals].split(separator: ",") {
                let key = Self.normalise(String(spelling))
                if !key.isEmpty { names[key] = display }
            }
        }
        self.names = names
    }

    /// The number of spellings the table knows.
    public var count: Int { names.count }

    /// A table with this table's spellings plus `other`'s; `other` wins where both know a spelling.
    public func merging(_ other: OutletTable) -> OutletTable {
        var merged = self
        merged.names.merge(other.names) { _, new in new }
        return merged
    }

    /// The display name for a credit ("theguardian", "https://www.theguardian.com/world/…", "The Guardian"),
    /// or nil when the table does not know it. Tries the spelling, then without spaces, then without the domain ending.
    public func displayName(for credit: String) -> String? {
        let key = Self.normalise(credit)
        guard !key.isEmpty else { return nil }
        if let name = names[key] { return name }
        let compact = key.replacingOccurrences(of: " ", with: "")
        if let name = names[compact] { return name }
        if let dot = compact.firstIndex(of: "."), dot != compact.startIndex {
            return names[String(compact[..<dot])]
        }
        return nil
    }

    /// Lower-cases and strips what a credit may carry around an outlet's name: scheme, "www.", path, quotes and
    /// brackets, repeated spaces. Works on bytes: the cleaner calls it for short lines of every document.
    static func normalise(_ credit: String) -> String {
        let source = credit.utf8.contains(where: { $0 >= 0x80 }) ? credit.lowercased() : credit
        var bytes = source.utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }
        func isEdge(_ b: UInt8) -> Bool {
            switch b {
            case 0x20, 0x09, 0x0A, 0x2E, 0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x5B, 0x5D, 0x22, 0x27: true
            default: false
            }
        }
        func trimEdges() {
            while true {
                if let first = bytes.first, isEdge(first) {
                    bytes.removeFirst()
                } else if bytes.count >= 3, bytes[0] == 0xE2, bytes[1] == 0x80, (0x98...0x9D).contains(bytes[2]) {
                    bytes.removeFirst(3)
                } else {
                    break
                }
            }
            while true {
                if let last = bytes.last, isEdge(last) {
                    bytes.removeLast()
                } else if bytes.count >= 3, bytes[bytes.count - 3] == 0xE2, bytes[bytes.count - 2] == 0x80,
                    (0x98...0x9D).contains(bytes[bytes.count - 1])
                {
                    bytes.removeLast(3)
                } else {
                    break
                }
            }
        }
        func dropPrefix(_ prefix: String) {
            if bytes.starts(with: prefix.utf8) { bytes.removeFirst(prefix.utf8.count) }
        }
        trimEdges()
        dropPrefix("https://")
        dropPrefix("http://")
        dropPrefix("www.")
        if !bytes.contains(0x20), let slash = bytes.firstIndex(of: 0x2F) { bytes.removeSubrange(slash...) }
        trimEdges()
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for b in bytes {
            let space = b == 0x20 || b == 0x09 || b == 0x0A
            if space {
                if out.last != 0x20 { out.append(0x20) }
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Loads `Resources/outlets.txt` (NewsText's resource bundle or `share/dossier/Resources`, as
    /// `BundledResource` finds it); without the file the table is empty (the cleaner's patterns
    /// still find credit lines) and `MissingResources` warns, naming the file and where it was
    /// looked for.
    private static func loadStandard() -> OutletTable {
        let (table, missing) = load(from: BundledResource(target: "NewsText", folder: "Resources"))
        if let missing { MissingResources.report(missing, consequence: consequence) }
        return table
    }

    /// What a missing outlet list costs, for the warning.
    package static let consequence = "outlet names in credit lines, share prompts and datelines are not known, "
        + "so fewer documents get a source"

    /// The table of `outlets.txt` in `resources`, or an empty table and what is missing.
    package static func load(from resources: BundledResource) -> (table: OutletTable, missing: MissingResource?) {
        do {
            let text = try resources.text("outlets", ext: "txt")
            return (OutletTable(lines: text.split(separator: "\n", omittingEmptySubsequences: true)), nil)
        } catch {
            return (OutletTable(), error)
        }
    }
}
