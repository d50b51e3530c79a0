"""A concordance browser for JupyterLab: :func:`kwic_browser`, built on :func:`kwic_table`.

What a corpus linguist does in AntConc's Concordance tool, in a notebook: type a word, a
phrase, a glob (``disiplin*``) or, ticking *by stem*, a stem; sort the hits by the words
left of them (L1, L2 ...), right of them (R1, R2 ...) or by the keyword; keep only the
hits whose sentence is coded with a frame, or of a leader, or with any value of a
metadata column; and export the rows in view to a CSV file.

Three layers, so that the browser is testable without a browser:

- :func:`concordance_hits`  the hits of a query (:func:`analysis.kwic.kwic_table`) with
  the frames of each hit's sentence (:func:`analysis.frames.frame_evidence`) and the
  article's metadata; computed once per query;
- :func:`concordance_view`  a pure function of the hits and the control values (sort,
  filters): the table in view;
- :class:`KwicBrowser` (made by :func:`kwic_browser`)  the widget tree (ipywidgets):
  its controls call the two functions above and show the view with
  :func:`analysis.show`; :func:`export_view` writes the CSV.

>>> browser = analysis.kwic_browser(analysis.load_corpus(), query="disiplin*")  # doctest: +SKIP
>>> browser                                         # in a notebook cell     # doctest: +SKIP
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pandas as pd

from .corpus import load_corpus
from .frame_coding import NOT_METADATA
from .frames import frame_evidence
from .kernel import in_notebook
from .kwic import KWIC_COLUMNS, kwic_table, sort_kwic
from .lexicon import FrameMatcher
from .table_view import show

__all__ = [
    "ALL",
    "NO_FRAME",
    "KwicBrowser",
    "concordance_hits",
    "concordance_view",
    "export_view",
    "kwic_browser",
]

#: The filter value that keeps every hit.
ALL = "(all)"
#: The ``frame`` filter value that keeps the hits whose sentence has no frame.
NO_FRAME = "(no frame)"
#: The sort choices of the browser ("corpus order" is ``sort=None``).
SORT_CHOICES = ("corpus order", "L1", "L2", "L3", "R1", "R2", "R3", "keyword", "doc_id")
#: Document columns that are neither text nor metadata worth filtering on.
_NOT_FILTERS = NOT_METADATA | {"file", "sha256", "date_note"}


def _as_corpus(corpus: Any) -> pd.DataFrame:
    if not isinstance(corpus, pd.DataFrame):
        return load_corpus(corpus)
    if "doc_id" in corpus.columns:
        return corpus.set_index("doc_id")
    return corpus


def metadata_columns(corpus: pd.DataFrame) -> list[str]:
    """The metadata columns of a corpus DataFrame that the browser can filter on."""
    return [c for c in corpus.columns if c not in _NOT_FILTERS and c not in KWIC_COLUMNS]


def _sentence_frames(evidence: pd.DataFrame) -> dict[tuple[Any, int], str]:
    """``(doc_id, sentence_no)`` -> the frames of that sentence, sorted, joined by ", "."""
    out: dict[tuple[Any, int], set[str]] = {}
    for doc_id, no, frame in zip(evidence["doc_id"], evidence["sentence_no"], evidence["frame"]):
        out.setdefault((doc_id, int(no)), set()).add(frame)
    return {key: ", ".join(sorted(frames)) for key, frames in out.items()}


def concordance_hits(
    corpus: Any,
    query: str,
    *,
    window: int = 5,
    stem: bool = False,
    frames: bool = True,
    lexicon: Any = None,
    jobs: int | None = None,
) -> pd.DataFrame:
    """The hits of a query with their sentence's frames and their article's metadata.

    Parameters
    ----------
    corpus : Any
        A corpus DataFrame (of :func:`analysis.load_corpus`, indexed by ``doc_id``) or
        anything :func:`analysis.load_corpus` reads (a folder, a JSON Lines file).
    query : str
        A word, phrase, glob or (with ``stem``) stem, as in
        :func:`analysis.kwic.kwic_table`.
    window : int
        Words of context on each side.
    stem : bool
        Match by stem.
    frames : bool
        Add the ``frames`` column (default). Coding the frames of the articles with hits
        costs about as much as :func:`analysis.frames.frame_evidence` on them: on a
        large corpus and a frequent word, ``False`` answers much sooner.
    lexicon : FrameMatcher or lexicon source, optional
        The frame lexicon (default: the packaged one).
    jobs : int or None
        Worker processes (see :func:`analysis.parallel.map_documents`).

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`kwic_table` (indexed by ``hit``, corpus order), then (with
        ``frames``) ``frames``: the frames of the hit's sentence as the frame coding
        codes it (:func:`analysis.frames.frame_evidence`; sorted names joined by
        ``", "``, ``""`` for none), then the article's metadata columns (``leader``,
        ``outlet`` ...).

    Raises
    ------
    ValueError
        If the query is empty or ``window`` is not a whole number >= 0.
    """
    corpus = _as_corpus(corpus)
    hits = kwic_table(corpus, query, window=window, stem=stem, jobs=jobs)
    if frames:
        coded: dict[tuple[Any, int], str] = {}
        if len(hits):
            with_hits = corpus[corpus.index.isin(set(hits["doc_id"]))]
            coded = _sentence_frames(frame_evidence(with_hits, lexicon=lexicon, jobs=jobs))
        hits["frames"] = [
            coded.get((d, int(n)), "") for d, n in zip(hits["doc_id"], hits["sentence_no"])
        ]
    for column in metadata_columns(corpus):
        hits[column] = hits["doc_id"].map(corpus[column]).to_numpy()
    return hits


def _keep(hits: pd.DataFrame, column: str, value: Any) -> pd.Series:
    """Rows of ``hits`` that one filter keeps."""
    if column == "frame":
        if "frames" not in hits.columns:
            raise ValueError("cannot filter on 'frame': the hits have no frames column")
        if value == NO_FRAME:
            return hits["frames"] == ""
        return hits["frames"].map(lambda f: str(value) in f.split(", "))
    if column not in hits.columns:
        known = ", ".join(["frame", *(c for c in hits.columns if c not in KWIC_COLUMNS)])
        raise ValueError(f"cannot filter on {column!r}: the columns are {known}")
    return hits[column].map(lambda v: not pd.isna(v) and str(v) == str(value))


def concordance_view(
    hits: pd.DataFrame,
    *,
    sort: str | Sequence[str] | None = None,
    filters: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """The hits in view for given control values: filtered, then sorted. Pure.

    Parameters
    ----------
    hits : pandas.DataFrame
        A table of :func:`concordance_hits` (or of :func:`kwic_table`, to sort and
        filter on its own columns).
    sort : str, list of str or None
        ``None`` or ``"corpus order"``: corpus order; ``"L1"``, ``"R2"``, ``"keyword"``
        or a column, as in :func:`analysis.kwic.sort_kwic`.
    filters : mapping of str to Any, or None
        Column -> value to keep. ``"frame"`` keeps the hits whose sentence has that
        frame (:data:`NO_FRAME`: no frame); any other column keeps the rows whose value,
        as text, equals the value's text (``{"leader": "Herman Deru"}``). A value of
        ``None`` or :data:`ALL` keeps every row.

    Returns
    -------
    pandas.DataFrame
        The rows kept, in the order asked, with all the columns of ``hits``; the index
        (``hit``) keeps each row's number in corpus order.

    Raises
    ------
    ValueError
        If a filter names an unknown column or ``sort`` an unknown key.
    """
    view = hits
    for column, value in (filters or {}).items():
        if value is None or value == ALL:
            continue
        view = view[_keep(view, column, value).to_numpy(dtype=bool)]
    if sort == "corpus order":
        sort = None
    return sort_kwic(view, sort)


def export_view(view: pd.DataFrame, path: str | Path) -> Path:
    """Write a view to a CSV file (UTF-8, with the ``hit`` column), all or nothing.

    Parameters
    ----------
    view : pandas.DataFrame
        The table to write (e.g. :attr:`KwicBrowser.view`).
    path : str or Path
        The file; a relative path is taken from the current folder (the notebook's).

    Returns
    -------
    Path
        The absolute path written. The file is first written beside it under a
        temporary name, then renamed, so a failed export leaves no half-written file.
    """
    target = Path(path).expanduser().absolute()
    staging = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        view.to_csv(staging, index=True, encoding="utf-8")
        os.replace(staging, target)
    finally:
        staging.unlink(missing_ok=True)
    return target


class KwicBrowser(widgets.VBox):
    """The widget tree of :func:`kwic_browser`; its controls are attributes.

    Attributes
    ----------
    query : ipywidgets.Text
        The word, phrase, glob or stem (searched on Enter or when the box loses focus).
    stem : ipywidgets.Checkbox
        Match by stem.
    window : ipywidgets.BoundedIntText
        Words of context on each side.
    sort : ipywidgets.Dropdown
        One of :data:`SORT_CHOICES`.
    frame : ipywidgets.Dropdown
        :data:`ALL`, a frame of the lexicon, or :data:`NO_FRAME` (disabled without
        ``frames``).
    leader : ipywidgets.Dropdown
        :data:`ALL` or a leader (disabled when the corpus has no ``leader`` column).
    column : ipywidgets.Dropdown
        Any other metadata column to filter on (:data:`ALL`: none).
    value : ipywidgets.Dropdown
        The value of ``column`` to keep.
    export_path : ipywidgets.Text
        The CSV file of the export button.
    export_button : ipywidgets.Button
        Writes :attr:`view` to ``export_path`` (:func:`export_view`).
    status : ipywidgets.HTML
        How many hits are in view, or what went wrong.
    hits : pandas.DataFrame
        The hits of the current query (:func:`concordance_hits`).
    view : pandas.DataFrame
        The hits in view (:func:`concordance_view` of the controls' values).
    """

    def __init__(self, corpus: Any, *, query: str, window: int, stem: bool, **options: Any):
        self.corpus = _as_corpus(corpus)
        self._matcher = FrameMatcher(options.get("lexicon"))
        self._jobs = options.get("jobs")
        self._frames = options.get("frames", True)
        meta = metadata_columns(self.corpus)
        self.query = widgets.Text(
            value=query, description="query", placeholder="disiplin*", continuous_update=False
        )
        self.stem = widgets.Checkbox(value=stem, description="by stem", indent=False)
        self.window = widgets.BoundedIntText(value=window, min=0, max=50, description="window")
        self.sort = widgets.Dropdown(options=SORT_CHOICES, description="sort")
        self.frame = widgets.Dropdown(
            options=[ALL, *self._matcher.frames, NO_FRAME] if self._frames else [ALL],
            description="frame",
            disabled=not self._frames,
        )
        self.leader = widgets.Dropdown(options=[ALL, *self._values("leader")], description="leader")
        self.leader.disabled = "leader" not in meta
        self.column = widgets.Dropdown(
            options=[ALL, *(c for c in meta if c != "leader")], description="column"
        )
        self.value = widgets.Dropdown(options=[ALL], description="value")
        self.export_path = widgets.Text(
            value=str(options.get("export_path", "kwic-view.csv")), description="CSV file"
        )
        self.export_button = widgets.Button(description="export view to CSV", icon="download")
        self.status = widgets.HTML()
        self.output = widgets.Output()
        self.hits = concordance_hits(
            self.corpus.iloc[:0], "x", frames=self._frames, lexicon=self._matcher
        )
        self.view = self.hits
        super().__init__(
            [
                widgets.HBox([self.query, self.stem, self.window, self.sort]),
                widgets.HBox([self.frame, self.leader, self.column, self.value]),
                widgets.HBox([self.export_path, self.export_button]),
                self.status,
                self.output,
            ]
        )
        for control in (self.query, self.stem, self.window):
            control.observe(self._search, names="value")
        for control in (self.sort, self.frame, self.leader, self.value):
            control.observe(self._refresh, names="value")
        self.column.observe(self._column_values, names="value")
        self.export_button.on_click(self._export)
        self._search()

    def _values(self, column: str) -> list[str]:
        if column not in self.corpus.columns:
            return []
        return sorted({str(v) for v in self.corpus[column] if not pd.isna(v)})

    def filters(self) -> dict[str, Any]:
        """The filters set in the controls, as :func:`concordance_view` takes them."""
        chosen = {"frame": self.frame.value, "leader": self.leader.value}
        if self.column.value != ALL:
            chosen[self.column.value] = self.value.value
        return {k: v for k, v in chosen.items() if v != ALL}

    def _column_values(self, _change: Any = None) -> None:
        column = self.column.value
        self.value.options = [ALL, *(self._values(column) if column != ALL else [])]
        self.value.value = ALL
        self._refresh()

    def _search(self, _change: Any = None) -> None:
        text = self.query.value.strip()
        try:
            self.hits = concordance_hits(
                self.corpus,
                text,
                window=self.window.value,
                stem=self.stem.value,
                frames=self._frames,
                lexicon=self._matcher,
                jobs=self._jobs,
            ) if text else self.hits.iloc[:0]  # fmt: skip
        except ValueError as exc:
            self.hits = self.view = self.hits.iloc[:0]
            self._draw()
            self.status.value = f"<b>{html.escape(str(exc))}</b>"
            return
        self._refresh()

    def _refresh(self, _change: Any = None) -> None:
        sort = None if self.sort.value == "corpus order" else self.sort.value
        self.view = concordance_view(self.hits, sort=sort, filters=self.filters())
        n_docs = self.view["doc_id"].nunique() if len(self.view) else 0
        self.status.value = (
            f"{len(self.view):,} of {len(self.hits):,} hits in view, in {n_docs:,} "
            + ("article" if n_docs == 1 else "articles")
            if self.query.value.strip()
            else "Type a word, a phrase, a glob (disiplin*) or a stem and press Enter."
        )
        self._draw()

    def _draw(self) -> None:
        if not in_notebook():  # outside a kernel, clear_output would print escape codes
            return
        self.output.clear_output(wait=True)
        if len(self.view):
            with self.output:
                show(self.view)

    def _export(self, _button: Any = None) -> None:
        try:
            path = export_view(self.view, self.export_path.value)
        except OSError as exc:
            where = html.escape(self.export_path.value)
            self.status.value = f"<b>could not write {where}: {html.escape(str(exc))}</b>"
            return
        self.status.value = f"wrote {len(self.view):,} rows to {html.escape(str(path))}"


def kwic_browser(
    corpus: Any,
    *,
    query: str = "",
    window: int = 5,
    stem: bool = False,
    export_path: str | Path = "kwic-view.csv",
    frames: bool = True,
    lexicon: Any = None,
    jobs: int | None = None,
) -> KwicBrowser:
    """An interactive concordance browser (ipywidgets) for a notebook cell.

    Parameters
    ----------
    corpus : Any
        A corpus DataFrame (of :func:`analysis.load_corpus`) or anything it reads.
    query : str
        The first query (a word, phrase, glob or stem; ``""``: none yet).
    window : int
        Words of context on each side (changeable in the browser).
    stem : bool
        Match by stem at first (changeable in the browser).
    export_path : str or Path
        The CSV file the export button writes (changeable in the browser; relative to
        the notebook's folder).
    frames : bool
        Code the frames of the hits' sentences for the ``frame`` filter (default);
        ``False`` searches a large corpus much faster, without that filter.
    lexicon : FrameMatcher or lexicon source, optional
        The frame lexicon of the ``frame`` filter (default: the packaged one).
    jobs : int or None
        Worker processes per search (default: serial below 200 articles).

    Returns
    -------
    KwicBrowser
        The widget; the last expression of a cell shows it. Its controls, the current
        hits and the view are attributes (``browser.query.value = "disiplin*"``,
        ``browser.view``), so a notebook can also drive it from code.
    """
    return KwicBrowser(
        corpus,
        query=query,
        window=window,
        stem=stem,
        export_path=export_path,
        frames=frames,
        lexicon=lexicon,
        jobs=jobs,
    )
