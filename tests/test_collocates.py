"""Tests for analysis.collocates: window collocates and their association measures,
pinned against hand computations on a tiny corpus written for the purpose."""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd
import pytest
from documents import docs

from analysis import terms
from analysis.collocates import association_scores, collocates
from analysis.tokens import DEFAULT_STOPWORDS, tokenize_sentences

# Sentence by sentence, the tokens (stopwords marked *) are
#   kinerja pegawai harus* meningkat tahun ini*
#   bupati menilai disiplin pegawai dan* kinerja dinas
#   rapat koordinasi membahas kinerja pegawai kecamatan
#   camat hadir bersama staf
#   kantor dinas melayani warga setiap* hari* kerja
# N = 6 + 7 + 6 + 4 + 7 = 30 tokens; kinerja occurs 3 times.
BODIES = [
    "Kinerja pegawai harus meningkat tahun ini. Bupati menilai disiplin pegawai dan kinerja dinas.",
    "Rapat koordinasi membahas kinerja pegawai kecamatan. Camat hadir bersama staf.",
    "Kantor dinas melayani warga setiap hari kerja.",
]


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return collocates(docs(*BODIES), "kinerja", window=2)


def test_counts_within_two_words_either_side_inside_sentences(table):
    # windows of 2: [] kinerja [pegawai harus] | [pegawai dan] kinerja [dinas] |
    # [koordinasi membahas] kinerja [pegawai kecamatan]; disiplin is 3 words away
    assert sorted(table.index) == ["dinas", "kecamatan", "koordinasi", "membahas", "pegawai"]
    assert table.loc["pegawai", ["o11", "left", "right", "freq"]].tolist() == [3, 1, 2, 3]
    assert table.loc["dinas", ["o11", "left", "right", "freq"]].tolist() == [1, 0, 1, 2]
    assert table.attrs["node_freq"] == 3
    assert table.attrs["corpus_size"] == 30


def test_each_measure_equals_the_hand_computation(table):
    # pegawai: O11 = 3, f_node = 3, f_coll = 3, N = 30, span = 4
    e = 3 * 3 * 4 / 30  # 1.2
    row = table.loc["pegawai"]
    assert row["e11"] == pytest.approx(1.2)
    assert row["logdice"] == pytest.approx(14 + math.log2(2 * 3 / (3 + 3)))  # 14: always together
    assert row["t"] == pytest.approx((3 - e) / math.sqrt(3))
    assert row["mi"] == pytest.approx(math.log2(3 / e))
    # 2x2 table of positions: R1 = 3 * 4 = 12 window positions, C1 = 3 pegawai tokens
    # O = 3, 9, 0, 18 and E = 1.2, 10.8, 1.8, 16.2
    g2 = 2 * (3 * math.log(3 / 1.2) + 9 * math.log(9 / 10.8) + 18 * math.log(18 / 16.2))
    assert row["g2"] == pytest.approx(g2)
    assert row["g2"] == pytest.approx(6.0089, abs=1e-4)
    # dinas: O11 = 1, f_coll = 2
    row = table.loc["dinas"]
    assert row["e11"] == pytest.approx(3 * 2 * 4 / 30)
    assert row["logdice"] == pytest.approx(14 + math.log2(2 / 5))
    assert row["t"] == pytest.approx((1 - 0.8) / 1)
    assert row["mi"] == pytest.approx(math.log2(1 / 0.8))


def test_g2_is_negative_when_the_words_meet_less_often_than_chance():
    # O11 = 1 where E11 = 2: repelled
    scores = association_scores([1], 10, [10], 200.0, 4)
    assert scores["e11"][0] == pytest.approx(2.0)
    assert scores["g2"][0] < 0
    assert scores["mi"][0] == pytest.approx(-1.0)


def test_rows_sorted_by_the_measure_with_ties_by_term(table):
    # logDice: pegawai 14; kecamatan, koordinasi, membahas 13; dinas 12.68
    assert list(table.index) == ["pegawai", "kecamatan", "koordinasi", "membahas", "dinas"]
    assert table["rank"].tolist() == [1, 2, 2, 2, 5]
    by_t = collocates(docs(*BODIES), "kinerja", window=2, measure="t")
    assert list(by_t.index)[0] == "pegawai"
    assert by_t["t"].is_monotonic_decreasing


