"""Export the executed notebooks to a self-contained HTML report, for readers without Python.

``python -m analysis report [--out DIR]`` runs every notebook of ``notebooks/`` on a fresh
kernel and writes one HTML file per notebook (images embedded, no external files) plus an
``index.html`` to ``DIR`` — by default a folder beside the repository
(:func:`analysis.paths.report_dir`), outside the source tree. The committed notebooks are
never modified (they stay without outputs).
"""

from __future__ import annotations

import html
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .paths import NOTEBOOKS_DIR, report_dir

__all__ = ["build_report"]


def _atomic_write_text(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _title(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return ""


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
    import sys

    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter
    from tqdm.auto import tqdm

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
    env_backend = os.environ.get("MPLBACKEND")
    os.environ["MPLBACKEND"] = "Agg"
    try:
        for path in tqdm(paths, desc="report", unit="notebook", disable=not progress):
            nb = nbformat.read(path, as_version=4)
            NotebookClient(
                nb, timeout=timeout, kernel_name="python3",
                resources={"metadata": {"path": str(path.parent)}},
            ).execute()  # fmt: skip
            body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": path.stem}})
            target = out / f"{path.stem}.html"
            _atomic_write_text(target, body)
            written.append(target)
            entries.append((target.name, _title(nb) or path.stem))
    finally:
        if env_backend is None:
            os.environ.pop("MPLBACKEND", None)
        else:
            os.environ["MPLBACKEND"] = env_backend
    items = "\n".join(
        f'<li><a href="{html.escape(name)}">{html.escape(title)}</a></li>'
        for name, title in entries
    )
    index = out / "index.html"
    _atomic_write_text(
        index,
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>Framing analysis report</title></head><body>\n"
        "<h1>Framing analysis of Indonesian regional-government news</h1>\n"
        f"<ol>\n{items}\n</ol>\n</body></html>\n",
    )
    written.append(index)
    return written
