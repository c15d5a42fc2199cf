"""Constructions of news English, one table per relation family, run through the real pipeline.

Each row: (text, date, triples that must be found, triples that must NOT be found). The sentences
are written for these tests; the actor ids come from data/kb/*.yaml. Every table carries forbidden
rows too: negation, denial and a cue word used in a sense that names no relation.
"""

from __future__ import annotations

import pytest

Triple = tuple[str, str, str]
Row = tuple[str, str, set[Triple], set[Triple]]

DATE = "2024-03-01"

OPPOSES: list[Row] = [
    (
        "Washington blacklisted Hezbollah on Tuesday.",
        DATE,
        {("us", "opposes", "hezbollah")},
        {("hezbollah", "opposes", "us")},
    ),
    (
        "The Treasury designated Kataib Hezbollah a terrorist organisation.",
        DATE,
        {("us_treasury", "opposes", "kataib_hezbollah")},
        set(),
    ),
    (
        "Britain proscribed Hamas in 2021.",
        DATE,
        {("uk", "opposes", "hamas")},
        {("hamas", "opposes", "uk")},
    ),
    (
        "The United States indicted Qais al-Khazali on Tuesday.",
        DATE,
        {("us", "opposes", "qais_al_khazali")},
        set(),
    ),
    (
        "The United States slapped sanctions on Iran.",
        DATE,
        {("us", "opposes", "iran")},
        {("us", "strikes", "iran")},
    ),
    (
        "Egypt lambasted Israel after the raid.",
        DATE,
        {("egypt", "opposes", "israel")},
        {("egypt", "strikes", "israel")},
    ),
    (
        "Qatar condemned Iran's meddling in Iraq.",
        DATE,
        {("qatar", "opposes", "iran")},
        {("qatar", "opposes", "iraq")},
    ),
    # negation
    (
        "The European Union did not blacklist Hezbollah.",
        DATE,
        set(),
        {("european_union", "opposes", "hezbollah")},
    ),
    # a ban on travel to a state is no relation to it
    (
        "Iraq lifted its ban on flights to Iran.",
        DATE,
        set(),
        {("iraq", "opposes", "iran"), ("iraq", "supports", "iran")},
    ),
]

NEGOTIATES: list[Row] = [
    (
        "Erdogan hosted Assad in Ankara.",
        DATE,
        {("recep_tayyip_erdogan", "negotiates", "bashar_al_assad")},
        {("recep_tayyip_erdogan", "supports", "bashar_al_assad")},
    ),
    ("Iran received an Omani delegation.", DATE, {("iran", "negotiates", "oman")}, set()),
    (
        "Putin telephoned Erdogan on Friday.",
        DATE,
        {("vladimir_putin", "negotiates", "recep_tayyip_erdogan")},
        set(),
    ),
    (
        "Blinken held a phone call with Netanyahu on Sunday.",
        DATE,
        {("antony_blinken", "negotiates", "benjamin_netanyahu")},
        set(),
    ),
    (
        "Israel and Hamas struck a ceasefire deal.",
        DATE,
        {("israel", "negotiates", "hamas")},
        {("israel", "strikes", "hamas")},
    ),
    (
        "The Houthis engaged in talks with Saudi Arabia.",
        DATE,
        {("houthis", "negotiates", "saudi_arabia")},
        set(),
    ),
    ("Iran opened talks with the United States.", DATE, {("iran", "negotiates", "us")}, set()),
    (
        "Israel signed a truce with Hezbollah.",
        DATE,
        {("israel", "negotiates", "hezbollah")},
        {("israel", "strikes", "hezbollah")},
    ),
    # negation and denial
    (
        "Blinken did not meet Netanyahu.",
        DATE,
        set(),
        {("antony_blinken", "negotiates", "benjamin_netanyahu")},
    ),
    (
        "Iran denied holding talks with the United States.",
        DATE,
        set(),
        {("iran", "negotiates", "us")},
    ),
    # "host" an event, not a visitor
    (
        "The Houthis hosted a rally in Sanaa against Israel.",
        DATE,
        set(),
        {("houthis", "negotiates", "israel")},
    ),
    # "receive" with a thing, not a visitor, as its object
    (
        "Hezbollah received weapons from Iran.",
        DATE,
        set(),
        {("hezbollah", "negotiates", "iran"), ("iran", "negotiates", "hezbollah")},
    ),
]

