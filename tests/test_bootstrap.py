"""The bootstrap of many groups at once equals the plain one-group-at-a-time definition.

``frame_scores`` computes every group's interval with :func:`group_intervals` (draws
per group, sums and percentiles for a chunk of groups at once). The plain definition --
for each group :func:`cluster_units`, :func:`resample_rates` with :func:`group_rng`,
:func:`percentile_interval` -- is the reference here, and the intervals must be
identical to the last bit (``np.array_equal``, not ``allclose``), so that no interval
and no figure changes with the speed-up.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import bootstrap
from analysis.bootstrap import (
    cluster_units,
    group_intervals,
    group_rng,
    group_units,
    percentile_interval,
    percentile_rows,
    resample_rates,
)
from analysis.frame_coding import code_corpus
from analysis.frames import FrameMatcher, _sorted_groups, _voice_rows, frame_scores
from analysis.synthetic import synthetic_articles

INTERVALS = ["ci_low", "ci_high", "share_ci_low", "share_ci_high"]


def reference_intervals(
    groups: list[tuple[tuple, np.ndarray]],
    clusters: np.ndarray,
    tokens: np.ndarray,
    hits: np.ndarray,
    n_boot: int,
    ci: float,
    seed: int,
) -> np.ndarray:
    """The plain per-group bootstrap (the code frame_scores ran before the speed-up):
    ``(n_groups, 4, n_frames)``, the four interval ends of every group and frame."""
    out = []
    for key, rows in groups:
        unit_h, unit_t, _unit, _n = cluster_units(clusters[rows], hits[rows], tokens[rows])
        rates, shares = resample_rates(unit_h, unit_t, n_boot, group_rng(seed, key))
        out.append([*percentile_interval(rates, ci), *percentile_interval(shares, ci)])
    return np.array(out, dtype=float).reshape(len(groups), 4, hits.shape[1])


def fast_intervals(groups, clusters, tokens, hits, n_boot, ci, seed, threads=1) -> np.ndarray:
    """The same through group_units and group_intervals."""
    sizes = np.array([len(rows) for _key, rows in groups])
    rows = np.concatenate([r for _key, r in groups])
    unit_h, unit_t, unit_sizes, _n = group_units(clusters[rows], hits[rows], tokens[rows], sizes)
    keys = [key for key, _rows in groups]
    ends = group_intervals(
        unit_h, unit_t, unit_sizes, keys, n_boot=n_boot, ci=ci, seed=seed, threads=threads
    )
    return np.stack(ends, axis=1)


def mixed_groups(rng: np.random.Generator, n_groups: int, nf: int = 3):
    """Sentences of ``n_groups`` groups of mixed sizes: one-sentence groups, groups of
    one article, groups of several articles (interleaved rows), zero-token sentences
    and sentences without a hit."""
    sizes = rng.choice([1, 1, 2, 3, 5, 8, 17, 40], size=n_groups)
    n = int(sizes.sum())
    tokens = rng.integers(0, 30, size=n) * (rng.random(n) > 0.1)  # a tenth have no token
    hits = rng.poisson(0.4, size=(n, nf)) * (tokens > 0)[:, None]
    clusters = np.zeros(n, dtype=np.int64)
    groups, start = [], 0
    for g, size in enumerate(sizes):
        rows = np.arange(start, start + size)
        if g % 3 == 0 and size > 1:  # a group of several articles, codes out of order
            clusters[rows] = 1000 + rng.integers(0, max(1, size // 2), size=size)
        else:
            clusters[rows] = g
        groups.append(((f"doc{g:04d}",), rows))
        start += size
    perm = rng.permutation(n)  # groups' rows scattered through the table, as in a corpus
    inverse = np.argsort(perm)
    groups = [(key, np.sort(inverse[rows])) for key, rows in groups]
    return groups, clusters[perm], tokens[perm], hits[perm]


@pytest.mark.parametrize(
    ("n_groups", "n_boot", "ci", "seed"), [(300, 200, 0.95, 1), (120, 37, 0.9, 5)]
)
def test_many_groups_at_once_equal_one_at_a_time(n_groups, n_boot, ci, seed):
    groups, clusters, tokens, hits = mixed_groups(np.random.default_rng(seed), n_groups)
    ref = reference_intervals(groups, clusters, tokens, hits, n_boot, ci, seed)
    fast = fast_intervals(groups, clusters, tokens, hits, n_boot, ci, seed)
    assert np.isnan(ref).any() and np.isfinite(ref).any()  # both kinds were exercised
    assert np.array_equal(fast, ref, equal_nan=True)


def test_threads_give_the_same_intervals(monkeypatch):
    monkeypatch.setattr(bootstrap, "GROUP_CHUNK_CELLS", 3 * 40 * 4)  # many small chunks
    groups, clusters, tokens, hits = mixed_groups(np.random.default_rng(7), 90)
    one = fast_intervals(groups, clusters, tokens, hits, 40, 0.95, 2)
    three = fast_intervals(groups, clusters, tokens, hits, 40, 0.95, 2, threads=3)
    assert np.array_equal(one, three, equal_nan=True)
    assert np.array_equal(
        one, reference_intervals(groups, clusters, tokens, hits, 40, 0.95, 2), equal_nan=True
    )


def test_units_of_many_groups_equal_cluster_units():
    groups, clusters, tokens, hits = mixed_groups(np.random.default_rng(2), 200)
    sizes = np.array([len(rows) for _key, rows in groups])
    rows = np.concatenate([r for _key, r in groups])
    unit_h, unit_t, unit_sizes, n_clusters = group_units(
        clusters[rows], hits[rows], tokens[rows], sizes
    )
    bounds = np.concatenate([[0], np.cumsum(unit_sizes)])
    for g, (_key, r) in enumerate(groups):
        want_h, want_t, unit, n = cluster_units(clusters[r], hits[r], tokens[r])
        assert n_clusters[g] == n and (unit == "articles") == (n > 1)
        assert np.array_equal(unit_h[bounds[g] : bounds[g + 1]], want_h)
        assert np.array_equal(unit_t[bounds[g] : bounds[g + 1]], want_t)


def test_draws_in_blocks_are_drawn_as_resample_rates_draws_them(monkeypatch):
    # a group too large for one block of draws: resample_rates calls the generator
    # block by block, and so does group_intervals (a small block keeps this quick)
    monkeypatch.setattr(bootstrap, "BOOT_BLOCK_CELLS", 3 * 40 * 7)
    groups, clusters, tokens, hits = mixed_groups(np.random.default_rng(3), 40)
    ref = reference_intervals(groups, clusters, tokens, hits, 50, 0.95, 9)
    fast = fast_intervals(groups, clusters, tokens, hits, 50, 0.95, 9)
    assert np.array_equal(fast, ref, equal_nan=True)


def test_large_counts_are_packed_into_several_exact_words():
    # tokens in the hundreds of thousands and many frames: the columns no longer fit in
    # one 52-bit word; sums must stay exact
    rng = np.random.default_rng(4)
    groups, clusters, tokens, hits = mixed_groups(rng, 60, nf=9)
    tokens = tokens * 40_000
    hits = hits * rng.integers(1, 3_000, size=hits.shape)
    sizes_bits = bootstrap._packing(np.column_stack([hits, tokens]), 40)
    assert len(sizes_bits) >= 2
    ref = reference_intervals(groups, clusters, tokens, hits, 80, 0.95, 4)
    fast = fast_intervals(groups, clusters, tokens, hits, 80, 0.95, 4)
    assert np.array_equal(fast, ref, equal_nan=True)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=1, max_value=60),
    st.integers(min_value=0, max_value=8),
    st.one_of(st.sampled_from([0.5, 0.9, 0.95]), st.floats(min_value=0.5, max_value=0.995)),
    st.integers(min_value=0, max_value=2**31),
)
def test_percentile_rows_equal_numpy_percentiles(n_boot, n_rows, ci, seed):
    rng = np.random.default_rng(seed)
    values = rng.integers(0, 6, size=(n_rows, n_boot)) / rng.integers(1, 9, size=(n_rows, n_boot))
    values[rng.random(values.shape) < rng.random((n_rows, 1))] = np.nan  # 0 to all missing
    low, high = percentile_rows(values, ci)
    for i in range(n_rows):
        want_low, want_high = percentile_interval(values[i][:, None], ci)
        assert np.array_equal(low[i : i + 1], want_low, equal_nan=True)
        assert np.array_equal(high[i : i + 1], want_high, equal_nan=True)


def test_percentile_rows_interpolate_halfway_as_numpy_does():
    # halfway between two values, numpy interpolates down from the upper one, and the
    # two ways of rounding differ here (and with NaN resamples left out)
    values = np.array([[1000 / 6, 500.0, 600.0], [500.0, np.nan, 1000 / 6]])
    low, high = percentile_rows(values, 0.5)
    assert low[0] == np.percentile(values[0], 25) != 1000 / 6 + (500 - 1000 / 6) * 0.5
    assert high[0] == np.percentile(values[0], 75)
    assert (low[1], high[1]) == tuple(np.percentile([1000 / 6, 500.0], [25, 75]))


def test_no_resample_gives_no_interval():
    groups, clusters, tokens, hits = mixed_groups(np.random.default_rng(6), 5)
    assert np.isnan(fast_intervals(groups, clusters, tokens, hits, 0, 0.95, 1)).all()


# ------------------------------------------------------------------- through frame_scores

HANDWRITTEN = [
    {"doc_id": "satu", "body": "Bupati meminta kinerja OPD ditingkatkan.", "leader": "A"},
    {"doc_id": "kosong", "body": "2024.", "leader": "A"},  # one sentence, no word token
    {
        "doc_id": "campur",
        "body": "— . Koordinasi antar dinas diperkuat. ### Disiplin pegawai dijaga.",
        "leader": "B",
    },
    {
        "doc_id": "kutip",
        "body": '"Kinerja pegawai harus naik," kata Bupati. Sekda meminta disiplin apel pagi.',
        "leader": "B",
    },
]


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    """Synthetic articles (resampled from the seeds' sentences) and hand-written ones
    with one sentence, no token, or a sentence without any word."""
    docs = [
        {"doc_id": a["doc_id"], "body": a["text"], "leader": a["leader"], "level": a["level"]}
        for a in synthetic_articles(150, seed=11)
    ]
    return docs + [{**d, "level": "kabupaten"} for d in HANDWRITTEN]


def plain_frame_intervals(corpus, by, voice, n_boot, seed) -> np.ndarray:
    """The intervals frame_scores gave before the speed-up: the same coding, then the
    plain bootstrap one group at a time."""
    by_cols = [by] if isinstance(by, str) else list(by)
    coded = code_corpus(
        corpus, FrameMatcher(), texts=False, evidence=False, keep=by_cols, genre_check=False, jobs=1
    )
    table, tokens, hits = _voice_rows(coded, voice)
    groups = _sorted_groups(table, by_cols)
    clusters = pd.factorize(table["doc_id"])[0]
    return reference_intervals(groups, clusters, tokens, hits, n_boot, 0.95, seed)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("by", "voice"),
    [
        ("doc_id", None),
        ("leader", None),
        ("voice", None),
        (["leader", "level"], None),
        ("doc_id", "direct"),
    ],
)
def test_frame_scores_intervals_equal_the_plain_bootstrap(corpus, by, voice):
    scores = frame_scores(corpus, by=by, voice=voice, n_boot=120, seed=3, genre_check=False, jobs=2)
    got = scores[INTERVALS].to_numpy().reshape(-1, 3, 4).transpose(0, 2, 1)
    want = plain_frame_intervals(corpus, by, voice, 120, 3)
    assert np.array_equal(got, want, equal_nan=True)
    if by == "leader":
        assert set(scores["resampled"]) == {"articles"}
    if by == "doc_id" and voice is None:
        assert scores.groupby("doc_id")["ci_low"].apply(lambda s: s.isna().all())["kosong"]


def test_frame_scores_by_sentence_has_no_interval(corpus):
    scores = frame_scores(corpus[-4:], by="sentence", n_boot=50, genre_check=False, jobs=1)
    assert scores[INTERVALS].isna().all().all() and len(scores) > 0
