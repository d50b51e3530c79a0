"""Tests for analysis.quotes.names: reading and normalising a person's name."""

from __future__ import annotations

from analysis.quotes import extract_quotes, normalize_speaker, sentence_voices
from analysis.quotes.names import name_context, read_name, role_key, title_key


def _one(text, **kw):
    qs = extract_quotes(text, **kw)
    assert len(qs) == 1, qs
    return qs[0]


def test_honorifics_and_degrees_are_stripped():
    q = _one("“Kenapa, karena kemiskinan tolak ukur kesejahteraan,” tegas Pakde Slamet.")
    assert q["speaker"] == "Slamet"
    assert normalize_speaker("H. Askolani, SH.,MH") == "Askolani"
    assert normalize_speaker("Hj. Rosa Maria, M.Kes") == "Rosa Maria"
    assert normalize_speaker("M. Rahmattullah, S.STP., MM.") == "M. Rahmattullah"
    assert normalize_speaker("Bapak Herman Deru") == "Herman Deru"


def test_read_name_after_a_title_skips_the_place():
    ctx = name_context("Bupati Lahat Bursah Zarnubi membuka apel.", None, None, ["Lahat"])
    text = "Bupati Lahat Bursah Zarnubi membuka apel."
    name, end = read_name(text, len("Bupati"), after_title=True, limit=len(text), ctx=ctx)
    assert (name, text[:end]) == ("Bursah Zarnubi", "Bupati Lahat Bursah Zarnubi")
    # a name after the comma, degrees passed over
    text = "Sekretaris Daerah Kabupaten OKU Selatan, M. Rahmattullah, S.STP., MM., memimpin"
    ctx = name_context(text, None, None, None)
    name, end = read_name(
        text, len("Sekretaris Daerah"), after_title=True, limit=len(text), ctx=ctx
    )
    assert name == "M. Rahmattullah" and text[end:].lstrip(" ,") == "memimpin"


def test_name_context_from_text_and_metadata():
    text = "Pemkab Muara Enim menggelar rapat di Muara Enim. “Siap,” kata Rizali."
    ctx = name_context(text, "H. Ahmad Rizali", "Bupati", ["Sumatera Selatan"])
    assert ctx.leader == "Ahmad Rizali" and ctx.role_key == "bupati"
    assert {"muara", "enim", "sumatera", "selatan"} <= ctx.places
    assert "rizali" in ctx.anchors and "ahmad" in ctx.leader_tokens
    assert role_key("Sekretaris Daerah") == role_key("Sekda") == "sekda"
    assert title_key("Wabup") == "wakil bupati"


def test_police_and_military_ranks_are_not_names():
    # a rank (with its corps or retirement) before a name is read like an honorific
    assert normalize_speaker("Kombes Pol. Hari Wibowo") == "Hari Wibowo"
    assert normalize_speaker("Letkol Inf Dodi Saputra") == "Dodi Saputra"
    text = (
        "Kapolres Tanah Merdu, AKBP Hari Santoso memimpin apel siaga.\n"
        "“Tidak ada toleransi bagi pelaku,” tegasnya."
    )
    assert _one(text)["speaker"] == "Hari Santoso"
    text = (
        "Kapolresta Sukamaju, Kombes Polisi Hari Wibowo memberikan apresiasi.\n"
        "“Kami tindak tegas,” kata Kapolresta."
    )
    assert _one(text)["speaker"] == "Hari Wibowo"


def test_police_degrees_after_a_name_are_no_person():
    # S.I.K. and M.Si after an officer's name: degrees, so "-nya" points back to him
    text = (
        "Kapolres Sukamaju AKBP Budi Santoso, S.I.K, M.Si menyampaikan pasar dijaga ketat.\n"
        '"Kami menambah personel di setiap pintu masuk," ungkapnya.'
    )
    assert _one(text)["speaker"] == "Budi Santoso"
    assert normalize_speaker("Budi Santoso, S.I.K., M.H.") == "Budi Santoso"


