"""nutgraf.spark in Spark local mode: the CLI's batch output record for record, bad rows as
error records, the example script, audits, and the pandas UDF used with older pyspark."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

from conftest import NEWS_DEV, ROOT

if os.environ.get("NUTGRAF_REQUIRE_SPARK"):
    import pyspark  # noqa: F401  (scripts/python-tests.sh installs it: a missing pyspark fails)
else:
    pytest.importorskip("pyspark")

import nutgraf.spark  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql import functions as F  # noqa: E402

BAD_LINES = [
    '{"id": "null", "article": null}',
    '{"id": "empty", "article": ""}',
    '{"id": "blank", "article": "  \\n\\t "}',
    '{"id": "number", "article": 42}',
    '{"id": "object", "article": {"text": "The council met."}}',
    '{"id": "list", "article": ["The council met."]}',
    '{"id": "missing"}',
    '{"id": 7, "article": "The council met on Tuesday. It voted 7-2 to approve the budget."}',
    '{"article": "An article without an id. The mayor said the council met."}',
    "{not json",
    "[1, 2]",
    "",
    '{"id": "nul", "article": "The council met.\\u0000 It voted."}',
    '{"id": "opinion", "article": "Subscribe to our newsletter for more local news."}',
]


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("nutgraf tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def as_cli(line: dict, brief: dict) -> None:
    """The UDF's struct row holds what the CLI's batch line holds."""
    b = line["brief"]
    assert brief["error"] is None
    assert brief["sentences"] == [s["text"] for s in b["sentences"]]
    assert brief["spans"] == [s["chars"] for s in b["sentences"]]
    assert brief["byte_spans"] == [s["span"] for s in b["sentences"]]
    assert brief["roles"] == [s["role"] for s in b["sentences"]]
    assert [(d["index"], d["text"], d["span"], d["reason"]) for d in brief["dropped"]] == [
        (o["index"], o["text"], o["chars"], o["reason"]) for o in b["omitted"]
    ]
    assert json.loads(brief["json"]) == b


def test_udf_matches_cli_batch(spark, cli_batch):
    lines = {line["id"]: line for line in cli_batch(NEWS_DEV, "--text-field", "article", "--sentences", "3")}
    df = spark.read.json(str(NEWS_DEV)).repartition(2)
    rows = df.withColumn("brief", nutgraf.spark.summarize("article", sentences=3, json=True)).collect()
    assert len(rows) == len(lines) == 288
    for row in rows:
        as_cli(lines[row["id"]], row["brief"].asDict(recursive=True))


def load_example():
    spec = importlib.util.spec_from_file_location("spark_briefs", ROOT / "examples" / "spark_briefs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_example_script_equals_cli_batch_record_for_record(spark, cli_batch, tmp_path):
    data = tmp_path / "mixed.jsonl"
    good = NEWS_DEV.read_text(encoding="utf-8").splitlines()[:40]
    mixed = good[:20] + BAD_LINES + good[20:]
    data.write_text("\n".join(mixed) + "\n", encoding="utf-8")
    expected = cli_batch(data, "--text-field", "article", "--words", "60")
    example = load_example()
    args = example.parse_args(
        ["--in", str(data), "--out", str(tmp_path / "out.jsonl"), "--text-field", "article", "--words", "60"]
    )
    args.partitions = 3
    example.write(example.records(spark, args), args)
    got = [json.loads(line) for part in sorted((tmp_path / "out.jsonl").glob("part-*")) for line in part.open()]
    got.sort(key=lambda r: r["line"])
    assert len(got) == len(expected) == len(mixed)
    for g, e in zip(got, expected):
        assert (g.get("id"), g["line"], g["ok"]) == (e["id"], e["line"], e["ok"]), (g, e)
        if e["ok"]:
            assert g["brief"] == e["brief"]
        else:
            assert g["error"] == e["error"]
    assert sum(not r["ok"] for r in got) == 12

    args = example.parse_args(
        ["--in", str(data), "--out", str(tmp_path / "out.parquet"), "--text-field", "article", "--sentences", "2"]
    )
    example.write(example.records(spark, args), args)
    table = spark.read.parquet(str(tmp_path / "out.parquet"))
    assert table.count() == len(mixed)
    assert table.filter("ok").count() == len(mixed) - 12
    assert set(table.columns) >= {"id", "line", "ok", "sentences", "spans", "byte_spans", "dropped", "error"}


def test_bad_rows_give_error_records(spark):
    df = spark.createDataFrame(
        [("a", None), ("b", ""), ("c", "   "), ("d", "The council met on Tuesday. It voted 7-2.")],
        "id string, article string",
    )
    rows = {r["id"]: r["brief"] for r in df.withColumn("brief", nutgraf.spark.summarize("article")).collect()}
    assert rows["a"]["error"] == "text must be a str, not None" and rows["a"]["sentences"] is None
    assert "empty or only whitespace" in rows["b"]["error"]
    assert "empty or only whitespace" in rows["c"]["error"]
    assert rows["d"]["error"] is None and rows["d"]["sentences"]

    nulls = {r["id"]: r["brief"] for r in df.withColumn("brief", nutgraf.spark.summarize("article", errors="null")).collect()}
    assert nulls["a"] is None and nulls["b"] is None and nulls["d"]["sentences"] == rows["d"]["sentences"]

    numbers = spark.createDataFrame([(1,), (None,)], "n int")
    out = numbers.select(nutgraf.spark.summarize("n").alias("b")).collect()
    assert [r["b"]["error"] for r in out] == ["text must be a str, not int", "text must be a str, not None"]

    with pytest.raises(Exception, match="row 0 of the batch cannot be summarized: text must be a str, not None"):
        df.filter("id = 'a'").select(nutgraf.spark.summarize("article", errors="raise")).collect()


def test_bad_options_raise_on_the_driver():
    with pytest.raises(ValueError, match="--sentences must be at least 1"):
        nutgraf.spark.summarize("article", sentences=0)
    with pytest.raises(ValueError, match="errors must be one of"):
        nutgraf.spark.summarize("article", errors="ignore")
    with pytest.raises(TypeError, match="unexpected keyword argument"):
        nutgraf.spark.summarize("article", sentence=3)


def test_audit_udf(spark):
    source = "The Riverside council approved a $4.2 million budget on Tuesday."
    df = spark.createDataFrame(
        [
            ("good", "The council approved a $4.2 million budget on Tuesday.", source),
            ("bad", "The council approved a $6.5 million budget on Tuesday.", source),
            ("none", None, source),
        ],
        "id string, summary string, source string",
    )
    rows = {r["id"]: r["a"] for r in df.select("id", nutgraf.spark.audit("summary", "source").alias("a")).collect()}
    assert rows["good"]["supported"] and rows["good"]["error"] is None
    assert not rows["bad"]["supported"]
    assert ("number", "6.5 million") in [(u["kind"], u["text"]) for u in rows["bad"]["unsupported"]]
    assert rows["bad"]["score"] == pytest.approx(nutgraf.audit(df.collect()[1]["summary"], source)["score"])
    assert rows["none"]["error"] == "summary must be a str, not None"
    multi = df.select(nutgraf.spark.audit("summary", F.array("source", F.lit("Other news."))).alias("a")).collect()
    assert multi[0]["a"]["supported"]


def test_pandas_udf_for_older_pyspark(spark, monkeypatch):
    """pyspark 3.5 and 4.0 have no Arrow UDF: the pandas UDF gives the same briefs."""
    texts = [r["article"] for r in map(json.loads, NEWS_DEV.read_text().splitlines()[:30])] + [None, ""]
    df = spark.createDataFrame([(i, t) for i, t in enumerate(texts)], "i int, article string")
    arrow = {r["i"]: r["b"] for r in df.select("i", nutgraf.spark.summarize("article", sentences=2).alias("b")).collect()}
    monkeypatch.setattr(nutgraf.spark, "arrow_udf", None)
    pandas = {r["i"]: r["b"] for r in df.select("i", nutgraf.spark.summarize("article", sentences=2).alias("b")).collect()}
    assert pandas == arrow
    assert pandas[30]["error"] == "text must be a str, not None"
