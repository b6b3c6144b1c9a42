#!/usr/bin/env python3
"""Writes COPIES rewrites of the seed articles into OUT, for checking the briefing of a corpus
larger than its page: each copy has its own source and date (a header block) and its
paragraphs in another order, so sources, dates, speakers and shared claims are many.
    scripts/lib/seed-copies.py OUT COPIES"""
import os
import sys

out, copies = sys.argv[1], int(sys.argv[2])
seeds = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "seeds")
os.makedirs(out, exist_ok=True)
names = sorted(n for n in os.listdir(seeds) if n.endswith(".txt"))
for copy in range(copies):
    for i, name in enumerate(names):
        with open(os.path.join(seeds, name), encoding="utf-8") as f:
            paragraphs = [p for p in f.read().split("\n\n") if p.strip()]
        title, body = paragraphs[0], paragraphs[1:]
        shift = copy % len(body) if body else 0
        body = body[shift:] + body[:shift]
        header = f"Title: {title}\nDate: {1 + copy % 28} June 2023\nSource: Outlet {copy}\n\n"
        with open(os.path.join(out, f"copy{copy:04d}-{i}.txt"), "w", encoding="utf-8") as f:
            f.write(header + "\n\n".join(body) + "\n")
