#!/usr/bin/env bash
# Installs the AnchorCite peer (PyPI package anchorcite, core tier: lexical scorer, no model) in
# bench/peers/anchorcite/.venv. Idempotent.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ ! -x "$here/.venv/bin/python" ]]; then
    python3 -m venv "$here/.venv"
fi
"$here/.venv/bin/pip" install --quiet --disable-pip-version-check "anchorcite==0.1.0"
"$here/.venv/bin/python" -c "import anchorcite; print('anchorcite', anchorcite.__version__, 'ready')"
