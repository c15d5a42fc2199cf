"""`graphx query` parameters through the CLI on the embedded store: actor parameters take names
resolved like the lookups, undeclared parameters are refused, a Neo4j-only query says so; and
`graphx build` on extract's own output points to `graphx load` once."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from graphx.errors import InputError
from graphx.extraction.documents import ExtractOutputGiven, looks_like_extract_output, read_inputs
from graphx.models import Document
from graphx.serve.queries import find_query, library, prepare_query

from ..conftest import run_graphx

NEWS = (
    "Border clashes continue\n\n"
    "Iran continued to arm Kataib Hezbollah, officials in Baghdad said on Monday.\n"
    "Kataib Hezbollah fighters fired rockets at US troops stationed near Erbil.\n"
    "The United States accused Iran of backing the attack.\n"
)


# a query file of the user's, with value parameters only
TOP_TARGETS = """// The most struck targets.
// param: limit = 20 — number of rows
// param: hostile = true — only hostile relations
MATCH (m:Mention) WHERE m.relation = 'strikes' AND $hostile
RETURN m.target_id AS target, count(*) AS n ORDER BY n DESC LIMIT $limit
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """An embedded store built from NEWS, and extract's output of the same text in a folder."""
    root = tmp_path_factory.mktemp("query_params")
    (root / "news.txt").write_text(NEWS, encoding="utf-8")
    db = root / "graph.lbdb"
    run_graphx("build", str(root / "news.txt"), "--db", str(db), "-q", check=True)
    extracted = root / "extracted"
    extracted.mkdir()
    mentions = extracted / "mentions.jsonl"
    run_graphx("extract", str(root / "news.txt"), "-q", "-o", str(mentions), check=True)
    return {"root": root, "db": db, "mentions": mentions, "extracted": extracted}


def _query(built, *args: str):
    return run_graphx("query", *args, "--db", str(built["db"]), "--format", "json")


def _rows(result) -> list[dict]:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _one_error_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and "Traceback" not in result.stderr
    assert result.stdout == ""
    return lines[0]


# ----------------------------------------------------------------------------- actor params
def test_library_marks_the_parameters_that_take_actors():
    actor_params = {q.name: {p.name for p in q.params if p.is_actor} for q in library()}
    assert actor_params["what_actor_does"] == {"actor"}
    assert actor_params["between_two_actors"] == {"a", "b"}
    assert actor_params["sponsors_of_attackers"] == {"target"}
    assert actor_params["factions_and_patrons"] == {"umbrella"}
    # numbers, dates and parameter-less queries take no actor
    assert actor_params["most_attacked"] == set()
    assert actor_params["who_strikes_whom"] == set()
    assert actor_params["provisional_actors"] == set()


@pytest.mark.parametrize("typed", ["iran", "Iran", "IRAN", "Tehran", "Islamic Republic of Iran"])
def test_an_actor_param_takes_an_id_a_name_or_an_alias(built, typed):
    rows = _rows(_query(built, "what_actor_does", "--param", f"actor={typed}"))
    assert {(r["relation"], r["target"]) for r in rows} == {("supports", "Kataib Hezbollah")}
    # Iran's rows only: the United States' accusation is not Iran's doing
    assert all(r["target"] != "Iran" for r in rows)


def test_two_actor_params_resolve_each_and_a_typo_resolves_fuzzily(built):
    rows = _rows(_query(built, "between_two_actors", "-p", "a=Washington", "-p", "b=Tehran"))
    assert [(r["source"], r["relation"], r["target"]) for r in rows] == [("us", "opposes", "iran")]
    rows = _rows(_query(built, "sponsors_of_attackers", "-p", "target=US military"))
    assert [(r["sponsor"], r["attacker"]) for r in rows] == [("Iran", "Kataib Hezbollah")]
    typo = _rows(_query(built, "what_actor_does", "-p", "actor=Kataib Hezbolah"))
    assert [(r["relation"], r["target"]) for r in typo] == [("strikes", "US military")]
    assert not any(r["relation"] == "supports" for r in typo)


@pytest.mark.parametrize("typed", ["Zzyzx", "Katab Hezbolah Brigade", "al"])
def test_unknown_or_ambiguous_names_give_the_lookups_one_line_error(built, typed):
    queried = _query(built, "what_actor_does", "--param", f"actor={typed}")
    looked_up = run_graphx("actor", typed, "--db", str(built["db"]))
    assert queried.returncode == looked_up.returncode == 1
    assert _one_error_line(queried) == _one_error_line(looked_up)
    # the name is never run as if it were an id (that would print an empty table instead)
    assert "row(s)" not in queried.stdout


def test_prepared_query_keeps_actor_text_until_it_meets_a_store(tmp_path: Path):
    prepared = prepare_query("what_actor_does", {"actor": "2024"})
    assert prepared.parameters == {"actor": "2024"} and prepared.actor_params == ("actor",)
    # a value parameter is still typed by its default, and is no actor
    own = tmp_path / "top.cypher"
    own.write_text(TOP_TARGETS, encoding="utf-8")
    assert prepare_query(str(own), {"limit": "3"}).parameters == {"limit": 3, "hostile": True}
    assert prepare_query(str(own), {}).actor_params == ()


# ----------------------------------------------------------------------------- unknown params
def test_an_undeclared_param_is_an_error_listing_the_querys_parameters(built, tmp_path: Path):
    line = _one_error_line(_query(built, "what_actor_does", "-p", "actr=Iran"))
    assert "has no parameter 'actr'" in line and "its parameters: actor" in line
    own = tmp_path / "top.cypher"
    own.write_text(TOP_TARGETS, encoding="utf-8")
    line = _one_error_line(_query(built, str(own), "-p", "limit=3", "-p", "top=3"))
    assert "no parameter 'top'" in line and "its parameters: limit=20, hostile=true" in line
    assert "'limit'" not in line
    line = _one_error_line(_query(built, "provisional_actors", "-p", "actor=Iran"))
    assert "it takes no parameters" in line


