/// A parsed page in compact form: elements as parallel arrays in document order, all text in
/// one UTF-8 buffer cut into blocks, and the raw material of the metadata.
///
/// Elements are numbered in document (pre-)order, so an element's subtree is the index range
/// `index..<ends[index]`, and sums over subtrees take one backward pass. Nothing here is a tree
/// of objects: a large page costs a few bytes per element and its text once.
struct HTMLPage {
    var tags: [HTMLTag] = []
    var parents: [Int32] = []
    /// One past the last element of each element's subtree.
    var ends: [Int32] = []
    var hints: [HTMLElementHints] = []
    /// The nearest proper ancestor of each element whose class or id marks boilerplate, or -1.
    var boilerplateAbove: [Int32] = []

    /// Normalised text of all blocks (whitespace collapsed, no-break spaces made spaces).
    var text: [UInt8] = []
    var blocks: [HTMLTextBlock] = []

    /// `<title>`, the first one.
    var title: String?
    /// `<meta>` values (and `content`/`datetime` of other elements with an itemprop), keyed by
    /// the lowercased `property`, `name`, `itemprop` or `http-equiv`, in document order.
    var metas: [(key: String, value: String)] = []
    /// `<link rel="canonical">`.
    var canonical: String?
    /// `lang` of the root element.
    var language: String?
    /// Text of `<script type="application/ld+json">` blocks.
    var jsonLD: [String] = []
    /// `<time>` elements: the `datetime` attribute or the element's text, where it is, the
    /// number of blocks read before it, and whether it sits in page furniture (a site header,
    /// navigation, a sidebar, the footer).
    var times: [(value: String, element: Int32, blockIndex: Int, inFurniture: Bool)] = []
    /// Text of elements that hold a byline (class/id "author", "byline"…, `rel="author"`,
    /// itemprop="author").
    var bylines: [String] = []
    /// Text of elements whose class or id names a headline or title, and the number of blocks
    /// read before each (a headline for pages without `h1`).
    var headlines: [(text: String, blockIndex: Int)] = []
    /// Whether the document is an RSS or Atom feed rather than a web page.
    var isFeed = false

    var elementCount: Int { tags.count }

    func text(of block: HTMLTextBlock) -> String {
        text.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(block.start)..<Int(block.end)]), as: UTF8.self)
        }
    }

    /// Whether element `ancestor` contains element `element` (or is it).
    func contains(_ ancestor: Int32, _ element: Int32) -> Bool {
        element >= ancestor && element < ends[Int(ancestor)]
    }
}
