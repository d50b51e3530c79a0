"""Who speaks: the speaker of each quote and of each sentence of reported speech.

Quotes and the sentences that are not direct speech are resolved in text order, so
that each resolved speaker becomes the antecedent of the pronouns after it. A quote's
speaker comes, in this order, from:

1. **verb**: a speech verb next to the quote names the speaker: after it (``,” kata
   Askolani.``, ``,” ujar Gubernur Herman Deru dalam arahannya.``, ``,” tegas Pakde
   Slamet.``, ``,” Budiman menegaskan.``) or before it (``Bupati X mengatakan, “...``;
   ``kata Budiman, “...”``), in the clause that ends at the opening mark: from the
   start of the mark's sentence, or of the sentence before when the mark opens one
   (:func:`analysis.quotes.body.clause_start`). A title alone (``,” kata Sekda.``)
   means the person the text introduced with that title (``Sekretaris Daerah (Sekda)
   ..., M. Rahmattullah``).
2. **pronoun**: ``katanya``, ``tegasnya``, ``kata dia``, ``tutur dia``, ``ujar ia`` ...
   mean the last person mentioned before the quote, preferring subjects (see
   :mod:`analysis.quotes.mentions`); the chain carries on (``Ia berharap`` resolved to
   Budiman makes Budiman the antecedent of the next ``terangnya``). A quote with no
   speech verb at all takes the last speaker the same way (zero anaphora), and so does
   the unclosed first part of a quote continued in the next paragraph.
3. **metadata**: the document's ``leader`` is used only when the text supports it: a
   bare title matching the document's ``role`` (``Sekda`` for role *Sekretaris Daerah*,
   ``Bupati`` for *Bupati* but not for *Wakil Bupati* or *Plh Bupati*), or a pronoun
   with no person before it in a text that names the leader or the role somewhere.
4. **title**: a title the text never gives a name is the speaker as written (``,” tegas
   Wakil Bupati.`` -> ``Wakil Bupati``), and a role noun after a speech verb is one too
   (``kata ajudan``).

A description of a person ending in a demonstrative (``,” kata pelatih asal Portugal
itu``, ``Pria yang sebelumnya menjabat ... ini mengatakan``, ``Mantan Kapolda Sultra
itu menjelaskan``, an office the speaker holds besides: ``Direktur Perencanaan
Kemendagri ini juga mengingatkan``) points back like a pronoun.

Every speaker is given in the fullest form the text uses: nicknames the text gives
(``Indah Dhamayanti Putri alias Dinda``, ``wali kota yang akrab disapa Appi``, ``Hendi
sapaan akrab Wali Kota ...``) and short forms (``Unu`` for ``Unu Ibnudin``) are
replaced by the full name (:mod:`analysis.quotes.aliases`).

A sentence outside quotes is reported speech (``indirect``) when a person, title,
``ia``/``dia`` or an institution opening its clause (``Pemerintah Kota (Pemkot) X,
Papua, meminta ...``: the speaker is the institution as written) is the subject of a
reporting verb, or it has ``Menurut(nya)`` (also ``Menurut bupati``), a speech
verb with a pronoun or name (``kata dia``, ``Masih kata Sekda``, ``ujarnya``) or a
passive speech verb with its agent (``dikatakan Sekda``, ``Ditegaskannya``); the
earliest of these cues names the speaker. A sentence in the first person with none of
them is the last speaker's words without marks (``unmarked first person``), and a
sentence that only says the words before were said (``Hal itu disampaikan dalam rapat
...``, ``Pesan tersebut ia sampaikan ...``) is indirect, the last speaker's (cue
``attribution``, the codebook's attribution-only sentence), and so is a request in the
passive with the people asked as its subject (``ASN diminta untuk ...``, cue ``passive
request``), a request or hope in the passive about anything (``Semua kegiatan
diminta ...``, ``Hal ini diharapkan dapat ...``) and a sentence whose subject is
``pihaknya``, all three when someone spoke before. Regional first-person
pronouns (*torang, katong*) count as the first person.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from .aliases import fullest_name
from .body import Body, Boundaries, Sentence, boundaries, clause_start, paragraph_at, within_reach
from .marks import Quote
from .mentions import Mention, Mentions, mention_at, mentions_from
from .names import NameContext, normalize_speaker, title_key
from .patterns import (
    AFTER_RE,
    ATTRIBUTION_ONLY_RE,
    DESCRIPTION_AT_RE,
    EPITHET_AT_RE,
    FIRST_PERSON_RE,
    FOLLOW_REPORT_RE,
    FRONTED_ATTRIBUTION_RE,
    INSTITUTION_REPORT_RE,
    LEAD_AT_RE,
    LEBIH_BEFORE_RE,
    LOWER_TITLE_REPORT_RE,
    MENURUT_RE,
    NARR_SPEECH_RE,
    NICK_AT_RE,
    PASSIVE_AGENT_RE,
    PASSIVE_HOPE_SUMMARY_RE,
    PASSIVE_LEAD_RE,
    PASSIVE_REQUEST_ANY_RE,
    PASSIVE_REQUEST_RE,
    PIHAKNYA_RE,
    PRONOUN_AT_RE,
    PRONOUN_REPORT_RE,
    PRONOUN_WORD_RE,
    ROLE_NOUN_AT_RE,
    SPACE_AT_RE,
    VERB_WORD_RE,
)

__all__ = [
    "Attribution",
    "Context",
    "SentenceSpeech",
    "attribution_context",
    "resolve_speakers",
    "says_who_said",
]


class Attribution(NamedTuple):
    """The speaker of one quote."""

    speaker: str  # normalised name, "" if unresolved
    source: str  # "verb", "pronoun", "metadata" or ""
    attribution: str  # the words that name the speaker, "" if none


class SentenceSpeech(NamedTuple):
    """The voice of a sentence that is not direct speech, with its speaker and cue."""

    voice: str  # "indirect" or "narration"
    speaker: str
    cue: str


class Context(NamedTuple):
    """What resolution reads of one document (unchanged by it, but for the cache of
    ``masked_bounds``)."""

    body: Body
    masked: str  # the body with speech and label quotes blanked
    masked_bounds: dict[int, Boundaries]  # paragraph no -> its boundaries in ``masked``,
    # filled on first use (only quotes with no speaker named after them need them)
    mentions: Mentions
    names: NameContext
    supports_leader: bool  # the text names the leader or the leader's role
    named_by_title: dict[str, tuple[list[int], list[str]]]  # title -> starts, names


# A cue of reported speech: (position, cue, the mention naming the speaker or None
# for a pronoun or clitic).
_Cue = tuple[int, str, "Mention | None"]
# A speaker found next to a quote: (name, source, attribution words, position).
_Found = tuple[str, str, str, int]


@dataclass
class _Chain:
    """Antecedents in text order: the mentions and the speakers resolved so far."""

    items: list[Mention]
    starts: list[int]


def attribution_context(body: Body, masked: str, mentions: Mentions, names: NameContext) -> Context:
    """The :class:`Context` of a body whose quotes were masked and mentions found."""
    supports = bool(names.leader) and (
        any(m.title and m.title == names.role_key for m in mentions.items)
        or any(tok in masked.lower() for tok in names.leader_tokens)
    )
    named: dict[str, tuple[list[int], list[str]]] = {}
    for m in mentions.items:
        if m.title and m.name:
            starts, found = named.setdefault(m.title, ([], []))
            starts.append(m.start)
            found.append(m.name)
    return Context(body, masked, {}, mentions, names, supports, named)


def _masked_boundaries(ctx: Context, no: int) -> Boundaries:
    """The sentence boundaries of paragraph ``no`` of the masked body (cached)."""
    found = ctx.masked_bounds.get(no)
    if found is None:
        par = ctx.body.paragraphs[no - 1]
        found = ctx.masked_bounds[no] = boundaries(ctx.masked[par.start : par.end])
    return found


def resolve_speakers(
    ctx: Context, speech: list[Quote], open_sentences: list[int]
) -> tuple[list[Attribution], dict[int, SentenceSpeech]]:
    """Speakers of the speech quotes and voices of the sentences ``open_sentences``
    (indexes into ``ctx.body.sentences``: those not direct), resolved in text order."""
    chain = _Chain(list(ctx.mentions.items), list(ctx.mentions.starts))
    sentences = ctx.body.sentences
    events = [(q.start, 0, k) for k, q in enumerate(speech)]
    events += [(sentences[k].start, 1, k) for k in open_sentences]
    events.sort()
    found: list[Attribution | None] = [None] * len(speech)
    voices: dict[int, SentenceSpeech] = {}
    for _pos, is_sentence, k in events:
        if is_sentence:
            voices[k] = _sentence_speech(ctx, chain, sentences[k])
        else:
            found[k] = _quote_speaker(ctx, chain, speech[k])
    quotes = _carry_continuations(speech, [a for a in found if a is not None])
    return _full_names(ctx, quotes, voices)


def _full_names(
    ctx: Context, quotes: list[Attribution], voices: dict[int, SentenceSpeech]
) -> tuple[list[Attribution], dict[int, SentenceSpeech]]:
    """Each speaker in the fullest form the text gives (a nickname or a short form: see
    :mod:`analysis.quotes.aliases`)."""
    aliases = ctx.mentions.aliases
    if not aliases.names and not aliases.nicknames and not aliases.text:
        return quotes, voices
    full: dict[str, str] = {}

    def fullest(name: str) -> str:
        if name not in full:
            full[name] = fullest_name(name, aliases)
        return full[name]

    quotes = [a if a.source == "title" else a._replace(speaker=fullest(a.speaker)) for a in quotes]
    voices = {k: v._replace(speaker=fullest(v.speaker)) for k, v in voices.items()}
    return quotes, voices


def _carry_continuations(speech: list[Quote], found: list[Attribution]) -> list[Attribution]:
    """An unclosed first part, with no attribution of its own, takes the speaker of the
    next part."""
    out = list(found)
    for k, q in enumerate(speech):
        if q.continues and k + 1 < len(speech) and found[k + 1].speaker:
            if found[k].source in ("", "pronoun") and found[k].attribution == "":
                nxt = found[k + 1]
                out[k] = Attribution(nxt.speaker, nxt.source, found[k].attribution)
    return out


# ------------------------------------------------------------------ antecedents


def _push(chain: _Chain, pos: int, name: str) -> None:
    """Add a resolved speaker at ``pos`` as a mention, so that the chain carries on."""
    m = Mention(pos, pos, name, "", True, True, "")
    k = bisect_left(chain.starts, pos)
    chain.items.insert(k, m)
    chain.starts.insert(k, pos)


def _named_title(ctx: Context, m: Mention) -> str:
    """The name the text gave to a bare title: the last named use of that title before
    ``m``, else the first after it."""
    starts, names = ctx.named_by_title.get(m.title, ([], []))
    if not names:
        return ""
    i = bisect_left(starts, m.start)
    return names[i - 1] if i else names[0]


def _resolve_mention(ctx: Context, m: Mention) -> tuple[str, str]:
    """(name, source) of a mention: its name, the name its title was given, the leader
    for the leader's role title, or else the office as written (``Wakil Bupati
    Halmahera Utara``, source ``"title"``) when the text never names its holder."""
    if m.name:
        return m.name, "verb"
    if m.title:
        name = _named_title(ctx, m)
        if name:
            return name, "verb"
        if ctx.names.leader and ctx.names.role_key and m.title == ctx.names.role_key:
            return ctx.names.leader, "metadata"
        office = normalize_speaker(m.surface.strip(" ,"))
        if office:
            return office, "title"
    return "", ""


def _antecedent(
    ctx: Context, chain: _Chain, pos: int, *, speech_first: bool = False
) -> tuple[str, str]:
    """Who ``ia``/``dia``/``-nya`` at ``pos`` points to: (name, source).

    The nearest mention before ``pos`` that is a subject or speaks; with
    ``speech_first``, the nearest that speaks, else the nearest subject. Else the
    nearest mention, else the leader when the text supports it. A person the text
    names wins over a nearer office it never gives a name (``Wali Kota merupakan
    jabatan politik``): the codebook takes an unnamed office as the speaker only
    when no one else is named.
    """
    k = bisect_left(chain.starts, pos) - 1
    if k < 0:
        return (ctx.names.leader, "metadata") if ctx.supports_leader else ("", "")
    office = ""
    for m in _candidates(chain.items, k, speech_first):
        name, src = _resolve_mention(ctx, m)
        if src != "title":
            return (name, "pronoun") if name else ("", "")
        office = office or name
    if not office:
        office, _src = _resolve_mention(ctx, chain.items[k])
    return (office, "pronoun") if office else ("", "")


#: Sentences that are the last speaker's words when someone spoke before: (pattern,
#: cue, the substrings one of which every match of the pattern holds, a pattern of the
#: sentence's start that rules it out or None).
LAST_SPEAKER_CUES = (
    (PASSIVE_REQUEST_ANY_RE, "passive request", ("iminta", "iharapkan"), PASSIVE_HOPE_SUMMARY_RE),
    (PIHAKNYA_RE, "pihaknya", ("ihaknya",), None),
)


def _last_speaker(ctx: Context, chain: _Chain, pos: int) -> str:
    """The name of the nearest mention before ``pos`` that speaks (a speaker resolved
    so far, or a mention before a reporting verb), ``""`` when no one spoke before."""
    for k in range(bisect_left(chain.starts, pos) - 1, -1, -1):
        m = chain.items[k]
        if m.speech:
            return _resolve_mention(ctx, m)[0]
    return ""


def _candidates(items: list[Mention], k: int, speech_first: bool) -> Iterator[Mention]:
    """The mentions up to ``items[k]`` that a pronoun may point to, best first (read
    lazily): the subjects and speakers, nearest first; with ``speech_first`` the
    speakers, nearest first, then the nearest subject."""
    nearest = (items[i] for i in range(k, -1, -1))
    if not speech_first:
        yield from (m for m in nearest if m.subject or m.speech)
        return
    first_subject = None
    for m in nearest:
        if m.speech:
            yield m
        elif m.subject and first_subject is None:
            first_subject = m
    if first_subject is not None:
        yield first_subject


# ------------------------------------------------------------------ quotes


def _quote_speaker(ctx: Context, chain: _Chain, q: Quote) -> Attribution:
    """The speaker of a quote: named next to it, else the antecedent chain's."""
    found = _attribution_after(ctx, chain, q)
    if found is None and q.mark_at is not None:
        found = _attribution_before(ctx, chain, q, q.mark_at)
    if found is None:
        name, src = _antecedent(ctx, chain, q.start, speech_first=True)
        if name:
            _push(chain, q.start, name)
        return Attribution(name, src, "")
    name, src, words, pos = found
    if name:
        _push(chain, max(pos, q.start), name)
    return Attribution(name, src, words)


