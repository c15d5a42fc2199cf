"""Dependency rules: from a parsed sentence and its actor mentions to typed, directed relations.

Each rule finds a cue (a verb, an event noun, a role noun, a hyphen prefix, a title) and the
actors filling its roles.  Arguments are resolved through coordination, agent nouns ("US
forces"), naming ("a group calling itself X"), "including" lists and coreference; agents are
found through control chains ("voted to order ... to expel"), light verbs ("launched attacks")
and relative clauses ("an airstrike that killed").  Every candidate then gets its context:
negation, refusal, speculation, and who claims it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from graphx.extraction.kb import DEMONYM, GENERIC, KnowledgeBase
from graphx.extraction.lexicon import Lexicon
from graphx.extraction.mentions import (
    AGENT_NOUNS,
    GROUP_NOUNS,
    PROXY_NOUNS,
    DocMentions,
    TokenMention,
    group_types,
    is_person_pronoun,
    is_plural_pronoun,
    naming_verbs,
)
from graphx.models import Actor

_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
_SUBJECTS = frozenset({"nsubj", "csubj"})
_OBJECTS = frozenset({"dobj", "dative"})
_RELATIVE = frozenset({"that", "which", "who", "whom", "whose"})
_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod"})
_STRUCTURAL = frozenset({"part_of", "leads"})
_CONDITIONAL_MARKS = frozenset({"if", "whether", "unless"})
_SPECULATIVE_HEADS = frozenset(
    {"appear", "seem", "likely", "unlikely", "possible", "consider", "mull", "weigh", "contemplate"}
)
_CAUSATIVE = frozenset({"have", "make", "get", "let"})
_GROUP_NOUN_TYPES = {
    "party": {"political_bloc"},
    "bloc": {"political_bloc"},
    "movement": {"political_bloc", "armed_group"},
    "militia": {"armed_group"},
    "group": {"armed_group", "coalition"},
    "alliance": {"coalition", "political_bloc"},
    "coalition": {"coalition", "political_bloc"},
}
_USING_VERBS = frozenset(
    {"use", "run", "operate", "control", "hold", "occupy", "own", "man", "command", "staff"}
)
_ALLEGIANCE = frozenset({"loyal", "affiliated", "allied", "belonging", "linked", "answerable"})
_QUANTITY_NOUNS = frozenset(
    {
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "series",
        "wave",
        "string",
        "number",
        "spate",
        "barrage",
        "volley",
        "salvo",
        "campaign",
        "round",
    }
)
_OUT_WORDS = frozenset({"out", "home", "away"})
_CONFIDENCE = {
    "verb": 0.85,
    "verb-passive": 0.8,
    "participle": 0.8,
    "noun": 0.7,
    "mutual": 0.7,
    "prefix": 0.75,
    "polarity": 0.65,
    "role": 0.8,
    "title": 0.6,
    "demand": 0.75,
    "accusation": 0.6,
    "labelling": 0.7,
}


@dataclass
class Candidate:
    relation: str
    sources: list[TokenMention]
    targets: list[TokenMention]
    cue: Token
    rule: str


@dataclass(frozen=True)
class Rejected:
    """A reading a rule made and the engine refused, and why (for `graphx explain`)."""

    relation: str
    source: TokenMention
    target: TokenMention
    rule: str
    reason: str


@dataclass
class Found:
    """A relation between two mentions in one sentence, with its context."""

    relation: str
    source: TokenMention
    target: TokenMention
    cue: Token
    rule: str
    confidence: float
    negated: bool
    claimant: TokenMention | None


class RuleEngine:
    """Applies the rules to the sentences of one document."""

    def __init__(self, lexicon: Lexicon, kb: KnowledgeBase) -> None:
        self.lex = lexicon
        self.kb = kb
        self._event_nouns = set(lexicon.nouns)
        self._withdrawal_nouns = {n for n, r in lexicon.nouns.items() if r == "demands_withdrawal"}
        self._removal_verbs = {
            v
            for v, cues in lexicon.verbs.items()
            if any(c.relation == "demands_withdrawal" for c in cues)
        }
        self._words = lexicon.words

    # ----------------------------------------------------------------- entry point
    def relations(
        self, sent: Span, dm: DocMentions, trace: list[Rejected] | None = None
    ) -> list[Found]:
        """The relations the rules read in `sent`; with `trace`, each reading refused is
        appended to it with its reason."""
        self.dm = dm
        self._starts = [m.start for m in dm.mentions]
        candidates: list[Candidate] = []
        for token in sent:
            candidates.extend(self._candidates(token))
        for link in dm.title_links:
            if sent.start <= link.person.start < sent.end:
                body = link.office.body
                target = TokenMention(
                    link.title_start,
                    link.person.start,
                    self.kb.get(body),
                    "title",
                    link.person.sentence,
                )
                candidates.append(
                    Candidate(
                        link.office.relation,
                        [link.person],
                        [target],
                        sent.doc[link.title_start],
                        "title",
                    )
                )
        found: dict[tuple[str, str, str], Found] = {}
        for candidate in candidates:
            negated, claimant, accusation = self._context(candidate.cue, sent)
            for source in _unique(candidate.sources):
                for target in _unique(candidate.targets):
                    reason = self._rejection(candidate.relation, source, target)
                    if reason is not None:
                        if trace is not None:
                            trace.append(
                                Rejected(candidate.relation, source, target, candidate.rule, reason)
                            )
                        continue
                    confidence = self._confidence(candidate.rule, source, target)
                    item = Found(
                        candidate.relation,
                        source,
                        target,
                        candidate.cue,
                        candidate.rule,
                        confidence,
                        negated,
                        claimant,
                    )
                    key = (source.actor.id, candidate.relation, target.actor.id)
                    if key not in found or _better(item, found[key]):
                        if trace is not None and key in found:
                            old = found[key]
                            trace.append(
                                Rejected(
                                    old.relation,
                                    old.source,
                                    old.target,
                                    old.rule,
                                    f"a better reading of the same triple ({item.rule})",
                                )
                            )
                        found[key] = item
                    elif trace is not None:
                        trace.append(
                            Rejected(
                                item.relation,
                                source,
                                target,
                                item.rule,
                                f"a better reading of the same triple ({found[key].rule})",
                            )
                        )
                    if (
                        accusation
                        and claimant is not None
                        and not negated
                        and self.lex.weight(candidate.relation) < 0
                        and claimant.actor.id != source.actor.id
                    ):
                        accused = Found(
                            "opposes",
                            claimant,
                            source,
                            candidate.cue,
                            "accusation",
                            _CONFIDENCE["accusation"],
                            False,
                            claimant,
                        )
                        found.setdefault((claimant.actor.id, "opposes", source.actor.id), accused)
        return list(found.values())

    def _rejection(self, relation: str, source: TokenMention, target: TokenMention) -> str | None:
        """Why a reading says nothing (None: it is acceptable)."""
        if source.actor.id == target.actor.id:
            return "the same actor at both ends"
        if (source.start, source.end) == (target.start, target.end):
            return "one mention at both ends"
        if relation not in _STRUCTURAL:
            # "US forces support the US" says nothing: a state's own organs do not act on it.
            # (Iran backing the Houthis of its "axis" is news, so this is limited to one state.)
            for inner, outer in ((source.actor, target.actor), (target.actor, source.actor)):
                if outer.id in self.kb.ancestors(inner.id) and _same_state(inner, outer):
                    return (
                        f"{inner.name} is an organ of {outer.name}: a state does not act on itself"
                    )
        return None

    def _confidence(self, rule: str, source: TokenMention, target: TokenMention) -> float:
        value = _CONFIDENCE.get(rule, 0.6)
        for mention in (source, target):
            if mention.kind == "coref":
                value *= 0.85
            elif mention.kind == "title":
                value *= 0.9
            elif mention.kind == GENERIC:
                value *= 0.85
            if mention.actor.provisional:
                value *= 0.8
        return round(value, 3)

    # ----------------------------------------------------------------- cues
    def _candidates(self, token: Token) -> Iterator[Candidate]:
        lemma = token.lemma_.lower()
        lower = token.lower_
        if token.pos_ in _VERBAL:
            if lemma in self.lex.leave_verbs:
                yield from self._leave(token, lemma)
            if lemma in self.lex.verbs and token.dep_ != "amod":
                yield from self._verb(token, lemma)
            if lemma in self._words["demand_verbs"]:
                yield from self._want_out(token)
            if lemma in self._words["labelling_verbs"]:
                yield from self._labelling(token)
        if lower in self.lex.prefixes and token.i >= 2 and token.nbor(-1).text in {"-", "–"}:
            yield from self._prefix(token, lower)
        if lower in self.lex.polarity_prefixes:
            yield from self._polarity(token, lower)
        if token.pos_ == "ADJ" and lemma in self.lex.adjectives:
            yield from self._adjective(token, lemma)
        if token.pos_ in _NOMINAL:
            if lemma in self._withdrawal_nouns:
                yield from self._withdrawal_noun(token)
            elif lemma in self._event_nouns or lemma in self.lex.mutual_nouns:
                yield from self._event_noun(token, lemma)
            if lemma in self.lex.roles:
                yield from self._role(token, lemma)

    def _verb(self, verb: Token, lemma: str) -> Iterator[Candidate]:
        particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        # "are armed and trained by Iran": conjoined participles share subject and agent
        shares_passive = (
            verb.dep_ == "conj"
            and verb.tag_ == "VBN"
            and (_is_passive(verb.head) or verb.head.dep_ == "acomp")
        )
        passive = _is_passive(verb) or shares_passive
        if verb.dep_ == "acl" and lemma in self._words["blame_verbs"]:
            return  # "an attack blamed on X": X is the event's agent (see _noun_owner)
        for cue in self.lex.verbs[lemma]:
            if cue.particle is not None and cue.particle not in particles:
                continue
            idiom_object = _idiom_object(verb, cue.objects) if cue.objects else None
            if cue.objects and idiom_object is None:
                continue  # "went to Baghdad with" is not "went to war with"
            if cue.relation == "demands_withdrawal" and not cue.objects:
                yield from self._removal(verb)
                continue
            if cue.preps:
                heads = [verb] if idiom_object is None else [verb, idiom_object]
                targets = [p for head in heads for p in _prep_objects(head, cue.preps)]
                sources = self.agents(verb)
                if not sources and passive and cue.preps == ("with",) and not self._by_agents(verb):
                    # "the Houthis, who are allied with Iran": a stative participle whose
                    # subject holds the relation
                    sources = self._subjects(verb, {"nsubjpass"})
                rule = "verb"
            elif idiom_object is not None:
                # "brought Maliki to power": the target is the object the idiom's own is not
                targets = [
                    c for c in verb.children if c.dep_ in {"dobj", "dative"} and c != idiom_object
                ]
                sources = self.agents(verb)
                rule = "verb"
            elif verb.dep_ == "acl" and verb.tag_ == "VBN":
                targets = [verb.head]
                sources = self._by_agents(verb)
                rule = "participle"
            elif passive:
                carrier = verb.head if shares_passive else verb
                targets = [c for c in carrier.children if c.dep_ == "nsubjpass"]
                if not targets and carrier.dep_ == "acomp":  # "are armed and trained by Iran"
                    targets = [c for c in carrier.head.children if c.dep_ == "nsubj"]
                if carrier.dep_ == "relcl" and any(t.lower_ in _RELATIVE for t in targets):
                    targets = [carrier.head]
                sources = self._by_agents(verb) or [
                    m
                    for other in verb.conjuncts
                    if other.tag_ == "VBN"
                    for m in self._by_agents(other)
                ]
                rule = "verb-passive"
            else:
                targets = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
                if (
                    not targets
                    and verb.dep_ == "relcl"
                    and not any(c.dep_ == "prep" for c in verb.children)
                ):
                    targets = [verb.head]  # "the militia al-Muhandis founded"
                sources = self.agents(verb)
                rule = "verb"
            if not targets or not sources:
                continue
            resolved = [m for t in targets for m in self.resolve_target(t, cue.relation)]
            if resolved:
                yield Candidate(cue.relation, sources, resolved, verb, rule)

    def _labelling(self, verb: Token) -> Iterator[Candidate]:
        """ "The Houthis called the United States the greatest enemy", "branded the group
        terrorists", "described him as a killer": naming an actor with a hostile label."""
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
        hostile = self._words["hostile_labels"]
        words = [
            w.lemma_.lower()
            for label in labels
            for w in [label, *label.children]
            if w is label or w.dep_ in {"amod", "compound"}  # "a terrorist entity"
        ]
        if not any(word in hostile for word in words):
            return
        if any(self.dm.at(label) is not None for label in labels):
            return  # "called Hezbollah Iran's proxy": the label names an actor itself
        targets = [m for c in named for m in self.resolve(c)]
        sources = self.agents(verb)
        if targets and sources:
            yield Candidate("opposes", sources, targets, verb, "labelling")

    def _removal(self, verb: Token) -> Iterator[Candidate]:
        targets = [
            m
            for c in verb.children
            if c.dep_ in {"dobj", "dative", "nsubjpass"}
            for m in self.resolve(c)
        ]
        if not targets:
            return
        demanders, voted = self._demander(verb)
        if not demanders:
            demanders = self.agents(verb)
        relation = "votes_against" if voted else "demands_withdrawal"
        if demanders:
            yield Candidate(relation, demanders, targets, verb, "demand")

    def _leave(self, verb: Token, lemma: str) -> Iterator[Candidate]:
        allowed = self.lex.leave_verbs[lemma]
        particles = {c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod"}}
        if None not in allowed and not (particles & {p for p in allowed if p}):
            return
        if lemma in {"withdraw", "pull", "evacuate"} and any(
            c.dep_ == "dobj" for c in verb.children
        ):
            return  # "withdraw troops": the subject moves its own forces, no one demands it
        leavers = [m for c in verb.children if c.dep_ in _SUBJECTS for m in self.resolve(c)]
        head = verb.head
        if not leavers and verb.dep_ in {"xcomp", "ccomp"}:
            leavers = [
                m for c in head.children if c.dep_ in {"dobj", "dative"} for m in self.resolve(c)
            ]
            if not leavers and head.dep_ == "xcomp" and head.head.lemma_ in _CAUSATIVE:
                leavers = self.agents(head)
        if not leavers:
            return
        demanders, voted = self._demander(verb)
        if demanders:
            yield Candidate(
                "votes_against" if voted else "demands_withdrawal",
                demanders,
                leavers,
                verb,
                "demand",
            )

    def _want_out(self, verb: Token) -> Iterator[Candidate]:
        """ "Iraqis want US forces out": a demand verb with an object and "out"."""
        objects = [c for c in verb.children if c.dep_ in _OBJECTS]
        if not any(
            c.lower_ in _OUT_WORDS and c.dep_ in {"prt", "advmod", "prep", "advcl"}
            for t in [verb, *objects]
            for c in t.children
        ):
            return
        targets = [m for c in verb.children if c.dep_ in _OBJECTS for m in self.resolve(c)]
        sources = self.agents(verb)
        if targets and sources:
            yield Candidate("demands_withdrawal", sources, targets, verb, "demand")

    def _withdrawal_noun(self, noun: Token) -> Iterator[Candidate]:
        leavers: list[TokenMention] = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                leavers += [m for p in child.children if p.dep_ == "pobj" for m in self.resolve(p)]
            elif child.dep_ in {"poss", "compound"}:
                leavers += self.resolve(child)
        demanders, voted = self._demander(noun)
        if not demanders:
            return
        family = {a for d in demanders for a in self.kb.ancestors(d.actor.id)}
        leavers = [m for m in leavers if m.actor.id not in family]
        if not leavers and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
            leavers = self._earlier_leaver(noun, family)  # "voted for its departure"
        if leavers:
            yield Candidate(
                "votes_against" if voted else "demands_withdrawal",
                demanders,
                leavers,
                noun,
                "demand",
            )

    def _earlier_leaver(self, noun: Token, family: set[str]) -> list[TokenMention]:
        """The force a possessive pronoun names, from the sentence before, never the demander."""
        here = self.dm.sentence_of[noun.i]
        for mention in self._earlier(noun, 1):
            if (
                mention.sentence < here
                and mention.actor.id not in family
                and mention.actor.type in {"coalition", "armed_group", "state"}
            ):
                return [_as_coref(mention, noun)]
        return []

    def _demander(self, token: Token) -> tuple[list[TokenMention], bool]:
        """Who asks for the removal `token` names, climbing demand verbs and nouns above it."""
        best: list[TokenMention] = []
        voted = False
        current = token
        for _ in range(8):
            head = current.head
            if head is current or current.dep_ in {"relcl", "conj"}:
                break
            if current.dep_ == "advcl" and not _infinitival(current):
                break
            lemma = _verb_lemma(head)
            if head.pos_ in _VERBAL or lemma != head.lemma_.lower():
                if lemma in self._words["attribution_verbs"] and lemma not in {
                    "call",
                    "vow",
                    "pledge",
                    "promise",
                }:
                    break
                if lemma in self._words["demand_verbs"] or lemma in self._words["control_verbs"]:
                    voted = voted or lemma == "vote"
                    own = self._own_agents(head)
                    if own:
                        best = own
                elif lemma not in _CAUSATIVE and lemma not in self._words["light_verbs"]:
                    break
            elif head.pos_ in _NOMINAL:
                if lemma in self._words["demand_nouns"] or lemma in self._words["control_nouns"]:
                    voted = voted or lemma == "vote"
                    own = self._noun_owner(head)
                    if own:
                        best = own
                else:
                    break
            elif head.pos_ not in {"ADP", "PART", "SCONJ", "ADJ"}:
                break
            current = head
        return best, voted

    def _prefix(self, token: Token, word: str) -> Iterator[Candidate]:
        """ "Iran-backed militias", "US-led coalition", "Hamas-led attack"."""
        relation, inverse = self.lex.prefixes[word]
        modifier = self.dm.by_token.get(token.i - 2)
        if modifier is None:
            return
        if modifier.end > token.i:  # the prefix is inside a longer name: "US-led coalition"
            inner = self.kb.find(token.doc[modifier.start : token.i - 1].text)
            if not inner or inner[0].id == modifier.actor.id:
                return
            holder = modifier
            if _same_state(holder.actor, inner[0]):
                return  # "US-led forces" are the US's own
            modifier = TokenMention(
                modifier.start, token.i - 1, inner[0], "alias", modifier.sentence
            )
            sources, targets = ([modifier], [holder]) if not inverse else ([holder], [modifier])
            yield Candidate(
                "leads" if word == "led" else relation, sources, targets, token, "prefix"
            )
            return
        head = token.head if token.head is not token else token
        if head.lemma_.lower() in self._event_nouns:
            return  # "Hamas-led attack": the prefix names the attack's agent (see _noun_owner)
        heads = self._resolve_one(head, 0)
        if heads:
            heads = self.resolve(head)
        if not heads:
            return
        sources, targets = ([modifier], heads) if not inverse else (heads, [modifier])
        if word == "led":
            relation = "leads"
        yield Candidate(relation, sources, targets, token, "prefix")

    def _polarity(self, token: Token, word: str) -> Iterator[Candidate]:
        """ "pro-Iran factions": factions support Iran; "anti-US militias": they oppose it."""
        index = token.i + 1
        if index < len(token.doc) and token.doc[index].text in {"-", "–"}:
            index += 1
        modifier = self.dm.by_token.get(index) if index < len(token.doc) else None
        if modifier is None:
            return
        holder = token.doc[modifier.end - 1]
        for _ in range(3):
            holder = holder.head
            if holder.i >= modifier.end and holder.pos_ in _NOMINAL:
                break
        if holder.i < modifier.end:
            return
        holders = self.resolve(holder)
        if holders:
            yield Candidate(
                self.lex.polarity_prefixes[word], holders, [modifier], token, "polarity"
            )

    def _event_noun(self, noun: Token, lemma: str) -> Iterator[Candidate]:
        relation = self.lex.nouns.get(lemma) or self.lex.mutual_nouns[lemma]
        mutual = self.lex.mutual_nouns.get(lemma)
        modifiers = [m for m in self._modifier_mentions(noun)]
        if mutual and len({m.actor.id for m in modifiers}) >= 2:
            yield Candidate(mutual, [modifiers[0]], modifiers[1:], noun, "mutual")
            return
        between = [
            p
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "between"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        if mutual and between:
            sides = self.resolve(between[0])
            if len(sides) >= 2:
                yield Candidate(mutual, sides[:1], sides[1:], noun, "mutual")
                return
        preps = self.lex.noun_preps.get(lemma, frozenset())
        targets: list[TokenMention] = []
        for child in noun.children:
            if child.dep_ != "prep" or child.lower_ not in preps:
                continue
            if child.lower_ == "of" and relation == "supports":
                continue  # "with the support of X": X is the supporter
            for pobj in (p for p in child.children if p.dep_ == "pobj"):
                resolved = self.resolve_target(pobj, relation)
                if child.lower_ in {"in", "within"}:
                    resolved = self._located_targets(noun, resolved)
                targets += resolved
        agents = self._noun_owner(noun)
        if not targets:
            # "Israel's Gaza campaign": the possessor acts, a modifying name is the target.
            possessors = [m for c in noun.children if c.dep_ == "poss" for m in self.resolve(c)]
            if possessors:
                targets = [m for m in modifiers if m not in possessors]
        elif (
            not agents
            and noun.dep_ == "dobj"
            and noun.head.lemma_.lower() in self._words["recipient_verbs"]
        ):
            return
        if not agents:
            agents = self._event_agent_from_context(noun)
        recipient = self._recipient(noun)
        if recipient and relation in {"supports", "opposes", "threatens"}:
            targets = targets or recipient
        if mutual and not targets and len({m.actor.id for m in agents}) >= 2:
            yield Candidate(mutual, agents[:1], agents[1:], noun, "mutual")  # "X and Y held talks"
            return
        if agents and targets:
            yield Candidate(relation, agents, targets, noun, "noun")

    def _adjective(self, adjective: Token, lemma: str) -> Iterator[Candidate]:
        """ "factions close to Iran", "the group is hostile to Washington"."""
        relation, preps = self.lex.adjectives[lemma]
        targets = [
            m
            for c in adjective.children
            if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children
            if p.dep_ == "pobj"
            for m in self.resolve(p)
        ]
        if not targets:
            return
        head = adjective.head
        if adjective.dep_ in {"acomp", "attr"} and head.pos_ in _VERBAL:
            holders = self.agents(head)
        elif adjective.dep_ in {"amod", "acl", "appos"} and head.pos_ in _NOMINAL:
            holders = self.resolve(head)
        else:
            return
        target_ids = {t.actor.id for t in targets}
        if holders and not target_ids & {h.actor.id for h in holders}:
            # ("lawmakers loyal to X and Y" already resolved to X and Y: nothing more to say)
            yield Candidate(relation, holders, targets, adjective, "adjective")

    def _located_targets(self, noun: Token, places: list[TokenMention]) -> list[TokenMention]:
        """ "an offensive in Gaza" hits its people, and an armed group's attack inside a state
        hits that state; "US strikes in Iraq" do not make Iraq the target."""
        if noun.lemma_.lower() in self.lex.mutual_nouns:
            return [p for p in places if p.actor.type == "population"]  # "the ISIS war in Iraq"
        agents = self._noun_owner(noun)
        kept = []
        for place in places:
            foreign_group = bool(agents) and all(
                a.actor.type == "armed_group" and a.actor.country != place.actor.id for a in agents
            )
            if place.actor.type == "population" or (foreign_group and place.actor.type == "state"):
                kept.append(place)
        return kept

    def _recipient(self, noun: Token) -> list[TokenMention]:
        """ "militias who enjoy support from X": the subject of a receiving verb is the target."""
        head = noun.head
        if noun.dep_ == "dobj" and head.lemma_.lower() in self._words["recipient_verbs"]:
            return self.agents(head)
        return []

    def _role(self, noun: Token, lemma: str) -> Iterator[Candidate]:
        relation, inverse = self.lex.roles[lemma]
        others: list[TokenMention] = []
        # "a faction within the PMF" names the whole; "Iran's ally in Lebanon" names a place
        preps = (
            {"of", "to", "for", "in", "within"} if relation == "part_of" else {"of", "to", "for"}
        )
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                others += [
                    m
                    for p in child.children
                    if p.dep_ == "pobj"
                    for m in self.resolve_target(p, relation)
                ]
            elif child.dep_ in {"poss", "compound"}:
                others += self.resolve(child)
        if lemma == "part" and not others:
            return
        holders: list[TokenMention] = []
        head = noun.head
        if noun.dep_ in {"attr", "acomp"} and head.lemma_ == "be":
            holders = self.agents(head)
        elif noun.dep_ == "appos":
            holders = self._resolve_one(head, 0)
        elif noun.dep_ == "compound" and self.dm.at(head) is not None:
            holders = [self.dm.at(head)]
        elif noun.dep_ == "pobj" and head.lower_ in {"as", "among"}:
            governor = head.head
            objects = [c for c in governor.children if c.dep_ in _OBJECTS]
            if governor.pos_ in _VERBAL and objects and head.lower_ == "as" and relation == "leads":
                holders = [m for o in objects for m in self.resolve(o)]  # "chose X as premier"
            elif governor.pos_ in _VERBAL:
                holders = self.agents(governor)
            else:
                holders = self._noun_owner(governor) or self._event_agent_from_context(governor)
        if not holders:
            holders = [m for c in noun.children if c.dep_ == "appos" for m in self.resolve(c)]
            others = [m for m in others if m not in holders]
        holder_ids = {h.actor.id for h in holders}
        pronoun_owner = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)
        if holders and others and pronoun_owner and all(o.actor.id in holder_ids for o in others):
            others = self._previous_subject(noun)  # "X and Y are among its members"
        others = [o for o in others if o.actor.id not in holder_ids]
        if holders and others:
            sources, targets = (others, holders) if inverse else (holders, others)
            yield Candidate(relation, sources, targets, noun, "role")

    # ----------------------------------------------------------------- agents
    def agents(self, verb: Token, depth: int = 0) -> list[TokenMention]:
        """The actors doing what `verb` says, inherited through control and coordination."""
        if depth > 6:
            return []
        if _is_passive(verb):
            by = self._by_agents(verb)
            if by:
                return by
            if depth > 0:
                # "which was engaged in fighting X": the passive subject does the embedded act
                patients = self._subjects(verb, {"nsubjpass"})
                if patients:
                    return patients
            if verb.dep_ not in {"xcomp", "conj", "advcl"}:
                return []
            if any(c.dep_ == "nsubjpass" for c in verb.children):
                # "..., and Syria was shipped rockets": a passive with a subject of its own
                # inherits no agent from the clause it is joined to
                return []
        own = self._own_agents(verb)
        if own:
            return own
        if any(c.dep_ in _SUBJECTS for c in verb.children):
            return []  # it has a subject, just not an actor
        head = verb.head
        if head is verb:
            return []
        if verb.dep_ == "advcl" and _subordinated(verb):
            return []  # "after a strike killed X": the clause has an agent of its own, or none
        if verb.dep_ == "pcomp" and head.lower_ in {"of", "for"}:
            accuser = head.head
            accused = [c for c in accuser.children if c.dep_ in _OBJECTS]
            if accused and accuser.lemma_.lower() in self._words["accusation_verbs"]:
                return [m for c in accused for m in self.resolve(c)]  # "accused X of bombing"
        if verb.dep_ in {"xcomp", "advcl", "conj", "pcomp"}:
            if verb.dep_ == "pcomp":
                head = head.head
            if head.pos_ in _VERBAL:
                return self.agents(head, depth + 1)
            if head.pos_ in _NOMINAL:
                return self._noun_owner(head) or self._event_agent_from_context(head, depth + 1)
        if verb.dep_ == "acl":
            if (
                head.lemma_.lower() in self._words["control_nouns"]
                or head.lemma_.lower() in self._event_nouns
            ):
                return self._noun_owner(head) or self._event_agent_from_context(head, depth + 1)
            return self.resolve(head)
        return []

    def _own_agents(self, verb: Token) -> list[TokenMention]:
        if _is_passive(verb):
            return self._by_agents(verb)
        return self._subjects(verb, _SUBJECTS)

    def _subjects(self, verb: Token, deps: frozenset[str] | set[str]) -> list[TokenMention]:
        out: list[TokenMention] = []
        for subject in (c for c in verb.children if c.dep_ in deps):
            if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
                antecedent = verb.head
                out += self.resolve(antecedent) or self._noun_owner(antecedent)
            else:
                out += self.resolve(subject) or (
                    self._noun_owner(subject) if subject.lemma_.lower() in self._event_nouns else []
                )
        return out

    def _by_agents(self, verb: Token) -> list[TokenMention]:
        """ "killed by Kataib Hezbollah", "killed by a US drone strike" (the strike's owner)."""
        return [
            m
            for c in verb.children
            if c.dep_ == "agent"
            for p in c.children
            if p.dep_ == "pobj"
            for m in (
                self.resolve(p)
                or (self._noun_owner(p) if p.lemma_.lower() in self._event_nouns else [])
            )
        ]

    def _noun_owner(self, noun: Token) -> list[TokenMention]:
        """Who owns an event or statement noun: "Washington's support", "a U.S. airstrike",
        "attacks by armed groups", "support from the government", "the Hamas-led attack"."""
        owners: list[TokenMention] = []
        for child in noun.children:
            if child.dep_ == "poss":
                owners += self.resolve(child)
            elif child.dep_ in {"compound", "amod", "nmod"}:
                mention = self.dm.at(child)
                if mention is not None and mention.actor.type != "population":
                    owners.append(mention)
                elif child.lower_ in {"led", "backed"} and child.i >= 2:
                    led_by = self.dm.by_token.get(child.i - 2)
                    if led_by is not None:
                        owners.append(led_by)
            elif child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "from"}:
                owners += [m for p in child.children if p.dep_ == "pobj" for m in self.resolve(p)]
        # "an attack attributed to Kataib Hezbollah", "the strike blamed on Israel", and "an
        # attack on US forces blamed on X", where the parser hangs the participle on the target
        carriers = [noun] + [
            p for c in noun.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
        ]
        owners += [
            m
            for carrier in carriers
            for acl in carrier.children
            if acl.dep_ == "acl" and acl.lemma_.lower() in self._words["blame_verbs"]
            for m in self._blamed(acl)
        ]
        return _unique(owners)

    def _blamed(self, verb: Token) -> list[TokenMention]:
        """Whom a blaming verb puts an event on: "attributed to X", "blamed on X"."""
        return [m for p in _prep_objects(verb, ("to", "on")) for m in self.resolve(p)]

    def _event_agent_from_context(self, noun: Token, depth: int = 0) -> list[TokenMention]:
        """An event noun without its own agent takes the subject of the verb that carries it
        ("launched attacks", "expressed interest in negotiating", "calls for a withdrawal")."""
        head = noun.head
        if head is noun or depth > 6:
            return []
        lemma = head.lemma_.lower()
        if noun.dep_ == "nsubjpass" and lemma in self._words["blame_verbs"]:
            # "the strike on Hezbollah was attributed to Israel"
            return self._blamed(head)
        if noun.dep_ in {"dobj", "attr"} and head.pos_ in _VERBAL:
            if lemma in self._words["recipient_verbs"]:
                return []
            if lemma in self._words["light_verbs"] or lemma in self._words["control_verbs"]:
                return self.agents(head, depth + 1)
        if noun.dep_ == "pobj" and head.pos_ == "ADP":
            governor = head.head
            glemma = governor.lemma_.lower()
            if head.lower_ == "for" and glemma == "responsible" and governor.dep_ == "acomp":
                return self.agents(governor.head, depth + 1)  # "the group was responsible for"
            if (
                head.lower_ == "for"
                and glemma in self._words["responsibility_nouns"]
                and governor.dep_ == "dobj"
                and governor.head.lemma_.lower() in self._words["responsibility_verbs"]
            ):
                # "Kataib Hezbollah claimed responsibility for the attack on US forces"
                return self.agents(governor.head, depth + 1)
            if (
                head.lower_ == "for"
                and governor.pos_ in _VERBAL
                and glemma in self._words["blame_verbs"]
            ):
                # "Washington blamed Kataib Hezbollah for the rocket fire" (or "... was blamed
                # for"): the one blamed is the agent; the blamer's claim is the evidence
                return [
                    m
                    for c in governor.children
                    if c.dep_ in {"dobj", "nsubjpass"}
                    for m in self.resolve(c)
                ]
            if head.lower_ == "of" and glemma in _QUANTITY_NOUNS:
                return self._event_agent_from_context(governor, depth + 1)  # "dozens of attacks"
            if governor.pos_ in _VERBAL and (
                glemma in self._words["demand_verbs"]
                or glemma in self._words["control_verbs"]
                or glemma in self._words["light_verbs"]
            ):
                return self.agents(governor, depth + 1)
            if governor.pos_ in _NOMINAL and (
                glemma in self._words["control_nouns"] or glemma in self._words["demand_nouns"]
            ):
                return self._noun_owner(governor) or self._event_agent_from_context(
                    governor, depth + 1
                )
        return []

    # ----------------------------------------------------------------- arguments
    def resolve_target(self, token: Token, relation: str) -> list[TokenMention]:
        """A target; an event noun in target position stands for its agent ("condemned U.S.
        strikes", "critics of Israel's campaign")."""
        found = self.resolve(token)
        if not found and relation in {"opposes", "supports", "threatens"}:
            lemma = token.lemma_.lower()
            if lemma in self._event_nouns or lemma in self.lex.mutual_nouns:
                found = self._noun_owner(token)
        return found

    def resolve(self, token: Token) -> list[TokenMention]:
        """The actors a noun phrase headed by `token` stands for, with its coordinated phrases."""
        out = self._resolve_one(token, 0)
        for conjunct in token.conjuncts:
            if conjunct.i > token.i:
                out += self._resolve_one(conjunct, 0)
        # "the UK, Australia and a few other nations": a list parsed as apposition
        for child in token.children:
            if child.dep_ == "appos" and out and self.dm.at(child) is not None:
                listed = self._resolve_one(child, 0)
                if listed and all(m.actor.type == out[0].actor.type for m in listed):
                    out += listed
                    for conjunct in child.conjuncts:
                        if conjunct.i > child.i:
                            out += self._resolve_one(conjunct, 0)
        return _unique(out)

    def _resolve_one(self, token: Token, depth: int) -> list[TokenMention]:
        if depth > 4:
            return []
        named = self._named_container(token)
        if named:
            return named
        mention = self.dm.at(token)
        if mention is not None:
            return self._from_mention(token, mention)
        if token.dep_ == "appos" and token.pos_ in _NOMINAL:
            # "Asaib Ahl al-Haq, an Iran-backed militia": the description is the named actor
            anchor = self.dm.at(token.head)
            if anchor is not None:
                return self._from_mention(token.head, anchor)
        lemma = token.lemma_.lower()
        if token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
            # "the Houthis, who are allied with Iran": the relative pronoun is its antecedent
            return self._resolve_one(token.head.head, depth + 1)
        if token.pos_ == "PRON":
            return self._coref_pronoun(token)
        lower = token.lower_
        if (
            lemma in AGENT_NOUNS
            or lemma in PROXY_NOUNS
            or lower in AGENT_NOUNS
            or lower in PROXY_NOUNS
        ):
            owner = self._owner(token, depth)
            if owner:
                return owner
        if lemma in GROUP_NOUNS or token.lower_ in GROUP_NOUNS:
            found = self._named(token) or self._included(token)
            if found:
                return found
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found = self._resolve_one(pobj, depth + 1)
                            if found:
                                return found
            owner = self._owner(token, depth)
            if owner:
                return owner
            if any(
                c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"}
                for c in token.children
            ):
                return self._coref_group(token)
        for child in token.children:
            if child.dep_ == "appos":
                found = self._resolve_one(child, depth + 1)
                if found:
                    return found
        return []

    def _from_mention(self, token: Token, mention: TokenMention) -> list[TokenMention]:
        if mention.kind == GENERIC or token.lemma_.lower() in GROUP_NOUNS:
            named = self._named(token)  # "militias calling themselves Kataib Hezbollah"
            if named:
                return named
            loyal = self._allegiance(token)
            if loyal:
                return loyal  # "lawmakers loyal to Moqtada al-Sadr" act for Sadr's side
        if mention.kind == DEMONYM and token.pos_ == "ADJ":
            return []  # "Iraqi soil": a demonym modifying something that is not an actor
        if mention.kind == GENERIC:
            # "Iran's parliament": the generic name is for another country's body
            for child in token.children:
                other = self.dm.at(child)
                if (
                    child.dep_ in _MODIFIER_DEPS
                    and other is not None
                    and other is not mention
                    and other.actor.type == "state"
                    and other.actor.id != mention.actor.country
                ):
                    return [other]
            included = self._included(token)
            if included:
                return included
        if mention.actor.type in group_types():
            included = self._included(token)
            if included:
                return included
        return [mention]

    def _owner(self, noun: Token, depth: int) -> list[TokenMention]:
        """ "US forces", "Iraq's government", "the government of Iraq", "US-led forces"."""
        for child in noun.children:
            if child.dep_ in _MODIFIER_DEPS:
                mention = self.dm.at(child)
                if mention is not None:
                    # "Iraqi and American officials": both countries' officials
                    others = [self.dm.at(c) for c in child.conjuncts if self.dm.at(c) is not None]
                    return _unique([mention, *others])
                if child.dep_ == "poss" and child.pos_ == "PRON":
                    return self._coref_pronoun(child)
                if child.lower_ == "led" and child.i >= 2 and self.dm.by_token.get(child.i - 2):
                    return [self.dm.by_token[child.i - 2]]
            loyal = self._loyal_to(child)  # "fighters loyal to Moqtada al-Sadr"
            if loyal:
                return loyal
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self._resolve_one(pobj, depth + 1)
            if child.dep_ == "acl" and child.lemma_.lower() in _USING_VERBS:
                by = self._by_agents(child)  # "bases used by the groups"
                if by:
                    return by
        return []

    def _allegiance(self, noun: Token) -> list[TokenMention]:
        for child in noun.children:
            loyal = self._loyal_to(child)
            if loyal:
                return loyal
        return []

    def _loyal_to(self, modifier: Token) -> list[TokenMention]:
        """Whom a modifier such as "loyal to X" or "affiliated with X" names."""
        if modifier.dep_ not in {"amod", "acl"} or modifier.lemma_.lower() not in _ALLEGIANCE:
            return []
        for prep in modifier.children:
            if prep.dep_ == "prep":
                return [m for p in prep.children if p.dep_ == "pobj" for m in self.resolve(p)]
        return []

    def _named(self, noun: Token) -> list[TokenMention]:
        """ "a group ... calling itself the Islamic Resistance in Iraq", "known as X"."""
        for child in noun.children:
            if child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in naming_verbs():
                for grand in child.subtree:
                    if grand is child or grand.i < child.i:
                        continue
                    mention = self.dm.at(grand)
                    if mention is not None:
                        return [mention]
        return []

    def _named_container(self, token: Token) -> list[TokenMention]:
        """ "militias" in "a group of militias calling itself X" is X."""
        if token.dep_ == "pobj" and token.head.lower_ == "of":
            container = token.head.head
            if container.lemma_.lower() in GROUP_NOUNS and container is not token:
                return self._named(container)
        return []

    def _included(self, noun: Token) -> list[TokenMention]:
        """ "the armed groups, including Kataeb Hezbollah and al-Nujaba"."""
        for child in noun.children:
            if (child.dep_ == "prep" and child.lower_ in {"including", "like"}) or (
                child.dep_ == "prep" and child.lower_ == "as" and child.nbor(-1).lower_ == "such"
            ):
                members = [m for p in child.children if p.dep_ == "pobj" for m in self.resolve(p)]
                if members:
                    return members
        return []

    def _modifier_mentions(self, noun: Token) -> list[TokenMention]:
        found = []
        for token in noun.subtree:
            if token.i >= noun.i:
                break
            mention = self.dm.at(token)
            if (
                mention is not None
                and mention not in found
                and token.dep_ in _MODIFIER_DEPS | {"punct"}
            ):
                found.append(mention)
        return found

    # ----------------------------------------------------------------- coreference
    def _earlier(self, token: Token, window: int) -> Iterable[TokenMention]:
        """Mentions before `token`, nearest first, within `window` sentences."""
        sentence = self.dm.sentence_of[token.i]
        index = bisect.bisect_left(self._starts, token.i) - 1
        while index >= 0:
            mention = self.dm.mentions[index]
            if sentence - mention.sentence > window:
                return
            if mention.end <= token.i:
                yield mention
            index -= 1

    def _coref_pronoun(self, pronoun: Token) -> list[TokenMention]:
        if is_person_pronoun(pronoun):
            for mention in self._earlier(pronoun, 2):
                if mention.actor.type == "person":
                    return [_as_coref(mention, pronoun)]
            return []
        if is_plural_pronoun(pronoun):
            return [_as_coref(m, pronoun) for m in self._plural_antecedent(pronoun)]
        if pronoun.lower_ in {"it", "its", "itself"}:
            return [_as_coref(m, pronoun) for m in self._singular_antecedent(pronoun)]
        return []

    def _singular_antecedent(self, pronoun: Token) -> list[TokenMention]:
        """ "it" / "its" for an organisation or state: the subject above an embedded "it", or
        the nearest such actor earlier in the sentence for "its"."""
        if pronoun.lower_ == "it" and pronoun.dep_ in {"nsubj", "nsubjpass"}:
            clause = pronoun.head
            if clause.dep_ == "ccomp":
                return [m for m in self._own_agents(clause.head) if m.actor.type != "person"]
            return []
        if pronoun.lower_ != "its":
            return []
        for mention in self._earlier(pronoun, 0):
            if (
                mention.actor.type != "person"
                and not mention.actor.provisional
                and not _locative(self._head(mention))
            ):
                return [mention]
        return []

    def _plural_antecedent(self, pronoun: Token) -> list[TokenMention]:
        # Inside an embedded clause "they" is usually the matrix subject ("US officials have
        # said they have no intention of leaving").
        clause = pronoun.head
        while clause.dep_ not in {"ROOT", "ccomp", "relcl"} and clause.head is not clause:
            clause = clause.head
        if clause.dep_ == "ccomp":
            plural_objects = [
                c
                for t in (clause.head, *clause.head.conjuncts)
                for c in t.children
                if c.dep_ == "dobj" and c.tag_ == "NNS"
            ]
            if plural_objects:
                found = [
                    m for o in plural_objects for m in (self.resolve(o) or self._noun_owner(o))
                ]
                return [m for m in found if m.actor.type != "person"]
            matrix = self._own_agents(clause.head)
            if matrix and all(m.actor.type != "person" for m in matrix):
                return matrix
        here = self.dm.sentence_of[pronoun.i]  # token.sent would rebuild every sentence
        if here == 0:
            return []
        previous = self.dm.sentences[here - 1]
        subjects = [t for t in previous if t.dep_ in {"nsubj", "nsubjpass"}]
        for subject in reversed(subjects):
            found = [m for m in self.resolve(subject) if m.actor.type != "person"]
            if found:
                return found
        return []

    def _coref_group(self, noun: Token) -> list[TokenMention]:
        """ "the group": the nearest group named, passing over one named only as a container
        ("Kataib Hezbollah, which is part of the PMF": the group is Kataib Hezbollah)."""
        lemma = noun.lemma_.lower()
        wanted = _GROUP_NOUN_TYPES.get(lemma, {"armed_group", "coalition", "political_bloc"})
        candidates = [
            m
            for m in self._earlier(noun, 8 if lemma in _GROUP_NOUN_TYPES else 6)
            if m.actor.type in wanted
            and not (
                # a state's own forces are never "the group" or "the militia"
                lemma in {"group", "militia"} and self._state_organ(m.actor)
            )
        ]
        if not candidates:
            return []
        nearest = [m for m in candidates if m.sentence == candidates[0].sentence]
        for mention in nearest:
            head = self._head(mention)
            while head.dep_ in {"compound", "flat"} and head.head is not head:
                head = head.head
            if head.dep_ == "nsubj" and head.head.dep_ == "ROOT":
                return [_as_coref(mention, noun)]
        chosen = next((m for m in candidates if not _is_container(self._head(m))), candidates[0])
        return [_as_coref(chosen, noun)]

    def _head(self, mention: TokenMention) -> Token:
        """The syntactic head of a mention ("Resistance" in "Islamic Resistance in Iraq")."""
        return self.dm.doc[mention.start : mention.end].root

    def _state_organ(self, actor: Actor) -> bool:
        return any(self.kb.get(a).type == "state" for a in self.kb.ancestors(actor.id)[1:])

    def _previous_subject(self, token: Token) -> list[TokenMention]:
        """The actors heading the previous sentence's main clause."""
        here = self.dm.sentence_of[token.i]
        if here == 0:
            return []
        for candidate in self.dm.sentences[here - 1]:
            if candidate.dep_ == "nsubj" and candidate.head.dep_ == "ROOT":
                return [m for m in self.resolve(candidate) if m.actor.type != "person"]
        return []

    # ----------------------------------------------------------------- context
    def _context(self, cue: Token, sent: Span) -> tuple[bool, TokenMention | None, bool]:
        """(negated or speculative, who claims it, whether the claim is an accusation)."""
        negated = False
        inherit = True
        current = cue
        for _ in range(10):
            if inherit:
                negated = negated or self._negating_children(current)
            head = current.head
            if head is current:
                break
            lemma = head.lemma_.lower()
            if (
                head.pos_ in _VERBAL
                and lemma in self._words["attribution_verbs"]
                and current.dep_ in {"ccomp", "parataxis"}
                and lemma != "call"
            ):
                if lemma in self._words["refusal_verbs"]:
                    negated = True  # "Kataib Hezbollah denied that it attacked ..."
                speaker = self._speaker(head)
                if speaker:
                    accusation = lemma in self._words["accusation_verbs"] or lemma in {
                        "warn",
                        "claim",
                        "allege",
                        "charge",
                        "insist",
                    }
                    return negated, speaker[0], accusation
            if current.dep_ in {"relcl"}:
                inherit = False
            if current.lemma_.lower() in self._words["attribution_nouns"]:
                pass  # "not buying the claim that ...": the claim's content shares its fate
            elif current.pos_ in _NOMINAL and current.dep_ in {
                "dobj",
                "nsubj",
                "nsubjpass",
                "pobj",
                "attr",
            }:
                governor = head if head.pos_ != "ADP" else head.head
                glemma = governor.lemma_.lower()
                if not (
                    glemma in self._words["light_verbs"]
                    or glemma in self._words["control_verbs"]
                    or glemma in self._words["control_nouns"]
                    or glemma in self._words["refusal_verbs"]
                    or glemma in self._words["demand_verbs"]
                    or glemma in self._words["demand_nouns"]
                    or head.lower_ in {"without"}
                ):
                    inherit = False
            if inherit:
                if lemma in self._words["refusal_verbs"] and head.pos_ in _VERBAL:
                    negated = True
                if lemma in _SPECULATIVE_HEADS or head.lower_ == "without":
                    negated = True
            current = head
        speaker = self._according_to(sent)
        return negated, speaker, False

    def _negating_children(self, token: Token) -> bool:
        for child in token.children:
            lower = child.lower_
            if child.dep_ == "neg" and not (token.pos_ in _NOMINAL and child.i > token.i):
                return True
            if child.dep_ == "det" and lower in self._words["negating_dets"]:
                return True
            if child.dep_ == "aux" and lower in self._words["speculation_words"]:
                return True
            if child.dep_ == "mark" and lower in _CONDITIONAL_MARKS:
                return True
            if child.dep_ == "advmod" and lower in self._words["speculation_words"]:
                return True
        return False

    def _speaker(self, verb: Token) -> list[TokenMention]:
        own = self._own_agents(verb)
        if own:
            return own
        for child in verb.children:
            if child.i > verb.i and child.dep_ in {"dobj", "attr", "npadvmod", "nsubj", "appos"}:
                found = self.resolve(child)
                if found:
                    return found
        return []

    def _according_to(self, sent: Span) -> TokenMention | None:
        for token in sent:
            if (
                token.lower_ == "according"
                and token.i + 1 < sent.end
                and token.nbor(1).lower_ == "to"
            ):
                for pobj in token.nbor(1).children:
                    found = self.resolve(pobj)
                    if found:
                        return found[0]
        return None


_LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "across",
        "inside",
        "outside",
        "throughout",
        "around",
        "into",
        "within",
        "from",
    }
)


def _locative(token: Token) -> bool:
    """ "in Iraq", "across Syria": a place, not an actor that later text refers back to."""
    return token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE_PREPS


def _same_state(inner: Actor, outer: Actor) -> bool:
    home = outer.id if outer.type == "state" else outer.country
    return home is not None and (inner.country == home or inner.id == home)


def _is_container(token: Token) -> bool:
    """Named as what something belongs to: "part of X", "member of X", "faction of X"."""
    while token.dep_ in {"compound", "flat", "appos"} and token.head is not token:
        token = token.head
    return (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.lemma_.lower() in {"part", "member", "faction", "unit", "wing"}
    )


_SUBORDINATORS = frozenset(
    {
        "after",
        "before",
        "when",
        "because",
        "since",
        "while",
        "although",
        "though",
        "until",
        "once",
        "whereas",
        "as",
        "if",
        "unless",
    }
)


def _subordinated(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in verb.children)


def _infinitival(verb: Token) -> bool:
    """ "(moving) to expel", "(called) for X to withdraw": a purpose or demand clause."""
    return any(c.dep_ in {"aux", "mark"} and c.lower_ in {"to", "for"} for c in verb.children)


