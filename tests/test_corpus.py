"""Loading corpora: the seeds with their metadata, any folder, and every bad input."""

from __future__ import annotations

import hashlib
import shutil
import warnings

import pytest

import analysis
from analysis.corpus import (
    CorpusError,
    CorpusWarning,
    as_documents,
    iter_documents,
    load_corpus,
    skipped_summary,
)
from analysis.paths import SEEDS_DIR

REQUIRED = [
    "file", "sha256", "outlet", "region", "province", "level",
    "leader", "role", "date", "date_note", "event",
]  # fmt: skip


def test_load_corpus_is_importable_from_package_top():
    assert analysis.load_corpus is load_corpus


def test_seeds_loaded_with_metadata(seeds):
    assert list(seeds.index) == ["000", "001", "002", "003", "004"]
    assert seeds.index.name == "doc_id"
    for col in REQUIRED + ["raw", "title", "body", "dateline_place", "dateline_outlet", "removed"]:
        assert col in seeds.columns, col
    assert seeds.loc["000", "leader"] == "M. Rahmattullah"
    assert seeds.loc["001", "role"] == "Plh Bupati"
    assert seeds.loc["002", "province"] == "Sulawesi Selatan"
    assert seeds.loc["003", "date"] == "2020-09-23"
    assert seeds.loc["004", "level"] == "provinsi"
    assert set(seeds["level"]) == {"kabupaten", "provinsi"}


def test_seed_files_are_byte_identical_to_shared_copies():
    shared = SEEDS_DIR.parent.parent / "shared" / "seeds"
    if not shared.exists():
        pytest.skip("shared/ seeds not beside this checkout")
    for src in shared.glob("*.txt"):
        assert (SEEDS_DIR / src.name).read_bytes() == src.read_bytes()


