"""Shared fixtures: the seeds, loaded once per test session; a stem cache of the session's own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).resolve().parent
DATA_DIR = TESTS_DIR / "data"


@pytest.fixture(scope="session")
def seeds():
    """The five seed articles as a DataFrame (load_corpus on seeds/)."""
    from analysis import load_corpus

    return load_corpus()


@pytest.fixture(scope="session", autouse=True)
def _own_stem_cache(tmp_path_factory):
    """The whole suite (and the processes it starts) keeps its disk stem cache in a
    temporary folder: tests never read or write the user's cache."""
    folder = tmp_path_factory.mktemp("stem-cache")
    old = os.environ.get("ANALYSIS_CACHE_DIR")
    os.environ["ANALYSIS_CACHE_DIR"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("ANALYSIS_CACHE_DIR", None)
    else:
        os.environ["ANALYSIS_CACHE_DIR"] = old
