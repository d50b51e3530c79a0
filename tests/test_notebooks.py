"""The notebooks: named in reading order, paired with py:percent scripts, committed
without outputs, free of def/class/file I/O, and each runs top to bottom headless."""

from __future__ import annotations

import ast
import csv
import random
import re
import time

import nbformat
import pytest

from analysis.notebook_files import TIDY_COMMAND, tidy_notebooks
from analysis.paths import CORPUS_ENV_VAR, NOTEBOOKS_DIR

# every test here runs notebooks in a kernel: slow
pytestmark = pytest.mark.slow

EXPECTED = [
    "01-corpus.ipynb",
    "02-term-frequencies.ipynb",
    "03-keyness.ipynb",
    "04-framing.ipynb",
    "05-voice.ipynb",
    "06-your-own-corpus.ipynb",
]
NOTEBOOKS = [NOTEBOOKS_DIR / name for name in EXPECTED]
TIME_LIMIT = 60  # seconds per notebook, as the issue asks


def _code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def test_notebooks_are_the_expected_ones():
    assert sorted(p.name for p in NOTEBOOKS_DIR.glob("*.ipynb")) == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in _code_cells(nb):
        assert cell.outputs == [] and cell.execution_count is None, (
            f"{path.name} was saved with outputs: run `{TIDY_COMMAND}`"
        )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_paired_with_percent_script(path):
    import jupytext

    script = path.with_suffix(".py")
    assert script.exists(), f"{script.name} missing: run `{TIDY_COMMAND}`"
    paired = jupytext.read(script)
    nb = nbformat.read(path, as_version=4)
    stale = f"{path.name} and {script.name} differ: run `{TIDY_COMMAND}`"
    assert [c.source.strip() for c in _code_cells(paired)] == [
        c.source.strip() for c in _code_cells(nb)
    ], stale
    assert [c.source.strip() for c in paired.cells if c.cell_type == "markdown"] == [
        c.source.strip() for c in nb.cells if c.cell_type == "markdown"
    ], stale


FORBIDDEN_CALLS = {"open", "read_csv", "to_csv", "write_text", "write_bytes", "savefig", "to_json"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_def_class_or_file_io(path):
    nb = nbformat.read(path, as_version=4)
    for cell in _code_cells(nb):
        src = "\n".join(
            line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!"))
        )
        tree = ast.parse(src)
        for node in ast.walk(tree):
            assert not isinstance(
                node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
            ), path.name
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                assert name not in FORBIDDEN_CALLS, f"{path.name}: {name}()"
        assert len(cell.source.splitlines()) <= 15, f"{path.name}: code cell too long"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_prose_states_question_method_and_finding(path):
    nb = nbformat.read(path, as_version=4)
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown").lower()
    for word in ("question", "method", "finding"):
        assert re.search(rf"\b{word}", prose), f"{path.name}: no '{word}' section"


@pytest.fixture
def small_corpus(tmp_path, seeds):
    """A small folder of articles built from the seeds' cleaned sentences."""
    from analysis.tokens import split_sentences

    sentences = [s for body in seeds["body"] for s in split_sentences(body)]
    rng = random.Random(7)
    folder = tmp_path / "korpus-kecil"
    folder.mkdir()
    rows = []
    for i in range(4):
        text = "\n".join(rng.sample(sentences, 12))
        name = f"artikel_{i}.txt"
        (folder / name).write_text(f"JUDUL ARTIKEL {i}\nLAHAT, CONTOH.ID - {text}\n", "utf-8")
        rows.append(
            [f"a{i}", name, ["Bupati A", "Bupati B"][i % 2], "Bupati", f"202{i}-01-0{i + 1}"]
        )
    with open(folder / "metadata.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["doc_id", "file", "leader", "role", "date"])
        w.writerows(rows)
    return folder


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_top_to_bottom(path, monkeypatch, small_corpus):
    from nbclient import NotebookClient

    if path.name.startswith("06"):
        # as a user would: relative to the folder where JupyterLab was started, with one
        # file that cannot be read; the kernel itself runs in notebooks/
        monkeypatch.setenv(CORPUS_ENV_VAR, small_corpus.name)
        monkeypatch.setenv("PWD", str(small_corpus.parent))
        (small_corpus / "rusak.txt").write_bytes(b"")
        with open(small_corpus / "metadata.csv", "a", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerow(["a9", "rusak.txt", "Bupati A", "Bupati", "2029-01-01"])
    else:
        monkeypatch.delenv(CORPUS_ENV_VAR, raising=False)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=TIME_LIMIT, kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS_DIR)}},
    )  # fmt: skip
    start = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - start
    assert elapsed < TIME_LIMIT, f"{path.name} took {elapsed:.1f} s"
    errors = [o for c in _code_cells(nb) for o in c.outputs if o.output_type == "error"]
    assert not errors
    if path.name.startswith("06"):
        text = "\n".join(
            str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", ""))
            for c in _code_cells(nb) for o in c.outputs
        )  # fmt: skip
        assert "korpus-kecil" in text, "notebook 06 must show which folder it analysed"
        assert "skipped 1 bad article(s): " in text and "rusak.txt: empty file" in text
        stderr = [o for c in _code_cells(nb) for o in c.outputs if o.get("name") == "stderr"]
        assert not any("CorpusWarning" in o.text for o in stderr), "a skipped file as a warning"


def test_tidy_notebooks_clears_outputs_and_syncs_the_pairs(tmp_path):
    import shutil

    import jupytext

    # the pairing the repository's pyproject.toml declares
    (tmp_path / "jupytext.toml").write_text(
        'formats = "ipynb,py:percent"\nnotebook_metadata_filter = "kernelspec,jupytext"\n'
        'cell_metadata_filter = "-all"\n',
        encoding="utf-8",
    )
    for name in EXPECTED[:2]:
        shutil.copy(NOTEBOOKS_DIR / name, tmp_path / name)
        shutil.copy(NOTEBOOKS_DIR / name.replace(".ipynb", ".py"), tmp_path)
    # a session in Lab: outputs saved into the first, a code cell edited in the second
    first, second = tmp_path / EXPECTED[0], tmp_path / EXPECTED[1]
    nb = nbformat.read(first, as_version=4)
    cell = _code_cells(nb)[0]
    cell.outputs = [nbformat.v4.new_output("stream", text="hello\n")]
    cell.execution_count = 3
    nbformat.write(nb, first)
    time.sleep(1.1)  # jupytext takes the side edited last as the source
    nb = nbformat.read(second, as_version=4)
    _code_cells(nb)[0].source += "\nprint('edited in Lab')"
    nbformat.write(nb, second)
    assert tidy_notebooks(tmp_path) == [first, second]
    for path in (first, second):
        nb = nbformat.read(path, as_version=4)
        assert all(c.outputs == [] and c.execution_count is None for c in _code_cells(nb))
        script = jupytext.read(path.with_suffix(".py"))
        assert [c.source.strip() for c in _code_cells(script)] == [
            c.source.strip() for c in _code_cells(nb)
        ]
    assert "edited in Lab" in second.with_suffix(".py").read_text(encoding="utf-8")
