/// What an element and its ancestors make of the text inside: inherited down the tree while
/// the page is read, and kept on every block of text.
struct HTMLContext: OptionSet, Sendable {
    let rawValue: UInt32

    static let link = HTMLContext(rawValue: 1 << 0)
    static let heading = HTMLContext(rawValue: 1 << 1)
    static let listItem = HTMLContext(rawValue: 1 << 2)
    static let quote = HTMLContext(rawValue: 1 << 3)
    static let preformatted = HTMLContext(rawValue: 1 << 4)
    static let caption = HTMLContext(rawValue: 1 << 5)
    static let tableCell = HTMLContext(rawValue: 1 << 6)
    /// Inside `nav`, `menu` or role="navigation".
    static let navigation = HTMLContext(rawValue: 1 << 7)
    /// Inside `aside` or role="complementary".
    static let complementary = HTMLContext(rawValue: 1 << 8)
    /// Inside `footer` or role="contentinfo".
    static let footer = HTMLContext(rawValue: 1 << 9)
    /// Inside `header` or role="banner".
    static let header = HTMLContext(rawValue: 1 << 10)
    static let form = HTMLContext(rawValue: 1 << 11)
    /// Inside `article`, `main`, role="main" or itemprop="articleBody".
    static let article = HTMLContext(rawValue: 1 << 12)
    /// Inside an element whose class or id names a byline or author.
    static let byline = HTMLContext(rawValue: 1 << 13)
    /// Inside an element whose class or id names a date or time, or a `time` element.
    static let date = HTMLContext(rawValue: 1 << 14)
    static let label = HTMLContext(rawValue: 1 << 15)
    static let address = HTMLContext(rawValue: 1 << 16)
    /// Inside an element whose class or id names a headline or title.
    static let headline = HTMLContext(rawValue: 1 << 17)

    /// Semantic page furniture: navigation, complementary content, the page footer.
    static let furniture: HTMLContext = [.navigation, .complementary, .footer]
}
