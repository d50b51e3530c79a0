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
``FIGURE_BUILDERS.append(builder)`` in this module; files are listed in builder order
(builders defined in a notebook or inside a function cannot be sent to a worker and run
in the calling process)::

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
from collections.abc import Callable, Hashable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import parallel, plots
from .corpus import load_corpus
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
from .frames import FrameMatcher, frame_cooccurrence, frame_scores
from .kernel import show_progress
from .keyness import comparison_terms, keyness_by_group
from .kwic import dispersion
from .missing_figures import FigureFiles, LeftOut, by_name, corpus_shape, no_comparison, no_panels
from .names import names_and_note
from .parallel import BROKEN_POOL_MESSAGE, resolve_jobs, worker_context
from .paths import FIGURES_DIR
from .quotes import sentence_table
from .terms import collocations, term_counts, term_frequencies, tfidf

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

#: Formats of raster-only figures (word clouds are images even inside an SVG).
RASTER = ("png",)

#: Figures with one panel or file per article are made when the corpus has at most this
#: many articles; larger corpora get them per leader (when there are at most this many
#: leaders) and no per-article word clouds or x-ray plot.
MAX_PANELS = 12

#: Key terms of the three frames shown in the x-ray plot, matched by stem (so
#: ``kinerja`` also finds *kinerjanya*, ``disiplin`` *kedisiplinan*); the head words of
#: each frame in the project's frame lexicon.
FRAME_KEY_TERMS: dict[str, tuple[str, ...]] = {
    "performance": ("kinerja", "evaluasi", "realisasi"),
    "coordination": ("koordinasi", "komunikasi", "sinergi*"),
    "discipline": ("disiplin", "tupoksi", "apel"),
}

FigureSpec = tuple  # (name, Figure, DataFrame), (name, Figure, DataFrame, formats) or LeftOut
Builder = Callable[["pd.DataFrame"], Iterator[FigureSpec]]

#: The figure builders, run in order by :func:`build_figures`. Append to add figures.
FIGURE_BUILDERS: list[Builder] = []

_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_SAVE_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None},
    "pdf": {"CreationDate": None, "ModDate": None},
}


def figure_builder(func: Builder) -> Builder:
    """Decorator: append ``func`` to :data:`FIGURE_BUILDERS` and return it unchanged."""
    FIGURE_BUILDERS.append(func)
    return func


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
    global _run_names
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
        _run_names = (corpus, names_found)
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
        _run_names = None
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

#: ``(corpus, names_and_note(corpus))`` while :func:`build_figures` runs (and in its
#: workers): the names are searched once per run, not once per builder.
_run_names: tuple[pd.DataFrame, tuple[frozenset[str], str]] | None = None


def _names_and_note(corpus: pd.DataFrame) -> tuple[frozenset[str], str]:
    """:func:`analysis.names.names_and_note` of ``corpus``: the run's, when a builder
    draws the corpus of the current :func:`build_figures` run, else searched here (a
    builder called on its own)."""
    if _run_names is not None and _run_names[0] is corpus:
        return _run_names[1]
    return names_and_note(corpus)


def _init_worker(
    corpus: pd.DataFrame, cores: int, parent: int, names: tuple[frozenset[str], str]
) -> None:
    global _worker_corpus, _run_names
    _worker_corpus = corpus
    _run_names = (corpus, names)
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


# ---------------------------------------------------------------------------- helpers


def _known(row: pd.Series, column: str) -> str:
    value = row.get(column)
    return value if isinstance(value, str) else ""


def _doc_labels(corpus: pd.DataFrame) -> dict[Hashable, str]:
    """``000 · M. Rahmattullah (Sekretaris Daerah)`` when leader and role are known."""
    labels = {}
    for doc_id, row in corpus.iterrows():
        leader, role = _known(row, "leader"), _known(row, "role")
        who = f"{leader} ({role})" if leader and role else leader or role
        labels[doc_id] = f"{doc_id} \u00b7 {who}" if who else str(doc_id)
    return labels


def _group_labels(corpus: pd.DataFrame, by: str) -> dict[Hashable, str]:
    if by == "doc_id":
        return _doc_labels(corpus)
    labels = {}
    for value, rows in corpus.groupby(by, sort=True):
        roles = sorted({r for r in rows.get("role", []) if isinstance(r, str) and r})
        labels[value] = f"{value} ({', '.join(roles)})" if roles else str(value)
    return labels


