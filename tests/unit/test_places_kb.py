"""Places that stand for their occupants (data/kb/places.yaml): the bundled entries, their dated
occupants, and the checks a places section passes on load (unit tier: YAML only, no model)."""

from __future__ import annotations

import pytest

from graphx.errors import KnowledgeBaseError
from graphx.extraction.kb import PLACE_RELATIONS, _Builder, load_knowledge_base


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


# ----------------------------------------------------------------------------- the bundled data
@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("Ain al-Asad", "ain_al_asad"),
        ("the Ain al-Assad airbase", "ain_al_asad"),
        ("Al Asad Airbase", "ain_al_asad"),
        ("Camp Taji", "camp_taji"),
        ("Camp Victory", "camp_victory"),
        ("Victory Base", "camp_victory"),
        ("Union III", "union_iii"),
        ("Harir air base", "harir_air_base"),
        ("Erbil airport", "erbil_air_base"),
        ("Irbil air base", "erbil_air_base"),
        ("al-Tanf", "al_tanf"),
        ("Tower 22", "tower_22"),
        ("Conoco gas field", "conoco"),
        ("Green Village", "green_village"),
        ("Rmelan", "rumalayn"),
        ("Balad air base", "balad_air_base"),
        ("US embassy compound", "us_embassy_compound"),
        ("Eilat", "eilat"),
        ("Haifa port", "haifa"),
        ("Nevatim air base", "nevatim"),
        ("Ramat David", "ramat_david"),
        ("Red Sea", "red_sea"),
    ],
)
def test_theatre_places_by_name(kb, name, place_id):
    place = kb.place_named(name)
    assert place is not None and place.id == place_id


@pytest.mark.parametrize(
    ("place_id", "date", "occupant"),
    [
        # the coalition's Taji site, handed to the Iraqi security forces on 23 August 2020
        ("camp_taji", "2020-03-11", "global_coalition"),
        ("camp_taji", "2020-08-22", "global_coalition"),
        ("camp_taji", "2020-08-23", "iraqi_security_forces"),
        ("camp_taji", "2021", "iraqi_security_forces"),
        ("camp_taji", "2008-05-01", "us_military"),
        ("camp_taji", "2013-06-01", None),  # between the 2011 withdrawal and the coalition
        ("ain_al_asad", "2020-01-08", "us_military"),
        ("ain_al_asad", "2026-01-17", "iraqi_security_forces"),
        ("ain_al_asad", "2013", None),
        ("balad_air_base", "2009", "us_military"),
        ("balad_air_base", "2021-06-01", "iraqi_security_forces"),
        ("al_tanf", "2024-01-28", "us_military"),
        ("al_tanf", "2026-03", "syrian_mod"),
        ("al_tanf", "2015", None),
        ("tower_22", "2024-01-28", "us_military"),
        ("erbil_air_base", "2021-02-15", "global_coalition"),
        ("us_embassy_compound", "2019-12-31", "us_embassy_baghdad"),
        ("us_embassy_compound", "2003-05", None),
        ("eilat", "2024-03-01", "israel"),
        ("nevatim", "2024-04-14", "idf"),
        ("red_sea", "2024-01-12", None),
    ],
)
def test_occupant_on_a_date(kb, place_id, date, occupant):
    assert kb.places[place_id].occupant_on(date) == occupant


def test_undated_place_stands_for_its_current_occupant(kb):
    assert kb.places["tower_22"].occupant_on(None) == "us_military"
    assert kb.places["camp_taji"].occupant_on(None) == "iraqi_security_forces"
    assert kb.places["union_iii"].occupant_on(None) is None  # the coalition left, no one named


def test_every_occupant_is_an_actor_and_places_are_only_targets(kb):
    for place in kb.places.values():
        assert all(t.holder in kb for t in place.tenures)
    assert {"strikes", "threatens"} == PLACE_RELATIONS


def test_bases_are_no_longer_non_actors(kb):
    for name in ("Ain al-Asad", "Ain al-Asad air base", "Erbil airport", "Tower 22"):
        assert not kb.is_non_actor(name)
        assert kb.place_named(name) is not None
    # a civil airport and a district hosting many stay non-actors
    assert kb.is_non_actor("Baghdad airport") and kb.place_named("Baghdad airport") is None
    assert kb.is_non_actor("Green Zone")


def test_place_names_are_no_actor_names(kb):
    for place in kb.places.values():
        for name in (place.name, *place.names):
            assert kb.find(name) == [], name


# ----------------------------------------------------------------------------- load-time checks
_ACTORS = """
actors:
  - {id: host_force, name: Host Force, type: state_forces}
  - {id: new_host, name: New Host, type: state_forces}
"""


def _build(places_yaml: str, extra: str = "") -> object:
    builder = _Builder()
    builder.add_file("actors.yaml", _ACTORS + extra)
    builder.add_file("places.yaml", places_yaml)
    return builder.build()


