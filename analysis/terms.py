"""Term frequencies, n-grams, collocations, KWIC, dispersion and TF-IDF for Indonesian text.

What quanteda, AntConc and Voyant give a corpus linguist, as pandas tables, on the
cleaned ``body`` of each article and the project's own tokens
(:func:`analysis.tokens.tokenize_sentences`), so that ``program-program`` stays one word,
``dinas`` is never "singularised" and stems are guarded against over-stemming.

- :func:`term_counts`       group -> :class:`collections.Counter` (the cheap primitive that
  :mod:`analysis.keyness` and other modules reuse)
- :func:`term_frequencies`  count, rate per 1,000 words, document frequency and rank
- :func:`ngrams`            2- and 3-word sequences inside sentences, counted the same way
- :func:`collocations`      n-grams scored by log-likelihood and PMI (NLTK's finders)
- :func:`kwic`              keyword in context: one row per hit
- :func:`dispersion`        where chosen terms occur in each article (for an x-ray plot)
- :func:`tfidf`             terms that distinguish one document (or group) from the others
- :func:`keyness_by_group`  every group against the rest (:mod:`analysis.keyness`), one table
- :func:`comparison_terms`  the terms of a comparison word cloud, each with its group
- :func:`metadata_terms`    names of leaders and places from the metadata, to ``exclude``
- :func:`corpus_summary`    paragraphs, sentences, tokens and types, before and after stopwords
- :func:`choose_grouping`   the metadata column to compare groups by, for any corpus
- :func:`log_odds_by_group` every group against the rest by Fightin' Words log-odds z-scores

Every function accepts any corpus :func:`analysis.corpus.as_documents` accepts (the
DataFrame of :func:`~analysis.corpus.load_corpus`, a stream from
:func:`~analysis.corpus.iter_documents`, or a folder path), reads one document at a time
and tokenises each document once per call. Grouping (``by``) is ``None`` (the whole
corpus), ``"doc_id"`` or any metadata column (``leader``, ``role``, ``level`` ...).

>>> from analysis import load_corpus                                   # doctest: +SKIP
>>> term_frequencies(load_corpus(), by="leader").loc["Herman Deru"].head(3)  # doctest: +SKIP
"""

from __future__ import annotations

import fnmatch
import math
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from typing import Any, Literal

import pandas as pd

from .corpus import as_documents
from .tokens import normalize, split_sentences, stem_word, stopwords, tokenize, word_spans

__all__ = [
    "MISSING_GROUP",
    "choose_grouping",
    "collocations",
    "comparison_terms",
    "corpus_summary",
    "dispersion",
    "keyness_by_group",
    "kwic",
    "log_odds_by_group",
    "metadata_terms",
    "ngrams",
    "term_counts",
    "term_frequencies",
    "tfidf",
]

#: Group label given to documents whose grouping column is empty or missing (NaN/None).
MISSING_GROUP = "(missing)"

#: Group label used when ``by=None``: the whole corpus is one group.
CORPUS_GROUP = "corpus"

_GLOB_CHARS = frozenset("*?[")


# ---------------------------------------------------------------------------- helpers


def _group_of(doc: Mapping[str, Any], by: str | None) -> Hashable:
    """The group of one document; a clear ValueError for an unknown or unusable column."""
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


def _sorted_groups(groups: Iterable[Hashable]) -> list[Hashable]:
    groups = list(groups)
    try:
        return sorted(groups)
    except TypeError:  # mixed types: sort by their text
        return sorted(groups, key=str)


def _excluded(exclude: Iterable[str]) -> frozenset[str]:
    if isinstance(exclude, str):
        raise TypeError("exclude must be a collection of terms, not one string")
    return frozenset(str(t).lower() for t in exclude)


def _check_by(by: str | None) -> None:
    if by is not None and not isinstance(by, str):
        raise TypeError(f"by must be a column name (str) or None, got {type(by).__name__}")


def _n_words(body: str) -> int:
    """Number of word tokens of a text (stopwords included, numbers excluded)."""
    return len(word_spans(normalize(body)))


def _sentence_tokens(
    body: str, *, stem: bool, drop_stopwords: bool, fold_reduplication: bool
) -> list[list[str]]:
    from .tokens import tokenize_sentences

    return tokenize_sentences(
        body, stem=stem, drop_stopwords=drop_stopwords, fold_reduplication=fold_reduplication
    )


