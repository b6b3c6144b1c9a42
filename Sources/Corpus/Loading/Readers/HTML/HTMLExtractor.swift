import Foundation

/// Extracts the main text and the metadata of a web page.
///
/// ```swift
/// let article = HTMLExtractor.extract(bytes, url: "https://example.com/story")
/// article.title, article.date, article.siteName, article.authors, article.text
/// ```
///
/// The steps: decide the encoding (`HTMLCharset`); parse with libxml2's HTML parser into a
/// compact page of elements and text blocks (`HTMLParser`, `HTMLPageBuilder`); classify the
/// blocks as content or boilerplate and choose the subtree that holds the content
/// (`HTMLBlockClassifier`, `HTMLContentSelector`); read the metadata (`HTMLMetadataReader`);
/// and lay out the main text as blocks, headline first.
///
/// It never fails: bytes that are not a page give an article with no text (and, for a feed or an
/// undecodable encoding, a warning), which the caller reports. It is safe to call from several
/// threads at once.
public enum HTMLExtractor {
    /// Extracts from the bytes of one page; `url` is where the page was found, if known (used
    /// when the page names no canonical address, and to resolve relative ones).
    /// `charset` is the encoding the page came with from outside (an HTTP header), if any; it
    /// takes the place of the page's own `<meta charset>`.
    public static func extract(_ bytes: UnsafeRawBufferPointer, url: String? = nil, charset transport: String? = nil) -> HTMLArticle {
        Cancellation.uninterrupted { (token) throws(WorkLimit) in try extract(bytes, url: url, charset: transport, cancellation: token) }
    }

    /// `extract(_:url:charset:)` that `cancellation` can stop: the parse asks it every few
    /// hundred elements and throws its `WorkLimit` (a time limit, an interrupt).
    public static func extract(_ bytes: UnsafeRawBufferPointer, url: String? = nil, charset transport: String? = nil,
                               cancellation: Cancellation) throws(WorkLimit) -> HTMLArticle {
        try cancellation.check()
        var warnings: [String] = []
        if let reason = binaryReason(bytes) { return HTMLArticle(url: url, warnings: [reason]) }
        let charset = HTMLCharset.decide(bytes, transport: transport)
        if let warning = charset.warning { warnings.append(warning) }
        let parsed: HTMLPage
        do {
            if let repaired = charset.repaired {
                parsed = try repaired.withUnsafeBytes {
                    try HTMLParser.parse($0, encoding: charset.encoding, cancellation: cancellation)
                }
            } else {
                let body = UnsafeRawBufferPointer(rebasing: bytes[min(charset.skip, bytes.count)...])
                parsed = try HTMLParser.parse(body, encoding: charset.encoding, cancellation: cancellation)
            }
        } catch HTMLParser.Failure.stopped(let limit) {
            throw limit
        } catch {
            warnings.append("could not parse the page (\(error))")
            return HTMLArticle(url: url, warnings: warnings)
        }
        return extract(from: parsed, url: url, warnings: warnings)
    }

    /// Extracts from a page held in an array.
    public static func extract(_ bytes: [UInt8], url: String? = nil, charset: String? = nil) -> HTMLArticle {
        bytes.withUnsafeBytes { extract($0, url: url, charset: charset) }
    }

    /// Extracts from a page held in a string (already decoded; its charset declaration is
    /// ignored).
    public static func extract(html: String, url: String? = nil) -> HTMLArticle {
        var copy = html
        return copy.withUTF8 { extract(UnsafeRawBufferPointer($0), url: url) }
    }

    /// Whether `prefix` (the first bytes of a file) looks like HTML: a doctype, an `<html>`,
    /// `<head>`, `<body>`, `<meta>` or `<title>` tag near the start, after any byte-order mark,
    /// whitespace and comments.
    public static func looksLikeHTML(_ prefix: UnsafeRawBufferPointer) -> Bool {
        let sample = String(decoding: prefix.prefix(4_096), as: UTF8.self).lowercased()
        for marker in ["<!doctype html", "<html", "<head", "<body", "<meta ", "<title>"] where sample.contains(marker) {
            return true
        }
        return false
    }

