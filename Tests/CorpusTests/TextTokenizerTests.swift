import Testing
@testable import Corpus

/// Token rules, on sentences written for the test and sentences quoted from the seeds.
@Suite struct TextTokenizerTests {
    typealias F = TextFixtures

    @Test func plainSentenceSplitsOnSpacesAndPunctuation() {
        #expect(F.words("Blinken met Qin, then left.") == ["Blinken", "met", "Qin", ",", "then", "left", "."])
        #expect(F.tokens("a 1 !").map(\.1) == [.word, .number, .punct])
    }

    @Test func spansPointAtTheBytes() {
        let text = "Xi – “hi”"
        let spans = Tokenizer.tokens(in: text)
        #expect(spans.map(\.start) == [0, 3, 7, 10, 12])
        #expect(spans.map(\.length) == [2, 3, 3, 2, 3])
        #expect(spans[1].end == 6)
        #expect(spans.map(\.kind) == [.word, .punct, .punct, .word, .punct])
    }

    @Test func unicodeSpacesSeparateTokens() {
        // U+00A0 no-break space, U+2009 thin space, U+202F narrow no-break space, tab, CR, LF.
        #expect(F.words("Washington:\u{00A0}It") == ["Washington", ":", "It"])
        #expect(F.words("5\u{2009}km\u{202F}away\tnow\r\nthen\nend") == ["5", "km", "away", "now", "then", "end"])
        // Seed 000: "Also Read:" followed by two no-break spaces.
        let line = "Also Read:\u{00A0}\u{00A0}American detained"
        #expect(F.words(line) == ["Also", "Read", ":", "American", "detained"])
    }

    @Test func apostropheInsideAWordStays() {
        #expect(F.words("I don’t know") == ["I", "don’t", "know"])
        #expect(F.words("at five o’clock") == ["at", "five", "o’clock"])
        #expect(F.words("we can't, we won't") == ["we", "can't", ",", "we", "won't"])
        // Seed 001: "I’m hoping that, over the next several months, I’ll be meeting with Xi"
        #expect(F.words("I’m hoping that I’ll be") == ["I’m", "hoping", "that", "I’ll", "be"])
        // Seed 004: "“We’re coming to Beijing"
        #expect(F.words("“We’re coming") == ["“", "We’re", "coming"])
    }

    @Test func possessiveSIsItsOwnWordToken() {
        #expect(F.tokens("China’s") .map(\.0) == ["China", "’s"])
        #expect(F.tokens("China’s").map(\.1) == [.word, .word])
        #expect(F.words("China's") == ["China", "'s"])
        #expect(F.words("IT’S") == ["IT", "’S"])
        #expect(F.norms("China’s") == ["china", "'s"])
        // Seed 002: "the world’s two largest economies"
        #expect(F.words("the world’s two largest") == ["the", "world", "’s", "two", "largest"])
        // Seed 001: "how there’s areas", seed 000: "It's allies"
        #expect(F.words("how there’s areas") == ["how", "there", "’s", "areas"])
        #expect(F.words("It's allies") == ["It", "'s", "allies"])
        // A possessive before punctuation and after an abbreviation.
        #expect(F.words("of Blinken’s.") == ["of", "Blinken", "’s", "."])
        #expect(F.words("the U.S.’s role") == ["the", "U.S.", "’s", "role"])
        // Not a clitic: an "s" that begins a longer word after the apostrophe.
        #expect(F.words("O’Sullivan said") == ["O’Sullivan", "said"])
    }

    @Test func trailingPluralPossessiveApostropheIsSplit() {
        // Seed 002: "advancing US and allies’ interests"
        #expect(F.tokens("US and allies’ interests").map(\.0) == ["US", "and", "allies", "’", "interests"])
        #expect(F.kind(of: "’", in: "allies’ interests") == .punct)
        #expect(F.norms("allies’")  == ["allies", "'"])
    }

    @Test func quotesOpenAndCloseAsPunct() {
        // Seed 004: "should respect the ‘Taiwan issue’"
        #expect(F.words("respect the ‘Taiwan issue’") == ["respect", "the", "‘", "Taiwan", "issue", "’"])
        // Seed 000: "Also Read: 'Big-time opportunities' in Saudi"
        #expect(F.words("Read: 'Big-time opportunities' in") == ["Read", ":", "'", "Big-time", "opportunities", "'", "in"])
        #expect(F.words("said, \"both sides.\"") == ["said", ",", "\"", "both", "sides", ".", "\""])
        #expect(F.words("“trip is essential”,") == ["“", "trip", "is", "essential", "”", ","])
    }

