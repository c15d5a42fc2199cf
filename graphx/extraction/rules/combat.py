"""Force said around the cue: victims counted ("killed hundreds of Americans"), fighting beside
someone against someone ("fought alongside the army against ISIS"), answering with strikes
("retaliated with a series of strikes on the groups") and taking part in an attack ("took part
in the drone strike on Tower 22", "played a major part in the fight against ISIS")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphx.extraction.mentions import TokenMention
from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.cues import matched_cues
from graphx.extraction.rules.event_nouns import event_antecedent, event_targets, performers
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
    return [m for c in head.children if c.dep_ == "attr" for m in r.resolve(c)]


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
    beside = prep_objects(verb, ("alongside",))
    # the parser may hang "against Y" on X: "alongside [the army against ISIS]"
    enemies_at = prep_objects(verb, ("against",)) + [
        p for b in beside for p in prep_objects(b, ("against",))
    ]
    enemies = unique(m for e in enemies_at for m in r.resolve(e))
    partners = unique(m for b in beside for m in r.resolve(b))
    fighters = _doers(r, verb)
    if not enemies or not fighters or pledge_head(r, verb) is not None:
        return
    yield Candidate(STRIKES, fighters, enemies, verb, "alongside-against")
    if partners:
        yield Candidate(STRIKES, partners, enemies, verb, "alongside-against")
        yield Candidate("supports", partners, fighters, verb, "alongside-against")


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
    agents = r.noun_owner(noun) or _doers(r, verb)
    targets = (
        event_targets(r, noun, relation)
        or _count_targets(r, noun, relation)
        or _hung_on(r, noun, verb)  # "responded with airstrikes [on X]"
    )
    if agents and targets:
        yield Candidate(relation, agents, targets, noun, "answered-with")


def _participation(r: Reader, noun: Token) -> Token | None:
    """The verb by which someone takes part in an event: "took part in the strike", "played a
    major part in the fight", "participated in attacks", "joined the offensive"."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in r.words["participation_verbs"]:
        return noun.head  # "joined the offensive against ISIS"
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
    preps = r.lex.noun_preps.get(cue_form(noun, r.lex.noun_preps) or "", frozenset())
    preps = preps - {"of", "in", "with", "within"}
    return [m for p in prep_objects(verb, tuple(sorted(preps))) for m in r.resolve(p)]


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
    verb = _participation(r, noun)
    if relation is None or verb is None or pledge_head(r, verb) is not None:
        return
    if pledged_event(r, noun) is not None:
        return
    agents = _doers(r, verb)
    targets = _participation_targets(r, noun, verb, relation)
    if agents and targets:
        yield Candidate(relation, agents, targets, noun, "took-part")


def _harm_victims(r: Reader, verb: Token) -> list[TokenMention]:
    """Who a verb of harm says was hurt: the subject of "died" / "perished", the passive
    subject of "were killed" / "were wounded", the noun a participle modifies ("three
    fighters killed in the raid")."""
    lemma = verb.lemma_.lower()
    if lemma in r.words["dying_verbs"]:
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
    harm = r.words["casualty_verbs"] | r.words["dying_verbs"]
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
    for clause in noun.children:
        # "the strike, in which three soldiers died": a relative "in which" on the event
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


def _event_doers(r: Reader, noun: Token) -> list[TokenMention]:
    """Who does an event: its owner ("an Israeli strike", "the attack by the Houthis"), who
    takes part in it ("took part in the attack"), or the agent of the earlier event the
    definite noun names ("Israeli jets struck a depot. ... when the strike hit")."""
    own = unique([*r.noun_owner(noun), *performers(r, noun)])
    if own:
        return own
    verb = _participation(r, noun)
    if verb is not None:
        return _doers(r, verb)
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
    verb = _harm_verb(r, noun)
    if verb is None or pledged_event(r, noun) is not None:
        return
    hurt = _harm_victims(r, verb)
    doers = _event_doers(r, noun) if hurt else []
    if hurt and doers:
        # the harm verb is the evidence: "no fighters were killed in the strike" negates it
        yield Candidate(STRIKES, doers, hurt, verb, "victims")
