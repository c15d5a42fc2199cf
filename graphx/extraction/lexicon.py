"""The relation lexicon (`data/lexicon.yaml`): cue words for each relation type and the general
cues (attribution, negation, control) the extraction rules need, as fast lookup tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graphx.errors import KnowledgeBaseError
from graphx.extraction.yaml_keys import UniqueKeyLoader
from graphx.models import RELATION_TYPES
from graphx.resources import data_text

_WORD_LISTS = (
    # talks and leadership beyond a cue verb (rules/talks.py)
    "settling_verbs",
    "settling_preps",
    "settled_terms",
    "led_pronouns",
    "led_group_types",
    "beside_preps",
    "particles",
    "light_verbs",
    "recipient_verbs",
    "control_verbs",
    "control_nouns",
    "demand_verbs",
    "demand_nouns",
    "attribution_verbs",
    "attribution_nouns",
    "accusation_verbs",
    "refusal_verbs",
    "responsibility_nouns",
    "responsibility_verbs",
    "blame_verbs",
    "claiming_verbs",
    "topic_preps",
    "raid_events",
    "attack_events",
    "labelling_verbs",
    "pledge_words",
    "threat_modals",
    "aspect_verbs",
    "punishing_verbs",
    # supports and strikes beyond a cue verb (rules/assistance.py, rules/combat.py)
    "giving_verbs",
    "aid_objects",
    "asking_verbs",
    "staying_verbs",
    "combat_partner_verbs",
    "response_verbs",
    "participation_verbs",
    "participation_nouns",
    "participation_carriers",
    "casualty_verbs",
    "dying_verbs",
    "casualty_preps",
    "casualty_times",
    "remnant_nouns",
    "armed_event_nouns",
    "armed_types",
    "planning_words",
    "effort_nouns",
    "member_list_preps",
    "losing_verbs",
    "revolt_nouns",
    "objectless_force_verbs",
    "state_part_types",
    "hostile_relations",
    "time_entities",
    "causing_verbs",
    "death_nouns",
    "object_control_verbs",
    "requesting_verbs",
    "weapon_nouns",
    "place_part_nouns",
    "boundary_nouns",
    "involvement_verbs",
    "involvement_preps",
    "enabling_verbs",
    "future_modals",
    "connection_nouns",
    "vanguard_nouns",
    "wishing_verbs",
    "quarrel_verbs",
    "quarrel_preps",
    "turning_verbs",
    "turned_weapons",
    "dependence_verbs",
    "conduct_nouns",
    "hostile_labels",
    "negation_words",
    "negating_dets",
    "speculation_words",
    # the words the shared readings (arguments, coreference, context) need
    "relative_pronouns",
    "conditional_marks",
    "speculative_heads",
    "causative_verbs",
    "using_verbs",
    "allegiance_words",
    "backing_verbs",
    "quantity_nouns",
    "out_words",
    "locative_preps",
    "subordinators",
    "container_nouns",
    "non_state_group_nouns",
    "demanding_attribution_verbs",
    "non_reporting_verbs",
    "accusing_claim_verbs",
    "own_forces_verbs",
    "vote_words",
    "agent_prefixes",
    "definite_dets",
    "counted_dets",
    "place_kind_nouns",
    "head_match_stop_nouns",
    "inclusion_preps",
    "responsibility_adjectives",
    "roles_needing_whole",
    "membership_verbs",
    "membership_whole_types",
    "command_nouns",
    "past_role_words",
    "indefinite_dets",
    "partitive_words",
    "agent_nouns",
    "proxy_nouns",
    "group_nouns",
    "naming_verbs",
    "alias_verbs",
    "person_pronouns",
    "plural_pronouns",
    "pair_words",
    "remnant_verbs",
    "doubt_words",
    "certainty_words",
    "demonstrative_dets",
    # opposition, threats and negotiation beyond their cue words (rules/stances.py)
    "listing_verbs",
    "list_nouns",
    "hostile_list_words",
    "cessation_verbs",
    "claim_rejection_verbs",
    "disputed_claims",
    "accusing_nouns",
    # sanctions whose targets are named after them (rules/stances.py)
    "sanctioning_verbs",
    "designation_participles",
    "target_naming_verbs",
    "target_listing_verbs",
    "sanction_reach_verbs",
    "counting_words",
    "among_pronouns",
    "denial_verbs",
    "withheld_goods",
    "blamed_events",
    "enemy_labels",
    "summoning_verbs",
    "diplomat_nouns",
    "freezing_verbs",
    "frozen_goods",
    "stance_participles",
    "redress_nouns",
    "answering_pronouns",
    "demanded_actions",
    "division_words",
    "aiming_verbs",
    "aiming_preps",
    "consequence_verbs",
    "consequence_objects",
    "accountability_words",
    "mediation_verbs",
    "slogan_nouns",
    "slogan_preps",
    "punishing_nouns",
    # legislatures and governments: votes, laws, nominations, cabinets (rules/legislatures.py)
    "ballot_verbs",
    "formal_approval_cues",
    "endorsing_cues",
    "rejecting_cues",
    "voting_rejection_cues",
    "cabinet_nouns",
    "agreement_nouns",
    "truce_words",
    "law_nouns",
    "proposing_cues",
    "standing_verbs",
    "granting_verbs",
    "status_nouns",
    "lawmaking_types",
    "legislative_types",
    "confidence_nouns",
    "confidence_withdrawal_verbs",
    "vote_holding_verbs",
    "unrealised_heads",
    "protest_nouns",
    "protest_preps",
    "walkout_verbs",
    "walkout_cues",
    "candidacy_nouns",
    "nominating_cues",
    # --- supthr --- readiness, ultimatums, passive lists (rules/pledges.py, assistance.py)
    "readiness_words",
    "medium_nouns",
    "medium_preps",
    "possessed_ally_words",
    "purpose_nouns",
    "ultimatum_verbs",
    "ultimatum_conjunctions",
    "facing_verbs",
    "penalty_words",
    "adjunct_support_nouns",
    "adjunct_support_preps",
    "act_nouns",
    "sponsor_types",
    "sponsored_types",
    "assertive_marks",
    "receiving_verbs",
    "setting_verbs",
    "backing_preps",
    "declaring_verbs",
    "avenging_verbs",
    "revenge_nouns",
    "thanking_verbs",
    "ended_advmods",
    "counterfactual_modals",
    "past_time_words",
    "time_limit_nouns",
    "time_granting_verbs",
    "leaver_types",
    "purpose_preps",
    "trip_verbs",
)


def _type_pairs(where: str, spec: dict[str, Any]) -> frozenset[tuple[str, str]]:
    pairs = spec.get("refused_types") or []
    if not isinstance(pairs, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(t, str) for t in p) for p in pairs
    ):
        raise KnowledgeBaseError(f"{where}: refused_types must be a list of [source, target] types")
    return frozenset((source, target) for source, target in pairs)


@dataclass(frozen=True)
class VerbCue:
    relation: str
    particle: str | None  # "out" in "kick out"
    preps: tuple[str, ...]  # empty: the target is the direct object
    # an idiom's own object ("war" in "wage war on", "power" in "bring to power"): the verb
    # must have it, and the target preps may hang on it ("went to war against X")
    objects: tuple[str, ...] = ()


@dataclass(frozen=True)
class RelationInfo:
    name: str
    description: str
    plover: tuple[str, ...]
    cameo: tuple[str, ...]
    weight: int
    # (source type, target type) pairs the relation never joins: facts wrong for the type
    refused_types: frozenset[tuple[str, str]] = frozenset()
    # rules whose evidence overrides refused_types (an office held on the date: "President X")
    refusal_exempt_rules: frozenset[str] = frozenset()


@dataclass
class Lexicon:
    relations: dict[str, RelationInfo]
    verbs: dict[str, list[VerbCue]] = field(default_factory=dict)
    nouns: dict[str, str] = field(default_factory=dict)
    noun_preps: dict[str, frozenset[str]] = field(default_factory=dict)
    roles: dict[str, tuple[str, bool]] = field(default_factory=dict)
    adjectives: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    prefixes: dict[str, tuple[str, bool]] = field(default_factory=dict)
    polarity_prefixes: dict[str, str] = field(default_factory=dict)
    mutual_nouns: dict[str, str] = field(default_factory=dict)
    # verbs whose coordinated or plural subject holds the relation between its members
    # ("Iran and Saudi Arabia met", "the two sides clashed")
    mutual_verbs: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)
    leave_verbs: dict[str, set[str | None]] = field(default_factory=dict)
    words: dict[str, frozenset[str]] = field(default_factory=dict)

    group_noun_types: dict[str, frozenset[str]] = field(default_factory=dict)
    pair_noun_types: dict[str, frozenset[str]] = field(default_factory=dict)

    def trigger_words(self, table: str) -> frozenset[str]:
        """The words of lexicon table `table` that fire a rule: a cue table ("verbs",
        "event_nouns", "roles", ...) or one of the word lists."""
        if table in self._cue_tables:
            return self._cue_tables[table]
        try:
            return self.words[table]
        except KeyError:
            raise KeyError(f"the lexicon has no word table {table!r}") from None

    @property
    def _cue_tables(self) -> dict[str, frozenset[str]]:
        tables = self.__dict__.get("_tables")
        if tables is None:
            tables = {
                "verbs": frozenset(self.verbs),
                "removal_verbs": frozenset(
                    v
                    for v, cues in self.verbs.items()
                    if any(c.relation == "demands_withdrawal" and not c.objects for c in cues)
                ),
                "leave_verbs": frozenset(self.leave_verbs),
                "event_nouns": frozenset(self.nouns) | frozenset(self.mutual_nouns),
                "mutual_verbs": frozenset(self.mutual_verbs),
                "withdrawal_nouns": frozenset(
                    n for n, r in self.nouns.items() if r == "demands_withdrawal"
                ),
                "roles": frozenset(self.roles),
                "adjectives": frozenset(self.adjectives),
                "prefixes": frozenset(self.prefixes),
                "polarity_prefixes": frozenset(self.polarity_prefixes),
            }
            self.__dict__["_tables"] = tables
        return tables

    def weight(self, relation: str) -> int:
        return self.relations[relation].weight

    def has(self, word_list: str, lemma: str) -> bool:
        return lemma in self.words[word_list]


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Load the bundled lexicon, or the file at `path`."""
    if path is None:
        name, text = data_text("lexicon.yaml")
    else:
        name, text = str(path), Path(path).read_text(encoding="utf-8")
    try:
        raw = yaml.load(text, Loader=UniqueKeyLoader)
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{name}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("relations"), dict):
        raise KnowledgeBaseError(f"{name}: expected a 'relations' mapping")
    unknown = set(raw["relations"]) - set(RELATION_TYPES)
    if unknown:
        raise KnowledgeBaseError(f"{name}: unknown relation type(s): {', '.join(sorted(unknown))}")
    missing = set(RELATION_TYPES) - set(raw["relations"])
    if missing:
        raise KnowledgeBaseError(f"{name}: relation type(s) missing: {', '.join(sorted(missing))}")
    infos = {}
    lexicon = Lexicon(relations=infos)
    syntax = _cue_syntax(name, raw)
    for relation, spec in raw["relations"].items():
        where = f"{name}: relations.{relation}"
        if not isinstance(spec, dict):
            raise KnowledgeBaseError(f"{where}: expected a mapping")
        weight = spec.get("weight")
        if not isinstance(weight, int) or not -10 <= weight <= 10:
            raise KnowledgeBaseError(f"{where}: weight must be an integer from -10 to 10")
        infos[relation] = RelationInfo(
            name=relation,
            description=str(spec.get("description", "")),
            plover=tuple(_words(where, spec, "plover")),
            cameo=tuple(_words(where, spec, "cameo")),
            weight=weight,
            refused_types=_type_pairs(where, spec),
            refusal_exempt_rules=frozenset(_words(where, spec, "refusal_exempt_rules")),
        )
        _add_cues(lexicon, where, relation, spec, syntax)
    for key in _WORD_LISTS:
        lexicon.words[key] = frozenset(w.lower() for w in _words(name, raw, key))
    lexicon.group_noun_types = _noun_types(name, raw, "group_noun_types")
    lexicon.pair_noun_types = _noun_types(name, raw, "pair_noun_types")
    return lexicon


