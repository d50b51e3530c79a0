"""Checks of a drawn figure as a reader sees it, shared by the figure and plot tests.

:func:`drawn_texts` draws a figure at the saved resolution and records every piece of
text the renderer actually draws (tick labels of hidden axes, empty strings and texts
of invisible panels are not drawn, so not recorded); the ``assert_*`` functions read
those texts with their extents on the canvas.
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from analysis.figures import DPI

#: Smallest font size in points a reader can read on the saved figure (the value labels
#: and legends of the figures use 7).
MIN_FONT_PT = 7.0


@dataclass
class Drawn:
    """One text the renderer drew: the string, its size in points, the artist and its
    extent in pixels of the canvas."""

    text: str
    size: float
    artist: object
    box: Bbox


def drawn_texts(fig, dpi: int = DPI) -> tuple[list[Drawn], object]:
    """Draw ``fig`` at ``dpi`` on an Agg canvas; every text drawn, and the renderer."""
    fig.set_dpi(dpi)
    canvas = FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()
    seen: list[tuple[str, object, object]] = []
    original, text_draw = renderer.draw_text, Text.draw
    current: list[Text] = []  # the Text being drawn (a line of a multi-line text has no mtext)

    def record(gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if s.strip():
            seen.append((s, prop.get_size_in_points(), current[-1] if current else mtext))
        return original(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)

    def draw(self, renderer):
        current.append(self)
        try:
            return text_draw(self, renderer)
        finally:
            current.pop()

    renderer.draw_text = record
    Text.draw = draw
    try:
        canvas.draw()
    finally:
        del renderer.draw_text
        Text.draw = text_draw
    drawn = []
    for s, size, artist in seen:
        box = artist.get_window_extent(renderer) if artist is not None else Bbox.null()
        drawn.append(Drawn(s, size, artist, box))
    return drawn, renderer


def panels(fig) -> list:
    """The visible Axes with their axes on (not colour bars, not hidden spare slots)."""
    return [
        ax for ax in fig.axes if ax.get_visible() and ax.axison and ax.get_label() != "<colorbar>"
    ]


def assert_min_font_size(drawn: list[Drawn], minimum: float = MIN_FONT_PT, what: str = "") -> None:
    small = sorted({(d.text[:30], round(d.size, 1)) for d in drawn if d.size < minimum - 1e-6})
    assert not small, f"{what}: text smaller than {minimum} pt: {small[:8]}"


def assert_inside_canvas(fig, drawn: list[Drawn], what: str = "", tol: float = 1.0) -> None:
    width, height = fig.bbox.width, fig.bbox.height
    out = [
        (d.text[:40], tuple(round(v) for v in d.box.extents))
        for d in drawn
        if d.box.width > 0
        and (
            d.box.x0 < -tol or d.box.y0 < -tol or d.box.x1 > width + tol or d.box.y1 > height + tol
        )
    ]
    assert not out, f"{what}: text outside the {width:.0f}x{height:.0f} canvas: {out[:6]}"


def assert_tick_labels_on_every_panel(fig, drawn: list[Drawn], what: str = "") -> None:
    """Every panel with ticks on an axis has drawn tick labels on that axis."""
    artists = {id(d.artist) for d in drawn}
    bare = []
    for i, ax in enumerate(panels(fig)):
        for name, axis in (("x", ax.xaxis), ("y", ax.yaxis)):
            lo, hi = sorted(axis.get_view_interval())
            ticks = [t for t in axis.get_majorticklocs() if lo <= t <= hi]
            if not ticks or not axis.get_visible():
                continue
            labels = axis.get_ticklabels() + axis.get_ticklabels(which="minor")
            if not any(id(t) in artists for t in labels):
                bare.append(f"panel {i} ({ax.get_title(loc='left')[:30]!r}): no {name} tick labels")
    assert not bare, f"{what}: " + "; ".join(bare)


def _overlap(a: Bbox, b: Bbox, tol: float = 0.5) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > tol and min(a.y1, b.y1) - max(a.y0, b.y0) > tol


def legend_overlaps(fig, drawn: list[Drawn], renderer) -> list[tuple[str, str]]:
    """(legend, text) pairs where a legend's box covers a text that is not its own."""
    legends = [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None]
    legends += list(fig.legends)
    found = []
    for legend in legends:
        box = legend.get_window_extent(renderer)
        own = {id(t) for t in legend.get_texts()} | {id(legend.get_title())}
        for d in drawn:
            if id(d.artist) in own or d.box.width == 0:
                continue
            if _overlap(box, d.box):
                found.append((legend.get_title().get_text() or "legend", d.text[:30]))
    return found


def assert_legends_cover_no_label(fig, drawn: list[Drawn], renderer, what: str = "") -> None:
    found = legend_overlaps(fig, drawn, renderer)
    assert not found, f"{what}: a legend covers labels: {found[:6]}"


def assert_readable(fig, what: str = "") -> list[Drawn]:
    """Every check at once: font size, canvas, tick labels, legends. The texts drawn."""
    drawn, renderer = drawn_texts(fig)
    assert_min_font_size(drawn, what=what)
    assert_inside_canvas(fig, drawn, what=what)
    assert_tick_labels_on_every_panel(fig, drawn, what=what)
    assert_legends_cover_no_label(fig, drawn, renderer, what=what)
    return drawn
