"""The voice of every sentence, and the analysis of one body as a pipeline of steps.

:func:`analyse` runs the steps on one cleaned body: its paragraphs and sentences
(:mod:`~analysis.quotes.body`), the quotes (:mod:`~analysis.quotes.marks`), the body
with the quotes blanked, the persons mentioned (:mod:`~analysis.quotes.mentions`), the
coverage of each sentence by speech quotes, and the speakers
(:mod:`~analysis.quotes.attribution`). :func:`extract_quotes`, :func:`sentence_voices`
and :func:`document_voices` give its results as plain dicts.

A sentence is **direct** when most of its word characters are quoted, when it starts
inside a quote (the rest is the attribution: ``“Siap,” kata dia menegaskan.``), or
when it ends in a quote introduced by a reporting clause (``Bupati X mengatakan,
“...”``). The other sentences are **indirect** or **narration** as attribution finds.
A sentence with no cue of its own that goes on from a direct or indirect one is
indirect too, the same speaker's (cue ``"continues reported speech"``), the codebook's
"continues such a report": when it follows it in the same paragraph (the reporter
goes on paraphrasing; a new paragraph is where news writing turns back to narration),
or, in the next paragraph, when it makes a demand or gives an order (*harus, jangan,
tidak boleh, mari* ...) or opens with a connective of reason, consequence, condition or
addition (*Sebab, Sehingga, Apalagi, Jika, Oleh karena itu, Misalnya* ...), which can
only be that person's words. An attribution-only sentence (``Demikian disampaikan
Bupati X ...``) makes the narration sentences of the report it closes that speaker's
indirect speech too (cue ``"closed by an attribution"``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from .attribution import (
    Attribution,
    SentenceSpeech,
    attribution_context,
    resolve_speakers,
    says_who_said,
)
from .body import Body, read_body
from .marks import Quote, find_quotes, mask
from .mentions import find_mentions
from .names import name_context
from .patterns import (
    ATTRIBUTION_ONLY_RE,
    CONTINUATION_START_RE,
    DEONTIC_RE,
    NARRATION_START_RE,
    WORDCHAR_RE,
)

__all__ = [
    "VOICES",
    "Analysis",
    "analyse",
    "analyse_document",
    "document_voices",
    "extract_quotes",
    "is_attribution_only",
    "sentence_voices",
]

#: The three voices of :func:`sentence_voices`.
VOICES = ("direct", "indirect", "narration")


class Analysis(NamedTuple):
    """Everything worked out for one body."""

    body: Body
    quotes: list[Quote]  # every quote, of every kind, in text order
    speakers: dict[int, Attribution]  # index in ``quotes`` -> speaker (speech quotes)
    voices: list[dict[str, Any]]  # as :func:`sentence_voices` returns them


class _Coverage(NamedTuple):
    """How speech quotes cover one sentence."""

    share: float  # 1.0 when the sentence is direct by its start or end, else the share
    best: int  # index (in the speech quotes) of the quote with most words in it, or -1


def analyse(
    text: str,
    *,
    leader: str | None = None,
    role: str | None = None,
    places: Iterable[str] | None = None,
) -> Analysis:
    """Quotes, speakers and sentence voices of one cleaned body (the whole pipeline).

    Parameters
    ----------
    text : str
        A cleaned article body (one paragraph per line).
    leader : str or None
        The article's main leader from metadata.
    role : str or None
        The leader's role from metadata.
    places : iterable of str or None
        Place names known from metadata.

    Returns
    -------
    Analysis
        The body, its quotes, the speakers of its speech quotes and its voices.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    names = name_context(text, leader, role, places)
    body = read_body(text)
    quotes = find_quotes(body)
    masked = mask(body.text, quotes)
    mentions = find_mentions(body, masked, names)
    speech_at = [k for k, q in enumerate(quotes) if q.kind == "speech"]
    speech = [quotes[k] for k in speech_at]
    coverage = _coverage(body, speech)
    ctx = attribution_context(body, masked, mentions, names)
    open_sentences = [k for k, c in enumerate(coverage) if c.share <= 0.5]
    found, reported = resolve_speakers(ctx, speech, open_sentences)
    voices = _voices(body, coverage, found, reported)
    return Analysis(body, quotes, dict(zip(speech_at, found)), voices)


