"""Voice: the leader's words versus the journalist's.

Regional news reports a leader's words in three ways, and a framing analysis has to
tell them apart (a frame in the leader's mouth is not a frame in the reporter's):

- **direct** speech: the words inside quotation marks, ``“Saya tuntut produk,” tegas
  Herman Deru.``;
- **indirect** (reported) speech: ``Budiman menyampaikan bahwa ...``, ``Sekda mengimbau
  agar ...``, ``Menurutnya, ...``, ``Dengan begitu, kata dia, ...``;
- **narration**: the journalist's own sentences.

:func:`extract_quotes` finds the direct quotes of one cleaned body and who said them;
:func:`sentence_voices` gives every sentence its voice (:func:`document_voices` for a
document dict); :func:`quote_table` (also ``quotes``) and :func:`sentence_table` do the
same over a whole corpus, streaming one document at a time. The comparison with hand
coding, ``evaluate_quotes`` and ``evaluate_voices``, lives in
:mod:`analysis.validation` (both names still resolve here).

The analysis of one body is a pipeline of small steps over plain data, one module each
(lowest first):

- :mod:`~analysis.quotes.patterns`: word lists and patterns of attribution;
- :mod:`~analysis.quotes.body`: paragraphs and their sentences (the one sentence rule,
  :func:`analysis.tokens.sentence_bounds`), looked up by position;
- :mod:`~analysis.quotes.names`: reading and normalising a person's name;
- :mod:`~analysis.quotes.aliases`: nicknames and short forms, and the fullest name;
- :mod:`~analysis.quotes.marks`: quote marks, quote spans and their kind (speech,
  label, stray);
- :mod:`~analysis.quotes.mentions`: the persons mentioned outside quotes;
- :mod:`~analysis.quotes.attribution`: the speaker of each quote and of reported
  speech (verb, pronoun chain, metadata);
- :mod:`~analysis.quotes.voice`: the voice of each sentence, and the pipeline;
- :mod:`~analysis.quotes.tables`: the corpus tables.

Limits: the rules read Indonesian news prose; they do not parse syntax. Quotes inside
quotes (single marks) are part of the outer quote; a quote never runs across
paragraphs. Unquoted first-person sentences (``Kita upayakan semua bisa berjalan ...``,
common in press releases) are the leader's words without marks: they are ``indirect``
(cue ``"unmarked first person"``), so that every ``direct`` sentence has a quote in
:func:`quote_table`. A request or hope in the passive (``Hal ini diharapkan dapat
...`` after ``Sekda mengimbau ...``) is the indirect speech of the last speaker, as is a
sentence whose subject is ``pihaknya`` (his office). An unresolved speaker is ``""``.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from .names import normalize_speaker
from .patterns import REPORTING_VERBS, SPEECH_VERBS
from .tables import QUOTE_COLUMNS, quote_table, quotes, sentence_table
from .voice import (
    VOICES,
    document_voices,
    extract_quotes,
    is_attribution_only,
    sentence_voices,
)

__all__ = [
    "QUOTE_COLUMNS",
    "REPORTING_VERBS",
    "SPEECH_VERBS",
    "VOICES",
    "document_voices",
    "is_attribution_only",
    "extract_quotes",
    "normalize_speaker",
    "quote_table",
    "quotes",
    "sentence_table",
    "sentence_voices",
]

# The public functions are documented (and pickled) as analysis.quotes.<name>.
for _f in (
    document_voices,
    extract_quotes,
    normalize_speaker,
    quote_table,
    sentence_table,
    sentence_voices,
):
    _f.__module__ = __name__
del _f

# Names whose home is now analysis.validation (which imports this package).
_MOVED = frozenset({"evaluate_quotes", "evaluate_voices"})


def __getattr__(name: str) -> Any:
    if name in _MOVED:
        # lazy: analysis.validation imports analysis.quotes, so importing it at the top
        # would be a cycle
        value = getattr(import_module("analysis.validation"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _MOVED)
