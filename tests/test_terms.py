"""Tests for analysis.terms: frequencies, n-grams, collocations, TF-IDF, corpus size, grouping."""

from __future__ import annotations

import math
import re
from collections import Counter

import pandas as pd
import pytest
from documents import docs

from analysis import terms
from analysis.corpus import iter_documents, load_corpus
from analysis.paths import SEEDS_DIR
from analysis.tokens import split_sentences, stopwords, tokenize


@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    return load_corpus()


# ---------------------------------------------------------------------- term_frequencies


def test_rank_ties_share_the_lower_rank():
    # kinerja 3, koordinasi 2, disiplin 2, apel 1, absensi 1, pegawai 1
    corpus = docs(
        "Kinerja kinerja kinerja. Koordinasi koordinasi disiplin disiplin.",
        "Apel absensi pegawai.",
    )
    table = terms.term_frequencies(corpus)
    assert table.index.name == "term"
    assert list(table.columns) == ["count", "per_1000", "doc_freq", "rank"]
    assert table["rank"].to_dict() == {
        "kinerja": 1,
        "disiplin": 2,
        "koordinasi": 2,
        "absensi": 4,
        "apel": 4,
        "pegawai": 4,
    }
    # sorted by count descending, then term
    assert list(table.index) == ["kinerja", "disiplin", "koordinasi", "absensi", "apel", "pegawai"]


def test_per_1000_counts_every_word_including_stopwords():
    # 8 words, of which "dan", "yang", "di" are stopwords; 2025 is a number, not a word
    corpus = docs("Kinerja dan disiplin yang baik di OPD kinerja 2025.")
    table = terms.term_frequencies(corpus)
    assert "dan" not in table.index
    assert table.loc["kinerja", "count"] == 2
    assert table.loc["kinerja", "per_1000"] == pytest.approx(1000 * 2 / 8)
    kept = terms.term_frequencies(corpus, drop_stopwords=False)
    assert kept.loc["dan", "count"] == 1
    assert kept.loc["kinerja", "per_1000"] == pytest.approx(1000 * 2 / 8)


def test_grouped_frequencies_and_doc_freq():
    corpus = docs(
        "Kinerja OPD meningkat.",
        "Kinerja camat dan kinerja OPD.",
        "Koordinasi antar OPD.",
        leader=["A", "A", "B"],
    )
    table = terms.term_frequencies(corpus, by="leader")
    assert table.index.names == ["leader", "term"]
    assert table.loc[("A", "kinerja"), "count"] == 3
    assert table.loc[("A", "kinerja"), "doc_freq"] == 2
    assert table.loc[("A", "opd"), "doc_freq"] == 2
    assert table.loc[("B", "opd"), "rank"] == 1
    assert ("B", "kinerja") not in table.index
    # per 1,000 words of the group: A has 3 + 5 = 8 words
    assert table.loc[("A", "kinerja"), "per_1000"] == pytest.approx(1000 * 3 / 8)


def test_stems_and_reduplication():
    corpus = docs("Kedisiplinan dan disiplin pegawai. Program-program OPD dan program baru.")
    stemmed = terms.term_frequencies(corpus, stem=True)
    assert stemmed.loc["disiplin", "count"] == 2
    surface = terms.term_frequencies(corpus)
    assert surface.loc["program-program", "count"] == 1
    folded = terms.term_frequencies(corpus, fold_reduplication=True)
    assert folded.loc["program", "count"] == 2


def test_unknown_column_and_missing_values():
    corpus = docs("Kinerja OPD.", "Disiplin OPD.", leader=["A", None])
    with pytest.raises(ValueError, match="'region'.*available: doc_id"):
        terms.term_frequencies(corpus, by="region")
    counts = terms.term_counts(corpus, by="leader")
    assert list(counts) == ["(missing)", "A"]
    assert counts["(missing)"] == Counter({"disiplin": 1, "opd": 1})


def test_term_counts_on_the_seeds_match_the_tokenizer(seeds):
    counts = terms.term_counts(seeds)  # by doc_id
    assert list(counts) == list(seeds.index)
    for doc_id, body in seeds["body"].items():
        assert counts[doc_id] == Counter(tokenize(body, drop_stopwords=True))
    whole = terms.term_counts(seeds, by=None)
    assert list(whole) == ["corpus"]
    assert whole["corpus"] == sum(counts.values(), Counter())


