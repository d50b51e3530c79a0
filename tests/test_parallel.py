"""Large corpora: streaming, worker processes and Dask give the serial results exactly.

The synthetic corpus (:mod:`analysis.synthetic`) resamples the seeds' sentences into a
few hundred articles with boilerplate, written as JSON Lines, so the process pool is
really used (the automatic rule runs fewer than 200 documents serially) and the workers
clean the raw text themselves.
"""

from __future__ import annotations

import json
import tracemalloc
import warnings

import pandas as pd
import pytest

from analysis import parallel
from analysis.corpus import CorpusError, CorpusWarning, iter_documents, load_corpus, make_document
from analysis.frames import frame_cooccurrence, frame_evidence, frame_scores
from analysis.parallel import map_documents
from analysis.quotes import quotes, sentence_table
from analysis.synthetic import synthetic_articles
from analysis.terms import kwic, term_counts, term_frequencies

# every test here starts worker processes or a Dask cluster: slow
pytestmark = pytest.mark.slow

N_ARTICLES = 240  # above PARALLEL_MIN_DOCUMENTS, so jobs=None uses processes too


@pytest.fixture(scope="module")
def jsonl(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "articles.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for art in synthetic_articles(N_ARTICLES, seed=3):
            fh.write(json.dumps(art, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def seeds():
    return load_corpus()


def _doc_len(doc):
    return doc["doc_id"], len(doc["body"])


def _sum_lengths(results):
    return sum(n for _d, n in results)


# ---------------------------------------------------------------- map_documents


def test_map_documents_keeps_input_order_and_equals_serial(jsonl):
    serial = list(map_documents(_doc_len, jsonl, jobs=1))
    pooled = list(map_documents(_doc_len, jsonl, jobs=2, chunksize=7))
    assert pooled == serial
    assert [d for d, _ in serial] == [f"syn{i:06d}" for i in range(N_ARTICLES)]
    # the bodies are the cleaned ones: the same as iter_documents gives
    assert serial == [(d["doc_id"], len(d["body"])) for d in iter_documents(jsonl)]


def test_map_documents_combine_gives_one_value_per_chunk(jsonl):
    chunks = list(map_documents(_doc_len, jsonl, jobs=2, chunksize=50, combine=_sum_lengths))
    assert len(chunks) == -(-N_ARTICLES // 50)
    assert sum(chunks) == sum(n for _d, n in map_documents(_doc_len, jsonl, jobs=1))


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"engine": "threads"}, "engine must be one of"),
        ({"jobs": -3}, "jobs must be"),
        ({"jobs": 1.5}, "jobs must be"),
        ({"chunksize": 0}, "chunksize"),
    ],
)
def test_map_documents_rejects_bad_options(seeds, kwargs, message):
    with pytest.raises(ValueError, match=message):
        list(map_documents(_doc_len, seeds, **kwargs))


def test_small_corpus_runs_serially_without_workers(seeds, monkeypatch):
    def no_pool(*args, **kwargs):  # pragma: no cover - failing path
        raise AssertionError("a pool was started for five documents")

    monkeypatch.setattr(parallel, "_processes", no_pool)
    assert len(list(map_documents(_doc_len, seeds))) == 5
    assert len(list(map_documents(_doc_len, iter_documents()))) == 5


def test_worker_errors_reach_the_caller_with_the_file_name(tmp_path):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text("Bupati memimpin rapat kerja.\n", encoding="utf-8")
    (tmp_path / "rusak.txt").write_bytes(b"Bupati \xff\xfe rapat")
    with pytest.raises(CorpusError, match=r"rusak\.txt: not valid UTF-8"):
        term_counts(tmp_path, jobs=2)
    with pytest.warns(CorpusWarning, match=r"skipped 1 bad article.*rusak\.txt"):
        counts = term_counts(iter_documents(tmp_path, on_error="skip"), jobs=2)
    assert sorted(counts) == ["a0", "a1", "a2"]
    skipped: list = []  # the caller reports them: no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)
        counts = term_counts(iter_documents(tmp_path, on_error="skip", skipped=skipped), jobs=2)
    assert sorted(counts) == ["a0", "a1", "a2"] and len(skipped) == 1


def test_progress_bar_only_when_asked_or_on_a_terminal(seeds, capsys):
    term_counts(seeds, jobs=1, progress=True)
    assert "counting terms" in capsys.readouterr().err
    term_counts(seeds, jobs=1)  # stderr is not a terminal under pytest
    assert capsys.readouterr().err == ""


# ---------------------------------------------------------------- streaming == in memory


def test_streaming_and_in_memory_give_identical_tables(seeds):
    sources = {"frame": seeds, "stream": iter_documents, "folder": None}

    def each(fn):
        out = {}
        for name, src in sources.items():
            out[name] = fn(src() if callable(src) else src)
        return out

    for result in [
        each(lambda c: term_frequencies(c, by="leader", stem=True)),
        each(lambda c: frame_scores(c, by="leader", n_boot=50)),
        each(lambda c: frame_evidence(c)),
        each(lambda c: quotes(c, by="leader")),
        each(lambda c: kwic(c, "kinerja", stem=True)),
    ]:
        pd.testing.assert_frame_equal(result["frame"], result["stream"])
        pd.testing.assert_frame_equal(result["frame"], result["folder"])
    counts = each(lambda c: term_counts(c, by="role"))
    assert counts["frame"] == counts["stream"] == counts["folder"]


