"""Bars and tables of terms: top terms, keyness, dispersion ("x-ray") and collocations.

Each function draws a table computed by :mod:`analysis.terms`, :mod:`analysis.keyness`
or :mod:`analysis.kwic` and computes nothing itself.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .base import (
    FRAME_COLORS,
    PALETTE,
    _gca,
    _grid_shape,
    _groups,
    _pyplot_figure,
    _series,
    _top,
)

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "G2_P01",
    "G2_P05",
    "plot_collocations",
    "plot_dispersion",
    "plot_keyness",
    "plot_keyness_grid",
    "plot_top_terms",
    "plot_top_terms_grid",
]

#: Significance thresholds of G2 with 1 d.f. (Rayson's critical values).
G2_P05 = 3.84
G2_P01 = 6.63

_COLUMN_LABELS = {
    "count": "Occurrences",
    "per_1000": "Occurrences per 1,000 words",
    "tfidf": "TF-IDF",
    "tf": "Relative frequency",
    "doc_freq": "Documents containing the term",
    "likelihood_ratio": "Log-likelihood (G2)",
    "pmi": "PMI",
}


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
    data : pandas.DataFrame, pandas.Series or mapping of str to float
        A table of :func:`analysis.terms.term_frequencies` (or :func:`~analysis.terms.tfidf`
        of one group), a Series or a mapping ``term -> value``.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current Axes).
    n : int
        Number of terms.
    column : str
        The column to plot (``count``, ``per_1000``, ``tfidf`` ...).
    color : str
        Bar colour.
    title : str or None
        Axes title.
    annotate : bool
        Write each value at the end of its bar.
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.barh`.

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
            ax.text(
                v + top * 0.01,
                yi,
                fmt.format(v),
                va="center",
                ha="left",
                fontsize=7,
                color="#333333",
            )
        ax.set_xlim(0, top * 1.15)
    if title:
        ax.set_title(title, loc="left")
    return ax


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

    Every panel has its x tick labels (the scale is shared, but a panel above an empty
    slot or read alone still shows it); the x axis label is under the last panel of
    each column.

    Parameters
    ----------
    data : pandas.DataFrame
        A grouped table indexed by (group, term): :func:`analysis.terms.term_frequencies`
        with ``by=...`` or :func:`analysis.terms.tfidf`.
    fig : matplotlib.figure.Figure, optional
        Figure to draw into (default: a new pyplot figure).
    n : int
        Terms per panel.
    column : str
        The column to plot; ``per_1000`` (default) makes groups of different size
        comparable.
    ncols : int
        Panels per row.
    titles : mapping of hashable to str, optional
        Panel title per group (default: the group's label).
    color : str
        Bar colour.
    panel_size : tuple of (float, float)
        Size in inches of one panel, for a new figure.
    title_width : int
        Panel titles are wrapped at this many characters.

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
    for ax in axes[len(groups) :]:
        ax.set_visible(False)
    for i, ax in enumerate(axes[: len(groups)]):
        ax.xaxis.set_tick_params(labelbottom=True)  # every panel its scale, as read alone
        below = i + ncols
        if below < len(groups):  # an x label only under the last panel of each column
            ax.set_xlabel("")
    return fig


# ---------------------------------------------------------------------------- keyness


def _keyness_rows(data: pd.DataFrame, n: int) -> pd.DataFrame:
    import pandas as pd

    for col in ("g2", "log_ratio"):
        if col not in data.columns:
            raise ValueError(f"expected a keyness table with a {col!r} column")
    pos = data[data["g2"] > 0].sort_values(["g2"], ascending=False, kind="mergesort").head(n)
    neg = data[data["g2"] < 0].sort_values(["g2"], ascending=True, kind="mergesort").head(n)
    # chosen by G2, drawn in the order of the drawn quantity: Log Ratio, largest on top
    rows = pd.concat([pos, neg])
    return rows.sort_values("log_ratio", ascending=False, kind="mergesort")


def _keyness_handles(target: str, reference: str) -> list[Any]:
    from matplotlib.patches import Patch

    return [
        Patch(facecolor=PALETTE[0], edgecolor=PALETTE[0], label=f"more frequent in {target}"),
        Patch(facecolor=PALETTE[1], edgecolor=PALETTE[1], label=f"more frequent in {reference}"),
        Patch(facecolor="white", edgecolor="#666666", label=f"not significant (|G2| < {G2_P05})"),
        Patch(
            facecolor="none",
            edgecolor="none",
            label=f"* |G2| \u2265 {G2_P05} (p < 0.05)\n** |G2| \u2265 {G2_P01} (p < 0.01)",
        ),
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
    ratio of relative frequencies: +1 means twice as frequent in the target), in the
    order of their Log Ratio (largest at the top), as the x axis label says: G2 chooses
    the terms, Log Ratio (the drawn quantity) orders them. The legend stands
    under the Axes, outside it, so that it covers no term however small the Axes.
    Significance of the log-likelihood G2 (1 d.f., no correction for multiple tests) is
    marked: filled bar with ``**`` when ``|G2| >= 6.63`` (p < 0.01), filled with ``*``
    when ``|G2| >= 3.84`` (p < 0.05), hollow bar when not significant.

    Parameters
    ----------
    data : pandas.DataFrame
        A table of :func:`analysis.keyness.keyness_table` (columns ``g2`` and ``log_ratio``,
        indexed by term), e.g. one group of :func:`analysis.keyness.keyness_by_group`.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current Axes).
    n : int
        Terms on each side.
    target, reference : str
        Names used in the legend.
    title : str or None
        Axes title.
    legend : bool
        Draw the legend in this Axes.

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
        ax.barh(
            yi,
            v,
            height=0.7,
            color=color if significant else "white",
            edgecolor=color,
            linewidth=1.0,
        )
        stars = "**" if abs(g) >= G2_P01 else "*" if significant else ""
        if stars:
            ax.text(
                v + (0.02 if v >= 0 else -0.02) * span,
                yi,
                stars,
                va="center",
                ha="left" if v >= 0 else "right",
                fontsize=8,
            )
        # the term sits on the other side of zero, where its row has no bar
        ax.text(
            -0.03 * span if v >= 0 else 0.03 * span,
            yi,
            str(term),
            va="center",
            ha="right" if v >= 0 else "left",
            fontsize=8,
        )
    ax.axvline(0, color="#333333", linewidth=0.8)
    ax.set_xlim(-span * 1.25, span * 1.25)
    ax.set_ylim(-0.7, max(len(rows), 1) - 0.3)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlabel(  # wrapped to the figure's width when the Axes is small
        "Log Ratio (log2 of the ratio of relative frequencies)\n"
        f"the {n} terms of largest |G2| on each side, ordered by Log Ratio",
        wrap=True,
    )
    if title:
        ax.set_title(title, loc="left")
    if legend:
        # under the x axis label (its two lines and the tick labels take about 46 points;
        # the pad is in font sizes), outside the Axes: it covers no term however small
        ax.legend(
            handles=_keyness_handles(target, reference),
            loc="upper center",
            bbox_to_anchor=(0.5, 0.0),
            borderaxespad=46 / 7,
            ncols=2,
            fontsize=7,
            frameon=False,
        )
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
    data : pandas.DataFrame
        :func:`analysis.keyness.keyness_by_group`, indexed by (group, term).
    fig : matplotlib.figure.Figure, optional
        Figure to draw into (default: a new pyplot figure).
    n : int
        Terms on each side of each panel.
    ncols : int
        Panels per row; the legend takes the next free panel (or goes below).
    titles : mapping of hashable to str, optional
        Panel title per group.
    reference : str
        What each group is compared with, for the legend.
    panel_size : tuple of (float, float)
        Inches per panel, for a new figure.

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
        plot_keyness(
            data.loc[group], ax=ax, n=n, legend=False, title=(titles or {}).get(group, str(group))
        )
    spare = axes[len(groups)]
    spare.set_axis_off()
    spare.legend(
        handles=_keyness_handles("the group (panel title)", reference),
        loc="center",
        frameon=False,
        fontsize=9,
        title="Each panel: one group against the rest",
        title_fontproperties={"weight": "bold", "size": 9},
    )
    for ax in axes[len(groups) + 1 :]:
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
    data : pandas.DataFrame
        :func:`analysis.kwic.dispersion` (columns ``doc_id``, ``term``,
        ``relative_position``), optionally with a column named by ``hue``.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current Axes).
    terms : sequence of str, optional
        The terms to show, in order (default: as they appear in ``data``); terms
        without hits still get a row.
    docs : sequence of hashable, optional
        The articles to show, in order (default: those in ``data``, sorted).
    labels : mapping of hashable to str, optional
        Block label per article (default: the ``doc_id``).
    hue : str or None
        Column of ``data`` that colours the ticks (e.g. ``frame``); default: by term.
    palette : mapping of hashable to str, optional
        Colour per hue value (default :data:`FRAME_COLORS` then :data:`PALETTE`).
    title : str or None
        Axes title.

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
        ax.text(
            0.0,
            -header,
            (labels or {}).get(doc, str(doc)),
            ha="left",
            va="center",
            fontsize=8,
            fontweight="bold",
        )
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
        ax.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            frameon=False,
            fontsize=8,
            title=hue,
        )
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
    data : pandas.DataFrame
        :func:`analysis.terms.collocations` (index ``ngram``; columns ``count``,
        ``likelihood_ratio``, ``pmi``, ``rank``), in the order to show.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current Axes); its frame is turned off.
    n : int
        Rows shown.
    title : str or None
        Axes title.
    fontsize : float
        Font size of the cells.

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
        [
            str(int(r)) if "rank" in rows.columns else str(i + 1),
            str(gram),
            str(int(c)),
            f"{lr:.1f}",
            f"{p:.2f}",
        ]
        for i, (gram, c, lr, p, r) in enumerate(
            zip(
                rows.index,
                rows["count"],
                rows["likelihood_ratio"],
                rows["pmi"],
                rows["rank"] if "rank" in rows.columns else range(len(rows)),
            )
        )
    ]
    ax.set_axis_off()
    header = ["Rank", "Collocation", "Count", "Log-likelihood G2", "PMI (log2)"]
    if not cells:
        ax.text(
            0.5,
            0.5,
            "no collocation reaches the minimum frequency",
            ha="center",
            va="center",
            transform=ax.transAxes,
        )
    else:
        table = ax.table(
            cellText=cells,
            colLabels=header,
            bbox=(0.0, 0.0, 1.0, 1.0),
            cellLoc="left",
            colLoc="left",
            colWidths=[0.08, 0.44, 0.1, 0.22, 0.16],
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
