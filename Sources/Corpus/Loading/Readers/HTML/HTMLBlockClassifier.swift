/// Classifies the blocks of a page as content or boilerplate, jusText's way: each block first on
/// its own (length, link density, prose or not, what it sits in), then in context (short and
/// borderline blocks take the class of the blocks around them, headings that lead into content
/// are content).
///
/// Differences from jusText: lengths are weighted characters (`HTMLTextMeasure`), so the
/// thresholds hold for scripts without spaces; "prose" is judged by punctuation and
/// capitalisation instead of stopword lists, which exist for a few languages only; and blocks
/// inside page furniture (`nav`, `aside`, `footer`, role="navigation"…) or under an element whose
/// class or id names boilerplate are bad from the start, unless the `Strictness` says to ignore
/// those signs (the selector relaxes them when they would leave nothing). Near-good blocks that
/// stand together (only short blocks between them) and add up to a long text are good: a short
/// article of three 150-character paragraphs is content even with no single long paragraph; and
/// a near-good paragraph whose siblings are good paragraphs is good.
struct HTMLBlockClassifier {
    enum Class: UInt8 {
        case bad, short, nearGood, good
        /// Never output and invisible to the context rules (figure captions).
        case excluded
    }

    /// Which outside signs mark boilerplate.
    struct Strictness {
        var classHints: Bool
        var semantics: Bool

        static let strict = Strictness(classHints: true, semantics: true)
        static let semanticOnly = Strictness(classHints: false, semantics: true)
        static let textOnly = Strictness(classHints: false, semantics: false)
    }

    /// jusText's thresholds in weighted characters.
    static let shortLength: Float = 70
    static let longLength: Float = 200
    static let headingDistance: Float = 200

    let page: HTMLPage
    let strictness: Strictness
    /// Elements whose boilerplate class names are not believed (the wrappers of the content).
    var exempt: Set<Int32> = []

    init(page: HTMLPage, strictness: Strictness, exempt: Set<Int32> = []) {
        self.page = page
        self.strictness = strictness
        self.exempt = exempt
    }

    /// The class of every block of the page on its own, and after context.
    func classify() -> (initial: [Class], revised: [Class]) {
        let initial = page.blocks.map(initialClass)
        var classes = initial
        promoteNearGoodRuns(&classes)
        promoteNearGoodSiblings(&classes)
        promoteHeadings(&classes, from: .short, to: .nearGood)
        reviseShort(&classes)
        reviseNearGood(&classes)
        promoteHeadings(&classes, from: .bad, to: .good, unlessInitially: initial)
        return (initial, classes)
    }

    /// Whether a boilerplate class name above the block is believed.
    func isMarkedBoilerplate(_ block: HTMLTextBlock) -> Bool {
        var e = block.boilerplate
        var steps = 0
        while e >= 0 && steps < 64 {
            if !exempt.contains(e) { return true }
            e = page.boilerplateAbove[Int(e)]
            steps += 1
        }
        return false
    }

    /// The class of a block on its own.
    func initialClass(_ block: HTMLTextBlock) -> Class {
        if block.context.contains(.caption) { return .excluded }
        if strictness.semantics && !block.context.isDisjoint(with: .furniture) { return .bad }
        if strictness.classHints && isMarkedBoilerplate(block) { return .bad }
        if strictness.semantics && block.context.contains(.form) && !block.isProse { return .bad }
        let length = block.length
        if block.features.copyright && length < 400 { return .bad }
        if length < Self.shortLength {
            return block.linkLength > 0 ? .bad : .short
        }
        if block.linkDensity > (length >= Self.longLength ? 0.5 : 0.33) { return .bad }
        if length >= Self.longLength { return block.isProse ? .good : .nearGood }
        return block.isProse ? .nearGood : .short
    }

    // MARK: Context

