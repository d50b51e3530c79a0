"""Read one file of a corpus: an article, ``metadata.csv``, or the rows of a table file.

An article file (``.txt``, or a saved ``.html`` page whose main text is extracted) is
decoded in the corpus's text encoding, with every problem reported as a
:class:`CorpusError` that names the file and says what is wrong and where (binary
content, not in the expected encoding, empty). ``metadata.csv`` is read and validated
(:func:`read_metadata`); the rows of a JSON Lines, CSV or Parquet file are read one
at a time. Which files make a corpus, their checks (digests, duplicate ids, long
articles) and what is done with a bad one are :mod:`analysis.corpus`'s, which
re-exports every name here.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from collections.abc import Iterator
from functools import lru_cache
from importlib import import_module
from pathlib import Path
from typing import Any

from .paths import input_candidates

__all__ = [
    "COMMON_ENCODINGS",
    "CorpusError",
    "TABLE_SUFFIXES",
    "check_encoding",
    "decode_article",
    "is_html_page",
    "read_article",
    "read_metadata",
]


class CorpusError(ValueError):
    """Bad input: the message names the file and the problem."""


def _where(data: bytes, pos: int) -> str:
    line = data.count(b"\n", 0, pos) + 1
    col = pos - (data.rfind(b"\n", 0, pos) + 1) + 1
    return f"line {line}, column {col} (byte {pos})"


#: Text encodings a corpus is usually in: UTF-8 (the default), and the Windows and
#: ISO Latin-1 code pages of old scrapes. Any codec Python knows is accepted.
COMMON_ENCODINGS = ("utf-8", "cp1252", "latin-1")


def check_encoding(encoding: str) -> str:
    """``encoding`` if Python knows it, else a :class:`CorpusError` saying so."""
    try:
        codecs.lookup(encoding)
    except (LookupError, TypeError):
        raise CorpusError(
            f"unknown text encoding {encoding!r}; use one of {', '.join(COMMON_ENCODINGS)}"
        ) from None
    return encoding


def _is_utf8(encoding: str) -> bool:
    return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")


def decode_article(data: bytes, name: str, encoding: str = "utf-8") -> str:
    """Decode the bytes of one article, or raise :class:`CorpusError` naming ``name``.

    ``encoding`` is UTF-8 by default (``"cp1252"`` or ``"latin-1"`` for old scrapes). A
    byte-order mark is dropped and CRLF / CR line ends become ``\\n``.
    """
    if b"\x00" in data:
        where = _where(data, data.index(b"\x00"))
        raise CorpusError(
            f"{name}: binary content (NUL byte at {where}); expected a UTF-8 text file"
        )
    utf8 = _is_utf8(encoding)
    try:
        text = data.decode("utf-8-sig" if utf8 else encoding).lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 4]
        hint = (
            "re-save the file as UTF-8, or read it with encoding='cp1252' (command "
            "line: --encoding cp1252) if it is an old Windows or Latin-1 scrape"
            if utf8
            else "check the file's encoding"
        )
        label = "UTF-8" if utf8 else encoding
        raise CorpusError(
            f"{name}: not valid {label} at {_where(data, exc.start)}: bytes {bad!r} "
            f"({exc.reason}); {hint}"
        ) from None
    if not text.strip():
        raise CorpusError(f"{name}: empty file (no text, or only whitespace)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


@lru_cache(maxsize=1)
def _html_pages():
    # lazy: trafilatura and lxml (0.2 s), only when a corpus holds a saved page
    return import_module("analysis.html_pages")


def is_html_page(path: Path) -> bool:
    """Whether ``path`` is read as a saved web page (``.html``, ``.htm``)."""
    return path.suffix.lower() in (".html", ".htm")


def read_article(path: str | Path, encoding: str = "utf-8") -> tuple[str, str]:
    """Read one article file: returns ``(text, sha256 of the raw bytes)``.

    A ``.txt`` file's text is the file decoded. A saved web page (``.html``, ``.htm``)
    gives its main text, extracted by :func:`analysis.html_pages.main_text`, which is
    then cleaned like any article; the digest is always that of the file's bytes.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        tried = ", ".join(str(c) for c in input_candidates(path))
        raise CorpusError(f"{path}: file not found (tried {tried})") from None
    except IsADirectoryError:
        raise CorpusError(f"{path}: is a folder, not an article file") from None
    text = decode_article(data, str(path), encoding)
    if is_html_page(path):
        text = _html_pages().main_text(text)
        if text is None:
            raise CorpusError(f"{path}: no main text found in the saved web page")
    return text, hashlib.sha256(data).hexdigest()


