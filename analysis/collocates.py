"""Window collocates of a node word: logDice, T-score, MI and log-likelihood G2.

What AntConc's *Collocates* tool and Sketch Engine's collocation list give a corpus
linguist: every word that occurs within ``window`` words either side of a node word
(*kinerja*, *disiplin*), counted inside sentences, with the association measures of
Evert (2008) and Rychlý (2008) computed from the same four numbers. Reachable as
:func:`analysis.terms.collocates`.

Counts (the notation of Evert 2008):

``N``
    The corpus size: running word tokens of the cleaned bodies, **stopwords included**
    (the ``words`` of :func:`analysis.terms.term_frequencies`; numbers without a letter
    are not tokens).
``f_node``
    Occurrences of the node.
``freq``
    Occurrences of the collocate (its corpus frequency, ``f_coll``).
``O11``
    Co-occurrences: for every occurrence of the node, the tokens of the collocate among
    the ``window`` tokens before it and the ``window`` tokens after it, in the same
    sentence (windows never cross a sentence or an article). A token inside the windows of
    two node occurrences is counted once for each.
``E11``
    The co-occurrences expected by chance in a window span, ``f_node * f_coll * span / N``
    with ``span = 2 * window`` (Evert 2008, section 3.1 on surface co-occurrence, and
    AntConc's window collocates): each of the ``span`` positions around each node is
    filled by the collocate with probability ``f_coll / N``. The nominal span is used even
    where a sentence edge cuts a window short, as AntConc does.

References
----------
Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence.
    *Computational Linguistics*, 19(1), 61-74.
Church, K. W., & Hanks, P. (1990). Word association norms, mutual information, and
    lexicography. *Computational Linguistics*, 16(1), 22-29.
Evert, S. (2008). Corpora and collocations. In A. Lüdeling & M. Kytö (Eds.), *Corpus
    Linguistics. An International Handbook* (article 58). Mouton de Gruyter.
Rychlý, P. (2008). A lexicographer-friendly association score. In *Proceedings of Recent
    Advances in Slavonic Natural Language Processing (RASLAN 2008)*, 6-9.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from .counting import excluded_terms
from .parallel import map_documents
from .tokens import stopword_set, tokenize, tokenize_sentences

__all__ = ["COLLOCATE_COLUMNS", "MEASURES", "association_scores", "collocates"]

#: The association measures, as ``measure=`` takes them and as the columns are named.
MEASURES = ("logdice", "t", "mi", "g2")

#: Columns of :func:`collocates`, in order.
COLLOCATE_COLUMNS = ("o11", "left", "right", "freq", "e11", *MEASURES, "rank")


def association_scores(
    o11: Any, f_node: float, f_coll: Any, n: float, span: int
) -> dict[str, np.ndarray]:
    """logDice, T-score, MI and signed log-likelihood G2 of window co-occurrence counts.

    Parameters
    ----------
    o11 : array-like of int
        Co-occurrences of the node with each collocate (all >= 1).
    f_node : float
        Occurrences of the node in the corpus.
    f_coll : array-like of int
        Occurrences of each collocate in the corpus.
    n : float
        Corpus size in tokens.
    span : int
        Window positions around each node occurrence (``2 * window``).

    Returns
    -------
    dict of str to numpy.ndarray
        ``e11`` (expected co-occurrences, ``f_node * f_coll * span / n``) and the four
        scores:

        ``logdice``
            Rychlý (2008): ``14 + log2(2 * o11 / (f_node + f_coll))``; at most 14 (the two
            words always together), independent of the corpus size.
        ``t``
            T-score ``(o11 - e11) / sqrt(o11)`` (Church & Hanks 1990; Evert 2008): how
            sure the attraction is; favours frequent collocates.
        ``mi``
            Mutual information ``log2(o11 / e11)`` (Church & Hanks 1990): how much more
            often than chance, in bits; favours rare, exclusive collocates.
        ``g2``
            Dunning's (1993) log-likelihood ``2 * sum(O * ln(O / E))`` over the 2x2 table
            of window positions (node windows or not) by token (collocate or not):
            ``O11``, ``O12 = R1 - O11``, ``O21 = f_coll - O11``, ``O22 = n - R1 - f_coll +
            O11`` with ``R1 = f_node * span`` and ``E_ij = R_i * C_j / n`` (so ``E11`` is
            the ``e11`` above; Evert 2008). A cell below 0 (a tiny corpus, where the
            nominal windows outnumber the tokens) counts as 0. **Signed**, as in
            :mod:`analysis.keyness`: negative when ``o11 < e11`` (the words avoid each
            other).
    """
    o11 = np.asarray(o11, dtype=np.float64)
    f_coll = np.asarray(f_coll, dtype=np.float64)
    r1 = float(f_node) * span
    r2 = n - r1
    c2 = n - f_coll
    e11 = r1 * f_coll / n
    observed = [o11, r1 - o11, f_coll - o11, n - r1 - f_coll + o11]
    expected = [e11, r1 * c2 / n, r2 * f_coll / n, r2 * c2 / n]
    g2 = np.zeros_like(o11)
    for o, e in zip(observed, expected):
        o = np.maximum(o, 0.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            g2 += np.where((o > 0) & (e > 0), o * np.log(o / np.where(e > 0, e, 1.0)), 0.0)
    g2 = 2.0 * g2 * np.where(o11 < e11, -1.0, 1.0)
    return {
        "e11": e11,
        "logdice": 14.0 + np.log2(2.0 * o11 / (float(f_node) + f_coll)),
        "t": (o11 - e11) / np.sqrt(o11),
        "mi": np.log2(o11 / e11),
        "g2": g2,
    }


def _doc_windows(
    doc: Mapping[str, Any], *, node: str, window: int, stem: bool, fold: bool
) -> tuple[list[str], list[str], list[str], int]:
    """(tokens, left neighbours, right neighbours, node occurrences) of one document.

    The tokens are every token of the body (stopwords included); the neighbours are the
    tokens within ``window`` positions before and after each occurrence of the node, in
    its sentence.
    """
    tokens: list[str] = []
    left: list[str] = []
    right: list[str] = []
    hits = 0
    for sent in tokenize_sentences(doc["body"] or "", stem=stem, fold_reduplication=fold):
        tokens.extend(sent)
        if node not in sent:
            continue
        for i, tok in enumerate(sent):
            if tok == node:
                hits += 1
                left.extend(sent[max(0, i - window) : i])
                right.extend(sent[i + 1 : i + 1 + window])
    return tokens, left, right, hits


def _merge(results: Iterable[tuple]) -> tuple[Counter, Counter, Counter, int]:
    """Count the documents' tokens and neighbours (per chunk, in the worker)."""
    freq, left, right, hits = Counter(), Counter(), Counter(), 0
    for tokens, lft, rgt, h in results:
        freq.update(tokens)
        left.update(lft)
        right.update(rgt)
        hits += h
    return freq, left, right, hits


