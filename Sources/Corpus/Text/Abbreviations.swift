/// The abbreviations that keep their final period, and how each behaves at a sentence boundary.
///
/// Lookups pack a word of up to 8 bytes into a `UInt64` (zero-padded; text bytes inside a word are
/// never zero), so checking a candidate costs one hash of an integer and no allocation.
enum Abbreviations {
    /// How an abbreviation token (one ending in a period) affects sentence splitting.
    enum Role {
        /// Titles and similar words that precede what they qualify ("Mr.", "Dr.", "Gen.", "No.", "e.g."):
        /// never the end of a sentence except at the end of a paragraph.
        case title
        /// A single capital-letter initial ("J.", "F."): never ends a sentence (a name follows).
        /// A single lowercase letter ("a.", "m.") is `ordinary`.
        case initial
        /// Abbreviations that may close a sentence ("U.S.", "Inc.", "etc.", "Jan."): the sentence
        /// ends only when the next word clearly starts a new one (see `starters`).
        case ordinary
    }

    /// Words that precede a name or number: the period never ends a sentence.
    static let titleWords: [String] = [
        "Mr", "Mrs", "Ms", "Mssrs", "Messrs", "Mmes", "Mme", "Dr", "Drs", "St", "Ste", "Mt", "Ft",
        "Gov", "Govs", "Sen", "Sens", "Rep", "Reps", "Gen", "Gens", "Lt", "Col", "Capt", "Cmdr", "Adm",
        "Maj", "Brig", "Sgt", "Cpl", "Pvt", "Supt", "Insp", "Det", "Prof", "Rev", "Hon", "Pres", "Fr",
        "Atty", "Amb", "Sec", "Gov't", "No", "Nos", "Art", "Fig", "Figs", "Vol", "Vols", "pp", "ch",
        "vs", "Vs", "cf", "Cf", "viz", "e.g", "E.g", "i.e", "I.e", "approx", "Approx", "ca", "cca",
    ]

    /// Abbreviations that can also stand at the end of a sentence.
    static let ordinaryWords: [String] = [
        "Inc", "Ltd", "Co", "Corp", "Cos", "Bros", "Plc", "LLC", "Jr", "Sr", "Esq", "Ph.D", "PhD",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Tue", "Tues", "Thu", "Thur", "Thurs",
        "etc", "al", "Ave", "Blvd", "Rd", "Dept", "Univ", "Assn", "Bldg", "Calif", "Fla", "Conn",
        "Ariz", "Colo", "Mich", "Minn", "Tenn", "Ky",
    ]

    /// Abbreviations that keep their period only when a number follows ("No. 1", "Art. 5"):
    /// otherwise "No." at the end of a sentence is the word "No" and a full stop.
    static let needNumberWords: [String] = ["No", "Nos", "Art", "Fig", "Figs", "Vol", "Vols", "pp", "ch"]

    /// Capitalised words that, after an ordinary abbreviation, show a new sentence has begun
    /// ("… in the U.S. The next day …"). Nouns are deliberately absent: "U.S. Treasury" continues.
    static let starterWords: [String] = [
        "The", "A", "An", "In", "It", "Its", "He", "She", "They", "We", "I", "You", "His", "Her",
        "Their", "Our", "My", "This", "That", "These", "Those", "There", "Then", "But", "And", "Or",
        "So", "Yet", "If", "When", "While", "As", "At", "On", "For", "After", "Before", "Since",
        "Although", "Though", "Because", "During", "Despite", "However", "Also", "Still", "Now",
        "What", "Why", "How", "Who", "Where", "Which", "Some", "Many", "Most", "Both", "Each",
        "Such", "Not", "No", "Yes", "Last", "Next", "One", "Two", "Three", "Earlier", "Later",
        "Today", "Instead", "Under", "Over", "From", "With", "Without", "By", "To", "Asked",
    ]