_VERB_SUFFIXES = ("s", "es", "ed", "d")


def _verb_lemma(token: Token) -> str:
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


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def _as_coref(mention: TokenMention, token: Token) -> TokenMention:
    return TokenMention(token.i, token.i + 1, mention.actor, "coref", mention.sentence)


def _unique(mentions: Iterable[TokenMention]) -> list[TokenMention]:
    seen: set[tuple[str, int]] = set()
    out = []
    for mention in mentions:
        key = (mention.actor.id, mention.start)
        if key not in seen:
            seen.add(key)
            out.append(mention)
    return out


def _better(new: Found, old: Found) -> bool:
    if old.negated != new.negated:
        return old.negated  # a positive statement of the relation outranks a negated one
    return new.confidence > old.confidence


def wrong_for_types(
    lexicon: Lexicon,
    kb: KnowledgeBase,
    relation: str,
    rule: str | None,
    source: Actor,
    target: Actor,
    date: str | None,
) -> bool:
    """A fact the actors' types rule out (the lexicon's `refused_types`), unless the
    knowledge base's offices say so on the relation's date: "Iraq joined Kataib Hezbollah"
    (a state is no part of an armed group), "Ali Khamenei leads Iran" read from a verb or a
    role is kept only while he holds an office of Iran on that date."""
    info = lexicon.relations[relation]
    if (source.type, target.type) not in info.refused_types:
        return False
    if rule in info.refusal_exempt_rules:
        return False
    return not any(
        office.body == target.id
        and office.relation == relation
        and office.holder_on(date) == source.id
        for office in kb.offices.values()
    )


def _prep_objects(head: Token, preps: Iterable[str]) -> list[Token]:
    """The objects of `head`'s prepositions among `preps` ("fired at [X]", "blamed on [X]")."""
    wanted = set(preps)
    return [
        p
        for prep in head.children
        if prep.dep_ in {"prep", "dative"} and prep.lower_ in wanted
        for p in prep.children
        if p.dep_ == "pobj"
    ]


def _idiom_object(verb: Token, words: tuple[str, ...]) -> Token | None:
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