def test_frequencies_on_the_seeds(seeds):
    table = terms.term_frequencies(seeds)
    bodies = [tokenize(b) for b in seeds["body"]]
    n_words = sum(len(b) for b in bodies)
    assert table.loc["kinerja", "count"] == sum(b.count("kinerja") for b in bodies)
    assert table.loc["kinerja", "per_1000"] == pytest.approx(
        1000 * table.loc["kinerja", "count"] / n_words
    )
    assert table.loc["opd", "doc_freq"] == sum("opd" in b for b in bodies) == 5
    assert not set(table.index) & stopwords()
    assert table["rank"].iloc[0] == 1
    assert (table["rank"].diff().dropna() >= 0).all()


def test_any_corpus_form_gives_the_same_table(seeds):
    from_frame = terms.term_frequencies(seeds, by="leader")
    pd.testing.assert_frame_equal(from_frame, terms.term_frequencies(iter_documents(), by="leader"))
    pd.testing.assert_frame_equal(from_frame, terms.term_frequencies(SEEDS_DIR, by="leader"))


def test_exclude_and_metadata_terms(seeds):
    names = terms.metadata_terms(seeds)
    assert {"deru", "herman", "banyuasin", "oku", "askolani"} <= names
    assert "h" not in names  # "H." is a stopword, not a name
    table = terms.term_frequencies(seeds, exclude=names)
    assert not set(table.index) & names
    with pytest.raises(TypeError):
        terms.term_counts(seeds, exclude="banyuasin")


# ---------------------------------------------------------------------- n-grams


def test_ngrams_stay_inside_sentences_and_drop_stopword_only_grams():
    corpus = docs(
        "Kami kerja. Sama halnya dengan visi dan misi daerah. Dan di sana ada visi dan misi."
    )
    bigrams = terms.ngrams(corpus, 2, drop_stopwords=False)
    assert bigrams.index.name == "ngram"
    assert "kerja sama" not in bigrams.index  # a sentence break lies between them
    assert "dan di" not in bigrams.index  # only stopwords
    assert bigrams.loc["dan misi", "count"] == 2
    edges = terms.ngrams(corpus, 2)  # default: no stopword at either end
    assert "dan misi" not in edges.index
    trigrams = terms.ngrams(corpus, 3)
    assert trigrams.loc["visi dan misi", "count"] == 2
    assert trigrams.loc["visi dan misi", "doc_freq"] == 1
    with pytest.raises(ValueError, match="n must be 2"):
        terms.ngrams(corpus, 4)


def test_collocations_on_the_seeds(seeds):
    table = terms.collocations(seeds, min_freq=3)
    assert table.index.name == "ngram"
    assert list(table.columns) == ["count", "likelihood_ratio", "pmi", "rank"]
    assert (table["count"] >= 3).all()
    assert table["likelihood_ratio"].is_monotonic_decreasing
    # "penyerapan anggaran" occurs 4 times, all in 002 (checked in the text itself)
    text = " ".join(seeds["body"]).lower()
    assert len(re.findall(r"\bpenyerapan anggaran\b", text)) == 4
    row = table.loc["penyerapan anggaran"]
    assert row["count"] == 4
    # PMI from independent counts: log2(n_xy * N / (n_x * n_y)) over all tokens
    tokens = [t for body in seeds["body"] for t in tokenize(body)]
    n, nx, ny = len(tokens), tokens.count("penyerapan"), tokens.count("anggaran")
    assert row["pmi"] == pytest.approx(math.log2(4 * n / (nx * ny)))
    stops = stopwords()
    for gram in table.index:
        words = gram.split()
        assert words[0] not in stops and words[-1] not in stops


def test_collocations_pmi_order_and_trigrams(seeds):
    pmi = terms.collocations(seeds, measure="pmi", min_freq=2)
    assert pmi["pmi"].is_monotonic_decreasing
    assert pmi["rank"].iloc[0] == 1
    tri = terms.collocations(seeds, n=3, min_freq=2, drop_stopwords=False)
    assert "visi dan misi" in tri.index
    with pytest.raises(ValueError, match="measure"):
        terms.collocations(seeds, measure="dice")


def test_collocations_never_cross_a_sentence_break():
    corpus = docs("Kami kerja. Sama halnya. " * 3 + "Kerja sama itu penting.")
    table = terms.collocations(corpus, min_freq=1)
    assert table.loc["kerja sama", "count"] == 1


# ---------------------------------------------------------------------- TF-IDF


