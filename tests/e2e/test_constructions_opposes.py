"""Constructions of opposition, threats and negotiation beyond the cue words: designation
lists, demands that an actor stop, rejected and accusing claims, hostility aimed at an actor,
slogans, consequences promised, pledged punishments, mediation, co-targets of sanctions,
passives the parser mislabels and joined prepositions. Each row: (text, date, triples that must
be found, triples that must NOT be found); the sentences are written for these tests, the actor
ids come from data/kb/*.yaml."""

from __future__ import annotations

import pytest

Triple = tuple[str, str, str]
Row = tuple[str, str, set[Triple], set[Triple]]

DATE = "2024-03-01"

# "added X to its list of terrorist organisations", "placed X on a sanctions list"
LISTS: list[Row] = [
    (
        "The State Department added Kataib Hezbollah to its list of Foreign Terrorist "
        "Organizations.",
        DATE,
        {("state_department", "opposes", "kataib_hezbollah")},
        set(),
    ),
    (
        "Britain placed Hezbollah on its sanctions list.",
        DATE,
        {("uk", "opposes", "hezbollah")},
        set(),
    ),
    # without an agent, the list's owner designates
    (
        "Hezbollah was added to the Arab League's list of terrorist organisations.",
        DATE,
        {("arab_league", "opposes", "hezbollah")},
        set(),
    ),
    # a list of partners designates no one
    (
        "Iraq added Iran to its list of trading partners.",
        DATE,
        set(),
        {("iraq", "opposes", "iran")},
    ),
    (
        "Britain did not place Hezbollah on its sanctions list.",
        DATE,
        set(),
        {("uk", "opposes", "hezbollah")},
    ),
]

# demanding that an actor stop is opposing it
STOPS: list[Row] = [
    (
        "Blinken demanded that Tehran stop arming the Houthis.",
        DATE,
        {("antony_blinken", "opposes", "iran")},
        set(),
    ),
    (
        "Saudi Arabia called on Iran to halt its support for the Houthis.",
        DATE,
        {("saudi_arabia", "opposes", "iran")},
        set(),
    ),
    (
        "Moqtada al-Sadr demanded that both Washington and Tehran scale back their role in Iraq.",
        DATE,
        {("moqtada_al_sadr", "opposes", "us"), ("moqtada_al_sadr", "opposes", "iran")},
        set(),
    ),
    # a conjoined clause shares the subject of the first
    (
        "Blinken also demanded that Tehran respect its neighbours and stop arming the Houthis.",
        DATE,
        {("antony_blinken", "opposes", "iran")},
        set(),
    ),
    (
        "Saudi Arabia did not call on Iran to halt its support for the Houthis.",
        DATE,
        set(),
        {("saudi_arabia", "opposes", "iran")},
    ),
    # asking to go on is no demand to stop
    ("Qatar urged Hamas to continue the talks.", DATE, set(), {("qatar", "opposes", "hamas")}),
    # agreeing to stop: no one else demands it
    ("Iran agreed to stop enriching uranium.", DATE, set(), {("iran", "opposes", "iran")}),
]

# rejecting an actor's claim opposes it; an accusation opposes the one accused
CLAIMS: list[Row] = [
    (
        "Iran dismissed American allegations that it armed the Houthis.",
        DATE,
        {("iran", "opposes", "us")},
        set(),
    ),
    (
        "Hezbollah brushed aside Israel's threats.",
        DATE,
        {("hezbollah", "opposes", "israel")},
        set(),
    ),
    (
        "Israeli allegations that Hezbollah hid rockets in villages were dismissed.",
        DATE,
        {("israel", "opposes", "hezbollah")},
        set(),
    ),
    ("Iran did not dismiss American allegations.", DATE, set(), {("iran", "opposes", "us")}),
    # a claim that accuses no one
    (
        "Israel's claim that Hezbollah is weak surprised analysts.",
        DATE,
        set(),
        {("israel", "opposes", "hezbollah")},
    ),
]

