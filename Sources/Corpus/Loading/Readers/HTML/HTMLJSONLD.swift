import Foundation

/// What a page's JSON-LD says about its article: schema.org `NewsArticle` and its kin
/// (`Article`, `ReportageNewsArticle`, `BlogPosting`, `LiveBlogPosting`…), found at the top
/// level, in arrays, in `@graph` or as a `mainEntity`, with `publisher` and `author` references
/// to other `@graph` nodes (`{"@id": …}`) followed. A `WebPage` node is used only when no article
/// node is present. Authors may be a string, an object with a `name`, or an array of either.
///
/// Script text is read with `JSONSerialization` after two repairs that real pages need: raw
/// control characters (newlines inside strings) become spaces, and anything around the outer
/// braces (HTML comments, CDATA markers) is cut.
struct HTMLJSONLD {
    var headline: String?
    var datePublished: String?
    var dateModified: String?
    var authors: [String] = []
    var publisher: String?
    var language: String?
    var url: String?
    var description: String?
    /// Whether the values come from an article node (not a bare `WebPage`).
    var isArticle = false

    init() {}

    /// Reads the JSON-LD scripts of a page; the first article node wins.
    init(scripts: [String]) {
        var nodes: [[String: Any]] = []
        for script in scripts {
            guard let object = Self.parse(script) else { continue }
            Self.collect(object, into: &nodes)
        }
        guard !nodes.isEmpty else { return }
        var byID: [String: [String: Any]] = [:]
        for node in nodes {
            if let id = node["@id"] as? String { byID[id] = byID[id] ?? node }
        }
        let article = nodes.first { Self.types($0).contains(where: Self.articleTypes.contains) }
        let page = nodes.first { Self.types($0).contains(where: Self.pageTypes.contains) }
        guard let node = article ?? page else {
            if let organization = nodes.first(where: { Self.types($0).contains(where: Self.organizationTypes.contains) }) {
                publisher = Self.name(of: organization, byID: byID)
            }
            return
        }
        isArticle = article != nil
        headline = Self.string(node["headline"]) ?? (isArticle ? Self.string(node["name"]) : nil)
        datePublished = Self.string(node["datePublished"]) ?? Self.string(node["dateCreated"])
        dateModified = Self.string(node["dateModified"])
        authors = Self.names(node["author"], byID: byID) + Self.names(node["creator"], byID: byID)
        publisher = Self.names(node["publisher"], byID: byID).first
            ?? Self.names(node["sourceOrganization"], byID: byID).first
        language = Self.string(node["inLanguage"]) ?? (node["inLanguage"] as? [String: Any]).flatMap { Self.string($0["name"]) }
        url = Self.string(node["url"]) ?? Self.string(node["mainEntityOfPage"])
            ?? (node["mainEntityOfPage"] as? [String: Any]).flatMap { Self.string($0["@id"]) }
        description = Self.string(node["description"])
        if publisher == nil, let organization = nodes.first(where: { Self.types($0).contains(where: Self.organizationTypes.contains) }) {
            publisher = Self.name(of: organization, byID: byID)
        }
    }

    static let articleTypes: Set<String> = [
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting",
        "Report", "ScholarlyArticle", "TechArticle", "SocialMediaPosting", "SatiricalArticle", "AdvertiserContentArticle",
    ]
    static let pageTypes: Set<String> = ["WebPage", "ItemPage", "AboutPage", "ProfilePage"]
    static let organizationTypes: Set<String> = ["NewsMediaOrganization", "Organization", "Corporation", "WebSite"]

    // MARK: Reading

    static func parse(_ script: String) -> Any? {
        var bytes = Array(script.utf8)
        for i in bytes.indices where bytes[i] < 0x20 { bytes[i] = 0x20 }
        guard let first = bytes.firstIndex(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }),
              let last = bytes.lastIndex(where: { $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "]") }),
              first < last else { return nil }
        let data = Data(bytes[first...last])
        return try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    /// Every object node, depth first, through arrays, `@graph` and `mainEntity` (bounded, so a
    /// hostile script cannot make this walk long).
    static func collect(_ value: Any, into nodes: inout [[String: Any]], depth: Int = 0) {
        guard depth < 8, nodes.count < 200 else { return }
        if let array = value as? [Any] {
            for item in array { collect(item, into: &nodes, depth: depth + 1) }
        } else if let object = value as? [String: Any] {
            if object["@type"] != nil { nodes.append(object) }
            if let graph = object["@graph"] { collect(graph, into: &nodes, depth: depth + 1) }
            if let main = object["mainEntity"] { collect(main, into: &nodes, depth: depth + 1) }
        }
    }

    static func types(_ node: [String: Any]) -> [String] {
        if let type = node["@type"] as? String { return [type] }
        if let types = node["@type"] as? [Any] { return types.compactMap { $0 as? String } }
        return []
    }

    static func string(_ value: Any?) -> String? {
        if let s = value as? String { return HTMLText.nonEmpty(s) }
        if let array = value as? [Any], let first = array.first { return string(first) }
        return nil
    }

    static func name(of node: [String: Any], byID: [String: [String: Any]]) -> String? {
        if let name = string(node["name"]) { return name }
        if let id = node["@id"] as? String, let target = byID[id], let name = string(target["name"]) { return name }
        return nil
    }

    /// Names in a string, an object, an `@id` reference or an array of those.
    static func names(_ value: Any?, byID: [String: [String: Any]]) -> [String] {
        switch value {
        case let s as String:
            return HTMLText.nonEmpty(s).map { [$0] } ?? []
        case let object as [String: Any]:
            return name(of: object, byID: byID).map { [$0] } ?? []
        case let array as [Any]:
            return array.prefix(20).flatMap { names($0, byID: byID) }
        default:
            return []
        }
    }
}
