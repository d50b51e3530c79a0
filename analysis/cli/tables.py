"""Subcommands that print a table of the corpus: ``frames``, ``terms``, ``kwic``,
``collocates``, ``keyness``, ``quotes``."""

from __future__ import annotations

import argparse
import sys

from ..collocates import MEASURES, collocates
from ..frame_model import model_frames
from ..frames import frame_scores
from ..keyness import keyness_by_group
from ..kwic import kwic_table
from ..lexicon import FrameError, FrameMatcher
from ..quotes import quote_table
from ..terms import term_frequencies
from .common import (
    UsageError,
    add_coder_options,
    add_corpus_option,
    add_count_option,
    add_format_option,
    add_parallel_options,
    add_stem_options,
    corpus_source,
    emit_table,
    exclude_names,
    model_option,
    parallel_kwargs,
    stopword_kwargs,
    top_per_group,
)

#: Columns of `frames` output besides the grouping column(s), in order.
FRAMES_COLUMNS = (
    "frame",
    "hits",
    "tokens",
    "per_1000",
    "share",
    "ci_low",
    "ci_high",
    "n_docs",
    "small_group",
    "ci_basis",
)


def _cmd_frames(args: argparse.Namespace) -> int:
    by = "sentence" if args.by == "sentence" else [c.strip() for c in args.by.split(",")]
    voice = [v.strip() for v in args.voice.split(",")] if args.voice else None
    model = model_option(args)
    if args.coder == "model":
        return _model_frames(args, by, voice, model)
    try:
        matcher = FrameMatcher(args.lexicon)
        scores = frame_scores(
            corpus_source(args),
            by=by,
            voice=voice,
            lexicon=matcher,
            n_boot=args.n_boot,
            seed=args.seed,
            genre_check=not args.all_articles,
            **parallel_kwargs(args),
        )
    except FrameError as exc:
        raise UsageError(str(exc)) from None
    keys = ["doc_id", "sentence_no", "sentence", "voice"] if by == "sentence" else by
    table = scores[[*keys, *FRAMES_COLUMNS]].round(
        {"per_1000": 4, "share": 4, "ci_low": 4, "ci_high": 4}
    )
    emit_table(table, args.format, index=False)
    return 0


def _model_frames(args: argparse.Namespace, by, voice, model: str | None) -> int:
    """``frames --coder model``: the trained model's coding of every sentence."""
    if by != "sentence" or voice:
        raise UsageError(
            "--coder model codes sentences: use it with --by sentence (and without "
            "--voice); rates per group count lexicon hits"
        )
    try:
        table = model_frames(
            corpus_source(args),
            model=model,
            lexicon=FrameMatcher(args.lexicon),
            genre_check=not args.all_articles,
            **parallel_kwargs(args),
        )
    except FrameError as exc:
        raise UsageError(str(exc)) from None
    table = table.drop(columns="speaker").round({"probability": 4, "context": 4})
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
            "interval (ci_low, ci_high) of per_1000, with the articles in the group (n_docs), "
            "small_group (2-4 articles: the interval only spans their rates, too narrow to "
            "trust) and ci_basis (what the interval rests on; one article: within-article "
            "sentences only)."
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
    add_coder_options(
        p,
        "lexicon (default): frames are lexicon hits; model: with --by sentence, the "
        "trained sentence model's probability and 0/1 code per sentence and frame beside "
        "the lexicon's hits, and the words that weighed most (opt-in, see README)",
    )
    add_count_option(p, "--n-boot", 1000, "bootstrap resamples for the intervals", zero="none")
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