# hostility aimed at an actor; slogans against it
STANCES: list[Row] = [
    (
        "Israel's anger is aimed at Hezbollah.",
        DATE,
        {("israel", "opposes", "hezbollah")},
        set(),
    ),
    ("US sanctions aimed at Iran took effect.", DATE, {("us", "opposes", "iran")}, set()),
    # the verb's subject aims: no stance noun
    ("Iran aimed its missiles at Israel.", DATE, set(), {("iran", "opposes", "israel")}),
    (
        "Iran's support is aimed at the Houthis.",
        DATE,
        set(),
        {("iran", "opposes", "houthis")},
    ),
    (
        "The Sadrists chanted slogans hostile to Iran.",
        DATE,
        {("sadrist_movement", "opposes", "iran")},
        set(),
    ),
    (
        "Protesters in Baghdad chanted slogans against the United States.",
        DATE,
        {("iraqi_protesters", "opposes", "us")},
        set(),
    ),
    (
        "Protesters chanted slogans in support of Moqtada al-Sadr.",
        DATE,
        set(),
        {("iraqi_protesters", "opposes", "moqtada_al_sadr")},
    ),
    (
        "Israel's anger is not aimed at Egypt.",
        DATE,
        set(),
        {("israel", "opposes", "egypt")},
    ),
]

# consequences promised and punishments pledged are threats
THREATS: list[Row] = [
    (
        "Iran warned that Israel would pay a heavy price.",
        DATE,
        {("iran", "threatens", "israel")},
        set(),
    ),
    (
        "Khamenei said Israel would be held fully responsible.",
        DATE,
        {("ali_khamenei", "threatens", "israel")},
        set(),
    ),
    # a price paid is no threat
    ("Iran said Israel paid a heavy price.", DATE, set(), {("iran", "threatens", "israel")}),
    (
        "Iran warned that Israel would pay the bill.",
        DATE,
        set(),
        {("iran", "threatens", "israel")},
    ),
    (
        "Trump vowed to slap new sanctions on Iran.",
        DATE,
        {("donald_trump", "threatens", "iran")},
        set(),
    ),
    (
        "Trump vowed to impose sanctions on Iran.",
        DATE,
        {("donald_trump", "threatens", "iran")},
        set(),
    ),
    (
        "Biden promised not to impose penalties on Baghdad.",
        DATE,
        set(),
        {("joe_biden", "threatens", "iraq")},
    ),
]

# a mediator negotiates with the sides of what it mediates
MEDIATION: list[Row] = [
    (
        "Under a deal mediated by Qatar, Hamas agreed to release hostages.",
        DATE,
        {("qatar", "negotiates", "hamas")},
        set(),
    ),
    (
        "Egypt brokered a truce between Israel and Hamas.",
        DATE,
        {("egypt", "negotiates", "israel"), ("egypt", "negotiates", "hamas")},
        set(),
    ),
    (
        "Egypt did not broker the truce between Israel and Hamas.",
        DATE,
        set(),
        {("egypt", "negotiates", "israel")},
    ),
    (
        "Under a plan drafted by Qatar, Hamas agreed to release hostages.",
        DATE,
        set(),
        {("qatar", "negotiates", "hamas")},
    ),
]

# who else a sanction falls on; passives the parser mislabels; joined prepositions
TARGETS: list[Row] = [
    (
        "The Treasury designated Kataib Hezbollah in 2021, along with Qais al-Khazali.",
        DATE,
        {
            ("us_treasury", "opposes", "kataib_hezbollah"),
            ("us_treasury", "opposes", "qais_al_khazali"),
        },
        set(),
    ),
    (
        "Washington sanctioned Kataib Hezbollah's leader, Abu Fadak.",
        DATE,
        {("us", "opposes", "abu_fadak")},
        set(),
    ),
    # one of the same kind as the one acting acts along with it
    (
        "Britain sanctioned Hamas in 2021, along with France.",
        DATE,
        {("uk", "opposes", "hamas")},
        {("uk", "opposes", "france")},
    ),
    (
        "Hamas, for its part, stands accused by Egypt of smuggling weapons into Sinai.",
        DATE,
        {("egypt", "opposes", "hamas")},
        set(),
    ),
    (
        "The United States imposed sanctions on Iran and on Kataib Hezbollah.",
        DATE,
        {("us", "opposes", "iran"), ("us", "opposes", "kataib_hezbollah")},
        set(),
    ),
    (
        "Israel fired at Hamas and not at Hezbollah.",
        DATE,
        {("israel", "strikes", "hamas")},
        {("israel", "strikes", "hezbollah")},
    ),
]

