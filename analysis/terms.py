"""Term frequencies, n-grams, collocations, TF-IDF and corpus size for Indonesian text.

What quanteda, AntConc and Voyant give a corpus linguist, as pandas tables, on the
cleaned ``body`` of each article and the project's own tokens
(:func:`analysis.tokens.tokenize_sentences`), so that ``program-program`` stays one word,
``dinas`` is never "singularised" and stems are guarded against over-stemming.

- :func:`term_counts`       group -> :class:`collections.Counter` (the cheap primitive that
  :mod:`analysis.keyness` and other modules reuse)
- :func:`term_frequencies`  count, rate per 1,000 words, document frequency and rank
- :func:`ngrams`            2- and 3-word sequences inside sentences, counted the same way
- :func:`collocations`      n-grams scored by log-likelihood and PMI (NLTK's finders)
- :func:`collocates`        window collocates of a node word: logDice, T-score, MI, G2
  (defined in :mod:`analysis.collocates`)
- :func:`tfidf`             terms that distinguish one document (or group) from the others
- :func:`metadata_terms`    names of leaders and places from the metadata, to ``exclude``
- :func:`corpus_summary`    paragraphs, sentences, tokens and types, before and after stopwords
- :func:`choose_grouping`   the metadata column to compare groups by, for any corpus
  (these three defined in :mod:`analysis.corpus_profile`)

Moved, and still available here under their old names: KWIC and dispersion (``kwic``,
``dispersion``) to :mod:`analysis.kwic`; the group comparisons ``keyness_by_group``,
``log_odds_by_group`` and ``comparison_terms`` to :mod:`analysis.keyness`.

Every function accepts any corpus :func:`analysis.corpus.as_documents` accepts (the
DataFrame of :func:`~analysis.corpus.load_corpus`, a stream from
:func:`~analysis.corpus.iter_documents`, or a folder path), reads one document at a time
and tokenises each document once per call. Grouping (``by``) is ``None`` (the whole
corpus), ``"doc_id"`` or any metadata column (``leader``, ``role``, ``level`` ...).

>>> from analysis import load_corpus                                   # doctest: +SKIP
>>> term_frequencies(load_corpus(), by="leader").loc["Herman Deru"].head(3)  # doctest: +SKIP
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any, Literal

import pandas as pd

from .collocates import collocates
from .corpus import as_documents

# Describing a corpus lives in analysis.corpus_profile; its names stay importable here.
from .corpus_profile import (  # noqa: F401
    GROUPING_CANDIDATES,
    NAME_COLUMNS,
    choose_grouping,
    corpus_summary,
    document_metadata_terms,
    metadata_terms,
)
from .counting import (
    MISSING_GROUP,
    check_by,
    count_terms,
    excluded_terms,
    frequency_table,
    group_of,
    sorted_groups,
)
from .kwic import dispersion, kwic
from .tokens import stopword_set, tokenize_sentences

__all__ = [
    "MISSING_GROUP",
    "choose_grouping",
    "collocates",
    "collocations",
    "corpus_summary",
    "dispersion",
    "document_metadata_terms",
    "kwic",
    "metadata_terms",
    "ngrams",
    "term_counts",
    "term_frequencies",
    "tfidf",
]

#: Old names of functions that moved to :mod:`analysis.keyness`, which imports this
#: module (so they are looked up on first use, not imported here).
_MOVED_TO_KEYNESS = frozenset({"comparison_terms", "keyness_by_group", "log_odds_by_group"})


def __getattr__(name: str) -> Any:
    """``terms.keyness_by_group``, ``log_odds_by_group``, ``comparison_terms``: the
    functions of :mod:`analysis.keyness` under their old home."""
    if name in _MOVED_TO_KEYNESS:
        from . import keyness  # keyness imports terms: a top-level import would be a cycle

        return getattr(keyness, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _MOVED_TO_KEYNESS)


# ---------------------------------------------------------------------------- counting


def _sentence_tokens(
    body: str,
    *,
    stem: bool,
    drop_stopwords: bool,
    fold_reduplication: bool,
    stopwords: Iterable[str] | None = None,
) -> list[list[str]]:
    return tokenize_sentences(
        body,
        stem=stem,
        drop_stopwords=drop_stopwords,
        fold_reduplication=fold_reduplication,
        stopwords=stopwords,
    )


def term_counts(
    corpus: Any,
    *,
    by: str | None = "doc_id",
    stem: bool = False,
    drop_stopwords: bool = True,
    fold_reduplication: bool = False,
    exclude: Iterable[str] = (),
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
    stopwords: Iterable[str] | None = None,
) -> dict[Hashable, Counter]:
    """Term counts per group, as ``{group: Counter(term -> count)}``.

    The cheap primitive behind :func:`term_frequencies` and keyness: pass the result (or
    one of its Counters) to :func:`analysis.keyness.keyness_vs_rest`.

    Parameters
    ----------
    corpus : Any
        Anything :func:`analysis.corpus.as_documents` accepts (a corpus DataFrame, a
        stream of documents, a folder or file path).
    by : str or None
        ``"doc_id"`` (default), any metadata column (``leader``, ``role``, ``level`` ...),
        or ``None`` for one group named ``"corpus"``. Documents whose value is empty or
        missing form the group ``"(missing)"``.
    stem : bool
        Count stems (:func:`analysis.stemming.stem_word`) instead of surface forms.
    drop_stopwords : bool
        Leave out the stopwords (default ``True``).
    fold_reduplication : bool
        Count ``program-program`` as ``program``.
    exclude : iterable of str
        Terms (as counted: lower case, stems when ``stem=True``) to leave out, e.g. the
        names of leaders and places from :func:`metadata_terms`.
    jobs, engine, progress : int or None, str, bool or None
        How to run over a large corpus (see :func:`analysis.parallel.map_documents`):
        ``jobs`` worker processes (default ``None``: all cores, but serial below 200
        documents; 1: serial), ``engine`` ``"processes"``, ``"serial"`` or ``"dask"``, and
        a progress bar (``None``: on a terminal, for runs over two seconds). Every engine
        gives the same counts.
    stopwords : iterable of str or None
        The stopwords left out with ``drop_stopwords``: ``None`` (default) is
        :data:`analysis.tokens.DEFAULT_STOPWORDS` (Sastrawi's Indonesian list of 809 words
        plus honorifics and attribution verbs, minus the frame words: 843 words); your
        collection **replaces** it (``DEFAULT_STOPWORDS | {"kabupaten"}`` adds to it;
        :func:`analysis.tokens.read_stopwords` reads a file). Compared with each token's
        lower-case form and, with ``stem=True``, with its stem.

    Returns
    -------
    dict of hashable to collections.Counter
        Groups in sorted order; each Counter maps a term to its count in the group, under
        the chosen options (so its total is the number of tokens left after dropping
        stopwords).

    Raises
    ------
    ValueError
        If a document has no column ``by``, or its values cannot label groups.

    Examples
    --------
    >>> from analysis.keyness import keyness_vs_rest                     # doctest: +SKIP
    >>> counts = term_counts(load_corpus(), by="leader")                # doctest: +SKIP
    >>> keyness_vs_rest(counts, "Herman Deru").head()                   # doctest: +SKIP
    """
    check_by(by)
    counts, _, _ = count_terms(
        corpus,
        by=by,
        stem=stem,
        drop_stopwords=drop_stopwords,
        fold_reduplication=fold_reduplication,
        exclude=exclude,
        need_words=False,
        jobs=jobs,
        engine=engine,
        progress=progress,
        stopwords=stopwords,
    )
    return {g: counts[g] for g in sorted_groups(counts)}


def term_frequencies(
    corpus: Any,
    *,
    by: str | None = None,
    stem: bool = False,
    drop_stopwords: bool = True,
    fold_reduplication: bool = False,
    exclude: Iterable[str] = (),
    min_count: int = 1,
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
    stopwords: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Frequency list: count, rate per 1,000 words, document frequency and rank of each term.

    Parameters
    ----------
    corpus : Any
        Anything :func:`analysis.corpus.as_documents` accepts.
    by : str or None
        ``None`` (default: the whole corpus), ``"doc_id"`` or any metadata column.
    stem, drop_stopwords, fold_reduplication : bool
        As in :func:`term_counts`.
    exclude : iterable of str
        Terms to leave out, as in :func:`term_counts`.
    min_count : int
        Leave out terms counted fewer times than this in their group.
    jobs, engine, progress : int or None, str, bool or None
        As in :func:`term_counts`.
    stopwords : iterable of str or None
        The stopwords left out (``None``: the default list), as in :func:`term_counts`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``term`` (``by=None``) or by (``<by>``, ``term``); rows sorted by group,
        then ``count`` descending, then ``term``. Columns:

        ``count``
            Occurrences of the term in the group.
        ``per_1000``
            ``1000 * count / words``, where ``words`` is the number of running word tokens
            of the group's bodies **including stopwords** (numbers without a letter are not
            words). This is the corpus linguist's normalised frequency (AntConc, Sketch
            Engine "per thousand/million tokens"): the rate of *kinerja* does not change
            when stopwords are dropped from the list, and it can be compared with rates
            published for other corpora.
        ``doc_freq``
            Number of documents of the group that contain the term at least once.
        ``rank``
            Rank by ``count`` within the group, 1 for the most frequent; ties share the
            lower rank (``1, 2, 2, 4``: pandas ``rank(method="min")``).

    Examples
    --------
    >>> term_frequencies(load_corpus()).head(3)                         # doctest: +SKIP
    """
    check_by(by)
    counts, doc_freqs, n_words = count_terms(
        corpus,
        by=by,
        stem=stem,
        drop_stopwords=drop_stopwords,
        fold_reduplication=fold_reduplication,
        exclude=exclude,
        jobs=jobs,
        engine=engine,
        progress=progress,
        stopwords=stopwords,
    )
    return frequency_table(
        counts, doc_freqs, n_words, by=by, index_name="term", min_count=min_count
    )


