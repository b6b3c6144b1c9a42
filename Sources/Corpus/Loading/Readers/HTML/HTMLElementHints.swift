import Foundation

/// What an element's `class`, `id` and `role` say about its content.
///
/// Site templates name their parts in English whatever the page's language ("nav", "sidebar",
/// "share-buttons", "comment-list", "article-body"), and readability, trafilatura and jusText
/// all lean on those names. Values are cut into tokens at punctuation and lowercase-to-uppercase
/// steps ("relatedStories" → related, stories) and each token is looked up: tokens naming page
/// furniture (navigation, sharing, comments, ads, related links, cookie notices…) mark
/// boilerplate; tokens naming content ("article", "story", "entry-content") mark content, unless
/// the same value also names furniture ("post-footer", "comment-content"). A few whole class
/// names hide an element from view ("hidden", "sr-only", "visually-hidden").
///
/// No rule here names a particular site: the tables hold the vocabulary that templates share.
struct HTMLElementHints: OptionSet, Sendable {
    let rawValue: UInt16

    static let boilerplate = HTMLElementHints(rawValue: 1 << 0)
    static let content = HTMLElementHints(rawValue: 1 << 1)
    static let caption = HTMLElementHints(rawValue: 1 << 2)
    static let byline = HTMLElementHints(rawValue: 1 << 3)
    static let date = HTMLElementHints(rawValue: 1 << 4)
    static let hidden = HTMLElementHints(rawValue: 1 << 5)
    static let headline = HTMLElementHints(rawValue: 1 << 6)
    static let navigation = HTMLElementHints(rawValue: 1 << 7)
    static let complementary = HTMLElementHints(rawValue: 1 << 8)
    static let pageFooter = HTMLElementHints(rawValue: 1 << 9)
    static let pageHeader = HTMLElementHints(rawValue: 1 << 10)

    /// Hints from a `class` or `id` value of `length` bytes.
    static func scan(_ value: UnsafePointer<UInt8>, length: Int, isClass: Bool) -> HTMLElementHints {
        var hints: HTMLElementHints = []
        var token = TokenKey()
        var previousLower = false
        var i = 0
        while i <= length {
            let byte: UInt8 = i < length ? value[i] : 0
            let isUpper = byte >= 65 && byte <= 90
            let isLower = byte >= 97 && byte <= 122
            let isDigit = byte >= 48 && byte <= 57
            if isUpper && previousLower {
                hints.formUnion(token.hints)
                token = TokenKey()
            }
            if isUpper || isLower || isDigit {
                token.append(isUpper ? byte + 32 : byte)
                previousLower = isLower || isDigit
            } else {
                hints.formUnion(token.hints)
                token = TokenKey()
                previousLower = false
            }
            i += 1
        }
        if isClass { hints.formUnion(hiddenClasses(value, length: length)) }
        if hints.contains(.boilerplate) { hints.remove(.content) }
        return hints
    }

    /// Hints from a `role` value.
    static func role(_ value: UnsafePointer<UInt8>, length: Int) -> HTMLElementHints {
        var token = TokenKey()
        for i in 0..<length { token.append(value[i] | 0x20) }
        switch token.name {
        case "navigation", "menu", "menubar", "search", "dialog", "alertdialog", "toolbar", "tablist":
            return [.boilerplate, .navigation]
        case "banner": return [.pageHeader]
        case "contentinfo": return [.boilerplate, .pageFooter]
        case "complementary": return [.boilerplate, .complementary]
        case "main", "article": return .content
        default: return []
        }
    }

