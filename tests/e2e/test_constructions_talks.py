"""Talks, withdrawal demands, threats of readiness and leadership beyond a cue verb's own
object, run through the real pipeline.

Each row: (text, date, triples that must be found, triples that must NOT be found). The sentences
are written for these tests; the actor ids come from data/kb/*.yaml. Every construction has a
positive row and a forbidden one (negation, the cue word in a sense that names no relation).
"""

from __future__ import annotations

import pytest

Triple = tuple[str, str, str]
Row = tuple[str, str, set[Triple], set[Triple]]

DATE = "2024-03-01"

# Settling a deal's terms: "agreed on a framework", "settled on a timetable".
SETTLING: list[Row] = [
    (
        "Syria and Turkey agreed on a framework for the return of refugees.",
        DATE,
        {("syria", "negotiates", "turkey")},
        set(),
    ),
    (
        "Qatar and Turkey have settled on a timetable for the reconstruction fund.",
        DATE,
        {("qatar", "negotiates", "turkey")},
        set(),
    ),
    (
        "Syria agreed on a schedule with Turkey for the handover of the crossing.",
        DATE,
        {("syria", "negotiates", "turkey")},
        set(),
    ),
    (
        "Syria and Turkey agreed that the border was unsafe.",
        DATE,
        set(),
        {("syria", "negotiates", "turkey")},
    ),
    (
        "Syria and Turkey have not agreed on a framework.",
        DATE,
        set(),
        {("syria", "negotiates", "turkey")},
    ),
]

# Talks named beside what an actor does: "after a conversation with Y", "including
# consultations with Y".
TALKS_BESIDE: list[Row] = [
    (
        "Erdogan posted the statement after a phone conversation with Sudani.",
        DATE,
        {("recep_tayyip_erdogan", "negotiates", "mohammed_shia_al_sudani")},
        set(),
    ),
    (
        "Ankara took several steps, including consultations with Baghdad, to calm the border.",
        DATE,
        {("turkey", "negotiates", "iraq")},
        set(),
    ),
    (
        "Hezbollah fired rockets after the talks with Israel were cancelled.",
        DATE,
        set(),
        {("hezbollah", "negotiates", "israel")},
    ),
    (
        "Israel struck Gaza after Egypt's talks with Hamas.",
        DATE,
        {("egypt", "negotiates", "hamas")},
        {("israel", "negotiates", "hamas")},
    ),
]

# A host of talks between two sides takes part in them (the mediation rule).
HOSTING: list[Row] = [
    (
        "Oman hosted talks between Iran and the United States in Muscat.",
        DATE,
        {("oman", "negotiates", "iran"), ("oman", "negotiates", "us")},
        set(),
    ),
    (
        "Oman did not host talks between Iran and the United States.",
        DATE,
        set(),
        {("oman", "negotiates", "iran"), ("oman", "negotiates", "us")},
    ),
]

# A nationality on the departure names who leaves: "the American withdrawal"; "telling X to
# pull back" orders X out; a pronoun told to leave must be a foreign force.
WITHDRAWAL: list[Row] = [
    (
        "The deal meets Baghdad's demand for a clear timetable for the American withdrawal.",
        DATE,
        {("iraq", "demands_withdrawal", "us")},
        set(),
    ),
    (
        "The Houthis demanded the American departure from the region.",
        DATE,
        {("houthis", "demands_withdrawal", "us")},
        set(),
    ),
    (
        "The Iraqi withdrawal from Kuwait ended the war.",
        DATE,
        set(),
        {("iraq", "demands_withdrawal", "iraq"), ("kuwait", "demands_withdrawal", "iraq")},
    ),
    (
        "The Quds Force commander flew to Erbil, telling the Peshmerga to pull back.",
        DATE,
        {("esmail_qaani", "demands_withdrawal", "peshmerga")},
        set(),
    ),
    (
        "The commander told reporters that the Peshmerga would pull back.",
        DATE,
        set(),
        {("esmail_qaani", "demands_withdrawal", "peshmerga")},
    ),
    (
        "American troops stayed at the base. Prime Minister Sudani urged them to pull out.",
        DATE,
        {("mohammed_shia_al_sudani", "demands_withdrawal", "us_military")},
        set(),
    ),
    (
        "Iraqi protesters stormed the Green Zone. Prime Minister Sudani urged them to pull out.",
        DATE,
        set(),
        {("mohammed_shia_al_sudani", "demands_withdrawal", "iraqi_protesters")},
    ),
    (
        "The Houthis did not demand the American departure.",
        DATE,
        set(),
        {("houthis", "demands_withdrawal", "us")},
    ),
]

