"""Does the opt-in trained model code frames better than the lexicon? A measurement.

usage: python classifier_cv.py --texts DIR --annotations DIR [DIR ...] [--seed N]

Needs the local texts (never committed) and scikit-learn (``pip install ".[dev]"``).
Each annotation folder is loaded as ``train_frame_model.py`` loads it: the package's
own sentences of the coded articles, each with the coder's frames through the
alignment of ``score.py``. Then the model is fitted as the package fits it
(:func:`analysis.fit_frame_model`) on the sentences of some articles and codes the
others as users run it (:func:`analysis.model_frames`), always whole articles apart.
Each coded sentence gets the union of the frames of its aligned package sentences, as
``score.py`` scores the lexicon (a frame where it has hits): the two are compared on
the same sentences. Two designs: five folds of articles (seeded), and each folder left
out in turn (fitted on the others). It prints precision/recall per frame and macro-F1,
over all coded sentences and per folder.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from score import FRAMES  # noqa: E402
from train_frame_model import load_coded  # noqa: E402

from analysis.frame_model import fit_frame_model, model_frames  # noqa: E402


def coded_by_model(sentences: pd.DataFrame, train: np.ndarray, test: np.ndarray) -> np.ndarray:
    """0/1 codes per frame of the ``test`` rows by a model fitted on the ``train`` rows."""
    model = fit_frame_model(sentences.iloc[train].reset_index(drop=True))
    table = sentences.iloc[test][["doc_id", "sentence_no", "sentence"]].assign(voice="")
    out = model_frames(table.reset_index(drop=True), model=model, jobs=1)
    return out.pivot_table(
        index=["doc_id", "sentence_no"], columns="frame", values="coded", sort=False
    )[list(FRAMES)].to_numpy(dtype=bool)


def per_gold(gold: list[dict], codes: np.ndarray) -> np.ndarray:
    """Each coded sentence's frames: the union over its aligned package sentences."""
    out = np.zeros((len(gold), len(FRAMES)), bool)
    for j, g in enumerate(gold):
        if g["rows"]:
            out[j] = codes[g["rows"]].any(axis=0)
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
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    parts, gold = [], []
    offset = 0
    for ann in a.annotations:
        sentences, g = load_coded(a.texts, ann)
        for x in g:
            x["rows"] = [i + offset for i in x["rows"]]
            x["set"] = ann.name
        parts.append(sentences)
        gold += g
        offset += len(sentences)
    sentences = pd.concat(parts).reset_index(drop=True)
    y = np.array([[f in g["frames"] for f in FRAMES] for g in gold])
    lexicon = per_gold(gold, sentences[[f"hits_{f}" for f in FRAMES]].to_numpy() > 0)
    sets = np.array([g["set"] for g in gold])
    docs = sentences["doc_id"].astype(str).to_numpy()
    ids = sorted(set(docs))
    order = np.random.default_rng(a.seed).permutation(len(ids))
    fold_of = {ids[j]: k % 5 for k, j in enumerate(order)}
    designs = {"five folds of articles": np.array([fold_of[d] for d in docs])}
    if len(a.annotations) > 1:
        designs["each folder left out"] = sentences["set"].to_numpy()
    print(f"{len(gold)} coded sentences of {len(ids)} articles in {len(a.annotations)} folder(s)")
    for design, groups in designs.items():
        print(f"\n== {design}")
        codes = np.zeros((len(sentences), len(FRAMES)), bool)
        for g in np.unique(groups):
            test, train = np.flatnonzero(groups == g), np.flatnonzero(groups != g)
            codes[test] = coded_by_model(sentences, train, test)
        model = per_gold(gold, codes)
        print(line("lexicon", y, lexicon))
        print(line("model", y, model))
        for s in dict.fromkeys(sets):
            m = sets == s
            print(f"  {s}")
            print(line("    lexicon", y[m], lexicon[m]))
            print(line("    model", y[m], model[m]))


if __name__ == "__main__":
    main()