# ---------------------------------------------------------------- parallel == serial


def test_parallel_and_serial_give_identical_terms_and_kwic(jsonl):
    assert term_counts(jsonl, by="leader", jobs=2) == term_counts(jsonl, by="leader", jobs=1)
    pd.testing.assert_frame_equal(
        term_frequencies(jsonl, by="role", stem=True, jobs=2),
        term_frequencies(jsonl, by="role", stem=True, engine="serial"),
    )
    pd.testing.assert_frame_equal(
        kwic(jsonl, "koordinasi*", window=3, jobs=2), kwic(jsonl, "koordinasi*", window=3, jobs=1)
    )


def test_parallel_and_serial_give_identical_frames(jsonl):
    for kwargs in (
        {"by": "doc_id"},
        {"by": ["leader", "voice"]},
        {"by": "level", "voice": "direct"},
        {"by": "sentence"},
    ):
        pd.testing.assert_frame_equal(
            frame_scores(jsonl, n_boot=30, jobs=2, **kwargs),
            frame_scores(jsonl, n_boot=30, jobs=1, **kwargs),
        )
    pd.testing.assert_frame_equal(frame_evidence(jsonl, jobs=2), frame_evidence(jsonl, jobs=1))
    pd.testing.assert_frame_equal(
        frame_cooccurrence(jsonl, jobs=2), frame_cooccurrence(jsonl, jobs=1)
    )


def test_streamed_frames_equal_frames_of_the_sentence_table(jsonl):
    table = sentence_table(jsonl, jobs=1)
    pd.testing.assert_frame_equal(table, sentence_table(jsonl, jobs=2))
    for by in ("leader", "speaker"):
        pd.testing.assert_frame_equal(
            frame_scores(jsonl, by=by, n_boot=100, jobs=2), frame_scores(table, by=by, n_boot=100)
        )


def test_parallel_and_serial_give_identical_quotes(jsonl):
    pd.testing.assert_frame_equal(
        quotes(jsonl, by="leader", jobs=2), quotes(jsonl, by="leader", jobs=1)
    )


# ---------------------------------------------------------------- Dask


@pytest.fixture(scope="module")
def dask_client():
    distributed = pytest.importorskip(
        "distributed", reason="engine='dask' needs the dask extra: pip install '.[dask]'"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_dask_cluster_gives_the_serial_tables(jsonl, dask_client):
    assert len(dask_client.scheduler_info()["workers"]) == 2
    assert term_counts(jsonl, by="leader", engine="dask") == term_counts(jsonl, by="leader", jobs=1)
    pd.testing.assert_frame_equal(
        frame_scores(jsonl, by="leader", n_boot=100, engine="dask"),
        frame_scores(jsonl, by="leader", n_boot=100, jobs=1),
    )


def test_dask_bag_and_dataframe_inputs(seeds, dask_client):
    import dask.bag as db
    import dask.dataframe as dd

    docs = [{k: v for k, v in d.items() if k != "removed"} for d in iter_documents()]
    expected = term_counts(seeds, by="leader")
    assert term_counts(db.from_sequence(docs, npartitions=2), by="leader") == expected
    frame = pd.DataFrame([{k: v for k, v in d.items() if k != "removed"} for d in docs])
    assert term_counts(dd.from_pandas(frame, npartitions=2), by="leader") == expected
    raw = frame[["doc_id", "raw", "leader", "role"]]  # cleaned by the workers
    pd.testing.assert_frame_equal(
        frame_scores(dd.from_pandas(raw, npartitions=2), by="leader", n_boot=50),
        frame_scores(seeds, by="leader", n_boot=50),
    )


# ---------------------------------------------------------------- memory


def _stream(n: int):
    for art in synthetic_articles(n, seed=11):
        raw = art.pop("text")
        yield make_document(raw, art)


def _peak(fn) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_when_the_corpus_doubles():
    n = 150
    term_counts(_stream(2 * n), by=None, stem=True, jobs=1)  # warm the per-type caches
    small = _peak(lambda: term_counts(_stream(n), by=None, stem=True, jobs=1))
    large = _peak(lambda: term_counts(_stream(2 * n), by=None, stem=True, jobs=1))
    assert large < 1.5 * small + 256 * 1024, (small, large)


def test_script_without_main_guard_gets_a_clear_error(tmp_path):
    # worker processes re-import a script's main module: without the guard they fail to
    # start, and the user reads what to do instead of a BrokenProcessPool traceback
    import subprocess
    import sys

    script = tmp_path / "count.py"
    script.write_text(
        "from analysis.terms import term_counts\nterm_counts(None, jobs=2, progress=False)\n",
        encoding="utf-8",
    )
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert out.returncode != 0
    last = out.stderr.strip().splitlines()[-1]
    assert last.startswith("RuntimeError: a worker process stopped abruptly")
    assert 'if __name__ == "__main__":' in last


def test_a_worker_exits_when_the_process_that_started_it_is_gone():
    import subprocess
    import sys
    import time

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    code = (
        "import time\n"
        "from analysis.parallel import exit_with_parent\n"
        f"exit_with_parent({dead}, interval=0.1)\n"
        "time.sleep(60)\n"
    )
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], timeout=30)
    assert done.returncode == 1 and time.monotonic() - start < 30
