/// What the date scanner knows about one word. The tokenizer looks every short ASCII word up
/// once in `DateLexicon.table`, so matchers test bits instead of comparing strings.
struct DateWord: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt32
        /// A full month name; `value` is 1...12.
        static let month = Flags(rawValue: 1 << 0)
        /// A month abbreviation ("Jan", "Sept"); `value` is 1...12.
        static let monthAbbreviation = Flags(rawValue: 1 << 1)
        /// A weekday name; `value` is the ISO weekday, 1 = Monday … 7 = Sunday.
        static let weekday = Flags(rawValue: 1 << 2)
        /// A counting word ("a", "two"); `value` is the count.
        static let numberWord = Flags(rawValue: 1 << 3)
        /// A unit word ("week", "years"); `unit` says which.
        static let unit = Flags(rawValue: 1 << 4)
        /// "today", "tonight", "yesterday", "tomorrow"; `value` is the day offset.
        static let dayWord = Flags(rawValue: 1 << 5)
        /// "start", "end", … of "start of the year".
        static let partOfPeriod = Flags(rawValue: 1 << 6)
        /// "st", "nd", "rd", "th" after a day number.
        static let ordinalSuffix = Flags(rawValue: 1 << 7)
        /// "since", "until", "till", "by", "before", "after": belong to the mention's text.
        static let meaningPreposition = Flags(rawValue: 1 << 8)
        /// May precede a bare year ("in 2019").
        static let yearContext = Flags(rawValue: 1 << 9)
        /// May precede an unambiguous bare month ("A November meeting").
        static let monthContext = Flags(rawValue: 1 << 10)
        /// May precede an ambiguous bare month ("in May").
        static let strictMonthContext = Flags(rawValue: 1 << 11)
        /// Marks the future: modals, "upcoming", "plans".
        static let future = Flags(rawValue: 1 << 12)
        /// Arrangement participles: future unless after "was"/"were"/"had".
        static let futureParticiple = Flags(rawValue: 1 << 13)
        /// "was", "were", "had".
        static let pastAuxiliary = Flags(rawValue: 1 << 14)
        /// Marks the past: auxiliaries, "said", irregular past forms.
        static let past = Flags(rawValue: 1 << 15)
        /// Ends in "-ed" but is not a past verb ("need", "hundred").
        static let edException = Flags(rawValue: 1 << 16)
        /// Its full stop does not end a sentence ("Mr.").
        static let abbreviation = Flags(rawValue: 1 << 17)
        /// A form of "be" ("is due to").
        static let beForm = Flags(rawValue: 1 << 18)
        /// Capitalised, it makes a weekday or month part of a name ("Good Friday", "Black
        /// September").
        static let nameModifier = Flags(rawValue: 1 << 19)

        /// Flags that can start a match on their own.
        static var starters: Flags { [.month, .monthAbbreviation, .weekday, .numberWord, .dayWord, .partOfPeriod] }
    }

    /// Words the matchers compare against one by one.
    enum Keyword: UInt8, Sendable {
        case none, last, next, this, the, of, to, and, or, `in`, at, least, mid, early, late, ago
        case earlier, later, between, through, until, till, since, by, won, t, ll, set, bound, due
        case `for`, s, may, be
    }

    var flags: Flags = []
    var keyword: Keyword = .none
    /// Month, weekday, count or day offset, as the flags say.
    var value: Int8 = 0
    var unit: DateUnit = .day
}

