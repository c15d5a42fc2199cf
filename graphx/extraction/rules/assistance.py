"""Support said without a support verb: giving aid ("gave money and weapons to Hezbollah",
"provided the Houthis with drones"), keeping someone ("asked US forces to remain"), backing a
pact with someone ("endorsed a security agreement with the United States") and naming someone
one's nominee ("named Sudani as its nominee"); and a verb sharing the object of the verb it is
joined to ("to assist and advise the Iraqi army"). Also: a list of passive participles sharing
one agent ("trained, financed and armed by Iran"), acts in support of someone ("in support of
Gaza", "an act of support for Hamas", "with the backing of Iran"), receiving aid, thanking for
it or depending on it ("received weapons from Iran", "relies on Iranian funding"), an idiom's
possessor ("came to Assad's aid") and allies of each other ("Iran and Syria are allies")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphx.extraction.mentions import TokenMention
from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.cues import matched_cues
from graphx.extraction.rules.pledges import pledge_head
from graphx.extraction.rules.registry import NOMINAL, VERBAL, Candidate, Trigger, token_rule
from graphx.extraction.rules.syntax import (
    apart,
    cue_form,
    is_passive,
    prep_objects,
    unique,
    with_conjuncts,
)

SUPPORTS = "supports"
# the relations a listed passive participle names ("trained, financed and armed by Iran")
LISTED = frozenset({SUPPORTS, "strikes", "opposes"})


def _aid_objects(r: Reader, verb: Token) -> list[Token]:
    """The verb's objects that are aid ("money and weapons", "military backing")."""
    objects = with_conjuncts([c for c in verb.children if c.dep_ == "dobj"])
    if objects:
        # "gave money and drones to X": the parser may join the second object to the verb
        objects += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in NOMINAL]
    return [o for o in objects if r.is_word(o, "aid_objects")]


def _recipients(r: Reader, verb: Token, aid: list[Token]) -> list[TokenMention]:
    """Who receives the aid: the indirect object ("gave Hezbollah weapons"), the "to" phrase
    ("gave weapons to Hezbollah", also hung on the object), or a name the parser made a
    modifier of the aid ("gives Hezbollah military backing")."""
    found: list[TokenMention] = []
    for child in verb.children:
        if child.dep_ == "dative" and child.pos_ in NOMINAL:
            found += r.resolve(child)
        elif child.dep_ in {"dative", "prep"} and child.lower_ == "to":
            found += [m for p in child.children if p.dep_ == "pobj" for m in r.resolve(p)]
    for obj in aid:
        found += [m for p in prep_objects(obj, ("to",)) for m in r.resolve(p)]
    if not found:
        found = [
            m
            for obj in aid
            for c in obj.children
            if c.dep_ == "nmod" and c.pos_ == "PROPN"
            for m in r.resolve(c)
        ]
    return unique(found)


@token_rule(
    "giving",
    family="assistance",
    confidence=0.8,
    trigger=Trigger("giving_verbs", VERBAL),
    reads='"Iran gives money and weapons to Hezbollah", "provided the Houthis with drones", '
    '"Tehran gives the group military backing"',
)
def giving(r: Reader, verb: Token) -> Iterator[Candidate]:
    """Giving aid to X supports X; what is given must be aid ("gave a speech to" is not)."""
    if is_passive(verb):
        return
    givers = r.agents(verb)
    if not givers:
        return
    aid = _aid_objects(r, verb)
    recipients = _recipients(r, verb, aid) if aid else []
    if not recipients:
        # "provided the Houthis with drones": the object receives what the "with" phrase gives
        given = prep_objects(verb, ("with",))
        if any(
            r.is_word(p, "aid_objects") for p in given + [c for g in given for c in g.conjuncts]
        ):
            recipients = [m for c in verb.children if c.dep_ == "dobj" for m in r.resolve(c)]
    if recipients:
        yield Candidate(SUPPORTS, givers, recipients, verb, "giving")


