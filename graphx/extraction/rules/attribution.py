"""Attribution and accusation: the one who reports a hostile act of another, in an accusing
claim, opposes the one accused ("Washington accused Kataib Hezbollah of attacking its troops",
"Baghdad charged that the militia had shelled the base")."""

from __future__ import annotations

from spacy.tokens import Token

from graphx.extraction.mentions import TokenMention
from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.registry import Found, derived_rule

ACCUSATION = derived_rule(
    "accusation",
    family="attribution",
    confidence=0.6,
    reads='"Washington accused Kataib Hezbollah of attacking its troops" (Washington opposes '
    "Kataib Hezbollah)",
)


def accused(
    r: Reader,
    relation: str,
    source: TokenMention,
    cue: Token,
    negated: bool,
    claimant: TokenMention | None,
    accusing: bool,
) -> Found | None:
    """The opposition an accusing claim of a hostile relation says of its claimant."""
    if (
        not accusing
        or claimant is None
        or negated
        or r.lex.weight(relation) >= 0
        or claimant.actor.id == source.actor.id
    ):
        return None
    return Found(
        "opposes", claimant, source, cue, ACCUSATION.name, ACCUSATION.confidence, False, claimant
    )
