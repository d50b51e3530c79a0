"""People's names: reading a name after a title or honorific, and normalising it.

Speaker names are written as in the text without honorifics before them (*H., Hj.,
Dr., Pak, Bapak, Pakde, Bu, Ibu* ...) or degrees after them (*S.STP., MM., SH., MH*):
``Pakde Slamet`` -> ``Slamet``, ``H. Askolani, SH.,MH`` -> ``Askolani``; initials stay
(``M. Rahmattullah``). Police and military ranks are read like honorifics, with their
corps or retirement (``Kombes Pol. Hari``, ``Komjen (Purn) Andap`` -> ``Hari``,
``Andap``); a rank after a title and a comma starts the holder's name (``Kapolres
Sukamaju, AKBP Arif``).

A place name between a title and a name (``Bupati Lahat Bursah Zarnubi``) is
recognised from place words (directions, provinces, ``Kabupaten X``/``Pemkab X`` in the
text, the ``places`` given), from a short form of the name used alone elsewhere
(``ujar Bursah``, an *anchor*) and from the leader's name; without any of these the
place stays in the name. Office words (``Kepala Dinas Kesehatan``) are skipped the same
way, and ``Bupati Luwu Timur, H. Budiman`` reads the name after the comma.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from .patterns import (
    ANCHOR_RE,
    COMMA_AT_RE,
    DEGREE_RUN_RE,
    DEGREES,
    FOLLOW_REPORT_RE,
    HONORIFIC_RE,
    HONORIFICS,
    HONORIFICS_NEED_DOT,
    NAME_ABBREVIATIONS,
    NICKNAMED,
    NOT_NAMES,
    OFFICE_NOUN_RE,
    OFFICE_WORDS,
    PLACE_AFTER_MARKER_RE,
    PLACE_AFTER_PREPOSITION_RE,
    PLACE_MARKERS,
    PLACE_WORDS,
    RANK_SUFFIXES,
    RANKS,
    TITLE_RE,
    TOK_RE,
)

__all__ = [
    "NameContext",
    "name_context",
    "normalize_speaker",
    "read_name",
    "role_key",
    "title_key",
]

_TITLE_SYNONYMS = (
    (re.compile(r"^penjabat (?:\(pj\) )?"), "pj "),
    (re.compile(r"^pelaksana tugas (?:\(plt\) )?"), "plt "),
    (re.compile(r"^pelaksana harian (?:\(plh\) )?"), "plh "),
    (re.compile(r"\bwali ?kota\b|\bwako\b"), "wali kota"),
    (re.compile(r"\bsekretaris daerah\b|\bsekda(?:kab|kot|prov|ko)?\b"), "sekda"),
    (re.compile(r"\bwabu[pb]\b"), "wakil bupati"),
    (re.compile(r"\bwagub\b"), "wakil gubernur"),
    (re.compile(r"\bwawa(?:ko|li)\b"), "wakil wali kota"),
    (re.compile(r"\bkadis\b"), "kepala dinas"),
    (re.compile(r"\bkaban\b"), "kepala badan"),
    (re.compile(r"\bkabag\b"), "kepala bagian"),
    (re.compile(r"\bkades\b"), "kepala desa"),
)

# The words of a name being read, each (word without its final period, start, end,
# kind); kinds: "hon" honorific, "init" initial, "cap" capitalised word, "caps" word in
# capitals, "deg" degree, "part" bin/binti.
_Token = tuple[str, int, int, str]


class NameContext(NamedTuple):
    """What one document tells about the names in it."""

    leader: str  # the metadata leader, normalised ("" if none)
    role_key: str  # title key of the metadata role ("" if none)
    leader_tokens: frozenset[str]  # lower-case words of the leader's name (> 2 letters)
    places: frozenset[str]  # lower-case words of place names
    anchors: frozenset[str]  # lower-case short names used alone (``ujar Bursah``)


@lru_cache(maxsize=512)
def title_key(title: str) -> str:
    """Canonical key of a title: ``Sekretaris Daerah``/``Sekda`` -> ``sekda``."""
    t = " ".join(title.replace(".", " ").split()).lower()
    for rx, canonical in _TITLE_SYNONYMS:
        t = rx.sub(canonical, t)
    return t


def role_key(role: str | None) -> str:
    """Title key of a metadata role (``"Sekretaris Daerah"`` -> ``"sekda"``), or ``""``."""
    if not role:
        return ""
    m = TITLE_RE.match(role.strip())
    return title_key(m.group() if m else role)


def normalize_speaker(name: str | None) -> str:
    """A person's name without honorifics before it or degrees after it.

    Parameters
    ----------
    name : str or None
        A name as written (anything else gives ``""``).

    Returns
    -------
    str
        The name without honorifics (``H.``, ``Pakde`` ...) before it, without what
        follows a comma, and without degrees (``SH``, ``M.Kes`` ...) after it.

    Examples
    --------
    >>> normalize_speaker("H. Askolani, SH.,MH")
    'Askolani'
    >>> normalize_speaker("Pakde Slamet")
    'Slamet'
    >>> normalize_speaker("M. Rahmattullah, S.STP., MM.")
    'M. Rahmattullah'
    >>> normalize_speaker("Kombes Pol. Hari Rosena")
    'Hari Rosena'
    >>> normalize_speaker("M.Si")
    ''
    """
    if not isinstance(name, str):
        return ""
    s = re.sub(r"\s+", " ", name).strip().strip(",;:")
    s = s.split(",")[0].strip()
    words = s.split(" ")
    after_rank = False
    while words:
        w = words[0]
        core = w.rstrip(".").lower()
        if after_rank and core.strip("()") in RANK_SUFFIXES:
            words.pop(0)  # ``Kombes Pol.``, ``Komjen (Purn)``
        elif core in HONORIFICS and (w.endswith(".") or core not in HONORIFICS_NEED_DOT):
            words.pop(0)
            after_rank = core in RANKS
        else:
            break
    while (
        len(words) > 1
        and words[-1].replace(".", "").lower() in DEGREES
        and (words[-1].replace(".", "").isupper() or "." in words[-1])
    ):
        words.pop()
    if (
        len(words) == 1
        and "." in words[0].strip(".")
        and words[0].replace(".", "").lower() in DEGREES
    ):
        return ""  # a degree alone (``M.Si``, ``S.Sos``) is nobody's name
    return " ".join(words).strip(" .")


def is_placeish(core: str, places: frozenset[str] | set[str]) -> bool:
    """Is a capitalised word part of a place or an office rather than of a name?"""
    low = core.lower()
    return (
        low in PLACE_WORDS
        or low in places
        or (core.isupper() and len(core) >= 2)
        or low in OFFICE_WORDS
        or bool(OFFICE_NOUN_RE.match(low))
    )


# ------------------------------------------------------------------ the context


def name_context(
    text: str, leader: str | None, role: str | None, places: Iterable[str] | None
) -> NameContext:
    """The :class:`NameContext` of a body with the document's metadata."""
    leader_name = normalize_speaker(leader) if isinstance(leader, str) else ""
    leader_tokens = frozenset(
        w.lower() for w in leader_name.replace(".", " ").split() if len(w) > 2
    )
    anchors = _anchors(text, leader_tokens)
    place_words = _place_words(text, places, leader_tokens, anchors) | (
        _places_after_prepositions(text) - anchors - leader_tokens
    )
    anchors -= place_words
    return NameContext(
        leader_name,
        role_key(role if isinstance(role, str) else None),
        leader_tokens,
        place_words,
        frozenset(anchors),
    )


