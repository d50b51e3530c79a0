"""A figures folder: one corpus's figures, a manifest naming it, and safe replacement.

``python -m analysis figures`` writes into a folder that holds the figures of one corpus
only. Beside them, ``manifest.json`` names the corpus (:func:`corpus_label`), its number
of articles, the package version and the files, and nothing that changes between
identical runs. A run refuses a folder whose manifest names another corpus
(:class:`FiguresFolderError`), removes the files of the last run that it did not make
again, holds Ctrl-C back while its files are renamed into place (:class:`no_interrupt`),
and removes the staging folders that killed runs left behind
(:func:`clear_stale_staging`). Used by :mod:`analysis.figures`.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
from pathlib import Path
from typing import Any

from . import __version__
from .corpus import CorpusSource, locate
from .parallel import _alive
from .paths import FIGURES_DIR, SEEDS_DIR

__all__ = [
    "MANIFEST",
    "FiguresFolderError",
    "check_folder",
    "clear_stale_staging",
    "corpus_label",
    "default_folder",
    "no_interrupt",
    "write_manifest",
]


#: The file of a figures folder that says which corpus its figures show.
MANIFEST = "manifest.json"


class FiguresFolderError(ValueError):
    """The output folder holds the figures of another corpus."""


def _on_disk(corpus: Any) -> bool:
    return isinstance(corpus, (str, Path, CorpusSource))


def _is_seeds(corpus: Any) -> bool:
    return corpus is None or (_on_disk(corpus) and locate(corpus).resolve() == SEEDS_DIR.resolve())


def corpus_label(corpus: Any) -> str:
    """How a figures folder's manifest names ``corpus``: ``"seeds"`` for the
    repository's seeds, the absolute path of a folder or file, else ``"in memory"``."""
    if _is_seeds(corpus):
        return "seeds"
    if _on_disk(corpus):
        return str(locate(corpus).resolve())
    return "in memory"


def default_folder(corpus: str | Path | CorpusSource | None) -> Path:
    """Where ``python -m analysis figures`` writes without ``--out``: the repository's
    ``figures/`` for the seeds, else ``figures-<name of the corpus folder or file>`` in
    the current folder (never the seeds' figures)."""
    if _is_seeds(corpus):
        return FIGURES_DIR
    path = locate(corpus).resolve()
    return Path.cwd() / f"figures-{path.stem if path.is_file() else path.name}"


def check_folder(out: Path, label: str) -> list[str]:
    """The files the last run wrote into ``out`` (from its manifest); raise
    :class:`FiguresFolderError` when they show another corpus."""
    manifest = out / MANIFEST
    if not manifest.is_file():
        return []
    try:
        old = json.loads(manifest.read_text(encoding="utf-8"))
        old_label, files = str(old["corpus"]), [str(f) for f in old["files"]]
    except (ValueError, KeyError, TypeError):
        raise FiguresFolderError(
            f"{manifest}: not a figures manifest this package wrote; delete it, or pass "
            "another output folder"
        ) from None
    if old_label != label:
        raise FiguresFolderError(
            f"{out.resolve()} holds the figures of another corpus ({old_label}); pass another "
            f"output folder for {label}, or delete that folder first"
        )
    return [f for f in files if "/" not in f and "\\" not in f and not f.startswith(".")]


def write_manifest(path: Path, label: str, n_articles: int, files: list[str], mode: int) -> None:
    """Which corpus, how many articles, which package version and which files: nothing
    that changes between identical runs."""
    data = {
        "corpus": label,
        "articles": n_articles,
        "package_version": __version__,
        "files": files,
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.chmod(path, mode)


def clear_stale_staging(out: Path) -> None:
    """Remove the staging folders of runs that ended without cleaning up (killed): those
    whose process is gone."""
    for folder in out.glob(".figures-*.tmp"):
        parts = folder.name.split("-")
        pid = int(parts[1]) if len(parts) > 2 and parts[1].isdigit() else None
        if pid is None or not _alive(pid):
            shutil.rmtree(folder, ignore_errors=True)


class no_interrupt:
    """Hold Ctrl-C (SIGINT) back while the files are renamed into place, so that an
    interrupted run changes nothing or everything."""

    def __enter__(self) -> None:
        self._blocked = hasattr(signal, "pthread_sigmask")
        if self._blocked:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})

    def __exit__(self, *exc: object) -> None:
        if self._blocked:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
