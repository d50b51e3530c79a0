"""The vocabulary of attribution: word lists and compiled patterns.

Every other module of :mod:`analysis.quotes` reads the text through these: speech and
reporting verbs, titles and honorifics, degrees after names, words of places and
offices, the words that make a name an object or a quote a label, and the regular
expressions built from them. Nothing here runs at import beyond compiling them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Speech verbs of attribution, used next to a quote (``,” kata dia``) or as a
#: parenthesis (``Dengan begitu, kata dia, ...``); each also with the clitic ``-nya``.
SPEECH_VERBS = tuple(
    """kata ujar ungkap tegas terang tutur tandas imbuh jelas pinta pungkas ucap sebut
    beber tambah lanjut harap papar urai ajak kilah tukas seru sambung cetus timpal
    jawab pesan sergah ingat tanya imbau keluh canda kelakar seloroh sahut sindir celetuk
    tutup tegur ungkit kenang""".split()
)

#: The speech verbs that also mark reported speech in narration, without quote marks
#: (``Masih kata Sekda, ...``, ``Untuk itu lanjut dia, ...``, ``..., ujarnya.``). The
#: others (``ingat``, ``pesan``, ``tanya`` ...) are too often ordinary words there.
NARRATION_SPEECH_VERBS = tuple(
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
    menjawab menanggapi mengucapkan mengklaim menandaskan mengaku menyebutkan minta
    mengomentari menampik membantah mempersilakan mempersilahkan mengintruksikan
    mengungkit melontarkan mengeluhkan menegur memperingatkan mewarning menganggap
    memprediksi menggarisbawahi menyayangkan mempertanyakan memuji mengkritik mengarahkan
    mengamanatkan menginformasikan mengumumkan melaporkan bercerita menceritakan mendesak
    menghendaki menyesalkan mengecam mengancam menanyakan menolak mencontohkan mengisahkan
    me-warning mengibaratkan menyentil menyindir merinci mengultimatum menyemangati
    memotivasi menyuarakan menantang menyorot yakin optimistis optimis ingin""".split()
)

#: Phrases of a light verb and a noun of speech that report speech like a reporting
#: verb (``Bupati memberikan apresiasi ...``, ``Wali Kota angkat bicara ...``).
REPORTING_PHRASES = tuple(
    f"{verb} {noun}"
    for verb in ("memberikan", "memberi", "melakukan", "melayangkan")
    for noun in """apresiasi pesan arahan pujian peringatan teguran instruksi imbauan
    himbauan ancaman alasan penegasan penjelasan tanggapan motivasi ucapan""".split()
) + ("menyambut baik", "berterus terang", "angkat bicara", "buka suara")

#: Passive speech verbs that mark reported speech when their agent is given
#: (``dikatakan Sekda bahwa ...``, ``Ditegaskannya, ...``); without one, only a request
#: or hope (``diminta``, ``diharapkan``) is someone's words (:data:`PASSIVE_REQUEST_ANY_RE`).
PASSIVE_SPEECH = tuple(
    """dikatakan disampaikan ditegaskan dijelaskan diungkapkan ditambahkan diterangkan
    dituturkan diingatkan diimbau dihimbau dipesankan dipaparkan ditekankan disebutkan
    dinyatakan diharapkan diminta diajak dikemukakan diutarakan diakui""".split()
)

# ------------------------------------------------------------------ word lists

#: Police and military ranks written before a name (``Kombes Pol. Hari``, ``AKBP
#: Arif``, ``Komjen (Purn) Andap``); read like honorifics, never part of the name.
RANKS = frozenset(
    """jenderal komjen irjen brigjen kombes akbp kompol akp iptu ipda aiptu aipda bripka
    brigpol brigadir briptu bripda bharada bharaka bharatu letjen mayjen kolonel letkol
    mayor kapten lettu letda serma serka sertu serda peltu pelda kopka koptu kopda praka
    pratu prada laksamana laksdya laksda laksma marsekal marsdya marsda marsma""".split()
)
#: Words that may follow a rank before the name: its corps (``Kombes Pol.``, ``Letkol
#: Inf``) or retirement (``(Purn)``).
RANK_SUFFIXES = frozenset(
    "pol polisi purn purnawirawan inf kav arh czi cpn cku chb mar pnb tni".split()
)

HONORIFICS = (
    frozenset(
        """h hj hm hj kh drs dra dr drg ir prof ust ustadz ustaz hajjah haji pak bapak pakde
    bude bu ibu bunda mas mbak bang abang kak tuan nyonya ny sdr sdri saudara saudari
    yth cik uda datuk cak kang akang abah daeng gus bung om teteh""".split()
    )
    | RANKS
)
# Honorifics that need their period to count (``H. Budiman``; a bare ``H`` may be a
# name); the others count with or without (``Pak``, ``Ibu``, ``Dr`` ...).
HONORIFICS_NEED_DOT = frozenset({"h", "hm", "ny"})

