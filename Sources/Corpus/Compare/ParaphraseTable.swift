/// Words and two-word phrases that news outlets use for one another, mapped to one canonical
/// word, so "trip" and "visit" or "touched down" and "arrived" count as the same content word
/// when sentences are compared.
///
/// The table is plain data: lines `canonical: variant, variant, two words`, `#` starts a comment.
/// Every form is stemmed (`WordStemmer`) before it is used, so a line lists base forms only
/// ("postpone: delay" also maps "delayed" and "delays"). Phrases are two words at most and are
/// matched on consecutive tokens, stopwords included ("put off", "took office").
public struct ParaphraseTable: Sendable, Hashable {
    /// Stemmed variant -> stemmed canonical word.
    public private(set) var words: [String: String]
    /// Stemmed "first second" -> stemmed canonical word.
    public private(set) var phrases: [String: String]

    /// An empty table (no paraphrases: only stems match).
    public init() {
        words = [:]
        phrases = [:]
    }

    /// Parses `canonical: variant, variant` lines; malformed lines are skipped, never fatal.
    public init<Lines: Sequence>(lines: Lines) where Lines.Element: StringProtocol {
        self.init()
        for line in lines {
            let text = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = text.firstIndex(of: ":") else { continue }
            let canonical = WordStemmer.stem(Tokenizer.norm(text[..<colon].trimmingCharacters(in: .whitespaces)))
            guard !canonical.isEmpty, !canonical.contains(" ") else { continue }
            for variant in text[text.index(after: colon)...].split(separator: ",") {
                let parts = variant.split(separator: " ").map { WordStemmer.stem(Tokenizer.norm($0)) }.filter { !$0.isEmpty }
                switch parts.count {
                case 1 where parts[0] != canonical: words[parts[0]] = canonical
                case 2: phrases[parts[0] + " " + parts[1]] = canonical
                default: continue
                }
            }
        }
    }

    /// This table plus `other`'s entries (`other` wins where both map a form).
    public func merging(_ other: ParaphraseTable) -> ParaphraseTable {
        var merged = self
        merged.words.merge(other.words) { _, new in new }
        merged.phrases.merge(other.phrases) { _, new in new }
        return merged
    }

    /// The canonical word for a stemmed word (the word itself when the table has no entry).
    public func canonical(_ stem: String) -> String { words[stem] ?? stem }

    /// The canonical word for two consecutive stemmed words, or nil when they are no known phrase.
    public func canonical(_ first: String, _ second: String) -> String? { phrases[first + " " + second] }

    /// The table dossier ships: paraphrases common in news reports.
    public static let news = ParaphraseTable(lines: newsLines)

    /// The data of `news`, one entry per line.
    static let newsLines: [String] = [
        "# travel and arrival",
        "visit: trip, travel, journey, tour, voyage",
        "arrive: touch down, land in, fly in, arrival",
        "depart: leave, departure, set off",
        "# scheduling",
        "postpone: delay, defer, put off, push back, cancel, call off, scrap, reschedule, postponement",
        "schedule: plan, slate",
        "# talk and meeting",
        "talk: discussion, discuss, dialogue, dialog, negotiation, negotiate, conversation, converse",
        "meet: meeting, encounter, sit down",
        "say: tell, told, remark, declare",
        "expect: anticipate, foresee, predict",
        "hope: wish",
        "# people and places",
        "official: diplomat, envoy, representative",
        "us: united states, america, american, usa",
        "uk: united kingdom, britain, british",
        "china: chinese, prc",
                "inaugurate: take office, inauguration, sworn in",
                "country: nation",
        "# relations",
        "relation: tie, relationship",
        "tension: friction, strain",
        "concern: worry, fear, alarm, anxiety",
        "ease: allay, calm, defuse, soothe, lessen, reduce",
        "improve: enhance",
        "conflict: confrontation, clash, war",
        "cooperate: cooperation, collaborate, collaboration",
        "# actions",
        "attempt: try, effort, bid",
        "goal: aim, objective, target",
        "begin: start, launch, commence",
        "end: finish, conclude",
        "help: assist, aid, assistance",
        "buy: purchase, acquire",
        "show: demonstrate, display",
        "detain: arrest, jail, imprison",
        "kill: slay",
        "stop: halt, cease",
        "rise: increase, grow, climb, surge",
        "fall: drop, decline, plunge",
        "accuse: blame",
        "big: large, huge",
        "breakthrough: progress",
        "rare: scarce",
        "important: key, crucial, vital",
    ]
}
