"""Unit tier for graphx.extraction.dates: resolving stated and relative dates (pure
functions, no model)."""

from __future__ import annotations

import pytest

from graphx.extraction.dates import (
    DateIndex,
    dates_in,
    resolve_month_day,
    resolve_relative,
    resolve_weekday,
    stated_date,
)

# 2024-03-01 is a Friday; 2024 is a leap year.
FRIDAY = "2024-03-01"


def values(text: str, reference: str | None = FRIDAY) -> list[str]:
    return [found.value for found in dates_in(text, reference)]


# ----------------------------------------------------------------------------- month and day
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Drones hit the depot on February 7.", "2024-02-07"),
        ("Drones hit the depot on Feb. 7.", "2024-02-07"),
        ("Drones hit the depot on 7 February.", "2024-02-07"),
        ("Drones hit the depot on Feb 29th.", "2024-02-29"),
    ],
)
def test_a_day_without_a_year_takes_the_reference_year(text: str, expected: str):
    assert values(text) == [expected]
    assert values(text) != ["2023-02-07"]


def test_a_day_after_the_reference_is_in_the_year_before():
    assert resolve_month_day(12, 30, FRIDAY) == "2023-12-30"
    assert resolve_month_day(3, 2, FRIDAY) == "2023-03-02"
    assert resolve_month_day(3, 1, FRIDAY) == "2024-03-01"  # the reference day itself


def test_a_month_precise_reference_moves_the_year_only_for_a_later_month():
    assert resolve_month_day(3, 20, "2024-03") == "2024-03-20"
    assert resolve_month_day(4, 2, "2024-03") == "2023-04-02"
    assert resolve_month_day(11, 2, "2024") == "2024-11-02"


def test_a_day_without_a_year_needs_a_reference():
    assert resolve_month_day(2, 7, None) is None
    assert values("Drones hit the depot on February 7.", None) == []


def test_an_impossible_day_is_no_date():
    assert resolve_month_day(2, 30, FRIDAY) is None
    assert values("Drones hit the depot on February 30.") == []


def test_full_dates_and_months_keep_their_own_year():
    found = values("It began on February 7, 2019 and ended in May 2020.")
    assert found == ["2019-02-07", "2020-05"]
    # a month and year is not a month and day: "February 20" must not be read from it
    assert "2024-02-20" not in values("Talks resumed in February 2024.")


def test_words_that_start_like_months_are_no_dates():
    assert values("Some 7 Marines and 3 Mayors were hurt.") == []
    assert values("The may 5 clause is lower case.") == []


# ----------------------------------------------------------------------------- relative dates
@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("yesterday", "2024-02-29"),
        ("last night", "2024-02-29"),
        ("today", "2024-03-01"),
        ("earlier today", "2024-03-01"),
        ("this morning", "2024-03-01"),
        ("last month", "2024-02"),
        ("earlier this month", "2024-03"),
        ("last year", "2023"),
        ("earlier this year", "2024"),
        ("this year", "2024"),
    ],
)
def test_relative_dates_resolve_to_the_precision_they_give(phrase: str, expected: str):
    assert values(f"Militias shelled the airport {phrase}.") == [expected]


def test_yesterday_crosses_month_and_year():
    assert resolve_relative("yesterday", "2024-01-01") == "2023-12-31"
    assert resolve_relative("yesterday", "2024-01-01") != "2024-01-00"


def test_last_month_in_january_is_december_of_the_year_before():
    assert resolve_relative("last_month", "2024-01-15") == "2023-12"
    assert resolve_relative("last_month", "2024-01-15") != "2024-00"


def test_a_weekday_is_the_latest_one_on_or_before_the_reference():
    assert values("Militias shelled the airport on Tuesday.") == ["2024-02-27"]
    assert values("Militias shelled the airport on Friday.") == ["2024-03-01"]
    assert values("Militias shelled the airport last Friday.") == ["2024-02-23"]
    assert resolve_weekday(5, FRIDAY) == "2024-02-24"  # Saturday


def test_days_to_come_and_habits_are_no_dates():
    assert values("Talks open next Tuesday.") == []
    assert values("Protesters march on Fridays.") == []


def test_last_week_is_its_month_when_the_week_lies_in_one():
    # 7 days before Friday 1 March: Friday 23 February, in the week 19-25 February
    assert resolve_relative("last_week", FRIDAY) == "2024-02"
    # 7 days before Monday 4 March: Monday 26 February, week 26 February - 3 March
    assert resolve_relative("last_week", "2024-03-04") == "2024-03"
    assert resolve_relative("last_week", "2024-03-04") != "2024-02"
    assert resolve_relative("last_week", "2024-03-20") == "2024-03"


def test_durations_are_no_dates():
    assert values("Attacks doubled over the last year and the past month.") == []


def test_relative_dates_need_a_precise_enough_reference():
    assert resolve_relative("yesterday", "2024-03") is None
    assert resolve_relative("last_week", "2024") is None
    assert resolve_relative("last_month", "2024") is None
    assert resolve_relative("last_year", "2024") == "2023"
    assert values("Militias shelled the airport yesterday.", None) == []


# ----------------------------------------------------------------------------- existing behaviour
def test_stated_date_without_a_reference_behaves_as_before():
    sentence = "On February 7, a year after the 2003 invasion, troops left."
    assert stated_date(sentence) == "2003"
    assert stated_date(sentence, reference=FRIDAY) == "2024-02-07"
    assert stated_date("Troops left yesterday.") is None


def test_stated_date_takes_the_date_nearest_the_anchor():
    sentence = "The war of 1991 ended before the invasion of 2003."
    assert stated_date(sentence, anchor=sentence.index("invasion")) == "2003"
    assert stated_date(sentence, anchor=sentence.index("war")) == "1991"


def test_date_index_uses_the_dateline_in_force():
    text = "Headline\n\nMarch 1, 2024\n\nFirst part.\n\nMarch 5, 2024\n\nSecond part."
    index = DateIndex(text)
    assert index.document_date == "2024-03-01"
    assert index.date_at(text.index("Second")) == "2024-03-05"
    assert index.date_at(text.index("First")) == "2024-03-01"
