"""Tests for analysis.concordance: the concordance browser's hits, view, export and widgets.

The widgets are also executed in a real kernel (slow test at the end)."""

from __future__ import annotations

import textwrap

import nbformat
import pandas as pd
import pytest

import analysis
from analysis.concordance import (
    ALL,
    NO_FRAME,
    concordance_hits,
    concordance_view,
    export_view,
    kwic_browser,
)


def small_corpus() -> pd.DataFrame:
    rows = [
        (
            "a1",
            "Bupati Lahat",
            "Pos Daerah",
            "Bupati Lahat menegaskan disiplin pegawai harus ditegakkan di setiap OPD. "
            "Koordinasi antar OPD perlu ditingkatkan agar kinerja pelayanan naik.",
        ),
        (
            "a2",
            "Sekda Muara Enim",
            "Warta Kita",
            "Sekda meminta kedisiplinan ASN dalam apel pagi setiap Senin. "
            "Sekda juga meminta disiplin absensi elektronik dijaga.",
        ),
        (
            "a3",
            "Bupati Lahat",
            "Warta Kita",
            "Panitia lomba lari meminta peserta disiplin menjaga kebersihan alun-alun. "
            "Juara pertama mendapat piala dan uang tunai.",
        ),
    ]
    frame = pd.DataFrame(rows, columns=["doc_id", "leader", "outlet", "body"])
    return frame.set_index("doc_id")


@pytest.fixture(scope="module")
def hits():
    return concordance_hits(small_corpus(), "disiplin", stem=True, window=3)


def test_hits_carry_the_sentence_frames_and_the_article_metadata(hits):
    assert list(hits["keyword"]) == ["disiplin", "kedisiplinan", "disiplin", "disiplin"]
    assert list(hits.columns[:7]) == [
        "doc_id",
        "sentence_no",
        "from",
        "to",
        "left",
        "keyword",
        "right",
    ]
    assert list(hits.columns[7:]) == ["frames", "leader", "outlet"]
    assert list(hits["leader"]) == ["Bupati Lahat", "Sekda Muara Enim", "Sekda Muara Enim"] + [
        "Bupati Lahat"
    ]
    assert "discipline" in hits.loc[0, "frames"].split(", ")
    assert "discipline" in hits.loc[1, "frames"].split(", ")
    # the race's article is no news of a regional government: no frame
    assert hits.loc[3, "frames"] == ""


def test_view_filters_by_frame_leader_and_any_column_then_sorts(hits):
    everything = concordance_view(hits, filters={"frame": ALL, "leader": None})
    assert everything.equals(hits)
    discipline = concordance_view(hits, filters={"frame": "discipline"})
    assert 3 not in discipline.index and 0 in discipline.index
    assert list(concordance_view(hits, filters={"frame": NO_FRAME}).index) == [3]
    sekda = concordance_view(hits, filters={"leader": "Sekda Muara Enim"}, sort="R1")
    # R1: absensi < ASN (case-insensitive)
    assert list(sekda["right"]) == ["absensi elektronik dijaga", "ASN dalam apel"]
    assert list(sekda.index) == [2, 1]
    outlet = concordance_view(hits, filters={"outlet": "Warta Kita"}, sort="L1")
    # L1 'meminta' twice: L2 breaks the tie (juga < sekda)
    assert list(outlet["left"]) == ["Sekda juga meminta", "Sekda meminta", "lari meminta peserta"]
    assert list(concordance_view(hits, sort="corpus order").index) == [0, 1, 2, 3]


def test_view_refuses_an_unknown_filter_or_sort(hits):
    with pytest.raises(ValueError, match="cannot filter on 'region'.*leader, outlet"):
        concordance_view(hits, filters={"region": "Lahat"})
    with pytest.raises(ValueError, match="got 'R0'"):
        concordance_view(hits, sort="R0")


def test_export_writes_the_view_with_its_hit_numbers(hits, tmp_path):
    view = concordance_view(hits, filters={"leader": "Bupati Lahat"}, sort="keyword")
    path = export_view(view, tmp_path / "view.csv")
    assert path == (tmp_path / "view.csv").absolute()
    back = pd.read_csv(path, index_col="hit", keep_default_na=False)
    assert list(back.index) == list(view.index)
    assert list(back["keyword"]) == list(view["keyword"])
    assert [p.name for p in tmp_path.iterdir()] == ["view.csv"]  # no staging file left
    with pytest.raises(OSError):
        export_view(view, tmp_path / "no-such-folder" / "view.csv")


