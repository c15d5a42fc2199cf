"""Legislatures and governments: what parliaments, blocs, lawmakers and cabinets do with votes,
laws, nominations and cabinets.

- ballots on a cabinet, a nominee or an agreement ("the parliament approved al-Sudani's
  cabinet", "lawmakers confirmed X as prime minister", "voted against the agreement with the
  United States", "rejected the cabinet of X");
- laws, whose content is the stance of those for them ("passed a law banning X", "a bill that
  would anchor X within the state"; those voting it down oppose what it gives);
- legal status granted ("voted to give full legal status to the militias");
- votes of confidence and their withdrawal ("gave a vote of confidence to X's government",
  "withdrew confidence from X");
- protests in the chamber ("boycotted the session in protest against X", "walked out of
  parliament over X");
- nominations ("named X as its candidate for prime minister").

A legislature acts on a cabinet, a nominee, an agreement or a law by voting, so its rejection is
a vote against; anyone else's is opposition."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphx.extraction.mentions import TokenMention
from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.cues import verb_particles
from graphx.extraction.rules.registry import NOMINAL, VERBAL, Candidate, Trigger, token_rule
from graphx.extraction.rules.syntax import (
    is_passive,
    prep_objects,
    same_state,
    unique,
    with_conjuncts,
)
from graphx.extraction.rules.verbs import active_readings

# the dependencies a cue's chain of words follows from the verb ("vote in favour of")
_CHAIN_DEPS = frozenset({"prep", "prt", "advmod", "pobj", "dative", "agent"})
_CLAUSES = frozenset({"acl", "relcl"})
# stances a ballot takes
FOR, AGAINST = "for", "against"


def _chain_end(r: Reader, verb: Token, entry: str) -> Token | None:
    """The last word of cue `entry` ("vote in favour of") as `verb` has it, or None: each word
    after the first is a child of the one before ("voted down the nominee": the parser may make
    the particle a preposition)."""
    lemma, *rest = entry.split()
    if verb.lemma_.lower() != lemma and verb.lower_ != lemma:
        return None
    current = verb
    for word in rest:
        following = [
            c
            for c in current.children
            if c.dep_ in _CHAIN_DEPS and (c.lower_ == word or c.lemma_.lower() == word)
        ]
        if not following and current is verb and word in verb_particles(r, verb):
            continue  # a particle parsed as an adverb ("stayed away")
        if not following:
            return None
        current = following[0]
    return current


def _cue_objects(r: Reader, verb: Token, table: str) -> list[Token]:
    """What `verb` acts on under a cue of `table`: the object of the cue's last preposition
    ("voted for [the bill]"), else the verb's object, the subject of its passive ("the cabinet
    was approved"), or the noun its participle modifies ("the cabinet approved by
    parliament")."""
    for entry in r.words[table]:
        end = _chain_end(r, verb, entry)
        if end is None:
            continue
        if end is not verb:
            objects = [c for c in end.children if c.dep_ == "pobj"]
            if objects or end.dep_ != "prt":
                return objects
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            return [verb.head]
        if is_passive(verb):
            return [c for c in verb.children if c.dep_ == "nsubjpass"]
        return [c for c in verb.children if c.dep_ == "dobj"]
    return []


class Ballot:
    """A stance `verb` takes on `objects`: for or against, by a vote or not, formal (an
    approval only a lawmaking body gives) or not."""

    def __init__(self, verb: Token, stance: str, voted: bool, formal: bool, objects: list[Token]):
        self.verb = verb
        self.stance = stance
        self.voted = voted
        self.formal = formal
        self.objects = objects


def ballots(r: Reader, verb: Token) -> list[Ballot]:
    """The stances `verb` takes: "approved X's cabinet", "voted against the agreement",
    "backed the nomination of X", "rejected the bill"."""
    voted_above = _voted_above(r, verb)
    found = []
    for table, stance, voted, formal in (
        ("formal_approval_cues", FOR, False, True),
        ("endorsing_cues", FOR, False, False),
        ("voting_rejection_cues", AGAINST, True, False),
        ("rejecting_cues", AGAINST, False, False),
    ):
        objects = _cue_objects(r, verb, table)
        if objects:
            voting = voted or verb.lemma_.lower() in r.words["vote_words"] or voted_above
            found.append(Ballot(verb, stance, voting, formal, with_conjuncts(objects)))
            break
    return found


