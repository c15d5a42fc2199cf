"""Event nouns, responsibility and event coreference, run through the real pipeline.

Each row: (text, date, triples that must be found, triples that must NOT be found). The sentences
are written for these tests; the actor ids come from data/kb/*.yaml. Every construction has a
positive row and a forbidden one (negation, denial, the cue word in a sense naming no relation).
"""

from __future__ import annotations

import pytest

Triple = tuple[str, str, str]
Row = tuple[str, str, set[Triple], set[Triple]]

DATE = "2024-03-01"

# A definite event noun in the target of an opposing or supporting cue stands for the agent of
# the earlier event of its family that it names.
EVENT_COREFERENCE: list[Row] = [
    (
        "Israeli jets struck Hezbollah positions in southern Lebanon. Egypt condemned the strikes.",
        DATE,
        {("egypt", "opposes", "idf")},
        {("egypt", "opposes", "hezbollah")},
    ),
    (
        "Turkish drones hit PKK camps in Iraq. Iran welcomed the strikes.",
        DATE,
        {("iran", "supports", "turkey")},
        {("iran", "supports", "pkk")},
    ),
    (
        "Turkish drones hit PKK camps in Iraq. The strikes were condemned by Baghdad.",
        DATE,
        {("iraq", "opposes", "turkey")},
        set(),
    ),
    (
        "Israeli jets struck Hezbollah positions in southern Lebanon. The raids drew "
        "condemnation from Jordan.",
        DATE,
        {("jordan", "opposes", "idf")},
        set(),
    ),
    (
        "Israeli jets struck Hezbollah positions in southern Lebanon. Jordan's criticism of the "
        "raids was sharp.",
        DATE,
        {("jordan", "opposes", "idf")},
        set(),
    ),
    # the condemnation is negated
    (
        "Israeli jets struck Hezbollah positions on Monday. Egypt did not condemn the strikes.",
        DATE,
        set(),
        {("egypt", "opposes", "idf")},
    ),
    # the earlier event is denied: it has no agent to refer back to
    (
        "Israeli jets did not strike Hezbollah positions on Monday. Egypt condemned the strikes.",
        DATE,
        set(),
        {("egypt", "opposes", "idf")},
    ),
    # two agents of such events in the nearest sentence: which one is meant is unknown
    (
        "Israeli jets struck Hezbollah positions, and Turkish drones hit PKK camps. Egypt "
        "condemned the strikes.",
        DATE,
        set(),
        {("egypt", "opposes", "idf"), ("egypt", "opposes", "turkey")},
    ),
    # another family of events: "the attack" does not name the strikes
    (
        "Israeli jets struck Hezbollah positions on Monday. Egypt condemned the attack.",
        DATE,
        set(),
        {("egypt", "opposes", "idf")},
    ),
    # an indefinite event is a new one
    (
        "Israeli jets struck Hezbollah positions on Monday. Egypt condemned strikes on civilians.",
        DATE,
        set(),
        {("egypt", "opposes", "idf")},
    ),
]

# Who gives what another receives: "drew condemnation from X", "enjoyed the backing of X",
# "came under pressure from X".
RECEIVED: list[Row] = [
    (
        "Sudani enjoyed the backing of the United States.",
        DATE,
        {("us", "supports", "mohammed_shia_al_sudani")},
        {("mohammed_shia_al_sudani", "supports", "us")},
    ),
    (
        "The Houthis, who receive support from Iran, seized a ship.",
        DATE,
        {("iran", "supports", "houthis")},
        set(),
    ),
    (
        "The Iraqi government came under pressure from the United States.",
        DATE,
        {("us", "opposes", "iraq")},
        {("iraq", "opposes", "us")},
    ),
    (
        "The Peshmerga came under attack from ISIS near Kirkuk.",
        DATE,
        {("isis", "strikes", "peshmerga")},
        {("peshmerga", "strikes", "isis")},
    ),
    (
        "Hezbollah fighters operate under the protection of Syria.",
        DATE,
        {("syria", "supports", "hezbollah")},
        set(),
    ),
    (
        "The Iraqi government did not come under pressure from the United States.",
        DATE,
        set(),
        {("us", "opposes", "iraq")},
    ),
    # "under" a deal names no hostile or friendly act on the one under it
    (
        "Iraq acted under an agreement with the United States.",
        DATE,
        set(),
        {("us", "supports", "iraq"), ("us", "opposes", "iraq")},
    ),
]

