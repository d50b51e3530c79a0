"""Keyness statistics: which terms distinguish one corpus (or group of texts) from another.

Three families of measures are provided, all vectorised with NumPy so that vocabularies of
100,000+ terms are handled in a few tens of milliseconds:

* :func:`keyness` -- Dunning's log-likelihood G2 (signed), its p-value, Hardie's Log Ratio
  effect size and Pearson's chi-square, for a target corpus against a reference corpus.
* :func:`keyness_vs_rest` -- the same, comparing one group of a partitioned corpus against the
  sum of all the other groups ("one against the rest").
* :func:`log_odds_dirichlet` -- Monroe, Colaresi & Quinn's "Fightin' Words" log-odds ratio with
  an informative Dirichlet prior, and its z-score.

All functions take plain mappings ``term -> count`` (a :class:`collections.Counter`, a ``dict``
or a :class:`pandas.Series`) and return a :class:`pandas.DataFrame` indexed by ``term``. Terms
should be mutually comparable (e.g. all ``str``) because ties are broken by sorting on the term.
The module is pure: it prints nothing, reads and writes no files and never mutates its inputs.

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
from collections.abc import Hashable, Mapping
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["adjust_p_values", "g2_critical_value", "keyness", "keyness_vs_rest",
           "log_odds_dirichlet", "significance_summary"]

CountsLike = Mapping[Hashable, Any] | pd.Series
"""A mapping ``term -> count`` (Counter, dict) or a Series indexed by term."""

KEYNESS_COLUMNS = ("count_target", "count_reference", "g2", "p_value", "log_ratio", "chi2")
LOG_ODDS_COLUMNS = ("count_i", "count_j", "delta", "z")

#: Count that replaces a zero frequency in Hardie's Log Ratio.
ZERO_COUNT_REPLACEMENT = 0.5

_MAX_NAMED = 5


# ---------------------------------------------------------------------------------------------
# Input handling
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


def _chi2_1df_sf(x: np.ndarray) -> np.ndarray:
    """Upper-tail probability of the chi-square distribution with 1 d.f.: erfc(sqrt(x / 2))."""
    roots = np.sqrt(np.abs(x) / 2.0).tolist()
    return np.fromiter(map(math.erfc, roots), dtype=np.float64, count=len(roots))


# ---------------------------------------------------------------------------------------------
# Log-likelihood, chi-square and Log Ratio
# ---------------------------------------------------------------------------------------------


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


def keyness(
    target_counts: CountsLike,
    reference_counts: CountsLike,
    *,
    min_count: float = 1,
) -> pd.DataFrame:
    """Keyness of every term in a target corpus against a reference corpus.

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
    >>> row = keyness(target, reference).loc["kinerja"]
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


