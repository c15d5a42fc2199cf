"""Row building (graphx.store.rows): records checked against the extraction contract, actor rows
from the knowledge base or the record, batches of whole documents, and the edges the mentions
call for (unit tier: a small knowledge base built here, no store)."""

from __future__ import annotations

from typing import Any

import pytest

from graphx.errors import InputError
from graphx.extraction.kb import KnowledgeBase, _Builder
from graphx.extraction.pipeline import relation_from_record
from graphx.models import Actor, Document
from graphx.store.rows import (
    EDGE_LABELS,
    Batch,
    RowBuilder,
    batches_by_document,
    desired_edges,
    stored_actor,
)

from .relations import relation, said

WEIGHTS = {"strikes": -10, "supports": 6, "part_of": 5}


def _kb() -> KnowledgeBase:
    builder = _Builder()
    builder.add_file(
        "data/kb/test.yaml",
        "states:\n"
        "  - {id: narnia, name: Narnia, demonyms: [Narnian]}\n"
        "actors:\n"
        "  - {id: narnia_army, name: Narnian Army, type: state_forces, parents: [narnia],"
        " aliases: [NA], wikidata: Q42}\n"
        "  - {id: border_guard, name: Border Guard, type: state_forces, parents: [narnia_army]}\n"
        "  - {id: lion_militia, name: Lion Militia, type: armed_group, parents: [narnia_army]}\n",
    )
    return builder.build()


@pytest.fixture(scope="module")
def builder() -> RowBuilder:
    return RowBuilder(_kb())


def _record(**changes: Any) -> dict[str, Any]:
    """A JSON record of the extraction contract, as `graphx extract` writes one."""
    record: dict[str, Any] = {
        "doc": "d1",
        "relation": "strikes",
        "source": {"id": "lion_militia", "name": "Lion Militia", "span": [0, 4]},
        "target": {"id": "border_guard", "name": "Border Guard", "span": [20, 24]},
        "sentence": "The militia shelled the border post.",
        "sentence_span": [0, 36],
    }
    record.update(changes)
    return record


# ----------------------------------------------------------------------------- the contract
def test_a_record_following_the_contract_becomes_a_relation_mention():
    relation = relation_from_record("out.jsonl:1", _record(confidence=1, negated=True))
    assert (relation.source.actor.id, relation.relation, relation.target.actor.id) == (
        "lion_militia",
        "strikes",
        "border_guard",
    )
    assert relation.sentence_span == (0, 36) and relation.confidence == 1.0
    # what a hand-written record leaves out gets its default, not a made-up value
    assert (relation.date, relation.claimed_by, relation.rule) == (None, None, None)
    assert relation.source.actor.provisional is True and relation.negated is True


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ([1, 2], "not a JSON object"),
        ({k: v for k, v in _record().items() if k != "sentence_span"}, "missing 'sentence_span'"),
        (_record(relation="befriends"), "unknown relation 'befriends'"),
        (_record(source={"id": "x", "span": [0, 1]}), "'source' needs an 'id' and a 'name'"),
        (_record(target="border_guard"), "'target' needs an 'id' and a 'name'"),
        (_record(confidence="high"), "'confidence' must be a number"),
        (_record(sentence_span=[0]), "'sentence_span' must be [start, end] (two integers)"),
    ],
    ids=[
        "not-an-object",
        "missing-key",
        "unknown-relation",
        "no-name",
        "not-a-mapping",
        "confidence",
        "span",
    ],
)
def test_a_record_breaking_the_contract_names_where_and_why(record: Any, reason: str):
    with pytest.raises(InputError) as error:
        relation_from_record("out.jsonl:7", record)
    assert (error.value.where, error.value.reason) == ("out.jsonl:7", reason)
    assert str(error.value) == f"out.jsonl:7: {reason}"


# ----------------------------------------------------------------------------- actor rows
def test_a_known_actor_row_comes_from_the_knowledge_base_not_the_mention(builder: RowBuilder):
    row = builder.actor_row(Actor(id="narnia_army", name="the army", type="armed_group"))
    assert row == {
        "id": "narnia_army",
        "name": "Narnian Army",
        "type": "state_forces",
        "aliases": ["NA"],
        "country": None,
        "wikidata": "Q42",
        "provisional": False,
        "rollup": "narnia",
        "parent_ids": ["narnia"],
    }


def test_an_unknown_actor_row_keeps_its_own_details(builder: RowBuilder):
    wolves = Actor(id="provisional:sea_wolves", name="Sea Wolves", type="", provisional=True)
    row = builder.actor_row(wolves)
    assert row["name"] == "Sea Wolves" and row["type"] == "provisional"
    assert row["provisional"] is True and row["rollup"] == "provisional:sea_wolves"
    assert row["parent_ids"] == [] and row["aliases"] == []
    typed = builder.actor_row(Actor(id="x", name="X", type="person"))
    assert (typed["type"], typed["provisional"]) == ("person", False)


def test_a_stored_actor_row_reads_back_as_an_actor():
    actor = stored_actor({"id": "x", "name": None, "aliases": ["Ex"], "provisional": False})
    assert actor == Actor(id="x", name="x", type="provisional", aliases=("Ex",))
    assert stored_actor({"id": "y"}).provisional is True  # unless the row says otherwise


