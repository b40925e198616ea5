#!/usr/bin/env python3
"""Print nutgraf's and sumy's ROUGE and speed in one table (used by bench/run_peers.sh).

Inputs are the JSON outputs of `nutgraf eval --format json`, `nutgraf bench --format json`
(one pair per dataset) and, optionally, `bench/peers/run_sumy.py --format json`.

Speed columns: "art/s 1t" is articles per second on one thread, sentence splitting included, for
both tools (sumy is single-threaded Python); "art/s all" is nutgraf on all cores; "vs sumy" is
nutgraf's one-thread rate over sumy's for the same method and dataset.
Standard library only.
"""

from __future__ import annotations

import argparse
import json
import sys


def load(path: str) -> dict:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--eval", nargs="+", required=True, help="nutgraf eval JSON files")
    p.add_argument("--bench", nargs="+", required=True, help="nutgraf bench JSON files, one per dataset")
    p.add_argument("--sumy", help="run_sumy.py JSON")
    args = p.parse_args()

    # (dataset, method) -> one-thread and all-core articles/s, from per-dataset bench runs.
    speed = {}
    machine = None
    for path in args.bench:
        b = load(path)
        machine = machine or b
        for m in b["methods"]:
            speed[(b["selection"], m["method"])] = (m["articles_per_sec_1t"], m["articles_per_sec_all"])

    rows = []
    for path in args.eval:
        for g in load(path)["groups"]:
            key = (g["dataset"], g["method"])
            one, all_ = speed.get(key, (None, None))
            rows.append({
                "dataset": g["dataset"], "system": "nutgraf", "method": g["method"],
                "r1": g["rouge1"]["mean"], "r2": g["rouge2"]["mean"], "rl": g["rougeLsum"]["mean"],
                "one": one, "all": all_,
            })
    sumy_speed = {}
    if args.sumy:
        for r in load(args.sumy)["results"]:
            sumy_speed[(r["dataset"], r["method"])] = r["articles_per_s"]
            rows.append({
                "dataset": r["dataset"], "system": "sumy", "method": r["method"],
                "r1": r["rouge1"], "r2": r["rouge2"], "rl": r["rougeLsum"],
                "one": r["articles_per_s"], "all": None,
            })
    order = {"nutgraf": 0, "lead": 1, "textrank": 2, "lexrank": 3, "luhn": 4}
    rows.sort(key=lambda r: (r["dataset"], order.get(r["method"], 9), r["system"] != "nutgraf"))

    def num(x, fmt):
        return "-" if x is None else format(x, fmt)

    header = ["dataset", "system", "method", "R1", "R2", "RLsum", "art/s 1t", "art/s all", "vs sumy"]
    table = []
    for r in rows:
        ratio = None
        peer = sumy_speed.get((r["dataset"], r["method"]))
        if r["system"] == "nutgraf" and peer and r["one"]:
            ratio = r["one"] / peer
        table.append([
            r["dataset"], r["system"], r["method"],
            num(r["r1"], ".2f"), num(r["r2"], ".2f"), num(r["rl"], ".2f"),
            num(r["one"], ".1f"), num(r["all"], ".1f"),
            "-" if ratio is None else f"{ratio:.0f}x",
        ])
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" if i < 3 else "---:" for i in range(len(header))) + "|")
    for row in table:
        print("| " + " | ".join(row) + " |")
    if machine:
        print(f"\nROUGE F1 x100 (rouge-score 0.1.2 semantics, stemming on); cnndm 3 sentences, xsum 1. "
              f"Speed on {machine['cpu_model']}, {machine['cores']} cores, {machine['date']}.")
    if not args.sumy:
        print("(no sumy figures: bench/peers was not run)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
