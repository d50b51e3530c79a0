"""What a group's keyness is measured against: the rest, another group, or a reference list.

:func:`analysis.keyness.keyness_by_group` compares each group of a corpus with a
reference corpus. By default that is the rest of the corpus (all the other groups
together); this module gives the two other references corpus linguists ask for:

- :func:`read_reference`     a reference frequency list from a CSV file (``term,count``),
  e.g. the ``terms`` table of a larger corpus (AntConc's and Sketch Engine's reference
  corpus keyness)
- :func:`comparison_pairs`   (group, target counts, reference counts) for every group to
  compare: against a reference list, or group A against group B only

It computes no statistic: :func:`analysis.keyness.keyness_table` scores every pair.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from pathlib import Path
from typing import Any

__all__ = ["comparison_pairs", "read_reference"]

_WHOLE_NUMBER_RE = re.compile(r"\s*\d+\s*")


def read_reference(path: str | Path) -> Counter:
    """Read a reference frequency list: a UTF-8 CSV file with the columns ``term,count``.

    Other columns are ignored, so the CSV of ``python -m analysis terms --top 0 --format
    csv`` on another corpus is a reference list as it stands. Terms are lower-cased (as
    the package's tokens are); a term listed more than once (a ``terms --by`` table) has
    its counts summed. The reference corpus's size is the sum of the counts, so give the
    whole list, counted the way the target is (same stopwords, ``--stem`` or not).

    Parameters
    ----------
    path : str or pathlib.Path
        The CSV file.

    Returns
    -------
    collections.Counter
        ``term -> count``.

    Raises
    ------
    ValueError
        If the file cannot be read, is not UTF-8, lacks a ``term`` or ``count`` column,
        has an empty term or a count that is not a whole number >= 0 (the line is named),
        or lists no term; every message names the file.
    """
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ValueError(f"{path}: cannot read the reference list ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise ValueError(f"{path}: the reference list is not UTF-8") from None
    reader = csv.DictReader(io.StringIO(text))
    header = [str(c).strip() for c in (reader.fieldnames or [])]
    missing = [c for c in ("term", "count") if c not in header]
    if missing:
        raise ValueError(
            f"{path}: the reference list needs the columns term,count; no column "
            f"{' or '.join(missing)} (found: {', '.join(header) or 'nothing'})"
        )
    reader.fieldnames = header
    counts: Counter = Counter()
    for line, row in enumerate(reader, 2):
        term, count = (row.get("term") or "").strip().lower(), row.get("count") or ""
        if not term:
            raise ValueError(f"{path}, line {line}: empty term")
        if not _WHOLE_NUMBER_RE.fullmatch(count):
            raise ValueError(
                f"{path}, line {line}: count {count!r} of {term!r} is not a whole number >= 0"
            )
        counts[term] += int(count)
    if not counts:
        raise ValueError(f"{path}: the reference list has no terms")
    return counts


def _reference_counts(reference: Mapping[Hashable, Any] | str | Path) -> Mapping:
    """A reference mapping as given, or read from a file path."""
    if isinstance(reference, (str, Path)):
        return read_reference(reference)
    if not isinstance(reference, Mapping):
        raise TypeError(
            "reference must be a mapping term -> count or the path of a term,count CSV, "
            f"got {type(reference).__name__}"
        )
    return reference


def comparison_pairs(
    counts: Mapping[Hashable, Counter],
    groups: Iterable[Hashable] | None = None,
    *,
    by: str | None,
    reference: Mapping[Hashable, Any] | str | Path | None = None,
    against: Hashable | None = None,
) -> list[tuple[Hashable, Mapping, Mapping]]:
    """The (group, target counts, reference counts) of each comparison to score.

    Parameters
    ----------
    counts : mapping of group to collections.Counter
        Term counts per group (:func:`analysis.terms.term_counts`).
    groups : iterable of hashable or None
        The groups to score (default: every group; with ``against``, every other group).
    by : str or None
        The grouping column, to name in error messages.
    reference : mapping, str, pathlib.Path or None
        A reference frequency list (``term -> count``, or a CSV path read with
        :func:`read_reference`): each group is scored against it.
    against : hashable or None
        A group of ``counts``: each group is scored against this group only.

    Returns
    -------
    list of tuple
        ``(group, counts[group], reference counts)`` in the order of ``groups``.

    Raises
    ------
    ValueError
        If both or neither of ``reference`` and ``against`` are given, a group (or
        ``against``) is not in ``counts`` (the message lists the groups), or a group would
        be compared with itself; read errors of :func:`read_reference`.
    """
    if (reference is None) == (against is None):
        raise ValueError("give either a reference list or a group to compare against")
    chosen = list(counts) if groups is None else list(groups)
    if against is not None:
        if groups is None:
            chosen = [g for g in chosen if g != against]
        elif against in chosen:
            raise ValueError(f"cannot compare {by} {against!r} with itself")
        chosen.append(against)  # checked with the others below, then removed
    missing = [g for g in chosen if g not in counts]
    if missing:
        raise ValueError(
            f"no {by or 'group'} {', '.join(map(repr, missing))} in the corpus; "
            f"available: {', '.join(map(str, counts))}"
        )
    if against is not None:
        chosen.pop()
        if not chosen:
            raise ValueError(f"no group other than {against!r} to compare with it")
        return [(g, counts[g], counts[against]) for g in chosen]
    ref = _reference_counts(reference)
    return [(g, counts[g], ref) for g in chosen]
