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


# Phrasal and prepositional verbs of force; a cue word in another sense gives nothing.
FORCE: list[Row] = [
    ("The SDF took on ISIS east of the Euphrates.", DATE, {("sdf", "strikes", "isis")}, set()),
    ("Iraq took on debt from Iran in 2023.", DATE, set(), {("iraq", "strikes", "iran")}),
    (
        "The Iraqi army took on a larger role alongside Iran.",
        DATE,
        set(),
        {("iraqi_army", "strikes", "iran"), ("iraq", "strikes", "iran")},
    ),
    (
        "Israeli forces went after Hamas commanders in Rafah.",
        DATE,
        {("idf", "strikes", "hamas")},
        set(),
    ),
    # "after" opening a time phrase is no target
    (
        "Blinken went to Doha after Cairo.",
        DATE,
        set(),
        {("antony_blinken", "strikes", "egypt")},
    ),
    (
        "Hezbollah struck back at Israel within hours.",
        DATE,
        {("hezbollah", "strikes", "israel")},
        set(),
    ),
    (
        "Jordan arrested a Hamas commander in Amman.",
        DATE,
        {("jordan", "strikes", "hamas")},
        set(),
    ),
    (
        "Iran hit a record for oil exports to China.",
        DATE,
        set(),
        {("iran", "strikes", "china")},
    ),
    # a relative clause fighting a remnant fights the remnant's whole, not its antecedent
    (
        "The Syrian Democratic Forces, which are fighting what remains of the Islamic State, "
        "detained six men.",
        DATE,
        {("sdf", "strikes", "isis")},
        {("sdf", "strikes", "sdf")},
    ),
    # a remnant stands for its whole as the target of force
    (
        "The SDF is battling the remnants of the Islamic State near Hasakah.",
        DATE,
        {("sdf", "strikes", "isis")},
        {("isis", "strikes", "sdf")},
    ),
    (
        "The SDF kept up its fight against the rest of the Islamic State in the desert.",
        DATE,
        {("sdf", "strikes", "isis")},
        set(),
    ),
    (
        "The Houthis praised the rest of the Axis of Resistance.",
        DATE,
        set(),
        {("houthis", "strikes", "axis_of_resistance")},
    ),
    # hostage-taking and abduction
    (
        "Hezbollah held two Israeli soldiers hostage for years.",
        DATE,
        {("hezbollah", "strikes", "israel")},
        {("israel", "strikes", "hezbollah")},
    ),
    (
        "Hamas did not take any Israeli soldiers hostage, its spokesman said.",
        DATE,
        set(),
        {("hamas", "strikes", "israel")},
    ),
    (
        "Houthi gunmen grabbed two UN employees outside their office in Sanaa.",
        DATE,
        {("houthis", "strikes", "united_nations")},
        set(),
    ),
    (
        "Hezbollah gunmen grabbed the headlines with the raid.",
        DATE,
        set(),
        {("hezbollah", "strikes", "hezbollah")},
    ),
    # fighting alongside a partner without naming the enemy: the enemy the partner was just
    # said to fight (one enemy, a strike not denied)
    (
        "The Syrian army launched an offensive to retake Idlib from HTS. Hezbollah fought "
        "alongside the Syrian army.",
        DATE,
        {("hezbollah", "strikes", "hts")},
        {("hts", "strikes", "hezbollah")},
    ),
    (
        "The Syrian army launched an offensive to retake Idlib from HTS. Fighting alongside "
        "the Syrian army are several groups, among them Hezbollah and Harakat Hezbollah "
        "al-Nujaba.",
        DATE,
        {("hezbollah", "strikes", "hts"), ("harakat_al_nujaba", "strikes", "hts")},
        set(),
    ),
    (
        "The Syrian army launched an offensive to retake Idlib from HTS. The Syrian army "
        "denied attacking HTS. Hezbollah fought alongside the Syrian army.",
        DATE,
        set(),
        {("hezbollah", "strikes", "hts")},
    ),
    (
        "The Syrian army attacked HTS and the SDF. Hezbollah fought alongside the Syrian army.",
        DATE,
        set(),
        {("hezbollah", "strikes", "hts"), ("hezbollah", "strikes", "sdf")},
    ),
    (
        "The Syrian army launched an offensive to retake Idlib from HTS. Hezbollah vowed to "
        "fight alongside the Syrian army.",
        DATE,
        set(),
        {("hezbollah", "strikes", "hts")},
    ),
    # an effort's infinitive the parser hangs on the clause's verb is the effort owner's act
    (
        "A Russian general has taken a front-line role in the SDF's drive to recapture Raqqa "
        "from the Islamic State.",
        DATE,
        {("sdf", "strikes", "isis")},
        set(),
    ),
    # force planned or prepared is opposition, not a strike (GUIDELINES)
    (
        "Israel plans to strike Hezbollah depots in the Bekaa.",
        DATE,
        {("israel", "opposes", "hezbollah")},
        {("israel", "strikes", "hezbollah")},
    ),
    (
        "The IDF is preparing to attack Hamas in Rafah.",
        DATE,
        {("idf", "opposes", "hamas")},
        {("idf", "strikes", "hamas")},
    ),
    (
        "Turkey's plan to retake Tal Rifaat from the SDF was shelved.",
        DATE,
        set(),
        {("turkey", "strikes", "sdf")},
    ),
    (
        "Israel has no plans to strike Iraq, its envoy said.",
        DATE,
        set(),
        {("israel", "strikes", "iraq"), ("israel", "opposes", "iraq")},
    ),
    # a crushed revolt stands for those who rose; weapons fired by X stand for X
    (
        "Israel crushed the Palestinian uprising in 1988.",
        DATE,
        {("israel", "strikes", "palestinians")},
        {("palestinians", "strikes", "israel")},
    ),
    (
        "Saddam Hussein crushed the uprising of the Kurds in 1991.",
        DATE,
        {("saddam_hussein", "strikes", "iraqi_kurds")},
        set(),
    ),
    (
        "Hamas hailed the Palestinian uprising.",
        DATE,
        set(),
        {("hamas", "strikes", "palestinians")},
    ),
    (
        "Rockets fired by Hezbollah hit an Israeli army base.",
        DATE,
        {("hezbollah", "strikes", "idf")},
        set(),
    ),
    (
        "US forces killed Qassem Soleimani in Baghdad. Iraqi troops have long fought alongside "
        "US forces.",
        DATE,
        {("iraqi_security_forces", "supports", "us_military")},
        {("iraqi_security_forces", "strikes", "qassem_soleimani")},
    ),
    # an invasion said without its object: the one other state the sentence names
    (
        "Russian troops, which invaded in 2022, still hold land that Ukraine claims.",
        DATE,
        {("russian_armed_forces", "strikes", "ukraine")},
        {("ukraine", "strikes", "russian_armed_forces")},
    ),
    (
        "The US, which invaded in 2003, now courts both Iraq and Iran.",
        DATE,
        set(),
        {("us", "strikes", "iraq"), ("us", "strikes", "iran")},
    ),
    (
        "Turkish forces, which never invaded, stayed on the Syrian side of the border.",
        DATE,
        set(),
        {("turkish_armed_forces", "strikes", "syria")},
    ),
    (
        "Russia threatened to invade, Ukraine said.",
        DATE,
        set(),
        {("russia", "strikes", "ukraine")},
    ),
    # the parser may hang an event's relative clause on its date
    (
        "Protests grew in the wake of an Israeli airstrike in March 2024 that killed two "
        "Kataib Hezbollah commanders near Damascus.",
        DATE,
        {("israel", "strikes", "kataib_hezbollah")},
        set(),
    ),
    (
        "Hamas condemned the talks in March that gave Israel more time.",
        DATE,
        set(),
        {("hamas", "strikes", "israel")},
    ),
    # an infinitive under a verb with an object: the object fights, or it is only asked to
    (
        "The Iraqi government invited US forces to help battle the Islamic State.",
        DATE,
        {("us_military", "strikes", "isis"), ("iraq", "supports", "us_military")},
        {("iraq", "strikes", "isis")},
    ),
    (
        "Baghdad asked Tehran to help fight the Islamic State.",
        DATE,
        set(),
        {("iraq", "strikes", "isis"), ("iran", "strikes", "isis")},
    ),
    # planning for an offensive is not one
    (
        "The IDF is preparing for a ground offensive against Hamas in Rafah.",
        DATE,
        {("idf", "opposes", "hamas")},
        {("idf", "strikes", "hamas")},
    ),
    # a weapon's participle is its owner's act; weapons that slam into or are lobbed at
    (
        "The Israeli military intercepted a Houthi missile fired at Israeli warships.",
        DATE,
        {("houthis", "strikes", "israeli_navy")},
        {("israel", "strikes", "houthis"), ("idf", "strikes", "houthis")},
    ),
    (
        "Missiles fired at Israel were intercepted over the Golan.",
        DATE,
        set(),
        {("israel", "strikes", "israel")},
    ),
    (
        "A Hezbollah anti-tank missile slammed into an Israeli army base.",
        DATE,
        {("hezbollah", "strikes", "idf")},
        set(),
    ),
    (
        "Houthi militants lobbed mortars at Saudi troops near Jizan.",
        DATE,
        {("houthis", "strikes", "saudi_armed_forces")},
        set(),
    ),
    # a definite event as the subject stands for the earlier event's agent
    (
        "Israeli jets struck southern Lebanon overnight. The strikes targeted Hezbollah "
        "weapons depots.",
        DATE,
        {("idf", "strikes", "hezbollah")},
        {("hezbollah", "strikes", "idf")},
    ),
    (
        "Israeli jets struck southern Lebanon overnight. The strikes did not hit Hezbollah "
        "positions.",
        DATE,
        set(),
        {("idf", "strikes", "hezbollah")},
    ),
    # a stretch of land is not the state
    (
        "US jets struck a depot. The strike hit the Syrian side of the border.",
        DATE,
        set(),
        {("us", "strikes", "syria"), ("us_military", "strikes", "syria")},
    ),
    # force still to come: a threat by the one who says it, a forecast by anyone else
    (
        "Iran said it would attack Israel if provoked.",
        DATE,
        {("iran", "threatens", "israel")},
        {("iran", "strikes", "israel")},
    ),
    (
        "US officials said Iran would attack Israel within days.",
        DATE,
        set(),
        {("iran", "strikes", "israel"), ("iran", "threatens", "israel")},
    ),
    # trained or armed to fight: the fighting is not said to be done
    (
        "Kataib Hezbollah fighters were trained to attack US bases.",
        DATE,
        set(),
        {("kataib_hezbollah", "strikes", "us")},
    ),
    (
        "Iran trained the Houthis to attack Saudi Arabia.",
        DATE,
        {("iran", "supports", "houthis")},
        {("houthis", "strikes", "saudi_arabia"), ("iran", "strikes", "saudi_arabia")},
    ),
    # an event that names its own target is a new one, not the one said before
    (
        "Hezbollah attacked the Golan Heights. The attack on Baghdad airport killed Soleimani.",
        DATE,
        set(),
        {("hezbollah", "strikes", "qassem_soleimani")},
    ),
    # force wished for is opposition; force one stands ready to use is a threat
    (
        "Israel wants to strike Iranian nuclear sites, officials said.",
        DATE,
        {("israel", "opposes", "iran")},
        {("israel", "strikes", "iran")},
    ),
    (
        "Hezbollah is ready to strike Israel, Nasrallah said.",
        DATE,
        {("hezbollah", "threatens", "israel")},
        {("hezbollah", "strikes", "israel")},
    ),
    (
        "Kataib Hezbollah's missiles stood ready to carry out strikes on US bases.",
        DATE,
        {("kataib_hezbollah", "threatens", "us")},
        {("kataib_hezbollah", "strikes", "us")},
    ),
    (
        "Iran tried to attack Israel with drones.",
        DATE,
        {("iran", "strikes", "israel")},
        set(),
    ),
    (
        "The Syrian army plans to attack HTS in Idlib. Hezbollah fought alongside the Syrian army.",
        DATE,
        set(),
        {("hezbollah", "strikes", "hts")},
    ),
    # a clash over a topic between sides not all armed is a quarrel
    (
        "Sadr clashed with Maliki over the budget.",
        DATE,
        {("moqtada_al_sadr", "opposes", "nouri_al_maliki")},
        {("moqtada_al_sadr", "strikes", "nouri_al_maliki")},
    ),
    (
        "Iran and the United States clashed over the nuclear file at the IAEA.",
        DATE,
        set(),
        {("iran", "strikes", "us")},
    ),
    (
        "Hamas fighters clashed with Israeli troops over the weekend.",
        DATE,
        {("hamas", "strikes", "idf")},
        set(),
    ),
    (
        "The Iraqi army and the Peshmerga clashed over Kirkuk.",
        DATE,
        {("iraqi_army", "strikes", "peshmerga")},
        set(),
    ),
    # weapons turned against someone strike them; turning against someone is opposition
    (
        "Russian forces were turning their warplanes against HTS and the SDF, he said.",
        DATE,
        {("russian_armed_forces", "strikes", "hts"), ("russian_armed_forces", "strikes", "sdf")},
        {("russian_armed_forces", "opposes", "hts")},
    ),
    (
        "The Sadrists turned against Maliki after the vote.",
        DATE,
        {("sadrist_movement", "opposes", "nouri_al_maliki")},
        {("sadrist_movement", "strikes", "nouri_al_maliki")},
    ),
    # an agentless passive of force takes the one striker its sentence told of before it
    (
        "Israel answered with strikes of its own: three Hezbollah commanders were killed in "
        "Tyre, and Hezbollah depots were bombed in the Bekaa.",
        DATE,
        {("israel", "strikes", "hezbollah")},
        {("hezbollah", "strikes", "israel")},
    ),
    (
        "Israel denied striking the camp, but Hamas positions were hit overnight.",
        DATE,
        set(),
        {("israel", "strikes", "hamas")},
    ),
    (
        "Israel and Hezbollah both fired rockets, and Hamas positions were hit overnight.",
        DATE,
        set(),
        {("israel", "strikes", "hamas"), ("hezbollah", "strikes", "hamas")},
    ),
]