def test_tfidf_by_hand():
    corpus = docs(
        "Kinerja kinerja OPD.",
        "Disiplin OPD.",
        "Koordinasi OPD.",
    )
    table = terms.tfidf(corpus, top=None)
    assert table.index.names == ["doc_id", "term"]
    assert list(table.columns) == ["count", "tf", "doc_freq", "idf", "tfidf", "rank"]
    row = table.loc[("d1", "kinerja")]
    assert row["tf"] == pytest.approx(2 / 3)
    assert row["idf"] == pytest.approx(math.log(4 / 2) + 1)
    assert row["tfidf"] == pytest.approx(2 / 3 * (math.log(2) + 1))
    assert table.loc[("d1", "opd"), "idf"] == pytest.approx(1.0)  # in every document
    assert table.loc[("d2", "disiplin"), "rank"] == 1
    assert len(terms.tfidf(corpus, top=1)) == 3


def test_tfidf_on_the_seeds(seeds):
    table = terms.tfidf(seeds, top=5, exclude=terms.metadata_terms(seeds))
    assert table.groupby(level="doc_id").size().max() <= 5
    # Herman Deru's "produk" (4 times, only in 004) is among his most distinctive terms
    assert table.loc[("004", "produk"), "doc_freq"] == 1


# ---------------------------------------------------------------------- corpus_summary


def test_corpus_summary_by_hand():
    corpus = docs(
        "Kinerja OPD harus meningkat. Disiplin dan kinerja.\nRapat koordinasi digelar.",
        "Koordinasi antar OPD penting.",
        leader=["A", "B"],
    )
    table = terms.corpus_summary(corpus)
    assert table.index.name == "doc_id" and list(table.index) == ["d1", "d2"]
    assert list(table.columns) == [
        "articles",
        "paragraphs",
        "sentences",
        "tokens",
        "types",
        "content_tokens",
        "content_types",
        "stopword_share",
    ]
    d1 = table.loc["d1"]
    assert (d1["paragraphs"], d1["sentences"]) == (2, 3)
    # kinerja opd harus meningkat disiplin dan kinerja rapat koordinasi digelar
    assert (d1["tokens"], d1["types"]) == (10, 9)
    kept = [t for t in tokenize(corpus[0]["body"]) if t not in stopwords()]
    assert d1["content_tokens"] == len(kept) and d1["content_types"] == len(set(kept))
    assert "harus" not in kept and "dan" not in kept  # both are stopwords
    assert d1["stopword_share"] == pytest.approx(1 - len(kept) / 10)
    whole = terms.corpus_summary(corpus, by=None)
    assert whole.index.tolist() == ["corpus"] and whole.index.name == "group"
    assert whole.loc["corpus", "tokens"] == table["tokens"].sum()
    assert whole.loc["corpus", "types"] == len(
        set(tokenize(corpus[0]["body"] + " " + corpus[1]["body"]))
    )
    assert terms.corpus_summary(corpus, by="leader").index.tolist() == ["A", "B"]


def test_corpus_summary_agrees_with_the_counting_functions(seeds):
    table = terms.corpus_summary(seeds)
    counts = terms.term_counts(seeds, by="doc_id")
    freqs = terms.term_frequencies(seeds, by="doc_id")
    for doc_id, body in seeds["body"].items():
        row = table.loc[doc_id]
        assert row["sentences"] == len(split_sentences(body))
        assert row["content_tokens"] == sum(counts[doc_id].values())
        assert row["content_types"] == len(counts[doc_id])
        # per_1000 of term_frequencies is per 1,000 of these tokens
        top = freqs.loc[doc_id].iloc[0]
        assert top["per_1000"] == pytest.approx(1000 * top["count"] / row["tokens"])
    assert (table["articles"] == 1).all()
    assert ((table["stopword_share"] > 0.2) & (table["stopword_share"] < 0.7)).all()
    stems = terms.corpus_summary(seeds, stem=True)
    assert (stems["types"] < table["types"]).all()  # stemming merges types
    assert (stems["tokens"] == table["tokens"]).all()


# ---------------------------------------------------------------------- choose_grouping


def test_choose_grouping(seeds):
    assert terms.choose_grouping(seeds) == "leader"
    assert terms.choose_grouping(seeds, ["outlet"]) == "outlet"
    assert terms.choose_grouping(seeds, "level") == "level"  # kabupaten and provinsi
    assert terms.choose_grouping(seeds, ["province"], min_groups=3) == "doc_id"
    one_leader = docs(
        "Kinerja.",
        "Disiplin.",
        "Koordinasi.",
        leader=["A", "A", ""],
        role=["Bupati", None, "Sekda"],
    )
    assert terms.choose_grouping(one_leader) == "role"  # leader has one value only
    assert terms.choose_grouping(pd.DataFrame(one_leader).set_index("doc_id")) == "role"
    assert terms.choose_grouping(docs("Kinerja.", "Disiplin.")) == "doc_id"  # no metadata
    assert terms.choose_grouping(SEEDS_DIR) == "leader"  # a folder is read once
