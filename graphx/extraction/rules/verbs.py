"""Verbs and their passives and participles: "Iran backs the militias", "the base was hit by
drones", "militias armed by Iran"; and labelling ("called the US the greatest enemy")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphx.extraction.lexicon import VerbCue
from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.cues import matched_cues
from graphx.extraction.rules.event_nouns import (
    event_antecedent,
    own_target_phrase,
    participation_verb,
    read_event,
    remnant_whole,
)
from graphx.extraction.rules.pledges import clause_of, pledge_head, pledged_event
from graphx.extraction.rules.registry import NOMINAL, VERBAL, Candidate, Trigger, token_rule
from graphx.extraction.rules.syntax import (
    cue_form,
    is_passive,
    prep_objects,
    same_state,
)

_VERB_CUES = Trigger("verbs", VERBAL)


def _shares_passive(verb: Token) -> bool:
    # "are armed and trained by Iran": conjoined participles share subject and agent
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and (is_passive(verb.head) or verb.head.dep_ == "acomp")
    )


def _bare_participle(verb: Token) -> bool:
    """A past participle without auxiliary or subject ("areas recaptured from ISIS", also
    when the parser hangs it on the clause): passive in meaning."""
    return (
        verb.tag_ in {"VBN", "VBD"}  # (the tagger may read it as a past tense)
        and verb.dep_ in {"acl", "advcl"}
        and not any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children)
    )


def _is_participle(verb: Token) -> bool:
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


@token_rule(
    "verb",
    family="verbs",
    confidence=0.85,
    trigger=_VERB_CUES,
    reads='"Iran backs Kataib Hezbollah", "fired rockets at US troops", "waged war on ISIS"',
)
def verb(r: Reader, verb: Token) -> Iterator[Candidate]:
    """An active verb: the subject acts on the object, or on a cue preposition's object."""
    if warned_against(r, verb):
        return  # "warned Israel against attacking Lebanon": nothing is done
    pledged = pledge_head(r, verb) is not None
    planned = planning_head(r, verb) is not None
    controlled = object_control(r, verb)
    for cue, sources, targets in active_readings(r, verb):
        if pledged and threat_of(r, cue, verb) is not None:
            continue  # "vowed to strike Israel": a threat (the pledge rule), no strike done
        if controlled is not None and cue.relation == "strikes":
            if not controlled:
                continue  # "asked Iran to fight ISIS": a request, no force used
            sources = controlled  # "invited US forces to help battle ISIS": the forces fight
        if not cue.preps and _blames_event_on(r, verb):
            continue  # "the attacks that Iran blamed on Israel": the object is the event
        if cue.relation == "opposes" and _weapons_turned(r, verb):
            # "were turning those aircraft against the PMF": weapons turned on X strike X
            cue = VerbCue("strikes", cue.particle, cue.preps, cue.objects)
        if cue.relation == "strikes" and verbal_clash(
            r, verb, [*sources, *(m for t in targets for m in r.resolve(t))]
        ):
            # "Sadr clashed with Maliki over the budget": a quarrel, not a fight
            cue = VerbCue("opposes", cue.particle, cue.preps, cue.objects)
        elif planned and cue.relation == "strikes":
            # "Israel plans to strike Hezbollah", "wants to strike Iran": action planned or
            # wished short of force is opposition
            cue = VerbCue("opposes", cue.particle, cue.preps, cue.objects)
        if cue.relation == "strikes" and _future(r, verb):
            # "officials said Iran would attack Israel": a forecast, no strike; "Iran said it
            # would attack Israel": a threat, which the declared-intent rule reads
            continue
        yield from _candidate(r, cue, sources, targets, verb, "verb")


def _future(r: Reader, verb: Token) -> bool:
    """ "would attack", "will strike", "'ll hit": force still to come (not "would have")."""
    clause = clause_of(verb)
    auxiliaries = [c.lower_ for c in clause.children if c.dep_ == "aux"]
    return any(a in r.words["future_modals"] for a in auxiliaries) and "have" not in auxiliaries


def _blames_event_on(r: Reader, verb: Token) -> bool:
    """ "blamed the attacks on Israel", "attributed the strike to the IRGC": the object is the
    event blamed, the one blamed is the preposition's (the "blame on" cue reads it)."""
    return verb.lemma_.lower() in r.words["blame_verbs"] and bool(prep_objects(verb, ("on", "to")))


