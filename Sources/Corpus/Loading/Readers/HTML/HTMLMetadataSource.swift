/// Where a metadata value of a page was found.
public enum HTMLMetadataSource: String, Sendable {
    /// A schema.org node in `<script type="application/ld+json">`.
    case jsonLD = "json-ld"
    /// OpenGraph `<meta property="og:…">` and `article:…`.
    case openGraph = "opengraph"
    /// Twitter card `<meta name="twitter:…">`.
    case twitter
    /// Another `<meta>` (`author`, `date`, `pubdate`, Dublin Core, `application-name`…).
    case meta
    /// A microdata `itemprop` attribute.
    case microdata
    /// `<link rel="canonical">`.
    case canonical
    /// The page's `h1`.
    case heading = "h1"
    /// An element whose class names a headline, for pages without `h1`.
    case headlineElement = "headline"
    /// The `<title>` element.
    case titleElement = "title"
    /// A `<time>` element.
    case time
    /// Text of the page (a date line under the headline, a byline, a copyright line).
    case text
    /// The page's address (a date in its path, its host name).
    case url
    /// The `lang` attribute of `<html>`.
    case htmlLang = "html-lang"
    /// The writing system of the text.
    case script
    /// Given by the caller.
    case given
}
