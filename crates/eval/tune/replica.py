"""Python replica of the nutgraf scorer and selection, for fast trials of scorer ideas (BENCHMARKS.md, "Tuning").

It reads the per-sentence dump of `examples/tune.rs` (terms, flags, roles) and re-implements the nutgraf
scorer and the selection (filters, MMR, duplicates, dependencies) in Python, so that structural ideas can be
tried without a Rust rebuild. On the shipped weights it reproduces the Rust ROUGE-1 figures exactly.
ROUGE is `rouge-score` 0.1.2 with stemming (ROUGE-1 and ROUGE-2 do not depend on the reference's line split).

    cargo build --release -p nutgraf-eval --example tune
    T=target/release/examples/tune
    $T --data ../shared/eval/news-dev.jsonl --dump /tmp/dump.jsonl
    # the project's clean example articles, for the lede check (one JSON line each, "dataset": "xsum"):
    #   examples/*.txt, crates/roundup/tests/fixtures/*.txt and the text that `nutgraf summarize --format json`
    #   extracts (source.text) from crates/ingest/tests/fixtures/*.html, crates/cli/tests/fixtures/cp1252.html,
    #   crates/roundup/tests/fixtures/standard.html
    $T --data /tmp/fixtures.jsonl --dump /tmp/fixtures_dump.jsonl
    pip install rouge-score==0.1.2
    python3 crates/eval/tune/replica.py /tmp/dump.jsonl /tmp/fixtures_dump.jsonl trials
    python3 crates/eval/tune/replica.py /tmp/dump.jsonl /tmp/fixtures_dump.jsonl retune   # third round
    python3 crates/eval/tune/replica.py /tmp/dump.jsonl /tmp/fixtures_dump.jsonl front 300 3 near
    python3 crates/eval/tune/replica.py /tmp/dump.jsonl /tmp/fixtures_dump.jsonl search 150 7
    python3 crates/eval/tune/replica.py /tmp/dump.jsonl /tmp/fixtures_dump.jsonl search 250 7 second   # from the second round's weights (or current)
"""

import json
import math
import random
import sys

from rouge_score import rouge_scorer

SC = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)

# First-round weights plus the extra knobs the trials try (all off).
FIRST = dict(centrality=0.3, position=1.0, position_scale=8.0, content=0.0, min_words=16.0, role_bonus=0.0,
             redundancy=0.15, duplicate=0.75, length_norm=0.8, lede_trust=1.7,
             fwd=0.0, bwd=0.0, beta=0.0, fwd_norm=0.0, max_words=1e9, long_pow=0.0)
# The second-round weights.
SECOND = dict(FIRST, centrality=0.5, position_scale=12.0, min_words=17.0, role_bonus=-0.05, redundancy=0.4,
              duplicate=0.85, length_norm=0.85, lede_trust=0.35)
# The shipped (third-round) weights, retuned after the segmenter split captions and joined paragraphs.
CURRENT = dict(SECOND, position_scale=15.0, duplicate=0.45)


def load(path):
    rows = [json.loads(line) for line in open(path)]
    for n, r in enumerate(rows):
        r["n"] = n
        prepare(r)
    return rows


def prepare(r, k1=None, b=0.75):
    """Unit TF-IDF vectors (idf = ln(n / df) + 1, as features.rs), pairwise similarities and centroid mass.
    With k1, term frequencies are BM25-saturated first."""
    S = r["sentences"]
    n = max(len(S), 1)
    idf = [math.log(n / d) + 1 for d in r["df"]]
    lengths = [sum(c for _, c in s["tf"]) for s in S]
    avg = max(sum(lengths) / n, 1e-9)
    units = []
    for s, length in zip(S, lengths):
        if k1 is None:
            v = {t: c * idf[t] for t, c in s["tf"]}
        else:
            v = {t: idf[t] * c * (k1 + 1) / (c + k1 * (1 - b + b * length / avg)) for t, c in s["tf"]}
        m = math.sqrt(sum(x * x for x in v.values()))
        units.append({t: x / m for t, x in v.items()} if m > 0 else {})
    el = [i for i, s in enumerate(S) if not s["boilerplate"]]
    sim = [[0.0] * len(S) for _ in S]
    for x in el:
        for y in el:
            if x < y:
                sim[x][y] = sim[y][x] = dot(units[x], units[y])
    centroid = {}
    for k in el:
        for t, x in units[k].items():
            centroid[t] = centroid.get(t, 0.0) + x
    r.update(unit=units, el=el, sim=sim, terms=[len(v) for v in units],
             mass=[sum(centroid.get(t, 0.0) for t in v) for v in units])


