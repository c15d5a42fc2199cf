"""Prefixes and adjectives: "Iran-backed militias", "pro-Iran factions", "anti-US militias",
"factions close to Iran", "Iranian-led militias" (a state leading another country's groups
backs them), "the troops and their allied Hezbollah fighters"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

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
from graphx.extraction.rules.syntax import apart, cue_form, is_passive, prep_objects, same_state


@token_rule(
    "prefix",
    family="modifiers",
    confidence=0.75,
    trigger=Trigger("prefixes", form="lower"),
    reads='"Iran-backed militias", "the US-led coalition", "Tehran-aligned factions"',
)
def prefix(r: Reader, token: Token) -> Iterator[Candidate]:
    """A name joined by a hyphen to a participle modifying the actor it relates to."""
    if token.i < 2 or token.nbor(-1).text not in {"-", "–"}:
        return
    word = token.lower_
    relation, inverse = r.lex.prefixes[word]
    modifier = r.dm.by_token.get(token.i - 2)
    if modifier is None:
        return
    if modifier.end > token.i:  # the prefix is inside a longer name: "US-led coalition"
        inner = r.kb.find(token.doc[modifier.start : token.i - 1].text)
        if not inner or inner[0].id == modifier.actor.id:
            return
        holder = described(r, modifier)
        if same_state(holder.actor, inner[0]):
            return  # "US-led forces" are the US's own
        modifier = TokenMention(modifier.start, token.i - 1, inner[0], "alias", modifier.sentence)
        sources, targets = ([modifier], [holder]) if not inverse else ([holder], [modifier])
        yield Candidate("leads" if word == "led" else relation, sources, targets, token, "prefix")
        return
    head = token.head if token.head != token else token
    if head.lemma_.lower() in r.event_nouns:
        # "Hamas-led attack": the prefix names the attack's agent (see noun_owner); "a US-backed
        # offensive by Kurdish forces": the backer supports the event's own agent
        if relation == "supports" and not inverse:
            agents = [
                m for m in r.noun_owner(head, blamed=False) if m.actor.id != modifier.actor.id
            ]
            if agents:
                yield Candidate(relation, [modifier], agents, token, "prefix")
        return
    heads = r.resolve_one(head, 0)
    if heads:
        heads = r.resolve(head)
    # "American-led and Iraqi troops": the noun the modifiers share is two forces; the one
    # named by the other modifier ("Iraqi troops") is not the led one
    others = {c.i for c in token.conjuncts}
    heads = [m for m in heads if m.start not in others]
    if not heads:
        return
    sources, targets = ([modifier], heads) if not inverse else (heads, [modifier])
    if word == "led":
        relation = "leads"
        sponsored = [m for m in heads if _sponsored(r, modifier, m)]
        if sponsored:
            # "Iranian-led militias": a state leading another country's armed groups backs them
            yield Candidate("supports", [modifier], sponsored, token, "prefix")
    yield Candidate(relation, sources, targets, token, "prefix")


def _sponsored(r: Reader, leader: TokenMention, led: TokenMention) -> bool:
    """Whether a state (or its forces) leads an armed group of another country."""
    return (
        leader.actor.type in r.words["sponsor_types"]
        and led.actor.type in r.words["sponsored_types"]
        and led.actor.country is not None
        and not same_state(led.actor, leader.actor)
    )


@token_rule(
    "polarity",
    family="modifiers",
    confidence=0.65,
    trigger=Trigger("polarity_prefixes", form="lower"),
    reads='"pro-Iran factions" (they support Iran), "anti-US militias" (they oppose the US)',
)
def polarity(r: Reader, token: Token) -> Iterator[Candidate]:
    """A pro- or anti- prefix on a name, said of the noun it modifies."""
    word = token.lower_
    index = token.i + 1
    if index < len(token.doc) and token.doc[index].text in {"-", "–"}:
        index += 1
    modifier = r.dm.by_token.get(index) if index < len(token.doc) else None
    if modifier is None:
        return
    holder = token.doc[modifier.end - 1]
    for _ in range(3):
        holder = holder.head
        if holder.i >= modifier.end and holder.pos_ in NOMINAL:
            break
    if holder.i < modifier.end:
        return
    holders = r.resolve(holder)
    if holders:
        yield Candidate(r.lex.polarity_prefixes[word], holders, [modifier], token, "polarity")


@token_rule(
    "adjective",
    family="modifiers",
    confidence=0.6,
    trigger=Trigger("adjectives", frozenset({"ADJ", "VERB"})),
    reads='"factions close to Iran", "the group is hostile to Washington", "Hezbollah is '
    'allied to Iran", "militias answerable to the Quds Force"',
)
def adjective(r: Reader, adjective: Token) -> Iterator[Candidate]:
    """An adjective with a preposition, said of the noun or subject it describes."""
    if adjective.pos_ == "VERB":
        yield from _stative_participle(r, adjective)
        return
    relation, preps = r.lex.adjectives[cue_form(adjective, r.lex.adjectives) or ""]
    targets = [
        m
        for c in adjective.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
        for m in r.resolve(p)
    ]
    if not targets:
        return
    head = adjective.head
    if adjective.dep_ in {"acomp", "attr"} and head.pos_ in VERBAL:
        holders = r.agents(head)
    elif adjective.dep_ in {"amod", "acl", "appos"} and head.pos_ in NOMINAL:
        holders = r.resolve(head)
    elif adjective.dep_ == "advcl" and head.pos_ in VERBAL:
        holders = r.agents(head)  # "Saraya al-Salam, loyal to Sadr, deployed in Baghdad"
    else:
        return
    target_ids = {t.actor.id for t in targets}
    if holders and not target_ids & {h.actor.id for h in holders}:
        # ("lawmakers loyal to X and Y" already resolved to X and Y: nothing more to say)
        yield Candidate(relation, holders, targets, adjective, "adjective")


def _stative_participle(r: Reader, participle: Token) -> Iterator[Candidate]:
    """A participle the lexicon lists as written, read as its adjective: "Hezbollah is allied
    to Iran", "militias linked to the IRGC" (with a "by" agent it is a passive: no state)."""
    if participle.tag_ != "VBN" or participle.lower_ not in r.lex.adjectives:
        return
    if any(c.dep_ == "agent" for c in participle.children):
        return
    relation, preps = r.lex.adjectives[participle.lower_]
    targets = [m for p in prep_objects(participle, preps) for m in r.resolve(p)]
    if not targets:
        return
    head = participle.head
    if participle.dep_ == "acl" and head.pos_ in NOMINAL:
        holders = r.resolve(head)  # "militias linked to the IRGC"
    elif is_passive(participle):
        holders = r.subjects(participle, {"nsubjpass"})  # "the Houthis, who are allied to Iran"
    else:
        return
    target_ids = {t.actor.id for t in targets}
    if holders and not target_ids & {h.actor.id for h in holders}:
        yield Candidate(relation, holders, targets, participle, "adjective")


