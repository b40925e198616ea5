#!/usr/bin/env bash
# Create bench/peers/stories/.venv (gitignored) with scikit-learn for the story-grouping peer
# (run_sklearn.py). Needs only PyPI. Re-running is cheap: pip skips what is already installed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
python="${PYTHON:-python3}"

if [[ ! -x "$venv/bin/python" ]]; then
    "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
"$venv/bin/python" -c 'import sklearn, scipy; print("stories peer venv ready: scikit-learn", sklearn.__version__)'
