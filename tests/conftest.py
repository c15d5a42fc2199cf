"""Shared fixtures: one real spaCy pipeline and knowledge base for the whole session."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import traceback
from collections.abc import Mapping
from pathlib import Path

import pytest

from graphx.extraction.pipeline import Extractor
from graphx.models import Document, RelationMention
from graphx.store import LOCAL_NEO4J_PASSWORD

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "data" / "corpus"


def shared_score(gold: Path, actors: Path, predictions: Path) -> dict:
    """`predictions` scored by the shared annotation scorer (../shared/eval/score.py --json)."""
    scored = subprocess.run(
        [
            sys.executable,
            str(SHARED / "eval" / "score.py"),
            "--gold",
            str(gold),
            "--actors",
            str(actors),
            str(predictions),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(scored.stdout)


def run_graphx(
    *args: str,
    timeout: int = 300,
    check: bool = False,
    input: str | None = None,
    env: Mapping[str, str | None] | None = None,
    subprocess: bool = False,
) -> subprocess.CompletedProcess:
    """`graphx ARGS...` with `input` on standard input and `env` over the environment (None
    unsets a variable): exit code, standard output and standard error kept apart.

    In this process through click's CliRunner by default (no interpreter or spaCy import to
    pay for); with `subprocess`, in a fresh interpreter as a user runs it, for the tests about
    start-up, imports, signals, standard streams, terminals or separate processes. `timeout`
    holds only for a subprocess."""
    if subprocess:
        return _run_in_subprocess(args, timeout=timeout, check=check, input=input, env=env)
    return _run_in_process(args, check=check, input=input, env=env)


def _run_in_subprocess(
    args: tuple[str, ...],
    *,
    timeout: int,
    check: bool,
    input: str | None,
    env: Mapping[str, str | None] | None,
) -> subprocess.CompletedProcess:
    environment = None
    if env:
        environment = {**os.environ, **env}
        environment = {name: value for name, value in environment.items() if value is not None}
    return subprocess.run(
        [sys.executable, "-m", "graphx", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=check,
        input=input,
        env=environment,
    )


# What a command may change in the process it runs in and a fresh interpreter would forget.
_SIGNALS = tuple(
    getattr(signal, name)
    for name in ("SIGINT", "SIGTERM", "SIGPIPE", "SIGPROF", "SIGALRM", "SIGXFSZ", "SIGCHLD")
    if hasattr(signal, name)
)


def _run_in_process(
    args: tuple[str, ...],
    *,
    check: bool,
    input: str | None,
    env: Mapping[str, str | None] | None,
) -> subprocess.CompletedProcess:
    from click.testing import CliRunner

    from graphx.cli import main
    from graphx.extraction import kb

    saved_environment = dict(os.environ)
    saved_cwd = os.getcwd()
    saved_handlers = {number: signal.getsignal(number) for number in _SIGNALS}
    # a fresh interpreter reads the knowledge-base files afresh: so does every run here
    kb._build_cached.cache_clear()
    try:
        result = CliRunner().invoke(main, list(args), input=input, env=env, prog_name="graphx")
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_environment)
        for number, handler in saved_handlers.items():
            if handler is not None:
                signal.signal(number, handler)
        kb._build_cached.cache_clear()
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        # what the interpreter would print for an exception no one caught
        stderr += "".join(traceback.format_exception(*result.exc_info))
    completed = subprocess.CompletedProcess(
        ["graphx", *args], result.exit_code, result.stdout, stderr
    )
    if check:
        completed.check_returncode()
    return completed


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(keep_negated=True)


@pytest.fixture(scope="session")
def extract(extractor: Extractor):
    """Relations in `text` as (source id, relation, target id) triples, negated ones apart."""

    def run(text: str, date: str | None = None, with_negated: bool = False) -> set[tuple]:
        found = extractor.extract(Document(id="t", text=text, source="test", date=date))
        return {
            (r.source.actor.id, r.relation, r.target.actor.id)
            for r in found
            if with_negated or not r.negated
        }

    return run


@pytest.fixture(scope="session")
def mentions(extractor: Extractor):
    """The full relation mentions for `text`."""

    def run(text: str, date: str | None = None) -> list[RelationMention]:
        return extractor.extract(Document(id="t", text=text, source="test", date=date))

    return run


# ----------------------------------------------------------------------------- stores
# scripts/neo4j-local's password when NEO4J_PASSWORD is not set (a local test server only)
if os.environ.get("NEO4J_URI") and not os.environ.get("NEO4J_PASSWORD"):
    os.environ["NEO4J_PASSWORD"] = LOCAL_NEO4J_PASSWORD


def neo4j_settings() -> dict[str, str] | None:
    """The test Neo4j server: NEO4J_URI (and NEO4J_PASSWORD), as the README's command sets."""
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        return None
    return {"uri": uri, "password": os.environ["NEO4J_PASSWORD"]}


def _require_neo4j() -> dict[str, str]:
    settings = neo4j_settings()
    if settings is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the Neo4j tests: NEO4J_URI is not set (.ci/run starts it)")
        pytest.skip("no Neo4j server: run scripts/neo4j-local start and export NEO4J_URI")
    return settings


@pytest.fixture
def neo4j_store():
    from graphx.store import open_store

    settings = _require_neo4j()
    store = open_store(neo4j=settings["uri"])
    store.reset()
    yield store
    store.close()


@pytest.fixture
def embedded_store(tmp_path: Path):
    from graphx.store import open_store

    store = open_store(db=str(tmp_path / "graph.lbdb"))
    yield store
    store.close()


@pytest.fixture(params=["embedded", "neo4j"])
def store(request):
    """Each store in turn: the tests that take it run against both implementations."""
    return request.getfixturevalue(f"{request.param}_store")


@pytest.fixture(scope="session")
def corpus_mentions(tmp_path_factory) -> Path:
    """The sample corpus extracted once (JSON Lines), for tests that need a loaded store."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    run_graphx("extract", str(CORPUS), "-q", "-o", str(path), check=True)
    return path


@pytest.fixture(scope="module", params=["embedded", "neo4j"])
def corpus_store(request, corpus_mentions: Path, tmp_path_factory):
    """Each store in turn, loaded with the sample corpus once per test module (read-only use)."""
    from graphx.store import open_store
    from graphx.store.loading import load_mentions

    if request.param == "neo4j":
        store = open_store(neo4j=_require_neo4j()["uri"])
        store.reset()
    else:
        store = open_store(db=str(tmp_path_factory.mktemp("corpus_store") / "graph.lbdb"))
    load_mentions(store, str(corpus_mentions))
    yield store
    store.close()
