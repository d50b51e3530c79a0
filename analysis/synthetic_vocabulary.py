"""A realistic vocabulary for the synthetic corpus: word types growing as in real news.

Resampled seed sentences repeat the seeds' few hundred word types however large the
corpus; a real news corpus keeps meeting new ones. :class:`RealisticVocabulary`
rewrites the words of the synthetic articles, in order, so that the number of word
types ``V`` in the first ``n`` word tokens follows Heaps' law,

    V(n) = K n^beta,  K = :data:`HEAPS_K` = 25,  beta = :data:`HEAPS_BETA` = 0.5.

Why these values: beta = 0.5 is the middle of the range reported for news text
(0.4 to 0.6; Heaps 1978, Baeza-Yates and Ribeiro-Neto's *Modern Information Retrieval*
on the TREC collections), and K = 25 (in the usual 10 to 100) gives a 20,000-article
synthetic corpus (about 7.6 million word tokens) about 69,000 word types, what the
realistic corpus of issue 14 had (64,000 in 58.9 MB). Below about 1,000 tokens the law
asks for more types than there are words to rewrite, so the first articles fall short
of it; from 10,000 tokens on the vocabulary follows it.

The new word types are what makes a real vocabulary expensive to stem: affixed forms
(prefixes ``meN-``, ``di-``, ``ber-``, ``ter-``, ``pe(N)-``, ``per-``, ``ke-``;
suffixes ``-kan``, ``-an``, ``-i``; the clitic ``-nya``), with the nasal of ``meN-`` and
``peN-`` assimilated as in Indonesian (``pukul`` -> ``memukul``, ``sapu`` ->
``menyapu``), built on root words of the seeds found in Sastrawi's dictionary
(``bangun`` -> ``dibangunkan``) or on invented roots of Indonesian syllables
(``tolang`` -> ``penolangan``), which the stemmer has never seen. Invented forms come
back later in the corpus (a few in a hundred rewritten words reuse one), as rare words
do. Only lower-case words of four letters or more are rewritten, so names, acronyms,
function words and the sentence structure stay.

Everything is drawn from one :class:`random.Random` seeded by the caller: the same seed
gives the same words.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

__all__ = ["HEAPS_BETA", "HEAPS_K", "RealisticVocabulary", "heaps_types"]

#: Heaps' law of the realistic vocabulary: ``HEAPS_K * n ** HEAPS_BETA`` types in ``n`` tokens.
HEAPS_K = 25.0
HEAPS_BETA = 0.5

#: (prefix, suffix) patterns of the new forms, with their weights.
AFFIXES: tuple[tuple[str, str, int], ...] = (
    ("meN", "", 6),
    ("meN", "kan", 5),
    ("meN", "i", 2),
    ("di", "", 4),
    ("di", "kan", 4),
    ("di", "i", 2),
    ("ber", "", 3),
    ("ber", "an", 1),
    ("ter", "", 2),
    ("peN", "", 2),
    ("peN", "an", 4),
    ("per", "an", 2),
    ("ke", "an", 3),
    ("", "an", 3),
    ("", "", 2),  # a bare (invented) root
)
_WEIGHTS = [w for _p, _s, w in AFFIXES]
_ONSETS = "bcdghjklmnprstwy"
_VOWELS = "aaaiiuueo"
_CODAS = ("", "", "", "n", "ng", "r", "k", "t", "l", "s", "h")
_WORD_RE = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
#: Of the rewritten words not making a new type, this share reuses an earlier new one.
REUSE = 0.04


def heaps_types(n: float, k: float = HEAPS_K, beta: float = HEAPS_BETA) -> float:
    """Heaps' law: the number of word types expected in ``n`` word tokens, ``k n^beta``."""
    return k * n**beta


