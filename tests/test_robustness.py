"""Pages gone wrong: any article, however long or malformed, in time linear in its length.

Generated adversarial inputs (runs of quote marks of every kind, unbalanced and nested
quotes, honorific and title floods, speech-verb floods, long lines without spaces,
control characters, zero-width and no-break spaces, mixed scripts, CRLF and lone CR)
go through every per-article step: the cleaner, quotes, speakers and voices, sentences
and tokens, frame matching by voice, the names of people and places. None may raise;
and doubling an input may at most about double the time of each step (measured as a
ratio in one run, so the machine's speed does not matter: a quadratic step takes four
times as long).
"""

from __future__ import annotations

import gc
import random
import time
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.adversarial import (
    ADVERSARIAL,
    navigation_flood,
    open_quote_flood,
    random_tokens,
    title_flood,
)
from analysis.corpus import MAX_ARTICLE_CHARS, CorpusWarning, iter_documents, make_document
from analysis.frames import frame_scores
from analysis.names import _doc_names
from analysis.quotes import VOICES
from analysis.quotes.voice import analyse_document, quote_records
from analysis.tokens import tokenize_sentences

MARKS = "“”\"„‟«»‹›'‘’`″"
CONTROL = (
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85"  # control characters
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width
    "\u00a0\u202f\u3000\u2028\u2029"  # no-break and other spaces, line separators
)
HONORIFICS = ("H.", "Hj.", "Dr.", "Drs.", "Ir.", "Pak", "Bapak", "Ibu", "S.Sos", "M.Si", "dr.")
TITLES = ("Bupati", "Wali Kota", "Gubernur", "Sekda", "Plh", "Pj", "Kepala Dinas", "Wakil")
VERBS = ("kata", "ujarnya", "tegasnya", "mengatakan", "menurutnya", "ungkap", "jelas", "menegaskan")
WORDS = ("kinerja", "OPD", "disiplin", "koordinasi", "Budi", "Lahat", "pegawai", "harus")
PUNCT = (".", ",", ":", ";", "-", "–", "(", ")", "?", "!", "...")


def _steps(text: str) -> dict[str, float]:
    """Seconds of each per-article step on ``text``, checking what each returns."""
    seconds = {}
    t = time.perf_counter()
    doc = make_document(text, {"doc_id": "x"})
    seconds["clean"] = time.perf_counter() - t
    t = time.perf_counter()
    result = analyse_document(doc)
    seconds["quotes"] = time.perf_counter() - t
    t = time.perf_counter()
    tokenize_sentences(doc["body"], stem=True)
    seconds["tokens"] = time.perf_counter() - t
    t = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the genre check warns on a text with no frame
        table = frame_scores([doc], by="voice", n_boot=0, jobs=1, progress=False)
    seconds["frames"] = time.perf_counter() - t
    t = time.perf_counter()
    found, lower, _meta = _doc_names(doc)  # the names of one article
    seconds["names"] = time.perf_counter() - t
    assert all(w == w.lower() for w, _rule in found) and all(w.islower() for w in lower)
    body = doc["body"]
    assert "\r" not in body
    assert len(result.voices) == len(result.body.sentences)
    assert {v["voice"] for v in result.voices} <= set(VOICES)
    for q in quote_records(result, include_non_speech=True):
        assert 0 <= q["start"] < q["end"] <= len(body)
    assert set(table.reset_index()["voice"]) <= set(VOICES)
    return seconds


def _joined(parts: tuple[str, ...], sep: str = " ") -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(parts), min_size=1, max_size=200).map(sep.join)


