"""Subcommands for the researcher's workbench: ``bench``, ``cache``, ``suggest``, ``validate``."""

from __future__ import annotations

import argparse
import sys

from ..coding_sheets import coder_agreement, sample_for_coding, score_coding
from ..lexicon import FrameError
from ..paths import SEEDS_DIR
from ..stem_cache import cache_dir, cache_files, clear_cache, enabled, read_stems, stem_file
from ..suggest import suggest_entries
from ..synthetic import VOCABULARIES, synthetic_articles
from ..tokens import stem_cache_key
from .common import (
    UsageError,
    add_coder_options,
    add_corpus_option,
    add_count_option,
    add_format_option,
    add_stopword_options,
    corpus_source,
    emit_table,
    model_option,
    repository_folder,
    stopword_kwargs,
)


def _cmd_bench(args: argparse.Namespace) -> int:
    from .. import bench  # lazy: the benchmark, on demand

    if args.articles < 1:
        raise UsageError(f"--articles must be 1 or more, got {args.articles}")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, got {args.jobs}")
    if args.repeat < 1:
        raise UsageError(f"--repeat must be 1 or more, got {args.repeat}")
    repository_folder(SEEDS_DIR, "the benchmark resamples the seeds: run it from a source checkout")
    vocabularies = VOCABULARIES if args.vocabulary == "both" else (args.vocabulary,)
    for i, vocabulary in enumerate(vocabularies):
        if i:
            sys.stdout.write("\n")
        last = i == len(vocabularies) - 1
        _bench_one(args, bench, vocabulary, extras=not args.no_extras and last)
    return 0


#: What the bench runs on each corpus: the warm second runs on the realistic one, where
#: the stem cache matters (the seeds' few hundred word types cost nothing to stem).
_BENCH_OPERATIONS = {
    "seeds": ("terms", "frames", "frames_default", "nltk", "sklearn"),
    "realistic": (
        "terms",
        "frames",
        "frames_default",
        "nltk",
        "sklearn",
        "terms_warm",
        "frames_warm",
    ),
}
_VOCABULARY_NOTES = {
    "seeds": "seed vocabulary: the seeds' word types resampled",
    "realistic": "realistic vocabulary: word types growing by Heaps' law, 25 n^0.5",
}