# Support: working alongside an actor; depending on an actor is being supported by it.
SUPPORT: list[Row] = [
    (
        "The Peshmerga worked alongside US forces against ISIS.",
        DATE,
        {("peshmerga", "supports", "us_military")},
        set(),
    ),
    (
        "Hezbollah depends on Iran.",
        DATE,
        {("iran", "supports", "hezbollah")},
        {("hezbollah", "supports", "iran")},
    ),
    (
        "The Houthis, who rely heavily on Iran for missiles, fired at a tanker.",
        DATE,
        {("iran", "supports", "houthis")},
        set(),
    ),
    (
        "Hamas counts on Qatar for money.",
        DATE,
        {("qatar", "supports", "hamas")},
        set(),
    ),
    ("It depends on Iran.", DATE, set(), {("iran", "supports", "iran")}),
    (
        "Hezbollah does not rely on Iran.",
        DATE,
        set(),
        {("iran", "supports", "hezbollah")},
    ),
]

# Opposition: "pushed back against X"; a stance noun names its owner ("decried Israel's
# conduct"), a stance noun without an owner names no one.
OPPOSITION: list[Row] = [
    ("Iraq pushed back against Washington.", DATE, {("iraq", "opposes", "us")}, set()),
    ("Iraq pushed back the vote by a week.", DATE, set(), {("iraq", "opposes", "iraq")}),
    ("Qatar decried Israel's conduct in Gaza.", DATE, {("qatar", "opposes", "israel")}, set()),
    ("Egypt welcomed Iraq's decision.", DATE, {("egypt", "supports", "iraq")}, set()),
    (
        "Egypt condemned the ceasefire plan.",
        DATE,
        set(),
        {("egypt", "opposes", "egypt")},
    ),
    (
        "Jordan did not criticise Israel's actions.",
        DATE,
        set(),
        {("jordan", "opposes", "israel")},
    ),
]

