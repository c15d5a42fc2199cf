"""Pledges and threats: the clause a pledge word ("vowed", "threatened", "warned that ...
would") governs names an act not yet done; so does the clause of a readiness word ("stood
ready to strike") and a speaker's own "will" ("the Houthis said they would target ships").
Read by the pledge rule (verbs) and by the event rules, which must not report a pledged strike
as done; this module's rules read readiness, declared intent and vowed revenge ("vowed to
avenge the killing of its commander by Israel") as threats."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.registry import (
    ADJECTIVAL,
    NOMINAL,
    VERBAL,
    Candidate,
    Trigger,
    token_rule,
)
from graphx.extraction.rules.syntax import apart, cue_form, infinitival, prep_objects


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
        if clause.dep_ == "xcomp" and ready_verb(r, head) is not None:
            return ready_verb(r, head)  # "stood ready to strike US bases"
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
            if future and lemma in r.words["declaring_verbs"] and _speaker_acts(r, head, clause):
                return head  # "the Houthis said they would target any American ship"
            return head if pledging and future else None
        else:
            return None
    return None


def _speaker_acts(r: Reader, verb: Token, clause: Token) -> bool:
    """Whether the one who says what `clause` will do is its subject, or the subject's owner
    ("Hezbollah said its fighters would strike"): a declared intent, a pledge."""
    subjects = [m for c in clause.children if c.dep_ == "nsubj" for m in r.resolve(c)]
    speakers = r.agents(verb)
    own = {m.actor.id for m in speakers}
    above = {a for m in speakers for a in r.kb.ancestors(m.actor.id)}  # (its state)
    return any(m.actor.id in above or own & set(r.kb.ancestors(m.actor.id)) for m in subjects)


def ready_verb(r: Reader, adjective: Token) -> Token | None:
    """The verb a readiness word completes ("stood ready", "is prepared"), which stands for
    the pledge of the act the word's clause names: "stood ready to carry out strikes"."""
    if (
        adjective.pos_ == "ADJ"
        and adjective.lower_ in r.words["readiness_words"]
        and adjective.dep_ == "acomp"
        and adjective.head.pos_ in VERBAL
    ):
        return adjective.head
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


@token_rule(
    "readiness",
    family="verbs",
    confidence=0.7,
    trigger=Trigger("readiness_words", ADJECTIVAL),
    reads='"the militia stood ready to carry out strikes on US bases", "Hezbollah said it was '
    'prepared to attack Israel", "Iran is ready for talks with the United States"',
)
def readiness(r: Reader, adjective: Token) -> Iterator[Candidate]:
    """Standing ready to use force against X threatens X: the verb the readiness word
    completes is read as a pledge ("vowed to strike"), whose clause names the act; ready for
    talks with X offers dialogue with X."""
    verb = ready_verb(r, adjective)
    if verb is None:
        return
    from graphx.extraction.rules.verbs import pledge  # (verbs reads this module's helpers)

    for found in pledge(r, verb):
        yield Candidate(found.relation, found.sources, found.targets, adjective, "readiness")
    # "Iran said it was ready for talks with the United States": dialogue offered; "ready for
    # war with Israel": force threatened
    sides = r.agents(verb)
    for noun in prep_objects(adjective, ("for",)):
        relation = {"negotiates": "negotiates", "strikes": "threatens"}.get(
            r.lex.nouns.get(cue_form(noun, r.lex.nouns) or "", "")
        )
        partners = [m for p in prep_objects(noun, ("with",)) for m in r.resolve(p)]
        partners = apart(partners, sides)
        if relation and sides and partners:
            yield Candidate(relation, sides, partners, adjective, "readiness")


@token_rule(
    "declared-intent",
    family="verbs",
    confidence=0.7,
    trigger=Trigger("declaring_verbs", VERBAL),
    reads='"the Houthis said they would target any American ship", "Hezbollah announced that '
    'its fighters will strike Israeli bases"',
)
def declared_intent(r: Reader, verb: Token) -> Iterator[Candidate]:
    """Saying that one will use force against X threatens X: the saying verb is read as a
    pledge of the act its clause names (not a report of an attack)."""
    from graphx.extraction.rules.verbs import pledge  # (verbs reads this module's helpers)

    for found in pledge(r, verb):
        yield Candidate(found.relation, found.sources, found.targets, verb, "declared-intent")


@token_rule(
    "vowed-revenge",
    family="verbs",
    confidence=0.7,
    trigger=Trigger("pledge_words", VERBAL),
    reads='"Hezbollah vowed to avenge the killing of its commander by Israel", "Kataib Hezbollah '
    'promised revenge for the US strike that killed its leaders", "Iran warned of a crushing '
    'response to any Israeli attack"',
)
def vowed_revenge(r: Reader, head: Token) -> Iterator[Candidate]:
    """Vowing to avenge or answer an act (or warning of a response to it) threatens the one
    who did it: the avenged event's agent."""
    from graphx.extraction.rules.event_nouns import read_event  # (it reads pledged_event)

    pledgers = r.agents(head)
    if not pledgers:
        return
    avenged: list[Token] = []
    for clause in head.children:
        if clause.dep_ == "xcomp" and clause.lemma_.lower() in r.words["avenging_verbs"]:
            if any(c.dep_ == "neg" for c in clause.children):
                continue  # "vowed not to avenge"
            avenged += [c for c in clause.children if c.dep_ == "dobj"]
            # "vowed to retaliate for the strike", "pledged to respond to the Israeli attack"
            avenged += prep_objects(clause, ("for", "to"))
        elif clause.dep_ == "dobj" and r.is_word(clause, "revenge_nouns"):
            avenged += prep_objects(clause, ("for", "to"))  # "vowed revenge for the killing"
        elif clause.dep_ == "prep" and clause.lower_ == "of":
            # "warned of a crushing response to any Israeli attack"
            avenged += [
                p
                for n in clause.children
                if n.dep_ == "pobj" and r.is_word(n, "revenge_nouns")
                for p in prep_objects(n, ("for", "to"))
            ]
    own = {m.actor.id for m in pledgers} | {a for m in pledgers for a in r.kb.ancestors(m.actor.id)}
    for noun in avenged:
        if noun.pos_ not in NOMINAL:
            continue
        event = read_event(r, noun)
        if event is not None and event.relation == "strikes":
            agents = event.sources
        elif r.lex.nouns.get(cue_form(noun, r.lex.nouns) or "") == "strikes":
            agents = r.noun_owner(noun, blamed=False)  # "the US strike that killed its leaders"
        else:
            continue
        culprits = [m for m in agents if m.actor.id not in own]
        if culprits:
            yield Candidate("threatens", pledgers, culprits, head, "vowed-revenge")
