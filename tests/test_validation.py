"""Tests for analysis.validation and analysis.agreement: every comparison with hand coding.

The gold files of the seeds (``analysis/data/hand_coding.csv``,
``analysis/data/hand_quotes.csv``) were coded blind by another person, not from the
package's output. The frame lexicon, the direct quotes and the sentence voices are held
to floors against them; the readers, the matching rules and the statistics are checked
on small literal tables.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis import corpus as corpus_module
from analysis import frames, validation
from analysis.agreement import cohen_kappa, wilson_interval
from analysis.corpus import CorpusError, load_corpus
from analysis.frames import FrameError, frame_evidence, frame_scores
from analysis.paths import DATA_DIR
from analysis.quotes import quotes, sentence_table
from analysis.validation import (
    HAND_CODING_FILE,
    HAND_QUOTES_FILE,
    evaluate_lexicon,
    evaluate_quotes,
    evaluate_voices,
    read_hand_coding,
    read_hand_quotes,
)

FRAMES = ["performance", "coordination", "discipline"]

# Content analysis uses agreement of .80 (Krippendorff's alpha, Cohen's kappa) as the
# level at which a coding instrument may be used to draw conclusions. The automatic
# coder is held to the same bar against the blind hand coding. On 13 gold quotes this
# allows at most two misses (or two spurious quotes); each seed quote exercises a
# different rule (curly, straight, mixed, wrong-mark opener, multi-sentence,
# pronoun and title speakers), so losing two means a rule broke. The bar is a
# regression floor, not a claim about unseen text: with 13/13 the 95% Wilson interval
# still reaches down to about 0.77.
QUOTE_FLOOR = 0.80
SPEAKER_FLOOR = 0.80
KAPPA_FLOOR = 0.80
# Accuracy must also stay well above the majority baseline (about 0.48 here: always
# "indirect"). 0.85 allows a dozen disagreements out of 79 sentences; three are known
# and irreducible by sentence-level rules (sentences carrying on reported speech with
# no cue of their own, which the coder attributed from the discourse).
VOICE_ACCURACY_FLOOR = 0.85


@pytest.fixture(scope="module")
def seed_sentences(seeds) -> pd.DataFrame:
    return sentence_table(seeds)


@pytest.fixture(scope="module")
def seed_quotes(seeds) -> pd.DataFrame:
    return quotes(seeds)


# ---------------------------------------------------------------------------- homes


def test_gold_files_ship_with_the_package():
    assert HAND_CODING_FILE == DATA_DIR / "hand_coding.csv" and HAND_CODING_FILE.is_file()
    assert HAND_QUOTES_FILE == DATA_DIR / "hand_quotes.csv" and HAND_QUOTES_FILE.is_file()
    assert "tests" not in HAND_CODING_FILE.parts and "tests" not in HAND_QUOTES_FILE.parts


def test_old_names_still_work():
    from analysis.corpus import read_hand_coding as old_coding
    from analysis.corpus import read_hand_quotes as old_quotes

    assert old_coding is read_hand_coding and old_quotes is read_hand_quotes
    assert corpus_module.read_hand_coding is read_hand_coding
    assert frames.evaluate_lexicon is evaluate_lexicon
    with pytest.raises(AttributeError):
        corpus_module.no_such_name  # noqa: B018
    assert validation.evaluate_voices is evaluate_voices


# ---------------------------------------------------------------------------- readers


def test_read_hand_coding_reads_the_gold_sentences(tmp_path):
    gold = read_hand_coding()
    assert gold.index.name == "row" and len(gold) == 79
    assert set(gold["doc_id"]) == {"000", "001", "002", "003", "004"}  # zeros kept
    assert gold["sentence_no"].dtype.kind == "i"
    assert all(gold[f].dtype.kind == "i" for f in FRAMES)
    pd.testing.assert_frame_equal(read_hand_coding(HAND_CODING_FILE), gold)
    bad = tmp_path / "coding.csv"
    bad.write_text("doc_id,sentence_no,sentence\n000,1,x\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"coding\.csv: missing column\(s\) voice"):
        read_hand_coding(bad)
    bad.write_text("doc_id,sentence_no,sentence,voice\n000,1,x,\n000,1,y,\n", "utf-8")
    with pytest.raises(CorpusError, match="sentence listed twice"):
        read_hand_coding(bad)
    with pytest.raises(CorpusError, match="file not found"):
        read_hand_coding(tmp_path / "none.csv")


def test_read_hand_quotes_reads_the_gold_quotes(tmp_path):
    gold = read_hand_quotes()
    assert gold.index.name == "row"
    assert {"doc_id", "speaker", "text"} <= set(gold.columns)
    assert set(gold["doc_id"]) <= {"000", "001", "002", "003", "004"}  # zeros kept
    # every gold quote is in the cleaned body of its article
    seeds = load_corpus()
    for row in gold.itertuples():
        if row.text:
            assert " ".join(row.text.split()[:4]) in " ".join(seeds.at[row.doc_id, "body"].split())
    bad = tmp_path / "quotes.csv"
    bad.write_text("doc_id,text\n000,Kita harus kompak\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"quotes\.csv: missing column\(s\) speaker"):
        read_hand_quotes(bad)
    with pytest.raises(CorpusError, match="file not found"):
        read_hand_quotes(tmp_path / "none.csv")


# ---------------------------------------------------------------------------- lexicon


@pytest.fixture(scope="module")
def gold() -> pd.DataFrame:
    return read_hand_coding()


def test_hand_coding_aligns_with_the_seed_sentences(gold, seed_sentences):
    merged = gold.merge(seed_sentences, on=["doc_id", "sentence_no"], suffixes=("", "_auto"))
    assert len(merged) == len(gold) == len(seed_sentences)
    assert (merged["sentence"] == merged["sentence_auto"]).all()


#: Floors for the lexicon against the blind hand coding of the 79 seed sentences
#: (measured when written: performance P 0.97 R 0.72, coordination P 0.84 R 1.00,
#: discipline P 0.89 R 1.00; with the lexicon of the genre vocabulary and the codebook's
#: names: performance P 0.94 R 0.79, coordination P 0.94 R 0.94, discipline P 0.89
#: R 1.00, the one discipline false positive a deadline the coder left uncoded; with the
#: genre phrases of the third validity round, performance P 0.95 R 0.81). With
#: 43, 16 and 8 coded sentences one sentence moves recall by 2, 6 and 12 points, so
#: floors sit about two sentences below the measure: a failure means an entry or a stem
#: guard broke, not noise. Recall of performance is lower by design: a dictionary cannot
#: see implicit talk of results ("programmes ran well"), which the coder counted.
FLOORS = {
    "performance": {"precision": 0.85, "recall": 0.65},
    "coordination": {"precision": 0.75, "recall": 0.85},
    "discipline": {"precision": 0.75, "recall": 0.75},
}


def test_lexicon_against_the_hand_coding(gold, seed_sentences):
    by_sentence = evaluate_lexicon(frame_scores(seed_sentences, by="sentence"), gold)
    by_evidence = evaluate_lexicon(frame_evidence(seed_sentences), gold)
    pd.testing.assert_frame_equal(by_sentence, by_evidence)
    assert list(by_sentence.index) == FRAMES
    assert list(by_sentence.columns) == ["tp", "fp", "fn", "precision", "recall", "f1", "support"]
    assert (by_sentence["support"] == gold[FRAMES].sum()).all()
    for frame, floors in FLOORS.items():
        for metric, floor in floors.items():
            assert by_sentence.loc[frame, metric] >= floor, (frame, metric, by_sentence)


def test_evaluate_lexicon_counts_and_alignment_errors():
    gold = pd.DataFrame(
        {
            "doc_id": ["a", "a", "a"],
            "sentence_no": [1, 2, 3],
            "sentence": ["x", "y", "z"],
            "performance": [1, 0, 1],
        }
    )
    pred = pd.DataFrame(
        {
            "doc_id": ["a", "a"],
            "sentence_no": [1, 2],
            "frame": "performance",
            "sentence": ["x", "y"],
        }
    )
    got = evaluate_lexicon(pred, gold).loc["performance"]
    assert (got["tp"], got["fp"], got["fn"], got["support"]) == (1, 1, 1, 2)
    assert got["precision"] == 0.5 and got["recall"] == 0.5 and got["f1"] == 0.5
    with pytest.raises(FrameError, match="differ"):
        evaluate_lexicon(pred.assign(sentence=["x", "other"]), gold)


# ---------------------------------------------------------------------------- quotes and voices


def test_evaluate_quotes_matching_rule():
    gold = pd.DataFrame(
        {
            "doc_id": ["1", "1"],
            "speaker": ["H. Budiman", ""],
            "text": ["“Kita harus kompak dan disiplin,”", "Selamat bekerja"],
        }
    )
    pred = pd.DataFrame(
        {
            "doc_id": ["1", "1", "2"],
            "speaker": ["Budiman", "X", "Y"],
            "text": ["Kita harus kompak", "disiplin", "Lain dokumen"],
        }
    )
    r = evaluate_quotes(pred, gold)
    # "Kita harus kompak" shares 17 of the 30 characters of the longer text: a match;
    # "disiplin" shares 8: not; document 2 is not in the gold sample and is not scored
    assert (r["n_predicted"], r["n_gold"], r["n_matched"]) == (2, 2, 1)
    assert r["precision"] == r["recall"] == 0.5
    assert r["speaker_accuracy"] == 1.0  # honorifics do not matter
    assert sorted(r["matches"]["status"]) == ["matched", "missed", "spurious"]


def test_evaluate_voices_counts():
    gold = pd.DataFrame(
        {
            "doc_id": ["1"] * 4,
            "sentence_no": ["1", "2", "3", "4"],
            "voice": ["direct", "indirect", "narration", ""],
            "speaker": ["A", "A", "", ""],
        }
    )
    pred = pd.DataFrame(
        {
            "doc_id": ["1"] * 4,
            "sentence_no": [1, 2, 3, 4],
            "voice": ["direct", "narration", "narration", "direct"],
            "speaker": ["A", "", "", ""],
        }
    )
    r = evaluate_voices(pred, gold)
    assert r["n"] == 3 and r["accuracy"] == pytest.approx(2 / 3)
    assert r["confusion"].loc["indirect", "narration"] == 1
    assert r["speaker_accuracy"] == 1.0


def test_precision_recall_against_hand_coding(seed_quotes, capsys):
    gold = pd.read_csv(HAND_QUOTES_FILE, dtype=str, keep_default_na=False)
    r = evaluate_quotes(seed_quotes, gold)
    with capsys.disabled():
        print(
            f"\nquotes vs hand coding: precision {r['precision']:.3f} "
            f"(95% CI {r['precision_ci'][0]:.2f}-{r['precision_ci'][1]:.2f}), "
            f"recall {r['recall']:.3f} "
            f"(95% CI {r['recall_ci'][0]:.2f}-{r['recall_ci'][1]:.2f}), "
            f"speaker accuracy {r['speaker_accuracy']:.3f} "
            f"[{r['n_matched']} matched / {r['n_predicted']} predicted / {r['n_gold']} gold]"
        )
    assert r["precision"] >= QUOTE_FLOOR
    assert r["recall"] >= QUOTE_FLOOR
    assert r["speaker_accuracy"] >= SPEAKER_FLOOR


def test_voice_agreement_with_hand_coding(seed_sentences, capsys):
    gold = pd.read_csv(HAND_CODING_FILE, dtype=str, keep_default_na=False)
    r = evaluate_voices(seed_sentences, gold)
    with capsys.disabled():
        print(
            f"\nvoices vs hand coding: accuracy {r['accuracy']:.3f} "
            f"(95% CI {r['accuracy_ci'][0]:.2f}-{r['accuracy_ci'][1]:.2f}; majority "
            f"baseline {r['majority_baseline']:.3f}), kappa {r['kappa']:.3f}, "
            f"speaker accuracy {r['speaker_accuracy']:.3f} [{r['n']} sentences]\n"
            f"{r['confusion'].to_string()}"
        )
    assert r["n_misaligned"] == 0  # same sentence split as the coder's
    assert r["n"] == len(gold)
    assert r["accuracy"] >= VOICE_ACCURACY_FLOOR
    assert r["accuracy"] > r["majority_baseline"] + 0.3
    assert r["kappa"] >= KAPPA_FLOOR
    assert r["speaker_accuracy"] >= SPEAKER_FLOOR


# ---------------------------------------------------------------------------- agreement


def test_wilson_interval():
    lo, hi = wilson_interval(13, 13)
    assert round(lo, 2) == 0.77 and hi == 1.0
    lo, hi = wilson_interval(0, 10)
    assert lo == 0.0 and 0.27 < hi < 0.29
    assert all(math.isnan(x) for x in wilson_interval(0, 0))


def test_cohen_kappa():
    assert cohen_kappa(["a", "a", "b", "b"], ["a", "a", "b", "b"]) == 1.0
    assert cohen_kappa(["a", "a", "b", "b"], ["a", "a", "b", "a"]) == 0.5
    assert math.isnan(cohen_kappa([], []))
    assert math.isnan(cohen_kappa(["a", "a"], ["a", "a"]))  # chance agreement 1
    # labels given: chance agreement is summed over those labels only
    assert cohen_kappa(["a", "b"], ["b", "a"], labels=["a", "b"]) == -1.0
