"""Command line: ``python -m analysis SUBCOMMAND ...`` (also installed as ``analysis``).

Each subcommand is a small function that parses its options, calls the computing
functions of the package, and prints or writes the result. Bad input exits with status
2 and a one-line error naming the file and the problem, never a traceback.

The subcommands live in three modules by what they do: ``tables`` (print a table of the
corpus), ``outputs`` (write or print files), ``tools`` (bench, cache, suggest, validate);
``common`` holds what they share.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable, Sequence

from ..coding_sheets import CodingError
from ..corpus import CorpusError, CorpusWarning
from .common import UsageError, emit_table
from .outputs import _add_clean, _add_figures, _add_report, _add_tidy_notebooks
from .tables import (
    _add_collocates,
    _add_frames,
    _add_keyness,
    _add_kwic,
    _add_quotes,
    _add_terms,
)
from .tools import _add_bench, _add_cache, _add_suggest, _add_validate

__all__ = ["main", "build_parser", "UsageError", "emit_table"]


SUBCOMMANDS: list[Callable] = [
    _add_clean,
    _add_report,
    _add_tidy_notebooks,
    _add_frames,
    _add_terms,
    _add_kwic,
    _add_collocates,
    _add_keyness,
    _add_figures,
    _add_quotes,
    _add_bench,
    _add_cache,
    _add_suggest,
    _add_validate,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Framing analysis of Indonesian regional-government news.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in SUBCOMMANDS:
        add(sub)
    return parser


_shown: set[str] = set()


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Warnings about the input (skipped files, articles without metadata) as one line
    each, ``warning: ...``, without the library's file and line, and once per run even
    when a subcommand reads the corpus twice."""
    if issubclass(category, CorpusWarning):
        if str(message) not in _shown:
            _shown.add(str(message))
            sys.stderr.write(f"warning: {message}\n")
    else:
        _default_show_warning(message, category, filename, lineno, file, line)


_default_show_warning = warnings.showwarning


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            _shown.clear()
            return int(args.func(args) or 0)
    except (CorpusError, UsageError, CodingError, FileExistsError) as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
