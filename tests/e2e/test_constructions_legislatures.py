"""Constructions of legislatures and governments: ballots on cabinets, nominees and agreements,
laws and what they do, legal status granted, votes of confidence, protests in the chamber and
nominations. Each row: (text, date, triples that must be found, triples that must NOT be
found); the sentences are written for these tests, the actor ids come from data/kb/*.yaml."""

from __future__ import annotations

import pytest

Triple = tuple[str, str, str]
Row = tuple[str, str, set[Triple], set[Triple]]

DATE = "2024-03-01"

# approving a cabinet or a nominee supports whom it stands for; only a legislature or a bloc
# approves a cabinet
CABINETS: list[Row] = [
    (
        "The Lebanese parliament approved the cabinet of Najib Mikati on Monday.",
        DATE,
        {("lebanese_parliament", "supports", "najib_mikati")},
        set(),
    ),
    (
        "Lebanese lawmakers confirmed Nawaf Salam as prime minister.",
        DATE,
        {("lebanese_parliament", "supports", "nawaf_salam")},
        set(),
    ),
    (
        "The Free Patriotic Movement backed the nomination of Nabih Berri.",
        DATE,
        {("free_patriotic_movement", "supports", "nabih_berri")},
        set(),
    ),
    # a legislature rejects by voting; a bloc voting down a nominee votes against its nominator
    (
        "The Lebanese parliament rejected the cabinet proposed by Saad Hariri.",
        DATE,
        {("lebanese_parliament", "votes_against", "saad_hariri")},
        {("lebanese_parliament", "supports", "saad_hariri")},
    ),
    (
        "The Free Patriotic Movement voted down the Amal Movement's nominee.",
        DATE,
        {("free_patriotic_movement", "votes_against", "amal_movement")},
        set(),
    ),
    # a rejection without a vote by a movement outside the chamber is opposition
    (
        "The Sadrist movement rejected the nomination of Mohammed Shia al-Sudani.",
        DATE,
        {("sadrist_movement", "opposes", "mohammed_shia_al_sudani")},
        {("sadrist_movement", "votes_against", "mohammed_shia_al_sudani")},
    ),
    # a cabinet approved by someone who is not a legislature
    (
        "Michel Aoun approved the cabinet of Najib Mikati.",
        DATE,
        set(),
        {("michel_aoun", "supports", "najib_mikati")},
    ),
    (
        "Iran approved the cabinet of al-Sudani.",
        DATE,
        set(),
        {("iran", "supports", "mohammed_shia_al_sudani")},
    ),
    # no approval given: negation, a vote postponed or failed, an approval expected
    (
        "The Lebanese parliament did not approve the cabinet of Najib Mikati.",
        DATE,
        set(),
        {("lebanese_parliament", "supports", "najib_mikati")},
    ),
    (
        "The Lebanese parliament postponed the vote on the cabinet of Najib Mikati.",
        DATE,
        set(),
        {("lebanese_parliament", "supports", "najib_mikati")},
    ),
    (
        "The Lebanese parliament failed to vote on the cabinet of Najib Mikati.",
        DATE,
        set(),
        {("lebanese_parliament", "supports", "najib_mikati")},
    ),
    (
        "The Lebanese parliament is expected to approve the cabinet of Najib Mikati.",
        DATE,
        set(),
        {("lebanese_parliament", "supports", "najib_mikati")},
    ),
]

# an agreement approved supports its other party; voting on it is not negotiating it
AGREEMENTS: list[Row] = [
    (
        "The Knesset ratified the peace accord with the United Arab Emirates.",
        DATE,
        {("knesset", "supports", "uae")},
        {("knesset", "negotiates", "uae")},
    ),
    (
        "The Majlis voted in favour of the strategic partnership agreement with China.",
        DATE,
        {("majlis", "supports", "china")},
        {("majlis", "negotiates", "china")},
    ),
    (
        "Iranian lawmakers voted against the nuclear deal with the United States.",
        DATE,
        {("majlis", "votes_against", "us")},
        {("majlis", "negotiates", "us"), ("majlis", "supports", "us")},
    ),
    (
        "The Iraqi cabinet approved the agreement with the United States.",
        DATE,
        {("iraq_cabinet", "supports", "us")},
        set(),
    ),
    # voting for the departure of forces is voting against them
    (
        "The Majlis voted in favour of the withdrawal of US forces from the region.",
        DATE,
        {("majlis", "votes_against", "us_military")},
        set(),
    ),
    (
        "The Majlis did not vote in favour of the withdrawal of US forces from the region.",
        DATE,
        set(),
        {("majlis", "votes_against", "us_military")},
    ),
    # voting on it says nothing of the outcome
    (
        "The Lebanese parliament voted on the agreement with Israel.",
        DATE,
        set(),
        {
            ("lebanese_parliament", "supports", "israel"),
            ("lebanese_parliament", "negotiates", "israel"),
            ("lebanese_parliament", "votes_against", "israel"),
        },
    ),
    # the "with" phrase hung on the verb
    (
        "Saudi Arabia rejected the deal with Israel.",
        DATE,
        {("saudi_arabia", "opposes", "israel")},
        set(),
    ),
    # a truce with an enemy backs no one
    (
        "The Knesset approved the ceasefire deal with Hezbollah.",
        DATE,
        set(),
        {("knesset", "supports", "hezbollah")},
    ),
    # supporting a deal is no stance on the other party, except for a legislature
    (
        "Iran supported the deal with the United States.",
        DATE,
        set(),
        {("iran", "supports", "us")},
    ),
]

