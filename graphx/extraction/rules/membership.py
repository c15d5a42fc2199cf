"""Membership the text states and the knowledge base confirms: "the Quds Force of Iran's
Revolutionary Guards", "the Revolutionary Guards' Quds Force", "Hezbollah's Radwan unit" name a
unit through the body it belongs to."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graphx.extraction.mentions import TokenMention
from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.registry import Candidate, sentence_rule


@sentence_rule(
    "possessed-unit",
    family="membership",
    confidence=0.75,
    reads='"the Quds Force of Iran\'s Revolutionary Guards", "the Revolutionary Guards\' '
    'Quds Force" (a unit named through its parent body, as the knowledge base has it)',
)
def possessed_unit(r: Reader, sent: Span) -> Iterator[Candidate]:
    """A named unit whose possessor or "of" object is a body above it in the knowledge base
    (never a state: "Iran's Quds Force" says where it is from, not what it joined)."""
    for mention in r.dm.in_sentence(r.dm.sentence_of[sent.start]):
        if mention.kind in {"coref", "title"}:
            continue
        head = r.head_of(mention)
        for whole in _possessors(r, head):
            if whole is mention:
                continue  # "IRGC's Quds Force" is one name
            if whole.actor.type != "state" and whole.actor.id in r.kb.ancestors(mention.actor.id):
                yield Candidate("part_of", [mention], [whole], head, "possessed-unit")


def _possessors(r: Reader, head: Token) -> list[TokenMention]:
    found: list[TokenMention] = []
    for child in head.children:
        if child.dep_ == "poss":
            found += [m for m in [r.dm.at(child)] if m is not None]
        elif child.dep_ == "prep" and child.lower_ == "of":
            found += [m for p in child.children if p.dep_ == "pobj" for m in [r.dm.at(p)] if m]
    return found
