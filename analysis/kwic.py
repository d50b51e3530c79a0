"""Keyword in context (KWIC) and dispersion: where a word, stem, phrase or glob occurs.

What AntConc's Concordance and Concordance Plot tools give a corpus linguist, as pandas
tables, on the cleaned ``body`` of each article and the project's own sentences and word
tokens (:mod:`analysis.tokens`):

- :func:`kwic_table`  keyword in context: one row per hit, with its left and right context
- :func:`dispersion`  where chosen terms occur in each article (for an x-ray plot,
  :func:`analysis.plots.plot_dispersion`)

Both match patterns in the same way (:class:`_Matcher`): a word, a multiword expression
inside one sentence, a glob (``koordinasi*``) or, with ``stem=True``, a stem.

``kwic_table`` was ``analysis.terms.kwic``; that name, and ``analysis.terms.dispersion``,
still work.

>>> from analysis import load_corpus                                   # doctest: +SKIP
>>> kwic_table(load_corpus(), "penyerapan anggaran", window=3)          # doctest: +SKIP
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import partial
from typing import Any

import pandas as pd

from .corpus import as_documents
from .parallel import map_documents
from .tokens import normalize, split_sentences, stem_word, tokenize, word_spans

__all__ = ["dispersion", "kwic", "kwic_table", "sort_kwic"]

_GLOB_CHARS = frozenset("*?[")

KWIC_COLUMNS = ("doc_id", "sentence_no", "from", "to", "left", "keyword", "right")
DISPERSION_COLUMNS = ("doc_id", "term", "token_index", "relative_position", "sentence_no")


# ---------------------------------------------------------------------------- matching


def _is_glob(part: str) -> bool:
    return any(ch in _GLOB_CHARS for ch in part)


def _literal_fragments(part: str) -> list[str]:
    """Fixed pieces of a (glob) pattern word that every match must contain."""
    part = re.sub(r"\[[^\]]*\]", "\x00", part)
    return [f for f in re.split(r"[*?\x00]", part) if f]


class _Matcher:
    """Match a word, stem, multiword expression or glob against a sentence's tokens."""

    def __init__(self, pattern: str, *, stem: bool) -> None:
        if not isinstance(pattern, str):
            raise TypeError(f"pattern must be a str, got {type(pattern).__name__}")
        parts = normalize(pattern).lower().split()
        if not parts:
            raise ValueError("empty pattern: give a word, a stem, several words or a glob")
        self.pattern = pattern
        self.parts = parts
        self.stem = stem
        self.needs_stems = stem and any(not _is_glob(p) for p in parts)
        self.stems = [stem_word(p) if stem and not _is_glob(p) else p for p in parts]
        # Literal pieces a matching text must contain (cheap pre-filter on whole documents).
        self.fragments = [] if stem else [f for p in parts for f in _literal_fragments(p)]

    def could_match(self, lowered_text: str) -> bool:
        return all(f in lowered_text for f in self.fragments)

    def _word_matches(self, k: int, lower: str, stemmed: str | None) -> bool:
        part = self.parts[k]
        if _is_glob(part):
            return fnmatch.fnmatchcase(lower, part)
        if lower == part:
            return True
        return self.stem and stemmed == self.stems[k]

    def find(self, lowers: list[str], stems: list[str] | None) -> Iterator[int]:
        """Start indices of the hits in one sentence (hits may not overlap)."""
        n = len(self.parts)
        i = 0
        while i <= len(lowers) - n:
            if all(
                self._word_matches(k, lowers[i + k], stems[i + k] if stems else None)
                for k in range(n)
            ):
                yield i
                i += n
            else:
                i += 1


def _doc_sentences(
    body: str, *, needs_stems: bool
) -> Iterator[tuple[int, str, list[tuple[int, int, str]], list[str], list[str] | None]]:
    """Per sentence: number, normalised text, spans, lower tokens, stems (if needed)."""
    for no, sentence in enumerate(split_sentences(body), start=1):
        text = normalize(sentence)
        spans = word_spans(text)
        lowers = [s.lower() for _, _, s in spans]
        stems = tokenize(sentence, stem=True) if needs_stems else None
        yield no, text, spans, lowers, stems


