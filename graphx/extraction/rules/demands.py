"""Demands for withdrawal: "voted to expel US troops", "called for the withdrawal of foreign
forces", "asked the coalition to leave", "want US forces out"; by a legislature's vote they are
votes_against. An order with a penalty ("pull back or be overrun") is a threat."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphx.extraction.kb import DEMONYM
from graphx.extraction.mentions import TokenMention
from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.registry import NOMINAL, VERBAL, Candidate, Trigger, token_rule
from graphx.extraction.rules.syntax import (
    OBJECTS,
    SUBJECTS,
    apart,
    as_coref,
    cue_form,
    infinitival,
    prep_objects,
    verb_lemma,
)


@token_rule(
    "demand-removal",
    family="demands",
    confidence=0.75,
    trigger=Trigger("removal_verbs", VERBAL),
    reads='"parliament voted to expel US troops", "the militias vowed to kick out the Americans"',
)
def removal(r: Reader, verb: Token) -> Iterator[Candidate]:
    """A verb whose object is removed by its subject, or by whoever demands it above."""
    if verb.dep_ == "amod":
        return
    # "send the Americans home": the particle may be parsed as an adverb
    particles = {c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod"}}
    if not any(
        cue.relation == "demands_withdrawal"
        and not cue.objects
        and (cue.particle is None or cue.particle in particles)
        for cue in r.lex.verbs.get(cue_form(verb, r.lex.verbs) or "", ())
    ):
        return
    targets = [
        m for c in verb.children if c.dep_ in {"dobj", "dative", "nsubjpass"} for m in r.resolve(c)
    ]
    if not targets:
        return
    demanders, voted = demander(r, verb)
    if not demanders:
        demanders = r.agents(verb)
    relation = "votes_against" if voted else "demands_withdrawal"
    if demanders:
        yield Candidate(relation, demanders, targets, verb, "demand-removal")


@token_rule(
    "demand-leave",
    family="demands",
    confidence=0.75,
    trigger=Trigger("leave_verbs", VERBAL),
    reads='"the bloc demanded that US forces leave", "asked the coalition to pull out"',
)
def leave(r: Reader, verb: Token) -> Iterator[Candidate]:
    """A verb of leaving under a demand: the demander asks the leaver to go."""
    lemma = cue_form(verb, r.lex.leave_verbs) or ""
    allowed = r.lex.leave_verbs[lemma]
    particles = {c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod"}}
    if None not in allowed and not (particles & {p for p in allowed if p}):
        return
    if verb.dep_ == "ccomp" and _reported_departure(verb):
        return  # "insisted that US forces had left Iraq" reports a departure, asks for none
    if lemma in r.words["own_forces_verbs"] and any(
        c.dep_ == "dobj" and not any(p.dep_ == "poss" and p.pos_ == "PRON" for p in c.children)
        for c in verb.children
    ):
        # "withdraw troops": the subject moves its own forces, no one demands it; but "asked
        # the US to pull its forces out" asks the leaver to take its own forces away
        return
    leavers = [m for c in verb.children if c.dep_ in SUBJECTS for m in r.resolve(c)]
    head = verb.head
    if not leavers and verb.dep_ in {"acl", "relcl"} and infinitival(verb):
        given = _time_to_leave(r, verb)  # "gave the Americans 24 hours to leave Iraq"
        if given is not None:
            yield given
            return
    if not leavers and verb.dep_ in {"xcomp", "ccomp"}:
        leavers = [m for c in head.children if c.dep_ in {"dobj", "dative"} for m in r.resolve(c)]
        if not leavers and verb_lemma(head) in r.words["demand_verbs"]:
            # "called on US troops to leave", "urged upon the coalition to go"
            leavers = [m for p in prep_objects(head, ("on", "upon")) for m in r.resolve(p)]
        if not leavers and head.dep_ == "xcomp" and head.head.lemma_ in r.words["causative_verbs"]:
            leavers = r.agents(head)
    if not leavers:
        return
    demanders, voted = demander(r, verb)
    leavers = _foreign_if_pronoun(verb, demanders, leavers)
    if demanders and leavers:
        yield Candidate(
            "votes_against" if voted else "demands_withdrawal",
            demanders,
            leavers,
            verb,
            "demand-leave",
        )


@token_rule(
    "demand-out",
    family="demands",
    confidence=0.75,
    trigger=Trigger("demand_verbs", VERBAL),
    reads='"Iraqis want US forces out", "the cleric wants the Americans home"',
)
def want_out(r: Reader, verb: Token) -> Iterator[Candidate]:
    """A demand verb with an object and "out"."""
    objects = [c for c in verb.children if c.dep_ in OBJECTS]
    if not any(
        c.lower_ in r.words["out_words"] and c.dep_ in {"prt", "advmod", "prep", "advcl"}
        for t in [verb, *objects]
        for c in t.children
    ):
        return
    targets = [m for c in verb.children if c.dep_ in OBJECTS for m in r.resolve(c)]
    sources = r.agents(verb)
    if targets and sources:
        yield Candidate("demands_withdrawal", sources, targets, verb, "demand-out")


@token_rule(
    "demand-noun",
    family="demands",
    confidence=0.75,
    trigger=Trigger("withdrawal_nouns", NOMINAL),
    reads='"lawmakers called for the withdrawal of foreign troops", "voted for its departure"',
)
def withdrawal_noun(r: Reader, noun: Token) -> Iterator[Candidate]:
    """A noun of departure under a demand: the demander asks for the leaver's exit."""
    leavers: list[TokenMention] = []
    for child in noun.children:
        # "the withdrawal of US forces", "an end to the American presence" ("withdrawal from
        # Iraq" names the place left, not the one leaving)
        if child.dep_ == "prep" and child.lower_ in {"of", "to"}:
            leavers += [m for p in child.children if p.dep_ == "pobj" for m in r.resolve(p)]
        elif child.dep_ in {"poss", "compound"}:
            leavers += r.resolve(child)
        elif child.dep_ == "amod" and _demonym(r, child) is not None:
            # "the American withdrawal": a nationality on the departure is who leaves
            leavers.append(_demonym(r, child))
    demanders, voted = demander(r, noun)
    if not demanders:
        return
    family = {a for d in demanders for a in r.kb.ancestors(d.actor.id)}
    leavers = [m for m in leavers if m.actor.id not in family]
    if not leavers and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
        leavers = earlier_leaver(r, noun, family)  # "voted for its departure"
    if leavers:
        yield Candidate(
            "votes_against" if voted else "demands_withdrawal",
            demanders,
            leavers,
            noun,
            "demand-noun",
        )


