"""Reading an actor across a document: a name the text defines, as an abbreviation ("Sinjar
Resistance Units (YBS) ... YBS") or after "known as"; name spellings of the Arabic press
("Kata'ib Imam Ali") and a family name alone ("al-Abbasi", also after an unknown namesake);
"they" after "he and his delegation"; "the advancing troops" after "Iraqi troops"; a definite
noun that is the body, place or person named before with that word ("the State Department
... the department", "al-Asad Air Base ... the base", "the cleric Moqtada al-Sadr ... the
cleric"); an object "it" inside a relative clause and a reported "its"; "his group" for the
group the person is in; "a militia backed by Iran" for the collective the knowledge base keeps
for Iran's groups; "four Iraqis" for persons, not Iraq; and "troops from X and Y" for both.
Each row: (text, date, triples that must be found, triples that must NOT be found); the
sentences are written for these tests."""

from __future__ import annotations

import pytest

from graphx.extraction.documents import Document

Triple = tuple[str, str, str]
Row = tuple[str, str, set[Triple], set[Triple]]

DATE = "2024-03-01"
UNITS = "provisional:sinjar_resistance_units"

ABBREVIATIONS: list[Row] = [
    # a known group's short form, unknown to the knowledge base, named by the text
    (
        "Kata'ib al-Imam Ali (KIA) joined the offensive on Monday. Washington accused KIA of "
        "attacking US forces in Syria.",
        DATE,
        {("us", "opposes", "kataib_imam_ali"), ("kataib_imam_ali", "strikes", "us_military")},
        {("us", "opposes", "provisional:kia"), ("provisional:kia", "strikes", "us_military")},
    ),
    # an unknown group's short form is the one provisional actor, not a second one
    (
        "The Sinjar Resistance Units (YBS) clashed with the Iraqi army on Monday. Turkey later "
        "bombed YBS positions.",
        DATE,
        {(UNITS, "strikes", "iraqi_army"), ("turkey", "strikes", UNITS)},
        {("turkey", "strikes", "provisional:ybs")},
    ),
    # a parenthesis after a name that is no abbreviation defines nothing
    (
        "Kataib Hezbollah (in Iraq) fired rockets at Israel. Later, in Iraq, Israel struck back.",
        DATE,
        {("kataib_hezbollah", "strikes", "israel")},
        {("israel", "strikes", "kataib_hezbollah"), ("israel", "strikes", "iraq")},
    ),
]

KNOWN_AS: list[Row] = [
    # the name given after "known as" is the actor for the rest of the document, so "he"
    # after it is still that person
    (
        "Kataib Hezbollah's leader, Ahmad al-Hamidawi, known as Abu Hussein, spoke on Monday. "
        "Abu Hussein condemned the United States.",
        "2023-10-18",
        {("ahmad_al_hamidawi", "opposes", "us")},
        {("provisional:abu_hussein", "opposes", "us")},
    ),
    # "a group known as X" gives the group's name, not the person's
    (
        "Hassan Nasrallah met Ahmad al-Hamidawi, the leader of a group known as the Brigade of "
        "Martyrs, on Monday.",
        "2023-10-18",
        {("hassan_nasrallah", "negotiates", "ahmad_al_hamidawi")},
        {("hassan_nasrallah", "negotiates", "provisional:brigade_of_martyrs")},
    ),
]

SURNAMES: list[Row] = [
    # a person unknown to the knowledge base, named later by family name alone
    (
        "Iraqi Defense Minister Thabet al-Abbasi spoke on Sunday. Later al-Abbasi condemned the "
        "Islamic State.",
        "2024-09-08",
        {("provisional:thabet_al_abbasi", "opposes", "isis")},
        {("provisional:al_abbasi", "opposes", "isis")},
    ),
]

PLURAL_NOUNS: list[Row] = [
    # "the advancing troops" are the troops named just before, and "fighters belonging to the
    # KDP" are the KDP's
    (
        "Peshmerga fighters left the city ahead of the entry of Iraqi troops. Some fighters "
        "belonging to the KDP attacked the advancing troops, however.",
        "2017-10-20",
        {("kdp", "strikes", "iraqi_security_forces")},
        {("peshmerga", "strikes", "iraqi_security_forces")},
    ),
    # "the militants" are the ones an earlier noun said whose they were
    (
        "American jets struck Islamic State (IS) militants on Friday. The Pentagon said the "
        "militants had been firing rockets at Peshmerga fighters.",
        "2014-08-08",
        {("isis", "strikes", "peshmerga")},
        {("us_military", "strikes", "peshmerga"), ("pentagon", "strikes", "peshmerga")},
    ),
    # ... but not troops named three sentences back
    (
        "Iraqi troops entered Kirkuk in October. The city was calm. Markets opened on Monday. "
        "Schools reopened a week later. Then the KDP attacked the troops.",
        "2017-10-20",
        set(),
        {("kdp", "strikes", "iraqi_security_forces")},
    ),
]

