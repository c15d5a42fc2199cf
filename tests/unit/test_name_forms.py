"""Name forms without the model: the transliteration variants the mention finder also matches
for each knowledge-base name, and what counts as an abbreviation a text can define."""

from __future__ import annotations

import pytest

from graphx.extraction.names import is_abbreviation, surname_key, transliterations


@pytest.mark.parametrize(
    ("name", "also", "never"),
    [
        # the apostrophe of a glottal stop is often left out
        ("Kata'ib Hezbollah", {"Kataib Hezbollah"}, {"Kata'ib", "Hezbollah"}),
        # the article written apart or dropped inside a name
        (
            "Harakat al-Nujaba",
            {"Harakat al Nujaba", "Harakat Nujaba"},
            {"Harakat", "al Nujaba", "Nujaba"},
        ),
        ("Saraya al-Salam", {"Saraya Salam", "Saraya al Salam"}, {"Salam"}),
        # an opening article stays: "Qaeda in Iraq" is no name
        ("al-Qaeda in Iraq", {"al Qaeda in Iraq"}, {"Qaeda in Iraq"}),
        # one word has no variants: "al-Sadr" alone is left to the knowledge base
        ("al-Sadr", set(), {"Sadr", "al Sadr"}),
        ("Popular Mobilization Forces", set(), {"Popular Mobilization"}),
    ],
)
def test_transliterations(name, also, never):
    forms = transliterations(name)
    assert also <= forms
    assert not never & forms
    assert name not in forms


@pytest.mark.parametrize("text", ["KIA", "HTS", "PMF", "CJTF-OIR", "IRGC-QF", "UNIFIL"])
def test_abbreviations(text):
    assert is_abbreviation(text)


@pytest.mark.parametrize("text", ["Kia", "I", "5th", "US-led", "F-16", "ABCDEFGHIJ", "-", "2024"])
def test_not_abbreviations(text):
    assert not is_abbreviation(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("al-Abbasi", "abbasi"),
        ("Al Abbasi", "abbasi"),
        ("Abbasi", "abbasi"),
        ("el-Sisi", "sisi"),
        # more than a family name, or no name at all
        ("Thabet al-Abbasi", None),
        ("Abu Hussein", None),
        ("-", None),
    ],
)
def test_surname_key(text, key):
    assert surname_key(text) == key
