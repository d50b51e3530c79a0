"""Frames: coding a corpus with the frame lexicon, frame scores, evidence, co-occurrence.

The lexicon, its loading and the matcher live in :mod:`analysis.lexicon` (how an entry
matches, overlaps, clitics); the resampling behind the intervals in
:mod:`analysis.bootstrap`; every comparison with hand coding (:func:`evaluate_lexicon`)
in :mod:`analysis.validation`. This module codes sentences and builds the tables, and
re-exports the names of those modules that were defined here before (``FrameMatcher``,
``load_lexicon``, ``match_frames``, ``LexiconError``, ``MATCH_MODES``, ``CLITICS``,
``evaluate_lexicon`` ...), so ``from analysis.frames import ...`` keeps working.

Tables
------
- :func:`frame_evidence` -- every hit with its sentence, voice and speaker (audit trail).
- :func:`frame_scores` -- hits, rate per 1,000 tokens, share of the group's hits,
  dominant frame and percentile bootstrap intervals, per article, per metadata group
  (leader, level, date ...), per voice or per sentence.
- :func:`frame_cooccurrence` -- sentences in which two frames occur together.

Sentences, their number, voice (``direct``, ``indirect``, ``narration``) and speaker
come from :func:`analysis.quotes.sentence_table`; every function here accepts a corpus
(anything :func:`analysis.corpus.as_documents` accepts) or such a sentence table, so a
notebook can build the sentence table once and reuse it.

The module is pure: it prints nothing, writes no files and never changes its inputs.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from importlib import import_module
from itertools import accumulate
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from .bootstrap import cluster_units, group_rng, percentile_interval, resample_rates
from .genre import is_on_genre
from .lexicon import (  # re-exported: their home is analysis.lexicon
    CLITICS,
    MATCH_MODES,
    FrameError,
    FrameMatcher,
    LexiconError,
    _char_map,
    load_lexicon,
    match_frames,
)
from .lexicon import LEXICON_COLUMNS as LEXICON_COLUMNS
from .lexicon import LEXICON_FILE as LEXICON_FILE
from .lexicon import REQUIRED_LEXICON_COLUMNS as REQUIRED_LEXICON_COLUMNS
from .parallel import map_documents, progress_bar
from .quotes import VOICES, document_voices, is_attribution_only
from .tokens import _TOKEN_SPLIT_RE, _ascii_tokens, is_word, normalize, split_sentences

__all__ = [
    "CLITICS",
    "FrameError",
    "FrameMatcher",
    "LexiconError",
    "MATCH_MODES",
    "VOICES",
    "evaluate_lexicon",  # noqa: F822 - resolved by __getattr__ (home: analysis.validation)
    "frame_cooccurrence",
    "frame_evidence",
    "frame_scores",
    "load_lexicon",
    "match_frames",
]

#: Columns every sentence table has; the rest are metadata carried along.
_SENTENCE_CORE = ("doc_id", "sentence_no", "sentence", "voice", "speaker")
#: Document columns that are text, not metadata, and are never carried into results.
_NOT_METADATA = frozenset(
    {"raw", "body", "title", "removed", "dateline_place", "dateline_outlet", "cue"}
)


def __getattr__(name: str) -> Any:
    """``evaluate_lexicon``, whose home is :mod:`analysis.validation`, loaded on first use.

    Validation sits above frames in the package's layers (it reads the gold files
    through :mod:`analysis.corpus` and scores voices through :mod:`analysis.quotes`).
    """
    if name == "evaluate_lexicon":
        # lazy: validation is above frames (it imports corpus and quotes)
        value = import_module("analysis.validation").evaluate_lexicon
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ---------------------------------------------------------------------------- sentences


def _as_matcher(lexicon: Any) -> FrameMatcher:
    return lexicon if isinstance(lexicon, FrameMatcher) else FrameMatcher(lexicon)


def _is_sentence_table(obj: Any) -> bool:
    if not isinstance(obj, pd.DataFrame):
        return False
    cols = set(obj.columns) | set(obj.index.names)
    return {"doc_id", "sentence_no", "sentence", "voice"} <= cols and "body" not in cols


def _sentence_table(table: pd.DataFrame) -> pd.DataFrame:
    """A given sentence table with ``doc_id`` and ``speaker`` as columns, RangeIndex."""
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
        c
        for c in table.columns
        if c not in _SENTENCE_CORE and c not in _NOT_METADATA and c != "index"
    ]


# ---------------------------------------------------------------------------- coding


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
) -> tuple[int, list[tuple[int, str, str | None, int | None, int | None]]]:
    """(word tokens, [(frame index, entry, matched, start_char, end_char)]) of one sentence.

    The fast path of :meth:`FrameMatcher.match_sentence` (the same hits, matched text
    and offsets, ``text[start_char:end_char] == matched``: tests/test_frames.py pins it
    on generated sentences): ASCII sentences are split without the regex, and offsets
    are worked out only for sentences with a hit. Without ``evidence`` the matched text
    and offsets are ``None`` (not worked out).
    """
    norm = normalize(text)
    tokens = _ascii_tokens(norm)  # the usual sentence: no regex
    if tokens is None:
        parts = _TOKEN_SPLIT_RE.split(norm)  # gap, token, gap, token, ..., gap
        tokens = parts[1::2]
    else:
        parts = None
    # the usual sentence, checked in C: no digit, so every token has a letter (a word)
    all_words = "".join(tokens).replace("-", "").replace("'", "").isalpha()
    words = tokens if all_words else list(filter(is_word, tokens))
    found = matcher.match_tokens(words)
    if not found:
        return len(words), []
    if not evidence:
        return len(words), [(fi, entry, None, None, None) for _s, _e, fi, entry in found]
    # offsets only for sentences with a hit: word i is token where[i], token j is part
    # 2 * j + 1, and part k spans starts[k]:starts[k + 1]
    where = range(len(tokens)) if all_words else [j for j, s in enumerate(tokens) if is_word(s)]
    if parts is None:
        parts = _TOKEN_SPLIT_RE.split(norm)
    starts = list(accumulate(map(len, parts), initial=0))
    to_orig = _char_map(text, norm)
    out = []
    for start, end, fi, entry in found:
        first, last = where[start], where[end - 1]
        a = to_orig(starts[2 * first + 1])
        b = to_orig(starts[2 * last + 2] - 1) + 1
        out.append((fi, entry, text[a:b], a, b))
    return len(words), out


def _doc_sentences(doc: Mapping[str, Any], body: str, voices: bool) -> tuple:
    """(sentences, voices, speakers) of one document; voices and speakers ``None``
    unless ``voices`` (then from :mod:`analysis.quotes`, else the plain sentence split)."""
    if not voices:
        return split_sentences(body), None, None
    analysed = document_voices(doc)
    return (
        [v["sentence"] for v in analysed],
        [v["voice"] for v in analysed],
        [v["speaker"] for v in analysed],
    )


def _code_document(
    doc: Mapping[str, Any],
    *,
    matcher: FrameMatcher,
    voices: bool,
    texts: bool,
    keep: frozenset[str] | None,
    evidence: bool = True,
    genre_check: bool = True,
) -> tuple | None:
    """Frame coding of one document, the per-document part of :func:`_code`.

    The codebook's sentence rules apply here: a sentence that only attributes (``Hal itu
    disampaikan ...``) has no hit, and with ``genre_check`` no sentence of an off-genre
    document (:func:`analysis.genre.is_on_genre`) has one; their tokens still count.

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
    sentences, voice_col, speaker_col = _doc_sentences(doc, body, voices)
    names = [k for k in doc if k not in _NOT_METADATA and k not in _SENTENCE_CORE]
    meta = {k: doc[k] for k in names if keep is None or k in keep}
    tokens, hits, kept = [], [], []
    on_genre = not genre_check or is_on_genre(body)
    for r, text in enumerate(sentences):
        n_tokens, found = _match_text(text, matcher, evidence)
        if found and (not on_genre or is_attribution_only(text)):
            found = []
        tokens.append(n_tokens)
        for fi, entry, matched, _a, _b in found:
            hits.append((r, fi, entry, matched) if evidence else (r, fi, None, None))
        kept.append(text if texts or (found and evidence) else None)
    return (
        str(doc["doc_id"]),
        meta,
        names,
        kept if texts or evidence else None,
        voice_col,
        speaker_col,
        tokens,
        hits,
    )