# ---------------------------------------------------------------------------- KWIC


def _kwic_doc(
    doc: Mapping[str, Any], *, matcher: _Matcher, window: int
) -> list[tuple[Any, int, int, int, str, str, str]]:
    """KWIC rows of one document (``from`` and ``to`` count word tokens from 1)."""
    body = doc["body"] or ""
    if not matcher.could_match(normalize(body).lower()):
        return []
    n = len(matcher.parts)
    rows = []
    offset = 0  # word tokens of the document before this sentence
    for no, text, spans, lowers, stems in _doc_sentences(body, needs_stems=matcher.needs_stems):
        for i in matcher.find(lowers, stems):
            j = i + n - 1
            start, end = spans[i][0], spans[j][1]
            lo = spans[i - window][0] if i - window >= 0 else 0
            hi = spans[j + window][1] if j + window < len(spans) else len(text)
            left, right = text[lo:start].strip(), text[end:hi].strip()
            rows.append(
                (doc["doc_id"], no, offset + i + 1, offset + j + 1, left, text[start:end], right)
            )
        offset += len(lowers)
    return rows


def _concat(parts: list[list]) -> list:
    return [row for part in parts for row in part]


_CONTEXT_KEY_RE = re.compile(r"([LR])([1-9][0-9]*)", re.IGNORECASE)


def _sort_keys(sort: str | Sequence[str] | None, columns: Iterable[str]) -> list[str]:
    """The sort keys given, checked: ``L<n>``, ``R<n>``, ``keyword`` or a column."""
    if sort is None:
        return []
    keys = [sort] if isinstance(sort, str) else list(sort)
    known = set(columns)
    for key in keys:
        if not isinstance(key, str) or not (
            _CONTEXT_KEY_RE.fullmatch(key) or key == "keyword" or key in known
        ):
            raise ValueError(
                "sort must be 'L1', 'L2' ... (words left of the hit), 'R1', 'R2' ... (words "
                f"right of it), 'keyword' or a column of the table; got {key!r}"
            )
    return keys


def _context_words(text: Any) -> list[str]:
    return [w.casefold() for _, _, w in word_spans(text if isinstance(text, str) else "")]


def _sort_column(table: pd.DataFrame, key: str) -> list:
    """One comparable value per row for one sort key (see :func:`sort_kwic`)."""
    context = _CONTEXT_KEY_RE.fullmatch(key)
    if context:
        side, n = context.group(1).upper(), int(context.group(2))
        if side == "L":
            return [tuple(_context_words(t)[::-1][n - 1 :]) for t in table["left"]]
        return [tuple(_context_words(t)[n - 1 :]) for t in table["right"]]
    if key == "keyword":
        return [
            (str(k).casefold(), tuple(_context_words(r)))
            for k, r in zip(table["keyword"], table["right"])
        ]
    numeric = pd.api.types.is_numeric_dtype(table[key])
    return [
        (True, "") if pd.isna(v) else (False, v if numeric else str(v).casefold())
        for v in table[key]
    ]


def sort_kwic(table: pd.DataFrame, sort: str | Sequence[str] | None) -> pd.DataFrame:
    """A KWIC table (of :func:`kwic_table`) sorted as a concordancer sorts it.

    Parameters
    ----------
    table : pandas.DataFrame
        A table of :func:`kwic_table` (``left``, ``keyword``, ``right`` columns), possibly
        filtered or with more columns (metadata).
    sort : str, list of str or None
        ``None``: unchanged. ``"L1"``: by the word just left of the hit, ``"L2"`` the
        second word left, and so on; ``"R1"``, ``"R2"`` ...: the words right of it;
        ``"keyword"``: the matched words; or the name of any column (``doc_id``,
        ``leader`` ...). Words compare case-insensitively as word tokens (punctuation
        left out), and only within the context shown (``window``): a hit without an
        ``L1`` word (at the start of its sentence, or with ``window=0``) comes first.
        A list sorts by its first key, then the next.

    Returns
    -------
    pandas.DataFrame
        The same rows and columns, reordered; the index (``hit``) keeps each row's number
        in corpus order. Ties are broken deterministically: ``L<n>`` by the words further
        left (L<n+1>, L<n+2> ...), ``R<n>`` by the words further right, ``keyword`` by the
        right context (R1, R2 ...), and last by corpus order (the ``hit`` number).

    Raises
    ------
    ValueError
        If a key is not ``L<n>``, ``R<n>``, ``keyword`` nor a column of the table.
    """
    keys = _sort_keys(sort, table.columns)
    if not keys or len(table) < 2:
        return table
    columns = [_sort_column(table, key) for key in keys]
    last = table.index if pd.api.types.is_integer_dtype(table.index) else range(len(table))
    order = sorted(range(len(table)), key=lambda r: (*(c[r] for c in columns), last[r]))
    return table.iloc[order]


