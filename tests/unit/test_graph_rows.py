"""Row building and edge arithmetic, without a model or a database."""

from __future__ import annotations

from graphx.store import cypher
from graphx.store.rows import (
    _IDENTITY_FIELDS,
    EdgeChanges,
    counted_by_key,
    mention_id,
    updated_edges,
)

WEIGHTS = {"strikes": -10, "part_of": 5, "supports": 6}


def _row(**changes):
    row = {name: None for name in _IDENTITY_FIELDS}
    row.update(doc="d", relation="strikes", source_id="a", target_id="b", negated=False)
    row.update(changes)
    return row


def test_a_mention_id_covers_every_stored_property():
    assert set(_IDENTITY_FIELDS) == set(cypher.MENTION_COLUMNS) - {"id"}
    base = mention_id(_row(date="2021-03-03", sentence="x"))
    assert mention_id(_row(date="2021-03-03", sentence="x")) == base
    for name, value in [
        ("date", "2021-03-04"),
        ("sentence", "y"),
        ("confidence", 0.5),
        ("claimed_by", "c"),
        ("rule", "verb"),
        ("negated", True),
    ]:
        assert mention_id(_row(**{"date": "2021-03-03", "sentence": "x", name: value})) != base, (
            name
        )
    # None and the text "None" are different values
    assert mention_id(_row(rule=None)) != mention_id(_row(rule="None"))


def _edge(source, target, mentions, kb=False):
    return {
        "source": source,
        "target": target,
        "mentions": mentions,
        "documents": min(mentions, 1),
        "sources": 0,
        "first_date": None,
        "last_date": None,
        "weight": -10.0,
        "kb": kb,
    }


def test_touched_edges_take_their_recount_not_an_increment():
    present = {"STRIKES": {("a", "b"): _edge("a", "b", 5)}}
    changes = EdgeChanges()
    changes.add([{"source_id": "a", "relation": "strikes", "target_id": "b"}], {})
    recount = [
        {
            "source": "a",
            "relation": "strikes",
            "target": "b",
            "mentions": 1,
            "documents": 1,
            "sources": 1,
            "first_date": "2021",
            "last_date": "2021",
        }
    ]
    after = updated_edges(present, changes.touched, counted_by_key(recount, WEIGHTS), WEIGHTS)
    assert after["STRIKES"][("a", "b")]["mentions"] == 1  # not 5 + 1
    assert after["STRIKES"][("a", "b")]["documents"] == 1


def test_a_touched_edge_with_no_mention_left_goes():
    present = {"STRIKES": {("a", "b"): _edge("a", "b", 2)}}
    after = updated_edges(present, {("a", "strikes", "b")}, {}, WEIGHTS)
    assert after["STRIKES"] == {}


def test_part_of_follows_the_knowledge_base_as_it_is_now():
    present = {
        "PART_OF": {
            ("kh", "pmf"): _edge("kh", "pmf", 0, kb=True),  # parent still in the KB
            ("kh", "axis"): _edge("kh", "axis", 0, kb=True),  # parent dropped from the KB
            ("kh", "iri"): _edge("kh", "iri", 2, kb=True),  # dropped, but texts state it
        }
    }
    after = updated_edges(present, set(), {}, WEIGHTS, kb_links=[("kh", "pmf"), ("kh", "new")])
    part_of = after["PART_OF"]
    assert set(part_of) == {("kh", "pmf"), ("kh", "iri"), ("kh", "new")}
    assert part_of[("kh", "iri")]["kb"] is False and part_of[("kh", "iri")]["mentions"] == 2
    assert part_of[("kh", "new")]["kb"] is True