def _noun_types(name: str, raw: dict[str, Any], key: str) -> dict[str, frozenset[str]]:
    """A mapping of nouns to the actor types they refer back to."""
    table = raw.get(key) or {}
    if not isinstance(table, dict):
        raise KnowledgeBaseError(f"{name}: {key} must map a noun to actor types")
    return {str(noun).lower(): frozenset(_words(f"{name}: {key}", table, noun)) for noun in table}


def _words(where: str, spec: dict[str, Any], key: str) -> list[str]:
    value = spec.get(key) or []
    if not isinstance(value, list):
        raise KnowledgeBaseError(f"{where}: '{key}' must be a list of words")
    for item in value:
        # YAML reads a bare on/off/yes/no as a boolean: the cue would silently never match.
        if isinstance(item, bool) or not isinstance(item, (str, int)):
            raise KnowledgeBaseError(
                f'{where}: \'{key}\' has {item!r}, not a word (quote words such as "on" or "no")'
            )
    return [str(v).strip() for v in value if str(v).strip()]


@dataclass(frozen=True)
class _CueSyntax:
    """The function words that give a multi-word cue its shape."""

    particles: frozenset[str]
    prepositions: frozenset[str]
    determiners: frozenset[str]


def _cue_syntax(name: str, raw: dict[str, Any]) -> _CueSyntax:
    """The file's cue syntax; a lexicon file without its own lists uses the bundled ones."""
    lists = {}
    for key in ("particles", "cue_prepositions", "cue_determiners"):
        if key in raw:
            lists[key] = frozenset(w.lower() for w in _words(name, raw, key))
        else:
            bundled_name, text = data_text("lexicon.yaml")
            lists[key] = frozenset(
                w.lower() for w in _words(bundled_name, yaml.safe_load(text), key)
            )
    return _CueSyntax(lists["particles"], lists["cue_prepositions"], lists["cue_determiners"])


