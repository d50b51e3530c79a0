"""Packaging a lab can cite (#13): licence files, citation, one version, every imported
package declared, pinned versions of the figures, and a plain (non-editable) install."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
import yaml

import analysis
from analysis.cli import main

tomllib = pytest.importorskip("tomllib")  # Python 3.11+; the package itself needs no TOML

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "analysis"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
DISTRIBUTION = PYPROJECT["project"]["name"]

#: Import name -> distribution name, where they differ.
DISTRIBUTION_OF = {
    "Sastrawi": "PySastrawi",
    "sklearn": "scikit-learn",
    "yaml": "PyYAML",
}


def _normal(name: str) -> str:
    """A distribution name as PEP 503 compares them (case, '-', '_' and '.')."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(requirement: str) -> str:
    return _normal(re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement).group(0))


def _third_party_imports() -> dict[str, set[str]]:
    """Top-level third-party module -> the package files that import it."""
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "analysis":
                    found.setdefault(top, set()).add(path.relative_to(ROOT).as_posix())
    return found


def test_every_imported_package_is_declared_in_main_or_a_user_extra():
    project = PYPROJECT["project"]
    main_deps = {_requirement_name(r) for r in project["dependencies"]}
    extras = {
        name: {_requirement_name(r) for r in reqs}
        for name, reqs in project["optional-dependencies"].items()
        if name != "dev"  # a user never installs dev to run the package
    }
    imports = _third_party_imports()
    assert {"pandas", "Sastrawi", "pyarrow", "nbconvert"} <= set(imports)  # the scan works
    missing = []
    for module, files in sorted(imports.items()):
        dist = _normal(DISTRIBUTION_OF.get(module, module))
        if dist not in main_deps and not any(dist in reqs for reqs in extras.values()):
            missing.append(f"{module} (distribution {dist}; imported in {sorted(files)})")
    assert not missing, "imported but not declared in pyproject.toml: " + "; ".join(missing)


def test_optional_packages_have_their_extras_and_dev_installs_them():
    extras = PYPROJECT["project"]["optional-dependencies"]
    names = {k: {_requirement_name(r) for r in v} for k, v in extras.items()}
    assert names["parquet"] == {"pyarrow"}
    assert names["report"] == {"nbconvert", "nbclient", "ipykernel"}
    assert {"dask", "distributed"} <= names["dask"] and names["bench"] == {"scikit-learn"}
    for extra in ("parquet", "report", "dask", "bench"):
        assert names[extra] <= names["dev"], f"dev extra lacks the {extra} extra's packages"


def test_security_and_data_floors():
    deps = {_requirement_name(r): r for r in PYPROJECT["project"]["dependencies"]}
    assert deps["nltk"].replace(" ", "") == "nltk>=3.9.1"
    assert deps["pysastrawi"].replace(" ", "") == "PySastrawi>=1.2.1"


def test_licence_is_an_spdx_string_with_its_files():
    project = PYPROJECT["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE", "NOTICE"]
    assert "setuptools>=77" in PYPROJECT["build-system"]["requires"]
    licence = (ROOT / "LICENSE").read_text("utf-8")
    assert licence.startswith("MIT License")
    assert "Copyright (c) 2026 The indo-framing-analysis authors" in licence
    notice = (ROOT / "NOTICE").read_text("utf-8")
    for needed in ("PySastrawi", "Kateglo", "CC BY-NC-SA 3.0", "non-commercial", "seeds/"):
        assert needed in notice, needed


