import Corpus
import Harness

// The date scanner (Sources/Corpus/Dates): mentions come in text order, do not overlap, and their
// text is the text at their byte range; relative ones resolve against an anchor.
let anchor = DateValue(year: 2023, month: 6, day: 18).map(DateAnchor.documentDate)

FuzzTarget.run { bytes in
    let text = FuzzTarget.text(bytes)
    let utf8 = Array(text.utf8)
    var previousEnd = 0
    for mention in DateExtractor.mentions(in: text, anchor: anchor) {
        let range = mention.range
        FuzzTarget.require(range.lowerBound >= previousEnd && range.upperBound <= utf8.count,
                           "mention \(range) out of order or outside the text (\(utf8.count) bytes)")
        FuzzTarget.require(String(decoding: utf8[range], as: UTF8.self) == mention.text,
                           "mention text '\(mention.text)' is not the text at \(range)")
        previousEnd = range.upperBound
        _ = mention.value?.iso
    }
    _ = DateValue(iso: text)
}