def _coverage(body: Body, speech: list[Quote]) -> list[_Coverage]:
    """The :class:`_Coverage` of each sentence by the speech quotes (sorted, disjoint)."""
    text = body.text
    ends = [q.end for q in speech]
    out = []
    for s, e, sent in body.sentences:
        total = len(WORDCHAR_RE.findall(sent))
        first = WORDCHAR_RE.search(text, s, e)
        first_at = first.start() if first else -1
        last_at = e - 1
        while last_at >= s and not text[last_at].isalnum():
            last_at -= 1
        inside = 0
        best, best_n = -1, 0
        starts_inside = ends_inside = False
        k = bisect_right(ends, s)  # the first quote ending after s
        while k < len(speech) and speech[k].start < e:
            q = speech[k]
            n = len(WORDCHAR_RE.findall(text, max(s, q.start), min(e, q.end)))
            inside += n
            if n > best_n:
                best, best_n = k, n
            if first_at >= 0 and q.start <= first_at < q.end:
                starts_inside = True
            if last_at >= s and q.intro and q.start <= last_at < q.end:
                ends_inside = True
            k += 1
        share = inside / total if total else 0.0
        out.append(_Coverage(1.0 if (starts_inside or ends_inside) and best >= 0 else share, best))
    return out


def _voices(
    body: Body,
    coverage: list[_Coverage],
    found: list[Attribution],
    reported: dict[int, SentenceSpeech],
) -> list[dict[str, Any]]:
    """The voice dicts of the sentences: direct (more than half covered) or as
    attribution found."""
    out: list[dict[str, Any]] = []
    for k, (sent, cov) in enumerate(zip(body.sentences, coverage)):
        if cov.share > 0.5:
            speaker = found[cov.best].speaker if cov.best >= 0 else ""
            voice, cue = "direct", "quote"
        else:
            voice, speaker, cue = reported.get(k, SentenceSpeech("narration", "", ""))
            if voice == "narration" and out and _continues_report(body, k, out[-1]):
                voice, speaker, cue = "indirect", out[-1]["speaker"], "continues reported speech"
        out.append(
            {
                "sentence_no": k + 1,
                "sentence": sent.text,
                "voice": voice,
                "speaker": speaker,
                "cue": cue,
            }
        )
    _close_reports(body, out)
    return out


def _close_reports(body: Body, out: list[dict[str, Any]]) -> None:
    """The codebook's "an attribution-only sentence ... makes the report it closes
    indirect too": the narration sentences right before an attribution-only sentence
    with a speaker (``... Demikian disampaikan Bupati X.``), in its paragraph and the
    one before, back to a sentence that reports speech or turns back to the event
    (:data:`NARRATION_START_RE`), become that speaker's indirect speech (cue ``"closed
    by an attribution"``). Changes ``out`` in place."""
    for k, sent in enumerate(body.sentences):
        v = out[k]
        if v["voice"] != "indirect" or not v["speaker"] or not says_who_said(sent.text):
            continue
        j = k - 1
        while (
            j >= 0
            and out[j]["voice"] == "narration"
            and body.text.count("\n", body.sentences[j].end, sent.start) <= 1
            and not NARRATION_START_RE.match(body.sentences[j].text)
        ):
            out[j] = {
                **out[j],
                "voice": "indirect",
                "speaker": v["speaker"],
                "cue": "closed by an attribution",
            }
            j -= 1


def is_attribution_only(sentence: str) -> bool:
    """Does the sentence only say who said something, where and when (``Hal itu
    disampaikan Bupati saat memimpin rapat koordinasi ...``)? The codebook gives such a
    sentence no frame of its own (rule 5); its voice is indirect.

    >>> is_attribution_only("Hal itu disampaikan Bupati saat memimpin rapat koordinasi.")
    True
    >>> is_attribution_only("Bupati meminta OPD meningkatkan koordinasi.")
    False
    """
    return ATTRIBUTION_ONLY_RE.match(sentence) is not None


