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
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "CleanArticle",
    "Dateline",
    "RemovedLine",
    "REASONS",
    "clean_article",
    "normalize_whitespace",
]

#: Reasons a line (or part of one) is removed, and what they mean.
REASONS: dict[str, str] = {
    "menu": "navigation, menu or site-name line left over from the page (e.g. a lone 'in')",
    "timestamp": "publication date and time of the page ('Selasa, 26 Maret 2024 | 10:15 WIB')",
    "title": "the headline (kept as the article's title, not as body text)",
    "subtitle": "a further headline-shaped line above the article, uncovered once the title went",
    "repeated-title": "the headline repeated, possibly with a photo credit attached",
    "caption": "photo caption or photo credit ('--Foto : ...', 'Foto: ...')",
    "related-link": "link to another article ('Baca Juga:', 'Berita Terkait:')",
    "dateline": "dateline in front of the first paragraph (place and outlet kept as data)",
    "stray-quote": "an opening quote mark right after the dateline that is never closed",
    "reporter-tag": "reporter or editor tag after the last sentence ('(Red/tim)', '#yan')",
    "byline": "byline or credit line ('Written by ...', 'Editor: ...', 'Penulis: ...')",
    "engagement": "call to engage or follow ('What do you think?', 'Cek Berita ... Google News')",
    "source-credit": "source credit line ('Sumber: paltv.co.id')",
    "trailing-headline": "headline of another article listed after the article has ended",
}


@dataclass(frozen=True)
class RemovedLine:
    """One removed line or fragment.

    Attributes
    ----------
    line_no : 1-based line number in the raw text.
    text : the removed text (a whole line, or the fragment cut from it).
    reason : one of :data:`REASONS`.
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
    body : the article body, one paragraph per line, without boilerplate.
    title : the headline, or ``""`` when the page shows none.
    dateline : the dateline found in front of the first paragraph, or ``None``.
    removed : every removed line or fragment, in raw-text order, with its reason.
    """

    body: str
    title: str
    dateline: Dateline | None
    removed: tuple[RemovedLine, ...] = field(default_factory=tuple)

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n") if self.body else []


# --------------------------------------------------------------------------- patterns

_SPACE_RE = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")

_TERMINAL = ".!?"
_CLOSERS = "\"'”’»)]"
_OPEN_QUOTES = '“"‘«„'

_MENU_WORDS = {
    "in",
    "home",
    "beranda",
    "news",
    "berita",
    "menu",
    "search",
    "cari",
    "login",
    "masuk",
    "daftar",
    "share",
    "tweet",
    "bagikan",
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "linkedin",
    "email",
    "print",
    "cetak",
    "komentar",
    "terkini",
    "terpopuler",
    "populer",
    "headline",
    "advertisement",
    "iklan",
    "selanjutnya",
    "sebelumnya",
    "berikutnya",
    "next",
    "prev",
    "previous",
}

# "Baca juga:", "BACA JUGA :", "Berita Terkait:", "Simak juga:" ... with or without a headline.
_RELATED_RE = re.compile(
    r"^(?:baca|simak|lihat)\s+(?:juga|pula)\b\s*(?::|$)|^(?:berita|artikel)\s+(?:terkait|lainnya)\s*(?::|$)"
    r"|^read\s+(?:also|more)\s*(?::|$)",
    re.IGNORECASE,
)

# A photo credit anywhere in a short line: "--Foto : Lutfhi -PALTV", "Foto: Humas", "(Foto: ist)".
_CAPTION_RE = re.compile(
    r"(?:^|[\s,(\-–—|])(?:foto|photo|ilustrasi|dokumentasi|dok|keterangan\s+foto|caption)"
    r"\s*\.?\s*(?::|/\s*\w)",
    re.IGNORECASE,
)
_BYLINE_RE = re.compile(
    r"^(?:(?:written|posted|reported|edited|published)\s+by\b.{1,80}"
    r"|(?:editor|penulis|reporter|pewarta|penyunting|redaktur|fotografer|kontributor|"
    r"laporan|wartawan|author|oleh)\s*:\s*.{1,80}"
    r"|laporan\s+(?:wartawan|reporter|jurnalis)\b.{1,80})$",
    re.IGNORECASE,
)
_SOURCE_RE = re.compile(
    r"^(?:sumber\s*:\s*\S.{0,80}"
    r"|artikel\s+ini\s+(?:telah\s+|sudah\s+)?(?:tayang|terbit|dimuat|diterbitkan)\b.*)$",
    re.IGNORECASE,
)

