"""Remove web boilerplate from scraped Indonesian news articles, with an audit trail.

Scraped regional news carries the same debris whatever the outlet: the headline
repeated (sometimes with a photo credit glued on), a dateline in front of the first
paragraph (``PALEMBANG, PALTV.CO.ID -``, ``Baturaja, BP–``, ``MUARADUA_ Elanghitam.com``),
"Baca Juga:" links, photo captions, a reporter or editor tag after the last sentence
(``(Red/tim)``, ``#yan``, ``(hms/ikp/kominfo)``), bylines, "share / follow us" lines,
and unrelated headlines of the site trailing after the article.

:func:`clean_article` removes these by rules written for the genre, not for any one
site. The rules are conservative: a line is removed only when its *shape* says it is
boilerplate, and a line that ends like a sentence of the article is never dropped
(only a dateline in front of it or a tag behind it is cut off). Every removal is
returned with its reason, so a notebook can show the audit, and cleaning is
idempotent: cleaning a cleaned body changes nothing.

The cleaned body keeps the article's own characters (typographic quotes, dashes,
spelling); whitespace is tidied (non-breaking spaces become spaces, runs of spaces
one space) and there is one paragraph per line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .boilerplate import (
    OPEN_QUOTES,
    REASONS,
    caption_signal,
    classify_line,
    ends_paragraph,
    ends_sentence,
    has_quote_mark,
    is_bulleted,
    is_caption_above,
    is_comment_form,
    is_headline_like,
    is_list_item,
    is_listed_headline,
    is_menu,
    is_name_caption,
    is_related_label,
    is_teaser,
    is_title_case,
    match_dateline,
    normalize_whitespace,
    strip_tag,
    word_count,
)

__all__ = [
    "CleanArticle",
    "Dateline",
    "RemovedLine",
    "REASONS",
    "clean_article",
    "normalize_whitespace",
]


@dataclass(frozen=True)
class RemovedLine:
    """One removed line or fragment.

    Attributes
    ----------
    line_no : int
        1-based line number in the raw text.
    text : str
        The removed text (a whole line, or the fragment cut from it).
    reason : str
        One of :data:`REASONS`.
    """

    line_no: int
    text: str
    reason: str


@dataclass(frozen=True)
class Dateline:
    """The dateline cut from the first paragraph: where and by whom it was filed."""

    place: str
    outlet: str | None
    text: str


@dataclass(frozen=True)
class CleanArticle:
    """Result of :func:`clean_article`.

    Attributes
    ----------
    body : str
        The article body, one paragraph per line, without boilerplate.
    title : str
        The headline, or ``""`` when the page shows none.
    dateline : Dateline or None
        The dateline found in front of the first paragraph, or ``None``.
    removed : tuple of RemovedLine
        Every removed line or fragment, in raw-text order, with its reason.
    """

    body: str
    title: str
    dateline: Dateline | None
    removed: tuple[RemovedLine, ...] = field(default_factory=tuple)

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n") if self.body else []


_NON_ALNUM_RE = re.compile(r"[\W_]+")
_FIRST_ALNUM_RE = re.compile(r"[^\W_]")
_SPLIT_TAG_END_RE = re.compile(r"(?<=[.!?])\s*\($")
_SPLIT_TAG_LINE_RE = re.compile(r"^[A-Za-z][\w/&.,\- ]{0,39}\)$")
# A sentence end inside a line: a line with one is a paragraph, whatever its last word.
_INNER_END_RE = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z]")
# A sentence that reports speech or goes on from the one before ("Hal ini dikatakan
# Triwarno ... Senin(18/3/2024)") is the article's, even without its full stop.
_REPORTED_RE = re.compile(
    r"^(?:hal|ia|dia|ini|itu|menurut|sementara|selain|namun|kemudian|adapun|sedangkan|"
    r"dengan|karena|sehingga|oleh|demikian|lebih\s+lanjut)\b"
    r"|\b(?:kata|ujar|ucap|tutur|tegas|jelas|ungkap|terang|imbuh|pinta)(?:nya)?\b"
    r"|\b(?:di|me|mem|men|meng|meny)(?:kata|sampai|tegas|jelas|ungkap|minta|harap|ingat"
    r"|imbau|himbau|pinta|tekan|target)\w*|\bbahwa\b",
    re.IGNORECASE,
)
# The two halves of a dateline split over two lines: an upper-case place alone, then the
# outlet's domain and a dash ("TANAH BUMBU" / ", situs.com — Ada ...").
_PLACE_ALONE_RE = re.compile(r"^[A-Z][A-Z'.]+(?:\s+[A-Z][A-Z'.]+){0,2}$")
_DATELINE_REST_RE = re.compile(r"^[,_]\s*[A-Za-z][A-Za-z0-9\-]*(?:\.[A-Za-z]{2,})+\s*[-–—]+\s*\S")
#: Where the article's first paragraph is looked for: among the first lines left after
#: the lines that are boilerplate wherever they stand.
_HEADER_WINDOW = 12


@lru_cache(maxsize=1 << 12)
def _key(line: str) -> str:
    """Comparison key for headlines: letters and digits only, lower case."""
    return _NON_ALNUM_RE.sub(" ", line).strip().lower()


def _repeats(line: str, key: str) -> bool:
    """``line``'s key is ``key`` or starts with it and a space (a repeated headline)."""
    if key:  # cheap test first: the keys must start with the same letter or digit
        m = _FIRST_ALNUM_RE.search(line)
        if m is None or not key.startswith(m.group().lower()):
            return False
    return _key_is_or_starts(line, key)


