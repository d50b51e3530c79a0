"""Tests for the stopword options: the default list, ``stopwords=`` (replaces), files
with ``--stopwords`` (adds) and ``--stopwords-replace``."""

from __future__ import annotations

from io import StringIO

import pandas as pd
import pytest
from documents import docs
from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

from analysis import terms
from analysis.cli import main
from analysis.keyness import keyness_by_group, log_odds_by_group
from analysis.tokens import (
    DEFAULT_STOPWORDS,
    DOMAIN_STOPWORDS,
    PROTECTED_WORDS,
    read_stopwords,
    stopword_set,
    stopwords,
    tokenize,
)

BODY = "Kinerja pegawai dinas harus meningkat dan disiplin pegawai juga harus dijaga."


def test_the_default_list_is_sastrawi_plus_domain_minus_protected():
    sastrawi = set(StopWordRemoverFactory().get_stop_words())
    assert DEFAULT_STOPWORDS == (sastrawi | DOMAIN_STOPWORDS) - PROTECTED_WORDS
    assert stopwords() is DEFAULT_STOPWORDS
    assert len(DEFAULT_STOPWORDS) == 843  # as the docstrings and the README say


def test_default_results_are_those_of_the_default_list(seeds):
    default = terms.term_frequencies(seeds, jobs=1)
    assert default.equals(terms.term_frequencies(seeds, stopwords=DEFAULT_STOPWORDS, jobs=1))
    assert default.equals(terms.term_frequencies(seeds, stopwords=set(DEFAULT_STOPWORDS), jobs=1))


def test_a_collection_replaces_the_default_and_adding_is_a_union():
    corpus = docs(BODY)
    added = terms.term_frequencies(corpus, stopwords=DEFAULT_STOPWORDS | {"pegawai"})
    assert "pegawai" not in added.index and "harus" not in added.index
    replaced = terms.term_frequencies(corpus, stopwords={"Pegawai"})  # lower-cased
    assert "pegawai" not in replaced.index
    assert replaced.loc["harus", "count"] == 2 and replaced.loc["dan", "count"] == 1
    # per_1000 still counts every word: the denominator does not depend on the list
    assert replaced.loc["kinerja", "per_1000"] == added.loc["kinerja", "per_1000"]
    assert (
        terms.term_frequencies(corpus, drop_stopwords=False, stopwords={"pegawai"}).loc[
            "pegawai", "count"
        ]
        == 2
    )


def test_stopwords_apply_to_stems_too():
    # dijaga -> jaga: a stopword list naming the stem drops the derived form
    kept = tokenize(BODY, stem=True, drop_stopwords=True, stopwords={"jaga"})
    assert "jaga" not in kept and "harus" in kept


def test_every_counting_function_takes_the_list():
    corpus = docs(BODY, "Rapat koordinasi dinas dan pegawai berjalan baik.", leader=["A", "B"])
    own = {"dinas", "dan"}
    assert "dinas" not in terms.term_counts(corpus, stopwords=own)["d1"]
    assert "dinas" not in terms.tfidf(corpus, stopwords=own).index.get_level_values("term")
    assert "pegawai dinas" not in terms.ngrams(corpus, stopwords=own).index
    assert "pegawai dinas" in terms.ngrams(corpus).index
    summary = terms.corpus_summary(corpus, stopwords=own)
    assert summary.loc["d1", "content_tokens"] == summary.loc["d1", "tokens"] - 2  # dinas, dan
    key = keyness_by_group(corpus, by="leader", stopwords=own)
    assert "dinas" not in key.index.get_level_values("term")
    assert "harus" in key.index.get_level_values("term")
    odds = log_odds_by_group(corpus, by="leader", stopwords=own)
    assert "dinas" not in odds.index.get_level_values("term")


def test_read_stopwords_skips_comments_and_blank_lines(tmp_path):
    path = tmp_path / "stop.txt"
    path.write_text("# daftar kata henti proyek\nDinas  # lembaga, bukan isi\n\npegawai\n", "utf-8")
    assert read_stopwords(path) == {"dinas", "pegawai"}


@pytest.mark.parametrize(
    "content, message",
    [
        (b"dinas\nrapat koordinasi\n", r"line 2: 'rapat koordinasi' is not one word"),
        (b"dinas\n\xe9\n", "not UTF-8 \\(line 2\\)"),
    ],
)
def test_read_stopwords_errors_name_the_file(tmp_path, content, message):
    path = tmp_path / "stop.txt"
    path.write_bytes(content)
    with pytest.raises(ValueError, match=message) as info:
        read_stopwords(path)
    assert str(path) in str(info.value)
    with pytest.raises(ValueError, match="cannot read"):
        read_stopwords(tmp_path / "missing.txt")


def test_one_string_is_not_a_list():
    with pytest.raises(TypeError, match="not one string"):
        stopword_set("dinas")
    assert stopword_set({"x"}, drop=False) == frozenset()


def _csv(text: str) -> pd.DataFrame:
    return pd.read_csv(StringIO(text))


def test_cli_stopwords_adds_and_stopwords_replace_replaces(capsys, tmp_path):
    path = tmp_path / "stop.txt"
    path.write_text("opd\n", "utf-8")
    assert main(["terms", "--top", "0", "--format", "csv"]) == 0
    default = _csv(capsys.readouterr().out)
    assert main(["terms", "--top", "0", "--format", "csv", "--stopwords", str(path)]) == 0
    added = _csv(capsys.readouterr().out)
    assert set(added["term"]) == set(default["term"]) - {"opd"}
    args = ["terms", "--top", "0", "--format", "csv", "--stopwords-replace", str(path)]
    assert main(args) == 0
    replaced = _csv(capsys.readouterr().out)
    assert "opd" not in set(replaced["term"]) and "dan" in set(replaced["term"])


def test_cli_bad_stopword_file_is_one_line_error(capsys, tmp_path):
    path = tmp_path / "stop.txt"
    path.write_text("kata henti\n", "utf-8")
    assert main(["keyness", "--stopwords", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and str(path) in err and err.count("\n") == 1
    assert main(["terms", "--keep-stopwords", "--stopwords", str(path)]) == 2
    assert "--keep-stopwords" in capsys.readouterr().err
