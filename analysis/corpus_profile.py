"""A corpus described: its size, the names in its metadata, the column to group it by.

What a researcher looks at before counting anything, and what the counting functions
of :mod:`analysis.terms`, :mod:`analysis.keyness` and :mod:`analysis.names` ask of a
corpus's metadata:

- :func:`corpus_summary`    paragraphs, sentences, tokens and types, before and after stopwords
- :func:`metadata_terms`    names of leaders and places from the metadata, to ``exclude``
  (:func:`document_metadata_terms` for one document)
- :func:`choose_grouping`   the metadata column to compare groups by, for any corpus

Every function accepts any corpus :func:`analysis.corpus.as_documents` accepts; all of
them are importable from :mod:`analysis.terms` too.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable
from typing import Any

import pandas as pd

from .corpus import as_documents
from .counting import check_by, group_of, sorted_groups
from .tokens import DEFAULT_STOPWORDS, stem_word, stopword_set, tokenize, tokenize_sentences

__all__ = [
    "GROUPING_CANDIDATES",
    "NAME_COLUMNS",
    "choose_grouping",
    "corpus_summary",
    "document_metadata_terms",
    "metadata_terms",
]

#: Metadata columns whose words name people and places (see :func:`metadata_terms`).
NAME_COLUMNS = ("leader", "region", "province")


def metadata_terms(corpus: Any, columns: Iterable[str] = NAME_COLUMNS) -> frozenset[str]:
    """Lower-case word tokens of metadata values: the names of leaders and places.

    Pass the result as ``exclude=`` to the counting functions when the question is what
    leaders *say* rather than who and where they are: otherwise names (*Banyuasin*,
    *OKU*, *Edward Candra*) dominate every frequency list and keyness table, because each
    article names its own leader and region many times. Stopwords are not included.

    Parameters
    ----------
    corpus : Any
        Anything :func:`analysis.corpus.as_documents` accepts.
    columns : iterable of str
        Metadata columns to read (default ``leader``, ``region``, ``province``); columns a
        document lacks are skipped.

    Returns
    -------
    frozenset of str
        The lower-case word tokens of those columns' values, stopwords left out.

    Examples
    --------
    >>> sorted(metadata_terms(load_corpus()))[:4]                    # doctest: +SKIP
    ['askolani', 'banyuasin', 'budiman', 'candra']
    """
    if isinstance(columns, str):
        columns = [columns]
    columns = list(columns)
    words: set[str] = set()
    for doc in as_documents(corpus):
        words |= document_metadata_terms(doc, columns)
    return frozenset(words)


def document_metadata_terms(doc: Any, columns: Iterable[str] = NAME_COLUMNS) -> set[str]:
    """:func:`metadata_terms` of one document (a dict of :func:`~analysis.corpus.
    as_documents`): the lower-case word tokens of its ``columns``, stopwords left out."""
    words: set[str] = set()
    for column in [columns] if isinstance(columns, str) else columns:
        value = doc.get(column)
        if isinstance(value, str):
            words.update(tokenize(value))
    return words - DEFAULT_STOPWORDS


# ---------------------------------------------------------------------------- corpus summary


def corpus_summary(
    corpus: Any,
    *,
    by: str | None = "doc_id",
    stem: bool = False,
    fold_reduplication: bool = False,
    stopwords: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Size of each document (or group): paragraphs, sentences, tokens and types.

    Counts use the project's tokens (:func:`analysis.tokens.tokenize_sentences` of the
    cleaned body, lower case; numbers without a letter are not tokens), first with every
    token, then without :func:`analysis.tokens.stopwords`, so the table shows how much of
    each article the stopword list removes before the frequency lists are made.

    Parameters
    ----------
    corpus : Any
        Anything :func:`analysis.corpus.as_documents` accepts.
    by : str or None
        ``"doc_id"`` (default: one row per document), any metadata column, or ``None``
        for one row, ``"corpus"``, for the whole corpus.
    stem, fold_reduplication : bool
        Count types as stems / with reduplication folded (as in :func:`term_counts`);
        token counts do not change.
    stopwords : iterable of str or None
        The stopwords of the ``content_`` columns (``None``: the default list), as in
        :func:`term_counts`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``<by>`` (``group`` when ``by=None``), groups sorted. Columns:

        ``articles``
            Documents in the group.
        ``paragraphs``
            Non-empty lines of the cleaned bodies (the cleaner keeps one paragraph a line).
        ``sentences``
            Sentences (:func:`analysis.tokens.split_sentences`).
        ``tokens``
            Running word tokens, stopwords included (the ``words`` behind
            :func:`term_frequencies`' ``per_1000``).
        ``types``
            Distinct tokens in the group.
        ``content_tokens``
            Tokens left after dropping stopwords (the total of :func:`term_counts`).
        ``content_types``
            Distinct tokens left after dropping stopwords.
        ``stopword_share``
            ``1 - content_tokens / tokens``: the share of running words that are stopwords
            (NaN for a group without tokens).

    Examples
    --------
    >>> corpus_summary(load_corpus()).loc["004", "tokens"]           # doctest: +SKIP
    """
    check_by(by)
    stops = stopword_set(stopwords)
    sizes: dict[Hashable, list[int]] = {}
    vocab: dict[Hashable, set[str]] = {}
    content_vocab: dict[Hashable, set[str]] = {}
    for doc in as_documents(corpus):
        group = group_of(doc, by)
        body = doc["body"] or ""
        sents = tokenize_sentences(
            body, stem=False, drop_stopwords=False, fold_reduplication=fold_reduplication
        )
        tokens = [t for s in sents for t in s]
        kept = [t for t in tokens if t not in stops]
        if stem:
            tokens = [stem_word(t) for t in tokens]
            kept = [k for k in (stem_word(t) for t in kept) if k not in stops]
        row = sizes.setdefault(group, [0, 0, 0, 0, 0])
        row[0] += 1
        row[1] += sum(1 for line in body.split("\n") if line.strip())
        row[2] += len(sents)
        row[3] += len(tokens)
        row[4] += len(kept)
        vocab.setdefault(group, set()).update(tokens)
        content_vocab.setdefault(group, set()).update(kept)
    groups = sorted_groups(sizes)
    frame = pd.DataFrame(
        {
            "articles": [sizes[g][0] for g in groups],
            "paragraphs": [sizes[g][1] for g in groups],
            "sentences": [sizes[g][2] for g in groups],
            "tokens": [sizes[g][3] for g in groups],
            "types": [len(vocab[g]) for g in groups],
            "content_tokens": [sizes[g][4] for g in groups],
            "content_types": [len(content_vocab[g]) for g in groups],
        },
        index=pd.Index(groups, name=by if by is not None else "group", dtype=object),
        dtype="int64",
    )
    tokens = frame["tokens"].to_numpy(dtype=float)
    content = frame["content_tokens"].to_numpy(dtype=float)
    frame["stopword_share"] = [1.0 - c / t if t else float("nan") for c, t in zip(content, tokens)]
    return frame


