"""Reciprocal verbs: a coordinated or plural subject holds the relation between its members
("Iran and Saudi Arabia met in Baghdad", "Israel and Hezbollah clashed along the border", "the
two governments negotiated for months", "the sides traded fire")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.registry import VERBAL, Candidate, Trigger, token_rule
from graphx.extraction.rules.syntax import cue_form, idiom_object, unique


@token_rule(
    "reciprocal",
    family="verbs",
    confidence=0.75,
    trigger=Trigger("mutual_verbs", VERBAL),
    reads='"Iran and Saudi Arabia met in Baghdad", "the two sides clashed", "Israel and '
    'Hezbollah traded fire"',
)
def reciprocal(r: Reader, verb: Token) -> Iterator[Candidate]:
    """A reciprocal verb without an actor as its object: its subjects act on each other."""
    form = cue_form(verb, r.lex.mutual_verbs)
    if form is None:
        return
    for relation, objects in r.lex.mutual_verbs[form]:
        if objects and idiom_object(verb, objects) is None:
            continue  # "traded barbs" is no exchange of fire
        if _names_a_party(r, verb):
            continue  # "Iran met Iraq", "fought ISIS", "clashed with the army": the verb rule
        sides = unique(r.agents(verb))
        if relation == "strikes" and _quarrel(r, verb, sides):
            relation = "opposes"  # "Iran and the US clashed over the nuclear deal"
        if len({m.actor.id for m in sides}) >= 2:
            yield Candidate(relation, sides[:1], sides[1:], verb, "reciprocal")
        return


def _names_a_party(r: Reader, verb: Token) -> bool:
    """Whether the verb's object, or the object of one of its prepositions, is an actor."""
    for child in verb.children:
        if child.dep_ in {"dobj", "dative"} and r.resolve(child):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in {"with", "against", "alongside"}
            and any(r.resolve(p) for p in child.children if p.dep_ == "pobj")
        ):
            return True
    return False


def _quarrel(r: Reader, verb: Token, sides: list) -> bool:
    from graphx.extraction.rules.verbs import verbal_clash  # (lazy: keeps the rule order)

    return verbal_clash(r, verb, sides)
