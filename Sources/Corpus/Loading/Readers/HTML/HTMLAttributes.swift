import Foundation

/// The attributes of one start tag that the extractor reads, taken from libxml2's
/// NULL-terminated name/value list. Values the page keeps become `String`s; `class`, `id` and
/// `role` are scanned in place into hints.
struct HTMLAttributes {
    var hints: HTMLElementHints = []
    var roleHints: HTMLElementHints = []
    var hidden = false
    var href: String?
    var rel: String?
    var name: String?
    var property: String?
    var content: String?
    var httpEquiv: String?
    var charset: String?
    var itemprop: String?
    var datetime: String?
    var lang: String?
    var type: String?

    var isJSONLD: Bool { type?.lowercased().contains("ld+json") == true }

    /// Reads the attributes of a `tag` element. Values become strings only where that tag uses
    /// them (`href` of `<link>`, `content` of `<meta>`…); for an `<a>` only whether it has an
    /// `href` is kept.
    mutating func read(_ list: UnsafePointer<UnsafePointer<UInt8>?>?, tag: HTMLTag = .meta) {
        guard let list else { return }
        var i = 0
        while let name = list[i] {
            let value = list[i + 1]
            i += 2
            let n = strlen(name)
            switch n {
            case 2 where Self.equal(name, "id"):
                if let value { hints.formUnion(HTMLElementHints.scan(value, length: strlen(value), isClass: false)) }
            case 3 where Self.equal(name, "rel"):
                if tag == .a || tag == .link { rel = value.map(Self.string) }
            case 4 where Self.equal(name, "href"):
                href = tag == .link ? (value.map(Self.string) ?? "") : ""
            case 4 where Self.equal(name, "name"):
                if tag == .meta { self.name = value.map(Self.lowercased) }
            case 4 where Self.equal(name, "role"):
                if let value { roleHints = HTMLElementHints.role(value, length: strlen(value)) }
            case 4 where Self.equal(name, "lang"):
                if tag == .html { lang = value.map(Self.string) }
            case 4 where Self.equal(name, "type"):
                if tag == .script { type = value.map(Self.string) }
            case 5 where Self.equal(name, "class"):
                if let value { hints.formUnion(HTMLElementHints.scan(value, length: strlen(value), isClass: true)) }
            case 5 where Self.equal(name, "style"):
                if let value, Self.hidesByStyle(value) { hidden = true }
            case 6 where Self.equal(name, "hidden"): hidden = true
            case 7 where Self.equal(name, "content"): content = value.map(Self.string)
            case 7 where Self.equal(name, "charset"):
                if tag == .meta { charset = value.map(Self.string) }
            case 8 where Self.equal(name, "property"):
                if tag == .meta { property = value.map(Self.lowercased) }
            case 8 where Self.equal(name, "itemprop"): itemprop = value.map(Self.lowercased)
            case 8 where Self.equal(name, "datetime"): datetime = value.map(Self.string)
            case 8 where Self.equal(name, "xml:lang"):
                if tag == .html && lang == nil { lang = value.map(Self.string) }
            case 10 where Self.equal(name, "http-equiv"):
                if tag == .meta { httpEquiv = value.map(Self.lowercased) }
            case 11 where Self.equal(name, "aria-hidden"):
                if let value, Self.lowercased(value) == "true" { hidden = true }
            default: break
            }
        }
        if hints.contains(.hidden) { hidden = true }
        hints.formUnion(roleHints)
        if hints.contains(.boilerplate) { hints.remove(.content) }
    }

    private static func equal(_ name: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        let bytes = literal.utf8Start
        for i in 0..<literal.utf8CodeUnitCount {
            var b = name[i]
            if b >= 65 && b <= 90 { b += 32 }
            if b != bytes[i] { return false }
        }
        return true
    }

    private static func string(_ value: UnsafePointer<UInt8>) -> String {
        String(cString: value)
    }

    private static func lowercased(_ value: UnsafePointer<UInt8>) -> String {
        String(cString: value).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// `display: none` or `visibility: hidden` in an inline style.
    private static func hidesByStyle(_ value: UnsafePointer<UInt8>) -> Bool {
        let n = strlen(value)
        guard n >= 12 else { return false }
        var compact: [UInt8] = []
        compact.reserveCapacity(n)
        for i in 0..<n {
            var b = value[i]
            if b == 32 || b == 9 || b == 10 || b == 13 { continue }
            if b >= 65 && b <= 90 { b += 32 }
            compact.append(b)
        }
        return compact.containsSequence(Array("display:none".utf8))
            || compact.containsSequence(Array("visibility:hidden".utf8))
    }
}

private extension Array where Element == UInt8 {
    func containsSequence(_ needle: [UInt8]) -> Bool {
        guard needle.count <= count, let first = needle.first else { return false }
        var i = 0
        while i + needle.count <= count {
            if self[i] == first {
                var j = 1
                while j < needle.count && self[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
