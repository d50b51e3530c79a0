"""Tests for analysis.quotes.names: reading and normalising a person's name."""

from __future__ import annotations

from analysis.quotes import extract_quotes, normalize_speaker


def _one(text, **kw):
    qs = extract_quotes(text, **kw)
    assert len(qs) == 1, qs
    return qs[0]


def test_honorifics_and_degrees_are_stripped():
    q = _one("“Kenapa, karena kemiskinan tolak ukur kesejahteraan,” tegas Pakde Slamet.")
    assert q["speaker"] == "Slamet"
    assert normalize_speaker("H. Askolani, SH.,MH") == "Askolani"
    assert normalize_speaker("Hj. Rosa Maria, M.Kes") == "Rosa Maria"
    assert normalize_speaker("M. Rahmattullah, S.STP., MM.") == "M. Rahmattullah"
    assert normalize_speaker("Bapak Herman Deru") == "Herman Deru"
