"""The command line: ``python -m analysis ...``."""

from __future__ import annotations

import re
import subprocess
import sys

from analysis.cli import main
from analysis.paths import SEEDS_DIR

SEED_002 = SEEDS_DIR / "002_6827fc198f112902.txt"


def test_clean_prints_body(capsys):
    assert main(["clean", str(SEED_002)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Dalam rangka mengoptimalkan kinerja")
    assert "Baca Juga" not in out
    assert "hms/ikp/kominfo" not in out


def test_clean_removed_lists_reasons(capsys):
    assert main(["clean", "--removed", str(SEED_002)]) == 0
    out = capsys.readouterr().out
    assert "--- removed ---" in out
    assert "dateline" in out and "LUWU TIMUR,Timuronline" in out
    assert "related-link" in out and "reporter-tag" in out


def test_clean_bad_file_exits_nonzero_with_clear_error(tmp_path):
    bad = tmp_path / "rusak.txt"
    bad.write_bytes(b"Bupati \xff\xfe rapat")
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "clean", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "rusak.txt" in proc.stderr and "not valid UTF-8" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_clean_missing_file(capsys, tmp_path):
    assert main(["clean", str(tmp_path / "tidak-ada.txt")]) == 2
    assert "tidak-ada.txt: file not found" in capsys.readouterr().err


# ---------------------------------------------------------------- terms, kwic, keyness, figures


def _csv(text: str):
    import io

    import pandas as pd

    return pd.read_csv(io.StringIO(text), dtype={"doc_id": str})


def test_terms_prints_the_frequency_list(capsys, seeds):
    from analysis.tokens import tokenize

    assert main(["terms", "--top", "5", "--format", "csv"]) == 0
    table = _csv(capsys.readouterr().out)
    assert list(table.columns) == ["term", "count", "per_1000", "doc_freq", "rank"]
    assert len(table) == 5
    tokens = [t for body in seeds["body"] for t in tokenize(body, drop_stopwords=True)]
    for term, count in zip(table["term"], table["count"]):
        assert tokens.count(term) == count
    assert table["count"].is_monotonic_decreasing


def test_terms_by_leader_as_json(capsys, seeds):
    import json

    assert main(["terms", "--by", "leader", "--top", "3", "--stem", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert {r["leader"] for r in records} == set(seeds["leader"])
    assert all(
        set(r) == {"leader", "term", "count", "per_1000", "doc_freq", "rank"} for r in records
    )


def test_terms_unknown_column_is_a_usage_error(capsys):
    assert main(["terms", "--by", "kabupaten"]) == 2
    err = capsys.readouterr().err
    assert "cannot group by 'kabupaten'" in err and "leader" in err


def test_kwic_prints_hits(capsys):
    assert main(["kwic", "penyerapan anggaran", "--format", "csv"]) == 0
    hits = _csv(capsys.readouterr().out)
    assert list(hits.columns) == [
        "doc_id",
        "sentence_no",
        "from",
        "to",
        "left",
        "keyword",
        "right",
    ]
    assert len(hits) == 4 and set(hits["doc_id"]) == {"002"}
    assert (hits["to"] - hits["from"] == 1).all()  # two words, positions from 1
    assert main(["kwic", "koordinasi*", "--window", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all("[" in line and "oordinasi" in line for line in lines)


def test_kwic_sort_by_right_context(capsys):
    assert main(["kwic", "koordinasi*", "--sort", "R1", "--format", "csv"]) == 0
    hits = _csv(capsys.readouterr().out)
    # R1 is the first word token right of the hit (punctuation is no word)
    firsts = [re.findall(r"\w+", str(right))[0].lower() for right in hits["right"]]
    assert len(hits) > 3 and firsts == sorted(firsts) and firsts[0] == "antar"
    assert main(["kwic", "koordinasi*", "--sort", "middle"]) == 2
    assert "sort must be 'L1'" in capsys.readouterr().err


def test_kwic_without_hits(capsys):
    assert main(["kwic", "zzzz"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no hits for 'zzzz'" in captured.err


def test_keyness_one_group_against_the_rest(capsys):
    assert main(["keyness", "--group", "Herman Deru", "--top", "0", "--format", "csv"]) == 0
    table = _csv(capsys.readouterr().out)
    assert set(table["leader"]) == {"Herman Deru"}
    assert table["g2"].is_monotonic_decreasing
    produk = table[table["term"] == "produk"].iloc[0]
    assert produk["count_reference"] == 0 and produk["g2"] > 0
    kinerja = table[table["term"] == "kinerja"].iloc[0]
    assert kinerja["count_target"] == 0 and kinerja["g2"] < 0


def test_keyness_every_group(capsys, seeds):
    assert main(["keyness", "--top", "3", "--drop-names", "--format", "csv"]) == 0
    table = _csv(capsys.readouterr().out)
    assert table.groupby("leader").size().to_dict() == {leader: 3 for leader in seeds["leader"]}
    assert "banyuasin" not in set(table["term"])  # a place name, left out


def test_keyness_unknown_group_is_a_usage_error(capsys):
    assert main(["keyness", "--group", "Nobody"]) == 2
    assert "no leader 'Nobody'" in capsys.readouterr().err


def test_figures_command_writes_into_out(capsys, tmp_path, monkeypatch):
    from analysis import figures, plots

    def tiny(corpus):
        fig = plots.new_figure((3, 2))
        plots.plot_top_terms(corpus["leader"].value_counts(), ax=fig.subplots())
        yield "leaders", fig, corpus[["leader"]]

    monkeypatch.setattr(figures, "FIGURE_BUILDERS", [tiny])
    assert main(["figures", "--out", str(tmp_path), "--quiet"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "leaders.csv",
        "leaders.png",
        "leaders.svg",
        "manifest.json",
    ]
    assert "1 figure(s), 3 files" in capsys.readouterr().out


def test_figures_jobs_must_be_positive(capsys, tmp_path):
    assert main(["figures", "--out", str(tmp_path), "--jobs", "0"]) == 2
    assert "--jobs must be 1 or more" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_figures_of_another_corpus_go_to_a_folder_of_their_own(capsys, tmp_path, monkeypatch):
    from analysis import figures, plots
    from analysis.paths import FIGURES_DIR

    def tiny(corpus):
        fig = plots.new_figure((3, 2))
        plots.plot_top_terms(corpus["body"].str.len(), ax=fig.subplots())
        yield "lengths", fig, corpus[["body"]], ("png",)

    monkeypatch.setattr(figures, "FIGURE_BUILDERS", [tiny])
    corpus = tmp_path / "my-articles"
    corpus.mkdir()
    for k in range(3):
        (corpus / f"a{k}.txt").write_text(f"LAHAT - Sekda minta ASN disiplin {k}.", "utf-8")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    before = sorted(p.name for p in FIGURES_DIR.iterdir())
    assert main(["figures", "--corpus", str(corpus), "--quiet"]) == 0
    assert "figures-my-articles" in capsys.readouterr().out
    assert sorted(p.name for p in (work / "figures-my-articles").iterdir()) == [
        "lengths.csv", "lengths.png", "manifest.json",
    ]  # fmt: skip
    assert sorted(p.name for p in FIGURES_DIR.iterdir()) == before  # the seeds' untouched
    # a folder of the seeds' figures is refused to another corpus, with a one-line error
    seeds_figures = tmp_path / "seeds-figures"
    assert main(["figures", "--out", str(seeds_figures), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["figures", "--corpus", str(corpus), "--out", str(seeds_figures)]) == 2
    assert "another corpus (seeds)" in capsys.readouterr().err


def test_ctrl_c_in_figures_ends_with_one_line(capsys, tmp_path, monkeypatch):
    from analysis import figures

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(figures, "build_figures", interrupted)
    assert main(["figures", "--out", str(tmp_path), "--quiet"]) == 130
    assert capsys.readouterr().err == "interrupted; nothing was changed\n"
