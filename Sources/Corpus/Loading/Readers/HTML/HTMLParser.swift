import CHTMLParser
import Foundation

/// Runs libxml2's HTML parser (through the `CHTMLParser` glue) over a page and builds the
/// compact `HTMLPage` from its events.
///
/// libxml2 does the HTML work a browser's parser does for text: it decodes entities, infers
/// missing `html`/`body` elements, closes elements the markup leaves open, and recovers from
/// broken markup, without network access or external entities. Its SAX events are used rather
/// than its DOM tree, which libxml2 stops building 256 elements deep (losing the rest of the
/// page); the events have no depth limit, and `HTMLPageBuilder` keeps its own compact tree.
enum HTMLParser {
    enum Failure: Error {
        case unknownEncoding(String)
        case parserUnavailable
    }

    /// Parses `bytes`, which are in `encoding` (an iconv name; nil means UTF-8).
    static func parse(_ bytes: UnsafeRawBufferPointer, encoding: String?) throws -> HTMLPage {
        let builder = HTMLPageBuilder(expectedBytes: bytes.count)
        guard let base = bytes.baseAddress, bytes.count > 0 else { return builder.finish() }
        var events = dossier_html_events(
            start_element: { user, name, attributes in
                guard let user, let name else { return }
                Unmanaged<HTMLPageBuilder>.fromOpaque(user).takeUnretainedValue()
                    .startElement(name, UnsafePointer(attributes))
            },
            end_element: { user, _ in
                guard let user else { return }
                Unmanaged<HTMLPageBuilder>.fromOpaque(user).takeUnretainedValue().endElement()
            },
            characters: { user, text, length in
                guard let user, let text, length > 0 else { return }
                Unmanaged<HTMLPageBuilder>.fromOpaque(user).takeUnretainedValue().characters(text, Int(length))
            },
            raw_text: { user, text, length in
                guard let user, let text, length > 0 else { return }
                Unmanaged<HTMLPageBuilder>.fromOpaque(user).takeUnretainedValue().rawText(text, Int(length))
            })
        let user = Unmanaged.passUnretained(builder).toOpaque()
        // libxml2 takes an int length; a page larger than 2 GB is cut there.
        let length = Int32(clamping: bytes.count)
        let status = withExtendedLifetime(builder) {
            dossier_html_parse(base.assumingMemoryBound(to: CChar.self), length, encoding, &events, user)
        }
        switch status {
        case 0: return builder.finish()
        case -1: throw Failure.unknownEncoding(encoding ?? "UTF-8")
        default: throw Failure.parserUnavailable
        }
    }

    /// Whether iconv knows `encoding`.
    static func knows(encoding: String) -> Bool {
        dossier_html_encoding_known(encoding) != 0
    }
}