def keyness_vs_rest(
    counts_by_group: Mapping[Hashable, CountsLike],
    group: Hashable,
    **kwargs: Any,
) -> pd.DataFrame:
    """Compare one document or group against the rest of the corpus.

    Equivalent to ``keyness(counts_by_group[group], rest, **kwargs)`` where ``rest`` is the
    term-wise sum of the counts of every *other* group (terms missing from a group count 0).

    Parameters
    ----------
    counts_by_group : Mapping[group, Mapping[term, int]]
        Term frequencies per group (e.g. per outlet, per region, per document). Not modified.
    group : hashable
        The key of the group to use as the target corpus.
    **kwargs
        Passed on to :func:`keyness` (``min_count``).

    Returns
    -------
    pandas.DataFrame
        As :func:`keyness`: ``count_target`` is the group's count, ``count_reference`` the
        count in all other groups combined; ``g2`` > 0 marks terms over-represented in the
        group relative to the rest.

    Raises
    ------
    ValueError
        If ``group`` is not a key of ``counts_by_group``, if there is no other group, if the
        other groups together contain no tokens, or for any input error :func:`keyness`
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
    return keyness(target, rest, **kwargs)


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
    in corpus ``i`` and in corpus ``j``, each shrunk towards a prior, and its z-score.

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


# ---------------------------------------------------------------------------------------------
# Many terms, many tests
# ---------------------------------------------------------------------------------------------


def g2_critical_value(p: float) -> float:
    """The G2 (chi-square, 1 d.f.) a term must reach for a p-value of at most ``p``.

    The inverse of the ``p_value`` column of :func:`keyness`, found by bisection on
    ``erfc(sqrt(g2 / 2)) = p``: 3.84 for 0.05, 6.63 for 0.01, 10.83 for 0.001.

    >>> round(g2_critical_value(0.05), 2)
    3.84
    """
    if isinstance(p, bool) or not isinstance(p, numbers.Real) or not 0 < p < 1:
        raise ValueError(f"p must be a probability strictly between 0 and 1, got {p!r}")
    lo, hi = 0.0, 1.0
    while math.erfc(math.sqrt(hi / 2.0)) > p:
        hi *= 2.0
    for _ in range(200):
        mid = (lo + hi) / 2.0
        if math.erfc(math.sqrt(mid / 2.0)) > p:
            lo = mid
        else:
            hi = mid
        if hi - lo <= 1e-12 * hi:
            break
    return hi


def _bh_count(p_values: np.ndarray, alpha: float) -> int:
    """Number of rejections of the Benjamini-Hochberg step-up procedure at level ``alpha``."""
    m = len(p_values)
    if m == 0:
        return 0
    ordered = np.sort(p_values)
    below = np.flatnonzero(ordered <= alpha * np.arange(1, m + 1) / m)
    return int(below[-1] + 1) if len(below) else 0


def _groups_of(table: pd.DataFrame) -> tuple[str, list[tuple[Hashable, np.ndarray]]]:
    """(index name, [(group, boolean row mask)]) of a keyness table, grouped or not."""
    if isinstance(table.index, pd.MultiIndex):
        keys = table.index.get_level_values(0)
        return table.index.names[0] or "group", [
            (g, np.asarray(keys == g)) for g in dict.fromkeys(keys)
        ]
    return "group", [("all", np.ones(len(table), dtype=bool))]


def _check_table(table: Any) -> None:
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"table must be a keyness DataFrame, got {type(table).__name__}")
    missing = [c for c in ("p_value", "g2") if c not in table.columns]
    if missing:
        raise ValueError(
            f"table lacks column(s) {', '.join(missing)}: pass a table of keyness() or "
            "keyness_by_group()"
        )


ADJUST_METHODS = ("bonferroni", "fdr_bh")


def adjust_p_values(table: pd.DataFrame, *, method: str = "fdr_bh") -> pd.Series:
    """P-values adjusted for testing every term of a keyness table.

    Parameters
    ----------
    table : a table of :func:`keyness` (indexed by ``term``) or of
        :func:`analysis.terms.keyness_by_group` (indexed by (group, ``term``)): each
        group's terms are one family of tests.
    method : ``"fdr_bh"`` (default): Benjamini-Hochberg adjusted p-values ("q-values"),
        ``min(1, min over j >= i of m p_(j) / j)`` for the i-th smallest of m p-values; a
        term with ``p_adjusted < 0.05`` is kept at a false discovery rate of 5%.
        ``"bonferroni"``: ``min(1, m p)``, which controls the chance of even one false
        positive among the m terms.

    Returns
    -------
    pandas.Series
        Named ``p_adjusted``, on the table's index (same order).

    Examples
    --------
    >>> t = pd.DataFrame({"g2": [9.0, 5.0, 1.0], "p_value": [0.01, 0.03, 0.3]},
    ...                  index=pd.Index(["a", "b", "c"], name="term"))
    >>> adjust_p_values(t).round(3).tolist()
    [0.03, 0.045, 0.3]
    """
    _check_table(table)
    if method not in ADJUST_METHODS:
        raise ValueError(f"method must be one of {', '.join(ADJUST_METHODS)}, got {method!r}")
    p_all = table["p_value"].to_numpy(dtype=np.float64)
    out = np.empty_like(p_all)
    for _group, mask in _groups_of(table)[1]:
        p = p_all[mask]
        m = len(p)
        if method == "bonferroni":
            adjusted = np.minimum(1.0, p * m)
        else:
            order = np.argsort(p, kind="mergesort")
            scaled = p[order] * m / np.arange(1, m + 1)
            stepped = np.minimum.accumulate(scaled[::-1])[::-1]
            adjusted = np.empty(m)
            adjusted[order] = np.minimum(1.0, stepped)
        out[mask] = adjusted
    return pd.Series(out, index=table.index, name="p_adjusted")


def significance_summary(table: pd.DataFrame, *, alpha: float = 0.05) -> pd.DataFrame:
    """How many key terms survive when the number of terms tested is taken into account.

    A keyness table tests every term of the vocabulary at once. At ``p < 0.05`` about one
    term in twenty is expected to pass by chance alone, even when nothing distinguishes
    the corpora, so a list of "significant" key terms needs the number of tests beside it.
    This table gives, per group, the uncorrected count, the count expected by chance, and
    the counts left after Bonferroni's correction (controls the chance of any false
    positive) and Benjamini-Hochberg's (controls the expected share of false positives
    among the terms reported).

    Parameters
    ----------
    table : a table of :func:`keyness` (indexed by ``term``) or of
        :func:`analysis.terms.keyness_by_group` (indexed by (group, ``term``)); needs the
        ``p_value`` and ``g2`` columns.
    alpha : the significance level.

    Returns
    -------
    pandas.DataFrame
        One row per group (index named like the table's first level; for a single table,
        one row ``all`` in an index named ``group``). Columns:

        ``terms_tested``
            Rows of the table: the number of tests.
        ``significant``
            Terms with ``p_value < alpha``, uncorrected.
        ``expected_by_chance``
            ``alpha * terms_tested``: how many terms would pass at ``alpha`` if no term
            truly differed (an upper bound for small counts, whose p-values are discrete).
        ``bonferroni_g2``
            The ``|G2|`` a term needs at level ``alpha / terms_tested``
            (:func:`g2_critical_value`).
        ``significant_bonferroni``
            Terms with ``p_value < alpha / terms_tested``.
        ``significant_fdr``
            Terms kept by the Benjamini-Hochberg procedure at false discovery rate
            ``alpha``.
        ``over_represented_fdr``
            Of those, the terms with ``g2 > 0`` (more frequent in the group, or target).
    """
    _check_table(table)
    if isinstance(alpha, bool) or not isinstance(alpha, numbers.Real) or not 0 < alpha < 1:
        raise ValueError(f"alpha must be strictly between 0 and 1, got {alpha!r}")
    name, parts = _groups_of(table)
    p_all = table["p_value"].to_numpy(dtype=np.float64)
    g2_all = table["g2"].to_numpy(dtype=np.float64)
    rows = []
    for group, mask in parts:
        p, g2 = p_all[mask], g2_all[mask]
        m = len(p)
        bonferroni = alpha / m if m else alpha
        n_fdr = _bh_count(p, alpha)
        # the BH-kept terms are the n_fdr smallest p-values (ties kept together)
        cut = np.sort(p)[n_fdr - 1] if n_fdr else -1.0
        kept = p <= cut
        rows.append(
            {
                name: group,
                "terms_tested": m,
                "significant": int((p < alpha).sum()),
                "expected_by_chance": alpha * m,
                "bonferroni_g2": g2_critical_value(bonferroni),
                "significant_bonferroni": int((p < bonferroni).sum()),
                "significant_fdr": n_fdr,
                "over_represented_fdr": int((kept & (g2 > 0)).sum()),
            }
        )
    out = pd.DataFrame(rows).set_index(name)
    return out
