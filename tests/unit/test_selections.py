"""Selections (graphx.serve.network): relation lists, date options, and which edges and dates a
selection keeps (unit tier: no store)."""

from __future__ import annotations

import pytest

from graphx.errors import SelectionError
from graphx.models import RELATION_TYPES
from graphx.serve.network import Selection, check_date, parse_relations


# ----------------------------------------------------------------------------- parse_relations
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("strikes", ("strikes",)),
        ("strikes,opposes", ("strikes", "opposes")),
        (" Strikes , OPPOSES ,", ("strikes", "opposes")),  # spaces, case, a trailing comma
        ("part_of,leads", ("part_of", "leads")),
    ],
)
def test_relation_lists_are_read_in_order(text: str, expected: tuple[str, ...]):
    assert parse_relations(text) == expected


@pytest.mark.parametrize("text", [None, "", " , ,"])
def test_no_relation_list_selects_every_relation(text: str | None):
    assert parse_relations(text) == ()


def test_unknown_relation_names_are_all_named_with_the_choices():
    with pytest.raises(SelectionError) as error:
        parse_relations("strikes,attacks,befriends")
    message = str(error.value)
    assert message.startswith("unknown relation type 'attacks', 'befriends'; choose from ")
    assert "'strikes'" not in message  # the known one is not blamed
    assert message.endswith(", ".join(RELATION_TYPES))
    assert SelectionError.exit_code == 2


# ----------------------------------------------------------------------------- check_date
@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024", "2024"), ("2024-03", "2024-03"), ("2024-03-01", "2024-03-01"), (" 2024 ", "2024")],
)
def test_iso_dates_and_prefixes_pass_trimmed(value: str, expected: str):
    assert check_date("--since", value) == expected


def test_no_date_is_no_date():
    assert check_date("--since", None) is None


@pytest.mark.parametrize("value", ["24", "2024-3", "2024/03/01", "March 2024", "2024-03-01T10", ""])
def test_other_dates_are_an_error_naming_the_option(value: str):
    with pytest.raises(SelectionError) as error:
        check_date("--until", value)
    assert str(error.value) == (f"--until {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    assert "--since" not in str(error.value)


# ----------------------------------------------------------------------------- in_range
def test_without_a_range_every_date_and_no_date_is_in():
    selection = Selection()
    assert not selection.dated
    assert selection.in_range("1990-01-01") and selection.in_range("2024")
    assert selection.in_range(None) and selection.in_range("")


def test_since_keeps_dates_from_its_start_on():
    selection = Selection(since="2020-03")
    assert selection.dated
    assert selection.in_range("2020-03-01") and selection.in_range("2020-03")
    assert selection.in_range("2021")
    assert not selection.in_range("2020-02-29")
    assert not selection.in_range(None)  # an undated mention falls outside any range


def test_until_keeps_dates_through_its_whole_period():
    selection = Selection(until="2020-03")
    assert selection.in_range("2020-03-31")  # the last day of the month given
    assert selection.in_range("2020-03") and selection.in_range("2019")
    assert not selection.in_range("2020-04-01")
    assert not selection.in_range(None)
    year = Selection(until="2020")
    assert year.in_range("2020-12-31") and not year.in_range("2021-01-01")


def test_a_range_keeps_what_lies_between_its_ends():
    selection = Selection(since="2020-01-15", until="2020-02")
    assert [
        date
        for date in ("2020-01-14", "2020-01-15", "2020-02-29", "2020-03-01", "2020-02")
        if selection.in_range(date)
    ] == ["2020-01-15", "2020-02-29", "2020-02"]


# ----------------------------------------------------------------------------- keeps
def _edge(mentions: int) -> dict[str, int]:
    return {"mentions": mentions, "documents": 1}


def test_keeps_filters_by_relation_and_minimum_mentions():
    selection = Selection(relations=("strikes", "threatens"), min_count=2)
    assert selection.keeps("strikes", _edge(2)) and selection.keeps("threatens", _edge(5))
    assert not selection.keeps("strikes", _edge(1))  # below the minimum
    assert not selection.keeps("supports", _edge(9))  # not a selected relation


def test_the_default_selection_keeps_every_edge():
    selection = Selection()
    assert all(selection.keeps(relation, _edge(0)) for relation in RELATION_TYPES)
    assert (selection.actor, selection.hops, selection.rollup) == (None, 1, False)


def test_a_date_of_no_real_month_or_day_is_refused():
    from graphx.errors import SelectionError
    from graphx.serve.network import check_date

    for bad in ("2024-13", "2023-02-30", "2024-00"):
        with pytest.raises(SelectionError, match="--until"):
            check_date("--until", bad)
    assert check_date("--until", "2024-02-29") == "2024-02-29"  # a leap day is real
