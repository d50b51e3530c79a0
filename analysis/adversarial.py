"""Pages gone wrong: generated articles that test robustness, not content.

Scraped corpora hold files that are no article: a whole page or site dump on one line,
runs of quote marks, navigation repeated thousands of times. Every per-article step of
the package takes time linear in the length of its input, so one such file cannot stall
a run over many thousands of articles; these generators are the inputs that check it
(``tests/test_robustness.py``) and the worst-case row of ``python -m analysis bench``.

Each generator is a pure function of its size (and seed): the same arguments give the
same text.

>>> random_tokens(8, seed=1)
'“ - Bupati ujarnya Bupati H. H. H.\\n'
>>> len(open_quote_flood(100, 400))
1701
"""

from __future__ import annotations

import random
from collections.abc import Callable

__all__ = [
    "ADVERSARIAL",
    "TOKENS",
    "navigation_flood",
    "open_quote_flood",
    "random_tokens",
    "title_flood",
]

#: The words and marks of :func:`random_tokens`: quote marks, speech verbs, titles,
#: an honorific, frame words and punctuation, the raw material of quotes and speakers.
TOKENS = ("kata", "Bupati", "“", "”", "ujarnya", ".", ",", "H.", "Sekda", "-", "kinerja", "OPD")


def random_tokens(n: int, seed: int = 0) -> str:
    """One line of ``n`` tokens drawn at random from :data:`TOKENS` (an article of
    200,000 tokens is about 1 MB): thousands of quotes, speakers and sentences in one
    paragraph."""
    rng = random.Random(seed)
    return " ".join(rng.choice(TOKENS) for _ in range(n)) + "\n"


def open_quote_flood(n_marks: int = 5000, n_repeats: int = 20000) -> str:
    """``n_marks`` opening quote marks, then ``n_repeats`` times ``"a,`` and a space:
    every mark opens a quote in one endless sentence."""
    return "“" * n_marks + '"a, ' * n_repeats + "\n"


def title_flood(n: int = 20000) -> str:
    """``n`` times ``Bupati H.`` and then one sentence: a title and an honorific whose
    name never comes."""
    return "Bupati H. " * n + "Kinerja OPD harus meningkat, kata Bupati.\n"


def navigation_flood(n: int = 20000) -> str:
    """A menu of four items repeated ``n`` times, one per line, above a short article."""
    return "Beranda\nNasional\nDaerah\nOpini\n" * n + (
        "PALEMBANG - Bupati Budi mengatakan kinerja OPD harus meningkat.\n"
    )


#: The named worst cases of the bench, each a function of a size (tokens, repeats):
#: ``(generator, size of the bench's row)``.
ADVERSARIAL: dict[str, tuple[Callable[[int], str], int]] = {
    "random tokens": (random_tokens, 200_000),
    "opening quote marks": (lambda n: open_quote_flood(n // 4, n), 20_000),
    "title and honorific flood": (title_flood, 20_000),
    "navigation flood": (navigation_flood, 20_000),
}
