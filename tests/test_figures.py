"""Tests for analysis.figures: every expected file is written, and a second run changes no byte."""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

import pandas as pd
import pytest

from analysis import figure_builders, figures, plots

# every test here draws figures in worker processes: slow (pytest -m slow)
pytestmark = pytest.mark.slow

#: The term figures of the seeds (five articles, five leaders): name -> formats. Builders
#: appended by other modules add to these.
EXPECTED = {
    "top_terms_corpus": ("png", "svg"),
    "top_terms_by_article": ("png", "svg"),
    "tfidf_by_article": ("png", "svg"),
    "wordcloud_corpus": ("png",),
    **{f"wordcloud_00{i}": ("png",) for i in range(5)},
    "comparison_cloud": ("png",),
    "keyness_by_leader": ("png", "svg"),
    "dispersion_frames": ("png", "svg"),
    "collocations": ("png", "svg"),
}


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, list[Path], dict[str, str], dict[str, str]]:
    """Build the seeds' figures twice into the same folder."""
    out = tmp_path_factory.mktemp("figures")
    written = figures.build_figures(out_dir=out, progress=False)
    first = digests(out)
    again = figures.build_figures(out_dir=out, progress=False)
    assert again == written
    return out, written, first, digests(out)


def test_every_expected_file_is_written(built):
    out, written, _, _ = built
    expected = {f"{name}.{ext}" for name, formats in EXPECTED.items() for ext in (*formats, "csv")}
    names = {p.name for p in written}
    assert expected <= names  # other builders may add figures of their own
    for stem in {p.stem for p in written}:  # every figure has a PNG and its table
        assert {f"{stem}.png", f"{stem}.csv"} <= names
    # nothing else (no temporary files) but the manifest naming the corpus
    assert {p.name for p in out.iterdir()} == names | {figures.MANIFEST}
    assert all(p.stat().st_size > 0 for p in written)


def test_a_second_run_changes_no_byte(built):
    _, _, first, second = built
    assert first == second


def test_png_files_have_a_fixed_size_and_no_software_tag(built):
    out, _, _, _ = built
    width, height = png_size(out / "keyness_by_leader.png")
    assert width == round(10.0 * figures.DPI)  # the builder's fixed 10-inch width
    for name in EXPECTED:
        data = (out / f"{name}.png").read_bytes()
        assert b"Software" not in data and b"matplotlib" not in data.lower()


def test_svg_files_have_no_date(built):
    out, _, _, _ = built
    for name, formats in EXPECTED.items():
        if "svg" in formats:
            text = (out / f"{name}.svg").read_text(encoding="utf-8")
            assert "<dc:date>" not in text


def test_tables_beside_the_figures(built):
    out, _, _, _ = built
    for name in EXPECTED:
        raw = (out / f"{name}.csv").read_bytes()
        assert b"\r" not in raw
    keyness = pd.read_csv(out / "keyness_by_leader.csv")
    assert list(keyness.columns[:2]) == ["leader", "term"]
    assert {"g2", "log_ratio", "p_value"} <= set(keyness.columns)
    dispersion = pd.read_csv(out / "dispersion_frames.csv", dtype={"doc_id": str})
    assert set(dispersion["frame"]) == set(figures.FRAME_KEY_TERMS)
    assert dispersion["relative_position"].between(0, 1).all()