def test_stopwords_are_dropped_by_default_but_keep_their_place_in_the_window(table):
    assert "harus" not in table.index and "dan" not in table.index
    kept = collocates(docs(*BODIES), "kinerja", window=2, drop_stopwords=False)
    assert kept.loc["harus", "o11"] == 1 and kept.loc["dan", "o11"] == 1
    # the window counts positions, stopwords included: disiplin stays out either way
    assert "disiplin" not in kept.index
    own = collocates(docs(*BODIES), "kinerja", window=2, stopwords={"pegawai"})
    assert "pegawai" not in own.index and "harus" in own.index


def test_min_count_and_exclude(table):
    assert list(collocates(docs(*BODIES), "kinerja", window=2, min_count=2).index) == ["pegawai"]
    assert "dinas" not in collocates(docs(*BODIES), "kinerja", window=2, exclude={"dinas"}).index


def test_stem_matches_every_form_of_the_node():
    corpus = docs(
        "Kedisiplinan pegawai diawasi ketat. Pegawai harus disiplin setiap hari.",
        "Bupati menegaskan disiplin aparatur.",
    )
    by_form = collocates(corpus, "disiplin", window=3)
    by_stem = collocates(corpus, "kedisiplinan", window=3, stem=True)
    assert by_form.attrs["node_freq"] == 2
    assert by_stem.attrs["node"] == "disiplin" and by_stem.attrs["node_freq"] == 3
    assert "awas" in by_stem.index  # diawasi, as its stem


def _plain_definition(corpus, node, window, stem):
    """O11, left, right and freq by looking at every pair of positions of a sentence."""
    left, right, freq = Counter(), Counter(), Counter()
    for doc in corpus:
        for sent in tokenize_sentences(doc["body"], stem=stem):
            freq.update(sent)
            for i, a in enumerate(sent):
                for j, b in enumerate(sent):
                    if a == node and 0 < abs(i - j) <= window:
                        (left if j < i else right)[b] += 1
    return left, right, freq


@pytest.mark.parametrize("stem", [False, True])
def test_equals_the_plain_definition_on_the_seeds(seeds, stem):
    corpus = [{"doc_id": d, "body": b} for d, b in seeds["body"].items()]
    table = collocates(corpus, "kinerja", window=4, stem=stem, drop_stopwords=False)
    left, right, freq = _plain_definition(corpus, "kinerja", 4, stem)
    assert set(table.index) == set(left) | set(right)
    for term, row in table.iterrows():
        assert (row["left"], row["right"], row["freq"]) == (left[term], right[term], freq[term])
    assert table.attrs["corpus_size"] == sum(freq.values())
    dropped = collocates(corpus, "kinerja", window=4, stem=stem)
    assert set(dropped.index) == set(table.index) - DEFAULT_STOPWORDS


def test_reachable_from_terms_and_no_hits_gives_an_empty_table():
    assert terms.collocates is collocates
    empty = collocates(docs(*BODIES), "anggaran")
    assert empty.empty and empty.attrs["node_freq"] == 0


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"node": "kinerja pegawai"}, "one word"),
        ({"node": "kinerja", "window": 0}, "window"),
        ({"node": "kinerja", "measure": "dice"}, "measure"),
        ({"node": "kinerja", "min_count": 0}, "min_count"),
    ],
)
def test_bad_options_are_clear_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        collocates(docs(*BODIES), **kwargs)


def test_cli_collocates(capsys):
    from analysis.cli import main

    assert main(["collocates", "kinerja", "--window", "5", "--top", "3", "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "collocate,o11,left,right,freq,e11,logdice,t,mi,g2,rank"
    assert len(out) == 4
    assert main(["collocates", "kinerja", "--measure", "g2", "--format", "json"]) == 0
    assert '"collocate"' in capsys.readouterr().out
    assert main(["collocates", "rapat koordinasi"]) == 2
    assert capsys.readouterr().err == "error: node must be one word, got 'rapat koordinasi'\n"


@pytest.mark.slow
def test_worker_processes_give_the_serial_table(seeds):
    serial = collocates(seeds, "kinerja", stem=True, jobs=1)
    parallel = collocates(seeds, "kinerja", stem=True, jobs=2, engine="processes")
    pd.testing.assert_frame_equal(serial, parallel)
    assert serial.attrs == parallel.attrs