THREATENS: list[Row] = [
    ("Trump cautioned Iran on Monday.", DATE, {("donald_trump", "threatens", "iran")}, set()),
    (
        "The Houthis vowed revenge against the United States.",
        DATE,
        {("houthis", "threatens", "us")},
        {("houthis", "strikes", "us")},
    ),
    (
        "Israel issued an ultimatum to Hamas.",
        DATE,
        {("israel", "threatens", "hamas")},
        {("israel", "opposes", "hamas")},
    ),
    (
        "Iran promised a response to Israel.",
        DATE,
        {("iran", "threatens", "israel")},
        {("iran", "strikes", "israel")},
    ),
    # negation
    ("Iran did not threaten Saudi Arabia.", DATE, set(), {("iran", "threatens", "saudi_arabia")}),
]

STRIKES: list[Row] = [
    (
        "Saudi Arabia waged war on the Houthis.",
        DATE,
        {("saudi_arabia", "strikes", "houthis")},
        {("houthis", "strikes", "saudi_arabia")},
    ),
    (
        "Israel waged a campaign against Hezbollah.",
        DATE,
        {("israel", "strikes", "hezbollah")},
        set(),
    ),
    (
        "Iraqi forces retook Mosul from the Islamic State.",
        DATE,
        {("iraqi_security_forces", "strikes", "isis")},
        set(),
    ),
    ("Israel hammered Hezbollah on Sunday.", DATE, {("israel", "strikes", "hezbollah")}, set()),
    (
        "The Islamic State beheaded Iraqi soldiers.",
        DATE,
        {("isis", "strikes", "iraqi_security_forces")},
        set(),
    ),
    ("Hamas fired rockets into Israel.", DATE, {("hamas", "strikes", "israel")}, set()),
    # negation and denial
    (
        "The Houthis did not attack Saudi Arabia.",
        DATE,
        set(),
        {("houthis", "strikes", "saudi_arabia")},
    ),
    (
        "Hezbollah denied involvement in the attack on Israel.",
        DATE,
        set(),
        {("hezbollah", "strikes", "israel"), ("hezbollah", "opposes", "israel")},
    ),
    # "hammered out" a deal is negotiation, never force
    ("Israel hammered out a deal with Hamas.", DATE, set(), {("israel", "strikes", "hamas")}),
]

SUPPORTS: list[Row] = [
    (
        "Iran supplied drones to the Houthis.",
        DATE,
        {("iran", "supports", "houthis")},
        {("houthis", "supports", "iran")},
    ),
    (
        "The Houthis welcomed the Hamas attack on Israel.",
        DATE,
        {("houthis", "supports", "hamas"), ("hamas", "strikes", "israel")},
        {("houthis", "supports", "israel")},
    ),
    (
        "The Houthis swore allegiance to Iran.",
        DATE,
        {("houthis", "supports", "iran")},
        {("iran", "supports", "houthis")},
    ),
    # negation
    ("Iran did not supply weapons to Hamas.", DATE, set(), {("iran", "supports", "hamas")}),
]

WITHDRAWAL: list[Row] = [
    (
        "Iraq demanded a timetable for the withdrawal of US forces.",
        DATE,
        {("iraq", "demands_withdrawal", "us_military")},
        {("us_military", "demands_withdrawal", "iraq")},
    ),
    (
        "Iraq pushed for the departure of US troops.",
        DATE,
        {("iraq", "demands_withdrawal", "us_military")},
        set(),
    ),
    (
        "Iraq wants to phase out the US-led coalition.",
        DATE,
        {("iraq", "demands_withdrawal", "global_coalition")},
        set(),
    ),
    # a force moving its own troops: no one demands it
    (
        "Israel withdrew its troops from Lebanon.",
        DATE,
        set(),
        {("lebanon", "demands_withdrawal", "israel")},
    ),
]

