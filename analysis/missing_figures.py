"""The figures a run of :func:`analysis.figures.build_figures` leaves out, and why.

A builder yields a :class:`LeftOut` in place of a figure it cannot draw on a corpus
(per-article panels on a corpus of 50 articles, frames over time without dates ...);
:func:`~analysis.figures.build_figures` returns them as the ``left_out`` attribute of its
:class:`FigureFiles`, and ``python -m analysis figures`` prints one line for each::

    frames_over_time: left out, the corpus has no date column

The helpers below word the reasons the same way for every builder.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FigureFiles", "LeftOut", "by_name", "corpus_shape", "no_comparison", "no_panels"]


class LeftOut(NamedTuple):
    """A figure a builder did not draw on this corpus, and why; yielded in its place.

    ``str()`` gives the one line the CLI prints, e.g. ``frames_over_time: left out,
    the corpus has no date column``.
    """

    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: left out, {self.reason}"


class FigureFiles(list):
    """The files a run wrote (pathlib.Path, in builder order), with ``left_out``: one
    :class:`LeftOut` per figure not drawn, in builder order.

    Parameters
    ----------
    files : iterable of pathlib.Path
        The files written.
    left_out : iterable of LeftOut
        The figures not drawn, each with its reason.
    """

    def __init__(self, files: Iterable[Path] = (), left_out: Iterable[LeftOut] = ()) -> None:
        super().__init__(files)
        self.left_out: list[LeftOut] = list(left_out)


def _has_leaders(corpus: pd.DataFrame) -> bool:
    return "leader" in corpus.columns and bool(corpus["leader"].notna().any())


def corpus_shape(corpus: pd.DataFrame) -> str:
    """``the corpus has 50 articles and no leader column`` (or ``... and 14 leaders``)."""
    n = len(corpus)
    if _has_leaders(corpus):
        return f"the corpus has {n} articles and {corpus['leader'].nunique()} leaders"
    return f"the corpus has {n} articles and no leader column"


def by_name(corpus: pd.DataFrame, stem: str) -> str:
    """The name a left-out figure would have had: ``stem_by_leader`` if the corpus has
    leaders, else ``stem_by_article``."""
    return f"{stem}_by_{'leader' if _has_leaders(corpus) else 'article'}"


def no_panels(corpus: pd.DataFrame, stem: str, limit: int) -> LeftOut:
    """Small multiples left out: more than ``limit`` articles and leaders (or none)."""
    return LeftOut(
        by_name(corpus, stem),
        f"one panel per article up to {limit} articles, or per leader up to {limit} "
        f"leaders; {corpus_shape(corpus)}",
    )


def no_comparison(corpus: pd.DataFrame, name: str, limit: int) -> LeftOut:
    """A comparison of groups left out: fewer than 2 or more than ``limit`` groups."""
    return LeftOut(
        name,
        f"it compares 2 to {limit} leaders, or 2 to {limit} articles; {corpus_shape(corpus)}",
    )
