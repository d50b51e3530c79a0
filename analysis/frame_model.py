"""A trained sentence coder for the frames, beside the lexicon: opt-in, measured, traceable.

The lexicon (:mod:`analysis.lexicon`) codes a sentence with a frame when one of the
frame's entries matches it. On unseen articles of the genre it finds about two thirds
to four fifths of the sentences a careful reader codes (README, validity section). The
model here is a per-frame logistic regression trained on hand-coded sentences of the
genre (the committed validity sets, coded by the codebook). Its features are:

- the lexicon's own hits of the sentence per frame (capped at 3), the hits of the
  sentences before and after it in the article, and the article's share of sentences
  with hits of each frame (12 features for three frames: :func:`context_features`);
- the sentence's stems (:func:`sentence_stems`), 1 when present, for the stems of the
  training vocabulary.

A sentence is coded with a frame when the model's probability is at least the model's
threshold (0.5). The codebook's sentence rules hold as for the lexicon: an attribution-
only sentence and every sentence of an off-genre article get no frame. The weights are
package data (``analysis/data/frame_model.json``: stems and numbers, no text), written
by ``tests/validity/train_frame_model.py`` from the committed codes and the local
texts.

Nothing else in the package uses the model: :func:`analysis.frames.frame_scores`, the
figures and every rate count lexicon hits. :func:`model_frames` gives both codings side
by side, sentence by sentence, with the words that weighed most as evidence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .frame_coding import code_corpus
from .genre import is_on_genre
from .lexicon import FrameError, FrameMatcher
from .quotes import is_attribution_only
from .tokens import tokenize

__all__ = ["FrameModel", "context_features", "load_frame_model", "model_frames", "sentence_stems"]

#: The packaged model.
MODEL_PATH = Path(__file__).parent / "data" / "frame_model.json"
#: Own hits above this count as this many (a long sentence is not surer for its 5th hit).
HIT_CAP = 3
#: Stems shown as a coded sentence's evidence.
N_EVIDENCE = 3


@dataclass(frozen=True)
class FrameModel:
    """Per-frame logistic regressions over context features and stems.

    ``probability = 1 / (1 + exp(-(intercept + context @ w_context + stems @ w_words)))``
    for each frame; a sentence is coded when it is at least ``threshold``.
    """

    frames: tuple[str, ...]
    vocabulary: dict[str, int]  # stem -> column of ``words``
    words: np.ndarray  # (n_stems, n_frames)
    context: np.ndarray  # (4 * n_frames, n_frames)
    intercept: np.ndarray  # (n_frames,)
    threshold: float = 0.5
    trained_on: str = ""  # what the weights were fitted on, in words

    def decision(self, context: np.ndarray, stems: list[list[str]]) -> np.ndarray:
        """The linear score of every sentence and frame: (n_sentences, n_frames)."""
        score = context @ self.context + self.intercept
        vocab = self.vocabulary
        pairs = {(i, vocab[w]) for i, words in enumerate(stems) for w in words if w in vocab}
        if pairs:  # each stem once per sentence (binary features), summed in C
            rows, cols = np.array(sorted(pairs)).T
            np.add.at(score, rows, self.words[cols])
        return score

    def probability(self, context: np.ndarray, stems: list[list[str]]) -> np.ndarray:
        """The model's probability of every sentence and frame."""
        return 1.0 / (1.0 + np.exp(-self.decision(context, stems)))

    def evidence(self, stems: list[str], frame: int) -> str:
        """The sentence's stems that weigh most for ``frame``, with their weights
        (``"kinerja +1.52; target +0.80"``); ``""`` when none weighs for it."""
        found = sorted(
            {
                (float(self.words[self.vocabulary[w], frame]), w)
                for w in stems
                if w in self.vocabulary
            },
            key=lambda t: (-t[0], t[1]),
        )
        return "; ".join(f"{w} {x:+.2f}" for x, w in found[:N_EVIDENCE] if x > 0)


def load_frame_model(path: str | Path | None = None) -> FrameModel:
    """Read a model file (default: the packaged one).

    Raises
    ------
    FrameError
        When the file is missing, is not JSON, or lacks a part or has parts of the
        wrong shape; the message names the file and the problem.
    """
    path = Path(path) if path is not None else MODEL_PATH
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FrameError(f"{path}: cannot read the frame model ({exc.strerror})") from None
    except json.JSONDecodeError as exc:
        raise FrameError(f"{path}: not a frame model (JSON error at line {exc.lineno})") from None
    return frame_model_from_dict(data, str(path))


def frame_model_from_dict(data: dict, source: str = "frame model") -> FrameModel:
    """The :class:`FrameModel` of a model file's content (``source`` names it in errors).

    Raises
    ------
    FrameError
        When a part is missing or of the wrong shape.
    """
    try:
        frames = tuple(data["frames"])
        vocab = list(data["vocabulary"])
        words = np.asarray(data["words"], dtype=float).reshape(len(vocab), len(frames))
        context = np.asarray(data["context"], dtype=float).reshape(4 * len(frames), len(frames))
        intercept = np.asarray(data["intercept"], dtype=float).reshape(len(frames))
        threshold = float(data.get("threshold", 0.5))
    except (KeyError, TypeError, ValueError) as exc:
        raise FrameError(f"{source}: not a frame model ({type(exc).__name__}: {exc})") from None
    if len(set(vocab)) != len(vocab) or not np.isfinite(words).all():
        raise FrameError(f"{source}: not a frame model (repeated stems or non-finite weights)")
    return FrameModel(
        frames,
        {w: i for i, w in enumerate(vocab)},
        words,
        context,
        intercept,
        threshold,
        str(data.get("trained_on", "")),
    )


