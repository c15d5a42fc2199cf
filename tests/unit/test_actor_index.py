"""Name resolution (graphx.serve.lookup.ActorIndex) on plain dictionaries of actors, as the
stores give them: exact ids, names and aliases, accents, a leading "the", part of a name, near
misses, ambiguous names and names not found (unit tier: no store)."""

from __future__ import annotations

import pytest

from graphx.errors import ActorNotFound, AmbiguousActor
from graphx.serve.lookup import ActorIndex, Resolved

ACTORS = {
    "kh": {"name": "Kataib Hezbollah", "aliases": ["KH Brigades", "Kata'ib Hizballah"]},
    "usa": {"name": "United States", "aliases": ["Washington", "America"]},
    "us_forces": {"name": "US forces", "aliases": []},
    "pmf": {"name": "Popular Mobilization Forces", "aliases": ["Hashd"]},
    "erdogan": {"name": "Recep Tayyip Erdoğan", "aliases": ["Reis"]},
    "quds_force": {"name": "Quds Force", "aliases": []},
    "al_sadr": {"name": "Muqtada al-Sadr", "aliases": []},
    "saraya": {"name": "Saraya al-Salam", "aliases": ["Peace Brigades"]},
    "sudani": {"name": "Mohammed Shia al-Sudani", "aliases": []},
    "sudan": {"name": "Sudan", "aliases": []},
    # two actors sharing an alias: it names neither on its own
    "badr": {"name": "Badr Organization", "aliases": ["Badr Brigades", "the Organization"]},
    "badr_bloc": {"name": "Fatah Alliance", "aliases": ["Organization"]},
    "nameless": {},
}


@pytest.fixture(scope="module")
def index() -> ActorIndex:
    return ActorIndex(ACTORS)


@pytest.mark.parametrize(
    ("text", "actor_id", "via"),
    [
        ("kh", "kh", "id"),
        ("us_forces", "us_forces", "id"),
        ("us forces", "us_forces", "id"),  # an id folds like a name: "_" is a space
        ("United States", "usa", "name"),
        ("UNITED  STATES", "usa", "name"),
        ("Washington", "usa", "alias"),
        ("kataib hizballah", "kh", "alias"),  # the apostrophe goes
        ("Kataib Hezbollah", "kh", "name"),
    ],
)
def test_exact_ids_names_and_aliases(index: ActorIndex, text: str, actor_id: str, via: str):
    resolved = index.resolve(text)
    assert (resolved.id, resolved.via) == (actor_id, via)
    assert resolved.via != "fuzzy"


def test_a_resolved_actor_carries_its_display_name(index: ActorIndex):
    assert index.resolve("Washington") == Resolved("usa", "United States", "alias")
    # an actor without a name is shown by its id
    assert index.resolve("nameless") == Resolved("nameless", "nameless", "id")


@pytest.mark.parametrize("text", ["Erdogan", "erdoğan", "ERDOGAN", "Recep Tayyip Erdogan"])
def test_accents_do_not_matter(index: ActorIndex, text: str):
    assert index.resolve(text).id == "erdogan"


def test_a_leading_the_does_not_matter(index: ActorIndex):
    assert index.resolve("the United States") == Resolved("usa", "United States", "name")
    assert index.resolve("The Quds Force").id == "quds_force"
    # Badr's alias "the Organization" is Fatah's "Organization": "the" is no part of a name
    with pytest.raises(AmbiguousActor):
        index.resolve("the Organization")


def test_a_whole_word_part_of_a_name_resolves_when_only_one_actor_has_it(index: ActorIndex):
    assert index.resolve("Mobilization") == Resolved(
        "pmf", "Popular Mobilization Forces", "part of a name"
    )
    assert index.resolve("Sadr").id == "al_sadr"
    assert index.resolve("Sadr").via == "part of a name"
    # a word is matched whole: "Sudan" is its own actor, not part of "al-Sudani"
    assert index.resolve("Sudan") == Resolved("sudan", "Sudan", "id")
    assert index.resolve("al-Sudani").id == "sudani"


def test_a_near_miss_resolves_fuzzily(index: ActorIndex):
    assert index.resolve("Popular Mobilisation Forces") == Resolved(
        "pmf", "Popular Mobilization Forces", "fuzzy"
    )
    assert index.resolve("Kataib Hezbolah").id == "kh"
    assert index.resolve("Quds Forse").via == "fuzzy"


def test_an_exact_name_shared_by_two_actors_is_ambiguous(index: ActorIndex):
    with pytest.raises(AmbiguousActor) as error:
        index.resolve("Organization")
    assert str(error.value) == (
        "'Organization' is ambiguous: Badr Organization (badr), Fatah Alliance (badr_bloc); "
        "use a fuller name or an id"
    )
    # the fuller names each resolve alone
    assert index.resolve("Badr Organization").id == "badr"
    assert index.resolve("Fatah Alliance").id == "badr_bloc"


def test_a_word_in_several_names_is_ambiguous_and_lists_them(index: ActorIndex):
    with pytest.raises(AmbiguousActor) as error:
        index.resolve("brigades")
    message = str(error.value)
    for label in ("Kataib Hezbollah (kh)", "Badr Organization (badr)", "Saraya al-Salam (saraya)"):
        assert label in message
    assert "Quds Force" not in message


def test_many_candidates_are_listed_up_to_eight():
    actors = {f"front_{n}": {"name": f"Front {n}"} for n in range(11)}
    with pytest.raises(AmbiguousActor) as error:
        ActorIndex(actors).resolve("front")
    message = str(error.value)
    assert message.count("(front_") == 8
    assert "and 3 more; use a fuller name or an id" in message


def test_a_far_miss_suggests_close_names(index: ActorIndex):
    with pytest.raises(ActorNotFound) as error:
        index.resolve("Hezbola")
    assert str(error.value) == "no actor named 'Hezbola'; did you mean Kataib Hezbollah (kh)?"


@pytest.mark.parametrize("text", ["xyzzy", "Zqwv Jkpx"])
def test_a_name_like_nothing_is_not_found(index: ActorIndex, text: str):
    with pytest.raises(ActorNotFound) as error:
        index.resolve(text)
    assert str(error.value) == f"no actor named {text!r} in the store"
    assert "did you mean" not in str(error.value)


@pytest.mark.parametrize("text", ["", "   ", "!!", "_"])
def test_an_empty_name_is_not_a_name(index: ActorIndex, text: str):
    with pytest.raises(ActorNotFound, match="not an actor name"):
        index.resolve(text)


def test_names_gives_display_names_and_ids_for_unknown_actors(index: ActorIndex):
    assert index.names(["usa", "ghost"]) == {"usa": "United States", "ghost": "ghost"}