def kwic_table(
    corpus: Any,
    pattern: str,
    *,
    window: int = 5,
    stem: bool = False,
    sort: str | Sequence[str] | None = None,
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``pattern``, one row per hit.

    Also available as ``analysis.terms.kwic`` and ``analysis.kwic.kwic`` (its former
    name, kept as an alias).

    Parameters
    ----------
    corpus : Any
        Anything :func:`analysis.corpus.as_documents` accepts (a corpus DataFrame, a
        stream of documents, a folder or file path).
    pattern : str
        What to look for, case-insensitive, compared with whole word tokens:

        - a word: ``"kinerja"`` matches the token *kinerja* (not *kinerjanya*);
        - a multiword expression: ``"penyerapan anggaran"`` matches consecutive tokens
          **inside one sentence** (a sentence break between the words is not a match);
        - a glob: ``*`` any characters, ``?`` one character, ``[..]`` a set, matched
          against the lower-case token: ``"koordinasi*"``, ``"*disiplin*"``; globs may
          be mixed with words (``"kerja sama*"``);
        - a stem, with ``stem=True``: each word of the pattern is reduced with
          :func:`analysis.stemming.stem_word` and compared with the stems of the tokens, so
          ``"disiplin"`` (or ``"kedisiplinan"``) matches *disiplin*, *kedisiplinan*,
          *mendisiplinkan*; a token equal to the pattern word always matches too.
    window : int
        Number of word tokens of context on each side (punctuation between them is
        kept); the context stops at the sentence's ends.
    stem : bool
        Match by stem (see ``pattern``).
    sort : str, list of str or None
        Row order: ``None`` (default) corpus order; ``"L1"`` by the word just left of the
        hit, ``"L2"`` the second word left ...; ``"R1"``, ``"R2"`` ... the words right of
        it; ``"keyword"`` the matched words; or any column (``"doc_id"``). Ties are
        broken deterministically, last by corpus order (see :func:`sort_kwic`).
    jobs : int or None
        Worker processes (see :func:`analysis.parallel.map_documents`; default ``None``:
        all cores, but serial below 200 documents; 1: serial).
    engine : str
        ``"processes"``, ``"serial"`` or ``"dask"``; every engine gives the same table.
    progress : bool or None
        Show a progress bar (``None``: on a terminal or in a notebook, for runs over two
        seconds).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``hit`` (0, 1, 2 ... in corpus order; a sorted table keeps each row's
        number), columns:

        ``doc_id``
            The document.
        ``sentence_no``
            The sentence, numbered from 1 in the document
            (:func:`analysis.tokens.split_sentences` of the body).
        ``from``, ``to``
            The positions of the hit's first and last word among the word tokens of the
            document's body, counted **from 1** as quanteda's ``kwic`` does (stopwords
            included, punctuation and numbers without a letter not counted; the
            ``token_index`` of :func:`dispersion` counts the same tokens from 0). A
            one-word hit has ``from == to``.
        ``left``
            Up to ``window`` words before the hit, as written.
        ``keyword``
            The matched text as written in the article (case kept; typographic quotes and
            dashes normalised as in :func:`analysis.tokens.normalize`).
        ``right``
            Up to ``window`` words after the hit, as written (with the sentence's final
            punctuation when the sentence ends within the window).

    Raises
    ------
    ValueError
        If ``window`` is not a whole number >= 0, ``pattern`` is empty or ``sort`` is
        not a key named above.

    Examples
    --------
    >>> kwic_table(load_corpus(), "penyerapan anggaran", window=3)      # doctest: +SKIP
    >>> kwic_table(load_corpus(), "disiplin*", sort="L1")               # doctest: +SKIP
    """
    if isinstance(window, bool) or not isinstance(window, int) or window < 0:
        raise ValueError(f"window must be a whole number >= 0, got {window!r}")
    matcher = _Matcher(pattern, stem=stem)
    _sort_keys(sort, KWIC_COLUMNS)  # a wrong key fails before the corpus is read
    rows: list[tuple[Any, int, int, int, str, str, str]] = []
    for part in map_documents(
        partial(_kwic_doc, matcher=matcher, window=window),
        corpus,
        combine=_concat,
        jobs=jobs,
        engine=engine,
        progress=progress,
        desc=f"kwic {pattern}",
    ):
        rows.extend(part)
    frame = pd.DataFrame(rows, columns=list(KWIC_COLUMNS)).astype(
        {
            "doc_id": object,
            "sentence_no": "int64",
            "from": "int64",
            "to": "int64",
            "left": object,
            "keyword": object,
            "right": object,
        }
    )
    frame.index.name = "hit"
    return sort_kwic(frame, sort)


#: The former name of :func:`kwic_table` (also ``analysis.terms.kwic``).
kwic = kwic_table


# ---------------------------------------------------------------------------- dispersion


def _dispersion_doc(
    doc: Mapping[str, Any], terms: list[str], matchers: list[_Matcher]
) -> list[tuple[Any, str, int, float, int]]:
    """Dispersion rows of one document: in term order, then position."""
    body = doc["body"] or ""
    lowered = normalize(body).lower()
    active = [(t, m) for t, m in zip(terms, matchers) if m.could_match(lowered)]
    if not active:
        return []
    offset = 0
    found: list[tuple[int, int, int]] = []  # (term no, token index, sentence no)
    needs_stems = any(m.needs_stems for _, m in active)
    for no, _text, _spans, lowers, stems in _doc_sentences(body, needs_stems=needs_stems):
        for k, (_t, m) in enumerate(active):
            for i in m.find(lowers, stems):
                found.append((k, offset + i, no))
        offset += len(lowers)
    found.sort()
    last = max(offset - 1, 1)
    return [(doc["doc_id"], active[k][0], idx, idx / last, no) for k, idx, no in found]


def dispersion(corpus: Any, terms: str | Iterable[str], *, stem: bool = True) -> pd.DataFrame:
    """Token positions of chosen terms in each document, for a dispersion ("x-ray") plot.

    Also available as ``analysis.terms.dispersion``.

    Parameters
    ----------
    corpus : Any
        Anything :func:`analysis.corpus.as_documents` accepts.
    terms : str or iterable of str
        One term or several; each may be a word, a multiword expression or a glob,
        matched as in :func:`kwic_table`.
    stem : bool
        Match by stem (default ``True``: ``kinerja`` also finds *kinerjanya*,
        ``disiplin`` finds *kedisiplinan*).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``hit``; one row per occurrence, in document order, then term order,
        then position. Columns:

        ``doc_id``
            The document.
        ``term``
            The term as given.
        ``token_index``
            Position of the (first word of the) hit among all word tokens of the body,
            from 0 (stopwords included; numbers without a letter are not tokens).
        ``relative_position``
            ``token_index / (words - 1)``: 0 at the first word of the article, 1 at the
            last, so articles of different length share one axis.
        ``sentence_no``
            The sentence of the hit, numbered from 1.

    Raises
    ------
    ValueError
        If no term is given, or a term is empty.
    """
    if isinstance(terms, str):
        terms = [terms]
    terms = list(dict.fromkeys(terms))
    if not terms:
        raise ValueError("give at least one term")
    matchers = [_Matcher(t, stem=stem) for t in terms]
    rows: list[tuple[Any, str, int, float, int]] = []
    for doc in as_documents(corpus):
        rows.extend(_dispersion_doc(doc, terms, matchers))
    frame = pd.DataFrame(rows, columns=list(DISPERSION_COLUMNS)).astype(
        {
            "doc_id": object,
            "term": object,
            "token_index": "int64",
            "relative_position": "float64",
            "sentence_no": "int64",
        }
    )
    frame.index.name = "hit"
    return frame
