"""Tests for analysis.quotes.marks: quote marks, quote spans and their kind.

Hand-written Indonesian snippets, one per messy case of the genre (unclosed quote,
closing mark used as opener, stray mark at a dateline, mixed marks, slogans and
scare quotes), and the exact offsets of every quote of the seeds.
"""

from __future__ import annotations

import pytest

import analysis
from analysis.quotes import extract_quotes, sentence_voices
from analysis.quotes.body import read_body
from analysis.quotes.marks import find_quotes, mark_roles, mask
from analysis.tokens import split_sentences


def _one(text, **kw):
    qs = extract_quotes(text, **kw)
    assert len(qs) == 1, qs
    return qs[0]


def _voices(text, **kw):
    return [(v["voice"], v["speaker"]) for v in sentence_voices(text, **kw)]


@pytest.fixture(scope="module")
def corpus():
    return analysis.load_corpus()


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
    # the short form ``Bursah`` is the speaker named in full before
    assert q["text"] == "Disiplin itu kunci," and q["speaker"] == "Bursah Zarnubi"
    assert _voices(text)[0][0] == "narration"


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


def test_seed_quote_offsets_are_exact(corpus):
    for doc_id, body in corpus["body"].items():
        lines = body.split("\n")
        n_sent = len(split_sentences(body))
        for q in extract_quotes(body, include_non_speech=True):
            assert body[q["start"] : q["end"]] == q["text"], doc_id
            assert q["text"] in lines[q["paragraph"] - 1]
            assert q["sentence_nos"] and all(1 <= n <= n_sent for n in q["sentence_nos"])


# ------------------------------------------------------------------ the steps


def test_mark_roles_by_position_not_shape():
    # a closing shape used as an opener, and straight and curly marks mixed
    par = '” Perangkat Daerah harus progresif,” terangnya. "Kita siap,” tutur dia.'
    roles = [(par[i], role) for i, _mark, role in mark_roles(par)]
    assert roles == [("”", "open"), ("”", "close"), ('"', "open"), ("”", "close")]


def test_find_quotes_kinds_and_mask():
    text = (
        "“LAHAT – Bupati Lahat Bursah Zarnubi memimpin apel.\n"
        "Apel mengusung tema “Lahat Bangkit”. “Kita harus disiplin,” ujar Bursah."
    )
    found = find_quotes(read_body(text))
    assert [(text[q.start : q.end], q.kind) for q in found] == [
        ("LAHAT – Bupati Lahat Bursah Zarnubi memimpin apel.", "stray"),
        ("Lahat Bangkit", "label"),
        ("Kita harus disiplin,", "speech"),
    ]
    masked = mask(text, found)
    assert len(masked) == len(text) and masked.count("\n") == 1
    assert "Bursah Zarnubi memimpin" in masked  # a stray mark's words stay
    assert "Lahat Bangkit" not in masked and "Kita harus" not in masked
    assert masked.endswith("” ujar Bursah.")


def test_a_quote_cut_off_by_the_page_at_the_start_of_its_paragraph_is_speech():
    # no closing mark, no first person, no speech verb: the page ends inside the quote
    text = (
        "Bupati Ahmad Fauzi menutup rapat evaluasi.\n“Program prioritas harus selesai tahun ini dan"
    )
    q = extract_quotes(text)
    assert [x["text"] for x in q] == ["Program prioritas harus selesai tahun ini dan"]
    assert q[0]["speaker"] == "Ahmad Fauzi" and not q[0]["closed"]


def test_an_unclosed_quote_opening_with_a_connective_is_speech():
    text = (
        "Penjabat Gubernur Hamka meminta OPD kompak.\n"
        "“Jadi berangkat dari itu saya mohon, jangan jalan sendiri-sendiri."
    )
    voices = sentence_voices(text)
    assert voices[1]["voice"] == "direct" and voices[1]["speaker"] == "Hamka"


def test_a_spaced_wrong_way_mark_before_a_closed_quote_opens_it():
    text = (
        "Bupati Triwarso Purnama berpesan agar event diperbanyak. ” Sekali lagi, kita bisa "
        "membangun kolaborasi,” katanya.\n"
        "Bupati menegaskan akan membuat teguran, ” saya juga belum tahu aturannya,” tandasnya."
    )
    texts = [q["text"] for q in extract_quotes(text)]
    assert texts == [
        "Sekali lagi, kita bisa membangun kolaborasi,",
        "saya juga belum tahu aturannya,",
    ]


