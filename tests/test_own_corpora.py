"""A researcher's own corpus from the command line and in notebooks: bad files listed or
skipped, old encodings, saved web pages, relative paths (issue #13, deliverable 2)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from analysis import paths
from analysis.cli import build_parser, main
from analysis.corpus import CorpusError, CorpusSource, load_corpus, read_article

ARTICLE = (
    "Bupati Minta Kepala OPD Disiplin\n"
    "LAHAT, CONTOH.ID - Bupati Lahat meminta seluruh kepala organisasi perangkat daerah "
    "meningkatkan disiplin pegawai dalam apel pagi, Senin.\n"
    "{q}Kinerja pelayanan harus naik tahun ini dan koordinasi antardinas diperkuat,{q2} "
    "kata Bupati.\n"
)
SMART = ARTICLE.format(q="\u201c", q2="\u201d")  # Windows scrapes have curly quotes

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Sekda Pimpin Apel ASN - Warta Daerah</title></head><body>
<nav><ul><li><a href="/">Beranda</a></li><li><a href="/daerah">Daerah</a></li>
<li><a href="/politik">Politik</a></li></ul></nav>
<article><h1>Sekda Pimpin Apel ASN</h1>
<p>PALEMBANG, WARTA - Sekretaris Daerah memimpin apel pagi aparatur sipil negara di
halaman kantor gubernur dan meminta setiap kepala dinas memeriksa kehadiran stafnya.</p>
<p>"Disiplin adalah dasar kinerja, dan kepala OPD bertanggung jawab atas anak buahnya,"
kata Sekda di hadapan ratusan pegawai.</p>
<p>Ia juga meminta koordinasi antarperangkat daerah diperkuat agar program prioritas
berjalan tepat waktu dan serapan anggaran tidak tertinggal.</p></article>
<aside><h3>Baca juga</h3><a href="/x">Harga cabai naik di pasar induk</a></aside>
<footer>Hak cipta Warta Daerah. Seluruh hak dilindungi.</footer></body></html>
"""


def _folder(tmp_path: Path, name: str = "mine") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for i in range(3):
        (folder / f"baik_{i}.txt").write_text(SMART, encoding="utf-8")
    return folder


def test_every_corpus_subcommand_takes_on_error_and_encoding():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    readers = {
        name: {o for a in p._actions for o in a.option_strings}
        for name, p in sub.choices.items()
        if any("--corpus" in a.option_strings for a in p._actions)
    }
    assert {"terms", "kwic", "keyness", "frames", "quotes", "figures"} <= set(readers)
    for name, options in readers.items():
        assert {"--on-error", "--encoding"} <= options, name
    clean = {o for a in sub.choices["clean"]._actions for o in a.option_strings}
    assert {"--on-error", "--encoding"} <= clean


