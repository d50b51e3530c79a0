"""The frame coding of every sentence of a corpus: the engine behind :mod:`analysis.frames`.

A corpus is coded one document at a time (in worker processes, see
:func:`analysis.parallel.map_documents`): its sentences (with their voices and speakers
from :mod:`analysis.quotes` when a table needs them), the word tokens of each, and the
lexicon's hits (:class:`analysis.lexicon.FrameMatcher`), kept in compact arrays so that
memory grows with the number of sentences by a few bytes each, not with the text. The
codebook's sentence rules apply here: a sentence that only attributes (``Hal itu
disampaikan Bupati ...``) has no hit, and, with ``genre_check``, neither has any
sentence of an off-genre article (:func:`analysis.genre.is_on_genre`); their tokens
still count. A sentence table (:func:`analysis.quotes.sentence_table`) is coded the same
way.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from itertools import accumulate
from typing import Any

import numpy as np
import pandas as pd

from .genre import is_on_genre
from .lexicon import FrameError, FrameMatcher, _char_map
from .parallel import map_documents
from .quotes import document_voices, is_attribution_only
from .tokens import _ascii_tokens, is_word, normalize, split_sentences, split_tokens

__all__ = ["Coded", "code_corpus", "is_sentence_table"]

#: Columns every sentence table has; the rest are metadata carried along.
SENTENCE_CORE = ("doc_id", "sentence_no", "sentence", "voice", "speaker")
#: Document columns that are text, not metadata, and are never carried into results.
NOT_METADATA = frozenset(
    {"raw", "body", "title", "removed", "dateline_place", "dateline_outlet", "cue"}
)


# ---------------------------------------------------------------------------- sentences


def _as_matcher(lexicon: Any) -> FrameMatcher:
    return lexicon if isinstance(lexicon, FrameMatcher) else FrameMatcher(lexicon)


def is_sentence_table(obj: Any) -> bool:
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
        if c not in SENTENCE_CORE and c not in NOT_METADATA and c != "index"
    ]


# ---------------------------------------------------------------------------- coding


@dataclass
class Coded:
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
        parts = split_tokens(norm)  # gap, token, gap, token, ..., gap
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
        parts = split_tokens(norm)
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
    names = [k for k in doc if k not in NOT_METADATA and k not in SENTENCE_CORE]
    meta = {k: doc[k] for k in names if keep is None or k in keep}
    tokens, hits, kept = [], [], []
    on_genre = None if genre_check else True  # worked out at the first hit
    for r, text in enumerate(sentences):
        n_tokens, found = _match_text(text, matcher, evidence)
        if found and on_genre is None:
            on_genre = is_on_genre(body)
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

    def coded(self, frames: tuple[str, ...], voices: bool) -> Coded:
        """Everything kept, as a :class:`Coded`."""
        n = self.n
        hits = np.zeros((n, len(frames)), dtype=np.int64)
        if len(self.hit_rows):
            rows = np.frombuffer(self.hit_rows, dtype=np.int64)
            np.add.at(hits, (rows, np.frombuffer(self.hit_frames, dtype=np.int64)), 1)
        tokens = np.frombuffer(self.tokens, dtype=np.int64).copy() if n else np.zeros(0, np.int64)
        return Coded(self.table(voices), frames, tokens, hits, self.found, list(self.names))


def code_corpus(
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
) -> Coded:
    """Code every sentence: from a sentence table, or streamed from a corpus.

    A corpus is coded one document at a time (in worker processes, see
    :func:`analysis.parallel.map_documents`), keeping per sentence only its numbers
    (tokens, hits, in compact arrays), its voice and speaker when ``voices``, its text
    when ``texts`` (or, with ``evidence``, when it has a hit), and per document the
    metadata columns in ``keep`` (``None``: all); memory then grows with the number of
    sentences by a few bytes each, not with the text. Without ``evidence`` the
    evidence list is empty.
    """
    if is_sentence_table(corpus):
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


def _code_table(table: pd.DataFrame, matcher: FrameMatcher, *, genre_check: bool = True) -> Coded:
    """Frame coding of a sentence table (the sentence rules of :func:`_code_document`;
    a document's genre is judged on its sentences joined)."""
    texts = table["sentence"].astype(str).tolist()
    n, nf = len(texts), len(matcher.frames)
    tokens = np.zeros(n, dtype=np.int64)
    hits = np.zeros((n, nf), dtype=np.int64)
    evidence: list[tuple[int, int, str, str]] = []
    off = off_genre_rows(texts, table["doc_id"]) if genre_check else np.zeros(n, dtype=bool)
    for r, text in enumerate(texts):
        tokens[r], found = _match_text(text, matcher)
        if found and (off[r] or is_attribution_only(text)):
            found = []
        for fi, entry, matched, _a, _b in found:
            hits[r, fi] += 1
            evidence.append((r, fi, entry, matched))
    return Coded(table, matcher.frames, tokens, hits, evidence)


def off_genre_rows(texts: list[str], doc_ids: Any) -> np.ndarray:
    """For each sentence of a sentence table, is its article off-genre
    (:func:`analysis.genre.is_on_genre` of the article's sentences joined)?"""
    if not len(texts):
        return np.zeros(0, dtype=bool)
    codes = pd.factorize(pd.Series(np.asarray(doc_ids, dtype=object)), use_na_sentinel=False)[0]
    joined = pd.Series(texts).groupby(codes, sort=False).agg(" ".join)
    off = {code for code, body in joined.items() if not is_on_genre(body)}
    return np.fromiter((c in off for c in codes), dtype=bool, count=len(codes))


def sentence_frame_columns(
    table: pd.DataFrame, frames: tuple[str, ...], hits: np.ndarray
) -> dict[str, np.ndarray]:
    """The first columns of a table of one row per sentence and frame (sentences in the
    order of ``table``, frames in ``frames`` order): ``doc_id``, ``sentence_no``,
    ``sentence``, ``voice``, ``speaker`` (``""`` for none), ``frame`` and ``hits``."""
    nf = len(frames)
    rep = lambda col: np.repeat(table[col].to_numpy(), nf)  # noqa: E731
    return {
        "doc_id": rep("doc_id"),
        "sentence_no": rep("sentence_no"),
        "sentence": rep("sentence"),
        "voice": rep("voice"),
        "speaker": np.repeat(table["speaker"].fillna("").to_numpy(), nf),
        "frame": np.tile(np.asarray(frames, dtype=object), len(table)),
        "hits": hits.ravel().astype("int64"),
    }
