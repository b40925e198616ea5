"""Briefs of a corpus on Spark: JSONL or Parquet in, Parquet or JSONL out.

    # local mode, two cores (in the virtual environment that has nutgraf and pyspark)
    python examples/spark_briefs.py --master 'local[2]' --in articles.jsonl --out briefs.parquet --sentences 3
    PYSPARK_PYTHON=$(which python) spark-submit --master 'local[2]' examples/spark_briefs.py --in ... --out ...

    # a cluster: the nutgraf wheel travels with a packed virtual environment (docs/python.md)
    spark-submit --master yarn --archives nutgraf-env.tar.gz#env \
        --conf spark.pyspark.python=./env/bin/python examples/spark_briefs.py \
        --in s3://bucket/articles/ --out s3://bucket/briefs/ --sentences 3

JSONL input is read line by line as `nutgraf batch` reads it (`--text-field`, `--id-field`), so
every line gives one output record `{id, line, ok, brief | error}`: JSONL output holds the same
records as `nutgraf batch --out` (the brief being the CLI's JSON brief). Parquet input needs a
string column `--text-field` (and optionally `--id-field`); its line is the row number.

Parquet output has one row per record: id, line, ok, error and the brief's columns (sentences,
spans in characters, byte_spans, roles, dropped; see `nutgraf.spark`). A bad record (null,
empty or non-string text, malformed JSON) is an error record and never fails the job.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

import nutgraf.spark


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--in", dest="input", required=True, help="a JSONL file or folder, or Parquet")
    p.add_argument("--out", required=True, help="output folder (Spark writes part files)")
    p.add_argument("--input-format", choices=["jsonl", "parquet"], help="default: by the --in extension")
    p.add_argument("--format", choices=["parquet", "jsonl"], help="output format (default: by the --out extension)")
    p.add_argument("--text-field", default="text")
    p.add_argument("--id-field", default="id")
    budget = p.add_mutually_exclusive_group()
    budget.add_argument("--sentences", type=int)
    budget.add_argument("--words", type=int)
    budget.add_argument("--ratio", type=float)
    p.add_argument("--method", default="nutgraf")
    p.add_argument("--keep-opinion", action="store_true")
    p.add_argument("--errors", choices=["record", "null", "raise"], default="record")
    p.add_argument("--partitions", type=int, help="repartition the input (default: as read)")
    p.add_argument("--master", help="e.g. local[2] (default: spark-submit's)")
    return p.parse_args(argv)


def records(spark: SparkSession, args: argparse.Namespace) -> DataFrame:
    """`id, line, brief` for every input record."""
    options = dict(
        sentences=args.sentences,
        words=args.words,
        ratio=args.ratio,
        method=args.method,
        keep_opinion=args.keep_opinion,
        errors=args.errors,
    )
    fmt = args.input_format or ("parquet" if args.input.rstrip("/").endswith(".parquet") else "jsonl")
    if fmt == "jsonl":
        lines = spark.read.text(args.input)
        # 1-based line numbers in file order, as `nutgraf batch` numbers its records.
        schema = T.StructType([T.StructField("value", T.StringType()), T.StructField("line", T.LongType())])
        numbered = lines.rdd.zipWithIndex().map(lambda r: (r[0][0], r[1] + 1)).toDF(schema)
        if args.partitions:
            numbered = numbered.repartition(args.partitions)
        brief = nutgraf.spark.summarize(
            "value", text_field=args.text_field, id_field=args.id_field, json=True, **options
        )
        return numbered.select(F.col("line"), brief.alias("brief")).select(
            F.col("brief.id").alias("id"), "line", "brief"
        )
    df = spark.read.parquet(args.input)
    if args.id_field not in df.columns:
        df = df.withColumn(args.id_field, F.lit(None).cast("string"))
    schema = T.StructType(df.schema.fields + [T.StructField("line", T.LongType())])
    df = df.rdd.zipWithIndex().map(lambda r: (*r[0], r[1] + 1)).toDF(schema)
    if args.partitions:
        df = df.repartition(args.partitions)
    brief = nutgraf.spark.summarize(args.text_field, json=True, **options)
    return df.select(F.col(args.id_field).cast("string").alias("id"), "line", brief.alias("brief"))


def write(df: DataFrame, args: argparse.Namespace) -> None:
    fmt = args.format or ("jsonl" if args.out.rstrip("/").endswith((".jsonl", ".json")) else "parquet")
    ok = F.col("brief").isNotNull() & F.col("brief.error").isNull()
    if fmt == "jsonl":
        # The records of `nutgraf batch`: {"id", "line", "ok", "brief" | "error"}.
        error = F.coalesce(F.col("brief.error"), F.lit("no brief (errors=null)"))
        out = df.select(
            "id",
            "line",
            ok.alias("ok"),
            F.when(ok, F.parse_json("brief.json")).alias("brief"),
            F.when(~ok, error).alias("error"),
        )
        out.write.mode("overwrite").json(args.out)
    else:
        fields = ["sentences", "spans", "byte_spans", "roles", "dropped", "error"]
        out = df.select("id", "line", ok.alias("ok"), *[F.col(f"brief.{f}").alias(f) for f in fields])
        out.write.mode("overwrite").parquet(args.out)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    # Executors run this interpreter unless spark-submit says otherwise (local mode, tests).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("nutgraf briefs")
    if args.master:
        builder = builder.master(args.master).config("spark.ui.enabled", "false")
    spark = builder.getOrCreate()
    start = time.perf_counter()
    df = records(spark, args).cache()
    write(df, args)
    n = df.count()
    bad = df.filter(F.col("brief").isNull() | F.col("brief.error").isNotNull()).count()
    secs = time.perf_counter() - start
    print(f"spark_briefs: {n} records, {bad} errors, {secs:.1f} s ({n / secs:.0f} records/s)", file=sys.stderr)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
