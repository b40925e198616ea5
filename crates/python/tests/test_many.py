"""nutgraf.summarize_many: parity with `nutgraf batch`, input order, per-item errors, threads."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

import nutgraf
from conftest import NEWS_DEV


def test_news_dev_matches_cli_batch(news_dev, cli_batch):
    lines = cli_batch(NEWS_DEV, "--text-field", "article", "--sentences", "3")
    briefs = nutgraf.summarize_many([r["article"] for r in news_dev], sentences=3)
    assert len(briefs) == len(lines) == len(news_dev) == 288
    for row, line, brief in zip(news_dev, lines, briefs):
        assert line["id"] == row["id"] and line["ok"]
        # Identical sentences and spans, and everything else the CLI writes.
        assert [(s["text"], s["span"], s["chars"]) for s in brief["sentences"]] == [
            (s["text"], s["span"], s["chars"]) for s in line["brief"]["sentences"]
        ]
        assert brief == line["brief"]


def test_news_dev_default_length_matches_cli_batch(news_dev, cli_batch):
    lines = cli_batch(NEWS_DEV, "--text-field", "article", "--method", "lexrank")
    briefs = nutgraf.summarize_many([r["article"] for r in news_dev], method="lexrank", threads=2)
    assert briefs == [line["brief"] for line in lines]


def test_one_at_a_time_equals_many(news_dev):
    texts = [r["article"] for r in news_dev[:40]]
    assert nutgraf.summarize_many(texts, threads=1, words=50) == [nutgraf.summarize(t, words=50) for t in texts]


def test_order_and_per_item_errors():
    good = "The council approved the budget on Tuesday. The vote was 7-2."
    items = [good, None, "", float("nan"), b"bytes", "x\ud800y", 7, good.replace("Tuesday", "Monday")]
    out = nutgraf.summarize_many(items, sentences=1)
    kinds = [type(r).__name__ for r in out]
    assert kinds == ["dict", "TypeError", "InputError", "TypeError", "TypeError", "InputError", "TypeError", "dict"]
    assert out[0]["sentences"][0]["text"] == "The council approved the budget on Tuesday."
    assert out[7]["sentences"][0]["text"] == "The council approved the budget on Monday."
    assert str(out[1]) == "text must be a str, not None"
    assert "empty or only whitespace" in str(out[2])
    assert "lone surrogate" in str(out[5])
    assert all(isinstance(r, Exception) for r in out[1:7])


def test_iterables():
    texts = ["The council met on Tuesday.", "The mayor resigned on Friday."]
    expected = nutgraf.summarize_many(texts)
    assert nutgraf.summarize_many(tuple(texts)) == expected
    assert nutgraf.summarize_many(t for t in texts) == expected
    assert nutgraf.summarize_many([]) == []
    pd = pytest.importorskip("pandas")
    assert nutgraf.summarize_many(pd.Series(texts)) == expected


@pytest.mark.parametrize(
    "call,error,message",
    [
        (lambda: nutgraf.summarize_many("one text"), TypeError, "not one str: wrap it in a list"),
        (lambda: nutgraf.summarize_many(42), TypeError, "texts must be an iterable of str, not int"),
        (lambda: nutgraf.summarize_many(["a."], threads=0), ValueError, "threads must be at least 1"),
        (lambda: nutgraf.summarize_many(["a."], threads="2"), TypeError, "threads must be an int, not str"),
        (lambda: nutgraf.summarize_many(["a."], sentences=0), ValueError, "--sentences must be at least 1"),
        (lambda: nutgraf.summarize_many(["a."], bogus=1), TypeError, "unexpected keyword argument 'bogus'"),
    ],
)
def test_bad_arguments(call, error, message):
    with pytest.raises(error, match=message.replace("(", r"\(")):
        call()


def pool_cpu() -> dict[str, float]:
    """CPU seconds of each of this process's nutgraf worker threads (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    out = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            name = (task / "comm").read_text().strip()
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if name.startswith("nutgraf-"):
            out[f"{name}/{task.name}"] = (int(fields[11]) + int(fields[12])) / ticks
    return out


def test_threads_share_the_work(news_dev):
    """With threads=2, two worker threads each do a good part of the work."""
    if not Path("/proc/self/task").exists():
        pytest.skip("needs Linux /proc")
    texts = [r["article"] for r in news_dev] * 8
    nutgraf.summarize_many(texts[:10], threads=2)  # the pool exists from here on
    before = pool_cpu()
    nutgraf.summarize_many(texts, threads=2, sentences=3)
    after = pool_cpu()
    used = sorted((after[k] - before.get(k, 0.0) for k in after), reverse=True)
    assert len(used) >= 2 and sum(used) > 0.2, used
    assert used[1] > 0.2 * sum(used), f"the second thread did {used[1]:.2f} of {sum(used):.2f} CPU seconds"


def test_threads_run_at_the_same_time(news_dev):
    """Two worker threads use about two cores: the process's CPU time grows faster than the
    wall clock. Only meaningful when the machine has a core to spare for each thread."""
    cores = os.cpu_count() or 1
    if cores < 2 or os.getloadavg()[0] > cores - 1:
        pytest.skip(f"{cores} cores, load average {os.getloadavg()[0]:.1f}: no two idle cores to time")
    texts = [r["article"] for r in news_dev] * 8
    best = 0.0
    for _ in range(5):
        cpu, wall = time.process_time(), time.perf_counter()
        nutgraf.summarize_many(texts, threads=2, sentences=3)
        ratio = (time.process_time() - cpu) / (time.perf_counter() - wall)
        best = max(best, ratio)
        if best > 1.4:
            break
    assert best > 1.4, f"CPU time / wall time = {best:.2f} with 2 threads"


def test_the_gil_is_released(news_dev):
    """A Python thread keeps running while summarize_many works."""
    texts = [r["article"] for r in news_dev] * 6
    ticks = 0
    done = threading.Event()

    def count():
        nonlocal ticks
        while not done.is_set():
            ticks += 1

    worker = threading.Thread(target=count)
    start = time.perf_counter()
    worker.start()
    try:
        nutgraf.summarize_many(texts, threads=1, sentences=3)
        nutgraf.summarize(texts[0])
    finally:
        done.set()
        worker.join()
    elapsed = time.perf_counter() - start
    # A busy Python loop counts millions per second; with the GIL held throughout it would
    # count only in the gaps between items.
    assert ticks > 100_000 * elapsed, (ticks, elapsed)
