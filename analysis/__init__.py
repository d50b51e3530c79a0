"""Computational framing analysis of Indonesian regional-government news.

The package is split into small modules named for what they hold (all of them, in
dependency order, with where each figure's numbers are computed: ``ARCHITECTURE.md``):

- :mod:`analysis.corpus`  reading articles and metadata (the only module that reads files,
  with :mod:`analysis.corpus_files`, which decodes one file)
- :mod:`analysis.boilerplate`, :mod:`analysis.clean`  what web boilerplate looks like and
  removing it, with an audit of every removed line
- :mod:`analysis.tokens`  Indonesian sentences, tokens and stopwords;
  :mod:`analysis.stemming` stems (Sastrawi, guarded for the genre, cached)
- :mod:`analysis.terms`   frequencies, n-grams, collocations, TF-IDF;
  :mod:`analysis.corpus_profile` corpus size, metadata names, the column to group by
- :mod:`analysis.collocates` window collocates of a node word (logDice, T, MI, G2)
- :mod:`analysis.kwic`    keyword in context (``kwic_table``) and dispersion
- :mod:`analysis.keyness` G2, Log Ratio, chi2 and Fightin' Words log-odds
  (``keyness_table``, ``keyness_by_group``); :mod:`analysis.log_odds` Fightin' Words
  itself (``log_odds_dirichlet``, ``log_odds_by_group``); :mod:`analysis.significance`
  corrections
- :mod:`analysis.lexicon`, :mod:`analysis.frame_coding`, :mod:`analysis.frames`  the frame
  lexicon, the coding of every sentence, frame scores with intervals and evidence
- :mod:`analysis.quotes`  direct quotes, speakers and the voice of every sentence
  (``quote_table``, ``sentence_table``)
- :mod:`analysis.genre`   is an article news of a regional government?
- :mod:`analysis.validation`, :mod:`analysis.coding_sheets`, :mod:`analysis.agreement`
  validation against hand coding: the seeds' and your own corpus's
- :mod:`analysis.suggest` lexicon suggestions from a corpus, with evidence
- :mod:`analysis.plots`   matplotlib figures and word clouds (``ax=None`` -> Axes)
- :mod:`analysis.figures` the figures command: every figure with its table; the
  builders that draw them are in :mod:`analysis.figure_builders`
- :mod:`analysis.parallel` running over large corpora (processes, Dask)
- :mod:`analysis.table_view`, :mod:`analysis.concordance`  interactive views in JupyterLab:
  ``show`` (paged tables) and ``kwic_browser`` (a concordance browser)

Every submodule is an attribute of the package, loaded on first use
(``analysis.terms.term_counts(...)`` after a plain ``import analysis``), so ``import
analysis`` imports no heavy library (pandas, matplotlib, Sastrawi). The most used
functions are available from the top:

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
    "CorpusSource": "analysis.corpus",
    "clean_article": "analysis.clean",
    "tokenize": "analysis.tokens",
    "split_sentences": "analysis.tokens",
    "term_frequencies": "analysis.terms",
    "term_counts": "analysis.terms",
    "ngrams": "analysis.terms",
    "collocations": "analysis.terms",
    # not "kwic" nor "keyness": those names are the submodules (analysis.kwic.kwic_table,
    # analysis.keyness.keyness_table; analysis.terms.kwic still works)
    "kwic_table": "analysis.kwic",
    "keyness_vs_rest": "analysis.keyness",
    "log_odds_dirichlet": "analysis.log_odds",
    "frame_scores": "analysis.frames",
    "frame_evidence": "analysis.frames",
    "load_lexicon": "analysis.frames",
    "model_frames": "analysis.frame_model",
    "load_frame_model": "analysis.frame_model",
    "fit_frame_model": "analysis.frame_model",
    "FrameModel": "analysis.frame_model",
    "extract_quotes": "analysis.quotes",
    "sentence_table": "analysis.quotes",
    "suggest_entries": "analysis.suggest",
    "is_on_genre": "analysis.genre",
    "sample_for_coding": "analysis.coding_sheets",
    "score_coding": "analysis.coding_sheets",
    "coder_agreement": "analysis.coding_sheets",
    # interactive views in JupyterLab
    "show": "analysis.table_view",
    "kwic_browser": "analysis.concordance",
}

#: Submodules, given as attributes on first use (``analysis.terms.term_counts(...)``
#: works after a plain ``import analysis``), so that ``import analysis`` stays light.
_SUBMODULES = frozenset(
    """agreement bench boilerplate bootstrap clean cli coding_sheets collocates comparisons
    concordance corpus corpus_files corpus_profile counting fast_stemmer figure_builders
    figures frame_coding frame_model frames genre html_pages kernel keyness kwic lexicon log_odds
    names parallel paths plots quotes report significance stemming suggest synthetic
    table_view terms tokens validation""".split()
)

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    # lazy by design: ``import analysis`` loads no submodule (no pandas, no matplotlib)
    if name in _SUBMODULES:
        value = import_module(f"analysis.{name}")
    else:
        module = _EXPORTS.get(name)
        if module is None:
            raise AttributeError(f"module 'analysis' has no attribute {name!r}")
        value = getattr(import_module(module), name)  # lazy, as the submodules
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS) | _SUBMODULES)