def sentence_stems(text: str) -> list[str]:
    """The stems of a sentence as the model reads them (:func:`analysis.tokens.tokenize`
    with ``stem=True``; acronyms and names kept as written, lower-cased)."""
    return tokenize(text, stem=True)


def context_features(hits: np.ndarray, doc_ids: Any) -> np.ndarray:
    """The lexicon context of every sentence: (n_sentences, 4 * n_frames).

    Parameters
    ----------
    hits : ndarray
        Lexicon hits per sentence and frame, sentences of an article together and in
        order.
    doc_ids : array-like
        The article of each sentence.

    Returns
    -------
    ndarray
        Per frame, in four blocks: the sentence's own hits (capped at :data:`HIT_CAP`),
        those of the sentence before and of the sentence after it in the same article
        (0 at the article's ends), and the article's share of sentences with a hit.
    """
    own = np.minimum(np.asarray(hits, dtype=float), HIT_CAP)
    n = len(own)
    prev, nxt, share = np.zeros_like(own), np.zeros_like(own), np.zeros_like(own)
    if n:
        codes = pd.factorize(pd.Series(np.asarray(doc_ids, dtype=object)))[0]
        same = codes[1:] == codes[:-1]
        prev[1:][same] = own[:-1][same]
        nxt[:-1][same] = own[1:][same]
        sums = np.zeros((codes.max() + 1, own.shape[1]))
        np.add.at(sums, codes, own > 0)
        share = sums[codes] / np.bincount(codes)[codes][:, None]
    return np.hstack([own, prev, nxt, share])


def model_frames(
    corpus: Any,
    *,
    model: FrameModel | str | Path | None = None,
    lexicon: Any = None,
    genre_check: bool = True,
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Code every sentence with the trained model, beside the lexicon's hits.

    Parameters
    ----------
    corpus : DataFrame, iterable of dict, str or Path
        A corpus, as for :func:`analysis.frames.frame_scores`.
    model : FrameModel, str or Path, optional
        A model or a model file (default: the packaged model).
    lexicon : FrameMatcher or lexicon source, optional
        The lexicon whose hits are the model's context features (default: the packaged
        one, which the packaged model was trained with); its frames must be the model's.
    genre_check : bool
        Give no frame to off-genre articles (default), as the codebook does.
    jobs, engine, progress : int or None, str, bool or None
        How the corpus is coded, as for :func:`analysis.frames.frame_scores`.

    Returns
    -------
    pandas.DataFrame
        One row per sentence and frame (sentences in corpus order, frames in the
        model's order): ``doc_id``, ``sentence_no``, ``sentence``, ``voice``,
        ``speaker``, ``frame``; ``hits`` (the lexicon's matches, as in
        ``frame_scores(by="sentence")``); ``probability`` (the model's, 0-1);
        ``coded`` (1 when ``probability`` reaches the threshold and the sentence is
        neither attribution-only nor in an off-genre article, else 0); ``words`` (for
        a coded sentence, its stems that weigh most for the frame, with their weights).

    Raises
    ------
    FrameError
        When the lexicon's frames are not the model's, or the model file is bad.

    Notes
    -----
    The model is a logistic regression per frame trained on about 3,900 hand-coded
    sentences of 271 articles (49 of them off-genre). Trained on the other sets and
    tested on each of the six validity sets the lexicon was never or hardly tuned on, it
    reached sentence macro-F1 0.79-0.84 where the lexicon reached 0.75-0.79 (README,
    validity section). It was never trained on your corpus: validate it on a sample of
    yours (:func:`analysis.sample_for_coding`) as you would the lexicon.
    """
    model = model if isinstance(model, FrameModel) else load_frame_model(model)
    matcher = lexicon if isinstance(lexicon, FrameMatcher) else FrameMatcher(lexicon)
    if tuple(matcher.frames) != model.frames:
        raise FrameError(
            f"the lexicon's frames {list(matcher.frames)} are not the model's {list(model.frames)}"
        )
    coded = code_corpus(
        corpus,
        matcher,
        evidence=False,
        genre_check=genre_check,
        jobs=jobs,
        engine=engine,
        progress=progress,
    )
    table = coded.table.reset_index(drop=True)
    texts = table["sentence"].astype(str).tolist()
    doc_ids = table["doc_id"].to_numpy()
    stems = [sentence_stems(t) for t in texts]
    prob = model.probability(context_features(coded.hits, doc_ids), stems)
    allowed = np.array([not is_attribution_only(t) for t in texts], dtype=bool)
    if genre_check and len(texts):
        joined = pd.Series(texts).groupby(doc_ids, sort=False).agg(" ".join)
        on = {d: is_on_genre(body) for d, body in joined.items()}
        allowed &= np.array([on[d] for d in doc_ids], dtype=bool)
    is_coded = (prob >= model.threshold) & allowed[:, None]
    nf = len(model.frames)
    evidence = [
        model.evidence(stems[i], k) if is_coded[i, k] else ""
        for i in range(len(texts))
        for k in range(nf)
    ]
    rep = lambda col: np.repeat(table[col].to_numpy(), nf)  # noqa: E731
    out = pd.DataFrame(
        {
            "doc_id": rep("doc_id"),
            "sentence_no": rep("sentence_no"),
            "sentence": rep("sentence"),
            "voice": rep("voice"),
            "speaker": np.repeat(table["speaker"].fillna("").to_numpy(), nf),
            "frame": np.tile(np.asarray(model.frames, dtype=object), len(texts)),
            "hits": coded.hits.ravel().astype("int64"),
            "probability": prob.ravel(),
            "coded": is_coded.ravel().astype("int64"),
            "words": np.asarray(evidence, dtype=object),
        }
    )
    out.index.name = "row"
    return out
