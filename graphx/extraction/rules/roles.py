"""Roles and titles: "Hezbollah, Iran's closest ally", "a faction of the PMF", "the leader of
Hamas"; membership lists ("its members include X and Y"); command ("under the command of X");
and dated titles from the knowledge base ("Prime Minister al-Sudani" leads Iraq's government on
the date the article is about)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from graphx.extraction.kb import DEMONYM, GENERIC
from graphx.extraction.mentions import TokenMention
from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.registry import (
    NOMINAL,
    VERBAL,
    Candidate,
    Trigger,
    sentence_rule,
    token_rule,
)
from graphx.extraction.rules.syntax import (
    OBJECTS,
    STRUCTURAL,
    SUBJECTS,
    apart,
    cue_form,
    is_passive,
    unique,
)

# what sets an apposition off from the name it follows ("Hezbollah, Iran's ally")
_APPOSITION_MARKS = frozenset({",", "(", "—", "–"})


@token_rule(
    "role",
    family="roles",
    confidence=0.8,
    trigger=Trigger("roles", NOMINAL),
    reads='"Hezbollah, Iran\'s closest ally", "Kataib Hezbollah is a faction of the PMF", '
    '"al-Muhandis, the deputy commander of the PMF", "the PMF\'s KSS faction", '
    '"an umbrella for Kataib Hezbollah and al-Nujaba"',
)
def role(r: Reader, noun: Token) -> Iterator[Candidate]:
    """A role noun said of an actor (as predicate, apposition, compound or "as" phrase):
    the actor holds the role toward the role's possessor or "of" object."""
    lemma = cue_form(noun, r.lex.roles) or ""
    relation, inverse = r.lex.roles[lemma]
    if _inside_a_name(r, noun):
        return
    if _misparsed_verb(r, noun, relation):
        yield from _verb_read_as_noun(r, noun, relation)
        return
    # "an umbrella for X and Y", "a coalition of X, Y and Z": its members are named by the
    # preposition only ("Iran's coalition" names no member)
    container = relation == "part_of" and inverse
    if container:
        preps = {"of", "for"}
    elif relation == "part_of":
        preps = {"of", "to", "for", "in", "within"}  # "a faction within the PMF"
    else:
        preps = {"of", "to", "for"}  # "Iran's ally in Lebanon" names a place
    if relation == "leads" and _one_of_several(r, noun):
        relation = "part_of"  # "a senior Hezbollah commander" is one of its commanders
    if _past_membership(r, noun, relation):
        return
    owners: list[TokenMention] = []
    names: list[TokenMention] = []
    named_modifiers: list[TokenMention] = []  # "the PMF's [Kataib Sayyid al-Shuhada] faction"
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            # "champions of the Palestinians and of Hamas": joined prepositions too
            owners += [
                m
                for prep in (child, *child.conjuncts)
                for p in prep.children
                if p.dep_ == "pobj"
                for m in r.resolve_target(p, relation)
            ]
        elif container:
            continue
        elif child.dep_ == "poss":
            owners += r.resolve(child)
        elif child.dep_ == "compound":
            names += r.resolve(child)
        elif child.dep_ == "nmod" and r.dm.at(child) is not None:
            named_modifiers += r.resolve(child)
    if container:
        owners = [m for m in owners if _named(noun.doc, m)]  # "an umbrella for Shiite factions"
    others = owners + names
    if lemma in r.words["roles_needing_whole"] and not others:
        return
    holders = _holders(r, noun, relation)
    if not holders and relation == "part_of" and owners and (names or named_modifiers):
        # "(leads) the PMF's Kataib Sayyid al-Shuhada faction": the name is the faction
        holders, others = names + named_modifiers, owners
    if not holders:
        holders = [m for c in noun.children if c.dep_ == "appos" for m in r.resolve(c)]
        others = [m for m in others if m not in holders]
    if holders and not others and relation not in STRUCTURAL:
        others = _demonym_owner(r, noun, holders)  # "Hezbollah, an Iranian proxy"
    holder_ids = {h.actor.id for h in holders}
    pronoun_owner = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)
    if holders and others and pronoun_owner and all(o.actor.id in holder_ids for o in others):
        others = r.previous_subject(noun)  # "X and Y are among its members"
    others = [o for o in others if o.actor.id not in holder_ids]
    if holders and others:
        sources, targets = (others, holders) if inverse else (holders, others)
        yield Candidate(relation, sources, targets, noun, "role")


