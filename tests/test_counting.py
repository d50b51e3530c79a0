"""Tests for analysis.counting: the group of a document, and counts per group (the engine
under analysis.terms, whose tests check the public tables built on it)."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from analysis.counting import (
    CORPUS_GROUP,
    MISSING_GROUP,
    count_terms,
    excluded_terms,
    frequency_table,
    group_of,
    sorted_groups,
)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Herman Deru", "Herman Deru"),
        ("", MISSING_GROUP),
        ("  ", MISSING_GROUP),
        (None, MISSING_GROUP),
        (math.nan, MISSING_GROUP),
        (2024, 2024),
    ],
)
def test_group_of_a_document(value, expected):
    doc = {"doc_id": "d1", "body": "Kinerja OPD.", "leader": value}
    assert group_of(doc, "leader") == expected
    assert group_of(doc, None) == CORPUS_GROUP


def test_group_of_rejects_unknown_and_unusable_columns():
    doc = {"doc_id": "d1", "body": "Kinerja OPD.", "raw": "x", "leader": "A", "tags": ["a"]}
    with pytest.raises(ValueError, match="'region'.*available: doc_id, leader, tags"):
        group_of(doc, "region")
    with pytest.raises(ValueError, match="lists, not labels"):
        group_of(doc, "tags")


def test_sorted_groups_and_excluded_terms():
    assert sorted_groups(["b", "a"]) == ["a", "b"]
    assert sorted_groups([2, "a", 1]) == [1, 2, "a"]  # mixed types: by their text
    assert excluded_terms(["Banyuasin", "OKU"]) == {"banyuasin", "oku"}
    with pytest.raises(TypeError, match="not one string"):
        excluded_terms("banyuasin")


def test_count_terms_per_group():
    docs = [
        {"doc_id": "d1", "body": "Kinerja dan kinerja OPD.", "leader": "A"},
        {"doc_id": "d2", "body": "Kinerja camat.", "leader": "B"},
        {"doc_id": "d3", "body": "Disiplin OPD.", "leader": "A"},
    ]
    counts, doc_freqs, n_words = count_terms(
        docs, by="leader", stem=False, drop_stopwords=True, fold_reduplication=False
    )
    assert counts == {"A": Counter(kinerja=2, opd=2, disiplin=1), "B": Counter(kinerja=1, camat=1)}
    assert doc_freqs["A"] == Counter(kinerja=1, opd=2, disiplin=1)
    assert n_words == {"A": 6, "B": 2}  # "dan" is a word, though a stopword
    _, _, none = count_terms(
        docs,
        by="leader",
        stem=False,
        drop_stopwords=True,
        fold_reduplication=False,
        need_words=False,
        exclude=["opd"],
    )
    assert none == {"A": 0, "B": 0}


def test_frequency_table_ranks_ties_and_rates():
    counts = {"B": Counter(x=1), "A": Counter(kinerja=3, opd=2, apel=2, rapat=1)}
    doc_freqs = {"B": Counter(x=1), "A": Counter(kinerja=2, opd=1, apel=1, rapat=1)}
    table = frequency_table(
        counts, doc_freqs, {"A": 10, "B": 0}, by="leader", index_name="term", min_count=1
    )
    assert table.index.names == ["leader", "term"]
    assert list(table.loc["A"].index) == ["kinerja", "apel", "opd", "rapat"]
    assert table.loc["A", "rank"].tolist() == [1, 2, 2, 4]
    assert table.loc[("A", "kinerja"), "per_1000"] == pytest.approx(300.0)
    assert math.isnan(table.loc[("B", "x"), "per_1000"])  # a group without words
    kept = frequency_table(
        counts, doc_freqs, {"A": 10, "B": 0}, by=None, index_name="term", min_count=2
    )
    assert kept.index.name == "term" and list(kept.index) == ["kinerja", "apel", "opd"]