# Event nouns of force and of support, with the prepositions of the noun or of its light verb.
FORCE_AND_SUPPORT: list[Row] = [
    (
        "The Iraqi army conducted operations against ISIS near Mosul.",
        DATE,
        {("iraqi_army", "strikes", "isis")},
        set(),
    ),
    (
        "Iran stepped up arms supplies to the Houthis.",
        DATE,
        {("iran", "supports", "houthis")},
        {("houthis", "supports", "iran")},
    ),
    (
        "Washington's backing of Israel drew criticism.",
        DATE,
        {("us", "supports", "israel")},
        {("israel", "supports", "us")},
    ),
    (
        "Attacks on Israel carried out by the Houthis have grown.",
        DATE,
        {("houthis", "strikes", "israel")},
        set(),
    ),
    (
        "Qatar said the strikes on Hezbollah were carried out by Israel.",
        DATE,
        {("israel", "strikes", "hezbollah")},
        {("qatar", "strikes", "hezbollah")},
    ),
    (
        "Iran never stepped up arms supplies to the Houthis.",
        DATE,
        set(),
        {("iran", "supports", "houthis")},
    ),
    # a campaign for votes names no relation
    (
        "Hamas launched a campaign for votes in the West Bank.",
        DATE,
        set(),
        {("hamas", "strikes", "palestinians"), ("hamas", "supports", "palestinians")},
    ),
    # a carrying verb negated: no event done
    (
        "The US did not respond with strikes on Kataib Hezbollah.",
        DATE,
        set(),
        {("us", "strikes", "kataib_hezbollah")},
    ),
    (
        "Jordan did not join the offensive against the Islamic State.",
        DATE,
        set(),
        {("jordan", "strikes", "isis")},
    ),
    # at the front of a fight: taking part in it; wishing to join one is not joining
    (
        "The Peshmerga have been at the forefront of the fight against the Islamic State.",
        DATE,
        {("peshmerga", "strikes", "isis")},
        set(),
    ),
    (
        "The Peshmerga were never at the forefront of the fight against the Islamic State.",
        DATE,
        set(),
        {("peshmerga", "strikes", "isis")},
    ),
    (
        "Jordan hopes to join the offensive against the Islamic State.",
        DATE,
        set(),
        {("jordan", "strikes", "isis")},
    ),
]

# Talks name their parties, not their topic.
MUTUAL: list[Row] = [
    (
        "France held talks about Hezbollah with Saudi Arabia.",
        DATE,
        {("france", "negotiates", "saudi_arabia")},
        {("france", "negotiates", "hezbollah")},
    ),
    (
        "A truce between Israel and Hamas took effect on Friday.",
        DATE,
        {("israel", "negotiates", "hamas")},
        set(),
    ),
    (
        "Qatar hosted talks on Hamas.",
        DATE,
        set(),
        {("qatar", "negotiates", "hamas")},
    ),
    # "between" hung on the verb the event is the subject of; a battle one is locked in
    (
        "Clashes erupted between the SDF and HTS near Manbij.",
        DATE,
        {("sdf", "strikes", "hts")},
        set(),
    ),
    (
        "Israeli forces are locked in fierce battles with Hamas fighters in Khan Younis.",
        DATE,
        {("idf", "strikes", "hamas")},
        set(),
    ),
    (
        "Heavy fighting broke out between Hezbollah and the IDF on Sunday.",
        DATE,
        {("hezbollah", "strikes", "idf")},
        set(),
    ),
    (
        "Israel is locked in a bitter dispute with Turkey over the flotilla.",
        DATE,
        set(),
        {("israel", "strikes", "turkey")},
    ),
]