# the targets of sanctions named after the act: "Those named were X", "named the men
# penalised as X", "the penalties also cover X", "sanctioned four officials, among them X"
NAMED_TARGETS: list[Row] = [
    (
        "The Treasury sanctioned five commanders on Tuesday. Those named were Abu Fadak, Qais "
        "al-Khazali and Akram al-Kaabi.",
        DATE,
        {
            ("us_treasury", "opposes", "abu_fadak"),
            ("us_treasury", "opposes", "qais_al_khazali"),
            ("us_treasury", "opposes", "akram_al_kaabi"),
        },
        set(),
    ),
    (
        "The European Union imposed sanctions on three Hamas officials. Those designated include "
        "Yahya Sinwar and Ismail Haniyeh.",
        DATE,
        {
            ("european_union", "opposes", "yahya_sinwar"),
            ("european_union", "opposes", "ismail_haniyeh"),
        },
        set(),
    ),
    # the ones named are those of the sentence just before, not of an older sanction
    (
        "The Treasury sanctioned Kataib Hezbollah in 2009. Years later, a drone strike killed "
        "two men. Those named were Abu Fadak and Qais al-Khazali.",
        DATE,
        {("us_treasury", "opposes", "kataib_hezbollah")},
        {("us_treasury", "opposes", "abu_fadak"), ("us_treasury", "opposes", "qais_al_khazali")},
    ),
    # a report that names people sanctions no one
    (
        "A UN report named five commanders. Those named were Abu Fadak and Akram al-Kaabi.",
        DATE,
        set(),
        {
            ("united_nations", "opposes", "abu_fadak"),
            ("united_nations", "opposes", "akram_al_kaabi"),
        },
    ),
    (
        "Britain named the two men sanctioned as Abu Fadak and Qais al-Khazali.",
        DATE,
        {("uk", "opposes", "abu_fadak"), ("uk", "opposes", "qais_al_khazali")},
        set(),
    ),
    # naming the men chosen for office is no sanction
    (
        "Iraq named the two men chosen as Hadi al-Amiri and Falih al-Fayyadh.",
        DATE,
        set(),
        {("iraq", "opposes", "hadi_al_amiri"), ("iraq", "opposes", "falih_al_fayyadh")},
    ),
    # a name the finder cut in two is no target of its own
    (
        "The Treasury sanctioned four men on Friday. Those named were Husayn Falih 'Aziz al-Lami "
        "and Abu Fadak.",
        DATE,
        {("us_treasury", "opposes", "abu_fadak")},
        {("us_treasury", "opposes", "provisional:husayn_falih")},
    ),
    (
        "The Treasury imposed sanctions on Kataib Hezbollah on Monday. The penalties also cover "
        "the group's leader, Abu Fadak.",
        DATE,
        {("us_treasury", "opposes", "abu_fadak")},
        {("us_treasury", "opposes", "us_treasury")},
    ),
    (
        "The Treasury imposed sanctions on Kataib Hezbollah on Monday. The penalties do not cover "
        "Abu Fadak.",
        DATE,
        {("us_treasury", "opposes", "kataib_hezbollah")},
        {("us_treasury", "opposes", "abu_fadak")},
    ),
    # sanctions condemned are no one's act of sanctioning
    (
        "Iran condemned the sanctions. The sanctions hit Hezbollah hard.",
        DATE,
        set(),
        {("iran", "opposes", "hezbollah")},
    ),
    (
        "The Treasury imposed sanctions on four officials, among them Qais al-Khazali and Abu "
        "Fadak.",
        DATE,
        {("us_treasury", "opposes", "qais_al_khazali"), ("us_treasury", "opposes", "abu_fadak")},
        set(),
    ),
    (
        "Hezbollah met four officials, among them Qais al-Khazali.",
        DATE,
        set(),
        {("hezbollah", "opposes", "qais_al_khazali")},
    ),
    # the list hung on the participle that describes the object
    (
        "Canada added two Hamas commanders based in Gaza to its list of terrorist entities.",
        DATE,
        {("canada", "opposes", "hamas")},
        set(),
    ),
    # figures of a group stand for it
    (
        "The European Union placed several figures of Hezbollah on its list of terrorists.",
        DATE,
        {("european_union", "opposes", "hezbollah")},
        set(),
    ),
    (
        "Israel disputed casualty figures from the Gaza Health Ministry.",
        DATE,
        set(),
        {("israel", "opposes", "gaza_health_ministry")},
    ),
    (
        "Washington sanctioned Kataib Hezbollah and the man who leads it, Abu Fadak, last year.",
        DATE,
        {("us", "opposes", "kataib_hezbollah"), ("us", "opposes", "abu_fadak")},
        set(),
    ),
]

