"""Counting the tokens of many documents per group: the engine under :mod:`analysis.terms`.

A corpus is read one document at a time (:func:`analysis.parallel.map_documents`, in
worker processes for a large corpus); each document is tokenised once, given its group
(``by``: ``None`` for the whole corpus, ``"doc_id"`` or any metadata column) and its
tokens are counted into one :class:`collections.Counter` per group:

- :func:`group_of`         the group label of one document (clear errors for bad columns)
- :func:`count_terms`      counts, document frequencies and running words per group
- :func:`frequency_table`  the count / per_1000 / doc_freq / rank table of those counts

The public functions built on them (``term_counts``, ``term_frequencies``, ``ngrams``,
``tfidf``, ``corpus_summary``) are in :mod:`analysis.terms`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from functools import partial
from typing import Any

import pandas as pd

from .parallel import map_documents
from .tokens import _text_tokens_and_words, stopword_set

__all__ = [
    "CORPUS_GROUP",
    "MISSING_GROUP",
    "CorpusExclusion",
    "check_by",
    "count_terms",
    "excluded_terms",
    "frequency_table",
    "group_of",
    "sorted_groups",
]

#: Group label given to documents whose grouping column is empty or missing (NaN/None).
MISSING_GROUP = "(missing)"

#: Group label used when ``by=None``: the whole corpus is one group.
CORPUS_GROUP = "corpus"


# ---------------------------------------------------------------------------- groups


def group_of(doc: Mapping[str, Any], by: str | None) -> Hashable:
    """The group of one document; a clear ValueError for an unknown or unusable column.

    Parameters
    ----------
    doc : mapping of str to Any
        One document of :func:`analysis.corpus.as_documents` (``doc_id``, ``body`` and
        metadata columns).
    by : str or None
        The grouping column; ``None`` puts every document in the group ``"corpus"``.

    Returns
    -------
    hashable
        The document's value of ``by``; :data:`MISSING_GROUP` when it is empty, NaN or
        None; :data:`CORPUS_GROUP` when ``by`` is ``None``.

    Raises
    ------
    ValueError
        If the document has no column ``by`` (the message lists the columns it has), or
        its value cannot label a group (a list, a dict ...).
    """
    if by is None:
        return CORPUS_GROUP
    if by not in doc:
        available = ", ".join(k for k in doc if k not in ("raw", "body", "title", "removed"))
        raise ValueError(
            f"cannot group by {by!r}: document {doc.get('doc_id')!r} has no such column "
            f"(available: {available})"
        )
    value = doc[by]
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return MISSING_GROUP
    if isinstance(value, str) and not value.strip():
        return MISSING_GROUP
    try:
        hash(value)
    except TypeError:
        raise ValueError(
            f"cannot group by {by!r}: its values are {type(value).__name__}s, not labels"
        ) from None
    return value


def sorted_groups(groups: Iterable[Hashable]) -> list[Hashable]:
    """The groups sorted; by their text when they cannot be compared (mixed types)."""
    groups = list(groups)
    try:
        return sorted(groups)
    except TypeError:  # mixed types: sort by their text
        return sorted(groups, key=str)


class CorpusExclusion:
    """Terms to leave out that depend on the whole corpus, worked out while counting.

    Passed as ``exclude=`` to the counting functions (``term_counts``,
    ``term_frequencies``, ``keyness_by_group``), it gathers its evidence from each
    document in the same pass as the counts (in the workers), and the terms it names
    are then taken out of the counts of every group: the same table as finding the
    terms in a first pass and passing them as a set, read and cleaned once instead of
    twice. :class:`analysis.names.NamesInText` (the names of people and places) is one.
    Subclasses define the three methods below.
    """

    def evidence(self, doc: Mapping[str, Any]) -> Any:
        """What one document tells (in a worker; must pickle)."""
        raise NotImplementedError

    def merge(self, parts: Iterable[Any]) -> Any:
        """The evidence of many documents together (any order gives the same result)."""
        raise NotImplementedError

    def terms(self, merged: Any) -> frozenset[str]:
        """The lower-case terms to leave out, from the merged evidence of the corpus."""
        raise NotImplementedError


def excluded_terms(exclude: Iterable[str]) -> frozenset[str]:
    """The lower-case set of terms to leave out; a TypeError for one string."""
    if isinstance(exclude, str):
        raise TypeError("exclude must be a collection of terms, not one string")
    if isinstance(exclude, CorpusExclusion):
        raise TypeError(
            f"{type(exclude).__name__} is worked out while counting terms: pass it to "
            "term_counts, term_frequencies or keyness_by_group, or pass the terms as a set"
        )
    return frozenset(str(t).lower() for t in exclude)


def check_by(by: str | None) -> None:
    """A TypeError unless ``by`` is a column name or ``None``."""
    if by is not None and not isinstance(by, str):
        raise TypeError(f"by must be a column name (str) or None, got {type(by).__name__}")


def frequency_table(
    counts: Mapping[Hashable, Counter],
    doc_freqs: Mapping[Hashable, Counter],
    n_words: Mapping[Hashable, int],
    *,
    by: str | None,
    index_name: str,
    min_count: int,
) -> pd.DataFrame:
    """The frequency table of per-group counts (of terms or n-grams).

    Parameters
    ----------
    counts, doc_freqs : mapping of group to collections.Counter
        Occurrences of each item in each group, and the number of the group's documents
        that contain it (as :func:`count_terms` returns them).
    n_words : mapping of group to int
        Running words of each group (the denominator of ``per_1000``).
    by : str or None
        The grouping column: the name of the index's first level (``None``: one group,
        indexed by item only).
    index_name : str
        The name of the items' index level (``"term"``, ``"ngram"``).
    min_count : int
        Leave out items counted fewer times than this in their group.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``index_name`` or by (``by``, ``index_name``); rows sorted by group,
        then ``count`` descending, then item. Columns: ``count`` (occurrences in the
        group), ``per_1000`` (``1000 * count / n_words``, NaN for a group without words),
        ``doc_freq`` (documents of the group containing the item) and ``rank`` (by
        ``count`` within the group, ties sharing the lower rank).
    """
    groups, items, cnt, dfs, rates = [], [], [], [], []
    for group in sorted_groups(counts):
        counter = counts[group]
        total = n_words.get(group, 0)
        rows = sorted(
            ((t, c) for t, c in counter.items() if c >= min_count), key=lambda tc: (-tc[1], tc[0])
        )
        for term, c in rows:
            groups.append(group)
            items.append(term)
            cnt.append(c)
            dfs.append(doc_freqs[group][term])
            rates.append(1000.0 * c / total if total else float("nan"))
    frame = pd.DataFrame(
        {
            "count": pd.array(cnt, dtype="int64"),
            "per_1000": rates,
            "doc_freq": pd.array(dfs, dtype="int64"),
        }
    )
    key = pd.Series(groups, dtype=object)
    frame["rank"] = (
        frame["count"].groupby(key).rank(method="min", ascending=False).astype("int64")
        if len(frame)
        else pd.Series(dtype="int64")
    )
    if by is None:
        frame.index = pd.Index(items, name=index_name, dtype=object)
    else:
        frame.index = pd.MultiIndex.from_arrays(
            [pd.Index(groups, dtype=object), pd.Index(items, dtype=object)],
            names=[by, index_name],
        )
    return frame


# ---------------------------------------------------------------------------- counting


def _doc_terms(
    body: str,
    *,
    stem: bool,
    drop_stopwords: bool,
    fold_reduplication: bool,
    need_words: bool,
    stopwords: frozenset[str] | None = None,
) -> tuple[list[str], int]:
    """Counted tokens of one body, and its number of words (0 unless ``need_words``):
    the tokens of :func:`analysis.tokens.tokenize_sentences`, all sentences together."""
    tokens, words = _text_tokens_and_words(
        body,
        stem=stem,
        drop_stopwords=drop_stopwords,
        fold_reduplication=fold_reduplication,
        stopwords=stopwords,
    )
    return tokens, (words if need_words else 0)


def _doc_count(
    doc: Mapping[str, Any],
    *,
    by: str | None,
    stem: bool,
    drop_stopwords: bool,
    fold_reduplication: bool,
    excluded: frozenset[str],
    need_words: bool,
    stopwords: frozenset[str] | None = None,
) -> tuple[Hashable, list[str], int]:
    """(group, counted tokens, words) of one document: the per-document part of counting.

    The tokens are returned as a list, to be counted by :func:`_merge_counts` in C
    (``Counter.update`` of a list), not merged Counter by Counter in Python.
    """
    group = group_of(doc, by)
    tokens, words = _doc_terms(
        doc["body"] or "",
        stem=stem,
        drop_stopwords=drop_stopwords,
        fold_reduplication=fold_reduplication,
        need_words=need_words,
        stopwords=stopwords,
    )
    if excluded:
        tokens = [t for t in tokens if t not in excluded]
    return group, tokens, words


def _doc_count_and_evidence(
    doc: Mapping[str, Any], *, count: Any, exclusion: CorpusExclusion
) -> tuple[tuple[Hashable, list[str], int], Any]:
    """:func:`_doc_count` of one document and its evidence for ``exclusion``."""
    return count(doc), exclusion.evidence(doc)


def _merge_counts_and_evidence(results: Iterable[tuple], *, exclusion: CorpusExclusion) -> tuple:
    """:func:`_merge_counts` of the counts, ``exclusion.merge`` of the evidence."""
    results = list(results)
    counted = _merge_counts(r[0] for r in results)
    return (*counted, exclusion.merge(r[1] for r in results))


def _merge_counts(
    results: Iterable[tuple[Hashable, list[str], int]],
) -> tuple[dict, dict, dict]:
    """Count per-document tokens into (counts, doc_freqs, n_words) per group, in order."""
    counts: dict[Hashable, Counter] = {}
    doc_freqs: dict[Hashable, Counter] = {}
    n_words: dict[Hashable, int] = {}
    for group, tokens, words in results:
        if group not in counts:
            counts[group], doc_freqs[group], n_words[group] = Counter(), Counter(), 0
        counts[group].update(tokens)
        doc_freqs[group].update(set(tokens))
        n_words[group] += words
    return counts, doc_freqs, n_words


def _merge_partials(partials: Iterable[tuple[dict, dict, dict]]) -> tuple[dict, dict, dict]:
    """Sum chunk results of :func:`_merge_counts` (Counter sums do not depend on order)."""
    counts: dict[Hashable, Counter] = {}
    doc_freqs: dict[Hashable, Counter] = {}
    n_words: dict[Hashable, int] = {}
    for c, d, w in partials:
        for group, counter in c.items():
            if group in counts:
                counts[group].update(counter)
                doc_freqs[group].update(d[group])
                n_words[group] += w[group]
            else:
                counts[group], doc_freqs[group], n_words[group] = counter, d[group], w[group]
    return counts, doc_freqs, n_words


def count_terms(
    corpus: Any,
    *,
    by: str | None,
    stem: bool,
    drop_stopwords: bool,
    fold_reduplication: bool,
    exclude: Iterable[str] = (),
    need_words: bool = True,
    jobs: int | None = 1,
    engine: str = "processes",
    progress: bool | None = None,
    stopwords: Iterable[str] | None = None,
) -> tuple[dict, dict, dict]:
    """Count the tokens of every document of ``corpus`` per group, in parallel if asked.

    Parameters
    ----------
    corpus : Any
        Anything :func:`analysis.corpus.as_documents` accepts.
    by : str or None
        The grouping column (see :func:`group_of`).
    stem, drop_stopwords, fold_reduplication : bool
        How documents are tokenised (:func:`analysis.tokens.tokenize_sentences`).
    exclude : iterable of str or CorpusExclusion
        Terms to leave out (see :func:`excluded_terms`), or a :class:`CorpusExclusion`
        whose terms are worked out in the same pass (e.g. the names found in the text).
    need_words : bool
        Also count running words (stopwords included), for ``per_1000``.
    jobs, engine, progress : int or None, str, bool or None
        As in :func:`analysis.parallel.map_documents`.
    stopwords : iterable of str or None
        The stopwords dropped when ``drop_stopwords`` (``None``: the default list; see
        :func:`analysis.tokens.stopword_set`).

    Returns
    -------
    tuple of dict
        ``(counts, doc_freqs, n_words)``: per group (in order of first appearance), a
        Counter of the tokens, a Counter of the number of documents containing each
        token, and the number of running words (0 when ``need_words`` is False).
    """
    deferred = exclude if isinstance(exclude, CorpusExclusion) else None
    func = partial(
        _doc_count,
        by=by,
        stem=stem,
        drop_stopwords=drop_stopwords,
        fold_reduplication=fold_reduplication,
        excluded=excluded_terms(() if deferred is not None else exclude),
        need_words=need_words,
        stopwords=stopword_set(stopwords, drop=drop_stopwords),
    )
    if deferred is not None:
        return _count_then_exclude(corpus, func, deferred, jobs, engine, progress)
    return _merge_partials(
        map_documents(
            func,
            corpus,
            combine=_merge_counts,
            jobs=jobs,
            engine=engine,
            progress=progress,
            desc="counting terms",
        )
    )


def _count_then_exclude(
    corpus: Any, count: Any, exclusion: CorpusExclusion, jobs, engine, progress
) -> tuple[dict, dict, dict]:
    """Counts and the exclusion's evidence in one pass, then the excluded terms taken out
    of every group's counts (the same as filtering them from each document's tokens)."""
    partials = list(
        map_documents(
            partial(_doc_count_and_evidence, count=count, exclusion=exclusion),
            corpus,
            combine=partial(_merge_counts_and_evidence, exclusion=exclusion),
            jobs=jobs,
            engine=engine,
            progress=progress,
            desc="counting terms",
        )
    )
    counts, doc_freqs, n_words = _merge_partials(p[:3] for p in partials)
    excluded = exclusion.terms(exclusion.merge(p[3] for p in partials))
    for group in counts:
        for term in excluded & counts[group].keys():
            del counts[group][term]
            del doc_freqs[group][term]
    return counts, doc_freqs, n_words
