"""Synthetic scale-up of the NeuS stories, made at run time (never commit its output).

Each NeuS row (three outlets' title and lead on one story) is replayed R times until the target
article count is reached. Replica 0 is the row as it is; in replica r > 0 every capitalized word
and every number gets a replica-specific suffix (so names, places and figures differ and each
replica is a story of its own that shares only the common vocabulary with its original), and
each word is dropped with probability --drop (outlets trim differently). This keeps the
vocabulary statistics of real news while multiplying the stories.

Output, one line per article (--format feed): {"id", "title", "text"} for `nutgraf stories --in`;
or one line per replicated row (--format neus): {"id", "sources": ["TITLE=> ... ARTICLE=> ..."]}
for `nutgraf stories --eval`, which then also scores the grouping at that scale.

Usage: make_feed.py --articles 100000 [--format feed|neus] [--seed 1] [--drop 0.1] NEUS.jsonl... > OUT
"""

import argparse
import json
import random
import re
import sys

WORD = re.compile(r"\S+")


def perturb(text, r, rng, drop):
    if r == 0:
        return text
    tag = format(r, "x")
    out = []
    for w in WORD.findall(text):
        if rng.random() < drop:
            continue
        core = w.strip(".,;:!?\"'()")
        if core and (core[0].isupper() or core[0].isdigit()):
            w = w.replace(core, core + "q" + tag, 1)
        out.append(w)
    return " ".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="+")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--format", choices=["feed", "neus"], default="feed")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--drop", type=float, default=0.1)
    args = ap.parse_args()
    rows = []
    for path in args.data:
        with open(path, encoding="utf-8") as f:
            rows.extend(json.loads(line) for line in f if line.strip())
    rng = random.Random(args.seed)
    written, r = 0, 0
    out = sys.stdout
    while written < args.articles:
        for row in rows:
            if written >= args.articles:
                break
            sources = []
            for src in row["sources"][: args.articles - written]:
                title, _, body = src.partition("ARTICLE=>")
                title = perturb(title.replace("TITLE=>", "").strip(), r, rng, args.drop)
                body = perturb(body.strip(), r, rng, args.drop)
                sources.append((title, body))
            rid = f"{row['id']}/{r}"
            if args.format == "neus":
                out.write(json.dumps({"id": rid, "sources": [f"TITLE=> {t} ARTICLE=> {b}" for t, b in sources]}) + "\n")
            else:
                for k, (t, b) in enumerate(sources):
                    out.write(json.dumps({"id": f"{rid}#{k + 1}", "title": t, "text": b}) + "\n")
            written += len(sources)
        r += 1


if __name__ == "__main__":
    main()