    /// Why `bytes` are not a page at all: NUL bytes near the start of a file that is not UTF-16.
    static func binaryReason(_ bytes: UnsafeRawBufferPointer) -> String? {
        let b = bytes.bindMemory(to: UInt8.self)
        if b.count >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)) { return nil }
        let head = b.prefix(8_192)
        guard let nul = head.firstIndex(of: 0) else { return nil }
        return "binary data (NUL byte at offset \(nul)), not a web page"
    }

    // MARK: Steps

    static func extract(from page: HTMLPage, url givenURL: String?, warnings: [String]) -> HTMLArticle {
        var warnings = warnings
        if page.isFeed { warnings.append("an RSS or Atom feed, not a web page: no main text") }
        let selection = page.isFeed
            ? HTMLContentSelector.Selection.empty
            : HTMLContentSelector(page: page).select()

        let reader = HTMLMetadataReader(page: page, givenURL: givenURL)
        var sources = HTMLArticle.Sources()
        var title = reader.title(firstContentBlock: selection.blocks.first)
        sources.title = title?.source.rawValue
        let url = reader.url()
        sources.url = url?.1.rawValue
        let sample = selection.blocks.prefix(20).map { page.text(of: page.blocks[$0]) }.joined(separator: " ")
        let language = reader.language(sample: sample.isEmpty ? (title?.title ?? "") : sample)
        sources.language = language?.1.rawValue
        let site = reader.siteName(headline: title?.title, url: url?.0)
        sources.siteName = site?.1.rawValue
        // A title taken from <title> or a meta loses the site name now known ("… - Site").
        if let site, let found = title, found.source != .heading, found.source != .headlineElement {
            title?.title = HTMLMetadataReader.stripSite(found.title, sites: [site.0])
        }
        let monthFirst = language.map { $0.0 == "en" || $0.0.hasPrefix("en-US") } ?? false
        let date = reader.date(headlineBlock: title?.block, firstContentBlock: selection.blocks.first,
                               container: selection.container, monthFirst: monthFirst, url: url?.0)
        sources.date = date?.1.rawValue
        let authors = reader.authors(siteName: site?.0)
        sources.authors = authors?.1.rawValue

        let blocks = layOut(page: page, selection: selection, title: title)
        return HTMLArticle(
            title: title?.title, date: date?.0, siteName: site?.0, authors: authors?.0 ?? [], url: url?.0,
            language: language?.0, description: reader.description(), blocks: blocks, sources: sources,
            warnings: warnings)
    }

    /// The chosen blocks as output, the headline first: the `h1` that gave the title where it
    /// stands, else a heading that repeats the title, else the title itself put in front.
    static func layOut(page: HTMLPage, selection: HTMLContentSelector.Selection,
                       title: (title: String, source: HTMLMetadataSource, block: Int?)?) -> [HTMLBlock] {
        guard !selection.blocks.isEmpty else { return [] }
        var headlineIndex: Int?
        if let block = title?.block, selection.blocks.contains(block) {
            headlineIndex = block
        } else if let title = title?.title {
            headlineIndex = selection.blocks.first { index in
                let block = page.blocks[index]
                guard block.headingLevel > 0 || block.context.contains(.headline) else { return false }
                let relation = HTMLMetadataReader.relation(heading: page.text(of: block), candidate: title)
                return relation != .unrelated
            }
        }
        var out: [HTMLBlock] = []
        if headlineIndex == nil, let title = title?.title {
            out.append(HTMLBlock(kind: .headline, level: 1, text: title))
        }
        let headlineKey = title.map { HTMLText.comparisonKey($0.title) }
        for index in selection.blocks {
            let block = page.blocks[index]
            let text = page.text(of: block)
            if index == headlineIndex {
                out.insert(HTMLBlock(kind: .headline, level: Int(max(block.headingLevel, 1)), text: text), at: 0)
                continue
            }
            if block.headingLevel > 0, let headlineKey, HTMLText.comparisonKey(text) == headlineKey { continue }
            out.append(HTMLBlock(kind: kind(of: block), level: Int(block.headingLevel), text: text))
        }
        return out
    }

    static func kind(of block: HTMLTextBlock) -> HTMLBlock.Kind {
        if block.headingLevel > 0 { return .heading }
        if block.context.contains(.preformatted) { return .preformatted }
        if block.context.contains(.quote) { return .quote }
        if block.context.contains(.listItem) { return .listItem }
        return .paragraph
    }
}