# a law's content is the stance of those for it
LAWS: list[Row] = [
    (
        "The Knesset passed a law banning UNRWA.",
        DATE,
        {("knesset", "opposes", "unrwa")},
        set(),
    ),
    (
        "Iranian lawmakers adopted a bill that recognises the Houthis as the government of Yemen.",
        DATE,
        {("majlis", "supports", "houthis")},
        set(),
    ),
    (
        "Parliament passed a law giving the Popular Mobilization Forces full legal status.",
        DATE,
        {("iraqi_parliament", "supports", "pmf")},
        set(),
    ),
    (
        "Lawmakers approved legislation that formalises the Popular Mobilization Forces.",
        DATE,
        {("iraqi_parliament", "supports", "pmf")},
        set(),
    ),
    # what a bill "would" do is what it says: its sponsor's stance, not speculation
    (
        "Iraq's cabinet drafted a bill that would anchor the Popular Mobilization Forces within "
        "the state.",
        DATE,
        {("iraq_cabinet", "supports", "pmf")},
        set(),
    ),
    (
        "The Majlis passed a resolution condemning Israel.",
        DATE,
        {("majlis", "opposes", "israel")},
        set(),
    ),
    # voting down a law that gives X standing is voting against X
    (
        "The Knesset voted down a bill that would formalise UNRWA.",
        DATE,
        {("knesset", "votes_against", "unrwa")},
        {("knesset", "supports", "unrwa")},
    ),
    (
        "The Knesset rejected a bill recognising Hamas.",
        DATE,
        {("knesset", "votes_against", "hamas")},
        {("knesset", "supports", "hamas")},
    ),
    # a law not passed, a vote postponed, a law only possible, a law recognising no one
    (
        "The Knesset did not pass the law banning UNRWA.",
        DATE,
        set(),
        {("knesset", "opposes", "unrwa")},
    ),
    (
        "The Knesset postponed the vote on a bill banning UNRWA.",
        DATE,
        set(),
        {("knesset", "opposes", "unrwa")},
    ),
    (
        "The Knesset may pass a law banning UNRWA.",
        DATE,
        set(),
        {("knesset", "opposes", "unrwa")},
    ),
    (
        "The Knesset passed a law that does not recognise Hamas.",
        DATE,
        set(),
        {("knesset", "supports", "hamas")},
    ),
    (
        "Parliament failed to pass a law recognising the Popular Mobilization Forces.",
        DATE,
        set(),
        {("iraqi_parliament", "supports", "pmf")},
    ),
    # the relative clause hangs on the actor: vetoing a law is no stance on its subject
    (
        "The Knesset did not pass a law recognising Hamas, which was vetoed by Netanyahu.",
        DATE,
        set(),
        {("knesset", "supports", "hamas"), ("benjamin_netanyahu", "opposes", "hamas")},
    ),
    # a proposer of a law that says nothing of anyone
    (
        "The legislation was put forward by the Coordination Framework.",
        DATE,
        set(),
        {("coordination_framework", "supports", "iraqi_parliament")},
    ),
]

# legal status given supports its receiver
STATUS: list[Row] = [
    (
        "The Majlis voted to give full legal status to the Basij.",
        DATE,
        {("majlis", "supports", "basij")},
        set(),
    ),
    (
        "The Iraqi cabinet granted the Popular Mobilization Forces legal status.",
        DATE,
        {("iraq_cabinet", "supports", "pmf")},
        set(),
    ),
    (
        "Parliament refused to give legal status to the Popular Mobilization Forces.",
        DATE,
        set(),
        {("iraqi_parliament", "supports", "pmf")},
    ),
]

# a vote of confidence supports; no confidence, or confidence withdrawn, is a vote against
CONFIDENCE: list[Row] = [
    (
        "The Lebanese parliament gave a vote of confidence to the government of Najib Mikati.",
        DATE,
        {("lebanese_parliament", "supports", "najib_mikati")},
        set(),
    ),
    (
        "Lebanese lawmakers granted confidence to Mikati's cabinet.",
        DATE,
        {("lebanese_parliament", "supports", "najib_mikati")},
        set(),
    ),
    (
        "The Lebanese parliament withdrew confidence from Najib Mikati.",
        DATE,
        {("lebanese_parliament", "votes_against", "najib_mikati")},
        {("lebanese_parliament", "supports", "najib_mikati")},
    ),
    (
        "The Majlis held a vote of no confidence in Hassan Rouhani.",
        DATE,
        {("majlis", "votes_against", "hassan_rouhani")},
        {("majlis", "supports", "hassan_rouhani")},
    ),
    (
        "The Lebanese parliament postponed the confidence vote on Mikati's cabinet.",
        DATE,
        set(),
        {("lebanese_parliament", "supports", "najib_mikati")},
    ),
    # the winner receives it
    (
        "Najib Mikati won a vote of confidence in parliament.",
        DATE,
        set(),
        {("najib_mikati", "supports", "lebanese_parliament")},
    ),
]