#: Degrees and titles written after a name (compared lower case, without periods).
DEGREES = frozenset(
    """sstp stp mm sh mh msi si ssos sos se st mt spd pd mpd sag ag sip ip skom kom skm km
    mkes kes ak ca phd ma mba msc map sp mp ssi shi mhum hum lc ba bsc mag sth mth spt
    mkom ssy sy mars mkm me sfarm farm apt spog mmr sked ked mpa mpp dipl cht cpa mec sst
    ssit mt mtr msc mei mh mpdi pdi sthi mpi sikom mikom mm ak mak sak sht mps ms amd
    amk skep kep ners spt sik mik mkn spdi""".split()
)

#: Shortened first names written with a period (``Moh. Haris``, ``Abd. Rahman``): the
#: period does not end the name.
NAME_ABBREVIATIONS = frozenset("moh muh moch mochd mhd mohd muhd abd ach achm".split())

#: Words that show a run of capitalised words after a title is a place, not a name.
PLACE_WORDS = frozenset(
    """timur barat utara selatan tengah tenggara daya laut raya hulu hilir ilir ulu darat
    kepulauan kabupaten kab kota provinsi prov kecamatan kec desa kelurahan kel daerah
    sumatera sumatra sumsel sumut sumbar jawa jatim jateng jabar kalimantan kalbar
    kalteng kalsel kaltim kaltara sulawesi sulsel sulteng sultra sulut sulbar bali papua
    maluku malut aceh riau kepri jambi bengkulu lampung banten gorontalo yogyakarta
    jakarta dki diy ntb ntt babel bangka belitung nusa indonesia ri""".split()
)
#: Words after which the following capitalised words are a place name.
PLACE_MARKERS = frozenset(
    "kabupaten kab kota provinsi prov kecamatan kec desa kelurahan kel pemkab pemkot "
    "pemprov pemda".split()
)
#: Words of office names (``Kepala Dinas Kesehatan``, ``Asisten Bidang Perekonomian``).
OFFICE_WORDS = frozenset(
    """dinas badan bagian bidang kantor seksi biro unit satuan polisi pamong praja satpol
    umum sipil hidup lingkungan sosial kerja tenaga komunikasi informatika statistik
    sandi pariwisata olahraga pemuda arsip perpustakaan sekretariat inspektorat
    administrasi ekonomi pemerintahan rakyat negeri agama organisasi perangkat setda setdakab
    setdako setdakot setdaprov setwan""".split()
)
OFFICE_NOUN_RE = re.compile(r"^(?:ke|pe|per|pem|pen|peng|peny)[a-z]{3,}an$")

#: Capitalised words that start sentences or name things, never a person's name.
NOT_NAMES = frozenset(
    """periode dalam pada untuk selain sementara menurut terkait kemudian selanjutnya namun lebih
    saat ketika usai setelah sebelum di ke dari oleh bagi dengan hal hari itu ini maka
    sehingga karena juga ia dia beliau kami kita saya mereka semua seluruh para rapat
    kegiatan acara pemerintah pemkab pemkot pemprov pemda dinas badan sedangkan adapun
    bahkan tak tidak ya yang kepada sebagai atas pihaknya hadir secara masih kata begitu
    demikian apalagi meski walaupun jika bila apabila agar supaya tahun bulan senin
    selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli
    agustus september oktober november desember dprd opd asn pns kota negara rakor raker
    apel program gerakan tema sekda bupati gubernur wabup wagub camat kepala ketua
    masyarakat warga pejabat pegawai tim anggota jajaran dan serta atau lalu pun
    sebelumnya sesuai tentu karenanya olehnya untuk itulah disisi sisi dirinya pj plt plh
    pjs pria wanita sosok mantan beberapa sejumlah sebagian banyak cup trophy award""".split()
)

#: Words that open a clause of a speaker's words, never its subject (``Jadi ...``,
#: ``Kalau ...``, ``Mari ...``): a quote that starts with one is no narration.
CONNECTIVES = frozenset(
    """jadi maka makanya karena kalau jika apabila bila dan namun tetapi tapi sehingga
    oleh untuk dengan dalam ini itu ya mari ayo tolong mohon ibarat sekali sekarang
    nah memang tentu jangan semua seluruh setiap""".split()
)

#: Words before a name that make it an object or a companion, not the subject
#: (``didampingi Sekda``, ``bersama Wabup``, ``kepada Bupati``).
OBJECT_MARKERS = frozenset(
    """didampingi bersama dan serta kepada oleh dengan untuk dari ke para hadir dihadiri
    bagi atas antara yakni yaitu seperti termasuk mendampingi menyambut mengundang
    diterima menerima menemui bertemu menghadap kecuali selain tanpa mewakili diwakili
    kunjungan sambutan setiap seluruh semua tiap sejumlah""".split()
)

#: Words right before a title that make it part of a name of a thing
#: (``Peraturan Bupati``, ``Rumah Jabatan Bupati``, ``Piala Gubernur``).
TITLE_COMPOUND_BEFORE = frozenset(
    """peraturan keputusan instruksi surat edaran jabatan kantor rumah pendopo aula piala
    calon pemilihan pilkada sekretariat staf ajudan istri suami protokol perbup pergub
    perwali kepgub sk rujab gedung ruang halaman lapangan tim bagian biro rumdin cup
    perintah""".split()
)