def _attribution_after(ctx: Context, chain: _Chain, q: Quote) -> _Found | None:
    """Speaker named after the closing mark (or after the speech verb that ends an
    unclosed quote): (name, source, attribution, position)."""
    if q.close_at is not None:
        pos = q.close_at + 1
    elif q.internal_attr is not None:
        pos = q.end  # an unclosed quote ended by its own speech verb
    else:
        return None
    limit = paragraph_at(ctx.body, pos).end
    m = AFTER_RE.match(ctx.masked, pos, limit)
    if m:
        return _after_speech_verb(ctx, chain, q, m, limit)
    return _name_first(ctx, chain, q, pos, limit)


def _after_speech_verb(
    ctx: Context, chain: _Chain, q: Quote, m: re.Match[str], limit: int
) -> _Found | None:
    """``,” kata Askolani``, ``,” katanya``, ``,” kata dia``, ``,” ujar pria yang ...``."""
    text = ctx.masked
    if m.group("nya") or m.group("pnya") or m.group("mnya"):
        name, src = _antecedent(ctx, chain, q.start)
        word = m.group("verb") or m.group("passive") or m.group("menurut")
        return name, src, text[m.end() - len(word) - 3 : m.end()].strip(), m.end()
    p = PRONOUN_AT_RE.match(text, m.end(), limit)
    if p:
        name, src = _antecedent(ctx, chain, q.start)
        return name, src, text[m.end() : p.end()].strip(), p.end()
    n = NICK_AT_RE.match(text, m.end(), limit)
    if n:  # ``,” kata pelatih yang akrab disapa Djo``: the one the text calls Djo, else
        # someone named before, else Djo
        nick = n.group("nick")
        full = ctx.mentions.aliases.nicknames.get(nick.lower()) or (
            ctx.mentions.aliases.nicknames.get(normalize_speaker(nick).lower())
        )
        name, src = (full, "verb") if full else _antecedent(ctx, chain, q.start)
        if not name:
            name, src = normalize_speaker(nick), "verb"
        return name, src, n.group().strip(), n.end()
    ep = EPITHET_AT_RE.match(text, m.end(), limit)
    if ep:  # ``,” kata pelatih asal Portugal itu``: someone named before
        name, src = _antecedent(ctx, chain, q.start)
        return name, src, ep.group(1).strip(), ep.end()
    s = SPACE_AT_RE.match(text, m.end(), limit)  # a capital next, or else ...
    men = mention_at(ctx.body, text, ctx.mentions, ctx.names, s.end() if s else m.end())
    if men is not None and (s or (men.title and men.name)):  # ... ``kata bupati H Nama``
        name, src = _resolve_mention(ctx, men)
        return name, src, men.surface.strip(" ,"), men.start
    r = ROLE_NOUN_AT_RE.match(text, m.end(), limit)
    if r:
        words = r.group(1).strip()
        return words, "verb", words, r.start(1)
    d = DESCRIPTION_AT_RE.match(text, m.end(), limit)
    if d:
        name, src = _antecedent(ctx, chain, q.start)
        return name, src, d.group(1).strip(), d.end()
    return None


