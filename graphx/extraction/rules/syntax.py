"""Tree shapes the rules share: passives, prepositional objects, idiom objects, mentions.

These read the grammar only (dependency labels and function words); the open-class words a
construction needs come from the lexicon."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet

from spacy.tokens import Token

from graphx.extraction.mentions import TokenMention
from graphx.models import Actor

SUBJECTS = frozenset({"nsubj", "csubj"})
OBJECTS = frozenset({"dobj", "dative"})
MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod"})
STRUCTURAL = frozenset({"part_of", "leads"})
_VERB_SUFFIXES = ("s", "es", "ed", "d")


def same_state(inner: Actor, outer: Actor) -> bool:
    """Whether `inner` belongs to the state `outer` is or belongs to."""
    home = outer.id if outer.type == "state" else outer.country
    return home is not None and (inner.country == home or inner.id == home)


def infinitival(verb: Token) -> bool:
    """ "(moving) to expel", "(called) for X to withdraw": a purpose or demand clause."""
    return any(c.dep_ in {"aux", "mark"} and c.lower_ in {"to", "for"} for c in verb.children)


def verb_lemma(token: Token) -> str:
    """The lemma, also for verbs a title-case headline got tagged as names ("Prepares")."""
    lemma = token.lemma_.lower()
    if token.pos_ != "PROPN" or not any(
        c.dep_ in {"nsubj", "xcomp", "dobj"} for c in token.children
    ):
        return lemma
    lower = token.lower_
    for suffix in _VERB_SUFFIXES:
        if lower.endswith(suffix):
            return lower[: -len(suffix)]
    return lower


def cue_form(token: Token, table: Mapping[str, object] | AbstractSet[str]) -> str | None:
    """The form under which `token` is in a cue table: its lemma, else its lower-cased text
    (the lexicon lists "talks" as a mutual noun; spaCy lemmatises it "talk")."""
    lemma = token.lemma_.lower()
    if lemma in table:
        return lemma
    return token.lower_ if token.lower_ in table else None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def as_coref(mention: TokenMention, token: Token) -> TokenMention:
    """`mention`'s actor, found at the pronoun or noun `token` that refers back to it."""
    # a place referred back to ("the base") still stands for its occupant only as a target
    return TokenMention(
        token.i, token.i + 1, mention.actor, "coref", mention.sentence, place=mention.place
    )


def apart(mentions: Iterable[TokenMention], others: Iterable[TokenMention]) -> list[TokenMention]:
    """`mentions` without the actors of `others` (the receivers of aid without its givers):
    no actor stands at both ends of one reading."""
    excluded = {m.actor.id for m in others}
    return [m for m in mentions if m.actor.id not in excluded]


def unique(mentions: Iterable[TokenMention]) -> list[TokenMention]:
    """Mentions without repeats of one actor at one place, in order."""
    seen: set[tuple[str, int]] = set()
    out = []
    for mention in mentions:
        key = (mention.actor.id, mention.start)
        if key not in seen:
            seen.add(key)
            out.append(mention)
    return out


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    """`tokens` each followed by the phrases coordinated after it ("X, Y and Z")."""
    return [x for t in tokens for x in (t, *(c for c in t.conjuncts if c.i > t.i))]


def prep_objects(head: Token, preps: Iterable[str]) -> list[Token]:
    """The objects of `head`'s prepositions among `preps` ("fired at [X]", "blamed on [X]"),
    also of a preposition joined to one ("sanctions on X and on Y"), not of a negated one
    ("sanctions on Iran but not on Iraq")."""
    wanted = set(preps)
    return [
        p
        for prep in head.children
        if prep.dep_ in {"prep", "dative"} and prep.lower_ in wanted
        for joined in (prep, *(c for c in prep.conjuncts if c.lower_ == prep.lower_))
        if not any(c.dep_ == "neg" for c in joined.children)
        for c in joined.children
        for p in ([c] if c.dep_ == "pobj" else named_by_relative(c) if c.dep_ == "pcomp" else [])
    ]


def named_by_relative(clause: Token) -> list[Token]:
    """ "(pushed back against) what they call American meddling": a free relative whose verb
    names its wh-object stands for the name it gives (the parser makes it the preposition's
    clause, the name the verb's predicate)."""
    if not any(c.dep_ == "dobj" and c.tag_ == "WP" for c in clause.children):
        return []
    return [c for c in clause.children if c.dep_ == "oprd"]


def idiom_object(verb: Token, words: tuple[str, ...]) -> Token | None:
    """The idiom's own object among the verb's: its direct object ("waged war") or the object
    of one of its prepositions ("went to war", "came to the aid")."""
    for child in verb.children:
        if child.dep_ in {"dobj", "attr", "acomp", "oprd"} and _says(child, words):
            return child
        if child.dep_ == "prep":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and _says(grandchild, words):
                    return grandchild
    return None


def _says(token: Token, words: tuple[str, ...]) -> bool:
    return token.lower_ in words or token.lemma_.lower() in words


def on_chain(noun: Token) -> list[Token]:
    """The objects of the "on" phrases below `noun`, hung one on another or side by side
    (through an "of" phrase: "a string of attacks on bases on proxies")."""
    chain: list[Token] = []
    current = noun
    for _ in range(6):
        following = prep_objects(current, ("on", "upon"))
        if not following:
            of = prep_objects(current, ("of",))
            if of and not chain:
                current = of[0]
                continue
            break
        if len(following) > 1:
            # "the attacks on US troops on the militias": both hang on the event
            chain += following
            break
        chain.append(following[0])
        current = following[0]
    return chain
