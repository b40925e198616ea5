"""Shared fixtures: the repository, the CLI binary to compare with, the evaluation data.

Parity tests compare the Python package with the `nutgraf` binary built from the same tree.
scripts/python-tests.sh builds it and sets NUTGRAF_CLI; run by hand, the newest of
target/{release,debug}/nutgraf (or $CARGO_TARGET_DIR's) is used.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
NEWS_DEV = ROOT.parent / "shared" / "eval" / "news-dev.jsonl"


def _find_cli() -> Path | None:
    if os.environ.get("NUTGRAF_CLI"):
        return Path(os.environ["NUTGRAF_CLI"])
    dirs = [Path(os.environ["CARGO_TARGET_DIR"])] if os.environ.get("CARGO_TARGET_DIR") else []
    dirs.append(ROOT / "target")
    found = [d / p / "nutgraf" for d in dirs for p in ("release", "debug") if (d / p / "nutgraf").exists()]
    return max(found, key=lambda p: p.stat().st_mtime) if found else None


@pytest.fixture(scope="session")
def cli() -> Path:
    path = _find_cli()
    if path is None or not path.exists():
        pytest.fail("the nutgraf binary was not found: build it (cargo build -p nutgraf-cli) or set NUTGRAF_CLI")
    return path


def run_cli(cli: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(cli), *args], input=stdin, capture_output=True, text=True, cwd=ROOT)


def cli_json(cli: Path, *args: str) -> dict:
    out = run_cli(cli, *args)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.fixture(scope="session")
def news_dev() -> list[dict]:
    if not NEWS_DEV.exists():
        pytest.fail(f"{NEWS_DEV} is missing: the evaluation data lives in ../shared/eval beside the repository")
    return [json.loads(line) for line in NEWS_DEV.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="session")
def cli_batch(cli: Path, tmp_path_factory: pytest.TempPathFactory):
    """`nutgraf batch` output lines for a JSONL file and flags, cached per session."""
    cache: dict = {}

    def run(path: Path, *flags: str) -> list[dict]:
        key = (str(path), flags)
        if key not in cache:
            out = tmp_path_factory.mktemp("batch") / "out.jsonl"
            r = run_cli(cli, "batch", "--in", str(path), "--out", str(out), "--quiet", *flags)
            assert r.returncode == 0, r.stderr
            cache[key] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        return cache[key]

    return run
