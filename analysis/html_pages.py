"""Saved web pages (``.html``, ``.htm``) as articles: their main text, by trafilatura.

A researcher who saved pages from a browser or a crawler can put them in a corpus folder
beside ``.txt`` articles. :func:`main_text` keeps the page's main text (title and
paragraphs, one per line) and leaves out the markup, scripts, menus, sidebars and
footers that trafilatura recognises. The text it returns is then the article's ``raw``
text, cleaned by :func:`analysis.clean.clean_article` like any other, with the same
audit of every removed line; what trafilatura left out is the rest of the page file,
which stays untouched on disk.

This module imports trafilatura (and lxml), about 0.2 s: :mod:`analysis.corpus_files`
imports it only when a folder holds a page.
"""

from __future__ import annotations

import trafilatura

__all__ = ["HTML_SUFFIXES", "main_text"]

#: File name endings read as saved web pages.
HTML_SUFFIXES = (".html", ".htm")


def main_text(page: str) -> str | None:
    """The main text of an HTML page, or ``None`` if trafilatura finds none.

    Parameters
    ----------
    page : str
        The page's HTML, decoded.

    Returns
    -------
    str or None
        The page's title (when the first line of the main text is not already the
        title or part of it) and the
        paragraphs of the main text, one per line, as plain text; no comments section,
        no tables of links. The same page always gives the same text.
    """
    text = trafilatura.extract(
        page,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        with_metadata=False,
    )
    if not text or not text.strip():
        return None
    title = trafilatura.extract_metadata(page)
    title = (title.title or "").strip() if title is not None else ""
    first = text.lstrip().split("\n", 1)[0].strip()
    if title and title not in first and first not in title:
        text = f"{title}\n{text}"
    return text
