"""Validating the frame coding on a researcher's own corpus: coding sheets and their scores.

The lexicon and the voice rules were checked on articles of one genre; a new corpus (a
province, a decade, another kind of outlet) needs its own check. The workflow:

1. :func:`sample_for_coding` draws a seeded, stratified random sample of sentences and
   returns (and with ``path=`` writes) a coding sheet: ``doc_id``, ``sentence_no``,
   ``sentence``, one empty 0/1 column per frame and an empty ``voice`` column. It holds
   nothing of the package's own coding, so the coder is blind to it.
2. A coder fills it in by the codebook; :func:`read_coding` checks the filled sheet and
   names every bad row (wrong columns, a value other than 0/1, an unknown voice).
3. :func:`score_coding` compares the package with the sheet: per frame precision, recall
   and F1 with bootstrap intervals, the confusion counts, voice accuracy and Cohen's
   kappa, and every sentence on which they disagree.
4. :func:`coder_agreement` compares two coders' sheets of the same sample
   (Krippendorff's alpha per frame, Cohen's kappa for voice): the ceiling the package
   can be held to.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .agreement import cohen_kappa, krippendorff_alpha
from .bootstrap import group_rng
from .corpus import CorpusError, as_documents, read_article
from .frame_model import model_frames
from .frames import FrameMatcher, frame_scores

__all__ = [
    "CodingError",
    "CodingScore",
    "VOICE_LABELS",
    "coder_agreement",
    "read_coding",
    "sample_for_coding",
    "score_coding",
]

#: The voices a coder may give a sentence.
VOICE_LABELS = ("direct", "indirect", "narration")
_KEY = ["doc_id", "sentence_no"]


class CodingError(ValueError):
    """A bad coding sheet: the message names the file (or table) and the row."""


# ------------------------------------------------------------------------ the sample


def sample_for_coding(
    corpus: Any,
    *,
    n: int = 200,
    seed: int = 12345,
    by: str | None = None,
    lexicon: Any = None,
    path: str | Path | None = None,
    overwrite: bool = False,
    jobs: int | None = None,
) -> pd.DataFrame:
    """A random sample of sentences to code by hand, as a coding sheet.

    Parameters
    ----------
    corpus : Any
        Anything :func:`analysis.corpus.as_documents` accepts.
    n : int
        Sentences to draw (all of them when the corpus has fewer).
    seed : int
        Seed of the draw: the same corpus, ``n``, ``seed`` and ``by`` give the same sheet.
    by : str or None
        A metadata column (``leader``, ``outlet``, ``level`` ...) to stratify by: each of
        its values gets a share of the sample proportional to its number of sentences
        (largest remainders; every value with a sentence gets at least one when ``n``
        allows). ``None``: one simple random sample of all sentences.
    lexicon : Any
        The lexicon whose frames become the sheet's columns (default: the packaged one).
    path : str or Path or None
        Also write the sheet there as UTF-8 CSV (written whole or not at all).
    overwrite : bool
        Replace an existing file at ``path`` (by default an existing file, perhaps a
        coder's filled sheet, is never overwritten).
    jobs : int or None
        Worker processes for splitting the corpus into sentences.

    Returns
    -------
    pandas.DataFrame
        Index ``row`` (0, 1, ...), sentences in corpus order. Columns ``doc_id``,
        ``sentence_no`` (as in :func:`analysis.quotes.sentence_table`), ``by`` when given,
        ``sentence``, one empty column per frame (to fill with 1 when the sentence
        expresses the frame, else 0), ``voice`` (to fill with ``direct``, ``indirect``
        or ``narration``) and ``note`` (free text, optional).

    Raises
    ------
    ValueError
        When ``n`` is below 1 or ``by`` is not a column of the corpus.
    FileExistsError
        When ``path`` exists and ``overwrite`` is False.
    """
    if n < 1:
        raise ValueError(f"n must be 1 or more, got {n}")
    if path is not None and Path(path).exists() and not overwrite:
        raise FileExistsError(f"{path}: exists; choose another file or pass overwrite=True")
    matcher = lexicon if isinstance(lexicon, FrameMatcher) else FrameMatcher(lexicon)
    scores = frame_scores(corpus, by="sentence", lexicon=matcher, n_boot=0, jobs=jobs)
    sentences = scores.drop_duplicates(_KEY)[_KEY + ["sentence"]].reset_index(drop=True)
    if by:
        groups = _strata(corpus, sentences, by)
    else:
        groups = pd.Series("", index=sentences.index)
    chosen = _draw(groups, n, seed)
    sheet = sentences.loc[chosen].sort_index()
    if by:
        sheet.insert(2, by, groups.loc[chosen].sort_index().to_numpy())
    for column in (*matcher.frames, "voice", "note"):  # empty cells a coder fills in
        sheet[column] = pd.Series("", index=sheet.index, dtype=object)
    sheet = sheet.reset_index(drop=True)
    sheet.index.name = "row"
    if path is not None:
        _write_csv(sheet, Path(path))
    return sheet


def _strata(corpus: Any, sentences: pd.DataFrame, by: str) -> pd.Series:
    """The ``by`` value of each sentence's document."""
    values: dict[str, Any] = {}
    for doc in as_documents(corpus):
        if by not in doc:
            continue
        values[str(doc["doc_id"])] = doc[by]
    if not values:
        raise ValueError(f"no document has the metadata column {by!r}")
    return sentences["doc_id"].astype(str).map(values).fillna("(none)").astype(str)


def _draw(groups: pd.Series, n: int, seed: int) -> list[int]:
    """Row labels of a proportional stratified sample of ``n`` (seeded per stratum)."""
    sizes = groups.value_counts().sort_index()
    n = min(n, int(sizes.sum()))
    exact = sizes / sizes.sum() * n
    take = np.floor(exact).astype(int)
    if n >= len(sizes):
        take = take.clip(lower=1)
    rest = n - int(take.sum())
    order = (exact - np.floor(exact)).sort_values(ascending=False, kind="stable").index
    for key in order:
        if rest <= 0:
            break
        if take[key] < sizes[key]:
            take[key] += 1
            rest -= 1
    chosen: list[int] = []
    for key in sizes.index:
        rows = groups.index[groups == key].to_numpy()
        k = int(min(take[key], len(rows)))
        chosen.extend(group_rng(seed, key).choice(rows, size=k, replace=False).tolist())
    return sorted(chosen)


def _write_csv(sheet: pd.DataFrame, path: Path) -> None:
    """Write ``sheet`` to ``path`` whole or not at all (temporary file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            sheet.to_csv(fh, index=False, lineterminator="\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# ------------------------------------------------------------------------ reading


def read_coding(source: Any, *, frames: Any = None) -> pd.DataFrame:
    """Read and check a filled coding sheet.

    Parameters
    ----------
    source : str or Path or pandas.DataFrame
        A CSV file written by :func:`sample_for_coding` and filled in, or such a table.
    frames : sequence of str or None
        The frame columns (default: those of the packaged lexicon).

    Returns
    -------
    pandas.DataFrame
        Index ``row``; ``doc_id`` (str), ``sentence_no`` (int), ``sentence``, one int 0/1
        column per frame, ``voice`` (``direct``/``indirect``/``narration``), and any other
        column of the sheet as text.

    Raises
    ------
    CodingError
        Naming the file and the row (as numbered in a spreadsheet: the header is row 1)
        for a missing column, a sentence listed twice, a frame value other than 0 or 1
        (an empty cell included) or a voice other than the three.
    """
    frames = list(frames) if frames is not None else list(FrameMatcher().frames)
    where, table = _coding_table(source)
    missing = [c for c in [*_KEY, *frames, "voice"] if c not in table.columns]
    if missing:
        raise CodingError(
            f"{where}: missing column(s) {', '.join(missing)} (a coding sheet has doc_id, "
            f"sentence_no, sentence, {', '.join(frames)}, voice)"
        )
    out = table.copy()
    for i, row in enumerate(out.itertuples(index=False), start=2):
        rec = row._asdict() if hasattr(row, "_asdict") else dict(zip(out.columns, row))
        _check_row(where, i, rec, frames)
    out["sentence_no"] = out["sentence_no"].astype(int)
    for f in frames:
        out[f] = out[f].astype(str).str.strip().astype(float).astype(int)
    out["voice"] = out["voice"].astype(str).str.strip().str.lower()
    dup = out.duplicated(_KEY)
    if dup.any():
        i = int(np.flatnonzero(dup.to_numpy())[0])
        raise CodingError(
            f"{where}: row {i + 2}: doc_id {out.at[i, 'doc_id']!r} sentence "
            f"{out.at[i, 'sentence_no']} is listed twice"
        )
    out.index.name = "row"
    return out


def _coding_table(source: Any) -> tuple[str, pd.DataFrame]:
    if isinstance(source, pd.DataFrame):
        table = source.reset_index(drop=True).astype(object).where(source.notna(), "")
        return "coding table", table.astype({"doc_id": str})
    path = Path(source)
    try:
        text, _ = read_article(path)
    except CorpusError as exc:
        raise CodingError(str(exc)) from None
    try:
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, ValueError) as exc:
        raise CodingError(f"{path}: malformed CSV ({exc})") from None
    return str(path), table


def _check_row(where: str, i: int, rec: dict, frames: list[str]) -> None:
    """Raise :class:`CodingError` for a bad row ``i`` (1-based, header = row 1)."""
    head = f"{where}: row {i} (doc_id {rec.get('doc_id')!r}, sentence {rec.get('sentence_no')!r})"
    try:
        int(str(rec["sentence_no"]).strip())
    except ValueError:
        raise CodingError(f"{head}: sentence_no must be a whole number") from None
    for f in frames:
        value = str(rec[f]).strip()
        if value not in ("0", "1", "0.0", "1.0"):
            shown = repr(value) if value else "empty"
            raise CodingError(f"{head}: {f} is {shown}; fill 1 (frame present) or 0 (absent)")
    voice = str(rec["voice"]).strip().lower()
    if voice not in VOICE_LABELS:
        shown = repr(voice) if voice else "empty"
        raise CodingError(f"{head}: voice is {shown}; use {', '.join(VOICE_LABELS)}")


# ------------------------------------------------------------------------ scoring


@dataclass
class CodingScore:
    """The package's coding compared with a coder's sheet (:func:`score_coding`).

    Attributes
    ----------
    frames : pandas.DataFrame
        Index ``frame``. ``n`` (sentences scored), ``tp``, ``fp``, ``fn``, ``tn``
        (sentences: coded 1 and found, found but coded 0, coded 1 and missed, neither),
        ``precision = tp / (tp + fp)``, ``recall = tp / (tp + fn)``, ``f1``, each with a
        percentile bootstrap interval (``*_low``, ``*_high``) over the sheet's articles
        (resampled with their sentences; over sentences when the sheet holds one
        article). NaN when undefined.
    voice : pandas.DataFrame
        One row (index ``voice``): ``n``, ``accuracy`` with its bootstrap interval,
        ``kappa`` (Cohen's kappa of the package's voices against the coder's).
    confusion : pandas.DataFrame
        Voices: the coder's in rows (index ``coded``), the package's in columns; counts.
    disagreements : pandas.DataFrame
        Every sentence on which a frame or the voice differs: ``doc_id``,
        ``sentence_no``, ``sentence``, ``coded_frames``, ``found_frames`` (frame names
        joined by ``+``), ``coded_voice``, ``found_voice``.
    """

    frames: pd.DataFrame
    voice: pd.DataFrame
    confusion: pd.DataFrame
    disagreements: pd.DataFrame


def score_coding(
    coding: Any,
    corpus: Any,
    *,
    lexicon: Any = None,
    coder: str = "lexicon",
    model: Any = None,
    n_boot: int = 1000,
    ci: float = 0.95,
    seed: int = 12345,
    jobs: int | None = None,
) -> CodingScore:
    """Compare the package's frames and voices with a coder's filled sheet.

    Parameters
    ----------
    coding : str or Path or pandas.DataFrame
        A filled coding sheet (read and checked with :func:`read_coding`).
    corpus : Any
        The corpus the sheet was drawn from (anything
        :func:`analysis.corpus.as_documents` accepts).
    lexicon : Any
        The lexicon to score (default: the packaged one); the sheet must have its frames.
    coder : {"lexicon", "model"}
        Score the lexicon's codes (a frame where it has hits, the default) or the
        opt-in trained model's (:func:`analysis.frame_model.model_frames`), to choose
        the one that agrees better with your coder.
    model : FrameModel, str or Path, optional
        With ``coder="model"``: a model or model file of your own (default: the
        packaged one).
    n_boot : int
        Bootstrap resamples for the intervals (0: none).
    ci : float
        Coverage of the intervals.
    seed : int
        Seed of the bootstrap.
    jobs : int or None
        Worker processes for coding the corpus.

    Returns
    -------
    CodingScore
        Per-frame precision, recall and F1 with intervals, voice accuracy and kappa, the
        voice confusion table and the disagreeing sentences.

    Raises
    ------
    CodingError
        For a bad sheet (see :func:`read_coding`), a sentence of the sheet that the
        corpus does not have, or one whose text differs (the corpus changed since the
        sheet was drawn), naming the row.
    ValueError
        For a ``coder`` other than ``"lexicon"`` or ``"model"``, or a ``model`` with
        the lexicon's coder.
    FrameError
        For a bad model file, or a model whose frames are not the lexicon's.
    """
    if coder not in ("lexicon", "model"):
        raise ValueError(f"coder must be 'lexicon' or 'model', not {coder!r}")
    if model is not None and coder != "model":
        raise ValueError("a model is scored with coder='model'")
    matcher = lexicon if isinstance(lexicon, FrameMatcher) else FrameMatcher(lexicon)
    frames = list(matcher.frames)
    sheet = read_coding(coding, frames=frames)
    where = coding if isinstance(coding, (str, Path)) else "coding table"
    found = _found(corpus, matcher, jobs, coder, model)
    merged = _align(sheet, found, where)
    coded = merged[frames].to_numpy(dtype=bool)
    guess = merged[[f"{f}_found" for f in frames]].to_numpy(dtype=bool)
    units = pd.factorize(merged["doc_id"])[0]
    if len(np.unique(units)) < 2:
        units = np.arange(len(merged))
    frame_table = _frame_table(frames, coded, guess, units, n_boot, ci, seed)
    voice_table, confusion = _voice_tables(merged, units, n_boot, ci, seed)
    return CodingScore(frame_table, voice_table, confusion, _disagreements(merged, frames))


def _found(
    corpus: Any, matcher: FrameMatcher, jobs: int | None, coder: str, model: Any = None
) -> pd.DataFrame:
    """The package's sentences: frames found (hits > 0, or the model's codes) and voice,
    one row each."""
    if coder == "model":
        scores = model_frames(corpus, model=model, lexicon=matcher, jobs=jobs)
        value = "coded"
    else:
        scores = frame_scores(corpus, by="sentence", lexicon=matcher, n_boot=0, jobs=jobs)
        value = "hits"
    wide = scores.pivot_table(index=_KEY, columns="frame", values=value, aggfunc="sum")
    wide = (wide[list(matcher.frames)] > 0).add_suffix("_found").reset_index()
    meta = scores.drop_duplicates(_KEY)[[*_KEY, "sentence", "voice"]]
    out = meta.merge(wide, on=_KEY, how="left")
    out["doc_id"] = out["doc_id"].astype(str)
    return out


def _align(sheet: pd.DataFrame, found: pd.DataFrame, where: Any) -> pd.DataFrame:
    """The sheet's rows with the package's coding beside them; unknown or changed
    sentences raise :class:`CodingError` naming the row."""
    sheet = sheet.reset_index(drop=True)
    merged = sheet.merge(found, on=_KEY, how="left", suffixes=("", "_corpus"), indicator=True)
    absent = np.flatnonzero((merged["_merge"] == "left_only").to_numpy())
    if len(absent):
        i = int(absent[0])
        raise CodingError(
            f"{where}: row {i + 2}: doc_id {merged.at[i, 'doc_id']!r} sentence "
            f"{merged.at[i, 'sentence_no']} is not a sentence of the corpus ({len(absent)} "
            "such row(s)); score the sheet against the corpus it was drawn from"
        )
    if "sentence" in sheet.columns:
        a = merged["sentence"].astype(str).str.split().str.join(" ")
        b = merged["sentence_corpus"].astype(str).str.split().str.join(" ")
        changed = np.flatnonzero((a != b).to_numpy())
        if len(changed):
            i = int(changed[0])
            raise CodingError(
                f"{where}: row {i + 2}: the sentence differs from the corpus's sentence "
                f"{merged.at[i, 'sentence_no']} of {merged.at[i, 'doc_id']!r}; the corpus "
                "or the cleaner changed since the sheet was drawn"
            )
    return merged.drop(columns=["_merge"])


def _prf(coded: np.ndarray, guess: np.ndarray) -> np.ndarray:
    """(tp, fp, fn, tn, precision, recall, f1) per column of two boolean arrays."""
    tp = (coded & guess).sum(axis=0)
    fp = (~coded & guess).sum(axis=0)
    fn = (coded & ~guess).sum(axis=0)
    tn = (~coded & ~guess).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.where(tp + fp > 0, tp / np.maximum(tp + fp, 1), np.nan)
        r = np.where(tp + fn > 0, tp / np.maximum(tp + fn, 1), np.nan)
        f = np.where(p + r > 0, 2 * p * r / (p + r), np.where(np.isnan(p + r), np.nan, 0.0))
    return np.vstack([tp, fp, fn, tn, p, r, f])


def _resampled(units: np.ndarray, n_boot: int, seed: int, key: str):
    """Row indices of each bootstrap resample of the units (articles or sentences)."""
    uniq = np.unique(units)
    members = [np.flatnonzero(units == u) for u in uniq]
    rng = group_rng(seed, key)
    for _ in range(n_boot):
        pick = rng.integers(0, len(uniq), size=len(uniq))
        yield np.concatenate([members[k] for k in pick])


def _frame_table(frames, coded, guess, units, n_boot, ci, seed) -> pd.DataFrame:
    stats = _prf(coded, guess)
    table = pd.DataFrame(
        stats.T,
        index=pd.Index(frames, name="frame"),
        columns=["tp", "fp", "fn", "tn", "precision", "recall", "f1"],
    )
    table.insert(0, "n", len(coded))
    for c in ("tp", "fp", "fn", "tn"):
        table[c] = table[c].astype("int64")
    alpha = (1 - ci) / 2 * 100
    resamples = _resampled(units, n_boot, seed, "frames")
    draws = [_prf(coded[rows], guess[rows])[4:] for rows in resamples]
    for j, name in enumerate(("precision", "recall", "f1")):
        if draws:
            values = np.array([d[j] for d in draws])
            lo = np.nanpercentile(values, alpha, axis=0)
            hi = np.nanpercentile(values, 100 - alpha, axis=0)
        else:
            lo = hi = np.full(len(frames), np.nan)
        table[f"{name}_low"], table[f"{name}_high"] = lo, hi
    order = ["n", "tp", "fp", "fn", "tn"] + [
        c for name in ("precision", "recall", "f1") for c in (name, f"{name}_low", f"{name}_high")
    ]
    return table[order]


def _voice_tables(merged, units, n_boot, ci, seed) -> tuple[pd.DataFrame, pd.DataFrame]:
    coded = merged["voice"].astype(str).to_numpy()
    found = merged["voice_corpus"].astype(str).to_numpy()
    same = coded == found
    alpha = (1 - ci) / 2 * 100
    accs = [same[rows].mean() for rows in _resampled(units, n_boot, seed, "voice")]
    lo, hi = np.percentile(accs, [alpha, 100 - alpha]) if accs else (np.nan, np.nan)
    voice = pd.DataFrame(
        {
            "n": [len(same)],
            "accuracy": [same.mean() if len(same) else np.nan],
            "accuracy_low": [lo],
            "accuracy_high": [hi],
            "kappa": [cohen_kappa(list(coded), list(found))],
        },
        index=pd.Index(["voice"], name="voice"),
    )
    labels = list(VOICE_LABELS)
    confusion = pd.crosstab(
        pd.Categorical(coded, categories=labels),
        pd.Categorical(found, categories=labels),
        dropna=False,
    )
    confusion.index.name, confusion.columns.name = "coded", "found"
    return voice, confusion


def _disagreements(merged: pd.DataFrame, frames: list[str]) -> pd.DataFrame:
    def names(row, suffix=""):
        return "+".join(f for f in frames if bool(row[f + suffix]))

    coded = merged.apply(names, axis=1)
    found = merged.apply(lambda r: names(r, "_found"), axis=1)
    differ = (coded != found) | (merged["voice"] != merged["voice_corpus"])
    out = pd.DataFrame(
        {
            "doc_id": merged["doc_id"],
            "sentence_no": merged["sentence_no"],
            "sentence": merged["sentence_corpus"],
            "coded_frames": coded,
            "found_frames": found,
            "coded_voice": merged["voice"],
            "found_voice": merged["voice_corpus"],
        }
    )[differ.to_numpy()]
    return out.reset_index(drop=True).rename_axis("row")


# ------------------------------------------------------------------------ two coders


def coder_agreement(first: Any, second: Any, *, frames: Any = None) -> pd.DataFrame:
    """Agreement of two coders on the same sentences.

    Parameters
    ----------
    first, second : str or Path or pandas.DataFrame
        Two filled coding sheets (checked with :func:`read_coding`); sentences are paired
        by ``doc_id`` and ``sentence_no``, and only sentences in both are compared.
    frames : sequence of str or None
        The frame columns (default: those of the packaged lexicon).

    Returns
    -------
    pandas.DataFrame
        Index ``label`` (each frame, then ``voice``). Columns ``n`` (sentences in both),
        ``agreement`` (share coded the same), ``alpha`` (Krippendorff's alpha, nominal,
        two coders), ``kappa`` (Cohen's kappa), ``first``, ``second`` (sentences each
        coder marks with the frame; for voice, NaN).

    Raises
    ------
    CodingError
        For a bad sheet, or when the sheets share no sentence.
    """
    frames = list(frames) if frames is not None else list(FrameMatcher().frames)
    a = read_coding(first, frames=frames)
    b = read_coding(second, frames=frames)
    m = a.merge(b, on=_KEY, suffixes=("_1", "_2"))
    if m.empty:
        raise CodingError("the two coding sheets share no sentence (doc_id, sentence_no)")
    rows = []
    for label in [*frames, "voice"]:
        x, y = m[f"{label}_1"].tolist(), m[f"{label}_2"].tolist()
        rows.append(
            {
                "label": label,
                "n": len(m),
                "agreement": float(np.mean([p == q for p, q in zip(x, y)])),
                "alpha": krippendorff_alpha(x, y),
                "kappa": cohen_kappa(x, y),
                "first": float(sum(x)) if label != "voice" else np.nan,
                "second": float(sum(y)) if label != "voice" else np.nan,
            }
        )
    return pd.DataFrame(rows).set_index("label")