def _key_is_or_starts(line: str, key: str) -> bool:
    """``_key(line) == key or _key(line).startswith(key + " ")``, looking at no more of
    a long line than it takes.

    The key of a line without a capital sigma (the one letter whose lower case depends
    on the next) begins with the key of any of its beginnings: the key of a beginning
    long enough to have ``len(key) + 1`` characters decides. A line's key is at most
    as long as the line, but for the dotted capital I (``İ``, two characters in lower
    case): a shorter line without it cannot begin with ``key``.
    """
    n = len(key) + 1
    if len(line) < n - 1 and "\u0130" not in line:
        return False
    if len(line) > 2 * n + 8 and "\u03a3" not in line:
        head = _key.__wrapped__(line[: 2 * n + 8])
        if len(head) >= n:
            return head.startswith(key + " ")
    k = _key(line)
    return k == key or k.startswith(key + " ")


def clean_article(raw: str) -> CleanArticle:
    """Split a scraped article into body, title and dateline, auditing every removal.

    Parameters
    ----------
    raw : str
        The article text as scraped (a UTF-8 BOM and CRLF line ends are handled).

    Returns
    -------
    CleanArticle
        ``body`` (one paragraph per line), ``title`` (``""`` if none), ``dateline``
        (place and outlet, or ``None``) and ``removed``: a tuple of
        :class:`RemovedLine` (raw line number, removed text, reason from
        :data:`REASONS`), in the order of the raw text.

    Notes
    -----
    The rules, in order:

    1. Blank lines go (not audited); whitespace is tidied.
    2. Lines that are boilerplate wherever they stand go: "Baca Juga" links,
       captions and photo credits, bylines, engagement lines, source credits.
    3. The dateline is looked for at the start of the first paragraph (one of the
       first four remaining lines, and no later than the first line that ends like a
       sentence). The line before it is the title, and repetitions of the title and
       menu words before it are removed. Without a dateline, the first line is the
       title only if it is headline-shaped and repeated later.
    4. A reporter tag split over two lines (``... tegasnya. (`` / ``hms/ikp)``) is
       joined and removed; a tag after the last sentence is cut off.
    5. Headline-shaped lines after an end marker (byline, engagement line, source
       credit, reporter tag) and after the last sentence are other articles'
       headlines and go. A line ending like a sentence is never removed.

    Examples
    --------
    >>> a = clean_article("JUDUL BERITA\\nPALEMBANG, PALTV.CO.ID - Isi berita.\\nBaca Juga: Lain")
    >>> a.title, a.body, a.dateline.outlet
    ('JUDUL BERITA', 'Isi berita.', 'PALTV.CO.ID')
    """
    text = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines: list[tuple[int, str]] = []  # (raw line number, tidied text)
    for no, line in enumerate(text.split("\n"), start=1):
        tidy = normalize_whitespace(line)
        if tidy:
            lines.append((no, tidy))

    lines = _join_split_dateline(lines)
    # Apply the rules until nothing changes, so that cleaning is idempotent by
    # construction (a second pass can only see what a first pass uncovered, such as
    # a headline-shaped line left on top once the title above it is gone).
    title, dateline, removed = "", None, []
    # Each line is classified once per article, however many passes run (a cache per
    # article, not per process, so memory does not grow with the corpus).
    memo: dict[str, str | None] = {}
    for _ in range(10):
        body, t, d, r = _one_pass(lines, memo)
        if t and not title:
            title = t
        elif t:
            r = [
                RemovedLine(x.line_no, x.text, "subtitle") if x.reason == "title" else x for x in r
            ]
        dateline = dateline or d
        removed.extend(r)
        if body == lines:
            break
        lines = body
    removed.sort(key=lambda r: r.line_no)
    return CleanArticle(
        body="\n".join(ln for _, ln in lines),
        title=title,
        dateline=dateline,
        removed=tuple(removed),
    )


