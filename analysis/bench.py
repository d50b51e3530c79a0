"""Benchmark: how fast ``terms`` and ``frames`` run on a large corpus, against two baselines.

``python -m analysis bench --articles 100000`` writes a synthetic corpus
(:func:`analysis.synthetic.synthetic_articles`, seeded) as JSON Lines to a temporary
folder, then runs each operation in a fresh Python process and reports, side by side,
seconds, articles per second, MB of raw text per second and peak memory:

``terms``
    :func:`analysis.terms.term_frequencies` with ``stem=True``: read, clean, split
    sentences, tokenise, stem (cached per type), drop stopwords, count; ``jobs`` workers.
``frames``
    :func:`analysis.frames.frame_scores` ``by="leader"``: read, clean, tokenise, stem,
    match the frame lexicon, count per sentence, then 1,000 cluster-bootstrap resamples
    per leader; ``jobs`` workers.
``frames_default``
    What ``python -m analysis frames --corpus DIR`` runs by default:
    :func:`~analysis.frames.frame_scores` per article, with 1,000 bootstrap resamples
    of every article's sentences; ``jobs`` workers (and threads for the bootstrap).
``nltk``
    What a user would otherwise write: NLTK's ``RegexpTokenizer`` (the package's token
    pattern) on the lower-cased raw text, Sastrawi's ``stem`` on every token (Sastrawi's
    own cached stemmer), counted in a ``FreqDist``; one process, no cleaning.
``sklearn``
    scikit-learn's ``CountVectorizer().fit_transform`` over the raw texts: tokenise and
    count, nothing else (no cleaning, no sentences, no stems); one process.
``terms_warm``, ``frames_warm``
    ``terms`` and ``frames`` run again with the stem cache their last run left
    (:mod:`analysis.stem_cache`): what a second run over the corpus costs. Every other
    run of ``terms`` and ``frames`` starts from an empty stem cache of its own (a
    temporary ``ANALYSIS_CACHE_DIR``), as a first run does; the user's cache is never
    read or written.

The corpus is the seeds' vocabulary or a realistic one
(:func:`analysis.synthetic.synthetic_articles` ``vocabulary=``); the command reports
both, the warm runs on the realistic corpus.

With the extras, ``import analysis`` and the figures command are timed from a cold
interpreter, and the worst case: one page gone wrong (200,000 random tokens of quote
marks, titles, speech verbs and punctuation on one line, about 1 MB,
:func:`analysis.adversarial.random_tokens`) through ``quote_table`` and
``frame_scores(by="voice")``, each in a fresh process.

Peak memory is the highest total proportional set size (PSS, from
``/proc/<pid>/smaps_rollup``; RSS where PSS is unavailable) of the operation's process
and all its worker processes, sampled every 50 ms: shared pages of forked workers are
counted once. Like :mod:`analysis.cli` and :mod:`analysis.figures`, this module runs
processes and reads files; the computing modules stay pure.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .adversarial import random_tokens
from .parallel import resolve_jobs
from .tokens import TOKEN_PATTERN

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "OPERATIONS",
    "WARM_OPERATIONS",
    "WORST_CASES",
    "benchmark",
    "machine",
    "run_operation",
    "speed_ratios",
]

#: Operations measured, in the order of the table.
OPERATIONS = ("terms", "frames", "frames_default", "nltk", "sklearn")

#: Our operations (the rest are baselines), run with ``jobs`` workers.
OURS = ("terms", "frames", "frames_default")
#: Second runs of ``terms`` and ``frames``, with the stem cache of their last first run.
WARM_OPERATIONS = ("terms_warm", "frames_warm")

#: The worst case (with the extras): one page gone wrong,
#: :func:`analysis.adversarial.random_tokens` of 200,000 tokens (about 1 MB on one
#: line, thousands of quotes, speakers and sentences in one paragraph), through the
#: quote table and the frames by voice.
WORST_CASES = ("worst_quotes", "worst_frames")
WORST_CASE_TOKENS = 200_000

DESCRIPTIONS = {
    "terms": "term_frequencies(stem=True): clean, sentences, tokens, stems, stopwords, counts",
    "frames": "frame_scores(by='leader'): clean, tokens, stems, lexicon match, bootstrap",
    "frames_default": "frame_scores() as the CLI's default: per article, with intervals",
    "nltk": "baseline: RegexpTokenizer + Sastrawi stem per token + FreqDist (no cleaning)",
    "sklearn": "baseline: CountVectorizer.fit_transform (tokenise and count only)",
    "terms_warm": "terms again, with the stem cache its last run left (a second run)",
    "frames_warm": "frames again, with the stem cache its last run left (a second run)",
    "import": "python -c 'import analysis' (cold interpreter)",
    "figures": "python -m analysis figures on the seeds (cold interpreter)",
    "worst_quotes": "quote_table of one 200,000-token adversarial article (1 MB, one line)",
    "worst_frames": "frame_scores(by='voice') of the same adversarial article",
}

_SAMPLE_SECONDS = 0.05


# ---------------------------------------------------------------- operations (child side)


def _raw_texts(path: Path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)["text"]


def _nltk_pipeline():
    """The NLTK baseline, imported and built (Sastrawi's dictionary loaded), ready to run."""
    from nltk import FreqDist
    from nltk.tokenize import RegexpTokenizer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    tokenizer = RegexpTokenizer(TOKEN_PATTERN)
    stemmer = StemmerFactory().create_stemmer()

    def run(path: Path) -> int:
        fd: FreqDist = FreqDist()
        for text in _raw_texts(path):
            for token in tokenizer.tokenize(text.lower()):
                fd[stemmer.stem(token)] += 1
        return len(fd)

    return run


def _sklearn_pipeline():
    """The CountVectorizer baseline, imported, ready to run."""
    try:
        from sklearn.feature_extraction.text import CountVectorizer
    except ImportError:
        raise ImportError(
            'the CountVectorizer baseline needs scikit-learn: pip install ".[bench]"'
        ) from None

    def run(path: Path) -> int:
        return int(CountVectorizer().fit_transform(_raw_texts(path)).shape[1])

    return run


def run_operation(name: str, path: str | Path, *, jobs: int | None = None) -> dict[str, Any]:
    """Run one operation on a JSON Lines corpus in this process; ``{"seconds": ...}``."""
    path = Path(path)
    if name not in OPERATIONS + WORST_CASES:
        known = ", ".join(OPERATIONS + WORST_CASES)
        raise ValueError(f"unknown operation {name!r}; use one of {known}")
    if name == "terms":
        from .terms import term_frequencies  # lazy: the baselines' processes import bench

        start = time.perf_counter()
        size = len(term_frequencies(path, stem=True, jobs=jobs, progress=False))
    elif name in ("frames", "frames_default", "worst_frames"):
        from .frames import frame_scores  # lazy: the baselines' processes import bench

        start = time.perf_counter()
        if name == "frames":
            size = len(frame_scores(path, by="leader", jobs=jobs, progress=False))
        elif name == "frames_default":  # one row per article and frame, 1,000 resamples
            size = len(frame_scores(path, jobs=jobs, progress=False))
        else:  # the folder of the worst-case article
            size = len(frame_scores(path, by="voice", jobs=1, progress=False))
    elif name == "worst_quotes":
        from .quotes import quote_table  # lazy: the baselines' processes import bench

        start = time.perf_counter()
        size = len(quote_table(path, jobs=1, progress=False))
    else:
        run = _nltk_pipeline() if name == "nltk" else _sklearn_pipeline()
        start = time.perf_counter()
        size = run(path)
    return {"seconds": time.perf_counter() - start, "rows": size}


def _worst_case_rows(repeat: int) -> list[dict[str, Any]]:
    """The rows of :data:`WORST_CASES`, each the fastest of ``repeat`` runs."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="analysis-worst-") as folder:
        text = random_tokens(WORST_CASE_TOKENS)
        Path(folder, "worst.txt").write_text(text, encoding="utf-8")
        megabytes = len(text.encode("utf-8")) / 1e6
        for name in WORST_CASES:
            runs = []
            for _ in range(repeat):
                out, wall, peak = _measure([sys.executable, "-m", "analysis.bench", name, folder])
                runs.append((json.loads(out.strip().splitlines()[-1])["seconds"], wall, peak))
            rows.append(_timed_row(name, runs, 1, 1, megabytes))
    return rows


def _timed_row(
    name: str, runs: list[tuple[float, float, float]], jobs: int, articles: int, megabytes: float
) -> dict[str, Any]:
    """The table row of an operation from its runs ``(seconds, wall_s, peak_mb)``: the
    fastest run's times and the highest peak memory."""
    seconds, wall, _peak = min(runs)
    return {
        "operation": name,
        "what": DESCRIPTIONS[name],
        "jobs": jobs,
        "articles": articles,
        "runs": len(runs),
        "seconds": seconds,
        "articles_per_s": articles / seconds,
        "mb_per_s": megabytes / seconds,
        "peak_mb": max(r[2] for r in runs),
        "wall_s": wall,
    }


# ---------------------------------------------------------------- measuring (parent side)


def _children_map() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _memory_kb(pid: int) -> int:
    for name, key in (("smaps_rollup", b"Pss:"), ("status", b"VmRSS:")):
        try:
            with open(f"/proc/{pid}/{name}", "rb") as fh:
                for line in fh:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


def _tree_memory_kb(root: int) -> int:
    tree = _children_map()
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _memory_kb(pid)
        stack.extend(tree.get(pid, ()))
    return total


def _measure(cmd: list[str], *, env: dict[str, str] | None = None) -> tuple[str, float, float]:
    """Run ``cmd``; (stdout, wall seconds, peak memory of its process tree in MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak = 0
    can_sample = Path("/proc/self/stat").exists()
    while proc.poll() is None:
        if can_sample:
            peak = max(peak, _tree_memory_kb(proc.pid))
        time.sleep(_SAMPLE_SECONDS)
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])} ... failed:\n{err.strip()[-2000:]}")
    if not can_sample:  # pragma: no cover - not Linux
        import resource

        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return out, wall, peak / 1024


def _stem_cache_env(caches: str, name: str, round_no: int) -> dict[str, str]:
    """The environment of one run: a first run of ``terms`` or ``frames`` gets an empty
    stem cache folder of its own, a warm run the folder of its operation's latest
    first run (or, before any, a new one: it then runs cold); the baselines one too."""
    op = name.removesuffix("_warm")
    folder = Path(caches, f"{op}-{round_no}")
    if name != op:  # warm: the latest first run's cache
        done = sorted(Path(caches).glob(f"{op}-*"), key=lambda p: p.stat().st_mtime_ns)
        folder = done[-1] if done else folder
    return {**os.environ, "ANALYSIS_CACHE_DIR": str(folder)}


def benchmark(
    path: str | Path,
    *,
    articles: int,
    megabytes: float,
    jobs: int | None = None,
    operations: tuple[str, ...] = OPERATIONS,
    extras: bool = True,
    progress=None,
    repeat: int = 1,
) -> pd.DataFrame:
    """Measure each operation on the JSON Lines corpus at ``path``, each in a fresh process.

    Parameters
    ----------
    path : str or Path
        A JSON Lines corpus (text column ``text``), e.g. written from
        :func:`analysis.synthetic.synthetic_articles`.
    articles : int
        Its number of articles.
    megabytes : float
        Its size: MB (10^6 bytes) of raw UTF-8 text.
    jobs : int or None
        Worker processes for ``terms`` and ``frames`` (``None``: all cores).
    operations : tuple of str
        Which of :data:`OPERATIONS` and :data:`WARM_OPERATIONS` to run; a warm one
        after its first run (e.g. ``("terms", "terms_warm")``).
    extras : bool
        Also time ``import analysis`` and ``python -m analysis figures`` on the
        seeds, each from a cold interpreter, and the worst case (:data:`WORST_CASES`:
        one 200,000-token adversarial article through ``quotes`` and ``frames --by
        voice``).
    progress : callable or None
        Optional callable taking a message, called before each step.
    repeat : int
        Run every operation this many times, in rounds of alternating order
        (forward, backward, ...), and report its fastest run (the least disturbed by
        the rest of the machine, as :mod:`timeit` advises) and the highest peak memory.
        On a machine whose speed drifts during the benchmark, one round can compare an
        operation run in a slow stretch with a baseline run in a fast one; alternating
        rounds give every operation a turn early and late.

    Returns
    -------
    pandas.DataFrame
        Index ``operation`` (in the order of ``operations``); columns ``what`` (what
        runs), ``jobs`` (worker processes; 1 for the single-process baselines),
        ``articles``, ``runs``, ``seconds`` (time of the operation itself, after
        imports, fastest run), ``articles_per_s``, ``mb_per_s``, ``peak_mb`` (peak memory
        of the process and its workers, see the module notes; NaN for the import
        extra) and ``wall_s`` (the whole child process of the fastest run, interpreter
        start included).
    """
    import pandas as pd

    if isinstance(repeat, bool) or not isinstance(repeat, int) or repeat < 1:
        raise ValueError(f"repeat must be a whole number >= 1, got {repeat!r}")
    n_jobs = resolve_jobs(jobs)
    ours = (*OURS, *WARM_OPERATIONS)
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in operations}
    with tempfile.TemporaryDirectory(prefix="analysis-bench-stems-") as caches:
        for round_no in range(repeat):
            order = operations if round_no % 2 == 0 else operations[::-1]
            for name in order:
                if progress:
                    step = f" (round {round_no + 1} of {repeat})" if repeat > 1 else ""
                    progress(f"running {name} on {articles:,} articles{step} ...")
                op = name.removesuffix("_warm")
                cmd = [sys.executable, "-m", "analysis.bench", op, str(path)]
                if name in ours:
                    cmd += ["--jobs", str(n_jobs)]
                out, wall, peak = _measure(cmd, env=_stem_cache_env(caches, name, round_no))
                seconds = json.loads(out.strip().splitlines()[-1])["seconds"]
                runs[name].append((seconds, wall, peak))
    rows = [
        _timed_row(name, runs[name], n_jobs if name in ours else 1, articles, megabytes)
        for name in operations
    ]
    if extras:
        if progress:
            progress("timing import analysis and the figures command (cold starts) ...")
        walls = [_measure([sys.executable, "-c", "import analysis"])[1] for _ in range(3)]
        rows.append(
            {
                "operation": "import",
                "what": DESCRIPTIONS["import"],
                "jobs": 1,
                "articles": 0,
                "runs": 3,
                "seconds": sorted(walls)[1],
                "articles_per_s": float("nan"),
                "mb_per_s": float("nan"),
                "peak_mb": float("nan"),
                "wall_s": sorted(walls)[1],
            }
        )
        figure_runs = []
        for _ in range(repeat):
            with tempfile.TemporaryDirectory() as out_dir:
                try:
                    _o, wall, peak = _measure(
                        [
                            sys.executable,
                            "-m",
                            "analysis",
                            "figures",
                            "--out",
                            out_dir,
                            "--quiet",
                            "--jobs",
                            str(n_jobs),
                        ]
                    )
                except RuntimeError:
                    continue  # the figures could not be made here: no time to report
            figure_runs.append((wall, peak))
        wall = min((w for w, _p in figure_runs), default=float("nan"))
        rows.append(
            {
                "operation": "figures",
                "what": DESCRIPTIONS["figures"],
                "jobs": n_jobs,
                "articles": 5,
                "runs": repeat,
                "seconds": wall,
                "articles_per_s": float("nan"),
                "mb_per_s": float("nan"),
                "peak_mb": max((p for _w, p in figure_runs), default=float("nan")),
                "wall_s": wall,
            }
        )
        if progress:
            progress("timing the worst case: one 200,000-token adversarial article ...")
        rows += _worst_case_rows(repeat)
    frame = pd.DataFrame(rows).set_index("operation")
    return frame.astype({"jobs": "int64", "articles": "int64", "runs": "int64"})


def speed_ratios(table: pd.DataFrame) -> pd.DataFrame:
    """How many times faster (articles/s) our operations run than each baseline.

    Returns a DataFrame indexed by ``operation`` (those of :data:`OURS`) with one column
    per baseline present (``vs_nltk``, ``vs_sklearn``): ours / baseline; above 1 is faster.
    """
    import pandas as pd

    ours = [op for op in OURS if op in table.index]
    base = [op for op in ("nltk", "sklearn") if op in table.index]
    data = {
        f"vs_{b}": [table.at[o, "articles_per_s"] / table.at[b, "articles_per_s"] for o in ours]
        for b in base
    }
    out = pd.DataFrame(data, index=pd.Index(ours, name="operation"))
    return out


def machine() -> dict[str, str]:
    """The machine the benchmark ran on: cores, CPU model, memory, Python, platform."""
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as fh:
            kb = int(fh.readline().split()[1])
            memory = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {
        "cores": str(os.cpu_count()),
        "cpu": cpu or "unknown",
        "memory": memory or "unknown",
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
    }


def _main(argv: list[str] | None = None) -> int:
    """Child entry point: ``python -m analysis.bench OPERATION PATH [--jobs N]``."""
    import argparse

    p = argparse.ArgumentParser(prog="python -m analysis.bench")
    p.add_argument("operation", choices=OPERATIONS + WORST_CASES)
    p.add_argument("path")
    p.add_argument("--jobs", type=int, default=None)
    args = p.parse_args(argv)
    result = run_operation(args.operation, args.path, jobs=args.jobs)
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
