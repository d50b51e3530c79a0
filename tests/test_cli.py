"""The command line: ``python -m analysis ...``."""

from __future__ import annotations

import subprocess
import sys

from analysis.cli import main
from analysis.paths import SEEDS_DIR

SEED_002 = SEEDS_DIR / "002_6827fc198f112902.txt"


def test_clean_prints_body(capsys):
    assert main(["clean", str(SEED_002)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Dalam rangka mengoptimalkan kinerja")
    assert "Baca Juga" not in out
    assert "hms/ikp/kominfo" not in out


def test_clean_removed_lists_reasons(capsys):
    assert main(["clean", "--removed", str(SEED_002)]) == 0
    out = capsys.readouterr().out
    assert "--- removed ---" in out
    assert "dateline" in out and "LUWU TIMUR,Timuronline" in out
    assert "related-link" in out and "reporter-tag" in out


def test_clean_bad_file_exits_nonzero_with_clear_error(tmp_path):
    bad = tmp_path / "rusak.txt"
    bad.write_bytes(b"Bupati \xff\xfe rapat")
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "clean", str(bad)],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 2
    assert "rusak.txt" in proc.stderr and "not valid UTF-8" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_clean_missing_file(capsys, tmp_path):
    assert main(["clean", str(tmp_path / "tidak-ada.txt")]) == 2
    assert "tidak-ada.txt: file not found" in capsys.readouterr().err
