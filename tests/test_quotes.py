"""Tests for analysis.quotes: direct quotes, speakers and sentence voices.

Evidence:

1. hand-written Indonesian snippets, one per messy case of the genre (unclosed quote,
   closing mark used as opener, stray mark at a dateline, nested speech verbs, pronoun
   and metadata resolution, slogans, mixed marks, reported speech);
2. the five seeds, where each assertion can be checked by reading the cleaned body;
3. precision / recall / voice agreement against the blind hand coding, in
   tests/test_validation.py (with the gold files, ``analysis/data/hand_quotes.csv`` and
   ``analysis/data/hand_coding.csv``).
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

import analysis
from analysis.cli import main
from analysis.corpus import iter_documents
from analysis.quotes import (
    QUOTE_COLUMNS,
    VOICES,
    extract_quotes,
    normalize_speaker,
    quotes,
    sentence_table,
    sentence_voices,
)
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


def _one(text, **kw):
    qs = extract_quotes(text, **kw)
    assert len(qs) == 1, qs
    return qs[0]


def _voices(text, **kw):
    return [(v["voice"], v["speaker"]) for v in sentence_voices(text, **kw)]


# ------------------------------------------------------------------ messy quote cases


def test_unclosed_quote_at_paragraph_end():
    text = (
        "Bupati Lahat Bursah Zarnubi memimpin apel pagi.\n"
        "“Saya minta seluruh ASN disiplin dan hadir tepat waktu."
    )
    q = _one(text, places=["Kabupaten Lahat"])
    assert q["text"] == "Saya minta seluruh ASN disiplin dan hadir tepat waktu."
    assert q["closed"] is False and q["opening_mark"] == "“"
    assert q["paragraph"] == 2 and q["sentence_nos"] == [2]
    assert q["speaker"] == "Bursah Zarnubi" and q["speaker_source"] == "pronoun"


def test_unclosed_quote_ended_by_its_own_speech_verb():
    text = "Wali Kota Ratu Dewa membuka rakor.\n“Kita harus bekerja keras, kata dia. Semua hadir."
    q = _one(text)
    assert q["text"] == "Kita harus bekerja keras,"
    assert q["closed"] is False
    assert q["speaker"] == "Ratu Dewa" and q["attribution"] == "dia"


def test_closing_mark_used_as_opener():
    text = "Bupati Budiman memimpin rapat.\n” Semua OPD harus kompak,” tegasnya."
    q = _one(text)
    assert q["text"] == "Semua OPD harus kompak,"
    assert q["opening_mark"] == "”" and q["closed"] is True
    assert q["speaker"] == "Budiman"


def test_stray_mark_after_dateline_is_not_a_quote():
    text = (
        "PALEMBANG - “Gubernur Sumsel Herman Deru memimpin rapat koordinasi di Griya Agung.\n"
        "Ia meminta OPD bekerja keras."
    )
    assert extract_quotes(text) == []
    assert _voices(text) == [("narration", ""), ("indirect", "Herman Deru")]
    stray = extract_quotes(text, include_non_speech=True)
    assert [q["kind"] for q in stray] == ["stray"]


def test_stray_mark_before_dateline_is_not_a_quote():
    text = (
        "“LAHAT – Bupati Lahat Bursah Zarnubi memimpin apel gabungan.\n"
        "“Disiplin itu kunci,” ujar Bursah."
    )
    q = _one(text)
    assert q["text"] == "Disiplin itu kunci," and q["speaker"] == "Bursah"
    assert _voices(text)[0][0] == "narration"


def test_nested_speech_verbs():
    text = (
        "Bupati OKI Muchendi memimpin rapat.\n"
        "“Kinerja harus naik,” kata dia menegaskan.\n"
        "“Tidak ada alasan,” ujar Bupati Muchendi saat memimpin rapat di Kayuagung."
    )
    a, b = extract_quotes(text)
    assert (a["speaker"], a["speaker_source"], a["attribution"]) == ("Muchendi", "pronoun", "dia")
    assert (b["speaker"], b["speaker_source"]) == ("Muchendi", "verb")
    # a short quote followed by a long attribution is still direct speech
    assert _voices(text)[1:] == [("direct", "Muchendi"), ("direct", "Muchendi")]


def test_closed_but_never_opened_starts_after_the_narration():
    text = "Bupati Lahat Bursah Zarnubi membuka apel. Semua ASN wajib disiplin,” tegasnya."
    q = _one(text)
    assert q["text"] == "Semua ASN wajib disiplin,"
    assert q["opening_mark"] == "" and q["closed"] is True
    assert "Bursah Zarnubi" in q["speaker"]


def test_lone_closing_mark_without_speech_verb_is_ignored():
    assert extract_quotes("Layar 32” dipasang di aula. Bupati hadir.") == []


def test_mixed_straight_and_curly_marks():
    text = '“Kita kompak," kata Askolani. "Untuk itu kerja keras,” tutur dia.'
    a, b = extract_quotes(text)
    assert (a["text"], a["speaker"], a["speaker_source"]) == ("Kita kompak,", "Askolani", "verb")
    assert (b["text"], b["opening_mark"]) == ("Untuk itu kerja keras,", '"')
    assert (b["speaker"], b["speaker_source"]) == ("Askolani", "pronoun")


def test_quote_split_by_its_attribution():
    text = "“Disiplin itu penting,” kata Kepala BKPSDM, Hendra, “karena ASN pelayan masyarakat.”"
    a, b = extract_quotes(text)
    assert a["speaker"] == b["speaker"] == "Hendra"
    assert b["text"] == "karena ASN pelayan masyarakat."


def test_reporting_clause_before_the_quote():
    text = "Bupati Muara Enim Ahmad Rizali mengatakan, “Apel pagi wajib diikuti semua pegawai.”"
    q = _one(text, places=["Kabupaten Muara Enim"])
    assert q["speaker"] == "Ahmad Rizali" and q["speaker_source"] == "verb"
    assert _voices(text, places=["Kabupaten Muara Enim"]) == [("direct", "Ahmad Rizali")]


def test_name_before_reporting_verb_after_quote():
    q = _one("“Kita evaluasi semua,” Budiman menegaskan.")
    assert q["speaker"] == "Budiman"


# ------------------------------------------------------------------ speakers


def test_pronoun_resolves_to_subject_not_companion():
    text = (
        "Wakil Bupati Banyuasin H. Slamet didampingi Sekda Senen Har membuka acara.\n"
        "“Kita harus kompak,” ujarnya."
    )
    q = _one(text)
    assert q["speaker"] == "Slamet" and q["speaker_source"] == "pronoun"


def test_pronoun_resolves_to_last_named_person():
    text = (
        "Bupati OKU Kuryana Azis membuka rapat.\n"
        "Kapolres OKU AKBP Arif Harsono memaparkan data keamanan.\n"
        "“Situasi kondusif,” katanya."
    )
    assert _one(text)["speaker"] == "Arif Harsono"


def test_pronoun_chain_through_reported_speech():
    text = (
        "Bupati Luwu Timur, H. Budiman bersama Sekretaris Daerah, H. Bahri Suli memimpin rakor.\n"
        "Ia berharap OPD bekerja maksimal.\n"
        "“Kita harus kompak,” terangnya."
    )
    assert _one(text)["speaker"] == "Budiman"
    assert _voices(text)[1] == ("indirect", "Budiman")


def test_title_alone_names_the_person_the_text_introduced():
    text = (
        "Sekretaris Daerah (Sekda) Kabupaten OKU Selatan, M. Rahmattullah, S.STP., MM., "
        "memimpin rapat.\n“Semua OPD harus hadir,” kata Sekda."
    )
    q = _one(text)
    assert q["speaker"] == "M. Rahmattullah" and q["speaker_source"] == "verb"


def test_metadata_fallback_only_when_the_role_title_appears():
    meta = {"leader": "M. Rahmattullah", "role": "Sekretaris Daerah"}
    q = _one("Rapat dipimpin langsung.\n“Semua OPD harus hadir,” kata Sekda.", **meta)
    assert (q["speaker"], q["speaker_source"]) == ("M. Rahmattullah", "metadata")
    # nothing in the text points to the leader: unresolved
    q = _one("Rapat berlangsung di aula.\n“Semua OPD harus hadir,” katanya.", **meta)
    assert (q["speaker"], q["speaker_source"]) == ("", "")
    # another title is another person
    q = _one("Rapat berlangsung di aula.\n“Semua OPD harus hadir,” kata Camat.", **meta)
    assert q["speaker"] == ""
    q = _one("“Semua OPD harus hadir,” kata Wakil Bupati.", leader="H. Budiman", role="Bupati")
    assert q["speaker"] == ""


def test_honorifics_and_degrees_are_stripped():
    q = _one("“Kenapa, karena kemiskinan tolak ukur kesejahteraan,” tegas Pakde Slamet.")
    assert q["speaker"] == "Slamet"
    assert normalize_speaker("H. Askolani, SH.,MH") == "Askolani"
    assert normalize_speaker("Hj. Rosa Maria, M.Kes") == "Rosa Maria"
    assert normalize_speaker("M. Rahmattullah, S.STP., MM.") == "M. Rahmattullah"
    assert normalize_speaker("Bapak Herman Deru") == "Herman Deru"


def test_description_instead_of_a_name_is_a_pronoun():
    text = "Bupati Budiman meninjau lokasi.\n“Kita siap,” ujar pria yang akrab disapa Pakde itu."
    assert _one(text)["speaker"] == "Budiman"


# ------------------------------------------------------------------ not speech


def test_third_person_sentence_with_stray_mark_is_not_a_leader_quote():
    text = (
        "Sekda memimpin rapat.\n"
        "“Sekda juga tak henti-hentinya mengajak jajaran untuk meningkatkan kinerja."
    )
    assert extract_quotes(text, leader="M. Rahmattullah", role="Sekretaris Daerah") == []
    voices = sentence_voices(text, leader="M. Rahmattullah", role="Sekretaris Daerah")
    assert voices[1]["voice"] in ("indirect", "narration")
    assert voices[1]["voice"] != "direct"


def test_slogan_is_not_attributed_to_the_leader():
    # Decision: a quoted theme, slogan or term is a label, left out of the quotes (it is
    # nobody's speech); include_non_speech=True shows it with kind "label", speaker "".
    text = (
        "Bupati Askolani membuka rakor.\n"
        "Rakor mengusung tema “Bersama Kita Bisa Membangun Banyuasin Bangkit”."
    )
    meta = {"leader": "H. Askolani", "role": "Bupati"}
    assert extract_quotes(text, **meta) == []
    (label,) = extract_quotes(text, include_non_speech=True, **meta)
    assert label["kind"] == "label" and label["speaker"] == ""
    assert _voices(text, **meta)[1] == ("narration", "")


def test_scare_quoted_term_is_not_a_quote():
    text = "Bupati Askolani meminta OPD tidak “main mata” dengan kontraktor."
    assert extract_quotes(text) == []
    assert _voices(text) == [("indirect", "Askolani")]


# ------------------------------------------------------------------ voices


@pytest.mark.parametrize(
    "sentence, speaker, cue",
    [
        ("Budiman menyampaikan bahwa realisasi anggaran harus maksimal.", "Budiman",
         "reporting verb"),
        ("Sekda mengimbau agar para kepala OPD hadir langsung.", "M. Rahmattullah",
         "reporting verb"),
        ("Menurutnya, kinerja OPD sudah cukup baik.", "", "menurut"),
        ("Menurut Bupati Askolani, kinerja OPD sudah cukup baik.", "Askolani", "menurut"),
        ("Dengan begitu, kata dia, program akan lebih maksimal.", "", "speech verb"),
        ("Masih kata Sekda, ada OPD yang bekerja ekstra.", "M. Rahmattullah", "speech verb"),
        ("Selain itu, dikatakan Sekda bahwa rotasi pejabat sudah dilakukan.",
         "M. Rahmattullah", "passive"),
        ("Ditegaskannya, capaian vaksinasi bisa terwujud.", "", "passive"),
        ("Herman Deru juga mengingatkan pentingnya koordinasi.", "Herman Deru",
         "reporting verb"),
        ("Kita upayakan semua bisa berjalan awal Januari.", "", "unmarked first person"),
    ],
)
def test_indirect_speech(sentence, speaker, cue):
    (v,) = sentence_voices(sentence, leader="M. Rahmattullah", role="Sekretaris Daerah")
    # the pronoun cases have nobody before them and no leader in the text
    assert (v["voice"], v["cue"]) == ("indirect", cue)
    assert v["speaker"] == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "Rapat ini mengagendakan persiapan pembahasan LKPJ dengan DPRD.",
        "Hal ini diharapkan dapat menjadi sarana evaluasi.",  # passive without an agent
        "Lebih lanjut, kinerja OPD akan dievaluasi setiap bulan.",
        "Rakor dihadiri Bupati Askolani dan Wabup Slamet serta para camat.",
        "Penyerapan Anggaran Harus Maksimal",
    ],
)
def test_narration(sentence):
    (v,) = sentence_voices(sentence)
    assert (v["voice"], v["speaker"], v["cue"]) == ("narration", "", "")


def test_voice_numbering_follows_split_sentences():
    text = "Bupati hadir.\n“Kita kompak,” katanya. Ia meminta OPD disiplin."
    voices = sentence_voices(text)
    assert [v["sentence"] for v in voices] == split_sentences(text)
    assert [v["sentence_no"] for v in voices] == [1, 2, 3]
    assert [v["voice"] for v in voices] == ["narration", "direct", "indirect"]
    assert {v["voice"] for v in voices} <= set(VOICES)


# ------------------------------------------------------------------ the seeds


def test_seed_quote_offsets_are_exact(corpus):
    for doc_id, body in corpus["body"].items():
        lines = body.split("\n")
        n_sent = len(split_sentences(body))
        for q in extract_quotes(body, include_non_speech=True):
            assert body[q["start"] : q["end"]] == q["text"], doc_id
            assert q["text"] in lines[q["paragraph"] - 1]
            assert q["sentence_nos"] and all(1 <= n <= n_sent for n in q["sentence_nos"])


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
    # 003: the theme in quotes is not a quote; four by Askolani, one by Slamet
    assert by_doc["003"] == ["Askolani"] * 4 + ["Slamet"]
    assert not seed_quotes["text"].str.startswith("Melalui rakor OPD").any()
    # 004: four multi-sentence quotes, all Herman Deru's
    assert by_doc["004"] == ["Herman Deru"] * 4


# ------------------------------------------------------------------ tables and CLI


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
    first_of_quote = direct[[(d, n) in quoted for d, n in zip(direct["doc_id"],
                                                              direct["sentence_no"])]]
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


def test_quote_opened_inside_a_paragraph_starts_its_own_sentence():
    # news often opens a quote right after a sentence of narration on the same line:
    # the narration stays narration, the quoted sentences are direct
    text = (
        "Bupati Budiman memimpin rapat. “Kita harus disiplin. Jangan terlambat,” "
        "tegasnya. Rapat berlanjut hingga sore."
    )
    voices = [(v["voice"], v["sentence"]) for v in sentence_voices(text)]
    assert voices == [
        ("narration", "Bupati Budiman memimpin rapat."),
        ("direct", "“Kita harus disiplin."),
        ("direct", "Jangan terlambat,” tegasnya."),
        ("narration", "Rapat berlanjut hingga sore."),
    ]
    (quote,) = extract_quotes(text)
    assert quote["speaker"] == "Budiman" and quote["sentence_nos"] == [2, 3]