def object_control(r: Reader, verb: Token) -> list | None:
    """Who does what an infinitive under a verb with an object says: the object of "invited US
    forces to help battle ISIS", "sent troops to fight the militants" (they do it); nobody for
    "asked Iran to fight ISIS", "urged the coalition to strike" (only asked for). None when
    no such verb is above."""
    clause = clause_of(verb)
    for _ in range(3):
        head = clause.head
        if clause.dep_ != "xcomp" or head == clause or head.pos_ not in VERBAL:
            return None
        objects = [c for c in head.children if c.dep_ == "dobj"]
        lemma = head.lemma_.lower()
        if is_passive(head) and (
            lemma in r.words["requesting_verbs"] or lemma in r.words["enabling_verbs"]
        ):
            return []  # "fighters were trained to attack US bases", "were urged to strike"
        if objects:
            if lemma in r.words["requesting_verbs"] or lemma in r.words["enabling_verbs"]:
                return []  # asked or trained to fight: the fighting is not said to be done
            if lemma in r.words["object_control_verbs"]:
                return [m for o in objects for m in r.resolve(o)] or None
            return None
        clause = clause_of(head)  # "invited them to [help [battle the extremists]]"
    return None


def _weapons_turned(r: Reader, verb: Token) -> bool:
    """ "turned their guns against the protesters", "turning those aircraft against the PMF":
    weapons turned against someone are used on them."""
    return verb.lemma_.lower() in r.words["turning_verbs"] and any(
        c.dep_ == "dobj" and cue_form(c, r.words["turned_weapons"]) is not None
        for c in verb.children
    )


def verbal_clash(r: Reader, verb: Token, sides: list) -> bool:
    """ "Sadr clashed with Maliki over the budget", "Iran and the US clashed over the deal": a
    clash over something between sides not all armed is a quarrel (not "clashed over the
    weekend", a time; not "the army and the Peshmerga clashed over Kirkuk", a fight)."""
    if verb.lemma_.lower() not in r.words["quarrel_verbs"]:
        return False
    if sides and all(m.actor.type in r.words["armed_types"] for m in sides):
        return False
    return any(
        p.ent_type_.lower() not in r.words["time_entities"]
        for p in prep_objects(verb, tuple(sorted(r.words["quarrel_preps"])))
    )


def force_not_used(r: Reader, verb: Token) -> bool:
    """Whether force a verb says is only pledged or readied (pledge_head), planned, wished or
    still to come."""
    return (
        pledge_head(r, verb) is not None or planning_head(r, verb) is not None or _future(r, verb)
    )


def planning_head(r: Reader, verb: Token) -> Token | None:
    """The planning word whose clause `verb` is: "plans to strike", "is preparing to attack",
    "intends to keep bombing", "its plan to retake Idlib" (not yet done)."""
    clause = clause_of(verb)
    for _ in range(4):
        head = clause.head
        if head == clause:
            return None
        planning = (
            cue_form(head, r.words["planning_words"]) is not None
            or cue_form(head, r.words["wishing_verbs"]) is not None
        )
        if clause.dep_ == "xcomp" and head.pos_ in VERBAL:
            if planning:
                return head
            if head.lemma_.lower() not in r.words["aspect_verbs"]:
                return None
            clause = clause_of(head)  # "plans to keep attacking"
        elif clause.dep_ in {"acl", "relcl"} and head.pos_ in NOMINAL:
            return head if planning else None  # "its plan to strike Tel Aviv"
        else:
            return None
    return None