Lines = list[tuple[int, str]]  # (raw line number, tidied text)
Body = list[tuple[int, int, str]]  # (position among the kept lines, raw line number, text)


def _one_pass(
    lines: Lines,
    memo: dict[str, str | None] | None = None,
) -> tuple[Lines, str, Dateline | None, list[RemovedLine]]:
    """One application of the rules of :func:`clean_article` to numbered lines.

    The steps, in the order they run (numbered as the rules in
    :func:`clean_article`'s notes): a tag split over two lines is joined (5), lines that
    are boilerplate wherever they stand go (2), the first paragraph is found and the
    header above it goes, the title kept (3), the dateline is cut (3), lines broken
    inside a paragraph are joined (4), short lines without sentence punctuation inside
    the article and other articles' headlines after it go (6), and a reporter tag after
    the last sentence is cut off (5).
    """
    removed: list[RemovedLine] = []
    joined = _join_split_tags(lines, removed)
    kept = _drop_teasers(_drop_boilerplate(joined, memo, removed), removed)
    start, match = _body_start(kept)
    drop: set[int] = set()
    title = _drop_header(kept, start, drop, removed)
    if title:
        _repeated_title_below(kept, start, _key(title), drop, removed)
    dateline = _cut_dateline(kept, start, match, drop, removed) if match is not None else None
    if match is not None:
        _cut_next_article(kept, start, drop, removed)
    body = [(i, no, line) for i, (no, line) in enumerate(kept) if i not in drop]
    body = _unwrap(body)
    body = _drop_stray_lines(body, removed)
    _cut_final_tag(body, removed)
    return [(no, ln) for _, no, ln in body], title, dateline, removed


def _cut_next_article(kept: Lines, start: int, drop: set[int], removed: list[RemovedLine]) -> None:
    """Another article the page appended after this one, which began at a dateline: a
    later line that opens with a dateline naming an outlet or a date, under its headline
    (a Title-Case line right above it) and after at least one paragraph of this article,
    starts it; the headline and every line from it go. (A dateline right below the one
    the article was taken to start at is that article's own, under a caption.)"""
    for i in range(start + 3, len(kept)):
        above = kept[i - 1][1]
        if above.endswith((".", "”", '"')) or i in drop:  # the usual line: a sentence's end
            continue
        if is_title_case(above) and match_dateline(kept[i][1]):
            for j in range(i - 1, len(kept)):
                if j not in drop:
                    drop.add(j)
                    removed.append(RemovedLine(kept[j][0], kept[j][1], "after-article"))
            return