@token_rule(
    "asked-to-stay",
    family="assistance",
    confidence=0.75,
    trigger=Trigger("asking_verbs", VERBAL),
    reads='"The Iraqi government asked US forces to remain", "allowed the coalition to stay"',
)
def asked_to_stay(r: Reader, verb: Token) -> Iterator[Candidate]:
    """Asking or allowing X to stay supports X (asking X to leave is a demand)."""
    stays = [
        c
        for c in verb.children
        if c.dep_ in {"xcomp", "ccomp"} and c.lemma_.lower() in r.words["staying_verbs"]
    ]
    if not stays:
        return
    kept = [m for c in verb.children if c.dep_ == "dobj" for m in r.resolve(c)]
    if not kept:
        # "want US troops to remain": the parser makes the one kept the clause's subject
        kept = [m for s in stays for c in s.children if c.dep_ == "nsubj" for m in r.resolve(c)]
    # "had asked them to remain": who "them" is, the nearest pair of names often is not;
    # unless the sentence itself names who stays ("the coalition would stay in Iraq, noting
    # that the authorities had asked them to remain")
    staying = _named_stayers(r, verb, stays)
    kept = [m for m in kept if m.kind != "coref" or m.actor.id in staying]
    askers = r.agents(verb)
    if kept and askers:
        yield Candidate(SUPPORTS, askers, kept, verb, "asked-to-stay")


def _named_stayers(r: Reader, verb: Token, stays: list[Token]) -> set[str]:
    """The actors named as the subject of another staying verb in `verb`'s sentence."""
    return {
        m.actor.id
        for t in verb.sent
        if t.lemma_.lower() in r.words["staying_verbs"] and t not in stays
        for c in t.children
        if c.dep_ == "nsubj"
        for m in r.resolve(c)
        if m.kind != "coref"
    }


@token_rule(
    "shared-object",
    family="assistance",
    confidence=0.75,
    trigger=Trigger("verbs", VERBAL),
    reads='"officers came to assist and advise the Iraqi army", "militias attacked and '
    'looted the base"',
)
def shared_object(r: Reader, verb: Token) -> Iterator[Candidate]:
    """A cue verb without an object of its own takes the object of the verb joined after it
    ("to assist and advise the Iraqi army": they assist the army); only for support and force,
    and not when the joined verb has a subject of its own ("Iran armed and Israel struck X")."""
    if is_passive(verb) or any(
        c.dep_ in {"dobj", "dative", "ccomp", "xcomp"} for c in verb.children
    ):
        return
    joined = [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ in VERBAL
        and not is_passive(c)
        # a verb with a subject, an infinitive marker or a particle of its own is a clause of
        # its own: "to train and assist, and to take on ISIS" do not train ISIS
        and not any(g.dep_ in {"nsubj", "nsubjpass", "aux", "prt"} for g in c.children)
    ]
    objects = [o for c in joined for o in c.children if o.dep_ == "dobj"]
    if not objects:
        return
    if pledge_head(r, verb) is not None:
        return  # "vowed to hunt and kill X": a threat, the pledge rule's
    for cue, own_object in matched_cues(r, verb):
        if cue.preps or own_object is not None or cue.relation not in {SUPPORTS, "strikes"}:
            continue
        targets = [m for o in objects for m in r.resolve_target(o, cue.relation)]
        sources = r.agents(verb)
        if targets and sources:
            yield Candidate(cue.relation, sources, targets, verb, "shared-object")


@token_rule(
    "own-support-behind",
    family="assistance",
    confidence=0.75,
    trigger=Trigger("event_nouns", NOMINAL),
    reads='"Hezbollah threw its support behind the Lebanese government", "lent its backing to '
    'the Houthis"',
)
def own_support_behind(r: Reader, noun: Token) -> Iterator[Candidate]:
    """One's own support given through a light verb, the recipient hung on the verb: "threw
    its support behind X" (the event rule reads "its support for X")."""
    form = cue_form(noun, r.lex.nouns)
    verb = noun.head
    if (
        form is None
        or r.lex.nouns[form] != SUPPORTS
        or noun.dep_ != "dobj"
        or verb.lemma_.lower() not in r.words["light_verbs"]
        or not any(c.dep_ == "poss" for c in noun.children)
        or prep_objects(noun, r.lex.noun_preps.get(form, ()))
    ):
        return
    preps = set(r.lex.noun_preps.get(form, ())) - {"of"}
    targets = [m for p in prep_objects(verb, preps) for m in r.resolve(p)]
    givers = r.agents(verb)
    if targets and givers:
        yield Candidate(SUPPORTS, givers, targets, noun, "own-support-behind")


