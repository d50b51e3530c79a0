"""Read a corpus of articles: a folder of ``.txt`` files (and saved ``.html`` pages),
optionally with ``metadata.csv``, or one JSON Lines / CSV / Parquet file.

This module and :mod:`analysis.corpus_files` (one file decoded: an article,
``metadata.csv``, the rows of a table file) are the only ones that read files (with
:mod:`analysis.partitions`, which lets Dask workers read shares of a corpus with this
module's checks). Raw files are never written. Every problem with the input is
reported as a :class:`CorpusError` that names the file and says what is wrong (empty,
not in the expected encoding and where, binary, duplicate id, missing file, malformed
or incomplete metadata, changed raw data); when several articles are bad, one error
lists them all. Old scrapes in cp1252 or Latin-1 are read with ``encoding=``. A
relative path is looked for from the current folder and then from where the user
started (:func:`analysis.paths.launch_dirs`), and an error names every absolute path
tried.

- :func:`iter_documents` streams one document (a dict) at a time, for corpora too big
  to hold at once.
- :func:`load_corpus` collects them into a pandas DataFrame indexed by ``doc_id``.

The readers of hand-coding files (``read_hand_coding``, ``read_hand_quotes``) live in
:mod:`analysis.validation`; the old names here still work.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .clean import RemovedLine, clean_article

# every name of corpus_files, whose home was this module, is still importable from here
from .corpus_files import (  # noqa: F401
    COMMON_ENCODINGS,
    REQUIRED_METADATA_COLUMNS,
    TABLE_SUFFIXES,
    CorpusError,
    _html_pages,
    _is_utf8,
    _table_rows,
    _text_codec,
    _where,
    check_encoding,
    decode_article,
    is_html_page,
    read_article,
    read_metadata,
)
from .paths import SEEDS_DIR, input_candidates, resolve_input

if TYPE_CHECKING:  # pandas is imported only when a DataFrame is built
    import pandas as pd

__all__ = [
    "CorpusError",
    "CorpusSource",
    "CorpusWarning",
    "default_corpus",
    "as_documents",
    "MAX_ARTICLE_CHARS",
    "METADATA_FILE",
    "iter_documents",
    "iter_records",
    "make_document",
    "load_corpus",
    "read_article",
    "read_metadata",
    "removal_table",
    "skipped_summary",
]

METADATA_FILE = "metadata.csv"

#: Articles longer than this many characters (about 2 MB of text; a long news article
#: has under 20,000) are processed whole, like any other, but with a
#: :class:`CorpusWarning` naming them: such a file is usually a page gone wrong (a
#: site dump, a feed saved as one article), and its words would weigh on every table.
#: Pass ``max_article_chars`` to the readers to change it (``None``: never warn).
MAX_ARTICLE_CHARS = 2_000_000


class CorpusWarning(UserWarning):
    """Something a researcher should know about the input, which does not stop loading."""


def default_corpus() -> Path:
    """The corpus read when none is given: the repository's ``seeds/``.

    Returns
    -------
    Path
        ``seeds/`` beside the package, in a source checkout (or an editable install).

    Raises
    ------
    CorpusError
        When there is no ``seeds/`` beside the package, as after a plain ``pip install``
        (the seeds live in the repository, not in the wheel): the message says to pass
        a corpus.
    """
    if not SEEDS_DIR.is_dir():
        raise CorpusError(
            f"no corpus given and no seeds/ folder beside the package ({SEEDS_DIR}): "
            "pass --corpus DIR (in Python, the path of your corpus)"
        )
    return SEEDS_DIR


#: File name endings of the articles in a corpus folder: plain text and saved pages.
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


def _not_found(path: Path, what: str) -> CorpusError:
    tried = input_candidates(path)
    where = f" (tried {', '.join(str(c) for c in tried)})" if tried != [path] else ""
    return CorpusError(f"{path}: {what} not found{where}")


def _plan(folder: Path, encoding: str = "utf-8") -> list[tuple[Path, dict[str, str]]]:
    """Which files to read, with their metadata, in a stable order."""
    if not folder.exists():
        raise _not_found(folder, "corpus folder")
    if not folder.is_dir():
        raise CorpusError(f"{folder}: not a folder of .txt articles")
    txt_files = sorted(
        p for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()
    )
    meta_path = folder / METADATA_FILE
    plan: list[tuple[Path, dict[str, str]]] = []
    if meta_path.exists():
        records = read_metadata(meta_path, encoding)
        listed = set()
        missing = [r for r in records if not (folder / r["file"]).is_file()]
        if len(missing) == 1:
            raise CorpusError(
                f"{meta_path}: doc_id {missing[0]['doc_id']!r} lists file "
                f"{missing[0]['file']!r}, which is missing from {folder.resolve()}"
            )
        if missing:
            listed_missing = ", ".join(f"{r['file']!r} (doc_id {r['doc_id']!r})" for r in missing)
            raise CorpusError(
                f"{meta_path}: {len(missing)} listed files are missing from "
                f"{folder.resolve()}: {listed_missing}"
            )
        for rec in records:
            p = folder / rec["file"]
            listed.add(p.name)
            plan.append((p, rec))
        ids = {rec["doc_id"] for rec in records}
        for p in txt_files:
            if p.name not in listed:
                warnings.warn(
                    f"{p}: no row in {meta_path.name}; loaded with doc_id {p.stem!r} "
                    "and empty metadata",
                    CorpusWarning,
                    stacklevel=3,
                )
                if p.stem in ids:
                    raise CorpusError(
                        f"{p}: duplicate doc_id {p.stem!r} (also given in {meta_path})"
                    )
                plan.append((p, {"doc_id": p.stem, "file": p.name}))
    else:
        plan = [(p, {"doc_id": p.stem, "file": p.name}) for p in txt_files]
        seen: dict[str, Path] = {}
        for p, rec in plan:
            if rec["doc_id"] in seen:
                raise CorpusError(
                    f"{p}: duplicate doc_id {rec['doc_id']!r} (also {seen[rec['doc_id']]})"
                )
            seen[rec["doc_id"]] = p
    if not plan:
        raise CorpusError(f"{folder.resolve()}: no .txt articles found")
    return plan


def _check_digest(path: Path, meta: dict[str, str], digest: str) -> None:
    expected = meta.get("sha256", "")
    if expected and expected.lower() != digest:
        raise CorpusError(
            f"{path}: raw data changed: sha256 is {digest}, metadata.csv says {expected}. "
            "Raw articles are immutable; restore the original file or update the metadata "
            "on purpose."
        )


def make_document(raw: str, meta: dict[str, Any]) -> dict[str, Any]:
    """Clean one raw article and return its document dict (metadata + text fields)."""
    art = clean_article(raw)
    doc: dict[str, Any] = dict(meta)
    doc.update(
        {
            "raw": raw,
            "title": art.title,
            "body": art.body,
            "dateline_place": art.dateline.place if art.dateline else "",
            "dateline_outlet": (art.dateline.outlet or "") if art.dateline else "",
            "removed": [
                {"line_no": r.line_no, "text": r.text, "reason": r.reason} for r in art.removed
            ],
        }
    )
    return doc


def _folder_records(folder: Path, encoding: str) -> Iterator[tuple[str, Any]]:
    """(name, document or CorpusError) for each article of a folder."""
    for file, meta in _plan(folder, encoding):
        try:
            raw, digest = read_article(file, encoding)
            _check_digest(file, meta, digest)
        except CorpusError as exc:
            yield str(file), exc
            continue
        yield str(file), (raw, meta)


def _table_records(
    path: Path, text_column: str, id_column: str, encoding: str = "utf-8", rows=None, first=1
) -> Iterator[tuple[str, Any]]:
    """(name, (raw, meta) or CorpusError) for each row of a JSON Lines / CSV / Parquet file
    (or of ``rows`` of it, the first being record number ``first``: a partition)."""
    try:
        rows = _table_rows(path, encoding) if rows is None else rows
        for n, row in enumerate(rows, start=first):
            if text_column not in row:
                raise CorpusError(
                    f"{path}: record {n} has no {text_column!r} field "
                    f"(fields: {', '.join(map(str, row)) or 'none'}); pass text_column="
                )
            doc_id = row.get(id_column)
            doc_id = str(doc_id) if doc_id not in (None, "") else f"{path.stem}-{n}"
            name = f"{path} record {n} (doc_id {doc_id!r})"
            raw = row[text_column]
            if not isinstance(raw, str) or not raw.strip():
                yield name, CorpusError(f"{name}: empty text")
                continue
            if "\x00" in raw:
                yield name, CorpusError(f"{name}: binary content (NUL character in the text)")
                continue
            meta = {k: ("" if v is None else v) for k, v in row.items() if k != text_column}
            meta["doc_id"] = doc_id
            raw = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
            yield name, (raw, meta)
    except FileNotFoundError:
        raise _not_found(path, "file") from None
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{path}: not valid {encoding} ({exc.reason} at byte {exc.start}); pass the "
            "file's encoding (encoding='cp1252', command line: --encoding cp1252)"
        ) from None


@dataclass(frozen=True)
class CorpusSource:
    """A corpus on disk with the options to read it: pass it wherever a path is accepted.

    Every analysis function reads a path with the default options (UTF-8, stop at a bad
    article). Wrap the path to read old scrapes or to leave bad files out, and pass the
    wrapper instead: ``term_frequencies(CorpusSource("scrapes/", encoding="cp1252",
    on_error="skip"))``. The command line builds one from ``--corpus``, ``--encoding``
    and ``--on-error``.

    Parameters
    ----------
    path : str or Path
        A folder of articles or a JSON Lines / CSV / Parquet file (as :func:`iter_documents`).
    on_error : str
        ``"raise"`` or ``"skip"``, as :func:`iter_documents`.
    encoding : str
        The articles' text encoding: ``"utf-8"`` (default), ``"cp1252"``, ``"latin-1"``.
    text_column, id_column : str
        For table files, as :func:`iter_documents`.
    max_article_chars : int or None
        As :func:`iter_documents`.
    """

    path: str | Path
    on_error: str = "raise"
    encoding: str = "utf-8"
    text_column: str = "text"
    id_column: str = "doc_id"
    max_article_chars: int | None = MAX_ARTICLE_CHARS

    def options(self) -> dict[str, Any]:
        """The keyword arguments of :func:`iter_records` this source stands for."""
        return {
            "on_error": self.on_error,
            "encoding": self.encoding,
            "text_column": self.text_column,
            "id_column": self.id_column,
            "max_article_chars": self.max_article_chars,
        }

    def __str__(self) -> str:
        return str(self.path)


#: How many bad articles one error or warning names before it says "and N more".
LISTED_ERRORS = 50


def _listing(errors: list[CorpusError]) -> str:
    lines = [f"  {e}" for e in errors[:LISTED_ERRORS]]
    if len(errors) > LISTED_ERRORS:
        lines.append(f"  and {len(errors) - LISTED_ERRORS} more")
    return "\n".join(lines)


def _all_errors(first: CorpusError, rest: Iterator[tuple[str, Any]], seen: set[str]) -> CorpusError:
    """The first bad article's error, or one error listing every bad article (reading on
    to the end, without cleaning, so that one run names them all)."""
    errors = [first]
    for name, item in rest:
        if isinstance(item, CorpusError):
            errors.append(item)
        elif str(item[1]["doc_id"]) in seen:
            errors.append(CorpusError(f"{name}: duplicate doc_id {str(item[1]['doc_id'])!r}"))
        else:
            seen.add(str(item[1]["doc_id"]))
    return bad_articles_error(errors)


def bad_articles_error(errors: list[CorpusError]) -> CorpusError:
    """The error ``on_error="raise"`` raises for these bad articles (the only one, or one
    listing them all)."""
    if len(errors) == 1:
        return errors[0]
    return CorpusError(
        f"{len(errors)} bad articles (fix them, or leave them out with on_error='skip'; "
        f"command line: --on-error skip):\n{_listing(errors)}"
    )


def iter_documents(
    path: str | Path | CorpusSource | None = None,
    *,
    on_error: str = "raise",
    text_column: str = "text",
    id_column: str = "doc_id",
    skipped: list[CorpusError] | None = None,
    max_article_chars: int | None = MAX_ARTICLE_CHARS,
    encoding: str = "utf-8",
) -> Iterator[dict[str, Any]]:
    """Stream the documents of a corpus, one dict at a time.

    Parameters
    ----------
    path : str, Path, CorpusSource or None
        A folder of ``.txt`` articles and saved ``.html`` pages (optionally with
        ``metadata.csv``), or one JSON Lines (``.jsonl``), CSV or Parquet file with one
        article per row; defaults to the repository's ``seeds/``. A relative path not
        found from the current folder is looked for from where the user started
        (:func:`analysis.paths.launch_dirs`). A :class:`CorpusSource` brings its own
        options (the keyword arguments below are then ignored).
    on_error : str
        ``"raise"`` (default) stops at a bad article with a :class:`CorpusError`: it
        names that article, or, when there are more, lists every bad article of the
        corpus (reading the rest without cleaning it), so that one run shows them all;
        ``"skip"`` leaves bad articles out, keeps going, and warns once at the end with a
        summary naming every skipped article.
    encoding : str
        The text encoding of the articles (and of a table file): ``"utf-8"`` (default),
        ``"cp1252"`` or ``"latin-1"`` for old scrapes, or any codec Python knows.
    text_column, id_column : str
        For table files, the fields holding the raw article text
        and its id (rows without an id get ``<file stem>-<row number>``); every other
        field becomes metadata.
    skipped : list of CorpusError or None
        A list to which every skipped article's error is appended (with
        ``on_error="skip"``), so a caller can report them: given a list, the reader
        does not warn (a notebook prints the list; see
        :func:`skipped_summary`); without one, it warns once at the end.
    max_article_chars : int or None
        An article longer than this (in characters; default
        :data:`MAX_ARTICLE_CHARS`, 2,000,000) is processed whole, never dropped or
        cut, and named in a :class:`CorpusWarning` as probably not one article;
        ``None`` never warns. Every step's time is linear in an article's length.

    Yields
    ------
    dict
        Every metadata column (without metadata, ``doc_id`` is the file stem and ``file``
        the file name), plus ``raw`` (the text as read), ``title``, ``body`` (cleaned, one
        paragraph per line), ``dateline_place``, ``dateline_outlet`` and ``removed`` (list
        of ``{"line_no", "text", "reason"}`` from the cleaner).

    Memory holds one article at a time (and the set of ids seen, to catch duplicates).
    Problems with the metadata itself (malformed, missing files) always raise.
    """
    for raw, meta in iter_records(
        path,
        on_error=on_error,
        text_column=text_column,
        id_column=id_column,
        skipped=skipped,
        max_article_chars=max_article_chars,
        encoding=encoding,
    ):
        yield make_document(raw, meta)


def iter_records(
    path: str | Path | CorpusSource | None = None,
    *,
    on_error: str = "raise",
    text_column: str = "text",
    id_column: str = "doc_id",
    skipped: list[CorpusError] | None = None,
    max_article_chars: int | None = MAX_ARTICLE_CHARS,
    encoding: str = "utf-8",
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Stream ``(raw text, metadata)`` of each article, before cleaning.

    The same files, checks, order, options and error handling as :func:`iter_documents`
    (which is ``make_document(raw, meta)`` of each record); used by
    :mod:`analysis.parallel` to let worker processes do the cleaning.
    """
    if isinstance(path, CorpusSource):  # the path with its own options
        yield from iter_records(path.path, skipped=skipped, **path.options())
        return
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    check_encoding(encoding)
    source = locate(path)
    if source.is_file():
        records = _table_records(source, text_column, id_column, encoding)
    else:
        records = _folder_records(source, encoding)
    errors: list[CorpusError] = []
    seen: set[str] = set()
    for name, item in records:
        if not isinstance(item, CorpusError):
            raw, meta = item
            doc_id = str(meta["doc_id"])
            if doc_id in seen:
                item = CorpusError(f"{name}: duplicate doc_id {doc_id!r}")
            else:
                seen.add(doc_id)
                if max_article_chars is not None and len(raw) > max_article_chars:
                    _warn_long(name, len(raw), max_article_chars)
                yield raw, meta
                continue
        if on_error == "raise":
            raise _all_errors(item, records, seen)
        errors.append(item)
        if skipped is not None:
            skipped.append(item)
    if errors and skipped is None:
        warnings.warn(skipped_summary(errors), CorpusWarning, stacklevel=3)


