"""Voice: the leader's words versus the journalist's.

Regional news reports a leader's words in three ways, and a framing analysis has to
tell them apart (a frame in the leader's mouth is not a frame in the reporter's):

- **direct** speech: the words inside quotation marks, ``“Saya tuntut produk,” tegas
  Herman Deru.``;
- **indirect** (reported) speech: ``Budiman menyampaikan bahwa ...``, ``Sekda mengimbau
  agar ...``, ``Menurutnya, ...``, ``Dengan begitu, kata dia, ...``;
- **narration**: the journalist's own sentences.

:func:`extract_quotes` finds the direct quotes of one cleaned body and who said them;
:func:`sentence_voices` gives every sentence its voice; :func:`quotes` and
:func:`sentence_table` do the same over a whole corpus, streaming one document at a
time. :func:`evaluate_quotes` and :func:`evaluate_voices` compare the output with a
hand-coded sample.

How quotes are found
--------------------
Everything works paragraph by paragraph (one line of the cleaned body): a quotation is
never taken to run across a line break. The double marks ``“ ” " „ « »`` are read by
their *position*, not their shape, because scraped text uses them loosely: a mark with
a space (or the paragraph start) before it and a word after it opens a quote, a mark
after a word and before a space or punctuation closes one, so ``” Perangkat Daerah
...,” terangnya.`` (a closing shape used as an opener) and ``"...,” tutur dia.``
(straight and curly mixed) pair correctly. Then:

- a quote **opened and never closed** before the paragraph ends is kept (``closed`` is
  False) only when it looks like speech: a speech verb inside it ends it (``“Kita
  harus kompak, kata dia.``), it speaks in the first or second person (*saya, kami,
  kita, Anda* ...), or the next paragraph opens another quote (the convention for a
  quote running over several paragraphs). An unclosed mark in front of third-person
  narration (``“Sekda juga tak henti-hentinya mengajak ...``), or right after a
  dateline, is a stray mark, not a quote: its sentence is classified like any other;
- a quote **closed but never opened** is kept when a speech verb follows the closing
  mark; it is taken to start at the beginning of its paragraph (or of the first
  sentence after the previous quote of the paragraph); ``opening_mark`` is then ``""``;
- a quoted **name, theme or term** (``mengusung tema “...”``, ``program “Banyuasin
  Bangkit”``, a scare-quoted word) is not speech: a quote with no speech verb after it
  is a label when a naming word stands right before it (*tema, bertajuk, slogan, motto,
  program, gerakan, istilah* ...) or when it has at most four words and is not the
  start of its paragraph nor part of a reported-speech sentence. Labels and stray marks
  are left out of the results (``include_non_speech=True`` shows them, with their
  ``kind``), so a theme is never attributed to the leader.

How speakers are resolved
-------------------------
1. **verb**: a speech verb next to the quote names the speaker: after it (``,” kata
   Askolani.``, ``,” ujar Gubernur Herman Deru dalam arahannya.``, ``,” tegas Pakde
   Slamet.``, ``,” Budiman menegaskan.``) or before it in the same sentence (``Bupati X
   mengatakan, “...``; ``kata Budiman, “...”``). A title alone (``,” kata Sekda.``)
   means the person the text introduced with that title (``Sekretaris Daerah (Sekda)
   ..., M. Rahmattullah``).
2. **pronoun**: ``katanya``, ``tegasnya``, ``kata dia``, ``tutur dia``, ``ujar ia`` ...
   mean the last person mentioned before the quote, preferring subjects (the person
   who *mengatakan*, *meminta*, *memimpin* ..., not the one *didampingi*, *bersama*,
   *kepada*); the chain carries on (``Ia berharap`` resolved to Budiman makes Budiman
   the antecedent of the next ``terangnya``). A quote with no speech verb at all takes
   the last speaker the same way (zero anaphora), and so does the unclosed first part
   of a quote continued in the next paragraph.
3. **metadata**: the document's ``leader`` is used only when the text supports it: a
   bare title matching the document's ``role`` (``Sekda`` for role *Sekretaris Daerah*,
   ``Bupati`` for *Bupati* but not for *Wakil Bupati* or *Plh Bupati*), or a pronoun
   with no person before it in a text that names the leader or the role somewhere.

Speaker names are written as in the text without honorifics before them (*H., Hj.,
Dr., Pak, Bapak, Pakde, Bu, Ibu* ...) or degrees after them (*S.STP., MM., SH., MH*):
``Pakde Slamet`` -> ``Slamet``, ``H. Askolani, SH.,MH`` -> ``Askolani``; initials stay
(``M. Rahmattullah``). An unresolved speaker is ``""``.

Limits: the rules read Indonesian news prose; they do not parse syntax. Quotes inside
quotes (single marks) are part of the outer quote; a quote never runs across
paragraphs. Unquoted first-person sentences (``Kita upayakan semua bisa berjalan ...``,
common in press releases) are the leader's words without marks: they are ``indirect``
(cue ``"unmarked first person"``), so that every ``direct`` sentence has a quote in
:func:`quotes`. A sentence that carries on reported speech with no cue of its own
(``Hal ini diharapkan dapat ...`` after ``Sekda mengimbau ...``) is narration: nothing
in the sentence says whose words it holds. A place name between a title and a name
(``Bupati Lahat Bursah Zarnubi``) is recognised from place words (directions,
provinces, ``Kabupaten X``/``Pemkab X`` in the text, the ``places`` given), from a short
form of the name used alone elsewhere (``ujar Bursah``) and from the leader's name;
without any of these the place stays in the name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from .tokens import split_sentences

if TYPE_CHECKING:  # pandas is imported only when a table is built
    import pandas as pd

__all__ = [
    "QUOTE_COLUMNS",
    "REPORTING_VERBS",
    "SPEECH_VERBS",
    "VOICES",
    "evaluate_quotes",
    "evaluate_voices",
    "extract_quotes",
    "normalize_speaker",
    "quotes",
    "sentence_table",
    "sentence_voices",
]

#: The three voices of :func:`sentence_voices`.
VOICES = ("direct", "indirect", "narration")

#: Speech verbs of attribution, used next to a quote (``,” kata dia``) or as a
#: parenthesis (``Dengan begitu, kata dia, ...``); each also with the clitic ``-nya``.
SPEECH_VERBS = tuple(
    """kata ujar ungkap tegas terang tutur tandas imbuh jelas pinta pungkas ucap sebut
    beber tambah lanjut harap papar urai ajak kilah tukas seru sambung cetus timpal
    jawab pesan sergah ingat tanya imbau""".split()
)

#: The speech verbs that also mark reported speech in narration, without quote marks
#: (``Masih kata Sekda, ...``, ``Untuk itu lanjut dia, ...``, ``..., ujarnya.``). The
#: others (``ingat``, ``pesan``, ``tanya`` ...) are too often ordinary words there.
_NARRATION_SPEECH_VERBS = tuple(
    """kata ujar ungkap tegas terang tutur tandas imbuh jelas pinta pungkas ucap sebut
    beber tambah lanjut harap papar""".split()
)

#: Reporting verbs of indirect speech: a person, title or pronoun as their subject
#: (``Budiman menyampaikan bahwa ...``, ``Ia berharap ...``) makes a sentence reported
#: speech. Verbs of stance and appeal (*menilai, meyakini, mengapresiasi, mendorong*)
#: are included: they report what the leader said, in the journalist's words.
REPORTING_VERBS = tuple(
    """mengatakan menyampaikan meminta mengimbau menghimbau berharap mengharapkan
    menekankan mengingatkan menegaskan mengajak berpesan menyebutkan menyebut menjelaskan
    mengungkapkan mengungkap menambahkan menilai mengapresiasi menuturkan menerangkan
    memaparkan menginstruksikan memerintahkan menandaskan mengemukakan menyatakan mengaku
    mengakui meyakini berpendapat berujar berkata bertutur mengutarakan menganjurkan
    menginginkan menyerukan mengharap menuntut mendorong menargetkan mewanti-wanti
    berjanji memastikan membeberkan menyinggung menyoroti menyarankan mengusulkan
    menjawab menanggapi mengucapkan mengklaim menandaskan mengaku menyebutkan""".split()
)

#: Passive speech verbs that mark reported speech when their agent is given
#: (``dikatakan Sekda bahwa ...``, ``Ditegaskannya, ...``), never without one
#: (``Hal ini diharapkan dapat ...`` is narration).
_PASSIVE_SPEECH = tuple(
    """dikatakan disampaikan ditegaskan dijelaskan diungkapkan ditambahkan diterangkan
    dituturkan diingatkan diimbau dihimbau dipesankan dipaparkan ditekankan disebutkan
    dinyatakan diharapkan diminta diajak dikemukakan diutarakan""".split()
)

#: Columns of :func:`quotes` (after ``doc_id``; ``by`` adds one more).
QUOTE_COLUMNS = (
    "doc_id", "speaker", "speaker_source", "attribution", "text", "sentence",
    "sentence_no", "paragraph", "start", "end", "closed", "opening_mark",
)

# ------------------------------------------------------------------ word lists

_HONORIFICS = frozenset(
    """h hj hm hj kh drs dra dr drg ir prof ust ustadz ustaz hajjah haji pak bapak pakde
    bude bu ibu bunda mas mbak bang abang kak tuan nyonya ny sdr sdri saudara saudari
    yth cik uda datuk""".split()
)
# Honorifics that need their period to count (``H. Budiman``; a bare ``H`` may be a
# name); the others count with or without (``Pak``, ``Ibu``, ``Dr`` ...).
_HONORIFICS_NEED_DOT = frozenset({"h", "hm", "ny"})

#: Degrees and titles written after a name (compared lower case, without periods).
_DEGREES = frozenset(
    """sstp stp mm sh mh msi si ssos sos se st mt spd pd mpd sag ag sip ip skom kom skm km
    mkes kes ak ca phd ma mba msc map sp mp ssi shi mhum hum lc ba bsc mag sth mth spt
    mkom ssy sy mars mkm me sfarm farm apt spog mmr sked ked mpa mpp dipl cht cpa mec sst
    ssit mt mtr msc mei mh mpdi pdi sthi mpi sikom mikom mm ak mak sak sht mps ms amd
    amk skep kep ners spt""".split()
)

#: Words that show a run of capitalised words after a title is a place, not a name.
_PLACE_WORDS = frozenset(
    """timur barat utara selatan tengah tenggara daya laut raya hulu hilir ilir ulu darat
    kepulauan kabupaten kab kota provinsi prov kecamatan kec desa kelurahan kel daerah
    sumatera sumatra sumsel sumut sumbar jawa jatim jateng jabar kalimantan kalbar
    kalteng kalsel kaltim kaltara sulawesi sulsel sulteng sultra sulut sulbar bali papua
    maluku malut aceh riau kepri jambi bengkulu lampung banten gorontalo yogyakarta
    jakarta dki diy ntb ntt babel bangka belitung nusa indonesia ri""".split()
)
#: Words after which the following capitalised words are a place name.
_PLACE_MARKERS = frozenset(
    "kabupaten kab kota provinsi prov kecamatan kec desa kelurahan kel pemkab pemkot "
    "pemprov pemda".split()
)
#: Words of office names (``Kepala Dinas Kesehatan``, ``Asisten Bidang Perekonomian``).
_OFFICE_WORDS = frozenset(
    """dinas badan bagian bidang kantor seksi biro unit satuan polisi pamong praja satpol
    umum sipil hidup lingkungan sosial kerja tenaga komunikasi informatika statistik
    sandi pariwisata olahraga pemuda arsip perpustakaan sekretariat inspektorat
    administrasi ekonomi pemerintahan rakyat negeri agama organisasi perangkat""".split()
)
_OFFICE_NOUN_RE = re.compile(r"^(?:ke|pe|per|pem|pen|peng|peny)[a-z]{3,}an$")

#: Capitalised words that start sentences or name things, never a person's name.
_NOT_NAMES = frozenset(
    """dalam pada untuk selain sementara menurut terkait kemudian selanjutnya namun lebih
    saat ketika usai setelah sebelum di ke dari oleh bagi dengan hal hari itu ini maka
    sehingga karena juga ia dia beliau kami kita saya mereka semua seluruh para rapat
    kegiatan acara pemerintah pemkab pemkot pemprov pemda dinas badan sedangkan adapun
    bahkan tak tidak ya yang kepada sebagai atas pihaknya hadir secara masih kata begitu
    demikian apalagi meski walaupun jika bila apabila agar supaya tahun bulan senin
    selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli
    agustus september oktober november desember dprd opd asn pns kota negara rakor raker
    apel program gerakan tema sekda bupati gubernur wabup wagub camat kepala ketua
    masyarakat warga pejabat pegawai tim anggota jajaran dan serta atau lalu pun
    sebelumnya sesuai tentu karenanya olehnya untuk itulah disisi sisi""".split()
)

#: Words before a name that make it an object or a companion, not the subject
#: (``didampingi Sekda``, ``bersama Wabup``, ``kepada Bupati``).
_OBJECT_MARKERS = frozenset(
    """didampingi bersama dan serta kepada oleh dengan untuk dari ke para hadir dihadiri
    bagi atas antara yakni yaitu seperti termasuk mendampingi menyambut mengundang
    diterima menerima menemui bertemu menghadap kecuali selain tanpa mewakili diwakili
    kunjungan sambutan setiap seluruh semua tiap sejumlah""".split()
)

#: Words right before a title that make it part of a name of a thing
#: (``Peraturan Bupati``, ``Rumah Jabatan Bupati``, ``Piala Gubernur``).
_TITLE_COMPOUND_BEFORE = frozenset(
    """peraturan keputusan instruksi surat edaran jabatan kantor rumah pendopo aula piala
    calon pemilihan pilkada sekretariat staf ajudan istri suami protokol perbup pergub
    perwali kepgub sk rujab gedung ruang halaman lapangan tim bagian biro rumdin cup
    perintah""".split()
)

#: Adverbs and circumstances between a subject and its reporting verb.
_ADV = (
    r"(?:juga|pun|pula|kembali|lagi|tetap|turut|sempat|sendiri|langsung|terus|selalu"
    r"|senantiasa|kemudian|lalu|sekaligus|bahkan|secara\s+\w+|dengan\s+tegas"
    r"|(?:tak|tidak)\s+(?:henti-hentinya|lupa|bosan-bosannya|bosan)"
    r"|(?:dalam|saat|ketika|pada)\s+(?:kesempatan\s+(?:itu|tersebut|ini)|[a-z]+nya))"
)

_FIRST_PERSON_RE = re.compile(
    r"\b(?:saya|aku|kami|kita|kalian|anda|bapak-bapak|ibu-ibu|saudara-saudara|"
    r"saudara-saudari|bapak/ibu)\b",
    re.IGNORECASE,
)

# ------------------------------------------------------------------ regexes


def _alt(words: Iterable[str]) -> str:
    return "|".join(sorted({re.escape(w) for w in words}, key=len, reverse=True))


_TITLE_CORE = (
    r"Bupati|Gubernur|Wali\s?[Kk]ota|Walikota|Sekretaris\s+Daerah|Sekda(?:kab|kot|prov|ko)?"
    r"|Wabup|Wabub|Wagub|Wawako|Wawali|Wako"
    r"|Asisten(?:\s+(?:I{1,3}|IV|[1-4]))?|Staf\s+Ahli|Inspektur|Camat|Lurah|Kades"
    r"|Kepala(?:\s+(?:Desa|Daerah|Dinas|Badan|Bagian|Bidang|Kantor|Seksi|Pelaksana|Biro"
    r"|Unit|Satuan|UPTD|Pusat))?"
    r"|Kadis|Kaban|Kabag|Kabid|Kasi|Kasubag|Kalak|Karo|Kasat|Kasatpol\s+PP"
    r"|Ketua|Direktur|Dirut|Menteri|Presiden|Kapolres|Kapolresta|Kapolda|Kapolsek|Dandim"
    r"|Danrem|Danramil|Kajari|Kajati|Rektor"
)
_TITLE_RE = re.compile(
    r"\b(?:(?:Plh|Plt|Pj|Pjs)\.?\s+)?(?:Wakil\s+)?(?:" + _TITLE_CORE + r")\b"
)
_HONORIFIC_RE = re.compile(
    r"\b(?:(?:H|Hj|HM|KH|Drs|Dra|Dr|dr|drg|Ir|Prof|Ust|Ustadz)\.|(?:Pak|Bapak|Pakde|Bude"
    r"|Bu|Ibu|Bunda|Mas|Mbak|Bang|Hj|KH|Dr|Drs|Ir|Prof|Hajjah|Haji)\b)[ \t]*(?=[A-Z])"
)
# A token while reading a name: a parenthesis, a word (with its final period), a comma.
_TOK_RE = re.compile(r"[ \t]*(\([^()\n]{0,40}\)|[^\W\d_][\w’'\-]*\.?|,)")
_PLACE_AFTER_MARKER_RE = re.compile(
    r"(?<!Wali )\b(?:Kabupaten|Kab\.|Kota|Provinsi|Prov\.|Pemkab|Pemkot|Pemprov|Pemda"
    r"|Kecamatan|Kec\.|Desa|Kelurahan)[ \t]+((?:[A-Z][\w’'\-]*[ \t]*){1,4})"
)
_SPEECH_ALT = _alt(SPEECH_VERBS)
_NARR_SPEECH_ALT = _alt(_NARRATION_SPEECH_VERBS)
_REPORTING_ALT = _alt(REPORTING_VERBS)
_ANCHOR_RE = re.compile(
    r"\b(?:" + _SPEECH_ALT + r")[ \t]+(?P<a>[A-Z][a-z][\w’'\-]*)(?![ \t]*[A-Z])"
    r"|(?<![\w.,] )(?<![\w.,])(?P<b>[A-Z][a-z][\w’'\-]*)[ \t]+(?:(?:juga|pun|pula|kembali|lagi"
    r"|tetap)[ \t]+)*(?:" + _REPORTING_ALT + r")\b"
)
_PASSIVE_ALT = _alt(_PASSIVE_SPEECH)
_PRONOUN = r"(?:[Dd]ia|[Ii]a|[Bb]eliau)"

# Attribution right after a closing mark: ``,” kata Askolani``, ``,” katanya``,
# ``” demikian disampaikan Bupati``, ``,” menurutnya``.
_AFTER_RE = re.compile(
    r"[ \t]*[,.;:!?]?[ \t]*(?:[-–—][ \t]*)?"
    r"(?:(?:[Dd]emikian|[Bb]egitu|[Ss]eperti\s+yang|[Ss]ebagaimana)[ \t]+)?"
    r"(?:(?P<verb>" + _SPEECH_ALT + r"|" + _REPORTING_ALT + r")(?P<nya>nya)?"
    r"|(?P<passive>" + _PASSIVE_ALT + r")(?P<pnya>nya)?"
    r"|(?P<menurut>[Mm]enurut)(?P<mnya>nya)?)\b",
    re.IGNORECASE,
)
_PRONOUN_AT_RE = re.compile(r"[ \t]+(?:lagi[ \t]+|pula[ \t]+)?(?:oleh[ \t]+)?(" + _PRONOUN + r")\b")
# A description instead of a name: ``ujar pria yang akrab disapa Pakde itu``.
_DESCRIPTION_AT_RE = re.compile(
    r"[ \t]+((?:pria|wanita|perempuan|lelaki|laki-laki|orang|sosok|mantan|politisi"
    r"|politikus|birokrat|bupati|gubernur|wali|sekda|wakil|ketua|kepala|pejabat|pimpinan"
    r"|jenderal|suami|ayah|bapak|ibu)\b[^,.;\n]{0,60})"
)
_SPACE_AT_RE = re.compile(r"[ \t]+(?:lagi[ \t]+|pula[ \t]+)?(?:oleh[ \t]+)?(?=[A-Z])")
# Name first after a closing mark: ``,” Budiman menegaskan.``
_LEAD_AT_RE = re.compile(r"[ \t]*[,.;:!?]?[ \t]*(?=[A-Z])")
# What may follow a mention before its reporting verb.
_FOLLOW_REPORT_RE = re.compile(
    r"(?:[ \t]*\([^()\n]{0,40}\))?[ \t]+(?:" + _ADV + r"[ \t]+)*(?P<verb>"
    + _REPORTING_ALT + r"|" + _SPEECH_ALT + r")\b"
)
_FOLLOW_VERB_RE = re.compile(
    r"(?:[ \t]*,)?[ \t]+(?:" + _ADV + r"[ \t]+)*"
    r"(?:me|be[rl]|di|ter|mem|men|meng|meny|memper|selaku|yang|bersama|didampingi)[a-z]"
)
_PREV_WORD_RE = re.compile(r"(\S+)[ \t]*$")
_SPEECH_WORD_RE = re.compile(r"(?:" + _SPEECH_ALT + r"|" + _PASSIVE_ALT + r")|menurut")
_DEGREE_RUN_RE = re.compile(
    r"(?:[ \t]*,?[ \t]*(?:[A-Z][A-Za-z]{0,5}(?:\.[A-Za-z]{1,5})*\.?)(?=[\s,.]|$))+"
)

# Reported speech in a sentence, besides a subject + reporting verb.
_MENURUT_RE = re.compile(r"\b[Mm]enurut(?:nya\b|[ \t]+(" + _PRONOUN + r")\b|[ \t]+(?=[A-Z]))")
_NARR_SPEECH_RE = re.compile(
    r"(?<![\w-])(?:" + _NARR_SPEECH_ALT + r")(?:(?P<nya>nya)\b|[ \t]+(?:(?P<pron>"
    + _PRONOUN + r")\b|(?=[A-Z])))",
    re.IGNORECASE,
)
_PASSIVE_AGENT_RE = re.compile(
    r"\b(?:" + _PASSIVE_ALT + r")(?:(?P<nya>nya)\b|[ \t]+(?:oleh[ \t]+)?(?:(?P<pron>"
    + _PRONOUN + r")\b|(?=[A-Z])))",
    re.IGNORECASE,
)
_PRONOUN_REPORT_RE = re.compile(
    r"\b(" + _PRONOUN + r")(?:[ \t]+" + _ADV + r")*[ \t]+(?:" + _REPORTING_ALT + r")\b"
)
_LEBIH_BEFORE_RE = re.compile(r"\blebih[ \t]*$", re.IGNORECASE)

# Words before a quote that make it a name, theme or term, not speech.
_LABEL_BEFORE_RE = re.compile(
    r"\b(?:tema|bertema|bertemakan|bertajuk|tajuk|slogan|berslogan|motto|moto|semboyan"
    r"|jargon|tagline|tagar|judul|berjudul|program|gerakan|istilah|sebutan|julukan"
    r"|dijuluki|disebut|dinamakan|bernama|kegiatan|acara|aplikasi|inovasi|lomba|kategori"
    r"|predikat|penghargaan|kata|kalimat|frasa|logo|label|moto|visi|misi|nama|sebagai"
    r"|bertitel|berlabel|hashtag)(?:[ \t]+\w+){0,2}[ \t]*[:,]?[ \t]*$",
    re.IGNORECASE,
)
_SENT_BOUNDARY_RE = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“”'(]*[A-Z0-9])")
_DATELINE_START_RE = re.compile(
    r"[A-Z]{3,}(?:[ ][A-Z]{2,}){0,2}[ \t]*(?:,[ \t]*[\w.]+(?:[ \t][\w.]+)?)?[ \t]*[-–—_]"
    r"|[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?,[ \t]*[\w.]+[ \t]*[-–—]"
)
_DATELINE_RE = re.compile(r"^[A-Z][A-Za-z .,'’/()-]{1,60}?[ \t]*[-–—_:]+[ \t]*$")
_WORDCHAR_RE = re.compile(r"\w")
_INTERNAL_ATTR_RE = re.compile(
    r"[,.!?]\s+(?=(?:" + _SPEECH_ALT + r")(?:nya\b|[ \t]+(?:" + _PRONOUN + r"\b|[A-Z])))"
)
_SUBJECT_START_RE = re.compile(
    r"(?:" + _PRONOUN + r"|(?:[A-Z][\w’'\-]*\.?[ \t]+){0,3}[A-Z][\w’'\-]*)\b"
)
_NAME_REST_RE = re.compile(r"(?:[ \t,]+(?:[A-Z][\w’'\-]*\.?|\([^()]*\)))*")
_REPORTING_WORD_RE = re.compile(r"\b(?:" + _REPORTING_ALT + r")\b")
_NAME_BEFORE_RE = re.compile(
    r"((?:[A-Z][\w’'\-]*\.?[ \t]+){0,3}[A-Z][\w’'\-]*)[ \t]+(?:" + _ADV + r"[ \t]+)*$"
)
_COMMA_AT_RE = re.compile(r"[ \t]*,[ \t]*")
_NOMOR_AT_RE = re.compile(r"[ \t]+(?:Nomor|No\.|Nomer)\b")
_COORDINATION_RE = re.compile(r"[ \t,]*(?:bersama|dan|serta|didampingi)[ \t]+")
_VERB_WORD_RE = re.compile(r"^(?:di|me|mem|men|meng|meny|ber|ter)[a-z]{3,}$")
_PRONOUN_WORD_RE = re.compile(_PRONOUN + r"\b")

_OPEN_SHAPES = frozenset("“„‟«")
_CLOSE_SHAPES = frozenset("”»")
_MARKS_RE = re.compile('[“”"„‟«»″]')


# ------------------------------------------------------------------ small helpers

class _Mention(NamedTuple):
    """A person named or pointed at in the text (outside quotes)."""

    start: int
    end: int
    name: str  # normalised name, "" for a title alone or a pronoun
    title: str  # canonical title key, "" if none
    subject: bool  # subject of its clause (not didampingi/bersama/kepada ...)
    speech: bool  # speaker of a quote or subject of a reporting verb
    surface: str  # the words of the text


_TITLE_SYNONYMS = (
    (re.compile(r"\bwali ?kota\b|\bwako\b"), "wali kota"),
    (re.compile(r"\bsekretaris daerah\b|\bsekda(?:kab|kot|prov|ko)?\b"), "sekda"),
    (re.compile(r"\bwabu[pb]\b"), "wakil bupati"),
    (re.compile(r"\bwagub\b"), "wakil gubernur"),
    (re.compile(r"\bwawa(?:ko|li)\b"), "wakil wali kota"),
    (re.compile(r"\bkadis\b"), "kepala dinas"),
    (re.compile(r"\bkaban\b"), "kepala badan"),
    (re.compile(r"\bkabag\b"), "kepala bagian"),
    (re.compile(r"\bkades\b"), "kepala desa"),
)


@lru_cache(maxsize=512)
def _title_key(title: str) -> str:
    """Canonical key of a title: ``Sekretaris Daerah``/``Sekda`` -> ``sekda``."""
    t = " ".join(title.replace(".", " ").split()).lower()
    for rx, canonical in _TITLE_SYNONYMS:
        t = rx.sub(canonical, t)
    return t


def _role_key(role: str | None) -> str:
    if not role:
        return ""
    m = _TITLE_RE.match(role.strip())
    return _title_key(m.group() if m else role)


def normalize_speaker(name: str | None) -> str:
    """A person's name without honorifics before it or degrees after it.

    >>> normalize_speaker("H. Askolani, SH.,MH")
    'Askolani'
    >>> normalize_speaker("Pakde Slamet")
    'Slamet'
    >>> normalize_speaker("M. Rahmattullah, S.STP., MM.")
    'M. Rahmattullah'
    """
    if not isinstance(name, str):
        return ""
    s = re.sub(r"\s+", " ", name).strip().strip(",;:")
    s = s.split(",")[0].strip()
    words = s.split(" ")
    while words:
        w = words[0]
        core = w.rstrip(".").lower()
        if core in _HONORIFICS and (w.endswith(".") or core not in _HONORIFICS_NEED_DOT):
            words.pop(0)
        else:
            break
    while len(words) > 1 and words[-1].replace(".", "").lower() in _DEGREES and (
        words[-1].replace(".", "").isupper() or "." in words[-1]
    ):
        words.pop()
    return " ".join(words).strip(" .")


def _is_placeish(core: str, places: frozenset[str] | set[str]) -> bool:
    low = core.lower()
    return (
        low in _PLACE_WORDS
        or low in places
        or (core.isupper() and len(core) >= 2)
        or low in _OFFICE_WORDS
        or bool(_OFFICE_NOUN_RE.match(low))
    )


# ------------------------------------------------------------------ the analysis


class _Doc:
    """Everything worked out for one body: quotes, mentions, sentences, voices."""

    def __init__(
        self,
        text: str,
        leader: str | None,
        role: str | None,
        places: Iterable[str] | None = None,
    ) -> None:
        self.text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.leader = normalize_speaker(leader) if isinstance(leader, str) else ""
        self.role_key = _role_key(role if isinstance(role, str) else None)
        self.leader_tokens = {
            w.lower() for w in self.leader.replace(".", " ").split() if len(w) > 2
        }
        self.places: set[str] = set()
        for m in _PLACE_AFTER_MARKER_RE.finditer(self.text):
            for w in m.group(1).split():
                low = w.lower().rstrip(".")
                if low in _NOT_NAMES and low not in _PLACE_WORDS:
                    break
                self.places.add(low)
        for place in places or ():
            if isinstance(place, str):
                self.places.update(
                    w.lower() for w in re.findall(r"[A-Za-z][\w’'\-]*", place)
                    if w[0].isupper() and w.lower() not in self.leader_tokens
                )
        # Short names used alone (``kata Bursah``, ``Ridho menegaskan``) mark where a
        # name starts after a title and a place: ``Bupati Lahat Bursah Zarnubi``.
        self.anchors = set(self.leader_tokens)
        for m in _ANCHOR_RE.finditer(self.text):
            w = m.group("a") or m.group("b")
            if w and w.lower() not in _NOT_NAMES and not _TITLE_RE.fullmatch(w):
                self.anchors.add(w.lower())
        self.anchors -= self.places
        self.paragraphs: list[tuple[int, int]] = []
        pos = 0
        for line in self.text.split("\n"):
            self.paragraphs.append((pos, pos + len(line)))
            pos += len(line) + 1
        self.quotes: list[dict[str, Any]] = []
        self._find_quotes()
        self.masked = self._mask()
        self.mentions: list[_Mention] = []
        self._find_mentions()
        self.sentences = self._sentence_spans()
        self.voices: list[dict[str, Any]] = []
        self._resolve()

    # ---------------------------------------------------------------- quotes

    def _mark_roles(self, par: str) -> list[tuple[int, str, str]]:
        """(index, mark, role) for each double mark of a paragraph; role open/close."""
        out = []
        is_open = False
        for m in _MARKS_RE.finditer(par):
            i, ch = m.start(), m.group()
            prev = par[i - 1] if i > 0 else ""
            nxt = par[i + 1] if i + 1 < len(par) else ""
            left_space = prev == "" or prev.isspace() or prev in "([{"
            right_space = nxt == "" or nxt.isspace() or nxt in ".,;:!?)]}"
            if left_space and not right_space:
                role = "open"
            elif right_space and not left_space:
                role = "close"
            elif left_space and right_space:
                before = par[:i].rstrip()
                if not before or _DATELINE_RE.match(before):
                    role = "open"
                elif before[-1] == ":":
                    role = "open"
                elif before[-1].isalnum() or before[-1] in ",.!?;…":
                    role = "close" if is_open or ch not in _OPEN_SHAPES else "open"
                else:
                    role = "open" if ch in _OPEN_SHAPES else "close" if ch in _CLOSE_SHAPES else (
                        "close" if is_open else "open"
                    )
            else:  # a mark between two words or punctuation marks
                if ch in _OPEN_SHAPES and not is_open:
                    role = "open"
                elif ch in _CLOSE_SHAPES and is_open:
                    role = "close"
                else:
                    role = "close" if is_open else "open"
            is_open = role == "open"
            out.append((i, ch, role))
        return out

    def _find_quotes(self) -> None:
        text = self.text
        spans: list[dict[str, Any]] = []
        for pno, (p0, p1) in enumerate(self.paragraphs, start=1):
            par = text[p0:p1]
            if not _MARKS_RE.search(par):
                continue
            open_at: tuple[int, str] | None = None
            last_end = 0  # paragraph offset after the previous quote
            for i, ch, role in self._mark_roles(par):
                if role == "open":
                    if open_at is not None:
                        spans.append(self._span(pno, p0, open_at, i, closed=False))
                    open_at = (i, ch)
                else:
                    if open_at is not None:
                        spans.append(self._span(pno, p0, open_at, i, closed=True))
                        open_at = None
                        last_end = i + 1
                    else:  # closed but never opened: infer the opening
                        start = self._inferred_start(par, last_end, i)
                        q = self._span(pno, p0, (start, ""), i, closed=True, inferred=True)
                        if q is not None:
                            spans.append(q)
                        last_end = i + 1
            if open_at is not None:
                spans.append(self._span(pno, p0, open_at, len(par), closed=False))
        spans = [s for s in spans if s is not None and s["end"] > s["start"]]
        # An unclosed quote followed by one opening the next paragraph continues there.
        for k, q in enumerate(spans):
            if not q["closed"] and k + 1 < len(spans):
                nxt = spans[k + 1]
                n0 = self.paragraphs[nxt["paragraph"] - 1][0]
                if nxt["paragraph"] == q["paragraph"] + 1 and nxt["opening_mark"] and (
                    not text[n0 : nxt["start"] - 1].strip()
                ):
                    q["continues"] = True
        for q in spans:
            q["kind"] = self._kind(q)
            q["intro"] = False
            if q["mark_at"] is not None:
                p0 = self.paragraphs[q["paragraph"] - 1][0]
                before = text[p0 : q["mark_at"]]
                clause = before[_last_boundary(before) :]
                q["intro"] = bool(clause.strip()) and self._has_reporting(clause)
        self.quotes = spans

    def _inferred_start(self, par: str, after: int, close_i: int) -> int:
        """Where a quote closed but never opened starts: the earliest sentence, going
        back from the closing mark, that is not narration about someone (``Bupati X
        membuka apel.``) and not reported speech; never before the previous quote."""
        if after:
            m = _SENT_BOUNDARY_RE.search(par, after)
            after = m.end() if m else len(par)
        starts = [after] + [
            m.end() for m in _SENT_BOUNDARY_RE.finditer(par, after, close_i)
        ]
        start = starts[-1]
        for k in range(len(starts) - 2, -1, -1):
            sent = par[starts[k] : starts[k + 1]].strip()
            if self._third_person_start(sent) or self._has_reporting(sent):
                break
            start = starts[k]
        return start

    def _span(self, pno, p0, open_at, close_i, *, closed, inferred=False):
        par_text = self.text[p0 : self.paragraphs[pno - 1][1]]
        oi, mark = open_at
        s = oi if inferred else oi + 1
        e = close_i
        while s < e and par_text[s].isspace():
            s += 1
        while e > s and par_text[e - 1].isspace():
            e -= 1
        if e <= s:
            return None
        q = {
            "start": p0 + s,
            "end": p0 + e,
            "paragraph": pno,
            "closed": closed,
            "opening_mark": mark,
            "mark_at": p0 + oi if not inferred else None,
            "close_at": p0 + close_i if closed else None,
            "inferred": inferred,
            "continues": False,
            "internal_attr": None,
        }
        if inferred and not _AFTER_RE.match(par_text, close_i + 1):
            return None  # a lone closing mark with no speech verb after it: ignore it
        if not closed:
            # a speech verb inside the unclosed quote ends it: ``“Kita kompak, kata dia.``
            body = par_text[s:e]
            m = _INTERNAL_ATTR_RE.search(body)
            if m:
                q["end"] = p0 + s + m.start() + 1
                q["internal_attr"] = p0 + s + m.end()
        return q

    def _kind(self, q: dict[str, Any]) -> str:
        """``speech``, ``label`` (a name, theme or term) or ``stray`` (a lone mark)."""
        text = self.text
        body = text[q["start"] : q["end"]]
        p0, p1 = self.paragraphs[q["paragraph"] - 1]
        after = q["close_at"] + 1 if q["close_at"] is not None else None
        attributed = after is not None and bool(_AFTER_RE.match(text, after, p1))
        if not q["closed"]:
            if _DATELINE_START_RE.match(body):
                return "stray"  # ``“LAHAT – Bupati ...``: a mark before a dateline
            if q["internal_attr"] is not None:
                return "speech"
            if self._third_person_start(body):
                return "stray"
            if _FIRST_PERSON_RE.search(body) or q["continues"]:
                return "speech"
            return "stray"
        if attributed:
            return "speech"
        before = text[p0 : q["mark_at"]] if q["mark_at"] is not None else ""
        if _LABEL_BEFORE_RE.search(before):
            return "label"
        if _FIRST_PERSON_RE.search(body):
            return "speech"
        if len(body.split()) <= 4 and before.strip():
            # a scare-quoted word (``tidak “main mata” dengan``) or a short partial
            # quote, unless a reporting clause introduces it: ``kata Hendra, “...”``
            intro = before.rstrip()
            clause = intro[_last_boundary(intro) :]
            if not (intro.endswith((",", ":")) and self._has_reporting(clause)):
                return "label"
        return "speech"

    @staticmethod
    def _third_person_start(body: str) -> bool:
        """The quote starts like narration about someone: ``Sekda juga mengajak ...``."""
        m = _TITLE_RE.match(body) or _SUBJECT_START_RE.match(body)
        if not m:
            return False
        # skip the rest of a name after a title, then look for a verb
        rest = body[m.end() :]
        rest = rest[_NAME_REST_RE.match(rest).end() :]
        return bool(_FOLLOW_VERB_RE.match(rest)) and not _FIRST_PERSON_RE.match(body)

    @staticmethod
    def _has_reporting(clause: str) -> bool:
        return bool(
            _REPORTING_WORD_RE.search(clause)
            or _MENURUT_RE.search(clause)
            or _NARR_SPEECH_RE.search(clause)
        )

    def _mask(self) -> str:
        """The body with the words of speech and label quotes blanked out."""
        chars = list(self.text)
        for q in self.quotes:
            if q["kind"] != "stray":
                for i in range(q["start"], q["end"]):
                    if chars[i] != "\n":
                        chars[i] = " "
        return "".join(chars)

    # ---------------------------------------------------------------- mentions

    def _read_name(self, pos: int, *, after_title: bool, limit: int) -> tuple[str, int]:
        """Read a name starting at ``pos``: (normalised name or "", end offset)."""
        text = self.masked
        toks: list[tuple[str, int, int, str]] = []  # (core, start, end, kind)
        p = paren_end = pos
        region_mode = False
        while len(toks) < 10 and p < limit:
            m = _TOK_RE.match(text, p, limit)
            if not m:
                break
            tok = m.group(1)
            s, e = m.start(1), m.end(1)
            if tok == ",":
                break
            if tok[0] == "(":
                if after_title and all(k != "cap" or region_mode for *_, k in toks):
                    p = paren_end = e
                    continue
                break
            dot = tok.endswith(".")
            core = tok[:-1] if dot else tok
            low = core.lower()
            if low in _HONORIFICS and (dot or low not in _HONORIFICS_NEED_DOT) and (
                core[0].isupper() or low in ("dr", "drg")
            ):
                kind = "hon"
            elif core[0].isupper():
                if len(core) == 1:
                    kind = "init" if dot else "cap"
                elif core.isupper() and low.replace(".", "") in _DEGREES and toks:
                    kind = "deg"
                elif core.isupper():
                    kind = "caps"
                else:
                    kind = "cap"
                if low in _NOT_NAMES and kind == "cap" and not region_mode:
                    if low not in _PLACE_WORDS:
                        break
                if kind in ("cap", "caps") and low in _PLACE_MARKERS and after_title:
                    region_mode = True
            elif low in ("bin", "binti") and toks:
                kind = "part"
            else:
                break
            toks.append((core, s, e, kind))
            p = e
            if dot and kind == "cap" and len(core) > 1 and low not in _DEGREES:
                toks[-1] = (core, s, e - 1, kind)
                break  # a full stop after a word ends the sentence
        end = max(toks[-1][2] if toks else pos, paren_end)
        # Split region words / honorifics from the name itself.
        hon = [i for i, t in enumerate(toks) if t[3] == "hon"]
        if hon:
            last_h = hon[-1]
            name_toks = toks[last_h + 1 :]
        elif region_mode:
            name_toks = []
        else:
            name_toks = toks
            if after_title:
                lead = [i for i, t in enumerate(toks) if t[0].lower() in self.anchors]
                if lead:
                    name_toks = toks[lead[0] :]
                else:
                    i = 0
                    while i < len(toks) and (
                        toks[i][3] == "caps" or _is_placeish(toks[i][0], self.places)
                    ):
                        i += 1
                    name_toks = toks[i:]
        # Degrees end the name.
        for i, t in enumerate(name_toks):
            if t[3] == "deg":
                name_toks = name_toks[:i]
                break
        while name_toks and name_toks[-1][3] in ("caps", "part", "hon"):
            name_toks = name_toks[:-1]
        if not any(t[3] == "cap" for t in name_toks):
            name_toks = []
        # ``Bupati Luwu Timur, H. Budiman``: the words before the comma were a place.
        after_comma = _COMMA_AT_RE.match(text, end, limit)
        if after_title and after_comma:
            pre_place = not name_toks or any(_is_placeish(t[0], self.places) for t in toks)
            if pre_place:
                nxt = after_comma.end()
                starts_hon = bool(_HONORIFIC_RE.match(text, nxt))
                if (not name_toks or starts_hon) and not _TITLE_RE.match(text, nxt):
                    name2, end2 = self._read_name(nxt, after_title=False, limit=limit)
                    if name2:
                        return name2, self._skip_degrees(end2, limit)
        if not name_toks:
            return "", end
        name = normalize_speaker(text[name_toks[0][1] : name_toks[-1][2]])
        return name, self._skip_degrees(end, limit)

    def _skip_degrees(self, end: int, limit: int) -> int:
        """Move ``end`` over degrees after a name: ``, S.STP., MM.,``."""
        m = _DEGREE_RUN_RE.match(self.masked, end, limit)
        if not m:
            return end
        words = re.findall(r"[A-Za-z]+", m.group())
        run = m.group().replace(".", "").replace(",", " ").split()
        if words and all(w.lower() in _DEGREES or len(w) == 1 for w in run):
            return m.end()
        return end

    def _paragraph_end(self, pos: int) -> int:
        i = bisect_left(self.paragraphs, (pos + 1, -1)) - 1
        return self.paragraphs[max(i, 0)][1]

    def _add(self, start: int, end: int, name: str, title: str) -> None:
        self._raw_mentions.append((start, end, name, title))

    def _find_mentions(self) -> None:
        text = self.masked
        self._raw_mentions: list[tuple[int, int, str, str]] = []
        taken: list[tuple[int, int]] = []
        # 1. titles, with or without a name after them
        for m in _TITLE_RE.finditer(text):
            if _inside(m.start(), taken):
                continue
            prev = _PREV_WORD_RE.search(text, max(0, m.start() - 40), m.start())
            prev_w = prev.group(1).lower().strip("(\"'“”,") if prev else ""
            if prev_w in _TITLE_COMPOUND_BEFORE or prev_w in ("para", "seluruh", "setiap", "semua"):
                continue
            if _NOMOR_AT_RE.match(text, m.end()):
                continue
            limit = self._paragraph_end(m.start())
            name, end = self._read_name(m.end(), after_title=True, limit=limit)
            self._add(m.start(), max(end, m.end()), name, _title_key(m.group()))
            taken.append((m.start(), max(end, m.end())))
        # 2. honorific + name not after a title (``Pak Budiman``, ``H. Budiman``)
        for m in _HONORIFIC_RE.finditer(text):
            if _inside(m.start(), taken) or _TITLE_RE.match(text, m.end()):
                continue
            limit = self._paragraph_end(m.start())
            name, end = self._read_name(m.start(), after_title=False, limit=limit)
            if name and name.split()[0].lower() not in ("kota", "negara", "pertiwi"):
                self._add(m.start(), end, name, "")
                taken.append((m.start(), end))
        # 3. a bare name right before a reporting verb (``Edward Candra mengatakan``)
        for m in _REPORTING_WORD_RE.finditer(text):
            window_start = max(0, m.start() - 120)
            w = _NAME_BEFORE_RE.search(text[window_start : m.start()])
            if not w:
                continue
            s = window_start + w.start(1)
            if _inside(s, taken) or _inside(window_start + w.end(1) - 1, taken):
                continue
            toks = w.group(1).split()
            while toks and (
                toks[0].rstrip(".").lower() in _NOT_NAMES or _TITLE_RE.fullmatch(toks[0])
            ):
                s += len(toks[0]) + 1
                toks = toks[1:]
                while s < len(text) and text[s] in " \t":
                    s += 1
            if not toks or any(
                t.isupper() or _is_placeish(t.rstrip("."), self.places)
                or t.rstrip(".").lower() in _NOT_NAMES
                for t in toks
                if len(t.rstrip(".")) > 1
            ):
                continue
            name = normalize_speaker(" ".join(toks))
            if name:
                e = window_start + w.end(1)
                self._add(s, e, name, "")
                taken.append((s, e))
        # 4. later bare uses of a name already found (``Budiman berpesan``)
        names = sorted({n for *_, n, _t in self._raw_mentions if n} | ({self.leader} - {""}))
        if names:
            rx = re.compile(r"(?<![\w.])(?:" + _alt(names) + r")\b")
            for m in rx.finditer(text):
                if not _inside(m.start(), taken):
                    self._add(m.start(), m.end(), m.group(), "")
                    taken.append((m.start(), m.end()))
        raw = sorted(self._raw_mentions)
        # Subject and speech flags.
        mentions: list[_Mention] = []
        for start, end, name, title in raw:
            prev = _PREV_WORD_RE.search(text, max(0, start - 30), start)
            rep = _FOLLOW_REPORT_RE.match(text, end) or (
                prev is not None and _SPEECH_WORD_RE.fullmatch(prev.group(1).lower())
            )
            subject = self._is_subject(start, end)
            surface = " ".join(self.text[start:end].split())
            mentions.append(_Mention(start, end, name, title, subject, bool(rep), surface))
        # ``Gubernur bersama Wakil Gubernur menekankan``: the first one speaks.
        for k in range(1, len(mentions)):
            cur, prev = mentions[k], mentions[k - 1]
            if cur.speech and _COORDINATION_RE.fullmatch(text, prev.end, cur.start):
                mentions[k - 1] = prev._replace(speech=True, subject=True)
                mentions[k] = cur._replace(speech=False, subject=False)
        self.mentions = mentions
        self.mention_starts = [m.start for m in mentions]
        self.by_start = {m.start: m for m in mentions}

    def _is_subject(self, start: int, end: int) -> bool:
        text = self.masked
        p0 = self._paragraph_start(start)
        prev = _PREV_WORD_RE.search(text, max(p0, start - 40), start)
        if prev:
            w = prev.group(1)
            low = w.lower().strip("(\"'“”")
            if low in _OBJECT_MARKERS:
                return False
            if _SPEECH_WORD_RE.fullmatch(low):
                return True  # ``kata Askolani``: the speaker
            if _VERB_WORD_RE.match(low) and not (
                w.endswith(",")
            ):
                return bool(_FOLLOW_REPORT_RE.match(text, end))
        return bool(_FOLLOW_VERB_RE.match(text, end)) or bool(_FOLLOW_REPORT_RE.match(text, end))

    def _paragraph_start(self, pos: int) -> int:
        i = bisect_left(self.paragraphs, (pos + 1, -1)) - 1
        return self.paragraphs[max(i, 0)][0]

    def _mention_from(self, pos: int) -> _Mention | None:
        """The mention starting at ``pos`` (after spaces), or a new bare-name one."""
        while pos < len(self.masked) and self.masked[pos] in " \t":
            pos += 1
        m = self.by_start.get(pos)
        if m is not None:
            return m
        limit = self._paragraph_end(pos)
        t = _TITLE_RE.match(self.masked, pos)
        if t:
            name, end = self._read_name(t.end(), after_title=True, limit=limit)
            return _Mention(pos, max(end, t.end()), name, _title_key(t.group()), True, True,
                            self.masked[pos:end])
        name, end = self._read_name(pos, after_title=False, limit=limit)
        if name:
            return _Mention(pos, end, name, "", True, True, self.masked[pos:end])
        return None

    # ---------------------------------------------------------------- resolution

    def _coref_title(self, m: _Mention) -> str:
        """The name the text gave to a bare title, by the nearest named use of it."""
        best = ""
        for other in self.mentions:
            if other.title == m.title and other.name:
                if other.start < m.start or not best:
                    best = other.name
                if other.start > m.start:
                    break
        return best

    def _resolve_mention(self, m: _Mention) -> tuple[str, str]:
        if m.name:
            return m.name, "verb"
        if m.title:
            name = self._coref_title(m)
            if name:
                return name, "verb"
            if self.leader and self.role_key and m.title == self.role_key:
                return self.leader, "metadata"
        return "", ""

    def _text_supports_leader(self) -> bool:
        if not self.leader:
            return False
        if any(m.title and m.title == self.role_key for m in self.mentions):
            return True
        return any(tok in self.masked.lower() for tok in self.leader_tokens)

    def _antecedent(self, pos: int, *, speech_first: bool = False) -> tuple[str, str]:
        """Who ``ia``/``dia``/``-nya`` at ``pos`` points to: (name, source)."""
        k = bisect_left(self._dyn_starts, pos) - 1
        fallback = None
        first_subject = None
        while k >= 0:
            m = self._dyn[k]
            if speech_first and m.speech:
                return self._resolved(m)
            if m.subject or m.speech:
                if not speech_first:
                    return self._resolved(m)
                if first_subject is None:
                    first_subject = m
            if fallback is None:
                fallback = m
            k -= 1
        if first_subject is not None:
            return self._resolved(first_subject)
        if fallback is not None:
            return self._resolved(fallback)
        if self._text_supports_leader():
            return self.leader, "metadata"
        return "", ""

    def _resolved(self, m: _Mention) -> tuple[str, str]:
        name, _src = self._resolve_mention(m)
        return (name, "pronoun") if name else ("", "")

    def _push(self, pos: int, name: str, speech: bool = True) -> None:
        """Add a resolved pronoun as a mention, so that the chain carries on."""
        m = _Mention(pos, pos, name, "", True, speech, "")
        k = bisect_left(self._dyn_starts, pos)
        self._dyn.insert(k, m)
        self._dyn_starts.insert(k, pos)

    def _attribution_after(self, q: dict[str, Any]) -> tuple[str, str, str, int] | None:
        """Speaker named after the closing mark: (name, source, attribution, position)."""
        pos = q["close_at"] + 1 if q["close_at"] is not None else q.get("internal_attr")
        if pos is None:
            return None
        if q["close_at"] is None:  # an unclosed quote ended by its own speech verb
            pos = q["end"]
        text = self.masked
        limit = self._paragraph_end(pos)
        m = _AFTER_RE.match(text, pos, limit)
        if m:
            if m.group("nya") or m.group("pnya") or m.group("mnya"):
                name, src = self._antecedent(q["start"])
                word = m.group("verb") or m.group("passive") or m.group("menurut")
                return name, src, text[m.end() - len(word) - 3 : m.end()].strip(), m.end()
            p = _PRONOUN_AT_RE.match(text, m.end(), limit)
            if p:
                name, src = self._antecedent(q["start"])
                return name, src, text[m.end() : p.end()].strip(), p.end()
            s = _SPACE_AT_RE.match(text, m.end(), limit)
            if s:
                men = self._mention_from(s.end())
                if men is not None:
                    name, src = self._resolve_mention(men)
                    return name, src, men.surface.strip(" ,"), men.start
            d = _DESCRIPTION_AT_RE.match(text, m.end(), limit)
            if d:
                name, src = self._antecedent(q["start"])
                return name, src, d.group(1).strip(), d.end()
            return None
        lead = _LEAD_AT_RE.match(text, pos, limit)
        if lead:
            men = self._mention_from(lead.end())
            if men is not None and _FOLLOW_REPORT_RE.match(text, men.end, limit):
                name, src = self._resolve_mention(men)
                return name, src, men.surface.strip(" ,"), men.start
            p = _PRONOUN_WORD_RE.match(text, lead.end(), limit)
            if p and _FOLLOW_REPORT_RE.match(text, p.end(), limit):
                name, src = self._antecedent(q["start"])
                return name, src, p.group(), p.start()
        return None

    def _reporting_in(self, s: int, e: int) -> tuple[int, str, _Mention | None] | None:
        """A reported-speech construction between ``s`` and ``e`` of the masked body.

        Returns (position, cue, mention) where mention is None for a pronoun.
        """
        text = self.masked
        found: list[tuple[int, str, _Mention | None]] = []
        k = bisect_left(self.mention_starts, s)
        while k < len(self.mentions) and self.mentions[k].start < e:
            m = self.mentions[k]
            if m.speech and m.end <= e:
                found.append((m.start, "reporting verb", m))
            k += 1
        for m in _PRONOUN_REPORT_RE.finditer(text, s, e):
            found.append((m.start(), "reporting verb", None))
        for m in _MENURUT_RE.finditer(text, s, e):
            if m.group(0).endswith("nya") or m.group(1):
                found.append((m.start(), "menurut", None))
            else:
                men = self._mention_from(m.end())
                if men is not None:
                    found.append((m.start(), "menurut", men))
        for rx, cue in ((_NARR_SPEECH_RE, "speech verb"), (_PASSIVE_AGENT_RE, "passive")):
            for m in rx.finditer(text, s, e):
                if _LEBIH_BEFORE_RE.search(text, max(s, m.start() - 8), m.start()):
                    continue
                if m.group("nya") or m.group("pron"):
                    found.append((m.start(), cue, None))
                else:
                    men = self._mention_from(m.end())
                    if men is not None and (men.name or men.title):
                        found.append((m.start(), cue, men))
        if not found:
            return None
        return min(found, key=lambda f: f[0])

    def _sentence_spans(self) -> list[tuple[int, int, str]]:
        out = []
        pos = 0
        for sent in split_sentences(self.text):
            i = self.text.find(sent, pos)
            if i < 0:  # cannot happen for text with \n line ends; stay robust
                i = pos
            out.append((i, i + len(sent), sent))
            pos = i + len(sent)
        return out

    def _resolve(self) -> None:
        self._dyn = list(self.mentions)
        self._dyn_starts = [m.start for m in self._dyn]
        speech = [q for q in self.quotes if q["kind"] == "speech"]
        # sentence coverage by speech quotes
        cover: list[float] = []
        best_quote: list[dict[str, Any] | None] = []
        for s, e, sent in self.sentences:
            total = len(_WORDCHAR_RE.findall(sent))
            inside = 0
            best, best_n = None, 0
            first = _WORDCHAR_RE.search(self.text, s, e)
            first_at = first.start() if first else -1
            last_at = e - 1
            while last_at >= s and not self.text[last_at].isalnum():
                last_at -= 1
            starts_inside = ends_inside = False
            for q in speech:
                if q["end"] <= s or q["start"] >= e:
                    continue
                n = len(_WORDCHAR_RE.findall(self.text, max(s, q["start"]), min(e, q["end"])))
                inside += n
                if n > best_n:
                    best, best_n = q, n
                if first_at >= 0 and q["start"] <= first_at < q["end"]:
                    starts_inside = True
                if last_at >= s and q["intro"] and q["start"] <= last_at < q["end"]:
                    ends_inside = True
            share = inside / total if total else 0.0
            # A sentence is direct when most of its words are quoted, when it starts
            # inside a quote (the rest is the attribution: ``“Siap,” kata dia
            # menegaskan.``), or when it ends in a quote introduced by a reporting clause
            # (``Bupati X mengatakan, “...”``).
            cover.append(1.0 if (starts_inside or ends_inside) and best is not None else share)
            best_quote.append(best)
        # events in text order: quotes at their start, other sentences at theirs
        events: list[tuple[int, int, str, int]] = []
        for k, q in enumerate(speech):
            events.append((q["start"], 0, "quote", k))
        for k, (s, _e, _t) in enumerate(self.sentences):
            if cover[k] <= 0.5:
                events.append((s, 1, "sentence", k))
        events.sort()
        sent_result: dict[int, tuple[str, str, str]] = {}
        for _pos, _o, kind, k in events:
            if kind == "quote":
                self._resolve_quote(speech[k])
            else:
                sent_result[k] = self._resolve_sentence(k)
        # continuation: an unclosed first part takes the speaker of the next part
        for k, q in enumerate(speech):
            if q.get("continues") and k + 1 < len(speech) and speech[k + 1]["speaker"]:
                if q["speaker_source"] in ("", "pronoun") and q["attribution"] == "":
                    q["speaker"] = speech[k + 1]["speaker"]
                    q["speaker_source"] = speech[k + 1]["speaker_source"]
        for k, (_s, _e, sent) in enumerate(self.sentences):
            if cover[k] > 0.5:
                q = best_quote[k]
                voice, speaker, cue = "direct", q["speaker"] if q else "", "quote"
            else:
                voice, speaker, cue = sent_result.get(k, ("narration", "", ""))
            self.voices.append(
                {"sentence_no": k + 1, "sentence": sent, "voice": voice, "speaker": speaker,
                 "cue": cue}
            )

    def _resolve_quote(self, q: dict[str, Any]) -> None:
        att = self._attribution_after(q)
        if att is None and q["mark_at"] is not None:
            # before the opening mark, in the same sentence: ``Bupati X mengatakan, “``
            p0 = self._paragraph_start(q["mark_at"])
            before = self.masked[p0 : q["mark_at"]]
            cs = p0 + _last_boundary(before)
            rep = self._reporting_in(cs, q["mark_at"])
            if rep is not None:
                pos, _cue, men = rep
                if men is None:
                    name, src = self._antecedent(pos)
                    att = (name, src, self.text[pos : q["mark_at"]].strip(" ,:"), pos)
                else:
                    name, src = self._resolve_mention(men)
                    att = (name, src, men.surface.strip(" ,"), men.start)
        if att is None:
            name, src = self._antecedent(q["start"], speech_first=True)
            q.update(speaker=name, speaker_source=src, attribution="")
            if name:
                self._push(q["start"], name)
            return
        name, src, attribution, pos = att
        q.update(speaker=name, speaker_source=src, attribution=attribution)
        if name:
            self._push(max(pos, q["start"]), name)

    def _resolve_sentence(self, k: int) -> tuple[str, str, str]:
        s, e, sent = self.sentences[k]
        rep = self._reporting_in(s, e)
        if rep is not None:
            pos, cue, men = rep
            if men is None:
                name, _src = self._antecedent(pos)
                if name:
                    self._push(pos, name)
            else:
                name, _src = self._resolve_mention(men)
            return "indirect", name, cue
        if _FIRST_PERSON_RE.search(self.masked, s, e):
            name, _src = self._antecedent(s, speech_first=True)
            return "indirect", name, "unmarked first person"
        return "narration", "", ""

    # ---------------------------------------------------------------- output

    def quote_dicts(self, include_non_speech: bool = False) -> list[dict[str, Any]]:
        out = []
        for q in self.quotes:
            if q["kind"] != "speech" and not include_non_speech:
                continue
            nos = [
                k + 1
                for k, (s, e, _t) in enumerate(self.sentences)
                if s < q["end"] and e > q["start"]
            ]
            d = {
                "text": self.text[q["start"] : q["end"]],
                "speaker": q.get("speaker", ""),
                "speaker_source": q.get("speaker_source", ""),
                "attribution": q.get("attribution", ""),
                "start": q["start"],
                "end": q["end"],
                "paragraph": q["paragraph"],
                "sentence_nos": nos,
                "closed": q["closed"],
                "opening_mark": q["opening_mark"],
                "kind": q["kind"],
            }
            out.append(d)
        return out


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _last_boundary(before: str) -> int:
    """Offset in ``before`` where its last sentence starts."""
    last = 0
    for m in _SENT_BOUNDARY_RE.finditer(before):
        last = m.end()
    return last


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
    text : a cleaned article body (one paragraph per line), as in ``load_corpus()["body"]``.
    leader, role : the article's main leader and role from metadata (``"H. Budiman"``,
        ``"Bupati"``); used only as a fallback the text supports (see the module notes).
    places : place names known from metadata (region, province, dateline place); their
        words are not taken for a person's name after a title (``Bupati Lahat Bursah
        Zarnubi`` with places ``["Kabupaten Lahat"]`` -> ``Bursah Zarnubi``).
    include_non_speech : also return quoted names/themes/terms (``kind="label"``) and
        lone unclosed marks (``kind="stray"``), which are normally left out.

    Returns
    -------
    list of dict, in text order, each with:

    - ``text``: the words inside the marks (an exact substring of ``text``, without the
      marks, spaces trimmed; a comma before the closing mark is kept);
    - ``speaker``: the speaker's name as written, without honorifics or degrees, or
      ``""`` if unresolved;
    - ``speaker_source``: ``"verb"`` (a speech verb next to the quote names the speaker,
      by name or by a title the text gives a name), ``"pronoun"`` (``ia``/``dia``/
      ``-nya``, or no attribution at all, resolved to the last person mentioned),
      ``"metadata"`` (a title matching the metadata ``role``, or a pronoun in a text
      naming the leader but no one before the quote) or ``""``;
    - ``attribution``: the words that name the speaker (``"Gubernur Herman Deru"``,
      ``"terangnya"``, ``"dia"``), ``""`` when there are none;
    - ``start``, ``end``: character offsets of ``text`` in the body;
    - ``paragraph``: 1-based line number in the body;
    - ``sentence_nos``: numbers (from 1, per :func:`analysis.tokens.split_sentences`) of
      the sentences the quote overlaps;
    - ``closed``: a closing mark was found; ``opening_mark``: the raw opening character,
      ``""`` when the opening was inferred;
    - ``kind``: ``"speech"`` (or ``"label"``/``"stray"`` with ``include_non_speech``).

    Examples
    --------
    >>> q = extract_quotes("Bupati Budiman memimpin rapat.\\n“Kita harus kompak,” tegasnya.")
    >>> q[0]["text"], q[0]["speaker"], q[0]["speaker_source"]
    ('Kita harus kompak,', 'Budiman', 'pronoun')
    """
    return _Doc(text, leader, role, places).quote_dicts(include_non_speech)


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
    text : a cleaned article body; leader, role, places : as in :func:`extract_quotes`.

    Returns
    -------
    list of dict, one per sentence of :func:`analysis.tokens.split_sentences` (``text``),
    each with ``sentence_no`` (from 1), ``sentence``, ``voice``, ``speaker`` and ``cue``:

    - ``direct`` when the sentence holds a speech quote of :func:`extract_quotes` and
      more than half of its word characters lie inside quotes, or it starts inside a
      quote (the rest is the attribution: ``“Siap,” kata dia menegaskan.``), or it ends
      inside a quote introduced by a reporting clause (``Bupati X mengatakan, “...”``);
      cue ``"quote"``, speaker: the quote's;
    - ``indirect`` for reported speech: a person, title or ``ia``/``dia`` as subject of
      a reporting verb (:data:`REPORTING_VERBS`, cue ``"reporting verb"``), ``Menurutnya``
      / ``Menurut X`` (``"menurut"``), a speech verb with a pronoun or name outside quote
      marks (``kata dia``, ``lanjut dia``, ``Masih kata Sekda``, ``ujarnya``: ``"speech
      verb"``), or a passive speech verb with its agent (``dikatakan Sekda``,
      ``Ditegaskannya``: ``"passive"``); also a sentence outside quotes in the first
      person (``Kita upayakan semua bisa berjalan ...``: the speaker's words without
      marks, cue ``"unmarked first person"``, speaker: the last speaker); speaker
      resolved as for quotes;
    - ``narration`` otherwise (speaker and cue ``""``).
    """
    return _Doc(text, leader, role, places).voices


def _meta_str(doc: dict[str, Any], key: str) -> str | None:
    v = doc.get(key)
    return v if isinstance(v, str) and v.strip() else None


def _doc_analysis(doc: dict[str, Any]) -> _Doc:
    places = [doc.get(k) for k in ("region", "province", "dateline_place")]
    return _Doc(doc["body"], _meta_str(doc, "leader"), _meta_str(doc, "role"), places)


_NON_META = frozenset({"raw", "body", "removed"})


def _doc_quote_rows(doc: dict[str, Any], *, by: str | None) -> tuple[bool, list, list]:
    """(has the column ``by``, quote rows, quote ids) of one document."""
    body = doc.get("body")
    if not isinstance(body, str):
        return False, [], []
    d = _doc_analysis(doc)
    doc_id = str(doc["doc_id"])
    rows: list[dict[str, Any]] = []
    ids: list[str] = []
    for k, q in enumerate(d.quote_dicts(), start=1):
        nos = q["sentence_nos"] or [0]
        row = {
            "doc_id": doc_id,
            "speaker": q["speaker"],
            "speaker_source": q["speaker_source"],
            "attribution": q["attribution"],
            "text": q["text"],
            "sentence": " ".join(d.sentences[n - 1][2] for n in nos if n > 0),
            "sentence_no": nos[0],
            "paragraph": q["paragraph"],
            "start": q["start"],
            "end": q["end"],
            "closed": q["closed"],
            "opening_mark": q["opening_mark"],
        }
        if by is not None:
            row[by] = doc.get(by)
        rows.append(row)
        ids.append(f"{doc_id}-{k}")
    return by is not None and by in doc, rows, ids


def quotes(
    corpus: Any,
    *,
    by: str | None = None,
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Every direct quote of a corpus, one row per quote.

    Parameters
    ----------
    corpus : anything :func:`analysis.corpus.as_documents` accepts (the DataFrame of
        ``load_corpus()``, a stream of document dicts, or a folder path). Documents are
        read one at a time; the ``leader`` and ``role`` metadata are used when present,
        and ``region``, ``province`` and ``dateline_place`` as ``places``.
    by : a metadata column (``leader``, ``role``, ``level`` ...) to add to each row.
    jobs, engine, progress : how to run over a large corpus (see
        :func:`analysis.parallel.map_documents`): ``jobs`` worker processes (default
        ``None``: all cores, but serial below 200 documents; 1: serial), ``engine``
        ``"processes"``, ``"serial"`` or ``"dask"``, and a progress bar (``None``: on a
        terminal, for runs over two seconds). Every engine gives the same table.

    Returns
    -------
    pandas.DataFrame
        Index ``quote_id`` (``"{doc_id}-{k}"``, k from 1 in text order). Columns:
        ``doc_id``; ``speaker``, ``speaker_source``, ``attribution``, ``text``,
        ``paragraph``, ``start``, ``end``, ``closed``, ``opening_mark`` as in
        :func:`extract_quotes`; ``sentence``: the full sentences the quote overlaps,
        joined by a space (so the attribution, ``...,” tegas Herman Deru.``, is shown
        with the words); ``sentence_no``: the number of the first of them; plus ``by``.

    Raises
    ------
    ValueError
        If ``by`` is given and no document has that column.
    """
    from functools import partial

    import pandas as pd

    from .parallel import map_documents

    rows: list[dict[str, Any]] = []
    ids: list[str] = []
    seen_by = False
    for has_by, doc_rows, doc_ids in map_documents(
        partial(_doc_quote_rows, by=by), corpus, jobs=jobs, engine=engine,
        progress=progress, desc="finding quotes",
    ):
        seen_by = seen_by or has_by
        rows.extend(doc_rows)
        ids.extend(doc_ids)
    if by is not None and not seen_by:
        raise ValueError(
            f"no document has the metadata column {by!r}; use a column of metadata.csv "
            "(e.g. leader, role, level, region)"
        )
    columns = list(QUOTE_COLUMNS) + ([by] if by is not None and by not in QUOTE_COLUMNS else [])
    frame = pd.DataFrame(rows, columns=columns, index=pd.Index(ids, name="quote_id"))
    return frame.astype({"sentence_no": "int64", "paragraph": "int64", "start": "int64",
                         "end": "int64", "closed": "bool"})


