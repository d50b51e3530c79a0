"""Tests for analysis.frames: coding sentences, scores, bootstrap, evidence, co-occurrence.

The lexicon and the matcher are tested in tests/test_lexicon.py, the comparisons with
hand coding in tests/test_validation.py.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import frames as frames_module
from analysis.frame_coding import _match_text
from analysis.frames import (
    FrameError,
    FrameMatcher,
    frame_cooccurrence,
    frame_evidence,
    frame_scores,
    load_lexicon,
)
from analysis.tokens import normalize, split_sentences, word_spans

FRAMES = ["performance", "coordination", "discipline"]


@pytest.fixture(scope="module")
def matcher() -> FrameMatcher:
    return FrameMatcher()


def sentence_rows(docs: dict[str, str], voice: str = "narration", **meta) -> pd.DataFrame:
    """A sentence table (the shape of quotes.sentence_table) of hand-written bodies.

    Sentences come from split_sentences, as the contract says; the voice is given, since
    these tests are about frames, not quotes. The bodies are a few words each, not news
    of a regional government, so the tests that code them pass ``genre_check=False``
    (the genre rule has tests of its own).
    """
    rows = []
    for doc_id, body in docs.items():
        for no, sent in enumerate(split_sentences(body), start=1):
            rows.append(
                {
                    "doc_id": doc_id,
                    "sentence_no": no,
                    "sentence": sent,
                    "voice": voice,
                    "speaker": "",
                    **{k: v[doc_id] for k, v in meta.items()},
                }
            )
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def seed_sentences(seeds) -> pd.DataFrame:
    """The seeds' sentence table, with voices from analysis.quotes."""
    from analysis.quotes import sentence_table

    return sentence_table(seeds)


def test_frames_keeps_the_names_that_moved_out():
    from analysis import lexicon, tokens, validation

    for name in ("FrameMatcher", "FrameError", "LexiconError", "MATCH_MODES", "LEXICON_COLUMNS",
                 "load_lexicon", "match_frames"):  # fmt: skip
        assert getattr(frames_module, name) is getattr(lexicon, name), name
    assert frames_module.CLITICS is tokens.CLITICS  # the one clitic list
    assert frames_module.evaluate_lexicon is validation.evaluate_lexicon
    assert frames_module.VOICES == ("direct", "indirect", "narration")
    assert set(frames_module.__all__) <= set(dir(frames_module)) | {"evaluate_lexicon"}


# ---------------------------------------------------------------------------- coding


@pytest.mark.parametrize(
    "body",
    [
        "Semua pegawai harus bekerja. Sama halnya dengan pimpinan.",
        "Dana sudah masuk ke kas penyerapan.\nAnggaran tahun depan dibahas.",
        "Kita perlu menyamakan. Persepsi masyarakat penting.",
    ],
)
def test_multiword_entries_do_not_match_across_a_sentence_break(body):
    table = sentence_rows({"x": body})
    assert len(table) == 2
    evidence = frame_evidence(table, genre_check=False)
    assert not evidence["entry"].isin(["kerja sama", "serap anggaran", "sama persepsi"]).any()
    # ... while the same words inside one sentence do match
    joined = sentence_rows({"x": body.replace(". ", " ").replace(".\n", " ")})
    assert len(frame_evidence(joined, genre_check=False)) == 1


def test_custom_lexicon_with_a_fourth_frame():
    lex = {
        "performance": ["kinerja"],
        "budget": ["apbd", {"entry": "anggaran", "match": "form", "rationale": "budget"}],
    }
    table = sentence_rows({"a": "Kinerja OPD dan APBD. Anggarannya naik. Tidak ada apa-apa."})
    scores = frame_scores(table, genre_check=False, lexicon=lex, n_boot=50)
    assert list(scores["frame"]) == ["performance", "budget"]
    assert scores.set_index("frame")["hits"].to_dict() == {"performance": 1, "budget": 2}
    assert set(frame_evidence(table, genre_check=False, lexicon=lex)["frame"]) == {
        "performance",
        "budget",
    }
    co = frame_cooccurrence(table, genre_check=False, lexicon=lex)
    assert co.loc["budget", "budget"] == 2 and co.loc["performance", "budget"] == 1


