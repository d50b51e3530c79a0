"""Fit the packaged frame model (``analysis/data/frame_model.json``) from the coded sets.

usage: python train_frame_model.py --texts DIR --annotations DIR [DIR ...] [--out FILE]

Needs the local texts (never committed) and scikit-learn (in the ``dev`` extra). The
model is fitted on the package's own sentences of the coded articles, the sentences
:func:`analysis.model_frames` codes: each gets the frames of the coded sentences it is
aligned with as ``score.py`` aligns them (they share >= 60 % of the coded sentence's
tokens or >= 80 % of its own), none when it is aligned with no coded sentence (a line
the coder read as furniture). :func:`analysis.fit_frame_model` does the fit;
``classifier_cv.py`` measures the same fit on articles it was not fitted on. The file
holds the frames, the stems, the weights and a line saying what they were fitted on:
no text.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from score import FRAMES, load_set  # noqa: E402

from analysis.frame_model import MODEL_PATH, fit_frame_model  # noqa: E402
from analysis.frames import frame_scores  # noqa: E402


def _tokens(s: str) -> Counter:
    return Counter(re.findall(r"\w+", s.lower()))


def _aligned(gold_tokens: Counter, tokens: Counter) -> bool:
    shared = sum((gold_tokens & tokens).values())
    n = sum(gold_tokens.values()) or 1
    return shared / n >= 0.6 or shared / max(1, sum(tokens.values())) >= 0.8


def load_coded(texts: Path, ann: Path) -> tuple[pd.DataFrame, list[dict]]:
    """The package's sentences of one coded folder and its coded sentences.

    Returns ``(sentences, gold)``: ``sentences`` has ``doc_id``, ``sentence_no``,
    ``sentence``, ``set``, a 0/1 column per frame (the coder's, through the alignment)
    and ``hits_<frame>`` (the lexicon's hits); each coded sentence of ``gold`` gets
    ``rows``, the positions of its aligned package sentences in ``sentences``.
    """
    arts, gold, _ = load_set(texts, ann)
    with tempfile.TemporaryDirectory() as tmp:
        for hid in arts:
            shutil.copyfile(texts / f"{hid}.txt", Path(tmp) / f"{hid}.txt")
        scores = frame_scores(tmp, by="sentence", n_boot=0, jobs=1)
    key = ["doc_id", "sentence_no"]
    hits = scores.pivot_table(index=key, columns="frame", values="hits", aggfunc="sum")
    sentences = scores.drop_duplicates(key)[[*key, "sentence"]].merge(
        hits[list(FRAMES)].add_prefix("hits_").reset_index(), on=key
    )
    sentences = sentences.reset_index(drop=True).assign(set=ann.name)
    tokens = [_tokens(s) for s in sentences["sentence"]]
    by_doc: dict[str, list[int]] = {}
    for i, d in enumerate(sentences["doc_id"].astype(str)):
        by_doc.setdefault(d, []).append(i)
    labels = {f: [0] * len(sentences) for f in FRAMES}
    for g in gold:
        gt = _tokens(g["text"])
        g["rows"] = [i for i in by_doc.get(g["id"], []) if _aligned(gt, tokens[i])]
        for i in g["rows"]:
            for f in g["frames"]:
                labels[f][i] = 1
    return sentences.assign(**labels), gold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--texts", type=Path, required=True)
    ap.add_argument("--annotations", type=Path, nargs="+", required=True)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    a = ap.parse_args()
    sentences = pd.concat([load_coded(a.texts, ann)[0] for ann in a.annotations])
    n_arts = sentences["doc_id"].nunique()
    what = (
        f"{len(sentences)} sentences of {n_arts} hand-coded articles "
        f"({', '.join(ann.name for ann in a.annotations)})"
    )
    model = fit_frame_model(sentences.reset_index(drop=True), trained_on=what)
    content = json.dumps(model.to_dict(), ensure_ascii=False, separators=(",", ":"))
    a.out.write_text(content + "\n", encoding="utf-8")
    print(f"{a.out}: {what}, {len(model.vocabulary)} stems")


if __name__ == "__main__":
    main()
