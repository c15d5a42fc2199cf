"""Force said around the cue: fighting beside someone against someone ("fought alongside the
army against ISIS", or against the enemy the partner was just said to fight), answering with
strikes ("retaliated with a series of strikes on the groups"), taking part in an attack ("took
part in the drone strike on Tower 22", "played a major part in the fight against ISIS"), the
victims of an attack ("three Hezbollah fighters were killed in an Israeli strike", "died when
the strike hit", "the raid, in which two soldiers died", "resulted in the death of") and an
invasion said without its object ("U.S. forces, which invaded in 2003, ...")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphx.extraction.mentions import TokenMention
from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.cues import matched_cues
from graphx.extraction.rules.event_nouns import (
    blamed_in_clause,
    claimed_by,
    claimed_in_clause,
    event_antecedent,
    event_targets,
    implicated,
    own_target_phrase,
    participation_verb,
    performers,
    planned,
    read_event,
)
from graphx.extraction.rules.modifiers import described
from graphx.extraction.rules.pledges import pledge_head, pledged_event
from graphx.extraction.rules.registry import NOMINAL, VERBAL, Candidate, Trigger, token_rule
from graphx.extraction.rules.syntax import cue_form, prep_objects, unique

STRIKES = "strikes"


def _doers(r: Reader, verb: Token) -> list[TokenMention]:
    """The verb's agents, a description standing for the actor it describes ("Asaib Ahl
    al-Haq, an Iran-backed militia that played a major part in the fight": Asaib fought)."""
    return unique(described(r, m) for m in r.agents(verb) or inverted_subjects(r, verb))


def inverted_subjects(r: Reader, verb: Token) -> list[TokenMention]:
    """Who does what an inverted clause's fronted verb says: "Fighting alongside the army
    are several militias, among them X and Y" (the complement of "are" fights)."""
    head = verb.head
    if verb.dep_ != "csubj" or head.lemma_.lower() != "be":
        return []
    doers = [m for c in head.children if c.dep_ == "attr" for m in r.resolve(c)]
    if doers:
        # "..., among them Kataib Hezbollah, the Badr Brigade and Saraya Khorasani": the list
        # the parser hangs on "are" names some of them
        doers += [
            m
            for c in head.children
            if c.dep_ in {"dep", "appos", "npadvmod"}
            and any(
                p.dep_ == "prep" and p.lower_ in r.words["member_list_preps"] for p in c.children
            )
            for m in r.resolve(c)
        ]
    return unique(doers)


@token_rule(
    "inverted-subject",
    family="combat",
    confidence=0.7,
    trigger=Trigger("verbs", VERBAL),
    reads='"Fighting alongside the Iraqi army are several militias, among them Kataib Hezbollah"',
)
def inverted_subject(r: Reader, verb: Token) -> Iterator[Candidate]:
    """A fronted cue verb whose doers follow "are": they do what it says."""
    doers = inverted_subjects(r, verb)
    if not doers:
        return
    for cue, own_object in matched_cues(r, verb):
        if own_object is not None or cue.relation not in {STRIKES, "supports"}:
            continue
        if cue.preps:
            objects = prep_objects(verb, cue.preps)
        else:
            objects = [c for c in verb.children if c.dep_ == "dobj"]
        targets = [m for o in objects for m in r.resolve_target(o, cue.relation)]
        if targets:
            yield Candidate(cue.relation, doers, targets, verb, "inverted-subject")
        if (
            targets
            and "alongside" in cue.preps
            and verb.lemma_.lower() in r.words["combat_partner_verbs"]
        ):
            # "Fighting alongside Iraqi troops are several militias": they fight whom the
            # troops were just said to fight
            enemies = partner_enemies(r, targets, verb)
            if enemies:
                yield Candidate(STRIKES, doers, enemies, verb, "inverted-subject")


