"""Dependency rules: from a parsed sentence and its actor mentions to typed, directed relations.

One module per construction family declares its rules in the registry (`registry.RULES`):
verbs (with passives, participles and labelling), event nouns, modifiers (prefixes and
adjectives), roles and titles, demands, attribution, responsibility, legislatures (votes, laws,
nominations, cabinets). Shared modules read the arguments (`arguments`), coreference
(`coreference`) and context (`context`); the words they need are in `data/lexicon.yaml`."""

from graphx.extraction.rules import (  # noqa: F401  (importing a family registers its rules)
    assistance,
    attribution,
    combat,
    demands,
    event_nouns,
    legislatures,
    membership,
    modifiers,
    pledges,
    reciprocal,
    responsibility,
    roles,
    stances,
    talks,
    verbs,
)
from graphx.extraction.rules.engine import RuleEngine, wrong_for_types
from graphx.extraction.rules.registry import RULES, Candidate, Found, Rejected, Rule

__all__ = ["RULES", "Candidate", "Found", "Rejected", "Rule", "RuleEngine", "wrong_for_types"]