def test_browser_controls_drive_the_view_outside_a_kernel(tmp_path):
    browser = kwic_browser(small_corpus(), query="disiplin", export_path=tmp_path / "k.csv")
    assert isinstance(browser, analysis.concordance.KwicBrowser)
    assert list(browser.view["keyword"]) == ["disiplin", "disiplin", "disiplin"]
    assert browser.status.value.startswith("3 of 3 hits in view, in 3 articles")
    browser.stem.value = True  # kedisiplinan too
    assert len(browser.hits) == 4
    browser.sort.value = "R1"
    browser.leader.value = "Sekda Muara Enim"
    assert list(browser.view.index) == [2, 1]
    browser.leader.value = ALL
    browser.column.value = "outlet"
    assert browser.value.options == (ALL, "Pos Daerah", "Warta Kita")
    browser.value.value = "Pos Daerah"
    assert browser.filters() == {"outlet": "Pos Daerah"}
    assert list(browser.view["doc_id"]) == ["a1"]
    browser.export_button.click()
    assert "wrote 1 rows to" in browser.status.value
    assert pd.read_csv(tmp_path / "k.csv")["doc_id"].tolist() == ["a1"]
    browser.query.value = "  "
    assert browser.view.empty and "Type a word" in browser.status.value


def test_browser_leader_filter_is_off_without_a_leader_column():
    corpus = small_corpus().drop(columns="leader")
    browser = kwic_browser(corpus, query="apel")
    assert browser.leader.disabled and browser.leader.options == (ALL,)
    assert list(browser.view["keyword"]) == ["apel"]


def test_without_frames_the_search_skips_the_frame_coding(hits):
    quick = concordance_hits(small_corpus(), "disiplin", stem=True, window=3, frames=False)
    assert quick.equals(hits.drop(columns="frames"))
    with pytest.raises(ValueError, match="no frames column"):
        concordance_view(quick, filters={"frame": "discipline"})
    browser = kwic_browser(small_corpus(), query="disiplin", frames=False)
    assert browser.frame.disabled and browser.frame.options == (ALL,)
    assert len(browser.view) == 3


# ---------------------------------------------------------------- in a kernel


@pytest.mark.slow
def test_browser_runs_in_a_kernel_and_exports_the_view(tmp_path):
    from nbclient import NotebookClient

    folder = tmp_path / "korpus"
    folder.mkdir()
    for doc_id, row in small_corpus().iterrows():
        (folder / f"{doc_id}.txt").write_text(f"Judul {doc_id}\n{row['body']}\n", "utf-8")
    (folder / "metadata.csv").write_text(
        "doc_id,file,leader\na1,a1.txt,Bupati Lahat\na2,a2.txt,Sekda Muara Enim\n"
        "a3,a3.txt,Bupati Lahat\n",
        encoding="utf-8",
    )
    code = textwrap.dedent(
        f"""
        import warnings
        import analysis
        with warnings.catch_warnings(record=True) as caught:  # no TqdmWarning, no other
            warnings.simplefilter("always")
            browser = analysis.kwic_browser({str(folder)!r}, export_path="view.csv")
            browser.query.value = "disiplin"
            browser.stem.value = True
            browser.sort.value = "R1"
            browser.leader.value = "Sekda Muara Enim"
            browser.export_button.click()
        print(list(browser.view.index), browser.status.value)
        print("warnings:", [str(w.message) for w in caught])
        browser
        """
    )
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(code)]
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    outputs = nb.cells[0].outputs
    assert not [o for o in outputs if o.output_type == "error"]
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "[2, 1] wrote 2 rows to " + str(tmp_path / "view.csv") in printed
    assert "warnings: []" in printed
    widget = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert widget, "the browser was not displayed as a widget"
    exported = pd.read_csv(tmp_path / "view.csv", index_col="hit")
    assert list(exported.index) == [2, 1]
    assert list(exported["keyword"]) == ["disiplin", "kedisiplinan"]
    assert set(exported["leader"]) == {"Sekda Muara Enim"}
