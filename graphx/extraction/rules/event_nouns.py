"""Event nouns: "a US strike on Kataib Hezbollah", "Iran's support for the Houthis", "talks
between Baghdad and Washington", "the clashes between the army and the SDF"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphx.extraction.mentions import DEMONYM, TokenMention
from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.cues import matched_cues
from graphx.extraction.rules.pledges import pledged_event
from graphx.extraction.rules.registry import NOMINAL, VERBAL, Candidate, Trigger, token_rule
from graphx.extraction.rules.syntax import cue_form, is_passive, prep_objects, unique

EVENT_NOUNS = Trigger("event_nouns", NOMINAL)


def read_event(r: Reader, noun: Token) -> Candidate | None:
    """The one reading of event noun `noun`, named by the rule it comes from: "mutual" for a
    relation between the sides of a mutual event, "responsibility" when its agent is the one
    who claims it or is blamed for it, otherwise "noun"."""
    key = ("event", noun.i)
    if key not in r.sentence_cache:
        candidate = _read_event(r, noun)
        if candidate is not None and not _armed_enough(r, noun, candidate):
            candidate = None
        if candidate is not None and candidate.relation == "strikes" and planned(r, noun):
            # "Hamas planned an attack on Israel": action planned short of force is opposition
            candidate = Candidate(
                "opposes", candidate.sources, candidate.targets, noun, candidate.rule
            )
        r.sentence_cache[key] = candidate
    return r.sentence_cache[key]


def planned(r: Reader, noun: Token) -> bool:
    """An event still to come that someone plans: "planned an attack on Israel", "is preparing
    attacks on US bases", "plans for an offensive against Rafah" (not "planned the 2007 attack
    in which ...", an attack done: a definite or dated event is one that happened)."""
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ in VERBAL:
        planner = head
    elif noun.dep_ == "pobj" and head.lower_ == "for":
        planner = head.head  # "plans for an offensive", "is preparing for a ground offensive"
    else:
        return False
    if cue_form(planner, r.words["planning_words"]) is None:
        return False
    return not any(
        (c.dep_ == "det" and c.lower_ in r.words["definite_dets"])
        or c.dep_ == "poss"
        or c.pos_ == "NUM"
        for c in noun.children
    )


def _armed_enough(r: Reader, noun: Token, candidate: Candidate) -> bool:
    """An event said only of armed actors ("a confrontation with US troops") is force only
    when both sides are armed groups or forces ("Iran's confrontation with the West" is
    none)."""
    if cue_form(noun, r.words["armed_event_nouns"]) is None:
        return True
    armed = r.words["armed_types"]
    sides = [*candidate.sources, *candidate.targets]
    return all(m.actor.type in armed for m in sides)


def own_target_phrase(r: Reader, noun: Token) -> bool:
    """Whether an event noun says what it hit ("the attack on Baghdad airport", "the strike
    against the convoy"): then it is no mere reference back to an earlier event."""
    preps = r.lex.noun_preps.get(cue_form(noun, r.lex.noun_preps) or "", frozenset())
    preps = preps - {"of", "in", "within", "with"}
    return bool(prep_objects(noun, tuple(sorted(preps))))


