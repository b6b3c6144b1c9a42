/// Chooses the page's main content: the element whose subtree holds the most content text net
/// of boilerplate, and the content blocks inside it.
///
/// Every block scores its weighted length: positive when classified good (less the part in
/// links), negative when bad. Scores add up the tree in one backward pass over the elements
/// (they are in document order, so children come after their parents), and the element with the
/// highest total wins; on a tie the deeper one. This is readability's "best candidate" and the
/// maximum-subtree idea of body-text extraction at once: an article's container beats the page
/// around it as soon as menus, sidebars and footers cost more than they add, and a container
/// split by an advert still wins over either half.
///
/// The first pass trusts every sign of boilerplate. When that leaves little (a template that
/// names its whole page "has-sidebar"), passes that ignore class names, then semantics too, are
/// tried, and the result that keeps the most text is taken unless the strict one kept enough.
struct HTMLContentSelector {
    struct Selection {
        /// Indices of the chosen blocks, in document order.
        var blocks: [Int]
        /// The container element, or -1 when nothing was chosen.
        var container: Int32
        /// Each block's class after context.
        var classes: [HTMLBlockClassifier.Class]
        /// Weighted length of the chosen text.
        var length: Float

        static let empty = Selection(blocks: [], container: -1, classes: [], length: 0)
    }

    let page: HTMLPage

    func select() -> Selection {
        // Where the content is when class names are not believed: the wrappers around it may
        // carry names like "widget" or "has-sidebar" without being boilerplate.
        let base = select(.semanticOnly)
        var exempt = Set<Int32>()
        if base.container >= 0 {
            var e = page.parents[Int(base.container)]
            while e >= 0 && exempt.count < 100_000 {
                exempt.insert(e)
                e = page.parents[Int(e)]
            }
        }
        var best = select(.strict, exempt: exempt)
        if best.length >= 1_000 { return best }
        for next in [base, select(.textOnly)] {
            if best.length > 0 && best.length * 100 >= next.length * 15 { return best }
            if next.length > best.length { best = next }
        }
        if best.length > 0 { return best }
        return lenient()
    }

    /// For pages with too little text for the classes to find a good block (a one-paragraph
    /// story, a page that is nothing but its text): every block that is not bad on its own
    /// counts, and the container with the most of it gives its blocks.
    func lenient() -> Selection {
        let (initial, _) = HTMLBlockClassifier(page: page, strictness: .strict).classify()
        let n = page.elementCount
        guard n > 0, !page.blocks.isEmpty else { return .empty }
        var totals = [Float](repeating: 0, count: n)
        for (i, block) in page.blocks.enumerated() where block.element >= 0 {
            switch initial[i] {
            case .good, .nearGood, .short: totals[Int(block.element)] += block.length
            case .bad: totals[Int(block.element)] -= block.length
            case .excluded: break
            }
        }
        var e = n - 1
        while e > 0 {
            let parent = Int(page.parents[e])
            if parent >= 0 { totals[parent] += totals[e] }
            e -= 1
        }
        guard let best = (0..<n).filter({ totals[$0] > 0 }).max(by: { totals[$0] <= totals[$1] }) else { return .empty }
        let container = Int32(best)
        var chosen: [Int] = []
        var length: Float = 0
        for (i, block) in page.blocks.enumerated() where page.contains(container, block.element) {
            guard initial[i] == .good || initial[i] == .nearGood || initial[i] == .short else { continue }
            if initial[i] == .short && !block.context.isDisjoint(with: [.byline, .date]) { continue }
            chosen.append(i)
            length += block.length
        }
        let classes = initial.map { $0 == .bad || $0 == .excluded ? $0 : HTMLBlockClassifier.Class.good }
        return Selection(blocks: chosen, container: container, classes: classes, length: length)
    }

    func select(_ strictness: HTMLBlockClassifier.Strictness, exempt: Set<Int32> = []) -> Selection {
        let (initial, classes) = HTMLBlockClassifier(page: page, strictness: strictness, exempt: exempt).classify()
        let n = page.elementCount
        guard n > 0, !page.blocks.isEmpty else { return .empty }
        var totals = [Float](repeating: 0, count: n)
        for (i, block) in page.blocks.enumerated() where block.element >= 0 {
            let value: Float
            switch classes[i] {
            case .good: value = block.length - block.linkLength
            case .bad: value = -block.length
            default: value = 0
            }
            totals[Int(block.element)] += value
        }
        var e = n - 1
        while e > 0 {
            let parent = Int(page.parents[e])
            if parent >= 0 { totals[parent] += totals[e] }
            e -= 1
        }
        var best = -1
        var bestScore: Float = 0
        for i in 0..<n where totals[i] >= bestScore && totals[i] > 0 {
            best = i
            bestScore = totals[i]
        }
        guard best >= 0 else { return Selection(blocks: [], container: -1, classes: classes, length: 0) }
        let container = Int32(best)
        var chosen: [Int] = []
        var length: Float = 0
        var kept = [Bool](repeating: false, count: page.blocks.count)
        for (i, block) in page.blocks.enumerated() where page.contains(container, block.element) {
            kept[i] = keep(block, initial: initial[i], revised: classes[i])
        }
        // A heading is kept with the text it introduces.
        for (i, block) in page.blocks.enumerated() where !kept[i] && block.headingLevel > 0
            && initial[i] != .bad && page.contains(container, block.element) {
            var j = i + 1
            while j < page.blocks.count && initial[j] == .excluded { j += 1 }
            if j < page.blocks.count && kept[j] && page.blocks[j].headingLevel == 0 { kept[i] = true }
        }
        for i in kept.indices where kept[i] {
            chosen.append(i)
            length += page.blocks[i].length
        }
        return Selection(blocks: chosen, container: container, classes: classes, length: length)
    }

    /// Inside the container, a block is kept when it is good in context, or when it is a
    /// paragraph, list item, quotation or table cell that is not bad on its own: a short
    /// paragraph at the end of an article or next to an in-text promotion is still the article.
    /// Bylines and date lines are left to the metadata.
    func keep(_ block: HTMLTextBlock, initial: HTMLBlockClassifier.Class, revised: HTMLBlockClassifier.Class) -> Bool {
        if initial == .bad || initial == .excluded { return false }
        if initial == .short && !block.context.isDisjoint(with: [.byline, .date]) { return false }
        if revised == .good { return true }
        if block.headingLevel > 0 { return false }
        let tag = page.tags[Int(block.element)]
        switch tag {
        case .p, .blockquote, .pre, .li, .dd, .dt, .td, .th: return true
        default: return !block.context.isDisjoint(with: [.quote, .listItem, .preformatted])
        }
    }
}
