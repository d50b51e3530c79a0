"""Charts and word clouds of the tables in :mod:`analysis.terms` and :mod:`analysis.keyness`.

Every single-panel function follows seaborn's convention,
``plot_x(data, *, ax=None, **kwargs) -> Axes``: it draws into ``ax`` (default: the current
Axes, ``plt.gca()``), never shows or saves, and returns the Axes. Functions that draw a
whole figure (``plot_*_grid``) take ``fig=None`` and return the Figure. Saving, with fixed
sizes and byte-stable output, is :mod:`analysis.figures`' job.

This is the only module that imports matplotlib and wordcloud (inside the functions, so
``import analysis.plots`` stays cheap). Titles and axis labels are in English; the
Indonesian terms are the data. Colours come from the Okabe-Ito palette, which readers
with colour-vision deficiencies can tell apart.

>>> from analysis import load_corpus, terms, plots                      # doctest: +SKIP
>>> ax = plots.plot_top_terms(terms.term_frequencies(load_corpus()))    # doctest: +SKIP
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "FRAME_COLORS",
    "GROUP_COLORS",
    "PALETTE",
    "STYLE",
    "close_figure",
    "figure_style",
    "font_path",
    "new_figure",
    "plot_collocations",
    "plot_comparison_cloud",
    "plot_dispersion",
    "plot_frame_cooccurrence",
    "plot_frame_heatmap",
    "plot_frame_profile",
    "plot_frames_over_time",
    "plot_keyness",
    "plot_keyness_grid",
    "plot_top_terms",
    "plot_top_terms_grid",
    "plot_voice_comparison",
    "plot_wordcloud",
]

#: Okabe & Ito (2008) colour-blind safe palette (black left out of cycles; yellow last).
PALETTE = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#F0E442",  # yellow
)

#: One colour per frame, used in every frame figure.
FRAME_COLORS = {"performance": "#0072B2", "coordination": "#009E73", "discipline": "#D55E00"}

#: Colours of the groups of a comparison cloud: neighbours differ in hue and lightness.
GROUP_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")

#: Colours of words in single word clouds (dark enough to read on white).
_CLOUD_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000")

#: Significance thresholds of G2 with 1 d.f. (Rayson's critical values).
G2_P05 = 3.84
G2_P01 = 6.63

#: Matplotlib settings for every saved figure: one bundled font (DejaVu Sans, shipped with
#: matplotlib, so every machine draws the same glyphs), a fixed SVG hash salt (stable
#: element ids), no top/right spines.
STYLE: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": None,  # filled in by figure_style (needs matplotlib's cycler)
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "svg.hashsalt": "analysis-figures",
    "svg.fonttype": "path",
    "image.interpolation": "bilinear",
}

_COLUMN_LABELS = {
    "count": "Occurrences",
    "per_1000": "Occurrences per 1,000 words",
    "tfidf": "TF-IDF",
    "tf": "Relative frequency",
    "doc_freq": "Documents containing the term",
    "likelihood_ratio": "Log-likelihood (G2)",
    "pmi": "PMI",
}


# ---------------------------------------------------------------------------- set-up


@contextmanager
def figure_style():
    """Context manager applying :data:`STYLE` (matplotlib ``rc_context``)."""
    import matplotlib as mpl
    from cycler import cycler

    rc = dict(STYLE)
    rc["axes.prop_cycle"] = cycler(color=list(PALETTE[:7]))
    with mpl.rc_context(rc):
        yield


def new_figure(figsize: tuple[float, float], **kwargs: Any) -> Figure:
    """A Figure not registered with pyplot (no GUI backend, nothing to close), with
    constrained layout. Used by :mod:`analysis.figures` to draw off-screen."""
    from matplotlib.figure import Figure

    kwargs.setdefault("layout", "constrained")
    return Figure(figsize=figsize, **kwargs)


def close_figure(fig: Figure) -> None:
    """Release a figure: closed in pyplot if pyplot knows it, then cleared."""
    import sys

    plt = sys.modules.get("matplotlib.pyplot")
    if plt is not None:
        plt.close(fig)
    fig.clear()


def _gca(ax: Axes | None) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    return plt.gca()


def _pyplot_figure(figsize: tuple[float, float]) -> Figure:
    import matplotlib.pyplot as plt

    return plt.figure(figsize=figsize, layout="constrained")


@lru_cache(maxsize=1)
def font_path() -> str:
    """Path of matplotlib's bundled DejaVu Sans, used for word clouds on every machine."""
    import matplotlib as mpl

    path = Path(mpl.get_data_path(), "fonts", "ttf", "DejaVuSans.ttf")
    if not path.is_file():  # pragma: no cover - matplotlib always ships it
        raise FileNotFoundError(f"matplotlib's DejaVuSans.ttf not found at {path}")
    return str(path)


def _series(data: Any, column: str) -> pd.Series:
    """A term -> value Series from a Series, a mapping or a table with ``column``."""
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        if isinstance(data.index, pd.MultiIndex):
            raise ValueError(
                "data is grouped (it has a MultiIndex); select one group with "
                "data.loc[group] or use the *_grid function"
            )
        if column not in data.columns:
            raise ValueError(
                f"data has no column {column!r} (columns: {', '.join(map(str, data.columns))})"
            )
        series = data[column]
    elif isinstance(data, pd.Series):
        series = data
    elif isinstance(data, Mapping):
        series = pd.Series(dict(data), dtype="float64")
    else:
        raise TypeError(
            f"expected a DataFrame, Series or mapping of term -> value, got {type(data).__name__}"
        )
    return series.astype("float64")


def _top(series: pd.Series, n: int | None) -> pd.Series:
    """Largest values first, ties by term; at most ``n``."""
    order = sorted(series.items(), key=lambda kv: (-kv[1], str(kv[0])))
    if n is not None:
        order = order[:n]
    import pandas as pd

    return pd.Series([v for _, v in order], index=[k for k, _ in order], dtype="float64")