# Leadership: "X and Y, who heads it", "X and the man who leads it, Y", a misparsed "heads".
LEADERSHIP: list[Row] = [
    (
        "Washington sanctioned Badr Organization and Hadi al-Amiri, who heads it as secretary "
        "general.",
        DATE,
        {("hadi_al_amiri", "leads", "badr_organization")},
        set(),
    ),
    (
        "Washington sanctioned Kataib Hezbollah and the man who leads it, Abu Fadak "
        "al-Mohammadawi, last year.",
        DATE,
        {("abu_fadak", "leads", "kataib_hezbollah")},
        set(),
    ),
    (
        "Washington sanctioned Kataib Hezbollah and Abu Fadak al-Mohammadawi, who funds it.",
        DATE,
        set(),
        {("abu_fadak", "leads", "kataib_hezbollah")},
    ),
    (
        "Washington sanctioned Kataib Hezbollah and Abu Fadak al-Mohammadawi, who does not "
        "lead it.",
        DATE,
        set(),
        {("abu_fadak", "leads", "kataib_hezbollah")},
    ),
    (
        "Qais al-Khazali heads Asaib Ahl al-Haq, also known as the League of the Righteous.",
        DATE,
        {("qais_al_khazali", "leads", "asaib_ahl_al_haq")},
        {("asaib_ahl_al_haq", "leads", "qais_al_khazali")},
    ),
]

# Talks beside a message's writing: "condemned X in a post, written after a conversation with
# Y" (the writer talked with Y); who drew up a plan is not said.
TALKS_IN_A_MESSAGE: list[Row] = [
    (
        "Masrour Barzani condemned the shelling in a statement written after a phone call "
        "with Erdogan.",
        DATE,
        {("masrour_barzani", "negotiates", "recep_tayyip_erdogan")},
        set(),
    ),
    (
        "Masrour Barzani denounced what he called the aggression in a post on X, written after "
        "a conversation with Erdogan.",
        DATE,
        {("masrour_barzani", "negotiates", "recep_tayyip_erdogan")},
        set(),
    ),
    (
        "Hezbollah rejected a plan drawn up after talks with Israel.",
        DATE,
        set(),
        {("hezbollah", "negotiates", "israel")},
    ),
    (
        "Masrour Barzani condemned the shelling in a statement written before a phone call "
        "with Erdogan.",
        DATE,
        set(),
        {("masrour_barzani", "negotiates", "recep_tayyip_erdogan")},
    ),
]

# Talks named as what a relative clause's subjects hold or conduct.
TALKS_HELD: list[Row] = [
    (
        "Doha welcomed the negotiations that Israel and Hamas have been conducting.",
        DATE,
        {("israel", "negotiates", "hamas")},
        set(),
    ),
    (
        "Oman praised the talks Iran has been holding with Saudi Arabia.",
        DATE,
        {("iran", "negotiates", "saudi_arabia")},
        {("oman", "negotiates", "iran")},
    ),
    (
        "Doha welcomed the negotiations that Israel and Hamas never held.",
        DATE,
        set(),
        {("israel", "negotiates", "hamas")},
    ),
    (
        "Hamas rejected the truce that Egypt and Qatar proposed.",
        DATE,
        set(),
        {("egypt", "negotiates", "qatar")},
    ),
]

