"""Tests for analysis.plots.words: top terms, keyness, dispersion and collocations draw
into the Axes they are given and return it."""

from __future__ import annotations

from collections import Counter

import matplotlib
import pytest

matplotlib.use("Agg")  # headless; must come before pyplot is imported

from analysis import plots, terms  # noqa: E402
from analysis.keyness import keyness_by_group, keyness_table  # noqa: E402
from analysis.kwic import dispersion  # noqa: E402


@pytest.fixture
def ax():
    fig = plots.new_figure((4, 3))
    axes = fig.subplots()
    yield axes
    plots.close_figure(fig)


def test_plot_top_terms_draws_into_the_given_axes(ax, seeds):
    table = terms.term_frequencies(seeds)
    assert plots.plot_top_terms(table, ax=ax, n=7, column="per_1000") is ax
    assert len(ax.patches) == 7
    # top to bottom: the 7 most frequent terms in order
    rows = sorted(zip(ax.get_yticks(), (t.get_text() for t in ax.get_yticklabels())), reverse=True)
    assert [label for _, label in rows] == list(table.index[:7])
    # the most frequent term is the top bar (largest y)
    top = max(ax.patches, key=lambda p: p.get_y())
    assert top.get_width() == pytest.approx(table["per_1000"].iloc[0])


def test_plot_top_terms_accepts_a_mapping_and_rejects_grouped_tables(ax, seeds):
    assert plots.plot_top_terms({"kinerja": 3, "disiplin": 5}, ax=ax) is ax
    rows = sorted(zip(ax.get_yticks(), (t.get_text() for t in ax.get_yticklabels())), reverse=True)
    assert [label for _, label in rows] == ["disiplin", "kinerja"]  # largest at the top
    with pytest.raises(ValueError, match="grouped"):
        plots.plot_top_terms(terms.term_frequencies(seeds, by="leader"), ax=ax)


def _keyness_table():
    target = Counter({"kinerja": 30, "produk": 12, "opd": 10, "rapat": 2, "_": 400})
    reference = Counter({"kinerja": 5, "produk": 0, "opd": 10, "rapat": 40, "_": 900})
    return keyness_table(target, reference)


def test_plot_keyness_draws_into_the_given_axes(ax):
    table = _keyness_table()
    assert plots.plot_keyness(table, ax=ax, n=3) is ax
    positive = (table["g2"] > 0).sum()
    negative = (table["g2"] < 0).sum()
    assert len(ax.patches) == min(3, positive) + min(3, negative)
    widths = {round(p.get_width(), 6) for p in ax.patches}
    for term in ("kinerja", "rapat"):
        assert round(float(table.loc[term, "log_ratio"]), 6) in widths
    texts = [t.get_text() for t in ax.texts]
    assert "kinerja" in texts and "rapat" in texts and "**" in texts
    assert ax.get_legend() is not None


def test_plot_keyness_marks_significance():
    fig = plots.new_figure((4, 3))
    ax = fig.subplots()
    target = Counter({"a": 3, "b": 20, "_": 100})
    reference = Counter({"a": 2, "b": 2, "_": 100})
    table = keyness_table(target, reference)
    plots.plot_keyness(table, ax=ax, n=5, legend=False)
    assert table.loc["a", "g2"] < plots.G2_P05 < plots.G2_P01 < table.loc["b", "g2"]
    faces = {round(p.get_width(), 6): p.get_facecolor() for p in ax.patches}
    hollow = faces[round(float(table.loc["a", "log_ratio"]), 6)]
    filled = faces[round(float(table.loc["b", "log_ratio"]), 6)]
    assert hollow[:3] == (1.0, 1.0, 1.0) and filled[:3] != (1.0, 1.0, 1.0)
    plots.close_figure(fig)


def test_plot_dispersion_draws_into_the_given_axes(ax, seeds):
    table = dispersion(seeds, ["kinerja", "koordinasi", "disiplin"])
    assert plots.plot_dispersion(table, ax=ax, docs=list(seeds.index)) is ax
    # one row per (article, term); one tick collection per row with hits
    assert len(ax.get_yticks()) == len(seeds) * 3
    with_hits = table.groupby(["doc_id", "term"]).ngroups
    assert len(ax.collections) == with_hits
    ticks = sum(len(c.get_segments()) for c in ax.collections)
    assert ticks == len(table)


def test_plot_collocations_draws_into_the_given_axes(ax, seeds):
    table = terms.collocations(seeds, min_freq=3)
    assert plots.plot_collocations(table, ax=ax, n=5) is ax
    assert len(ax.tables) == 1
    cells = ax.tables[0].get_celld()
    assert max(r for r, _ in cells) == 5  # header + 5 rows
    assert cells[(1, 1)].get_text().get_text() == table.index[0]


def test_grid_functions_return_the_given_figure(seeds):
    fig = plots.new_figure((9, 6))
    grouped = terms.term_frequencies(seeds, by="doc_id")
    assert plots.plot_top_terms_grid(grouped, fig=fig, n=5, ncols=3) is fig
    visible = [a for a in fig.axes if a.get_visible()]
    assert len(visible) == len(seeds)
    assert len({a.get_xlim() for a in visible}) == 1  # shared scale
    plots.close_figure(fig)

    fig = plots.new_figure((9, 9))
    table = keyness_by_group(seeds, by="leader")
    assert plots.plot_keyness_grid(table, fig=fig, n=4) is fig
    assert sum(a.get_legend() is not None for a in fig.axes) == 1
    plots.close_figure(fig)
