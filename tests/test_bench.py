"""The benchmark command runs end to end on a tiny corpus and reports every column.

Timings are not asserted (the benchmark is a measurement, not a timed test); what is
checked is that every operation ran on the same corpus and the table is complete.
"""

from __future__ import annotations

import math

import pytest

from analysis.bench import OPERATIONS, WORST_CASES, machine, run_operation, speed_ratios
from analysis.cli import main
from analysis.synthetic import synthetic_articles

COLUMNS = (
    "jobs",
    "articles",
    "runs",
    "seconds",
    "articles_per_s",
    "mb_per_s",
    "peak_mb",
    "wall_s",
)


def test_synthetic_articles_are_reproducible_and_look_scraped():
    a = list(synthetic_articles(30, seed=7))
    assert a == list(synthetic_articles(30, seed=7))
    assert a[:10] == list(synthetic_articles(10, seed=7))  # a prefix does not depend on n
    assert a != list(synthetic_articles(30, seed=8))
    assert [x["doc_id"] for x in a[:2]] == ["syn000000", "syn000001"]
    texts = [x["text"] for x in a]
    assert any("Baca Juga:" in t for t in texts)  # boilerplate mixed in
    lengths = sorted(len(t) for t in texts)
    assert lengths[0] * 2 < lengths[-1]  # varied lengths
    assert {x["leader"] for x in a} <= {
        "M. Rahmattullah",
        "Edward Candra",
        "H. Budiman",
        "H. Askolani",
        "Herman Deru",
    }
    with pytest.raises(ValueError, match="n must be"):
        list(synthetic_articles(-1))


def test_synthetic_articles_clean_to_the_seed_sentences():
    from analysis.corpus import load_corpus, make_document
    from analysis.tokens import split_sentences

    seed_sentences = sorted(
        {s for body in load_corpus()["body"] for s in split_sentences(body)},
        key=len,
        reverse=True,
    )
    for art in synthetic_articles(20, seed=1):
        doc = make_document(art.pop("text"), art)
        assert "Baca Juga" not in doc["body"]
        assert doc["title"] and doc["dateline_place"]
        rest = doc["body"]
        for sentence in seed_sentences:
            rest = rest.replace(sentence, "")
        # the cleaned body is the resampled seed sentences (the cleaner may trim a
        # sentence's edge, e.g. a stray quote mark after the dateline)
        assert len("".join(rest.split())) < 0.1 * len(doc["body"])


def test_run_operation_rejects_unknown_names(tmp_path):
    with pytest.raises(ValueError, match="unknown operation"):
        run_operation("spacy", tmp_path / "x.jsonl")


@pytest.mark.slow
def test_bench_command_runs_end_to_end_on_a_tiny_corpus(capsys):
    pytest.importorskip("sklearn", reason="the CountVectorizer baseline needs scikit-learn")
    assert main(["bench", "--articles", "200", "--jobs", "2", "--no-extras", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "200 synthetic articles" in out and "cores" in out and "Python" in out
    header = next(line for line in out.splitlines() if line.strip().startswith("jobs"))
    for column in COLUMNS:
        assert column in header
    for op in OPERATIONS:
        row = next(line for line in out.splitlines() if line.startswith(op + " "))
        assert " 200 " in row  # every operation ran on the whole corpus
    assert "vs_nltk" in out and "vs_sklearn" in out


@pytest.mark.slow
def test_bench_csv_has_a_number_in_every_cell(capsys):
    pytest.importorskip("sklearn", reason="the CountVectorizer baseline needs scikit-learn")
    import io

    import pandas as pd

    assert (
        main(
            [
                "bench",
                "--articles",
                "60",
                "--jobs",
                "1",
                "--no-extras",
                "--quiet",
                "--vocabulary",
                "seeds",
                "--format",
                "csv",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    table = pd.read_csv(io.StringIO(out[out.index("operation,") :]), index_col="operation")
    assert list(table.index) == list(OPERATIONS)
    assert list(table.columns) == list(COLUMNS)
    assert (table["articles"] == 60).all() and (table["runs"] == 1).all()
    assert all(math.isfinite(v) and v > 0 for v in table.drop(columns="jobs").to_numpy().ravel())
    ratios = speed_ratios(table)
    assert list(ratios.index) == ["terms", "frames", "frames_default"]


def test_machine_names_cores_cpu_and_python():
    info = machine()
    assert int(info["cores"]) >= 1 and info["cpu"] and info["python"].count(".") == 2


@pytest.mark.slow
def test_repeated_rounds_alternate_and_keep_the_fastest_run(tmp_path):
    import json

    from analysis.bench import benchmark

    path = tmp_path / "articles.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for art in synthetic_articles(40, seed=3):
            fh.write(json.dumps(art, ensure_ascii=False) + "\n")
    said: list[str] = []
    table = benchmark(
        path,
        articles=40,
        megabytes=0.1,
        jobs=1,
        operations=("terms", "nltk"),
        extras=False,
        progress=said.append,
        repeat=3,
    )
    # forward, backward, forward: each operation runs early and late
    assert [m.split()[1] for m in said] == ["terms", "nltk", "nltk", "terms", "terms", "nltk"]
    assert "round 2 of 3" in said[2]
    assert list(table.index) == ["terms", "nltk"] and (table["runs"] == 3).all()
    assert (table["seconds"] > 0).all()
    with pytest.raises(ValueError, match="repeat must be"):
        benchmark(path, articles=40, megabytes=0.1, operations=("terms",), extras=False, repeat=0)


def test_bench_repeat_must_be_positive(capsys):
    assert main(["bench", "--articles", "10", "--repeat", "0", "--quiet"]) == 2
    assert "--repeat must be 1 or more" in capsys.readouterr().err


def test_the_fastest_run_and_the_highest_peak_are_reported(tmp_path, monkeypatch):
    import json

    from analysis import bench

    # (seconds, peak MB) of each child process, in the order the rounds run them
    results = iter([(5.0, 100.0), (9.0, 50.0), (8.0, 40.0), (4.0, 120.0)])

    def fake_measure(cmd, env=None):
        seconds, peak = next(results)
        return json.dumps({"seconds": seconds}) + "\n", seconds + 1, peak

    monkeypatch.setattr(bench, "_measure", fake_measure)
    table = bench.benchmark(
        tmp_path / "x.jsonl",
        articles=10,
        megabytes=1.0,
        jobs=1,
        operations=("terms", "sklearn"),
        extras=False,
        repeat=2,
    )
    # round 1: terms 5 s, sklearn 9 s; round 2 (backward): sklearn 8 s, terms 4 s
    assert table.loc["terms", "seconds"] == 4.0 and table.loc["terms", "peak_mb"] == 120.0
    assert table.loc["sklearn", "seconds"] == 8.0 and table.loc["sklearn", "peak_mb"] == 50.0
    assert table.loc["terms", "wall_s"] == 5.0  # the wall time of the fastest run


def test_the_worst_case_operations_run_on_a_folder(tmp_path):
    from analysis.adversarial import random_tokens

    (tmp_path / "worst.txt").write_text(random_tokens(2000), encoding="utf-8")
    quotes = run_operation("worst_quotes", tmp_path)
    frames = run_operation("worst_frames", tmp_path)
    assert quotes["rows"] > 10 and quotes["seconds"] > 0  # many quotes in one paragraph
    assert frames["rows"] >= 1 and frames["seconds"] > 0
    assert set(WORST_CASES) == {"worst_quotes", "worst_frames"}