# Talks by telephone with the partner hung on the telephone ("spoke by telephone with Y");
# messages or prisoners exchanged.
BY_TELEPHONE: list[Row] = [
    (
        "Erdogan spoke by telephone with Pezeshkian on Friday.",
        DATE,
        {("recep_tayyip_erdogan", "negotiates", "masoud_pezeshkian")},
        set(),
    ),
    (
        "Erdogan talked by phone with Pezeshkian about the border.",
        DATE,
        {("recep_tayyip_erdogan", "negotiates", "masoud_pezeshkian")},
        set(),
    ),
    (
        "Erdogan has not spoken by telephone with Pezeshkian since the election.",
        DATE,
        set(),
        {("recep_tayyip_erdogan", "negotiates", "masoud_pezeshkian")},
    ),
    (
        "Tehran and Washington exchanged messages through Oman.",
        DATE,
        {("iran", "negotiates", "us")},
        set(),
    ),
    (
        "Hezbollah swapped prisoners with Israel in 2008.",
        DATE,
        {("hezbollah", "negotiates", "israel")},
        {("hezbollah", "strikes", "israel")},
    ),
    (
        "Israel and Hezbollah exchanged fire across the border.",
        DATE,
        set(),
        {("israel", "negotiates", "hezbollah")},
    ),
    (
        "Iran and the US never exchanged messages.",
        DATE,
        set(),
        {("iran", "negotiates", "us")},
    ),
]

# Readiness declared for force is a threat, not an attack: "stood ready to strike X".
READINESS: list[Row] = [
    (
        "The Houthis said they stood ready to carry out strikes on Saudi oil facilities.",
        DATE,
        {("houthis", "threatens", "saudi_arabia")},
        {("houthis", "strikes", "saudi_arabia")},
    ),
    (
        "Hezbollah said it was prepared to attack Israel if the war widened.",
        DATE,
        {("hezbollah", "threatens", "israel")},
        {("hezbollah", "strikes", "israel")},
    ),
    (
        "Hezbollah is not ready to attack Israel.",
        DATE,
        set(),
        {("hezbollah", "threatens", "israel"), ("hezbollah", "strikes", "israel")},
    ),
    (
        "Iran stands ready to help the Iraqi government.",
        DATE,
        {("iran", "supports", "iraq")},
        {("iran", "threatens", "iraq")},
    ),
    (
        "Israel said Hezbollah was ready to attack it.",
        DATE,
        set(),
        {("israel", "threatens", "israel"), ("hezbollah", "strikes", "israel")},
    ),
    (
        "Tehran said it was ready for talks with Washington.",
        DATE,
        {("iran", "negotiates", "us")},
        set(),
    ),
    (
        "Iran is not ready for talks with the United States.",
        DATE,
        set(),
        {("iran", "negotiates", "us")},
    ),
    (
        "Hezbollah says it is ready for war with Israel.",
        DATE,
        {("hezbollah", "threatens", "israel")},
        {("hezbollah", "strikes", "israel")},
    ),
]

# An order with a penalty threatens the one ordered ("pull back or be overrun", "or face Y").
ULTIMATUMS: list[Row] = [
    (
        "The IDF commander toured the border, telling Hezbollah to pull back or be crushed.",
        DATE,
        {("idf", "threatens", "hezbollah"), ("idf", "demands_withdrawal", "hezbollah")},
        {("hezbollah", "threatens", "idf")},
    ),
    (
        "Israel told Hamas to surrender or face annihilation.",
        DATE,
        {("israel", "threatens", "hamas")},
        {("hamas", "threatens", "israel")},
    ),
    (
        "The IDF ordered Hezbollah to withdraw from the border or be destroyed.",
        DATE,
        {("idf", "threatens", "hezbollah"), ("idf", "demands_withdrawal", "hezbollah")},
        set(),
    ),
    (
        "Israel demanded that Hezbollah disarm or face attack.",
        DATE,
        {("israel", "threatens", "hezbollah")},
        set(),
    ),
    (
        "Israel did not tell Hamas to surrender or face annihilation.",
        DATE,
        set(),
        {("israel", "threatens", "hamas")},
    ),
    (
        "Israel told Hamas to release the hostages or negotiate.",
        DATE,
        set(),
        {("israel", "threatens", "hamas")},
    ),
    (
        "Hezbollah told its fighters to hold their positions or be killed.",
        DATE,
        set(),
        {("hezbollah", "threatens", "hezbollah")},
    ),
]