@token_rule(
    "alongside-against",
    family="combat",
    confidence=0.75,
    trigger=Trigger("combat_partner_verbs", VERBAL),
    reads='"The Peshmerga fought alongside the Iraqi army against ISIS"',
)
def alongside_against(r: Reader, verb: Token) -> Iterator[Candidate]:
    """Fighting alongside X against Y: the fighter and X both fight Y, and X stands with
    the fighter (the verb rule reads the fighter's support of X)."""
    if inverted_subjects(r, verb):
        return  # "Fighting alongside Iraqi troops are the militias": the inverted-subject rule's
    beside = prep_objects(verb, ("alongside",))
    # the parser may hang "against Y" on X: "alongside [the army against ISIS]"
    enemies_at = prep_objects(verb, ("against",)) + [
        p for b in beside for p in prep_objects(b, ("against",))
    ]
    enemies = unique(m for e in enemies_at for m in r.resolve(e))
    partners = unique(m for b in beside for m in r.resolve(b))
    fighters = _doers(r, verb)
    if not enemies and not enemies_at and partners:
        enemies = partner_enemies(r, partners, verb)  # the partner's enemy said just before
    if not enemies or not fighters or pledge_head(r, verb) is not None:
        return
    yield Candidate(STRIKES, fighters, enemies, verb, "alongside-against")
    if partners:
        yield Candidate(STRIKES, partners, enemies, verb, "alongside-against")
        yield Candidate("supports", partners, fighters, verb, "alongside-against")


# how many sentences back the enemy of a partner fought alongside may be named
PARTNER_WINDOW = 2


def partner_enemies(r: Reader, partners: list[TokenMention], verb: Token) -> list[TokenMention]:
    """Whom the partner one fights alongside was said to strike in the nearest of the sentences
    just before ("Iraq's drive to recapture Tikrit from ISIS. ... Fighting alongside Iraqi troops
    are the militias": ISIS); the partner's own state counts as the partner. One enemy only:
    with two, which one is fought is not said."""
    from graphx.extraction.rules.verbs import (  # (verbs reads events: no cycle)
        active_readings,
        force_not_used,
    )

    side = {m.actor.id for m in partners}
    side |= {a for m in partners for a in r.kb.ancestors(m.actor.id)}

    def of_side(mentions: list[TokenMention]) -> bool:
        return any(m.actor.id in side or side & set(r.kb.ancestors(m.actor.id)) for m in mentions)

    here = r.dm.sentence_of[verb.i]
    for index in range(here - 1, max(-1, here - PARTNER_WINDOW - 1), -1):
        sentence = r.dm.sentences[index]
        found: dict[str, TokenMention] = {}
        denied = False
        for token in sentence:
            struck: list[TokenMention] = []
            if token.pos_ in VERBAL:
                if force_not_used(r, token):
                    continue  # "the army plans to attack HTS": no enemy fought yet
                for cue, sources, targets in active_readings(r, token):
                    if cue.relation == STRIKES and of_side(sources):
                        struck += [m for t in targets for m in r.resolve_target(t, STRIKES)]
            elif token.pos_ in NOMINAL:
                event = read_event(r, token)
                if event is not None and event.relation == STRIKES and of_side(event.sources):
                    struck += event.targets
            # an enemy fought is a group or a state, never a person killed ("US forces killed
            # Soleimani. Iraqi troops fought alongside US forces": Iraq fought no Soleimani)
            struck = [m for m in struck if m.actor.id not in side and m.actor.type != "person"]
            if struck and r.context(token, sentence)[0]:
                denied = True  # "the army denied attacking HTS": no enemy said, none earlier
            else:
                for m in struck:
                    found.setdefault(m.actor.id, m)
        if len(found) == 1 and not denied:
            return list(found.values())
        if found or denied:
            return []
    return []