    /// Capitalised words that go on with a time after "a.m."/"p.m." ("7 p.m. Friday", "9 a.m. EST"), lower-cased.
    static let timeFollowers: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
        "thu", "thur", "thurs", "fri", "sat", "sun", "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "akst", "hst",
        "gmt", "utc", "bst", "cet", "cest", "eet", "eest", "ist", "jst", "kst", "aest", "aedt", "awst", "nzst", "nzdt",
        "et", "ct", "mt", "pt", "eastern", "central", "mountain", "pacific", "atlantic", "greenwich", "local",
        "moscow", "beijing", "tokyo", "london", "paris", "hong", "new", "washington",
    ]

    /// Whether `start..<end` (with its final period) is a time abbreviation: "a.m.", "p.m.", "A.M.", "P.M.".
    static func isTime(_ bytes: UTF8Bytes, start: Int, end: Int) -> Bool {
        guard end - start == 4 else { return false }
        let first = bytes.base[start] | 0x20, second = bytes.base[start + 2] | 0x20
        return (first == 0x61 || first == 0x70) && bytes.base[start + 1] == 0x2E && second == 0x6D
            && bytes.base[start + 3] == 0x2E
    }

    /// Every word (without its final period) that the tokenizer joins to a following period.
    static let tokenKeys: Set<UInt64> = Set((titleWords + ordinaryWords).compactMap { key($0) })
    /// Keys of `titleWords`.
    static let titleKeys: Set<UInt64> = Set(titleWords.compactMap { key($0) })
    /// Keys of `needNumberWords`.
    static let needNumberKeys: Set<UInt64> = Set(needNumberWords.compactMap { key($0) })
    /// Keys of `starterWords`.
    static let starterKeys: Set<UInt64> = Set(starterWords.compactMap { key($0) })

    /// Packs a string of at most 8 UTF-8 bytes into an integer key.
    static func key(_ word: String) -> UInt64? {
        var packed: UInt64 = 0
        var shift: UInt64 = 0
        for byte in word.utf8 {
            guard shift < 64 else { return nil }
            packed |= UInt64(byte) << shift
            shift += 8
        }
        return packed
    }

    /// Packs `length` bytes at `start` into an integer key, or nil when longer than 8 bytes.
    @inline(__always)
    static func key(_ bytes: UTF8Bytes, start: Int, length: Int) -> UInt64? {
        guard length > 0 && length <= 8 else { return nil }
        var packed: UInt64 = 0
        for offset in 0..<length {
            packed |= UInt64(bytes.base[start + offset]) << (UInt64(offset) * 8)
        }
        return packed
    }

    /// Whether `start..<end` is a run of one- or two-letter ASCII segments separated by single
    /// periods ("U.S", "e.g", "U.S.A", "Ph.D", "a.m"): such tokens keep a following period.
    static func isDottedLetters(_ bytes: UTF8Bytes, start: Int, end: Int) -> Bool {
        var segment = 0
        var periods = 0
        var i = start
        while i < end {
            let b = bytes.base[i]
            if b == 0x2E {
                if segment == 0 { return false }
                segment = 0
                periods += 1
            } else if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
                segment += 1
                if segment > 2 { return false }
            } else {
                return false
            }
            i += 1
        }
        return periods > 0 && segment > 0
    }

    /// The sentence role of an abbreviation token (`start..<end` includes the final period).
    static func role(_ bytes: UTF8Bytes, start: Int, end: Int) -> Role {
        let stem = end - 1 - start
        if stem <= 0 { return .ordinary }
        if stem == 1 && bytes.base[start] >= 0x61 && bytes.base[start] <= 0x7A {
            return .ordinary  // "a." labels a list item, but "10 m." can end a sentence
        }
        if stem <= 4, bytes.scalar(at: start).length == stem { return .initial }
        if let key = key(bytes, start: start, length: stem), titleKeys.contains(key) { return .title }
        return .ordinary
    }
}
