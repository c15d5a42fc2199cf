"""Places that stand for their occupants (data/kb/places.yaml), read with the real model: a base
or site attacked or threatened is its occupant on the document's date ("rockets at Camp Taji"
hit the coalition in March 2020, the Iraqi forces a year later), and only then: a place is no
source, and no target of talks, support, criticism, demands or membership."""

from __future__ import annotations

import pytest

# (sentence, date, triples that must be found, triples that must not be)
PLACE_TABLE = [
    # --- attacked: the place is its occupant of the day
    (
        "Kataib Hezbollah fired rockets at Camp Taji on Wednesday.",
        "2020-03-11",
        {("kataib_hezbollah", "strikes", "global_coalition")},
        {("kataib_hezbollah", "strikes", "iraqi_security_forces")},
    ),
    (
        "Kataib Sayyid al-Shuhada attacked Tower 22 with a drone.",
        "2024-01-28",
        {("kataib_sayyid_al_shuhada", "strikes", "us_military")},
        set(),
    ),
    (
        "The Islamic Resistance in Iraq struck the Conoco gas field base with drones.",
        "2023-10-20",
        {("islamic_resistance_in_iraq", "strikes", "us_military")},
        set(),
    ),
    (
        "The Islamic Resistance in Iraq targeted Harir air base.",
        "2023-11-09",
        {("islamic_resistance_in_iraq", "strikes", "us_military")},
        set(),
    ),
    (
        "Kataib Hezbollah fired rockets at the US embassy compound.",
        "2020-01-26",
        {("kataib_hezbollah", "strikes", "us_embassy_baghdad")},
        set(),
    ),
    (
        "Harakat al-Nujaba claimed a rocket attack on Erbil airport.",
        "2021-02-16",
        {("harakat_al_nujaba", "strikes", "global_coalition")},
        set(),
    ),
    (
        "Officials blamed Harakat al-Nujaba for a rocket attack on Erbil airport.",
        "2021-02-16",
        {("harakat_al_nujaba", "strikes", "global_coalition")},
        set(),
    ),
    # Israeli cities and bases stand for Israel and its military
    (
        "The Houthis fired ballistic missiles at Eilat.",
        "2024-03-01",
        {("houthis", "strikes", "israel")},
        set(),
    ),
    (
        "Hezbollah launched rockets at Haifa port.",
        "2024-09-22",
        {("hezbollah", "strikes", "israel")},
        set(),
    ),
    (
        "Iran launched missiles at Nevatim air base.",
        "2024-04-14",
        {("iran", "strikes", "idf")},
        set(),
    ),
    # --- threatened
    (
        "Harakat al-Nujaba threatened Ain al-Asad air base.",
        "2023-11-02",
        {("harakat_al_nujaba", "threatens", "us_military")},
        set(),
    ),
    # --- the occupant changed: the same attack after the handover hits the new occupant
    (
        "Kataib Hezbollah fired rockets at Camp Taji on Wednesday.",
        "2021-05-05",
        {("kataib_hezbollah", "strikes", "iraqi_security_forces")},
        {("kataib_hezbollah", "strikes", "global_coalition")},
    ),
    (
        "The Islamic Resistance in Iraq targeted Ain al-Asad.",
        "2026-02-01",
        {("islamic_resistance_in_iraq", "strikes", "iraqi_security_forces")},
        {("islamic_resistance_in_iraq", "strikes", "us_military")},
    ),
    # between two periods no one is named: no relation with a guessed occupant
    (
        "The Islamic Resistance in Iraq targeted Ain al-Asad.",
        "2013-06-01",
        set(),
        {("islamic_resistance_in_iraq", "strikes", "us_military")},
    ),
    # --- denied or negated attacks stay out
    (
        "Houthi missiles did not hit Eilat.",
        "2024-03-01",
        set(),
        {("houthis", "strikes", "israel")},
    ),
    (
        "Iran denied attacking Tower 22.",
        "2024-01-30",
        set(),
        {("iran", "strikes", "us_military")},
    ),
    # --- a place is never a source
    (
        "A US drone launched from Erbil airport struck Kataib Hezbollah.",
        "2022-05-01",
        {("us", "strikes", "kataib_hezbollah")},
        {("global_coalition", "strikes", "kataib_hezbollah")},
    ),
    (
        "Israeli jets took off from Ramat David to strike Hezbollah.",
        "2024-09-23",
        {("idf", "strikes", "hezbollah")},
        set(),
    ),
    (
        "Tower 22 is part of CENTCOM.",
        "2024-01-01",
        set(),
        {("us_military", "part_of", "centcom")},
    ),
    (
        "The al-Tanf garrison leads the coalition.",
        "2024-01-01",
        set(),
        {("us_military", "leads", "global_coalition")},
    ),
    # --- nor the target of talks, support, criticism or demands: only where they happen
    (
        "Mustafa al-Kadhimi visited Ain al-Asad.",
        "2020-06-01",
        set(),
        {("mustafa_al_kadhimi", "negotiates", "us_military")},
    ),
    (
        "Jordan supports Tower 22.",
        "2024-02-01",
        set(),
        {("jordan", "supports", "us_military")},
    ),
    (
        "Kataib Hezbollah condemned Camp Taji.",
        "2020-03-01",
        set(),
        {("kataib_hezbollah", "opposes", "global_coalition")},
    ),
    (
        # a demand names the force it wants out; the base is where it leaves from
        "Moqtada al-Sadr called for the expulsion of Ain al-Asad.",
        "2020-01-10",
        set(),
        {("moqtada_al_sadr", "demands_withdrawal", "us_military")},
    ),
    (
        "Moqtada al-Sadr demanded that US troops withdraw from Ain al-Asad.",
        "2020-01-10",
        {("moqtada_al_sadr", "demands_withdrawal", "us_military")},
        set(),
    ),
    # the Israeli towns rockets are fired at stand for Israel, also as "the port city of X"
    (
        "Hamas fired rockets at Sderot and Ashkelon.",
        "2024-06-01",
        {("hamas", "strikes", "israel")},
        set(),
    ),
    (
        "The Houthis claimed responsibility for a drone attack on the Israeli port city of Eilat.",
        "2024-06-01",
        {("houthis", "strikes", "israel")},
        set(),
    ),
    (
        "Hamas officials met in Ashkelon.",
        "2024-06-01",
        set(),
        {("hamas", "negotiates", "israel")},
    ),
    (
        "Coalition troops left Camp Taji.",
        "2020-08-23",
        set(),
        {("global_coalition", "demands_withdrawal", "iraqi_security_forces")},
    ),
]


