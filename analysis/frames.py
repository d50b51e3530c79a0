"""Frames: lexicon matching, frame scores with bootstrap intervals, evidence and validation.

A *frame* here is a way of talking about what leaders ask of their agencies: the packaged
lexicon (``analysis/data/frame_lexicon.csv``) has three, ``performance`` (kinerja),
``coordination`` (koordinasi) and ``discipline`` (disiplin), each a list of entries with
a one-line rationale. A user can pass their own lexicon (a CSV or YAML file, a dict or a
DataFrame), e.g. to add a fourth frame: frames are whatever the lexicon names.

How an entry matches
--------------------
Matching runs sentence by sentence on the word tokens of
:func:`analysis.tokens.word_spans` (``normalize``\\ d text, before any stopword removal),
lower-cased:

``match = "stem"``
    Every word of the entry and every token are reduced with
    :func:`analysis.tokens.stem_word` and compared. This admits the affixed forms
    (``berkoordinasi``, ``mengkoordinasikan`` -> ``koordinasi``; ``kedisiplinan`` ->
    ``disiplin``) while ``stem_word``'s overrides keep Sastrawi's over-stemming out:
    ``kinerja`` stays ``kinerja``, so ``bekerja`` (-> ``kerja``) never hits it.
``match = "form"``
    The lower-cased token equals the entry word, or the entry word with one of the
    clitics ``-nya``, ``-lah``, ``-pun`` attached (``hasilnya``, ``rambu-rambunya``).
    Used where the stem would let in unrelated words (``capaian`` but not ``mencapai``).

A multiword entry (``kerja sama``, ``serap anggaran``, ``sama persepsi``) matches
consecutive tokens of one sentence, each word by the entry's mode; since matching is
per sentence, it never spans a sentence break.

Overlaps. Within one frame, matches are taken leftmost first and, at the same start,
longest first (ties by entry name); a token is counted at most once per frame, so
``bekerja sama`` is one ``kerja sama`` hit. Across frames, each frame is matched on its
own: a token may count once for each of two frames when two frames' entries overlap
(the lexicon cannot list the same entry in two frames). A hit is one match of one entry,
whatever its number of words.

Tables
------
- :func:`frame_evidence` -- every hit with its sentence, voice and speaker (audit trail).
- :func:`frame_scores` -- hits, rate per 1,000 tokens, share of the group's hits,
  dominant frame and percentile bootstrap intervals, per article, per metadata group
  (leader, level, date ...), per voice or per sentence.
- :func:`frame_cooccurrence` -- sentences in which two frames occur together.
- :func:`evaluate_lexicon` -- per-frame precision, recall and F1 against hand coding.

Sentences, their number, voice (``direct``, ``indirect``, ``narration``) and speaker
come from :func:`analysis.quotes.sentence_table`; every function here accepts a corpus
(anything :func:`analysis.corpus.as_documents` accepts) or such a sentence table, so a
notebook can build the sentence table once and reuse it.

The module is pure: it prints nothing, writes no files and never changes its inputs
(a lexicon path is read through :func:`analysis.corpus.read_article`).
"""

from __future__ import annotations

import csv
import io
import re
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .tokens import (
    _HAS_LETTER_RE,
    _TOKEN_SPLIT_RE,
    _ascii_tokens,
    is_word,
    normalize,
    stem_word,
    word_spans,
)

__all__ = [
    "CLITICS",
    "FrameError",
    "FrameMatcher",
    "LexiconError",
    "MATCH_MODES",
    "VOICES",
    "evaluate_lexicon",
    "frame_cooccurrence",
    "frame_evidence",
    "frame_scores",
    "load_lexicon",
    "match_frames",
]

#: How an entry word is compared with a token (see the module docstring).
MATCH_MODES = ("stem", "form")
#: Clitics a ``form`` entry accepts attached to its last letters.
CLITICS = ("nya", "lah", "pun")
#: Voices of :func:`analysis.quotes.sentence_table`.
VOICES = ("direct", "indirect", "narration")
#: Columns of a lexicon table; ``rationale`` may be missing from a user's file.
LEXICON_COLUMNS = ("frame", "entry", "match", "rationale")
REQUIRED_LEXICON_COLUMNS = ("frame", "entry", "match")
LEXICON_FILE = "frame_lexicon.csv"

