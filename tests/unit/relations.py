"""Relation mentions built by hand for the unit tests of the stores' row code (the row
builder and the bulk export): a militia shelling a border post in document "d1" unless a test
says otherwise."""

from __future__ import annotations

from typing import Any

from graphx.models import Actor, ActorMention, RelationMention


def said(actor_id: str, start: int = 0, **actor: Any) -> ActorMention:
    """A mention of `actor_id` at `start` (a provisional actor named after its id unless
    `actor` gives its fields)."""
    fields = {"name": actor_id.replace("_", " ").title(), "type": "provisional", **actor}
    return ActorMention(Actor(id=actor_id, **fields), start, start + 4, fields["name"])


def relation(doc: str = "d1", target_id: str = "border_guard", **changes: Any) -> RelationMention:
    """The Lion Militia strikes `target_id` in `doc`, with `changes` to any field."""
    fields: dict[str, Any] = {
        "doc": doc,
        "relation": "strikes",
        "source": said("lion_militia", 0),
        "target": said(target_id, 20),
        "sentence": "The militia shelled the border post.",
        "sentence_span": (0, 36),
        "date": "2024-03-01",
        "claimed_by": None,
        "confidence": 0.8,
        "rule": "verb",
    }
    fields.update(changes)
    return RelationMention(**fields)
