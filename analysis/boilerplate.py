"""What boilerplate lines of scraped Indonesian news pages look like, line by line.

The shapes here are those of the genre, not of any one site: headlines, datelines,
"Baca Juga" links, photo captions and credits, bylines, timestamps, view counters,
comment forms, share and follow prompts, font-size and dark-mode switches, contact
lines, disclaimers, table rules and menu words. Each predicate looks at one tidied line
(:func:`normalize_whitespace`); where a line stands in the article (above the first
paragraph, inside it, after it) is decided in :mod:`analysis.clean`, which uses them.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "REASONS",
    "caption_signal",
    "is_caption_above",
    "is_listed_headline",
    "is_name_caption",
    "classify_line",
    "ends_paragraph",
    "ends_sentence",
    "has_quote_mark",
    "is_comment_form",
    "is_headline_like",
    "is_list_item",
    "is_menu",
    "is_title_case",
    "match_dateline",
    "normalize_whitespace",
    "strip_tag",
]

#: Reasons a line (or part of one) is removed, and what they mean.
REASONS: dict[str, str] = {
    "menu": "navigation, menu or site-name line left over from the page (e.g. a lone 'in')",
    "timestamp": "publication date and time of the page ('Selasa, 26 Maret 2024 | 10:15 WIB')",
    "title": "the headline (kept as the article's title, not as body text)",
    "subtitle": "a further headline-shaped line above the article, uncovered once the title went",
    "header": (
        "a line above the article's first paragraph that is neither its headline nor its "
        "dateline: a deck, caption, section label, ticker or page widget"
    ),
    "repeated-title": "the headline repeated, possibly with a photo credit attached",
    "caption": (
        "photo caption or credit: a credit ('Foto: ...', '.../ist', '(Dok. Humas)'), a place "
        "in the photo ('(tengah)'), 'Perbesar', or a short line inside the article without "
        "sentence punctuation"
    ),
    "related-link": "link to another article ('Baca Juga:', 'Berita Terkait:', '| headline |')",
    "dateline": "dateline in front of the first paragraph (place and outlet kept as data)",
    "stray-quote": "an opening quote mark right after the dateline that is never closed",
    "reporter-tag": "reporter or editor tag after the last sentence ('(Red/tim)', '#yan')",
    "byline": "byline or credit line ('Written by ...', 'Editor: ...', 'Penulis: ...')",
    "engagement": (
        "call to engage or follow ('What do you think?', 'Cek Berita ... Google News', "
        "'Tinggalkan Balasan', 'Geser ke atas untuk melanjutkan')"
    ),
    "widget": (
        "page furniture: a view counter, font-size or dark-mode switch, contact line, image "
        "file name, avatar, editorial disclaimer, or a line with no letter (a table rule, a "
        "lone number)"
    ),
    "source-credit": "source credit line ('Sumber: paltv.co.id')",
    "trailing-headline": "headline of another article listed after the article has ended",
    "after-article": "anything after the comment form that ends an article page (sidebars)",
}

_SPACE_RE = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
# Anything normalize_whitespace changes besides the ends: a tab, a special space, a
# zero-width character, or two spaces in a row.
_UNTIDY_RE = re.compile(r"[\t\u00a0\u1680\u2000-\u200d\u202f\u205f\u3000\u2060\ufeff]|  ")

_TERMINAL = ".!?"
_CLOSERS = "\"'”’»)]"
OPEN_QUOTES = '“"‘«„'

_MENU_WORDS = frozenset(
    """in home beranda news berita menu search cari login masuk daftar share tweet bagikan
    facebook twitter whatsapp telegram linkedin email print cetak komentar terkini
    terpopuler populer headline advertisement iklan ads selanjutnya sebelumnya berikutnya
    next prev previous ilustrasi""".split()
)

# "Baca juga:", "BACA JUGA :", "Berita Terkait:", "Simak juga:", "BACA ARTIKEL LAINNYA..."
_RELATED_RE = re.compile(
    r"^(?:baca|simak|lihat)\s+(?:juga|pula)\b\s*(?::|$)|^(?:berita|artikel)\s+(?:terkait|lainnya)\s*(?::|$)"
    r"|^read\s+(?:also|more)\s*(?::|$)"
    r"|^(?:baca|simak|lihat)\s+(?:artikel|berita)\s+(?:lainnya|lain|terkait)\b"
    r"|^(?:di)?baca\s+(?:juga|pula)\s*[;:]"
    r"|^baca\s*:\s*\S"  # "Baca: Headline of another article"
    r"|^(?:baca|simak|lihat)\s+(?:juga|pula)(?-i:[A-Z])"  # label glued: "BACA JUGAHeadline"
    r"|^(?-i:BACA|SIMAK|LIHAT)\s+(?-i:JUGA|PULA)\s+\S",  # upper-case label, no colon
    re.IGNORECASE,
)
# The label of a list of other articles, alone on its line: the headlines follow it.
_RELATED_LABEL_RE = re.compile(
    r"^(?:(?:baca|simak|lihat)\s+(?:juga|pula)|(?:berita|artikel)\s+(?:terkait|lainnya)"
    r"|read\s+(?:also|more))\s*(?::\s*)?$",
    re.IGNORECASE,
)
# A teaser of another article cut off with an ellipsis: "... mengerahk ...", "resmi…".
_TEASER_END_RE = re.compile(r"(?<=[\w,\s])(?:\.\.\.|…)\s*$")
# A headline in a table row of related articles: "| Headline |", or a cell cut off: "| Head".
_TABLE_ROW_RE = re.compile(r"^\|\s*\S")

# A photo credit anywhere in a short line: "--Foto : Lutfhi -PALTV", "Foto: Humas", "(Foto: ist)".
_CAPTION_RE = re.compile(
    r"(?:^|[\s,(\-–—|])(?:foto|photo|ilustrasi|dokumentasi|dok|keterangan\s+foto|caption|copyright)"
    r"\s*(?:\.\s*)?(?::|/\s*\w)",
    re.IGNORECASE,
)
# A credit closing a caption: "... sumpah jabatan/ist.", "... Tahun 2026.(Ist)",
# "... (Dok. Humas)", "... Lebong/RMOLBengkulu", "... (nama/koranbernas.id)".
_CREDIT_END_RE = re.compile(
    r"(?:\S/\s*(?:ist|istimewa|dok\w*|doc|humas\w*|net)\.?|\S/(?-i:[A-Z]+[a-z]+[A-Za-z]*)"
    r"|\(\s*(?:ist|istimewa|dok\b\.?[^()]{0,30}|doc|foto[^()]{0,30}|net|humas[^()]{0,30}"
    r"|[^()]{1,40}/[^()]{0,30}\.(?:id|com|net|co\.id))\s*\)\.?)\s*$",
    re.IGNORECASE,
)
# Where a person stands in the photo: "(tengah)", "(kedua dari kiri)", "(berbaju putih)".
_PHOTO_POSITION_RE = re.compile(
    r"\((?:tengah|kiri|kanan|depan|belakang|berdiri|duduk|paling\s+(?:kiri|kanan)"
    r"|(?:ke)?(?:satu|dua|tiga|empat|lima)\s+dari\s+(?:kiri|kanan)"
    r"|(?:ber)?(?:baju|kemeja|jas|batik|peci|rompi)\b[^()]{0,20})\)",
    re.IGNORECASE,
)
_PERBESAR_RE = re.compile(r"\bperbesar\s*$", re.IGNORECASE)
# A photographer's credit inside a caption: "... (13/12/2018) KOMPAS.com/ NAMA FOTOGRAFER".
_OUTLET_CREDIT_RE = re.compile(r"(?<![\w-])-*\b[\w-]+\.(?:com|co\.id|id|net)\s*/\s*[A-Z]")

_BYLINE_RE = re.compile(
    r"^(?:(?:written|posted|reported|edited|published)\s+by\b.{1,80}"
    r"|(?:editor|penulis|reporter|pewarta|penyunting|redaktur|fotografer|kontributor|"
    r"laporan|wartawan|author|oleh)\s*:\s*.{1,80}"
    r"|laporan\s+(?:wartawan|reporter|jurnalis)\b.{1,80}"
    r"|(?:editor|penulis|reporter|pewarta|penyunting|redaktur|kontributor|author)\s*:?)$"
    # an author widget without a colon: "Oleh Redaksi", "By Admin", "Penulis Ahmad Farozi"
    r"|^(?:oleh|by|penulis|reporter|editor|pewarta)\s+(?-i:[A-Z][\w.']*(?:\s+[A-Z][\w.']*){0,3})$",
    re.IGNORECASE,
)
_SOURCE_RE = re.compile(
    r"^(?:sumber\s*:\s*\S.{0,80}"
    r"|artikel\s+ini\s+(?:telah\s+|sudah\s+)?(?:tayang|terbit|dimuat|diterbitkan)\b.*)$",
    re.IGNORECASE,
)

# Publication timestamps: "Selasa, 26 Maret 2024 | 10:15 WIB", "26/03/2024 10:15", "3 jam lalu",
# also behind a short label ("Redaksi - Kamis, 27 April 2023 14:06 WIB", "Headline · 7 Jan
# 2026 09:20 WIB ·") and with separators around.
_MONTH = (
    r"(?:jan\w*|feb\w*|mar\w*|apr\w*|mei|may|jun\w*|jul\w*|agu\w*|aug\w*|sep\w*|"
    r"okt\w*|oct\w*|nov\w*|des\w*|dec\w*)"
)
_TIMESTAMP_RE = re.compile(
    r"^(?:[^\W\d][\w.' ]{0,30}?\s*[·|•\-–—/]\s*)?"
    r"(?:(?:diperbarui|diterbitkan|dipublikasikan|diposting|terbit|updated|published|posted)"
    r"(?:\s+(?:pada|on))?\s*(?::\s*)?)?"
    r"(?:(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\s*(?:,\s*)?)?"
    rf"(?:\d{{1,2}}[\s/.-]+(?:\d{{1,2}}|{_MONTH})[\s/.,-]+\d{{2,4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})"
    r"(?:\s*(?:[|,\-–—·]\s*)?(?:pukul\s*)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:wib|wita|wit)?)?"
    r"\s*(?:[·|•]\s*)?$"
    r"|^\d+\s+(?:detik|menit|jam|hari|minggu|bulan)\s+(?:yang\s+)?lalu$",
    re.IGNORECASE,
)

# A line that is only a tag: "(*)", "(ril)", "[adv]", "#yan", "***".
_TAG_LINE_RE = re.compile(r"^(?:\([^()\n]{1,40}\)|\[[^\[\]\n]{1,40}\]|#[A-Za-z]{1,15}|\*{1,3})$")

_ENGAGEMENT_RE = re.compile(
    r"^(?:what\s+do\s+you\s+think\??"
    r"|cek\s+berita\s+dan\s+artikel\b.*"
    r"|(?:simak|ikuti|dapatkan|baca)\s+(?:berita(?:-berita)?|update|informasi|artikel)\b.*"
    r"(?:google\s+news|whatsapp|telegram|channel|saluran|facebook|instagram|tiktok|youtube).*"
    r"|ikuti\s+(?:kami|kanal|channel|akun)\b.*"
    r"|gabung\s+(?:di|ke|dengan)\s+(?:channel|grup|saluran)\b.*"
    r"|(?:download|unduh)\s+aplikasi\b.*"
    r"|klik\s+(?:di\s*sini|link|tautan)\b.*"
    r"|(?:share|bagikan)(?:\s+(?:this|artikel\s+ini|berita\s+ini))?\s*:?"
    r"|(?:tags?|topik|kata\s+kunci)\s*:.*"
    r"|scroll\s+to\s+continue\s+with\s+content"
    r"|(?:iklan\s*(?:[-–—:]\s*)?)?(?:geser|gulir|scroll)\s+(?:ke\s+)?(?:atas|bawah|down|up)?\s*"
    r"(?:untuk\s+)?(?:melanjutkan|lanjut|continue|membaca|baca)\b.*"
    r"|(?:copyright\s*)?[©ⓒⒸ].*|(?:\(c\)\s*)?hak\s+cipta\b.*"
    r"|(?:tulis|tinggalkan|beri|berikan|kirim)\s+(?:komentar|balasan|tanggapan)\b.*"
    r"|leave\s+a\s+(?:reply|comment)\b.*|komentar\s*\(\d+\)|no\s+comments?\s*:?"
    r"|post\s+a\s+comment\b.*|\d+\s+(?:comments?|komentar)"
    r"|discussion\s+about\s+this\s+(?:post|article)"
    r"|alamat\s+email\s+anda\s+tidak\s+akan\s+dipublikasikan\b.*"
    r"|loading\.*"
    r"|no\s+more\s+(?:posts?|pages?|articles?|items?)\b.*|(?:load|show)\s+more\s*(?:posts?)?"
    r"|muat\s+(?:lebih\s+banyak|lainnya|berita\s+lainnya)\b.*"
    r"|halaman\s+(?:selanjutnya|berikutnya|sebelumnya|\d+(?:\s+\d+)*)"
    r"|(?:lihat|tampilkan)\s+(?:semua|selengkapnya|komentar)\b.*)$",
    re.IGNORECASE,
)
# A line naming Google News among a few words ("Ikuti berita terkini di Google News"),
# looked for only in lines with "google" (it scans every word, the rest start anchored).
_GOOGLE_NEWS_RE = re.compile(r"^(?:\S+\s+){0,12}google\s+news\b(?:\s+\S+){0,6}$", re.IGNORECASE)
# Short follow / subscribe / report widgets: "Tetap Terhubung Dengan Kami:", "Laporkan
# Ikuti Kami Subscribe" (at most eight words).
_FOLLOW_RE = re.compile(
    r"^(?:tetap\s+terhubung|terhubung\s+dengan\s+kami|ikuti\s+kami|follow\s+us|subscribe"
    r"|berlangganan|laporkan|report)\b",
    re.IGNORECASE,
)
# Page furniture: view counters, font-size and dark-mode switches, editorial disclaimers.
_WIDGET_RE = re.compile(
    r"^(?:(?:dibaca|dilihat|views?|pembaca)\s*(?::\s*)?\d[\d.,]*\s*(?:kali|x)?"
    r"|\d[\d.,]*\s*(?:x\s*)?(?:views?|kali\s+dibaca|kali\s+dilihat|dibaca|dilihat|pembaca|hits)"
    r"|dibaca\s+\d[\d.,]*\s*kali"
    r"|(?:mode\s+(?:gelap|terang|malam)|dark\s+mode|light\s+mode)"
    r"|(?:text|font)\s+sizes?|ukuran\s+(?:teks|huruf|font)|a+|small|medium|large|larger"
    r"|catatan\s+redaksi\b.*|disclaimer\b.*"
    r"|.{0,20}\b(?:rendering|generated|dimuat)\s+(?:in|dalam)\s+[\d.,]+\s*(?:seconds|detik|s)\b.*)$",
    re.IGNORECASE,
)
# An image file name ("IMG_20240312_0935.jpg", "bupati-rapat-opd.webp") or an avatar widget.
_IMAGE_RE = re.compile(
    r"^(?:\S+\.(?:jpe?g|png|webp|gif|bmp|svg)(?:\?\S*)?|(?:avatar|gravatar|foto\s+profil|"
    r"profile\s+(?:photo|picture))\b.{0,40})$",
    re.IGNORECASE,
)
# The comment form that ends an article page: everything after it is another page's.
_COMMENTS_RE = re.compile(
    r"^(?:(?:tulis|tinggalkan|beri|berikan|kirim)\s+(?:komentar|balasan|tanggapan)"
    r"|leave\s+a\s+(?:reply|comment)|no\s+comments?|post\s+a\s+comment"
    r"|discussion\s+about\s+this\s+(?:post|article)\s*$"
    r"|alamat\s+email\s+anda\s+tidak\s+akan\s+dipublikasikan)\b",
    re.IGNORECASE,
)
# A caption behind an upper-case label: "LANTIK: Pj Wali Kota ... saat memasang ...".
_CAPS_LABEL_RE = re.compile(r"^[A-Z]{3,}(?:\s+[A-Z]{2,}){0,3}\s*:\s+\S")


def caps_label_caption(line: str, n_words: int) -> bool:
    """A caption behind an upper-case label (``LANTIK: Pj Wali Kota ... saat ...``)?

    Not a long sentence behind an upper-case place and a colon, the dateline some
    outlets write (``KOTABARU: Bupati ... meminta seluruh OPD ... .``): more than 25
    words, a full stop at the end and at least a quarter of them in lower case (a lead
    full of titles and names has a few), where a caption is short and a label's notice
    (``CATATAN REDAKSI: Apabila Ada Pihak ...``) is Title Case.
    """
    if not _CAPS_LABEL_RE.match(line):
        return False
    if n_words <= 25 or line.rstrip()[-1:] not in _TERMINAL:
        return True
    words = line.split()
    return 4 * sum(w[:1].islower() for w in words) < len(words)


# The bullets of lists; a dash also marks a headline of a list of other articles, an
# asterisk also a line's bullet (not a headline's).
_BULLET_CHARS = "•·▪►■◆"
# A bulleted headline of a list of other articles: "• VIDEO: ...", "- Banjir di Sumatera: ...".
_BULLET_HEADLINE_RE = re.compile(rf"^[{_BULLET_CHARS}\-–]\s*(?=\S)")
# Any bulleted line: "• item", "- item", "* item".
_BULLETED_RE = re.compile(rf"^[{_BULLET_CHARS}\-–*]\s*\S")
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LETTER_RE = re.compile(r"[^\W\d_]")
_ASCII_LOWERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_BULLET_RE = re.compile(rf"^[{_BULLET_CHARS}*]\s*")

# Dateline at the start of the first paragraph. Place: one to four capitalised words.
_PLACE = r"(?P<place>[A-Z][A-Za-z'.]*(?:\s+[A-Z][A-Za-z'.]*){0,3})"
_OUTLET = r"(?P<outlet>[A-Za-z][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*)"
_DOMAIN_OUTLET = r"(?P<outlet>[A-Za-z][A-Za-z0-9\-]*(?:\.[A-Za-z]{2,})+)"
_DASH = r"[-–—‒―|]+"
_DAY = r"(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)"
#: Datelines naming the outlet (or a date), then a bare upper-case place: the first kind is
#: looked for first, so that a caption like "RAPAT KOORDINASI - Bupati ..." above the
#: article does not pass for the dateline of "TRIBUNJATENG.COM, SEMARANG - ...".
_DATELINE_RES = (
    # TRIBUNSUMSEL.COM, MUARA ENIM - ... (outlet first)
    re.compile(rf"^{_DOMAIN_OUTLET}\s*,\s*{_PLACE}\s*{_DASH}\s*"),
    # KOMPAS.com - ... (outlet alone)
    re.compile(rf"^{_DOMAIN_OUTLET}\s*{_DASH}\s*"),
    # Palembang, 12/3/2024 - ... | Lahat, Senin (12/2/2024) - ... (place and date)
    re.compile(
        rf"^{_PLACE}\s*,\s*(?i:{_DAY}\s*(?:,\s*)?)?\(?\d{{1,2}}[/ .-]\w+[/ .-]\d{{2,4}}\)?"
        rf"\s*{_DASH}\s*"
    ),
    # PALEMBANG, PALTV.CO.ID - ... | Baturaja, BP–... | LUWU TIMUR,Timuronline – ...
    # (not a word's hyphen: "Namun, disela-sela kunjungan" is a sentence)
    re.compile(rf"^{_PLACE}\s*[,_]\s*{_OUTLET}(?!-[a-z])\s*{_DASH}\s*"),
    # Palembang (ANTARA) - ... | LEMBAH (KL),- ... (the dash required: "Badan Kepegawaian
    # Daerah (BKD) Kota ..." opens a sentence)
    re.compile(rf"^{_PLACE}\s*\((?P<outlet>[A-Za-z][\w.\- ]{{0,30}})\)\s*,?\s*{_DASH}\s*"),
    # SERANG, (KB).- ... | PALU, (RN) - ... (the outlet's initials in brackets after a
    # comma: the dash is then required)
    re.compile(rf"^{_PLACE}\s*,\s*\((?P<outlet>[A-Z][\w.\- ]{{0,30}})\)\.?\s*{_DASH}\s*"),
    # MUARADUA_ Elanghitam.com “... (a web domain as outlet, no dash)
    re.compile(rf"^{_PLACE}\s*[,_]\s*{_DOMAIN_OUTLET}\s+(?=\S)"),
)
_WEAK_DATELINE_RE = re.compile(  # JAKARTA - ... (an upper-case place alone)
    r"^(?P<place>[A-Z][A-Z'.]{2,}(?:\s+[A-Z][A-Z'.]+){0,3})\s*" + _DASH + r"\s*"
)

# Reporter / editor tag after the last sentence: "(Red/tim)", "(Suharni)", "#yan", "[rel]",
# also with a full stop after it ("[JM].").
_TAG_RE = re.compile(
    r"(?<=[.!?])\s*(?P<tag>\((?:[^()\n]{1,40})\)\.?|\[(?:[^\[\]\n]{1,40})\]\.?|#[A-Za-z]{1,15}"
    r"|\*{2,3}|-[A-Za-z]{2,10}-)\s*$"
)
_FINAL_BRACKET_RE = re.compile(r"(?<=[.!?”\"’'])\s*\([^()]{1,40}\)\s*$")
# A quote closed after its own punctuation and followed by a short lower-case speech tag
# whose final full stop was forgotten: ``... harus siap," tegasnya``.
# A source credit after the last full stop: "... sejahtera./MC Pemko Batam", "./ant".
_SLASH_CREDIT_END_RE = re.compile(r"[.!?][\"'”’)]{0,3}[ \t]{0,3}/[ \t]*[^/\s][^/]{0,24}$")
_QUOTE_TAG_END_RE = re.compile(r"[.,!?…][”\"]\s+[a-z][\w-]*(?:\s+[\w.,'-]+){0,7}$")
_SITE_NAME_RE = re.compile(r"^[A-Za-z][\w\-]*(?:\.[A-Za-z]{2,}){1,2}$")
_LIST_ITEM_RE = re.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|[-•*–])\s+\S")
# Words a Title-Case headline leaves in lower case.
_MINOR_WORDS = frozenset(
    "di ke dari dan atau yang untuk dengan pada dalam oleh bagi se of the and in to".split()
)


# The tests of a line below are asked again and again of the same lines (by each rule,
# in each pass of the cleaner): their answers are kept for the most recent lines.
_line_cache = lru_cache(maxsize=1 << 14)


@_line_cache
def word_count(line: str) -> int:
    """Number of whitespace-separated words of a line (kept for the most recent lines)."""
    # A tidied line (no space at either end, no two in a row, no other whitespace: every
    # whitespace character but the ASCII space is non-printable) has one word more than
    # spaces; counted in C without building the list of words.
    if line.isprintable() and line[:1] != " " and line[-1:] != " " and "  " not in line:
        return line.count(" ") + 1 if line else 0
    return len(line.split())


def normalize_whitespace(line: str) -> str:
    """Tidy one line: zero-width characters out, non-breaking and other spaces to one space."""
    # every whitespace and zero-width character but the ASCII space is non-printable
    if (line.isprintable() and "  " not in line) or not _UNTIDY_RE.search(line):
        return line.strip()
    return _SPACE_RE.sub(" ", _ZERO_WIDTH_RE.sub("", line)).strip()


def strip_tag(line: str) -> tuple[str, str | None]:
    """``(line without its reporter tag, the tag)``, or ``(line, None)`` without a tag."""
    # A tag ends with ")", "]", "*", "-", "." or an ASCII letter (#yan): test that first.
    tail = line.rstrip()[-2:]
    end = tail[-1:]
    if not end or not (end in ")]*-" or (end.isascii() and end.isalpha())):
        # a tag ending in "." is "(...)." or "[...]."
        if end != "." or tail[:1] not in ")]":
            return line, None
    m = _TAG_RE.search(line)
    if not m or len(line[: m.start()].strip()) == 0:
        return line, None
    return line[: m.start()].rstrip(), m.group("tag")


@_line_cache
def _last_mark(line: str) -> str:
    """The last character of a line before a tag, a bracketed name (``(Askolani)``) and
    closing marks after it (``""`` for none)."""
    text, _ = strip_tag(line)
    if text.rstrip().endswith(")"):  # the only lines with a bracketed name at the end
        text = _FINAL_BRACKET_RE.sub("", text)
    return text.rstrip(_CLOSERS + " ")[-1:]


@_line_cache
def ends_sentence(line: str) -> bool:
    """Does the line end like a sentence (terminal punctuation, a comma, semicolon or
    colon, maybe closing marks, a tag or a bracketed name after it, a short source credit
    after a slash: ``... sejahtera./MC Pemko``, or a closed quote followed by a short
    lower-case speech tag without its full stop: ``... siap," tegasnya``)? Such a line is
    never removed as a headline."""
    mark = _last_mark(line)
    if mark and mark in _TERMINAL + ",;:…":
        return True
    # the credit's slash is the line's last: its full stop is at most 7 characters before
    if "/" in line and _SLASH_CREDIT_END_RE.search(line, max(0, line.rfind("/") - 7)):
        return True
    # the closing quote of a speech tag is the line's last double quote mark
    quote = max(line.rfind("”"), line.rfind('"'))
    return quote > 0 and _QUOTE_TAG_END_RE.search(line, quote - 1) is not None


@_line_cache
def ends_paragraph(line: str) -> bool:
    """Does the line end a paragraph: ``.``, ``!``, ``?``, ``…`` or ``:``, maybe followed by
    closing marks, a tag or a bracketed name? (A comma or semicolon at the end means the
    text goes on.)"""
    mark = _last_mark(line)
    return bool(mark) and mark in _TERMINAL + ":…"


def is_listed_headline(line: str) -> bool:
    """Can a line right under a bare ``Baca Juga:`` label be one of the headlines it
    lists: no sentence end, at most 25 words, and not running text cut off by the page's
    end (:func:`_cut_prose`)?"""
    return not ends_sentence(line) and word_count(line) <= 25 and not _cut_prose(line)


def _cut_prose(line: str) -> bool:
    """Does the line read like running text cut off by the page's end rather than like a
    headline: ten words or more, three in four starting in lower case, and no ellipsis at
    its end (a teaser of another article ends with one)?"""
    words = [w for w in line.split() if _LETTER_RE.search(w)]
    if len(words) < 10 or _TEASER_END_RE.search(line):
        return False
    return 4 * sum(w.lstrip("\"'“‘(")[:1].islower() for w in words) >= 3 * len(words)


def is_headline_like(line: str) -> bool:
    """A short line with no sentence-final punctuation: a headline or a subheading."""
    n = word_count(line)
    return 2 <= n <= 25 and not ends_sentence(line) and line[-1] not in ")]\"”'’"


@_line_cache
def is_title_case(line: str) -> bool:
    """Is the line written like a headline or a name caption: three to 25 words, nine in
    ten of them capitalised (short function words such as *di, dan, yang* may stay in
    lower case), and, when it ends like a paragraph, at most 15 words? (A first
    sentence full of names and titles has a few more lower-case words.)"""
    n = word_count(line)
    if n < 3:
        return False
    # Shortcut: a word starting with a lower-case letter (here: an ASCII one) that is
    # not a minor word is counted and not capitalised, so more of them than a tenth of
    # all words rule the line out. In running text enough of them come among the first
    # words: these are looked at first, one by one, ...
    seen = 0
    first = 2 * (n // 10) + 6
    for w in line.split(None, first)[:first]:
        if w[0] in _ASCII_LOWERS and w not in _MINOR_WORDS:
            seen += 1
            if 10 * seen > n:
                return False
    # ... then all of them, counted in C: such words, less the minor words.
    parts = line.split()
    lower = sum(map(_ASCII_LOWERS.__contains__, [w[0] for w in parts])) - sum(
        map(_MINOR_WORDS.__contains__, parts)
    )
    if 10 * lower > len(parts):
        return False
    words = [w for w in parts if _LETTER_RE.search(w)]
    if not 3 <= len(words) <= 25 or (len(words) > 15 and ends_paragraph(line)):
        return False
    counted = [w for w in words if not (w.lower() in _MINOR_WORDS and w.islower())]
    upper = sum(1 for w in counted if w.lstrip("\"'“‘(«[")[:1].isupper())
    return bool(counted) and upper >= 0.9 * len(counted)


def is_bulleted(line: str) -> bool:
    """Does the line start with a bullet (``•``, ``-``, ``*`` ...) and go on after it?"""
    return bool(_BULLETED_RE.match(line))


def is_list_item(line: str) -> bool:
    """Does the line start like an item of a list (``1.``, ``a)``, ``-``, ``•``)?"""
    return bool(_LIST_ITEM_RE.match(line))


def is_menu(line: str) -> bool:
    """One to three menu words (``Home``, ``Berita``, ``Share``, ``-ads-`` ...)."""
    words = line.split(maxsplit=3)  # four pieces: more than three words
    return 0 < len(words) <= 3 and all(w.lower().strip(":|-") in _MENU_WORDS for w in words)


def has_quote_mark(text: str) -> bool:
    """Does ``text`` hold a double quote mark (straight ``"`` or curly ``“ ”``)?"""
    return '"' in text or "“" in text or "”" in text


# A caption that is only the name of the official in the photo: an office, then
# capitalised words alone (a place and a name, maybe after a comma, an abbreviation of
# the office in brackets), e.g. "Bupati Sukamaju, H. Ahmad Fauzi", "Wakil Gubernur
# Lembah Raya Budi Santoso." or "Sekretaris Daerah (Sekda) Lembah, Budi Santoso." A body line
# says something of the person; a headline has a verb, and is not body either.
_NAME_CAPTION_RE = re.compile(
    r"(?:(?:Wakil|Pj\.?|Plt\.?|Plh\.?|Penjabat)[ \t]+)?(?:Bupati|Wali[ \t]?[Kk]ota|Walikota"
    r"|Gubernur|Sekda|Sekretaris|Pelatih|Kepala|Kadis|Camat|Kapolres|Kapolda|Kapolsek"
    r"|Ketua|Asisten|Lurah|Direktur|Dandim|Danrem)"
    r"(?:[ \t]+(?:[A-Z][\w'’.-]*|\([A-Z][\w.]*\)))+"  # an abbreviation in brackets: "(Sekda)"
    r"(?:,[ \t]*[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*)?\.?[ \t]*$"
)


def is_caption_above(line: str) -> bool:
    """Is a line above the article a photo caption: a sign of one
    (:func:`caption_signal`), or an official's office and name alone closed by a full
    stop (a headline of the same shape has no full stop)?"""
    return caption_signal(line) or (line.rstrip().endswith(".") and is_name_caption(line))


def is_name_caption(line: str) -> bool:
    """Is the line only an office and a name, two to nine capitalised words (``Bupati
    Sukamaju, H. Ahmad Fauzi``): inside an article, the caption of a photo of that
    official? (A headline has the same shape: the cleaner asks this only of lines
    inside the article, after the paragraphs the page broke are joined.)"""
    return (
        line[:1] in "BWGSPKCDAL"
        and 2 <= word_count(line) <= 9
        and bool(_NAME_CAPTION_RE.match(line))
    )


@_line_cache
def caption_signal(line: str) -> bool:
    """Does the line carry a sign of a photo caption: a credit (``Foto: ...``, ``.../ist``,
    ``(Dok. Humas)``), a place in the photo (``(tengah)``), ``Perbesar``, or the
    WordPress caption markup a page leaked (``[caption id="attachment_..." ...]``)?
    Lines of more than 60 words or with a direct quote are not taken for captions, nor a
    sentence of more than 20 words whose credit follows its full stop (a tag after the
    last sentence)."""
    if line.startswith("[caption"):
        return True
    n_words = word_count(line)
    if n_words > 60 or has_quote_mark(line):
        return False
    credit = _credit_end(line)
    if credit and n_words > 20 and line[: credit.start()].rstrip()[-1:] in _TERMINAL:
        credit = None  # a long sentence with its credit: the article's last line and a tag
    return bool(
        _photo_credit(line)
        or credit
        or ("(" in line and _PHOTO_POSITION_RE.search(line))
        or _PERBESAR_RE.search(line, max(0, len(line.rstrip()) - len("perbesar")))
        or (
            "/" in line
            and (".com" in line or ".id" in line or ".net" in line)
            and _OUTLET_CREDIT_RE.search(line)
        )
        or caps_label_caption(line, n_words)
    )


# Shortcuts of the searches above, each the same answer as the plain search of the whole
# line (tests/test_clean.py pins them on generated lines): what cannot match is ruled out
# by a substring test in C, and a match that must end the line is looked for from the
# last place it can start.
_CAPTION_WORDS = ("foto", "photo", "ilustrasi", "dok", "caption", "copyright")
#: The only characters that a pattern ignoring case matches to an ASCII letter besides
#: its two cases (``İ`` and ``ı`` to ``i``, ``ſ`` to ``s``, the Kelvin sign to ``k``):
#: a line without them holds an ASCII word in any case only if its lower case does.
_ASCII_FOLDS_RE = re.compile("[\u0130\u0131\u017f\u212a]")


def _photo_credit(line: str) -> re.Match[str] | None:
    """``_CAPTION_RE.search(line)``: a match has a ``:`` or ``/`` and, in an ASCII line,
    one of :data:`_CAPTION_WORDS` in any case."""
    if ":" not in line and "/" not in line:
        return None
    if line.isascii() or not _ASCII_FOLDS_RE.search(line):
        low = line.lower()
        if not any(w in low for w in _CAPTION_WORDS):
            return None
    return _CAPTION_RE.search(line)


def _credit_end(line: str) -> re.Match[str] | None:
    """``_CREDIT_END_RE.search(line)``: a credit at the end of the line starts just
    before its last ``/`` or at its last ``(`` (nothing after them has another), so the
    pattern is tried at these two places only, the first one first."""
    for p in sorted({line.rfind("/") - 1, line.rfind("(")}):
        if p >= 0:
            m = _CREDIT_END_RE.match(line, p)
            if m is not None:
                return m
    return None


def _union(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One pattern that matches at the start of a string where any of ``patterns`` does
    (each keeps its own case rule)."""
    return re.compile(
        "|".join(
            ("(?i:" if p.flags & re.IGNORECASE else "(?-i:") + "(?:" + p.pattern + "))"
            for p in patterns
        )
    )


# Every pattern classify_line matches at the start of a line (or of the line without its
# bullet), as one: a line none of them fits needs only the tests that look inside it.
_START_PATTERNS = (
    _TAG_LINE_RE,
    _RELATED_RE,
    _TABLE_ROW_RE,
    _BULLET_HEADLINE_RE,
    _ENGAGEMENT_RE,
    _BYLINE_RE,
    _SOURCE_RE,
    _FOLLOW_RE,
    _IMAGE_RE,
    _SITE_NAME_RE,
)
_BARE_PATTERNS = (_TIMESTAMP_RE, _WIDGET_RE)
_ANY_CHEAP_START_RE = _union(_START_PATTERNS)
_ANY_BARE_START_RE = _union(_BARE_PATTERNS)
_BULLETS = _BULLET_CHARS + "*"
# The two patterns of the union that cost most on a body line, each behind a test that
# rules out most lines at once (tests/test_boilerplate_shortcuts.py pins both):
# a timestamp ends the line with a digit, a time zone or "lalu" (maybe a separator after
# it); a widget starts with one of the words of its alternatives, or names its rendering
# time within the first 29 characters.
_TIMESTAMP_END_RE = re.compile(r"(?:\d|(?i:wib|wita|wit|lalu))$")
_WIDGET_HEAD_RE = re.compile(
    r"(?i:dibaca|dilihat|views?|pembaca|\d|mode|dark|light|text|font|ukuran|a|small|medium"
    r"|large|catatan|disclaimer)"
)
_WIDGET_TIME_RE = re.compile(r"(?i:rendering|generated|dimuat)")


def _may_be_timestamp(line: str) -> bool:
    """False only if ``_TIMESTAMP_RE`` cannot match ``line``: its end, past trailing
    spaces and one separator (``·``, ``|``, ``•``), is not a digit, a time zone or
    ``lalu``."""
    end = line.rstrip()
    if end[-1:] in "·|•":
        end = end[:-1].rstrip()
    return _TIMESTAMP_END_RE.search(end, max(0, len(end) - 4)) is not None


def _may_be_widget(line: str) -> bool:
    """False only if ``_WIDGET_RE`` cannot match ``line``."""
    if _WIDGET_HEAD_RE.match(line):
        return True
    head = line[:29]
    if head.isascii() or not _ASCII_FOLDS_RE.search(head):
        low = head.lower()
        return "rendering" in low or "generated" in low or "dimuat" in low
    return _WIDGET_TIME_RE.search(head) is not None


def _any_start(line: str) -> bool:
    """Does any pattern of ``classify_line`` match at the start of the line (one of
    :data:`_START_PATTERNS` or :data:`_BARE_PATTERNS`, the union of all of them)?"""
    return bool(
        _ANY_CHEAP_START_RE.match(line)
        or (_may_be_timestamp(line) and _TIMESTAMP_RE.match(line))
        or (_may_be_widget(line) and _WIDGET_RE.match(line))
    )


def classify_line(line: str) -> str | None:
    """The reason (a key of :data:`REASONS`) for a line that is boilerplate wherever it
    stands, or ``None``.

    The rules apply in the order of :func:`_classify_line`; a line that none of the
    patterns at the start of a line fits (one match of their union, the usual body line)
    is only looked into (letters, captions, a contact address, Google News, menu words),
    which gives the same answer (tests/test_boilerplate_shortcuts.py).
    """
    if _any_start(line):
        return _classify_line(line)
    if line[:1] in _BULLETS:
        bare = _BULLET_RE.sub("", line)
        if _ANY_BARE_START_RE.match(bare):
            return _classify_line(line)
    else:
        bare = line
    if not _LETTER_RE.search(line):
        return "widget"
    n_words = word_count(line)
    # the Google News line has at most 20 words (12 before "google news", 6 after)
    if n_words <= 20 and "google" in line.lower() and _GOOGLE_NEWS_RE.match(line):
        return "engagement"
    if (n_words <= 30 and _photo_credit(line)) or caption_signal(line):
        return "caption"
    if n_words <= 8 and "@" in line and _EMAIL_RE.search(line):
        return "widget"
    if is_menu(bare):
        return "menu"
    return None


def _classify_line(line: str) -> str | None:
    """:func:`classify_line`, every rule in order."""
    if _TAG_LINE_RE.match(line):
        return "reporter-tag"
    if not _LETTER_RE.search(line):
        return "widget"  # no letter: a table rule, a lone number, dashes
    if _RELATED_RE.match(line) or _TABLE_ROW_RE.match(line):
        return "related-link"
    bullet = _BULLET_HEADLINE_RE.match(line)
    if bullet and is_title_case(line[bullet.end() :]) and not ends_paragraph(line):
        return "related-link"
    if _ENGAGEMENT_RE.match(line) or ("google" in line.lower() and _GOOGLE_NEWS_RE.match(line)):
        return "engagement"
    if _BYLINE_RE.match(line):
        return "byline"
    n_words = word_count(line)
    if _SOURCE_RE.match(line) and (n_words <= 8 or line[:7].lower() == "artikel"):
        return "source-credit"
    if (n_words <= 30 and _photo_credit(line)) or caption_signal(line):
        return "caption"
    bare = _BULLET_RE.sub("", line)
    if _TIMESTAMP_RE.match(bare):
        return "timestamp"
    if _WIDGET_RE.match(bare) or (n_words <= 8 and _FOLLOW_RE.match(line)):
        return "widget"
    if _IMAGE_RE.match(line):
        return "widget"  # an image file name or an avatar
    if n_words <= 8 and "@" in line and _EMAIL_RE.search(line):
        return "widget"  # a contact line: "redaksi@situs.id (0761) 45505"
    if is_menu(bare) or _SITE_NAME_RE.match(line):
        return "menu"
    return None


def is_related_label(line: str) -> bool:
    """Is the line only the label of a list of other articles (``Baca Juga:``, ``Berita
    Terkait``), the headlines on the lines after it?"""
    return bool(_RELATED_LABEL_RE.match(line))


def is_teaser(line: str) -> bool:
    """Does the line end cut off by an ellipsis after a word (``... Polres Tubaba
    mengerahk ...``), as the teasers of other articles do? A line with a quote mark is
    not taken for one (speech may trail off)."""
    end = line.rstrip()[-3:]
    if not (end == "..." or end.endswith("…")):
        return False  # shortcut: the regex only confirms what comes before the ellipsis
    return bool(_TEASER_END_RE.search(line)) and not has_quote_mark(line)


def is_comment_form(line: str) -> bool:
    """Does the line open a comment form (``Tinggalkan Balasan``, ``Post a Comment``),
    which ends an article page?"""
    return bool(_COMMENTS_RE.match(line))


@_line_cache
def match_dateline(line: str, *, weak: bool = False) -> re.Match[str] | None:
    """The dateline at the start of ``line``: one naming an outlet or a date, or with
    ``weak`` an upper-case place alone (``JAKARTA -``)."""
    for rx in (_WEAK_DATELINE_RE,) if weak else _DATELINE_RES:
        m = rx.match(line)
        if m and len(line) > m.end() - 1:
            return m
    return None
