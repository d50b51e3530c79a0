"""Coding sheets for a researcher's own corpus: sample, read, score, agree (passages
written for the tests)."""

import dataclasses

import numpy as np
import pandas as pd
import pytest

from analysis.coding_sheets import (
    CodingError,
    coder_agreement,
    read_coding,
    sample_for_coding,
    score_coding,
)
from analysis.frame_model import load_frame_model

DOCS = [
    {
        "doc_id": "a",
        "leader": "Budi",
        "body": "Bupati meminta OPD mempercepat realisasi anggaran.\n"
        "Ia juga meminta kepala dinas disiplin masuk kerja.\n"
        "Rapat itu berlangsung di aula kantor bupati.",
    },
    {
        "doc_id": "b",
        "leader": "Sari",
        "body": "Wali Kota mengajak camat bekerja sama dengan OPD.\n"
        "“Kita harus kompak,” kata Sari.\n"
        "Hujan turun sejak pagi di kota itu.",
    },
]
FRAMES = ["performance", "coordination", "discipline"]


def _fill(sheet, codes):
    """Fill a sheet: codes maps (doc_id, sentence_no) to (set of frames, voice)."""
    sheet = sheet.copy()
    for i, (d, s) in enumerate(zip(sheet["doc_id"], sheet["sentence_no"])):
        frames, voice = codes[(d, s)]
        for f in FRAMES:
            sheet.loc[i, f] = int(f in frames)
        sheet.loc[i, "voice"] = voice
    return sheet


CODES = {
    ("a", 1): ({"performance"}, "indirect"),
    ("a", 2): ({"discipline"}, "indirect"),
    ("a", 3): (set(), "narration"),
    ("b", 1): ({"coordination"}, "indirect"),
    ("b", 2): ({"coordination"}, "direct"),
    ("b", 3): (set(), "narration"),
}


def test_the_sample_is_seeded_stratified_and_blind(tmp_path):
    sheet = sample_for_coding(DOCS, n=4, seed=3, by="leader", path=tmp_path / "sheet.csv")
    again = sample_for_coding(DOCS, n=4, seed=3, by="leader")
    pd.testing.assert_frame_equal(sheet, again)
    assert list(sheet.columns) == [
        "doc_id",
        "sentence_no",
        "leader",
        "sentence",
        *FRAMES,
        "voice",
        "note",
    ]
    assert sorted(sheet["leader"].value_counts().tolist()) == [2, 2]  # two per leader
    assert (sheet[FRAMES] == "").all().all() and (sheet["voice"] == "").all()
    assert (tmp_path / "sheet.csv").read_text("utf-8").startswith("doc_id,sentence_no,leader,")
    with pytest.raises(FileExistsError, match="sheet.csv"):
        sample_for_coding(DOCS, n=2, path=tmp_path / "sheet.csv")


def test_a_filled_sheet_scores_the_package():
    sheet = _fill(sample_for_coding(DOCS, n=6, seed=1), CODES)
    score = score_coding(sheet, DOCS, n_boot=200)
    assert score.frames.loc["performance", ["tp", "fp", "fn"]].tolist() == [1, 0, 0]
    assert score.frames.loc["discipline", "recall"] == 1.0
    assert score.frames.loc["coordination", "tp"] == 2
    row = score.frames.loc["coordination"]
    assert row["recall_low"] <= row["recall"] <= row["recall_high"]
    assert score.voice.loc["voice", "n"] == 6
    assert int(score.confusion.to_numpy().sum()) == 6
    # every disagreement is a sentence where frames or voice differ
    for r in score.disagreements.itertuples():
        c = CODES[(r.doc_id, r.sentence_no)]
        assert (
            r.coded_voice != r.found_voice or set(filter(None, r.found_frames.split("+"))) != c[0]
        )