def _place_words(
    text: str, places: Iterable[str] | None, leader_tokens: frozenset[str], anchors: set[str]
) -> frozenset[str]:
    """Words of places: after ``Kabupaten``/``Pemkab``/... in the text, and the capitalised
    words of the ``places`` given that are not words of the leader's name.

    The first word after a marker is a place; each next one only when it is a place
    word (``Utara``, ``Jambi``) or the text writes it after the word before it more
    than once (``Rejang Lebong`` twice): a name that follows the place is written
    there once (``Sekda Kabupaten Sukamaju Darto Wiyono`` and then ``Darto``). The
    words also stop at a short name the text uses alone (``anchors``), the first word
    too: in ``Kepala BPBD Kabupaten Blitar Ivong Berttyanto`` with ``Ivong
    mengatakan`` elsewhere, the place is Blitar and Ivong starts the name; in ``Kepala
    Desa Darto Wiyono`` with ``Darto menambahkan``, no village is named."""
    found: set[str] = set()
    flat = ""  # the text on one line, made when first needed
    for m in PLACE_AFTER_MARKER_RE.finditer(text):
        words = m.group(1).split()
        for i, w in enumerate(words):
            low = w.lower().rstrip(".")
            if i and low not in PLACE_WORDS and not flat:
                flat = " ".join(text.split())
            if (
                (low in NOT_NAMES and low not in PLACE_WORDS)
                or low in anchors
                or (i and low not in PLACE_WORDS and flat.count(f"{words[i - 1]} {w}") < 2)
            ):
                break
            found.add(low)
    for place in places or ():
        if isinstance(place, str):
            found.update(
                w.lower()
                for w in re.findall(r"[A-Za-z][\w’'\-]*", place)
                if w[0].isupper() and w.lower() not in leader_tokens
            )
    return frozenset(found)


