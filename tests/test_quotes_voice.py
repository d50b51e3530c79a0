"""Tests for analysis.quotes.voice (and body): the voice of every sentence.

Reported speech and narration on single sentences, sentence numbering that follows
:func:`analysis.tokens.split_sentences`, and the one sentence rule inside quote
attribution (an abbreviation such as ``H.`` does not end the clause before a quote).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.quotes import VOICES, document_voices, extract_quotes, sentence_voices
from analysis.quotes.attribution import LAST_SPEAKER_CUES
from analysis.quotes.body import (
    boundaries,
    clause_start,
    next_sentence_start,
    read_body,
    sentence_start,
    sentence_starts_between,
)
from analysis.tokens import sentence_bounds, split_sentences


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


def test_document_voices_is_sentence_voices_with_the_metadata():
    doc = {
        "doc_id": "x",
        "body": "Sekda memimpin rapat.\n“Semua OPD harus hadir,” katanya.",
        "leader": "M. Rahmattullah",
        "role": "Sekretaris Daerah",
        "region": "OKU Selatan",
    }
    voices = document_voices(doc)
    assert voices == sentence_voices(
        doc["body"], leader=doc["leader"], role=doc["role"], places=["OKU Selatan"]
    )
    assert [(v["voice"], v["speaker"]) for v in voices] == [
        ("narration", ""),
        ("direct", "M. Rahmattullah"),
    ]


# ------------------------------------------------------------------ the body and its sentences

BODY = (
    "Bupati H. Askolani, SH.,MH membuka rapat. “Kita siap.” Sekda M. Rahmattullah hadir.\n"
    "\n"
    "Menurut Bupati H. Budiman, kinerja naik! (Rapat selesai.) Semua pulang."
)


def test_read_body_gives_split_sentences_with_offsets():
    body = read_body(BODY)
    assert [s.text for s in body.sentences] == split_sentences(BODY)
    assert all(BODY[s.start : s.end] == s.text for s in body.sentences)
    assert [p.text for p in body.paragraphs] == BODY.split("\n")
    for par, b in zip(body.paragraphs, body.bounds):
        assert b == sentence_bounds(par.text)
        assert boundaries(par.text, b) == boundaries(par.text)
        assert BODY[par.start : par.end] == par.text


@pytest.mark.parametrize("par", BODY.split("\n"))
def test_boundaries_point_at_sentence_ends_and_starts(par):
    b = boundaries(par)
    assert len(b.starts) == len(b.puncts) == len(b.letters) == max(0, len(b.bounds) - 1)
    for (s, e), p, nxt, letter in zip(b.bounds, b.puncts, b.starts, b.letters):
        assert s < p < e and par[p] in ".!?" and par[p - 1] not in ".!?"
        assert par[e:nxt].isspace() and par[letter].isalnum() and nxt <= letter


def test_clause_and_sentence_lookups():
    par = "Menurut Bupati H. Budiman, “kinerja OPD naik.” Sekda hadir. “Siap.”"
    b = boundaries(par)
    first, second = par.index("“"), par.rindex("“")
    # "H." is no boundary: the clause before the first mark is the whole sentence
    assert clause_start(b, first) == 0
    # a mark that opens its sentence: the clause before it is the sentence before
    assert par[clause_start(b, second) : second] == "Sekda hadir. "
    assert sentence_start(b, second) == second
    assert sentence_start(b, first) == 0
    # the next sentence after a sentence end at or after an offset
    assert par[next_sentence_start(b, first, len(par)) :].startswith("Sekda")
    assert next_sentence_start(b, second, len(par)) == len(par)
    assert [par[s : s + 5] for s in sentence_starts_between(b, 0, len(par))] == [
        "Sekda",
        "“Siap",
    ]
    assert sentence_starts_between(b, 0, second) == [par.index("Sekda")]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a circumstance between the subject and its reporting verb
        (
            "Wali Kota Sukamaju Andi Rollo di Sukamaju, Jumat, mengatakan sebagian kegiatan "
            "baru terealisasi 40 persen.",
            "Andi Rollo",
        ),
        (
            "Bupati Tanah Merdu Hamid Pohan pada apel perdana di halaman kantor bupati, Senin, "
            "menyatakan tidak ada ASN yang bolos.",
            "Hamid Pohan",
        ),
        (
            "Wakil Wali Kota Sukamaju Syarif Hadi saat memberikan arahannya di hadapan ASN "
            "mengatakan, karier jangan dijadikan yang utama.",
            "Syarif Hadi",
        ),
        # an apposition
        (
            "Wali Kota Andi Hasan memimpin rapat. Andi Hasan, selaku ketua tim evaluasi, "
            "menegaskan bahwa evaluasi dilakukan tiap bulan.",
            "Andi Hasan",
        ),
        # adverbs and modals before the verb
        ("Bupati Sadewo Lastono justru melontarkan peringatan keras.", "Sadewo Lastono"),
        (
            "Bupati Sadewo Lastono dengan gamblang menyatakan loyalitas itu penting.",
            "Sadewo Lastono",
        ),
        ("Bupati Sadewo Lastono ingin memastikan setiap rupiah APBD tepat guna.", "Sadewo Lastono"),
        # verbs of threat and question, and a light verb with a noun of speech
        ("Wakil Wali Kota Hermansyah mengancam akan memberikan sanksi nonjob.", "Hermansyah"),
        ("Sekda Musda Guntur menanyakan langsung kepada pimpinan OPD.", "Musda Guntur"),
        (
            "Kapolres Sukamaju, AKBP Hari Santoso memberikan apresiasi atas kerja jajarannya.",
            "Hari Santoso",
        ),
        ("Plt Wali Kota Sukamaju Ngatimin akhirnya angkat bicara soal kinerja.", "Ngatimin"),
    ],
)
def test_reported_speech_with_words_between_subject_and_verb(text, speaker):
    v = sentence_voices(text, places=["Kota Sukamaju", "Kabupaten Tanah Merdu"])[-1]
    assert (v["voice"], v["speaker"]) == ("indirect", speaker)


def test_a_connective_carries_reported_speech_on():
    text = (
        "Sekda Yudi Pratama mengatakan pembangunan sulit berjalan tanpa kerja sama. "
        "Sebab hasilnya tidak akan maksimal. Sehingga program dapat berjalan lebih baik.\n"
        "Rapat berlangsung di aula kantor bupati. Sehingga acara selesai siang hari."
    )
    got = [(v["voice"], v["speaker"], v["cue"]) for v in sentence_voices(text)]
    assert got[1:3] == [("indirect", "Yudi Pratama", "continues reported speech")] * 2
    # after narration a connective is narration
    assert got[4][0] == "narration"


def test_a_report_goes_on_in_its_paragraph_not_in_the_next():
    text = (
        "Bupati Sri Handayani meminta kepala OPD mempercepat realisasi anggaran. "
        "Realisasi yang rendah akan dievaluasi setiap bulan. "
        "Dinas yang lambat akan dipanggil satu per satu.\n"
        "Realisasi anggaran Kabupaten Sukamaju tahun lalu mencapai 92 persen."
    )
    got = [(v["voice"], v["speaker"], v["cue"]) for v in sentence_voices(text)]
    assert got[0][:2] == ("indirect", "Sri Handayani")
    # the reporter goes on paraphrasing within the paragraph: the same speaker's report
    assert got[1:3] == [("indirect", "Sri Handayani", "continues reported speech")] * 2
    # a new paragraph without a demand or a connective turns back to narration
    assert got[3] == ("narration", "", "")


@pytest.mark.parametrize(
    "after",
    [
        "Rapat berlangsung di aula kantor bupati hingga siang.",
        "Hadir pula para camat dan kepala puskesmas.",
        "Seperti diketahui, jam kerja ASN dimulai pukul 07.30.",
        "Sementara itu, Wakil Bupati meninjau pasar di Kecamatan Sukamaju.",
        "Apel diikuti sekitar 300 pegawai.",
    ],
)
def test_the_event_or_the_background_after_a_report_stays_narration(after):
    text = "Sekda Yudi Pratama mengingatkan ASN agar tidak terlambat masuk kantor. " + after
    got = [(v["voice"], v["speaker"]) for v in sentence_voices(text)]
    assert got == [("indirect", "Yudi Pratama"), ("narration", "")]


def test_an_attribution_only_sentence_is_the_last_speakers():
    text = (
        "Gubernur Andra Santika meminta OPD mengoptimalkan pajak daerah.\n"
        "Hal itu disampaikan dalam rapat pimpinan di aula pendopo, Rabu.\n"
        "Pesan tersebut ia sampaikan di hadapan para kepala dinas."
    )
    got = [(v["voice"], v["speaker"], v["cue"]) for v in sentence_voices(text)]
    assert got[1:] == [("indirect", "Andra Santika", "attribution")] * 2


def test_a_passive_request_to_people_is_reported_speech():
    text = (
        "Bupati Hendra Wijaya membuka rapat kerja di aula.\n"
        "Selain itu, ASN diminta untuk tidak terlibat politik praktis.\n"
        "Pejabat Pemkab diharapkan memahami program prioritas daerah.\n"
        "Hal ini diharapkan dapat menjadi sarana evaluasi."
    )
    got = [(v["voice"], v["speaker"], v["cue"]) for v in sentence_voices(text)]
    assert got[1:3] == [("indirect", "Hendra Wijaya", "passive request")] * 2
    # a hope in the passive about a thing is the hope of the one who spoke (codebook:
    # a person's hope in the reporter's words)
    assert got[3] == ("indirect", "Hendra Wijaya", "passive request")


def test_a_request_or_hope_in_the_passive_and_pihaknya_report_the_last_speaker():
    text = (
        "Bupati Sukamaju Darto Wiyono memimpin rapat evaluasi di aula kantor bupati.\n"
        "Darto mengatakan realisasi anggaran baru 40 persen.\n"
        "Untuk itu, pihaknya akan memanggil semua kepala dinas.\n"
        "Semua kegiatan fisik diminta sudah dilelang pada Juni.\n"
        "Dengan adanya rapat ini, diharapkan serapan anggaran meningkat.\n"
        "Data yang diminta wartawan belum diberikan."
    )
    got = [(v["voice"], v["speaker"], v["cue"]) for v in sentence_voices(text)]
    assert got[2:] == [
        ("indirect", "Darto Wiyono", "pihaknya"),
        ("indirect", "Darto Wiyono", "passive request"),
        ("narration", "", ""),  # the reporter's summary of the meeting's hope
        ("narration", "", ""),  # what was asked for
    ]
    # with no one who spoke before, a hope in the passive is nobody's words
    assert (
        sentence_voices("Program ini diharapkan dapat mempercepat pelayanan.")[0]["voice"]
        == "narration"
    )


def test_regional_first_person_is_unmarked_speech():
    text = "Wali Kota Andi Angko meminta OPD bekerja sama.\nTorang ada di sini untuk melayani."
    assert [(v["voice"], v["cue"]) for v in sentence_voices(text)][1] == (
        "indirect",
        "unmarked first person",
    )


def test_menurut_with_a_title_in_lower_case():
    text = (
        "Bupati Sukamaju Iskandar Kamal memimpin apel pagi Pemkab Sukamaju.\n"
        "Menurut bupati, surat tugas wajib ditandatangani wakil bupati."
    )
    assert [(v["voice"], v["speaker"]) for v in sentence_voices(text)][1] == (
        "indirect",
        "Iskandar Kamal",
    )


def test_an_institution_as_subject_of_a_reporting_verb():
    text = (
        "Sukamaju - Pemerintah Kota (Pemkot) Sukamaju, Tanah Merdu, meminta seluruh OPD "
        "mempercepat program. Terpisah, Badan Pengawas Pemilu (Bawaslu) Sukamaju menyebutkan "
        "ada dua pelanggaran. Pemkot Sukamaju yang menggelar rapat mengatakan hal lain."
    )
    got = [(v["voice"], v["speaker"]) for v in sentence_voices(text)]
    assert got[:2] == [
        ("indirect", "Pemerintah Kota (Pemkot) Sukamaju"),
        ("indirect", "Badan Pengawas Pemilu (Bawaslu) Sukamaju"),
    ]
    assert got[2][1] != "Pemkot Sukamaju yang menggelar rapat"


def test_bare_names_as_subjects_of_reporting_verbs():
    text = (
        "Harga cabai di Pasar Sukamaju melonjak.\n"
        "Wati, seorang pedagang sayur di pasar tersebut mengaku sulit berjualan.\n"
        "“Biasanya habis 15 kilo,” keluhnya.\n"
        "Rapat digelar di aula. Ramli MS mengatakan pengawasan dilakukan setiap hari."
    )
    got = [(v["voice"], v["speaker"]) for v in sentence_voices(text)]
    assert got[1] == ("indirect", "Wati") and got[2] == ("direct", "Wati")
    assert got[-1] == ("indirect", "Ramli")


def test_an_attribution_closes_the_report_before_it():
    # "Demikian diungkapkan, Bupati X ...": the sentences of the report it closes are X's
    text = (
        "Pasar Lembah harus bersih setiap pagi. Untuk itu, petugas kebersihan wajib mulai "
        "bekerja pukul lima.\n"
        "Demikian diungkapkan, Bupati Herman Sulaiman saat meninjau pasar, Kamis.\n"
        "Kunjungan itu berlangsung satu jam."
    )
    got = [(v["voice"], v["speaker"], v["cue"]) for v in sentence_voices(text)]
    assert got[:2] == [("indirect", "Herman Sulaiman", "closed by an attribution")] * 2
    assert got[2][:2] == ("indirect", "Herman Sulaiman")
    assert got[3] == ("narration", "", "")
    # a passive that does not say (a hope about the thing) closes no report
    text = "Program ini dimulai bulan depan.\nHal ini diharapkan dapat mempercepat pelayanan."
    assert [v["voice"] for v in sentence_voices(text)][0] == "narration"


@pytest.mark.parametrize(
    "sentence",
    [
        "Usai laporan disampaikan, Bupati Ahmad Fauzi menyerahkan bantuan kepada 50 warga.",
        "Setelah diminta, Camat Budi Santoso langsung meninjau lokasi banjir.",
    ],
)
def test_a_clause_ending_in_a_passive_verb_is_no_attribution(sentence):
    assert [(v["voice"], v["speaker"]) for v in sentence_voices(sentence)] == [("narration", "")]


def test_an_attribution_closes_its_paragraph_and_the_one_before_only():
    text = (
        "Sebanyak 120 ASN mengikuti pelatihan di aula BKPSDM, Senin (3/6).\n"
        "Pelatihan itu berlangsung tiga hari.\n"
        "Pegawai terus meningkatkan kompetensinya. Demikian disampaikan Bupati Ahmad "
        "Fauzi saat membuka pelatihan."
    )
    voices = [v["voice"] for v in sentence_voices(text)]
    assert voices == ["narration", "indirect", "indirect", "indirect"]


def test_verbs_of_likening_and_jibing_report_speech():
    text = (
        "Bupati Sukamaju Darto Wiyono memimpin rapat.\n"
        "Darto juga menyentil agar setiap OPD tidak mendahulukan ego masing-masing.\n"
        "Bupati yang biasa disapa Bang Darto itu mengibaratkan, OPD yang tidak berinovasi "
        "sama saja duri dalam daging.\n"
        "Ia menyindir pejabat yang jarang turun ke lapangan."
    )
    got = [(v["voice"], v["speaker"]) for v in sentence_voices(text)]
    assert got[1:] == [("indirect", "Darto Wiyono")] * 3


@pytest.mark.parametrize(
    "sentence",
    [
        "Petugas berjaga untuk mengantisipasi hal-hal yang tidak diharapkan.",
        "Tanpa diminta, warga bergotong royong membersihkan saluran.",
        "Saat diminta menunjukkan surat tugas, pria itu kabur.",
        "Berkas yang sudah diminta inspektorat belum lengkap.",
        "Sebagaimana diharapkan warga, jalan itu akhirnya diaspal.",
        "Laporan itu diminta DPRD sejak bulan lalu.",
    ],
)
def test_a_passive_that_is_no_ones_request_stays_narration(sentence):
    # after a leader's report: the passive is not a request of his (no one's, or the
    # agent's that follows it)
    text = "Bupati Darto Wiyono mengatakan jembatan sudah selesai.\n" + sentence
    assert sentence_voices(text)[1]["voice"] == "narration"


def test_a_hope_or_pihaknya_after_someone_who_only_acted_is_narration():
    # a press release's close: the leader opened a bridge and handed out aid, no one spoke
    text = (
        "Bupati Kabupaten Sukamaju Darto Wiyono meresmikan jembatan gantung.\n"
        "Jembatan sepanjang 80 meter itu diharapkan memperlancar arus barang warga.\n"
        "Pihaknya juga menyerahkan bantuan sembako kepada 50 warga."
    )
    assert [v["voice"] for v in sentence_voices(text)] == ["narration"] * 3


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Diminta",
                "diminta",
                "Diharapkan",
                "diharapkan",
                "Pihaknya",
                "pihaknya",
                "yang",
                "tidak",
                "tanpa",
                "DPRD",
                "oleh",
                "warga",
                "dimintai",
                "x",
                ",",
                ".",
            ]
        ),
        max_size=8,
    )
)
def test_the_last_speaker_cues_shortcut_skips_only_what_cannot_match(words):
    # the substring test before each pattern (a speed shortcut) never skips a match
    text = " ".join(words)
    for rx, _cue, needles, _unless in LAST_SPEAKER_CUES:
        if rx.search(text):
            assert any(n in text for n in needles)
