"""Partitions of a corpus on disk (engine="dask"): the workers read the files, and the
tables, errors and warnings are those of a serial run.

The fast tests read the partitions in this process, one after another, and compare
with :func:`analysis.corpus.iter_records`; the slow ones run on a local two-worker
Dask cluster whose workers are other processes, with this process forbidden to read
an article.
"""

from __future__ import annotations

import csv
import hashlib
import json
import pickle
import warnings

import pandas as pd
import pytest

from analysis import corpus as corpus_module
from analysis import corpus_files, parallel, partitions
from analysis.corpus import CorpusError, CorpusSource, CorpusWarning, iter_records
from analysis.frames import frame_scores
from analysis.parallel import map_documents
from analysis.partitions import (
    ReadErrors,
    index_partition,
    number_partitions,
    plan_partitions,
    read_partition,
)
from analysis.quotes import quote_table
from analysis.synthetic import synthetic_articles
from analysis.terms import term_counts, term_frequencies

N_ARTICLES = 60

# Short passages of our own, for the bad and odd articles.
PASAR = "Bupati Lahat meresmikan pasar baru di Desa Tanjung.\n\nPedagang menyambut gembira."
JALAN = 'Gubernur meninjau jalan rusak. "Perbaikan dimulai bulan depan," kata Kepala Dinas.'


def _articles(n=N_ARTICLES, seed=5):
    return list(synthetic_articles(n, seed=seed))


def _write_folder(folder, arts):
    folder.mkdir()
    fields = [k for k in arts[0] if k != "text"] + ["file"]
    with open(folder / "metadata.csv", "w", encoding="utf-8", newline="") as fh:
        out = csv.DictWriter(fh, fieldnames=fields)
        out.writeheader()
        for a in arts:
            (folder / f"{a['doc_id']}.txt").write_text(a["text"], encoding="utf-8")
            out.writerow(
                {**{k: v for k, v in a.items() if k != "text"}, "file": f"{a['doc_id']}.txt"}
            )
    return folder


def _write_jsonl(path, rows, newline="\n", bom=False):
    text = newline.join(json.dumps(r, ensure_ascii=False) for r in rows) + newline
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    base = tmp_path_factory.mktemp("corpora")
    arts = _articles()
    pd.DataFrame(arts).to_parquet(base / "articles.parquet", row_group_size=12)
    pd.DataFrame(arts).to_csv(base / "articles.csv", index=False)
    return {
        "folder": _write_folder(base / "folder", arts),
        "jsonl": _write_jsonl(base / "articles.jsonl", arts),
        "parquet": base / "articles.parquet",
        "csv": base / "articles.csv",
    }


@pytest.fixture
def small_partitions(monkeypatch):
    """Many partitions from a small corpus: 8 articles per folder partition, byte
    ranges of about 2 KB."""
    monkeypatch.setattr(parallel, "DEFAULT_CHUNKSIZE", 8)
    monkeypatch.setattr(partitions, "AVERAGE_ARTICLE_BYTES", 256)


def _read_in_partitions(source, chunksize=8, skipped=None):
    """Every partition read in this process, in order: (records, ReadErrors)."""
    parts = plan_partitions(source, chunksize=chunksize)
    if len(parts) > 1 and parts[0].kind in ("lines", "row_group"):
        parts = number_partitions(parts, [index_partition(p) for p in parts])
    errors, records = ReadErrors(parts[0].source, skipped), []
    for part in parts:
        read = read_partition(part)
        errors.add(read)
        records.extend(read.records)
    errors.finish()
    return records


def _serial_read(source):
    skipped: list = []
    records = list(iter_records(source, skipped=skipped))
    return records, [str(e) for e in skipped]


# ---------------------------------------------------------------- planning and reading


def test_partitions_name_files_and_ranges_and_carry_no_text(corpora, monkeypatch):
    monkeypatch.setattr(partitions, "AVERAGE_ARTICLE_BYTES", 256)
    folder = plan_partitions(CorpusSource(corpora["folder"]), chunksize=8)
    assert [p.kind for p in folder] == ["files"] * 8
    assert [p.first_record for p in folder[:3]] == [1, 9, 17]
    assert partitions.total_records(folder) == N_ARTICLES
    assert folder[0].files[0][1]["doc_id"] == "syn000000"
    lines = plan_partitions(CorpusSource(corpora["jsonl"], encoding="cp1252"), chunksize=8)
    assert len(lines) > 5 and {p.kind for p in lines} == {"lines"}
    assert lines[-1].end == corpora["jsonl"].stat().st_size
    groups = plan_partitions(CorpusSource(corpora["parquet"]), chunksize=8)
    assert [p.start for p in groups] == [0, 1, 2, 3, 4]
    assert partitions.total_records(groups) is None  # known once indexed
    indexed = number_partitions(groups, [index_partition(p, texts=False) for p in groups])
    assert partitions.total_records(indexed) == N_ARTICLES
    assert [p.first_record for p in indexed] == [1, 13, 25, 37, 49]
    assert [p.kind for p in plan_partitions(CorpusSource(corpora["csv"]), chunksize=8)] == ["whole"]
    # UTF-16 has no newline byte to cut at: one worker reads the file whole
    utf16 = plan_partitions(CorpusSource(corpora["jsonl"], encoding="utf-16"), chunksize=8)
    assert [p.kind for p in utf16] == ["whole"]
    body = max(_articles(1)[0]["text"].split("\n"), key=len)
    for part in folder + lines + groups:
        assert body.encode("utf-8") not in pickle.dumps(part)
        assert len(pickle.dumps(part)) < 8_000


