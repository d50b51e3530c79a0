"""Resampling helpers for frame scores: per-group seeds, the cluster bootstrap, percentiles.

:func:`analysis.frames.frame_scores` gives every group of sentences (an article, a
leader, a voice ...) a percentile bootstrap interval of its frame rates and shares:

1. :func:`group_rng` -- a random generator per group, seeded from the user's seed and the
   group's key, so a group's interval does not change when other groups come or go;
2. :func:`cluster_units` -- the units to resample: the sentences of a group made of one
   article, the articles (each with all its sentences) of a group made of several;
3. :func:`resample_rates` -- resample the units with replacement, ``n_boot`` times, and
   give each resample's rate per 1,000 tokens and share of hits per frame;
4. :func:`percentile_interval` -- the percentiles of those resamples.

Everything here is numpy only and pure (inputs are never changed).
"""

from __future__ import annotations

import zlib
from typing import Any

import numpy as np

__all__ = [
    "BOOT_BLOCK_CELLS",
    "cluster_units",
    "group_rng",
    "percentile_interval",
    "resample_rates",
]

#: Bootstrap work is done in blocks of at most this many array cells.
BOOT_BLOCK_CELLS = 4_000_000


def group_rng(seed: int, key: Any) -> np.random.Generator:
    """A generator for one group, from the seed and the group's key.

    Seeding per group keeps a group's interval unchanged when other groups are added
    or removed (e.g. when the corpus is filtered).

    Parameters
    ----------
    seed : int
        The user's seed.
    key : object
        The group's key (a tuple of its grouping values); its ``repr`` is hashed.

    Returns
    -------
    numpy.random.Generator
        Seeded with ``[seed, crc32(repr(key))]``.
    """
    return np.random.default_rng([int(seed), zlib.crc32(repr(key).encode("utf-8"))])


def cluster_units(
    clusters: np.ndarray, hits: np.ndarray, tokens: np.ndarray
) -> tuple[np.ndarray, np.ndarray, str, int]:
    """The units a group's bootstrap resamples: its sentences, or its articles.

    Sentences of one article are not independent, so a group of several articles
    resamples whole articles (a cluster bootstrap); a group of one article resamples
    its sentences.

    Parameters
    ----------
    clusters : numpy.ndarray
        Shape ``(n_sentences,)``: the article (cluster) code of each sentence.
    hits : numpy.ndarray
        Shape ``(n_sentences, n_frames)``: hits per sentence and frame.
    tokens : numpy.ndarray
        Shape ``(n_sentences,)``: word tokens per sentence.

    Returns
    -------
    tuple
        ``(unit_hits, unit_tokens, unit, n_clusters)``: hits per unit and frame, tokens
        per unit, ``"articles"`` or ``"sentences"``, and the number of articles.
    """
    uniq, inverse = np.unique(clusters, return_inverse=True)
    if len(uniq) <= 1:
        return hits, tokens, "sentences", len(uniq)
    unit_hits = np.zeros((len(uniq), hits.shape[1]), dtype=np.int64)
    np.add.at(unit_hits, inverse, hits)
    unit_tokens = np.bincount(inverse, weights=tokens, minlength=len(uniq))
    return unit_hits, unit_tokens, "articles", len(uniq)


def resample_rates(
    unit_hits: np.ndarray, unit_tokens: np.ndarray, n_boot: int, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Resample units with replacement; the rates and shares of every resample.

    Parameters
    ----------
    unit_hits : numpy.ndarray
        Shape ``(n_units, n_frames)``: hits per unit and frame.
    unit_tokens : numpy.ndarray
        Shape ``(n_units,)``: word tokens per unit.
    n_boot : int
        Number of resamples, each of ``n_units`` units drawn with replacement.
    rng : numpy.random.Generator
        The group's generator (:func:`group_rng`).

    Returns
    -------
    tuple of numpy.ndarray
        ``(rates, shares)``, each ``(n_boot, n_frames)``: hits per 1,000 tokens of the
        resample (NaN when it has no token) and the frame's share of the resample's hits
        (NaN when it has no hit); ratios of the resampled sums.
    """
    n, nf = unit_hits.shape
    rates = np.empty((n_boot, nf))
    shares = np.empty((n_boot, nf))
    # hits and tokens side by side, as floats: sums of counts stay exact integers
    units = np.column_stack([unit_hits, unit_tokens]).astype(float)  # (n, nf + 1)
    block = max(1, BOOT_BLOCK_CELLS // max(1, 3 * n))  # draws, counts, weights
    for start in range(0, n_boot, block):
        b = min(block, n_boot - start)
        idx = rng.integers(0, n, size=(b, n))
        # how often each unit is drawn in each resample, then one matrix product: the
        # same sums as adding up the drawn units' rows, without a (b, n, nf) array
        idx += np.arange(b)[:, None] * n
        weights = np.bincount(idx.ravel(), minlength=b * n).reshape(b, n).astype(float)
        sums = weights @ units  # (b, nf + 1)
        h, t = sums[:, :nf], sums[:, nf]
        tot = h.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            rates[start : start + b] = np.where(t[:, None] > 0, h / t[:, None] * 1000, np.nan)
            shares[start : start + b] = np.where(tot[:, None] > 0, h / tot[:, None], np.nan)
    return rates, shares


def percentile_interval(values: np.ndarray, ci: float) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval of every column, NaN resamples left out.

    Parameters
    ----------
    values : numpy.ndarray
        Shape ``(n_boot, n_columns)``: one statistic per resample and column.
    ci : float
        Coverage (0.95: the 2.5th and 97.5th percentiles).

    Returns
    -------
    tuple of numpy.ndarray
        ``(low, high)``, each ``(n_columns,)``; NaN for a column without any value.
    """
    alpha = (1 - ci) / 2 * 100
    if not np.isnan(values).any():
        lo, hi = np.percentile(values, [alpha, 100 - alpha], axis=0)
        return lo, hi
    lo, hi = np.full(values.shape[1], np.nan), np.full(values.shape[1], np.nan)
    for j in range(values.shape[1]):
        col = values[:, j]
        col = col[~np.isnan(col)]
        if len(col):
            lo[j], hi[j] = np.percentile(col, [alpha, 100 - alpha])
    return lo, hi
