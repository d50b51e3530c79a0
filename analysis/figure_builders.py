"""The figures of the project: every builder that ``python -m analysis figures`` runs.

A builder takes the corpus DataFrame and yields ``(name, figure, table)`` tuples
(optionally a 4th item: the formats) and a :class:`~analysis.missing_figures.LeftOut`
for each figure it cannot draw on that corpus. This module holds:

- the registry: :data:`FIGURE_BUILDERS`, filled by the :func:`figure_builder` decorator
  in the order the builders are defined here (costliest first), the order in which
  :func:`analysis.figures.build_figures` runs them and lists their files;
- the builders: :func:`word_clouds`, :func:`frame_figures`, :func:`top_terms`,
  :func:`collocations_figure`, :func:`keyness_figure`, :func:`distinctive_terms`,
  :func:`dispersion_figure`;
- what they share: the limits :data:`MAX_PANELS` and :data:`MAX_FRAME_ROWS`, the x-ray
  plot's :data:`FRAME_KEY_TERMS`, the panel and label helpers, and the names a run
  leaves out of the word figures, searched once per run.

Saving the figures and running the builders (in worker processes) is
:mod:`analysis.figures`, which re-exports the public names of this module; how to add a
builder of your own is in its docstring.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterator
from typing import TYPE_CHECKING

from . import plots
from .frames import FrameMatcher, frame_cooccurrence, frame_scores
from .keyness import comparison_terms, keyness_by_group
from .kwic import dispersion
from .missing_figures import LeftOut, by_name, corpus_shape, no_comparison, no_panels
from .names import names_and_note
from .quotes import sentence_table
from .terms import collocations, term_counts, term_frequencies, tfidf

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FIGURE_BUILDERS",
    "FRAME_KEY_TERMS",
    "MAX_FRAME_ROWS",
    "MAX_PANELS",
    "RASTER",
    "Builder",
    "FigureSpec",
    "collocations_figure",
    "dispersion_figure",
    "distinctive_terms",
    "figure_builder",
    "frame_figures",
    "keyness_figure",
    "top_terms",
    "word_clouds",
]

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

#: The figure builders, run in order by :func:`analysis.figures.build_figures`. Append to
#: add figures.
FIGURE_BUILDERS: list[Builder] = []


def figure_builder(func: Builder) -> Builder:
    """Decorator: append ``func`` to :data:`FIGURE_BUILDERS` and return it unchanged."""
    FIGURE_BUILDERS.append(func)
    return func


#: ``(corpus, names_and_note(corpus))`` while :func:`analysis.figures.build_figures` runs
#: (and in its workers): the names are searched once per run, not once per builder.
_run_names: tuple[pd.DataFrame, tuple[frozenset[str], str]] | None = None


def _names_and_note(corpus: pd.DataFrame) -> tuple[frozenset[str], str]:
    """:func:`analysis.names.names_and_note` of ``corpus``: the run's, when a builder
    draws the corpus of the current :func:`analysis.figures.build_figures` run, else
    searched here (a builder called on its own)."""
    if _run_names is not None and _run_names[0] is corpus:
        return _run_names[1]
    return names_and_note(corpus)


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


def _unit(by: str) -> str:
    """What one panel of a grouped figure is, in titles and file names: ``article`` for
    ``doc_id``, else the metadata column's name."""
    return "article" if by == "doc_id" else by


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
        f"Top terms per {_unit(by)}, per 1,000 words on a shared scale ({note})",
        fontsize=10,
    )
    yield f"top_terms_by_{_unit(by)}", fig, grouped


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
        f"Keyness: each {_unit(by)} against the rest (Log Ratio, log-likelihood G2; {note})",
        fontsize=10,
    )
    yield f"keyness_by_{_unit(by)}", fig, shown


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
    yield f"tfidf_by_{_unit(by)}", fig, table


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
