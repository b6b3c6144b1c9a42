/// One block of text as read from the page: the text of one block-level element between its
/// child blocks (a paragraph, a heading, a list item, the text of a `div`), or a part of one cut
/// at `<br><br>`. Its text is a range of the page's text buffer; the rest are the measures the
/// classifier decides on.
struct HTMLTextBlock {
    /// Bytes `start..<end` of `HTMLPage.text`.
    var start: Int32
    var end: Int32
    /// The innermost block-level element holding the text (an index into the page's elements).
    var element: Int32
    /// The nearest element at or above `element` whose class or id marks boilerplate, or -1.
    var boilerplate: Int32
    /// The context of `element`.
    var context: HTMLContext
    /// `h1`–`h6` level of the heading the text is in, or 0.
    var headingLevel: UInt8
    /// Weighted length of the text, and of the part inside links (`HTMLTextMeasure`).
    var length: Float
    var linkLength: Float
    var features: HTMLTextMeasure.Features

    var linkDensity: Float { length > 0 ? linkLength / length : 0 }

    /// Whether the text reads as running prose rather than a label, a title or a list of names:
    /// it has sentence or clause punctuation (or is long text in a script written without it),
    /// and, in Latin letters, most words are not capitalised as in titles.
    var isProse: Bool {
        let f = features
        let punctuated = f.sentenceEnds >= 1 || f.commas >= 2
            || (f.unpunctuatedScript * 2 > f.letters && length >= 100)
        guard punctuated else { return false }
        if f.words >= 6 && f.capitalizedWords * 10 > f.words * 6 { return false }
        return true
    }
}