def skipped_summary(errors: list[CorpusError], noun: str = "article") -> str:
    """One line naming every skipped article (the first 50) and what was wrong with it,
    without the advice each error gives; ``noun`` names what was skipped ("file" for
    the files given to ``python -m analysis clean``)."""
    listed = "; ".join(str(e).split("; ", 1)[0] for e in errors[:LISTED_ERRORS])
    more = len(errors) - LISTED_ERRORS
    return f"skipped {len(errors)} bad {noun}(s): {listed}" + (
        f"; and {more} more" if more > 0 else ""
    )


def locate(path: str | Path | CorpusSource | None) -> Path:
    """The file or folder a corpus argument points to: the seeds for ``None`` (an error
    asking for a corpus when there are none, see :func:`default_corpus`); a relative
    path as given if it exists from the current folder, else the first place it exists
    under :func:`analysis.paths.launch_dirs` (else as given, for the error to name)."""
    if isinstance(path, CorpusSource):
        path = path.path
    if path is None:
        return default_corpus()
    given = Path(path).expanduser()
    if given.exists() or given.is_absolute():
        return given
    found = resolve_input(given)
    return found if found.exists() else given


def _warn_long(name: str, n: int, limit: int) -> None:
    warnings.warn(long_article_message(name, n, limit), CorpusWarning, stacklevel=4)