# The fast path of coding, _match_text, against its plain definition,
# FrameMatcher.match_sentence: the same hits with the same matched text and the same
# character offsets, on generated sentences that mix lexicon words, affixed forms,
# punctuation, typographic quotes, dashes, digits, non-ASCII letters and odd spacing.

_LEX = load_lexicon()
#: A second lexicon whose form entries are tokens with joiners, digits and non-ASCII.
ODD_LEXICON = {
    "odd": [{"entry": e, "match": "form"} for e in ("covid-19", "al-qur'an", "müller", "hk3")]
    + ["kerja sama", "koordinasi"]
}
WORDS = sorted(
    {w for e in _LEX["entry"] for w in e.split()}
    | {"bekerja", "berkoordinasi", "mengkoordinasikan", "kedisiplinan", "penyerapan",
       "menyamakan", "ditindak", "kinerjanya", "hasilku", "rambu-rambunya", "sendiri-sendiri",
       "COVID-19", "Al-Qur'an", "Müller", "HK3", "2024", "10", "3,5", "x2", "İstanbul",
       "straße", "Ñandú", "αβγ", "٣٤", "²", "e\u0301", "kiner\u00adja", "dan", "yang", "OPD"}
)  # fmt: skip
SEPARATORS = (" ", " ", " ", "  ", "\t", "\u00a0", "\u2009", " \u200b", "\u200b", "\ufeff",
              ", ", ". ", "; ", ": ", "! ", "? ", " (", ") ", "/", "-", " - ", " -- ", "--",
              " – ", "—", "‑", "'", " '", "' ", "’", " ‘", "’ ", " “", "” ", '"', " «", "» ",
              "\r\n", "\n", "_", "", "…", " ' ", "-'", "'-")  # fmt: skip


@st.composite
def messy_sentences(draw) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14))
    case = draw(st.lists(st.sampled_from((str.lower, str.capitalize, str.upper, str)),
                         min_size=len(words), max_size=len(words)))  # fmt: skip
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words) + 1,
                         max_size=len(words) + 1))  # fmt: skip
    text = seps[0]
    for w, c, sep in zip(words, case, seps[1:]):
        text += c(w) + sep
    return text


@pytest.fixture(scope="module")
def matchers() -> list[FrameMatcher]:
    return [FrameMatcher(), FrameMatcher(ODD_LEXICON)]


def _check_fast_path(matcher: FrameMatcher, text: str) -> int:
    n_words, fast = _match_text(text, matcher)
    plain = matcher.match_sentence(text)
    assert n_words == len(word_spans(normalize(text))), text
    assert [(matcher.frames[fi], entry, matched, a, b) for fi, entry, matched, a, b in fast] == [
        (h["frame"], h["entry"], h["matched"], h["start_char"], h["end_char"]) for h in plain
    ], text
    for _fi, _entry, matched, a, b in fast:
        assert text[a:b] == matched, text
    n_quick, quick = _match_text(text, matcher, evidence=False)
    assert n_quick == n_words
    assert [(fi, entry) for fi, entry, *_ in quick] == [(fi, entry) for fi, entry, *_ in fast]
    return len(fast)


@pytest.mark.slow
@settings(max_examples=500, deadline=None)
@given(messy_sentences())
def test_match_text_equals_match_sentence_on_generated_sentences(matchers, text):
    for matcher in matchers:
        _check_fast_path(matcher, text)


def test_match_text_equals_match_sentence_on_the_seeds(matchers, seeds):
    n = 0
    for body in seeds["body"]:
        for sent in split_sentences(body):
            n += _check_fast_path(matchers[0], sent)
    assert n > 50


# ---------------------------------------------------------------------------- scores


