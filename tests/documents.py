"""Hand-written documents for tests: the dicts ``analysis.corpus.as_documents`` yields."""

from __future__ import annotations


def docs(*bodies: str, **meta: list[str]) -> list[dict]:
    """Hand-written documents: doc ids d1, d2 ...; metadata given as lists per column."""
    out = []
    for i, body in enumerate(bodies):
        doc = {"doc_id": f"d{i + 1}", "body": body}
        for column, values in meta.items():
            doc[column] = values[i]
        out.append(doc)
    return out
