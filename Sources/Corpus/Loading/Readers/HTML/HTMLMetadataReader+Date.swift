import Foundation

/// The publication date: JSON-LD, metas, `<time>`, the text under the headline, the URL.
extension HTMLMetadataReader {
    static let publishedMetas = [
        "article:published_time", "og:published_time", "published_time", "article.published", "itemprop:datepublished",
        "pubdate", "publishdate", "publish-date", "publish_date", "published-date", "date", "dc.date.issued",
        "dc.date", "dcterms.issued", "dcterms.created", "dcterms.date", "dc.date.created", "sailthru.date",
        "parsely-pub-date", "article_date_original", "cxenseparse:recs:publishtime", "itemprop:datecreated", "date_published",
        "article.created", "original-publish-date", "epoch-publish-date",
    ]

    /// The publication date and its source. `headlineBlock` is the index of the block holding the
    /// headline, `firstContentBlock` the first block of the main text and `container` the element
    /// holding it; dates shown there are trusted over dates elsewhere in the page (a site
    /// header's "today", a sidebar's list of stories).
    func date(headlineBlock: Int?, firstContentBlock: Int?, container: Int32, monthFirst: Bool,
              url: String?) -> (String, HTMLMetadataSource)? {
        if let value = ld.datePublished, let date = HTMLDateParser.parseValue(value, monthFirst: monthFirst) {
            return (date, .jsonLD)
        }
        for key in Self.publishedMetas {
            for entry in page.metas where entry.key == key {
                if let date = HTMLDateParser.parseValue(entry.value, monthFirst: monthFirst) {
                    return (date, Self.source(ofMeta: key))
                }
            }
        }
        for entry in page.metas where entry.key.contains("pub") && (entry.key.contains("date") || entry.key.contains("time"))
            && !entry.key.contains("modif") && !entry.key.contains("updat") {
            if let date = HTMLDateParser.parseValue(entry.value, monthFirst: monthFirst) { return (date, .meta) }
        }
        // Dates the page shows: a <time> in the main text, a <time> by the headline, a date
        // written between the headline and the text. Dates elsewhere are a site header's
        // "today" or a list of other stories.
        let anchor = headlineBlock ?? firstContentBlock ?? 0
        for time in page.times where !time.inFurniture && container >= 0 && page.contains(container, time.element) {
            if let date = HTMLDateParser.parseValue(time.value, monthFirst: monthFirst) { return (date, .time) }
        }
        let window = max(0, anchor - 2)...(anchor + 8)
        for time in page.times where !time.inFurniture && window.contains(time.blockIndex) {
            if let date = HTMLDateParser.parseValue(time.value, monthFirst: monthFirst) { return (date, .time) }
        }
        if !page.blocks.isEmpty, anchor < page.blocks.count {
            var upper = min(page.blocks.count - 1, anchor + 8)
            if let first = firstContentBlock, first > anchor { upper = min(upper, first) }
            // Below the headline first, then the two blocks above it.
            let order = Array(anchor...upper) + Array(stride(from: anchor - 1, through: max(0, anchor - 2), by: -1))
            for i in order {
                let block = page.blocks[i]
                if block.length < 120 || block.context.contains(.date) {
                    if let date = HTMLDateParser.parseText(page.text(of: block), monthFirst: monthFirst) {
                        return (date, .text)
                    }
                }
            }
        }
        if let url, let date = Self.dateInURL(url) { return (date, .url) }
        if let value = ld.dateModified, let date = HTMLDateParser.parseValue(value, monthFirst: monthFirst) {
            return (date, .jsonLD)
        }
        if let entry = meta(["article:modified_time", "og:updated_time", "itemprop:datemodified", "last-modified"]),
           let date = HTMLDateParser.parseValue(entry.value, monthFirst: monthFirst) {
            return (date, Self.source(ofMeta: entry.key))
        }
        return nil
    }

    /// `/2013/11/27/`, `/2019-01-21`, `/20190121/` in a URL's path.
    static func dateInURL(_ url: String) -> String? {
        guard let path = URLComponents(string: url)?.path, !path.isEmpty else { return nil }
        let parts = path.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "_" }).map(String.init)
        var i = 0
        while i < parts.count {
            let p = parts[i]
            if p.count == 4, let year = Int(p), year >= 1990, i + 2 < parts.count,
               parts[i + 1].count <= 2, let month = Int(parts[i + 1]), parts[i + 2].count <= 2, let day = Int(parts[i + 2]),
               let date = HTMLDateParser.format(year: year, month: month, day: day, minYear: 1990) {
                return date
            }
            if p.count == 8, p.allSatisfy(\.isNumber), let date = HTMLDateParser.parseValue(p),
               let year = Int(p.prefix(4)), year >= 1990 {
                return date
            }
            i += 1
        }
        return nil
    }
}