def _denied(r: Reader, verb: Token) -> bool:
    """Whether the verb that carries an event is negated, guessed or only wished ("did not
    join the offensive", "may have responded with strikes", "wants to be at the forefront of
    the talks")."""
    if r.context(verb, r.dm.sentences[r.dm.sentence_of[verb.i]])[0]:
        return True
    clause = verb
    for _ in range(3):
        if clause.dep_ != "xcomp" or clause.head == clause:
            return False
        clause = clause.head
        if clause.lemma_.lower() in r.words["wishing_verbs"]:
            return True
    return False


def _carrier(r: Reader, noun: Token, governors: str, preposition: str) -> Token | None:
    """The verb of list `governors` an event noun is the object of `preposition` of,
    also through a count ("retaliated with a series of strikes")."""
    if noun.dep_ != "pobj":
        return None
    head = noun.head
    if head.lower_ == "of" and cue_form(head.head, r.words["quantity_nouns"]):
        count = head.head
        if count.dep_ != "pobj":
            return None
        head = count.head
    verb = head.head
    if head.lower_ != preposition or verb.pos_ not in VERBAL:
        return None
    return verb if verb.lemma_.lower() in r.words[governors] else None


def _count_targets(r: Reader, noun: Token, relation: str) -> list[TokenMention]:
    """Targets the parser hangs on the count of events: "a wave of airstrikes [on X]"."""
    count = noun.head.head if noun.head.lower_ == "of" else None
    if count is None or not cue_form(count, r.words["quantity_nouns"]):
        return []
    preps = r.lex.noun_preps.get(cue_form(noun, r.lex.noun_preps) or "", frozenset())
    preps = preps - {"of", "in", "within"}
    return [m for p in prep_objects(count, tuple(sorted(preps))) for m in r.resolve(p)]


def _event_relation(r: Reader, noun: Token) -> str | None:
    form = cue_form(noun, r.lex.nouns)
    return r.lex.nouns[form] if form else None


@token_rule(
    "answered-with",
    family="combat",
    confidence=0.75,
    trigger=Trigger("event_nouns", NOMINAL),
    reads='"The United States retaliated with a series of strikes on Kataib Hezbollah"',
)
def answered_with(r: Reader, noun: Token) -> Iterator[Candidate]:
    """Answering with an event: the one who answers does it ("responded with airstrikes on
    Houthi positions")."""
    relation = _event_relation(r, noun)
    verb = _carrier(r, noun, "response_verbs", "with")
    if relation is None or verb is None or pledge_head(r, verb) is not None:
        return  # "vowed to respond with strikes": a threat, the pledge rule's
    if _denied(r, verb):
        return  # "did not respond with strikes": the noun's own context does not see it
    agents = r.noun_owner(noun) or _doers(r, verb)
    targets = (
        event_targets(r, noun, relation)
        or _count_targets(r, noun, relation)
        or _hung_on(r, noun, verb)  # "responded with airstrikes [on X]"
    )
    if agents and targets:
        yield Candidate(relation, agents, targets, noun, "answered-with")


def _participation_targets(
    r: Reader, noun: Token, verb: Token, relation: str
) -> list[TokenMention]:
    """The event's targets, also a preposition of the event the parser hangs on the joining
    verb ("joined the offensive [against the Islamic State]")."""
    targets = event_targets(r, noun, relation)
    if targets or noun.head != verb:
        return targets
    return _hung_on(r, noun, verb)


def _hung_on(r: Reader, noun: Token, verb: Token) -> list[TokenMention]:
    """The targets of an event noun's own prepositions the parser hangs on the verb that
    carries it (not "of", "in" or "with", which the verb may have for itself)."""
    return [m for p in _hung_on_tokens(r, noun, verb) for m in r.resolve(p)]


def _hung_on_tokens(r: Reader, noun: Token, verb: Token) -> list[Token]:
    """The objects of those prepositions."""
    preps = r.lex.noun_preps.get(cue_form(noun, r.lex.noun_preps) or "", frozenset())
    preps = preps - {"of", "in", "with", "within"}
    return prep_objects(verb, tuple(sorted(preps)))