# A concessive or causal clause keeps its own polarity: a pledge under "even though" is made
# even when the main clause only seems so.
ASSERTED_CLAUSES: list[Row] = [
    (
        "The truce seems to leave the Gaza leadership free, even though Israeli officials had "
        "pledged to destroy Hamas.",
        DATE,
        {("israel", "threatens", "hamas")},
        set(),
    ),
    (
        "The truce seems to leave Hezbollah armed because Israel might strike it later.",
        DATE,
        set(),
        {("israel", "strikes", "hezbollah"), ("israel", "threatens", "hezbollah")},
    ),
    (
        "The deal appears to hold, although the Houthis may attack Saudi Arabia again.",
        DATE,
        set(),
        {("houthis", "strikes", "saudi_arabia")},
    ),
]

# A call or visit received from Y is talking with Y.
TALKS_RECEIVED: list[Row] = [
    (
        "Sudani received a phone call from Blinken.",
        DATE,
        {("mohammed_shia_al_sudani", "negotiates", "antony_blinken")},
        set(),
    ),
    (
        "Assad received a visit from Araghchi on Sunday.",
        DATE,
        {("bashar_al_assad", "negotiates", "abbas_araghchi")},
        set(),
    ),
    (
        "Sudani did not receive a call from Blinken.",
        DATE,
        set(),
        {("mohammed_shia_al_sudani", "negotiates", "antony_blinken")},
    ),
    (
        "Sudani received a request from Blinken.",
        DATE,
        set(),
        {("mohammed_shia_al_sudani", "negotiates", "antony_blinken")},
    ),
]

# Calling on X to leave, setting a deadline for X's departure.
DEMANDED_DEPARTURES: list[Row] = [
    (
        "The Iraqi parliament called on US troops to leave.",
        DATE,
        {("iraqi_parliament", "demands_withdrawal", "us_military")},
        set(),
    ),
    (
        "Sadr did not call on the coalition to withdraw.",
        DATE,
        set(),
        {("moqtada_al_sadr", "demands_withdrawal", "global_coalition")},
    ),
    (
        "Sadr called on his followers to leave the square.",
        DATE,
        set(),
        {("moqtada_al_sadr", "demands_withdrawal", "moqtada_al_sadr")},
    ),
    (
        "Sudani set a deadline for the departure of coalition troops.",
        DATE,
        {("mohammed_shia_al_sudani", "demands_withdrawal", "global_coalition")},
        set(),
    ),
    (
        "Sudani proposed a timetable for the withdrawal of US forces.",
        DATE,
        {("mohammed_shia_al_sudani", "demands_withdrawal", "us_military")},
        set(),
    ),
    (
        "Sudani rejected a timetable for the withdrawal of US forces.",
        DATE,
        set(),
        {("mohammed_shia_al_sudani", "demands_withdrawal", "us_military")},
    ),
    (
        "Sudani did not set a deadline for the departure of coalition troops.",
        DATE,
        set(),
        {("mohammed_shia_al_sudani", "demands_withdrawal", "global_coalition")},
    ),
    (
        "Kataib Hezbollah gave the Americans 48 hours to leave Iraq.",
        DATE,
        {("kataib_hezbollah", "demands_withdrawal", "us")},
        set(),
    ),
    (
        "Sadr gave US forces a deadline to leave.",
        DATE,
        {("moqtada_al_sadr", "demands_withdrawal", "us_military")},
        set(),
    ),
    (
        "Israel gave the Palestinians 24 hours to leave the north.",
        DATE,
        set(),
        {("israel", "demands_withdrawal", "palestinians")},
    ),
    (
        "The UN gave Iraq two weeks to reply.",
        DATE,
        set(),
        {("united_nations", "demands_withdrawal", "iraq")},
    ),
]