# Publication timestamps: "Selasa, 26 Maret 2024 | 10:15 WIB", "26/03/2024 10:15", "3 jam lalu".
_MONTH = (
    r"(?:jan\w*|feb\w*|mar\w*|apr\w*|mei|may|jun\w*|jul\w*|agu\w*|aug\w*|sep\w*|"
    r"okt\w*|oct\w*|nov\w*|des\w*|dec\w*)"
)
_TIMESTAMP_RE = re.compile(
    r"^(?:(?:diperbarui|diterbitkan|dipublikasikan|diposting|terbit|updated|published|posted)"
    r"(?:\s+(?:pada|on))?\s*:?\s*)?"
    r"(?:(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\s*,?\s*)?"
    rf"(?:\d{{1,2}}[\s/.-]+(?:\d{{1,2}}|{_MONTH})[\s/.,-]+\d{{2,4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})"
    r"(?:\s*[|,\-–—]?\s*(?:pukul\s*)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:wib|wita|wit)?)?\s*$"
    r"|^\d+\s+(?:detik|menit|jam|hari|minggu|bulan)\s+(?:yang\s+)?lalu$",
    re.IGNORECASE,
)

# A line that is only a tag: "(*)", "(ril)", "[adv]", "#yan", "***".
_TAG_LINE_RE = re.compile(r"^(?:\([^()\n]{1,40}\)|\[[^\[\]\n]{1,40}\]|#[A-Za-z]{1,15}|\*{1,3})$")

_ENGAGEMENT_RE = re.compile(
    r"^(?:what\s+do\s+you\s+think\??"
    r"|cek\s+berita\s+dan\s+artikel\b.*"
    r"|(?:simak|ikuti|dapatkan|baca)\s+(?:berita|update|informasi|artikel)\b.*"
    r"(?:google\s+news|whatsapp|telegram|channel|saluran).*"
    r"|ikuti\s+(?:kami|kanal|channel|akun)\b.*"
    r"|gabung\s+(?:di|ke|dengan)\s+(?:channel|grup|saluran)\b.*"
    r"|(?:download|unduh)\s+aplikasi\b.*"
    r"|klik\s+(?:di\s*sini|link|tautan)\b.*"
    r"|(?:share|bagikan)(?:\s+(?:this|artikel\s+ini|berita\s+ini))?\s*:?"
    r"|(?:tags?|topik|kata\s+kunci)\s*:.*"
    r"|scroll\s+to\s+continue\s+with\s+content"
    r"|(?:copyright\s*)?©.*"
    r"|tulis\s+komentar.*"
    r"|loading\.*"
    r"|halaman\s+(?:selanjutnya|berikutnya|sebelumnya|\d+(?:\s+\d+)*)"
    r"|(?:lihat|tampilkan)\s+(?:semua|selengkapnya|komentar)\b.*)$",
    re.IGNORECASE,
)

# Dateline at the start of the first paragraph. Place: one to four capitalised words.
_PLACE = r"(?P<place>[A-Z][A-Za-z'.]*(?:\s+[A-Z][A-Za-z'.]*){0,3})"
_OUTLET = r"(?P<outlet>[A-Za-z][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*)"
_DOMAIN_OUTLET = r"(?P<outlet>[A-Za-z][A-Za-z0-9\-]*(?:\.[A-Za-z]{2,})+)"
_DASH = r"[-–—‒―|]+"
_DAY = r"(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)"
_DATELINE_RES = (
    # TRIBUNSUMSEL.COM, MUARA ENIM - ... (outlet first)
    re.compile(rf"^{_DOMAIN_OUTLET}\s*,\s*{_PLACE}\s*{_DASH}\s*"),
    # KOMPAS.com - ... (outlet alone)
    re.compile(rf"^{_DOMAIN_OUTLET}\s*{_DASH}\s*"),
    # Palembang, 12/3/2024 - ... | Lahat, Senin (12/2/2024) - ... (place and date)
    re.compile(
        rf"^{_PLACE}\s*,\s*(?i:{_DAY}\s*,?\s*)?\(?\d{{1,2}}[/ .-]\w+[/ .-]\d{{2,4}}\)?\s*{_DASH}\s*"
    ),
    # PALEMBANG, PALTV.CO.ID - ... | Baturaja, BP–... | LUWU TIMUR,Timuronline – ...
    re.compile(rf"^{_PLACE}\s*[,_]\s*{_OUTLET}\s*{_DASH}\s*"),
    # Palembang (ANTARA) - ...
    re.compile(rf"^{_PLACE}\s*\((?P<outlet>[A-Za-z][\w.\- ]{{0,30}})\)\s*{_DASH}?\s*"),
    # MUARADUA_ Elanghitam.com “... (a web domain as outlet, no dash)
    re.compile(rf"^{_PLACE}\s*[,_]\s*{_DOMAIN_OUTLET}\s+(?=\S)"),
    # JAKARTA - ... (an upper-case place alone)
    re.compile(r"^(?P<place>[A-Z][A-Z'.]{2,}(?:\s+[A-Z][A-Z'.]+){0,3})\s*" + _DASH + r"\s*"),
)