# Responsibility: the one held responsible, or claiming in a relative clause, is the agent.
RESPONSIBILITY: list[Row] = [
    (
        "The United States held Kataib Hezbollah responsible for the attack on US troops.",
        DATE,
        {("kataib_hezbollah", "strikes", "us_military"), ("us", "opposes", "kataib_hezbollah")},
        set(),
    ),
    (
        "The attack on Israeli troops, which Hezbollah claimed, killed two soldiers.",
        DATE,
        {("hezbollah", "strikes", "idf")},
        set(),
    ),
    (
        "Israel said Hezbollah was behind the attack on Israeli troops.",
        DATE,
        {("hezbollah", "strikes", "idf")},
        set(),
    ),
    (
        "The United States did not hold Kataib Hezbollah responsible for the attack on US troops.",
        DATE,
        set(),
        {("kataib_hezbollah", "strikes", "us_military")},
    ),
    # the clause claims something else: who staged it
    (
        "The strike on Israeli troops, which Israel claimed was staged by Hamas, killed two.",
        DATE,
        set(),
        {("israel", "strikes", "idf")},
    ),
    (
        "Israel said Hezbollah was not behind the attack on Israeli troops.",
        DATE,
        set(),
        {("hezbollah", "strikes", "idf")},
    ),
    (
        "Hamas denied responsibility for the attack on Israeli troops.",
        DATE,
        set(),
        {("hamas", "strikes", "idf")},
    ),
    (
        "Hezbollah denied involvement in the bombing of the Israeli embassy.",
        DATE,
        set(),
        {("hezbollah", "strikes", "israel"), ("hezbollah", "opposes", "israel")},
    ),
    # a relative clause that puts the event on someone
    (
        "Washington retaliated for a spate of drone attacks on US troops that it blamed on "
        "Kataib Hezbollah.",
        DATE,
        {("kataib_hezbollah", "strikes", "us_military")},
        {("us", "opposes", "us_military"), ("us_military", "strikes", "kataib_hezbollah")},
    ),
    (
        "The rocket attacks on US bases that Washington did not blame on Iran continued.",
        DATE,
        set(),
        {("iran", "strikes", "us"), ("us", "opposes", "iran")},
    ),
    # a claimed event names its victims in its own relative clause
    (
        "The attack, which killed three US soldiers, was claimed by Kataib Hezbollah.",
        DATE,
        {("kataib_hezbollah", "strikes", "us_military")},
        set(),
    ),
    (
        "The attack, which killed three US soldiers, was not claimed by Kataib Hezbollah.",
        DATE,
        set(),
        {("kataib_hezbollah", "strikes", "us_military")},
    ),
    (
        "The Islamic State claimed responsibility for the bombing, which killed 30 Iraqi soldiers.",
        DATE,
        {("isis", "strikes", "iraqi_security_forces")},
        set(),
    ),
    # involvement said of someone; a claim or blame denied gives no agent
    (
        "Houthi militants involved in attacks on the US Navy were killed in the raid.",
        DATE,
        {("houthis", "strikes", "us_navy")},
        set(),
    ),
    (
        "Hamas has been implicated in abuses against Palestinian civilians.",
        DATE,
        {("hamas", "strikes", "palestinians")},
        set(),
    ),
    (
        "Kataib Hezbollah was not involved in the attack on the US embassy, its spokesman said.",
        DATE,
        set(),
        {("kataib_hezbollah", "strikes", "us_embassy_baghdad")},
    ),
    (
        "Iraqi militants involved in attacks on the coalition were arrested.",
        DATE,
        set(),
        {("iraq", "strikes", "global_coalition")},
    ),
    (
        "Kataib Hezbollah did not claim responsibility for the attack on the US embassy.",
        DATE,
        set(),
        {("kataib_hezbollah", "strikes", "us_embassy_baghdad")},
    ),
    (
        "Washington did not blame Kataib Hezbollah for the attack on the US embassy.",
        DATE,
        set(),
        {("kataib_hezbollah", "strikes", "us_embassy_baghdad")},
    ),
    (
        "Kataib Hezbollah was not responsible for the attack on the US embassy.",
        DATE,
        set(),
        {("kataib_hezbollah", "strikes", "us_embassy_baghdad")},
    ),
    (
        "The attack on the US embassy, which Kataib Hezbollah did not claim, caused damage.",
        DATE,
        set(),
        {("kataib_hezbollah", "strikes", "us_embassy_baghdad")},
    ),
    # an event blamed as the blaming verb's object; one held in connection with an event
    (
        "The Pentagon attributed the strike on the US embassy to the IRGC.",
        DATE,
        {("irgc", "strikes", "us_embassy_baghdad")},
        set(),
    ),
    (
        "Washington blamed the rocket attacks on Iraqi bases on Kataib Hezbollah.",
        DATE,
        {("kataib_hezbollah", "strikes", "iraq"), ("us", "opposes", "kataib_hezbollah")},
        {("us", "opposes", "iraq")},
    ),
    (
        "Washington did not blame the rocket attacks on Iraqi bases on Kataib Hezbollah.",
        DATE,
        set(),
        {("kataib_hezbollah", "strikes", "iraq")},
    ),
    (
        "Qais al-Khazali had been held in connection with a 2007 assault on US troops.",
        DATE,
        {("qais_al_khazali", "strikes", "us_military")},
        set(),
    ),
    (
        "Qais al-Khazali was never charged in connection with the assault on US troops.",
        DATE,
        set(),
        {("qais_al_khazali", "strikes", "us_military")},
    ),
]