def remnant_whole(r: Reader, token: Token) -> list[TokenMention]:
    """ "the remnants of the Islamic State", "the rest of the group": the whole a remnant is
    of (as the target of force)."""
    if cue_form(token, r.words["remnant_nouns"]) is None:
        return []
    return [m for p in prep_objects(token, ("of",)) for m in r.resolve(p)]


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
    between = prep_objects(noun, ("between",))
    if mutual and not between and noun.dep_ == "nsubj" and noun.head.pos_ in VERBAL:
        # "clashes erupted between the army and HTS", "fighting broke out between X and Y":
        # the parser hangs "between" on the verb the event is the subject of
        between = prep_objects(noun.head, ("between",))
    if mutual and between:
        sides = r.resolve(between[0])
        if len(sides) >= 2:
            return Candidate(mutual, sides[:1], sides[1:], noun, "mutual")
    if undergoes(r, noun, relation):
        return undergone_event(r, noun, relation)
    targets = event_targets(r, noun, relation)
    own = unique([*r.noun_owner(noun, blamed=False), *performers(r, noun)])
    blamed = unique(
        [
            *r.blamed_owners(noun),
            *claimed_in_clause(r, noun),
            *blamed_in_clause(r, noun),
            *claimed_by(r, noun),
            *blamed_as_object(r, noun),
        ]
    )
    agents = unique([*own, *blamed])
    rule = "noun" if own else "responsibility"
    if not targets and not own:
        # "stepped up arms supplies to X" (not "took Israel's threats to the UN")
        targets = carrier_targets(r, noun, relation)
    if not targets and relation == "strikes":
        # "the attack, which killed three US soldiers, was claimed by X": the event's own
        # relative clause says whom it hit
        targets = clause_targets(r, noun, relation)
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
        agents = r.responsible_agents(noun) or held_responsible(r, noun) or implicated(r, noun)
        rule = "responsibility"
        if agents and _claim_denied(r, noun):
            return None  # "did not claim responsibility for", "was not responsible for"
    recipient = r.recipient(noun)
    if not agents and received(r, noun):
        agents = givers(r, noun)  # "drew condemnation from X", "enjoyed the backing of X"
        rule = "noun"
    if not agents:
        agents = r.context_agents(noun, responsibility=False)
        if voted_on(r, noun):
            # a legislature voting on an agreement is no party to it (a government approving
            # one is: "Israel's cabinet approved the truce with Hezbollah")
            agents = [a for a in agents if a.actor.type not in r.words["legislative_types"]]
        rule = "noun"
    if relation in r.lexicon_targets_as_agents and not targets:
        if recipient:
            targets = recipient
        else:
            # "the raids drew condemnation from X", "criticism of the strikes": the earlier
            # event named stands for its agent
            targets = [m for e in named_events(r, noun, relation) for m in event_antecedent(r, e)]
            rule = "event-antecedent" if targets else rule
    if mutual and not targets and len({m.actor.id for m in agents}) >= 2:
        return Candidate(mutual, agents[:1], agents[1:], noun, "mutual")  # "X and Y held talks"
    if agents and targets:
        blamers = r.blamers(noun)[:1] if rule == "responsibility" else []
        return Candidate(relation, agents, targets, noun, rule, blamers[0] if blamers else None)
    return None


def voted_on(r: Reader, noun: Token) -> bool:
    """ "voted against the agreement with the US", "approved the deal with X": an agreement
    voted on or approved (the legislatures family reads the ballot)."""
    if cue_form(noun, r.words["agreement_nouns"]) is None:
        return False
    current = noun
    for _ in range(4):
        if current.dep_ not in {"pobj", "prep", "dobj"} or current.head == current:
            return False
        current = current.head
        if current.lemma_.lower() in r.words["ballot_verbs"] and current.pos_ in VERBAL | NOMINAL:
            return True  # "voted in favour of the deal", "a vote on the deal"
        if current.pos_ in VERBAL:
            return False
    return False


def event_targets(r: Reader, noun: Token, relation: str) -> list[TokenMention]:
    """The targets an event noun names through its prepositions ("strikes on X", "support
    for X"; "an offensive in Gaza" only for the places whose people it hits)."""
    preps = r.lex.noun_preps.get(cue_form(noun, r.lex.noun_preps) or "", frozenset())
    targets: list[TokenMention] = []
    for child in noun.children:
        if child.dep_ != "prep" or child.lower_ not in preps:
            continue
        if child.lower_ == "of" and (
            (relation == "supports" and not any(c.dep_ == "poss" for c in noun.children))
            or received(r, noun)
        ):
            # "with the support of X", "drew the condemnation of X": X gives it (but in
            # "Washington's backing of Israel" X receives it)
            continue
        for pobj in (p for p in child.children if p.dep_ == "pobj"):
            if (
                relation == "negotiates"
                and child.lower_ in r.words["topic_preps"]
                and r.dm.at(pobj) is not None
            ):
                continue  # "talks about Hezbollah": what they are about, not with whom
            resolved = r.resolve_target(pobj, relation)
            if not resolved and relation == "strikes":
                resolved = remnant_whole(r, pobj)  # "attacks on the remnants of ISIS"
            if child.lower_ in {"in", "within"}:
                resolved = r.located_targets(noun, resolved)
            targets += resolved
    return targets