def test_stop_lists_every_bad_file_in_one_run(tmp_path, capsys):
    folder = _folder(tmp_path)
    (folder / "kosong.txt").write_bytes(b"")
    (folder / "lama.txt").write_bytes(SMART.encode("cp1252"))
    (folder / "biner.txt").write_bytes(b"\x89PNG\x00\x00")
    assert main(["terms", "--corpus", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: 3 bad articles")
    for name, problem in [
        ("biner.txt", "binary content"),
        ("kosong.txt", "empty file"),
        ("lama.txt", "not valid UTF-8"),
    ]:
        assert f"{name}: {problem}" in err
    assert "--encoding cp1252" in err and "--on-error skip" in err
    assert "Traceback" not in err


def test_skip_names_the_skipped_files_in_one_line(tmp_path, capsys):
    folder = _folder(tmp_path)
    (folder / "kosong.txt").write_bytes(b"")
    (folder / "lama.txt").write_bytes(SMART.encode("cp1252"))
    assert main(["terms", "--corpus", str(folder), "--on-error", "skip", "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("warning: skipped 2 bad article(s): ")
    assert "kosong.txt: empty file" in lines[0] and "lama.txt: not valid UTF-8" in lines[0]
    assert "CorpusWarning" not in err
    assert out.startswith("term,count") and "\ndisiplin,3," in out


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_old_encodings_are_read_when_named(tmp_path, capsys, encoding):
    folder = tmp_path / "lama"
    folder.mkdir()
    text = SMART if encoding == "cp1252" else ARTICLE.format(q='"', q2='"')
    text = text.replace("Senin", "Senin di Caf\u00e9 Rakyat")
    (folder / "artikel.txt").write_bytes(text.encode(encoding))
    assert main(["quotes", "--corpus", str(folder), "--encoding", encoding, "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "Kinerja pelayanan harus naik tahun ini" in out
    corpus = load_corpus(CorpusSource(folder, encoding=encoding))
    assert "Caf\u00e9 Rakyat" in corpus["body"].iloc[0]
    # the digest is of the bytes on disk, whatever the encoding
    assert (
        read_article(folder / "artikel.txt", encoding)[1]
        == hashlib.sha256(text.encode(encoding)).hexdigest()
    )


def test_an_unknown_encoding_is_a_clear_error(tmp_path, capsys):
    assert main(["terms", "--corpus", str(_folder(tmp_path)), "--encoding", "latin9x"]) == 2
    err = capsys.readouterr().err
    assert err == "error: --encoding: unknown text encoding 'latin9x'; use one of utf-8, " + (
        "cp1252, latin-1\n"
    )


def test_metadata_in_utf8_beside_cp1252_articles(tmp_path):
    folder = tmp_path / "lama"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SMART.encode("cp1252"))
    (folder / "metadata.csv").write_text(
        "doc_id,file,leader\na,a.txt,Bupati Lahat\u2019s\n", encoding="utf-8"
    )
    corpus = load_corpus(folder, encoding="cp1252")
    assert corpus.loc["a", "leader"] == "Bupati Lahat\u2019s"
    assert "\u201cKinerja" in corpus.loc["a", "body"]


def test_saved_web_page_gives_its_main_text_cleaned_with_the_audit(tmp_path, capsys):
    folder = _folder(tmp_path)
    (folder / "halaman.html").write_text(PAGE, encoding="utf-8")
    corpus = load_corpus(folder)
    page = corpus.loc["halaman"]
    assert "Disiplin adalah dasar kinerja" in page["body"]
    assert "koordinasi antarperangkat daerah" in page["body"]
    for furniture in ("Beranda", "Baca juga", "Harga cabai", "Hak cipta", "<p>"):
        assert furniture not in page["raw"] + page["body"], furniture
    assert page["title"] == "Sekda Pimpin Apel ASN"
    reasons = {r["reason"] for r in page["removed"]}
    assert "title" in reasons and "dateline" in reasons  # cleaned as usual, with the audit
    assert main(["quotes", "--corpus", str(folder), "--format", "csv"]) == 0
    assert "Disiplin adalah dasar kinerja" in capsys.readouterr().out
    assert main(["clean", str(folder / "halaman.html"), "--removed"]) == 0
    assert "title" in capsys.readouterr().out


def test_a_page_without_main_text_is_named(tmp_path):
    folder = _folder(tmp_path)
    (folder / "menu.html").write_text(
        "<html><head><title>Memuat</title></head><body><script>muat();</script></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(CorpusError, match=r"menu\.html: no main text found in the saved web"):
        load_corpus(folder)
    assert len(load_corpus(folder, on_error="skip", skipped=[])) == 3


def test_python_raise_mode_lists_every_bad_article(tmp_path):
    folder = _folder(tmp_path)
    (folder / "a_kosong.txt").write_bytes(b"  \n")
    (folder / "z_kosong.txt").write_bytes(b"")
    with pytest.raises(CorpusError) as info:
        load_corpus(folder)
    message = str(info.value)
    assert message.startswith("2 bad articles")
    assert "a_kosong.txt: empty file" in message and "z_kosong.txt: empty file" in message
    (folder / "z_kosong.txt").unlink()  # one bad article: its own message, as before
    with pytest.raises(CorpusError, match=r"^\S*a_kosong\.txt: empty file"):
        load_corpus(folder)


def test_clean_lists_or_skips_bad_files(tmp_path, capsys):
    folder = _folder(tmp_path)
    (folder / "kosong.txt").write_bytes(b"")
    (folder / "lama.txt").write_bytes(SMART.encode("cp1252"))
    files = [str(folder / n) for n in ("baik_0.txt", "kosong.txt", "lama.txt")]
    assert main(["clean", *files]) == 2
    err = capsys.readouterr().err
    assert "2 bad files" in err and "kosong.txt: empty" in err and "lama.txt: not valid" in err
    assert main(["clean", *files, "--on-error", "skip"]) == 0
    out, err = capsys.readouterr()
    assert "Bupati Lahat meminta" in out and err.startswith("warning: skipped 2 bad file(s)")


# ---------------------------------------------------------------- relative paths


def test_relative_corpus_is_found_from_where_jupyter_lab_started(tmp_path, monkeypatch):
    root = tmp_path / "proyek"
    (root / "notebooks").mkdir(parents=True)
    corpus = _folder(root, "artikel-saya")
    monkeypatch.chdir(root / "notebooks")  # a kernel runs in the notebook's folder
    monkeypatch.setenv("JPY_SESSION_NAME", "notebooks/06-your-own-corpus.ipynb")
    monkeypatch.setenv("PWD", str(tmp_path))  # not where Lab started: the session says
    monkeypatch.setenv(paths.CORPUS_ENV_VAR, "artikel-saya")
    assert paths.corpus_dir() == corpus
    assert len(load_corpus("artikel-saya")) == 3


def test_relative_corpus_is_found_from_the_shells_folder(tmp_path, monkeypatch):
    corpus = _folder(tmp_path, "artikel-saya")
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.setenv("PWD", str(tmp_path))  # the kernel inherits the server's $PWD
    monkeypatch.setenv(paths.CORPUS_ENV_VAR, "artikel-saya")
    assert paths.corpus_dir() == corpus


def test_a_relative_path_found_nowhere_names_every_absolute_path_tried(tmp_path, monkeypatch):
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.setenv("PWD", str(tmp_path))
    with pytest.raises(CorpusError) as info:
        load_corpus("tidak-ada")
    message = str(info.value)
    assert message.startswith("tidak-ada: corpus folder not found (tried ")
    assert str(tmp_path / "notebooks" / "tidak-ada") in message
    assert str(tmp_path / "tidak-ada") in message


def test_cli_relative_paths_are_from_the_current_folder(tmp_path, monkeypatch, capsys):
    _folder(tmp_path, "artikel-saya")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PWD", str(tmp_path))
    assert main(["terms", "--corpus", "artikel-saya", "--top", "1", "--format", "csv"]) == 0
    assert capsys.readouterr().out.count("\n") == 2
    assert main(["terms", "--corpus", "hilang"]) == 2
    err = capsys.readouterr().err
    assert f"(tried {os.path.join(tmp_path, 'hilang')})" in err


def test_clean_skip_summary_keeps_each_files_own_words(tmp_path, capsys):
    folder = _folder(tmp_path)
    (folder / "sub").mkdir()
    assert (
        main(["clean", str(folder / "baik_0.txt"), str(folder / "sub"), "--on-error", "skip"]) == 0
    )
    err = capsys.readouterr().err
    assert err.startswith("warning: skipped 1 bad file(s): ")
    assert "sub: is a folder, not an article file" in err  # the error's own words unchanged