def _frequency_table(
    counts: Mapping[Hashable, Counter],
    doc_freqs: Mapping[Hashable, Counter],
    n_words: Mapping[Hashable, int],
    *,
    by: str | None,
    index_name: str,
    min_count: int,
) -> pd.DataFrame:
    """Assemble the count / per_1000 / doc_freq / rank table of term_frequencies and ngrams."""
    groups, items, cnt, dfs, rates = [], [], [], [], []
    for group in _sorted_groups(counts):
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
        {"count": pd.array(cnt, dtype="int64"), "per_1000": rates,
         "doc_freq": pd.array(dfs, dtype="int64")}
    )
    key = pd.Series(groups, dtype=object)
    frame["rank"] = (
        frame["count"].groupby(key).rank(method="min", ascending=False).astype("int64")
        if len(frame) else pd.Series(dtype="int64")
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
    body: str, *, stem: bool, drop_stopwords: bool, fold_reduplication: bool, need_words: bool
) -> tuple[list[str], int]:
    """Counted tokens of one body, and its number of words (0 unless ``need_words``):
    the tokens of :func:`analysis.tokens.tokenize_sentences`, all sentences together."""
    from .tokens import _text_tokens_and_words

    tokens, words = _text_tokens_and_words(
        body, stem=stem, drop_stopwords=drop_stopwords, fold_reduplication=fold_reduplication
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
) -> tuple[Hashable, list[str], int]:
    """(group, counted tokens, words) of one document: the per-document part of counting.

    The tokens are returned as a list, to be counted by :func:`_merge_counts` in C
    (``Counter.update`` of a list), not merged Counter by Counter in Python.
    """
    group = _group_of(doc, by)
    tokens, words = _doc_terms(
        doc["body"] or "", stem=stem, drop_stopwords=drop_stopwords,
        fold_reduplication=fold_reduplication, need_words=need_words,
    )
    if excluded:
        tokens = [t for t in tokens if t not in excluded]
    return group, tokens, words


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


def _count_terms(
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
) -> tuple[dict, dict, dict]:
    from functools import partial

    from .parallel import map_documents

    func = partial(
        _doc_count, by=by, stem=stem, drop_stopwords=drop_stopwords,
        fold_reduplication=fold_reduplication, excluded=_excluded(exclude),
        need_words=need_words,
    )
    return _merge_partials(
        map_documents(
            func, corpus, combine=_merge_counts, jobs=jobs, engine=engine, progress=progress,
            desc="counting terms",
        )
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
) -> dict[Hashable, Counter]:
    """Term counts per group, as ``{group: Counter(term -> count)}``.

    The cheap primitive behind :func:`term_frequencies` and keyness: pass the result (or
    one of its Counters) to :func:`analysis.keyness.keyness_vs_rest`.

    Parameters
    ----------
    corpus : anything :func:`analysis.corpus.as_documents` accepts.
    by : ``"doc_id"`` (default), any metadata column (``leader``, ``role``, ``level`` ...),
        or ``None`` for one group named ``"corpus"``. Documents whose value is empty or
        missing form the group ``"(missing)"``.
    stem : count stems (:func:`analysis.tokens.stem_word`) instead of surface forms.
    drop_stopwords : leave out :func:`analysis.tokens.stopwords` (default ``True``).
    fold_reduplication : count ``program-program`` as ``program``.
    exclude : terms (as counted: lower case, stems when ``stem=True``) to leave out, e.g.
        the names of leaders and places from :func:`metadata_terms`.
    jobs, engine, progress : how to run over a large corpus (see
        :func:`analysis.parallel.map_documents`): ``jobs`` worker processes (default
        ``None``: all cores, but serial below 200 documents; 1: serial), ``engine``
        ``"processes"``, ``"serial"`` or ``"dask"``, and a progress bar (``None``: on a
        terminal, for runs over two seconds). Every engine gives the same counts.

    Returns
    -------
    dict
        Groups in sorted order; each Counter holds the tokens counted under the chosen
        options (so its total is the number of tokens left after dropping stopwords).

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
    _check_by(by)
    counts, _, _ = _count_terms(
        corpus, by=by, stem=stem, drop_stopwords=drop_stopwords,
        fold_reduplication=fold_reduplication, exclude=exclude, need_words=False,
        jobs=jobs, engine=engine, progress=progress,
    )
    return {g: counts[g] for g in _sorted_groups(counts)}


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
) -> pd.DataFrame:
    """Frequency list: count, rate per 1,000 words, document frequency and rank of each term.

    Parameters
    ----------
    corpus : anything :func:`analysis.corpus.as_documents` accepts.
    by : ``None`` (default: the whole corpus), ``"doc_id"`` or any metadata column.
    stem, drop_stopwords, fold_reduplication, exclude : as in :func:`term_counts`.
    min_count : leave out terms counted fewer times than this in their group.
    jobs, engine, progress : as in :func:`term_counts`.

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
    _check_by(by)
    counts, doc_freqs, n_words = _count_terms(
        corpus, by=by, stem=stem, drop_stopwords=drop_stopwords,
        fold_reduplication=fold_reduplication, exclude=exclude,
        jobs=jobs, engine=engine, progress=progress,
    )
    return _frequency_table(
        counts, doc_freqs, n_words, by=by, index_name="term", min_count=min_count
    )


