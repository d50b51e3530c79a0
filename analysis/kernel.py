"""Where the package runs: a terminal, a script, or a Jupyter kernel (JupyterLab).

Two things change in a notebook: progress bars (:func:`analysis.parallel.progress_bar`,
:func:`analysis.figures.build_figures`) are shown by default, as tqdm's ipywidgets bars
(``tqdm.auto``), although standard error is not a terminal there; and
:func:`analysis.show` draws an interactive table instead of returning a plain one.
Importing this module imports nothing heavy (no IPython, no ipywidgets).
"""

from __future__ import annotations

import sys

__all__ = ["in_notebook", "show_progress"]


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
