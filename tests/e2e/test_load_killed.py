"""A load killed midway (the process, with SIGKILL) and run again leaves every mention once."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphx.store.loading import load_mentions

from ..conftest import CORPUS, run_graphx
from ..fingerprint import store_contents

COPIES = 40


@pytest.fixture(scope="module")
def many_mentions(tmp_path_factory) -> tuple[Path, int]:
    """The corpus's mentions repeated under new document ids: many documents, many batches."""
    folder = tmp_path_factory.mktemp("killed")
    extracted = folder / "corpus.jsonl"
    run_graphx("extract", str(CORPUS), "-q", "-o", str(extracted), check=True)
    records = [json.loads(line) for line in extracted.read_text(encoding="utf-8").splitlines()]
    big = folder / "many.jsonl"
    with big.open("w", encoding="utf-8") as out:
        for copy in range(COPIES):
            for record in records:
                out.write(json.dumps({**record, "doc": f"{record['doc']}-{copy}"}) + "\n")
    return big, len(records) * COPIES


def _start_load(mentions: Path, *store_args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "graphx",
            "load",
            str(mentions),
            "-q",
            "--batch-size",
            "20",
            *store_args,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _assert_each_mention_once(store, total: int) -> None:
    count = store.query("MATCH (m:Mention) RETURN count(m) AS n").rows[0][0]
    distinct = store.query("MATCH (m:Mention) RETURN count(DISTINCT m.id) AS n").rows[0][0]
    assert count == distinct == total
    for relation in ("strikes", "supports"):
        mentions = store.query(
            "MATCH (m:Mention) WHERE m.relation = $r AND m.negated = false RETURN count(m) AS n",
            {"r": relation},
        ).rows[0][0]
        edges = store.query(
            f"MATCH ()-[e:{relation.upper()}]->() RETURN sum(e.mentions) AS n"
        ).rows[0][0]
        assert edges == mentions


def test_killed_neo4j_load_completes_on_rerun(neo4j_store, many_mentions):
    mentions, total = many_mentions
    neo4j_store.ensure_schema()
    loader = _start_load(mentions, "--neo4j", neo4j_store.location)
    loaded = 0
    deadline = time.time() + 240
    while time.time() < deadline and loader.poll() is None:
        loaded = neo4j_store.query("MATCH (m:Mention) RETURN count(m) AS n").rows[0][0]
        if loaded >= total // 4:
            break
        time.sleep(0.05)
    assert loader.poll() is None, (
        f"the load ended before it could be killed: {loader.stderr.read()}"
    )
    loader.kill()
    loader.wait()
    partial = neo4j_store.query("MATCH (m:Mention) RETURN count(m) AS n").rows[0][0]
    assert 0 < partial < total
    rerun = run_graphx("load", str(mentions), "-q", "--neo4j", neo4j_store.location, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    _assert_each_mention_once(neo4j_store, total)
    repaired = store_contents(neo4j_store)
    neo4j_store.reset()
    load_mentions(neo4j_store, str(mentions))
    assert store_contents(neo4j_store) == repaired  # the same graph as one clean load


def test_killed_embedded_load_completes_on_rerun(tmp_path: Path, many_mentions):
    from graphx.store import open_store

    mentions, total = many_mentions
    db = tmp_path / "killed.lbdb"
    loader = _start_load(mentions, "--db", str(db))
    time.sleep(6)  # the writer holds the store's lock: it is killed while still running
    still_running = loader.poll() is None
    loader.kill()
    loader.wait()
    rerun = run_graphx("load", str(mentions), "-q", "--db", str(db), timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    with open_store(db=str(db)) as store:
        _assert_each_mention_once(store, total)
        repaired = store_contents(store)
    assert still_running, "the load finished before the kill; raise COPIES"
    with open_store(db=str(tmp_path / "clean.lbdb")) as clean:
        load_mentions(clean, str(mentions))
        assert store_contents(clean) == repaired  # the same graph as one clean load