# what a stance is against, named through a clause: "what they call X", "the role X plays"
NAMED_BY_CLAUSE: list[Row] = [
    (
        "Lebanese lawmakers pushed back against what they call Iranian meddling in the elections.",
        DATE,
        {("lebanese_parliament", "opposes", "iran")},
        set(),
    ),
    (
        "Lebanese lawmakers did not push back against what they call Iranian meddling.",
        DATE,
        set(),
        {("lebanese_parliament", "opposes", "iran")},
    ),
    # the name given is no actor's: nothing is opposed ("a rumour spread by Israel")
    (
        "Hezbollah fighters pushed back against what they call a rumour spread by Israel.",
        DATE,
        set(),
        {("hezbollah", "opposes", "israel")},
    ),
    (
        "Kataib Hezbollah objects to the role the US military plays in Iraq.",
        DATE,
        {("kataib_hezbollah", "opposes", "us_military")},
        set(),
    ),
    (
        "Qatar welcomed the role Egypt has played in the talks.",
        DATE,
        {("qatar", "supports", "egypt")},
        set(),
    ),
    # the subject of a stance verb in the clause is for or against the noun, not its owner
    (
        "The Houthis welcomed the strikes Iran condemned.",
        DATE,
        set(),
        {("houthis", "supports", "iran")},
    ),
]

# keeping relief, aid or access from an actor; a refusal that is a joined act's, not its own
DENIALS: list[Row] = [
    (
        "The Treasury said it would deny Hezbollah any financial relief.",
        DATE,
        {("us_treasury", "opposes", "hezbollah")},
        set(),
    ),
    (
        "Israel denied Hamas access to fuel.",
        DATE,
        {("israel", "opposes", "hamas")},
        set(),
    ),
    (
        "The United States withheld aid from the Lebanese army.",
        DATE,
        {("us", "opposes", "lebanese_armed_forces")},
        {("us", "supports", "lebanese_armed_forces")},
    ),
    (
        "Washington did not deny Tehran economic relief.",
        DATE,
        set(),
        {("us", "opposes", "iran")},
    ),
    # a claim denied is no good kept from anyone
    (
        "Iran denied Hezbollah had received aid.",
        DATE,
        set(),
        {("iran", "opposes", "hezbollah")},
    ),
    (
        "The Sadrists rejected the nomination and accused Sudani of corruption.",
        DATE,
        {("sadrist_movement", "opposes", "mohammed_shia_al_sudani")},
        set(),
    ),
    # a leader's supporters are his movement
    (
        "Sadr's supporters stormed the parliament and accused Sudani of corruption.",
        DATE,
        {("sadrist_movement", "opposes", "mohammed_shia_al_sudani")},
        {("moqtada_al_sadr", "opposes", "mohammed_shia_al_sudani")},
    ),
    (
        "Iran refused to condemn Hamas or criticize Hezbollah.",
        DATE,
        set(),
        {("iran", "opposes", "hamas"), ("iran", "opposes", "hezbollah")},
    ),
    # a demand that another make the actor stop is the asker's (the one asked has not acted)
    (
        "Jordan wanted the Security Council to compel Israel to halt its offensive in Gaza.",
        DATE,
        {("jordan", "opposes", "israel")},
        {("un_security_council", "opposes", "israel")},
    ),
    (
        "Jordan asked the Arab League to compel Israel to halt its offensive.",
        DATE,
        {("jordan", "opposes", "israel")},
        {("arab_league", "opposes", "israel")},
    ),
    (
        "Jordan did not ask the Arab League to compel Israel to halt its offensive.",
        DATE,
        set(),
        {("jordan", "opposes", "israel"), ("arab_league", "opposes", "israel")},
    ),
]