    /// `hidden`, `sr-only` and the like, matched on whole class names. `d-none` hides only when
    /// no `d-*-block`-style class shows the element again at some width.
    private static func hiddenClasses(_ value: UnsafePointer<UInt8>, length: Int) -> HTMLElementHints {
        var sawDNone = false
        var sawShow = false
        var start = 0
        var i = 0
        while i <= length {
            let byte: UInt8 = i < length ? value[i] : 32
            if byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12 {
                let n = i - start
                if n >= 4 && n <= 24 {
                    var name = TokenKey()
                    for k in start..<i {
                        let b = value[k]
                        name.append(b >= 65 && b <= 90 ? b + 32 : b)
                    }
                    let key = Key(bytes: name.bytes, count: name.count)
                    if hiddenNames.contains(key) { return .hidden }
                    if key == dNone { sawDNone = true }
                    if !sawShow && value[start] | 0x20 == UInt8(ascii: "d") && value[start + 1] == UInt8(ascii: "-") {
                        let text = String(decoding: UnsafeBufferPointer(start: value + start, count: n), as: UTF8.self).lowercased()
                        if text.hasSuffix("-block") || text.hasSuffix("-flex") || text.hasSuffix("-inline") || text.hasSuffix("-grid") {
                            sawShow = true
                        }
                    }
                }
                start = i + 1
            }
            i += 1
        }
        return sawDNone && !sawShow ? .hidden : []
    }

    private static let dNone = key("d-none")

    private static let hiddenNames: Set<Key> = Set([
        "hidden", "hide", "invisible", "sr-only", "sr-only-focusable", "screen-reader-text", "screen-reader-only",
        "visually-hidden", "visuallyhidden", "off-screen", "offscreen", "element-invisible", "u-hidden",
        "is-hidden", "display-none", "hidden-visually", "a11y-hidden", "ada-hidden",
    ].map(key))

    /// One token of a class or id, lowercased, kept in a fixed buffer (longer tokens keep their
    /// first 24 bytes, enough to tell every token in the tables).
    private struct TokenKey {
        var bytes: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0

        mutating func append(_ byte: UInt8) {
            guard count < 24 else { count += 1; return }
            let shift = UInt64(8 * (count % 8))
            switch count / 8 {
            case 0: bytes.0 |= UInt64(byte) << shift
            case 1: bytes.1 |= UInt64(byte) << shift
            default: bytes.2 |= UInt64(byte) << shift
            }
            count += 1
        }

        var name: String {
            var out: [UInt8] = []
            let n = min(count, 24)
            for i in 0..<n {
                let word = i < 8 ? bytes.0 : (i < 16 ? bytes.1 : bytes.2)
                out.append(UInt8(truncatingIfNeeded: word >> UInt64(8 * (i % 8))))
            }
            return String(decoding: out, as: UTF8.self)
        }

        var hints: HTMLElementHints {
            guard count >= 2 else { return [] }
            if let exact = HTMLElementHints.exactTokens[Key(bytes: bytes, count: min(count, 24))] { return exact }
            guard count >= 4 else { return [] }
            for (prefix, hints) in HTMLElementHints.prefixTokens where prefix.count <= count && startsWith(prefix) {
                return hints
            }
            return []
        }

        private func startsWith(_ prefix: [UInt8]) -> Bool {
            for (i, byte) in prefix.enumerated() {
                let word = i < 8 ? bytes.0 : (i < 16 ? bytes.1 : bytes.2)
                if UInt8(truncatingIfNeeded: word >> UInt64(8 * (i % 8))) != byte { return false }
            }
            return true
        }
    }

    private struct Key: Hashable {
        var bytes: (UInt64, UInt64, UInt64)
        var count: Int
        static func == (a: Key, b: Key) -> Bool {
            a.count == b.count && a.bytes.0 == b.bytes.0 && a.bytes.1 == b.bytes.1 && a.bytes.2 == b.bytes.2
        }
        func hash(into hasher: inout Hasher) {
            hasher.combine(bytes.0)
            hasher.combine(bytes.1)
            hasher.combine(bytes.2)
            hasher.combine(count)
        }
    }

    private static func key(_ token: String) -> Key {
        var t = TokenKey()
        for byte in token.utf8 { t.append(byte) }
        return Key(bytes: t.bytes, count: min(t.count, 24))
    }