def _voted_above(r: Reader, verb: Token) -> bool:
    """ "voted to reject the cabinet": the act is done by a vote."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in r.words["vote_words"]


def unrealised(r: Reader, token: Token) -> bool:
    """A vote or approval not done: "postponed the vote on the cabinet", "is expected to
    approve", "plans to pass the law" (up the clauses above `token`)."""
    current = token
    for _ in range(8):
        if current.lemma_.lower() in r.words["unrealised_heads"] and current.pos_ in VERBAL | {
            "ADJ"
        }:
            return True
        if current.head == current:
            return False
        current = current.head
    return False


def _typed(r: Reader, sources: list[TokenMention], table: str) -> list[TokenMention]:
    return [m for m in sources if m.actor.type in r.words[table]]


def backed(r: Reader, noun: Token) -> list[TokenMention]:
    """Whom a cabinet, a government or a nomination stands for: "al-Sudani's cabinet", "the
    cabinet of X", "the nomination of X", "the government led by X", "the lineup proposed by
    X"."""
    found = r.resolve(noun)
    if found:
        return found
    if not r.is_word(noun, "cabinet_nouns"):
        return []
    found = r.noun_owner(noun, blamed=False)
    found += [m for p in prep_objects(noun, ("of",)) for m in r.resolve(p)]
    found += [
        m
        for acl in noun.children
        if acl.dep_ == "acl" and acl.tag_ == "VBN"
        for m in r.by_agents(acl)
    ]
    return unique(found)


def _truce(r: Reader, noun: Token, verb: Token) -> bool:
    """ "the ceasefire deal", "a prisoner-swap agreement": an agreement between enemies (the
    words before the noun, also those the parser splits off it: "approved the ceasefire
    [deal]" with "deal" tagged a verb)."""
    before = [w for w in noun.subtree if w.i < noun.i]
    if verb.i < noun.i:
        before += list(noun.doc[verb.i + 1 : noun.i])
    words = r.words["truce_words"]
    return any(w.lemma_.lower() in words or w.lower_ in words for w in before)


def counterparts(
    r: Reader, noun: Token, sources: list[TokenMention], verb: Token
) -> list[TokenMention]:
    """The other party of an agreement its approvers are not: "an agreement with the United
    States", "the US-Iraq security pact" (not the approving parliament's own state); the parser
    may hang the "with" phrase on the verb ("rejected the deal with Israel")."""
    holders = [noun] + ([verb] if noun.dep_ == "dobj" and noun.head == verb else [])
    found = [m for h in holders for p in prep_objects(h, ("with",)) for m in r.resolve(p)]
    found += [
        m
        for m in r.modifier_mentions(noun)
        if not any(m.actor.id == s.actor.id or same_state(s.actor, m.actor) for s in sources)
    ]
    return unique(found)


def _against(r: Reader, voted: bool, source: TokenMention) -> str:
    """A legislature rejects by voting; a vote by anyone is a vote."""
    return "votes_against" if voted or source.actor.type == "legislature" else "opposes"


def _stance_candidates(
    r: Reader,
    stance: str,
    voted: bool,
    relation_for: str,
    sources: list[TokenMention],
    targets: list[TokenMention],
    cue: Token,
    rule: str,
) -> Iterator[Candidate]:
    """Being for something that bears `relation_for` on the targets bears it; being against a
    thing that supports them is voting against them, or opposing them (being against a ban is
    no stance on who is banned)."""
    if not sources or not targets:
        return
    if stance == FOR:
        yield Candidate(relation_for, sources, targets, cue, rule)
        return
    if relation_for != "supports":
        return
    for relation in ("votes_against", "opposes"):
        holders = [s for s in sources if _against(r, voted, s) == relation]
        if holders:
            yield Candidate(relation, holders, targets, cue, rule)


