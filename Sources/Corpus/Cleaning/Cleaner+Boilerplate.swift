/// Line rules: each looks at one normalised line (features first: length, first letter, keywords).
/// Context (blank lines around, headings, captions next to credits) is applied by `Cleaner.clean`.
extension Cleaner {
    /// Why a line was removed (mirrors `BoilerplateReason`).
    enum Reason: UInt8, CaseIterable {
        case relatedLink, sharePrompt, commentWidget, navigation, imageCredit, caption, creditLine, repeatedTitle,
            emptyFiller

        var text: String {
            switch self {
            case .relatedLink: BoilerplateReason.relatedLink
            case .sharePrompt: BoilerplateReason.sharePrompt
            case .commentWidget: BoilerplateReason.commentWidget
            case .navigation: BoilerplateReason.navigation
            case .imageCredit: BoilerplateReason.imageCredit
            case .caption: BoilerplateReason.caption
            case .creditLine: BoilerplateReason.creditLine
            case .repeatedTitle: BoilerplateReason.repeatedTitle
            case .emptyFiller: BoilerplateReason.emptyFiller
            }
        }
    }

    /// What a rule says about a line.
    struct Verdict {
        var reason: Reason
        /// The rule matched a short stock phrase ("Comments", "Share this") that could also be a word of wrapped
        /// prose or a heading, so it only counts when the line stands alone between blank lines or other boilerplate.
        var standalone = false
        /// An outlet named by the line: a credit ("Source: theguardian") or a share prompt ("Join NewsTrack …").
        var source: String?
        /// How much to trust `source`: 0 credit line, 1 share prompt.
        var sourceRank = 0
        /// For a breadcrumb: its last segment, the page's title.
        var breadcrumbTarget: String?
    }

    /// Longest line a rule looks at; boilerplate lines are short, body paragraphs are long.
    static let longestBoilerplate = 300

    /// Classifies one line's content (no indentation, trailing spaces trimmed), or nil for body text.
    static func classify(_ c: ArraySlice<UInt8>, outlets: OutletTable) -> Verdict? {
        guard let first = c.first, c.count <= longestBoilerplate else { return nil }
        // Boilerplate lines start with a capital, digit or mark; a lower-case start is wrapped prose, and a final
        // "::" opens an RST literal block.
        if Bytes.isLowerASCII(first) { return nil }
        if c.count >= 2, c[c.endIndex - 1] == 0x3A, c[c.endIndex - 2] == 0x3A { return nil }
        var verdict: Verdict?
        switch Bytes.lower(first) {
        case 0x61: verdict = rulesA(c)  // a
        case 0x62: verdict = rulesB(c)  // b
        case 0x63: verdict = rulesC(c, outlets: outlets)  // c
        case 0x66: verdict = rulesF(c)  // f
        case 0x67: verdict = rulesG(c)  // g
        case 0x68: verdict = breadcrumb(c)  // h
        case 0x69: verdict = imageCredit(c)  // i
        case 0x6A: verdict = rulesJ(c)  // j
        case 0x6C: verdict = rulesL(c)  // l
        case 0x6D: verdict = rulesM(c)  // m
        case 0x6E: verdict = rulesN(c)  // n
        case 0x6F: verdict = Bytes.whole(c, "older posts") ? Verdict(reason: .navigation, standalone: true)
            : Bytes.prefix(c, "our standards") != nil && c.count <= 100 ? Verdict(reason: .creditLine) : nil
        case 0x70: verdict = rulesP(c)  // p
        case 0x72: verdict = rulesR(c)  // r
        case 0x73: verdict = rulesS(c, outlets: outlets)  // s
        case 0x74: verdict = rulesT(c)  // t
        case 0x75: verdict = unsubscribe(c, from: c.startIndex)  // u
        case 0x77: verdict = rulesW(c)  // w
        case 0x79: verdict = rulesY(c)  // y
        case 0x28: verdict = parenthesised(c, outlets: outlets)  // (
        case 0xC2 where c.count > 2 && c[c.startIndex + 1] == 0xA9:  // ©
            verdict = rightsNotice(c, after: c.startIndex + 2, outlets: outlets)
        case 0x26: verdict = onlyEntities(c) ? Verdict(reason: .emptyFiller) : nil  // &nbsp;
        case 0x2D, 0xE2: verdict = dashedAgency(c, outlets: outlets)  // "— Reuters"
        default:
            if Bytes.isDigit(first) { verdict = commentCount(c) }
        }
        if verdict == nil, c.count > 12, let last = c.last, last == 0x29 || c.contains(0x7C) {
            verdict = captionWithCredit(c)
        }
        return verdict
    }

