"""Query-library parsing (graphx.serve.queries): the comment header, typed parameters with
defaults, actor parameters, unknown and missing parameters (unit tier: no store)."""

from __future__ import annotations

import pytest

from graphx.errors import GraphxError
from graphx.serve.queries import Param, library, parse_library_query, parse_params, prepare_query

HEADER = """\
// Who shelled whom near the river,
// counted by documents.
// param: actor (actor) — the attacker, by name or id
// param: limit = 20 — number of rows
// param: since = "2020" — earliest date
// param: rollup = true — count a state's organs as the state
// param: kinds = ["strikes"] - relation types
// example: graphx query river --param actor=pmf
// portable: no
MATCH (a:Actor {id: $actor}) RETURN a LIMIT $limit
// a comment in the body is not part of the summary
"""


@pytest.fixture(scope="module")
def river():
    return parse_library_query("river", HEADER)


# ----------------------------------------------------------------------------- the header
def test_the_header_gives_summary_example_and_portability(river):
    assert river.name == "river" and river.text == HEADER
    assert river.summary == "Who shelled whom near the river, counted by documents."
    assert "comment in the body" not in river.summary
    assert river.example == "graphx query river --param actor=pmf"
    assert river.portable is False


def test_parameters_are_read_with_kinds_defaults_and_descriptions(river):
    assert river.params == (
        Param("actor", "the attacker, by name or id", None, True, "actor"),
        Param("limit", "number of rows", 20, False, "value"),
        Param("since", "earliest date", "2020", False, "value"),
        Param("rollup", "count a state's organs as the state", True, False, "value"),
        Param("kinds", "relation types", ["strikes"], False, "value"),  # a plain hyphen too
    )
    assert [p.is_actor for p in river.params] == [True, False, False, False, False]


def test_a_query_without_a_header_is_portable_and_takes_no_parameters():
    bare = parse_library_query("bare", "MATCH (n) RETURN count(n)\n")
    assert (bare.summary, bare.params, bare.portable, bare.example) == ("", (), True, "")
    assert bare.parameters({}) == {}
    assert bare.parameter_list() == "it takes no parameters"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("// param: who (person) — someone", "parameter 'who' has unknown kind 'person'"),
        ("// param: limit = twenty — rows", "parameter 'limit' has a default that is not JSON"),
    ],
)
def test_a_malformed_parameter_line_is_an_error_naming_query_and_parameter(line, message):
    with pytest.raises(GraphxError) as error:
        parse_library_query("broken", f"// Broken.\n{line}\nRETURN 1\n")
    assert str(error.value).startswith(f"query 'broken': {message}")


# ----------------------------------------------------------------------------- parameters()
def test_given_values_take_their_defaults_types_and_the_rest_their_defaults(river):
    values = river.parameters({"actor": "Kataib Hezbollah", "limit": "5", "since": "2021"})
    assert values == {
        "actor": "Kataib Hezbollah",  # an actor stays as typed: it is resolved on the store
        "limit": 5,
        "since": "2021",  # a date stays text, not the number 2021
        "rollup": True,
        "kinds": ["strikes"],
    }
    assert river.parameters({"actor": "42", "rollup": "false"})["rollup"] is False
    assert river.parameters({"actor": "42"})["actor"] == "42"  # an actor id is never a number


def test_a_number_parameter_refuses_what_is_not_a_number(river):
    with pytest.raises(GraphxError, match="--param value 'ten' is not a number"):
        river.parameters({"actor": "pmf", "limit": "ten"})
    with pytest.raises(GraphxError, match=r"--param value '\[1\]' is not a number"):
        river.parameters({"actor": "pmf", "limit": "[1]"})


def test_a_missing_required_parameter_is_named_with_its_description(river):
    with pytest.raises(GraphxError) as error:
        river.parameters({"limit": "3"})
    assert str(error.value) == (
        "query 'river' needs --param actor=... (the attacker, by name or id)"
    )


def test_an_unknown_parameter_is_refused_listing_the_declared_ones(river):
    with pytest.raises(GraphxError) as error:
        river.parameters({"actor": "pmf", "top": "3", "colour": "red"})
    assert str(error.value) == (
        "query 'river' has no parameter 'colour', 'top'; its parameters: actor, limit=20, "
        'since="2020", rollup=true, kinds=["strikes"]'
    )


# ----------------------------------------------------------------------------- preparing
def test_a_prepared_library_query_lists_its_actor_parameters():
    prepared = prepare_query("between_two_actors", {"a": "pmf", "b": "United States"})
    assert prepared.name == "between_two_actors" and prepared.portable
    assert prepared.actor_params == ("a", "b")
    assert prepared.parameters == {"a": "pmf", "b": "United States"}


def test_inline_cypher_takes_any_parameter_read_as_json_or_text():
    prepared = prepare_query("MATCH (n) RETURN n LIMIT $n", {"n": "3", "who": "pmf"})
    assert prepared.name == "inline"
    assert prepared.parameters == {"n": 3, "who": "pmf"}
    assert prepared.actor_params == ()


def test_an_unknown_library_name_lists_the_known_ones():
    with pytest.raises(GraphxError) as error:
        prepare_query("most_attackd", {})
    message = str(error.value)
    assert message.startswith("'most_attackd' is not a library query (known: ")
    assert "most_attacked" in message
    assert "no such query file" not in message


def test_a_query_file_with_a_header_is_checked_like_the_library(tmp_path):
    path = tmp_path / "mine.cypher"
    path.write_text(HEADER, encoding="utf-8")
    with pytest.raises(GraphxError, match="query 'mine' has no parameter 'x'"):
        prepare_query(str(path), {"actor": "pmf", "x": "1"})
    assert prepare_query(str(path), {"actor": "pmf"}).portable is False
    with pytest.raises(GraphxError, match="no such query file or library query"):
        prepare_query(str(tmp_path / "missing.cypher"), {})


def test_every_bundled_query_parses_with_a_summary_and_an_example():
    queries = library()
    assert len(queries) >= 5
    for query in queries:
        assert query.summary and query.example.startswith(f"graphx query {query.name}")
        required = [p.name for p in query.params if p.required]
        # an example runs as written: it gives every required parameter
        assert all(f"--param {name}=" in query.example for name in required), query.name


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [(["limit=5", "a=x=y"], {"limit": "5", "a": "x=y"}), (["empty="], {"empty": ""}), ([], {})],
)
def test_param_pairs_keep_values_as_given(pairs, expected):
    assert parse_params(pairs) == expected


@pytest.mark.parametrize("pair", ["limit", "=5", "1st=2", "a b=1"])
def test_a_param_pair_without_a_name_is_an_error(pair: str):
    with pytest.raises(GraphxError, match="expected NAME=VALUE"):
        parse_params([pair])
