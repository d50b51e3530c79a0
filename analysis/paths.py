"""Where the project's data live. Importing this module does nothing but compute paths."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
SEEDS_DIR = REPO_ROOT / "seeds"
FIGURES_DIR = REPO_ROOT / "figures"
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
DATA_DIR = PACKAGE_DIR / "data"

#: Environment variable naming a corpus folder for notebook 06 (and its test).
CORPUS_ENV_VAR = "ANALYSIS_CORPUS"


#: Environment variable naming the folder from which relative paths are read when they
#: are not found from the current folder (for a kernel started in another folder).
LAUNCH_DIR_ENV_VAR = "ANALYSIS_LAUNCH_DIR"


def _jupyter_root(cwd: Path) -> Path | None:
    """The Jupyter server's root folder, from a kernel: the kernel runs in the notebook's
    folder and ``$JPY_SESSION_NAME`` is the notebook's path (relative to the root, or
    absolute in some versions)."""
    session = os.environ.get("JPY_SESSION_NAME", "").strip()
    if not session:
        return None
    notebook = Path(session)
    if notebook.is_absolute():
        return None  # the kernel's folder is the notebook's: nothing more to learn
    depth = len(notebook.parent.parts)
    if depth == 0 or len(cwd.parts) <= depth or cwd.parts[-depth:] != notebook.parent.parts:
        return None
    return cwd.parents[depth - 1]


def launch_dirs() -> list[Path]:
    """The folders a relative path given by the user may be relative to, in order.

    The current folder first; then ``$ANALYSIS_LAUNCH_DIR`` if set; in a Jupyter kernel
    the server's root folder (where ``jupyter lab`` was started, worked out from
    ``$JPY_SESSION_NAME``); then ``$PWD``, the folder of the shell that started the
    process (a kernel inherits it from the server, while its own current folder is the
    notebook's). Each folder appears once, as an absolute path.
    """
    cwd = Path.cwd()
    found = [cwd, Path(os.environ.get(LAUNCH_DIR_ENV_VAR, "").strip() or cwd).expanduser()]
    found.append(_jupyter_root(cwd) or cwd)
    pwd = os.environ.get("PWD", "").strip()
    if pwd and Path(pwd).is_absolute():
        found.append(Path(pwd))
    result: list[Path] = []
    for folder in found:
        folder = folder if folder.is_absolute() else cwd / folder
        if folder not in result and folder.is_dir():
            result.append(folder)
    return result


def input_candidates(path: str | Path) -> list[Path]:
    """Where a path given by the user may be: itself if absolute (``~`` expanded), else
    the same relative path under each of :func:`launch_dirs`, as absolute paths."""
    path = Path(path).expanduser()
    if path.is_absolute():
        return [path]
    return [folder / path for folder in launch_dirs()]


def resolve_input(path: str | Path) -> Path:
    """A path given by the user, as the absolute path that exists: the first of
    :func:`input_candidates` that exists, else the first candidate (from the current
    folder), so that an error can name it and the others tried."""
    candidates = input_candidates(path)
    return next((c for c in candidates if c.exists()), candidates[0])


def corpus_dir(default: Path = SEEDS_DIR) -> Path:
    """The corpus folder to analyse: ``$ANALYSIS_CORPUS`` if set, else ``default``.

    A relative ``$ANALYSIS_CORPUS`` is looked for from the current folder and then from
    where the user started (:func:`launch_dirs`): in a notebook the kernel's current
    folder is the notebook's, not the one where ``jupyter lab`` was started. The result
    is absolute; if the folder is nowhere, it is the path from the current folder and
    reading it raises an error naming every folder tried.
    """
    value = os.environ.get(CORPUS_ENV_VAR, "").strip()
    return resolve_input(value) if value else default


def report_dir() -> Path:
    """Default folder for the HTML report: beside the repository, outside the source tree."""
    return REPO_ROOT.parent / f"{REPO_ROOT.name}-report"