@dataclass
class _Stream:
    """What :func:`_code` keeps of the documents coded so far (compact arrays)."""

    evidence: bool
    n: int = 0
    doc_ids: list[str] = field(default_factory=list)
    sizes: array = field(default_factory=lambda: array("q"))
    doc_meta: list[dict[str, Any]] = field(default_factory=list)
    names: dict[str, None] = field(default_factory=dict)
    sentences: list[str | None] = field(default_factory=list)
    voice_col: list[str] = field(default_factory=list)
    speaker_col: list[str] = field(default_factory=list)
    tokens: array = field(default_factory=lambda: array("q"))
    hit_rows: array = field(default_factory=lambda: array("q"))
    hit_frames: array = field(default_factory=lambda: array("q"))
    found: list[tuple[int, int, str, str]] = field(default_factory=list)

    def add(self, rec: tuple) -> None:
        """Keep one record of :func:`_code_document`."""
        doc_id, meta, doc_names, sents, vs, sps, toks, hits = rec
        n = self.n
        self.names.update(dict.fromkeys(doc_names))
        self.doc_ids.append(doc_id)
        self.sizes.append(len(toks))
        self.doc_meta.append(meta)
        if sents is not None:
            self.sentences.extend(sents)
        if vs is not None:
            self.voice_col.extend(vs)
            self.speaker_col.extend(sps)
        self.tokens.extend(toks)
        for r, fi, entry, matched in hits:
            self.hit_rows.append(n + r)
            self.hit_frames.append(fi)
            if self.evidence:
                self.found.append((n + r, fi, entry, matched))
        self.n = n + len(toks)

    def table(self, voices: bool) -> pd.DataFrame:
        """The sentence table: doc_id, sentence_no, sentence, voice, speaker, metadata."""
        n = self.n
        counts = (
            np.frombuffer(self.sizes, dtype=np.int64) if len(self.sizes) else np.zeros(0, np.int64)
        )

        def per_sentence(values: list) -> np.ndarray:
            arr = np.empty(len(values), dtype=object)
            arr[:] = values
            return np.repeat(arr, counts)

        empty = np.full(n, "", dtype=object)
        columns: dict[str, Any] = {
            "doc_id": per_sentence(self.doc_ids),
            "sentence_no": (
                np.arange(n, dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts) + 1
            ),
            "sentence": (
                np.array(self.sentences, dtype=object) if self.sentences else np.full(n, None)
            ),
            "voice": np.array(self.voice_col, dtype=object) if voices else empty,
            "speaker": np.array(self.speaker_col, dtype=object) if voices else empty.copy(),
        }
        for key in dict.fromkeys(k for m in self.doc_meta for k in m):
            columns[key] = per_sentence([m.get(key) for m in self.doc_meta])
        return pd.DataFrame(columns, columns=list(columns))

    def coded(self, frames: tuple[str, ...], voices: bool) -> _Coded:
        """Everything kept, as a :class:`_Coded`."""
        n = self.n
        hits = np.zeros((n, len(frames)), dtype=np.int64)
        if len(self.hit_rows):
            rows = np.frombuffer(self.hit_rows, dtype=np.int64)
            np.add.at(hits, (rows, np.frombuffer(self.hit_frames, dtype=np.int64)), 1)
        tokens = np.frombuffer(self.tokens, dtype=np.int64).copy() if n else np.zeros(0, np.int64)
        return _Coded(self.table(voices), frames, tokens, hits, self.found, list(self.names))