# Reporter / editor tag after the last sentence: "(Red/tim)", "(Suharni)", "#yan", "[rel]".
_TAG_RE = re.compile(
    r"(?<=[.!?])\s*(?P<tag>\((?:[^()\n]{1,40})\)|\[(?:[^\[\]\n]{1,40})\]|#[A-Za-z]{1,15}"
    r"|\*{2,3}|-[A-Za-z]{2,10}-)\s*$"
)
_SPLIT_TAG_END_RE = re.compile(r"(?<=[.!?])\s*\($")
_SPLIT_TAG_LINE_RE = re.compile(r"^[A-Za-z][\w/&.,\- ]{0,39}\)$")


# Anything normalize_whitespace changes besides the ends: a tab, a special space, a
# zero-width character, or two spaces in a row.
_UNTIDY_RE = re.compile(r"[\t\u00a0\u1680\u2000-\u200d\u202f\u205f\u3000\u2060\ufeff]|  ")
_NON_ALNUM_RE = re.compile(r"[\W_]+")
_FIRST_ALNUM_RE = re.compile(r"[^\W_]")


def normalize_whitespace(line: str) -> str:
    """Tidy one line: zero-width characters out, non-breaking and other spaces to one space."""
    # every whitespace and zero-width character but the ASCII space is non-printable
    if (line.isprintable() and "  " not in line) or not _UNTIDY_RE.search(line):
        return line.strip()
    return _SPACE_RE.sub(" ", _ZERO_WIDTH_RE.sub("", line)).strip()


def _key(line: str) -> str:
    """Comparison key for headlines: letters and digits only, lower case."""
    return _NON_ALNUM_RE.sub(" ", line).strip().lower()


def _repeats(line: str, key: str) -> bool:
    """``line``'s key is ``key`` or starts with it and a space (a repeated headline)."""
    if key:  # cheap test first: the keys must start with the same letter or digit
        m = _FIRST_ALNUM_RE.search(line)
        if m is None or not key.startswith(m.group().lower()):
            return False
    k = _key(line)
    return k == key or k.startswith(key + " ")


def _words(line: str) -> list[str]:
    return line.split()


def _strip_tag(line: str) -> tuple[str, str | None]:
    # A tag ends with ")", "]", "*", "-" or an ASCII letter (#yan): test that first.
    end = line.rstrip()[-1:]
    if not end or not (end in ")]*-" or (end.isascii() and end.isalpha())):
        return line, None
    m = _TAG_RE.search(line)
    if not m or len(line[: m.start()].strip()) == 0:
        return line, None
    return line[: m.start()].rstrip(), m.group("tag")


def _ends_sentence(line: str) -> bool:
    """True when the line ends like a sentence (terminal punctuation, maybe a closing mark)."""
    text, _ = _strip_tag(line)
    text = text.rstrip(_CLOSERS + " ")
    return bool(text) and text[-1] in _TERMINAL + ",;:"


def _is_headline_like(line: str) -> bool:
    """A short line with no sentence-final punctuation: a headline or a subheading."""
    n = len(_words(line))
    return 2 <= n <= 25 and not _ends_sentence(line) and line[-1] not in ")]\"”'’"


def _is_menu(line: str) -> bool:
    words = line.split(maxsplit=3)  # four pieces: more than three words
    return 0 < len(words) <= 3 and all(w.lower().strip(":|") in _MENU_WORDS for w in words)


