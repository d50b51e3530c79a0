"""Every regular expression of the package, on adversarial strings of 50,000 characters.

A pattern with nested or adjacent overlapping quantifiers (``\\s*:?\\s*``, ``(a+)+``)
backtracks catastrophically: on a long run of the characters it repeats, one search
takes time quadratic, cubic or exponential in the run. Each pattern is run here as the
package runs it (searched or iterated over a text, or matched at a position), on runs
of single characters and of short units that real and broken pages repeat, at 25,000
and at 50,000 characters: doubling the string must about double the time (a ratio
measured in one run, whatever the machine's speed), never square it.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from pathlib import Path

import pytest

import analysis

PACKAGE = Path(analysis.__file__).parent

# Runs that real and broken pages repeat: spaces and tabs, letters in either case,
# digits, punctuation, quote marks, honorifics and titles, speech verbs, URLs.
UNITS = (
    " ", "\t", "a", "A", "1", ".", ",", "-", "“", '"', "(a", "a, ", "A. ", "H. ", "Aa ",
    "AA ", "a:", ": ", "a-", "//", "a.b", "Bupati ", "kata ", "Sekda Aa ", '"a, ',
)  # fmt: skip


def _patterns() -> dict[str, re.Pattern]:
    """Every compiled pattern held by a module of the package (also inside tuples,
    lists and dicts), by ``module.NAME``."""
    found: dict[int, tuple[str, re.Pattern]] = {}
    for info in pkgutil.walk_packages(analysis.__path__, "analysis."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            items = [value]
            if isinstance(value, (list, tuple, set, frozenset)):
                items += list(value)
            elif isinstance(value, dict):
                items += [*value.keys(), *value.values()]
            for k, item in enumerate(items):
                for x in item if isinstance(item, tuple) else (item,):
                    if isinstance(x, re.Pattern):
                        found.setdefault(
                            id(x), (f"{info.name}.{name}" + (f"[{k}]" if k else ""), x)
                        )
    return {name: rx for name, rx in found.values()}


PATTERNS = _patterns()
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))


def _scanned(name: str) -> bool:
    """Does the package search or iterate with this pattern (rather than only match it
    at a position)? Patterns held in containers are searched, to be safe."""
    short = name.rsplit(".", 1)[-1]
    if "[" in short:
        return True
    uses = set(re.findall(rf"\b{re.escape(short)}\.(\w+)\(", SOURCE))
    return not uses or bool(uses - {"match", "fullmatch"})


def _run(rx: re.Pattern, text: str, scanned: bool) -> float:
    best = float("inf")
    for _ in range(2):
        t = time.perf_counter()
        if scanned:
            for _m in rx.finditer(text):
                pass
        else:
            rx.match(text)
            rx.match(text, len(text) // 2)
        best = min(best, time.perf_counter() - t)
    return best


def test_the_package_holds_many_patterns():
    # the collector finds the patterns of every layer (a broken walk would pass vacuously)
    assert len(PATTERNS) > 100
    modules = {name.rsplit(".", 1)[0] for name in PATTERNS}
    assert {"analysis.boilerplate", "analysis.quotes.patterns", "analysis.tokens"} <= modules


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_time_is_linear_on_adversarial_strings(name):
    rx, scanned = PATTERNS[name], _scanned(name)
    slow = []
    for unit in UNITS:
        half = (unit * (25_000 // len(unit) + 1))[:25_000]
        full = (unit * (50_000 // len(unit) + 1))[:50_000]
        t_half, t_full = _run(rx, half, scanned), _run(rx, full, scanned)
        # linear: about 2x; quadratic: 4x (a floor of 20 ms keeps timer noise out)
        if t_full > 3 * t_half + 0.02:
            slow.append(f"{unit!r}: {t_half:.3f} s -> {t_full:.3f} s")
    assert not slow, f"{name} backtracks: " + "; ".join(slow)