def test_metadata_hashes_match_raw_files(seeds):
    for doc_id, row in seeds.iterrows():
        data = (SEEDS_DIR / row["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == row["sha256"], doc_id


def test_iter_documents_streams_same_as_load(seeds):
    docs = list(iter_documents())
    assert [d["doc_id"] for d in docs] == list(seeds.index)
    assert [d["body"] for d in docs] == list(seeds["body"])


def test_as_documents_accepts_frame_stream_and_path(seeds):
    ids = ["000", "001", "002", "003", "004"]
    assert [d["doc_id"] for d in as_documents(seeds)] == ids
    assert [d["doc_id"] for d in as_documents(iter_documents())] == ids
    assert [d["doc_id"] for d in as_documents(SEEDS_DIR)] == ids


@pytest.fixture
def seed_copy(tmp_path):
    folder = tmp_path / "korpus"
    shutil.copytree(SEEDS_DIR, folder)
    return folder


def test_changed_raw_file_fails_loudly(seed_copy):
    f = seed_copy / "002_6827fc198f112902.txt"
    f.write_bytes(f.read_bytes() + b" tambahan")
    with pytest.raises(CorpusError, match=r"002_6827fc198f112902\.txt: raw data changed"):
        load_corpus(seed_copy)


def test_folder_without_metadata_uses_file_stems(tmp_path):
    (tmp_path / "berita_a.txt").write_text("Bupati meminta OPD disiplin.", encoding="utf-8")
    (tmp_path / "berita_b.txt").write_text("Sekda memimpin rapat.", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert list(corpus.index) == ["berita_a", "berita_b"]
    assert corpus.loc["berita_a", "body"] == "Bupati meminta OPD disiplin."


def test_file_without_metadata_row_loads_with_warning(seed_copy):
    (seed_copy / "baru.txt").write_text("Gubernur menekankan koordinasi.", encoding="utf-8")
    with pytest.warns(CorpusWarning, match=r"baru\.txt: no row in metadata\.csv"):
        corpus = load_corpus(seed_copy)
    assert "baru" in corpus.index
    assert corpus.loc["baru", "body"] == "Gubernur menekankan koordinasi."


def test_bom_and_crlf_are_handled(tmp_path):
    (tmp_path / "a.txt").write_bytes("\ufeffJudul Rapat\r\nLAHAT, SUMEKS.CO - Isi.\r\n".encode())
    corpus = load_corpus(tmp_path)
    assert corpus.loc["a", "title"] == "Judul Rapat"
    assert corpus.loc["a", "body"] == "Isi."
    assert "\r" not in corpus.loc["a", "raw"]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", r"kosong\.txt: empty file"),
        (b"  \n\t \r\n", r"kosong\.txt: empty file"),
        (b"Bupati \xff rapat", r"kosong\.txt: not valid UTF-8 at line 1, column 8"),
        (b"baris satu\nbaris \xc3\x28 dua", r"kosong\.txt: not valid UTF-8 at line 2, column 7"),
        (b"PK\x03\x04\x00\x00binary", r"kosong\.txt: binary content \(NUL byte"),
    ],
)
def test_bad_article_files_raise_clear_errors(tmp_path, content, message):
    (tmp_path / "kosong.txt").write_bytes(content)
    with pytest.raises(CorpusError, match=message):
        load_corpus(tmp_path)


def test_metadata_row_with_missing_file(seed_copy):
    (seed_copy / "003_60287285a83efd50.txt").unlink()
    with pytest.raises(
        CorpusError, match=r"lists file '003_60287285a83efd50\.txt', which is missing"
    ):
        load_corpus(seed_copy)


def test_duplicate_doc_id_in_metadata(seed_copy):
    meta = seed_copy / "metadata.csv"
    lines = meta.read_text("utf-8").splitlines()
    lines[2] = "000" + lines[2][3:]
    meta.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(
        CorpusError, match=r"metadata\.csv: duplicate doc_id '000' \(rows 2 and 3\)"
    ):
        load_corpus(seed_copy)


def test_duplicate_doc_id_between_metadata_and_unlisted_file(seed_copy):
    (seed_copy / "000.txt").write_text("Teks lain.", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        with pytest.raises(CorpusError, match=r"000\.txt: duplicate doc_id '000'"):
            load_corpus(seed_copy)


@pytest.mark.parametrize(
    "text, message",
    [
        ("id,berkas\n000,a.txt\n", r"missing column\(s\) doc_id, file"),
        ("doc_id,file\n000,a.txt,extra\n", r"row 2 has 3 fields, the header has 2"),
        ('doc_id,file\n"000,a.txt\n', r"malformed"),
        ("doc_id,file,file\n000,a.txt,b.txt\n", r"duplicate column names"),
    ],
)
def test_malformed_metadata(tmp_path, text, message):
    (tmp_path / "a.txt").write_text("Isi berita.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(text, encoding="utf-8")
    with pytest.raises(CorpusError, match=r"metadata\.csv: .*" + message):
        load_corpus(tmp_path)


def test_missing_or_empty_folder(tmp_path):
    with pytest.raises(CorpusError, match="corpus folder not found"):
        load_corpus(tmp_path / "tidak-ada")
    with pytest.raises(CorpusError, match=r"no \.txt articles found"):
        load_corpus(tmp_path)


def test_loading_never_writes_to_the_corpus_folder(seed_copy):
    before = {p.name: p.read_bytes() for p in seed_copy.iterdir()}
    load_corpus(seed_copy)
    assert {p.name: p.read_bytes() for p in seed_copy.iterdir()} == before


def test_import_is_lazy():
    # `import analysis` loads none of the heavy libraries (its time is measured by the
    # bench command, not here); the top-level names resolve on first use
    import subprocess
    import sys

    heavy = ["pandas", "numpy", "matplotlib", "nltk", "Sastrawi", "wordcloud", "scipy"]
    code = f"import sys; import analysis; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    for name in analysis.__all__:
        assert callable(getattr(analysis, name)), name
    assert analysis.frame_scores.__module__ == "analysis.frames"
    assert analysis.extract_quotes.__module__ == "analysis.quotes"
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        analysis.nope  # noqa: B018


# --- other corpus formats and bad files in a big folder ----------------------------


def _seed_rows(seeds):
    return [
        {"doc_id": d, "leader": row["leader"], "text": row["raw"]} for d, row in seeds.iterrows()
    ]


def test_jsonl_csv_and_parquet_give_the_same_documents_as_the_folder(tmp_path, seeds):
    import json

    import pandas as pd

    rows = _seed_rows(seeds)
    jsonl = tmp_path / "korpus.jsonl"
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    csv_path = tmp_path / "korpus.csv"
    pd.DataFrame(rows).to_csv(csv_path, index=False)
    parquet = tmp_path / "korpus.parquet"
    pd.DataFrame(rows).to_parquet(parquet, index=False)
    for source in (jsonl, csv_path, parquet):
        corpus = load_corpus(source)
        assert list(corpus.index) == list(seeds.index), source.name
        assert list(corpus["body"]) == list(seeds["body"]), source.name
        assert list(corpus["leader"]) == list(seeds["leader"]), source.name


def test_table_file_errors_name_the_record(tmp_path):
    jsonl = tmp_path / "k.jsonl"
    jsonl.write_text('{"doc_id": "x", "isi": "Teks."}\n', "utf-8")
    with pytest.raises(
        CorpusError, match=r"k\.jsonl: record 1 has no 'text' field \(fields: doc_id, isi\)"
    ):
        load_corpus(jsonl)
    assert load_corpus(jsonl, text_column="isi").loc["x", "body"] == "Teks."
    jsonl.write_text('{"doc_id": "x", "text": "A."}\n{"doc_id": "x", "text": "B."}\n', "utf-8")
    with pytest.raises(CorpusError, match=r"record 2 \(doc_id 'x'\): duplicate doc_id 'x'"):
        load_corpus(jsonl)
    jsonl.write_text('{"doc_id": "x", "text": "A."}\nbukan json\n', "utf-8")
    with pytest.raises(CorpusError, match=r"k\.jsonl: line 2: not valid JSON"):
        load_corpus(jsonl)


def test_bad_files_in_big_folder_skipped_with_summary(tmp_path):
    for i in range(30):
        (tmp_path / f"baik_{i:02d}.txt").write_text(f"Berita nomor {i}.", encoding="utf-8")
    (tmp_path / "kosong.txt").write_bytes(b"")
    (tmp_path / "biner.txt").write_bytes(b"\x00\x01")
    (tmp_path / "latin1.txt").write_bytes("Bupati S\xe9kda".encode("latin-1"))
    with pytest.warns(
        CorpusWarning, match=r"skipped 3 bad article\(s\): .*biner\.txt.*kosong\.txt.*latin1\.txt"
    ):
        corpus = load_corpus(tmp_path, on_error="skip")
    assert len(corpus) == 30
    skipped: list = []  # given a list, the caller reports: no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)
        corpus = load_corpus(tmp_path, on_error="skip", skipped=skipped)
    assert len(corpus) == 30
    assert len(skipped) == 3 and all(isinstance(e, CorpusError) for e in skipped)
    assert skipped_summary(skipped).startswith("skipped 3 bad article(s): ")
    with pytest.raises(CorpusError, match=r"biner\.txt: binary content"):
        load_corpus(tmp_path)