    // MARK: - Rules by first letter

    private static func rulesA(_ c: ArraySlice<UInt8>) -> Verdict? {
        for phrase: StaticString in ["also read", "also see", "also watch"] {
            if let j = Bytes.prefix(c, phrase) { return relatedLink(c, after: j) }
        }
        if Bytes.whole(c, "add a comment") || Bytes.whole(c, "add comment") {
            return Verdict(reason: .commentWidget, standalone: true)
        }
        if Bytes.prefix(c, "also follow") != nil { return sharePrompt(c, verbEnd: nil) }
        return nil
    }

    private static func rulesB(_ c: ArraySlice<UInt8>) -> Verdict? {
        if Bytes.whole(c, "back to top") { return Verdict(reason: .navigation, standalone: true) }
        if Bytes.prefix(c, "be the first to comment") != nil { return Verdict(reason: .commentWidget, standalone: true) }
        return nil
    }

    private static func rulesC(_ c: ArraySlice<UInt8>, outlets: OutletTable) -> Verdict? {
        if let j = Bytes.prefix(c, "copyright") { return rightsNotice(c, after: j, outlets: outlets) }
        for phrase: StaticString in ["comments", "comment", "cancel reply", "comments are closed", "comment *"]
        where Bytes.whole(c, phrase) {
            return Verdict(reason: .commentWidget, standalone: true)
        }
        if let j = Bytes.prefix(c, "courtesy") { return courtesy(c, after: j, outlets: outlets) }
        if Bytes.prefix(c, "credit") != nil { return imageCredit(c) }
        if Bytes.prefix(c, "click here") != nil { return sharePrompt(c, verbEnd: nil) }
        if Bytes.whole(c, "copy link") { return Verdict(reason: .sharePrompt, standalone: true) }
        return nil
    }

    private static func rulesF(_ c: ArraySlice<UInt8>) -> Verdict? {
        if Bytes.prefix(c, "follow") != nil || Bytes.prefix(c, "for more") != nil
            || Bytes.prefix(c, "for the latest") != nil || Bytes.prefix(c, "for latest") != nil
        {
            return sharePrompt(c, verbEnd: nil)
        }
        if Bytes.prefix(c, "file photo") != nil || Bytes.prefix(c, "file image") != nil
            || Bytes.prefix(c, "file pic") != nil
        {
            return imageCredit(c)
        }
        return nil
    }

    private static func rulesG(_ c: ArraySlice<UInt8>) -> Verdict? {
        if Bytes.whole(c, "go to top") { return Verdict(reason: .navigation, standalone: true) }
        if Bytes.prefix(c, "get the latest") != nil || Bytes.prefix(c, "get latest") != nil {
            return sharePrompt(c, verbEnd: nil)
        }
        return nil
    }

    private static func rulesJ(_ c: ArraySlice<UInt8>) -> Verdict? {
        if Bytes.whole(c, "join the conversation") || Bytes.whole(c, "join the discussion") {
            return Verdict(reason: .commentWidget, standalone: true)
        }
        if let j = Bytes.prefix(c, "join") { return sharePrompt(c, verbEnd: j) }
        return nil
    }

    private static func rulesL(_ c: ArraySlice<UInt8>) -> Verdict? {
        if Bytes.whole(c, "leave a reply") || Bytes.whole(c, "leave a comment") || Bytes.whole(c, "load comments") {
            return Verdict(reason: .commentWidget, standalone: true)
        }
        if Bytes.prefix(c, "leave a reply") != nil, Bytes.contains(c, "cancel reply") {
            return Verdict(reason: .commentWidget)
        }
        if Bytes.whole(c, "latest news") { return Verdict(reason: .relatedLink, standalone: true) }
        if Bytes.prefix(c, "like us") != nil { return sharePrompt(c, verbEnd: nil) }
        return nil
    }