DOCS = {
    "a": "Kinerja OPD harus meningkat. Koordinasi para dinas penting. Pegawai datang.",
    "b": "Disiplin pegawai lemah. Sanksi diberikan. Kinerja turun. Rapat selesai.",
    "c": "Tidak ada kata kunci di sini. Cuaca cerah.",
}
META = {"leader": {"a": "X", "b": "X", "c": "Y"}, "level": {"a": "k", "b": "k", "c": "p"}}


@pytest.fixture(scope="module")
def small() -> pd.DataFrame:
    return sentence_rows(DOCS, **META)


def test_scores_by_article_count_hits_tokens_rates_and_shares(small):
    s = frame_scores(small, genre_check=False, n_boot=200).set_index(["doc_id", "frame"])
    assert s.loc[("a", "performance"), "hits"] == 1
    assert s.loc[("a", "coordination"), "hits"] == 1
    assert s.loc[("b", "discipline"), "hits"] == 2
    tokens_a = sum(len(word_spans(normalize(x))) for x in split_sentences(DOCS["a"]))
    assert s.loc[("a", "performance"), "tokens"] == tokens_a
    assert s.loc[("a", "performance"), "per_1000"] == pytest.approx(1000 / tokens_a)
    assert s.loc[("b", "discipline"), "share"] == pytest.approx(2 / 3)
    assert s.loc[("b", "discipline"), "dominant"]
    assert (s.loc["b", "dominant_frame"] == "discipline").all()
    assert (s.loc["a", "dominant_frame"] == "coordination+performance").all()  # a tie
    assert s.loc["c", "share"].isna().all() and not s.loc["c", "dominant"].any()
    assert (s.loc["c", "dominant_frame"] == "").all()


def test_shares_sum_to_one_in_groups_with_hits(seed_sentences):
    for by in ("doc_id", "leader", "voice"):
        s = frame_scores(seed_sentences, by=by, n_boot=0)
        sums = s.groupby(by)["share"].sum(min_count=1)
        hits = s.groupby(by)["hits"].sum()
        assert np.allclose(sums[hits > 0], 1.0)


def test_bootstrap_is_deterministic_and_brackets_the_estimate(seed_sentences):
    a = frame_scores(seed_sentences, n_boot=300, seed=7)
    b = frame_scores(seed_sentences, n_boot=300, seed=7)
    c = frame_scores(seed_sentences, n_boot=300, seed=8)
    pd.testing.assert_frame_equal(a, b)
    assert not np.allclose(a["ci_high"], c["ci_high"])
    assert (a["ci_low"] <= a["per_1000"] + 1e-9).all()
    assert (a["per_1000"] <= a["ci_high"] + 1e-9).all()
    assert (a["ci_low"] < a["ci_high"])[a["hits"] > 0].all()
    has = a["share"].notna()
    assert (a.loc[has, "share_ci_low"] <= a.loc[has, "share"] + 1e-9).all()
    assert (a.loc[has, "share"] <= a.loc[has, "share_ci_high"] + 1e-9).all()
    assert (a["resampled"] == "sentences").all()


def test_cluster_bootstrap_for_groups_of_several_articles(small):
    s = frame_scores(small, genre_check=False, by="leader", n_boot=500, seed=1).set_index(
        ["leader", "frame"]
    )
    assert s.loc["X", "resampled"].eq("articles").all() and s.loc["X", "n_articles"].eq(2).all()
    assert s.loc["Y", "resampled"].eq("sentences").all()
    # resampling two articles: performance is 1 hit in each, so every resample has
    # 2 hits over the tokens of the drawn articles; the interval lies between the rates
    # of a-twice and b-twice
    tok = small.assign(n=small["sentence"].map(lambda x: len(word_spans(normalize(x)))))
    per_doc = tok.groupby("doc_id")["n"].sum()
    lo, hi = sorted(1000 / per_doc[["a", "b"]])
    assert lo - 1e-9 <= s.loc[("X", "performance"), "ci_low"]
    assert s.loc[("X", "performance"), "ci_high"] <= hi + 1e-9


