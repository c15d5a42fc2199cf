"""The knowledge base: the bundled data's coverage, aliases, parents and dated offices, user
files over it, and its checks (parent cycles, duplicate ids, name clashes and takeovers),
the rollup of a state's organs and offices by date (unit tier: YAML only, no model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphx.errors import KnowledgeBaseError
from graphx.extraction.kb import (
    KnowledgeBase,
    Tenure,
    _Builder,
    load_knowledge_base,
    normalize_name,
    provisional_actor,
)

UN_MEMBERS = 193
NON_MEMBERS_LISTED = {"england", "kosovo", "taiwan", "vatican"}


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def test_coverage(kb):
    states = [a for a in kb.actors.values() if a.type == "state"]
    assert len([s for s in states if s.id not in NON_MEMBERS_LISTED]) == UN_MEMBERS
    assert len(kb) - len(states) >= 150
    for core in (
        "us",
        "iran",
        "pmf",
        "kataib_hezbollah",
        "mohammed_shia_al_sudani",
        "iraqi_parliament",
    ):
        assert core in kb


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("Kata'ib Hezbollah", "kataib_hezbollah"),
        ("Kataeb Hezbollah", "kataib_hezbollah"),
        ("Kataib Hizballah", "kataib_hezbollah"),
        ("PMU", "pmf"),
        ("Popular Mobilisation Units", "pmf"),
        ("Hashd al-Shaabi", "pmf"),
        ("Al-Soudani", "mohammed_shia_al_sudani"),
        ("Mohammed Shia' al-Sudani", "mohammed_shia_al_sudani"),
        ("Sudani", "mohammed_shia_al_sudani"),
        ("Washington", "us"),
        ("Tehran", "iran"),
        ("Iraqis", "iraq"),
        ("Asaib Ahl al-Haq", "asaib_ahl_al_haq"),
        ("Quds Force", "quds_force"),
        ("Peshmerga", "peshmerga"),
        ("Daesh", "isis"),
    ],
)
def test_aliases(kb, name, actor_id):
    assert kb.find(name)[0].id == actor_id


def test_parents(kb):
    assert kb.ancestors("kataib_hezbollah")[:2] == ["kataib_hezbollah", "pmf"]
    assert "us" in kb.ancestors("centcom")
    assert kb.ancestors("centcom")[1] == "pentagon"


@pytest.mark.parametrize(
    ("office", "date", "holder"),
    [
        ("iraq_prime_minister", "2020-01-13", "adel_abdul_mahdi"),
        ("iraq_prime_minister", "2022-10-27", "mohammed_shia_al_sudani"),
        ("iraq_prime_minister", "2024", "mohammed_shia_al_sudani"),
        ("iraq_prime_minister", "2010-06-01", "nouri_al_maliki"),
        ("us_president", "2020-01-03", "donald_trump"),
        ("us_president", "2024-02-02", "joe_biden"),
        ("us_secretary_of_defense", "2020-03-13", "mark_esper"),
        ("centcom_commander", "2020-06-01", "frank_mckenzie"),
        ("quds_force_commander", "2021-01-01", "esmail_qaani"),
        ("iran_supreme_leader", "2015-01-01", "ali_khamenei"),
    ],
)
def test_offices_resolve_by_date(kb, office, date, holder):
    assert kb.offices[office].holder_on(date) == holder


def test_user_file_extends_and_overrides(tmp_path: Path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "actors:\n"
        "  - {id: saraya_test, name: Saraya Test Brigade, type: armed_group, parents: [pmf],"
        " aliases: [STB]}\n"
        "  - {id: pmf, name: Popular Mobilization Forces, type: armed_group,"
        " aliases: [al-Hashd, Mobilisation Authority]}\n",
        encoding="utf-8",
    )
    kb = load_knowledge_base([extra])
    assert kb.find("STB")[0].id == "saraya_test"
    assert kb.ancestors("saraya_test")[1] == "pmf"
    assert kb.find("Mobilisation Authority")[0].id == "pmf"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("actors:\n  - {id: x, name: X}\n", "actors[0] (id 'x'): missing or empty 'type'"),
        ("actors:\n  - {id: x, name: X, type: wizard}\n", "type 'wizard' is not one of"),
        (
            "actors:\n  - {id: x, name: X, type: person, parents: [nobody]}\n",
            "actors[0] (id 'x'): unknown parent 'nobody'",
        ),
        ("actors:\n  - {id: x, name: X, type: person, colour: red}\n", "unknown field(s): colour"),
        ("actors: [\n", "not valid YAML"),
        # the second `aliases:` would silently replace the first
        (
            "actors:\n  - id: x\n    name: X\n    type: person\n    aliases: [Ex]\n"
            "    aliases: [Why]\n",
            "bad.yaml:6: not valid YAML: duplicate key 'aliases'",
        ),
        (
            "offices:\n  - {id: o, name: O, body: iraq, holders: [[nobody, 2020-01-01]]}\n",
            "offices[0] (id 'o'): holders[0]: unknown actor 'nobody'",
        ),
        ("- just a list\n", "expected a mapping"),
    ],
)
def test_malformed_files_name_file_and_entry(tmp_path: Path, content, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as error:
        load_knowledge_base([bad])
    assert str(bad) in str(error.value)
    assert message in str(error.value)


# ----------------------------------------------------------------------------- consistency checks
# Parent cycles and duplicate ids are errors naming the file and entry; a name claimed by two
# actors is a warning naming both and the keeper, and the keeper is the only actor the name
# resolves to, in `find` and in extraction.


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_kb_has_no_unintended_clashes_or_warnings(kb):
    # Loading it at all proves there are no parent cycles or duplicate ids.
    assert kb.bundled_clashes == []
    assert kb.warnings == []


@pytest.mark.parametrize(
    ("actors", "message"),
    [
        (
            "  - {id: x, name: X, type: armed_group, parents: [x]}\n",
            "actors[0] (id 'x'): parent cycle x -> x",
        ),
        (
            "  - {id: a, name: A, type: armed_group, parents: [b]}\n"
            "  - {id: b, name: B, type: armed_group, parents: [a]}\n",
            "actors[1] (id 'b'): parent cycle b -> a -> b",
        ),
        (
            "  - {id: a, name: A, type: armed_group, parents: [b]}\n"
            "  - {id: b, name: B, type: armed_group, parents: [pmf, c]}\n"
            "  - {id: c, name: C, type: armed_group, parents: [a]}\n",
            "actors[2] (id 'c'): parent cycle c -> a -> b -> c",
        ),
    ],
    ids=["self-parent", "2-cycle", "3-cycle"],
)
def test_parent_cycle_is_an_error_naming_file_and_entry(tmp_path: Path, actors, message):
    path = _write(tmp_path, "cycle.yaml", "actors:\n" + actors)
    with pytest.raises(KnowledgeBaseError) as error:
        load_knowledge_base([path])
    assert str(error.value) == f"{path}: {message}"


def test_cycle_closed_by_a_user_file_over_bundled_actors_names_that_file(tmp_path: Path):
    # kataib_hezbollah -> pmf in the bundled data; the user file makes pmf's chain loop back.
    path = _write(tmp_path, "loop.yaml", "actors:\n  - {id: pmf, parents: [kataib_hezbollah]}\n")
    with pytest.raises(KnowledgeBaseError) as error:
        load_knowledge_base([path])
    assert str(error.value) == (
        f"{path}: actors[0] (id 'pmf'): parent cycle pmf -> kataib_hezbollah -> pmf"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "actors:\n  - {id: x, name: X, type: person}\n  - {id: x, name: X Two, type: person}\n",
            "actors[1] (id 'x'): duplicate id 'x', already defined at actors[0] (id 'x')",
        ),
        (
            "states:\n  - {id: x, name: X}\nactors:\n  - {id: x, name: X Two, type: person}\n",
            "actors[0] (id 'x'): duplicate id 'x', already defined at states[0] (id 'x')",
        ),
        (
            "offices:\n  - {id: o, name: O, body: iraq}\n  - {id: o, name: O Two, body: iraq}\n",
            "offices[1] (id 'o'): duplicate id 'o', already defined at offices[0] (id 'o')",
        ),
    ],
    ids=["actors", "state-and-actor", "offices"],
)
def test_duplicate_id_inside_one_file_is_an_error(tmp_path: Path, content, message):
    path = _write(tmp_path, "dup.yaml", content)
    with pytest.raises(KnowledgeBaseError) as error:
        load_knowledge_base([path])
    assert str(error.value) == f"{path}: {message}"


def test_same_id_in_user_files_overrides_bundled_and_is_not_an_error(tmp_path: Path):
    first = _write(tmp_path, "one.yaml", "actors:\n  - {id: pmf, aliases: [Hashd Authority]}\n")
    second = _write(tmp_path, "two.yaml", "actors:\n  - {id: pmf, parents: [iraq]}\n")
    kb = load_knowledge_base([first, second])
    assert kb.find("Hashd Authority")[0].id == "pmf"
    assert kb.get("pmf").parents == ("iraq",)
    assert kb.get("pmf").name == "Popular Mobilization Forces"
    assert kb.warnings == []


def test_same_id_in_two_bundled_files_is_an_error():
    from graphx.extraction.kb import _Builder

    builder = _Builder()
    builder.add_file("data/kb/a.yaml", "actors:\n  - {id: x, name: X, type: person}\n")
    with pytest.raises(KnowledgeBaseError) as error:
        builder.add_file("data/kb/b.yaml", "actors:\n  - {id: x, name: Y, type: person}\n")
    assert str(error.value) == (
        "data/kb/b.yaml: actors[0] (id 'x'): duplicate id 'x', already defined in "
        "data/kb/a.yaml: actors[0] (id 'x')"
    )


def test_user_state_entry_keeps_the_demonyms_and_capital_it_does_not_give(tmp_path: Path):
    path = _write(tmp_path, "iraq.yaml", "states:\n  - {id: iraq, aliases: [Mesopotamia]}\n")
    kb = load_knowledge_base([path])
    assert kb.find("Mesopotamia")[0].id == "iraq"
    assert kb.find("Iraqis")[0].id == "iraq"
    assert kb.find("Baghdad")[0].id == "iraq"


def test_alias_claimed_by_two_actors_in_one_file_warns_and_first_keeps_it(tmp_path: Path):
    path = _write(
        tmp_path,
        "two.yaml",
        "actors:\n"
        "  - {id: alpha_front, name: Alpha Front, type: armed_group, aliases: [The Front]}\n"
        "  - {id: beta_front, name: Beta Front, type: armed_group, aliases: [Front, BF]}\n",
    )
    kb = load_knowledge_base([path])
    assert kb.warnings == [
        f"{path}: actors[1] (id 'beta_front'): alias 'Front' is also an alias ('The Front') of "
        f"'alpha_front' ({path}); 'alpha_front' keeps it (use --kb-override or "
        "`takes_over: [Front]` in the entry to give it to 'beta_front')"
    ]
    assert [a.id for a in kb.find("front")] == ["alpha_front"]
    assert kb.get("beta_front").aliases == ("BF",)
    assert kb.find("BF")[0].id == "beta_front"


FOO = "  - {id: foo_brigade, name: Foo Brigade, type: armed_group, aliases: [KH, Washington]"


def test_user_alias_over_bundled_names_warns_and_bundled_keeps_them(tmp_path: Path):
    path = _write(tmp_path, "user.yaml", f"actors:\n{FOO}}}\n")
    kb = load_knowledge_base([path])
    where = f"{path}: actors[0] (id 'foo_brigade')"
    assert kb.warnings == [
        f"{where}: alias 'KH' is also an alias of 'kataib_hezbollah' (data/kb/militias.yaml); "
        "'kataib_hezbollah' keeps it (use --kb-override or `takes_over: [KH]` in the entry "
        "to give it to 'foo_brigade')",
        f"{where}: alias 'Washington' is also the capital of 'us' (data/kb/states.yaml); "
        "'us' keeps it (use --kb-override or `takes_over: [Washington]` in the entry "
        "to give it to 'foo_brigade')",
    ]
    assert [a.id for a in kb.find("KH")] == ["kataib_hezbollah"]
    assert [a.id for a in kb.find("Washington")] == ["us"]


def test_takes_over_a_name_the_actor_does_not_have_is_an_error(tmp_path: Path):
    path = _write(
        tmp_path,
        "user.yaml",
        "actors:\n  - {id: foo, name: Foo, type: person, takes_over: [KH]}\n",
    )
    with pytest.raises(KnowledgeBaseError) as error:
        load_knowledge_base([path])
    assert str(error.value) == (
        f"{path}: actors[0] (id 'foo'): takes_over 'KH' is not a name, alias, demonym or "
        "capital of 'foo'"
    )


def test_bundled_takeover_does_not_silence_a_later_user_claim():
    from graphx.extraction.kb import OVERRIDE, USER, _Builder

    def built(*user: tuple[str, str, str]):
        builder = _Builder()
        builder.add_file(
            "data/kb/a.yaml",
            "actors:\n"
            "  - {id: a, name: A, type: person, aliases: [Ace]}\n"
            "  - {id: b, name: B, type: person, aliases: [Ace], takes_over: [Ace]}\n",
        )
        for name, text, source in user:
            builder.add_file(name, text, source)
        return builder.build()

    # Between bundled entries an explicit takeover decides, quietly.
    alone = built()
    assert (alone.find("Ace")[0].id, alone.warnings, alone.bundled_clashes) == ("b", [], [])
    user_file = ("u.yaml", "actors:\n  - {id: c, name: C, type: person, aliases: [Ace]}\n")
    mine = built((*user_file, USER))
    assert mine.find("Ace")[0].id == "b"
    assert len(mine.warnings) == 1
    assert mine.warnings[0].startswith("u.yaml: actors[0] (id 'c'): alias 'Ace'")
    assert "'b' keeps it" in mine.warnings[0]
    overriding = built((*user_file, OVERRIDE))
    assert (overriding.find("Ace")[0].id, overriding.warnings) == ("c", [])


def test_clash_between_bundled_entries_is_listed_not_warned():
    from graphx.extraction.kb import _Builder

    builder = _Builder()
    builder.add_file("data/kb/a.yaml", "actors:\n  - {id: a, name: A, type: person}\n")
    builder.add_file(
        "data/kb/b.yaml", "actors:\n  - {id: b, name: B, type: person, aliases: [a]}\n"
    )
    kb = builder.build()
    assert kb.warnings == []
    assert kb.bundled_clashes == [
        "data/kb/b.yaml: actors[0] (id 'b'): alias 'a' is also the name ('A') of 'a' "
        "(data/kb/a.yaml); 'a' keeps it (use --kb-override or `takes_over: [a]` in the entry "
        "to give it to 'b')"
    ]


def test_one_file_taking_a_name_over_for_two_actors_still_warns(tmp_path: Path):
    path = _write(
        tmp_path,
        "both.yaml",
        "actors:\n"
        "  - {id: one, name: One, type: person, aliases: [Boss], takes_over: [Boss]}\n"
        "  - {id: two, name: Two, type: person, aliases: [Boss], takes_over: [Boss]}\n",
    )
    kb = load_knowledge_base([path])
    assert kb.find("Boss")[0].id == "two"  # the latest explicit claim
    assert len(kb.warnings) == 1
    assert kb.warnings[0].startswith(f"{path}: actors[0] (id 'one'): alias 'Boss' is also")


@pytest.mark.parametrize("how", ["override file", "takes_over"])
def test_taking_over_a_name_moves_it_in_find(tmp_path: Path, how: str):
    if how == "override file":
        kb = load_knowledge_base([], [_write(tmp_path, "user.yaml", f"actors:\n{FOO}}}\n")])
    else:
        path = _write(tmp_path, "user.yaml", f"actors:\n{FOO}, takes_over: [kh, WASHINGTON]}}\n")
        kb = load_knowledge_base([path])
    assert kb.warnings == []  # a deliberate choice
    assert [a.id for a in kb.find("KH")] == ["foo_brigade"]
    assert [a.id for a in kb.find("Washington")] == ["foo_brigade"]
    assert "KH" not in kb.get("kataib_hezbollah").aliases
    # the losers keep their other names
    assert kb.find("Kataib Hezbollah")[0].id == "kataib_hezbollah"
    assert kb.find("United States")[0].id == "us"


# ----------------------------------------------------------------------------- small built bases
def _built(text: str) -> KnowledgeBase:
    """A knowledge base of one bundled-like file only (no bundled data)."""
    builder = _Builder()
    builder.add_file("data/kb/test.yaml", text)
    return builder.build()


ORGANS = _built(
    "states:\n"
    "  - {id: narnia, name: Narnia, demonyms: [Narnian], capital: Cair Paravel}\n"
    "  - {id: archenland, name: Archenland}\n"
    "actors:\n"
    "  - {id: narnia_defence, name: Narnian Defence Ministry, type: government_body,"
    " parents: [narnia]}\n"
    "  - {id: narnia_army, name: Narnian Army, type: state_forces, parents: [narnia_defence]}\n"
    "  - {id: border_guard, name: Border Guard, type: state_forces, parents: [narnia_army]}\n"
    "  - {id: narnia_senate, name: Narnian Senate, type: legislature, parents: [narnia]}\n"
    "  - {id: lion_militia, name: Lion Militia, type: armed_group, parents: [narnia_army]}\n"
    "  - {id: militia_unit, name: Militia Unit, type: state_forces, parents: [lion_militia]}\n"
    "  - {id: joint_force, name: Joint Force, type: state_forces,"
    " parents: [narnia_army, archenland]}\n"
    "  - {id: loose_forces, name: Loose Forces, type: state_forces}\n"
    "  - {id: queen, name: Queen Lucy, type: person, country: narnia}\n"
    "offices:\n"
    "  - id: narnia_ruler\n"
    "    name: Ruler of Narnia\n"
    "    body: narnia\n"
    "    titles: [Ruler, High Ruler]\n"
    "    holders: [[queen, 2001-01-01, 2010-06-30], [border_guard, 2010-06-30, 2015],"
    " [lion_militia, 2018-03]]\n"
)


@pytest.mark.parametrize(
    ("actor", "state"),
    [
        ("narnia", "narnia"),
        ("narnia_defence", "narnia"),
        ("narnia_army", "narnia"),
        ("border_guard", "narnia"),  # through forces and a ministry, two levels up
        ("joint_force", "archenland"),  # a state among the parents is taken before an organ
    ],
)
def test_organs_of_a_state_roll_up_to_it(actor: str, state: str):
    assert ORGANS.rollup(actor) == state


@pytest.mark.parametrize(
    "actor",
    [
        "narnia_senate",  # a legislature's vote is not the government's act
        "lion_militia",  # a militia under the army is still not the state
        "militia_unit",  # nor forces reached only through a militia
        "loose_forces",  # forces with no parent have nothing to roll up to
        "queen",  # a person with a country stands for herself
        "nobody",  # an unknown id stays as it is
    ],
)
def test_everything_else_stands_for_itself(actor: str):
    assert ORGANS.rollup(actor) == actor
    assert ORGANS.rollup(actor) != "narnia"


def test_ancestors_go_nearest_first_and_stop_at_unknown_ids():
    assert ORGANS.ancestors("border_guard") == [
        "border_guard",
        "narnia_army",
        "narnia_defence",
        "narnia",
    ]
    assert ORGANS.ancestors("joint_force") == [
        "joint_force",
        "narnia_army",
        "archenland",
        "narnia_defence",
        "narnia",
    ]
    assert ORGANS.ancestors("nobody") == []
    assert ORGANS.parent_names(ORGANS.get("border_guard")) == ["Narnian Army"]


def test_states_get_their_demonyms_and_capital_as_names():
    narnia = ORGANS.get("narnia")
    assert narnia.type == "state"
    assert narnia.aliases == ("Narnian", "Cair Paravel")
    assert [a.id for a in ORGANS.find("narnians")] == []  # no plural is made up
    assert [a.id for a in ORGANS.find("cair paravel")] == ["narnia"]
    assert ORGANS.get("queen").country == "narnia"


@pytest.mark.parametrize(
    ("date", "holder"),
    [
        ("2005-04-02", "queen"),
        ("2001-01-01", "queen"),  # the first day of a tenure
        ("2010-06-30", "border_guard"),  # a handover day: the incoming holder
        ("2012", "border_guard"),
        ("2018-03-01", "lion_militia"),
        ("2030-01-01", "lion_militia"),  # an open-ended tenure goes on
        ("2016-05-05", None),  # between tenures: nobody
        ("1999", None),  # before the first
        (None, "lion_militia"),  # undated: the holder in office now
    ],
)
def test_an_office_holder_is_read_by_date(date: str | None, holder: str | None):
    assert ORGANS.offices["narnia_ruler"].holder_on(date) == holder


def test_an_office_is_found_by_its_titles_folded():
    assert [o.id for o in ORGANS.offices_titled("the high ruler")] == ["narnia_ruler"]
    assert [o.id for o in ORGANS.offices_titled("RULER")] == ["narnia_ruler"]
    assert ORGANS.offices_titled("King") == []
    assert ORGANS.titles == ["High Ruler", "Ruler"]


def test_an_office_without_an_open_tenure_is_held_by_its_last_holder_when_undated():
    kb = _built(
        "states:\n  - {id: narnia, name: Narnia}\n"
        "actors:\n  - {id: a, name: A, type: person}\n  - {id: b, name: B, type: person}\n"
        "offices:\n  - {id: o, name: O, body: narnia,"
        " holders: [[a, 2000, 2004], [b, 2004, 2008]]}\n"
        "  - {id: empty, name: Empty, body: narnia}\n"
    )
    assert kb.offices["o"].holder_on(None) == "b"
    assert kb.offices["o"].holder_on("2009") is None
    assert kb.offices["empty"].holder_on(None) is None
    assert kb.offices["o"].relation == "leads"  # the default


def test_tenure_covers_dates_as_iso_prefixes():
    tenure = Tenure("x", "2020-03-15", "2021-02")
    # a start given to the day covers its year and month when they are all a date gives
    assert tenure.covers("2020-03-15") and tenure.covers("2020") and tenure.covers("2020-03")
    assert tenure.covers("2021-02")
    assert not tenure.covers("2020-03-14") and not tenure.covers("2021-03")
    assert not tenure.covers(None)  # undated: only an open-ended tenure
    assert Tenure("x", None, None).covers(None)


@pytest.mark.parametrize(
    ("office", "message"),
    [
        ("{id: o, name: O, body: nowhere}", "unknown body 'nowhere'"),
        ("{id: o, name: O, body: narnia, relation: rules}", "relation must be 'leads' or"),
        ("{id: o, name: O, body: narnia, country: oz}", "unknown country 'oz'"),
        ("{id: o, name: O, body: narnia, holders: [[a, 5 May 2020]]}", "is not an ISO date"),
        ("{id: o, name: O, body: narnia, holders: [[a, 2020, 2021, 2022]]}", "[actor, from, to]"),
        ("{id: o, name: O, body: narnia, holders: a}", "'holders' must be a list"),
    ],
)
def test_a_malformed_office_is_an_error_naming_it(office: str, message: str):
    text = (
        "states:\n  - {id: narnia, name: Narnia}\nactors:\n  - {id: a, name: A, type: person}\n"
        f"offices:\n  - {office}\n"
    )
    with pytest.raises(KnowledgeBaseError) as error:
        _built(text)
    assert str(error.value).startswith("data/kb/test.yaml: offices[0]")
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("The Kata'ib  Hezbollah", "kataib hezbollah"),
        ("Erdoğan", "erdogan"),
        ("al-Sudani", "al sudani"),
        ("U.S.", "us"),
        ("Mohammed Shia’ al-Sudani", "mohammed shia al sudani"),
        ("Theatre Group", "theatre group"),  # only a whole leading word "the" goes
        ("   ", ""),
    ],
)
def test_names_fold_accents_case_apostrophes_hyphens_and_a_leading_the(name: str, folded: str):
    assert normalize_name(name) == folded


def test_a_provisional_actor_gets_a_stable_id_from_its_name():
    actor = provisional_actor("The Free Brigades of Ur!", "armed_group")
    assert actor.id == "provisional:free_brigades_of_ur"
    assert actor.provisional and actor.type == "armed_group"
    assert actor.name == "The Free Brigades of Ur!"  # the name as written, not folded
    assert provisional_actor("!!!", "person").id == "provisional:unnamed"


def test_non_actors_are_folded_and_never_actors():
    kb = _built("non_actors: [The Daily Courier, Green Zone]\n")
    assert kb.is_non_actor("daily courier") and kb.is_non_actor("GREEN-ZONE")
    assert not kb.is_non_actor("Courier")
    assert kb.find("Green Zone") == [] and len(kb) == 0


def test_a_tenure_ending_in_a_month_or_year_covers_the_days_inside_it():
    from graphx.extraction.kb import Tenure

    tenure = Tenure("pm", "2014-09", "2015-06")
    assert tenure.covers("2015-06-20") and tenure.covers("2014-09-01") and tenure.covers("2015")
    assert not tenure.covers("2015-07-01") and not tenure.covers("2014-08-31")
    assert Tenure("pm", "2010", "2012").covers("2012-12-31")
    assert not Tenure("pm", "2010", "2012").covers("2013-01-01")
