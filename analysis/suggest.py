"""Lexicon suggestions from a corpus: words a frame's sentences use that the lexicon lacks.

A lexicon written for one corpus misses words of another: a province's own idioms, an
agency's jargon, a new policy's name. :func:`suggest_entries` finds the candidates with
evidence. It splits the corpus's sentences into those with a hit of the frame and those
without, counts the words and two-word sequences of each side, and ranks by keyness
(log-likelihood G2 and Log Ratio, :func:`analysis.keyness.keyness_table`) the terms the
frame's sentences use more, leaving out current entries, stopwords and names. Each
suggestion comes with a few concordance lines from the frame's sentences, so a researcher
decides by reading, not by the statistic: a word key in discipline sentences may be the
name of the apel's venue.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

import pandas as pd

from .corpus_profile import metadata_terms
from .frames import FrameMatcher, frame_scores
from .genre import GOVERNMENT_WORDS
from .keyness import keyness_table
from .tokens import CLITICS, normalize, stem_word, stopword_set, word_spans

__all__ = ["SUGGESTION_COLUMNS", "suggest_entries"]

#: Columns of :func:`suggest_entries`, after the ``term`` index.
SUGGESTION_COLUMNS = (
    "words",
    "count_with",
    "count_without",
    "g2",
    "log_ratio",
    "p_value",
    "n_sentences",
    "evidence",
)


def suggest_entries(
    corpus: Any,
    frame: str,
    *,
    n: int = 30,
    lexicon: Any = None,
    min_count: int = 3,
    examples: int = 3,
    exclude: Iterable[str] = (),
    jobs: int | None = None,
    stopwords: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Words and bigrams key in the sentences with hits of ``frame``, not yet in the lexicon.

    Parameters
    ----------
    corpus : Any
        A corpus (anything :func:`analysis.corpus.as_documents` accepts) or a sentence
        table of :func:`analysis.quotes.sentence_table`.
    frame : str
        A frame of the lexicon (``"performance"``, ``"coordination"``, ``"discipline"``).
    n : int
        How many suggestions to return.
    lexicon : Any
        A :class:`~analysis.frames.FrameMatcher` or anything
        :func:`~analysis.frames.load_lexicon` accepts (default: the packaged lexicon).
    min_count : int
        The fewest times a term must occur in the frame's sentences.
    examples : int
        Concordance lines per suggestion (from the frame's sentences, in corpus order).
    exclude : iterable of str
        More lower-case words to leave out (names known to you); the words of the
        ``leader``, ``region`` and ``province`` metadata are always left out.
    jobs : int or None
        Worker processes for coding the corpus (see
        :func:`analysis.parallel.map_documents`).
    stopwords : iterable of str or None
        The stopwords left out (``None``: :data:`analysis.tokens.DEFAULT_STOPWORDS`; your
        collection replaces it, as in :func:`analysis.terms.term_counts`).

    Returns
    -------
    pandas.DataFrame
        Index ``term`` (a lower-case word or two words separated by a space), at most
        ``n`` rows, the strongest first (by ``g2``, ties by term). Columns:

        - ``words``: 1 or 2;
        - ``count_with``, ``count_without``: occurrences in sentences with at least one
          hit of ``frame`` and in the other sentences;
        - ``g2``, ``log_ratio``, ``p_value``: keyness of the term in the frame's
          sentences against the others (:func:`analysis.keyness.keyness_table`; only
          terms more frequent in the frame's sentences, ``g2 > 0``, are suggested);
        - ``n_sentences``: the frame's sentences that contain the term;
        - ``evidence``: up to ``examples`` concordance lines, ``" | "``-separated, each
          ``doc_id:sentence_no`` and the words around the term.

    Raises
    ------
    ValueError
        When ``frame`` is not a frame of the lexicon, or ``n`` or ``min_count`` is below 1.

    Notes
    -----
    Left out: stopwords (``stopwords``), the words of offices,
    governments and staff (:data:`analysis.genre.GOVERNMENT_WORDS`: who is addressed, not
    how), current entries (a word
    whose stem is the stem of a ``stem`` entry word, or whose form without a clitic is a
    ``form`` entry word; a bigram that is an entry), names (words written capitalised
    inside a sentence in most of their occurrences, and metadata names), and tokens
    without a letter. Tokens are the words as written, lower-cased, not stemmed, so
    ``penertiban`` and ``menertibkan`` are separate suggestions: read them together.
    """
    if n < 1 or min_count < 1:
        raise ValueError(f"n and min_count must be 1 or more, got n={n}, min_count={min_count}")
    matcher = lexicon if isinstance(lexicon, FrameMatcher) else FrameMatcher(lexicon)
    if frame not in matcher.frames:
        raise ValueError(
            f"unknown frame {frame!r}: the lexicon's frames are {', '.join(matcher.frames)}"
        )
    scores = frame_scores(corpus, by="sentence", lexicon=matcher, n_boot=0, jobs=jobs)
    rows = scores.loc[scores["frame"] == frame, ["doc_id", "sentence_no", "sentence", "hits"]]
    skip = _entry_words(matcher) | stopword_set(stopwords) | set(exclude) | _GOVERNMENT
    if not _is_sentence_table(corpus):
        skip |= metadata_terms(corpus)
    with_frame, without, capitals, places = Counter(), Counter(), Counter(), {}
    totals = Counter()
    for doc_id, no, sentence, hits in rows.itertuples(index=False, name=None):
        words = _sentence_words(sentence)
        side = with_frame if hits > 0 else without
        for i, (w, capital) in enumerate(words):
            totals[w] += 1
            capitals[w] += capital and i > 0
        terms = _terms(words, skip)
        side.update(terms)
        if hits > 0:
            for t in set(terms):
                places.setdefault(t, []).append((doc_id, no, sentence))
    names = {w for w, c in capitals.items() if c > totals[w] / 2}
    for counts in (with_frame, without):
        for term in [t for t in counts if any(w in names for w in t.split())]:
            del counts[term]
    return _ranked(with_frame, without, places, n=n, min_count=min_count, examples=examples)