def _demonym_owner(r: Reader, noun: Token, holders: list[TokenMention]) -> list[TokenMention]:
    """ "Hezbollah, an Iranian proxy", "a Saudi ally": a nationality on a role without any
    other owner is whose role it is, unless it is the holder's own ("Hezbollah, a Lebanese
    ally of ..." says where the holder is from)."""
    home = {h.actor.id if h.actor.type == "state" else h.actor.country for h in holders}
    found = []
    for child in noun.children:
        mention = r.dm.at(child)
        if (
            child.dep_ == "amod"
            and mention is not None
            and mention.kind == DEMONYM
            and mention.actor.id not in home
        ):
            found.append(mention)
    return found


def _holders(r: Reader, noun: Token, relation: str) -> list[TokenMention]:
    """Who the role is said of, by where the role noun stands."""
    head = noun.head
    if noun.dep_ in {"attr", "acomp"} and head.lemma_ == "be":
        return _subject_of_be(r, head)
    if noun.dep_ == "appos":
        return _apposed(r, noun)
    earlier_objects = [c for c in head.children if c.dep_ == "dobj" and c.i < noun.i]
    if noun.dep_ == "dobj" and earlier_objects:
        # "followed the killing of Saleh al-Arouri, the deputy leader of Hamas": a second
        # object after a comma is a misparsed apposition
        return _before_comma(r, noun)
    if noun.dep_ == "compound" and r.dm.at(head) is not None:
        return [r.dm.at(head)]
    if noun.dep_ == "pobj" and head.lower_ == "of" and _partitive(r, head.head):
        return _holders(r, head.head, relation)  # "Hezbollah, one of Iran's closest allies"
    if noun.dep_ == "pobj" and head.lower_ in {"as", "among"}:
        governor = head.head
        objects = [c for c in governor.children if c.dep_ in OBJECTS]
        if governor.pos_ in VERBAL and objects and head.lower_ == "as" and relation == "leads":
            return [m for o in objects for m in r.resolve(o)]  # "chose X as premier"
        if governor.pos_ in VERBAL:
            return r.agents(governor)
        return r.noun_owner(governor) or r.context_agents(governor)
    return []


def _subject_of_be(r: Reader, be: Token) -> list[TokenMention]:
    """Who "is" the role. "groups that are backed by Iran and are champions of Hamas": a "be"
    joined to a passive shares its subject (the groups), not its agent (Iran)."""
    own_subject = any(c.dep_ in SUBJECTS for c in be.children)
    if not own_subject and be.dep_ == "conj" and is_passive(be.head):
        return r.subjects(be.head, {"nsubjpass"})
    return r.agents(be)


def _apposed(r: Reader, noun: Token) -> list[TokenMention]:
    """The name an apposition follows. The parser often hangs an apposition on a head far
    back ("... according to Alaa al-Taii, the spokesman for the ministry", "the killing ...
    of Ismail Haniyeh, the political leader of Hamas"): the name just before the comma is
    the one it describes."""
    return _before_comma(r, noun) or r.resolve_one(noun.head, 0)


def _before_comma(r: Reader, noun: Token) -> list[TokenMention]:
    """The name that ends just before the comma opening the phrase `noun` heads."""
    start = noun.left_edge.i
    if start >= 2 and noun.doc[start - 1].text in _APPOSITION_MARKS:
        before = r.dm.by_token.get(start - 2)
        if before is not None and before.end == start - 1:
            # (its own, not its conjuncts': "killed X, the commander of Y, and Z")
            return r.resolve_one(noun.doc[start - 2], 0) or [before]
    return []


def _named(doc: Doc, mention: TokenMention) -> bool:
    """A member named by its name ("Kataib Hezbollah"), not described ("Shiite factions", an
    alias or generic name headed by a common noun)."""
    return mention.kind != GENERIC and doc[mention.end - 1].pos_ == "PROPN"


def _inside_a_name(r: Reader, noun: Token) -> bool:
    """ "the Qassam Brigades", "the Badr Brigade", "the Quds Force": the role word is part of a
    name, not a role said of someone."""
    mention = r.dm.at(noun)
    if mention is not None and mention.kind != "title" and mention.end - mention.start > 1:
        return True
    return (
        noun.pos_ == "PROPN"
        and noun.dep_ != "compound"
        and any(c.dep_ == "compound" and r.dm.at(c) is not None for c in noun.children)
    )


