import Foundation

/// A 2×2 table of observed counts, the basis of the association and keyness measures.
///
///              | B      | not B  |
///     A        | o11    | o12    | r1
///     not A    | o21    | o22    | r2
///              | c1     | c2     | n
///
/// Expected counts assume independence: e_ij = r_i · c_j / n.
public struct ContingencyTable: Hashable, Sendable {
    /// A and B together.
    public var o11: Double
    /// A without B.
    public var o12: Double
    /// B without A.
    public var o21: Double
    /// Neither.
    public var o22: Double

    /// A table of four observed counts; negative values count as 0.
    public init(_ o11: Double, _ o12: Double, _ o21: Double, _ o22: Double) {
        self.o11 = max(0, o11)
        self.o12 = max(0, o12)
        self.o21 = max(0, o21)
        self.o22 = max(0, o22)
    }

    /// Row total of A.
    public var r1: Double { o11 + o12 }
    /// Row total of not A.
    public var r2: Double { o21 + o22 }
    /// Column total of B.
    public var c1: Double { o11 + o21 }
    /// Column total of not B.
    public var c2: Double { o12 + o22 }
    /// Grand total.
    public var n: Double { o11 + o12 + o21 + o22 }

    /// The expected count of the top-left cell under independence, r1 · c1 / n.
    public var e11: Double { n > 0 ? r1 * c1 / n : 0 }

    /// Dunning's log-likelihood ratio, G² = 2 Σ o_ij · ln(o_ij / e_ij) over the four cells (a
    /// cell with o = 0 adds 0). Always ≥ 0.
    public var logLikelihood: Double {
        let total = n
        guard total > 0 else { return 0 }
        func term(_ o: Double, _ r: Double, _ c: Double) -> Double {
            guard o > 0 else { return 0 }
            let e = r * c / total
            return e > 0 ? o * log(o / e) : 0
        }
        let g = 2 * (term(o11, r1, c1) + term(o12, r1, c2) + term(o21, r2, c1) + term(o22, r2, c2))
        return max(0, g)
    }

    /// G² with the sign of o11 − e11: positive when A and B occur together more often than
    /// chance predicts, negative when less often.
    public var signedLogLikelihood: Double {
        let g = logLikelihood
        return o11 < e11 ? -g : g
    }
}

/// How strongly a collocate is attached to its node.
public enum AssociationMeasure: String, CaseIterable, Sendable {
    /// Signed log-likelihood (G²): how sure the attraction is; favours frequent pairs.
    case llr
    /// Pointwise mutual information, log2(O / E): how exclusive the pair is; favours rare pairs.
    case pmi
    /// t-score, (O − E) / √O: a confidence measure; favours frequent pairs even more than G².
    case t

    /// The score of a pair seen `observed` times where `expected` were expected, with the
    /// pair's 2×2 table for the log-likelihood.
    public func score(observed: Double, expected: Double, table: ContingencyTable) -> Double {
        switch self {
        case .llr:
            return table.signedLogLikelihood
        case .pmi:
            guard observed > 0, expected > 0 else { return observed > 0 ? .infinity : -.infinity }
            return log2(observed / expected)
        case .t:
            guard observed > 0 else { return 0 }
            return (observed - expected) / observed.squareRoot()
        }
    }
}
