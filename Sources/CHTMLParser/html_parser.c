// Glue only: sets up libxml2's HTML parser with fixed options and forwards its SAX events.
#include "html_parser.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/encoding.h>
#include <libxml/xmlerror.h>
#include <pthread.h>
#include <string.h>

typedef struct forward {
    const dossier_html_events *events;
    void *user;
    htmlParserCtxtPtr ctxt;
    unsigned events_seen;
    int stopped;
} forward;

// Every 256 events, asks whether to stop (a time limit, an interrupt) and stops libxml2 if so.
static void poll_stop(forward *f) {
    if (f->stopped || f->events->should_stop == NULL || (++f->events_seen & 255) != 0) return;
    if (f->events->should_stop(f->user)) {
        f->stopped = 1;
        xmlStopParser(f->ctxt);
    }
}

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_library(void) { xmlInitParser(); }

static void silent_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void silent_structured(void *ctx, xmlErrorPtr error) { (void)ctx; (void)error; }

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts) {
    forward *f = ctx;
    if (f->stopped) return;
    f->events->start_element(f->user, name, atts);
    poll_stop(f);
}
static void on_end(void *ctx, const xmlChar *name) {
    forward *f = ctx;
    if (f->stopped) return;
    f->events->end_element(f->user, name);
    poll_stop(f);
}
static void on_characters(void *ctx, const xmlChar *ch, int len) {
    forward *f = ctx;
    if (f->stopped) return;
    f->events->characters(f->user, ch, len);
    poll_stop(f);
}
static void on_raw(void *ctx, const xmlChar *ch, int len) {
    forward *f = ctx;
    if (f->stopped) return;
    f->events->raw_text(f->user, ch, len);
    poll_stop(f);
}

int dossier_html_encoding_known(const char *encoding) {
    pthread_once(&init_once, init_library);
    xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(encoding);
    if (handler == NULL) return 0;
    xmlCharEncCloseFunc(handler);
    return 1;
}

int dossier_html_parse(const char *bytes, int length, const char *encoding,
                       const dossier_html_events *events, void *user) {
    pthread_once(&init_once, init_library);
    // Error reporting is per thread in libxml2; keep it quiet on this one.
    xmlSetGenericErrorFunc(NULL, silent_generic);
    xmlSetStructuredErrorFunc(NULL, silent_structured);

    // UTF-8 (which the caller has checked) is parsed as it is; other encodings go through iconv.
    int utf8 = encoding == NULL || strcmp(encoding, "UTF-8") == 0;
    xmlCharEncodingHandlerPtr handler = NULL;
    if (!utf8) {
        handler = xmlFindCharEncodingHandler(encoding);
        if (handler == NULL) return -1;
    }

    // libxml2 copies the bytes into its own NUL-terminated buffer (its scanner reads ahead of
    // the end and relies on the terminator, so the caller's bytes cannot be read in place).
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(bytes, length);
    if (ctxt == NULL || ctxt->sax == NULL) {
        if (handler) xmlCharEncCloseFunc(handler);
        if (ctxt) htmlFreeParserCtxt(ctxt);
        return -2;
    }
    forward f = { events, user, ctxt, 0, 0 };
    memset(ctxt->sax, 0, sizeof(htmlSAXHandler));
    ctxt->sax->initialized = 1;
    ctxt->sax->startElement = on_start;
    ctxt->sax->endElement = on_end;
    ctxt->sax->characters = on_characters;
    ctxt->sax->ignorableWhitespace = on_characters;
    ctxt->sax->cdataBlock = on_raw;
    ctxt->userData = &f;
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
    if (handler) {
        xmlSwitchToEncoding(ctxt, handler);
    } else {
        xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);  // no conversion, no copy
    }
    htmlParseDocument(ctxt);
    ctxt->userData = ctxt;
    htmlFreeParserCtxt(ctxt);
    return f.stopped ? 1 : 0;
}
