"""Fit the packaged frame model (``analysis/data/frame_model.json``) from the coded sets.

usage: python train_frame_model.py --texts DIR --annotations DIR [DIR ...] [--out FILE]

Needs the local texts (never committed) and scikit-learn (in the ``dev`` extra). Each
annotation folder is aligned with the package's sentences as ``classifier_cv.py`` does
it (which measures the same model on articles it was not trained on). The features are
those of :mod:`analysis.frame_model`: :func:`~analysis.frame_model.context_features` of
the lexicon's hits and the stems (:func:`~analysis.frame_model.sentence_stems`) found in
at least two coded sentences of two articles (:func:`vocabulary`). Per frame, a
logistic regression (L2, C=1, lbfgs: the same fit on the same data gives the same
weights) is fitted on every coded sentence.
The file holds the frames, the stems, the weights and a line saying what they were
fitted on: no text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from score import FRAMES  # noqa: E402

from analysis.frame_model import MODEL_PATH, context_features, sentence_stems  # noqa: E402

#: Decimals kept of each weight (the file stays small; probabilities move by < 1e-4).
DECIMALS = 5


def vocabulary(stems: list[list[str]], articles: list[str]) -> list[str]:
    """The stems the model weighs: those in at least two articles and two sentences,
    with a letter (numbers and the names of one article's people are left out)."""
    arts: dict[str, set[str]] = {}
    sents: Counter = Counter()
    for words, art in zip(stems, articles):
        for w in set(words):
            arts.setdefault(w, set()).add(art)
            sents[w] += 1
    return sorted(
        w for w, a in arts.items() if len(a) >= 2 and sents[w] >= 2 and any(map(str.isalpha, w))
    )


def fit(rows: list[dict]) -> dict:
    """The model file's content fitted on ``rows`` (coded sentences with their hits)."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    context = context_features(np.array([r["hits"] for r in rows]), [r["id"] for r in rows])
    stems = [sentence_stems(r["text"]) for r in rows]
    vocab = vocabulary(stems, [r["id"] for r in rows])
    vec = CountVectorizer(analyzer=lambda words: sorted(set(words)), vocabulary=vocab, binary=True)
    x = hstack([vec.fit_transform(stems), csr_matrix(context)]).tocsr()
    y = np.array([[f in r["frames"] for f in FRAMES] for r in rows])
    words, ctx, intercept = [], [], []
    for k in range(len(FRAMES)):
        m = LogisticRegression(C=1.0, max_iter=3000).fit(x, y[:, k])
        words.append(m.coef_[0, : len(vocab)])
        ctx.append(m.coef_[0, len(vocab) :])
        intercept.append(m.intercept_[0])
    arts = len({r["id"] for r in rows})
    sets = sorted({r["set"] for r in rows})
    return {
        "format": 1,
        "frames": list(FRAMES),
        "threshold": 0.5,
        "trained_on": f"{len(rows)} hand-coded sentences of {arts} articles ({', '.join(sets)})",
        "intercept": np.round(intercept, DECIMALS).tolist(),
        "context": np.round(np.array(ctx).T, DECIMALS).tolist(),
        "vocabulary": vocab,
        "words": np.round(np.array(words).T, DECIMALS).tolist(),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--texts", type=Path, required=True)
    ap.add_argument("--annotations", type=Path, nargs="+", required=True)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    a = ap.parse_args()
    from classifier_cv import aligned_hits

    rows = []
    for ann in a.annotations:
        rows += aligned_hits(a.texts, ann, a.python)[0]
    model = fit(rows)
    a.out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{a.out}: {model['trained_on']}, {len(model['vocabulary'])} stems")


if __name__ == "__main__":
    main()