# Declaring what one will do by force is a threat, not an attack; vowing to avenge an act
# threatens its doer.
DECLARED_THREATS: list[Row] = [
    (
        "The Houthis said they would target any American warship in the Red Sea.",
        DATE,
        {("houthis", "threatens", "us")},
        {("houthis", "strikes", "us")},
    ),
    (
        "Hezbollah announced that its fighters will strike Israeli bases.",
        DATE,
        {("hezbollah", "threatens", "israel")},
        {("hezbollah", "strikes", "israel")},
    ),
    (
        "The Houthis said they had targeted an American warship.",
        DATE,
        {("houthis", "strikes", "us")},
        {("houthis", "threatens", "us")},
    ),
    (
        "The Houthis said they would not target American warships.",
        DATE,
        set(),
        {("houthis", "threatens", "us"), ("houthis", "strikes", "us")},
    ),
    (
        "Hezbollah said it would help the Lebanese army.",
        DATE,
        {("hezbollah", "supports", "lebanese_armed_forces")},
        {("hezbollah", "threatens", "lebanese_armed_forces")},
    ),
    (
        "Hezbollah has promised to avenge the killing of its commander by Israel.",
        DATE,
        {("hezbollah", "threatens", "israel")},
        {("israel", "threatens", "hezbollah")},
    ),
    (
        "Kataib Hezbollah vowed revenge for the US strike that killed its leaders.",
        DATE,
        {("kataib_hezbollah", "threatens", "us")},
        set(),
    ),
    (
        "Hezbollah vowed not to avenge the killing of its commander by Israel.",
        DATE,
        set(),
        {("hezbollah", "threatens", "israel")},
    ),
    (
        "Tehran vowed to respond to the Israeli strike on its consulate.",
        DATE,
        {("iran", "threatens", "israel")},
        {("israel", "threatens", "iran")},
    ),
    (
        "The Houthis warned of a crushing response to any American attack.",
        DATE,
        {("houthis", "threatens", "us")},
        {("houthis", "strikes", "us")},
    ),
    (
        "Iran vowed to respond to the letter from Washington.",
        DATE,
        set(),
        {("iran", "threatens", "us")},
    ),
]

# Insisting on a departure demands it; a departure reported in the past is no demand.
INSISTED: list[Row] = [
    (
        "Hamas insisted on a full Israeli withdrawal from Gaza.",
        DATE,
        {("hamas", "demands_withdrawal", "israel")},
        set(),
    ),
    (
        "Sadr insisted that US forces leave Iraq.",
        DATE,
        {("moqtada_al_sadr", "demands_withdrawal", "us_military")},
        set(),
    ),
    (
        "Sadr insisted that US forces had left Iraq.",
        DATE,
        set(),
        {("moqtada_al_sadr", "demands_withdrawal", "us_military")},
    ),
    (
        "Hamas did not insist on an Israeli withdrawal.",
        DATE,
        set(),
        {("hamas", "demands_withdrawal", "israel")},
    ),
    (
        "Lebanon demanded an end to the Israeli occupation of the south.",
        DATE,
        {("lebanon", "demands_withdrawal", "israel")},
        set(),
    ),
    (
        "Damascus called for an end to the Turkish deployment in Idlib.",
        DATE,
        {("syria", "demands_withdrawal", "turkey")},
        set(),
    ),
    (
        "Lebanon did not demand an end to the Israeli occupation.",
        DATE,
        set(),
        {("lebanon", "demands_withdrawal", "israel")},
    ),
]

# A trip for talks with Y, mediators named by their nation, talks a third side facilitates.
TRIPS_AND_MEDIATORS: list[Row] = [
    (
        "Israeli negotiators traveled to Doha for talks with Hamas.",
        DATE,
        {("israel", "negotiates", "hamas")},
        set(),
    ),
    (
        "Hamas refused to travel to Cairo for talks with Israel.",
        DATE,
        set(),
        {("hamas", "negotiates", "israel")},
    ),
    (
        "Hezbollah thanked Iran for talks with Saudi Arabia.",
        DATE,
        set(),
        {("hezbollah", "negotiates", "saudi_arabia")},
    ),
    (
        "Qatari mediators met Hamas leaders in Doha.",
        DATE,
        {("qatar", "negotiates", "hamas")},
        set(),
    ),
    (
        "Oman facilitated talks between Iran and the United States.",
        DATE,
        {("oman", "negotiates", "iran"), ("oman", "negotiates", "us")},
        set(),
    ),
]


