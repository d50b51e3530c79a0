"""Tests for analysis.quotes.attribution (and mentions): who speaks.

Speech verbs after and before a quote, the pronoun chain, titles named earlier in the
text, and the metadata fallback, each on a hand-written Indonesian snippet.
"""

from __future__ import annotations

import pytest

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
    # another title is another person: the office as written (codebook: an unnamed
    # official can be the speaker), never the leader of the metadata
    q = _one("Rapat berlangsung di aula.\n“Semua OPD harus hadir,” kata Camat.", **meta)
    assert (q["speaker"], q["speaker_source"]) == ("Camat", "title")
    q = _one("“Semua OPD harus hadir,” kata Wakil Bupati.", leader="H. Budiman", role="Bupati")
    assert (q["speaker"], q["speaker_source"]) == ("Wakil Bupati", "title")


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


# --- speakers and reported speech of the genre (passages written for these tests) ------


def _voice_cues(text, **meta):
    from analysis.quotes import sentence_voices

    return [(v["voice"], v["speaker"], v["cue"]) for v in sentence_voices(text, **meta)]


def test_a_name_in_apposition_is_the_subject_of_the_reporting_verb():
    text = "Wali Kota Sukamaju, Ahmad Fauzi, menegaskan semua camat harus bekerja cepat."
    assert _voice_cues(text)[0][:2] == ("indirect", "Ahmad Fauzi")


@pytest.mark.parametrize(
    "first",
    [
        "Wakil Bupati Lembah Jaya, Rahmat Hidayat, memimpin rapat evaluasi OPD.",
        "Wakil Bupati Lembah Jaya, Rahmat Hidayat, yang memimpin rapat itu kecewa.",
    ],
)
def test_a_name_in_apposition_before_any_verb_leaves_the_place_out(first):
    # The place is unknown to the package; the name in commas and the lower-case word
    # after them show where the apposition ends.
    text = f"{first}\n“Laporan harus masuk besok,” ujarnya."
    assert _voice_cues(text)[1][:2] == ("direct", "Rahmat Hidayat")


def test_a_passive_speech_verb_without_its_agent_reports_the_last_speaker():
    text = (
        "Bupati Ahmad Fauzi meminta OPD mempercepat lelang.\n"
        "Dikatakan, realisasi anggaran baru mencapai 30 persen."
    )
    assert _voice_cues(text)[1] == ("indirect", "Ahmad Fauzi", "passive")


@pytest.mark.parametrize(
    "second",
    [
        "Dirinya berharap seluruh ASN disiplin.",
        "Orang nomor satu di Sukamaju itu menekankan pentingnya kerja sama.",
        "Sadar masih banyak yang absen, bupati mengaku kecewa.",
        # a view, a wish, an ultimatum or encouragement is reported speech too
        "Dia yakin tidak ada camat yang merasa dirugikan.",
        "Ia ingin rapat ini menjadi ruang bertukar data antardinas.",
        "Ia merinci, ada tiga dinas yang belum melapor.",
        "Ia pun mengultimatum kepala dinas yang realisasinya rendah.",
        "Dia juga menyemangati para camat agar tidak ragu bertindak.",
    ],
)
def test_pronouns_epithets_and_lower_case_titles_report_speech(second):
    text = "Bupati Sukamaju Ahmad Fauzi membuka rapat kerja di aula Pemkab Sukamaju.\n" + second
    assert _voice_cues(text)[1][:2] == ("indirect", "Ahmad Fauzi")


def test_a_demand_after_a_report_is_the_same_speakers_words():
    text = (
        "Menurut Sekda Rina Wati, banyak OPD belum melapor.\n"
        "Semua kepala dinas harus menyerahkan laporan pekan ini.\n"
        "Rapat ditutup pukul 12.00 WIB."
    )
    voices = _voice_cues(text)
    assert voices[1] == ("indirect", "Rina Wati", "continues reported speech")
    assert voices[2][0] == "narration"


def test_a_nickname_is_the_person_it_names():
    text = (
        "Wakil Gubernur Ratna Sari alias Nana memimpin rapat pimpinan.\n"
        "“Tidak boleh ada ego sektoral,” kata Nana."
    )
    q = _one(text)
    assert q["speaker"] == "Ratna Sari"


def test_an_office_never_named_and_a_role_noun_are_speakers():
    q = _one(
        "Apel pagi digelar di halaman kantor.\n“ASN harus hadir tepat waktu,” tegas Wakil Bupati."
    )
    assert (q["speaker"], q["speaker_source"]) == ("Wakil Bupati", "title")
    q = _one("Bupati Ahmad Fauzi meminta daftar hadir.\n“Dua camat tidak hadir, Pak,” kata ajudan.")
    assert q["speaker"] == "ajudan"


def test_a_title_and_name_right_after_the_quote_without_a_verb():
    q = _one("“Kita periksa lima dinas terendah,” Wali Kota Ahmad Fauzi, saat memimpin rapat.")
    assert q["speaker"] == "Ahmad Fauzi"


def test_an_acronym_in_brackets_between_the_place_and_the_name():
    text = (
        "Pj Gubernur Riau (Gubri) Budi Santoso memimpin rapat.\n"
        "“Semua program harus berjalan,” katanya."
    )
    assert _one(text)["speaker"] == "Budi Santoso"


def test_a_description_ending_in_a_demonstrative_points_back():
    text = (
        "Pelatih Persiraya, Bernardo Santos mengaku senang dengan pencapaian timnya.\n"
        "“Saya bangga dengan para pemain,” kata pelatih asal Brasil itu, Senin.\n"
        "“Kami tahu harus kerja keras,” tutur pelatih yang akrab disapa Beno itu."
    )
    assert [q["speaker"] for q in extract_quotes(text)] == ["Bernardo Santos"] * 2
    text = (
        "Sekretaris Daerah Sukamaju, Yudi Pratama memimpin rapat di Kabupaten Sukamaju.\n"
        "“Ayo segera kita laksanakan,” harap Pria yang sebelumnya menjabat Kepala Dinas "
        "Pariwisata ini."
    )
    assert _one(text)["speaker"] == "Yudi Pratama"