def _join_split_dateline(lines: Lines) -> Lines:
    """A dateline the page split over two lines near the top (``TANAH BUMBU`` /
    ``, situs.com — Ada ...``): the upper-case place alone (one to three words) is
    joined to the line after it, which goes on with a comma, the outlet's domain and a
    dash."""
    for i in range(min(len(lines), _HEADER_WINDOW) - 1):
        (no, place), (_no2, nxt) = lines[i], lines[i + 1]
        if _PLACE_ALONE_RE.match(place) and _DATELINE_REST_RE.match(nxt):
            joined = place + ("" if nxt[0] in ",_" else " ") + nxt
            return lines[:i] + [(no, joined)] + lines[i + 2 :]
    return lines


def _join_split_tags(lines: Lines, removed: list[RemovedLine]) -> Lines:
    """A reporter tag split over two lines (``... tegasnya. (`` / ``hms/ikp)``) is cut
    from the first and the second line left as an empty placeholder (an end marker)."""
    joined: Lines = []
    skip = False
    for i, (no, line) in enumerate(lines):
        if skip:
            skip = False
            continue
        nxt = lines[i + 1][1] if i + 1 < len(lines) else None
        m = _SPLIT_TAG_END_RE.search(line) if line.endswith("(") else None
        if m and nxt is not None and _SPLIT_TAG_LINE_RE.match(nxt):
            removed.append(RemovedLine(no, line[m.start() :].strip() + " " + nxt, "reporter-tag"))
            joined.append((no, line[: m.start()].rstrip()))
            joined.append((lines[i + 1][0], ""))  # placeholder: an end marker, no text
            skip = True
            continue
        joined.append((no, line))
    return joined


def _drop_boilerplate(
    joined: Lines, memo: dict[str, str | None] | None, removed: list[RemovedLine]
) -> Lines:
    """Lines that are boilerplate wherever they stand go, and every line after a comment
    form that follows the first lines; returns the kept lines."""
    kept: Lines = []
    ended = False  # a comment form after the first lines ends the article page
    label = False  # the last line was the bare label of a list of other articles
    listing = False  # the article's last kept line introduced a list (ends with ":")
    for no, line in joined:
        if not line:
            continue
        if memo is None:
            reason = classify_line(line)
        elif line in memo:
            reason = memo[line]
        else:
            reason = memo[line] = classify_line(line)
        if not reason and label and is_listed_headline(line):
            reason = "related-link"  # a headline listed under "Baca Juga:"
        if reason == "related-link" and listing and is_bulleted(line):
            reason = None  # an item of a list the article introduced with a colon
        if reason == "caption" and kept and _captioned(kept[-1], no, line):
            no0, line0 = kept.pop()  # the caption's text shown once more above it
            removed.append(RemovedLine(no0, line0, "caption"))
        # the list goes on through its headlines and their dates, up to a kept line
        label = bool(reason) and (label or is_related_label(line))
        if reason:
            removed.append(RemovedLine(no, line, reason))
            if len(kept) >= 2 and is_comment_form(line):
                ended = True
            continue
        if ended:
            removed.append(RemovedLine(no, line, "after-article"))
            continue
        kept.append((no, line))
        listing = line.rstrip().endswith(":") or (listing and is_bulleted(line))
    return kept


def _captioned(above: tuple[int, str], no: int, caption: str) -> bool:
    """Is the kept line ``above``, on the raw line just before a caption, the caption's
    own text shown without its credit (a photo's caption over the credited one)?"""
    no0, line0 = above
    if no0 != no - 1 or word_count(line0) < 4:
        return False
    key = _key(line0)
    return bool(key) and key in _key(caption) and len(key) < len(_key(caption))


def _drop_teasers(kept: Lines, removed: list[RemovedLine]) -> Lines:
    """Two or more lines in a row cut off by an ellipsis are teasers of other articles
    (a list of related articles under or after the article)."""
    teaser = [is_teaser(line) for _no, line in kept]
    out: Lines = []
    for k, (no, line) in enumerate(kept):
        run = teaser[k] and ((k > 0 and teaser[k - 1]) or (k + 1 < len(kept) and teaser[k + 1]))
        if run:
            removed.append(RemovedLine(no, line, "related-link"))
        else:
            out.append((no, line))
    return out