# Who demands and who votes: the highest demander with agents of its own asks; it votes only
# when it casts the vote (a pledge that a legislature will vote is the pledger's demand).
DEMANDERS: list[Row] = [
    (
        "Hadi al-Amiri promised that parliament would vote to kick the US troops out.",
        DATE,
        {("hadi_al_amiri", "demands_withdrawal", "us_military")},
        {("hadi_al_amiri", "votes_against", "us_military")},
    ),
    (
        "Parliament voted to order the government to expel US troops.",
        DATE,
        {("iraqi_parliament", "votes_against", "us_military")},
        {("iraq", "votes_against", "us_military")},
    ),
    (
        "Hadi al-Amiri said parliament would never vote to expel US troops.",
        DATE,
        set(),
        {
            ("hadi_al_amiri", "demands_withdrawal", "us_military"),
            ("iraqi_parliament", "votes_against", "us_military"),
        },
    ),
]

# A capital inside another name is that name, not the government it stands for elsewhere; a
# person's short name after another given name is a relative or a namesake; a broadcaster one
# speaks to is no party to talks.
NAMES: list[Row] = [
    (
        "Laith al-Khazali met the Iranian envoy in Baghdad.",
        DATE,
        set(),
        {("qais_al_khazali", "negotiates", "iran")},
    ),
    (
        "Speaking to Al Arabiya, Qais al-Khazali said the talks had failed.",
        DATE,
        set(),
        {("qais_al_khazali", "negotiates", "provisional:al_arabiya")},
    ),
    (
        "Ayatollah Ali Sistani condemned Israel.",
        DATE,
        {("ali_al_sistani", "opposes", "israel")},
        set(),
    ),
    (
        "Washington imposed sanctions on the airline Fly Damascus.",
        DATE,
        set(),
        {("us", "opposes", "syria")},
    ),
    (
        "Washington imposed sanctions on Damascus in 2011.",
        DATE,
        {("us", "opposes", "syria")},
        set(),
    ),
]

# References back: "the two governments" are the last two states named; a quantity of events
# stands for their owner ("a wave of Israeli strikes killed ...").
REFERENCES: list[Row] = [
    (
        "Turkey and Syria reopened a border crossing. The two governments negotiated for weeks.",
        DATE,
        {("turkey", "negotiates", "syria")},
        set(),
    ),
    (
        "Erdogan spoke about Assad on Monday. The two men did not meet.",
        DATE,
        set(),
        {("recep_tayyip_erdogan", "negotiates", "bashar_al_assad")},
    ),
    (
        "A barrage of Israeli strikes killed three members of Hezbollah.",
        DATE,
        {("israel", "strikes", "hezbollah")},
        set(),
    ),
    (
        "The group is believed to be responsible for many of the attacks on US forces.",
        DATE,
        set(),
        {("us_military", "strikes", "us_military")},
    ),
    (
        "Kataib Hezbollah is thought to be responsible for most of the attacks on US forces.",
        DATE,
        {("kataib_hezbollah", "strikes", "us_military")},
        set(),
    ),
]

