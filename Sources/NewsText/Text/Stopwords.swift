import Foundation

/// A set of stopwords: frequent function words that statistics and keyword lists usually skip.
///
/// Words are stored in normal form (`Tokenizer.norm`), so "Don’t" and "don't" are the same entry and
/// `contains` takes a normalised term, as the index stores them.
public struct Stopwords: Sendable, Hashable {
    /// The stopwords, in normal form.
    public var words: Set<String>

    /// The bundled English list (Resources/stopwords-en.txt), or a built-in copy of it when the
    /// resource bundle cannot be found, so a misplaced bundle never stops the program.
    public static let english: Stopwords = {
        if let url = resourceURL(), let text = try? String(contentsOf: url, encoding: .utf8) {
            let parsed = Stopwords(lines: text)
            if !parsed.words.isEmpty { return parsed }
        }
        return Stopwords(fallbackEnglish)
    }()

    /// A set of the given words, each normalised.
    public init(_ words: some Sequence<String>) {
        var set = Set<String>()
        for word in words {
            let trimmed = word.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { set.insert(Tokenizer.norm(trimmed)) }
        }
        self.words = set
    }

    /// Parses a stopword file: one word per line; blank lines and lines starting with "#" are skipped.
    public init(lines text: String) {
        self.init(text.split(whereSeparator: \.isNewline).lazy
            .map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    /// Whether a normalised term is a stopword ("the", "'s"); pass `Tokenizer.norm` output.
    public func contains(_ norm: String) -> Bool {
        words.contains(norm)
    }

    /// A copy with more words (normalised), e.g. outlet boilerplate like "said".
    public func adding(_ more: some Sequence<String>) -> Stopwords {
        var copy = self
        copy.words.formUnion(Stopwords(more).words)
        return copy
    }

    /// A copy with one more word.
    public func adding(_ word: String) -> Stopwords {
        adding([word])
    }

    /// A copy without the given words (normalised), e.g. to keep "not" for sentiment work.
    public func removing(_ fewer: some Sequence<String>) -> Stopwords {
        var copy = self
        copy.words.subtract(Stopwords(fewer).words)
        return copy
    }

    /// A copy without one word.
    public func removing(_ word: String) -> Stopwords {
        removing([word])
    }

    /// The URL of stopwords-en.txt (NewsText's resource bundle or `share/dossier/Resources`, as
    /// `BundledResource` finds it), or nil when there is none.
    package static func resourceURL() -> URL? {
        try? BundledResource(target: "NewsText", folder: "Resources").url("stopwords-en", ext: "txt")
    }

    /// The built-in copy of the English list, used when the resource file is missing.
    /// Keep it equal to Resources/stopwords-en.txt (a test checks this).
    package static let fallbackEnglish: [String] = [
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself",
        "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
        "they", "them", "their", "theirs", "themselves", "what", "which", "who", "whom", "whose", "this",
        "that", "these", "those", "am", "is", "are", "was", "were", "be", "been", "being", "have", "has",
        "had", "having", "do", "does", "did", "doing", "a", "an", "the", "and", "but", "if", "or",
        "because", "as", "until", "while", "of", "at", "by", "for", "with", "about", "against", "between",
        "into", "through", "during", "before", "after", "above", "below", "to", "from", "up", "down", "in",
        "out", "on", "off", "over", "under", "again", "further", "then", "once", "here", "there", "when",
        "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such",
        "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very", "can", "will", "just",
        "should", "now", "would", "could", "might", "must", "shall", "ought",
        "'s", "'", "i'm", "i've", "i'll", "i'd", "you're", "you've", "you'll", "you'd", "he'd", "he'll",
        "she'd", "she'll", "it'll", "it'd", "we're", "we've", "we'll", "we'd", "they're", "they've",
        "they'll", "they'd", "that'll", "there'll", "there'd", "who'll", "who'd", "what'll", "let",
        "should've", "would've", "could've", "might've", "must've",
        "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't",
        "hadn't", "won't", "wouldn't", "can't", "cannot", "couldn't", "shouldn't", "mightn't", "mustn't",
        "needn't", "shan't",
    ]
}
