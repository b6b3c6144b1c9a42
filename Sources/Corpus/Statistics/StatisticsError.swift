/// Why a statistics function could not run, with a message a user can act on.
public enum StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `ngrams` takes n from 1 to `NGramCounter.maximumLength`.
    case invalidNGramLength(Int)
    /// A collocation node must be one token; this one is several ("foreign minister").
    case nodeIsNotOneToken(String, tokens: Int)
    /// A collocation node must be a word or a number, not punctuation.
    case nodeIsPunctuation(String)
    /// The collocation window must be at least 1.
    case invalidWindow(Int)
    /// Keyness needs a reference with words in it: the reference (after taking the target's
    /// documents out of it) is empty.
    case emptyReference
    /// Keyness needs a target with words in it.
    case emptyTarget
    /// The computation was stopped (a time limit, an interrupt) or its results would exceed
    /// the memory budget.
    case stopped(WorkLimit)

    /// What went wrong, for a user.
    public var description: String {
        switch self {
        case .invalidNGramLength(let n):
            return "n must be from 1 to \(NGramCounter.maximumLength), not \(n)"
        case .nodeIsNotOneToken(let text, let tokens):
            return "'\(text)' is \(tokens) tokens: collocations take one word"
        case .nodeIsPunctuation(let text):
            return "'\(text)' is punctuation: collocations take a word"
        case .invalidWindow(let w):
            return "window must be at least 1, not \(w)"
        case .emptyReference:
            return "the reference corpus has no words (it holds no documents besides the target's)"
        case .emptyTarget:
            return "the target corpus has no words"
        case .stopped(let limit):
            return limit.description
        }
    }
}