    /// Whole tokens and what they mark.
    private static let exactTokens: [Key: HTMLElementHints] = {
        var table: [Key: HTMLElementHints] = [:]
        func add(_ hints: HTMLElementHints, _ tokens: [String]) {
            for token in tokens { table[key(token), default: []].formUnion(hints) }
        }
        add([.boilerplate, .navigation], [
            "nav", "navbar", "navigation", "menu", "menus", "menubar", "submenu", "megamenu", "breadcrumb",
            "breadcrumbs", "crumbs", "pagination", "pager", "paging", "toc", "skip", "skiplink", "skiplinks",
            "topbar", "tabs", "tablist", "masthead", "hamburger", "drawer",
        ])
        add([.boilerplate, .complementary], [
            "sidebar", "aside", "rail", "widget", "widgets", "related", "recommended", "recommendation",
            "recommendations", "popular", "mostpopular", "trending", "recirc", "recirculation", "outbrain",
            "taboola", "teaser", "teasers", "promo", "promos", "promoted", "promotion", "playlist",
            "morestories", "readmore", "latest", "ticker",
        ])
        add([.boilerplate, .pageFooter], ["footer", "foot", "copyright", "legal", "disclaimer", "colophon"])
        add(.boilerplate, [
            "share", "shares", "sharing", "sharebar", "social", "sns", "comment", "comments", "disqus",
            "reply", "replies", "respond", "cookie", "cookies", "consent", "gdpr", "cmp", "banner", "ad", "ads",
            "adv", "advert", "adverts", "advertisement", "advertising", "dfp", "gpt", "sponsor", "sponsored",
            "newsletter", "subscribe", "subscription", "signup", "signin", "login", "register", "account",
            "modal", "popup", "overlay", "lightbox", "toolbar", "tools", "tags", "tagcloud", "taglist", "keywords",
            "print", "rating", "ratings", "vote", "feedback", "survey", "search", "weather", "bio", "contributors",
            "follow", "donate", "donation", "membership", "paywallpromo", "subnav", "utility", "alert",
        ])
        add(.pageHeader, ["header", "head", "hdr"])
        add(.caption, ["caption", "captions", "credit", "credits", "figcaption", "gallery"])
        add(.byline, ["author", "authors", "byline", "bylines", "writer", "reporter", "contributor"])
        add(.date, ["date", "time", "timestamp", "published", "pubdate", "dateline", "datetime", "posted", "updated", "meta"])
        add(.headline, ["headline", "title", "heading", "hed"])
        add(.content, [
            "article", "articlebody", "content", "maincontent", "entry", "post", "postbody", "story", "storybody",
            "body", "main", "text", "prose", "blog", "hentry", "richtext",
        ])
        return table
    }()

    /// Token beginnings that mark boilerplate ("comments", "commentlist", "sharebuttons"…).
    private static let prefixTokens: [([UInt8], HTMLElementHints)] = [
        ("comment", HTMLElementHints.boilerplate), ("share", .boilerplate), ("social", .boilerplate),
        ("related", [.boilerplate, .complementary]), ("sidebar", [.boilerplate, .complementary]),
        ("footer", [.boilerplate, .pageFooter]), ("navig", [.boilerplate, .navigation]),
        ("menu", [.boilerplate, .navigation]), ("breadcrumb", [.boilerplate, .navigation]),
        ("cookie", .boilerplate), ("newsletter", .boilerplate), ("subscri", .boilerplate),
        ("advert", .boilerplate), ("sponsor", .boilerplate), ("promo", [.boilerplate, .complementary]),
        ("popular", [.boilerplate, .complementary]), ("recommend", [.boilerplate, .complementary]),
        ("widget", [.boilerplate, .complementary]), ("trending", [.boilerplate, .complementary]),
        ("banner", .boilerplate), ("caption", .caption), ("byline", .byline), ("author", .byline),
        ("headline", .headline),
    ].map { (Array($0.0.utf8), $0.1) }
}