def test_a_degree_between_commas_before_the_verb_is_no_person():
    # "Dr. Nama, M.Si, menggelar ...": the degree is not the last person named
    text = (
        "Pj Bupati Sukamaju Dr. Budi Santoso, M.Si, menggelar apel gabungan di halaman kantor.\n"
        "“Jaga netralitas kita,” ucapnya."
    )
    assert _one(text)["speaker"] == "Budi Santoso"
    assert normalize_speaker("M.Si") == "" and normalize_speaker("S.Sos.") == ""


def test_a_term_of_office_between_the_title_and_the_name():
    text = (
        "Bupati Sukamaju periode 2019-2024, Ahmad Fauzi, menegaskan tidak ada OPD yang malas.\n"
        "“Setiap laporan harus masuk tepat waktu,” ujarnya saat apel."
    )
    assert _one(text)["speaker"] == "Ahmad Fauzi"


def test_penjabat_with_its_short_form_is_one_title():
    assert title_key("Penjabat (Pj) Gubernur") == title_key("Pj. Gubernur") == "pj gubernur"
    assert title_key("Pelaksana Tugas (Plt) Bupati") == title_key("Plt Bupati")
    text = (
        "Pemprov Tanah Merdu menggelar apel. Penjabat (Pj) Gubernur Tanah Merdu (TM) "
        "Komjen (Purn) Budi Santoso Wirawan, mengingatkan ASN menjaga netralitas.\n"
        "“Jangan ikut berkampanye,” kata Pj Gubernur TM."
    )
    assert _one(text)["speaker"] == "Budi Santoso Wirawan"


def test_a_name_right_after_a_regency_is_no_place():
    # after ``Kabupaten`` the place is its first word and the words the text writes
    # after it again (Lembah Hijau), not a name written there once (Darto Wiyono) ...
    text = (
        "Kepala BPBD Kabupaten Lembah Hijau Darto Wiyono mengatakan air mulai surut.\n"
        "Darto mengatakan warga Lembah Hijau sudah kembali ke rumah masing-masing."
    )
    ctx = name_context(text, None, None, None)
    assert {"lembah", "hijau"} <= ctx.places and not {"darto", "wiyono"} & ctx.places
    assert "darto" in ctx.anchors
    # ... nor, even when the text repeats it, a name it also uses alone (``Darto``)
    twice = text + "\nSekda Kabupaten Lembah Hijau Darto Wiyono hadir."
    assert "darto" not in name_context(twice, None, None, None).places
    # the price: a two-word place written once keeps only its first word as a place
    assert name_context("Pemkab Muara Enim menggelar rapat.", None, None, None).places == {"muara"}
    # and a name used alone stops the words right after the marker: no village named
    ctx = name_context(
        "Kepala Desa Darto Wiyono mengatakan warga sudah mengungsi.\n"
        "Darto menambahkan, bantuan logistik masih kurang.",
        None,
        None,
        None,
    )
    assert "darto" not in ctx.places
    voices = sentence_voices(text)
    assert [(v["voice"], v["speaker"]) for v in voices] == [
        ("indirect", "Darto Wiyono"),
        ("indirect", "Darto Wiyono"),
    ]


def test_the_regional_secretariat_is_an_office_not_a_name():
    # ``Setdako`` (the city secretariat) belongs to the office before the name
    text = "Asisten III Setdako Sukamaju, Rina Wati mengatakan belanja OPD baru 42 persen."
    assert [(v["voice"], v["speaker"]) for v in sentence_voices(text)] == [
        ("indirect", "Rina Wati")
    ]
    text = "Asisten III Setdako Rina Wati mengatakan belanja OPD baru 42 persen."
    assert sentence_voices(text)[0]["speaker"] == "Rina Wati"


def test_an_alternation_is_the_same_whatever_the_order_of_its_words():
    # longest first, then alphabetical: a set's order (which changes with the process's
    # hash seed) must not change the pattern
    from analysis.quotes.patterns import alternation

    words = ["kata", "ujar", "tegas", "ucap", "tutur", "sebut"]
    assert alternation(words) == "sebut|tegas|tutur|kata|ucap|ujar"
    assert alternation(reversed(words)) == alternation(words)