    /// Runs of near-good blocks (with only short or excluded blocks between them) as long as
    /// 1.5 long blocks together become good.
    private func promoteNearGoodRuns(_ classes: inout [Class]) {
        var runStart = -1
        var runLength: Float = 0
        var members: [Int] = []
        func close() {
            if members.count >= 2 && runLength >= Self.longLength * 1.5 {
                for i in members { classes[i] = .good }
            }
            members.removeAll(keepingCapacity: true)
            runLength = 0
            runStart = -1
        }
        for i in classes.indices {
            switch classes[i] {
            case .nearGood:
                if runStart < 0 { runStart = i }
                members.append(i)
                runLength += page.blocks[i].length
            case .short, .excluded:
                continue
            case .good, .bad:
                close()
            }
        }
        close()
    }

    /// A near-good block whose element is a sibling of a good block's element (a paragraph next
    /// to the article's other paragraphs) is good, whatever interrupts it in reading order (an
    /// advert, a newsletter box between two paragraphs).
    private func promoteNearGoodSiblings(_ classes: inout [Class]) {
        var parentsOfGood = Set<Int32>()
        for (i, block) in page.blocks.enumerated() where classes[i] == .good && block.element >= 0 {
            parentsOfGood.insert(page.parents[Int(block.element)])
        }
        guard !parentsOfGood.isEmpty else { return }
        for (i, block) in page.blocks.enumerated() where classes[i] == .nearGood && block.element >= 0 {
            let parent = page.parents[Int(block.element)]
            if parent >= 0 && parentsOfGood.contains(parent) { classes[i] = .good }
        }
    }

    /// jusText: a heading followed within `headingDistance` by a good block is promoted.
    private func promoteHeadings(_ classes: inout [Class], from: Class, to: Class, unlessInitially initial: [Class]? = nil) {
        let blocks = page.blocks
        for i in blocks.indices where blocks[i].headingLevel > 0 && classes[i] == from {
            if let initial, initial[i] == .bad { continue }
            var distance: Float = 0
            var j = i + 1
            while j < blocks.count && distance <= Self.headingDistance {
                if classes[j] == .good {
                    classes[i] = to
                    break
                }
                distance += blocks[j].length
                j += 1
            }
        }
    }

    /// A short block between good blocks is good, between bad ones bad; between a good and a bad
    /// one it is good only when a near-good block stands between it and the bad side.
    private func reviseShort(_ classes: inout [Class]) {
        let prevStrong = neighbours(classes, forward: true, skipNearGood: true)
        let nextStrong = neighbours(classes, forward: false, skipNearGood: true)
        let prevAny = neighbours(classes, forward: true, skipNearGood: false)
        let nextAny = neighbours(classes, forward: false, skipNearGood: false)
        var revised = classes
        for i in classes.indices where classes[i] == .short {
            let prev = prevStrong[i], next = nextStrong[i]
            if prev == .good && next == .good {
                revised[i] = .good
            } else if prev == .bad && next == .bad {
                revised[i] = .bad
            } else if (prev == .bad && prevAny[i] == .nearGood) || (next == .bad && nextAny[i] == .nearGood) {
                revised[i] = .good
            } else {
                revised[i] = .bad
            }
        }
        classes = revised
    }

    /// A near-good block is good unless both its neighbours are bad.
    private func reviseNearGood(_ classes: inout [Class]) {
        let prev = neighbours(classes, forward: true, skipNearGood: true)
        let next = neighbours(classes, forward: false, skipNearGood: true)
        for i in classes.indices where classes[i] == .nearGood {
            classes[i] = (prev[i] == .bad && next[i] == .bad) ? .bad : .good
        }
    }

    /// For each block, the class of the nearest block before it (`forward`) or after it that is
    /// neither short, excluded nor (when `skipNearGood`) near-good; `.bad` past the ends.
    private func neighbours(_ classes: [Class], forward: Bool, skipNearGood: Bool) -> [Class] {
        var result = [Class](repeating: .bad, count: classes.count)
        var last = Class.bad
        let order: [Int] = forward ? Array(classes.indices) : classes.indices.reversed()
        for i in order {
            result[i] = last
            let c = classes[i]
            if c == .short || c == .excluded || (skipNearGood && c == .nearGood) { continue }
            last = c
        }
        return result
    }
}