# ---------------------------------------------------------------------------- grouping

#: Metadata columns tried by :func:`choose_grouping`, in order.
GROUPING_CANDIDATES = ("leader", "role", "level", "outlet", "region", "province")


def choose_grouping(
    corpus: Any, candidates: Iterable[str] = GROUPING_CANDIDATES, *, min_groups: int = 2
) -> str:
    """The column to compare groups by: the first candidate with at least ``min_groups``
    values, else ``"doc_id"`` (each article its own group).

    A notebook or script meant for any corpus (``notebooks/06-your-own-corpus.ipynb``)
    calls this instead of assuming a ``leader`` column: a folder without
    ``metadata.csv`` is then compared article by article.

    Parameters
    ----------
    corpus : Any
        Anything :func:`analysis.corpus.as_documents` accepts; a DataFrame is read from
        its columns at once, anything else is read document by document (a folder is then
        read, and cleaned, once: load it with :func:`analysis.load_corpus` first to avoid
        reading it twice).
    candidates : iterable of str
        Metadata columns to try, in order of preference.
    min_groups : int
        The fewest distinct values (empty and missing values not counted) that make a
        column worth comparing by.

    Returns
    -------
    str
        A candidate column, or ``"doc_id"``.

    Examples
    --------
    >>> choose_grouping(load_corpus())                                  # doctest: +SKIP
    'leader'
    >>> choose_grouping([{"doc_id": "a", "body": "..."}, {"doc_id": "b", "body": "..."}])
    'doc_id'
    """
    if isinstance(candidates, str):
        candidates = [candidates]
    candidates = list(candidates)
    if isinstance(corpus, pd.DataFrame):
        for column in candidates:
            if column in corpus.columns:
                values = corpus[column].dropna()
                values = values[values.astype(str).str.strip() != ""]
                if values.nunique() >= min_groups:
                    return column
        return "doc_id"
    seen: dict[str, set] = {c: set() for c in candidates}
    for doc in as_documents(corpus):
        for column in candidates:
            value = doc.get(column)
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            if isinstance(value, str) and not value.strip():
                continue
            seen[column].add(value)
    for column in candidates:
        if len(seen[column]) >= min_groups:
            return column
    return "doc_id"
