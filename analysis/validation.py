"""Every comparison with hand coding, and the readers of hand-coding files.

The automatic coders of the package are checked against a sample that a person coded
blind (without seeing their output):

- :func:`evaluate_lexicon` -- per frame, precision, recall and F1 of the frame lexicon
  (:mod:`analysis.frames`) against sentences coded for each frame;
- :func:`evaluate_quotes` -- precision and recall of the direct quotes and accuracy of
  their speakers (:func:`analysis.quotes.quotes`) against hand-coded quotes;
- :func:`evaluate_voices` -- accuracy and Cohen's kappa of the sentence voices
  (:func:`analysis.quotes.sentence_table`) and agreement on their speakers.

The gold files of the seeds ship with the package (``analysis/data/hand_coding.csv``,
``analysis/data/hand_quotes.csv``); :func:`read_hand_coding` and :func:`read_hand_quotes`
read them by default, or a researcher's own file of the same format by path. The
interval and agreement statistics are in :mod:`analysis.agreement`.

Older homes still work: ``analysis.frames.evaluate_lexicon``,
``analysis.quotes.evaluate_quotes`` / ``evaluate_voices`` and
``analysis.corpus.read_hand_coding`` / ``read_hand_quotes`` are aliases of these.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .agreement import cohen_kappa, wilson_interval
from .corpus import CorpusError, read_article
from .lexicon import FrameError
from .paths import DATA_DIR
from .quotes import VOICES, normalize_speaker
from .tokens import normalize

__all__ = [
    "HAND_CODING_COLUMNS",
    "HAND_CODING_FILE",
    "HAND_QUOTES_COLUMNS",
    "HAND_QUOTES_FILE",
    "evaluate_lexicon",
    "evaluate_quotes",
    "evaluate_voices",
    "read_hand_coding",
    "read_hand_quotes",
]

#: The hand-coded sentences of the seeds (package data).
HAND_CODING_FILE = DATA_DIR / "hand_coding.csv"
#: The hand-coded direct quotes of the seeds (package data).
HAND_QUOTES_FILE = DATA_DIR / "hand_quotes.csv"
HAND_CODING_COLUMNS = ("doc_id", "sentence_no", "sentence", "voice")
HAND_QUOTES_COLUMNS = ("doc_id", "speaker", "text")

#: Gold columns that are not frames.
_GOLD_NON_FRAME = frozenset({"doc_id", "sentence_no", "sentence", "voice", "speaker", "note"})
_MARK_STRIP_RE = re.compile('[“”"„‟«»″]')


# ---------------------------------------------------------------------------- readers


def _read_gold_csv(path: Path, required: Sequence[str]) -> pd.DataFrame:
    """A gold CSV file as strings (empty cells ``""``), checked for ``required`` columns."""
    text, _ = read_article(path)
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, ValueError) as exc:
        raise CorpusError(f"{path}: malformed CSV ({exc})") from None
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise CorpusError(f"{path}: missing column(s) {', '.join(missing)}")
    return frame


def read_hand_coding(path: str | Path | None = None) -> pd.DataFrame:
    """Read a hand-coded sentence sample.

    Parameters
    ----------
    path : str or Path, optional
        A CSV file with columns ``doc_id``, ``sentence_no``, ``sentence``, ``voice`` and
        one 0/1 column per frame (optionally ``speaker``, ``note``); default: the seeds'
        hand coding shipped with the package (:data:`HAND_CODING_FILE`).

    Returns
    -------
    pandas.DataFrame
        Index ``row`` (0, 1, ...); the file's columns, with ``doc_id`` kept as a string
        (``000`` keeps its zeros), ``sentence_no`` as an integer and every other column
        that holds only 0/1 (one per frame: ``performance``, ``coordination``,
        ``discipline`` ...) as integers; empty text cells are ``""``.

    Raises
    ------
    CorpusError
        Naming the file, when it is missing, not UTF-8, malformed, lacks ``doc_id``,
        ``sentence_no``, ``sentence`` or ``voice``, or lists a sentence twice.
    """
    path = Path(path) if path is not None else HAND_CODING_FILE
    frame = _read_gold_csv(path, HAND_CODING_COLUMNS)
    try:
        frame["sentence_no"] = frame["sentence_no"].astype(int)
    except ValueError:
        raise CorpusError(f"{path}: sentence_no must be whole numbers") from None
    dup = frame.duplicated(["doc_id", "sentence_no"])
    if dup.any():
        first = frame.loc[dup].iloc[0]
        raise CorpusError(
            f"{path}: sentence listed twice: doc_id {first['doc_id']!r} "
            f"sentence {first['sentence_no']}"
        )
    for col in frame.columns:
        if col in ("doc_id", "sentence_no"):
            continue
        values = set(frame[col].str.strip())
        if values and values <= {"0", "1"}:
            frame[col] = frame[col].astype(int)
    frame.index.name = "row"
    return frame


def read_hand_quotes(path: str | Path | None = None) -> pd.DataFrame:
    """Read hand-coded direct quotes, the gold standard of :func:`evaluate_quotes`.

    Parameters
    ----------
    path : str or Path, optional
        A CSV file with one row per direct quote a coder found, with columns ``doc_id``,
        ``speaker``, ``text`` (optionally ``note``); default: the seeds' hand-coded
        quotes shipped with the package (:data:`HAND_QUOTES_FILE`).

    Returns
    -------
    pandas.DataFrame
        Index ``row`` (0, 1, ...); columns ``doc_id`` (a string: ``000`` keeps its zeros),
        ``speaker``, ``text`` (the quoted words) and any other column of the file (such as
        ``note``), all strings, empty cells ``""``.

    Raises
    ------
    CorpusError
        Naming the file, when it is missing, not UTF-8, malformed or lacks ``doc_id``,
        ``speaker`` or ``text``.
    """
    path = Path(path) if path is not None else HAND_QUOTES_FILE
    frame = _read_gold_csv(path, HAND_QUOTES_COLUMNS)
    frame.index.name = "row"
    return frame


# ---------------------------------------------------------------------------- lexicon


def _same_text(a: str, b: str) -> bool:
    return " ".join(normalize(str(a)).split()) == " ".join(normalize(str(b)).split())


def _check_same_sentences(pred: pd.DataFrame, gold: pd.DataFrame, key: list[str]) -> None:
    """Raise when a sentence of both tables has different texts in them."""
    if "sentence" not in pred.columns or "sentence" not in gold.columns:
        return
    texts = pred.drop_duplicates(key).set_index(key)["sentence"]
    g_texts = gold.set_index(key)["sentence"]
    common = g_texts.index.intersection(texts.index)
    bad = [k for k in common if not _same_text(g_texts[k], texts[k])]
    if bad:
        k = bad[0]
        raise FrameError(
            f"{len(bad)} sentence(s) differ between the predictions and the gold table, "
            f"first doc_id {k[0]!r} sentence {k[1]}: {texts[k]!r} vs {g_texts[k]!r}"
        )


def _positive(pred: pd.DataFrame, gold: pd.DataFrame, key: list[str]) -> set[tuple]:
    """(doc_id, sentence_no, frame) of every predicted hit.

    A sentence-score table must cover every gold sentence (else FrameError).
    """
    if "hits" in pred.columns and "tokens" in pred.columns:
        have = set(map(tuple, pred[key].drop_duplicates().itertuples(index=False, name=None)))
        absent = [k for k in gold[key].itertuples(index=False, name=None) if k not in have]
        if absent:
            raise FrameError(
                f"{len(absent)} gold sentence(s) are not in the predictions, first "
                f"doc_id {absent[0][0]!r} sentence {absent[0][1]}"
            )
        pos = pred.loc[pred["hits"] > 0, key + ["frame"]]
    else:
        pos = pred[key + ["frame"]]
    return set(pos.itertuples(index=False, name=None))


def _frame_counts(truth: np.ndarray, guess: np.ndarray) -> dict[str, Any]:
    """tp, fp, fn, precision, recall, F1 (NaN when undefined) and support of one frame."""
    tp = int((truth & guess).sum())
    fp = int((~truth & guess).sum())
    fn = int((truth & ~guess).sum())
    p = tp / (tp + fp) if tp + fp else np.nan
    r = tp / (tp + fn) if tp + fn else np.nan
    if tp + fp and tp + fn:
        f1 = 2 * p * r / (p + r) if p + r else 0.0
    else:
        f1 = np.nan
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1, "support": tp + fn}


def evaluate_lexicon(
    predicted: pd.DataFrame, gold: pd.DataFrame, *, frames: Sequence[str] | None = None
) -> pd.DataFrame:
    """Per-frame precision, recall and F1 of the lexicon against hand-coded sentences.

    Also available as ``analysis.frames.evaluate_lexicon``.

    Parameters
    ----------
    predicted : pandas.DataFrame
        The evidence table of :func:`analysis.frames.frame_evidence` (one row per hit)
        or the ``by="sentence"`` table of :func:`analysis.frames.frame_scores`. A
        sentence is predicted positive for a frame when it has at least one hit of that
        frame.
    gold : pandas.DataFrame
        Hand coding, one row per sentence, with ``doc_id``, ``sentence_no``,
        ``sentence`` and one 0/1 column per frame (as read by :func:`read_hand_coding`).
        Only the gold sentences are scored.
    frames : sequence of str, optional
        The frames to score; default: the gold columns other than ``doc_id``,
        ``sentence_no``, ``sentence``, ``voice``, ``speaker``, ``note``.

    Returns
    -------
    pandas.DataFrame
        Index ``frame``; columns ``tp``, ``fp``, ``fn`` (sentence counts), ``precision``
        ``= tp / (tp + fp)``, ``recall = tp / (tp + fn)``, ``f1`` (their harmonic mean;
        NaN when undefined), ``support`` (gold positives, ``tp + fn``).

    Raises
    ------
    FrameError
        When the tables do not align: a sentence of both tables with different texts
        (the sentence numbering differs), a gold sentence missing from a sentence-score
        table, or a frame missing from the gold table.
    """
    key = ["doc_id", "sentence_no"]
    gold = gold.copy()
    gold["doc_id"] = gold["doc_id"].astype(str)
    gold["sentence_no"] = gold["sentence_no"].astype(int)
    if frames is None:
        frames = [c for c in gold.columns if c not in _GOLD_NON_FRAME]
    missing = [f for f in frames if f not in gold.columns]
    if missing:
        raise FrameError(f"gold table has no column for frame(s) {', '.join(missing)}")
    pred = predicted.copy()
    pred["doc_id"] = pred["doc_id"].astype(str)
    pred["sentence_no"] = pred["sentence_no"].astype(int)
    _check_same_sentences(pred, gold, key)
    positive = _positive(pred, gold, key)
    gold_keys = list(gold[key].itertuples(index=False, name=None))
    rows = []
    for f in frames:
        truth = gold[f].fillna(0).astype(int).to_numpy() > 0
        guess = np.array([(d, s, f) in positive for d, s in gold_keys], dtype=bool)
        rows.append({"frame": f, **_frame_counts(truth, guess)})
    return pd.DataFrame(rows).set_index("frame")


# ---------------------------------------------------------------------------- quotes


def _norm_quote_text(s: Any) -> str:
    if not isinstance(s, str):
        return ""
    s = _MARK_STRIP_RE.sub(" ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s.strip(" ,.;:")


def _overlap(a: str, b: str) -> int:
    sm = SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in sm.get_matching_blocks())


def _same_speaker(a: Any, b: Any) -> bool:
    """Same person: equal after normalising, or one name's words within the other's
    (``Slamet`` and ``Slamet Soemosentono``); two empty speakers agree."""
    na = normalize_speaker(a if isinstance(a, str) else "").lower().replace(".", " ").split()
    nb = normalize_speaker(b if isinstance(b, str) else "").lower().replace(".", " ").split()
    if not na or not nb:
        return not na and not nb
    sa, sb = set(na), set(nb)
    return sa <= sb or sb <= sa


def _pair_quotes(g: pd.DataFrame, p: pd.DataFrame) -> list[tuple[int, Any, Any]]:
    """One-to-one pairs ``(overlap, gold index, predicted index)`` of one document,
    best overlap first: texts sharing at least half of the longer one's characters."""
    pairs = []
    for gi, gt in zip(g.index, g["_t"]):
        for pi, pt in zip(p.index, p["_t"]):
            ov = _overlap(gt, pt)
            if ov >= 0.5 * max(len(gt), len(pt)):
                pairs.append((-ov, gi, pi))
    pairs.sort()
    used_g: set = set()
    used_p: set = set()
    out = []
    for neg_ov, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((-neg_ov, gi, pi))
    return out


