"""Tests for analysis.names: names of people and places found in the text, not only in
the metadata, and the words that must stay."""

from __future__ import annotations

import pandas as pd
import pytest
from documents import docs

from analysis import names
from analysis.cli import main
from analysis.paths import SEEDS_DIR
from analysis.terms import term_frequencies

RAPAT = (
    "Rapat evaluasi dipimpin Bupati Sukamaju, H. Darmawan Effendi di Pendopo Griya Sakti.\n"
    "Wakil Bupati Slamet Riyadi meminta setiap kepala dinas meningkatkan kinerja.\n"
    "Menurut Slamet, realisasi anggaran di Kabupaten Sukamaju masih rendah.\n"
    "Disiplin pegawai juga dibahas dalam rapat tersebut.\n"
    "Hadir pula Pak Joko Susilo dari Kecamatan Talang Kelapa."
)


def test_a_wakil_bupati_an_honorific_and_a_place_after_kabupaten_are_names():
    found = names.name_terms(docs(RAPAT))
    assert {"slamet", "riyadi"} <= found  # Wakil Bupati Slamet Riyadi
    assert {"darmawan", "effendi"} <= found  # H. Darmawan Effendi
    assert {"joko", "susilo"} <= found  # Pak Joko Susilo
    assert "sukamaju" in found  # Kabupaten Sukamaju
    assert {"talang", "kelapa"} <= found  # Kecamatan Talang Kelapa
    assert {"griya", "sakti"} <= found  # di Pendopo Griya Sakti


def test_titles_offices_and_ordinary_words_are_not_names():
    found = names.name_terms(docs(RAPAT))
    assert not {"bupati", "wakil", "kabupaten", "kecamatan", "pendopo", "kepala"} & found
    assert not {"rapat", "kinerja", "anggaran", "pegawai", "hadir", "menurut"} & found


def test_a_sentence_initial_lexicon_word_stays():
    # "Disiplin" opens a sentence and is never written in lower case: it is no name
    assert "disiplin" not in names.name_terms(docs(RAPAT))
    # nor when written with a capital inside a sentence: it is a frame-lexicon word
    corpus = docs(
        "Seluruh pegawai wajib mengikuti Gerakan Disiplin Nasional setiap bulan di "
        "Kabupaten Sukamaju."
    )
    table = names.find_names(corpus)
    assert table.loc["disiplin", "lexicon"] and not table.loc["disiplin", "left_out"]
    assert table.loc["sukamaju", "left_out"]


def test_a_capitalised_word_written_in_lower_case_elsewhere_stays():
    corpus = docs(
        "Sekda menegaskan bahwa Pelayanan Prima harus dijaga.",
        "Kualitas pelayanan yang prima menjadi ukuran kinerja.",
    )
    table = names.find_names(corpus)
    assert table.loc["prima", "lowercase_count"] == 1
    assert not table.loc["prima", "left_out"]


def test_a_corpus_without_metadata_still_has_its_names_left_out():
    corpus = docs(RAPAT, "Gubernur Sumsel Herman Deru membuka apel pagi di Palembang.")
    table = names.find_names(corpus)
    assert "metadata" not in " ".join(table["found_by"])
    assert {"herman", "deru", "sumsel", "palembang", "slamet"} <= names.name_terms(corpus)
    note = names.left_out_note(table)
    assert note == "stopwords and names of people and places found in the text left out"
    counted = term_frequencies(corpus, by=None, exclude=names.name_terms(corpus))
    assert "slamet" not in counted.index and "deru" not in counted.index
    assert "disiplin" in counted.index


def test_metadata_names_are_left_out_and_the_note_says_where():
    corpus = docs(RAPAT, leader=["Hj. Ratna Sari"], region=["Kabupaten Sukamaju"])
    table = names.find_names(corpus)
    assert table.loc["ratna", "found_by"] == "metadata" and table.loc["ratna", "left_out"]
    assert "in the text and the metadata" in names.left_out_note(table)


def test_no_names_found_says_so():
    table = names.find_names(docs("kinerja pegawai harus meningkat. disiplin ditegakkan."))
    assert table.empty
    assert names.left_out_note(table) == "stopwords left out; no names left out"


def test_the_audit_table_has_its_columns_and_the_same_result_twice():
    table = names.find_names(docs(RAPAT))
    assert table.index.name == "term" and table.index.is_monotonic_increasing
    assert list(table.columns) == ["found_by", "count", "lowercase_count", "lexicon", "left_out"]
    assert table.loc["slamet", "found_by"] == "title, capitalised"
    assert table.loc["darmawan", "found_by"] == "honorific"
    pd.testing.assert_frame_equal(table, names.find_names(docs(RAPAT)))


def test_cli_terms_leave_the_names_out_by_default(capsys, seeds):
    assert main(["terms", "--by", "leader", "--top", "0", "--format", "csv", "--quiet"]) == 0
    default = pd.read_csv(__import__("io").StringIO(capsys.readouterr().out))
    # the table behind the figures: the same names left out
    expected = term_frequencies(seeds, by="leader", exclude=names.name_terms(seeds))
    assert len(default) == len(expected)
    assert not {"slamet", "askolani", "banyuasin", "sumsel"} & set(default["term"])
    assert main(["terms", "--by", "leader", "--top", "0", "--format", "csv", "--keep-names"]) == 0
    kept = pd.read_csv(__import__("io").StringIO(capsys.readouterr().out))
    assert "slamet" in set(kept["term"])
    assert main(["terms", "--top", "0", "--format", "csv", "--drop-names"]) == 0  # old option
    assert "slamet" not in capsys.readouterr().out


