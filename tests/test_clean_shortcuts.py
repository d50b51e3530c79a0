"""The shortcuts of analysis.clean give the answers of their plain definitions, written
out here, on generated lines made of the pieces those shortcuts look at (first letters
in both cases, letters whose lower case is longer or depends on the next letter,
punctuation only, repeated headlines)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import clean

PIECES = [
    "Bupati",
    "bupati",
    "BUPATI",
    "Lantik",
    "Kepala",
    "Dinas",
    "rapat",
    "İzin",  # lower case "i" and a combining dot
    "izin",
    "Izin",
    "ΣΑΣ",  # a capital sigma lowers to a final or a middle sigma
    "σας",
    "2024",
    "“",
    "”",
    "-",
    "—",
    ":",
    ".",
    "_",
    "(Foto: Humas)",
    "",
]
LINE = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), min_size=0, max_size=8
).map(" ".join)
HEADLINES = st.lists(LINE, min_size=1, max_size=14)


def plain_repeated_later(kept: clean.Lines, i: int) -> bool:
    key = clean._key(kept[i][1])
    later = [clean._key(ln) for _no, ln in kept[i + 1 : clean._HEADER_WINDOW]]
    return any(k == key or k.startswith(key + " ") for k in later)


@pytest.mark.slow
@settings(max_examples=600, deadline=None)
@given(HEADLINES, st.data())
def test_repeated_later_equals_its_plain_definition(texts, data):
    # repetitions: some lines are copies of an earlier one, maybe with more words
    for j in range(1, len(texts)):
        if data.draw(st.booleans()):
            texts[j] = texts[data.draw(st.integers(0, j - 1))] + data.draw(
                st.sampled_from(["", " Foto: Humas", " lagi", "lagi", ".", " —"])
            )
    kept = [(no, text) for no, text in enumerate(texts, start=1)]
    for i in range(len(kept)):
        assert clean._repeated_later(kept, i) == plain_repeated_later(kept, i), (i, kept)


WRAP_LINES = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "Bupati meminta seluruh kepala dinas",
                "bekerja lebih keras tahun ini",
                "Rapat Kerja Pemerintah Daerah Lahat",
                "dan hasilnya dibahas.",
                "ujar dia",
                "Selesai.",
            ]
        ),
        st.integers(1, 2),  # the gap to the line before: 1, directly after it
    ),
    min_size=2,
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(WRAP_LINES, st.data())
def test_the_hard_wrap_count_taken_late_is_the_count_kept_up_to_date(rows, data):
    lines: clean.Lines = []
    no = 0
    for text, gap in rows:
        no += gap
        lines.append((no, text))
    wrapped = clean._Wrapping(lines)
    for _ in range(data.draw(st.integers(0, 6))):
        if data.draw(st.booleans()):
            assert wrapped() == clean._hard_wrapped(lines)  # asked before a join ...
        k = data.draw(st.integers(0, len(lines) - 1))
        joined = lines[k][1] + " " + data.draw(st.sampled_from(["lagi", "dia.", "Dinas"]))
        lines[k] = (lines[k][0], joined)
        wrapped.changed(lines, k)
    assert wrapped() == clean._hard_wrapped(lines)  # ... and after the last one


def test_a_headline_repeated_in_another_case_or_with_a_credit_is_found():
    kept = [
        (1, "Bupati Lantik Kepala Dinas"),
        (2, "Menu"),
        (3, "BUPATI LANTIK KEPALA DINAS — Foto: Humas"),
    ]
    assert clean._repeated_later(kept, 0)
    assert not clean._repeated_later(kept, 1)
    kept = [(1, "İzin Usaha Dipermudah"), (2, "izin usaha dipermudah")]
    assert clean._repeated_later(kept, 0) == plain_repeated_later(kept, 0)
    assert clean.clean_article(
        "Bupati Lantik Kepala Dinas\nBupati Lantik Kepala Dinas\n"
        "LAHAT - Bupati melantik dua kepala dinas."
    ).title == ("Bupati Lantik Kepala Dinas")


@pytest.mark.slow
@settings(max_examples=600, deadline=None)
@given(LINE, st.lists(LINE, max_size=30), st.booleans())
def test_a_key_looked_for_in_the_beginning_of_a_long_line_is_found_as_in_all_of_it(
    head, tail, repeat
):
    key = clean._key(head)
    # a long line: the headline (or another line) and a paragraph after it
    line = (head if repeat else "") + " " + " ".join(tail)
    k = clean._key(line)
    assert clean._key_is_or_starts(line, key) == (k == key or k.startswith(key + " "))
    assert clean._repeats(line, key) == (k == key or k.startswith(key + " "))


def test_a_capital_sigma_or_a_dotted_capital_i_changes_the_key_of_the_beginning():
    paragraph = " ".join(["rapat"] * 40)
    for head in ("ΚΑΛΟΣ", "ΚΑΛΟΣ ΚΑΙ", "İZİN USAHA", "Izin Usaha"):
        key = clean._key(head)
        for line in (head + " " + paragraph, head + paragraph, head.lower() + " x"):
            k = clean._key(line)
            want = k == key or k.startswith(key + " ")
            assert clean._key_is_or_starts(line, key) == want, (head, line)