# ---------------------------------------------------------------------------- bars


def plot_top_terms(
    data: Any,
    *,
    ax: Axes | None = None,
    n: int = 20,
    column: str = "count",
    color: str = PALETTE[0],
    title: str | None = None,
    annotate: bool = True,
    **kwargs: Any,
) -> Axes:
    """Horizontal bars of the most frequent terms, the most frequent at the top.

    Parameters
    ----------
    data : a table of :func:`analysis.terms.term_frequencies` (or :func:`~analysis.terms.tfidf`
        of one group), a Series or a mapping ``term -> value``.
    ax : Axes to draw into (default: the current Axes).
    n : number of terms.
    column : the column to plot (``count``, ``per_1000``, ``tfidf`` ...).
    color : bar colour.
    title : Axes title.
    annotate : write each value at the end of its bar.
    **kwargs : passed to :meth:`matplotlib.axes.Axes.barh`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = _gca(ax)
    values = _top(_series(data, column), n)
    y = list(range(len(values)))[::-1]
    kwargs.setdefault("height", 0.7)
    ax.barh(y, values.to_numpy(), color=color, **kwargs)
    ax.set_yticks(y, [str(t) for t in values.index])
    ax.set_ylim(-0.6, max(len(values), 1) - 0.4)
    ax.set_xlabel(_COLUMN_LABELS.get(column, column))
    ax.tick_params(axis="y", length=0)
    if annotate and len(values):
        fmt = {"count": "{:.0f}", "doc_freq": "{:.0f}", "per_1000": "{:.1f}"}.get(column, "{:.3g}")
        top = float(values.max())
        for yi, v in zip(y, values.to_numpy()):
            ax.text(v + top * 0.01, yi, fmt.format(v), va="center", ha="left", fontsize=7,
                    color="#333333")
        ax.set_xlim(0, top * 1.15)
    if title:
        ax.set_title(title, loc="left")
    return ax


def _grid_shape(k: int, ncols: int) -> tuple[int, int]:
    ncols = max(1, min(ncols, k))
    return math.ceil(k / ncols), ncols


def _groups(data: pd.DataFrame) -> list[Hashable]:
    import pandas as pd

    if not isinstance(data, pd.DataFrame) or not isinstance(data.index, pd.MultiIndex):
        raise ValueError(
            "expected a grouped table indexed by (group, term), e.g. "
            "term_frequencies(corpus, by='doc_id')"
        )
    return list(dict.fromkeys(data.index.get_level_values(0)))


def plot_top_terms_grid(
    data: pd.DataFrame,
    *,
    fig: Figure | None = None,
    n: int = 10,
    column: str = "per_1000",
    ncols: int = 3,
    titles: Mapping[Hashable, str] | None = None,
    color: str = PALETTE[0],
    panel_size: tuple[float, float] = (3.4, 2.8),
    title_width: int = 40,
) -> Figure:
    """Small multiples: the top terms of each group, one panel per group, shared x scale.

    Parameters
    ----------
    data : a grouped table indexed by (group, term): :func:`analysis.terms.term_frequencies`
        with ``by=...`` or :func:`analysis.terms.tfidf`.
    fig : Figure to draw into (default: a new pyplot figure).
    n : terms per panel.
    column : the column to plot; ``per_1000`` (default) makes groups of different size
        comparable.
    ncols : panels per row.
    titles : panel title per group (default: the group's label).
    color : bar colour.
    panel_size : size in inches of one panel, for a new figure.
    title_width : panel titles are wrapped at this many characters.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import textwrap

    groups = _groups(data)
    nrows, ncols = _grid_shape(len(groups), ncols)
    if fig is None:
        fig = _pyplot_figure((panel_size[0] * ncols, panel_size[1] * nrows))
    axes = fig.subplots(nrows, ncols, sharex=True, squeeze=False).ravel()
    top = 0.0
    for ax, group in zip(axes, groups):
        title = textwrap.fill((titles or {}).get(group, str(group)), title_width)
        part = data.loc[group]
        plot_top_terms(part, ax=ax, n=n, column=column, color=color, title=title)
        top = max(top, float(_series(part, column).max()))
    if top > 0:
        axes[0].set_xlim(0, top * 1.18)  # one scale for every panel, room for the values
    for ax in axes[len(groups):]:
        ax.set_visible(False)
    for i, ax in enumerate(axes[: len(groups)]):
        below = i + ncols
        if below < len(groups):  # an x label only under the last panel of each column
            ax.set_xlabel("")
    return fig


# ---------------------------------------------------------------------------- word clouds


def _frequencies(freqs: Any) -> dict[str, float]:
    series = _series(freqs, "count")
    ordered = _top(series[series > 0], None)
    if ordered.empty:
        raise ValueError("no terms with a positive frequency to draw")
    return {str(k): float(v) for k, v in ordered.items()}


def _wordcloud(**kwargs: Any):
    from wordcloud import WordCloud

    kwargs.setdefault("font_path", font_path())
    # Indonesian-safe: no bigram merging ("program program"), no plural folding
    # ("dinas" -> "dina"); frequencies always come from analysis.tokens, never its regexp.
    kwargs.update(collocations=False, normalize_plurals=False)
    return WordCloud(**kwargs)


def plot_wordcloud(
    freqs: Any,
    *,
    ax: Axes | None = None,
    random_state: int = 42,
    max_words: int = 100,
    width: int = 1000,
    height: int = 560,
    colors: Sequence[str] = _CLOUD_COLORS,
    title: str | None = None,
    **kwargs: Any,
) -> Axes:
    """A word cloud of term frequencies computed by :mod:`analysis.terms`.

    wordcloud's own text processing mangles Indonesian (its ``collocations`` step shows
    ``program program``, ``normalize_plurals`` turns ``dinas`` into ``dina``, its regexp
    splits ``program-program``), so the cloud is drawn with
    ``generate_from_frequencies`` from our tokens, with those steps off, the bundled
    DejaVu Sans font and a fixed ``random_state``: the same input gives the same image.

    Parameters
    ----------
    freqs : a term_frequencies table (its ``count`` column), a Series or a mapping
        ``term -> frequency``.
    ax : Axes to draw into (default: the current Axes).
    random_state : seed of the layout and colours.
    max_words : largest number of words drawn.
    width, height : size of the cloud image in pixels.
    colors : word colours, picked at random (seeded) per word.
    title : Axes title.
    **kwargs : passed to :class:`wordcloud.WordCloud` (e.g. ``relative_scaling``).

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = _gca(ax)
    palette = list(colors)

    def color_func(word, font_size, position, orientation, random_state=None, **_):
        return palette[random_state.randint(0, len(palette) - 1)]

    kwargs.setdefault("background_color", "white")
    kwargs.setdefault("prefer_horizontal", 0.9)
    cloud = _wordcloud(
        width=width, height=height, random_state=random_state, max_words=max_words,
        color_func=color_func, **kwargs,
    ).generate_from_frequencies(_frequencies(freqs))
    ax.imshow(cloud.to_array(), interpolation="bilinear")
    ax.set_axis_off()
    if title:
        ax.set_title(title, loc="left")
    return ax


def _sector_masks(size: int, k: int, gap: float) -> tuple[list[Any], float, float]:
    """Masks (255 = forbidden) for ``k`` equal sectors of a disc, starting at 12 o'clock."""
    import numpy as np

    c = (size - 1) / 2
    radius = size * 0.40
    yy, xx = np.mgrid[0:size, 0:size]
    dx, dy = xx - c, c - yy
    r = np.hypot(dx, dy)
    theta = (np.pi / 2 - np.arctan2(dy, dx)) % (2 * np.pi)  # clockwise from the top
    width = 2 * np.pi / k
    masks = []
    for i in range(k):
        lo, hi = i * width, (i + 1) * width
        inside = (theta >= lo) & (theta < hi) & (r <= radius)
        # keep words off the dividing lines: distance to each boundary ray > gap
        for edge in (lo, hi):
            ex, ey = np.sin(edge), np.cos(edge)
            dist = np.abs(dx * ey - dy * ex)
            inside &= dist > gap
        masks.append(np.where(inside, 0, 255).astype(np.uint8))
    return masks, c, radius


def plot_comparison_cloud(
    data: Any,
    *,
    ax: Axes | None = None,
    max_words: int = 100,
    random_state: int = 42,
    size: int = 1000,
    groups: Sequence[Hashable] | None = None,
    colors: Sequence[str] | Mapping[Hashable, str] | None = None,
    labels: Mapping[Hashable, str] | None = None,
    **kwargs: Any,
) -> Axes:
    """Comparison word cloud: each term in the sector of the group that uses it most.

    As quanteda's ``textplot_wordcloud(comparison = TRUE)`` (after R's
    ``comparison.cloud``): a term's share of each group's tokens is compared with its
    mean share over the groups; the term is drawn in the sector of the group where it
    exceeds that mean most, sized by the excess (see
    :func:`analysis.terms.comparison_terms`). Sizes are on one scale across sectors.

    Parameters
    ----------
    data : ``{group: {term: count}}`` (e.g. :func:`analysis.terms.term_counts`) or the
        table of :func:`analysis.terms.comparison_terms` (columns ``group``, ``excess``).
    ax : Axes to draw into (default: the current Axes).
    max_words : number of terms over all groups (when ``data`` holds counts).
    random_state : seed of the layout.
    size : width and height of the image in pixels.
    groups : the groups, in sector order clockwise from 12 o'clock (default: the keys of
        ``data``, or the sorted values of its ``group`` column).
    colors : one colour per group (a sequence in group order, or a mapping; default
        :data:`GROUP_COLORS`).
    labels : label per group, written at the rim of its sector (default: the group).
    **kwargs : passed to :class:`wordcloud.WordCloud`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np
    import pandas as pd

    from .terms import comparison_terms

    ax = _gca(ax)
    if isinstance(data, pd.DataFrame):
        table = data
        default = sorted(dict.fromkeys(table["group"]), key=str)
    else:
        table = comparison_terms(data, max_words=max_words)
        default = list(data)
    groups = list(groups) if groups is not None else default
    if table.empty:
        raise ValueError("no term is used more by one group than by the others")
    unknown = set(table["group"]) - set(groups)
    if unknown:
        raise ValueError(f"groups {sorted(map(str, unknown))} of the table are not in groups")
    if colors is None:
        colors = [GROUP_COLORS[i % len(GROUP_COLORS)] for i in range(len(groups))]
    color_of = dict(colors) if isinstance(colors, Mapping) else dict(zip(groups, colors))

    k = len(groups)
    masks, c, radius = _sector_masks(size, k, gap=size * 0.006)
    top = float(table["excess"].max())
    canvas = np.ones((size, size, 3), dtype=np.float64)
    kwargs.setdefault("prefer_horizontal", 0.9)
    kwargs.setdefault("relative_scaling", 1.0)
    base = int(size * 0.075)
    for i, group in enumerate(groups):
        sub = table[table["group"] == group]
        if sub.empty:
            continue
        freqs = {str(t): float(v) for t, v in zip(sub.index, sub["excess"])}
        color = color_of[group]
        cloud = _wordcloud(
            mask=masks[i], mode="RGBA", background_color=None, random_state=random_state,
            max_font_size=max(8, int(round(base * max(freqs.values()) / top))), min_font_size=7,
            color_func=lambda *a, _c=color, **kw: _c, max_words=len(freqs), **kwargs,
        ).generate_from_frequencies(freqs)
        img = cloud.to_array().astype(np.float64) / 255.0
        alpha = img[..., 3:4]
        canvas = canvas * (1 - alpha) + img[..., :3] * alpha
    ax.imshow((canvas * 255).round().astype(np.uint8), interpolation="bilinear")
    width = 2 * math.pi / k
    for i in range(k):
        edge = i * width
        ax.plot([c, c + radius * math.sin(edge)], [c, c - radius * math.cos(edge)],
                color="#BBBBBB", linewidth=0.6)
        mid = edge + width / 2
        x, y = c + radius * 1.08 * math.sin(mid), c - radius * 1.08 * math.cos(mid)
        ha = "left" if math.sin(mid) > 0.2 else "right" if math.sin(mid) < -0.2 else "center"
        va = "bottom" if math.cos(mid) > 0.2 else "top" if math.cos(mid) < -0.2 else "center"
        label = (labels or {}).get(groups[i], str(groups[i]))
        ax.text(x, y, label, ha=ha, va=va, fontsize=9, fontweight="bold",
                color=color_of[groups[i]])
    ax.set_xlim(c - radius * 1.6, c + radius * 1.6)  # room for the labels left and right
    ax.set_ylim(c + radius * 1.2, c - radius * 1.2)
    ax.set_axis_off()
    return ax


# ---------------------------------------------------------------------------- keyness


def _keyness_rows(data: pd.DataFrame, n: int) -> pd.DataFrame:
    import pandas as pd

    for col in ("g2", "log_ratio"):
        if col not in data.columns:
            raise ValueError(f"expected a keyness table with a {col!r} column")
    pos = data[data["g2"] > 0].sort_values(["g2"], ascending=False, kind="mergesort").head(n)
    neg = data[data["g2"] < 0].sort_values(["g2"], ascending=True, kind="mergesort").head(n)
    return pd.concat([pos, neg.iloc[::-1]])


def _keyness_handles(target: str, reference: str) -> list[Any]:
    from matplotlib.patches import Patch

    return [
        Patch(facecolor=PALETTE[0], edgecolor=PALETTE[0], label=f"more frequent in {target}"),
        Patch(facecolor=PALETTE[1], edgecolor=PALETTE[1], label=f"more frequent in {reference}"),
        Patch(facecolor="white", edgecolor="#666666",
              label=f"not significant (|G2| < {G2_P05})"),
        Patch(facecolor="none", edgecolor="none",
              label=f"* |G2| \u2265 {G2_P05} (p < 0.05)   ** |G2| \u2265 {G2_P01} (p < 0.01)"),
    ]


def plot_keyness(
    data: pd.DataFrame,
    *,
    ax: Axes | None = None,
    n: int = 10,
    target: str = "target",
    reference: str = "rest",
    title: str | None = None,
    legend: bool = True,
) -> Axes:
    """Diverging bars of Log Ratio for the key terms of a target against a reference.

    The ``n`` terms with the largest positive G2 (more frequent in the target, bars to
    the right, blue) and the ``n`` with the most negative G2 (more frequent in the
    reference, bars to the left, orange) are drawn with their Log Ratio (binary log of the
    ratio of relative frequencies: +1 means twice as frequent in the target).
    Significance of the log-likelihood G2 (1 d.f., no correction for multiple tests) is
    marked: filled bar with ``**`` when ``|G2| >= 6.63`` (p < 0.01), filled with ``*``
    when ``|G2| >= 3.84`` (p < 0.05), hollow bar when not significant.

    Parameters
    ----------
    data : a table of :func:`analysis.keyness.keyness` (columns ``g2`` and ``log_ratio``,
        indexed by term), e.g. one group of :func:`analysis.terms.keyness_by_group`.
    ax : Axes to draw into (default: the current Axes).
    n : terms on each side.
    target, reference : names used in the legend.
    title : Axes title.
    legend : draw the legend in this Axes.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = _gca(ax)
    rows = _keyness_rows(data, n)
    y = list(range(len(rows)))[::-1]
    lr = rows["log_ratio"].to_numpy(dtype=float)
    g2 = rows["g2"].to_numpy(dtype=float)
    span = max(float(abs(lr).max()) if len(lr) else 1.0, 1.0)
    for yi, term, v, g in zip(y, rows.index, lr, g2):
        color = PALETTE[0] if g > 0 else PALETTE[1]
        significant = abs(g) >= G2_P05
        ax.barh(yi, v, height=0.7, color=color if significant else "white", edgecolor=color,
                linewidth=1.0)
        stars = "**" if abs(g) >= G2_P01 else "*" if significant else ""
        if stars:
            ax.text(v + (0.02 if v >= 0 else -0.02) * span, yi, stars, va="center",
                    ha="left" if v >= 0 else "right", fontsize=8)
        # the term sits on the other side of zero, where its row has no bar
        ax.text(-0.03 * span if v >= 0 else 0.03 * span, yi, str(term), va="center",
                ha="right" if v >= 0 else "left", fontsize=8)
    ax.axvline(0, color="#333333", linewidth=0.8)
    ax.set_xlim(-span * 1.25, span * 1.25)
    ax.set_ylim(-0.7, max(len(rows), 1) - 0.3)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlabel("Log Ratio (log2 of the ratio of relative frequencies)")
    if title:
        ax.set_title(title, loc="left")
    if legend:
        ax.legend(handles=_keyness_handles(target, reference), loc="lower right", fontsize=7,
                  frameon=False)
    return ax


def plot_keyness_grid(
    data: pd.DataFrame,
    *,
    fig: Figure | None = None,
    n: int = 8,
    ncols: int = 2,
    titles: Mapping[Hashable, str] | None = None,
    reference: str = "the other articles",
    panel_size: tuple[float, float] = (5.0, 3.6),
) -> Figure:
    """One :func:`plot_keyness` panel per group (each against the rest), with one legend.

    Parameters
    ----------
    data : :func:`analysis.terms.keyness_by_group`, indexed by (group, term).
    fig : Figure to draw into (default: a new pyplot figure).
    n : terms on each side of each panel.
    ncols : panels per row; the legend takes the next free panel (or goes below).
    titles : panel title per group.
    reference : what each group is compared with, for the legend.
    panel_size : inches per panel, for a new figure.

    Returns
    -------
    matplotlib.figure.Figure
    """
    groups = _groups(data)
    nrows, ncols = _grid_shape(len(groups) + 1, ncols)
    if fig is None:
        fig = _pyplot_figure((panel_size[0] * ncols, panel_size[1] * nrows))
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    for ax, group in zip(axes, groups):
        plot_keyness(data.loc[group], ax=ax, n=n, legend=False,
                     title=(titles or {}).get(group, str(group)))
    spare = axes[len(groups)]
    spare.set_axis_off()
    spare.legend(handles=_keyness_handles("the group (panel title)", reference), loc="center",
                 frameon=False, fontsize=9, title="Each panel: one group against the rest",
                 title_fontproperties={"weight": "bold", "size": 9})
    for ax in axes[len(groups) + 1:]:
        ax.set_visible(False)
    return fig


# ---------------------------------------------------------------------------- dispersion


def plot_dispersion(
    data: pd.DataFrame,
    *,
    ax: Axes | None = None,
    terms: Sequence[str] | None = None,
    docs: Sequence[Hashable] | None = None,
    labels: Mapping[Hashable, str] | None = None,
    hue: str | None = None,
    palette: Mapping[Any, str] | None = None,
    title: str | None = None,
) -> Axes:
    """Lexical dispersion ("x-ray") plot: where each term occurs in each article.

    One block of rows per article (its label above the block), one row per term; each
    occurrence is a vertical tick at its relative position in the article (0 = first
    word, 1 = last), so articles of different length line up. An empty row means the
    term does not occur in that article.

    Parameters
    ----------
    data : :func:`analysis.terms.dispersion` (columns ``doc_id``, ``term``,
        ``relative_position``), optionally with a column named by ``hue``.
    ax : Axes to draw into (default: the current Axes).
    terms : the terms to show, in order (default: as they appear in ``data``); terms
        without hits still get a row.
    docs : the articles to show, in order (default: those in ``data``, sorted).
    labels : block label per article (default: the ``doc_id``).
    hue : column of ``data`` that colours the ticks (e.g. ``frame``); default: by term.
    palette : colour per hue value (default :data:`FRAME_COLORS` then :data:`PALETTE`).
    title : Axes title.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = _gca(ax)
    for col in ("doc_id", "term", "relative_position"):
        if col not in data.columns:
            raise ValueError(f"expected a dispersion table with a {col!r} column")
    terms = list(terms) if terms is not None else list(dict.fromkeys(data["term"]))
    docs = list(docs) if docs is not None else sorted(dict.fromkeys(data["doc_id"]), key=str)
    if hue is not None:
        keys = list(dict.fromkeys(data[hue]))
        term_hue = dict(zip(data["term"], data[hue]))
    else:
        keys = terms
        term_hue = {t: t for t in terms}
    colors = dict(palette) if palette else {}
    for i, key in enumerate(keys):
        colors.setdefault(key, FRAME_COLORS.get(key, PALETTE[i % 7]))

    yticks, ylabels = [], []
    row = 0
    for doc in docs:
        header = row
        ax.text(0.0, -header, (labels or {}).get(doc, str(doc)), ha="left", va="center",
                fontsize=8, fontweight="bold")
        row += 1
        sub = data[data["doc_id"] == doc]
        for term in terms:
            y = -row
            hits = sub.loc[sub["term"] == term, "relative_position"].to_numpy(dtype=float)
            color = colors.get(term_hue.get(term, term), "#333333")
            ax.axhline(y, color="#EEEEEE", linewidth=0.6, zorder=0)
            if len(hits):
                ax.vlines(hits, y - 0.38, y + 0.38, color=color, linewidth=1.6)
            yticks.append(y)
            ylabels.append(str(term))
            row += 1
        if doc != docs[-1]:
            ax.axhline(-row + 0.5, color="#999999", linewidth=0.6)
    ax.set_yticks(yticks, ylabels, fontsize=7)
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(-row + 0.4, 0.6)
    ax.set_xlim(-0.01, 1.01)
    ax.set_xlabel("Relative position in the article (0 = first word, 1 = last word)")
    ax.spines["left"].set_visible(False)
    if hue is not None:
        from matplotlib.lines import Line2D

        handles = [Line2D([0], [0], color=colors[k], linewidth=2, label=str(k)) for k in keys]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
                  fontsize=8, title=hue)
    if title:
        ax.set_title(title, loc="left")
    return ax


# ---------------------------------------------------------------------------- collocations


def plot_collocations(
    data: pd.DataFrame,
    *,
    ax: Axes | None = None,
    n: int = 15,
    title: str | None = None,
    fontsize: float = 8,
) -> Axes:
    """A table figure of the strongest collocations.

    Parameters
    ----------
    data : :func:`analysis.terms.collocations` (index ``ngram``; columns ``count``,
        ``likelihood_ratio``, ``pmi``, ``rank``), in the order to show.
    ax : Axes to draw into (default: the current Axes); its frame is turned off.
    n : rows shown.
    title : Axes title.
    fontsize : font size of the cells.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = _gca(ax)
    for col in ("count", "likelihood_ratio", "pmi"):
        if col not in data.columns:
            raise ValueError(f"expected a collocations table with a {col!r} column")
    rows = data.head(n)
    cells = [
        [str(int(r)) if "rank" in rows.columns else str(i + 1), str(gram), str(int(c)),
         f"{lr:.1f}", f"{p:.2f}"]
        for i, (gram, c, lr, p, r) in enumerate(zip(
            rows.index, rows["count"], rows["likelihood_ratio"], rows["pmi"],
            rows["rank"] if "rank" in rows.columns else range(len(rows)),
        ))
    ]
    ax.set_axis_off()
    header = ["Rank", "Collocation", "Count", "Log-likelihood G2", "PMI (log2)"]
    if not cells:
        ax.text(0.5, 0.5, "no collocation reaches the minimum frequency", ha="center",
                va="center", transform=ax.transAxes)
    else:
        table = ax.table(
            cellText=cells, colLabels=header, bbox=(0.0, 0.0, 1.0, 1.0), cellLoc="left",
            colLoc="left", colWidths=[0.08, 0.44, 0.1, 0.22, 0.16],
        )
        table.auto_set_font_size(False)
        table.set_fontsize(fontsize)
        for (r, col), cell in table.get_celld().items():
            cell.set_edgecolor("#DDDDDD")
            if r == 0:
                cell.set_text_props(weight="bold")
                cell.set_facecolor("#E8EEF4")
            elif r % 2 == 0:
                cell.set_facecolor("#F7F7F7")
            if col in (0, 2, 3, 4):
                cell.get_text().set_horizontalalignment("right" if r else "left")
    if title:
        ax.set_title(title, loc="left")
    return ax


# ---------------------------------------------------------------------------- frames

#: Colour of each voice in the voice comparison (Okabe-Ito, apart from the frame colours).
VOICE_COLORS = {"direct": "#CC79A7", "indirect": "#56B4E9", "narration": "#999999"}

_FRAME_VALUE_LABELS = {
    "per_1000": "Frame hits per 1,000 words",
    "share": "Share of the group's frame hits",
    "hits": "Frame hits",
}


def _frame_colors(frames: Sequence[str]) -> dict[str, str]:
    """:data:`FRAME_COLORS`, then palette colours for frames a user's lexicon adds."""
    spare = [c for c in PALETTE[:7] if c not in FRAME_COLORS.values()]
    colors, k = {}, 0
    for f in frames:
        if f in FRAME_COLORS:
            colors[f] = FRAME_COLORS[f]
        else:
            colors[f] = spare[k % len(spare)]
            k += 1
    return colors


def _need(data: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in data.columns]
    if missing:
        raise ValueError(
            f"expected {what} with column(s) {', '.join(missing)} "
            f"(columns: {', '.join(map(str, data.columns))})"
        )


def _whiskers(data: pd.DataFrame, value: str) -> tuple[Any, Any]:
    """Lower and upper error lengths from ``ci_low``/``ci_high`` (None without them)."""
    import numpy as np

    lo_col, hi_col = ("share_ci_low", "share_ci_high") if value == "share" else ("ci_low",
                                                                                  "ci_high")
    if value not in ("per_1000", "share") or lo_col not in data or hi_col not in data:
        return None, None
    v = data[value].to_numpy(dtype=float)
    lo = data[lo_col].to_numpy(dtype=float)
    hi = data[hi_col].to_numpy(dtype=float)
    ok = ~(np.isnan(lo) | np.isnan(hi))
    return np.where(ok, np.clip(v - lo, 0, None), 0), np.where(ok, np.clip(hi - v, 0, None), 0)


def plot_frame_profile(
    data: pd.DataFrame,
    *,
    ax: Axes | None = None,
    group: str = "leader",
    value: str = "per_1000",
    labels: Mapping[Hashable, str] | None = None,
    title: str | None = None,
    legend: bool = True,
    **kwargs: Any,
) -> Axes:
    """Frame profile of each group: a point per frame with its bootstrap interval.

    One row per group (in the order of ``data``, top down), one point per frame, dodged
    vertically, at the frame's rate (or share) with a horizontal whisker from ``ci_low``
    to ``ci_high`` (``share_ci_low``/``share_ci_high`` for shares).

    Parameters
    ----------
    data : :func:`analysis.frames.frame_scores` grouped by ``group`` (columns ``group``,
        ``frame``, ``value``, and ``ci_low``/``ci_high`` for whiskers).
    ax : Axes to draw into (default: the current Axes).
    group : the grouping column (``leader``, ``doc_id``, ``level`` ...).
    value : ``per_1000`` (default), ``share`` or ``hits``.
    labels : row label per group (default: the group value).
    title : Axes title.
    legend : draw a legend of the frames.
    **kwargs : passed to :meth:`matplotlib.axes.Axes.errorbar`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np

    ax = _gca(ax)
    _need(data, [group, "frame", value], "a frame_scores table")
    groups = list(dict.fromkeys(data[group]))
    frames = list(dict.fromkeys(data["frame"]))
    colors = _frame_colors(frames)
    k = len(frames)
    step = 0.7 / max(k, 1)
    row_of = {g: len(groups) - 1 - i for i, g in enumerate(groups)}
    kwargs.setdefault("fmt", "o")
    kwargs.setdefault("markersize", 5)
    kwargs.setdefault("capsize", 2)
    kwargs.setdefault("elinewidth", 1.2)
    for j, frame in enumerate(frames):
        sub = data[data["frame"] == frame]
        y = np.array([row_of[g] for g in sub[group]], dtype=float) + (k - 1) / 2 * step - j * step
        lo, hi = _whiskers(sub, value)
        ax.errorbar(sub[value].to_numpy(dtype=float), y,
                    xerr=None if lo is None else np.vstack([lo, hi]),
                    color=colors[frame], label=frame, **kwargs)
    ax.set_yticks(range(len(groups)),
                  [(labels or {}).get(g, str(g)) for g in groups[::-1]])
    ax.set_ylim(-0.6, len(groups) - 0.4)
    for r in range(len(groups) - 1):
        ax.axhline(r + 0.5, color="#EEEEEE", linewidth=0.6, zorder=0)
    right = ax.get_xlim()[1]
    ax.set_xlim(-0.015 * right, right)  # room for a point at zero
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel(_FRAME_VALUE_LABELS.get(value, value)
                  + (" (point) and bootstrap interval" if value != "hits" else ""))
    if legend:
        handles, names = ax.get_legend_handles_labels()
        ax.legend(handles, names, loc="lower right", fontsize=8, frameon=False, title="frame")
    if title:
        ax.set_title(title, loc="left")
    return ax


def plot_frame_heatmap(
    data: pd.DataFrame,
    *,
    ax: Axes | None = None,
    index: str = "doc_id",
    value: str = "per_1000",
    labels: Mapping[Hashable, str] | None = None,
    cmap: str = "Blues",
    annotate: bool = True,
    colorbar: bool = True,
    title: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Heatmap of frame rates: one row per article (or group), one column per frame.

    Parameters
    ----------
    data : :func:`analysis.frames.frame_scores` (tidy: columns ``index``, ``frame``,
        ``value``); rows keep the order of ``data``, columns the frame order.
    ax : Axes to draw into (default: the current Axes).
    index : the row column (``doc_id`` default).
    value : the cell value (``per_1000`` default, ``share``, ``hits``).
    labels : row label per ``index`` value (default: the value).
    cmap : matplotlib colormap name (sequential; white is zero).
    annotate : write each cell's value (one decimal; two for shares).
    colorbar : add a colour bar beside the Axes.
    title : Axes title.
    **kwargs : passed to :meth:`matplotlib.axes.Axes.imshow`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np

    ax = _gca(ax)
    _need(data, [index, "frame", value], "a frame_scores table")
    rows = list(dict.fromkeys(data[index]))
    frames = list(dict.fromkeys(data["frame"]))
    grid = data.pivot_table(index=index, columns="frame", values=value, aggfunc="first",
                            sort=False).reindex(index=rows, columns=frames)
    values = grid.to_numpy(dtype=float)
    top = float(np.nanmax(values)) if np.isfinite(values).any() else 1.0
    kwargs.setdefault("vmin", 0)
    kwargs.setdefault("vmax", top if top > 0 else 1.0)
    image = ax.imshow(values, cmap=cmap, aspect="auto", interpolation="nearest", **kwargs)
    ax.set_xticks(range(len(frames)), frames)
    ax.set_yticks(range(len(rows)), [(labels or {}).get(r, str(r)) for r in rows])
    ax.tick_params(length=0)
    ax.xaxis.tick_top()
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    if annotate:
        fmt = "{:.2f}" if value == "share" else "{:.0f}" if value == "hits" else "{:.1f}"
        for (i, j), v in np.ndenumerate(values):
            text = "" if np.isnan(v) else fmt.format(v)
            dark = not np.isnan(v) and v > 0.6 * kwargs["vmax"]
            ax.text(j, i, text, ha="center", va="center", fontsize=8,
                    color="white" if dark else "#222222")
    if colorbar:
        bar = ax.figure.colorbar(image, ax=ax, shrink=0.8, pad=0.02)
        bar.set_label(_FRAME_VALUE_LABELS.get(value, value))
        bar.outline.set_visible(False)
    if title:
        ax.set_title(title, loc="left")
    return ax


def plot_voice_comparison(
    data: pd.DataFrame,
    *,
    ax: Axes | None = None,
    value: str = "per_1000",
    voices: Sequence[str] | None = None,
    title: str | None = None,
    legend: bool = True,
    **kwargs: Any,
) -> Axes:
    """Frame rates in the leader's direct words, reported speech and narration.

    Grouped bars: one group per frame, one bar per voice, with bootstrap whiskers.

    Parameters
    ----------
    data : :func:`analysis.frames.frame_scores` with ``by="voice"`` for one corpus or
        one group (columns ``voice``, ``frame``, ``value``; ``ci_low``/``ci_high`` for
        whiskers; ``n_sentences`` to show the sentence count of each voice in the legend).
    ax : Axes to draw into (default: the current Axes).
    value : ``per_1000`` (default) or ``share``.
    voices : the voices to show, in order (default: ``direct``, ``indirect``,
        ``narration``, then any other voice in ``data``).
    title : Axes title.
    legend : draw a legend of the voices.
    **kwargs : passed to :meth:`matplotlib.axes.Axes.bar`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np

    ax = _gca(ax)
    _need(data, ["voice", "frame", value], "a frame_scores table by voice")
    present = list(dict.fromkeys(data["voice"]))
    if voices is None:
        voices = [v for v in VOICE_COLORS if v in present] + [
            v for v in present if v not in VOICE_COLORS
        ]
    frames = list(dict.fromkeys(data["frame"]))
    width = 0.8 / max(len(voices), 1)
    kwargs.setdefault("edgecolor", "white")
    ymax = 0.0
    for i, voice in enumerate(voices):
        sub = data[data["voice"] == voice].set_index("frame").reindex(frames)
        x = np.arange(len(frames)) - 0.4 + width * (i + 0.5)
        heights = sub[value].to_numpy(dtype=float)
        lo, hi = _whiskers(sub, value)
        label = voice
        if "n_sentences" in sub and sub["n_sentences"].notna().any():
            label = f"{voice} ({int(sub['n_sentences'].max())} sentences)"
        ax.bar(x, np.nan_to_num(heights), width=width,
               color=VOICE_COLORS.get(voice, PALETTE[(i + 4) % 7]), label=label, **kwargs)
        tops = np.nan_to_num(heights)
        if lo is not None:
            ax.errorbar(x, np.nan_to_num(heights), yerr=np.vstack([lo, hi]), fmt="none",
                        ecolor="#333333", elinewidth=0.9, capsize=2)
            tops = tops + hi
        ymax = max(ymax, float(tops.max()) if len(tops) else 0.0)
    ax.set_xticks(range(len(frames)), frames)
    ax.tick_params(axis="x", length=0)
    ax.set_ylim(0, ymax * (1.45 if legend else 1.05) if ymax > 0 else 1.0)  # legend room
    ax.set_ylabel(_FRAME_VALUE_LABELS.get(value, value))
    if legend:
        ax.legend(loc="upper right", fontsize=7, frameon=False, title="voice",
                  title_fontsize=8)
    if title:
        ax.set_title(title, loc="left")
    return ax


def plot_frames_over_time(
    data: pd.DataFrame,
    *,
    ax: Axes | None = None,
    date: str = "date",
    label: str | None = "leader",
    value: str = "per_1000",
    lines: bool = False,
    title: str | None = None,
    legend: bool = True,
    **kwargs: Any,
) -> Axes:
    """Frame rates of each article (or period) against its date.

    One point per row and frame, with its bootstrap whisker, frames dodged a little in
    time so the whiskers do not hide each other. With ``label``, each date is labelled
    along the top with that column (the article's leader).

    Parameters
    ----------
    data : :func:`analysis.frames.frame_scores` with a ``date`` column (ISO dates or
        years; rows without a date are left out) and, optionally, the ``label`` column.
    ax : Axes to draw into (default: the current Axes).
    date : the date column.
    label : column written above each date (``None``: no labels).
    value : ``per_1000`` (default) or ``share``.
    lines : join each frame's points with a thin line (for periods such as years; off
        by default, since a line between articles of different leaders and regions
        would suggest a trend that is not there).
    title : Axes title.
    legend : draw a legend of the frames.
    **kwargs : passed to :meth:`matplotlib.axes.Axes.errorbar`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np
    import pandas as pd

    ax = _gca(ax)
    _need(data, [date, "frame", value], "a frame_scores table with dates")
    data = data.assign(_when=pd.to_datetime(data[date].astype(str), errors="coerce",
                                            format="mixed"))
    data = data[data["_when"].notna()].sort_values("_when", kind="mergesort")
    frames = list(dict.fromkeys(data["frame"]))
    colors = _frame_colors(frames)
    if len(data):
        span = (data["_when"].max() - data["_when"].min()) or pd.Timedelta(days=30)
    else:
        span = pd.Timedelta(days=30)
    shift = span * 0.012
    kwargs.setdefault("fmt", "o")
    kwargs.setdefault("markersize", 5)
    kwargs.setdefault("capsize", 2)
    kwargs.setdefault("elinewidth", 1.1)
    for j, frame in enumerate(frames):
        sub = data[data["frame"] == frame]
        when = sub["_when"] + shift * (j - (len(frames) - 1) / 2)
        lo, hi = _whiskers(sub, value)
        if lines:
            ax.plot(when, sub[value].to_numpy(dtype=float), color=colors[frame],
                    linewidth=0.8, alpha=0.5)
        ax.errorbar(when, sub[value].to_numpy(dtype=float),
                    yerr=None if lo is None else np.vstack([lo, hi]),
                    color=colors[frame], label=frame, **kwargs)
    if label is not None and label in data.columns:
        firsts = data.drop_duplicates([date, label])
        for when, text in zip(firsts["_when"], firsts[label]):
            ax.axvline(when, color="#DDDDDD", linewidth=0.6, zorder=0)
            ax.annotate(str(text), xy=(when, 1.0), xycoords=("data", "axes fraction"),
                        xytext=(0, 3), textcoords="offset points", rotation=35,
                        ha="left", va="bottom", fontsize=7, color="#333333")
    if len(data):
        pad = span * 0.06
        ax.set_xlim(data["_when"].min() - pad, data["_when"].max() + pad)
    top = ax.get_ylim()[1]
    ax.set_ylim(-0.015 * top, top)  # room for a point at zero
    ax.set_ylabel(_FRAME_VALUE_LABELS.get(value, value))
    ax.set_xlabel("Date of the article")
    if legend:
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False,
                  title="frame")
    if title:
        ax.set_title(title, loc="left", pad=40 if label is not None else None)
    return ax


def plot_frame_cooccurrence(
    data: pd.DataFrame,
    *,
    ax: Axes | None = None,
    cmap: str = "Greens",
    annotate: bool = True,
    title: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Frame co-occurrence within sentences as an annotated square heatmap.

    Parameters
    ----------
    data : :func:`analysis.frames.frame_cooccurrence` (frame x frame sentence counts;
        the diagonal is the number of sentences with the frame).
    ax : Axes to draw into (default: the current Axes).
    cmap : matplotlib colormap name.
    annotate : write the count in each cell.
    title : Axes title.
    **kwargs : passed to :meth:`matplotlib.axes.Axes.imshow`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np

    ax = _gca(ax)
    values = data.to_numpy(dtype=float)
    top = float(values.max()) if values.size and values.max() > 0 else 1.0
    kwargs.setdefault("vmin", 0)
    kwargs.setdefault("vmax", top)
    ax.imshow(values, cmap=cmap, interpolation="nearest", **kwargs)
    ax.set_xticks(range(values.shape[1]), [str(c) for c in data.columns])
    ax.set_yticks(range(values.shape[0]), [str(i) for i in data.index])
    ax.tick_params(length=0)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    if annotate:
        for (i, j), v in np.ndenumerate(values):
            ax.text(j, i, f"{v:.0f}", ha="center", va="center", fontsize=9,
                    color="white" if v > 0.6 * kwargs["vmax"] else "#222222",
                    fontweight="bold" if i == j else "normal")
    if title:
        ax.set_title(title, loc="left")
    return ax