@pytest.mark.parametrize("command", ["terms", "keyness"])
def test_cli_keep_and_drop_names_together_is_a_usage_error(command, capsys):
    with pytest.raises(SystemExit) as exc:
        main([command, "--keep-names", "--drop-names"])
    assert exc.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def _titles(builder, corpus) -> dict[str, str]:
    from analysis import plots

    titles = {}
    for name, fig, _table, *_ in builder(corpus):
        titles[name] = fig._suptitle.get_text() if fig._suptitle else ""
        plots.close_figure(fig)
    return titles


def test_figure_titles_say_what_was_left_out_on_a_corpus_without_metadata():
    from analysis import figures

    bodies = [RAPAT, "Gubernur Sumsel Herman Deru membuka apel pagi di Palembang."] * 2
    corpus = pd.DataFrame({"body": bodies}, index=pd.Index(["a1", "a2", "a3", "a4"], name="doc_id"))
    titles = _titles(figures.top_terms, corpus)
    assert "names of people and places found in the text left out" in titles["top_terms_corpus"]
    table = next(iter(figures.top_terms(corpus)))[2]
    assert "slamet" not in table.index and "deru" not in table.index


def test_figure_titles_say_no_names_were_left_out_when_none_were_found():
    from analysis import figures

    corpus = pd.DataFrame(
        {"body": ["kinerja pegawai harus meningkat. disiplin ditegakkan setiap hari."] * 2},
        index=pd.Index(["a1", "a2"], name="doc_id"),
    )
    titles = _titles(figures.top_terms, corpus)
    assert "no names left out" in titles["top_terms_corpus"]


@pytest.mark.slow
def test_the_same_names_from_a_folder_in_worker_processes(seeds):
    from analysis.paths import SEEDS_DIR

    assert names.name_terms(SEEDS_DIR, jobs=2) == names.name_terms(seeds)


# ---------------------------------------------------------------- names found while counting

RAPAT_2 = (
    "Gubernur Sulistyo meminta Sekda Hartono memantau disiplin pegawai di Kota Mekarsari.\n"
    "Kepala dinas yang hadir terlambat akan dievaluasi, kata Sulistyo.\n"
    "Koordinasi antarperangkat daerah harus diperkuat menjelang akhir tahun anggaran."
)


def _leaders_corpus() -> list[dict]:
    bodies = [RAPAT, RAPAT_2, RAPAT.replace("Slamet", "Sutrisno"), RAPAT_2]
    return docs(*bodies, leader=["Darmawan", "Sulistyo", "Darmawan", "Sulistyo"])


@pytest.mark.parametrize("by", [None, "leader", "doc_id"])
@pytest.mark.parametrize("stem", [False, True])
def test_names_found_while_counting_give_the_table_of_two_passes(by, stem):
    corpus = _leaders_corpus()
    two_passes = term_frequencies(corpus, by=by, stem=stem, exclude=names.name_terms(corpus))
    one_pass = term_frequencies(corpus, by=by, stem=stem, exclude=names.NamesInText())
    pd.testing.assert_frame_equal(one_pass, two_passes)
    terms = set(one_pass.index.get_level_values(-1))
    assert not {"slamet", "hartono", "mekarsari", "sulistyo"} & terms  # names, left out
    assert {"disiplin", "koordinasi"} <= terms  # frame words stay


def test_names_found_while_counting_in_keyness_and_term_counts(seeds):
    from analysis.keyness import keyness_by_group
    from analysis.terms import term_counts

    found = names.name_terms(seeds)
    for func in (term_counts, keyness_by_group):
        two_passes = func(seeds, by="leader", exclude=found)
        one_pass = func(seeds, by="leader", exclude=names.NamesInText())
        if isinstance(two_passes, dict):
            assert one_pass == two_passes and list(one_pass) == list(two_passes)
            assert all(list(one_pass[g]) == list(two_passes[g]) for g in one_pass)
        else:
            pd.testing.assert_frame_equal(one_pass, two_passes)


@pytest.mark.slow
def test_names_found_while_counting_in_worker_processes():
    serial = term_frequencies(SEEDS_DIR, by="leader", exclude=names.name_terms(SEEDS_DIR))
    workers = term_frequencies(SEEDS_DIR, by="leader", exclude=names.NamesInText(), jobs=2)
    pd.testing.assert_frame_equal(workers, serial)


def test_names_found_while_counting_are_refused_where_they_cannot_be():
    from analysis.terms import collocates

    with pytest.raises(TypeError, match="worked out while counting terms"):
        collocates(_leaders_corpus(), "disiplin", exclude=names.NamesInText())


def test_cli_terms_and_keyness_read_the_corpus_once(monkeypatch, capsys):
    calls = []
    real = names.find_names
    monkeypatch.setattr(names, "find_names", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert main(["terms", "--by", "leader", "--format", "csv"]) == 0
    assert main(["keyness", "--format", "csv"]) == 0
    assert calls == []  # no separate pass to find the names
    capsys.readouterr()
