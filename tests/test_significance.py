"""Tests for analysis.significance: critical values, adjusted p-values and the summary of
a whole keyness table (moved from test_keyness.py)."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from analysis.keyness import keyness_vs_rest

# ---------------------------------------------------------------------------------------------
# g2_critical_value and significance_summary
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "p, expected", [(0.05, 3.84), (0.01, 6.63), (0.001, 10.83), (0.0001, 15.13)]
)
def test_g2_critical_value_matches_raysons_table(p, expected):
    from analysis.significance import g2_critical_value

    value = g2_critical_value(p)
    assert value == pytest.approx(expected, abs=0.01)  # Rayson truncates to 2 decimals
    # it is the inverse of keyness' p_value: erfc(sqrt(g2 / 2))
    assert math.erfc(math.sqrt(value / 2)) == pytest.approx(p, rel=1e-9)


@pytest.mark.parametrize("p", [0, 1, -0.1, 1.5, True])
def test_g2_critical_value_rejects_non_probabilities(p):
    from analysis.significance import g2_critical_value

    with pytest.raises(ValueError, match="between 0 and 1"):
        g2_critical_value(p)


def test_significance_summary_counts_by_hand():
    from analysis.significance import g2_critical_value, significance_summary

    # ten terms; p-values chosen so each procedure keeps a known number
    p = [0.001, 0.004, 0.012, 0.03, 0.04, 0.2, 0.5, 0.6, 0.9, 1.0]
    g2 = [12.0, -8.0, 6.0, 4.5, -4.0, 1.0, 0.5, 0.2, 0.1, 0.0]
    table = pd.DataFrame({"g2": g2, "p_value": p}, index=pd.Index(list("abcdefghij"), name="term"))
    row = significance_summary(table).loc["all"]
    assert row["terms_tested"] == 10
    assert row["significant"] == 5  # p < 0.05
    assert row["expected_by_chance"] == pytest.approx(0.5)
    assert row["significant_bonferroni"] == 2  # p < 0.005
    assert row["bonferroni_g2"] == pytest.approx(g2_critical_value(0.005))
    # BH: p_(k) <= 0.05 k / 10 -> k=1: .001<=.005, k=2: .004<=.01, k=3: .012<=.015,
    # k=4: .03 > .02, k=5: .04 > .025 -> 3 kept (a, b, c); b has g2 < 0
    assert row["significant_fdr"] == 3
    assert row["over_represented_fdr"] == 2


def test_significance_summary_per_group_of_a_grouped_table():
    from analysis.significance import significance_summary

    counts = {
        "A": Counter({"kinerja": 30, "opd": 10, "rapat": 10}),
        "B": Counter({"kinerja": 2, "opd": 10, "rapat": 10}),
        "C": Counter({"kinerja": 5, "opd": 12, "rapat": 9}),
    }
    parts = []
    for group in counts:
        part = keyness_vs_rest(counts, group)
        part.index = pd.MultiIndex.from_product([[group], part.index], names=["leader", "term"])
        parts.append(part)
    summary = significance_summary(pd.concat(parts))
    assert summary.index.name == "leader" and list(summary.index) == ["A", "B", "C"]
    assert (summary["terms_tested"] == 3).all()
    assert summary.loc["A", "significant"] == sum(keyness_vs_rest(counts, "A")["p_value"] < 0.05)
    with pytest.raises(ValueError, match="p_value"):
        significance_summary(pd.DataFrame({"g2": [1.0]}))


def test_adjust_p_values_by_hand_and_agrees_with_the_summary():
    from analysis.significance import adjust_p_values, significance_summary

    p = [0.001, 0.004, 0.012, 0.03, 0.04, 0.2, 0.5, 0.6, 0.9, 1.0]
    table = pd.DataFrame(
        {"g2": np.linspace(12, 0, 10), "p_value": p},
        index=pd.Index(list("abcdefghij"), name="term"),
    ).iloc[::-1]  # any row order: results follow the index
    bonf = adjust_p_values(table, method="bonferroni")
    assert bonf.name == "p_adjusted" and bonf.index.equals(table.index)
    assert bonf["a"] == pytest.approx(0.01) and bonf["f"] == 1.0
    bh = adjust_p_values(table)
    # q_(i) = min over j >= i of p_(j) * 10 / j
    assert bh["a"] == pytest.approx(0.01)  # min(0.01, 0.02, 0.04, 0.075, ...)
    assert bh["c"] == pytest.approx(0.04)  # min(0.012 * 10 / 3, 0.03 * 10 / 4, ...)
    assert bh["d"] == pytest.approx(0.075) and bh["e"] == pytest.approx(0.08)
    assert bh["j"] == 1.0
    assert (bh >= table["p_value"]).all() and (bonf >= bh).all()
    summary = significance_summary(table).loc["all"]
    assert summary["significant_fdr"] == (bh < 0.05).sum()
    assert summary["significant_bonferroni"] == (bonf < 0.05).sum()
    with pytest.raises(ValueError, match="method"):
        adjust_p_values(table, method="holm")


def test_adjust_p_values_treats_each_group_as_one_family():
    from analysis.significance import adjust_p_values

    index = pd.MultiIndex.from_tuples(
        [("A", "x"), ("A", "y"), ("B", "x"), ("B", "y"), ("B", "z")], names=["leader", "term"]
    )
    table = pd.DataFrame(
        {"g2": [5.0, 1.0, 5.0, 1.0, 0.5], "p_value": [0.02, 0.3, 0.02, 0.3, 0.5]}, index=index
    )
    bonf = adjust_p_values(table, method="bonferroni")
    assert bonf[("A", "x")] == pytest.approx(0.04)  # 2 tests in A
    assert bonf[("B", "x")] == pytest.approx(0.06)  # 3 tests in B
