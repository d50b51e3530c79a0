"""Tests for analysis.table_view: interactive tables (itables) in notebooks and the report."""

from __future__ import annotations

import textwrap

import itables
import nbformat
import pandas as pd
import pytest

import analysis
from analysis.kernel import in_notebook
from analysis.table_view import left_out_note, table_html


def kwic_like(n: int) -> pd.DataFrame:
    words = ["disiplin", "kinerja", "koordinasi"]
    frame = pd.DataFrame(
        {
            "doc_id": [f"d{i // 10}" for i in range(n)],
            "left": ["Bupati menegaskan"] * n,
            "keyword": [words[i % 3] for i in range(n)],
            "right": [f"pegawai nomor {i}" for i in range(n)],
        }
    )
    frame.index.name = "hit"
    return frame


def test_a_long_table_is_cut_with_a_note_saying_how_many_rows_were_left_out():
    markup = table_html(kwic_like(1500), max_rows=1000)
    assert "Showing the first 1,000 of 1,500 rows (500 left out)" in markup
    assert "pegawai nomor 999" in markup and "pegawai nomor 1000" not in markup
    assert left_out_note(20, 1000) == ""
    short = table_html(kwic_like(20))
    assert "left out" not in short and "pegawai nomor 19" in short


def test_table_html_is_offline_paged_and_the_same_on_every_run():
    markup = table_html(kwic_like(30), page_length=25, table_id="t1")
    assert markup == table_html(kwic_like(30), page_length=25, table_id="t1")
    assert 'id="t1"' in markup and '"pageLength": 25' in markup
    # offline: the table uses the bundle that show() embeds, no JavaScript from a CDN
    assert "unpkg.com" not in markup and "cdn." not in markup


def test_bad_arguments_are_refused_in_one_line():
    with pytest.raises(TypeError, match="needs a pandas DataFrame or Series, got list"):
        table_html([1, 2])
    with pytest.raises(ValueError, match="max_rows must be a whole number >= 1, got 0"):
        table_html(kwic_like(3), max_rows=0)


def test_outside_a_notebook_show_returns_the_plain_table():
    assert not in_notebook()
    table = kwic_like(5)
    assert analysis.show(table) is table
    series = analysis.show(table["keyword"])
    assert isinstance(series, pd.DataFrame) and list(series.columns) == ["keyword"]


def test_the_bundle_goes_with_the_first_table_and_again_when_its_cell_reruns(monkeypatch):
    from analysis import table_view

    monkeypatch.setitem(table_view._STATE, "bundle_in", None)
    cells = iter([("c1", 1), ("c1", 1), ("c2", 2), ("c1", 3), ("c2", 4), (None, 5)])
    monkeypatch.setattr(table_view, "current_cell", lambda: next(cells))
    # c1 first (bundle), c1 again in the same run (no), c2 (no), c1 rerun (bundle again),
    # c2 rerun (no), a front end that sends no cell id (no)
    assert [table_view._needs_bundle() for _ in range(6)] == [
        True,
        False,
        False,
        True,
        False,
        False,
    ]


@pytest.mark.slow
def test_show_in_a_kernel_survives_the_html_report(tmp_path):
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    code = textwrap.dedent(
        """
        import warnings
        import pandas as pd
        import analysis
        from analysis.kernel import in_notebook
        table = pd.DataFrame({"keyword": ["disiplin", "kinerja"] * 750}).rename_axis("hit")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            print(in_notebook(), analysis.show(table, max_rows=1000))
            analysis.show(table.head(3), caption="tiga baris")
        print("warnings:", [str(w.message) for w in caught])
        """
    )
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(code)]
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    outputs = nb.cells[0].outputs
    assert not [o for o in outputs if o.output_type == "error"]
    printed = "".join(o.get("text", "") for o in outputs)
    assert "True None" in printed and "warnings: []" in printed
    html_outputs = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    # the DataTables bundle once (offline, in the notebook), then the two tables
    bundle = itables.javascript.generate_init_offline_itables_html(itables.options.dt_bundle)
    assert sum(bundle in h for h in html_outputs) == 1
    tables = [h for h in html_outputs if "analysis_table_" in h]
    assert len(tables) == 2
    assert "Showing the first 1,000 of 1,500 rows (500 left out)" in tables[0]
    plain = [o["data"]["text/plain"] for o in outputs if "analysis_table_" in str(o.get("data"))]
    assert "disiplin" in plain[0]  # text-only viewers see the rows too
    # the report's exporter (analysis.report) keeps bundle and tables in the page
    body, _ = HTMLExporter(template_name="lab", embed_images=True).from_notebook_node(nb)
    assert bundle.split("</script>")[0] in body  # the bundle's script, base64 and all
    assert 'id="analysis_table_1"' in body and 'id="analysis_table_2"' in body
    assert "tiga baris" in body and "500 left out" in body