def _places_after_prepositions(text: str) -> set[str]:
    """Capitalised words the text puts right after ``di``/``ke``/``dari`` or a lower-case
    place noun (``ke Cikande``, ``pulau Lombok``), less office and title words: places,
    which a title may be followed by (``Camat Cikande``) but a name does not start with.
    Words that speak elsewhere (``kata Asep``) are left to the caller to keep out."""
    found = set()
    for m in PLACE_AFTER_PREPOSITION_RE.finditer(text):
        low = m.group(1).lower()
        if low not in NOT_NAMES or low in PLACE_WORDS:
            found.add(low)
    return found


def _anchors(text: str, leader_tokens: frozenset[str]) -> set[str]:
    """Short names used alone (``kata Bursah``, ``Ridho menegaskan``), which mark where a
    name starts after a title and a place: ``Bupati Lahat Bursah Zarnubi``."""
    anchors = set(leader_tokens)
    for m in ANCHOR_RE.finditer(text):
        w = m.group("a") or m.group("b")
        if w and w.lower() not in NOT_NAMES and not TITLE_RE.fullmatch(w):
            anchors.add(w.lower())
    return anchors


# ------------------------------------------------------------------ reading a name


def read_name(
    text: str, pos: int, *, after_title: bool, limit: int, ctx: NameContext
) -> tuple[str, int]:
    """Read a name starting at ``pos`` of ``text`` (not past ``limit``).

    Returns the normalised name (``""`` if the words there are no name) and the offset
    where the words read end (after degrees, when a name was read).
    """
    toks, end, region_mode = _scan_words(text, pos, limit, after_title, ctx.places)
    name_toks = _name_words(toks, region_mode=region_mode, after_title=after_title, ctx=ctx)
    # ``Bupati Luwu Timur, H. Budiman``: the words before the comma were a place.
    if after_title:
        found = _name_after_comma(text, end, limit, toks, name_toks, ctx)
        if found is not None:
            return found
    if not name_toks:
        return "", end
    name = normalize_speaker(text[name_toks[0][1] : name_toks[-1][2]])
    return name, skip_degrees(text, end, limit)


def _word_kind(core: str, dot: bool, has_words: bool) -> str | None:
    """Kind of one word while reading a name, ``None`` when it cannot be part of one."""
    low = core.lower()
    if (
        low in HONORIFICS
        and (dot or low not in HONORIFICS_NEED_DOT)
        and (core[0].isupper() or low in ("dr", "drg"))
    ):
        return "hon"
    if core[0].isupper():
        if len(core) == 1:
            return "init" if dot else "cap"
        if core.isupper() and low.replace(".", "") in DEGREES and has_words:
            return "deg"
        return "caps" if core.isupper() else "cap"
    if low in ("bin", "binti") and has_words:
        return "part"
    return None


