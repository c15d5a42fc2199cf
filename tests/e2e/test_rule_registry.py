"""The rule registry's table: for every registered rule, sentences it must read (the triple
found BY THAT RULE) and sentences where it must read nothing (negation, denial, a cue word in a
sense that names no relation). The sentences are written for these tests.

A rule without a row of each kind fails `test_every_rule_has_a_positive_and_a_forbidden_row`,
so adding a construction means adding its declaration, its function and its rows here."""

from __future__ import annotations

import pytest

from graphx.extraction.documents import Document

Triple = tuple[str, str, str]
Row = tuple[str, str, set[Triple], set[Triple]]

DATE = "2024-03-01"

RULE_TABLE: dict[str, list[Row]] = {
    "verb": [
        ("Iran armed the Houthis for years.", DATE, {("iran", "supports", "houthis")}, set()),
        ("Iran did not arm the Houthis.", DATE, set(), {("iran", "supports", "houthis")}),
        (
            "The Houthis fired missiles at Israel on Sunday.",
            DATE,
            {("houthis", "strikes", "israel")},
            {("israel", "strikes", "houthis")},
        ),
    ],
    "participle": [
        (
            "Fighters of Kataib Hezbollah trained by Iran crossed the border.",
            DATE,
            {("iran", "supports", "kataib_hezbollah")},
            set(),
        ),
        (
            "A convoy attacked near Hezbollah positions burned for hours.",
            DATE,
            set(),
            {("hezbollah", "strikes", "hezbollah")},
        ),
    ],
    "verb-passive": [
        (
            "The US embassy was attacked by Kataib Hezbollah.",
            DATE,
            {("kataib_hezbollah", "strikes", "us_embassy_baghdad")},
            set(),
        ),
        (
            "Hamas was not backed by Turkey, the minister said.",
            DATE,
            set(),
            {("turkey", "supports", "hamas")},
        ),
    ],
    "labelling": [
        (
            "The Houthis called the United States a source of evil.",
            DATE,
            {("houthis", "opposes", "us")},
            set(),
        ),
        (
            "Trump spoke on Friday. He called Soleimani, revered as a national hero at home, "
            '"the world\'s top terrorist".',
            "2020-01-08",
            {("donald_trump", "opposes", "qassem_soleimani")},
            set(),
        ),
        (
            "The Houthis called the United States a source of weapons.",
            DATE,
            set(),
            {("houthis", "opposes", "us")},
        ),
        (
            "The Houthis called the United States an enemy of Islam.",
            DATE,
            {("houthis", "opposes", "us")},
            set(),
        ),
        ("The minister called Qatar a partner.", DATE, set(), {("iraq", "opposes", "qatar")}),
    ],
    "demand-removal": [
        (
            "Parliament voted to expel US troops from Iraq.",
            DATE,
            {("iraqi_parliament", "votes_against", "us_military")},
            set(),
        ),
        (
            "Parliament refused to expel US troops.",
            DATE,
            set(),
            {("iraqi_parliament", "votes_against", "us_military")},
        ),
    ],
    "demand-leave": [
        (
            "Moqtada al-Sadr demanded that US forces leave Iraq.",
            DATE,
            {("moqtada_al_sadr", "demands_withdrawal", "us_military")},
            set(),
        ),
        (
            "US forces withdrew troops from the base, officials said.",
            DATE,
            set(),
            {("us_military", "demands_withdrawal", "us_military")},
        ),
    ],
    "demand-out": [
        (
            "Kataib Hezbollah wants US forces out of Iraq.",
            DATE,
            {("kataib_hezbollah", "demands_withdrawal", "us_military")},
            set(),
        ),
        (
            "Kataib Hezbollah wants US forces to stay.",
            DATE,
            set(),
            {("kataib_hezbollah", "demands_withdrawal", "us_military")},
        ),
    ],
    "demand-noun": [
        (
            "Lawmakers loyal to Hadi al-Amiri called for the withdrawal of US forces.",
            DATE,
            {("hadi_al_amiri", "demands_withdrawal", "us_military")},
            set(),
        ),
        (
            "The withdrawal of US forces was completed in 2011.",
            DATE,
            set(),
            {("us_military", "demands_withdrawal", "us_military")},
        ),
    ],
    "noun": [
        (
            "Israel's strikes on Hezbollah continued overnight.",
            DATE,
            {("israel", "strikes", "hezbollah")},
            set(),
        ),
        (
            "Iran's support for Hamas grew after the war began.",
            DATE,
            {("iran", "supports", "hamas")},
            set(),
        ),
        (
            "There was no Israeli strike on Hezbollah that night.",
            DATE,
            set(),
            {("israel", "strikes", "hezbollah")},
        ),
    ],
    "mutual": [
        # the sides of talks named by the relative clause that holds them (Reader.noun_owner)
        (
            "Doha welcomed the negotiations that Israel and Hamas have been conducting.",
            DATE,
            {("israel", "negotiates", "hamas")},
            set(),
        ),
        (
            "Doha welcomed the negotiations that Israel and Hamas never held.",
            DATE,
            set(),
            {("israel", "negotiates", "hamas")},
        ),
        (
            "Talks between Iran and Saudi Arabia resumed in Baghdad.",
            DATE,
            {("iran", "negotiates", "saudi_arabia")},
            set(),
        ),
        (
            "Iran rejected talks with Saudi Arabia.",
            DATE,
            set(),
            {("iran", "negotiates", "saudi_arabia")},
        ),
    ],
    "responsibility": [
        (
            "Kataib Hezbollah claimed responsibility for the attack on US forces.",
            DATE,
            {("kataib_hezbollah", "strikes", "us_military")},
            set(),
        ),
        (
            "Kataib Hezbollah denied responsibility for the attack on US forces.",
            DATE,
            set(),
            {("kataib_hezbollah", "strikes", "us_military")},
        ),
    ],
    "prefix": [
        # the noun two modifiers share is two forces: the Iraqi ones are not US-led
        (
            "The gunmen ended a confrontation with American-led and Iraqi troops.",
            DATE,
            set(),
            {("us", "leads", "iraqi_security_forces")},
        ),
        ("Iran-backed militias shelled the base.", DATE, set(), set()),
        ("The Iran-backed Houthis fired drones.", DATE, {("iran", "supports", "houthis")}, set()),
        (
            "The US-led coalition struck ISIS.",
            DATE,
            set(),
            {("us", "supports", "us_led_coalition")},
        ),
    ],
    "polarity": [
        ("Pro-Iran factions in parliament blocked the vote.", DATE, set(), set()),
        (
            "The anti-American Kataib Hezbollah threatened the embassy.",
            DATE,
            {("kataib_hezbollah", "opposes", "us")},
            set(),
        ),
        ("Anti-aircraft fire over Baghdad was heard.", DATE, set(), {("iraq", "opposes", "iraq")}),
    ],
    "adjective": [
        (
            "Kataib Hezbollah, a militia close to Iran, denied the report.",
            DATE,
            {("kataib_hezbollah", "supports", "iran")},
            set(),
        ),
        (
            "Kataib Hezbollah is not close to Iran, its spokesman claimed.",
            DATE,
            set(),
            {("kataib_hezbollah", "supports", "iran")},
        ),
    ],
    "role": [
        (
            "Hezbollah is Iran's closest ally in Lebanon.",
            DATE,
            {("hezbollah", "supports", "iran")},
            set(),
        ),
        (
            "Hezbollah is no ally of Saudi Arabia.",
            DATE,
            set(),
            {("hezbollah", "supports", "saudi_arabia")},
        ),
    ],
    "title": [
        (
            "Prime Minister Mohammed Shia al-Sudani met the envoy.",
            DATE,
            {("mohammed_shia_al_sudani", "leads", "iraq")},
            set(),
        ),
        (
            "Former Prime Minister Nouri al-Maliki met the envoy.",
            DATE,
            set(),
            {("nouri_al_maliki", "leads", "iraq")},
        ),
        # a title alone is its holder on the date, leading the body it names ...
        (
            "The Quds Force chief visited Baghdad on Monday.",
            "2021-11-08",
            {("esmail_qaani", "leads", "quds_force")},
            {("qassem_soleimani", "leads", "quds_force")},
        ),
        # ... but a state's title alone says nothing of who held it when the story happened
        (
            "The Iraqi prime minister visited Tehran on Monday.",
            "2021-11-08",
            set(),
            {("mustafa_al_kadhimi", "leads", "iraq")},
        ),
    ],
    "accusation": [
        (
            "Washington charged that Kataib Hezbollah had shelled US troops.",
            DATE,
            {("us", "opposes", "kataib_hezbollah")},
            set(),
        ),
        (
            "Washington said Kataib Hezbollah had not attacked US troops.",
            DATE,
            set(),
            {("us", "opposes", "kataib_hezbollah")},
        ),
    ],
    "reciprocal": [
        (
            "Iran and Saudi Arabia met in Baghdad.",
            DATE,
            {("iran", "negotiates", "saudi_arabia")},
            set(),
        ),
        (
            "Israel and Hezbollah traded fire across the border.",
            DATE,
            {("israel", "strikes", "hezbollah")},
            set(),
        ),
        (
            "Iran and Saudi Arabia did not meet in Baghdad.",
            DATE,
            set(),
            {("iran", "negotiates", "saudi_arabia")},
        ),
        (
            "Israel and Hezbollah traded accusations.",
            DATE,
            set(),
            {("israel", "strikes", "hezbollah")},
        ),
    ],
    "possessed-unit": [
        (
            "The Quds Force of the Revolutionary Guards armed the Houthis.",
            DATE,
            {("quds_force", "part_of", "irgc")},
            set(),
        ),
        ("Iran's Quds Force armed the Houthis.", DATE, set(), {("quds_force", "part_of", "iran")}),
    ],
    "event-antecedent": [
        (
            "Turkish drones hit PKK camps in northern Iraq. Baghdad condemned the strikes.",
            DATE,
            {("iraq", "opposes", "turkey")},
            set(),
        ),
        (
            "Turkish drones hit PKK camps in northern Iraq. The raids drew condemnation from "
            "Baghdad.",
            DATE,
            {("iraq", "opposes", "turkey")},
            set(),
        ),
        (
            "Turkish drones did not hit PKK camps in northern Iraq. Baghdad condemned the strikes.",
            DATE,
            set(),
            {("iraq", "opposes", "turkey")},
        ),
    ],
    "pledge": [
        (
            "Hezbollah threatened to shell Israeli positions.",
            DATE,
            {("hezbollah", "threatens", "israel")},
            {("hezbollah", "strikes", "israel")},
        ),
        (
            "Hezbollah never threatened to attack Israel.",
            DATE,
            set(),
            {("hezbollah", "threatens", "israel")},
        ),
    ],
    "dependence": [
        (
            "The Houthis depend on Iran for drones.",
            DATE,
            {("iran", "supports", "houthis")},
            {("houthis", "supports", "iran")},
        ),
        ("It all depends on Hezbollah.", DATE, set(), {("hezbollah", "supports", "hezbollah")}),
    ],
    "members-include": [
        (
            "The Coordination Framework includes the Fatah Alliance and State of Law.",
            DATE,
            {("fatah_alliance", "part_of", "coordination_framework")},
            set(),
        ),
        (
            "The Islamic Resistance in Iraq, whose members do not include Hezbollah, claimed it.",
            DATE,
            set(),
            {("hezbollah", "part_of", "islamic_resistance_in_iraq")},
        ),
    ],
    "under-command": [
        (
            "Kataib Hezbollah falls under the command of the Quds Force.",
            DATE,
            {("quds_force", "leads", "kataib_hezbollah")},
            set(),
        ),
        (
            "Kataib Hezbollah did not fall under the command of the Quds Force.",
            DATE,
            set(),
            {("quds_force", "leads", "kataib_hezbollah")},
        ),
    ],
    "inner-name": [
        (
            "Militias backed by Iran fired rockets at the embassy.",
            DATE,
            {("iran", "supports", "iran_backed_militias")},
            set(),
        ),
        (
            "Groups loyal to Iran shelled the base.",
            DATE,
            {("iran_backed_militias", "supports", "iran")},
            set(),
        ),
        (
            "Mr. Sadr's faction walked out of parliament.",
            DATE,
            set(),
            {("sadrist_movement", "part_of", "moqtada_al_sadr")},
        ),
    ],
    "listing": [
        (
            "Britain placed Hezbollah on its sanctions list.",
            DATE,
            {("uk", "opposes", "hezbollah")},
            set(),
        ),
        (
            "Iraq added Iran to its list of trading partners.",
            DATE,
            set(),
            {("iraq", "opposes", "iran")},
        ),
    ],
    "demand-stop": [
        (
            "Saudi Arabia called on Iran to halt its support for the Houthis.",
            DATE,
            {("saudi_arabia", "opposes", "iran")},
            set(),
        ),
        ("Qatar urged Hamas to continue the talks.", DATE, set(), {("qatar", "opposes", "hamas")}),
    ],
    "claim-rejection": [
        (
            "Hezbollah brushed aside Israel's threats.",
            DATE,
            {("hezbollah", "opposes", "israel")},
            set(),
        ),
        ("Iran did not dismiss American allegations.", DATE, set(), {("iran", "opposes", "us")}),
    ],
    "accusing-claim": [
        (
            "Israeli allegations that Hezbollah hid rockets in villages were dismissed.",
            DATE,
            {("israel", "opposes", "hezbollah")},
            set(),
        ),
        (
            "Israel's claim that Hezbollah is weak surprised analysts.",
            DATE,
            set(),
            {("israel", "opposes", "hezbollah")},
        ),
    ],
    "aimed-at": [
        (
            "Israel's anger is aimed at Hezbollah.",
            DATE,
            {("israel", "opposes", "hezbollah")},
            set(),
        ),
        ("Iran aimed its missiles at Israel.", DATE, set(), {("iran", "opposes", "israel")}),
    ],
    "slogans": [
        (
            "The Sadrists chanted slogans hostile to Iran.",
            DATE,
            {("sadrist_movement", "opposes", "iran")},
            set(),
        ),
        (
            "Protesters chanted slogans in support of Moqtada al-Sadr.",
            DATE,
            set(),
            {("iraqi_protesters", "opposes", "moqtada_al_sadr")},
        ),
    ],
    "consequence": [
        (
            "Iran warned that Israel would pay a heavy price.",
            DATE,
            {("iran", "threatens", "israel")},
            set(),
        ),
        ("Iran said Israel paid a heavy price.", DATE, set(), {("iran", "threatens", "israel")}),
    ],
    "mediation": [
        (
            "Under a deal mediated by Qatar, Hamas agreed to release hostages.",
            DATE,
            {("qatar", "negotiates", "hamas")},
            set(),
        ),
        (
            "Egypt did not broker the truce between Israel and Hamas.",
            DATE,
            set(),
            {("egypt", "negotiates", "israel")},
        ),
    ],
    "pledged-punishment": [
        (
            "Trump vowed to slap new sanctions on Iran.",
            DATE,
            {("donald_trump", "threatens", "iran")},
            set(),
        ),
        (
            "Biden vowed not to slap sanctions on Iraq.",
            DATE,
            set(),
            {("joe_biden", "threatens", "iraq")},
        ),
    ],
    "co-target": [
        (
            "The Treasury designated Kataib Hezbollah in 2021, along with Qais al-Khazali.",
            DATE,
            {("us_treasury", "opposes", "qais_al_khazali")},
            set(),
        ),
        (
            "Britain sanctioned Hamas in 2021, along with France.",
            DATE,
            set(),
            {("uk", "opposes", "france")},
        ),
    ],
    "giving": [
        (
            "Iran gave money and drones to the Houthis.",
            DATE,
            {("iran", "supports", "houthis")},
            set(),
        ),
        ("Iran gave a speech to the Houthis.", DATE, set(), {("iran", "supports", "houthis")}),
    ],
    "asked-to-stay": [
        (
            "The Syrian government asked Russia to remain.",
            DATE,
            {("syria", "supports", "russia")},
            set(),
        ),
        ("Syria asked Russia to leave.", DATE, set(), {("syria", "supports", "russia")}),
    ],
    "shared-object": [
        (
            "Hezbollah officers went to Yemen to train and advise the Houthis.",
            DATE,
            {("hezbollah", "supports", "houthis")},
            set(),
        ),
        (
            "Hezbollah officers did not train and advise the Houthis.",
            DATE,
            set(),
            {("hezbollah", "supports", "houthis")},
        ),
    ],
    "alongside-against": [
        (
            "Hezbollah fought alongside the Syrian army against the Islamic State.",
            DATE,
            {("syrian_government", "strikes", "isis")},
            set(),
        ),
        (
            "Hezbollah has not fought alongside the Syrian army against the Islamic State.",
            DATE,
            set(),
            {("syrian_government", "strikes", "isis")},
        ),
    ],
    "answered-with": [
        (
            "Israel responded with airstrikes on Hezbollah.",
            DATE,
            {("israel", "strikes", "hezbollah")},
            set(),
        ),
        (
            "Hezbollah threatened to respond with strikes on Israel.",
            DATE,
            set(),
            {("hezbollah", "strikes", "israel")},
        ),
    ],
    "took-part": [
        (
            "The Badr Organization played a key role in the offensive against the Islamic State.",
            DATE,
            {("badr_organization", "strikes", "isis")},
            set(),
        ),
        (
            "The Badr Organization denied taking part in the attack on the Islamic State.",
            DATE,
            set(),
            {("badr_organization", "strikes", "isis")},
        ),
    ],
    "own-support-behind": [
        (
            "Hezbollah threw its support behind the Lebanese government.",
            DATE,
            {("hezbollah", "supports", "lebanon")},
            set(),
        ),
        (
            "Hezbollah did not throw its support behind the Lebanese government.",
            DATE,
            set(),
            {("hezbollah", "supports", "lebanon")},
        ),
    ],
    "inverted-subject": [
        (
            "Fighting alongside the Syrian army are several militias, among them Hezbollah.",
            DATE,
            {("hezbollah", "supports", "syrian_government")},
            set(),
        ),
        (
            "Fighting alongside the Syrian army was never an option for Hezbollah.",
            DATE,
            set(),
            {("hezbollah", "supports", "syrian_government")},
        ),
    ],
    "ballot": [
        (
            "The Lebanese parliament approved the cabinet of Najib Mikati.",
            DATE,
            {("lebanese_parliament", "supports", "najib_mikati")},
            set(),
        ),
        (
            "Iranian lawmakers voted against the nuclear deal with the United States.",
            DATE,
            {("majlis", "votes_against", "us")},
            {("majlis", "negotiates", "us")},
        ),
        (
            "Michel Aoun approved the cabinet of Najib Mikati.",
            DATE,
            set(),
            {("michel_aoun", "supports", "najib_mikati")},
        ),
    ],
    "law": [
        ("The Knesset passed a law banning UNRWA.", DATE, {("knesset", "opposes", "unrwa")}, set()),
        (
            "The Knesset postponed the vote on a bill banning UNRWA.",
            DATE,
            set(),
            {("knesset", "opposes", "unrwa")},
        ),
    ],
    "legal-status": [
        (
            "The Majlis voted to give full legal status to the Basij.",
            DATE,
            {("majlis", "supports", "basij")},
            set(),
        ),
        (
            "Parliament refused to give legal status to the Popular Mobilization Forces.",
            DATE,
            set(),
            {("iraqi_parliament", "supports", "pmf")},
        ),
    ],
    "confidence": [
        (
            "The Lebanese parliament withdrew confidence from Najib Mikati.",
            DATE,
            {("lebanese_parliament", "votes_against", "najib_mikati")},
            set(),
        ),
        (
            "The Lebanese parliament postponed the confidence vote on Mikati's cabinet.",
            DATE,
            set(),
            {("lebanese_parliament", "supports", "najib_mikati")},
        ),
    ],
    "in-protest": [
        (
            "The Lebanese Forces party boycotted the session in protest against Hezbollah.",
            DATE,
            {("lebanese_forces_party", "opposes", "hezbollah")},
            set(),
        ),
        (
            "The Sadrist bloc did not boycott the session in protest against the Coordination "
            "Framework.",
            DATE,
            set(),
            {("sadrist_movement", "opposes", "coordination_framework")},
        ),
    ],
    "walkout": [
        (
            "The Sadrist bloc walked out of parliament over the nomination of Nouri al-Maliki.",
            DATE,
            {("sadrist_movement", "opposes", "nouri_al_maliki")},
            set(),
        ),
        (
            "The Lebanese Forces party walked out of the session over the weekend with Hezbollah.",
            DATE,
            set(),
            {("lebanese_forces_party", "opposes", "hezbollah")},
        ),
    ],
    "candidacy": [
        (
            "The Lebanese Forces party put forward Joseph Aoun as its candidate.",
            DATE,
            {("lebanese_forces_party", "supports", "joseph_aoun")},
            set(),
        ),
        (
            "The Lebanese Forces party did not name Joseph Aoun as its candidate.",
            DATE,
            set(),
            {("lebanese_forces_party", "supports", "joseph_aoun")},
        ),
    ],
    "agreed-on": [
        (
            "Syria and Turkey agreed on a framework for the return of refugees.",
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
    ],
    "leads-it": [
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
    ],
    "talks-beside": [
        (
            "Erdogan posted the statement after a phone conversation with Sudani.",
            DATE,
            {("recep_tayyip_erdogan", "negotiates", "mohammed_shia_al_sudani")},
            set(),
        ),
        (
            "Hezbollah fired rockets after the talks with Israel were cancelled.",
            DATE,
            set(),
            {("hezbollah", "negotiates", "israel")},
        ),
    ],
    "named-targets": [
        (
            "The Treasury sanctioned five commanders on Tuesday. Those named were Abu Fadak and "
            "Akram al-Kaabi.",
            DATE,
            {("us_treasury", "opposes", "abu_fadak"), ("us_treasury", "opposes", "akram_al_kaabi")},
            set(),
        ),
        (
            "A UN report named five commanders. Those named were Abu Fadak and Akram al-Kaabi.",
            DATE,
            set(),
            {("united_nations", "opposes", "abu_fadak")},
        ),
    ],
    "sanction-reach": [
        (
            "Britain imposed sanctions on Hamas on Monday. The penalties also cover the group's "
            "leader, Yahya Sinwar.",
            DATE,
            {("uk", "opposes", "yahya_sinwar")},
            set(),
        ),
        (
            "Britain imposed sanctions on Hamas on Monday. The penalties do not cover Yahya "
            "Sinwar.",
            DATE,
            set(),
            {("uk", "opposes", "yahya_sinwar")},
        ),
    ],
    "denial": [
        (
            "Washington said it would deny Tehran economic relief of any kind.",
            DATE,
            {("us", "opposes", "iran")},
            set(),
        ),
        (
            "Hezbollah denied that it received aid from Iran.",
            DATE,
            set(),
            {("hezbollah", "opposes", "iran"), ("iran", "supports", "hezbollah")},
        ),
    ],
    "blame-on": [
        (
            "Blinken pinned the drone attacks on Kataib Hezbollah.",
            DATE,
            {("antony_blinken", "opposes", "kataib_hezbollah")},
            set(),
        ),
        (
            "Israel pinned its hopes on Egypt.",
            DATE,
            set(),
            {("israel", "opposes", "egypt")},
        ),
    ],
    "enemy-label": [
        (
            "The Houthis vowed to confront the American aggressor.",
            DATE,
            {("houthis", "opposes", "us")},
            set(),
        ),
        (
            "Iran, an American enemy, struck Israel.",
            DATE,
            set(),
            {("us", "opposes", "iran"), ("iran", "opposes", "iran")},
        ),
    ],
    "summons": [
        (
            "Jordan summoned the Israeli ambassador over the raid.",
            DATE,
            {("jordan", "opposes", "israel")},
            set(),
        ),
        (
            "Sudani recalled the Iranian ambassador's remarks.",
            DATE,
            set(),
            {("mohammed_shia_al_sudani", "opposes", "iran")},
        ),
    ],
    "asset-freeze": [
        (
            "Britain froze Hezbollah's assets.",
            DATE,
            {("uk", "opposes", "hezbollah")},
            set(),
        ),
        (
            "The European Union did not freeze Hezbollah's assets.",
            DATE,
            set(),
            {("european_union", "opposes", "hezbollah")},
        ),
    ],
    "opposed-to": [
        (
            "The Houthis are opposed to Saudi Arabia.",
            DATE,
            {("houthis", "opposes", "saudi_arabia")},
            set(),
        ),
        (
            "The Houthis are not opposed to Saudi Arabia.",
            DATE,
            set(),
            {("houthis", "opposes", "saudi_arabia")},
        ),
    ],
    "victims": [
        (
            "Three Hezbollah fighters were killed in an Israeli strike near Tyre.",
            DATE,
            {("israel", "strikes", "hezbollah")},
            set(),
        ),
        (
            "No Hezbollah fighters were killed in the Israeli strike.",
            DATE,
            set(),
            {("israel", "strikes", "hezbollah")},
        ),
    ],
    "invaded-country": [
        (
            "Russian troops, which invaded in 2022, still hold land that Ukraine claims.",
            DATE,
            {("russian_armed_forces", "strikes", "ukraine")},
            set(),
        ),
        (
            "Iraqi forces, which invaded in 1990, were expelled by the United States.",
            DATE,
            set(),
            {("iraqi_security_forces", "strikes", "us")},
        ),
    ],
    "readiness": [
        (
            "The Houthis said they stood ready to carry out strikes on Saudi oil facilities.",
            DATE,
            {("houthis", "threatens", "saudi_arabia")},
            {("houthis", "strikes", "saudi_arabia")},
        ),
        (
            "Hezbollah is not ready to attack Israel.",
            DATE,
            set(),
            {("hezbollah", "threatens", "israel"), ("hezbollah", "strikes", "israel")},
        ),
    ],
    "passive-list": [
        (
            "The Houthis have been trained, equipped and financed by the IRGC for a decade.",
            DATE,
            {("irgc", "supports", "houthis")},
            set(),
        ),
        (
            "Hamas has never been trained, financed or armed by Qatar.",
            DATE,
            set(),
            {("qatar", "supports", "hamas")},
        ),
    ],
    "talks-held": [
        (
            "Oman praised the talks Iran has been holding with Saudi Arabia.",
            DATE,
            {("iran", "negotiates", "saudi_arabia")},
            set(),
        ),
        (
            "Oman praised the talks Iran has never held with Saudi Arabia.",
            DATE,
            set(),
            {("iran", "negotiates", "saudi_arabia")},
        ),
    ],
    "possessed-ally": [
        (
            "Russian troops and their allied Wagner mercenaries pushed into the town.",
            DATE,
            {("wagner_group", "supports", "russian_armed_forces")},
            set(),
        ),
        (
            "The Syrian army and its former allied Hezbollah fighters parted ways.",
            DATE,
            set(),
            {("hezbollah", "supports", "syrian_government")},
        ),
    ],
    "ultimatum": [
        (
            "Israel told Hamas to surrender or face annihilation.",
            DATE,
            {("israel", "threatens", "hamas")},
            {("hamas", "threatens", "israel")},
        ),
        (
            "Israel told Hamas to surrender or negotiate.",
            DATE,
            set(),
            {("israel", "threatens", "hamas")},
        ),
    ],
    "in-support-of": [
        (
            "The Houthis fired drones at Eilat in support of Hamas.",
            DATE,
            {("houthis", "supports", "hamas")},
            set(),
        ),
        (
            "Hezbollah did not open fire in support of Hamas.",
            DATE,
            set(),
            {("hezbollah", "supports", "hamas")},
        ),
    ],
    "receiving": [
        (
            "The Houthis received drones and missiles from Iran.",
            DATE,
            {("iran", "supports", "houthis")},
            {("houthis", "supports", "iran")},
        ),
        (
            "The Houthis received a letter from Saudi Arabia.",
            DATE,
            set(),
            {("saudi_arabia", "supports", "houthis")},
        ),
    ],
    "talks-received": [
        (
            "Assad received a visit from Araghchi on Sunday.",
            DATE,
            {("bashar_al_assad", "negotiates", "abbas_araghchi")},
            set(),
        ),
        (
            "Assad received a warning from Araghchi on Sunday.",
            DATE,
            set(),
            {("bashar_al_assad", "negotiates", "abbas_araghchi")},
        ),
    ],
    "with-backing": [
        (
            "Assad retook Aleppo with Russia's help.",
            DATE,
            {("russia", "supports", "bashar_al_assad")},
            set(),
        ),
        (
            "The SDF did not advance with support from the coalition.",
            DATE,
            set(),
            {("global_coalition", "supports", "sdf")},
        ),
    ],
    "idiom-owner": [
        (
            "Russia came to Assad's aid in 2015.",
            DATE,
            {("russia", "supports", "bashar_al_assad")},
            set(),
        ),
        (
            "Israel came to its own aid.",
            DATE,
            set(),
            {("israel", "supports", "israel")},
        ),
    ],
    "declared-intent": [
        (
            "The Houthis said they would target any American warship in the Red Sea.",
            DATE,
            {("houthis", "threatens", "us")},
            {("houthis", "strikes", "us")},
        ),
        (
            "The Houthis said they would not target American warships.",
            DATE,
            set(),
            {("houthis", "threatens", "us"), ("houthis", "strikes", "us")},
        ),
    ],
    "vowed-revenge": [
        (
            "Iran vowed to retaliate for the Israeli attack on its consulate.",
            DATE,
            {("iran", "threatens", "israel")},
            set(),
        ),
        (
            "Hezbollah vowed not to avenge the killing of its commander by Israel.",
            DATE,
            set(),
            {("hezbollah", "threatens", "israel")},
        ),
    ],
    "thanked-for": [
        (
            "Assad thanked Russia for the weapons.",
            DATE,
            {("russia", "supports", "bashar_al_assad")},
            set(),
        ),
        (
            "Hamas thanked Qatar for hosting the talks.",
            DATE,
            set(),
            {("qatar", "supports", "hamas")},
        ),
    ],
    "depends-on-aid": [
        (
            "Hezbollah relies heavily on Iranian funding.",
            DATE,
            {("iran", "supports", "hezbollah")},
            set(),
        ),
        (
            "Hezbollah no longer relies on Iranian money.",
            DATE,
            set(),
            {("iran", "supports", "hezbollah")},
        ),
    ],
    "mutual-allies": [
        (
            "Iran and Syria are close allies.",
            DATE,
            {("iran", "supports", "syria"), ("syria", "supports", "iran")},
            set(),
        ),
        (
            "Iran and Syria were once allies.",
            DATE,
            set(),
            {("iran", "supports", "syria"), ("syria", "supports", "iran")},
        ),
    ],
    "at-odds": [
        (
            "Hamas has long been at odds with the Palestinian Authority.",
            DATE,
            {("hamas", "opposes", "palestinian_authority")},
            set(),
        ),
        (
            "Hamas is no longer at odds with Egypt.",
            DATE,
            set(),
            {("hamas", "opposes", "egypt")},
        ),
    ],
}


CASES = [
    pytest.param(rule, *row, id=f"{rule}: {row[0]}")
    for rule, rows in RULE_TABLE.items()
    for row in rows
]


@pytest.fixture(scope="module")
def readings(extractor):
    """(source, relation, target) -> the rule that read it, for the positive relations."""

    def run(text: str, date: str) -> dict[Triple, str]:
        found = extractor.extract(Document(id="t", text=text, source="test", date=date))
        return {
            (r.source.actor.id, r.relation, r.target.actor.id): r.rule
            for r in found
            if not r.negated
        }

    return run


@pytest.mark.parametrize(("rule", "text", "date", "expected", "forbidden"), CASES)
def test_rule_reads_its_construction(readings, rule, text, date, expected, forbidden):
    found = readings(text, date)
    for triple in expected:
        assert found.get(triple) == rule, f"{triple} not read by {rule}; read {found}"
    assert not forbidden & set(found), f"forbidden {forbidden & set(found)}"


def test_every_rule_has_a_positive_and_a_forbidden_row():
    from graphx.extraction.rules import RULES

    assert set(RULE_TABLE) == set(RULES), (
        f"rules without rows: {sorted(set(RULES) - set(RULE_TABLE))}; "
        f"rows for no rule: {sorted(set(RULE_TABLE) - set(RULES))}"
    )
    for rule, rows in RULE_TABLE.items():
        assert any(expected for _, _, expected, _ in rows), f"{rule}: no positive row"
        assert any(forbidden and not expected for _, _, expected, forbidden in rows), (
            f"{rule}: no row that only forbids"
        )


def test_every_rule_is_declared_with_a_family_a_confidence_and_a_known_trigger():
    from graphx.extraction.lexicon import load_lexicon
    from graphx.extraction.rules import RULES
    from graphx.extraction.rules.registry import FAMILIES

    lexicon = load_lexicon()
    for rule in RULES.values():
        assert rule.family in FAMILIES
        assert 0 < rule.confidence <= 1
        assert rule.reads
        if rule.trigger is not None:
            assert lexicon.trigger_words(rule.trigger.words), rule.name


def test_a_rule_cannot_be_declared_twice_or_without_a_valid_confidence():
    from graphx.extraction.rules.registry import derived_rule

    with pytest.raises(ValueError, match="declared twice"):
        derived_rule("verb", family="verbs", confidence=0.5, reads="x")
    with pytest.raises(ValueError, match="confidence"):
        derived_rule("a-new-rule", family="verbs", confidence=0.0, reads="x")
    with pytest.raises(ValueError, match="unknown family"):
        derived_rule("another-rule", family="guesses", confidence=0.5, reads="x")
