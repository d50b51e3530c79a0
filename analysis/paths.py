"""Where the project's data live. Importing this module does nothing but compute paths."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
SEEDS_DIR = REPO_ROOT / "seeds"
FIGURES_DIR = REPO_ROOT / "figures"
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
DATA_DIR = PACKAGE_DIR / "data"

#: Environment variable naming a corpus folder for notebook 06 (and its test).
CORPUS_ENV_VAR = "ANALYSIS_CORPUS"


def corpus_dir(default: Path = SEEDS_DIR) -> Path:
    """The corpus folder to analyse: ``$ANALYSIS_CORPUS`` if set, else ``default``."""
    import os

    value = os.environ.get(CORPUS_ENV_VAR, "").strip()
    return Path(value).expanduser() if value else default


def report_dir() -> Path:
    """Default folder for the HTML report: beside the repository, outside the source tree."""
    return REPO_ROOT.parent / f"{REPO_ROOT.name}-report"