# The victims of an attack are struck by its agent: its owner, who takes part in it, or the agent
# of the earlier event a definite noun names (rules/combat.py "victims").
# Seizures and confrontations: a seizure of people is force; a confrontation is force only
# between armed actors (a state's confrontation with another is a stance, not a strike).
SEIZURE_AND_CONFRONTATION: list[Row] = [
    (
        "The Houthis' seizure of two UN staff drew condemnation.",
        DATE,
        {("houthis", "strikes", "united_nations")},
        set(),
    ),
    (
        "Hamas fighters had a confrontation with IDF troops near Rafah.",
        DATE,
        {("hamas", "strikes", "idf")},
        set(),
    ),
    (
        "Israel's confrontation with Iran has entered a new phase.",
        DATE,
        set(),
        {("israel", "strikes", "iran"), ("iran", "strikes", "israel")},
    ),
    # an attack planned is opposition, not force
    (
        "Hamas planned an attack on Israeli troops near the fence.",
        DATE,
        {("hamas", "opposes", "idf")},
        {("hamas", "strikes", "idf")},
    ),
    (
        "Hezbollah is preparing attacks on Israeli positions.",
        DATE,
        set(),
        {("hezbollah", "strikes", "israel"), ("hezbollah", "strikes", "idf")},
    ),
]

VICTIMS: list[Row] = [
    (
        "Two Hamas commanders were killed in an Israeli airstrike on Rafah overnight.",
        DATE,
        {("israel", "strikes", "hamas")},
        {("hamas", "strikes", "israel")},
    ),
    (
        "Israeli warplanes bombed a convoy near Qusayr. Hezbollah said three of its fighters "
        "died when the bombing hit the trucks.",
        DATE,
        {("idf", "strikes", "hezbollah")},
        {("hezbollah", "strikes", "idf")},
    ),
    (
        "The Houthis joined the missile attack on Jizan, in which four Saudi soldiers died.",
        DATE,
        {("houthis", "strikes", "saudi_arabia")},
        set(),
    ),
    (
        "Six militiamen from the Popular Mobilization Forces were wounded in the US raids.",
        DATE,
        {("us", "strikes", "pmf")},
        set(),
    ),
    # no victim, a denied or a guessed death, a death in a clash whose sides are not told apart
    (
        "No Hezbollah fighters were killed in the Israeli strike, the group said.",
        DATE,
        set(),
        {("israel", "strikes", "hezbollah")},
    ),
    (
        "Hamas denied that its commanders died in the Israeli airstrike.",
        DATE,
        set(),
        {("israel", "strikes", "hamas")},
    ),
    (
        "Hezbollah fighters may have been wounded in the Israeli raid.",
        DATE,
        set(),
        {("israel", "strikes", "hezbollah")},
    ),
    (
        "Two Hezbollah fighters were killed in clashes along the border.",
        DATE,
        set(),
        {("hezbollah", "strikes", "hezbollah")},
    ),
    (
        "The Houthis launched a missile attack on the port of Mokha, in which two Emirati "
        "soldiers died.",
        DATE,
        {("houthis", "strikes", "uae")},
        set(),
    ),
    (
        "Hezbollah lost three fighters in an Israeli strike near Nabatieh.",
        DATE,
        {("israel", "strikes", "hezbollah")},
        {("hezbollah", "strikes", "israel")},
    ),
    (
        "Hezbollah lost ground in the Israeli offensive.",
        DATE,
        set(),
        {("israel", "strikes", "hezbollah")},
    ),
    (
        "Two US soldiers were wounded in a rocket attack on the base, which Washington blamed "
        "on Kataib Hezbollah.",
        DATE,
        {("kataib_hezbollah", "strikes", "us_military")},
        {("us_military", "strikes", "kataib_hezbollah")},
    ),
    (
        "An Israeli raid on Jenin resulted in the death of a senior Hamas commander.",
        DATE,
        {("israel", "strikes", "hamas")},
        {("hamas", "strikes", "israel")},
    ),
    (
        "The Israeli strike did not result in the death of any Hezbollah fighters.",
        DATE,
        set(),
        {("israel", "strikes", "hezbollah")},
    ),
    (
        "Qais al-Khazali had been held in connection with a 2007 raid in Karbala, in which "
        "five American soldiers were killed.",
        DATE,
        {("qais_al_khazali", "strikes", "us_military")},
        {("us_military", "strikes", "qais_al_khazali")},
    ),
]

