"""Event nouns: "a US strike on Kataib Hezbollah", "Iran's support for the Houthis", "talks
between Baghdad and Washington", "the clashes between the army and the SDF"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphx.extraction.mentions import TokenMention
from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.registry import NOMINAL, Candidate, Trigger, token_rule
from graphx.extraction.rules.syntax import cue_form, unique

EVENT_NOUNS = Trigger("event_nouns", NOMINAL)


def read_event(r: Reader, noun: Token) -> Candidate | None:
    """The one reading of event noun `noun`, named by the rule it comes from: "mutual" for a
    relation between the sides of a mutual event, "responsibility" when its agent is the one
    who claims it or is blamed for it, otherwise "noun"."""
    key = ("event", noun.i)
    if key not in r.sentence_cache:
        r.sentence_cache[key] = _read_event(r, noun)
    return r.sentence_cache[key]


def _read_event(r: Reader, noun: Token) -> Candidate | None:
    lemma = noun.lemma_.lower()
    if lemma in r.withdrawal_nouns:
        return None  # the demands family reads "the withdrawal of US forces"
    noun_form = cue_form(noun, r.lex.nouns)
    mutual_form = cue_form(noun, r.lex.mutual_nouns)
    mutual = r.lex.mutual_nouns[mutual_form] if mutual_form else None
    relation = r.lex.nouns[noun_form] if noun_form else mutual
    if relation is None:
        return None
    modifiers = r.modifier_mentions(noun)
    if mutual and len({m.actor.id for m in modifiers}) >= 2:
        return Candidate(mutual, [modifiers[0]], modifiers[1:], noun, "mutual")
    between = [
        p
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "between"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    if mutual and between:
        sides = r.resolve(between[0])
        if len(sides) >= 2:
            return Candidate(mutual, sides[:1], sides[1:], noun, "mutual")
    targets = event_targets(r, noun, relation)
    own = r.noun_owner(noun, blamed=False)
    blamed = r.blamed_owners(noun)
    agents = unique([*own, *blamed])
    rule = "noun" if own else "responsibility"
    if not targets:
        # "Israel's Gaza campaign": the possessor acts, a modifying name is the target.
        possessors = [m for c in noun.children if c.dep_ == "poss" for m in r.resolve(c)]
        if possessors:
            targets = [m for m in modifiers if m not in possessors]
    elif (
        not agents
        and noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in r.words["recipient_verbs"]
    ):
        return None
    if not agents:
        agents = r.responsible_agents(noun)
        rule = "responsibility"
    if not agents:
        agents = r.context_agents(noun, responsibility=False)
        rule = "noun"
    recipient = r.recipient(noun)
    if recipient and relation in r.lexicon_targets_as_agents:
        targets = targets or recipient
    if mutual and not targets and len({m.actor.id for m in agents}) >= 2:
        return Candidate(mutual, agents[:1], agents[1:], noun, "mutual")  # "X and Y held talks"
    if agents and targets:
        return Candidate(relation, agents, targets, noun, rule)
    return None


def event_targets(r: Reader, noun: Token, relation: str) -> list[TokenMention]:
    """The targets an event noun names through its prepositions ("strikes on X", "support
    for X"; "an offensive in Gaza" only for the places whose people it hits)."""
    preps = r.lex.noun_preps.get(cue_form(noun, r.lex.noun_preps) or "", frozenset())
    targets: list[TokenMention] = []
    for child in noun.children:
        if child.dep_ != "prep" or child.lower_ not in preps:
            continue
        if child.lower_ == "of" and relation == "supports":
            continue  # "with the support of X": X is the supporter
        for pobj in (p for p in child.children if p.dep_ == "pobj"):
            resolved = r.resolve_target(pobj, relation)
            if child.lower_ in {"in", "within"}:
                resolved = r.located_targets(noun, resolved)
            targets += resolved
    return targets


def reading_by(r: Reader, noun: Token, rule: str) -> Iterator[Candidate]:
    candidate = read_event(r, noun)
    if candidate is not None and candidate.rule == rule:
        yield candidate


@token_rule(
    "noun",
    family="event_nouns",
    confidence=0.7,
    trigger=EVENT_NOUNS,
    reads='"a US strike on Kataib Hezbollah", "Iran\'s support for the Houthis", "launched '
    'attacks on coalition bases"',
)
def event_noun(r: Reader, noun: Token) -> Iterator[Candidate]:
    """An event noun: its owner (possessor, modifier, "by" phrase, or the subject of the verb
    carrying it) acts on the object of one of its prepositions."""
    yield from reading_by(r, noun, "noun")


@token_rule(
    "mutual",
    family="event_nouns",
    confidence=0.7,
    trigger=EVENT_NOUNS,
    reads='"talks between Baghdad and Washington", "Israel-Hezbollah clashes", "Iran and the '
    'US held talks"',
)
def mutual_event(r: Reader, noun: Token) -> Iterator[Candidate]:
    """A mutual event between two sides (talks, clashes, a truce)."""
    yield from reading_by(r, noun, "mutual")
