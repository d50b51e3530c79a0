"""The persistent stem cache: stems of word types kept on disk between runs.

A new word type costs Sastrawi alone 0.25–0.9 ms (about a third of that on the
package's faster path, :mod:`analysis.fast_stemmer`), in every worker process and on
every run. A real corpus has tens of thousands of word types, most of them affixed forms
outside the stemmer's dictionary, so a second run over the same corpus (or a
similar one) would pay that again. :mod:`analysis.stemming` keeps the stems it works
out in memory (per process) and, through this module, on disk:

Where
    ``$ANALYSIS_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/indo-framing-analysis``,
    else ``~/.cache/indo-framing-analysis`` (the XDG rule that platformdirs follows
    on Linux). ``ANALYSIS_STEM_CACHE=0`` (or ``off``, ``no``, ``false``) turns the disk
    cache off: stems are then worked out as before, once per process.
Which file
    ``stems-<Sastrawi version>-<rules>.json``, where ``<rules>`` is a hash of the
    project's stem rules (:data:`analysis.stemming.STEM_OVERRIDES`, the protected names,
    the name rule and the clitics). A new Sastrawi or a changed override reads another
    file: a stale stem is never used. ``python -m analysis cache clear`` removes them all.
Parallel writers
    A writer takes an exclusive lock (``fcntl.flock`` on ``stems.lock``, where the
    platform has it), reads what the file holds now, adds its new stems, writes the
    whole to a new temporary file and moves it into place with :func:`os.replace`
    (atomic): a reader sees the old file or the new one, never half of one, and two
    workers saving at the same time both keep their stems.
Damaged files
    A file that cannot be read as this cache (truncated, not JSON, another key, wrong
    types) is ignored, with no error; the next save writes a good one in its place.

The functions here take the folder and key they work on, read and write only the
cache folder, and never raise for a bad cache file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing.util
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

try:  # the lock between parallel writers (POSIX); elsewhere os.replace alone
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "APP_NAME",
    "attach",
    "cache_dir",
    "cache_files",
    "clear_cache",
    "enabled",
    "read_stems",
    "rules_hash",
    "sastrawi_version",
    "save",
    "stem_file",
    "write_stems",
]

#: The folder's name under the user's cache folder.
APP_NAME = "indo-framing-analysis"
#: The format of the file; a change reads no older file.
FORMAT = 1
_PREFIX = "stems-"
_OFF = ("0", "off", "no", "false")


def cache_dir() -> Path:
    """The cache folder (it may not exist yet): ``$ANALYSIS_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/indo-framing-analysis``, else ``~/.cache/indo-framing-analysis``."""
    own = os.environ.get("ANALYSIS_CACHE_DIR")
    if own:
        return Path(own).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / APP_NAME


def enabled() -> bool:
    """Is the disk cache on (``ANALYSIS_STEM_CACHE`` not ``0``, ``off``, ``no``, ``false``)?"""
    return os.environ.get("ANALYSIS_STEM_CACHE", "1").strip().lower() not in _OFF


def sastrawi_version() -> str:
    """The installed PySastrawi's version (``"unknown"`` when its metadata is missing)."""
    try:
        return metadata.version("PySastrawi")
    except metadata.PackageNotFoundError:  # pragma: no cover - a vendored copy
        return "unknown"


