/// A `MAJOR.MINOR.PATCH` version, as plugin manifests give them.
public struct SemanticVersion: Comparable, Hashable, Sendable, CustomStringConvertible {
    public let major: Int
    public let minor: Int
    public let patch: Int

    /// The version `major.minor.patch`.
    public init(_ major: Int, _ minor: Int, _ patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses exactly three dot-separated non-negative integers (`1.2.0`); nil otherwise.
    public init?(parsing text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let v = SemanticVersion.numbers(parts) else { return nil }
        self.init(v[0], v[1], v[2])
    }

    /// Parses one to three components (`1`, `0.1`, `1.2.3`), missing ones being zero: the
    /// short forms constraints use (`>=0.1`).
    public init?(partial text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), let v = SemanticVersion.numbers(parts) else { return nil }
        self.init(v[0], v.count > 1 ? v[1] : 0, v.count > 2 ? v[2] : 0)
    }

    private static func numbers(_ parts: [Substring]) -> [Int]? {
        var out: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 9, part.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(part) else { return nil }
            out.append(n)
        }
        return out
    }

    public var description: String { "\(major).\(minor).\(patch)" }

    public static func < (a: SemanticVersion, b: SemanticVersion) -> Bool {
        (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch)
    }
}