def test_a_valid_places_file_loads_with_dated_occupants():
    kb = _build(
        """
places:
  - id: camp_x
    name: Camp X
    names: [X base]
    stands_for:
      - [host_force, 2010, 2019-06-30]
      - [new_host, 2019-07-01]
"""
    )
    place = kb.place_named("the X base")
    assert place is not None
    assert place.occupant_on("2015-01-01") == "host_force"
    assert place.occupant_on("2019-07-01") == "new_host"
    assert place.occupant_on("2009") is None


@pytest.mark.parametrize(
    ("places_yaml", "message"),
    [
        (
            "places:\n  - {id: camp_x, name: Camp X}\n",
            "places.yaml: places[0] (id 'camp_x'): missing 'stands_for' (use [] for no actor)",
        ),
        (
            "places:\n  - {id: camp_x, name: Camp X, stands_for: [[nobody]]}\n",
            "places.yaml: places[0] (id 'camp_x'): stands_for[0]: unknown actor 'nobody'",
        ),
        (
            "places:\n  - {id: camp_x, name: Camp X, stands_for: [[host_force, 'May 2010']]}\n",
            "places.yaml: places[0] (id 'camp_x'): stands_for[0]: 'May 2010' is not an ISO date",
        ),
        (
            "places:\n  - {id: camp_x, name: Camp X, stands_for: host_force}\n",
            "places.yaml: places[0] (id 'camp_x'): 'stands_for' must be a list of [actor, "
            "from, to]",
        ),
        (
            "places:\n  - {id: camp_x, name: Camp X, stands_for: [[host_force, 2012, 2010]]}\n",
            "places.yaml: places[0] (id 'camp_x'): stands_for[0]: ends before it starts",
        ),
        (
            "places:\n  - {id: camp_x, name: Camp X, "
            "stands_for: [[host_force, 2010], [new_host, 2015]]}\n",
            "places.yaml: places[0] (id 'camp_x'): stands_for[1]: overlaps the period before it",
        ),
        (
            "places:\n  - {id: camp_x, name: Camp X, stands_for: [], occupant: host_force}\n",
            "places.yaml: places[0] (id 'camp_x'): unknown field(s): occupant",
        ),
        (
            "places:\n  - {id: camp_x, name: Camp X, country: atlantis, stands_for: []}\n",
            "places.yaml: places[0] (id 'camp_x'): unknown country 'atlantis'",
        ),
        (
            "places:\n  - {name: Camp X, stands_for: []}\n",
            "places.yaml: places[0]: missing or empty 'id'",
        ),
        (
            "places:\n  - {id: camp_x, stands_for: []}\n",
            "places.yaml: places[0] (id 'camp_x'): missing or empty 'name'",
        ),
        (
            "places:\n  - {id: camp_x, name: Camp X, stands_for: []}\n"
            "  - {id: camp_y, name: Camp Y, names: [Camp X], stands_for: []}\n",
            "places.yaml: places[1] (id 'camp_y'): name 'Camp X' is also a name of place 'camp_x'",
        ),
        (
            "places:\n  - {id: camp_x, name: Camp X, stands_for: []}\n"
            "  - {id: camp_x, name: Camp X again, stands_for: []}\n",
            "places.yaml: places[1] (id 'camp_x'): duplicate id 'camp_x'",
        ),
        (
            "places:\n  - {id: camp_x, name: Host Force, stands_for: []}\n",
            "places.yaml: places[0] (id 'camp_x'): name 'Host Force' is also a name of actor "
            "'host_force'",
        ),
        (
            "places: {id: camp_x}\n",
            "places.yaml: 'places' must be a list",
        ),
    ],
)
def test_malformed_place_entries_fail_with_one_line_naming_file_and_entry(places_yaml, message):
    with pytest.raises(KnowledgeBaseError) as raised:
        _build(places_yaml)
    text = str(raised.value)
    assert "\n" not in text
    assert text.startswith(message)


def test_a_place_name_also_listed_as_non_actor_is_refused():
    with pytest.raises(KnowledgeBaseError, match=r"name 'Camp X' is also listed in non_actors"):
        _build(
            "places:\n  - {id: camp_x, name: Camp X, stands_for: []}\n",
            "non_actors: [Camp X]\n",
        )


def test_a_user_file_may_move_a_place_to_another_occupant():
    builder = _Builder()
    builder.add_file("actors.yaml", _ACTORS)
    builder.add_file(
        "places.yaml", "places:\n  - {id: camp_x, name: Camp X, stands_for: [[host_force]]}\n"
    )
    builder.add_file("mine.yaml", "places:\n  - {id: camp_x, stands_for: [[new_host]]}\n", "user")
    kb = builder.build()
    assert kb.places["camp_x"].occupant_on("2024") == "new_host"
    assert kb.places["camp_x"].name == "Camp X"