def _name_first(ctx: Context, chain: _Chain, q: Quote, pos: int, limit: int) -> _Found | None:
    """A name or pronoun first, then its reporting verb: ``,” Budiman menegaskan.``"""
    text = ctx.masked
    lead = LEAD_AT_RE.match(text, pos, limit)
    if not lead:
        return None
    men = mention_at(ctx.body, text, ctx.mentions, ctx.names, lead.end())
    if men is not None and (
        FOLLOW_REPORT_RE.match(text, men.end, limit)
        or (men.title and men.name and text[men.end : men.end + 1] in (",", ".", ""))
    ):  # ``,” Budiman menegaskan.``; ``” Walikota H Ibnu Sina, saat memimpin ...``
        name, src = _resolve_mention(ctx, men)
        return name, src, men.surface.strip(" ,"), men.start
    p = PRONOUN_WORD_RE.match(text, lead.end(), limit)
    if p and FOLLOW_REPORT_RE.match(text, p.end(), limit):
        name, src = _antecedent(ctx, chain, q.start)
        return name, src, p.group(), p.start()
    return None


def _attribution_before(ctx: Context, chain: _Chain, q: Quote, mark: int) -> _Found | None:
    """A reporting clause before the opening mark (at ``mark``): ``Bupati X mengatakan,
    “``, in the clause that ends at the mark (on the masked paragraph)."""
    par = ctx.body.paragraphs[q.paragraph - 1]
    cs = par.start + clause_start(_masked_boundaries(ctx, par.no), mark - par.start)
    cs = within_reach(ctx.masked, cs, mark)
    cue = _reporting_in(ctx, cs, mark)
    if cue is None:
        return None
    pos, _cue, men = cue
    if men is None:
        name, src = _antecedent(ctx, chain, pos)
        return name, src, ctx.body.text[pos:mark].strip(" ,:"), pos
    name, src = _resolve_mention(ctx, men)
    return name, src, men.surface.strip(" ,"), men.start


