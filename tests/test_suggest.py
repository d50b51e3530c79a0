"""Lexicon suggestions: words key in a frame's sentences, with evidence (passages written
for the tests)."""

import pytest

from analysis.suggest import SUGGESTION_COLUMNS, suggest_entries

DISCIPLINE = [
    "Bupati Budiman menegaskan disiplin pegawai dicek lewat presensi setiap pagi.",
    "Pegawai yang lalai mengisi presensi akan diberi sanksi oleh Budiman.",
    "Sekda meminta presensi digital dipatuhi dan aturan jam kerja ditegakkan.",
    "Kepala dinas wajib menegakkan disiplin, termasuk presensi pegawai honorer.",
]
OTHER = [
    "Pemerintah kabupaten membangun jembatan baru di desa Sukamaju.",
    "Warga menyambut pembangunan pasar dengan gembira.",
    "Budiman meresmikan jembatan itu pada hari Senin.",
    "Panen jagung tahun ini meningkat di tiga kecamatan.",
]


@pytest.fixture(scope="module")
def corpus():
    docs = [
        {"doc_id": "a", "body": "\n".join(DISCIPLINE[:2] + OTHER[:2])},
        {"doc_id": "b", "body": "\n".join(DISCIPLINE[2:] + OTHER[2:])},
    ]
    return docs


def test_a_word_key_in_the_frames_sentences_is_suggested_with_evidence(corpus):
    table = suggest_entries(list(corpus), "discipline", n=10, min_count=2)
    assert list(table.columns) == list(SUGGESTION_COLUMNS)
    assert table.index[0] == "presensi"
    row = table.loc["presensi"]
    assert (row["count_with"], row["count_without"], row["n_sentences"]) == (4, 0, 4)
    assert row["g2"] > 0 and row["words"] == 1
    assert row["evidence"].startswith("a:1 …") and "[presensi]" in row["evidence"]


def test_entries_stopwords_and_names_are_left_out(corpus):
    table = suggest_entries(list(corpus), "discipline", n=50, min_count=1)
    # disiplin, sanksi, wajib, aturan are entries (by form or stem); yang, dan are stopwords
    assert not {"disiplin", "sanksi", "wajib", "aturan", "yang", "dan"} & set(table.index)
    assert "budiman" not in table.index  # a name: written capitalised inside sentences
    assert (table["g2"] > 0).all()


def test_an_unknown_frame_is_refused_with_the_frames_named(corpus):
    with pytest.raises(ValueError, match="coordination, discipline"):
        suggest_entries(list(corpus), "budget")
