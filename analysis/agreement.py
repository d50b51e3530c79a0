"""Agreement and interval statistics for comparisons with hand coding.

One implementation of each statistic that :mod:`analysis.validation` reports:

- :func:`wilson_interval` -- the Wilson score interval of a proportion (precision,
  recall, accuracy on a small sample: 13 of 13 still means "at least about 77%");
- :func:`cohen_kappa` -- Cohen's kappa, agreement of two codings beyond chance, the
  statistic content analysts use for a coding instrument;
- :func:`krippendorff_alpha` -- Krippendorff's alpha (nominal, two coders), agreement
  beyond chance estimated from both coders' labels pooled.

Pure functions of counts or label sequences; numpy only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

__all__ = ["Z_95", "cohen_kappa", "krippendorff_alpha", "wilson_interval"]

#: The normal quantile of a two-sided 95% interval.
Z_95 = 1.959964


def wilson_interval(k: int, n: int, z: float = Z_95) -> tuple[float, float]:
    """Wilson score interval of the proportion ``k / n``.

    Parameters
    ----------
    k : int
        Successes (e.g. matched quotes).
    n : int
        Trials (e.g. predicted quotes).
    z : float
        Normal quantile of the coverage (default: 95%).

    Returns
    -------
    tuple of float
        ``(low, high)``, clipped to [0, 1]; ``(nan, nan)`` when ``n`` is 0.

    Examples
    --------
    >>> [round(x, 2) for x in wilson_interval(13, 13)]
    [0.77, 1.0]
    """
    if n == 0:
        return (float("nan"), float("nan"))
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def cohen_kappa(
    gold: Sequence[Any], predicted: Sequence[Any], labels: Sequence[Any] | None = None
) -> float:
    """Cohen's kappa of two codings of the same items.

    ``(p_o - p_e) / (1 - p_e)``, where ``p_o`` is the share of items both codings give
    the same label and ``p_e`` the share expected by chance from each coding's label
    frequencies.

    Parameters
    ----------
    gold : sequence
        One label per item (e.g. the hand coding).
    predicted : sequence
        One label per item, in the same order (e.g. the automatic coding).
    labels : sequence, optional
        The labels whose chance agreement is summed; default: every label either coding
        uses, sorted.

    Returns
    -------
    float
        Kappa; NaN when there is no item or chance agreement is 1 (a single label).

    Examples
    --------
    >>> cohen_kappa(["a", "a", "b", "b"], ["a", "a", "b", "a"])
    0.5
    """
    g = np.asarray(gold, dtype=object)
    p = np.asarray(predicted, dtype=object)
    n = len(g)
    if n == 0:
        return float("nan")
    if labels is None:
        labels = sorted(set(g.tolist()) | set(p.tolist()))
    p_o = int((g == p).sum()) / n
    p_e = sum(np.mean(g == v) * np.mean(p == v) for v in labels)
    return float((p_o - p_e) / (1 - p_e)) if p_e < 1 else float("nan")


def krippendorff_alpha(first: Sequence[Any], second: Sequence[Any]) -> float:
    """Krippendorff's alpha of two coders' nominal labels of the same items.

    ``1 - D_o / D_e``: ``D_o`` is the share of items the coders label differently and
    ``D_e`` the disagreement expected from the labels pooled over both coders,
    ``sum_c n_c (n - n_c) / (n (n - 1))`` with ``n`` the ``2 * items`` pooled values and
    ``n_c`` those of label ``c`` (two coders, no missing value; Krippendorff 2011).
    Unlike Cohen's kappa, chance is estimated from the pooled labels, so it does not
    reward two coders for using labels at different rates.

    Parameters
    ----------
    first, second : sequence
        One label per item from each coder, in the same order.

    Returns
    -------
    float
        Alpha (1: perfect agreement, 0: chance level); NaN when there is no item or a
        single label is used throughout (no expected disagreement).

    Examples
    --------
    >>> round(krippendorff_alpha([1, 1, 0, 0], [1, 1, 0, 1]), 3)
    0.533
    """
    if len(first) != len(second):
        raise ValueError(f"two codings of different lengths: {len(first)} and {len(second)}")
    n_items = len(first)
    if n_items == 0:
        return float("nan")
    d_o = sum(a != b for a, b in zip(first, second)) / n_items
    pooled: dict[Any, int] = {}
    for v in list(first) + list(second):
        pooled[v] = pooled.get(v, 0) + 1
    m = 2 * n_items
    d_e = sum(c * (m - c) for c in pooled.values()) / (m * (m - 1))
    return float(1 - d_o / d_e) if d_e > 0 else float("nan")
