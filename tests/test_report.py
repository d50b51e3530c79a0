"""The HTML report (issue #13, deliverable 8): files others can read, an index that says
what the report is, and no kernel noise in the command's output."""

from __future__ import annotations

import os
import stat

import nbformat
import pytest

from analysis import paths
from analysis.report import build_report, report_facts

pytestmark = pytest.mark.slow  # runs a kernel


def _notebook(folder, name: str, code: str):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 9. Kinerja di rapat OPD\n\nQuestion, method, finding."),
        nbformat.v4.new_code_cell(code),
    ]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = folder / name
    nbformat.write(nb, path)
    return path


def test_report_files_are_readable_and_the_index_says_what_it_is(tmp_path, monkeypatch, capfd):
    monkeypatch.delenv(paths.CORPUS_ENV_VAR, raising=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")  # 2027-01-01
    old = os.umask(0o022)
    try:
        nb = _notebook(tmp_path, "09-kinerja.ipynb", "print('rapat kerja OPD')")
        written = build_report(tmp_path / "laporan", notebooks=[nb], progress=False)
    finally:
        os.umask(old)
    out, err = capfd.readouterr()  # the kernel's own stderr included (file descriptors)
    assert err == "" and out == ""
    assert [p.name for p in written] == ["09-kinerja.html", "index.html"]
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path.name
    page = written[0].read_text(encoding="utf-8")
    assert "rapat kerja OPD" in page
    index = written[1].read_text(encoding="utf-8")
    assert "<style>" in index and "<h1>Framing analysis" in index
    assert '<a href="09-kinerja.html">9. Kinerja di rapat OPD</a>' in index
    facts = report_facts()
    assert facts["date"] == "2027-01-01" and "<dd>2027-01-01</dd>" in index
    assert f"<dd>{facts['commit']}</dd>" in index and facts["commit"]
    assert "seeds/ (5 articles)" in facts["corpus"] and "seeds/ (5 articles)" in index
    assert not list((tmp_path / "laporan").glob("*.tmp"))


def test_report_names_the_own_corpus_of_notebook_6(tmp_path, monkeypatch):
    folder = tmp_path / "artikel-saya"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text("Bupati meminta OPD disiplin.\n", encoding="utf-8")
    monkeypatch.setenv(paths.CORPUS_ENV_VAR, str(folder))
    assert report_facts()["corpus"].endswith(f"notebook 6: {folder} (3 articles)")


def test_a_failing_notebook_shows_the_kernels_log_and_writes_nothing(tmp_path, capfd):
    nb = _notebook(tmp_path, "09-gagal.ipynb", "raise ValueError('data rusak')")
    with pytest.raises(Exception, match="data rusak"):
        build_report(tmp_path / "laporan", notebooks=[nb], progress=False)
    assert not list((tmp_path / "laporan").glob("*.html"))