def test_undeclared_params_are_checked_before_any_store_is_opened(tmp_path: Path):
    missing = tmp_path / "nothing-here.lbdb"
    result = run_graphx("query", "most_attacked", "-p", "top=3", "--db", str(missing))
    assert "has no parameter 'top'" in _one_error_line(result)
    assert "no graphx store" not in result.stderr and not missing.exists()


def test_inline_cypher_and_undeclared_files_still_take_any_param(built, tmp_path: Path):
    rows = _rows(
        _query(built, "MATCH (a:Actor) WHERE a.id = $who RETURN a.name AS n", "-p", "who=iran")
    )
    assert rows == [{"n": "Iran"}]
    own = tmp_path / "mine.cypher"
    own.write_text("MATCH (a:Actor) WHERE a.id = $who RETURN a.name AS n\n", encoding="utf-8")
    assert _rows(_query(built, str(own), "-p", "who=us")) == [{"n": "United States"}]
    # a file that declares its parameters is held to them, and its actor params resolve
    declared = tmp_path / "declared.cypher"
    declared.write_text(
        "// The actor's name.\n// param: who (actor) — the actor\n"
        "MATCH (a:Actor) WHERE a.id = $who RETURN a.name AS n\n",
        encoding="utf-8",
    )
    assert _rows(_query(built, str(declared), "-p", "who=Tehran")) == [{"n": "Iran"}]
    assert "its parameters: who" in _one_error_line(_query(built, str(declared), "-p", "x=1"))


# ----------------------------------------------------------------------------- Neo4j-only
def test_a_neo4j_only_query_on_the_embedded_store_says_so_in_one_line(built):
    assert not find_query("shortest_chain").portable
    result = _query(built, "shortest_chain", "-p", "a=Iran", "-p", "b=US")
    line = _one_error_line(result)
    assert result.returncode == 1
    assert "Neo4j only" in line and "--neo4j" in line and "shortest_chain" in line
    # not the embedded database's own complaint about the statement
    for foreign in ("Parser", "Binder", "exception", "LadybugDB"):
        assert foreign not in line


def test_a_portable_query_is_not_refused_on_the_embedded_store(built):
    assert find_query("claims_by_actor").portable
    result = _query(built, "claims_by_actor", "-p", "actor=Iran")
    assert _rows(result) == []  # nobody's claims in NEWS, and no refusal either
    assert "Neo4j" not in result.stderr


# ----------------------------------------------------------------------------- extract output
@pytest.mark.parametrize("which", ["mentions", "extracted"])
def test_build_on_extract_output_points_to_load_once(built, which, tmp_path: Path):
    given = built[which]
    result = run_graphx("build", str(given), "--db", str(tmp_path / "g.lbdb"), "-q")
    line = _one_error_line(result)
    assert result.returncode == 1
    mentions = built["mentions"]
    assert line == f"Error: {mentions} looks like graphx extract output: use graphx load {mentions}"
    assert "missing 'id'" not in result.stderr


def test_build_on_extract_output_piped_in_says_so_once(built, tmp_path: Path):
    result = run_graphx(
        "build", "-", "--db", str(tmp_path / "g.lbdb"), "-q",
        input=built["mentions"].read_text(encoding="utf-8"),
    )  # fmt: skip
    line = _one_error_line(result)
    assert "<stdin> looks like graphx extract output" in line and "graphx load" in line
    assert "missing 'id'" not in result.stderr


def test_load_still_takes_extract_output(built, tmp_path: Path):
    db = tmp_path / "loaded.lbdb"
    result = run_graphx("load", str(built["mentions"]), "--db", str(db), "-q")
    assert result.returncode == 0 and "Error" not in result.stderr, result.stderr
    rows = _rows(run_graphx("query", "what_actor_does", "-p", "actor=Iran", "--db", str(db),
                            "--format", "json"))  # fmt: skip
    assert [r["target"] for r in rows] == ["Kataib Hezbollah"]


def test_a_document_corpus_is_not_taken_for_extract_output(tmp_path: Path):
    corpus = tmp_path / "docs.jsonl"
    records = [
        # a document corpus may carry source and target fields of its own
        {"id": "d1", "text": NEWS, "doc": "x", "relation": "r", "source": "s", "target": "t"},
        {"id": "d2", "text": NEWS, "source": "wire"},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    items = list(read_inputs([str(corpus)]))
    assert [i.id for i in items if isinstance(i, Document)] == ["d1", "d2"]
    assert not any(isinstance(i, InputError) for i in items)


def test_extract_output_is_decided_from_the_first_records():
    mention = {"doc": "a", "relation": "strikes", "source": {}, "target": {}, "sentence": "s"}
    assert looks_like_extract_output((json.dumps(mention) + "\n").encode() * 3)
    # a broken first line is skipped, the next record decides
    assert looks_like_extract_output(b"{cut off\n" + json.dumps(mention).encode())
    assert not looks_like_extract_output(json.dumps({"id": "1", "text": "t"}).encode())
    assert not looks_like_extract_output(b"")
    piped = io.TextIOWrapper(io.BytesIO((json.dumps(mention) + "\n").encode()))
    with pytest.raises(ExtractOutputGiven, match="<stdin> looks like graphx extract output"):
        list(read_inputs(["-"], stdin=piped))
