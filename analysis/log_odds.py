"""Fightin' Words: the log-odds ratio of a term in two corpora, with a Dirichlet prior.

* :func:`log_odds_dirichlet` -- Monroe, Colaresi & Quinn's "Fightin' Words" log-odds ratio with
  an informative Dirichlet prior, and its z-score, for two mappings ``term -> count``.
* :func:`log_odds_by_group` -- every group of a corpus (counted with
  :func:`analysis.terms.term_counts`) against the rest, by those z-scores.

It also holds what :mod:`analysis.keyness` shares with it (keyness imports this module, so
they live on this side): reading a mapping ``term -> count`` (a :class:`collections.Counter`,
a ``dict`` or a :class:`pandas.Series`) into a checked Series, aligning two of them, the
sorted result table, and choosing and labelling the groups compared with the rest.

Both functions were in :mod:`analysis.keyness` (and ``log_odds_by_group`` before that in
:mod:`analysis.terms`); their names still work there. The module is pure: it prints
nothing, writes no files and never mutates its inputs.

References
----------
Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical feature selection
    and evaluation for identifying the content of political conflict. *Political Analysis*,
    16(4), 372-403.
"""

from __future__ import annotations

import math
import numbers
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .terms import term_counts

__all__ = [
    "LOG_ODDS_COLUMNS",
    "log_odds_by_group",
    "log_odds_dirichlet",
]

CountsLike = Mapping[Hashable, Any] | pd.Series
"""A mapping ``term -> count`` (Counter, dict) or a Series indexed by term."""

LOG_ODDS_COLUMNS = ("count_i", "count_j", "delta", "z")

_MAX_NAMED = 5


# ---------------------------------------------------------------------------------------------
# Input handling (shared with analysis.keyness)
# ---------------------------------------------------------------------------------------------


def _name_terms(terms: Any) -> str:
    """Format up to five terms for an error message."""
    terms = list(terms)
    shown = ", ".join(repr(t) for t in terms[:_MAX_NAMED])
    more = len(terms) - _MAX_NAMED
    return shown + (f" (and {more} more)" if more > 0 else "")


def _as_series(counts: CountsLike, name: str, *, allow_empty: bool = False) -> pd.Series:
    """Validate a ``term -> count`` mapping and return it as a float64 Series (a new object).

    Raises
    ------
    TypeError
        If ``counts`` is not a mapping or a Series.
    ValueError
        If it is empty (unless ``allow_empty``), if a count is not a real number, is NaN or
        infinite, or is negative.
    """
    if isinstance(counts, pd.Series):
        if not counts.index.is_unique:
            dupes = counts.index[counts.index.duplicated()].unique().tolist()
            raise ValueError(f"{name} has duplicated terms in its index: {_name_terms(dupes)}")
        keys = counts.index.tolist()
        values: list[Any] | np.ndarray = counts.to_numpy()
    elif isinstance(counts, Mapping):
        keys = list(counts.keys())
        values = list(counts.values())  # Mapping views iterate in the same order
    else:
        raise TypeError(
            f"{name} must be a mapping of term -> count (e.g. collections.Counter), "
            f"got {type(counts).__name__}"
        )
    if not keys and not allow_empty:
        raise ValueError(f"{name} is empty: at least one term with a count is required")

    try:
        raw = np.asarray(values) if len(keys) else np.zeros(0, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} values must be single numbers (counts)") from exc
    if raw.ndim != 1:
        raise ValueError(f"{name} values must be single numbers (counts)")
    if raw.dtype.kind not in "iuf":
        bad = [
            k
            for k, v in zip(keys, raw.tolist(), strict=True)
            if isinstance(v, bool) or not isinstance(v, numbers.Real)
        ]
        if bad:
            raise ValueError(
                f"{name} has counts that are not real numbers for term(s) {_name_terms(bad)}"
            )
    arr = raw.astype(np.float64)

    not_finite = ~np.isfinite(arr)
    if not_finite.any():
        bad = [keys[i] for i in np.flatnonzero(not_finite)]
        raise ValueError(f"{name} has NaN or infinite counts for term(s) {_name_terms(bad)}")
    negative = arr < 0
    if negative.any():
        bad = [keys[i] for i in np.flatnonzero(negative)]
        raise ValueError(f"{name} has negative counts for term(s) {_name_terms(bad)}")
    return pd.Series(arr, index=pd.Index(keys, name="term"), dtype=np.float64, copy=True)


