"""Aliases: the other names a body gives a person, and the fullest form of a name.

The codebook names a speaker "as named in the article, in the fullest form used
there". News of the genre names a leader once in full and then by a short form or a
nickname, so a speaker read next to a quote (``ujar Unu``, ``kata Emil``) is mapped
back to the full name:

- **nicknames** the text declares: after the full name or a title (``Andi Rudi Latif
  yang akrab disapa Bang Arul``, ``X alias Dinda``, ``wali kota yang akrab disapa
  Appi``), or before it (``Hendi sapaan akrab Wali Kota Semarang`` -> the holder of
  that title; ``kata Emil, sapaan akrabnya`` -> the person named last before it). An
  honorific in a nickname (*Bang, Kak, Cak, Kang, Daeng* ...) is left out;
- **nicknames in brackets** after the full name (``Rudy Mas'ud (Harum)``);
- **short forms**: a name that is a word of exactly one fuller name in the text
  (``Unu`` for ``Unu Ibnudin``), or a prefix of its first word (``Herman`` for
  ``Hermansyah``, ``Nil`` for ``Nilmaizar``); failing that, a one-word name followed by
  capitalised words somewhere in the text (``Ade`` for ``... Kota Bogor Ade Sarip
  Hidayat``); failing that, the last syllables of a leader's name (``Rizal`` for ``W
  Kartarizal``). A short form that fits two persons is left as it is.

Everything here reads the masked body and the mentions found before (plain tuples), so
it runs once per body.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from typing import NamedTuple

from .names import normalize_speaker, title_key
from .patterns import (
    ALIAS_RE,
    CAPITAL_RUN_RE,
    HONORIFICS,
    NICK_SAPAAN_RE,
    PAREN_NICK_RE,
    TITLE_BEFORE_ALIAS_RE,
    TITLE_RE,
)

__all__ = ["Aliases", "find_aliases", "fullest_name"]

# A mention as read before its flags: (start, end, normalised name, title key).
_Raw = tuple[int, int, str, str]


#: The title keys (:func:`analysis.quotes.names.title_key`) of a region's leaders, whose
#: popular nicknames the genre uses: the heads, their deputies and secretaries, and the
#: acting ones (``pj``, ``plt``, ``plh``).
_OFFICES = (
    "bupati",
    "wakil bupati",
    "wali kota",
    "wakil wali kota",
    "gubernur",
    "wakil gubernur",
    "sekda",
)
LEADER_TITLES = frozenset(
    acting + office for acting in ("", "pj ", "plt ", "plh ") for office in _OFFICES
)


class Aliases(NamedTuple):
    """What a body tells about other names of its persons."""

    nicknames: dict[str, str]  # lower-case nickname -> full name
    names: tuple[str, ...]  # the names of the persons mentioned (normalised)
    text: str = ""  # the masked body, read for capitalised runs only when needed
    leaders: tuple[str, ...] = ()  # the names of the region's leaders (titles, metadata)


# The capitalised word right before a nickname phrase: ``tegas Munafri [yang akrab ...]``.
_WORD_BEFORE_RE = re.compile(r"(?<![\w'’-])([A-Z][a-z'’]{2,})[ \t,]*$")


def find_aliases(masked: str, raw: list[_Raw], leader: str = "") -> Aliases:
    """The :class:`Aliases` of a body from its mentions ``raw`` (sorted by start).

    Parameters
    ----------
    masked : str
        The body with its quotes blanked.
    raw : list of tuple
        The mentions found so far: (start, end, normalised name, title key), by start.
    leader : str
        The document's leader from metadata (normalised), ``""`` when none.

    Returns
    -------
    Aliases
        The nicknames the text declares and the names of its persons.
    """
    named = [m for m in raw if m[2]]
    starts = [m[0] for m in named]
    by_title: dict[str, list[tuple[int, str]]] = {}
    for s, _e, name, title in named:
        if title:
            by_title.setdefault(title, []).append((s, name))
    out: dict[str, str] = {}
    for m in ALIAS_RE.finditer(masked):
        full = _named_before(masked, m.start(), named, starts, by_title)
        _add(out, m.group("nick"), full)
    for m in NICK_SAPAAN_RE.finditer(masked):
        if m.group("nya") or m.group("after") is None:
            # ``kata Emil, sapaan akrabnya``: the person named last before the nickname
            full = _last_named(named, starts, m.start(), m.group("nick"))
        else:
            full = _named_after(masked, m.start("after"), named, starts, by_title)
        _add(out, m.group("nick"), full)
    for _s, end, name, _t in named:  # ``Rudy Mas'ud (Harum)``
        p = PAREN_NICK_RE.match(masked, end)
        if p:
            _add(out, p.group("nick"), name)
    names = {name for name in (m[2] for m in named)} | ({leader} - {""})
    leaders = {name for _s, _e, name, title in named if title in LEADER_TITLES}
    leaders |= {leader} - {""}
    return Aliases(out, tuple(sorted(names)), masked, tuple(sorted(leaders)))


def _add(out: dict[str, str], nick: str, full: str) -> None:
    """Record ``nick`` (and its form without an honorific) as a name of ``full``."""
    if not full:
        return
    for form in {nick, normalize_speaker(nick)}:
        if form and form.lower() not in full.lower():
            out[form.lower()] = full


def _holder(by_title: dict[str, list[tuple[int, str]]], key: str, pos: int) -> str:
    """The name the text gives the holder of title ``key``: the last one named before
    ``pos``, else the first named after it."""
    found = by_title.get(key, [])
    if not found:
        return ""
    before = [name for s, name in found if s < pos]
    return before[-1] if before else found[0][1]


def _named_before(
    masked: str,
    pos: int,
    named: list[_Raw],
    starts: list[int],
    by_title: dict[str, list[tuple[int, str]]],
) -> str:
    """The person a nickname phrase at ``pos`` follows: a title just before it
    (``wali kota yang akrab disapa``), else a person named in the 60 characters before,
    else the person named before whose name has the word just before the phrase, in its
    fullest form (``,” tegas Munafri yang akrab disapa Appi`` after ``Wali Kota Munafri
    Arifuddin``)."""
    t = TITLE_BEFORE_ALIAS_RE.search(masked, max(0, pos - 60), pos)
    if t:
        return _holder(by_title, title_key(t.group().split(" yang")[0].strip(" ,\t")), pos)
    k = bisect_left(starts, pos) - 1
    if k >= 0 and pos - named[k][1] <= 60:
        return named[k][2]
    w = _WORD_BEFORE_RE.search(masked, max(0, pos - 40), pos)
    if w:
        word = w.group(1).lower()
        fits = [m[2] for m in named[: k + 1] if word in m[2].lower().split()]
        if fits:  # the fullest of them, the last named among equals
            return max(reversed(fits), key=lambda name: len(name.split()))
    return ""


def _named_after(
    masked: str,
    pos: int,
    named: list[_Raw],
    starts: list[int],
    by_title: dict[str, list[tuple[int, str]]],
) -> str:
    """The person a nickname is given to after ``sapaan akrab`` at ``pos``: the mention
    there (``Wali Kota Semarang Hendrar Prihadi``) or the holder of its title."""
    k = bisect_left(starts, pos)
    if k < len(named) and named[k][0] == pos:
        return named[k][2]
    t = TITLE_RE.match(masked, pos)
    if t:
        return _holder(by_title, title_key(t.group()), pos)
    return ""


def _last_named(named: list[_Raw], starts: list[int], pos: int, nick: str) -> str:
    """The name of the last person named before ``pos`` other than ``nick`` itself."""
    low = normalize_speaker(nick).lower()
    for k in range(bisect_left(starts, pos) - 1, -1, -1):
        name = named[k][2]
        if low not in name.lower().split():
            return name
    return ""


def fullest_name(name: str, aliases: Aliases) -> str:
    """The fullest form of ``name`` the body uses.

    Parameters
    ----------
    name : str
        A normalised speaker name.
    aliases : Aliases
        The body's aliases (:func:`find_aliases`).

    Returns
    -------
    str
        The full name of a nickname; else the one longer name of the body that holds
        every word of ``name`` (a one-word name may be a prefix of its first word, of
        three letters or more: ``Nil`` -> ``Nilmaizar``, or of a later word, of four or
        more: ``Risma`` -> ``Tri Rismaharini``); else, for a one-word name the
        mentions missed, the one capitalised run of the text that goes on after it;
        else the one leader's name with a longer word ending in the name's one word of
        four letters or more, initials and honorifics aside (``H Rizal`` -> ``W
        Kartarizal``, the Bupati); else ``name`` as it is.

    Examples
    --------
    >>> al = Aliases({"hendi": "Hendra Prasetya"}, ("Hendra Prasetya", "Unu Ibnu Salim"))
    >>> fullest_name("Hendi", al), fullest_name("Unu", al), fullest_name("Salim", al)
    ('Hendra Prasetya', 'Unu Ibnu Salim', 'Unu Ibnu Salim')
    >>> fullest_name("Hend", al)
    'Hendra Prasetya'
    """
    if not name or not name[0].isupper():
        return name
    full = aliases.nicknames.get(name.lower())
    if full:
        return full
    words = name.lower().replace(".", " ").split()
    whole = _longer_names(words, aliases.names, prefix=False)
    found = whole or _longer_names(words, aliases.names, prefix=True)
    if not found and len(words) == 1:
        found = _from_runs(name, aliases.text)
    if not found:
        found = _ending_names(words, aliases.leaders)
    return found[0] if len(found) == 1 else name


def _ending_names(words: list[str], names: Iterable[str]) -> list[str]:
    """The names (of the region's leaders: a popular nickname is a leader's, and a
    citizen *Yanto* is not *Agus Suryanto*) with a word that ends in the one word of
    four letters or more left of ``words`` without initials and honorifics, and is
    longer (``H Rizal`` -> ``W Kartarizal``, ``Pak Dito`` -> ``Baskaradito Wirawan``): a
    nickname made of a name's last syllables; or, for a word of five letters or more, a
    longer word that holds it after its first letter (``Bupati Gusti`` -> ``Agustinus
    Dula``): a nickname made of a name's middle syllables."""
    core = [w for w in words if len(w) > 1 and w not in HONORIFICS]
    if len(core) != 1 or len(core[0]) < 4:
        return []
    w = core[0]

    def fits(f: str) -> bool:
        return len(f) > len(w) and (f.endswith(w) or (len(w) >= 5 and w in f[1:]))

    return [full for full in names if any(fits(f) for f in full.lower().replace(".", " ").split())]


