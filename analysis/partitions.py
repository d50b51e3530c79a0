"""A corpus on disk cut into partitions that workers read themselves (``engine="dask"``).

A partition says where its articles are, never what they say, so that the process that
plans a run (the Dask client) holds no article text and the workers read, check, clean
and process their share of the files where they run:

``"files"``
    A slice of a folder's plan: file names with their ``metadata.csv`` rows, in corpus
    order (the plan is :func:`analysis.corpus.iter_records`' own, so ids are unique).
``"lines"``
    A byte range of a JSON Lines file, in whole lines: a line belongs to the partition
    its first byte is in. Only for encodings in which a line break is the byte ``\\n``
    and no other character holds that byte (UTF-8, cp1252, Latin-1 ...); a file in
    another encoding (UTF-16) is one ``"whole"`` partition.
``"row_group"``
    One row group of a Parquet file (its size is the writer's choice).
``"whole"``
    A whole file read by one worker: a CSV file (a quoted field may hold line breaks, so
    no byte range can be cut safely without reading the file up to it), or a path that
    is not there (the worker raises the error a serial run raises).

Each carries the :class:`analysis.corpus.CorpusSource` (path, encoding, ``on_error``,
``text_column``, ``id_column``, ``max_article_chars``). Reading a corpus in partitions
gives the records, errors and warnings of :func:`analysis.corpus.iter_records`
exactly. Record numbers (names ``record n``, default ids ``<stem>-<n>``) and line
numbers count from the start of the file: a first pass (:func:`index_partition`, run
by the workers) counts each partition's lines and records and reads their ids, and
:func:`number_partitions` adds them up in the driver. A ``doc_id`` given earlier in
the corpus, in any partition, makes a later record a duplicate: the same first pass
finds them, and each partition is told which of its records to leave out. Each
partition's bad articles come back as errors (:class:`PartitionRead`), which
:class:`ReadErrors` raises or summarises once, as a serial run does.
"""

from __future__ import annotations

import codecs
import json
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import corpus as _corpus
from .corpus import CorpusError, CorpusSource, CorpusWarning

__all__ = [
    "AVERAGE_ARTICLE_BYTES",
    "Partition",
    "PartitionRead",
    "ReadErrors",
    "index_partition",
    "number_partitions",
    "plan_partitions",
    "read_partition",
]

#: Bytes of JSON Lines per article assumed when cutting a file into byte ranges of about
#: ``chunksize`` articles each.
AVERAGE_ARTICLE_BYTES = 4096

_JSON_LINES = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class Partition:
    """Where one share of a corpus is: no text, a few hundred bytes to send to a worker.

    Attributes
    ----------
    source : CorpusSource
        The corpus (its path made absolute) and its reading options.
    kind : str
        ``"files"``, ``"lines"``, ``"row_group"`` or ``"whole"`` (see the module).
    files : tuple of (str, dict)
        For ``"files"``: each article's path and metadata row, in corpus order.
    start, end : int
        For ``"lines"``: the byte range ``[start, end)``; for ``"row_group"``: ``start``
        is the row group's number.
    first_record, first_line : int
        Number (from 1) of the partition's first record in the corpus, and of its first
        line in the file (for ``"lines"``); set by :func:`number_partitions`.
    duplicates : frozenset of int
        Record numbers of this partition whose ``doc_id`` an earlier record has.
    size : int or None
        Its number of records, when known before it is read.
    """

    source: CorpusSource
    kind: str
    files: tuple = ()
    start: int = 0
    end: int = 0
    first_record: int = 1
    first_line: int = 1
    duplicates: frozenset = frozenset()
    size: int | None = None


@dataclass
class PartitionRead:
    """What a worker read from one partition.

    Attributes
    ----------
    records : list of (str, dict)
        ``(raw text, metadata)`` of each good article, in order (emptied before the
        read travels back to the driver).
    errors : list of CorpusError
        Each bad article's error (empty, binary, undecodable, changed, duplicate id).
    fatal : CorpusError or None
        An error that stops any run (malformed file, missing text field).
    long : list of str
        Warnings about articles longer than ``max_article_chars``.
    count : int
        Records read, good and bad.
    """

    records: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    fatal: CorpusError | None = None
    long: list = field(default_factory=list)
    count: int = 0


# ---------------------------------------------------------------- planning (driver)


def _splits_on_newline_bytes(encoding: str) -> bool:
    """Whether every line of a file in ``encoding`` ends at a byte ``\\n`` that no other
    character contains (ASCII-compatible codecs)."""
    name = codecs.lookup(encoding).name
    if name.startswith(("utf-16", "utf-32", "utf-7")):
        return False
    try:
        return "\n\r".encode(encoding) == b"\n\r"
    except UnicodeError:
        return False


