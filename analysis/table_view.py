"""Interactive tables in JupyterLab: :func:`show`, for tables too long for ``.head(20)``.

A KWIC table, the frame evidence, the quotes or the cleaning audit of a large corpus has
thousands of rows. :func:`show` draws a table in a notebook as an interactive DataTable
(:mod:`itables`): paged, sortable by any column, searchable. It works offline: the
first table of a kernel session embeds the DataTables JavaScript in the notebook
(``itables.init_notebook_mode(connected=False)``), no CDN is asked, and the HTML report
(``python -m analysis report``) carries the tables with it. A notebook holds at most
``max_rows`` rows of a table (and itables thins a table of more than ``max_bytes``,
saying so), with a note of how many rows were left out: the full table is the
DataFrame itself.

Outside a notebook (a script, a terminal, plain IPython) :func:`show` returns the table,
so it is displayed as usual.

The bundle (about 900 kB) is written once per kernel session, into the output of the
first table shown (again when that cell runs again). A notebook whose first table's
output was cleared by hand shows its other tables as plain previews when reopened:
*Restart Kernel and Run All* writes the bundle again.
"""

from __future__ import annotations

import html
from typing import Any

import itables
import pandas as pd
from IPython.display import display

from .kernel import current_cell, in_notebook

__all__ = ["MAX_ROWS", "show", "table_html"]

#: Rows of a table written into a notebook by :func:`show` (the rest are left out, with
#: a note); a KWIC row is about 200 bytes, so 1,000 rows are about 200 kB.
MAX_ROWS = 1000

# the cell (id, execution count) whose output holds the DataTables bundle, and how many
# tables this kernel has shown
_STATE: dict[str, Any] = {"bundle_in": None, "tables": 0}


def _needs_bundle() -> bool:
    """Whether to embed the DataTables bundle with this table: the first of the session,
    or the cell that held it runs again (its old output, with the bundle, is replaced)."""
    cell = current_cell()
    held = _STATE["bundle_in"]
    if held is None or (cell[0] is not None and cell[0] == held[0] and cell[1] != held[1]):
        _STATE["bundle_in"] = cell
        return True
    return False


def _as_frame(table: Any) -> pd.DataFrame:
    if isinstance(table, pd.Series):
        return table.to_frame()
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"show needs a pandas DataFrame or Series, got {type(table).__name__}")
    return table


def left_out_note(n_rows: int, max_rows: int) -> str:
    """The note under a table cut to ``max_rows`` of its ``n_rows`` rows ("" if not cut)."""
    if n_rows <= max_rows:
        return ""
    return (
        f"Showing the first {max_rows:,} of {n_rows:,} rows ({n_rows - max_rows:,} left "
        "out); the DataFrame itself has them all: filter or sort it with pandas, or save "
        "it with .to_csv()."
    )


def table_html(
    table: pd.DataFrame | pd.Series,
    *,
    caption: str | None = None,
    max_rows: int = MAX_ROWS,
    max_bytes: int | str = "1MB",
    page_length: int = 10,
    table_id: str = "analysis_table",
) -> str:
    """The HTML of :func:`show`: an itables DataTable of the first ``max_rows`` rows.

    Parameters
    ----------
    table : pandas.DataFrame or pandas.Series
        The table; its index is shown when it has a name (``hit``, ``doc_id`` ...).
    caption : str or None
        A caption under the table.
    max_rows : int
        At most this many rows (the first ones, in the table's order) are written; a
        note above the table says how many were left out.
    max_bytes : int or str
        itables' ``maxBytes``: a table whose data is larger is thinned further by
        itables (which then says so); ``"1MB"`` by default.
    page_length : int
        Rows per page (10, 25, 50 or 100 can be chosen in the table).
    table_id : str
        The HTML id of the table, unique in a notebook (:func:`show` numbers its
        tables in order, so a rerun writes the same HTML).

    Returns
    -------
    str
        The HTML: the note (if rows were left out) and the table, which needs the
        DataTables bundle that :func:`show` displays once per kernel session.

    Raises
    ------
    TypeError
        If ``table`` is not a DataFrame or Series.
    ValueError
        If ``max_rows`` or ``page_length`` is not a whole number >= 1.
    """
    frame = _as_frame(table)
    for name, value in (("max_rows", max_rows), ("page_length", page_length)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a whole number >= 1, got {value!r}")
    note = left_out_note(len(frame), max_rows)
    body = itables.to_html_datatable(
        frame.head(max_rows),
        caption=caption,
        table_id=table_id,
        connected=False,
        maxBytes=max_bytes,
        maxRows=0,
        pageLength=page_length,
        lengthMenu=[10, 25, 50, 100],
    )
    prefix = f'<p class="analysis-left-out"><em>{html.escape(note)}</em></p>\n' if note else ""
    return prefix + body


def show(
    table: pd.DataFrame | pd.Series,
    *,
    caption: str | None = None,
    max_rows: int = MAX_ROWS,
    max_bytes: int | str = "1MB",
    page_length: int = 10,
) -> pd.DataFrame | None:
    """Show a table as an interactive, paged table in a notebook (plain elsewhere).

    Parameters
    ----------
    table : pandas.DataFrame or pandas.Series
        The table to show (e.g. of :func:`analysis.kwic.kwic_table`,
        :func:`analysis.frame_evidence`, :func:`analysis.quotes.quote_table`).
    caption : str or None
        A caption under the table.
    max_rows : int
        At most this many rows are written into the notebook (default 1,000), with a
        note saying how many were left out.
    max_bytes : int or str
        Beyond this size itables thins the table further and says so (default 1 MB).
    page_length : int
        Rows per page (default 10).

    Returns
    -------
    pandas.DataFrame or None
        In a notebook ``None`` (the table is displayed); elsewhere the table itself (a
        Series as a one-column DataFrame), displayed as usual.

    Examples
    --------
    >>> analysis.show(analysis.kwic_table(corpus, "disiplin*", sort="R1"))  # doctest: +SKIP
    """
    frame = _as_frame(table)
    _STATE["tables"] += 1
    markup = table_html(
        frame,
        caption=caption,
        max_rows=max_rows,
        max_bytes=max_bytes,
        page_length=page_length,
        table_id=f"analysis_table_{_STATE['tables']}",
    )
    if not in_notebook():
        return frame
    if _needs_bundle():
        # the DataTables bundle, embedded (offline); the tables of this session use it
        itables.init_notebook_mode(all_interactive=False, connected=False)
    # text/plain beside the HTML: what a text-only viewer (or a test) reads
    display({"text/html": markup, "text/plain": repr(frame.head(max_rows))}, raw=True)
    return None
