"""Coreference inside a document: pronouns, "the group", "the militia", possessive "its"."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from spacy.tokens import Token

from graphx.extraction.mentions import NAMING_KINDS, PLACE, TokenMention
from graphx.extraction.rules.syntax import as_coref, unique
from graphx.models import Actor


class Coreference:
    """What a pronoun or a definite group noun refers back to (mixed into the Reader)."""

    def earlier(self, token: Token, window: int) -> Iterable[TokenMention]:
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

    def coref_pronoun(self, pronoun: Token) -> list[TokenMention]:
        if pronoun.lower_ in self.words["person_pronouns"]:
            described = self._relative_antecedent(pronoun)
            for mention in self.earlier(pronoun, 2):
                if mention.actor.type == "person" and mention.actor.id not in described:
                    return [as_coref(mention, pronoun)]
            return []
        if pronoun.lower_ in self.words["plural_pronouns"]:
            return [as_coref(m, pronoun) for m in self._plural_antecedent(pronoun)]
        if pronoun.lower_ in {"it", "its", "itself"}:
            return [as_coref(m, pronoun) for m in self._singular_antecedent(pronoun)]
        return []

    def _relative_antecedent(self, pronoun: Token) -> set[str]:
        """The actors a relative clause around `pronoun` describes: "Zarqawi, whom he called a
        killer" — the pronoun inside is someone else."""
        token = pronoun
        for _ in range(6):
            if token.dep_ == "relcl":
                mention = self.dm.at(token.head)
                return {mention.actor.id} if mention is not None else set()
            if token.head == token:
                break
            token = token.head
        return set()

    def _singular_antecedent(self, pronoun: Token) -> list[TokenMention]:
        """ "it" / "its" for an organisation or state: the subject above an embedded "it", or
        the nearest such actor earlier in the sentence for "its"."""
        if pronoun.lower_ == "it" and pronoun.dep_ in {"nsubj", "nsubjpass"}:
            clause = pronoun.head
            if clause.dep_ == "ccomp":
                return [m for m in self.own_agents(clause.head) if m.actor.type != "person"]
            if (
                clause.dep_ == "ROOT"
                and pronoun.i == self.dm.sentences[self.dm.sentence_of[pronoun.i]].start
            ):
                # "It has threatened to attack US bases.": a sentence opening with "it" goes on
                # about the group the sentence before was about
                return [m for m in self.previous_subject(pronoun) if not m.actor.provisional][:1]
            return []
        if pronoun.lower_ == "it" and pronoun.dep_ == "dobj":
            return self._object_antecedent(pronoun)
        if pronoun.lower_ != "its":
            return []
        reporter = self._reporter_of_object(pronoun)
        if reporter:
            return reporter
        for mention in self.earlier(pronoun, 0):
            if (
                mention.actor.type != "person"
                and not mention.actor.provisional
                and not self.locative(self.head_of(mention))
            ):
                return [mention]
        return []

    def _reporter_of_object(self, pronoun: Token) -> list[TokenMention]:
        """ "The SDF said Turkish drones killed three of its fighters": an "its" in the object
        of a reported attack is the reporting organisation, not the attacker (which would be
        hitting its own)."""
        clause = pronoun.head
        while clause.pos_ not in {"VERB", "AUX"} and clause.head != clause:
            clause = clause.head
        hostile = any(
            cue.relation in {"strikes", "threatens"}
            for cue in self.lex.verbs.get(clause.lemma_.lower(), ())
        )
        # (only a hostile act: "agreed that the coalition would end its mission" is its own)
        if (
            not hostile
            or clause.dep_ != "ccomp"
            or not any(
                # ("Hezbollah fired rockets from its positions": its own, not the reporter's)
                pronoun in obj.subtree
                for obj in clause.children
                if obj.dep_ == "dobj"
            )
        ):
            return []
        own = {m.actor.id for m in self.own_agents(clause)}
        reporters = [
            m
            for m in self.own_agents(clause.head)
            if m.actor.type != "person" and not m.actor.provisional and m.actor.id not in own
        ]
        return reporters[:1] if own and reporters else []

    def _object_antecedent(self, pronoun: Token) -> list[TokenMention]:
        """An object "it" is the nearest organisation or state named before it in the
        sentence that is not its own clause's subject, nor the one a relative clause around it
        describes ("KSS and Hashim al-Saraji, who heads it": it is KSS)."""
        excluded = {m.actor.id for m in self.agents(pronoun.head)}
        excluded |= self._relative_antecedent(pronoun)
        for mention in self.earlier(pronoun, 0):
            if (
                mention.actor.type != "person"
                and not mention.actor.provisional
                and mention.actor.id not in excluded
                and mention.kind != "coref"
                and not self.locative(self.head_of(mention))
            ):
                return [mention]
        return []

    def _plural_antecedent(self, pronoun: Token) -> list[TokenMention]:
        if pronoun.dep_ in {"dobj", "dative", "pobj"}:
            # "the coalition forces would stay, as the authorities had asked them to": an
            # object "them" is the nearest group named before it in the sentence, never its
            # own clause's subject
            subjects = {m.actor.id for m in self.agents(pronoun.head)}
            for mention in self.earlier(pronoun, 0):
                if (
                    mention.actor.type in {"coalition", "state_forces", "armed_group"}
                    and mention.actor.id not in subjects
                    and mention.kind != "coref"
                ):
                    return [mention]
        coordinated = self._coordinated_subject(pronoun)
        if coordinated:
            return coordinated
        # Inside an embedded clause "they" is usually the matrix subject ("US officials have
        # said they have no intention of leaving").
        clause = pronoun.head
        while clause.dep_ not in {"ROOT", "ccomp", "relcl"} and clause.head != clause:
            clause = clause.head
        if clause.dep_ == "ccomp":
            plural_objects = [
                c
                for t in (clause.head, *clause.head.conjuncts)
                for c in t.children
                if c.dep_ == "dobj" and c.tag_ == "NNS"
            ]
            if plural_objects:
                found = [m for o in plural_objects for m in (self.resolve(o) or self.noun_owner(o))]
                return [m for m in found if m.actor.type != "person"]
            matrix = self.own_agents(clause.head)
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

    def _coordinated_subject(self, pronoun: Token) -> list[TokenMention]:
        """ "He and his delegation were caught off guard when they met Austin": a subject
        "they" after a coordinated subject of its sentence is the ones coordinated."""
        sentence = self.dm.sentences[self.dm.sentence_of[pronoun.i]]
        if pronoun.lower_ != "they" or pronoun.dep_ not in {"nsubj", "nsubjpass"}:
            return []  # ("wanted them to go": the parser's subject "them" is an object)
        for subject in reversed(sentence[: pronoun.i - sentence.start]):
            if subject.dep_ in {"nsubj", "nsubjpass"} and any(
                c.dep_ == "conj" for c in subject.children
            ):
                found = [m for t in (subject, *subject.conjuncts) for m in self.resolve(t)]
                return unique(found)
        return []

    def coref_group(self, noun: Token) -> list[TokenMention]:
        """ "the group": the nearest group named, passing over one named only as a container
        ("Kataib Hezbollah, which is part of the PMF": the group is Kataib Hezbollah)."""
        lemma = noun.lemma_.lower()
        wanted = self.lex.group_noun_types.get(
            lemma, {"armed_group", "coalition", "political_bloc"}
        )
        candidates = [
            m
            for m in self.earlier(noun, 8 if lemma in self.lex.group_noun_types else 6)
            if m.actor.type in wanted
            and not (
                # a state's own forces are never "the group" or "the militia"
                lemma in self.words["non_state_group_nouns"] and self.state_organ(m.actor)
            )
            # "the group" is one group, not a collective the text only describes ("the groups"
            # may be)
            and not (noun.tag_ == "NN" and m.actor.id in self.kb.collectives)
        ]
        if not candidates:
            return []
        nearest = [m for m in candidates if m.sentence == candidates[0].sentence]
        if noun.tag_ == "NNS" and any(
            c.dep_ == "det" and c.lower_ in self.words["demonstrative_dets"] for c in noun.children
        ):
            # "Kataib Hezbollah, Badr and Nujaba ... Every one of those groups receives backing
            # from Iran": a plural demonstrative takes the groups the nearest sentence lists
            listed = [
                m
                for m in unique(nearest)
                if m.kind in NAMING_KINDS and m.actor.id not in self.kb.collectives
            ]
            if len({m.actor.id for m in listed}) >= 2:
                return [as_coref(m, noun) for m in listed]
        for mention in nearest:
            head = self.head_of(mention)
            while head.dep_ in {"compound", "flat"} and head.head != head:
                head = head.head
            if head.dep_ == "nsubj" and head.head.dep_ == "ROOT":
                return [as_coref(mention, noun)]
        chosen = next(
            (m for m in candidates if not self.is_container(self.head_of(m))), candidates[0]
        )
        return [as_coref(chosen, noun)]

    def coref_head_noun(self, noun: Token) -> list[TokenMention]:
        """ "The State Department ... The department designated the group": a definite
        singular noun is the nearest body or group named with that head word ("the ministry",
        "the council", "the force", "the committee"), within eight sentences; else the actor
        an earlier noun of that word stood for ("a department spokesperson said ... The
        spokesperson accused Iran")."""
        if noun.tag_ == "NNS":
            return self._plural_head_noun(noun)
        if (
            noun.tag_ != "NN"
            or noun.lemma_.lower() in self.words["head_match_stop_nouns"]
            or not self.definite(noun)
        ):
            return []
        return self.named_by_head(noun) or self._earlier_noun(noun, "NN")

    def named_by_head(self, noun: Token) -> list[TokenMention]:
        """The nearest body, place or described person named before `noun` with its word as
        head, within eight sentences (also for a bare modifier: "a department spokesperson"
        after the State Department)."""
        lemma = noun.lemma_.lower()
        if lemma in self.words["head_match_stop_nouns"]:
            return []
        for mention in self.earlier(noun, 8):
            if mention.actor.type == "person":
                # "the populist cleric Moqtada al-Sadr ... The cleric has demanded": a person
                # is "the cleric" the text described him as
                if mention.kind != "coref" and lemma in self._descriptions(mention):
                    return [as_coref(mention, noun)]
            elif (
                # "launched drones against al-Asad Air Base ... its assault on the base"
                (mention.kind in NAMING_KINDS or mention.kind == PLACE)
                and mention.actor.type != "state"
                and mention.end - mention.start > 1
                and self.head_of(mention).lemma_.lower() == lemma
            ):
                return [as_coref(mention, noun)]
        return []

    def _plural_head_noun(self, noun: Token) -> list[TokenMention]:
        """ "as Iraqi troops advanced ... fighters did clash with the advancing troops",
        "air attacks on Islamic State militants ... the militants had been firing": a definite
        plural noun without an owner of its own is the actor of the nearest earlier noun with
        that plural head, within the sentence and the two before it."""
        if not self.definite(noun) or any(
            c.dep_ in {"poss", "compound", "prep"} for c in noun.children
        ):
            return []
        return self._earlier_noun(noun, "NNS")

    def _earlier_noun(self, noun: Token, tag: str) -> list[TokenMention]:
        """The actors of the nearest earlier noun with `noun`'s word and `tag` that stood for
        any, within the sentence and the two before it."""
        lemma = noun.lemma_.lower()
        first = self.dm.sentences[max(0, self.dm.sentence_of[noun.i] - 2)].start
        for index in range(noun.i - 1, first - 1, -1):
            earlier = self.dm.doc[index]
            if earlier.tag_ == tag and earlier.lemma_.lower() == lemma:
                found = [m for m in self.resolve(earlier) if m.actor.type != "person"]
                if found:
                    return [as_coref(m, noun) for m in found]
        return []

    def _descriptions(self, mention: TokenMention) -> set[str]:
        """The common nouns the text puts beside a person's name: "cleric" in "the cleric
        Moqtada al-Sadr" and in "Moqtada al-Sadr, the cleric"."""
        root = self.head_of(mention)
        words = {
            c.lemma_.lower()
            for c in root.children
            if c.dep_ in {"compound", "appos"}
            and c.pos_ == "NOUN"
            and c.i not in range(mention.start, mention.end)
        }
        if root.dep_ in {"appos", "compound"} and root.head.pos_ == "NOUN":
            words.add(root.head.lemma_.lower())
        return words

    def definite(self, noun: Token) -> bool:
        """Whether `noun` has a definite determiner ("the group", "those militias")."""
        return any(
            c.dep_ == "det" and c.lower_ in self.words["definite_dets"] for c in noun.children
        )

    def head_of(self, mention: TokenMention) -> Token:
        """The syntactic head of a mention ("Resistance" in "Islamic Resistance in Iraq")."""
        return self.dm.doc[mention.start : mention.end].root

    def state_organ(self, actor: Actor) -> bool:
        """A state's own forces, body or coalition; never an armed group or bloc, whatever
        alliance above it a state heads (Hezbollah in the Iran-led Axis of Resistance)."""
        if actor.type in {"armed_group", "political_bloc"}:
            return False
        return any(self.kb.get(a).type == "state" for a in self.kb.ancestors(actor.id)[1:])

    def previous_subject(self, token: Token) -> list[TokenMention]:
        """The actors heading the previous sentence's main clause."""
        here = self.dm.sentence_of[token.i]
        if here == 0:
            return []
        for candidate in self.dm.sentences[here - 1]:
            if candidate.dep_ == "nsubj" and candidate.head.dep_ == "ROOT":
                return [m for m in self.resolve(candidate) if m.actor.type != "person"]
        return []

    def locative(self, token: Token) -> bool:
        """ "in Iraq", "across Syria": a place, not an actor that later text refers back to."""
        return token.dep_ == "pobj" and token.head.lower_ in self.words["locative_preps"]

    def is_container(self, token: Token) -> bool:
        """Named as what something belongs to: "part of X", "member of X", "faction of X"."""
        while token.dep_ in {"compound", "flat", "appos"} and token.head != token:
            token = token.head
        return (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.lemma_.lower() in self.words["container_nouns"]
        )

    def pair_antecedents(self, noun: Token) -> list[TokenMention]:
        """ "the two governments", "both countries", "the two men": the two actors of that
        kind named last, within the sentence and the two before it."""
        types = self.lex.pair_noun_types.get(noun.lemma_.lower())
        if types is None or not any(
            c.dep_ in {"nummod", "det", "predet"} and c.lower_ in self.words["pair_words"]
            for c in noun.children
        ):
            return []
        pair: list[TokenMention] = []
        for mention in self.earlier(noun, 2):
            if mention.actor.type in types and all(m.actor.id != mention.actor.id for m in pair):
                pair.append(mention)
                if len(pair) == 2:
                    return [as_coref(m, noun) for m in reversed(pair)]
        return []
