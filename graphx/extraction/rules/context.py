"""The context of a reading: negation, refusal, speculation, and who claims it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from graphx.extraction.mentions import TokenMention
from graphx.extraction.rules.registry import NOMINAL, VERBAL


class Context:
    """Reads the clauses above a cue (mixed into the Reader)."""

    def context(self, cue: Token, sent: Span) -> tuple[bool, TokenMention | None, bool]:
        """(negated or speculative, who claims it, whether the claim is an accusation)."""
        negated = False
        inherit = True
        current = cue
        for _ in range(10):
            if inherit:
                negated = negated or self._negating_children(current)
            head = current.head
            if head == current:
                break
            if current.dep_ == "conj" and any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in current.children
            ):
                # "X could not travel, and the two men spoke by phone": a joined clause with a
                # subject of its own keeps its own polarity
                inherit = False
            if current.dep_ == "advcl" and self._asserted_clause(current):
                inherit = False  # "seems to leave X free, even though Y had pledged to ..."
            if inherit and current.dep_ in {"ccomp", "csubj"} and self._doubted(head):
                negated = True  # "it is not clear the US has spoken to", "it is unclear if"
            lemma = head.lemma_.lower()
            if (
                head.pos_ in VERBAL
                and lemma in self.words["attribution_verbs"]
                and current.dep_ in {"ccomp", "parataxis"}
                and lemma not in self.words["non_reporting_verbs"]
            ):
                if lemma in self.words["refusal_verbs"]:
                    negated = True  # "Kataib Hezbollah denied that it attacked ..."
                speaker = self._speaker(head)
                if speaker:
                    accusation = (
                        lemma in self.words["accusation_verbs"]
                        or lemma in self.words["accusing_claim_verbs"]
                    )
                    return negated, speaker[0], accusation
            if current.dep_ in {"relcl"}:
                inherit = False
            if current.lemma_.lower() in self.words["attribution_nouns"]:
                pass  # "not buying the claim that ...": the claim's content shares its fate
            elif current.pos_ in NOMINAL and current.dep_ in {
                "dobj",
                "nsubj",
                "nsubjpass",
                "pobj",
                "attr",
            }:
                governor = head if head.pos_ != "ADP" else head.head
                glemma = governor.lemma_.lower()
                if current.dep_ in {"nsubj", "nsubjpass"} and glemma in self.words["refusal_verbs"]:
                    inherit = False  # "X, a militia close to Iran, denied the report"
                elif not (
                    glemma in self.words["light_verbs"]
                    or glemma in self.words["control_verbs"]
                    or glemma in self.words["control_nouns"]
                    or glemma in self.words["refusal_verbs"]
                    or glemma in self.words["demand_verbs"]
                    or glemma in self.words["demand_nouns"]
                    or head.lower_ in {"without"}
                ):
                    inherit = False
            if inherit:
                # "refused to attack" (not "rejected the plan and condemned Israel": a joined
                # verb is no act refused)
                if (
                    lemma in self.words["refusal_verbs"]
                    and head.pos_ in VERBAL
                    and current.dep_ != "conj"
                ):
                    negated = True
                if lemma in self.words["speculative_heads"] or head.lower_ == "without":
                    negated = True
            current = head
        speaker = self._according_to(sent)
        return negated, speaker, False

    def _counterfactual(self, verb: Token) -> bool:
        """ "troops who would have remained to train Iraq's forces": what would have been
        done, had something else been so, was not done."""
        auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        return (
            verb.tag_ == "VBN"
            and "have" in auxes
            and bool(auxes & self.words["counterfactual_modals"])
        )

    def _asserted_clause(self, clause: Token) -> bool:
        """A subordinate clause with a subject of its own that the sentence asserts whatever
        its main clause says ("even though Y had pledged", "because X attacked")."""
        return any(
            c.dep_ == "mark" and c.lower_ in self.words["assertive_marks"] for c in clause.children
        ) and any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)

    def _doubted(self, verb: Token) -> bool:
        """Whether `verb` says its clause is not known: "is not clear", "remains unclear"."""
        for child in verb.children:
            if child.dep_ not in {"acomp", "attr", "oprd"}:
                continue
            lemma = child.lemma_.lower()
            if lemma in self.words["doubt_words"]:
                return True
            negated = any(c.dep_ == "neg" for c in (*child.children, *verb.children))
            if lemma in self.words["certainty_words"] and negated:
                return True
        return False

    def _negating_children(self, token: Token) -> bool:
        if self._counterfactual(token):
            return True
        for child in token.children:
            lower = child.lower_
            if child.dep_ == "neg" and not (token.pos_ in NOMINAL and child.i > token.i):
                return True
            if child.dep_ == "det" and lower in self.words["negating_dets"]:
                return True
            if child.dep_ == "aux" and lower in self.words["speculation_words"]:
                return True
            if child.dep_ == "mark" and lower in self.words["conditional_marks"]:
                return True
            if child.dep_ == "advmod" and lower in self.words["speculation_words"]:
                return True
            if (
                child.dep_ == "advmod"
                and lower in self.words["ended_advmods"]
                and any(g.dep_ == "neg" for g in child.children)
            ):
                return True  # "Iran no longer arms the Houthis": a relation that has ended
        return False

    def _speaker(self, verb: Token) -> list[TokenMention]:
        own = self.own_agents(verb)
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
