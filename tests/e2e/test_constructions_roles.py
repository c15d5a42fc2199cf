"""Roles, membership, leadership and modifiers, run through the real pipeline.

Each row: (text, date, triples that must be found, triples that must NOT be found). The sentences
are written for these tests; the actor ids come from data/kb/*.yaml. Every construction has a
positive row and a forbidden one (negation, a role no longer held, the cue word in a sense that
names no relation).
"""

from __future__ import annotations

import pytest

Triple = tuple[str, str, str]
Row = tuple[str, str, set[Triple], set[Triple]]

DATE = "2024-03-01"

# Membership and structure: members named by a list, a container, a wing or a faction.
MEMBERSHIP: list[Row] = [
    (
        "The Axis of Resistance, whose member groups include Hezbollah and the Houthis, "
        "vowed to respond.",
        DATE,
        {
            ("hezbollah", "part_of", "axis_of_resistance"),
            ("houthis", "part_of", "axis_of_resistance"),
        },
        set(),
    ),
    (
        "The Islamic Resistance in Iraq launched drones at Eilat. Its members include Kataib "
        "Sayyid al-Shuhada and Harakat al-Nujaba.",
        DATE,
        {
            ("kataib_sayyid_al_shuhada", "part_of", "islamic_resistance_in_iraq"),
            ("harakat_al_nujaba", "part_of", "islamic_resistance_in_iraq"),
        },
        set(),
    ),
    (
        "The Coordination Framework does not include the Sadrist Movement.",
        DATE,
        set(),
        {("sadrist_movement", "part_of", "coordination_framework")},
    ),
    # a state's delegation "includes" people: no membership list of a group
    (
        "Iran's delegation included Abbas Araghchi.",
        DATE,
        set(),
        {("abbas_araghchi", "part_of", "iran")},
    ),
    (
        "The Axis of Resistance is an umbrella for Hezbollah, Hamas and the Houthis.",
        DATE,
        {
            ("hezbollah", "part_of", "axis_of_resistance"),
            ("hamas", "part_of", "axis_of_resistance"),
        },
        {("axis_of_resistance", "part_of", "hezbollah")},
    ),
    # a container described, not listed, names no member
    (
        "The Coordination Framework, an umbrella for Shiite parties, named a candidate.",
        DATE,
        set(),
        {("iraqi_shia_parties", "part_of", "coordination_framework")},
    ),
    (
        "The Coordination Framework, a coalition of the Fatah Alliance and State of Law, "
        "named a candidate.",
        DATE,
        {("fatah_alliance", "part_of", "coordination_framework")},
        set(),
    ),
    (
        "Saraya al-Salam, the military wing of the Sadrist Movement, deployed in Samarra.",
        DATE,
        {("saraya_al_salam", "part_of", "sadrist_movement")},
        set(),
    ),
    (
        "The Badr Organization is a faction of the Popular Mobilization Forces.",
        DATE,
        {("badr_organization", "part_of", "pmf")},
        set(),
    ),
    # the name beside the role word is the faction its owner has
    (
        "Abu Alaa al-Walai commands the PMF's Kataib Sayyid al-Shuhada faction.",
        DATE,
        {("kataib_sayyid_al_shuhada", "part_of", "pmf")},
        set(),
    ),
    # a role word inside a name ("the Badr Brigade") is no role
    (
        "Among the militias were Kataib Hezbollah, the Badr Brigade and Saraya al-Salam.",
        DATE,
        set(),
        {("kataib_hezbollah", "part_of", "badr_organization")},
    ),
    (
        "Mahmoud Abbas, a former member of Hamas, spoke in Ramallah.",
        DATE,
        set(),
        {("mahmoud_abbas", "part_of", "hamas")},
    ),
    # a splinter group left its parent: no membership
    (
        "Kataib Hezbollah is a splinter group of the Mahdi Army.",
        DATE,
        set(),
        {("kataib_hezbollah", "part_of", "mahdi_army")},
    ),
    (
        "Kataib Hezbollah, one of the factions of the PMF, fired rockets.",
        DATE,
        {("kataib_hezbollah", "part_of", "pmf")},
        set(),
    ),
]