# ---------------------------------------------------------------------------- n-grams


def _ngram_filter(
    drop_stopwords: bool, exclude: Iterable[str] = ()
) -> Callable[[tuple[str, ...]], bool]:
    """Return a predicate: True when an n-gram is to be left out."""
    stops = stopwords()
    excluded = _excluded(exclude)

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
) -> pd.DataFrame:
    """Frequency list of word n-grams (``n`` = 2 or 3) inside sentences.

    N-grams are read from the full token sequence of each sentence (stopwords included, so
    no two words become neighbours because the words between them were dropped) and never
    cross a sentence or document boundary. N-grams made only of stopwords are always left
    out (``dan di``, ``yang telah``).

    Parameters
    ----------
    corpus : anything :func:`analysis.corpus.as_documents` accepts.
    n : 2 (bigrams, default) or 3 (trigrams).
    by : ``None`` (default), ``"doc_id"`` or any metadata column.
    stem, fold_reduplication : as in :func:`term_counts`.
    drop_stopwords : also leave out n-grams that begin or end with a stopword (default
        ``True``); stopwords inside are kept (``visi dan misi``).
    exclude : leave out n-grams that contain any of these terms.
    min_count : leave out n-grams counted fewer times than this in their group.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``ngram`` (its words joined by one space) or by (``<by>``, ``ngram``),
        with the columns of :func:`term_frequencies`: ``count``, ``per_1000`` (per 1,000
        running words of the group), ``doc_freq`` and ``rank`` (ties share the lower rank).
    """
    _check_by(by)
    _check_n(n)
    reject = _ngram_filter(drop_stopwords, exclude)
    counts: dict[Hashable, Counter] = {}
    doc_freqs: dict[Hashable, Counter] = {}
    n_words: dict[Hashable, int] = {}
    for doc in as_documents(corpus):
        group = _group_of(doc, by)
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
    return _frequency_table(
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
) -> pd.DataFrame:
    """Collocations: n-grams scored by NLTK's log-likelihood ratio and PMI.

    Built with :class:`nltk.collocations.BigramCollocationFinder` (``n=2``) or
    :class:`~nltk.collocations.TrigramCollocationFinder` (``n=3``) ``.from_documents``
    over one token list per sentence, so no n-gram crosses a sentence or document
    boundary. Word frequencies (the marginals of the scores) count every token,
    stopwords included.

    Parameters
    ----------
    corpus : anything :func:`analysis.corpus.as_documents` accepts.
    n : 2 or 3.
    measure : the score that orders the rows and gives the rank: ``"likelihood_ratio"``
        (default; robust for rare events) or ``"pmi"`` (favours rare, exclusive pairs; use
        it with a ``min_freq`` of 3 or more).
    min_freq : leave out n-grams seen fewer times than this (NLTK ``apply_freq_filter``).
    stem, fold_reduplication : as in :func:`term_counts`.
    drop_stopwords : leave out n-grams that begin or end with a stopword (default); n-grams
        made only of stopwords are always left out.
    exclude : leave out n-grams that contain any of these terms.

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
                doc["body"] or "", stem=stem, drop_stopwords=False,
                fold_reduplication=fold_reduplication,
            )

    finder = finder_cls.from_documents(sentences())
    finder.apply_freq_filter(min_freq)
    reject = _ngram_filter(drop_stopwords, exclude)
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
) -> list[tuple[Any, int, str, str, str]]:
    """KWIC rows of one document."""
    body = doc["body"] or ""
    if not matcher.could_match(normalize(body).lower()):
        return []
    n = len(matcher.parts)
    rows = []
    for no, text, spans, lowers, stems in _doc_sentences(body, needs_stems=matcher.needs_stems):
        for i in matcher.find(lowers, stems):
            j = i + n - 1
            start, end = spans[i][0], spans[j][1]
            lo = spans[i - window][0] if i - window >= 0 else 0
            hi = spans[j + window][1] if j + window < len(spans) else len(text)
            rows.append(
                (doc["doc_id"], no, text[lo:start].strip(), text[start:end],
                 text[end:hi].strip())
            )
    return rows


def _concat(parts: list[list]) -> list:
    return [row for part in parts for row in part]


def kwic(
    corpus: Any,
    pattern: str,
    *,
    window: int = 5,
    stem: bool = False,
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``pattern``, one row per hit.

    Parameters
    ----------
    corpus : anything :func:`analysis.corpus.as_documents` accepts.
    pattern : what to look for, case-insensitive, compared with whole word tokens:

        - a word: ``"kinerja"`` matches the token *kinerja* (not *kinerjanya*);
        - a multiword expression: ``"penyerapan anggaran"`` matches consecutive tokens
          **inside one sentence** (a sentence break between the words is not a match);
        - a glob: ``*`` any characters, ``?`` one character, ``[..]`` a set, matched
          against the lower-case token: ``"koordinasi*"``, ``"*disiplin*"``; globs may
          be mixed with words (``"kerja sama*"``);
        - a stem, with ``stem=True``: each word of the pattern is reduced with
          :func:`analysis.tokens.stem_word` and compared with the stems of the tokens, so
          ``"disiplin"`` (or ``"kedisiplinan"``) matches *disiplin*, *kedisiplinan*,
          *mendisiplinkan*; a token equal to the pattern word always matches too.
    window : number of word tokens of context on each side (punctuation between them is
        kept); the context stops at the sentence's ends.
    stem : match by stem (see above).
    jobs, engine, progress : as in :func:`term_counts`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``hit`` (0, 1, 2 ... in corpus order), columns:

        ``doc_id``
            The document.
        ``sentence_no``
            The sentence, numbered from 1 in the document
            (:func:`analysis.tokens.split_sentences` of the body).
        ``left``
            Up to ``window`` words before the hit, as written.
        ``keyword``
            The matched text as written in the article (case kept; typographic quotes and
            dashes normalised as in :func:`analysis.tokens.normalize`).
        ``right``
            Up to ``window`` words after the hit, as written (with the sentence's final
            punctuation when the sentence ends within the window).

    Examples
    --------
    >>> kwic(load_corpus(), "penyerapan anggaran", window=3)            # doctest: +SKIP
    """
    if isinstance(window, bool) or not isinstance(window, int) or window < 0:
        raise ValueError(f"window must be a whole number >= 0, got {window!r}")
    from functools import partial

    from .parallel import map_documents

    matcher = _Matcher(pattern, stem=stem)
    rows: list[tuple[Any, int, str, str, str]] = []
    for part in map_documents(
        partial(_kwic_doc, matcher=matcher, window=window), corpus, combine=_concat,
        jobs=jobs, engine=engine, progress=progress, desc=f"kwic {pattern}",
    ):
        rows.extend(part)
    frame = pd.DataFrame(
        rows, columns=["doc_id", "sentence_no", "left", "keyword", "right"]
    ).astype({"doc_id": object, "sentence_no": "int64", "left": object,
              "keyword": object, "right": object})
    frame.index.name = "hit"
    return frame