@sentence_rule(
    "inner-name",
    family="modifiers",
    confidence=0.75,
    reads='"militias backed by Iran", "Iranian proxies", "groups loyal to Tehran" when the '
    "knowledge base names the whole phrase (Iran supports them; they support Tehran)",
)
def inner_name(r: Reader, sent: Span) -> Iterator[Candidate]:
    """A name the knowledge base lists whole that carries another actor and a relation word
    inside it: the prefix or role word says how the inner actor relates to the named one."""
    for mention in r.dm.in_sentence(r.dm.sentence_of[sent.start]):
        if mention.end - mention.start < 2:
            continue
        if mention.kind not in {"name", "alias"}:
            continue
        words = sent.doc[mention.start : mention.end]
        inner = _inner_actor(r, mention, words)
        if inner is None:
            continue
        reading = _inner_relation(r, words)
        if reading is None:
            continue
        relation, inverse, word = reading
        holder = described(r, mention)
        if holder.actor.id == inner.actor.id:
            continue
        sources, targets = ([inner], [holder]) if inverse else ([holder], [inner])
        yield Candidate(relation, sources, targets, word, "inner-name")


def described(r: Reader, mention: TokenMention) -> TokenMention:
    """The actor a descriptive name is said of: "Asaib Ahl al-Haq, an Iran-backed militia",
    "a group of Iran-backed militias calling itself the Islamic Resistance in Iraq"; else the
    name's own actor."""
    head = r.head_of(mention)
    if head.dep_ == "appos":
        anchor = r.dm.at(head.head)
        if anchor is not None and anchor.actor.id != mention.actor.id:
            return anchor
    named = r.named_container(head) or r.named(head)
    return named[0] if named else mention