def rules_hash(*rules: Any) -> str:
    """A short hash (16 hex digits) of the stem rules given (dicts, sets, strings):
    the same rules give the same hash whatever the order of a dict or set."""
    canonical = json.dumps([_canonical(r) for r in rules], ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def _canonical(rule: Any) -> Any:
    if isinstance(rule, Mapping):
        return sorted((str(k), str(v)) for k, v in rule.items())
    if isinstance(rule, (set, frozenset, list, tuple)):
        return sorted(str(x) for x in rule)
    return str(rule)


def stem_file(folder: Path, key: str) -> Path:
    """The cache file of ``key`` (``<Sastrawi version>-<rules hash>``) in ``folder``."""
    safe = "".join(ch if ch.isalnum() or ch in ".-_" else "_" for ch in key)
    return Path(folder) / f"{_PREFIX}{safe}.json"


def read_stems(path: Path, key: str) -> dict[str, str]:
    """The stems the cache file ``path`` holds for ``key``.

    Parameters
    ----------
    path : Path
        A cache file (:func:`stem_file`).
    key : str
        The key it must have been written with.

    Returns
    -------
    dict
        Cache key of a word (the word, or ``"\\x00"`` + the word for the name rule of
        :func:`analysis.stemming.stem_word`) -> its stem. Empty when the file is missing,
        damaged or of another key or format (never an error).
    """
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
        return {}
    stems = data.get("stems")
    if not isinstance(stems, dict):
        return {}
    return {k: v for k, v in stems.items() if isinstance(k, str) and isinstance(v, str)}


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    if fcntl is None:  # pragma: no cover - Windows: os.replace alone
        yield
        return
    with open(folder / "stems.lock", "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def write_stems(path: Path, key: str, stems: Mapping[str, str]) -> int:
    """Add ``stems`` to the cache file ``path``: merged with what it holds now, under a
    lock, written to a temporary file and moved into place atomically.

    Parameters
    ----------
    path : Path
        The cache file (:func:`stem_file`); its folder is made if missing.
    key : str
        The file's key (what :func:`read_stems` checks).
    stems : mapping of str to str
        New stems (word cache key -> stem); nothing is written when empty.

    Returns
    -------
    int
        Entries the file holds after the write (0 when nothing was written: no new
        stems, or the folder cannot be written, which is no error: the cache is an aid).
    """
    if not stems:
        return 0
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _locked(path.parent):
            merged = read_stems(path, key)
            if all(merged.get(k) == v for k, v in stems.items()):
                return len(merged)  # all there already (another worker wrote them)
            merged.update(stems)
            data = {"format": FORMAT, "key": key, "stems": dict(sorted(merged.items()))}
            fd, tmp = tempfile.mkstemp(prefix=".stems-", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
    except OSError:
        return 0
    return len(merged)


def cache_files(folder: Path | None = None) -> list[Path]:
    """The stem cache files in ``folder`` (default :func:`cache_dir`), sorted by name."""
    folder = cache_dir() if folder is None else Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{_PREFIX}*.json") if p.is_file())


def clear_cache(folder: Path | None = None) -> list[Path]:
    """Remove every stem cache file (and the lock) from ``folder`` (default
    :func:`cache_dir`); return the files removed."""
    folder = cache_dir() if folder is None else Path(folder)
    removed = cache_files(folder)
    for path in removed:
        path.unlink(missing_ok=True)
    if folder.is_dir():
        for stray in [*folder.glob(".stems-*.tmp"), folder / "stems.lock"]:
            stray.unlink(missing_ok=True)
    return removed


# ---------------------------------------------------------------- this process

#: This process's link to the disk: the pid it was made in (a forked child makes its
#: own), the file and key, and the stems worked out here and not yet saved.
_PROCESS: dict[str, Any] = {"pid": None, "path": None, "key": None, "new": {}}


def attach(stems: dict[str, str], key: Callable[[], str]) -> bool:
    """Once per process: add the disk cache's stems to the in-memory cache ``stems``
    and arrange for the new ones to be saved when the process exits.

    Parameters
    ----------
    stems : dict
        The in-memory cache (word cache key -> stem); entries it has are kept.
    key : callable
        Returns the cache key (``<Sastrawi version>-<rules hash>``); called once.

    Returns
    -------
    bool
        True when this call attached (the caller may look ``stems`` up again); False
        when the process was attached already.

    Notes
    -----
    The save at exit is a :class:`multiprocessing.util.Finalize`: run by ``atexit`` in
    the main process and, unlike ``atexit``, also when a worker process of a pool ends
    (workers leave with ``os._exit``). A pool shut down normally therefore saves each
    worker's new stems; :func:`analysis.parallel.map_documents` saves the parent's.
    With the disk cache off (:func:`enabled`), nothing is read or written.
    """
    if _PROCESS["pid"] == os.getpid():
        return False
    _PROCESS.update(pid=os.getpid(), path=None, key=None, new={})
    if not enabled():
        return True
    k = key()
    path = stem_file(cache_dir(), k)
    _PROCESS.update(path=path, key=k)
    for word, stem in read_stems(path, k).items():
        stems.setdefault(word, stem)
    multiprocessing.util.Finalize(None, save, exitpriority=10)
    return True


def note(word: str, stem: str) -> None:
    """Remember a stem worked out in this process, to be saved (when attached)."""
    if _PROCESS["path"] is not None:
        _PROCESS["new"][word] = stem


def save(min_new: int = 1) -> int:
    """Save this process's new stems to the disk cache, when there are at least
    ``min_new`` of them; return how many were saved (0: none, or the cache is off)."""
    new = _PROCESS["new"]
    path = _PROCESS["path"]
    if path is None or _PROCESS["pid"] != os.getpid() or len(new) < max(1, min_new):
        return 0
    _PROCESS["new"] = {}
    write_stems(path, _PROCESS["key"], new)
    return len(new)


def detach() -> None:
    """Forget this process's link to the disk (tests: attach again, e.g. to another
    folder); unsaved stems are dropped."""
    _PROCESS.update(pid=None, path=None, key=None, new={})
