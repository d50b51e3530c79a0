"""Charts and word clouds of the tables in :mod:`analysis.terms`, :mod:`analysis.keyness`,
:mod:`analysis.kwic` and :mod:`analysis.frames`.

Drawing only: every function takes a table computed by those modules and computes none
of it (``plot_comparison_cloud`` takes the table of
:func:`analysis.keyness.comparison_terms`, not the counts). Every single-panel function
follows seaborn's convention, ``plot_x(data, *, ax=None, **kwargs) -> Axes``: it draws
into ``ax`` (default: the current Axes, ``plt.gca()``), never shows or saves, and returns
the Axes. Functions that draw a whole figure (``plot_*_grid``) take ``fig=None`` and
return the Figure. Saving, with fixed sizes and byte-stable output, is
:mod:`analysis.figures`' job.

The modules of this subpackage, every public name re-exported here:

- :mod:`analysis.plots.base`    style, colours, off-screen figures, the bundled font
- :mod:`analysis.plots.words`   top terms, keyness, dispersion, collocations
- :mod:`analysis.plots.clouds`  word clouds and the comparison cloud
- :mod:`analysis.plots.frames`  frame profile, heatmap, voices, frames over time,
  co-occurrence

This is the only part of the package that imports matplotlib and wordcloud (inside the
functions, so ``import analysis.plots`` stays cheap). Titles and axis labels are in
English; the Indonesian terms are the data. Colours come from the Okabe-Ito palette,
which readers with colour-vision deficiencies can tell apart.

>>> from analysis import load_corpus, terms, plots                      # doctest: +SKIP
>>> ax = plots.plot_top_terms(terms.term_frequencies(load_corpus()))    # doctest: +SKIP
"""

from __future__ import annotations

from .base import (
    FRAME_COLORS,
    GROUP_COLORS,
    PALETTE,
    STYLE,
    close_figure,
    figure_style,
    fit_suptitle,
    font_path,
    new_figure,
)
from .clouds import plot_comparison_cloud, plot_wordcloud
from .frames import (
    VOICE_COLORS,
    plot_frame_cooccurrence,
    plot_frame_heatmap,
    plot_frame_profile,
    plot_frames_over_time,
    plot_voice_comparison,
)
from .words import (
    G2_P01,
    G2_P05,
    plot_collocations,
    plot_dispersion,
    plot_keyness,
    plot_keyness_grid,
    plot_top_terms,
    plot_top_terms_grid,
)

__all__ = [
    "FRAME_COLORS",
    "G2_P01",
    "G2_P05",
    "GROUP_COLORS",
    "PALETTE",
    "STYLE",
    "VOICE_COLORS",
    "close_figure",
    "figure_style",
    "fit_suptitle",
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
