"""Tests for analysis.lexicon: loading the frame lexicon and matching it in sentences.

Matching is checked on literal Indonesian snippets, against a naive scan of every entry
at every position on the seeds, and, for the matcher's stem prefilter (a speed
shortcut), by property tests on generated affixed forms of every stem-mode root.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.lexicon import (
    CLITICS,
    NO_FRAME,
    FrameMatcher,
    LexiconError,
    load_lexicon,
    match_frames,
)
from analysis.tokens import normalize, split_sentences, stem_word, word_spans

FRAMES = ["performance", "coordination", "discipline"]


@pytest.fixture(scope="module")
def matcher() -> FrameMatcher:
    return FrameMatcher()


def hits_of(matcher: FrameMatcher, sentence: str, frame: str | None = None) -> list[str]:
    """Matched words of one sentence (of one frame, if given), in text order."""
    return [h["matched"] for h in matcher.match_sentence(sentence) if frame in (None, h["frame"])]


# ---------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    ("sentence", "frame", "matched"),
    [
        ("Kepala OPD harus berkoordinasi dengan camat.", "coordination", "berkoordinasi"),
        ("Sekda mengkoordinasikan seluruh dinas.", "coordination", "mengkoordinasikan"),
        ("Bupati mengoordinasikan program lintas dinas.", "coordination", "mengoordinasikan"),
        ("Kedisiplinan pegawai harus ditingkatkan.", "discipline", "Kedisiplinan"),
        ("Pencapaian program tahun lalu cukup baik.", "performance", "Pencapaian"),
        ("Realisasi fisik sudah terealisasi.", "performance", "terealisasi"),
        ("ASN yang melanggar akan ditindak tegas.", "discipline", "ditindak tegas"),
        (
            "Jangan bekerja sendiri-sendiri, jangan berjalan sendiri-sendiri.",
            "coordination",
            "berjalan sendiri-sendiri",
        ),
    ],
)
def test_affixed_forms_hit_through_stems(matcher, sentence, frame, matched):
    assert matched in hits_of(matcher, sentence, frame)


def test_bekerja_is_not_performance_but_kinerja_is(matcher):
    # Sastrawi would stem kinerja to kerja; the guard keeps them apart.
    assert stem_word("bekerja") == "kerja" and stem_word("kinerja") == "kinerja"
    assert hits_of(matcher, "Pegawai bekerja di kantor setiap hari.", "performance") == []
    assert hits_of(matcher, "Semua pekerjaan dikerjakan para pekerja.", "performance") == []
    assert hits_of(matcher, "Kinerja OPD meningkat.", "performance") == ["Kinerja"]
    assert hits_of(matcher, "Kami menilai kinerjanya.", "performance") == ["kinerjanya"]


@pytest.mark.parametrize(
    ("sentence", "frame", "absent"),
    [
        ("Jumlah peserta mencapai 740 orang.", "performance", "mencapai"),  # capaian is form
        ("Bupati menegaskan hal itu, tegasnya.", "discipline", "menegaskan"),  # no bare tegas
        ("Ia ditunjuk sebagai koordinator lapangan.", "coordination", "koordinator"),
        ("Program itu berhasil menghasilkan penghasilan.", "performance", "berhasil"),
        ("Kepala dinas hadir pada rapat ini.", "discipline", "hadir"),  # an attendance list
        ("Lampu rambu lalu lintas rusak.", "discipline", "rambu"),
    ],
)
def test_collision_guards_of_the_lexicon(matcher, sentence, frame, absent):
    assert hits_of(matcher, sentence, frame) == []


@pytest.mark.parametrize(
    ("sentence", "entry", "matched"),
    [
        ("OPD harus bekerja sama dengan baik.", "kerja sama", "bekerja sama"),
        ("Kerja sama antar daerah diperkuat.", "kerja sama", "Kerja sama"),
        ("Penyerapan anggaran masih rendah.", "serap anggaran", "Penyerapan anggaran"),
        ("Rapat ini untuk menyamakan persepsi.", "sama persepsi", "menyamakan persepsi"),
        ("Rambu-rambunya sudah jelas.", "rambu-rambu", "Rambu-rambunya"),
        ("Ikuti rambu-rambu yang berlaku.", "rambu-rambu", "rambu-rambu"),
        ("Hasilnya belum terlihat.", "hasil", "Hasilnya"),
        ("Semua pihak wajib datang ke apel pagi.", "apel pagi", "apel pagi"),
    ],
)
def test_multiword_and_clitic_matches(matcher, sentence, entry, matched):
    got = [(h["entry"], h["matched"]) for h in matcher.match_sentence(sentence)]
    assert (entry, matched) in got


@pytest.mark.parametrize(
    ("sentence", "matched"),
    [
        ("Hasilnya belum terlihat.", "Hasilnya"),
        ("Hasilkah yang ditunggu?", "Hasilkah"),
        ("Ini hasilku, katanya.", "hasilku"),
        ("Tunjukkan hasilmu.", "hasilmu"),
        ("Hasilpun belum ada.", "Hasilpun"),
    ],
)
def test_form_entries_take_every_clitic_of_the_one_clitic_list(matcher, sentence, matched):
    # form entries accept the clitics of analysis.tokens.CLITICS (nya lah kah pun ku mu)
    assert CLITICS == ("nya", "lah", "kah", "pun", "ku", "mu")
    assert hits_of(matcher, sentence, "performance") == [matched]


def test_attendance_is_discipline_but_lists_of_who_attended_carry_no_frame(matcher):
    # the codebook: being present, absence and leave are discipline; rule 1: a list of
    # who attended is none
    assert hits_of(matcher, "Hanya tiga kepala dinas yang hadir pagi itu.", "discipline") == [
        "hadir"
    ]
    assert hits_of(matcher, "Hadir dalam acara itu Wakil Bupati Sukamaju.", "discipline") == []
    assert hits_of(matcher, "Turut hadir para asisten dan staf ahli.", "discipline") == []
    assert hits_of(
        matcher, "Pegawai yang tidak masuk sesudah cuti bersama akan didata.", "discipline"
    ) == ["tidak masuk", "cuti"]
    assert hits_of(matcher, "Jangan ada yang menambah libur sendiri.", "discipline") == [
        "menambah libur"
    ]
    sentence = "Yang mengikuti apel hanya separuh; ketidakhadiran itu dicatat."
    assert hits_of(matcher, sentence, "discipline") == ["mengikuti apel", "ketidakhadiran"]


def test_sanctions_and_threats_are_discipline(matcher):
    sentence = "Bupati Tirtajaya mengancam pemotongan tunjangan kinerja bagi camat yang lalai."
    assert hits_of(matcher, sentence, "discipline") == [
        "mengancam",
        "pemotongan tunjangan kinerja",
        "lalai",
    ]
    # the allowance's name inside the sanction is not also performance
    assert hits_of(matcher, sentence, "performance") == []
    sentence = "Kepala dinas itu terancam penonjoban atau penurunan pangkat."
    assert hits_of(matcher, sentence, "discipline") == [
        "terancam",
        "penonjoban",
        "penurunan pangkat",
    ]
    sentence = "Sanksinya penurunan jabatan atau pembebasan dari jabatan."
    assert hits_of(matcher, sentence, "discipline") == [
        "Sanksinya",
        "penurunan jabatan",
        "pembebasan dari jabatan",
    ]
    # a deadline is a rule on timing, not slowness of work
    sentence = "Laporan diserahkan paling lambat tanggal lima."
    assert hits_of(matcher, sentence, "discipline") == ["paling lambat"]
    assert hits_of(matcher, sentence, "performance") == []


def test_working_across_agencies_and_going_it_alone_are_coordination(matcher):
    sentence = "Jangan ada dinas yang bekerja sendiri-sendiri atau berpikir sektoral."
    assert hits_of(matcher, sentence, "coordination") == ["sendiri-sendiri", "sektoral"]
    sentence = "Program lintas dinas di Kabupaten Sukamaju perlu menyamakan langkah."
    assert hits_of(matcher, sentence, "coordination") == ["lintas dinas", "menyamakan langkah"]
    sentence = "Rumah warga dikerjasamakan dengan Baznas dan didukung oleh Dinas Sosial."
    assert hits_of(matcher, sentence, "coordination") == ["dikerjasamakan", "didukung oleh"]
    sentence = "Kita satu tim: setiap kepala dinas memberikan laporan kepada Bupati."
    assert hits_of(matcher, sentence, "coordination") == ["satu tim", "memberikan laporan"]
    # the name of a forum is not its frame (rule 1)
    sentence = "Forum Komunikasi Pimpinan Daerah Sukamaju membahas keamanan."
    assert hits_of(matcher, sentence, "coordination") == []


def test_earnest_work_and_reported_results_are_performance(matcher):
    sentence = "Bupati melihat keseriusan dinas: program yang tak terlaksana masuk rapor merah."
    assert hits_of(matcher, sentence, "performance") == ["keseriusan", "terlaksana", "rapor"]
    # work culture alone is no frame: coders read it as discipline as often as performance
    sentence = "Camat diminta turun ke masyarakat dan memperbaiki budaya kerja."
    assert hits_of(matcher, sentence, "performance") == ["turun ke masyarakat"]
    # a culture of cooperation is coordination, not also the work culture of performance
    sentence = "Budaya kerja sama antarperangkat daerah perlu diperkuat."
    assert hits_of(matcher, sentence, "performance") == []
    assert hits_of(matcher, sentence, "coordination") == ["Budaya kerja sama", "antarperangkat"]


def test_results_in_figures_follow_ups_and_work_done_well_are_performance(matcher):
    assert hits_of(matcher, "Masih 40 persen, masih jauh.", "performance") == ["persen"]
    sentence = "Temuan itu harus ditindaklanjuti agar program berjalan sesuai rencana."
    assert hits_of(matcher, sentence, "performance") == ["ditindaklanjuti", "sesuai rencana"]
    sentence = "Bekerjalah dengan baik, dan yang tidak menjalankan tugasnya dengan baik ditegur."
    assert hits_of(matcher, sentence, "performance") == [
        "Bekerjalah dengan baik",
        "tugasnya dengan baik",
    ]


def test_low_results_and_obstacles_are_performance_but_humility_is_not(matcher):
    sentence = "Serapan anggaran masih rendah karena pengadaan terhambat."
    assert hits_of(matcher, sentence, "performance") == ["Serapan anggaran", "rendah", "terhambat"]
    assert hits_of(matcher, "Camat Sukamaju dikenal rendah hati.", "performance") == []
    sentence = "Rumah bagi masyarakat berpenghasilan rendah dibangun di Sukamaju."
    assert hits_of(matcher, sentence, "performance") == []


def test_signing_accelerated_development_and_attendance_checks_are_not_performance(matcher):
    assert hits_of(matcher, "Surat itu ditanda tangani Sekda Sukamaju.", "performance") == []
    sentence = "Percepatan pembangunan jalan desa dibahas di Kabupaten Sukamaju."
    assert hits_of(matcher, sentence, "performance") == []
    sentence = "Sidak ini bagian dari evaluasi kehadiran pegawai."
    assert hits_of(matcher, sentence, "performance") == []
    assert hits_of(matcher, sentence, "discipline") == ["evaluasi kehadiran"]


def test_a_generic_good_governance_purpose_adds_no_frame(matcher):
    # the codebook's rule 6: good bureaucracy in general is no frame
    sentence = "Kegiatan ini bagian dari upaya reformasi birokrasi di Kabupaten Sukamaju."
    assert hits_of(matcher, sentence) == []


def test_names_of_evaluation_meetings_and_reviews_carry_no_frame(matcher):
    assert hits_of(matcher, "Rapat Koordinasi dan Evaluasi kegiatan digelar di Sukamaju.") == []
    assert hits_of(matcher, "Hasil evaluasi perda dari provinsi sudah turun.", "performance") == [
        "Hasil"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Bupati Sukamaju memimpin apel pagi di halaman kantor bupati, Senin (3/2).",
        "Pemkab Sukamaju menggelar apel pagi di lapangan kecamatan.",
        "Apel pagi tersebut diikuti pegawai kecamatan dan kelurahan.",
        "Hal itu disampaikan Sekda saat apel pagi di lapangan upacara.",
        "Wali Kota memimpin sidak di gudang logistik.",
        "Wakil Bupati mengadakan sidak di kantor kelurahan.",
        "Saat sidak, Bupati menemukan ruang arsip terkunci.",
        "Sidak dilakukan di tiga gedung dinas.",
        "Empat dinas didatangi dalam sidak Wakil Bupati pagi itu.",
    ],
)
def test_an_apel_or_a_sidak_named_as_the_occasion_carries_no_frame(matcher, sentence):
    # the codebook's rules 1 and 2: the assembly or the inspection as the event
    assert hits_of(matcher, sentence) == []


def test_an_apel_or_a_sidak_presented_as_discipline_still_counts(matcher):
    sentence = "Apel pagi wajib diikuti seluruh ASN tanpa kecuali."
    assert hits_of(matcher, sentence, "discipline") == ["Apel pagi", "wajib"]
    # a sidak counts by what it is for or what it found, not by its name
    sentence = "Sidak akan digelar setiap bulan agar pegawai tidak bolos."
    assert hits_of(matcher, sentence, "discipline") == ["bolos"]
    sentence = "Dengan adanya sidak ini, pegawai tidak berani bolos."
    assert hits_of(matcher, sentence, "discipline") == ["bolos"]
    assert hits_of(matcher, "Inspeksi mendadak itu menyasar empat dinas.") == []
    sentence = "Pimpinan apel pagi menegaskan ASN wajib hadir."
    assert hits_of(matcher, sentence, "discipline")[0] == "apel pagi"
    sentence = "Bupati memimpin apel pagi dan menegur 12 pegawai yang tidak hadir."
    assert hits_of(matcher, sentence, "discipline") == ["menegur", "tidak hadir"]


def test_the_findings_of_a_sidak_are_one_discipline_hit_not_performance(matcher):
    sentence = "Dari hasil sidak, ada pegawai yang tidak masuk tanpa keterangan."
    assert hits_of(matcher, sentence, "performance") == []
    assert hits_of(matcher, sentence, "discipline") == [
        "hasil sidak",
        "tidak masuk",
        "tanpa keterangan",
    ]


def test_a_token_counts_once_per_frame_longest_first():
    lex = {"coordination": ["kerja sama", "sama"], "performance": ["kerja keras", "kerja"]}
    m = FrameMatcher(lex)
    got = [(h["frame"], h["entry"]) for h in m.match_sentence("Mari bekerja sama.")]
    # coordination takes the longer entry, once; performance's 'kerja' lies inside it, a
    # longer hit of another frame, and does not count (the compound names one thing)
    assert got == [("coordination", "kerja sama")]
    got = [(h["frame"], h["entry"]) for h in m.match_sentence("Kerja keras dan kerja sama.")]
    assert got == [("performance", "kerja keras"), ("coordination", "kerja sama")]


def test_match_sentence_offsets_point_into_the_original_text(matcher):
    sentence = "“Kita  harus bekerja\u00a0sama,” kata Bupati tentang kinerja\u200b pegawai."
    for h in matcher.match_sentence(sentence):
        assert sentence[h["start_char"] : h["end_char"]] == h["matched"]
    assert hits_of(matcher, sentence) == ["bekerja\u00a0sama", "kinerja"]


def test_match_frames_on_tokens():
    got = match_frames(["penyerapan", "anggaran", "dan", "kinerja"])
    assert [(h["entry"], h["start_token"], h["end_token"]) for h in got] == [
        ("serap anggaran", 0, 2),
        ("kinerja", 3, 4),
    ]


def _naive_hits(lexicon: pd.DataFrame, tokens: list[str]) -> set[tuple[int, int, str, str]]:
    """Scan every entry at every position: slow, obviously correct reference."""
    words = {
        e: [(m, stem_word(w) if m == "stem" else w) for w in e.split()]
        for e, m in zip(lexicon["entry"], lexicon["match"])
    }

    def ok(tok: str, mode: str, key: str) -> bool:
        tok = tok.lower()
        if mode == "stem":
            return stem_word(tok) == key
        return tok == key or any(tok == key + c for c in CLITICS)

    out = set()
    for frame, group in lexicon.groupby("frame", sort=False):
        entries = sorted(group["entry"], key=lambda e: (-len(words[e]), e))
        i = 0
        taken = 0
        for i in range(len(tokens)):
            if i < taken:
                continue
            for e in entries:
                ws = words[e]
                if i + len(ws) <= len(tokens) and all(
                    ok(tokens[i + k], *ws[k]) for k in range(len(ws))
                ):
                    out.add((i, i + len(ws), frame, e))
                    taken = i + len(ws)
                    break

    # a hit inside a name that carries no frame, or inside a longer hit of another
    # frame, does not count; names are no hits themselves
    def inside(h, o):
        return o != h and o[0] <= h[0] and h[1] <= o[1]

    def hidden(h):
        return any(
            inside(h, o) and (o[2] == NO_FRAME or (o[2] != h[2] and o[1] - o[0] > h[1] - h[0]))
            for o in out
        )

    return {h for h in out if h[2] != NO_FRAME and not hidden(h)}


def test_indexed_matcher_agrees_with_a_naive_scan_on_the_seeds(matcher, seeds):
    lex = matcher.lexicon
    n = 0
    for body in seeds["body"]:
        for sent in split_sentences(body):
            tokens = [w for _a, _b, w in word_spans(normalize(sent))]
            fast = {
                (s, e, matcher.frames[f], entry) for s, e, f, entry in matcher.match_tokens(tokens)
            }
            assert fast == _naive_hits(lex, tokens), sent
            n += len(fast)
    assert n > 50  # the seeds are about these frames


# ---------------------------------------------------------------------------- lexicon


def test_packaged_lexicon_has_three_frames_and_rationales():
    lex = load_lexicon()
    assert list(dict.fromkeys(lex["frame"])) == [*FRAMES, NO_FRAME]
    assert FrameMatcher(lex).frames == tuple(FRAMES)
    assert set(lex["match"]) == {"stem", "form"}
    assert (lex["rationale"].str.len() > 10).all()
    assert lex["entry"].is_unique
    assert lex.index.name == "row"


def test_lexicon_from_yaml_and_csv_files(tmp_path):
    y = tmp_path / "lex.yaml"
    y.write_text("budget:\n  - apbd\n  - entry: serap anggaran\n    match: stem\n", "utf-8")
    assert load_lexicon(y)["entry"].tolist() == ["apbd", "serap anggaran"]
    c = tmp_path / "lex.csv"
    c.write_text("frame,entry,match\nbudget,APBD,form\n", "utf-8")
    assert load_lexicon(c)[["entry", "rationale"]].values.tolist() == [["apbd", ""]]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("frame,entry,match\nbudget,apbd,fuzzy\n", r"lex\.csv: line 2: unknown match mode 'fuzzy'"),
        ("frame,entry,match\nbudget,apbd,form\nbudget,,form\n", r"line 3: empty entry"),
        (
            "frame,entry,match\na,kinerja,stem\nb,Kinerja,form\n",
            r"line 3: duplicate entry 'kinerja' in frames a and b \(also at line 2\)",
        ),
        ("frame,entry\nbudget,apbd\n", r"lex\.csv: missing column\(s\) match"),
        ("frame,entry,match\nbudget,kerja/sama,stem\n", r"not part of words"),
        ("frame,entry,match\nbudget,2024,stem\n", r"has no word"),
        ("frame,entry,match\n,apbd,stem\n", r"line 2: empty frame name"),
    ],
)
def test_bad_lexicon_files_name_file_and_row(tmp_path, text, message):
    path = tmp_path / "lex.csv"
    path.write_text(text, "utf-8")
    with pytest.raises(LexiconError, match=message):
        load_lexicon(path)


def test_bad_lexicon_dicts_and_paths(tmp_path):
    with pytest.raises(LexiconError, match=r"frame 'b', item 1: duplicate entry 'sinergi'"):
        load_lexicon({"a": ["sinergi"], "b": ["sinergi"]})
    with pytest.raises(LexiconError, match=r"item 2: unknown match mode 'exact'"):
        load_lexicon({"a": ["x", {"entry": "y", "match": "exact"}]})
    with pytest.raises(LexiconError, match="file not found"):
        load_lexicon(tmp_path / "missing.csv")
    with pytest.raises(LexiconError, match="unknown lexicon format '.txt'"):
        (tmp_path / "lex.txt").write_text("x", "utf-8")
        load_lexicon(tmp_path / "lex.txt")
    with pytest.raises(LexiconError, match="no entries"):
        load_lexicon({})


# ---------------------------------------------------------------------------- prefilter
# FrameMatcher asks the stemmer only about tokens that contain the tail (all but the
# first letter) of some stem key: Sastrawi strips affixes and may recode a root's first
# letter (menyerap -> serap), nothing more. These tests pin that shortcut to its plain
# definition on generated affixed forms of every stem-mode root of the lexicon.

#: Stem keys of the packaged lexicon: the roots that stem-mode entries match.
STEM_ROOTS = sorted(
    {
        stem_word(w)
        for entry, mode in zip(load_lexicon()["entry"], load_lexicon()["match"])
        if mode == "stem"
        for w in entry.split()
    }
)
#: meN- and peN- with their nasal assimilations; the nasal may replace the root's
#: first letter (pukul -> memukul, tulis -> menulis, kirim -> mengirim, serap ->
#: menyerap), so each is tried on the root and on the root without its first letter.
NASAL_PREFIXES = ("me", "mem", "men", "meng", "meny", "menge", "pe", "pem", "pen", "peng",
                  "peny", "penge")  # fmt: skip
PREFIXES = ("", "di", "ber", "be", "bel", "ter", "te", "ke", "se", "per", "memper",
            "diper", "mempe", *NASAL_PREFIXES)  # fmt: skip
SUFFIXES = ("", "kan", "i", "an", "nya", "lah", "kah", "pun", "ku", "mu", "annya",
            "kannya", "inya", "kanlah", "anlah", "ilah")  # fmt: skip


def affixed_forms(root: str) -> list[str]:
    """The affixed forms of the issue for one root: meN- (me-, mem-, men-, meng-,
    meny-, menge-), di-, ber-, ter-, pe(N)-...-an, ke-...-an, -kan, -i, -nya, -lah,
    reduplication."""
    bases = [root, root[1:]]
    forms = [root, root + "kan", root + "i", root + "nya", root + "lah"]
    for nasal in NASAL_PREFIXES[:6]:  # meN- (-kan, -i)
        forms += [nasal + b + s for b in bases for s in ("", "kan", "i")]
    for nasal in NASAL_PREFIXES[6:]:  # pe(N)-...-an
        forms += [nasal + b + s for b in bases for s in ("", "an")]
    forms += ["di" + root, "di" + root + "kan", "di" + root + "i", "ber" + root, "be" + root,
              "ber" + root + "an", "ter" + root, "ke" + root + "an", "per" + root + "an",
              "memper" + root + "kan", "ke" + root + "annya"]  # fmt: skip
    forms += [f"{root}-{root}", f"{root}-{root}nya", f"ber{root}-{root}",
              f"{root}-me{root}", f"{root}-{root}an"]  # fmt: skip
    return forms


@pytest.fixture(scope="module")
def prefilter() -> FrameMatcher:
    return FrameMatcher()


@pytest.mark.slow
@pytest.mark.parametrize("root", STEM_ROOTS)
def test_prefilter_keeps_every_affixed_form_of_every_root(prefilter, root):
    keys = set(STEM_ROOTS)
    for form in affixed_forms(root):
        if stem_word(form) in keys:
            assert prefilter._may_stem(form), (root, form, stem_word(form))


@st.composite
def affixed(draw) -> str:
    """A random affixation of a random root: prefix, maybe the first letter dropped,
    suffix, clitic, maybe reduplicated."""
    root = draw(st.sampled_from(STEM_ROOTS))
    prefix = draw(st.sampled_from(PREFIXES))
    base = root[1:] if prefix and draw(st.booleans()) else root
    word = prefix + base + draw(st.sampled_from(SUFFIXES))
    redup = draw(st.sampled_from(("none", "full", "base-first", "base-last")))
    if redup == "full":
        word = f"{word}-{word}"
    elif redup == "base-first":
        word = f"{root}-{word}"
    elif redup == "base-last":
        word = f"{word}-{root}"
    return word


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(affixed())
def test_prefilter_keeps_random_affixations(prefilter, form):
    if stem_word(form) in set(STEM_ROOTS):
        assert prefilter._may_stem(form), (form, stem_word(form))


FILLER = ("dan", "yang", "OPD", "pegawai", "harus", "di", "kantor", "Bupati", "2024", "HK3",
          "sama", "kerja", "anggaran", "persepsi", "tegas", "hadir")  # fmt: skip


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(affixed(), st.sampled_from(FILLER), st.sampled_from(STEM_ROOTS)),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from((str.lower, str.capitalize, str.upper)),
)
def test_matcher_hits_equal_hits_without_the_prefilter(prefilter, words, case):
    plain = FrameMatcher()
    plain._may_stem = lambda token: True  # every token asked of the stemmer
    tokens = [case(w) for w in words]
    assert prefilter.match_tokens(tokens) == plain.match_tokens(tokens)


@pytest.mark.parametrize(
    ("sentence", "frame", "matched"),
    [
        ("Keterlambatan pegawai pada apel pagi akan dicatat.", "discipline", "Keterlambatan"),
        ("Ada pejabat yang mengantuk saat gubernur berbicara.", "discipline", "mengantuk"),
        ("Penegakan aturan jangan tebang pilih.", "discipline", "tebang pilih"),
        ("ASN dilarang berpolitik menjelang pilkada.", "discipline", "berpolitik"),
        ("Sekda mengkoordinir persiapan acara bersama dinas.", "coordination", "mengkoordinir"),
        (
            "Hubungan kerja antara kepala dinas dan staf harus terbuka.",
            "coordination",
            "Hubungan kerja",
        ),
        ("Para pejabat diminta saling support dalam bertugas.", "coordination", "saling support"),
        ("Pegawai diminta bekerja keras dan lebih giat.", "performance", "bekerja keras"),
        ("Pegawai diminta bekerja keras dan lebih giat.", "performance", "lebih giat"),
        ("Kota ini meraih penghargaan pelayanan publik terbaik.", "performance", "penghargaan"),
    ],
)
def test_everyday_words_of_the_three_frames(matcher, sentence, frame, matched):
    assert matched in hits_of(matcher, sentence, frame)


def test_kegiatan_is_no_earnest_work(matcher):
    # giat is an entry only as "lebih giat": the stem of kegiatan (activity) is giat too
    assert hits_of(matcher, "Kegiatan itu diikuti seluruh camat.", "performance") == []


@pytest.mark.parametrize(
    ("sentence", "frame", "matched"),
    [
        # discipline: laziness, idling and absence from the post
        ("Catat nama pegawai yang pemalas.", "discipline", "pemalas"),
        ("Staf jangan bermalas-malasan di ruangan.", "discipline", "bermalas-malasan"),
        ("Pegawai tidak boleh bersantai di jam kerja.", "discipline", "bersantai"),
        ("Masih ada honorer yang jarang masuk kantor.", "discipline", "masuk kantor"),
        ("Kepala seksi itu tidak berada di tempat.", "discipline", "tidak berada di tempat"),
        ("ASN diminta tidak mudik selama libur panjang.", "discipline", "tidak mudik"),
        # enforcement, zero tolerance, misconduct, state facilities
        ("Kepala OPD wajib menertibkan stafnya.", "discipline", "menertibkan"),
        ("Tidak ada toleransi bagi pegawai yang bolos.", "discipline", "Tidak ada toleransi"),
        ("Oknum ASN yang memungut biaya akan diproses.", "discipline", "Oknum"),
        ("Fungsi pengawasan inspektorat diperkuat.", "discipline", "pengawasan"),
        (
            "Mobil dinas adalah fasilitas negara, bukan milik pribadi.",
            "discipline",
            "fasilitas negara",
        ),
        # threats of removal
        ("Kalau target tidak tercapai, langsung saya ganti.", "discipline", "saya ganti"),
        ("Saya tidak main-main soal kehadiran.", "discipline", "main-main"),
        ("Yang tidak sanggup, lebih baik mundur saja.", "discipline", "mundur saja"),
        # performance: programmes running well, rankings, readiness, not postponing
        ("Program air bersih harus berjalan dengan baik.", "performance", "berjalan dengan baik"),
        ("Peringkat kabupaten naik ke urutan kedua.", "performance", "Peringkat"),
        ("Tahun lalu kota ini berada di posisi terburuk.", "performance", "terburuk"),
        ("Berikan layanan terbaik kepada warga.", "performance", "terbaik"),
        ("Petugas harus siap siaga menghadapi musim hujan.", "performance", "siaga"),
        ("Tugas dari pimpinan jangan ditunda.", "performance", "jangan ditunda"),
        ("Proyek jalan harus selesai tepat waktu dan tepat mutu.", "performance", "tepat mutu"),
        # coordination: teamwork, no ego, mutual support, aligned views
        ("Kita harus bekerja secara tim.", "coordination", "secara tim"),
        ("Kerja tim antarbidang perlu diperkuat.", "coordination", "Kerja tim"),
        ("Hilangkan ego masing-masing kepala dinas.", "coordination", "ego"),
        ("Sifat individualis harus dibuang jauh.", "coordination", "individualis"),
        ("Para camat diminta saling mengisi.", "coordination", "saling"),
        ("Gelombang semua dinas perlu disamakan dulu.", "coordination", "disamakan"),
        ("Friksi antarpejabat harus diselesaikan.", "coordination", "Friksi"),
        ("Laporan dinas jangan sekadar formalitas.", "performance", "formalitas"),
        # performance: not waiting to be told, unfinished work, earnest work, standing still
        ("Dinas jangan hanya menunggu instruksi atasan.", "performance", "jangan hanya menunggu"),
        ("Jangan tunggu warga mengeluh baru bergerak.", "performance", "Jangan tunggu"),
        ("Camat tidak perlu menunggu perintah saya.", "performance", "tidak perlu menunggu"),
        ("Petugas bergerak tanpa harus menunggu laporan.", "performance", "tanpa harus menunggu"),
        (
            "Kita harus tahu lebih dulu, bukan menunggu warga protes.",
            "performance",
            "bukan menunggu",
        ),
        ("Realisasi semester pertama masih rendah.", "performance", "semester"),
        ("Setiap keluhan warga harus dijawab.", "performance", "keluhan"),
        ("Banyak pekerjaan tidak diselesaikan tahun lalu.", "performance", "tidak diselesaikan"),
        ("Kepala OPD jangan hanya duduk di kantor.", "performance", "hanya duduk"),
        ("Jangan ada pegawai makan gaji buta.", "performance", "gaji buta"),
        ("Honorer bukan alasan bekerja setengah hati.", "performance", "setengah hati"),
        ("Cara kerja business as usual harus ditinggalkan.", "performance", "business as usual"),
        ("Pejabat harus keluar dari zona nyaman.", "performance", "zona nyaman"),
        ("Kerja dinas itu biasa-biasa saja.", "performance", "biasa-biasa saja"),
        ("Capaian dinas pendidikan masih stagnan.", "performance", "stagnan"),
        ("Setiap jabatan diukur dengan KPI.", "performance", "KPI"),
        # coordination: a family-like team, discussing work; discipline: struck off a list
        ("Bangun suasana kerja yang penuh kekeluargaan.", "coordination", "kekeluargaan"),
        ("Kabid dan kasi harus berdiskusi sebelum menyusun program.", "coordination", "berdiskusi"),
        ("Honorer yang bolos akan dicoret dari daftar.", "discipline", "dicoret"),
        # work on time and its delay (performance) against a person's punctuality (discipline)
        ("Proyek jalan harus selesai tepat waktu.", "performance", "tepat waktu"),
        ("Pegawai wajib datang tepat waktu setiap pagi.", "discipline", "datang tepat waktu"),
        (
            "Keterlambatan pekerjaan fisik merugikan warga.",
            "performance",
            "Keterlambatan pekerjaan",
        ),
        ("Jangan menunda pengadaan barang.", "performance", "menunda"),
        ("Kepala dinas yang tidak mampu bekerja akan dievaluasi.", "performance", "tidak mampu"),
        ("Lurah harus kreatif mencari jalan keluar.", "performance", "kreatif"),
        ("Jalan rusak itu tidak boleh dibiarkan.", "performance", "tidak boleh dibiarkan"),
        ("Bupati memberi warning kepada dinas yang lamban.", "discipline", "warning"),
        ("Pegawai kedapatan bermain game di ruang kerja.", "discipline", "bermain game"),
        (
            "Sampah adalah tanggung jawab bersama semua dinas.",
            "coordination",
            "tanggung jawab bersama",
        ),
        ("Program itu dibuat tanpa sepengetahuan pimpinan.", "coordination", "sepengetahuan"),
        ("Para kepala dinas perlu duduk bersama membahas banjir.", "coordination", "duduk bersama"),
        ("Ketidak hadiran pegawai akan dicatat.", "discipline", "Ketidak hadiran"),
        ("Setiap pejabat harus loyal kepada pimpinan.", "discipline", "loyal"),
        ("Saya tidak segan mengganti kepala dinas.", "discipline", "tidak segan"),
        ("Banjir tidak bisa ditangani secara parsial.", "coordination", "parsial"),
        ("Serapan tahun ini harus naik.", "performance", "Serapan"),
        ("Semua proyek fisik harus sudah dilelang Februari.", "performance", "dilelang"),
        ("Program itu jangan hanya bagus di atas kertas.", "performance", "di atas kertas"),
        ("Jembatan itu harus dirampungkan bulan depan.", "performance", "dirampungkan"),
    ],
)
def test_genre_phrases_of_the_three_frames(matcher, sentence, frame, matched):
    assert matched in hits_of(matcher, sentence, frame)


@pytest.mark.parametrize(
    ("sentence", "frame"),
    [
        ("Acara santai itu dihadiri warga.", "discipline"),  # santai alone: a relaxed event
        ("Sejumlah pejabat pindah tugas bulan lalu.", "discipline"),  # a transfer, no threat
        ("Ribuan pemudik memadati terminal.", "discipline"),  # holiday travel, no ban
        ("Rapat berjalan lancar hingga siang.", "performance"),  # the meeting itself
        ("Tim penggerak PKK hadir di lokasi.", "coordination"),  # a team's name
        ("Bantuan beras untuk keluarga tidak mampu.", "performance"),  # poor, not unable
        ("Warga menunggu bantuan di posko.", "performance"),  # waiting, not told not to
        ("Penanganan banjir dibahas di rapat.", "performance"),  # a task named, not how well
        ("Pegawai wajib datang tepat waktu setiap pagi.", "performance"),  # a person's time
        ("Keterlambatan pekerjaan fisik merugikan warga.", "discipline"),  # work, not a person
        ("Bupati menunda kenaikan pangkat pegawai yang bolos.", "performance"),  # a sanction
        ("Bantuan untuk warga tidak mampu disalurkan.", "performance"),  # poor, not unable
        ("Pemkab membina pelaku ekonomi kreatif.", "performance"),  # a sector's name
        ("Desa itu memasang early warning system banjir.", "discipline"),  # a system's name
        ("Panitia membuka lelang jabatan kepala dinas.", "performance"),  # a selection
    ],
)
def test_genre_phrases_leave_their_look_alikes_alone(matcher, sentence, frame):
    assert hits_of(matcher, sentence, frame) == []


def test_teamwork_and_neglected_work(matcher):
    sentence = "Dinas harus membangun teamwork sebelum musim hujan."
    assert hits_of(matcher, sentence, "coordination") == ["teamwork"]
    assert hits_of(matcher, "Team work harus diperkuat.", "coordination") == ["Team work"]
    sentence = "Laporan bulanan dinas itu terbengkalai berminggu-minggu."
    assert hits_of(matcher, sentence, "performance") == ["terbengkalai"]