def _bench_one(args: argparse.Namespace, bench, vocabulary: str, *, extras: bool) -> None:
    """Write the synthetic corpus of one vocabulary, benchmark it, print its table."""
    import json
    import tempfile
    from pathlib import Path

    def say(message: str) -> None:
        if not args.quiet:
            sys.stderr.write(message + "\n")
            sys.stderr.flush()

    with tempfile.TemporaryDirectory(prefix="analysis-bench-") as tmp:
        path = Path(tmp) / "articles.jsonl"
        say(f"writing {args.articles:,} synthetic articles ({vocabulary} vocabulary) to {path} ...")
        n_bytes = 0
        with open(path, "w", encoding="utf-8") as fh:
            for art in synthetic_articles(args.articles, seed=args.seed, vocabulary=vocabulary):
                n_bytes += len(art["text"].encode("utf-8"))
                fh.write(json.dumps(art, ensure_ascii=False) + "\n")
        table = bench.benchmark(
            path,
            articles=args.articles,
            megabytes=n_bytes / 1e6,
            jobs=args.jobs,
            operations=_BENCH_OPERATIONS[vocabulary],
            extras=extras,
            progress=say,
            repeat=args.repeat,
        )
    info = bench.machine()
    sys.stdout.write(
        f"corpus: {args.articles:,} synthetic articles, {n_bytes / 1e6:,.1f} MB of raw text "
        f"(seed {args.seed}, {_VOCABULARY_NOTES[vocabulary]})\n"
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
            sys.stdout.write(f"{op:<11} {what}\n")
        ratios = bench.speed_ratios(table)
        if not ratios.empty:
            sys.stdout.write("\nspeed (articles/s) relative to the baselines:\n")
            emit_table(ratios.round(2), "table")
        sys.stdout.write(
            "\npeak_mb: highest total PSS of the process and its workers (sampled every "
            "50 ms); seconds: the operation alone, after imports (the fastest of its "
            "runs); wall_s: the whole process.\n"
        )


def _add_bench(sub) -> None:
    p = sub.add_parser(
        "bench",
        help="benchmark terms and frames on a synthetic corpus against NLTK and scikit-learn",
        description=(
            "Write a reproducible synthetic corpus (seed sentences resampled into articles "
            "with boilerplate) to a temporary folder and time, each in a fresh process: "
            "terms and frames with --jobs workers, a plain NLTK pipeline (RegexpTokenizer + "
            "Sastrawi stem per token + FreqDist) and scikit-learn's CountVectorizer. "
            "Reports seconds, articles/s, MB/s and peak memory side by side, for the seeds' "
            "vocabulary and a realistic one (--vocabulary)."
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
        "--vocabulary",
        choices=(*VOCABULARIES, "both"),
        default="both",
        help="the corpus's vocabulary: the seeds' words resampled, a realistic one (word "
        "types growing by Heaps' law, affixed forms the stemmer has never seen, and second "
        "runs with a warm stem cache), or both, one table each (default: both)",
    )
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


# ---------------------------------------------------------------- cache


def _cmd_cache(args: argparse.Namespace) -> int:
    folder = cache_dir()
    if args.action == "clear":
        removed = clear_cache(folder)
        n = len(removed)
        print(f"removed {n} stem cache file{'s' * (n != 1)} from {folder}")
        return 0
    key = stem_cache_key()
    current = stem_file(folder, key)
    state = "on" if enabled() else "off (ANALYSIS_STEM_CACHE turns it off)"
    print(f"stem cache: {folder} ({state})")
    print(f"key of this installation: {key} (Sastrawi version - hash of the stem rules)")
    total_bytes = total_entries = 0
    for path in cache_files(folder):
        n_bytes = path.stat().st_size
        entries = _entries(path)
        total_bytes += n_bytes
        total_entries += entries
        mark = "  (this installation)" if path == current else ""
        print(f"{path.name}  {entries:,} stems  {n_bytes / 1e6:,.2f} MB{mark}")
    n = len(cache_files(folder))
    print(f"total: {n} file{'s' * (n != 1)}, {total_entries:,} stems, {total_bytes / 1e6:,.2f} MB")
    return 0


def _entries(path) -> int:
    """Stems in a cache file (of this installation's key or another one's: the key is
    in the file's name); 0 for a damaged file."""
    name = path.name[len("stems-") : -len(".json")]
    return len(read_stems(path, name))


def _add_cache(sub) -> None:
    p = sub.add_parser(
        "cache",
        help="where the stem cache is, its size and entries (info), or empty it (clear)",
        description=(
            "The stems Sastrawi worked out are kept on disk between runs, in "
            "$ANALYSIS_CACHE_DIR, else $XDG_CACHE_HOME/indo-framing-analysis, else "
            "~/.cache/indo-framing-analysis (ANALYSIS_STEM_CACHE=0 turns it off). "
            "'info' shows the folder, its files, their stems and size; 'clear' removes them."
        ),
    )
    p.add_argument("action", choices=("info", "clear"), help="info or clear")
    p.set_defaults(func=_cmd_cache)


#: Functions that add one subcommand each to the parser. Add new subcommands here.
# ---------------------------------------------------------------- suggest, validate


def _cmd_suggest(args: argparse.Namespace) -> int:
    try:
        table = suggest_entries(
            corpus_source(args),
            args.frame,
            n=args.n,
            lexicon=args.lexicon,
            min_count=args.min_count,
            examples=args.examples,
            jobs=args.jobs,
            **stopword_kwargs(args),
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
    add_count_option(p, "--min-count", 3, "fewest occurrences in the frame's sentences")
    add_count_option(p, "--examples", 3, "concordance lines per suggestion")
    p.add_argument("--lexicon", metavar="FILE", default=None, help="your own lexicon")
    p.add_argument("--jobs", metavar="N", type=int, default=None, help="worker processes")
    add_stopword_options(p)
    add_format_option(p)
    p.set_defaults(func=_cmd_suggest)


def _cmd_validate(args: argparse.Namespace) -> int:
    source = corpus_source(args)
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
        try:
            score = score_coding(
                args.sheets[0],
                source,
                lexicon=args.lexicon,
                coder=args.coder,
                model=model_option(args),
                n_boot=args.n_boot,
                seed=args.seed,
            )
        except FrameError as exc:
            raise UsageError(str(exc)) from None
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
    add_coder_options(p, "score the lexicon's codes (default) or the opt-in trained model's")
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
