"""Command line: ``python -m analysis SUBCOMMAND ...`` (also installed as ``analysis``).

Each subcommand is a small function that parses its options, calls the computing
functions of the package, and prints or writes the result. Bad input exits with status
2 and a one-line error naming the file and the problem, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

__all__ = ["main", "build_parser"]


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
            "display.max_rows", None, "display.max_columns", None, "display.width", 200,
            "display.max_colwidth", 80,
        ):
            sys.stdout.write(frame.to_string(index=index) + "\n")


def add_format_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format", choices=("table", "csv", "json"), default="table",
        help="output format (default: table)",
    )


def add_corpus_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--corpus", metavar="DIR", default=None,
        help="folder of .txt articles, optionally with metadata.csv (default: seeds/)",
    )


# ---------------------------------------------------------------- subcommands

def _cmd_clean(args: argparse.Namespace) -> int:
    from .clean import clean_article
    from .corpus import read_article

    for i, name in enumerate(args.files):
        text, _ = read_article(name)
        art = clean_article(text)
        if len(args.files) > 1:
            sys.stdout.write(("\n" if i else "") + f"==> {name} <==\n")
        sys.stdout.write(art.body + "\n")
        if args.removed:
            sys.stdout.write("\n--- removed ---\n")
            for r in art.removed:
                sys.stdout.write(f"{r.line_no:>4}  {r.reason:<18} {r.text}\n")
    return 0


def _add_clean(sub) -> None:
    p = sub.add_parser("clean", help="print the cleaned body of article files")
    p.add_argument("files", nargs="+", metavar="FILE", help="raw article .txt files")
    p.add_argument(
        "--removed", action="store_true", help="also list the removed lines and why"
    )
    p.set_defaults(func=_cmd_clean)


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import build_report

    written = build_report(args.out, progress=not args.quiet)
    sys.stdout.write(f"report written: {written[-1]}\n")
    return 0


def _add_report(sub) -> None:
    p = sub.add_parser(
        "report", help="run every notebook and export a self-contained HTML report"
    )
    p.add_argument(
        "--out", metavar="DIR", default=None,
        help="output folder (default: <repository>-report/ beside the repository)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_report)


#: Columns of `frames` output besides the grouping column(s), in order.
FRAMES_COLUMNS = ("frame", "hits", "tokens", "per_1000", "share", "ci_low", "ci_high")


def _cmd_frames(args: argparse.Namespace) -> int:
    from .frames import FrameError, FrameMatcher, frame_scores
    from .paths import SEEDS_DIR

    by = "sentence" if args.by == "sentence" else [c.strip() for c in args.by.split(",")]
    voice = [v.strip() for v in args.voice.split(",")] if args.voice else None
    try:
        matcher = FrameMatcher(args.lexicon)
        scores = frame_scores(
            args.corpus if args.corpus is not None else SEEDS_DIR,
            by=by, voice=voice, lexicon=matcher, n_boot=args.n_boot, seed=args.seed,
        )
    except FrameError as exc:
        raise UsageError(str(exc)) from None
    keys = ["doc_id", "sentence_no", "sentence", "voice"] if by == "sentence" else by
    table = scores[[*keys, *FRAMES_COLUMNS]].round(
        {"per_1000": 4, "share": 4, "ci_low": 4, "ci_high": 4}
    )
    emit_table(table, args.format, index=False)
    return 0


def _add_frames(sub) -> None:
    p = sub.add_parser(
        "frames",
        help="frame hits, rates per 1,000 tokens, shares and bootstrap intervals per group",
        description=(
            "Score the performance / coordination / discipline frames (or those of your "
            "lexicon) per article, per metadata group, per voice or per sentence. One row "
            "per group and frame: hits, tokens, per_1000, share and a percentile bootstrap "
            "interval (ci_low, ci_high) of per_1000."
        ),
    )
    add_corpus_option(p)
    p.add_argument(
        "--by", metavar="COLUMN", default="doc_id",
        help="group by doc_id (default), a metadata column (leader, role, level, date ...), "
        "voice, several columns separated by commas, or 'sentence' (one row per sentence "
        "and frame, with its text and voice, to read against a hand coding)",
    )
    p.add_argument(
        "--voice", metavar="VOICE", default=None,
        help="keep only sentences of this voice: direct, indirect or narration "
        "(several separated by commas)",
    )
    p.add_argument(
        "--lexicon", metavar="FILE", default=None,
        help="your own lexicon (.csv with frame,entry,match,rationale or .yaml); "
        "default: the packaged one",
    )
    p.add_argument(
        "--n-boot", metavar="N", type=int, default=1000,
        help="bootstrap resamples for the intervals (default: 1000; 0: none)",
    )
    p.add_argument("--seed", type=int, default=12345, help="random seed (default: 12345)")
    add_format_option(p)
    p.set_defaults(func=_cmd_frames)


#: Functions that add one subcommand each to the parser. Add new subcommands here.
SUBCOMMANDS: list[Callable] = [
    _add_clean,
    _add_report,
    _add_frames,
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


def main(argv: Sequence[str] | None = None) -> int:
    from .corpus import CorpusError

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (CorpusError, UsageError) as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
