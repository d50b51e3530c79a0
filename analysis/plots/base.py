"""Style, colours, figures and the small helpers every plotting module shares.

:data:`STYLE` and :func:`figure_style` fix the look of every saved figure (one bundled
font, a fixed SVG hash salt), :func:`new_figure` draws off-screen, :func:`font_path`
gives word clouds the same font on every machine. matplotlib is imported inside the
functions, so importing this module stays cheap.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Hashable, Mapping
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
    "fit_suptitle",
    "font_path",
    "new_figure",
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


def fit_suptitle(fig: Figure) -> Figure:
    """Wrap each line of the figure's suptitle to the figure's width, and return ``fig``.

    A title longer than its figure (one panel of a figure made for several, a long
    label) would be cut off at both sides; each line wider than 96% of the figure
    (measured in its font) is wrapped at spaces instead, into as few lines as needed, of
    about equal length. Titles that fit are left as they are.
    """
    title = getattr(fig, "_suptitle", None)  # matplotlib keeps the suptitle Text here
    if title is None or not title.get_text():
        return fig
    room = fig.get_size_inches()[0] * 72 * 0.96  # points
    lines = [
        _wrap_to(line, title.get_fontproperties(), room) for line in title.get_text().split("\n")
    ]
    title.set_text("\n".join(lines))
    return fig


def _wrap_to(line: str, prop: Any, room: float) -> str:
    """``line`` wrapped at spaces to lines at most ``room`` points wide in font ``prop``,
    as few lines as a greedy wrap needs, made as even as possible."""
    from matplotlib.textpath import text_to_path  # lazy, as every matplotlib import here

    def fits(text: str) -> bool:
        return text_to_path.get_text_width_height_descent(text, prop, ismath=False)[0] <= room

    if fits(line):
        return line
    width = len(line)
    while width > 10 and not all(fits(part) for part in textwrap.wrap(line, width)):
        width -= 1
    n_lines = len(textwrap.wrap(line, width))
    while width > 10 and len(textwrap.wrap(line, width - 1)) == n_lines:
        width -= 1  # the same number of lines, more even
    return "\n".join(textwrap.wrap(line, width))


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
