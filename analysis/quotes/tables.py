"""Corpus tables: every direct quote, and every sentence with its voice.

Both stream the corpus one document at a time (through
:func:`analysis.parallel.map_documents`, so they run on worker processes or Dask for a
large corpus and give the same table on every engine).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from ..parallel import map_documents
from .voice import analyse_document, quote_records

if TYPE_CHECKING:  # pandas is imported only when a table is built
    import pandas as pd

__all__ = ["QUOTE_COLUMNS", "quote_table", "quotes", "sentence_table"]

#: Columns of :func:`quote_table` (``by`` adds one more).
QUOTE_COLUMNS = (
    "doc_id",
    "speaker",
    "speaker_source",
    "attribution",
    "text",
    "sentence",
    "sentence_no",
    "paragraph",
    "start",
    "end",
    "closed",
    "opening_mark",
)

# Columns of the sentence table before the metadata columns.
_SENTENCE_COLUMNS = ["doc_id", "sentence_no", "sentence", "voice", "speaker", "cue"]

# Fields of a document that are not metadata.
_NON_META = frozenset({"raw", "body", "removed"})


def _doc_quote_rows(doc: dict[str, Any], *, by: str | None) -> tuple[bool, list, list]:
    """(has the column ``by``, quote rows, quote ids) of one document."""
    body = doc.get("body")
    if not isinstance(body, str):
        return False, [], []
    analysis = analyse_document(doc)
    sentences = analysis.body.sentences
    doc_id = str(doc["doc_id"])
    rows: list[dict[str, Any]] = []
    ids: list[str] = []
    for k, q in enumerate(quote_records(analysis), start=1):
        nos = q["sentence_nos"] or [0]
        row = {
            "doc_id": doc_id,
            "speaker": q["speaker"],
            "speaker_source": q["speaker_source"],
            "attribution": q["attribution"],
            "text": q["text"],
            "sentence": " ".join(sentences[n - 1].text for n in nos if n > 0),
            "sentence_no": nos[0],
            "paragraph": q["paragraph"],
            "start": q["start"],
            "end": q["end"],
            "closed": q["closed"],
            "opening_mark": q["opening_mark"],
        }
        if by is not None:
            row[by] = doc.get(by)
        rows.append(row)
        ids.append(f"{doc_id}-{k}")
    return by is not None and by in doc, rows, ids


def quote_table(
    corpus: Any,
    *,
    by: str | None = None,
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Every direct quote of a corpus, one row per quote.

    Also available as ``quotes`` (its name before the package had a ``quotes``
    subpackage).

    Parameters
    ----------
    corpus : DataFrame, iterable of dict, or path
        Anything :func:`analysis.corpus.as_documents` accepts (the DataFrame of
        ``load_corpus()``, a stream of document dicts, or a folder path). Documents are
        read one at a time; the ``leader`` and ``role`` metadata are used when present,
        and ``region``, ``province`` and ``dateline_place`` as ``places``.
    by : str or None
        A metadata column (``leader``, ``role``, ``level`` ...) to add to each row.
    jobs : int or None
        Worker processes (see :func:`analysis.parallel.map_documents`); default
        ``None``: all cores, but serial below 200 documents; 1: serial.
    engine : {"processes", "serial", "dask"}
        How to run over the documents. Every engine gives the same table.
    progress : bool or None
        Show a progress bar (``None``: on a terminal, for runs over two seconds).

    Returns
    -------
    pandas.DataFrame
        Index ``quote_id`` (``"{doc_id}-{k}"``, k from 1 in text order). Columns:
        ``doc_id``; ``speaker``, ``speaker_source``, ``attribution``, ``text``,
        ``paragraph``, ``start``, ``end``, ``closed``, ``opening_mark`` as in
        :func:`analysis.quotes.extract_quotes`; ``sentence``: the full sentences the
        quote overlaps, joined by a space (so the attribution, ``...,” tegas Herman
        Deru.``, is shown with the words); ``sentence_no``: the number of the first of
        them; plus ``by``.

    Raises
    ------
    ValueError
        If ``by`` is given and no document has that column.
    """
    import pandas as pd

    rows: list[dict[str, Any]] = []
    ids: list[str] = []
    seen_by = False
    for has_by, doc_rows, doc_ids in map_documents(
        partial(_doc_quote_rows, by=by),
        corpus,
        jobs=jobs,
        engine=engine,
        progress=progress,
        desc="finding quotes",
    ):
        seen_by = seen_by or has_by
        rows.extend(doc_rows)
        ids.extend(doc_ids)
    if by is not None and not seen_by:
        raise ValueError(
            f"no document has the metadata column {by!r}; use a column of metadata.csv "
            "(e.g. leader, role, level, region)"
        )
    columns = list(QUOTE_COLUMNS) + ([by] if by is not None and by not in QUOTE_COLUMNS else [])
    frame = pd.DataFrame(rows, columns=columns, index=pd.Index(ids, name="quote_id"))
    return frame.astype(
        {
            "sentence_no": "int64",
            "paragraph": "int64",
            "start": "int64",
            "end": "int64",
            "closed": "bool",
        }
    )