@token_rule(
    "ballot",
    family="legislatures",
    confidence=0.75,
    trigger=Trigger("ballot_verbs", VERBAL),
    reads='"The parliament approved al-Sudani\'s cabinet", "lawmakers confirmed X as prime '
    'minister", "endorsed a security agreement with the United States", "voted down the '
    "Framework's nominee\"",
)
def ballot(r: Reader, verb: Token) -> Iterator[Candidate]:
    """A ballot on a cabinet, a nominee or an agreement: approving one supports whom it stands
    for (a cabinet's leader, a nominee, an agreement's other party), rejecting it opposes them,
    and a vote against (or a legislature's rejection) is a vote against them. A formal approval
    is given only by a lawmaking body; only a legislature or a bloc approves a cabinet."""
    if unrealised(r, verb):
        return
    for item in ballots(r, verb):
        sources = r.by_agents(verb) if verb.dep_ == "acl" else r.agents(verb)
        for noun in item.objects:
            if r.is_word(noun, "law_nouns"):
                continue  # the law rule reads laws
            allowed: str | None
            if noun.lemma_.lower() in r.withdrawal_nouns:
                # "voted in favour of the withdrawal of US forces": a vote against who leaves
                # (a demand without a vote is the demands family's)
                if item.stance == FOR and verb.lemma_.lower() in r.words["vote_words"]:
                    leaving = [m for p in prep_objects(noun, ("of",)) for m in r.resolve(p)]
                    leaving += r.noun_owner(noun, blamed=False)
                    if leaving and sources:
                        yield Candidate("votes_against", sources, unique(leaving), verb, "ballot")
                continue
            if r.is_word(noun, "agreement_nouns"):
                if _truce(r, noun, verb):
                    continue  # "approved the ceasefire deal with Hezbollah" backs no enemy
                # an agreement is approved or rejected by a lawmaking body; endorsing one is
                # taking its other party's side only for a legislature ("Iran supported the
                # deal with the US" is no stance on the US)
                targets = counterparts(r, noun, sources, verb)
                endorsing = item.stance == FOR and not item.formal
                allowed = "legislative_types" if endorsing else "lawmaking_types"
            elif r.is_word(noun, "cabinet_nouns") or r.resolve(noun):
                if (
                    item.stance == AGAINST
                    and not item.voted
                    and not r.is_word(noun, "cabinet_nouns")
                ):
                    continue  # "rejected X": the verb rule reads it as opposition
                targets = backed(r, noun)
                allowed = "legislative_types" if item.formal else None
            else:
                continue
            holders = _typed(r, sources, allowed) if allowed else sources
            yield from _stance_candidates(
                r, item.stance, item.voted, "supports", holders, targets, verb, "ballot"
            )


def _law_governor(token: Token) -> Token | None:
    """The verb a law noun is the object of, through prepositions ("voted in favour of the
    bill"), or the subject of, in the passive ("the bill was passed by parliament")."""
    if token.dep_ in {"dobj", "nsubjpass"} and token.head.pos_ in VERBAL:
        return token.head
    current = token
    for _ in range(4):
        if current.dep_ not in {"pobj", "prep"}:
            return None
        current = current.head
        if current.pos_ in VERBAL:
            return current
    return None


def law_positions(r: Reader, law: Token) -> Iterator[tuple[list[TokenMention], str, bool, Token]]:
    """Who is for or against a law, whether by a vote, and the cue that says so: its owner ("the
    government's bill", "a bill by the bloc"), who proposes or passes it ("the legislation was
    put forward by the bloc", "parliament passed a law"), who votes it down."""
    owners = r.noun_owner(law, blamed=False)
    if owners:
        yield owners, FOR, False, law
    for acl in law.children:
        if acl.dep_ == "acl" and acl.tag_ == "VBN":
            yield from _positions_taken(r, law, acl, r.by_agents(acl))
    governor = _law_governor(law)
    if governor is not None:
        agents = r.by_agents(governor) if governor.dep_ == "acl" else r.agents(governor)
        yield from _positions_taken(r, law, governor, agents)


def _positions_taken(
    r: Reader, law: Token, verb: Token, agents: list[TokenMention]
) -> Iterator[tuple[list[TokenMention], str, bool, Token]]:
    if not agents or unrealised(r, verb):
        return
    if law in _cue_objects(r, verb, "proposing_cues"):
        yield agents, FOR, False, verb
        return
    for item in ballots(r, verb):
        if law in item.objects:
            holders = _typed(r, agents, "lawmaking_types") if item.formal else agents
            if holders:
                yield holders, item.stance, item.voted, verb


def _law_clauses(law: Token) -> list[Token]:
    """The clauses saying what a law does: "a law banning X", "legislation that formalises X",
    "a bill to legalise X", "a law meant to recognise X"."""
    clauses = [c for c in law.children if c.dep_ in _CLAUSES and c.pos_ in VERBAL]
    clauses += [x for c in clauses for x in c.conjuncts]
    clauses += [x for c in clauses for x in c.children if x.dep_ == "xcomp" and x.pos_ in VERBAL]
    return [c for c in clauses if not any(x.dep_ == "neg" for x in c.children)]


def _objects(verb: Token) -> list[Token]:
    return with_conjuncts([c for c in verb.children if c.dep_ == "dobj"])


