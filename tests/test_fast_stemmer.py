"""The faster prefix step gives Sastrawi's stems, word for word (analysis.fast_stemmer)."""

from __future__ import annotations

import random
import re
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from Sastrawi.Morphology.Disambiguator.DisambiguatorPrefixRule1 import DisambiguatorPrefixRule1a
from Sastrawi.Morphology.Disambiguator.DisambiguatorPrefixRule4 import DisambiguatorPrefixRule4
from Sastrawi.Morphology.Disambiguator.DisambiguatorPrefixRule17 import DisambiguatorPrefixRule17c
from Sastrawi.Morphology.Disambiguator.DisambiguatorPrefixRule32 import DisambiguatorPrefixRule32
from Sastrawi.Morphology.Disambiguator.DisambiguatorPrefixRule37 import DisambiguatorPrefixRule37a
from Sastrawi.Stemmer.Context.Context import Context
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from analysis import stemming
from analysis.fast_stemmer import (
    KNOWN_VISITS,
    PrefixIndexedContext,
    _literal_prefix,
    _remove_first,
    fast_path_digest,
    fast_stemmer,
    known_visits,
    prefix_plan,
    rule_prefixes,
    source_digest,
)
from analysis.synthetic_vocabulary import AFFIXES, RealisticVocabulary, affixed

# Forms of the genre written for this test: affixed, with clitics, reduplicated, short,
# with a hyphen, in the dictionary and not.
GENRE_WORDS = """
kinerja bekerja pekerjaan mengerjakan dikerjakan pemerintahan pemerintah menegaskan
ditegaskan penegakan berdisiplin kedisiplinan mendisiplinkan terkoordinasi mengoordinasikan
berkoordinasi koordinasinya pelayanan melayani dilayani pelajar belajar mempelajari
memperhatikan diperhatikan perhatiannya ketertiban menertibkan penertiban tertib
mengevaluasi dievaluasi pengawasan mengawasi diawasi bermalas-malasan program-program
sama-sama berkali-kali menyapu memukul penyapuan pemukulan kepemimpinannya
menghimbau mengimbau imbauan berharap harapannya terlambat keterlambatan
apel opd asn pns bupati gubernur sekda wali kota
menjabat pejabat jabatan kesejahteraan sejahtera ekonomi perekonomian
teladan keteladanan bertanggung tanggung jawab bertanggungjawab pertanggungjawaban
mewujudkan diwujudkan terwujud menyukseskan kesuksesan sukses suksesnya
pun lah kah nya ku mu kau kauambil kupukul telah selalu senantiasa
""".split()


def _plain():
    return StemmerFactory().create_stemmer()


def _state(context):
    """What a stemming context ends with: its result and every removal it recorded."""
    removals = [
        (type(r.visitor).__name__, r.subject, r.result, r.removedPart, r.affixType)
        for r in context.removals
    ]
    return context.result, context.current_word, context.process_is_stopped, removals


def _both_states(fast, words):
    """(plain, fast) end states of Sastrawi's Context and the fast one for each word."""
    inner = fast.delegatedStemmer
    plain_out, fast_out = [], []
    for word in words:
        plain = Context(word, inner.dictionary, inner.visitor_provider)
        plain.execute()
        plain_out.append(_state(plain))
        quick = PrefixIndexedContext(
            word, inner.dictionary, inner.visitor_provider, inner.prefix_plan
        )
        quick.execute()
        fast_out.append(_state(quick))
    return plain_out, fast_out


def _forms(roots):
    return [affixed(r, p, s) for r in roots for p, s, _ in AFFIXES]