def _panel_by(corpus: pd.DataFrame) -> str | None:
    """Grouping for small multiples: articles if few, else leaders if few, else none."""
    if len(corpus) <= MAX_PANELS:
        return "doc_id"
    if "leader" in corpus.columns and corpus["leader"].nunique() <= MAX_PANELS:
        return "leader"
    return None


def _compare_by(corpus: pd.DataFrame) -> str | None:
    """Grouping for keyness and comparison clouds: leaders, else articles (if few)."""
    if "leader" in corpus.columns and 2 <= corpus["leader"].nunique() <= MAX_PANELS:
        return "leader"
    if 2 <= len(corpus) <= MAX_PANELS:
        return "doc_id"
    return None


def _file_part(value: Hashable) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", str(value)).strip("_.") or "x"


# ---------------------------------------------------------------------------- frames

#: Most rows (articles or leaders) in a frame profile, heatmap or per-article time plot;
#: with more articles the heatmap and time plot are drawn per leader and per year, and
#: the profile shows the leaders with most words.
MAX_FRAME_ROWS = 40

_CI_NOTE = (
    "95% percentile bootstrap intervals, 1,000 resamples: sentences resampled within a single "
    "article,\narticles within a group of several"
)


def _frame_row_labels(corpus: pd.DataFrame, scores: pd.DataFrame, by: str) -> dict:
    """Group label with the number of articles and sentences behind it."""
    base = _group_labels(corpus, by)
    sizes = scores.drop_duplicates(by).set_index(by)[["n_articles", "n_sentences"]]
    labels = {}
    for key, (n_art, n_sent) in sizes.iterrows():
        art = f"{n_art} articles, " if n_art != 1 else ""
        labels[key] = f"{base.get(key, key)}\n{art}{n_sent} sentences"
    return labels


# ---------------------------------------------------------------------------- builders
# Costliest first (word clouds, frames, top terms ...): with builders drawn side by side
# (jobs > 1) the long ones start first and the short ones fill in, so the workers finish
# together.


@figure_builder
def word_clouds(corpus: pd.DataFrame) -> Iterator[FigureSpec]:
    """Word cloud of the corpus, one per article, and a comparison cloud."""
    names, note = _names_and_note(corpus)
    table = term_frequencies(corpus, exclude=names).head(100)
    fig = plots.new_figure((8.0, 4.8))
    plots.plot_wordcloud(table, ax=fig.subplots(), max_words=100)
    fig.suptitle(f"Word cloud of the corpus ({note})", fontsize=10)
    yield "wordcloud_corpus", fig, table, RASTER

    if len(corpus) > MAX_PANELS:
        yield LeftOut(
            "wordcloud_NNN",
            f"one per article only up to {MAX_PANELS} articles; the corpus has {len(corpus)}",
        )
    else:
        labels = _doc_labels(corpus)
        per_doc = term_frequencies(corpus, by="doc_id", exclude=names)
        for doc_id in corpus.index:
            if doc_id not in per_doc.index.get_level_values(0):
                continue
            table = per_doc.loc[[doc_id]].head(60)
            fig = plots.new_figure((8.0, 4.8))
            plots.plot_wordcloud(table.loc[doc_id], ax=fig.subplots(), max_words=60)
            fig.suptitle(f"Word cloud of article {labels[doc_id]} ({note})", fontsize=10)
            yield f"wordcloud_{_file_part(doc_id)}", fig, table, RASTER

    by = _compare_by(corpus)
    if by is None:
        yield no_comparison(corpus, "comparison_cloud", MAX_PANELS)
        return
    counts = term_counts(corpus, by=by, exclude=names)
    table = comparison_terms(counts, max_words=100)  # as many as fit at a readable size
    fig = plots.new_figure((9.0, 6.8))
    plots.plot_comparison_cloud(
        table, ax=fig.subplots(), groups=list(counts), labels=_group_labels(corpus, by)
    )
    fig.suptitle(
        f"Comparison cloud by {by}: each term sits with the {by} whose share of it most "
        "exceeds\nthe mean share over all; size = that excess (" + note + ")",
        fontsize=10,
    )
    yield "comparison_cloud", fig, table, RASTER