NAMESAKES: list[Row] = [
    # a family name alone after an unknown namesake is the namesake, not the known person
    (
        "Mahdi al-Ameri, a member of parliament, spoke on Monday. Later al-Ameri condemned "
        "the United States.",
        "2025-01-01",
        {("provisional:mahdi_al_ameri", "opposes", "us")},
        {("hadi_al_amiri", "opposes", "us")},
    ),
    # ... unless the known person was named in full first
    (
        "Qais al-Khazali and Laith al-Khazali spoke on Monday. Later al-Khazali condemned the "
        "United States.",
        "2025-01-01",
        {("qais_al_khazali", "opposes", "us")},
        {("provisional:laith_al_khazali", "opposes", "us")},
    ),
]

COORDINATED_THEY: list[Row] = [
    # "they" after a coordinated subject is the ones coordinated, not a group named before
    (
        "Coalition troops left the base on Monday. Thabet al-Abbasi spoke on Sunday. He and his "
        "delegation were surprised when they met Lloyd Austin.",
        "2024-09-08",
        {("provisional:thabet_al_abbasi", "negotiates", "lloyd_austin")},
        {("global_coalition", "negotiates", "lloyd_austin")},
    ),
]

SPELLINGS: list[Row] = [
    # the apostrophe and the article dropped: still the group the base lists
    (
        "Kataib Imam Ali fighters shelled Islamic State positions near Tikrit.",
        DATE,
        {("kataib_imam_ali", "strikes", "isis")},
        set(),
    ),
    (
        "Harakat al Nujaba vowed to attack American forces in Iraq.",
        DATE,
        {("harakat_al_nujaba", "threatens", "us_military")},
        {("us_military", "threatens", "harakat_al_nujaba")},
    ),
]

DEFINITE_NOUNS: list[Row] = [
    # "the department" is the department named before
    (
        "The State Department spoke on Monday. The department designated the Houthis a "
        "terrorist organization on Friday.",
        DATE,
        {("state_department", "opposes", "houthis")},
        set(),
    ),
    # "a department spokesperson" speaks for the department named before, and "the
    # spokesperson" after it too
    (
        "The State Department spoke on Friday. A department spokesperson said the sanctions "
        "would continue. The spokesperson accused Iran of destabilizing the region.",
        DATE,
        {("state_department", "opposes", "iran")},
        set(),
    ),
    # ... but "a militia commander" is not the militia named last
    (
        "Kataib Hezbollah fired rockets on Friday. A militia commander condemned Israel.",
        DATE,
        set(),
        {("kataib_hezbollah", "opposes", "israel")},
    ),
    # another head word is another body
    (
        "The State Department spoke on Monday. The ministry condemned the Houthis on Friday.",
        DATE,
        set(),
        {("state_department", "opposes", "houthis")},
    ),
    # "the state" is never the Islamic State
    (
        "The Islamic State lost Raqqa in 2017. The state condemned Hezbollah on Friday.",
        DATE,
        set(),
        {("isis", "opposes", "hezbollah")},
    ),
    # "the base" is the base named before, and stands for its occupant as a target only
    (
        "Drones struck al-Asad Air Base on Monday. Kataib Hezbollah claimed the assault on the "
        "base.",
        "2024-01-20",
        {("kataib_hezbollah", "strikes", "us_military")},
        set(),
    ),
    (
        "Drones struck al-Asad Air Base on Monday. The base fired back at Kataib Hezbollah.",
        "2024-01-20",
        set(),
        {("us_military", "strikes", "kataib_hezbollah")},
    ),
    # a person is "the cleric" the text called him
    (
        "The populist cleric Moqtada al-Sadr returned to Najaf on Monday. The cleric has "
        "condemned the United States.",
        DATE,
        {("moqtada_al_sadr", "opposes", "us")},
        set(),
    ),
    # ... and "the commander" is the one described as the commander, not the nearest person
    (
        "Moqtada al-Sadr met Hadi al-Amiri, the Badr commander, on Monday. The commander "
        "condemned the United States.",
        DATE,
        {("hadi_al_amiri", "opposes", "us")},
        {("moqtada_al_sadr", "opposes", "us")},
    ),
]

OBJECT_IT: list[Row] = [
    # "who heads it": the group named before the relative clause's own antecedent
    (
        "Washington designated Kataib Hezbollah in 2009 and later sanctioned Abu Fadak "
        "al-Mohammedawi, who heads it.",
        DATE,
        {("abu_fadak", "leads", "kataib_hezbollah")},
        {("abu_fadak", "leads", "us")},
    ),
    # an object "it" is never its own clause's subject
    (
        "Kataib Hezbollah struck the base and destroyed it.",
        DATE,
        set(),
        {("kataib_hezbollah", "strikes", "kataib_hezbollah")},
    ),
]