def _node_token(node: str, *, stem: bool, fold: bool) -> str:
    """The node as the tokens are counted (lower case; its stem with ``stem=True``)."""
    if not isinstance(node, str):
        raise TypeError(f"node must be a word (str), got {type(node).__name__}")
    found = tokenize(node, stem=stem, fold_reduplication=fold)
    if len(found) != 1:
        raise ValueError(f"node must be one word, got {node!r}")
    return found[0]


def _check_options(window: int, measure: str, min_count: int) -> None:
    if isinstance(window, bool) or not isinstance(window, int) or window < 1:
        raise ValueError(f"window must be a whole number >= 1, got {window!r}")
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}, got {measure!r}")
    if isinstance(min_count, bool) or not isinstance(min_count, int) or min_count < 1:
        raise ValueError(f"min_count must be a whole number >= 1, got {min_count!r}")


def collocates(
    corpus: Any,
    node: str,
    window: int = 5,
    measure: str = "logdice",
    *,
    stem: bool = False,
    drop_stopwords: bool = True,
    stopwords: Iterable[str] | None = None,
    fold_reduplication: bool = False,
    exclude: Iterable[str] = (),
    min_count: int = 1,
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Window collocates of ``node``, scored by logDice, T-score, MI and G2.

    Counts are defined in the module docstring (:mod:`analysis.collocates`): ``O11``
    co-occurrences within ``window`` words either side inside a sentence, the corpus
    frequencies, and ``E11 = f_node * f_coll * span / N`` with ``span = 2 * window``.

    Parameters
    ----------
    corpus : Any
        Anything :func:`analysis.corpus.as_documents` accepts.
    node : str
        One word (``kinerja``); matched in lower case, by its stem with ``stem=True``
        (``kedisiplinan`` and ``disiplin`` both find every form of *disiplin*).
    window : int
        Words counted on each side of the node (default 5, AntConc's 5L-5R); stopwords
        take their place in the window like any word.
    measure : {"logdice", "t", "mi", "g2"}
        The score that orders the rows and gives ``rank`` (default ``"logdice"``).
    stem : bool
        Count stems (:func:`analysis.stemming.stem_word`) instead of word forms, node and
        collocates alike.
    drop_stopwords : bool
        Leave out collocates that are stopwords (default ``True``); with ``stem=True`` a
        collocate is a stopword when its stem is.
    stopwords : iterable of str or None
        The stopword list (``None``: :data:`analysis.tokens.DEFAULT_STOPWORDS`), as in
        :func:`analysis.terms.term_counts`.
    fold_reduplication : bool
        Count ``program-program`` as ``program``.
    exclude : iterable of str
        Collocates to leave out (e.g. :func:`analysis.terms.metadata_terms`).
    min_count : int
        Leave out collocates with fewer than this many co-occurrences (``o11``).
    jobs, engine, progress : int or None, str, bool or None
        How to run over a large corpus, as in :func:`analysis.terms.term_counts`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``collocate``, one row per collocate, sorted by ``measure`` descending,
        ties by collocate. Columns: ``o11`` (co-occurrences), ``left`` and ``right`` (of
        them, before and after the node), ``freq`` (the collocate's corpus frequency),
        ``e11`` (expected co-occurrences), the scores ``logdice``, ``t``, ``mi``, ``g2``
        (see :func:`association_scores`) and ``rank`` (by ``measure``, 1 = strongest; ties
        share the lower rank). ``frame.attrs`` holds ``node`` (as counted), ``node_freq``
        (``f_node``), ``corpus_size`` (``N``), ``window`` and ``measure``. Empty when the
        node does not occur.

    Raises
    ------
    ValueError
        If ``node`` is not one word, ``window`` or ``min_count`` is not a whole number
        >= 1, or ``measure`` is unknown.

    Examples
    --------
    >>> collocates(load_corpus(), "kinerja", measure="logdice").head()  # doctest: +SKIP
    """
    _check_options(window, measure, min_count)
    key = _node_token(node, stem=stem, fold=fold_reduplication)
    stops = stopword_set(stopwords, drop=drop_stopwords)
    excluded = excluded_terms(exclude)
    freq, left, right, hits = Counter(), Counter(), Counter(), 0
    func = partial(_doc_windows, node=key, window=window, stem=stem, fold=fold_reduplication)
    for f, lft, rgt, h in map_documents(
        func, corpus, combine=_merge, jobs=jobs, engine=engine, progress=progress, desc="collocates"
    ):
        freq.update(f)
        left.update(lft)
        right.update(rgt)
        hits += h
    n = sum(freq.values())
    terms = sorted(
        t
        for t in set(left) | set(right)
        if t not in stops and t not in excluded and left[t] + right[t] >= min_count
    )
    o11 = np.array([left[t] + right[t] for t in terms], dtype=np.int64)
    scores = association_scores(o11, hits, [freq[t] for t in terms], float(n), 2 * window)
    frame = pd.DataFrame(
        {
            "o11": o11,
            "left": np.array([left[t] for t in terms], dtype=np.int64),
            "right": np.array([right[t] for t in terms], dtype=np.int64),
            "freq": np.array([freq[t] for t in terms], dtype=np.int64),
            **scores,
        },
        index=pd.Index(terms, name="collocate", dtype=object),
    )
    frame = frame.sort_values(measure, ascending=False, kind="mergesort")  # ties stay a-z
    frame["rank"] = frame[measure].rank(method="min", ascending=False).astype("int64")
    frame = frame[list(COLLOCATE_COLUMNS)]
    frame.attrs.update(node=key, node_freq=hits, corpus_size=n, window=window, measure=measure)
    return frame
