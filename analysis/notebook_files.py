"""Keep the notebooks committable after a session in JupyterLab.

The notebooks in ``notebooks/`` are committed without outputs and each is paired with a
py:percent script (for review, by jupytext). Saving a notebook in JupyterLab writes its
outputs into the ``.ipynb``; editing one side of a pair leaves the other stale.
:func:`tidy_notebooks` (``python -m analysis tidy-notebooks``) puts both right: it
syncs every pair (jupytext takes the side edited last as the source) and then clears the
outputs and execution counts of every notebook. Like :mod:`analysis.report`, this
module writes files; the computing modules stay pure.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat

from .paths import NOTEBOOKS_DIR

__all__ = ["TIDY_COMMAND", "tidy_notebooks"]

#: The command that the notebook tests name when a notebook has outputs or a stale pair.
TIDY_COMMAND = "python -m analysis tidy-notebooks"


def tidy_notebooks(folder: str | Path | None = None) -> list[Path]:
    """Sync every notebook of ``folder`` with its paired script, then clear its outputs.

    Parameters
    ----------
    folder : str, Path or None
        A folder of ``.ipynb`` notebooks (default: the repository's ``notebooks/``).

    Returns
    -------
    list of pathlib.Path
        The notebooks, sorted by name.

    Raises
    ------
    RuntimeError
        If jupytext fails (its message is included); the notebooks' outputs are then
        left as they were.
    """
    folder = Path(folder) if folder is not None else NOTEBOOKS_DIR
    notebooks = sorted(folder.glob("*.ipynb"))
    if not notebooks:
        return []
    done = subprocess.run(
        [sys.executable, "-m", "jupytext", "--sync", *map(str, notebooks)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"jupytext --sync failed in {folder}: {done.stderr.strip()}")
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        dirty = False
        for cell in nb.cells:
            if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None):
                cell.outputs, cell.execution_count = [], None
                dirty = True
        if dirty:
            nbformat.write(nb, path)
    return notebooks