/// The words the date scanner knows, in one table keyed by the packed lowercase word (see
/// `DateTokenizer.key`).
enum DateLexicon {
    /// Every known word with everything known about it.
    static let table: DateWordTable = {
        var words: [UInt64: DateWord] = [:]
        func add(_ list: [String], _ flags: DateWord.Flags) {
            for word in list { words[DateTokenizer.key(word), default: DateWord()].flags.formUnion(flags) }
        }
        func add(_ values: [String: Int], _ flags: DateWord.Flags) {
            for (word, value) in values {
                let key = DateTokenizer.key(word)
                words[key, default: DateWord()].flags.formUnion(flags)
                words[key, default: DateWord()].value = Int8(value)
            }
        }
        add(months, .month)
        add(monthAbbreviations, .monthAbbreviation)
        add(weekdays, .weekday)
        add(numberWords, .numberWord)
        add(dayWords, .dayWord)
        for (word, unit) in units {
            words[DateTokenizer.key(word), default: DateWord()].flags.insert(.unit)
            words[DateTokenizer.key(word), default: DateWord()].unit = unit
        }
        add(partOfPeriod, .partOfPeriod)
        add(["st", "nd", "rd", "th"], .ordinalSuffix)
        add(meaningPrepositions, .meaningPreposition)
        add(yearContext, .yearContext)
        add(monthContext, .monthContext)
        add(strictMonthContext, .strictMonthContext)
        add(futureWords, .future)
        add(futureParticiples, .futureParticiple)
        add(pastAuxiliaries, .pastAuxiliary)
        add(pastWords, .past)
        add(edExceptions, .edException)
        add(abbreviations, .abbreviation)
        add(beForms, .beForm)
        add(nameModifiers, .nameModifier)
        let keywords: [(String, DateWord.Keyword)] = [
            ("last", .last), ("next", .next), ("this", .this), ("the", .the), ("of", .of), ("to", .to),
            ("and", .and), ("or", .or), ("in", .in), ("at", .at), ("least", .least), ("mid", .mid),
            ("early", .early), ("late", .late), ("ago", .ago), ("earlier", .earlier), ("later", .later),
            ("between", .between), ("through", .through), ("until", .until), ("till", .till),
            ("since", .since), ("by", .by), ("won", .won), ("t", .t), ("ll", .ll), ("set", .set),
            ("bound", .bound), ("due", .due), ("for", .for), ("s", .s), ("may", .may), ("be", .be),
        ]
        for (word, keyword) in keywords { words[DateTokenizer.key(word), default: DateWord()].keyword = keyword }
        return DateWordTable(words)
    }()