def active_readings(r: Reader, verb: Token) -> Iterator[tuple[VerbCue, list, list[Token]]]:
    """Each cue of an active `verb` with its sources and its target tokens."""
    passive = is_passive(verb) or _shares_passive(verb)
    for cue, own_object in matched_cues(r, verb):
        if cue.preps:
            heads = [verb] if own_object is None else [verb, own_object]
            # "fired missiles at Israel", "shipped drones to the Houthis": the preposition
            # may hang on the object the verb moves
            heads += [c for c in verb.children if c.dep_ == "dobj" and r.dm.at(c) is None]
            # "pushed back against X": the parser may hang the preposition on the particle
            heads += [
                c for c in verb.children if c.dep_ in {"prt", "advmod"} and c.lower_ == cue.particle
            ]
            # a preposition that also opens a time clause is the cue's only right after the
            # verb: "went after Hezbollah", not "went to Riyadh after Cairo"
            preps = [
                p
                for p in cue.preps
                if p not in r.words["subordinators"]
                or any(
                    c.dep_ == "prep" and c.lower_ == p and c.i == verb.i + 1 for c in verb.children
                )
            ]
            targets = [p for head in heads for p in prep_objects(head, preps)]
            targets = _blamed_past_event_target(r, verb, targets)
            if any(c.dep_ == "prt" and c.lower_ in cue.preps for c in verb.children):
                # "took on ISIS": the preposition parsed as a particle, its object the verb's
                targets += [c for c in verb.children if c.dep_ == "dobj"]
            # "areas recaptured from ISIS": a participle's agent is its "by" phrase or no one
            sources = r.by_agents(verb) if _bare_participle(verb) else r.agents(verb)
            sources = effort_owners(r, verb) or sources or _weapon_owner(r, verb)
            if not sources and passive and cue.preps == ("with",) and not r.by_agents(verb):
                # "the Houthis, who are allied with Iran": a stative participle whose
                # subject holds the relation
                sources = r.subjects(verb, {"nsubjpass"})
        elif own_object is not None:
            # "brought Maliki to power": the target is the object the idiom's own is not
            targets = [c for c in verb.children if c.dep_ in {"dobj", "dative"} and c != own_object]
            if not targets:
                # "held [two Israeli soldiers] hostage": the parser may make the target a
                # compound of the idiom's own object
                targets = [c for c in own_object.children if c.dep_ == "compound"]
            sources = r.agents(verb)
        elif _is_participle(verb) or passive:
            continue  # the participle and passive rules
        else:
            targets = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
            if not targets:
                # "a coalition that is battling what remains of the Islamic State" (before the
                # relative's antecedent: the coalition fights the remnant, not itself)
                targets = _remnant_of(r, verb)
            if (
                not targets
                and verb.dep_ == "relcl"
                and not any(c.dep_ == "prep" for c in verb.children)
            ):
                targets = [verb.head]  # "the militia al-Muhandis founded"
            sources = r.agents(verb) or _event_beyond_date(r, verb) or _earlier_event_agent(r, verb)
        yield cue, sources, targets


def _blamed_past_event_target(r: Reader, verb: Token, targets: list[Token]) -> list[Token]:
    """ "blamed the rocket attacks on US bases on Kataib Hezbollah": the event's own target
    ("US bases") is not the one blamed; the "on" the parser hangs on it is."""
    if verb.lemma_.lower() not in r.words["blame_verbs"]:
        return targets
    events = [
        c
        for c in verb.children
        if c.dep_ == "dobj" and c.pos_ in NOMINAL and cue_form(c, r.lex.nouns) is not None
    ]
    own = {p for e in events for p in prep_objects(e, ("on",))}
    if not own:
        return targets
    chained = [q for p in own for q in prep_objects(p, ("on",))]
    if not chained:
        return targets  # "blamed the attacks on Kataib Hezbollah": the one "on" is the blamed
    return [t for t in targets if t not in own] + chained


def _weapon_owner(r: Reader, verb: Token) -> list:
    """ "a Houthi missile fired at Israeli warships", "Hezbollah drones launched toward the
    Galilee": a weapon's participle is done by whoever owns the weapon."""
    if not (_bare_participle(verb) and verb.dep_ == "acl"):
        return []
    if cue_form(verb.head, r.words["weapon_nouns"]) is None:
        return []
    return r.resolve(verb.head)


def effort_owners(r: Reader, verb: Token) -> list:
    """Who does what an effort's infinitive says when the parser hangs the infinitive on the
    clause's verb: "took a front-line role in [Iraq's drive] to recapture Tikrit from ISIS"
    (Iraq's drive; and the one taking part in it). Nothing when the parse is right."""
    if verb.dep_ != "advcl" or verb.i < 2:
        return []
    to, noun = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    if to.lower_ != "to" or to.dep_ != "aux" or to.head != verb or noun.pos_ not in NOMINAL:
        return []
    if cue_form(noun, r.words["effort_nouns"]) is None:
        return []
    owners = r.noun_owner(noun)
    if not owners:
        return []
    participation = participation_verb(r, noun)
    if participation is not None:
        owners = [*owners, *r.agents(participation)]
    return owners


