"""Direct quotes: the role of each quote mark, the span of each quote, and its kind.

Everything works paragraph by paragraph (one line of the cleaned body): a quotation is
never taken to run across a line break. The double marks ``“ ” " „ « »`` are read by
their *position*, not their shape, because scraped text uses them loosely: a mark with
a space (or the paragraph start) before it and a word after it opens a quote, a mark
after a word and before a space or punctuation closes one (a mark with spaces on both
sides after a sentence, when no quote is open and the next mark closes one, opens:
``... target. ” Sekali lagi, ...,” katanya.``), so ``” Perangkat Daerah
...,” terangnya.`` (a closing shape used as an opener) and ``"...,” tutur dia.``
(straight and curly mixed) pair correctly. Then:

- a quote **opened and never closed** before the paragraph ends is kept (``closed`` is
  False) only when it looks like speech: a speech verb inside it ends it (``“Kita
  harus kompak, kata dia.``), a reporting clause and a comma or colon stand right
  before its mark (``Sekda X mengaku siap ..., “Bapak Bupati ...``), it speaks in the
  first or second person (*saya, kami, kita, Anda* ...), the sentence before it
  reports speech, or the next paragraph opens another quote (the convention for a
  quote running over several paragraphs). An unclosed mark in front of third-person
  narration (``“Sekda juga tak henti-hentinya mengajak ...``), or right after a
  dateline, is a stray mark, not a quote: its sentence is classified like any other;
- a quote **closed but never opened** is kept when a speech verb follows the closing
  mark; it is taken to start at the beginning of its paragraph (or of the first
  sentence after the previous quote of the paragraph) and then at the earliest
  sentence, going back from the closing mark, that is neither narration about someone
  nor reported speech; ``opening_mark`` is then ``""``;
- a quoted **name, theme or term** (``mengusung tema “...”``, ``program “Banyuasin
  Bangkit”``, a scare-quoted word) is not speech: a quote with no speech verb after it
  is a label when a naming word stands right before it (*tema, bertajuk, slogan, motto,
  program, gerakan, istilah* ...) or when it has at most four words and is not the
  start of its paragraph nor part of a reported-speech sentence. Labels and stray marks
  are left out of the results (``include_non_speech=True`` shows them, with their
  ``kind``), so a theme is never attributed to the leader.

Sentences are those of the one sentence rule (:func:`analysis.tokens.sentence_bounds`),
found once per paragraph (:mod:`analysis.quotes.body`).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from .body import (
    Body,
    Boundaries,
    Paragraph,
    boundaries,
    clause_start,
    next_sentence_start,
    sentence_start,
    sentence_starts_between,
)
from .patterns import (
    AFTER_RE,
    CLOSE_SHAPES,
    CONNECTIVES,
    DATELINE_RE,
    DATELINE_START_RE,
    FIRST_PERSON_RE,
    FOLLOW_VERB_RE,
    INTERNAL_ATTR_RE,
    LABEL_BEFORE_RE,
    MARKS_RE,
    MENURUT_RE,
    NAME_REST_RE,
    NARR_SPEECH_RE,
    OPEN_SHAPES,
    REPORTING_WORD_RE,
    SUBJECT_START_RE,
    TITLE_RE,
)

__all__ = [
    "KINDS",
    "Quote",
    "find_quotes",
    "has_reporting",
    "mark_roles",
    "mask",
    "third_person_start",
]

# How far before a quote mark its naming word (``tema``, ``program`` ...) is looked
# for: the word and two more end at the mark, so only words of over 90 letters or
# runs of spaces could reach further.
LABEL_REACH = 200

# The words that report speech: a reporting verb, ``menurut``, ``kata dia`` ...
_REPORTING = (REPORTING_WORD_RE, MENURUT_RE, NARR_SPEECH_RE)

#: Kinds of quote: speech, a quoted name/theme/term, a lone mark.
KINDS = ("speech", "label", "stray")


class Quote(NamedTuple):
    """A span between quote marks (offsets in the body)."""

    start: int  # first character of the words (spaces trimmed)
    end: int  # after the last character
    paragraph: int  # 1-based line number
    closed: bool  # a closing mark was found
    opening_mark: str  # "" when the opening was inferred
    mark_at: int | None  # offset of the opening mark (None when inferred)
    close_at: int | None  # offset of the closing mark (None when unclosed)
    inferred: bool  # closed but never opened
    continues: bool = False  # unclosed, continued by a quote opening the next paragraph
    internal_attr: int | None = None  # unclosed: where the speech verb that ends it starts
    kind: str = ""  # one of KINDS
    intro: bool = False  # the clause before the opening mark reports speech


def find_quotes(body: Body) -> list[Quote]:
    """Every quote of a body, in text order, with its kind (see the module notes)."""
    marked = {
        par.no: boundaries(par.text, body.bounds[par.no - 1])
        for par in body.paragraphs
        if MARKS_RE.search(par.text)
    }
    spans = [q for no, b in marked.items() for q in _paragraph_quotes(body.paragraphs[no - 1], b)]
    spans = _link_continuations(body, spans)
    cues = {no: ReportingCues(body.text, body.paragraphs[no - 1]) for no in marked}
    return [_classified(body, marked[q.paragraph], cues[q.paragraph], q) for q in spans]


class ReportingCues:
    """Where the words that report speech (:func:`has_reporting`) stand in one
    paragraph, found once, so that asking whether a clause reports speech costs a
    bisection, not a scan of the clause (a paragraph with thousands of quotes in one
    sentence would otherwise be read once per quote).

    ``cs:end`` reports speech when a cue lies inside it, as :func:`has_reporting` of
    ``text[cs:end]`` says; the cues are matched on the whole paragraph, so a word cut by
    ``cs`` is no cue (the clause starts at a sentence start, where no word is cut).
    """

    __slots__ = ("_starts", "_min_end")

    def __init__(self, text: str, par: Paragraph) -> None:
        spans = sorted(
            (m.start(), m.end()) for rx in _REPORTING for m in rx.finditer(text, par.start, par.end)
        )
        self._starts = [a for a, _b in spans]
        # the earliest end of the cues starting at or after each one
        min_end: list[int] = []
        best = len(text) + 1
        for _a, b in reversed(spans):
            best = min(best, b)
            min_end.append(best)
        self._min_end = min_end[::-1]

    def inside(self, cs: int, end: int) -> bool:
        """Does a cue lie in ``[cs, end)`` (body offsets)?"""
        i = bisect_left(self._starts, cs)
        return i < len(self._starts) and self._min_end[i] <= end


# ------------------------------------------------------------------ marks


def mark_roles(par: str) -> list[tuple[int, str, str]]:
    """(index, mark, role) for each double mark of a paragraph; role open/close."""
    out = []
    is_open = False
    for m in MARKS_RE.finditer(par):
        i, ch = m.start(), m.group()
        role = _role(par, i, ch, is_open)
        is_open = role == "open"
        out.append((i, ch, role))
    return out


def _role(par: str, i: int, ch: str, is_open: bool) -> str:
    """Role of the mark ``ch`` at ``i``: by the spaces around it, else by its shape and
    whether a quote is open."""
    prev = par[i - 1] if i > 0 else ""
    nxt = par[i + 1] if i + 1 < len(par) else ""
    left_space = prev == "" or prev.isspace() or prev in "([{"
    right_space = nxt == "" or nxt.isspace() or nxt in ".,;:!?)]}"
    if left_space != right_space:
        return "open" if left_space else "close"
    if left_space:  # spaces on both sides
        return _spaced_role(par, i, ch, is_open)
    # a mark between two words or punctuation marks
    if ch in OPEN_SHAPES and not is_open:
        return "open"
    if ch in CLOSE_SHAPES and is_open:
        return "close"
    return "close" if is_open else "open"


def _spaced_role(par: str, i: int, ch: str, is_open: bool) -> str:
    """Role of a mark with spaces on both sides: by what stands before it."""
    j = i  # the paragraph before the mark, without trailing spaces: par[:j]
    while j and par[j - 1].isspace():
        j -= 1
    if not j or DATELINE_RE.match(par, 0, j):
        return "open"
    last = par[j - 1]
    if last == ":":
        return "open"
    if last.isalnum() or last in ",.!?;…":
        if not is_open and ch not in OPEN_SHAPES and _closer_follows(par, i):
            return "open"  # ``... target. ” Sekali lagi, ...,” katanya.``: a wrong-way opener
        return "close" if is_open or ch not in OPEN_SHAPES else "open"
    if ch in OPEN_SHAPES:
        return "open"
    if ch in CLOSE_SHAPES:
        return "close"
    return "close" if is_open else "open"


def _closer_follows(par: str, i: int) -> bool:
    """Is the next mark after ``i`` a closing one by position (after a word, before a
    space, punctuation or the paragraph end)?"""
    m = MARKS_RE.search(par, i + 1)
    if not m:
        return False
    k = m.start()
    nxt = par[k + 1] if k + 1 < len(par) else ""
    return not par[k - 1].isspace() and (nxt == "" or nxt.isspace() or nxt in ".,;:!?)]}")


# ------------------------------------------------------------------ spans


def _paragraph_quotes(par: Paragraph, bounds: Boundaries) -> list[Quote]:
    """The quotes of one paragraph, pairing its marks by role; the marks of a short
    term quoted inside an open quote with the same marks (``“Jangan cuma “sibuk rapat”
    tapi ...,” kata dia``) are part of the quote around it (:func:`_nested`)."""
    text, p0, pno = par.text, par.start, par.no
    spans: list[Quote | None] = []
    open_at: tuple[int, str] | None = None
    last_end = 0  # paragraph offset after the previous quote
    roles = mark_roles(text)
    last_close = max((k for k, r in enumerate(roles) if r[2] == "close"), default=-1)
    skip = -1
    for k, (i, ch, role) in enumerate(roles):
        if k == skip:
            continue
        if role == "open" and open_at is not None and _nested(text, roles, k, last_close):
            skip = k + 1  # the term's marks belong to the quote around it
            continue
        if role == "open":
            if open_at is not None:
                spans.append(_span(text, pno, p0, open_at, i, closed=False))
            open_at = (i, ch)
        elif open_at is not None:
            spans.append(_span(text, pno, p0, open_at, i, closed=True))
            open_at = None
            last_end = i + 1
        else:  # closed but never opened: infer the opening
            start = inferred_start(text, bounds, last_end, i)
            spans.append(_span(text, pno, p0, (start, ""), i, closed=True, inferred=True))
            last_end = i + 1
    if open_at is not None:
        spans.append(_span(text, pno, p0, open_at, len(text), closed=False))
    return [s for s in spans if s is not None and s.end > s.start]


def _nested(text: str, roles: list[tuple[int, str, str]], k: int, last_close: int) -> bool:
    """Is the opening mark ``roles[k]``, met while a quote is open, a term quoted inside
    it: the next mark closes after at most four words and no sentence end, and a
    closing mark follows later in the paragraph (``last_close``, the index of the last
    one) for the quote around it?"""
    if last_close <= k + 1 or roles[k + 1][2] != "close":
        return False
    inner = text[roles[k][0] + 1 : roles[k + 1][0]]
    return len(inner.split()) <= 4 and not any(c in inner for c in ".!?")


def inferred_start(par: str, bounds: Boundaries, after: int, close_i: int) -> int:
    """Where a quote closed but never opened starts: the earliest sentence, going
    back from the closing mark, that is not narration about someone (``Bupati X
    membuka apel.``) and not reported speech; never before the sentence after the one
    that ends after the previous quote (``after``: the offset after its closing mark)."""
    if after:
        after = next_sentence_start(bounds, after, len(par))
    starts = [after, *sentence_starts_between(bounds, after, close_i)]
    start = starts[-1]
    for k in range(len(starts) - 2, -1, -1):
        sent = par[starts[k] : starts[k + 1]].strip()
        if third_person_start(sent) or has_reporting(sent):
            break
        start = starts[k]
    return start


def _span(
    par: str,
    pno: int,
    p0: int,
    open_at: tuple[int, str],
    close_i: int,
    *,
    closed: bool,
    inferred: bool = False,
) -> Quote | None:
    """The quote between ``open_at`` (mark index and mark, or inferred start and "")
    and ``close_i`` of paragraph ``par``; ``None`` when it holds nothing, or when an
    inferred one has no speech verb after its closing mark."""
    oi, mark = open_at
    s = oi if inferred else oi + 1
    e = close_i
    while s < e and par[s].isspace():
        s += 1
    while e > s and par[e - 1].isspace():
        e -= 1
    if e <= s:
        return None
    if inferred and not AFTER_RE.match(par, close_i + 1):
        return None  # a lone closing mark with no speech verb after it: ignore it
    end, internal_attr = p0 + e, None
    if not closed:
        # a speech verb inside the unclosed quote ends it: ``“Kita kompak, kata dia.``
        m = INTERNAL_ATTR_RE.search(par, s, e)
        if m:
            end, internal_attr = p0 + m.start() + 1, p0 + m.end()
    return Quote(
        start=p0 + s,
        end=end,
        paragraph=pno,
        closed=closed,
        opening_mark=mark,
        mark_at=p0 + oi if not inferred else None,
        close_at=p0 + close_i if closed else None,
        inferred=inferred,
        internal_attr=internal_attr,
    )


def _link_continuations(body: Body, spans: list[Quote]) -> list[Quote]:
    """An unclosed quote followed by one opening the next paragraph continues there."""
    out = list(spans)
    for k, q in enumerate(spans):
        if not q.closed and k + 1 < len(spans):
            nxt = spans[k + 1]
            n0 = body.paragraphs[nxt.paragraph - 1].start
            if (
                nxt.paragraph == q.paragraph + 1
                and nxt.opening_mark
                and not body.text[n0 : nxt.start - 1].strip()
            ):
                out[k] = q._replace(continues=True)
    return out


# ------------------------------------------------------------------ kinds


def _classified(body: Body, bounds: Boundaries, cues: ReportingCues, q: Quote) -> Quote:
    """``q`` with its kind and whether a reporting clause introduces it (``bounds``:
    the sentence boundaries of its paragraph, ``cues``: its reporting cues)."""
    intro = False
    if q.mark_at is not None:
        p0 = body.paragraphs[q.paragraph - 1].start
        intro = cues.inside(p0 + clause_start(bounds, q.mark_at - p0), q.mark_at)
    q = q._replace(intro=intro)
    return q._replace(kind=quote_kind(body, bounds, q, cues))


def quote_kind(body: Body, bounds: Boundaries, q: Quote, cues: ReportingCues) -> str:
    """``speech``, ``label`` (a name, theme or term) or ``stray`` (a lone mark)."""
    quoted = body.text[q.start : q.end]
    if not q.closed:
        par = body.paragraphs[q.paragraph - 1]
        before = body.text[par.start : q.mark_at].rstrip(" \t") if q.mark_at is not None else ""
        # ``Sekda X mengaku siap ..., “Bapak Bupati ...``: a reporting clause and a comma
        # or colon right before the mark introduce the words as a quote
        lead_in = q.intro and before[-1:] in (",", ":")
        return _unclosed_kind(
            q, quoted, opens_paragraph=q.mark_at is not None and not before, lead_in=lead_in
        )
    par = body.paragraphs[q.paragraph - 1]
    if q.close_at is not None and AFTER_RE.match(body.text, q.close_at + 1, par.end):
        return "speech"
    if q.mark_at is None:  # inferred: nothing stands before it
        return "speech"
    return _closed_kind(body.text, par, bounds, cues, q.mark_at, quoted)


def _closed_kind(
    text: str, par: Paragraph, bounds: Boundaries, cues: ReportingCues, mark: int, quoted: str
) -> str:
    """Kind of a closed quote with no speech verb after it, by what stands before its
    opening mark (at body offset ``mark``)."""
    p0 = par.start
    # the naming word and at most two words after it end right at the mark: read the
    # last LABEL_REACH characters of its sentence, not all of it
    ss = max(p0 + sentence_start(bounds, mark - p0), mark - LABEL_REACH)
    if LABEL_BEFORE_RE.search(text, ss, mark):
        return "label"
    if FIRST_PERSON_RE.search(quoted):
        return "speech"
    j = mark  # the paragraph before the mark, without trailing spaces: text[p0:j]
    while j > p0 and text[j - 1].isspace():
        j -= 1
    if len(quoted.split()) <= 4 and j > p0:
        # a scare-quoted word (``tidak “main mata” dengan``) or a short partial
        # quote, unless a reporting clause introduces it: ``kata Hendra, “...”``
        if not (text[j - 1] in ",:" and cues.inside(p0 + clause_start(bounds, j - p0), j)):
            return "label"
    return "speech"


def _unclosed_kind(
    q: Quote, quoted: str, *, opens_paragraph: bool = False, lead_in: bool = False
) -> str:
    """Kind of a quote never closed: speech when it looks like speech (a speech verb in
    it, a reporting clause with a comma or colon right before its mark, the first
    person, a continuation in the next paragraph, a mark opening its paragraph, the
    convention of a quote that runs on or that the page cut off, or a mark after a
    sentence that reports speech), a stray mark before narration about someone (``“Sekda
    juga mengajak ...``) or a dateline."""
    if DATELINE_START_RE.match(quoted):
        return "stray"  # ``“LAHAT – Bupati ...``: a mark before a dateline
    if q.internal_attr is not None or lead_in:
        return "speech"
    if third_person_start(quoted):
        return "stray"
    if FIRST_PERSON_RE.search(quoted) or q.continues or opens_paragraph or q.intro:
        return "speech"
    return "stray"


def third_person_start(quoted: str) -> bool:
    """The words start like narration about someone: ``Sekda juga mengajak ...`` (not
    ``Jadi berangkat dari itu ...``: a connective is no subject)."""
    m = TITLE_RE.match(quoted) or SUBJECT_START_RE.match(quoted)
    if not m:
        return False
    first = quoted.split(None, 1)[0].lower().strip(",")
    if first in CONNECTIVES and not TITLE_RE.match(quoted):
        return False
    # skip the rest of a name after a title, then look for a verb
    rest = quoted[m.end() :]
    rest = rest[NAME_REST_RE.match(rest).end() :]
    return bool(FOLLOW_VERB_RE.match(rest)) and not FIRST_PERSON_RE.match(quoted)


def has_reporting(clause: str) -> bool:
    """Does ``clause`` report speech (a reporting verb, ``menurut``, ``kata dia`` ...)?"""
    return any(rx.search(clause) for rx in _REPORTING)


def mask(text: str, quotes: list[Quote]) -> str:
    """The body with the words of speech and label quotes blanked out."""
    chars = list(text)
    for q in quotes:
        if q.kind != "stray":
            for i in range(q.start, q.end):
                if chars[i] != "\n":
                    chars[i] = " "
    return "".join(chars)