# --------------------------------------------------------------------------- the top


def _continues(kept: Lines, i: int, wrapped: Callable[[], bool] | None = None) -> bool:
    """Does line ``i`` run on into the next line (a paragraph broken by the page): it does
    not end a paragraph and the next line starts with a lower-case letter, or follows
    it directly (no blank line) in a text broken into many such lines? (``wrapped``:
    :func:`_hard_wrapped` of ``kept`` when the caller keeps it, asked only when needed.)"""
    if i + 1 >= len(kept) or ends_paragraph(kept[i][1]):
        return False
    if _lower_case_right_below(kept, i):
        return True
    if is_title_case(kept[i][1]):  # runs on only into a lower-case line right below it
        return False
    nxt = kept[i + 1][1]
    if nxt[:1].islower():
        return True
    if kept[i + 1][0] != kept[i][0] + 1 or is_list_item(nxt):
        return False
    return wrapped() if wrapped is not None else _hard_wrapped(kept)


def _lower_case_right_below(kept: Lines, i: int) -> bool:
    """Is kept line ``i`` followed directly (no blank line) by a line that starts in lower
    case, which carries on its sentence?"""
    return i + 1 < len(kept) and kept[i + 1][0] == kept[i][0] + 1 and kept[i + 1][1][:1].islower()


def _wraps(kept: Lines, k: int) -> bool:
    """Is line ``k`` broken inside its paragraph: four words or more, not ending a
    paragraph, not Title-Case, and followed directly by the next line?"""
    (no, line), (nxt_no, _nxt) = kept[k], kept[k + 1]
    return (
        nxt_no == no + 1
        and word_count(line) >= 4
        and not ends_paragraph(line)
        and not is_title_case(line)
    )


def _hard_wrapped(kept: Lines) -> bool:
    """Is the text broken into lines inside its paragraphs (at least three lines of four
    words or more that do not end a paragraph and are followed directly by the next)?"""
    n = 0
    for k in range(len(kept) - 1):
        if _wraps(kept, k):
            n += 1
            if n >= 3:
                return True
    return False


class _Wrapping:
    """:func:`_hard_wrapped` of a list of lines kept up to date while its lines are
    joined (asking it again after every join made a page of thousands of short lines
    quadratic). The lines are looked at only when the question is first asked (most
    pages never ask it): line ``k``'s flag depends only on the text of line ``k`` and
    the numbers of lines ``k`` and ``k + 1``, so flags taken then from the lines as
    joined so far are those that updating them at every join would give."""

    def __init__(self, kept: Lines) -> None:
        self._kept = kept
        self._flags: list[bool] | None = None
        self._n = 0

    def __call__(self) -> bool:
        if self._flags is None:
            self._flags = [_wraps(self._kept, k) for k in range(len(self._kept) - 1)]
            self._n = sum(self._flags)
        return self._n >= 3

    def changed(self, kept: Lines, k: int) -> None:
        """Line ``k`` of ``kept`` has a new text."""
        if self._flags is not None and k < len(self._flags):
            new = _wraps(kept, k)
            self._n += new - self._flags[k]
            self._flags[k] = new


def _header_like(kept: Lines, i: int, wrapped: Callable[[], bool] | None = None) -> bool:
    """Is kept line ``i`` page furniture rather than the article's first paragraph: a
    menu, a caption, a Title-Case line (unless the line right below goes on with its
    sentence in lower case: ``Bupati Serang, Nama`` then ``menginstruksikan ...``), a
    line without sentence punctuation that is not the last and does not run on (a
    headline, or a ticker of headlines: a long line without a sentence end inside,
    mostly in capitals; a long line mostly in lower case is a lead paragraph that lost
    its full stop), a line shown twice in a row, or a headline repeated further down?"""
    line = kept[i][1]
    if is_menu(line) or caption_signal(line):
        return True
    last = i == len(kept) - 1
    if is_title_case(line):  # a headline, unless the next line carries on its sentence
        return not _lower_case_right_below(kept, i)
    if (
        not last
        and not ends_sentence(line)
        and (word_count(line) <= 25 or not (_INNER_END_RE.search(line) or _mostly_lower_case(line)))
    ):
        return not _continues(kept, i, wrapped)
    if not last and kept[i + 1][1] == line:
        return True
    return _repeated_later(kept, i)