# ------------------------------------------------------------------ reported speech


def _sentence_speech(ctx: Context, chain: _Chain, sent: Sentence) -> SentenceSpeech:
    """The voice of a sentence that is not direct speech: indirect with its speaker and
    cue, or narration."""
    cue = _reporting_in(ctx, sent.start, sent.end)
    if cue is not None:
        pos, word, men = cue
        if men is None:
            name, _src = _antecedent(ctx, chain, pos)
            if name:
                _push(chain, pos, name)
        else:
            name, _src = _resolve_mention(ctx, men)
        return SentenceSpeech("indirect", name, word)
    if FIRST_PERSON_RE.search(ctx.masked, sent.start, sent.end):
        name, _src = _antecedent(ctx, chain, sent.start, speech_first=True)
        return SentenceSpeech("indirect", name, "unmarked first person")
    if PASSIVE_REQUEST_RE.match(sent.text):
        # ``ASN diminta untuk ...``: a request of the last speaker's
        name, _src = _antecedent(ctx, chain, sent.start, speech_first=True)
        if name:
            _push(chain, sent.start, name)
        return SentenceSpeech("indirect", name, "passive request")
    masked = ctx.masked[sent.start : sent.end]
    for rx, cue, needles, unless in LAST_SPEAKER_CUES:
        # ``Semua kegiatan diminta ...``, ``pihaknya terus melakukan ...``: the words of
        # the last one who spoke, if anyone did (not of someone who only acted)
        if not any(n in masked for n in needles):
            continue  # a shortcut: the pattern cannot match without one of them
        if rx.search(masked) and not (unless and unless.match(masked)):
            name = _last_speaker(ctx, chain, sent.start)
            if name:
                return SentenceSpeech("indirect", name, cue)
    if says_who_said(sent.text):
        # ``Hal itu disampaikan dalam rapat ...``: who said it is the last speaker
        name, _src = _antecedent(ctx, chain, sent.start, speech_first=True)
        return SentenceSpeech("indirect", name, "attribution")
    return SentenceSpeech("narration", "", "")


