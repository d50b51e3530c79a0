"""Tests for analysis.keyness: signed G2, chi2, Log Ratio and Fightin' Words log-odds, and
every group against the rest (keyness_by_group, log_odds_by_group, comparison_terms)."""

from __future__ import annotations

import copy
import math
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from documents import docs

from analysis import keyness, significance, terms
from analysis.keyness import (
    comparison_terms,
    keyness_by_group,
    keyness_table,
    keyness_vs_rest,
    log_odds_by_group,
    log_odds_dirichlet,
)
from analysis.tokens import tokenize

KEYNESS_COLUMNS = ["count_target", "count_reference", "g2", "p_value", "log_ratio", "chi2"]
LOG_ODDS_COLUMNS = ["count_i", "count_j", "delta", "z"]

# Two short sentences about "kinerja" (performance) and "koordinasi" (coordination); 8 tokens each.
KALIMAT_KINERJA = "kinerja pemerintah daerah meningkat kinerja pegawai dinilai baik"
KALIMAT_KOORDINASI = "koordinasi antar dinas perlu ditingkatkan koordinasi pemerintah daerah"


def tokens(sentence: str) -> Counter[str]:
    return Counter(sentence.split())


@pytest.fixture
def vector_counts() -> tuple[Counter[str], Counter[str]]:
    """a = 52 of 40,000 target tokens; b = 18 of 60,000 reference tokens."""
    return Counter({"kinerja": 52, "_other": 39948}), Counter({"kinerja": 18, "_other": 59982})


def naive_g2_chi2(a: float, b: float, n_t: float, n_r: float) -> tuple[float, float]:
    """Textbook per-cell G2 and Pearson chi2 over the full 2x2 table (unsigned)."""
    observed = [a, b, n_t - a, n_r - b]
    n = n_t + n_r
    rows = [a + b, a + b, n - a - b, n - a - b]
    cols = [n_t, n_r, n_t, n_r]
    expected = [r * c / n for r, c in zip(rows, cols, strict=True)]
    g2 = 2 * sum(o * math.log(o / e) for o, e in zip(observed, expected, strict=True) if o > 0)
    chi2 = sum((o - e) ** 2 / e for o, e in zip(observed, expected, strict=True) if e > 0)
    return g2, chi2


# --------------------------------------------------------------------------------------------
# keyness: test vector and structure
# --------------------------------------------------------------------------------------------


def test_keyness_test_vector(vector_counts):
    target, reference = vector_counts
    row = keyness_table(target, reference).loc["kinerja"]
    assert round(float(row["g2"]), 4) == 33.9014
    assert round(float(row["chi2"]), 4) == 34.3097
    assert round(float(row["log_ratio"]), 4) == 2.1155
    assert row["count_target"] == 52
    assert row["count_reference"] == 18
    # chi-square survival function, 1 d.f., at 33.9014 (scipy.stats.chi2.sf: 5.797777e-09)
    assert float(row["p_value"]) == pytest.approx(5.797777e-09, rel=1e-6)


def test_keyness_columns_index_and_dtypes(vector_counts):
    result = keyness_table(*vector_counts)
    assert list(result.columns) == KEYNESS_COLUMNS
    assert result.index.name == "term"
    assert set(result.index) == {"kinerja", "_other"}
    assert result["count_target"].dtype == np.int64
    assert result["count_reference"].dtype == np.int64


def test_complementary_row_has_same_magnitude_opposite_sign(vector_counts):
    # With two terms, "_other" has the same 2x2 table as "kinerja" with rows swapped.
    result = keyness_table(*vector_counts)
    assert float(result.loc["_other", "g2"]) == pytest.approx(-33.90137311545, abs=1e-9)
    assert float(result.loc["_other", "chi2"]) == pytest.approx(-34.30973109748, abs=1e-9)
    assert list(result.index) == ["kinerja", "_other"]


