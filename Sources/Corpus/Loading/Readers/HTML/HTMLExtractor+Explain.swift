import Foundation

extension HTMLExtractor {
    /// A listing of how the extractor saw a page, for tuning and bug reports: every block with
    /// its class after context, its measures, whether it is inside the chosen container, and
    /// the element path above it. Not for programs to parse.
    public static func explain(_ bytes: UnsafeRawBufferPointer) -> String {
        let charset = HTMLCharset.decide(bytes)
        let page: HTMLPage
        do {
            if let repaired = charset.repaired {
                page = try repaired.withUnsafeBytes { try HTMLParser.parse($0, encoding: charset.encoding) }
            } else {
                page = try HTMLParser.parse(UnsafeRawBufferPointer(rebasing: bytes[min(charset.skip, bytes.count)...]),
                                            encoding: charset.encoding)
            }
        } catch {
            return "could not parse: \(error)\n"
        }
        let selector = HTMLContentSelector(page: page)
        let selection = selector.select()
        var out = "encoding \(charset.encoding); \(page.elementCount) elements, \(page.blocks.count) blocks; "
        out += "container \(selection.container) \(path(page, selection.container)); chosen \(selection.blocks.count) blocks\n"
        let chosen = Set(selection.blocks)
        for (i, block) in page.blocks.enumerated() {
            let cls = selection.classes.isEmpty ? "-" : "\(selection.classes[i])"
            let inside = selection.container >= 0 && page.contains(selection.container, block.element)
            let text = page.text(of: block).replacingOccurrences(of: "\n", with: " / ")
            out += String(format: "%4d %@%@ %-8@ L%5.0f LD%.2f s%d c%d bp%d %@ | %@\n", i,
                          chosen.contains(i) ? "*" : " ", inside ? "in " : "   ", cls, block.length, block.linkDensity,
                          block.features.sentenceEnds, block.features.commas, block.boilerplate >= 0 ? 1 : 0,
                          path(page, block.element), String(text.prefix(90)))
        }
        return out
    }

    static func path(_ page: HTMLPage, _ element: Int32) -> String {
        var parts: [String] = []
        var e = element
        while e >= 0 && parts.count < 4 {
            parts.append("\(page.tags[Int(e)])\(page.hints[Int(e)].contains(.boilerplate) ? "!" : "")")
            e = page.parents[Int(e)]
        }
        return parts.reversed().joined(separator: "/")
    }
}
