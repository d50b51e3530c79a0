"""Command line: ``python -m analysis SUBCOMMAND ...`` (also installed as ``analysis``).

Each subcommand is a small function that parses its options, calls the computing
functions of the package, and prints or writes the result. Bad input exits with status
2 and a one-line error naming the file and the problem, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .clean import clean_article
from .coding_sheets import CodingError, coder_agreement, sample_for_coding, score_coding
from .corpus import CorpusError, read_article
from .figure_folder import FiguresFolderError, default_folder
from .frames import frame_scores
from .keyness import keyness_by_group
from .kwic import kwic_table
from .lexicon import FrameError, FrameMatcher
from .paths import SEEDS_DIR
from .quotes import quote_table
from .suggest import suggest_entries
from .synthetic import synthetic_articles
from .terms import metadata_terms, term_frequencies

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


def _parallel(args: argparse.Namespace) -> dict:
    """jobs / engine / progress keyword arguments from the parsed options."""
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, got {args.jobs}")
    return {
        "jobs": args.jobs,
        "engine": args.engine,
        "progress": False if getattr(args, "quiet", False) else None,
    }


# ---------------------------------------------------------------- subcommands


def _cmd_clean(args: argparse.Namespace) -> int:
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
    p.add_argument("--removed", action="store_true", help="also list the removed lines and why")
    p.set_defaults(func=_cmd_clean)


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import build_report  # lazy: nbconvert and a kernel, for the report only

    written = build_report(args.out, progress=not args.quiet)
    sys.stdout.write(f"report written: {written[-1]}\n")
    return 0


def _cmd_tidy_notebooks(args: argparse.Namespace) -> int:
    from .notebook_files import tidy_notebooks  # lazy: nbformat, for this tool only

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


#: Columns of `frames` output besides the grouping column(s), in order.
FRAMES_COLUMNS = ("frame", "hits", "tokens", "per_1000", "share", "ci_low", "ci_high")


def _cmd_frames(args: argparse.Namespace) -> int:
    by = "sentence" if args.by == "sentence" else [c.strip() for c in args.by.split(",")]
    voice = [v.strip() for v in args.voice.split(",")] if args.voice else None
    try:
        matcher = FrameMatcher(args.lexicon)
        scores = frame_scores(
            args.corpus if args.corpus is not None else SEEDS_DIR,
            by=by,
            voice=voice,
            lexicon=matcher,
            n_boot=args.n_boot,
            seed=args.seed,
            genre_check=not args.all_articles,
            **_parallel(args),
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
        "--by",
        metavar="COLUMN",
        default="doc_id",
        help="group by doc_id (default), a metadata column (leader, role, level, date ...), "
        "voice, several columns separated by commas, or 'sentence' (one row per sentence "
        "and frame, with its text and voice, to read against a hand coding)",
    )
    p.add_argument(
        "--voice",
        metavar="VOICE",
        default=None,
        help="keep only sentences of this voice: direct, indirect or narration "
        "(several separated by commas)",
    )
    p.add_argument(
        "--lexicon",
        metavar="FILE",
        default=None,
        help="your own lexicon (.csv with frame,entry,match,rationale or .yaml); "
        "default: the packaged one",
    )
    p.add_argument(
        "--n-boot",
        metavar="N",
        type=int,
        default=1000,
        help="bootstrap resamples for the intervals (default: 1000; 0: none)",
    )
    p.add_argument("--seed", type=int, default=12345, help="random seed (default: 12345)")
    p.add_argument(
        "--all-articles",
        action="store_true",
        help="code every article; by default articles that are not news of a regional "
        "government (sport, crime ...: fewer than 3 mentions of its offices, agencies or "
        "staff) get no frame, as the codebook says",
    )
    add_parallel_options(p)
    add_format_option(p)
    p.set_defaults(func=_cmd_frames)


# ---------------------------------------------------------------- terms, kwic, keyness, figures


def _corpus_source(args: argparse.Namespace):
    """The corpus folder to stream from (the seeds by default)."""
    return args.corpus if args.corpus is not None else SEEDS_DIR


def _exclude(args: argparse.Namespace, source) -> frozenset[str]:
    return metadata_terms(source) if getattr(args, "drop_names", False) else frozenset()


def _top_per_group(table, top: int, grouped: bool):
    if top <= 0:
        return table
    return table.groupby(level=0, sort=False).head(top) if grouped else table.head(top)


def _cmd_terms(args: argparse.Namespace) -> int:
    source = _corpus_source(args)
    try:
        table = term_frequencies(
            source,
            by=args.by,
            stem=args.stem,
            drop_stopwords=not args.keep_stopwords,
            exclude=_exclude(args, source),
            **_parallel(args),
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    table = _top_per_group(table, args.top, args.by is not None).round({"per_1000": 4})
    if args.by is None:
        emit_table(table, args.format)
    else:
        emit_table(table.reset_index(), args.format, index=False)
    return 0


def _add_stem_options(p: argparse.ArgumentParser, *, stopwords: bool = True) -> None:
    p.add_argument("--stem", action="store_true", help="count stems instead of word forms")
    if stopwords:
        p.add_argument(
            "--keep-stopwords", action="store_true", help="count stopwords too (default: dropped)"
        )
    p.add_argument(
        "--drop-names",
        action="store_true",
        help="leave out the words of the leader, region and province metadata (names)",
    )


def _add_terms(sub) -> None:
    p = sub.add_parser(
        "terms",
        help="term frequencies: count, per 1,000 words, document frequency, rank",
        description=(
            "Frequency list of the cleaned article bodies: count, rate per 1,000 running "
            "words (stopwords included in the denominator), number of documents containing "
            "the term, and rank (ties share the lower rank)."
        ),
    )
    add_corpus_option(p)
    p.add_argument(
        "--by",
        metavar="COLUMN",
        default=None,
        help="one list per doc_id or metadata column (leader, role, level ...); "
        "default: the whole corpus",
    )
    _add_stem_options(p)
    p.add_argument(
        "--top",
        metavar="N",
        type=int,
        default=30,
        help="rows per group (default: 30; 0: all)",
    )
    add_parallel_options(p)
    add_format_option(p)
    p.set_defaults(func=_cmd_terms)


def _cmd_kwic(args: argparse.Namespace) -> int:
    try:
        hits = kwic_table(
            _corpus_source(args),
            args.pattern,
            window=args.window,
            stem=args.stem,
            **_parallel(args),
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if hits.empty:
        sys.stderr.write(f"no hits for {args.pattern!r}\n")
        if args.format == "table":
            return 0
    if args.format != "table":
        emit_table(hits, args.format, index=False)
        return 0
    width = max(len(s) for s in hits["left"])
    where = [f"{d}:{n}" for d, n in zip(hits["doc_id"], hits["sentence_no"])]
    w_where = max(len(w) for w in where)
    for loc, left, key, right in zip(where, hits["left"], hits["keyword"], hits["right"]):
        sys.stdout.write(f"{loc:<{w_where}}  {left:>{width}}  [{key}]  {right}\n")
    return 0


def _add_kwic(sub) -> None:
    p = sub.add_parser(
        "kwic",
        help="keyword in context: every hit of a word, stem, phrase or glob",
        description=(
            "One line per hit: doc_id:sentence_no, left context, [keyword], right context. "
            "PATTERN is a word (kinerja), several words matched inside one sentence "
            "('penyerapan anggaran'), or a glob ('koordinasi*'); with --stem each word "
            "matches by its stem (disiplin finds kedisiplinan)."
        ),
    )
    p.add_argument("pattern", metavar="PATTERN", help="word, phrase or glob to look for")
    add_corpus_option(p)
    p.add_argument(
        "--window",
        metavar="N",
        type=int,
        default=5,
        help="words of context on each side (default: 5)",
    )
    p.add_argument("--stem", action="store_true", help="match words by their stem")
    add_parallel_options(p)
    add_format_option(p)
    p.set_defaults(func=_cmd_kwic)


def _cmd_keyness(args: argparse.Namespace) -> int:
    source = _corpus_source(args)
    try:
        table = keyness_by_group(
            source,
            by=args.by,
            groups=None if args.group is None else [args.group],
            stem=args.stem,
            drop_stopwords=not args.keep_stopwords,
            exclude=_exclude(args, source),
            min_count=args.min_count,
            **_parallel(args),
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    table = _top_per_group(table, args.top, True)
    table = table.round({"g2": 4, "log_ratio": 4, "chi2": 4})
    emit_table(table.reset_index(), args.format, index=False)
    return 0


def _add_keyness(sub) -> None:
    p = sub.add_parser(
        "keyness",
        help="key terms of each group against the rest (G2, Log Ratio)",
        description=(
            "Compare each group (default: each leader) with the rest of the corpus: signed "
            "log-likelihood g2 (positive = more frequent in the group), p_value, log_ratio "
            "(log2 of the ratio of relative frequencies) and chi2. Rows sorted by g2, so the "
            "terms the group over-uses come first."
        ),
    )
    add_corpus_option(p)
    p.add_argument(
        "--by",
        metavar="COLUMN",
        default="leader",
        help="groups to compare: a metadata column or doc_id (default: leader)",
    )
    p.add_argument(
        "--group",
        metavar="VALUE",
        default=None,
        help="only this group against the rest (default: every group in turn)",
    )
    _add_stem_options(p)
    p.add_argument(
        "--min-count",
        metavar="N",
        type=int,
        default=1,
        help="leave out terms seen fewer times in group and rest together (default: 1)",
    )
    p.add_argument(
        "--top",
        metavar="N",
        type=int,
        default=20,
        help="rows per group (default: 20; 0: all)",
    )
    add_parallel_options(p)
    add_format_option(p)
    p.set_defaults(func=_cmd_keyness)


def _cmd_figures(args: argparse.Namespace) -> int:
    from .figures import build_figures  # lazy: matplotlib, loaded only to draw

    out = Path(args.out) if args.out is not None else default_folder(args.corpus)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, got {args.jobs}")
    try:
        written = build_figures(
            args.corpus, out, progress=False if args.quiet else None, jobs=args.jobs
        )
    except FiguresFolderError as exc:
        raise UsageError(str(exc)) from None
    except KeyboardInterrupt:
        sys.stderr.write("interrupted; nothing was changed\n")
        return 130
    n_figures = len({p.stem for p in written})
    sys.stdout.write(f"{n_figures} figure(s), {len(written)} files, written to {out}\n")
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


def _cmd_quotes(args: argparse.Namespace) -> int:
    try:
        table = quote_table(args.corpus, by=args.by, **_parallel(args))
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.format == "table":  # the columns a reader needs; csv/json carry them all
        keep = [
            "doc_id",
            *([args.by] if args.by else []),
            "sentence_no",
            "speaker",
            "speaker_source",
            "closed",
            "text",
        ]
        table = table[list(dict.fromkeys(keep))]
    emit_table(table, args.format)
    return 0


def _add_quotes(sub) -> None:
    p = sub.add_parser(
        "quotes",
        help="direct quotes of every article with their speakers",
        description=(
            "List the direct quotes (words inside quotation marks that are speech, not "
            "themes or terms) of every article, with the speaker resolved from speech "
            "verbs, pronouns or, when the text supports it, the metadata leader. One row "
            "per quote, indexed by quote_id."
        ),
    )
    add_corpus_option(p)
    p.add_argument(
        "--by",
        metavar="COLUMN",
        default=None,
        help="add a metadata column to each quote (leader, role, level, region ...)",
    )
    add_parallel_options(p)
    add_format_option(p)
    p.set_defaults(func=_cmd_quotes)


def _cmd_bench(args: argparse.Namespace) -> int:
    import json
    import tempfile
    from pathlib import Path

    from . import bench  # lazy: the benchmark, on demand

    if args.articles < 1:
        raise UsageError(f"--articles must be 1 or more, got {args.articles}")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, got {args.jobs}")
    if args.repeat < 1:
        raise UsageError(f"--repeat must be 1 or more, got {args.repeat}")

    def say(message: str) -> None:
        if not args.quiet:
            sys.stderr.write(message + "\n")
            sys.stderr.flush()

    with tempfile.TemporaryDirectory(prefix="analysis-bench-") as tmp:
        path = Path(tmp) / "articles.jsonl"
        say(f"writing {args.articles:,} synthetic articles (seed {args.seed}) to {path} ...")
        n_bytes = 0
        with open(path, "w", encoding="utf-8") as fh:
            for art in synthetic_articles(args.articles, seed=args.seed):
                n_bytes += len(art["text"].encode("utf-8"))
                fh.write(json.dumps(art, ensure_ascii=False) + "\n")
        table = bench.benchmark(
            path,
            articles=args.articles,
            megabytes=n_bytes / 1e6,
            jobs=args.jobs,
            extras=not args.no_extras,
            progress=say,
            repeat=args.repeat,
        )
    info = bench.machine()
    sys.stdout.write(
        f"corpus: {args.articles:,} synthetic articles, {n_bytes / 1e6:,.1f} MB of raw text "
        f"(seed {args.seed})\n"
        f"machine: {info['cores']} cores, {info['cpu']}, {info['memory']}, "
        f"Python {info['python']}, {info['platform']}\n\n"
    )
    shown = table.drop(columns=["what"]).round(
        {"seconds": 2, "articles_per_s": 0, "mb_per_s": 2, "peak_mb": 0, "wall_s": 2}
    )
    emit_table(shown, args.format)
    if args.format == "table":
        sys.stdout.write("\n")
        for op, what in table["what"].items():
            sys.stdout.write(f"{op:<8} {what}\n")
        ratios = bench.speed_ratios(table)
        if not ratios.empty:
            sys.stdout.write("\nspeed (articles/s) relative to the baselines:\n")
            emit_table(ratios.round(2), "table")
        sys.stdout.write(
            "\npeak_mb: highest total PSS of the process and its workers (sampled every "
            "50 ms); seconds: the operation alone, after imports (the fastest of its "
            "runs); wall_s: the whole process.\n"
        )
    return 0


def _add_bench(sub) -> None:
    p = sub.add_parser(
        "bench",
        help="benchmark terms and frames on a synthetic corpus against NLTK and scikit-learn",
        description=(
            "Write a reproducible synthetic corpus (seed sentences resampled into articles "
            "with boilerplate) to a temporary folder and time, each in a fresh process: "
            "terms and frames with --jobs workers, a plain NLTK pipeline (RegexpTokenizer + "
            "Sastrawi stem per token + FreqDist) and scikit-learn's CountVectorizer. "
            "Reports seconds, articles/s, MB/s and peak memory side by side."
        ),
    )
    p.add_argument(
        "--articles",
        metavar="N",
        type=int,
        default=100_000,
        help="number of synthetic articles (default: 100000)",
    )
    p.add_argument(
        "--jobs",
        metavar="N",
        type=int,
        default=None,
        help="worker processes for terms and frames (default: all cores)",
    )
    p.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpus (default: 0)")
    p.add_argument(
        "--repeat",
        metavar="N",
        type=int,
        default=1,
        help="run every operation N times in rounds of alternating order and report the "
        "fastest run of each (default: 1); use 2 or 3 on a machine whose speed drifts",
    )
    p.add_argument(
        "--no-extras",
        action="store_true",
        help="skip timing 'import analysis' and the figures command",
    )
    p.add_argument("--quiet", action="store_true", help="no progress messages")
    add_format_option(p)
    p.set_defaults(func=_cmd_bench)


#: Functions that add one subcommand each to the parser. Add new subcommands here.
# ---------------------------------------------------------------- suggest, validate


def _cmd_suggest(args: argparse.Namespace) -> int:
    try:
        table = suggest_entries(
            _corpus_source(args),
            args.frame,
            n=args.n,
            lexicon=args.lexicon,
            min_count=args.min_count,
            examples=args.examples,
            jobs=args.jobs,
        )
    except (ValueError, FrameError) as exc:
        raise UsageError(str(exc)) from None
    emit_table(table.round({"g2": 4, "log_ratio": 4}), args.format)
    return 0


def _add_suggest(sub) -> None:
    p = sub.add_parser(
        "suggest",
        help="words and bigrams key in a frame's sentences, not yet in the lexicon",
        description=(
            "Rank the words and two-word sequences that sentences with a hit of FRAME use "
            "more than the other sentences (log-likelihood g2, log_ratio), leaving out "
            "current entries, stopwords and names, each with concordance lines as "
            "evidence: candidates for extending the lexicon for your corpus, to read, not "
            "to add blindly."
        ),
    )
    p.add_argument("frame", metavar="FRAME", help="performance, coordination, discipline ...")
    add_corpus_option(p)
    p.add_argument("--n", metavar="N", type=int, default=30, help="suggestions (default: 30)")
    p.add_argument(
        "--min-count",
        metavar="N",
        type=int,
        default=3,
        help="fewest occurrences in the frame's sentences (default: 3)",
    )
    p.add_argument(
        "--examples",
        metavar="N",
        type=int,
        default=3,
        help="concordance lines per suggestion (default: 3)",
    )
    p.add_argument("--lexicon", metavar="FILE", default=None, help="your own lexicon")
    p.add_argument("--jobs", metavar="N", type=int, default=None, help="worker processes")
    add_format_option(p)
    p.set_defaults(func=_cmd_suggest)


def _cmd_validate(args: argparse.Namespace) -> int:
    source = _corpus_source(args)
    if args.action == "sample":
        if args.out is None:
            raise UsageError("validate sample needs --out FILE (the coding sheet to write)")
        sheet = sample_for_coding(
            source,
            n=args.n,
            seed=args.seed,
            by=args.by,
            lexicon=args.lexicon,
            path=args.out,
            overwrite=args.overwrite,
        )
        sys.stdout.write(
            f"{len(sheet)} sentences written to {args.out}: fill each frame column with 1 "
            "or 0 and voice with direct, indirect or narration, then run "
            f"`python -m analysis validate score {args.out}`\n"
        )
        return 0
    if args.action == "score":
        if len(args.sheets) != 1:
            raise UsageError("validate score takes one coding sheet")
        score = score_coding(
            args.sheets[0], source, lexicon=args.lexicon, n_boot=args.n_boot, seed=args.seed
        )
        emit_table(score.frames.round(4), args.format)
        sys.stdout.write("\n")
        emit_table(score.voice.round(4), args.format)
        if args.format == "table":
            sys.stdout.write("\n")
            emit_table(score.confusion, args.format)
        if args.disagreements:
            score.disagreements.to_csv(args.disagreements, lineterminator="\n")
            sys.stdout.write(
                f"\n{len(score.disagreements)} disagreeing sentences written to "
                f"{args.disagreements}\n"
            )
        return 0
    if len(args.sheets) != 2:
        raise UsageError("validate agree takes two coding sheets of the same sentences")
    emit_table(coder_agreement(*args.sheets).round(4), args.format)
    return 0


def _add_validate(sub) -> None:
    p = sub.add_parser(
        "validate",
        help="check the frame coding on your corpus: draw a coding sheet, score it, agree",
        description=(
            "sample: draw a seeded, stratified random sample of sentences and write a "
            "coding sheet (doc_id, sentence_no, sentence, an empty 0/1 column per frame, "
            "voice) for a coder; score SHEET: the package against the filled sheet "
            "(per-frame precision, recall, F1 with bootstrap intervals, voice accuracy and "
            "kappa); agree SHEET1 SHEET2: two coders' agreement (Krippendorff's alpha per "
            "frame, Cohen's kappa for voice)."
        ),
    )
    p.add_argument("action", choices=("sample", "score", "agree"))
    p.add_argument("sheets", nargs="*", metavar="SHEET", help="filled coding sheet(s), CSV")
    add_corpus_option(p)
    p.add_argument("--n", metavar="N", type=int, default=200, help="sentences to draw (200)")
    p.add_argument("--seed", type=int, default=12345, help="random seed (default: 12345)")
    p.add_argument("--by", metavar="COLUMN", default=None, help="metadata column to stratify by")
    p.add_argument("--out", metavar="FILE", default=None, help="where to write the sheet")
    p.add_argument("--overwrite", action="store_true", help="replace an existing sheet")
    p.add_argument("--lexicon", metavar="FILE", default=None, help="your own lexicon")
    p.add_argument(
        "--n-boot", metavar="N", type=int, default=1000, help="bootstrap resamples (1000)"
    )
    p.add_argument(
        "--disagreements",
        metavar="FILE",
        default=None,
        help="also write the sentences on which package and coder disagree (CSV)",
    )
    add_format_option(p)
    p.set_defaults(func=_cmd_validate)


SUBCOMMANDS: list[Callable] = [
    _add_clean,
    _add_report,
    _add_tidy_notebooks,
    _add_frames,
    _add_terms,
    _add_kwic,
    _add_keyness,
    _add_figures,
    _add_quotes,
    _add_bench,
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (CorpusError, UsageError, CodingError, FileExistsError) as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
