"""A relation is dated by its own clause, through the real model: sentences written for the tests.

The document date is Friday 1 March 2024 unless a test says otherwise."""

from __future__ import annotations

import pytest

DOCUMENT_DATE = "2024-03-01"


@pytest.fixture(scope="module")
def dated(mentions):
    """(source id, relation, target id) -> date of each non-negated relation in `text`."""

    def run(text: str, date: str | None = DOCUMENT_DATE) -> dict[tuple[str, str, str], str | None]:
        return {
            (r.source.actor.id, r.relation, r.target.actor.id): r.date
            for r in mentions(text, date=date)
            if not r.negated
        }

    return run


# ----------------------------------------------------------------------------- own clause
def test_a_fronted_day_without_a_year_dates_the_main_clause(dated):
    found = dated(
        "On February 7, a US drone strike killed a Kataib Hezbollah commander in Baghdad."
    )
    assert found[("us", "strikes", "kataib_hezbollah")] == "2024-02-07"
    assert found[("us", "strikes", "kataib_hezbollah")] != DOCUMENT_DATE


def test_a_day_later_than_the_document_is_last_year(dated):
    found = dated("Iran condemned the US strike on Kataib Hezbollah on Dec. 30.")
    assert found[("us", "strikes", "kataib_hezbollah")] == "2023-12-30"
    assert found[("us", "strikes", "kataib_hezbollah")] != "2024-12-30"


def test_a_since_clause_does_not_date_the_main_clause(dated):
    found = dated(
        "Since US forces left Iraq in 2011, "
        "Kataib Hezbollah has attacked the US embassy repeatedly."
    )
    assert found[("kataib_hezbollah", "strikes", "us_embassy_baghdad")] == DOCUMENT_DATE
    assert found[("kataib_hezbollah", "strikes", "us_embassy_baghdad")] != "2011"


def test_since_a_year_is_a_start_point_not_the_event_date(dated):
    found = dated("Iran has backed the Houthis since 2015.")
    assert found[("iran", "supports", "houthis")] == DOCUMENT_DATE
    assert found[("iran", "supports", "houthis")] != "2015"


def test_an_after_clause_keeps_its_date_to_itself(dated):
    found = dated(
        "Israel struck Hamas in Gaza last week, after Hamas attacked Israel in October 2023."
    )
    assert found[("israel", "strikes", "hamas")] == "2024-02"
    assert found[("israel", "strikes", "hamas")] != "2023-10"
    assert found[("hamas", "strikes", "israel")] == "2023-10"
    assert found[("hamas", "strikes", "israel")] != "2024-02"


def test_a_relative_clause_keeps_its_date_to_itself(dated):
    found = dated("Kataib Hezbollah, which Iran founded in 2003, attacked US forces yesterday.")
    assert found[("kataib_hezbollah", "strikes", "us_military")] == "2024-02-29"
    assert found[("kataib_hezbollah", "strikes", "us_military")] != "2003"


def test_the_reporting_clause_does_not_date_the_report(dated):
    found = dated("Iraq said last week that the US had bombed Kataib Hezbollah.")
    assert found[("us", "strikes", "kataib_hezbollah")] == DOCUMENT_DATE
    assert found[("us", "strikes", "kataib_hezbollah")] != "2024-02"


def test_a_date_inside_reported_speech_dates_it(dated):
    found = dated("Iraq said last week that the US had bombed Kataib Hezbollah on 7 February.")
    assert found[("us", "strikes", "kataib_hezbollah")] == "2024-02-07"
    assert found[("us", "strikes", "kataib_hezbollah")] != "2024-02"


def test_a_verb_sharing_its_subject_shares_its_date(dated):
    found = dated("The US invaded Iraq in 2003 and toppled Saddam Hussein.")
    assert found[("us", "strikes", "iraq")] == "2003"
    assert found[("us", "strikes", "saddam_hussein")] == "2003"
    assert DOCUMENT_DATE not in found.values()
    found = dated("The US invaded Iraq and toppled Saddam Hussein in 2003.")
    assert found[("us", "strikes", "iraq")] == "2003"
    assert found[("us", "strikes", "saddam_hussein")] == "2003"