def _earlier_event_agent(r: Reader, verb: Token) -> list:
    """ "Israeli jets struck Lebanon overnight. The strikes targeted Hezbollah depots": a
    definite event as the subject stands for the agent of the earlier event it names."""
    events = [
        c
        for c in verb.children
        if c.dep_ == "nsubj" and c.pos_ in NOMINAL and cue_form(c, r.lex.nouns) is not None
    ]
    # (an event that names its own target, "the attack on Baghdad airport", is a new one)
    events = [e for e in events if not own_target_phrase(r, e)]
    return [m for e in events for m in event_antecedent(r, e)]


def _event_beyond_date(r: Reader, verb: Token) -> list:
    """ "a U.S. airstrike in January 2020 that killed Soleimani": the parser hangs the relative
    clause on the date; its subject is the event the date is of (the event's owner acts)."""
    head = verb.head
    if (
        verb.dep_ != "relcl"
        or head.ent_type_.lower() not in r.words["time_entities"]
        or head.dep_ != "pobj"
        or not any(
            c.dep_ == "nsubj" and c.lower_ in r.words["relative_pronouns"] for c in verb.children
        )
    ):
        return []
    preposition = head.head
    if preposition.dep_ != "prep" or preposition.i == 0:
        return []
    # the event the date is of: the noun just before the date's preposition ("a U.S. airstrike
    # [in January 2020]"), wherever the parser hangs the preposition
    event = verb.doc[preposition.i - 1]
    if event.pos_ not in NOMINAL or cue_form(event, r.lex.nouns) is None:
        return []
    return r.noun_owner(event)


