#!/usr/bin/env bash
# Create bench/peers/.venv (gitignored) with the pinned peer-baseline environment:
# sumy 0.13.0 (+ numpy for LexRank), nupunkt 0.8.0 (Punkt sentence splitter with its English
# model inside the wheel), rouge-score 0.1.2, and their frozen dependencies (requirements.txt).
# Needs only PyPI. Re-running is cheap: pip skips what is already installed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
python="${PYTHON:-python3}"

if [[ ! -x "$venv/bin/python" ]]; then
    "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
"$venv/bin/python" -m pip check
"$venv/bin/python" -c 'import sumy, nupunkt, rouge_score, numpy; print("peers venv ready:", sumy.__version__, nupunkt.__version__)'