QUOTE_RUNS = st.text(alphabet=MARKS + " a.,\n", min_size=1, max_size=500)
QUOTED_FRAGMENTS = _joined(
    tuple(f"{m}{w}" for m in MARKS for w in ("kata", "Kinerja OPD,", "Bupati")) + VERBS + PUNCT
)
NESTED = st.integers(1, 300).map(lambda n: "“Bupati berkata ‘" * n + "kinerja" + "’”" * (n // 2))
TITLE_FLOODS = _joined(HONORIFICS + TITLES + WORDS)
VERB_FLOODS = _joined(VERBS + TITLES + ("dia", "ia", "beliau") + PUNCT)
NO_SPACES = st.builds(
    lambda unit, n: unit * n,
    st.text(alphabet="abcXYZ.,“”-/", min_size=1, max_size=4),
    st.integers(1, 5000),
)
CONTROLS = _joined(tuple(CONTROL) + WORDS + TITLES + ("“", "”", "."), sep="")
SCRIPTS = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=400)
LINE_ENDS = _joined(("Bupati Budi mengatakan kinerja OPD harus baik.", "“Kita disiplin,” katanya.",
                     "Baca juga: Bupati", "\r\n", "\r", "\n", " "), sep="")  # fmt: skip


@pytest.mark.parametrize(
    "strategy",
    [QUOTE_RUNS, QUOTED_FRAGMENTS, NESTED, TITLE_FLOODS, VERB_FLOODS, NO_SPACES, CONTROLS,
     SCRIPTS, LINE_ENDS],
    ids=["quote-runs", "quoted-fragments", "nested-quotes", "title-floods", "verb-floods",
         "no-spaces", "control-characters", "mixed-scripts", "line-ends"],
)  # fmt: skip
def test_adversarial_articles_go_through_every_step(strategy):
    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def check(text):
        if not text.strip():
            text += " x"  # an empty article is refused by the reader, never reaches here
        _steps(text)

    check()


def test_lone_cr_and_crlf_read_as_line_ends():
    crlf = "JUDUL\r\nLAHAT - Bupati Budi mengatakan kinerja OPD harus baik.\r\n"
    cr = crlf.replace("\r\n", "\r")
    lf = crlf.replace("\r\n", "\n")
    assert make_document(cr, {"doc_id": "a"})["body"] == make_document(lf, {"doc_id": "a"})["body"]
    assert (
        make_document(crlf, {"doc_id": "a"})["body"] == make_document(lf, {"doc_id": "a"})["body"]
    )


def test_the_issues_worst_cases_still_find_their_quotes():
    # a flood of titles ends in one real quote, which is found with its speaker
    doc = make_document(title_flood(2000), {"doc_id": "x"})
    voices = analyse_document(doc).voices
    assert voices[-1]["voice"] in ("indirect", "direct") or voices[-1]["sentence"]
    # thousands of opening marks: the quotes are still read, none crosses a paragraph
    doc = make_document(open_quote_flood(500, 2000), {"doc_id": "x"})
    quotes = quote_records(analyse_document(doc), include_non_speech=True)
    assert quotes and all(q["paragraph"] == 1 for q in quotes)


# ------------------------------------------------------------------ linear time

MIXED = {
    "quote marks of every kind": lambda n, r: " ".join(
        r.choice(MARKS) + r.choice(("kata", "Bupati", "ujarnya")) for _ in range(n)
    ),
    "unbalanced quotes": lambda n, r: " ".join(
        r.choice(("“Kinerja OPD,", "kata Bupati.", "”", "tegasnya “")) for _ in range(n)
    ),
    "nested quotes": lambda n, r: "“Bupati berkata ‘" * (n // 4) + "kinerja" + "’”" * (n // 4),
    "honorifics": lambda n, r: " ".join(r.choice(HONORIFICS) for _ in range(n)),
    "titles": lambda n, r: " ".join(r.choice(TITLES) for _ in range(n)),
    "speech verbs": lambda n, r: " ".join(r.choice(VERBS + ("Bupati",)) for _ in range(n)),
    "no spaces": lambda n, r: "".join(r.choice("abcdefghij") for _ in range(6 * n)),
    "control characters": lambda n, r: "".join(r.choice(tuple(CONTROL) + WORDS) for _ in range(n)),
    "mixed scripts": lambda n, r: " ".join(
        r.choice(("kinerja", "كلمة", "文字", "слово", "คำ", "Bupati", "“", ".")) for _ in range(n)
    ),
    "crlf and lone cr": lambda n, r: "".join(
        r.choice(("Bupati Budi mengatakan kinerja OPD.", "\r\n", "\r", "“Kita disiplin,”", " "))
        for _ in range(n)
    ),
    "random tokens": lambda n, r: random_tokens(n),
    "opening quote marks": lambda n, r: open_quote_flood(n // 4, n),
    "title and honorific flood": lambda n, r: title_flood(n),
    "navigation flood": lambda n, r: navigation_flood(n),
}
# sizes at which each input takes a measurable time (a tenth of a second or more)
SIZES = {"quote marks of every kind": 1500, "no spaces": 20000, "control characters": 20000}


def _fastest(text: str) -> dict[str, float]:
    """The fastest of three runs of each step, with the garbage collector off while
    they run (as :mod:`timeit` does: a collection landing in one run is noise, not the
    step's cost)."""
    runs = []
    for _ in range(3):
        gc.disable()
        try:
            runs.append(_steps(text))
        finally:
            gc.enable()
    return {step: min(r[step] for r in runs) for step in runs[0]}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(MIXED))
def test_doubling_an_adversarial_article_at_most_about_doubles_the_time(name):
    n = SIZES.get(name, 4000)
    texts = MIXED[name](n, random.Random(1)), MIXED[name](2 * n, random.Random(1))
    small, large = _fastest(texts[0]), _fastest(texts[1])
    for _ in range(3):
        # linear: 2x; quadratic: 4x. 30 ms of slack keep timer noise out of tiny steps.
        slow = {s: (small[s], large[s]) for s in small if large[s] > 3 * small[s] + 0.03}
        if not slow:
            break
        # a busy machine: measure both sizes again and keep each step's fastest run (a
        # quadratic step stays about 4x however often it is measured)
        again = _fastest(texts[0]), _fastest(texts[1])
        small = {s: min(small[s], again[0][s]) for s in small}
        large = {s: min(large[s], again[1][s]) for s in large}
    assert not slow, f"{name}: superlinear steps (seconds at n, 2n): {slow}"


def test_the_bench_worst_cases_are_the_generators_here():
    assert set(ADVERSARIAL) >= {"random tokens", "opening quote marks", "title and honorific flood"}
    make, size = ADVERSARIAL["random tokens"]
    assert size == 200_000 and make(50) == random_tokens(50)


# ------------------------------------------------------------------ the size guard


def test_a_very_long_article_is_processed_whole_and_named_in_a_warning(tmp_path):
    long_text = "LAHAT - " + "Bupati Budi mengatakan kinerja OPD harus meningkat. " * 200
    (tmp_path / "a.txt").write_text(long_text, encoding="utf-8")
    (tmp_path / "b.txt").write_text("LAHAT - Sekda minta ASN disiplin.", encoding="utf-8")
    with pytest.warns(CorpusWarning, match=r"a\.txt: 10,\d{3} characters.*max_article_chars"):
        docs = list(iter_documents(tmp_path, max_article_chars=5000))
    assert [d["doc_id"] for d in docs] == ["a", "b"]  # never dropped
    assert docs[0]["body"].count("kinerja") == 200  # never cut


def test_articles_under_the_size_guard_raise_no_warning(tmp_path):
    (tmp_path / "a.txt").write_text("LAHAT - Sekda minta ASN disiplin.", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(list(iter_documents(tmp_path))) == 1
        assert len(list(iter_documents(tmp_path, max_article_chars=None))) == 1
    assert MAX_ARTICLE_CHARS == 2_000_000