def test_keyness_matches_naive_computation():
    target = Counter({"kinerja": 7, "koordinasi": 1, "anggaran": 40, "pelayanan": 0, "x": 952})
    reference = Counter({"kinerja": 3, "koordinasi": 9, "anggaran": 40, "rapat": 2, "x": 1946})
    n_t, n_r = sum(target.values()), sum(reference.values())
    result = keyness_table(target, reference)
    for term, row in result.iterrows():
        g2, chi2 = naive_g2_chi2(target.get(term, 0), reference.get(term, 0), n_t, n_r)
        assert abs(float(row["g2"])) == pytest.approx(g2, rel=1e-9, abs=1e-12)
        assert abs(float(row["chi2"])) == pytest.approx(chi2, rel=1e-9, abs=1e-12)
        assert float(row["p_value"]) == pytest.approx(math.erfc(math.sqrt(g2 / 2)), rel=1e-9)


# --------------------------------------------------------------------------------------------
# keyness: sign, zero counts, equality
# --------------------------------------------------------------------------------------------


def test_g2_sign_follows_relative_frequency():
    result = keyness_table(tokens(KALIMAT_KINERJA), tokens(KALIMAT_KOORDINASI))
    assert result.loc["kinerja", "g2"] > 0  # 2/8 in target vs 0/8 in reference
    assert result.loc["koordinasi", "g2"] < 0  # 0/8 in target vs 2/8 in reference
    assert result.loc["meningkat", "g2"] > 0
    assert result.loc["dinas", "g2"] < 0
    # chi2 and log_ratio carry the same sign as g2
    assert np.array_equal(np.sign(result["chi2"]), np.sign(result["g2"]))
    assert np.array_equal(np.sign(result["log_ratio"]), np.sign(result["g2"]))


def test_reversing_corpora_negates_signed_statistics():
    forward = keyness_table(tokens(KALIMAT_KINERJA), tokens(KALIMAT_KOORDINASI))
    backward = keyness_table(tokens(KALIMAT_KOORDINASI), tokens(KALIMAT_KINERJA)).loc[forward.index]
    for column in ("g2", "chi2", "log_ratio"):
        np.testing.assert_allclose(backward[column], -forward[column], atol=1e-12)
    np.testing.assert_allclose(backward["p_value"], forward["p_value"])


def test_zero_count_log_ratio_uses_half():
    result = keyness_table(tokens(KALIMAT_KINERJA), tokens(KALIMAT_KOORDINASI))
    # (2/8) / (0.5/8) = 4 -> log2 = 2; corpus sizes unchanged by the replacement
    assert float(result.loc["kinerja", "log_ratio"]) == pytest.approx(2.0)
    assert float(result.loc["koordinasi", "log_ratio"]) == pytest.approx(-2.0)
    assert float(result.loc["baik", "log_ratio"]) == pytest.approx(1.0)  # (1/8) / (0.5/8)


def test_zero_count_log_ratio_with_unequal_corpus_sizes():
    target = Counter({"kinerja": 3, "lain": 97})  # N = 100
    reference = Counter({"lain": 400})  # N = 400, kinerja absent -> 0.5
    result = keyness_table(target, reference)
    expected = math.log2((3 / 100) / (0.5 / 400))
    assert float(result.loc["kinerja", "log_ratio"]) == pytest.approx(expected)
    assert result.loc["kinerja", "count_reference"] == 0


def test_g2_is_zero_when_relative_frequencies_equal():
    result = keyness_table(tokens(KALIMAT_KINERJA), tokens(KALIMAT_KOORDINASI))
    for term in ("pemerintah", "daerah"):  # 1/8 in both
        assert result.loc[term, "g2"] == 0.0
        assert result.loc[term, "chi2"] == 0.0
        assert result.loc[term, "log_ratio"] == 0.0
        assert result.loc[term, "p_value"] == 1.0

    unequal_sizes = keyness_table(
        Counter({"kinerja": 10, "x": 39990}), Counter({"kinerja": 15, "x": 59985})
    )
    assert unequal_sizes.loc["kinerja", "g2"] == 0.0
    assert unequal_sizes.loc["kinerja", "chi2"] == 0.0
    assert unequal_sizes.loc["kinerja", "log_ratio"] == 0.0


