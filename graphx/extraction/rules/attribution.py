"""Attribution and accusation: the one who reports a hostile act of another, in an accusing
claim, opposes the one accused ("Washington accused Kataib Hezbollah of attacking its troops",
"Baghdad charged that the militia had shelled the base"); the one who puts an attack on another
opposes it ("Pompeo pinned the attacks on Kataib Hezbollah")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphx.extraction.mentions import TokenMention
from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.registry import (
    VERBAL,
    Candidate,
    Found,
    Trigger,
    derived_rule,
    token_rule,
)
from graphx.extraction.rules.syntax import cue_form, prep_objects

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


@token_rule(
    "blame-on",
    family="attribution",
    confidence=0.65,
    trigger=Trigger("blame_verbs", VERBAL),
    reads='"Pompeo pinned the attacks on Kataib Hezbollah", "Washington blamed the attack on US '
    'forces on the militias" (the last "on" names the one blamed, an earlier one the target)',
)
def blame_on(r: Reader, verb: Token) -> Iterator[Candidate]:
    """Putting an attack on an actor ("blamed the bombing on X", "pinned the attacks on X")
    opposes the actor blamed; not "pinned its hopes on Egypt" (the object is no hostile act)."""
    events = [c for c in verb.children if c.dep_ == "dobj" and _hostile_event(r, c)]
    if not events:
        return
    targets = [m for b in r.blamed_for_event(verb, events[0]) for m in r.resolve(b)]
    sources = r.agents(verb)
    own = {a for s in sources for a in r.kb.ancestors(s.actor.id)}
    targets = [m for m in targets if m.actor.id not in own]
    if sources and targets:
        yield Candidate("opposes", sources, targets, verb, "blame-on")


def _hostile_event(r: Reader, noun: Token) -> bool:
    """ "the attacks", "a string of attacks", "the explosions": an act of force or harm."""
    if r.lex.nouns.get(cue_form(noun, r.lex.nouns) or "") == "strikes" or r.is_word(
        noun, "blamed_events"
    ):
        return True
    return r.is_word(noun, "quantity_nouns") and any(
        _hostile_event(r, p) for p in prep_objects(noun, ("of",))
    )