PERSONS_GROUPS: list[Row] = [
    # "his group" is the one group the person is in, not the person
    (
        "Qais al-Khazali was released in 2010. After his release, his group fired rockets at "
        "the US embassy.",
        DATE,
        {("asaib_ahl_al_haq", "strikes", "us_embassy_baghdad")},
        {("qais_al_khazali", "strikes", "us_embassy_baghdad")},
    ),
    # ... while "his fighters" are the person's men
    (
        "Qais al-Khazali was released in 2010. After his release, his fighters fired rockets at "
        "the US embassy.",
        DATE,
        {("qais_al_khazali", "strikes", "us_embassy_baghdad")},
        set(),
    ),
]

BACKED_COLLECTIVES: list[Row] = [
    # an unnamed group described by its backer is the backer's collective
    (
        "A militia in Iraq backed by Iran said it had fired a drone at US forces.",
        "2023-11-01",
        {
            ("iran", "supports", "iran_backed_militias"),
            ("iran_backed_militias", "strikes", "us_military"),
        },
        set(),
    ),
    (
        "US troops were attacked by militias that Iran sponsors.",
        "2023-11-01",
        {("iran_backed_militias", "strikes", "us_military")},
        set(),
    ),
    # ... a backer without a collective of its own, or a denied backing, gives none
    (
        "A militia backed by Turkey shelled Kurdish fighters in Afrin.",
        DATE,
        set(),
        {("iran_backed_militias", "strikes", "kurds")},
    ),
    (
        "Militias that Iran does not sponsor attacked US troops.",
        "2023-11-01",
        set(),
        {
            ("iran_backed_militias", "strikes", "us_military"),
            ("iran", "supports", "iran_backed_militias"),
        },
    ),
]

COUNTED_PEOPLE: list[Row] = [
    # counted nationals are persons: sanctioning them is no stance toward their state
    (
        "The United States imposed sanctions on four Iraqis and on Kataib Hezbollah.",
        "2019-12-06",
        {("us", "opposes", "kataib_hezbollah")},
        {("us", "opposes", "iraq")},
    ),
    (
        "Washington sanctioned several Iranians on Friday.",
        "2019-12-06",
        set(),
        {("us", "opposes", "iran")},
    ),
    # ... while the nation's name for its people still stands for it
    (
        "The Americans struck Kataib Hezbollah on Sunday.",
        "2019-12-06",
        {("us", "strikes", "kataib_hezbollah")},
        set(),
    ),
]

COORDINATED_OWNERS: list[Row] = [
    # "troops from X and Y" are the troops of each
    (
        "Some 30,000 troops from the Iraqi army and the Kurdish Peshmerga attacked the Islamic "
        "State on Monday.",
        "2016-10-17",
        {("iraqi_army", "strikes", "isis"), ("peshmerga", "strikes", "isis")},
        {("iraqi_army", "strikes", "peshmerga")},
    ),
]

REPORTED_ITS: list[Row] = [
    # "its" in the object of a reported attack is the reporter's, not the attacker's own
    (
        "The Syrian Democratic Forces said Turkish drones killed three of its fighters.",
        DATE,
        {("turkey", "strikes", "sdf")},
        {("turkey", "strikes", "turkey")},
    ),
    # ... only in an attack: "agreed that the coalition would end its mission" is its own
    (
        "Iraq and the United States agreed that the coalition would end its mission in 2025.",
        DATE,
        set(),
        {("iraq", "demands_withdrawal", "us"), ("us", "demands_withdrawal", "iraq")},
    ),
    # ... while the attacker's own positions stay its own
    (
        "Israel said Hezbollah attacked US forces from its positions in Lebanon.",
        DATE,
        {("hezbollah", "strikes", "us_military")},
        {("israel", "strikes", "us_military")},
    ),
]

CASES = [
    pytest.param(*row, id=f"{family}: {row[0][:60]}")
    for family, rows in (
        ("abbreviation", ABBREVIATIONS),
        ("known as", KNOWN_AS),
        ("surname", SURNAMES),
        ("namesake", NAMESAKES),
        ("coordinated they", COORDINATED_THEY),
        ("plural noun", PLURAL_NOUNS),
        ("spelling", SPELLINGS),
        ("definite noun", DEFINITE_NOUNS),
        ("object it", OBJECT_IT),
        ("a person's group", PERSONS_GROUPS),
        ("backed collective", BACKED_COLLECTIVES),
        ("counted people", COUNTED_PEOPLE),
        ("coordinated owners", COORDINATED_OWNERS),
        ("reported its", REPORTED_ITS),
    )
    for row in rows
]


@pytest.mark.parametrize(("text", "date", "expected", "forbidden"), CASES)
def test_document_coreference(extractor, text, date, expected, forbidden):
    found = {
        (r.source.actor.id, r.relation, r.target.actor.id)
        for r in extractor.extract(Document(id="t", text=text, source="test", date=date))
        if not r.negated
    }
    assert expected <= found, f"missing {expected - found}; found {found}"
    assert not forbidden & found, f"forbidden {forbidden & found}"