# --------------------------------------------------------------------------------------------
# keyness: ordering, filtering, purity
# --------------------------------------------------------------------------------------------


def test_sorted_by_g2_descending():
    result = keyness_table(tokens(KALIMAT_KINERJA), tokens(KALIMAT_KOORDINASI))
    g2 = result["g2"].to_numpy()
    assert np.all(np.diff(g2) <= 0)
    assert result.index[0] == "kinerja"
    assert result.index[-1] == "koordinasi"


def test_ties_broken_by_term_and_independent_of_input_order():
    target = {"rapat": 3, "anggaran": 3, "dinas": 3, "warga": 1}
    reference = {"dinas": 1, "rapat": 1, "anggaran": 1, "warga": 5}
    result = keyness_table(target, reference)
    assert list(result.index) == ["anggaran", "dinas", "rapat", "warga"]

    # Same data, reversed insertion order: identical frame.
    reversed_result = keyness_table(
        dict(reversed(target.items())), dict(reversed(reference.items()))
    )
    pd.testing.assert_frame_equal(result, reversed_result)

    # The three equal-g2 terms in the middle of the Indonesian sentences sort alphabetically.
    sentences = keyness_table(tokens(KALIMAT_KINERJA), tokens(KALIMAT_KOORDINASI))
    tied = sentences[sentences["g2"] == sentences.loc["baik", "g2"]].index.tolist()
    assert tied == ["baik", "dinilai", "meningkat", "pegawai"]
    assert list(sentences.index) == sorted(
        sentences.index, key=lambda term: (-sentences.loc[term, "g2"], term)
    )


def test_min_count_filters_rows_but_not_corpus_sizes(vector_counts):
    target, reference = vector_counts
    target = target + Counter({"langka": 1})
    full = keyness_table(target, reference)
    filtered = keyness_table(target, reference, min_count=2)
    assert "langka" in full.index
    assert "langka" not in filtered.index
    pd.testing.assert_series_equal(full.loc["kinerja"], filtered.loc["kinerja"])
    assert keyness_table(target, reference, min_count=10**9).empty
    assert list(keyness_table(target, reference, min_count=10**9).columns) == KEYNESS_COLUMNS


def test_inputs_are_not_mutated(vector_counts):
    target, reference = vector_counts
    target_copy, reference_copy = copy.deepcopy(target), copy.deepcopy(reference)
    keyness_table(target, reference, min_count=100)
    assert target == target_copy and reference == reference_copy


def test_accepts_series_input(vector_counts):
    target, reference = vector_counts
    from_series = keyness_table(pd.Series(target), pd.Series(reference))
    pd.testing.assert_frame_equal(from_series, keyness_table(target, reference))


def test_large_vocabulary_is_vectorised_and_finite():
    rng = np.random.default_rng(7)
    n_terms = 20_000
    target = {f"t{i}": int(v) for i, v in enumerate(rng.poisson(2.0, n_terms))}
    reference = {f"t{i}": int(v) for i, v in enumerate(rng.poisson(2.0, n_terms)) if i % 2}
    result = keyness_table(target, reference)
    assert np.isfinite(result.to_numpy(dtype=float)).all()
    assert ((result["p_value"] >= 0) & (result["p_value"] <= 1)).all()
    n_t, n_r = sum(target.values()), sum(reference.values())
    for term in result.index[:: n_terms // 10]:
        g2, chi2 = naive_g2_chi2(target.get(term, 0), reference.get(term, 0), n_t, n_r)
        assert abs(float(result.loc[term, "g2"])) == pytest.approx(g2, rel=1e-8, abs=1e-9)
        assert abs(float(result.loc[term, "chi2"])) == pytest.approx(chi2, rel=1e-8, abs=1e-9)


# --------------------------------------------------------------------------------------------
# keyness: errors
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "reference", "message"),
    [
        ({}, {"kinerja": 1}, "target_counts is empty"),
        ({"kinerja": 1}, Counter(), "reference_counts is empty"),
        ({"kinerja": 2, "koordinasi": -1}, {"kinerja": 1}, "negative counts.*'koordinasi'"),
        ({"kinerja": 1}, {"kinerja": -3}, "reference_counts has negative"),
        ({"kinerja": 0}, {"kinerja": 1}, "target_counts sums to 0.*zero-size corpus"),
        ({"kinerja": 1}, {"kinerja": 0, "rapat": 0}, "reference_counts sums to 0"),
        ({"kinerja": "banyak"}, {"kinerja": 1}, "not real numbers.*'kinerja'"),
        ({"kinerja": float("nan")}, {"kinerja": 1}, "NaN or infinite"),
    ],
)
def test_keyness_bad_input_raises(target, reference, message):
    with pytest.raises(ValueError, match=message):
        keyness_table(target, reference)


