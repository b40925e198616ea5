#!/usr/bin/env bash
# nutgraf next to its peers on the eval dev split: ROUGE and speed side by side.
#
# (a) Sets up bench/peers/.venv and runs the sumy baselines (bench/peers/run_sumy.py --format
#     json), if those scripts are present; otherwise says so and shows nutgraf alone.
# (b) Runs `nutgraf eval` and `nutgraf bench` (JSON) on each dataset at its standard length
#     (cnndm 3 sentences, xsum 1).
# (c) Prints one combined table (bench/side_by_side.py). Raw JSON stays in bench/out/ (ignored).
#
# Usage: bench/run_peers.sh [DATA]     DATA defaults to ../shared/eval/news-dev.jsonl
# Env:   NUTGRAF=path/to/nutgraf (default: cargo build --release), BENCH_SECONDS (default 1),
#        OUT (default bench/out).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/../shared/eval/news-dev.jsonl}"
out="${OUT:-$root/bench/out}"
seconds="${BENCH_SECONDS:-1}"

if [[ ! -f "$data" ]]; then
    echo "run_peers: no data file at $data (give one as the first argument)" >&2
    exit 1
fi
mkdir -p "$out"

if [[ -z "${NUTGRAF:-}" ]]; then
    cargo build --quiet --release -p nutgraf-cli --manifest-path "$root/Cargo.toml"
    NUTGRAF="${CARGO_TARGET_DIR:-$root/target}/release/nutgraf"
fi

peers=()
setup="$root/bench/peers/setup.sh"
sumy="$root/bench/peers/run_sumy.py"
if [[ -f "$setup" && -f "$sumy" ]]; then
    echo "run_peers: setting up the peer environment and running sumy (tens of seconds)..." >&2
    if bash "$setup" >&2 && "$root/bench/peers/.venv/bin/python" "$sumy" "$data" --format json >"$out/sumy.json"; then
        peers=(--sumy "$out/sumy.json")
    else
        echo "run_peers: the sumy run failed; showing nutgraf alone" >&2
    fi
else
    echo "run_peers: bench/peers/setup.sh or bench/peers/run_sumy.py is missing; skipping the sumy peers" >&2
fi

evals=()
benches=()
for dataset in cnndm xsum; do
    echo "run_peers: nutgraf eval and bench on $dataset..." >&2
    "$NUTGRAF" eval --data "$data" --dataset "$dataset" --format json >"$out/eval-$dataset.json"
    "$NUTGRAF" bench --data "$data" --dataset "$dataset" --seconds "$seconds" --format json >"$out/bench-$dataset.json"
    evals+=("$out/eval-$dataset.json")
    benches+=("$out/bench-$dataset.json")
done

python3 "$root/bench/side_by_side.py" --eval "${evals[@]}" --bench "${benches[@]}" "${peers[@]}"