    @Test func enAndEmDashesAreAlwaysPunct() {
        // Seed 000: "On June 18–19, Blinken" (en dash U+2013)
        #expect(F.tokens("June 18–19,").map(\.0) == ["June", "18", "–", "19", ","])
        #expect(F.tokens("June 18–19,").map(\.1) == [.word, .number, .punct, .number, .punct])
        // Seed 004: "derail Blinken’s visit –which had" (en dash glued to the word), and an em dash.
        #expect(F.words("visit –which had") == ["visit", "–", "which", "had"])
        #expect(F.words("visit—which had") == ["visit", "—", "which", "had"])
        #expect(F.words("Paris—London") == ["Paris", "—", "London"])
    }

    @Test func hyphenatedWordsStayOneToken() {
        for word in ["face-to-face", "US-China", "working-level", "military-to-military", "self-ruled",
                     "multibillion-dollar", "CCTV-affiliated", "Asia-Pacific", "Al-Jazeera", "COVID-19"] {
            #expect(F.words("a \(word) b") == ["a", word, "b"], "\(word)")
            #expect(F.kind(of: word, in: word) == .word)
        }
        // Seed 004: "the CCTV-affiliated blogger", seed 002: "a potential military clash over the self-ruled island"
        #expect(F.words("the CCTV-affiliated blogger.") == ["the", "CCTV-affiliated", "blogger", "."])
        // Unicode hyphen U+2010 and non-breaking hyphen U+2011 join too.
        #expect(F.words("face\u{2010}to\u{2011}face") == ["face\u{2010}to\u{2011}face"])
        #expect(Tokenizer.norm("face\u{2010}to\u{2011}face") == "face-to-face")
    }

    @Test func leadingAndTrailingHyphensArePunct() {
        #expect(F.words("-5 degrees") == ["-", "5", "degrees"])
        #expect(F.words("pre- and post-war") == ["pre", "-", "and", "post-war"])
        #expect(F.words("well--known") == ["well", "-", "-", "known"])
    }

    @Test func abbreviationsKeepTheirPeriods() {
        for abbreviation in ["U.S.", "U.N.", "Mr.", "Mrs.", "Dr.", "St.", "Gov.", "Sen.", "Rep.", "Gen.", "Lt.",
                             "Prof.", "Inc.", "Ltd.", "Co.", "Corp.", "vs.", "e.g.", "i.e.", "etc.", "U.S.A.", "Ph.D."] {
            #expect(F.words("with \(abbreviation) here") == ["with", abbreviation, "here"], "\(abbreviation)")
            #expect(F.kind(of: abbreviation, in: "with \(abbreviation) here") == .word)
        }
        for month in ["Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec."] {
            #expect(F.words("on \(month) 5") == ["on", month, "5"], "\(month)")
        }
        // "May" is a month and a verb: "may." is a word and a period.
        #expect(F.words("it may.") == ["it", "may", "."])
        // Seed 003: "With Mr. Blinken headed to China" but "Mr Blinken’s visit" without a period.
        #expect(F.words("With Mr. Blinken headed") == ["With", "Mr.", "Blinken", "headed"])
        #expect(F.words("Mr Blinken’s visit") == ["Mr", "Blinken", "’s", "visit"])
        #expect(Tokenizer.norm("U.S.") == "u.s.")
    }

    @Test func noKeepsItsPeriodOnlyBeforeANumber() {
        #expect(F.words("ranked No. 1 in") == ["ranked", "No.", "1", "in"])
        #expect(F.words("He said No. Then") == ["He", "said", "No", ".", "Then"])
    }

    @Test func initialsKeepTheirPeriods() {
        #expect(F.words("John F. Kennedy") == ["John", "F.", "Kennedy"])
        #expect(F.words("J. R. R. Tolkien") == ["J.", "R.", "R.", "Tolkien"])
        // Seed 001 list labels "a." and "b."
        #expect(F.words("a. that it will") == ["a.", "that", "it", "will"])
        // The pronoun "I" at a sentence end is not an initial.
        #expect(F.words("than I. Then") == ["than", "I", ".", "Then"])
    }

    @Test func aWordBeforeAFullStopLosesThePeriod() {
        // Seed 003: "at 39.4C." and "Because time is running out."
        #expect(F.words("is running out. Next") == ["is", "running", "out", ".", "Next"])
        #expect(F.words("since at least 2019.") == ["since", "at", "least", "2019", "."])
        #expect(F.words("the US.") == ["the", "US", "."])
    }

    @Test func ellipsesAreOneToken() {
        #expect(F.words("wait... what") == ["wait", "...", "what"])
        #expect(F.words("wait…what") == ["wait", "…", "what"])
        #expect(F.words("etc...") == ["etc", "..."])
        #expect(F.kind(of: "…", in: "a … b") == .punct)
    }

