"""The analyst query library: every query runs on both stores over the seed articles and
returns the same rows (order normalised); a query marked Neo4j-only is tested on Neo4j."""

from __future__ import annotations

import json
import re

import pytest

from graphx.serve.queries import library
from graphx.store.loading import build

from ..conftest import SHARED

SEEDS = SHARED / "seeds"
QUERIES = library()


def _example_params(query) -> dict[str, str]:
    return dict(re.findall(r"--param (\w+)=(\S+)", query.example))


def _normalised(rows: list[list]) -> list[str]:
    return sorted(json.dumps(row, sort_keys=True, default=str) for row in rows)


@pytest.fixture(scope="module")
def loaded_stores(tmp_path_factory):
    from graphx.store import open_store

    from ..conftest import _require_neo4j

    settings = _require_neo4j()
    embedded = open_store(db=str(tmp_path_factory.mktemp("lib") / "seeds.lbdb"))
    neo4j = open_store(neo4j=settings["uri"])
    neo4j.reset()
    for store in (embedded, neo4j):
        build(store, [str(SEEDS)])
    yield embedded, neo4j
    embedded.close()
    neo4j.close()


def test_library_has_the_analyst_queries():
    names = {q.name for q in QUERIES}
    assert len(QUERIES) >= 12
    for needed in (
        "who_strikes_whom",
        "allies_and_enemies",
        "enemies_of_my_enemy",
        "between_two_actors",
        "pair_timeline",
        "support_and_oppose_same_target",
        "most_attacked",
        "factions_and_patrons",
        "claims_by_actor",
        "provisional_actors",
        "shortest_chain",
        "documents_mentioning",
    ):
        assert needed in names
    for query in QUERIES:
        assert query.summary and query.example.startswith(f"graphx query {query.name}")
        assert query.text.lstrip().startswith("//")


@pytest.mark.parametrize("query", [q for q in QUERIES if q.portable], ids=lambda q: q.name)
def test_portable_queries_agree_on_both_stores(loaded_stores, query):
    embedded, neo4j = loaded_stores
    params = query.parameters(_example_params(query))
    on_embedded = embedded.query(query.text, params)
    on_neo4j = neo4j.query(query.text, params)
    assert on_embedded.columns == on_neo4j.columns
    assert _normalised(on_embedded.rows) == _normalised(on_neo4j.rows)


@pytest.mark.parametrize("query", [q for q in QUERIES if not q.portable], ids=lambda q: q.name)
def test_neo4j_only_queries_run_on_neo4j(loaded_stores, query):
    _, neo4j = loaded_stores
    result = neo4j.query(query.text, query.parameters(_example_params(query)))
    assert result.columns


def test_library_answers_are_not_empty(loaded_stores):
    embedded, _ = loaded_stores
    answered = [
        q.name
        for q in QUERIES
        if q.portable and embedded.query(q.text, q.parameters(_example_params(q))).rows
    ]
    # every portable query has rows on the seeds except where the seeds hold no such case
    assert len(answered) >= 9, answered
