"""The knowledge base and lexicon: coverage, aliases, dated offices, user overrides, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphx.errors import KnowledgeBaseError
from graphx.kb import load_knowledge_base
from graphx.lexicon import load_lexicon
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
    text = (Path(__file__).parent.parent / "data" / "lexicon.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "lexicon.yaml"
    bad.write_text(text.replace('"on"', "on", 1), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="not a word"):
        load_lexicon(bad)