@pytest.mark.parametrize(("sentence", "date", "found", "forbidden"), PLACE_TABLE)
def test_places_stand_for_their_occupants_only_as_targets(
    extract, sentence, date, found, forbidden
):
    triples = extract(sentence, date)
    assert found <= triples, f"missing {found - triples} in {sorted(triples)}"
    assert not (forbidden & triples), f"forbidden {forbidden & triples}"


def test_shipping_lanes_stand_for_no_one(extract, extractor):
    text = "The Houthis attacked ships in the Red Sea and the Gulf of Aden."
    doc = extractor.nlp(text)
    found = extractor.mentions.find(doc, lambda _char: "2024-01-12")
    named = {doc[m.start : m.end].text for m in found.mentions}
    assert named == {"Houthis"}  # no place mention, no provisional "Red Sea" either
    assert extract(text, "2024-01-12") == set()


def test_a_place_mention_is_of_kind_place_and_keeps_its_name(mentions):
    found = mentions("Kataib Hezbollah fired rockets at Camp Taji on Wednesday.", "2020-03-11")
    target = next(r.target for r in found if r.relation == "strikes")
    assert (target.actor.id, target.via, target.text) == ("global_coalition", "place", "Camp Taji")


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # towns of the theatre are no actors, whatever the recogniser guesses for them
        ("Israeli troops raided Khan Younis and Jenin on Monday.", {"Israeli troops"}),
        ("US jets struck militia sites at Jurf al-Sakhar and al-Qaim.", {"US"}),
        # ... but a town inside an organisation's name stays part of that name
        (
            "The Anbar Salvation Council backed the Iraqi government.",
            {"Anbar Salvation Council", "Iraqi government"},
        ),
    ],
)
def test_towns_are_no_actors_but_stay_inside_names(extractor, text, actors):
    doc = extractor.nlp(text)
    found = extractor.mentions.find(doc, lambda _char: "2024-01-12")
    assert {doc[m.start : m.end].text for m in found.mentions} == actors
