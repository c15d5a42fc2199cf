"""The rule registry: every construction the engine reads, declared in one place.

A rule is a function from a trigger token (or, for a sentence rule, a sentence) to candidate
readings, registered with its name, its family, what triggers it and its confidence:

    @token_rule("labelling", family="verbs", confidence=0.7,
                trigger=Trigger("labelling_verbs", VERBAL),
                reads='"The Houthis called the United States the greatest enemy"')
    def labelling(r: Reader, verb: Token) -> Iterator[Candidate]: ...

The trigger names a word table of the lexicon (`Lexicon.trigger_words`), so the words live in
data and the engine looks up which rules a token can fire without calling every rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from graphx.extraction.mentions import TokenMention
    from graphx.extraction.rules.arguments import Reader

VERBAL = frozenset({"VERB", "AUX"})
NOMINAL = frozenset({"NOUN", "PROPN"})
ADJECTIVAL = frozenset({"ADJ"})
ANY_POS: frozenset[str] = frozenset()

FAMILIES = (
    "verbs",
    "event_nouns",
    "modifiers",
    "roles",
    "demands",
    "attribution",
    "responsibility",
    "membership",
    "assistance",
    "combat",
    "legislatures",
)


@dataclass
class Candidate:
    """One reading of a rule: a relation from every source to every target."""

    relation: str
    sources: list[TokenMention]
    targets: list[TokenMention]
    cue: Token
    rule: str
    # who says so, when the construction itself names it ("Washington blamed X for the
    # attack"); otherwise the context's speaker, if any
    claimant: TokenMention | None = None


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


@dataclass(frozen=True)
class Trigger:
    """Which tokens can fire a rule: a word of the lexicon table `words`, read as its lemma
    (or its lower-cased form), with one of the parts of speech `pos` (any when empty)."""

    words: str
    pos: frozenset[str] = ANY_POS
    form: str = "lemma"

    def fires(self, token: Token, words: frozenset[str]) -> bool:
        """Whether `token` fires it; a lemma trigger also accepts the word as written
        ("talks", which spaCy lemmatises "talk")."""
        if self.pos and token.pos_ not in self.pos:
            return False
        if self.form == "lemma" and token.lemma_.lower() in words:
            return True
        return token.lower_ in words


@dataclass(frozen=True)
class Rule:
    """A declared construction."""

    name: str
    family: str
    confidence: float
    reads: str  # an example of what it reads (for readers of the registry and `graphx explain`)
    trigger: Trigger | None = None  # None: a sentence rule, or one derived from others
    find: Callable[..., Iterator[Candidate]] | None = field(default=None, compare=False)


RULES: dict[str, Rule] = {}


def _register(rule: Rule) -> None:
    if rule.name in RULES:
        raise ValueError(f"rule {rule.name!r} is declared twice")
    if rule.family not in FAMILIES:
        raise ValueError(f"rule {rule.name!r}: unknown family {rule.family!r}")
    if not 0.0 < rule.confidence <= 1.0:
        raise ValueError(f"rule {rule.name!r}: confidence must be in (0, 1]")
    RULES[rule.name] = rule


def token_rule(
    name: str, *, family: str, confidence: float, trigger: Trigger, reads: str
) -> Callable[[Callable[[Reader, Token], Iterator[Candidate]]], Callable[..., Iterator[Candidate]]]:
    """Declare a rule fired by a token its `trigger` accepts."""

    def declare(
        function: Callable[[Reader, Token], Iterator[Candidate]],
    ) -> Callable[..., Iterator[Candidate]]:
        _register(Rule(name, family, confidence, reads, trigger, function))
        return function

    return declare


def sentence_rule(
    name: str, *, family: str, confidence: float, reads: str
) -> Callable[[Callable[[Reader, Span], Iterator[Candidate]]], Callable[..., Iterator[Candidate]]]:
    """Declare a rule that reads a whole sentence (it has no trigger word)."""

    def declare(
        function: Callable[[Reader, Span], Iterator[Candidate]],
    ) -> Callable[..., Iterator[Candidate]]:
        _register(Rule(name, family, confidence, reads, None, function))
        return function

    return declare


def derived_rule(name: str, *, family: str, confidence: float, reads: str) -> Rule:
    """Declare a rule the engine derives from other readings (it finds nothing on its own)."""
    rule = Rule(name, family, confidence, reads)
    _register(rule)
    return rule


def confidence_of(name: str) -> float:
    """The declared confidence of rule `name` (a reading by an undeclared rule is a bug)."""
    return RULES[name].confidence
