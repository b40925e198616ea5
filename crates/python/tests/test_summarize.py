"""nutgraf.summarize: parity with `nutgraf summarize --format json`, exact spans, errors."""

from __future__ import annotations

import inspect
import random
import time

import pytest

import nutgraf
from conftest import EXAMPLES, cli_json, run_cli

OPTION_SETS = [
    ({}, []),
    ({"sentences": 1}, ["--sentences", "1"]),
    ({"sentences": 3}, ["--sentences", "3"]),
    ({"words": 40}, ["--words", "40"]),
    ({"ratio": 0.5}, ["--ratio", "0.5"]),
    ({"method": "lead", "sentences": 2}, ["--method", "lead", "--sentences", "2"]),
    ({"method": "textrank"}, ["--method", "textrank"]),
    ({"method": "lexrank", "sentences": 3}, ["--method", "lexrank", "--sentences", "3"]),
    ({"keep_opinion": True, "sentences": 4}, ["--keep-opinion", "--sentences", "4"]),
]


def assert_spans(text: str, brief: dict) -> None:
    """Every span of the brief points at its text, in bytes and in characters."""
    data = text.encode("utf-8")
    items = brief["sentences"] + brief["omitted"] + brief["loaded_words"]
    assert items
    for item in items:
        (b0, b1), (c0, c1) = item["span"], item["chars"]
        assert data[b0:b1].decode("utf-8") == item["text"]
        assert text[c0:c1] == item["text"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("options,flags", OPTION_SETS, ids=[" ".join(f) or "default" for _, f in OPTION_SETS])
def test_examples_match_the_cli(cli, path, options, flags):
    expected = cli_json(cli, "summarize", str(path), "--format", "json", *flags)
    text = path.read_text(encoding="utf-8")
    brief = nutgraf.summarize(text, **options)
    assert brief == expected
    assert_spans(text, brief)


def test_news_dev_spans_are_exact(news_dev):
    for row in news_dev:
        assert_spans(row["article"], nutgraf.summarize(row["article"], sentences=3))


NON_ASCII = (
    "Zoë Ørsted, the mayor of Malmö, said on Tuesday that the café district would reopen.\n"
    "\u201cWe did it,\u201d she said. \U0001F600 Residents cheered outside the Rathaus.\n"
    "\u6771\u4eac\u90fd\u306e\u5e02\u9577\u306f\u8a08\u753b\u3092\u627f\u8a8d\u3057\u305f\u3002"
    " The plan costs \u20ac4.2 million, officials said.\n"
    "\u00c9douard N\u2019Diaye, a spokesman, called the vote \u00ab historic \u00bb.\n"
    "The spineless cowards on the council betrayed everyone."
)


def test_spans_on_non_ascii_text():
    brief = nutgraf.summarize(NON_ASCII, sentences=3, keep_opinion=True)
    assert_spans(NON_ASCII, brief)
    # Bytes and characters differ after the first non-ASCII character.
    assert any(s["span"] != s["chars"] for s in brief["sentences"] + brief["omitted"])


def test_spans_on_non_ascii_text_match_the_cli(cli, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(NON_ASCII, encoding="utf-8")
    assert nutgraf.summarize(NON_ASCII, sentences=2) == cli_json(
        cli, "summarize", str(path), "--format", "json", "--sentences", "2"
    )


@pytest.mark.parametrize(
    "options,error,message",
    [
        ({"sentences": 0}, ValueError, "--sentences must be at least 1"),
        ({"sentences": -3}, ValueError, "--sentences must be at least 1"),
        ({"words": 0}, ValueError, "--words must be at least 1: a brief of zero words is empty"),
        ({"ratio": 1.5}, ValueError, "--ratio must be in (0, 1], got 1.5"),
        ({"ratio": float("nan")}, ValueError, "--ratio must be in (0, 1], got NaN"),
        ({"method": "bogus"}, ValueError, 'unknown method "bogus": use one of nutgraf, lead, textrank, lexrank'),
        ({"sentences": 2, "words": 10}, ValueError, "give only one of --sentences, --words and --ratio"),
        ({"max_bytes": 0}, ValueError, "--max-bytes must be at least 1"),
        ({"sentences": "3"}, TypeError, "sentences must be an int, not str"),
        ({"sentences": 2.0}, TypeError, "sentences must be an int, not float"),
        ({"sentences": True}, TypeError, "sentences must be an int, not bool"),
        ({"ratio": "0.3"}, TypeError, "ratio must be a number, not str"),
        ({"method": 3}, TypeError, "method must be a str, not int"),
        ({"keep_opinion": "yes"}, TypeError, "keep_opinion must be a bool, not str"),
        ({"keep_opinion": 1}, TypeError, "keep_opinion must be a bool, not int"),
        ({"lang": "xx"}, ValueError, 'unknown language "xx": use auto or one of LANGS'),
        ({"lang": 2}, TypeError, "lang must be a str, not int"),
    ],
)
def test_bad_options(options, error, message):
    with pytest.raises(error) as info:
        nutgraf.summarize("The council met on Tuesday.", **options)
    langs = "ar, da, nl, en, fi, fr, de, el, hu, it, no, pt, ro, ru, es, sv, ta, tr, und"
    assert str(info.value) == message.replace("LANGS", langs)
    assert not isinstance(info.value, nutgraf.InputError)


@pytest.mark.parametrize("flags", [["--sentences", "0"], ["--ratio", "1.5"], ["--method", "bogus"]])
def test_option_messages_are_the_clis(cli, flags):
    err = run_cli(cli, "summarize", str(EXAMPLES[0]), *flags)
    assert err.returncode == 2
    options = {flags[0].lstrip("-"): flags[1] if flags[0] == "--method" else float(flags[1])}
    if "sentences" in options:
        options["sentences"] = int(options["sentences"])
    with pytest.raises(ValueError) as info:
        nutgraf.summarize(EXAMPLES[0].read_text(), **options)
    assert str(info.value) in err.stderr


def test_unknown_option_names():
    with pytest.raises(TypeError, match="unexpected keyword argument 'sentence'"):
        nutgraf.summarize("The council met.", sentence=3)
    with pytest.raises(TypeError):
        nutgraf.summarize("The council met.", 3)  # options are keyword-only


@pytest.mark.parametrize(
    "value,message",
    [
        (None, "text must be a str, not None"),
        (float("nan"), "text must be a str, not float (a missing value?)"),
        (b"The council met.", 'text must be a str, not bytes: decode it first, for example data.decode("utf-8")'),
        (bytearray(b"x"), 'text must be a str, not bytearray: decode it first, for example data.decode("utf-8")'),
        (42, "text must be a str, not int"),
        (["The council met."], "text must be a str, not list"),
    ],
)
def test_text_of_the_wrong_type(value, message):
    with pytest.raises(TypeError) as info:
        nutgraf.summarize(value)
    assert str(info.value) == message


@pytest.mark.parametrize(
    "text,fragment",
    [
        ("", "the input is empty or only whitespace"),
        (" \n\t ", "the input is empty or only whitespace"),
        ("The council met.\x00More.", "the input looks binary (NUL byte at offset 16)"),
        ("The council met.\ud800 It voted.", "lone surrogate '\\ud800' at character 16"),
        ("Subscribe to our newsletter for more local news.", "nothing is left to summarize"),
    ],
)
def test_bad_text(text, fragment):
    with pytest.raises(nutgraf.InputError) as info:
        nutgraf.summarize(text)
    assert fragment in str(info.value)
    assert isinstance(info.value, ValueError)


def test_input_messages_are_the_clis(cli, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("   \n")
    err = run_cli(cli, "summarize", str(path))
    with pytest.raises(nutgraf.InputError) as info:
        nutgraf.summarize("   \n")
    assert err.returncode == 1 and str(info.value) in err.stderr
    err = run_cli(cli, "summarize", str(EXAMPLES[0]), "--words", "3")
    with pytest.raises(nutgraf.InputError) as info:
        nutgraf.summarize(EXAMPLES[0].read_text(), words=3)
    assert err.returncode == 1 and str(info.value) in err.stderr


def test_a_50_mb_string_is_refused_without_a_crash():
    big = "The council met on Tuesday and voted on the budget. " * (50_000_000 // 52 + 1)
    start = time.perf_counter()
    with pytest.raises(nutgraf.InputError) as info:
        nutgraf.summarize(big)
    assert str(info.value).startswith(f"the input is {len(big)} bytes, over the 16777216-byte limit")
    assert time.perf_counter() - start < 1.0  # refused before it is copied
    with pytest.raises(nutgraf.InputError, match="the input is at least 50000"):
        nutgraf.summarize("é" + big)
    # Within a raised limit a large text is an article like any other.
    brief = nutgraf.summarize(big[:2_000_000], sentences=1, max_bytes=4 << 20)
    assert brief["stats"]["sentences_out"] == 1


def test_max_bytes_counts_utf8_bytes():
    text = "Zoë met Ørsted. " * 10
    assert len(text) < 170 < len(text.encode())
    with pytest.raises(nutgraf.InputError, match=r"is 180 bytes, over the 170-byte limit"):
        nutgraf.summarize(text, max_bytes=170)


def test_random_text_never_crashes():
    rng = random.Random(10)
    alphabet = "abc XYZ.,;:!?\"'\u201c\u201d\u2019()-\n\n\t0123456789 é\u00e9\u0301\U0001F600\u202e\u00a0\u2028\x0b"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        try:
            brief = nutgraf.summarize(text, sentences=rng.randint(1, 4))
        except nutgraf.InputError:
            continue
        assert_spans(text, brief)


def test_help_is_useful():
    doc = nutgraf.summarize.__doc__
    for word in ["sentences", "words", "ratio", "method", "keep_opinion", "span", "chars", "InputError"]:
        assert word in doc
    params = inspect.signature(nutgraf.summarize).parameters
    assert params["sentences"].kind is inspect.Parameter.KEYWORD_ONLY
    assert params["method"].default == "nutgraf"
    for fn in [nutgraf.summarize_many, nutgraf.extract, nutgraf.audit, nutgraf.rouge]:
        assert fn.__doc__ and len(fn.__doc__) > 200
    assert nutgraf.InputError.__doc__
    assert nutgraf.__version__


def test_stubs_name_every_public_function():
    import ast
    from pathlib import Path

    stub = Path(nutgraf.__file__).with_name("__init__.pyi")
    tree = ast.parse(stub.read_text())
    names = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    names |= {t.id for n in tree.body if isinstance(n, ast.AnnAssign) for t in [n.target]}
    assert set(nutgraf.__all__) - {"__version__"} <= names
    assert Path(nutgraf.__file__).with_name("py.typed").exists()


SPANISH = (
    "El ayuntamiento de Sevilla aprobó el martes un presupuesto de 4,2 millones de euros para reparar "
    "las bibliotecas de los barrios del norte.\n\n«Es un buen día para la ciudad», dijo la alcaldesa, "
    "Ana Ruiz, al salir del pleno.\n\nLas obras empezarán en marzo y durarán un año, según el concejal "
    "de Cultura, Martín Rubio."
)


@pytest.mark.parametrize("lang", [None, "auto", "es"])
def test_language_is_detected_or_given_as_in_the_cli(cli, tmp_path, lang):
    path = tmp_path / "es.txt"
    path.write_text(SPANISH, encoding="utf-8")
    flags = [] if lang is None else ["--lang", lang]
    expected = cli_json(cli, "summarize", str(path), "--format", "json", "--sentences", "2", *flags)
    options = {} if lang is None else {"lang": lang}
    brief = nutgraf.summarize(SPANISH, sentences=2, **options)
    assert brief == expected
    assert brief["language"]["code"] == "es"
    assert brief["language"]["detected"] == (lang != "es")
    assert_spans(SPANISH, brief)