def _cmd_terms(args: argparse.Namespace) -> int:
    source = corpus_source(args)
    try:
        table = term_frequencies(
            source,
            by=args.by,
            stem=args.stem,
            drop_stopwords=not args.keep_stopwords,
            exclude=exclude_names(args, source, while_counting=True),
            **stopword_kwargs(args),
            **parallel_kwargs(args),
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    table = top_per_group(table, args.top, args.by is not None).round({"per_1000": 4})
    if args.by is None:
        emit_table(table, args.format)
    else:
        emit_table(table.reset_index(), args.format, index=False)
    return 0


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
    add_stem_options(p)
    add_count_option(p, "--top", 30, "rows per group", zero="all")
    add_parallel_options(p)
    add_format_option(p)
    p.set_defaults(func=_cmd_terms)


def _cmd_kwic(args: argparse.Namespace) -> int:
    try:
        hits = kwic_table(
            corpus_source(args),
            args.pattern,
            window=args.window,
            stem=args.stem,
            sort=args.sort,
            **parallel_kwargs(args),
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
    add_count_option(p, "--window", 5, "words of context on each side")
    p.add_argument("--stem", action="store_true", help="match words by their stem")
    p.add_argument(
        "--sort",
        metavar="KEY",
        help=(
            "order of the hits: L1 (the word left of the hit), L2 ..., R1 (the word right "
            "of it), R2 ..., keyword, or a column (default: corpus order)"
        ),
    )
    add_parallel_options(p)
    add_format_option(p)
    p.set_defaults(func=_cmd_kwic)


def _cmd_collocates(args: argparse.Namespace) -> int:
    source = corpus_source(args)
    try:
        table = collocates(
            source,
            args.node,
            window=args.window,
            measure=args.measure,
            stem=args.stem,
            drop_stopwords=not args.keep_stopwords,
            exclude=exclude_names(args, source),
            min_count=args.min_count,
            **stopword_kwargs(args),
            **parallel_kwargs(args),
        )
    except (TypeError, ValueError) as exc:
        raise UsageError(str(exc)) from None
    if not table.attrs["node_freq"]:
        sys.stderr.write(f"no hits for {args.node!r}\n")
    table = table if args.top <= 0 else table.head(args.top)
    table = table.round({"e11": 4, "logdice": 4, "t": 4, "mi": 4, "g2": 4})
    emit_table(table.reset_index(), args.format, index=False)
    return 0


def _add_collocates(sub) -> None:
    p = sub.add_parser(
        "collocates",
        help="window collocates of a word: logDice, T-score, MI, log-likelihood",
        description=(
            "The words within --window words either side of NODE, inside sentences, one "
            "row each: o11 (co-occurrences; left and right of the node), freq (its corpus "
            "frequency), e11 (expected: node freq * freq * 2 * window / corpus words), "
            "logdice (14 + log2(2 o11 / (node freq + freq))), t ((o11 - e11) / sqrt(o11)), "
            "mi (log2(o11 / e11)) and g2 (signed log-likelihood); sorted by --measure."
        ),
    )
    p.add_argument("node", metavar="NODE", help="the word (with --stem: every form of its stem)")
    add_corpus_option(p)
    add_count_option(p, "--window", 5, "words on each side of the node")
    p.add_argument(
        "--measure",
        choices=MEASURES,
        default="logdice",
        help="the score to sort by (default: logdice)",
    )
    add_stem_options(p)
    add_count_option(p, "--min-count", 1, "leave out collocates seen fewer times near the node")
    add_count_option(p, "--top", 30, "rows", zero="all")
    add_parallel_options(p)
    add_format_option(p)
    p.set_defaults(func=_cmd_collocates)


def _cmd_keyness(args: argparse.Namespace) -> int:
    source = corpus_source(args)
    if args.reference is not None and args.against is not None:
        raise UsageError("--reference and --against are two different comparisons: give one")
    by = args.by
    if by is None:  # the whole corpus against a reference list, else each leader
        by = None if args.reference is not None and args.group is None else "leader"
    try:
        table = keyness_by_group(
            source,
            by=by,
            groups=None if args.group is None else [args.group],
            stem=args.stem,
            drop_stopwords=not args.keep_stopwords,
            exclude=exclude_names(args, source, while_counting=True),
            min_count=args.min_count,
            reference=args.reference,
            against=args.against,
            **stopword_kwargs(args),
            **parallel_kwargs(args),
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    table = top_per_group(table, args.top, True)
    table = table.round({"g2": 4, "log_ratio": 4, "chi2": 4})
    emit_table(table.reset_index(), args.format, index=False)
    return 0


def _add_keyness(sub) -> None:
    p = sub.add_parser(
        "keyness",
        help="key terms of each group against the rest, another group or a reference list",
        description=(
            "Compare each group (default: each leader) with the rest of the corpus: signed "
            "log-likelihood g2 (positive = more frequent in the group), p_value, log_ratio "
            "(log2 of the ratio of relative frequencies) and chi2. Rows sorted by g2, so the "
            "terms the group over-uses come first. --against B compares the groups with "
            "group B only; --reference FILE.csv (columns term,count, e.g. the csv of "
            "'terms --top 0' on another corpus) compares the whole corpus, or each group of "
            "--by or --group, with that frequency list."
        ),
    )
    add_corpus_option(p)
    p.add_argument(
        "--by",
        metavar="COLUMN",
        default=None,
        help="groups to compare: a metadata column or doc_id (default: leader; with "
        "--reference and no --group: the whole corpus)",
    )
    p.add_argument(
        "--group",
        metavar="VALUE",
        default=None,
        help="only this group against the rest (default: every group in turn)",
    )
    p.add_argument(
        "--against",
        metavar="VALUE",
        default=None,
        help="compare with this group only, not with the rest (--group A --against B: A "
        "with B; without --group: every other group with B)",
    )
    p.add_argument(
        "--reference",
        metavar="FILE.csv",
        default=None,
        help="compare with this reference frequency list (UTF-8 CSV with the columns "
        "term,count; its size is the sum of the counts), not with the rest",
    )
    add_stem_options(p)
    add_count_option(
        p, "--min-count", 1, "leave out terms seen fewer times in group and rest together"
    )
    add_count_option(p, "--top", 20, "rows per group", zero="all")
    add_parallel_options(p)
    add_format_option(p)
    p.set_defaults(func=_cmd_keyness)


def _cmd_quotes(args: argparse.Namespace) -> int:
    try:
        table = quote_table(corpus_source(args), by=args.by, **parallel_kwargs(args))
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
