"""The rule engine: fires the registered rules on a sentence and gives each reading its
context (negation, refusal, speculation, who claims it) and confidence."""

from __future__ import annotations

from spacy.tokens import Span, Token

from graphx.extraction.kb import GENERIC, KnowledgeBase
from graphx.extraction.lexicon import Lexicon
from graphx.extraction.mentions import DocMentions, TokenMention
from graphx.extraction.rules.arguments import Reader
from graphx.extraction.rules.attribution import accused
from graphx.extraction.rules.registry import (
    RULES,
    Candidate,
    Found,
    Rejected,
    Rule,
    confidence_of,
)
from graphx.extraction.rules.syntax import unique
from graphx.models import Actor

# what an indirect mention costs a reading's confidence
_MENTION_DISCOUNT = {"coref": 0.85, "title": 0.9, GENERIC: 0.85}
_PROVISIONAL_DISCOUNT = 0.8


class RuleEngine:
    """Applies the registered rules to the sentences of one document."""

    def __init__(self, lexicon: Lexicon, kb: KnowledgeBase) -> None:
        self.lex = lexicon
        self.kb = kb
        self.reader = Reader(lexicon, kb)
        self._token_rules: list[tuple[Rule, frozenset[str]]] = []
        self._sentence_rules: list[Rule] = []
        for rule in RULES.values():
            if rule.find is None:
                continue
            if rule.trigger is None:
                self._sentence_rules.append(rule)
            else:
                self._token_rules.append((rule, lexicon.trigger_words(rule.trigger.words)))
        # word -> the token rules (by position) whose trigger table holds it: a token asks only
        # the rules its lemma or form can fire, not all ninety (most of the engine's time)
        self._rules_by_word: dict[str, list[int]] = {}
        for index, (_rule, words) in enumerate(self._token_rules):
            for word in words:
                self._rules_by_word.setdefault(word, []).append(index)

    def relations(
        self, sent: Span, dm: DocMentions, trace: list[Rejected] | None = None
    ) -> list[Found]:
        """The relations the rules read in `sent`; with `trace`, each reading refused is
        appended to it with its reason."""
        reader = self.reader
        reader.begin(dm)
        reader.sentence_cache = {}
        candidates: list[Candidate] = []
        for token in sent:
            candidates.extend(self._fired(token))
        for rule in self._sentence_rules:
            candidates.extend(rule.find(reader, sent))
        found: dict[tuple[str, str, str], Found] = {}

        def keep(item: Found) -> None:
            key = (item.source.actor.id, item.relation, item.target.actor.id)
            old = found.get(key)
            if old is None or _better(item, old):
                if trace is not None and old is not None:
                    trace.append(_outranked(old, item))
                found[key] = item
            elif trace is not None:
                trace.append(_outranked(item, old))

        for candidate in candidates:
            negated, claimant, accusing = reader.context(candidate.cue, sent)
            claimant = claimant or candidate.claimant
            for source in unique(candidate.sources):
                for target in unique(candidate.targets):
                    reason = reader.rejection(candidate.relation, source, target)
                    if reason is not None:
                        if trace is not None:
                            trace.append(
                                Rejected(candidate.relation, source, target, candidate.rule, reason)
                            )
                        continue
                    keep(
                        Found(
                            candidate.relation,
                            source,
                            target,
                            candidate.cue,
                            candidate.rule,
                            _confidence(candidate.rule, source, target),
                            negated,
                            claimant,
                        )
                    )
                    accusation = accused(
                        reader,
                        candidate.relation,
                        source,
                        candidate.cue,
                        negated,
                        claimant,
                        accusing,
                    )
                    if accusation is not None:
                        found.setdefault(
                            (accusation.source.actor.id, "opposes", source.actor.id), accusation
                        )
        return list(found.values())

    def _fired(self, token: Token) -> list[Candidate]:
        out: list[Candidate] = []
        by_word = self._rules_by_word
        lemma, lower = token.lemma_.lower(), token.lower_
        indices = by_word.get(lemma, [])
        if lower != lemma and lower in by_word:
            indices = sorted({*indices, *by_word[lower]})  # in declaration order
        for index in indices:
            rule, words = self._token_rules[index]
            assert rule.trigger is not None and rule.find is not None
            if rule.trigger.fires(token, words):
                out.extend(rule.find(self.reader, token))
        return out


def _confidence(rule: str, source: TokenMention, target: TokenMention) -> float:
    value = confidence_of(rule)
    for mention in (source, target):
        value *= _MENTION_DISCOUNT.get(mention.kind, 1.0)
        if mention.actor.provisional:
            value *= _PROVISIONAL_DISCOUNT
    return round(value, 3)


def _outranked(item: Found, by: Found) -> Rejected:
    return Rejected(
        item.relation,
        item.source,
        item.target,
        item.rule,
        f"a better reading of the same triple ({by.rule})",
    )


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
