"""Tests for analysis.quotes.voice (and body): the voice of every sentence.

Reported speech and narration on single sentences, sentence numbering that follows
:func:`analysis.tokens.split_sentences`, and the one sentence rule inside quote
attribution (an abbreviation such as ``H.`` does not end the clause before a quote).
"""

from __future__ import annotations

import pytest

from analysis.quotes import VOICES, extract_quotes, sentence_voices
from analysis.tokens import split_sentences


@pytest.mark.parametrize(
    "sentence, speaker, cue",
    [
        (
            "Budiman menyampaikan bahwa realisasi anggaran harus maksimal.",
            "Budiman",
            "reporting verb",
        ),
        (
            "Sekda mengimbau agar para kepala OPD hadir langsung.",
            "M. Rahmattullah",
            "reporting verb",
        ),
        ("Menurutnya, kinerja OPD sudah cukup baik.", "", "menurut"),
        ("Menurut Bupati Askolani, kinerja OPD sudah cukup baik.", "Askolani", "menurut"),
        ("Dengan begitu, kata dia, program akan lebih maksimal.", "", "speech verb"),
        ("Masih kata Sekda, ada OPD yang bekerja ekstra.", "M. Rahmattullah", "speech verb"),
        (
            "Selain itu, dikatakan Sekda bahwa rotasi pejabat sudah dilakukan.",
            "M. Rahmattullah",
            "passive",
        ),
        ("Ditegaskannya, capaian vaksinasi bisa terwujud.", "", "passive"),
        ("Herman Deru juga mengingatkan pentingnya koordinasi.", "Herman Deru", "reporting verb"),
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