# Leadership: heads, commands, is the leader of; one of several leaders is a member.
LEADERSHIP: list[Row] = [
    (
        "Qais al-Khazali heads Asaib Ahl al-Haq.",
        DATE,
        {("qais_al_khazali", "leads", "asaib_ahl_al_haq")},
        {("asaib_ahl_al_haq", "leads", "qais_al_khazali")},
    ),
    (
        "Moqtada al-Sadr, who heads the Sadrist Movement, called for calm.",
        DATE,
        {("moqtada_al_sadr", "leads", "sadrist_movement")},
        set(),
    ),
    (
        "The Houthis are led by Abdul-Malik al-Houthi.",
        DATE,
        {("abdul_malik_al_houthi", "leads", "houthis")},
        set(),
    ),
    # the parser hangs the apposition far back: the name before the comma holds the role
    (
        "Protests followed the killing in Beirut of Saleh al-Arouri, the deputy leader of Hamas.",
        DATE,
        {("saleh_al_arouri", "leads", "hamas")},
        set(),
    ),
    (
        "The convoy was hit, according to Abu Obeida, the spokesman for the Qassam Brigades.",
        DATE,
        {("abu_obeida", "part_of", "qassam_brigades")},
        set(),
    ),
    (
        "Kataib Hezbollah falls under the command of the Quds Force.",
        DATE,
        {("quds_force", "leads", "kataib_hezbollah")},
        set(),
    ),
    (
        "Kataib Hezbollah operates under the leadership of Ahmad al-Hamidawi.",
        DATE,
        {("ahmad_al_hamidawi", "leads", "kataib_hezbollah")},
        set(),
    ),
    (
        "The Tribal Mobilization was placed under the command of Falih al-Fayyadh.",
        DATE,
        {("falih_al_fayyadh", "leads", "tribal_mobilization")},
        set(),
    ),
    (
        "The Houthis did not come under the command of the IRGC.",
        DATE,
        set(),
        {("irgc", "leads", "houthis")},
    ),
    (
        "Erbil came under attack from Kataib Hezbollah.",
        DATE,
        set(),
        {("kataib_hezbollah", "leads", "iraq")},
    ),
    # one of several commanders is a member, not the leader
    (
        "Ibrahim Aqil, a senior Hezbollah commander, was killed in Beirut.",
        DATE,
        {("ibrahim_aqil", "part_of", "hezbollah")},
        {("ibrahim_aqil", "leads", "hezbollah")},
    ),
    (
        "Abu Fadak was among the commanders of Kataib Hezbollah.",
        DATE,
        {("abu_fadak", "part_of", "kataib_hezbollah")},
        {("abu_fadak", "leads", "kataib_hezbollah")},
    ),
    (
        "Naim Qassem, a leader in the field of theology, spoke.",
        DATE,
        set(),
        {("naim_qassem", "leads", "hezbollah"), ("naim_qassem", "part_of", "hezbollah")},
    ),
    # meeting a leader is no leadership of the visitor
    (
        "Abbas Araghchi met Hezbollah leader Naim Qassem in Beirut.",
        DATE,
        {("naim_qassem", "leads", "hezbollah")},
        {("abbas_araghchi", "leads", "hezbollah"), ("abbas_araghchi", "part_of", "hezbollah")},
    ),
    # a person leads a state only through its dated offices
    (
        "Naim Qassem is the real ruler of Lebanon, his critics say.",
        DATE,
        set(),
        {("naim_qassem", "leads", "lebanon")},
    ),
    (
        "The Saudi-led coalition struck Hodeidah.",
        DATE,
        {("saudi_arabia", "leads", "saudi_led_coalition")},
        set(),
    ),
]

