"""Many terms, many tests: significance of a whole keyness table.

A keyness table tests every term of the vocabulary at once, so its p-values need the
number of tests beside them. This module reads the tables of
:func:`analysis.keyness.keyness_table` and :func:`analysis.keyness.keyness_by_group`:

- :func:`g2_critical_value`     the G2 a term needs for a given p-value (1 d.f.)
- :func:`adjust_p_values`       Benjamini-Hochberg or Bonferroni adjusted p-values
- :func:`significance_summary`  per group: terms tested, significant before and after
  correction, and the number expected by chance

Every name is also available from :mod:`analysis.keyness`, their former home.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Hashable
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["ADJUST_METHODS", "adjust_p_values", "g2_critical_value", "significance_summary"]

#: The corrections :func:`adjust_p_values` knows.
ADJUST_METHODS = ("bonferroni", "fdr_bh")


def g2_critical_value(p: float) -> float:
    """The G2 (chi-square, 1 d.f.) a term must reach for a p-value of at most ``p``.

    The inverse of the ``p_value`` column of :func:`analysis.keyness.keyness_table`,
    found by bisection on ``erfc(sqrt(g2 / 2)) = p``: 3.84 for 0.05, 6.63 for 0.01,
    10.83 for 0.001.

    Parameters
    ----------
    p : float
        A probability strictly between 0 and 1.

    Returns
    -------
    float
        The smallest G2 whose p-value is at most ``p`` (to a relative 1e-12).

    Raises
    ------
    ValueError
        If ``p`` is not a number strictly between 0 and 1.

    Examples
    --------
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


def _adjusted(p: np.ndarray, method: str) -> np.ndarray:
    """Adjusted p-values of one family of tests, in the order of ``p``."""
    m = len(p)
    if method == "bonferroni":
        return np.minimum(1.0, p * m)
    order = np.argsort(p, kind="mergesort")
    scaled = p[order] * m / np.arange(1, m + 1)
    stepped = np.minimum.accumulate(scaled[::-1])[::-1]
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(1.0, stepped)
    return adjusted


def adjust_p_values(table: pd.DataFrame, *, method: str = "fdr_bh") -> pd.Series:
    """P-values adjusted for testing every term of a keyness table.

    Parameters
    ----------
    table : pandas.DataFrame
        A table of :func:`analysis.keyness.keyness_table` (indexed by ``term``) or of
        :func:`analysis.keyness.keyness_by_group` (indexed by (group, ``term``)): each
        group's terms are one family of tests. Needs the ``p_value`` and ``g2`` columns.
    method : str
        ``"fdr_bh"`` (default): Benjamini-Hochberg adjusted p-values ("q-values"),
        ``min(1, min over j >= i of m p_(j) / j)`` for the i-th smallest of m p-values; a
        term with ``p_adjusted < 0.05`` is kept at a false discovery rate of 5%.
        ``"bonferroni"``: ``min(1, m p)``, which controls the chance of even one false
        positive among the m terms.

    Returns
    -------
    pandas.Series
        Named ``p_adjusted``, on the table's index (same order): each term's adjusted
        p-value, between its ``p_value`` and 1.

    Raises
    ------
    TypeError
        If ``table`` is not a DataFrame.
    ValueError
        If it lacks ``p_value`` or ``g2``, or ``method`` is unknown.

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
        out[mask] = _adjusted(p_all[mask], method)
    return pd.Series(out, index=table.index, name="p_adjusted")


def _summary_row(p: np.ndarray, g2: np.ndarray, alpha: float) -> dict[str, Any]:
    """The counts of :func:`significance_summary` for one group's p-values and G2."""
    m = len(p)
    bonferroni = alpha / m if m else alpha
    n_fdr = _bh_count(p, alpha)
    # the BH-kept terms are the n_fdr smallest p-values (ties kept together)
    cut = np.sort(p)[n_fdr - 1] if n_fdr else -1.0
    kept = p <= cut
    return {
        "terms_tested": m,
        "significant": int((p < alpha).sum()),
        "expected_by_chance": alpha * m,
        "bonferroni_g2": g2_critical_value(bonferroni),
        "significant_bonferroni": int((p < bonferroni).sum()),
        "significant_fdr": n_fdr,
        "over_represented_fdr": int((kept & (g2 > 0)).sum()),
    }


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
    table : pandas.DataFrame
        A table of :func:`analysis.keyness.keyness_table` (indexed by ``term``) or of
        :func:`analysis.keyness.keyness_by_group` (indexed by (group, ``term``)); needs
        the ``p_value`` and ``g2`` columns.
    alpha : float
        The significance level, strictly between 0 and 1.

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

    Raises
    ------
    TypeError
        If ``table`` is not a DataFrame.
    ValueError
        If it lacks ``p_value`` or ``g2``, or ``alpha`` is not strictly between 0 and 1.
    """
    _check_table(table)
    if isinstance(alpha, bool) or not isinstance(alpha, numbers.Real) or not 0 < alpha < 1:
        raise ValueError(f"alpha must be strictly between 0 and 1, got {alpha!r}")
    name, parts = _groups_of(table)
    p_all = table["p_value"].to_numpy(dtype=np.float64)
    g2_all = table["g2"].to_numpy(dtype=np.float64)
    rows = [
        {name: group, **_summary_row(p_all[mask], g2_all[mask], alpha)} for group, mask in parts
    ]
    return pd.DataFrame(rows).set_index(name)
