import Testing
@testable import NewsText

/// The one union-find that near-duplicate groups, entity spellings and claim clusters share.
@Suite struct DisjointSetsTests {
    @Test func joinsChainIntoOneGroupRootedAtTheFirstPosition() {
        var sets = DisjointSets(count: 8)
        let joined = [sets.union(5, 7), sets.union(7, 2), sets.union(6, 5), sets.union(2, 6)]
        #expect(joined == [true, true, true, false], "the last pair is already one group")
        let roots = (0..<8).map { sets.find($0) }
        #expect(roots == [0, 1, 2, 3, 4, 2, 2, 2])
        #expect(sets.isRoot(2) && !sets.isRoot(7))
    }

    @Test func groupsMatchAPlainFloodFillOnARandomGraph() {
        var rng = SystemRandomNumberGenerator()
        let n = 300
        let edges = (0..<250).map { _ in (Int.random(in: 0..<n, using: &rng), Int.random(in: 0..<n, using: &rng)) }
        var sets = DisjointSets(count: n)
        for (a, b) in edges { sets.union(a, b) }
        // Reference: label components by breadth-first search over the same edges.
        var neighbours = Array(repeating: [Int](), count: n)
        for (a, b) in edges {
            neighbours[a].append(b)
            neighbours[b].append(a)
        }
        var label = Array(repeating: -1, count: n)
        for start in 0..<n where label[start] < 0 {
            var queue = [start]
            label[start] = start
            while let x = queue.popLast() {
                for y in neighbours[x] where label[y] < 0 {
                    label[y] = start
                    queue.append(y)
                }
            }
        }
        // Both name a component by its smallest position.
        let roots = (0..<n).map { sets.find($0) }
        #expect(roots == label)
    }

    @Test func attachLetsTheCallerChooseTheRoot() {
        var sets = DisjointSets(count: 4)
        sets.attach(0, to: 3)
        let root = sets.find(0)
        #expect(root == 3)
        #expect(sets.isRoot(3) && !sets.isRoot(0))
        #expect(DisjointSets(count: -1).count == 0)
    }
}