def long_article_message(name: str, n: int, limit: int) -> str:
    """The warning about an article of ``n`` characters, more than ``limit``."""
    return (
        f"{name}: {n:,} characters, more than max_article_chars={limit:,}; processed "
        "whole, but check that it is one article and not a page gone wrong (a site dump, "
        "a feed saved as one file)"
    )


def load_corpus(path: str | Path | None = None, **options: Any) -> pd.DataFrame:
    """Load a corpus folder into a DataFrame indexed by ``doc_id``.

    Parameters
    ----------
    path : str, Path or None
        A folder of ``.txt`` articles, optionally with ``metadata.csv`` (then every
        listed file must exist and match its ``sha256`` when one is given), or a JSON
        Lines / CSV / Parquet file with one article per row; defaults to the repository's
        ``seeds/``.
    **options : passed to :func:`iter_documents` (``on_error="skip"``, ``text_column``,
        ``id_column``, ``skipped``, ``max_article_chars``).

    Returns
    -------
    pandas.DataFrame
        One row per article, in the order of ``metadata.csv`` (then file name), with the
        columns of :func:`iter_documents`: metadata columns, ``raw``, ``title``, ``body``,
        ``dateline_place``, ``dateline_outlet``, ``removed``.

    Raises
    ------
    CorpusError
        Naming the file and the problem, for any bad input.

    Examples
    --------
    >>> corpus = load_corpus()
    >>> corpus.loc["004", "leader"]
    'Herman Deru'
    """
    import pandas as pd

    docs = list(iter_documents(path, **options))
    if not docs:
        raise CorpusError(f"{path}: no article could be loaded")
    frame = pd.DataFrame(docs)
    frame = frame.set_index("doc_id")
    frame.index.name = "doc_id"
    return frame