def standing_given(r: Reader, verb: Token) -> list[TokenMention]:
    """Whom a clause gives legal standing: "formalises the PMF", "legalise the status of the
    militias", "give full legal status to X", "grants X legal recognition" (not "recognised
    Hezbollah as a terrorist group")."""
    lemma = verb.lemma_.lower()
    objects = _objects(verb)
    status = [o for o in objects if r.is_word(o, "status_nouns")]
    if lemma in r.words["granting_verbs"]:
        if not status:
            return []
        receivers = [c for c in verb.children if c.dep_ == "dative" and c.pos_ in NOMINAL]
        receivers += prep_objects(verb, ("to", "on", "upon"))
        receivers += [o for o in objects if o not in status]
        found = [m for t in with_conjuncts(receivers) for m in r.resolve(t)]
        # "granted the PMF legal status": the parser may make the receiver a modifier
        return found or [m for o in status for m in r.noun_owner(o, blamed=False)]
    if lemma not in r.words["standing_verbs"]:
        return []
    labels = [w.lemma_.lower() for p in prep_objects(verb, ("as",)) for w in p.subtree]
    if any(word in r.words["hostile_labels"] for word in labels):
        return []
    found = [m for o in objects if o not in status for m in r.resolve(o)]
    found += [
        m
        for o in status
        for m in [
            *r.noun_owner(o, blamed=False),
            *(x for p in prep_objects(o, ("of",)) for x in r.resolve(p)),
        ]
    ]
    return unique(found)


def law_contents(r: Reader, law: Token) -> Iterator[tuple[str, list[TokenMention]]]:
    """What a law does to whom: it gives standing (supports) or bears a cue of support or
    opposition ("a law banning X", "a resolution condemning X")."""
    for clause in _law_clauses(law):
        given = standing_given(r, clause)
        if given:
            yield "supports", given
            continue
        for cue, _, targets in active_readings(r, clause):
            if cue.relation in {"supports", "opposes"}:
                resolved = [m for t in targets for m in r.resolve_target(t, cue.relation)]
                if resolved:
                    yield cue.relation, resolved


@token_rule(
    "law",
    family="legislatures",
    confidence=0.7,
    trigger=Trigger("law_nouns", NOMINAL),
    reads='"Parliament passed a law that formalises the PMF", "a government bill that would '
    'anchor the PMF within the state", "adopted a resolution condemning Israel", "voted down a '
    'bill legalising the militias"',
)
def law(r: Reader, noun: Token) -> Iterator[Candidate]:
    """A law's content is the stance of those for it (what a bill "would" do is what it says,
    not speculation); those voting against a law that supports X vote against X; those who
    reject or veto an actor's bill or resolution oppose (or vote against) its author."""
    contents = list(law_contents(r, noun))
    positions = list(law_positions(r, noun))
    for holders, stance, voted, cue in positions:
        for relation, targets in contents:
            yield from _stance_candidates(r, stance, voted, relation, holders, targets, cue, "law")
    authors = law_authors(r, noun)
    if not authors:
        return
    for holders, stance, voted, cue in positions:
        if stance != AGAINST:
            continue
        own = {a for h in holders for a in r.kb.ancestors(h.actor.id)}
        targets = [m for m in authors if m.actor.id not in own]
        yield from _stance_candidates(r, AGAINST, voted, "supports", holders, targets, cue, "law")


def law_authors(r: Reader, law: Token) -> list[TokenMention]:
    """Whose bill or resolution it is: its owner ("the US resolution", "the government's
    bill") or the one who put it forward ("a draft submitted by Algeria")."""
    authors = r.noun_owner(law, blamed=False)
    for acl in law.children:
        if (
            acl.dep_ == "acl"
            and acl.tag_ == "VBN"
            and law in _cue_objects(r, acl, "proposing_cues")
        ):
            authors += r.by_agents(acl)
    # "a US draft resolution": the owner may modify the other law word
    authors += [
        m
        for c in law.children
        if c.dep_ == "compound" and r.is_word(c, "law_nouns")
        for m in r.noun_owner(c, blamed=False)
    ]
    return unique(authors)


def _under_law(r: Reader, verb: Token) -> bool:
    """A clause saying what a law does (the law rule reads it)."""
    current = verb
    for _ in range(3):
        if current.dep_ in _CLAUSES and r.is_word(current.head, "law_nouns"):
            return True
        if current.dep_ not in {"xcomp", "conj"}:
            return False
        current = current.head
    return False


