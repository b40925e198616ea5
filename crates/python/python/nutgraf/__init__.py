"""nutgraf: neutral extractive briefs of news articles, with exact source spans.

The Rust library the ``nutgraf`` command line runs, called from Python. Every function returns
plain dicts and lists with the structure of the CLI's JSON output, so a brief made here is the
CLI's brief, sentence for sentence and span for span.

    >>> import nutgraf
    >>> article = "The council approved the budget on Tuesday. It passed 7-2."
    >>> brief = nutgraf.summarize(article, sentences=1)
    >>> brief["sentences"][0]["text"]
    'The council approved the budget on Tuesday.'

Functions:

* ``summarize(text, *, sentences=None, words=None, ratio=None, method="nutgraf",
  keep_opinion=False)``: one brief.
* ``summarize_many(texts, threads=None, **options)``: many briefs in parallel (GIL released),
  in input order, with an exception object in place of each item that failed.
* ``extract(text, *, date=None)``: quotes with speakers, entities, dates and a timeline.
* ``audit(summary, sources, *, threshold=None)``: checks any summary against its sources.
* ``roundup(articles, *, sentences=None, words=None)``: one neutral, cited brief of several
  outlets' articles on one story.
* ``rouge(reference, candidate)``: ROUGE-1/2/L/Lsum as rouge-score 0.1.2 computes them.
* ``nutgraf.spark``: Spark UDFs (``nutgraf.spark.summarize("article", sentences=3)``),
  imported on first use since it needs pyspark and pyarrow.

Offsets: every ``span`` is ``[start, end)`` in UTF-8 **bytes** of the text as given
(``text.encode("utf-8")[start:end]``), and every ``chars`` is the same range in
**characters** (code points: ``text[start:end]``).

Errors: ``ValueError`` for bad option values, ``TypeError`` for wrong types, and
``nutgraf.InputError`` (a ``ValueError``) for text that cannot be used. The messages are the
CLI's. See docs/python.md.
"""

from __future__ import annotations

import importlib
from typing import Any

from ._nutgraf import (
    DEFAULT_AUDIT_THRESHOLD,
    DEFAULT_MAX_BYTES,
    InputError,
    __version__,
    audit,
    extract,
    rouge,
    roundup,
    summarize,
    summarize_many,
)

__all__ = [
    "DEFAULT_AUDIT_THRESHOLD",
    "DEFAULT_MAX_BYTES",
    "InputError",
    "__version__",
    "audit",
    "extract",
    "rouge",
    "roundup",
    "summarize",
    "summarize_many",
]


def __getattr__(name: str) -> Any:
    # `nutgraf.spark` needs pyspark and pyarrow: import it on first use, not with nutgraf.
    if name == "spark":
        return importlib.import_module(".spark", __name__)
    raise AttributeError(f"module 'nutgraf' has no attribute {name!r}")
