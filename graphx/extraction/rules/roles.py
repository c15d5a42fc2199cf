"""Roles and titles: "Hezbollah, Iran's closest ally", "a faction of the PMF", "the leader of
Hamas"; and dated titles from the knowledge base ("Prime Minister al-Sudani" leads Iraq's
government on the date the article is about)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graphx.extraction.mentions import TokenMention
from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.registry import (
    NOMINAL,
    VERBAL,
    Candidate,
    Trigger,
    sentence_rule,
    token_rule,
)
from graphx.extraction.rules.syntax import OBJECTS, cue_form


@token_rule(
    "role",
    family="roles",
    confidence=0.8,
    trigger=Trigger("roles", NOMINAL),
    reads='"Hezbollah, Iran\'s closest ally", "Kataib Hezbollah is a faction of the PMF", '
    '"al-Muhandis, the deputy commander of the PMF"',
)
def role(r: Reader, noun: Token) -> Iterator[Candidate]:
    """A role noun said of an actor (as predicate, apposition, compound or "as" phrase):
    the actor holds the role toward the role's possessor or "of" object."""
    lemma = cue_form(noun, r.lex.roles) or ""
    relation, inverse = r.lex.roles[lemma]
    others: list[TokenMention] = []
    # "a faction within the PMF" names the whole; "Iran's ally in Lebanon" names a place
    preps = {"of", "to", "for", "in", "within"} if relation == "part_of" else {"of", "to", "for"}
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            others += [
                m for p in child.children if p.dep_ == "pobj" for m in r.resolve_target(p, relation)
            ]
        elif child.dep_ in {"poss", "compound"}:
            others += r.resolve(child)
    if lemma in r.words["roles_needing_whole"] and not others:
        return
    holders: list[TokenMention] = []
    head = noun.head
    if noun.dep_ in {"attr", "acomp"} and head.lemma_ == "be":
        holders = r.agents(head)
    elif noun.dep_ == "appos":
        holders = r.resolve_one(head, 0)
    elif noun.dep_ == "compound" and r.dm.at(head) is not None:
        holders = [r.dm.at(head)]
    elif noun.dep_ == "pobj" and head.lower_ in {"as", "among"}:
        governor = head.head
        objects = [c for c in governor.children if c.dep_ in OBJECTS]
        if governor.pos_ in VERBAL and objects and head.lower_ == "as" and relation == "leads":
            holders = [m for o in objects for m in r.resolve(o)]  # "chose X as premier"
        elif governor.pos_ in VERBAL:
            holders = r.agents(governor)
        else:
            holders = r.noun_owner(governor) or r.context_agents(governor)
    if not holders:
        holders = [m for c in noun.children if c.dep_ == "appos" for m in r.resolve(c)]
        others = [m for m in others if m not in holders]
    holder_ids = {h.actor.id for h in holders}
    pronoun_owner = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)
    if holders and others and pronoun_owner and all(o.actor.id in holder_ids for o in others):
        others = r.previous_subject(noun)  # "X and Y are among its members"
    others = [o for o in others if o.actor.id not in holder_ids]
    if holders and others:
        sources, targets = (others, holders) if inverse else (holders, others)
        yield Candidate(relation, sources, targets, noun, "role")


@sentence_rule(
    "title",
    family="roles",
    confidence=0.6,
    reads='"Prime Minister Mohammed Shia al-Sudani" (the office the knowledge base gives the '
    "title on the date)",
)
def title(r: Reader, sent: Span) -> Iterator[Candidate]:
    """A person named with the title of an office the knowledge base knows: the office's
    relation (leads, part_of) to its body."""
    for link in r.dm.title_links:
        if sent.start <= link.person.start < sent.end:
            target = TokenMention(
                link.title_start,
                link.person.start,
                r.kb.get(link.office.body),
                "title",
                link.person.sentence,
            )
            yield Candidate(
                link.office.relation, [link.person], [target], sent.doc[link.title_start], "title"
            )