def as_documents(corpus: Any) -> Iterator[dict[str, Any]]:
    """Iterate over documents given as a corpus DataFrame, an iterable of dicts, or a path.

    Every analysis function accepts any of these, so the same call works on the seeds
    in memory (:func:`load_corpus`), on a stream (:func:`iter_documents`), or directly
    on a folder (a path, or a :class:`CorpusSource` with reading options). Each yielded
    dict has at least ``doc_id`` and ``body``; DataFrame rows are converted one at a
    time (the index becomes ``doc_id``).
    """
    if corpus is None or isinstance(corpus, (str, Path, CorpusSource)):
        yield from iter_documents(corpus)
        return
    if hasattr(corpus, "iterrows") and hasattr(corpus, "index"):
        index_name = corpus.index.name or "doc_id"
        columns = list(corpus.columns)
        for doc_id, *values in corpus.itertuples(index=True, name=None):
            doc = dict(zip(columns, values))
            doc[index_name] = doc_id
            doc.setdefault("doc_id", doc_id)
            yield doc
        return
    for doc in corpus:
        if not isinstance(doc, dict) or "doc_id" not in doc or "body" not in doc:
            raise CorpusError(
                "expected documents as dicts with 'doc_id' and 'body' "
                f"(as iter_documents yields), got {type(doc).__name__}"
            )
        yield doc