# putting an attack on an actor: the last "on" names the one blamed, an earlier one the target
BLAME: list[Row] = [
    (
        "Blinken pinned the drone attacks on Kataib Hezbollah.",
        DATE,
        {("antony_blinken", "opposes", "kataib_hezbollah")},
        set(),
    ),
    (
        "The Pentagon blamed the rocket attack on US forces on Kataib Hezbollah.",
        DATE,
        {("pentagon", "opposes", "kataib_hezbollah")},
        {("pentagon", "opposes", "us_military")},
    ),
    (
        "Hezbollah blamed the explosions on Israel.",
        DATE,
        {("hezbollah", "opposes", "israel")},
        set(),
    ),
    (
        "Hezbollah did not blame the explosions on Israel.",
        DATE,
        set(),
        {("hezbollah", "opposes", "israel")},
    ),
    # hopes pinned on an actor are no blame
    (
        "Lebanon pinned its hopes on France.",
        DATE,
        set(),
        {("lebanon", "opposes", "france")},
    ),
    (
        "Washington pinned the blame on the Houthis.",
        DATE,
        {("us", "opposes", "houthis")},
        set(),
    ),
]

# pressure kept up, actors disowned
PRESSURE: list[Row] = [
    (
        "Washington kept up maximum pressure on Tehran.",
        DATE,
        {("us", "opposes", "iran")},
        set(),
    ),
    # pressure on the one who receives it: not its own stance
    (
        "Baghdad came under maximum pressure from Washington.",
        DATE,
        {("us", "opposes", "iraq")},
        {("iraq", "opposes", "us")},
    ),
    (
        "Iran maintained its support for the Houthis.",
        DATE,
        {("iran", "supports", "houthis")},
        {("iran", "opposes", "houthis")},
    ),
    (
        "Hamas disavowed Islamic Jihad after the attack.",
        DATE,
        {("hamas", "opposes", "palestinian_islamic_jihad")},
        set(),
    ),
    (
        "Hamas distanced itself from Islamic Jihad after the attack.",
        DATE,
        {("hamas", "opposes", "palestinian_islamic_jihad")},
        set(),
    ),
    (
        "Hamas did not distance itself from Islamic Jihad.",
        DATE,
        set(),
        {("hamas", "opposes", "palestinian_islamic_jihad")},
    ),
]

# diplomatic downgrades: relations cut, envoys summoned or recalled, assets frozen
DIPLOMACY: list[Row] = [
    (
        "Bahrain broke off diplomatic ties with Qatar.",
        DATE,
        {("bahrain", "opposes", "qatar")},
        set(),
    ),
    (
        "Turkey downgraded its diplomatic relations with Israel.",
        DATE,
        {("turkey", "opposes", "israel")},
        set(),
    ),
    (
        "Iraq restored relations with Saudi Arabia.",
        DATE,
        set(),
        {("iraq", "opposes", "saudi_arabia")},
    ),
    (
        "Saudi Arabia did not sever relations with Iran.",
        DATE,
        set(),
        {("saudi_arabia", "opposes", "iran")},
    ),
    (
        "Baghdad summoned Iran's charge d'affaires over the shelling.",
        DATE,
        {("iraq", "opposes", "iran")},
        set(),
    ),
    (
        "The caretaker government of Iraq summoned the American and British ambassadors.",
        DATE,
        {("iraq", "opposes", "us"), ("iraq", "opposes", "uk")},
        set(),
    ),
    (
        "Bahrain recalled its ambassador from Lebanon.",
        DATE,
        {("bahrain", "opposes", "lebanon")},
        {("bahrain", "opposes", "bahrain")},
    ),
    # one's own envoy called home for talks is no protest against anyone
    (
        "Iraq summoned its ambassador for consultations.",
        DATE,
        set(),
        {("iraq", "opposes", "iraq")},
    ),
    (
        "Iraq did not summon the Turkish ambassador.",
        DATE,
        set(),
        {("iraq", "opposes", "turkey")},
    ),
    (
        "Iraq seized funds belonging to Kataib Hezbollah.",
        DATE,
        {("iraq", "opposes", "kataib_hezbollah")},
        set(),
    ),
    (
        "Hezbollah's assets were frozen by the European Union.",
        DATE,
        {("european_union", "opposes", "hezbollah")},
        {("hezbollah", "opposes", "european_union")},
    ),
    (
        "Iran froze its own assets abroad.",
        DATE,
        set(),
        {("iran", "opposes", "iran")},
    ),
]

