"""The realistic vocabulary of the synthetic corpus (issue 14): word types grow by Heaps'
law, most of them affixed forms the stemmer has never seen; seeded, deterministic."""

from __future__ import annotations

import math
import random
import re

import pytest

from analysis.synthetic import synthetic_articles
from analysis.synthetic_vocabulary import (
    HEAPS_BETA,
    HEAPS_K,
    RealisticVocabulary,
    affixed,
    heaps_types,
)
from analysis.tokens import TOKEN_PATTERN, is_root_word, stem_word

WORD = re.compile(TOKEN_PATTERN)


def _growth(articles, checkpoints):
    """Word types (lower case) in the first n word tokens of the articles' texts."""
    seen: set[str] = set()
    n, out, left = 0, {}, list(checkpoints)
    for art in articles:
        for tok in WORD.findall(art["text"].lower()):
            n += 1
            seen.add(tok)
            if left and n == left[0]:
                out[left.pop(0)] = len(seen)
    return out


@pytest.fixture(scope="module")
def realistic():
    return list(synthetic_articles(600, seed=0, vocabulary="realistic"))


def test_vocabulary_growth_follows_heaps_law(realistic):
    checkpoints = [10_000, 30_000, 100_000, 200_000]
    growth = _growth(realistic, checkpoints)
    assert set(growth) == set(checkpoints)
    for n, v in growth.items():  # within 10% of K n^beta
        assert abs(v / heaps_types(n) - 1) < 0.10, (n, v, heaps_types(n))
    # the exponent fitted between the first and last checkpoints
    beta = math.log(growth[200_000] / growth[10_000]) / math.log(20)
    assert abs(beta - HEAPS_BETA) < 0.05
    assert 10 <= HEAPS_K <= 100 and 0.4 <= HEAPS_BETA <= 0.6
    # the seed vocabulary stays a few hundred types however many tokens
    seeds = _growth(synthetic_articles(600, seed=0), [200_000])
    assert seeds[200_000] < 0.1 * growth[200_000]


def test_realistic_articles_are_seeded_and_keep_the_articles_shape(realistic):
    again = list(synthetic_articles(40, seed=0, vocabulary="realistic"))
    assert again == realistic[:40]  # deterministic, and a prefix does not depend on n
    other = list(synthetic_articles(40, seed=1, vocabulary="realistic"))
    assert other != again
    plain = list(synthetic_articles(40, seed=0))
    for a, b in zip(again, plain):  # same metadata and lines; only words differ
        assert {k: v for k, v in a.items() if k != "text"} == {
            k: v for k, v in b.items() if k != "text"
        }
        assert a["text"].count("\n") == b["text"].count("\n")
    with pytest.raises(ValueError, match="vocabulary must be one of"):
        list(synthetic_articles(1, vocabulary="english"))


def test_affixes_follow_indonesian_morphology():
    assert affixed("pukul", "meN", "") == "memukul"
    assert affixed("sapu", "meN", "kan") == "menyapukan"
    assert affixed("tulis", "peN", "an") == "penulisan"
    assert affixed("kirim", "meN", "i") == "mengirimi"
    assert affixed("bangun", "di", "kan") == "dibangunkan"
    assert affixed("ambil", "meN", "") == "mengambil"
    assert affixed("lapor", "meN", "kan") == "melaporkan"
    assert affixed("rencana", "ber", "") == "berencana"
    assert affixed("sehat", "ke", "an") == "kesehatan"


def test_new_types_are_affixed_forms_many_unknown_to_the_stemmer(realistic):
    vocab = RealisticVocabulary(random.Random(3), ["bangun", "tulis", "sehat", "kirim"])
    text = " ".join(["kegiatan pembangunan daerah berjalan dengan baik"] * 400)
    vocab.rewrite(text)
    new = vocab.new_types
    assert len(new) == len(set(new)) > 100
    prefixes = ("me", "di", "ber", "be", "ter", "pe", "per", "ke")
    suffixes = ("kan", "an", "i", "nya")
    affixed_share = sum(w.startswith(prefixes) or w.endswith(suffixes) for w in new) / len(new)
    assert affixed_share > 0.8
    assert any(w.startswith("meny") or w.startswith("meng") for w in new)  # assimilated nasals
    assert any(w.endswith("nya") for w in new)
    # many are words the stemmer cannot reduce to a root of its dictionary
    unknown = [w for w in new if not is_root_word(stem_word(w))]
    assert len(unknown) > 0.5 * len(new)
    # and some are forms of real roots it can reduce
    real = [w for w in new if stem_word(w) in vocab.roots]
    assert real
