"""Python and Spark speed against the Rust library and the CLI (BENCHMARKS.md, "Python and Spark").

    .venv-python/bin/python crates/python/bench/overhead.py --cli target/release/nutgraf [--spark]

1. Call overhead: `nutgraf.summarize` per CNN/DM article against the same Rust work (brief and
   JSON view, `_nutgraf._rust_seconds`) and against the brief alone (`nutgraf bench`'s scope).
2. `summarize_many` on all cores against `nutgraf batch` on the same articles (20 copies of
   news-dev's 288 articles, 3 sentences); CPU seconds too, since the machine may be shared.
3. With --spark: `examples/spark_briefs.py`'s UDF in local[2] against the same CLI batch.
Runs alternate (CLI, Python, CLI, ...) so that load from other processes hits both alike; the
best of the rounds is reported.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nutgraf
from nutgraf import _nutgraf

ROOT = Path(__file__).resolve().parents[3]
NEWS_DEV = ROOT.parent / "shared" / "eval" / "news-dev.jsonl"


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def child_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--cli", required=True)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--copies", type=int, default=20)
    p.add_argument("--spark", action="store_true")
    args = p.parse_args()
    rows = [json.loads(line) for line in NEWS_DEV.read_text(encoding="utf-8").splitlines()]
    cnndm = [r["article"] for r in rows if r["dataset"] == "cnndm"]
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")

    # 1. Call overhead, one thread.
    best = {}
    for _ in range(args.rounds):
        # CPU time of this thread (the Rust work runs on it too): robust to other processes.
        start = time.thread_time()
        _nutgraf._rust_seconds(cnndm, 3, sentences=3)
        rust = (time.thread_time() - start) / (3 * len(cnndm))
        start = time.thread_time()
        _nutgraf._rust_seconds(cnndm, 3, sentences=3, json=False)
        brief_only = (time.thread_time() - start) / (3 * len(cnndm))
        best["brief"] = min(best.get("brief", 1e9), brief_only)
        start = time.thread_time()
        for _ in range(3):
            for t in cnndm:
                nutgraf.summarize(t, sentences=3)
        py = (time.thread_time() - start) / (3 * len(cnndm))
        best["rust"] = min(best.get("rust", 1e9), rust)
        best["py"] = min(best.get("py", 1e9), py)
    print(
        f"summarize, CNN/DM ({len(cnndm)} articles, mean {sum(map(len, cnndm)) / len(cnndm) / 1000:.1f} KB): "
        f"Rust brief + JSON view {best['rust'] * 1e6:.0f} us CPU, Python summarize {best['py'] * 1e6:.0f} us CPU "
        f"(+{(best['py'] / best['rust'] - 1) * 100:.1f}%); the brief alone (nutgraf bench's scope) {best['brief'] * 1e6:.0f} us CPU"
    )

    # 2. summarize_many against nutgraf batch.
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "articles.jsonl"
        with data.open("w", encoding="utf-8") as f:
            for k in range(args.copies):
                for r in rows:
                    f.write(json.dumps({"id": f"{r['id']}-{k}", "text": r["article"]}) + "\n")
        n = len(rows) * args.copies
        cli_best = py_best = (1e9, 0.0)
        for _ in range(args.rounds):
            c0, t0 = child_cpu(), time.perf_counter()
            subprocess.run([args.cli, "batch", "--in", str(data), "--out", str(Path(tmp) / "out.jsonl"), "--quiet", "--sentences", "3"], check=True)
            cli_best = min(cli_best, (time.perf_counter() - t0, child_cpu() - c0))
            c0, t0 = cpu(), time.perf_counter()
            texts = [json.loads(line)["text"] for line in data.open(encoding="utf-8")]
            out = nutgraf.summarize_many(texts, sentences=3)
            py_best = min(py_best, (time.perf_counter() - t0, cpu() - c0))
            assert len(out) == n
        print(
            f"{n} articles, 3 sentences: nutgraf batch {n / cli_best[0]:,.0f} art/s ({cli_best[1] / n * 1e6:.0f} us CPU each), "
            f"summarize_many {n / py_best[0]:,.0f} art/s ({py_best[1] / n * 1e6:.0f} us CPU each): "
            f"{n / py_best[0] / (n / cli_best[0]) * 100:.0f}% of the CLI"
        )
        if args.spark:
            spark_vs_cli(args, data, n, cli_best)


def spark_vs_cli(args, data: Path, n: int, cli_best) -> None:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    import nutgraf.spark

    spark = (
        SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false").getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    df = spark.read.json(str(data)).repartition(2).cache()
    df.count()
    best = 1e9
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        ok = df.select(nutgraf.spark.summarize("text", sentences=3).alias("b")).filter(F.col("b.error").isNull()).count()
        best = min(best, time.perf_counter() - t0)
        assert ok == n
    t0 = time.perf_counter()
    df.select(nutgraf.spark.summarize("text", sentences=3, json=True).alias("b")).filter(F.col("b.error").isNull()).count()
    with_json = time.perf_counter() - t0
    print(
        f"Spark local[2], {n} articles: {n / best:,.0f} art/s ({n / best / 2:,.0f} per executor core), "
        f"{n / best / (n / cli_best[0]) * 100:.0f}% of nutgraf batch; with json=True {n / with_json:,.0f} art/s"
    )
    spark.stop()


if __name__ == "__main__":
    main()
