"""Stances beyond the cue words of opposition, threats and negotiation: designation lists
("added Kataib Hezbollah to its list of terrorist organisations"), demands that an actor stop
("called on Iran to halt its support"), rejected claims ("dismissed American allegations"),
accusing claims ("allegations that Iran armed the militias"), hostility aimed at an actor
("Israel's anger is aimed at the militias"), slogans ("chanted slogans hostile to Iran"),
consequences promised ("warned that Israel would pay a heavy price") and mediation ("a truce
mediated by Qatar")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphx.extraction.mentions import TokenMention
from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.cues import matched_cues, verb_particles
from graphx.extraction.rules.event_nouns import read_event
from graphx.extraction.rules.pledges import pledged_event
from graphx.extraction.rules.registry import NOMINAL, VERBAL, Candidate, Trigger, token_rule
from graphx.extraction.rules.syntax import (
    OBJECTS,
    SUBJECTS,
    cue_form,
    infinitival,
    prep_objects,
    unique,
)

# how many sentences back the sanctions a later sentence refers to may be: "The penalties
# also cover X" (the sanctions themselves), "Those named were X" (the group just sanctioned)
_PENALTIES_LOOKBACK = 2
_NAMED_LOOKBACK = 1

# the complement clauses a demand governs: "demanded that X stop", "urged X to stop"
_COMPLEMENTS = frozenset({"ccomp", "xcomp"})


def _objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in OBJECTS]


def _patients(r: Reader, verb: Token) -> list[Token]:
    """What a verb acts on: its object, or the subject of its passive ("Hezbollah was placed
    on the list"; the parser may label that subject nsubj)."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return [c for c in verb.children if c.dep_ in {"nsubjpass", "nsubj"}]
    return _objects(verb)


@token_rule(
    "listing",
    family="verbs",
    confidence=0.8,
    trigger=Trigger("listing_verbs", VERBAL),
    reads='"The State Department added Kataib Hezbollah to its list of Foreign Terrorist '
    'Organizations", "Britain placed Hezbollah on its sanctions list"',
)
def listing(r: Reader, verb: Token) -> Iterator[Candidate]:
    """Putting an actor on a list of terrorists or of sanctioned parties opposes it."""
    lists = [
        p
        for p in prep_objects(verb, ("to", "on", "onto"))
        if r.is_word(p, "list_nouns") and _hostile_list(r, p)
    ]
    patients = _patients(r, verb)
    if not lists:
        # "added four groups aligned with Iran to its list": the parser may hang the list on
        # the participle that describes the object
        lists = [
            p
            for o in patients
            for acl in o.children
            if acl.dep_ == "acl"
            for p in prep_objects(acl, ("to", "on", "onto"))
            if r.is_word(p, "list_nouns") and _hostile_list(r, p)
        ]
    if not lists:
        return
    targets = [m for t in patients for m in r.resolve(t)]
    # "was placed on Washington's terrorism blacklist": without an agent, the list's owner
    sources = r.agents(verb) or [m for p in lists for m in r.noun_owner(p, blamed=False)]
    if targets and sources:
        yield Candidate("opposes", sources, targets, verb, "listing")


def _hostile_list(r: Reader, noun: Token) -> bool:
    """ "its list of Foreign Terrorist Organizations", "the sanctions list", "a blacklist"."""
    return any(r.is_word(t, "hostile_list_words") for t in noun.subtree if t.i >= noun.i - 4)


@token_rule(
    "demand-stop",
    family="demands",
    confidence=0.7,
    trigger=Trigger("demand_verbs", VERBAL),
    reads='"Pompeo demanded that Tehran stop arming the Houthis", "Qatar called on Israel to '
    'halt its offensive", "urged both capitals to scale back their involvement", "demanded '
    'that Israel be held accountable", "demanded an apology from Turkey"',
)
def demand_stop(r: Reader, verb: Token) -> Iterator[Candidate]:
    """Demanding that an actor stop doing something opposes that actor."""
    demanders = _asking(r, verb) or r.agents(verb)
    if not demanders:
        return
    # "demanded an apology from Turkey", "sought compensation from Israel"
    redress = [o for o in _objects(verb) if r.is_word(o, "redress_nouns")]
    owing = [m for h in (verb, *redress) for p in prep_objects(h, ("from",)) for m in r.resolve(p)]
    # "demanded action against Hezbollah", "called for measures over attacks by the militias"
    actions = [o for o in _objects(verb) if r.is_word(o, "demanded_actions")]
    owing += [
        m
        for h in ([verb, *actions] if actions else [])
        for p in prep_objects(h, ("against", "over"))
        for m in (r.resolve(p) or _hostile_agents(r, p))
    ]
    own = {a for d in demanders for a in r.kb.ancestors(d.actor.id)}
    owing = [m for m in owing if m.actor.id not in own]
    if (redress or actions) and owing:
        yield Candidate("opposes", demanders, unique(owing), verb, "demand-stop")
    for first in verb.children:
        if first.dep_ not in _COMPLEMENTS and not _called_for(first):
            continue
        for clause in (first, *first.conjuncts):
            yield from _stop_demanded(r, verb, first, clause, demanders)
            yield from _reckoning_demanded(r, clause, demanders)


def _called_for(clause: Token) -> bool:
    """ "called for Israel to be held accountable": the parser makes the clause adverbial,
    opened by "for"."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in clause.children
    )


def _reckoning_demanded(
    r: Reader, clause: Token, demanders: list[TokenMention]
) -> Iterator[Candidate]:
    """A demand that an actor be held to account or punished ("demanded that the United
    States be held accountable", "called for Israel to be held responsible", "urged that the
    militias be prosecuted"): the one demanding opposes the actor."""
    if not any(c.dep_ == "auxpass" for c in clause.children):
        return
    held = clause.lemma_.lower() == "hold" and any(
        c.dep_ in {"acomp", "oprd", "xcomp"} and r.is_word(c, "accountability_words")
        for c in clause.children
    )
    if not held and not r.is_word(clause, "punishing_verbs"):
        return
    accused = [m for c in clause.children if c.dep_ in {"nsubjpass", "nsubj"} for m in r.resolve(c)]
    own = {a for d in demanders for a in r.kb.ancestors(d.actor.id)}
    accused = [m for m in accused if m.actor.id not in own]
    if accused:
        yield Candidate("opposes", demanders, accused, clause, "demand-stop")


def _hostile_agents(r: Reader, noun: Token) -> list[TokenMention]:
    """Who does the hostile act `noun` names ("attacks against Israel carried out by the
    militias")."""
    event = read_event(r, noun)
    if event is None or event.relation not in {"strikes", "threatens", "opposes"}:
        return []
    return event.sources


def _asking(r: Reader, verb: Token) -> list[TokenMention]:
    """ "Iraq wanted the council to compel Israel to halt": a demand that another make it is
    the asker's demand (the one asked to compel has not yet done so)."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.pos_ in VERBAL:
        clause = clause.head
    asker = clause.head
    if asker.pos_ not in VERBAL or not r.is_word(asker, "demand_verbs"):
        return []
    # "asked the council to compel" (the one asked its object), "wanted the council to
    # compel" (the parser may make the one asked the subject of an infinitive clause)
    asked = (clause.dep_ == "xcomp" and any(c.dep_ in OBJECTS for c in asker.children)) or (
        clause.dep_ == "ccomp"
        and infinitival(clause)
        and any(c.dep_ in SUBJECTS for c in clause.children)
    )
    return r.agents(asker) if asked else []


def _stop_demanded(
    r: Reader, verb: Token, first: Token, clause: Token, demanders: list[TokenMention]
) -> Iterator[Candidate]:
    """The demand that the actor `clause` names stop ("demanded that Tehran respect its
    neighbours and stop arming militias": a conjoined clause shares the first one's subject)."""
    if not _cessation(r, clause):
        return
    if first.dep_ == "ccomp":
        # "demanded that Tehran stop": the subject of the clause is asked
        subjects = [c for c in clause.children if c.dep_ in SUBJECTS] or [
            c for c in first.children if c.dep_ in SUBJECTS
        ]
        stoppers = [m for c in subjects for m in r.resolve(c)]
    else:
        # "urged Iran to stop", "called on Iran to halt", "compelled Israel to cease"
        stoppers = [m for c in _objects(verb) for m in r.resolve(c)]
        stoppers += [m for p in prep_objects(verb, ("on", "upon")) for m in r.resolve(p)]
    own = {a for d in demanders for a in r.kb.ancestors(d.actor.id)}
    stoppers = [m for m in stoppers if m.actor.id not in own]  # "told its fighters to stop"
    if stoppers:
        yield Candidate("opposes", demanders, stoppers, clause, "demand-stop")


def _cessation(r: Reader, verb: Token) -> bool:
    """A verb of stopping, with its particle: "stop", "halt", "scale back", "rein in" (a
    complement clause's head is a verb even when tagged a noun: "that X scale back")."""
    lemma = verb.lemma_.lower()
    particles = verb_particles(r, verb)
    for entry in r.words["cessation_verbs"]:
        head, _, particle = entry.partition(" ")
        if head == lemma and (not particle or particle in particles):
            return True
    return False


@token_rule(
    "claim-rejection",
    family="verbs",
    confidence=0.7,
    trigger=Trigger("claim_rejection_verbs", VERBAL),
    reads='"Iran dismissed American allegations", "Hezbollah brushed aside Israel\'s threats"',
)
def claim_rejection(r: Reader, verb: Token) -> Iterator[Candidate]:
    """Rejecting an actor's claim (allegations, threats, remarks) opposes its owner; in the
    passive ("threats from America would be ignored, he added") the one who says so rejects
    them."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        sources = r.by_agents(verb) or _speakers(r, verb)
        claims = [
            c for c in verb.children if c.dep_ == "nsubjpass" and r.is_word(c, "disputed_claims")
        ]
        # (the parser may hang the claim's "from" phrase on the verb)
        owners = [m for c in claims for m in _claim_owner(r, c)]
        if claims:
            owners += [m for p in prep_objects(verb, ("from",)) for m in r.resolve(p)]
    else:
        sources = r.agents(verb)
        claims = [c for c in _objects(verb) if r.is_word(c, "disputed_claims")]
        owners = [m for c in claims for m in _claim_owner(r, c)]
    own = {a for s in sources for a in r.kb.ancestors(s.actor.id)}
    owners = [m for m in owners if m.actor.id not in own]
    if sources and owners:
        yield Candidate("opposes", sources, unique(owners), verb, "claim-rejection")


def _claim_owner(r: Reader, claim: Token) -> list[TokenMention]:
    """ "Washington's allegations", "American claims", "threats from Israel", "the
    accusations of the militias" (also through a conjoined claim)."""
    owners = r.noun_owner(claim, blamed=False)
    owners += [m for p in prep_objects(claim, ("of",)) for m in r.resolve(p)]
    return unique(owners)


@token_rule(
    "accusing-claim",
    family="attribution",
    confidence=0.6,
    trigger=Trigger("accusing_nouns", NOMINAL),
    reads='"American allegations that Iran armed the militias" (the United States opposes '
    'Iran), "Israel\'s accusation that Hezbollah hid rockets"',
)
def accusing_claim(r: Reader, noun: Token) -> Iterator[Candidate]:
    """An accusation whose content names who did it: its owner opposes the one accused."""
    owners = r.noun_owner(noun, blamed=False)
    if not owners:
        return
    for clause in noun.children:
        if clause.dep_ not in {"acl", "ccomp", "relcl"} or clause.pos_ not in VERBAL:
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            continue  # "the allegations that surfaced": a relative clause, no content
        accused = [m for c in clause.children if c.dep_ in SUBJECTS for m in _accused(r, noun, c)]
        own = {a for o in owners for a in r.kb.ancestors(o.actor.id)}
        accused = [m for m in accused if m.actor.id not in own]
        if accused:
            yield Candidate("opposes", owners, accused, _answered(r, noun), "accusing-claim")


def _answered(r: Reader, claim: Token) -> Token:
    """The cue whose context says whether a claim was made: "Hezbollah rejected Israeli
    accusations that it hid rockets" denies what is claimed, not that Israel claims it (the
    rejecting verb, unless itself negated, stands for the claim)."""
    head = claim.head
    if claim.dep_ in OBJECTS and (
        r.is_word(head, "refusal_verbs") or r.is_word(head, "claim_rejection_verbs")
    ):
        return head
    return claim


def _accused(r: Reader, claim: Token, subject: Token) -> list[TokenMention]:
    """The subject of an accusing claim's content; "Iran dismissed American allegations that
    it armed the militias": a pronoun there is the one who answers the claim (the subject of
    the verb whose object the claim is)."""
    found = r.resolve(subject)
    if found or subject.pos_ != "PRON" or subject.lower_ not in r.words["answering_pronouns"]:
        return found
    if claim.dep_ in OBJECTS and claim.head.pos_ in VERBAL:
        return [
            m for m in r.agents(claim.head) if m.actor.type != "person" or subject.lower_ != "it"
        ]
    return []


@token_rule(
    "aimed-at",
    family="event_nouns",
    confidence=0.7,
    trigger=Trigger("aiming_verbs", VERBAL),
    reads='"Israel\'s anger is aimed at Hezbollah", "US sanctions directed against Iran"',
)
def aimed_at(r: Reader, verb: Token) -> Iterator[Candidate]:
    """A stance or act aimed at an actor: its owner holds it against the actor."""
    if verb.dep_ == "acl":
        events = [verb.head]  # "US sanctions aimed at Iran"
    elif any(c.dep_ == "auxpass" for c in verb.children):
        events = [c for c in verb.children if c.dep_ in {"nsubjpass", "nsubj"}]
    else:
        return  # "Iran aimed its missiles at Israel": the verb's subject acts (verb rules)
    targets_of = [p for p in prep_objects(verb, r.words["aiming_preps"])]
    for event in events:
        relation = r.lex.nouns.get(cue_form(event, r.lex.nouns) or "")
        if relation not in {"opposes", "threatens", "strikes"}:
            continue
        owners = r.noun_owner(event)
        targets = [m for t in targets_of for m in r.resolve_target(t, relation)]
        if owners and targets:
            yield Candidate(relation, owners, targets, verb, "aimed-at")


@token_rule(
    "slogans",
    family="event_nouns",
    confidence=0.65,
    trigger=Trigger("slogan_nouns", NOMINAL),
    reads='"The Sadrists chanted slogans hostile to Iran", "protesters waved banners against '
    'the United States"',
)
def slogans(r: Reader, noun: Token) -> Iterator[Candidate]:
    """Slogans against an actor, or hostile to it, say the stance of who chants them."""
    if noun.dep_ != "dobj" or noun.head.pos_ not in VERBAL:
        return
    targets = [m for p in prep_objects(noun, r.words["slogan_preps"]) for m in r.resolve(p)]
    for child in noun.children:
        form = cue_form(child, r.lex.adjectives)
        if child.dep_ != "amod" or form is None:
            continue
        relation, preps = r.lex.adjectives[form]
        if relation == "opposes":  # "slogans hostile to Iran", "chants critical of Israel"
            targets += [m for p in prep_objects(child, preps) for m in r.resolve(p)]
    chanters = r.agents(noun.head)
    if targets and chanters:
        yield Candidate("opposes", chanters, unique(targets), noun, "slogans")


@token_rule(
    "consequence",
    family="verbs",
    confidence=0.7,
    trigger=Trigger("consequence_verbs", VERBAL),
    reads='"Iran warned that Israel would pay a heavy price", "he said Tehran would be held '
    'fully responsible", "vowed that the group would face consequences"',
)
def consequence(r: Reader, verb: Token) -> Iterator[Candidate]:
    """A consequence promised to an actor, in a clause of what will be: the one who says so
    threatens it."""
    if verb.lemma_.lower() == "hold":
        # "would be held responsible": the passive of holding someone accountable
        promised = any(
            c.dep_ in {"acomp", "oprd", "xcomp", "ccomp"} and r.is_word(c, "accountability_words")
            for c in verb.children
        )
        sufferers = [c for c in verb.children if c.dep_ in {"nsubjpass", "nsubj"}]
        promised = promised and any(c.dep_ == "auxpass" for c in verb.children)
    else:
        promised = any(r.is_word(c, "consequence_objects") for c in _objects(verb))
        sufferers = [c for c in verb.children if c.dep_ == "nsubj"]
    if not promised or not any(
        c.dep_ == "aux" and c.lower_ in r.words["threat_modals"] for c in verb.children
    ):
        return
    speakers = _speakers(r, verb)
    targets = [m for t in sufferers for m in r.resolve(t)]
    if speakers and targets:
        yield Candidate("threatens", speakers, targets, verb, "consequence")


def _speakers(r: Reader, verb: Token) -> list[TokenMention]:
    """Who says the clause `verb` heads: the subject of the saying or pledging verb above it
    ("warned that ...", "Tehran, he wrote, would ...")."""
    head = verb.head
    if verb.dep_ in {"ccomp", "conj"} and head.pos_ in VERBAL:
        if verb.dep_ == "conj":
            return _speakers(r, head)
        lemma = head.lemma_.lower()
        if lemma in r.words["attribution_verbs"] or lemma in r.words["pledge_words"]:
            return r.agents(head)
    # "Tehran, he wrote, would be held responsible": the saying verb hangs below
    for child in verb.children:
        if child.dep_ == "parataxis" and child.lemma_.lower() in r.words["attribution_verbs"]:
            return r.agents(child)
    return []


@token_rule(
    "mediation",
    family="event_nouns",
    confidence=0.7,
    trigger=Trigger("mediation_verbs", VERBAL),
    reads='"Under a deal mediated by Qatar, Hamas agreed to free hostages", "Egypt brokered a '
    'truce between Israel and Hamas"',
)
def mediation(r: Reader, verb: Token) -> Iterator[Candidate]:
    """A mediator negotiates with the sides of the agreement it mediates."""
    if verb.dep_ == "acl" and verb.head.pos_ in NOMINAL:
        deal = verb.head  # "a deal mediated by Qatar"
        mediators = r.by_agents(verb)
    else:
        deals = [c for c in _objects(verb) if _negotiation(r, c)]
        if not deals:
            return
        deal = deals[0]  # "Egypt brokered a truce between Israel and Hamas"
        mediators = r.agents(verb)
    if not mediators or not _negotiation(r, deal):
        return
    sides = [m for p in prep_objects(deal, ("between", "with")) for m in r.resolve(p)]
    if not sides and deal.dep_ == "pobj" and deal.head.lower_ == "under":
        # "Under a deal mediated by Qatar, Hamas agreed ...": the clause's subject is a side
        clause = deal.head.head
        if clause.pos_ in VERBAL:
            sides = r.agents(clause)
    if sides:
        yield Candidate("negotiates", mediators, sides, verb, "mediation")


def _negotiation(r: Reader, noun: Token) -> bool:
    form = cue_form(noun, r.lex.nouns)
    mutual = cue_form(noun, r.lex.mutual_nouns)
    return (form is not None and r.lex.nouns[form] == "negotiates") or (
        mutual is not None and r.lex.mutual_nouns[mutual] == "negotiates"
    )


@token_rule(
    "pledged-punishment",
    family="verbs",
    confidence=0.7,
    trigger=Trigger("pledge_words", VERBAL),
    reads='"Trump pledged to slap new sanctions on Tehran", "threatened penalties on the militias"',
)
def pledged_punishment(r: Reader, head: Token) -> Iterator[Candidate]:
    """A punishment promised to an actor is a threat to it: the sanctions are not yet imposed."""
    pledgers = r.agents(head)
    if not pledgers:
        return
    for token in head.subtree:
        if (
            token.pos_ not in NOMINAL
            or not r.is_word(token, "punishing_nouns")
            or pledged_event(r, token) != head
        ):
            continue
        if any(c.dep_ == "neg" for c in token.head.children):
            continue  # "vowed not to impose sanctions"
        event = read_event(r, token)
        if event is not None and event.relation == "opposes":
            yield Candidate("threatens", pledgers, event.targets, head, "pledged-punishment")


@token_rule(
    "co-target",
    family="verbs",
    confidence=0.65,
    trigger=Trigger("verbs", VERBAL),
    reads='"The Treasury designated Kataib Hezbollah in 2021, along with its leader Abu Fadak", '
    '"Washington sanctioned the militia\'s leader, Qais al-Khazali"',
)
def co_target(r: Reader, verb: Token) -> Iterator[Candidate]:
    """Who else an act of opposition falls on: the one "along with" its object (of another
    kind than the one acting: "Britain, along with France" acts), or the name in apposition to
    an object that stands for its owner ("the militia's leader, X": X is sanctioned too)."""
    cues = [cue for cue, _ in matched_cues(r, verb) if cue.relation == "opposes"]
    if not cues:
        return
    sources = r.agents(verb)
    if not sources or any(c.dep_ == "auxpass" for c in verb.children):
        return
    among = _listed_among(r, verb, sources)
    if among:
        yield Candidate("opposes", sources, among, verb, "co-target")
    objects = _objects(verb)
    if not objects or not any(not cue.preps for cue in cues):
        return
    acting = {m.actor.type for m in sources}
    also = [
        m
        for along in verb.children
        if along.dep_ in {"prep", "advmod"}
        and along.lower_ in {"along", "together"}
        and along.i > objects[0].i
        for p in prep_objects(along, ("with",))
        for m in r.resolve(p)
        if m.actor.type not in acting
    ]
    also += [
        m
        for o in objects
        if r.dm.at(o) is None  # "the militia's leader": a noun that stands for its owner
        for c in o.children
        if c.dep_ == "appos" and r.dm.at(c) is not None
        for m in r.resolve(c)
    ]
    if also:
        yield Candidate("opposes", sources, unique(also), verb, "co-target")


def _cut_name(r: Reader, mention: TokenMention) -> bool:
    """A name the knowledge base does not know, cut from a longer one ("Husayn Falih" and
    "Aziz al-Lami" of "Husayn Falih 'Aziz al-Lami"): a capitalised name word touches it. The
    lists of sanctioned people name them in full, which the name finder often splits."""
    if mention.kind != "provisional":
        return False
    doc = r.dm.doc
    before, after = mention.start - 1, mention.end
    if before >= 0 and doc[before].text in {"'", "\u2019"}:
        before -= 1
    if after < len(doc) and doc[after].text in {"'", "\u2019"}:
        after += 1
    return any(
        0 <= i < len(doc)
        and doc[i].pos_ == "PROPN"
        and doc[i].is_title
        and (r.dm.at(doc[i]) is None or r.dm.at(doc[i]).kind == "provisional")
        for i in (before, after)
    )


def _sanction_act(r: Reader, token: Token) -> bool:
    """ "sanctioned four men", "designated KSS", "imposed sanctions on four Iraqis", "added four
    groups to its list of terrorist organisations": an act that punishes or lists."""
    if token.pos_ not in VERBAL:
        return False
    if r.is_word(token, "sanctioning_verbs"):
        return True
    if r.is_word(token, "light_verbs"):
        return any(r.is_word(c, "punishing_nouns") for c in _objects(token))
    if r.is_word(token, "listing_verbs"):
        return any(r.is_word(t, "list_nouns") and _hostile_list(r, t) for t in token.subtree)
    return False


def _earlier_sanctioners(r: Reader, token: Token, lookback: int) -> list[TokenMention]:
    """Who imposed the sanctions that `token` refers back to: the agents of the nearest
    sanctioning act before it, in its sentence or the few sentences before ("The Treasury
    sanctioned four men on Monday. Those named were ..."). Only the nearest act is read: an
    older one may be another actor's."""
    doc = token.doc
    sentence = token.sent
    for _ in range(lookback + 1):
        for t in reversed([t for t in sentence if t.i < token.i]):
            if _sanction_act(r, t):
                return r.agents(t)
        if sentence.start == 0:
            return []
        sentence = doc[sentence.start - 1].sent
    return []


@token_rule(
    "named-targets",
    family="verbs",
    confidence=0.6,
    trigger=Trigger("designation_participles", VERBAL),
    reads='"Washington named the three men penalised as X and Y", "The Treasury sanctioned '
    'four men on Monday. Those named were X, Y and Z."',
)
def named_targets(r: Reader, participle: Token) -> Iterator[Candidate]:
    """The actors a sanction falls on, named after it: "the men penalised" named "as" X, or
    "those designated" who "were" (or "include") X. The one who names them, or else the one
    who imposed the sanctions just before, opposes them."""
    if participle.dep_ != "acl":
        return
    named = participle.head  # "the three men", "those"
    head = named.head
    if named.dep_ in OBJECTS and r.is_word(head, "target_naming_verbs") and head.pos_ in VERBAL:
        # "named the three men penalised as X, Y and Z"
        if participle.lemma_.lower() == head.lemma_.lower():
            return
        targets = [
            m
            for p in prep_objects(participle, ("as",)) + prep_objects(head, ("as",))
            for m in r.resolve(p)
        ]
        sources = r.agents(head)
        cue = head
    elif named.dep_ in SUBJECTS and r.is_word(head, "target_listing_verbs"):
        # "Those named were X, Y and Z", "The individuals designated include X"
        if r.dm.at(named) is not None:
            return  # "Hezbollah, designated in 1997, is ...": a named actor, no list after it
        targets = [
            m for c in head.children if c.dep_ in {"attr", "dobj", "oprd"} for m in r.resolve(c)
        ]
        sources = r.by_agents(participle) or _earlier_sanctioners(r, named, _NAMED_LOOKBACK)
        cue = head
    else:
        return
    targets = [m for m in targets if not _cut_name(r, m)]
    if targets and sources:
        yield Candidate("opposes", sources, unique(targets), cue, "named-targets")


@token_rule(
    "sanction-reach",
    family="event_nouns",
    confidence=0.6,
    trigger=Trigger("punishing_nouns", NOMINAL),
    reads='"The penalties also cover the company\'s chief executive, X", "The sanctions '
    'target X and Y" (after the sanctions are imposed)',
)
def sanction_reach(r: Reader, noun: Token) -> Iterator[Candidate]:
    """Sanctions that reach an actor: their owner, or the one who imposed them just before,
    opposes the actor they cover."""
    verb = noun.head
    if noun.dep_ not in SUBJECTS or not r.is_word(verb, "sanction_reach_verbs"):
        return
    if verb.pos_ not in VERBAL:
        return
    targets = [m for c in _objects(verb) for m in r.resolve(c)]
    if not targets:
        return
    sources = r.noun_owner(noun, blamed=False)
    if not sources and r.definite(noun):
        # "The penalties": the ones just imposed
        sources = _earlier_sanctioners(r, noun, _PENALTIES_LOOKBACK)
    own = {a for s in sources for a in r.kb.ancestors(s.actor.id)}
    targets = [m for m in targets if m.actor.id not in own and not _cut_name(r, m)]
    if sources and targets:
        yield Candidate("opposes", sources, targets, verb, "sanction-reach")


def _listed_among(r: Reader, verb: Token, sources: list[TokenMention]) -> list[TokenMention]:
    """ "sanctioned four officials, among them X and Y": the names listed after "among them"
    when the act falls on a counted group (the parser hangs the list anywhere in the clause)."""
    objects = _objects(verb) + [p for o in _objects(verb) for p in prep_objects(o, ("on",))]
    objects += prep_objects(verb, ("on", "against"))
    if not any(
        c.dep_ == "nummod" or r.is_word(c, "counting_words") for o in objects for c in o.children
    ):
        return []
    sentence = verb.sent
    for among in verb.subtree:
        if among.lower_ != "among" or among.i + 1 >= sentence.end:
            continue
        them = verb.doc[among.i + 1]
        if them.lower_ not in r.words["among_pronouns"]:
            continue
        stop = next(
            (
                t.i
                for t in verb.doc[them.i + 1 : sentence.end]
                if t.pos_ in VERBAL or t.lower_ in {";", ":", "—", "(", "."}
            ),
            sentence.end,
        )
        own = {a for s in sources for a in r.kb.ancestors(s.actor.id)}
        return [
            m
            for m in r.dm.in_sentence(r.dm.sentence_of[sentence.start])
            if them.i < m.start < stop and m.actor.id not in own
        ]
    return []


@token_rule(
    "denial",
    family="verbs",
    confidence=0.65,
    trigger=Trigger("denial_verbs", VERBAL),
    reads='"Washington would deny Tehran economic relief", "Israel denied Hamas access to fuel", '
    '"the United States withheld aid from the Lebanese army"',
)
def denial(r: Reader, verb: Token) -> Iterator[Candidate]:
    """Keeping relief, aid or access from an actor is pressure on it: the one who withholds
    them opposes the one kept from them (not "denied the allegations": a claim is no good)."""
    objects = _objects(verb)
    goods = [o for o in objects if r.is_word(o, "withheld_goods")]
    # "deny Hezbollah any financial relief": the parser may make the good the recipient's
    # apposition
    goods += [
        c
        for o in objects
        for c in o.children
        if c.dep_ == "appos" and r.is_word(c, "withheld_goods")
    ]
    if not goods:
        return
    recipients = [
        m for o in objects if o not in goods and r.dm.at(o) is not None for m in r.resolve(o)
    ]
    recipients += [
        m
        for g in goods
        for c in g.children
        if c.dep_ in {"compound", "nmod", "poss"}
        for m in [r.dm.at(c)]
        if m is not None
    ]
    recipients += [
        m for h in (verb, *goods) for p in prep_objects(h, ("from",)) for m in r.resolve(p)
    ]
    sources = r.agents(verb)
    own = {a for s in sources for a in r.kb.ancestors(s.actor.id)}
    recipients = [m for m in recipients if m.actor.id not in own]
    if sources and recipients:
        yield Candidate("opposes", sources, unique(recipients), verb, "denial")


@token_rule(
    "enemy-label",
    family="event_nouns",
    confidence=0.6,
    trigger=Trigger("enemy_labels", NOMINAL),
    reads='"Nasrallah said his fighters would strike the bases of the American enemy", '
    '"Hezbollah vowed to confront the Israeli enemy"',
)
def enemy_label(r: Reader, noun: Token) -> Iterator[Candidate]:
    """An actor named as "the [actor] enemy" (or occupier, aggressor): the one who speaks of it
    so, or whose act it is the object of, opposes it. Not "an American enemy" or "Iran's
    enemy" (someone else, the enemy of that actor: the roles rule), nor "Iran, the enemy"."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return
    if noun.dep_ in {"appos", "attr"} or any(c.dep_ in {"poss", "appos"} for c in noun.children):
        return
    named = [
        m
        for c in noun.children
        if c.dep_ in {"amod", "compound", "nmod"} and c.i < noun.i
        for m in [r.dm.at(c)]
        if m is not None
    ]
    if not named:
        return
    _, claimant, _ = r.context(noun, noun.sent)
    sources = [claimant] if claimant is not None else _acting_on(r, noun)
    own = {a for s in sources for a in r.kb.ancestors(s.actor.id)}
    named = [m for m in named if m.actor.id not in own]
    if sources and named:
        yield Candidate("opposes", sources, named, noun, "enemy-label")


def _acting_on(r: Reader, noun: Token) -> list[TokenMention]:
    """The agents of the verb whose object (or whose preposition's object) `noun` is,
    through the nouns it hangs on ("strike the bases of the enemy")."""
    current = noun
    for _ in range(6):
        head = current.head
        if head == current:
            return []
        if head.pos_ in VERBAL:
            return r.agents(head) if current.dep_ in OBJECTS | {"prep"} else []
        current = head
    return []


@token_rule(
    "summons",
    family="verbs",
    confidence=0.65,
    trigger=Trigger("summoning_verbs", VERBAL),
    reads='"Iraq summoned the Turkish ambassador", "Baghdad summoned Iran\'s charge '
    'd\'affaires over the shelling", "Bahrain recalled its ambassador from Lebanon"',
)
def summons(r: Reader, verb: Token) -> Iterator[Candidate]:
    """Summoning another state's envoy (a protest) or recalling one's own from a state (a
    downgrade of relations) opposes that state."""
    sources = r.agents(verb)
    if not sources:
        return
    own = {a for s in sources for a in r.kb.ancestors(s.actor.id)}
    targets: list[TokenMention] = []
    for envoy in _objects(verb):
        if not r.is_word(envoy, "diplomat_nouns"):
            continue
        owners = [
            m
            for c in envoy.children
            if c.dep_ in {"poss", "amod", "compound", "nmod"}
            # "the American and British ambassadors": the joined modifiers too
            for m in (r.resolve(c) if c.dep_ == "poss" else [r.dm.at(j) for j in (c, *c.conjuncts)])
            if m is not None
        ]
        owners += [m for p in prep_objects(envoy, ("of",)) for m in r.resolve(p)]
        foreign = [m for m in owners if m.actor.id not in own]
        if foreign:
            targets += foreign  # "summoned the Turkish ambassador"
        elif owners:
            # "recalled its ambassador from Lebanon", "its envoy to Qatar"
            posts = prep_objects(verb, ("from",)) + prep_objects(envoy, ("to", "in", "from"))
            targets += [m for p in posts for m in r.resolve(p) if m.actor.id not in own]
    if targets:
        yield Candidate("opposes", sources, unique(targets), verb, "summons")


@token_rule(
    "asset-freeze",
    family="verbs",
    confidence=0.65,
    trigger=Trigger("freezing_verbs", VERBAL),
    reads='"Britain froze Hezbollah\'s assets", "the Treasury froze the assets of Hamas '
    'financiers", "Iraq seized funds belonging to the militia"',
)
def asset_freeze(r: Reader, verb: Token) -> Iterator[Candidate]:
    """Freezing or seizing an actor's assets is a sanction on it: the one who does so opposes
    the owner."""
    holdings = [o for o in _patients(r, verb) if r.is_word(o, "frozen_goods")]
    owners = [
        m
        for h in holdings
        for c in h.children
        if c.dep_ in {"poss", "compound", "nmod", "amod"}
        for m in (r.resolve(c) if c.dep_ == "poss" else [r.dm.at(c)])
        if m is not None
    ]
    owners += [m for h in holdings for p in prep_objects(h, ("of",)) for m in r.resolve(p)]
    # "funds belonging to the militia", "assets linked to Hamas"
    owners += [
        m
        for h in holdings
        for acl in h.children
        if acl.dep_ == "acl" and r.is_word(acl, "allegiance_words")
        for p in prep_objects(acl, ("to", "with"))
        for m in r.resolve(p)
    ]
    sources = r.agents(verb)
    own = {a for s in sources for a in r.kb.ancestors(s.actor.id)}
    owners = [m for m in owners if m.actor.id not in own]
    if sources and owners:
        yield Candidate("opposes", sources, unique(owners), verb, "asset-freeze")


@token_rule(
    "opposed-to",
    family="verbs",
    confidence=0.7,
    trigger=Trigger("stance_participles", VERBAL | {"ADJ"}),
    reads='"Hezbollah is opposed to Israel", "Sadr, who is opposed to the American presence" '
    "(the parser makes the adjective a passive verb)",
)
def opposed_to(r: Reader, verb: Token) -> Iterator[Candidate]:
    """ "X is opposed to Y": a stance held, which the parser reads as a passive without an
    agent; its subject holds the stance against the object of "to"."""
    if r.by_agents(verb):
        return  # "the plan was opposed by Hezbollah": the passive of opposing (verb rules)
    if any(c.dep_ == "auxpass" for c in verb.children):
        # (the parser may hang the subject on the auxiliary: "Hezbollah [is] opposed")
        holders = r.subjects(verb, {"nsubjpass", "nsubj"}) or [
            m for aux in verb.children if aux.dep_ == "auxpass" for m in r.subjects(aux, {"nsubj"})
        ]
    elif verb.dep_ == "acomp" and verb.head.lemma_.lower() == "be":
        holders = r.subjects(verb.head, {"nsubj"})  # "is opposed to", "who is opposed to"
    else:
        return
    targets = [m for p in prep_objects(verb, ("to",)) for m in r.resolve_target(p, "opposes")]
    if holders and targets:
        yield Candidate("opposes", holders, targets, verb, "opposed-to")


@token_rule(
    "at-odds",
    family="verbs",
    confidence=0.65,
    trigger=Trigger("division_words", VERBAL | NOMINAL | {"ADJ"}),
    reads='"Hezbollah has long been at odds with Saudi Arabia", "Sadr and Maliki are at '
    'loggerheads", "Washington and Tehran remain bitterly divided over the nuclear programme"',
)
def at_odds(r: Reader, word: Token) -> Iterator[Candidate]:
    """Being at odds (at loggerheads, divided) is a stance against the other side: the one
    named with "with", or each of the joined subjects against the others."""
    if word.dep_ == "pobj" and word.head.lower_ == "at":
        state = word.head.head  # "been at odds", "are at loggerheads"
    elif word.dep_ in {"acomp", "oprd"}:
        state = word.head  # "remain divided"
    else:
        return
    if state.pos_ not in VERBAL or _no_longer(r, state):
        return
    sides = unique(r.subjects(state, {"nsubj"}))
    others = [m for p in prep_objects(word, ("with",)) for m in r.resolve(p)]
    if others and sides:
        yield Candidate("opposes", sides, others, word, "at-odds")
    elif len({m.actor.id for m in sides}) >= 2:
        yield Candidate("opposes", sides[:1], sides[1:], word, "at-odds")


def _no_longer(r: Reader, verb: Token) -> bool:
    """ "is no longer at odds": a stance ended."""
    return any(
        c.lower_ == "longer" and any(n.lower_ in r.words["negation_words"] for n in c.children)
        for c in verb.children
    )
