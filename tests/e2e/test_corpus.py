"""The sample corpus, coded by hand as an analyst would code it: relations that must be found
and readings that must not be produced. Guards generalisation beyond the seed articles."""

from __future__ import annotations

import pytest

from graphx.extraction.documents import read_inputs
from graphx.extraction.pipeline import Extractor

from ..conftest import CORPUS

MUST_FIND = [
    ("01_invasion_2003", "us", "strikes", "saddam_hussein"),
    ("01_invasion_2003", "russia", "opposes", "us"),
    ("01_invasion_2003", "iraqi_security_forces", "strikes", "kuwait"),
    ("02_occupation_2004", "moqtada_al_sadr", "strikes", "us"),
    ("02_occupation_2004", "paul_bremer", "leads", "cpa"),
    ("02_occupation_2004", "cpa", "opposes", "mahdi_army"),
    ("03_isis_2014", "barack_obama", "strikes", "isis"),
    ("03_isis_2014", "iran", "supports", "pmf"),
    ("04_pmf_law_2016", "kataib_hezbollah", "supports", "iran"),
    ("04_pmf_law_2016", "hadi_al_amiri", "leads", "badr_organization"),
    ("05_soleimani_strike_2020", "us", "strikes", "qassem_soleimani"),
    ("05_soleimani_strike_2020", "us", "strikes", "abu_mahdi_al_muhandis"),
    ("05_soleimani_strike_2020", "javad_zarif", "leads", "iran_mofa"),
    ("06_parliament_vote_2020", "iraqi_parliament", "votes_against", "us_military"),
    ("06_parliament_vote_2020", "donald_trump", "threatens", "iraq"),
    ("06_parliament_vote_2020", "iraq", "demands_withdrawal", "global_coalition"),
    ("08_rocket_attacks_2020", "us", "strikes", "kataib_hezbollah"),
    ("08_rocket_attacks_2020", "kataib_hezbollah", "strikes", "global_coalition"),
    ("08_rocket_attacks_2020", "iraqi_army", "opposes", "us"),
    ("09_drone_attacks_2023", "islamic_resistance_in_iraq", "strikes", "us"),
    ("09_drone_attacks_2023", "us", "supports", "israel"),
    ("09_drone_attacks_2023", "kataib_hezbollah", "part_of", "islamic_resistance_in_iraq"),
    ("09_drone_attacks_2023", "iraq", "opposes", "israel"),
    ("10_tower22_2024", "us", "strikes", "abu_baqir_al_saadi"),
    (
        "11_sudani_coalition_2024",
        "mohammed_shia_al_sudani",
        "demands_withdrawal",
        "global_coalition",
    ),
    ("11_sudani_coalition_2024", "mohammed_shia_al_sudani", "negotiates", "joe_biden"),
    ("12_sanctions_2024", "us_treasury", "opposes", "kataib_hezbollah"),
    ("12_sanctions_2024", "state_department", "opposes", "qais_al_khazali"),
]
MUST_NOT = [
    # "Trump ... did not order new strikes on Iran"
    ("07_iran_missiles_2020", "donald_trump", "strikes", "iran"),
    # "Kataib Hezbollah denied that it had carried out the Taji attack"
    ("08_rocket_attacks_2020", "kataib_hezbollah", "strikes", "us"),
    # "The Pentagon said it had no plans to withdraw US troops"
    ("11_sudani_coalition_2024", "pentagon", "demands_withdrawal", "us_military"),
    # "Washington did not seek war with Iran"
    ("05_soleimani_strike_2020", "us", "strikes", "iran"),
    # the dateline "BAGHDAD —" is not an actor
    ("09_drone_attacks_2023", "iraq", "strikes", "us"),
]


@pytest.fixture(scope="module")
def corpus_triples(extractor: Extractor) -> set[tuple[str, str, str, str]]:
    documents = [d for d in read_inputs([str(CORPUS)])]
    found = set()
    for result in extractor.extract_many(documents):
        for r in result.relations:
            if not r.negated:
                found.add((r.doc, r.source.actor.id, r.relation, r.target.actor.id))
    return found


def test_coded_relations_are_found(corpus_triples):
    missing = [t for t in MUST_FIND if t not in corpus_triples]
    assert not missing, missing


def test_negated_and_wrong_readings_are_absent(corpus_triples):
    present = [t for t in MUST_NOT if t in corpus_triples]
    assert not present, present


def test_dates_come_from_datelines_and_sentences(extractor: Extractor):
    [document] = read_inputs([str(CORPUS / "12_sanctions_2024.txt")])
    dates = {(r.relation, r.target.actor.id): r.date for r in extractor.extract(document)}
    assert dates[("opposes", "kataib_hezbollah")] == "2024-01-23"
    assert dates[("opposes", "harakat_al_nujaba")] == "2019"