#: Columns every sentence table has; the rest are metadata carried along.
_SENTENCE_CORE = ("doc_id", "sentence_no", "sentence", "voice", "speaker")
#: Document columns that are text, not metadata, and are never carried into results.
_NOT_METADATA = frozenset(
    {"raw", "body", "title", "removed", "dateline_place", "dateline_outlet", "cue"}
)
#: Bootstrap work is done in blocks of at most this many array cells.
_BOOT_BLOCK_CELLS = 4_000_000


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
        from .corpus import CorpusError, read_article

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
        Rows keep the source order; frames are ordered by first appearance.

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
        from .paths import DATA_DIR

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
        if entry in seen:
            other_loc, other_frame = seen[entry]
            place = "frame" if other_frame == frame else "frames"
            frames = frame if other_frame == frame else f"{other_frame} and {frame}"
            raise LexiconError(
                f"{loc}: duplicate entry {entry!r} in {place} {frames} "
                f"(also at {other_loc.removeprefix(where + ': ')})"
            )
        seen[entry] = (loc, frame)
        rationale = _cell(row.get("rationale"))
        records.append({"frame": frame, "entry": entry, "match": match, "rationale": rationale})
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
    and its stem, asked of :func:`~analysis.tokens.stem_word` only when the token could
    possibly stem to a lexicon key) and cached on the matcher.

    Parameters
    ----------
    lexicon : anything :func:`load_lexicon` accepts (``None``: the packaged lexicon).

    Attributes
    ----------
    lexicon : pandas.DataFrame
        The validated lexicon.
    frames : tuple of str
        Frame names in lexicon order.

    Examples
    --------
    >>> m = FrameMatcher({"coordination": ["kerja sama"], "performance": ["kinerja"]})
    >>> [(h["frame"], h["matched"]) for h in m.match_sentence("OPD bekerja sama demi kinerja.")]
    [('coordination', 'bekerja sama'), ('performance', 'kinerja')]
    """

    def __init__(self, lexicon: Any = None) -> None:
        lex = load_lexicon(lexicon)
        self.lexicon = lex
        self.frames: tuple[str, ...] = tuple(dict.fromkeys(lex["frame"]))
        frame_no = {f: i for i, f in enumerate(self.frames)}
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
        # (menyerap -> serap), so a token can stem to key k only if it contains k[1:].
        tails = sorted({k[1:] for k in stem_keys}, key=lambda t: (-len(t), t))
        self._may_stem = (
            re.compile("|".join(re.escape(t) for t in tails)).search if stem_keys else None
        )
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
            if self._may_stem is not None and self._may_stem(token):
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
        taken_until = [0] * len(self.frames)
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
    tokens : surface word tokens of a single sentence, e.g.
        ``[w for _, _, w in word_spans(normalize(sentence))]``.
    lexicon : a :class:`FrameMatcher` (fastest when called many times) or anything
        :func:`load_lexicon` accepts.

    Returns
    -------
    list of dict
        ``frame``, ``entry``, ``matched`` (the tokens joined by spaces),
        ``start_token``, ``end_token`` (exclusive).

    >>> [h["entry"] for h in match_frames(["penyerapan", "anggaran", "rendah"])]
    ['serap anggaran']
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


# ---------------------------------------------------------------------------- sentences


def _as_matcher(lexicon: Any) -> FrameMatcher:
    return lexicon if isinstance(lexicon, FrameMatcher) else FrameMatcher(lexicon)


def _is_sentence_table(obj: Any) -> bool:
    if not isinstance(obj, pd.DataFrame):
        return False
    cols = set(obj.columns) | set(obj.index.names)
    return {"doc_id", "sentence_no", "sentence", "voice"} <= cols and "body" not in cols


def _sentence_table(corpus: Any) -> pd.DataFrame:
    """The sentence table of a corpus (or the given one), with ``doc_id`` as a column."""
    if _is_sentence_table(corpus):
        table = corpus
    else:
        from .quotes import sentence_table

        table = sentence_table(corpus)
    if "doc_id" not in table.columns or "sentence_no" not in table.columns:
        table = table.reset_index()
    missing = [c for c in ("doc_id", "sentence_no", "sentence", "voice") if c not in table]
    if missing:  # pragma: no cover - a broken sentence_table contract
        raise FrameError(f"sentence table lacks column(s) {', '.join(missing)}")
    table = table.reset_index(drop=True)
    if "speaker" not in table.columns:
        table = table.assign(speaker="")
    return table


def _metadata_columns(table: pd.DataFrame) -> list[str]:
    return [
        c for c in table.columns
        if c not in _SENTENCE_CORE and c not in _NOT_METADATA and c != "index"
    ]


@dataclass
class _Coded:
    """Every sentence of a corpus with its tokens and frame hits."""

    table: pd.DataFrame  # sentence table (RangeIndex)
    frames: tuple[str, ...]
    tokens: np.ndarray  # (n_sentences,) word tokens per sentence
    hits: np.ndarray  # (n_sentences, n_frames) hits per sentence and frame
    evidence: list[tuple[int, int, str, str]]  # (sentence row, frame index, entry, matched)
    metadata: list[str] | None = None  # metadata columns of the corpus (None: the table's)


def _match_text(
    text: str, matcher: FrameMatcher, evidence: bool = True
) -> tuple[int, list[tuple[int, str, str | None]]]:
    """(word tokens, [(frame index, entry, matched text)]) of one sentence.

    Without ``evidence`` the matched text is ``None`` (not worked out).
    """
    norm = normalize(text)
    tokens = _ascii_tokens(norm)  # the usual sentence: no regex
    if tokens is None:
        parts = _TOKEN_SPLIT_RE.split(norm)  # gap, token, gap, token, ..., gap
        tokens = parts[1::2]
    else:
        parts = None
    all_words = "".join(tokens).replace("-", "").replace("'", "").isalpha()
    if all_words:  # the usual sentence, checked in C: no digits, every token a word
        words = tokens
    else:  # tokens without a letter (numbers) are not words
        words = [s for s in tokens if s.isalpha() or (  # tokens._is_word, inlined
            not s.isdecimal() and _HAS_LETTER_RE.search(s))]
    found = matcher.match_tokens(words)
    if not found:
        return len(words), []
    if not evidence:
        return len(words), [(fi, entry, None) for _s, _e, fi, entry in found]
    # offsets only for sentences with a hit: word i is token where[i], token j is part
    # 2 * j + 1, and part k spans starts[k]:starts[k + 1]
    where = range(len(tokens)) if all_words else [
        j for j, s in enumerate(tokens) if is_word(s)
    ]
    if parts is None:
        parts = _TOKEN_SPLIT_RE.split(norm)
    starts = list(accumulate(map(len, parts), initial=0))
    to_orig = _char_map(text, norm)
    out = []
    for start, end, fi, entry in found:
        first, last = where[start], where[end - 1]
        a = to_orig(starts[2 * first + 1])
        b = to_orig(starts[2 * last + 2] - 1) + 1
        out.append((fi, entry, text[a:b]))
    return len(words), out


def _code_document(
    doc: Mapping[str, Any],
    *,
    matcher: FrameMatcher,
    voices: bool,
    texts: bool,
    keep: frozenset[str] | None,
    evidence: bool = True,
) -> tuple | None:
    """Frame coding of one document, the per-document part of :func:`_code`.

    Returns ``(doc_id, metadata, metadata names, sentences, voices, speakers, tokens,
    hits)``: sentence texts only when ``texts`` (else only for sentences with a hit,
    when ``evidence``; else ``None``), voices and speakers only when ``voices`` (else
    ``None``), metadata restricted to ``keep`` (``None``: all), word tokens per sentence,
    and hits as ``(sentence index, frame, entry, matched)`` (entry and matched ``None``
    unless ``evidence``). Sentences are numbered from 1 in order. ``None`` for a
    document without a text body (skipped, as by the sentence table).
    """
    body = doc.get("body")
    if not isinstance(body, str):
        return None
    if voices:
        from .quotes import document_voices

        analysed = document_voices(doc)
        sentences = [v["sentence"] for v in analysed]
        voice_col = [v["voice"] for v in analysed]
        speaker_col = [v["speaker"] for v in analysed]
    else:
        from .tokens import split_sentences

        sentences = split_sentences(body)
        voice_col = speaker_col = None
    meta = {
        k: v for k, v in doc.items()
        if k not in _NOT_METADATA and k not in _SENTENCE_CORE and (keep is None or k in keep)
    }
    names = [k for k in doc if k not in _NOT_METADATA and k not in _SENTENCE_CORE]
    tokens, hits, kept = [], [], []
    for r, text in enumerate(sentences):
        n_tokens, found = _match_text(text, matcher, evidence)
        tokens.append(n_tokens)
        for fi, entry, matched in found:
            hits.append((r, fi, entry, matched) if evidence else (r, fi, None, None))
        kept.append(text if texts or (found and evidence) else None)
    return (
        str(doc["doc_id"]), meta, names, kept if texts or evidence else None,
        voice_col, speaker_col, tokens, hits,
    )


def _code(
    corpus: Any,
    matcher: FrameMatcher,
    *,
    voices: bool = True,
    texts: bool = True,
    evidence: bool = True,
    keep: Iterable[str] | None = None,
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
) -> _Coded:
    """Code every sentence: from a sentence table, or streamed from a corpus.

    A corpus is coded one document at a time (in worker processes, see
    :func:`analysis.parallel.map_documents`), keeping per sentence only its numbers
    (tokens, hits, in compact arrays), its voice and speaker when ``voices``, its text
    when ``texts`` (or, with ``evidence``, when it has a hit), and per document the
    metadata columns in ``keep`` (``None``: all); memory then grows with the number of
    sentences by a few bytes each, not with the text. Without ``evidence`` the
    evidence list is empty.
    """
    if _is_sentence_table(corpus):
        return _code_table(_sentence_table(corpus), matcher)
    from array import array
    from functools import partial

    from .parallel import map_documents

    func = partial(
        _code_document, matcher=matcher, voices=voices, texts=texts, evidence=evidence,
        keep=None if keep is None else frozenset(keep),
    )
    n = 0
    doc_ids: list[str] = []
    sizes = array("q")
    doc_meta: list[dict[str, Any]] = []
    names: dict[str, None] = {}
    sentences: list[str | None] = []
    voice_col: list[str] = []
    speaker_col: list[str] = []
    tokens = array("q")
    hit_rows, hit_frames = array("q"), array("q")
    found: list[tuple[int, int, str, str]] = []
    for rec in map_documents(func, corpus, jobs=jobs, engine=engine, progress=progress,
                             desc="coding frames"):
        if rec is None:
            continue
        doc_id, meta, doc_names, sents, vs, sps, toks, hits = rec
        names.update(dict.fromkeys(doc_names))
        doc_ids.append(doc_id)
        sizes.append(len(toks))
        doc_meta.append(meta)
        if sents is not None:
            sentences.extend(sents)
        if vs is not None:
            voice_col.extend(vs)
            speaker_col.extend(sps)
        tokens.extend(toks)
        for r, fi, entry, matched in hits:
            hit_rows.append(n + r)
            hit_frames.append(fi)
            if evidence:
                found.append((n + r, fi, entry, matched))
        n += len(toks)
    counts = np.frombuffer(sizes, dtype=np.int64) if len(sizes) else np.zeros(0, np.int64)

    def per_sentence(values: list) -> np.ndarray:
        arr = np.empty(len(values), dtype=object)
        arr[:] = values
        return np.repeat(arr, counts)

    columns: dict[str, Any] = {
        "doc_id": per_sentence(doc_ids),
        "sentence_no": (
            np.arange(n, dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts) + 1
        ),
        "sentence": np.array(sentences, dtype=object) if sentences else np.full(n, None),
        "voice": np.array(voice_col, dtype=object) if voices else np.full(n, "", dtype=object),
        "speaker": (
            np.array(speaker_col, dtype=object) if voices else np.full(n, "", dtype=object)
        ),
    }
    meta_keys = list(dict.fromkeys(k for m in doc_meta for k in m))
    for key in meta_keys:
        columns[key] = per_sentence([m.get(key) for m in doc_meta])
    table = pd.DataFrame(columns, columns=list(columns))
    hits_arr = np.zeros((n, len(matcher.frames)), dtype=np.int64)
    if len(hit_rows):
        np.add.at(
            hits_arr,
            (np.frombuffer(hit_rows, dtype=np.int64), np.frombuffer(hit_frames, dtype=np.int64)),
            1,
        )
    tok_arr = np.frombuffer(tokens, dtype=np.int64).copy() if n else np.zeros(0, np.int64)
    return _Coded(table, matcher.frames, tok_arr, hits_arr, found, list(names))


def _code_table(table: pd.DataFrame, matcher: FrameMatcher) -> _Coded:
    texts = table["sentence"].astype(str).tolist()
    n, nf = len(texts), len(matcher.frames)
    tokens = np.zeros(n, dtype=np.int64)
    hits = np.zeros((n, nf), dtype=np.int64)
    evidence: list[tuple[int, int, str, str]] = []
    for r, text in enumerate(texts):
        tokens[r], found = _match_text(text, matcher)
        for fi, entry, matched in found:
            hits[r, fi] += 1
            evidence.append((r, fi, entry, matched))
    return _Coded(table, matcher.frames, tokens, hits, evidence)


def _meta_names(coded: _Coded) -> list[str]:
    """Metadata columns of the coded corpus (for grouping and error messages)."""
    if coded.metadata is not None:
        return list(coded.metadata)
    return _metadata_columns(coded.table)


def _voice_mask(table: pd.DataFrame, voice: str | Sequence[str] | None) -> np.ndarray:
    if voice is None:
        return np.ones(len(table), dtype=bool)
    wanted = [voice] if isinstance(voice, str) else list(voice)
    known = set(VOICES) | set(table["voice"].dropna().unique())
    unknown = [v for v in wanted if v not in known]
    if unknown:
        raise FrameError(
            f"unknown voice {', '.join(map(repr, unknown))} (use {', '.join(VOICES)})"
        )
    return table["voice"].isin(wanted).to_numpy()


# ---------------------------------------------------------------------------- evidence


def frame_evidence(
    corpus: Any,
    *,
    lexicon: Any = None,
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Every frame hit with the sentence it is in, so any number can be audited.

    Parameters
    ----------
    corpus : a corpus (DataFrame of :func:`~analysis.corpus.load_corpus`, iterable of
        documents, folder path) or a sentence table of
        :func:`analysis.quotes.sentence_table`.
    lexicon : a :class:`FrameMatcher` or anything :func:`load_lexicon` accepts.
    jobs, engine, progress : how a corpus is coded (see
        :func:`analysis.parallel.map_documents`): ``jobs`` worker processes (default
        ``None``: all cores, but serial below 200 documents; 1: serial), ``engine``
        ``"processes"``, ``"serial"`` or ``"dask"``, and a progress bar (``None``: on a
        terminal, for runs over two seconds). Every engine gives the same table.

    Returns
    -------
    pandas.DataFrame
        Index ``hit`` (0, 1, ...), one row per hit, in corpus, sentence and text order.
        Columns: ``doc_id``; ``sentence_no`` (1-based, per document); ``voice`` of the
        sentence (``direct``, ``indirect`` or ``narration``); ``speaker`` (``""`` when
        none); ``frame``; ``entry`` (the lexicon entry that matched); ``matched`` (the
        words as written in the sentence: ``matched in sentence`` always holds);
        ``sentence`` (its text); then the metadata columns of the sentence table
        (``leader``, ``role``, ``level``, ``date`` ... when present).
    """
    matcher = _as_matcher(lexicon)
    coded = _code(corpus, matcher, texts=False, jobs=jobs, engine=engine, progress=progress)
    table = coded.table
    meta = _metadata_columns(table)
    rows = np.array([e[0] for e in coded.evidence], dtype=np.int64)
    base = table.iloc[rows] if len(rows) else table.iloc[:0]
    out = pd.DataFrame(
        {
            "doc_id": base["doc_id"].to_numpy(),
            "sentence_no": base["sentence_no"].to_numpy(),
            "voice": base["voice"].to_numpy(),
            "speaker": base["speaker"].fillna("").to_numpy(),
            "frame": [coded.frames[e[1]] for e in coded.evidence],
            "entry": [e[2] for e in coded.evidence],
            "matched": [e[3] for e in coded.evidence],
            "sentence": base["sentence"].to_numpy(),
        }
    )
    for c in meta:
        out[c] = base[c].to_numpy()
    out.index.name = "hit"
    return out


