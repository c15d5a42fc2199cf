"""Talks and leadership beyond a cue verb's own object: "Iraq and Turkey agreed on a
framework" (the sides negotiated), "sanctioned Kataib Hezbollah and Abu Fadak, who heads it"
(the relative clause's "it" is the group named just before its antecedent), talks beside an
act or a message ("in a post, written after a conversation with Y"), talks a relative clause
holds ("the dialogue that Washington and Baghdad have been conducting") and a call or visit
received ("received a phone call from Blinken")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphx.extraction.mentions import TokenMention
from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.registry import NOMINAL, VERBAL, Candidate, Trigger, token_rule
from graphx.extraction.rules.syntax import apart, cue_form, prep_objects, unique


@token_rule(
    "agreed-on",
    family="verbs",
    confidence=0.7,
    trigger=Trigger("settling_verbs", VERBAL),
    reads='"Iraq and Turkey agreed on a framework", "the two governments settled on a '
    'timetable", "Baghdad agreed on a schedule with Washington"',
)
def agreed_on(r: Reader, verb: Token) -> Iterator[Candidate]:
    """Settling the terms of a deal ("on a timetable") is negotiating it: between the
    coordinated subjects, or with the "with" object."""
    terms = [
        p
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in r.words["settling_preps"]
        for p in c.children
        if p.dep_ == "pobj" and cue_form(p, r.words["settled_terms"])
    ]
    if not terms:
        return  # "agreed that Iran is a threat", "agreed on the need to act" name no deal
    sides = unique(r.agents(verb))
    partners = [
        m
        for head in (verb, *terms)
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for p in c.children
        if p.dep_ == "pobj"
        for m in r.resolve(p)
    ]
    side_ids = {m.actor.id for m in sides}
    partners = [m for m in partners if m.actor.id not in side_ids]
    if sides and partners:
        yield Candidate("negotiates", sides, partners, verb, "agreed-on")
    elif len(side_ids) >= 2:
        yield Candidate("negotiates", sides[:1], sides[1:], verb, "agreed-on")


@token_rule(
    "leads-it",
    family="roles",
    confidence=0.7,
    trigger=Trigger("verbs", VERBAL),
    reads='"sanctioned Kataib Hezbollah and Abu Fadak, who heads it", "blacklisted the group '
    'and the man who leads it, Abu Fadak"',
)
def leads_it(r: Reader, verb: Token) -> Iterator[Candidate]:
    """A leading verb in a relative clause whose object is a pronoun: the pronoun is the
    group the clause's antecedent is joined to ("X and the man who leads it")."""
    cues = r.lex.verbs.get(cue_form(verb, r.lex.verbs) or "", ())
    if verb.dep_ != "relcl" or not any(c.relation == "leads" and not c.preps for c in cues):
        return
    if not any(c.dep_ == "dobj" and c.lower_ in r.words["led_pronouns"] for c in verb.children):
        return
    # the clause follows its antecedent, the last of the joined names before it; the parser
    # may hang it on the first ("Kataib Hezbollah and Abu Fadak, who heads it")
    head = verb.head
    joined = sorted((t for t in (head, *head.conjuncts) if t.i < verb.i), key=lambda t: t.i)
    if len(joined) < 2:
        return
    antecedent = joined[-1]
    led = [
        m
        for t in joined[:-1]
        for m in r.resolve_one(t, 0)
        if m.actor.type in r.words["led_group_types"]
    ]
    leaders = [m for m in r.resolve_one(antecedent, 0) if m.actor.type == "person"]
    if not leaders:
        leaders = _named_after_clause(r, verb)  # "the man who leads it, Abu Fadak"
    leaders = apart(leaders, led)
    if leaders and led:
        yield Candidate("leads", leaders, led, verb, "leads-it")


def _named_after_clause(r: Reader, verb: Token) -> list[TokenMention]:
    """The person named right after the comma closing the relative clause."""
    after = verb.right_edge.i + 1
    doc = verb.doc
    if after + 1 >= len(doc) or doc[after].text != ",":
        return []
    mention = r.dm.by_token.get(after + 1)
    if mention is None or mention.start != after + 1 or mention.actor.type != "person":
        return []
    if mention.end < len(doc) and doc[mention.end].pos_ == "PROPN":
        return []  # only part of the name was recognised: no telling who it is
    return [mention]


@token_rule(
    "talks-beside",
    family="event_nouns",
    confidence=0.7,
    trigger=Trigger("event_nouns", NOMINAL),
    reads='"Barzani wrote the post after a conversation with Hakan Fidan", "Baghdad took '
    'precautions, including consultations with Tehran", "Israeli negotiators traveled to Doha '
    'for talks with Hamas"',
)
def talks_beside(r: Reader, noun: Token) -> Iterator[Candidate]:
    """Talks with Y named beside what X does ("after talks with Y", "including consultations
    with Y") are X's talks, when the talks have no party of their own before "with"."""
    if _negotiation(r, noun) is None or noun.dep_ != "pobj":
        return
    prep = noun.head
    if prep.lower_ not in r.words["beside_preps"]:
        return
    owned = {"poss", "compound", "amod"}
    if any(c.dep_ in owned and r.dm.at(c) is not None for c in noun.children):
        return  # "after Iran's talks with Iraq": the talks are someone's own
    partners = [
        m
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for p in c.children
        if p.dep_ == "pobj"
        for m in r.resolve(p)
    ]
    carrier = prep.head
    if carrier.pos_ in NOMINAL and carrier.dep_ in {"dobj", "pobj"} and carrier.head.pos_ in VERBAL:
        carrier = carrier.head  # "took precautions, including consultations with Tehran"
    if not partners or carrier.pos_ not in VERBAL:
        return
    purpose = prep.lower_ in r.words["purpose_preps"]
    if purpose and carrier.lemma_.lower() not in r.words["trip_verbs"]:
        return  # "traveled to Doha for talks with Hamas", not "thanked Iran for talks with X"
    if carrier.dep_ == "acl" and carrier.tag_ == "VBN":
        # "a statement issued by Hezbollah after talks with Hamas": the participle's agent;
        # "condemned it in a post, written after a conversation with Fidan": who wrote the post
        doers = r.by_agents(carrier) or _maker_of(r, carrier)
    else:
        doers = r.agents(carrier)
    sides = apart(doers, partners)
    if sides:
        # a trip for talks shares the trip's fate: "refused to travel to Cairo for talks"
        cue = carrier if purpose else noun
        yield Candidate("negotiates", sides, partners, cue, "talks-beside")


