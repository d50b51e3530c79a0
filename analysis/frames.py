"""Frames: coding a corpus with the frame lexicon, frame scores, evidence, co-occurrence.

The lexicon, its loading and the matcher live in :mod:`analysis.lexicon` (how an entry
matches, overlaps, clitics); the coding of every sentence (the codebook's sentence
rules, the genre check) in :mod:`analysis.frame_coding`; the resampling behind the
intervals in
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

from collections.abc import Iterable, Sequence
from importlib import import_module
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from .bootstrap import group_intervals, group_units
from .frame_coding import (  # the engine: every sentence coded
    Coded,
    _as_matcher,
    _metadata_columns,
    code_corpus,
    sentence_frame_columns,
)
from .lexicon import (  # re-exported: their home is analysis.lexicon
    CLITICS,
    MATCH_MODES,
    FrameError,
    FrameMatcher,
    LexiconError,
    load_lexicon,
    match_frames,
)
from .lexicon import LEXICON_COLUMNS as LEXICON_COLUMNS
from .lexicon import LEXICON_FILE as LEXICON_FILE
from .lexicon import REQUIRED_LEXICON_COLUMNS as REQUIRED_LEXICON_COLUMNS
from .parallel import progress_bar, resolve_jobs
from .quotes import VOICES

__all__ = [
    "CLITICS",
    "FrameError",
    "FrameMatcher",
    "LexiconError",
    "MATCH_MODES",
    "VOICES",
    "WITHIN_ARTICLE",
    "ci_basis",
    "evaluate_lexicon",  # noqa: F822 - resolved by __getattr__ (home: analysis.validation)
    "frame_cooccurrence",
    "frame_evidence",
    "frame_scores",
    "load_lexicon",
    "match_frames",
]


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


def _meta_names(coded: Coded) -> list[str]:
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
    coded = code_corpus(
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
    "n_docs",
    "small_group",
    "ci_basis",
)

#: Groups of this many articles are flagged ``small_group`` (see :func:`frame_scores`).
SMALL_GROUP = range(2, 5)

#: ``ci_basis`` of a group of one article: its interval resamples its sentences.
WITHIN_ARTICLE = "within-article sentences only"


def ci_basis(n_docs: int, n_boot: int = 1000) -> str:
    """What the interval of a group of ``n_docs`` articles rests on (``ci_basis``).

    Parameters
    ----------
    n_docs : int
        Articles in the group.
    n_boot : int
        Bootstrap resamples (0: no interval).

    Returns
    -------
    str
        ``"within-article sentences only"`` (one article), ``"2-4 articles: span of
        their rates only"``, ``"articles"`` (five or more) or ``"no interval"``.
    """
    if n_boot <= 0 or n_docs <= 0:
        return "no interval"
    if n_docs == 1:
        return WITHIN_ARTICLE
    if n_docs in SMALL_GROUP:
        return f"{SMALL_GROUP.start}-{SMALL_GROUP.stop - 1} articles: span of their rates only"
    return "articles"


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
    jobs, engine, progress : int or None, str, bool or None
        How a corpus is coded, as in :func:`frame_evidence` (the bootstrap runs
        afterwards, in this process, on ``jobs`` threads -- one with
        ``engine="serial"`` -- with the same seed: every engine and number of jobs
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
        - ``resampled``: the bootstrap unit, ``"sentences"`` or ``"articles"``;
        - ``n_docs``: articles in the group (the same as ``n_articles``);
        - ``small_group``: True for a group of 2-4 articles, whose interval is too
          narrow to trust (see Notes);
        - ``ci_basis``: what the interval rests on, :func:`ci_basis`: ``"within-article
          sentences only"`` for one article, ``"2-4 articles: span of their rates
          only"``, ``"articles"``, or ``"no interval"`` (``n_boot=0``, or
          ``by="sentence"``, where ``n_docs`` is 1 and ``small_group`` False).

    Notes
    -----
    The bootstrap resamples, with replacement, the *sentences* of a group made of one
    article, and the *articles* of a group made of several (a cluster bootstrap: each
    resample draws as many articles as the group has, keeping each article's sentences
    together, since sentences of one article are not independent). Rates and shares are
    ratios of the resampled sums. Each group has its own generator, seeded from
    ``seed`` and the group's key, so its interval does not change when other groups are
    added or removed. All groups are resampled at once
    (:func:`analysis.bootstrap.group_intervals`: each group's draws from its own
    generator, the sums and percentiles of many groups together), giving exactly the
    intervals of one group at a time. With ``by="sentence"`` no interval is computed
    (NaN).

    A group of one article with few sentences gives wide, lumpy intervals; a rate of 0
    gives the interval [0, 0] -- read intervals together with ``n_sentences``. Its
    interval rests on the article's own sentences only (``ci_basis``): it says how
    steady the rate is within that article, not how another article of the same group
    would score.

    A group of 2-4 articles is flagged ``small_group``: a cluster bootstrap over so few
    articles can only recombine their rates, so its interval never reaches beyond the
    lowest and highest of those articles' rates (two articles at 27.7 and 32.0 give an
    interval inside [27.7, 32.0]). It is too narrow to trust and looks better measured
    than a one-article group, though it is not; the frame plots mark such groups.

    Examples
    --------
    >>> scores = frame_scores(load_corpus(), by="leader", n_boot=200)   # doctest: +SKIP
    >>> scores.pivot(index="leader", columns="frame", values="per_1000")  # doctest: +SKIP
    """
    _check_bootstrap_options(n_boot, ci)
    matcher = _as_matcher(lexicon)
    by_cols = [by] if isinstance(by, str) else list(by)
    sentence_level = isinstance(by, str) and by == "sentence"
    coded = code_corpus(
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
    clusters = pd.factorize(table["doc_id"])[0] if len(table) else np.array([], dtype=np.int64)
    keys = [key for key, _rows in groups]
    threads = 1 if engine == "serial" else resolve_jobs(jobs)
    scored = _score_groups(groups, clusters, tokens, hits, (n_boot, ci, seed), threads, progress)
    table = _group_score_table(by_cols, keys, scored, coded.frames)
    return _with_group_size(table, n_boot)


def _with_group_size(table: pd.DataFrame, n_boot: int) -> pd.DataFrame:
    """``table`` with ``n_docs``, ``small_group`` and ``ci_basis`` from ``n_articles``."""
    n_docs = table["n_articles"].astype("int64")
    basis = {n: ci_basis(n, n_boot) for n in n_docs.unique()}
    return table.assign(
        n_docs=n_docs,
        small_group=n_docs.isin(SMALL_GROUP).astype(bool),
        ci_basis=n_docs.map(basis).astype(object),
    )


def _check_bootstrap_options(n_boot: Any, ci: Any) -> None:
    if not isinstance(n_boot, (int, np.integer)) or isinstance(n_boot, bool) or n_boot < 0:
        raise FrameError(f"n_boot must be a whole number >= 0, got {n_boot!r}")
    if not 0 < ci < 1:
        raise FrameError(f"ci must be between 0 and 1 (e.g. 0.95), got {ci!r}")


def _voice_rows(
    coded: Coded, voice: str | Sequence[str] | None
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """(sentence table, tokens, hits) of the sentences of the wanted voice(s)."""
    if voice is None:  # every sentence: no copy of the (possibly long) sentence table
        return coded.table.reset_index(drop=True), coded.tokens, coded.hits
    mask = _voice_mask(coded.table, voice)
    return coded.table.loc[mask].reset_index(drop=True), coded.tokens[mask], coded.hits[mask]


def _check_grouping(by_cols: list[str], coded: Coded) -> None:
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


class _GroupScores(NamedTuple):
    """The numbers of every group: per frame hits and intervals ``(n_groups, n_frames)``,
    and per group tokens, articles, sentences and bootstrap unit."""

    hits: np.ndarray
    tokens: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    share_ci_low: np.ndarray
    share_ci_high: np.ndarray
    n_articles: np.ndarray
    n_sentences: np.ndarray
    resampled: np.ndarray


def _score_groups(
    groups: list[tuple[tuple, np.ndarray]],
    clusters: np.ndarray,
    tokens: np.ndarray,
    hits: np.ndarray,
    boot: tuple[int, float, int],
    threads: int,
    progress: bool | None,
) -> _GroupScores:
    """Sums and bootstrap intervals (``boot``: n_boot, ci, seed; on ``threads`` threads)
    of every group's sentences (row positions per group, and every sentence's article
    code, tokens and hits), all groups at once."""
    n_boot, ci, seed = boot
    nf = hits.shape[1]
    sizes = np.array([len(rows) for _key, rows in groups], dtype=np.int64)
    rows = np.concatenate([r for _key, r in groups]) if groups else np.array([], dtype=np.intp)
    g_hits, g_tokens = hits[rows].reshape(-1, nf), tokens[rows]
    units = group_units(clusters[rows], g_hits, g_tokens, sizes)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.intp)
    sum_hits = np.add.reduceat(g_hits, starts, axis=0) if len(rows) else g_hits[:0]
    sum_tokens = np.add.reduceat(g_tokens, starts) if len(rows) else g_tokens[:0]
    bar = progress_bar(len(groups), "bootstrap", progress, unit="group") if n_boot else None
    intervals = group_intervals(
        *units[:3],
        [key for key, _rows in groups],
        n_boot=n_boot,
        ci=ci,
        seed=seed,
        threads=threads,
        progress=bar.update if bar is not None else None,
    )
    if bar is not None:
        bar.close()
    n_clusters = units[3]
    resampled = np.where(n_clusters > 1, "articles", "sentences").astype(object)
    return _GroupScores(
        sum_hits, sum_tokens.astype(np.int64), *intervals, n_clusters, sizes, resampled
    )


def _group_score_table(
    by_cols: list[str], keys: list[tuple], scored: _GroupScores, frames: Sequence[str]
) -> pd.DataFrame:
    """The tidy table of :func:`frame_scores`: one row per group and frame."""
    nf = len(frames)

    def per_frame(values: Iterable) -> list:  # each group's value on each of its rows
        return [v for v in values for _ in range(nf)]

    records = {c: per_frame(key[i] for key in keys) for i, c in enumerate(by_cols)}
    hits = scored.hits.reshape(-1, nf)
    tokens = scored.tokens.astype(np.int64)[:, None]
    total = hits.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        per_1000 = np.where(tokens > 0, hits / tokens * 1000, np.nan)
        share = np.where(total > 0, hits / total, np.nan)
    dom_mask, dom_names = _dominant(hits, frames)
    intervals = ("ci_low", "ci_high", "share_ci_low", "share_ci_high")
    stats = {
        "frame": list(frames) * len(keys),
        "hits": hits.ravel(),
        "tokens": np.repeat(scored.tokens, nf),
        "per_1000": per_1000.ravel(),
        "share": share.ravel(),
        "dominant": dom_mask.ravel().tolist(),
        "dominant_frame": np.repeat(dom_names, nf).tolist(),
        **{c: getattr(scored, c).reshape(-1, nf).ravel() for c in intervals},
        "n_articles": np.repeat(scored.n_articles, nf),
        "n_sentences": np.repeat(scored.n_sentences, nf),
        "resampled": np.repeat(scored.resampled, nf),
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
    out = pd.DataFrame(
        {
            **sentence_frame_columns(table, tuple(frames), hits),
            "tokens": np.repeat(tokens, nf).astype("int64"),
            "per_1000": rate.ravel().astype("float64"),
            "share": share.ravel().astype("float64"),
            "dominant": dom_mask.ravel(),
            "dominant_frame": np.repeat(dom_names, nf),
            "ci_low": np.full(n * nf, np.nan),
            "ci_high": np.full(n * nf, np.nan),
            "share_ci_low": np.full(n * nf, np.nan),
            "share_ci_high": np.full(n * nf, np.nan),
            "n_docs": np.ones(n * nf, dtype=np.int64),
            "small_group": np.zeros(n * nf, dtype=bool),
            "ci_basis": np.full(n * nf, ci_basis(1, 0), dtype=object),
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
    jobs, engine, progress : int or None, str, bool or None
        As in :func:`frame_evidence`.

    Returns
    -------
    pandas.DataFrame
        Square, symmetric, index and columns ``frame`` in lexicon order: the number of
        sentences with at least one hit of the row frame and at least one hit of the
        column frame; the diagonal is the number of sentences with the frame.
    """
    matcher = _as_matcher(lexicon)
    coded = code_corpus(
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