@token_rule(
    "legal-status",
    family="legislatures",
    confidence=0.7,
    trigger=Trigger("status_nouns", NOMINAL),
    reads='"Iraq\'s parliament voted to give full legal status to the PMF", "the cabinet '
    'granted the militias legal recognition", "formalised the status of the PMF"',
)
def legal_status(r: Reader, noun: Token) -> Iterator[Candidate]:
    """Giving an actor legal standing supports it."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ not in VERBAL or _under_law(r, verb):
        return
    if unrealised(r, verb):
        return
    targets = standing_given(r, verb)
    sources = r.agents(verb)
    if targets and sources:
        yield Candidate("supports", sources, targets, verb, "legal-status")


def _negative_confidence(r: Reader, noun: Token) -> bool:
    """ "no-confidence", "a vote of no confidence"."""
    if any(c.lower_ in r.words["negating_dets"] for c in noun.children):
        return True
    doc = noun.doc
    return (
        noun.i >= 2
        and doc[noun.i - 1].text in {"-", "–"}
        and doc[noun.i - 2].lower_ in r.words["negating_dets"]
    )


@token_rule(
    "confidence",
    family="legislatures",
    confidence=0.75,
    trigger=Trigger("confidence_nouns", NOMINAL),
    reads='"Lawmakers gave a vote of confidence to al-Sudani\'s government", "parliament '
    'withdrew confidence from the prime minister", "passed a vote of no confidence in X"',
)
def confidence(r: Reader, noun: Token) -> Iterator[Candidate]:
    """A vote of confidence in X supports X; withdrawing confidence from X, or a vote of no
    confidence in X, is a legislature's vote against X (anyone else's opposition)."""
    negative = _negative_confidence(r, noun)
    vote = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in NOMINAL:
        vote = noun.head.head  # "a vote of confidence"
    elif noun.dep_ == "compound" and noun.head.pos_ in NOMINAL:
        vote = noun.head  # "a confidence vote"
    verb = vote.head
    if vote.dep_ not in {"dobj", "nsubjpass"} or verb.pos_ not in VERBAL or unrealised(r, verb):
        return
    lemma = verb.lemma_.lower()
    withdrawn = lemma in r.words["confidence_withdrawal_verbs"] and vote is noun
    if withdrawn:
        places = prep_objects(verb, ("from",)) + prep_objects(noun, ("from",))
    elif lemma in r.words["granting_verbs"] or lemma in r.words["vote_holding_verbs"]:
        places = [
            p for holder in (vote, noun, verb) for p in prep_objects(holder, ("in", "to", "for"))
        ]
        places += [c for c in verb.children if c.dep_ == "dative"]
        if negative:
            places += prep_objects(vote, ("against",))
    else:
        return
    if lemma in r.words["recipient_verbs"]:
        return  # "won a vote of confidence": the winner receives it
    targets = unique(m for p in with_conjuncts(places) for m in backed(r, p))
    # (withdrawn "from" X: X is the target, not the giver)
    sources = r.agents(verb) if withdrawn else r.noun_owner(vote, blamed=False) or r.agents(verb)
    if not targets or not sources:
        return
    stance = AGAINST if negative or withdrawn else FOR
    # no confidence: the vote is against; withdrawn confidence is withdrawn support
    yield from _stance_candidates(
        r, stance, negative, "supports", sources, targets, verb, "confidence"
    )


def protested(r: Reader, token: Token) -> list[TokenMention]:
    """Whom a protest is against: an actor, or the owner of its act, nomination or cabinet
    ("in protest at Israel's conduct", "over the nomination of X", "the candidate put forward by
    the Framework")."""
    found = r.resolve_target(token, "opposes")
    if found:
        return found
    if r.is_word(token, "conduct_nouns"):
        return r.noun_owner(token, blamed=False)
    return backed(r, token)


@token_rule(
    "in-protest",
    family="legislatures",
    confidence=0.7,
    trigger=Trigger("protest_nouns", NOMINAL),
    reads='"The Sadrist bloc boycotted the session in protest against the Coordination '
    'Framework", "lawmakers stayed away from the vote in protest at the nomination of X"',
)
def in_protest(r: Reader, noun: Token) -> Iterator[Candidate]:
    """Acting "in protest against X" opposes X."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return
    verb = _verb_above(noun.head)
    if verb is None:
        return
    preps = tuple(r.words["protest_preps"])
    places = prep_objects(noun, preps)
    if not places:
        # "stayed away from the vote in protest at X": the parser may hang the preposition
        # after "protest" on the verb
        places = [
            p
            for c in verb.children
            if c.dep_ == "prep" and c.i == noun.i + 1 and c.lower_ in preps
            for p in c.children
            if p.dep_ == "pobj"
        ]
    targets = unique(m for p in with_conjuncts(places) for m in protested(r, p))
    sources = r.agents(verb)
    if targets and sources:
        yield Candidate("opposes", sources, targets, verb, "in-protest")


def _verb_above(token: Token) -> Token | None:
    """The verb a preposition's phrase belongs to, also when the parser hangs it on a noun
    of that verb ("stayed away from the vote in protest")."""
    current = token.head
    for _ in range(4):
        if current.pos_ in VERBAL:
            return current
        if current.head == current:
            return None
        current = current.head
    return None


@token_rule(
    "walkout",
    family="legislatures",
    confidence=0.7,
    trigger=Trigger("walkout_verbs", VERBAL),
    reads='"Kurdish lawmakers walked out of parliament over the nomination of X", "the bloc '
    "boycotted the session over Israel's conduct\"",
)
def walkout(r: Reader, verb: Token) -> Iterator[Candidate]:
    """Walking out or boycotting over X opposes X."""
    if not any(_chain_end(r, verb, entry) is not None for entry in r.words["walkout_cues"]):
        return
    places = prep_objects(verb, ("over",))
    places += [p for o in _objects(verb) for p in prep_objects(o, ("over",))]
    targets = unique(m for p in with_conjuncts(places) for m in protested(r, p))
    sources = r.agents(verb)
    if targets and sources:
        yield Candidate("opposes", sources, targets, verb, "walkout")


@token_rule(
    "candidacy",
    family="legislatures",
    confidence=0.75,
    trigger=Trigger("candidacy_nouns", NOMINAL),
    reads='"The Coordination Framework named al-Sudani as its candidate for prime minister", '
    '"al-Sudani was put forward as the Framework\'s nominee", "al-Sudani, the Framework\'s '
    'nominee"',
)
def candidacy(r: Reader, noun: Token) -> Iterator[Candidate]:
    """Putting X forward as one's candidate supports X; the one whose candidate X is supports X
    ("X, the Framework's nominee")."""
    # "as its candidate": a possessive pronoun only repeats the one naming (and its antecedent
    # may be a name the parser split off, "the pro-Iran Framework"), so it names no one here
    owners = [
        m
        for m in r.noun_owner(noun, blamed=False)
        + [m for p in prep_objects(noun, ("of",)) for m in r.resolve(p)]
        if m.kind != "coref"
    ]
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        verb = _nominating_verb(r, noun.head)
        if verb is None or unrealised(r, verb):
            return
        named = [c for c in verb.children if c.dep_ in {"dobj", "oprd"}]
        named = with_conjuncts(named or _cue_objects(r, verb, "nominating_cues"))
        targets = [m for t in named for m in r.resolve(t)]
        if verb.dep_ == "acl" and r.dm.at(verb.head) is not None:
            # the misparse "[the Framework] named X as ...": the name it hangs on names
            sources = [r.dm.at(verb.head)]
        else:
            sources = r.by_agents(verb) if is_passive(verb) else r.agents(verb)
        sources = unique([*sources, *owners])
        if targets and sources:
            yield Candidate("supports", sources, targets, verb, "candidacy")
        return
    # "X, the Framework's nominee", "the Framework's candidate, X"
    if not owners:
        return
    if noun.dep_ == "appos":
        targets = r.resolve(noun.head) if r.dm.at(noun.head) is not None else []
    else:
        targets = [
            m for c in noun.children if c.dep_ == "appos" and r.dm.at(c) for m in r.resolve(c)
        ]
    if targets:
        yield Candidate("supports", owners, targets, noun, "candidacy")


def _nominating_verb(r: Reader, as_prep: Token) -> Token | None:
    """The verb naming someone "as" a candidate; after a name the parser may take it for a
    participle and hang "as" on the name ("the Framework named X as its nominee")."""
    head = as_prep.head
    verbs = [head] if head.pos_ in VERBAL else []
    verbs += [c for c in head.children if c.dep_ == "acl" and c.pos_ in VERBAL and c.i < as_prep.i]
    for verb in verbs:
        if any(_chain_end(r, verb, entry) is not None for entry in r.words["nominating_cues"]):
            return verb
    return None