# ---------------------------------------------------------------------------- n-grams


def _ngram_filter(
    drop_stopwords: bool, exclude: Iterable[str] = (), stopwords: Iterable[str] | None = None
) -> Callable[[tuple[str, ...]], bool]:
    """Return a predicate: True when an n-gram is to be left out."""
    stops = stopword_set(stopwords)
    excluded = excluded_terms(exclude)

    def reject(gram: tuple[str, ...]) -> bool:
        if all(w in stops for w in gram):
            return True
        if excluded and any(w in excluded for w in gram):
            return True
        return drop_stopwords and (gram[0] in stops or gram[-1] in stops)

    return reject


def _check_n(n: int) -> None:
    if n not in (2, 3):
        raise ValueError(f"n must be 2 (bigrams) or 3 (trigrams), got {n!r}")


def ngrams(
    corpus: Any,
    n: int = 2,
    *,
    by: str | None = None,
    stem: bool = False,
    drop_stopwords: bool = True,
    fold_reduplication: bool = False,
    exclude: Iterable[str] = (),
    min_count: int = 1,
    stopwords: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Frequency list of word n-grams (``n`` = 2 or 3) inside sentences.

    N-grams are read from the full token sequence of each sentence (stopwords included, so
    no two words become neighbours because the words between them were dropped) and never
    cross a sentence or document boundary. N-grams made only of stopwords are always left
    out (``dan di``, ``yang telah``).

    Parameters
    ----------
    corpus : Any
        Anything :func:`analysis.corpus.as_documents` accepts.
    n : int
        2 (bigrams, default) or 3 (trigrams).
    by : str or None
        ``None`` (default), ``"doc_id"`` or any metadata column.
    stem, fold_reduplication : bool
        As in :func:`term_counts`.
    drop_stopwords : bool
        Also leave out n-grams that begin or end with a stopword (default ``True``);
        stopwords inside are kept (``visi dan misi``).
    exclude : iterable of str
        Leave out n-grams that contain any of these terms.
    min_count : int
        Leave out n-grams counted fewer times than this in their group.
    stopwords : iterable of str or None
        The stopword list of both rules above (``None``: the default), as in
        :func:`term_counts`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``ngram`` (its words joined by one space) or by (``<by>``, ``ngram``),
        with the columns of :func:`term_frequencies`: ``count`` (occurrences in the
        group), ``per_1000`` (per 1,000 running words of the group), ``doc_freq``
        (documents of the group that contain it) and ``rank`` (by count; ties share the
        lower rank).
    """
    check_by(by)
    _check_n(n)
    reject = _ngram_filter(drop_stopwords, exclude, stopwords)
    counts: dict[Hashable, Counter] = {}
    doc_freqs: dict[Hashable, Counter] = {}
    n_words: dict[Hashable, int] = {}
    for doc in as_documents(corpus):
        group = group_of(doc, by)
        body = doc["body"] or ""
        counter: Counter = Counter()
        words = 0
        for sent in _sentence_tokens(
            body, stem=stem, drop_stopwords=False, fold_reduplication=fold_reduplication
        ):
            words += len(sent)
            for i in range(len(sent) - n + 1):
                gram = tuple(sent[i : i + n])
                if not reject(gram):
                    counter[" ".join(gram)] += 1
        counts.setdefault(group, Counter()).update(counter)
        doc_freqs.setdefault(group, Counter()).update(counter.keys())
        n_words[group] = n_words.get(group, 0) + words
    return frequency_table(
        counts, doc_freqs, n_words, by=by, index_name="ngram", min_count=min_count
    )


MEASURES = ("likelihood_ratio", "pmi")


def collocations(
    corpus: Any,
    *,
    n: int = 2,
    measure: Literal["likelihood_ratio", "pmi"] = "likelihood_ratio",
    min_freq: int = 3,
    stem: bool = False,
    drop_stopwords: bool = True,
    fold_reduplication: bool = False,
    exclude: Iterable[str] = (),
    stopwords: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Collocations: n-grams scored by NLTK's log-likelihood ratio and PMI.

    Built with :class:`nltk.collocations.BigramCollocationFinder` (``n=2``) or
    :class:`~nltk.collocations.TrigramCollocationFinder` (``n=3``) ``.from_documents``
    over one token list per sentence, so no n-gram crosses a sentence or document
    boundary. Word frequencies (the marginals of the scores) count every token,
    stopwords included.

    Parameters
    ----------
    corpus : Any
        Anything :func:`analysis.corpus.as_documents` accepts.
    n : int
        2 or 3.
    measure : {"likelihood_ratio", "pmi"}
        The score that orders the rows and gives the rank: ``"likelihood_ratio"``
        (default; robust for rare events) or ``"pmi"`` (favours rare, exclusive pairs; use
        it with a ``min_freq`` of 3 or more).
    min_freq : int
        Leave out n-grams seen fewer times than this (NLTK ``apply_freq_filter``).
    stem, fold_reduplication : bool
        As in :func:`term_counts`.
    drop_stopwords : bool
        Leave out n-grams that begin or end with a stopword (default); n-grams made only
        of stopwords are always left out.
    exclude : iterable of str
        Leave out n-grams that contain any of these terms.
    stopwords : iterable of str or None
        The stopword list (``None``: the default), as in :func:`term_counts`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``ngram`` (words joined by a space), sorted by ``measure`` descending,
        then ``ngram``. Columns:

        ``count``
            Occurrences of the n-gram.
        ``likelihood_ratio``
            Dunning's log-likelihood G2 of the n-gram's contingency table
            (``BigramAssocMeasures.likelihood_ratio`` / ``TrigramAssocMeasures``); above
            3.84 means p < 0.05 for a bigram (1 d.f.).
        ``pmi``
            Pointwise mutual information, ``log2(P(w1..wn) / (P(w1) ... P(wn)))``.
        ``rank``
            Rank by ``measure`` (1 = strongest); ties share the lower rank.
    """
    from nltk.collocations import (
        BigramAssocMeasures,
        BigramCollocationFinder,
        TrigramAssocMeasures,
        TrigramCollocationFinder,
    )

    _check_n(n)
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}, got {measure!r}")
    if n == 2:
        finder_cls, measures = BigramCollocationFinder, BigramAssocMeasures
    else:
        finder_cls, measures = TrigramCollocationFinder, TrigramAssocMeasures

    def sentences() -> Iterator[list[str]]:
        for doc in as_documents(corpus):
            yield from _sentence_tokens(
                doc["body"] or "",
                stem=stem,
                drop_stopwords=False,
                fold_reduplication=fold_reduplication,
            )

    finder = finder_cls.from_documents(sentences())
    finder.apply_freq_filter(min_freq)
    reject = _ngram_filter(drop_stopwords, exclude, stopwords)
    finder.apply_ngram_filter(lambda *gram: reject(gram))

    grams = sorted(finder.ngram_fd)
    lr = dict(finder.score_ngrams(measures.likelihood_ratio)) if grams else {}
    pmi = dict(finder.score_ngrams(measures.pmi)) if grams else {}
    frame = pd.DataFrame(
        {
            "count": pd.array([finder.ngram_fd[g] for g in grams], dtype="int64"),
            "likelihood_ratio": [float(lr[g]) for g in grams],
            "pmi": [float(pmi[g]) for g in grams],
        },
        index=pd.Index([" ".join(g) for g in grams], name="ngram", dtype=object),
    )
    frame = frame.sort_values(measure, ascending=False, kind="mergesort")  # ties stay a-z
    frame["rank"] = frame[measure].rank(method="min", ascending=False).astype("int64")
    return frame


