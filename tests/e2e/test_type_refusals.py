"""Facts wrong for the actors' types are refused (the lexicon's `refused_types`): a state is no
part of an armed group, and a person leads a state only while an office of it is theirs on the
relation's date. Sentences written for these tests, through the real model."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "date", "found", "refused"),
    [
        (  # a state does not join a militia; a militia joins an umbrella
            "Iraq has joined Kataib Hezbollah, and Kataib Hezbollah joined the Popular "
            "Mobilization Forces.",
            "2021-01-01",
            {("kataib_hezbollah", "part_of", "pmf")},
            {("iraq", "part_of", "kataib_hezbollah")},
        ),
        (  # a state may belong to an alliance
            "Syria is a member of the Axis of Resistance.",
            "2021-01-01",
            {("syria", "part_of", "axis_of_resistance")},
            set(),
        ),
        (  # in office on the date: kept, from a role as from a title
            "Bashar al-Assad, the leader of Syria, met Russian officials.",
            "2021-01-01",
            {("bashar_al_assad", "leads", "syria")},
            set(),
        ),
        (  # out of office by then: refused
            "Bashar al-Assad, the leader of Syria, met Russian officials.",
            "2025-06-01",
            set(),
            {("bashar_al_assad", "leads", "syria")},
        ),
        (  # an armed group leads no state's forces (a misread relative clause said so)
            "Kataib Hezbollah, the militia Abu Mahdi al-Muhandis founded, threatened American "
            "troops.",
            "2022-01-01",
            set(),
            {("kataib_hezbollah", "leads", "us_military")},
        ),
        (  # never an office of that state: refused, while leading a group is kept
            "Hassan Nasrallah leads Iran, and Hassan Nasrallah leads Hezbollah.",
            "2019-05-01",
            {("hassan_nasrallah", "leads", "hezbollah")},
            {("hassan_nasrallah", "leads", "iran")},
        ),
    ],
)
def test_facts_wrong_for_the_types(extract, text, date, found, refused):
    triples = extract(text, date=date)
    assert found <= triples
    assert not refused & triples
