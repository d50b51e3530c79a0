"""Tests for analysis.kernel: progress bars on a terminal and in a notebook (a kernel)."""

from __future__ import annotations

import textwrap

import nbformat
import pytest

from analysis.kernel import current_cell, in_notebook, show_progress


def test_outside_a_kernel_progress_follows_the_terminal():
    assert not in_notebook()
    assert current_cell() == (None, None)
    assert show_progress(True) and not show_progress(False)
    # pytest captures standard error (no terminal) and runs no kernel
    assert show_progress(None) is False


@pytest.mark.slow
def test_in_a_kernel_progress_bars_are_widgets_without_a_warning(tmp_path):
    from nbclient import NotebookClient

    code = textwrap.dedent(
        """
        import warnings
        import analysis
        from analysis.kernel import in_notebook, show_progress
        from analysis.parallel import progress_bar
        docs = [{"doc_id": "d1", "body": "Bupati meminta disiplin pegawai ditingkatkan."}]
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            hits = analysis.kwic_table(docs, "disiplin")  # short: no bar shown
            bar = progress_bar(3, "apel pagi", True)  # True: shown at once
            bar.update(3)
            bar.close()
        print(in_notebook(), show_progress(None), len(hits), type(bar).__module__)
        print("warnings:", [str(w.message) for w in caught])
        """
    )
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(code)]
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    outputs = nb.cells[0].outputs
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "True True 1 tqdm" in printed and "warnings: []" in printed
    assert "IProgress not found" not in printed
    bars = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(bars) == 1 and "apel pagi" in bars[0]["data"]["text/plain"]