def plan_partitions(source: CorpusSource, *, chunksize: int) -> list[Partition]:
    """Cut the corpus of ``source`` into partitions, reading no article.

    Parameters
    ----------
    source : CorpusSource
        The corpus and its reading options.
    chunksize : int
        Articles per partition for a folder; a JSON Lines file is cut every
        ``chunksize * AVERAGE_ARTICLE_BYTES`` bytes.

    Returns
    -------
    list of Partition
        In corpus order. A folder's plan is checked here (metadata, missing files,
        duplicate ids), raising :class:`analysis.corpus.CorpusError` as a serial run does.
    """
    if source.on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {source.on_error!r}")
    _corpus.check_encoding(source.encoding)
    path = Path(_corpus.locate(source)).absolute()
    source = replace(source, path=path)
    if path.is_dir():
        plan = [(str(p), meta) for p, meta in _corpus._plan(path, source.encoding)]
        shares = [tuple(plan[i : i + chunksize]) for i in range(0, len(plan), chunksize)]
        return [
            Partition(source, "files", files=share, first_record=i * chunksize + 1, size=len(share))
            for i, share in enumerate(shares)
        ]
    suffix = path.suffix.lower()
    if path.is_file() and suffix in _JSON_LINES and _splits_on_newline_bytes(source.encoding):
        size = path.stat().st_size
        step = max(1, chunksize * AVERAGE_ARTICLE_BYTES)
        return [
            Partition(source, "lines", start=b, end=min(b + step, size))
            for b in range(0, max(size, 1), step)
        ]
    if path.is_file() and suffix == ".parquet":
        groups = _parquet(path).metadata.num_row_groups
        return [Partition(source, "row_group", start=g) for g in range(groups)] or [
            Partition(source, "whole")
        ]
    return [Partition(source, "whole")]


def _parquet(path: Path):
    try:
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - depends on the environment
        raise CorpusError(f"{path}: reading Parquet needs pyarrow (pip install pyarrow)") from None
    return pq.ParquetFile(path)


def number_partitions(parts: list[Partition], index: list[tuple[int, list]]) -> list[Partition]:
    """The partitions with their first record and line numbers and their duplicates.

    Parameters
    ----------
    parts : list of Partition
        As planned, in order.
    index : list of (int, list)
        :func:`index_partition` of each partition: its number of lines and, per
        record, ``(id as given or None, good)`` (``good``: a text to read, ``None``
        when not looked at).

    Returns
    -------
    list of Partition
        A record is a duplicate when a good record before it has its ``doc_id``, as in
        :func:`analysis.corpus.iter_records`; records not looked at count as good.
    """
    out, record, line, seen = [], 1, 1, set()
    for part, (n_lines, entries) in zip(parts, index):
        stem = Path(part.source.path).stem
        dups = []
        for n, (given, good) in enumerate(entries, start=record):
            doc_id = str(given) if given not in (None, "") else f"{stem}-{n}"
            if good is False:
                continue
            if doc_id in seen:
                dups.append(n)
            seen.add(doc_id)
        numbers = {"first_record": record, "first_line": line, "size": len(entries)}
        out.append(replace(part, duplicates=frozenset(dups), **numbers))
        record += len(entries)
        line += n_lines
    return out


def total_records(parts: list[Partition]) -> int | None:
    """The number of records of the corpus, if every partition's is known."""
    sizes = [p.size for p in parts]
    return None if None in sizes else sum(sizes)


def ids_repeat(index: list[tuple[int, list]]) -> bool:
    """Whether some id is given twice in an index made without looking at the texts
    (then whether each record is good decides which one is the duplicate)."""
    given = [g for _n, entries in index for g, _good in entries if g not in (None, "")]
    return len(set(map(str, given))) != len(given)


# ---------------------------------------------------------------- reading (workers)


def _lines(part: Partition) -> Iterator[tuple[int, str]]:
    """(byte offset, line) of the lines whose first byte is in the partition's range,
    decoded, with universal newlines as a text-mode file has them (a lone ``\\r`` ends
    a line too, and each line ends with ``\\n`` but perhaps the file's last)."""
    encoding = part.source.encoding
    with open(part.source.path, "rb") as fh:
        if part.start:
            fh.seek(part.start - 1)
            fh.readline()  # the rest of a line that began in the partition before
        pos = fh.tell()
        while pos < part.end:
            data = fh.readline()
            if not data:
                return
            codec = "utf-8-sig" if pos == 0 and _corpus._is_utf8(encoding) else encoding
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise UnicodeDecodeError(
                    exc.encoding, exc.object, pos + exc.start, pos + exc.end, exc.reason
                ) from None
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            *ended, last = text.split("\n")
            yield from ((pos, p + "\n") for p in ended)  # as a text-mode file gives them
            if last:
                yield pos, last
            pos += len(data)


def _json_rows(part: Partition) -> Iterator[dict[str, Any]]:
    """The JSON objects of a ``"lines"`` partition, numbering lines from ``first_line``
    (the checks and messages of :func:`analysis.corpus._table_rows`)."""
    path = part.source.path
    for lineno, (_pos, line) in enumerate(_lines(part), start=part.first_line):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{path}: line {lineno}: not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise CorpusError(f"{path}: line {lineno}: expected a JSON object per line")
        yield row


def _rows(part: Partition, columns: list[str] | None = None) -> Iterator[dict[str, Any]]:
    if part.kind == "lines":
        return _json_rows(part)
    table = _parquet(Path(part.source.path)).read_row_group(part.start, columns=columns)
    return iter(table.to_pylist())


