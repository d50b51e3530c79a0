"""Run a per-document function over a corpus: serially, on worker processes, or on Dask.

Every corpus-wide computation of the package (term counts, KWIC, frame scores, quotes,
the sentence table) is a function of one document at a time followed by a reduction
(counts summed, rows concatenated in document order). :func:`map_documents` runs the
per-document part and yields its results **in input order**, so the reduction in the
calling process gives exactly the table a serial run gives, whatever the engine:

``engine="processes"`` (default)
    A pool of ``jobs`` worker processes (``jobs=None``: all cores). Documents travel in
    chunks of ``chunksize``; for a folder or a JSON Lines / CSV / Parquet file the
    workers also do the reading's expensive part, cleaning (:func:`make_document`), and
    the parent only streams raw text. At most a few chunks per worker are in flight, so
    memory stays bounded on a stream of any length. Each worker keeps its own stem cache
    in memory, read from the disk stem cache (:mod:`analysis.stem_cache`) and saving
    its new stems there when the pool ends; the parent saves its own when the run ends.
``engine="serial"``
    In this process, one document at a time (the same as ``jobs=1``).
``engine="dask"``
    Computed by Dask: on the distributed cluster of the current ``distributed.Client``
    when one exists (so a user who has connected to a scheduler changes nothing else),
    else on Dask's default scheduler. A path (or :class:`analysis.corpus.CorpusSource`)
    is cut into partitions that name files, byte ranges of a JSON Lines file or row
    groups of a Parquet file (a CSV file is one partition), and the workers read, check
    and clean them (:mod:`analysis.partitions`): this process reads no article, and
    bad files give the errors and warnings of the other engines. A :mod:`dask.bag` of
    documents or a :mod:`dask.dataframe` of articles (with a ``body`` column, or a
    ``raw`` or ``text`` column to be cleaned by the workers, as from
    ``dd.read_parquet``) is processed where its partitions live; other documents (a
    DataFrame, an iterable) become partitions of a :mod:`dask.bag`. Needs the ``dask``
    extra: ``pip install ".[dask]"``.

When is it parallel? With ``jobs=None`` and ``engine="processes"`` a corpus of fewer
than :data:`PARALLEL_MIN_DOCUMENTS` documents is processed serially (starting worker
processes costs about a second, more than such a corpus takes); the first documents of
a stream are read ahead to decide. An explicit ``jobs=2`` (or more) always uses
processes; ``jobs=1`` never does.

A progress bar (:mod:`tqdm`, on standard error) appears when the run takes longer than
two seconds and standard error is a terminal, or in a notebook (``tqdm.auto``: a widget
bar, ipywidgets being a dependency, so no "IProgress not found" warning);
``progress=False`` silences it, ``progress=True`` shows it anywhere.

The function given must be picklable for the process and Dask engines: a module-level
function, or a :func:`functools.partial` of one with picklable arguments. Documents
sent to workers carry their metadata, ``title`` and ``body`` but not ``raw`` and
``removed`` (nothing downstream of cleaning needs them).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any, Literal

from . import partitions, stem_cache
from .corpus import CorpusSource, _plan, as_documents, iter_records, locate, make_document
from .kernel import show_progress

__all__ = [
    "ENGINES",
    "PARALLEL_MIN_DOCUMENTS",
    "START_METHOD",
    "map_documents",
    "progress_bar",
    "resolve_jobs",
]

#: The engines :func:`map_documents` knows.
ENGINES = ("processes", "serial", "dask")
Engine = Literal["processes", "serial", "dask"]

#: With ``jobs=None``, corpora with fewer documents than this run serially.
PARALLEL_MIN_DOCUMENTS = 200

#: Documents per chunk sent to a worker (default of ``chunksize``).
DEFAULT_CHUNKSIZE = 64

#: How worker processes start: ``"forkserver"`` where the platform has it (Linux, macOS),
#: else ``"spawn"``. Not ``"fork"``: forking a process that runs threads (a Jupyter
#: kernel, a Dask client) can deadlock.
START_METHOD = "forkserver" if sys.platform != "win32" else "spawn"

#: Modules the worker processes' server imports once, so that workers start ready.
_PRELOAD = [
    "analysis.parallel",
    "analysis.corpus",
    "analysis.clean",
    "analysis.tokens",
    "analysis.terms",
    "analysis.frames",
    "analysis.quotes",
]

#: Fields of a document not sent to workers.
_HEAVY_FIELDS = ("raw", "removed")
#: Progress bars appear only for runs longer than this many seconds.
PROGRESS_DELAY = 2.0


#: Cores this process may use for ``jobs=None``; set in worker processes that already
#: run side by side (e.g. :func:`analysis.figures.build_figures`' workers), so that
#: the pools they start do not oversubscribe the machine. ``None``: all cores.
_CORE_SHARE: int | None = None


def resolve_jobs(jobs: int | None) -> int:
    """Number of worker processes for ``jobs`` (``None`` or 0: all cores; -1 too)."""
    if jobs is None or jobs in (0, -1):
        if _CORE_SHARE is not None:
            return _CORE_SHARE
        return max(1, os.cpu_count() or 1)
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a whole number >= 1 (or None for all cores), got {jobs!r}")
    return jobs


def _check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")


# ---------------------------------------------------------------- items and workers


def _slim(doc: dict[str, Any]) -> dict[str, Any]:
    if any(k in doc for k in _HEAVY_FIELDS):
        return {k: v for k, v in doc.items() if k not in _HEAVY_FIELDS}
    return doc


def _items(
    corpus: Any, *, slim: bool, skipped: list | None = None
) -> tuple[str, Iterator[Any], int | None]:
    """(kind, items, total or None): raw ``(text, meta)`` records for a path, else documents."""
    if corpus is None or isinstance(corpus, (str, Path, CorpusSource)):
        total = None
        path = locate(corpus)
        if path.is_dir():
            try:
                with warnings.catch_warnings():  # iter_records warns, once
                    warnings.simplefilter("ignore")
                    total = len(_plan(path))
            except Exception:  # noqa: BLE001 - iter_records raises the proper error
                total = None
        return "raw", iter_records(corpus, skipped=skipped), total
    total = len(corpus) if hasattr(corpus, "__len__") else None
    docs = as_documents(corpus)
    return "doc", (map(_slim, docs) if slim else docs), total


def _materialise(kind: str, item: Any) -> dict[str, Any]:
    if kind == "raw":
        return make_document(item[0], item[1])
    return item


def _apply(func: Callable, combine: Callable | None, kind: str, items: list) -> list:
    results = [func(_materialise(kind, it)) for it in items]
    return [combine(results)] if combine is not None else results


_WORKER: tuple[Callable, Callable | None] | None = None


def _init_worker(func: Callable, combine: Callable | None, parent: int | None = None) -> None:
    global _WORKER
    _WORKER = (func, combine)
    if parent is not None:
        exit_with_parent(parent)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, owned by someone else
    return True


def exit_with_parent(pid: int, interval: float = 1.0) -> None:
    """In a worker process: exit as soon as process ``pid`` (the one that started the
    pool) is gone. Workers of a pool wait for work that a killed parent (``kill -9``, an
    out-of-memory kill, a closed notebook kernel) never sends; without this they would
    hold their memory until they notice, which they may never do. A daemon thread looks
    every ``interval`` seconds."""

    def watch() -> None:
        while _alive(pid):
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
    if threading.current_thread() is threading.main_thread():
        # Ctrl-C in a terminal reaches every process of the group: the parent stops the
        # pool and says so in one line; the workers do not each print a traceback
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_chunk(kind: str, items: list) -> list:
    assert _WORKER is not None, "worker not initialised"
    func, combine = _WORKER
    return _apply(func, combine, kind, items)


def _chunks(items: Iterator[Any], size: int) -> Iterator[list]:
    while True:
        chunk = list(islice(items, size))
        if not chunk:
            return
        yield chunk


# ---------------------------------------------------------------- progress


def _progress_bar(progress: bool | None, total: int | None, desc: str | None, unit: str = "doc"):
    if not show_progress(progress):
        return None
    from tqdm.auto import tqdm

    return tqdm(
        total=total,
        desc=desc or "documents",
        unit=unit,
        file=sys.stderr,
        delay=0 if progress else PROGRESS_DELAY,
        leave=False,
        dynamic_ncols=True,
    )


def progress_bar(total: int | None, desc: str, progress: bool | None = None, *, unit: str = "item"):
    """A tqdm bar for a long loop that is not over documents (e.g. bootstrap groups).

    ``None`` when ``progress`` is False, or None and this is neither a terminal nor a
    notebook (:func:`analysis.kernel.show_progress`); otherwise a bar that shows itself
    after two seconds (``progress=True``: at once).
    Call ``update(n)`` and ``close()`` on it.
    """
    return _progress_bar(progress, total, desc, unit)


# ---------------------------------------------------------------- engines


def _serial(func, combine, kind, items, chunksize, bar) -> Iterator[Any]:
    for chunk in _chunks(items, chunksize):
        yield from _apply(func, combine, kind, chunk)
        if bar is not None:
            bar.update(len(chunk))


#: Why a worker pool broke, and what to do (raised as a RuntimeError).
BROKEN_POOL_MESSAGE = (
    "a worker process stopped abruptly. If this runs from a Python script, put "
    'the call under `if __name__ == "__main__":` (worker processes import the '
    "script's main module, as multiprocessing requires); otherwise the machine "
    "may have run out of memory: try fewer jobs (jobs=1 runs in this process)"
)


def worker_context(preload: Sequence[str] = (), *, start: bool = False):
    """The multiprocessing context worker pools start from (:data:`START_METHOD`).

    With ``forkserver``, workers fork from a server that has imported the package's
    computing modules (and ``preload``) once, so each pool starts in a fraction of a
    second. The server starts once per session: ``preload`` counts only for the first
    pool. ``start=True`` starts it now, importing in the background while this process
    goes on (e.g. loads the corpus).
    """
    import multiprocessing

    ctx = multiprocessing.get_context(START_METHOD)
    if START_METHOD == "forkserver":
        ctx.set_forkserver_preload([*_PRELOAD, *preload])
        if start:
            from multiprocessing import forkserver

            forkserver.ensure_running()
    return ctx


def _processes(func, combine, kind, items, chunksize, jobs, bar) -> Iterator[Any]:
    from concurrent.futures.process import BrokenProcessPool

    ctx = worker_context()
    in_flight = max(2, 3 * jobs)
    try:
        yield from _pool_results(ctx, func, combine, kind, items, chunksize, jobs, bar, in_flight)
    except BrokenProcessPool as exc:
        raise RuntimeError(BROKEN_POOL_MESSAGE) from exc


def _pool_results(ctx, func, combine, kind, items, chunksize, jobs, bar, in_flight):
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=ctx,
        initializer=_init_worker,
        initargs=(func, combine, os.getpid()),
    ) as pool:
        pending: deque = deque()
        try:
            for chunk in _chunks(items, chunksize):
                pending.append((pool.submit(_run_chunk, kind, chunk), len(chunk)))
                while len(pending) >= in_flight:
                    fut, n = pending.popleft()
                    yield from fut.result()
                    if bar is not None:
                        bar.update(n)
            while pending:
                fut, n = pending.popleft()
                yield from fut.result()
                if bar is not None:
                    bar.update(n)
        finally:
            for fut, _n in pending:
                fut.cancel()


#: Dask workers may live long and end without running exit handlers: they save their
#: new stems after a partition once they hold this many.
DASK_SAVE_STEMS = 2000


def _dask_partition(items: Iterable, func, combine, kind) -> list:
    out = _apply(func, combine, kind, list(items))
    stem_cache.save(min_new=DASK_SAVE_STEMS)
    return out


def _dask_frame_partition(part, func, combine) -> list:
    if not {"body", "raw"} & set(part.columns) and "text" in part.columns:
        part = part.rename(columns={"text": "raw"})  # a table file's text column
    if "body" not in part.columns and "raw" in part.columns:
        if "doc_id" not in part.columns:
            part = part.rename_axis("doc_id").reset_index()
        records = [(r.pop("raw"), r) for r in part.to_dict(orient="records")]
        out = _apply(func, combine, "raw", records)
    else:
        out = _apply(func, combine, "doc", [_slim(d) for d in as_documents(part)])
    stem_cache.save(min_new=DASK_SAVE_STEMS)
    return out


def _dask_workers(jobs: int | None) -> int:
    if jobs is not None:
        return resolve_jobs(jobs)
    try:
        from distributed import get_client

        info = get_client().scheduler_info()
        n = sum(w.get("nthreads", 1) for w in info.get("workers", {}).values())
        return max(1, n)
    except (ImportError, ValueError):
        return resolve_jobs(None)


def _import_dask():
    try:
        import dask
        import dask.bag as db
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError(
            'engine="dask" needs Dask: pip install ".[dask]" (dask[bag,dataframe], distributed)'
        ) from None
    return dask, db


def _is_dask_collection(obj: Any) -> bool:
    mod = type(obj).__module__ or ""
    return mod.startswith("dask.") or mod.startswith("dask_expr")


def _is_path(corpus: Any) -> bool:
    return corpus is None or isinstance(corpus, (str, Path, CorpusSource))


def _dask_source_partition(part, func, combine) -> tuple[list, partitions.PartitionRead]:
    """In a worker: read a partition of a corpus on disk and apply ``func`` to its
    documents; the read goes back without its texts."""
    read = partitions.read_partition(part)
    records, read.records = read.records, []
    if read.fatal is not None or not records:
        return [], read
    out = _apply(func, combine, "raw", records)
    stem_cache.save(min_new=DASK_SAVE_STEMS)
    return out, read


def _dask_index(dask, parts: list) -> list:
    """The partitions numbered: record and line numbers, duplicate ids (a first pass on
    the workers, for JSON Lines and Parquet files of more than one partition)."""
    if len(parts) < 2 or parts[0].kind not in ("lines", "row_group"):
        return parts
    texts = parts[0].kind == "lines"
    index = dask.compute(*[dask.delayed(partitions.index_partition)(p, texts) for p in parts])
    if not texts and partitions.ids_repeat(index):
        index = dask.compute(*[dask.delayed(partitions.index_partition)(p) for p in parts])
    return partitions.number_partitions(parts, list(index))


def _dask_source(func, combine, corpus, chunksize, jobs, bar, skipped) -> Iterator[Any]:
    """A corpus on disk on Dask: partitions name files, byte ranges or row groups, and
    the workers read them (:mod:`analysis.partitions`); this process holds no text."""
    dask, _db = _import_dask()
    source = corpus if isinstance(corpus, CorpusSource) else CorpusSource(locate(corpus))
    parts = _dask_index(dask, partitions.plan_partitions(source, chunksize=chunksize))
    errors = partitions.ReadErrors(parts[0].source, skipped)
    if bar is not None:
        bar.total = partitions.total_records(parts)
    window = max(1, _dask_workers(jobs) * 4)  # partitions computed at once
    for i in range(0, len(parts), window):
        tasks = [
            dask.delayed(_dask_source_partition)(p, func, combine) for p in parts[i : i + window]
        ]
        for results, read in dask.compute(*tasks):
            errors.add(read)
            yield from results
            if bar is not None:
                bar.update(read.count)
    errors.finish()


def _dask(func, combine, corpus, kind, items, chunksize, jobs, bar) -> Iterator[Any]:
    dask, db = _import_dask()
    if _is_dask_collection(corpus):
        if isinstance(corpus, db.Bag):
            parts = corpus.map(_slim).map_partitions(_dask_partition, func, combine, "doc")
            yield from parts.compute()
            return
        if hasattr(corpus, "to_delayed") and hasattr(corpus, "columns"):
            tasks = [
                dask.delayed(_dask_frame_partition)(p, func, combine) for p in corpus.to_delayed()
            ]
            for result in dask.compute(*tasks):
                yield from result
            return
        raise TypeError(f"cannot read documents from a {type(corpus).__name__}")
    workers = _dask_workers(jobs)
    window = chunksize * workers * 4  # documents held at once in this process
    for block in _chunks(items, window):
        nparts = max(1, -(-len(block) // chunksize))
        bag = db.from_sequence(block, npartitions=nparts)
        yield from bag.map_partitions(_dask_partition, func, combine, kind).compute()
        if bar is not None:
            bar.update(len(block))


# ---------------------------------------------------------------- public


def map_documents(
    func: Callable[[dict[str, Any]], Any],
    corpus: Any,
    *,
    combine: Callable[[list], Any] | None = None,
    jobs: int | None = None,
    engine: Engine = "processes",
    chunksize: int | None = None,
    progress: bool | None = None,
    desc: str | None = None,
    skipped: list | None = None,
) -> Iterator[Any]:
    """Apply ``func`` to every document of ``corpus``; yield the results in input order.

    Parameters
    ----------
    func : callable
        A picklable function of one document dict (as :func:`analysis.corpus.
        iter_documents` yields, without ``raw`` and ``removed`` when run in a worker)
        returning a small partial result (a Counter, per-sentence arrays, rows).
    corpus : Any
        Anything :func:`analysis.corpus.as_documents` accepts (a path is streamed as
        raw text and cleaned by the workers), or, with ``engine="dask"``, a
        :mod:`dask.bag` of documents or a :mod:`dask.dataframe` of articles.
    combine : callable or None
        Optional picklable function reducing the list of ``func`` results of one
        chunk (consecutive documents, in order) to one value, computed in the worker to
        send less back; the iterator then yields one value per chunk, in order.
    jobs : worker processes (``None``: all cores, serial below
        :data:`PARALLEL_MIN_DOCUMENTS` documents; 1: serial in this process).
    engine : str
        ``"processes"`` (default), ``"serial"`` or ``"dask"``.
    chunksize : int or None
        Documents per chunk (default :data:`DEFAULT_CHUNKSIZE`).
    progress : bool or None
        ``None`` (default): a progress bar on standard error if it is a terminal
        and the run lasts more than two seconds; ``False``: never; ``True``: always.
    desc : str or None
        Label of the progress bar.
    skipped : list or None
        For a path read with ``on_error="skip"``: a list to which every skipped
        article's error is appended instead of one warning (as
        :func:`analysis.corpus.iter_records`).

    Yields
    ------
    The value of ``func`` for each document (or of ``combine`` for each chunk), in the
    order of the corpus, so reductions equal those of a serial run.

    Raises
    ------
    ValueError
        For an unknown engine or a bad ``jobs``; errors raised by ``func`` in a worker
        (e.g. :class:`analysis.corpus.CorpusError`) are raised here unchanged.
    """
    _check_engine(engine)
    if jobs is not None:
        resolve_jobs(jobs)
    chunksize = DEFAULT_CHUNKSIZE if chunksize is None else int(chunksize)
    if chunksize < 1:
        raise ValueError(f"chunksize must be >= 1, got {chunksize!r}")
    if _is_dask_collection(corpus):
        engine = "dask"
    if engine == "dask" and _is_path(corpus):
        bar = _progress_bar(progress, None, desc)
        try:
            yield from _dask_source(func, combine, corpus, chunksize, jobs, bar, skipped)
        finally:
            if bar is not None:
                bar.close()
        return
    if engine == "dask":
        kind, items, total = (
            ("doc", iter(()), None) if _is_dask_collection(corpus) else _items(corpus, slim=True)
        )
        bar = _progress_bar(progress, total, desc)
        try:
            yield from _dask(func, combine, corpus, kind, items, chunksize, jobs, bar)
        finally:
            if bar is not None:
                bar.close()
            stem_cache.save()  # stems worked out here (Dask's threads or this process)
        return

    n_jobs = 1 if engine == "serial" else resolve_jobs(jobs)
    kind, items, total = _items(corpus, slim=n_jobs > 1, skipped=skipped)
    if n_jobs > 1 and jobs is None:
        # Small corpora: serial (starting workers costs more than the work).
        if total is not None and total < PARALLEL_MIN_DOCUMENTS:
            n_jobs = 1
        elif total is None:
            head = list(islice(items, PARALLEL_MIN_DOCUMENTS))
            if len(head) < PARALLEL_MIN_DOCUMENTS:
                n_jobs = 1
            items = _chain(head, items)
    bar = _progress_bar(progress, total, desc)
    try:
        if n_jobs == 1:
            yield from _serial(func, combine, kind, items, chunksize, bar)
        else:
            yield from _processes(func, combine, kind, items, chunksize, n_jobs, bar)
    finally:
        if bar is not None:
            bar.close()
        stem_cache.save()  # the workers saved theirs when the pool ended


def _chain(head: list, rest: Iterator) -> Iterator:
    yield from head
    yield from rest