def _mostly_lower_case(line: str) -> bool:
    """Do at least half of the line's words start with a lower-case letter (running
    text, not a headline or a ticker of headlines)?"""
    words = [w for w in line.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].islower() for w in words) >= 0.5 * len(words)


def _repeated_later(kept: Lines, i: int) -> bool:
    """Is kept line ``i`` repeated (or begun again) by a later line near the top?"""
    line = kept[i][1]
    later = [ln for _no, ln in kept[i + 1 : _HEADER_WINDOW]]
    m = _FIRST_ALNUM_RE.search(line)
    if m is not None:
        # Shortcut: the key of a line with a letter or digit starts with the lower case
        # of the first one, which a repetition's first one must begin (the test of
        # _repeats); the line's own key (a whole paragraph's) is made only if needed.
        first = m.group().lower()
        later = [ln for ln in later if first.startswith(_first_alnum(ln))]
        if not later:
            return False
    key = _key(line)
    return any(_key_is_or_starts(ln, key) for ln in later)


@lru_cache(maxsize=1 << 14)
def _first_alnum(line: str) -> str:
    """The lower case of the line's first letter or digit; a character no lower case
    starts with (``"\\n"``) when it has none."""
    m = _FIRST_ALNUM_RE.search(line)
    return m.group().lower() if m is not None else "\n"


def _dateline_at(kept: Lines, *, weak: bool) -> tuple[int, re.Match[str]] | None:
    """The first line among the first :data:`_HEADER_WINDOW` that starts with a dateline
    followed by the start of a paragraph; the search stops at a line that quotes speech
    (:func:`_speech_quoted`), at a paragraph of more than 40 words, or after four lines
    that end like a paragraph."""
    passed = 0
    for i, (_no, line) in enumerate(kept[:_HEADER_WINDOW]):
        m = match_dateline(line, weak=weak)
        if m is not None:
            rest = [(kept[i][0], line[m.end() :].lstrip(OPEN_QUOTES + " "))] + kept[i + 1 :]
            if not rest[0][1] or word_count(rest[0][1]) > 25 or not _header_like(rest, 0):
                return i, m
        if _speech_quoted(line) or (word_count(line) > 40 and ends_paragraph(line)):
            return None
        passed += ends_paragraph(line)
        if passed > 3:
            return None
    return None


# A quoted span of a line: between curly or straight double quotes.
_QUOTED_SPAN_RE = re.compile(r"[“\"]([^“”\"]*)[”\"]")


def _speech_quoted(line: str) -> bool:
    """Does the line quote speech: a quote mark left open, a quoted span of five words
    or more, or one that ends in punctuation (``“Kami sudah lapor,” kata warga.``)? A
    headline's scare quotes around a short phrase (``Ingatkan Pegawai Soal “Jam
    Karet”``) are no speech."""
    if not has_quote_mark(line):
        return False
    spans = _QUOTED_SPAN_RE.findall(line)
    return has_quote_mark(_QUOTED_SPAN_RE.sub("", line)) or any(
        word_count(span) >= 5 or span.rstrip()[-1:] in (",", ".", "!", "?", "…") for span in spans
    )


def _body_start(kept: Lines) -> tuple[int, re.Match[str] | None]:
    """Where the article starts among the kept lines, and the dateline there if any.

    The article starts at a dateline naming an outlet or a date, else at one naming an
    upper-case place alone (``JAKARTA -``), else at the first line that is not
    :func:`_header_like`, each looked for among the first :data:`_HEADER_WINDOW` lines;
    without any of these, at the first line.
    """
    for weak in (False, True):
        found = _dateline_at(kept, weak=weak)
        if found is not None:
            return found
    wrapped = _Wrapping(kept)  # _hard_wrapped(kept), counted once if asked
    for i in range(min(len(kept), _HEADER_WINDOW)):
        if not _header_like(kept, i, wrapped):
            return i, None
    return 0, None


