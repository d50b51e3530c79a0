"""What the subcommands share: the one-line error, table output, the corpus and
parallel options."""

from __future__ import annotations

import argparse
import sys

from ..names import name_terms
from ..paths import SEEDS_DIR


class UsageError(Exception):
    """A problem with the command line or its input, reported in one line."""


# ---------------------------------------------------------------- output helpers


def emit_table(frame, fmt: str, *, index: bool = True) -> None:
    """Print a DataFrame as an aligned table, CSV or JSON (records) on stdout."""
    import pandas as pd

    if fmt == "csv":
        sys.stdout.write(frame.to_csv(index=index, lineterminator="\n"))
    elif fmt == "json":
        data = frame.reset_index() if index and frame.index.name else frame
        sys.stdout.write(data.to_json(orient="records", force_ascii=False, indent=2) + "\n")
    else:
        with pd.option_context(
            "display.max_rows",
            None,
            "display.max_columns",
            None,
            "display.width",
            200,
            "display.max_colwidth",
            80,
        ):
            sys.stdout.write(frame.to_string(index=index) + "\n")


def add_format_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="output format (default: table)",
    )


def add_corpus_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--corpus",
        metavar="DIR",
        default=None,
        help="folder of .txt articles, optionally with metadata.csv (default: seeds/)",
    )


def add_parallel_options(p: argparse.ArgumentParser) -> None:
    """--jobs, --engine and --quiet: how a large corpus is processed (analysis.parallel)."""
    p.add_argument(
        "--jobs",
        metavar="N",
        type=int,
        default=None,
        help="worker processes (default: all cores; corpora under 200 articles run "
        "serially; 1: serial)",
    )
    p.add_argument(
        "--engine",
        choices=("processes", "serial", "dask"),
        default="processes",
        help="processes (default), serial, or dask (the current Dask scheduler; needs the "
        "dask extra)",
    )
    if not any("--quiet" in a.option_strings for a in p._actions):
        p.add_argument("--quiet", action="store_true", help="no progress bar")


def parallel_kwargs(args: argparse.Namespace) -> dict:
    """jobs / engine / progress keyword arguments from the parsed options."""
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, got {args.jobs}")
    return {
        "jobs": args.jobs,
        "engine": args.engine,
        "progress": False if getattr(args, "quiet", False) else None,
    }


def corpus_source(args: argparse.Namespace):
    """The corpus folder to stream from (the seeds by default)."""
    return args.corpus if args.corpus is not None else SEEDS_DIR


def exclude_names(args: argparse.Namespace, source) -> frozenset[str]:
    """The names to leave out (:func:`analysis.names.name_terms`, as the figures do),
    or none with ``--keep-names``."""
    if getattr(args, "keep_names", False):
        return frozenset()
    return name_terms(source, **parallel_kwargs(args))


def top_per_group(table, top: int, grouped: bool):
    if top <= 0:
        return table
    return table.groupby(level=0, sort=False).head(top) if grouped else table.head(top)


def add_stem_options(p: argparse.ArgumentParser, *, stopwords: bool = True) -> None:
    p.add_argument("--stem", action="store_true", help="count stems instead of word forms")
    if stopwords:
        p.add_argument(
            "--keep-stopwords", action="store_true", help="count stopwords too (default: dropped)"
        )
    names = p.add_mutually_exclusive_group()
    names.add_argument(
        "--keep-names",
        action="store_true",
        help="count the names of people and places too (default: left out, as in the "
        "figures: names found in the text after office titles, honorifics and Kabupaten/"
        "Kota/Provinsi, capitalised inside sentences, and in the metadata)",
    )
    names.add_argument(
        "--drop-names",
        action="store_true",
        help="leave out the names of people and places: the default now (kept so that old "
        "commands still run)",
    )
