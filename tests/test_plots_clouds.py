"""Tests for analysis.plots.clouds: word clouds keep Indonesian words intact, are
reproducible, and the comparison cloud draws the table it is given."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")  # headless; must come before pyplot is imported

from analysis import plots, terms  # noqa: E402
from analysis.keyness import comparison_terms  # noqa: E402
from analysis.plots.clouds import _wordcloud  # noqa: E402


@pytest.fixture
def ax():
    fig = plots.new_figure((4, 3))
    axes = fig.subplots()
    yield axes
    plots.close_figure(fig)


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
    cloud = _wordcloud(width=400, height=200, random_state=1)
    cloud.generate_from_frequencies({"dinas": 5, "program-program": 4, "program": 3})
    words = {word for (word, _), *_ in cloud.layout_}
    assert {"dinas", "program-program", "program"} <= words  # not "dina", not split
    assert cloud.collocations is False and cloud.normalize_plurals is False


def test_plot_comparison_cloud_draws_into_the_given_axes(ax, seeds):
    counts = terms.term_counts(seeds, by="leader")
    table = comparison_terms(counts, max_words=40)
    assert plots.plot_comparison_cloud(table, ax=ax, size=400, groups=list(counts)) is ax
    assert len(ax.images) == 1
    labels = {t.get_text() for t in ax.texts}
    assert set(counts) <= labels
    # 40 words at a readable 7 points do not all fit in 4 x 3 inches: a note says so
    (note,) = labels - set(counts)
    assert " of 40 words did not fit at a readable size" in note


def test_plot_comparison_cloud_takes_the_table_not_the_counts(ax, seeds):
    counts = terms.term_counts(seeds, by="leader")
    with pytest.raises(TypeError, match="comparison_terms"):
        plots.plot_comparison_cloud(counts, ax=ax, size=400)
    with pytest.raises(TypeError, match="max_words"):
        plots.plot_comparison_cloud(comparison_terms(counts), ax=ax, size=400, max_words=40)
    # the default sectors are the groups of the table, sorted
    table = comparison_terms(counts, max_words=40)
    plots.plot_comparison_cloud(table, ax=ax, size=400)
    labels = {t.get_text() for t in ax.texts if "did not fit" not in t.get_text()}
    assert labels == set(table["group"])


def test_plot_wordcloud_says_how_many_words_did_not_fit(ax, seeds):
    freqs = terms.term_frequencies(seeds)  # several hundred words
    plots.plot_wordcloud(freqs, ax=ax, max_words=300)
    (note,) = [t.get_text() for t in ax.texts]
    assert note.endswith(" of 300 words did not fit at a readable size and are not shown "
                         "(the least frequent)")  # fmt: skip
    ax.clear()
    plots.plot_wordcloud(freqs.head(10), ax=ax, max_words=10)
    assert not ax.texts  # ten words fit