def _maker_of(r: Reader, participle: Token) -> list[TokenMention]:
    """Who made the message a bare participle describes ("a post on Twitter, written after
    ..."): the message's owner ("Barzani's post", "a statement by the ministry"), else the
    agent of the verb it carries ("Barzani condemned the attacks in a post")."""
    medium = participle.head
    if medium.pos_ == "PROPN" and medium.dep_ == "pobj" and medium.head.head.pos_ in NOMINAL:
        medium = medium.head.head  # "a post on Twitter, written ...": the parser hangs it low
    if medium.pos_ not in NOMINAL or not r.is_word(medium, "medium_nouns"):
        return []  # "rejected a plan drawn up after talks with Israel": who drew it is unsaid
    owners = r.noun_owner(medium, blamed=False)
    if owners:
        return owners
    prep = medium.head
    if medium.dep_ != "pobj" or prep.lower_ not in r.words["medium_preps"]:
        return []
    act = prep.head
    if act.pos_ in NOMINAL and act.dep_ in {"dobj", "pobj"}:
        act = act.head  # "condemned the attacks in a post": the parser may hang it on the object
    if (
        act.dep_ == "ccomp"
        and act.lemma_.lower() in r.words["labelling_verbs"]
        and any(c.lower_ == "what" for c in act.children)
    ):
        act = act.head  # "condemned what he called attacks in a post": the condemning's post
    return r.agents(act) if act.pos_ in VERBAL else []


def _negotiation(r: Reader, noun: Token) -> str | None:
    """The noun's form when it is a noun of talks ("conversation", "consultations")."""
    form = cue_form(noun, r.lex.nouns)
    if form is not None and r.lex.nouns[form] == "negotiates":
        return form
    form = cue_form(noun, r.lex.mutual_nouns)
    if form is not None and r.lex.mutual_nouns[form] == "negotiates":
        return form
    return None


@token_rule(
    "talks-held",
    family="event_nouns",
    confidence=0.7,
    trigger=Trigger("event_nouns", NOMINAL),
    reads='"the talks Iran has been holding with Saudi Arabia"',
)
def talks_held(r: Reader, noun: Token) -> Iterator[Candidate]:
    """Talks named as what a relative clause's subjects hold with a partner: the subjects
    negotiate with the talks' (or the clause's) "with" partner."""
    if _negotiation(r, noun) is None:
        return
    for clause in noun.children:
        if (
            clause.dep_ != "relcl"
            or clause.pos_ not in VERBAL
            or clause.lemma_.lower() not in r.words["light_verbs"]
            or any(c.dep_ == "neg" for c in clause.children)
        ):
            continue
        if any(
            c.dep_ == "dobj" and c.lower_ not in r.words["relative_pronouns"]
            for c in clause.children
        ):
            continue  # "the talks, which gave Iran a foothold": the clause has its own object
        sides = unique(
            [
                m
                for c in clause.children
                if c.dep_ == "nsubj" and c.lower_ not in r.words["relative_pronouns"]
                for m in r.resolve(c)
            ]
        )
        if not sides:
            continue
        partners = [
            m
            for head in (noun, clause)
            for p in prep_objects(head, ("with",))
            for m in r.resolve(p)
        ]
        partners = apart(partners, sides)
        # (talks that coordinated subjects hold between them are the mutual rule's, through
        # the owners Reader.noun_owner gives the noun)
        if partners:
            yield Candidate("negotiates", sides, partners, noun, "talks-held")


@token_rule(
    "talks-received",
    family="event_nouns",
    confidence=0.7,
    trigger=Trigger("event_nouns", NOMINAL),
    reads='"Sudani received a phone call from Blinken", "Assad received a visit from the Iranian '
    'foreign minister"',
)
def talks_received(r: Reader, noun: Token) -> Iterator[Candidate]:
    """A call or visit received from Y: the receiver and Y talk."""
    verb = noun.head
    if (
        _negotiation(r, noun) is None
        or noun.dep_ != "dobj"
        or verb.lemma_.lower() not in r.words["receiving_verbs"]
        or any(c.dep_ == "poss" for c in noun.children)
    ):
        return
    callers = [
        m for head in (noun, verb) for p in prep_objects(head, ("from",)) for m in r.resolve(p)
    ]
    receivers = apart(r.agents(verb), callers)
    if callers and receivers:
        yield Candidate("negotiates", receivers, callers, verb, "talks-received")