def test_affixed_forms_end_in_the_same_state_removal_by_removal():
    fast = fast_stemmer()
    words = sorted(fast.delegatedStemmer.dictionary.words)
    roots = random.Random(3).sample([w for w in words if w.isalpha() and len(w) >= 3], 60)
    invented = RealisticVocabulary(random.Random(3), roots[:10])
    sample = _forms(roots) + [invented.new_type() for _ in range(300)] + GENRE_WORDS
    plain_states, fast_states = _both_states(fast, sample)
    differ = [(w, a, b) for w, a, b in zip(sample, plain_states, fast_states) if a != b]
    assert not differ, differ[:5]
    assert sum(bool(state[3]) for state in fast_states) > len(sample) // 2  # affixes removed


def test_a_word_is_offered_to_few_prefix_visitors():
    fast = fast_stemmer()
    inner = fast.delegatedStemmer
    offered = {"plain": 0, "fast": 0}

    class Counting(Context):
        def accept(self, visitor):
            offered["plain"] += 1
            super().accept(visitor)

    class CountingFast(PrefixIndexedContext):
        def accept(self, visitor):
            offered["fast"] += 1
            super().accept(visitor)

    for word in ("mengerjakannya", "penolangan", "dimawehi", "berkoordinasi"):
        Counting(word, inner.dictionary, inner.visitor_provider).execute()
        CountingFast(word, inner.dictionary, inner.visitor_provider, inner.prefix_plan).execute()
    assert offered["fast"] * 3 < offered["plain"]


def test_a_changed_visitor_list_is_run_as_sastrawi_runs_it():
    from Sastrawi.Morphology.Disambiguator.DisambiguatorPrefixRule42 import (
        DisambiguatorPrefixRule42,
    )
    from Sastrawi.Stemmer.Context.Visitor.PrefixDisambiguator import PrefixDisambiguator

    plain, fast = _plain(), fast_stemmer()
    for stemmer in (plain, fast):  # the same change made to both, in place
        visitors = stemmer.delegatedStemmer.visitor_provider.prefix_visitors
        visitors[-2] = PrefixDisambiguator([DisambiguatorPrefixRule42()])
    words = ["kuberi", "kauambil", "mengerjakan", "berlari"]
    assert [fast.stem(w) for w in words] == [plain.stem(w) for w in words]


def test_literal_prefixes_of_patterns():
    assert _literal_prefix(r"^ber([aiueo].*)$") == "ber"
    assert _literal_prefix(r"be([bcd])(er[bcd])(.*)$") == "be"  # re.match anchors anyway
    assert _literal_prefix(r"^([bcdfghjklmnpqrstvwxyz])(el[aiueo])(.*)$") == ""
    assert _literal_prefix(r"^mem?p(.*)$") == "me"  # an optional letter is no prefix
    assert _literal_prefix(r"^ab*c") == "a"
    assert _literal_prefix(r"^ber|ter(.*)$") == ""  # an alternative: no prefix read


def test_prefixes_are_read_off_sastrawis_rules():
    assert rule_prefixes(DisambiguatorPrefixRule1a) == ("ber",)
    assert rule_prefixes(DisambiguatorPrefixRule4) == ("belajar",)  # if word == 'belajar'
    assert rule_prefixes(DisambiguatorPrefixRule17c) == ("menge",)
    assert rule_prefixes(DisambiguatorPrefixRule32) == ("pe", "pelajar")
    assert rule_prefixes(DisambiguatorPrefixRule37a) is None  # starts with a class: always tried


class _UnknownShape:
    def disambiguate(self, word):
        if len(word) > 5:
            return word[2:]


class _NoLiteral:
    def disambiguate(self, word):
        import re

        matches = re.match(r"^[a-z]er(.*)$", word)
        if matches:
            return matches.group(1)


def test_a_rule_of_another_shape_is_always_tried():
    assert rule_prefixes(_UnknownShape) is None
    assert rule_prefixes(_NoLiteral) is None


def test_the_genres_words_get_sastrawis_stems():
    plain, fast = _plain(), fast_stemmer()
    words = GENRE_WORDS + [w.upper() for w in GENRE_WORDS[:5]] + ["jum'at", "covid-19", "a"]
    assert [fast.stem(w) for w in words] == [plain.stem(w) for w in words]
    assert fast.stem("mengerjakan") == "kerja" and fast.stem("pelajar") == "ajar"