#: The former name of :func:`quote_table`.
quotes = quote_table


def _doc_voices(doc: dict[str, Any]) -> tuple[str, list[str], list[tuple], list] | None:
    """(doc_id, metadata keys, metadata values, sentence voices) of one document."""
    body = doc.get("body")
    if not isinstance(body, str):
        return None
    voices = [
        (v["sentence_no"], v["sentence"], v["voice"], v["speaker"], v["cue"])
        for v in analyse_document(doc).voices
    ]
    keys = [k for k in doc if k not in _NON_META]
    return str(doc["doc_id"]), keys, [doc.get(k) for k in keys], voices


def sentence_table(
    corpus: Any,
    *,
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
) -> pd.DataFrame:
    """One row per sentence of every document, with its voice and speaker.

    Parameters
    ----------
    corpus : DataFrame, iterable of dict, or path
        Anything :func:`analysis.corpus.as_documents` accepts; read one document at a
        time.
    jobs : int or None
        As in :func:`quote_table`.
    engine : {"processes", "serial", "dask"}
        As in :func:`quote_table`.
    progress : bool or None
        As in :func:`quote_table`.

    Returns
    -------
    pandas.DataFrame
        Index: a plain ``RangeIndex`` named ``row``. Columns: ``doc_id``,
        ``sentence_no`` (from 1 per document, per
        :func:`analysis.tokens.split_sentences` of the cleaned body), ``sentence``,
        ``voice`` (``direct``/``indirect``/``narration``), ``speaker`` (``""`` for
        narration or when unresolved), ``cue`` (what decided the voice, see
        :func:`analysis.quotes.sentence_voices`), then every metadata column of the
        document (``leader``, ``role``, ``level``, ``date``, ``title``,
        ``dateline_place`` ...), except ``raw``, ``body`` and ``removed``, so frames can
        be grouped by them.
    """
    import pandas as pd

    columns: dict[str, list[Any]] = {c: [] for c in _SENTENCE_COLUMNS}
    meta_cols: list[str] = []
    n = 0
    for rec in map_documents(
        _doc_voices, corpus, jobs=jobs, engine=engine, progress=progress, desc="sentence voices"
    ):
        if rec is None:
            continue
        doc_id, keys, values, voices = rec
        doc_meta = dict(zip(keys, values))
        for key in keys:
            if key not in columns:
                meta_cols.append(key)
                columns[key] = [None] * n
        k = len(voices)
        columns["doc_id"].extend([doc_id] * k)
        for i, c in enumerate(_SENTENCE_COLUMNS[1:]):
            columns[c].extend(v[i] for v in voices)
        for key in meta_cols:
            columns[key].extend([doc_meta.get(key)] * k)
        n += k
    frame = pd.DataFrame(columns, columns=_SENTENCE_COLUMNS + meta_cols)
    frame["sentence_no"] = frame["sentence_no"].astype("int64")
    frame.index = pd.RangeIndex(len(frame), name="row")
    return frame