def _title_index(kept: Lines, start: int) -> int | None:
    """Which line above the article is its headline: the first one repeated further
    down, else the first headline-shaped one of four words or more, else the first
    headline-shaped one (a section label such as ``Berita Daerah`` is shorter). A
    caption is never the headline, nor an official's office and name alone with a full
    stop, which the first sentence often repeats."""
    above = [
        i for i in range(start) if not is_menu(kept[i][1]) and not is_caption_above(kept[i][1])
    ]
    shaped = [i for i in above if is_headline_like(kept[i][1]) or is_title_case(kept[i][1])]
    for found in (
        [i for i in above if _repeated_later(kept, i)],
        [i for i in shaped if word_count(kept[i][1]) >= 4],
        shaped,
        above if start == 1 else [],
    ):
        if found:
            return found[0]
    return None


def _drop_header(kept: Lines, start: int, drop: set[int], removed: list[RemovedLine]) -> str:
    """Above the article: the headline is the title, its repetitions go, and menu words,
    captions and every other line go as header. Returns the title (``""`` if none)."""
    t = _title_index(kept, start)
    title = kept[t][1] if t is not None else ""
    title_key = _key(title) if t is not None else None
    for i in range(start):
        no, line = kept[i]
        if i == t:
            reason = "title"
        elif is_menu(line) or (word_count(line) == 1 and line.islower()):
            reason = "menu"
        elif title_key is not None and _repeats(line, title_key):
            reason = "repeated-title"
        elif is_caption_above(line):
            reason = "caption"
        else:
            reason = "header"
        removed.append(RemovedLine(no, line, reason))
        drop.add(i)
    return title


def _repeated_title_below(
    kept: Lines, start: int, title_key: str, drop: set[int], removed: list[RemovedLine]
) -> None:
    """The title repeated below the start goes; a caption that is the headline with a
    photo credit glued on is a repeated title, not a caption."""
    removed[:] = [
        RemovedLine(r.line_no, r.text, "repeated-title")
        if r.reason in ("caption", "header") and _key(r.text).startswith(title_key + " ")
        else r
        for r in removed
    ]
    for i in range(start, len(kept)):
        no, line = kept[i]
        if _repeats(line, title_key) and not ends_paragraph(line):
            removed.append(RemovedLine(no, line, "repeated-title"))
            drop.add(i)


def _cut_dateline(
    kept: Lines, index: int, m: re.Match[str], drop: set[int], removed: list[RemovedLine]
) -> Dateline:
    """Cut the dateline (and a stray opening quote after it) from its line."""
    no, line = kept[index]
    groups = m.groupdict()
    dateline = Dateline(
        place=(groups.get("place") or "").strip(),
        outlet=groups.get("outlet"),
        text=line[: m.end()].strip(),
    )
    removed.append(RemovedLine(no, dateline.text, "dateline"))
    rest = line[m.end() :]
    if rest and rest[0] in OPEN_QUOTES and not any(c in rest[1:] for c in '”"»'):
        removed.append(RemovedLine(no, rest[0], "stray-quote"))
        rest = rest[1:].lstrip()
    if rest:
        kept[index] = (no, rest)
    else:
        drop.add(index)
    return dateline


# --------------------------------------------------------------------------- the body


def _unwrap(body: Body) -> Body:
    """Join the lines of a paragraph that the page broke (see :func:`_continues`)."""
    if len(body) < 2:
        return body
    lines = [(no, ln) for _i, no, ln in body]
    wrapped = _Wrapping(lines)
    out: Body = []
    k = 0
    while k < len(body):
        i, no, text = body[k]
        while k + 1 < len(body) and _continues(lines, k, wrapped):
            k += 1
            text = text + " " + body[k][2]
            lines[k] = (lines[k][0], text)  # the joined line decides whether it runs on
            wrapped.changed(lines, k)
        out.append((i, no, text))
        k += 1
    return out


