"""Tests for analysis.quotes.attribution (and mentions): who speaks.

Speech verbs after and before a quote, the pronoun chain, titles named earlier in the
text, and the metadata fallback, each on a hand-written Indonesian snippet.
"""

from __future__ import annotations

from analysis.quotes import extract_quotes, sentence_voices


def _one(text, **kw):
    qs = extract_quotes(text, **kw)
    assert len(qs) == 1, qs
    return qs[0]


def _voices(text, **kw):
    return [(v["voice"], v["speaker"]) for v in sentence_voices(text, **kw)]


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


def test_reporting_clause_before_the_quote():
    text = "Bupati Muara Enim Ahmad Rizali mengatakan, “Apel pagi wajib diikuti semua pegawai.”"
    q = _one(text, places=["Kabupaten Muara Enim"])
    assert q["speaker"] == "Ahmad Rizali" and q["speaker_source"] == "verb"
    assert _voices(text, places=["Kabupaten Muara Enim"]) == [("direct", "Ahmad Rizali")]


def test_name_before_reporting_verb_after_quote():
    q = _one("“Kita evaluasi semua,” Budiman menegaskan.")
    assert q["speaker"] == "Budiman"


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


def test_description_instead_of_a_name_is_a_pronoun():
    text = "Bupati Budiman meninjau lokasi.\n“Kita siap,” ujar pria yang akrab disapa Pakde itu."
    assert _one(text)["speaker"] == "Budiman"


# ------------------------------------------------------------------ the one sentence rule


def test_abbreviation_does_not_cut_the_reporting_clause():
    # The clause before an opening mark runs from the start of its sentence, by the one
    # sentence rule (tokens.sentence_bounds): "H." does not end the sentence. (Before,
    # quotes cut the clause at "H.", so "Menurut Bupati" was lost: the short quote was
    # taken for a label and dropped, the long one attributed only through the pronoun
    # chain and its sentence called indirect.)
    text = "Menurut Bupati H. Budiman, “kinerja OPD naik.”"
    q = _one(text)
    assert (q["text"], q["speaker"], q["speaker_source"]) == (
        "kinerja OPD naik.",
        "Budiman",
        "verb",
    )
    assert q["attribution"] == "Bupati H. Budiman"
    assert _voices(text) == [("direct", "Budiman")]
    text = (
        "Bupati Budiman membuka rapat. Menurut Sekda Dr. Ir. Bahri Suli dalam rapat "
        "koordinasi bersama seluruh kepala OPD di aula kantor bupati pagi tadi, “kinerja "
        "seluruh OPD harus naik tahun ini.”"
    )
    q = _one(text)
    assert (q["speaker"], q["speaker_source"]) == ("Bahri Suli", "verb")
    assert q["attribution"] == "Sekda Dr. Ir. Bahri Suli"
    assert _voices(text) == [("narration", ""), ("direct", "Bahri Suli")]
