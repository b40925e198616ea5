#!/usr/bin/env bash
# Instruction counts (valgrind's callgrind: the same on a busy machine as on an idle one) of the
# Python package against the Rust library and the CLI, for BENCHMARKS.md ("Python and Spark").
#   crates/python/bench/callgrind.sh [PYTHON] [NUTGRAF]
# PYTHON: an interpreter with the nutgraf wheel (default .venv-python/bin/python); NUTGRAF: a
# release CLI built from the same commit (default target/release/nutgraf).
set -euo pipefail
cd "$(dirname "$0")/../../.."
py=${1:-.venv-python/bin/python}
cli=${2:-target/release/nutgraf}
data=../shared/eval/news-dev.jsonl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

count() { valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$@" 2>&1 >/dev/null | sed -n 's/.*Collected : //p'; }

# One at a time: 2 passes over the 146 CNN/DM articles, 3 sentences.
cat >"$tmp/one.py" <<PY
import json, sys, nutgraf
from nutgraf import _nutgraf
cn = [r["article"] for r in map(json.loads, open("$data", encoding="utf-8")) if r["dataset"] == "cnndm"]
nutgraf.summarize(cn[0], sentences=3); _nutgraf._rust_seconds(cn[:1], 1, sentences=3)
mode = sys.argv[1]
if mode == "rust": _nutgraf._rust_seconds(cn, 2, sentences=3)
if mode == "brief": _nutgraf._rust_seconds(cn, 2, sentences=3, json=False)
if mode == "py":
    for _ in range(2):
        for t in cn: nutgraf.summarize(t, sentences=3)
PY
base=$(count "$py" "$tmp/one.py" base)
per() { echo $(( ($1 - base) / 292 )); }
rust=$(per "$(count "$py" "$tmp/one.py" rust)")
brief=$(per "$(count "$py" "$tmp/one.py" brief)")
one=$(per "$(count "$py" "$tmp/one.py" py)")
echo "per CNN/DM article: Rust brief + JSON view $rust, brief alone $brief, Python summarize $one instructions (+$(( (one - rust) * 1000 / rust ))/1000)"

# Batches: news-dev twice (576 articles), JSONL in, 3 sentences.
"$py" -c "
import json
rows = [json.loads(l) for l in open('$data', encoding='utf-8')]
with open('$tmp/x2.jsonl', 'w') as f:
    for k in range(2):
        for r in rows: f.write(json.dumps({'id': r['id'] + '-' + str(k), 'text': r['article']}) + '\n')
"
cat >"$tmp/many.py" <<PY
import json, sys, nutgraf
if sys.argv[1] == "many":
    texts = [json.loads(line)["text"] for line in open("$tmp/x2.jsonl", encoding="utf-8")]
    assert len(nutgraf.summarize_many(texts, sentences=3)) == 576
PY
pybase=$(count "$py" "$tmp/many.py" base)
many=$(( ($(count "$py" "$tmp/many.py" many) - pybase) / 576 ))
clibase=$(count "$cli" batch --in /dev/null --out "$tmp/o0.jsonl" --quiet --sentences 3)
batch=$(( ($(count "$cli" batch --in "$tmp/x2.jsonl" --out "$tmp/o.jsonl" --quiet --sentences 3) - clibase) / 576 ))
echo "per article in a batch: nutgraf batch $batch, summarize_many $many instructions (+$(( (many - batch) * 1000 / batch ))/1000)"
