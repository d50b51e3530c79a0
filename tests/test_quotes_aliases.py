"""Tests for analysis.quotes.aliases: nicknames and short forms mapped to the full name.

The codebook names a speaker in the fullest form the article uses; each passage below
is invented.
"""

from __future__ import annotations

from analysis.quotes import extract_quotes, sentence_voices
from analysis.quotes.aliases import Aliases, fullest_name


def _speakers(text, **kw):
    return [q["speaker"] for q in extract_quotes(text, **kw)]


def test_a_nickname_with_an_honorific_is_the_full_name():
    text = (
        "Pemkab Tanah Merdu menggelar rapat camat.\n"
        "Bupati Tanah Merdu, Andi Surya Latif yang akrab disapa Bang Ucok, memimpin rapat.\n"
        "“Koordinasi tidak boleh berhenti,” ujar Bang Ucok sambil tersenyum."
    )
    assert _speakers(text) == ["Andi Surya Latif"]


def test_a_nickname_declared_before_a_title_is_the_holders():
    text = (
        "Wali Kota Sukamaju Hendra Prasetya meninjau kantor OPD Pemkot Sukamaju.\n"
        "Ditemani dua asisten, Edo sapaan akrab Wali Kota Sukamaju, menyisir semua kantor.\n"
        "“Semua pegawai masuk hari ini,” terang Edo, Senin."
    )
    assert _speakers(text) == ["Hendra Prasetya"]


def test_a_nickname_of_the_person_named_before():
    text = (
        "Usai rapat, Rahmat Hidayat mengatakan banyak kepala dinas tidak hadir.\n"
        "“Mereka punya banyak alasan,” kata Oding, sapaan akrabnya."
    )
    assert _speakers(text) == ["Rahmat Hidayat"]


def test_a_nickname_declared_after_a_short_form_is_the_fullest_name():
    text = (
        "Wali Kota Sukamaju Hendra Prasetya menyoroti ego sektoral di Pemkot Sukamaju.\n"
        "Dalam rapat itu, Hendra menegaskan pentingnya kerja sama lintas dinas.\n"
        "“Jangan ada program milik sendiri,” tegas Hendra yang akrab disapa Edo ini.\n"
        "“Semua dinas harus duduk bersama,” pungkas Edo."
    )
    assert _speakers(text) == ["Hendra Prasetya", "Hendra Prasetya"]


def test_a_declared_nickname_used_as_a_subject_reports_speech():
    text = (
        "Wali Kota Sukamaju Andi Hasan, akrab disapa AH, memimpin rapat Pemkot Sukamaju.\n"
        "AH menegaskan bahwa evaluasi dilakukan setiap bulan."
    )
    assert [(v["voice"], v["speaker"]) for v in sentence_voices(text)][1] == (
        "indirect",
        "Andi Hasan",
    )


def test_short_forms_take_the_fullest_name_in_the_text():
    text = (
        "Penjabat Wali Kota Sukamaju, Unu Salimudin, menegaskan komunikasi di Kota Sukamaju.\n"
        "“Kalau tidak melapor, saya anggap beres,” ujar Unu.\n"
        "Wakil Wali Kota Sukamaju, Hermansyah, mengancam memberi sanksi.\n"
        "“Waktunya tinggal tiga bulan,” ucap Herman."
    )
    assert _speakers(text) == ["Unu Salimudin", "Hermansyah"]


def test_a_short_form_of_two_persons_stays_as_written():
    al = Aliases({}, ("Budi Santoso", "Budi Hartono", "Nilmaizar"))
    assert fullest_name("Budi", al) == "Budi"
    assert fullest_name("Santoso", al) == "Budi Santoso"
    assert fullest_name("Nil", al) == "Nilmaizar"
    # a prefix needs three letters, and a title is no short form
    assert fullest_name("Ni", al) == "Ni"
    assert fullest_name("bupati", al) == "bupati"


def test_a_shortened_first_name_keeps_its_period():
    text = "“Kita kerja bersama,” kata Bupati Sukamaju dr. Moh. Harun."
    assert _speakers(text) == ["Moh. Harun"]


def test_a_nickname_in_brackets_after_the_name():
    text = (
        "Gubernur Tanah Merdu Dr H Rudi Santoso (Harum) memimpin apel pagi.\n"
        "“Kepala OPD harus bicara strategis,” pesan Gubernur Harum saat memberi arahan."
    )
    assert "Rudi Santoso" in _speakers(text)[0]


def test_a_short_form_takes_the_name_the_mentions_missed():
    # a title and a place run straight into the name: the short form finds it
    text = (
        "Sekretaris Daerah Kota Lembah Ade Surya Pratama mengaku kecewa.\n"
        "“Kami akan lakukan sidak sebulan sekali,” ucap Ade."
    )
    assert _speakers(text) == ["Ade Surya Pratama"]