def _continues_report(body: Body, k: int, previous: dict[str, Any]) -> bool:
    """Does sentence ``k`` go on from the report before it: the sentence before is
    direct or indirect and has a speaker, this one is a sentence (not a subheading
    without a full stop), and either it stands in the same paragraph, or it opens the
    next paragraph with a demand or an order (*harus, jangan, tidak boleh, mari* ...)
    or with a connective that carries the speaker's reasoning on (*Sebab, Sehingga,
    Apalagi, Jika* ...)?

    On three hand-coded development sets (2,094 sentences), a sentence without a cue
    of its own right after a report was coded as the report's continuation more often
    than not when it stood in the same paragraph (36 against 23), and mostly as
    narration when it opened the next paragraph without a demand or a connective (116
    against 46)."""
    if previous["voice"] not in ("direct", "indirect") or not previous["speaker"]:
        return False
    here, before = body.sentences[k], body.sentences[k - 1]
    if here.text.rstrip("\"'”’) ")[-1:] not in ".!?":  # a subheading, not a sentence
        return False
    if NARRATION_START_RE.match(here.text):  # back to the event or the background
        return False
    gap = body.text.count("\n", before.end, here.start)
    return gap == 0 or (
        gap == 1
        and (
            DEONTIC_RE.search(here.text) is not None
            or CONTINUATION_START_RE.match(here.text) is not None
        )
    )


def _sentence_nos(body: Body, ends: list[int], q: Quote) -> list[int]:
    """Numbers (from 1) of the sentences a quote overlaps (``ends``: their ends)."""
    sentences = body.sentences
    k = bisect_right(ends, q.start)  # the first sentence ending after the quote starts
    nos = []
    while k < len(sentences) and sentences[k].start < q.end:
        nos.append(k + 1)
        k += 1
    return nos


def quote_records(analysis: Analysis, include_non_speech: bool = False) -> list[dict[str, Any]]:
    """The quotes of an :class:`Analysis` as the dicts of :func:`extract_quotes`."""
    body = analysis.body
    ends = [s.end for s in body.sentences]
    out = []
    for k, q in enumerate(analysis.quotes):
        if q.kind != "speech" and not include_non_speech:
            continue
        who = analysis.speakers.get(k, Attribution("", "", ""))
        out.append(
            {
                "text": body.text[q.start : q.end],
                "speaker": who.speaker,
                "speaker_source": who.source,
                "attribution": who.attribution,
                "start": q.start,
                "end": q.end,
                "paragraph": q.paragraph,
                "sentence_nos": _sentence_nos(body, ends, q),
                "closed": q.closed,
                "opening_mark": q.opening_mark,
                "kind": q.kind,
            }
        )
    return out


# ------------------------------------------------------------------ public API


def extract_quotes(
    text: str,
    *,
    leader: str | None = None,
    role: str | None = None,
    places: Iterable[str] | None = None,
    include_non_speech: bool = False,
) -> list[dict[str, Any]]:
    """Direct quotes of one cleaned body, with their speakers.

    Parameters
    ----------
    text : str
        A cleaned article body (one paragraph per line), as in
        ``load_corpus()["body"]``.
    leader : str or None
        The article's main leader from metadata (``"H. Budiman"``); used only as a
        fallback the text supports (see :mod:`analysis.quotes.attribution`).
    role : str or None
        The leader's role from metadata (``"Bupati"``), used the same way.
    places : iterable of str or None
        Place names known from metadata (region, province, dateline place); their words
        are not taken for a person's name after a title (``Bupati Lahat Bursah
        Zarnubi`` with places ``["Kabupaten Lahat"]`` -> ``Bursah Zarnubi``).
    include_non_speech : bool
        Also return quoted names/themes/terms (``kind="label"``) and lone unclosed
        marks (``kind="stray"``), which are normally left out.

    Returns
    -------
    list of dict
        One per quote, in text order, each with:

        - ``text``: the words inside the marks (an exact substring of ``text``, without
          the marks, spaces trimmed; a comma before the closing mark is kept);
        - ``speaker``: the speaker's name as written, without honorifics or degrees,
          or ``""`` if unresolved;
        - ``speaker_source``: ``"verb"`` (a speech verb next to the quote names the
          speaker, by name or by a title the text gives a name), ``"pronoun"``
          (``ia``/``dia``/``-nya``, or no attribution at all, resolved to the last
          person mentioned), ``"metadata"`` (a title matching the metadata ``role``, or
          a pronoun in a text naming the leader but no one before the quote),
          ``"title"`` (an office the text never gives a name: the speaker is the office
          as written, ``"Wakil Bupati Halmahera Utara"``) or ``""``;
        - ``attribution``: the words that name the speaker (``"Gubernur Herman
          Deru"``, ``"terangnya"``, ``"dia"``), ``""`` when there are none;
        - ``start``, ``end``: character offsets of ``text`` in the body;
        - ``paragraph``: 1-based line number in the body;
        - ``sentence_nos``: numbers (from 1, per
          :func:`analysis.tokens.split_sentences`) of the sentences the quote overlaps;
        - ``closed``: a closing mark was found;
        - ``opening_mark``: the raw opening character, ``""`` when the opening was
          inferred;
        - ``kind``: ``"speech"`` (or ``"label"``/``"stray"`` with
          ``include_non_speech``).

    Examples
    --------
    >>> q = extract_quotes("Bupati Budiman memimpin rapat.\\n“Kita harus kompak,” tegasnya.")
    >>> q[0]["text"], q[0]["speaker"], q[0]["speaker_source"]
    ('Kita harus kompak,', 'Budiman', 'pronoun')
    """
    analysis = analyse(text, leader=leader, role=role, places=places)
    return quote_records(analysis, include_non_speech)


