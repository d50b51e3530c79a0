"""Shared fixtures: the seeds, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).resolve().parent
DATA_DIR = TESTS_DIR / "data"


@pytest.fixture(scope="session")
def seeds():
    """The five seed articles as a DataFrame (load_corpus on seeds/)."""
    from analysis import load_corpus

    return load_corpus()
