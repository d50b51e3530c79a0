"""Tests for analysis.plots as a whole: the public names, ``ax=None``, light imports, and
drawing only (no plotting module computes what analysis.terms, keyness or kwic provide).

The drawing functions are tested beside their modules: test_plots_words.py,
test_plots_clouds.py (and the frame figures in test_frames.py)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # headless; must come before pyplot is imported

from analysis import plots  # noqa: E402
from analysis.plots import base, clouds, frames, words  # noqa: E402

PLOTS_DIR = Path(plots.__file__).parent
PACKAGE_DIR = PLOTS_DIR.parent


def test_every_public_name_is_available_from_analysis_plots():
    for module in (base, words, clouds, frames):
        for name in module.__all__:
            assert getattr(plots, name) is getattr(module, name), name
            assert name in plots.__all__, name


def test_ax_none_uses_the_current_pyplot_axes():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    try:
        assert plots.plot_top_terms({"kinerja": 2}) is ax
    finally:
        plt.close(fig)


def test_only_plots_imports_matplotlib_and_wordcloud():
    """Importing any other module of the package loads neither library."""
    modules = sorted(f"analysis.{p.stem}" for p in PACKAGE_DIR.glob("*.py") if p.stem != "__main__")
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(k for k in ('matplotlib', 'wordcloud') if k in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in a file of analysis/plots/, at the
    top or inside a function, relative imports resolved."""
    package = "analysis.plots"
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base_name = ".".join(parts[: len(parts) - node.level + 1])
                module = f"{base_name}.{node.module}" if node.module else base_name
                # "from . import x" / "from .. import x" import modules named x
                names = [f"{module}.{a.name}" for a in node.names] if not node.module else []
                found += [(node.lineno, m) for m in names or [module]]
            else:
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__"):
                found.append((node.lineno, "<dynamic import>"))
    return sorted(found)


def test_plots_compute_nothing_that_the_analysis_modules_provide():
    """Drawing takes tables: no module of analysis/plots/ imports (at the top or inside a
    function) any module of the package outside analysis.plots, so no plotting function
    can call analysis.terms, analysis.keyness, analysis.kwic ... to compute its data."""
    files = sorted(PLOTS_DIR.glob("*.py"))
    assert {p.stem for p in files} >= {"__init__", "base", "words", "clouds", "frames"}
    offending = []
    for path in files:
        for line, module in _imported_modules(path):
            inside = module == "analysis.plots" or module.startswith("analysis.plots.")
            if module == "<dynamic import>" or (module.startswith("analysis") and not inside):
                offending.append(f"{path.name}:{line} imports {module}")
    assert offending == []


def test_the_import_check_sees_computing_imports(tmp_path):
    # the check above would catch each way of reaching the computing modules
    code = (
        "from .. import terms\n"
        "def f(data):\n"
        "    from ..keyness import comparison_terms\n"
        "    import analysis.kwic\n"
        "    import importlib; importlib.import_module('analysis.terms')\n"
        "from .base import PALETTE\n"
    )
    path = tmp_path / "bad.py"
    path.write_text(code, encoding="utf-8")
    modules = [m for _, m in _imported_modules(path)]
    assert modules == [
        "analysis.terms",
        "analysis.keyness",
        "analysis.kwic",
        "<dynamic import>",
        "importlib",
        "analysis.plots.base",
    ]


def test_importing_plots_loads_no_computing_module():
    code = (
        "import sys, analysis.plots\n"
        "print(sorted(m for m in sys.modules if m.startswith('analysis.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = eval(out.stdout)  # a printed list of module names
    assert loaded and all(m.startswith("analysis.plots") for m in loaded), loaded