def dot(a, b):
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def scores(r, w):
    """The nutgraf scorer (method/nutgraf.rs) plus the trial terms: PacSum directed centrality (fwd, bwd,
    threshold beta) and a long-sentence penalty (max_words, long_pow)."""
    S, el, sim, n = r["sentences"], r["el"], r["sim"], len(r["sentences"])
    if not el:
        return [0.0] * n
    c = [r["mass"][k] / r["terms"][k] ** w["length_norm"] if r["terms"][k] else 0.0 for k in range(n)]
    maxc = max(max(c), 1e-9)
    fw, bw = [0.0] * n, [0.0] * n
    if w["fwd"] or w["bwd"]:
        vals = [sim[x][y] for x in el for y in el if x < y]
        th = min(vals) + w["beta"] * (max(vals) - min(vals)) if vals else 0.0
        for i in el:
            norm = max(r["terms"][i], 1) ** w["fwd_norm"]
            fw[i] = sum(max(sim[i][j] - th, 0) for j in el if j > i) / norm
            bw[i] = sum(max(sim[i][j] - th, 0) for j in el if j < i) / norm
    mf, mb = max(max(fw), 1e-9), max(max(bw), 1e-9)
    trust = (c[el[0]] / maxc) ** w["lede_trust"]
    out = [0.0] * n
    for rank, k in enumerate(el):
        s = S[k]
        length = min(s["words"] / w["min_words"], 1.0)
        if s["words"] > w["max_words"]:
            length *= (w["max_words"] / s["words"]) ** w["long_pow"]
        role = 0.0 if s["role"] == "Reported" else w["role_bonus"]
        position = 1 / (1 + rank / w["position_scale"])
        out[k] = (w["centrality"] * c[k] / maxc + w["position"] * trust * position + w["fwd"] * fw[k] / mf
                  + w["bwd"] * bw[k] / mb + role) * length
    return out


def select(r, sc, k, w, keep_opinion=False):
    """select.rs for a sentence budget: filters, MMR, duplicates, dependent sentences bring their predecessor."""
    S, sim, n = r["sentences"], r["sim"], len(r["sentences"])
    pool = [not (s["boilerplate"] or (s["opinion"] and not keep_opinion)) for s in S]
    eligible = pool[:]
    chosen, maxsim = [], [0.0] * n
    while True:
        cands = [i for i in range(n) if pool[i]]
        if not cands:
            break
        i = max(cands, key=lambda i: (sc[i] - w["redundancy"] * maxsim[i], -i))
        pool[i] = False
        if maxsim[i] > w["duplicate"]:
            continue
        units, j = [i], i
        while len(units) < 3 and j > 0 and S[j]["dependency"] and (j - 1) not in chosen:
            units.insert(0, j - 1)
            j -= 1
        if any(not eligible[u] for u in units[:-1]):
            continue
        if len(chosen) + len(units) > k:
            if len(chosen) >= k:
                break
            continue
        for u in units:
            pool[u] = False
            chosen.append(u)
            for q in range(n):
                if pool[q]:
                    maxsim[q] = max(maxsim[q], sim[u][q])
    if not chosen:
        el = [i for i in range(n) if eligible[i]]
        if el:
            chosen.append(max(el, key=lambda i: (sc[i], -i)))
    return sorted(chosen)


