"""The knowledge base and lexicon: coverage, aliases, dated offices, user overrides, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphx.errors import KnowledgeBaseError
from graphx.extraction.kb import load_knowledge_base
from graphx.extraction.lexicon import load_lexicon
from graphx.models import RELATION_TYPES

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
    text = (Path(__file__).parents[2] / "data" / "lexicon.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "lexicon.yaml"
    bad.write_text(text.replace('"on"', "on", 1), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="not a word"):
        load_lexicon(bad)


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


@pytest.mark.parametrize("how", ["override file", "takes_over"])
def test_taking_over_a_name_gives_it_to_the_user_actor(tmp_path: Path, extractor, how):
    from graphx.extraction.pipeline import Extractor
    from graphx.models import Document

    if how == "override file":
        kb = load_knowledge_base([], [_write(tmp_path, "user.yaml", f"actors:\n{FOO}}}\n")])
    else:
        path = _write(tmp_path, "user.yaml", f"actors:\n{FOO}, takes_over: [kh, WASHINGTON]}}\n")
        kb = load_knowledge_base([path])
    assert kb.warnings == []  # a deliberate choice
    assert [a.id for a in kb.find("KH")] == ["foo_brigade"]
    assert [a.id for a in kb.find("Washington")] == ["foo_brigade"]
    assert "KH" not in kb.get("kataib_hezbollah").aliases
    assert kb.find("Kataib Hezbollah")[0].id == "kataib_hezbollah"
    assert kb.find("Iraqis")[0].id == "iraq"
    custom = Extractor(kb=kb, nlp=extractor.nlp)
    found = custom.extract(
        Document(id="t", text="KH fired rockets at Iraqi forces.", source="test")
    )
    assert {r.source.actor.id for r in found} == {"foo_brigade"}


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


def test_cli_override_gives_the_name_and_warnings_print_once_with_jobs(tmp_path: Path):
    from ..conftest import run_graphx

    user = _write(tmp_path, "user.yaml", f"actors:\n{FOO}}}\n")
    news = tmp_path / "news"
    news.mkdir()
    (news / "one.txt").write_text("KH fired rockets at Iraqi forces.\n", encoding="utf-8")
    (news / "two.txt").write_text("Washington condemned Iran.\n", encoding="utf-8")

    def sources(*options: str) -> tuple[dict[str, set[str]], list[str]]:
        result = run_graphx("extract", str(news), "-q", "--jobs", "2", *options, check=True)
        by_sentence: dict[str, set[str]] = {}
        for line in result.stdout.splitlines():
            record = json.loads(line)
            by_sentence.setdefault(record["sentence"], set()).add(record["source"]["id"])
        return by_sentence, result.stderr.splitlines()

    kept, stderr = sources("--kb", str(user))
    assert kept == {
        "KH fired rockets at Iraqi forces.": {"kataib_hezbollah"},
        "Washington condemned Iran.": {"us"},
    }
    assert len(stderr) == 2
    assert stderr[0].startswith(f"Warning: {user}: actors[0] (id 'foo_brigade'): alias 'KH'")
    assert stderr[1].startswith(f"Warning: {user}: actors[0] (id 'foo_brigade'): alias 'Wash")

    taken, stderr = sources("--kb-override", str(user))
    assert taken == {
        "KH fired rockets at Iraqi forces.": {"foo_brigade"},
        "Washington condemned Iran.": {"foo_brigade"},
    }
    assert stderr == []


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


def test_cli_load_prints_kb_warnings_once(tmp_path: Path):
    from ..conftest import run_graphx

    user = _write(tmp_path, "user.yaml", f"actors:\n{FOO}}}\n")
    mentions = _write(tmp_path, "none.jsonl", "")
    db = str(tmp_path / "graph.lbdb")
    result = run_graphx("load", str(mentions), "--db", db, "-q", "--kb", str(user), check=True)
    assert [line.split(": alias ")[1][:4] for line in result.stderr.splitlines()] == [
        "'KH'",
        "'Was",
    ]
    assert all(line.startswith("Warning: ") for line in result.stderr.splitlines())
