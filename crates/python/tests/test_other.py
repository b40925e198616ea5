"""nutgraf.extract, nutgraf.audit and nutgraf.rouge: parity with the CLI, errors."""

from __future__ import annotations

import datetime
import json

import pytest

import nutgraf
from conftest import EXAMPLES, ROOT, cli_json, run_cli


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_extract_matches_the_cli(cli, path):
    text = path.read_text(encoding="utf-8")
    assert nutgraf.extract(text) == cli_json(cli, "extract", str(path), "--format", "json")
    dated = cli_json(cli, "extract", str(path), "--format", "json", "--date", "2026-03-12")
    assert nutgraf.extract(text, date="2026-03-12") == dated
    assert nutgraf.extract(text, date=datetime.date(2026, 3, 12)) == dated


def test_extract_spans():
    text = "\u201cWe will not cut corners,\u201d said Zo\u00eb Carter, the acting secretary, on May 4, 2026."
    x = nutgraf.extract(text)
    assert x["quotes"], x
    q = x["quotes"][0]
    assert text[q["chars"][0] : q["chars"][1]] == q["text"] == "We will not cut corners"
    assert text.encode()[q["span"][0] : q["span"][1]].decode() == q["text"]


def test_extract_errors():
    with pytest.raises(ValueError, match=r'--date "May 4" is not a date: use YYYY-MM-DD'):
        nutgraf.extract("The council met.", date="May 4")
    with pytest.raises(TypeError, match="date must be a str or datetime.date, not int"):
        nutgraf.extract("The council met.", date=20260312)
    with pytest.raises(nutgraf.InputError, match="empty"):
        nutgraf.extract("  ")
    with pytest.raises(TypeError, match="text must be a str, not None"):
        nutgraf.extract(None)


SUMMARIES = [
    "The Riverside city council approved a $4.2 million budget for the public library system on Tuesday.",
    "The council approved a $6.5 million budget on Friday. Mayor Tom Park said the plan was a mistake.",
]


@pytest.mark.parametrize("summary", SUMMARIES)
def test_audit_matches_the_cli(cli, tmp_path, summary):
    source = EXAMPLES[-1]
    path = tmp_path / "summary.txt"
    path.write_text(summary, encoding="utf-8")
    out = run_cli(cli, "audit", "--source", str(source), "--summary", str(path), "--format", "json")
    assert out.returncode in (0, 3), out.stderr
    expected = json.loads(out.stdout)
    got = nutgraf.audit(summary, {str(source): source.read_text(encoding="utf-8")})
    assert got == expected


def test_audit_sources_and_errors():
    article = "The Riverside council approved a $4.2 million budget on Tuesday."
    good = nutgraf.audit("The council approved a $4.2 million budget on Tuesday.", article)
    assert good["supported"] and good["sentences"][0]["evidence"][0]["source"] == "source"
    bad = nutgraf.audit("The council approved a $6.5 million budget on Tuesday.", [article, "Other news."])
    assert not bad["supported"]
    flags = bad["sentences"][0]["unsupported"]
    assert ("number", "6.5 million") in [(f["kind"], f["text"]) for f in flags]
    assert bad["threshold"] == nutgraf.DEFAULT_AUDIT_THRESHOLD
    assert nutgraf.audit("The council approved a budget.", article, threshold=0.1)["threshold"] == 0.1
    with pytest.raises(ValueError, match="threshold 1.5 is outside 0..1"):
        nutgraf.audit("x.", article, threshold=1.5)
    with pytest.raises(nutgraf.InputError, match="the summary is empty"):
        nutgraf.audit("   ", article)
    with pytest.raises(nutgraf.InputError, match="no source was given"):
        nutgraf.audit("The council met.", [])
    with pytest.raises(TypeError, match="sources must be a str, a list of str or a dict of str, not int"):
        nutgraf.audit("The council met.", 3)
    with pytest.raises(TypeError, match="source 1 must be a str, not None"):
        nutgraf.audit("The council met.", [article, None])


def test_rouge_is_rouge_score():
    # The values rouge-score 0.1.2 gives for this pair (crates/rouge's doc example).
    reference = "Firefighters said the blaze started in a kitchen.\nNo one was hurt in the fire."
    candidate = "The fire started in the kitchen, firefighters said.\nNobody was hurt."
    s = nutgraf.rouge(reference, candidate)
    assert set(s) == {"rouge1", "rouge2", "rougeL", "rougeLsum"}
    for key, value in [("rouge1", 0.7692), ("rouge2", 0.4167), ("rougeL", 0.4615), ("rougeLsum", 0.5385)]:
        assert abs(s[key]["fmeasure"] - value) < 5e-5
    assert nutgraf.rouge("", "")["rouge1"] == {"precision": 0.0, "recall": 0.0, "fmeasure": 0.0}
    with pytest.raises(TypeError):
        nutgraf.rouge(None, "x")


def test_rouge_matches_the_cli(cli, tmp_path):
    (tmp_path / "r.txt").write_text("The council approved the budget.\nIt passed 7-2.")
    (tmp_path / "c.txt").write_text("The council passed the budget 7-2.")
    r, c = str(tmp_path / "r.txt"), str(tmp_path / "c.txt")
    expected = cli_json(cli, "rouge", "--reference", r, "--candidate", c, "--format", "json")
    got = nutgraf.rouge("The council approved the budget.\nIt passed 7-2.", "The council passed the budget 7-2.")
    assert got == expected


ROUNDUP = ROOT / "crates" / "roundup" / "tests" / "fixtures"


@pytest.mark.parametrize(
    "flags,options", [([], {}), (["--sentences", "3"], {"sentences": 3}), (["--words", "80"], {"words": 80})]
)
def test_roundup_matches_the_cli(cli, flags, options):
    paths = [ROUNDUP / name for name in ("herald.txt", "standard.txt", "wire.txt")]
    expected = cli_json(cli, "roundup", *map(str, paths), "--format", "json", *flags)
    articles = [{"text": p.read_text(encoding="utf-8"), "name": p.name} for p in paths]
    assert nutgraf.roundup(articles, **options) == expected
    named = {p.name: p.read_text(encoding="utf-8") for p in paths}
    assert nutgraf.roundup(named, **options) == expected


def test_roundup_spans_and_errors():
    articles = [
        "Floods killed 12 people in the Arden valley on Tuesday. Rescuers searched overnight.",
        "The floods in the Arden valley killed 14 people, officials said. Schools were closed.",
        "Floods killed 12 people in the Arden valley on Tuesday, the county said.",
    ]
    r = nutgraf.roundup(articles, sentences=2)
    for s in r["sentences"]:
        text = articles[s["source"] - 1].encode("utf-8")
        assert text[s["span"][0] : s["span"][1]].decode("utf-8") == s["text"]
    assert r["conflicts"]
    with pytest.raises(ValueError, match="give only one of --sentences and --words"):
        nutgraf.roundup(articles, sentences=2, words=30)
    with pytest.raises(ValueError, match="--sentences and --words must be at least 1"):
        nutgraf.roundup(articles, sentences=0)
    with pytest.raises(nutgraf.InputError, match="no source articles"):
        nutgraf.roundup([])
    with pytest.raises(TypeError, match="not one str"):
        nutgraf.roundup(articles[0])
    with pytest.raises(TypeError, match="article 1 must be a str, not None"):
        nutgraf.roundup([articles[0], None])