def select_coverage(r, sc, k, w):
    """Trial: greedy coverage of the document's repeated terms (weight df^gamma, density /words^alpha) plus
    the position prior, instead of centroid + MMR."""
    S, el = r["sentences"], [i for i in r["el"] if not r["sentences"][i]["opinion"]]
    wt = [d ** w["gamma"] if d >= 2 else 0.0 for d in r["df"]]
    c = [r["mass"][i] / r["terms"][i] ** w["length_norm"] if r["terms"][i] else 0.0 for i in range(len(S))]
    trust = (c[r["el"][0]] / max(max(c), 1e-9)) ** w["lede_trust"] if r["el"] else 1.0
    rank = {i: q for q, i in enumerate(r["el"])}
    covered, chosen = set(), []
    while len(chosen) < k:
        gains = {i: sum(wt[t] for t, _ in S[i]["tf"] if t not in covered) / max(S[i]["words"], 1) ** w["alpha"]
                 for i in el if i not in chosen}
        if not gains:
            break
        mg = max(max(gains.values()), 1e-9)

        def key(i):
            position = 1 / (1 + rank[i] / w["position_scale"])
            return (w["cov"] * gains[i] / mg + w["position"] * trust * position) * min(S[i]["words"] / w["min_words"], 1)

        i = max(gains, key=lambda i: (key(i), -i))
        chosen.append(i)
        covered.update(t for t, _ in S[i]["tf"])
    return sorted(chosen)


CACHE = {}


def rouge(r, chosen):
    key = (id(r), tuple(chosen))
    if key not in CACHE:
        s = SC.score(r["reference"], "\n".join(r["sentences"][i]["text"] for i in chosen))
        CACHE[key] = (s["rouge1"].fmeasure, s["rouge2"].fmeasure)
    return CACHE[key]


def evaluate(rows, w, selector=select, scorer=scores, label=None):
    """ROUGE-1 x100 per (dataset, half); even/odd is the row's index in the file."""
    res = {}
    for ds, k in (("cnndm", 3), ("xsum", 1)):
        vals = [(r["n"] % 2 == 0, rouge(r, selector(r, scorer(r, w), k, w))[0]) for r in rows if r["dataset"] == ds]
        for half, keep in (("all", lambda e: True), ("even", lambda e: e), ("odd", lambda e: not e)):
            v = [x for e, x in vals if keep(e)]
            res[ds, half] = 100 * sum(v) / len(v)
    if label is not None:
        print("%-60s cnndm %.2f (even %.2f odd %.2f)  xsum %.2f (even %.2f odd %.2f)" % (
            label, res["cnndm", "all"], res["cnndm", "even"], res["cnndm", "odd"],
            res["xsum", "all"], res["xsum", "even"], res["xsum", "odd"]))
    return res


def neighbourhood(rows, w, n=24, spread=0.12, seed=11):
    """Mean ROUGE-1 over n settings within +-spread of w: [cnndm even, cnndm odd, xsum even, xsum odd]."""
    rng = random.Random(seed)
    keys = ("centrality", "position_scale", "min_words", "redundancy", "duplicate", "length_norm", "lede_trust")
    acc = [0.0] * 4
    for _ in range(n):
        v = dict(w)
        for key in keys:
            v[key] *= 1 + rng.uniform(-spread, spread)
        res = evaluate(rows, v)
        for q, cell in enumerate((("cnndm", "even"), ("cnndm", "odd"), ("xsum", "even"), ("xsum", "odd"))):
            acc[q] += res[cell] / n
    return acc


def lede_kept(fixtures, w):
    """(articles whose one-sentence brief is their first eligible sentence, smallest score margin of the lede)."""
    ok, margin = 0, 1e9
    for r in fixtures:
        el = [i for i, s in enumerate(r["sentences"]) if not s["boilerplate"] and not s["opinion"]]
        sc = scores(r, w)
        ok += select(r, sc, 1, w) == [el[0]]
        margin = min(margin, sc[el[0]] - max(sc[i] for i in el[1:]))
    return ok, margin


