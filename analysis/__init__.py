"""Computational framing analysis of Indonesian regional-government news.

The package is split into small modules named for what they hold:

- :mod:`analysis.corpus`  reading articles and metadata (the only module that reads files)
- :mod:`analysis.clean`   removing web boilerplate, with an audit of every removed line
- :mod:`analysis.tokens`  Indonesian sentences, tokens, stopwords and stems

Heavy libraries (pandas, matplotlib, Sastrawi) are imported only when used, so
``import analysis`` stays fast. The most used functions are available from the top:

>>> import analysis
>>> corpus = analysis.load_corpus()          # the five seed articles   # doctest: +SKIP
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

# name -> module that defines it; resolved lazily on first attribute access.
_EXPORTS = {
    "load_corpus": "analysis.corpus",
    "iter_documents": "analysis.corpus",
    "CorpusError": "analysis.corpus",
    "clean_article": "analysis.clean",
    "tokenize": "analysis.tokens",
    "split_sentences": "analysis.tokens",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
