"""What the subcommands share: the one-line error, table output, the corpus and
parallel options."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..corpus import CorpusError, CorpusSource, check_encoding, default_corpus
from ..names import NamesInText, name_terms
from ..tokens import DEFAULT_STOPWORDS, read_stopwords


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


def add_count_option(
    p: argparse.ArgumentParser, flag: str, default: int, text: str, *, zero: str = ""
) -> None:
    """An integer option ``N`` whose help is ``text`` with its default (and what 0 means):
    ``rows per group (default: 30; 0: all)``."""
    if_zero = f"; 0: {zero}" if zero else ""
    p.add_argument(
        flag, metavar="N", type=int, default=default, help=f"{text} (default: {default}{if_zero})"
    )


def add_corpus_option(p: argparse.ArgumentParser) -> None:
    """--corpus, --on-error and --encoding: which corpus, and how to read it."""
    p.add_argument(
        "--corpus",
        metavar="DIR",
        default=None,
        help="folder of .txt articles and saved .html pages, optionally with metadata.csv, "
        "or a .jsonl/.csv/.parquet file of articles (default: seeds/)",
    )
    add_reading_options(p)


def add_reading_options(p: argparse.ArgumentParser) -> None:
    """--on-error and --encoding: how article files are read."""
    p.add_argument(
        "--on-error",
        choices=("stop", "skip"),
        default="stop",
        help="stop (default): a bad file (empty, binary, wrong encoding ...) stops the run, "
        "and the error lists every bad file; skip: leave bad files out, with a one-line "
        "summary naming them",
    )
    p.add_argument(
        "--encoding",
        default="utf-8",
        metavar="NAME",
        help="text encoding of the articles: utf-8 (default), cp1252 or latin-1 for old "
        "Windows or Latin-1 scrapes",
    )


def reading_options(args: argparse.Namespace) -> dict:
    """``on_error`` and ``encoding`` keyword arguments from the parsed options."""
    try:
        encoding = check_encoding(args.encoding)
    except CorpusError as exc:
        raise UsageError(f"--encoding: {exc}") from None
    return {"on_error": "skip" if args.on_error == "skip" else "raise", "encoding": encoding}


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


def add_coder_options(p: argparse.ArgumentParser, coder_help: str) -> None:
    """``--coder lexicon|model`` and ``--model FILE`` (the opt-in trained model)."""
    p.add_argument("--coder", choices=("lexicon", "model"), default="lexicon", help=coder_help)
    p.add_argument(
        "--model",
        metavar="FILE",
        default=None,
        help="with --coder model: a model file of your own (default: the packaged one)",
    )


def model_option(args: argparse.Namespace) -> str | None:
    """The ``--model`` file, refused without ``--coder model``."""
    if args.model is not None and args.coder != "model":
        raise UsageError("--model FILE is used with --coder model")
    return args.model


def parallel_kwargs(args: argparse.Namespace) -> dict:
    """jobs / engine / progress keyword arguments from the parsed options."""
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, got {args.jobs}")
    return {
        "jobs": args.jobs,
        "engine": args.engine,
        "progress": False if getattr(args, "quiet", False) else None,
    }


def corpus_source(args: argparse.Namespace) -> CorpusSource:
    """The corpus to stream from, with the reading options: the seeds by default, and
    without them (a plain install) a :class:`~analysis.corpus.CorpusError` that says to
    pass ``--corpus DIR``."""
    path = args.corpus if args.corpus is not None else default_corpus()
    return CorpusSource(path, **reading_options(args))


def repository_folder(folder: Path, what_to_do: str) -> Path:
    """``folder`` of the repository (``notebooks/``) if it is there, else a
    :class:`UsageError` saying ``what_to_do``: a plain ``pip install`` has only the
    package, not the repository's folders beside it."""
    if not folder.is_dir():
        raise UsageError(f"no {folder.name}/ folder beside the package ({folder}): {what_to_do}")
    return folder


def exclude_names(
    args: argparse.Namespace, source, *, while_counting: bool = False
) -> frozenset[str] | NamesInText:
    """The names to leave out (:func:`analysis.names.name_terms`, as the figures do),
    or none with ``--keep-names``. ``while_counting``: a :class:`~analysis.names.
    NamesInText` that the counting functions work out in their own pass over the corpus
    (the same table, the corpus read once)."""
    if getattr(args, "keep_names", False):
        return frozenset()
    if while_counting:
        return NamesInText()
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
        add_stopword_options(p)
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


def add_stopword_options(p: argparse.ArgumentParser) -> None:
    """--stopwords FILE (adds to the default list) and --stopwords-replace FILE."""
    p.add_argument(
        "--stopwords",
        metavar="FILE",
        action="append",
        default=[],
        help="also drop the words of FILE (UTF-8, one word a line, # starts a comment); "
        "may be given more than once",
    )
    p.add_argument(
        "--stopwords-replace",
        metavar="FILE",
        action="append",
        default=[],
        help=f"drop the words of FILE instead of the default list ({len(DEFAULT_STOPWORDS)} "
        "words: Sastrawi's Indonesian stopwords plus honorifics and attribution verbs, "
        "minus the frame words); with --stopwords, both files' words",
    )


def stopword_kwargs(args: argparse.Namespace) -> dict:
    """``{"stopwords": ...}`` from --stopwords / --stopwords-replace ({} without them)."""
    add = getattr(args, "stopwords", None) or []
    replace = getattr(args, "stopwords_replace", None) or []
    if not add and not replace:
        return {}
    if getattr(args, "keep_stopwords", False):
        raise UsageError("--keep-stopwords keeps every word: it cannot be used with --stopwords")
    try:
        base = frozenset().union(*map(read_stopwords, replace)) if replace else DEFAULT_STOPWORDS
        return {"stopwords": base.union(*map(read_stopwords, add))}
    except ValueError as exc:
        raise UsageError(str(exc)) from None
