"""The committed codes of the validity sets are well formed and hold no article text."""

import json
from collections import defaultdict
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "validity"
FRAMES = {"performance", "coordination", "discipline"}
VOICES = {"direct", "indirect", "narration"}


def _rows(path):
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def devset():
    return _rows(HERE / "devset" / "articles.jsonl"), _rows(HERE / "devset" / "sentences.jsonl")


def test_devset_articles_are_complete_and_unique(devset):
    articles, _ = devset
    ids = [a["id"] for a in articles]
    assert len(ids) == len(set(ids)) == 117  # batches of 52, 45 and 20
    assert sum(a["genre"] == "on" for a in articles) == 99
    for a in articles:
        assert len(a["sha256"]) == 64 and a["url"].startswith("http")
        assert a["dominant_frame"] in FRAMES | {"mixed", "none"}
        assert (a["genre"] == "off") == (a["dominant_frame"] == "none")
        for q in a["quotes"]:
            assert 0 <= q["start"] < q["end"] and q["speaker"]
            assert q.get("flag") in (None, "truncated", "unclosed", "odd_marks")


def test_devset_sentences_are_numbered_and_labelled(devset):
    articles, sentences = devset
    by_id = defaultdict(list)
    for r in sentences:
        assert set(r["frames"]) <= FRAMES and r["voice"] in VOICES
        by_id[r["id"]].append(r["n"])
    assert set(by_id) == {a["id"] for a in articles}
    for numbers in by_id.values():
        assert numbers == list(range(1, len(numbers) + 1))
    assert len(sentences) == 1612


def test_second_coder_codes_ten_articles_of_the_devset(devset):
    _, sentences = devset
    first = {(r["id"], r["n"]) for r in sentences}
    second = _rows(HERE / "devset" / "sentences-coder2.jsonl")
    assert len({r["id"] for r in second}) == 10
    assert {(r["id"], r["n"]) for r in second} <= first


@pytest.mark.parametrize(
    ("name", "n_articles", "n_sentences"),
    [
        ("freshset", 15, 206),
        ("freshset2", 20, 276),
        ("freshset3", 20, 290),
        ("freshset4", 20, 292),
        ("freshset5", 19, 314),
        ("freshset6", 20, 297),
        ("freshset7", 19, 289),
        ("freshset8", 20, 299),
        ("freshset9", 20, 296),
        ("freshset10", 20, 302),
        ("freshset11", 20, 325),
        ("freshset12", 20, 272),
        ("freshset13", 20, 304),
        ("freshset14", 19, 299),
        ("freshset15", 20, 263),
        ("freshset16", 19, 245),
        ("freshset17", 20, 286),
    ],
)
def test_the_fresh_sets_are_apart_from_the_devset_and_each_other(
    devset, name, n_articles, n_sentences
):
    fresh = _rows(HERE / name / "articles.jsonl")
    sentences = _rows(HERE / name / "sentences.jsonl")
    assert len(fresh) == n_articles and len(sentences) == n_sentences
    others = {a["url"] for a in devset[0]}
    for other in {
        "freshset",
        "freshset2",
        "freshset3",
        "freshset4",
        "freshset5",
        "freshset6",
        "freshset7",
        "freshset8",
        "freshset9",
        "freshset10",
        "freshset11",
        "freshset12",
        "freshset13",
        "freshset14",
        "freshset15",
        "freshset16",
        "freshset17",
    } - {name}:
        others |= {a["url"] for a in _rows(HERE / other / "articles.jsonl")}
    assert not {a["url"] for a in fresh} & others
    assert {r["id"] for r in sentences} == {a["id"] for a in fresh}


@pytest.mark.parametrize(
    "name",
    [
        "devset/articles.jsonl",
        "checkset/articles.jsonl",
        "freshset/articles.jsonl",
        "freshset2/articles.jsonl",
        "freshset3/articles.jsonl",
        "freshset4/articles.jsonl",
        "freshset5/articles.jsonl",
        "freshset6/articles.jsonl",
        "freshset7/articles.jsonl",
        "freshset8/articles.jsonl",
        "freshset9/articles.jsonl",
        "freshset10/articles.jsonl",
        "freshset11/articles.jsonl",
        "freshset12/articles.jsonl",
        "freshset13/articles.jsonl",
        "freshset14/articles.jsonl",
        "freshset15/articles.jsonl",
        "freshset16/articles.jsonl",
        "freshset17/articles.jsonl",
    ],
)
def test_no_article_text_is_committed(name):
    # codes only: URLs, digests, names, roles (the longest is 76 characters), credits,
    # labels; no sentence or excerpt
    for a in _rows(HERE / name):
        assert "notes" not in a
        for key, value in a.items():
            if isinstance(value, str) and key != "url":
                assert len(value) <= 80, (a["id"], key)
        for q in a["quotes"]:
            assert all(len(str(v)) <= 80 for v in q.values()), a["id"]