def _code(
    corpus: Any,
    matcher: FrameMatcher,
    *,
    voices: bool = True,
    texts: bool = True,
    evidence: bool = True,
    keep: Iterable[str] | None = None,
    genre_check: bool = True,
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
        return _code_table(_sentence_table(corpus), matcher, genre_check=genre_check)
    func = partial(
        _code_document,
        matcher=matcher,
        voices=voices,
        texts=texts,
        evidence=evidence,
        genre_check=genre_check,
        keep=None if keep is None else frozenset(keep),
    )
    stream = _Stream(evidence)
    records = map_documents(
        func, corpus, jobs=jobs, engine=engine, progress=progress, desc="coding frames"
    )
    for rec in records:
        if rec is not None:
            stream.add(rec)
    return stream.coded(matcher.frames, voices)


def _code_table(table: pd.DataFrame, matcher: FrameMatcher, *, genre_check: bool = True) -> _Coded:
    """Frame coding of a sentence table (the sentence rules of :func:`_code_document`;
    a document's genre is judged on its sentences joined)."""
    texts = table["sentence"].astype(str).tolist()
    n, nf = len(texts), len(matcher.frames)
    tokens = np.zeros(n, dtype=np.int64)
    hits = np.zeros((n, nf), dtype=np.int64)
    evidence: list[tuple[int, int, str, str]] = []
    off = set()
    if genre_check and n:
        joined = pd.Series(texts).groupby(table["doc_id"].to_numpy()).agg(" ".join)
        off = {d for d, body in joined.items() if not is_on_genre(body)}
    doc_ids = table["doc_id"].tolist()
    for r, text in enumerate(texts):
        tokens[r], found = _match_text(text, matcher)
        if found and (doc_ids[r] in off or is_attribution_only(text)):
            found = []
        for fi, entry, matched, _a, _b in found:
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
        raise FrameError(f"unknown voice {', '.join(map(repr, unknown))} (use {', '.join(VOICES)})")
    return table["voice"].isin(wanted).to_numpy()


# ---------------------------------------------------------------------------- evidence


def frame_evidence(
    corpus: Any,
    *,
    lexicon: Any = None,
    genre_check: bool = True,
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Every frame hit with the sentence it is in, so any number can be audited.

    Parameters
    ----------
    corpus : DataFrame, iterable of dict, str or Path
        A corpus (DataFrame of :func:`~analysis.corpus.load_corpus`, iterable of
        documents, folder or table path) or a sentence table of
        :func:`analysis.quotes.sentence_table`.
    lexicon : FrameMatcher or lexicon source, optional
        A :class:`FrameMatcher` or anything :func:`load_lexicon` accepts (default: the
        packaged lexicon).
    genre_check : bool
        Code off-genre articles (sport, crime ... :func:`analysis.genre.is_on_genre`) as
        having no frame, as the codebook does (default); ``False`` codes every article.
    jobs : int, optional
        Worker processes coding the corpus (see :func:`analysis.parallel.map_documents`;
        default ``None``: all cores, but serial below 200 documents; 1: serial).
    engine : {"processes", "serial", "dask"}
        How the corpus is coded; every engine gives the same table.
    progress : bool, optional
        Show a progress bar (``None``: on a terminal, for runs over two seconds).

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
    coded = _code(
        corpus,
        matcher,
        texts=False,
        genre_check=genre_check,
        jobs=jobs,
        engine=engine,
        progress=progress,
    )
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


def _dominant(hits: np.ndarray, frames: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per row of ``hits`` (groups x frames): bool mask of the top frames, and their names."""
    top = hits.max(axis=1, keepdims=True)
    mask = (hits == top) & (top > 0)
    order = np.argsort(np.asarray(frames, dtype=object))
    names = np.array(["+".join(frames[j] for j in order if row[j]) for row in mask], dtype=object)
    return mask, names


_SCORE_STATS = (
    "frame",
    "hits",
    "tokens",
    "per_1000",
    "share",
    "dominant",
    "dominant_frame",
    "ci_low",
    "ci_high",
    "share_ci_low",
    "share_ci_high",
    "n_articles",
    "n_sentences",
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
    genre_check: bool = True,
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Frame hits, rates, shares and dominant frame per group, with bootstrap intervals.

    Parameters
    ----------
    corpus : DataFrame, iterable of dict, str or Path
        A corpus (DataFrame of :func:`~analysis.corpus.load_corpus`, iterable of
        documents, folder or table path) or a sentence table of
        :func:`analysis.quotes.sentence_table`.
    by : str or list of str
        ``"doc_id"`` (per article, the default), any metadata column of the corpus
        (``leader``, ``role``, ``level``, ``date`` ...), ``"voice"``, ``"speaker"``, a
        list of such columns, or ``"sentence"`` (one group per sentence).
    voice : str or list of str, optional
        Keep only sentences of this voice or these voices (``"direct"``,
        ``"indirect"``, ``"narration"``) before scoring; ``None`` keeps all.
    lexicon : FrameMatcher or lexicon source, optional
        A :class:`FrameMatcher` or anything :func:`load_lexicon` accepts (default: the
        packaged lexicon).
    n_boot : int
        Number of bootstrap resamples (0: no intervals, the ``ci_*`` columns are NaN).
    ci : float
        Coverage of the percentile intervals (0.95: 2.5th and 97.5th percentiles).
    seed : int
        Seed of the random generator; the same input and seed give identical output.
    genre_check : bool
        Code off-genre articles (sport, crime ... :func:`analysis.genre.is_on_genre`) as
        having no frame, as the codebook does (default); ``False`` codes every article.
    jobs, engine, progress
        How a corpus is coded, as in :func:`frame_evidence` (the bootstrap runs
        afterwards, in this process, with the same seed: every engine gives the same
        table). Voices and speakers are worked out only when ``voice`` or ``by`` needs
        them.

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
    _check_bootstrap_options(n_boot, ci)
    matcher = _as_matcher(lexicon)
    by_cols = [by] if isinstance(by, str) else list(by)
    sentence_level = isinstance(by, str) and by == "sentence"
    coded = _code(
        corpus,
        matcher,
        voices=voice is not None or sentence_level or bool({"voice", "speaker"} & set(by_cols)),
        texts=sentence_level,
        evidence=False,
        keep=by_cols,
        genre_check=genre_check,
        jobs=jobs,
        engine=engine,
        progress=progress,
    )
    table, tokens, hits = _voice_rows(coded, voice)
    if sentence_level:
        return _sentence_scores(table, tokens, hits, coded.frames)
    _check_grouping(by_cols, coded)
    groups = _sorted_groups(table, by_cols)
    clusters = pd.factorize(table["doc_id"])[0] if len(table) else np.array([])
    bar = progress_bar(len(groups), "bootstrap", progress, unit="group") if n_boot else None
    scored = []
    for key, rows in groups:
        if bar is not None:
            bar.update(1)
        scored.append(_score_group(key, clusters[rows], tokens[rows], hits[rows], n_boot, ci, seed))
    if bar is not None:
        bar.close()
    return _group_score_table(by_cols, [key for key, _rows in groups], scored, coded.frames)


def _check_bootstrap_options(n_boot: Any, ci: Any) -> None:
    if not isinstance(n_boot, (int, np.integer)) or isinstance(n_boot, bool) or n_boot < 0:
        raise FrameError(f"n_boot must be a whole number >= 0, got {n_boot!r}")
    if not 0 < ci < 1:
        raise FrameError(f"ci must be between 0 and 1 (e.g. 0.95), got {ci!r}")


def _voice_rows(
    coded: _Coded, voice: str | Sequence[str] | None
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """(sentence table, tokens, hits) of the sentences of the wanted voice(s)."""
    if voice is None:  # every sentence: no copy of the (possibly long) sentence table
        return coded.table.reset_index(drop=True), coded.tokens, coded.hits
    mask = _voice_mask(coded.table, voice)
    return coded.table.loc[mask].reset_index(drop=True), coded.tokens[mask], coded.hits[mask]


def _check_grouping(by_cols: list[str], coded: _Coded) -> None:
    available = ["doc_id", "voice", "speaker", *_meta_names(coded)]
    unknown = [c for c in by_cols if c not in available]
    if unknown or not by_cols:
        raise FrameError(
            f"unknown grouping column {', '.join(map(repr, unknown)) or '(none)'}; "
            f"available: {', '.join(available)}, or 'sentence' on its own"
        )


def _sort_key(key: Any) -> tuple:
    """Sort group keys deterministically, missing values last, mixed types by name."""
    key_t = key if isinstance(key, tuple) else (key,)
    return tuple((pd.isna(k), type(k).__name__, k if not pd.isna(k) else 0) for k in key_t)


def _sorted_groups(table: pd.DataFrame, by_cols: list[str]) -> list[tuple[tuple, np.ndarray]]:
    """[(key as a tuple, row positions)] of every group, sorted by :func:`_sort_key`."""
    if not len(table):
        return []
    groups = table[by_cols].groupby(by_cols, sort=True, dropna=False).indices
    return [
        (key if isinstance(key, tuple) else (key,), groups[key])
        for key in sorted(groups, key=_sort_key)
    ]


class _GroupScore(NamedTuple):
    """The numbers of one group: per frame hits and intervals, and its size."""

    hits: np.ndarray  # (n_frames,)
    tokens: int
    ci_low: np.ndarray  # (n_frames,) each
    ci_high: np.ndarray
    share_ci_low: np.ndarray
    share_ci_high: np.ndarray
    n_articles: int
    n_sentences: int
    resampled: str


def _score_group(
    key: tuple,
    clusters: np.ndarray,
    tokens: np.ndarray,
    hits: np.ndarray,
    n_boot: int,
    ci: float,
    seed: int,
) -> _GroupScore:
    """Sums and bootstrap intervals of one group's sentences (their article codes,
    tokens and hits)."""
    unit_h, unit_t, unit, n_articles = cluster_units(clusters, hits, tokens)
    if n_boot > 0:
        rates, shares = resample_rates(unit_h, unit_t, n_boot, group_rng(seed, key))
        lo, hi = percentile_interval(rates, ci)
        slo, shi = percentile_interval(shares, ci)
    else:
        lo = hi = slo = shi = np.full(hits.shape[1], np.nan)
    return _GroupScore(
        hits.sum(axis=0), int(tokens.sum()), lo, hi, slo, shi, n_articles, len(hits), unit
    )


def _group_score_table(
    by_cols: list[str], keys: list[tuple], scored: list[_GroupScore], frames: Sequence[str]
) -> pd.DataFrame:
    """The tidy table of :func:`frame_scores`: one row per group and frame."""
    nf = len(frames)

    def per_frame(values: Iterable) -> list:  # each group's value on each of its rows
        return [v for v in values for _ in range(nf)]

    def stacked(name: str) -> np.ndarray:  # (groups, frames)
        return np.array([getattr(s, name) for s in scored]).reshape(-1, nf)

    records = {c: per_frame(key[i] for key in keys) for i, c in enumerate(by_cols)}
    hits = stacked("hits")
    tokens = np.array([s.tokens for s in scored], dtype=np.int64)[:, None]
    total = hits.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        per_1000 = np.where(tokens > 0, hits / tokens * 1000, np.nan)
        share = np.where(total > 0, hits / total, np.nan)
    dom_mask, dom_names = _dominant(hits, frames)
    stats = {
        "frame": list(frames) * len(scored),
        "hits": hits.ravel().tolist(),
        "tokens": per_frame(s.tokens for s in scored),
        "per_1000": per_1000.ravel(),
        "share": share.ravel(),
        "dominant": dom_mask.ravel().tolist(),
        "dominant_frame": np.repeat(dom_names, nf).tolist(),
        **{c: stacked(c).ravel() for c in ("ci_low", "ci_high", "share_ci_low", "share_ci_high")},
        "n_articles": per_frame(s.n_articles for s in scored),
        "n_sentences": per_frame(s.n_sentences for s in scored),
        "resampled": per_frame(s.resampled for s in scored),
    }
    out = pd.DataFrame({**records, **stats})
    out = out.astype(
        {
            "hits": "int64",
            "tokens": "int64",
            "n_articles": "int64",
            "n_sentences": "int64",
            "dominant": "bool",
        }
    )
    for c in ("per_1000", "share", "ci_low", "ci_high", "share_ci_low", "share_ci_high"):
        out[c] = out[c].astype("float64")
    out.index.name = "row"
    return out


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
    genre_check: bool = True,
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
) -> pd.DataFrame:
    """How many sentences express two frames together.

    Parameters
    ----------
    corpus : DataFrame, iterable of dict, str or Path
        A corpus or a sentence table (as for :func:`frame_scores`).
    lexicon : FrameMatcher or lexicon source, optional
        A :class:`FrameMatcher` or anything :func:`load_lexicon` accepts (default: the
        packaged lexicon).
    voice : str or list of str, optional
        Keep only sentences of this voice or these voices.
    genre_check : bool
        Code off-genre articles (sport, crime ... :func:`analysis.genre.is_on_genre`) as
        having no frame, as the codebook does (default); ``False`` codes every article.
    jobs, engine, progress
        As in :func:`frame_evidence`.

    Returns
    -------
    pandas.DataFrame
        Square, symmetric, index and columns ``frame`` in lexicon order: the number of
        sentences with at least one hit of the row frame and at least one hit of the
        column frame; the diagonal is the number of sentences with the frame.
    """
    matcher = _as_matcher(lexicon)
    coded = _code(
        corpus,
        matcher,
        voices=voice is not None,
        texts=False,
        evidence=False,
        keep=(),
        genre_check=genre_check,
        jobs=jobs,
        engine=engine,
        progress=progress,
    )
    mask = _voice_mask(coded.table, voice)
    present = (coded.hits[mask] > 0).astype(np.int64)
    counts = present.T @ present
    out = pd.DataFrame(counts, index=list(coded.frames), columns=list(coded.frames))
    out.index.name = "frame"
    out.columns.name = "frame"
    return out