def test_actors_come_with_all_their_parents(builder: RowBuilder):
    guard = Actor(id="border_guard", name="BG", type="state_forces")
    rows = builder.actor_closure([guard])
    assert set(rows) == {"border_guard", "narnia_army", "narnia"}
    assert "lion_militia" not in rows  # a sibling is not a parent
    assert builder.actor_closure([guard], skip=["narnia"]).keys() == {"border_guard", "narnia_army"}
    # a stored row is taken as well as an Actor
    assert set(builder.actor_closure([{"id": "narnia_army"}])) == {"narnia_army", "narnia"}


# ----------------------------------------------------------------------------- mentions
def test_a_mention_row_flattens_the_mention_and_gets_a_content_id(builder: RowBuilder):
    batch = Batch()
    builder.add(batch, relation(claimed_by=said("narnia", 40)))
    [(mention_id, row)] = batch.mentions.items()
    assert row["id"] == mention_id and len(mention_id) == 20
    assert (row["source_id"], row["target_id"], row["claimed_by"]) == (
        "lion_militia",
        "border_guard",
        "narnia",
    )
    assert (row["source_start"], row["source_end"], row["target_start"]) == (0, 4, 20)
    assert (row["source_text"], row["sentence_start"], row["sentence_end"]) == (
        "Lion Militia",
        0,
        36,
    )
    assert row["negated"] is False and row["confidence"] == 0.8
    # every actor named, their parents too, but no actor the mention does not reach
    assert set(batch.actors) == {"lion_militia", "border_guard", "narnia_army", "narnia"}
    assert all("parent_ids" not in row for row in batch.actor_rows())
    # the same mention again is the same row; a changed one is another
    builder.add(batch, relation(claimed_by=said("narnia", 40)))
    assert len(batch.mentions) == 1
    builder.add(batch, relation(claimed_by=said("narnia", 40), negated=True))
    assert len(batch.mentions) == 2


# ----------------------------------------------------------------------------- documents, batches
def test_a_document_row_keeps_known_metadata_and_marks_unknown(builder: RowBuilder):
    batch = Batch()
    document = Document(id="d1", text="t", source="s", title="T", date="2024", url="u", outlet="o")
    builder.document_row(batch, "d1", document)
    builder.document_row(batch, "d2", None)
    assert batch.documents["d1"] == {
        "id": "d1",
        "title": "T",
        "date": "2024",
        "url": "u",
        "outlet": "o",
    }
    assert batch.documents["d2"]["title"] is None
    assert batch.metadata_unknown == {"d2"}
    # a document first known with metadata is not marked unknown when named again without
    builder.document_row(batch, "d1", None)
    assert batch.metadata_unknown == {"d2"} and batch.documents["d1"]["title"] == "T"


def test_batches_hold_whole_documents(builder: RowBuilder):
    def doc(doc_id: str, count: int) -> tuple[None, str, list[dict[str, Any]]]:
        return None, doc_id, [relation(doc_id, sentence=f"s{n}") for n in range(count)]

    batches = list(
        batches_by_document([doc("a", 2), doc("b", 2), doc("c", 3), doc("e", 0)], builder, size=4)
    )
    assert [sorted(b.documents) for b in batches] == [["a", "b"], ["c", "e"]]
    assert [len(b.mentions) for b in batches] == [4, 3]
    # a document larger than the size is one batch of its own, never split
    [big] = list(batches_by_document([doc("big", 9)], builder, size=4))
    assert len(big.mentions) == 9
    assert list(batches_by_document([], builder)) == []


# ----------------------------------------------------------------------------- edges
def _aggregate(source: str, relation: str, target: str, **counts: Any) -> dict[str, Any]:
    row = {"source": source, "relation": relation, "target": target}
    row.update({"mentions": 3, "documents": 2, "sources": 1, "first_date": "2023-05"})
    row.update({"last_date": "2024-01-02"}, **counts)
    return row


def test_desired_edges_carry_counts_dates_and_weights_by_label():
    edges = desired_edges(
        [_aggregate("a", "strikes", "b"), _aggregate("b", "supports", "c", sources=None)],
        WEIGHTS,
        kb_links=[("a", "c")],
    )
    assert set(edges) == set(EDGE_LABELS.values())
    strike = edges["STRIKES"][("a", "b")]
    assert (strike["mentions"], strike["documents"], strike["sources"]) == (3, 2, 1)
    assert (strike["first_date"], strike["last_date"]) == ("2023-05", "2024-01-02")
    assert strike["weight"] == -10.0 and strike["kb"] is False
    assert edges["SUPPORTS"][("b", "c")]["sources"] == 0  # no outlet known counts 0
    assert ("a", "b") not in edges["SUPPORTS"] and edges["OPPOSES"] == {}
    membership = edges["PART_OF"][("a", "c")]
    assert membership["kb"] is True and membership["mentions"] == 0 and membership["weight"] == 5.0


def test_a_membership_texts_state_keeps_its_counts_and_gains_the_kb_mark():
    edges = desired_edges([_aggregate("a", "part_of", "c")], WEIGHTS, kb_links=[("a", "c")])
    assert edges["PART_OF"][("a", "c")]["mentions"] == 3
    assert edges["PART_OF"][("a", "c")]["kb"] is True