def _drop_stray_lines(body: Body, removed: list[RemovedLine]) -> Body:
    """Inside the article, short lines without sentence punctuation (captions, embedded
    headlines) go, except list items, lines after a line ending in a colon, and the last
    line (which a cut-off page leaves unfinished); after the last paragraph,
    headline-shaped and Title-Case lines and fragments of three words or fewer go as
    other articles' headlines or page furniture; the last line stays when only such a
    line stands between it and the last paragraph (:func:`_cut_after_subheading`): it
    is the article's own paragraph, cut off by the page."""
    if not body:
        return body
    last_para = next(
        (
            k
            for k in range(len(body) - 1, -1, -1)
            if ends_sentence(body[k][2]) and not is_title_case(body[k][2])
        ),
        -1,
    )
    cut_last = _cut_after_subheading(body, last_para)
    keep: Body = []
    for k, (i, no, line) in enumerate(body):
        after_end = k > last_para and last_para >= 0
        last = k == len(body) - 1
        if after_end and _trailing(line, last, k == last_para + 1 or (last and cut_last)):
            removed.append(RemovedLine(no, line, "trailing-headline"))
        elif k < len(body) - 1 and _stray(line, body[k - 1][2] if k else ""):
            removed.append(RemovedLine(no, line, "caption"))
        else:
            keep.append((i, no, line))
    return keep


def _cut_after_subheading(body: Body, last_para: int) -> bool:
    """Is the page's last line the article's own paragraph, cut off by the page, after
    one Title-Case line (a subheading, or another article's headline linked inside the
    article, which still goes): one such line of eight words or fewer right after the
    last paragraph, then a last line in sentence case of six words or more, neither a
    dateline?"""
    if last_para < 0 or len(body) - 1 != last_para + 2:
        return False
    sub, last = body[last_para + 1][2], body[-1][2]
    return (
        is_title_case(sub)
        and word_count(sub) <= 8
        and not is_title_case(last)
        and word_count(last) >= 6
        and not any(match_dateline(x) or match_dateline(x, weak=True) for x in (sub, last))
    )


def _trailing(line: str, last: bool, right_after: bool) -> bool:
    """After the article: is the line another article's headline, the lead of another
    article (it starts with a dateline) or a fragment of page furniture? A last line
    right after the last paragraph, in sentence case, of three words or more, is the
    article's own last sentence cut off by the page."""
    if match_dateline(line) or match_dateline(line, weak=True):
        return True
    if last and right_after and not is_title_case(line) and word_count(line) >= 3:
        return False
    return is_headline_like(line) or is_title_case(line) or word_count(line) <= 3


def _stray(line: str, previous: str) -> bool:
    """A short line inside the article without sentence punctuation and not written in
    Title Case (a caption naming someone doing something), not a list item nor a line
    after one ending in a colon. (A Title-Case line inside the article is a subheading
    and stays, unless it is only an official's office and name: a photo's caption.)"""
    if is_name_caption(line):
        return not previous.rstrip().endswith(":")
    if ends_sentence(line) or word_count(line) > 25 or is_list_item(line):
        return False
    if has_quote_mark(line):
        return False  # a quote: the article's words, though the page cut them
    if is_title_case(line) or _REPORTED_RE.search(line):
        return False
    return not previous.rstrip().endswith(":")


def _cut_final_tag(body: Body, removed: list[RemovedLine]) -> None:
    """Cut a reporter tag after the last sentence (in place)."""
    if body:
        i, no, last = body[-1]
        text_part, tag = strip_tag(last)
        if tag is not None:
            removed.append(RemovedLine(no, tag, "reporter-tag"))
            body[-1] = (i, no, text_part)


def __getattr__(name: str) -> Any:
    # ``clean.removal_table`` is kept as an alias of :func:`analysis.corpus.removal_table`,
    # resolved on first use: corpus imports this module, so importing it here at the
    # top would be a cycle.
    if name == "removal_table":
        from .corpus import removal_table  # lazy: corpus imports clean (no cycle)

        return removal_table
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
