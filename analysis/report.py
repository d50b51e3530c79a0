"""Export the executed notebooks to a self-contained HTML report, for readers without Python.

``python -m analysis report [--out DIR]`` runs every notebook of ``notebooks/`` on a fresh
kernel and writes one HTML file per notebook (images embedded, no external files) plus an
``index.html`` to ``DIR`` — by default a folder beside the repository
(:func:`analysis.paths.report_dir`), outside the source tree. The committed notebooks are
never modified (they stay without outputs).

The files are readable by others (mode 0644 under the usual umask 022), so that a
colleague or a web server can open them. The index names the report, its date, the
commit of the code and the corpus analysed. What the kernels print outside the
notebooks' cells (start-up warnings) is kept out of the command's output and shown only
if a notebook fails.

This module imports nbformat, nbclient and nbconvert: the command line imports it only
for ``report``.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from tqdm.auto import tqdm

from .corpus import CorpusError, _plan
from .files import atomic_write
from .paths import NOTEBOOKS_DIR, REPO_ROOT, SEEDS_DIR, corpus_dir, report_dir

__all__ = ["build_report", "report_facts"]

#: The environment of the notebooks' kernels: figures drawn without a screen, and no
#: debugger warning about frozen modules on start-up.
KERNEL_ENV = {"MPLBACKEND": "Agg", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}


def _title(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return ""


def _git(*args: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _corpus_line(folder: Path) -> str:
    try:
        n = f"{len(_plan(folder)):,} articles"
    except CorpusError:
        n = "not readable"
    name = "seeds/" if folder.resolve() == SEEDS_DIR.resolve() else str(folder)
    return f"{name} ({n})"


def report_facts() -> dict[str, str]:
    """What the report's index says about how it was made.

    Returns
    -------
    dict of str
        ``date``: ``$SOURCE_DATE_EPOCH`` if set (the reproducible-builds convention),
        else the date of the code's last commit, else today (not a git checkout);
        ``commit``: the short commit, with "+ uncommitted changes" when the working tree
        differs from it, or "not a git checkout"; ``corpus``: the seeds analysed by
        notebooks 1–5, and the folder of notebook 6 (``$ANALYSIS_CORPUS``) with its
        number of articles.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        date = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
    else:
        date = _git("log", "-1", "--format=%cs") or dt.date.today().isoformat()
    commit = _git("rev-parse", "--short", "HEAD")
    if not commit:
        commit = "not a git checkout"
    elif _git("status", "--porcelain", "--untracked-files=no"):
        commit += " + uncommitted changes"
    corpus = f"notebooks 1–5: {_corpus_line(SEEDS_DIR)}"
    own = corpus_dir()
    if own.resolve() != SEEDS_DIR.resolve():
        corpus += f"; notebook 6: {_corpus_line(own)}"
    return {"date": date, "commit": commit, "corpus": corpus}


_STYLE = """body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:46em;
margin:3em auto;padding:0 1em;color:#222}h1{font-size:1.6em;line-height:1.25}
dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em;color:#444}
dt{font-weight:600}dd{margin:0}ol{padding-left:1.4em}li{margin:.4em 0}
a{color:#1f5fa8}"""


def _index_page(entries: list[tuple[str, str]], facts: dict[str, str]) -> str:
    items = "\n".join(
        f'<li><a href="{html.escape(name)}">{html.escape(title)}</a></li>'
        for name, title in entries
    )
    rows = "\n".join(
        f"<dt>{label}</dt><dd>{html.escape(facts[key])}</dd>"
        for label, key in (("Date", "date"), ("Commit", "commit"), ("Corpus", "corpus"))
    )
    title = "Framing analysis of Indonesian regional-government news"
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}: report</title><style>{_STYLE}</style></head><body>\n"
        f"<h1>{title}</h1>\n<dl>\n{rows}\n</dl>\n<h2>Notebooks</h2>\n"
        f"<ol>\n{items}\n</ol>\n</body></html>\n"
    )


def _execute(nb, path: Path, timeout: int, log_dir: Path) -> None:
    """Run a notebook on a fresh kernel; the kernel's own stderr goes to a log, shown
    only if the notebook fails."""
    log = log_dir / f"{path.stem}.log"
    with open(log, "w", encoding="utf-8") as fh:
        client = NotebookClient(
            nb, timeout=timeout, kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
        )  # fmt: skip
        try:
            client.execute(env={**os.environ, **KERNEL_ENV}, stdout=fh, stderr=fh)
        except BaseException:
            fh.flush()
            sys.stderr.write(log.read_text(encoding="utf-8"))
            raise


def build_report(
    out_dir: str | Path | None = None,
    *,
    notebooks: Iterable[str | Path] | None = None,
    timeout: int = 600,
    progress: bool | None = None,
) -> list[Path]:
    """Execute the notebooks and write them as self-contained HTML pages.

    Parameters
    ----------
    out_dir : str, Path or None
        Folder to write into (created if needed); default :func:`report_dir`.
    notebooks : iterable of str or Path, or None
        Notebook files to include; default every ``notebooks/*.ipynb`` in order.
    timeout : int
        Seconds allowed per cell.
    progress : bool or None
        Show a progress bar (default: only when stderr is a terminal).

    Returns
    -------
    list of Path
        The HTML files written, ``index.html`` last.
    """
    out = Path(out_dir) if out_dir is not None else report_dir()
    out.mkdir(parents=True, exist_ok=True)
    paths = (
        [Path(p) for p in notebooks]
        if notebooks is not None
        else sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
    )
    if progress is None:
        progress = sys.stderr.isatty()
    exporter = HTMLExporter(template_name="lab", embed_images=True)
    written: list[Path] = []
    entries: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="analysis-report-") as log_dir:
        for path in tqdm(paths, desc="report", unit="notebook", disable=not progress):
            nb = nbformat.read(path, as_version=4)
            _execute(nb, path, timeout, Path(log_dir))
            body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": path.stem}})
            target = out / f"{path.stem}.html"
            data = body.encode("utf-8")
            atomic_write(target, lambda fh, data=data: fh.write(data))
            written.append(target)
            entries.append((target.name, _title(nb) or path.stem))
    index = out / "index.html"
    page = _index_page(entries, report_facts())
    atomic_write(index, lambda fh: fh.write(page.encode("utf-8")))
    written.append(index)
    return written