# Relations carried by appositions, relative clauses and roles.
APPOSITIONS: list[Row] = [
    (
        "Harakat al-Nujaba, an Iran-backed militia, threatened US forces.",
        DATE,
        {("iran", "supports", "harakat_al_nujaba")},
        set(),
    ),
    (
        "Asaib Ahl al-Haq, which is close to Tehran, won seats.",
        DATE,
        {("asaib_ahl_al_haq", "supports", "iran")},
        set(),
    ),
    (
        "Hezbollah, Tehran's proxy in Lebanon, fired rockets.",
        DATE,
        {("iran", "supports", "hezbollah")},
        {("lebanon", "supports", "hezbollah"), ("hezbollah", "supports", "lebanon")},
    ),
    (
        "Kataib Hezbollah, one of Iran's closest allies in Iraq, denied the attack.",
        DATE,
        {("kataib_hezbollah", "supports", "iran")},
        {("kataib_hezbollah", "supports", "iraq")},
    ),
    (
        "Harakat al-Nujaba, an Iranian proxy, fired drones.",
        DATE,
        {("iran", "supports", "harakat_al_nujaba")},
        set(),
    ),
    # a nationality that is the holder's own says where it is from
    (
        "Hezbollah, a Lebanese ally of Iran, fired rockets.",
        DATE,
        {("hezbollah", "supports", "iran")},
        {("hezbollah", "supports", "lebanon")},
    ),
    (
        "Hezbollah is a champion of Hamas and of the Palestinians.",
        DATE,
        {("hezbollah", "supports", "hamas"), ("hezbollah", "supports", "palestinians")},
        set(),
    ),
    # a "be" joined to a passive shares its subject, not its agent
    (
        "The Houthis are armed by Iran and are champions of Hamas.",
        DATE,
        {("houthis", "supports", "hamas"), ("iran", "supports", "houthis")},
        {("iran", "supports", "hamas")},
    ),
    (
        "Hezbollah is not an ally of Saudi Arabia.",
        DATE,
        set(),
        {("hezbollah", "supports", "saudi_arabia")},
    ),
]

# Adjectives with a preposition, participles read as adjectives, and hyphen prefixes.
MODIFIERS: list[Row] = [
    ("Hamas is allied to Iran.", DATE, {("hamas", "supports", "iran")}, set()),
    ("Hamas is not allied to Iran.", DATE, set(), {("hamas", "supports", "iran")}),
    (
        "The Houthis, who are allied to Tehran, seized the ship.",
        DATE,
        {("houthis", "supports", "iran")},
        set(),
    ),
    (
        "Harakat al-Nujaba is answerable to the IRGC.",
        DATE,
        {("harakat_al_nujaba", "supports", "irgc")},
        set(),
    ),
    (
        "Saraya al-Salam, loyal to Moqtada al-Sadr, deployed in Baghdad.",
        DATE,
        {("saraya_al_salam", "supports", "moqtada_al_sadr")},
        set(),
    ),
    (
        "The Houthis are hostile to the UAE and Saudi Arabia.",
        DATE,
        {("houthis", "opposes", "uae"), ("houthis", "opposes", "saudi_arabia")},
        set(),
    ),
    ("The Houthis are not hostile to Oman.", DATE, set(), {("houthis", "opposes", "oman")}),
    # a passive with its agent is no state of allegiance
    (
        "Hezbollah was linked to the bombing by investigators from Argentina.",
        DATE,
        set(),
        {("hezbollah", "supports", "argentina")},
    ),
    (
        "The Tehran-aligned Houthis seized a tanker.",
        DATE,
        {("houthis", "supports", "iran")},
        set(),
    ),
    (
        "The Iranian-backed Harakat al-Nujaba fired drones.",
        DATE,
        {("iran", "supports", "harakat_al_nujaba")},
        set(),
    ),
    (
        "The pro-Iranian Asaib Ahl al-Haq won seats.",
        DATE,
        {("asaib_ahl_al_haq", "supports", "iran")},
        set(),
    ),
    (
        "The anti-American Harakat al-Nujaba rallied in Baghdad.",
        DATE,
        {("harakat_al_nujaba", "opposes", "us")},
        {("harakat_al_nujaba", "supports", "us")},
    ),
]


def _check(extract, text: str, date: str, found: set[Triple], refused: set[Triple]) -> None:
    triples = extract(text, date=date)
    assert found <= triples, f"missing {found - triples}; read {triples}"
    assert not refused & triples, f"forbidden {refused & triples}"


@pytest.mark.parametrize(("text", "date", "found", "refused"), MEMBERSHIP)
def test_membership(extract, text, date, found, refused):
    _check(extract, text, date, found, refused)


@pytest.mark.parametrize(("text", "date", "found", "refused"), LEADERSHIP)
def test_leadership(extract, text, date, found, refused):
    _check(extract, text, date, found, refused)


@pytest.mark.parametrize(("text", "date", "found", "refused"), APPOSITIONS)
def test_appositions_and_roles(extract, text, date, found, refused):
    _check(extract, text, date, found, refused)


@pytest.mark.parametrize(("text", "date", "found", "refused"), MODIFIERS)
def test_modifiers(extract, text, date, found, refused):
    _check(extract, text, date, found, refused)
