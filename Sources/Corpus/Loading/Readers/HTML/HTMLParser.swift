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
        /// The cancellation token stopped the parse (a time limit, an interrupt).
        case stopped(WorkLimit)
    }

    /// What the parser's events reach: the page being built and the token that may stop it.
    private final class Context {
        let builder: HTMLPageBuilder
        let cancellation: Cancellation
        var stop: WorkLimit?

        init(builder: HTMLPageBuilder, cancellation: Cancellation) {
            self.builder = builder
            self.cancellation = cancellation
        }

        static func builder(_ user: UnsafeMutableRawPointer) -> HTMLPageBuilder {
            Unmanaged<Context>.fromOpaque(user).takeUnretainedValue().builder
        }
    }

    /// Parses `bytes`, which are in `encoding` (an iconv name; nil means UTF-8). The token is
    /// asked every 256 parser events; when it says stop, libxml2 stops where it is and this
    /// throws `Failure.stopped`.
    static func parse(_ bytes: UnsafeRawBufferPointer, encoding: String?, cancellation: Cancellation = .none) throws -> HTMLPage {
        let builder = HTMLPageBuilder(expectedBytes: bytes.count)
        guard let base = bytes.baseAddress, bytes.count > 0 else { return builder.finish() }
        let context = Context(builder: builder, cancellation: cancellation)
        var events = dossier_html_events(
            start_element: { user, name, attributes in
                guard let user, let name else { return }
                Context.builder(user).startElement(name, UnsafePointer(attributes))
            },
            end_element: { user, _ in
                guard let user else { return }
                Context.builder(user).endElement()
            },
            characters: { user, text, length in
                guard let user, let text, length > 0 else { return }
                Context.builder(user).characters(text, Int(length))
            },
            raw_text: { user, text, length in
                guard let user, let text, length > 0 else { return }
                Context.builder(user).rawText(text, Int(length))
            },
            should_stop: { user in
                guard let user else { return 0 }
                let context = Unmanaged<Context>.fromOpaque(user).takeUnretainedValue()
                context.stop = context.cancellation.stop
                return context.stop == nil ? 0 : 1
            })
        let user = Unmanaged.passUnretained(context).toOpaque()
        // libxml2 takes an int length; a page larger than 2 GB is cut there.
        let length = Int32(clamping: bytes.count)
        let status = withExtendedLifetime(context) {
            dossier_html_parse(base.assumingMemoryBound(to: CChar.self), length, encoding, &events, user)
        }
        switch status {
        case 0: return builder.finish()
        case 1: throw Failure.stopped(context.stop ?? .interrupted)
        case -1: throw Failure.unknownEncoding(encoding ?? "UTF-8")
        default: throw Failure.parserUnavailable
        }
    }

    /// Whether iconv knows `encoding`.
    static func knows(encoding: String) -> Bool {
        dossier_html_encoding_known(encoding) != 0
    }
}
