"""Keyness: which terms distinguish one corpus (or group of texts) from another.

Two-corpus measures, vectorised with NumPy so that vocabularies of 100,000+ terms are
handled in a few tens of milliseconds:

* :func:`keyness_table` -- Dunning's log-likelihood G2 (signed), its p-value, Hardie's Log
  Ratio effect size and Pearson's chi-square, for a target corpus against a reference corpus
  (``keyness``, its former name, is kept as an alias).
* :func:`keyness_vs_rest` -- the same, comparing one group of a partitioned corpus against the
  sum of all the other groups ("one against the rest").
* :func:`log_odds_dirichlet` -- Monroe, Colaresi & Quinn's "Fightin' Words" log-odds ratio with
  an informative Dirichlet prior, and its z-score (in :mod:`analysis.log_odds`, re-exported
  here).

These take plain mappings ``term -> count`` (a :class:`collections.Counter`, a ``dict`` or a
:class:`pandas.Series`) and return a :class:`pandas.DataFrame` indexed by ``term``. Terms
should be mutually comparable (e.g. all ``str``) because ties are broken by sorting on the term.

Group keyness, on a corpus counted with :func:`analysis.terms.term_counts` (these three were
in :mod:`analysis.terms`, where their names still work):

* :func:`keyness_by_group` -- every group against the rest, by G2 and Log Ratio, one table.
* :func:`log_odds_by_group` -- every group against the rest, by Fightin' Words z-scores (in
  :mod:`analysis.log_odds`, re-exported here).
* :func:`comparison_terms` -- the terms of a comparison word cloud, each with its group.

The checks of the count mappings and the choice of groups, which both measures use, are in
:mod:`analysis.log_odds` (imported here, so that module cannot import this one).
The significance of a whole table (:func:`g2_critical_value`, :func:`adjust_p_values`,
:func:`significance_summary`) lives in :mod:`analysis.significance` and is re-exported here.
The module is pure: it prints nothing, writes no files and never mutates its inputs.

References
----------
Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence.
    *Computational Linguistics*, 19(1), 61-74.
Rayson, P., & Garside, R. (2000). Comparing corpora using frequency profiling. In *Proceedings
    of the Workshop on Comparing Corpora* (ACL 2000), 1-6.
Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for Corpus Approaches to
    Social Science (CASS), Lancaster University.
Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical feature selection
    and evaluation for identifying the content of political conflict. *Political Analysis*,
    16(4), 372-403.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .comparisons import comparison_pairs
from .log_odds import (
    LOG_ODDS_COLUMNS,  # noqa: F401 - its name here before analysis.log_odds
    CountsLike,
    _aligned,
    _as_series,
    _chosen_groups,
    _corpus_size,
    _count_column,
    _labelled,
    _name_terms,
    _sort_desc,
    log_odds_by_group,
    log_odds_dirichlet,
)
from .significance import ADJUST_METHODS, adjust_p_values, g2_critical_value, significance_summary
from .terms import term_counts

__all__ = [
    "ADJUST_METHODS",
    "adjust_p_values",
    "comparison_terms",
    "g2_critical_value",
    "keyness",
    "keyness_by_group",
    "keyness_table",
    "keyness_vs_rest",
    "log_odds_by_group",
    "log_odds_dirichlet",
    "significance_summary",
]

KEYNESS_COLUMNS = ("count_target", "count_reference", "g2", "p_value", "log_ratio", "chi2")

#: Count that replaces a zero frequency in Hardie's Log Ratio.
ZERO_COUNT_REPLACEMENT = 0.5


# ---------------------------------------------------------------------------------------------
# Log-likelihood, chi-square and Log Ratio
# ---------------------------------------------------------------------------------------------


def _chi2_1df_sf(x: np.ndarray) -> np.ndarray:
    """Upper-tail probability of the chi-square distribution with 1 d.f.: erfc(sqrt(x / 2))."""
    roots = np.sqrt(np.abs(x) / 2.0).tolist()
    return np.fromiter(map(math.erfc, roots), dtype=np.float64, count=len(roots))


def _keyness_arrays(
    a: np.ndarray, b: np.ndarray, n_target: float, n_reference: float
) -> dict[str, np.ndarray]:
    """Signed G2, p-value, Log Ratio and signed chi2 for count vectors ``a`` and ``b``.

    The 2x2 table for each term is::

                       target       reference
        term           a            b             a + b
        other tokens   c = Nt - a   d = Nr - b    c + d
                       Nt           Nr            N = Nt + Nr

    Every observed-minus-expected deviation in this table is +/- (a*Nr - b*Nt) / N, which lets
    each cell's contribution O*ln(O/E) be evaluated as O*log1p((O-E)/E) without cancellation.
    """
    n = n_target + n_reference
    c = n_target - a
    d = n_reference - b
    row_term = a + b
    row_other = c + d

    # Cross-product difference a*d - b*c == a*Nr - b*Nt; its sign says which corpus the term
    # is relatively more frequent in (positive: target, negative: reference, zero: neither).
    diff = a * n_reference - b * n_target
    sign = np.sign(diff)
    dev = diff / n  # O - E for cells a and d; E - O for cells b and c.

    observed = (a, b, c, d)
    expected = (
        row_term * n_target / n,
        row_term * n_reference / n,
        row_other * n_target / n,
        row_other * n_reference / n,
    )
    deviations = (dev, -dev, -dev, dev)
    g2 = np.zeros_like(a)
    with np.errstate(divide="ignore", invalid="ignore"):
        for obs, exp, dv in zip(observed, expected, deviations, strict=True):
            # 0 * log(0) = 0; a cell with O > 0 always has E > 0.
            g2 += np.where(obs > 0, obs * np.log1p(dv / exp), 0.0)
        g2 = 2.0 * g2
        # Pearson: chi2 = N (ad - bc)^2 / ((a+b)(c+d) Nt Nr); 0 for a degenerate table.
        denom = row_term * row_other * n_target * n_reference
        chi2 = np.where(denom > 0, n * diff * diff / denom, 0.0)
    g2 = sign * np.maximum(g2, 0.0)  # clamp rounding noise, then apply the direction
    chi2 = sign * chi2

    a_adj = np.where(a == 0, ZERO_COUNT_REPLACEMENT, a)
    b_adj = np.where(b == 0, ZERO_COUNT_REPLACEMENT, b)
    log_ratio = np.log2((a_adj * n_reference) / (b_adj * n_target))  # exactly 0 if equal

    return {"g2": g2, "p_value": _chi2_1df_sf(g2), "log_ratio": log_ratio, "chi2": chi2}


def keyness_table(
    target_counts: CountsLike,
    reference_counts: CountsLike,
    *,
    min_count: float = 1,
) -> pd.DataFrame:
    """Keyness of every term in a target corpus against a reference corpus.

    Named ``keyness`` before; that name is kept as an alias.

    Parameters
    ----------
    target_counts, reference_counts : Mapping[term, int] or pandas.Series
        Term frequencies, e.g. :class:`collections.Counter` objects. The corpus sizes
        ``N_target`` and ``N_reference`` are the sums of all the values of each mapping (so
        include every token, not only the terms you are interested in). Counts must be finite,
        non-negative real numbers. Neither input is modified.
    min_count : float, default 1
        Only terms whose combined frequency ``count_target + count_reference`` is at least
        ``min_count`` are returned. Filtering never changes the corpus sizes. With
        ``min_count=0`` terms listed with a zero count in both mappings are kept.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``term`` (the union of the terms of both mappings that pass ``min_count``),
        sorted by ``g2`` descending with ties broken by ``term`` ascending. For a term with
        frequency ``a`` in the target and ``b`` in the reference, and the 2x2 contingency table
        ``[[a, b], [N_target - a, N_reference - b]]`` (term vs all other tokens, target vs
        reference), the columns are, in this order:

        ``count_target``
            ``a`` (int64 when all counts are whole numbers, else float64).
        ``count_reference``
            ``b``.
        ``g2``
            Dunning's (1993) log-likelihood ``G2 = 2 * sum(O * ln(O / E))`` over the four cells
            of the table, with expected values ``E = row total * column total / N`` and
            ``0 * ln(0) = 0``, no continuity correction (the full-table form; Rayson & Garside
            2000 use the two term cells only). **Signed**: negative when the term is
            relatively more frequent in the reference (``a / N_target < b / N_reference``),
            positive when relatively more frequent in the target, exactly 0 when the relative
            frequencies are equal.
        ``p_value``
            Upper-tail probability of ``|g2|`` under the chi-square distribution with 1 degree
            of freedom, ``erfc(sqrt(|g2| / 2))``. Not corrected for multiple comparisons.
            (Rayson's critical values: 3.84 for p < 0.05, 6.63 for p < 0.01, 10.83 for
            p < 0.001, 15.13 for p < 0.0001.)
        ``log_ratio``
            Hardie's (2014) Log Ratio effect size, the binary log of the ratio of relative
            frequencies ``log2((a / N_target) / (b / N_reference))``. A zero count (``a`` or
            ``b``) is replaced by 0.5; the corpus sizes are not adjusted. Each unit is a
            doubling: 1 means twice as frequent in the target, -1 twice as frequent in the
            reference.
        ``chi2``
            Pearson's chi-square over the same full 2x2 table without Yates's correction,
            ``N (ad - bc)^2 / ((a + b)(c + d) N_target N_reference)``. **Signed** like ``g2``
            (same sign rule), so that both columns read the same way; use ``.abs()`` for the
            textbook statistic. Set to 0 for a degenerate table (``a + b == 0`` or the term
            being every token of both corpora).

    Raises
    ------
    TypeError
        If an input is not a mapping or Series.
    ValueError
        If a mapping is empty, has a negative, NaN, infinite or non-numeric count, or sums to
        zero (a zero-size corpus), or if ``min_count`` is negative.

    Notes
    -----
    All statistics are computed with vectorised NumPy operations; only the final ``erfc``
    evaluation maps :func:`math.erfc` over the values (no SciPy dependency).

    References
    ----------
    Dunning (1993); Rayson & Garside (2000); Hardie (2014). See the module docstring.

    Examples
    --------
    >>> from collections import Counter
    >>> target = Counter({"kinerja": 52, "_other": 39948})
    >>> reference = Counter({"kinerja": 18, "_other": 59982})
    >>> row = keyness_table(target, reference).loc["kinerja"]
    >>> [round(float(row[column]), 4) for column in ("g2", "chi2", "log_ratio")]
    [33.9014, 34.3097, 2.1155]
    """
    if isinstance(min_count, bool) or not isinstance(min_count, numbers.Real):
        raise TypeError(f"min_count must be a number, got {type(min_count).__name__}")
    if not math.isfinite(min_count) or min_count < 0:
        raise ValueError(f"min_count must be a finite number >= 0, got {min_count!r}")

    target = _as_series(target_counts, "target_counts")
    reference = _as_series(reference_counts, "reference_counts")
    n_target = _corpus_size(target, "target_counts")
    n_reference = _corpus_size(reference, "reference_counts")

    index, a, b = _aligned(target, reference)
    keep = (a + b) >= min_count
    if not keep.all():
        index, a, b = index[keep], a[keep], b[keep]

    stats = _keyness_arrays(a, b, n_target, n_reference)
    frame = pd.DataFrame(
        {
            "count_target": _count_column(a),
            "count_reference": _count_column(b),
            **stats,
        },
        index=index,
        columns=list(KEYNESS_COLUMNS),
    )
    return _sort_desc(frame, "g2")


#: The former name of :func:`keyness_table` (``from analysis.keyness import keyness``).
keyness = keyness_table


def keyness_vs_rest(
    counts_by_group: Mapping[Hashable, CountsLike],
    group: Hashable,
    **kwargs: Any,
) -> pd.DataFrame:
    """Compare one document or group against the rest of the corpus.

    Equivalent to ``keyness_table(counts_by_group[group], rest, **kwargs)`` where ``rest`` is the
    term-wise sum of the counts of every *other* group (terms missing from a group count 0).

    Parameters
    ----------
    counts_by_group : Mapping[group, Mapping[term, int]]
        Term frequencies per group (e.g. per outlet, per region, per document). Not modified.
    group : hashable
        The key of the group to use as the target corpus.
    **kwargs
        Passed on to :func:`keyness_table` (``min_count``).

    Returns
    -------
    pandas.DataFrame
        As :func:`keyness_table`: ``count_target`` is the group's count, ``count_reference`` the
        count in all other groups combined; ``g2`` > 0 marks terms over-represented in the
        group relative to the rest.

    Raises
    ------
    ValueError
        If ``group`` is not a key of ``counts_by_group``, if there is no other group, if the
        other groups together contain no tokens, or for any input error :func:`keyness_table`
        raises. Other groups may individually be empty.
    """
    if not isinstance(counts_by_group, Mapping):
        raise TypeError(
            "counts_by_group must be a mapping of group -> (term -> count), "
            f"got {type(counts_by_group).__name__}"
        )
    if group not in counts_by_group:
        raise ValueError(
            f"group {group!r} is not in counts_by_group; available groups: "
            f"{_name_terms(counts_by_group.keys())}"
        )
    others = [key for key in counts_by_group if key != group]
    if not others:
        raise ValueError(
            f"counts_by_group has no group other than {group!r}: nothing to compare against"
        )

    parts = [
        _as_series(counts_by_group[key], f"counts_by_group[{key!r}]", allow_empty=True)
        for key in others
    ]
    parts = [part for part in parts if len(part)]
    if not parts:
        raise ValueError(f"every group other than {group!r} is empty: the rest has no tokens")
    rest = pd.concat(parts).groupby(level=0, sort=False).sum()
    if float(rest.sum()) <= 0:
        raise ValueError(f"the groups other than {group!r} sum to 0 tokens: nothing to compare")
    target = _as_series(counts_by_group[group], f"counts_by_group[{group!r}]")
    return keyness_table(target, rest, **kwargs)


# ---------------------------------------------------------------------------------------------
# Group keyness: every group of a corpus against the rest
# ---------------------------------------------------------------------------------------------


def keyness_by_group(
    corpus: Any,
    *,
    by: str | None = "leader",
    groups: Iterable[Hashable] | None = None,
    stem: bool = False,
    drop_stopwords: bool = True,
    fold_reduplication: bool = False,
    exclude: Iterable[str] = (),
    min_count: float = 1,
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
    stopwords: Iterable[str] | None = None,
    reference: Mapping[Hashable, Any] | str | None = None,
    against: Hashable | None = None,
) -> pd.DataFrame:
    """Keyness of every group against the rest of the corpus (or a reference), in one table.

    Counts terms per group with :func:`analysis.terms.term_counts` and compares each group
    with all the other groups combined (:func:`keyness_vs_rest`), or with a reference
    frequency list (``reference``), or with one other group (``against``). Moved here
    from :mod:`analysis.terms`, where ``analysis.terms.keyness_by_group`` still works.

    Parameters
    ----------
    corpus : Any
        Anything :func:`analysis.corpus.as_documents` accepts.
    by : str or None
        ``"leader"`` (default), ``"doc_id"`` or any metadata column; ``None`` (with
        ``reference``): the whole corpus, as the group ``"corpus"`` of level ``group``.
    groups : iterable of hashable, optional
        The groups to compare (default: every group, sorted; with ``against``, every other).
    stem, drop_stopwords, fold_reduplication : bool
        As in :func:`analysis.terms.term_counts` (the corpus sizes of the test are the
        numbers of tokens counted, after dropping stopwords).
    exclude : iterable of str
        Terms to leave out, as in :func:`analysis.terms.term_counts`.
    min_count : float
        Passed to :func:`keyness_table`.
    jobs, engine, progress : int or None, str, bool or None
        How to run over a large corpus, as in :func:`analysis.terms.term_counts`.
    stopwords : iterable of str or None
        The stopwords left out (``None``: the default list), as in ``term_counts``.
    reference : mapping of term to int, str or None
        A reference frequency list (``term -> count``, or the path of a ``term,count``
        CSV: :func:`analysis.comparisons.read_reference`; its size is the sum of its
        counts): each group is compared with it instead of with the rest.
    against : hashable or None
        A group: each group (``groups``) is compared with this one group only, not with
        the rest (``count_reference`` is its count).

    Returns
    -------
    pandas.DataFrame
        Indexed by (``<by>``, ``term``); within a group, rows sorted by ``g2`` descending
        (terms over-used by the group first). Columns of :func:`keyness_table`:
        ``count_target`` (count in the group), ``count_reference`` (count in the rest),
        ``g2`` (signed log-likelihood: positive when relatively more frequent in the
        group), ``p_value``, ``log_ratio``, ``chi2``.

    Raises
    ------
    ValueError
        If a requested group does not exist (the message lists the groups), or if there is
        only one group.
    """
    counts = term_counts(
        corpus,
        by=by,
        stem=stem,
        drop_stopwords=drop_stopwords,
        fold_reduplication=fold_reduplication,
        exclude=exclude,
        jobs=jobs,
        engine=engine,
        progress=progress,
        stopwords=stopwords,
    )
    if reference is not None or against is not None:
        pairs = comparison_pairs(counts, groups, by=by, reference=reference, against=against)
        parts = [
            _labelled(keyness_table(t, r, min_count=min_count), g, by or "group")
            for g, t, r in pairs
        ]
        return pd.concat(parts)
    chosen = _chosen_groups(counts, groups, by=by, method="keyness")
    parts = [
        _labelled(keyness_vs_rest(counts, group, min_count=min_count), group, by)
        for group in chosen
    ]
    return pd.concat(parts)


def comparison_terms(
    counts_by_group: Mapping[Hashable, Mapping[str, float]], *, max_words: int | None = 100
) -> pd.DataFrame:
    """Terms of a comparison word cloud, each assigned to the group that uses it most.

    As in quanteda's ``textplot_wordcloud(comparison = TRUE)`` and R's
    ``wordcloud::comparison.cloud``: the share of a term in each group is its count
    divided by the group's total; a term goes to the group where its share exceeds the
    mean share over all groups by the most, and that excess sets its size. The table is
    what :func:`analysis.plots.plot_comparison_cloud` draws. Moved here from
    :mod:`analysis.terms`, where ``analysis.terms.comparison_terms`` still works.

    Parameters
    ----------
    counts_by_group : mapping of group to mapping of str to float
        ``{group: {term: count}}``, e.g. :func:`analysis.terms.term_counts`; at least two
        groups, each with tokens.
    max_words : int or None
        Keep the terms with the largest excess (``None``: all).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``term``, sorted by ``excess`` descending, then ``term``. Columns:

        ``group``
            The group where the term is over-represented most.
        ``share``
            Its proportion of that group's tokens.
        ``mean_share``
            Its proportion averaged over all groups, each group weighted equally.
        ``excess``
            ``share - mean_share`` (> 0). Terms whose share is the same in every group are
            left out.

    Raises
    ------
    ValueError
        If there are fewer than two groups, or a group has no tokens.
    """
    groups = list(counts_by_group)
    if len(groups) < 2:
        raise ValueError("a comparison needs at least two groups")
    totals = {g: float(sum(counts_by_group[g].values())) for g in groups}
    empty = [g for g, t in totals.items() if t <= 0]
    if empty:
        raise ValueError(f"group(s) without tokens: {', '.join(map(str, empty))}")
    vocab = sorted({t for g in groups for t in counts_by_group[g]})
    rows = []
    for term in vocab:
        shares = [counts_by_group[g].get(term, 0) / totals[g] for g in groups]
        mean = sum(shares) / len(shares)
        best = max(range(len(groups)), key=lambda i: (shares[i], -i))
        excess = shares[best] - mean
        if excess > 1e-15:
            rows.append((term, groups[best], shares[best], mean, excess))
    frame = pd.DataFrame(rows, columns=["term", "group", "share", "mean_share", "excess"])
    frame = frame.astype({"term": object, "group": object})
    frame = frame.sort_values(["excess", "term"], ascending=[False, True], kind="mergesort")
    if max_words is not None:
        frame = frame.head(max_words)
    return frame.set_index("term")
