"""scripts/neo4j-local and graphx agree on the password, and the script reports the server it
started.

One server of this module's own (its own NEO4J_LOCAL_HOME, port 7698), started with
NEO4J_PASSWORD unset, stopped at the end; graphx then talks to it with NEO4J_PASSWORD unset.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from graphx.store import LOCAL_NEO4J_PASSWORD, neo4j_password, open_store
from tests.conftest import CORPUS, ROOT

SCRIPT = ROOT / "scripts" / "neo4j-local"
PORT = "7698"
OTHER_PORT = "7697"
URI = f"bolt://127.0.0.1:{PORT}"
GRAPHX = (sys.executable, "-m", "graphx")
COUNT_ACTORS = "MATCH (a:Actor) RETURN count(a) AS actors"


def _environment(home: Path, **extra: str) -> dict[str, str]:
    """The environment with no Neo4j settings but this module's server home and port."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"NEO4J_URI", "NEO4J_PASSWORD", "NEO4J_USERNAME", "GRAPHX_DB"}
    }
    env.update({"NEO4J_LOCAL_HOME": str(home), "NEO4J_LOCAL_PORT": PORT, **extra})
    return env


def _script(home: Path, command: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(SCRIPT), command],
        capture_output=True,
        text=True,
        timeout=400,
        env=_environment(home, **extra),
    )


@pytest.fixture(scope="module")
def server_home(tmp_path_factory) -> Iterator[Path]:
    """A neo4j-local server started with NEO4J_PASSWORD unset: the documented default."""
    if not (ROOT / ".neo4j" / "lib").is_dir():
        pytest.skip("the Neo4j jars are not fetched yet: run scripts/neo4j-local start once")
    home = tmp_path_factory.mktemp("neo4j-local")
    started = _script(home, "start")
    try:
        assert started.returncode == 0, started.stderr
        assert started.stdout.strip() == URI
        yield home
    finally:
        _script(home, "stop")


# ----------------------------------------------------------------------------- the password
def test_local_default_only_for_a_server_on_this_machine(monkeypatch) -> None:
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    for local in (
        "bolt://127.0.0.1:7687",
        "bolt://localhost",
        "neo4j://localhost:7687",
        "bolt://neo4j@127.0.0.1:7687",
        "bolt://[::1]:7687",
    ):
        assert neo4j_password(local) == LOCAL_NEO4J_PASSWORD, local
    for remote in (
        "bolt://db.example.org:7687",
        "neo4j+s://abcd1234.databases.neo4j.io",
        "bolt://localhost.example.org",
        "bolt://127.0.0.1.nip.io",
        "bolt://10.1.2.3:7687",
    ):
        assert neo4j_password(remote) == "", remote


def test_a_set_password_wins_everywhere(monkeypatch) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", "chosen-password")
    assert neo4j_password("bolt://127.0.0.1:7687") == "chosen-password"
    assert neo4j_password("bolt://db.example.org") == "chosen-password"
    assert neo4j_password("bolt://db.example.org") != LOCAL_NEO4J_PASSWORD


def test_the_script_and_graphx_share_one_default() -> None:
    script = SCRIPT.read_text()
    assert "${NEO4J_PASSWORD:-" + LOCAL_NEO4J_PASSWORD + "}" in script
    assert "NEO4J_PASSWORD:-}" not in script


def test_graphx_logs_in_to_neo4j_local_without_a_password(server_home: Path) -> None:
    env = _environment(server_home)
    built = subprocess.run(
        [*GRAPHX, "build", str(CORPUS / "10_tower22_2024.txt"), "--neo4j", URI, "-q"],
        capture_output=True,
        text=True,
        timeout=400,
        env=env,
    )
    assert built.returncode == 0, built.stderr
    assert "Error" not in built.stderr
    asked = subprocess.run(
        [*GRAPHX, "query", COUNT_ACTORS, "--neo4j", f"bolt://localhost:{PORT}", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert asked.returncode == 0, asked.stderr
    assert '"actors": 0' not in asked.stdout
    assert '"actors"' in asked.stdout


def test_open_store_refuses_a_wrong_password_on_the_same_server(
    server_home: Path, monkeypatch
) -> None:
    from graphx.errors import GraphxError

    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password")
    with pytest.raises(GraphxError) as refused:
        open_store(neo4j=URI, read_only=True).close()
    assert "not-the-password" not in str(refused.value)


# ----------------------------------------------------------------------------- the script
def test_start_with_another_password_says_so_in_one_line(server_home: Path) -> None:
    again = _script(server_home, "start", NEO4J_PASSWORD="a-different-password")
    assert again.returncode == 1
    assert again.stdout == ""  # no URI that would refuse the caller's password
    lines = again.stderr.strip().splitlines()
    assert len(lines) == 1, again.stderr
    assert "another password" in lines[0]
    assert f"port {PORT}" in lines[0]
    assert "a-different-password" not in again.stderr


def test_start_again_with_the_same_password_gives_the_running_server(server_home: Path) -> None:
    same = _script(server_home, "start", NEO4J_PASSWORD=LOCAL_NEO4J_PASSWORD)
    assert same.returncode == 0, same.stderr
    assert same.stdout.strip() == URI
    moved = _script(server_home, "start", NEO4J_LOCAL_PORT=OTHER_PORT)
    assert moved.returncode == 0, moved.stderr
    assert moved.stdout.strip() == URI
    assert OTHER_PORT not in moved.stdout
    assert f"already running on port {PORT}" in moved.stderr


def test_status_reports_the_started_server_whatever_the_port_says_now(server_home: Path) -> None:
    status = _script(server_home, "status", NEO4J_LOCAL_PORT=OTHER_PORT)
    assert status.returncode == 0, status.stdout + status.stderr
    assert status.stdout.startswith(f"running: {URI} (pid ")
    assert OTHER_PORT not in status.stdout


def test_the_home_keeps_a_hash_never_the_password(server_home: Path) -> None:
    kept = (server_home / "neo4j.password-sha256").read_text()
    assert LOCAL_NEO4J_PASSWORD not in kept
    _salt, digest = kept.split()
    assert len(digest) == 64 and int(digest, 16) >= 0
    assert (server_home / "neo4j.password-sha256").stat().st_mode & 0o077 == 0
    assert (server_home / "neo4j.port").read_text().strip() == PORT


def test_status_after_stop_is_not_running(tmp_path: Path) -> None:
    # A home that never ran a server: nothing is reported running, whatever the port.
    status = _script(tmp_path, "status")
    assert status.returncode == 3
    assert status.stdout.strip() == "not running"
    assert "running:" not in status.stdout