# protests in the chamber oppose what they protest
PROTESTS: list[Row] = [
    (
        "The Lebanese Forces party boycotted the session in protest against Hezbollah.",
        DATE,
        {("lebanese_forces_party", "opposes", "hezbollah")},
        set(),
    ),
    (
        "Kurdish lawmakers walked out of parliament in protest at the nomination of Nouri "
        "al-Maliki.",
        DATE,
        {("iraqi_parliament", "opposes", "nouri_al_maliki")},
        set(),
    ),
    (
        "The Sadrist bloc walked out of parliament over the nomination of Nouri al-Maliki.",
        DATE,
        {("sadrist_movement", "opposes", "nouri_al_maliki")},
        set(),
    ),
    (
        "The Sadrist bloc did not boycott the session in protest against the Coordination "
        "Framework.",
        DATE,
        set(),
        {("sadrist_movement", "opposes", "coordination_framework")},
    ),
    # "over the weekend": over a time, not an actor
    (
        "The Lebanese Forces party walked out of the session over the weekend with Hezbollah.",
        DATE,
        set(),
        {("lebanese_forces_party", "opposes", "hezbollah")},
    ),
]

# nominations support the nominee
NOMINATIONS: list[Row] = [
    (
        "Hezbollah's parliamentary bloc named Suleiman Frangieh as its candidate for president.",
        DATE,
        {("loyalty_to_the_resistance", "supports", "suleiman_frangieh")},
        set(),
    ),
    (
        "The Lebanese Forces party put forward Joseph Aoun as its candidate.",
        DATE,
        {("lebanese_forces_party", "supports", "joseph_aoun")},
        set(),
    ),
    (
        "Joseph Aoun was named as the Lebanese Forces party's candidate.",
        DATE,
        {("lebanese_forces_party", "supports", "joseph_aoun")},
        set(),
    ),
    (
        "Joseph Aoun, the Lebanese Forces party's candidate for president, met Mikati.",
        DATE,
        {("lebanese_forces_party", "supports", "joseph_aoun")},
        set(),
    ),
    (
        "The Coordination Framework named Mohammed Shia al-Sudani as its candidate for prime "
        "minister.",
        DATE,
        {("coordination_framework", "supports", "mohammed_shia_al_sudani")},
        set(),
    ),
    (
        "The Lebanese Forces party did not name Joseph Aoun as its candidate.",
        DATE,
        set(),
        {("lebanese_forces_party", "supports", "joseph_aoun")},
    ),
    (
        "The Lebanese Forces party rejected Joseph Aoun as a candidate.",
        DATE,
        {("lebanese_forces_party", "opposes", "joseph_aoun")},
        {("lebanese_forces_party", "supports", "joseph_aoun")},
    ),
]

# rejecting or vetoing an actor's bill or resolution opposes (a legislature: votes against) its
# author; adopting one, or vetoing a resolution against a third party, is no stance on it
AUTHORS: list[Row] = [
    (
        "Russia vetoed the US resolution.",
        DATE,
        {("russia", "opposes", "us")},
        set(),
    ),
    (
        "Russia vetoed a US draft resolution on Gaza.",
        DATE,
        {("russia", "opposes", "us")},
        set(),
    ),
    (
        "The United States vetoed a resolution submitted by Algeria.",
        DATE,
        {("us", "opposes", "algeria")},
        set(),
    ),
    (
        "The Knesset rejected Netanyahu's bill.",
        DATE,
        {("knesset", "votes_against", "benjamin_netanyahu")},
        set(),
    ),
    (
        "Russia did not veto the US resolution.",
        DATE,
        set(),
        {("russia", "opposes", "us")},
    ),
    (
        "The Security Council adopted the US resolution.",
        DATE,
        set(),
        {("un_security_council", "opposes", "us")},
    ),
    (
        "The United States vetoed the resolution condemning Israel.",
        DATE,
        set(),
        {("us", "opposes", "israel"), ("us", "votes_against", "israel")},
    ),
]


@pytest.mark.parametrize(
    ("text", "date", "found", "refused"),
    CABINETS + AGREEMENTS + LAWS + STATUS + CONFIDENCE + PROTESTS + NOMINATIONS + AUTHORS,
)
def test_legislature_and_government_constructions(extract, text, date, found, refused):
    triples = extract(text, date)
    assert found <= triples, triples
    assert not refused & triples, triples