#: Adverbs and circumstances between a subject and its reporting verb.
_ADV = (
    r"(?:juga|pun|pula|kembali|lagi|tetap|turut|sempat|sendiri|langsung|terus|selalu"
    r"|senantiasa|kemudian|lalu|sekaligus|bahkan|secara\s+\w+|dengan\s+[a-z]+|ini|itu|tersebut"
    r"|justru|lantas|telah|sudah|akan|ingin|hendak|spontan|akhirnya|kini|masih"
    r"|(?:tak|tidak)\s+(?:henti-hentinya|lupa|bosan-bosannya|bosan)"
    r"|(?:dalam|saat|ketika|pada)\s+(?:kesempatan\s+(?:itu|tersebut|ini)|[a-z]+nya))"
)

FIRST_PERSON_RE = re.compile(
    r"\b(?:saya|aku|kami|kita|kalian|anda|torang|kitorang|katong|bapak-bapak|ibu-ibu"
    r"|saudara-saudara|"
    r"saudara-saudari|bapak/ibu)\b",
    re.IGNORECASE,
)

# ------------------------------------------------------------------ regexes


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, escaped, longest first (so that ``menyebutkan``
    is tried before ``menyebut``), words of one length in alphabetical order (the same
    pattern in every process)."""
    return "|".join(sorted({re.escape(w) for w in words}, key=lambda w: (-len(w), w)))


_TITLE_CORE = (
    r"Bupati|Gubernur|Wali\s?[Kk]ota|Walikota|Sekretaris\s+Daerah|Sekda(?:kab|kot|prov|ko)?"
    r"|Wabup|Wabub|Wagub|Wawako|Wawali|Wako"
    r"|Asisten(?:\s+(?:I{1,3}|IV|[1-4]))?|Staf\s+Ahli|Inspektur|Camat|Lurah|Kades"
    r"|Kepala(?:\s+(?:Desa|Daerah|Dinas|Badan|Bagian|Bidang|Kantor|Seksi|Pelaksana|Biro"
    r"|Unit|Satuan|UPTD|Pusat))?"
    r"|Kadis|Kaban|Kabag|Kabid|Kasi|Kasubag|Kalak|Karo|Kasat|Kasatpol\s+PP"
    r"|Ketua|Direktur|Dirut|Menteri|Presiden|Kapolres|Kapolresta|Kapolda|Kapolsek|Dandim"
    r"|Danrem|Danramil|Kajari|Kajati|Rektor|Sekkot|Sekprov|Kapolrestabes|Kasatlantas"
    r"|Kasatreskrim|Kasat\s+(?:Lantas|Reskrim|Narkoba|Binmas)|Kanit|Pelatih"
)
TITLE_RE = re.compile(
    r"\b(?:(?:Plh|Plt|Pj|Pjs)\.?\s+|(?:Penjabat|Pelaksana\s+(?:Tugas|Harian))\s+(?:\(\w+\)\s+)?)?"
    r"(?:Wakil\s+)?(?:" + _TITLE_CORE + r")\b"
)
_RANK_ALT = alternation(r.upper() if r in ("akbp", "akp") else r.title() for r in RANKS)
_RANK_SUFFIX = r"(?:[ \t]+(?:Pol\.?|Polisi|Inf\.?|Kav\.?|Czi\.?|Mar\.?|\((?:Purn|Pol|P|K)\.?\)))*"
HONORIFIC_RE = re.compile(
    r"\b(?:(?:H|Hj|HM|KH|Drs|Dra|Dr|dr|drg|Ir|Prof|Ust|Ustadz)\.|(?:Pak|Bapak|Pakde|Bude"
    r"|Bu|Ibu|Bunda|Mas|Mbak|Bang|Kak|Cak|Kang|Abah|Daeng|Gus|Bung|Uda|Hj|KH|Dr|Drs|Ir|Prof"
    r"|Hajjah|Haji)\b"
    r"|(?:" + _RANK_ALT + r")\b" + _RANK_SUFFIX + r")[ \t]*(?=[A-Z])"
)
# A token while reading a name: a parenthesis, a word (with its final period), a comma.
TOK_RE = re.compile(r"[ \t]*(\([^()\n]{0,40}\)|[^\W\d_][\w’'\-]*\.?|,)")
PLACE_AFTER_MARKER_RE = re.compile(
    r"(?<!Wali )\b(?:Kabupaten|Kab\.|Kota|Provinsi|Prov\.|Pemkab|Pemkot|Pemprov|Pemda"
    r"|Kecamatan|Kec\.|Desa|Kelurahan)[ \t]+((?:[A-Z][\w’'\-]*[ \t]*){1,4})"
)
#: A capitalised word right after a lower-case preposition or place noun is a place
#: (``dipindah ke Cikande``, ``kelahiran pulau Lombok``), not a name.
PLACE_AFTER_PREPOSITION_RE = re.compile(
    r"(?<![\w-])(?:di|ke|dari|pulau|kota|desa|kecamatan|kabupaten|provinsi)[ \t]+"
    r"([A-Z][a-z][\w’'\-]*)"
)
_SPEECH_ALT = alternation(SPEECH_VERBS)
_NARR_SPEECH_ALT = alternation(NARRATION_SPEECH_VERBS)
_REPORTING_ALT = alternation(REPORTING_VERBS + REPORTING_PHRASES)
# What follows a subject that reports: adverbs, then a reporting verb (``... juga
# menegaskan``); shared by the pronoun, lower-case title and demonstrative subjects.
_THEN_REPORTS = r"(?:[ \t]+" + _ADV + r")*[ \t]+(?:" + _REPORTING_ALT + r")\b"
ANCHOR_RE = re.compile(
    r"\b(?:" + _SPEECH_ALT + r")[ \t]+(?P<a>[A-Z][a-z][\w’'\-]*)(?![\w’'\-])(?![ \t]*[A-Z])"
    r"|(?<![\w.,] )(?<![\w.,])(?P<b>[A-Z][a-z][\w’'\-]*)[ \t]+(?:(?:juga|pun|pula|kembali|lagi"
    r"|tetap)[ \t]+)*(?:" + _REPORTING_ALT + r")\b"
)
_PASSIVE_ALT = alternation(PASSIVE_SPEECH)
_PRONOUN = r"(?:[Dd]ia|[Ii]a|[Bb]eliau|[Dd]irinya)"
#: Nouns that head a description of a person (``pelatih asal Portugal itu``, ``Pria
#: yang sebelumnya menjabat ... ini``, ``mantan Kapolda Sultra itu``): with a
#: demonstrative at its end, such a description points back to someone named before.
PERSON_NOUNS = tuple(
    """pria wanita perempuan lelaki laki-laki orang sosok mantan eks politisi politikus
    birokrat jenderal perwira tokoh pejabat pelatih juru putra putri suami istri ayah
    pemain kader""".split()
)
# the same, or a title (``bupati dua periode itu``, ``Kepala BPMD NTB ini``), in any case
_PERSON_HEAD = (
    r"(?i:"
    + alternation(PERSON_NOUNS)
    + r"|bupati|gubernur|wali[ \t]?kota|walikota|wakil|sekda|kapolda|kapolres|kapolresta"
    r"|kepala|ketua|pimpinan|pemimpin|ibu|bapak|direktur|dirjen|sekretaris|asisten|camat"
    r"|lurah|komandan|inspektur|kadis|kaban|kabag|kabid|kasi|kasat|kapolsek|dandim|danrem"
    r"|rektor|menteri|penjabat|pj|plh|plt)"
)
_DEMONSTRATIVE_EPITHET = (
    _PERSON_HEAD + r"\b[^,.;:!?\n“”\"]{0,90}?[ \t](?:itu|ini|tersebut)(?![\w-])"
)
# An epithet that points back like a pronoun: ``orang nomor satu di Kukar``, or a
# description of a person ending in a demonstrative (``pelatih asal Portugal itu``).
_EPITHET = (
    r"(?:[Oo]rang\s+nomor\s+(?:satu|wahid|1)(?:\s+di\s+(?:[A-Z][\w-]*\s*){1,3})?"
    r"|" + _DEMONSTRATIVE_EPITHET + r",?)"
)

# Attribution right after a closing mark: ``,” kata Askolani``, ``,” katanya``,
# ``” demikian disampaikan Bupati``, ``,” menurutnya``.
AFTER_RE = re.compile(
    r"[ \t]*(?:[,.;:!?][ \t]*)?(?:[-–—][ \t]*)?"
    r"(?:(?:[Dd]emikian|[Bb]egitu|[Ss]eperti\s+yang|[Ss]ebagaimana)[ \t]+)?"
    r"(?:(?P<verb>" + _SPEECH_ALT + r"|" + _REPORTING_ALT + r")(?P<nya>nya)?"
    r"|(?P<passive>" + _PASSIVE_ALT + r")(?P<pnya>nya)?"
    r"|(?P<menurut>[Mm]enurut)(?P<mnya>nya)?)\b",
    re.IGNORECASE,
)
PRONOUN_AT_RE = re.compile(r"[ \t]+(?:lagi[ \t]+|pula[ \t]+)?(?:oleh[ \t]+)?(" + _PRONOUN + r")\b")
# A description instead of a name: ``ujar pria yang akrab disapa Pakde itu``.
DESCRIPTION_AT_RE = re.compile(
    r"[ \t]+((?:pria|wanita|perempuan|lelaki|laki-laki|orang|sosok|mantan|politisi"
    r"|politikus|birokrat|bupati|gubernur|wali|sekda|wakil|ketua|kepala|pejabat|pimpinan"
    r"|jenderal|suami|ayah|bapak|ibu)\b[^,.;\n]{0,60})"
)
# A description ending in a demonstrative after a speech verb: ``,” kata pelatih asal
# Portugal itu, Senin``; it points back to someone named before.
EPITHET_AT_RE = re.compile(
    r"[ \t]+(" + _DEMONSTRATIVE_EPITHET + r")(?=[ \t]*(?:[,.;:!?()]|$)|[ \t]+(?:saat|ketika"
    r"|usai|seusai|dalam|di|pada|kepada|sambil|seraya|dengan|kemarin|setelah|sebelum)\b)"
)
# A description that gives the speaker's nickname after a speech verb: ``,” kata pelatih
# yang akrab disapa Djo itu``, ``,” tandas pemain yang biasa dipanggil Ucok``; the
# speaker is the person of that nickname (:mod:`analysis.quotes.aliases` gives the full
# name when the text declares it).
#: The words that declare a nickname: ``(yang) akrab disapa``, ``biasa dipanggil``.
NICKNAMED = r"(?:yang[ \t]+)?(?:akrab|biasa|karib|populer)[ \t]+(?:disapa|dipanggil)"
NICK_AT_RE = re.compile(
    r"[ \t]+[a-z][^,.;:!?\n“”\"]{0,60}?\b"
    + NICKNAMED
    + r"[ \t]+(?P<nick>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)"
)
SPACE_AT_RE = re.compile(r"[ \t]+(?:lagi[ \t]+|pula[ \t]+)?(?:oleh[ \t]+)?(?=[A-Z])")
# Name first after a closing mark: ``,” Budiman menegaskan.``
LEAD_AT_RE = re.compile(r"[ \t]*(?:[,.;:!?][ \t]*)?(?=[A-Z])")
# What may follow a mention before its reporting verb.
FOLLOW_REPORT_RE = re.compile(
    r"(?:[ \t]*\([^()\n]{0,40}\))?(?:[ \t]*,)?[ \t]+(?:"
    + _ADV
    + r"[ \t]+)*(?P<verb>"
    + _REPORTING_ALT
    + r"|"
    + _SPEECH_ALT
    + r")\b"
)
# A reporting verb after a circumstance or an apposition: ``Wali Kota X di Jayapura,
# Jumat, mengatakan``, ``X saat memberikan arahannya ... mengatakan``, ``X, akrab disapa
# AH, menyatakan``, ``X, seorang pedagang di pasar itu mengaku``.
_CIRCUMSTANCE = (
    r"(?:di|dalam|pada|saat|ketika|usai|seusai|sebelum|setelah|disela|sela|selaku"
    r"|sebagai|seorang|salah[ \t]+(?:satu|seorang)|(?:yang[ \t]+)?(?:akrab|biasa|karib)"
    r"[ \t]+(?:disapa|dipanggil))\b[^.;:!?\n“”\"]{0,100}?"
)
CIRCUMSTANCE_REPORT_RE = re.compile(
    r"(?:[ \t]*,)?[ \t]+"
    + _CIRCUMSTANCE
    + r"[ \t,]+(?:"
    + _ADV
    + r"[ \t]+)*(?:"
    + _REPORTING_ALT
    + r")\b"
)
# An institution as the subject of a reporting verb: ``Pemerintah Kota (Pemkot)
# Jayapura, Papua, meminta ...``, ``Badan Pengawas Pemilu (Bawaslu) Provinsi X
# menyebutkan ...`` (``inst``: the institution as written).
INSTITUTION_REPORT_RE = re.compile(
    r"(?P<inst>(?:Pemerintah|Pemkab|Pemkot|Pemprov|Pemda|Dinas|Badan|Bawaslu|KPU|Polres"
    r"|Polresta|Polda|BKPSDM|BKD|BKPP|Inspektorat|DPRD|Kementerian|Kejaksaan|Kejari|Satpol)"
    r"\b[^.;:!?\n“”\"]{0,100}?)[ \t,]+(?:" + _ADV + r"[ \t]+)*(?:" + _REPORTING_ALT + r")\b"
)
# A bare name opening its clause before an apposition that introduces a person:
# ``Indah, seorang pedagang sayur ...``.
APPOSITION_NAME_RE = re.compile(
    r"(?:^|(?<=[.,;:!?\n–—-] )|(?<=\n))([A-Z][a-z][\w’'\-]*(?:[ \t]+[A-Z][a-z][\w’'\-]*){0,2})"
    r"(?=[ \t]*,[ \t]*(?:seorang|salah[ \t]+(?:satu|seorang))\b)",
    re.MULTILINE,
)
FOLLOW_VERB_RE = re.compile(
    r"(?:[ \t]*,)?[ \t]+(?:" + _ADV + r"[ \t]+)*"
    r"(?:me|be[rl]|di|ter|mem|men|meng|meny|memper|selaku|yang|bersama|didampingi)[a-z]"
)
PREV_WORD_RE = re.compile(r"(\S+)[ \t]*$")
SPEECH_WORD_RE = re.compile(r"(?:" + _SPEECH_ALT + r"|" + _PASSIVE_ALT + r")|menurut")
# At most eight degrees after a name (a longer run of short capitalised words is no
# list of degrees, and reading all of it after every name would be quadratic).
DEGREE_RUN_RE = re.compile(
    r"(?:[ \t]*(?:,[ \t]*)?(?:[A-Z][A-Za-z]{0,5}(?:\.[A-Za-z]{1,5})*\.?)(?=[\s,.]|$)){1,8}"
)

# Reported speech in a sentence, besides a subject + reporting verb.
MENURUT_RE = re.compile(
    r"\b[Mm]enurut(?:nya\b|[ \t]+(" + _PRONOUN + r")\b|[ \t]+(?=[A-Z])|[ \t]+(?P<title>(?:wakil"
    r"[ \t]+)?(?:bupati|wali[ \t]?kota|walikota|gubernur)|sekda|wabup|wagub)(?![\w-]))"
)
NARR_SPEECH_RE = re.compile(
    r"(?<![\w-])(?:"
    + _NARR_SPEECH_ALT
    + r")(?:(?P<nya>nya)\b|[ \t]+(?:(?P<pron>"
    + _PRONOUN
    + r")\b|(?=[A-Z])))",
    re.IGNORECASE,
)
# A passive speech verb and its agent (``dikatakan Sekda``, ``disampaikannya``); a comma
# may stand before the agent only in an attribution (``Demikian diungkapkan, Bupati X``,
# ``Hal itu disampaikan, Sekda ...``), not after a clause (``Usai laporan disampaikan,
# Bupati X menyerahkan ...``).
PASSIVE_AGENT_RE = re.compile(
    r"(?P<ref>(?:(?<=demikian[ \t])|(?<=\bitu[ \t])|(?<=\bini[ \t])|(?<=tersebut[ \t])))?"
    r"\b(?:"
    + _PASSIVE_ALT
    + r")(?:(?P<nya>nya)\b|(?(ref),?)[ \t]+(?:oleh[ \t]+)?(?:(?P<pron>"
    + _PRONOUN
    + r")\b|(?=[A-Z])))",
    re.IGNORECASE,
)
PRONOUN_REPORT_RE = re.compile(r"\b(" + _PRONOUN + r"|" + _EPITHET + r")" + _THEN_REPORTS)
# A title written in lower case as the subject of a reporting verb: ``bupati mengaku``.
LOWER_TITLE_REPORT_RE = re.compile(
    r"(?<![\w-])(?P<title>(?:wakil\s+)?(?:bupati|wali\s?kota|walikota|gubernur)|sekda"
    r"|wabup|wagub)" + _THEN_REPORTS
)
# A passive speech verb opening a sentence, its agent left out: ``Dikatakan, ...``,
# ``Lebih lanjut disampaikan bahwa ...`` (the last speaker's words).
PASSIVE_LEAD_RE = re.compile(
    r"[ \t\"“”']*(?:(?:lebih\s+lanjut|selanjutnya|kemudian)[ \t,]+)?(?:"
    + _PASSIVE_ALT
    + r")(?=[ \t]*,|[ \t]+bahwa\b)",
    re.IGNORECASE,
)
# A nickname given in the text: ``Indah Dhamayanti Putri alias Dinda``, ``wali kota yang
# akrab disapa Appi``.
ALIAS_RE = re.compile(
    r"\b(?:alias|(?:yang[ \t]+)?(?:akrab|biasa|karib|populer)[ \t]+(?:disapa|dipanggil"
    r"|disebut)|dengan[ \t]+sapaan)[ \t]+(?P<nick>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)"
)
# A nickname before the words that declare it: ``Hendi sapaan akrab Wali Kota ...``
# (``after``: what follows, a title or a name), ``kata Emil, sapaan akrabnya``
# (``nya``: the nickname of the person named before it).
NICK_SAPAAN_RE = re.compile(
    r"(?<![\w'’-])(?P<nick>(?:(?:Bang|Kak|Pak|Bu|Cak|Kang|Abah|Mas|Mbak|Uda|Daeng|Gus|Bung)"
    r"[ \t]+)?[A-Z][\w'’-]+)[ \t]*(?:,[ \t]*)?(?:yang[ \t]+)?(?:sapaan|panggilan)(?:[ \t]+(?:akrab"
    r"|karib|populer))?(?P<nya>nya)?\b[ \t]*(?:,[ \t]*)?(?P<after>(?=[A-Z]))?"
)
# A nickname or campaign name in brackets right after a person's name: ``Rudy Mas'ud
# (Harum)`` (a capitalised word, not an acronym such as ``(BKD)``).
PAREN_NICK_RE = re.compile(r"(?<![ \t])[ \t]*\((?P<nick>[A-Z][a-z][\w'’-]*)\)")
# A run of capitalised words: a name may be read from it when the mentions missed it.
CAPITAL_RUN_RE = re.compile(r"[A-Z][a-z'’]+(?:[ \t]+[A-Z][a-z'’]+)+")
# A title at the end of the words before a nickname (``wali kota yang akrab disapa``).
TITLE_BEFORE_ALIAS_RE = re.compile(
    r"(?i:(?:wakil[ \t]+)?(?:bupati|wali[ \t]?kota|walikota|gubernur|sekda))[ \t,]*"
    r"(?:yang[ \t]+)?$"
)
# A sentence that only says who said something and where (the codebook's rule 5: no
# frame of its own): "Hal itu disampaikan Bupati saat memimpin rapat koordinasi ...",
# "Demikian dikatakan Sekda usai apel pagi."
ATTRIBUTION_ONLY_RE = re.compile(
    r"^[ \t\"“”']*(?:(?:hal|pernyataan|penegasan|arahan|pesan|imbauan|harapan|ajakan"
    r"|penjelasan|keterangan)[ \t]+(?:itu|ini|tersebut)|demikian(?:[ \t]+(?:hal[ \t]+)?"
    r"(?:itu|ini|tersebut))?)[ \t]+(?:(?:juga|pun|kembali|lagi)[ \t]+)?(?:"
    + _PASSIVE_ALT
    + r"|diucapkan|diutarakan|dilontarkan|ditekankan)(?:nya)?\b",
    re.IGNORECASE,
)
# The same with the object first and a pronoun as agent: ``Pesan tersebut ia sampaikan
# dalam rapat ...``.
FRONTED_ATTRIBUTION_RE = re.compile(
    r"^[ \t\"“”']*(?:hal|pesan|pernyataan|penegasan|arahan|imbauan|harapan|ajakan|penjelasan"
    r"|keterangan|instruksi)[ \t]+(?:itu|ini|tersebut)[ \t]+(?:(?:juga|pun|kembali)[ \t]+)?"
    r"(?:ia|dia|beliau)[ \t]+(?:sampaikan|katakan|tegaskan|ungkapkan|jelaskan|utarakan"
    r"|tekankan|lontarkan|ucapkan)\b",
    re.IGNORECASE,
)
# A request in the passive with the people asked as its subject: ``ASN diminta untuk
# ...``, ``Selain itu, pejabat Pemkab diharapkan memahami ...`` (someone's request in
# the reporter's words; ``Hal ini diharapkan dapat ...`` is not one).
PASSIVE_REQUEST_RE = re.compile(
    r"^[ \t\"“”']*(?:[^,.;:!?\n]{0,40},[ \t]*)?(?:(?:seluruh|para|setiap|semua)[ \t]+)?"
    r"(?:ASN|PNS|pegawai|pejabat|kepala|camat|lurah|kades|OPD|SKPD|masyarakat|warga|jajaran"
    r"|aparatur|pimpinan|petugas)\b[^,.;:!?\n]{0,50}?[ \t](?:(?:juga|pun|tetap)[ \t]+)?"
    r"(?<!yang )(?<!tidak )(?<!tak )(?:diminta|diharapkan|dituntut|diimbau|dihimbau"
    r"|diinstruksikan|diperintahkan|diingatkan|diwajibkan|diajak)\b",
    re.IGNORECASE,
)
# A request or hope in the passive anywhere in the sentence, whoever is asked (``Semua
# kegiatan diminta sudah masuk ...``, ``Diminta kepada bidang aset ...``, ``Seluruh
# proyek diharapkan dapat ...``), the request or hope of someone who spoke before. Not
# when the words before make it no one's request (``yang [sudah] diminta``, ``yang tidak
# diharapkan``, ``tanpa/saat/ketika/setelah diminta``, ``sebagaimana/seperti
# diharapkan``), nor when its agent follows (``diminta DPRD``, ``diharapkan oleh
# warga``: that agent's, not the last speaker's), nor asked for a statement
# (``diminta keterangan``), nor the reporter's summary of an event's hope (``Dengan
# adanya rapat ini, diharapkan ...``).
PASSIVE_REQUEST_ANY_RE = re.compile(
    r"(?<![Yy]ang )(?<![Tt]idak )(?<![Tt]ak )(?<![Tt]anpa )(?<![Ss]aat )(?<![Kk]etika )"
    r"(?<![Ss]etelah )(?<![Uu]sai )(?<![Ss]esudah )(?<![Ss]ebelum )(?<![Ss]ebagaimana )"
    r"(?<![Ss]eperti )(?<![Yy]ang sudah )(?<![Yy]ang telah )(?<![Yy]ang pernah )"
    r"\b(?:[Dd]iminta|[Dd]iharapkan)\b"
    r"(?![ \t]+(?:keterangan|kesaksian|tanggapan|konfirmasi|komentar|oleh)\b)"
    r"(?![ \t]+[A-Z])"
)
PASSIVE_HOPE_SUMMARY_RE = re.compile(r"^[ \t\"“”']*(?:[Dd]engan|[Mm]elalui)\b[^.;:!?\n]*?,")
# ``pihaknya`` (his side, his office) as the subject: the person reported on speaks for
# it (``Untuk itu, pihaknya terus melakukan ...``).
PIHAKNYA_RE = re.compile(r"\b[Pp]ihaknya\b")
# A sentence that goes on from reported speech with a connective of reason,
# consequence, condition or addition (``Sebab, ...``, ``Sehingga ...``, ``Apalagi ...``):
# the speaker's reasoning carried on.
CONTINUATION_START_RE = re.compile(
    r"^[ \t\"“”'(]*(?:sebab|karena|sehingga|apalagi|bahkan|tapi|tetapi|juga|sekaligus|jika"
    r"|bila|apabila|kalau|oleh[ \t]+(?:karena|sebab)[ \t]+itu|dengan[ \t]+(?:begitu|demikian)"
    r"|artinya|misalnya|termasuk|sayangnya|maka|makanya|untuk[ \t]+itu|selama[ \t]+ini)\b",
    re.IGNORECASE,
)
# The reporter turning back to the event or to background: a sentence that opens on the
# meeting or assembly itself, on who attended, with "as is known" or "meanwhile", or on
# what was done after or before (``Rapat berlangsung hingga sore.``, ``Hadir pula ...``,
# ``Seperti diketahui, ...``, ``Usai meresmikan pasar, rombongan ...``) is narration even
# right after a report.
NARRATION_START_RE = re.compile(
    r"^[ \t\"“”'(]*(?:(?:rapat|rakor|acara|kegiatan|pertemuan|upacara|apel)\b(?!-)"
    r"|(?:turut[ \t]+|tampak[ \t]+|juga[ \t]+)?hadir\b|seperti[ \t]+diketahui\b|diketahui\b"
    r"|sementara[ \t]+itu\b|sebelumnya\b"
    r"|(?:usai|seusai|setelah|sebelum|selepas)\b)",
    re.IGNORECASE,
)
# A demand or an imperative: a sentence that goes on from a report and can only be the
# speaker's words (``Semua OPD harus ...``, ``Jangan ada ...``).
DEONTIC_RE = re.compile(
    r"\b(?:harus|wajib|perlu|jangan|tidak\s+boleh|tak\s+boleh|mesti|semestinya|seharusnya"
    r"|sebaiknya|hendaknya|mohon|tolong|mari|ayo|silakan|silahkan)\b",
    re.IGNORECASE,
)
# A person named by what they are, not pointing back (``kata ajudan``, ``ujar seorang
# pedagang``): the speaker is that description.
ROLE_NOUN_AT_RE = re.compile(
    r"[ \t]+((?:(?:seorang|salah\s+(?:satu|seorang))[ \t]*)?(?:ajudan|petugas|warga|pedagang"
    r"|pelatih|pemain|penonton|pengunjung|peserta|korban|saksi|sopir|staf|guru|siswa"
    r"|mahasiswa|pembeli|penjual|nelayan|petani)\b(?![ \t]+(?:itu|tersebut|ini)\b)"
    r"[^,.;\n]{0,40})"
)
LEBIH_BEFORE_RE = re.compile(r"\blebih[ \t]*$", re.IGNORECASE)

# Words before a quote that make it a name, theme or term, not speech.
LABEL_BEFORE_RE = re.compile(
    r"\b(?:tema|bertema|bertemakan|bertajuk|tajuk|slogan|berslogan|motto|moto|semboyan"
    r"|jargon|tagline|tagar|judul|berjudul|program|gerakan|istilah|sebutan|julukan"
    r"|dijuluki|disebut|dinamakan|bernama|kegiatan|acara|aplikasi|inovasi|lomba|kategori"
    r"|predikat|penghargaan|kata|kalimat|frasa|logo|label|moto|visi|misi|nama|sebagai"
    r"|bertitel|berlabel|hashtag)(?:[ \t]+\w+){0,2}[ \t]*(?:[:,][ \t]*)?$",
    re.IGNORECASE,
)
DATELINE_START_RE = re.compile(
    r"[A-Z]{3,}(?:[ ][A-Z]{2,}){0,2}[ \t]*(?:,[ \t]*[\w.]+(?:[ \t][\w.]+)?[ \t]*)?[-–—_]"
    r"|[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?,[ \t]*[\w.]+[ \t]*[-–—]"
)
DATELINE_RE = re.compile(r"^[A-Z][A-Za-z .,'’/()-]{1,60}?[ \t]*[-–—_:]+[ \t]*$")
WORDCHAR_RE = re.compile(r"\w")
INTERNAL_ATTR_RE = re.compile(
    r"[,.!?]\s+(?=(?:" + _SPEECH_ALT + r")(?:nya\b|[ \t]+(?:" + _PRONOUN + r"\b|[A-Z])))"
)
SUBJECT_START_RE = re.compile(
    r"(?:" + _PRONOUN + r"|(?:[A-Z][\w’'\-]*\.?[ \t]+){0,3}[A-Z][\w’'\-]*)\b"
)
NAME_REST_RE = re.compile(r"(?:[ \t,]+(?:[A-Z][\w’'\-]*\.?|\([^()]*\)))*")
REPORTING_WORD_RE = re.compile(r"\b(?:" + _REPORTING_ALT + r")\b")
NAME_BEFORE_RE = re.compile(
    r"(?<![\w’'\-])((?:[A-Z][\w’'\-]*\.?[ \t]+){0,3}[A-Z][\w’'\-]*)[ \t]+(?:" + _ADV + r"[ \t]+)*$"
)
# The comma after a title and a place, and before the holder's name; a term of office
# may stand before it (``Bupati Sukamaju periode 2019-2024, Ahmad Fauzi``).
COMMA_AT_RE = re.compile(
    r"(?:[ \t]+(?i:periode|masa[ \t]+(?:jabatan|bakti))[ \t]+\d{4}(?:[ \t]*[-–][ \t]*\d{4})?)?"
    r"[ \t]*,[ \t]*"
)
NOMOR_AT_RE = re.compile(r"[ \t]+(?:Nomor|No\.|Nomer)\b")
# A demonstrative right after a title and what was read as its name, before a reporting
# verb: ``Direktur Perencanaan Kemendagri ini juga mengingatkan`` describes someone named
# before (but ``Rapat yang dihadiri Sekda X itu dilaksanakan`` names X).
DEMONSTRATIVE_AT_RE = re.compile(r"[ \t]+(?:ini|itu|tersebut)" + _THEN_REPORTS)
COORDINATION_RE = re.compile(r"[ \t,]*(?:bersama|dan|serta|didampingi)[ \t]+")
VERB_WORD_RE = re.compile(r"^(?:di|me|mem|men|meng|meny|ber|ter)[a-z]{3,}$")
PRONOUN_WORD_RE = re.compile(_PRONOUN + r"\b")

OPEN_SHAPES = frozenset("“„‟«")
CLOSE_SHAPES = frozenset("”»")
MARKS_RE = re.compile('[“”"„‟«»″]')
