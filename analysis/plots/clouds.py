"""Word clouds: one corpus or group, and the comparison cloud of several groups.

The frequencies come from :mod:`analysis.terms` and the comparison table from
:func:`analysis.keyness.comparison_terms`; wordcloud only lays the words out (its own
tokeniser, collocations and plural folding are never used). wordcloud and matplotlib
are imported inside the functions.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .base import GROUP_COLORS, _gca, _series, _top, font_path

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["plot_comparison_cloud", "plot_wordcloud"]

#: Colours of words in single word clouds (dark enough to read on white).
_CLOUD_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000")


# ---------------------------------------------------------------------------- word clouds


def _not_shown_note(ax: Axes, missing: int, total: int, which: str) -> None:
    """A note in the lower left of a cloud: how many of its words did not fit at a
    readable size, and which."""
    ax.text(
        0.0,
        0.0,
        f"{missing} of {total} words did not fit at a readable size and are not shown ({which})",
        transform=ax.transAxes,
        ha="left",
        va="bottom",
        fontsize=7,
        color="#555555",
    )


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
    min_font_size: float = 7.0,
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
    freqs : pandas.DataFrame, pandas.Series or mapping of str to float
        A term_frequencies table (its ``count`` column), a Series or a mapping
        ``term -> frequency``.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current Axes).
    random_state : int
        Seed of the layout and colours.
    max_words : int
        Largest number of words drawn.
    width, height : int
        Size of the cloud image in pixels.
    colors : sequence of str
        Word colours, picked at random (seeded) per word.
    title : str or None
        Axes title.
    min_font_size : float
        Smallest word, in points at the Axes' size when called (7: readable in print).
        Words that do not fit at that size are left out, and a note in the Axes says
        how many.
    **kwargs
        Passed to :class:`wordcloud.WordCloud` (e.g. ``relative_scaling``;
        ``max_font_size`` defaults to ``height / 5.6`` pixels, 100 for the default size).

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = _gca(ax)
    palette = list(colors)
    min_px = math.ceil(min_font_size / _points_per_pixel(ax, width, height))

    def color_func(word, font_size, position, orientation, random_state=None, **_):
        return palette[random_state.randint(0, len(palette) - 1)]

    kwargs.setdefault("background_color", "white")
    kwargs.setdefault("prefer_horizontal", 0.9)
    # the largest word at most a little over a sixth of the height, so that the largest
    # few leave room for the rest at a readable size
    kwargs.setdefault("max_font_size", round(height / 5.6))
    frequencies = _frequencies(freqs)
    cloud = _wordcloud(
        width=width,
        height=height,
        random_state=random_state,
        max_words=max_words,
        color_func=color_func,
        min_font_size=min_px,
        **kwargs,
    ).generate_from_frequencies(frequencies)
    ax.imshow(cloud.to_array(), interpolation="bilinear")
    wanted = min(max_words, sum(1 for v in frequencies.values() if v > 0))
    if len(cloud.layout_) < wanted:  # say so: the table holds more words than drawn
        _not_shown_note(ax, wanted - len(cloud.layout_), wanted, "the least frequent")
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


#: Scales of the largest word tried in turn (times ``size * 0.075`` pixels) until every
#: word of the table fits in its sector at a readable size.
_CLOUD_SCALES = (1.0, 0.8, 0.64, 0.5, 0.4)


def _sector_clouds(
    table: pd.DataFrame,
    groups: list[Hashable],
    masks: list[Any],
    color_of: Mapping[Hashable, str],
    random_state: int,
    kwargs: dict[str, Any],
    base: int,
    min_px: int,
) -> list[Any]:
    """One laid-out WordCloud per group with terms: sizes proportional to the excess
    (``base`` pixels for the largest of all), never below ``min_px``."""
    top = float(table["excess"].max())
    floor = top * min_px / base  # the excess drawn at min_px
    clouds = []
    for i, group in enumerate(groups):
        sub = table[table["group"] == group]
        if sub.empty:
            continue
        freqs = {str(t): max(float(v), floor) for t, v in zip(sub.index, sub["excess"])}
        color = color_of[group]
        clouds.append(
            _wordcloud(
                mask=masks[i],
                mode="RGBA",
                background_color=None,
                random_state=random_state,
                max_font_size=max(min_px, int(round(base * max(freqs.values()) / top))),
                min_font_size=min_px,
                color_func=lambda *a, _c=color, **kw: _c,
                max_words=len(freqs),
                **kwargs,
            ).generate_from_frequencies(freqs)
        )
    return clouds


def _sector_canvas(
    table: pd.DataFrame,
    groups: list[Hashable],
    masks: list[Any],
    color_of: Mapping[Hashable, str],
    size: int,
    random_state: int,
    kwargs: dict[str, Any],
    min_px: int = 7,
) -> tuple[Any, list[str]]:
    """RGB image (floats 0-1) of every group's words in its sector, sizes on one scale,
    and the words that did not fit.

    A word's font size in pixels is proportional to its excess, but never below
    ``min_px`` (smaller words are drawn at ``min_px``). The largest word of all gets
    ``size * 0.075`` pixels, or less (:data:`_CLOUD_SCALES`) when a sector cannot hold
    all its words; at the smallest scale, the words that still do not fit are left out
    and returned (the words of least excess of their sector).
    """
    import numpy as np

    for scale in _CLOUD_SCALES:
        base = max(int(size * 0.075 * scale), min_px)
        clouds = _sector_clouds(table, groups, masks, color_of, random_state, kwargs, base, min_px)
        drawn = {word for cloud in clouds for (word, _), *_ in cloud.layout_}
        missing = [str(t) for t in table.index if str(t) not in drawn]
        if not missing or base == min_px:
            break
    canvas = np.ones((size, size, 3), dtype=np.float64)
    for cloud in clouds:
        img = cloud.to_array().astype(np.float64) / 255.0
        alpha = img[..., 3:4]
        canvas = canvas * (1 - alpha) + img[..., :3] * alpha
    return canvas, missing


def _sector_rims(
    ax: Axes,
    groups: list[Hashable],
    c: float,
    radius: float,
    labels: Mapping[Hashable, str],
    color_of: Mapping[Hashable, str],
) -> None:
    """The dividing lines between sectors and each group's label at the rim of its sector."""
    k = len(groups)
    width = 2 * math.pi / k
    for i in range(k):
        edge = i * width
        ax.plot(
            [c, c + radius * math.sin(edge)],
            [c, c - radius * math.cos(edge)],
            color="#BBBBBB",
            linewidth=0.6,
        )
        mid = edge + width / 2
        x, y = c + radius * 1.08 * math.sin(mid), c - radius * 1.08 * math.cos(mid)
        ha = "left" if math.sin(mid) > 0.2 else "right" if math.sin(mid) < -0.2 else "center"
        va = "bottom" if math.cos(mid) > 0.2 else "top" if math.cos(mid) < -0.2 else "center"
        label = labels.get(groups[i], str(groups[i]))
        ax.text(x, y, label, ha=ha, va=va, fontsize=9, fontweight="bold", color=color_of[groups[i]])