# Follow-ups from the family tables: a comma participle said of the clause's subject, a pledged
# attack is no attack, a named faction inside its parent's possessive, what gunmen and warships
# stand for, and the populations of Iraq.
FOLLOW_UPS: list[Row] = [
    (
        "The Houthis, backed by Iran, fired drones at shipping.",
        DATE,
        {("iran", "supports", "houthis")},
        set(),
    ),
    (
        "Kataib Hezbollah vowed to launch attacks on US forces.",
        DATE,
        {("kataib_hezbollah", "threatens", "us_military")},
        {("kataib_hezbollah", "strikes", "us_military")},
    ),
    (
        "Washington sanctioned the PMF's Kataib Hezbollah faction.",
        DATE,
        {("us", "opposes", "kataib_hezbollah")},
        {("us", "opposes", "pmf")},
    ),
    (
        "Gunmen from Kataib Hezbollah abducted two Iraqi officials.",
        DATE,
        {("kataib_hezbollah", "strikes", "iraq")},
        set(),
    ),
    (
        "Houthi missiles targeted a US warship in the Red Sea.",
        DATE,
        {("houthis", "strikes", "us")},
        set(),
    ),
    (
        "The coalition is battling what remains of the Islamic State.",
        DATE,
        {("global_coalition", "strikes", "isis")},
        set(),
    ),
    (
        "Israeli raids left six Hezbollah fighters dead.",
        DATE,
        {("israel", "strikes", "hezbollah")},
        set(),
    ),
    (
        "Syria's drive to recapture Raqqa from the Islamic State stalled.",
        DATE,
        {("syria", "strikes", "isis")},
        set(),
    ),
    (
        "Amnesty accused Kataib Hezbollah of abuses in towns recaptured from ISIS.",
        DATE,
        set(),
        {("provisional:amnesty", "strikes", "isis"), ("amnesty_international", "strikes", "isis")},
    ),
    (
        "Kataib Hezbollah is a hardline militia. It has threatened to attack US bases.",
        DATE,
        {("kataib_hezbollah", "threatens", "us")},
        set(),
    ),
    (
        "Kataib Hezbollah is a hardline militia. It is unclear whether Iran armed the group.",
        DATE,
        set(),
        {("iran", "supports", "kataib_hezbollah")},
    ),
    (
        "Asaib Ahl al-Haq, an Iran-backed militia that is part of the PMF, denied it.",
        DATE,
        {("asaib_ahl_al_haq", "part_of", "pmf"), ("iran", "supports", "asaib_ahl_al_haq")},
        {("iran_backed_militias", "part_of", "pmf")},
    ),
    (
        "Nujaba demanded an end to the American military presence in Syria.",
        DATE,
        {("harakat_al_nujaba", "demands_withdrawal", "us_military")},
        set(),
    ),
    (
        "Nujaba did not demand an end to the American military presence in Syria.",
        DATE,
        set(),
        {("harakat_al_nujaba", "demands_withdrawal", "us_military")},
    ),
    (
        "Kataib Hezbollah fired rockets at US and coalition troops in Syria.",
        DATE,
        {
            ("kataib_hezbollah", "strikes", "us"),
            ("kataib_hezbollah", "strikes", "global_coalition"),
        },
        set(),
    ),
    (
        "Hezbollah, whose fighters attacked Israeli troops, denied it.",
        DATE,
        {("hezbollah", "strikes", "idf")},
        set(),
    ),
    (
        "Hezbollah, whose fighters did not attack Israeli troops, spoke.",
        DATE,
        set(),
        {("hezbollah", "strikes", "idf")},
    ),
    (
        "It is not clear the Houthis have spoken to Saudi Arabia about the truce.",
        DATE,
        set(),
        {("houthis", "negotiates", "saudi_arabia")},
    ),
    (
        "It is clear that the Houthis have spoken to Saudi Arabia about the truce.",
        DATE,
        {("houthis", "negotiates", "saudi_arabia")},
        set(),
    ),
    (
        "Netanyahu condemned Yahya Sinwar, whom he called a murderer.",
        DATE,
        {("benjamin_netanyahu", "opposes", "yahya_sinwar")},
        {("yahya_sinwar", "opposes", "benjamin_netanyahu")},
    ),
    (
        "A US-backed offensive by the Peshmerga retook the town.",
        DATE,
        {("us", "supports", "peshmerga")},
        set(),
    ),
    (
        "A US-backed offensive by the Peshmerga did not retake the town.",
        DATE,
        set(),
        {("peshmerga", "supports", "us")},
    ),
    (
        "Kataib Hezbollah attacked the base with Iran-backed militias. Abu Fadak, the group's "
        "secretary general, praised the attack.",
        DATE,
        {("abu_fadak", "leads", "kataib_hezbollah")},
        {("abu_fadak", "leads", "iran_backed_militias")},
    ),
    (
        "Iraq thanked the coalition. Hezbollah fighters crossed the border and Israel attacked "
        "them.",
        DATE,
        {("israel", "strikes", "hezbollah")},
        {("israel", "strikes", "global_coalition")},
    ),
    (
        "The Framework named Mohammed Shia al-Sudani as its candidate.",
        DATE,
        {("coordination_framework", "supports", "mohammed_shia_al_sudani")},
        set(),
    ),
    (
        "The Strategic Framework Agreement binds Iraq and the United States.",
        DATE,
        set(),
        {("coordination_framework", "supports", "us")},
    ),
    (
        "Iraq's parliament voted against the withdrawal of US forces.",
        DATE,
        set(),
        {("iraqi_parliament", "votes_against", "us_military")},
    ),
    (
        "Hezbollah did not attack Israel, and Israel struck Hezbollah.",
        DATE,
        {("israel", "strikes", "hezbollah")},
        {("hezbollah", "strikes", "israel")},
    ),
    (
        "Iraq did not host talks between Iran and Saudi Arabia.",
        DATE,
        set(),
        {("iran", "negotiates", "saudi_arabia"), ("iraq", "negotiates", "iran")},
    ),
    (
        "AMMAN, March 3, 2024 — King Abdullah and Mohammed bin Salman met on Sunday.",
        DATE,
        {("abdullah_ii", "negotiates", "mohammed_bin_salman")},
        set(),
    ),
    (
        "Kataib Hezbollah, the Badr Organization and Nujaba fought in Tikrit. Every one of those "
        "groups receives backing from Iran.",
        DATE,
        {
            ("iran", "supports", "kataib_hezbollah"),
            ("iran", "supports", "badr_organization"),
            ("iran", "supports", "harakat_al_nujaba"),
        },
        # fighting side by side is no fight between them
        {("kataib_hezbollah", "strikes", "badr_organization")},
    ),
    (
        "Israeli strikes killed three of Hezbollah's commanders.",
        DATE,
        {("israel", "strikes", "hezbollah")},
        set(),
    ),
    (
        "The militia has gone after Sunni Iraqis for years.",
        DATE,
        set(),
        {("pmf", "strikes", "iraq")},
    ),
]

