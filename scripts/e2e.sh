#!/usr/bin/env bash
# End-to-end test of the web page (issue 7) in real headless Chromium: pastes an article,
# submits, checks the brief, a highlight, the reasons, quotes and an audit, and saves
# screenshots to target/e2e/. Installs what it needs: Debian's chromium and chromium-driver
# (apt-get, only if missing) and the pinned playwright-core (npm ci in crates/server/e2e).
# The server runs on a free loopback port and is stopped (SIGTERM, graceful) at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v node >/dev/null; then
  echo "e2e: installing chromium, chromium-driver and node (apt-get)" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends \
    chromium chromium-driver nodejs npm >/dev/null
fi
echo "e2e: $(chromium --version 2>/dev/null | head -1), node $(node --version)" >&2

# Browser downloads are never needed: the test drives the system chromium.
(cd crates/server/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)

cargo build -p nutgraf-cli
bin="${CARGO_TARGET_DIR:-target}/debug/nutgraf"
out=target/e2e
mkdir -p "$out"
rm -f "$out/screenshot.png" "$out/screenshot-audit.png"

"$bin" serve --addr 127.0.0.1:0 2>"$out/server.log" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT

addr=""
for _ in $(seq 1 200); do
  addr=$(grep -o 'listening on http://[0-9.:]*' "$out/server.log" | head -1 | sed 's/^listening on //' || true)
  [ -n "$addr" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$out/server.log" >&2; echo "e2e: the server did not start" >&2; exit 1; }
  sleep 0.1
done
[ -n "$addr" ] || { cat "$out/server.log" >&2; echo "e2e: the server did not say where it listens" >&2; exit 1; }
echo "e2e: server at $addr" >&2

status=0
BASE_URL="$addr" ARTICLE=examples/riverside-budget.txt OUT_DIR="$out" CHROMIUM="$(command -v chromium)" \
  timeout 180 node crates/server/e2e/page.test.mjs || status=$?

kill -TERM "$pid"
if ! wait "$pid"; then
  echo "e2e: the server did not shut down cleanly" >&2
  status=1
fi
trap - EXIT
if [ "$status" -ne 0 ]; then
  echo "e2e: FAILED (server log: $out/server.log)" >&2
  exit "$status"
fi
[ -s "$out/screenshot.png" ] || { echo "e2e: no screenshot" >&2; exit 1; }
echo "e2e: passed; screenshots in $out/" >&2