# ---------------------------------------------------------------------------- dispersion


def dispersion(corpus: Any, terms: str | Iterable[str], *, stem: bool = True) -> pd.DataFrame:
    """Token positions of chosen terms in each document, for a dispersion ("x-ray") plot.

    Parameters
    ----------
    corpus : anything :func:`analysis.corpus.as_documents` accepts.
    terms : one term or several; each may be a word, a multiword expression or a glob,
        matched as in :func:`kwic`.
    stem : match by stem (default ``True``: ``kinerja`` also finds *kinerjanya*,
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
    """
    if isinstance(terms, str):
        terms = [terms]
    terms = list(dict.fromkeys(terms))
    if not terms:
        raise ValueError("give at least one term")
    matchers = [_Matcher(t, stem=stem) for t in terms]
    rows: list[tuple[Any, str, int, float, int]] = []
    for doc in as_documents(corpus):
        body = doc["body"] or ""
        lowered = normalize(body).lower()
        active = [(t, m) for t, m in zip(terms, matchers) if m.could_match(lowered)]
        if not active:
            continue
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
        for k, idx, no in found:
            rows.append((doc["doc_id"], active[k][0], idx, idx / last, no))
    frame = pd.DataFrame(
        rows, columns=["doc_id", "term", "token_index", "relative_position", "sentence_no"]
    ).astype({"doc_id": object, "term": object, "token_index": "int64",
              "relative_position": "float64", "sentence_no": "int64"})
    frame.index.name = "hit"
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
) -> pd.DataFrame:
    """Document-distinctive terms: the highest TF-IDF terms of each document (or group).

    Each group (each document with the default ``by="doc_id"``; with ``by="leader"`` the
    articles of one leader taken together) is one "document" of the TF-IDF model.

    Parameters
    ----------
    corpus : anything :func:`analysis.corpus.as_documents` accepts.
    by : ``"doc_id"`` (default) or any metadata column.
    top : number of terms kept per group (``None``: all).
    stem, drop_stopwords, fold_reduplication, exclude : as in :func:`term_counts`.

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
        corpus, by=by, stem=stem, drop_stopwords=drop_stopwords,
        fold_reduplication=fold_reduplication, exclude=exclude,
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
    ).astype({by: object, "term": object, "count": "int64", "doc_freq": "int64",
              "tf": "float64", "idf": "float64", "tfidf": "float64"})
    frame["rank"] = (
        frame.groupby(by, sort=False)["tfidf"].rank(method="min", ascending=False).astype("int64")
    )
    return frame.set_index([by, "term"])


# ---------------------------------------------------------------------------- group comparisons


def keyness_by_group(
    corpus: Any,
    *,
    by: str = "leader",
    groups: Iterable[Hashable] | None = None,
    stem: bool = False,
    drop_stopwords: bool = True,
    fold_reduplication: bool = False,
    exclude: Iterable[str] = (),
    min_count: float = 1,
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Keyness of every group against the rest of the corpus, in one table.

    Counts terms per group with :func:`term_counts` and compares each group with all the
    other groups combined (:func:`analysis.keyness.keyness_vs_rest`).

    Parameters
    ----------
    corpus : anything :func:`analysis.corpus.as_documents` accepts.
    by : ``"leader"`` (default), ``"doc_id"`` or any metadata column.
    groups : the groups to compare with the rest (default: every group, sorted).
    stem, drop_stopwords, fold_reduplication, exclude : as in :func:`term_counts` (the
        corpus sizes of the test are the numbers of tokens counted, after dropping).
    min_count : passed to :func:`analysis.keyness.keyness`.
    jobs, engine, progress : as in :func:`term_counts`.

    Returns
    -------
    pandas.DataFrame
        Indexed by (``<by>``, ``term``); within a group, rows sorted by ``g2`` descending
        (terms over-used by the group first). Columns of
        :func:`analysis.keyness.keyness`: ``count_target`` (count in the group),
        ``count_reference`` (count in the rest), ``g2`` (signed log-likelihood: positive
        when relatively more frequent in the group), ``p_value``, ``log_ratio``, ``chi2``.

    Raises
    ------
    ValueError
        If a requested group does not exist (the message lists the groups), or if there is
        only one group.
    """
    from .keyness import keyness_vs_rest

    counts = term_counts(
        corpus, by=by, stem=stem, drop_stopwords=drop_stopwords,
        fold_reduplication=fold_reduplication, exclude=exclude,
        jobs=jobs, engine=engine, progress=progress,
    )
    chosen = list(counts) if groups is None else list(groups)
    missing = [g for g in chosen if g not in counts]
    if missing:
        raise ValueError(
            f"no {by} {', '.join(map(repr, missing))} in the corpus; "
            f"available: {', '.join(map(str, counts))}"
        )
    if len(counts) < 2:
        raise ValueError(
            f"keyness needs at least two groups of {by!r} to compare, found {len(counts)}"
        )
    parts = []
    for group in chosen:
        table = keyness_vs_rest(counts, group, min_count=min_count)
        table.index = pd.MultiIndex.from_arrays(
            [pd.Index([group] * len(table), dtype=object), pd.Index(table.index, dtype=object)],
            names=[by, "term"],
        )
        parts.append(table)
    return pd.concat(parts)


