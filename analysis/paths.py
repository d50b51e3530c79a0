"""Where the project's data live. Importing this module does nothing but compute paths."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
SEEDS_DIR = REPO_ROOT / "seeds"
FIGURES_DIR = REPO_ROOT / "figures"
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
DATA_DIR = PACKAGE_DIR / "data"