    private static func rulesM(_ c: ArraySlice<UInt8>) -> Verdict? {
        if let j = Bytes.prefix(c, "must read") ?? Bytes.prefix(c, "more from"), Bytes.skipSpaces(c, from: j) < c.endIndex,
            c[Bytes.skipSpaces(c, from: j)] == 0x3A
        {
            return Verdict(reason: .relatedLink)
        }
        for phrase: StaticString in ["more stories", "more news", "more on this story", "most read", "most popular"]
        where Bytes.whole(c, phrase) {
            return Verdict(reason: .relatedLink, standalone: true)
        }
        return nil
    }

    private static func rulesN(_ c: ArraySlice<UInt8>) -> Verdict? {
        if Bytes.whole(c, "no comments") { return Verdict(reason: .commentWidget, standalone: true) }
        if Bytes.prefix(c, "notify me of") != nil, Bytes.contains(c, "comment") || Bytes.contains(c, "new post") {
            return Verdict(reason: .commentWidget)
        }
        for phrase: StaticString in ["next post", "next article", "next story"] {
            if let verdict = pagerLink(c, phrase) { return verdict }
        }
        if Bytes.whole(c, "newer posts") { return Verdict(reason: .navigation, standalone: true) }
        return nil
    }

    private static func rulesP(_ c: ArraySlice<UInt8>) -> Verdict? {
        if Bytes.whole(c, "post a comment") || Bytes.whole(c, "post comment") {
            return Verdict(reason: .commentWidget, standalone: true)
        }
        if Bytes.whole(c, "post navigation") { return Verdict(reason: .navigation, standalone: true) }
        for phrase: StaticString in ["previous post", "previous article", "previous story"] {
            if let verdict = pagerLink(c, phrase) { return verdict }
        }
        if Bytes.prefix(c, "please follow") != nil { return sharePrompt(c, verbEnd: nil) }
        for word: StaticString in ["photo", "photos", "photograph", "pic", "picture"] where Bytes.prefix(c, word) != nil {
            return imageCredit(c)
        }
        return nil
    }

    private static func rulesR(_ c: ArraySlice<UInt8>) -> Verdict? {
        if let j = Bytes.prefix(c, "read also") { return relatedLink(c, after: j) }
        if let j = Bytes.prefix(c, "read more") {
            if Bytes.onlyTrailingMarks(c, from: j) { return Verdict(reason: .relatedLink, standalone: true) }
            let k = Bytes.skipSpaces(c, from: j)
            if k < c.endIndex, c[k] == 0x3A || c[k] == 0x7C || c[k] == 0xC2 { return Verdict(reason: .relatedLink) }
            return nil
        }
        if Bytes.prefix(c, "required fields are marked") != nil { return Verdict(reason: .commentWidget) }
        if let j = Bytes.prefix(c, "related") {
            for phrase: StaticString in [
                "related", "related news", "related articles", "related stories", "related posts", "related content",
                "related links", "related reading", "related coverage", "related videos", "related topics",
            ] where Bytes.whole(c, phrase) {
                return Verdict(reason: .relatedLink, standalone: true)
            }
            let k = Bytes.skipSpaces(c, from: j)
            if k < c.endIndex, c[k] == 0x3A, restIsHeadline(c, from: k) { return Verdict(reason: .relatedLink) }
            return nil
        }
        for phrase: StaticString in ["recommended", "recommended stories", "recommended for you", "recommended articles"]
        where Bytes.whole(c, phrase) {
            return Verdict(reason: .relatedLink, standalone: true)
        }
        return nil
    }

    private static func rulesS(_ c: ArraySlice<UInt8>, outlets: OutletTable) -> Verdict? {
        if let j = Bytes.prefix(c, "see also") {
            // Documentation says "See also …" inside paragraphs, so only a line of its own counts.
            return restIsHeadline(c, from: j) ? Verdict(reason: .relatedLink, standalone: true) : nil
        }
        if let j = Bytes.prefix(c, "sources") ?? Bytes.prefix(c, "source") {
            return sourceCredit(c, after: j, outlets: outlets)
        }
        if Bytes.prefix(c, "share") != nil {
            for phrase: StaticString in [
                "share", "share this", "share this article", "share this story", "share this post", "share article",
                "share story", "share on", "share via", "sharing is caring",
            ] where Bytes.whole(c, phrase) {
                return Verdict(reason: .sharePrompt, standalone: true)
            }
            return sharePrompt(c, verbEnd: nil)
        }
        if Bytes.prefix(c, "subscribe") != nil || Bytes.prefix(c, "sign up") != nil
            || Bytes.prefix(c, "stay updated") != nil || Bytes.prefix(c, "stay connected") != nil
            || Bytes.prefix(c, "stay tuned") != nil
        {
            return sharePrompt(c, verbEnd: nil)
        }
        if Bytes.prefix(c, "your email address will not be published") != nil
            || Bytes.prefix(c, "save my name, email") != nil
        {
            return Verdict(reason: .commentWidget)
        }
        if Bytes.whole(c, "skip to content") || Bytes.whole(c, "skip to main content") {
            return Verdict(reason: .navigation, standalone: true)
        }
        if Bytes.whole(c, "show comments") { return Verdict(reason: .commentWidget, standalone: true) }
        return nil
    }