def _is_rank(word: str) -> bool:
    """Is ``word`` (as read) a rank or the corps or retirement after one?"""
    low = word.lower()
    return low in RANKS or low in RANK_SUFFIXES


def _only_places(toks: list[_Token], region_mode: bool, places: frozenset[str]) -> bool:
    """Are the capitalised words read so far all places (or read in region mode), so
    that a parenthesis after them may be passed over?"""
    return all(
        k != "cap" or region_mode or c.lower() in PLACE_WORDS or c.lower() in places
        for c, _s, _e, k in toks
    )


def _not_a_name(core: str, region_mode: bool, after_rank: bool) -> bool:
    """Does a capitalised word stop a name (a word of :data:`NOT_NAMES` outside a region
    and not a place word; after a rank only an office title does: ``Kombes Hari``)?"""
    low = core.lower()
    return (
        low in NOT_NAMES
        and not region_mode
        and low not in PLACE_WORDS
        and not (after_rank and not TITLE_RE.fullmatch(core))
    )


def _scan_words(
    text: str, pos: int, limit: int, after_title: bool, places: frozenset[str] = frozenset()
) -> tuple[list[_Token], int, bool]:
    """The words of a name candidate from ``pos``: (words, end offset, region mode).

    Reading stops at a comma, a word that cannot be part of a name, a full stop after a
    word, or ten words. A parenthesis (``(Sekda)``, ``Gubernur Riau (Gubri)``) is passed
    over after a title until a name word other than a place word was read; region mode
    starts at a place marker (``Kabupaten``).
    """
    toks: list[_Token] = []
    p = paren_end = pos
    region_mode = False
    while len(toks) < 10 and p < limit:
        m = TOK_RE.match(text, p, limit)
        if not m or m.group(1) == ",":
            break
        tok, s, e = m.group(1), m.start(1), m.end(1)
        after_rank = bool(toks) and _is_rank(toks[-1][0])
        if after_rank and tok.strip("().").lower() in RANK_SUFFIXES:
            toks.append((tok.strip("()."), s, e, "hon"))  # ``Kombes Pol.``, ``(Purn)``
            p = e
            continue
        if tok[0] == "(":
            if after_title and _only_places(toks, region_mode, places):
                p = paren_end = e
                continue
            break
        dot = tok.endswith(".")
        core = tok[:-1] if dot else tok
        low = core.lower()
        kind = _word_kind(core, dot, bool(toks))
        if kind is None:
            break
        if kind == "cap" and _not_a_name(core, region_mode, after_rank):
            break
        if kind in ("cap", "caps") and low in PLACE_MARKERS and after_title:
            region_mode = True
        p = e
        if dot and kind == "cap" and len(core) > 1 and low not in DEGREES | NAME_ABBREVIATIONS:
            toks.append((core, s, e - 1, kind))
            break  # a full stop after a word ends the sentence
        toks.append((core, s, e, kind))
    return toks, max(toks[-1][2] if toks else pos, paren_end), region_mode


def _name_words(
    toks: list[_Token], *, region_mode: bool, after_title: bool, ctx: NameContext
) -> list[_Token]:
    """The words of ``toks`` that are the name: after honorifics, places and offices,
    before degrees, ending in a name word; ``[]`` when no capitalised word is left."""
    hon = [i for i, t in enumerate(toks) if t[3] == "hon"]
    if hon:
        name_toks = toks[hon[-1] + 1 :]
    elif region_mode:
        # ``Kepala BPBD Kabupaten Blitar Ivong Berttyanto``: a name the text uses
        # alone (an anchor) after the place marker and its first word starts the name
        marker = next((i for i, t in enumerate(toks) if t[0].lower() in PLACE_MARKERS), 0)
        lead = [i for i, t in enumerate(toks) if i > marker + 1 and t[0].lower() in ctx.anchors]
        name_toks = toks[lead[0] :] if lead else []
    elif after_title:
        name_toks = _after_place(toks, ctx)
    else:
        name_toks = toks
    for i, t in enumerate(name_toks):  # degrees end the name
        if t[3] == "deg":
            name_toks = name_toks[:i]
            break
    while name_toks and name_toks[-1][3] in ("caps", "part", "hon"):
        name_toks = name_toks[:-1]
    if not any(t[3] == "cap" for t in name_toks):
        return []
    return name_toks


