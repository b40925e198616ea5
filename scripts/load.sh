#!/usr/bin/env bash
# Load and hostile-input run of `nutgraf serve` (issue 7), on loopback only and bounded in time.
#
#   scripts/load.sh [SECONDS] [CONNECTIONS]        (defaults: 60 s, 128 connections)
#
# Starts a release server on a free 127.0.0.1 port and saturates it with wrk (Debian's `wrk`,
# installed with apt-get if missing) for SECONDS, cycling through a mix of request bodies: about
# 80% valid summarize requests of CNN/DM articles from ../shared/eval/news-dev.jsonl (the bundled
# examples when that file is absent) and 20% invalid ones (malformed JSON, wrong types, unknown
# fields, empty and opinion-only articles, bad options, a 3 MB body over the cap). Alongside, a
# Python client holds 1,000 idle connections and drips 20 bodies a byte at a time.
#
# Prints requests/s, summaries/s (200s), p50/p90/p99 latency, status-code counts, socket
# errors, the server's peak RSS, what the idle and dripping clients saw, and a verdict: the
# server must survive, answer /healthz afterwards, send no 5xx but 503, and shut down cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
conns="${2:-128}"
threads=2

command -v wrk >/dev/null || {
  echo "load: installing wrk (apt-get)" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
}

cargo build --release -q -p nutgraf-cli
bin="${CARGO_TARGET_DIR:-target}/release/nutgraf"
out=target/load
mkdir -p "$out"

# Request bodies, one JSON document per line.
python3 - "$out/bodies.jsonl" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
data = pathlib.Path("../shared/eval/news-dev.jsonl")
if data.exists():
    articles = [r["article"] for r in map(json.loads, data.open()) if r["dataset"] == "cnndm"]
else:
    articles = [p.read_text() for p in sorted(pathlib.Path("examples").glob("*.txt"))]
