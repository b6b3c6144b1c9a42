#!/usr/bin/env python3
"""Writes a web archive of saved pages, for the WARC load figure (scripts/bench, docs/performance.md).

    scripts/lib/make-warc.py PAGES_DIR OUT.warc [COPIES]   # also writes OUT.warc.gz (one gzip member per record)

For every copy and every .html page: a request record, then a response record (HTTP 200,
text/html) whose payload is the page's bytes and whose target URI is unique per copy, as a
crawler writes them. WARC/1.0 (ISO 28500), CRLF line ends, record ids from a fixed seed.
"""
import gzip
import os
import sys
import uuid
import random


def record(kind, uri, block, rng):
    rid = uuid.UUID(int=rng.getrandbits(128), version=4)
    mime = "application/http; msgtype=" + kind
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
            f"WARC-Date: 2024-03-05T10:15:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {mime}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def main():
    pages_dir, out = sys.argv[1], sys.argv[2]
    copies = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    rng = random.Random(17)
    names = sorted(n for n in os.listdir(pages_dir) if n.endswith(".html"))
    pages = [(n, open(os.path.join(pages_dir, n), "rb").read()) for n in names]
    with open(out, "wb") as plain, open(out + ".gz", "wb") as packed:
        for c in range(copies):
            for name, body in pages:
                uri = f"https://example.org/{c}/{name}"
                request = f"GET /{c}/{name} HTTP/1.1\r\nHost: example.org\r\n\r\n".encode()
                http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
                for rec in (record("request", uri, request, rng), record("response", uri, http, rng)):
                    plain.write(rec)
                    packed.write(gzip.compress(rec, 6))


if __name__ == "__main__":
    main()