def test_save_figure_is_atomic(tmp_path, monkeypatch):
    fig = plots.new_figure((2, 2))
    fig.subplots().plot([0, 1], [0, 1])

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(fig, "savefig", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        figures.save_figure(fig, "line", out_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []  # neither a half file nor a temporary file


def test_save_figure_rejects_bad_names(tmp_path):
    with pytest.raises(ValueError, match="figure name"):
        figures.save_figure(plots.new_figure((2, 2)), "../escape", out_dir=tmp_path)


def test_builders_can_be_appended(tmp_path, monkeypatch):
    def extra(corpus):
        fig = plots.new_figure((3, 2))
        table = corpus[["leader"]]
        plots.plot_top_terms(table["leader"].value_counts(), ax=fig.subplots())
        yield "leaders", fig, table

    monkeypatch.setattr(figures, "FIGURE_BUILDERS", [extra])
    written = figures.build_figures(out_dir=tmp_path, progress=False)
    assert [p.name for p in written] == ["leaders.png", "leaders.svg", "leaders.csv"]
    assert png_size(tmp_path / "leaders.png") == (3 * figures.DPI, 2 * figures.DPI)

    monkeypatch.setattr(figures, "FIGURE_BUILDERS", [extra, extra])
    with pytest.raises(ValueError, match="two figures are named 'leaders'"):
        figures.build_figures(out_dir=tmp_path, progress=False)


# ---------------------------------------------------------------- builders in worker processes


def test_one_process_writes_the_same_bytes_as_workers(built, tmp_path):
    """The module fixture ran with jobs=None (two workers here); jobs=1 gives the same files."""
    _, written, first, _ = built
    serial = figures.build_figures(out_dir=tmp_path, progress=False, jobs=1)
    assert [p.name for p in serial] == [p.name for p in written]  # builder order, both ways
    assert digests(tmp_path) == first


def _leaders(corpus):
    """A builder a notebook would define: it cannot be sent to a worker."""
    fig = plots.new_figure((3, 2))
    plots.plot_top_terms(corpus["leader"].value_counts(), ax=fig.subplots())
    yield "leaders", fig, corpus[["leader"]]


def test_notebook_builders_run_here_beside_the_workers(tmp_path, monkeypatch):
    def local(corpus):  # defined inside a function: not picklable
        yield from _leaders(corpus)

    assert not figures._portable(local)
    assert figures._portable(figures.dispersion_figure)
    assert figures._portable(figures.collocations_figure)
    monkeypatch.setattr(
        figures,
        "FIGURE_BUILDERS",
        [figures.dispersion_figure, local, figures.collocations_figure],
    )
    written = figures.build_figures(out_dir=tmp_path, progress=False, jobs=2)
    assert [p.name for p in written] == [
        "dispersion_frames.png",
        "dispersion_frames.svg",
        "dispersion_frames.csv",
        "leaders.png",
        "leaders.svg",
        "leaders.csv",
        "collocations.png",
        "collocations.svg",
        "collocations.csv",
    ]
    on_disk = sorted(p.name for p in tmp_path.iterdir())
    assert on_disk == sorted([figures.MANIFEST, *(p.name for p in written)])


def test_a_name_clash_between_builders_writes_nothing(tmp_path, monkeypatch):
    def clash(corpus):
        fig = plots.new_figure((2, 2))
        yield "collocations", fig, None

    monkeypatch.setattr(figures, "FIGURE_BUILDERS", [figures.collocations_figure, clash])
    with pytest.raises(ValueError, match="two figures are named 'collocations'"):
        figures.build_figures(out_dir=tmp_path, progress=False, jobs=2)
    assert list(tmp_path.iterdir()) == []  # not even the first builder's files


def test_a_failing_builder_leaves_the_old_figures(tmp_path, monkeypatch):
    def extra(corpus):
        yield from _leaders(corpus)

    monkeypatch.setattr(figures, "FIGURE_BUILDERS", [extra])
    figures.build_figures(out_dir=tmp_path, progress=False)
    before = digests(tmp_path)

    def broken(corpus):
        fig = plots.new_figure((2, 2))
        yield "broken", fig, None
        raise KeyError("no column 'leader'")

    monkeypatch.setattr(figures, "FIGURE_BUILDERS", [figures.dispersion_figure, extra, broken])
    with pytest.raises(KeyError, match="no column"):
        figures.build_figures(out_dir=tmp_path, progress=False, jobs=2)
    assert digests(tmp_path) == before  # no new file, no temporary folder left


def test_figure_workers_share_the_cores(monkeypatch):
    from analysis import parallel

    monkeypatch.setattr(parallel, "_CORE_SHARE", 1)
    assert parallel.resolve_jobs(None) == 1
    assert parallel.resolve_jobs(2) == 2  # an explicit number is kept


# ------------------------------------------------------------------ one corpus per folder


def _tiny_builders(monkeypatch, names):
    def tiny(corpus):
        for name in names:
            fig = plots.new_figure((3, 2))
            plots.plot_top_terms(corpus["leader"].value_counts(), ax=fig.subplots())
            yield name, fig, corpus[["leader"]], ("png",)

    monkeypatch.setattr(figures, "FIGURE_BUILDERS", [tiny])


def test_a_figures_folder_names_its_corpus_and_drops_what_a_run_no_longer_makes(
    tmp_path, monkeypatch
):
    import json

    _tiny_builders(monkeypatch, ["old", "kept"])
    figures.build_figures(out_dir=tmp_path, progress=False, jobs=1)
    manifest = json.loads((tmp_path / figures.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["corpus"] == "seeds" and manifest["articles"] == 5
    assert manifest["files"] == ["old.png", "old.csv", "kept.png", "kept.csv"]
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")  # not the package's
    _tiny_builders(monkeypatch, ["kept"])
    figures.build_figures(out_dir=tmp_path, progress=False, jobs=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "kept.csv", "kept.png", "manifest.json", "notes.txt",
    ]  # fmt: skip


def test_a_folder_of_another_corpus_is_refused_and_left_as_it_was(tmp_path, monkeypatch):
    from analysis import load_corpus

    _tiny_builders(monkeypatch, ["leaders"])
    figures.build_figures(out_dir=tmp_path, progress=False, jobs=1)
    before = digests(tmp_path)
    mine = load_corpus().iloc[:2]
    with pytest.raises(figures.FiguresFolderError, match="another corpus \\(seeds\\)"):
        figures.build_figures(mine, out_dir=tmp_path, progress=False, jobs=1)
    assert digests(tmp_path) == before
    # the caller can say it is the same corpus
    figures.build_figures(mine, out_dir=tmp_path, progress=False, jobs=1, label="seeds")


def test_a_killed_runs_staging_folder_is_cleared_by_the_next_run(tmp_path, monkeypatch):
    import os
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    stale = tmp_path / f".figures-{dead}-abc.tmp"
    stale.mkdir()
    running = tmp_path / f".figures-{os.getpid()}-xyz.tmp"  # a run still going
    running.mkdir()
    _tiny_builders(monkeypatch, ["leaders"])
    figures.build_figures(out_dir=tmp_path, progress=False, jobs=1)
    assert not stale.exists() and running.exists()


def test_the_names_are_searched_once_per_run_not_once_per_builder(seeds, tmp_path, monkeypatch):
    calls = []
    real = figures.names_and_note

    def counted(corpus):
        calls.append(1)
        return real(corpus)

    monkeypatch.setattr(figure_builders, "names_and_note", counted)  # a builder's search
    monkeypatch.setattr(figures, "names_and_note", counted)  # the run's search
    with plots.figure_style():
        for builder in figures.FIGURE_BUILDERS:  # each on its own: searched every time
            for spec in builder(seeds):
                if not isinstance(spec, figures.LeftOut):
                    plots.close_figure(spec[1])
    assert len(calls) == 5  # the five builders that leave names out
    calls.clear()
    figures.build_figures(seeds, tmp_path / "out", progress=False, jobs=1)
    assert calls == [1]  # one search, shared by every builder of the run
    assert figure_builders._run_names is None  # and forgotten afterwards
