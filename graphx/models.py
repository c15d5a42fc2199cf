"""Frozen records passed between the stages: documents, actors, mentions, relation mentions."""

from __future__ import annotations

from dataclasses import dataclass

RELATION_TYPES: tuple[str, ...] = (
    "supports",
    "opposes",
    "strikes",
    "votes_against",
    "demands_withdrawal",
    "threatens",
    "negotiates",
    "part_of",
    "leads",
)


@dataclass(frozen=True)
class Document:
    """One input document. `text` is exactly as read: every span indexes into it."""

    id: str
    text: str
    source: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    outlet: str | None = None  # who published it: JSON Lines `outlet`, else the URL's host


@dataclass(frozen=True)
class Actor:
    """An actor of the knowledge base, or a provisional one found in text."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    country: str | None = None
    wikidata: str | None = None
    provisional: bool = False
    description: str | None = None


@dataclass(frozen=True)
class ActorMention:
    """An actor as named at one place in a document (its span is in document offsets)."""

    actor: Actor
    start: int
    end: int
    text: str
    via: str = "name"  # name | alias | demonym | capital | title | coref | provisional


@dataclass(frozen=True)
class RelationMention:
    """One relation as stated in one sentence of one document, with its evidence."""

    doc: str
    relation: str
    source: ActorMention
    target: ActorMention
    sentence: str
    sentence_span: tuple[int, int]
    date: str | None
    claimed_by: ActorMention | None
    confidence: float
    rule: str
    negated: bool = False