def trials(rows, fixtures):
    """The first and second rounds' trials (BENCHMARKS.md, "Tuning"); the rows measured before the segmenter
    split captions and joined paragraphs were run on that segmentation's dump."""
    evaluate(rows, FIRST, label="first round")
    evaluate(rows, SECOND, label="second round (lede kept %d/%d)" % (lede_kept(fixtures, SECOND)[0], len(fixtures)))
    evaluate(rows, FIRST, selector=lambda r, sc, k, w: select(r, sc, k, w, keep_opinion=True), label="keep opinion")
    for mw in (20, 30, 40):
        for p in (0.25, 0.5, 1.0):
            evaluate(rows, dict(FIRST, max_words=mw, long_pow=p), label="long penalty max %d pow %.2f" % (mw, p))
    for lam1 in (-2.0, -1.0, 0.0, 0.5):
        for beta in (0.0, 0.3, 0.6):
            for pw in (0.0, 1.0):
                w = dict(FIRST, centrality=0.0, lede_trust=0.0, position=pw, fwd=1.0, bwd=lam1, beta=beta)
                evaluate(rows, w, label="PacSum back %.1f beta %.1f position %.0f" % (lam1, beta, pw))
    for f in (0.1, 0.2, 0.4):
        evaluate(rows, dict(SECOND, fwd=f), label="second round + PacSum forward %.1f" % f)
    for cov in (0.1, 0.3, 0.6, 1.0):
        for alpha in (0.0, 0.5, 1.0):
            for gamma in (0.5, 1.0):
                w = dict(FIRST, cov=cov, alpha=alpha, gamma=gamma)
                evaluate(rows, w, selector=lambda r, sc, k, w: select_coverage(r, sc, k, w),
                         label="coverage %.1f alpha %.1f gamma %.1f" % (cov, alpha, gamma))
    # The optimum of the same local search without the lede check, with and without the role penalty.
    free = dict(FIRST, centrality=0.5, position_scale=24.0, min_words=15.0, redundancy=0.5, duplicate=0.8,
                length_norm=0.85, lede_trust=0.2)
    for w in (free, dict(free, role_bonus=-0.05)):
        evaluate(rows, w, label="no lede check, role_bonus %.2f (lede kept %d/%d)" % (
            w["role_bonus"], lede_kept(fixtures, w)[0], len(fixtures)))
    for rb in (-0.1, -0.05, -0.03, 0.0, 0.05):
        evaluate(rows, dict(SECOND, role_bonus=rb), label="second round, role_bonus %.2f" % rb)
    for k1 in (0.5, 1.2, 2.0):
        for r in rows:
            prepare(r, k1=k1)
        evaluate(rows, SECOND, label="second round, BM25 k1 %.1f centroid and MMR" % k1)
    for r in rows:
        prepare(r)
    for name, w in (("first round", FIRST), ("second round", SECOND)):
        m = neighbourhood(rows, w)
        print("%s, mean of 24 neighbours: cnndm even %.2f odd %.2f, xsum even %.2f odd %.2f" % (name, *m))


def retune(rows, fixtures):
    """The third round's trials, after the segmenter split captions and joined paragraphs: the second-round weights,
    the lede_trust sweep, the optima of the local searches (`search 250 7 second`, `search 250 11 second`,
    `search 250 5`) and the rounded candidates, each with its halves, lede check and 24-neighbour means."""
    cands = [("second round", SECOND)]
    cands += [("second round, lede_trust %.1f" % t, dict(SECOND, lede_trust=t)) for t in (0.7, 1.0, 1.5, 2.0, 3.0)]
    cands += [
        ("search 7 from second round", dict(SECOND, centrality=0.437, position_scale=9.869, role_bonus=-0.025,
                                            redundancy=0.554, duplicate=0.844)),
        ("search 11 from second round", dict(SECOND, position_scale=15.525, duplicate=0.424, lede_trust=0.233)),
        ("search 5 from first round", dict(SECOND, centrality=0.481, position_scale=15.339, min_words=16.219,
                                           role_bonus=-0.014, redundancy=0.427, duplicate=0.821, lede_trust=0.334)),
    ]
    for ps, dup, lt in ((15, 0.45, 0.25), (16, 0.4, 0.25), (15, 0.5, 0.25), (15, 0.6, 0.25), (12, 0.45, 0.35),
                        (15, 0.45, 0.2), (15, 0.85, 0.35)):
        cands.append(("position_scale %d, duplicate %.2f, lede_trust %.2f" % (ps, dup, lt),
                      dict(SECOND, position_scale=ps, duplicate=dup, lede_trust=lt)))
    cands.append(("current (position_scale 15, duplicate 0.45)", CURRENT))
    for name, w in cands:
        ok, margin = lede_kept(fixtures, w)
        evaluate(rows, w, label="%s (lede kept %d/%d, margin %.3f)" % (name, ok, len(fixtures), margin))
        print("    mean of 24 neighbours: cnndm even %.2f odd %.2f, xsum even %.2f odd %.2f" % tuple(neighbourhood(rows, w)))


