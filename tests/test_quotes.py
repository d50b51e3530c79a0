"""Tests of analysis.quotes against hand coding (evaluate_quotes, evaluate_voices).

Precision / recall / voice agreement against the blind hand coding in
``tests/data/hand_quotes.csv`` and ``tests/data/hand_coding.csv`` (coded by another
person, not from this module's output). The tests of quotes, speakers, voices and
tables are in ``tests/test_quotes_*.py``, one file per module of analysis.quotes.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.quotes import quotes, sentence_table

# evaluate_quotes and evaluate_voices now live in analysis.validation (branch
# refactor-validation); until it is merged these four tests fail with its ImportError,
# and the rest of the suite still runs.
try:
    from analysis.quotes import evaluate_quotes, evaluate_voices
except ImportError as missing:

    def evaluate_quotes(*args, _missing=missing, **kwargs):
        raise _missing

    evaluate_voices = evaluate_quotes

DATA = Path(__file__).parent / "data"

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
def corpus():
    return analysis.load_corpus()


@pytest.fixture(scope="module")
def seed_quotes(corpus):
    return quotes(corpus)


@pytest.fixture(scope="module")
def seed_sentences(corpus):
    return sentence_table(corpus)


# ------------------------------------------------------------------ evaluation


def test_evaluate_quotes_matching_rule():
    gold = pd.DataFrame(
        {"doc_id": ["1", "1"], "speaker": ["H. Budiman", ""],
         "text": ["“Kita harus kompak dan disiplin,”", "Selamat bekerja"]}
    )
    pred = pd.DataFrame(
        {"doc_id": ["1", "1", "2"], "speaker": ["Budiman", "X", "Y"],
         "text": ["Kita harus kompak", "disiplin", "Lain dokumen"]}
    )
    r = evaluate_quotes(pred, gold)
    # "Kita harus kompak" shares 17 of the 30 characters of the longer text: a match;
    # "disiplin" shares 8: not; document 2 is not in the gold sample and is not scored
    assert (r["n_predicted"], r["n_gold"], r["n_matched"]) == (2, 2, 1)
    assert r["precision"] == r["recall"] == 0.5
    assert r["speaker_accuracy"] == 1.0  # honorifics do not matter
    assert sorted(r["matches"]["status"]) == ["matched", "missed", "spurious"]


def test_evaluate_voices_counts():
    gold = pd.DataFrame({"doc_id": ["1"] * 4, "sentence_no": ["1", "2", "3", "4"],
                         "voice": ["direct", "indirect", "narration", ""],
                         "speaker": ["A", "A", "", ""]})
    pred = pd.DataFrame({"doc_id": ["1"] * 4, "sentence_no": [1, 2, 3, 4],
                         "voice": ["direct", "narration", "narration", "direct"],
                         "speaker": ["A", "", "", ""]})
    r = evaluate_voices(pred, gold)
    assert r["n"] == 3 and r["accuracy"] == pytest.approx(2 / 3)
    assert r["confusion"].loc["indirect", "narration"] == 1
    assert r["speaker_accuracy"] == 1.0


def test_precision_recall_against_hand_coding(seed_quotes, capsys):
    gold = pd.read_csv(DATA / "hand_quotes.csv", dtype=str, keep_default_na=False)
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
    gold = pd.read_csv(DATA / "hand_coding.csv", dtype=str, keep_default_na=False)
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