# ---------------------------------------------------------------------------- TF-IDF


def tfidf(
    corpus: Any,
    *,
    by: str = "doc_id",
    top: int | None = 10,
    stem: bool = False,
    drop_stopwords: bool = True,
    fold_reduplication: bool = False,
    exclude: Iterable[str] = (),
    stopwords: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Document-distinctive terms: the highest TF-IDF terms of each document (or group).

    Each group (each document with the default ``by="doc_id"``; with ``by="leader"`` the
    articles of one leader taken together) is one "document" of the TF-IDF model.

    Parameters
    ----------
    corpus : Any
        Anything :func:`analysis.corpus.as_documents` accepts.
    by : str
        ``"doc_id"`` (default) or any metadata column.
    top : int or None
        Number of terms kept per group (``None``: all).
    stem, drop_stopwords, fold_reduplication : bool
        As in :func:`term_counts`.
    exclude : iterable of str
        Terms to leave out, as in :func:`term_counts`.
    stopwords : iterable of str or None
        The stopwords left out (``None``: the default list), as in :func:`term_counts`.

    Returns
    -------
    pandas.DataFrame
        Indexed by (``<by>``, ``term``), sorted by group, then ``tfidf`` descending, then
        ``term``. Columns:

        ``count``
            Occurrences of the term in the group.
        ``tf``
            Term frequency: ``count`` divided by the number of tokens counted in the group
            (after dropping stopwords), so long and short articles are comparable.
        ``doc_freq``
            Number of groups that contain the term.
        ``idf``
            Smoothed inverse document frequency, ``ln((1 + n) / (1 + doc_freq)) + 1`` with
            ``n`` groups (scikit-learn's ``smooth_idf=True``): 1 for a term in every group,
            largest for a term in one group only.
        ``tfidf``
            ``tf * idf``.
        ``rank``
            Rank by ``tfidf`` within the group (1 = most distinctive); ties share the lower
            rank.
    """
    if by is None:
        raise ValueError("tfidf needs groups to compare: by='doc_id' or a metadata column")
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise ValueError(f"top must be a whole number >= 1 or None, got {top!r}")
    counts = term_counts(
        corpus,
        by=by,
        stem=stem,
        drop_stopwords=drop_stopwords,
        fold_reduplication=fold_reduplication,
        exclude=exclude,
        stopwords=stopwords,
    )
    df: Counter = Counter()
    for counter in counts.values():
        df.update(counter.keys())
    n_groups = len(counts)
    idf = {t: math.log((1 + n_groups) / (1 + d)) + 1.0 for t, d in df.items()}
    records = []
    for group, counter in counts.items():
        total = sum(counter.values())
        scored = sorted(
            ((c / total * idf[t], t, c) for t, c in counter.items()), key=lambda r: (-r[0], r[1])
        )
        kept = scored if top is None else scored[:top]
        for score, term, c in kept:
            records.append((group, term, c, c / total, df[term], idf[term], score))
    frame = pd.DataFrame(
        records, columns=[by, "term", "count", "tf", "doc_freq", "idf", "tfidf"]
    ).astype(
        {
            by: object,
            "term": object,
            "count": "int64",
            "doc_freq": "int64",
            "tf": "float64",
            "idf": "float64",
            "tfidf": "float64",
        }
    )
    frame["rank"] = (
        frame.groupby(by, sort=False)["tfidf"].rank(method="min", ascending=False).astype("int64")
    )
    return frame.set_index([by, "term"])