def front(rows, fixtures, n, seed, grid):
    """n random settings on a grid (`wide`: the main parameters over their whole range; `near`: eight
    parameters around the current weights), one JSON line each: ROUGE-1 CNN/DM and XSum on all rows, even
    and odd, lede kept, lede margin, setting. The third round's trade-off front: `front 200 1 wide`,
    `front 300 3 near`."""
    rng = random.Random(seed)
    grids = {
        "wide": [("centrality", [0.3, 0.5, 0.7, 1.0, 1.5, 2.5, 4]), ("position_scale", [4, 8, 12, 20, 40]),
                 ("lede_trust", [0, 0.35, 1, 2, 4]), ("length_norm", [0.5, 0.7, 0.85, 1.0]),
                 ("min_words", [10, 15, 17, 22, 28]), ("redundancy", [0.2, 0.4, 0.6])],
        "near": [("centrality", [0.4, 0.5, 0.6, 0.8, 1.0]), ("position_scale", [12, 15, 20, 30]),
                 ("lede_trust", [0.2, 0.35, 0.7, 1.0]), ("length_norm", [0.7, 0.8, 0.85, 0.95]),
                 ("min_words", [15, 17, 20, 24]), ("redundancy", [0.3, 0.4, 0.5]), ("duplicate", [0.4, 0.45, 0.55]),
                 ("role_bonus", [-0.08, -0.05, -0.02])],
    }[grid]
    base = SECOND if grid == "wide" else CURRENT
    for _ in range(n):
        w = dict(base)
        for key, values in grids:
            w[key] = rng.choice(values)
        e = evaluate(rows, w)
        ok, margin = lede_kept(fixtures, w)
        print(json.dumps([round(e[c], 2) for c in (("cnndm", "all"), ("xsum", "all"), ("cnndm", "even"),
                                                   ("xsum", "even"), ("cnndm", "odd"), ("xsum", "odd"))]
                         + [ok, round(margin, 3), {k: w[k] for k, _ in grids}]), flush=True)


def search(rows, fixtures, steps, seed, start=None):
    """Local search on the even rows, objective averaged over 8 neighbours, lede kept on every fixture;
    from the first round's neighbourhood, or from `start` (a dict of weights)."""
    rng = random.Random(seed)
    keys = ("centrality", "position_scale", "min_words", "redundancy", "duplicate", "length_norm", "lede_trust",
            "role_bonus")

    def objective(w):
        m = neighbourhood(rows, w, n=8, seed=rng.randrange(1 << 30))
        return m[0] + m[2], m

    cur = dict(FIRST, centrality=0.5, position_scale=12.0, min_words=15.0, redundancy=0.5, duplicate=0.8,
               length_norm=0.85, lede_trust=0.5)
    if start is not None:
        cur = dict(start)
    best, m = objective(cur)
    print(json.dumps(dict(step=-1, even_odd=[round(x, 2) for x in m])), flush=True)
    for step in range(steps):
        v = dict(cur)
        for key in rng.sample(keys, 2):
            v[key] = v[key] + rng.uniform(-0.04, 0.04) if key == "role_bonus" else v[key] * 2 ** rng.uniform(-0.6, 0.6)
        v["duplicate"], v["length_norm"] = min(v["duplicate"], 0.95), min(v["length_norm"], 1.2)
        ok, margin = lede_kept(fixtures, v)
        if ok < len(fixtures) or margin < 0.02:
            continue
        value, m = objective(v)
        if value > best:
            best, cur = value, v
            print(json.dumps(dict(step=step, even_odd=[round(x, 2) for x in m],
                                  weights={k: round(x, 3) for k, x in v.items()})), flush=True)


def main():
    rows, fixtures = load(sys.argv[1]), load(sys.argv[2])
    if sys.argv[3] == "trials":
        trials(rows, fixtures)
    elif sys.argv[3] == "retune":
        retune(rows, fixtures)
    elif sys.argv[3] == "front":
        front(rows, fixtures, int(sys.argv[4]), int(sys.argv[5]), sys.argv[6])
    elif sys.argv[3] == "search":
        start = {"second": SECOND, "current": CURRENT}.get(sys.argv[6]) if len(sys.argv) > 6 else None
        search(rows, fixtures, int(sys.argv[4]), int(sys.argv[5]), start)
    else:
        sys.exit("usage: replica.py DUMP FIXTURE_DUMP trials | retune | front N SEED wide|near | search STEPS SEED [second | current]")


if __name__ == "__main__":
    main()