@token_rule(
    "took-part",
    family="combat",
    confidence=0.75,
    trigger=Trigger("event_nouns", NOMINAL),
    reads='"The militia took part in the drone strike on Tower 22", "played a major part in '
    'the fight against ISIS", "joined the offensive against the Islamic State"',
)
def took_part(r: Reader, noun: Token) -> Iterator[Candidate]:
    """Who takes part in an event does it."""
    relation = _event_relation(r, noun)
    verb = participation_verb(r, noun)
    if relation is None or verb is None or pledge_head(r, verb) is not None:
        return
    if pledged_event(r, noun) is not None or _denied(r, verb):
        return  # "did not join the offensive"
    agents = _doers(r, verb)
    targets = _participation_targets(r, noun, verb, relation)
    if agents and targets:
        yield Candidate(relation, agents, targets, noun, "took-part")


def _harm_victims(r: Reader, verb: Token) -> list[TokenMention]:
    """Who a verb of harm says was hurt: the subject of "died" / "perished", the passive
    subject of "were killed" / "were wounded", the noun a participle modifies ("three
    fighters killed in the raid")."""
    lemma = verb.lemma_.lower()
    if lemma in r.words["losing_verbs"]:
        # "Hezbollah lost three fighters in the strike": the loser's own people
        if not any(c.dep_ == "dobj" and cue_form(c, r.words["agent_nouns"]) for c in verb.children):
            return []  # "lost ground in the offensive", "lost interest in the campaign"
        deps = {"nsubj"}
    elif lemma in r.words["dying_verbs"]:
        deps = {"nsubj"}
    elif lemma in r.words["casualty_verbs"] and verb.tag_ == "VBN":
        if verb.dep_ == "acl":
            return r.resolve(verb.head)
        deps = {"nsubjpass"}
    else:
        return []
    subjects = [c for c in verb.children if c.dep_ in deps]
    # "no Hezbollah fighters were killed in the strike" (the parser may hang "no" on the verb)
    negators = [d for s in subjects for d in s.children if d.dep_ == "det"]
    negators += [d for d in verb.children if d.dep_ == "intj" and d.i < verb.i]
    if any(d.lower_ in r.words["negating_dets"] for d in negators):
        return []
    return [m for s in subjects for m in r.resolve(s)]


def _harm_verb(r: Reader, noun: Token) -> Token | None:
    """The verb of harm an event noun causes: "were killed in [an Israeli strike]", "were
    wounded by [the strikes]", "died when [the strike] hit the depot", "[the attack on the
    port], in which two soldiers died"."""
    harm = r.words["casualty_verbs"] | r.words["dying_verbs"] | r.words["losing_verbs"]
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in r.words["casualty_preps"]:
        verb = head.head
        if verb.pos_ in VERBAL and verb.lemma_.lower() in harm:
            return verb
    # "died when the strike hit": the event's clause says when the harm came
    if (
        noun.dep_ == "nsubj"
        and head.pos_ in VERBAL
        and head.dep_ == "advcl"
        and any(c.lower_ in r.words["casualty_times"] for c in head.children if c.i < noun.i)
    ):
        verb = head.head
        if verb.pos_ in VERBAL and verb.lemma_.lower() in harm:
            return verb
    # "the strike, in which three soldiers died": a relative "in which" on the event (the
    # parser may hang it on the object of the event's preposition, "the attack on [the base],
    # in which ...", also when it hangs that preposition on the verb of taking part)
    carriers = [noun, *(p for c in noun.children if c.dep_ == "prep" for p in c.children)]
    verb = participation_verb(r, noun)
    if verb is not None:
        carriers += [p for p in _hung_on_tokens(r, noun, verb)]
    for clause in (c for carrier in carriers for c in carrier.children):
        if (
            clause.dep_ == "relcl"
            and clause.lemma_.lower() in harm
            and any(
                p.lower_ in r.words["relative_pronouns"]
                for prep in clause.children
                if prep.dep_ == "prep" and prep.lower_ in r.words["casualty_preps"]
                for p in prep.children
                if p.dep_ == "pobj"
            )
        ):
            return clause
    return None