# "X is opposed to Y" (the parser reads a passive without an agent, or a copula's complement)
OPPOSED_TO: list[Row] = [
    (
        "Sadr, who is opposed to the American presence, addressed the crowd.",
        DATE,
        {("moqtada_al_sadr", "opposes", "us")},
        set(),
    ),
    (
        "Hamas is firmly opposed to the Israeli occupation.",
        DATE,
        {("hamas", "opposes", "israel")},
        set(),
    ),
    (
        "Sadr said he was opposed to any American presence.",
        DATE,
        {("moqtada_al_sadr", "opposes", "us")},
        set(),
    ),
    (
        "Hezbollah is not opposed to the Iraqi government.",
        DATE,
        set(),
        {("hezbollah", "opposes", "iraq")},
    ),
    # the passive of opposing: the agent opposes the subject
    (
        "The Sudani government was opposed by the Sadrists.",
        DATE,
        set(),
        {("mohammed_shia_al_sudani", "opposes", "sadrist_movement")},
    ),
]

# demands that an actor be held to account or punished; designations as labels
RECKONING: list[Row] = [
    (
        "Hezbollah called for Israel to be held accountable.",
        DATE,
        {("hezbollah", "opposes", "israel")},
        set(),
    ),
    (
        "Iran demanded that the United States be held accountable for the strike.",
        DATE,
        {("iran", "opposes", "us")},
        set(),
    ),
    (
        "Iran demanded that the United States not be held accountable.",
        DATE,
        set(),
        {("iran", "opposes", "us")},
    ),
    # protection demanded is no reckoning
    (
        "The Sadrists demanded that Moqtada al-Sadr be protected.",
        DATE,
        set(),
        {("sadrist_movement", "opposes", "moqtada_al_sadr")},
    ),
    (
        "Iraq called for the prosecution of the Islamic State commanders.",
        DATE,
        {("iraq", "opposes", "isis")},
        set(),
    ),
    (
        "Australia classified Hezbollah as a terrorist group.",
        DATE,
        {("australia", "opposes", "hezbollah")},
        set(),
    ),
    (
        "Iraq declared Sudani the winner.",
        DATE,
        set(),
        {("iraq", "opposes", "mohammed_shia_al_sudani")},
    ),
]

# the accusation stands when the accused denies it; a pronoun in it is the one who answers
ANSWERED_CLAIMS: list[Row] = [
    (
        "Hezbollah rejected Israeli accusations that it hid rockets in Beirut.",
        DATE,
        {("israel", "opposes", "hezbollah"), ("hezbollah", "opposes", "israel")},
        {("israel", "opposes", "israel")},
    ),
    (
        "The Houthis dismissed American allegations that they had attacked a tanker.",
        DATE,
        {("us", "opposes", "houthis"), ("houthis", "opposes", "us")},
        set(),
    ),
    # a claim rejected in the passive: the one who says so, or the "by" phrase, rejects it
    (
        "Threats from Israel would be ignored, Nasrallah said.",
        DATE,
        {("hassan_nasrallah", "opposes", "israel")},
        set(),
    ),
    (
        "Israeli threats were dismissed by Hezbollah.",
        DATE,
        {("hezbollah", "opposes", "israel")},
        {("israel", "opposes", "hezbollah")},
    ),
    (
        "Nasrallah said that Israeli threats would not be ignored.",
        DATE,
        set(),
        {("hassan_nasrallah", "opposes", "israel")},
    ),
    (
        "There were no American allegations that Iran armed the militias.",
        DATE,
        set(),
        {("us", "opposes", "iran")},
    ),
]

