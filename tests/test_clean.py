"""The boilerplate cleaner: exact bodies of the seeds, each boilerplate kind, and
body lines that only look like boilerplate."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import boilerplate
from analysis.clean import REASONS, clean_article, normalize_whitespace
from analysis.corpus import read_article
from analysis.paths import SEEDS_DIR

DATA_DIR = Path(__file__).resolve().parent / "data"

SEED_FILES = sorted(SEEDS_DIR.glob("*.txt"))


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_body_matches_reading_line_by_line(path):
    """Expected bodies were written by a careful blind reading of the raw files."""
    expected = (DATA_DIR / "expected_bodies" / f"{path.name[:3]}.txt").read_text("utf-8")
    got = clean_article(read_article(path)[0]).body
    exp_lines = expected.rstrip("\n").split("\n")
    got_lines = got.split("\n")
    for i, (e, g) in enumerate(zip(exp_lines, got_lines), start=1):
        assert g == e, f"{path.name} body line {i} differs"
    assert len(got_lines) == len(exp_lines)


TITLES_AND_DATELINES = {
    "000": (
        "SEKRETARIS DAERAH PIMPIN RAPAT KERJA PEMKAB OKU SELATAN",
        "MUARADUA",
        "Elanghitam.com",
    ),
    "001": (
        "Awal Tahun 2022, Edward Candra Gelar Rapat Evaluasi Kinerja OPD Pemkab OKU",
        "Baturaja",
        "BP",
    ),
    "002": ("", "LUWU TIMUR", "Timuronline"),
    "003": (
        "Rakor OPD Eslon II dan III, Bupati Askolani : Belum Puas Pencapaian Selama Dua Tahun",
        "BANYUASIN",
        "KabaRakyatsumsel.id",
    ),
    "004": (
        "Usai Lebaran, Herman Deru Tegaskan Optimalisasi Tupoksi Bagi Pejabat Sumsel",
        "PALEMBANG",
        "PALTV.CO.ID",
    ),
}


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_title_and_dateline(path):
    title, place, outlet = TITLES_AND_DATELINES[path.name[:3]]
    art = clean_article(read_article(path)[0])
    assert art.title == title
    assert art.dateline is not None
    assert (art.dateline.place, art.dateline.outlet) == (place, outlet)


def test_seed_audit_of_001():
    art = clean_article(read_article(SEEDS_DIR / "001_f28c24e8a2fecf33.txt")[0])
    reasons = [(r.line_no, r.reason) for r in art.removed]
    assert reasons == [
        (1, "menu"),
        (3, "title"),
        (5, "dateline"),
        (11, "related-link"),
        (18, "related-link"),
        (24, "related-link"),
        (30, "reporter-tag"),
        (32, "engagement"),
        (34, "byline"),
        (36, "trailing-headline"),
        (38, "trailing-headline"),
    ]
    assert all(r.reason in REASONS for r in art.removed)


def test_seed_audit_of_004_repeated_title_and_captions():
    art = clean_article(read_article(SEEDS_DIR / "004_260f9df76c62bb9f.txt")[0])
    by_line = {r.line_no: r.reason for r in art.removed}
    assert by_line[1] == "title"
    assert by_line[3] == by_line[5] == "repeated-title"  # line 5 carries "--Foto : ..."
    assert by_line[20] == "caption"
    assert by_line[36] == "engagement" and by_line[38] == "source-credit"


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_cleaning_is_idempotent_on_seeds(path):
    once = clean_article(read_article(path)[0])
    twice = clean_article(once.body)
    assert twice.body == once.body
    assert twice.removed == ()


# --- every boilerplate kind, hand-written in the genre's shapes -------------------

BODY = (
    "Bupati Lahat meminta seluruh OPD meningkatkan kinerja pada tahun ini.\n"
    "Ia juga mengingatkan pentingnya disiplin kehadiran pegawai."
)


@pytest.mark.parametrize(
    "raw, reason, removed_text",
    [
        ("Bupati Pimpin Rapat Kerja\nLAHAT, SUMEKS.CO - " + BODY, "dateline", "LAHAT, SUMEKS.CO -"),
        ("Bupati Pimpin Rapat\nLahat (ANTARA) - " + BODY, "dateline", "Lahat (ANTARA) -"),
        (
            "JUDUL\nMUARA ENIM, sumselupdate.com – " + BODY,
            "dateline",
            "MUARA ENIM, sumselupdate.com –",
        ),
        ("Judul Berita Rapat\nLAHAT - " + BODY, "dateline", "LAHAT -"),
        (BODY.replace("\n", "\nBaca Juga: Wabup Tinjau Pasar Bedug\n"), "related-link", None),
        (BODY.replace("\n", "\nBACA JUGA:Harga Cabai Naik Jelang Lebaran\n"), "related-link", None),
        (BODY.replace("\n", "\nBaca Juga :\n"), "related-link", "Baca Juga :"),
        (BODY.replace("\n", "\nBerita Terkait: Bupati Lantik Pejabat\n"), "related-link", None),
        (BODY.replace("\n", "\nBupati Lahat saat rapat.--Foto : Humas -SUMEKS\n"), "caption", None),
        (BODY.replace("\n", "\nFoto: Dok. Humas Pemkab Lahat\n"), "caption", None),
        (BODY + " (Red/tim)", "reporter-tag", "(Red/tim)"),
        (BODY + " (Suharni)", "reporter-tag", "(Suharni)"),
        (BODY + " #yan", "reporter-tag", "#yan"),
        (BODY + " (\nhms/ikp/kominfo)", "reporter-tag", "( hms/ikp/kominfo)"),
        (BODY + " [rel]", "reporter-tag", "[rel]"),
        (BODY + "\nWritten by Julliana Elora", "byline", "Written by Julliana Elora"),
        (BODY + "\nEditor: Rina Marlina", "byline", "Editor: Rina Marlina"),
        (BODY + "\nPenulis : Ahmad", "byline", "Penulis : Ahmad"),
        (BODY + "\nWhat do you think?", "engagement", "What do you think?"),
        (BODY + "\nCek Berita dan Artikel yang lain di Google News", "engagement", None),
        (BODY + "\nSimak berita terbaru lainnya di Google News", "engagement", None),
        (BODY + "\nIkuti kami di Instagram @pemkablahat", "engagement", None),
        (BODY + "\nSumber: paltv.co.id", "source-credit", "Sumber: paltv.co.id"),
        ("in\nJudul Rapat Kerja Pemkab\nLAHAT, SUMEKS.CO - " + BODY, "menu", "in"),
        (
            BODY + " #yan\nWhat do you think?\nHarga Karet Turun di Musi Rawas\nTimnas U-23 Lolos",
            "trailing-headline",
            "Timnas U-23 Lolos",
        ),
        ("Judul Rapat\nJudul Rapat\nLAHAT, SUMEKS.CO - " + BODY, "repeated-title", "Judul Rapat"),
    ],
)
def test_boilerplate_kinds_are_removed_and_body_kept(raw, reason, removed_text):
    art = clean_article(raw)
    assert art.body == BODY
    reasons = {r.reason for r in art.removed}
    assert reason in reasons
    if removed_text is not None:
        assert removed_text in [r.text for r in art.removed if r.reason == reason]


@pytest.mark.parametrize(
    "line",
    [
        # contains "sumber daya": not a source credit
        "Ia meminta OPD memberikan pembinaan sumber daya manusia dan potensi yang ada.",
        "Sumber daya aparatur harus ditingkatkan, kata Sekda.",
        # a quote that ends with a name in brackets is attribution, not a reporter tag
        "“Kita harus disiplin dan bekerja keras.” (Askolani)",
        "“Disiplin itu penting,” tegas Wakil Bupati (Slamet).",
        # "Baca juga" inside a sentence, not a link
        "Baca juga laporan kinerja OPD sebelum rapat, pinta Bupati.",
        # a sentence mentioning photos
        "Bupati meminta dokumentasi foto kegiatan dilaporkan setiap pekan.",
        # a short sentence that ends with a period after a short subheading
        "Penyerapan Anggaran Harus Maksimal",
    ],
)
def test_body_lines_that_look_like_boilerplate_stay(line):
    raw = f"Judul Rapat Kerja\nLAHAT, SUMEKS.CO - Rapat dimulai pagi.\n{line}\nRapat ditutup siang."
    art = clean_article(raw)
    assert line in art.body.split("\n")


def test_quote_with_name_in_brackets_at_article_end_stays():
    raw = "LAHAT, SUMEKS.CO - Rapat dimulai.\n“Kita harus disiplin.” (Askolani)"
    art = clean_article(raw)
    assert art.body.endswith("“Kita harus disiplin.” (Askolani)")
    assert not [r for r in art.removed if r.reason == "reporter-tag"]


def test_last_short_sentence_keeps_its_text_when_tag_removed():
    art = clean_article(
        "LAHAT, SUMEKS.CO - Rapat dimulai.\nSemoga sukses. #yan\nWhat do you think?"
    )
    assert art.body.split("\n")[-1] == "Semoga sukses."


def test_stray_quote_after_dateline_removed_but_closed_quote_kept():
    stray = clean_article("OKU, Elanghitam.com “Sekda memimpin rapat pagi ini.")
    assert stray.body == "Sekda memimpin rapat pagi ini."
    closed = clean_article("OKU, Elanghitam.com “Kita siap,” kata Sekda.")
    assert closed.body == "“Kita siap,” kata Sekda."


def test_without_dateline_an_unpunctuated_first_line_is_the_title():
    # the codebook: a headline is not body, even when the page does not repeat it
    art = clean_article("Penyerapan anggaran harus maksimal\nBupati meminta OPD bekerja.")
    assert art.title == "Penyerapan anggaran harus maksimal"
    assert art.body == "Bupati meminta OPD bekerja."


def test_without_dateline_a_first_line_that_is_a_sentence_is_kept():
    art = clean_article("Bupati meminta OPD bekerja keras tahun ini.\nSekda hadir dalam rapat.")
    assert art.title == ""
    assert art.body == "Bupati meminta OPD bekerja keras tahun ini.\nSekda hadir dalam rapat."


def test_bom_crlf_and_nbsp_are_handled():
    raw = "\ufeffJudul Rapat\r\nLAHAT, SUMEKS.CO -\u00a0Rapat\u00a0dimulai.\r\n"
    art = clean_article(raw)
    assert art.title == "Judul Rapat"
    assert art.body == "Rapat dimulai."


# --- properties ----------------------------------------------------------------

GENRE_LINES = st.sampled_from(
    [
        "Baca Juga: Bupati Resmikan Pasar",
        "What do you think?",
        "Sumber: contoh.co.id",
        "Written by Redaksi",
        "Foto: Humas",
        "in",
        "PALEMBANG, PALTV.CO.ID - Gubernur meminta OPD bekerja.",
        "Bupati menekankan pentingnya koordinasi antar OPD.",
        "“Kita harus disiplin,” tegasnya. (Red/tim)",
        "Penyerapan Anggaran Harus Maksimal",
        "Harga Karet Turun",
        "",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(GENRE_LINES, st.text(max_size=60)), max_size=12))
def test_cleaning_is_idempotent(lines):
    once = clean_article("\n".join(lines))
    twice = clean_article(once.body)
    assert twice.body == once.body


def _in_order(words, raw_lines):
    """Does each word stand in a raw line, after the previous word (same line) or in a
    later line?"""
    k, pos = 0, 0
    for w in words:
        while k < len(raw_lines):
            at = raw_lines[k].find(w, pos)
            if at >= 0:
                pos = at + len(w)
                break
            k, pos = k + 1, 0
        else:
            return False
    return True


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(GENRE_LINES, st.text(max_size=60)), max_size=12))
def test_cleaning_never_invents_text(lines):
    """Every body line is (part of) a raw line, or parts of raw lines in their order
    joined by a space (a paragraph the page broke), with whitespace tidied."""
    raw = "\n".join(lines)
    tidy_raw = [
        normalize_whitespace(x) for x in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    art = clean_article(raw)
    for line in art.paragraphs:
        assert _in_order(line.split(" "), tidy_raw), line
    kept_chars = sum(len(x) for x in art.paragraphs)
    assert kept_chars <= sum(len(t) + 1 for t in tidy_raw)


# --- whole articles in other outlets' shapes (not from the seeds) -------------------

TRIBUN_STYLE = """Bupati Muara Enim Minta OPD Tingkatkan Disiplin ASN
Tribunsumsel.com
Senin, 12 Februari 2024 10:15 WIB
Penulis: Ahmad Farozi | Editor: Vanda Rosetiati
Bupati Muara Enim saat memimpin apel pagi. (Foto: Humas Pemkab Muara Enim)
TRIBUNSUMSEL.COM, MUARA ENIM - Bupati Muara Enim meminta seluruh kepala OPD disiplin.
Baca juga: Harga Karet di Muara Enim Naik
"Kita harus disiplin. Tidak ada toleransi bagi yang mangkir," ujarnya.
Ia menambahkan, absensi elektronik akan diterapkan mulai Maret.
(*)
Artikel ini telah tayang di Tribunsumsel.com dengan judul Bupati Minta OPD Disiplin
"""

ANTARA_STYLE = """Gubernur Sumsel minta OPD perkuat koordinasi
Rabu, 23 September 2020 14:47 WIB
Palembang (ANTARA) - Gubernur Herman Deru meminta OPD memperkuat koordinasi antar instansi.
"Koordinasi itu kunci," katanya.
Pewarta: Yudi Abdullah
Editor: Budi Suyanto
COPYRIGHT © ANTARA 2020
"""

KOMPAS_STYLE = """KOMPAS.com - Wali Kota Palembang meminta camat dan lurah bersinergi.
Menurut dia, sinergi antar perangkat daerah penting untuk pelayanan.
Halaman selanjutnya
Simak berita dan artikel lainnya di Google News
"""


@pytest.mark.parametrize(
    "raw, title, place, outlet, body, reasons",
    [
        (
            TRIBUN_STYLE,
            "Bupati Muara Enim Minta OPD Tingkatkan Disiplin ASN",
            "MUARA ENIM",
            "TRIBUNSUMSEL.COM",
            "Bupati Muara Enim meminta seluruh kepala OPD disiplin.\n"
            '"Kita harus disiplin. Tidak ada toleransi bagi yang mangkir," ujarnya.\n'
            "Ia menambahkan, absensi elektronik akan diterapkan mulai Maret.",
            [
                "title",
                "menu",
                "timestamp",
                "byline",
                "caption",
                "dateline",
                "related-link",
                "reporter-tag",
                "source-credit",
            ],
        ),
        (
            ANTARA_STYLE,
            "Gubernur Sumsel minta OPD perkuat koordinasi",
            "Palembang",
            "ANTARA",
            "Gubernur Herman Deru meminta OPD memperkuat koordinasi antar instansi.\n"
            '"Koordinasi itu kunci," katanya.',
            ["title", "timestamp", "dateline", "byline", "byline", "engagement"],
        ),
        (
            KOMPAS_STYLE,
            "",
            "",
            "KOMPAS.com",
            "Wali Kota Palembang meminta camat dan lurah bersinergi.\n"
            "Menurut dia, sinergi antar perangkat daerah penting untuk pelayanan.",
            ["dateline", "engagement", "engagement"],
        ),
    ],
    ids=["tribun", "antara", "kompas"],
)
def test_articles_in_other_outlets_shapes(raw, title, place, outlet, body, reasons):
    art = clean_article(raw)
    assert art.body == body
    assert art.title == title
    assert (art.dateline.place, art.dateline.outlet) == (place, outlet)
    assert [r.reason for r in art.removed] == reasons
    assert clean_article(art.body).body == art.body


# ---------------------------------------------------------------------- removal_table


def test_removal_table_lists_every_removed_line_of_the_seeds(seeds):
    from analysis.clean import removal_table

    table = removal_table(seeds)
    assert list(table.columns) == ["doc_id", "line_no", "reason", "text"]
    assert table.index.name == "removal"
    assert set(table["reason"]) <= set(REASONS)
    # one row per entry of each document's audit, in corpus order
    assert table.groupby("doc_id").size().to_dict() == {
        doc_id: len(removed) for doc_id, removed in seeds["removed"].items() if removed
    }
    with_removals = [d for d in seeds.index if seeds.at[d, "removed"]]
    assert list(dict.fromkeys(table["doc_id"])) == with_removals
    # every removed text is really in the raw article (a tag may run over a line
    # break, so spaces are ignored), starting on the line it names
    for row in table.itertuples():
        raw = seeds.at[row.doc_id, "raw"]
        assert "".join(row.text.split()) in "".join(raw.split())
        first = row.text.split()[0]
        assert first in raw.split("\n")[row.line_no - 1]
    # and none of it is left in the body (title lines are kept as the title, not body)
    for row in table[table["reason"] != "title"].itertuples():
        assert row.text not in seeds.at[row.doc_id, "body"].split("\n")


def test_removal_table_cleans_raw_documents_without_an_audit():
    from analysis.clean import removal_table

    raw = (
        "Bupati Minta OPD Disiplin\n"
        "LAHAT, CONTOH.ID - Bupati meminta kepala OPD disiplin dalam bekerja.\n"
        "Baca Juga: Rapat Koordinasi Digelar\n"
        "Kinerja pegawai akan dievaluasi setiap bulan. (Red/tim)\n"
    )
    docs = [
        {"doc_id": "a", "body": "Kinerja naik.", "raw": raw},
        {"doc_id": "b", "body": "Tanpa audit.", "removed": []},
    ]
    table = removal_table(docs)
    assert set(table["doc_id"]) == {"a"}
    assert {"title", "dateline", "related-link", "reporter-tag"} <= set(table["reason"])
    assert table.loc[table["reason"] == "related-link", "line_no"].tolist() == [3]
    assert removal_table([{"doc_id": "c", "body": "Teks."}]).empty


def test_a_line_that_is_only_a_dateline_is_cut_without_error():
    # the dateline stands alone on its line, the paragraph follows on the next one
    art = clean_article(
        "Bupati Minta OPD Kompak\nSUKAMAJU, KABARDAERAH.ID -\n"
        "Bupati Sukamaju meminta seluruh kepala OPD bekerja sama."
    )
    assert art.title == "Bupati Minta OPD Kompak"
    assert art.dateline is not None and art.dateline.place == "SUKAMAJU"
    assert art.body == "Bupati Sukamaju meminta seluruh kepala OPD bekerja sama."
    assert [r.reason for r in art.removed] == ["title", "dateline"]


# --- page furniture of the genre (passages written for these tests) ---------------

FURNITURE_PAGE = """Iklan - Geser ke atas untuk melanjutkan
Berita Daerah
Bupati Sukamaju Minta OPD Percepat Serapan Anggaran
Redaksi - Kamis, 4 Juli 2024 09:12 WIB
1.204 view
Bupati Sukamaju Minta OPD Percepat Serapan Anggaran
Bupati Sukamaju, Drs. Ahmad Fauzi (tengah) didampingi Sekda saat memimpin rapat evaluasi
SUKAMAJU, KABARDAERAH.ID - Bupati Sukamaju meminta seluruh kepala OPD mempercepat serapan anggaran.
Suasana rapat evaluasi di aula kantor bupati/ist.
"Realisasi baru 40 persen. Saya minta dipercepat," tegas Ahmad.
bupati-sukamaju-rapat.jpg
Ia juga meminta kepala OPD melaporkan perkembangan pekerjaan setiap pekan. (adn)
Tinggalkan Balasan
Alamat email Anda tidak akan dipublikasikan.
Tetap Terhubung Dengan Kami:
| Warga Sukamaju Panen Raya Jagung |
|---|
Avatar photo
"""


def test_page_furniture_of_the_genre_goes_and_the_body_stays():
    art = clean_article(FURNITURE_PAGE)
    assert art.title == "Bupati Sukamaju Minta OPD Percepat Serapan Anggaran"
    assert art.body == (
        "Bupati Sukamaju meminta seluruh kepala OPD mempercepat serapan anggaran.\n"
        '"Realisasi baru 40 persen. Saya minta dipercepat," tegas Ahmad.\n'
        "Ia juga meminta kepala OPD melaporkan perkembangan pekerjaan setiap pekan."
    )
    reasons = {r.text: r.reason for r in art.removed}
    assert reasons["Iklan - Geser ke atas untuk melanjutkan"] == "engagement"
    assert reasons["Redaksi - Kamis, 4 Juli 2024 09:12 WIB"] == "timestamp"
    assert reasons["1.204 view"] == "widget"
    assert reasons["Suasana rapat evaluasi di aula kantor bupati/ist."] == "caption"
    assert reasons["bupati-sukamaju-rapat.jpg"] == "widget"
    assert reasons["Tinggalkan Balasan"] == "engagement"
    assert reasons["| Warga Sukamaju Panen Raya Jagung |"] == "related-link"
    assert reasons["(adn)"] == "reporter-tag"
    assert reasons["Avatar photo"] == "widget"
    # the caption naming the official, without a Foto marker, above the dateline
    assert reasons[
        "Bupati Sukamaju, Drs. Ahmad Fauzi (tengah) didampingi Sekda saat memimpin rapat evaluasi"
    ] in ("caption", "header")


def test_a_caption_without_punctuation_inside_the_article_goes():
    art = clean_article(
        "MUARA HILIR, WARTAKITA.ID - Wali Kota meminta camat bekerja sama dengan OPD.\n"
        "Wali Kota Muara Hilir saat memimpin rapat koordinasi di aula setda\n"
        "Menurutnya, persoalan banjir harus ditangani bersama dinas terkait."
    )
    assert art.body.split("\n") == [
        "Wali Kota meminta camat bekerja sama dengan OPD.",
        "Menurutnya, persoalan banjir harus ditangani bersama dinas terkait.",
    ]
    assert [r.reason for r in art.removed] == ["dateline", "caption"]


def test_a_caption_that_only_names_the_official_goes():
    # an office and a name alone, with or without a comma or a full stop: the caption
    # of the official's photo; a subheading with a verb stays (next test)
    art = clean_article(
        "MUARA HILIR, WARTAKITA.ID - Bupati meminta camat bekerja sama dengan OPD.\n"
        "Bupati Muara Hilir, H. Darto Wiyono\n"
        "Menurutnya, persoalan banjir harus ditangani bersama dinas terkait.\n"
        "Wakil Gubernur Lembah Raya Budi Santoso.\n"
        "Wakil gubernur meminta dinas siaga selama musim hujan."
    )
    assert art.body.split("\n") == [
        "Bupati meminta camat bekerja sama dengan OPD.",
        "Menurutnya, persoalan banjir harus ditangani bersama dinas terkait.",
        "Wakil gubernur meminta dinas siaga selama musim hujan.",
    ]
    assert [r.reason for r in art.removed] == ["dateline", "caption", "caption"]


def test_a_sentence_without_its_full_stop_that_reports_speech_stays():
    raw = (
        "LEMBAH, KABAR.ID - Bupati meminta OPD berkoordinasi dengan aparat keamanan.\n"
        "Hal ini dikatakan Bupati ketika membuka rapat kerja daerah, Senin (18/3/2024)\n"
        "Ia berharap semua program berjalan sesuai rencana."
    )
    assert len(clean_article(raw).paragraphs) == 3


def test_a_subheading_inside_the_article_stays():
    raw = (
        "LEMBAH, KABAR.ID - Bupati membuka rapat evaluasi kinerja.\n"
        "Serapan Anggaran Masih Rendah\n"
        "Realisasi belanja baru 35 persen, kata Bupati."
    )
    assert "Serapan Anggaran Masih Rendah" in clean_article(raw).paragraphs


def test_the_last_line_cut_off_by_the_page_stays_but_trailing_headlines_go():
    raw = (
        "Penulis: Rina | Editor: Dodi\n"
        "LEMBAH, KABAR.ID - Bupati meminta ASN disiplin.\n"
        "Pegawai yang mangkir akan diberi sanksi sesuai aturan yang"
    )
    assert clean_article(raw).paragraphs[-1] == (
        "Pegawai yang mangkir akan diberi sanksi sesuai aturan yang"
    )
    after_marker = raw.replace("aturan yang", "aturan.\n(Red/tim)\nHarga Cabai Di Pasar Naik Lagi")
    art = clean_article(after_marker)
    assert art.paragraphs[-1] == "Pegawai yang mangkir akan diberi sanksi sesuai aturan."
    assert "trailing-headline" in {r.reason for r in art.removed}
    # under a bare "Baca Juga" label the same headline goes as a related link
    art = clean_article(raw.replace("aturan yang", "aturan.\nBaca Juga\nHarga Cabai Naik Lagi"))
    assert art.paragraphs[-1] == "Pegawai yang mangkir akan diberi sanksi sesuai aturan."
    assert "related-link" in {r.reason for r in art.removed}


def test_a_paragraph_broken_over_lines_is_joined():
    raw = (
        "LEMBAH, KABAR.ID - Pelaksanaan apel pagi kali ini\n"
        "digelar dua kali oleh pemerintah provinsi.\n"
        "“Yang tidak hadir pagi tadi wajib ikut apel kedua,\n"
        "kalau tidak akan kami beri sanksi,” tegas Sekda."
    )
    assert clean_article(raw).paragraphs == [
        "Pelaksanaan apel pagi kali ini digelar dua kali oleh pemerintah provinsi.",
        "“Yang tidak hadir pagi tadi wajib ikut apel kedua, kalau tidak akan kami beri "
        "sanksi,” tegas Sekda.",
    ]


def test_a_headline_repeated_above_a_body_without_dateline_is_the_title():
    raw = (
        "Sekda Ingatkan ASN Jaga Netralitas\n"
        "Sekda Ingatkan ASN Jaga Netralitas\n"
        "Sekretaris Daerah mengingatkan seluruh ASN menjaga netralitas menjelang pemilu."
    )
    art = clean_article(raw)
    assert art.title == "Sekda Ingatkan ASN Jaga Netralitas"
    assert art.body == (
        "Sekretaris Daerah mengingatkan seluruh ASN menjaga netralitas menjelang pemilu."
    )


def test_everything_after_the_comment_form_goes():
    art = clean_article(
        "TANAH MERDU, WARTAKITA.ID - Bupati meminta OPD menyelesaikan laporan kinerja.\n"
        "Ia juga meminta camat berbagi data dengan OPD.\n"
        "Tinggalkan Balasan\n"
        "Harga Karet Naik, Petani Tersenyum\n"
        "Pemerintah desa membagikan bibit kepada warga agar panen meningkat."
    )
    assert art.paragraphs == [
        "Bupati meminta OPD menyelesaikan laporan kinerja.",
        "Ia juga meminta camat berbagi data dengan OPD.",
    ]
    assert [r.reason for r in art.removed][-2:] == ["after-article", "after-article"]


@pytest.mark.parametrize(
    "line, reason",
    [
        ("• VIDEO: Banjir Rendam Tiga Desa, Warga Mengungsi", "related-link"),
        ("- Pasar Murah Digelar Jelang Lebaran di Alun-Alun", "related-link"),
        ("Dibaca Juga : Bupati Resmikan Jembatan Desa", "related-link"),
        ("LANTIK: Wali Kota saat melantik pejabat baru di aula balai kota.", "caption"),
        ("Silakan baca berita menarik lainnya dari situs kami di Google News", "engagement"),
        ("No comments:", "engagement"),
        ("page rendering in 0.42 seconds", "widget"),
        ("No More Posts Available.", "engagement"),
        ("No more pages to load.", "engagement"),
        ("Muat Lebih Banyak", "engagement"),
        ("BACA JUGAPasar Murah Digelar Jelang Lebaran", "related-link"),
        ("Baca jugaBupati Resmikan Jembatan Desa", "related-link"),
        ("BACA JUGA  Pasar Murah Digelar Jelang Lebaran", "related-link"),
        ("Ikuti berita-berita terkini dari kabar.id di halaman Facebook kami", "engagement"),
        (
            "Pelatih tim Lembah memberi arahan kepada para pemain saat latihan pagi. "
            "Copyright: @kabarlembah.",
            "caption",
        ),
    ],
)
def test_more_furniture_of_the_genre(line, reason):
    art = clean_article(f"{BODY_FIRST}\n{line}\n{BODY_LAST}")
    assert art.paragraphs == [BODY_FIRST, BODY_LAST]
    assert [r.reason for r in art.removed] == [reason]


def test_a_lead_behind_an_upper_case_place_and_a_colon_is_body_not_a_caption():
    # Some outlets write the dateline as "PLACE:"; the lead then looks like a labelled
    # caption ("LANTIK: ...") but is a long sentence in running text.
    lead = (
        "KOTABARU: Bupati Kotabaru, Hendra Wiratama, mendatangi sejumlah organisasi "
        "perangkat daerah di lingkungan pemerintah kabupaten pagi ini untuk memastikan "
        "tidak ada pegawai yang membolos setelah libur panjang."
    )
    art = clean_article(f"{lead}\n{BODY_LAST}")
    assert art.paragraphs == [lead, BODY_LAST]
    notice = (
        "CATATAN REDAKSI: Apabila Ada Pihak Yang Merasa Dirugikan Atas Berita Ini Dapat "
        "Mengirimkan Sanggahan Dan Hak Jawab Kepada Redaksi Kami Melalui Surel Resmi "
        "Yang Tertera Di Halaman Kontak."
    )
    assert boilerplate.caps_label_caption(notice, len(notice.split()))
    assert boilerplate.caps_label_caption("LANTIK: Wali Kota melantik pejabat.", 5)


def test_another_article_appended_under_its_headline_and_dateline_goes():
    raw = (
        "LEMBAH, KABARLEMBAH.COM - Bupati meminta seluruh kepala OPD menuntaskan program.\n"
        "Ia juga meminta camat berbagi data dengan OPD setiap pekan.\n"
        "Menurut dia, capaian kinerja akan dievaluasi setiap triwulan.\n"
        "Pasar Murah Digelar Jelang Lebaran di Alun-Alun Kota\n"
        "LEMBAH, KABARLEMBAH.COM - Dinas Perdagangan menggelar pasar murah selama tiga hari.\n"
        "Warga antre sejak pagi untuk membeli beras dan minyak goreng."
    )
    art = clean_article(raw)
    assert art.paragraphs == [
        "Bupati meminta seluruh kepala OPD menuntaskan program.",
        "Ia juga meminta camat berbagi data dengan OPD setiap pekan.",
        "Menurut dia, capaian kinerja akan dievaluasi setiap triwulan.",
    ]
    assert [r.reason for r in art.removed][-3:] == ["after-article"] * 3
    # a dateline right under the one the article was taken to start at is its own
    raw = (
        "LAYANI WARGA - Petugas melayani warga di kantor kecamatan.\n"
        "LEMBAH, KABARLEMBAH.COM - Bupati meminta camat melayani warga dengan cepat.\n"
        "Ia juga meminta camat berbagi data dengan OPD setiap pekan."
    )
    assert clean_article(raw).paragraphs[-2:] == [
        "Bupati meminta camat melayani warga dengan cepat.",
        "Ia juga meminta camat berbagi data dengan OPD setiap pekan.",
    ]


def test_a_bulleted_item_of_the_article_stays():
    raw = f"{BODY_FIRST}\nArahan Bupati:\n- tingkatkan disiplin pegawai\n{BODY_LAST}"
    assert "- tingkatkan disiplin pegawai" in clean_article(raw).paragraphs


BODY_FIRST = "Bupati meminta seluruh kepala OPD menuntaskan program tahun ini."
BODY_LAST = "Menurut dia, capaian kinerja akan dievaluasi setiap triwulan."


def test_a_quote_tag_without_its_full_stop_ends_a_paragraph():
    # The last paragraph ends "... siap," tegasnya (no full stop): the line after it is
    # the article's own last sentence cut off by the page, not another headline.
    raw = (
        "LEMBAH, KABAR.ID - Bupati melantik dua kepala dinas.\n"
        '"Kepala dinas harus siap kapan saja," tegasnya\n'
        "Lebih lanjut ia mengatakan, kedua pejabat itu sudah lama"
    )
    art = clean_article(raw)
    assert art.paragraphs[-1] == "Lebih lanjut ia mengatakan, kedua pejabat itu sudah lama"
    assert not any(r.reason == "trailing-headline" for r in art.removed)
    # A Title-Case headline after such a paragraph still goes.
    art = clean_article(raw.replace("Lebih lanjut ia", "Warga Desa Lembah Gelar Pasar Murah\nIa"))
    assert "Warga Desa Lembah Gelar Pasar Murah" not in art.paragraphs


def test_the_lead_after_a_dateline_is_never_taken_for_a_subtitle():
    # The lead paragraph (a long one) starts on the dateline's line and lacks its full
    # stop: once the dateline is cut, the lead is not a headline uncovered above it.
    raw = (
        "Bupati Pimpin Rapat Virtual dengan Kepala OPD |\n"
        "Lembah, KabarLembah.com-Rapat koordinasi secara virtual dengan kepala perangkat "
        "daerah, kepala bagian dan camat berlangsung Jumat (3/9/2021) diikuti 60 peserta "
        "dengan menerapkan protokol kesehatan secara ketat di ruang rapat\n"
        "Bupati meminta setiap OPD melaporkan capaian programnya."
    )
    art = clean_article(raw)
    assert art.title == "Bupati Pimpin Rapat Virtual dengan Kepala OPD |"
    assert art.paragraphs[0].startswith("Rapat koordinasi secara virtual")
    assert {r.reason for r in art.removed} == {"title", "dateline"}


def test_a_headline_after_baca_or_under_a_bare_related_label_goes():
    raw = (
        "LEMBAH, KABAR.ID - Bupati meminta OPD mempercepat realisasi anggaran.\n"
        "Baca: Harga Cabai Di Pasar Lembah Naik Lagi\n"
        "Baca Juga:\n"
        "Warga Desa Hulu Gelar Lomba Perahu Naga\n"
        "Ia juga meminta camat aktif turun ke desa.\n"
        "Berita Terkait\n"
        "Polisi Amankan Dua Pencuri Motor di Pasar\n"
        "16 November 2024 19:42\n"
        "Pedagang bersyukur pasar murah digelar menjelang hari raya\n"
        "16 November 2024 19:40"
    )
    art = clean_article(raw)
    assert art.paragraphs == [
        "Bupati meminta OPD mempercepat realisasi anggaran.",
        "Ia juga meminta camat aktif turun ke desa.",
    ]
    # a body sentence right after a bare label stays
    raw = "LEMBAH, KABAR.ID - Bupati membuka rapat.\nBaca Juga :\nIa meminta OPD bekerja keras."
    assert clean_article(raw).paragraphs[-1] == "Ia meminta OPD bekerja keras."


def test_a_body_line_cut_off_by_the_page_end_after_a_related_list_stays():
    raw = (
        "LEMBAH, KABAR.ID - Bupati membuka apel pagi.\n"
        "Baca juga:\n"
        "Warga Desa Hulu Gelar Lomba Perahu Naga\n"
        "\n"
        "Ia juga berharap kepada seluruh pegawai, agar lebih sigap dalam melayani warga yang dat"
    )
    art = clean_article(raw)
    assert art.paragraphs[-1].startswith("Ia juga berharap kepada seluruh pegawai")
    assert [r.reason for r in art.removed] == ["dateline", "related-link", "related-link"]
    # a listed headline in sentence case still goes
    item = "Pedagang bersyukur pasar murah digelar menjelang hari raya di alun-alun kota"
    art = clean_article(raw.replace("Ia juga berharap", f"{item}\nIa juga berharap", 1))
    assert item in [r.text for r in art.removed]


def test_a_caption_shown_twice_goes_both_times():
    raw = (
        "Banjir Rendam Rumah Warga Desa Hulu\n"
        "Banjir merendam puluhan rumah warga Desa Hulu di Kabupaten Lembah.\n"
        "Foto: Banjir merendam puluhan rumah warga Desa Hulu di Kabupaten Lembah. (dok. istimewa)\n"
        "LEMBAH - Banjir setinggi satu meter merendam rumah warga sejak Jumat."
    )
    art = clean_article(raw)
    assert art.paragraphs == ["Banjir setinggi satu meter merendam rumah warga sejak Jumat."]
    assert [r.reason for r in art.removed].count("caption") == 2


def test_teasers_cut_off_by_an_ellipsis_go_but_speech_trailing_off_stays():
    raw = (
        "LEMBAH, KABAR.ID - Sekda meminta pegawai terus berinovasi.\n"
        '"Kita lihat saja nanti..."\n'
        "Ia berharap inovasi dirasakan masyarakat./MC Pemkab Lem\n"
        "HULU - Ketua koperasi desa menyerahkan bantuan kepada…\n"
        "LEMBAH - Polres Lembah menggelar operasi pasar menjelang…\n"
        "Panen Raya Padi Di Desa Hulu ...\n"
        "HULU - Warga desa menggelar kerja bakti membersihkan sal"
    )
    art = clean_article(raw)
    assert art.paragraphs == [
        "Sekda meminta pegawai terus berinovasi.",
        '"Kita lihat saja nanti..."',
        "Ia berharap inovasi dirasakan masyarakat./MC Pemkab Lem",
    ]
    reasons = {r.line_no: r.reason for r in art.removed}
    assert reasons[4] == reasons[5] == reasons[6] == "related-link"
    assert reasons[7] == "trailing-headline"  # another article's lead, cut off by the page


def test_a_dateline_split_over_two_lines_is_found():
    raw = (
        "Bupati Pimpin Rapat Lesehan Bersama Camat\n"
        "Bupati Lembah saat memimpin rapat bersama camat se-Kabupaten Lembah.\n"
        "LEMBAH HULU\n"
        ", kabarlembah.com — Suasana rapat koordinasi kali ini berbeda dari biasanya."
    )
    art = clean_article(raw)
    assert art.dateline.place == "LEMBAH HULU"
    assert art.paragraphs == ["Suasana rapat koordinasi kali ini berbeda dari biasanya."]
    assert {r.line_no: r.reason for r in art.removed}[2] == "header"


def test_a_bulleted_list_the_article_introduces_with_a_colon_stays():
    raw = (
        "LEMBAH, KABAR.ID - Wali Kota Lembah menggelar rapat evaluasi kinerja.\n"
        "Rapat ini melibatkan sejumlah pejabat, termasuk:\n"
        "• Seluruh Asisten Sekretaris Daerah\n"
        "• Kepala Dinas Pendidikan dan Kesehatan\n"
        "Rapat bertujuan mengevaluasi kinerja setiap OPD.\n"
        "Baca Juga:\n"
        "• Harga Cabai Di Pasar Lembah Naik Lagi"
    )
    art = clean_article(raw)
    assert "• Seluruh Asisten Sekretaris Daerah" in art.paragraphs
    assert "• Kepala Dinas Pendidikan dan Kesehatan" in art.paragraphs
    assert "• Harga Cabai Di Pasar Lembah Naik Lagi" not in art.paragraphs


def test_a_dateline_with_the_outlets_initials_in_brackets_and_a_page_wrapped_lead():
    # "PLACE, (XY).- " datelines; the lead is broken by the page right after the name,
    # so its first line alone looks like a Title-Case caption
    raw = (
        "Bupati Minta Camat Tinggal di Rumah Dinas\n"
        "|\n"
        "GARUT, (XY).- Bupati Garut, Budi Santoso\n"
        "meminta para camat yang baru dilantik tinggal di rumah dinas\n"
        "agar dekat dengan warga.\n"
        "Camat juga diminta hadir setiap hari di kantor kecamatan."
    )
    a = clean_article(raw)
    assert a.dateline is not None and a.dateline.outlet == "XY"
    assert a.body.split("\n")[0] == (
        "Bupati Garut, Budi Santoso meminta para camat yang baru dilantik tinggal di rumah "
        "dinas agar dekat dengan warga."
    )
    assert a.title == "Bupati Minta Camat Tinggal di Rumah Dinas"
    # a Title-Case line followed by a blank line is still a headline, not the lead
    b = clean_article("Bupati Garut, Budi Santoso\n\nGARUT - Bupati meminta camat hadir.")
    assert b.body == "Bupati meminta camat hadir." and b.title == "Bupati Garut, Budi Santoso"


def test_a_headlines_scare_quotes_do_not_hide_the_dateline_below():
    # the headline (run together with its teaser) quotes a short phrase: no speech, so
    # the search for the dateline goes on past it and the header lines above go
    raw = (
        "Kabar Lembah\n"
        "Wali Kota Lembah Ingatkan Pegawai Soal “Jam Karet”Banyak yang datang terlambat.\n"
        "Oleh Sutrisno2024-05-02 08:10:00\n"
        "Wali Kota Lembah Ingatkan Pegawai Soal “Jam Karet”\n"
        "KABARLEMBAH.ID, Lembah – Wali Kota Lembah meminta pegawai datang tepat waktu.\n"
        "Ia menilai masih banyak pegawai yang terlambat apel."
    )
    art = clean_article(raw)
    assert art.dateline is not None and art.dateline.outlet == "KABARLEMBAH.ID"
    assert art.paragraphs == [
        "Wali Kota Lembah meminta pegawai datang tepat waktu.",
        "Ia menilai masih banyak pegawai yang terlambat apel.",
    ]
    assert "Oleh Sutrisno2024-05-02 08:10:00" in [r.text for r in art.removed]
    # a line that quotes speech still ends the search: the dateline below it is body
    raw = (
        "“Kita harus bekerja lebih keras lagi,” kata Bupati Lembah.\n"
        "KABARLEMBAH.ID, Lembah – Rapat berlangsung hingga sore."
    )
    assert clean_article(raw).dateline is None


def test_a_comment_widget_ends_the_article():
    raw = (
        "LEMBAH, KABAR.ID - Bupati meminta OPD bekerja cepat.\n"
        "Ia juga meminta camat turun ke lapangan.\n"
        "Discussion about this post\n"
        "Semoga para kepala dinas benar-benar bekerja untuk warga, bukan untuk atasan."
    )
    art = clean_article(raw)
    assert art.paragraphs == [
        "Bupati meminta OPD bekerja cepat.",
        "Ia juga meminta camat turun ke lapangan.",
    ]
    assert [r.reason for r in art.removed][-2:] == ["engagement", "after-article"]


def test_the_last_line_cut_off_by_the_page_after_a_subheading_stays():
    raw = (
        "LEMBAH, KABAR.ID - Sekda meminta OPD menyelaraskan program.\n"
        "Ia meminta setiap dinas saling berbagi data bantuan.\n"
        "Langkah Berikutnya Untuk Kecamatan\n"
        "Rapat berikutnya akan membahas jadwal penyaluran bantuan ke desa-desa di sebel"
    )
    art = clean_article(raw)
    assert art.paragraphs[-1] == (
        "Rapat berikutnya akan membahas jadwal penyaluran bantuan ke desa-desa di sebel"
    )
    # the subheading (or a headline linked inside the article) still goes
    assert [r.reason for r in art.removed if r.text.startswith("Langkah")] == ["trailing-headline"]


def test_a_reduplicated_word_after_a_comma_is_no_dateline():
    # "Namun, disela-sela kunjungan" opens a sentence: no "PLACE, outlet -" dateline, so
    # the lines above it are not cut as a header
    raw = (
        "Camat Lembah meninjau posyandu di tiga desa pada Selasa pagi.\n"
        "Peninjauan dilakukan bersama kepala puskesmas dan bidan desa.\n"
        "Namun, disela-sela kunjungan, camat mendapati timbangan bayi rusak."
    )
    art = clean_article(raw)
    assert art.dateline is None and len(art.paragraphs) == 3
    # an outlet's initials in brackets, then a comma and the dash: a dateline
    art = clean_article("LEMBAH (KL),- Layanan daring kecamatan terus bertambah.")
    assert art.dateline is not None and art.dateline.outlet == "KL"
    assert art.paragraphs == ["Layanan daring kecamatan terus bertambah."]


def test_wordpress_caption_markup_and_a_report_without_its_full_stop():
    raw = (
        "LEMBAH, KABAR.ID - Gubernur meminta OPD mempercepat lelang proyek.\n"
        '[caption id="attachment_101" align="aligncenter" width="640"]Gubernur Lembah '
        "melantik camat[/caption]\n"
        "Gubernur juga menargetkan, bahwa semua paket jalan desa dilelang sebelum Maret\n"
        "“Target itu harus tercapai,” harapnya."
    )
    art = clean_article(raw)
    assert [r.reason for r in art.removed if r.text.startswith("[caption")] == ["caption"]
    # a sentence that reports speech stays, though its full stop was forgotten
    assert art.paragraphs[1].startswith("Gubernur juga menargetkan, bahwa")


def test_a_short_spoken_quote_still_ends_the_search_for_the_dateline():
    raw = (
        "Jalan Desa Rusak Parah\n"
        "“Kami sudah lapor,” kata warga.\n"
        "Warga Desa Cikaret mengeluhkan jalan yang rusak sejak tahun lalu.\n"
        "SUKAMAJU - Jalan lain di kecamatan itu juga rusak."
    )
    art = clean_article(raw)
    assert art.dateline is None
    assert art.paragraphs[:2] == [
        "“Kami sudah lapor,” kata warga.",
        "Warga Desa Cikaret mengeluhkan jalan yang rusak sejak tahun lalu.",
    ]


def test_an_officials_name_caption_above_the_dateline_is_not_the_title():
    raw = (
        "Sekda Lembah Minta Dinas Kompak Bangun Desa\n"
        "Sekretaris Daerah (Sekda) Kabupaten Lembah, Budi Santoso.\n"
        "LEMBAH, KABAR.ID - Sekretaris Daerah (Sekda) Kabupaten Lembah, Budi Santoso "
        "meminta semua dinas bekerja sama.\n"
        "Ia juga meminta camat aktif turun ke desa."
    )
    art = clean_article(raw)
    assert art.title == "Sekda Lembah Minta Dinas Kompak Bangun Desa"
    assert [(r.line_no, r.reason) for r in art.removed] == [
        (1, "title"),
        (2, "caption"),
        (3, "dateline"),
    ]
    assert art.paragraphs[0].startswith("Sekretaris Daerah (Sekda) Kabupaten Lembah, Budi Santoso")
    # a headline of the same shape, without a full stop, is still the title
    raw = "Bupati Lembah Budi Santoso\nLEMBAH, KABAR.ID - Bupati Budi Santoso membuka rapat."
    assert clean_article(raw).title == "Bupati Lembah Budi Santoso"