    private static func rulesT(_ c: ArraySlice<UInt8>) -> Verdict? {
        if Bytes.whole(c, "tweet") { return Verdict(reason: .sharePrompt, standalone: true) }
        if Bytes.whole(c, "trending now") || Bytes.whole(c, "top stories") || Bytes.whole(c, "trending") {
            return Verdict(reason: .relatedLink, standalone: true)
        }
        if Bytes.prefix(c, "tap here") != nil { return sharePrompt(c, verbEnd: nil) }
        if let j = Bytes.prefix(c, "to") { return unsubscribe(c, from: Bytes.skipSpaces(c, from: j)) }
        return nil
    }

    /// "To unsubscribe from this briefing, reply …", "Unsubscribe | Manage preferences": a newsletter's footer.
    private static func unsubscribe(_ c: ArraySlice<UInt8>, from j: Int) -> Verdict? {
        guard c.count <= 200, Bytes.prefix(c[j...], "unsubscribe") != nil else { return nil }
        return Verdict(reason: .sharePrompt)
    }

    private static func rulesW(_ c: ArraySlice<UInt8>) -> Verdict? {
        if Bytes.prefix(c, "with inputs from") != nil || Bytes.prefix(c, "with input from") != nil,
            c.count <= 80, Bytes.finalMark(c) != 0x2E || Bytes.wordCount(c) <= 6
        {
            return Verdict(reason: .creditLine)
        }
        if Bytes.whole(c, "write a comment") { return Verdict(reason: .commentWidget, standalone: true) }
        return nil
    }

    private static func rulesY(_ c: ArraySlice<UInt8>) -> Verdict? {
        if Bytes.prefix(c, "your email address will not be published") != nil
            || Bytes.prefix(c, "you must be logged in to post a comment") != nil
        {
            return Verdict(reason: .commentWidget)
        }
        for phrase: StaticString in ["you may also like", "you might also like", "you may like"] {
            if let j = Bytes.prefix(c, phrase) {
                if Bytes.onlyTrailingMarks(c, from: j) { return Verdict(reason: .relatedLink, standalone: true) }
                return restIsHeadline(c, from: j) ? Verdict(reason: .relatedLink) : nil
            }
        }
        if let j = Bytes.prefix(c, "you are here"), Bytes.skipSpaces(c, from: j) < c.endIndex,
            c[Bytes.skipSpaces(c, from: j)] == 0x3A
        {
            return Verdict(reason: .navigation)
        }
        return nil
    }

    // MARK: - Shared rule bodies

    /// "Also Read: <headline>" or a bare "Also Read": the text after the phrase must read as a headline.
    private static func relatedLink(_ c: ArraySlice<UInt8>, after j: Int) -> Verdict? {
        if Bytes.onlyTrailingMarks(c, from: j) { return Verdict(reason: .relatedLink, standalone: true) }
        return restIsHeadline(c, from: j) ? Verdict(reason: .relatedLink) : nil
    }

    /// "Copyright 2024 The Associated Press. All rights reserved.", "© 2023 Reuters": a rights notice, whose holder
    /// names the outlet when the outlet table knows it.
    private static func rightsNotice(_ c: ArraySlice<UInt8>, after j: Int, outlets: OutletTable) -> Verdict? {
        guard c.count <= 200 else { return nil }
        var k = Bytes.skipSpaces(c, from: j)
        if let m = Bytes.match(c, at: k, "(c)") ?? Bytes.match(c, at: k, "©") { k = Bytes.skipSpaces(c, from: m) }
        // A year (or a range of years) must follow: "Copyright of the photos belongs to …" is prose.
        var digits = 0
        while k < c.endIndex, Bytes.isDigit(c[k]) || c[k] == 0x2D {
            if Bytes.isDigit(c[k]) { digits += 1 }
            k += 1
        }
        guard digits >= 4 else { return nil }
        var holder = c[Bytes.skipSpaces(c, from: k)...]
        if let stop = holder.firstIndex(where: { $0 == 0x2E || $0 == 0x2C }) { holder = holder[holder.startIndex..<stop] }
        var verdict = Verdict(reason: .creditLine)
        if let name = outlets.displayName(for: Bytes.string(holder)) { verdict.source = name }
        return verdict
    }

