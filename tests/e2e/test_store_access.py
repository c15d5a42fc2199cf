"""Store access through the CLI: read-only unless asked, never created by a read, readers that
do not lock each other out, and failures in one line that never show a password."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import CORPUS, _require_neo4j, run_graphx

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = str(CORPUS / "05_soleimani_strike_2020.txt")

WRITES = {
    "CREATE": "CREATE (:Actor {id: 'intruder', name: 'x'})",
    "SET": "MATCH (a:Actor) SET a.name = 'renamed'",
    "DELETE": "MATCH (m:Mention) DETACH DELETE m",
    "MERGE": "MERGE (:Actor {id: 'intruder', name: 'x'})",
    "DETACH DELETE": "MATCH (a:Actor) DETACH DELETE a",
    "DROP": "DROP TABLE Mention",
}
COUNT = "MATCH (n) RETURN count(n) AS n"


@pytest.fixture(scope="module")
def embedded_args(tmp_path_factory) -> list[str]:
    db = tmp_path_factory.mktemp("access") / "graph.lbdb"
    run_graphx("build", ARTICLE, "-q", "--db", str(db), check=True)
    return ["--db", str(db)]


@pytest.fixture
def neo4j_args() -> list[str]:
    uri = _require_neo4j()["uri"]
    run_graphx("reset", "--yes", "--neo4j", uri, check=True)
    run_graphx("build", ARTICLE, "-q", "--neo4j", uri, check=True)
    return ["--neo4j", uri]


@pytest.fixture(params=["embedded", "neo4j"])
def store_args(request) -> list[str]:
    return request.getfixturevalue(f"{request.param}_args")


def _count(args: list[str]) -> str:
    result = run_graphx("query", COUNT, "--format", "csv", *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _one_error_line(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


# ----------------------------------------------------------------------------- read-only
@pytest.mark.parametrize("clause", list(WRITES))
def test_query_is_read_only_without_write(store_args, clause):
    before = _count(store_args)
    if clause == "DROP" and store_args[0] == "--neo4j":
        statement = "DROP CONSTRAINT graphx_actor_id"
    else:
        statement = WRITES[clause]
    refused = run_graphx("query", statement, *store_args)
    assert refused.returncode == 1
    assert "read-only" in _one_error_line(refused) and "--write" in refused.stderr
    assert _count(store_args) == before


def test_query_with_write_changes_the_store(store_args):
    before = _count(store_args)
    done = run_graphx("query", WRITES["CREATE"], "--write", *store_args)
    assert done.returncode == 0, done.stderr
    assert _count(store_args) != before
    run_graphx("query", "MATCH (a:Actor) WHERE a.id = 'intruder' DELETE a", "--write", *store_args)


# ----------------------------------------------------------------------------- never created
@pytest.mark.parametrize(
    "command",
    [
        ["actor", "Iran"],
        ["between", "Iran", "US"],
        ["path", "Iran", "US"],
        ["timeline", "Iran"],
        ["query", COUNT],
        ["stats"],
        ["view", "-o", "view.html"],
        ["export", "--format", "json", "-o", "out.json"],
    ],
)
def test_read_commands_never_create_a_store(tmp_path: Path, command):
    db = tmp_path / "absent.lbdb"
    result = subprocess.run(
        [sys.executable, "-m", "graphx", *command, "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert _one_error_line(result) == f"Error: no graphx store at {db}: run graphx build first"
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_an_empty_neo4j_is_no_store():
    uri = _require_neo4j()["uri"]
    run_graphx("reset", "--yes", "--neo4j", uri, check=True)
    result = run_graphx("actor", "Iran", "--neo4j", uri)
    assert result.returncode == 1
    assert _one_error_line(result) == f"Error: no graphx store at {uri}: run graphx build first"


def test_an_empty_neo4j_uri_is_an_error(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "graphx", "build", ARTICLE, "--neo4j", ""],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode != 0
    assert "--neo4j needs a URI" in _one_error_line(result)
    assert not (tmp_path / "graphx.lbdb").exists()


# ----------------------------------------------------------------------------- concurrency
_HOLD = """
import sys, time
from graphx.store import open_store
store = open_store(db=sys.argv[1], read_only=sys.argv[2] == "read")
print("open", flush=True)
time.sleep(60)
"""


def _holder(db: str, mode: str) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, db, mode], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "open"
    return holder


def test_readers_do_not_lock_each_other_out(embedded_args):
    holder = _holder(embedded_args[1], "read")  # a notebook with the store open
    try:
        for command in (["actor", "Iran"], ["query", COUNT]):
            result = run_graphx(*command, *embedded_args)
            assert result.returncode == 0, result.stderr
    finally:
        holder.kill()
        holder.wait()


def test_a_reader_while_a_writer_holds_the_store_names_the_writer(tmp_path: Path):
    db = tmp_path / "graph.lbdb"
    run_graphx("build", ARTICLE, "-q", "--db", str(db), check=True)
    holder = _holder(str(db), "write")
    try:
        result = run_graphx("actor", "Iran", "--db", str(db))
        assert result.returncode == 1
        line = _one_error_line(result)
        assert str(holder.pid) in line and "retry" in line
    finally:
        holder.kill()
        holder.wait()


def test_a_writer_while_a_reader_holds_the_store_names_the_reader(tmp_path: Path):
    db = tmp_path / "graph.lbdb"
    run_graphx("build", ARTICLE, "-q", "--db", str(db), check=True)
    holder = _holder(str(db), "read")
    try:
        result = run_graphx("build", ARTICLE, "-q", "--db", str(db))
        assert result.returncode == 1
        line = _one_error_line(result)
        assert "reading" in line and str(holder.pid) in line
    finally:
        holder.kill()
        holder.wait()


# ----------------------------------------------------------------------------- damage
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_damaged_embedded_store_is_one_line(tmp_path: Path, seed: int):
    import random

    db = tmp_path / "graph.lbdb"
    run_graphx("build", str(CORPUS), "-q", "--db", str(db), check=True)
    size = db.stat().st_size
    with db.open("r+b") as handle:  # overwrite pages in the middle of the file
        handle.seek(size // 3)
        handle.write(random.Random(seed).randbytes(size // 3))
    for command in (["view", "-o", str(tmp_path / "v.html")], ["actor", "Iran"], ["stats"]):
        result = run_graphx(*command, "--db", str(db))
        assert result.returncode == 1, result.stdout
        assert _one_error_line(result).startswith(f"Error: the store is damaged: {db}: ")


def test_a_file_that_is_no_store_is_one_line(tmp_path: Path):
    db = tmp_path / "notes.lbdb"
    db.write_text("these are my notes, not a graph\n", encoding="utf-8")
    result = run_graphx("actor", "Iran", "--db", str(db))
    assert result.returncode == 1
    assert _one_error_line(result).startswith(f"Error: the store is damaged: {db}: ")
    assert db.read_text(encoding="utf-8") == "these are my notes, not a graph\n"


# ----------------------------------------------------------------------------- URIs, secrets
def test_unsupported_schemes_list_the_supported_ones():
    result = run_graphx("actor", "Iran", "--neo4j", "http://127.0.0.1:7474")
    assert result.returncode == 1
    line = _one_error_line(result)
    for scheme in ("bolt", "bolt+s", "neo4j", "neo4j+s"):
        assert scheme in line


def test_a_password_in_the_uri_is_never_shown():
    # nothing listens on port 1: the error names the URI, with the password masked
    result = run_graphx("actor", "Iran", "--neo4j", "bolt://neo4j:s3cret-pass@127.0.0.1:1")
    assert result.returncode == 1
    line = _one_error_line(result)
    assert "s3cret-pass" not in result.stderr + result.stdout
    assert "bolt://neo4j:***@127.0.0.1:1" in line


def test_credentials_in_the_uri_are_used_and_masked():
    settings = _require_neo4j()
    host = settings["uri"].split("://", 1)[1]
    uri = f"bolt://neo4j:{settings['password']}@{host}"
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_PASSWORD"}
    result = subprocess.run(
        [sys.executable, "-m", "graphx", "reset", "--yes", "--neo4j", uri],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert settings["password"] not in result.stderr + result.stdout
    assert result.stderr.strip() == f"reset bolt://neo4j:***@{host}"


# ----------------------------------------------------------------------------- a dying server
@pytest.fixture
def own_server(tmp_path_factory):
    """A Neo4j server of this test's own, to kill: the shared one stays up."""
    _require_neo4j()
    home = tmp_path_factory.mktemp("neo4j-victim")
    env = {**os.environ, "NEO4J_LOCAL_HOME": str(home), "NEO4J_LOCAL_PORT": "7699"}
    started = subprocess.run(
        [str(ROOT / "scripts" / "neo4j-local"), "start"],
        capture_output=True,
        text=True,
        timeout=240,
        env=env,
        check=True,
    )
    pid = int((home / "neo4j.pid").read_text())
    yield started.stdout.strip(), pid
    with_stop = subprocess.run(
        [str(ROOT / "scripts" / "neo4j-local"), "stop"], capture_output=True, env=env
    )
    assert with_stop.returncode == 0


