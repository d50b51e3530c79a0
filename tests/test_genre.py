"""Which articles are of the genre (regional government news); passages written for the tests."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.genre import government_mentions, is_on_genre

ON_GENRE = (
    "Bupati Tanah Merdu meminta seluruh kepala OPD mempercepat realisasi anggaran. "
    "Ia juga mengingatkan ASN agar disiplin masuk kerja."
)
FOOTBALL = (
    "Persatu menang 2-1 atas tim tamu. Pelatih memuji disiplin pemain yang bekerja keras "
    "sepanjang laga, dan hasil ini membawa tim ke puncak klasemen."
)
POLICE = (
    "Polres Lembah menangkap dua pelaku pencurian sepeda motor. Kapolres mengatakan pelaku "
    "dijerat pasal pencurian dengan pemberatan, dan warga diminta melapor bila kehilangan."
)


@pytest.mark.parametrize("text, on", [(ON_GENRE, True), (FOOTBALL, False), (POLICE, False)])
def test_genre_of_an_article(text, on):
    assert is_on_genre(text) is on


def test_mentions_count_offices_governments_and_staff_once_each():
    text = "Wali Kota dan Walikota, Pemkab, pemerintah  kabupaten, OPD-OPD, ASN."
    # "OPD-OPD" is two words joined; each counts
    assert government_mentions(text) == 7


def test_the_agencies_named_as_a_group_count_but_a_single_dinas_does_not():
    text = (
        "Wakil Wali Kota Lembah meminta dinas-dinas terkait berkolaborasi menurunkan "
        "stunting. Kolaborasi antar dinas dan instansi terkait dinilai belum maksimal."
    )
    assert government_mentions(text) == 4  # Wakil Wali Kota, dinas-dinas, antar dinas, instansi
    assert is_on_genre(text)
    sport = "Turnamen voli itu digelar Dinas Pemuda dan Olahraga. Dinas menyiapkan hadiah."
    assert government_mentions(sport) == 0 and not is_on_genre(sport)


def test_the_threshold_can_be_set():
    text = "Camat hadir dalam festival budaya itu."
    assert not is_on_genre(text) and is_on_genre(text, min_mentions=1)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Bupati", "wali  kota", "OPD", "ASN", "pegawai", "pasar", "bola", "."]),
        max_size=12,
    ),
    st.integers(min_value=-1, max_value=5),
)
def test_is_on_genre_stops_early_but_answers_as_the_full_count(words, least):
    # the shortcut stops at the least-th mention: the same answer as counting them all
    text = " ".join(words)
    assert is_on_genre(text, min_mentions=least) == (government_mentions(text) >= least)