@token_rule(
    "passive-list",
    family="assistance",
    confidence=0.75,
    trigger=Trigger("verbs", VERBAL),
    reads='"the faction belongs to the Resistance and has been trained, financed and armed by '
    'Iran", "Hezbollah was trained, financed and armed by Tehran", "Hezbollah, trained and '
    'funded by Iran, fired rockets"',
)
def passive_list(r: Reader, verb: Token) -> Iterator[Candidate]:
    """A list of passive participles sharing the "by" agent of its last one, whose subject may
    be the one of the clause the list is joined to ("the faction belongs to X, and has been
    trained, financed and armed by Iran": Iran trains, finances and arms the faction); the
    parser may hang the second participle on the first as a clause of its own."""
    if verb.tag_ != "VBN":
        return
    if any(c.dep_ == "auxpass" for c in verb.children):
        patients = [c for c in verb.children if c.dep_ == "nsubjpass"] or _joined_subject(verb)
    elif verb.dep_ == "acl" and verb.head.pos_ in NOMINAL:
        patients = [verb.head]  # "Hezbollah, trained and funded by Iran, fired rockets"
    elif verb.dep_ == "advcl" and verb.head.pos_ in VERBAL:
        patients = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    else:
        return
    members = _participle_list(verb)
    if len(members) < 2 or not patients:
        return
    for participle in members:
        # its own "by" agent, else the one of the nearest participle after it that has one
        sources = r.by_agents(participle) or next(
            (r.by_agents(p) for p in members if p.i > participle.i and r.by_agents(p)), []
        )
        if not sources:
            continue
        for cue, own_object in matched_cues(r, participle):
            if cue.preps or own_object is not None or cue.relation not in LISTED:
                continue
            targets = [m for t in patients for m in r.resolve_target(t, cue.relation)]
            targets = apart(targets, sources)
            if targets:
                yield Candidate(cue.relation, sources, targets, participle, "passive-list")


def _participle_list(verb: Token) -> list[Token]:
    """`verb` and the bare participles listed after it: its conjuncts, and a participle the
    parser hung on it as a clause right after a comma ("trained, financed and armed")."""
    listed = [
        c
        for c in verb.children
        if c.dep_ == "advcl" and c.tag_ == "VBN" and c.doc[c.i - 1].text == ","
    ]
    members = {t.i: t for m in (verb, *listed) for t in (m, *m.conjuncts) if t.i >= verb.i}
    own_clause = {"nsubj", "nsubjpass", "aux", "auxpass", "dobj"}
    return [
        t
        for _, t in sorted(members.items())
        if t == verb or (t.tag_ == "VBN" and not any(c.dep_ in own_clause for c in t.children))
    ]


def _joined_subject(verb: Token) -> list[Token]:
    """The subject of the clause a subjectless passive is coordinated with ("the faction
    belongs to X and has been armed by Iran": the faction is armed)."""
    head = verb
    for _ in range(4):
        if head.dep_ != "conj" or head.head.pos_ not in VERBAL:
            return []
        head = head.head
        subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return subjects
    return []


@token_rule(
    "in-support-of",
    family="assistance",
    confidence=0.7,
    trigger=Trigger("adjunct_support_nouns", NOMINAL),
    reads='"the Houthis fired missiles at Israel in support of Gaza", "Hezbollah attacks in '
    'solidarity with Hamas"',
)
def in_support_of(r: Reader, noun: Token) -> Iterator[Candidate]:
    """An act done "in support of X" or "in solidarity with X" supports X: the doer is the
    act's, the verb's agent or the event noun's owner the phrase hangs on."""
    prep = noun.head
    if noun.dep_ != "pobj" or any(c.dep_ in {"poss", "det"} for c in noun.children):
        return
    if prep.lower_ == "of" and r.is_word(prep.head, "act_nouns"):
        yield from _act_of_support(r, noun, prep.head)
        return
    if prep.lower_ not in r.words["adjunct_support_preps"]:
        return
    act = prep.head
    targets = _supported(r, noun, act)
    if any(c.dep_ == "neg" for c in act.children):
        return  # "did not attack Israel in support of Hamas"
    if act.pos_ in VERBAL:
        doers = r.agents(act)
    elif act.pos_ in NOMINAL:
        doers = r.noun_owner(act, blamed=False) or r.resolve(act)
    else:
        return
    doers = apart(doers, targets)
    if targets and doers:
        yield Candidate(SUPPORTS, doers, targets, noun, "in-support-of")


