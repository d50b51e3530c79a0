"""A trained sentence coder for the frames, beside the lexicon: opt-in, measured, traceable.

The lexicon (:mod:`analysis.lexicon`) codes a sentence with a frame when one of the
frame's entries matches it. On unseen articles of the genre it finds about two thirds
to four fifths of the sentences a careful reader codes (README, validity section). The
model here is a per-frame logistic regression trained on hand-coded sentences of the
genre (the committed validity sets, coded by the codebook; :func:`fit_frame_model`
fits one on codes of your own). Its features are:

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
import re
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .frame_coding import code_corpus, off_genre_rows, sentence_frame_columns
from .lexicon import FrameError, FrameMatcher
from .quotes import is_attribution_only
from .tokens import tokenize

__all__ = [
    "FrameModel",
    "context_features",
    "fit_frame_model",
    "frame_model_from_dict",
    "load_frame_model",
    "model_frames",
    "name_words",
    "sentence_stems",
    "vocabulary",
]

#: The packaged model.
MODEL_PATH = Path(__file__).parent / "data" / "frame_model.json"
#: Own hits above this count as this many (a long sentence is not surer for its 5th hit).
HIT_CAP = 3
#: Stems shown as a coded sentence's evidence.
N_EVIDENCE = 3
#: Decimals kept of each fitted weight (a model file stays small; a probability moves by
#: less than 1e-4).
DECIMALS = 5


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
        """The linear score of every sentence and frame: (n_sentences, n_frames).

        Each stem of the vocabulary counts once per sentence (binary features); the
        sums run in C, one pass per frame (memory: one index per sentence and stem).
        """
        score = np.asarray(context, dtype=float) @ self.context + self.intercept
        rows, cols = stem_positions(stems, self.vocabulary)
        for k in range(score.shape[1]):
            score[:, k] += np.bincount(rows, self.words[cols, k], minlength=len(stems))
        return score

    def to_dict(self) -> dict:
        """The model as a model file holds it (:func:`frame_model_from_dict` reads it)."""
        vocab = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return {
            "format": 1,
            "frames": list(self.frames),
            "threshold": self.threshold,
            "trained_on": self.trained_on,
            "intercept": self.intercept.tolist(),
            "context": self.context.tolist(),
            "vocabulary": vocab,
            "words": self.words.tolist(),
        }

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
        if data.get("format", 1) != 1:
            raise ValueError(f"format {data.get('format')!r}, this package reads format 1")
        frames = tuple(data["frames"])
        vocab = list(data["vocabulary"])
        words = np.asarray(data["words"], dtype=float).reshape(len(vocab), len(frames))
        context = np.asarray(data["context"], dtype=float).reshape(4 * len(frames), len(frames))
        intercept = np.asarray(data["intercept"], dtype=float).reshape(len(frames))
        threshold = float(data.get("threshold", 0.5))
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise FrameError(f"{source}: not a frame model ({type(exc).__name__}: {exc})") from None
    problem = (
        "no frames"
        if not frames
        else "repeated frames"
        if len(set(frames)) != len(frames)
        else "repeated stems"
        if len(set(vocab)) != len(vocab)
        else "non-finite weights"
        if not all(np.isfinite(a).all() for a in (words, context, intercept))
        else f"threshold {threshold} outside (0, 1)"
        if not 0 < threshold < 1
        else ""
    )
    if problem:
        raise FrameError(f"{source}: not a frame model ({problem})")
    return FrameModel(
        frames,
        {w: i for i, w in enumerate(vocab)},
        words,
        context,
        intercept,
        threshold,
        str(data.get("trained_on", "")),
    )


def stem_positions(stems: list[list[str]], vocabulary: dict[str, int]) -> tuple:
    """The binary stem features of sentences as two index arrays ``(rows, cols)``: one
    entry per sentence and stem of ``vocabulary`` it holds (each stem once, in the order
    of its first place in the sentence)."""
    cols = [[vocabulary[w] for w in dict.fromkeys(words) if w in vocabulary] for words in stems]
    lengths = np.fromiter(map(len, cols), dtype=np.int64, count=len(cols))
    rows = np.repeat(np.arange(len(cols)), lengths)
    flat = np.fromiter(chain.from_iterable(cols), dtype=np.int64, count=int(lengths.sum()))
    return rows, flat


def sentence_stems(text: str) -> list[str]:
    """The stems of a sentence as the model reads them (:func:`analysis.tokens.tokenize`
    with ``stem=True``; acronyms and names kept as written, lower-cased)."""
    return tokenize(text, stem=True)


def context_features(hits: np.ndarray, doc_ids: Any, sentence_no: Any = None) -> np.ndarray:
    """The lexicon context of every sentence: (n_sentences, 4 * n_frames).

    Parameters
    ----------
    hits : ndarray
        Lexicon hits per sentence and frame.
    doc_ids : array-like
        The article of each sentence.
    sentence_no : array-like, optional
        The number of each sentence in its article. The sentence before is the one
        numbered one less in the same article, the sentence after one more, in any row
        order; without numbers, the rows are taken as each article's sentences in
        order, together.

    Returns
    -------
    ndarray
        Per frame, in four blocks: the sentence's own hits (capped at :data:`HIT_CAP`),
        those of the sentence before and of the sentence after it (0 when that sentence
        is not among the rows: at the article's ends, or left out of a filtered table),
        and the share of the article's rows with a hit.
    """
    own = np.minimum(np.asarray(hits, dtype=float), HIT_CAP)
    n = len(own)
    prev, nxt, share = np.zeros_like(own), np.zeros_like(own), np.zeros_like(own)
    if not n:
        return np.hstack([own, prev, nxt, share])
    codes = pd.factorize(pd.Series(np.asarray(doc_ids, dtype=object)), use_na_sentinel=False)[0]
    numbers = np.arange(n) if sentence_no is None else np.asarray(sentence_no, dtype=np.int64)
    order = np.lexsort((numbers, codes))  # each article's sentences together, by number
    c, num, o = codes[order], numbers[order], own[order]
    follows = (c[1:] == c[:-1]) & (num[1:] == num[:-1] + 1)
    prev[order[1:][follows]] = o[:-1][follows]
    nxt[order[:-1][follows]] = o[1:][follows]
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
        Another lexicon gives hits the weights were not fitted on: refit the model with
        it (:func:`fit_frame_model`) rather than mix them.
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
        neither attribution-only nor in an off-genre article, else 0); ``context``
        (the part of the model's score, in log-odds, that the lexicon's hits of the
        sentence, its neighbours and its article give: the intercept and the weights
        of the sentence's stems make the rest); ``words`` (for a coded sentence, its
        stems that weigh most for the frame, with their weights).

    Raises
    ------
    FrameError
        When the lexicon's frames are not the model's, or the model file is bad.

    Notes
    -----
    The packaged model is a logistic regression per frame fitted on 5,980 sentences of
    409 hand-coded articles (77 of them off-genre). Fitted on the other sets and tested
    on each of the thirteen validity sets from fresh set 3 on, it reached sentence
    macro-F1 0.77-0.88 where the lexicon reached 0.74-0.84 (README, validity section).
    It was never trained on your corpus: validate it on a sample of yours
    (:func:`analysis.sample_for_coding`) as you would the lexicon.
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
    numbers = table["sentence_no"].to_numpy()
    context = context_features(coded.hits, doc_ids, numbers)
    prob = model.probability(context, stems)
    allowed = np.array([not is_attribution_only(t) for t in texts], dtype=bool)
    if genre_check:
        allowed &= ~off_genre_rows(texts, doc_ids)
    is_coded = (prob >= model.threshold) & allowed[:, None]
    nf = len(model.frames)
    evidence = [
        model.evidence(stems[i], k) if is_coded[i, k] else ""
        for i in range(len(texts))
        for k in range(nf)
    ]
    out = pd.DataFrame(
        {
            **sentence_frame_columns(table, model.frames, coded.hits),
            "probability": prob.ravel(),
            "coded": is_coded.ravel().astype("int64"),
            "context": (context @ model.context).ravel(),
            "words": np.asarray(evidence, dtype=object),
        }
    )
    out.index.name = "row"
    return out


def name_words(texts: Any) -> set[str]:
    """The words, lower-cased, that ``texts`` only ever write with a capital first letter
    and the rest in lower case (``Ahmad``, ``Balikpapan``): names of people and places,
    which a model should not weigh. Acronyms (``OPD``) and words also written in lower
    case are not among them."""
    title, other = set(), set()
    for text in texts:
        for w in re.findall(r"[^\W\d_]+", str(text)):
            (title if w[0].isupper() and w[1:].islower() else other).add(w.lower())
    return title - other


def vocabulary(
    stems: list[list[str]], doc_ids: Any, min_articles: int = 2, exclude: Any = ()
) -> list[str]:
    """The stems a model weighs: those with a letter in at least ``min_articles``
    articles and two sentences, less ``exclude`` (numbers, one article's words and the
    given names are left out), sorted."""
    exclude = set(exclude)
    arts: dict[str, set] = {}
    sents: dict[str, int] = {}
    for words, doc in zip(stems, doc_ids):
        for w in set(words):
            arts.setdefault(w, set()).add(doc)
            sents[w] = sents.get(w, 0) + 1
    return sorted(
        w
        for w, a in arts.items()
        if len(a) >= min_articles
        and sents[w] >= 2
        and any(map(str.isalpha, w))
        and w not in exclude
    )


def fit_frame_model(
    sentences: pd.DataFrame,
    *,
    lexicon: Any = None,
    c: float = 1.0,
    min_articles: int = 2,
    trained_on: str = "",
) -> FrameModel:
    """Fit a model on hand-coded sentences of whole articles (needs scikit-learn).

    Parameters
    ----------
    sentences : pandas.DataFrame
        The package's sentences of the coded articles (``doc_id``, ``sentence_no``,
        ``sentence``, as :func:`analysis.quotes.sentence_table` gives them: the model
        is fitted on the sentences it will code) and one 0/1 column per frame of the
        lexicon, the coder's codes. Whole articles: the features read each sentence's
        neighbours and its article.
    lexicon : FrameMatcher or lexicon source, optional
        The lexicon whose hits are the context features (default: the packaged one).
    c : float
        Inverse strength of the L2 penalty of each logistic regression.
    min_articles : int
        A stem is a feature when it is in at least this many articles and is not a
        name (see :func:`vocabulary` and :func:`name_words`).
    trained_on : str
        What the codes are, in words, kept in the model file.

    Returns
    -------
    FrameModel
        Per frame, a logistic regression (lbfgs: the same data give the same weights),
        weights rounded to :data:`DECIMALS` decimals, threshold 0.5.

    Raises
    ------
    FrameError
        When a frame's column is missing or not 0/1, or a frame has no coded sentence
        or only coded ones.
    ImportError
        Without scikit-learn (the ``model`` extra: ``pip install -e ".[model]"``).
    """
    try:
        from scipy.sparse import csr_matrix, hstack
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - scikit-learn is in the dev extra
        raise ImportError(
            "fitting a frame model needs scikit-learn: pip install -e '.[model]'"
        ) from exc
    matcher = lexicon if isinstance(lexicon, FrameMatcher) else FrameMatcher(lexicon)
    frames = list(matcher.frames)
    missing = [f for f in frames if f not in sentences.columns]
    if missing:
        raise FrameError(f"the coded sentences lack the frame column(s) {missing}")
    y = sentences[frames].to_numpy()
    if not np.isin(y, (0, 1)).all():
        raise FrameError("the frame columns must hold 0 or 1")
    if (y.min(axis=0) == y.max(axis=0)).any():
        raise FrameError("every frame needs coded sentences with and without it")
    table = sentences[["doc_id", "sentence_no", "sentence"]].assign(voice="")
    coded = code_corpus(table.reset_index(drop=True), matcher)
    doc_ids = table["doc_id"].to_numpy()
    context = context_features(coded.hits, doc_ids, table["sentence_no"].to_numpy())
    stems = [sentence_stems(t) for t in table["sentence"].astype(str)]
    texts = table["sentence"].astype(str).tolist()
    vocab = vocabulary(stems, doc_ids, min_articles, exclude=name_words(texts))
    index = {w: i for i, w in enumerate(vocab)}
    rows, cols = stem_positions(stems, index)
    x_words = csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(stems), len(vocab)))
    x = hstack([x_words, csr_matrix(context)]).tocsr()
    coefs, intercepts = [], []
    for k in range(len(frames)):
        fitted = LogisticRegression(C=c, max_iter=3000).fit(x, y[:, k].astype(int))
        coefs.append(fitted.coef_[0])
        intercepts.append(fitted.intercept_[0])
    coef = np.round(np.array(coefs).T, DECIMALS)
    return FrameModel(
        tuple(frames),
        index,
        coef[: len(vocab)],
        coef[len(vocab) :],
        np.round(np.array(intercepts), DECIMALS),
        0.5,
        trained_on,
    )
