"""Tests for analysis.kwic: keyword in context and dispersion (moved from test_terms.py)."""

from __future__ import annotations

import pytest
from documents import docs

from analysis import kwic, terms
from analysis.kwic import dispersion, kwic_table
from analysis.tokens import split_sentences, tokenize


def test_old_names_still_work():
    # KWIC and dispersion were in analysis.terms; kwic_table was named kwic
    assert terms.kwic is kwic.kwic is kwic_table
    assert terms.dispersion is dispersion


# ---------------------------------------------------------------------- KWIC


def test_kwic_multiword_does_not_match_across_a_sentence_break():
    corpus = docs("Kami siap kerja. Sama halnya dengan OPD. Kerja sama antar OPD penting.")
    hits = kwic_table(corpus, "kerja sama", window=2)
    assert list(hits.columns) == [
        "doc_id",
        "sentence_no",
        "from",
        "to",
        "left",
        "keyword",
        "right",
    ]
    assert hits.index.name == "hit"
    assert len(hits) == 1
    hit = hits.iloc[0]
    assert (hit["doc_id"], hit["sentence_no"], hit["keyword"]) == ("d1", 3, "Kerja sama")
    assert hit["left"] == ""
    assert hit["right"] == "antar OPD"
    # quanteda's from/to: the hit is the 8th and 9th word of the document (from 1)
    assert (hit["from"], hit["to"]) == (8, 9)


def test_kwic_window_and_surface_forms():
    corpus = docs("Bupati meminta OPD meningkatkan Kinerja dan disiplin pegawai.")
    hit = kwic_table(corpus, "kinerja", window=2).iloc[0]
    assert hit["keyword"] == "Kinerja"
    assert hit["left"] == "OPD meningkatkan"
    assert hit["right"] == "dan disiplin"
    wide = kwic_table(corpus, "kinerja", window=10).iloc[0]
    assert wide["left"] == "Bupati meminta OPD meningkatkan"
    assert wide["right"] == "dan disiplin pegawai."


def test_kwic_glob_and_stem_patterns():
    corpus = docs(
        "Koordinasi penting. Koordinasinya lemah. OPD harus berkoordinasi.",
        "Kedisiplinan pegawai. Disiplin apel. Mendisiplinkan ASN.",
    )
    glob = kwic_table(corpus, "koordinasi*")
    assert list(glob["keyword"]) == ["Koordinasi", "Koordinasinya"]
    assert list(kwic_table(corpus, "*koordinasi")["keyword"]) == ["Koordinasi", "berkoordinasi"]
    exact = kwic_table(corpus, "disiplin")
    assert list(exact["keyword"]) == ["Disiplin"]
    stemmed = kwic_table(corpus, "disiplin", stem=True)
    assert list(stemmed["keyword"]) == ["Kedisiplinan", "Disiplin", "Mendisiplinkan"]
    assert list(stemmed["sentence_no"]) == [1, 2, 3]
    # a pattern given in an inflected form matches by its stem too
    assert len(kwic_table(corpus, "kedisiplinan", stem=True)) == 3
    with pytest.raises(ValueError, match="empty pattern"):
        kwic_table(corpus, "  ")


def test_kwic_on_the_seeds(seeds):
    hits = kwic_table(seeds, "penyerapan anggaran", window=3)
    assert len(hits) == 4 and set(hits["doc_id"]) == {"002"}
    sentences = split_sentences(seeds.loc["002", "body"])
    for _, hit in hits.iterrows():
        assert hit["keyword"].lower() == "penyerapan anggaran"
        assert hit["keyword"] in sentences[hit["sentence_no"] - 1]
    glob = kwic_table(seeds, "koordinasi*")
    expected = sum(
        1 for body in seeds["body"] for t in tokenize(body) if t.startswith("koordinasi")
    )
    assert len(glob) == expected > 0


def test_kwic_positions_count_the_words_of_the_document_from_one():
    corpus = docs(
        "Bupati menegaskan disiplin pegawai. Apel pagi, 07.30 WIB, menguji disiplin ASN.",
        "Disiplin adalah kunci kinerja OPD.",
    )
    hits = kwic_table(corpus, "disiplin")
    # numbers without a letter (07.30) are no word tokens; the second sentence starts at 5
    assert list(zip(hits["doc_id"], hits["from"], hits["to"])) == [
        ("d1", 3, 3),
        ("d1", 9, 9),
        ("d2", 1, 1),
    ]
    phrase = kwic_table(corpus, "apel pagi")
    assert (phrase.iloc[0]["from"], phrase.iloc[0]["to"]) == (5, 6)