def _quote_rows(doc_id: str, g: pd.DataFrame, p: pd.DataFrame) -> list[tuple]:
    """The ``matches`` rows of one document: matched pairs, then missed, then spurious."""
    rows = []
    pairs = _pair_quotes(g, p)
    for ov, gi, pi in pairs:
        ok = _same_speaker(g.at[gi, "speaker"], p.at[pi, "speaker"])
        rows.append(
            (
                doc_id,
                g.at[gi, "text"],
                p.at[pi, "text"],
                ov,
                g.at[gi, "speaker"],
                p.at[pi, "speaker"],
                ok,
                "matched",
            )
        )
    used_g = {gi for _ov, gi, _pi in pairs}
    used_p = {pi for _ov, _gi, pi in pairs}
    for gi in g.index:
        if gi not in used_g:
            rows.append((doc_id, g.at[gi, "text"], "", 0, g.at[gi, "speaker"], "", False, "missed"))
    for pi in p.index:
        if pi not in used_p:
            rows.append(
                (doc_id, "", p.at[pi, "text"], 0, "", p.at[pi, "speaker"], False, "spurious")
            )
    return rows


def evaluate_quotes(predicted: pd.DataFrame, gold: pd.DataFrame) -> dict[str, Any]:
    """Precision and recall of extracted quotes against a hand-coded sample.

    Also available as ``analysis.quotes.evaluate_quotes``. A predicted quote matches a
    gold quote of the same ``doc_id`` when their texts (quote marks removed, whitespace
    collapsed, surrounding punctuation stripped) have in common, in order, at least half
    of the longer one's characters (difflib matching blocks). Matching is one-to-one,
    best overlap first. Only documents that appear in ``gold`` are scored, so the sample
    may cover part of a corpus (a document listed in gold with no quotes needs a row
    with an empty text to count).

    Parameters
    ----------
    predicted : pandas.DataFrame
        A :func:`analysis.quotes.quotes` table (columns ``doc_id``, ``text``,
        ``speaker``).
    gold : pandas.DataFrame
        Hand-coded quotes with columns ``doc_id``, ``text``, ``speaker`` (as read by
        :func:`read_hand_quotes`).

    Returns
    -------
    dict
        ``n_predicted``, ``n_gold``, ``n_matched``, ``precision``, ``recall``, ``f1``
        (NaN when undefined), ``speaker_accuracy`` (share of matched quotes whose
        speakers agree: same name, or one name's words within the other's, both empty
        agreeing), ``precision_ci``, ``recall_ci``, ``speaker_accuracy_ci`` (95% Wilson
        intervals: on a sample of a dozen quotes, 100% means "at least about 77%") and
        ``matches``: a DataFrame with one row per gold or predicted quote
        (``doc_id``, ``gold_text``, ``predicted_text``, ``overlap``, ``gold_speaker``,
        ``predicted_speaker``, ``speaker_ok``, ``status`` = matched / missed / spurious).
    """
    gold = gold.copy()
    gold["doc_id"] = gold["doc_id"].astype(str)
    gold["_t"] = gold["text"].map(_norm_quote_text)
    gold = gold[gold["_t"] != ""]
    pred = predicted.reset_index(drop=True).copy()
    pred["doc_id"] = pred["doc_id"].astype(str)
    docs = set(gold["doc_id"])
    pred = pred[pred["doc_id"].isin(docs)]
    pred["_t"] = pred["text"].map(_norm_quote_text)
    rows = []
    for doc_id in sorted(docs):
        rows.extend(
            _quote_rows(doc_id, gold[gold["doc_id"] == doc_id], pred[pred["doc_id"] == doc_id])
        )
    n_pred, n_gold = len(pred), len(gold)
    n_matched = sum(1 for r in rows if r[7] == "matched")
    speaker_ok = sum(1 for r in rows if r[7] == "matched" and r[6])
    nan = float("nan")
    precision = n_matched / n_pred if n_pred else nan
    recall = n_matched / n_gold if n_gold else nan
    f1 = (
        2 * precision * recall / (precision + recall)
        if n_pred and n_gold and (precision + recall)
        else nan
    )
    matches = pd.DataFrame(
        rows,
        columns=[
            "doc_id",
            "gold_text",
            "predicted_text",
            "overlap",
            "gold_speaker",
            "predicted_speaker",
            "speaker_ok",
            "status",
        ],
    )
    matches.index.name = "pair"
    return {
        "n_predicted": n_pred,
        "n_gold": n_gold,
        "n_matched": n_matched,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "speaker_accuracy": speaker_ok / n_matched if n_matched else nan,
        "precision_ci": wilson_interval(n_matched, n_pred),
        "recall_ci": wilson_interval(n_matched, n_gold),
        "speaker_accuracy_ci": wilson_interval(speaker_ok, n_matched),
        "matches": matches,
    }