def _remnant_of(r: Reader, verb: Token) -> list[Token]:
    """The whole a free relative's remnant belongs to: "fighting what is left of ISIS",
    "battling what remains of the group" (the parser makes the relative a clause)."""
    return [
        p
        for clause in verb.children
        if clause.dep_ == "ccomp"
        and clause.lemma_.lower() in r.words["remnant_verbs"]
        and any(c.lower_ == "what" and c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
        for p in prep_objects(clause, ("of",))
    ]


def threat_of(r: Reader, cue: VerbCue, verb: Token) -> str | None:
    """The relation a pledge of `cue`'s act is: force or punishment promised is a threat."""
    if cue.relation == "strikes" or (
        cue.relation == "opposes" and verb.lemma_.lower() in r.words["punishing_verbs"]
    ):
        return "threatens"
    return None


def warned_against(r: Reader, verb: Token) -> bool:
    """ "warned Israel against attacking Lebanon": the act warned against is not done."""
    clause = clause_of(verb)
    prep = clause.head
    return (
        clause.dep_ == "pcomp"
        and prep.lower_ == "against"
        and prep.head.lemma_.lower() in r.words["pledge_words"]
    )


@token_rule(
    "pledge",
    family="verbs",
    confidence=0.75,
    trigger=Trigger("pledge_words", VERBAL | NOMINAL),
    reads='"Hezbollah vowed to retaliate against Israel", "threatened to attack US bases", '
    '"Israeli threats to strike Iraq", "warned that its fighters would fire missiles at Israel"',
)
def pledge(r: Reader, head: Token) -> Iterator[Candidate]:
    """A pledge or threat of force against X is a threat to X (the force is not yet used)."""
    if head.pos_ in VERBAL:
        pledgers = r.agents(head)
    else:
        pledgers = r.noun_owner(head) or r.context_agents(head)
    if not pledgers:
        return
    above = {a for m in pledgers for a in r.kb.ancestors(m.actor.id)}
    own = {m.actor.id for m in pledgers}

    def pledger_acts(sources: list) -> bool:
        # the one to strike is the pledger (or its own forces), not a third party the
        # pledger warns about ("the US warned that Iran could strike Israel")
        return any(m.actor.id in above or own & set(r.kb.ancestors(m.actor.id)) for m in sources)

    for token in head.subtree:
        if token == head:
            continue
        if token.pos_ in NOMINAL and pledged_event(r, token) == head:
            event = read_event(r, token)  # "vowed to launch attacks on Israel"
            if event is not None and event.relation == "strikes" and pledger_acts(event.sources):
                yield Candidate("threatens", pledgers, event.targets, head, "pledge")
            continue
        if token.pos_ not in VERBAL or pledge_head(r, token) != head:
            continue
        if any(c.dep_ == "neg" for c in token.children):
            continue  # "vowed not to attack Israel"
        for cue, sources, targets in active_readings(r, token):
            relation = threat_of(r, cue, token)
            if relation is None:
                continue
            if not pledger_acts(sources) and (sources or head.pos_ not in NOMINAL):
                continue  # "Turkish threats to attack the PKK": the noun's owner acts
            resolved = [m for t in targets for m in r.resolve_target(t, relation)]
            if resolved:
                yield Candidate(relation, pledgers, resolved, head, "pledge")


@token_rule(
    "participle",
    family="verbs",
    confidence=0.8,
    trigger=_VERB_CUES,
    reads='"militias armed by Iran", "the fighters trained by the IRGC"',
)
def participle(r: Reader, verb: Token) -> Iterator[Candidate]:
    """A past participle modifying a noun: its "by" phrase acts on the noun ("militias armed
    by Iran"); set off by commas it may hang on the clause ("The Badr Organization, led by
    Hadi al-Amiri, won seats"), and then it is said of the clause's subject."""
    if _is_participle(verb):
        patients = [verb.head]
    elif verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.head.pos_ in VERBAL:
        patients = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    else:
        return
    agents = r.by_agents(verb)
    if not agents:
        return
    for cue, own_object in matched_cues(r, verb):
        if cue.preps or own_object is not None:
            continue
        yield from _candidate(r, cue, agents, patients, verb, "participle")


@token_rule(
    "verb-passive",
    family="verbs",
    confidence=0.8,
    trigger=_VERB_CUES,
    reads='"the base was hit by drones", "the Houthis are armed and trained by Iran"',
)
def passive_verb(r: Reader, verb: Token) -> Iterator[Candidate]:
    """A passive clause: the "by" agent acts on the passive subject."""
    shares_passive = _shares_passive(verb)
    if _is_participle(verb) or not (is_passive(verb) or shares_passive):
        return
    for cue, own_object in matched_cues(r, verb):
        if cue.preps or own_object is not None:
            continue
        carrier = verb.head if shares_passive else verb
        targets = [c for c in carrier.children if c.dep_ == "nsubjpass"]
        if not targets:
            # "The KDP stands accused by the PUK": the parser may label the subject nsubj,
            # and hang it on the auxiliary
            targets = [
                c
                for holder in (carrier, *(a for a in carrier.children if a.dep_ == "auxpass"))
                for c in holder.children
                if c.dep_ == "nsubj" and any(a.dep_ == "auxpass" for a in carrier.children)
            ]
        if not targets and carrier.dep_ == "acomp":  # "are armed and trained by Iran"
            targets = [c for c in carrier.head.children if c.dep_ == "nsubj"]
        if carrier.dep_ == "relcl" and any(
            t.lower_ in r.words["relative_pronouns"] for t in targets
        ):
            targets = [carrier.head]
        sources = r.by_agents(verb) or [
            m for other in verb.conjuncts if other.tag_ == "VBN" for m in r.by_agents(other)
        ]
        if not sources and cue.relation == "strikes" and not _has_agent_phrase(verb):
            sources = _striker_before(r, verb)
        yield from _candidate(r, cue, sources, targets, verb, "verb-passive")


def _has_agent_phrase(verb: Token) -> bool:
    return any(c.dep_ == "agent" for c in verb.children)


def _striker_before(r: Reader, verb: Token) -> list:
    from graphx.extraction.rules.combat import striker_before  # (lazy: keeps the rule order)

    return striker_before(r, verb)


def _candidate(
    r: Reader,
    cue: VerbCue,
    sources: list,
    targets: list[Token],
    verb: Token,
    rule: str,
) -> Iterator[Candidate]:
    if not targets or not sources:
        return
    resolved = [m for t in targets for m in _stance_target(r, t, cue.relation)]
    if cue.relation == "demands_withdrawal":
        # "his decision to bring the US military mission to a close": no one demands that
        # their own side leave; they take it away
        resolved = [m for m in resolved if not any(same_state(m.actor, s.actor) for s in sources)]
    if resolved:
        yield Candidate(cue.relation, sources, resolved, verb, rule)


def _part_of_place(r: Reader, token: Token) -> bool:
    """ "the Iraqi side of the border", "the Syrian part of the frontier": a stretch of land."""
    return cue_form(token, r.words["place_part_nouns"]) is not None and any(
        cue_form(p, r.words["boundary_nouns"]) is not None for p in prep_objects(token, ("of",))
    )


def _risen(r: Reader, token: Token) -> list:
    """Those a crushed revolt stands for: "crushed a Kurdish uprising", "put down the revolt of
    the tribes", "the uprising by Sunni tribesmen" (not "an ISIS-backed revolt": its backer)."""
    if cue_form(token, r.words["revolt_nouns"]) is None:
        return []
    named = [
        m
        for m in r.modifier_mentions(token)
        if not (m.end < len(token.doc) and token.doc[m.end].text == "-")
    ]
    return named + [m for p in prep_objects(token, ("of", "by")) for m in r.resolve(p)]


def _stance_target(r: Reader, token: Token, relation: str) -> list:
    """A target; a stance or act noun stands for its owner when one is for or against it
    ("rejected the US plan", "decried Israel's conduct", "welcomed Iraq's decision")."""
    if relation == "strikes" and _part_of_place(r, token):
        return []  # "the strike hit the Iraqi side of the frontier": a place, not Iraq
    found = r.resolve_target(token, relation)
    if not found and relation == "strikes":
        return remnant_whole(r, token) or _risen(r, token)  # "battling the remnants of ISIS"
    if found or relation not in {"opposes", "supports"}:
        return found
    if token.lemma_.lower() in r.words["conduct_nouns"] or token.lower_ in r.words["conduct_nouns"]:
        return r.noun_owner(token, blamed=False)
    return []


@token_rule(
    "dependence",
    family="verbs",
    confidence=0.75,
    trigger=Trigger("dependence_verbs", VERBAL),
    reads='"Hezbollah depends on Iran", "Hamas relies on Qatar for funding"',
)
def dependence(r: Reader, verb: Token) -> Iterator[Candidate]:
    """Depending on X: X supports the one who depends on it."""
    if any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "PRON" and c.lower_ == "it"
        for c in verb.children
    ):
        return  # "it depends on Iran": whether something happens, no one's dependence
    patrons = [m for p in prep_objects(verb, ("on", "upon")) for m in r.resolve(p)]
    clients = r.agents(verb)
    if patrons and clients:
        yield Candidate("supports", patrons, clients, verb, "dependence")


