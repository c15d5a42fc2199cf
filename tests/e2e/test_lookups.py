"""CLI lookups on both stores: name resolution, an actor's profile, relations between two
actors, chains linking them, and timelines; lookups never import spaCy."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from graphx.serve.lookup import (
    ActorNotFound,
    AmbiguousActor,
    actor_profile,
    between,
    paths,
    resolve_actor,
    timeline,
)

from ..conftest import CORPUS, run_graphx


@pytest.mark.parametrize(
    ("name", "actor_id", "via"),
    [
        ("America", "us", "alias"),
        ("united states", "us", "name"),
        ("kataib_hezbollah", "kataib_hezbollah", "id"),
        ("the Popular Mobilization Forces", "pmf", "name"),
        ("Kataib Hezbolah", "kataib_hezbollah", "fuzzy"),  # a typo
        ("Qassem", "qassem_soleimani", "part of a name"),
    ],
)
def test_names_resolve_through_aliases_and_fuzzy_matching(corpus_store, name, actor_id, via):
    resolved = resolve_actor(corpus_store, name)
    assert (resolved.id, resolved.via) == (actor_id, via)


def test_near_misses_get_suggestions_and_ambiguous_names_list_candidates(corpus_store):
    with pytest.raises(
        ActorNotFound, match=r"did you mean .*Kataib Hezbollah \(kataib_hezbollah\)"
    ):
        resolve_actor(corpus_store, "Katab Hezbolah Brigade")
    with pytest.raises(ActorNotFound, match="no actor named 'Zzyzx'"):
        resolve_actor(corpus_store, "Zzyzx")
    with pytest.raises(AmbiguousActor, match=r"'al' is ambiguous: .*use a fuller name or an id"):
        resolve_actor(corpus_store, "al")


def test_actor_profile(corpus_store):
    profile = actor_profile(corpus_store, "US", evidence=3)
    assert (profile.id, profile.name, profile.type) == ("us", "United States", "state")
    assert "America" in profile.aliases
    strikes = {
        (r.target, r.mentions, r.documents, r.first_date, r.last_date)
        for r in profile.outgoing
        if r.relation == "strikes"
    }
    assert ("qassem_soleimani", 3, 2, "2020-01-03", "2020-01-06") in strikes
    assert all(r.source == "us" for r in profile.outgoing)
    assert all(r.target == "us" for r in profile.incoming) and profile.incoming
    assert len(profile.evidence) == 3
    for row in profile.evidence:
        assert "us" in (row["source"], row["target"])
        assert row["sentence"] in (CORPUS / f"{row['doc']}.txt").read_text(encoding="utf-8")


def test_actor_profile_shows_parents(corpus_store):
    profile = actor_profile(corpus_store, "Kataib Hezbollah")
    assert "pmf" in profile.parents


def test_between_two_actors_both_ways_with_evidence(corpus_store):
    result = between(corpus_store, "Soleimani", "United States")
    assert {(r.source, r.relation, r.target) for r in result.relations} == {
        ("us", "strikes", "qassem_soleimani")
    }
    assert len(result.evidence) == 3
    assert [row["date"] for row in result.evidence] == sorted(
        row["date"] for row in result.evidence
    )


def test_path_between_two_actors(corpus_store):
    result = paths(corpus_store, "Kataib Hezbollah", "Iraqi Parliament", max_hops=3)
    assert result.paths
    edges = {
        (s, t)
        for row in corpus_store.query(
            "MATCH (a:Actor)-[e]->(b:Actor) RETURN a.id AS s, b.id AS t"
        ).rows
        for s, t in [row]
    }
    for chain in result.paths:
        assert len(chain) <= 3
        assert all((hop.source, hop.target) in edges for hop in chain)
        ends = {chain[0].source, chain[0].target} & {"kataib_hezbollah"}
        assert ends, chain
    none = paths(corpus_store, "Kataib Hezbollah", "Iraqi Parliament", max_hops=1)
    assert none.paths == []


def test_timeline_by_month(corpus_store):
    result = timeline(corpus_store, "US", "Soleimani")
    assert [(r.month, r.source, r.relation, r.target, r.count) for r in result.rows] == [
        ("2020-01", "us", "strikes", "qassem_soleimani", 3)
    ]
    alone = timeline(corpus_store, "Kataib Hezbollah")
    assert len(alone.rows) > 3
    assert [r.month for r in alone.rows] == sorted(r.month for r in alone.rows)


def test_both_stores_answer_alike(embedded_store, neo4j_store, corpus_mentions):
    from graphx.store.loading import load_mentions

    answers = []
    for store in (embedded_store, neo4j_store):
        load_mentions(store, str(corpus_mentions))
        profile = actor_profile(store, "Kataib Hezbollah", evidence=100).as_dict()
        profile["evidence"] = sorted(row["id"] for row in profile["evidence"])
        answers.append(
            (
                profile,
                between(store, "US", "Soleimani").as_dict(),
                [hop.__dict__ for chain in paths(store, "KH", "Iran").paths for hop in chain],
                timeline(store, "Iran").as_dict(),
            )
        )
    assert answers[0] == answers[1]


def test_cli_lookups_against_neo4j(neo4j_store, corpus_mentions):
    from graphx.store.loading import load_mentions

    load_mentions(neo4j_store, str(corpus_mentions))
    store_args = ["--neo4j", neo4j_store.location]
    result = run_graphx("actor", "US", "--format", "json", *store_args)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "us"
    for args in (
        ["between", "US", "Soleimani"],
        ["path", "KH", "Iraqi Parliament"],
        ["timeline", "Iran"],
    ):
        result = run_graphx(*args, *store_args)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip()
    missing = run_graphx("actor", "Kataib Hezbolah Brigade", *store_args)
    assert missing.returncode == 1
    assert missing.stderr.startswith(
        "Error: no actor named 'Kataib Hezbolah Brigade'; did you mean"
    )
    assert missing.stderr.count("\n") == 1


def test_cli_actor_on_the_embedded_store(tmp_path, corpus_mentions):
    db = str(tmp_path / "g.lbdb")
    assert run_graphx("load", str(corpus_mentions), "-q", "--db", db).returncode == 0
    result = run_graphx("actor", "US", "--db", db)
    assert result.returncode == 0, result.stderr
    assert "United States" in result.stdout and "strikes" in result.stdout
    ambiguous = run_graphx("actor", "al", "--db", db)
    assert ambiguous.returncode == 1 and "is ambiguous" in ambiguous.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["actor", "US"],
        ["between", "US", "Iran"],
        ["path", "US", "Iran"],
        ["timeline", "US"],
        ["stats"],
        ["export", "--format", "json", "-o", "{tmp}/g.json"],
        ["view", "-o", "{tmp}/v.html"],
        ["query", "who_strikes_whom"],
    ],
)
def test_commands_that_do_not_extract_import_no_spacy_nor_dask(tmp_path, corpus_mentions, command):
    db = str(tmp_path / "g.lbdb")
    assert run_graphx("load", str(corpus_mentions), "-q", "--db", db).returncode == 0
    args = [part.replace("{tmp}", str(tmp_path)) for part in command] + ["--db", db]
    probe = (
        "import sys\n"
        "from graphx.cli import main\n"
        "try:\n"
        f"    main({args!r}, standalone_mode=False)\n"
        "finally:\n"
        "    print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY',\n"
        "          'DASK' if {'dask', 'distributed'} & set(sys.modules) else 'NO-DASK',\n"
        "          file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().endswith("NO-SPACY NO-DASK")
