"""Reading commands ask Neo4j for READ access: on a cluster or Aura the driver routes them to a
reader, and the server refuses any write in them. The real driver runs every query; the test
only records the access mode each query and session asked for (the driver's own argument)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ..conftest import _require_neo4j


@pytest.fixture
def loaded_neo4j(corpus_mentions: Path) -> str:
    from graphx.store import open_store
    from graphx.store.loading import load_mentions

    uri = _require_neo4j()["uri"]
    with open_store(neo4j=uri) as store:
        store.reset()
        load_mentions(store, str(corpus_mentions))
    return uri


@pytest.fixture
def access_modes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each access mode the driver is asked for, as "query:READ" or "session:WRITE"."""
    import neo4j

    seen: list[str] = []
    execute_query = neo4j.Driver.execute_query
    session = neo4j.Driver.session

    def recording_execute_query(self, *args, **kwargs):
        routing = kwargs.get("routing_", neo4j.RoutingControl.WRITE)
        seen.append(f"query:{'READ' if routing == neo4j.RoutingControl.READ else 'WRITE'}")
        return execute_query(self, *args, **kwargs)

    def recording_session(self, *args, **kwargs):
        mode = kwargs.get("default_access_mode", neo4j.WRITE_ACCESS)
        seen.append(f"session:{'READ' if mode == neo4j.READ_ACCESS else 'WRITE'}")
        return session(self, *args, **kwargs)

    monkeypatch.setattr(neo4j.Driver, "execute_query", recording_execute_query)
    monkeypatch.setattr(neo4j.Driver, "session", recording_session)
    return seen


LOOKUPS = [
    ["actor", "Kataib Hezbollah"],
    ["between", "United States", "Kataib Hezbollah"],
    ["path", "Iran", "United States"],
    ["timeline", "Kataib Hezbollah"],
    ["stats"],
    ["query", "who_strikes_whom"],
]


@pytest.mark.parametrize("command", LOOKUPS, ids=lambda c: c[0])
def test_lookups_open_read_transactions(loaded_neo4j, access_modes, command):
    from graphx.cli import main

    result = CliRunner().invoke(main, [*command, "--neo4j", loaded_neo4j])
    assert result.exit_code == 0, result.output
    assert access_modes, "the command ran no query"
    assert set(access_modes) == {"query:READ"}, access_modes


def test_views_and_exports_open_read_transactions(loaded_neo4j, access_modes, tmp_path):
    from graphx.cli import main

    for command in (
        ["view", "-o", str(tmp_path / "view.html")],
        ["export", "--format", "graphml", "-o", str(tmp_path / "graph.graphml")],
    ):
        result = CliRunner().invoke(main, [*command, "--neo4j", loaded_neo4j])
        assert result.exit_code == 0, result.output
    assert access_modes and set(access_modes) == {"query:READ"}, access_modes


def test_a_load_asks_for_write_access(access_modes, corpus_mentions):
    # the recording itself tells the two apart: a load writes
    from graphx.cli import main

    uri = _require_neo4j()["uri"]
    result = CliRunner().invoke(main, ["load", str(corpus_mentions), "--neo4j", uri, "-q"])
    assert result.exit_code == 0, result.output
    assert any(mode.endswith("WRITE") for mode in access_modes), access_modes