@token_rule(
    "labelling",
    family="verbs",
    confidence=0.7,
    trigger=Trigger("labelling_verbs", VERBAL),
    reads='"The Houthis called the United States the greatest enemy", "branded the group '
    'terrorists", "described him as a killer"',
)
def labelling(r: Reader, verb: Token) -> Iterator[Candidate]:
    """Naming an actor with a hostile label is opposition."""
    nouns = [c for c in verb.children if c.dep_ in {"dobj", "dative", "oprd", "attr"}]
    labels = [c for c in nouns if c.dep_ in {"oprd", "attr"}] + [
        p
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "as"
        for p in prep.children
        if p.dep_ == "pobj"
    ]
    named = [c for c in nouns if c not in labels]
    if len(named) == 2 and not labels:  # "called [the US] [the enemy]": object, label
        named, labels = named[:1], named[1:]
    for label in list(labels):
        described = [c for c in label.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if r.dm.at(label) is not None and described:
            # "called Soleimani, revered as a hero at home, 'the world's top terrorist'": the
            # parser takes the name for the label and hangs the label on it
            labels.remove(label)
            named.append(label)
            labels += described
    hostile = r.words["hostile_labels"]
    words = [
        w.lemma_.lower()
        for label in labels
        # "a terrorist entity", "a source of evil"
        for w in [label, *label.children, *prep_objects(label, ("of",))]
        if w == label or w.dep_ in {"amod", "compound", "pobj"}
    ]
    if not any(word in hostile for word in words):
        return
    if any(r.dm.at(label) is not None for label in labels):
        return  # "called Hezbollah Iran's proxy": the label names an actor itself
    targets = [m for c in named for m in r.resolve(c)]
    sources = r.agents(verb)
    if targets and sources:
        yield Candidate("opposes", sources, targets, verb, "labelling")
