"""A reproducible synthetic corpus of realistic size, for benchmarks and memory tests.

:func:`synthetic_articles` resamples the cleaned sentences of a corpus (the seeds by
default) into articles of varied length and wraps them in the boilerplate a scraper
brings home: a headline, a dateline, "Baca Juga" links, photo captions, a reporter tag
and other articles' headlines trailing after the text. Metadata (leader, role, level,
region, province, outlet) is drawn from the source's metadata, dates from 2020-2025.
The same ``n`` and ``seed`` give the same articles, byte for byte.

With ``vocabulary="seeds"`` (default) the vocabulary is that of the source (a few
hundred word types for the seeds), so the synthetic corpus measures throughput per
token. A real corpus of the same size has a far larger vocabulary, and pays the stemmer
once more per new word type: ``vocabulary="realistic"`` rewrites the articles' words so
that word types grow with the corpus by Heaps' law, most of them affixed forms the
stemmer has never seen (:mod:`analysis.synthetic_vocabulary`).

>>> arts = list(synthetic_articles(2, seed=1))
>>> sorted(arts[0])[:4]
['date', 'doc_id', 'leader', 'level']
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from .corpus import iter_documents
from .synthetic_vocabulary import RealisticVocabulary
from .tokens import is_root_word, split_sentences

__all__ = ["VOCABULARIES", "synthetic_articles"]

#: The vocabularies of :func:`synthetic_articles`.
VOCABULARIES = ("seeds", "realistic")

_OUTLETS = ("PALTV.CO.ID", "BP", "Timuronline", "ANTARA", "Elanghitam.com", "SUMSELPOST.COM")
_PLACES = ("PALEMBANG", "Baturaja", "MUARADUA", "Malili", "Pangkalan Balai", "LAHAT", "Sekayu")
_REPORTERS = ("(Red/tim)", "(hms/ikp/kominfo)", "#yan", "(ril)", "(*)", "(Suharni)")
_CAPTIONS = (
    "Foto: Humas Pemkab",
    "--Foto : Dok. Diskominfo",
    "Keterangan foto: suasana rapat di ruang pertemuan.",
    "Foto/ist",
)
_META_KEYS = ("leader", "role", "level", "region", "province", "outlet")


@lru_cache(maxsize=4)
def _material(source: str | None) -> tuple[tuple[str, ...], tuple[str, ...], tuple[dict, ...]]:
    """(sentences, titles, metadata rows) of the source corpus, cleaned and split."""
    sentences: list[str] = []
    titles: list[str] = []
    metas: list[dict[str, str]] = []
    for doc in iter_documents(source):
        sentences.extend(s for s in split_sentences(doc["body"]) if len(s.split()) >= 3)
        if doc.get("title"):
            titles.append(doc["title"])
        metas.append({k: str(doc.get(k) or "") for k in _META_KEYS})
    if not sentences:
        raise ValueError(f"{source}: no sentences to resample")
    return tuple(sentences), tuple(titles or ["Rapat Kerja Pemerintah Daerah"]), tuple(metas)


@lru_cache(maxsize=4)
def _roots(source: str | None) -> tuple[str, ...]:
    """The source's lower-case words of 4 to 8 letters in Sastrawi's dictionary, sorted."""
    words = {w for s in _material(source)[0] for w in s.split()}
    return tuple(
        sorted(
            w for w in words if 4 <= len(w) <= 8 and w.isalpha() and w.islower() and is_root_word(w)
        )
    )


def _headline(rng: random.Random, sentences: tuple[str, ...]) -> str:
    words = rng.choice(sentences).rstrip(".!?\"'”").split()
    start = rng.randrange(max(1, len(words) - 6))
    return " ".join(words[start : start + rng.randint(4, 9)]).strip(',;:"“”')


def _article(
    rng: random.Random, n: int, material, vocabulary: RealisticVocabulary | None = None
) -> dict[str, Any]:
    sentences, titles, metas = material
    meta = dict(rng.choice(metas))
    n_sent = max(3, min(80, round(rng.lognormvariate(2.7, 0.5))))
    paragraphs: list[str] = []
    left = n_sent
    while left > 0:
        k = min(left, rng.randint(1, 4))
        paragraphs.append(" ".join(rng.choice(sentences) for _ in range(k)))
        left -= k
    if vocabulary is not None:  # its own random numbers: the articles' shape stays
        paragraphs = [vocabulary.rewrite(par) for par in paragraphs]
    title = rng.choice(titles) if rng.random() < 0.5 else _headline(rng, sentences).upper()
    outlet = rng.choice(_OUTLETS)
    lines = [title]
    if rng.random() < 0.3:
        lines.append(rng.choice(_CAPTIONS))
    lines.append(f"{rng.choice(_PLACES)}, {outlet} - {paragraphs[0]}")
    for i, par in enumerate(paragraphs[1:], start=1):
        if i == len(paragraphs) // 2 and rng.random() < 0.6:
            lines.append(f"Baca Juga: {_headline(rng, sentences)}")
        lines.append(par)
    lines[-1] = f"{lines[-1]} {rng.choice(_REPORTERS)}"
    for _ in range(rng.choice((0, 0, 2, 3))):
        lines.append(_headline(rng, sentences))
    year = rng.randint(2020, 2025)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return {"doc_id": f"syn{n:06d}", "text": "\n".join(lines) + "\n", **meta, "date": date}


def synthetic_articles(
    n: int, *, seed: int = 0, source: str | Path | None = None, vocabulary: str = "seeds"
) -> Iterator[dict[str, Any]]:
    """Yield ``n`` synthetic raw articles resampled from the sentences of ``source``.

    Parameters
    ----------
    n : int
        Number of articles.
    seed : int
        Random seed; the same ``n``, ``seed`` and source give the same articles (and
        the first ``k`` articles do not depend on ``n``).
    source : str, Path or None
        A corpus folder or table file (default: the seeds).
    vocabulary : str
        ``"seeds"`` (default): the source's words as they are. ``"realistic"``: the
        same articles (same sentences, lengths, boilerplate, metadata) with their
        paragraphs' words rewritten, in order, so that word types grow by Heaps' law
        (``25 n^0.5`` types in ``n`` word tokens: about 69,000 in 20,000 articles),
        most of them affixed forms of the source's roots or of invented roots
        (:class:`analysis.synthetic_vocabulary.RealisticVocabulary`, seeded by
        ``seed``).

    Yields
    ------
    dict
        ``doc_id`` (``syn000000``, ``syn000001`` ...), ``text`` (the raw article, lines
        separated by ``\\n``: headline, maybe a caption, dateline and first paragraph,
        paragraphs of one to four resampled sentences, maybe a "Baca Juga" link, a
        reporter tag, maybe two or three trailing headlines), ``leader``, ``role``,
        ``level``, ``region``, ``province``, ``outlet`` (metadata of one source article)
        and ``date`` (``YYYY-MM-DD``, 2020-2025). Written as JSON Lines, this is a corpus
        :func:`analysis.corpus.iter_documents` reads (text column ``text``).

    Notes
    -----
    Article length: a log-normal number of sentences (median 15, 3 to 80), so about
    2.5 KB of text per article on the seeds, as in regional news.
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"n must be a whole number >= 0, got {n!r}")
    if vocabulary not in VOCABULARIES:
        raise ValueError(f"vocabulary must be one of {', '.join(VOCABULARIES)}, not {vocabulary!r}")
    source_key = str(source) if source is not None else None
    material = _material(source_key)
    rng = random.Random(seed)
    words = None
    if vocabulary == "realistic":
        words = RealisticVocabulary(random.Random(f"vocabulary-{seed}"), _roots(source_key))
    for i in range(n):
        yield _article(rng, i, material, words)