    /// "0 Comments", "12 comments", "1 Comment".
    private static func commentCount(_ c: ArraySlice<UInt8>) -> Verdict? {
        var j = c.startIndex
        while j < c.endIndex, Bytes.isDigit(c[j]) { j += 1 }
        guard j - c.startIndex <= 6, j < c.endIndex, Bytes.isSpace(c[j]) else { return nil }
        let k = Bytes.skipSpaces(c, from: j)
        let rest = c[k...]
        if Bytes.whole(rest, "comments") || Bytes.whole(rest, "comment") || Bytes.whole(rest, "responses")
            || Bytes.whole(rest, "replies")
        {
            return Verdict(reason: .commentWidget, standalone: true)
        }
        return nil
    }

    /// "Next article: …", "Previous Post" — pager links at an article's foot.
    private static func pagerLink(_ c: ArraySlice<UInt8>, _ phrase: StaticString) -> Verdict? {
        guard let j = Bytes.prefix(c, phrase) else { return nil }
        if Bytes.onlyTrailingMarks(c, from: j) { return Verdict(reason: .navigation, standalone: true) }
        let k = Bytes.skipSpaces(c, from: j)
        if k < c.endIndex, c[k] == 0x3A || c[k] == 0x7C || c[k] == 0xC2 || c[k] == 0x3E {
            return Verdict(reason: .navigation)
        }
        return nil
    }

    /// "Home » World » Blinken visit …", "Home ; Blinken visit …": a breadcrumb; its last segment names the page.
    static func breadcrumb(_ c: ArraySlice<UInt8>) -> Verdict? {
        guard let j = Bytes.prefix(c, "home") else { return nil }
        var k = Bytes.skipSpaces(c, from: j)
        guard let width = separatorWidth(c, at: k) else { return nil }
        k = Bytes.skipSpaces(c, from: k + width)
        guard k < c.endIndex else { return Verdict(reason: .navigation) }
        // The page's name is what follows the last separator.
        var segmentStart = k
        var i = k
        while i < c.endIndex {
            if let w = separatorWidth(c, at: i), i > k, Bytes.isSpace(c[i - 1]) {
                segmentStart = Bytes.skipSpaces(c, from: i + w)
                i += w
            } else {
                i += 1
            }
        }
        let target = Bytes.string(c[segmentStart...])
        return Verdict(reason: .navigation, breadcrumbTarget: target.isEmpty ? nil : target)
    }

    /// Width of a breadcrumb separator at `i` (» › > / | ; → ·), or nil.
    private static func separatorWidth(_ c: ArraySlice<UInt8>, at i: Int) -> Int? {
        guard i < c.endIndex else { return nil }
        switch c[i] {
        case 0x3E, 0x2F, 0x7C, 0x3B: return 1
        case 0xC2:
            guard i + 1 < c.endIndex else { return nil }
            return c[i + 1] == 0xBB || c[i + 1] == 0xB7 ? 2 : nil
        case 0xE2:
            guard i + 2 < c.endIndex else { return nil }
            if c[i + 1] == 0x80, c[i + 2] == 0xBA { return 3 }
            if c[i + 1] == 0x86, c[i + 2] == 0x92 { return 3 }
            return nil
        default: return nil
        }
    }