def _after_place(toks: list[_Token], ctx: NameContext) -> list[_Token]:
    """After a title: the words from the first anchor on, or else after the leading
    place, office and all-capitals words."""
    lead = [i for i, t in enumerate(toks) if t[0].lower() in ctx.anchors]
    if lead:
        return toks[lead[0] :]
    i = 0
    while i < len(toks) and (toks[i][3] == "caps" or is_placeish(toks[i][0], ctx.places)):
        i += 1
    return toks[i:]


# A lower-case word after the name's closing comma: the apposition ends and the sentence
# goes on (``Bupati Tanah Merdu, Darma Wiratmaja, memimpin rapat``).
_VERB_AFTER_RE = re.compile(r",[ \t]+[a-z]")
# A nickname declared right after the name, the apposition closed by a comma: only a
# person has one (``Bupati Tanah Merdu, Darma Wiratmaja yang akrab disapa Bang Darma,
# memimpin rapat``).
_NICK_AFTER_RE = re.compile(
    r"[ \t]+" + NICKNAMED + r"[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}[ \t]*,"
)


def _name_after_comma(
    text: str,
    end: int,
    limit: int,
    toks: list[_Token],
    name_toks: list[_Token],
    ctx: NameContext,
) -> tuple[str, int] | None:
    """``Bupati Luwu Timur, H. Budiman``: the name after the comma, when the words before
    it were a place (or no name) or a rank follows the comma, and the words after it are
    a name, not another title."""
    after_comma = COMMA_AT_RE.match(text, end, limit)
    if not after_comma:
        return None
    nxt = after_comma.end()
    if TITLE_RE.match(text, nxt):
        return None
    placeish = not name_toks or any(is_placeish(t[0], ctx.places) for t in toks)
    honorific = HONORIFIC_RE.match(text, nxt)
    # a rank after the comma always starts the holder's name: ``Kapolres Sukamaju, AKBP X``
    ranked = honorific is not None and _is_rank(honorific.group().split()[0].rstrip("."))
    if name_toks and not ((placeish or ranked) and honorific):
        # ``Wali Kota Sukamaju, Ahmad Fauzi, menegaskan``: an unknown place is a place
        # when a name in commas and a reporting verb follow
        name2, end2 = read_name(text, nxt, after_title=False, limit=limit, ctx=ctx)
        end2 = skip_degrees(text, end2, limit)
        if name2 and (
            (
                text[end2 : end2 + 1] == ","
                and (
                    FOLLOW_REPORT_RE.match(text, end2, limit)
                    or _VERB_AFTER_RE.match(text, end2, limit)
                )
            )
            or _NICK_AFTER_RE.match(text, end2, limit)
        ):
            return name2, end2
        return None
    name2, end2 = read_name(text, nxt, after_title=False, limit=limit, ctx=ctx)
    if not name2:
        return None
    return name2, skip_degrees(text, end2, limit)


def skip_degrees(text: str, end: int, limit: int) -> int:
    """Move ``end`` over degrees after a name: ``, S.STP., MM.,``."""
    m = DEGREE_RUN_RE.match(text, end, limit)
    if not m:
        return end
    words = re.findall(r"[A-Za-z]+", m.group())
    run = m.group().replace(".", "").replace(",", " ").split()
    if words and all(w.lower() in DEGREES or len(w) == 1 for w in run):
        return m.end()
    return end
