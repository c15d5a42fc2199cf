"""Responsibility: "X claimed responsibility for the attack on Y", "Washington blamed X for the
rocket fire on Y", "an attack on Y attributed to X", "X was responsible for the bombing" make X
the event's agent, with the one who says so as the claimant. Denying responsibility gives X
nothing (the attribution context negates it)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.event_nouns import EVENT_NOUNS, reading_by
from graphx.extraction.rules.registry import Candidate, token_rule


@token_rule(
    "responsibility",
    family="responsibility",
    confidence=0.7,
    trigger=EVENT_NOUNS,
    reads='"X claimed responsibility for the attack on Y", "blamed X for the rocket fire on '
    'Y", "an attack on Y attributed to X"',
)
def responsibility(r: Reader, noun: Token) -> Iterator[Candidate]:
    """An event whose agent is the one who claims it or is blamed for it (the claim or the
    blame, with its speaker, is the evidence)."""
    yield from reading_by(r, noun, "responsibility")