def test_an_unclosed_quote_introduced_by_reported_speech_is_speech():
    # a reporting clause and a comma right before the mark, even before a third person
    text = (
        "Sekda Yusuf Mahesa mengaku siap menjalankan arahan, “Bapak Bupati memberikan "
        "arahan sangat jelas. Maka kami akan bentuk tim.\nRapat selesai sore hari."
    )
    q = _one(text)
    assert q["text"].startswith("Bapak Bupati") and q["speaker"] == "Yusuf Mahesa"
    # a mark opening a sentence after one that reports speech
    text = (
        'Dengan nada tinggi wali kota menanyakan keberadaan ASN itu. "Harus profesional '
        "ketika bekerja, jaga itu kedisiplinan.\nBaca juga: Pasar Murah Digelar"
    )
    assert _one(text)["text"].startswith("Harus profesional")
    # a stray mark before narration about someone stays a stray mark
    text = "Rapat digelar di aula. “Sekda juga mengajak seluruh OPD bekerja sama.\nSelesai."
    assert extract_quotes(text) == []


@pytest.mark.parametrize("opener,closer", [("‘’", "’’"), ("’’", "’’"), ("''", "''"), ("‘‘", "’’")])
def test_two_single_marks_typed_for_a_double_one(opener, closer):
    text = (
        "Bupati Ahmad Fauzi meminta kepala OPD bekerja keras.\n"
        f"{opener}Rapikan dulu laporan keuangan. Jangan ditunda lagi,{closer} kata Ahmad Fauzi."
    )
    q = _one(text)
    assert q["text"] == "Rapikan dulu laporan keuangan. Jangan ditunda lagi,"
    assert q["speaker"] == "Ahmad Fauzi" and q["closed"]
    assert text[q["start"] : q["end"]] == q["text"]
    # the sentences keep the marks as written
    voices = sentence_voices(text)
    assert [v["voice"] for v in voices] == ["indirect", "direct", "direct"]
    assert voices[1]["sentence"].startswith(opener)
    # an apostrophe inside a word is no mark
    assert extract_quotes("Hari Jum'at Bupati Ahmad Fauzi memimpin rapat.") == []


def test_a_term_quoted_inside_a_quote_with_the_same_marks():
    # the inner marks belong to the quote around them: one speech quote, no label
    text = (
        "“Saya tidak mau ada alasan lagi. Jangan cuma “sibuk rapat” tapi tunjukkan hasil "
        "di lapangan,” pesan Bupati Ahmad Fauzi."
    )
    quotes = extract_quotes(text, include_non_speech=True)
    assert [(q["kind"], q["closed"], q["speaker"]) for q in quotes] == [
        ("speech", True, "Ahmad Fauzi")
    ]
    assert quotes[0]["text"].endswith("tunjukkan hasil di lapangan,")
    assert [v["voice"] for v in sentence_voices(text)] == ["direct", "direct"]
    # a nested term that is itself speech-like does not split the voices either
    text = (
        "“Dulu orang bilang “tidak mungkin” kata mereka. Sekarang jalan desa sudah mulus,” "
        "ujar Bupati Ahmad Fauzi."
    )
    assert [v["voice"] for v in sentence_voices(text)] == ["direct", "direct"]
    assert len(extract_quotes(text)) == 1


def test_many_terms_quoted_inside_one_quote_make_one_speech_quote():
    # one quote holding thousands of quoted terms (each checked in constant time)
    body = read_body("“" + " ".join(f"kata “k{i}”" for i in range(4000)) + " selesai,” kata dia.")
    quotes = find_quotes(body)
    assert [q.kind for q in quotes] == ["speech"]


def test_a_doubled_closing_pair_glued_to_the_speech_verb_closes():
    text = "‘’Kita harus kompak,’’kata Bupati Ahmad Fauzi."
    q = _one(text)
    assert (q["text"], q["speaker"], q["closed"]) == ("Kita harus kompak,", "Ahmad Fauzi", True)