def _supported(r: Reader, noun: Token, holder: Token | None = None) -> list[TokenMention]:
    """Who a support noun names as supported ("support for Gaza", "solidarity with Hamas";
    the parser may hang the phrase on the noun `holder` the support noun is "of"), not a
    pronoun's guess ("in support of its troops")."""
    form = cue_form(noun, r.lex.nouns)
    preps = set(r.lex.noun_preps.get(form or "", ())) - {"to", "behind"}
    objects = prep_objects(noun, tuple(preps))
    if not objects and holder is not None:
        # only the phrase right after the support noun: "in solidarity with Hamas"
        objects = [
            p
            for c in holder.children
            if c.dep_ == "prep" and c.i == noun.i + 1 and c.lower_ in preps - {"of"}
            for p in c.children
            if p.dep_ == "pobj"
        ]
    return [m for p in objects for m in r.resolve(p) if m.kind != "coref"]


def _act_of_support(r: Reader, noun: Token, act: Token) -> Iterator[Candidate]:
    """An act labelled "an act of support for X": the act's owner, or the one who so labels
    an act of no one else's ("the Houthis described the launches as an act of support for
    Gaza"), supports X."""
    labelled: list[Token] = []
    if act.dep_ == "pobj" and act.head.lower_ == "as" and act.head.head.pos_ in VERBAL:
        verb = act.head.head  # "described the launches as an act of support for X"
        labelled = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    elif act.dep_ in {"oprd", "attr"} and act.head.pos_ in VERBAL:
        verb = act.head  # "called the strike an act of support", "the strike was an act of"
        labelled = [c for c in verb.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"}]
    else:
        return
    if act.dep_ == "attr":
        if not any(t.lemma_.lower() in r.event_nouns for t in labelled):
            return  # "the strike was an act of support": only an act is one
        doers = [m for t in labelled for m in r.noun_owner(t, blamed=False)]
    elif any(c.dep_ == "neg" for c in verb.children):
        return
    else:
        doers = [m for t in labelled for m in r.noun_owner(t, blamed=False)] or r.agents(verb)
    targets = _supported(r, noun, act)
    doers = apart(doers, targets)
    if targets and doers:
        yield Candidate(SUPPORTS, doers, targets, noun, "in-support-of")


@token_rule(
    "receiving",
    family="assistance",
    confidence=0.75,
    trigger=Trigger("receiving_verbs", VERBAL),
    reads='"the Houthis received weapons from Iran", "Hezbollah gets money and training from '
    'the IRGC"',
)
def receiving(r: Reader, verb: Token) -> Iterator[Candidate]:
    """Receiving aid from X: X supports the receiver; what is received must be aid ("received
    a letter from" is not)."""
    if is_passive(verb):
        return
    # ("receives backing from Iran": a relation noun with its giver is the noun rule's)
    aid = [o for o in _aid_objects(r, verb) if cue_form(o, r.lex.nouns) is None]
    if not aid:
        return
    givers = [
        m for head in (verb, *aid) for p in prep_objects(head, ("from",)) for m in r.resolve(p)
    ]
    receivers = r.agents(verb)
    receivers = apart(receivers, givers)
    if givers and receivers:
        yield Candidate(SUPPORTS, givers, receivers, verb, "receiving")


@token_rule(
    "with-backing",
    family="assistance",
    confidence=0.7,
    trigger=Trigger("event_nouns", NOMINAL),
    reads='"the Houthis seized the ship with the backing of Iran", "Assad retook Aleppo with '
    'Russia\'s help", "the SDF advanced with air support from the coalition"',
)
def with_backing(r: Reader, noun: Token) -> Iterator[Candidate]:
    """An act done "with the backing of X" (X's help, support from X): X supports the doer."""
    form = cue_form(noun, r.lex.nouns)
    prep = noun.head
    if (
        form is None
        or r.lex.nouns[form] != SUPPORTS
        or noun.dep_ != "pobj"
        or prep.lower_ not in r.words["backing_preps"]
        or any(c.dep_ == "prep" and c.lower_ in {"for", "to"} for c in noun.children)
    ):
        return  # ("with support for Hamas" names whom the support is for)
    backers = r.noun_owner(noun, blamed=False) + [
        m for p in prep_objects(noun, ("of",)) for m in r.resolve(p)
    ]
    act = prep.head
    if any(c.dep_ == "neg" for c in act.children):
        return  # "did not advance with Russian air support"
    if act.pos_ in VERBAL:
        doers = r.agents(act)
    elif act.pos_ in NOMINAL:
        doers = r.noun_owner(act, blamed=False) or r.resolve(act)
    else:
        return
    doers = apart(doers, backers)
    if backers and doers:
        yield Candidate(SUPPORTS, unique(backers), doers, noun, "with-backing")


@token_rule(
    "idiom-owner",
    family="assistance",
    confidence=0.75,
    trigger=Trigger("verbs", VERBAL),
    reads='"Russia came to Assad\'s aid", "Iran rushed to the Houthis\' aid"',
)
def idiom_owner(r: Reader, verb: Token) -> Iterator[Candidate]:
    """An idiom whose object of the target takes the target as its possessor instead: "came
    to the aid of X" said as "came to X's aid"."""
    for cue, own_object in matched_cues(r, verb):
        if own_object is None or cue.relation != SUPPORTS or "of" not in cue.preps:
            continue
        if prep_objects(own_object, cue.preps) or prep_objects(verb, cue.preps):
            continue  # "came to the aid of X": the verb rule
        targets = [m for c in own_object.children if c.dep_ == "poss" for m in r.resolve(c)]
        sources = r.agents(verb)
        targets = apart(targets, sources)
        if targets and sources:
            yield Candidate(SUPPORTS, sources, targets, verb, "idiom-owner")


@token_rule(
    "thanked-for",
    family="assistance",
    confidence=0.75,
    trigger=Trigger("thanking_verbs", VERBAL),
    reads='"Hamas thanked Iran for its support", "Assad thanked Russia for the weapons"',
)
def thanked_for(r: Reader, verb: Token) -> Iterator[Candidate]:
    """Thanking X for aid says X gave it: X supports the one who thanks."""
    aid = [p for p in prep_objects(verb, ("for",)) if r.is_word(p, "aid_objects")]
    if not aid:
        return
    benefactors = [m for c in verb.children if c.dep_ == "dobj" for m in r.resolve(c)]
    thankers = r.agents(verb)
    thankers = apart(thankers, benefactors)
    if benefactors and thankers:
        yield Candidate(SUPPORTS, benefactors, thankers, verb, "thanked-for")


@token_rule(
    "depends-on-aid",
    family="assistance",
    confidence=0.7,
    trigger=Trigger("dependence_verbs", VERBAL),
    reads='"Hezbollah relies heavily on Iranian funding", "the Houthis depend on Iran\'s weapons"',
)
def depends_on_aid(r: Reader, verb: Token) -> Iterator[Candidate]:
    """Depending on X's aid (the dependence rule reads "depends on X"): X supports the one
    who depends on it."""
    aid = [p for p in prep_objects(verb, ("on", "upon")) if r.is_word(p, "aid_objects")]
    patrons = [m for a in aid for m in r.noun_owner(a, blamed=False)]
    patrons += [m for a in aid for p in prep_objects(a, ("from",)) for m in r.resolve(p)]
    clients = r.agents(verb)
    clients = apart(clients, patrons)
    if patrons and clients:
        yield Candidate(SUPPORTS, unique(patrons), clients, verb, "depends-on-aid")


@token_rule(
    "mutual-allies",
    family="assistance",
    confidence=0.7,
    trigger=Trigger("roles", NOMINAL),
    reads='"Iran and Syria are close allies", "the two countries are partners"',
)
def mutual_allies(r: Reader, noun: Token) -> Iterator[Candidate]:
    """Joined subjects said to be allies of no one named support each other."""
    form = cue_form(noun, r.lex.roles)
    be = noun.head
    if (
        form is None
        or r.lex.roles[form] != (SUPPORTS, False)
        or noun.tag_ not in {"NNS", "NNPS"}
        or noun.dep_ != "attr"
        or be.lemma_ != "be"
        or any(
            c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in {"of", "to", "for"})
            for c in noun.children
        )
    ):
        return  # ("Iran and Syria are allies of Russia": the role rule)
    if any(
        c.lower_ in r.words["past_role_words"] or c.lower_ in r.words["past_time_words"]
        for c in (*noun.children, *be.children)
    ):
        return  # "Iran and Syria were once allies", "are former allies"
    sides = unique([m for c in be.children if c.dep_ == "nsubj" for m in r.resolve(c)])
    if len({m.actor.id for m in sides}) < 2:
        return
    for side in sides:
        others = [m for m in sides if m.actor.id != side.actor.id]
        yield Candidate(SUPPORTS, [side], others, noun, "mutual-allies")