def test_one_version_everywhere():
    project = PYPROJECT["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "analysis.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", analysis.__version__)
    assert metadata.version(DISTRIBUTION) == analysis.__version__
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    assert citation["version"] == analysis.__version__
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    assert f"## [{analysis.__version__}]" in changelog and "## [Unreleased]" in changelog
    # the committed figures record the version that drew them: bump it, redraw them
    manifest = json.loads((ROOT / "figures" / "manifest.json").read_text("utf-8"))
    assert manifest["package_version"] == analysis.__version__


def test_citation_has_the_fields_cff_1_2_requires():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert citation["message"] and citation["title"]
    assert citation["authors"] == [{"name": "The indo-framing-analysis authors"}]
    assert citation["license"] == "MIT"


def test_py_typed_is_package_data():
    assert (PACKAGE / "py.typed").is_file()
    assert "py.typed" in PYPROJECT["tool"]["setuptools"]["package-data"]["analysis"]


def test_constraints_pin_every_package_that_draws_figures():
    pins = _pins()
    for name, version in pins.items():
        assert re.fullmatch(r"[\w.+!-]+", version), f"not an exact pin: {name}"
    declared = list(PYPROJECT["project"]["dependencies"])
    declared += [r for reqs in PYPROJECT["project"]["optional-dependencies"].values() for r in reqs]
    unpinned = {_requirement_name(r) for r in declared} - set(pins) - {"setuptools"}
    assert not unpinned, f"declared but not pinned in constraints.txt: {sorted(unpinned)}"
    assert {"matplotlib", "wordcloud", "pillow", "numpy", "pandas", "pysastrawi"} <= set(pins)
    assert _normal(DISTRIBUTION) not in pins  # the package itself is installed from source


def _pins() -> dict[str, str]:
    lines = (ROOT / "constraints.txt").read_text("utf-8").splitlines()
    pairs = (line.partition("==")[::2] for line in lines if line and not line.startswith("#"))
    return {_normal(name): version for name, version in pairs}


@pytest.mark.slow
def test_the_pinned_versions_redraw_the_committed_figures_byte_for_byte(tmp_path):
    installed = {_normal(d.metadata["Name"]): d.version for d in metadata.distributions()}
    differ = sorted(
        f"{n} {installed[n]} (pinned {v})"
        for n, v in _pins().items()
        if n in installed and installed[n] != v
    )
    if differ:
        pytest.skip("not the versions of constraints.txt: " + ", ".join(differ[:5]))
    figures = pytest.importorskip("analysis.figures")
    figures.build_figures(out_dir=tmp_path, progress=False)
    committed = ROOT / "figures"
    names = sorted(p.name for p in committed.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == names
    changed = [n for n in names if (committed / n).read_bytes() != (tmp_path / n).read_bytes()]
    assert not changed, (
        f"figures/ is not what this code draws (python -m analysis figures): {changed}"
    )


# ---------------------------------------------------------------- without seeds/ beside it


def test_terms_and_figures_without_seeds_say_what_to_pass(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr("analysis.corpus.SEEDS_DIR", tmp_path / "site-packages" / "seeds")
    monkeypatch.chdir(tmp_path)
    for command in (["terms"], ["figures", "--jobs", "1"], ["quotes"], ["kwic", "kinerja"]):
        assert main(command) == 2, command
        err = capsys.readouterr().err
        assert err.startswith("error: no corpus given and no seeds/ folder beside the package")
        assert err.rstrip().endswith("pass --corpus DIR (in Python, the path of your corpus)")
        assert err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing written


def test_report_tidy_and_bench_outside_a_checkout_say_what_to_do(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr("analysis.cli.outputs.NOTEBOOKS_DIR", tmp_path / "notebooks")
    assert main(["report"]) == 2
    assert "no notebooks/ folder beside the package" in capsys.readouterr().err
    assert main(["tidy-notebooks"]) == 2
    assert capsys.readouterr().err.rstrip().endswith("pass --folder DIR")
    assert not (tmp_path / "notebooks").exists()
    monkeypatch.setattr("analysis.cli.tools.SEEDS_DIR", tmp_path / "seeds")
    assert main(["bench", "--articles", "10", "--quiet"]) == 2
    assert "no seeds/ folder beside the package" in capsys.readouterr().err


# ---------------------------------------------------------------- a plain install, for real

ARTICLES = {
    "001_rapat.txt": (
        "Bupati Minta Kepala OPD Tingkatkan Kinerja\n\n"
        "Bupati memimpin rapat evaluasi bersama seluruh kepala OPD di aula kantor bupati. "
        "Ia meminta setiap dinas meningkatkan kinerja dan mempercepat penyerapan anggaran. "
        '"Kinerja OPD harus terus meningkat dan laporan disampaikan tepat waktu," kata '
        "Bupati.\n"
    ),
    "002_apel.txt": (
        "Sekda Ingatkan Disiplin ASN Saat Apel Pagi\n\n"
        "Sekretaris Daerah memimpin apel pagi di halaman kantor bupati. Ia mengingatkan "
        "ASN agar disiplin masuk kerja dan tidak meninggalkan kantor pada jam kerja. "
        "Sekda juga meminta koordinasi antar-OPD diperkuat agar program berjalan baik.\n"
    ),
}


def _run(args, *, cwd, site):
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin", "HOME": str(cwd)}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


@pytest.mark.slow
def test_a_wheel_installed_apart_from_the_repository_works_on_a_corpus(tmp_path):
    setuptools = metadata.version("setuptools")
    if int(setuptools.split(".")[0]) < 77:
        pytest.fail(f"setuptools {setuptools} cannot build this package: pip install -e '.[dev]'")
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE", "NOTICE"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(PACKAGE, src / "analysis", ignore=shutil.ignore_patterns("__pycache__"))
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    proc = subprocess.run(
        [*build, "-q", "-w", str(tmp_path / "dist"), str(src)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    assert wheel.name.startswith(f"indo_framing_analysis-{analysis.__version__}-")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        info = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = zf.read(info).decode()
    assert {"analysis/py.typed", "analysis/data/frame_lexicon.csv"} <= names
    dist_info = info.rsplit("/", 1)[0]
    assert {f"{dist_info}/licenses/LICENSE", f"{dist_info}/licenses/NOTICE"} <= names
    assert "License-Expression: MIT" in meta and f"Version: {analysis.__version__}" in meta
    assert not any(n.startswith(("seeds/", "figures/", "notebooks/")) for n in names)

    site, work = tmp_path / "site", tmp_path / "work"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site)]
        + [str(wheel)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    corpus = work / "artikel"
    corpus.mkdir(parents=True)
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")

    where = _run(["-c", "import analysis; print(analysis.__file__)"], cwd=work, site=site)
    assert where.stdout.strip() == str(site / "analysis" / "__init__.py")
    for command in (["terms"], ["figures"]):
        proc = _run(["-m", "analysis", *command], cwd=work, site=site)
        assert proc.returncode == 2, proc.stderr
        assert "no corpus given and no seeds/ folder beside the package" in proc.stderr
        assert "pass --corpus DIR" in proc.stderr and "Traceback" not in proc.stderr
    assert sorted(p.name for p in work.iterdir()) == ["artikel"]  # nothing written
    assert not (site / "figures").exists()

    proc = _run(
        ["-m", "analysis", "terms", "--corpus", "artikel", "--format", "csv"], cwd=work, site=site
    )
    assert proc.returncode == 0, proc.stderr
    counts = {row.split(",")[0]: row for row in proc.stdout.splitlines()[1:]}
    assert {"kinerja", "disiplin", "koordinasi"} <= set(counts)
    # the frame lexicon is package data, found in the installed package
    proc = _run(
        ["-m", "analysis", "frames", "--corpus", "artikel", "--format", "csv"], cwd=work, site=site
    )
    assert proc.returncode == 0, proc.stderr
    frames = {line.split(",")[1] for line in proc.stdout.splitlines()[1:]}
    assert {"performance", "coordination", "discipline"} <= frames
