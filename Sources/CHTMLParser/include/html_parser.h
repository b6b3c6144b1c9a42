#ifndef DOSSIER_HTML_PARSER_H
#define DOSSIER_HTML_PARSER_H

/// Glue between Swift and libxml2's HTML parser (the one lxml and trafilatura stand on).
///
/// Swift receives the parser's events (start tag with attributes, end tag, text, raw script and
/// style content) and builds its own compact tree. The events come from libxml2's SAX interface
/// rather than its DOM because libxml2 stops building a DOM 256 elements deep (2,048 with
/// XML_PARSE_HUGE) and drops the rest of the page, while its SAX events have no depth limit;
/// libxml2's HTML rules (implied and auto-closed elements, entities, recovery from broken
/// markup) apply the same way in both.

/// Called for `<name attr="value" …>`. `attributes` is NULL or a NULL-terminated list of
/// name/value pairs (a value may be NULL for an attribute written without one). Names are
/// lowercase; all strings are UTF-8.
typedef void (*dossier_html_start_fn)(void *user, const unsigned char *name, const unsigned char **attributes);
/// Called when an element ends, including elements the parser closes implicitly.
typedef void (*dossier_html_end_fn)(void *user, const unsigned char *name);
/// Text content (entities already decoded), or the raw content of `<script>` and `<style>`.
typedef void (*dossier_html_text_fn)(void *user, const unsigned char *text, int length);
/// Asked every few hundred events (may be NULL): nonzero stops the parse there.
typedef int (*dossier_html_stop_fn)(void *user);

typedef struct dossier_html_events {
    dossier_html_start_fn start_element;
    dossier_html_end_fn end_element;
    dossier_html_text_fn characters;
    dossier_html_text_fn raw_text;
    dossier_html_stop_fn should_stop;
} dossier_html_events;

/// Parses `length` bytes of HTML and reports events to `events` with `user`.
/// `encoding` names the input's encoding for iconv ("UTF-8", "windows-1252", "Shift_JIS", …);
/// the document's own declarations are ignored (the caller has decided). The parser recovers
/// from broken markup, never touches the network and reports no errors.
/// Returns 0 when parsed, 1 when `should_stop` stopped it, -1 when `encoding` is unknown, -2 when
/// no parser could be created.
int dossier_html_parse(const char *bytes, int length, const char *encoding,
                       const dossier_html_events *events, void *user);

/// Whether iconv (through libxml2) can decode `encoding`.
int dossier_html_encoding_known(const char *encoding);

#endif
