"""Subcommands that write or print files: ``clean``, ``report``, ``tidy-notebooks``,
``figures``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..clean import clean_article
from ..corpus import CorpusError, read_article, skipped_summary
from ..figure_folder import FiguresFolderError, default_folder
from ..paths import NOTEBOOKS_DIR
from .common import (
    UsageError,
    add_corpus_option,
    add_reading_options,
    corpus_source,
    reading_options,
    repository_folder,
)


def _read_files(files: list[str], on_error: str, encoding: str) -> list[tuple[str, str]]:
    """(name, text) of each readable file; with ``on_error="raise"`` every bad file is
    named in one error, with ``"skip"`` in one warning line."""
    texts: list[tuple[str, str]] = []
    errors: list[CorpusError] = []
    for name in files:
        try:
            texts.append((name, read_article(name, encoding)[0]))
        except CorpusError as exc:
            errors.append(exc)
    if errors and (on_error == "raise" or not texts):
        if len(errors) == 1:
            raise errors[0]
        raise CorpusError(f"{len(errors)} bad files:\n  " + "\n  ".join(map(str, errors)))
    if errors:
        sys.stderr.write(f"warning: {skipped_summary(errors, noun='file')}\n")
    return texts


def _cmd_clean(args: argparse.Namespace) -> int:
    texts = _read_files(args.files, **reading_options(args))
    for i, (name, text) in enumerate(texts):
        art = clean_article(text)
        if len(texts) > 1:
            sys.stdout.write(("\n" if i else "") + f"==> {name} <==\n")
        sys.stdout.write(art.body + "\n")
        if args.removed:
            sys.stdout.write("\n--- removed ---\n")
            for r in art.removed:
                sys.stdout.write(f"{r.line_no:>4}  {r.reason:<18} {r.text}\n")
    return 0


def _add_clean(sub) -> None:
    p = sub.add_parser("clean", help="print the cleaned body of article files")
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="raw article .txt files or saved .html pages"
    )
    p.add_argument("--removed", action="store_true", help="also list the removed lines and why")
    add_reading_options(p)
    p.set_defaults(func=_cmd_clean)


def _cmd_report(args: argparse.Namespace) -> int:
    from ..report import build_report  # lazy: nbconvert and a kernel, for the report only

    repository_folder(NOTEBOOKS_DIR, "run the report from a source checkout (pip install -e .)")
    written = build_report(args.out, progress=not args.quiet)
    sys.stdout.write(f"report written: {written[-1]}\n")
    return 0


def _cmd_tidy_notebooks(args: argparse.Namespace) -> int:
    from ..notebook_files import tidy_notebooks  # lazy: nbformat, for this tool only

    if args.folder is None:
        repository_folder(NOTEBOOKS_DIR, "pass --folder DIR")
    try:
        notebooks = tidy_notebooks(args.folder)
    except RuntimeError as exc:
        raise UsageError(str(exc)) from None
    sys.stdout.write(f"{len(notebooks)} notebook(s) synced with their scripts, outputs cleared\n")
    return 0


def _add_tidy_notebooks(sub) -> None:
    p = sub.add_parser(
        "tidy-notebooks",
        help="after saving notebooks in JupyterLab: sync each with its .py pair, clear outputs",
    )
    p.add_argument(
        "--folder",
        metavar="DIR",
        default=None,
        help="folder of notebooks (default: the repository's notebooks/)",
    )
    p.set_defaults(func=_cmd_tidy_notebooks)


def _add_report(sub) -> None:
    p = sub.add_parser("report", help="run every notebook and export a self-contained HTML report")
    p.add_argument(
        "--out",
        metavar="DIR",
        default=None,
        help="output folder (default: <repository>-report/ beside the repository)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_report)


def _cmd_figures(args: argparse.Namespace) -> int:
    from ..figures import build_figures  # lazy: matplotlib, loaded only to draw

    source = corpus_source(args)  # the seeds by default; without them, say what to pass
    out = Path(args.out) if args.out is not None else default_folder(source)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, got {args.jobs}")
    try:
        written = build_figures(source, out, progress=False if args.quiet else None, jobs=args.jobs)
    except FiguresFolderError as exc:
        raise UsageError(str(exc)) from None
    except KeyboardInterrupt:
        sys.stderr.write("interrupted; nothing was changed\n")
        return 130
    n_figures = len({p.stem for p in written})
    sys.stdout.write(f"{n_figures} figure(s), {len(written)} files, written to {out}\n")
    for left_out in written.left_out:  # what this corpus cannot have, and why
        sys.stdout.write(f"{left_out}\n")
    return 0


def _add_figures(sub) -> None:
    p = sub.add_parser(
        "figures",
        help="regenerate every figure (PNG, SVG) with its table (CSV) into figures/",
    )
    add_corpus_option(p)
    p.add_argument(
        "--out",
        metavar="DIR",
        default=None,
        help="output folder (default: the repository's figures/ for the seeds; for "
        "--corpus DIR, figures-DIRNAME in the current folder). A folder holds one "
        "corpus's figures (manifest.json names it): another corpus's folder is refused",
    )
    p.add_argument(
        "--jobs",
        metavar="N",
        type=int,
        default=None,
        help="worker processes drawing figures side by side (default: all cores; 1: one "
        "after the other); the files are the same whatever N",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_figures)
