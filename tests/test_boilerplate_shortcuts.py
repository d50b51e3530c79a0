"""The line tests of analysis.boilerplate take shortcuts (substring tests before a
regex, a search begun where a match at the end of the line must start, a count in C that
can rule a line out): each gives the answer of its plain definition, written out here,
on generated lines made of the pieces those tests look for."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import boilerplate as bp

PIECES = [
    "Foto:",
    "foto :",
    "FOTO/ ist",
    "Photo.",
    "Dok.",
    "dokumentasi:",
    "Caption",
    "Keterangan foto:",
    "ilustrasi/",
    "/ist",
    "/ist.",
    "/Istimewa",
    "Humas/",
    "/RMOLBengkulu",
    "(Dok. Humas)",
    "(Ist)",
    "(foto: net)",
    "(nama/situs.co.id)",
    "(Askolani)",
    "(tengah)",
    "(kedua dari kiri)",
    "(berbaju putih)",
    "Perbesar",
    "perbesar",
    "diperbesar",
    "KOMPAS.com/",
    "situs.id /",
    "NAMA",
    "Google News",
    "google  news",
    "GOOGLE",
    "Ikuti",
    "berita",
    "di",
    "dan",
    "yang",
    "Bupati",
    "Sekda",
    "OPD",
    "kinerja",
    "meminta",
    "tegasnya",
    "kata",
    "Bupati.",
    "siap,”",
    'siap,"',
    "harus.”",
    "“Kita",
    '"Kita',
    "”",
    "“",
    "(hms/ikp)",
    "(Red/tim).",
    "[JM].",
    "[rel]",
    "#yan",
    "***",
    "-red-",
    "(",
    ")",
    ").",
    "].",
    ".",
    ",",
    "!",
    "?",
    ":",
    "…",
    "2024",
    "(12/3/2024)",
    "LANTIK:",
    "ſ",
    "K",
    "é",
    "İ",
    "ı",
    "a",
    "B",
    "WIB",
    "wita",
    "lalu",
    "·",
    "|",
    "•",
    "10:15",
    "26 Maret 2024",
    "Dibaca",
    "kali",
    "views",
    "Mode",
    "Dimuat dalam 0.5 detik",
    "rendering in",
    "GENERATED",
    "\n",
]
SEPARATORS = st.sampled_from([" ", " ", " ", "", "  ", "\t", "\u00a0"])
ENDINGS = st.sampled_from(
    [
        ",” tegasnya",
        ',"  kata Bupati Lembah',
        "!” ujar dia, Senin",
        '." pungkasnya.',
        ". (Askolani)",
        ".” (Askolani) ",
        ". (hms/ikp)",
        ". [JM].",
        ". #yan",
        "/ist",
        "./MC Pemko Ba",
        ".” / ant",
        " Perbesar ",
        " (Dok. Humas).",
        "",
    ]
)
LINES = st.tuples(
    st.lists(
        st.tuples(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), SEPARATORS),
        max_size=30,
    ),
    ENDINGS,
).map(lambda x: "".join(p + s for p, s in x[0]) + x[1])


def plain_is_title_case(line: str) -> bool:
    words = [w for w in line.split() if bp._LETTER_RE.search(w)]
    if not 3 <= len(words) <= 25 or (len(words) > 15 and bp.ends_paragraph(line)):
        return False
    counted = [w for w in words if not (w.lower() in bp._MINOR_WORDS and w.islower())]
    upper = sum(1 for w in counted if w.lstrip("\"'“‘(«[")[:1].isupper())
    return bool(counted) and upper >= 0.9 * len(counted)


def plain_strip_tag(line: str):
    m = bp._TAG_RE.search(line)
    if not m or len(line[: m.start()].strip()) == 0:
        return line, None
    return line[: m.start()].rstrip(), m.group("tag")


def plain_last_mark(line: str) -> str:
    text, _ = plain_strip_tag(line)
    text = bp._FINAL_BRACKET_RE.sub("", text).rstrip(bp._CLOSERS + " ")
    return text[-1:]


def plain_ends_sentence(line: str) -> bool:
    mark = plain_last_mark(line)
    return (
        (bool(mark) and mark in bp._TERMINAL + ",;:…")
        or bool(bp._SLASH_CREDIT_END_RE.search(line))
        or bool(bp._QUOTE_TAG_END_RE.search(line))
    )


def plain_caption_signal(line: str) -> bool:
    n_words = len(line.split())
    if n_words > 60 or any(q in line for q in '“”"'):
        return False
    credit = bp._CREDIT_END_RE.search(line)
    if credit and n_words > 20 and line[: credit.start()].rstrip()[-1:] in bp._TERMINAL:
        credit = None
    return bool(
        bp._CAPTION_RE.search(line)
        or credit
        or bp._PHOTO_POSITION_RE.search(line)
        or bp._PERBESAR_RE.search(line)
        or bp._OUTLET_CREDIT_RE.search(line)
        or bp.caps_label_caption(line, n_words)
    )


def _span(m: re.Match | None):
    return None if m is None else m.span()


@settings(max_examples=1500, deadline=None)
@given(LINES)
def test_line_tests_equal_their_plain_definitions(line):
    assert bp.is_title_case(line) == plain_is_title_case(line)
    assert bp.strip_tag(line) == plain_strip_tag(line)
    assert bp._last_mark(line) == plain_last_mark(line)
    assert bp.ends_sentence(line) == plain_ends_sentence(line)
    assert bp.caption_signal(line) == plain_caption_signal(line)
    assert _span(bp._photo_credit(line)) == _span(bp._CAPTION_RE.search(line))
    assert _span(bp._credit_end(line)) == _span(bp._CREDIT_END_RE.search(line))
    # the Google News line is looked for only in lines with "google"
    if bp._GOOGLE_NEWS_RE.match(line):
        assert "google" in line.lower()
    assert bp.word_count(line) == len(line.split())
    assert bp.classify_line(line) == bp._classify_line(line)
    assert_start_prefilters_agree(line)


# every pattern classify_line looks for at the start of a line, as one
ANY_START_RE = bp._union(bp._START_PATTERNS + bp._BARE_PATTERNS)


def assert_start_prefilters_agree(line: str) -> None:
    """The prefilters of the patterns at the start of a line never rule out a match."""
    assert bp._any_start(line) == bool(ANY_START_RE.match(line))
    if bp._TIMESTAMP_RE.match(line):
        assert bp._may_be_timestamp(line)
    if bp._WIDGET_RE.match(line):
        assert bp._may_be_widget(line)


FURNITURE = st.sampled_from(
    [
        "Baca Juga: ",
        "• ",
        "* ",
        "BACA: ",
        "Editor: ",
        "Sumber: ",
        "Tags: ",
        "Share ",
        "Senin, 12 Maret 2024 | 10:15 WIB",
        "3 jam lalu",
        "Dibaca 1.234 kali",
        "Mode Gelap",
        "IMG_2024.jpg",
        "situs.co.id",
        "(Red/tim)",
        "Ikuti kami di Google News",
        "redaksi@situs.id",
        "Home",
        "---",
        "",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(FURNITURE, LINES)
def test_classify_line_equals_every_rule_in_order(start, rest):
    line = start + rest
    assert bp.classify_line(line) == bp._classify_line(line)
    assert bp.classify_line(start) == bp._classify_line(start)
    assert_start_prefilters_agree(line)
    assert_start_prefilters_agree(rest + start)


def test_the_shortcuts_see_the_lines_they_are_for():
    # a few fixed cases of each kind, so that the generated ones are not all negatives
    assert bp.is_title_case("Bupati Lantik Dua Kepala Dinas di Aula Kantor")
    assert not bp.is_title_case("Bupati meminta seluruh kepala dinas bekerja keras.")
    assert bp.strip_tag("Rapat selesai. (Red/tim).") == ("Rapat selesai.", "(Red/tim).")
    assert bp.ends_sentence('"Semua harus siap," tegasnya')
    assert bp.caption_signal("Bupati memimpin apel pagi. (Dok. Humas)")
    assert bp.caption_signal("Suasana rapat koordinasi di aula Perbesar")
    assert bp.caption_signal("Bupati saat rapat (13/12/2018) KOMPAS.com/ NAMA FOTOGRAFER")
    assert bp.classify_line("Ikuti berita terkini di Google News") == "engagement"


def test_classify_line_equals_every_rule_in_order_on_the_seeds():
    from analysis.paths import SEEDS_DIR

    lines = {
        bp.normalize_whitespace(x)
        for f in sorted(SEEDS_DIR.glob("*.txt"))
        for x in f.read_text(encoding="utf-8").split("\n")
    }
    assert len(lines) > 50
    for line in lines:
        assert bp.classify_line(line) == bp._classify_line(line), line
        assert_start_prefilters_agree(line)
        assert bp.word_count(line) == len(line.split())
        assert _span(bp._credit_end(line)) == _span(bp._CREDIT_END_RE.search(line))


@pytest.mark.parametrize(
    "line",
    [
        "Senin, 12 Maret 2024 | 10:15 WIB",
        "Selasa, 26 Maret 2024 10:15 wita ·",
        "Redaksi - Kamis, 27 April 2023 14:06 WIB",
        "3 jam lalu",
        "26/03/2024 10:15 |",
        "Dibaca 1.234 kali",
        "1.234 views",
        "Mode Gelap",
        "A",
        "Halaman ini dimuat dalam 0.12 detik",
        "Page generated in 0,3 seconds",
        "Page rendering in 0.3s",
        "Dımuat dalam 0.5 detik",  # a dotless i matches "i" when case is ignored
    ],
)
def test_start_prefilters_let_through_what_the_patterns_match(line):
    assert bp._TIMESTAMP_RE.match(line) or bp._WIDGET_RE.match(line)
    assert bp._any_start(line)
    assert bp.classify_line(line) == bp._classify_line(line) in ("timestamp", "widget")


@pytest.mark.parametrize(
    "line, words",
    [
        ("Bupati Lahat membuka rapat.", 4),
        ("", 0),
        (" dua  kata ", 2),
        ("tab\tdi tengah", 3),
        ("spasi\u00a0tak putus", 3),
        ("kata\u200bnol lebar", 2),
    ],
)
def test_word_count_counts_words_whatever_the_whitespace(line, words):
    assert bp.word_count(line) == words == len(line.split())


def test_caption_words_are_found_through_case_folds():
    # the long s and the Kelvin sign match "s" and "k" when case is ignored
    for line in ("Foto/ſumber", "DOK: Humas", "do\u212a: Humas", "İlustrasi: rapat"):
        assert _span(bp._photo_credit(line)) == _span(bp._CAPTION_RE.search(line))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Bupati",
                "Wakil",
                "Wali",
                "Kota",
                "Walikota",
                "Gubernur",
                "Sekda",
                "Pj.",
                "Plt",
                "Pelatih",
                "Kepala",
                "Camat",
                "Kapolres",
                "Direktur",
                "Dandim",
                "Asisten",
                "Lurah",
                "Ketua",
                "Sukamaju",
                "H.",
                "Darto",
                "Wiyono",
                "meminta",
                "OPD",
                ",",
                "Rapat",
                "bupati",
                "Nama.",
            ]
        ),
        min_size=1,
        max_size=11,
    )
)
def test_name_caption_first_letter_shortcut_equals_the_plain_test(words):
    # the first-letter test before the pattern (a speed shortcut) changes no answer
    line = " ".join(words).replace(" ,", ",")
    plain = 2 <= bp.word_count(line) <= 9 and bool(bp._NAME_CAPTION_RE.match(line))
    assert bp.is_name_caption(line) == plain
