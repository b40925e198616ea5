#!/usr/bin/env bash
# The Python package and Spark tests (crates/python, issue 10), run by .ci/run after the Rust
# tests. It makes a virtual environment (.venv-python, gitignored; NUTGRAF_VENV to move it) with
# pinned maturin, pytest, pandas, pyarrow and pyspark, builds the nutgraf wheel with
# `maturin build --release` and installs it there, builds the CLI the parity tests compare with,
# and runs pytest on crates/python/tests. Spark local mode needs Java 17: installed from Debian's
# packages only when `java` is missing. Extra arguments go to pytest (-k spark, -x, ...).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=${NUTGRAF_VENV:-.venv-python}
python=${PYTHON:-python3}
target=${CARGO_TARGET_DIR:-target}
start=$SECONDS

if ! command -v java >/dev/null; then
  echo "python-tests: installing Java 17 for Spark (openjdk-17-jre-headless)" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi

[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check \
  maturin==1.15.0 pytest==8.4.2 pandas==2.2.3 pyarrow==21.0.0 pyspark==4.1.1

# The wheel users get (abi3, release), installed like any wheel; the CLI for the parity tests.
rm -f "$target"/wheels/nutgraf-*.whl
"$venv/bin/maturin" build --release --quiet -m crates/python/Cargo.toml -i "$venv/bin/python" -o "$target/wheels"
"$venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$target"/wheels/nutgraf-*.whl
cargo build --quiet -p nutgraf-cli
echo "python-tests: set up in $((SECONDS - start)) s" >&2

export NUTGRAF_CLI="$target/debug/nutgraf" NUTGRAF_REQUIRE_SPARK=1 PYSPARK_PYTHON="$venv/bin/python"
set +e
"$venv/bin/python" -m pytest crates/python/tests -q -p no:cacheprovider "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "python-tests: pytest collected no tests" >&2
  exit 1
fi
echo "python-tests: $((SECONDS - start)) s in all" >&2
exit "$status"
