"""Type stubs of nutgraf: the structures are those of the CLI's JSON (docs/json-schema.md,
docs/extract-schema.md, docs/audit-schema.md)."""

from typing import Any, Iterable, Literal, Mapping, Optional, Sequence, TypedDict, Union

__version__: str
DEFAULT_MAX_BYTES: int
DEFAULT_AUDIT_THRESHOLD: float

Method = Literal["nutgraf", "lead", "textrank", "lexrank"]
Reason = Literal["opinion", "boilerplate", "redundant", "dependent", "budget"]
Role = Literal["reported", "attributed", "quote"]

class InputError(ValueError):
    """The text cannot be used: empty, over the size limit, NUL bytes, lone surrogates, or
    nothing left to summarize."""

class Sentence(TypedDict, total=False):
    index: int
    text: str
    span: list[int]
    """[start, end) in UTF-8 bytes of the text."""
    chars: list[int]
    """[start, end) in characters of the text: ``text[start:end]``."""
    paragraph: int
    score: float
    role: Role
    brought_for: Optional[int]
    speaker: str

class Omitted(TypedDict, total=False):
    index: int
    text: str
    span: list[int]
    chars: list[int]
    reason: Reason
    boilerplate: str

class LoadedWord(TypedDict):
    word: str
    text: str
    span: list[int]
    chars: list[int]
    sentence: int
    kind: Literal["valenced", "intensifier"]
    valence: float

class Stats(TypedDict):
    words_in: int
    words_out: int
    sentences_in: int
    sentences_out: int
    paragraphs_in: int
    compression: float

class Language(TypedDict, total=False):
    code: str
    """ISO 639-1 code; "und" for the language-neutral path."""
    name: str
    confidence: float
    detected: bool
    support: Literal["full", "basic", "neutral"]
    warning: str

class Brief(TypedDict, total=False):
    method: Method
    language: Language
    sentences: list[Sentence]
    omitted: list[Omitted]
    loaded_words: list[LoadedWord]
    stats: Stats
    quotes: list[dict[str, Any]]
    timeline: list[dict[str, Any]]

class RougeScore(TypedDict):
    precision: float
    recall: float
    fmeasure: float

Rouge = TypedDict("Rouge", {"rouge1": RougeScore, "rouge2": RougeScore, "rougeL": RougeScore, "rougeLsum": RougeScore})

def summarize(
    text: str,
    *,
    sentences: Optional[int] = None,
    words: Optional[int] = None,
    ratio: Optional[float] = None,
    method: Method = "nutgraf",
    keep_opinion: bool = False,
    max_bytes: int = 16777216,
    lang: str = "auto",
) -> Brief:
    """The brief of one article: the structure of ``nutgraf summarize --format json``.

    At most one of ``sentences``, ``words``, ``ratio``. Raises ``ValueError`` (bad option
    values), ``TypeError`` (wrong types) or ``InputError`` (text that cannot be used)."""

def summarize_many(
    texts: Iterable[Any],
    threads: Optional[int] = None,
    *,
    sentences: Optional[int] = None,
    words: Optional[int] = None,
    ratio: Optional[float] = None,
    method: Method = "nutgraf",
    keep_opinion: bool = False,
    max_bytes: int = 16777216,
    lang: str = "auto",
) -> list[Union[Brief, Exception]]:
    """Briefs of many articles in parallel (GIL released), in input order; an item that fails
    gives an exception instance (InputError, TypeError or RuntimeError) in its place."""

def extract(text: str, *, date: Optional[Any] = None, max_bytes: int = 16777216) -> dict[str, Any]:
    """Quotes with speakers, statements, entities, dates and timeline: ``nutgraf extract``."""

def audit(
    summary: str,
    sources: Union[str, Sequence[str], Mapping[str, str]],
    *,
    threshold: Optional[float] = None,
    max_bytes: int = 67108864,
) -> dict[str, Any]:
    """Checks a summary against its sources: ``nutgraf audit --format json``."""

def roundup(
    articles: Union[Sequence[Union[str, Mapping[str, Optional[str]]]], Mapping[str, str]],
    *,
    sentences: Optional[int] = None,
    words: Optional[int] = None,
    keep_opinion: bool = False,
    max_bytes: int = 16777216,
) -> dict[str, Any]:
    """One neutral, cited brief of several outlets' articles: ``nutgraf roundup --format json``."""

def rouge(reference: str, candidate: str) -> Rouge:
    """ROUGE-1/2/L/Lsum identical to rouge-score 0.1.2 with stemming."""

__all__: list[str]