def test_negative_count_message_names_at_most_five_terms():
    target = {f"kata{i}": -1 for i in range(8)} | {"kinerja": 10}
    with pytest.raises(ValueError, match=r"kata4'.*\(and 3 more\)") as info:
        keyness_table(target, {"kinerja": 1})
    assert "kata5" not in str(info.value)


def test_keyness_bad_min_count_and_type():
    with pytest.raises(ValueError, match="min_count"):
        keyness_table({"a": 1}, {"a": 1}, min_count=-1)
    with pytest.raises(TypeError, match="mapping"):
        keyness_table(["kinerja", "kinerja"], {"kinerja": 1})


# --------------------------------------------------------------------------------------------
# keyness_vs_rest
# --------------------------------------------------------------------------------------------


@pytest.fixture
def groups() -> dict[str, Counter[str]]:
    return {
        "kompas": tokens(KALIMAT_KINERJA),
        "tempo": tokens(KALIMAT_KOORDINASI),
        "antara": tokens("kinerja bupati dan koordinasi dinas pemerintah daerah dinilai"),
    }


def test_keyness_vs_rest_equals_keyness_against_sum_of_others(groups):
    rest = groups["tempo"] + groups["antara"]
    expected = keyness_table(groups["kompas"], rest)
    pd.testing.assert_frame_equal(keyness_vs_rest(groups, "kompas"), expected)
    pd.testing.assert_frame_equal(
        keyness_vs_rest(groups, "antara", min_count=2),
        keyness_table(groups["antara"], groups["kompas"] + groups["tempo"], min_count=2),
    )


def test_keyness_vs_rest_errors_and_purity(groups):
    snapshot = copy.deepcopy(groups)
    keyness_vs_rest(groups, "tempo")
    assert groups == snapshot
    with pytest.raises(ValueError, match="'detik' is not in counts_by_group"):
        keyness_vs_rest(groups, "detik")
    with pytest.raises(ValueError, match="no group other than"):
        keyness_vs_rest({"kompas": groups["kompas"]}, "kompas")
    with pytest.raises(ValueError, match="empty"):
        keyness_vs_rest({"kompas": groups["kompas"], "tempo": {}}, "kompas")


# --------------------------------------------------------------------------------------------
# log_odds_dirichlet
# --------------------------------------------------------------------------------------------


@pytest.fixture
def log_odds_inputs() -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    counts_i = {"kinerja": 52, "_rest": 39948}  # n_i = 40,000
    counts_j = {"kinerja": 18, "_rest": 59982}  # n_j = 60,000
    prior = {"kinerja": 7, "_rest": 993}  # alpha_0 = 1,000
    return counts_i, counts_j, prior


def test_log_odds_test_vector(log_odds_inputs):
    result = log_odds_dirichlet(*log_odds_inputs)
    assert list(result.columns) == LOG_ODDS_COLUMNS
    assert result.index.name == "term"
    row = result.loc["kinerja"]
    assert round(float(row["delta"]), 4) == 1.2570
    assert round(float(row["z"]), 4) == 5.2673
    assert row["count_i"] == 52 and row["count_j"] == 18


