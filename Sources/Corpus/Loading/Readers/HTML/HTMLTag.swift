import Foundation

/// The HTML elements the extractor tells apart, and what each means for the text in it.
///
/// Tags are looked up from the parser's lowercase name bytes without making a `String`: the name
/// is packed into a 64-bit key (names longer than eight bytes use a few special keys), and the
/// key is found in a small dictionary.
enum HTMLTag: UInt8 {
    case other
    case customElement  // an unknown name with a hyphen: a web component, laid out as a block
    // Document structure
    case html, head, body, title, meta, link, base
    // Subtrees whose text is never page text
    case script, style, noscript, template, svg, math, iframe, object, embed, canvas, video, audio
    case select, option, optgroup, textarea, button, input, datalist, map, dialog, frameset, frame
    case picture, source, img, area, track, wbr
    // Block-level
    case p, div, section, article, main, aside, nav, header, footer, form, fieldset, legend
    case figure, figcaption, caption, address, blockquote, pre, ul, ol, li, dl, dt, dd, menu, dir
    case table, thead, tbody, tfoot, tr, td, th, colgroup, col
    case h1, h2, h3, h4, h5, h6, hgroup, hr, center, details, summary, noframes
    // Inline elements with a meaning for the extractor
    case a, br, time, label, q, cite, code
    // Feeds read by mistake
    case rss, feed

    /// Elements whose content is never page text (the parser still reports it).
    var skipsContent: Bool {
        switch self {
        case .script, .style, .noscript, .template, .svg, .math, .iframe, .object, .embed, .canvas,
             .video, .audio, .select, .option, .optgroup, .textarea, .button, .datalist, .map,
             .dialog, .frameset, .frame:
            return true
        default:
            return false
        }
    }

    /// Elements that start and end a block of text (a paragraph of output at most).
    var isBlock: Bool {
        switch self {
        case .customElement, .html, .body, .p, .div, .section, .article, .main, .aside, .nav,
             .header, .footer, .form, .fieldset, .legend, .figure, .figcaption, .caption, .address,
             .blockquote, .pre, .ul, .ol, .li, .dl, .dt, .dd, .menu, .dir, .table, .thead, .tbody,
             .tfoot, .tr, .td, .th, .colgroup, .col, .h1, .h2, .h3, .h4, .h5, .h6, .hgroup, .hr,
             .center, .details, .summary, .noframes, .rss, .feed:
            return true
        default:
            return false
        }
    }

    /// 1–6 for `h1`–`h6`, else 0.
    var headingLevel: UInt8 {
        switch self {
        case .h1: return 1
        case .h2: return 2
        case .h3: return 3
        case .h4: return 4
        case .h5: return 5
        case .h6: return 6
        default: return 0
        }
    }

    /// The tag named by `length` bytes at `name` (lowercase, as libxml2 reports them).
    static func named(_ name: UnsafePointer<UInt8>, length: Int) -> HTMLTag {
        guard length > 0 else { return .other }
        if length <= 8 {
            var key: UInt64 = 0
            for i in 0..<length { key |= UInt64(name[i]) << (8 * UInt64(i)) }
            if let tag = shortNames[key] { return tag }
        } else if length == 10 {
            if matches(name, "figcaption") { return .figcaption }
            if matches(name, "blockquote") { return .blockquote }
        }
        for i in 0..<length where name[i] == UInt8(ascii: "-") { return .customElement }
        return .other
    }

    private static func matches(_ name: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        let bytes = literal.utf8Start
        for i in 0..<literal.utf8CodeUnitCount where name[i] != bytes[i] { return false }
        return true
    }

    private static func key(_ name: String) -> UInt64 {
        var key: UInt64 = 0
        for (i, byte) in name.utf8.enumerated() { key |= UInt64(byte) << (8 * UInt64(i)) }
        return key
    }

    private static let shortNames: [UInt64: HTMLTag] = {
        let tags: [HTMLTag] = [
            .html, .head, .body, .title, .meta, .link, .base, .script, .style, .noscript, .template,
            .svg, .math, .iframe, .object, .embed, .canvas, .video, .audio, .select, .option,
            .optgroup, .textarea, .button, .input, .datalist, .map, .dialog, .frameset, .frame,
            .picture, .source, .img, .area, .track, .wbr, .p, .div, .section, .article, .main,
            .aside, .nav, .header, .footer, .form, .fieldset, .legend, .figure, .caption, .address,
            .pre, .ul, .ol, .li, .dl, .dt, .dd, .menu, .dir, .table, .thead, .tbody, .tfoot, .tr,
            .td, .th, .colgroup, .col, .h1, .h2, .h3, .h4, .h5, .h6, .hgroup, .hr, .center,
            .details, .summary, .noframes, .a, .br, .time, .label, .q, .cite, .code, .rss, .feed,
        ]
        var table: [UInt64: HTMLTag] = [:]
        for tag in tags { table[key("\(tag)")] = tag }
        return table
    }()
}
