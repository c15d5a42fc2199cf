"""Argument resolution: which actors fill a cue's roles.

Arguments are resolved through coordination, agent nouns ("US forces"), naming ("a group
calling itself X"), "including" lists and coreference; agents are found through control chains
("voted to order ... to expel"), light verbs ("launched attacks"), relative clauses ("an
airstrike that killed") and claims of responsibility."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from graphx.extraction.kb import DEMONYM, GENERIC, KnowledgeBase
from graphx.extraction.lexicon import Lexicon
from graphx.extraction.mentions import (
    DocMentions,
    TokenMention,
    group_types,
)
from graphx.extraction.rules.context import Context
from graphx.extraction.rules.coreference import Coreference
from graphx.extraction.rules.registry import NOMINAL, VERBAL
from graphx.extraction.rules.syntax import (
    MODIFIER_DEPS,
    OBJECTS,
    STRUCTURAL,
    SUBJECTS,
    cue_form,
    is_passive,
    on_chain,
    prep_objects,
    same_state,
    unique,
)


class Reader(Coreference, Context):
    """What the rules read a document with: the lexicon, the knowledge base and the
    document's mentions, and the argument, coreference and context readings over them."""

    def __init__(self, lexicon: Lexicon, kb: KnowledgeBase) -> None:
        self.lex = lexicon
        self.kb = kb
        self.words = lexicon.words
        self.event_nouns = frozenset(lexicon.nouns)
        self.withdrawal_nouns = lexicon.trigger_words("withdrawal_nouns")
        # readings of the sentence being read that several rules share
        self.sentence_cache: dict[tuple[str, int], Any] = {}
        # relations whose target may be an event standing for its agent ("condemned strikes")
        self.lexicon_targets_as_agents = frozenset({"opposes", "supports", "threatens"})
        self.dm: DocMentions
        self._starts: list[int] = []

    def begin(self, dm: DocMentions) -> None:
        """Read the document whose mentions are `dm` from now on."""
        if getattr(self, "_document", None) is not dm:
            self._document = dm
            self.dm = dm
            self._starts = [m.start for m in dm.mentions]

    def described_by_apposition(self, token: Token, mention: TokenMention) -> TokenMention | None:
        """ "Kataib Hezbollah, an Iran-backed militia that is part of the PMF": a description
        in apposition (a common-noun phrase, though the knowledge base names it) is said of the
        name it follows."""
        if token.dep_ != "appos" or token.pos_ != "NOUN":
            return None
        anchor = self.dm.at(token.head)
        if anchor is None or anchor.actor.id == mention.actor.id or anchor.kind == GENERIC:
            return None
        return anchor

    def is_word(self, token: Token, table: str) -> bool:
        """Whether `token` (its lemma or its written form) is a word of lexicon list `table`."""
        return cue_form(token, self.words[table]) is not None

    def polarity_prefixed(self, token: Token) -> bool:
        """ "anti-US", "pro-Iran": the name is what its holder is for or against, not its owner."""
        doc = token.doc
        for back in (1, 2):
            if token.i - back >= 0 and doc[token.i - back].lower_ in self.lex.polarity_prefixes:
                return all(doc[i].text in {"-", "–"} for i in range(token.i - back + 1, token.i))
        return False

    def subordinated(self, verb: Token) -> bool:
        """ "after a strike killed X", "when they left": a clause under a subordinator."""
        return any(
            c.dep_ == "mark" and c.lower_ in self.words["subordinators"] for c in verb.children
        )

    def rejection(self, relation: str, source: TokenMention, target: TokenMention) -> str | None:
        """Why a reading says nothing (None: it is acceptable)."""
        # A place stands for its occupant only as what is hit or threatened ("rockets struck
        # Camp Taji", "vowed to target Eilat"): "a drone launched from Erbil airport", "the
        # meeting at Ain al-Asad" or "troops left Camp Taji" relate nothing to the occupant.
        # Checked here, the one gate every rule's reading passes, where the mention's kind is
        # still known (the type check after it sees only actors).
        if source.place is not None:
            return f"{source.place.name} is a place: it acts on no one"
        if target.place is not None and relation not in self.kb.place_relations:
            return (
                f"{target.place.name} is a place: it stands for its occupant only when "
                f"attacked or threatened, not in {relation}"
            )
        if source.actor.id == target.actor.id:
            return "the same actor at both ends"
        if (source.start, source.end) == (target.start, target.end) and source.kind != "coref":
            # (one word standing for two actors, "the two governments met", is two mentions)
            return "one mention at both ends"
        if relation not in STRUCTURAL:
            # "US forces support the US" says nothing: a state's own organs do not act on it.
            # (Iran backing the Houthis of its "axis" is news, so this is limited to one state.)
            for inner, outer in ((source.actor, target.actor), (target.actor, source.actor)):
                if outer.id in self.kb.ancestors(inner.id) and same_state(inner, outer):
                    return (
                        f"{inner.name} is an organ of {outer.name}: a state does not act on itself"
                    )
        return None

    def agents(self, verb: Token, depth: int = 0) -> list[TokenMention]:
        """The actors doing what `verb` says, inherited through control and coordination."""
        if depth > 6:
            return []
        if is_passive(verb):
            by = self.by_agents(verb)
            if by:
                return by
            if depth > 0:
                # "which was engaged in fighting X": the passive subject does the embedded act
                patients = self.subjects(verb, {"nsubjpass"})
                if patients:
                    return patients
            if verb.dep_ not in {"xcomp", "conj", "advcl"}:
                return []
            if any(c.dep_ == "nsubjpass" for c in verb.children):
                # "..., and Syria was shipped rockets": a passive with a subject of its own
                # inherits no agent from the clause it is joined to
                return []
        own = self.own_agents(verb)
        if own:
            return own
        if any(c.dep_ in SUBJECTS for c in verb.children):
            return []  # it has a subject, just not an actor
        head = verb.head
        if head == verb:
            return []
        if verb.dep_ == "advcl" and self.subordinated(verb):
            return []  # "after a strike killed X": the clause has an agent of its own, or none
        if verb.dep_ == "pcomp" and head.lower_ in {"of", "for"}:
            accuser = head.head
            accused = [c for c in accuser.children if c.dep_ in OBJECTS]
            if accused and accuser.lemma_.lower() in self.words["accusation_verbs"]:
                return [m for c in accused for m in self.resolve(c)]  # "accused X of bombing"
        if verb.dep_ in {"xcomp", "advcl", "conj", "pcomp"}:
            if verb.dep_ == "pcomp":
                head = head.head
            if head.pos_ in VERBAL:
                return self.agents(head, depth + 1)
            if head.pos_ in NOMINAL:
                return self.noun_owner(head) or self.context_agents(head, depth + 1)
            if head.pos_ == "ADJ" and head.dep_ in {"acomp", "oprd"} and head.head.pos_ in VERBAL:
                # "have grown vocal in opposing the presence", "were quick to condemn"
                return self.agents(head.head, depth + 1)
        if verb.dep_ == "acl":
            if (
                head.lower_ in self.words["purpose_nouns"]
                and head.dep_ == "pobj"
                and head.head.head.pos_ in VERBAL
            ):
                # "sent fighters in order to shore up Assad": the purpose is the doer's
                return self.agents(head.head.head, depth + 1)
            if (
                head.lemma_.lower() in self.words["control_nouns"]
                or head.lemma_.lower() in self.event_nouns
            ):
                return self.noun_owner(head) or self.context_agents(head, depth + 1)
            return self.resolve(head)
        return []

    def own_agents(self, verb: Token) -> list[TokenMention]:
        if is_passive(verb):
            return self.by_agents(verb)
        return self.subjects(verb, SUBJECTS)

    def subjects(self, verb: Token, deps: frozenset[str] | set[str]) -> list[TokenMention]:
        out: list[TokenMention] = []
        for subject in (c for c in verb.children if c.dep_ in deps):
            if subject.lower_ in self.words["relative_pronouns"] and verb.dep_ == "relcl":
                antecedent = verb.head
                out += self.resolve(antecedent) or self.noun_owner(antecedent)
            else:
                out += self.resolve(subject) or self.event_owner(subject)
        return out

    def event_owner(self, noun: Token) -> list[TokenMention]:
        """The owner of an event noun standing for its agent ("US strikes killed ..."),
        also through a quantity ("a wave of American airstrikes killed ...")."""
        owners = self.noun_owner(noun) if noun.lemma_.lower() in self.event_nouns else []
        if not owners and noun.lemma_.lower() in self.words["quantity_nouns"]:
            # ("barrage" is an event noun too: "a barrage of Israeli strikes")
            owners = [
                m
                for p in prep_objects(noun, ("of",))
                if p.lemma_.lower() in self.event_nouns
                for m in self.noun_owner(p)
            ]
        return owners

    def by_agents(self, verb: Token) -> list[TokenMention]:
        """ "killed by Kataib Hezbollah", "killed by a US drone strike" (the strike's owner)."""
        return [
            m
            for c in verb.children
            if c.dep_ == "agent"
            for p in c.children
            if p.dep_ == "pobj"
            for m in (
                self.resolve(p)
                or (self.noun_owner(p) if p.lemma_.lower() in self.event_nouns else [])
            )
        ]

    def noun_owner(self, noun: Token, blamed: bool = True) -> list[TokenMention]:
        """Who owns an event or statement noun: "Washington's support", "a U.S. airstrike",
        "attacks by armed groups", "support from the government", "the Hamas-led attack";
        with `blamed`, also the one it is blamed on ("an attack attributed to X")."""
        owners: list[TokenMention] = []
        for child in noun.children:
            if child.dep_ == "poss":
                owners += self.resolve(child)
            elif child.dep_ in {"compound", "amod", "nmod"}:
                mention = self.dm.at(child)
                if mention is not None and mention.actor.type != "population":
                    owners.append(mention)
                elif child.lower_ in self.words["agent_prefixes"] and child.i >= 2:
                    led_by = self.dm.by_token.get(child.i - 2)
                    if led_by is not None:
                        owners.append(led_by)
            elif child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "from"}:
                owners += [m for p in child.children if p.dep_ == "pobj" for m in self.resolve(p)]
            elif child.dep_ == "relcl" and self.carried_by_relative(child):
                # "the role the US military plays", "the attacks the militias launched"
                owners += [m for c in child.children if c.dep_ == "nsubj" for m in self.resolve(c)]
        if blamed:
            owners += self.blamed_owners(noun)
        return unique(owners)

    def carried_by_relative(self, clause: Token) -> bool:
        """ "the role [that] X plays": an object relative clause whose verb carries the noun
        it describes (a light or participation verb), so that its subject owns the noun; not
        "the strikes Iran condemned" (the subject is for or against the noun, not its owner)."""
        relative = self.words["relative_pronouns"]
        return (
            (self.is_word(clause, "light_verbs") or self.is_word(clause, "participation_carriers"))
            and not any(c.dep_ in OBJECTS and c.lower_ not in relative for c in clause.children)
            and not any(c.dep_ in SUBJECTS and c.lower_ in relative for c in clause.children)
            # "the negotiations that Israel and Hamas never held" are no one's
            and not self._negating_children(clause)
        )

    def blamed_owners(self, noun: Token) -> list[TokenMention]:
        """The one an event is blamed on by a participle beside it."""
        # "an attack attributed to Kataib Hezbollah", "the strike blamed on Israel", and "an
        # attack on US forces blamed on X", where the parser hangs the participle on the target
        carriers = [noun] + [
            p for c in noun.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
        ]
        return unique(
            m
            for carrier in carriers
            for acl in carrier.children
            if acl.dep_ == "acl" and acl.lemma_.lower() in self.words["blame_verbs"]
            for m in self.blamed(acl)
        )

    def blamed(self, verb: Token) -> list[TokenMention]:
        """Whom a blaming verb puts an event on: "attributed to X", "blamed on X"."""
        return [m for p in prep_objects(verb, ("to", "on")) for m in self.resolve(p)]

    def context_agents(
        self, noun: Token, depth: int = 0, responsibility: bool = True
    ) -> list[TokenMention]:
        """An event noun without its own agent takes the subject of the verb that carries it
        ("launched attacks", "expressed interest in negotiating", "calls for a withdrawal");
        with `responsibility`, also the one who claims it or is blamed for it."""
        head = noun.head
        if head == noun or depth > 6:
            return []
        if responsibility:
            found = self.responsible_agents(noun, depth)
            if found:
                return found
        lemma = head.lemma_.lower()
        if noun.dep_ in {"dobj", "attr"} and head.pos_ in VERBAL:
            if lemma in self.words["recipient_verbs"]:
                return []
            if lemma in self.words["light_verbs"] or lemma in self.words["control_verbs"]:
                return self.agents(head, depth + 1)
        if noun.dep_ == "pobj" and head.pos_ == "ADP":
            governor = head.head
            glemma = governor.lemma_.lower()
            if head.lower_ == "of" and glemma in self.words["quantity_nouns"]:
                # "dozens of attacks"
                return self.context_agents(governor, depth + 1, responsibility)
            if governor.pos_ in VERBAL and (
                glemma in self.words["demand_verbs"]
                or glemma in self.words["control_verbs"]
                or glemma in self.words["light_verbs"]
            ):
                return self.agents(governor, depth + 1)
            if governor.pos_ in NOMINAL and (
                glemma in self.words["control_nouns"] or glemma in self.words["demand_nouns"]
            ):
                return self.noun_owner(governor) or self.context_agents(governor, depth + 1)
        return []

    def responsible_agents(self, noun: Token, depth: int = 0) -> list[TokenMention]:
        """Who an event is put on by claiming or blaming: "X claimed responsibility for the
        attack", "blamed X for the rocket fire", "the strike was attributed to X", "X was
        responsible for the bombing" (the claim or the blame is the evidence)."""
        head = noun.head
        if head == noun or depth > 6:
            return []
        lemma = head.lemma_.lower()
        if noun.dep_ == "nsubjpass" and lemma in self.words["blame_verbs"]:
            # "the strike on Hezbollah was attributed to Israel"
            return self.blamed(head)
        if noun.dep_ != "pobj" or head.pos_ != "ADP":
            return []
        governor = head.head
        glemma = governor.lemma_.lower()
        if head.lower_ == "of" and glemma in self.words["quantity_nouns"]:
            return self.responsible_agents(governor, depth + 1)  # "claimed dozens of attacks"
        if head.lower_ != "for":
            return []
        if glemma in self.words["responsibility_adjectives"] and governor.dep_ == "acomp":
            return self.agents(governor.head, depth + 1)  # "the group was responsible for"
        if (
            glemma in self.words["responsibility_nouns"]
            and governor.dep_ == "dobj"
            and governor.head.lemma_.lower() in self.words["responsibility_verbs"]
        ):
            # "Kataib Hezbollah claimed responsibility for the attack on US forces"
            return self.agents(governor.head, depth + 1)
        if governor.pos_ in VERBAL and glemma in self.words["blame_verbs"]:
            # "Washington blamed Kataib Hezbollah for the rocket fire" (or "... was blamed
            # for"): the one blamed is the agent; the blamer's claim is the evidence
            return [
                m
                for c in governor.children
                if c.dep_ in {"dobj", "nsubjpass"}
                for m in self.resolve(c)
            ]
        return []

    def blamed_for_event(self, verb: Token, event: Token) -> list[Token]:
        """Whom "blamed EVENT on X" (or "attributed EVENT to X") puts the event on: the
        verb's own "on" or "to" phrase, or the last of the "on" phrases the parser hung on the
        event ("the attack on US forces on the militias": the first names the target)."""
        blamed = prep_objects(verb, ("on", "upon", "to"))
        if blamed:
            return blamed
        return on_chain(event)[-1:]

    def blaming_verb(self, noun: Token) -> tuple[Token, Token] | None:
        """The blaming verb an event is the object of, and that object ("blamed the attack on
        X"; "pinned a string of attacks on X": the count carries the event), if any."""
        carrier = self.counted(noun)
        verb = carrier.head
        if carrier.dep_ == "dobj" and self.is_blaming(verb):
            return verb, carrier
        return None

    def counted(self, noun: Token) -> Token:
        """The count an event noun is the "of" phrase of ("a string of attacks"), else itself."""
        if (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "of"
            and self.is_word(noun.head.head, "quantity_nouns")
        ):
            return noun.head.head
        return noun

    def is_blaming(self, verb: Token) -> bool:
        return verb.pos_ in VERBAL and verb.lemma_.lower() in self.words["blame_verbs"]

    def blamers(self, noun: Token) -> list[TokenMention]:
        """Who puts an event on someone: the subject of "blamed the attack on X", "pinned a
        string of attacks on X" or "blamed X for the attack" (the claimant of the deed)."""
        found = self.blaming_verb(noun)
        carrier = self.counted(noun)
        if found is not None:
            verb = found[0]
        elif (
            carrier.dep_ == "pobj"
            and carrier.head.lower_ == "for"
            and self.is_blaming(carrier.head.head)
        ):
            verb = carrier.head.head  # "blamed X for (a string of) attacks"
        else:
            return []
        return [m for c in verb.children if c.dep_ == "nsubj" for m in self.resolve(c)]

    def resolve_target(self, token: Token, relation: str) -> list[TokenMention]:
        """A target; an event noun in target position stands for its agent ("condemned U.S.
        strikes", "critics of Israel's campaign")."""
        found = self.resolve(token)
        if (
            not found
            and relation in self.lexicon_targets_as_agents
            and (cue_form(token, self.event_nouns) or cue_form(token, self.lex.mutual_nouns))
        ):
            found = self.noun_owner(token)
        return found

    def resolve(self, token: Token) -> list[TokenMention]:
        """The actors a noun phrase headed by `token` stands for, with its coordinated phrases."""
        out = self.resolve_one(token, 0)
        for conjunct in token.conjuncts:
            if conjunct.i > token.i:
                out += self.resolve_one(conjunct, 0)
        # "the UK, Australia and a few other nations": a list parsed as apposition
        for child in token.children:
            if child.dep_ == "appos" and out and self.dm.at(child) is not None:
                listed = self.resolve_one(child, 0)
                if listed and all(m.actor.type == out[0].actor.type for m in listed):
                    out += listed
                    for conjunct in child.conjuncts:
                        if conjunct.i > child.i:
                            out += self.resolve_one(conjunct, 0)
        return unique(out)

    def resolve_one(self, token: Token, depth: int) -> list[TokenMention]:
        if depth > 4:
            return []
        named = self.named_container(token)
        if named:
            return named
        mention = self.dm.at(token)
        if mention is not None:
            described = self.described_by_apposition(token, mention)
            if described is not None:
                return [described]
            return self._from_mention(token, mention)
        if token.dep_ == "appos" and token.pos_ in NOMINAL:
            # "Asaib Ahl al-Haq, an Iran-backed militia": the description is the named actor
            anchor = self.dm.at(token.head)
            if anchor is not None:
                return self._from_mention(token.head, anchor)
        lemma = token.lemma_.lower()
        if token.lower_ in self.words["relative_pronouns"] and token.head.dep_ == "relcl":
            # "the Houthis, who are allied with Iran": the relative pronoun is its antecedent
            return self.resolve_one(token.head.head, depth + 1)
        if token.pos_ == "PRON":
            return self.coref_pronoun(token)
        pair = self.pair_antecedents(token)
        if pair:
            return pair
        if (
            lemma in self.words["quantity_nouns"]
            or token.lower_ in self.words["quantity_nouns"]
            or token.pos_ == "NUM"
        ):
            # "every one of those groups", "some of the militias", "three of its fighters"
            for pobj in prep_objects(token, ("of",)):
                found = self.resolve_one(pobj, depth + 1)
                if found:
                    return found
        if lemma in self.words["place_kind_nouns"]:
            # "the Israeli port city of Eilat", "the province of Anbar": the place named
            for pobj in prep_objects(token, ("of",)):
                found = self.resolve_one(pobj, depth + 1)
                if found:
                    return found
        lower = token.lower_
        if (
            lemma in self.words["agent_nouns"]
            or lemma in self.words["proxy_nouns"]
            or lower in self.words["agent_nouns"]
            or lower in self.words["proxy_nouns"]
        ):
            owner = self._owner(token, depth)
            if owner:
                return owner
        if lemma in self.words["group_nouns"] or token.lower_ in self.words["group_nouns"]:
            found = self.named(token) or self.included(token) or self._backed_collective(token)
            if found:
                return found
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found = self.resolve_one(pobj, depth + 1)
                            if found:
                                return found
            if any(c.dep_ == "poss" for c in token.children):
                # "the PMF's KSS faction": the faction is the one its name modifier names
                named = [
                    m
                    for c in token.children
                    if c.dep_ in {"compound", "nmod"}
                    for m in [self.dm.at(c)]
                    if m is not None
                ]
                if named:
                    return named[:1]
            owner = self._owner(token, depth)
            if owner:
                return self._persons_groups(owner, token)
            if self.definite(token):
                return self.coref_group(token)
        for child in token.children:
            if child.dep_ == "appos":
                found = self.resolve_one(child, depth + 1)
                if found:
                    return found
        return self.coref_head_noun(token)

    def _backed_collective(self, noun: Token) -> list[TokenMention]:
        """ "a militia in Iraq backed by Iran", "militias that Iran sponsors": an unnamed group
        described by the state behind it is the collective the knowledge base keeps for that
        backer's groups ("militias backed by Iran" -> Iran-backed militias), if it keeps one."""
        backers: list[TokenMention] = []
        for clause in noun.children:
            if clause.lemma_.lower() not in self.words["backing_verbs"] or self._negating_children(
                clause
            ):
                continue  # "militias that Iran does not sponsor" are no one's in particular
            if clause.dep_ == "acl":
                backers += self.by_agents(clause)
            elif clause.dep_ == "relcl":
                backers += [
                    m for c in clause.children if c.dep_ == "nsubj" for m in self.resolve(c)
                ]
        for backer in backers:
            if backer.actor.type != "state":
                continue
            for actor in self.kb.find(f"militias backed by {backer.actor.name}"):
                if actor.id in self.kb.collectives:
                    return [TokenMention(noun.i, noun.i + 1, actor, "coref", backer.sentence)]
        return []

    def _persons_groups(self, owners: list[TokenMention], noun: Token) -> list[TokenMention]:
        """ "Following his arrest, his organization was tied to the kidnapping": a person's
        group is the one group the knowledge base has the person in; with none or several,
        the person stands for it."""
        found = []
        for owner in owners:
            groups = [
                parent
                for parent in owner.actor.parents
                if self.kb.get(parent).type in {"armed_group", "political_bloc", "coalition"}
            ]
            if owner.actor.type == "person" and len(groups) == 1:
                group = self.kb.get(groups[0])
                found.append(TokenMention(noun.i, noun.i + 1, group, "coref", owner.sentence))
            else:
                found.append(owner)
        return found

    def _from_mention(self, token: Token, mention: TokenMention) -> list[TokenMention]:
        if mention.kind == GENERIC or token.lemma_.lower() in self.words["group_nouns"]:
            named = self.named(token)  # "militias calling themselves Kataib Hezbollah"
            if named:
                return named
            loyal = self._allegiance(token)
            if loyal:
                return loyal  # "lawmakers loyal to Moqtada al-Sadr" act for Sadr's side
            backed = self._backed_collective(token)
            if backed:
                return backed
        if mention.kind == DEMONYM and token.pos_ == "ADJ":
            return []  # "Iraqi soil": a demonym modifying something that is not an actor
        if mention.kind == DEMONYM and any(
            c.dep_ == "nummod"
            or (c.dep_ in {"det", "amod"} and c.lower_ in self.words["counted_dets"])
            for c in token.children
        ):
            return []  # "sanctions on four Iraqis", "several Iranians": persons, not the state
        if mention.kind == GENERIC:
            # "Iran's parliament": the generic name is for another country's body
            for child in token.children:
                other = self.dm.at(child)
                if (
                    child.dep_ in MODIFIER_DEPS
                    and other is not None
                    and other is not mention
                    and other.actor.type == "state"
                    and other.actor.id != mention.actor.country
                    and not self.polarity_prefixed(child)
                ):
                    return [other]
            included = self.included(token)
            if included:
                return included
        if mention.actor.type in group_types():
            included = self.included(token)
            if included:
                return included
        # "US and coalition troops": the name joined to the one the knowledge base read whole
        joined = [
            other
            for c in token.children
            if c.dep_ in MODIFIER_DEPS and c.i < mention.start
            for other in [self.dm.at(c)]
            if other is not None
            and (
                any(mention.start <= j.i < mention.end for j in c.conjuncts)
                # (or a coordinator the parser left hanging: "US [and] coalition troops")
                or any(d.dep_ == "cc" and d.i + 1 == mention.start for d in c.children)
            )
        ]
        return unique([*joined, mention])

    def _owner(self, noun: Token, depth: int) -> list[TokenMention]:
        """ "US forces", "Iraq's government", "the government of Iraq", "US-led forces"."""
        for child in noun.children:
            if child.dep_ in MODIFIER_DEPS:
                mention = self.dm.at(child)
                if mention is not None:
                    # "Iraqi and American officials": both countries' officials
                    others = [self.dm.at(c) for c in child.conjuncts if self.dm.at(c) is not None]
                    return unique([mention, *others])
                if child.dep_ == "poss" and child.lower_ == "whose":
                    # "militias whose gunmen fired on demonstrators": the clause's antecedent
                    clause = noun.head if noun.head.dep_ == "relcl" else noun.head.head
                    if clause.dep_ == "relcl":
                        return self.resolve(clause.head)
                if child.dep_ == "poss" and child.pos_ == "PRON":
                    return self.coref_pronoun(child)
                if child.lower_ == "led" and child.i >= 2 and self.dm.by_token.get(child.i - 2):
                    return [self.dm.by_token[child.i - 2]]
            if (
                child.dep_ == "compound"
                and child.tag_ == "NN"
                and self.dm.at(child) is None
                # ("a militia commander" is some militia's)
                and child.lemma_.lower() not in self.words["group_nouns"]
            ):
                named = self.named_by_head(child)  # "a department spokesperson"
                if named:
                    return named
            loyal = self._loyal_to(child)  # "fighters loyal to Moqtada al-Sadr"
            if loyal:
                return loyal
        for child in noun.children:
            # "the government of Iraq", "gunmen from Kataib Hezbollah" (but "militia groups
            # from Iraq" are not Iraq)
            from_agent = child.lower_ == "from" and cue_form(noun, self.words["agent_nouns"])
            if child.dep_ == "prep" and (child.lower_ == "of" or from_agent):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        # "troops from the Iraqi army, the Peshmerga and tribal units": each
                        # coordinated owner
                        return unique(
                            m
                            for t in (pobj, *(c for c in pobj.conjuncts if c.i > pobj.i))
                            for m in self.resolve_one(t, depth + 1)
                        )
            if child.dep_ == "acl" and child.lemma_.lower() in self.words["using_verbs"]:
                by = self.by_agents(child)  # "bases used by the groups"
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
        if modifier.dep_ not in {"amod", "acl"} or not (
            # the participle's own form too: "belonging" has the lemma "belong"
            modifier.lemma_.lower() in self.words["allegiance_words"]
            or modifier.lower_ in self.words["allegiance_words"]
        ):
            return []
        for prep in modifier.children:
            if prep.dep_ == "prep":
                return [m for p in prep.children if p.dep_ == "pobj" for m in self.resolve(p)]
        return []

    def named(self, noun: Token) -> list[TokenMention]:
        """ "a group ... calling itself the Islamic Resistance in Iraq", "known as X"."""
        for child in noun.children:
            naming = child.lemma_.lower() in self.words["naming_verbs"]
            if child.dep_ in {"acl", "relcl"} and naming:
                for grand in child.subtree:
                    if grand == child or grand.i < child.i:
                        continue
                    mention = self.dm.at(grand)
                    if mention is not None:
                        return [mention]
        return []

    def named_container(self, token: Token) -> list[TokenMention]:
        """ "militias" in "a group of militias calling itself X" is X."""
        if token.dep_ == "pobj" and token.head.lower_ == "of":
            container = token.head.head
            if container.lemma_.lower() in self.words["group_nouns"] and container != token:
                return self.named(container)
        return []

    def included(self, noun: Token) -> list[TokenMention]:
        """ "the armed groups, including Kataeb Hezbollah and al-Nujaba"."""
        for child in noun.children:
            if (child.dep_ == "prep" and child.lower_ in self.words["inclusion_preps"]) or (
                child.dep_ == "prep" and child.lower_ == "as" and child.nbor(-1).lower_ == "such"
            ):
                members = [m for p in child.children if p.dep_ == "pobj" for m in self.resolve(p)]
                if members:
                    return members
        return []

    def modifier_mentions(self, noun: Token) -> list[TokenMention]:
        found = []
        for token in noun.subtree:
            if token.i >= noun.i:
                break
            mention = self.dm.at(token)
            if (
                mention is not None
                and mention not in found
                and token.dep_ in MODIFIER_DEPS | {"punct"}
            ):
                found.append(mention)
        return found

    def located_targets(self, noun: Token, places: list[TokenMention]) -> list[TokenMention]:
        """ "an offensive in Gaza" hits its people, and an armed group's attack inside a state
        hits that state; "US strikes in Iraq" do not make Iraq the target."""
        if cue_form(noun, self.lex.mutual_nouns):
            return [p for p in places if p.actor.type == "population"]  # "the ISIS war in Iraq"
        agents = self.noun_owner(noun)
        kept = []
        for place in places:
            foreign_group = bool(agents) and all(
                a.actor.type == "armed_group" and a.actor.country != place.actor.id for a in agents
            )
            if place.actor.type == "population" or (foreign_group and place.actor.type == "state"):
                kept.append(place)
        return kept

    def recipient(self, noun: Token) -> list[TokenMention]:
        """ "militias who enjoy support from X": the subject of a receiving verb is the target."""
        head = noun.head
        if noun.dep_ == "dobj" and head.lemma_.lower() in self.words["recipient_verbs"]:
            return self.agents(head)
        return []