def test_verbs_with_subjects_of_their_own_keep_their_own_dates(dated):
    found = dated(
        "Kataib Hezbollah attacked the US embassy in 2019 and threatened Israel yesterday."
    )
    assert found[("kataib_hezbollah", "strikes", "us_embassy_baghdad")] == "2019"
    assert found[("kataib_hezbollah", "threatens", "israel")] == "2024-02-29"
    assert found[("kataib_hezbollah", "threatens", "israel")] != "2019"


def test_a_participle_takes_the_time_of_the_clause_it_leans_on(dated):
    found = dated("The US, backed by the UK, invaded Iraq in 2003.")
    assert found[("uk", "supports", "us")] == "2003"
    found = dated("US forces returned to Iraq in 2014 to fight Islamic State.")
    assert found[("us_military", "strikes", "isis")] == "2014"
    assert found[("us_military", "strikes", "isis")] != DOCUMENT_DATE


def test_a_clause_with_its_own_subject_does_not_lean_on_the_main_one(dated):
    found = dated("The US, which invaded Iraq in 2003, struck Kataib Hezbollah yesterday.")
    assert found[("us", "strikes", "iraq")] == "2003"
    assert found[("us", "strikes", "iraq")] != "2024-02-29"
    assert found[("us", "strikes", "kataib_hezbollah")] == "2024-02-29"


def test_an_after_participle_does_not_take_the_later_date(dated):
    found = dated("Militias struck US forces yesterday after attacking Israel on 3 February.")
    assert found[("pmf", "strikes", "israel")] == "2024-02-03"
    assert found[("pmf", "strikes", "israel")] != "2024-02-29"
    found = dated("Militias struck US forces yesterday after attacking Israel.")
    assert found[("pmf", "strikes", "israel")] == DOCUMENT_DATE
    assert found[("pmf", "strikes", "israel")] != "2024-02-29"


# ----------------------------------------------------------------------------- relative dates
def test_a_weekday_is_the_latest_one_before_the_document_date(dated):
    found = dated("The Pentagon said Kataib Hezbollah attacked US forces on Tuesday.")
    assert found[("kataib_hezbollah", "strikes", "us_military")] == "2024-02-27"
    assert found[("kataib_hezbollah", "strikes", "us_military")] != "2024-03-05"


def test_last_month_and_earlier_this_month(dated):
    found = dated(
        "Israel struck Hezbollah in Lebanon last month. "
        "Earlier this month, Israel killed a Hamas commander in Beirut."
    )
    assert found[("israel", "strikes", "hezbollah")] == "2024-02"
    assert found[("israel", "strikes", "hamas")] == "2024-03"
    assert found[("israel", "strikes", "hamas")] != DOCUMENT_DATE


def test_a_dateline_is_the_reference_of_its_section(dated):
    text = (
        "Strikes Continue\n\nMarch 1, 2024\n\nIsrael struck Hezbollah in Lebanon yesterday.\n\n"
        "March 5, 2024\n\nIsrael struck Hamas in Gaza yesterday."
    )
    found = dated(text, date=None)
    assert found[("israel", "strikes", "hezbollah")] == "2024-02-29"
    assert found[("israel", "strikes", "hamas")] == "2024-03-04"
    assert found[("israel", "strikes", "hamas")] != "2024-02-29"


def test_without_a_document_date_relative_dates_fall_back(dated):
    found = dated("Israel struck Hezbollah in Lebanon yesterday, as it did in 2006.", date=None)
    assert found[("israel", "strikes", "hezbollah")] is None
    found = dated("Israel struck Hezbollah in Lebanon in July 2006.", date=None)
    assert found[("israel", "strikes", "hezbollah")] == "2006-07"