REQUIRED_METADATA_COLUMNS = ("doc_id", "file")


def read_metadata(path: str | Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    """Read and validate ``metadata.csv``: one row per article, as dicts of strings.

    Required columns: ``doc_id`` and ``file``. Every value is kept as a string (so the
    id ``000`` keeps its zeros). The file is read as UTF-8, or in ``encoding`` if it is
    not UTF-8 (the articles' encoding, for a folder of old scrapes). Raises
    :class:`CorpusError` for an unreadable or malformed file, a missing column, a row
    with the wrong number of fields, an empty or duplicate ``doc_id`` or a file listed
    twice.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CorpusError(f"{path}: metadata file not found") from None
    try:
        text = decode_article(data, str(path))
    except CorpusError:
        if _is_utf8(encoding):
            raise
        text = decode_article(data, str(path), encoding)
    try:
        rows = list(csv.reader(io.StringIO(text), strict=True))
    except csv.Error as exc:
        raise CorpusError(f"{path}: malformed CSV ({exc})") from None
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    header = [h.strip() for h in rows[0]]
    missing = [c for c in REQUIRED_METADATA_COLUMNS if c not in header]
    if missing:
        raise CorpusError(
            f"{path}: malformed metadata: missing column(s) {', '.join(missing)} "
            f"(found: {', '.join(header) or 'none'})"
        )
    if len(set(header)) != len(header):
        raise CorpusError(f"{path}: malformed metadata: duplicate column names in header")
    records: list[dict[str, str]] = []
    seen_ids: dict[str, int] = {}
    seen_files: dict[str, int] = {}
    for lineno, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise CorpusError(
                f"{path}: malformed metadata: row {lineno} has {len(row)} fields, "
                f"the header has {len(header)}"
            )
        rec = {h: v.strip() for h, v in zip(header, row)}
        doc_id, file = rec["doc_id"], rec["file"]
        if not doc_id or not file:
            raise CorpusError(f"{path}: row {lineno}: empty doc_id or file")
        if doc_id in seen_ids:
            raise CorpusError(
                f"{path}: duplicate doc_id {doc_id!r} (rows {seen_ids[doc_id]} and {lineno})"
            )
        if file in seen_files:
            raise CorpusError(
                f"{path}: file {file!r} listed twice (rows {seen_files[file]} and {lineno})"
            )
        seen_ids[doc_id], seen_files[file] = lineno, lineno
        records.append(rec)
    return records


TABLE_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet")


def _table_rows(path: Path, encoding: str) -> Iterator[dict[str, Any]]:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        import json

        with open(path, encoding=_text_codec(encoding)) as fh:
            for lineno, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise CorpusError(
                        f"{path}: line {lineno}: not valid JSON ({exc.msg})"
                    ) from None
                if not isinstance(row, dict):
                    raise CorpusError(f"{path}: line {lineno}: expected a JSON object per line")
                yield row
    elif suffix == ".csv":
        csv.field_size_limit(2**31 - 1)
        with open(path, encoding=_text_codec(encoding), newline="") as fh:
            try:
                yield from csv.DictReader(fh, strict=True)
            except csv.Error as exc:
                raise CorpusError(f"{path}: malformed CSV ({exc})") from None
    elif suffix == ".parquet":
        try:
            import pyarrow.parquet as pq
        except ImportError:  # pragma: no cover - depends on the environment
            raise CorpusError(
                f"{path}: reading Parquet needs pyarrow (pip install pyarrow)"
            ) from None
        for batch in pq.ParquetFile(path).iter_batches(batch_size=1024):
            yield from batch.to_pylist()
    else:
        raise CorpusError(
            f"{path}: unknown corpus file type {suffix!r}; expected a folder of .txt "
            f"articles or one of {', '.join(TABLE_SUFFIXES)}"
        )


def _text_codec(encoding: str) -> str:
    return "utf-8-sig" if _is_utf8(encoding) else encoding
