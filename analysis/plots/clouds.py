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
    **kwargs
        Passed to :class:`wordcloud.WordCloud` (e.g. ``relative_scaling``).

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
        width=width,
        height=height,
        random_state=random_state,
        max_words=max_words,
        color_func=color_func,
        **kwargs,
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


def _sector_canvas(
    table: pd.DataFrame,
    groups: list[Hashable],
    masks: list[Any],
    color_of: Mapping[Hashable, str],
    size: int,
    random_state: int,
    kwargs: dict[str, Any],
) -> Any:
    """RGB image (floats 0-1) of every group's words in its sector, sizes on one scale."""
    import numpy as np

    top = float(table["excess"].max())
    canvas = np.ones((size, size, 3), dtype=np.float64)
    base = int(size * 0.075)
    for i, group in enumerate(groups):
        sub = table[table["group"] == group]
        if sub.empty:
            continue
        freqs = {str(t): float(v) for t, v in zip(sub.index, sub["excess"])}
        color = color_of[group]
        cloud = _wordcloud(
            mask=masks[i],
            mode="RGBA",
            background_color=None,
            random_state=random_state,
            max_font_size=max(8, int(round(base * max(freqs.values()) / top))),
            min_font_size=7,
            color_func=lambda *a, _c=color, **kw: _c,
            max_words=len(freqs),
            **kwargs,
        ).generate_from_frequencies(freqs)
        img = cloud.to_array().astype(np.float64) / 255.0
        alpha = img[..., 3:4]
        canvas = canvas * (1 - alpha) + img[..., :3] * alpha
    return canvas


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


def plot_comparison_cloud(
    data: pd.DataFrame,
    *,
    ax: Axes | None = None,
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
    exceeds that mean most, sized by the excess. The table says which group and how much:
    compute it with :func:`analysis.keyness.comparison_terms` (which also chooses how many
    terms to keep) and pass it here; this function only draws it. Sizes are on one scale
    across sectors.

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
    kwargs.setdefault("prefer_horizontal", 0.9)
    kwargs.setdefault("relative_scaling", 1.0)
    canvas = _sector_canvas(table, groups, masks, color_of, size, random_state, kwargs)
    ax.imshow((canvas * 255).round().astype(np.uint8), interpolation="bilinear")
    _sector_rims(ax, groups, c, radius, labels or {}, color_of)
    ax.set_xlim(c - radius * 1.6, c + radius * 1.6)  # room for the labels left and right
    ax.set_ylim(c + radius * 1.2, c - radius * 1.2)
    ax.set_axis_off()
    return ax
