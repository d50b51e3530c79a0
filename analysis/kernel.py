"""Where the package runs: a terminal, a script, or a Jupyter kernel (JupyterLab).

Two things change in a notebook: progress bars (:func:`analysis.parallel.progress_bar`,
:func:`analysis.figures.build_figures`) are shown by default, as tqdm's ipywidgets bars
(``tqdm.auto``), although standard error is not a terminal there; and
:func:`analysis.show` draws an interactive table instead of returning a plain one.
Importing this module imports nothing heavy (no IPython, no ipywidgets).
"""

from __future__ import annotations

import sys

__all__ = ["current_cell", "in_notebook", "show_progress"]


def in_notebook() -> bool:
    """Whether this code runs in a Jupyter kernel (JupyterLab, Notebook, nbclient).

    ``True`` when IPython's kernel shell is loaded and active (the same test as
    ``tqdm.auto``); ``False`` in a terminal, a script, plain IPython or a worker process.
    """
    if "ipykernel.zmqshell" not in sys.modules:
        return False
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return shell is not None and getattr(shell, "kernel", None) is not None


def current_cell() -> tuple[str | None, int | None]:
    """The running cell: its id (as JupyterLab sends it; ``None`` if the front end sends
    none) and the kernel's execution count; ``(None, None)`` outside a kernel."""
    if not in_notebook():
        return None, None
    shell = sys.modules["IPython"].get_ipython()
    try:
        parent = shell.kernel.get_parent()
    except (AttributeError, TypeError):
        parent = {}
    cell_id = (parent or {}).get("metadata", {}).get("cellId")
    return cell_id, getattr(shell, "execution_count", None)


def _stderr_is_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def show_progress(progress: bool | None) -> bool:
    """Whether to show a progress bar: ``progress`` if given, else on a terminal or in a
    notebook (where ``tqdm.auto`` draws it as a widget, ipywidgets being installed)."""
    if progress is not None:
        return bool(progress)
    return _stderr_is_tty() or in_notebook()