def test_log_odds_swap_negates_delta_and_z(log_odds_inputs):
    counts_i, counts_j, prior = log_odds_inputs
    forward = log_odds_dirichlet(counts_i, counts_j, prior)
    backward = log_odds_dirichlet(counts_j, counts_i, prior).loc[forward.index]
    np.testing.assert_allclose(backward["delta"], -forward["delta"], rtol=1e-12)
    np.testing.assert_allclose(backward["z"], -forward["z"], rtol=1e-12)
    assert (backward["count_i"] == forward["count_j"]).all()

    sentences_i, sentences_j = tokens(KALIMAT_KINERJA), tokens(KALIMAT_KOORDINASI)
    pooled_prior = sentences_i + sentences_j
    ab = log_odds_dirichlet(sentences_i, sentences_j, pooled_prior)
    ba = log_odds_dirichlet(sentences_j, sentences_i, pooled_prior).loc[ab.index]
    np.testing.assert_allclose(ba["z"], -ab["z"], atol=1e-12)
    assert ab.loc["kinerja", "z"] > 0 > ab.loc["koordinasi", "z"]


def test_log_odds_sorted_by_z_then_term():
    sentences_i, sentences_j = tokens(KALIMAT_KINERJA), tokens(KALIMAT_KOORDINASI)
    result = log_odds_dirichlet(sentences_i, sentences_j, sentences_i + sentences_j)
    assert list(result.index) == sorted(
        result.index, key=lambda term: (-result.loc[term, "z"], term)
    )
    assert result.index[0] == "kinerja"
    assert result.index[-1] == "koordinasi"


def test_log_odds_prior_must_cover_terms(log_odds_inputs):
    counts_i, counts_j, prior = log_odds_inputs
    with pytest.raises(ValueError, match="missing from the prior.*'koordinasi'"):
        log_odds_dirichlet(counts_i | {"koordinasi": 2}, counts_j, prior)
    with pytest.raises(ValueError, match="zero prior count.*'kinerja'"):
        log_odds_dirichlet(counts_i, counts_j, prior | {"kinerja": 0})
    many = {f"kata{i}": 1 for i in range(7)}
    with pytest.raises(ValueError, match=r"7 term\(s\).*\(and 2 more\)"):
        log_odds_dirichlet(counts_i | many, counts_j, prior)


def test_log_odds_other_errors_and_purity(log_odds_inputs):
    counts_i, counts_j, prior = log_odds_inputs
    snapshot = copy.deepcopy(log_odds_inputs)
    log_odds_dirichlet(counts_i, counts_j, prior)
    assert (counts_i, counts_j, prior) == snapshot
    with pytest.raises(ValueError, match="counts_i is empty"):
        log_odds_dirichlet({}, counts_j, prior)
    with pytest.raises(ValueError, match="counts_j sums to 0"):
        log_odds_dirichlet(counts_i, {"kinerja": 0}, prior)
    with pytest.raises(ValueError, match="prior has negative"):
        log_odds_dirichlet(counts_i, counts_j, prior | {"_rest": -1})
    with pytest.raises(ValueError, match="prior sums to 0"):
        log_odds_dirichlet(counts_i, counts_j, {"kinerja": 0, "_rest": 0})


# ---------------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------------


def test_old_names_still_work():
    # keyness_table was named keyness; the group comparisons were in analysis.terms; the
    # significance helpers were in this module
    assert keyness.keyness is keyness_table
    assert terms.keyness_by_group is keyness_by_group
    assert terms.log_odds_by_group is log_odds_by_group
    assert terms.comparison_terms is comparison_terms
    from analysis.terms import comparison_terms as old  # a from-import finds it too

    assert old is comparison_terms
    for name in ("g2_critical_value", "adjust_p_values", "significance_summary"):
        assert getattr(keyness, name) is getattr(significance, name)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        terms.nope  # noqa: B018


# ---------------------------------------------------------------------------------------------
# Group keyness (moved from test_terms.py)
# ---------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------- group comparisons


