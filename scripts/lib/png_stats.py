#!/usr/bin/env python3
"""Reads a PNG (8-bit RGB/RGBA, as Chromium writes screenshots) with the standard library only
and prints JSON: size, share of non-white pixels, share of saturated (coloured) pixels, and the
number of distinct coloured rows, so a script can tell a blank page from one with charts."""
import json
import struct
import sys
import zlib


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    pos, chunks, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    if depth != 8 or color not in (2, 6) or interlace:
        raise SystemExit(f"{path}: unsupported PNG (depth {depth}, colour type {color})")
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + ((a + b) >> 1)) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 255
        rows.append(line)
        prev = line
    return width, height, channels, rows


def main():
    width, height, channels, rows = read_png(sys.argv[1])
    # Measure the page down to its last row with anything on it (the window is taller).
    last = 0
    for y, line in enumerate(rows):
        if any(v < 245 for v in line[0:width * channels:channels * 4]):
            last = y
    rows = rows[:last + 1]
    total = nonwhite = coloured = 0
    coloured_rows = 0
    for line in rows:
        row_coloured = 0
        for x in range(0, width * channels, channels * 2):  # every other pixel is enough
            r, g, b = line[x], line[x + 1], line[x + 2]
            total += 1
            if r < 245 or g < 245 or b < 245:
                nonwhite += 1
            if max(r, g, b) - min(r, g, b) > 40:
                coloured += 1
                row_coloured += 1
        if row_coloured > 3:
            coloured_rows += 1
    print(json.dumps({"width": width, "height": height, "content_height": last + 1, "nonwhite": nonwhite / total,
                      "coloured": coloured / total, "coloured_rows": coloured_rows}))


if __name__ == "__main__":
    main()