def test_a_filled_sheet_scores_the_trained_model_when_asked():
    from analysis.frame_model import model_frames

    sheet = _fill(sample_for_coding(DOCS, n=6, seed=1), CODES)
    score = score_coding(sheet, DOCS, coder="model", n_boot=0)
    codes = model_frames(DOCS, jobs=1)
    for f in FRAMES:
        got = codes[codes["frame"] == f].set_index(["doc_id", "sentence_no"])["coded"]
        want = {k: f in v[0] for k, v in CODES.items()}
        tp = sum(bool(got[k]) and want[k] for k in want)
        fp = sum(bool(got[k]) and not want[k] for k in want)
        fn = sum(not got[k] and want[k] for k in want)
        assert score.frames.loc[f, ["tp", "fp", "fn"]].tolist() == [tp, fp, fn]
    assert codes["coded"].sum() >= 3  # the model codes these sentences, not nothing
    with pytest.raises(ValueError, match="coder must be"):
        score_coding(sheet, DOCS, coder="classifier")
    # a model of one's own: one that codes nothing finds nothing
    silent = load_frame_model()
    silent = dataclasses.replace(silent, intercept=np.full(3, -50.0))
    none = score_coding(sheet, DOCS, coder="model", model=silent, n_boot=0)
    assert none.frames["tp"].sum() == 0 and none.frames["fp"].sum() == 0
    with pytest.raises(ValueError, match="coder='model'"):
        score_coding(sheet, DOCS, model=silent)


def test_cli_validate_score_a_model_file_only_with_the_model_coder(tmp_path, capsys):
    from analysis.cli import main

    folder = tmp_path / "corpus"
    folder.mkdir()
    for d in DOCS:
        (folder / f"{d['doc_id']}.txt").write_text(d["body"], encoding="utf-8")
    sheet = tmp_path / "sheet.csv"
    assert (
        main(["validate", "sample", "--corpus", str(folder), "--n", "4", "--out", str(sheet)]) == 0
    )
    capsys.readouterr()
    blank = pd.read_csv(sheet, dtype={"doc_id": str}).astype(
        {f: object for f in [*FRAMES, "voice"]}
    )
    filled = _fill(blank, CODES)
    filled.to_csv(sheet, index=False)
    model = tmp_path / "m.json"
    model.write_text("{}")
    args = ["validate", "score", str(sheet), "--corpus", str(folder)]
    assert main([*args, "--model", str(model)]) == 2
    assert "--model FILE is used with --coder model" in capsys.readouterr().err
    assert main([*args, "--coder", "model", "--model", str(model)]) == 2
    assert "m.json: not a frame model" in capsys.readouterr().err


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda s: s.drop(columns=["voice"]), "missing column"),
        (
            lambda s: s.assign(performance=["1", "2", "0", "0", "0", "0"]),
            r"row 3 .*performance is '2'",
        ),
        (
            lambda s: s.assign(discipline=["", "1", "0", "0", "0", "0"]),
            r"row 2 .*discipline is empty",
        ),
        (
            lambda s: s.assign(voice=["direct", "said", "narration", "x", "y", "z"]),
            r"row 3 .*voice is 'said'",
        ),
    ],
)
def test_bad_sheets_are_refused_naming_the_row(change, message):
    sheet = _fill(sample_for_coding(DOCS, n=6, seed=1), CODES).astype(str)
    with pytest.raises(CodingError, match=message):
        read_coding(change(sheet))


def test_a_sentence_the_corpus_does_not_have_is_refused():
    sheet = _fill(sample_for_coding(DOCS, n=6, seed=1), CODES)
    sheet.loc[0, "sentence_no"] = 9
    with pytest.raises(CodingError, match=r"row 2: doc_id 'a' sentence 9 is not a sentence"):
        score_coding(sheet, DOCS, n_boot=0)


def test_two_coders_agreement():
    sheet = sample_for_coding(DOCS, n=6, seed=1)
    first = _fill(sheet, CODES)
    other = dict(CODES)
    other[("a", 3)] = ({"performance"}, "narration")
    second = _fill(sheet, other)
    table = coder_agreement(first, second)
    assert table.loc["discipline", "alpha"] == 1.0
    assert table.loc["performance", "agreement"] == pytest.approx(5 / 6)
    assert table.loc["performance", "alpha"] < 1.0
    assert table.loc["voice", "kappa"] == 1.0
