"""A bulk first load through Neo4j's own import tool gives the graph the online loader gives.

The sample corpus's mentions (extracted once, with the real model) are written by `graphx
bulk-export`, imported by the real `neo4j-admin database import full` (scripts/neo4j-local
import: Neo4j 5.26's import tool from the server's own Maven Central jars) into a server home of
this module's own (port 7695, stopped at the end), and that server is then compared with the
shared test server loaded online: every count and every typed edge equals an online `graphx
build` of the corpus, every node, property and link equals an online `graphx load` of the same
mentions, and a `graphx load` of those mentions on top of the import changes nothing.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graphx.store import cypher, open_store
from graphx.store.rows import EDGE_LABELS
from tests.conftest import CORPUS, ROOT, _require_neo4j, run_graphx
from tests.fingerprint import store_contents

SCRIPT = ROOT / "scripts" / "neo4j-local"
PORT = "7695"
URI = f"bolt://127.0.0.1:{PORT}"
LINKS = ("IN_DOCUMENT", "SOURCE", "TARGET", "CLAIMED_BY")


def _local(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEO4J_LOCAL_HOME": str(home), "NEO4J_LOCAL_PORT": PORT}
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, timeout=400, env=env
    )


def _graph(store: Any) -> dict[str, Any]:
    """What the comparisons look at: counts per label and type (links and bookkeeping nodes
    too), the typed edges with every property, and every row the fingerprint reads."""
    counts = store.counts()
    for link in LINKS:
        counts[link] = store.run(f"MATCH ()-[e:{link}]->() RETURN count(e)").rows[0][0]
    counts["GraphxState"] = store.run("MATCH (s:GraphxState) RETURN count(s)").rows[0][0]
    edges = sorted(tuple(sorted(row.items())) for row in store.run(cypher.EDGES_ALL).records())
    return {"counts": counts, "edges": edges, "contents": store_contents(store)}


@pytest.fixture(scope="module")
def online(corpus_mentions: Path) -> dict[str, dict[str, Any]]:
    """The shared server's graph after an online build of the corpus, and after an online
    load of its mentions."""
    uri = _require_neo4j()["uri"]
    graphs = {}
    with open_store(neo4j=uri) as store:
        store.reset()
        run_graphx("build", str(CORPUS), "-q", "--neo4j", uri, check=True)
        graphs["build"] = _graph(store)
        store.reset()
        run_graphx("load", str(corpus_mentions), "-q", "--neo4j", uri, check=True)
        graphs["load"] = _graph(store)
        store.reset()
    return graphs


@pytest.fixture(scope="module")
def exported(corpus_mentions: Path, tmp_path_factory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("bulk") / "import"
    done = run_graphx("bulk-export", str(corpus_mentions), "-o", str(folder))
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr
    return folder, done.stdout


@pytest.fixture(scope="module")
def imported(exported, tmp_path_factory) -> Iterator[Any]:
    """A server of this module's own on a database the import tool wrote."""
    if not (ROOT / ".neo4j" / "lib").is_dir():
        if os.environ.get("CI"):
            pytest.fail("CI must run the import: the Neo4j jars are not fetched")
        pytest.skip("the Neo4j jars are not fetched yet: run scripts/neo4j-local start once")
    _require_neo4j()
    folder, _ = exported
    home = tmp_path_factory.mktemp("neo4j-bulk")
    done = _local(home, "import", str(folder))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "IMPORT DONE" in done.stdout
    started = _local(home, "start")
    try:
        assert started.returncode == 0, started.stderr
        with open_store(neo4j=URI) as store:
            store.home = home
            yield store
    finally:
        _local(home, "stop")


def test_the_export_prints_the_command_it_wrote(exported) -> None:
    folder, stdout = exported
    assert stdout.strip().startswith("cd ")
    assert "neo4j-admin database import full neo4j" in stdout
    assert stdout.strip() in (folder / "README").read_text()
    assert (folder / "import.args").read_text().splitlines()[0].startswith("--nodes=Actor=")


def test_the_import_has_every_count_and_typed_edge_of_an_online_build(imported, online) -> None:
    graph = _graph(imported)
    assert graph["counts"] == online["build"]["counts"]
    assert graph["counts"]["mentions"] > 50 and graph["counts"]["GraphxState"] == 2
    assert sum(graph["counts"][label] for label in EDGE_LABELS.values()) == len(graph["edges"])
    assert graph["edges"] == online["build"]["edges"]


def test_the_import_holds_exactly_what_an_online_load_holds(imported, online) -> None:
    assert _graph(imported) == online["load"]


def test_a_later_online_load_on_top_changes_nothing(imported, online, corpus_mentions) -> None:
    before = _graph(imported)
    done = run_graphx("load", str(corpus_mentions), "--neo4j", URI)
    assert done.returncode == 0, done.stderr
    assert "0 mentions added, 0 removed" in done.stderr
    assert "0 edges added, 0 removed" in done.stderr
    assert _graph(imported) == before == online["load"]
    constraints = {row[0] for row in imported.run("SHOW CONSTRAINTS YIELD name").rows}
    assert {"graphx_actor_id", "graphx_document_id", "graphx_mention_id"} <= constraints


def test_the_import_refuses_while_the_server_runs(imported, exported) -> None:
    folder, _ = exported
    running = _local(imported.home, "import", str(folder))
    assert running.returncode == 1
    assert "needs it stopped" in running.stderr
    assert imported.run("MATCH (m:Mention) RETURN count(m)").rows[0][0] > 0


def test_import_sh_runs_the_admin_command_it_is_given(exported, tmp_path: Path) -> None:
    """import.sh passes its options on, runs from its folder, and finds a relative NEO4J_ADMIN
    from where it was started."""
    folder, _ = exported
    fake = tmp_path / "bin" / "fake-admin"
    fake.parent.mkdir()
    fake.write_text('#!/usr/bin/env bash\npwd > "$0.cwd"\nprintf "%s\\n" "$@" > "$0.args"\n')
    fake.chmod(0o755)
    done = subprocess.run(
        ["bash", str(folder / "import.sh"), "--overwrite-destination=true"],
        cwd=tmp_path,
        env={**os.environ, "NEO4J_ADMIN": "bin/fake-admin", "NEO4J_DATABASE": "graph"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert Path(f"{fake}.cwd").read_text().strip() == str(folder.resolve())
    args = Path(f"{fake}.args").read_text().splitlines()
    options = (folder / "import.args").read_text().splitlines()
    assert args == ["database", "import", "full", "graph", *options, "--overwrite-destination=true"]


def test_bad_lines_are_named_and_skipped_as_load_skips_them(corpus_mentions, tmp_path) -> None:
    mentions = tmp_path / "some.jsonl"
    lines = corpus_mentions.read_text(encoding="utf-8").splitlines()
    mentions.write_text("\n".join([lines[0], "{not json", lines[1]]) + "\n", encoding="utf-8")
    done = run_graphx("bulk-export", str(mentions), "-o", str(tmp_path / "out"), "-q")
    assert done.returncode == 3
    assert done.stderr.startswith(f"Error: {mentions}:2: not JSON")
    assert (tmp_path / "out" / "mentions.csv").read_text(encoding="utf-8").count("\n") == 2


def test_a_folder_in_use_is_one_line(corpus_mentions, tmp_path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine", encoding="utf-8")
    done = run_graphx("bulk-export", str(corpus_mentions), "-o", str(tmp_path / "out"))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"Error: {tmp_path / 'out'}: not empty; bulk-export writes into a new or empty folder"
    ]