def _caused_deaths(r: Reader, noun: Token) -> tuple[Token | None, list[TokenMention]]:
    """ "The strike resulted in the death of a PMF commander", "the raid caused the deaths of
    three soldiers", "the attack led to the killing of two officers": the verb and the dead."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ not in VERBAL:
        return None, []
    if verb.lemma_.lower() not in r.words["causing_verbs"]:
        return None, []
    deaths = [c for c in verb.children if c.dep_ == "dobj"] + prep_objects(verb, ("in", "to"))
    dead = [
        m
        for death in deaths
        if cue_form(death, r.words["death_nouns"]) is not None
        for p in prep_objects(death, ("of",))
        for m in r.resolve(p)
    ]
    return (verb, dead) if dead else (None, [])


def _event_doers(r: Reader, noun: Token) -> list[TokenMention]:
    """Who does an event: its owner ("an Israeli strike", "the attack by the Houthis"), who
    takes part in it ("took part in the attack"), who carries or claims it ("launched an
    attack"), or the agent of the earlier event the definite noun names ("Israeli jets struck
    a depot. ... when the strike hit")."""
    own = unique(
        [
            *r.noun_owner(noun),
            *performers(r, noun),
            *claimed_in_clause(r, noun),  # "the attack, which the Houthis claimed, ..."
            *blamed_in_clause(r, noun),  # "... which Washington blamed on Kataib Hezbollah"
            *claimed_by(r, noun),
            *implicated(r, noun),  # "held in connection with the assault, in which ..."
        ]
    )
    if own:
        return own
    verb = participation_verb(r, noun)
    if verb is not None:
        return _doers(r, verb)
    # "launched a missile attack on the port, in which ...", "claimed the attack in which ..."
    found = r.context_agents(noun)
    if found or own_target_phrase(r, noun):
        return found  # an event that names its target is a new one, not one said before
    return event_antecedent(r, noun)


@token_rule(
    "victims",
    family="combat",
    confidence=0.7,
    trigger=Trigger("event_nouns", NOMINAL),
    reads='"Three Hezbollah fighters were killed in an Israeli strike", "two of its fighters '
    'died when the strike hit", "the attack on the port, in which two Saudi soldiers died"',
)
def victims(r: Reader, noun: Token) -> Iterator[Candidate]:
    """The ones an attack kills or wounds are struck by the attack's agent."""
    if _event_relation(r, noun) != STRIKES or cue_form(noun, r.lex.mutual_nouns) is not None:
        return  # "killed in clashes with the army": who killed whom is not said
    if pledged_event(r, noun) is not None or planned(r, noun):
        return
    verb = _harm_verb(r, noun)
    if verb is not None:
        hurt = _harm_victims(r, verb)
    else:
        verb, hurt = _caused_deaths(r, noun)
    if verb is None:
        return
    doers = _event_doers(r, noun) if hurt else []
    if hurt and doers:
        # the harm verb is the evidence: "no fighters were killed in the strike" negates it
        yield Candidate(STRIKES, doers, hurt, verb, "victims")


def _state_of(r: Reader, mention: TokenMention) -> str | None:
    """The state an actor is or belongs to (a government or forces: their country)."""
    if mention.actor.type == "state":
        return mention.actor.id
    if mention.actor.type in r.words["state_part_types"]:
        return mention.actor.country
    return None


@token_rule(
    "invaded-country",
    family="combat",
    confidence=0.6,
    trigger=Trigger("objectless_force_verbs", VERBAL),
    reads="\"U.S. forces, which invaded in 2003, left in 2011 at the Iraqi government's "
    'request" (the one other state the sentence names is the one invaded)',
)
def invaded_country(r: Reader, verb: Token) -> Iterator[Candidate]:
    """An invasion without an object invades the one other state its sentence names."""
    if any(c.dep_ in {"dobj", "nsubjpass", "auxpass", "dative"} for c in verb.children):
        return  # "invaded Iraq", "Iraq, which Iran invaded": the verb rules
    if any(r.resolve(p) for prep in verb.children if prep.dep_ == "prep" for p in prep.children):
        return  # "invaded with the coalition": the sentence says with whom, not whom
    if pledge_head(r, verb) is not None or planning_head_of(r, verb):
        return  # "threatened to invade", "plans to invade": not done
    invaders = r.agents(verb)
    own = {_state_of(r, m) for m in invaders} - {None}
    if verb.dep_ != "relcl" or not invaders or not own:
        return  # only said of the invader ("X, which invaded in 2003, ..."): the rest of the
        # sentence then tells of the invader in the country
    sentence = r.dm.sentences[r.dm.sentence_of[verb.i]]
    resisting = _resisting_states(r, sentence, {m.actor.id for m in invaders})
    others: dict[str, TokenMention] = {}
    for mention in r.dm.in_sentence(r.dm.sentence_of[verb.i]):
        state = _state_of(r, mention)
        if state is not None and state not in own:
            others.setdefault(state, mention)
    if len(others) == 1 and not set(others) & resisting:
        yield Candidate(STRIKES, invaders, list(others.values()), verb, "invaded-country")


def _resisting_states(r: Reader, sentence, invaders: set[str]) -> set[str]:
    """The states the sentence says act with hostility on the invaders ("..., were expelled by
    the US", "the US fought them"): a third party, not the country invaded."""
    hostile = set(r.words["hostile_relations"])
    out: set[str] = set()
    for token in sentence:
        if token.pos_ not in VERBAL:
            continue
        relations = {c.relation for c in r.lex.verbs.get(cue_form(token, r.lex.verbs) or "", ())}
        if not relations & hostile:
            continue
        objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
        if not any(m.actor.id in invaders for o in objects for m in r.resolve(o)):
            continue
        for m in r.agents(token):
            state = _state_of(r, m)
            if state is not None:
                out.add(state)
    return out


def planning_head_of(r: Reader, verb: Token) -> bool:
    """ "plans to invade": the planning word above the verb (verbs.planning_head)."""
    from graphx.extraction.rules.verbs import planning_head  # (verbs reads events: no cycle)

    return planning_head(r, verb) is not None


def striker_before(r: Reader, verb: Token) -> list[TokenMention]:
    """The one agent of the force the same sentence told of before an agentless passive of
    force: "Washington has answered with strikes of its own: two members of the group were
    killed near Baghdad, and Kataib Hezbollah positions were bombed" (Washington's strikes).
    Two agents, or force only pledged or denied: nobody."""
    from graphx.extraction.rules.verbs import active_readings, force_not_used

    sentence = r.dm.sentences[r.dm.sentence_of[verb.i]]
    found: dict[str, TokenMention] = {}
    for token in sentence:
        if token.i >= verb.i:
            break
        agents: list[TokenMention] = []
        if token.pos_ in NOMINAL and _event_relation(r, token) == STRIKES:
            event = read_event(r, token)
            response = _carrier(r, token, "response_verbs", "with")
            agents = (
                (event.sources if event is not None and event.relation == STRIKES else [])
                or r.noun_owner(token)
                or (_doers(r, response) if response is not None else [])
                or r.context_agents(token)
            )
        elif token.pos_ in VERBAL and not force_not_used(r, token):
            agents = [
                m
                for cue, sources, _ in active_readings(r, token)
                if cue.relation == STRIKES
                for m in sources
            ]
        if agents and not r.context(token, sentence)[0]:
            for m in agents:
                found.setdefault(m.actor.id, m)
    return list(found.values()) if len(found) == 1 else []