# protest and objection: "took issue with", "campaigned against", "protested X's decision"
PROTEST: list[Row] = [
    (
        "Qatar took issue with Tehran.",
        DATE,
        {("qatar", "opposes", "iran")},
        set(),
    ),
    (
        "The Sadrists campaigned against the American presence.",
        DATE,
        {("sadrist_movement", "opposes", "us")},
        set(),
    ),
    (
        "Iraq protested Israel's decision.",
        DATE,
        {("iraq", "opposes", "israel")},
        set(),
    ),
    (
        "Iraq did not protest Israel's decision.",
        DATE,
        set(),
        {("iraq", "opposes", "israel")},
    ),
    (
        "Iraq voiced objection to the American presence.",
        DATE,
        {("iraq", "opposes", "us")},
        set(),
    ),
    (
        "Turkey expressed displeasure at the Israeli strike.",
        DATE,
        {("turkey", "opposes", "israel")},
        {("israel", "opposes", "turkey")},
    ),
]

# sanction prefixes: "the US-sanctioned X", "a US-designated terrorist group"; sanctions
# "hit" an actor with
PREFIXES: list[Row] = [
    (
        "The Treasury slapped the Houthis with sanctions.",
        DATE,
        {("us_treasury", "opposes", "houthis")},
        set(),
    ),
    (
        "The United States hit Iran with new sanctions.",
        DATE,
        {("us", "opposes", "iran")},
        set(),
    ),
    (
        "Israel hit Hezbollah with airstrikes.",
        DATE,
        {("israel", "strikes", "hezbollah")},
        {("israel", "opposes", "hezbollah")},
    ),
    (
        "The US-sanctioned Kataib Hezbollah claimed the attack.",
        DATE,
        {("us", "opposes", "kataib_hezbollah")},
        {("kataib_hezbollah", "opposes", "us")},
    ),
    (
        "Hezbollah, an EU-proscribed group, denied the attack.",
        DATE,
        {("european_union", "opposes", "hezbollah")},
        set(),
    ),
    (
        "The UN-designated safe zone was shelled by Russian forces.",
        DATE,
        set(),
        {("united_nations", "opposes", "russian_forces")},
    ),
]

# scorn, and redress demanded from an actor
SCORN: list[Row] = [
    (
        "Hezbollah mocked Netanyahu.",
        DATE,
        {("hezbollah", "opposes", "benjamin_netanyahu")},
        set(),
    ),
    (
        "Iran snubbed the American envoy.",
        DATE,
        {("iran", "opposes", "us")},
        set(),
    ),
    (
        "Hezbollah did not mock Netanyahu.",
        DATE,
        set(),
        {("hezbollah", "opposes", "benjamin_netanyahu")},
    ),
    (
        "Israel demanded an apology from Turkey.",
        DATE,
        {("israel", "opposes", "turkey")},
        set(),
    ),
    (
        "Iraq received compensation from the United States.",
        DATE,
        set(),
        {("iraq", "opposes", "us")},
    ),
    (
        "Israel did not demand an apology from Turkey.",
        DATE,
        set(),
        {("israel", "opposes", "turkey")},
    ),
    # action demanded against an actor, or over its attacks
    (
        "Jordan demanded immediate action against the Houthis.",
        DATE,
        {("jordan", "opposes", "houthis")},
        set(),
    ),
    (
        "Netanyahu wrote to the Security Council to demand action over attacks on Israel carried "
        "out by Hezbollah.",
        DATE,
        {("benjamin_netanyahu", "opposes", "hezbollah")},
        {("benjamin_netanyahu", "opposes", "israel")},
    ),
    (
        "Iraq demanded action against terrorism.",
        DATE,
        set(),
        {("iraq", "opposes", "iraq")},
    ),
]

# complaints lodged and anger voiced "over" an actor's act
COMPLAINTS: list[Row] = [
    (
        "Iraq filed a complaint against Turkey with the Security Council.",
        DATE,
        {("iraq", "opposes", "turkey")},
        {("iraq", "opposes", "un_security_council")},
    ),
    (
        "Lebanon lodged a complaint with the UN over Israeli strikes.",
        DATE,
        {("lebanon", "opposes", "israel")},
        {("lebanon", "opposes", "united_nations")},
    ),
    (
        "Israel voiced anger over Hezbollah's attacks.",
        DATE,
        {("israel", "opposes", "hezbollah")},
        set(),
    ),
    (
        "Iraq did not file a complaint against Turkey.",
        DATE,
        set(),
        {("iraq", "opposes", "turkey")},
    ),
]

