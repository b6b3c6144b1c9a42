/// Union-find over the positions `0..<count`: which positions have been joined, directly or
/// through others. Near-duplicate groups, entity spellings and claim clusters all need it.
///
/// `find` halves paths as it walks, so a long run of joins stays near constant time per call.
/// `union` keeps the smaller root, so a group's root is its first position whatever the order
/// of the joins; `attach` lets a caller that keeps its own data per root choose the root.
public struct DisjointSets: Sendable {
    private var parent: [Int]

    /// `count` positions, each in a group of its own.
    public init(count: Int) {
        parent = Array(0..<max(0, count))
    }

    /// How many positions there are.
    public var count: Int { parent.count }

    /// The root of `x`'s group (`x` must be in `0..<count`).
    public mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    /// Joins the groups of `a` and `b`; the smaller root becomes the group's root. Returns
    /// false when they were already one group.
    @discardableResult
    public mutating func union(_ a: Int, _ b: Int) -> Bool {
        let (ra, rb) = (find(a), find(b))
        guard ra != rb else { return false }
        parent[max(ra, rb)] = min(ra, rb)
        return true
    }

    /// Makes the root `child` a member of the group whose root is `root` (both must be roots:
    /// the caller has just found them).
    public mutating func attach(_ child: Int, to root: Int) {
        parent[child] = root
    }

    /// True when `x` is the root of its group (no lookup: its own parent).
    public func isRoot(_ x: Int) -> Bool { parent[x] == x }
}
