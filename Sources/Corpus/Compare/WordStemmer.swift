/// A light English stemmer for comparing sentences: it folds plural and verb endings, British
/// spellings and common irregular verbs so paraphrases share their content words
/// ("meetings"/"meeting"/"meet" → "meet", "postponed"/"postpone" → "postpon", "stabilised"/
/// "stabilize" → "stabiliz", "took" → "tak").
///
/// Stems need not be words; they only have to agree. The rules are deliberately few and
/// predictable (no Porter steps for -ment, -ness, -ation): two different words seldom collide,
/// and a collision costs little because sentences are compared on many words at once.
/// Non-ASCII words are returned unchanged.
public enum WordStemmer {
    /// The stem of a normalised word (lowercase, as the lexicon stores it).
    public static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 < 0x80 }) else { return word }
        if bytes.contains(0x2E) && bytes.contains(where: isLetter) { bytes.removeAll { $0 == 0x2E } }  // "u.s." → "us"
        if let base = irregular[String(decoding: bytes, as: UTF8.self)] { bytes = Array(base.utf8) }
        stem(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Stems ASCII bytes in place.
    static func stem(_ s: inout [UInt8]) {
        guard s.count > 3 else { return }
        respell(&s)
        if !keepFinalS.contains(String(decoding: s, as: UTF8.self)) { dropPlural(&s) }
        if s.count >= 5 && hasSuffix(s, "tre") {
            s[s.count - 2] = UInt8(ascii: "e")
            s[s.count - 1] = UInt8(ascii: "r")
        }
        dropVerbEnding(&s)
        if s.count > 3 && s.last == UInt8(ascii: "e") { s.removeLast() }
    }

    /// British to American spelling, anywhere in the word: "our" → "or" (not at the start),
    /// "ise"/"yse" → "ize"/"yze" (a final "tre" → "ter" is done after the plural is dropped).
    static func respell(_ s: inout [UInt8]) {
        var i = 1
        while i + 2 < s.count {
            if s[i] == UInt8(ascii: "o") && s[i + 1] == UInt8(ascii: "u") && s[i + 2] == UInt8(ascii: "r") {
                s.remove(at: i + 1)
            } else if (s[i] == UInt8(ascii: "i") || s[i] == UInt8(ascii: "y")) && s[i + 1] == UInt8(ascii: "s")
                        && s[i + 2] == UInt8(ascii: "e") && i >= 2 {
                s[i + 1] = UInt8(ascii: "z")
            }
            i += 1
        }
    }

    /// "countries" → "country", "classes" → "class", "talks" → "talk"; keeps "-ss", "-us", "-is".
    static func dropPlural(_ s: inout [UInt8]) {
        if hasSuffix(s, "ies") && s.count > 4 {
            s.removeLast(3)
            s.append(UInt8(ascii: "y"))
        } else if hasSuffix(s, "sses") {
            s.removeLast(2)
        } else if hasSuffix(s, "ss") || hasSuffix(s, "us") || hasSuffix(s, "is") {
            return
        } else if s.last == UInt8(ascii: "s") {
            s.removeLast()
        }
    }

    /// "denied" → "deny", "meeting" → "meet", "stopped" → "stop", "travelled" → "travel",
    /// "recently" → "recent".
    static func dropVerbEnding(_ s: inout [UInt8]) {
        if hasSuffix(s, "ied") && s.count > 4 {
            s.removeLast(3)
            s.append(UInt8(ascii: "y"))
        } else if hasSuffix(s, "ing") && s.count >= 6 && hasVowel(s[0..<(s.count - 3)]) {
            s.removeLast(3)
            undouble(&s)
        } else if hasSuffix(s, "ed") && s.count >= 5 && hasVowel(s[0..<(s.count - 2)]) {
            s.removeLast(2)
            undouble(&s)
        } else if hasSuffix(s, "ly") && s.count >= 6 {
            s.removeLast(2)
        }
    }

    /// Drops one of a final doubled consonant ("stopp" → "stop"); "ll" only after "e"
    /// ("travell" → "travel", but "call" stays).
    static func undouble(_ s: inout [UInt8]) {
        guard s.count >= 3, let last = s.last, s[s.count - 2] == last, !isVowel(last) else { return }
        switch last {
        case UInt8(ascii: "s"), UInt8(ascii: "z"): return
        case UInt8(ascii: "l"): if s[s.count - 3] == UInt8(ascii: "e") { s.removeLast() }
        default: s.removeLast()
        }
    }

    static func hasSuffix(_ s: [UInt8], _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard s.count >= n else { return false }
        return suffix.withUTF8Buffer { buffer in
            for k in 0..<n where s[s.count - n + k] != buffer[k] { return false }
            return true
        }
    }

    static func isVowel(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "a") || b == UInt8(ascii: "e") || b == UInt8(ascii: "i") || b == UInt8(ascii: "o")
            || b == UInt8(ascii: "u") || b == UInt8(ascii: "y")
    }

    static func hasVowel(_ s: ArraySlice<UInt8>) -> Bool { s.contains(where: isVowel) }

    static func isLetter(_ b: UInt8) -> Bool { b &- UInt8(ascii: "a") < 26 }

    /// Words ending in "s" that are not plurals (or whose plural-less form is another word).
    static let keepFinalS: Set<String> = [
        "news", "series", "species", "means", "chaos", "lens", "bus", "gas", "alias", "canvas", "atlas",
        "bias", "texas", "paris", "athens", "brussels", "wales", "mars", "james", "jones", "always",
        "perhaps", "whereas", "besides", "towards", "afterwards", "overseas", "nations", "jesus",
    ]

    /// Irregular verb forms and their base forms (stemmed like any word afterwards).
    static let irregular: [String: String] = [
        "took": "take", "taken": "take", "told": "tell", "said": "say", "says": "say", "met": "meet",
        "went": "go", "gone": "go", "began": "begin", "begun": "begin", "held": "hold", "shot": "shoot",
        "flew": "fly", "flown": "fly", "spoke": "speak", "spoken": "speak", "left": "leave", "came": "come",
        "made": "make", "gave": "give", "given": "give", "sent": "send", "won": "win", "lost": "lose",
        "saw": "see", "seen": "see", "wrote": "write", "written": "write", "ran": "run", "brought": "bring",
        "thought": "think", "sought": "seek", "struck": "strike", "led": "lead", "fell": "fall",
        "fallen": "fall", "knew": "know", "known": "know", "found": "find", "kept": "keep", "paid": "pay",
        "sold": "sell", "bought": "buy", "built": "build", "caught": "catch", "chose": "choose",
        "chosen": "choose", "drew": "draw", "drawn": "draw", "drove": "drive", "driven": "drive",
        "fought": "fight", "grew": "grow", "grown": "grow", "heard": "hear", "hit": "hit", "hung": "hang",
        "laid": "lay", "meant": "mean", "rose": "rise", "risen": "rise", "sat": "sit", "shown": "show",
        "stood": "stand", "taught": "teach", "threw": "throw", "thrown": "throw", "understood": "understand",
        "woke": "wake", "woken": "wake", "wore": "wear", "worn": "wear", "withdrew": "withdraw",
        "withdrawn": "withdraw", "forgot": "forget", "forgotten": "forget", "broke": "break",
        "broken": "break", "swore": "swear", "sworn": "swear", "became": "become", "felt": "feel",
        "got": "get", "gotten": "get", "men": "man", "women": "woman", "children": "child", "people": "person",
        "feet": "foot", "teeth": "tooth", "mice": "mouse", "crises": "crisis", "analyses": "analysis",
    ]
}