@figure_builder
def frame_figures(corpus: pd.DataFrame) -> Iterator[FigureSpec]:
    """Frames: profile per leader, article x frame heatmap, voices, time, co-occurrence."""
    import pandas as pd

    sentences = sentence_table(corpus)
    if sentences.empty:
        yield LeftOut("frames_* (every frame figure)", "the corpus has no sentence")
        return
    matcher = FrameMatcher()
    has_leader = "leader" in sentences.columns and sentences["leader"].notna().any()

    # profile per leader (or per article), with intervals
    by = "leader" if has_leader else "doc_id"
    scores = frame_scores(sentences, by=by, lexicon=matcher)
    sizes = scores.drop_duplicates(by).sort_values("tokens", ascending=False, kind="mergesort")
    keep = set(sizes[by].head(MAX_FRAME_ROWS))
    shown = scores[scores[by].isin(keep)].reset_index(drop=True)
    shown.index.name = "row"
    k, n_all = shown[by].nunique(), len(sizes)
    what = "article" if by == "doc_id" else by
    subset = f" ({k} of {n_all} {what}s with most words shown)" if k < n_all else ""
    if subset:  # the CSV says it too: each row's rank by words, and how many there were
        rank = {key: i + 1 for i, key in enumerate(sizes[by])}
        shown = shown.assign(rank_by_words=shown[by].map(rank), n_groups=n_all)
    fig = plots.new_figure((8.0, 0.62 * k + 1.7))
    plots.plot_frame_profile(
        shown, ax=fig.subplots(), group=by, labels=_frame_row_labels(corpus, shown, by)
    )
    fig.suptitle(
        f"Frame profile per {what}{subset}: lexicon hits per 1,000 words\n{_CI_NOTE}",
        fontsize=9,
    )
    yield f"frames_profile_by_{what}", fig, shown

    # article x frame heatmap of rates
    rows_by = "doc_id" if len(corpus) <= MAX_FRAME_ROWS else "leader" if has_leader else None
    no_heatmap = LeftOut(
        by_name(corpus, "frames_heatmap"),
        f"one row per article up to {MAX_FRAME_ROWS} articles, or per leader up to "
        f"{MAX_FRAME_ROWS} leaders; {corpus_shape(corpus)}",
    )
    if rows_by is None:
        yield no_heatmap
    else:
        scores = frame_scores(sentences, by=rows_by, lexicon=matcher, n_boot=0)
        if scores[rows_by].nunique() <= MAX_FRAME_ROWS:
            scores = scores.drop(columns=["ci_low", "ci_high", "share_ci_low", "share_ci_high"])
            k = scores[rows_by].nunique()
            fig = plots.new_figure((7.2, 0.42 * k + 1.6))
            plots.plot_frame_heatmap(
                scores, ax=fig.subplots(), index=rows_by, labels=_group_labels(corpus, rows_by)
            )
            what = "article" if rows_by == "doc_id" else rows_by
            fig.suptitle(f"Frame hits per 1,000 words, per {what}", fontsize=10)
            yield f"frames_heatmap_by_{what}", fig, scores
        else:
            yield no_heatmap

    # the leader's direct words against reported speech and narration
    pooled = frame_scores(sentences, by="voice", lexicon=matcher)
    panels = [("all articles", pooled)]
    table = [pooled.assign(leader="(all articles)")]
    if has_leader and 2 <= sentences["leader"].nunique() <= MAX_PANELS - 1:
        per = frame_scores(sentences, by=["leader", "voice"], lexicon=matcher)
        labels = _group_labels(corpus, "leader")
        for leader, part in per.groupby("leader", sort=True):
            panels.append((labels.get(leader, leader), part))
        table.append(per)
    table = pd.concat(table, ignore_index=True)
    table = table[["leader", *[c for c in table.columns if c != "leader"]]]
    table.index.name = "row"
    ncols = min(3, len(panels))
    nrows = -(-len(panels) // ncols)
    fig = plots.new_figure((max(3.7 * ncols, 6.4), 3.0 * nrows + 0.7))  # room for the title
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    for ax, (title, part) in zip(axes, panels):
        plots.plot_voice_comparison(part, ax=ax, title=title)
    for ax in axes[len(panels) :]:
        ax.set_visible(False)
    fig.suptitle(
        "Frames in the leader's direct words, reported (indirect) speech and the "
        f"journalist's narration (each panel has its own scale)\n{_CI_NOTE}",
        fontsize=9,
    )
    yield "frames_by_voice", fig, table

    yield from _frames_over_time(corpus, sentences, matcher, has_leader)

    # co-occurrence of frames within sentences
    table = frame_cooccurrence(sentences, lexicon=matcher)
    fig = plots.new_figure((4.8, 4.0))
    plots.plot_frame_cooccurrence(table, ax=fig.subplots())
    fig.suptitle(
        "Sentences in which two frames occur together\n(diagonal: sentences with the frame)",
        fontsize=9,
    )
    yield "frames_cooccurrence", fig, table


def _frames_over_time(
    corpus: pd.DataFrame, sentences: pd.DataFrame, matcher: FrameMatcher, has_leader: bool
) -> Iterator[FigureSpec]:
    """Frames over time: per article on small corpora, per year on large ones."""
    if "date" not in sentences.columns:
        yield LeftOut("frames_over_time", "the corpus has no date column")
        return
    if not sentences["date"].notna().any():
        yield LeftOut("frames_over_time", "no article of the corpus has a date")
        return
    if len(corpus) <= MAX_FRAME_ROWS:
        scores = frame_scores(sentences, lexicon=matcher)
        meta = sentences.drop_duplicates("doc_id").set_index("doc_id")
        cols = ["date"] + (["leader"] if has_leader else [])
        scores = scores.join(meta[cols], on="doc_id")
        scores = scores[["doc_id", *cols, *[c for c in scores if c not in ("doc_id", *cols)]]]
        label, what, lines = ("leader" if has_leader else "doc_id"), "article", False
    else:
        dated = sentences.assign(year=sentences["date"].astype(str).str[:4])
        scores = frame_scores(dated, by="year", lexicon=matcher)
        scores = scores.assign(date=scores["year"])
        label, what, lines = None, "year", True
    docs = sentences.drop_duplicates("doc_id")
    undated = int(docs["date"].isna().sum())
    subset = f"; {undated} of {len(docs)} articles without a date left out" if undated else ""
    fig = plots.new_figure((8.8, 4.4))
    plots.plot_frames_over_time(scores, ax=fig.subplots(), label=label, lines=lines)
    fig.suptitle(f"Frames over time, per {what} (95% bootstrap intervals{subset})", fontsize=9)
    yield "frames_over_time", fig, scores


@figure_builder
def top_terms(corpus: pd.DataFrame) -> Iterator[FigureSpec]:
    """Most frequent terms of the corpus, and per article (small multiples)."""
    names, note = _names_and_note(corpus)
    table = term_frequencies(corpus, exclude=names).head(25)
    fig = plots.new_figure((6.4, 6.6))
    plots.plot_top_terms(table, ax=fig.subplots(), n=25, column="count")
    fig.suptitle(f"Most frequent terms in the corpus\n({note})", fontsize=10)
    yield "top_terms_corpus", fig, table

    by = _panel_by(corpus)
    if by is None:
        yield no_panels(corpus, "top_terms", MAX_PANELS)
        return
    grouped = term_frequencies(corpus, by=by, exclude=names)
    grouped = grouped[grouped.groupby(level=0, sort=False).cumcount() < 10]
    k = grouped.index.get_level_values(0).nunique()
    rows = -(-k // 3)
    fig = plots.new_figure((11.0, 2.9 * rows + 0.6))
    plots.plot_top_terms_grid(
        grouped, fig=fig, n=10, column="per_1000", ncols=3, titles=_group_labels(corpus, by)
    )
    fig.suptitle(
        f"Top terms per {'article' if by == 'doc_id' else by}, per 1,000 words on a shared "
        f"scale ({note})",
        fontsize=10,
    )
    yield f"top_terms_by_{'article' if by == 'doc_id' else by}", fig, grouped


@figure_builder
def collocations_figure(corpus: pd.DataFrame) -> Iterator[FigureSpec]:
    """Strongest two-word collocations (log-likelihood), as a table figure."""
    names, note = _names_and_note(corpus)
    table = collocations(corpus, n=2, min_freq=3, exclude=names).head(20)
    fig = plots.new_figure((6.6, 0.3 * (len(table) + 1) + 0.8))
    plots.plot_collocations(table, ax=fig.subplots(), n=20)
    fig.suptitle(
        "Strongest collocations: two-word sequences inside sentences seen at least 3 times,\n"
        f"ranked by log-likelihood G2 ({note})",
        fontsize=10,
    )
    yield "collocations", fig, table


@figure_builder
def keyness_figure(corpus: pd.DataFrame) -> Iterator[FigureSpec]:
    """Keyness of each leader (or article) against the rest, as diverging bars."""
    import pandas as pd

    by = _compare_by(corpus)
    if by is None:
        yield no_comparison(corpus, by_name(corpus, "keyness"), MAX_PANELS)
        return
    n = 8
    names, note = _names_and_note(corpus)
    table = keyness_by_group(corpus, by=by, exclude=names)
    shown = []
    for group in dict.fromkeys(table.index.get_level_values(0)):
        part = table.loc[[group]]
        chosen = pd.concat([part[part["g2"] > 0].head(n), part[part["g2"] < 0].iloc[::-1].head(n)])
        shown.append(chosen.sort_values("log_ratio", ascending=False, kind="mergesort"))
    shown = pd.concat(shown)  # the rows drawn, in the order drawn (by Log Ratio)
    k = shown.index.get_level_values(0).nunique()
    fig = plots.new_figure((10.0, 3.5 * -(-(k + 1) // 2) + 0.5))
    plots.plot_keyness_grid(
        shown,
        fig=fig,
        n=n,
        ncols=2,
        titles=_group_labels(corpus, by),
        reference=f"the other {by}s' articles" if by != "doc_id" else "the other articles",
    )
    fig.suptitle(
        f"Keyness: each {'article' if by == 'doc_id' else by} against the rest "
        f"(Log Ratio, log-likelihood G2; {note})",
        fontsize=10,
    )
    yield f"keyness_by_{'article' if by == 'doc_id' else by}", fig, shown


@figure_builder
def distinctive_terms(corpus: pd.DataFrame) -> Iterator[FigureSpec]:
    """Document-distinctive terms by TF-IDF, one panel per article."""
    by = _panel_by(corpus)
    if by is None:
        yield no_panels(corpus, "tfidf", MAX_PANELS)
        return
    names, note = _names_and_note(corpus)
    table = tfidf(corpus, by=by, top=8, exclude=names)
    k = table.index.get_level_values(0).nunique()
    fig = plots.new_figure((11.0, 2.6 * -(-k // 3) + 0.6))
    plots.plot_top_terms_grid(
        table,
        fig=fig,
        n=8,
        column="tfidf",
        ncols=3,
        titles=_group_labels(corpus, by),
        color=plots.PALETTE[2],
    )
    fig.suptitle(
        f"Distinctive terms by TF-IDF (relative frequency x smoothed idf; {note})",
        fontsize=10,
    )
    yield f"tfidf_by_{'article' if by == 'doc_id' else by}", fig, table


@figure_builder
def dispersion_figure(corpus: pd.DataFrame) -> Iterator[FigureSpec]:
    """X-ray plot of the three frames' key terms across the articles."""
    if len(corpus) > MAX_PANELS:
        yield LeftOut(
            "dispersion_frames",
            f"one block per article only up to {MAX_PANELS} articles; the corpus has {len(corpus)}",
        )
        return
    frame_of = {t: f for f, ts in FRAME_KEY_TERMS.items() for t in ts}
    key_terms = list(frame_of)
    table = dispersion(corpus, key_terms, stem=True)
    table.insert(2, "frame", [frame_of[t] for t in table["term"]])
    rows = len(corpus) * (len(key_terms) + 1)
    fig = plots.new_figure((9.0, 0.17 * rows + 1.2))
    plots.plot_dispersion(
        table,
        ax=fig.subplots(),
        terms=key_terms,
        docs=list(corpus.index),
        labels=_doc_labels(corpus),
        hue="frame",
    )
    fig.suptitle(
        "Where the frames' key terms occur in each article (matched by stem; "
        "'sinergi*' = sinergi, sinergitas ...)",
        fontsize=10,
    )
    yield "dispersion_frames", fig, table