def _demonym(r: Reader, token: Token) -> TokenMention | None:
    """The nationality `token` names ("American"), if it names one."""
    mention = r.dm.at(token)
    return mention if mention is not None and mention.kind == DEMONYM else None


def earlier_leaver(r: Reader, noun: Token, family: set[str]) -> list[TokenMention]:
    """The force a possessive pronoun names, from the sentence before, never the demander."""
    here = r.dm.sentence_of[noun.i]
    for mention in r.earlier(noun, 1):
        if (
            mention.sentence < here
            and mention.actor.id not in family
            and mention.actor.type in {"coalition", "armed_group", "state"}
        ):
            return [as_coref(mention, noun)]
    return []


def demander(r: Reader, token: Token) -> tuple[list[TokenMention], bool]:
    """Who asks for the removal `token` names, climbing demand verbs and nouns above it."""
    best: list[TokenMention] = []
    voted = False
    voter_named = False
    current = token
    for _ in range(8):
        head = current.head
        if head == current or current.dep_ in {"relcl", "conj"}:
            break
        if current.dep_ == "advcl" and not infinitival(current):
            break
        if current.dep_ == "pobj" and head.lower_ == "against":
            return [], False  # "voted against the withdrawal of US forces": no one asks for it
        lemma = verb_lemma(head)
        if head.pos_ in VERBAL or lemma != head.lemma_.lower():
            if (
                lemma in r.words["attribution_verbs"]
                and lemma not in r.words["demanding_attribution_verbs"]
                # "told the Peshmerga to pull back" orders; "told reporters that ..." reports
                and not (current.dep_ == "xcomp" and lemma in r.words["demand_verbs"])
            ):
                break
            if lemma in r.words["demand_verbs"] or lemma in r.words["control_verbs"]:
                best, voted, voter_named = _climbed(
                    r, lemma, _demanding_agents(r, head), best, voted, voter_named
                )
            elif lemma not in r.words["causative_verbs"] and lemma not in r.words["light_verbs"]:
                break
        elif head.pos_ in NOMINAL:
            if lemma in r.words["demand_nouns"] or lemma in r.words["control_nouns"]:
                owners = r.noun_owner(head)
                if (
                    not owners
                    and head.dep_ == "dobj"
                    and verb_lemma(head.head) in r.words["setting_verbs"]
                ):
                    if any(c.dep_ == "neg" for c in head.head.children):
                        return [], False  # "did not set a deadline for their departure"
                    owners = r.agents(head.head)  # "set a deadline for the departure of X"
                best, voted, voter_named = _climbed(r, lemma, owners, best, voted, voter_named)
            else:
                break
        elif head.pos_ not in {"ADP", "PART", "SCONJ", "ADJ"}:
            break
        current = head
    return best, voted