def _head_word(phrase: str, syntax: _CueSyntax) -> str:
    """The word a multi-word noun cue is found by: its head ("drone strike" -> "strike")."""
    words = phrase.lower().split()
    for index, word in enumerate(words):
        if index and word in syntax.prepositions:
            return words[index - 1]
    return words[-1]


def _add_cues(
    lexicon: Lexicon, where: str, relation: str, spec: dict[str, Any], syntax: _CueSyntax
) -> None:
    for phrase in _words(where, spec, "verbs"):
        words = phrase.lower().split()
        lemma, rest = words[0], words[1:]
        others = [w for w in rest if w not in syntax.prepositions and w not in syntax.determiners]
        particle = None
        objects: tuple[str, ...] = ()
        preps = tuple(w for w in rest if w in syntax.prepositions)
        if len(others) == 1 and others[0] in syntax.particles:  # "kick out", "shoot down"
            particle = others[0]
        elif others:
            # an idiom ("wage war on", "go to war against", "bring to power", "come to the aid
            # of"): its last content word is its object; the prepositions after it introduce
            # the target, those before it the object ("to" in "go to war")
            objects = (others[-1],)
            after = rest[len(rest) - rest[::-1].index(others[-1]) :]
            preps = tuple(w for w in after if w in syntax.prepositions)
        lexicon.verbs.setdefault(lemma, []).append(VerbCue(relation, particle, preps, objects))
    preps = frozenset(_words(where, spec, "noun_preps"))
    for phrase in _words(where, spec, "nouns"):
        head = _head_word(phrase, syntax)
        lexicon.nouns.setdefault(head, relation)
        lexicon.noun_preps.setdefault(head, preps)
    for phrase in _words(where, spec, "adjectives"):
        words = phrase.lower().split()
        _, known = lexicon.adjectives.get(words[0], (relation, frozenset()))
        lexicon.adjectives[words[0]] = (relation, known | frozenset(words[1:]))
    for phrase in _words(where, spec, "roles"):
        lexicon.roles.setdefault(_head_word(phrase, syntax), (relation, False))
    for phrase in _words(where, spec, "inverse_roles"):
        lexicon.roles.setdefault(_head_word(phrase, syntax), (relation, True))
    for word in _words(where, spec, "prefixes"):
        lexicon.prefixes.setdefault(word.lower(), (relation, False))
    for word in _words(where, spec, "inverse_prefixes"):
        lexicon.prefixes.setdefault(word.lower(), (relation, True))
    polarity = spec.get("polarity_prefix")
    if polarity:
        lexicon.polarity_prefixes[str(polarity).lower()] = relation
    for word in _words(where, spec, "mutual_nouns"):
        lexicon.mutual_nouns.setdefault(_head_word(word, syntax), relation)
    for phrase in _words(where, spec, "mutual_verbs"):
        # "trade fire": the verb and its own object; "speak by phone": the object of "by"
        lemma, *rest = phrase.lower().split()
        objects = tuple(w for w in rest if w not in syntax.prepositions)
        lexicon.mutual_verbs.setdefault(lemma, []).append((relation, objects))
    for phrase in _words(where, spec, "leave_verbs"):
        words = phrase.lower().split()
        lexicon.leave_verbs.setdefault(words[0], set()).add(words[1] if len(words) > 1 else None)