def _inner_relation(r: Reader, words: Span) -> tuple[str, bool, Token] | None:
    """(relation, whether the inner actor is its source, the word) a name's words say: a
    prefix or adjective first ("pro-Iran factions" are for Iran, whatever "factions" says),
    then a role of support or opposition ("Iranian proxies")."""
    for word in words:
        lower = word.lower_
        if word.i > 0 and word.nbor(-1).text in {"-", "–"} and lower in r.lex.prefixes:
            return None  # "Iran-backed militias": the prefix rule reads a hyphen prefix
        if lower in r.lex.prefixes:
            relation, inverse = r.lex.prefixes[lower]
            if lower == "led":
                relation = "leads"
            return relation, not inverse, word  # "Iran-backed militias": Iran backs them
        if lower in r.lex.polarity_prefixes:
            return r.lex.polarity_prefixes[lower], False, word  # "pro-Iran factions"
        form = cue_form(word, r.lex.adjectives)
        if form:
            return r.lex.adjectives[form][0], False, word  # "militias loyal to Iran"
    for word in words:
        form = cue_form(word, r.lex.roles) if word.pos_ in NOMINAL else None
        if form:
            relation, inverse = r.lex.roles[form]
            if relation in {"supports", "opposes"}:  # ("Sadr's faction" is no membership)
                return relation, inverse, word
    return None


def _inner_actor(r: Reader, mention: TokenMention, words: Span) -> TokenMention | None:
    """Another actor named inside `mention`'s words ("Iran" in "militias backed by Iran")."""
    for token in words:
        if token.pos_ not in {"PROPN", "ADJ"}:
            continue  # "Militias" at a sentence start is no name
        found = r.kb.find(token.text)
        if found and found[0].id != mention.actor.id:
            return TokenMention(token.i, token.i + 1, found[0], "alias", mention.sentence)
    return None


@token_rule(
    "possessed-ally",
    family="modifiers",
    confidence=0.7,
    trigger=Trigger("possessed_ally_words", frozenset({"ADJ", "VERB"}), form="lower"),
    reads='"Syrian troops and their allied Hezbollah fighters", "Iran\'s allied militias", '
    '"the Houthis and their affiliated tribes"',
)
def possessed_ally(r: Reader, word: Token) -> Iterator[Candidate]:
    """An ally named as someone's own ("their allied militias"): the ally supports the
    possessor; a possessive pronoun in "X and their allied Y" is X."""
    holder = word.head
    if word.dep_ != "amod" or holder.pos_ not in NOMINAL:
        return
    owners = [c for c in holder.children if c.dep_ == "poss"]
    if not owners:
        return
    if any(c.lower_ in r.words["past_role_words"] for c in (*holder.children, *word.children)):
        return  # "its former allied militias": an alliance ended
    owner = owners[0]
    if owner.pos_ == "PRON" and holder.dep_ == "conj" and holder.head.pos_ in NOMINAL:
        patrons = r.resolve_one(holder.head, 0)  # "the troops and their allied militias"
    else:
        patrons = r.resolve(owner)
    # the ally's own name ("their allied Hezbollah fighters"), else what the noun names; a
    # bare "its allied militias" names no one but the possessor
    named = [
        m for c in holder.children if c.dep_ in {"compound", "nmod"} for m in [r.dm.at(c)] if m
    ]
    if not named:
        own = r.dm.at(holder)  # "their allied Shia militias": a name, not a bare "militias"
        doc = holder.doc
        if own is not None and any(t.pos_ == "PROPN" for t in doc[own.start : own.end]):
            named = [own]
    allies = apart(named, patrons)
    if patrons and allies:
        yield Candidate("supports", allies, patrons, word, "possessed-ally")