# Passive verbs of an attribution-only sentence that do not say (``Hal ini diharapkan
# dapat ...`` is a hope about the thing, not an attribution).
_NOT_SAID = frozenset("diharapkan diminta diajak diimbau dihimbau diingatkan dipesankan".split())


def says_who_said(sentence: str) -> bool:
    """Does ``sentence`` only say that the words before were said?

    Parameters
    ----------
    sentence : str
        One sentence.

    Returns
    -------
    bool
        True for an attribution-only sentence (``Hal itu disampaikan dalam rapat ...``,
        ``Demikian diungkapkan Bupati X ...``, ``Pesan tersebut ia sampaikan ...``);
        False when its passive verb does not say (``Hal ini diharapkan dapat ...`` is a
        hope about the thing).
    """
    if FRONTED_ATTRIBUTION_RE.match(sentence):
        return True
    m = ATTRIBUTION_ONLY_RE.match(sentence)
    if m is None:
        return False
    verb = m.group().split()[-1].lower()
    return verb.removesuffix("nya") not in _NOT_SAID


def _reporting_in(ctx: Context, s: int, e: int) -> _Cue | None:
    """The earliest cue of reported speech between ``s`` and ``e`` of the masked body.

    Each kind of cue is read in text order and only its first is taken (ties go to the
    kind listed first): the earliest of those is the earliest of all, and a clause full
    of speech verbs costs no more than one with a single verb."""
    best: _Cue | None = None
    for cues in (
        _speaking_mentions(ctx, s, e),
        _pronoun_subjects(ctx, s, e),
        _institution_subjects(ctx, s, e),
        _lower_title_subjects(ctx, s, e),
        _menurut_cues(ctx, s, e),
        _passive_lead(ctx, s, e),
        _speech_verb_cues(ctx, s, e, NARR_SPEECH_RE, "speech verb"),
        _speech_verb_cues(ctx, s, e, PASSIVE_AGENT_RE, "passive"),
    ):
        first = next(cues, None)
        if first is not None and (best is None or first[0] < best[0]):
            best = first
    return best