def _past_membership(r: Reader, noun: Token, relation: str) -> bool:
    """ "a former member of Hamas", "an ex-official of the ministry": no longer a member.
    (A former leader is still read: "Hassan Nasrallah, the former leader of Hezbollah" is
    coded as leading it; the dated offices of the knowledge base keep a state's leaders.)"""
    if relation != "part_of":
        return False
    if any(
        c.dep_ in {"amod", "advmod", "compound"} and c.lower_ in r.words["past_role_words"]
        for c in noun.children
    ):
        return True
    doc = noun.doc
    return (
        noun.i >= 2
        and doc[noun.i - 1].text in {"-", "–"}
        and doc[noun.i - 2].lower_ in r.words["past_role_words"]
    )


def _one_of_several(r: Reader, noun: Token) -> bool:
    """ "a Hezbollah commander", "another leader of Hamas", "among the leaders of the Mahdi
    Army": one of its leaders, who does not lead it."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "among":
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _partitive(r, noun.head.head):
        return True  # "one of the leaders of Hamas"
    return any(c.dep_ == "det" and c.lower_ in r.words["indefinite_dets"] for c in noun.children)


def _partitive(r: Reader, token: Token) -> bool:
    """ "one" in "one of Iran's allies": it stands where the role noun would."""
    return token.lower_ in r.words["partitive_words"]


def _misparsed_verb(r: Reader, noun: Token, relation: str) -> bool:
    """ "Qais al-Khazali heads Asaib Ahl al-Haq": a verb of the role's relation tagged as a
    plural noun heading a sentence that has no verb."""
    lemma = noun.lemma_.lower()
    return (
        noun.dep_ == "ROOT"
        and noun.tag_ == "NNS"
        and noun.lower_ != lemma
        and any(cue.relation == relation for cue in r.lex.verbs.get(lemma, ()))
        # a participle or relative clause modifying the names is no verb of the sentence:
        # "Laith al-Khazali heads Asaib Ahl al-Haq, also known as the League of the Righteous"
        and not any(t.pos_ in VERBAL and t.dep_ not in {"acl", "relcl"} for t in noun.sent)
    )


def _verb_read_as_noun(r: Reader, noun: Token, relation: str) -> Iterator[Candidate]:
    """The names before the misparsed verb act on the names after it."""
    before = [m for c in noun.children if c.i < noun.i for m in r.resolve(c)]
    after = [m for c in noun.children if c.i > noun.i for m in r.resolve(c)]
    after = apart(after, before)
    if before and after:
        yield Candidate(relation, before, after, noun, "role")


@token_rule(
    "members-include",
    family="roles",
    confidence=0.75,
    trigger=Trigger("membership_verbs", VERBAL),
    reads='"Its members include Kataib Hezbollah and al-Nujaba", "the Islamic Resistance, whose '
    'member groups include ...", "the Coordination Framework includes the Fatah Alliance"',
)
def members_include(r: Reader, verb: Token) -> Iterator[Candidate]:
    """A list of members: the named objects are part of the whole the subject names."""
    members = [
        m
        for c in verb.children
        if c.dep_ == "dobj"
        for m in r.resolve(c)
        if _named(verb.doc, m)  # "its members include Shiite factions" names no one
    ]
    if not members:
        return
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        wholes = _membership_whole(r, subject, verb)
        listed = apart(members, wholes)
        if wholes and listed:
            yield Candidate("part_of", listed, wholes, verb, "members-include")


def _membership_whole(r: Reader, subject: Token, verb: Token) -> list[TokenMention]:
    """The whole a subject of "include" names: the owner of "its members", "whose member
    groups", "the members of X"; or a group named as subject ("the alliance includes")."""
    mention = r.dm.at(subject)
    if mention is not None and mention.kind != GENERIC:
        if mention.actor.type in r.words["membership_whole_types"]:
            return [mention]
        return []
    if not _names_membership(r, subject):
        return []
    wholes: list[TokenMention] = []
    for child in subject.children:
        if child.dep_ == "poss":
            if child.lower_ in r.words["relative_pronouns"] and verb.dep_ == "relcl":
                wholes += r.resolve(verb.head)  # "the umbrella, whose members include X"
            else:
                wholes += r.resolve(child)
                if not wholes and child.pos_ == "PRON":
                    wholes += r.previous_subject(subject)  # "Its members include X"
        elif child.dep_ == "prep" and child.lower_ == "of":
            wholes += [m for p in child.children if p.dep_ == "pobj" for m in r.resolve(p)]
    return unique(m for m in wholes if m.actor.type in r.words["membership_whole_types"])


