"""The frame lexicon: loading and validating it, and matching it in sentences.

A *frame* here is a way of talking about what leaders ask of their agencies: the packaged
lexicon (``analysis/data/frame_lexicon.csv``) has three, ``performance`` (kinerja),
``coordination`` (koordinasi) and ``discipline`` (disiplin), each a list of entries with
a one-line rationale. A user can pass their own lexicon (a CSV or YAML file, a dict or a
DataFrame), e.g. to add a fourth frame: frames are whatever the lexicon names.

- :func:`load_lexicon` reads and validates a lexicon (:class:`LexiconError` names the
  file and the row of any problem).
- :class:`FrameMatcher` compiles it for fast matching; :meth:`FrameMatcher.match_sentence`
  and :func:`match_frames` give the hits of one sentence.

Coding a whole corpus with it (scores, evidence, co-occurrence) is in
:mod:`analysis.frames`, which re-exports every name of this module.

How an entry matches
--------------------
Matching runs sentence by sentence on the word tokens of
:func:`analysis.tokens.word_spans` (``normalize``\\ d text, before any stopword removal),
lower-cased:

``match = "stem"``
    Every word of the entry and every token are reduced with
    :func:`analysis.stemming.stem_word` and compared. This admits the affixed forms
    (``berkoordinasi``, ``mengkoordinasikan`` -> ``koordinasi``; ``kedisiplinan`` ->
    ``disiplin``) while ``stem_word``'s overrides keep Sastrawi's over-stemming out:
    ``kinerja`` stays ``kinerja``, so ``bekerja`` (-> ``kerja``) never hits it.
``match = "form"``
    The lower-cased token equals the entry word, or the entry word with one of the
    clitics of :data:`analysis.tokens.CLITICS` attached (``-nya``, ``-lah``, ``-kah``,
    ``-pun``, ``-ku``, ``-mu``: ``hasilnya``, ``rambu-rambunya``).
    Used where the stem would let in unrelated words (``capaian`` but not ``mencapai``).

A multiword entry (``kerja sama``, ``serap anggaran``, ``sama persepsi``) matches
consecutive tokens of one sentence, each word by the entry's mode; since matching is
per sentence, it never spans a sentence break.

Overlaps. Within one frame, matches are taken leftmost first and, at the same start,
longest first (ties by entry name); a token is counted at most once per frame, so
``bekerja sama`` is one ``kerja sama`` hit. Across frames, each frame is matched on its
own, then a hit that lies inside a longer hit of another frame is dropped (the compound
names one thing: ``jam pelayanan`` is discipline only); a token may still count for two
frames when two frames' entries merely overlap (the lexicon cannot list the same entry
in two frames). Entries of the frame ``none`` are names that carry no frame
(``rapat koordinasi``): a hit inside one does not count. A hit is one match of one
entry, whatever its number of words.

The module is pure: it prints nothing, writes no files and never changes its inputs
(a lexicon path is read through :func:`analysis.corpus.read_article`).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .corpus import CorpusError, read_article
from .paths import DATA_DIR
from .tokens import CLITICS, normalize, stem_word, word_spans

__all__ = [
    "CLITICS",
    "FrameError",
    "FrameMatcher",
    "LEXICON_COLUMNS",
    "LexiconError",
    "MATCH_MODES",
    "NO_FRAME",
    "load_lexicon",
    "match_frames",
]

#: How an entry word is compared with a token (see the module docstring).
MATCH_MODES = ("stem", "form")
#: Columns of a lexicon table; ``rationale`` may be missing from a user's file.
LEXICON_COLUMNS = ("frame", "entry", "match", "rationale")
#: The frame name of entries that carry no frame: names of events, documents and agencies
#: (``rapat koordinasi``, ``pakta integritas``, ``pelayanan terpadu satu pintu``) whose
#: words would otherwise count for a frame. Where one matches, the words it covers count
#: for no frame; it is never a frame of the tables.
NO_FRAME = "none"
REQUIRED_LEXICON_COLUMNS = ("frame", "entry", "match")
LEXICON_FILE = "frame_lexicon.csv"


class FrameError(ValueError):
    """A bad argument to a frame function (unknown column, voice or option)."""


class LexiconError(FrameError):
    """A bad lexicon: the message names the file (or dict) and the row."""


# ---------------------------------------------------------------------------- lexicon


def _entry_words(entry: str) -> list[str]:
    return [w.lower() for _s, _e, w in word_spans(normalize(entry))]


def _rows_from_csv_text(text: str, where: str) -> tuple[list[str], list[tuple[str, dict]]]:
    try:
        rows = list(csv.reader(io.StringIO(text), strict=True))
    except csv.Error as exc:
        raise LexiconError(f"{where}: malformed CSV ({exc})") from None
    numbered = [(i, r) for i, r in enumerate(rows, start=1) if any(c.strip() for c in r)]
    if not numbered:
        raise LexiconError(f"{where}: empty lexicon (no header, no entries)")
    header_line, header = numbered[0]
    header = [h.strip().lower() for h in header]
    out = []
    for line, row in numbered[1:]:
        if len(row) != len(header):
            raise LexiconError(
                f"{where}: line {line} has {len(row)} fields, the header has {len(header)}"
            )
        out.append((f"{where}: line {line}", dict(zip(header, row))))
    return header, out


def _rows_from_mapping(data: Mapping, where: str) -> list[tuple[str, dict]]:
    out = []
    for frame, entries in data.items():
        if isinstance(entries, str):
            entries = [entries]
        if not isinstance(entries, Iterable):
            raise LexiconError(
                f"{where}: frame {frame!r}: expected a list of entries, "
                f"got {type(entries).__name__}"
            )
        for i, item in enumerate(entries, start=1):
            loc = f"{where}: frame {frame!r}, item {i}"
            if isinstance(item, str):
                row = {"frame": frame, "entry": item, "match": "stem", "rationale": ""}
            elif isinstance(item, Mapping):
                row = {"match": "stem", "rationale": "", **dict(item), "frame": frame}
            else:
                raise LexiconError(
                    f"{loc}: expected an entry string or a mapping with 'entry', "
                    f"got {type(item).__name__}"
                )
            out.append((loc, row))
    return out


def _rows_from_records(records: Iterable, where: str) -> list[tuple[str, dict]]:
    out = []
    for i, item in enumerate(records, start=1):
        if not isinstance(item, Mapping):
            raise LexiconError(
                f"{where}: item {i}: expected a mapping with frame, entry, match, "
                f"got {type(item).__name__}"
            )
        out.append((f"{where}: item {i}", {str(k).lower(): v for k, v in item.items()}))
    return out


def _read_source(source: Any) -> tuple[str, list[str] | None, list[tuple[str, dict]]]:
    """(where, header or None, [(location, row dict)]) from any accepted lexicon source."""
    if isinstance(source, pd.DataFrame):
        where = "lexicon DataFrame"
        header = [str(c).lower() for c in source.columns]
        rows = [
            (f"{where}: row {idx!r}", dict(zip(header, values)))
            for idx, *values in source.itertuples(index=True, name=None)
        ]
        return where, header, rows
    if isinstance(source, Mapping):
        return "lexicon dict", None, _rows_from_mapping(source, "lexicon dict")
    if isinstance(source, (str, Path)):
        path = Path(source)
        where = str(path)
        try:
            text, _digest = read_article(path)
        except CorpusError as exc:
            raise LexiconError(str(exc)) from None
        suffix = path.suffix.lower()
        if suffix == ".csv":
            header, rows = _rows_from_csv_text(text, where)
            return where, header, rows
        if suffix in (".yaml", ".yml"):
            import yaml

            try:
                data = yaml.safe_load(text)
            except yaml.YAMLError as exc:
                raise LexiconError(f"{where}: malformed YAML ({exc})") from None
            if isinstance(data, Mapping):
                return where, None, _rows_from_mapping(data, where)
            if isinstance(data, list):
                return where, None, _rows_from_records(data, where)
            raise LexiconError(
                f"{where}: expected a mapping frame -> entries or a list of entries, "
                f"got {type(data).__name__}"
            )
        raise LexiconError(f"{where}: unknown lexicon format {suffix!r}; use .csv, .yaml or .yml")
    if isinstance(source, Iterable):
        return "lexicon records", None, _rows_from_records(source, "lexicon records")
    raise LexiconError(
        "a lexicon is a path to a .csv/.yaml file, a dict {frame: [entries]}, "
        f"a list of records or a DataFrame; got {type(source).__name__}"
    )


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def _lexicon_record(loc: str, row: Mapping[str, Any]) -> dict[str, str]:
    """One validated lexicon row: frame, entry (lower case, single spaces), match, rationale."""
    missing = [c for c in REQUIRED_LEXICON_COLUMNS if c not in row]
    if missing:
        raise LexiconError(f"{loc}: missing {', '.join(missing)}")
    frame = _cell(row["frame"])
    entry = " ".join(_cell(row["entry"]).lower().split())
    match = _cell(row["match"]).lower()
    if not frame:
        raise LexiconError(f"{loc}: empty frame name")
    if not entry:
        raise LexiconError(f"{loc}: empty entry (frame {frame!r})")
    words = _entry_words(entry)
    if not words:
        raise LexiconError(f"{loc}: entry {entry!r} has no word (letters) to match")
    if " ".join(words) != entry:
        raise LexiconError(
            f"{loc}: entry {entry!r} has characters that are not part of words; "
            f"write it as words separated by spaces (e.g. {' '.join(words)!r})"
        )
    if match not in MATCH_MODES:
        raise LexiconError(
            f"{loc}: unknown match mode {match!r} for entry {entry!r} "
            f"(use {' or '.join(MATCH_MODES)})"
        )
    rationale = _cell(row.get("rationale"))
    return {"frame": frame, "entry": entry, "match": match, "rationale": rationale}


def _check_unique(
    record: dict[str, str], loc: str, seen: dict[str, tuple[str, str]], where: str
) -> None:
    """Raise for an entry listed before (in this frame or another); else remember it."""
    entry, frame = record["entry"], record["frame"]
    if entry in seen:
        other_loc, other_frame = seen[entry]
        place = "frame" if other_frame == frame else "frames"
        frames = frame if other_frame == frame else f"{other_frame} and {frame}"
        raise LexiconError(
            f"{loc}: duplicate entry {entry!r} in {place} {frames} "
            f"(also at {other_loc.removeprefix(where + ': ')})"
        )
    seen[entry] = (loc, frame)


def load_lexicon(source: Any = None) -> pd.DataFrame:
    """Load and validate a frame lexicon.

    Parameters
    ----------
    source : None, path, dict, list of records or DataFrame
        ``None`` is the packaged lexicon (``analysis/data/frame_lexicon.csv``). A path
        to a ``.csv`` file with columns ``frame, entry, match[, rationale]``, or to a
        ``.yaml`` file holding either a mapping ``frame -> [entries]`` or a list of
        records with those keys. A dict ``{frame: ["entry", ...]}`` or
        ``{frame: [{"entry": ..., "match": ..., "rationale": ...}, ...]}`` (entries
        given as plain strings, or without ``match``, are matched by ``stem``). A
        DataFrame with the CSV's columns.

    Returns
    -------
    pandas.DataFrame
        Index ``row`` (0, 1, ...); columns ``frame``, ``entry`` (lower case, single
        spaces), ``match`` (``stem`` or ``form``), ``rationale`` (``""`` when not given).
        Rows keep the source order; frames are ordered by first appearance. Rows of the
        frame :data:`NO_FRAME` (``"none"``) are names that carry no frame (see
        :class:`FrameMatcher`).

    Raises
    ------
    LexiconError
        Naming the file (or dict) and the row, for missing columns, an empty frame or
        entry, an entry with no word or with characters that are not part of words
        (``kerja/sama``), an unknown match mode, or an entry listed twice (in one frame
        or in two).

    Examples
    --------
    >>> lex = load_lexicon({"budget": ["anggaran", {"entry": "APBD", "match": "form"}]})
    >>> lex[["frame", "entry", "match"]].values.tolist()
    [['budget', 'anggaran', 'stem'], ['budget', 'apbd', 'form']]
    """
    if source is None:
        source = DATA_DIR / LEXICON_FILE
    where, header, rows = _read_source(source)
    if header is not None:
        missing = [c for c in REQUIRED_LEXICON_COLUMNS if c not in header]
        if missing:
            raise LexiconError(
                f"{where}: missing column(s) {', '.join(missing)} "
                f"(found: {', '.join(header) or 'none'}; expected frame, entry, match, rationale)"
            )
    records: list[dict[str, str]] = []
    seen: dict[str, tuple[str, str]] = {}
    for loc, row in rows:
        record = _lexicon_record(loc, row)
        _check_unique(record, loc, seen, where)
        records.append(record)
    if not records:
        raise LexiconError(f"{where}: the lexicon has no entries")
    out = pd.DataFrame.from_records(records, columns=list(LEXICON_COLUMNS))
    out.index.name = "row"
    return out


# ---------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class _Entry:
    frame: int  # index into FrameMatcher.frames
    entry: str
    words: tuple[tuple[str, str], ...]  # (mode, key) per word


class FrameMatcher:
    """A lexicon compiled for fast matching.

    Each entry becomes a tuple of ``(mode, key)`` per word (``key`` is the stem for
    ``stem`` entries, the word for ``form`` entries) and entries are indexed by their
    first word, so a token costs a few dictionary look-ups, never a scan of the lexicon.
    Each lower-cased token type is analysed once (its form keys with clitics removed,
    and its stem, asked of :func:`~analysis.stemming.stem_word` only when the token could
    possibly stem to a lexicon key) and cached on the matcher.

    Parameters
    ----------
    lexicon : str, Path, dict, list of records, DataFrame or None
        Anything :func:`load_lexicon` accepts (``None``: the packaged lexicon).

    Attributes
    ----------
    lexicon : pandas.DataFrame
        The validated lexicon.
    frames : tuple of str
        Frame names in lexicon order (without :data:`NO_FRAME`).

    Notes
    -----
    Entries of the frame :data:`NO_FRAME` are names of events, documents and agencies
    (the codebook's "a meeting's name carries no frame by itself"): where one matches,
    no frame hit that lies inside its words counts (``rapat koordinasi`` hides
    ``koordinasi``; in ``rapat evaluasi kinerja`` the purpose ``kinerja`` still counts).
    Likewise a hit that lies inside a longer hit of another frame does not count: the
    compound names one thing (``jam pelayanan``, service hours, is discipline, and its
    ``pelayanan`` is not also performance).

    Examples
    --------
    >>> m = FrameMatcher({"coordination": ["kerja sama"], "performance": ["kinerja"]})
    >>> [(h["frame"], h["matched"]) for h in m.match_sentence("OPD bekerja sama demi kinerja.")]
    [('coordination', 'bekerja sama'), ('performance', 'kinerja')]
    """

    def __init__(self, lexicon: Any = None) -> None:
        lex = load_lexicon(lexicon)
        self.lexicon = lex
        self.frames: tuple[str, ...] = tuple(
            f for f in dict.fromkeys(lex["frame"]) if f != NO_FRAME
        )
        if not self.frames:
            raise LexiconError(f"the lexicon has no frame besides {NO_FRAME!r} (names only)")
        # names that carry no frame are matched like a frame of their own, the last one
        self._mask = len(self.frames)
        frame_no = {f: i for i, f in enumerate(self.frames)} | {NO_FRAME: self._mask}
        entries: list[_Entry] = []
        for frame, entry, match in lex[["frame", "entry", "match"]].itertuples(
            index=False, name=None
        ):
            words = _entry_words(entry)
            keys = tuple((match, stem_word(w) if match == "stem" else w) for w in words)
            entries.append(_Entry(frame_no[frame], entry, keys))
        self._entries = entries
        first: dict[tuple[str, str], list[int]] = {}
        for i, e in enumerate(entries):
            first.setdefault(e.words[0], []).append(i)
        # longest first, then by entry name, so the first match at a position wins
        self._first = {
            k: tuple(sorted(v, key=lambda i: (-len(entries[i].words), entries[i].entry)))
            for k, v in first.items()
        }
        stem_keys = {k for e in entries for mode, k in e.words if mode == "stem"}
        # Sastrawi only strips affixes and may recode a root's first letter
        # (menyerap -> serap), so a token can stem to key k only if it contains k[1:]
        # (tests/test_lexicon.py pins this on affixed forms of every root). Without
        # stem entries the pattern never matches.
        tails = sorted({k[1:] for k in stem_keys}, key=lambda t: (-len(t), t))
        self._may_stem = re.compile(
            "|".join(re.escape(t) for t in tails) if stem_keys else "(?!)"
        ).search
        self._types: dict[str, tuple[tuple[str, ...], str | None, tuple[int, ...]]] = {}
        self._surfaces: dict[str, tuple[tuple[str, ...], str | None, tuple[int, ...]]] = {}
        # surfaces with candidate entries -> (frame, words, entry, later words) of each
        self._starters: dict[str, tuple[tuple[int, int, str, tuple], ...]] = {}

    def __repr__(self) -> str:
        return f"FrameMatcher({len(self._entries)} entries, frames={list(self.frames)})"

    def _analyse(self, token: str) -> tuple[tuple[str, ...], str | None, tuple[int, ...]]:
        """(form keys, stem or None, candidate entries) of a lower-cased token type, cached.

        The candidates are the entries whose first word the token can be, longest first,
        then by entry name (the order in which :meth:`match_tokens` tries them).
        """
        got = self._types.get(token)
        if got is None:
            forms = [token]
            for c in CLITICS:
                if token.endswith(c) and len(token) > len(c):
                    forms.append(token[: -len(c)])
            stem = None
            if self._may_stem(token):
                stem = stem_word(token)
            first, entries = self._first, self._entries
            cands: list[int] = []
            for f in forms:
                cands.extend(first.get(("form", f), ()))
            if stem is not None:
                cands.extend(first.get(("stem", stem), ()))
            if len(cands) > 1:
                cands.sort(key=lambda j: (-len(entries[j].words), entries[j].entry))
            got = (tuple(forms), stem, tuple(cands))
            self._types[token] = got
        return got

    def match_tokens(self, tokens: Sequence[str]) -> list[tuple[int, int, int, str]]:
        """Hits in one sentence's tokens as ``(start, end, frame_index, entry)``.

        ``tokens`` are the surface word tokens of a single sentence (any case); ``end``
        is exclusive. Hits are sorted by start, then frame order.
        """
        # surface form -> analysis, so a known token costs one look-up, all in C
        surfaces = self._surfaces
        if not all(map(surfaces.__contains__, tokens)):
            for t in tokens:
                if t not in surfaces:
                    a = surfaces[t] = self._analyse(t.lower())
                    if a[2]:
                        self._starters[t] = tuple(
                            (e.frame, len(e.words), e.entry, e.words[1:])
                            for e in map(self._entries.__getitem__, a[2])
                        )
        starters = self._starters  # surface -> its candidate entries, in trial order
        if starters.keys().isdisjoint(tokens):
            return []
        n = len(tokens)
        found: list[tuple[int, int, int, str]] = []
        taken_until = [0] * (len(self.frames) + 1)
        for i in [i for i, t in enumerate(tokens) if t in starters]:
            for frame, size, entry, rest in starters[tokens[i]]:
                if i < taken_until[frame] or i + size > n:
                    continue
                k = i
                for mode, key in rest:
                    k += 1
                    a = surfaces[tokens[k]]
                    if (a[1] != key) if mode == "stem" else (key not in a[0]):
                        break
                else:
                    found.append((i, i + size, frame, entry))
                    taken_until[frame] = i + size
        if len(found) > 1:
            found.sort(key=lambda h: (h[0], h[2]))
            return _outermost(found, self._mask)
        if found and found[0][2] == self._mask:
            return []
        return found

    def match_sentence(self, sentence: str) -> list[dict[str, Any]]:
        """Hits in one sentence, as dicts.

        Returns
        -------
        list of dict
            One per hit, in text order: ``frame``, ``entry`` (the lexicon entry),
            ``matched`` (the words as written in ``sentence``), ``start_token`` and
            ``end_token`` (token positions, end exclusive, in
            ``word_spans(normalize(sentence))``), ``start_char`` and ``end_char``
            (``sentence[start_char:end_char] == matched``).
        """
        norm = normalize(sentence)
        spans = word_spans(norm)
        hits = self.match_tokens([s for _a, _b, s in spans])
        if not hits:
            return []
        to_orig = _char_map(sentence, norm)
        out = []
        for start, end, fi, entry in hits:
            a = to_orig(spans[start][0])
            b = to_orig(spans[end - 1][1] - 1) + 1
            out.append(
                {
                    "frame": self.frames[fi],
                    "entry": entry,
                    "matched": sentence[a:b],
                    "start_token": start,
                    "end_token": end,
                    "start_char": a,
                    "end_char": b,
                }
            )
        return out


#: character -> whether normalize() keeps it as a non-space character (cached).
_KEPT_CHARS: dict[str, bool] = {}


def _outermost(
    found: list[tuple[int, int, int, str]], mask: int
) -> list[tuple[int, int, int, str]]:
    """The hits that lie inside no name carrying no frame (``mask``) and inside no
    longer hit of another frame (``jam pelayanan`` is discipline, not also performance).
    ``found`` is sorted by start; hits of one frame never overlap."""
    if all(a[1] <= b[0] for a, b in zip(found, found[1:])):  # no overlap at all
        return [h for h in found if h[2] != mask]
    out = []
    for h in found:
        if h[2] == mask:
            continue
        covered = any(
            o is not h
            and o[0] <= h[0]
            and h[1] <= o[1]
            and (o[2] == mask or (o[2] != h[2] and o[1] - o[0] > h[1] - h[0]))
            for o in found
        )
        if not covered:
            out.append(h)
    return out


def _char_map(text: str, norm: str):
    """Map a position of a non-space character of ``normalize(text)`` back to ``text``.

    :func:`~analysis.tokens.normalize` maps characters one to one, drops invisible
    ones and collapses spaces, so the non-space characters of both strings correspond
    in order.
    """
    if len(norm) == len(text):  # normalize() only maps or removes: nothing was removed
        return lambda k: k
    kept = _KEPT_CHARS
    orig = []
    for j, ch in enumerate(text):
        keep = kept.get(ch)
        if keep is None:
            keep = kept[ch] = bool(normalize(ch).strip())
        if keep:
            orig.append(j)
    ranks = {}
    for k, ch in enumerate(norm):
        if not ch.isspace():
            ranks[k] = len(ranks)
    if len(orig) != len(ranks):  # pragma: no cover - guards a change in normalize()
        raise RuntimeError("normalize() no longer maps characters one to one")
    return lambda k: orig[ranks[k]]


def match_frames(tokens: Sequence[str], lexicon: Any = None) -> list[dict[str, Any]]:
    """Frame hits in the word tokens of one sentence (convenience over :class:`FrameMatcher`).

    Parameters
    ----------
    tokens : sequence of str
        Surface word tokens of a single sentence, e.g.
        ``[w for _, _, w in word_spans(normalize(sentence))]``.
    lexicon : FrameMatcher or lexicon source, optional
        A :class:`FrameMatcher` (fastest when called many times) or anything
        :func:`load_lexicon` accepts.

    Returns
    -------
    list of dict
        ``frame``, ``entry``, ``matched`` (the tokens joined by spaces),
        ``start_token``, ``end_token`` (exclusive).

    Examples
    --------
    >>> [h["entry"] for h in match_frames(["penyerapan", "anggaran", "rendah"])]
    ['serap anggaran', 'rendah']
    """
    matcher = lexicon if isinstance(lexicon, FrameMatcher) else FrameMatcher(lexicon)
    return [
        {
            "frame": matcher.frames[fi],
            "entry": entry,
            "matched": " ".join(tokens[start:end]),
            "start_token": start,
            "end_token": end,
        }
        for start, end, fi, entry in matcher.match_tokens(tokens)
    ]