def _doc_voices(doc: dict[str, Any]) -> tuple[str, list[str], list[tuple], list] | None:
    """(doc_id, metadata keys, metadata values, sentence voices) of one document."""
    body = doc.get("body")
    if not isinstance(body, str):
        return None
    voices = [
        (v["sentence_no"], v["sentence"], v["voice"], v["speaker"], v["cue"])
        for v in _doc_analysis(doc).voices
    ]
    keys = [k for k in doc if k not in _NON_META]
    return str(doc["doc_id"]), keys, [doc.get(k) for k in keys], voices


def sentence_table(
    corpus: Any,
    *,
    jobs: int | None = None,
    engine: str = "processes",
    progress: bool | None = None,
) -> pd.DataFrame:
    """One row per sentence of every document, with its voice and speaker.

    Parameters
    ----------
    corpus : anything :func:`analysis.corpus.as_documents` accepts; read one document at
        a time.
    jobs, engine, progress : as in :func:`quotes`.

    Returns
    -------
    pandas.DataFrame
        Index: a plain ``RangeIndex`` named ``row``. Columns: ``doc_id``, ``sentence_no``
        (from 1 per document, per :func:`analysis.tokens.split_sentences` of the cleaned
        body), ``sentence``, ``voice`` (``direct``/``indirect``/``narration``),
        ``speaker`` (``""`` for narration or when unresolved), ``cue`` (what decided the
        voice, see :func:`sentence_voices`), then every metadata column of the document
        (``leader``, ``role``, ``level``, ``date``, ``title``, ``dateline_place`` ...),
        except ``raw``, ``body`` and ``removed``, so frames can be grouped by them.
    """
    import pandas as pd

    from .parallel import map_documents

    base = ["doc_id", "sentence_no", "sentence", "voice", "speaker", "cue"]
    columns: dict[str, list[Any]] = {c: [] for c in base}
    meta_cols: list[str] = []
    n = 0
    for rec in map_documents(
        _doc_voices, corpus, jobs=jobs, engine=engine, progress=progress,
        desc="sentence voices",
    ):
        if rec is None:
            continue
        doc_id, keys, values, voices = rec
        doc_meta = dict(zip(keys, values))
        for key in keys:
            if key not in columns:
                meta_cols.append(key)
                columns[key] = [None] * n
        k = len(voices)
        columns["doc_id"].extend([doc_id] * k)
        for i, c in enumerate(base[1:]):
            columns[c].extend(v[i] for v in voices)
        for key in meta_cols:
            columns[key].extend([doc_meta.get(key)] * k)
        n += k
    frame = pd.DataFrame(columns, columns=base + meta_cols)
    frame["sentence_no"] = frame["sentence_no"].astype("int64")
    frame.index = pd.RangeIndex(len(frame), name="row")
    return frame


