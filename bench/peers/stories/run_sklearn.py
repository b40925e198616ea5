"""Story-grouping peer baseline: scikit-learn TF-IDF + average-link agglomerative clustering.

Reads NeuS rows (id, sources: three "TITLE=> ... ARTICLE=> ..." strings); each source is one
article and each row is its story. Vectorizes title + lead with TfidfVectorizer (English stop
words), then clusters with average linkage on cosine distance. The threshold is swept on the
dendrogram (scipy's linkage, the routine sklearn's AgglomerativeClustering runs for average
linkage) and the best B-cubed F1 is reported; the timed run is one full sklearn
AgglomerativeClustering at that threshold (vectorize + cluster), so the time is what one
grouping of the feed costs. All pairs are compared: time and memory are quadratic.

Usage: run_sklearn.py DATA.jsonl [DATA.jsonl ...] [--limit-stories N] [--format json|text]
"""

import argparse
import json
import resource
import sys
import time
from collections import Counter

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score


def articles(paths, limit):
    texts, gold = [], []
    story = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if limit is not None and story >= limit:
                    break
                row = json.loads(line)
                for src in row["sources"]:
                    title, _, body = src.partition("ARTICLE=>")
                    texts.append(title.replace("TITLE=>", "").strip() + "\n" + body.strip())
                    gold.append(story)
                story += 1
    return texts, gold


def bcubed(gold, pred):
    """B-cubed precision, recall and F1 (Bagga and Baldwin), averaged over items."""
    pairs = Counter(zip(gold, pred))
    gsize, psize = Counter(gold), Counter(pred)
    prec = sum(n * n / psize[p] for (g, p), n in pairs.items())
    rec = sum(n * n / gsize[g] for (g, p), n in pairs.items())
    n = len(gold)
    p, r = prec / n, rec / n
    return p, r, 2 * p * r / (p + r)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="+")
    ap.add_argument("--limit-stories", type=int)
    ap.add_argument("--format", default="text", choices=["text", "json"])
    args = ap.parse_args()
    texts, gold = articles(args.data, args.limit_stories)

    # Threshold sweep on one dendrogram (not timed: choosing the threshold is tuning).
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    dist = np.clip(1.0 - (x @ x.T).toarray(), 0.0, None)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    del dist
    best = None
    for t in np.arange(0.30, 0.99, 0.02):
        pred = fcluster(tree, t=t, criterion="distance").tolist()
        p, r, f = bcubed(gold, pred)
        if best is None or f > best[3]:
            best = (float(t), p, r, f)

    # The timed run: vectorize and cluster once at the best threshold.
    t0 = time.perf_counter()
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    model = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=best[0]
    )
    pred = model.fit_predict(x.toarray())
    secs = time.perf_counter() - t0
    p, r, f = bcubed(gold, pred.tolist())
    result = {
        "system": "sklearn tfidf + average-link",
        "articles": len(texts),
        "stories": len(set(gold)),
        "threshold": round(best[0], 2),
        "bcubed_precision": p,
        "bcubed_recall": r,
        "bcubed_f1": f,
        "ari": adjusted_rand_score(gold, pred),
        "seconds": secs,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "clusters": int(len(set(pred.tolist()))),
    }
    if args.format == "json":
        json.dump(result, sys.stdout)
        print()
    else:
        for k, v in result.items():
            print(f"{k:18} {v:.4f}" if isinstance(v, float) else f"{k:18} {v}")


if __name__ == "__main__":
    main()