def _cloud_limits(k: int, c: float, radius: float) -> tuple[float, float, float, float]:
    """x and y limits (image pixels) holding the disc and the rim labels, no more.

    A label below (or above) the disc needs about ``0.16 * radius`` beyond the label's
    anchor at ``1.08 * radius``; labels left and right get ``0.6 * radius`` of width.
    """
    width = 2 * math.pi / k
    up = down = radius * 1.02
    for i in range(k):
        reach = radius * (1.08 * math.cos(i * width + width / 2))
        if reach > 0.2 * radius:
            up = max(up, reach + 0.16 * radius)
        elif reach < -0.2 * radius:
            down = max(down, -reach + 0.16 * radius)
    return c - radius * 1.6, c + radius * 1.6, c + down, c - up


def _points_per_pixel(ax: Axes, xspan: float, yspan: float) -> float:
    """Points of the figure per pixel of the image, at the Axes' size when called.

    The image keeps its aspect, so the tighter of the two directions sets the scale. A
    constrained or tight layout only enlarges an Axes without ticks, so the words drawn
    are at least as large as computed here.
    """
    box = ax.get_position()
    w_in, h_in = ax.figure.get_size_inches()
    return min(box.width * w_in * 72 / xspan, box.height * h_in * 72 / yspan)


def plot_comparison_cloud(
    data: pd.DataFrame,
    *,
    ax: Axes | None = None,
    random_state: int = 42,
    size: int = 1000,
    groups: Sequence[Hashable] | None = None,
    colors: Sequence[str] | Mapping[Hashable, str] | None = None,
    labels: Mapping[Hashable, str] | None = None,
    min_font_size: float = 7.0,
    **kwargs: Any,
) -> Axes:
    """Comparison word cloud: each term in the sector of the group that uses it most.

    As quanteda's ``textplot_wordcloud(comparison = TRUE)`` (after R's
    ``comparison.cloud``): a term's share of each group's tokens is compared with its
    mean share over the groups; the term is drawn in the sector of the group where it
    exceeds that mean most, sized by the excess. The table says which group and how much:
    compute it with :func:`analysis.keyness.comparison_terms` (which also chooses how many
    terms to keep) and pass it here; this function only draws it. Sizes are on one scale
    across sectors, down to ``min_font_size``: words of smaller excess are drawn at that
    size, so that every word can be read at the Axes' size; when a sector cannot hold all
    its words, every word is made smaller (the scale stays one for all sectors), and
    words that still do not fit are left out and counted in a note at the lower left.
    The Axes' limits hold the disc and the group labels, without empty bands.

    Parameters
    ----------
    data : pandas.DataFrame
        The table of :func:`analysis.keyness.comparison_terms`: indexed by term, with the
        columns ``group`` (the sector of the term) and ``excess`` (its size).
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current Axes).
    random_state : int
        Seed of the layout.
    size : int
        Width and height of the image in pixels.
    groups : sequence of hashable, optional
        The groups, in sector order clockwise from 12 o'clock (default: the sorted values
        of the ``group`` column). Pass every group compared (e.g. the keys of the counts
        given to ``comparison_terms``) to keep a sector for a group without terms.
    colors : sequence of str or mapping of hashable to str, optional
        One colour per group (a sequence in group order, or a mapping; default
        :data:`analysis.plots.GROUP_COLORS`).
    labels : mapping of hashable to str, optional
        Label per group, written at the rim of its sector (default: the group).
    min_font_size : float
        Smallest font size of a word in points, at the size the Axes has when this is
        called (default 7, the size of the smallest text of the other figures).
    **kwargs
        Passed to :class:`wordcloud.WordCloud`.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame (counts per group: compute the table with
        :func:`analysis.keyness.comparison_terms` first), or ``max_words`` is given.
    ValueError
        If the table is empty, or names a group that is not in ``groups``.

    Examples
    --------
    >>> from analysis import keyness, terms                             # doctest: +SKIP
    >>> counts = terms.term_counts(corpus, by="leader")                 # doctest: +SKIP
    >>> table = keyness.comparison_terms(counts, max_words=120)         # doctest: +SKIP
    >>> plot_comparison_cloud(table, groups=list(counts))               # doctest: +SKIP
    """
    import numpy as np
    import pandas as pd

    if not isinstance(data, pd.DataFrame):
        raise TypeError(
            "plot_comparison_cloud draws the table of analysis.keyness.comparison_terms, "
            f"got {type(data).__name__}: pass comparison_terms(counts_by_group, max_words=...)"
        )
    if "max_words" in kwargs:
        raise TypeError(
            "max_words is chosen when the table is computed: "
            "analysis.keyness.comparison_terms(counts_by_group, max_words=...)"
        )
    ax = _gca(ax)
    table = data
    groups = list(groups) if groups is not None else sorted(dict.fromkeys(table["group"]), key=str)
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
    left, right, bottom, top = _cloud_limits(k, c, radius)
    min_px = math.ceil(min_font_size / _points_per_pixel(ax, right - left, bottom - top))
    kwargs.setdefault("prefer_horizontal", 0.9)
    kwargs.setdefault("relative_scaling", 1.0)
    canvas, missing = _sector_canvas(
        table, groups, masks, color_of, size, random_state, kwargs, min_px
    )
    ax.imshow((canvas * 255).round().astype(np.uint8), interpolation="bilinear")
    _sector_rims(ax, groups, c, radius, labels or {}, color_of)
    if missing:  # say so in the figure: the table holds more words than it shows
        _not_shown_note(ax, len(missing), len(table), "those of least excess in their sector")
    ax.set_xlim(left, right)  # room for the labels left and right
    ax.set_ylim(bottom, top)
    ax.set_anchor("N")  # under the title: any spare height goes below the cloud
    ax.set_axis_off()
    return ax