def _corpus_size(series: pd.Series, name: str) -> float:
    total = float(series.sum())
    if total <= 0:
        raise ValueError(
            f"{name} sums to 0: a zero-size corpus has no relative frequencies to compare"
        )
    return total


def _aligned(left: pd.Series, right: pd.Series) -> tuple[pd.Index, np.ndarray, np.ndarray]:
    """Union of the two indexes and both count vectors aligned on it (missing -> 0)."""
    index = left.index.union(right.index, sort=False).rename("term")
    a = left.reindex(index, fill_value=0.0).to_numpy(dtype=np.float64)
    b = right.reindex(index, fill_value=0.0).to_numpy(dtype=np.float64)
    return index, a, b


def _count_column(values: np.ndarray) -> np.ndarray:
    """Counts as int64 when they are all whole numbers (the usual case), else float64."""
    if values.size == 0 or (np.all(values == np.floor(values)) and values.max() < 2.0**63):
        return values.astype(np.int64)
    return values


def _sort_desc(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Sort by ``column`` descending, ties broken by term ascending (deterministic)."""
    return frame.sort_values(by=[column, "term"], ascending=[False, True], kind="mergesort")


# ---------------------------------------------------------------------------------------------
# Every group of a corpus against the rest (with analysis.keyness.keyness_by_group)
# ---------------------------------------------------------------------------------------------


def _chosen_groups(
    counts: Mapping[Hashable, Counter],
    groups: Iterable[Hashable] | None,
    *,
    by: str,
    method: str,
) -> list[Hashable]:
    """The groups to compare with the rest (default: all); a clear error when impossible."""
    chosen = list(counts) if groups is None else list(groups)
    missing = [g for g in chosen if g not in counts]
    if missing:
        raise ValueError(
            f"no {by} {', '.join(map(repr, missing))} in the corpus; "
            f"available: {', '.join(map(str, counts))}"
        )
    if len(counts) < 2:
        raise ValueError(
            f"{method} needs at least two groups of {by!r} to compare, found {len(counts)}"
        )
    return chosen


def _labelled(table: pd.DataFrame, group: Hashable, by: str) -> pd.DataFrame:
    """``table`` (indexed by term) indexed by (``by``, ``term``) with ``group`` in front."""
    table.index = pd.MultiIndex.from_arrays(
        [pd.Index([group] * len(table), dtype=object), pd.Index(table.index, dtype=object)],
        names=[by, "term"],
    )
    return table


# ---------------------------------------------------------------------------------------------
# Fightin' Words
# ---------------------------------------------------------------------------------------------


def log_odds_dirichlet(
    counts_i: CountsLike,
    counts_j: CountsLike,
    prior: CountsLike,
) -> pd.DataFrame:
    """Log-odds ratio with an informative Dirichlet prior ("Fightin' Words").

    Monroe, Colaresi & Quinn (2008), section 3.5: the difference between the log-odds of a term
    in corpus ``i`` and in corpus ``j``, each shrunk towards a prior, and its z-score. Moved
    here from :mod:`analysis.keyness`, where ``analysis.keyness.log_odds_dirichlet`` still works.

    Parameters
    ----------
    counts_i, counts_j : Mapping[term, int] or pandas.Series
        Term frequencies of the two corpora. ``n_i`` and ``n_j`` are the sums of all their
        values; both must be positive.
    prior : Mapping[term, float] or pandas.Series
        Dirichlet pseudo-counts ``alpha_w``, typically the term counts of a large background
        corpus (or of ``i`` and ``j`` pooled). ``alpha_0`` is the sum of all its values,
        including terms that occur in neither corpus. Every term of ``counts_i`` or
        ``counts_j`` must have ``alpha_w > 0``: the model is undefined otherwise.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``term`` (the union of the keys of ``counts_i`` and ``counts_j``), sorted by
        ``z`` descending with ties broken by ``term`` ascending. Columns, in this order:

        ``count_i``, ``count_j``
            ``y_i`` and ``y_j``, the term's counts in each corpus (0 if absent).
        ``delta``
            ``log((y_i + a_w) / (n_i + a_0 - y_i - a_w))
            - log((y_j + a_w) / (n_j + a_0 - y_j - a_w))``, the natural-log odds ratio.
            Positive: the term leans towards corpus ``i``; negative: towards ``j``.
        ``z``
            ``delta / sqrt(1 / (y_i + a_w) + 1 / (y_j + a_w))``, the estimate divided by the
            square root of its approximate variance. ``|z| > 1.96`` is the customary
            threshold. Swapping ``i`` and ``j`` negates both ``delta`` and ``z``.

    Raises
    ------
    TypeError
        If an input is not a mapping or Series.
    ValueError
        If a mapping is empty, has negative, NaN, infinite or non-numeric values, if ``n_i``,
        ``n_j`` or ``alpha_0`` is 0, if a term is missing from ``prior`` or has
        ``alpha_w == 0`` (up to five such terms are named), or if a term makes up the whole
        of a corpus and the whole of the prior (its odds are then infinite).

    References
    ----------
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words. *Political
    Analysis*, 16(4), 372-403.

    Examples
    --------
    >>> counts_i = {"kinerja": 52, "_rest": 39948}
    >>> counts_j = {"kinerja": 18, "_rest": 59982}
    >>> prior = {"kinerja": 7, "_rest": 993}
    >>> row = log_odds_dirichlet(counts_i, counts_j, prior).loc["kinerja"]
    >>> [round(float(row[column]), 4) for column in ("delta", "z")]
    [1.257, 5.2673]
    """
    series_i = _as_series(counts_i, "counts_i")
    series_j = _as_series(counts_j, "counts_j")
    series_prior = _as_series(prior, "prior")
    n_i = _corpus_size(series_i, "counts_i")
    n_j = _corpus_size(series_j, "counts_j")
    alpha_0 = float(series_prior.sum())
    if alpha_0 <= 0:
        raise ValueError("prior sums to 0: the Dirichlet prior needs positive pseudo-counts")

    index, y_i, y_j = _aligned(series_i, series_j)
    alpha = series_prior.reindex(index).to_numpy(dtype=np.float64)  # missing -> NaN
    undefined = ~(alpha > 0)
    if undefined.any():
        bad = index[undefined].tolist()
        raise ValueError(
            f"{len(bad)} term(s) are missing from the prior or have a zero prior count, where "
            f"the log-odds model is undefined: {_name_terms(bad)}; give every term of counts_i "
            "and counts_j a positive prior (e.g. add a pseudo-count) or drop those terms"
        )

    rest_i = n_i + alpha_0 - y_i - alpha
    rest_j = n_j + alpha_0 - y_j - alpha
    degenerate = (rest_i <= 0) | (rest_j <= 0)
    if degenerate.any():
        raise ValueError(
            "log-odds are infinite for term(s) that make up a whole corpus and the whole prior: "
            f"{_name_terms(index[degenerate].tolist())}"
        )

    post_i = y_i + alpha
    post_j = y_j + alpha
    delta = (np.log(post_i) - np.log(rest_i)) - (np.log(post_j) - np.log(rest_j))
    z = delta / np.sqrt(1.0 / post_i + 1.0 / post_j)

    frame = pd.DataFrame(
        {
            "count_i": _count_column(y_i),
            "count_j": _count_column(y_j),
            "delta": delta,
            "z": z,
        },
        index=index,
        columns=list(LOG_ODDS_COLUMNS),
    )
    return _sort_desc(frame, "z")


def _dirichlet_prior(
    prior: str | float | Mapping[str, float], pooled: Counter
) -> Mapping[str, float]:
    """The pseudo-counts ``alpha_w`` of :func:`log_odds_by_group` for its ``prior``."""
    if isinstance(prior, str):
        if prior != "pooled":
            raise ValueError(
                f"prior must be 'pooled', a positive number or a mapping, not {prior!r}"
            )
        return pooled
    if isinstance(prior, (int, float)) and not isinstance(prior, bool):
        if not prior > 0 or math.isinf(prior):
            raise ValueError(f"a constant prior must be a positive number, got {prior!r}")
        return {t: float(prior) for t in pooled}
    if isinstance(prior, Mapping):
        return prior
    raise ValueError(
        f"prior must be 'pooled', a positive number or a mapping, not {type(prior).__name__}"
    )


def log_odds_by_group(
    corpus: Any,
    *,
    by: str = "leader",
    groups: Iterable[Hashable] | None = None,
    prior: str | float | Mapping[str, float] = "pooled",
    stem: bool = False,
    drop_stopwords: bool = True,
    fold_reduplication: bool = False,
    exclude: Iterable[str] = (),
    stopwords: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Fightin' Words: every group against the rest, by log-odds with a Dirichlet prior.

    Counts terms per group with :func:`analysis.terms.term_counts` and compares each group
    with all the other groups combined using :func:`log_odds_dirichlet` (Monroe, Colaresi &
    Quinn 2008). The prior shrinks the log-odds of rare terms towards the corpus as a whole,
    so a term used once by one leader and never by the others does not come out as
    "distinctive" merely because it is rare: the z-score weighs the size of the difference
    against the evidence for it. Moved here from :mod:`analysis.terms` by way of
    :mod:`analysis.keyness`, where ``analysis.terms.log_odds_by_group`` and
    ``analysis.keyness.log_odds_by_group`` still work.

    Parameters
    ----------
    corpus : Any
        Anything :func:`analysis.corpus.as_documents` accepts.
    by : str
        ``"leader"`` (default), ``"doc_id"`` or any metadata column.
    groups : iterable of hashable, optional
        The groups to compare with the rest (default: every group, sorted).
    prior : str, float or mapping of str to float
        The Dirichlet pseudo-counts ``alpha_w``. ``"pooled"`` (default): each term's count
        in the whole corpus (all groups together), Monroe et al.'s informative prior with
        the corpus itself as background; a number: the same pseudo-count for every term (an
        uninformative prior, e.g. ``0.01``); a mapping ``term -> count``: counts of a
        background corpus of your own (it must give every term a positive count).
    stem, drop_stopwords, fold_reduplication : bool
        As in :func:`analysis.terms.term_counts`.
    exclude : iterable of str
        Terms to leave out, as in :func:`analysis.terms.term_counts`.
    stopwords : iterable of str or None
        The stopwords left out (``None``: the default list), as in ``term_counts``.

    Returns
    -------
    pandas.DataFrame
        Indexed by (``<by>``, ``term``); within a group, rows sorted by ``z`` descending
        (terms leaning towards the group first), ties by term. Columns of
        :func:`log_odds_dirichlet`: ``count_i`` (count in the group), ``count_j`` (count in
        the rest), ``delta`` (log-odds ratio, group minus rest, natural log) and ``z``
        (``delta`` over its standard error; ``|z| > 1.96`` is the customary threshold,
        before any correction for testing many terms).

    Raises
    ------
    ValueError
        If a requested group does not exist, if there is only one group, or if ``prior``
        is not ``"pooled"``, a positive number or a mapping.
    """
    counts = term_counts(
        corpus,
        by=by,
        stem=stem,
        drop_stopwords=drop_stopwords,
        fold_reduplication=fold_reduplication,
        exclude=exclude,
        stopwords=stopwords,
    )
    chosen = _chosen_groups(counts, groups, by=by, method="Fightin' Words")
    pooled: Counter = Counter()
    for counter in counts.values():
        pooled.update(counter)
    alpha = _dirichlet_prior(prior, pooled)
    parts = [
        _labelled(log_odds_dirichlet(counts[group], pooled - counts[group], alpha), group, by)
        for group in chosen
    ]
    return pd.concat(parts)
