"""Shared fixtures: one real spaCy pipeline and knowledge base for the whole session."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graphx.extract import Extractor
from graphx.models import Document, RelationMention

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "data" / "corpus"


def run_graphx(*args: str, timeout: int = 300, check: bool = False) -> subprocess.CompletedProcess:
    """`graphx ARGS...` in a fresh interpreter, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "graphx", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=check,
    )


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