def _good_text(row: dict[str, Any], text_column: str) -> bool:
    raw = row.get(text_column)
    return isinstance(raw, str) and bool(raw.strip()) and "\x00" not in raw


def index_partition(part: Partition, texts: bool = True) -> tuple[int, list]:
    """In a worker: the partition's number of lines and ``(given id, good)`` per record.

    Parameters
    ----------
    part : Partition
        A ``"lines"`` or ``"row_group"`` partition.
    texts : bool
        For Parquet: also read the text column to tell good records (``False``: only
        the id column is read, and ``good`` is ``None``). JSON Lines are parsed whole.

    Returns
    -------
    tuple of (int, list)
        Lines counted up to the end of the partition, or up to a line that is not
        valid (that error is raised when the partition is read).
    """
    src = part.source
    entries: list = []
    if part.kind == "row_group":
        names = _parquet(Path(src.path)).schema_arrow.names
        wanted = [c for c in (src.id_column, src.text_column) if c in names]
        columns = wanted if texts else [c for c in wanted if c == src.id_column]
        if not columns:  # no id column: the number of rows only
            n = _parquet(Path(src.path)).metadata.row_group(part.start).num_rows
            return 0, [(None, None)] * n
        for row in _rows(part, columns):
            good = _good_text(row, src.text_column) if texts else None
            entries.append((row.get(src.id_column), good))
        return 0, entries
    n_lines = 0
    try:
        for _pos, line in _lines(part):
            n_lines += 1
            if line.strip():
                row = json.loads(line)
                if not isinstance(row, dict):
                    break
                entries.append((row.get(src.id_column), _good_text(row, src.text_column)))
    except (ValueError, UnicodeDecodeError):  # JSONDecodeError is a ValueError
        pass
    return n_lines, entries


def _named_records(part: Partition) -> Iterator[tuple[str, Any]]:
    """(name, (raw, meta) or CorpusError) per record, as analysis.corpus makes them."""
    src = part.source
    path = Path(src.path)
    if part.kind == "files":
        for file, meta in part.files:
            try:
                raw, digest = _corpus.read_article(file, src.encoding)
                _corpus._check_digest(Path(file), meta, digest)
            except CorpusError as exc:
                yield file, exc
                continue
            yield file, (raw, meta)
    elif part.kind == "whole" and not path.is_file():
        yield from _corpus._folder_records(path, src.encoding)
    else:
        rows = None if part.kind == "whole" else _rows(part)
        yield from _corpus._table_records(
            path, src.text_column, src.id_column, src.encoding, rows=rows, first=part.first_record
        )


def read_partition(part: Partition) -> PartitionRead:
    """In a worker: read, decode, check and number the articles of a partition.

    Returns
    -------
    PartitionRead
        The good records and every bad article's error, as
        :func:`analysis.corpus.iter_records` with ``on_error="skip"`` would give for
        this share of the corpus (duplicates of ids in earlier partitions included);
        a malformed file stops the reading with ``fatal`` set.
    """
    src = part.source
    read = PartitionRead()
    seen: set[str] = set()
    try:
        for n, (name, item) in enumerate(_named_records(part), start=part.first_record):
            read.count += 1
            if isinstance(item, CorpusError):
                read.errors.append(item)
                continue
            raw, meta = item
            doc_id = str(meta["doc_id"])
            if n in part.duplicates or doc_id in seen:
                read.errors.append(CorpusError(f"{name}: duplicate doc_id {doc_id!r}"))
                continue
            seen.add(doc_id)
            limit = src.max_article_chars
            if limit is not None and len(raw) > limit:
                read.long.append(_corpus.long_article_message(name, len(raw), limit))
            read.records.append((raw, meta))
    except CorpusError as exc:
        read.fatal = exc
    return read


# ---------------------------------------------------------------- errors (driver)


class ReadErrors:
    """The bad articles of a run read in partitions, gathered in the driver in corpus
    order: :meth:`add` raises a malformed file's error at once and re-issues the long
    article warnings; :meth:`finish` raises every bad article in one error
    (``on_error="raise"``) or warns once with :func:`analysis.corpus.skipped_summary`
    (``"skip"``; given a ``skipped`` list, appends to it instead)."""

    def __init__(self, source: CorpusSource, skipped: list | None = None) -> None:
        self.source, self.skipped, self.errors = source, skipped, []

    def add(self, read: PartitionRead) -> None:
        """Take one partition's read (in corpus order)."""
        if read.fatal is not None:
            raise read.fatal
        for message in read.long:
            warnings.warn(message, CorpusWarning, stacklevel=4)
        self.errors.extend(read.errors)

    def finish(self) -> None:
        """After the last partition: raise or report the bad articles."""
        if not self.errors:
            return
        if self.source.on_error == "raise":
            raise _corpus.bad_articles_error(self.errors)
        if self.skipped is not None:
            self.skipped.extend(self.errors)
        else:
            warnings.warn(_corpus.skipped_summary(self.errors), CorpusWarning, stacklevel=4)