# ---------------------------------------------------------------------------- scores


def _group_seed(seed: int, key: Any) -> np.random.Generator:
    """A generator for one group, from the seed and the group's key.

    Seeding per group keeps a group's interval unchanged when other groups are added
    or removed (e.g. when the corpus is filtered).
    """
    return np.random.default_rng([int(seed), zlib.crc32(repr(key).encode("utf-8"))])


def _bootstrap(
    unit_hits: np.ndarray, unit_tokens: np.ndarray, n_boot: int, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Resample units with replacement; (rates per 1,000, shares), each (n_boot, n_frames)."""
    n, nf = unit_hits.shape
    rates = np.empty((n_boot, nf))
    shares = np.empty((n_boot, nf))
    # hits and tokens side by side, as floats: sums of counts stay exact integers
    units = np.column_stack([unit_hits, unit_tokens]).astype(float)  # (n, nf + 1)
    block = max(1, _BOOT_BLOCK_CELLS // max(1, 3 * n))  # draws, counts, weights
    for start in range(0, n_boot, block):
        b = min(block, n_boot - start)
        idx = rng.integers(0, n, size=(b, n))
        # how often each unit is drawn in each resample, then one matrix product: the
        # same sums as adding up the drawn units' rows, without a (b, n, nf) array
        idx += np.arange(b)[:, None] * n
        weights = np.bincount(idx.ravel(), minlength=b * n).reshape(b, n).astype(float)
        sums = weights @ units  # (b, nf + 1)
        h, t = sums[:, :nf], sums[:, nf]
        tot = h.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            rates[start : start + b] = np.where(t[:, None] > 0, h / t[:, None] * 1000, np.nan)
            shares[start : start + b] = np.where(tot[:, None] > 0, h / tot[:, None], np.nan)
    return rates, shares


def _percentiles(values: np.ndarray, ci: float) -> tuple[np.ndarray, np.ndarray]:
    alpha = (1 - ci) / 2 * 100
    if not np.isnan(values).any():
        lo, hi = np.percentile(values, [alpha, 100 - alpha], axis=0)
        return lo, hi
    lo, hi = np.full(values.shape[1], np.nan), np.full(values.shape[1], np.nan)
    for j in range(values.shape[1]):
        col = values[:, j]
        col = col[~np.isnan(col)]
        if len(col):
            lo[j], hi[j] = np.percentile(col, [alpha, 100 - alpha])
    return lo, hi


def _dominant(hits: np.ndarray, frames: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per row of ``hits`` (groups x frames): bool mask of the top frames, and their names."""
    top = hits.max(axis=1, keepdims=True)
    mask = (hits == top) & (top > 0)
    order = np.argsort(np.asarray(frames, dtype=object))
    names = np.array(
        ["+".join(frames[j] for j in order if row[j]) for row in mask], dtype=object
    )
    return mask, names


_SCORE_STATS = (
    "frame", "hits", "tokens", "per_1000", "share", "dominant", "dominant_frame",
    "ci_low", "ci_high", "share_ci_low", "share_ci_high", "n_articles", "n_sentences",
    "resampled",
)


def frame_scores(
    corpus: Any,
    *,
    by: str | Sequence[str] = "doc_id",
    voice: str | Sequence[str] | None = None,
    lexicon: Any = None,
    n_boot: int = 1000,
    ci: float = 0.95,
    seed: int = 12345,
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Frame hits, rates, shares and dominant frame per group, with bootstrap intervals.

    Parameters
    ----------
    corpus : a corpus (DataFrame of :func:`~analysis.corpus.load_corpus`, iterable of
        documents, folder path) or a sentence table of
        :func:`analysis.quotes.sentence_table`.
    by : ``"doc_id"`` (per article, the default), any metadata column of the corpus
        (``leader``, ``role``, ``level``, ``date`` ...), ``"voice"``, ``"speaker"``, a
        list of such columns, or ``"sentence"`` (one group per sentence).
    voice : keep only sentences of this voice or these voices (``"direct"``,
        ``"indirect"``, ``"narration"``) before scoring; ``None`` keeps all.
    lexicon : a :class:`FrameMatcher` or anything :func:`load_lexicon` accepts.
    n_boot : number of bootstrap resamples (0: no intervals, the ``ci_*`` columns are NaN).
    ci : coverage of the percentile intervals (0.95: 2.5th and 97.5th percentiles).
    seed : seed of the random generator; the same input and seed give identical output.
    jobs, engine, progress : how a corpus is coded, as in :func:`frame_evidence` (the
        bootstrap runs afterwards, in this process, with the same seed: every engine
        gives the same table). Voices and speakers are worked out only when ``voice``
        or ``by`` needs them.

    Returns
    -------
    pandas.DataFrame
        Tidy, index ``row``: one row per group and frame (groups sorted by key, frames in
        lexicon order; groups with no sentence left after ``voice`` are absent).
        Columns:

        - the ``by`` column(s) -- for ``by="sentence"``: ``doc_id``, ``sentence_no``,
          ``sentence`` (its text), ``voice`` and ``speaker`` instead;
        - ``frame``;
        - ``hits``: matches of the frame's entries in the group's sentences;
        - ``tokens``: all word tokens of the group's sentences, before stopword removal
          (the denominator);
        - ``per_1000``: ``hits / tokens * 1000`` (NaN when ``tokens`` is 0);
        - ``share``: ``hits`` / all frame hits of the group (NaN when the group has no
          hit), so shares sum to 1 within a group with hits;
        - ``dominant``: True for the frame(s) with most hits in the group (all tied
          frames are True; all False when the group has no hit);
        - ``dominant_frame``: the same on every row of the group, as a name: the top
          frame, tied frames sorted and joined with ``+`` (``coordination+performance``),
          or ``""`` when the group has no hit;
        - ``ci_low``, ``ci_high``: percentile bootstrap interval of ``per_1000``;
        - ``share_ci_low``, ``share_ci_high``: the same for ``share`` (resamples without
          any hit are left out);
        - ``n_articles``, ``n_sentences``: articles and sentences in the group;
        - ``resampled``: the bootstrap unit, ``"sentences"`` or ``"articles"``.

    Notes
    -----
    The bootstrap resamples, with replacement, the *sentences* of a group made of one
    article, and the *articles* of a group made of several (a cluster bootstrap: each
    resample draws as many articles as the group has, keeping each article's sentences
    together, since sentences of one article are not independent). Rates and shares are
    ratios of the resampled sums. Each group has its own generator, seeded from
    ``seed`` and the group's key, so its interval does not change when other groups are
    added or removed. With ``by="sentence"`` no interval is computed (NaN).

    A group of one article with few sentences gives wide, lumpy intervals; a rate of 0
    gives the interval [0, 0] -- read intervals together with ``n_sentences``.

    Examples
    --------
    >>> scores = frame_scores(load_corpus(), by="leader", n_boot=200)   # doctest: +SKIP
    >>> scores.pivot(index="leader", columns="frame", values="per_1000")  # doctest: +SKIP
    """
    if not isinstance(n_boot, (int, np.integer)) or isinstance(n_boot, bool) or n_boot < 0:
        raise FrameError(f"n_boot must be a whole number >= 0, got {n_boot!r}")
    if not 0 < ci < 1:
        raise FrameError(f"ci must be between 0 and 1 (e.g. 0.95), got {ci!r}")
    matcher = _as_matcher(lexicon)
    by_list = [by] if isinstance(by, str) else list(by)
    sentence_level = isinstance(by, str) and by == "sentence"
    coded = _code(
        corpus, matcher,
        voices=voice is not None or sentence_level or bool({"voice", "speaker"} & set(by_list)),
        texts=sentence_level, evidence=False, keep=by_list, jobs=jobs, engine=engine,
        progress=progress,
    )
    frames = coded.frames
    nf = len(frames)
    if voice is None:  # every sentence: no copy of the (possibly long) sentence table
        table = coded.table.reset_index(drop=True)
        tokens, hits = coded.tokens, coded.hits
    else:
        mask = _voice_mask(coded.table, voice)
        table = coded.table.loc[mask].reset_index(drop=True)
        tokens, hits = coded.tokens[mask], coded.hits[mask]

    if isinstance(by, str) and by == "sentence":
        return _sentence_scores(table, tokens, hits, frames)

    by_cols = [by] if isinstance(by, str) else list(by)
    available = ["doc_id", "voice", "speaker", *_meta_names(coded)]
    unknown = [c for c in by_cols if c not in available]
    if unknown or not by_cols:
        raise FrameError(
            f"unknown grouping column {', '.join(map(repr, unknown)) or '(none)'}; "
            f"available: {', '.join(available)}, or 'sentence' on its own"
        )

    keys_df = table[by_cols]
    groups = keys_df.groupby(by_cols, sort=True, dropna=False).indices if len(table) else {}
    doc_codes, _docs = pd.factorize(table["doc_id"]) if len(table) else (np.array([]), [])
    records: dict[str, list] = {c: [] for c in by_cols}
    stats: dict[str, list] = {c: [] for c in _SCORE_STATS}
    group_hits = []
    from .parallel import progress_bar

    bar = progress_bar(len(groups), "bootstrap", progress, unit="group") if n_boot else None
    for key in sorted(groups, key=_sort_key):
        if bar is not None:
            bar.update(1)
        rows = groups[key]
        key_t = key if isinstance(key, tuple) else (key,)
        h_rows, t_rows = hits[rows], tokens[rows]
        g_hits, g_tokens = h_rows.sum(axis=0), int(t_rows.sum())
        docs_in = doc_codes[rows]
        uniq, inverse = np.unique(docs_in, return_inverse=True)
        if len(uniq) > 1:
            unit_h = np.zeros((len(uniq), nf), dtype=np.int64)
            np.add.at(unit_h, inverse, h_rows)
            unit_t = np.bincount(inverse, weights=t_rows, minlength=len(uniq))
            unit = "articles"
        else:
            unit_h, unit_t, unit = h_rows, t_rows, "sentences"
        if n_boot > 0:
            rates, shares = _bootstrap(unit_h, unit_t, n_boot, _group_seed(seed, key_t))
            lo, hi = _percentiles(rates, ci)
            slo, shi = _percentiles(shares, ci)
        else:
            lo = hi = slo = shi = np.full(nf, np.nan)
        total = g_hits.sum()
        for fi, frame in enumerate(frames):
            for c, v in zip(by_cols, key_t):
                records[c].append(v)
            stats["frame"].append(frame)
            stats["hits"].append(int(g_hits[fi]))
            stats["tokens"].append(g_tokens)
            stats["per_1000"].append(g_hits[fi] / g_tokens * 1000 if g_tokens else np.nan)
            stats["share"].append(g_hits[fi] / total if total else np.nan)
            stats["ci_low"].append(lo[fi])
            stats["ci_high"].append(hi[fi])
            stats["share_ci_low"].append(slo[fi])
            stats["share_ci_high"].append(shi[fi])
            stats["n_articles"].append(len(uniq))
            stats["n_sentences"].append(len(rows))
            stats["resampled"].append(unit)
        group_hits.append(g_hits)
    if bar is not None:
        bar.close()
    gh = np.array(group_hits).reshape(-1, nf)
    dom_mask, dom_names = _dominant(gh, frames)
    stats["dominant"] = dom_mask.ravel().tolist()
    stats["dominant_frame"] = np.repeat(dom_names, nf).tolist()
    out = pd.DataFrame({**records, **stats})
    out = out.astype({"hits": "int64", "tokens": "int64", "n_articles": "int64",
                      "n_sentences": "int64", "dominant": "bool"})
    for c in ("per_1000", "share", "ci_low", "ci_high", "share_ci_low", "share_ci_high"):
        out[c] = out[c].astype("float64")
    out.index.name = "row"
    return out


def _sort_key(key: Any) -> tuple:
    """Sort group keys deterministically, missing values last, mixed types by name."""
    key_t = key if isinstance(key, tuple) else (key,)
    return tuple((pd.isna(k), type(k).__name__, k if not pd.isna(k) else 0) for k in key_t)


def _sentence_scores(
    table: pd.DataFrame, tokens: np.ndarray, hits: np.ndarray, frames: Sequence[str]
) -> pd.DataFrame:
    n, nf = hits.shape
    total = hits.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        rate = np.where(tokens[:, None] > 0, hits / np.maximum(tokens, 1)[:, None] * 1000, np.nan)
        share = np.where(total[:, None] > 0, hits / np.maximum(total, 1)[:, None], np.nan)
    dom_mask, dom_names = _dominant(hits, frames)
    rep = lambda col: np.repeat(table[col].to_numpy(), nf)  # noqa: E731
    out = pd.DataFrame(
        {
            "doc_id": rep("doc_id"),
            "sentence_no": rep("sentence_no"),
            "sentence": rep("sentence"),
            "voice": rep("voice"),
            "speaker": np.repeat(table["speaker"].fillna("").to_numpy(), nf),
            "frame": np.tile(np.asarray(frames, dtype=object), n),
            "hits": hits.ravel().astype("int64"),
            "tokens": np.repeat(tokens, nf).astype("int64"),
            "per_1000": rate.ravel().astype("float64"),
            "share": share.ravel().astype("float64"),
            "dominant": dom_mask.ravel(),
            "dominant_frame": np.repeat(dom_names, nf),
            "ci_low": np.full(n * nf, np.nan),
            "ci_high": np.full(n * nf, np.nan),
            "share_ci_low": np.full(n * nf, np.nan),
            "share_ci_high": np.full(n * nf, np.nan),
        }
    )
    out.index.name = "row"
    return out


# ---------------------------------------------------------------------------- co-occurrence


def frame_cooccurrence(
    corpus: Any,
    *,
    lexicon: Any = None,
    voice: str | Sequence[str] | None = None,
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
) -> pd.DataFrame:
    """How many sentences express two frames together.

    Parameters
    ----------
    corpus : a corpus or a sentence table (as for :func:`frame_scores`).
    lexicon : a :class:`FrameMatcher` or anything :func:`load_lexicon` accepts.
    voice : keep only sentences of this voice or these voices.
    jobs, engine, progress : as in :func:`frame_evidence`.

    Returns
    -------
    pandas.DataFrame
        Square, symmetric, index and columns ``frame`` in lexicon order: the number of
        sentences with at least one hit of the row frame and at least one hit of the
        column frame; the diagonal is the number of sentences with the frame.
    """
    matcher = _as_matcher(lexicon)
    coded = _code(
        corpus, matcher, voices=voice is not None, texts=False, evidence=False, keep=(),
        jobs=jobs, engine=engine, progress=progress,
    )
    mask = _voice_mask(coded.table, voice)
    present = (coded.hits[mask] > 0).astype(np.int64)
    counts = present.T @ present
    out = pd.DataFrame(counts, index=list(coded.frames), columns=list(coded.frames))
    out.index.name = "frame"
    out.columns.name = "frame"
    return out


# ---------------------------------------------------------------------------- validation

_GOLD_NON_FRAME = frozenset({"doc_id", "sentence_no", "sentence", "voice", "speaker", "note"})


def _same_text(a: str, b: str) -> bool:
    return " ".join(normalize(str(a)).split()) == " ".join(normalize(str(b)).split())


def evaluate_lexicon(
    predicted: pd.DataFrame, gold: pd.DataFrame, *, frames: Sequence[str] | None = None
) -> pd.DataFrame:
    """Per-frame precision, recall and F1 of the lexicon against hand-coded sentences.

    Parameters
    ----------
    predicted : the evidence table of :func:`frame_evidence` (one row per hit) or the
        ``by="sentence"`` table of :func:`frame_scores`. A sentence is predicted positive
        for a frame when it has at least one hit of that frame.
    gold : hand coding, one row per sentence, with ``doc_id``, ``sentence_no``,
        ``sentence`` and one 0/1 column per frame (as read by
        :func:`analysis.corpus.read_hand_coding`). Only the gold sentences are scored.
    frames : the frames to score; default: the gold columns other than ``doc_id``,
        ``sentence_no``, ``sentence``, ``voice``, ``speaker``, ``note``.

    Returns
    -------
    pandas.DataFrame
        Index ``frame``; columns ``tp``, ``fp``, ``fn`` (sentence counts), ``precision``
        ``= tp / (tp + fp)``, ``recall = tp / (tp + fn)``, ``f1`` (their harmonic mean;
        NaN when undefined), ``support`` (gold positives, ``tp + fn``).

    Raises
    ------
    FrameError
        When the tables do not align: a sentence of both tables with different texts
        (the sentence numbering differs), a gold sentence missing from a sentence-score
        table, or a frame missing from the gold table.
    """
    key = ["doc_id", "sentence_no"]
    gold = gold.copy()
    gold["doc_id"] = gold["doc_id"].astype(str)
    gold["sentence_no"] = gold["sentence_no"].astype(int)
    if frames is None:
        frames = [c for c in gold.columns if c not in _GOLD_NON_FRAME]
    missing = [f for f in frames if f not in gold.columns]
    if missing:
        raise FrameError(f"gold table has no column for frame(s) {', '.join(missing)}")
    pred = predicted.copy()
    pred["doc_id"] = pred["doc_id"].astype(str)
    pred["sentence_no"] = pred["sentence_no"].astype(int)

    if "sentence" in pred.columns and "sentence" in gold.columns:
        texts = pred.drop_duplicates(key).set_index(key)["sentence"]
        g_texts = gold.set_index(key)["sentence"]
        common = g_texts.index.intersection(texts.index)
        bad = [k for k in common if not _same_text(g_texts[k], texts[k])]
        if bad:
            k = bad[0]
            raise FrameError(
                f"{len(bad)} sentence(s) differ between the predictions and the gold table, "
                f"first doc_id {k[0]!r} sentence {k[1]}: {texts[k]!r} vs {g_texts[k]!r}"
            )
    is_scores = "hits" in pred.columns and "tokens" in pred.columns
    if is_scores:
        have = set(map(tuple, pred[key].drop_duplicates().itertuples(index=False, name=None)))
        absent = [k for k in gold[key].itertuples(index=False, name=None) if k not in have]
        if absent:
            raise FrameError(
                f"{len(absent)} gold sentence(s) are not in the predictions, first "
                f"doc_id {absent[0][0]!r} sentence {absent[0][1]}"
            )
        pos = pred.loc[pred["hits"] > 0, key + ["frame"]]
    else:
        pos = pred[key + ["frame"]]
    positive = set(pos.itertuples(index=False, name=None))

    rows = []
    gold_keys = list(gold[key].itertuples(index=False, name=None))
    for f in frames:
        truth = gold[f].fillna(0).astype(int).to_numpy() > 0
        guess = np.array([(d, s, f) in positive for d, s in gold_keys], dtype=bool)
        tp = int((truth & guess).sum())
        fp = int((~truth & guess).sum())
        fn = int((truth & ~guess).sum())
        p = tp / (tp + fp) if tp + fp else np.nan
        r = tp / (tp + fn) if tp + fn else np.nan
        if tp + fp and tp + fn:
            f1 = 2 * p * r / (p + r) if p + r else 0.0
        else:
            f1 = np.nan
        rows.append({"frame": f, "tp": tp, "fp": fp, "fn": fn, "precision": p,
                     "recall": r, "f1": f1, "support": tp + fn})
    out = pd.DataFrame(rows).set_index("frame")
    return out