def test_a_former_office_describes_the_person_named_before():
    text = (
        "Penjabat Gubernur Tanah Merdu Budi Santoso mengingatkan ASN Pemprov Tanah Merdu.\n"
        "Mantan Kapolda Sukamaju itu menjelaskan, ada tiga kategori hukuman disiplin.\n"
        "“Jangan ada yang ikut kampanye,” katanya."
    )
    assert _voices(text)[1] == ("indirect", "Budi Santoso")
    assert _one(text)["speaker"] == "Budi Santoso"


def test_a_pronoun_skips_an_office_the_text_never_names_for_a_named_speaker():
    # the codebook: an unnamed office speaks only when no one else is named
    text = (
        "Kepala Dinas Pendidikan Rini Astuti menjelaskan rencana kerja tahun ini.\n"
        "Rini mengingatkan, Wali Kota merupakan jabatan yang dipilih oleh rakyat.\n"
        "“Semua dinas harus bekerja sama agar program berjalan,” tandas dia."
    )
    q = _one(text)
    assert (q["speaker"], q["speaker_source"]) == ("Rini Astuti", "pronoun")
    # with no one named, the office itself is the antecedent, as before
    alone = (
        "Wali Kota merupakan jabatan yang dipilih oleh rakyat.\n"
        "“Semua dinas harus bekerja sama,” tandas dia."
    )
    assert _one(alone)["speaker"] == "Wali Kota"


def test_a_place_after_a_preposition_is_no_name_after_a_title():
    text = (
        "Warga Sukamaju sudah lama pindah ke Cibodas.\n"
        "Camat Cibodas membuka rapat.\n"
        "“Pelayanan harus cepat,” kata Camat Cibodas."
    )
    q = _one(text)
    assert (q["speaker"], q["speaker_source"]) == ("Camat Cibodas", "title")


def test_a_short_name_that_begins_a_later_word_of_a_full_name():
    text = (
        "Pemkot Surabaya menggelar apel. Wali Kota Surabaya Tri Rismaharini memimpin apel itu.\n"
        "“Jaga integritas,” kata Risma."
    )
    assert _one(text)["speaker"] == "Tri Rismaharini"


def test_a_title_in_lower_case_with_a_name_after_the_quote():
    text = (
        "Sekda Garut Nurdin Yana membuka apel.\n"
        "Para kepala dinas hadir di halaman kantor.\n"
        "“Kita harus disiplin,” kata bupati H Rudy Gunawan saat apel."
    )
    q = _one(text)
    assert q["speaker"].endswith("Rudy Gunawan") and q["speaker_source"] == "verb"
    # a lower-case title without a name still points back (a description)
    assert (
        _one("Bupati Andi Wijaya hadir. “Kita harus disiplin,” kata bupati itu.")["speaker"]
        == "Andi Wijaya"
    )


@pytest.mark.parametrize("origin", ["asal Cikaret", "kelahiran Sukamaju"])
def test_a_place_of_origin_in_an_epithet_is_no_speaker(origin):
    # "the head from Cikaret" is the person named before, not a person "Cikaret"
    text = (
        "Kepala Dinas Pendidikan Kabupaten Lembah, Rina Wati, memuji para guru.\n"
        f"Kepala dinas {origin} ini menilai, nilai ujian naik karena guru bekerja keras. "
        "Menurut dia, sekolah juga makin disiplin.\n"
        "“Kami akan terus mendampingi sekolah,” ujarnya."
    )
    assert [v["speaker"] for v in sentence_voices(text)] == ["Rina Wati"] * 4
    assert [q["speaker"] for q in extract_quotes(text)] == ["Rina Wati"]


@pytest.mark.parametrize(
    "office",
    ["Direktur Perencanaan Anggaran Daerah Kemendagri", "Asisten Pemerintahan Setda Sukamaju"],
)
def test_an_office_held_before_is_an_epithet_of_the_last_speaker(office):
    # the Pj Bupati's other office, with a demonstrative, before a reporting verb
    text = (
        "Penjabat Bupati Sukamaju Darmono Wiryo memimpin apel gabungan.\n"
        "“Tidak ada laporan. Hari ini saya minta laporannya,” tegas Darmono.\n"
        f"{office} ini juga mengingatkan seluruh OPD mempercepat realisasi anggaran.\n"
        "“Saya minta semua paket dilelang,” pintanya."
    )
    assert [(v["voice"], v["speaker"]) for v in sentence_voices(text)][3] == (
        "indirect",
        "Darmono Wiryo",
    )
    assert [q["speaker"] for q in extract_quotes(text)] == ["Darmono Wiryo"] * 2


def test_a_demonstrative_closing_a_phrase_keeps_the_name_in_it():
    # "itu" closes "Rapat yang dihadiri ...": the Sekda is named, and speaks next
    text = (
        "Rapat yang dihadiri Sekretaris Daerah, H Rudi Hartono itu digelar di aula.\n"
        "“Realisasi harus dipercepat,” ucapnya."
    )
    assert [q["speaker"] for q in extract_quotes(text)] == ["H Rudi Hartono"]


def test_a_resident_named_after_warga_is_the_speaker():
    text = "Salah seorang warga Siti Aminah mengatakan bantuan beras sudah diterima."
    assert [(v["voice"], v["speaker"]) for v in sentence_voices(text)] == [
        ("indirect", "Siti Aminah")
    ]