def _time_to_leave(r: Reader, verb: Token) -> Candidate | None:
    """A time limit given to X to leave ("gave the Americans 24 hours to leave Iraq", "gave
    US forces a deadline to leave"): the giver demands that X go."""
    limit = verb.head
    giver = limit.head
    if (
        not r.is_word(limit, "time_limit_nouns")
        or giver.pos_ not in VERBAL
        or giver.lemma_.lower() not in r.words["time_granting_verbs"]
    ):
        return None
    leavers = [
        m
        for c in giver.children
        if c.dep_ in {"dative", "dobj"} and c != limit
        for m in r.resolve(c)
    ]
    demanders = r.agents(giver)
    family = {a for d in demanders for a in r.kb.ancestors(d.actor.id)}
    # forces told to go, not residents told to flee ("gave Gaza residents 24 hours to leave")
    leavers = [
        m for m in leavers if m.actor.id not in family and m.actor.type in r.words["leaver_types"]
    ]
    if not (leavers and demanders):
        return None
    return Candidate("demands_withdrawal", demanders, leavers, giver, "demand-leave")


def _reported_departure(verb: Token) -> bool:
    """A leaving verb in the past ("that they left", "had left"): a report, not a demand
    (which takes the base form: "demanded that they leave")."""
    return verb.tag_ == "VBD" or (
        verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    )


def _foreign_if_pronoun(
    verb: Token, demanders: list[TokenMention], leavers: list[TokenMention]
) -> list[TokenMention]:
    """A pronoun told to leave is read as a foreign force only: "urged them to pull out" of
    the protesters the premier's own police faced says nothing of a withdrawal."""
    homes = {_home(d) for d in demanders}
    doc = verb.doc
    return [m for m in leavers if doc[m.start].pos_ != "PRON" or _home(m) not in homes]


def _home(mention: TokenMention) -> str | None:
    actor = mention.actor
    return actor.id if actor.type == "state" else actor.country


def _demanding_agents(r: Reader, verb: Token) -> list[TokenMention]:
    """Who a demand verb has asking: its own subject, or, for a participle trailing a clause
    ("the commander toured Erbil, telling the Peshmerga to pull back"), the clause's."""
    own = r.own_agents(verb)
    if own or verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return own
    return r.agents(verb)


def _climbed(
    r: Reader,
    lemma: str,
    own: list[TokenMention],
    best: list[TokenMention],
    voted: bool,
    voter_named: bool,
) -> tuple[list[TokenMention], bool, bool]:
    """One step of the demander climb: the higher demand verb or noun with agents of its own
    becomes the demander. It votes when it is the vote ("parliament voted to order the
    government to expel"), or asks for a vote no one is named casting ("X called for a vote to
    expel"); "X pledged that the legislature would vote to throw the troops out" is X's
    demand, not X's vote."""
    is_vote = lemma in r.words["vote_words"]
    if not own:
        return best, voted or is_vote, voter_named
    return own, is_vote or (voted and not voter_named), voter_named or is_vote


@token_rule(
    "ultimatum",
    family="demands",
    confidence=0.7,
    trigger=Trigger("ultimatum_verbs", VERBAL),
    reads='"telling the Peshmerga to pull back or be overrun", "told Hamas to surrender or face '
    'annihilation", "demanded that the militias disarm or face attack"',
)
def ultimatum(r: Reader, verb: Token) -> Iterator[Candidate]:
    """An order with a penalty ("do X or be crushed", "or face Y") threatens the one ordered."""
    for clause in verb.children:
        if clause.dep_ not in {"xcomp", "ccomp"}:
            continue  # (the parser may tag the ordered act a noun: "that Hezbollah disarm")
        if not any(_penalty(r, c) for c in clause.children if c.dep_ == "conj"):
            continue
        if not any(
            c.dep_ == "cc" and c.lower_ in r.words["ultimatum_conjunctions"]
            for c in clause.children
        ):
            continue
        if clause.dep_ == "xcomp":
            told = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
        else:
            told = [c for c in clause.children if c.dep_ in SUBJECTS]
        targets = [m for t in told for m in r.resolve(t)]
        sources = _demanding_agents(r, verb)
        targets = apart(targets, sources)
        if sources and targets:
            yield Candidate("threatens", sources, targets, verb, "ultimatum")


def _penalty(r: Reader, token: Token) -> bool:
    """The other branch of an ultimatum: a passive of harm ("or be overrun", which the parser
    may tag a noun) or facing something ("or face annihilation")."""
    if token.lemma_.lower() in r.words["facing_verbs"] or token.lower_ in r.words["facing_verbs"]:
        return any(c.dep_ == "dobj" for c in token.children)
    if any(c.dep_ == "compound" and c.lower_ in r.words["facing_verbs"] for c in token.children):
        return True  # "or face attack": the parser may make "face" a modifier of the noun
    harmed = token.lemma_.lower() in r.words["penalty_words"] or (
        token.lower_ in r.words["penalty_words"]
    )
    return harmed and any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in token.children)