# ------------------------------------------------------------------ evaluation

_MARK_STRIP_RE = re.compile('[“”"„‟«»″]')


def _norm_quote_text(s: Any) -> str:
    if not isinstance(s, str):
        return ""
    s = _MARK_STRIP_RE.sub(" ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s.strip(" ,.;:")


def _overlap(a: str, b: str) -> int:
    from difflib import SequenceMatcher

    sm = SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in sm.get_matching_blocks())


def _wilson(k: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """95% Wilson score interval of a proportion k/n ((nan, nan) when n is 0)."""
    if n == 0:
        return (float("nan"), float("nan"))
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def _same_speaker(a: Any, b: Any) -> bool:
    """Same person: equal after normalising, or one name's words within the other's
    (``Slamet`` and ``Slamet Soemosentono``); two empty speakers agree."""
    na = normalize_speaker(a if isinstance(a, str) else "").lower().replace(".", " ").split()
    nb = normalize_speaker(b if isinstance(b, str) else "").lower().replace(".", " ").split()
    if not na or not nb:
        return not na and not nb
    sa, sb = set(na), set(nb)
    return sa <= sb or sb <= sa


def evaluate_quotes(predicted: pd.DataFrame, gold: pd.DataFrame) -> dict[str, Any]:
    """Precision and recall of extracted quotes against a hand-coded sample.

    A predicted quote matches a gold quote of the same ``doc_id`` when their texts
    (quote marks removed, whitespace collapsed, surrounding punctuation stripped) have
    in common, in order, at least half of the longer one's characters (difflib
    matching blocks). Matching is one-to-one, best overlap first. Only documents that
    appear in ``gold`` are scored, so the sample may cover part of a corpus (a document
    listed in gold with no quotes needs a row with an empty text to count).

    Parameters
    ----------
    predicted : a :func:`quotes` table (columns ``doc_id``, ``text``, ``speaker``).
    gold : hand-coded quotes with columns ``doc_id``, ``text``, ``speaker``.

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
    import pandas as pd

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
    n_matched = speaker_ok = 0
    for doc_id in sorted(docs):
        g = gold[gold["doc_id"] == doc_id]
        p = pred[pred["doc_id"] == doc_id]
        pairs = []
        for gi, gt in zip(g.index, g["_t"]):
            for pi, pt in zip(p.index, p["_t"]):
                ov = _overlap(gt, pt)
                if ov >= 0.5 * max(len(gt), len(pt)):
                    pairs.append((-ov, gi, pi))
        pairs.sort()
        used_g: set = set()
        used_p: set = set()
        for neg_ov, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            ok = _same_speaker(gold.at[gi, "speaker"], pred.at[pi, "speaker"])
            n_matched += 1
            speaker_ok += ok
            rows.append((doc_id, gold.at[gi, "text"], pred.at[pi, "text"], -neg_ov,
                         gold.at[gi, "speaker"], pred.at[pi, "speaker"], ok, "matched"))
        for gi in g.index:
            if gi not in used_g:
                rows.append((doc_id, gold.at[gi, "text"], "", 0, gold.at[gi, "speaker"], "",
                             False, "missed"))
        for pi in p.index:
            if pi not in used_p:
                rows.append((doc_id, "", pred.at[pi, "text"], 0, "", pred.at[pi, "speaker"],
                             False, "spurious"))
    n_pred, n_gold = len(pred), len(gold)
    nan = float("nan")
    precision = n_matched / n_pred if n_pred else nan
    recall = n_matched / n_gold if n_gold else nan
    f1 = (2 * precision * recall / (precision + recall)
          if n_pred and n_gold and (precision + recall) else nan)
    matches = pd.DataFrame(
        rows,
        columns=["doc_id", "gold_text", "predicted_text", "overlap", "gold_speaker",
                 "predicted_speaker", "speaker_ok", "status"],
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
        "precision_ci": _wilson(n_matched, n_pred),
        "recall_ci": _wilson(n_matched, n_gold),
        "speaker_accuracy_ci": _wilson(speaker_ok, n_matched),
        "matches": matches,
    }


def evaluate_voices(predicted_sentences: pd.DataFrame, gold: pd.DataFrame) -> dict[str, Any]:
    """Accuracy of sentence voices against a hand-coded sample.

    Sentences are aligned on ``doc_id`` and ``sentence_no``; gold rows whose ``voice``
    is empty are not scored. When both tables have a ``sentence`` column, rows whose
    sentence texts differ (after collapsing whitespace) are counted in
    ``n_misaligned`` and left out, so a different sentence split cannot pass as a
    voice error or a voice success.

    Parameters
    ----------
    predicted_sentences : a :func:`sentence_table` (``doc_id``, ``sentence_no``,
        ``voice``, ``speaker``).
    gold : hand-coded sentences with ``doc_id``, ``sentence_no``, ``voice`` and
        optionally ``speaker``.

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
        index ``gold``; predicted voice in columns; counts), ``per_voice`` (DataFrame indexed by
        ``voice`` with ``precision``, ``recall``, ``support``), ``speaker_accuracy``
        (among sentences both call direct or indirect and gold gives a speaker: share
        whose speakers agree as in :func:`evaluate_quotes`) and ``errors`` (the
        disagreeing rows).
    """
    import pandas as pd

    g = gold.copy()
    g["doc_id"] = g["doc_id"].astype(str)
    g["sentence_no"] = pd.to_numeric(g["sentence_no"]).astype("int64")
    g = g[g["voice"].fillna("").astype(str).str.strip() != ""]
    p = predicted_sentences.copy()
    p["doc_id"] = p["doc_id"].astype(str)
    p["sentence_no"] = p["sentence_no"].astype("int64")
    keep = ["doc_id", "sentence_no", "voice", "speaker"] + (
        ["sentence"] if "sentence" in p.columns else []
    )
    m = g.merge(p[keep], on=["doc_id", "sentence_no"], how="inner", suffixes=("_gold", ""))
    n_mis = 0
    if "sentence" in g.columns and "sentence" in p.columns:
        def ws(s: Any) -> str:
            return re.sub(r"\s+", " ", s).strip() if isinstance(s, str) else ""

        same = m["sentence_gold"].map(ws) == m["sentence"].map(ws)
        n_mis = int((~same).sum())
        m = m[same]
    gv = m["voice_gold"].astype(str).str.strip().str.lower()
    pv = m["voice"].astype(str)
    n = len(m)
    nan = float("nan")
    labels = list(VOICES) + sorted(set(gv) - set(VOICES))
    confusion = pd.crosstab(
        pd.Categorical(gv, categories=labels), pd.Categorical(pv, categories=labels),
        dropna=False,
    )
    confusion.index.name = "gold"
    confusion.columns.name = "predicted"
    per = []
    for v in labels:
        tp = int(((gv == v) & (pv == v)).sum())
        npred, ngold = int((pv == v).sum()), int((gv == v).sum())
        per.append((v, tp / npred if npred else nan, tp / ngold if ngold else nan, ngold))
    per_voice = pd.DataFrame(per, columns=["voice", "precision", "recall", "support"])
    per_voice = per_voice.set_index("voice")
    speech = (gv != "narration") & (pv != "narration")
    if "speaker_gold" in m.columns:
        has = speech & m["speaker_gold"].fillna("").astype(str).str.strip().ne("")
        sp_ok = [
            _same_speaker(a, b) for a, b in zip(m.loc[has, "speaker_gold"], m.loc[has, "speaker"])
        ]
        speaker_accuracy = sum(sp_ok) / len(sp_ok) if sp_ok else nan
    else:
        speaker_accuracy = nan
    n_ok = int((gv == pv).sum())
    kappa = nan
    if n:
        p_o = n_ok / n
        p_e = sum((gv == v).mean() * (pv == v).mean() for v in labels)
        kappa = (p_o - p_e) / (1 - p_e) if p_e < 1 else nan
    return {
        "n": n,
        "n_misaligned": n_mis,
        "accuracy": n_ok / n if n else nan,
        "accuracy_ci": _wilson(n_ok, n),
        "majority_baseline": float(gv.value_counts().iloc[0] / n) if n else nan,
        "kappa": float(kappa),
        "leader_voice_accuracy": float(((gv == "narration") == (pv == "narration")).mean())
        if n else nan,
        "confusion": confusion,
        "per_voice": per_voice,
        "speaker_accuracy": speaker_accuracy,
        "errors": m[gv != pv].reset_index(drop=True),
    }