def test_kwic_positions_agree_with_dispersion_on_the_seeds(seeds):
    hits = kwic_table(seeds, "kinerja", stem=True)
    where = dispersion(seeds, "kinerja", stem=True)
    assert list(hits["from"] - 1) == list(where["token_index"]) and len(hits) > 10
    for _, hit in hits.iterrows():
        words = tokenize(seeds.loc[hit["doc_id"], "body"])
        assert hit["from"] == hit["to"]
        assert words[hit["from"] - 1] == hit["keyword"].lower()


SORTABLE = docs(
    "Camat menegakkan disiplin pegawai. Bupati meminta disiplin apel. "
    "Sekda menegakkan disiplin absensi.",
    "Inspektorat memeriksa disiplin ASN. Wabup menegakkan disiplin apel pagi.",
)


def test_kwic_sort_by_left_context_breaks_ties_further_left_then_by_corpus_order():
    hits = kwic_table(SORTABLE, "disiplin", window=2, sort="L1")
    assert list(hits["left"]) == [
        "Inspektorat memeriksa",
        "Bupati meminta",
        "Camat menegakkan",  # ties on L1 'menegakkan' are broken by L2: camat < sekda < wabup
        "Sekda menegakkan",
        "Wabup menegakkan",
    ]
    # the index keeps each hit's number in corpus order; other columns are unchanged
    assert list(hits.index) == [3, 1, 0, 2, 4]
    assert hits.loc[0].to_dict() == kwic_table(SORTABLE, "disiplin", window=2).loc[0].to_dict()
    by_l2 = kwic_table(SORTABLE, "disiplin", window=2, sort="L2")
    assert [left.split()[0] for left in by_l2["left"]] == [
        "Bupati",
        "Camat",
        "Inspektorat",
        "Sekda",
        "Wabup",
    ]


def test_kwic_sort_by_right_context_and_by_keyword():
    by_r1 = kwic_table(SORTABLE, "disiplin", window=2, sort="R1")
    assert list(by_r1["right"]) == ["absensi.", "apel.", "apel pagi", "ASN.", "pegawai."]
    assert list(by_r1.index) == [2, 1, 4, 3, 0]
    # a hit at the start of its sentence has no L1 word: it comes first
    glob = kwic_table(docs("Kinerja naik. OPD berkinerja baik. Kinerjanya turun."), "*kinerja*")
    assert list(glob.sort_index()["keyword"]) == ["Kinerja", "berkinerja", "Kinerjanya"]
    assert list(kwic.sort_kwic(glob, "L1")["keyword"]) == ["Kinerja", "Kinerjanya", "berkinerja"]
    by_keyword = kwic.sort_kwic(glob, "keyword")
    assert list(by_keyword["keyword"]) == ["berkinerja", "Kinerja", "Kinerjanya"]
    by_doc = kwic.sort_kwic(kwic_table(SORTABLE, "disiplin", sort="R1"), ["doc_id", "L1"])
    assert list(by_doc["doc_id"]) == ["d1", "d1", "d1", "d2", "d2"]


def test_kwic_sort_rejects_an_unknown_key_before_reading_the_corpus():
    with pytest.raises(ValueError, match="'L1', 'L2'.*got 'left1'"):
        kwic_table("no/such/folder", "disiplin", sort="left1")
    with pytest.raises(ValueError, match="got 'L0'"):
        kwic.sort_kwic(kwic_table(SORTABLE, "disiplin"), "L0")


# ---------------------------------------------------------------------- dispersion


def test_dispersion_positions():
    corpus = docs("Kinerja pegawai. Disiplin dan kinerja OPD meningkat bersama kinerjanya.")
    table = dispersion(corpus, ["kinerja", "disiplin"])
    assert list(table.columns) == [
        "doc_id",
        "term",
        "token_index",
        "relative_position",
        "sentence_no",
    ]
    kinerja = table[table["term"] == "kinerja"]
    assert list(kinerja["token_index"]) == [0, 4, 8]  # 9 words; kinerjanya by stem
    assert list(kinerja["relative_position"]) == [0.0, 0.5, 1.0]
    assert list(kinerja["sentence_no"]) == [1, 2, 2]
    assert table[table["term"] == "disiplin"]["token_index"].tolist() == [2]
    exact = dispersion(corpus, "kinerja", stem=False)
    assert exact["token_index"].tolist() == [0, 4]


def test_dispersion_on_the_seeds(seeds):
    table = dispersion(seeds, ["kinerja", "koordinasi", "disiplin"])
    assert table["relative_position"].between(0, 1).all()
    for doc_id, body in seeds["body"].items():
        stems = tokenize(body, stem=True)
        for term in ("kinerja", "koordinasi", "disiplin"):
            rows = table[(table["doc_id"] == doc_id) & (table["term"] == term)]
            assert len(rows) == stems.count(term)
            assert all(stems[i] == term for i in rows["token_index"])
