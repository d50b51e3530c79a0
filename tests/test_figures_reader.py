"""Figures a reader trusts (issue 13, deliverable 10): each figure problem a reader saw,
checked on the drawn Axes (tick labels, font sizes, legends, the canvas), on the seeds
and on a corpus unlike them (50 synthetic articles without metadata).

The shared checks are in tests/axes_checks.py."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")  # headless; must come before pyplot is imported

from axes_checks import (  # noqa: E402
    MIN_FONT_PT,
    assert_inside_canvas,
    assert_min_font_size,
    assert_readable,
    assert_tick_labels_on_every_panel,
    drawn_texts,
    legend_overlaps,
)
from matplotlib.dates import date2num  # noqa: E402

from analysis import figures, load_corpus, plots, terms  # noqa: E402
from analysis.cli import main  # noqa: E402
from analysis.keyness import comparison_terms, keyness_table  # noqa: E402
from analysis.plots import clouds  # noqa: E402
from analysis.synthetic import synthetic_articles  # noqa: E402


@pytest.fixture
def fig():
    figure = plots.new_figure((4.0, 3.0))
    yield figure
    plots.close_figure(figure)


# ---------------------------------------------------------------------------- one fix each


def test_every_panel_of_a_top_terms_grid_has_tick_labels(seeds):
    # five panels in rows of three: the third has no panel below it, yet shows its scale
    grouped = terms.term_frequencies(seeds, by="doc_id")
    figure = plots.new_figure((11.0, 6.4))
    with plots.figure_style():
        plots.plot_top_terms_grid(grouped, fig=figure, n=6, ncols=3)
        drawn, _ = drawn_texts(figure)
    assert_tick_labels_on_every_panel(figure, drawn, what="top terms grid")
    visible = [ax for ax in figure.axes if ax.get_visible()]
    assert len(visible) == 5
    plots.close_figure(figure)


def _keyness_table() -> pd.DataFrame:
    target = Counter(
        {"kinerja": 30, "produk": 12, "opd": 10, "apel": 9, "rapat": 2, "camat": 1, "lain": 400}
    )
    reference = Counter(
        {"kinerja": 5, "produk": 0, "opd": 10, "apel": 1, "rapat": 40, "camat": 9, "lain": 900}
    )
    return keyness_table(target, reference)


def test_keyness_bars_are_drawn_in_the_order_of_the_drawn_log_ratio(fig):
    table = _keyness_table()
    ax = plots.plot_keyness(table, ax=fig.subplots(), n=3, legend=False)
    bars = sorted(ax.patches, key=lambda p: -p.get_y())  # top to bottom
    widths = [p.get_width() for p in bars]
    assert widths == sorted(widths, reverse=True)
    # G2 and Log Ratio disagree here, so the order is the drawn quantity's, not G2's
    shown = table[table["log_ratio"].round(9).isin([round(w, 9) for w in widths])]
    assert list(shown.sort_values("g2", ascending=False).index) != list(
        shown.sort_values("log_ratio", ascending=False).index
    )
    assert "ordered by Log Ratio" in ax.get_xlabel()


def test_the_keyness_legend_covers_no_term_in_a_small_axes(fig):
    with plots.figure_style():
        plots.plot_keyness(_keyness_table(), ax=fig.subplots(), n=3)
        drawn, renderer = drawn_texts(fig)
    assert fig.axes[0].get_legend() is not None
    assert not legend_overlaps(fig, drawn, renderer)
    assert_inside_canvas(fig, drawn, what="keyness in 4x3 inches")


def test_the_legend_check_sees_a_legend_over_the_terms(fig):
    # the check itself: the old placement, inside the Axes at the lower right, is caught
    ax = plots.plot_keyness(_keyness_table(), ax=fig.subplots(), n=3, legend=False)
    ax.legend(handles=plots.words._keyness_handles("a", "b"), loc="lower right", fontsize=7)
    drawn, renderer = drawn_texts(fig)
    assert legend_overlaps(fig, drawn, renderer)


def _voice_scores(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["voice", "frame", "per_1000", "n_sentences"])


def test_a_zero_bar_says_0_and_a_voice_without_sentences_has_no_bar(fig):
    table = _voice_scores(
        [
            ("indirect", "performance", 40.0, 12),
            ("indirect", "coordination", 0.0, 12),
            ("narration", "performance", 12.5, 4),
            ("narration", "coordination", 8.0, 4),
        ]
    )  # no direct quote at all
    ax = plots.plot_voice_comparison(table, ax=fig.subplots())
    zeros = [t for t in ax.texts if t.get_text() == "0"]
    assert len(zeros) == 1  # indirect speech has no coordination hit: a 0, not a gap
    assert len(ax.patches) == 4  # two voices x two frames; no slot for direct words
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["indirect (12 sentences)", "narration (4 sentences)"]


def test_the_first_point_of_frames_over_time_has_its_year(fig):
    rows = []
    for doc, date, leader in [
        ("000", "2020-09-23", "H. Askolani"),
        ("001", "2021-10-07", "H. Budiman"),
        ("002", "2024-03-26", "Herman Deru"),
    ]:
        for frame, rate in [("performance", 20.0), ("discipline", 5.0)]:
            rows.append((doc, date, leader, frame, rate))
    table = pd.DataFrame(rows, columns=["doc_id", "date", "leader", "frame", "per_1000"])
    with plots.figure_style():
        ax = plots.plot_frames_over_time(table, ax=fig.subplots())
        drawn, _ = drawn_texts(fig)
    first = date2num(pd.Timestamp("2020-09-23"))
    year_ticks = [
        t.get_position()[0] for t in ax.get_xticklabels() if t.get_text().strip().isdigit()
    ]
    labels = [d.text for d in drawn if d.artist in ax.texts]
    # no year tick at or before the first point, so its own label carries the year
    assert not [x for x in year_ticks if x <= first]
    assert "H. Askolani, Sep 2020" in labels


def test_a_long_title_of_a_one_panel_figure_is_wrapped_inside_the_canvas():
    figure = plots.new_figure((4.0, 3.0))
    figure.subplots().plot([0, 1], [0, 1])
    figure.suptitle(
        "Frames in the leader's direct words, reported (indirect) speech and the "
        "journalist's narration (each panel has its own scale)",
        fontsize=9,
    )
    with plots.figure_style():
        drawn, _ = drawn_texts(figure)
        with pytest.raises(AssertionError, match="outside"):
            assert_inside_canvas(figure, drawn)
        plots.fit_suptitle(figure)
        drawn, _ = drawn_texts(figure)
    assert_inside_canvas(figure, drawn, what="wrapped title")
    assert figure.get_suptitle().count("\n") >= 2
    plots.close_figure(figure)


def _cloud_layouts(monkeypatch) -> list:
    """Record every WordCloud that plot_comparison_cloud lays out."""
    made = []
    original = clouds._wordcloud

    def recording(**kwargs):
        cloud = original(**kwargs)
        made.append(cloud)
        return cloud

    monkeypatch.setattr(clouds, "_wordcloud", recording)
    return made


@pytest.mark.slow
def test_comparison_cloud_words_are_readable_and_sit_under_the_title(seeds, monkeypatch):
    layouts = _cloud_layouts(monkeypatch)
    counts = terms.term_counts(seeds, by="leader")
    table = comparison_terms(counts, max_words=120)
    figure = plots.new_figure((9.0, 6.8))
    with plots.figure_style():
        ax = plots.plot_comparison_cloud(table, ax=figure.subplots(), groups=list(counts))
        figure.suptitle("Comparison cloud by leader\n(second line)", fontsize=10)
        drawn, renderer = drawn_texts(figure)
    # every word of the table drawn, none smaller than the figures' smallest text
    words = {word for cloud in layouts for (word, _), *_ in cloud.layout_}
    assert words == set(table.index)
    x0, x1 = ax.transData.transform([(0, 0), (1, 0)])[:, 0]
    points_per_pixel = abs(x1 - x0) * 72 / figure.dpi
    smallest = min(size for cloud in layouts for _, size, *_ in cloud.layout_)
    assert smallest * points_per_pixel >= MIN_FONT_PT - 0.05
    # no empty band: the cloud starts right under the title
    title = figure._suptitle.get_window_extent(renderer)
    top = ax.get_window_extent(renderer).y1
    assert 0 <= title.y0 - top < 0.2 * figure.dpi
    assert_min_font_size(drawn, what="comparison cloud")
    assert_inside_canvas(figure, drawn, what="comparison cloud")
    plots.close_figure(figure)


def _smallest_word_points(ax, cloud) -> float:
    """Font size in points of the smallest word of ``cloud`` as drawn in ``ax``."""
    x0, x1 = ax.transData.transform([(0, 0), (1, 0)])[:, 0]
    return min(size for _, size, *_ in cloud.layout_) * abs(x1 - x0) * 72 / ax.figure.dpi


@pytest.mark.slow
def test_every_word_cloud_of_the_seeds_draws_all_its_words_readably(seeds, monkeypatch):
    layouts = _cloud_layouts(monkeypatch)
    with plots.figure_style():
        start = 0
        for spec in figures.word_clouds(seeds):  # each cloud is laid out before its yield
            name, figure, table, *_ = spec
            drawn_texts(figure)  # lays the figure out at the saved resolution
            ax = figure.axes[0]
            words = {word for cloud in layouts[start:] for (word, _), *_ in cloud.layout_}
            assert words == set(map(str, table.index.get_level_values(-1))), name  # as the CSV
            for cloud in layouts[start:]:
                assert _smallest_word_points(ax, cloud) >= MIN_FONT_PT - 0.05, name
            start = len(layouts)
            plots.close_figure(figure)


# ---------------------------------------------------------------------------- every figure


def _drawn_figures(corpus: pd.DataFrame) -> tuple[dict[str, tuple], list[figures.LeftOut]]:
    """Every builder run here, as build_figures does: name -> (Figure, table), left out."""
    made, left_out = {}, []
    with plots.figure_style():
        for builder in figures.FIGURE_BUILDERS:
            for spec in builder(corpus):
                if isinstance(spec, figures.LeftOut):
                    left_out.append(spec)
                    continue
                name, figure, table, *_ = spec
                made[name] = (plots.fit_suptitle(figure), table)
    return made, left_out


def _assert_every_figure_readable(made: dict[str, tuple]) -> None:
    with plots.figure_style():
        for name, (figure, _table) in made.items():
            assert_readable(figure, what=name)


@pytest.fixture(scope="module")
def seed_figures(seeds):
    made, left_out = _drawn_figures(seeds)
    yield made, left_out
    for figure, _ in made.values():
        plots.close_figure(figure)


@pytest.mark.slow
def test_every_seed_figure_passes_the_reader_checks(seed_figures):
    made, left_out = seed_figures
    assert not left_out  # five articles with metadata: every figure can be drawn
    assert {"top_terms_by_article", "tfidf_by_article", "keyness_by_leader"} <= set(made)
    _assert_every_figure_readable(made)


@pytest.mark.slow
def test_keyness_csv_rows_are_in_the_order_drawn(seed_figures):
    made, _ = seed_figures
    table = made["keyness_by_leader"][1]
    for _group, part in table.groupby(level=0, sort=False):
        ratios = part["log_ratio"].tolist()
        assert ratios == sorted(ratios, reverse=True)


@pytest.fixture(scope="module")
def synthetic_folder(tmp_path_factory) -> Path:
    """50 synthetic articles as .txt files, without metadata.csv."""
    folder = tmp_path_factory.mktemp("synthetic")
    for article in synthetic_articles(50, seed=3):
        (folder / f"{article['doc_id']}.txt").write_text(article["text"], encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def synthetic_figures(synthetic_folder):
    made, left_out = _drawn_figures(load_corpus(synthetic_folder))
    yield made, left_out
    for figure, _ in made.values():
        plots.close_figure(figure)


#: What a corpus of 50 articles without metadata cannot have.
SYNTHETIC_LEFT_OUT = {
    "wordcloud_NNN",
    "comparison_cloud",
    "frames_heatmap_by_article",
    "frames_over_time",
    "top_terms_by_article",
    "keyness_by_article",
    "tfidf_by_article",
    "dispersion_frames",
}


@pytest.mark.slow
def test_every_figure_of_a_corpus_unlike_the_seeds_passes_the_reader_checks(synthetic_figures):
    made, left_out = synthetic_figures
    assert {item.name for item in left_out} == SYNTHETIC_LEFT_OUT
    assert set(made) == {
        "wordcloud_corpus",
        "frames_profile_by_article",
        "frames_by_voice",
        "frames_cooccurrence",
        "top_terms_corpus",
        "collocations",
    }
    _assert_every_figure_readable(made)


@pytest.mark.slow
def test_a_profile_of_the_largest_articles_says_so_in_its_title_and_csv(synthetic_figures):
    made, _ = synthetic_figures
    figure, table = made["frames_profile_by_article"]
    limit = figures.MAX_FRAME_ROWS
    assert f"({limit} of 50 articles with most words shown)" in figure.get_suptitle()
    assert table["doc_id"].nunique() == limit == table["rank_by_words"].max()
    assert set(table["n_groups"]) == {50}
    drawn_rows = len(figure.axes[0].get_yticklabels())
    assert drawn_rows == limit


@pytest.mark.slow
def test_the_figures_command_names_each_figure_it_left_out_and_why(
    synthetic_folder, tmp_path, capsys
):
    out = tmp_path / "figures"
    code = main(
        ["figures", "--corpus", str(synthetic_folder), "--out", str(out), "--jobs", "1", "--quiet"]
    )
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("6 figure(s)")
    left = dict(line.split(": left out, ", 1) for line in lines[1:])
    assert set(left) == SYNTHETIC_LEFT_OUT
    assert left["frames_over_time"] == "the corpus has no date column"
    assert "50 articles and no leader column" in left["top_terms_by_article"]
    assert not (out / "frames_over_time.png").exists()
    # the CSV of the profile, as saved, says it holds the 40 articles with most words
    saved = pd.read_csv(out / "frames_profile_by_article.csv")
    assert saved["doc_id"].nunique() == figures.MAX_FRAME_ROWS
    assert {"rank_by_words", "n_groups"} <= set(saved.columns)


def test_build_figures_returns_what_it_left_out(tmp_path, monkeypatch, seeds):
    def needs_dates(corpus):
        yield figures.LeftOut("frames_over_time", "the corpus has no date column")
        figure = plots.new_figure((3, 2))
        figure.subplots().plot([0, 1], [1, 0])
        yield "line", figure, pd.DataFrame({"y": [1, 0]})

    monkeypatch.setattr(figures, "FIGURE_BUILDERS", [needs_dates])
    written = figures.build_figures(seeds, tmp_path / "out", progress=False, jobs=1)
    assert [p.name for p in written] == ["line.png", "line.svg", "line.csv"]
    assert [str(item) for item in written.left_out] == [
        "frames_over_time: left out, the corpus has no date column"
    ]
