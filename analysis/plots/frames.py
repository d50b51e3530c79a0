"""Frame figures: profile per group, heatmap, voices, frames over time, co-occurrence.

Each function draws a table of :mod:`analysis.frames` (``frame_scores``,
``frame_cooccurrence``) and computes nothing itself.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .base import FRAME_COLORS, PALETTE, _gca

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = [
    "VOICE_COLORS",
    "plot_frame_cooccurrence",
    "plot_frame_heatmap",
    "plot_frame_profile",
    "plot_frames_over_time",
    "plot_voice_comparison",
]

# ---------------------------------------------------------------------------- frames

#: Colour of each voice in the voice comparison (Okabe-Ito, apart from the frame colours).
VOICE_COLORS = {"direct": "#CC79A7", "indirect": "#56B4E9", "narration": "#999999"}

#: Month abbreviations of the date labels (English, whatever the machine's locale).
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

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

    lo_col, hi_col = (
        ("share_ci_low", "share_ci_high") if value == "share" else ("ci_low", "ci_high")
    )
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
    to ``ci_high`` (``share_ci_low``/``share_ci_high`` for shares). Groups flagged
    ``small_group`` (2-4 articles, whose interval only spans their articles' rates) get
    hollow points; the legend says so, and says when one-article groups' intervals rest
    on within-article sentences only (``ci_basis``).

    Parameters
    ----------
    data : pandas.DataFrame
        :func:`analysis.frames.frame_scores` grouped by ``group`` (columns ``group``,
        ``frame``, ``value``, and ``ci_low``/``ci_high`` for whiskers).
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current Axes).
    group : str
        The grouping column (``leader``, ``doc_id``, ``level`` ...).
    value : str
        ``per_1000`` (default), ``share`` or ``hits``.
    labels : mapping of hashable to str, optional
        Row label per group (default: the group value).
    title : str or None
        Axes title.
    legend : bool
        Draw a legend of the frames.
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.errorbar`.

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
        ax.errorbar(
            sub[value].to_numpy(dtype=float),
            y,
            xerr=None if lo is None else np.vstack([lo, hi]),
            color=colors[frame],
            label=frame,
            **kwargs,
        )
        _mark_small_groups(ax, sub[value].to_numpy(dtype=float), y, sub, colors[frame])
    ax.set_yticks(range(len(groups)), [(labels or {}).get(g, str(g)) for g in groups[::-1]])
    ax.set_ylim(-0.6, len(groups) - 0.4)
    for r in range(len(groups) - 1):
        ax.axhline(r + 0.5, color="#EEEEEE", linewidth=0.6, zorder=0)
    right = ax.get_xlim()[1]
    ax.set_xlim(-0.015 * right, right)  # room for a point at zero
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel(
        _FRAME_VALUE_LABELS.get(value, value)
        + (" (point) and bootstrap interval" if value != "hits" else "")
    )
    if legend:
        handles, names = _legend_with_notes(ax, data)
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
    data : pandas.DataFrame
        :func:`analysis.frames.frame_scores` (tidy: columns ``index``, ``frame``,
        ``value``); rows keep the order of ``data``, columns the frame order.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current Axes).
    index : str
        The row column (``doc_id`` default).
    value : str
        The cell value (``per_1000`` default, ``share``, ``hits``).
    labels : mapping of hashable to str, optional
        Row label per ``index`` value (default: the value).
    cmap : str
        Matplotlib colormap name (sequential; white is zero).
    annotate : bool
        Write each cell's value (one decimal; two for shares).
    colorbar : bool
        Add a colour bar beside the Axes.
    title : str or None
        Axes title.
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.imshow`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np

    ax = _gca(ax)
    _need(data, [index, "frame", value], "a frame_scores table")
    rows = list(dict.fromkeys(data[index]))
    frames = list(dict.fromkeys(data["frame"]))
    grid = data.pivot_table(
        index=index, columns="frame", values=value, aggfunc="first", sort=False
    ).reindex(index=rows, columns=frames)
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
            ax.text(
                j,
                i,
                text,
                ha="center",
                va="center",
                fontsize=8,
                color="white" if dark else "#222222",
            )
    if colorbar:
        bar = ax.figure.colorbar(image, ax=ax, shrink=0.8, pad=0.02)
        bar.set_label(_FRAME_VALUE_LABELS.get(value, value))
        bar.outline.set_visible(False)
    if title:
        ax.set_title(title, loc="left")
    return ax


#: Legend entries of the groups whose intervals are not what they seem
#: (:func:`analysis.frames.frame_scores`: ``small_group``, ``ci_basis``).
SMALL_GROUP_LABEL = "hollow: 2-4 articles, interval only spans their rates (too narrow)"
SMALL_GROUP_HATCH_LABEL = "hatched: 2-4 articles, interval too narrow to trust"
WITHIN_ARTICLE_LABEL = "1 article: interval from within-article sentences only"

#: ``ci_basis`` of a one-article group (as :data:`analysis.frames.WITHIN_ARTICLE`).
WITHIN_ARTICLE_BASIS = "within-article sentences only"


def _small(data: pd.DataFrame) -> list[bool]:
    """Per row: is the group flagged ``small_group`` (False without the column)?"""
    if "small_group" not in data:
        return [False] * len(data)
    return [bool(v) for v in data["small_group"].fillna(False)]


def _mark_small_groups(ax: Axes, x: Any, y: Any, data: pd.DataFrame, color: str) -> None:
    """Hollow markers over the points of groups of 2-4 articles (gid ``small_group``)."""
    small = _small(data)
    if any(small):
        xs = [v for v, s in zip(x, small) if s]
        ys = [v for v, s in zip(y, small) if s]
        style = {"facecolors": "white", "edgecolors": color, "linewidths": 1.3}
        ax.scatter(xs, ys, s=22, zorder=3, gid="small_group", **style)


def _legend_with_notes(ax: Axes, data: pd.DataFrame) -> tuple[list, list[str]]:
    """The Axes' legend entries, then notes (artists without data) on small groups and
    one-article groups."""
    handles, names = ax.get_legend_handles_labels()
    if any(_small(data)):
        style = {"markerfacecolor": "white", "markeredgecolor": "#333333"}
        handles += ax.plot([], [], "o", label="_small_group_note", **style)
        names.append(SMALL_GROUP_LABEL)
    if "ci_basis" in data and (data["ci_basis"] == WITHIN_ARTICLE_BASIS).any():
        handles += ax.plot([], [], linestyle="none", label="_within_article_note")
        names.append(WITHIN_ARTICLE_LABEL)
    return handles, names


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

    Grouped bars: one group per frame, one bar per voice, with bootstrap whiskers; the
    bars of groups flagged ``small_group`` (2-4 articles) are hatched. A voice with
    sentences but no hit of a frame gets a ``0`` above its empty slot; a voice without
    sentences in ``data`` gets no slot and no legend entry.

    Parameters
    ----------
    data : pandas.DataFrame
        :func:`analysis.frames.frame_scores` with ``by="voice"`` for one corpus or
        one group (columns ``voice``, ``frame``, ``value``; ``ci_low``/``ci_high`` for
        whiskers; ``n_sentences`` to show the sentence count of each voice in the legend).
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current Axes).
    value : str
        ``per_1000`` (default) or ``share``.
    voices : sequence of str, optional
        The voices to show, in order (default: ``direct``, ``indirect``,
        ``narration``, then any other voice in ``data``).
    title : str or None
        Axes title.
    legend : bool
        Draw a legend of the voices.
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.bar`.

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
    hatched: list = []
    for i, voice in enumerate(voices):
        sub = data[data["voice"] == voice].set_index("frame").reindex(frames)
        x = np.arange(len(frames)) - 0.4 + width * (i + 0.5)
        heights = sub[value].to_numpy(dtype=float)
        lo, hi = _whiskers(sub, value)
        label = voice
        if "n_sentences" in sub and sub["n_sentences"].notna().any():
            label = f"{voice} ({int(sub['n_sentences'].max())} sentences)"
        bars = ax.bar(
            x,
            np.nan_to_num(heights),
            width=width,
            color=VOICE_COLORS.get(voice, PALETTE[(i + 4) % 7]),
            label=label,
            **kwargs,
        )
        for bar, small in zip(bars, _small(sub)):
            if small:  # a group of 2-4 articles: hatched
                bar.set(hatch="////", gid="small_group")
                hatched.append(bar)
        for xi, h in zip(x, heights):
            if h == 0:  # a zero bar has no height: say 0, unlike a voice with no sentences
                ax.annotate(
                    "0",
                    xy=(xi, 0),
                    xytext=(0, 1),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=7,
                    color="#333333",
                )
        tops = np.nan_to_num(heights)
        if lo is not None:
            ax.errorbar(
                x,
                np.nan_to_num(heights),
                yerr=np.vstack([lo, hi]),
                fmt="none",
                ecolor="#333333",
                elinewidth=0.9,
                capsize=2,
            )
            tops = tops + hi
        ymax = max(ymax, float(tops.max()) if len(tops) else 0.0)
    ax.set_xticks(range(len(frames)), frames)
    ax.tick_params(axis="x", length=0)
    ax.set_ylim(0, ymax * (1.45 if legend else 1.05) if ymax > 0 else 1.0)  # legend room
    ax.set_ylabel(_FRAME_VALUE_LABELS.get(value, value))
    if legend:
        handles, names = ax.get_legend_handles_labels()
        if hatched:
            handles, names = [*handles, hatched[0]], [*names, SMALL_GROUP_HATCH_LABEL]
        ax.legend(
            handles,
            names,
            loc="upper right",
            fontsize=7,
            frameon=False,
            title="voice",
            title_fontsize=8,
        )
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
    along the top with that column (the article's leader) and the date itself, year
    included, so that the first point has its year even before the first year tick. Rows
    flagged ``small_group`` (periods of 2-4 articles) get hollow points, noted in the
    legend with one-article rows (``ci_basis``).

    Parameters
    ----------
    data : pandas.DataFrame
        :func:`analysis.frames.frame_scores` with a ``date`` column (ISO dates or
        years; rows without a date are left out) and, optionally, the ``label`` column.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current Axes).
    date : str
        The date column.
    label : str or None
        Column written above each date (``None``: no labels).
    value : str
        ``per_1000`` (default) or ``share``.
    lines : bool
        Join each frame's points with a thin line (for periods such as years; off
        by default, since a line between articles of different leaders and regions
        would suggest a trend that is not there).
    title : str or None
        Axes title.
    legend : bool
        Draw a legend of the frames.
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.errorbar`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np
    import pandas as pd

    ax = _gca(ax)
    _need(data, [date, "frame", value], "a frame_scores table with dates")
    data = data.assign(
        _when=pd.to_datetime(data[date].astype(str), errors="coerce", format="mixed")
    )
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
            ax.plot(
                when,
                sub[value].to_numpy(dtype=float),
                color=colors[frame],
                linewidth=0.8,
                alpha=0.5,
            )
        ax.errorbar(
            when,
            sub[value].to_numpy(dtype=float),
            yerr=None if lo is None else np.vstack([lo, hi]),
            color=colors[frame],
            label=frame,
            **kwargs,
        )
        _mark_small_groups(ax, list(when), sub[value].to_numpy(dtype=float), sub, colors[frame])
    if label is not None and label in data.columns:
        firsts = data.drop_duplicates([date, label])
        for when, text in zip(firsts["_when"], firsts[label]):
            ax.axvline(when, color="#DDDDDD", linewidth=0.6, zorder=0)
            ax.annotate(
                f"{text}, {_MONTHS[when.month - 1]} {when.year}",  # the first has its year too
                xy=(when, 1.0),
                xycoords=("data", "axes fraction"),
                xytext=(0, 3),
                textcoords="offset points",
                rotation=35,
                ha="left",
                va="bottom",
                fontsize=7,
                color="#333333",
            )
    if len(data):
        pad = span * 0.06
        ax.set_xlim(data["_when"].min() - pad, data["_when"].max() + pad)
    top = ax.get_ylim()[1]
    ax.set_ylim(-0.015 * top, top)  # room for a point at zero
    ax.set_ylabel(_FRAME_VALUE_LABELS.get(value, value))
    ax.set_xlabel("Date of the article")
    if legend:
        handles, names = _legend_with_notes(ax, data)
        ax.legend(
            handles,
            names,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            fontsize=8,
            frameon=False,
            title="frame",
        )
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
    data : pandas.DataFrame
        :func:`analysis.frames.frame_cooccurrence` (frame x frame sentence counts;
        the diagonal is the number of sentences with the frame).
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current Axes).
    cmap : str
        Matplotlib colormap name.
    annotate : bool
        Write the count in each cell.
    title : str or None
        Axes title.
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.imshow`.

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
            ax.text(
                j,
                i,
                f"{v:.0f}",
                ha="center",
                va="center",
                fontsize=9,
                color="white" if v > 0.6 * kwargs["vmax"] else "#222222",
                fontweight="bold" if i == j else "normal",
            )
    if title:
        ax.set_title(title, loc="left")
    return ax
