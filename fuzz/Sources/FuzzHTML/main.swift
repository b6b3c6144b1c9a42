import Corpus
import Harness

// The HTML reader's extractor (Sources/Corpus/Loading/Readers/HTML): a saved web page's bytes,
// parsed by libxml2's HTML parser, to its main text, blocks and metadata. Any bytes must give
// an article (possibly empty), in time, with no empty block and no more text than the page could
// hold (a character reference or a legacy-encoded byte gives at most 4 UTF-8 bytes per input byte).
FuzzTarget.run { bytes in
    let article = HTMLExtractor.extract(UnsafeRawBufferPointer(bytes))
    for block in article.blocks {
        FuzzTarget.require(!block.text.isEmpty, "an empty \(block.kind) block")
    }
    FuzzTarget.require(article.text.utf8.count <= 4 * bytes.count + 16,
                       "\(article.text.utf8.count) bytes of text from a \(bytes.count)-byte page")
    for field in [article.title, article.date, article.siteName, article.url, article.language] {
        guard let value = field else { continue }
        FuzzTarget.require(!value.contains("\u{0}"), "a NUL in page metadata")
    }
}
