"""The package's shape (issue 11): modules of one concept and a few hundred lines, no
import cycle, package imports at the top but for a handful of documented lazy ones."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "analysis"
MODULES = sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


NAMES = {_name(p): p for p in MODULES}


def _imports(path: Path):
    """(package module imported, at module level?, line) of every package import."""
    tree = ast.parse(path.read_text("utf-8"))
    package = _name(path) if path.name == "__init__.py" else _name(path).rsplit(".", 1)[0]
    top = {id(n) for n in tree.body}
    for node in tree.body:  # imports guarded by if/try at module level count as top
        if isinstance(node, (ast.If, ast.Try)):
            top |= {id(n) for n in ast.walk(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            target = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                yield (sub if sub in NAMES else target), id(node) in top, node.lineno
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "import_module":
            yield "import_module", False, node.lineno


def test_no_module_is_much_over_800_lines():
    sizes = {p.name: len(p.read_text("utf-8").splitlines()) for p in MODULES}
    assert max(sizes.values()) <= 850, sorted(sizes.items(), key=lambda kv: -kv[1])[:3]


def test_no_import_cycle_among_module_level_imports():
    graph = {
        n: {t for t, top, _ in _imports(p) if top and t in NAMES and t != n}
        for n, p in NAMES.items()
    }
    # a package imports its own submodules (re-exports); that is no cycle
    for n in graph:
        graph[n] = {t for t in graph[n] if not t.startswith(n + ".")}
    state: dict[str, int] = {}

    def visit(n, path):
        state[n] = 1
        for t in graph[n]:
            if state.get(t) == 1:
                pytest.fail(f"import cycle: {' -> '.join(path + [t])}")
            if t not in state:
                visit(t, path + [t])
        state[n] = 2

    for n in sorted(graph):
        if n not in state:
            visit(n, [n])


def test_few_in_function_imports_each_with_its_reason():
    found = []
    for path in MODULES:
        lines = path.read_text("utf-8").splitlines()
        for target, top, line in _imports(path):
            if not top:
                found.append((path.name, line, target))
                near = " ".join(lines[max(0, line - 3) : line + 1])
                assert "#" in near and ("lazy" in near.lower() or "cycle" in near.lower()), (
                    f"{path.name}:{line}: an import inside a function needs a comment saying why"
                )
    assert len(found) <= 15, found


def _parameter_lines(doc: str):
    """The entry lines of the Parameters and Attributes sections of a docstring."""
    lines = doc.split("\n")
    for i, line in enumerate(lines[:-1]):
        if line.strip() in ("Parameters", "Attributes") and set(lines[i + 1].strip()) == {"-"}:
            indent = len(line) - len(line.lstrip())
            for j in range(i + 2, len(lines)):
                entry = lines[j]
                if not entry.strip() or len(entry) - len(entry.lstrip()) != indent:
                    continue
                if j + 1 < len(lines) and set(lines[j + 1].strip()) == {"-"}:
                    break  # the next section
                yield entry.strip()


def test_parameters_are_documented_as_name_colon_type_with_the_description_below():
    # numpydoc: "name : type" on the entry line, the description indented below it (not
    # "name : what it is." with the description in the type slot)
    wrong = []
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            for entry in _parameter_lines(ast.get_docstring(node) or ""):
                if entry.startswith("*"):
                    continue  # **kwargs
                kind = entry.split(" : ", 1)[1] if " : " in entry else ""
                if not kind or kind.endswith(".") or len(kind.split()) > 10:
                    wrong.append(f"{path.name}:{node.lineno} {node.name}: {entry[:60]}")
    assert not wrong, "\n".join(wrong)


def test_no_function_is_too_complex_or_too_long():
    # issue 11: no cyclomatic complexity above 30 (radon's ranks E and F), no function of
    # much more than 100 lines of code (its docstring left out)
    from radon.complexity import cc_visit

    complex_, long_ = [], []
    for path in MODULES:
        source = path.read_text("utf-8")
        for block in cc_visit(source):
            if block.complexity > 30:
                complex_.append(f"{path.name}:{block.lineno} {block.name} {block.complexity}")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                first = node.body[0]
                doc = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                start = first.end_lineno + 1 if doc else first.lineno
                if node.end_lineno - start + 1 > 110:
                    long_.append(f"{path.name}:{node.lineno} {node.name}")
    assert not complex_, complex_
    assert not long_, long_