def _names_membership(r: Reader, noun: Token) -> bool:
    """ "members", "factions", "member groups", "constituent factions"."""
    containers = r.words["container_nouns"]
    if noun.lemma_.lower() in containers:
        return True
    return noun.lemma_.lower() in r.words["group_nouns"] and any(
        c.dep_ in {"compound", "amod"} and c.lemma_.lower() in containers for c in noun.children
    )


@token_rule(
    "under-command",
    family="roles",
    confidence=0.75,
    trigger=Trigger("command_nouns", NOMINAL),
    reads='"The brigades fall under the command of the Quds Force", "fighters under the '
    'command of Hadi al-Amiri", "placed the militias under the prime minister\'s command"',
)
def under_command(r: Reader, noun: Token) -> Iterator[Candidate]:
    """ "under the command of X": X leads what is under it."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "under":
        return
    leaders = [
        m
        for c in noun.children
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
        for m in (r.resolve(c) if c.dep_ == "poss" else _prep_object_actors(r, c))
    ]
    if not leaders:
        return
    carrier = noun.head.head
    cue = noun
    if carrier.pos_ in VERBAL:
        cue = carrier  # "did not fall under the command of X": the verb carries the negation
        objects = [c for c in carrier.children if c.dep_ == "dobj"]
        if objects:  # "placed the militias under the command of X"
            led = [m for o in objects for m in r.resolve(o)]
        elif is_passive(carrier):  # "the militias were placed under ..."
            led = r.subjects(carrier, {"nsubjpass"})
        else:  # "the brigades fall under ...", "they operate under ..."
            led = r.agents(carrier)
    elif carrier.pos_ in NOMINAL:
        led = r.resolve(carrier)  # "fighters under the command of X"
    else:
        return
    led = apart(led, leaders)
    if led:
        yield Candidate("leads", leaders, led, cue, "under-command")


def _prep_object_actors(r: Reader, prep: Token) -> list[TokenMention]:
    return [m for p in prep.children if p.dep_ == "pobj" for m in r.resolve(p)]


@sentence_rule(
    "title",
    family="roles",
    confidence=0.6,
    reads='"Prime Minister Mohammed Shia al-Sudani" (the office the knowledge base gives the '
    "title on the date)",
)
def title(r: Reader, sent: Span) -> Iterator[Candidate]:
    """A person named with the title of an office the knowledge base knows, or the title alone
    standing for its holder on the date: the office's relation (leads, part_of) to its body."""
    for link in r.dm.title_links:
        if sent.start <= link.person.start < sent.end:
            target = TokenMention(
                link.title_start,
                link.person.start,
                r.kb.get(link.office.body),
                "title",
                link.person.sentence,
            )
            yield Candidate(
                link.office.relation, [link.person], [target], sent.doc[link.title_start], "title"
            )
    # "The Quds Force chief visited Baghdad": a title alone is its holder on the date, who
    # holds the office too
    for mention in r.dm.in_sentence(r.dm.sentence_of[sent.start]):
        if mention.kind != "title" or mention.office is None:
            continue
        named = _body_words(sent.doc[mention.start : mention.end])
        if named is None or r.kb.get(mention.office.body).type == "state":
            # "the prime minister" names no body; "the Iraqi PM" of a story about an earlier
            # visit may be another holder than the date's: only a named body's own chief
            continue
        body = TokenMention(
            named.start, named.end, r.kb.get(mention.office.body), "title", mention.sentence
        )
        yield Candidate(mention.office.relation, [mention], [body], named.root, "title")


def _body_words(title: Span) -> Span | None:
    """The words of a title that name its body: "Quds Force" in "Quds Force chief" and in
    "commander of the Quds Force"; None when they name none ("prime minister")."""
    role = title.root
    before, after = title.doc[title.start : role.i], title.doc[role.i + 1 : title.end]
    if len(after) > 0 and after[0].lower_ == "of":
        after = title.doc[after.start + 1 : after.end]
    if len(after) > 0 and after[0].lower_ == "the":
        after = title.doc[after.start + 1 : after.end]
    named = max((before, after), key=len)
    return named if len(named) > 0 and named[0].text[:1].isupper() else None
