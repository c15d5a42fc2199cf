"""Verb constructions of news English beyond the plain transitive verb: pledges and threats of
force, phrasal and prepositional verbs of force, support and opposition, dependence, and
withdrawal idioms. Each row: (text, date, triples that must be found, triples that must NOT be
found); the sentences are written for these tests, the actor ids come from data/kb/*.yaml."""

from __future__ import annotations

import pytest

Triple = tuple[str, str, str]
Row = tuple[str, str, set[Triple], set[Triple]]

DATE = "2024-03-01"

# A pledge or threat of force against X is a threat to X; the force is not yet used.
PLEDGES: list[Row] = [
    (
        "The Houthis threatened to strike Saudi oil facilities.",
        DATE,
        {("houthis", "threatens", "saudi_arabia")},
        {("houthis", "strikes", "saudi_arabia")},
    ),
    (
        "Hezbollah vowed to retaliate against Israel for the killing.",
        DATE,
        {("hezbollah", "threatens", "israel")},
        {("hezbollah", "strikes", "israel")},
    ),
    (
        "Kataib Hezbollah has vowed to keep attacking US forces in the region.",
        DATE,
        {("kataib_hezbollah", "threatens", "us_military")},
        {("kataib_hezbollah", "strikes", "us_military")},
    ),
    (
        "Netanyahu promised to punish Hamas.",
        DATE,
        {("benjamin_netanyahu", "threatens", "hamas")},
        set(),
    ),
    (
        "Iran warned that its forces would strike Israel.",
        DATE,
        {("iran", "threatens", "israel")},
        {("iran", "strikes", "israel")},
    ),
    (
        "Turkish threats to attack the PKK alarmed Baghdad.",
        DATE,
        {("turkey", "threatens", "pkk")},
        {("turkey", "strikes", "pkk")},
    ),
    # a pledge of support stays support
    ("Qatar pledged to back Hamas.", DATE, {("qatar", "supports", "hamas")}, set()),
    # the one warned about is not the one who threatens
    (
        "Jordan warned that Iran could attack Israel.",
        DATE,
        set(),
        {("jordan", "threatens", "israel"), ("jordan", "strikes", "israel")},
    ),
    # warned against an act: no one does it
    (
        "Egypt warned Israel against attacking Hamas in Rafah.",
        DATE,
        set(),
        {("egypt", "strikes", "hamas"), ("egypt", "threatens", "hamas")},
    ),
    # negated pledges
    (
        "The Houthis did not threaten to attack Saudi Arabia.",
        DATE,
        set(),
        {("houthis", "threatens", "saudi_arabia"), ("houthis", "strikes", "saudi_arabia")},
    ),
    (
        "Hezbollah vowed not to attack Israel.",
        DATE,
        set(),
        {("hezbollah", "threatens", "israel"), ("hezbollah", "strikes", "israel")},
    ),
    # a past strike stays a strike
    (
        "Hezbollah attacked Israel after it had vowed revenge.",
        DATE,
        {("hezbollah", "strikes", "israel")},
        set(),
    ),
]


@pytest.mark.parametrize(("text", "date", "found", "refused"), PLEDGES)
def test_pledges(extract, text, date, found, refused):
    triples = extract(text, date)
    assert found <= triples, triples
    assert not refused & triples, triples