@pytest.mark.parametrize("name", ["folder", "jsonl", "parquet", "csv"])
def test_partitions_read_what_a_serial_run_reads(corpora, name):
    records, errors = _serial_read(CorpusSource(corpora[name]))
    assert errors == [] and len(records) == N_ARTICLES
    for size in (3, 8, 64):
        assert _read_in_partitions(CorpusSource(corpora[name]), chunksize=size) == records


def test_byte_ranges_keep_line_numbers_ids_and_duplicates_across_partitions(
    tmp_path, small_partitions
):
    rows = [{"doc_id": f"b{i}", "text": PASAR, "leader": "Bupati Lahat"} for i in range(30)]
    rows[4] = {"text": JALAN}  # no id: <stem>-<record number>
    rows[9]["doc_id"] = "b2"  # the same id as an article two partitions before
    rows[12] = {"doc_id": "b20", "text": "   "}  # empty: does not claim its id
    rows[17]["text"] = "Bupati\x00Lahat"
    rows[25]["doc_id"] = "kabar-5"  # the default id of record 5
    for kwargs in ({}, {"newline": "\r\n", "bom": True}):
        path = _write_jsonl(tmp_path / "kabar.jsonl", rows, **kwargs)
        # blank lines between articles count as lines, not records
        nl = kwargs.get("newline", "\n").encode()
        path.write_bytes(path.read_bytes().replace(b"}" + nl + b"{", b"}" + nl + nl + b"{", 3))
        source = CorpusSource(path, on_error="skip")
        records, errors = _serial_read(source)
        assert len(errors) == 4 and "duplicate doc_id 'b2'" in errors[0]
        skipped: list = []
        for size in (1, 2, 5):
            got = _read_in_partitions(source, chunksize=size, skipped=skipped)
            assert got == records
            assert [str(e) for e in skipped] == errors
            skipped.clear()


def test_a_malformed_line_is_named_with_its_line_in_the_whole_file(tmp_path, small_partitions):
    rows = [json.dumps({"doc_id": f"r{i}", "text": PASAR}) for i in range(20)]
    rows[13] = '{"doc_id": "r13", "text": "tanpa penutup'
    path = tmp_path / "rusak.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError) as serial:
        list(iter_records(path))
    with pytest.raises(CorpusError) as parted:
        _read_in_partitions(CorpusSource(path), chunksize=1)
    assert str(parted.value) == str(serial.value) and "line 14" in str(serial.value)


def _bad_folder(path):
    arts = _articles(20, seed=9)
    folder = _write_folder(path, arts)
    (folder / "syn000003.txt").write_text("", encoding="utf-8")
    (folder / "syn000011.txt").write_bytes(b"Wakil Bupati hadir. Dana Rp 5 miliar \xff\xfe")
    meta = (folder / "metadata.csv").read_text("utf-8").splitlines()
    meta[0] += ",sha256"
    meta[1:] = [line + "," for line in meta[1:]]
    meta[17] = meta[17] + hashlib.sha256(b"isi lama").hexdigest()  # changed raw data
    (folder / "metadata.csv").write_text("\n".join(meta) + "\n", encoding="utf-8")
    return folder


def test_bad_files_in_partitions_raise_and_warn_as_a_serial_run(tmp_path):
    folder = _bad_folder(tmp_path / "bad")
    with pytest.raises(CorpusError) as serial:
        list(iter_records(folder))
    with pytest.raises(CorpusError) as parted:
        _read_in_partitions(CorpusSource(folder), chunksize=4)
    assert str(parted.value) == str(serial.value)
    assert str(serial.value).startswith("3 bad articles")
    source = CorpusSource(folder, on_error="skip")
    with pytest.warns(CorpusWarning) as serial_warning:
        records = list(iter_records(source))
    with pytest.warns(CorpusWarning) as parted_warning:
        assert _read_in_partitions(source, chunksize=4) == records
    assert [str(w.message) for w in parted_warning] == [str(w.message) for w in serial_warning]


def test_long_articles_are_named_in_a_warning(tmp_path, small_partitions):
    rows = [{"doc_id": f"p{i}", "text": PASAR * (40 if i == 6 else 1)} for i in range(10)]
    source = CorpusSource(_write_jsonl(tmp_path / "p.jsonl", rows), max_article_chars=2_000)
    with pytest.warns(CorpusWarning, match="p.jsonl record 7") as caught:
        _read_in_partitions(source, chunksize=1)
    assert len(caught) == 1