def _check(extract, text: str, date: str, found: set[Triple], refused: set[Triple]) -> None:
    got = extract(text, date)
    assert found <= got, f"missing {found - got}; got {got}"
    assert not (refused & got), f"forbidden {refused & got}"


@pytest.mark.parametrize(("text", "date", "found", "refused"), SETTLING)
def test_settling_terms_is_negotiating(extract, text, date, found, refused):
    _check(extract, text, date, found, refused)


@pytest.mark.parametrize(("text", "date", "found", "refused"), TALKS_BESIDE)
def test_talks_beside_an_act_are_the_actors(extract, text, date, found, refused):
    _check(extract, text, date, found, refused)


@pytest.mark.parametrize(("text", "date", "found", "refused"), HOSTING)
def test_the_host_of_talks_negotiates_with_both_sides(extract, text, date, found, refused):
    _check(extract, text, date, found, refused)


@pytest.mark.parametrize(("text", "date", "found", "refused"), WITHDRAWAL)
def test_a_nationality_on_the_departure_leaves(extract, text, date, found, refused):
    _check(extract, text, date, found, refused)


@pytest.mark.parametrize(("text", "date", "found", "refused"), LEADERSHIP)
def test_leadership_of_the_joined_group(extract, text, date, found, refused):
    _check(extract, text, date, found, refused)


@pytest.mark.parametrize(("text", "date", "found", "refused"), TALKS_IN_A_MESSAGE)
def test_talks_before_writing_a_message_are_the_writers(extract, text, date, found, refused):
    _check(extract, text, date, found, refused)


@pytest.mark.parametrize(("text", "date", "found", "refused"), TALKS_HELD)
def test_talks_a_relative_clause_holds(extract, text, date, found, refused):
    _check(extract, text, date, found, refused)


@pytest.mark.parametrize(("text", "date", "found", "refused"), BY_TELEPHONE)
def test_talks_by_telephone_with_a_partner(extract, text, date, found, refused):
    _check(extract, text, date, found, refused)


@pytest.mark.parametrize(("text", "date", "found", "refused"), READINESS)
def test_readiness_for_force_is_a_threat(extract, text, date, found, refused):
    _check(extract, text, date, found, refused)


@pytest.mark.parametrize(("text", "date", "found", "refused"), ULTIMATUMS)
def test_an_order_with_a_penalty_is_a_threat(extract, text, date, found, refused):
    _check(extract, text, date, found, refused)


@pytest.mark.parametrize(("text", "date", "found", "refused"), ASSERTED_CLAUSES)
def test_a_concessive_clause_keeps_its_own_polarity(extract, text, date, found, refused):
    _check(extract, text, date, found, refused)


@pytest.mark.parametrize(("text", "date", "found", "refused"), TALKS_RECEIVED)
def test_a_call_received_is_talking(extract, text, date, found, refused):
    _check(extract, text, date, found, refused)


@pytest.mark.parametrize(("text", "date", "found", "refused"), DEMANDED_DEPARTURES)
def test_calling_on_a_force_to_leave_and_setting_its_deadline(extract, text, date, found, refused):
    _check(extract, text, date, found, refused)


@pytest.mark.parametrize(("text", "date", "found", "refused"), DECLARED_THREATS)
def test_declared_force_and_vowed_revenge_are_threats(extract, text, date, found, refused):
    _check(extract, text, date, found, refused)


@pytest.mark.parametrize(("text", "date", "found", "refused"), INSISTED)
def test_insisting_on_a_departure_demands_it(extract, text, date, found, refused):
    _check(extract, text, date, found, refused)


@pytest.mark.parametrize(("text", "date", "found", "refused"), TRIPS_AND_MEDIATORS)
def test_trips_for_talks_and_mediators(extract, text, date, found, refused):
    _check(extract, text, date, found, refused)