def _classify(line: str) -> str | None:
    """Reason for a line that is boilerplate wherever it stands, or None."""
    if _RELATED_RE.match(line):
        return "related-link"
    if _ENGAGEMENT_RE.match(line):
        return "engagement"
    if _BYLINE_RE.match(line):
        return "byline"
    n_words = len(_words(line))
    if _SOURCE_RE.match(line) and (n_words <= 8 or line[:7].lower() == "artikel"):
        return "source-credit"
    if n_words <= 30 and _CAPTION_RE.search(line):
        return "caption"
    if _TIMESTAMP_RE.match(line):
        return "timestamp"
    if _TAG_LINE_RE.match(line):
        return "reporter-tag"
    if _is_menu(line) or _SITE_NAME_RE.match(line):
        return "menu"
    return None


_END_MARKERS = {"byline", "engagement", "source-credit", "reporter-tag"}
_SITE_NAME_RE = re.compile(r"^[A-Za-z][\w\-]*(?:\.[A-Za-z]{2,}){1,2}$")


def _match_dateline(line: str) -> re.Match[str] | None:
    for rx in _DATELINE_RES:
        m = rx.match(line)
        if m and len(line) > m.end() - 1:
            return m
    return None


def clean_article(raw: str) -> CleanArticle:
    """Split a scraped article into body, title and dateline, auditing every removal.

    Parameters
    ----------
    raw : the article text as scraped (a UTF-8 BOM and CRLF line ends are handled).

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


def _one_pass(
    lines: Lines,
    memo: dict[str, str | None] | None = None,
) -> tuple[Lines, str, Dateline | None, list[RemovedLine]]:
    """One application of the rules of :func:`clean_article` to numbered lines.

    The steps, in the order they run (numbered as the rules in
    :func:`clean_article`'s notes): a tag split over two lines is joined (4), lines that
    are boilerplate wherever they stand go (2), the title, menu words and repeated
    titles at the top and the dateline are found (3), headlines trailing after the
    article go (5), and a reporter tag after the last sentence is cut off (4).
    """
    removed: list[RemovedLine] = []
    joined = _join_split_tags(lines, removed)
    kept, markers = _drop_boilerplate(joined, memo, removed)
    dl_index = _dateline_index(kept)
    drop: set[int] = set()
    title, title_key = _title_above(kept, dl_index or 0, drop, removed)
    if dl_index is None:
        title = _repeated_first_line(kept, drop, removed) or title
    elif title_key is not None:
        _repeated_title_below(kept, dl_index, title_key, drop, removed)
    dateline = _cut_dateline(kept, dl_index, drop, removed) if dl_index is not None else None
    body = [(i, no, line) for i, (no, line) in enumerate(kept) if i not in drop]
    body = _drop_trailing_headlines(body, markers, removed)
    _cut_final_tag(body, removed)
    return [(no, ln) for _, no, ln in body], title, dateline, removed


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
) -> tuple[Lines, list[int]]:
    """Lines that are boilerplate wherever they stand go; returns the kept lines and the
    positions in them after which an end marker (byline, engagement line, source
    credit, reporter tag) was seen."""
    kept: Lines = []
    markers: list[int] = []
    for no, line in joined:
        if not line:
            markers.append(len(kept))
            continue
        if memo is None:
            reason = _classify(line)
        elif line in memo:
            reason = memo[line]
        else:
            reason = memo[line] = _classify(line)
        if reason:
            removed.append(RemovedLine(no, line, reason))
            if reason in _END_MARKERS:
                markers.append(len(kept))
            continue
        kept.append((no, line))
    return kept, markers


def _dateline_index(kept: Lines) -> int | None:
    """Position of the line that starts with the dateline: one of the first four, and
    no later than the first line that ends like a sentence."""
    for i, (_no, line) in enumerate(kept[:4]):
        if _match_dateline(line):
            return i
        if _ends_sentence(line):
            return None
    return None


def _title_above(
    kept: Lines, head_end: int, drop: set[int], removed: list[RemovedLine]
) -> tuple[str, str | None]:
    """Above the dateline: menu words go, the first other line is the title, and its
    repetitions go. Returns the title (``""`` if none) and its comparison key."""
    title, title_key = "", None
    for i in range(head_end):
        no, line = kept[i]
        if _is_menu(line) or (len(_words(line)) == 1 and line.islower() and title_key is None):
            removed.append(RemovedLine(no, line, "menu"))
        elif title_key is None:
            title, title_key = line, _key(line)
            removed.append(RemovedLine(no, line, "title"))
        elif _repeats(line, title_key):
            removed.append(RemovedLine(no, line, "repeated-title"))
        else:
            continue
        drop.add(i)
    return title, title_key


def _repeated_first_line(kept: Lines, drop: set[int], removed: list[RemovedLine]) -> str:
    """Without a dateline, the first line is the title only when it is headline-shaped
    and repeated further down; returns it (``""`` when it is not)."""
    if not kept or not _is_headline_like(kept[0][1]):
        return ""
    first_key = _key(kept[0][1])
    repeats = [i for i, (_, ln) in enumerate(kept[1:], start=1) if _repeats(ln, first_key)]
    if not repeats:
        return ""
    title = kept[0][1]
    removed.append(RemovedLine(kept[0][0], title, "title"))
    drop.add(0)
    for i in repeats:
        removed.append(RemovedLine(kept[i][0], kept[i][1], "repeated-title"))
        drop.add(i)
    return title


def _repeated_title_below(
    kept: Lines, head_end: int, title_key: str, drop: set[int], removed: list[RemovedLine]
) -> None:
    """The title repeated below the dateline goes; a caption that is the headline with
    a photo credit glued on is a repeated title, not a caption."""
    removed[:] = [
        RemovedLine(r.line_no, r.text, "repeated-title")
        if r.reason == "caption" and _key(r.text).startswith(title_key + " ")
        else r
        for r in removed
    ]
    for i in range(head_end, len(kept)):
        no, line = kept[i]
        if _repeats(line, title_key):
            removed.append(RemovedLine(no, line, "repeated-title"))
            drop.add(i)


def _cut_dateline(
    kept: Lines, dl_index: int, drop: set[int], removed: list[RemovedLine]
) -> Dateline:
    """Cut the dateline (and a stray opening quote after it) from its line."""
    no, line = kept[dl_index]
    m = _match_dateline(line)
    assert m is not None
    groups = m.groupdict()
    dateline = Dateline(
        place=(groups.get("place") or "").strip(),
        outlet=groups.get("outlet"),
        text=line[: m.end()].strip(),
    )
    removed.append(RemovedLine(no, dateline.text, "dateline"))
    rest = line[m.end() :]
    if rest and rest[0] in _OPEN_QUOTES and not any(c in rest[1:] for c in '”"»'):
        removed.append(RemovedLine(no, rest[0], "stray-quote"))
        rest = rest[1:].lstrip()
    if rest:
        kept[dl_index] = (no, rest)
    else:
        drop.add(dl_index)
    return dateline


def _drop_trailing_headlines(
    body: list[tuple[int, int, str]], markers: list[int], removed: list[RemovedLine]
) -> list[tuple[int, int, str]]:
    """Headline-shaped lines after an end marker and after the last sentence are other
    articles' headlines; ``body`` holds (position among the kept lines, line no, text)."""
    if not markers or not body:
        return body
    first_marker = min(markers)
    last_sentence = max((k for k, (_i, _, ln) in enumerate(body) if _ends_sentence(ln)), default=-1)
    cut = len(body)
    for k in range(len(body) - 1, -1, -1):
        i, _no, ln = body[k]
        if k > last_sentence and i >= first_marker and _is_headline_like(ln):
            cut = k
        else:
            break
    for _, no, ln in body[cut:]:
        removed.append(RemovedLine(no, ln, "trailing-headline"))
    return body[:cut]


def _cut_final_tag(body: list[tuple[int, int, str]], removed: list[RemovedLine]) -> None:
    """Cut a reporter tag after the last sentence (in place)."""
    if body:
        i, no, last = body[-1]
        text_part, tag = _strip_tag(last)
        if tag is not None:
            removed.append(RemovedLine(no, tag, "reporter-tag"))
            body[-1] = (i, no, text_part)


def __getattr__(name: str) -> Any:
    # ``clean.removal_table`` is kept as an alias of :func:`analysis.corpus.removal_table`,
    # resolved on first use: corpus imports this module, so importing it here at the
    # top would be a cycle.
    if name == "removal_table":
        from .corpus import removal_table

        return removal_table
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
