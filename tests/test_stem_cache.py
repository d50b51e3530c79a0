"""The persistent stem cache (issue 14): stems paid once, identical with and without it,
safe with parallel writers and damaged files, keyed by Sastrawi's version and the rules."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from analysis import stem_cache, stemming, tokens
from analysis.cli import main
from analysis.synthetic import synthetic_articles
from analysis.tokens import stem_cache_key, stem_word, tokenize

TEXT = (
    "Pemerintah kabupaten membangunkan jembatan baru dan mengevaluasi kinerja dinas. "
    "Bupati meresmikan pembangunan pasar yang dibiayai anggaran daerah. Kepemimpinannya "
    "dinilai berhasil menertibkan pedagang di Palembang."
)


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    """This process attached to an empty cache folder of the test's own, with empty
    in-memory caches; everything put back afterwards."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(folder))
    monkeypatch.delenv("ANALYSIS_STEM_CACHE", raising=False)
    saved = dict(stemming._STEM_CACHE)
    stem_cache.detach()
    stemming._STEM_CACHE.clear()
    tokens._PROCESS_CACHES.clear()
    yield folder
    stem_cache.detach()
    stemming._STEM_CACHE.clear()
    stemming._STEM_CACHE.update(saved)
    tokens._PROCESS_CACHES.clear()


def _file(folder):
    return stem_cache.stem_file(folder, stem_cache_key())


def test_the_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("ANALYSIS_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert stem_cache.cache_dir() == tmp_path / "xdg" / "indo-framing-analysis"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert stem_cache.cache_dir() == tmp_path / "home" / ".cache" / "indo-framing-analysis"
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "own"))
    assert stem_cache.cache_dir() == tmp_path / "own"
    for off in ("0", "off", "No", "false"):
        monkeypatch.setenv("ANALYSIS_STEM_CACHE", off)
        assert not stem_cache.enabled()
    monkeypatch.setenv("ANALYSIS_STEM_CACHE", "1")
    assert stem_cache.enabled()


def test_the_suite_never_touches_the_users_cache():
    home = os.path.expanduser("~/.cache/indo-framing-analysis")
    assert str(stem_cache.cache_dir()) != home
    assert "stem-cache" in str(stem_cache.cache_dir())


def test_stems_are_saved_and_a_warm_process_asks_sastrawi_nothing(own_cache, monkeypatch):
    cold = tokenize(TEXT, stem=True)
    assert stem_cache.save() > 0
    on_disk = stem_cache.read_stems(_file(own_cache), stem_cache_key())
    assert on_disk["membangunkan"] == "bangun" and on_disk["mengevaluasi"] == "evaluasi"
    assert "\x00kepemimpinannya" in on_disk  # the name rule's entries too
    # a new process: empty memory, the disk cache read on the first miss
    stem_cache.detach()
    stemming._STEM_CACHE.clear()
    tokens._PROCESS_CACHES.clear()

    def no_sastrawi():
        raise AssertionError("Sastrawi asked for a stem the cache holds")

    monkeypatch.setattr(stemming, "_stemmer", no_sastrawi)
    assert tokenize(TEXT, stem=True) == cold
    before = _file(own_cache).stat().st_mtime_ns
    assert stem_cache.save() == 0  # nothing new: nothing written
    assert _file(own_cache).stat().st_mtime_ns == before


def test_a_damaged_file_is_ignored_and_rebuilt(own_cache):
    path = _file(own_cache)
    path.parent.mkdir(parents=True)
    for damage in ('{"format": 1, "key": "', "not json at all", "[1, 2]", '{"format": 1}'):
        path.write_text(damage, encoding="utf-8")
        assert stem_cache.read_stems(path, stem_cache_key()) == {}
    path.write_bytes(b"\xff\xfe\x00garbage")
    assert stem_word("menertibkan") == "tertib"  # no error
    assert stem_cache.save() == 1
    assert stem_cache.read_stems(path, stem_cache_key()) == {"menertibkan": "tertib"}


def test_another_key_reads_nothing_and_the_key_follows_version_and_rules(own_cache, monkeypatch):
    path = own_cache / "stems-x.json"
    stem_cache.write_stems(path, "1.2.1-aaaa", {"dibangun": "bangun"})
    assert stem_cache.read_stems(path, "1.2.1-aaaa") == {"dibangun": "bangun"}
    assert stem_cache.read_stems(path, "1.2.2-aaaa") == {}
    key = stem_cache_key()
    monkeypatch.setitem(tokens.STEM_OVERRIDES, "perkebunan", "kebun")
    changed = stem_cache_key()
    assert changed != key and changed.split("-")[0] == key.split("-")[0]
    monkeypatch.delitem(tokens.STEM_OVERRIDES, "perkebunan")
    assert stem_cache_key() == key
    monkeypatch.setattr(stem_cache, "sastrawi_version", lambda: "9.9.9")
    assert stem_cache_key().startswith("9.9.9-") and stem_cache_key() != key
    assert stem_cache.stem_file(own_cache, key) != stem_cache.stem_file(own_cache, changed)


