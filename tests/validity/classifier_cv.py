"""Would a trained sentence classifier code frames better than the lexicon? A measurement.

usage: python classifier_cv.py --texts DIR --annotations DIR [DIR ...] [--seed N]

Needs the local texts (never committed) and scikit-learn (``pip install ".[bench]"``).
Each annotation folder is loaded and aligned as ``score.py`` does it: the package's
``frames --by sentence`` rows of an article that share >= 60 % of a coded sentence's
tokens (or >= 80 % of theirs) give that sentence its lexicon hits per frame. Then, per
frame, a logistic regression is trained on the coded sentences of some articles and
tested on the sentences of the others, always whole articles apart:

- ``lexicon``: the package as it is (a frame when it has hits);
- ``hits+context``: 12 features from the lexicon only, the sentence's own hits per frame
  (capped at 3), the hits of the sentences before and after it, and the article's share
  of sentences with hits of each frame;
- ``words+hits+context``: the same and the sentence's stems (binary, those in at least
  two training sentences of two articles): the packaged model's design, fitted by
  ``train_frame_model.fit`` on the training articles.

Off-genre articles (``analysis.is_on_genre`` false) get no frame from any model, as
from the package. Two designs: five folds of articles (seeded), and each folder left out
in turn (trained on the others). It prints precision/recall per frame and macro-F1 for
the lexicon and each model, over all sentences and per folder. It measures; the package
does not use any of these models.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from score import FRAMES, load_set  # noqa: E402
from train_frame_model import fit  # noqa: E402


def _tokens(s: str) -> Counter:
    return Counter(re.findall(r"\w+", s.lower()))


def aligned_hits(texts: Path, ann: Path, python: str) -> tuple[list[dict], dict[str, bool]]:
    """The coded sentences of one folder, each with the package's hits per frame."""
    import analysis

    arts, gold, _ = load_set(texts, ann)
    with tempfile.TemporaryDirectory() as tmp:
        for hid in arts:
            shutil.copyfile(texts / f"{hid}.txt", Path(tmp) / f"{hid}.txt")
        args = [python, "-m", "analysis", "frames", "--corpus", tmp, "--by", "sentence"]
        out = subprocess.run(args + ["--format", "csv"], capture_output=True, text=True, check=True)
    pred: dict[tuple[str, str], dict] = {}
    for row in csv.DictReader(io.StringIO(out.stdout)):
        p = pred.setdefault((row["doc_id"], row["sentence_no"]), {"hits": Counter()})
        p["tokens"] = _tokens(row["sentence"])
        p["hits"][row["frame"]] += float(row["hits"] or 0)
    by_doc = defaultdict(list)
    for (doc, _), p in pred.items():
        by_doc[doc].append(p)
    on_genre = {
        hid: bool(analysis.is_on_genre(analysis.clean_article(raw).body))
        for hid, (_, raw) in arts.items()
    }
    rows = []
    for g in gold:
        gt = _tokens(g["text"])
        n = sum(gt.values()) or 1
        hits = Counter()
        for p in by_doc.get(g["id"], []):
            shared = sum((gt & p["tokens"]).values())
            if shared / n >= 0.6 or shared / max(1, sum(p["tokens"].values())) >= 0.8:
                hits.update(p["hits"])
        rows.append({**g, "set": ann.name, "hits": [hits[f] for f in FRAMES]})
    return rows, on_genre


def features(rows: list[dict]) -> np.ndarray:
    """Own hits, the hits before and after (same article) and the article's shares: the
    packaged model's context features."""
    from analysis.frame_model import context_features

    return context_features(np.array([r["hits"] for r in rows]), [r["id"] for r in rows])


def predict(x, y, rows, train, test, words: bool) -> np.ndarray:
    """Per frame, a logistic regression (C=1) fitted on ``train``, 0.5 on ``test``. With
    ``words``, exactly the packaged model's fit (``train_frame_model.fit``) and
    prediction (:class:`analysis.frame_model.FrameModel`)."""
    from sklearn.linear_model import LogisticRegression

    from analysis.frame_model import frame_model_from_dict, sentence_stems

    if words:
        model = frame_model_from_dict(fit([rows[i] for i in train]))
        stems = [sentence_stems(rows[i]["text"]) for i in test]
        return model.probability(x[test], stems) >= model.threshold
    out = np.zeros((len(test), len(FRAMES)), bool)
    for k in range(len(FRAMES)):
        model = LogisticRegression(C=1.0, max_iter=3000).fit(x[train], y[train, k])
        out[:, k] = model.predict_proba(x[test])[:, 1] >= 0.5
    return out


def line(name: str, y: np.ndarray, p: np.ndarray) -> str:
    cells, f1s = [], []
    for k, f in enumerate(FRAMES):
        tp = int((y[:, k] & p[:, k]).sum())
        prec, rec = tp / max(int(p[:, k].sum()), 1), tp / max(int(y[:, k].sum()), 1)
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
        cells.append(f"{f[:5]} {prec:.2f}/{rec:.2f}")
    return f"{name:30s} macro-F1 {np.mean(f1s):.3f}   " + "   ".join(cells)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--texts", type=Path, required=True)
    ap.add_argument("--annotations", type=Path, nargs="+", required=True)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()

    rows, on_genre = [], {}
    for ann in a.annotations:
        got, genre = aligned_hits(a.texts, ann, a.python)
        rows += got
        on_genre.update(genre)
    y = np.array([[f in r["frames"] for f in FRAMES] for r in rows])
    lex = np.array([[h > 0 for h in r["hits"]] for r in rows])
    gate = np.array([on_genre[r["id"]] for r in rows])[:, None]
    x = features(rows)
    sets = np.array([r["set"] for r in rows])
    ids = sorted({r["id"] for r in rows})
    order = np.random.default_rng(a.seed).permutation(len(ids))
    fold_of = {ids[j]: k % 5 for k, j in enumerate(order)}
    folds = np.array([fold_of[r["id"]] for r in rows])
    designs = {"five folds of articles": folds}
    if len(a.annotations) > 1:
        designs["each folder left out"] = sets
    print(f"{len(rows)} coded sentences of {len(ids)} articles in {len(a.annotations)} folder(s)")
    for design, groups in designs.items():
        print(f"\n== {design}")
        preds = {}
        for words in (False, True):
            p = np.zeros_like(y)
            for g in np.unique(groups):
                test, train = np.flatnonzero(groups == g), np.flatnonzero(groups != g)
                p[test] = predict(x, y, rows, train, test, words)
            preds["words+hits+context" if words else "hits+context"] = p & gate
        print(line("lexicon", y, lex))
        for name, p in preds.items():
            print(line(name, y, p))
        for s in dict.fromkeys(sets):
            m = sets == s
            print(f"  {s}")
            print(line("    lexicon", y[m], lex[m]))
            for name, p in preds.items():
                print(line("    " + name, y[m], p[m]))


if __name__ == "__main__":
    main()
