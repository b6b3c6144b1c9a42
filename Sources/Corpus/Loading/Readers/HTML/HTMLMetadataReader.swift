import Foundation

/// Reads a page's metadata from every place pages put it, in order of trust.
///
/// - title: the `h1` when a title in the metadata (JSON-LD `headline`, `og:title`,
///   `twitter:title`, `<title>`…) confirms it, else that title without the site name around it,
///   else an element whose class names a headline, else `<title>`.
/// - date: JSON-LD `datePublished`; `article:published_time` and the other publication-date
///   metas; a `<time>` near the headline; a date written near the headline; a date in the URL;
///   the modification date last.
/// - site: `og:site_name`; the JSON-LD publisher; `application-name`; Dublin Core publisher;
///   what `<title>` adds to the headline; the Twitter account; a copyright line; the host.
/// - authors: JSON-LD `author`; `author` metas; bylines in the page.
/// - url: `<link rel="canonical">` when absolute (or root-relative), `og:url`, JSON-LD, the
///   address given by the caller.
/// - language: `<html lang>`, `Content-Language`, `og:locale`, JSON-LD `inLanguage`, then
///   the script of the text when only one language writes it, or Latin-script function words.
///
/// One extension per field: `+Title`, `+Site`, `+Date`, `+Authors`, `+Address` (url, language,
/// description).
struct HTMLMetadataReader {
    let page: HTMLPage
    let ld: HTMLJSONLD
    let givenURL: String?

    init(page: HTMLPage, givenURL: String?) {
        self.page = page
        self.ld = HTMLJSONLD(scripts: page.jsonLD)
        self.givenURL = givenURL
    }

    // MARK: Metas

    /// The first non-empty meta value among `keys` (in the order of `keys`).
    func meta(_ keys: [String]) -> (value: String, key: String)? {
        for key in keys {
            for entry in page.metas where entry.key == key {
                if let value = HTMLText.nonEmpty(entry.value) { return (value, key) }
            }
        }
        return nil
    }

    static func source(ofMeta key: String) -> HTMLMetadataSource {
        if key.hasPrefix("og:") || key.hasPrefix("article:") { return .openGraph }
        if key.hasPrefix("twitter:") { return .twitter }
        if key.hasPrefix("itemprop:") { return .microdata }
        return .meta
    }
}