# "blamed EVENT on X": the last of the "on" phrases is the one blamed, even when the parser
# hangs both on the event
BLAMED_ON: list[Row] = [
    (
        "The Pentagon blamed the drone attacks on US troops on militias backed by Iran.",
        "2024-03-01",
        {
            ("iran_backed_militias", "strikes", "us_military"),
            ("pentagon", "opposes", "iran_backed_militias"),
        },
        {("pentagon", "opposes", "us_military"), ("pentagon", "strikes", "us_military")},
    ),
    (
        "Washington did not blame the attack on US troops on Kataib Hezbollah.",
        DATE,
        set(),
        {("kataib_hezbollah", "strikes", "us_military"), ("us", "opposes", "kataib_hezbollah")},
    ),
]

TABLES = {
    "blamed on": BLAMED_ON,
    "event coreference": EVENT_COREFERENCE,
    "received": RECEIVED,
    "force and support": FORCE_AND_SUPPORT,
    "mutual": MUTUAL,
    "responsibility": RESPONSIBILITY,
    "victims": VICTIMS,
    "seizure and confrontation": SEIZURE_AND_CONFRONTATION,
}

CASES = [
    pytest.param(*row, id=f"{name}: {row[0][:60]}") for name, rows in TABLES.items() for row in rows
]


@pytest.mark.parametrize(("text", "date", "expected", "forbidden"), CASES)
def test_noun_construction(extract, text: str, date: str, expected: set, forbidden: set):
    found = extract(text, date)
    assert expected <= found, f"missing {expected - found}; found {found}"
    assert not forbidden & found, f"forbidden {forbidden & found}"


def test_every_table_has_a_positive_and_a_forbidding_row():
    for name, rows in TABLES.items():
        assert any(expected for _, _, expected, _ in rows), name
        assert any(forbidden and not expected for _, _, expected, forbidden in rows), name


@pytest.mark.parametrize(
    "text",
    [
        "Washington blamed Kataib Hezbollah for the rocket attack on US troops.",
        "Washington blamed the rocket attack on US troops on Kataib Hezbollah.",
    ],
)
def test_the_one_who_blames_is_the_claimant_of_the_deed(extractor, text: str):
    from graphx.extraction.documents import Document

    found = extractor.extract(Document(id="t", text=text, source="test", date=DATE))
    strikes = [r for r in found if r.relation == "strikes"]
    assert [(r.source.actor.id, r.target.actor.id) for r in strikes] == [
        ("kataib_hezbollah", "us_military")
    ]
    assert strikes[0].claimed_by is not None and strikes[0].claimed_by.actor.id == "us"
