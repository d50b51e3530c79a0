"""Names of people and places in a corpus, to leave out of word counts and figures.

A word cloud or a keyness table of what leaders *say* is filled with who they are and
where: each article names its leader, its deputy, its regency and its province many
times (*Askolani*, *Slamet*, *Banyuasin*, *Sumsel*). :func:`name_terms` finds those
names, so that they can be passed as ``exclude=`` to the counting functions of
:mod:`analysis.terms` and :mod:`analysis.keyness`; :func:`find_names` is the same
search as an audit table (every candidate, the rules that found it, and why a
candidate was kept as an ordinary word).

The rules
---------
A word is a name candidate when the text shows it as one (each rule is a value of the
``found_by`` column of :func:`find_names`):

``capitalised``
    The name rule of :mod:`analysis.tokens`: a word written with a capital (not in
    capitals: ``OPD`` is an acronym) inside a sentence, i.e. not its first word nor the
    first word after a colon or a quotation mark. Words of office titles and offices
    (``Bupati``, ``Dinas``, ``Kepala`` ...), honorifics, the words of
    :data:`analysis.quotes.patterns.NOT_NAMES` (days, months, ``Rakor`` ...), place
    markers (``Kabupaten``), verbs and nouns with a clear affix (``Pemerintahan``,
    ``Menegaskan``) and every word of a line written in Title Case (a subheading) are
    no candidates.
``title``
    The capitalised words right after an office title
    (:data:`analysis.quotes.patterns.TITLE_RE`: ``Bupati``, ``Wakil Bupati``, ``Wali
    Kota``, ``Gubernur``, ``Sekda``, ``Kepala Dinas`` ...), up to a comma, a lower-case
    word or the end of the sentence: ``Wakil Bupati Slamet`` gives ``slamet``, ``Bupati
    Banyuasin Askolani`` gives ``banyuasin`` and ``askolani`` (people and places are
    both left out, so the place between a title and a name needs no separating).
``honorific``
    The same after an honorific or a rank (:data:`analysis.quotes.patterns.HONORIFIC_RE`:
    ``H.``, ``Hj.``, ``Drs.``, ``Ir.``, ``Pak``, ``Bu``, ``AKBP`` ...).
``place``
    The words after ``Kabupaten``, ``Kota``, ``Provinsi``, ``Kecamatan``, ``Desa``,
    ``Kelurahan``, ``Pemkab`` ... (:data:`analysis.quotes.patterns.PLACE_AFTER_MARKER_RE`),
    words in capitals included (``Kabupaten OKU``), and the capitalised words after the
    prepositions of place *di*, *ke*, *dari* (``di Griya Agung``, ``ke Palembang``);
    words for buildings (``Gedung``, ``Aula``, ``Pendopo``: :data:`BUILDING_WORDS`)
    are read past, not taken.
``metadata``
    The words of the ``leader``, ``region`` and ``province`` metadata
    (:func:`analysis.terms.metadata_terms`), when the corpus has them.

Then, over the whole corpus, a candidate found in the text is *kept* as an ordinary
word (``left_out`` False) when it is also written in lower case somewhere in the corpus
(``Harus`` in a heading, ``disiplin`` in a sentence) or when it is a word of a
frame-lexicon entry (matched by form, or by stem for stem entries: a sentence-initial or
capitalised ``Disiplin`` stays even in a corpus that never writes ``disiplin``). A
candidate found *only* by its capital is also kept when it is a root word of the
Indonesian dictionary that ships with Sastrawi (:func:`analysis.tokens.is_root_word`):
the words of a slogan such as ``Banyuasin Bangkit, Adil dan Sejahtera`` stay, its
``Banyuasin`` goes. Words of the metadata are always left out, as before.

Limits
------
- Names written only at the start of sentences, with no title, honorific or place
  marker before them and not in the metadata, are not found.
- A name that is also an ordinary word written in lower case elsewhere (``Jaya``,
  ``Baru``, ``Maju``, ``Timur`` when the corpus writes ``timur``) is kept, and so is a
  name found only by its capital that is also a dictionary word (``Budiman``,
  ``Candra``, ``Agung``) unless a title, honorific, place word or the metadata shows
  it too.
- Other capitalised things inside sentences are left out with the names: holidays
  (``Idulfitri``), events, programmes and organisations written in capitals
  (``Rumah Jabatan``, ``Griya Agung``), unless written in lower case elsewhere or in the
  lexicon. The audit table shows every one.
- A name that looks like an affixed word (``Dimas``: *di-* + *mas*) is found by the
  title, honorific, place and metadata rules only, not by its capital.
- Names are compared as surface forms (lower case); counted stems of names inside
  sentences are the names themselves (:func:`analysis.stemming.stem_word` leaves a
  capitalised word without a clear affix as it is).

>>> from analysis import load_corpus                                   # doctest: +SKIP
>>> sorted(name_terms(load_corpus()))[:3]                               # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from .corpus_profile import document_metadata_terms
from .counting import CorpusExclusion
from .lexicon import NO_FRAME, load_lexicon
from .parallel import map_documents
from .quotes.patterns import (
    DEGREES,
    HONORIFIC_RE,
    HONORIFICS,
    NAME_ABBREVIATIONS,
    NOT_NAMES,
    OFFICE_NOUN_RE,
    OFFICE_WORDS,
    PLACE_AFTER_MARKER_RE,
    PLACE_MARKERS,
    RANK_SUFFIXES,
    TITLE_COMPOUND_BEFORE,
    TITLE_RE,
    TOK_RE,
)
from .tokens import is_root_word, normalize, sentence_bounds, stem_word, stopwords, word_spans

__all__ = [
    "NAME_RULES",
    "NamesInText",
    "find_names",
    "left_out_note",
    "name_terms",
    "names_and_note",
]

#: The rules that find a name candidate, in the order the ``found_by`` column lists them.
NAME_RULES = ("metadata", "title", "honorific", "place", "capitalised")

#: Words of office titles that :data:`~analysis.quotes.patterns.TITLE_RE` reads only as
#: part of a longer title (``Wakil Bupati``, ``Staf Ahli``, ``Sekretaris Daerah``).
TITLE_PARTS = frozenset(
    """wakil staf ahli sekretaris daerah wali walikota pelaksana tugas harian penjabat
    plt plh pj pjs kepala ketua""".split()
)

#: Capitalised words that name documents and numbers, never people or places
#: (``Peraturan Bupati Nomor 5``).
NOT_NAME_WORDS = frozenset("nomor nomer no perda perbup pergub perwali".split())

#: Words for buildings and grounds before their names (``di Gedung Graha Sedulang``,
#: ``Pendopo Griya Sakti``): read past, never names themselves.
BUILDING_WORDS = frozenset(
    """aula gedung pendopo ruang ruangan rumah balai wisma hotel masjid lapangan halaman
    kompleks komplek jalan jl taman pasar pelabuhan bandara stadion""".split()
)

#: Lower-case prepositions of place: the capitalised words after them name a place
#: (``di Griya Agung``, ``ke Palembang``).
_LOCATIVE_RE = re.compile(r"(?<![\w-])(?:di|ke|dari)[ \t]+(?=[A-Z][a-z])")

#: Most words read after a title or an honorific.
_MAX_RUN = 6

# Characters that, right before a capitalised word (spaces and brackets skipped), make
# it the start of a sentence, a clause after a colon, or a quotation.
_STARTERS = frozenset(".!?:\"'\n")


def _is_office_or_title(low: str, core: str) -> bool:
    """Is a capitalised word a title, honorific, office or marker word, never a name?"""
    return (
        low in NOT_NAMES
        or low in TITLE_PARTS
        or low in HONORIFICS
        or low in OFFICE_WORDS
        or low in PLACE_MARKERS
        or low in RANK_SUFFIXES
        or low in NOT_NAME_WORDS
        or low in BUILDING_WORDS
        or TITLE_RE.fullmatch(core) is not None
    )


def _not_a_name_word(low: str) -> bool:
    """A word with a digit (``Covid-19``), a prefix before a hyphen (``se-Kabupaten``,
    ``ke-3``), or a clear derivational affix by the name rule of
    :func:`analysis.stemming.stem_word` (``Pemerintahan``, ``Kepemimpinannya``)."""
    return (
        any(ch.isdigit() for ch in low)
        or low.split("-", 1)[0] in ("se", "ke", "di", "pra", "pasca", "non", "anti")
        and "-" in low
        or bool(OFFICE_NOUN_RE.match(low))
        or stem_word(low, name=True) != low
    )


def _candidate(core: str) -> bool:
    """May a capitalised word inside a sentence be a name (the ``capitalised`` rule)?"""
    low = core.lower()
    return not (
        len(core) < 2
        or core.isupper()
        or low in stopwords()
        or _is_office_or_title(low, core)
        or _not_a_name_word(low)
    )


def _run_after(text: str, pos: int, end: int, *, place: bool = False) -> list[str]:
    """The name words of the capitalised run at ``text[pos:end]`` (after a title, an
    honorific or, with ``place``, a place marker): lower case, without titles, offices,
    honorifics, degrees and (unless ``place``) words in capitals."""
    words: list[str] = []
    p = pos
    for _ in range(_MAX_RUN + 4):
        m = TOK_RE.match(text, p, end)
        if not m or m.group(1) == ",":
            break
        tok, p = m.group(1), m.end(1)
        if tok[0] == "(":
            continue  # ``Kabupaten Ogan Komering Ulu (OKU)``, ``Sekda (Sekretaris Daerah)``
        dot = tok.endswith(".")
        core = tok.rstrip(".")
        low = core.lower()
        if not core[:1].isupper() or (low in NOT_NAMES and not place):
            break
        if core.isupper() and not place:
            continue  # ``Kepala BPKAD``, a degree ``SH``
        if (
            len(core) > 1
            and not _is_office_or_title(low, core)
            and low not in DEGREES
            and not _not_a_name_word(low)
        ):
            words.append(low)
        if len(words) >= _MAX_RUN:
            break
        if dot and len(core) > 1 and low not in HONORIFICS | DEGREES | NAME_ABBREVIATIONS:
            break  # a full stop after a word ends the sentence
    return words


def _is_heading(words: list[str]) -> bool:
    """Is a sentence a line in Title Case (three or more words, most capitalised)?"""
    if len(words) < 3:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised >= 0.75 * len(words)


#: Per word type: may it be a name by its capital (:func:`_candidate`), cached.
_CANDIDATES: dict[str, bool] = {}


def _sentence_names(sentence: str, found: Counter, lower: Counter) -> None:
    """Count the ``capitalised`` name candidates (``(word, rule)``) and the lower-case
    words of one sentence."""
    spans = word_spans(sentence)
    words = [w for _s, _e, w in spans]
    lower.update([w for w in words if w.islower()])
    if _is_heading(words):
        return
    for start, _end, word in spans:
        if not word[:1].isupper():
            continue
        ok = _CANDIDATES.get(word)
        if ok is None:
            ok = _CANDIDATES[word] = _candidate(word)
        if ok:
            gap = sentence[max(0, start - 32) : start].rstrip(" ([")  # bounded: linear time
            if gap and gap[-1] not in _STARTERS:
                found[word.lower(), "capitalised"] += 1


def _line_names(line: str, found: Counter) -> None:
    """Count the name candidates after titles, honorifics, place markers and
    prepositions of place in one line (a name never runs past a sentence's period)."""
    n = len(line)
    for rule, regex in (("title", TITLE_RE), ("honorific", HONORIFIC_RE), ("place", _LOCATIVE_RE)):
        for m in regex.finditer(line):
            before = line[max(0, m.start() - 20) : m.start()].split()
            if rule == "title" and before and before[-1].lower() in TITLE_COMPOUND_BEFORE:
                continue  # ``Peraturan Bupati Nomor 5``, ``Rumah Jabatan Bupati``
            for w in _run_after(line, m.end(), n):
                found[w, rule] += 1
    for m in PLACE_AFTER_MARKER_RE.finditer(line):
        for w in _run_after(line, m.start(1), n, place=True):
            found[w, "place"] += 1


def _doc_names(doc: Mapping[str, Any]) -> tuple[Counter, Counter, set[str]]:
    """(Counter of ``(word, rule)`` name candidates, Counter of lower-case words, words
    of the name metadata) of one document."""
    found: Counter = Counter()
    lower: Counter = Counter()
    body = doc.get("body")
    if isinstance(body, str):
        for line in normalize(body).split("\n"):
            for start, end in sentence_bounds(line):
                _sentence_names(line[start:end], found, lower)
            _line_names(line, found)
    return found, lower, document_metadata_terms(doc)


def _merge(
    results: Iterable[tuple[Counter, Counter, set[str]]],
) -> tuple[Counter, Counter, set[str]]:
    """Sum the results of :func:`_doc_names` (sums and unions do not depend on order)."""
    found: Counter = Counter()
    lower: Counter = Counter()
    meta: set[str] = set()
    for f, w, m in results:
        found.update(f)
        lower.update(w)
        meta |= m
    return found, lower, meta


def _lexicon_words(lexicon: Any) -> tuple[frozenset[str], frozenset[str]]:
    """(words of form entries, stems of the words of stem entries) of the frames of a
    lexicon (entries of the frame ``none`` left out)."""
    lex = load_lexicon(lexicon)
    lex = lex[lex["frame"] != NO_FRAME]
    forms: set[str] = set()
    stems: set[str] = set()
    for entry, match in lex[["entry", "match"]].itertuples(index=False, name=None):
        for _s, _e, w in word_spans(normalize(entry)):
            if match == "stem":
                stems.add(stem_word(w.lower()))
            else:
                forms.add(w.lower())
    return frozenset(forms), frozenset(stems)


def find_names(
    corpus: Any,
    *,
    lexicon: Any = None,
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Every name candidate of a corpus, the rules that found it, and whether it is left out.

    The rules and their limits are in the docstring of :mod:`analysis.names`.

    Parameters
    ----------
    corpus : Any
        Anything :func:`analysis.corpus.as_documents` accepts (a corpus DataFrame, a
        stream of documents, a folder or file path); metadata is optional.
    lexicon : Any
        The frame lexicon whose words are never left out (see
        :func:`analysis.lexicon.load_lexicon`; default: the packaged one).
    jobs, engine, progress : int or None, str, bool or None
        How to run over a large corpus (see :func:`analysis.parallel.map_documents`).

    Returns
    -------
    pandas.DataFrame
        Index ``term`` (lower case, sorted); columns ``found_by`` (the rules of
        :data:`NAME_RULES` that found it, comma-separated), ``count`` (times it was
        found as a name in the text; 0 for a word of the metadata only),
        ``lowercase_count`` (times it is written in lower case in the corpus),
        ``lexicon`` (True for a word of a frame-lexicon entry) and ``left_out`` (True
        for a name: found in the metadata, or found in the text and neither written in
        lower case nor a lexicon word).
    """
    found, lower, meta = _merge(
        map_documents(
            _doc_names,
            corpus,
            combine=_merge,
            jobs=jobs,
            engine=engine,
            progress=progress,
            desc="finding names",
        )
    )
    return _name_table(found, lower, meta, lexicon)


def _name_table(found: Counter, lower: Counter, meta: set[str], lexicon: Any) -> pd.DataFrame:
    """The table of :func:`find_names` from the merged results of :func:`_doc_names`."""
    forms, stems = _lexicon_words(lexicon)
    rules: dict[str, set[str]] = {w: {"metadata"} for w in meta}
    counts: Counter = Counter()
    for (word, rule), n in found.items():
        rules.setdefault(word, set()).add(rule)
        counts[word] += n
    rows = []
    for term in sorted(rules):
        in_lexicon = term in forms or stem_word(term) in stems
        # found only by its capital: an ordinary Indonesian word (a slogan's ``Sehat``)
        ordinary = rules[term] == {"capitalised"} and is_root_word(term)
        left_out = term in meta or not (lower[term] or in_lexicon or ordinary)
        by = ", ".join(r for r in NAME_RULES if r in rules[term])
        rows.append((term, by, counts[term], lower[term], in_lexicon, left_out))
    table = pd.DataFrame(
        rows, columns=["term", "found_by", "count", "lowercase_count", "lexicon", "left_out"]
    ).astype({"count": "int64", "lowercase_count": "int64", "lexicon": bool, "left_out": bool})
    return table.set_index("term")


def name_terms(
    corpus: Any,
    *,
    lexicon: Any = None,
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
) -> frozenset[str]:
    """The names of people and places of a corpus, to pass as ``exclude=``.

    The terms of :func:`find_names` with ``left_out`` True: found in the text by an
    office title, an honorific, a place marker or a capital inside a sentence (and
    neither written in lower case elsewhere nor a frame-lexicon word), or in the
    ``leader``, ``region`` and ``province`` metadata. On a corpus without metadata the
    names found in the text are still returned.

    Parameters
    ----------
    corpus : Any
        Anything :func:`analysis.corpus.as_documents` accepts.
    lexicon : Any
        The frame lexicon whose words are never names (default: the packaged one).
    jobs, engine, progress : int or None, str, bool or None
        As in :func:`find_names`.

    Returns
    -------
    frozenset of str
        Lower-case names.

    Examples
    --------
    >>> docs = [{"doc_id": "a", "body": "Rapat dipimpin Wakil Bupati Slamet di Kabupaten "
    ...          "Sukamaju. Disiplin pegawai dibahas."}]
    >>> sorted(name_terms(docs))
    ['slamet', 'sukamaju']
    """
    table = find_names(corpus, lexicon=lexicon, jobs=jobs, engine=engine, progress=progress)
    return frozenset(table.index[table["left_out"]])


class NamesInText(CorpusExclusion):
    """The names of :func:`name_terms`, found while counting: pass ``exclude=NamesInText()``
    to ``term_counts``, ``term_frequencies`` or ``keyness_by_group`` and the corpus is
    read and cleaned once, not once to find the names and again to count.

    The counts are the same as with ``exclude=name_terms(corpus)`` (tested): each
    document's name evidence (:func:`find_names`' rules) is gathered in the counting
    workers, merged, and the names are taken out of every group's counts at the end.

    Parameters
    ----------
    lexicon : Any
        The frame lexicon whose words are never names (default: the packaged one).
    """

    def __init__(self, lexicon: Any = None) -> None:
        self.lexicon = lexicon

    def evidence(self, doc: Mapping[str, Any]) -> tuple[Counter, Counter, set[str]]:
        return _doc_names(doc)

    def merge(self, parts: Iterable[Any]) -> tuple[Counter, Counter, set[str]]:
        return _merge(parts)

    def terms(self, merged: Any) -> frozenset[str]:
        table = _name_table(*merged, self.lexicon)
        return frozenset(table.index[table["left_out"]])


def left_out_note(table: pd.DataFrame) -> str:
    """What a figure drawn without the names of ``table`` (:func:`find_names`) leaves out,
    for its title: ``"stopwords and names of people and places found in the text left
    out"`` (``"... in the text and the metadata ..."`` when the metadata gave names too),
    or ``"stopwords left out; no names left out"``."""
    names = table[table["left_out"]]
    if names.empty:
        return "stopwords left out; no names left out"
    in_text = (names["count"] > 0).any()
    in_meta = names["found_by"].str.contains("metadata").any()
    where = (
        "in the text and the metadata"
        if in_text and in_meta
        else ("in the text" if in_text else "in the metadata")
    )
    return f"stopwords and names of people and places found {where} left out"


def names_and_note(corpus: Any, **kwargs: Any) -> tuple[frozenset[str], str]:
    """(:func:`name_terms`, :func:`left_out_note`) of a corpus from one search: what the
    figures leave out and the words their titles say it with."""
    table = find_names(corpus, **kwargs)
    return frozenset(table.index[table["left_out"]]), left_out_note(table)