# rifts and feuds between two actors: one opposes the other
RIFTS: list[Row] = [
    (
        "Tensions between Iran and Saudi Arabia rose sharply.",
        DATE,
        {("iran", "opposes", "saudi_arabia")},
        set(),
    ),
    (
        "The Sadr-Maliki feud deepened.",
        DATE,
        {("moqtada_al_sadr", "opposes", "nouri_al_maliki")},
        set(),
    ),
    (
        "A dispute between Iraq and Kuwait over the border flared.",
        DATE,
        {("iraq", "opposes", "kuwait")},
        set(),
    ),
    (
        "There were no tensions between Iraq and Jordan.",
        DATE,
        set(),
        {("iraq", "opposes", "jordan"), ("jordan", "opposes", "iraq")},
    ),
    (
        "Washington and Tehran remain bitterly divided over Iran's nuclear programme.",
        DATE,
        {("us", "opposes", "iran")},
        set(),
    ),
    (
        "Sadr and Maliki are at loggerheads over the cabinet.",
        DATE,
        {("moqtada_al_sadr", "opposes", "nouri_al_maliki")},
        set(),
    ),
    (
        "Sadr and Maliki are not divided.",
        DATE,
        set(),
        {("moqtada_al_sadr", "opposes", "nouri_al_maliki")},
    ),
    # one actor divided within is at odds with no one
    (
        "The Coordination Framework is divided over the nomination.",
        DATE,
        set(),
        {("coordination_framework", "opposes", "coordination_framework")},
    ),
    # the mediator of a dispute is no party to it
    (
        "Egypt mediated the dispute between Hamas and Fatah.",
        DATE,
        set(),
        {("egypt", "opposes", "hamas"), ("egypt", "opposes", "fatah")},
    ),
]

# breaches and violations stand for their owner as what is condemned
BREACHES: list[Row] = [
    (
        "Hezbollah condemned Israeli breaches of Lebanese sovereignty.",
        DATE,
        {("hezbollah", "opposes", "israel")},
        {("israel", "opposes", "lebanon")},
    ),
    (
        "Baghdad protested against Turkish violations of its airspace.",
        DATE,
        {("iraq", "opposes", "turkey")},
        set(),
    ),
    (
        "The report found no violations by Hezbollah.",
        DATE,
        set(),
        {("hezbollah", "opposes", "hezbollah")},
    ),
]

# an actor named "the [actor] enemy" by the one who speaks or acts
ENEMY_LABELS: list[Row] = [
    (
        'Nasrallah said his fighters were ready to strike the bases of the "American enemy".',
        DATE,
        {("hassan_nasrallah", "opposes", "us")},
        set(),
    ),
    (
        "Hezbollah vowed to confront the Israeli enemy.",
        DATE,
        {("hezbollah", "opposes", "israel")},
        set(),
    ),
    # "an American enemy", "Iran's enemy": the enemy OF that actor (the roles rule)
    (
        "Iran, an American enemy, struck Israel.",
        DATE,
        {("iran", "opposes", "us")},
        {("us", "opposes", "iran"), ("iran", "opposes", "iran")},
    ),
    (
        "Iran's enemy Israel struck Damascus.",
        DATE,
        {("israel", "opposes", "iran")},
        {("iran", "opposes", "israel")},
    ),
    # no one speaks or acts: a bare description
    (
        "The Israeli enemy has pulled back from the border.",
        DATE,
        set(),
        {("israel", "opposes", "israel")},
    ),
]


@pytest.mark.parametrize(
    ("text", "date", "found", "refused"),
    LISTS
    + STOPS
    + CLAIMS
    + STANCES
    + THREATS
    + MEDIATION
    + TARGETS
    + NAMED_TARGETS
    + NAMED_BY_CLAUSE
    + DENIALS
    + BLAME
    + PRESSURE
    + ENEMY_LABELS
    + BREACHES
    + DIPLOMACY
    + OPPOSED_TO
    + RIFTS
    + COMPLAINTS
    + RECKONING
    + SCORN
    + PREFIXES
    + ANSWERED_CLAIMS
    + PROTEST,
)
def test_opposition_threat_and_negotiation_constructions(extract, text, date, found, refused):
    triples = extract(text, date)
    assert found <= triples, triples
    assert not refused & triples, triples