TABLES = {
    "opposes": OPPOSES,
    "negotiates": NEGOTIATES,
    "threatens": THREATENS,
    "strikes": STRIKES,
    "supports": SUPPORTS,
    "withdrawal": WITHDRAWAL,
    "demanders": DEMANDERS,
    "names": NAMES,
    "references": REFERENCES,
    "follow-ups": FOLLOW_UPS,
}

CASES = [
    pytest.param(*row, id=f"{family}: {row[0]}") for family, rows in TABLES.items() for row in rows
]


@pytest.mark.parametrize(("text", "date", "expected", "forbidden"), CASES)
def test_construction(extract, text: str, date: str, expected: set, forbidden: set):
    found = extract(text, date)
    assert expected <= found, f"missing {expected - found}; found {found}"
    assert not forbidden & found, f"forbidden {forbidden & found}"


def test_every_table_has_a_row_that_forbids():
    """A table with only positive rows could not catch a cue word that fires too widely."""
    for family, rows in TABLES.items():
        assert any(forbidden and not expected for _, _, expected, forbidden in rows), family


# Idioms: the verb's own object must be there ("war" in "went to war"), and only the
# prepositions after it introduce the target.
IDIOMS = [
    (
        "Saudi Arabia went to war against the Houthis in 2015.",
        {("saudi_arabia", "strikes", "houthis")},
        set(),
    ),
    ("Iran went to Baghdad with the Houthis.", set(), {("iran", "strikes", "houthis")}),
    ("Iran threw its weight behind Hezbollah.", {("iran", "supports", "hezbollah")}, set()),
    ("Russia came to the aid of Syria.", {("russia", "supports", "syria")}, set()),
    ("Israel held talks with Hamas in Cairo.", {("israel", "negotiates", "hamas")}, set()),
    ("Israel held prisoners from Hamas.", set(), {("israel", "negotiates", "hamas")}),
    (
        "Hezbollah fought alongside the Syrian army.",
        {("hezbollah", "supports", "syrian_government")},
        {("hezbollah", "strikes", "syrian_government")},
    ),
]


@pytest.mark.parametrize(("text", "found", "refused"), IDIOMS)
def test_idioms(extract, text, found, refused):
    triples = extract(text, date="2022-01-01")
    assert found <= triples
    assert not refused & triples