def test_group_intervals_do_not_depend_on_other_groups(small):
    full = frame_scores(small, genre_check=False, n_boot=200).set_index(["doc_id", "frame"])
    alone = frame_scores(small[small["doc_id"] == "b"], genre_check=False, n_boot=200)
    alone = alone.set_index(["doc_id", "frame"])
    pd.testing.assert_frame_equal(full.loc[["b"]], alone)


def test_scores_by_sentence_and_voice_filter(small):
    table = small.assign(voice=np.where(small["sentence_no"] == 1, "direct", "narration"))
    s = frame_scores(table, genre_check=False, by="sentence")
    assert list(s.columns[:6]) == ["doc_id", "sentence_no", "sentence", "voice", "speaker", "frame"]
    assert len(s) == len(table) * 3 and s["ci_low"].isna().all()
    d = frame_scores(table, genre_check=False, voice="direct", n_boot=50)
    assert set(d["doc_id"]) == {"a", "b", "c"} and d["n_sentences"].eq(1).all()
    assert d.set_index(["doc_id", "frame"]).loc[("b", "discipline"), "hits"] == 1
    v = frame_scores(table, genre_check=False, by="voice", n_boot=50)
    assert set(v["voice"]) == {"direct", "narration"}
    assert v["hits"].sum() == frame_scores(table, genre_check=False, n_boot=0)["hits"].sum()
    with pytest.raises(FrameError, match="unknown voice 'quoted'"):
        frame_scores(table, genre_check=False, voice="quoted")


def test_unknown_grouping_column_names_the_available_ones(small):
    with pytest.raises(FrameError, match=r"unknown grouping column 'region'; available: .*leader"):
        frame_scores(small, genre_check=False, by="region")


def test_frame_cooccurrence_is_symmetric_with_frame_counts_on_the_diagonal(seed_sentences):
    co = frame_cooccurrence(seed_sentences)
    assert list(co.index) == FRAMES and list(co.columns) == FRAMES
    assert (co.values == co.values.T).all()
    s = frame_scores(seed_sentences, by="sentence")
    with_frame = s[s["hits"] > 0].groupby("frame").size()
    assert all(co.loc[f, f] == with_frame.get(f, 0) for f in FRAMES)


# ---------------------------------------------------------------------------- evidence


def test_evidence_rows_trace_to_their_sentences(seed_sentences, seeds):
    ev = frame_evidence(seed_sentences)
    assert ev.index.name == "hit" and list(ev.index) == list(range(len(ev)))
    assert list(ev.columns[:8]) == [
        "doc_id",
        "sentence_no",
        "voice",
        "speaker",
        "frame",
        "entry",
        "matched",
        "sentence",
    ]
    assert "leader" in ev.columns
    assert all(m in s for m, s in zip(ev["matched"], ev["sentence"]))
    for row in ev.itertuples():  # sentence_no numbers split_sentences of the cleaned body
        assert split_sentences(seeds.loc[row.doc_id, "body"])[row.sentence_no - 1] == row.sentence
    # the evidence adds up to the scores
    s = frame_scores(seed_sentences, n_boot=0)
    counts = ev.groupby(["doc_id", "frame"]).size()
    for row in s.itertuples():
        assert row.hits == counts.get((row.doc_id, row.frame), 0)


# ---------------------------------------------------------------------------- CLI