def test_the_package_stems_with_the_fast_stemmer(monkeypatch):
    indexed = []
    step = PrefixIndexedContext.accept_prefix_visitors

    def counted(self, visitors):
        indexed.append(self.original_word)
        return step(self, visitors)

    monkeypatch.setattr(PrefixIndexedContext, "accept_prefix_visitors", counted)
    monkeypatch.setattr(stemming, "_STEM_CACHE", {})
    monkeypatch.setattr(stemming.stem_cache, "attach", lambda cache, key: False)
    assert stemming.stem_word("menyelesaikannya") == "selesai"
    assert "menyelesaikannya" in indexed


def test_the_stem_cache_key_changes_with_the_fast_path(monkeypatch):
    import analysis.fast_stemmer as module

    before = stemming.stem_cache_key()
    fast_path_digest.cache_clear()
    monkeypatch.setattr(module, "source_digest", lambda obj: "0" * 16)
    try:
        assert fast_path_digest() == "0" * 16
        assert stemming.stem_cache_key() != before  # another faster path: another file
    finally:
        monkeypatch.undo()
        fast_path_digest.cache_clear()
    assert stemming.stem_cache_key() == before


@pytest.mark.slow
def test_dictionary_words_affixed_forms_and_new_words_get_sastrawis_stems():
    plain, fast = _plain(), fast_stemmer()
    dictionary = sorted(plain.delegatedStemmer.dictionary.words)
    rng = random.Random(14)
    roots = rng.sample([w for w in dictionary if w.isalpha() and len(w) >= 3], 400)
    forms = [affixed(r, p, s) for r in roots for p, s, _ in AFFIXES]
    vocabulary = RealisticVocabulary(rng, roots[:50])
    invented = [vocabulary.new_type() for _ in range(2500)]
    words = dictionary[::4] + forms + [f + "nya" for f in forms[::7]] + invented
    words += [f"{w}-{w}" for w in roots[:100]] + [f"ber{w}-{w}an" for w in roots[100:150]]
    got = [fast.stem(w) for w in words]
    want = [plain.stem(w) for w in words]
    differ = [(w, g, s) for w, g, s in zip(words, got, want) if g != s]
    assert not differ, differ[:10]
    assert len(set(words)) > 12_000
    singles = [w for w in words if "-" not in w][::3]
    plain_states, fast_states = _both_states(fast, singles)
    assert plain_states == fast_states  # every removal the same, not only the stem


def test_the_known_visits_are_the_installed_ones():
    from Sastrawi.Stemmer.Context.Visitor.VisitorProvider import VisitorProvider

    visits = prefix_plan(VisitorProvider()).visits
    # every visit that notes its removal with re.sub runs the copy on this Sastrawi
    assert {t.__name__ for t in visits} == set(KNOWN_VISITS)
    for cls in visits:
        assert source_digest(cls.visit) == KNOWN_VISITS[cls.__name__][0]


class _OtherVisit:
    def visit(self, context):
        context.current_word = context.current_word[1:]


def test_a_visit_of_another_source_runs_as_it_is():
    _OtherVisit.__name__ = "RemovePlainPrefix"  # same name, other code
    try:
        assert known_visits({_OtherVisit}) == {}
    finally:
        _OtherVisit.__name__ = "_OtherVisit"


@settings(max_examples=300, deadline=None)
@given(
    part=st.text(alphabet="abn-.*?()[]\\^$+0", max_size=4),
    word=st.text(alphabet="abn-.0", max_size=8),
)
def test_remove_first_is_re_sub_of_the_part(part, word):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)  # "possible nested set": fine
            want = re.sub(part, "", word, count=1)
    except re.error:
        return  # not a pattern: Sastrawi would fail the same way
    assert _remove_first(part, word) == want
