"""Mentions: the persons a body names or points at, outside its quotes.

Read on the *masked* body (the words of speech and label quotes blanked), in four
passes, each skipping what an earlier one took:

1. titles, with or without a name after them (``Bupati Lahat Bursah Zarnubi``,
   ``Sekda``), but not a title inside the name of a thing (``Peraturan Bupati``),
   after *para/seluruh/setiap/semua*, before ``Nomor``, or after *mantan/eks* (a
   former office describes someone named before: ``mantan Kapolda Sultra itu``);
2. an honorific and a name, not after a title (``Pak Budiman``, ``H. Budiman``);
3. a bare name right before a reporting verb (``Edward Candra mengatakan``, ``Ramli MS
   mengatakan``), or before an apposition that introduces a person and then a
   reporting verb (``Indah, seorang pedagang sayur di pasar itu mengaku``);
4. later bare uses of a name found so far, or of the leader's (``Budiman berpesan``).

Each mention is then flagged: ``subject`` when it is the subject of its clause (the
person who *mengatakan*, *meminta*, *memimpin* ..., not the one *didampingi*,
*bersama*, *kepada*), ``speech`` when it speaks (subject of a reporting verb, also
across a circumstance or an apposition: ``Wali Kota X di Jayapura, Jumat,
mengatakan``, ``X, akrab disapa AH, menyatakan``; or right after a speech verb: ``kata
Askolani``). In ``Gubernur bersama Wakil Gubernur
menekankan`` the first one speaks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import NamedTuple

from .aliases import Aliases, find_aliases
from .body import Body, paragraph_at
from .names import NameContext, is_placeish, normalize_speaker, read_name, title_key
from .patterns import (
    APPOSITION_NAME_RE,
    CIRCUMSTANCE_REPORT_RE,
    COORDINATION_RE,
    DEMONSTRATIVE_AT_RE,
    FOLLOW_REPORT_RE,
    FOLLOW_VERB_RE,
    HONORIFIC_RE,
    NAME_BEFORE_RE,
    NOMOR_AT_RE,
    NOT_NAMES,
    OBJECT_MARKERS,
    PREV_WORD_RE,
    REPORTING_WORD_RE,
    SPEECH_WORD_RE,
    TITLE_COMPOUND_BEFORE,
    TITLE_RE,
    VERB_WORD_RE,
    alternation,
)

__all__ = ["Mention", "Mentions", "find_mentions", "mention_at"]

# A mention before its flags: (start, end, normalised name, title key).
_Raw = tuple[int, int, str, str]


class Mention(NamedTuple):
    """A person named or pointed at in the text (outside quotes)."""

    start: int
    end: int
    name: str  # normalised name, "" for a title alone or a pronoun
    title: str  # canonical title key, "" if none
    subject: bool  # subject of its clause (not didampingi/bersama/kepada ...)
    speech: bool  # speaker of a quote or subject of a reporting verb
    surface: str  # the words of the text


class Mentions(NamedTuple):
    """The mentions of a body in text order, with their starts (for bisection)."""

    items: list[Mention]
    starts: list[int]
    by_start: dict[int, Mention]
    aliases: Aliases = Aliases({}, ())  # nicknames and the names of the persons


def find_mentions(body: Body, masked: str, ctx: NameContext) -> Mentions:
    """All :class:`Mention` of a body, found on ``masked`` (see the module notes)."""
    taken = _Taken(len(masked))
    raw = _title_mentions(body, masked, ctx, taken)
    raw += _honorific_mentions(body, masked, ctx, taken)
    raw += _reporting_subjects(masked, ctx, taken)
    aliases = find_aliases(masked, sorted(raw), ctx.leader)
    raw += _later_uses(masked, raw, ctx.leader, taken, aliases.nicknames)
    items = _coordinated(masked, _flagged(body, masked, sorted(raw)))
    starts = [m.start for m in items]
    return Mentions(items, starts, {m.start: m for m in items}, aliases)


class _Taken:
    """The character positions already taken by a mention: a span is added in time
    linear in its length, and a position looked up in constant time (a list of spans
    scanned at every lookup made a body with thousands of titles quadratic)."""

    __slots__ = ("_covered",)

    def __init__(self, n: int) -> None:
        self._covered = bytearray(n + 1)

    def add(self, start: int, end: int) -> None:
        """Take the positions ``[start, end)``."""
        if end > start:
            self._covered[start:end] = b"\x01" * (end - start)

    def __contains__(self, pos: int) -> bool:
        return 0 <= pos < len(self._covered) and self._covered[pos] == 1


def _title_mentions(body: Body, masked: str, ctx: NameContext, taken: _Taken) -> list[_Raw]:
    """Pass 1: titles, with the name read after each."""
    out: list[_Raw] = []
    for m in TITLE_RE.finditer(masked):
        if m.start() in taken:
            continue
        prev = PREV_WORD_RE.search(masked, max(0, m.start() - 40), m.start())
        prev_w = prev.group(1).lower().strip("(\"'“”,") if prev else ""
        if prev_w in TITLE_COMPOUND_BEFORE or prev_w in ("para", "seluruh", "setiap", "semua"):
            continue
        if NOMOR_AT_RE.match(masked, m.end()):
            continue
        limit = paragraph_at(body, m.start()).end
        name, end = read_name(masked, m.end(), after_title=True, limit=limit, ctx=ctx)
        end = max(end, m.end())
        taken.add(m.start(), end)
        if prev_w in ("mantan", "eks", "bekas"):
            continue  # a former office only describes someone: ``mantan Kapolda Sultra itu``
        if name and DEMONSTRATIVE_AT_RE.match(masked, end):
            continue  # so does an office and a demonstrative: ``Direktur ... ini meminta``
        out.append((m.start(), end, name, title_key(m.group())))
    return out


def _honorific_mentions(body: Body, masked: str, ctx: NameContext, taken: _Taken) -> list[_Raw]:
    """Pass 2: an honorific and a name not after a title (``Pak Budiman``)."""
    out: list[_Raw] = []
    for m in HONORIFIC_RE.finditer(masked):
        if m.start() in taken or TITLE_RE.match(masked, m.end()):
            continue
        limit = paragraph_at(body, m.start()).end
        name, end = read_name(masked, m.start(), after_title=False, limit=limit, ctx=ctx)
        if name and name.split()[0].lower() not in ("kota", "negara", "pertiwi"):
            out.append((m.start(), end, name, ""))
            taken.add(m.start(), end)
    return out


# A word of origin or place right before a capitalised word makes it a place, not the
# subject: ``kepala dinas asal Cikaret itu menilai``, ``pria kelahiran Bandung itu
# mengatakan``.
_ORIGIN_BEFORE_RE = re.compile(r"\b(?:asal|kelahiran|dari|di|ke)[ \t]+$")


def _reporting_subjects(masked: str, ctx: NameContext, taken: _Taken) -> list[_Raw]:
    """Pass 3: a bare name right before a reporting verb (``Edward Candra mengatakan``,
    ``Setda Muaro Jambi Fauzan Harahap menyebut``: the place before it left out), or
    before an apposition and its reporting verb (``Indah, seorang pedagang sayur di
    pasar itu mengaku``)."""
    out: list[_Raw] = []
    for m in REPORTING_WORD_RE.finditer(masked):
        window_start = max(0, m.start() - 120)
        w = NAME_BEFORE_RE.search(masked[window_start : m.start()])
        if not w:
            continue
        found = _bare_name(masked, window_start + w.start(1), w.group(1).split(), ctx)
        e = window_start + w.end(1)
        if (
            found
            and not (found[0] in taken or e - 1 in taken)
            and not _ORIGIN_BEFORE_RE.search(masked, max(0, found[0] - 12), found[0])
        ):
            out.append((found[0], e, found[1], ""))
            taken.add(found[0], e)
    for m in APPOSITION_NAME_RE.finditer(masked):
        found = _bare_name(masked, m.start(), m.group(1).split(), ctx)
        e = m.end(1)
        if (
            found
            and not (found[0] in taken or e - 1 in taken)
            and CIRCUMSTANCE_REPORT_RE.match(masked, e)
        ):
            out.append((found[0], e, found[1], ""))
            taken.add(found[0], e)
    return out


def _bare_name(masked: str, s: int, toks: list[str], ctx: NameContext) -> tuple[int, str] | None:
    """(start, normalised name) of the words ``toks`` at ``s`` read as a bare name:
    leading titles, places and words in capitals left out, a short word in capitals
    kept at the end (``Ramli MS``); ``None`` when a place or another word that is no
    name is left."""
    s, toks = _drop_leading_non_names(masked, s, toks)
    while toks and (
        (toks[0].isupper() and len(toks[0].rstrip(".")) > 1)
        or is_placeish(toks[0].rstrip("."), ctx.places)
    ):
        s += len(toks[0])
        toks = toks[1:]
        while s < len(masked) and masked[s] in " \t":
            s += 1
    if len(toks) > 1 and toks[-1].isupper() and len(toks[-1]) <= 3:
        toks = toks[:-1]  # ``Ramli MS``: initials after the name
    if not toks or any(
        t.isupper() or is_placeish(t.rstrip("."), ctx.places) or t.rstrip(".").lower() in NOT_NAMES
        for t in toks
        if len(t.rstrip(".")) > 1
    ):
        return None
    name = normalize_speaker(" ".join(toks))
    return (s, name) if name else None


def _drop_leading_non_names(masked: str, s: int, toks: list[str]) -> tuple[int, list[str]]:
    """Skip the words before a name that are no name (``Dalam``, ``Sekda``)."""
    while toks and (toks[0].rstrip(".").lower() in NOT_NAMES or TITLE_RE.fullmatch(toks[0])):
        s += len(toks[0]) + 1
        toks = toks[1:]
        while s < len(masked) and masked[s] in " \t":
            s += 1
    return s, toks


def _later_uses(
    masked: str,
    raw: list[_Raw],
    leader: str,
    taken: _Taken,
    nicknames: dict[str, str],
) -> list[_Raw]:
    """Pass 4: later bare uses of a name already found, of the leader's, or of a
    nickname the text gives (``AH menegaskan``)."""
    nicks = {w for nick in nicknames for w in (nick, nick.split()[-1]) if w[:1].isalpha()}
    names = sorted(
        {n for *_, n, _t in raw if n} | ({leader} - {""}) | {n for n in _cased(masked, nicks)}
    )
    if not names:
        return []
    out: list[_Raw] = []
    rx = re.compile(r"(?<![\w.])(?:" + alternation(names) + r")\b")
    for m in rx.finditer(masked):
        if m.start() not in taken:
            out.append((m.start(), m.end(), m.group(), ""))
            taken.add(m.start(), m.end())
    return out


def _cased(masked: str, lower: set[str]) -> set[str]:
    """The forms of the lower-case words ``lower`` as the text writes them."""
    if not lower:
        return set()
    rx = re.compile(r"(?<![\w.])(?:" + alternation(lower) + r")\b", re.IGNORECASE)
    return {m.group() for m in rx.finditer(masked) if m.group()[0].isupper()}


def _flagged(body: Body, masked: str, raw: list[_Raw]) -> list[Mention]:
    """Mentions with their subject and speech flags."""
    text = body.text
    mentions: list[Mention] = []
    for start, end, name, title in raw:
        prev = PREV_WORD_RE.search(masked, max(0, start - 30), start)
        rep = (
            FOLLOW_REPORT_RE.match(masked, end)
            or (prev is not None and SPEECH_WORD_RE.fullmatch(prev.group(1).lower()))
            or CIRCUMSTANCE_REPORT_RE.match(masked, end, paragraph_at(body, start).end)
        )
        subject = is_subject(body, masked, start, end)
        surface = " ".join(text[start:end].split())
        mentions.append(Mention(start, end, name, title, subject, bool(rep), surface))
    return mentions


def _coordinated(masked: str, mentions: list[Mention]) -> list[Mention]:
    """``Gubernur bersama Wakil Gubernur menekankan``: the first one speaks."""
    for k in range(1, len(mentions)):
        cur, prev = mentions[k], mentions[k - 1]
        if cur.speech and COORDINATION_RE.fullmatch(masked, prev.end, cur.start):
            mentions[k - 1] = prev._replace(speech=True, subject=True)
            mentions[k] = cur._replace(speech=False, subject=False)
    return mentions


def is_subject(body: Body, masked: str, start: int, end: int) -> bool:
    """Is the mention at ``start:end`` the subject of its clause?"""
    p0 = paragraph_at(body, start).start
    prev = PREV_WORD_RE.search(masked, max(p0, start - 40), start)
    if prev:
        w = prev.group(1)
        low = w.lower().strip("(\"'“”")
        if low in OBJECT_MARKERS:
            return False
        if SPEECH_WORD_RE.fullmatch(low):
            return True  # ``kata Askolani``: the speaker
        if VERB_WORD_RE.match(low) and not w.endswith(","):
            return bool(FOLLOW_REPORT_RE.match(masked, end))
    return bool(FOLLOW_VERB_RE.match(masked, end)) or bool(FOLLOW_REPORT_RE.match(masked, end))


def mention_at(
    body: Body, masked: str, mentions: Mentions, ctx: NameContext, pos: int
) -> Mention | None:
    """The mention starting at ``pos`` (after spaces), or a new one read there: a title
    (with or without a name) or a bare name; ``None`` when there is neither."""
    while pos < len(masked) and masked[pos] in " \t":
        pos += 1
    m = mentions.by_start.get(pos)
    if m is not None:
        return m
    limit = paragraph_at(body, pos).end
    # ``kata bupati H Nama``: a title in lower case is read capitalised from ``pos``
    lower = masked[pos : pos + 1].islower()
    probe, base = (masked[pos].upper() + masked[pos + 1 : pos + 80], pos) if lower else (masked, 0)
    t = TITLE_RE.match(probe, pos - base)
    if t:
        t_end = base + t.end()
        name, end = read_name(masked, t_end, after_title=True, limit=limit, ctx=ctx)
        if name or not lower:  # a lower-case title alone is a description, not a mention
            return Mention(
                pos, max(end, t_end), name, title_key(t.group()), True, True, masked[pos:end]
            )
    name, end = read_name(masked, pos, after_title=False, limit=limit, ctx=ctx)
    if name:
        return Mention(pos, end, name, "", True, True, masked[pos:end])
    return None


def mentions_from(mentions: Mentions, s: int, e: int) -> Iterator[Mention]:
    """The mentions that start in ``[s, e)``, in text order (read lazily: a caller that
    wants the first one reads no further)."""
    k = bisect_left(mentions.starts, s)
    while k < len(mentions.items) and mentions.items[k].start < e:
        yield mentions.items[k]
        k += 1
