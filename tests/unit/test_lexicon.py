"""The relation lexicon: loading, weights, refused type pairs and the cue tables built from it
(unit tier: YAML files written here and the bundled one, no model)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from graphx.errors import KnowledgeBaseError
from graphx.extraction.lexicon import Lexicon, VerbCue, load_lexicon
from graphx.models import RELATION_TYPES

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "lexicon.yaml"


def _spec(**relations: dict[str, Any]) -> dict[str, Any]:
    """A complete lexicon: every relation type with weight 1 unless `relations` says more."""
    spec: dict[str, Any] = {
        "relations": {name: {"weight": 1} for name in RELATION_TYPES},
        "negation_words": ["not", "never"],
        "attribution_verbs": ["Say", "claim"],
        "particles": ["out", "down"],
    }
    for name, fields in relations.items():
        spec["relations"][name].update(fields)
    return spec


def _load(tmp_path: Path, spec: dict[str, Any] | str) -> Lexicon:
    path = tmp_path / "lexicon.yaml"
    text = spec if isinstance(spec, str) else yaml.safe_dump(spec, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return load_lexicon(path)


def _error(tmp_path: Path, spec: dict[str, Any] | str) -> str:
    with pytest.raises(KnowledgeBaseError) as error:
        _load(tmp_path, spec)
    return str(error.value)


# ----------------------------------------------------------------------------- relations
def test_each_relation_keeps_its_weight_codes_and_description(tmp_path: Path):
    lexicon = _load(
        tmp_path,
        _spec(
            strikes={"weight": -9, "plover": ["ASSAULT"], "cameo": [190, "195"]},
            supports={"weight": 7, "description": "backs"},
        ),
    )
    assert set(lexicon.relations) == set(RELATION_TYPES)
    assert lexicon.weight("strikes") == -9 and lexicon.weight("supports") == 7
    assert lexicon.weight("opposes") == 1  # untouched relations keep theirs
    strikes = lexicon.relations["strikes"]
    # CAMEO codes written as numbers become text, like the quoted ones
    assert strikes.plover == ("ASSAULT",) and strikes.cameo == ("190", "195")
    assert 190 not in strikes.cameo
    assert lexicon.relations["supports"].description == "backs"
    assert lexicon.relations["opposes"].description == ""


@pytest.mark.parametrize("weight", [11, -11, 2.5, "3", None])
def test_a_weight_outside_minus_ten_to_ten_or_not_an_integer_is_refused(tmp_path, weight):
    message = _error(tmp_path, _spec(opposes={"weight": weight}))
    assert message.endswith("relations.opposes: weight must be an integer from -10 to 10")
    assert "relations.supports" not in message


def test_weights_at_the_bounds_are_accepted(tmp_path: Path):
    lexicon = _load(tmp_path, _spec(strikes={"weight": -10}, supports={"weight": 10}))
    assert (lexicon.weight("strikes"), lexicon.weight("supports")) == (-10, 10)


def test_refused_types_become_a_set_of_pairs_with_their_exempt_rules(tmp_path: Path):
    lexicon = _load(
        tmp_path,
        _spec(
            leads={
                "refused_types": [["person", "state"], ["state", "person"]],
                "refusal_exempt_rules": ["title"],
            }
        ),
    )
    leads = lexicon.relations["leads"]
    assert leads.refused_types == {("person", "state"), ("state", "person")}
    assert ("state", "state") not in leads.refused_types
    assert leads.refusal_exempt_rules == {"title"}
    # a relation that refuses nothing refuses nothing, and exempts no rule
    assert lexicon.relations["strikes"].refused_types == frozenset()
    assert lexicon.relations["strikes"].refusal_exempt_rules == frozenset()


@pytest.mark.parametrize(
    "refused",
    [[["state"]], [["state", "person", "group"]], ["state", "person"], [["state", 3]], "state"],
    ids=["one-type", "three-types", "flat-list", "not-a-name", "a-string"],
)
def test_a_refused_type_that_is_not_a_pair_of_names_is_refused(tmp_path, refused):
    message = _error(tmp_path, _spec(part_of={"refused_types": refused}))
    assert message.endswith(
        "relations.part_of: refused_types must be a list of [source, target] types"
    )


# ----------------------------------------------------------------------------- cue tables
def test_verb_cues_split_particles_prepositions_and_idioms(tmp_path: Path):
    lexicon = _load(
        tmp_path,
        _spec(
            strikes={"verbs": ["attack", "fire on", "open fire on"]},
            demands_withdrawal={"verbs": ["Kick out", "push out of", "end the presence of"]},
        ),
    )
    assert lexicon.verbs["attack"] == [VerbCue("strikes", None, ())]
    assert lexicon.verbs["fire"] == [VerbCue("strikes", None, ("on",))]
    # a listed particle is the verb's particle ("kick out", "push out of")
    assert lexicon.verbs["kick"] == [VerbCue("demands_withdrawal", "out", ())]
    assert lexicon.verbs["push"] == [VerbCue("demands_withdrawal", "out", ("of",))]
    # any other word makes an idiom with that object: "open fire on" needs "fire", and only
    # the prepositions after the object introduce the target
    assert lexicon.verbs["open"] == [VerbCue("strikes", None, ("on",), ("fire",))]
    assert lexicon.verbs["end"] == [VerbCue("demands_withdrawal", None, ("of",), ("presence",))]
    # cues are keyed by their first word, lower-cased: never by the particle or the phrase
    assert "Kick" not in lexicon.verbs and "out" not in lexicon.verbs
    assert "fire on" not in lexicon.verbs


def test_a_verb_of_two_relations_keeps_both_cues_in_file_order(tmp_path: Path):
    lexicon = _load(
        tmp_path, _spec(supports={"verbs": ["back"]}, opposes={"verbs": ["back away from"]})
    )
    assert [cue.relation for cue in lexicon.verbs["back"]] == ["supports", "opposes"]


def test_noun_cues_are_found_by_their_head_with_the_relation_prepositions(tmp_path: Path):
    lexicon = _load(
        tmp_path,
        _spec(
            strikes={"nouns": ["drone strike", "attack on", "bombing"], "noun_preps": ["on"]},
            negotiates={"nouns": ["strike"]},  # a later relation does not take a head over
        ),
    )
    assert lexicon.nouns["strike"] == "strikes"
    assert lexicon.nouns["attack"] == "strikes"  # "attack on": the word before the preposition
    assert lexicon.nouns["bombing"] == "strikes"
    assert "drone" not in lexicon.nouns and "on" not in lexicon.nouns
    assert lexicon.noun_preps["strike"] == {"on"}
    assert lexicon.noun_preps["bombing"] == {"on"}


def test_roles_prefixes_adjectives_and_mutual_nouns(tmp_path: Path):
    lexicon = _load(
        tmp_path,
        _spec(
            supports={
                "roles": ["ally", "key backer"],
                "inverse_roles": ["proxy force"],
                "prefixes": ["Backed"],
                "inverse_prefixes": ["aligned"],
                "polarity_prefix": "Pro",
                "adjectives": ["allied with", "allied to", "loyal"],
            },
            negotiates={"mutual_nouns": ["peace talks", "summit"]},
        ),
    )
    assert lexicon.roles["ally"] == ("supports", False)
    assert lexicon.roles["backer"] == ("supports", False)  # the head of "key backer"
    assert lexicon.roles["force"] == ("supports", True)  # inverse: the proxy is the target
    assert "key" not in lexicon.roles and "proxy" not in lexicon.roles
    assert lexicon.prefixes == {"backed": ("supports", False), "aligned": ("supports", True)}
    assert lexicon.polarity_prefixes == {"pro": "supports"}
    # an adjective's prepositions accumulate over its entries; a bare one takes none
    assert lexicon.adjectives["allied"] == ("supports", {"with", "to"})
    assert lexicon.adjectives["loyal"] == ("supports", frozenset())
    assert lexicon.mutual_nouns == {"talks": "negotiates", "summit": "negotiates"}


def test_leave_verbs_keep_their_particles(tmp_path: Path):
    lexicon = _load(
        tmp_path, _spec(demands_withdrawal={"leave_verbs": ["leave", "pull out", "go", "go home"]})
    )
    assert lexicon.leave_verbs["leave"] == {None}
    assert lexicon.leave_verbs["pull"] == {"out"}
    assert lexicon.leave_verbs["go"] == {None, "home"}
    assert "out" not in lexicon.leave_verbs


def test_word_lists_are_lower_cased_and_every_list_exists(tmp_path: Path):
    lexicon = _load(tmp_path, _spec())
    assert lexicon.has("attribution_verbs", "say") and lexicon.has("attribution_verbs", "claim")
    assert not lexicon.has("attribution_verbs", "Say")  # lemmas are looked up lower-cased
    assert lexicon.has("negation_words", "never")
    assert not lexicon.has("negation_words", "say")
    # lists the file leaves out are empty, not missing
    assert lexicon.words["speculation_words"] == frozenset()
    assert not lexicon.has("light_verbs", "launch")


# ----------------------------------------------------------------------------- errors
def test_an_unknown_or_missing_relation_type_is_named(tmp_path: Path):
    spec = _spec()
    spec["relations"]["befriends"] = {"weight": 2}
    message = _error(tmp_path, spec)
    assert message.endswith("unknown relation type(s): befriends")
    del spec["relations"]["befriends"], spec["relations"]["leads"]
    del spec["relations"]["threatens"]
    message = _error(tmp_path, spec)
    assert message.endswith("relation type(s) missing: leads, threatens")
    assert "supports" not in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("relations: [\n", "not valid YAML"),
        ("- a list\n", "expected a 'relations' mapping"),
        ("relations: [supports]\n", "expected a 'relations' mapping"),
        # a second table of one name would silently replace the first
        ("relations: {}\nwords_a: [x]\nwords_a: [y]\n", "duplicate key 'words_a'"),
    ],
)
def test_a_file_that_is_not_a_lexicon_names_the_file(tmp_path: Path, text: str, expected: str):
    message = _error(tmp_path, text)
    assert message.startswith(str(tmp_path / "lexicon.yaml") + ": ")
    assert expected in message


@pytest.mark.parametrize("word", [True, False, None, 1.5, ["nested"]])
def test_a_cue_that_is_not_a_word_is_refused(tmp_path: Path, word: Any):
    # a bare `on` or `no` in YAML is a boolean: it would silently never match
    message = _error(tmp_path, _spec(strikes={"verbs": ["attack", word]}))
    assert "relations.strikes: 'verbs' has" in message
    assert "not a word" in message


def test_a_cue_list_that_is_not_a_list_is_refused(tmp_path: Path):
    message = _error(tmp_path, _spec(strikes={"nouns": "attack"}))
    assert message.endswith("relations.strikes: 'nouns' must be a list of words")


# ----------------------------------------------------------------------------- the bundled file
def test_the_bundled_lexicon_is_the_default_and_refuses_wrong_types():
    lexicon = load_lexicon()
    assert lexicon == load_lexicon(BUNDLED)  # the default is that file
    assert "ASSAULT" not in lexicon.relations["supports"].plover
    # a state is never part of an armed group; leading a state by title is the exempt rule
    assert ("state", "armed_group") in lexicon.relations["part_of"].refused_types
    assert ("armed_group", "state") not in lexicon.relations["part_of"].refused_types
    assert lexicon.relations["leads"].refusal_exempt_rules == {"title"}
    assert lexicon.has("negation_words", "never") and not lexicon.has("negation_words", "ever")


def test_lexicon_has_nine_types_with_mappings():
    lexicon = load_lexicon()
    assert set(lexicon.relations) == set(RELATION_TYPES)
    for info in lexicon.relations.values():
        assert -10 <= info.weight <= 10
    assert lexicon.weight("strikes") < lexicon.weight("opposes") < 0 < lexicon.weight("supports")
    assert "ASSAULT" in lexicon.relations["strikes"].plover
    assert "106" in lexicon.relations["demands_withdrawal"].cameo
    assert "on" in lexicon.noun_preps["attack"]


def test_lexicon_rejects_yaml_booleans(tmp_path: Path):
    text = BUNDLED.read_text(encoding="utf-8")
    bad = tmp_path / "lexicon.yaml"
    bad.write_text(text.replace('"on"', "on", 1), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="not a word"):
        load_lexicon(bad)


def test_an_idiom_keeps_the_prepositions_before_its_object_out_of_the_target(tmp_path: Path):
    lexicon = _load(
        tmp_path,
        _spec(strikes={"verbs": ["go to war against", "come to the aid of", "wage war on"]}),
    )
    assert lexicon.verbs["go"] == [VerbCue("strikes", None, ("against",), ("war",))]
    assert lexicon.verbs["come"] == [VerbCue("strikes", None, ("of",), ("aid",))]
    # not ("to", "against"): "went to Baghdad" must not make Baghdad a target
    assert "to" not in lexicon.verbs["go"][0].preps


def test_every_word_list_the_rules_read_is_in_the_lexicon():
    """A rule reading `r.words["x"]` for a list the lexicon does not load would fail only when
    a sentence reaches it: every list named in the rules' source is loaded, and not empty."""
    import re

    lexicon = load_lexicon()
    rules = Path(__file__).parents[2] / "graphx" / "extraction" / "rules"
    named = {
        name
        for path in rules.glob("*.py")
        for name in re.findall(r'words\["([a-z_]+)"\]', path.read_text(encoding="utf-8"))
    }
    assert named, "the pattern found no word list at all"
    missing = sorted(n for n in named if n not in lexicon.words)
    assert not missing, f"word lists read by the rules but not loaded: {missing}"
    empty = sorted(n for n in named if not lexicon.words[n])
    assert not empty, f"word lists read by the rules but empty in data/lexicon.yaml: {empty}"
