import Foundation

/// Builds an `HTMLPage` from the parser's events, in one pass and without recursion.
///
/// Open elements are kept on an explicit stack, so a page nested 100,000 elements deep costs a
/// stack of 100,000 small frames on the heap and nothing on the thread's stack. Text is copied
/// once into the page's buffer with whitespace collapsed; a block ends at every block-level
/// start or end tag and at a double `<br>`. Script, style, forms' widgets, embedded media and
/// hidden elements (`hidden`, `aria-hidden="true"`, `display:none`, hiding classes) contribute
/// nothing, except the JSON-LD scripts and the `<title>`, which are kept for the metadata.
final class HTMLPageBuilder {
    private(set) var page = HTMLPage()

    private struct Frame {
        var element: Int32
        var tag: HTMLTag
        var context: HTMLContext
        /// The innermost block-level element at or above this one, its context and heading level.
        var blockElement: Int32
        var blockContext: HTMLContext
        var headingLevel: UInt8
        var boilerplate: Int32
        /// `boilerplate` of `blockElement`.
        var blockBoilerplate: Int32
        /// Where this element's text starts in the buffer when it is captured (a byline, a `time`
        /// without `datetime`), else -1.
        var captureStart: Int32
        var captureKind: UInt8  // 0 none, 1 byline, 2 time, 3 headline
    }

    private enum Capture { case none, title, jsonLD }

    private var stack: [Frame] = []
    private var skipDepth = 0
    private var capture = Capture.none
    private var captureDepth = 0
    private var captured: [UInt8] = []

    // The block being read.
    private var blockStart = 0
    private var blockElement: Int32 = -1
    private var blockBoilerplate: Int32 = -1
    private var blockContext: HTMLContext = []
    private var blockHeading: UInt8 = 0
    private var blockLength: Float = 0
    private var blockLinkLength: Float = 0
    private var pendingSpace = false
    private var pendingBreaks = 0
    private var sawContent = false

    init(expectedBytes: Int) {
        page.text.reserveCapacity(expectedBytes / 4)
        page.tags.reserveCapacity(expectedBytes / 64)
        page.parents.reserveCapacity(expectedBytes / 64)
        page.ends.reserveCapacity(expectedBytes / 64)
        page.hints.reserveCapacity(expectedBytes / 64)
        stack.reserveCapacity(64)
    }

    // MARK: Events