# ---------------------------------------------------------------- on a Dask cluster


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip(
        "distributed", reason="engine='dask' needs the dask extra: pip install '.[dask]'"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        local = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = distributed.Client(local)
    yield client
    client.close()
    local.close()


def _tables(corpus, **kwargs):
    return {
        "term_counts": term_counts(corpus, by="leader", **kwargs),
        "term_frequencies": term_frequencies(corpus, by="leader", **kwargs),
        "frame_scores": frame_scores(corpus, by="leader", n_boot=30, **kwargs),
        "quote_table": quote_table(corpus, **kwargs),
    }


def _forbid_reading_here(monkeypatch):
    """This process may not read an article: the workers, other processes, still can."""

    def refuse(*args, **kwargs):
        raise AssertionError("the driver read the corpus's text")

    for name in ("iter_records", "read_article", "_table_records", "_table_rows"):
        monkeypatch.setattr(corpus_module, name, refuse)
    for name in ("read_article", "_table_rows"):  # their home; corpus imports them
        monkeypatch.setattr(corpus_files, name, refuse)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["folder", "jsonl", "parquet"])
def test_dask_workers_read_the_corpus_and_give_the_serial_tables(
    corpora, name, cluster, small_partitions, monkeypatch
):
    assert len(cluster.scheduler_info()["workers"]) == 2
    expected = _tables(corpora[name], jobs=1)
    _forbid_reading_here(monkeypatch)
    got = _tables(corpora[name], engine="dask")
    assert got["term_counts"] == expected["term_counts"]
    for table in ("term_frequencies", "frame_scores", "quote_table"):
        pd.testing.assert_frame_equal(got[table], expected[table])


@pytest.mark.slow
def test_a_dask_dataframe_read_from_parquet_is_processed_where_it_lives(corpora, cluster):
    dd = pytest.importorskip("dask.dataframe")
    frame = dd.read_parquet(corpora["parquet"])
    assert frame.npartitions >= 1
    expected = _tables(corpora["parquet"], jobs=1)
    assert term_counts(frame, by="leader") == expected["term_counts"]
    pd.testing.assert_frame_equal(
        frame_scores(frame, by="leader", n_boot=30), expected["frame_scores"]
    )


def _doc_id(doc):
    return doc["doc_id"]


@pytest.mark.slow
def test_bad_files_on_dask_raise_skip_and_list_as_serial(tmp_path, cluster, small_partitions):
    folder = _bad_folder(tmp_path / "bad")
    rows = [{"doc_id": f"k{i}", "text": PASAR, "leader": "Bupati Lahat"} for i in range(40)]
    rows[30]["doc_id"] = "k3"  # duplicate across partitions
    rows[8]["text"] = ""
    jsonl = _write_jsonl(tmp_path / "kabar.jsonl", rows)
    parquet = tmp_path / "kabar.parquet"
    pd.DataFrame(rows).to_parquet(parquet, row_group_size=6)
    for path in (folder, jsonl, parquet):
        with pytest.raises(CorpusError) as serial:
            term_counts(path, jobs=1)
        with pytest.raises(CorpusError) as dasked:
            term_counts(path, engine="dask")
        assert str(dasked.value) == str(serial.value)
        source = CorpusSource(path, on_error="skip")
        with pytest.warns(CorpusWarning) as serial_warning:
            expected = term_counts(source, by="leader", jobs=1)
        with pytest.warns(CorpusWarning) as dask_warning:
            assert term_counts(source, by="leader", engine="dask") == expected
        assert [str(w.message) for w in dask_warning] == [str(w.message) for w in serial_warning]
        serial_list: list = []
        ids = list(map_documents(_doc_id, source, jobs=1, skipped=serial_list))
        dask_list: list = []
        with warnings.catch_warnings():
            warnings.simplefilter("error", CorpusWarning)  # a list given: no warning
            assert list(map_documents(_doc_id, source, engine="dask", skipped=dask_list)) == ids
        assert [str(e) for e in dask_list] == [str(e) for e in serial_list] != []


def test_parquet_duplicates_across_row_groups_are_those_of_a_serial_run(tmp_path):
    rows = [{"doc_id": f"q{i}", "text": JALAN, "leader": "Gubernur"} for i in range(24)]
    rows[2]["text"] = ""  # an empty article does not claim its id ...
    rows[14]["doc_id"] = "q2"  # ... so this one is no duplicate
    rows[20]["doc_id"] = "q5"  # this one is
    pd.DataFrame(rows).to_parquet(tmp_path / "q.parquet", row_group_size=5)
    source = CorpusSource(tmp_path / "q.parquet", on_error="skip")
    parts = plan_partitions(source, chunksize=8)
    assert partitions.ids_repeat([index_partition(p, texts=False) for p in parts])
    records, errors = _serial_read(source)
    skipped: list = []
    # the index is read again with the texts when ids repeat (as parallel._dask_index)
    numbered = number_partitions(parts, [index_partition(p) for p in parts])
    assert [sorted(p.duplicates) for p in numbered] == [[], [], [], [], [21]]
    assert _read_in_partitions(source, skipped=skipped) == records
    assert [str(e) for e in skipped] == errors and len(errors) == 2