def _speaking_mentions(ctx: Context, s: int, e: int) -> Iterator[_Cue]:
    """The first mention that speaks (``Bupati X mengatakan``), or a name that the
    sentence rule cut after a shortened word (``dr. Moh. Haris, menyoroti``), which is
    the subject of the sentence it ends in (unless a speaking mention starts at ``s``)."""
    items = ctx.mentions.items
    k = bisect_left(ctx.mentions.starts, s)
    cut = items[k - 1] if k and items[k - 1].end > s and items[k - 1].speech else None
    m = next((m for m in mentions_from(ctx.mentions, s, e) if m.speech and m.end <= e), None)
    if m is not None and (cut is None or m.start == s):
        yield (m.start, "reporting verb", m)
    elif cut is not None:
        yield (s, "reporting verb", cut)


def _pronoun_subjects(ctx: Context, s: int, e: int) -> Iterator[_Cue]:
    """A pronoun before a reporting verb (``Ia berharap``)."""
    for m in PRONOUN_REPORT_RE.finditer(ctx.masked, s, e):
        yield (m.start(), "reporting verb", None)


def _lower_title_subjects(ctx: Context, s: int, e: int) -> Iterator[_Cue]:
    """A title in lower case before a reporting verb (``bupati menegaskan``)."""
    for m in LOWER_TITLE_REPORT_RE.finditer(ctx.masked, s, e):
        title = m.group("title")
        men = Mention(m.start(), m.start() + len(title), "", title_key(title), True, True, title)
        yield (m.start(), "reporting verb", men)