def test_a_title_with_a_demonstrative_after_the_speech_verb_points_back():
    text = (
        "Penjabat Bupati Lembah, Bahrudin Salim, memimpin apel gabungan.\n"
        "“Saya tidak main-main,” kata Bahrudin.\n"
        "“Tunggu saja sanksinya,” tutur Kepala Dinas Sosial itu."
    )
    assert _speakers(text) == ["Bahrudin Salim", "Bahrudin Salim"]


def test_a_nickname_made_of_a_names_last_syllables():
    text = (
        "Pemkab Tanah Merdu menggelar rapat pimpinan OPD.\n"
        "Bupati Tanah Merdu, Dr Ir H W Kartarizal, MM meminta kepala OPD bekerja cepat.\n"
        "“Kita tidak boleh lamban melayani masyarakat,” kata H Rizal."
    )
    assert _speakers(text) == ["H W Kartarizal"]
    names = ("W Kartarizal", "Baskaradito Wirawan", "Zarizal Ahmad")
    al = Aliases({}, names, "", leaders=names)
    assert fullest_name("Dito", al) == "Baskaradito Wirawan"
    # two names end in it: left as written; under four letters: no nickname
    assert fullest_name("Rizal", al) == "Rizal"
    assert fullest_name("Pak Ito", al) == "Pak Ito"


def test_a_nickname_made_of_a_leaders_middle_syllables():
    text = (
        "Bupati Tanah Merdu, Agustinus Ch Dula, memimpin apel perdana usai libur Lebaran.\n"
        "“Libur sepuluh hari sudah cukup,” ucap Bupati Gusti."
    )
    assert _speakers(text) == ["Agustinus Ch Dula"]
    names = ("Agustinus Dula", "Hendra Prasetya")
    al = Aliases({}, names, "", leaders=names)
    # five letters or more, inside a leader's name; shorter or a citizen's: as written
    assert fullest_name("Gusti", al) == "Agustinus Dula"
    assert fullest_name("Endra", Aliases({}, names, "", leaders=())) == "Endra"
    assert fullest_name("Gust", al) == "Gust"


def test_a_nickname_behind_a_regional_kinship_honorific():
    # "Om", "Akang", "Teteh" are honorifics as "Pak" and "Kang" are: the name is the rest
    text = (
        "Bupati Tanah Merdu, Darma Wiratmaja, memimpin rapat bersama kepala OPD.\n"
        "“Kepala dinas harus ada di lapangan,” kata Om Maja.\n"
        "“Jangan hanya duduk di kantor,” kata Teteh Nurlaela, warga setempat."
    )
    assert _speakers(text)[0] == "Darma Wiratmaja"


def test_a_tournament_named_after_an_office_is_no_speaker():
    text = (
        "Bupati Tanah Merdu, Darma Wiratmaja, menutup turnamen sepak bola antardesa.\n"
        "Turnamen Bupati Cup akan kembali digelar tahun depan.\n"
        "“Kita harapkan atlet muda terus berprestasi,” jelasnya."
    )
    assert _speakers(text) == ["Darma Wiratmaja"]


def test_a_citizen_is_not_an_official_whose_name_ends_like_his():
    # only a leader's name gives a nickname of its last syllables
    text = (
        "Kepala Dinas Pertanian Agus Suryanto meninjau sawah di Kecamatan Lembah.\n"
        "Hal senada disampaikan petani, Yanto.\n"
        "“Harga gabah naik,” kata Yanto."
    )
    assert _speakers(text) == ["Yanto"]


def test_a_description_giving_a_nickname_after_the_speech_verb():
    # the nickname is the speaker, in the full form when the text declares it ...
    text = (
        "Kepala Dinas Pendidikan Tanah Merdu, Rahmat Hidayat yang biasa dipanggil Pak Odang, "
        "menggelar rapat dengan para kepala sekolah.\n"
        "Para kepala sekolah diminta menyerahkan laporan tepat waktu.\n"
        "“Kami tidak mau ada laporan yang terlambat lagi,” kata pejabat yang biasa "
        "dipanggil Pak Odang itu."
    )
    assert _speakers(text) == ["Rahmat Hidayat"]
    # ... and the nickname itself when it is the only name the text gives
    text = (
        "Tim Merdu FC menang 3-0 di kandang.\n"
        "“Anak-anak bermain sesuai instruksi,” ujar pelatih yang akrab disapa Kang Odik "
        "itu usai laga."
    )
    assert _speakers(text) == ["Odik"]


def test_a_nickname_after_the_speech_verb_is_its_holder_not_the_last_speaker():
    text = (
        "Ketua KONI Sukamaju, Ahmad Fauzi yang akrab disapa Ozi, hadir di pendopo.\n"
        "Bupati Darto Wiyono mengatakan bonus atlet dibayar bulan ini.\n"
        "“Kami berterima kasih,” ujar pria yang akrab disapa Ozi itu."
    )
    assert _speakers(text) == ["Ahmad Fauzi"]