def comparison_terms(
    counts_by_group: Mapping[Hashable, Mapping[str, float]], *, max_words: int | None = 100
) -> pd.DataFrame:
    """Terms of a comparison word cloud, each assigned to the group that uses it most.

    As in quanteda's ``textplot_wordcloud(comparison = TRUE)`` and R's
    ``wordcloud::comparison.cloud``: the share of a term in each group is its count
    divided by the group's total; a term goes to the group where its share exceeds the
    mean share over all groups by the most, and that excess sets its size.

    Parameters
    ----------
    counts_by_group : ``{group: {term: count}}``, e.g. :func:`term_counts`.
    max_words : keep the terms with the largest excess (``None``: all).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``term``, sorted by ``excess`` descending, then ``term``. Columns:
        ``group`` (where the term is over-represented most), ``share`` (its proportion of
        that group's tokens), ``mean_share`` (its proportion averaged over all groups,
        each group weighted equally) and ``excess`` (``share - mean_share``, > 0). Terms
        whose share is the same in every group are left out.
    """
    groups = list(counts_by_group)
    if len(groups) < 2:
        raise ValueError("a comparison needs at least two groups")
    totals = {g: float(sum(counts_by_group[g].values())) for g in groups}
    empty = [g for g, t in totals.items() if t <= 0]
    if empty:
        raise ValueError(f"group(s) without tokens: {', '.join(map(str, empty))}")
    vocab = sorted({t for g in groups for t in counts_by_group[g]})
    rows = []
    for term in vocab:
        shares = [counts_by_group[g].get(term, 0) / totals[g] for g in groups]
        mean = sum(shares) / len(shares)
        best = max(range(len(groups)), key=lambda i: (shares[i], -i))
        excess = shares[best] - mean
        if excess > 1e-15:
            rows.append((term, groups[best], shares[best], mean, excess))
    frame = pd.DataFrame(rows, columns=["term", "group", "share", "mean_share", "excess"])
    frame = frame.astype({"term": object, "group": object})
    frame = frame.sort_values(["excess", "term"], ascending=[False, True], kind="mergesort")
    if max_words is not None:
        frame = frame.head(max_words)
    return frame.set_index("term")


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
    corpus : anything :func:`analysis.corpus.as_documents` accepts.
    columns : metadata columns to read (default ``leader``, ``region``, ``province``);
        columns a document lacks are skipped.

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
        for column in columns:
            value = doc.get(column)
            if isinstance(value, str):
                words.update(tokenize(value))
    return frozenset(words - stopwords())


