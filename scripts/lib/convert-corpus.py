#!/usr/bin/env python3
"""Writes a folder of .txt articles as one JSONL file and one CSV file of the same articles,
for the benchmark's JSONL and CSV load figures (scripts/bench).

    scripts/lib/convert-corpus.py FOLDER OUT_PREFIX   # writes OUT_PREFIX.jsonl and OUT_PREFIX.csv

Each record is {"id": file name without .txt, "text": the file's text}: the same articles,
the same bytes of text, so the figures compare the readers and nothing else.
"""
import csv
import json
import os
import sys


def main():
    folder, prefix = sys.argv[1], sys.argv[2]
    names = sorted(n for n in os.listdir(folder) if n.endswith(".txt"))
    with open(prefix + ".jsonl", "w", encoding="utf-8") as jsonl, \
            open(prefix + ".csv", "w", encoding="utf-8", newline="") as table:
        writer = csv.writer(table)
        writer.writerow(["id", "text"])
        for name in names:
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                text = f.read()
            ident = name[:-4]
            jsonl.write(json.dumps({"id": ident, "text": text}, ensure_ascii=False) + "\n")
            writer.writerow([ident, text])


if __name__ == "__main__":
    main()