valid = [json.dumps({"text": a, "sentences": 3}) for a in articles]
invalid = [
    '{"text": "unterminated',
    "not json at all",
    json.dumps({"text": 42}),
    json.dumps({"text": articles[0], "sentences": "three"}),
    json.dumps({"text": articles[0], "sentence": 3}),
    json.dumps({"text": "   "}),
    json.dumps({"text": "The council's leaders are spineless cowards who have betrayed every taxpayer."}),
    json.dumps({"text": articles[0], "sentences": 0}),
    json.dumps({"text": articles[0], "words": 5, "ratio": 0.5}),
    json.dumps({"url": "http://169.254.169.254/latest/meta-data/"}),
    json.dumps([articles[0]]),
    json.dumps({"text": "x" * (3 << 20)}),
]
mix = []
for i, body in enumerate(valid):
    mix.append(body)
    if i % 4 == 3:  # one invalid body per four valid ones
        mix.append(invalid[(i // 4) % len(invalid)])
out.write_text("\n".join(mix) + "\n")
n_invalid = len(mix) - len(valid)
print(f"load: {len(mix)} bodies ({len(valid)} valid CNN/DM-size, {n_invalid} invalid), "
      f"mean valid body {sum(map(len, valid)) // len(valid)} bytes", file=sys.stderr)
PY

cat >"$out/mix.lua" <<'LUA'
-- Cycles through bodies.jsonl (one request body per line), counting answers by status.
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  requests, counts, n = {}, {}, 0
  local headers = { ["Content-Type"] = "application/json" }
  for line in io.lines(args[1]) do
    table.insert(requests, wrk.format("POST", "/v1/summarize", headers, line))
  end
  n = math.random(#requests)
end
function request()
  n = n % #requests + 1
  return requests[n]
end
function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for status, c in pairs(t:get("counts")) do total[status] = (total[status] or 0) + c end
  end
  local secs = summary.duration / 1e6
  local lines = {}
  for status, c in pairs(total) do table.insert(lines, string.format("%d: %d", status, c)) end
  table.sort(lines)
  local e = summary.errors
  io.write(string.format("requests: %d in %.1f s = %.0f/s\n", summary.requests, secs, summary.requests / secs))
  io.write(string.format("summaries (200): %d = %.0f/s\n", total[200] or 0, (total[200] or 0) / secs))
  io.write(string.format("latency: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3))
  io.write("status counts: " .. table.concat(lines, ", ") .. "\n")
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n", e.connect, e.read, e.write, e.timeout))
end
LUA

"$bin" serve --addr 127.0.0.1:0 2>"$out/server.log" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
addr=""
for _ in $(seq 1 100); do
  addr=$(grep -o 'listening on http://[0-9.:]*' "$out/server.log" | head -1 | sed 's/^listening on //' || true)
  [ -n "$addr" ] && break
  sleep 0.1
done
[ -n "$addr" ] || { echo "load: the server did not start" >&2; cat "$out/server.log" >&2; exit 1; }
echo "load: server pid $pid at $addr; wrk -t$threads -c$conns -d${secs}s, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# The hostile sidecar: idle connections and slow-drip bodies for the length of the run.
python3 - "${addr#http://}" "$secs" >"$out/hostile.txt" 2>&1 <<'PY' &
import asyncio, sys, time
host, port = sys.argv[1].split(":")
secs = float(sys.argv[2])
stats = {"idle_opened": 0, "idle_closed_by_server": 0, "drip_408": 0, "drip_closed": 0, "drip_other": 0, "drip_unfinished_at_end": 0}

async def idle(deadline):
    while time.monotonic() < deadline:
        try:
            r, w = await asyncio.open_connection(host, int(port))
        except OSError:
            await asyncio.sleep(0.5)
            continue
        stats["idle_opened"] += 1
        try:
            got = await asyncio.wait_for(r.read(1), timeout=max(0.1, deadline - time.monotonic()))
            if got == b"":
                stats["idle_closed_by_server"] += 1
        except asyncio.TimeoutError:
            pass
        w.close()

async def drip(deadline):
    while time.monotonic() < deadline:
        try:
            r, w = await asyncio.open_connection(host, int(port))
            w.write(b"POST /v1/summarize HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n")
            answer, answered = b"", False
            for b in b'{"text": "' + b"a" * 100:
                if time.monotonic() > deadline:
                    break
                w.write(bytes([b]))
                await w.drain()
                try:
                    answer = await asyncio.wait_for(r.read(200), timeout=0.5)
                    answered = True
                    break
                except asyncio.TimeoutError:
                    continue
            if not answered:
                stats["drip_unfinished_at_end"] += 1
            elif b" 408 " in answer[:16]:
                stats["drip_408"] += 1
            elif answer == b"":
                stats["drip_closed"] += 1
            else:
                stats["drip_other"] += 1
            w.close()
        except OSError:
            stats["drip_closed"] += 1
            await asyncio.sleep(0.2)

async def main():
    deadline = time.monotonic() + secs
    await asyncio.gather(*[idle(deadline) for _ in range(1000)], *[drip(deadline) for _ in range(20)])

asyncio.run(main())
print(", ".join(f"{k} {v}" for k, v in stats.items()))
PY
side=$!

wrk -t"$threads" -c"$conns" -d"${secs}s" --latency -s "$out/mix.lua" "$addr" -- "$out/bodies.jsonl" >"$out/wrk.txt" 2>&1 || true
wait "$side" || true

alive=yes
kill -0 "$pid" 2>/dev/null || alive=no
health=$(python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=5).status)' "$addr/healthz" 2>/dev/null || echo 000)
peak=$(awk '/VmHWM/ {print $2 " " $3}' "/proc/$pid/status" 2>/dev/null || echo "?")
kill -TERM "$pid"
clean=yes
wait "$pid" || clean=no
trap - EXIT

sed -n '/^requests:/,$p' "$out/wrk.txt"
echo "hostile clients: $(cat "$out/hostile.txt")"
echo "server: alive after the run: $alive, /healthz: $health, peak RSS: $peak, clean shutdown: $clean"
bad=$(grep '^status counts:' "$out/wrk.txt" | grep -oE '\b5[0-9][0-9]: [0-9]+' | grep -v '^503' || true)
if [ "$alive" != yes ] || [ "$health" != 200 ] || [ "$clean" != yes ] || [ -n "$bad" ]; then
  echo "load: FAILED ${bad:+(5xx other than 503: $bad)}" >&2
  exit 1
fi
echo "load: passed (no crash, no 5xx but 503)"