# ---------------------------------------------------------------------------- corpus summary


def corpus_summary(
    corpus: Any,
    *,
    by: str | None = "doc_id",
    stem: bool = False,
    fold_reduplication: bool = False,
) -> pd.DataFrame:
    """Size of each document (or group): paragraphs, sentences, tokens and types.

    Counts use the project's tokens (:func:`analysis.tokens.tokenize_sentences` of the
    cleaned body, lower case; numbers without a letter are not tokens), first with every
    token, then without :func:`analysis.tokens.stopwords`, so the table shows how much of
    each article the stopword list removes before the frequency lists are made.

    Parameters
    ----------
    corpus : anything :func:`analysis.corpus.as_documents` accepts.
    by : ``"doc_id"`` (default: one row per document), any metadata column, or ``None``
        for one row, ``"corpus"``, for the whole corpus.
    stem, fold_reduplication : count types as stems / with reduplication folded (as in
        :func:`term_counts`); token counts do not change.

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
    _check_by(by)
    stops = stopwords()
    sizes: dict[Hashable, list[int]] = {}
    vocab: dict[Hashable, set[str]] = {}
    content_vocab: dict[Hashable, set[str]] = {}
    for doc in as_documents(corpus):
        group = _group_of(doc, by)
        body = doc["body"] or ""
        sents = _sentence_tokens(
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
    groups = _sorted_groups(sizes)
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
    frame["stopword_share"] = [
        1.0 - c / t if t else float("nan") for c, t in zip(content, tokens)
    ]
    return frame


# ---------------------------------------------------------------------------- Fightin' Words


def log_odds_by_group(
    corpus: Any,
    *,
    by: str = "leader",
    groups: Iterable[Hashable] | None = None,
    prior: str | float | Mapping[str, float] = "pooled",
    stem: bool = False,
    drop_stopwords: bool = True,
    fold_reduplication: bool = False,
    exclude: Iterable[str] = (),
) -> pd.DataFrame:
    """Fightin' Words: every group against the rest, by log-odds with a Dirichlet prior.

    Counts terms per group with :func:`term_counts` and compares each group with all the
    other groups combined using :func:`analysis.keyness.log_odds_dirichlet` (Monroe,
    Colaresi & Quinn 2008). The prior shrinks the log-odds of rare terms towards the
    corpus as a whole, so a term used once by one leader and never by the others does not
    come out as "distinctive" merely because it is rare: the z-score weighs the size of
    the difference against the evidence for it.

    Parameters
    ----------
    corpus : anything :func:`analysis.corpus.as_documents` accepts.
    by : ``"leader"`` (default), ``"doc_id"`` or any metadata column.
    groups : the groups to compare with the rest (default: every group, sorted).
    prior : the Dirichlet pseudo-counts ``alpha_w``. ``"pooled"`` (default): each term's
        count in the whole corpus (all groups together), Monroe et al.'s informative
        prior with the corpus itself as background; a number: the same pseudo-count for
        every term (an uninformative prior, e.g. ``0.01``); a mapping ``term -> count``:
        counts of a background corpus of your own (it must give every term a positive
        count).
    stem, drop_stopwords, fold_reduplication, exclude : as in :func:`term_counts`.

    Returns
    -------
    pandas.DataFrame
        Indexed by (``<by>``, ``term``); within a group, rows sorted by ``z`` descending
        (terms leaning towards the group first), ties by term. Columns of
        :func:`analysis.keyness.log_odds_dirichlet`: ``count_i`` (count in the group),
        ``count_j`` (count in the rest), ``delta`` (log-odds ratio, group minus rest,
        natural log) and ``z`` (``delta`` over its standard error; ``|z| > 1.96`` is the
        customary threshold, before any correction for testing many terms).

    Raises
    ------
    ValueError
        If a requested group does not exist, if there is only one group, or if ``prior``
        is not ``"pooled"``, a positive number or a mapping.
    """
    from .keyness import log_odds_dirichlet

    counts = term_counts(
        corpus, by=by, stem=stem, drop_stopwords=drop_stopwords,
        fold_reduplication=fold_reduplication, exclude=exclude,
    )
    chosen = list(counts) if groups is None else list(groups)
    missing = [g for g in chosen if g not in counts]
    if missing:
        raise ValueError(
            f"no {by} {', '.join(map(repr, missing))} in the corpus; "
            f"available: {', '.join(map(str, counts))}"
        )
    if len(counts) < 2:
        raise ValueError(
            f"Fightin' Words needs at least two groups of {by!r} to compare, "
            f"found {len(counts)}"
        )
    pooled: Counter = Counter()
    for counter in counts.values():
        pooled.update(counter)
    if isinstance(prior, str):
        if prior != "pooled":
            raise ValueError(
                f"prior must be 'pooled', a positive number or a mapping, not {prior!r}"
            )
        alpha: Mapping[str, float] = pooled
    elif isinstance(prior, (int, float)) and not isinstance(prior, bool):
        if not prior > 0 or math.isinf(prior):
            raise ValueError(f"a constant prior must be a positive number, got {prior!r}")
        alpha = {t: float(prior) for t in pooled}
    elif isinstance(prior, Mapping):
        alpha = prior
    else:
        raise ValueError(
            f"prior must be 'pooled', a positive number or a mapping, not {type(prior).__name__}"
        )
    parts = []
    for group in chosen:
        table = log_odds_dirichlet(counts[group], pooled - counts[group], alpha)
        table.index = pd.MultiIndex.from_arrays(
            [pd.Index([group] * len(table), dtype=object), pd.Index(table.index, dtype=object)],
            names=[by, "term"],
        )
        parts.append(table)
    return pd.concat(parts)


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
    corpus : anything :func:`analysis.corpus.as_documents` accepts; a DataFrame is read
        from its columns at once, anything else is read document by document (a folder is
        then read, and cleaned, once: load it with :func:`analysis.load_corpus` first to
        avoid reading it twice).
    candidates : metadata columns to try, in order of preference.
    min_groups : the fewest distinct values (empty and missing values not counted) that
        make a column worth comparing by.

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