def run_cli(*argv: str) -> tuple[int, str]:
    from analysis.cli import main

    out = io.StringIO()
    with redirect_stdout(out):
        code = main(list(argv))
    return code, out.getvalue()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A folder of articles without metadata: the CLI must run on any folder."""
    d = tmp_path_factory.mktemp("corpus")
    for name, body in DOCS.items():
        (d / f"{name}.txt").write_text(f"Judul {name}\n\n{body}\n", "utf-8")
    return d


def test_frames_cli_csv_is_tidy(folder):
    code, out = run_cli("frames", "--corpus", str(folder), "--format", "csv", "--n-boot", "50")
    assert code == 0
    table = pd.read_csv(io.StringIO(out), dtype={"doc_id": str})
    assert list(table.columns) == [
        "doc_id",
        "frame",
        "hits",
        "tokens",
        "per_1000",
        "share",
        "ci_low",
        "ci_high",
        "n_docs",
        "small_group",
        "ci_basis",
    ]
    assert len(table) == len(DOCS) * 3
    assert (table["n_docs"] == 1).all() and not table["small_group"].any()
    assert set(table["ci_basis"]) == {"within-article sentences only"}


def test_frames_cli_by_sentence_and_json(folder):
    code, out = run_cli("frames", "--corpus", str(folder), "--by", "sentence", "--format", "csv")
    assert code == 0
    table = pd.read_csv(io.StringIO(out), dtype={"doc_id": str})
    assert list(table.columns) == [
        "doc_id",
        "sentence_no",
        "sentence",
        "voice",
        "frame",
        "hits",
        "tokens",
        "per_1000",
        "share",
        "ci_low",
        "ci_high",
        "n_docs",
        "small_group",
        "ci_basis",
    ]
    assert set(table["ci_basis"]) == {"no interval"}
    code, out = run_cli("frames", "--corpus", str(folder), "--format", "json", "--n-boot", "0")
    assert code == 0 and len(json.loads(out)) == len(DOCS) * 3
    assert {row["ci_basis"] for row in json.loads(out)} == {"no interval"}


def test_frames_cli_errors(folder, capsys):
    code, _ = run_cli("frames", "--corpus", str(folder), "--by", "region")
    assert code == 2
    assert "unknown grouping column 'region'; available: doc_id" in capsys.readouterr().err
    code, _ = run_cli("frames", "--corpus", str(folder), "--lexicon", str(folder / "none.csv"))
    assert code == 2 and "file not found" in capsys.readouterr().err


# ---------------------------------------------------------------------------- figures


@pytest.fixture(scope="module")
def frame_figures_built(tmp_path_factory, seeds):
    from analysis import figures, plots

    out = tmp_path_factory.mktemp("frame_figures")
    digests = []
    for _ in range(2):
        with plots.figure_style():
            written = []
            for name, fig, table, *_rest in figures.frame_figures(seeds):
                written += figures.save_figure(fig, name, out_dir=out, table=table)
        digests.append({p.name: p.read_bytes() for p in written})
    return out, digests


@pytest.mark.slow
def test_frame_figures_are_written_with_their_tables_and_stable(frame_figures_built):
    out, (first, second) = frame_figures_built
    names = {
        "frames_profile_by_leader",
        "frames_heatmap_by_article",
        "frames_by_voice",
        "frames_over_time",
        "frames_cooccurrence",
    }
    assert set(first) == {f"{n}.{ext}" for n in names for ext in ("png", "svg", "csv")}
    assert first == second  # a second run changes no byte
    profile = pd.read_csv(out / "frames_profile_by_leader.csv")
    assert {"leader", "frame", "per_1000", "ci_low", "ci_high"} <= set(profile.columns)
    assert profile["leader"].nunique() == 5
    voice = pd.read_csv(out / "frames_by_voice.csv")
    assert set(voice["voice"]) == {"direct", "indirect", "narration"}
    co = pd.read_csv(out / "frames_cooccurrence.csv", index_col="frame")
    assert list(co.index) == FRAMES


def test_frame_plots_draw_on_the_given_axes(seed_sentences):
    from analysis import plots

    scores = frame_scores(seed_sentences, by="leader", n_boot=100)
    fig = plots.new_figure((6, 4))
    ax = fig.subplots()
    assert plots.plot_frame_profile(scores, ax=ax) is ax
    # the frames, then the note that each leader's interval rests on one article
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        *FRAMES,
        plots.frames.WITHIN_ARTICLE_LABEL,
    ]
    fig = plots.new_figure((6, 4))
    ax = fig.subplots()
    assert plots.plot_frame_heatmap(frame_scores(seed_sentences, n_boot=0), ax=ax) is ax
    assert len(ax.texts) == 5 * 3  # one annotated number per article and frame
    with pytest.raises(ValueError, match="column"):
        plots.plot_voice_comparison(scores, ax=fig.subplots())


# ---------------------------------------------------------------------------- codebook rules

GENRE_BODY = (
    "Bupati Sukamaju memimpin rapat koordinasi bersama kepala OPD di aula Pemkab.\n"
    "Bupati meminta seluruh OPD meningkatkan koordinasi antar instansi.\n"
    "Rapat evaluasi kinerja ASN digelar setiap triwulan.\n"
    "Hal itu disampaikan Bupati saat memimpin apel pagi dan rapat evaluasi kinerja."
)


def test_a_meetings_name_carries_no_frame_but_its_purpose_does():
    ev = frame_evidence([{"doc_id": "a", "body": GENRE_BODY}])
    by_sentence = ev.groupby("sentence_no")["entry"].apply(list).to_dict()
    assert 1 not in by_sentence  # "rapat koordinasi" names the meeting
    assert "koordinasi" in by_sentence[2]  # asked for coordination
    assert by_sentence[3] == ["kinerja"]  # "rapat evaluasi": a name; kinerja: its purpose


def test_an_attribution_only_sentence_has_no_frame_but_counts_its_words():
    s = frame_scores([{"doc_id": "a", "body": GENRE_BODY}], by="sentence")
    last = s[s["sentence_no"] == 4]
    assert last["hits"].sum() == 0 and (last["tokens"] > 10).all()


FOOTBALL = (
    "Tim Persatu menunjukkan disiplin tinggi dan kerja keras sepanjang laga.\n"
    "Hasil imbang ini menjaga target tim untuk lolos ke babak berikutnya."
)


def test_an_off_genre_article_has_no_frame_unless_the_check_is_off():
    docs = [{"doc_id": "sport", "body": FOOTBALL}, {"doc_id": "gov", "body": GENRE_BODY}]
    s = frame_scores(docs, n_boot=0).groupby("doc_id")["hits"].sum()
    assert s["sport"] == 0 and s["gov"] > 0
    assert (
        frame_scores(docs, n_boot=0, genre_check=False).groupby("doc_id")["hits"].sum()["sport"] > 0
    )
    # the same from a sentence table
    table = sentence_rows({"sport": FOOTBALL, "gov": GENRE_BODY})
    assert frame_scores(table, n_boot=0).groupby("doc_id")["hits"].sum()["sport"] == 0


# ---------------------------------------------------------------------------- small groups

SMALL_GROUP_BODIES = [
    "Bupati meminta kepala OPD meningkatkan kinerja dan disiplin pegawai.\n"
    "Koordinasi antar dinas harus diperkuat agar target tercapai.",
    "Sekda menegaskan bahwa absensi pegawai diperiksa setiap pagi.\n"
    "Kinerja dinas dievaluasi setiap bulan oleh inspektorat.",
    "Gubernur mengajak OPD bersinergi dalam pelayanan masyarakat.\n"
    "Realisasi anggaran masih rendah dan harus dipercepat.",
    "Wali Kota meminta camat hadir tepat waktu pada apel pagi.\n"
    "Kedisiplinan ASN menjadi cermin pelayanan publik.",
    "Bupati mengingatkan pentingnya komunikasi antar instansi.\n"
    "Capaian kinerja OPD akan diumumkan pada akhir tahun.",
    "Kepala dinas diminta menyusun laporan realisasi program.\n"
    "Rapat evaluasi digelar untuk membahas penyerapan anggaran.",
    "Sekda meminta pegawai menaati aturan jam kerja.\n"
    "Teguran diberikan kepada pegawai yang sering terlambat.",
    "Wakil Bupati meminta seluruh OPD berkoordinasi sebelum rapat.\n"
    "Target pendapatan daerah harus tercapai tahun ini.",
]


@pytest.fixture(scope="module")
def sized_groups() -> pd.DataFrame:
    """Groups of two articles (Pasir), five (Lembah) and one (Tanjung)."""
    regions = ["Pasir"] * 2 + ["Lembah"] * 5 + ["Tanjung"]
    docs = [
        {"doc_id": f"a{i}", "body": body, "region": region}
        for i, (body, region) in enumerate(zip(SMALL_GROUP_BODIES, regions))
    ]
    return frame_scores(docs, by="region", n_boot=200, genre_check=False)


def test_a_two_article_group_is_flagged_small(sized_groups):
    pasir = sized_groups[sized_groups["region"] == "Pasir"]
    assert (pasir["n_docs"] == 2).all() and pasir["small_group"].all()
    assert set(pasir["ci_basis"]) == {"2-4 articles: span of their rates only"}
    assert (pasir["n_docs"] == pasir["n_articles"]).all()


def test_a_five_article_group_is_not_flagged(sized_groups):
    lembah = sized_groups[sized_groups["region"] == "Lembah"]
    assert (lembah["n_docs"] == 5).all() and not lembah["small_group"].any()
    assert set(lembah["ci_basis"]) == {"articles"}


def test_a_one_article_group_says_within_article_sentences_only(sized_groups):
    tanjung = sized_groups[sized_groups["region"] == "Tanjung"]
    assert (tanjung["n_docs"] == 1).all() and not tanjung["small_group"].any()
    assert set(tanjung["ci_basis"]) == {"within-article sentences only"}
    assert set(tanjung["resampled"]) == {"sentences"}


def test_group_size_columns_leave_the_numbers_unchanged(sized_groups):
    docs = [{"doc_id": "a", "body": SMALL_GROUP_BODIES[0], "region": "Pasir"}]
    scores = frame_scores(docs, by="region", n_boot=0, genre_check=False)
    assert set(scores["ci_basis"]) == {"no interval"}
    numbers = ["hits", "tokens", "per_1000", "ci_low", "ci_high", "n_articles"]
    before = sized_groups[numbers]
    regions = ["Pasir"] * 2 + ["Lembah"] * 5 + ["Tanjung"]
    again = frame_scores(
        [
            {"doc_id": f"a{i}", "body": b, "region": r}
            for i, (b, r) in enumerate(zip(SMALL_GROUP_BODIES, regions))
        ],
        by="region",
        n_boot=200,
        genre_check=False,
    )
    pd.testing.assert_frame_equal(again[numbers], before)


def test_the_frame_plots_mark_small_groups(sized_groups):
    from analysis import plots

    fig = plots.new_figure((6, 4))
    ax = plots.plot_frame_profile(sized_groups, ax=fig.subplots(), group="region")
    marks = [c for c in ax.collections if c.get_gid() == "small_group"]
    assert len(marks) == 3  # one hollow point per frame, on the Pasir row only
    assert all(len(m.get_offsets()) == 1 for m in marks)
    assert (marks[0].get_facecolor()[0][:3] == 1).all()  # hollow: white inside
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:3] == FRAMES
    assert plots.frames.SMALL_GROUP_LABEL in legend
    assert plots.frames.WITHIN_ARTICLE_LABEL in legend  # Tanjung: one article

    five = sized_groups[sized_groups["region"] == "Lembah"]
    ax = plots.plot_frame_profile(five, ax=plots.new_figure((6, 3)).subplots(), group="region")
    assert not [c for c in ax.collections if c.get_gid() == "small_group"]
    assert len(ax.get_legend().get_texts()) == 3  # the frames only

    by_voice = sized_groups.rename(columns={"region": "voice"})
    ax = plots.plot_voice_comparison(by_voice, ax=plots.new_figure((6, 3)).subplots())
    hatched = [p for p in ax.patches if p.get_gid() == "small_group"]
    assert len(hatched) == 3 and all(p.get_hatch() == "////" for p in hatched)
    assert plots.frames.SMALL_GROUP_HATCH_LABEL in [
        t.get_text() for t in ax.get_legend().get_texts()
    ]
