"""Writing output files whole or not at all, readable by others.

The figures and the report are written through :func:`atomic_write`: the bytes go to a
temporary file beside the target, which is renamed into place only once complete, so
an interrupted run never leaves half a file. Temporary files are created with mode
0600; the finished file gets the mode of a normally created one
(:func:`readable_mode`: 0644 under the usual umask 022), so that colleagues and web
servers can read it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

__all__ = ["atomic_write", "readable_mode"]


def readable_mode() -> int:
    """Permissions of a normally created file: 0o666 less the process's umask."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Call ``write(binary file)`` on a temporary file beside ``path``, give it
    :func:`readable_mode`, then rename it to ``path``; on any error (or Ctrl-C) the
    temporary file is removed and ``path`` is left as it was."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.chmod(tmp, readable_mode())  # mkstemp makes 0600 files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