def nasal(base: str, root: str) -> str:
    """``meN-`` (``base="me"``) or ``peN-`` (``"pe"``) on ``root``, the nasal assimilated:
    ``mem`` before b/f/v (p dropped), ``men`` before d/c/j/z (t dropped), ``meny`` for s,
    ``meng`` before vowels, g, h (k dropped), ``me`` before l, m, n, r, w, y."""
    c = root[0]
    if c in "aiueogh":
        return base + "ng" + root
    if c == "k":
        return base + "ng" + root[1:]
    if c in "bfv":
        return base + "m" + root
    if c == "p":
        return base + "m" + root[1:]
    if c in "dcjz":
        return base + "n" + root
    if c == "t":
        return base + "n" + root[1:]
    if c == "s":
        return base + "ny" + root[1:]
    return base + root


def affixed(root: str, prefix: str, suffix: str) -> str:
    """``root`` with ``prefix`` (``meN``, ``peN``, ``di``, ``ber``, ``ter``, ``per``, ``ke``
    or ``""``) and ``suffix`` (``kan``, ``an``, ``i`` or ``""``): ``bangun, di, kan`` ->
    ``dibangunkan``; ``ber`` and ``ter`` lose their r before a root starting with r."""
    if prefix in ("meN", "peN"):
        word = nasal(prefix[:2].lower(), root)
    elif prefix in ("ber", "ter", "per") and root.startswith("r"):
        word = prefix[:2] + root
    else:
        word = prefix + root
    return word + suffix


class RealisticVocabulary:
    """Rewrites the words of consecutive texts so that their vocabulary follows Heaps' law.

    Parameters
    ----------
    rng : random.Random
        The source of every choice (seeded by the caller).
    roots : sequence of str
        Real root words (lower case) to build affixed forms on, e.g. the seeds' words
        in Sastrawi's dictionary; invented roots are added to them.
    k : float
        Heaps' ``K``.
    beta : float
        Heaps' ``beta``.

    Attributes
    ----------
    tokens : int
        Word tokens rewritten so far (all words, rewritten or kept).
    types : set of str
        The lower-case word types met so far.
    new_types : list of str
        The types made up so far, in order.
    """

    def __init__(
        self,
        rng: random.Random,
        roots: Sequence[str],
        *,
        k: float = HEAPS_K,
        beta: float = HEAPS_BETA,
    ) -> None:
        self.rng = rng
        self.roots = list(roots)
        self.invented: list[str] = []
        self.k, self.beta = k, beta
        self.tokens = 0
        self.types: set[str] = set()
        self.new_types: list[str] = []

    def _root(self) -> str:
        rng = self.rng
        if self.roots and rng.random() < 0.35:
            return rng.choice(self.roots)
        if self.invented and rng.random() < 0.5:
            return rng.choice(self.invented)
        syllables = rng.choice((2, 2, 2, 3))
        root = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables))
        root += rng.choice(_CODAS)
        self.invented.append(root)
        return root

    def new_type(self) -> str:
        """A word type not met yet: an affixed form of a real or invented root, maybe
        with ``-nya``."""
        while True:
            prefix, suffix, _w = self.rng.choices(AFFIXES, weights=_WEIGHTS)[0]
            word = affixed(self._root(), prefix, suffix)
            if self.rng.random() < 0.15:
                word += "nya"
            if word not in self.types:
                return word

    def _word(self, match: re.Match) -> str:
        word = match.group()
        self.tokens += 1
        lower = word.lower()
        rewritable = word == lower and len(word) >= 4 and word.isalpha()
        if rewritable and len(self.types) < heaps_types(self.tokens, self.k, self.beta):
            word = self.new_type()
            self.new_types.append(word)
        elif rewritable and self.new_types and self.rng.random() < REUSE:
            # a rare word seen before: recent and early ones alike, earlier ones a bit more
            word = self.new_types[int(len(self.new_types) * self.rng.random() ** 1.5)]
        self.types.add(word.lower())
        return word

    def rewrite(self, text: str) -> str:
        """``text`` with its words rewritten (punctuation and spacing kept)."""
        return _WORD_RE.sub(self._word, text)