    /// "Image Credit: Google", "Photo: AP", "Photo by …", "File photo", "Credit: Reuters".
    static func imageCredit(_ c: ArraySlice<UInt8>) -> Verdict? {
        guard c.count <= 200 else { return nil }
        for phrase: StaticString in [
            "image credit", "image source", "image courtesy", "photo credit", "photo courtesy", "photo source",
            "picture credit", "picture courtesy", "pic credit", "pic courtesy", "images courtesy", "photos courtesy",
        ] where Bytes.prefix(c, phrase) != nil {
            return Verdict(reason: .imageCredit)
        }
        for word: StaticString in ["image", "images", "photo", "photos", "picture", "pic", "photograph", "credit"] {
            if let j = Bytes.prefix(c, word) {
                let k = Bytes.skipSpaces(c, from: j)
                guard k < c.endIndex, c[k] == 0x3A else { continue }
                let rest = c[Bytes.skipSpaces(c, from: k + 1)...]
                // "Photo: AFP", not "Photo: the two men shook hands for the cameras before the talks."
                if isShortCredit(rest) { return Verdict(reason: .imageCredit) }
            }
        }
        guard c.count <= 120 else { return nil }
        for phrase: StaticString in ["photo by", "photos by", "photograph by", "image by", "picture by"]
        where Bytes.prefix(c, phrase) != nil {
            return Verdict(reason: .imageCredit)
        }
        for phrase: StaticString in [
            "file photo", "file image", "file pic", "representational image", "representational photo",
            "representative image", "representative photo", "representational picture",
        ] where Bytes.prefix(c, phrase) != nil {
            if Bytes.finalMark(c) != 0x2E || Bytes.wordCount(c) <= 3 { return Verdict(reason: .imageCredit) }
        }
        return nil
    }

    /// Lines that open with "(": "(Courtesy: Al-Jazeera)", "(Photo: AP)", "(With inputs from PTI)", "(Reuters)".
    private static func parenthesised(_ c: ArraySlice<UInt8>, outlets: OutletTable) -> Verdict? {
        guard c.last == 0x29, c.count <= 200 else { return nil }
        let inner = c[(c.startIndex + 1)..<(c.endIndex - 1)]
        guard !inner.contains(0x28) else { return nil }  // one parenthesis only
        if let j = Bytes.prefix(inner, "courtesy") { return courtesy(inner, after: j, outlets: outlets) }
        for phrase: StaticString in ["with inputs from", "with input from", "inputs from", "input from"]
        where Bytes.prefix(inner, phrase) != nil {
            return Verdict(reason: .creditLine)
        }
        for word: StaticString in [
            "photo", "photos", "image", "images", "pic", "picture", "file photo", "file image", "file pic",
            "representational", "representative image", "representative photo", "credit", "photo credit",
        ] where Bytes.prefix(inner, word) != nil {
            return Verdict(reason: .imageCredit)
        }
        if inner.count <= 40, let name = outlets.displayName(for: Bytes.string(inner)) {
            return Verdict(reason: .creditLine, standalone: true, source: name)
        }
        return nil
    }

    /// "— Reuters", "- AFP": a bare agency sign-off the outlet table knows.
    private static func dashedAgency(_ c: ArraySlice<UInt8>, outlets: OutletTable) -> Verdict? {
        guard c.count <= 40 else { return nil }
        var j = c.startIndex
        if c[j] == 0x2D {
            j += 1
        } else if c.count >= 3, c[j] == 0xE2, c[j + 1] == 0x80, c[j + 2] == 0x93 || c[j + 2] == 0x94 {
            j += 3
        } else {
            return nil
        }
        let start = Bytes.skipSpaces(c, from: j)
        guard start > j, start < c.endIndex, Bytes.isUpper(c[start]), Bytes.wordCount(c[start...]) <= 3,
            let display = outlets.displayName(for: Bytes.string(c[start...]))
        else { return nil }
        return Verdict(reason: .creditLine, standalone: true, source: display)
    }

    /// "Courtesy: Al-Jazeera", "Courtesy of The Guardian" (the part after "courtesy" starts at `j`).
    private static func courtesy(_ c: ArraySlice<UInt8>, after j: Int, outlets: OutletTable) -> Verdict? {
        var k = Bytes.skipSpaces(c, from: j)
        if k < c.endIndex, c[k] == 0x3A || c[k] == 0x2D {
            k += 1
        } else if let m = Bytes.match(c, at: k, "of ") {
            k = m
        } else {
            return nil
        }
        let rest = c[Bytes.skipSpaces(c, from: k)...]
        guard c.count <= 100, isShortCredit(rest) else { return nil }
        let name = creditedName(rest)
        return Verdict(reason: .creditLine, source: name.map { outlets.displayName(for: $0) ?? $0 })
    }