def test_keyness_signs_on_the_seeds(seeds):
    table = keyness_by_group(seeds, by="leader")
    deru = table.loc["Herman Deru"]
    own = Counter(tokenize(seeds.loc["004", "body"], drop_stopwords=True))
    rest = Counter(
        t
        for d, body in seeds["body"].items()
        if d != "004"
        for t in tokenize(body, drop_stopwords=True)
    )
    only_deru = sorted(t for t in own if t not in rest and own[t] >= 2)
    only_rest = sorted(t for t in rest if t not in own and rest[t] >= 5)
    assert "produk" in only_deru and "kinerja" in only_rest
    for term in only_deru:
        assert deru.loc[term, "g2"] > 0 and deru.loc[term, "log_ratio"] > 0
    for term in only_rest:
        assert deru.loc[term, "g2"] < 0 and deru.loc[term, "log_ratio"] < 0
    assert deru.loc["produk", "count_target"] == own["produk"]
    assert set(table.index.get_level_values("leader")) == set(seeds["leader"])


def test_keyness_by_group_errors(seeds):
    with pytest.raises(ValueError, match="available: Edward Candra"):
        keyness_by_group(seeds, by="leader", groups=["Nobody"])
    with pytest.raises(ValueError, match="at least two groups"):
        keyness_by_group(docs("Kinerja OPD.", leader=["A"]))


def test_comparison_terms_by_hand():
    counts = {"A": Counter({"kinerja": 3, "opd": 1}), "B": Counter({"kinerja": 1, "opd": 3})}
    table = comparison_terms(counts)
    assert list(table.columns) == ["group", "share", "mean_share", "excess"]
    assert table.loc["kinerja", "group"] == "A"
    assert table.loc["kinerja", "share"] == pytest.approx(0.75)
    assert table.loc["kinerja", "excess"] == pytest.approx(0.25)
    assert table.loc["opd", "group"] == "B"
    same = comparison_terms({"A": {"x": 1, "y": 1}, "B": {"x": 2, "y": 2}})
    assert same.empty  # equal shares everywhere: nothing to compare


# ---------------------------------------------------------------------- log_odds_by_group


def test_log_odds_by_group_matches_log_odds_dirichlet(seeds):
    table = log_odds_by_group(seeds, by="leader")
    assert table.index.names == ["leader", "term"]
    assert list(table.columns) == ["count_i", "count_j", "delta", "z"]
    counts = terms.term_counts(seeds, by="leader")
    pooled = sum(counts.values(), Counter())
    deru = table.loc["Herman Deru"]
    expected = log_odds_dirichlet(counts["Herman Deru"], pooled - counts["Herman Deru"], pooled)
    pd.testing.assert_frame_equal(deru, expected, check_names=False, check_index_type=False)
    # the word Deru's article repeats (produk = product) leans towards him
    assert deru.loc["produk", "z"] > 0 and deru.loc["produk", "count_j"] == 0


def test_log_odds_by_group_prior_options():
    corpus = docs(
        "Kinerja kinerja kinerja OPD.",
        "Koordinasi koordinasi OPD.",
        "Disiplin OPD.",
        leader=["A", "B", "C"],
    )
    pooled = log_odds_by_group(corpus)
    flat = log_odds_by_group(corpus, prior=0.01)
    # a weak flat prior shrinks less than the pooled counts: larger |delta|
    assert abs(flat.loc[("A", "kinerja"), "delta"]) > abs(pooled.loc[("A", "kinerja"), "delta"])
    assert pooled.loc[("A", "kinerja"), "z"] > 0 > pooled.loc[("B", "kinerja"), "z"]
    background = {"kinerja": 10, "koordinasi": 10, "disiplin": 10, "opd": 30}
    own = log_odds_by_group(corpus, prior=background, groups=["B"])
    assert own.index.get_level_values(0).unique().tolist() == ["B"]
    with pytest.raises(ValueError, match="missing from the prior"):
        log_odds_by_group(corpus, prior={"kinerja": 1})
    with pytest.raises(ValueError, match="positive number"):
        log_odds_by_group(corpus, prior=0)
    with pytest.raises(ValueError, match="'pooled'"):
        log_odds_by_group(corpus, prior="flat")
    with pytest.raises(ValueError, match="at least two groups"):
        log_odds_by_group(docs("Kinerja OPD.", leader=["A"]))
    with pytest.raises(ValueError, match="available: A, B, C"):
        log_odds_by_group(corpus, groups=["Z"])
