"""Export date conversion (graphx.serve.export.gexf_date): stored ISO dates and prefixes as the
full days GEXF needs, the first day of a period or with `last` its last (unit tier)."""

from __future__ import annotations

import pytest

from graphx.serve.export import gexf_date


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2024-03-07", "2024-03-07", "2024-03-07"),  # a day is its own first and last day
        ("2024-03", "2024-03-01", "2024-03-31"),
        ("2024-04", "2024-04-01", "2024-04-30"),
        ("2024-02", "2024-02-01", "2024-02-29"),  # a leap year's February
        ("2023-02", "2023-02-01", "2023-02-28"),
        ("1900-02", "1900-02-01", "1900-02-28"),  # a century is no leap year
        ("2024", "2024-01-01", "2024-12-31"),
        (" 2024-05 ", "2024-05-01", "2024-05-31"),  # surrounding spaces are ignored
    ],
)
def test_a_date_or_prefix_becomes_the_first_or_last_day_of_its_period(value, first, last):
    assert gexf_date(value) == first
    assert gexf_date(value, last=True) == last
    assert gexf_date(value, last=True) >= gexf_date(value)


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "2024-13",  # no month 13
        "2023-02-29",  # no 29 February in 2023
        "2024-04-31",
        "0000",  # no year 0
        "2024-1",  # a month needs two digits
        "20240301",
        "2024-03-01T10:00",  # a time is not part of a stored date
        "March 2024",
    ],
)
def test_no_date_or_an_invalid_one_is_none_never_a_guess(value):
    assert gexf_date(value) is None
    assert gexf_date(value, last=True) is None
