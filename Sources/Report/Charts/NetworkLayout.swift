import Foundation

/// Where a node of a network chart is drawn.
public struct NetworkPosition: Sendable, Hashable {
    /// The node's id.
    public var id: String
    /// Horizontal position in the drawing, in pixels from the left.
    public var x: Double
    /// Vertical position in the drawing, in pixels from the top.
    public var y: Double

    /// Creates a position.
    public init(id: String, x: Double, y: Double) {
        self.id = id
        self.x = x
        self.y = y
    }
}

/// A force-directed layout for network charts (Fruchterman & Reingold, 1991): connected nodes
/// pull together, all nodes push apart, a weak pull to the centre keeps separate clusters near each
/// other, and a falling "temperature" limits moves so the layout settles. Starting positions come
/// from a seeded generator, so the same nodes, edges and seed always give the same positions.
public enum NetworkLayout {
    /// Positions for `nodes` (first occurrence of each id, in order) inside the rectangle
    /// `x...x+width, y...y+height`, scaled to fill it while keeping proportions.
    ///
    /// Edges naming unknown ids and self-loops are ignored; edge weights (normalised to the
    /// largest) make strongly linked nodes sit closer. Non-finite or negative weights count as 0.
    public static func layout(nodes: [NetworkNode], edges: [NetworkEdge], x: Double = 0, y: Double = 0,
                              width: Double, height: Double, seed: UInt64 = 1) -> [NetworkPosition] {
        var ids: [String] = []
        var indexOf: [String: Int] = [:]
        for node in nodes where indexOf[node.id] == nil {
            indexOf[node.id] = ids.count
            ids.append(node.id)
        }
        let n = ids.count
        guard n > 0 else { return [] }
        let frameW = Swift.max(1, width.isFinite ? width : 1), frameH = Swift.max(1, height.isFinite ? height : 1)
        if n == 1 { return [NetworkPosition(id: ids[0], x: x + frameW / 2, y: y + frameH / 2)] }

        let links = mergedLinks(edges, indexOf: indexOf)
        let maxWeight = links.map(\.weight).max() ?? 0

        // Seeded start inside a unit-area frame of the target's shape.
        var random = SplitMix64(seed: seed)
        let aspect = frameW / frameH
        let areaW = aspect.squareRoot(), areaH = 1 / aspect.squareRoot()
        var px = [Double](repeating: 0, count: n), py = [Double](repeating: 0, count: n)
        for i in 0..<n {
            px[i] = (random.nextUnit() - 0.5) * areaW
            py[i] = (random.nextUnit() - 0.5) * areaH
        }

        let k = (1.0 / Double(n)).squareRoot()
        let iterations = Swift.max(60, Swift.min(400, 4_000_000 / (n * n)))
        var temperature = 0.1 * Swift.max(areaW, areaH)
        let cooling = temperature / Double(iterations + 1)
        // Strong enough that a node with no links settles near the others instead of at the edge.
        // The total push from all other nodes is about 1/d whatever their number (k² = 1/n), so a
        // pull of 3·d holds the whole drawing within about 0.6 of the centre.
        let gravity = 3.0
        var dx = [Double](repeating: 0, count: n), dy = [Double](repeating: 0, count: n)

        for _ in 0..<iterations {
            for i in 0..<n { dx[i] = 0; dy[i] = 0 }
            // Repulsion between every pair: k² / d.
            for i in 0..<n {
                for j in (i + 1)..<n {
                    var ex = px[i] - px[j], ey = py[i] - py[j]
                    var d2 = ex * ex + ey * ey
                    if d2 < 1e-12 {
                        // Coincident nodes: separate them in a fixed direction.
                        ex = 1e-4 * Double(i - j); ey = 1e-4
                        d2 = ex * ex + ey * ey
                    }
                    let f = k * k / d2
                    dx[i] += ex * f; dy[i] += ey * f
                    dx[j] -= ex * f; dy[j] -= ey * f
                }
            }
            // Attraction along edges: d² / k, stronger for heavier edges.
            for link in links {
                let ex = px[link.a] - px[link.b], ey = py[link.a] - py[link.b]
                let d = (ex * ex + ey * ey).squareRoot()
                guard d > 0 else { continue }
                let strength = maxWeight > 0 ? 0.5 + link.weight / maxWeight : 1
                let f = d / k * strength
                dx[link.a] -= ex * f; dy[link.a] -= ey * f
                dx[link.b] += ex * f; dy[link.b] += ey * f
            }
            // Gravity towards the centre, so unlinked parts stay in view.
            for i in 0..<n {
                let d = (px[i] * px[i] + py[i] * py[i]).squareRoot()
                let g = gravity * d
                if d > 0 { dx[i] -= px[i] / d * g; dy[i] -= py[i] / d * g }
            }
            for i in 0..<n {
                let d = (dx[i] * dx[i] + dy[i] * dy[i]).squareRoot()
                guard d > 0, d.isFinite else { continue }
                let step = Swift.min(d, temperature)
                px[i] = Swift.min(areaW, Swift.max(-areaW, px[i] + dx[i] / d * step))
                py[i] = Swift.min(areaH, Swift.max(-areaH, py[i] + dy[i] / d * step))
            }
            temperature = Swift.max(temperature - cooling, 1e-4)
        }

        // Fit into the target rectangle, keeping proportions and centring.
        let minX = px.min() ?? 0, maxX = px.max() ?? 0, minY = py.min() ?? 0, maxY = py.max() ?? 0
        let spanX = maxX - minX, spanY = maxY - minY
        var scale = Double.infinity
        if spanX > 0 { scale = Swift.min(scale, frameW / spanX) }
        if spanY > 0 { scale = Swift.min(scale, frameH / spanY) }
        if !scale.isFinite { scale = 0 }
        let offsetX = x + (frameW - spanX * scale) / 2, offsetY = y + (frameH - spanY * scale) / 2
        return (0..<n).map { i in
            NetworkPosition(id: ids[i],
                            x: Swift.min(x + frameW, Swift.max(x, offsetX + (px[i] - minX) * scale)),
                            y: Swift.min(y + frameH, Swift.max(y, offsetY + (py[i] - minY) * scale)))
        }
    }

    /// An undirected link between two node indices.
    struct Link: Equatable {
        var a: Int
        var b: Int
        var weight: Double
    }

    /// Edges between known, distinct nodes, with repeated pairs (either direction) merged by adding
    /// weights; in order of first appearance. Negative or non-finite weights count as 0.
    static func mergedLinks(_ edges: [NetworkEdge], indexOf: [String: Int]) -> [Link] {
        var links: [Link] = []
        var position: [Int: Int] = [:]
        let count = indexOf.count
        for edge in edges {
            guard let s = indexOf[edge.source], let t = indexOf[edge.target], s != t else { continue }
            let a = Swift.min(s, t), b = Swift.max(s, t)
            let w = edge.weight.isFinite && edge.weight > 0 ? edge.weight : 0
            let key = a * count + b
            if let p = position[key] {
                links[p].weight += w
            } else {
                position[key] = links.count
                links.append(Link(a: a, b: b, weight: w))
            }
        }
        return links
    }
}

/// A small, fast, seedable pseudo-random generator (SplitMix64), used only to make layouts
/// reproducible; not for anything secret.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in 0..<1 with 53 random bits.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}