    /// "Source: theguardian", "Sources: Reuters, AP", "Source - https://www.theguardian.com/…".
    private static func sourceCredit(_ c: ArraySlice<UInt8>, after j: Int, outlets: OutletTable) -> Verdict? {
        var k = Bytes.skipSpaces(c, from: j)
        guard k < c.endIndex, c[k] == 0x3A || c[k] == 0x2D else { return nil }
        k += 1
        guard k < c.endIndex, c[k] != 0x3A else { return nil }  // "source::" opens an RST literal block
        let rest = c[Bytes.skipSpaces(c, from: k)...]
        guard !rest.isEmpty, rest.count <= 160 else { return nil }
        let isLink = Bytes.match(rest, at: rest.startIndex, "http") != nil
            || Bytes.match(rest, at: rest.startIndex, "www.") != nil
        if !isLink {
            guard isShortCredit(rest), !rest.contains(0x2F), !rest.contains(0x60), !rest.contains(0x5F) else {
                return nil
            }
        }
        let name = isLink ? Bytes.string(rest) : creditedName(rest)
        return Verdict(reason: .creditLine, source: name.map { outlets.displayName(for: $0) ?? hostName($0) })
    }

    /// True when the text after "Source:" or "Courtesy:" is a credit, not a sentence: at most eight words, and
    /// no final full stop unless it is four words or fewer ("Source: Reuters.").
    private static func isShortCredit(_ rest: ArraySlice<UInt8>) -> Bool {
        let words = Bytes.wordCount(rest)
        guard words >= 1, words <= 8 else { return false }
        return Bytes.finalMark(rest) != 0x2E || words <= 4
    }

    /// The first name in a credit ("Reuters, AP" -> "Reuters"), trimmed of brackets and a final full stop;
    /// nil when it does not look like a name (too long, or a sentence).
    private static func creditedName(_ s: ArraySlice<UInt8>) -> String? {
        var end = s.endIndex
        if let comma = s.firstIndex(where: { $0 == 0x2C || $0 == 0x3B }) { end = comma }
        var name = s[s.startIndex..<end]
        while let last = name.last, last == 0x2E || last == 0x29 || Bytes.isSpace(last) { name = name.dropLast() }
        while let first = name.first, first == 0x28 || Bytes.isSpace(first) { name = name.dropFirst() }
        guard !name.isEmpty, name.count <= 60, Bytes.wordCount(name) <= 6 else { return nil }
        return Bytes.string(name)
    }

    /// "https://www.example.org/path" -> "example.org"; anything else unchanged.
    private static func hostName(_ credit: String) -> String {
        var text = Substring(credit)
        for scheme in ["https://", "http://"] where text.lowercased().hasPrefix(scheme) {
            text = text.dropFirst(scheme.count)
        }
        if text.lowercased().hasPrefix("www.") { text = text.dropFirst(4) }
        if let slash = text.firstIndex(of: "/") { text = text[..<slash] }
        return text.isEmpty ? credit : String(text)
    }

    /// Words that point at a social platform or newsletter in a share prompt.
    private static let platforms: [StaticString] = [
        "whatsapp", "telegram", "facebook", "twitter", "instagram", "linkedin", "youtube", "google news",
        "newsletter", "sharechat", "pinterest", "koo app",
    ]

    /// "Join NewsTrack Whatsapp group", "Follow us on Twitter", "Subscribe to our newsletter": an imperative
    /// opening plus a platform within a short line. For "Join X <platform>", X names the outlet.
    private static func sharePrompt(_ c: ArraySlice<UInt8>, verbEnd: Int?) -> Verdict? {
        guard c.count <= 200, Bytes.wordCount(c) <= 16 else { return nil }
        var platformAt: Int?
        for platform in platforms {
            if let at = Bytes.firstIndex(of: platform, in: c), platformAt.map({ at < $0 }) ?? true { platformAt = at }
        }
        guard let at = platformAt else { return nil }
        // A prompt speaks to the reader ("us", "our", "here") or names what to join ("group", "channel", …);
        // "Follow the money, he said on Twitter." does neither.
        let addressesReader = Bytes.words(c).contains { word in
            Bytes.whole(word, "us") || Bytes.whole(word, "our") || Bytes.whole(word, "here")
        }
        if !addressesReader {
            guard Bytes.finalMark(c) != 0x2E else { return nil }
            let namesTarget = Bytes.words(c).contains { word in
                Bytes.whole(word, "group") || Bytes.whole(word, "channel") || Bytes.whole(word, "page")
                    || Bytes.whole(word, "newsletter") || Bytes.whole(word, "newsletters")
                    || Bytes.whole(word, "updates") || Bytes.whole(word, "handle")
            }
            guard namesTarget else { return nil }
        }
        var verdict = Verdict(reason: .sharePrompt)
        if let j = verbEnd {
            let between = Bytes.words(c[j..<at]).filter { word in
                !(Bytes.whole(word, "our") || Bytes.whole(word, "us") || Bytes.whole(word, "the")
                    || Bytes.whole(word, "on") || Bytes.whole(word, "official") || Bytes.whole(word, "my"))
            }
            if (1...4).contains(between.count), between.allSatisfy({ word in
                word.first.map { Bytes.isUpper($0) || $0 >= 0x80 } ?? false
            }), let first = between.first, let last = between.last {
                verdict.source = Bytes.string(c[first.startIndex..<last.endIndex])
                verdict.sourceRank = 1
            }
        }
        return verdict
    }

