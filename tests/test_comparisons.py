"""Tests for keyness against a reference frequency list and between two groups
(analysis.comparisons, keyness_by_group(reference=, against=), keyness --reference/--against)."""

from __future__ import annotations

from collections import Counter
from io import StringIO

import pandas as pd
import pytest

from analysis.cli import main
from analysis.comparisons import read_reference
from analysis.keyness import keyness_by_group, keyness_table
from analysis.terms import term_counts

CORPUS = [
    {"doc_id": "d1", "leader": "A", "body": "Kinerja pegawai meningkat. Kinerja dinas dinilai."},
    {"doc_id": "d2", "leader": "B", "body": "Rapat koordinasi lintas dinas digelar pagi."},
    {"doc_id": "d3", "leader": "C", "body": "Apel pagi menegakkan disiplin pegawai dinas."},
]
REFERENCE = Counter({"kinerja": 2, "dinas": 40, "pegawai": 30, "rapat": 20, "jalan": 108})


def test_whole_corpus_against_a_reference_list_uses_the_keyness_statistics():
    table = keyness_by_group(CORPUS, by=None, reference=REFERENCE)
    assert table.index.names == ["group", "term"]
    expected = keyness_table(term_counts(CORPUS, by=None)["corpus"], REFERENCE)
    pd.testing.assert_frame_equal(
        table.loc["corpus"], expected, check_names=False, check_index_type=False
    )
    # kinerja: 2 of 17 tokens here, 2 of 200 in the reference -> key
    assert table.loc[("corpus", "kinerja"), "g2"] > 0
    assert table.loc[("corpus", "jalan"), "count_target"] == 0
    assert table.loc[("corpus", "jalan"), "g2"] < 0


def test_each_group_against_a_reference_list():
    table = keyness_by_group(CORPUS, by="leader", groups=["C"], reference=REFERENCE)
    assert list(table.index.get_level_values("leader").unique()) == ["C"]
    expected = keyness_table(term_counts(CORPUS, by="leader")["C"], REFERENCE)
    pd.testing.assert_frame_equal(
        table.loc["C"], expected, check_names=False, check_index_type=False
    )


def test_group_against_one_other_group_not_the_rest():
    counts = term_counts(CORPUS, by="leader")
    table = keyness_by_group(CORPUS, by="leader", groups=["A"], against="B")
    pd.testing.assert_frame_equal(
        table.loc["A"],
        keyness_table(counts["A"], counts["B"]),
        check_names=False,
        check_index_type=False,
    )
    # pegawai is in C (the rest) but not in B: only the rest counts it
    assert table.loc[("A", "pegawai"), "count_reference"] == 0
    rest = keyness_by_group(CORPUS, by="leader", groups=["A"])
    assert rest.loc[("A", "pegawai"), "count_reference"] == 1
    every = keyness_by_group(CORPUS, by="leader", against="B")
    assert list(every.index.get_level_values("leader").unique()) == ["A", "C"]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"groups": ["A"], "against": "A"}, "with itself"),
        ({"groups": ["A"], "against": "Z"}, "no leader 'Z'"),
        ({"reference": REFERENCE, "against": "B"}, "either"),
    ],
)
def test_impossible_comparisons_are_clear_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        keyness_by_group(CORPUS, by="leader", **kwargs)


def test_read_reference_sums_repeated_terms_and_ignores_other_columns(tmp_path):
    path = tmp_path / "ref.csv"
    path.write_text("leader,term,count,per_1000\nA,Kinerja,3,1.5\nB,kinerja,2,1.0\nB,dinas,0,0\n")
    assert read_reference(path) == Counter({"kinerja": 5, "dinas": 0})


@pytest.mark.parametrize(
    "content, message",
    [
        ("kata,jumlah\nkinerja,3\n", "needs the columns term,count; no column term or count"),
        ("term,count\nkinerja,3\ndinas,2.5\n", "line 3: count '2.5' of 'dinas' is not a whole"),
        ("term,count\nkinerja,-1\n", "line 2: count '-1'"),
        ("term,count\nkinerja,\n", "line 2: count ''"),
        ("term,count\n", "no terms"),
    ],
)
def test_bad_reference_lists_are_errors_naming_the_file(tmp_path, content, message):
    path = tmp_path / "ref.csv"
    path.write_text(content, "utf-8")
    with pytest.raises(ValueError, match=message) as info:
        read_reference(path)
    assert str(info.value).startswith(str(path))


def test_cli_reference_and_against(capsys, tmp_path):
    path = tmp_path / "ref.csv"
    assert main(["terms", "--top", "0", "--format", "csv"]) == 0
    path.write_text(capsys.readouterr().out, "utf-8")
    # the seeds against their own frequency list: nothing is key
    assert main(["keyness", "--reference", str(path), "--top", "0", "--format", "csv"]) == 0
    table = pd.read_csv(StringIO(capsys.readouterr().out))
    assert list(table.columns[:2]) == ["group", "term"] and (table["g2"] == 0).all()
    args = ["keyness", "--group", "Herman Deru", "--against", "H. Budiman", "--format", "csv"]
    assert main(args) == 0
    table = pd.read_csv(StringIO(capsys.readouterr().out))
    assert set(table["leader"]) == {"Herman Deru"} and len(table) == 20


def test_cli_bad_reference_is_one_line_error(capsys, tmp_path):
    path = tmp_path / "ref.csv"
    path.write_text("term,count\nkinerja,banyak\n", "utf-8")
    assert main(["keyness", "--reference", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {path}, line 2: count 'banyak' of 'kinerja' is not a whole number >= 0\n"
    assert main(["keyness", "--reference", str(path), "--against", "H. Budiman"]) == 2
    assert "give one" in capsys.readouterr().err
