#!/usr/bin/env python3
"""Peer baselines for nutgraf: sumy LexRank / TextRank / Luhn (and Lead) on the eval split.

Why this exists: nutgraf's extractive summarizer is compared against the classic graph and
frequency rankers as a widely used Python package implements them. This script produces their
summaries, times them, and scores them with rouge-score 0.1.2 exactly as
/work/shared/eval/README.md prescribes, so the Rust side can compare figures (or re-score
the per-article summaries written by --out).

Sentence splitting: sumy's own Tokenizer needs NLTK's punkt data, which cannot be downloaded
here. Instead the document model is built by hand: sentences come from nupunkt (a Punkt
implementation that ships its English model inside the wheel) and words come from NLTK's
Treebank word tokenizer (`nltk.word_tokenize(..., preserve_line=True)`, which needs no data
files), filtered with sumy's own word pattern, exactly as sumy's Tokenizer.to_words does.
Stop words are sumy's English list; stemming is sumy's Stemmer("english") (NLTK Snowball).

References are split into sentences with the same nupunkt model and joined with newlines, so
ROUGE-Lsum sees one sentence per line on both sides.

Usage (after ./setup.sh):
    bench/peers/.venv/bin/python bench/peers/run_sumy.py [FILE] [--format table|json]
        [--out summaries.jsonl] [--methods lead,lexrank,textrank,luhn] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import nltk
import nupunkt
from rouge_score import rouge_scorer
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

DEFAULT_INPUT = "/work/shared/eval/news-dev.jsonl"
LANGUAGE = "english"
# Sentences per summary, by dataset: the standard settings of the eval README.
SENTENCES = {"cnndm": 3, "xsum": 1}
METHODS = ("lead", "lexrank", "textrank", "luhn")
ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")


class NupunktTokenizer:
    """Duck-typed stand-in for sumy.nlp.tokenizers.Tokenizer (which loads NLTK punkt data).

    sumy's Sentence only calls `to_words`; `to_sentences` is used by `build_document`.
    """

    # Same pattern as sumy.nlp.tokenizers.Tokenizer._WORD_PATTERN: a word starts with a letter
    # and holds only letters, apostrophes and hyphens.
    _WORD_PATTERN = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$", re.UNICODE)

    def __init__(self) -> None:
        self.language = LANGUAGE
        self._punkt = nupunkt.load("default")

    def to_sentences(self, text: str) -> tuple[str, ...]:
        sentences = (s.strip() for s in self._punkt.tokenize(text))
        return tuple(s for s in sentences if s)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        # preserve_line=True skips NLTK's internal sent_tokenize (which needs punkt data);
        # the input is already one sentence.
        words = nltk.word_tokenize(sentence, language=LANGUAGE, preserve_line=True)
        return tuple(w for w in words if self._WORD_PATTERN.match(w))


def build_document(sentences: tuple[str, ...], tokenizer: NupunktTokenizer) -> ObjectDocumentModel:
    """One paragraph per article: the eval articles carry no paragraph breaks."""
    return ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in sentences])])


def make_summarizers() -> dict:
    stemmer = Stemmer(LANGUAGE)
    stop_words = get_stop_words(LANGUAGE)
    summarizers = {}
    for name, cls in (
        ("lexrank", LexRankSummarizer),
        ("textrank", TextRankSummarizer),
        ("luhn", LuhnSummarizer),
    ):
        summarizer = cls(stemmer)
        summarizer.stop_words = stop_words
        summarizers[name] = summarizer
    return summarizers


def summarize(method, summarizers, tokenizer, article, k):
    """Return (selected sentences in source order, ranking seconds, total seconds)."""
    start = time.perf_counter()
    sentences = tokenizer.to_sentences(article)
    if method == "lead":
        rank_start = time.perf_counter()
        picked = list(sentences[:k])
        rank_end = time.perf_counter()
    else:
        # A fresh document per method: sumy caches each Sentence's words on first use.
        document = build_document(sentences, tokenizer)
        rank_start = time.perf_counter()
        picked = [str(s) for s in summarizers[method](document, k)]
        rank_end = time.perf_counter()
    return picked, rank_end - rank_start, rank_end - start


def read_rows(path: str, limit: int | None):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
    return rows[:limit] if limit else rows


def run(args) -> dict:
    tokenizer = NupunktTokenizer()
    summarizers = make_summarizers()
    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    rows = read_rows(args.input, args.limit)
    methods = [m.strip() for m in args.methods.split(",") if m.strip()]
    for m in methods:
        if m not in METHODS:
            sys.exit(f"unknown method {m!r}; choose from {', '.join(METHODS)}")

    # Warm up: the first call pays for lazy imports and model loading.
    warm = "Warm up the models. This is a second sentence. And a third one."
    for m in methods:
        summarize(m, summarizers, tokenizer, warm, 1)

    out = open(args.out, "w", encoding="utf-8") if args.out else None
    acc = defaultdict(lambda: defaultdict(list))
    for row in rows:
        dataset = row["dataset"]
        k = SENTENCES[dataset]
        reference = "\n".join(tokenizer.to_sentences(row["reference"]))
        for m in methods:
            picked, rank_s, total_s = summarize(m, summarizers, tokenizer, row["article"], k)
            summary = "\n".join(picked)
            scores = scorer.score(reference, summary)
            f1 = {t: scores[t].fmeasure for t in ROUGE_TYPES}
            a = acc[(dataset, m)]
            for t in ROUGE_TYPES:
                a[t].append(f1[t])
            a["rank_s"].append(rank_s)
            a["total_s"].append(total_s)
            if out:
                rec = {"id": row["id"], "dataset": dataset, "method": m, "summary": summary}
                rec.update({t: round(f1[t], 6) for t in ROUGE_TYPES})
                rec["ms"] = round(rank_s * 1000, 4)
                rec["total_ms"] = round(total_s * 1000, 4)
                # The reference as scored here (nupunkt-split, one sentence per line), so a
                # re-scorer can tell ROUGE differences from sentence-splitting differences.
                rec["reference"] = reference
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if out:
        out.close()

    results = []
    for dataset in ("cnndm", "xsum"):
        for m in methods:
            a = acc.get((dataset, m))
            if not a:
                continue
            n = len(a["rank_s"])
            mean = lambda xs: sum(xs) / len(xs)
            total = sum(a["total_s"])
            results.append({
                "dataset": dataset,
                "method": m,
                "sentences": SENTENCES[dataset],
                "articles": n,
                "rouge1": round(100 * mean(a["rouge1"]), 2),
                "rouge2": round(100 * mean(a["rouge2"]), 2),
                "rougeLsum": round(100 * mean(a["rougeLsum"]), 2),
                "rank_ms": round(1000 * mean(a["rank_s"]), 3),
                "total_ms": round(1000 * total / n, 3),
                "articles_per_s": round(n / total, 1) if total > 0 else None,
            })
    return {
        "input": args.input,
        "splitter": f"nupunkt {nupunkt.__version__}",
        "versions": versions(),
        "results": results,
    }


def versions() -> dict:
    from importlib.metadata import version

    return {p: version(p) for p in ("sumy", "nupunkt", "rouge-score", "nltk", "numpy")}


def print_table(report: dict) -> None:
    print(f"# {report['input']}  ({', '.join(f'{k} {v}' for k, v in report['versions'].items())})")
    header = ("dataset", "method", "k", "n", "R1", "R2", "RLsum", "art/s", "rank ms", "total ms")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for r in report["results"]:
        cells = (
            r["dataset"], r["method"], r["sentences"], r["articles"],
            f"{r['rouge1']:.2f}", f"{r['rouge2']:.2f}", f"{r['rougeLsum']:.2f}",
            f"{r['articles_per_s']:.1f}", f"{r['rank_ms']:.2f}", f"{r['total_ms']:.2f}",
        )
        print("| " + " | ".join(str(c) for c in cells) + " |")
    print("art/s and total ms include sentence splitting; rank ms is the summarizer call only.")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", nargs="?", default=DEFAULT_INPUT, help="JSONL with id, dataset, article, reference")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--out", help="write per-article summaries and scores as JSONL")
    p.add_argument("--methods", default=",".join(METHODS), help="comma-separated subset of " + ",".join(METHODS))
    p.add_argument("--limit", type=int, help="only the first N rows")
    args = p.parse_args()
    if not Path(args.input).is_file():
        sys.exit(f"no such input file: {args.input}")
    report = run(args)
    if args.format == "json":
        json.dump(report, sys.stdout, indent=2)
        print()
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