# Responsibility: who claims or is blamed for an event is its agent; a denial gives nothing.
RESPONSIBILITY = [
    (
        "Kataib Hezbollah claimed responsibility for the attack on US forces.",
        {("kataib_hezbollah", "strikes", "us_military")},
        set(),
    ),
    (
        "Hezbollah took responsibility for the drone attack on Israel.",
        {("hezbollah", "strikes", "israel")},
        set(),
    ),
    (
        "Washington blamed Kataib Hezbollah for the attack on US forces.",
        {("us", "opposes", "kataib_hezbollah"), ("kataib_hezbollah", "strikes", "us_military")},
        {("us", "strikes", "us_military")},
    ),
    (
        "The strike on Hezbollah was attributed to Israel.",
        {("israel", "strikes", "hezbollah")},
        {("hezbollah", "strikes", "israel")},
    ),
    (
        "An attack on US forces blamed on Kataib Hezbollah killed three soldiers.",
        {("kataib_hezbollah", "strikes", "us_military")},
        {("us_military", "opposes", "kataib_hezbollah")},
    ),
    (
        "Iran denied responsibility for the attack on Israel.",
        set(),
        {("iran", "strikes", "israel")},
    ),
    (
        "Iran denied involvement in the attack on Israel.",
        set(),
        {("iran", "strikes", "israel")},
    ),
]


@pytest.mark.parametrize(("text", "found", "refused"), RESPONSIBILITY)
def test_responsibility(extract, text, found, refused):
    triples = extract(text, date="2024-02-01")
    assert found <= triples
    assert not refused & triples


# Appositions: a description beside a name is that actor; a place after a role is no party.
APPOSITIONS = [
    (
        "Asaib Ahl al-Haq, an Iran-backed militia, attacked US forces.",
        {("iran", "supports", "asaib_ahl_al_haq"), ("asaib_ahl_al_haq", "strikes", "us_military")},
        {("iran", "supports", "pmf")},
    ),
    (
        "Hezbollah, Iran's main ally in Lebanon, fired rockets at Israel.",
        {("hezbollah", "supports", "iran"), ("hezbollah", "strikes", "israel")},
        {("hezbollah", "supports", "lebanon")},
    ),
    (  # a relative pronoun stands for its antecedent; a stative participle's subject holds
        "The Houthis, who are allied with Iran, fired missiles at Israel.",
        {("houthis", "supports", "iran"), ("houthis", "strikes", "israel")},
        {("iran", "supports", "houthis"), ("iran", "strikes", "israel")},
    ),
    ("Syria is aligned with Russia.", {("syria", "supports", "russia")}, set()),
    (  # the one supplied is not the supplier: the passive subject holds only stative links
        "Hezbollah was supplied with weapons by Iran, and Syria was shipped rockets to Hamas.",
        set(),
        {("hezbollah", "supports", "iran"), ("syria", "supports", "hamas")},
    ),
    (
        "Kataib Hezbollah is a faction within the Popular Mobilization Forces.",
        {("kataib_hezbollah", "part_of", "pmf")},
        set(),
    ),
]


@pytest.mark.parametrize(("text", "found", "refused"), APPOSITIONS)
def test_appositions(extract, text, found, refused):
    triples = extract(text, date="2024-02-01")
    assert found <= triples
    assert not refused & triples


# Labelling: naming an actor with a hostile label is opposition; a friendly one is not.
LABELLING = [
    (
        "The Houthis called the United States the greatest enemy.",
        {("houthis", "opposes", "us")},
        {("us", "opposes", "houthis")},
    ),
    (
        "Pompeo described Soleimani as a killer.",
        {("mike_pompeo", "opposes", "qassem_soleimani")},
        set(),
    ),
    (
        "Hezbollah listed Israel as a terrorist entity.",
        {("hezbollah", "opposes", "israel")},
        set(),
    ),
    ("Iran called Hezbollah a friend.", set(), {("iran", "opposes", "hezbollah")}),
    ("Washington called Iraq a key partner.", set(), {("us", "opposes", "iraq")}),
    ("The US did not call Iran an enemy.", set(), {("us", "opposes", "iran")}),
]


@pytest.mark.parametrize(("text", "found", "refused"), LABELLING)
def test_labelling(extract, text, found, refused):
    triples = extract(text, date="2024-02-01")
    assert found <= triples
    assert not refused & triples
