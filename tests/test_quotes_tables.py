"""Tests for analysis.quotes.tables and the public API of analysis.quotes.

The corpus tables on the five seeds (each assertion can be checked by reading the
cleaned body), their contracts, the CLI, and the names the package keeps.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

import analysis
from analysis.cli import main
from analysis.corpus import iter_documents
from analysis.quotes import QUOTE_COLUMNS, VOICES, quotes, sentence_table
from analysis.tokens import split_sentences


@pytest.fixture(scope="module")
def corpus():
    return analysis.load_corpus()


@pytest.fixture(scope="module")
def seed_quotes(corpus):
    return quotes(corpus)


@pytest.fixture(scope="module")
def seed_sentences(corpus):
    return sentence_table(corpus)


def test_seed_cases(corpus, seed_quotes, seed_sentences):
    by_doc = seed_quotes.groupby("doc_id")["speaker"].apply(list).to_dict()
    # 000: one quote, "katanya" after the Sekda named in the lead; the unclosed
    # “Sekda juga tak henti-hentinya mengajak ... is a stray mark, not a quote
    assert by_doc["000"] == ["M. Rahmattullah"]
    s000 = seed_sentences[seed_sentences["doc_id"] == "000"].set_index("sentence_no")
    assert s000.loc[13, "sentence"].startswith("“Sekda juga")
    assert s000.loc[13, "voice"] != "direct"
    # 001: no quote marks at all; its first-person sentences are the leader's words
    assert "001" not in by_doc
    s001 = seed_sentences[seed_sentences["doc_id"] == "001"].set_index("sentence_no")
    assert s001.loc[12, "voice"] == "indirect" and s001.loc[12, "speaker"] == "Edward Candra"
    # 002: the quote opened with ” is found and attributed through "terangnya"
    q002 = seed_quotes[seed_quotes["doc_id"] == "002"]
    assert q002["text"].str.startswith("Perangkat Daerah harus").sum() == 1
    assert set(q002["speaker"]) == {"Budiman"}
    # 003: the theme in quotes is not a quote; four by Askolani, one by Slamet (named
    # in full, Slamet Soemosentono, in the article's last paragraph)
    assert by_doc["003"] == ["Askolani"] * 4 + ["Slamet Soemosentono"]
    assert not seed_quotes["text"].str.startswith("Melalui rakor OPD").any()
    # 004: four multi-sentence quotes, all Herman Deru's
    assert by_doc["004"] == ["Herman Deru"] * 4


def test_quotes_table_contract(seed_quotes):
    t = seed_quotes
    assert t.index.name == "quote_id"
    assert list(t.columns) == list(QUOTE_COLUMNS)
    for quote_id, row in t.iterrows():
        doc_id, k = quote_id.rsplit("-", 1)
        assert doc_id == row["doc_id"] and int(k) >= 1
        assert row["text"].split()[0] in row["sentence"]
    assert t["sentence_no"].dtype == "int64" and t["closed"].dtype == bool
    assert set(t["speaker_source"]) <= {"verb", "pronoun", "metadata", ""}


def test_quotes_streams_and_accepts_folders(corpus, seed_quotes, tmp_path):
    streamed = quotes(iter_documents())
    pd.testing.assert_frame_equal(streamed, seed_quotes)
    # any folder of articles, without metadata
    (tmp_path / "a.txt").write_text(
        "Judul\nBupati Budiman memimpin rapat.\n“Kita harus kompak,” tegasnya.\n",
        encoding="utf-8",
    )
    t = quotes(tmp_path)
    assert list(t.index) == ["a-1"] and t.iloc[0]["speaker"] == "Budiman"


def test_quotes_by_metadata_column(corpus):
    t = quotes(corpus, by="leader")
    assert list(t.columns)[-1] == "leader"
    assert (t.loc[t["doc_id"] == "004", "leader"] == "Herman Deru").all()
    with pytest.raises(ValueError, match="nosuch"):
        quotes(corpus, by="nosuch")


def test_sentence_table_contract(corpus, seed_sentences):
    t = seed_sentences
    assert isinstance(t.index, pd.RangeIndex) and t.index.name == "row"
    assert list(t.columns[:6]) == ["doc_id", "sentence_no", "sentence", "voice", "speaker", "cue"]
    for col in ("leader", "role", "level", "date", "title"):
        assert col in t.columns
    assert not {"raw", "body", "removed"} & set(t.columns)
    assert len(t) == sum(len(split_sentences(b)) for b in corpus["body"])
    assert set(t["voice"]) <= set(VOICES)
    assert (t.loc[t["voice"] == "narration", "speaker"] == "").all()
    # every direct sentence holds a quote of the quotes table
    q = quotes(corpus)
    quoted = {(d, n) for d, nos in zip(q["doc_id"], q["sentence_no"]) for n in [nos]}
    direct = t[t["voice"] == "direct"]
    first_of_quote = direct[
        [(d, n) in quoted for d, n in zip(direct["doc_id"], direct["sentence_no"])]
    ]
    assert len(first_of_quote) == len(q)


def test_cli_quotes_json(capsys):
    assert main(["quotes", "--format", "json", "--by", "leader"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 13
    for row in rows:
        assert {"doc_id", "speaker", "text", "sentence", "leader"} <= set(row)
        assert row["text"] in row["sentence"]


def test_cli_quotes_csv_table_and_errors(capsys, tmp_path):
    assert main(["quotes", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("quote_id,doc_id,speaker")
    assert main(["quotes"]) == 0
    assert "Herman Deru" in capsys.readouterr().out
    assert main(["quotes", "--by", "nosuch"]) == 2
    assert "nosuch" in capsys.readouterr().err
    assert main(["quotes", "--corpus", str(tmp_path / "missing")]) == 2
    assert "not found" in capsys.readouterr().err


# ------------------------------------------------------------------ public names


def test_public_names_of_analysis_quotes():
    import analysis.quotes as q

    for name in (
        "QUOTE_COLUMNS REPORTING_VERBS SPEECH_VERBS VOICES extract_quotes normalize_speaker "
        "quotes quote_table sentence_table sentence_voices document_voices"
    ).split():
        assert name in q.__all__ and getattr(q, name) is not None, name
    assert q.quotes is q.quote_table  # the former name stays an alias
    assert q.extract_quotes.__module__ == "analysis.quotes"
    assert analysis.quotes is q
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        q.nope  # noqa: B018


def test_evaluation_names_resolve_from_analysis_validation():
    validation = pytest.importorskip("analysis.validation")
    import analysis.quotes as q

    assert q.evaluate_quotes is validation.evaluate_quotes
    assert q.evaluate_voices is validation.evaluate_voices
    assert {"evaluate_quotes", "evaluate_voices"} <= set(dir(q))