def _from_runs(name: str, text: str) -> list[str]:
    """The fuller forms of a one-word ``name`` read from the capitalised runs of the
    text where the mentions missed the person (``Sekretaris Daerah Kota Bogor Ade Sarip
    Hidayat`` -> ``Ade Sarip Hidayat``): the name and the one to three words after it,
    normalised (titles and places out)."""
    out: dict[str, None] = {}
    for m in CAPITAL_RUN_RE.finditer(text):
        words = m.group().split()
        if name in words:
            k = words.index(name)
            full = normalize_speaker(" ".join(words[k : k + 4]))
            if len(full.split()) >= 2 and full.split()[0] == name:
                out[full] = None
    return list(out)


def _longer_names(words: list[str], names: Iterable[str], *, prefix: bool) -> list[str]:
    """The names longer than ``words`` that hold them all (with ``prefix``: a one-word
    name as the prefix of one of their words), the ones held in another left out."""
    out = []
    for full in names:
        fw = full.lower().replace(".", " ").split()
        if fw == words or len(" ".join(fw)) <= len(" ".join(words)):
            continue
        if prefix:
            w = words[0] if len(words) == 1 else ""
            ok = bool(w) and any(  # the first word from three letters, later ones from four
                f.startswith(w) and f != w and len(w) >= (3 if k == 0 else 4)
                for k, f in enumerate(fw)
            )
        else:
            ok = all(w in fw for w in words)
        if ok:
            out.append(full)
    # ``Unu Ibnudin`` and ``Unu Ibnudin Saputra`` are one person: keep the fullest
    return [n for n in out if not any(n != o and n.lower() in o.lower() for o in out)]