    @Test func numbers() {
        let cases: [(String, [String])] = [
            ("in 2023,", ["in", "2023", ","]),
            ("1,000 people", ["1,000", "people"]),
            ("1,000,000", ["1,000,000"]),
            ("3.5 percent", ["3.5", "percent"]),
            ("at 39.4C.", ["at", "39.4C", "."]),           // seed 003: a number with a unit
            ("18-6-2023 (BEIJING)", ["18-6-2023", "(", "BEIJING", ")"]),  // seed 002's dateline
            ("5% rise", ["5%", "rise"]),
            ("$5 bill", ["$", "5", "bill"]),                 // currency is its own punct token
            ("the 1990s", ["the", "1990s"]),
            ("after 9/11", ["after", "9/11"]),
            ("at 10:30", ["at", "10:30"]),
            ("(1,2)", ["(", "1", ",", "2", ")"]),           // not a thousands group
            ("1,0000", ["1", ",", "0000"]),
            ("on 18-19 June", ["on", "18-19", "June"]),      // seed 004, ASCII hyphen
        ]
        for (text, expected) in cases {
            #expect(F.words(text) == expected, "\(text)")
        }
        for number in ["2023", "1,000", "3.5", "39.4C", "18-6-2023", "5%", "1990s", "9/11"] {
            #expect(F.kind(of: number, in: number) == .number, "\(number)")
        }
        #expect(F.kind(of: "G20", in: "the G20 summit") == .word)  // starts with a letter
    }

    @Test func otherPunctuationIsOneTokenPerCharacter() {
        #expect(F.words("Home » Blinken") == ["Home", "»", "Blinken"])
        #expect(F.words("(APEC) grouping;") == ["(", "APEC", ")", "grouping", ";"])
        #expect(F.words("Why?!") == ["Why", "?", "!"])
        #expect(F.words("marked *") == ["marked", "*"])
        #expect(F.words("Beijing | “The") == ["Beijing", "|", "“", "The"])
    }

    @Test func smallJoinsInsideWords() {
        #expect(F.words("AT&T and S&P") == ["AT&T", "and", "S&P"])
        #expect(F.words("you & me") == ["you", "&", "me"])
        #expect(F.words("CONFIG_NET_NS=y") == ["CONFIG_NET_NS", "=", "y"])
        #expect(F.words("see theguardian.com.") == ["see", "theguardian.com", "."])
    }

    @Test func accentedWordsAndNonLatinScripts() {
        #expect(F.words("Emmanuel Macron’s café in Zürich") == ["Emmanuel", "Macron", "’s", "café", "in", "Zürich"])
        #expect(F.words("Москва и Пекин") == ["Москва", "и", "Пекин"])
        // A decomposed accent (e + U+0301) stays in the word.
        #expect(F.words("cafe\u{301} ok") == ["cafe\u{301}", "ok"])
    }

    @Test func hangulEndsWhereOtherLettersOrDigitsBegin() {
        // Korean particles and counters written onto a Latin name or a number (from a Korean
        // news page: "최태원 SK그룹 회장", "1000억원", "2015년 이후").
        #expect(F.words("최태원 SK그룹 회장의") == ["최태원", "SK", "그룹", "회장의"])
        #expect(F.words("Samsung은 2015년 이후 1000억원을") == ["Samsung", "은", "2015", "년", "이후", "1000", "억원을"])
        #expect(F.words("Linus Torvalds가 말했다") == ["Linus", "Torvalds", "가", "말했다"])
        #expect(F.words("갤럭시S24 출시") == ["갤럭시", "S24", "출시"])
        // Hangul alone, and other scripts together, are unchanged; a hyphen still joins.
        #expect(F.words("서울 대한민국") == ["서울", "대한민국"])
        #expect(F.words("café-Zürich COVID-19") == ["café-Zürich", "COVID-19"])
        #expect(F.words("K-팝") == ["K-팝"])
    }

    @Test func seedParagraphTokensAreAllAccountedFor() throws {
        // Seed 002's first sentence, counted by hand: 32 tokens.
        let text = try F.seed("002")
        let first = String(text.prefix { $0 != "\n" })
        let sentence = String(first[..<(try #require(first.range(of: "five years."))).upperBound])
        #expect(F.words(sentence) == [
            "18-6-2023", "(", "BEIJING", ")", "US", "Secretary", "of", "State", "Antony", "Blinken", "touched",
            "down", "in", "Beijing", "on", "Sunday", ",", "marking", "the", "first", "visit", "by", "a", "top",
            "American", "diplomat", "to", "China", "in", "five", "years", ".",
        ])
    }
}
