#!/usr/bin/env python3
"""AnchorCite (core install, lexical scorer) side by side with `nutgraf audit`.

faith:    balanced accuracy per (dataset, origin) group of ../shared/eval/faith-dev.jsonl with one
          threshold chosen on the file, and their mean. A summary's score is its weakest sentence's
          anchor score (0 when AnchorCite finds no anchor).
injected: the variants written by `cargo run --release -p nutgraf-audit --example injected_eval --
          --write VARIANTS.jsonl`. A variant counts as detected when the sentence holding the
          change is unverified at AnchorCite's default threshold while that sentence of the
          untouched reference is verified; a false alarm is an untouched reference with any
          unverified sentence.

Usage: .venv/bin/python run.py faith [FAITH.jsonl]
       .venv/bin/python run.py injected VARIANTS.jsonl [NEWS.jsonl]
"""

import json
import re
import sys
import time
from collections import defaultdict

from anchorcite import CitationAnchorer, LexicalScorer

SPLIT = re.compile(r"(?<=[.!?])\s+")


def sentences(text):
    return [s for s in SPLIT.split(text.strip()) if re.search(r"\w", s)]


def make_anchorer():
    scorer = LexicalScorer()
    default = getattr(scorer, "default_threshold", None)
    # threshold 0: always return the best anchor, so that its score can be thresholded here.
    return CitationAnchorer(scorer=scorer, threshold=0.0), default


def sentence_scores(anchorer, source, summary):
    out = []
    for s in sentences(summary):
        a = anchorer.anchor(s, source)
        out.append((s, a.score if a is not None else 0.0))
    return out


def balanced(rows, t):
    groups = defaultdict(lambda: [0, 0, 0, 0])
    for g, label, score in rows:
        groups[g][label * 2 + (score >= t)] += 1
    out = {}
    for g, (tn, fp, fn, tp) in sorted(groups.items()):
        out[g] = 100 * ((tp / max(1, tp + fn)) + (tn / max(1, tn + fp))) / 2
    return out


def faith(path):
    anchorer, _ = make_anchorer()
    rows = []
    t0 = time.perf_counter()
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        scores = [s for _, s in sentence_scores(anchorer, r["source"], r["summary"])] or [0.0]
        rows.append((f"{r['dataset']}/{r['origin']}", int(r["label"]), min(scores)))
    secs = time.perf_counter() - t0
    best = max((sum(balanced(rows, t).values()) / 2, t) for t in sorted({s for _, _, s in rows}))
    per = balanced(rows, best[1])
    print(f"AnchorCite (lexical) on {path}: {len(rows)} rows in {secs:.1f} s ({len(rows) / secs:.0f} pairs/s, one thread)")
    print(f"  one threshold chosen on the file: {best[1]:.4f}")
    for g, v in per.items():
        print(f"  {g:<14} balanced accuracy {v:.1f}")
    print(f"  mean           balanced accuracy {sum(per.values()) / len(per):.1f}")


def injected(variants_path, news_path):
    anchorer, default = make_anchorer()
    threshold = default if default is not None else 0.5
    articles = {}
    for line in open(news_path, encoding="utf-8"):
        r = json.loads(line)
        articles[r["id"]] = r
    stats = defaultdict(lambda: [0, 0])
    clean = defaultdict(lambda: [0, 0])
    cache = {}
    for line in open(variants_path, encoding="utf-8"):
        v = json.loads(line)
        art = articles[v["id"]]
        ref = art["reference"]
        if v["id"] not in cache:
            cache[v["id"]] = sentence_scores(anchorer, art["article"], ref)
            c = clean[art["dataset"]]
            c[0] += 1
            c[1] += any(s < threshold for _, s in cache[v["id"]])
        base = cache[v["id"]]
        after = sentence_scores(anchorer, art["article"], v["variant"])
        # The changed sentence: the first one that differs from the untouched reference.
        k = next((i for i, (a, b) in enumerate(zip(after, base)) if a[0] != b[0]), min(len(after), len(base)) - 1)
        hit = k >= 0 and after[k][1] < threshold and base[k][1] >= threshold
        st = stats[(art["dataset"], v["kind"])]
        st[0] += 1
        st[1] += hit
    print(f"AnchorCite (lexical, default threshold {threshold}) on {variants_path}")
    for (ds, kind), (n, hit) in sorted(stats.items()):
        print(f"  {ds:<6} {kind:<9} {n:>4} variants  recall {100 * hit / max(1, n):5.1f}%")
    for kind in sorted({k for _, k in stats}):
        n = sum(v[0] for (d, k), v in stats.items() if k == kind)
        hit = sum(v[1] for (d, k), v in stats.items() if k == kind)
        print(f"  all    {kind:<9} {n:>4} variants  recall {100 * hit / max(1, n):5.1f}%")
    for ds, (n, flagged) in sorted(clean.items()):
        print(f"  false alarms {ds}: {100 * flagged / max(1, n):.1f}% of {n} untouched references have an unverified sentence")


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in ("faith", "injected"):
        sys.exit(__doc__)
    if sys.argv[1] == "faith":
        faith(sys.argv[2] if len(sys.argv) > 2 else "../shared/eval/faith-dev.jsonl")
    else:
        if len(sys.argv) < 3:
            sys.exit(__doc__)
        injected(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "../shared/eval/news-dev.jsonl")