def sentence_voices(
    text: str,
    *,
    leader: str | None = None,
    role: str | None = None,
    places: Iterable[str] | None = None,
) -> list[dict[str, Any]]:
    """The voice of every sentence of one cleaned body.

    Parameters
    ----------
    text : str
        A cleaned article body.
    leader : str or None
        As in :func:`extract_quotes`.
    role : str or None
        As in :func:`extract_quotes`.
    places : iterable of str or None
        As in :func:`extract_quotes`.

    Returns
    -------
    list of dict
        One per sentence of :func:`analysis.tokens.split_sentences` (``text``), each
        with ``sentence_no`` (from 1), ``sentence``, ``voice``, ``speaker`` and ``cue``:

        - ``direct`` when the sentence holds a speech quote of :func:`extract_quotes`
          and more than half of its word characters lie inside quotes, or it starts
          inside a quote (the rest is the attribution: ``“Siap,” kata dia
          menegaskan.``), or it ends inside a quote introduced by a reporting clause
          (``Bupati X mengatakan, “...”``); cue ``"quote"``, speaker: the quote's;
        - ``indirect`` for reported speech: a person, title or ``ia``/``dia`` as
          subject of a reporting verb (:data:`REPORTING_VERBS`, cue ``"reporting
          verb"``), ``Menurutnya`` / ``Menurut X`` (``"menurut"``), a speech verb with
          a pronoun or name outside quote marks (``kata dia``, ``lanjut dia``, ``Masih
          kata Sekda``, ``ujarnya``: ``"speech verb"``), or a passive speech verb with
          its agent (``dikatakan Sekda``, ``Ditegaskannya``: ``"passive"``); also a
          sentence outside quotes in the first person (``Kita upayakan semua bisa
          berjalan ...``: the speaker's words without marks, cue ``"unmarked first
          person"``, speaker: the last speaker), a sentence that only says the words
          before were said (``Hal itu disampaikan dalam rapat ...``: cue
          ``"attribution"``, the last speaker), and a sentence carrying reported
          speech on with a demand or a connective (``Sebab ...``: cue ``"continues
          reported speech"``, the speaker before), and a request in the passive to
          people (``ASN diminta ...``: cue ``"passive request"``); speaker resolved as
          for quotes;
        - ``narration`` otherwise (speaker and cue ``""``).
    """
    return analyse(text, leader=leader, role=role, places=places).voices


def _meta_str(doc: Mapping[str, Any], key: str) -> str | None:
    v = doc.get(key)
    return v if isinstance(v, str) and v.strip() else None


def analyse_document(doc: Mapping[str, Any]) -> Analysis:
    """:func:`analyse` of a document dict: its ``body``, with ``leader`` and ``role``
    from its metadata and ``region``, ``province`` and ``dateline_place`` as places."""
    places = [doc.get(k) for k in ("region", "province", "dateline_place")]
    return analyse(
        doc["body"], leader=_meta_str(doc, "leader"), role=_meta_str(doc, "role"), places=places
    )


def document_voices(doc: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The voice of every sentence of one document (for frame coding by voice).

    Parameters
    ----------
    doc : Mapping
        A document as :func:`analysis.corpus.as_documents` gives it: ``body`` (a str),
        and optionally ``leader``, ``role``, ``region``, ``province`` and
        ``dateline_place``, used as in :func:`analysis.quotes.quote_table`.

    Returns
    -------
    list of dict
        As :func:`sentence_voices`: ``sentence_no``, ``sentence``, ``voice``,
        ``speaker`` and ``cue`` of each sentence.
    """
    return analyse_document(doc).voices
