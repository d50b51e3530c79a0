"""Regenerate every figure of the project, with the table behind each one beside it.

``python -m analysis figures`` (or :func:`build_figures`) loads the corpus, runs every
builder in :data:`FIGURE_BUILDERS` and writes, for each figure ``name``:

- ``name.png``: fixed size and dpi (:data:`DPI`), no software/time metadata;
- ``name.svg``: vectors for a journal (not for word clouds, which are images anyway);
- ``name.csv``: the table the figure was drawn from.

Builders run side by side in worker processes (``jobs``, default all cores). Every file
is written into a temporary folder inside the output folder and renamed into place only
when every builder has succeeded and no two figures share a name, so a failed run
leaves the previous figures as they were and an interrupted one never half a file; two
runs on the same machine give the same bytes, whatever ``jobs`` (fixed font, seeds, SVG
hash salt, no timestamps).

Adding figures
--------------
A builder is a function that takes the corpus DataFrame (:func:`analysis.load_corpus`)
and yields ``(name, figure, table)`` tuples (optionally a 4th item: the formats, e.g.
``("png",)``), and a :class:`LeftOut` for each figure it cannot draw on this corpus,
saying why (:func:`build_figures` returns them as ``.left_out``; the CLI prints them).
Register it with the :func:`figure_builder` decorator or
``FIGURE_BUILDERS.append(builder)``, both importable from this module (they live in
:mod:`analysis.figure_builders`, beside the project's own builders); files are listed in
builder order (builders defined in a notebook or inside a function cannot be sent to a
worker and run in the calling process)::

    @figure_builder
    def frame_shares(corpus):
        table = ...                                   # compute with analysis functions
        fig = plots.new_figure((6, 4))
        plots.plot_something(table, ax=fig.subplots())
        yield "frame_shares", fig, table

Draw on :func:`analysis.plots.new_figure` figures (off-screen, no pyplot). This module
imports no matplotlib itself: drawing and styling live in :mod:`analysis.plots`. A builder
computes every table with the analysis modules (:mod:`analysis.terms`,
:mod:`analysis.keyness`, :mod:`analysis.kwic`, :mod:`analysis.frames`) and passes it to a
plotting function, which only draws it.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import figure_builders, parallel, plots
from .corpus import load_corpus
from .figure_builders import (
    FIGURE_BUILDERS,
    FRAME_KEY_TERMS,
    MAX_PANELS,
    Builder,
    _names_and_note,
    figure_builder,
)

# the builders' other public names, re-exported (``analysis.figures.top_terms`` ...)
from .figure_builders import MAX_FRAME_ROWS as MAX_FRAME_ROWS
from .figure_builders import RASTER as RASTER
from .figure_builders import FigureSpec as FigureSpec
from .figure_builders import collocations_figure as collocations_figure
from .figure_builders import dispersion_figure as dispersion_figure
from .figure_builders import distinctive_terms as distinctive_terms
from .figure_builders import frame_figures as frame_figures
from .figure_builders import keyness_figure as keyness_figure
from .figure_builders import top_terms as top_terms
from .figure_builders import word_clouds as word_clouds
from .figure_folder import (
    MANIFEST,
    FiguresFolderError,
    check_folder,
    clear_stale_staging,
    corpus_label,
    no_interrupt,
    write_manifest,
)
from .files import atomic_write, readable_mode
from .kernel import show_progress
from .missing_figures import FigureFiles, LeftOut
from .names import names_and_note
from .parallel import BROKEN_POOL_MESSAGE, resolve_jobs, worker_context
from .paths import FIGURES_DIR

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = [
    "DPI",
    "FIGURE_BUILDERS",
    "FORMATS",
    "FRAME_KEY_TERMS",
    "MAX_PANELS",
    "MANIFEST",
    "FigureFiles",
    "FiguresFolderError",
    "LeftOut",
    "build_figures",
    "corpus_label",
    "figure_builder",
    "save_figure",
]

#: Resolution of every PNG (pixels per inch); with each figure's fixed size in inches,
#: this fixes the PNG's pixel size.
DPI = 150

#: Formats written by default: a PNG for screens and an SVG for print.
FORMATS = ("png", "svg")

_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_SAVE_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None},
    "pdf": {"CreationDate": None, "ModDate": None},
}


# ---------------------------------------------------------------------------- writing


def _safe_name(name: str) -> str:
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise ValueError(
            f"figure name {name!r} must be letters, digits, '_', '-' or '.', without a folder "
            "or an extension"
        )
    return name


def save_figure(
    fig: Figure,
    name: str,
    *,
    out_dir: str | Path | None = None,
    table: pd.DataFrame | None = None,
    formats: Iterable[str] = FORMATS,
) -> list[Path]:
    """Write ``fig`` as ``name.png`` / ``name.svg`` and ``table`` as ``name.csv``, then close it.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The Figure; its size in inches is kept (no tight bounding box), so the PNG has
        a fixed pixel size at :data:`DPI`.
    name : str
        File name without extension (letters, digits, ``_``, ``-``, ``.``).
    out_dir : str, Path or None
        Folder (created if needed); default the repository's ``figures/``.
    table : pandas.DataFrame or None
        The data behind the figure, written as CSV with its index, ``\\n`` line ends
        and floats with 10 significant digits.
    formats : iterable of str
        Any of ``png``, ``svg``, ``pdf``.

    Returns
    -------
    list of pathlib.Path
        The files written.

    Every file goes to a temporary file in ``out_dir`` and is renamed into place. PNG
    metadata carry no software version, SVGs no date and stable ids (a fixed
    ``svg.hashsalt``), so the same figure gives the same bytes.
    """
    out = Path(out_dir) if out_dir is not None else FIGURES_DIR
    out.mkdir(parents=True, exist_ok=True)
    _safe_name(name)
    written: list[Path] = []
    try:
        with plots.figure_style():
            for fmt in formats:
                if fmt not in _SAVE_METADATA:
                    raise ValueError(f"unsupported format {fmt!r}: use png, svg or pdf")
                path = out / f"{name}.{fmt}"
                atomic_write(
                    path,
                    lambda fh, fmt=fmt: fig.savefig(
                        fh, format=fmt, dpi=DPI, metadata=_SAVE_METADATA[fmt]
                    ),
                )
                written.append(path)
                if fig.get_layout_engine() is not None:
                    # laid out once, for the first format; the next ones keep that layout
                    # (the costliest part of drawing text-heavy figures)
                    fig.set_layout_engine("none")
        if table is not None:
            text = table.to_csv(lineterminator="\n", float_format="%.10g")
            path = out / f"{name}.csv"
            atomic_write(path, lambda fh: fh.write(text.encode("utf-8")))
            written.append(path)
    finally:
        plots.close_figure(fig)
    return written


def build_figures(
    corpus: Any = None,
    out_dir: str | Path | None = None,
    *,
    progress: bool | None = None,
    jobs: int | None = None,
    label: str | None = None,
) -> list[Path]:
    """Run every builder of :data:`FIGURE_BUILDERS` and write its figures.

    Parameters
    ----------
    corpus : pandas.DataFrame, str, Path or iterable of dict
        A corpus DataFrame (:func:`analysis.load_corpus`), a folder of articles, or
        ``None`` for the seeds.
    out_dir : str, Path or None
        Output folder, default the repository's ``figures/``.
    progress : bool or None
        Show a progress bar; default on a terminal (stderr) or in a notebook (a widget).
    jobs : int or None
        Worker processes drawing builders side by side (``None``: all cores; 1: one
        after the other in this process). Builders that cannot be sent to another
        process (defined in a notebook or inside a function) run in this process. Each
        worker holds a copy of the corpus (mind memory on a large one). The files are
        the same, byte for byte, whatever ``jobs``.
    label : str or None
        The corpus's name in the folder's manifest (default :func:`corpus_label`:
        ``"seeds"``, the absolute path of a folder or file, or ``"in memory"`` for a
        DataFrame or a stream).

    Returns
    -------
    FigureFiles
        Every file written (pathlib.Path), in the order of the builders: a list, whose
        attribute ``left_out`` lists the figures not drawn on this corpus and why
        (:class:`LeftOut`; e.g. ``frames_over_time`` on a corpus without dates).

    Raises
    ------
    FiguresFolderError
        If ``out_dir`` holds the figures of another corpus (its ``manifest.json``
        names another); nothing is written.
    ValueError
        If two figures have the same name (then no file of this run is written).

    A figures folder holds one corpus's figures: beside them, ``manifest.json`` names
    the corpus, its number of articles, the package version and the files. A run
    replaces the files of the last one on the same corpus and removes those it did not
    make again; Ctrl-C is held back while the files are renamed into place. A staging
    folder left by a killed run is removed by the next one.

    Every file is first written into a temporary folder inside ``out_dir``; only when
    every builder has finished and the names are checked are they renamed into place,
    so a failing builder leaves the previous figures as they were.
    """
    out = Path(out_dir) if out_dir is not None else FIGURES_DIR
    label = label if label is not None else corpus_label(corpus)
    previous = check_folder(out, label)  # before any work: refuse another corpus's folder
    n_jobs = resolve_jobs(jobs)
    if n_jobs > 1 and len(FIGURE_BUILDERS) > 1:
        # the workers' server imports pandas, matplotlib ... while this process does too
        worker_context(_FIGURE_PRELOAD, start=True)

    import pandas as pd
    from tqdm.auto import tqdm  # lazy: the console or the notebook (widget) bar

    if not isinstance(corpus, pd.DataFrame):
        corpus = load_corpus(corpus)
    progress = show_progress(progress)
    builders = list(FIGURE_BUILDERS)
    out.mkdir(parents=True, exist_ok=True)
    clear_stale_staging(out)
    names_found = names_and_note(corpus)  # one search, shared by the builders
    staging = Path(tempfile.mkdtemp(dir=out, prefix=f".figures-{os.getpid()}-", suffix=".tmp"))
    try:
        figure_builders._run_names = (corpus, names_found)
        with tqdm(
            total=len(builders),
            desc="figures",
            unit="step",
            disable=not progress,
            file=sys.stderr,
            leave=False,
        ) as bar:
            made = _run_builders(builders, corpus, staging, n_jobs, bar)
        seen: set[str] = set()
        drawn = [item for items in made for item in items if not isinstance(item, LeftOut)]
        for name, _files in drawn:
            if name in seen:
                raise ValueError(f"two figures are named {name!r}")
            seen.add(name)
        left_out = [item for items in made for item in items if isinstance(item, LeftOut)]
        names = [file for _name, files in drawn for file in files]
        write_manifest(staging / MANIFEST, label, len(corpus), names, readable_mode())
        with no_interrupt():  # the files of one run replace the last run's together
            for file in [*names, MANIFEST]:
                os.replace(staging / file, out / file)
            for file in sorted(set(previous) - set(names)):
                (out / file).unlink(missing_ok=True)  # a figure the last run made, not this one
    finally:
        figure_builders._run_names = None
        shutil.rmtree(staging, ignore_errors=True)
    return FigureFiles([out / file for file in names], left_out)


# (figure name, file names) of each figure of one builder, or why it left one out
Made = list["tuple[str, list[str]] | LeftOut"]


def _build(builder: Builder, corpus: pd.DataFrame, out: Path) -> Made:
    """Run one builder, saving its figures into ``out``; its figures' names and files.

    Each suptitle is wrapped to its figure's width (:func:`analysis.plots.fit_suptitle`).
    """
    made: Made = []
    seen: set[str] = set()
    with plots.figure_style():
        for spec in builder(corpus):
            if isinstance(spec, LeftOut):
                made.append(spec)
                continue
            name, fig, table, *rest = spec
            plots.fit_suptitle(fig)
            if name in seen:
                plots.close_figure(fig)
                raise ValueError(f"two figures are named {name!r}")
            seen.add(name)
            paths = save_figure(
                fig, name, out_dir=out, table=table, formats=rest[0] if rest else FORMATS
            )
            made.append((name, [p.name for p in paths]))
    return made


def _portable(builder: Builder) -> bool:
    """Can ``builder`` run in a worker process (importable by name from its module)?"""
    import pickle

    if getattr(builder, "__module__", None) in (None, "__main__"):
        return False  # a notebook's or script's function: workers cannot import it
    try:
        pickle.dumps(builder)
    except Exception:  # noqa: BLE001 - local functions, lambdas, closures
        return False
    return True


#: Modules a figure worker needs beyond the computing ones, imported once by the
#: worker processes' server.
_FIGURE_PRELOAD = ("analysis.figures", "analysis.plots", "matplotlib.figure", "wordcloud")

_worker_corpus: pd.DataFrame | None = None


def _init_worker(
    corpus: pd.DataFrame, cores: int, parent: int, names: tuple[frozenset[str], str]
) -> None:
    global _worker_corpus
    _worker_corpus = corpus
    figure_builders._run_names = (corpus, names)
    parallel._CORE_SHARE = cores  # pools started by builders share the machine
    parallel.exit_with_parent(parent)


def _build_in_worker(builder: Builder, out: str) -> Made:
    return _build(builder, _worker_corpus, Path(out))


def _run_builders(
    builders: list[Builder], corpus: pd.DataFrame, out: Path, jobs: int, bar
) -> list[Made]:
    """Every builder's figures, in builder order: in ``jobs`` worker processes, if > 1."""
    remote = [i for i, b in enumerate(builders) if _portable(b)] if jobs > 1 else []
    if len(remote) < 2:
        remote = []  # one builder: starting a worker costs more than it saves
    made: list[Made | None] = [None] * len(builders)
    local = sorted(set(range(len(builders))) - set(remote))
    if not remote:
        for i in local:
            made[i] = _build(builders[i], corpus, out)
            bar.update(1)
        return made
    from concurrent.futures import ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    n_workers = min(jobs, len(remote))
    cores = max(1, (os.cpu_count() or 1) // n_workers)
    try:
        with ProcessPoolExecutor(
            max_workers=n_workers,
            mp_context=worker_context(_FIGURE_PRELOAD),
            initializer=_init_worker,
            initargs=(corpus, cores, os.getpid(), _names_and_note(corpus)),
        ) as pool:
            futures = {pool.submit(_build_in_worker, builders[i], str(out)): i for i in remote}
            try:
                for i in local:  # builders only this process can run, meanwhile
                    made[i] = _build(builders[i], corpus, out)
                    bar.update(1)
                pending = set(futures)
                while pending:
                    done, pending = wait(pending, return_when="FIRST_COMPLETED")
                    for fut in done:
                        made[futures[fut]] = fut.result()
                        bar.update(1)
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise
    except BrokenProcessPool as exc:
        raise RuntimeError(BROKEN_POOL_MESSAGE) from exc
    return made