# Withdrawal idioms: "bring the mission to a close", "send the troops home", "pull its forces
# out" asked of the leaver; no one demands that their own side leave.
WITHDRAWAL: list[Row] = [
    (
        "Baghdad wants to bring the US military mission to an end.",
        DATE,
        {("iraq", "demands_withdrawal", "us_military")},
        set(),
    ),
    (
        "Biden decided to bring the US military mission to a close.",
        DATE,
        set(),
        {("joe_biden", "demands_withdrawal", "us_military")},
    ),
    (
        "Qatar brought the Hamas talks to a close.",
        DATE,
        set(),
        {("qatar", "demands_withdrawal", "hamas")},
    ),
    (
        "Sadr wants to send the Americans home.",
        DATE,
        {("moqtada_al_sadr", "demands_withdrawal", "us")},
        set(),
    ),
    (
        "Iran sent its envoy home.",
        DATE,
        set(),
        {("iran", "demands_withdrawal", "iran")},
    ),
    (
        "Lebanon asked Israel to pull its troops out.",
        DATE,
        {("lebanon", "demands_withdrawal", "israel")},
        set(),
    ),
    (
        "Turkey withdrew its troops from Syria.",
        DATE,
        set(),
        {("turkey", "demands_withdrawal", "turkey"), ("syria", "demands_withdrawal", "turkey")},
    ),
]


@pytest.mark.parametrize(
    ("text", "date", "found", "refused"), FORCE + SUPPORT + OPPOSITION + WITHDRAWAL
)
def test_verb_constructions(extract, text, date, found, refused):
    triples = extract(text, date)
    assert found <= triples, triples
    assert not refused & triples, triples