# The words of offices, governments and staff: who is addressed, in every sentence of
# the genre, not how (analysis.genre).
_GOVERNMENT = frozenset(w for phrase in GOVERNMENT_WORDS for w in phrase.split())


def _is_sentence_table(obj: Any) -> bool:
    return isinstance(obj, pd.DataFrame) and "sentence" in obj.columns and "body" not in obj


def _entry_words(matcher: FrameMatcher) -> set[str]:
    """Lower-case words that are, or stem to, a word of a lexicon entry."""
    out: set[str] = set()
    for entry, match in matcher.lexicon[["entry", "match"]].itertuples(index=False, name=None):
        for w in entry.split():
            out.add(w)
            if match == "stem":
                out.add(stem_word(w))
    return out


def _sentence_words(sentence: str) -> list[tuple[str, bool]]:
    """(lower-case word, written capitalised) of each word token of a sentence."""
    return [
        (w.lower(), w[:1].isupper() and not w.isupper())
        for _s, _e, w in word_spans(normalize(sentence))
    ]


def _known(word: str, skip: set[str]) -> bool:
    """Is ``word`` a stopword, an entry word (by form, clitic removed, or by stem)?"""
    if word in skip:
        return True
    for c in CLITICS:
        if word.endswith(c) and word[: -len(c)] in skip:
            return True
    return stem_word(word) in skip


def _terms(words: list[tuple[str, bool]], skip: set[str]) -> list[str]:
    """The candidate words and bigrams of a sentence (neither part known)."""
    fresh = [not _known(w, skip) for w, _c in words]
    out = [w for (w, _c), ok in zip(words, fresh) if ok]
    out += [
        f"{a} {b}"
        for (a, _), (b, _), ok_a, ok_b in zip(words, words[1:], fresh, fresh[1:])
        if ok_a and ok_b
    ]
    return out


def _ranked(
    with_frame: Counter, without: Counter, places: dict, *, n: int, min_count: int, examples: int
) -> pd.DataFrame:
    """The suggestion table: keyness, filtered and ranked, with concordance lines."""
    columns = ["term", *SUGGESTION_COLUMNS]
    if not with_frame:
        return pd.DataFrame(columns=columns).set_index("term")
    table = keyness_table(with_frame, without)
    table = table[(table["g2"] > 0) & (table["count_target"] >= min_count)]
    table = table.sort_values(["g2", "log_ratio"], ascending=[False, False], kind="stable").head(n)
    out = pd.DataFrame(
        {
            "term": table.index,
            "words": [len(t.split()) for t in table.index],
            "count_with": table["count_target"].to_numpy(),
            "count_without": table["count_reference"].to_numpy(),
            "g2": table["g2"].to_numpy(),
            "log_ratio": table["log_ratio"].to_numpy(),
            "p_value": table["p_value"].to_numpy(),
            "n_sentences": [len(places[t]) for t in table.index],
            "evidence": [" | ".join(_lines(t, places[t][:examples])) for t in table.index],
        }
    )
    return out.set_index("term")


def _lines(term: str, found: list[tuple[Any, int, str]], width: int = 40) -> list[str]:
    """``doc_id:sentence_no`` and the words around ``term`` in each sentence."""
    out = []
    word = re.compile(r"(?<![^\W_])" + re.escape(term) + r"(?![^\W_])")
    for doc_id, no, sentence in found:
        low = normalize(sentence).lower()
        m = word.search(low)
        at = m.start() if m else 0
        left = low[max(0, at - width) : at].split(" ", 1)[-1] if at > width else low[:at]
        right = low[at + len(term) : at + len(term) + width].rsplit(" ", 1)[0]
        out.append(f"{doc_id}:{no} …{left}[{term}]{right}…")
    return out
