"""One cleaned body as plain data: its paragraphs and the sentences of each.

A body is read once (:func:`read_body`): its paragraphs (lines), and for each the
sentences of :func:`analysis.tokens.sentence_bounds`, the one sentence rule of the
package, with the boundaries between them. Everything after looks positions up here
(by bisection) instead of scanning a paragraph again for each quote.

The lookups answer the questions quote finding and attribution ask of a paragraph,
each "as far as the text up to a position shows": a sentence boundary counts before a
position only when the letter that starts the next sentence stands before it (so a
quote mark that opens a sentence belongs to the clause before it, see
:func:`clause_start`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from ..tokens import sentence_bounds

__all__ = [
    "Body",
    "Boundaries",
    "Paragraph",
    "Sentence",
    "boundaries",
    "CLAUSE_REACH",
    "clause_start",
    "next_sentence_start",
    "paragraph_at",
    "read_body",
    "sentence_start",
    "sentence_starts_between",
    "within_reach",
]

_ENDS = frozenset(".!?")

# How far back (in characters) a rule reads the clause before a quote mark. The
# longest sentence of the development set and the seeds has under 500 characters; a
# clause longer than this is a page gone wrong (a site dump on one line, thousands of
# quotes in one "sentence"), and reading all of it for every quote would make such a
# page quadratic.
CLAUSE_REACH = 1000


class Paragraph(NamedTuple):
    """One line of a body."""

    no: int  # 1-based line number
    start: int  # offset of its first character in the body
    end: int  # offset after its last character
    text: str


class Sentence(NamedTuple):
    """One sentence of a body (as :func:`analysis.tokens.split_sentences` gives it)."""

    start: int
    end: int
    text: str


class Boundaries(NamedTuple):
    """The sentence boundaries of one paragraph, in paragraph offsets.

    Boundary ``k`` separates sentence ``k`` from sentence ``k + 1`` of ``bounds``:
    ``puncts[k]`` is where the ``.``/``!``/``?`` run that ends sentence ``k`` starts,
    ``starts[k]`` where sentence ``k + 1`` starts (its opening marks included) and
    ``letters[k]`` where its first letter or digit stands (after the opening marks).
    """

    bounds: list[tuple[int, int]]
    puncts: list[int]
    starts: list[int]
    letters: list[int]


class Body(NamedTuple):
    """A cleaned body (line ends ``\\n``), its paragraphs and their sentences."""

    text: str
    paragraphs: list[Paragraph]
    bounds: list[list[tuple[int, int]]]  # sentence_bounds of each paragraph
    sentences: list[Sentence]
    paragraph_starts: list[int]  # for bisection


def boundaries(paragraph: str, bounds: list[tuple[int, int]] | None = None) -> Boundaries:
    """The :class:`Boundaries` of one paragraph, from its :func:`tokens.sentence_bounds`
    (``bounds``, computed when not given).

    >>> b = boundaries("Menurut Bupati H. Budiman, kinerja naik. “Kita siap.”")
    >>> b.bounds, b.starts, b.letters
    ([(0, 40), (41, 53)], [41], [42])
    """
    if bounds is None:
        bounds = sentence_bounds(paragraph)
    puncts, starts, letters = [], [], []
    for (s, e), (nxt, _e) in zip(bounds, bounds[1:]):
        # a sentence ends in . ! ? and closing marks; the next starts with opening marks
        # and a capital or digit (the rule of sentence_bounds)
        j = e
        while j > s and paragraph[j - 1] not in _ENDS:
            j -= 1
        while j > s and paragraph[j - 1] in _ENDS:
            j -= 1
        puncts.append(j)
        starts.append(nxt)
        k = nxt
        while not paragraph[k].isalnum():
            k += 1
        letters.append(k)
    return Boundaries(bounds, puncts, starts, letters)


# Two single quote marks typed for a double one (``‘’Kita harus ...,’’ kata dia``).
_DOUBLED_SINGLE_RE = re.compile(r"[‘’'`]{2}(?![‘’'`])")


def _double_marks(line: str) -> str:
    """``line`` with each pair of single quote marks typed for a double one read as a
    double mark, the length kept: at the start of the line or after a space or an
    opening bracket it opens (a space, then ``“``), after a word or punctuation it
    closes (``”``, then a space), so that offsets and sentences stay those of the
    text."""
    if "‘" not in line and "’" not in line and "''" not in line and "``" not in line:
        return line

    def one(m: re.Match[str]) -> str:
        before = line[m.start() - 1 : m.start()]
        return " “" if not before or before.isspace() or before in "([{" else "” "

    return _DOUBLED_SINGLE_RE.sub(one, line)


def read_body(text: str) -> Body:
    """Paragraphs, sentence boundaries and sentences of a body with ``\\n`` line ends.

    The sentences are those of :func:`analysis.tokens.split_sentences` (``text`` has
    ``\\n`` line ends), with their offsets in ``text``. The body's and the paragraphs'
    text read a pair of single quote marks typed for a double one (``‘’``, ``''``) as
    a double mark, at the same length (:func:`_double_marks`); the sentences keep the
    text as written.
    """
    paragraphs: list[Paragraph] = []
    bounds: list[list[tuple[int, int]]] = []
    sentences: list[Sentence] = []
    lines = []
    changed = False
    pos = 0
    for no, line in enumerate(text.split("\n"), start=1):
        marked = _double_marks(line)
        changed = changed or marked != line
        lines.append(marked)
        paragraphs.append(Paragraph(no, pos, pos + len(line), marked))
        b = sentence_bounds(line)
        bounds.append(b)
        sentences.extend(Sentence(pos + s, pos + e, line[s:e]) for s, e in b)
        pos += len(line) + 1
    body_text = "\n".join(lines) if changed else text
    return Body(body_text, paragraphs, bounds, sentences, [p.start for p in paragraphs])


def paragraph_at(body: Body, pos: int) -> Paragraph:
    """The paragraph holding body offset ``pos`` (the first one for ``pos`` < 0)."""
    i = bisect_right(body.paragraph_starts, pos) - 1
    return body.paragraphs[max(i, 0)]


def clause_start(b: Boundaries, pos: int) -> int:
    """Where the sentence before paragraph offset ``pos`` starts, as the paragraph up to
    ``pos`` shows it: the last sentence start whose first letter stands before ``pos``
    (0 when there is none). A mark at ``pos`` that opens a sentence therefore does not
    start the clause: the clause is the sentence before it."""
    i = bisect_left(b.letters, pos)
    return b.starts[i - 1] if i else 0


def within_reach(text: str, start: int, pos: int) -> int:
    """``start``, or when the clause ``text[start:pos]`` is longer than
    :data:`CLAUSE_REACH`, the first word start in its last ``CLAUSE_REACH`` characters
    (the clause a rule reads before a mark at ``pos``)."""
    if pos - start <= CLAUSE_REACH:
        return start
    k = pos - CLAUSE_REACH
    while k < pos and not text[k - 1].isspace():
        k += 1
    return k


def sentence_start(b: Boundaries, pos: int) -> int:
    """Start of the sentence that holds paragraph offset ``pos`` (0 in the first)."""
    i = bisect_right(b.starts, pos)
    return b.starts[i - 1] if i else 0


def next_sentence_start(b: Boundaries, after: int, default: int) -> int:
    """Start of the sentence after the first sentence end at or after ``after``
    (``default`` when no sentence ends there)."""
    i = bisect_left(b.puncts, after)
    return b.starts[i] if i < len(b.starts) else default


def sentence_starts_between(b: Boundaries, after: int, before: int) -> list[int]:
    """Starts of the sentences that follow a sentence end at or after ``after`` and whose
    first letter stands before ``before``."""
    lo = bisect_left(b.puncts, after)
    hi = bisect_left(b.letters, before)
    return b.starts[lo:hi]