    /// Full English month names → 1...12.
    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    ]

    /// Month abbreviations → 1...12; only read as months before a day number or a year.
    static let monthAbbreviations: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
        "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    /// Month names that are also common words or names ("May" the modal and the surname,
    /// "March" the verb and noun, "April", "June", "August" as names or adjective): read as
    /// months without a day or year only after a preposition (`strictMonthContext`).
    static let ambiguousMonths: Set<Int> = [3, 4, 5, 6, 8]

    /// English weekday names → ISO weekday (1 = Monday … 7 = Sunday).
    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
        "sunday": 7,
    ]

    /// Counting words for "two days ago", "a year ago".
    static let numberWords: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    ]

    /// Unit words, singular and plural.
    static let units: [String: DateUnit] = [
        "day": .day, "days": .day, "week": .week, "weeks": .week, "weekend": .weekend,
        "month": .month, "months": .month, "year": .year, "years": .year,
    ]

    /// "today" (0), "tonight" (0), "yesterday" (−1), "tomorrow" (+1).
    static let dayWords: [String: Int] = ["today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1]

    /// "start of the year", "end of the month": the words that may open such a phrase.
    static let partOfPeriod = ["start", "beginning", "end", "middle", "rest", "remainder"]

    /// Words that change what a date means and so belong to the mention's text: "since at least
    /// 2019", "until Monday", "by 2030", "before June", "after March".
    static let meaningPrepositions = ["since", "until", "till", "by", "before", "after"]

    /// Words before a bare four-digit number that make it a year ("in 2019", "since 2019",
    /// "by 2030", "the summer of 2019", "mid-2019", "fiscal 2023"). Without one (or a chain:
    /// "in 2019 and 2020"), a four-digit number is not read as a year.
    static let yearContext = [
        "in", "since", "by", "until", "till", "from", "before", "after", "during", "through",
        "throughout", "between", "of", "around", "circa", "early", "late", "mid", "year", "fiscal",
        "spring", "summer", "autumn", "fall", "winter",
    ]

    /// Words that let an unambiguous bare month name count as a month ("in February",
    /// "A November meeting", "scheduled for February").
    static let monthContext = [
        "in", "since", "by", "until", "till", "from", "before", "after", "during", "through",
        "throughout", "between", "of", "for", "to", "and", "or", "early", "late", "mid", "last",
        "next", "this", "a", "an", "the", "that", "around", "each", "every",
    ]

    /// The stricter list for ambiguous month names ("in May", "until March"), excluding "by",
    /// "for", "to" and the determiners ("a victory for May", "the March on Washington").
    static let strictMonthContext = [
        "in", "since", "until", "till", "from", "during", "through", "throughout", "of", "early",
        "late", "mid", "last", "next", "this", "before", "after", "between",
    ]

    /// Words that put a clause in the future (or at least the non-past): modals, words of plan
    /// and expectation, and the words of a business calendar ahead ("payable April 20",
    /// "effective March 4", "expires March 25", "talks resume on March 9").
    static let futureWords = [
        "will", "shall", "would", "could", "might", "can", "should", "must", "upcoming",
        "forthcoming", "expect", "expects", "expecting", "plans", "plan", "planning", "intends",
        "intend", "coming", "hope", "hoping", "tomorrow", "payable", "effective", "expires", "expire",
        "expiring", "resumes", "resume",
    ]

    /// Participles that mean future arrangement unless a past auxiliary comes just before
    /// ("was scheduled for February" is past; "is scheduled for February" future).
    static let futureParticiples = [
        "expected", "scheduled", "slated", "planned", "due", "invited", "poised", "intended",
        "set", "bound",
    ]

    /// Auxiliaries that turn a following arrangement participle into the past.
    static let pastAuxiliaries = ["was", "were", "had"]

    /// Past-tense markers besides regular "-ed" forms: auxiliaries and common irregular verbs.
    static let pastWords = [
        "was", "were", "had", "did", "said", "told", "ago", "yesterday", "met", "came", "went",
        "left", "took", "made", "held", "spoke", "gave", "saw", "began", "became", "sent", "wrote",
        "flew", "won", "lost", "fell", "rose", "struck", "sought", "brought", "thought", "fought",
        "bought", "caught", "led", "ran", "paid", "kept", "knew", "grew", "drew", "threw", "broke",
        "chose", "stood", "felt", "meant", "spent", "built", "sold", "found", "heard", "laid",
        "fled", "got", "ate", "drove", "arose", "blew", "withdrew", "overcame", "underwent",
        "shot", "sat", "slid", "hid", "forgot", "swore", "tore", "woke", "dealt", "oversaw",
        "undertook", "stole", "froze",
    ]

    /// Words ending in "-ed" that are not past verbs.
    static let edExceptions = [
        "need", "bed", "red", "shed", "fed", "wed", "speed", "seed", "feed", "indeed", "breed",
        "greed", "steed", "weed", "deed", "heed", "proceed", "succeed", "exceed", "hundred",
        "sacred", "naked", "wicked", "rugged", "aged", "beloved", "kindred", "ted", "ned", "fred",
    ]

    /// Abbreviations whose full stop does not end a sentence.
    static let abbreviations = [
        "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
        "jr", "sr", "no", "vs", "prof", "rev", "hon", "inc", "corp", "co", "ltd", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est",
    ]

    /// Words that, capitalised before a weekday or month, make it a holiday or other name.
    static let nameModifiers = [
        "good", "easter", "black", "bloody", "super", "ash", "cyber", "holy", "palm", "shrove",
        "maundy", "whit", "low", "blue", "fat", "rose", "mothering", "plough", "trinity", "passion",
        "great", "giving", "red", "green", "white",
    ]

    /// Forms of "be" before "due" ("is due to arrive").
    static let beForms = ["is", "are", "am", "be", "s", "was", "were", "been"]
}

/// A fixed open-addressing hash table from packed word keys to `DateWord`s. A lookup is one
/// multiply, a shift and usually one comparison — much cheaper than the standard library's
/// seeded hashing, and it runs once per word of every text.
struct DateWordTable: Sendable {
    private let keys: [UInt64]
    private let words: [DateWord]
    private let shift: UInt64
    private let mask: Int

    init(_ entries: [UInt64: DateWord]) {
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 4 { bits += 1 }
        let capacity = 1 << Int(bits)
        var keys = [UInt64](repeating: 0, count: capacity)
        var words = [DateWord](repeating: DateWord(), count: capacity)
        let shift = 64 - bits
        for (key, word) in entries where key != 0 {
            var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            words[slot] = word
        }
        self.keys = keys
        self.words = words
        self.shift = shift
        self.mask = capacity - 1
    }

    /// What is known about the word with this key (`DateWord.unknown` when nothing).
    func word(for key: UInt64) -> DateWord {
        guard key != 0 else { return DateWord() }
        var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = keys[slot]
            if found == key { return words[slot] }
            if found == 0 { return DateWord() }
            slot = (slot + 1) & mask
        }
    }
}
