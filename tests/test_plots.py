"""Tests for analysis.plots: every function draws into the Axes it is given and returns it."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")  # headless; must come before pyplot is imported

from analysis import plots, terms  # noqa: E402
from analysis.corpus import load_corpus  # noqa: E402
from analysis.keyness import keyness  # noqa: E402


@pytest.fixture(scope="module")
def seeds():
    return load_corpus()


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


def test_plot_wordcloud_draws_into_the_given_axes(ax):
    freqs = {"kinerja": 10, "program-program": 6, "dinas": 5, "koordinasi": 4}
    assert plots.plot_wordcloud(freqs, ax=ax, width=300, height=200) is ax
    assert len(ax.images) == 1
    first = ax.images[0].get_array().copy()
    fig2 = plots.new_figure((4, 3))
    ax2 = plots.plot_wordcloud(freqs, ax=fig2.subplots(), width=300, height=200)
    assert np.array_equal(first, ax2.images[0].get_array())  # same seed, same image
    plots.close_figure(fig2)


def test_wordcloud_keeps_indonesian_words_intact():
    cloud = plots._wordcloud(width=400, height=200, random_state=1)
    cloud.generate_from_frequencies({"dinas": 5, "program-program": 4, "program": 3})
    words = {word for (word, _), *_ in cloud.layout_}
    assert {"dinas", "program-program", "program"} <= words  # not "dina", not split
    assert cloud.collocations is False and cloud.normalize_plurals is False


def test_plot_comparison_cloud_draws_into_the_given_axes(ax, seeds):
    counts = terms.term_counts(seeds, by="leader")
    assert plots.plot_comparison_cloud(counts, ax=ax, size=400, max_words=40) is ax
    assert len(ax.images) == 1
    labels = {t.get_text() for t in ax.texts}
    assert labels == set(counts)


def _keyness_table():
    target = Counter({"kinerja": 30, "produk": 12, "opd": 10, "rapat": 2, "_": 400})
    reference = Counter({"kinerja": 5, "produk": 0, "opd": 10, "rapat": 40, "_": 900})
    return keyness(target, reference)


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
    table = keyness(target, reference)
    plots.plot_keyness(table, ax=ax, n=5, legend=False)
    assert table.loc["a", "g2"] < plots.G2_P05 < plots.G2_P01 < table.loc["b", "g2"]
    faces = {round(p.get_width(), 6): p.get_facecolor() for p in ax.patches}
    hollow = faces[round(float(table.loc["a", "log_ratio"]), 6)]
    filled = faces[round(float(table.loc["b", "log_ratio"]), 6)]
    assert hollow[:3] == (1.0, 1.0, 1.0) and filled[:3] != (1.0, 1.0, 1.0)
    plots.close_figure(fig)


def test_plot_dispersion_draws_into_the_given_axes(ax, seeds):
    table = terms.dispersion(seeds, ["kinerja", "koordinasi", "disiplin"])
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
    table = terms.keyness_by_group(seeds, by="leader")
    assert plots.plot_keyness_grid(table, fig=fig, n=4) is fig
    assert sum(a.get_legend() is not None for a in fig.axes) == 1
    plots.close_figure(fig)


def test_ax_none_uses_the_current_pyplot_axes():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    try:
        assert plots.plot_top_terms({"kinerja": 2}) is ax
    finally:
        plt.close(fig)


def test_only_plots_imports_matplotlib_and_wordcloud():
    """Importing any other module of the package loads neither library."""
    package = Path(plots.__file__).parent
    modules = sorted(
        f"analysis.{p.stem}" for p in package.glob("*.py")
        if p.stem not in ("plots", "__main__")
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(k for k in ('matplotlib', 'wordcloud') if k in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
