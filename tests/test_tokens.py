"""Indonesian sentences, tokens, stopwords and stems."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.tokens import (
    PROTECTED_WORDS,
    TOKEN_PATTERN,
    fold_reduplication,
    is_word,
    normalize,
    split_sentences,
    stem_word,
    stopwords,
    tokenize,
    tokenize_sentences,
)


def test_normalize_quotes_dashes_spaces():
    assert normalize("“Kita  siap,”\u00a0kata Sekda – OKU’s") == '"Kita siap," kata Sekda - OKU\'s'


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Sekretaris Daerah (Sekda) OKUS, M. Rahmattullah, S.STP., MM., memimpin rapat. Rapat"
            " ini mengagendakan LKPJ.",
            [
                "Sekretaris Daerah (Sekda) OKUS, M. Rahmattullah, S.STP., MM., memimpin rapat.",
                "Rapat ini mengagendakan LKPJ.",
            ],
        ),
        (
            "Bupati Banyuasin H. Askolani, SH.,MH didampingi Sekda Dr. HM. Senen Har. Acara"
            " dimulai.",
            [
                "Bupati Banyuasin H. Askolani, SH.,MH didampingi Sekda Dr. HM. Senen Har.",
                "Acara dimulai.",
            ],
        ),
        (
            "Sesuai PP No. 17 Tahun 2020 tentang Manajemen PNS. Ini penting!",
            ["Sesuai PP No. 17 Tahun 2020 tentang Manajemen PNS.", "Ini penting!"],
        ),
        (
            "Perayaan Idul Fitri 1445 H. Rapat ditutup.",
            ["Perayaan Idul Fitri 1445 H.", "Rapat ditutup."],
        ),
        (
            "Dokumen diperiksa oleh BPK. Hal ini baik.",
            ["Dokumen diperiksa oleh BPK.", "Hal ini baik."],
        ),
        (
            "“Saya tuntut produk. Proses bisa bermacam-macam,” tambahnya.",
            ["“Saya tuntut produk.", "Proses bisa bermacam-macam,” tambahnya."],
        ),
        (
            # typographic quotes around a sentence break, as scraped news writes them
            "Hal itu disampaikan Sekda. “Kita harus disiplin.” Rapat berlanjut. ‘Tepat"
            " waktu!’ tegasnya.",
            [
                "Hal itu disampaikan Sekda.",
                "“Kita harus disiplin.”",
                "Rapat berlanjut.",
                "‘Tepat waktu!’ tegasnya.",
            ],
        ),
        (
            "Kinerja dievaluasi (setiap bulan.) «Semua OPD» hadir.",
            ["Kinerja dievaluasi (setiap bulan.)", "«Semua OPD» hadir."],
        ),
        ("Baris pertama\nBaris kedua", ["Baris pertama", "Baris kedua"]),
        ("Angka 74,6 persen. Nilai 3.5 naik.", ["Angka 74,6 persen.", "Nilai 3.5 naik."]),
        (
            # acting offices shortened before a title
            "Lebih lanjut, Pj. Gubernur menekankan disiplin. Plh. Sekda hadir.",
            ["Lebih lanjut, Pj. Gubernur menekankan disiplin.", "Plh. Sekda hadir."],
        ),
    ],
)
def test_split_sentences_keeps_abbreviations_inside(text, expected):
    assert split_sentences(text) == expected


def test_seed_sentences_do_not_break_after_titles(seeds):
    """Inside a paragraph, no sentence ends on a title or an initial."""
    for body in seeds["body"]:
        for par in body.split("\n"):
            for sent in split_sentences(par)[:-1]:
                assert not sent.endswith((" H.", " Dr.", " S.STP.", " MM.", " No.", " M.")), sent
    first = split_sentences(seeds.loc["000", "body"])[0]
    assert "M. Rahmattullah, S.STP., MM., memimpin rapat kerja" in first


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Program-program OPD", ["program-program", "opd"]),
        ("sama-sama bekerja", ["sama-sama", "bekerja"]),
        ("HK3 dan COVID-19", ["hk3", "dan", "covid-19"]),
        ("LKPJ, APBD, BPK, DPRD, Tupoksi, ASN", ["lkpj", "apbd", "bpk", "dprd", "tupoksi", "asn"]),
        ("Al-Qur’an", ["al-qur'an"]),
        ("74,6 persen pada 2022", ["persen", "pada"]),
        ("kabupaten/kota", ["kabupaten", "kota"]),
    ],
)
def test_word_tokens(text, expected):
    assert tokenize(text) == expected


def test_token_pattern_agrees_with_nltk_regexp_tokenizer():
    from nltk.tokenize import RegexpTokenizer

    text = "Program-program OPD-OPD, HK3 dan Al-Qur'an: kinerja 2022!"
    nltk_tokens = [
        t.lower() for t in RegexpTokenizer(TOKEN_PATTERN).tokenize(text) if not t.isdigit()
    ]
    assert tokenize(text) == nltk_tokens


@pytest.mark.parametrize(
    "token, base",
    [
        ("program-program", "program"),
        ("opd-opd", "opd"),
        ("sama-sama", "sama"),
        ("henti-hentinya", "henti"),
        ("rambu-rambunya", "rambu"),
        ("bermacam-macam", "bermacam"),
        ("sayur-mayur", "sayur-mayur"),
        ("covid-19", "covid-19"),
        ("se-kabupaten", "se-kabupaten"),
    ],
)
def test_fold_reduplication(token, base):
    assert fold_reduplication(token) == base


def test_tokenize_fold_option():
    assert tokenize("program-program kerja", fold_reduplication=True) == ["program", "kerja"]


def test_stopwords_come_from_sastrawi_plus_domain_minus_protected():
    sw = stopwords()
    assert {"yang", "dan", "dengan", "adalah"} <= sw  # Sastrawi's list
    assert {"h", "pak", "bapak", "hj"} <= sw  # domain: honorifics and titles
    for word in ("kerja", "bekerja", "sama", "tepat", "baik", "penting"):
        assert word in PROTECTED_WORDS and word not in sw


def test_drop_stopwords_keeps_frame_words():
    toks = tokenize("Kita harus bekerja sama dengan baik dan tepat waktu.", drop_stopwords=True)
    assert toks == ["bekerja", "sama", "baik", "tepat", "waktu"]


def test_honorifics_dropped_as_stopwords():
    toks = tokenize("Bupati H. Budiman dan Pak Sekda", drop_stopwords=True)
    assert toks == ["bupati", "budiman", "sekda"]


@pytest.mark.parametrize(
    "word, stem",
    [
        ("kinerja", "kinerja"),
        ("kinerjanya", "kinerja"),
        ("bekerja", "kerja"),
        ("pemerintah", "pemerintah"),
        ("pemerintahan", "pemerintahan"),
        ("anggaran", "anggaran"),
        ("penegakan", "tegak"),
        ("berkoordinasi", "koordinasi"),
        ("mengkoordinasikan", "koordinasi"),
        ("kedisiplinan", "disiplin"),
        ("pencapaian", "capai"),
        ("hk3", "hk3"),
    ],
)
def test_stem_word_with_overstemming_guards(word, stem):
    assert stem_word(word) == stem


def test_stemming_leaves_proper_names_alone():
    toks = tokenize(
        "Rapat di Palembang dan Kediri dihadiri Budiman di Gedung Graha Sedulang.", stem=True
    )
    assert "palembang" in toks and "kediri" in toks and "sedulang" in toks
    assert "budiman" in toks
    assert "hadir" in toks  # dihadiri: an ordinary verb is stemmed


def test_capitalised_derived_words_are_still_stemmed():
    toks = tokenize("Kepala Dinas Kesehatan dan Dinas Perhubungan hadir.", stem=True)
    assert "sehat" in toks


def test_acronyms_not_stemmed():
    assert tokenize("OPD BPK DPRD", stem=True) == ["opd", "bpk", "dprd"]


def test_stem_cache_reuses_results():
    from analysis import stemming

    stem_word("mengevaluasi")
    assert stemming._STEM_CACHE["mengevaluasi"] == "evaluasi"


def test_tokenize_sentences_matches_split():
    text = "Kinerja OPD meningkat. Koordinasi antar OPD baik."
    assert tokenize_sentences(text) == [
        ["kinerja", "opd", "meningkat"],
        ["koordinasi", "antar", "opd", "baik"],
    ]


# --- properties ------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_tokenize_never_raises_on_any_unicode(text):
    for opts in ({}, {"stem": True, "drop_stopwords": True, "fold_reduplication": True}):
        toks = tokenize(text, **opts)
        assert all(isinstance(t, str) and t for t in toks)
    split_sentences(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Kinerja",
                "OPD",
                "harus",
                "baik.",
                "Program-program",
                "HK3",
                "2022",
                "“Kita",
                "siap,”",
                "\n",
            ]
        ),
        max_size=40,
    )
)
def test_token_counts_add_up(words):
    text = " ".join(words)
    per_sentence = tokenize_sentences(text)
    assert sum(len(s) for s in per_sentence) == len(tokenize(text))
    kept = tokenize(text, drop_stopwords=True)
    dropped = [t for t in tokenize(text) if t in stopwords()]
    assert len(kept) + len(dropped) == len(tokenize(text))


# --- fast paths give what the plain definitions give ---------------------------------


def _normalize_reference(text):
    """normalize() as first written: translate, then tidy every line with the regex."""
    import re

    from analysis.tokens import _QUOTE_MAP

    text = text.translate(_QUOTE_MAP).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(re.sub(r"[^\S\n]+", " ", line).strip() for line in text.split("\n"))


_PIECES = [
    "Bupati",
    "H.",
    "Askolani",
    "menegaskan",
    "kinerja",
    "OPD-OPD",
    "harus",
    "baik.",
    "baik.)",
    "(Red.)",
    "Kita",
    "“Kami",
    "siap,”",
    "kata",
    "Pemerintahan",
    "Kepemimpinannya",
    "Perhubungan",
    "Palembang",
    "Sekda:",
    "2022",
    "HK3",
    "rambu-rambu",
    "Dr.",
    "Budiman.",
    "!",
    "?",
    "[tim]",
    "dan",
    "siap.”",
    "siap.”)",
    "“Dinas",
    "«Makanan",
    "Makanan",
    "\n",
    "\t",
    "\u00a0",
    "  ",
    "\u200b",
    "—",
    "`",
    "\r\n",
    "„Ya‟",
    "«OPD»",
    "‘baik’",
    "2″",
    "5′",
    "−3",
    "\u202f",
    "\u00ad",
    "‚",
    "‛",
    "―",
    "\ufeff",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from(["", " "]))
def test_normalize_fast_path_equals_reference(pieces, sep):
    from analysis.tokens import _QUOTE_MAP

    # replacing characters one after the other equals translating them at once only
    # because no replacement is itself replaced
    assert not any(rep and ord(rep) in _QUOTE_MAP for rep in _QUOTE_MAP.values())
    text = sep.join(pieces)
    assert normalize(text) == _normalize_reference(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_whole_text_tokens_equal_sentence_tokens(pieces):
    # terms counts a body without splitting it into sentences: it must give exactly the
    # tokens (and stems: names at a sentence start are treated differently) of
    # tokenize_sentences, and the same number of words
    from analysis.tokens import _text_tokens_and_words

    text = " ".join(pieces)
    for opts in (
        {"stem": True, "drop_stopwords": True, "fold_reduplication": False},
        {"stem": True, "drop_stopwords": False, "fold_reduplication": True},
        {"stem": False, "drop_stopwords": True, "fold_reduplication": False},
    ):
        tokens, words = _text_tokens_and_words(text, **opts)
        per_sentence = tokenize_sentences(text, **opts)
        assert tokens == [t for s in per_sentence for t in s]
        all_words = tokenize_sentences(text, fold_reduplication=opts["fold_reduplication"])
        assert words == sum(len(s) for s in all_words)


def test_name_after_a_bracketed_sentence_end_is_a_sentence_start():
    # "Makanan" opens a sentence after "baik.)": stemmed like any first word (makan);
    # inside a sentence a capitalised word without a clear affix may be a name (kept)
    from analysis.tokens import _text_tokens_and_words

    text = "Semua berjalan baik.) Makanan tersedia. Dinas Makanan hadir."
    tokens, _ = _text_tokens_and_words(
        text, stem=True, drop_stopwords=False, fold_reduplication=False
    )
    assert tokens == ["semua", "jalan", "baik", "makan", "sedia", "dinas", "makanan", "hadir"]
    assert tokens == [t for s in tokenize_sentences(text, stem=True) for t in s]


def test_seed_bodies_counted_whole_equal_sentence_by_sentence(seeds):
    from analysis.tokens import _text_tokens_and_words

    for body in seeds["body"]:
        tokens, _ = _text_tokens_and_words(
            body, stem=True, drop_stopwords=True, fold_reduplication=False
        )
        per_sentence = tokenize_sentences(body, stem=True, drop_stopwords=True)
        assert tokens == [t for s in per_sentence for t in s]


def _is_abbreviation_reference(before):
    """The abbreviation test as first written, with a regex for the last word."""
    import re

    from analysis.tokens import ABBREVIATIONS

    m = re.search(r"(\S+)$", before)
    if not m:
        return False
    word = m.group(1).lstrip("(\"'[,").rstrip(".")
    if len(word) >= 3 and word.isupper() and word.isalpha():
        return False
    if len(word) == 1 and word.isalpha():
        return not before[: m.start()].rstrip()[-1:].isdigit()
    return word.replace(".", "").replace(",", "").lower() in ABBREVIATIONS


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "H",
                "M",
                "Dr",
                "S.STP",
                "MM",
                "SH.,MH",
                "No",
                "BPK",
                "1445 H",
                "(Dr",
                "rapat",
                "x" * 70,
                " ",
                "  ",
                "\u00a0",
                "\t",
                "\n",
                "'",
                "(",
            ]
        ),
        max_size=12,
    )
)
def test_abbreviation_test_equals_reference(pieces):
    from analysis.tokens import _is_abbreviation

    before = " ".join(pieces)
    for text in (before, before.replace(" ", "")):
        assert _is_abbreviation(text, len(text)) == _is_abbreviation_reference(text)
        # the same answer when more text follows the period (a paragraph's prefix)
        assert _is_abbreviation(text + ". Sekda", len(text)) == _is_abbreviation_reference(text)


_TOKEN_PIECES = [
    "Kinerja",
    "OPD-nya",
    "Jum'at",
    "e-KTP",
    "2024-2025",
    "10%",
    "-",
    "--",
    "'",
    "''",
    "-'",
    "'kata'",
    "kata-",
    "-kata",
    "Rp1,5",
    "a_b",
    "(Sekda)",
    "siap.",
    '"Kita',
    "x-y-z",
    "é",
    "naïf",
    "“baik”",
    ",",
    "\n",
    "\t",
    "_",
    "9",
    "O'Neil",
    "co-op'",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_TOKEN_PIECES), max_size=25), st.sampled_from(["", " "]))
def test_ascii_tokens_equal_the_token_regex(pieces, sep):
    # frames tokenises the usual sentence without the regex: same tokens, or None
    import re

    from analysis.tokens import _ascii_tokens

    text = sep.join(pieces)
    fast = _ascii_tokens(text)
    if fast is not None:
        assert fast == re.findall(TOKEN_PATTERN, text)
    if text.isascii() and not re.search(r"(?<![^\W_])[-']|[-'](?![^\W_])", text):
        assert fast is not None  # every joiner inside a token: the fast path is taken


def test_ascii_tokens_on_the_seed_sentences(seeds):
    import re

    from analysis.tokens import _ascii_tokens

    sentences = [normalize(s) for body in seeds["body"] for s in split_sentences(body)]
    fast = [(s, _ascii_tokens(s)) for s in sentences]
    taken = [(s, t) for s, t in fast if t is not None]
    assert len(taken) > 0.8 * len(sentences)  # the usual sentence takes the fast path
    for s, tokens in taken:
        assert tokens == re.findall(TOKEN_PATTERN, s)
    assert _ascii_tokens('"Kinerja OPD-nya naik 10%," kata Sekda.') == [
        "Kinerja",
        "OPD-nya",
        "naik",
        "10",
        "kata",
        "Sekda",
    ]
    assert _ascii_tokens("Rapat - kata dia") is None  # a free-standing dash
    assert _ascii_tokens("Kinerja naïf") is None  # not ASCII


# --- the one word test against its plain definition ---------------------------------

#: Characters where a word test can go wrong: ASCII and non-ASCII letters, ASCII and
#: other decimal digits (Arabic-Indic), digits and numerals that are not decimal
#: (superscripts, fractions, Roman numerals), combining marks, the joiners, underscore.
_TOKEN_CHARS = "aZk9０٣²½Ⅻ\u0301éİßα_-'’"


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.text(alphabet=_TOKEN_CHARS, max_size=8), st.text(max_size=8)))
def test_is_word_equals_its_plain_definition(token):
    assert is_word(token) == (re.search(r"[^\W\d_]", token) is not None)


# --- the per-process caches: a warm cache gives the tokens a cold one gives -----------

_CACHE_WORDS = st.sampled_from(
    [
        "Kinerja",
        "kinerja",
        "Makanan",
        "makanan",
        "Pemerintahan",
        "Palembang",
        "Bupati",
        "OPD-OPD",
        "kedisiplinan",
        "berkoordinasi",
        "Berkoordinasi",
        "Sekayu",
        "pelayanan",
        "Penegakan",
        "H.",
        "Budiman",
        "menegaskan",
        "program-program",
        "HK3",
        "2024",
        "Kita",
        "mengoptimalkan",
        "Perhubungan",
        "yang",
        "dan",
        "Kepemimpinannya",
    ]
)
_CACHE_TEXTS = st.lists(
    st.tuples(
        st.lists(
            st.one_of(
                _CACHE_WORDS, st.text(alphabet="abcdeiklmnoprstuAKMPS-", min_size=1, max_size=9)
            ),
            min_size=1,
            max_size=14,
        ),
        st.sampled_from([".", "!", "?", ""]),
    ).map(lambda words_end: " ".join(words_end[0]) + words_end[1]),
    min_size=1,
    max_size=6,
)


def _cold():
    from analysis import tokens as t

    t._PROCESS_CACHES.clear()
    t._STEM_CACHE.clear()


@settings(max_examples=60, deadline=None)
@given(_CACHE_TEXTS, st.booleans(), st.booleans())
def test_tokens_with_a_warm_cache_equal_those_of_a_cold_one(texts, stem, drop):
    """Each text tokenised with empty caches equals the same text tokenised after the
    others filled them, in either order (a capitalised word's token depends on where it
    stands, never on what the cache saw first)."""
    body = "\n".join(texts)
    options = {"stem": stem, "drop_stopwords": drop}
    cold = []
    for text in texts:
        _cold()
        cold.append(tokenize(text, **options))
    _cold()
    warm_forward = [tokenize(text, **options) for text in texts]
    warm_backward = [tokenize(text, **options) for text in reversed(texts)][::-1]
    assert warm_forward == cold == warm_backward
    _cold()
    whole = tokenize_sentences(body, **options)
    assert whole == tokenize_sentences(body, **options)  # a second, warm run


@pytest.mark.slow
def test_tokens_of_a_fresh_process_equal_those_of_this_warm_one(seeds):
    """A fresh interpreter (every cache empty) gives the seeds' tokens this process gives
    after it has tokenised everything else."""
    import json
    import subprocess
    import sys

    bodies = list(seeds["body"])
    for body in bodies:  # warm this process's caches
        tokenize(body, stem=True, drop_stopwords=True)
    warm = [tokenize(b, stem=True, drop_stopwords=True) for b in reversed(bodies)][::-1]
    code = (
        "import json, sys\nfrom analysis.tokens import tokenize\n"
        "bodies = json.load(sys.stdin)\n"
        "print(json.dumps([tokenize(b, stem=True, drop_stopwords=True) for b in bodies]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(bodies),
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout) == warm


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_TOKEN_PIECES), max_size=25),
    st.sampled_from(["", " ", "-", "'", "_"]),
)
def test_split_tokens_is_the_token_regex_split(pieces, sep):
    # ASCII text is split by an ASCII-only pattern: the same gaps and tokens
    import re

    from analysis.tokens import split_tokens

    text = sep.join(pieces)
    plain = re.split("(" + TOKEN_PATTERN + ")", text)
    assert split_tokens(text) == plain
    assert split_tokens(text.encode("ascii", "ignore").decode()) == re.split(
        "(" + TOKEN_PATTERN + ")", text.encode("ascii", "ignore").decode()
    )


def test_split_tokens_on_the_seed_sentences(seeds):
    import re

    from analysis.tokens import split_tokens

    sentences = [normalize(s) for body in seeds["body"] for s in split_sentences(body)]
    assert sum(s.isascii() for s in sentences) > 0.8 * len(sentences)  # the ASCII path
    for s in sentences:
        assert split_tokens(s) == re.split("(" + TOKEN_PATTERN + ")", s)