    func startElement(_ name: UnsafePointer<UInt8>, _ attributes: UnsafePointer<UnsafePointer<UInt8>?>?) {
        let tag = HTMLTag.named(name, length: strlen(name))
        if skipDepth > 0 {
            skipDepth += 1
            // Metadata inside hidden or skipped parts still counts.
            if tag == .meta { readMeta(attributes) }
            if tag == .script, capture == .none, isJSONLD(attributes) { beginCapture(.jsonLD) }
            return
        }
        var attrs = HTMLAttributes()
        attrs.read(attributes, tag: tag)
        switch tag {
        case .meta:
            readMeta(attributes)
            return pushSkipped()
        case .link:
            if let rel = attrs.rel, rel.lowercased().split(separator: " ").contains("canonical"),
               page.canonical == nil, let href = attrs.href {
                page.canonical = href.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return pushSkipped()
        case .title:
            // The first <title> is the page's; any other (a stray one in the body) is not text.
            pushSkipped()
            if page.title == nil { beginCapture(.title) }
            return
        case .script:
            pushSkipped()
            if attrs.isJSONLD { beginCapture(.jsonLD) }
            return
        case .html where page.language == nil:
            page.language = attrs.lang
        default:
            break
        }
        if tag.skipsContent || attrs.hidden {
            return pushSkipped()
        }
        if (tag == .rss || tag == .feed) && !sawContent { page.isFeed = true }
        if tag == .br {
            if page.text.count > blockStart { pendingBreaks += 1 }
            return pushSkipped()
        }
        if tag.isBlock { flushBlock() }

        let parent = stack.last
        let index = Int32(page.tags.count)
        var hints = attrs.hints
        var context = parent?.context ?? []
        context.formUnion(Self.context(of: tag, hints: hints, attrs: attrs))
        if attrs.itemprop == "articlebody" { context.insert(.article); hints.insert(.content) }
        page.tags.append(tag)
        page.parents.append(parent?.element ?? -1)
        page.ends.append(index + 1)
        page.hints.append(hints)
        page.boilerplateAbove.append(parent?.boilerplate ?? -1)

        let boilerplate = hints.contains(.boilerplate) ? index : (parent?.boilerplate ?? -1)
        var frame = Frame(
            element: index, tag: tag, context: context,
            blockElement: parent?.blockElement ?? index, blockContext: parent?.blockContext ?? context,
            headingLevel: parent?.headingLevel ?? 0, boilerplate: boilerplate,
            blockBoilerplate: parent?.blockBoilerplate ?? boilerplate,
            captureStart: -1, captureKind: 0)
        if tag.isBlock {
            frame.blockElement = index
            frame.blockContext = context
            frame.blockBoilerplate = boilerplate
        }
        if tag.headingLevel > 0 { frame.headingLevel = tag.headingLevel }
        if tag == .time {
            if let datetime = attrs.datetime {
                page.times.append((datetime, index, page.blocks.count, Self.isFurniture(context)))
            } else {
                frame.captureStart = Int32(page.text.count)
                frame.captureKind = 2
            }
        } else if (hints.contains(.byline) && !hints.contains(.boilerplate)) || attrs.itemprop == "author"
                    || (tag == .a && attrs.rel?.lowercased().contains("author") == true) {
            frame.captureStart = Int32(page.text.count)
            frame.captureKind = 1
        } else if hints.contains(.headline) && page.headlines.count < 8 {
            frame.captureStart = Int32(page.text.count)
            frame.captureKind = 3
        }
        if let key = attrs.itemprop, let value = attrs.content ?? attrs.datetime {
            page.metas.append(("itemprop:" + key, value))
        }
        stack.append(frame)
    }

    func endElement() {
        if skipDepth > 0 {
            if capture != .none && skipDepth == captureDepth { endCapture() }
            skipDepth -= 1
            return
        }
        guard let frame = stack.popLast() else { return }
        page.ends[Int(frame.element)] = Int32(page.tags.count)
        if frame.captureKind != 0 { finishCapture(frame) }
        if frame.tag.isBlock { flushBlock() }
    }

    func characters(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
        switch capture {
        case .title, .jsonLD:
            captured.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
            return
        case .none:
            break
        }
        guard skipDepth == 0, let frame = stack.last else { return }
        append(bytes, length, inLink: frame.context.contains(.link), frame: frame)
    }

    func rawText(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
        if capture == .jsonLD { captured.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length)) }
    }

    /// Ends the last block and closes what the document left open.
    func finish() -> HTMLPage {
        flushBlock()
        while let frame = stack.popLast() {
            page.ends[Int(frame.element)] = Int32(page.tags.count)
        }
        if capture != .none { endCapture() }
        return page
    }

    // MARK: Text

    private func append(_ bytes: UnsafePointer<UInt8>, _ length: Int, inLink: Bool, frame: Frame) {
        var i = 0
        while i < length {
            let b = bytes[i]
            // Whitespace, no-break, ideographic and line/paragraph separators collapse to one space.
            if b == 32 || b == 10 || b == 9 || b == 13 || b == 12 {
                pendingSpace = true
                i += 1
                continue
            }
            if b < 0x20 || b == 0x7F { i += 1; continue }  // other control characters
            var width = 1
            if b == 0xC2, i + 1 < length, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9F {
                // C1 controls are Windows-1252 punctuation that went through Latin-1 on the way
                // ("\u{93}quoted\u{94}"): read them as the characters they were.
                let replacement = Self.c1Replacements[Int(bytes[i + 1] - 0x80)]
                if replacement.isEmpty { i += 2; continue }
                replacement.withUnsafeBufferPointer { r in
                    if let base = r.baseAddress { append(base, r.count, inLink: inLink, frame: frame) }
                }
                i += 2
                continue
            }
            if b >= 0x80 {
                let b1: UInt8 = i + 1 < length ? bytes[i + 1] : 0
                let b2: UInt8 = i + 2 < length ? bytes[i + 2] : 0
                if b == 0xC2 && b1 == 0xA0 { pendingSpace = true; i += 2; continue }
                if b == 0xE2 && b1 == 0x80 && (b2 == 0xA8 || b2 == 0xA9) { pendingSpace = true; i += 3; continue }
                if b == 0xE3 && b1 == 0x80 && b2 == 0x80 { pendingSpace = true; i += 3; continue }  // ideographic
                // Invisible: soft hyphen, zero-width space, word joiner, byte-order mark.
                if b == 0xC2 && b1 == 0xAD { i += 2; continue }
                if b == 0xE2 && b1 == 0x80 && b2 == 0x8B { i += 3; continue }
                if b == 0xE2 && b1 == 0x81 && b2 == 0xA0 { i += 3; continue }
                if b == 0xEF && b1 == 0xBB && b2 == 0xBF { i += 3; continue }
                width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            }
            if page.text.count == blockStart {
                beginBlock(frame)
            } else if pendingBreaks >= 2 {
                flushBlock()
                beginBlock(frame)
            } else if pendingBreaks == 1 {
                page.text.append(10)
                blockLength += 1
            } else if pendingSpace {
                page.text.append(32)
                blockLength += 1
                if inLink { blockLinkLength += 1 }
            }
            pendingSpace = false
            pendingBreaks = 0
            let end = min(i + width, length)
            let weight: Float = b < 0x80 ? 1 : HTMLTextMeasure.weight(lead: b, next: i + 1 < length ? bytes[i + 1] : 0)
            page.text.append(contentsOf: UnsafeBufferPointer(start: bytes + i, count: end - i))
            blockLength += weight
            if inLink { blockLinkLength += weight }
            i = end
        }
    }

    /// UTF-8 of the Windows-1252 characters at 0x80–0x9F (empty where it has none).
    private static let c1Replacements: [[UInt8]] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ].map { code in Unicode.Scalar(UInt32(code)).map { code == 0 ? [] : Array(String($0).utf8) } ?? [] }

    private func beginBlock(_ frame: Frame) {
        blockStart = page.text.count
        blockElement = frame.blockElement
        blockContext = frame.blockContext
        blockHeading = frame.headingLevel
        blockBoilerplate = frame.blockBoilerplate
        blockLength = 0
        blockLinkLength = 0
        pendingSpace = false
        pendingBreaks = 0
        sawContent = true
    }

    private func flushBlock() {
        defer {
            blockStart = page.text.count
            pendingSpace = false
            pendingBreaks = 0
            blockLength = 0
            blockLinkLength = 0
        }
        guard page.text.count > blockStart else { return }
        let features = page.text.withUnsafeBufferPointer { buffer in
            HTMLTextMeasure.features(UnsafeBufferPointer(rebasing: buffer[blockStart..<buffer.count]))
        }
        page.blocks.append(HTMLTextBlock(
            start: Int32(blockStart), end: Int32(page.text.count), element: blockElement,
            boilerplate: blockBoilerplate, context: blockContext, headingLevel: blockHeading,
            length: blockLength, linkLength: min(blockLinkLength, blockLength), features: features))
    }

    // MARK: Skipped parts and captures

    private func pushSkipped() {
        skipDepth += 1
    }

    private func beginCapture(_ kind: Capture) {
        capture = kind
        captureDepth = skipDepth
        captured.removeAll(keepingCapacity: true)
    }

    private func endCapture() {
        let text = String(decoding: captured, as: UTF8.self)
        switch capture {
        case .title:
            page.title = HTMLText.collapsed(text)
        case .jsonLD:
            if page.jsonLD.count < 32 { page.jsonLD.append(text) }
        case .none:
            break
        }
        capture = .none
        captured.removeAll(keepingCapacity: true)
    }

    private func finishCapture(_ frame: Frame) {
        let start = Int(frame.captureStart)
        // Bylines, dates and headlines are short; a long span is not one (and scanning it for
        // every nested element would cost the square of the page).
        guard start >= 0, start < page.text.count, page.text.count - start <= 600 else { return }
        // The captured element may hold several blocks: keep them apart with a line break.
        var pieces: [Range<Int>] = []
        var i = page.blocks.count - 1
        while i >= 0 && Int(page.blocks[i].end) > start {
            i -= 1
        }
        for block in page.blocks[(i + 1)...] {
            pieces.append(max(start, Int(block.start))..<Int(block.end))
        }
        if page.text.count > blockStart { pieces.append(max(start, blockStart)..<page.text.count) }
        let value = page.text.withUnsafeBufferPointer { buffer in
            pieces.filter { !$0.isEmpty }.map {
                String(decoding: UnsafeBufferPointer(rebasing: buffer[$0]), as: UTF8.self)
            }.joined(separator: "\n")
        }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.utf8.count < (frame.captureKind == 1 ? 160 : 300) else { return }
        if frame.captureKind == 2 {
            page.times.append((trimmed, frame.element, page.blocks.count, Self.isFurniture(frame.context)))
        } else if frame.captureKind == 3 {
            page.headlines.append((trimmed, page.blocks.count))
        } else if page.bylines.count < 16 {
            page.bylines.append(trimmed)
        }
    }

    private func readMeta(_ attributes: UnsafePointer<UnsafePointer<UInt8>?>?) {
        var attrs = HTMLAttributes()
        attrs.read(attributes)
        if let charset = attrs.charset { page.metas.append(("charset", charset)) }
        guard let value = attrs.content else { return }
        if let key = attrs.property ?? attrs.name ?? attrs.itemprop.map({ "itemprop:" + $0 }) ?? attrs.httpEquiv {
            page.metas.append((key, value))
        }
    }

    private func isJSONLD(_ attributes: UnsafePointer<UnsafePointer<UInt8>?>?) -> Bool {
        var attrs = HTMLAttributes()
        attrs.read(attributes, tag: .script)
        return attrs.isJSONLD
    }

    /// Navigation, sidebars, the page footer, or a header outside the article.
    static func isFurniture(_ context: HTMLContext) -> Bool {
        !context.isDisjoint(with: .furniture) || (context.contains(.header) && !context.contains(.article))
    }

    private static func context(of tag: HTMLTag, hints: HTMLElementHints, attrs: HTMLAttributes) -> HTMLContext {
        var context: HTMLContext = []
        switch tag {
        case .a where attrs.href != nil: context.insert(.link)
        case .h1, .h2, .h3, .h4, .h5, .h6: context.insert(.heading)
        case .li, .dt, .dd: context.insert(.listItem)
        case .blockquote, .q: context.insert(.quote)
        case .pre: context.insert(.preformatted)
        case .figcaption, .caption: context.insert(.caption)
        case .td, .th: context.insert(.tableCell)
        case .nav, .menu: context.insert(.navigation)
        case .aside: context.insert(.complementary)
        case .footer: context.insert(.footer)
        case .header: context.insert(.header)
        case .form: context.insert(.form)
        case .article, .main: context.insert(.article)
        case .time: context.insert(.date)
        case .label: context.insert(.label)
        case .address: context.insert(.address)
        default: break
        }
        // Roles are semantics as much as tags are; class and id names only hint (they stay in
        // `hints` and the block's `boilerplate`).
        let role = attrs.roleHints
        if role.contains(.navigation) { context.insert(.navigation) }
        if role.contains(.complementary) { context.insert(.complementary) }
        if role.contains(.pageFooter) { context.insert(.footer) }
        if role.contains(.pageHeader) { context.insert(.header) }
        if role.contains(.content) { context.insert(.article) }
        if hints.contains(.caption) { context.insert(.caption) }
        if hints.contains(.byline) { context.insert(.byline) }
        if hints.contains(.date) { context.insert(.date) }
        if hints.contains(.headline) { context.insert(.headline) }
        return context
    }
}