def removal_table(corpus: Any) -> pd.DataFrame:
    """The cleaning audit of a corpus: every removed line or fragment, with its reason.

    Parameters
    ----------
    corpus : anything :func:`as_documents` accepts (the DataFrame of
        :func:`load_corpus`, a stream of documents, a folder path). A
        document's ``removed`` list is used when present (as :func:`load_corpus` makes
        it); a document with ``raw`` text but no ``removed`` list is cleaned here.

    Returns
    -------
    pandas.DataFrame
        Index ``removal`` (0, 1, ...), one row per removed line or fragment, in corpus
        order and then raw-text order. Columns: ``doc_id``; ``line_no`` (1-based line
        of the raw text); ``reason`` (a key of :data:`analysis.clean.REASONS`, which says what it
        means); ``text`` (what was removed). A document from which nothing was
        removed has no row.

    Examples
    --------
    >>> from analysis import load_corpus                             # doctest: +SKIP
    >>> removal_table(load_corpus()).groupby("doc_id")["reason"].value_counts()  # doctest: +SKIP
    """
    import pandas as pd

    rows: list[tuple[Any, int, str, str]] = []
    for doc in as_documents(corpus):
        removed = doc.get("removed")
        if not isinstance(removed, (list, tuple)):
            raw = doc.get("raw")
            removed = clean_article(raw).removed if isinstance(raw, str) and raw.strip() else ()
        for item in removed:
            if isinstance(item, RemovedLine):
                item = {"line_no": item.line_no, "text": item.text, "reason": item.reason}
            rows.append(
                (doc["doc_id"], int(item["line_no"]), str(item["reason"]), str(item["text"]))
            )
    frame = pd.DataFrame(rows, columns=["doc_id", "line_no", "reason", "text"]).astype(
        {"doc_id": object, "line_no": "int64", "reason": object, "text": object}
    )
    frame.index.name = "removal"
    return frame


#: Names whose home is now :mod:`analysis.validation`, kept here as aliases.
_VALIDATION_NAMES = frozenset(
    {"read_hand_coding", "read_hand_quotes", "HAND_CODING_COLUMNS", "HAND_QUOTES_COLUMNS"}
)


def __getattr__(name: str) -> Any:
    """``read_hand_coding`` and ``read_hand_quotes``, whose home is :mod:`analysis.validation`.

    Validation imports this module (it reads gold files with :func:`read_article`), so
    the old names are resolved on first use instead of imported at the top.
    """
    if name in _VALIDATION_NAMES:
        # lazy: analysis.validation imports this module (no import cycle)
        value = getattr(import_module("analysis.validation"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