def _institution_subjects(ctx: Context, s: int, e: int) -> Iterator[_Cue]:
    """An institution that opens a clause as the subject of a reporting verb
    (``Pemerintah Kota (Pemkot) Jayapura, Papua, meminta ...``): the speaker is the
    institution as written."""
    text = ctx.masked
    for m in INSTITUTION_REPORT_RE.finditer(text, s, e):
        before = text[s : m.start()].rstrip()
        words = m.group("inst").split()
        if (before and before[-1] not in ",–—-") or any(
            w == "yang" or VERB_WORD_RE.match(w) for w in words
        ):
            continue  # not the subject of its clause, or a clause of its own inside
        inst = m.group("inst").split(",")[0].strip()
        men = Mention(m.start(), m.start() + len(inst), inst, "", True, True, inst)
        yield (m.start(), "reporting verb", men)


def _menurut_cues(ctx: Context, s: int, e: int) -> Iterator[_Cue]:
    """``Menurutnya``, ``Menurut dia``, ``Menurut Bupati X``, ``Menurut bupati``."""
    for m in MENURUT_RE.finditer(ctx.masked, s, e):
        if m.group(0).endswith("nya") or m.group(1):
            yield (m.start(), "menurut", None)
        elif m.group("title"):  # ``Menurut bupati, ...``: the holder of that title
            t = m.group("title")
            men = Mention(m.start("title"), m.end(), "", title_key(t), True, True, t)
            yield (m.start(), "menurut", men)
        else:
            men = mention_at(ctx.body, ctx.masked, ctx.mentions, ctx.names, m.end())
            if men is not None:
                yield (m.start(), "menurut", men)


def _passive_lead(ctx: Context, s: int, e: int) -> Iterator[_Cue]:
    """``Dikatakan, ...``: the agent left out, the last speaker."""
    if PASSIVE_LEAD_RE.match(ctx.masked, s, e):
        yield (s, "passive", None)


def _speech_verb_cues(
    ctx: Context, s: int, e: int, rx: re.Pattern[str], cue: str
) -> Iterator[_Cue]:
    """A speech verb (``rx``: :data:`NARR_SPEECH_RE`) or a passive one with its agent
    (:data:`PASSIVE_AGENT_RE`): ``kata dia``, ``ujarnya``, ``Masih kata Sekda``,
    ``dikatakan Sekda``, ``Ditegaskannya`` (not ``lebih lanjut``)."""
    text = ctx.masked
    for m in rx.finditer(text, s, e):
        if LEBIH_BEFORE_RE.search(text, max(s, m.start() - 8), m.start()):
            continue
        if m.group("nya") or m.group("pron"):
            yield (m.start(), cue, None)
        else:
            men = mention_at(ctx.body, text, ctx.mentions, ctx.names, m.end())
            if men is not None and (men.name or men.title):
                yield (m.start(), cue, men)