def test_neo4j_dying_mid_load_is_one_line_naming_the_uri(own_server, tmp_path: Path):
    import json

    uri, pid = own_server
    extracted = tmp_path / "corpus.jsonl"
    run_graphx("extract", str(CORPUS), "-q", "-o", str(extracted), check=True)
    records = [json.loads(line) for line in extracted.read_text(encoding="utf-8").splitlines()]
    many = tmp_path / "many.jsonl"
    with many.open("w", encoding="utf-8") as out:
        for copy in range(150):
            for record in records:
                out.write(json.dumps({**record, "doc": f"{record['doc']}-{copy}"}) + "\n")
    loader = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "graphx",
            "load",
            str(many),
            "-q",
            "--batch-size",
            "50",
            "--neo4j",
            uri,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(8)
    assert loader.poll() is None, f"the load ended before the server died: {loader.stderr.read()}"
    os.kill(pid, signal.SIGKILL)
    killed_at = time.time()
    _, stderr = loader.communicate(timeout=120)
    assert loader.returncode == 1
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {uri}: "), stderr
    assert "documents were loaded before" in lines[0]
    assert time.time() - killed_at < 30


def test_the_login_rate_limit_is_named_as_such():
    uri = _require_neo4j()["uri"]
    env = {**os.environ, "NEO4J_PASSWORD": "not-the-password"}
    lines = []
    for _ in range(4):  # Neo4j locks a user out for 5 s after 3 failed logins
        result = subprocess.run(
            [sys.executable, "-m", "graphx", "actor", "Iran", "--neo4j", uri],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        assert result.returncode == 1
        lines.append(_one_error_line(result))
    assert lines[0] == f"Error: {uri}: Neo4j refused the credentials of user 'neo4j'"
    assert lines[-1] == (
        f"Error: {uri}: Neo4j refuses logins for now after too many failed attempts; wait and retry"
    )
    time.sleep(6)  # let the lock-out pass before the next test logs in