def test_writes_merge_with_what_the_file_holds(tmp_path):
    path = tmp_path / "stems-k.json"
    assert stem_cache.write_stems(path, "k", {}) == 0 and not path.exists()
    assert stem_cache.write_stems(path, "k", {"dibangun": "bangun"}) == 1
    assert stem_cache.write_stems(path, "k", {"ditertibkan": "tertib"}) == 2
    assert stem_cache.read_stems(path, "k") == {"dibangun": "bangun", "ditertibkan": "tertib"}
    assert not list(tmp_path.glob(".stems-*"))  # no temporary file left


_WRITER = """
import sys
from analysis.stem_cache import write_stems
path, who = sys.argv[1], sys.argv[2]
for i in range(40):
    write_stems(path, "k", {f"{who}kata{i}": f"kata{i}"})
"""


def test_parallel_writers_lose_nothing_and_leave_no_half_file(tmp_path):
    path = tmp_path / "stems-k.json"
    procs = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(path), who])
        for who in ("me", "di", "ber", "ter")
    ]
    seen = 0
    while any(p.poll() is None for p in procs):  # readers meanwhile: never half a file
        if path.exists():
            data = json.loads(path.read_text("utf-8"))
            assert data["key"] == "k"
            seen = max(seen, len(data["stems"]))
    assert all(p.wait() == 0 for p in procs)
    stems = stem_cache.read_stems(path, "k")
    assert len(stems) == 160 >= seen
    assert stems["terkata39"] == "kata39"


def test_turned_off_nothing_is_read_or_written(own_cache, monkeypatch):
    monkeypatch.setenv("ANALYSIS_STEM_CACHE", "0")
    assert tokenize(TEXT, stem=True)
    assert stem_cache.save() == 0
    assert not own_cache.exists()


def _realistic_text(n: int) -> str:
    return "\n".join(a["text"] for a in synthetic_articles(n, seed=5, vocabulary="realistic"))


def test_stems_are_identical_with_and_without_the_cache(own_cache, seeds, monkeypatch):
    texts = [*seeds["body"], _realistic_text(15)]
    cold = [tokenize(t, stem=True) for t in texts]
    assert stem_cache.save() > 500  # the realistic vocabulary's new types
    stem_cache.detach()
    stemming._STEM_CACHE.clear()
    tokens._PROCESS_CACHES.clear()
    warm = [tokenize(t, stem=True) for t in texts]
    assert warm == cold
    monkeypatch.setenv("ANALYSIS_STEM_CACHE", "0")
    stem_cache.detach()
    stemming._STEM_CACHE.clear()
    tokens._PROCESS_CACHES.clear()
    assert [tokenize(t, stem=True) for t in texts] == cold


def _write_corpus(path, n):
    with open(path, "w", encoding="utf-8") as fh:
        for art in synthetic_articles(n, seed=2, vocabulary="realistic"):
            fh.write(json.dumps(art, ensure_ascii=False) + "\n")


@pytest.mark.slow
def test_worker_processes_save_their_stems_and_a_second_run_equals_the_first(tmp_path):
    corpus = tmp_path / "articles.jsonl"
    _write_corpus(corpus, 60)
    env = {**os.environ, "ANALYSIS_CACHE_DIR": str(tmp_path / "cache")}
    cmd = [sys.executable, "-m", "analysis", "terms", "--corpus", str(corpus), "--stem"]
    cmd += ["--jobs", "2", "--format", "csv", "--top", "100000"]
    first = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    files = list((tmp_path / "cache").glob("stems-*.json"))
    assert len(files) == 1
    stems = json.loads(files[0].read_text("utf-8"))["stems"]
    assert len(stems) > 1000  # saved by the workers (the parent stems nothing here)
    mtime = files[0].stat().st_mtime_ns
    second = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    assert second == first
    assert files[0].stat().st_mtime_ns == mtime  # a warm run writes nothing
    off = {**env, "ANALYSIS_STEM_CACHE": "0"}
    assert subprocess.run(cmd, env=off, capture_output=True, text=True, check=True).stdout == first


def test_cache_command_shows_and_clears(own_cache, capsys):
    stem_word("dibangunkan")
    stem_word("menertibkan")
    stem_cache.save()
    assert main(["cache", "info"]) == 0
    out = capsys.readouterr().out
    assert str(own_cache) in out and "2 stems" in out and "(this installation)" in out
    assert main(["cache", "clear"]) == 0
    assert "removed 1 stem cache file" in capsys.readouterr().out
    assert not stem_cache.cache_files(own_cache)
    assert main(["cache", "info"]) == 0
    assert "total: 0 files, 0 stems" in capsys.readouterr().out
