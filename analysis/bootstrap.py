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

These four say what an interval is, one group at a time. ``frame_scores`` computes the
same numbers for all groups at once (one row per article is the default, and a corpus
has tens of thousands): :func:`group_units` lays every group's units end to end,
:func:`group_intervals` draws each group's resamples from its own generator exactly as
:func:`resample_rates` does (the same calls, so the same units), sums them with one
gather and one matrix-vector product per group, and takes the percentiles of a chunk
of groups at once with :func:`percentile_rows`. The intervals are identical, to the
last bit, to those of the one-group-at-a-time functions (``tests/test_bootstrap.py``
holds the two side by side).

Everything here is numpy only and pure (inputs are never changed).
"""

from __future__ import annotations

import zlib
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

import numpy as np

__all__ = [
    "BOOT_BLOCK_CELLS",
    "GROUP_CHUNK_CELLS",
    "cluster_units",
    "group_intervals",
    "group_rng",
    "group_units",
    "percentile_interval",
    "percentile_rows",
    "resample_rates",
]

#: Bootstrap work is done in blocks of at most this many array cells.
BOOT_BLOCK_CELLS = 4_000_000

#: :func:`group_intervals` works on as many groups at once as fill this many array cells
#: (2 MB of float64, about a core's cache: larger chunks wait on memory).
GROUP_CHUNK_CELLS = 262_144


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


# ----------------------------------------------------------------- many groups at once


def group_units(
    clusters: np.ndarray, hits: np.ndarray, tokens: np.ndarray, sizes: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """:func:`cluster_units` of many groups at once, their units laid end to end.

    Parameters
    ----------
    clusters, hits, tokens : numpy.ndarray
        As in :func:`cluster_units`, the sentences of all groups laid end to end: the
        first ``sizes[0]`` rows are the first group's sentences, and so on.
    sizes : numpy.ndarray
        Shape ``(n_groups,)``: sentences per group (each at least 1).

    Returns
    -------
    tuple of numpy.ndarray
        ``(unit_hits, unit_tokens, unit_sizes, n_clusters)``: hits ``(n_units,
        n_frames)`` and tokens ``(n_units,)`` of every group's units in the order
        :func:`cluster_units` gives them (a one-article group's sentences in their
        order, a several-article group's articles by ascending code), units per
        group, and articles per group.
    """
    sizes = np.asarray(sizes, dtype=np.int64)
    gid = np.repeat(np.arange(len(sizes)), sizes)
    order = np.lexsort((clusters, gid))  # by group, then article code
    g_sorted, c_sorted = gid[order], np.asarray(clusters)[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = (g_sorted[1:] != g_sorted[:-1]) | (c_sorted[1:] != c_sorted[:-1])
    starts = np.flatnonzero(new)
    pair_gid = g_sorted[starts]
    n_clusters = np.bincount(pair_gid, minlength=len(sizes))
    multi = n_clusters > 1
    keep_rows, keep_pairs = ~multi[gid], multi[pair_gid]
    if len(order):
        pair_hits = np.add.reduceat(hits[order], starts, axis=0)
        pair_tokens = np.add.reduceat(tokens[order], starts)
    else:
        pair_hits, pair_tokens = hits[:0], tokens[:0]
    unit_gid = np.concatenate([gid[keep_rows], pair_gid[keep_pairs]])
    by_group = np.argsort(unit_gid, kind="stable")  # one of the two kinds per group
    unit_hits = np.concatenate([hits[keep_rows], pair_hits[keep_pairs]])[by_group]
    unit_tokens = np.concatenate([tokens[keep_rows], pair_tokens[keep_pairs]])[by_group]
    unit_sizes = np.bincount(unit_gid, minlength=len(sizes))
    return unit_hits, unit_tokens, unit_sizes, n_clusters


def _packing(columns: np.ndarray, max_units: int) -> list[list[tuple[int, int, int]]]:
    """How to pack integer columns into float words whose sums stay exact.

    Every column gets the bits its largest possible resample sum (``max_units``
    times its largest value) needs; columns share a word while their bits add up to
    at most 52, so every sum of packed values is an exact integer in a float64.
    Returns, per word, ``[(column, shift, bits)]``.
    """
    words: list[list[tuple[int, int, int]]] = []
    used = 53
    for col, top in enumerate(columns.max(axis=0, initial=0).tolist()):
        bits = max(1, (int(max_units) * int(top)).bit_length())
        if used + bits > 52:
            words.append([])
            used = 0
        words[-1].append((col, used, bits))
        used += bits
    return words


def _draw_blocks(n: int, n_boot: int) -> list[int]:
    """Rows drawn per call of the generator, as :func:`resample_rates` draws them."""
    block = max(1, BOOT_BLOCK_CELLS // max(1, 3 * n))
    return [min(block, n_boot - start) for start in range(0, n_boot, block)]


def _resampled_sums(
    packed: np.ndarray, rng: np.random.Generator, n_boot: int, out: np.ndarray
) -> None:
    """Fill ``out`` ``(n_words, n_boot)`` with the packed sums of ``n_boot`` resamples
    of the rows of ``packed`` ``(n_units, n_words)``, drawn as :func:`resample_rates`
    draws them (the same calls of ``rng``, so the same units)."""
    n = len(packed)
    ones = np.ones(n)
    start = 0
    for b in _draw_blocks(n, n_boot):
        idx = rng.integers(0, n, size=(b, n))
        for w in range(packed.shape[1]):
            out[w, start : start + b] = packed[:, w].take(idx) @ ones
        start += b


def _unpack(sums: np.ndarray, words: list, n_columns: int) -> np.ndarray:
    """The column sums ``(n_groups, n_columns, n_boot)`` (floats) of packed sums
    ``(n_groups, n_words, n_boot)``."""
    exact = sums.astype(np.int64)
    out = np.empty((sums.shape[0], n_columns, sums.shape[2]))
    for w, fields in enumerate(words):
        for col, shift, bits in fields:
            out[:, col] = (exact[:, w] >> shift) & ((1 << bits) - 1)
    return out


def _ratios(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rates per 1,000 tokens and shares of hits, ``(n_groups * n_frames, n_boot)``
    each, of resampled sums ``(n_groups, n_frames + 1, n_boot)`` (tokens last), computed
    as :func:`resample_rates` computes them (NaN without a token, or without a hit)."""
    h, t = counts[:, :-1], counts[:, -1:]
    tot = h.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        rates = h / t
        rates *= 1000
        shares = h / tot
    for values, denominator in ((rates, t), (shares, tot)):
        empty = denominator == 0
        if empty.any():
            values[np.broadcast_to(empty, values.shape)] = np.nan
    return rates.reshape(-1, counts.shape[2]), shares.reshape(-1, counts.shape[2])


def percentile_rows(values: np.ndarray, ci: float) -> tuple[np.ndarray, np.ndarray]:
    """:func:`percentile_interval` of every row at once: the same numbers, bit for bit.

    Parameters
    ----------
    values : numpy.ndarray
        Shape ``(n_rows, n_boot)``: one statistic per row (a group and frame) and
        resample; NaN resamples are left out.
    ci : float
        Coverage (0.95: the 2.5th and 97.5th percentiles).

    Returns
    -------
    tuple of numpy.ndarray
        ``(low, high)``, each ``(n_rows,)``; NaN for a row without any value.

    Notes
    -----
    numpy's linear percentile of the ``k`` values of a row: the sorted values at
    ``floor(v)`` and ``floor(v) + 1``, ``v = (k - 1) q``, interpolated as numpy's
    ``_lerp`` does (from the upper value when the weight is 0.5 or more).
    """
    alpha = (1 - ci) / 2 * 100
    q = np.true_divide(np.array([alpha, 100 - alpha]), 100)
    k = values.shape[1] - np.isnan(values).sum(axis=1)
    ordered = np.sort(values, axis=1)  # NaN last
    virtual = (k - 1)[None, :] * q[:, None]  # (2, rows)
    prev = np.floor(virtual)
    gamma = virtual - prev
    above = virtual >= (k - 1)[None, :]
    i_prev = np.where(above, k - 1, prev).astype(np.intp)
    i_next = np.where(above, k - 1, prev + 1).astype(np.intp)
    rows = np.arange(len(values))
    a, b = ordered[rows, i_prev.clip(0)], ordered[rows, i_next.clip(0)]
    diff = b - a
    out = np.where(gamma >= 0.5, b - diff * (1 - gamma), a + diff * gamma)
    out[:, k == 0] = np.nan
    return out[0], out[1]


def _chunk_intervals(
    span: tuple[int, int],
    *,
    packed: np.ndarray,
    offsets: np.ndarray,
    words: list,
    keys: list,
    n_boot: int,
    ci: float,
    seed: int,
    out: tuple[np.ndarray, ...],
) -> int:
    """Fill rows ``span[0]:span[1]`` of the four interval arrays ``out``; the number of
    groups done. Chunks write to rows of their own, so they can run on threads."""
    first, last = span
    nf = out[0].shape[1]
    sums = np.empty((last - first, len(words), n_boot))
    for g in range(first, last):
        rng = group_rng(seed, keys[g])
        _resampled_sums(packed[offsets[g] : offsets[g + 1]], rng, n_boot, sums[g - first])
    rates, shares = _ratios(_unpack(sums, words, nf + 1))
    for values, (lo, hi) in ((rates, out[:2]), (shares, out[2:])):
        low, high = percentile_rows(values, ci)
        lo[first:last], hi[first:last] = low.reshape(-1, nf), high.reshape(-1, nf)
    return last - first


def group_intervals(
    unit_hits: np.ndarray,
    unit_tokens: np.ndarray,
    unit_sizes: np.ndarray,
    keys: list,
    *,
    n_boot: int,
    ci: float,
    seed: int,
    threads: int = 1,
    progress: Any = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Bootstrap intervals of many groups at once, equal to one group at a time.

    For every group, the same resamples as :func:`resample_rates` with
    :func:`group_rng` draws (the same generator, seeded from ``seed`` and the group's
    key, called the same way), and the same intervals as :func:`percentile_interval`,
    to the last bit; only the sums and percentiles are computed for many groups at
    once. Each group's units are packed, column by column, into one or a few float
    words (:func:`_packing`), so a resample's sums are one gather and one
    matrix-vector product per word.

    Parameters
    ----------
    unit_hits, unit_tokens, unit_sizes : numpy.ndarray
        The units of every group, end to end, as :func:`group_units` returns them.
    keys : list
        Each group's key, for :func:`group_rng`.
    n_boot : int
        Resamples per group (0: every interval NaN).
    ci : float
        Coverage of the percentile intervals.
    seed : int
        The user's seed.
    threads : int
        Chunks of groups run on this many threads (numpy's draws, sums and sorts
        release the interpreter lock); every group still has its own generator, so
        the intervals do not depend on the number of threads.
    progress : callable or None
        Called with the number of groups done after each chunk of groups.

    Returns
    -------
    tuple of numpy.ndarray
        ``(ci_low, ci_high, share_ci_low, share_ci_high)``, each ``(n_groups,
        n_frames)``: percentile intervals of the rate per 1,000 tokens and of the
        share of the group's hits, as in :func:`resample_rates`.
    """
    n_groups, nf = len(unit_sizes), unit_hits.shape[1]
    out = tuple(np.full((n_groups, nf), np.nan) for _ in range(4))
    if n_boot <= 0 or n_groups == 0:
        return out
    columns = np.column_stack([unit_hits, unit_tokens]).astype(np.int64)
    words = _packing(columns, int(unit_sizes.max()))
    packed = np.zeros((len(columns), len(words)), dtype=np.int64)
    for w, fields in enumerate(words):
        for col, shift, _bits in fields:
            packed[:, w] |= columns[:, col] << shift
    work = partial(
        _chunk_intervals,
        packed=packed.astype(float),
        offsets=np.concatenate([[0], np.cumsum(unit_sizes)]),
        words=words,
        keys=keys,
        n_boot=n_boot,
        ci=ci,
        seed=seed,
        out=out,
    )
    chunk = max(1, GROUP_CHUNK_CELLS // (n_boot * (nf + 1)))
    spans = [(first, min(n_groups, first + chunk)) for first in range(0, n_groups, chunk)]
    with ThreadPoolExecutor(max_workers=max(1, threads)) as pool:  # threads start on use
        for n in pool.map(work, spans) if threads > 1 else map(work, spans):
            if progress is not None:
                progress(n)
    return out
