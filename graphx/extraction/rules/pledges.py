"""Pledges and threats: the clause a pledge word ("vowed", "threatened", "warned that ...
would") governs names an act not yet done. Read by the pledge rule (verbs) and by the event
rules, which must not report a pledged strike as done."""

from __future__ import annotations

from spacy.tokens import Token

from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.registry import NOMINAL, VERBAL
from graphx.extraction.rules.syntax import infinitival


def clause_of(verb: Token) -> Token:
    # "vowed to strike and destroy X": a conjoined verb shares the clause of the first
    while verb.dep_ == "conj" and verb.head.pos_ in VERBAL:
        verb = verb.head
    return verb


def pledge_head(r: Reader, verb: Token) -> Token | None:
    """The pledge or threat word whose clause `verb` is: "vowed to strike", "threatened to
    keep attacking", "Israeli threats to attack Iraq", "warned that its fighters would fire"."""
    clause = clause_of(verb)
    for _ in range(4):
        head = clause.head
        if head == clause:
            return None
        lemma = head.lemma_.lower()
        pledging = lemma in r.words["pledge_words"]
        if clause.dep_ == "xcomp" and head.pos_ in VERBAL:
            if pledging:
                return head
            if lemma not in r.words["aspect_verbs"]:
                return None
            clause = clause_of(head)  # "vowed to keep attacking US forces"
        elif clause.dep_ in {"acl", "relcl"} and head.pos_ in NOMINAL and infinitival(clause):
            return head if pledging else None  # "its threat to strike Tel Aviv"
        elif clause.dep_ == "ccomp" and head.pos_ in VERBAL:
            # "warned that it would strike": a pledge of what is yet to come
            future = any(
                c.dep_ == "aux" and c.lower_ in r.words["threat_modals"] for c in clause.children
            )
            return head if pledging and future else None
        else:
            return None
    return None


def pledged_event(r: Reader, noun: Token) -> Token | None:
    """The pledge word whose act an event noun is: "threatened attacks on Israel", "vowed to
    launch strikes on US bases" (the event is not yet done)."""
    if noun.dep_ != "dobj":
        return None
    carrier = noun.head
    if carrier.lemma_.lower() in r.words["pledge_words"] and carrier.pos_ in VERBAL:
        return carrier
    if carrier.lemma_.lower() in r.words["light_verbs"]:
        return pledge_head(r, carrier)
    return None