# ---------------------------------------------------------------------------- voices


def _align_voices(predicted: pd.DataFrame, gold: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Gold and predicted sentences side by side (gold columns suffixed ``_gold``), and
    the number left out because their texts differ; gold rows without a voice dropped."""
    g = gold.copy()
    g["doc_id"] = g["doc_id"].astype(str)
    g["sentence_no"] = pd.to_numeric(g["sentence_no"]).astype("int64")
    g = g[g["voice"].fillna("").astype(str).str.strip() != ""]
    p = predicted.copy()
    p["doc_id"] = p["doc_id"].astype(str)
    p["sentence_no"] = p["sentence_no"].astype("int64")
    keep = ["doc_id", "sentence_no", "voice", "speaker"] + (
        ["sentence"] if "sentence" in p.columns else []
    )
    m = g.merge(p[keep], on=["doc_id", "sentence_no"], how="inner", suffixes=("_gold", ""))
    if "sentence" not in g.columns or "sentence" not in p.columns:
        return m, 0

    def ws(s: Any) -> str:
        return re.sub(r"\s+", " ", s).strip() if isinstance(s, str) else ""

    same = m["sentence_gold"].map(ws) == m["sentence"].map(ws)
    return m[same], int((~same).sum())


def _per_voice(gv: pd.Series, pv: pd.Series, labels: list[str]) -> pd.DataFrame:
    """Precision, recall and support of each voice label."""
    nan = float("nan")
    per = []
    for v in labels:
        tp = int(((gv == v) & (pv == v)).sum())
        npred, ngold = int((pv == v).sum()), int((gv == v).sum())
        per.append((v, tp / npred if npred else nan, tp / ngold if ngold else nan, ngold))
    per_voice = pd.DataFrame(per, columns=["voice", "precision", "recall", "support"])
    return per_voice.set_index("voice")


def _speaker_agreement(m: pd.DataFrame, gv: pd.Series, pv: pd.Series) -> float:
    """Among sentences both call speech and gold gives a speaker: share of agreeing ones."""
    if "speaker_gold" not in m.columns:
        return float("nan")
    speech = (gv != "narration") & (pv != "narration")
    has = speech & m["speaker_gold"].fillna("").astype(str).str.strip().ne("")
    sp_ok = [_same_speaker(a, b) for a, b in zip(m.loc[has, "speaker_gold"], m.loc[has, "speaker"])]
    return sum(sp_ok) / len(sp_ok) if sp_ok else float("nan")


def evaluate_voices(predicted_sentences: pd.DataFrame, gold: pd.DataFrame) -> dict[str, Any]:
    """Accuracy of sentence voices against a hand-coded sample.

    Also available as ``analysis.quotes.evaluate_voices``. Sentences are aligned on
    ``doc_id`` and ``sentence_no``; gold rows whose ``voice`` is empty are not scored.
    When both tables have a ``sentence`` column, rows whose sentence texts differ (after
    collapsing whitespace) are counted in ``n_misaligned`` and left out, so a different
    sentence split cannot pass as a voice error or a voice success.

    Parameters
    ----------
    predicted_sentences : pandas.DataFrame
        A :func:`analysis.quotes.sentence_table` (``doc_id``, ``sentence_no``,
        ``voice``, ``speaker``).
    gold : pandas.DataFrame
        Hand-coded sentences with ``doc_id``, ``sentence_no``, ``voice`` and optionally
        ``speaker`` (as read by :func:`read_hand_coding`).

    Returns
    -------
    dict
        ``n`` (sentences scored), ``n_misaligned``, ``accuracy`` (share of sentences
        whose voice agrees) with ``accuracy_ci`` (95% Wilson interval),
        ``majority_baseline`` (accuracy of always answering the most frequent gold
        voice), ``kappa`` (Cohen's kappa: agreement beyond chance, the statistic
        content analysts use for a coding instrument), ``leader_voice_accuracy``
        (agreement on the coarser question "the speaker's words (direct or indirect) or
        the journalist's (narration)?"), ``confusion`` (DataFrame: gold voice in rows,
        index ``gold``; predicted voice in columns; counts), ``per_voice`` (DataFrame
        indexed by ``voice`` with ``precision``, ``recall``, ``support``),
        ``speaker_accuracy`` (among sentences both call direct or indirect and gold
        gives a speaker: share whose speakers agree as in :func:`evaluate_quotes`) and
        ``errors`` (the disagreeing rows).
    """
    m, n_mis = _align_voices(predicted_sentences, gold)
    gv = m["voice_gold"].astype(str).str.strip().str.lower()
    pv = m["voice"].astype(str)
    n = len(m)
    nan = float("nan")
    labels = list(VOICES) + sorted(set(gv) - set(VOICES))
    confusion = pd.crosstab(
        pd.Categorical(gv, categories=labels),
        pd.Categorical(pv, categories=labels),
        dropna=False,
    )
    confusion.index.name = "gold"
    confusion.columns.name = "predicted"
    n_ok = int((gv == pv).sum())
    return {
        "n": n,
        "n_misaligned": n_mis,
        "accuracy": n_ok / n if n else nan,
        "accuracy_ci": wilson_interval(n_ok, n),
        "majority_baseline": float(gv.value_counts().iloc[0] / n) if n else nan,
        "kappa": cohen_kappa(gv, pv, labels),
        "leader_voice_accuracy": float(((gv == "narration") == (pv == "narration")).mean())
        if n
        else nan,
        "confusion": confusion,
        "per_voice": _per_voice(gv, pv, labels),
        "speaker_accuracy": _speaker_agreement(m, gv, pv),
        "errors": m[gv != pv].reset_index(drop=True),
    }