def named_events(r: Reader, noun: Token, relation: str) -> list[Token]:
    """The nouns in an event noun's target places: the subject of the verb receiving it
    ("the raids drew condemnation"), or the objects of its prepositions ("criticism of the
    raid")."""
    if received(r, noun):
        return [c for c in noun.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    preps = r.lex.noun_preps.get(cue_form(noun, r.lex.noun_preps) or "", frozenset())
    if relation == "supports":
        preps = preps - {"of"}
    return [
        p
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
    ]


def received(r: Reader, noun: Token) -> bool:
    """ "enjoyed the backing of X", "drew condemnation from X": the subject receives it."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in r.words["recipient_verbs"]


def givers(r: Reader, noun: Token) -> list[TokenMention]:
    """Who gives an event its receiver gets: the "of" phrase of the noun ("enjoyed the
    backing of X") or a "from" phrase the parser hangs on the receiving verb ("drew
    condemnation from X")."""
    if not received(r, noun):
        return []
    objects = prep_objects(noun, ("of",)) + prep_objects(noun.head, ("from",))
    # "from Iraq's military and from senior officials": a preposition joined to another
    objects += [
        p for o in objects for c in o.head.conjuncts for p in c.children if p.dep_ == "pobj"
    ]
    return [m for p in objects for m in r.resolve(p)]


def performers(r: Reader, noun: Token) -> list[TokenMention]:
    """The "by" phrase of a light verb that carries out the event: "attacks on Israel carried
    out by the Houthis", "the strikes were conducted by the United States"."""
    carriers = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if noun.dep_ == "nsubjpass":
        carriers.append(noun.head)
    return [
        m
        for verb in carriers
        if verb.lemma_.lower() in r.words["light_verbs"]
        # ("a ceasefire brokered by the US and France": mediators, not its sides)
        and verb.lemma_.lower() not in r.words["mediation_verbs"]
        for m in r.by_agents(verb)
    ]


def claimed_in_clause(r: Reader, noun: Token) -> list[TokenMention]:
    """The subject of a relative clause that claims the event: "an attack Hezbollah claimed",
    "the strike on the base, which the Houthis claimed" (the parser may hang the clause on the
    object of the event's preposition). A clause with a content of its own ("which Israel
    claimed was staged") claims something else."""
    carriers = [noun] + [p for c in noun.children if c.dep_ == "prep" for p in c.children]
    return [
        m
        for carrier in carriers
        for clause in carrier.children
        if clause.dep_ == "relcl"
        and clause.lemma_.lower() in r.words["claiming_verbs"]
        and not any(c.dep_ in {"ccomp", "xcomp", "oprd", "neg"} for c in clause.children)
        and all(
            c.lower_ in r.words["relative_pronouns"] for c in clause.children if c.dep_ == "dobj"
        )
        for m in r.own_agents(clause)
    ]


def claimed_by(r: Reader, noun: Token) -> list[TokenMention]:
    """The "by" phrase of a claiming participle: "the attack was claimed by Kataib
    Hezbollah", "the bombing, claimed by the Islamic State, ..."."""
    carriers = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if noun.dep_ == "nsubjpass":
        carriers.append(noun.head)
    return [
        m
        for verb in carriers
        if verb.lemma_.lower() in r.words["claiming_verbs"]
        for m in r.by_agents(verb)
    ]


def clause_targets(r: Reader, noun: Token, relation: str) -> list[TokenMention]:
    """The objects of the event's own relative clause of `relation`: "the attack, which
    killed three US soldiers" (the clause's subject is the event)."""
    return [
        m
        for clause in noun.children
        if clause.dep_ == "relcl"
        and any(
            c.dep_ == "nsubj" and c.lower_ in r.words["relative_pronouns"] for c in clause.children
        )
        and any(cue.relation == relation and not cue.preps for cue, _ in matched_cues(r, clause))
        for o in clause.children
        if o.dep_ == "dobj"
        for m in r.resolve_target(o, relation)
    ]


def blamed_in_clause(r: Reader, noun: Token) -> list[TokenMention]:
    """The one a relative clause puts the event on: "drone attacks on US troops that the
    Pentagon blamed on Kataib Hezbollah", "the strike, which Hezbollah attributed to Israel"
    (the parser may hang the clause on the object of the event's preposition)."""
    carriers = [noun] + [p for c in noun.children if c.dep_ == "prep" for p in c.children]
    return [
        m
        for carrier in carriers
        for clause in carrier.children
        if clause.dep_ == "relcl"
        and clause.lemma_.lower() in r.words["blame_verbs"]
        and not any(c.dep_ == "neg" for c in clause.children)
        and any(
            c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in r.words["relative_pronouns"]
            for c in clause.children
        )
        for m in r.blamed(clause)
    ]


def _claim_denied(r: Reader, noun: Token) -> bool:
    """Whether the verb that puts an event on someone is negated or guessed: "X did not claim
    responsibility for the attack", "did not blame X for", "was not responsible for" (the
    event noun's own context does not see through the claim)."""
    current = noun
    for _ in range(5):
        if current.head == current:
            return False
        current = current.head
        if current.pos_ in VERBAL:
            return r.context(current, r.dm.sentences[r.dm.sentence_of[current.i]])[0]
    return False


def blamed_as_object(r: Reader, noun: Token) -> list[TokenMention]:
    """The one an event is blamed on when it is the blaming verb's object: "attributed the
    strike to the IRGC", "pinned a string of attacks on Iraqi bases on proxies of Iran" (the
    parser hangs the second "on" on the event's target)."""
    found = r.blaming_verb(noun)
    if found is None:
        return []
    verb, carrier = found
    if r.context(verb, r.dm.sentences[r.dm.sentence_of[verb.i]])[0]:
        return []  # "did not blame the attack on X"
    return [m for t in r.blamed_for_event(verb, carrier) for m in r.resolve(t)]


def implicated(r: Reader, noun: Token) -> list[TokenMention]:
    """The one said to be involved in an event: "Kataib Hezbollah was implicated in the attack
    on the embassy", "militants involved in attacks on the coalition", "the group was tied to
    the seizure of the hostages" (the one saying so claims it)."""
    head = noun.head
    if noun.dep_ != "pobj" or head.dep_ != "prep":
        return []
    verb = head.head
    if (
        head.lower_ == "with"
        and cue_form(verb, r.words["connection_nouns"]) is not None
        and verb.dep_ == "pobj"
        and verb.head.lower_ == "in"
        and verb.head.head.pos_ in VERBAL
    ):
        # "Khazali was held in connection with the 2007 assault", "police arrested two men in
        # connection with the attack": the one held for it
        holder = verb.head.head
        if r.context(holder, r.dm.sentences[r.dm.sentence_of[holder.i]])[0]:
            return []
        held = r.subjects(holder, {"nsubjpass"}) if is_passive(holder) else []
        held = held or [m for c in holder.children if c.dep_ == "dobj" for m in r.resolve(c)]
        return [m for m in held if m.kind != DEMONYM]
    if (
        verb.lemma_.lower() not in r.words["involvement_verbs"]
        or head.lower_ not in r.words["involvement_preps"]
        or verb.tag_ != "VBN"
    ):
        return []
    if r.context(verb, r.dm.sentences[r.dm.sentence_of[verb.i]])[0]:
        return []  # "was not involved in the attack", "may have been involved"
    if verb.dep_ == "acl":
        involved = r.resolve(verb.head)  # "militants involved in attacks on the coalition"
    else:
        involved = r.subjects(verb, {"nsubjpass", "nsubj"})  # "X was implicated in the attack"
    # "Iraqi militants involved in attacks": a nationality says who they are, not that their
    # state is involved
    return [m for m in involved if m.kind != DEMONYM]


def held_responsible(r: Reader, noun: Token) -> list[TokenMention]:
    """ "Washington held Kataib Hezbollah responsible for the attack": the one held is the
    event's agent (the one holding says so)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return []
    adjective = noun.head.head
    if (
        adjective.lemma_.lower() not in r.words["responsibility_adjectives"]
        or adjective.dep_ not in {"oprd", "xcomp", "ccomp"}
        or adjective.head.pos_ not in VERBAL
    ):
        return []
    return [m for c in adjective.head.children if c.dep_ == "dobj" for m in r.resolve(c)]


def carrier_targets(r: Reader, noun: Token, relation: str) -> list[TokenMention]:
    """Targets the parser hangs on the light verb carrying the event: "stepped up arms
    supplies to the Houthis", "gave the Houthis backing" (the indirect object)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in r.words["light_verbs"]:
        return []
    preps = r.lex.noun_preps.get(cue_form(noun, r.lex.noun_preps) or "", frozenset())
    targets: list[TokenMention] = []
    for child in verb.children:
        if child.dep_ == "dative" and child.pos_ in NOMINAL:
            targets += r.resolve_target(child, relation)
        elif child.dep_ == "prep" and child.lower_ in preps and child.lower_ != "of":
            for pobj in (p for p in child.children if p.dep_ == "pobj"):
                resolved = r.resolve_target(pobj, relation)
                if child.lower_ in {"in", "within"}:
                    resolved = r.located_targets(noun, resolved)
                targets += resolved
    return targets


def undergoes(r: Reader, noun: Token, relation: str) -> bool:
    """ "came under pressure from X", "is under attack by ISIS", "Gaza under Israeli
    occupation": the one under the event is its target."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "under"
        and (relation in r.lexicon_targets_as_agents or relation == "strikes")
        and cue_form(noun, r.lex.mutual_nouns) is None
    )


def undergone_event(r: Reader, noun: Token, relation: str) -> Candidate | None:
    """The reading of an event undergone ("Kadhimi came under pressure from the militias":
    the militias oppose Kadhimi): its owner acts on the one under it."""
    governor = noun.head.head
    givers = r.noun_owner(noun) + [
        m
        for p in prep_objects(noun, ("of",)) + prep_objects(governor, ("from", "by"))
        for m in r.resolve(p)
    ]
    undergoers = r.agents(governor) if governor.pos_ in VERBAL else r.resolve(governor)
    if givers and undergoers:
        return Candidate(relation, unique(givers), undergoers, noun, "noun")
    return None


def participation_verb(r: Reader, noun: Token) -> Token | None:
    """The verb by which someone takes part in an event: "took part in the strike", "played a
    major part in the fight", "participated in attacks", "joined the offensive"."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in r.words["participation_verbs"]:
        return noun.head  # "joined the offensive against ISIS"
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        # "have been at the forefront of the fight against ISIS", "in the vanguard of"
        front = noun.head.head
        if (
            cue_form(front, r.words["vanguard_nouns"]) is not None
            and front.dep_ == "pobj"
            and front.head.lower_ in {"at", "in"}
            and front.head.head.pos_ in VERBAL
        ):
            return front.head.head
        return None
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return None
    governor = noun.head.head
    lemma = governor.lemma_.lower()
    if governor.pos_ in VERBAL and lemma in r.words["participation_verbs"]:
        return governor
    if governor.pos_ in VERBAL and lemma in r.words["participation_carriers"]:
        # "played a major part [in the fight]": the parser may hang "in" on the verb
        if any(
            c.dep_ == "dobj" and c.lemma_.lower() in r.words["participation_nouns"]
            for c in governor.children
        ):
            return governor
        return None
    if (
        governor.pos_ in NOMINAL
        and lemma in r.words["participation_nouns"]
        and governor.dep_ == "dobj"
        and governor.head.lemma_.lower() in r.words["participation_carriers"]
    ):
        return governor.head
    return None


def reading_by(r: Reader, noun: Token, rule: str) -> Iterator[Candidate]:
    """The event's reading when `rule` makes it; a pledged strike ("vowed to launch attacks
    on Israel") is no done strike: the pledge rule reads it as a threat."""
    candidate = read_event(r, noun)
    if candidate is None or candidate.rule != rule:
        return
    if candidate.relation == "strikes" and pledged_event(r, noun) is not None:
        return
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


# Tables of events that refer back to each other: "the strikes" after "Israeli jets struck",
# "the attack" after "militants attacked". An event refers back only within its family.
EVENT_FAMILIES = ("raid_events", "attack_events")
# how many sentences back a definite event may find the event it names
ANTECEDENT_WINDOW = 6


def event_family(r: Reader, token: Token) -> str | None:
    """The family of events `token` (a verb or an event noun) belongs to."""
    for family in EVENT_FAMILIES:
        words = r.words[family]
        if token.lemma_.lower() in words or token.lower_ in words:
            return family
    return None


def event_antecedent(r: Reader, noun: Token) -> list[TokenMention]:
    """The agent of the earlier event a definite event noun names: "Israeli jets struck
    Hezbollah positions. Egypt condemned the strikes." (the strikes are Israel's). Only an
    event without an agent of its own, of the same family, within a few sentences, with one
    agent in the nearest sentence that has such an event (two agents there: nobody)."""
    family = event_family(r, noun) if noun.pos_ in NOMINAL else None
    if family is None or not r.definite(noun) or r.modifier_mentions(noun) or r.noun_owner(noun):
        return []
    here = r.dm.sentence_of[noun.i]
    for index in range(here, max(-1, here - ANTECEDENT_WINDOW - 1), -1):
        sentence = r.dm.sentences[index]
        found: dict[str, TokenMention] = {}
        for token in sentence:
            if token.i >= noun.i or event_family(r, token) != family:
                continue
            agents = _event_agents(r, token)
            if agents and not r.context(token, sentence)[0]:
                for agent in agents:
                    found.setdefault(agent.actor.id, agent)
        if len(found) == 1:
            return list(found.values())
        if found:
            return []  # two agents of such events: which one is meant is unknown
    return []


def _event_agents(r: Reader, token: Token) -> list[TokenMention]:
    """Who does the event a verb or an event noun names (its own agent, never one referred
    back to)."""
    if token.pos_ in VERBAL:
        if token.dep_ == "amod":
            return []
        if token.dep_ == "acl" and token.tag_ == "VBN":
            return r.by_agents(token)  # "positions struck by Israeli jets"
        return r.agents(token)
    if token.pos_ not in NOMINAL:
        return []
    return unique([*r.noun_owner(token), *performers(r, token)]) or r.context_agents(token)


@token_rule(
    "event-antecedent",
    family="event_nouns",
    confidence=0.6,
    trigger=EVENT_NOUNS,
    reads='"Israeli jets struck Hezbollah. Egypt condemned the strikes." (Egypt opposes '
    'Israel), "The raids drew condemnation from Jordan"',
)
def event_antecedent_reading(r: Reader, noun: Token) -> Iterator[Candidate]:
    """A definite event noun the target of an opposing, supporting or threatening cue
    stands for the agent of the earlier event it names."""
    yield from reading_by(r, noun, "event-antecedent")
    verb = noun.head
    if noun.dep_ not in {"dobj", "nsubjpass"} or verb.pos_ not in VERBAL:
        return
    relations = {
        cue.relation
        for cue, own_object in matched_cues(r, verb)
        if not cue.preps and own_object is None
    } & r.lexicon_targets_as_agents
    if not relations or r.resolve_target(noun, next(iter(relations))):
        return
    sources = r.agents(verb) if noun.dep_ == "dobj" else r.by_agents(verb)
    targets = event_antecedent(r, noun)
    if sources and targets:
        for relation in sorted(relations):
            yield Candidate(relation, sources, targets, verb, "event-antecedent")
