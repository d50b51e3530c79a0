"""Stems of Indonesian words: PySastrawi's stemmer, guarded for the genre, cached.

What a word is reduced to before it is counted or matched: :func:`stem_word` asks
PySastrawi's stemmer (its root-word dictionary ships with it; nothing is downloaded),
but first applies the genre's :data:`STEM_OVERRIDES` (words Sastrawi over-stems,
``kinerja`` -> ``kerja``), leaves alone :data:`PROTECTED_NAMES` and capitalised words
that look like bare names, and keeps every result per word type in memory and on disk
(:mod:`analysis.stem_cache`, keyed by :func:`stem_cache_key`). :data:`CLITICS` are the
endings the stems and the lexicon look through (``-nya``, ``-lah`` ...).
:func:`is_root_word` asks the same dictionary whether a word is a root.

>>> stem_word("bekerja"), stem_word("kinerja")
('kerja', 'kinerja')
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import stem_cache
from .fast_stemmer import fast_path_digest, fast_stemmer

__all__ = [
    "CLITICS",
    "PROTECTED_NAMES",
    "STEM_OVERRIDES",
    "is_root_word",
    "stem_cache_key",
    "stem_word",
]

#: Clitics that attach to the end of an Indonesian word: ``-nya`` (his, her, the),
#: the particles ``-lah``, ``-kah``, ``-pun`` and the possessives ``-ku``, ``-mu``.
CLITICS = ("nya", "lah", "kah", "pun", "ku", "mu")

#: Stems Sastrawi gets wrong for this genre (it over-stems): ``kinerja`` would become
#: ``kerja`` (so every ``bekerja`` would count as performance), ``pemerintah`` would
#: become ``perintah`` (command), ``anggaran`` ``anggar`` (fencing), ``penegakan``
#: ``tega`` (heartless), ``berdiskusi`` ``diskus``.
STEM_OVERRIDES: dict[str, str] = {
    "kinerja": "kinerja",
    "berkinerja": "kinerja",
    "pemerintah": "pemerintah",
    "pemerintahan": "pemerintahan",
    "anggaran": "anggaran",
    "penganggaran": "anggaran",
    "penegakan": "tegak",
    "menegakkan": "tegak",
    "ditegakkan": "tegak",
    "perangkat": "perangkat",
    "kecamatan": "kecamatan",
    "pejabat": "pejabat",
    "kebijakan": "kebijakan",
    "keuangan": "keuangan",
    "perusahaan": "perusahaan",
    "pegawai": "pegawai",
    "kesatuan": "kesatuan",
    "pendapatan": "pendapatan",
    "perekonomian": "ekonomi",
    "perhubungan": "perhubungan",
    "pertanian": "tani",
    "kepegawaian": "pegawai",
    "sekretariat": "sekretariat",
    "sekretaris": "sekretaris",
    "kesejahteraan": "sejahtera",
    "gerakan": "gerak",
    "memasuki": "masuk",
    "berdiskusi": "diskusi",
}

#: Proper names that are never stemmed (places of the genre that Sastrawi would cut
#: into words: ``Kediri`` -> ``diri``, ``Sekayu`` -> ``kayu``, ``Sedulang`` ->
#: ``dulang``). Capitalised words inside a sentence are treated as names anyway unless
#: they carry a clear derivational affix; this list covers the rest.
PROTECTED_NAMES = frozenset(
    """
    kediri sekayu sedulang setudung palembang pagaralam pangkalpinang pekanbaru
    pemalang pematangsiantar pesawaran pesisir pidie pekalongan pelalawan penajam
    semarang sleman serang sidoarjo sumedang sukabumi tegal tebo kendari kendal kepahiang
    ketapang kerinci kebumen merauke mempawah bengkulu bengkalis berau bekasi banyuasin
    lahat muaradua baturaja martapura prabumulih lubuklinggau musi empat lawang ogan ilir
    komering ulu
    """.split()
)

_DERIVED_NAME_RE = re.compile(
    r"^(?:(?:me|mem|men|meng|meny|ber|be|di|ter|memper|diper)\w{3,}"
    r"|(?:ke|pe|pem|pen|peng|peny|per|se)\w{3,}(?:an|annya|anlah))$"
)


@lru_cache(maxsize=1)
def _stemmer():
    return fast_stemmer()


_STEM_CACHE: dict[str, str] = {}


def stem_cache_key() -> str:
    """The disk stem cache's key: Sastrawi's version and a hash of the stem rules here
    (overrides, protected names, the name rule, clitics) and of the source of the faster
    path Sastrawi runs on (:mod:`analysis.fast_stemmer`); a change of any reads another
    file (:mod:`analysis.stem_cache`)."""
    rules = (STEM_OVERRIDES, PROTECTED_NAMES, _DERIVED_NAME_RE.pattern, CLITICS, fast_path_digest())
    return f"{stem_cache.sastrawi_version()}-{stem_cache.rules_hash(*rules)}"


def is_root_word(word: str) -> bool:
    """Is a lower-case ``word`` a root word of Sastrawi's Indonesian dictionary (the
    list its stemmer stems to: ``sehat``, ``bangkit``, ``gedung``; not ``askolani``)?"""
    dictionary = getattr(getattr(_stemmer(), "delegatedStemmer", None), "dictionary", None)
    return dictionary is not None and bool(dictionary.contains(word))


def _override(word: str) -> str | None:
    if word in STEM_OVERRIDES:
        return STEM_OVERRIDES[word]
    for c in CLITICS:
        if word.endswith(c) and word[: -len(c)] in STEM_OVERRIDES:
            return STEM_OVERRIDES[word[: -len(c)]]
    return None


def stem_word(word: str, *, name: bool = False) -> str:
    """Stem one lower-case word with Sastrawi, guarded against over-stemming.

    Parameters
    ----------
    word : str
        A lower-case word token.
    name : bool
        The token was written capitalised inside a sentence, so it may be a proper
        name; it is then stemmed only when it carries a clear derivational affix
        (``Perhubungan``, ``Kepemimpinannya``), never when it looks like a bare name
        (``Palembang``, ``Budiman``).

    Returns
    -------
    str
        The stem.

    Notes
    -----
    Tokens with a digit (``hk3``, ``covid-19``), :data:`PROTECTED_NAMES` and the
    :data:`STEM_OVERRIDES` are handled before Sastrawi is asked. Results are cached
    per word type (a new word costs Sastrawi alone 0.25–0.9 ms, and about a third of that
    on the package's faster path, :mod:`analysis.fast_stemmer`), so a large corpus pays
    once per vocabulary item, not per token; Sastrawi's stems are also kept on disk
    between runs (:mod:`analysis.stem_cache`), so a word type is paid once, ever.
    """
    key = word if not name else "\x00" + word
    hit = _STEM_CACHE.get(key)
    if hit is None and stem_cache.attach(_STEM_CACHE, stem_cache_key):
        hit = _STEM_CACHE.get(key)  # the first miss of this process reads the disk cache
    if hit is not None:
        return hit
    ov = _override(word)
    if ov is not None:
        out = ov
    elif any(ch.isdigit() for ch in word) or word in PROTECTED_NAMES:
        out = word
    elif name and not _DERIVED_NAME_RE.match(word):
        out = word
    else:
        out = _stemmer().stem(word) or word
        stem_cache.note(key, out)  # paid once: kept on disk
    _STEM_CACHE[key] = out
    return out