    /// True when the text after `j` (past separators such as `: - | »`) reads like a linked headline:
    /// starts with a capital, digit or quote, has no final full stop and no code-like characters.
    static func restIsHeadline(_ c: ArraySlice<UInt8>, from j: Int) -> Bool {
        var k = j
        while k < c.endIndex {
            let b = c[k]
            if Bytes.isSpace(b) || b == 0x3A || b == 0x2D || b == 0x7C || b == 0x3E {
                k += 1
            } else if b == 0xC2, k + 1 < c.endIndex, c[k + 1] == 0xBB {
                k += 2
            } else if b == 0xE2, k + 2 < c.endIndex, c[k + 1] == 0x80, c[k + 2] == 0x93 || c[k + 2] == 0x94 {
                k += 3
            } else {
                break
            }
        }
        guard k < c.endIndex, k > j else { return false }
        let rest = c[k...]
        guard let first = rest.first else { return false }
        guard Bytes.isUpper(first) || Bytes.isDigit(first) || first == 0x22 || first == 0x27 || first >= 0x80 else {
            return false
        }
        if let mark = Bytes.finalMark(rest), mark == 0x2E || mark == 0x2C || mark == 0x3B || mark == 0x3A {
            return false
        }
        for b in rest {
            switch b {
            case 0x2F, 0x60, 0x5F, 0x3C, 0x3E, 0x3D, 0x7B, 0x7D, 0x5B, 0x5C: return false
            default: continue
            }
        }
        return true
    }

    /// A caption that carries its own photo credit: "Blinken meets Qin in Beijing (Photo: AP)",
    /// "Blinken in Beijing | Photo Credit: Reuters".
    private static func captionWithCredit(_ c: ArraySlice<UInt8>) -> Verdict? {
        guard Bytes.wordCount(c) <= 40 else { return nil }
        let markers: [StaticString] = [
            "(photo", "(image", "(pic:", "(file photo", "(file image", "(representational", "(picture:",
            "| photo", "| image", "| pic:", "| picture", "| file photo",
        ]
        for marker in markers {
            guard let at = Bytes.firstIndex(of: marker, in: c), at > c.startIndex else { continue }
            var end = at + 1
            while end < c.endIndex, Bytes.isSpace(c[end]) { end += 1 }
            while end < c.endIndex, Bytes.isLetter(c[end]) { end += 1 }
            let tail = c[end...]
            let k = Bytes.skipSpaces(tail, from: tail.startIndex)
            guard k < c.endIndex else { continue }
            // The marker must be followed by a credit: ":", "by", "credit", "courtesy" or a closing ")".
            if c[k] == 0x3A || c[k] == 0x29 || Bytes.prefix(c[k...], "by") != nil
                || Bytes.prefix(c[k...], "credit") != nil || Bytes.prefix(c[k...], "courtesy") != nil
            {
                if c[at] == 0x28 || c.last != 0x2E { return Verdict(reason: .caption) }
            }
        }
        return nil
    }

    /// True when the line holds only "&nbsp;"-style entities and spaces.
    private static func onlyEntities(_ c: ArraySlice<UInt8>) -> Bool {
        var k = c.startIndex
        var seen = false
        while k < c.endIndex {
            if Bytes.isSpace(c[k]) {
                k += 1
            } else if let m = Bytes.match(c, at: k, "&nbsp;") ?? Bytes.match(c, at: k, "&#160;")
                ?? Bytes.match(c, at: k, "&#xa0;")
            {
                k = m
                seen = true
            } else {
                return false
            }
        }
        return seen
    }
}
